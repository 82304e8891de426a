//! The session at a glance (`overview=1`): a chart of what the Council does, a strip of what each
//! resolution does, a map of where, and the same chart for every kept session. The background
//! parser lays it out ([`crate::view::overview`]) from the open document and the map's shapes,
//! which it fetches when the overview is first opened; this asks it again at each change of the
//! view and draws the answer. A bar, a row or a place is a link; a click on one changes the view
//! as its chip, its resolution in the contents or its place in the region picker would.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_events::{EventListener, EventListenerOptions};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::browser::{mark, measure, measure_span};
use crate::app::documents::kept_sources;
use crate::app::draw::{patch, replace_children};
use crate::app::state::{use_state, AppState};
use crate::app::worker::{Event, Glance, Parse, Source};
use crate::model::VerbCategory;
use crate::view::tree::Node;
use crate::view::Query;

/// The map's shapes, beside the page (`assets/map/`, copied by Trunk).
const MAP_URL: &str = "map/world.json";

/// What the overview depends on besides the view: the open document and the kept sessions.
fn documents_tag(state: AppState) -> String {
    let open = state
        .loaded
        .with(|l| format!("{:?}|{}", l.hash, l.generation));
    state
        .kept
        .with(|k| k.iter().fold(open, |t, e| format!("{t}|{}", e.hash)))
}

/// The view's filters as the worker is asked them (what the overview follows).
fn filters(state: AppState) -> String {
    state.query.with(|q| {
        Query {
            doc: q.doc.clone(),
            regions: q.regions.clone(),
            verbs: q.verbs.clone(),
            q: q.q.clone(),
            mentions: q.mentions,
            overview: true,
            ..Query::default()
        }
        .to_search()
    })
}

/// Starts the overview's worker: the open document first, then the other kept sessions.
fn load(
    state: AppState,
    worker: Rc<RefCell<Option<Parse>>>,
    ready: RwSignal<u32>,
    arrived: RwSignal<u32>,
    glance: Rc<RefCell<Option<Glance>>>,
) {
    let open = state.loaded.with_untracked(|l| l.hash.clone());
    let entries = state.kept.get_untracked();
    state
        .status
        .set("جارٍ إعداد النظرة العامة · Preparing the overview…".into());
    leptos::task::spawn_local(async move {
        let kept = kept_sources(open, entries).await;
        let on = move |e: Event| match e {
            Event::GlanceReady => {
                state.status.set(String::new());
                ready.update(|n| *n += 1);
            }
            Event::Glance(g) => {
                measure_span("qarar:overview", g.started, g.ms);
                *glance.borrow_mut() = Some(*g);
                arrived.update(|n| *n += 1);
            }
            Event::Error(e) => state.alert.set(Some(format!(
                "تعذّر إعداد النظرة العامة · The overview could not be made: {e}"
            ))),
            _ => {}
        };
        let source = Source::Glance {
            kept,
            map: MAP_URL.into(),
        };
        *worker.borrow_mut() = Parse::start(source, on);
    });
}

/// The overview's control under `target`, if any: a link with one of the overview's hooks.
fn control_at(target: Option<web_sys::EventTarget>) -> Option<web_sys::Element> {
    target?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest("a[data-category], a[data-region], a[data-res]")
        .ok()
        .flatten()
}

/// A control clicked: the view changes as the chip, the place or the contents' entry would.
fn act(state: AppState, el: &web_sys::Element) {
    if let Some(c) = el
        .get_attribute("data-category")
        .and_then(|c| VerbCategory::from_slug(&c))
    {
        state.change(move |q| q.toggle_verb(c), true);
    } else if let Some(slug) = el.get_attribute("data-region") {
        state.change(move |q| q.toggle_region(&slug), true);
    } else if let Some(id) = el.get_attribute("data-res") {
        let index = state
            .loaded
            .with_untracked(|l| l.doc.resolutions.iter().position(|r| r.id == id));
        state.jump.set(index);
    }
}

/// What the overview does with an event on it: a click or Space on a control changes the view;
/// the pointer or the keyboard focus on a place writes its name and count in the map's caption.
/// (One function for the four listeners keeps the page's wasm small.)
fn on_event(state: AppState, e: &web_sys::Event) {
    let target = e.target();
    match e.type_().as_str() {
        "click" => {
            let Some(el) = control_at(target) else { return };
            e.prevent_default();
            act(state, &el);
        }
        "keydown" => {
            let space = e
                .dyn_ref::<web_sys::KeyboardEvent>()
                .is_some_and(|k| k.key() == " ");
            if let Some(el) = control_at(target).filter(|_| space) {
                e.prevent_default();
                act(state, &el);
            }
        }
        _ => {
            let place = target
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|el| el.closest("[data-region]").ok().flatten());
            let Some(place) = place else { return };
            let name = place.query_selector("title").ok().flatten();
            let caption = place
                .closest(".overview-map")
                .ok()
                .flatten()
                .and_then(|m| m.query_selector(".map-caption").ok().flatten());
            if let (Some(name), Some(caption)) = (name, caption) {
                caption.set_text_content(name.text_content().as_deref());
            }
        }
    }
}

/// Draws the overview's answer for the current view into `target`, if it has arrived, over what
/// `drawn` says is there (only what changed is touched: the focus stays where it was).
fn draw(
    state: AppState,
    target: &web_sys::HtmlDivElement,
    glance: &RefCell<Option<Glance>>,
    drawn: &RefCell<Option<Node>>,
) {
    let current = filters(state);
    // Taken, not cloned: what is drawn is kept for the next patch (a map's tree is 150 KB).
    let Some(g) = glance.borrow_mut().take_if(|g| g.search == current) else {
        return;
    };
    mark("qarar:overview-draw-start");
    let mut drawn = drawn.borrow_mut();
    match drawn.as_ref() {
        Some(before) => patch(
            target,
            std::slice::from_ref(before),
            std::slice::from_ref(&g.node),
        ),
        None => replace_children(target, &[&g.node]),
    }
    let _ = target.set_attribute("data-ready", if g.with_map { "map" } else { "charts" });
    *drawn = Some(g.node);
    mark("qarar:overview-draw-end");
    measure(
        "qarar:overview-draw",
        "qarar:overview-draw-start",
        "qarar:overview-draw-end",
    );
}

#[component]
pub fn OverviewPanel() -> impl IntoView {
    let state = use_state();
    let worker: Rc<RefCell<Option<Parse>>> = Rc::default();
    // How many times the worker said it is ready, and how many answers it has sent (the last
    // one kept beside).
    let ready = RwSignal::new(0u32);
    let arrived = RwSignal::new(0u32);
    let glance: Rc<RefCell<Option<Glance>>> = Rc::default();
    let loaded_tag: RefCell<Option<String>> = RefCell::default();
    // One effect asks: the worker is (re)started when the documents change, asked again when the
    // view does.
    let w = worker.clone();
    let g = glance.clone();
    Effect::new(move |_| {
        let (tag, search, ready_now) = (documents_tag(state), filters(state), ready.get());
        if state.loaded.with(|l| l.doc.resolutions.is_empty()) {
            return;
        }
        if loaded_tag.borrow().as_ref() != Some(&tag) {
            *loaded_tag.borrow_mut() = Some(tag);
            ready.set(0);
            return load(state, w.clone(), ready, arrived, g.clone());
        }
        if ready_now > 0 {
            if let Some(w) = w.borrow().as_ref() {
                w.glance(&search);
            }
        }
    });
    // The other draws each answer, and listens on the panel from the first.
    let body = NodeRef::<leptos::html::Div>::new();
    let listeners = StoredValue::new_local(Vec::<EventListener>::new());
    let drawn: RefCell<Option<Node>> = RefCell::default();
    Effect::new(move |_| {
        arrived.track();
        let Some(target) = body.get() else { return };
        if listeners.with_value(Vec::is_empty) {
            if let Some(section) = target.parent_element() {
                // Not passive: a click on a control is the page's, not the link's.
                let on = |kind: &'static str| {
                    let options = EventListenerOptions::enable_prevent_default();
                    EventListener::new_with_options(&section, kind, options, move |e| {
                        on_event(state, e)
                    })
                };
                listeners.set_value(["click", "keydown", "focusin", "mouseover"].map(on).into());
            }
        }
        draw(state, &target, &glance, &drawn);
    });
    let close = move |_| state.change(|q| q.overview = false, true);
    view! {
        <section class="overview" id="overview" aria-labelledby="overview-title">
            <div class="row">
                <h2 id="overview-title">"الدورة في لمحة · " <span lang="en">"The session at a glance"</span></h2>
                <button class="close-overview" on:click=close>"إغلاق · " <span lang="en">"Close"</span></button>
            </div>
            <div class="overview-content" node_ref=body>
                <p class="map-loading">"جارٍ الإعداد · " <span lang="en">"Preparing…"</span></p>
            </div>
        </section>
    }
}
