//! The filters applied: which resolutions the view shows, and which of their paragraphs match.
//! Every paragraph is normalised once per document ([`Index`]), so that a keystroke only compares.

use super::query::Query;
use super::search::{Search, Searched};
use crate::lexicon::gazetteer;
use crate::model::{Document, OperativeClause, Preambular, Resolution, VerbCategory};
use crate::text::normalize;

/// Does region `slug` stand for `target` or a place inside it (the gazetteer's hierarchy)?
pub(super) fn within(slug: &str, target: &str) -> bool {
    if slug == target {
        return true;
    }
    let g = gazetteer();
    match (g.slug(slug), g.slug(target)) {
        (Some(s), Some(t)) => g.ancestors(s).contains(&t),
        _ => false,
    }
}

/// What a filter does to one resolution: shown or not, and which clauses match.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ResolutionMatch {
    pub index: usize,
    /// For each operative clause: does it match the verb / region / text filters?
    pub operative: Vec<bool>,
    /// For each preambular paragraph.
    pub preamble: Vec<bool>,
}

fn clause_texts(c: &OperativeClause) -> impl Iterator<Item = &str> {
    std::iter::once(c.text.as_str()).chain(c.items.iter().map(|i| i.text.as_str()))
}

/// Every paragraph's text normalised once per document, so that a search keystroke only compares.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Index {
    pub resolutions: Vec<ResolutionIndex>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ResolutionIndex {
    pub title: String,
    pub preamble: Vec<String>,
    /// For each operative clause: its text, then its items'.
    pub operative: Vec<Vec<String>>,
}

impl Index {
    pub fn new(doc: &Document) -> Index {
        Index {
            resolutions: doc.resolutions.iter().map(ResolutionIndex::new).collect(),
        }
    }
}

impl ResolutionIndex {
    /// One resolution's texts, normalised (the viewer indexes a large document as its
    /// resolutions arrive from the background parser, a batch at a time).
    pub fn new(r: &crate::model::Resolution) -> ResolutionIndex {
        ResolutionIndex {
            title: normalize(&r.title),
            preamble: r.preamble.iter().map(|p| normalize(&p.text)).collect(),
            operative: r
                .operative
                .iter()
                .map(|c| clause_texts(c).map(normalize).collect())
                .collect(),
        }
    }
}

/// The resolutions the view shows, in document order, with the clauses that match.
pub fn apply(doc: &Document, q: &Query) -> Vec<ResolutionMatch> {
    apply_indexed(doc, &Index::new(doc), q)
}

/// Does the resolution pass the region filter: about one of `regions` (or, with `mentions`,
/// naming one anywhere)? Regions of a kind combine with OR.
pub(super) fn region_fits(r: &Resolution, regions: &[String], mentions: bool) -> bool {
    regions.is_empty()
        || regions.iter().any(|t| {
            // `regions` already holds the broader regions of the places a resolution is about; a
            // place it only dwells on does not roll up (Niger in a Boko Haram resolution does not
            // make it a Sahel resolution).
            r.regions.iter().any(|g| g.slug == *t) || (mentions && mentions_region(r, t))
        })
}

/// Does one of its operative clauses open or go on with a verb of one of `verbs`?
pub(super) fn verb_fits(r: &Resolution, verbs: &[VerbCategory]) -> bool {
    verbs.is_empty()
        || r.operative.iter().any(|c| {
            c.verbs
                .iter()
                .any(|v| v.category.is_some_and(|k| verbs.contains(&k)))
        })
}

/// Does one of its paragraphs (or its title) hold every word of the search?
pub(super) fn text_fits(r: &Resolution, ri: &ResolutionIndex, search: &Search) -> bool {
    search.is_empty()
        || search.matches(Searched::text(&ri.title))
        || r.preamble
            .iter()
            .enumerate()
            .any(|(k, p)| preamble_text_fits(p, ri, k, search))
        || (0..r.operative.len()).any(|k| clause_text_fits(r, ri, k, search))
}

fn preamble_text_fits(p: &Preambular, ri: &ResolutionIndex, k: usize, search: &Search) -> bool {
    ri.preamble.get(k).is_some_and(|norm| {
        search.matches(Searched {
            norm,
            verbs: &[],
            places: &p.regions,
        })
    })
}

/// Does operative clause `k`, or one of its items, hold every word of the search?
fn clause_text_fits(r: &Resolution, ri: &ResolutionIndex, k: usize, search: &Search) -> bool {
    let (Some(c), Some(norms)) = (r.operative.get(k), ri.operative.get(k)) else {
        return false;
    };
    let paragraphs = std::iter::once((&c.verbs, &c.regions))
        .chain(c.items.iter().map(|i| (&i.verbs, &i.regions)));
    norms.iter().zip(paragraphs).any(|(norm, (verbs, places))| {
        search.matches(Searched {
            norm,
            verbs,
            places,
        })
    })
}

/// [`apply`] with the document's [`Index`] at hand.
pub fn apply_indexed(doc: &Document, idx: &Index, q: &Query) -> Vec<ResolutionMatch> {
    let search = Search::new(&q.q);
    let empty = ResolutionIndex::default();
    let mut out = Vec::new();
    for (index, r) in doc.resolutions.iter().enumerate() {
        let ri = idx.resolutions.get(index).unwrap_or(&empty);
        if q.res.as_ref().is_some_and(|id| *id != r.id) {
            continue;
        }
        if !(region_fits(r, &q.regions, q.mentions)
            && verb_fits(r, &q.verbs)
            && text_fits(r, ri, &search))
        {
            continue;
        }
        let clause_match = |(k, c): (usize, &OperativeClause)| {
            let v = q.verbs.is_empty()
                || c.verbs
                    .iter()
                    .chain(c.items.iter().flat_map(|i| &i.verbs))
                    .any(|v| v.category.is_some_and(|k| q.verbs.contains(&k)));
            let g = q.regions.is_empty()
                || c.regions
                    .iter()
                    .chain(c.items.iter().flat_map(|i| &i.regions))
                    .any(|m| q.regions.iter().any(|t| within(&m.slug, t)));
            v && g && (search.is_empty() || clause_text_fits(r, ri, k, &search))
        };
        let operative = r.operative.iter().enumerate().map(clause_match).collect();
        let preamble = r
            .preamble
            .iter()
            .enumerate()
            .map(|(k, p)| {
                q.verbs.is_empty()
                    && (q.regions.is_empty()
                        || p.regions
                            .iter()
                            .any(|m| q.regions.iter().any(|t| within(&m.slug, t))))
                    && (search.is_empty() || preamble_text_fits(p, ri, k, &search))
            })
            .collect();
        out.push(ResolutionMatch {
            index,
            operative,
            preamble,
        });
    }
    out
}

pub(super) fn mentions_region(r: &Resolution, target: &str) -> bool {
    let para = r.preamble.iter().flat_map(|p| &p.regions);
    let ops = r.operative.iter().flat_map(|c| {
        c.regions
            .iter()
            .chain(c.items.iter().flat_map(|i| &i.regions))
    });
    para.chain(ops).any(|m| within(&m.slug, target))
}
