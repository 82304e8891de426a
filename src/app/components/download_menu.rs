//! "Download": the view as CSV, JSON or Akoma Ntoso — exactly the resolutions and paragraphs the
//! filters show, written by the same code as the command line's `--format`. The page says which
//! paragraphs; the background parser reads the document's source again (the default session, or
//! the file as the library keeps it) and writes the file, so that the writers stay out of the
//! page's own wasm.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;

use crate::app::browser::save_file;
use crate::app::documents::source_of;
use crate::app::state::{use_state, AppState};
use crate::app::worker::{Event, ExportRequest, Parse, Source};
use crate::export::{file_name, ExportFormat, Selection};

/// What each format is, for the reader who does not know the acronyms.
fn label(format: ExportFormat) -> (&'static str, &'static str) {
    match format {
        ExportFormat::Csv => ("جدول CSV", "CSV table: a row per operative clause"),
        ExportFormat::Json => ("JSON", "JSON: the structure, as the command line writes it"),
        ExportFormat::Akn => ("أكوما نتوسو XML", "Akoma Ntoso XML (legal documents)"),
    }
}

/// Writes the view in `format` in a worker, then offers the file.
fn download(state: AppState, format: ExportFormat) {
    let l = state.loaded.get_untracked();
    let q = state.query.get_untracked();
    let (shown, clauses) = state.matches.with_untracked(|m| {
        let sel = Selection::of_view(&l.doc, m, state.filtering.get_untracked());
        let clauses = sel.clauses();
        (sel.shown, clauses)
    });
    let resolutions = shown.len();
    let name = file_name(&l.doc, &q, format);
    let hash = l.hash.clone();
    state
        .status
        .set(format!("جارٍ إعداد {name} · Preparing {name}…"));
    leptos::task::spawn_local(async move {
        let failed = Rc::new({
            let name = name.clone();
            move |e: String| {
                state.status.set(String::new());
                state
                    .alert
                    .set(Some(format!("لم يُنزَّل {name} · {name} was not saved: {e}")));
            }
        });
        let from = match source_of(hash).await {
            Ok(s) => s,
            Err(e) => return failed(e),
        };
        // The worker lives until it answers.
        let running: Rc<RefCell<Option<Parse>>> = Rc::default();
        let keep = running.clone();
        let shown_name = name.clone();
        let fail = failed.clone();
        let on = move |e: Event| {
            match e {
                Event::Exported(bytes) => {
                    save_file(&shown_name, format.media_type(), &bytes);
                    state.status.set(format!(
                        "نُزّل {shown_name} · Saved {shown_name}: {resolutions} resolutions, \
                         {clauses} operative clauses."
                    ));
                }
                Event::Error(e) => fail(e),
                _ => return,
            }
            // Not from inside the worker's own message handler, which stopping would free.
            let keep = keep.clone();
            leptos::task::spawn_local(async move {
                keep.borrow_mut().take();
            });
        };
        let request = ExportRequest { format, shown };
        let source = Source::Export {
            from: Box::new(from),
            request,
        };
        match Parse::start(source, on) {
            Some(p) => *running.borrow_mut() = Some(p),
            None => failed("this browser could not start the background parser".into()),
        }
    });
}

#[component]
pub fn DownloadMenu() -> impl IntoView {
    let state = use_state();
    let details = NodeRef::<leptos::html::Details>::new();
    let save = move |format: ExportFormat| {
        download(state, format);
        if let Some(d) = details.get_untracked() {
            d.set_open(false);
        }
    };
    let items: Vec<_> = ExportFormat::ALL
        .into_iter()
        .map(|format| {
            let (ar, en) = label(format);
            view! {
                <li>
                    <button data-export=format.slug() on:click=move |_| save(format)>
                        {ar} " · " <span lang="en">{en}</span>
                    </button>
                </li>
            }
        })
        .collect();
    view! {
        <details class="download" node_ref=details>
            <summary>"تنزيل ما يُعرض · " <span lang="en">"Download this view"</span></summary>
            <ul class="download-formats">{items}</ul>
        </details>
    }
}
