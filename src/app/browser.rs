//! Small wrappers over the browser: the URL, history, timing marks, the clipboard, frames.
//! Every call tolerates a missing API (the page keeps working; the feature is just absent).

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The window, when there is one (gloo-utils' `window()` panics without one: a worker has none).
fn window() -> Option<web_sys::Window> {
    js_sys::global()
        .is_instance_of::<web_sys::Window>()
        .then(gloo_utils::window)
}

/// The page's query string (`?…`).
pub fn read_search() -> String {
    window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// The page's full address.
pub fn page_url() -> String {
    window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

/// The page's address without its query string.
pub fn page_base() -> String {
    window()
        .and_then(|w| {
            let l = w.location();
            Some(format!("{}{}", l.origin().ok()?, l.pathname().ok()?))
        })
        .unwrap_or_default()
}

/// Writes the view into the URL: a new history entry (`push`) or in place.
pub fn write_url(search: &str, push: bool) {
    let Some(w) = window() else { return };
    let path = w.location().pathname().unwrap_or_else(|_| "/".into());
    let url = format!("{path}{search}");
    if let Ok(h) = w.history() {
        let _ = if push {
            h.push_state_with_url(&JsValue::NULL, "", Some(&url))
        } else {
            h.replace_state_with_url(&JsValue::NULL, "", Some(&url))
        };
    }
}

pub fn mark(name: &str) {
    if let Some(p) = window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

pub fn measure(name: &str, start: &str, end: &str) {
    if let Some(p) = window().and_then(|w| w.performance()) {
        let _ = p.measure_with_start_mark_and_end_mark(name, start, end);
    }
}

/// Runs `f` in a task of its own, the next turn of the event loop (a zero timeout): work that need
/// not hold the current task, which the browser can paint or answer input between.
pub fn next_task(f: impl FnOnce() + 'static) {
    gloo_timers::callback::Timeout::new(0, f).forget();
}

/// Runs `f` once the browser has painted what was just rendered: the next animation frame runs
/// before that paint, so `f` waits one task more.
pub fn after_paint(f: impl FnOnce() + 'static) {
    let Some(w) = window() else { return };
    let cb = Closure::once_into_js(move || next_task(f));
    let _ = w.request_animation_frame(cb.unchecked_ref());
}

/// Scrolls the element with this id into view.
pub fn scroll_to(id: &str) {
    let Some(el) = window().and_then(|_| gloo_utils::document().get_element_by_id(id)) else {
        return;
    };
    let opts = web_sys::ScrollIntoViewOptions::new();
    opts.set_block(web_sys::ScrollLogicalPosition::Center);
    el.scroll_into_view_with_scroll_into_view_options(&opts);
}

/// Copies text to the clipboard (`navigator.clipboard.writeText`), where the page may.
pub fn copy_text(text: &str) {
    let Some(w) = window() else { return };
    let nav: JsValue = w.navigator().into();
    let Ok(clip) = js_sys::Reflect::get(&nav, &"clipboard".into()) else {
        return;
    };
    if clip.is_undefined() {
        return;
    }
    if let Ok(f) = js_sys::Reflect::get(&clip, &"writeText".into()) {
        if let Some(f) = f.dyn_ref::<js_sys::Function>() {
            let _ = f.call1(&clip, &JsValue::from_str(text));
        }
    }
}

/// Clicks the first element that matches `selector` (a control elsewhere on the page).
pub fn click(selector: &str) {
    if let Some(el) = window()
        .and_then(|_| {
            gloo_utils::document()
                .query_selector(selector)
                .ok()
                .flatten()
        })
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        el.click();
    }
}

/// A measure of `duration` ms from `started` (ms since the epoch, as a worker's
/// `performance.timeOrigin + now()` gives it), on this page's timeline.
pub fn measure_span(name: &str, started: f64, duration: f64) {
    let Some(p) = window().and_then(|w| w.performance()) else {
        return;
    };
    let opts = js_sys::Object::new();
    let start = started - p.time_origin();
    let _ = js_sys::Reflect::set(&opts, &"start".into(), &start.into());
    let _ = js_sys::Reflect::set(&opts, &"duration".into(), &duration.into());
    if let Ok(f) = js_sys::Reflect::get(&p, &"measure".into()) {
        if let Some(f) = f.dyn_ref::<js_sys::Function>() {
            let _ = f.call2(&p, &name.into(), &opts);
        }
    }
}

/// Moves keyboard focus to the first element that matches `selector`.
pub fn focus(selector: &str) {
    if let Some(el) = window()
        .and_then(|_| {
            gloo_utils::document()
                .query_selector(selector)
                .ok()
                .flatten()
        })
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// Offers `bytes` to the reader as a file called `name` (a download), made in the page: nothing
/// is sent anywhere.
pub fn save_file(name: &str, media_type: &str, bytes: &[u8]) {
    let blob = gloo_file::Blob::new_with_options(bytes, Some(media_type));
    let url = gloo_file::ObjectUrl::from(blob);
    let document = gloo_utils::document();
    let Ok(a) = document.create_element("a") else {
        return;
    };
    let _ = a.set_attribute("href", &url);
    let _ = a.set_attribute("download", name);
    if let Ok(a) = a.dyn_into::<web_sys::HtmlElement>() {
        a.click();
    }
    // The URL is revoked when `url` drops: after the browser has had time to start the download.
    gloo_timers::callback::Timeout::new(60_000, move || drop(url)).forget();
}
