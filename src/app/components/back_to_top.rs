//! Back to the top of the page, once the reader has scrolled a screen down.

use gloo_events::{EventListener, EventListenerOptions};
use leptos::prelude::*;

#[component]
pub fn BackToTop() -> impl IntoView {
    let far = RwSignal::new(false);
    let listener = EventListener::new_with_options(
        &gloo_utils::window(),
        "scroll",
        EventListenerOptions::default(),
        move |_| {
            let w = gloo_utils::window();
            let y = w.scroll_y().unwrap_or(0.0);
            let h = w
                .inner_height()
                .ok()
                .and_then(|h| h.as_f64())
                .unwrap_or(800.0);
            let is_far = y > h;
            if far.get_untracked() != is_far {
                far.set(is_far);
            }
        },
    );
    StoredValue::new_local(listener);
    let up = move |_| {
        gloo_utils::window().scroll_to_with_x_and_y(0.0, 0.0);
        if let Some(search) = gloo_utils::document().get_element_by_id("search") {
            use wasm_bindgen::JsCast;
            if let Ok(el) = search.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    };
    view! {
        <button class="to-top" hidden=move || !far.get() on:click=up>
            "↑ " <span lang="en">"Top"</span>
        </button>
    }
}
