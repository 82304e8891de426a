//! The search box. What is typed is shown at once; the view follows when typing pauses (a
//! debounce), so that a fast typist is not made to wait for the list at every letter.

use gloo_timers::callback::Timeout;
use leptos::prelude::*;

use crate::app::state::use_state;

/// How long typing must pause before the view follows.
const PAUSE_MS: u32 = 120;

#[component]
pub fn SearchBox() -> impl IntoView {
    let state = use_state();
    // The pending change: dropping a gloo `Timeout` cancels it.
    let pending = StoredValue::new_local(None::<Timeout>);
    let on_input = move |ev| {
        let v = event_target_value(&ev);
        let t = Timeout::new(PAUSE_MS, move || {
            state.change(move |q| q.q = v.clone(), false)
        });
        pending.set_value(Some(t));
    };
    view! {
        <input
            type="search"
            id="search"
            placeholder="ابحث في النص · Search the text"
            aria-label="Search the text"
            aria-keyshortcuts="/"
            prop:value=move || state.query.with(|q| q.q.clone())
            on:input=on_input
        />
    }
}
