//! Which document is open, and how one is opened: the default session (parsed on the page), a
//! file dropped or chosen (parsed in the background worker, kept in the library), a kept document
//! named by the URL (`doc=`, on load and on Back/Forward). A file that cannot be opened leaves the
//! view exactly as it was, and says why.

use std::sync::Arc;

use leptos::prelude::*;

use super::browser::{after_idle, after_paint, fetch_text, mark, measure, read_search, write_url};
use super::state::{AppState, Loaded};
use super::{library, worker, DEFAULT_NAME, DEFAULT_URL};
use crate::model::Document;
use crate::view::{self, Query};

/// The largest file opened. Above it the page would hold several copies of the text at once
/// (bytes, text, model, view); the reader is told so instead.
const MAX_FILE: f64 = 50.0 * 1024.0 * 1024.0;

/// Documents larger than this are taken down and put up in two frames (see [`Documents::install`]).
const LARGE: usize = 60;

/// What a parse in the background hands back: the content hash, the document, its search index.
type Done = Box<dyn Fn(String, Document, view::Index)>;

/// The document actions, shared through context beside [`AppState`].
#[derive(Clone, Copy)]
pub struct Documents {
    state: AppState,
    /// The default session, once fetched and parsed.
    default_session: StoredValue<Option<Arc<Loaded>>>,
    /// The worker parsing a file, if any (dropping it stops the worker).
    running: StoredValue<Option<worker::Parse>, LocalStorage>,
    /// The pieces received so far.
    partial: StoredValue<Option<(worker::Head, Document, view::Index)>>,
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
            running: StoredValue::new_local(None),
            partial: StoredValue::new(None),
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

    /// Fetches the default session (a file of its own beside the page, which `index.html`
    /// preloads while the wasm downloads), parses it and shows it, unless the URL names another
    /// document. The lexicons are built while the text is on its way.
    pub fn load_default(self) {
        let s = self.state;
        s.status
            .set("جارٍ تحميل الدورة الافتراضية · Loading the default session…".into());
        // A task of its own, so the first paint does not wait for it.
        gloo_timers::callback::Timeout::new(0, || {
            mark("qarar:lexicons-start");
            crate::parse::warm_up();
            mark("qarar:lexicons-end");
            measure(
                "qarar:lexicons",
                "qarar:lexicons-start",
                "qarar:lexicons-end",
            );
        })
        .forget();
        leptos::task::spawn_local(async move {
            let text = match fetch_text(DEFAULT_URL).await {
                Ok(t) => t,
                Err(e) => {
                    s.status.set(String::new());
                    s.alert.set(Some(format!(
                        "تعذّر تحميل الدورة الافتراضية · The default session could not be \
                         loaded ({e}); open a session file instead"
                    )));
                    return;
                }
            };
            mark("qarar:parse-start");
            let doc = crate::parse(&text);
            mark("qarar:parse-end");
            measure("qarar:parse", "qarar:parse-start", "qarar:parse-end");
            drop(text);
            let generation = s.loaded.with_untracked(|l| l.generation) + 1;
            let d = Arc::new(Loaded::new(DEFAULT_NAME.into(), None, doc, generation));
            self.default_session.set_value(Some(d.clone()));
            s.status.set(String::new());
            self.show_default_unless_linked();
            // The search index when the page has nothing else to do.
            after_idle(move || {
                d.index();
            });
        });
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

    fn stop_worker(self) {
        // Not from inside the worker's own message handler, which stopping would free.
        let running = self.running;
        leptos::task::spawn_local(async move { running.set_value(None) });
    }

    /// Parses `blob` in a worker and gives the result to `done`. Each message from the worker is
    /// one short task here.
    fn parse_blob(self, name: String, blob: web_sys::Blob, done: Done) {
        let s = self.state;
        s.progress.set(Some(None));
        let label = name.clone();
        let on = move |e: worker::Event| self.hear(&label, e, &done);
        match worker::Parse::start(blob, on) {
            Some(p) => self.running.set_value(Some(p)),
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
    fn hear(self, label: &str, e: worker::Event, done: &Done) {
        let s = self.state;
        match e {
            worker::Event::Progress(stage) => s.status.set(match stage.as_str() {
                "reading" => format!("جارٍ القراءة · Reading {label}…"),
                _ => format!("جارٍ التحليل · Parsing {label}…"),
            }),
            worker::Event::Head(mut h) => {
                let doc = Document {
                    session: std::mem::take(&mut h.session),
                    toc: std::mem::take(&mut h.toc),
                    furniture: std::mem::take(&mut h.furniture),
                    resolutions: Vec::with_capacity(h.total),
                    ..Document::default()
                };
                self.partial
                    .set_value(Some((*h, doc, view::Index::default())));
                s.progress.set(Some(Some(0.0)));
            }
            worker::Event::Notes(diagnostics, unplaced) => self.partial.update_value(|p| {
                if let Some((_, doc, _)) = p {
                    doc.diagnostics.extend(diagnostics);
                    doc.unplaced.extend(unplaced);
                }
            }),
            worker::Event::Batch(rs) => self.partial.update_value(|p| {
                if let Some((h, doc, idx)) = p {
                    for r in rs {
                        idx.resolutions.push(view::ResolutionIndex::new(&r));
                        doc.resolutions.push(r);
                    }
                    let n = doc.resolutions.len();
                    s.progress.set(Some(Some(n as f64 / h.total.max(1) as f64)));
                    s.status.set(format!(
                        "جارٍ الاستلام · Receiving {label}: {n} of {} resolutions…",
                        h.total
                    ));
                }
            }),
            worker::Event::End => {
                let mut taken = None;
                self.partial.update_value(|p| taken = p.take());
                s.progress.set(None);
                self.stop_worker();
                if let Some((h, doc, index)) = taken {
                    mark("qarar:install-start");
                    done(h.hash, doc, index);
                    mark("qarar:install-end");
                    measure("qarar:install", "qarar:install-start", "qarar:install-end");
                }
            }
            worker::Event::Error(e) => {
                self.partial.set_value(None);
                s.progress.set(None);
                self.stop_worker();
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
                    let done = move |_: String, doc: Document, index| {
                        let q = Query::parse(&search, &doc);
                        self.install(shown.clone(), Some(hash.clone()), doc, index);
                        s.query.set(q);
                        s.missing.set(None);
                        s.status.set(String::new());
                    };
                    self.parse_blob(name, blob, Box::new(done));
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
        let done = move |hash: String, doc: Document, index| {
            self.opened(shown.clone(), hash, doc, index, kept_blob.clone())
        };
        self.parse_blob(name, blob, Box::new(done));
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
