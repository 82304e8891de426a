//! Which document is open, and how one is opened: the default session (parsed on the page), a
//! file dropped or chosen (parsed in the background worker, kept in the library), a kept document
//! named by the URL (`doc=`, on load and on Back/Forward). A file that cannot be opened leaves the
//! view exactly as it was, and says why.

use std::sync::Arc;

use leptos::prelude::*;

use super::browser::{after_paint, mark, measure, measure_span, read_search, write_url};
use super::state::{AppState, Loaded};
use super::{library, worker, DEFAULT_NAME, DEFAULT_URL};
use crate::model::Document;
use crate::view::{self, Query};

/// The largest file opened. Above it the page would hold several copies of the text at once
/// (bytes, text, model, view); the reader is told so instead.
const MAX_FILE: f64 = 50.0 * 1024.0 * 1024.0;

/// Documents larger than this are taken down and put up in two frames (see [`Documents::install`]).
const LARGE: usize = 60;

/// What a parse in the background has received so far: its head, the document, its index.
type Received = std::cell::RefCell<Option<(worker::Head, Document, view::Index)>>;

/// What a parse in the background hands back: the content hash (of a file), the document, its
/// search index.
type Done = Box<dyn Fn(Option<String>, Document, view::Index)>;

/// The document actions, shared through context beside [`AppState`].
#[derive(Clone, Copy)]
pub struct Documents {
    state: AppState,
    /// The default session, once fetched and parsed.
    default_session: StoredValue<Option<Arc<Loaded>>>,
    /// The workers parsing documents (the default session and a file may be under way at
    /// once), each with its number; dropping one stops it.
    running: StoredValue<Vec<(u32, worker::Parse)>, LocalStorage>,
    /// The number of the next parse.
    next_parse: StoredValue<u32>,
}

/// Where a document's text is, for a worker to read it again: the default session beside the
/// page (`None`), or the library's copy of a file (its hash).
pub async fn source_of(hash: Option<String>) -> Result<worker::Source, String> {
    let Some(hash) = hash else {
        return Ok(worker::Source::Fetch(DEFAULT_URL.into()));
    };
    match library::get(&hash).await {
        Ok(Some((_, blob))) => Ok(worker::Source::File(blob)),
        Ok(None) => Err("the file is no longer in this browser's library: open it again".into()),
        Err(e) => Err(e),
    }
}

/// Every kept session for a worker to read: `first` (a hash, `None` for the default session)
/// first, then the default session and the library's files. A file that can no longer be read is
/// left out.
pub async fn kept_sources(
    first: Option<String>,
    kept: Vec<library::Entry>,
) -> Vec<worker::KeptSource> {
    let mut wanted: Vec<(Option<String>, String)> = vec![(first.clone(), String::new())];
    if first.is_some() {
        wanted.push((None, DEFAULT_NAME.into()));
    }
    wanted.extend(
        kept.into_iter()
            .filter(|e| Some(&e.hash) != first.as_ref())
            .map(|e| (Some(e.hash), e.name)),
    );
    let mut out = Vec::new();
    for (hash, name) in wanted {
        if let Ok(source) = source_of(hash.clone()).await {
            out.push(worker::KeptSource { source, hash, name });
        }
    }
    out
}

/// The document actions `App` provides.
pub fn use_documents() -> Documents {
    expect_context::<Documents>()
}

/// The document a query string names (`doc=…`, checked), if any.
pub fn linked_doc(search: &str) -> Option<String> {
    Query::parse(search, &Document::default()).doc
}

impl Documents {
    pub fn new(state: AppState) -> Documents {
        Documents {
            state,
            default_session: StoredValue::new(None),
            running: StoredValue::new_local(Vec::new()),
            next_parse: StoredValue::new(0),
        }
    }

    /// Reads the library's list again.
    pub fn refresh_library(self) {
        let kept = self.state.kept;
        leptos::task::spawn_local(async move {
            if let Ok(v) = library::list().await {
                kept.set(v);
            }
        });
    }

    /// Has the default session (a file of its own beside the page) fetched and parsed by a
    /// worker started at once, and shows it, unless the URL names another document.
    pub fn load_default(self) {
        let s = self.state;
        s.status
            .set("جارٍ تحميل الدورة الافتراضية · Loading the default session…".into());
        let done = move |_: Option<String>, doc: Document, index: view::Index| {
            let generation = s.loaded.with_untracked(|l| l.generation) + 1;
            let d = Loaded::new(DEFAULT_NAME.into(), None, doc, generation).indexed(index);
            self.default_session.set_value(Some(Arc::new(d)));
            s.status.set(String::new());
            self.show_default_unless_linked();
        };
        self.parse_in_worker(
            DEFAULT_NAME.into(),
            worker::Source::Fetch(DEFAULT_URL.into()),
            Box::new(done),
        );
    }

    /// Shows the default session, when it has arrived and nothing else is to be shown: the URL
    /// names no document, or one this browser does not hold (the reader is told so meanwhile).
    fn show_default_unless_linked(self) {
        let s = self.state;
        let Some(d) = self.default_session.get_value() else {
            return;
        };
        let search = read_search();
        if linked_doc(&search).is_some() && s.missing.get_untracked().is_none() {
            return;
        }
        let q = Query::parse(&search, &d.doc);
        s.loaded.set(d);
        s.query.set(q);
    }

    /// Makes `doc` the open document.
    fn install(self, name: String, hash: Option<String>, doc: Document, index: view::Index) {
        let loaded = self.state.loaded;
        let generation = loaded.with_untracked(|l| l.generation) + 1;
        let next = Arc::new(Loaded::new(name, hash, doc, generation + 1).indexed(index));
        if next.doc.resolutions.len() <= LARGE {
            loaded.set(next);
            return;
        }
        // A large document: first take the open one down (its cards, in one task), then put the
        // new one up on the next frame, so that neither task holds the page for long.
        loaded.set(Arc::new(Loaded::new(
            next.name.clone(),
            next.hash.clone(),
            Document::default(),
            generation,
        )));
        after_paint(move || loaded.set(next));
    }

    fn stop_worker(self, id: u32) {
        // Not from inside the worker's own message handler, which stopping would free.
        let running = self.running;
        leptos::task::spawn_local(async move { running.update_value(|r| r.retain(|p| p.0 != id)) });
    }

    /// Parses `source` in a worker and gives the result to `done`. Each message from the worker
    /// is one short task here.
    fn parse_in_worker(self, name: String, source: worker::Source, done: Done) {
        let s = self.state;
        s.progress.set(Some(None));
        let label = name.clone();
        let id = self.next_parse.get_value();
        self.next_parse.set_value(id + 1);
        let received = std::cell::RefCell::new(None);
        let on =
            std::rc::Rc::new(move |e: worker::Event| self.hear(id, &label, e, &received, &done));
        let hear = |on: &std::rc::Rc<dyn Fn(worker::Event)>| {
            let on = on.clone();
            move |e| on(e)
        };
        let on: std::rc::Rc<dyn Fn(worker::Event)> = on;
        // The default session's worker may already be under way (boot.js started it).
        let started = match &source {
            worker::Source::Fetch(_) => worker::Parse::adopt_boot(hear(&on)),
            _ => None,
        };
        match started.or_else(|| worker::Parse::start(source, hear(&on))) {
            Some(p) => self.running.update_value(|r| r.push((id, p))),
            None => {
                // Opening files needs the background parser (it also holds the import code, which
                // the page itself does not carry); every browser the viewer supports can start one.
                s.progress.set(None);
                s.status.set(String::new());
                s.alert.set(Some(format!(
                    "لم يُفتح {name}: تعذّر تشغيل المحلل في الخلفية · {name} was not opened: this \
                     browser could not start the background parser (Web Workers)"
                )));
            }
        }
    }

    /// One message from the worker parsing `label`.
    fn hear(self, id: u32, label: &str, e: worker::Event, received: &Received, done: &Done) {
        let s = self.state;
        match e {
            worker::Event::Progress(stage) => s.status.set(match stage.as_str() {
                "reading" => format!("جارٍ القراءة · Reading {label}…"),
                _ => format!("جارٍ التحليل · Parsing {label}…"),
            }),
            worker::Event::Head(mut h) => {
                let doc = Document {
                    language: h.language,
                    session: std::mem::take(&mut h.session),
                    toc: std::mem::take(&mut h.toc),
                    furniture: std::mem::take(&mut h.furniture),
                    resolutions: Vec::with_capacity(h.total),
                    ..Document::default()
                };
                record_parse(&h);
                *received.borrow_mut() = Some((*h, doc, view::Index::default()));
                s.progress.set(Some(Some(0.0)));
            }
            worker::Event::Notes(diagnostics, unplaced) => {
                if let Some((_, doc, _)) = received.borrow_mut().as_mut() {
                    doc.diagnostics.extend(diagnostics);
                    doc.unplaced.extend(unplaced);
                }
            }
            worker::Event::Batch(rs) => {
                if let Some((h, doc, idx)) = received.borrow_mut().as_mut() {
                    for (r, ri) in rs {
                        idx.resolutions.push(ri);
                        doc.resolutions.push(r);
                    }
                    let n = doc.resolutions.len();
                    s.progress.set(Some(Some(n as f64 / h.total.max(1) as f64)));
                    s.status.set(format!(
                        "جارٍ الاستلام · Receiving {label}: {n} of {} resolutions…",
                        h.total
                    ));
                }
            }
            worker::Event::End => {
                let taken = received.borrow_mut().take();
                s.progress.set(None);
                self.stop_worker(id);
                if let Some((h, doc, index)) = taken {
                    // The document is on the page: qarar:render runs from here to the frame
                    // that shows it.
                    mark("qarar:received");
                    mark("qarar:install-start");
                    done(h.hash, doc, index);
                    mark("qarar:install-end");
                    measure("qarar:install", "qarar:install-start", "qarar:install-end");
                }
            }
            // Only the JS API asks for objects (app/api.rs), with a worker of its own.
            worker::Event::Json(_)
            | worker::Event::Exported(_)
            | worker::Event::Compared(_)
            | worker::Event::Paired(_)
            | worker::Event::CorpusReady
            | worker::Event::Scoped(_)
            | worker::Event::GlanceReady
            | worker::Event::Glance(_) => {}
            worker::Event::Error(e) => {
                received.borrow_mut().take();
                s.progress.set(None);
                self.stop_worker(id);
                // The current view stays exactly as it was.
                s.alert.set(Some(format!(
                    "لم يُفتح {label} · {label} was not opened: {e}"
                )));
                s.status.set(String::new());
            }
        }
    }

    /// Shows what the URL names: the default session, or a kept document (doc=…), with the view
    /// the rest of the URL describes. Used on load, on Back/Forward and by the library.
    pub fn follow_url(self) {
        let s = self.state;
        let search = read_search();
        let want = linked_doc(&search);
        if want == s.loaded.with_untracked(|l| l.hash.clone()) {
            s.missing.set(None);
            s.query
                .set(s.loaded.with_untracked(|l| Query::parse(&search, &l.doc)));
            return;
        }
        let Some(hash) = want else {
            s.missing.set(None);
            // Until it has arrived, `load_default` shows it when it does.
            if let Some(d) = self.default_session.get_value() {
                // What the status line said was about the document left («Opened …»).
                s.status.set(String::new());
                s.loaded.set(d);
                s.query
                    .set(s.loaded.with_untracked(|l| Query::parse(&search, &l.doc)));
            }
            return;
        };
        s.status
            .set("جارٍ فتح المستند · Opening the linked document…".into());
        leptos::task::spawn_local(async move {
            match library::get(&hash).await {
                Ok(Some((name, blob))) => {
                    let shown = name.clone();
                    let done = move |_: Option<String>, doc: Document, index| {
                        let q = Query::parse(&search, &doc);
                        let (session, language) = (doc.session.number, doc.language.code());
                        self.install(shown.clone(), Some(hash.clone()), doc, index);
                        s.query.set(q);
                        s.missing.set(None);
                        s.status.set(String::new());
                        let hash = hash.clone();
                        leptos::task::spawn_local(async move {
                            if library::describe(&hash, session, language).await == Ok(true) {
                                self.refresh_library();
                            }
                        });
                    };
                    self.parse_in_worker(name, worker::Source::File(blob), Box::new(done));
                }
                Ok(None) => {
                    s.missing.set(Some(hash));
                    s.status.set(String::new());
                    self.show_default_unless_linked();
                }
                Err(e) => {
                    s.missing.set(Some(hash));
                    s.status.set(String::new());
                    self.show_default_unless_linked();
                    s.alert.set(Some(format!(
                        "تعذّرت قراءة المكتبة · The library could not be read: {e}"
                    )));
                }
            }
        });
    }

    /// Opens a file the reader dropped or chose.
    pub fn open_file(self, picked: web_sys::File) {
        let s = self.state;
        let blob: web_sys::Blob = picked.clone().into();
        let file = gloo_file::File::from(picked);
        let name = file.name();
        if file.size() as f64 > MAX_FILE {
            // Whole numbers: formatting floats would add its code to the page.
            let mb = (file.size() as f64 / 1024.0 / 1024.0).ceil() as u64;
            s.alert.set(Some(format!(
                "لم يُفتح {name}: حجمه {mb} ميغابايت، والحد 50 · {name} was not opened: it is {mb} MB, \
                 and Qarar opens files up to 50 MB"
            )));
            return;
        }
        // A new attempt: the last one's message no longer applies.
        s.alert.set(None);
        s.status.set(format!("جارٍ القراءة · Reading {name}…"));
        let kept_blob = blob.clone();
        let shown = name.clone();
        let done = move |hash: Option<String>, doc: Document, index| {
            let hash = hash.unwrap_or_default();
            self.opened(shown.clone(), hash, doc, index, kept_blob.clone())
        };
        self.parse_in_worker(name, worker::Source::File(blob), Box::new(done));
    }

    /// A file parsed: shown (with the view a waiting link named, if any), and kept in the library.
    fn opened(
        self,
        name: String,
        hash: String,
        doc: Document,
        index: view::Index,
        file: web_sys::Blob,
    ) {
        let s = self.state;
        let n = doc.resolutions.len();
        let (session, language) = (doc.session.number, doc.language.code().to_string());
        let waiting = s.missing.get_untracked();
        // A link was waiting for this file: its view (filters, clause) is read against it.
        let linked_query = waiting.as_ref().map(|_| Query::parse(&read_search(), &doc));
        self.install(name.clone(), Some(hash.clone()), doc, index);
        s.alert.set(None);
        s.missing.set(None);
        match linked_query {
            Some(mut q) => {
                if waiting.as_deref() != Some(hash.as_str()) {
                    q.ignored
                        .push("doc (this file is not the one the link was made from)".into());
                }
                q.doc = Some(hash.clone());
                write_url(&q.to_search(), false);
                s.query.set(q);
            }
            None => {
                let h = hash.clone();
                s.change(
                    move |q| {
                        *q = Query {
                            doc: Some(h.clone()),
                            ..Query::default()
                        }
                    },
                    true,
                );
            }
        }
        let entry = library::Entry {
            hash,
            name: name.clone(),
            size: file.size(),
            added: js_sys::Date::now(),
            resolutions: n as u32,
            session,
            language,
        };
        leptos::task::spawn_local(async move {
            match library::put(&entry, &file).await {
                Ok(()) => {
                    s.status.set(format!(
                        "فُتح · Opened {name}: {n} resolutions, kept in this browser."
                    ));
                    self.refresh_library();
                }
                Err(e) => s.status.set(format!(
                    "Opened {name}: {n} resolutions. It could not be kept in this browser ({e}): \
                     it will not come back on reload."
                )),
            }
        });
    }

    /// Opens a kept document (`Some(hash)`) or the default session.
    pub fn switch_to(self, hash: Option<String>) {
        // Messages about the document being left do not follow the reader.
        self.state.alert.set(None);
        let q = Query {
            doc: hash,
            ..Query::default()
        };
        write_url(&q.to_search(), true);
        self.follow_url();
    }

    /// Removes a kept document from this browser.
    pub fn remove(self, hash: String) {
        let s = self.state;
        leptos::task::spawn_local(async move {
            match library::remove(&hash).await {
                Ok(()) => {
                    s.status.set("حُذف · Removed from this browser.".into());
                    self.refresh_library();
                    if s.loaded
                        .with_untracked(|l| l.hash.as_deref() == Some(hash.as_str()))
                    {
                        self.switch_to(None);
                    }
                }
                Err(e) => s.alert.set(Some(format!(
                    "تعذّر الحذف · The document could not be removed: {e}"
                ))),
            }
        });
    }
}

/// Places the worker's parse on the page's timeline, as `qarar:parse`.
fn record_parse(h: &worker::Head) {
    measure_span("qarar:parse", h.parse_started, h.parse_ms);
    if h.lexicons_ms > 0.0 {
        measure_span("qarar:lexicons", h.lexicons_started, h.lexicons_ms);
    }
}
