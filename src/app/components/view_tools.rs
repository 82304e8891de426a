//! Under the filters: how many resolutions the view shows, and what can be done with it (clear
//! it, copy its link, open another file).

use leptos::prelude::*;

use crate::app::browser::{copy_text, page_url};
use crate::app::documents::use_documents;
use crate::app::state::use_state;

/// The file types the picker offers (the reader can still pick any file; what is not a session
/// is refused with a message).
const ACCEPT: &str = ".txt,.docx,.html,.htm,text/plain,text/html,\
                      application/vnd.openxmlformats-officedocument.wordprocessingml.document";

#[component]
pub fn ViewTools() -> impl IntoView {
    let state = use_state();
    let docs = use_documents();
    let counter = move || {
        let n = state.matches.with(Vec::len);
        let t = state.loaded.with(|l| l.doc.resolutions.len());
        format!("{n} من {t} · {n} of {t}")
    };
    let clear = move || {
        state.query.with(|q| q.filtering() || q.res.is_some()).then(|| {
            view! { <button class="clear" on:click=move |_| state.clear_filters()>"مسح المرشحات · Clear filters"</button> }
        })
    };
    let copy_link = move |_| {
        copy_text(&page_url());
        state.status.set("نُسخ الرابط · Link copied.".into());
    };
    let pick = move |ev| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(f) = input.files().and_then(|f| f.get(0)) {
            docs.open_file(f);
        }
        input.set_value("");
    };
    view! {
        <div class="row">
            // The counts as attributes too, for scripts and tests to wait on: how many resolutions
            // the view shows and the document holds, and the search they answer.
            <p class="counter" aria-live="polite"
                data-shown=move || state.matches.with(Vec::len).to_string()
                data-total=move || state.loaded.with(|l| l.doc.resolutions.len()).to_string()
                data-query=move || state.query.with(|q| q.q.clone())>{counter}</p>
            {clear}
            <button class="copy-link" on:click=copy_link>"نسخ الرابط · Copy link"</button>
            <label class="open">
                "فتح ملف · Open a session file "
                <input type="file" data-open-file="" accept=ACCEPT on:change=pick />
            </label>
        </div>
    }
}
