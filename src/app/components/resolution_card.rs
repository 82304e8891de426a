//! One resolution: its id (a link to it alone), title, places and verb counts, preamble (folded
//! while a filter is on) and operative clauses, matching clauses emphasised.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::paragraph_text::{ParaAt, ParagraphText};
use super::CiteButton;
use crate::app::clause_anchor;
use crate::app::state::use_state;
use crate::lexicon::gazetteer;
use crate::model::{Language, Resolution};
use crate::view::labels::{label, Label};
use crate::view::{self, Query};

/// What the parts of one card read: which of its paragraphs match, which one a link points at,
/// and whether only the matches are shown.
#[derive(Clone, Copy)]
struct Card {
    index: usize,
    /// The document's language: the card's labels are in it.
    language: Language,
    /// (operative, preamble): does each paragraph match the filters?
    mine: Memo<Option<(Vec<bool>, Vec<bool>)>>,
    /// The clause the URL points at, when it is one of this resolution's.
    target: Memo<Option<String>>,
    filtering: Memo<bool>,
    /// Matches first: only the paragraphs that match are shown.
    focused: Memo<bool>,
    whole: RwSignal<bool>,
}

impl Card {
    fn on(self, operative: bool, i: usize) -> bool {
        self.mine.with(|m| {
            m.as_ref()
                .and_then(|(o, p)| if operative { o.get(i) } else { p.get(i) }.copied())
                .unwrap_or(true)
        })
    }
    fn is_target(self, clause: &str) -> bool {
        self.target.with(|t| t.as_deref() == Some(clause))
    }
    /// (paragraphs that match, paragraphs).
    fn counts(self) -> (usize, usize) {
        self.mine.with(|m| {
            m.as_ref().map_or((0, 0), |(o, p)| {
                let n = |v: &Vec<bool>| v.iter().filter(|&&x| x).count();
                (n(o) + n(p), o.len() + p.len())
            })
        })
    }
    fn preamble_matches(self) -> bool {
        self.mine
            .with(|m| m.as_ref().is_some_and(|(_, p)| p.iter().any(|&x| x)))
    }
}

/// `observer` measures the card for the windowed list while it is drawn.
#[component]
pub fn ResolutionCard(
    index: usize,
    observer: StoredValue<Option<web_sys::ResizeObserver>, LocalStorage>,
) -> impl IntoView {
    let state = use_state();
    let l = state.loaded.get_untracked();
    let Some(r) = l.doc.resolutions.get(index) else {
        return ().into_any();
    };
    let id = r.id.clone();
    let article = NodeRef::<leptos::html::Article>::new();
    measured_by(article, observer);
    let language = l.doc.language;
    let card = card_state(index, &id, language);
    let preamble: Vec<_> = (0..r.preamble.len())
        .map(|i| preamble_paragraph(card, r, &id, i))
        .collect();
    let operative: Vec<_> = (0..r.operative.len())
        .map(|i| operative_clause(card, r, &id, i))
        .collect();
    let href = Query::of_resolution(None, id.clone()).to_search();
    let id_click = id.clone();
    let open_alone = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        let id = id_click.clone();
        state.change(
            move |q| {
                q.res = Some(id.clone());
                q.clause = None;
            },
            true,
        )
    };
    // The preamble is open unless a filter is on; then it is open only for the paragraphs of it
    // that match (and hidden when none does), or for a link into it.
    let preamble_open = move || {
        !card.filtering.get()
            || card.whole.get()
            || card.preamble_matches()
            || card
                .target
                .with(|t| t.as_deref().is_some_and(|t| t.starts_with("pre")))
    };
    let preamble_hidden = move || card.focused.get() && !card.preamble_matches();
    view! {
        <article class="resolution" class:incomplete=r.incomplete data-resolution=id.clone()
            data-index=index node_ref=article on:keydown=move_within_card>
            <h2>
                <a class="id" href=href on:click=open_alone data-stop="">{label(language, Label::Resolution)} " " <bdi>{r.id.clone()}</bdi></a>
                " " <span class="title"><ParagraphText at=ParaAt::Title(index) /></span>
            </h2>
            {r.toc_title.clone().map(|t| view! { <p class="toc-title">{label(language, Label::InToc)} " " {t}</p> })}
            <div class="badges">{badges(r)}</div>
            {r.incomplete.then(|| view! { <p class="warn">{in_language_and_english(language, Label::CutOff)}</p> })}
            {move || whole_toggle(card)}
            <details class="preamble" prop:open=preamble_open hidden=preamble_hidden>
                <summary tabindex="-1" data-stop="">{preamble_summary(language, r.preamble.len())}</summary>
                {preamble}
            </details>
            <ol class="operative">{operative}</ol>
        </article>
    }
    .into_any()
}

/// A label in the document's language; in an Arabic document, with its English after it (as the
/// page's own controls print theirs).
fn in_language_and_english(language: Language, which: Label) -> String {
    match language {
        Language::Arabic => format!(
            "{} · {}",
            label(language, which),
            label(Language::English, which)
        ),
        _ => label(language, which).to_string(),
    }
}

/// «الديباجة (4) · Preamble», «Preamble (4)», «Préambule (4)».
fn preamble_summary(language: Language, n: usize) -> AnyView {
    let word = label(language, Label::Preamble);
    match language {
        Language::Arabic => {
            view! { {format!("{word} ({n}) · ")} <span lang="en">{label(Language::English, Label::Preamble)}</span> }
                .into_any()
        }
        _ => format!("{word} ({n})").into_any(),
    }
}

/// The card's reactive state, read from the view.
fn card_state(index: usize, id: &str, language: Language) -> Card {
    let state = use_state();
    // This card's clause states: cards whose state did not change are not touched.
    let mine = Memo::new(move |_| {
        state.matches.with(|ms| {
            ms.binary_search_by_key(&index, |m| m.index)
                .ok()
                .map(|k| (ms[k].operative.clone(), ms[k].preamble.clone()))
        })
    });
    let id = id.to_string();
    let target = Memo::new(move |_| {
        state.query.with(|q| {
            (q.res.as_deref() == Some(id.as_str()))
                .then(|| q.clause.clone())
                .flatten()
        })
    });
    // Matches first: while a filter is on, only the paragraphs that match are shown, until the
    // reader asks for the whole resolution (or a link points into it).
    let whole = RwSignal::new(false);
    let filtering = state.filtering;
    let focused =
        Memo::new(move |_| filtering.get() && !whole.get() && target.with(Option::is_none));
    Card {
        index,
        language,
        mine,
        target,
        filtering,
        focused,
        whole,
    }
}

/// The windowed list's observer measures the card while it is in the page.
fn measured_by(
    article: NodeRef<leptos::html::Article>,
    observer: StoredValue<Option<web_sys::ResizeObserver>, LocalStorage>,
) {
    article.on_load(move |el| {
        observer.with_value(|o| {
            if let Some(o) = o {
                o.observe(&el);
            }
        })
    });
    on_cleanup(move || {
        if let Some(el) = article.get_untracked() {
            observer.with_value(|o| {
                if let Some(o) = o {
                    o.unobserve(&el);
                }
            })
        }
    });
}

fn preamble_paragraph(card: Card, r: &Resolution, id: &str, i: usize) -> impl IntoView {
    let p = &r.preamble[i];
    let clause = format!("pre{}", i + 1);
    let (c2, anchor) = (clause.clone(), clause_anchor(id, &clause));
    view! {
        <p class="preambular" class:dim=move || card.filtering.get() && !card.on(false, i)
            hidden=move || card.focused.get() && !card.on(false, i)
            class:target=move || card.is_target(&c2) id=anchor tabindex="-1" data-stop="">
            // (An English paragraph opens with its gloss: it is not printed twice.)
            {p.opening.as_ref().filter(|o| !o.gloss.is_empty() && card.language != Language::English).map(|o| view! { <span class="opening-gloss" dir="ltr" lang="en">{o.gloss.to_string()}</span> })}
            <ParagraphText at=ParaAt::Preamble(card.index, i) />
            <CiteButton res=id.to_string() clause=clause />
        </p>
    }
}

fn operative_clause(card: Card, r: &Resolution, id: &str, i: usize) -> impl IntoView {
    let c = &r.operative[i];
    let clause = format!("op{}", i + 1);
    let (c2, anchor) = (clause.clone(), clause_anchor(id, &clause));
    let items: Vec<_> = (0..c.items.len())
        .map(|k| view! {
            <li><span class="label">{c.items[k].label.clone().unwrap_or_default()}</span> " " <ParagraphText at=ParaAt::Item(card.index, i, k) /></li>
        })
        .collect();
    view! {
        <li class="clause" class:match=move || card.filtering.get() && card.on(true, i)
            class:dim=move || card.filtering.get() && !card.on(true, i)
            hidden=move || card.focused.get() && !card.on(true, i)
            class:target=move || card.is_target(&c2) id=anchor tabindex="-1" data-stop="">
            <span class="label">{c.label.clone().unwrap_or_default()}</span> " "
            <ParagraphText at=ParaAt::Clause(card.index, i) />
            <CiteButton res=id.to_string() clause=clause />
            <ul class="items">{items}</ul>
        </li>
    }
}

/// "Show the whole resolution" / "Only what matches", while a filter is on.
fn whole_toggle(card: Card) -> Option<impl IntoView> {
    card.filtering.get().then(|| {
        let (shown, all) = card.counts();
        let whole = card.whole;
        let language = card.language;
        let label = move || {
            if whole.get() {
                in_language_and_english(language, Label::OnlyMatches)
            } else if language == Language::Arabic {
                format!(
                    "القرار كاملاً · Show the whole resolution ({shown} of {all} paragraphs match)"
                )
            } else {
                format!(
                    "{} ({shown} {} {all})",
                    label(language, Label::ShowWhole),
                    label(language, Label::ParagraphsMatch)
                )
            }
        };
        view! {
            <button class="whole" aria-expanded=move || whole.get().to_string()
                on:click=move |_| whole.update(|w| *w = !*w)>{label}</button>
        }
    })
}

/// The places a resolution is about (the broad regions they roll up to stay in the filter) and
/// its verb categories with how many clauses each opens.
fn badges(r: &Resolution) -> impl IntoView {
    let g = gazetteer();
    let places: Vec<_> = r
        .regions
        .iter()
        .filter(|x| !x.primary || g.slug(&x.slug).is_some_and(|i| !g.regions[i].kind.is_broad()))
        .map(|x| {
            let name = g
                .slug(&x.slug)
                .map_or_else(|| x.slug.to_string(), |i| g.regions[i].english.clone());
            view! { <span class="badge" class:primary=x.primary data-badge-region=x.slug.to_string()>{name}</span> }
        })
        .collect();
    let counts: Vec<_> = view::resolution_verb_counts(r)
        .into_iter()
        .map(|(c, n)| view! { <span class=format!("count verb-{}", c.slug()) title=c.label_en()>{c.label_ar()} " " {n}</span> })
        .collect();
    (places, counts)
}

/// One tab stop per card (its heading); inside it, the arrow keys move from stop to stop — the
/// heading, the preamble's fold, each paragraph, its verbs and its citation button — Home and End
/// to the first and last, Escape back to the heading.
fn move_within_card(ev: leptos::ev::KeyboardEvent) {
    let Some(card) = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    let Ok(stops) = card.query_selector_all("[data-stop]") else {
        return;
    };
    // The stops the reader can see (a folded preamble's are not).
    let stops: Vec<web_sys::HtmlElement> = (0..stops.length())
        .filter_map(|i| stops.get(i)?.dyn_into::<web_sys::HtmlElement>().ok())
        .filter(|el| el.get_client_rects().length() > 0)
        .collect();
    let here = gloo_utils::document()
        .active_element()
        .and_then(|a| stops.iter().position(|s| **s == a));
    let last = stops.len().saturating_sub(1);
    let to = match (ev.key().as_str(), here) {
        ("ArrowDown", Some(k)) => (k + 1).min(last),
        ("ArrowDown", None) => 0,
        ("ArrowUp", Some(k)) => k.saturating_sub(1),
        ("Home", _) => 0,
        ("End", _) => last,
        ("Escape", _) => 0,
        _ => return,
    };
    if let Some(el) = stops.get(to) {
        ev.prevent_default();
        let _ = el.focus();
    }
}
