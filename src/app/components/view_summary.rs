//! The compact line that stays at the top of the screen: how many resolutions the view shows,
//! the filters that are on (each a button that takes it off), clear, and — on a phone — the
//! button that opens the filters.

use leptos::prelude::*;

use super::ActiveRegions;
use crate::app::browser::page_base;
use crate::app::state::use_state;
use crate::model::VerbCategory;
use crate::view::labels::shown_of;

#[component]
pub fn ViewSummary(open: RwSignal<bool>) -> impl IntoView {
    let state = use_state();
    let counts = move || {
        (
            state.matches.with(Vec::len),
            state.loaded.with(|l| l.doc.resolutions.len()),
        )
    };
    let counter = move || {
        let (n, t) = counts();
        let (own, english) = shown_of(state.loaded.with(|l| l.doc.language), n, t);
        view! { <bdi>{own}</bdi> {english.map(|en| view! { " · " <span lang="en">{en}</span> })} }
    };
    let active_verbs = move || {
        state.query.with(|q| q.verbs.clone()).into_iter().map(|c: VerbCategory| {
            // Each chip's name begins with its visible text (WCAG 2.5.3, Label in Name).
            let aria = format!("{} · {} × — remove this kind of verb", c.label_ar(), c.label_en());
            view! {
                <button class=format!("chip active verb-{}", c.slug()) data-active-verb=c.slug() aria-label=aria
                    on:click=move |_| state.change(move |q| q.verbs.retain(|v| *v != c), true)>
                    {c.label_ar()} " · " <span lang="en">{c.label_en()}</span> " ×"
                </button>
            }
        }).collect_view()
    };
    let words = move || {
        let q = state.query.with(|q| q.q.clone());
        let aria = format!("«{q}» × — clear the search");
        (!q.trim().is_empty()).then(|| view! {
            <button class="chip active" aria-label=aria on:click=move |_| state.change(|q| q.q.clear(), true)>
                "«" <bdi>{q}</bdi> "» ×"
            </button>
        })
    };
    // One resolution open: its versions in the other kept sessions (scope=all with res=).
    let versions = move || {
        state.query.with(|q| q.res.is_some() && !q.all_sessions).then(|| {
            view! { <button class="versions" data-versions="" on:click=move |_| state.change(|q| q.all_sessions = true, true)>
                "صيغه في الدورات الأخرى · " <span lang="en">"Its versions in other sessions"</span></button> }
        })
    };
    let clear = move || {
        state.query.with(|q| q.filtering() || q.res.is_some()).then(|| {
            view! { <button class="clear" on:click=move |_| state.clear_filters()>"مسح · " <span lang="en">"Clear"</span></button> }
        })
    };
    let active = move || {
        state
            .query
            .with(|q| q.regions.len() + q.verbs.len() + usize::from(!q.q.trim().is_empty()))
    };
    // On paper, the link to this view, written out (a printed page cannot be clicked).
    let link = move || format!("{}{}", page_base(), state.query.with(|q| q.to_search()));
    view! {
        <div class="summary">
            <p class="print-only" data-print-link="">{link}</p>
            <p class="counter" aria-live="polite"
                data-shown=move || counts().0.to_string()
                data-total=move || counts().1.to_string()
                data-query=move || state.query.with(|q| q.q.clone())>{counter}</p>
            <ActiveRegions />
            {active_verbs}
            {versions}
            {words}
            {clear}
            <button class="filters-toggle" aria-controls="filter-panel" aria-expanded=move || open.get().to_string()
                on:click=move |_| {
                    open.update(|o| *o = !*o);
                    // Opened: the reader is taken to the first control in it.
                    if open.get_untracked() {
                        crate::app::browser::after_paint(|| crate::app::browser::focus("#search"));
                    }
                }>
                "المرشحات · " <span lang="en">"Filters"</span>
                {move || (active() > 0).then(|| format!(" ({})", active()))}
            </button>
        </div>
    }
}
