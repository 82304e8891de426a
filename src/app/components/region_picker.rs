//! The region control: a combobox (the WAI-ARIA pattern) over the places the document holds. Typing
//! narrows the list (Arabic names, with their spelling folded, and English ones); the arrow keys
//! move through it without choosing anything; Enter or a click chooses; Escape closes. The places
//! are grouped by kind, broadest first, each with how many resolutions choosing it would show (an
//! option at zero is there, and cannot be chosen).

use leptos::prelude::*;

use crate::app::state::{use_state, AppState};
use crate::lexicon::gazetteer;
use crate::model::RegionKind;
use crate::text::normalize;

/// The groups of the list, in order.
const GROUPS: [RegionKind; 6] = [
    RegionKind::Continent,
    RegionKind::Subregion,
    RegionKind::Member,
    RegionKind::Territory,
    RegionKind::People,
    RegionKind::Country,
];

/// One option of the list.
#[derive(Debug, Clone, PartialEq)]
struct Choice {
    slug: String,
    kind: RegionKind,
    arabic: String,
    english: String,
    count: usize,
}

/// Does `typed` (as typed) find a place by one of its names?
fn finds(typed: &str, names: &[String], english: &str) -> bool {
    let t = normalize(typed.trim());
    if t.is_empty() {
        return true;
    }
    english.to_lowercase().contains(&t) || names.iter().any(|n| normalize(n).contains(&t))
}

/// The picker's state: what is typed, whether the list is open, the option the arrow keys are
/// on (an index into `shown`, not yet chosen), and the options that match what is typed.
#[derive(Clone, Copy)]
struct Picker {
    state: AppState,
    typed: RwSignal<String>,
    open: RwSignal<bool>,
    active: RwSignal<Option<usize>>,
    shown: Memo<Vec<Choice>>,
}

impl Picker {
    fn new() -> Picker {
        let state = use_state();
        let typed = RwSignal::new(String::new());
        let shown = Memo::new(move |_| {
            let g = gazetteer();
            let t = typed.get();
            state.facets.with(|f| {
                let mut all: Vec<Choice> = f
                    .regions
                    .iter()
                    .filter_map(|(slug, n)| {
                        let r = &g.regions[g.slug(slug)?];
                        finds(&t, &r.names, &r.english).then(|| Choice {
                            slug: slug.clone(),
                            kind: r.kind,
                            arabic: r.names[0].clone(),
                            english: r.english.clone(),
                            count: *n,
                        })
                    })
                    .collect();
                all.sort_by_key(|c| GROUPS.iter().position(|k| *k == c.kind));
                all
            })
        });
        Picker {
            state,
            typed,
            open: RwSignal::new(false),
            active: RwSignal::new(None),
            shown,
        }
    }

    /// Adds the place to the view's regions, and closes the list.
    fn choose(self, slug: String) {
        self.state.change(
            move |q| {
                if !q.regions.contains(&slug) {
                    q.regions.push(slug.clone())
                }
            },
            true,
        );
        self.typed.set(String::new());
        self.open.set(false);
        self.active.set(None);
    }

    /// The next option that can be chosen from `from`, going `by` (+1 or -1), wrapping round.
    fn step(self, from: Option<usize>, by: isize) -> Option<usize> {
        self.shown.with(|s| {
            let n = s.len() as isize;
            let mut k = from.map_or(if by > 0 { -1 } else { n }, |k| k as isize);
            for _ in 0..n {
                k = (k + by).rem_euclid(n.max(1));
                if s.get(k as usize).is_some_and(|c| c.count > 0) {
                    return Some(k as usize);
                }
            }
            None
        })
    }

    fn key(self, ev: leptos::ev::KeyboardEvent) {
        match ev.key().as_str() {
            "ArrowDown" | "ArrowUp" => {
                ev.prevent_default();
                self.open.set(true);
                let by = if ev.key() == "ArrowDown" { 1 } else { -1 };
                self.active.set(self.step(self.active.get_untracked(), by));
            }
            "Enter" => {
                let picked = self
                    .active
                    .get_untracked()
                    .and_then(|k| self.shown.with_untracked(|s| s.get(k).cloned()));
                if let Some(c) = picked.filter(|c| c.count > 0) {
                    ev.prevent_default();
                    self.choose(c.slug);
                }
            }
            "Escape" => {
                if self.open.get_untracked() {
                    self.open.set(false);
                    self.active.set(None);
                } else {
                    self.typed.set(String::new());
                }
            }
            _ => {}
        }
    }
}

fn option_id(slug: &str) -> String {
    format!("region-option-{slug}")
}

#[component]
pub fn RegionPicker() -> impl IntoView {
    let p = Picker::new();
    view! {
        <div class="combo">
            <input
                id="region-input"
                type="text"
                role="combobox"
                aria-label="Region"
                aria-autocomplete="list"
                aria-controls="region-list"
                aria-expanded=move || p.open.get().to_string()
                aria-activedescendant=move || p.active.get().and_then(|k| p.shown.with(|s| s.get(k).map(|c| option_id(&c.slug))))
                placeholder="المنطقة · Region…"
                autocomplete="off"
                prop:value=move || p.typed.get()
                on:input=move |ev| {
                    p.typed.set(event_target_value(&ev));
                    p.open.set(true);
                    p.active.set(None);
                }
                on:focus=move |_| p.open.set(true)
                on:blur=move |_| { p.open.set(false); p.active.set(None); }
                on:keydown=move |ev| p.key(ev)
            />
            // Not a tab stop (a scrolling box would be one): the arrow keys in the box drive it.
            <div id="region-list" role="listbox" aria-label="Regions" class="listbox" tabindex="-1" hidden=move || !p.open.get()>
                {move || options(p)}
            </div>
        </div>
    }
}

/// The list, grouped by kind. Drawn only while open: a hundred options redrawn at every filter
/// change cost a chip click 40 ms.
fn options(p: Picker) -> AnyView {
    if !p.open.get() {
        return ().into_any();
    }
    let items = p.shown.get();
    let active_k = p.active.get();
    GROUPS
        .into_iter()
        .filter_map(|kind| {
            let options: Vec<_> = items
                .iter()
                .enumerate()
                .filter(|(_, c)| c.kind == kind)
                .map(|(k, c)| {
                    let disabled = c.count == 0;
                    let pick = c.slug.clone();
                    view! {
                        <div role="option" id=option_id(&c.slug) data-region=c.slug.clone()
                            class:active=active_k == Some(k) aria-selected=(active_k == Some(k)).to_string()
                            aria-disabled=disabled.to_string()
                            on:mousedown=move |ev| ev.prevent_default()
                            on:click=move |_| if !disabled { p.choose(pick.clone()) }>
                            {c.arabic.clone()} " · " <span lang="en">{c.english.clone()}</span>
                            " " <span class="n">{format!("({})", c.count)}</span>
                        </div>
                    }
                })
                .collect();
            (!options.is_empty()).then(|| {
                let label_id = format!("region-group-{}", kind.slug());
                let labelled_by = label_id.clone();
                view! {
                    <div role="group" aria-labelledby=labelled_by>
                        <div class="group-label" id=label_id>{kind.label_ar()} " · " <span lang="en">{kind.label_en()}</span></div>
                        {options}
                    </div>
                }
            })
        })
        .collect_view()
        .into_any()
}
