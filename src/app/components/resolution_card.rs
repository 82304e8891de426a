//! One resolution: its id (a link to it alone), title, places and verb counts, preamble (folded
//! while a filter is on) and operative clauses, matching clauses emphasised.

use leptos::prelude::*;

use super::paragraph_text::{ParaAt, ParagraphText};
use super::CiteButton;
use crate::app::clause_anchor;
use crate::app::state::use_state;
use crate::lexicon::gazetteer;
use crate::model::Resolution;
use crate::view::{self, Query};

/// `observer` measures the card for the windowed list while it is drawn.
#[component]
pub fn ResolutionCard(
    index: usize,
    observer: StoredValue<Option<web_sys::ResizeObserver>, LocalStorage>,
) -> impl IntoView {
    let state = use_state();
    let l = state.loaded.get_untracked();
    let Some(r) = l.doc.resolutions.get(index) else {
        return ().into_any();
    };
    let id = r.id.clone();
    // This card's clause states: cards whose state did not change are not touched.
    let mine = Memo::new(move |_| {
        state.matches.with(|ms| {
            ms.binary_search_by_key(&index, |m| m.index)
                .ok()
                .map(|k| (ms[k].operative.clone(), ms[k].preamble.clone()))
        })
    });
    let article = NodeRef::<leptos::html::Article>::new();
    article.on_load(move |el| {
        observer.with_value(|o| {
            if let Some(o) = o {
                o.observe(&el);
            }
        })
    });
    on_cleanup(move || {
        if let Some(el) = article.get_untracked() {
            observer.with_value(|o| {
                if let Some(o) = o {
                    o.unobserve(&el);
                }
            })
        }
    });
    // The clause the URL points at, when it is one of this resolution's.
    let target = {
        let id = id.clone();
        Memo::new(move |_| {
            state.query.with(|q| {
                (q.res.as_deref() == Some(id.as_str()))
                    .then(|| q.clause.clone())
                    .flatten()
            })
        })
    };
    let on = move |operative: bool, i: usize| {
        mine.with(|m| {
            m.as_ref()
                .and_then(|(o, p)| if operative { o.get(i) } else { p.get(i) }.copied())
                .unwrap_or(true)
        })
    };
    let filtering = state.filtering;
    let is_target = move |clause: &str| target.with(|t| t.as_deref() == Some(clause));

    let preamble: Vec<_> = (0..r.preamble.len())
        .map(|i| {
            let p = &r.preamble[i];
            let clause = format!("pre{}", i + 1);
            let (c2, anchor) = (clause.clone(), clause_anchor(&id, &clause));
            view! {
                <p class="preambular" class:dim=move || filtering.get() && !on(false, i)
                    class:target=move || is_target(&c2) id=anchor>
                    {p.opening.as_ref().filter(|o| !o.gloss.is_empty()).map(|o| view! { <span class="opening-gloss" dir="ltr" lang="en">{o.gloss.to_string()}</span> })}
                    <ParagraphText at=ParaAt::Preamble(index, i) />
                    <CiteButton res=id.clone() clause=clause />
                </p>
            }
        })
        .collect();
    let operative: Vec<_> = (0..r.operative.len())
        .map(|i| {
            let c = &r.operative[i];
            let clause = format!("op{}", i + 1);
            let (c2, anchor) = (clause.clone(), clause_anchor(&id, &clause));
            let items: Vec<_> = (0..c.items.len())
                .map(|k| view! {
                    <li><span class="label">{c.items[k].label.clone().unwrap_or_default()}</span> " " <ParagraphText at=ParaAt::Item(index, i, k) /></li>
                })
                .collect();
            view! {
                <li class="clause" class:match=move || filtering.get() && on(true, i) class:dim=move || filtering.get() && !on(true, i)
                    class:target=move || is_target(&c2) id=anchor>
                    <span class="label">{c.label.clone().unwrap_or_default()}</span> " "
                    <ParagraphText at=ParaAt::Clause(index, i) />
                    <CiteButton res=id.clone() clause=clause />
                    <ul class="items">{items}</ul>
                </li>
            }
        })
        .collect();
    let href = Query {
        res: Some(id.clone()),
        ..Query::default()
    }
    .to_search();
    let id_click = id.clone();
    let open_alone = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        let id = id_click.clone();
        state.change(
            move |q| {
                q.res = Some(id.clone());
                q.clause = None;
            },
            true,
        )
    };
    let preamble_open = move || {
        !filtering.get() || target.with(|t| t.as_deref().is_some_and(|t| t.starts_with("pre")))
    };
    view! {
        <article class="resolution" class:incomplete=r.incomplete data-resolution=id.clone()
            data-index=index node_ref=article>
            <h2>
                <a class="id" href=href on:click=open_alone>{format!("قرار {}", r.id)}</a>
                " " <span class="title"><ParagraphText at=ParaAt::Title(index) /></span>
            </h2>
            {r.toc_title.clone().map(|t| view! { <p class="toc-title">"في الفهرس: " {t}</p> })}
            <div class="badges">{badges(r)}</div>
            {r.incomplete.then(|| view! { <p class="warn">"يبدو أن هذا القرار مبتور · This resolution looks cut off"</p> })}
            <details class="preamble" prop:open=preamble_open>
                <summary>{format!("الديباجة ({}) · Preamble", r.preamble.len())}</summary>
                {preamble}
            </details>
            <ol class="operative">{operative}</ol>
        </article>
    }
    .into_any()
}

/// The places a resolution is about (the broad regions they roll up to stay in the filter) and
/// its verb categories with how many clauses each opens.
fn badges(r: &Resolution) -> impl IntoView {
    let g = gazetteer();
    let places: Vec<_> = r
        .regions
        .iter()
        .filter(|x| !x.primary || g.slug(&x.slug).is_some_and(|i| !g.regions[i].kind.is_broad()))
        .map(|x| {
            let name = g
                .slug(&x.slug)
                .map_or_else(|| x.slug.to_string(), |i| g.regions[i].english.clone());
            view! { <span class="badge" class:primary=x.primary data-badge-region=x.slug.to_string()>{name}</span> }
        })
        .collect();
    let counts: Vec<_> = view::resolution_verb_counts(r)
        .into_iter()
        .map(|(c, n)| view! { <span class=format!("count verb-{}", c.slug()) title=c.label_en()>{c.label_ar()} " " {n}</span> })
        .collect();
    (places, counts)
}
