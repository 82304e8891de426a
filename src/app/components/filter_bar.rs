//! The filters, kept in view while the list scrolls: search, region, mentions, the active
//! regions, the verb categories, the counter and the view's tools.

use leptos::prelude::*;

use super::{ActiveRegions, MentionsToggle, RegionPicker, SearchBox, VerbChips, ViewTools};
use crate::app::state::use_state;

#[component]
pub fn FilterBar() -> impl IntoView {
    let state = use_state();
    let ignored = move || {
        let ignored = state.query.with(|q| q.ignored.clone());
        (!ignored.is_empty()).then(|| {
            view! { <p class="notice">"تجاهلنا في الرابط · Ignored in the link: " {ignored.join(", ")}</p> }
        })
    };
    view! {
        <section class="filters" aria-label="Filters">
            <div class="row">
                <SearchBox />
                <RegionPicker />
                <MentionsToggle />
            </div>
            <ActiveRegions />
            <VerbChips />
            <ViewTools />
            {ignored}
        </section>
    }
}
