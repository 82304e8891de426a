//! What can be done with the view: copy its link, download it, open another file, read larger or
//! smaller.

use leptos::prelude::*;

use crate::app::browser::{copy_text, page_url};
use crate::app::documents::use_documents;
use crate::app::state::use_state;

use super::DownloadMenu;

/// The file types the picker offers (the reader can still pick any file; what is not a session
/// is refused with a message).
const ACCEPT: &str = ".txt,.docx,.html,.htm,text/plain,text/html,\
                      application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// The text sizes the reader can choose, as percentages of the browser's.
const SCALES: [u32; 5] = [90, 100, 115, 130, 150];

#[component]
pub fn ViewTools() -> impl IntoView {
    let state = use_state();
    let docs = use_documents();
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
    let scale = state.scale;
    let step = move |by: isize| {
        scale.update(|s| {
            let k = SCALES.iter().position(|x| x == s).unwrap_or(1) as isize;
            *s = SCALES[(k + by).clamp(0, SCALES.len() as isize - 1) as usize];
        })
    };
    let overview = move || state.query.with(|q| q.overview);
    let toggle_overview = move |_| {
        let on = !overview();
        state.change(move |q| q.overview = on, true);
    };
    view! {
        <div class="row tools">
            <button class="overview-toggle" data-overview="" aria-pressed=move || overview().to_string()
                aria-controls=move || overview().then_some("overview") on:click=toggle_overview>
                "الدورة في لمحة · " <span lang="en">"At a glance"</span></button>
            <button class="copy-link" on:click=copy_link>"نسخ الرابط · " <span lang="en">"Copy link"</span></button>
            <DownloadMenu />
            <label class="open button">
                "فتح ملف · " <span lang="en">"Open a session file"</span>
                <input type="file" data-open-file="" accept=ACCEPT on:change=pick />
            </label>
            <span class="scale" role="group" aria-label="Text size">
                <button aria-label="أ− Smaller text" disabled=move || scale.get() == SCALES[0] on:click=move |_| step(-1)>"أ−"</button>
                <button aria-label="أ+ Larger text" disabled=move || scale.get() == SCALES[SCALES.len() - 1] on:click=move |_| step(1)>"أ+"</button>
            </span>
        </div>
    }
}
