//! The region control: the gazetteer's places the document holds, broadest first, each with how
//! many resolutions choosing it would show.

use leptos::prelude::*;

use crate::app::state::use_state;
use crate::lexicon::gazetteer;
use crate::model::RegionKind;

/// The groups of the list, in order; places of the kinds not named go under "other places".
const GROUPS: [RegionKind; 3] = [
    RegionKind::Continent,
    RegionKind::Subregion,
    RegionKind::Member,
];

#[component]
pub fn RegionPicker() -> impl IntoView {
    let state = use_state();
    // What each place would show with it added to the other filters.
    let options = Memo::new(move |_| state.facets.with(|f| f.regions.clone()));
    let group = move |kind: Option<RegionKind>| {
        // Asked for here, not when the control is made: the page's first paint does not wait for
        // the gazetteer to be built.
        let g = gazetteer();
        let heading = match kind {
            Some(k) => format!("{} · {}", k.label_ar(), k.label_en()),
            None => "أماكن أخرى · Other places".to_string(),
        };
        let items: Vec<_> = options.with(|all| {
            all.iter()
                .filter(|(slug, _)| {
                    let k = g.slug(slug).map(|i| g.regions[i].kind);
                    match kind {
                        Some(kind) => k == Some(kind),
                        None => !k.is_some_and(|k| GROUPS.contains(&k)),
                    }
                })
                .map(|(slug, n)| {
                    let label = g.slug(slug).map_or_else(
                        || slug.clone(),
                        |i| format!("{} · {} ({n})", g.regions[i].names[0], g.regions[i].english),
                    );
                    // An option that would show nothing is there, and cannot be chosen.
                    view! { <option value=slug.clone() data-region=slug.clone() disabled=*n == 0>{label}</option> }
                })
                .collect()
        });
        view! { <optgroup label=heading>{items}</optgroup> }
    };
    view! {
        <select
            aria-label="Region"
            on:change=move |ev| {
                let v = event_target_value(&ev);
                if !v.is_empty() {
                    state.change(move |q| if !q.regions.contains(&v) { q.regions.push(v.clone()) }, true);
                }
            }
            prop:value=""
        >
            <option value="">"المنطقة · Region…"</option>
            {move || {
                GROUPS.into_iter().map(Some).chain([None]).map(group).collect_view()
            }}
        </select>
    }
}
