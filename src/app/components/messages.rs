//! What the page has to tell the reader: a refused file (an alert), what it is doing (a status with
//! progress), a link to a document this browser does not hold.

use leptos::prelude::*;

use crate::app::browser;
use crate::app::state::use_state;

#[component]
pub fn Messages() -> impl IntoView {
    let state = use_state();
    let alert = state.alert;
    view! {
        {move || alert.get().map(|a| view! {
            <p class="alert" role="alert">{a} <button aria-label="إغلاق · Dismiss" on:click=move |_| alert.set(None)>"×"</button></p>
        })}
        <p class="status" role="status">
            {move || state.status.get()}
            {move || state.progress.get().map(|p| match p {
                // In whole percent: formatting a float would add its code to the page.
                Some(x) => view! { <progress max="100" value=((x * 100.0).round() as u32).to_string() aria-label="Progress"></progress> }.into_any(),
                None => view! { <progress aria-label="Progress"></progress> }.into_any(),
            })}
        </p>
        {move || state.missing.get().map(|h| { let shown = h.clone(); view! {
            <div class="notice missing" role="alert" data-missing-doc=h>
                <p>
                    "هذا الرابط لمستند غير محفوظ في هذا المتصفح · This link is to a document this browser does not hold ("
                    <code dir="ltr">{shown}</code>
                    "). Open the file it was made from to see the linked view; until then the default session is shown."
                </p>
                <button on:click=move |_| browser::click("[data-open-file]")>"فتح الملف · Open the file…"</button>
            </div>
        }})}
    }
}
