//! The search box. The view follows every keystroke for a usual session; for a large document it
//! follows when typing pauses (a debounce), so that a fast typist is not made to wait for
//! thousands of resolutions at every letter.

use gloo_timers::callback::Timeout;
use leptos::prelude::*;

use crate::app::state::use_state;

/// How long typing must pause before the view of a large document follows.
const PAUSE_MS: u32 = 150;
/// Documents up to this many resolutions follow every keystroke (the default session's view is
/// filtered and painted in a frame or two).
const FOLLOW_EVERY_KEY: usize = 500;

#[component]
pub fn SearchBox() -> impl IntoView {
    let state = use_state();
    // The pending change: dropping a gloo `Timeout` cancels it.
    let pending = StoredValue::new_local(None::<Timeout>);
    let on_input = move |ev| {
        let v = event_target_value(&ev);
        if state.loaded.with_untracked(|l| l.doc.resolutions.len()) <= FOLLOW_EVERY_KEY {
            pending.set_value(None);
            return state.change(move |q| q.q = v.clone(), false);
        }
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
