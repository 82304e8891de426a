//! Every kept session searched at once (`scope=all`): the view's filters applied to the default
//! session and every file in the library, the resolutions found grouped by session, newest
//! first, each linking into its own document. With one resolution open (`res=`), its versions:
//! its partner in each other kept session, by the comparison's pairing. One worker parses them
//! all once and keeps them; each change of the view is one message to it.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;

use crate::app::browser::measure_span;
use crate::app::documents::kept_sources;
use crate::app::draw::replace_children;
use crate::app::state::{use_state, AppState};
use crate::app::worker::{versions_key, Event, Parse, Scoped, Source};
use crate::view::Query;

/// What the worker is asked: one resolution's versions (`res=`), or the filters' query string.
fn filters(state: AppState) -> String {
    if let Some(res) = state.query.with(|q| q.res.clone()) {
        return versions_key(state.loaded.with(|l| l.hash.clone()).as_deref(), &res);
    }
    state.query.with(|q| {
        Query {
            regions: q.regions.clone(),
            verbs: q.verbs.clone(),
            q: q.q.clone(),
            mentions: q.mentions,
            ..Query::default()
        }
        .to_search()
    })
}

/// Which documents the corpus holds: the default session and the kept ones.
fn corpus_tag(state: AppState) -> String {
    state.kept.with(|k| {
        let mut t = "default".to_string();
        for e in k {
            t.push('|');
            t.push_str(&e.hash);
        }
        t
    })
}

/// Starts a worker that parses every kept session; `ready` says which set once it has.
fn load(
    state: AppState,
    tag: String,
    worker: Rc<RefCell<Option<Parse>>>,
    ready: RwSignal<Option<String>>,
    found: RwSignal<Option<Scoped>>,
) {
    let entries = state.kept.get_untracked();
    let open = state.loaded.with_untracked(|l| l.hash.clone());
    state
        .status
        .set("جارٍ قراءة الدورات المحفوظة · Reading every kept session…".into());
    leptos::task::spawn_local(async move {
        let list = kept_sources(open, entries).await;
        let on = move |e: Event| match e {
            Event::CorpusReady => {
                state.status.set(String::new());
                ready.set(Some(tag.clone()));
            }
            Event::Scoped(s) => {
                measure_span("qarar:scope", s.started, s.ms);
                found.set(Some(*s));
            }
            Event::Error(e) => state.alert.set(Some(format!(
                "تعذّر البحث في كل الدورات · The kept sessions could not be searched: {e}"
            ))),
            _ => {}
        };
        *worker.borrow_mut() = Parse::start(Source::Corpus(list), on);
    });
}

#[component]
pub fn ScopeView() -> impl IntoView {
    let state = use_state();
    let worker: Rc<RefCell<Option<Parse>>> = Rc::default();
    let loaded_tag: Rc<RefCell<Option<String>>> = Rc::default();
    let ready = RwSignal::new(None::<String>);
    let found = RwSignal::new(None::<Scoped>);
    {
        let worker = worker.clone();
        Effect::new(move |_| {
            let tag = corpus_tag(state);
            if loaded_tag.borrow().as_ref() == Some(&tag) {
                return;
            }
            *loaded_tag.borrow_mut() = Some(tag.clone());
            ready.set(None);
            load(state, tag, worker.clone(), ready, found);
        });
    }
    Effect::new(move |_| {
        let search = filters(state);
        let res = state.query.with(|q| q.res.clone());
        let of = state.loaded.with(|l| l.hash.clone());
        if ready.get().is_some() {
            if let Some(w) = worker.borrow().as_ref() {
                match res {
                    Some(res) => w.versions(of.as_deref(), &res),
                    None => w.scope(&search),
                }
            }
        }
    });
    let results = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        let Some(target) = results.get() else { return };
        let current = filters(state);
        found.with(|f| match f.as_ref().filter(|f| f.search == current) {
            Some(f) => replace_children(&target, &[&f.node]),
            None => target.set_text_content(None),
        });
    });
    let summary = move || {
        let current = filters(state);
        found.with(|f| {
            f.as_ref().filter(|f| f.search == current).map(|f| {
                let (n, s) = (f.resolutions, f.sessions);
                view! {
                    <p class="compare-summary" data-scope-summary="" data-resolutions=n data-sessions=s>
                        {format!("{n} قراراً في {s} من الدورات · ")}
                        <span lang="en">{format!("{n} resolutions in {s} sessions")}</span>
                    </p>
                }
            })
        })
    };
    let back = move |_| state.change(|q| q.all_sessions = false, true);
    view! {
        <section class="comparison scope" id="all-sessions" aria-label="Every kept session">
            <div class="row">
                <h2>"كل الدورات المحفوظة · " <span lang="en">"Every kept session"</span></h2>
                <button class="stop-scope" on:click=back>"هذه الدورة فقط · " <span lang="en">"This session only"</span></button>
            </div>
            {summary}
            <div class="scoped" node_ref=results></div>
        </section>
    }
}
