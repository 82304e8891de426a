//! The parser for people's own scripts: `await wasmBindings.parse(text)` on the page resolves to
//! the same shape as `qarar parse FILE` prints (plain objects, `null` where the JSON has null),
//! and rejects with an `Error` when no resolution is found. The page's own wasm carries no parser
//! (it would cost the first paint); the background parser answers, in a worker of its own.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;

use super::worker::{Event, Parse, Source};

/// Parses a session's text in the background; a `Promise` of the document.
#[wasm_bindgen(js_name = parse)]
pub fn parse_js(text: String) -> js_sys::Promise {
    js_sys::Promise::new(&mut move |resolve, reject| {
        // The worker lives until it answers.
        let running: Rc<RefCell<Option<Parse>>> = Rc::default();
        let keep = running.clone();
        let refuse = reject.clone();
        let on = move |e: Event| {
            match e {
                Event::Json(v) => {
                    let _ = resolve.call1(&JsValue::NULL, &v);
                }
                Event::Error(message) => {
                    let _ = refuse.call1(&JsValue::NULL, &js_sys::Error::new(&message));
                }
                _ => return,
            }
            // Not from inside the worker's own message handler, which stopping would free.
            let keep = keep.clone();
            wasm_bindgen_futures::spawn_local(async move {
                keep.borrow_mut().take();
            });
        };
        match Parse::start(Source::Json(text.clone()), on) {
            Some(p) => *running.borrow_mut() = Some(p),
            None => {
                let e = js_sys::Error::new("this browser could not start the background parser");
                let _ = reject.call1(&JsValue::NULL, &e);
            }
        }
    })
}
