//! The page: the state made once and provided, the browser's events listened to, the layout.

use std::sync::Arc;

use gloo_events::{EventListener, EventListenerOptions};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::browser::{after_paint, mark, measure, next_task, read_search, scroll_to};
use super::components::{
    BackToTop, ComparisonView, Contents, FilterBar, LibraryList, Messages, OverviewPanel, PairView,
    ReadingNotes, ResolutionList, ScopeView, SearchResults, SessionHeader,
};
use super::documents::{linked_doc, Documents};
use super::state::{AppState, Loaded};
use super::{clause_anchor, DEFAULT_NAME};
use crate::model::Document;
use crate::view::Query;

#[component]
pub fn App() -> impl IntoView {
    // The page is drawn a task after the state is made, empty; the default session fills it when
    // it has arrived (or the document the URL names, from the library).
    let linked = linked_doc(&read_search());
    let state = AppState::new(
        Arc::new(Loaded::new(
            DEFAULT_NAME.into(),
            None,
            Document::default(),
            0,
        )),
        Query {
            doc: linked.clone(),
            ..Query::default()
        },
    );
    let docs = Documents::new(state);
    provide_context(state);
    provide_context(docs);
    docs.load_default();
    docs.refresh_library();
    if linked.is_some() {
        docs.follow_url();
    }
    listen(docs);
    follow_the_view(state);
    // The page's elements are built in the task after this one: built with the state, they made
    // the longest task of a load (the page's wasm compiles each function on its first call, ~880
    // of them, about half for the elements). index.html's first screen stands in meanwhile.
    let built = RwSignal::new(false);
    next_task(move || {
        mark("qarar:elements");
        built.set(true);
    });
    // The gazetteer (names, kinds and hierarchy of places), built in a task of its own while the
    // default session is parsed, so that neither the first paint nor the first card waits for it.
    next_task(|| {
        mark("qarar:gazetteer-start");
        crate::lexicon::gazetteer();
        mark("qarar:gazetteer-end");
        measure(
            "qarar:gazetteer",
            "qarar:gazetteer-start",
            "qarar:gazetteer-end",
        );
    });
    // The controls (the library, the filters, the reading notes) are built in a task of their
    // own after the rest: built with the page, the page's wasm, run for the first time, held the
    // thread for one long task (~100–220 ms here). They have nothing to act on before the session
    // has arrived. (Building the list a task later too shortened that task by another ~20 ms but
    // put the session on the page ~40–80 ms later: BENCHMARKS.md.)
    let controls = RwSignal::new(false);
    next_task(move || {
        mark("qarar:controls");
        controls.set(true);
    });
    view! {
        <Show when=move || built.get()>
            {move || layout(state, docs, controls)}
        </Show>
    }
}

/// The page's elements: the header, the messages, the controls once `controls` says so, the
/// panels the view opens and the list.
fn layout(state: AppState, docs: Documents, controls: RwSignal<bool>) -> impl IntoView {
    let dragging = RwSignal::new(false);
    view! {
        <div
            class="app"
            data-dropzone=""
            on:dragover=move |ev: web_sys::DragEvent| {
                ev.prevent_default();
                dragging.set(true);
            }
            on:dragleave=move |ev: web_sys::DragEvent| {
                if ev.related_target().is_none() {
                    dragging.set(false);
                }
            }
            on:drop=move |ev: web_sys::DragEvent| {
                ev.prevent_default();
                dragging.set(false);
                if let Some(f) = ev.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
                    docs.open_file(f);
                }
            }
        >
            <a class="skip" href="#results">"إلى النتائج · Skip to the results"</a>
            <div class="drop-overlay" class:visible=move || dragging.get() aria-hidden="true">
                <p>"أفلت الملف هنا لفتحه · Drop the file to open it"</p>
            </div>
            <SessionHeader />
            <Messages />
            <Show when=move || controls.get()>
                <LibraryList />
                <FilterBar />
            </Show>
            <Show when=move || state.query.with(|q| q.overview)>
                <OverviewPanel />
            </Show>
            // Comparing with another session shows the comparison in place of the list (the
            // filters still apply). The list stays in the page, hidden: its listeners and
            // observers live as long as the page.
            <Show when=move || state.query.with(|q| q.all_sessions)>
                <ScopeView />
            </Show>
            <Show when=move || state.query.with(|q| q.compare.is_some() && !q.all_sessions)>
                <ComparisonView />
            </Show>
            // Two editions side by side take the list's place the same way.
            <Show when=move || state.query.with(|q| q.pair.is_some() && q.compare.is_none() && !q.all_sessions)>
                <PairView />
            </Show>
            <div class="list-view" hidden=move || state.query.with(|q| q.compare.is_some() || q.pair.is_some() || q.all_sessions)>
                <SearchResults />
                <Contents />
                <ResolutionList />
            </div>
            <Show when=move || controls.get()>
                <ReadingNotes />
                <BackToTop />
            </Show>
        </div>
    }
}

/// The browser's own events: Back and Forward (the URL changed under us: read it again), and the
/// `/` key that takes the reader to the search box from anywhere but a text field. The
/// listeners live as long as the page (gloo removes them when dropped).
fn listen(docs: Documents) {
    let popstate = EventListener::new(&gloo_utils::window(), "popstate", move |_| {
        docs.follow_url()
    });
    // Not passive (gloo's default): the `/` must not go on to be typed into the box it focuses.
    let keys = EventListener::new_with_options(
        &gloo_utils::document(),
        "keydown",
        EventListenerOptions::enable_prevent_default(),
        move |e| {
            let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                return;
            };
            let typing = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|el| {
                    matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                });
            let slash = e.key() == "/" && !typing && !e.ctrl_key() && !e.meta_key() && !e.alt_key();
            if slash && go_to_search() {
                e.prevent_default();
            }
        },
    );
    StoredValue::new_local((popstate, keys));
}

/// Focuses the search box; on a phone, where it waits in the filters' sheet, opens the sheet,
/// which takes the reader to it. `false` when there is no search box yet (the controls are built
/// a task after the page).
fn go_to_search() -> bool {
    let doc = gloo_utils::document();
    let element = |selector: &str| {
        doc.query_selector(selector)
            .ok()
            .flatten()
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    };
    let Some(search) = element("#search") else {
        return false;
    };
    if search.get_client_rects().length() > 0 {
        let _ = search.focus();
        return true;
    }
    match element(".filters-toggle") {
        Some(toggle) => {
            toggle.click();
            true
        }
        None => false,
    }
}

/// index.html's first screen (src/view/first_screen.rs) gives way to the viewer, in the frame
/// that draws the viewer's own list.
fn leave_first_screen() {
    if let Some(el) = gloo_utils::document().get_element_by_id("first-screen") {
        el.remove();
    }
}

/// Effects of the view on the page: the first screen left, the first render's timing mark, and a
/// linked clause scrolled into view.
fn follow_the_view(state: AppState) {
    // The viewer has something to say before any list (the session could not be read): it says
    // it in its own page.
    Effect::new(move |_| {
        if state.alert.with(Option::is_some) {
            leave_first_screen();
        }
    });
    // The list is on screen once the frame after the first document's is painted: the render
    // mark ends there (first time only).
    Effect::new(move |done: Option<bool>| {
        let has_document = state.loaded.with(|l| !l.doc.resolutions.is_empty());
        if has_document && done != Some(true) {
            leave_first_screen();
            after_paint(|| {
                mark("qarar:render-end");
                measure("qarar:render", "qarar:received", "qarar:render-end");
            });
            return true;
        }
        done.unwrap_or(false)
    });
    // The text size the reader chose: a factor of the page's root size (every size is in rem; the
    // root's own size is the style sheet's), and kept in this browser for the next visit, when
    // boot.js sets it before the first paint.
    let store = gloo_utils::window().local_storage().ok().flatten();
    if let Some(saved) = store
        .as_ref()
        .and_then(|s| s.get_item("qarar:scale").ok().flatten())
        .and_then(|v| v.parse::<u32>().ok())
        .filter(|v| (50..=200).contains(v))
    {
        state.scale.set(saved);
    }
    Effect::new(move |_| {
        let scale = state.scale.get();
        if let Ok(html) = gloo_utils::document_element().dyn_into::<web_sys::HtmlElement>() {
            // 100% is the style sheet's own size: no factor. Otherwise the factor is written
            // from the whole percentage, as boot.js writes it ("1.15"): formatting a float would
            // bring its code into the page's wasm (~8 KiB gzipped).
            let style = html.style();
            let _ = if scale == 100 {
                style.remove_property("--text-scale").map(drop)
            } else {
                style.set_property(
                    "--text-scale",
                    &format!("{}.{:02}", scale / 100, scale % 100),
                )
            };
        }
        if let Some(s) = &store {
            let _ = s.set_item("qarar:scale", &scale.to_string());
        }
    });
    // The tab's title names the view, so that bookmarks and tabs say what they show.
    Effect::new(move |_| {
        let title = state
            .loaded
            .with(|l| state.query.with(|q| crate::view::page_title(&l.doc, q)));
        gloo_utils::document().set_title(&title);
    });
    Effect::new(move |_| {
        let target = state.query.with(|q| q.res.clone().zip(q.clause.clone()));
        if let Some((res, clause)) = target {
            after_paint(move || scroll_to(&clause_anchor(&res, &clause)));
        }
    });
}
