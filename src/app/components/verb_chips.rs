//! The verb categories: the legend of the verbs' colours, and a filter (several chosen show what
//! any of them does).

use leptos::prelude::*;

use crate::app::state::use_state;
use crate::model::VerbCategory;

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
            // A chip that would show nothing is disabled (unless chosen: it can always be taken off).
            <button class=format!("chip cat verb-{}", cat.slug()) data-category=cat.slug()
                aria-pressed=move || pressed().to_string() disabled=move || n == 0 && !pressed() on:click=toggle>
                <span class="swatch" aria-hidden="true"></span>
                {cat.label_ar()} " · " <span lang="en">{cat.label_en()}</span> " " <span class="n">{n}</span>
            </button>
        }
    };
    view! {
        <div class="row chips legend" role="group" aria-label="What the Council does (verb categories)">
            {move || state.facets.with(|f| f.verbs.clone()).into_iter().map(chip).collect_view()}
        </div>
    }
}
