//! A paragraph's text as the reader sees it: its verbs marked by category, the places it names,
//! the search's hits; all as text nodes, cut where [`crate::view::marks`] says.

use std::sync::Arc;

use leptos::prelude::*;

use crate::app::state::{use_state, Loaded};
use crate::lexicon::gazetteer;
use crate::model::SourceRuns;
use crate::view::marks::{segments, verb_label, Paragraph, Segment};
use crate::view::{Search, Searched};

/// Which paragraph of the open document: indices of the resolution, paragraph and item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParaAt {
    Title(usize),
    Preamble(usize, usize),
    Clause(usize, usize),
    Item(usize, usize, usize),
}

/// A title has no runs: nothing but search hits is marked in it.
static NO_RUNS: SourceRuns = SourceRuns(Vec::new());

impl Loaded {
    /// The paragraph at `at`.
    fn paragraph(&self, at: ParaAt) -> Option<Paragraph<'_>> {
        let res = |r: usize| self.doc.resolutions.get(r);
        Some(match at {
            ParaAt::Title(r) => Paragraph {
                text: &res(r)?.title,
                runs: &NO_RUNS,
                verbs: &[],
                places: &[],
            },
            ParaAt::Preamble(r, i) => {
                let x = res(r)?.preamble.get(i)?;
                Paragraph {
                    text: &x.text,
                    runs: &x.runs,
                    verbs: &[],
                    places: &x.regions,
                }
            }
            ParaAt::Clause(r, i) => {
                let c = res(r)?.operative.get(i)?;
                Paragraph {
                    text: &c.text,
                    runs: &c.runs,
                    verbs: &c.verbs,
                    places: &c.regions,
                }
            }
            ParaAt::Item(r, i, k) => {
                let it = res(r)?.operative.get(i)?.items.get(k)?;
                Paragraph {
                    text: &it.text,
                    runs: &it.runs,
                    verbs: &it.verbs,
                    places: &it.regions,
                }
            }
        })
    }

    /// The paragraph's text as search matches it (normalised; from the search index).
    fn searchable(&self, at: ParaAt) -> &str {
        let Some(ri) = self.index().resolutions.get(match at {
            ParaAt::Title(r)
            | ParaAt::Preamble(r, _)
            | ParaAt::Clause(r, _)
            | ParaAt::Item(r, _, _) => r,
        }) else {
            return "";
        };
        let text = match at {
            ParaAt::Title(_) => Some(&ri.title),
            ParaAt::Preamble(_, i) => ri.preamble.get(i),
            ParaAt::Clause(_, i) => ri.operative.get(i).and_then(|n| n.first()),
            ParaAt::Item(_, i, k) => ri.operative.get(i).and_then(|n| n.get(k + 1)),
        };
        text.map_or("", String::as_str)
    }
}

/// The paragraph's text, cut again only when the search's hits in it change.
#[component]
pub fn ParagraphText(at: ParaAt) -> impl IntoView {
    let state = use_state();
    // The card that holds this paragraph is drawn for one document: keep it.
    let l: Arc<Loaded> = state.loaded.get_untracked();
    let plain = l
        .paragraph(at)
        .map(|p| segments(p, &Search::default()))
        .unwrap_or_default();
    let doc = l.clone();
    let cut = Memo::new(move |_| {
        state.search.with(|search| match doc.paragraph(at) {
            Some(p)
                if !search.is_empty()
                    && search.matches(Searched {
                        norm: doc.searchable(at),
                        verbs: p.verbs,
                        places: p.places,
                    }) =>
            {
                segments(p, search)
            }
            _ => plain.clone(),
        })
    });
    move || cut.with(|segs| draw(&l, at, segs))
}

fn draw(l: &Loaded, at: ParaAt, segs: &[Segment]) -> AnyView {
    let Some(p) = l.paragraph(at) else {
        return ().into_any();
    };
    let text = p.text;
    segs.iter()
        .map(|s| match s {
            Segment::Text(r) => text[r.clone()].to_string().into_any(),
            Segment::Hit(r) => view! { <mark class="hit">{text[r.clone()].to_string()}</mark> }.into_any(),
            Segment::Verb { index, range, hits } => {
                let v = &p.verbs[*index];
                let (category, label) = verb_label(v);
                let aria = format!("{} ({label})", &text[range.clone()]);
                view! {
                    <mark class=format!("verb verb-{category}") data-verb=category data-gloss=v.gloss.to_string()
                        title=label aria-label=aria tabindex="-1" data-stop="">{with_hits(text, range, hits)}</mark>
                }
                .into_any()
            }
            Segment::Place { index, range, hits } => {
                let slug = p.places[*index].slug.to_string();
                let g = gazetteer();
                let name = g.slug(&slug).map(|i| g.regions[i].english.clone()).unwrap_or_default();
                view! { <span class="place" data-place=slug title=name>{with_hits(text, range, hits)}</span> }
                    .into_any()
            }
        })
        .collect_view()
        .into_any()
}

/// The text of `range`, with the search's hits inside it marked.
fn with_hits(
    text: &str,
    range: &std::ops::Range<usize>,
    hits: &[std::ops::Range<usize>],
) -> AnyView {
    let mut parts = Vec::new();
    let mut at = range.start;
    for h in hits {
        if at < h.start {
            parts.push(text[at..h.start].to_string().into_any());
        }
        parts.push(view! { <mark class="hit">{text[h.clone()].to_string()}</mark> }.into_any());
        at = h.end;
    }
    if at < range.end {
        parts.push(text[at..range.end].to_string().into_any());
    }
    parts.collect_view().into_any()
}
