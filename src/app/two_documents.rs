//! The views that read the open document with another one (`compare=`, `pair=`): both ask the
//! background parser to read the two files again and keep its answer in the state, tagged with
//! what it was asked of, so that a view draws only the answer to the question it is showing.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::{Set, With};

use crate::app::documents::source_of;
use crate::app::state::AppState;
use crate::app::worker::{Event, Parse, Source};

/// What an answer is of: `other|open document|generation`, the other document, the open one.
pub type Wanted = (String, String, Option<String>);

/// The question for `other` beside the open document.
pub fn wanted(state: AppState, other: String) -> Wanted {
    let (hash, generation) = state.loaded.with(|l| (l.hash.clone(), l.generation));
    let tag = format!(
        "{other}|{}|{generation}",
        hash.as_deref().unwrap_or("default")
    );
    (tag, other, hash)
}

/// What a view asks of the worker, and how the reader is told.
pub struct Ask {
    /// The status line while the worker reads (Arabic · English).
    pub working: &'static str,
    /// The alert's words when it fails, before the reason (Arabic · English).
    pub failure: &'static str,
    /// The request, of the other document and the open one.
    pub source: fn(Source, Source) -> Source,
    /// Keeps the answer (in the state, with its tag); false for an event that is not the answer.
    pub answered: fn(AppState, &str, Event) -> bool,
}

/// Reads both documents in a worker (kept in `running` until it answers), then `ask.answered`.
pub fn ask_worker(
    state: AppState,
    (tag, other, hash): Wanted,
    running: Rc<RefCell<Option<Parse>>>,
    ask: Ask,
) {
    state.status.set(ask.working.into());
    leptos::task::spawn_local(async move {
        let failed = move |e: String| {
            state.status.set(String::new());
            state.alert.set(Some(format!("{}: {e}", ask.failure)));
        };
        let (other, open) = match (
            source_of((other != "default").then_some(other)).await,
            source_of(hash).await,
        ) {
            (Ok(a), Ok(b)) => (a, b),
            (Err(e), _) | (_, Err(e)) => return failed(e),
        };
        let keep = running.clone();
        let on = move |e: Event| {
            match e {
                Event::Error(e) => failed(e),
                e => {
                    if !(ask.answered)(state, &tag, e) {
                        return;
                    }
                    state.status.set(String::new());
                }
            }
            // Not from inside the worker's own message handler, which stopping would free.
            let keep = keep.clone();
            leptos::task::spawn_local(async move {
                keep.borrow_mut().take();
            });
        };
        match Parse::start((ask.source)(other, open), on) {
            Some(p) => *running.borrow_mut() = Some(p),
            None => failed("this browser could not start the background parser".into()),
        }
    });
}
