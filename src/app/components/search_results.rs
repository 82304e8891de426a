//! What the search found: how many paragraphs, in how many resolutions, and a list of them with
//! a stretch of text around the first hit, each a link to its paragraph.

use leptos::prelude::*;

use crate::app::state::use_state;
use crate::view::Query;

/// Paragraphs listed before "show all" (the count is always whole).
const FIRST: usize = 50;

#[component]
pub fn SearchResults() -> impl IntoView {
    let state = use_state();
    let all = RwSignal::new(false);
    let found = Memo::new(move |_| {
        if state.search.with(|s| s.is_empty()) {
            return None;
        }
        let limit = if all.get() { usize::MAX } else { FIRST };
        let l = state.loaded.get();
        let shown: Vec<usize> = state
            .matches
            .with(|ms| ms.iter().map(|m| m.index).collect());
        let (rows, total) = state
            .search
            .with(|s| s.found(&l.doc, l.index(), &shown, limit));
        let rows: Vec<(String, String, usize, String)> = rows
            .into_iter()
            .filter_map(|f| {
                let id = l.doc.resolutions.get(f.index)?.id.clone();
                Some((id, f.clause, f.hits, f.snippet))
            })
            .collect();
        Some((rows, total, shown.len()))
    });
    let row = move |(id, clause, hits, snippet): (String, String, usize, String)| {
        let q = Query {
            clause: (clause != "title").then(|| clause.clone()),
            ..Query::of_resolution(state.query.with_untracked(|q| q.doc.clone()), id.clone())
        };
        let href = q.to_search();
        let go = move |ev: leptos::ev::MouseEvent| {
            ev.prevent_default();
            let q = q.clone();
            state.change(
                move |now| {
                    now.res = q.res.clone();
                    now.clause = q.clause.clone();
                },
                true,
            );
        };
        // Clause ids are `title`, `opN` or `preN` (view::search); read by their prefix, so that
        // an id of another shape is shown as it is rather than cut at a byte it does not have.
        let place = match clause.as_str() {
            "title" => "العنوان · title".to_string(),
            c => match (c.strip_prefix("op"), c.strip_prefix("pre")) {
                (Some(n), _) => format!("الفقرة {n} · op. {n}"),
                (_, Some(n)) => format!("الديباجة {n} · pre. {n}"),
                _ => c.to_string(),
            },
        };
        view! {
            <li>
                <a href=href on:click=go data-found=format!("{id}|{clause}")>
                    <bdi class="id">{id.clone()}</bdi> " " <span class="where">{place}</span>
                </a>
                " " <span class="n" title="hits">{format!("×{hits}")}</span>
                <span class="snippet">{snippet}</span>
            </li>
        }
    };
    move || {
        found.get().map(|(rows, total, resolutions)| {
            let more = total.saturating_sub(rows.len());
            view! {
                <details class="found" open=true>
                    <summary data-found-total=total.to_string()>
                        {format!("وُجد في {total} فقرة من {resolutions} قرار · ")}
                        <span lang="en">{format!("found in {total} paragraphs of {resolutions} resolutions")}</span>
                    </summary>
                    <ol>{rows.into_iter().map(row).collect_view()}</ol>
                    {(more > 0).then(|| view! {
                        <button class="more" on:click=move |_| all.set(true)>{format!("عرض الكل · Show {more} more")}</button>
                    })}
                </details>
            }
        })
    }
}
