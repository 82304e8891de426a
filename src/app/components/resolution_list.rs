//! The resolutions of the open document, each drawn once; a filter only shows and hides them and
//! marks their clauses. A large document is drawn a few resolutions per frame, so that the page
//! answers while it fills.

use leptos::prelude::*;

use super::ResolutionCard;
use crate::app::browser::after_paint;
use crate::app::state::use_state;

/// Resolutions drawn at once when a document opens (all of a usual session), then per frame.
const FIRST_DRAW: usize = 60;
const DRAW_STEP: usize = 4;

#[component]
pub fn ResolutionList() -> impl IntoView {
    let state = use_state();
    let loaded = state.loaded;
    // (generation of the document, how many of its resolutions are drawn).
    let drawn = RwSignal::new((0u32, FIRST_DRAW));
    let limit = move |generation: u32| {
        drawn.with(|&(g, n)| {
            if g == generation {
                n
            } else if loaded.with_untracked(|l| l.doc.resolutions.len()) <= FIRST_DRAW {
                // A usual session at once; a larger document from the next frame on, a step at
                // a time (the task that installs it has enough to do).
                FIRST_DRAW
            } else {
                0
            }
        })
    };
    Effect::new(move |_| {
        let (generation, total) = loaded.with(|l| (l.generation, l.doc.resolutions.len()));
        let n = limit(generation);
        if n < total {
            after_paint(move || drawn.set((generation, n + DRAW_STEP)));
        }
    });
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
    let cards = move || {
        loaded.with(|l| {
            let n = l.doc.resolutions.len().min(limit(l.generation));
            (0..n).map(|i| (l.generation, i)).collect::<Vec<_>>()
        })
    };
    view! {
        <main>
            {empty}
            <For each=cards key=|k| *k children=move |(_, index)| view! { <ResolutionCard index=index /> } />
        </main>
    }
}
