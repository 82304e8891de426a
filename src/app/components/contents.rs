//! The contents of the view: every resolution it shows, by id and title, each a link that brings
//! it into view (the list draws only what is near the viewport, so this is the way to reach any
//! of them directly). Drawn only while open; a very long list a thousand rows at a time.

use leptos::prelude::*;

use crate::app::state::use_state;
use crate::view::Query;

/// Rows drawn before "show all".
const FIRST: usize = 1000;

#[component]
pub fn Contents() -> impl IntoView {
    let state = use_state();
    let open = RwSignal::new(false);
    let all = RwSignal::new(false);
    let rows = move || {
        if !open.get() {
            return None;
        }
        let limit = if all.get() { usize::MAX } else { FIRST };
        let l = state.loaded.get();
        let items: Vec<_> = state.matches.with(|ms| {
            ms.iter()
                .take(limit)
                .filter_map(|m| {
                    let r = l.doc.resolutions.get(m.index)?;
                    let matching = m.operative.iter().filter(|&&x| x).count();
                    Some((m.index, r.id.clone(), r.title.clone(), matching))
                })
                .collect()
        });
        let more = state.matches.with(Vec::len).saturating_sub(limit);
        let filtering = state.filtering.get();
        let rows: Vec<_> = items
            .into_iter()
            .map(|(index, id, title, matching)| {
                let doc = state.query.with_untracked(|q| q.doc.clone());
                let href = Query::of_resolution(doc, id.clone()).to_search();
                let jump = move |ev: leptos::ev::MouseEvent| {
                    ev.prevent_default();
                    state.jump.set(Some(index));
                };
                let res = id.clone();
                view! {
                    <li>
                        <a href=href data-res=res on:click=jump>
                            <bdi class="id">{id}</bdi> " " {title}
                        </a>
                        {filtering.then(|| view! { <span class="n" title="Matching clauses">{matching}</span> })}
                    </li>
                }
            })
            .collect();
        Some(view! {
            <ol>{rows}</ol>
            {(more > 0).then(|| view! {
                <button class="more" on:click=move |_| all.set(true)>{format!("عرض الكل · Show {more} more")}</button>
            })}
        })
    };
    view! {
        <details class="contents" data-contents="" on:toggle=move |ev| {
            let el: web_sys::HtmlDetailsElement = event_target(&ev);
            open.set(el.open());
        }>
            <summary>
                "المحتويات · Contents (" {move || state.matches.with(Vec::len)} ")"
            </summary>
            {rows}
        </details>
    }
}
