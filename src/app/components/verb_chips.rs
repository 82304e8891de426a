//! The verb categories: the legend of the verbs' colours, and a filter (several chosen show what
//! any of them does).

use leptos::prelude::*;

use crate::app::state::use_state;
use crate::model::VerbCategory;
use crate::view::labels::category;

#[component]
pub fn VerbChips() -> impl IntoView {
    let state = use_state();
    // The chips are made once; only their counts and states follow the view (made anew at each
    // click, the chip clicked lost keyboard focus).
    let chip = move |cat: VerbCategory| {
        let n = Memo::new(move |_| {
            state
                .facets
                .with(|f| f.verbs.iter().find(|(c, _)| *c == cat).map_or(0, |x| x.1))
        });
        let pressed = move || state.query.with(|q| q.verbs.contains(&cat));
        let toggle = move |_| state.change(move |q| q.toggle_verb(cat), true);
        view! {
            // A chip that would show nothing is disabled (unless chosen: it can always be taken off).
            <button class=format!("chip cat verb-{}", cat.slug()) data-category=cat.slug()
                aria-pressed=move || pressed().to_string() disabled=move || n.get() == 0 && !pressed() on:click=toggle>
                <span class="swatch" aria-hidden="true"></span>
                {move || {
                    // In the document's language (an Arabic document's chips say both).
                    let (own, english) = category(state.loaded.with(|l| l.doc.language), cat);
                    view! { {own} {english.map(|en| view! { " · " <span lang="en">{en}</span> })} }
                }}
                " " <span class="n">{move || n.get()}</span>
            </button>
        }
    };
    view! {
        <div class="row chips legend" role="group" aria-label="What the Council does (verb categories)">
            {VerbCategory::ALL.into_iter().map(chip).collect_view()}
        </div>
    }
}
