//! "Include mentions": widen the region filter from what resolutions are about to every
//! resolution that names the place.

use leptos::prelude::*;

use crate::app::state::use_state;

#[component]
pub fn MentionsToggle() -> impl IntoView {
    let state = use_state();
    view! {
        <label class="toggle">
            <input
                type="checkbox"
                prop:checked=move || state.query.with(|q| q.mentions)
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    state.change(move |q| q.mentions = on, true);
                }
            />
            " يشمل الإشارات العابرة · Include mentions"
        </label>
    }
}
