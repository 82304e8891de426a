//! The parser for people's own scripts: `wasmBindings.parse(text)` on the page returns the same
//! shape as `qarar parse FILE` prints (plain objects, `null` where the JSON has null).

use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Parses a session's text. Throws an `Error` when no resolution is found.
#[wasm_bindgen(js_name = parse)]
pub fn parse_js(text: &str) -> Result<JsValue, JsValue> {
    let doc = crate::parse(text);
    if doc.resolutions.is_empty() {
        return Err(js_sys::Error::new(&crate::why_no_resolutions(text).to_string()).into());
    }
    doc.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| js_sys::Error::new(&e.to_string()).into())
}
