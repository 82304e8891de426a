//! The open session, as its cover names it.

use leptos::prelude::*;

use crate::app::state::use_state;

#[component]
pub fn SessionHeader() -> impl IntoView {
    let state = use_state();
    move || {
        let l = state.loaded.get();
        let s = &l.doc.session;
        let meta = crate::view::session_meta(s);
        view! {
            <div class="masthead">
                <p class="brand">"قرار · " <span lang="en">"Qarar"</span></p>
                <p class="tagline">
                    "قرارات مجلس وزراء خارجية منظمة التعاون الإسلامي، مقروءة ومفهرسة · "
                    <span lang="en">"the resolutions of the OIC Council of Foreign Ministers, read and indexed in your browser"</span>
                </p>
            </div>
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
