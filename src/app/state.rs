//! The viewer's state: one struct of signals, made once by `App` and shared through context
//! (`use_state()`), so that components ask for what they read instead of having it threaded
//! through every call. The URL is the source of truth for the view ([`Query`]); the open
//! document is a signal of its own.

use std::sync::{Arc, OnceLock};

use leptos::prelude::*;

use super::browser::{mark, measure, write_url};
use super::library;
use super::worker::Compared;
use crate::model::Document;
use crate::view::{self, Query, ResolutionMatch};

/// An open document.
#[derive(Debug)]
pub struct Loaded {
    pub name: String,
    /// Its content hash (`doc=` in the URL); `None` for the default session.
    pub hash: Option<String>,
    pub doc: Document,
    /// Every paragraph normalised once, for search: built when the page is idle after the
    /// document is shown, or at the first search, whichever comes first.
    index: OnceLock<view::Index>,
    /// Bumped for each document opened, so that keyed lists redraw.
    pub generation: u32,
}

impl Loaded {
    pub fn new(name: String, hash: Option<String>, doc: Document, generation: u32) -> Loaded {
        Loaded {
            name,
            hash,
            doc,
            index: OnceLock::new(),
            generation,
        }
    }

    /// A document with its search index already built (the background parser's, piece by piece).
    pub fn indexed(mut self, index: view::Index) -> Loaded {
        self.index = OnceLock::from(index);
        self
    }

    /// The search index, built now if it was not yet.
    pub fn index(&self) -> &view::Index {
        self.index.get_or_init(|| {
            mark("qarar:index-start");
            let index = view::Index::new(&self.doc);
            mark("qarar:index-end");
            measure("qarar:index", "qarar:index-start", "qarar:index-end");
            index
        })
    }
}

/// What the page shows and what it is doing.
#[derive(Clone, Copy)]
pub struct AppState {
    pub loaded: RwSignal<Arc<Loaded>>,
    /// The view, as the URL holds it.
    pub query: RwSignal<Query>,
    /// The resolutions the view shows, with the paragraphs that match.
    pub matches: Memo<Vec<ResolutionMatch>>,
    /// The search box's words, compiled.
    pub search: Memo<view::Search>,
    /// The counts beside the controls: what each region and verb category would show.
    pub facets: Memo<view::Facets>,
    /// Is a filter on?
    pub filtering: Memo<bool>,
    /// A message the reader must see (a file refused): `role="alert"`.
    pub alert: RwSignal<Option<String>>,
    /// What the page is doing or has just done: `role="status"`.
    pub status: RwSignal<String>,
    /// A file being opened: `Some(None)` under way, `Some(Some(x))` the fraction received.
    pub progress: RwSignal<Option<Option<f64>>>,
    /// The reader's kept documents.
    pub kept: RwSignal<Vec<library::Entry>>,
    /// A linked document this browser does not hold (its hash).
    pub missing: RwSignal<Option<String>>,
    /// A resolution (its index) the list is asked to bring into view and focus.
    pub jump: RwSignal<Option<usize>>,
    /// The text size the reader chose, in percent of the browser's (kept in this browser).
    pub scale: RwSignal<u32>,
    /// The last comparison (`compare=`), with what it compared: `other|open document|generation`.
    pub comparison: RwSignal<Option<Arc<(String, Compared)>>>,
    /// The last two editions side by side (`pair=`): `other|open document|generation`.
    pub paired: RwSignal<Option<Arc<(String, crate::app::worker::Paired)>>>,
}

impl AppState {
    pub fn new(first: Arc<Loaded>, query: Query) -> AppState {
        let loaded = RwSignal::new(first);
        let query = RwSignal::new(query);
        let search = Memo::new(move |_| query.with(|q| view::Search::new(&q.q)));
        // Without words to search for, the index is not needed (nor built).
        let matches = Memo::new(move |_| {
            loaded.with(|l| {
                query.with(|q| {
                    if search.with(view::Search::is_empty) {
                        view::apply_indexed(&l.doc, &view::Index::default(), q)
                    } else {
                        view::apply_indexed(&l.doc, l.index(), q)
                    }
                })
            })
        });
        let facets = Memo::new(move |_| {
            loaded.with(|l| {
                query.with(|q| {
                    if search.with(view::Search::is_empty) {
                        view::facets(&l.doc, &view::Index::default(), q)
                    } else {
                        view::facets(&l.doc, l.index(), q)
                    }
                })
            })
        });
        AppState {
            loaded,
            query,
            matches,
            search,
            facets,
            filtering: Memo::new(move |_| query.with(Query::filtering)),
            alert: RwSignal::new(None),
            status: RwSignal::new(String::new()),
            progress: RwSignal::new(None),
            kept: RwSignal::new(Vec::new()),
            missing: RwSignal::new(None),
            jump: RwSignal::new(None),
            scale: RwSignal::new(100),
            comparison: RwSignal::new(None),
            paired: RwSignal::new(None),
        }
    }

    /// Changes the view and writes it into the URL: a deliberate change (`push`) makes a history
    /// entry, typing replaces the current one.
    pub fn change(self, f: impl Fn(&mut Query), push: bool) {
        self.query.update(|q| {
            f(q);
            q.ignored.clear();
        });
        write_url(&self.query.with_untracked(Query::to_search), push);
    }

    /// The same document without filters.
    pub fn clear_filters(self) {
        self.change(|q| *q = q.cleared(), true);
    }
}

/// The state `App` provides.
pub fn use_state() -> AppState {
    expect_context::<AppState>()
}
