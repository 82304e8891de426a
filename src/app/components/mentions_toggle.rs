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
                aria-describedby="mentions-hint"
                prop:checked=move || state.query.with(|q| q.mentions)
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    state.change(move |q| q.mentions = on, true);
                }
            />
            " يشمل الإشارات العابرة · " <span lang="en">"Include mentions"</span>
            <span class="hint" id="mentions-hint">
                " — القرارات التي تذكر المكان عرضاً أيضاً · "
                <span lang="en">"also resolutions that only name the place in passing, not just those about it"</span>
            </span>
        </label>
    }
}
