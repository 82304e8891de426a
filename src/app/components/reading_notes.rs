//! How the document was read: the parser's notes worth a reader's attention and the text it could
//! not place, drawn only while the panel is open (most readers never open it).

use leptos::prelude::*;

use crate::app::state::use_state;
use crate::model::Severity;

/// A large document can have thousands of notes: the first ones are drawn, the rest on request
/// (drawing them all at once held the page for most of a second).
const FIRST: usize = 100;

#[component]
pub fn ReadingNotes() -> impl IntoView {
    let state = use_state();
    let all = RwSignal::new(false);
    let open = RwSignal::new(false);
    let summary = move || {
        state.loaded.with(|l| {
            let notes = l
                .doc
                .diagnostics
                .iter()
                .filter(|d| d.severity >= Severity::Warning)
                .count();
            format!(
                "ملاحظات القراءة · How the document was read ({notes} notes, {} unplaced)",
                l.doc.unplaced.len()
            )
        })
    };
    let body = move || {
        if !open.get() {
            return None;
        }
        let limit = if all.get() { usize::MAX } else { FIRST };
        let l = state.loaded.get();
        let notes: Vec<_> = l
            .doc
            .diagnostics
            .iter()
            .filter(|d| d.severity >= Severity::Warning)
            .collect();
        let (n_notes, n_unplaced) = (notes.len(), l.doc.unplaced.len());
        let shown: Vec<_> = notes
            .into_iter()
            .take(limit)
            .map(|d| view! { <li><code dir="ltr">{d.code.slug()}</code> " " <span dir="ltr" lang="en">{d.message.clone()}</span></li> })
            .collect();
        let unplaced: Vec<_> = l
            .doc
            .unplaced
            .iter()
            .take(limit)
            .map(|u| view! { <li><q>{u.text.clone()}</q> " — " <span dir="ltr" lang="en">{u.reason.clone()}</span></li> })
            .collect();
        let more = (n_notes.max(n_unplaced) > limit).then(|| {
            view! {
                <button class="more" on:click=move |_| all.set(true)>
                    {format!("عرض الكل · Show all {n_notes} notes and {n_unplaced} unplaced lines")}
                </button>
            }
        });
        Some(view! {
            <ul>{shown}</ul>
            <h3>"نص لم يُصنَّف · Unplaced text"</h3>
            <ul>{unplaced}</ul>
            {more}
        })
    };
    view! {
        <details class="diagnostics" on:toggle=move |ev| {
            let el: web_sys::HtmlDetailsElement = event_target(&ev);
            open.set(el.open());
        }>
            <summary>{summary}</summary>
            {body}
        </details>
    }
}
