//! The verb categories: the legend of the verbs' colours, and a filter (several chosen show what
//! any of them does).

use leptos::prelude::*;

use crate::app::state::use_state;
use crate::model::VerbCategory;
use crate::view;

#[component]
pub fn VerbChips() -> impl IntoView {
    let state = use_state();
    let chip = move |(cat, n): (VerbCategory, usize)| {
        let pressed = move || state.query.with(|q| q.verbs.contains(&cat));
        let toggle = move |_| {
            state.change(
                move |q| {
                    if q.verbs.contains(&cat) {
                        q.verbs.retain(|v| *v != cat)
                    } else {
                        q.verbs.push(cat)
                    }
                },
                true,
            )
        };
        view! {
            <button class=format!("chip cat verb-{}", cat.slug()) data-category=cat.slug()
                aria-pressed=move || pressed().to_string() on:click=toggle>
                <span class="swatch" aria-hidden="true"></span>
                {cat.label_ar()} " · " {cat.label_en()} " " <span class="n">{n}</span>
            </button>
        }
    };
    view! {
        <div class="row chips legend" role="group" aria-label="Verb categories">
            {move || state.loaded.with(|l| view::verb_counts(&l.doc)).into_iter().map(chip).collect_view()}
        </div>
    }
}
