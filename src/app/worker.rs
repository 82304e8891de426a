//! Parsing a file off the page's thread. The background side ([`serve`]) runs in a Web Worker
//! (the `qarar-worker` binary, built by Trunk as a worker with a loader shim); the page side
//! ([`Parse`]) starts one worker per file and receives the result in pieces, so that no task
//! on the page's thread holds it for long, however large the file:
//!
//! ```text
//! page → worker   { file: Blob }                        (after the worker says "ready")
//!                 { more: true }                        after each piece is handled
//! worker → page   { kind: "progress", stage }           reading, parsing
//!                 { kind: "head", hash, session, toc, total }
//!                 { kind: "notes", diagnostics, unplaced }  NOTES of each at a time
//!                 { kind: "batch", resolutions: [...] }   BATCH resolutions at a time
//!                 { kind: "end" }  or  { kind: "error", message }
//! ```
//!
//! The worker sends the next piece only when the page asks for it: sent all at once, hundreds of
//! pieces queued on the page's thread and kept it from answering anything else until they were
//! all handled.
//!
//! The worker's wasm holds the import code (.docx, .html, legacy encodings); it is fetched only
//! when a file is opened.
//!
//! The messages are raw web-sys `postMessage` rather than gloo-worker's bridge: the flow control
//! above (one piece per request from the page) is the protocol, and the bridge would add its own.

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::model::{Diagnostic, Furniture, Resolution, Session, TocEntry, Unplaced};

/// Resolutions per message: small enough that turning one message back into Rust values (and
/// indexing it for search) is a short task on the page's thread.
pub const BATCH: usize = 24;
/// Diagnostics and unplaced lines per message (a large document can have tens of thousands).
pub const NOTES: usize = 400;

/// The loader Trunk writes for the worker (`data-loader-shim`), beside the page.
const LOADER: &str = "./qarar-worker_loader.js";

/// What a parsed document is besides its resolutions and notes, sent first.
#[derive(Debug, Serialize, Deserialize)]
pub struct Head {
    pub hash: String,
    pub session: Session,
    pub toc: Vec<TocEntry>,
    /// The page furniture set aside (a few hundred short lines at most).
    pub furniture: Vec<Furniture>,
    /// How many resolutions follow.
    pub total: usize,
}

/// A message from the worker.
#[derive(Debug, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FromWorker {
    Ready,
    Progress {
        stage: String,
    },
    Head(Box<Head>),
    Notes {
        diagnostics: Vec<Diagnostic>,
        unplaced: Vec<Unplaced>,
    },
    Batch {
        resolutions: Vec<Resolution>,
    },
    End,
    Error {
        message: String,
    },
}

/// Hands `items` to `send` a piece of at most `size` at a time.
fn in_pieces<T>(mut items: Vec<T>, size: usize, mut send: impl FnMut(Vec<T>)) {
    while !items.is_empty() {
        let tail = items.split_off(size.min(items.len()));
        send(items);
        items = tail;
    }
}

fn post(scope: &web_sys::DedicatedWorkerGlobalScope, m: &FromWorker) {
    // Plain JS objects (maps as objects), the shape the page reads back.
    let ser = serde_wasm_bindgen::Serializer::json_compatible();
    if let Ok(v) = m.serialize(&ser) {
        let _ = scope.post_message(&v);
    }
}

thread_local! {
    /// The pieces of the parsed document not yet sent.
    static QUEUE: std::cell::RefCell<std::collections::VecDeque<FromWorker>> = Default::default();
}

/// Sends the next piece, if any.
fn send_next(scope: &web_sys::DedicatedWorkerGlobalScope) {
    if let Some(m) = QUEUE.with(|q| q.borrow_mut().pop_front()) {
        post(scope, &m);
    }
}

/// The worker's side: waits for files and answers each with its parsed document.
pub fn serve() {
    let Ok(scope) = js_sys::global().dyn_into::<web_sys::DedicatedWorkerGlobalScope>() else {
        return;
    };
    let s = scope.clone();
    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            let scope = s.clone();
            if js_sys::Reflect::get(&ev.data(), &"more".into()).is_ok_and(|m| m.is_truthy()) {
                send_next(&scope);
                return;
            }
            let file = js_sys::Reflect::get(&ev.data(), &"file".into())
                .ok()
                .and_then(|f| f.dyn_into::<web_sys::Blob>().ok());
            wasm_bindgen_futures::spawn_local(async move {
                let Some(file) = file else {
                    post(
                        &scope,
                        &FromWorker::Error {
                            message: "no file was given".into(),
                        },
                    );
                    return;
                };
                post(
                    &scope,
                    &FromWorker::Progress {
                        stage: "reading".into(),
                    },
                );
                let bytes = match gloo_file::futures::read_as_bytes(&file.into()).await {
                    Ok(bytes) => bytes,
                    Err(_) => {
                        post(
                            &scope,
                            &FromWorker::Error {
                                message: "the file could not be read".into(),
                            },
                        );
                        return;
                    }
                };
                post(
                    &scope,
                    &FromWorker::Progress {
                        stage: "parsing".into(),
                    },
                );
                let hash = crate::import::content_hash(&bytes);
                let doc = match crate::parse_bytes(&bytes) {
                    Ok((doc, _)) => doc,
                    Err(e) => {
                        post(
                            &scope,
                            &FromWorker::Error {
                                message: e.to_string(),
                            },
                        );
                        return;
                    }
                };
                drop(bytes);
                let crate::Document {
                    session,
                    toc,
                    resolutions,
                    unplaced,
                    diagnostics,
                    furniture,
                } = doc;
                let mut queue = std::collections::VecDeque::new();
                queue.push_back(FromWorker::Head(Box::new(Head {
                    hash,
                    session,
                    toc,
                    furniture,
                    total: resolutions.len(),
                })));
                in_pieces(diagnostics, NOTES, |diagnostics| {
                    queue.push_back(FromWorker::Notes {
                        diagnostics,
                        unplaced: vec![],
                    })
                });
                in_pieces(unplaced, NOTES, |unplaced| {
                    queue.push_back(FromWorker::Notes {
                        diagnostics: vec![],
                        unplaced,
                    })
                });
                in_pieces(resolutions, BATCH, |resolutions| {
                    queue.push_back(FromWorker::Batch { resolutions })
                });
                queue.push_back(FromWorker::End);
                QUEUE.with(|q| *q.borrow_mut() = queue);
                send_next(&scope);
            });
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // Messages sent before the worker's wasm is running are lost: say when it is listening.
    post(&scope, &FromWorker::Ready);
}

/// What the page hears while a file is parsed.
pub enum Event {
    Progress(String),
    Head(Box<Head>),
    Notes(Vec<Diagnostic>, Vec<Unplaced>),
    Batch(Vec<Resolution>),
    End,
    Error(String),
}

/// A file being parsed in a worker; dropping it stops the worker.
pub struct Parse {
    worker: web_sys::Worker,
    _on_message: Closure<dyn Fn(web_sys::MessageEvent)>,
    _on_error: Closure<dyn Fn(web_sys::Event)>,
}

impl Drop for Parse {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

impl Parse {
    /// Starts a worker for `file`; `on` hears each step, one message per task. `None` when this
    /// page cannot start a worker (the caller parses on its own thread instead).
    pub fn start(file: web_sys::Blob, on: impl Fn(Event) + 'static) -> Option<Parse> {
        let worker = web_sys::Worker::new(LOADER).ok()?;
        let w = worker.clone();
        let on = std::rc::Rc::new(on);
        let on2 = on.clone();
        let on_message =
            Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
                let msg: FromWorker = match serde_wasm_bindgen::from_value(ev.data()) {
                    Ok(m) => m,
                    Err(e) => {
                        on(Event::Error(format!(
                            "the background parser sent something unreadable ({e})"
                        )));
                        return;
                    }
                };
                let ask_more = matches!(
                    msg,
                    FromWorker::Head(_) | FromWorker::Notes { .. } | FromWorker::Batch { .. }
                );
                match msg {
                    FromWorker::Ready => {
                        let m = js_sys::Object::new();
                        let _ = js_sys::Reflect::set(&m, &"file".into(), &file);
                        let _ = w.post_message(&m);
                    }
                    FromWorker::Progress { stage } => on(Event::Progress(stage)),
                    FromWorker::Head(h) => on(Event::Head(h)),
                    FromWorker::Notes {
                        diagnostics,
                        unplaced,
                    } => on(Event::Notes(diagnostics, unplaced)),
                    FromWorker::Batch { resolutions } => on(Event::Batch(resolutions)),
                    FromWorker::End => on(Event::End),
                    FromWorker::Error { message } => on(Event::Error(message)),
                }
                if ask_more {
                    let m = js_sys::Object::new();
                    let _ = js_sys::Reflect::set(&m, &"more".into(), &JsValue::TRUE);
                    let _ = w.post_message(&m);
                }
            });
        let on_error = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
            ev.prevent_default();
            on2(Event::Error("the background parser stopped".into()));
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Some(Parse {
            worker,
            _on_message: on_message,
            _on_error: on_error,
        })
    }
}
