//! The reader's library: every document opened is kept in this browser (IndexedDB), under its
//! content hash ([`crate::import::content_hash`]), so reload, Back and a bookmark bring it back and
//! nothing the reader opened is lost. Two object stores: `files` holds each file as it was opened
//! (the `File` itself: the browser stores its bytes without the page copying them, and they are
//! parsed again on load, by the current parser); `meta` holds what the library list shows, so
//! listing never reads the files.
//!
//! IndexedDB answers through callbacks; [`settle`] turns a request into a future. It is reached
//! through raw web-sys: gloo has no IndexedDB, and a wrapper crate (rexie) would add more code to
//! the page than these few calls.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbRequest, IdbTransactionMode};

const DB: &str = "qarar";
const VERSION: u32 = 1;
const FILES: &str = "files";
const META: &str = "meta";

/// A document in the library, as its list shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub hash: String,
    pub name: String,
    pub size: f64,
    /// When it was first opened (ms since the epoch).
    pub added: f64,
    pub resolutions: u32,
    /// The session's number and the edition's language (`ar`, `en`, `fr`), for "side by side";
    /// absent (`None`, empty) in entries kept before they were recorded, until the document is
    /// opened again (`describe`).
    pub session: Option<u32>,
    pub language: String,
}

/// An entry is kept as a plain object with these seven fields, written and read by hand: through
/// serde-wasm-bindgen it brought a general deserializer and its error messages (with float
/// formatting) into the page's wasm, about 10 KB, for one flat struct.
impl Entry {
    fn to_js(&self) -> JsValue {
        let o = js_sys::Object::new();
        let set = |k: &str, v: JsValue| {
            let _ = js_sys::Reflect::set(&o, &k.into(), &v);
        };
        set("hash", self.hash.as_str().into());
        set("name", self.name.as_str().into());
        set("size", self.size.into());
        set("added", self.added.into());
        set("resolutions", self.resolutions.into());
        if let Some(n) = self.session {
            set("session", n.into());
        }
        set("language", self.language.as_str().into());
        o.into()
    }

    /// The entry a kept object holds; `None` if it is not one.
    fn from_js(v: &JsValue) -> Option<Entry> {
        let get = |k: &str| js_sys::Reflect::get(v, &k.into()).ok();
        Some(Entry {
            hash: get("hash")?.as_string()?,
            name: get("name")?.as_string()?,
            size: get("size")?.as_f64()?,
            added: get("added")?.as_f64()?,
            resolutions: get("resolutions")?.as_f64()? as u32,
            session: get("session").and_then(|v| v.as_f64()).map(|n| n as u32),
            language: get("language")
                .and_then(|v| v.as_string())
                .unwrap_or_default(),
        })
    }
}

fn js_error(what: &str, e: JsValue) -> String {
    let detail = e
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_default();
    if detail.is_empty() {
        what.to_string()
    } else {
        format!("{what}: {detail}")
    }
}

/// Waits for a request's `success` (its result) or `error`.
async fn settle(req: &IdbRequest) -> Result<JsValue, String> {
    let r = req.clone();
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let ok_req = r.clone();
        let ok = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = resolve.call1(
                &JsValue::NULL,
                &ok_req.result().unwrap_or(JsValue::UNDEFINED),
            );
        });
        let err_req = r.clone();
        let err = Closure::once_into_js(move |_: web_sys::Event| {
            let e = err_req
                .error()
                .ok()
                .flatten()
                .map_or(JsValue::from_str("request failed"), |d| {
                    JsValue::from_str(&d.message())
                });
            let _ = reject.call1(&JsValue::NULL, &e);
        });
        r.set_onsuccess(Some(ok.unchecked_ref()));
        r.set_onerror(Some(err.unchecked_ref()));
    });
    JsFuture::from(promise)
        .await
        .map_err(|e| js_error("the browser's storage refused", e))
}

/// Opens the database, creating its stores the first time.
async fn open() -> Result<IdbDatabase, String> {
    let factory = web_sys::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .ok_or("this browser keeps no documents (IndexedDB is unavailable)")?;
    let req = factory
        .open_with_u32(DB, VERSION)
        .map_err(|e| js_error("the library could not be opened", e))?;
    let upgrade_req = req.clone();
    let upgrade = Closure::once_into_js(move |_: web_sys::Event| {
        if let Ok(db) = upgrade_req
            .result()
            .and_then(|d| d.dyn_into::<IdbDatabase>())
        {
            let names = db.object_store_names();
            for store in [FILES, META] {
                if !names.contains(store) {
                    let _ = db.create_object_store(store);
                }
            }
        }
    });
    req.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    settle(&req)
        .await?
        .dyn_into::<IdbDatabase>()
        .map_err(|_| "the library could not be opened".to_string())
}

/// Keeps a document: the file and its list entry.
pub async fn put(entry: &Entry, file: &web_sys::Blob) -> Result<(), String> {
    let db = open().await?;
    let stores = js_sys::Array::of2(&FILES.into(), &META.into());
    let tx = db
        .transaction_with_str_sequence_and_mode(&stores, IdbTransactionMode::Readwrite)
        .map_err(|e| js_error("the library could not be written", e))?;
    let key = JsValue::from_str(&entry.hash);
    let meta = entry.to_js();
    let store = |name| {
        tx.object_store(name)
            .map_err(|e| js_error("the library could not be written", e))
    };
    let a = store(FILES)?
        .put_with_key(file, &key)
        .map_err(|e| js_error("the document could not be kept", e))?;
    let b = store(META)?
        .put_with_key(&meta, &key)
        .map_err(|e| js_error("the document could not be kept", e))?;
    settle(&a).await?;
    settle(&b).await?;
    Ok(())
}

/// A kept document's name and file, if this browser holds it.
pub async fn get(hash: &str) -> Result<Option<(String, web_sys::Blob)>, String> {
    let db = open().await?;
    let stores = js_sys::Array::of2(&FILES.into(), &META.into());
    let tx = db
        .transaction_with_str_sequence(&stores)
        .map_err(|e| js_error("the library could not be read", e))?;
    let key = JsValue::from_str(hash);
    let read = |name| {
        tx.object_store(name)
            .and_then(|s| s.get(&key))
            .map_err(|e| js_error("the library could not be read", e))
    };
    let (file, meta) = (read(FILES)?, read(META)?);
    let file = settle(&file).await?;
    let meta = settle(&meta).await?;
    if file.is_undefined() || file.is_null() {
        return Ok(None);
    }
    let blob = match file.dyn_into::<web_sys::Blob>() {
        Ok(b) => b,
        // Bytes rather than a file (kept by an earlier version): wrapped as one.
        Err(bytes) => web_sys::Blob::new_with_buffer_source_sequence(&js_sys::Array::of1(&bytes))
            .map_err(|e| js_error("the kept document could not be read", e))?,
    };
    let name = Entry::from_js(&meta)
        .map(|e| e.name)
        .unwrap_or_else(|| format!("{hash}.txt"));
    Ok(Some((name, blob)))
}

/// Records a kept document's session and language if its entry has none (kept before they were
/// recorded), so that "Side by side" is offered for it from now on. Whether the entry changed.
pub async fn describe(hash: &str, session: Option<u32>, language: &str) -> Result<bool, String> {
    let db = open().await?;
    let tx = db
        .transaction_with_str_and_mode(META, IdbTransactionMode::Readwrite)
        .map_err(|e| js_error("the library could not be written", e))?;
    let store = tx
        .object_store(META)
        .map_err(|e| js_error("the library could not be written", e))?;
    let key = JsValue::from_str(hash);
    let req = store
        .get(&key)
        .map_err(|e| js_error("the library could not be read", e))?;
    let Some(mut entry) = Entry::from_js(&settle(&req).await?) else {
        return Ok(false);
    };
    if !entry.language.is_empty() {
        return Ok(false);
    }
    entry.session = session;
    entry.language = language.to_string();
    let req = store
        .put_with_key(&entry.to_js(), &key)
        .map_err(|e| js_error("the library could not be written", e))?;
    settle(&req).await?;
    Ok(true)
}

/// Every kept document, most recently added first.
pub async fn list() -> Result<Vec<Entry>, String> {
    let db = open().await?;
    let tx = db
        .transaction_with_str(META)
        .map_err(|e| js_error("the library could not be read", e))?;
    let req = tx
        .object_store(META)
        .and_then(|s| s.get_all())
        .map_err(|e| js_error("the library could not be read", e))?;
    let all = settle(&req).await?;
    let mut v: Vec<Entry> = js_sys::Array::from(&all)
        .iter()
        .filter_map(|e| Entry::from_js(&e))
        .collect();
    v.sort_by(|a, b| b.added.total_cmp(&a.added));
    Ok(v)
}

/// Removes a document from the library.
pub async fn remove(hash: &str) -> Result<(), String> {
    let db = open().await?;
    let stores = js_sys::Array::of2(&FILES.into(), &META.into());
    let tx = db
        .transaction_with_str_sequence_and_mode(&stores, IdbTransactionMode::Readwrite)
        .map_err(|e| js_error("the library could not be written", e))?;
    let key = JsValue::from_str(hash);
    for name in [FILES, META] {
        let req = tx
            .object_store(name)
            .and_then(|s| s.delete(&key))
            .map_err(|e| js_error("the document could not be removed", e))?;
        settle(&req).await?;
    }
    Ok(())
}
