//! The filters, kept in view while the list scrolls: search, region, mentions, the active
//! regions, the verb categories, the counter and the view's tools.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::{ActiveRegions, MentionsToggle, RegionPicker, SearchBox, VerbChips, ViewTools};
use crate::app::state::use_state;

#[component]
pub fn FilterBar() -> impl IntoView {
    let state = use_state();
    let bar = NodeRef::<leptos::html::Section>::new();
    bar.on_load(keep_focus_clear_of);
    let ignored = move || {
        let ignored = state.query.with(|q| q.ignored.clone());
        (!ignored.is_empty()).then(|| {
            view! { <p class="notice">"تجاهلنا في الرابط · Ignored in the link: " {ignored.join(", ")}</p> }
        })
    };
    view! {
        <section class="filters" aria-label="Filters" node_ref=bar>
            <div class="row">
                <SearchBox />
                <RegionPicker />
                <MentionsToggle />
            </div>
            <ActiveRegions />
            <VerbChips />
            <ViewTools />
            {ignored}
        </section>
    }
}

/// The bar stays at the top of the screen while the list scrolls: the page's scroll padding
/// follows its height (`--sticky`, see main.css), so that a focused or linked element is never
/// scrolled to underneath it (WCAG 2.4.11).
fn keep_focus_clear_of(bar: web_sys::HtmlElement) {
    let on_resize = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
        let Some(entry) = entries
            .get(0)
            .dyn_into::<web_sys::ResizeObserverEntry>()
            .ok()
        else {
            return;
        };
        let sticky = gloo_utils::window()
            .get_computed_style(&entry.target())
            .ok()
            .flatten()
            .and_then(|s| s.get_property_value("position").ok())
            .is_some_and(|p| p == "sticky");
        let h = if sticky {
            entry.target().get_bounding_client_rect().height()
        } else {
            0.0
        };
        let _ = gloo_utils::document_element()
            .dyn_into::<web_sys::HtmlElement>()
            .map(|html| html.style().set_property("--sticky", &format!("{h}px")));
    });
    if let Ok(o) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        o.observe(&bar);
        // The bar lives as long as the page, and its observer with it.
        on_resize.forget();
        std::mem::forget(o);
    }
}
