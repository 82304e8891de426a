//! Parsing off the page's thread. The background side ([`serve`]) runs in a Web Worker (the
//! `qarar-worker` binary, built by Trunk as a worker with a loader shim, for speed: its own cargo
//! profile); the page side ([`Parse`]) starts one worker per document and receives the result in
//! pieces, so that no task on the page's thread holds it for long, however large the document:
//!
//! ```text
//! page → worker   { file: Blob }                        a file the reader opened
//!                 { fetch: url }                         a document at an address: the
//!                                                        default session when the page starts
//!                                                        a worker itself (boot.js's worker is
//!                                                        named `fetch:url` and fetches it at
//!                                                        once, unasked)
//!                 { json: string }                       the JS API: a text to parse into objects
//!                 { export: Uint8Array, file | fetch }   a download: the document parsed again
//!                                                        from its source, and the part of it a
//!                                                        view shows written as CSV, JSON or
//!                                                        Akoma Ntoso ([`ExportRequest`])
//!                 { compare: true, oldFile | oldFetch,   two documents compared: both parsed,
//!                   newFile | newFetch }                 then paired and diffed ([`Compared`])
//!                 { pair: true, oldFile | oldFetch,      two editions of a session side by side:
//!                   newFile | newFetch }                 the open one (new) beside the other
//!                                                        ([`Paired`])
//!                 { corpus: [{ file | fetch, hash, name }] }  every kept session, parsed and
//!                                                        kept in this worker (`scope=all`)
//!                 { scope: "?…" }                        the view's filters over all of them
//!                 { versions: res, of: hash | null }     one resolution's partners in the others
//!                 { glanceOf: [{ file | fetch, hash,    the overview: the open document (first)
//!                   name }], map: url }                  and the other kept sessions parsed and
//!                                                        kept here, the map's shapes fetched
//!                 { glance: "?…" }                       the overview for the view's filters
//!                 { more: true }                         after each piece of resolutions is
//!                                                        handled
//! worker → page   { kind: "ready" }                      listening (messages before are lost)
//!                 { kind: "progress", stage }            reading, parsing
//!                 { kind: "head", data }                 session, table of contents, totals, timing
//!                 { kind: "notes", data }                diagnostics and unplaced text, a piece
//!                 { kind: "batch", data }                resolutions with their search index
//!                 { kind: "end" }  or  { kind: "error", message }
//!                 { kind: "json", value }                the answer to `json`
//!                 { kind: "export", data }               the file's bytes
//!                 { kind: "compared", data }             the comparison
//!                 { kind: "paired", data }               the two editions, laid out
//!                 { kind: "corpus" }                     the kept sessions are parsed
//!                 { kind: "scoped", data }               what the filters found in them
//!                 { kind: "glance-ready" }               the open document is read (then again
//!                                                        when the other sessions are)
//!                 { kind: "glance", data }               the overview, laid out ([`Glance`])
//! ```
//!
//! Exports are written here, not on the page: their code (the CSV and XML writers, serde_json)
//! would grow the page's wasm, which the first paint waits for; parsing the source again takes a
//! tenth of a second for a usual session, and gives the same document, indices and all.
//!
//! `data` is a `Uint8Array` of postcard (a compact binary serde format), whose buffer is
//! transferred, not copied: decoding it is a fraction of what building JS objects and reading
//! them back cost (a 50 MB file took 13 s to reach the page that way). The worker also builds the
//! search index (it normalises at full speed), so the page only decodes.
//!
//! The worker sends the next piece of resolutions only when the page asks for it (the head,
//! the notes, the first piece and the end go unasked): sent all at once, hundreds of pieces
//! queued on the page's thread and kept it from answering anything else until they were all
//! handled. The messages are raw web-sys `postMessage` rather than gloo-worker's bridge: this
//! flow control is the protocol, and the bridge would add its own.

use std::collections::VecDeque;
use std::rc::Rc;

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::model::{Diagnostic, Furniture, Resolution, Session, TocEntry, Unplaced};
use crate::view::ResolutionIndex;

/// About how many bytes of encoded resolutions go in one piece: decoding one is a short task on
/// the page's thread (a few milliseconds), and a 50 MB document takes about a hundred of them.
const PIECE_BYTES: usize = 1 << 20;
/// Diagnostics and unplaced lines per piece (a large document can have tens of thousands).
const NOTES: usize = 2000;

/// The loader Trunk writes for the worker (`data-loader-shim`), beside the page.
const LOADER: &str = "./qarar-worker_loader.js";

/// What a parsed document is besides its resolutions and notes, sent first.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Head {
    /// The content hash, when asked for (files kept in the library).
    pub hash: Option<String>,
    pub language: crate::model::Language,
    pub session: Session,
    pub toc: Vec<TocEntry>,
    /// The page furniture set aside (a few hundred short lines at most).
    pub furniture: Vec<Furniture>,
    /// How many resolutions follow.
    pub total: usize,
    /// When the parse started (ms since the worker's time origin, plus that origin: the page
    /// places it on its own timeline) and how long it took.
    pub parse_started: f64,
    pub parse_ms: f64,
    /// The same for building the lexicons ahead of the parse, when the worker did (zero if not).
    pub lexicons_started: f64,
    pub lexicons_ms: f64,
}

#[derive(Debug, Serialize, Deserialize)]
struct Notes {
    diagnostics: Vec<Diagnostic>,
    unplaced: Vec<Unplaced>,
}

/// What the page hears while a document is parsed.
pub enum Event {
    Progress(String),
    Head(Box<Head>),
    Notes(Vec<Diagnostic>, Vec<Unplaced>),
    Batch(Vec<(Resolution, ResolutionIndex)>),
    End,
    Error(String),
    /// The answer to a `json` request: the document as plain JS objects.
    Json(JsValue),
    /// The answer to an export: the file's bytes.
    Exported(Vec<u8>),
    /// The answer to a comparison.
    Compared(Box<Compared>),
    /// Two editions laid out side by side.
    Paired(Box<Paired>),
    /// Every kept session parsed, ready for `scope` queries.
    CorpusReady,
    /// What a `scope` query found.
    Scoped(Box<Scoped>),
    /// The overview's worker can answer (again, with more sessions).
    GlanceReady,
    /// The overview for a view.
    Glance(Box<Glance>),
}

/// The overview of the open document for a view, laid out; and how long that took.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Glance {
    pub search: String,
    pub node: crate::view::tree::Node,
    /// Is the map in it (its shapes arrived)?
    pub with_map: bool,
    pub started: f64,
    pub ms: f64,
}

/// What the filters found across every kept session, laid out; and how long it took.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Scoped {
    pub search: String,
    pub resolutions: usize,
    pub sessions: usize,
    pub node: crate::view::tree::Node,
    pub started: f64,
    pub ms: f64,
}

/// A kept session for the corpus: where it is, its hash (none for the default session), its name.
pub struct KeptSource {
    pub source: Source,
    pub hash: Option<String>,
    pub name: String,
}

/// Two documents compared and laid out for the page, and how long the comparison took.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Compared {
    pub layout: crate::view::compared::Layout,
    /// When the pairing and diffing started (ms since the epoch) and how long they took.
    pub started: f64,
    pub ms: f64,
}

/// Two editions of a session laid out side by side, and how long that took.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Paired {
    pub layout: crate::view::bilingual::Bilingual,
    pub started: f64,
    pub ms: f64,
}

/// A download: which format, and which resolutions and paragraphs (by index in the document the
/// worker parses from the same source).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ExportRequest {
    pub format: crate::export::ExportFormat,
    pub shown: Vec<crate::export::Shown>,
}

/// A message from the worker, as the page reads it.
fn read_message(data: &JsValue) -> Result<Option<Event>, String> {
    let get = |k: &str| js_sys::Reflect::get(data, &k.into()).unwrap_or(JsValue::UNDEFINED);
    let bytes = || js_sys::Uint8Array::new(&get("data")).to_vec();
    let kind = get("kind").as_string().unwrap_or_default();
    let broken =
        |e: postcard::Error| format!("the background parser sent something unreadable ({e})");
    Ok(Some(match kind.as_str() {
        "ready" => return Ok(None),
        "progress" => Event::Progress(get("stage").as_string().unwrap_or_default()),
        "head" => Event::Head(Box::new(postcard::from_bytes(&bytes()).map_err(broken)?)),
        "notes" => {
            let n: Notes = postcard::from_bytes(&bytes()).map_err(broken)?;
            Event::Notes(n.diagnostics, n.unplaced)
        }
        "batch" => {
            let bytes = bytes();
            let mut rest = bytes.as_slice();
            let mut out = Vec::new();
            while !rest.is_empty() {
                let (pair, tail) = postcard::take_from_bytes(rest).map_err(broken)?;
                out.push(pair);
                rest = tail;
            }
            Event::Batch(out)
        }
        "end" => Event::End,
        "json" => Event::Json(get("value")),
        "export" => Event::Exported(bytes()),
        "compared" => Event::Compared(Box::new(postcard::from_bytes(&bytes()).map_err(broken)?)),
        "paired" => Event::Paired(Box::new(postcard::from_bytes(&bytes()).map_err(broken)?)),
        "corpus" => Event::CorpusReady,
        "scoped" => Event::Scoped(Box::new(postcard::from_bytes(&bytes()).map_err(broken)?)),
        "glance-ready" => Event::GlanceReady,
        "glance" => Event::Glance(Box::new(postcard::from_bytes(&bytes()).map_err(broken)?)),
        _ => Event::Error(
            get("message")
                .as_string()
                .unwrap_or_else(|| "the background parser failed".into()),
        ),
    }))
}

/// A message to post: `{ kind, … }`, its `data` buffer transferred.
enum Outgoing {
    Progress(&'static str),
    Data(&'static str, Vec<u8>),
    End,
    Error(String),
    Json(JsValue),
}

fn post(scope: &web_sys::DedicatedWorkerGlobalScope, m: Outgoing) {
    let o = js_sys::Object::new();
    let set = |k: &str, v: &JsValue| {
        let _ = js_sys::Reflect::set(&o, &k.into(), v);
    };
    let transfer = js_sys::Array::new();
    match m {
        Outgoing::Progress(stage) => {
            set("kind", &"progress".into());
            set("stage", &stage.into());
        }
        Outgoing::Data(kind, bytes) => {
            let data = js_sys::Uint8Array::from(bytes.as_slice());
            transfer.push(&data.buffer());
            set("kind", &kind.into());
            set("data", &data);
        }
        Outgoing::End => set("kind", &"end".into()),
        Outgoing::Error(message) => {
            set("kind", &"error".into());
            set("message", &message.into());
        }
        Outgoing::Json(value) => {
            set("kind", &"json".into());
            set("value", &value);
        }
    }
    let _ = scope.post_message_with_transfer(&o, &transfer);
}

thread_local! {
    /// Every kept session, parsed and indexed (`scope=all`).
    static KEPT: std::cell::RefCell<Vec<crate::view::corpus::KeptDocument>> = Default::default();
    /// When the lexicons were built and how long it took, to tell the page (`qarar:lexicons`).
    static LEXICONS: std::cell::Cell<(f64, f64)> = const { std::cell::Cell::new((0.0, 0.0)) };
    /// The overview's documents (the open one first) and the map's shapes.
    static GLANCE: std::cell::RefCell<Option<GlanceDocuments>> = Default::default();
    /// The pieces of the parsed document encoded and not yet sent.
    static QUEUE: std::cell::RefCell<VecDeque<Outgoing>> = Default::default();
    /// Its resolutions not yet encoded; `None` once the last piece and the end are queued.
    static PENDING: std::cell::RefCell<Option<std::vec::IntoIter<Resolution>>> = Default::default();
}

/// Sends the next piece, if any, then encodes the one after while the page decodes this one:
/// encoding them all before sending the first kept the page waiting (on the 50 MB file the page
/// had the whole document 1.4 s after the parse, the two threads taking turns).
fn send_next(scope: &web_sys::DedicatedWorkerGlobalScope) {
    if let Some(m) = QUEUE.with(|q| q.borrow_mut().pop_front()) {
        post(scope, m);
    }
    encode_next(scope);
}

/// With nothing queued: the next piece encoded and queued, to go when the page asks for more;
/// or, the resolutions all sent, the end, sent at once (messages arrive in the order posted).
fn encode_next(scope: &web_sys::DedicatedWorkerGlobalScope) {
    if !QUEUE.with(|q| q.borrow().is_empty()) {
        return;
    }
    let next = PENDING.with(|p| {
        let mut p = p.borrow_mut();
        let batch = p.as_mut().and_then(encode_batch);
        match batch {
            Some(b) => Some(Outgoing::Data("batch", b)),
            // The end, once.
            None => p.take().map(|_| Outgoing::End),
        }
    });
    match next {
        Some(Outgoing::End) => post(scope, Outgoing::End),
        next => QUEUE.with(|q| q.borrow_mut().extend(next)),
    }
}

/// The next piece of resolutions, each with its search index, about [`PIECE_BYTES`] encoded;
/// `None` when none are left.
fn encode_batch(resolutions: &mut std::vec::IntoIter<Resolution>) -> Option<Vec<u8>> {
    let mut piece = Vec::with_capacity(PIECE_BYTES + PIECE_BYTES / 4);
    for r in resolutions.by_ref() {
        let index = ResolutionIndex::new(&r);
        piece = postcard::to_extend(&(r, index), piece).unwrap_or_default();
        if piece.len() >= PIECE_BYTES {
            break;
        }
    }
    (!piece.is_empty()).then_some(piece)
}

fn now() -> f64 {
    js_sys::global()
        .dyn_into::<web_sys::WorkerGlobalScope>()
        .ok()
        .and_then(|g| g.performance())
        .map_or(0.0, |p| p.time_origin() + p.now())
}

/// Parses `bytes` and sends the document in pieces, encoded (see [`send_next`]).
fn parse_and_queue(scope: &web_sys::DedicatedWorkerGlobalScope, bytes: Vec<u8>, hash: bool) {
    post(scope, Outgoing::Progress("parsing"));
    let started = now();
    let hash = hash.then(|| crate::import::content_hash(&bytes));
    // The bytes are taken and decoded in place (UTF-8), and the text dropped once parsed.
    let doc = match crate::read(bytes) {
        Ok(doc) => doc,
        Err(e) => return post(scope, Outgoing::Error(e.to_string())),
    };
    let parse_ms = now() - started;
    let crate::Document {
        language,
        session,
        toc,
        resolutions,
        unplaced,
        diagnostics,
        furniture,
    } = doc;
    let head = Head {
        hash,
        language,
        session,
        toc,
        furniture,
        total: resolutions.len(),
        parse_started: started,
        parse_ms,
        lexicons_started: LEXICONS.with(|l| l.get().0),
        lexicons_ms: LEXICONS.with(|l| l.get().1),
    };
    // The head, the notes and the first piece go at once; each later piece when the page asks
    // for it. (Each waiting for the page's word, a usual session reached the page three round
    // trips after its parse, each waiting on the page's busy thread.)
    post(scope, Outgoing::Data("head", encode(&head)));
    let (mut diagnostics, mut unplaced) = (diagnostics.into_iter(), unplaced.into_iter());
    loop {
        let notes = Notes {
            diagnostics: diagnostics.by_ref().take(NOTES).collect(),
            unplaced: unplaced.by_ref().take(NOTES).collect(),
        };
        if notes.diagnostics.is_empty() && notes.unplaced.is_empty() {
            break;
        }
        post(scope, Outgoing::Data("notes", encode(&notes)));
    }
    QUEUE.with(|q| q.borrow_mut().clear());
    PENDING.with(|p| *p.borrow_mut() = Some(resolutions.into_iter()));
    encode_next(scope);
    send_next(scope);
}

/// A piece, encoded (postcard cannot fail on the model: it only fails to write past a fixed
/// buffer, and this one grows).
fn encode<T: Serialize>(v: &T) -> Vec<u8> {
    postcard::to_allocvec(v).unwrap_or_default()
}

/// The worker's side: waits for documents and answers each with its parsed pieces.
pub fn serve() {
    let Ok(scope) = js_sys::global().dyn_into::<web_sys::DedicatedWorkerGlobalScope>() else {
        return;
    };
    let s = scope.clone();
    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            let scope = s.clone();
            let data = ev.data();
            let get =
                |k: &str| js_sys::Reflect::get(&data, &k.into()).unwrap_or(JsValue::UNDEFINED);
            if get("more").is_truthy() {
                return send_next(&scope);
            }
            if let Some(text) = get("json").as_string() {
                return answer_json(&scope, &text);
            }
            if let Some(search) = get("scope").as_string() {
                return answer_scope(&scope, search);
            }
            if let Some(search) = get("glance").as_string() {
                return answer_glance(&scope, search);
            }
            if let Ok(list) = get("glanceOf").dyn_into::<js_sys::Array>() {
                let map = get("map").as_string().unwrap_or_default();
                return wasm_bindgen_futures::spawn_local(load_glance(scope, list, map));
            }
            if let Some(res) = get("versions").as_string() {
                return answer_versions(&scope, get("of").as_string(), res);
            }
            if let Ok(list) = get("corpus").dyn_into::<js_sys::Array>() {
                return wasm_bindgen_futures::spawn_local(load_corpus(scope, list));
            }
            let pair = get("pair").is_truthy();
            if get("compare").is_truthy() || pair {
                let (old, new) = (
                    read_source(&scope, get("oldFile"), get("oldFetch")),
                    read_source(&scope, get("newFile"), get("newFetch")),
                );
                return wasm_bindgen_futures::spawn_local(async move {
                    match (old.await, new.await) {
                        (Ok(a), Ok(b)) if pair => answer_pair(&scope, b, a),
                        (Ok(a), Ok(b)) => answer_compare(&scope, a, b),
                        (Err(e), _) | (_, Err(e)) => post(&scope, Outgoing::Error(e)),
                    }
                });
            }
            if let Ok(request) = get("export").dyn_into::<js_sys::Uint8Array>() {
                let (request, file, url) = (request.to_vec(), get("file"), get("fetch"));
                return wasm_bindgen_futures::spawn_local(async move {
                    let bytes = match (file.dyn_into::<web_sys::Blob>(), url.as_string()) {
                        (Ok(file), _) => gloo_file::futures::read_as_bytes(&file.into())
                            .await
                            .map_err(|_| "the file could not be read".to_string()),
                        (_, Some(url)) => fetch_bytes(scope.clone(), url).await,
                        _ => Err("no document was given".to_string()),
                    };
                    match bytes {
                        Ok(bytes) => answer_export(&scope, bytes, &request),
                        Err(e) => post(&scope, Outgoing::Error(e)),
                    }
                });
            }
            if let Some(url) = get("fetch").as_string() {
                return fetch_and_parse(scope, url);
            }
            let Ok(file) = get("file").dyn_into::<web_sys::Blob>() else {
                return post(&scope, Outgoing::Error("no document was given".into()));
            };
            wasm_bindgen_futures::spawn_local(async move {
                post(&scope, Outgoing::Progress("reading"));
                match gloo_file::futures::read_as_bytes(&file.into()).await {
                    Ok(bytes) => parse_and_queue(&scope, bytes, true),
                    Err(_) => post(&scope, Outgoing::Error("the file could not be read".into())),
                }
            });
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // Messages sent before the worker's wasm is running are lost: say when it is listening.
    let ready = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&ready, &"kind".into(), &"ready".into());
    let _ = scope.post_message(&ready);
    // Started by boot.js for the default session, with the address in its name: fetched from
    // here at once. Handed over by the page, it waited for the page's thread, which is busy
    // starting the page's own wasm just then (the worker sat idle ~130 ms of a first load).
    if let Some(url) = scope.name().strip_prefix(FETCH_AT_START) {
        fetch_and_parse(scope.clone(), url.to_string());
    }
}

/// The prefix of a worker's name that asks it to fetch and parse the address after it as soon
/// as it runs (boot.js's worker for the default session).
const FETCH_AT_START: &str = "fetch:";

/// Fetches the document at `url` and parses it. The request goes out first; the lexicons are
/// built while it is on its way, and timed apart (`qarar:lexicons`).
fn fetch_and_parse(scope: web_sys::DedicatedWorkerGlobalScope, url: String) {
    let fetching = fetch_bytes(scope.clone(), url);
    let started = now();
    crate::lexicon::warm_up();
    LEXICONS.with(|l| l.set((started, now() - started)));
    wasm_bindgen_futures::spawn_local(async move {
        match fetching.await {
            Ok(bytes) => parse_and_queue(&scope, bytes, false),
            Err(e) => post(&scope, Outgoing::Error(e)),
        }
    });
}

/// The bytes at `url`, from the worker. The request is made when this is called, not when the
/// future is first polled.
fn fetch_bytes(
    scope: web_sys::DedicatedWorkerGlobalScope,
    url: String,
) -> impl std::future::Future<Output = Result<Vec<u8>, String>> {
    let request = wasm_bindgen_futures::JsFuture::from(scope.fetch_with_str(&url));
    read_response(request, url)
}

async fn read_response(
    request: wasm_bindgen_futures::JsFuture,
    url: String,
) -> Result<Vec<u8>, String> {
    let failed = |_| format!("{url} could not be fetched");
    let response = request
        .await
        .map_err(failed)?
        .dyn_into::<web_sys::Response>()
        .map_err(failed)?;
    if !response.ok() {
        return Err(format!(
            "{url} could not be fetched (HTTP {})",
            response.status()
        ));
    }
    let buffer = wasm_bindgen_futures::JsFuture::from(response.array_buffer().map_err(failed)?)
        .await
        .map_err(failed)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// The bytes of a document given as a file or a URL.
fn read_source(
    scope: &web_sys::DedicatedWorkerGlobalScope,
    file: JsValue,
    url: JsValue,
) -> impl std::future::Future<Output = Result<Vec<u8>, String>> {
    // The request goes out now, not when the future is first polled.
    let fetching = url.as_string().map(|u| fetch_bytes(scope.clone(), u));
    async move {
        if let Ok(file) = file.dyn_into::<web_sys::Blob>() {
            return gloo_file::futures::read_as_bytes(&file.into())
                .await
                .map_err(|_| "the file could not be read".to_string());
        }
        match fetching {
            Some(f) => f.await,
            None => Err("no document was given".to_string()),
        }
    }
}

/// A kept session given as `{ file | fetch, hash, name }`, read and parsed; `None` when it cannot
/// be (a kept file that cannot be read or parsed is left out, and the others are used).
async fn read_kept(
    scope: &web_sys::DedicatedWorkerGlobalScope,
    item: JsValue,
) -> Option<crate::view::corpus::KeptDocument> {
    let get = |k: &str| js_sys::Reflect::get(&item, &k.into()).unwrap_or(JsValue::UNDEFINED);
    let bytes = read_source(scope, get("file"), get("fetch")).await.ok()?;
    let doc = crate::read(bytes).ok()?;
    Some(crate::view::corpus::KeptDocument {
        hash: get("hash").as_string(),
        name: get("name").as_string().unwrap_or_default(),
        index: crate::view::Index::new(&doc),
        doc,
    })
}

fn post_kind(scope: &web_sys::DedicatedWorkerGlobalScope, kind: &str) {
    let o = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&o, &"kind".into(), &kind.into());
    let _ = scope.post_message(&o);
}

/// Every kept session read and parsed, kept here for `scope` queries.
async fn load_corpus(scope: web_sys::DedicatedWorkerGlobalScope, list: js_sys::Array) {
    let mut kept = Vec::new();
    for item in list.iter() {
        kept.extend(read_kept(&scope, item).await);
    }
    KEPT.with(|k| *k.borrow_mut() = kept);
    post_kind(&scope, "corpus");
}

/// What the overview is drawn from.
#[derive(Default)]
struct GlanceDocuments {
    open: Option<crate::view::corpus::KeptDocument>,
    others: Vec<crate::view::corpus::KeptDocument>,
    map: Option<crate::view::overview::MapData>,
}

/// The overview's documents: the open one (the list's first) and the map's shapes, then the other
/// kept sessions; the page hears when each step is done.
async fn load_glance(scope: web_sys::DedicatedWorkerGlobalScope, list: js_sys::Array, map: String) {
    // The map's request goes out first: it arrives while the document is parsed.
    let fetching = fetch_bytes(scope.clone(), map);
    let mut items = list.iter();
    let Some(open) = items.next() else {
        return post(&scope, Outgoing::Error("no document was given".into()));
    };
    let Some(open) = read_kept(&scope, open).await else {
        return post(
            &scope,
            Outgoing::Error("the open document could not be read again".into()),
        );
    };
    // Without its shapes the overview still has its charts (and says the map is missing).
    let map = fetching
        .await
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok());
    GLANCE.with(|g| {
        *g.borrow_mut() = Some(GlanceDocuments {
            open: Some(open),
            others: Vec::new(),
            map,
        })
    });
    post_kind(&scope, "glance-ready");
    let rest: Vec<JsValue> = items.collect();
    if rest.is_empty() {
        return;
    }
    let mut others = Vec::new();
    for item in rest {
        others.extend(read_kept(&scope, item).await);
    }
    GLANCE.with(|g| {
        if let Some(g) = g.borrow_mut().as_mut() {
            g.others = others;
        }
    });
    post_kind(&scope, "glance-ready");
}

/// The overview of the open document for the view `search`.
fn answer_glance(scope: &web_sys::DedicatedWorkerGlobalScope, search: String) {
    let started = now();
    let laid_out = GLANCE.with(|g| {
        let g = g.borrow();
        let g = g.as_ref()?;
        let open = g.open.as_ref()?;
        let others: Vec<crate::view::overview::OtherSession> = g
            .others
            .iter()
            .map(|k| crate::view::overview::OtherSession {
                doc: &k.doc,
                index: &k.index,
            })
            .collect();
        // Every document the parser reads is Arabic, right to left.
        let node = crate::view::overview::layout(
            &open.doc,
            &open.index,
            &search,
            g.map.as_ref(),
            &others,
            true,
        );
        Some((node, g.map.is_some()))
    });
    let Some((node, with_map)) = laid_out else {
        return post(scope, Outgoing::Error("the overview is not ready".into()));
    };
    let glance = Glance {
        search,
        node,
        with_map,
        started,
        ms: now() - started,
    };
    post(scope, Outgoing::Data("glance", encode(&glance)));
}

/// The view's filters over every kept session.
fn answer_scope(scope: &web_sys::DedicatedWorkerGlobalScope, search: String) {
    let started = now();
    let found = KEPT.with(|k| crate::view::corpus::search_all(&k.borrow(), &search));
    post_found(scope, search, found, started);
}

/// What the corpus found, sent with the query it answers and how long it took.
fn post_found(
    scope: &web_sys::DedicatedWorkerGlobalScope,
    search: String,
    found: crate::view::corpus::Found,
    started: f64,
) {
    let scoped = Scoped {
        search,
        resolutions: found.resolutions,
        sessions: found.sessions,
        node: found.node,
        started,
        ms: now() - started,
    };
    post(scope, Outgoing::Data("scoped", encode(&scoped)));
}

/// A kept resolution's partners in the other kept sessions (`search` says which:
/// `versions:<of>|<res>`).
fn answer_versions(scope: &web_sys::DedicatedWorkerGlobalScope, of: Option<String>, res: String) {
    let started = now();
    let search = versions_key(of.as_deref(), &res);
    let found = KEPT.with(|k| crate::view::corpus::versions(&k.borrow(), of.as_deref(), &res));
    let Some(found) = found else {
        return post(
            scope,
            Outgoing::Error(format!("{res} is not in a kept session")),
        );
    };
    post_found(scope, search, found, started);
}

/// What a versions answer is keyed by, on both sides.
pub fn versions_key(of: Option<&str>, res: &str) -> String {
    format!("versions:{}|{res}", of.unwrap_or("default"))
}

/// Two documents parsed and compared.
fn answer_compare(scope: &web_sys::DedicatedWorkerGlobalScope, old: Vec<u8>, new: Vec<u8>) {
    let (old, new) = match (crate::read(old), crate::read(new)) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(e), _) | (_, Err(e)) => return post(scope, Outgoing::Error(e.to_string())),
    };
    let started = now();
    let comparison = crate::compare::compare(&old, &new);
    let ms = now() - started;
    let compared = Compared {
        layout: crate::view::compared::layout(&comparison, &old, &new),
        started,
        ms,
    };
    post(scope, Outgoing::Data("compared", encode(&compared)));
}

/// Two editions parsed and laid out side by side: the open one, and the other beside it.
fn answer_pair(scope: &web_sys::DedicatedWorkerGlobalScope, open: Vec<u8>, other: Vec<u8>) {
    let (open, other) = match (crate::read(open), crate::read(other)) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(e), _) | (_, Err(e)) => return post(scope, Outgoing::Error(e.to_string())),
    };
    let started = now();
    let layout = crate::view::bilingual::layout(&open, &other);
    let paired = Paired {
        layout,
        started,
        ms: now() - started,
    };
    post(scope, Outgoing::Data("paired", encode(&paired)));
}

/// A download: the document parsed from `bytes`, the request's part of it in its format.
fn answer_export(scope: &web_sys::DedicatedWorkerGlobalScope, bytes: Vec<u8>, request: &[u8]) {
    let request: ExportRequest = match postcard::from_bytes(request) {
        Ok(r) => r,
        Err(e) => return post(scope, Outgoing::Error(format!("a broken request ({e})"))),
    };
    let doc = match crate::read(bytes) {
        Ok(doc) => doc,
        Err(e) => return post(scope, Outgoing::Error(e.to_string())),
    };
    let selection = crate::export::Selection {
        doc: &doc,
        shown: request.shown,
    };
    let file = crate::export::export(&selection, request.format);
    post(scope, Outgoing::Data("export", file));
}

/// The JS API's request: the document as plain objects (the CLI's JSON shape), or why not.
fn answer_json(scope: &web_sys::DedicatedWorkerGlobalScope, text: &str) {
    let doc = crate::parse(text);
    if doc.resolutions.is_empty() {
        return post(
            scope,
            Outgoing::Error(crate::why_no_resolutions(text).to_string()),
        );
    }
    match doc.serialize(&serde_wasm_bindgen::Serializer::json_compatible()) {
        Ok(v) => post(scope, Outgoing::Json(v)),
        Err(e) => post(scope, Outgoing::Error(e.to_string())),
    }
}

/// What a worker is given to read.
pub enum Source {
    /// A file the reader opened: read, hashed (for the library) and parsed.
    File(web_sys::Blob),
    /// A file beside the page (the default session), fetched by the worker and parsed without
    /// a hash.
    Fetch(String),
    /// A text for the JS API, answered as plain objects.
    Json(String),
    /// A download: the document at `from` (a file or a URL) parsed again and exported.
    Export {
        from: Box<Source>,
        request: ExportRequest,
    },
    /// Two documents compared.
    Compare { old: Box<Source>, new: Box<Source> },
    /// Two editions side by side: the open one, and the other.
    Pair {
        open: Box<Source>,
        other: Box<Source>,
    },
    /// Every kept session, to be searched at once.
    Corpus(Vec<KeptSource>),
    /// The overview: the open document first, then the other kept sessions; and the map's URL.
    Glance { kept: Vec<KeptSource>, map: String },
}

/// Kept sessions as the worker reads them: `[{ file | fetch, hash, name }]`.
fn kept_list(list: Vec<KeptSource>) -> js_sys::Array {
    let items = js_sys::Array::new();
    for k in list {
        let o = js_sys::Object::new();
        let put = |key: &str, v: &JsValue| {
            let _ = js_sys::Reflect::set(&o, &key.into(), v);
        };
        match k.source {
            Source::File(f) => put("file", &f),
            Source::Fetch(u) => put("fetch", &u.into()),
            _ => {}
        }
        if let Some(h) = k.hash {
            put("hash", &h.into());
        }
        put("name", &k.name.into());
        items.push(&o);
    }
    items
}

/// A document being parsed in a worker; dropping it stops the worker.
pub struct Parse {
    worker: web_sys::Worker,
    /// What a message from the worker does.
    handler: Rc<dyn Fn(JsValue)>,
    _on_message: Closure<dyn Fn(JsValue)>,
    /// What boot.js calls with each message, for a worker it started.
    _adopted: Option<Closure<dyn Fn(JsValue)>>,
    _on_error: Closure<dyn Fn(web_sys::Event)>,
}

impl Drop for Parse {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

impl Parse {
    /// Asks a corpus worker for resolution `res`'s partners in the other kept sessions (`of`: the
    /// open document's hash, `None` for the default session).
    pub fn versions(&self, of: Option<&str>, res: &str) {
        let m = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&m, &"versions".into(), &res.into());
        let of = of.map_or(JsValue::NULL, JsValue::from_str);
        let _ = js_sys::Reflect::set(&m, &"of".into(), &of);
        let _ = self.worker.post_message(&m);
    }

    /// Asks an overview's worker (see [`Source::Glance`]) for the overview of the view `search`.
    pub fn glance(&self, search: &str) {
        let m = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&m, &"glance".into(), &search.into());
        let _ = self.worker.post_message(&m);
    }

    /// Asks a corpus worker (see [`Source::Corpus`]) for what the filters of `search` find.
    pub fn scope(&self, search: &str) {
        let m = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&m, &"scope".into(), &search.into());
        let _ = self.worker.post_message(&m);
    }

    /// The worker `boot.js` started for the default session before the page's wasm arrived, if
    /// it did: boot.js has handed it the session, and `on` hears the messages it has sent so far,
    /// then the rest, as [`Parse::start`]'s.
    pub fn adopt_boot(on: impl Fn(Event) + 'static) -> Option<Parse> {
        let global = js_sys::global();
        let boot = js_sys::Reflect::get(&global, &"qararBoot".into()).ok()?;
        let worker: web_sys::Worker = js_sys::Reflect::get(&boot, &"worker".into())
            .ok()?
            .dyn_into()
            .ok()?;
        let adopt: js_sys::Function = js_sys::Reflect::get(&boot, &"adopt".into())
            .ok()?
            .dyn_into()
            .ok()?;
        // Adopted once.
        let _ = js_sys::Reflect::set(&global, &"qararBoot".into(), &JsValue::NULL);
        let mut parse = Parse::listen(worker, None, on);
        let handler = parse.handler.clone();
        let hear = Closure::<dyn Fn(JsValue)>::new(move |data: JsValue| handler(data));
        let _ = adopt.call1(&JsValue::NULL, hear.as_ref());
        parse._adopted = Some(hear);
        Some(parse)
    }

    /// Starts a worker for `source`; `on` hears each step, one message per task. `None` when
    /// this page cannot start a worker.
    pub fn start(source: Source, on: impl Fn(Event) + 'static) -> Option<Parse> {
        let worker = web_sys::Worker::new(LOADER).ok()?;
        Some(Parse::listen(worker, Some(source), on))
    }

    /// Listens to `worker`, which is sent `source` when it says it is ready; with no source,
    /// whoever started it listens and passes the messages on (`handler`).
    fn listen(
        worker: web_sys::Worker,
        source: Option<Source>,
        on: impl Fn(Event) + 'static,
    ) -> Parse {
        let w = worker.clone();
        let on = Rc::new(on);
        let on2 = on.clone();
        let own_messages = source.is_some();
        let request = js_sys::Object::new();
        let transfer = js_sys::Array::new();
        let set = |k: &str, v: &JsValue| {
            let _ = js_sys::Reflect::set(&request, &k.into(), v);
        };
        let put = |source: Source| match source {
            Source::File(file) => set("file", &file),
            Source::Fetch(url) => set("fetch", &url.into()),
            Source::Json(text) => set("json", &text.into()),
            Source::Export { .. }
            | Source::Compare { .. }
            | Source::Pair { .. }
            | Source::Corpus(_)
            | Source::Glance { .. } => {}
        };
        // The two documents of a comparison, under keys of their own.
        let put_as = |which: &str, source: Source| match source {
            Source::File(file) => set(&format!("{which}File"), &file),
            Source::Fetch(url) => set(&format!("{which}Fetch"), &url.into()),
            _ => {}
        };
        match source {
            Some(Source::Corpus(list)) => set("corpus", &kept_list(list)),
            Some(Source::Glance { kept, map }) => {
                set("glanceOf", &kept_list(kept));
                set("map", &map.into());
            }
            Some(Source::Compare { old, new }) => {
                set("compare", &JsValue::TRUE);
                put_as("old", *old);
                put_as("new", *new);
            }
            Some(Source::Pair { open, other }) => {
                set("pair", &JsValue::TRUE);
                put_as("old", *other);
                put_as("new", *open);
            }
            Some(Source::Export { from, request }) => {
                put(*from);
                let bytes = postcard::to_allocvec(&request).unwrap_or_default();
                set("export", &js_sys::Uint8Array::from(bytes.as_slice()));
            }
            Some(source) => put(source),
            None => {}
        }
        let handler: Rc<dyn Fn(JsValue)> = Rc::new(move |data: JsValue| {
            let event = match read_message(&data) {
                // Listening: the document goes over (unless whoever started it sends it).
                Ok(None) => {
                    if own_messages {
                        let _ = w.post_message_with_transfer(&request, &transfer);
                    }
                    return;
                }
                Ok(Some(e)) => e,
                Err(e) => Event::Error(e),
            };
            let ask_more = matches!(event, Event::Batch(_));
            on(event);
            if ask_more {
                let m = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&m, &"more".into(), &JsValue::TRUE);
                let _ = w.post_message(&m);
            }
        });
        let h = handler.clone();
        // A MessageEvent from the worker (its `data` is the message).
        let on_message = Closure::<dyn Fn(JsValue)>::new(move |ev: JsValue| {
            h(js_sys::Reflect::get(&ev, &"data".into()).unwrap_or(JsValue::UNDEFINED))
        });
        let on_error = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
            ev.prevent_default();
            on2(Event::Error("the background parser stopped".into()));
        });
        if own_messages {
            worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        }
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Parse {
            worker,
            handler,
            _on_message: on_message,
            _adopted: None,
            _on_error: on_error,
        }
    }
}
