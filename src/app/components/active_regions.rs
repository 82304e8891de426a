//! The regions chosen, each a button that takes it off.

use leptos::prelude::*;

use crate::app::state::use_state;
use crate::lexicon::gazetteer;

#[component]
pub fn ActiveRegions() -> impl IntoView {
    let state = use_state();
    let chip = move |slug: String| {
        let g = gazetteer();
        let (ar, en) = g.slug(&slug).map_or_else(
            || (slug.clone(), slug.clone()),
            |i| (g.regions[i].names[0].clone(), g.regions[i].english.clone()),
        );
        // The name begins with the chip's visible text (WCAG 2.5.3, Label in Name).
        let aria = format!("{ar} · {en} × — remove this place");
        let s = slug.clone();
        view! {
            <button class="chip active" data-active-region=slug aria-label=aria
                on:click=move |_| { let s = s.clone(); state.change(move |q| q.regions.retain(|x| *x != s), true) }>
                {ar} " · " <span lang="en">{en}</span> " ×"
            </button>
        }
    };
    move || {
        state
            .query
            .with(|q| q.regions.clone())
            .into_iter()
            .map(chip)
            .collect_view()
    }
}
