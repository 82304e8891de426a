//! The browser viewer (wasm only): Leptos components over [`crate::view`], which decides what is
//! shown. The URL is the single source of truth for the view; the open document is a signal.
//! Document text is only ever rendered as text nodes, never as HTML.

mod api;
mod browser;
mod clause;
mod library;
pub mod worker;

use std::sync::Arc;

use leptos::prelude::*;

use crate::model::{Document, Severity};
use crate::view::{self, Query, ResolutionMatch};
use browser::{copy_text, mark, measure, page_url, read_search, scroll_to, write_url};
use clause::{Segments, SegmentsView};

/// The default session, embedded in the bundle: nothing is fetched, nothing is sent.
const DEFAULT_SESSION: &str = include_str!("../../sessions/cfm-44-political-ar.txt");
const DEFAULT_NAME: &str = "cfm-44-political-ar.txt";

/// Resolutions drawn at once when a document opens (all of a usual session), then per frame.
const FIRST_DRAW: usize = 60;
const DRAW_STEP: usize = 4;

/// The largest file opened. Above it the page would hold several copies of the text at once
/// (bytes, text, model, view); the reader is told so instead.
const MAX_FILE: f64 = 50.0 * 1024.0 * 1024.0;

/// The document a query string names (`doc=…`, checked), if any.
fn linked_doc(search: &str) -> Option<String> {
    Query::parse(search, &Document::default()).doc
}

/// An open document.
#[derive(Debug)]
pub struct Loaded {
    pub name: String,
    /// Its content hash (`doc=` in the URL); `None` for the default session.
    pub hash: Option<String>,
    pub doc: Document,
    /// Every paragraph normalised once, for search.
    pub index: view::Index,
    /// Bumped for each document opened, so that keyed lists redraw.
    pub generation: u32,
}

/// Mounts the viewer on the page's body.
pub fn mount() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}

fn parse_timed(text: &str) -> Document {
    mark("qarar:parse-start");
    let doc = crate::parse(text);
    mark("qarar:parse-end");
    measure("qarar:parse", "qarar:parse-start", "qarar:parse-end");
    doc
}

#[component]
fn App() -> impl IntoView {
    let doc = parse_timed(DEFAULT_SESSION);
    let default_session = StoredValue::new(Arc::new(Loaded {
        name: DEFAULT_NAME.into(),
        hash: None,
        index: view::Index::new(&doc),
        doc,
        generation: 0,
    }));
    let first = default_session.get_value();
    // A link to another document: its view is read once that document is open.
    let linked = linked_doc(&read_search());
    let query = RwSignal::new(match &linked {
        Some(h) => Query {
            doc: Some(h.clone()),
            ..Query::default()
        },
        None => Query::parse(&read_search(), &first.doc),
    });
    let loaded = RwSignal::new(first);
    let alert = RwSignal::new(None::<String>);
    let status = RwSignal::new(String::new());
    let dragging = RwSignal::new(false);
    // The reader's kept documents, and a linked document this browser does not hold.
    let kept = RwSignal::new(Vec::<library::Entry>::new());
    let missing = RwSignal::new(None::<String>);

    let refresh_library = move || {
        leptos::task::spawn_local(async move {
            if let Ok(v) = library::list().await {
                kept.set(v);
            }
        })
    };
    refresh_library();

    let install = move |name: String, hash: Option<String>, doc: Document, index: view::Index| {
        let generation = loaded.with_untracked(|l| l.generation) + 1;
        let next = Arc::new(Loaded {
            name,
            hash,
            doc,
            index,
            generation: generation + 1,
        });
        if next.doc.resolutions.len() <= FIRST_DRAW {
            loaded.set(next);
            return;
        }
        // A large document: first take the open one down (its cards, in one task), then put the new
        // one up on the next frame, so that neither task holds the page for long.
        loaded.set(Arc::new(Loaded {
            name: next.name.clone(),
            hash: next.hash.clone(),
            doc: Document::default(),
            index: view::Index::default(),
            generation,
        }));
        browser::after_paint(move || loaded.set(next));
    };

    // A file parsed in the background: the worker doing it, the pieces received so far, and
    // how far it has got (`Some(None)`: under way, `Some(Some(x))`: fraction received).
    let running = StoredValue::new_local(None::<worker::Parse>);
    let partial = StoredValue::new(None::<(worker::Head, Document, view::Index)>);
    let progress = RwSignal::new(None::<Option<f64>>);
    let stop_worker = move || {
        // Not from inside the worker's own message handler, which stopping would free.
        leptos::task::spawn_local(async move { running.set_value(None) });
    };

    // Parses `blob` in a worker and gives the result to `done` as (content hash, document, search
    // index). Each message from the worker is one short task here.
    let parse_blob = move |name: String,
                           blob: web_sys::Blob,
                           done: Box<dyn Fn(String, Document, view::Index)>| {
        progress.set(Some(None));
        let label = name.clone();
        let on = move |e: worker::Event| match e {
            worker::Event::Progress(stage) => status.set(match stage.as_str() {
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
                partial.set_value(Some((*h, doc, view::Index::default())));
                progress.set(Some(Some(0.0)));
            }
            worker::Event::Notes(diagnostics, unplaced) => partial.update_value(|p| {
                if let Some((_, doc, _)) = p {
                    doc.diagnostics.extend(diagnostics);
                    doc.unplaced.extend(unplaced);
                }
            }),
            worker::Event::Batch(rs) => partial.update_value(|p| {
                if let Some((h, doc, idx)) = p {
                    for r in rs {
                        idx.resolutions.push(view::ResolutionIndex::new(&r));
                        doc.resolutions.push(r);
                    }
                    let n = doc.resolutions.len();
                    progress.set(Some(Some(n as f64 / h.total.max(1) as f64)));
                    status.set(format!(
                        "جارٍ الاستلام · Receiving {label}: {n} of {} resolutions…",
                        h.total
                    ));
                }
            }),
            worker::Event::End => {
                let mut taken = None;
                partial.update_value(|p| taken = p.take());
                progress.set(None);
                stop_worker();
                if let Some((h, doc, index)) = taken {
                    mark("qarar:install-start");
                    done(h.hash, doc, index);
                    mark("qarar:install-end");
                    measure("qarar:install", "qarar:install-start", "qarar:install-end");
                }
            }
            worker::Event::Error(e) => {
                partial.set_value(None);
                progress.set(None);
                stop_worker();
                // The current view stays exactly as it was.
                alert.set(Some(format!("{label} was not opened: {e}")));
                status.set(String::new());
            }
        };
        match worker::Parse::start(blob, on) {
            Some(p) => running.set_value(Some(p)),
            None => {
                // Opening files needs the background parser (it also holds the import code, which
                // the page itself does not carry); every browser the viewer supports can start one.
                progress.set(None);
                status.set(String::new());
                alert.set(Some(format!(
                    "{name} was not opened: this browser could not start the background parser (Web Workers)"
                )));
            }
        }
    };

    // Shows what the URL names: the default session, or a kept document (doc=…), with the view
    // the rest of the URL describes. Used on load, on Back/Forward and by the library.
    let follow_url = move || {
        let search = read_search();
        let want = linked_doc(&search);
        if want == loaded.with_untracked(|l| l.hash.clone()) {
            missing.set(None);
            query.set(loaded.with_untracked(|l| Query::parse(&search, &l.doc)));
            return;
        }
        let Some(hash) = want else {
            missing.set(None);
            loaded.set(default_session.get_value());
            query.set(loaded.with_untracked(|l| Query::parse(&search, &l.doc)));
            return;
        };
        status.set("جارٍ فتح المستند · Opening the linked document…".into());
        leptos::task::spawn_local(async move {
            match library::get(&hash).await {
                Ok(Some((name, blob))) => {
                    let shown = name.clone();
                    parse_blob(
                        name,
                        blob,
                        Box::new(move |_, doc, index| {
                            let q = Query::parse(&search, &doc);
                            install(shown.clone(), Some(hash.clone()), doc, index);
                            query.set(q);
                            missing.set(None);
                            status.set(String::new());
                        }),
                    );
                }
                Ok(None) => {
                    missing.set(Some(hash));
                    status.set(String::new());
                }
                Err(e) => {
                    missing.set(Some(hash));
                    status.set(String::new());
                    alert.set(Some(format!("The library could not be read: {e}")));
                }
            }
        });
    };
    if linked.is_some() {
        follow_url();
    }

    // Back and Forward: the URL changed under us; read it again.
    let handle = window_event_listener(leptos::ev::popstate, move |_| follow_url());
    on_cleanup(move || handle.remove());

    // A deliberate change pushes a history entry; typing replaces it.
    let change = move |f: &dyn Fn(&mut Query), push: bool| {
        query.update(|q| {
            f(q);
            q.ignored.clear();
        });
        write_url(&query.get_untracked().to_search(), push);
    };

    let matches = Memo::new(move |_| {
        loaded.with(|l| query.with(|q| view::apply_indexed(&l.doc, &l.index, q)))
    });

    // The list is in the DOM once this effect runs: the render mark ends there (first time only).
    Effect::new(move |done: Option<bool>| {
        matches.track();
        if done != Some(true) {
            browser::after_paint(|| {
                mark("qarar:render-end");
                measure("qarar:render", "qarar:parse-end", "qarar:render-end");
            });
        }
        true
    });
    // A linked clause is scrolled into view.
    Effect::new(move |_| {
        let target = query.with(|q| q.res.clone().zip(q.clause.clone()));
        if let Some((res, clause)) = target {
            browser::after_paint(move || scroll_to(&clause::anchor(&res, &clause)));
        }
    });

    let open_file = move |file: web_sys::File| {
        let name = file.name();
        if file.size() > MAX_FILE {
            alert.set(Some(format!(
                "{name} was not opened: it is {} MB, and Qarar opens files up to 50 MB",
                // Whole numbers: formatting floats would add its code to the page.
                (file.size() / 1024.0 / 1024.0).ceil() as u64
            )));
            return;
        }
        status.set(format!("جارٍ القراءة · Reading {name}…"));
        let blob: web_sys::Blob = file.into();
        let kept_blob = blob.clone();
        let size = kept_blob.size();
        let shown = name.clone();
        parse_blob(
            name,
            blob,
            Box::new(move |hash, doc, index| {
                let name = shown.clone();
                let n = doc.resolutions.len();
                let waiting = missing.get_untracked();
                // A link was waiting for this file: its view (filters, clause) is read against it.
                let linked_query = waiting.as_ref().map(|_| Query::parse(&read_search(), &doc));
                install(name.clone(), Some(hash.clone()), doc, index);
                alert.set(None);
                missing.set(None);
                match linked_query {
                    Some(mut q) => {
                        if waiting.as_deref() != Some(hash.as_str()) {
                            q.ignored.push(
                                "doc (this file is not the one the link was made from)".into(),
                            );
                        }
                        q.doc = Some(hash.clone());
                        write_url(&q.to_search(), false);
                        query.set(q);
                    }
                    None => {
                        let h = hash.clone();
                        change(
                            &move |q: &mut Query| {
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
                    size,
                    added: js_sys::Date::now(),
                    resolutions: n as u32,
                };
                let file = kept_blob.clone();
                leptos::task::spawn_local(async move {
                    match library::put(&entry, &file).await {
                        Ok(()) => {
                            status.set(format!(
                                "فُتح · Opened {name}: {n} resolutions, kept in this browser."
                            ));
                            refresh_library();
                        }
                        Err(e) => status.set(format!(
                            "Opened {name}: {n} resolutions. It could not be kept in this browser ({e}): it will not come back on reload."
                        )),
                    }
                });
            }),
        );
    };

    // The library: switch to a kept document or the default session; remove one.
    let switch_to = move |hash: Option<String>| {
        let q = Query {
            doc: hash,
            ..Query::default()
        };
        write_url(&q.to_search(), true);
        follow_url();
    };
    let remove = move |hash: String| {
        leptos::task::spawn_local(async move {
            match library::remove(&hash).await {
                Ok(()) => {
                    status.set("Removed from this browser.".into());
                    refresh_library();
                    if loaded.with_untracked(|l| l.hash.as_deref() == Some(hash.as_str())) {
                        switch_to(None);
                    }
                }
                Err(e) => alert.set(Some(format!("The document could not be removed: {e}"))),
            }
        });
    };

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
                    open_file(f);
                }
            }
        >
            <div class="drop-overlay" class:visible=move || dragging.get() aria-hidden="true">
                <p>"أفلت الملف هنا لفتحه · Drop the file to open it"</p>
            </div>
            <SessionHeader loaded=loaded />
            {move || alert.get().map(|a| view! {
                <p class="alert" role="alert">{a} <button on:click=move |_| alert.set(None)>"×"</button></p>
            })}
            <p class="status" role="status">
                {move || status.get()}
                {move || progress.get().map(|p| match p {
                    Some(x) => view! { <progress max="1" value=x.to_string() aria-label="Progress"></progress> }.into_any(),
                    None => view! { <progress aria-label="Progress"></progress> }.into_any(),
                })}
            </p>
            {move || missing.get().map(|h| { let shown = h.clone(); view! {
                <div class="notice missing" role="alert" data-missing-doc=h>
                    <p>
                        "هذا الرابط لمستند غير محفوظ في هذا المتصفح · This link is to a document this browser does not hold ("
                        <code dir="ltr">{shown}</code>
                        "). Open the file it was made from to see the linked view; until then the default session is shown."
                    </p>
                    <button on:click=move |_| browser::click("[data-open-file]")>"فتح الملف · Open the file…"</button>
                </div>
            }})}
            <Library loaded=loaded kept=kept switch_to=switch_to remove=remove />
            <FilterBar loaded=loaded query=query change=change matches=matches open_file=open_file status=status />
            <ResolutionList loaded=loaded query=query matches=matches change=change status=status />
            <Diagnostics loaded=loaded />
        </div>
    }
}

#[component]
fn SessionHeader(loaded: RwSignal<Arc<Loaded>>) -> impl IntoView {
    move || {
        let l = loaded.get();
        let s = &l.doc.session;
        let meta: Vec<String> = [
            s.number.map(|n| format!("الدورة {n} · Session {n}")),
            s.place.clone(),
            s.date_hijri.clone(),
            s.date_gregorian.clone(),
        ]
        .into_iter()
        .flatten()
        .collect();
        view! {
            <header class="session">
                <p class="org">{s.organisation.clone().unwrap_or_else(|| "منظمة التعاون الإسلامي".into())}</p>
                <h1>{s.title.clone().unwrap_or_else(|| l.name.clone())}</h1>
                <p class="meta">
                    <span class="symbol" dir="ltr">{s.symbol.clone().unwrap_or_default()}</span>
                    " " {meta.join(" · ")}
                </p>
                <p class="file" dir="ltr">{l.name.clone()}</p>
            </header>
        }
    }
}

/// The reader's documents: the default session and every file opened in this browser, each
/// to open, and the kept ones to remove.
#[component]
fn Library<S, R>(
    loaded: RwSignal<Arc<Loaded>>,
    kept: RwSignal<Vec<library::Entry>>,
    switch_to: S,
    remove: R,
) -> impl IntoView
where
    S: Fn(Option<String>) + Copy + Send + Sync + 'static,
    R: Fn(String) + Copy + Send + Sync + 'static,
{
    let current = move || loaded.with(|l| l.hash.clone());
    view! {
        <details class="library">
            <summary>"المكتبة · Your documents (" {move || kept.with(Vec::len) + 1} ")"</summary>
            <ul>
                <li aria-current=move || current().is_none().then_some("true")>
                    <span class="name" dir="ltr">{DEFAULT_NAME}</span>
                    <span class="meta">"الدورة الافتراضية · default session"</span>
                    <button disabled=move || current().is_none() on:click=move |_| switch_to(None)>"فتح · Open"</button>
                </li>
                <For
                    each=move || kept.get()
                    key=|e| e.hash.clone()
                    children=move |e: library::Entry| {
                        let h1 = e.hash.clone();
                        let h2 = e.hash.clone();
                        let h3 = e.hash.clone();
                        let is_current = move || current().as_deref() == Some(h1.as_str());
                        let when = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(e.added))
                            .to_iso_string()
                            .as_string()
                            .unwrap_or_default()
                            .chars()
                            .take(10)
                            .collect::<String>();
                        let meta = format!(
                            "{} resolutions · {} KB · {when}",
                            e.resolutions,
                            (e.size / 1024.0).ceil() as u64
                        );
                        let open_label = format!("Open {}", e.name);
                        let remove_label = format!("Remove {} from this browser", e.name);
                        view! {
                            <li data-kept=e.hash.clone() aria-current=move || is_current().then_some("true")>
                                <span class="name" dir="auto">{e.name.clone()}</span>
                                <span class="meta">{meta}</span>
                                <button aria-label=open_label on:click=move |_| switch_to(Some(h2.clone()))>"فتح · Open"</button>
                                <button class="remove" aria-label=remove_label on:click=move |_| remove(h3.clone())>"حذف · Remove"</button>
                            </li>
                        }
                    }
                />
            </ul>
        </details>
    }
}

#[component]
fn FilterBar<C, O>(
    loaded: RwSignal<Arc<Loaded>>,
    query: RwSignal<Query>,
    change: C,
    matches: Memo<Vec<ResolutionMatch>>,
    open_file: O,
    status: RwSignal<String>,
) -> impl IntoView
where
    C: Fn(&dyn Fn(&mut Query), bool) + Copy + Send + Sync + 'static,
    O: Fn(web_sys::File) + Copy + Send + Sync + 'static,
{
    let g = crate::lexicon::gazetteer();
    let total = move || loaded.with(|l| l.doc.resolutions.len());
    // Recounted only when the document or the mentions toggle changes, not on every filter.
    let mentions = Memo::new(move |_| query.with(|q| q.mentions));
    let region_options = Memo::new(move |_| {
        let mentions = mentions.get();
        loaded.with(|l| view::region_counts(&l.doc, mentions))
    });
    view! {
        <section class="filters" aria-label="Filters">
            <div class="row">
                <input
                    type="search"
                    placeholder="ابحث في النص · Search the text"
                    aria-label="Search the text"
                    prop:value=move || query.with(|q| q.q.clone())
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        change(&move |q: &mut Query| q.q = v.clone(), false);
                    }
                />
                <select
                    aria-label="Region"
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if !v.is_empty() {
                            change(&move |q: &mut Query| if !q.regions.contains(&v) { q.regions.push(v.clone()) }, true);
                        }
                    }
                    prop:value=""
                >
                    <option value="">"المنطقة · Region…"</option>
                    // The gazetteer's hierarchy, broadest first: continents, sub-regions, then places.
                    {move || {
                        let all = region_options.get();
                        [("continent", "القارات · Continents"), ("subregion", "المناطق · Sub-regions"), ("member", "الدول الأعضاء · Member states"), ("", "أماكن أخرى · Other places")]
                            .into_iter()
                            .map(|(kind, heading)| {
                                let options: Vec<_> = all.iter().filter(|(slug, _)| {
                                    let k = g.slug(slug).map_or("", |i| g.regions[i].kind);
                                    if kind.is_empty() { !matches!(k, "continent" | "subregion" | "member") } else { k == kind }
                                }).map(|(slug, n)| {
                                    let r = g.slug(slug).map(|i| &g.regions[i]);
                                    let label = r.map(|r| format!("{} · {} ({n})", r.names[0], r.english)).unwrap_or_else(|| slug.clone());
                                    view! { <option value=slug.clone() data-region=slug.clone()>{label}</option> }
                                }).collect();
                                view! { <optgroup label=heading>{options}</optgroup> }
                            })
                            .collect_view()
                    }}
                </select>
                <label class="toggle">
                    <input
                        type="checkbox"
                        prop:checked=move || query.with(|q| q.mentions)
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            change(&move |q: &mut Query| q.mentions = on, true);
                        }
                    />
                    " يشمل الإشارات العابرة · Include mentions"
                </label>
            </div>
            <div class="row chips" aria-label="Active regions">
                {move || query.with(|q| q.regions.clone()).into_iter().map(|slug| {
                    let name = g.slug(&slug).map(|i| g.regions[i].english.clone()).unwrap_or_else(|| slug.clone());
                    let s2 = slug.clone();
                    let aria = format!("Remove {name}");
                    view! {
                        <button class="chip active" data-active-region=slug aria-label=aria
                            on:click=move |_| { let s = s2.clone(); change(&move |q: &mut Query| q.regions.retain(|x| *x != s), true) }>
                            {name} " ×"
                        </button>
                    }
                }).collect_view()}
            </div>
            <div class="row chips legend" aria-label="Verb categories">
                {move || loaded.with(|l| view::verb_counts(&l.doc)).into_iter().map(|(cat, n)| {
                    let pressed = move || query.with(|q| q.verbs.iter().any(|v| v == cat));
                    view! {
                        <button class=format!("chip cat verb-{cat}") data-category=cat aria-pressed=move || pressed().to_string()
                            on:click=move |_| change(&move |q: &mut Query| {
                                if q.verbs.iter().any(|v| v == cat) { q.verbs.retain(|v| v != cat) } else { q.verbs.push(cat.to_string()) }
                            }, true)>
                            <span class="swatch" aria-hidden="true"></span>
                            {view::category_label_ar(cat)} " · " {view::category_label(cat)} " " <span class="n">{n}</span>
                        </button>
                    }
                }).collect_view()}
            </div>
            <div class="row">
                <p class="counter" aria-live="polite">
                    {move || { let n = matches.with(|m| m.len()); let t = total(); format!("{n} من {t} · {n} of {t}") }}
                </p>
                {move || query.with(|q| q.filtering() || q.res.is_some()).then(|| view! {
                    <button class="clear" on:click=move |_| change(&|q: &mut Query| *q = q.cleared(), true)>"مسح المرشحات · Clear filters"</button>
                })}
                <button class="copy-link" on:click=move |_| { copy_text(&page_url()); status.set("Link copied.".into()); }>"نسخ الرابط · Copy link"</button>
                <label class="open">
                    "فتح ملف · Open a session file "
                    <input type="file" data-open-file="" accept=".txt,.docx,.html,.htm,text/plain,text/html,application/vnd.openxmlformats-officedocument.wordprocessingml.document" on:change=move |ev| {
                        let input: web_sys::HtmlInputElement = event_target(&ev);
                        if let Some(f) = input.files().and_then(|f| f.get(0)) {
                            open_file(f);
                        }
                        input.set_value("");
                    } />
                </label>
            </div>
            {move || {
                let ignored = query.with(|q| q.ignored.clone());
                (!ignored.is_empty()).then(|| view! {
                    <p class="notice">"Ignored in the link: " {ignored.join(", ")}</p>
                })
            }}
        </section>
    }
}

#[component]
fn ResolutionList<C>(
    loaded: RwSignal<Arc<Loaded>>,
    query: RwSignal<Query>,
    matches: Memo<Vec<ResolutionMatch>>,
    change: C,
    status: RwSignal<String>,
) -> impl IntoView
where
    C: Fn(&dyn Fn(&mut Query), bool) + Copy + Send + Sync + 'static,
{
    // Shared by every card: each part of the view updates only where its own input changed.
    let needle = Memo::new(move |_| {
        query.with(|q| {
            let n = view::search_needle(&q.q);
            if n.chars().count() >= view::MIN_HIGHLIGHT_CHARS {
                n
            } else {
                String::new()
            }
        })
    });
    let filtering = Memo::new(move |_| query.with(|q| q.filtering()));
    // A large document is drawn a few resolutions per frame, so that the page answers while it
    // fills: (generation of the document, how many of its resolutions are drawn).
    let drawn = RwSignal::new((0u32, FIRST_DRAW));
    let limit = move |gen: u32| {
        drawn.with(|&(g, n)| {
            if g == gen {
                n
            } else {
                // A usual session at once; a larger document from the next frame on, a step at a
                // time (the task that installs it has enough to do).
                let total = loaded.with_untracked(|l| l.doc.resolutions.len());
                if total <= FIRST_DRAW {
                    FIRST_DRAW
                } else {
                    0
                }
            }
        })
    };
    Effect::new(move |_| {
        let (gen, total) = loaded.with(|l| (l.generation, l.doc.resolutions.len()));
        let n = limit(gen);
        if n < total {
            browser::after_paint(move || drawn.set((gen, n + DRAW_STEP)));
        }
    });
    view! {
        <main>
            {move || matches.with(|m| m.is_empty()).then(|| view! {
                <div class="empty">
                    <p>"لا توجد قرارات تطابق هذه المرشحات · No resolution matches these filters."</p>
                    <button on:click=move |_| change(&|q: &mut Query| *q = q.cleared(), true)>"مسح المرشحات · Clear filters"</button>
                </div>
            })}
            // Every resolution of the document is drawn once; a filter only shows and hides them and
            // marks their clauses, so a filter change touches attributes, not the whole list.
            <For
                each=move || {
                    loaded.with(|l| {
                        let n = l.doc.resolutions.len().min(limit(l.generation));
                        (0..n).map(|i| (l.generation, i)).collect::<Vec<_>>()
                    })
                }
                key=|k| *k
                children=move |(_, index)| {
                    view! { <ResolutionCard loaded=loaded index=index matches=matches query=query needle=needle filtering=filtering change=change status=status /> }
                }
            />
        </main>
    }
}

/// A paragraph's text, redrawn only when the search's hits in it change.
fn paragraph_text(
    text: String,
    verbs: Vec<crate::model::Verb>,
    norm: String,
    needle: Memo<String>,
) -> impl IntoView {
    let base = Segments::new(&text, &verbs, "");
    let seg = Memo::new(move |_| {
        needle.with(|n| {
            if !n.is_empty() && norm.contains(n.as_str()) {
                Segments::new(&text, &verbs, n)
            } else {
                base.clone()
            }
        })
    });
    move || view! { <SegmentsView seg=seg.get() /> }
}

#[component]
#[allow(clippy::too_many_arguments)]
fn ResolutionCard<C>(
    loaded: RwSignal<Arc<Loaded>>,
    index: usize,
    matches: Memo<Vec<ResolutionMatch>>,
    query: RwSignal<Query>,
    needle: Memo<String>,
    filtering: Memo<bool>,
    change: C,
    status: RwSignal<String>,
) -> impl IntoView
where
    C: Fn(&dyn Fn(&mut Query), bool) + Copy + Send + Sync + 'static,
{
    let l = loaded.get_untracked();
    let (Some(r), Some(ri)) = (l.doc.resolutions.get(index), l.index.resolutions.get(index)) else {
        return ().into_any();
    };
    let g = crate::lexicon::gazetteer();
    let id = r.id.clone();
    // This card's clause states and linked clause: cards whose state did not change are not touched.
    let mine = Memo::new(move |_| {
        matches.with(|ms| {
            ms.iter()
                .find(|m| m.index == index)
                .map(|m| (m.operative.clone(), m.preamble.clone()))
        })
    });
    let shown = Memo::new(move |_| mine.with(Option::is_some));
    let id_t = id.clone();
    let target = Memo::new(move |_| {
        query.with(|q| {
            if q.res.as_deref() == Some(id_t.as_str()) {
                q.clause.clone()
            } else {
                None
            }
        })
    });
    let clause_on = move |operative: bool, i: usize| {
        mine.with(|m| {
            m.as_ref()
                .and_then(|(o, p)| if operative { o.get(i) } else { p.get(i) }.copied())
                .unwrap_or(true)
        })
    };
    let id_for_click = id.clone();
    let badges: Vec<_> = r
        .regions
        .iter()
        // Badges name places; the broad regions they roll up to stay in the filter.
        .filter(|x| !x.primary || g.slug(&x.slug).is_some_and(|i| !matches!(g.regions[i].kind, "continent" | "subregion")))
        .map(|x| {
            let name = g.slug(&x.slug).map(|i| g.regions[i].english.clone()).unwrap_or_else(|| x.slug.to_string());
            view! { <span class="badge" class:primary=x.primary data-badge-region=x.slug.clone()>{name}</span> }
        })
        .collect();
    let counts: Vec<_> = view::resolution_verb_counts(r)
        .into_iter()
        .map(|(c, n)| view! { <span class=format!("count verb-{c}") title=view::category_label(c)>{view::category_label_ar(c)} " " {n}</span> })
        .collect();
    let preamble: Vec<_> = r
        .preamble
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let clause = format!("pre{}", i + 1);
            let c2 = clause.clone();
            let el_id = clause::anchor(&id, &clause);
            let norm = ri.preamble.get(i).cloned().unwrap_or_default();
            view! {
                <p class="preambular" class:dim=move || filtering.get() && !clause_on(false, i)
                    class:target=move || target.with(|t| t.as_deref() == Some(c2.as_str())) id=el_id>
                    {p.opening.as_ref().filter(|o| !o.gloss.is_empty()).map(|o| view! { <span class="opening-gloss" dir="ltr">{o.gloss.clone()}</span> })}
                    {paragraph_text(p.text.clone(), vec![], norm, needle)}
                    <clause::CiteButton res=id.clone() clause=clause loaded=loaded status=status />
                </p>
            }
        })
        .collect();
    let operative: Vec<_> = r
        .operative
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let clause = format!("op{}", i + 1);
            let c2 = clause.clone();
            let el_id = clause::anchor(&id, &clause);
            let norms = ri.operative.get(i).cloned().unwrap_or_default();
            let items: Vec<_> = c
                .items
                .iter()
                .enumerate()
                .map(|(k, it)| {
                    let norm = norms.get(k + 1).cloned().unwrap_or_default();
                    view! { <li><span class="label">{it.label.clone().unwrap_or_default()}</span> " " {paragraph_text(it.text.clone(), it.verbs.clone(), norm, needle)}</li> }
                })
                .collect();
            view! {
                <li class="clause" class:match=move || filtering.get() && clause_on(true, i) class:dim=move || filtering.get() && !clause_on(true, i)
                    class:target=move || target.with(|t| t.as_deref() == Some(c2.as_str())) id=el_id>
                    <span class="label">{c.label.clone().unwrap_or_default()}</span> " "
                    {paragraph_text(c.text.clone(), c.verbs.clone(), norms.first().cloned().unwrap_or_default(), needle)}
                    <clause::CiteButton res=id.clone() clause=clause loaded=loaded status=status />
                    <ul class="items">{items}</ul>
                </li>
            }
        })
        .collect();
    let title = paragraph_text(r.title.clone(), vec![], ri.title.clone(), needle);
    let href = Query {
        res: Some(id.clone()),
        ..Query::default()
    }
    .to_search();
    let id_attr = id.clone();
    view! {
        <article class="resolution" class:incomplete=r.incomplete hidden=move || !shown.get()
            data-resolution=move || shown.get().then(|| id_attr.clone())>
            <h2>
                <a class="id" href=href
                    on:click=move |ev| { ev.prevent_default(); let id = id_for_click.clone(); change(&move |q: &mut Query| { q.res = Some(id.clone()); q.clause = None; }, true) }>
                    {format!("قرار {}", r.id)}
                </a>
                " " <span class="title">{title}</span>
            </h2>
            {r.toc_title.clone().map(|t| view! { <p class="toc-title">"في الفهرس: " {t}</p> })}
            <div class="badges">{badges} {counts}</div>
            {r.incomplete.then(|| view! { <p class="warn">"يبدو أن هذا القرار مبتور · This resolution looks cut off"</p> })}
            <details class="preamble" prop:open=move || !filtering.get() || target.with(|t| t.as_deref().is_some_and(|t| t.starts_with("pre")))>
                <summary>{format!("الديباجة ({}) · Preamble", r.preamble.len())}</summary>
                {preamble}
            </details>
            <ol class="operative">{operative}</ol>
        </article>
    }
    .into_any()
}

#[component]
fn Diagnostics(loaded: RwSignal<Arc<Loaded>>) -> impl IntoView {
    // A large document can have thousands of notes: the first ones are drawn, the rest on request
    // (drawing them all at once held the page for most of a second).
    const FIRST: usize = 100;
    let all = RwSignal::new(false);
    // The lists are drawn only while the panel is open: most readers never open it.
    let open = RwSignal::new(false);
    move || {
        let l = loaded.get();
        if !open.get() {
            let n_notes = l
                .doc
                .diagnostics
                .iter()
                .filter(|d| d.severity >= Severity::Warning)
                .count();
            let n_unplaced = l.doc.unplaced.len();
            return view! {
                <details class="diagnostics" on:toggle=move |_| open.set(true)>
                    <summary>{format!("ملاحظات القراءة · How the document was read ({n_notes} notes, {n_unplaced} unplaced)")}</summary>
                </details>
            }
            .into_any();
        }
        let limit = if all.get() { usize::MAX } else { FIRST };
        let notes: Vec<_> = l
            .doc
            .diagnostics
            .iter()
            .filter(|d| d.severity >= Severity::Warning)
            .collect();
        let (n_notes, n_unplaced) = (notes.len(), l.doc.unplaced.len());
        let shown: Vec<_> = notes.into_iter().take(limit).cloned().collect();
        let unplaced: Vec<_> = l.doc.unplaced.iter().take(limit).cloned().collect();
        let more = (n_notes.max(n_unplaced) > limit).then(|| {
            view! {
                <button class="more" on:click=move |_| all.set(true)>
                    {format!("عرض الكل · Show all {n_notes} notes and {n_unplaced} unplaced lines")}
                </button>
            }
        });
        view! {
            <details class="diagnostics" open=true on:toggle=move |ev| {
                let el: web_sys::HtmlDetailsElement = event_target(&ev);
                open.set(el.open());
            }>
                <summary>{format!("ملاحظات القراءة · How the document was read ({n_notes} notes, {n_unplaced} unplaced)")}</summary>
                <ul>
                    {shown.into_iter().map(|d| view! {
                        <li><code dir="ltr">{d.code}</code> " " <span dir="ltr">{d.message}</span></li>
                    }).collect_view()}
                </ul>
                <h3>"نص لم يُصنَّف · Unplaced text"</h3>
                <ul>
                    {unplaced.into_iter().map(|u| view! { <li><q>{u.text}</q> " — " <span dir="ltr">{u.reason}</span></li> }).collect_view()}
                </ul>
                {more}
            </details>
        }
        .into_any()
    }
}
