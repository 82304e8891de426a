//! The resolutions the view shows, drawn as a window: only the cards near the viewport are in the
//! page ([`crate::view::window`] decides which), with spacers for the rest. A filter or a search
//! changes which cards the window holds, not thousands of nodes' classes; a 6,000-resolution
//! document costs the page what a 56-resolution one does.
//!
//! - Heights: each card is estimated from its text until drawn, then measured by a
//!   `ResizeObserver` (which also sees a card grow when its preamble is opened); the browser's
//!   scroll anchoring keeps the text in view still while the spacers are corrected.
//! - Keyboard: a card that holds focus stays drawn; the card after the viewport is drawn (from
//!   the frame after a new view is shown), so Tab moves into it and the window follows the scroll.
//! - Links to a clause show their one resolution; the contents list asks for a resolution with
//!   `AppState::jump`, and the list scrolls to it and focuses its heading.
//! - Printing draws every shown card first (`beforeprint`), and the window again after.
//! - Find in page sees the drawn cards only: the search box searches the whole document.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_events::{EventListener, EventListenerOptions};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::ResolutionCard;
use crate::app::browser::after_paint;
use crate::app::state::{use_state, AppState};
use crate::view::window::{offset_of, rows, text_weight, Heights, Row, Viewport};

/// How far beyond the viewport cards are drawn, above and below (CSS pixels), once the list has
/// settled: a new document or a new filter first draws the viewport's cards alone, so that the
/// task which shows it, and the frame after it, lay out no card the reader cannot see yet; the
/// margin, and a card more on each side for Tab and Shift+Tab, are drawn a frame later.
const OVERSCAN: f64 = 900.0;

/// The list's heights, for the open document: `[preamble folded, preamble open]` (a card's
/// preamble is folded while a filter is on).
struct ListHeights {
    generation: u32,
    modes: [Heights; 2],
}

/// What the list knows of the page, shared by its listeners and effects.
#[derive(Clone, Copy)]
struct List {
    state: AppState,
    heights: StoredValue<ListHeights>,
    /// Bumped when a measured height changes what the list knew.
    measured: RwSignal<u32>,
    viewport: RwSignal<Viewport>,
    /// A card that holds keyboard focus (its resolution's index): kept drawn.
    focused: RwSignal<Option<usize>>,
    /// While printing, every shown card is drawn.
    printing: RwSignal<bool>,
    /// The view (see `shown`'s epoch in [`ResolutionList`]) whose margin beyond the viewport is
    /// drawn: until it is this view's, the viewport's cards alone are.
    widened: RwSignal<Option<u32>>,
    main: NodeRef<leptos::html::Main>,
}

impl List {
    /// The heights of the open document, made when it changes.
    fn with_heights<T>(self, f: impl FnOnce(&Heights) -> T) -> T {
        let (generation, open) = (
            self.state.loaded.with_untracked(|l| l.generation),
            !self.state.filtering.get_untracked(),
        );
        if self.heights.with_value(|h| h.generation != generation) {
            let modes = self.state.loaded.with_untracked(|l| {
                [false, true].map(|open| {
                    Heights::new(
                        l.doc
                            .resolutions
                            .iter()
                            .map(|r| text_weight(r, open))
                            .collect(),
                    )
                })
            });
            self.heights.set_value(ListHeights { generation, modes });
        }
        self.heights.with_value(|h| f(&h.modes[usize::from(open)]))
    }

    /// Where the viewport is, relative to the list's top.
    fn read_viewport(self) {
        let Some(main) = self.main.get_untracked() else {
            return;
        };
        let w = gloo_utils::window();
        let height = w
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(800.0);
        let at = Viewport {
            top: -main.get_bounding_client_rect().top(),
            height,
        };
        if self.viewport.get_untracked() != at {
            self.viewport.set(at);
        }
    }

    /// Records the measured heights of drawn cards.
    fn record(self, sizes: &[(usize, f32)]) {
        let open = !self.state.filtering.get_untracked();
        let generation = self.state.loaded.with_untracked(|l| l.generation);
        let mut changed = false;
        self.heights.update_value(|h| {
            if h.generation == generation {
                // A card of a hidden list (while comparing sessions) measures nothing.
                for &(i, px) in sizes.iter().filter(|s| s.1 > 0.0) {
                    changed |= h.modes[usize::from(open)].measure(i, px);
                }
            }
        });
        if changed {
            self.measured.update(|n| *n += 1);
        }
    }

    /// Scrolls to the shown resolution `index` and focuses its heading, once it is drawn. Its
    /// place comes from the heights known so far; the cards drawn on the way are measured, so a
    /// second or third try lands on it if the first did not.
    fn jump_to(self, index: usize, tries: u32) {
        let k = self
            .state
            .matches
            .with_untracked(|ms| ms.iter().position(|m| m.index == index));
        let (Some(k), Some(main)) = (k, self.main.get_untracked()) else {
            return;
        };
        let y = self.state.matches.with_untracked(|ms| {
            let shown: Vec<usize> = ms.iter().map(|m| m.index).collect();
            self.with_heights(|h| offset_of(&shown, h, k))
        });
        let w = gloo_utils::window();
        let list_top = main.get_bounding_client_rect().top() + w.scroll_y().unwrap_or(0.0);
        w.scroll_to_with_x_and_y(0.0, list_top + y);
        self.read_viewport();
        after_paint(move || {
            let heading = gloo_utils::document()
                .query_selector(&format!("article[data-index=\"{index}\"] h2 a"))
                .ok()
                .flatten()
                .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
            match heading {
                Some(a) => {
                    let _ = a.focus();
                    a.scroll_into_view();
                }
                None if tries > 0 => self.jump_to(index, tries - 1),
                None => {}
            }
        });
    }
}

#[component]
pub fn ResolutionList() -> impl IntoView {
    let state = use_state();
    let list = List {
        state,
        heights: StoredValue::new(ListHeights {
            generation: u32::MAX,
            modes: Default::default(),
        }),
        measured: RwSignal::new(0),
        viewport: RwSignal::new(Viewport {
            top: 0.0,
            height: 1000.0,
        }),
        focused: RwSignal::new(None),
        printing: RwSignal::new(false),
        widened: RwSignal::new(None),
        main: NodeRef::new(),
    };
    let shown = Memo::new(move |_| {
        state
            .matches
            .with(|ms| ms.iter().map(|m| m.index).collect::<Vec<_>>())
    });
    // Each new view of the list (a new document, another filter) gets a number of its own.
    let epoch = Memo::new(move |before: Option<&u32>| {
        shown.track();
        before.map_or(0, |e| e.wrapping_add(1))
    });
    // What the page holds: spacers and the cards near the viewport (and a focused one).
    let layout = Memo::new(move |_| {
        list.measured.track();
        state.filtering.track();
        let generation = state.loaded.with(|l| l.generation);
        let at = list.viewport.get();
        let pin = list.focused.get();
        let printing = list.printing.get();
        let widened = list.widened.get() == Some(epoch.get());
        let overscan = if widened { OVERSCAN } else { 0.0 };
        let rows = shown.with(|s| {
            if printing {
                return s.iter().map(|&i| Row::Item(i)).collect();
            }
            list.with_heights(|h| rows(s, h, at, overscan, widened, pin))
        });
        rows.into_iter()
            .enumerate()
            .map(|(slot, row)| match row {
                // A spacer is keyed by its height too: a new height is a new (empty) element.
                Row::Gap(px) => Key::Gap(slot, px.to_bits()),
                Row::Item(i) => Key::Card(generation, i),
            })
            .collect::<Vec<_>>()
    });
    listen(list);
    Effect::new(move |_| {
        if let Some(i) = state.jump.get() {
            state.jump.set(None);
            list.jump_to(i, 4);
        }
    });
    // A new document, or a new filter: the list starts where the page is, and once that is
    // painted, the margin around it is drawn (each in a task of its own).
    Effect::new(move |_| {
        let view = epoch.get();
        after_paint(move || {
            list.read_viewport();
            after_paint(move || list.widened.set(Some(view)));
        });
    });
    let observer = resize_observer(list);
    let empty = move || {
        state.matches.with(Vec::is_empty).then(|| {
            view! {
                <div class="empty">
                    <p>"لا توجد قرارات تطابق هذه المرشحات · No resolution matches these filters."</p>
                    <button on:click=move |_| state.clear_filters()>"مسح المرشحات · Clear filters"</button>
                </div>
            }
        })
    };
    view! {
        <main id="results" node_ref=list.main tabindex="-1"
            lang=move || state.loaded.with(|l| l.doc.language.code())
            dir=move || state.loaded.with(|l| crate::view::labels::dir(l.doc.language))
            on:focusin=move |ev| list.focused.set(card_index(&ev))
            on:focusout=move |ev: web_sys::FocusEvent| {
                // Focus left the list: no card needs keeping.
                let inside = ev.related_target()
                    .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
                    .zip(list.main.get_untracked())
                    .is_some_and(|(t, main)| main.contains(Some(&t)));
                if !inside {
                    list.focused.set(None);
                }
            }>
            {empty}
            <For each=move || layout.get() key=|k| *k children=move |k| match k {
                Key::Gap(_, px) => view! {
                    <div class="spacer" aria-hidden="true" style:height=format!("{}px", f64::from_bits(px).round() as i64)></div>
                }.into_any(),
                Key::Card(_, index) => view! { <ResolutionCard index=index observer=observer /> }.into_any(),
            } />
        </main>
    }
}

/// A row of the list, as the keyed list knows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Key {
    /// A spacer: its place among the rows, and its height's bits.
    Gap(usize, u64),
    /// A card: the document's generation, the resolution's index.
    Card(u32, usize),
}

/// The index of the card an event happened in (`data-index` on its article).
fn card_index(ev: &web_sys::FocusEvent) -> Option<usize> {
    // (A focus event's target is the element that gained focus.)
    ev.target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest("article[data-index]")
        .ok()??
        .get_attribute("data-index")?
        .parse()
        .ok()
}

/// Scroll and resize (read where the viewport is, at most once a frame) and printing. The
/// listeners live as long as the list.
fn listen(list: List) {
    let scheduled = Rc::new(RefCell::new(false));
    let on_move = move |_: &web_sys::Event| {
        if scheduled.replace(true) {
            return;
        }
        let scheduled = scheduled.clone();
        let frame = Closure::once_into_js(move || {
            *scheduled.borrow_mut() = false;
            list.read_viewport();
        });
        let _ = gloo_utils::window().request_animation_frame(frame.unchecked_ref());
    };
    let window = gloo_utils::window();
    let passive = EventListenerOptions::default();
    let on_scroll = on_move.clone();
    let listeners = [
        EventListener::new_with_options(&window, "scroll", passive, move |e| on_scroll(e)),
        EventListener::new_with_options(&window, "resize", passive, move |e| on_move(e)),
        EventListener::new(&window, "beforeprint", move |_| list.printing.set(true)),
        EventListener::new(&window, "afterprint", move |_| list.printing.set(false)),
    ];
    // Print media without the print dialog's events (a print preview some browsers make, a
    // headless browser's PDF after it emulates print media): the media query says it.
    let print_query = window.match_media("print").ok().flatten().map(|mq| {
        let target = mq.clone();
        EventListener::new(&mq, "change", move |_| list.printing.set(target.matches()))
    });
    StoredValue::new_local((listeners, print_query));
}

/// One observer for every drawn card: it reports each card's height when it is first laid out
/// and whenever it changes, before the frame is painted.
fn resize_observer(list: List) -> StoredValue<Option<web_sys::ResizeObserver>, LocalStorage> {
    let on_resize = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
        let sizes: Vec<(usize, f32)> = entries
            .iter()
            .filter_map(|e| {
                let e: web_sys::ResizeObserverEntry = e.dyn_into().ok()?;
                let i = e.target().get_attribute("data-index")?.parse().ok()?;
                let h = e
                    .target()
                    .dyn_into::<web_sys::HtmlElement>()
                    .ok()?
                    .offset_height();
                Some((i, h as f32))
            })
            .collect();
        list.record(&sizes);
    });
    let observer = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok();
    on_resize.forget();
    StoredValue::new_local(observer)
}
