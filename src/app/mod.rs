//! The browser viewer (wasm only): Leptos components over [`crate::view`], which decides what is
//! shown. The URL is the single source of truth for the view; the open document is a signal.
//! Document text is only ever rendered as text nodes, never as HTML.
//!
//! - `page`: the page, its layout and the browser's events;
//! - `state`: the signals every component reads (through context), `documents`: opening them;
//! - `components/`: one component per file;
//! - `browser`: the URL, history, clipboard, timing; `library`: the documents kept (IndexedDB);
//!   `worker`: the background parser; `two_documents`: asking it about the open document and
//!   another (comparison, editions side by side); `api`: `wasmBindings.parse` for people's own scripts.

mod api;
mod browser;
mod components;
mod documents;
mod draw;
mod library;
mod page;
mod state;
mod two_documents;
pub mod worker;

/// The default session: a file of its own beside the page (Trunk copies it from `sessions/`),
/// fetched from the page's own origin while the wasm downloads; nothing is sent anywhere.
const DEFAULT_URL: &str = "cfm-44-political-ar.txt";
const DEFAULT_NAME: &str = "cfm-44-political-ar.txt";

/// Mounts the viewer on the page's body, in a task of its own: the task that instantiates the
/// page's wasm (and compiles what its start runs) and the one that builds the app (and compiles
/// what that runs, on first call) were one long task, the longest of a first load.
pub fn mount() {
    console_error_panic_hook::set_once();
    browser::next_task(|| {
        browser::mark("qarar:start");
        leptos::mount::mount_to_body(page::App);
        browser::mark("qarar:mounted");
    });
}

/// The id of a clause's element: `c-44-1-س-op3`. Anything but letters, digits and `-` in the
/// resolution's id (its `/`, a summit's `س (ق أ)`) becomes `-`: element ids hold no spaces.
pub(crate) fn clause_anchor(res: &str, clause: &str) -> String {
    let res: String = res
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    format!("c-{res}-{clause}")
}
