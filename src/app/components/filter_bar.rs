//! The filters: a compact summary that stays at the top of the screen (the counter, what is on,
//! clear), and the panel with every control — below it on a wide screen, a sheet behind one button
//! on a phone.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::{MentionsToggle, RegionPicker, SearchBox, VerbChips, ViewSummary, ViewTools};
use crate::app::state::use_state;

#[component]
pub fn FilterBar() -> impl IntoView {
    let state = use_state();
    let open = RwSignal::new(false);
    let summary = NodeRef::<leptos::html::Div>::new();
    summary.on_load(keep_focus_clear_of);
    let ignored = move || {
        let ignored = state.query.with(|q| q.ignored.clone());
        (!ignored.is_empty()).then(|| {
            view! { <p class="notice">"تجاهلنا في الرابط · " <span lang="en">"Ignored in the link: " {ignored.join(", ")}</span></p> }
        })
    };
    view! {
        <section class="filters" aria-label="Filters" class:open=move || open.get()
            on:keydown=move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Escape" && open.get_untracked() { open.set(false) }>
            <div class="sticky" node_ref=summary>
                <ViewSummary open=open />
            </div>
            <div class="panel" id="filter-panel">
                <div class="panel-head">
                    <h2>"المرشحات · " <span lang="en">"Filters"</span></h2>
                    <button class="done" on:click=move |_| open.set(false)>"تم · " <span lang="en">"Done"</span></button>
                </div>
                <div class="row"><SearchBox /></div>
                <div class="row"><RegionPicker /> <MentionsToggle /></div>
                <VerbChips />
                <p class="hint">
                    "عدة أماكن أو عدة أنواع من الأفعال تعرض ما يطابق أيّاً منها؛ والمكان مع الفعل يعرضان ما يطابقهما معاً. "
                    <span lang="en">"Several places, or several kinds of verb, show resolutions with any of them; a place and a verb together show those with both."</span>
                </p>
                <ViewTools />
                {ignored}
            </div>
        </section>
    }
}

/// The summary stays at the top of the screen while the list scrolls: the page's scroll padding
/// follows its height (`--sticky`, see main.css), so that a focused or linked element is never
/// scrolled to underneath it (WCAG 2.4.11).
fn keep_focus_clear_of(bar: web_sys::HtmlDivElement) {
    let on_resize = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
        let Some(entry) = entries
            .get(0)
            .dyn_into::<web_sys::ResizeObserverEntry>()
            .ok()
        else {
            return;
        };
        // Whole pixels, up: formatting a float would add its code to the page.
        let h = entry.target().get_bounding_client_rect().height().ceil() as i64;
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
