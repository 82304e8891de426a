//! "Copy citation": a paragraph's reference as readers write it, with the link to it.

use leptos::prelude::*;

use crate::app::browser::{copy_text, page_base};
use crate::app::state::use_state;
use crate::view::{self, Query};

#[component]
pub fn CiteButton(res: String, clause: String) -> impl IntoView {
    let state = use_state();
    let aria = format!("Copy citation of {res} {clause}");
    let copy = move |_| {
        let q = Query {
            clause: Some(clause.clone()),
            ..Query::of_resolution(None, res.clone())
        };
        let link = format!("{}{}", page_base(), q.to_search());
        if let Some(c) = state
            .loaded
            .with_untracked(|l| view::citation(&l.doc, &res, &clause, &link))
        {
            copy_text(&c);
            state
                .status
                .set(format!("نُسخت الإحالة · Citation copied: {c}"));
        }
    };
    view! {
        // Reached with the arrow keys inside its card, not with Tab (one tab stop per card).
        <button class="cite" title="نسخ الإحالة · Copy citation" aria-label=aria tabindex="-1" data-stop="" on:click=copy>"❝"</button>
    }
}
