//! The filters applied: which resolutions the view shows, and which of their paragraphs match.
//! Every paragraph is normalised once per document ([`Index`]), so that a keystroke only compares.

use super::query::Query;
use super::search::search_needle;
use crate::lexicon::gazetteer;
use crate::model::{Document, OperativeClause, Resolution};
use crate::text::normalize;

/// Does region `slug` stand for `target` or a place inside it (the gazetteer's hierarchy)?
fn within(slug: &str, target: &str) -> bool {
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

/// [`apply`] with the document's [`Index`] at hand.
pub fn apply_indexed(doc: &Document, idx: &Index, q: &Query) -> Vec<ResolutionMatch> {
    let needle = search_needle(&q.q);
    let needle = needle.as_str();
    let empty = ResolutionIndex::default();
    let mut out = Vec::new();
    for (index, r) in doc.resolutions.iter().enumerate() {
        let ri = idx.resolutions.get(index).unwrap_or(&empty);
        if q.res.as_ref().is_some_and(|id| *id != r.id) {
            continue;
        }
        // Regions: what the resolution is about, or (with `mentions`) any mention.
        let region_ok = q.regions.is_empty()
            || q.regions.iter().any(|t| {
                // `regions` already holds the broader regions of the places a resolution is about;
                // a place it only dwells on does not roll up (Niger in a Boko Haram resolution
                // does not make it a Sahel resolution).
                r.regions.iter().any(|g| g.slug == *t) || (q.mentions && mentions_region(r, t))
            });
        let verb_ok = q.verbs.is_empty()
            || r.operative.iter().any(|c| {
                c.verbs
                    .iter()
                    .any(|v| v.category.is_some_and(|k| q.verbs.contains(&k)))
            });
        let text_ok = needle.is_empty()
            || ri.title.contains(needle)
            || ri.preamble.iter().any(|t| t.contains(needle))
            || ri.operative.iter().flatten().any(|t| t.contains(needle));
        if !(region_ok && verb_ok && text_ok) {
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
            let t = needle.is_empty()
                || ri
                    .operative
                    .get(k)
                    .is_some_and(|ts| ts.iter().any(|s| s.contains(needle)));
            v && g && t
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
                    && (needle.is_empty() || ri.preamble.get(k).is_some_and(|t| t.contains(needle)))
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

fn mentions_region(r: &Resolution, target: &str) -> bool {
    let para = r.preamble.iter().flat_map(|p| &p.regions);
    let ops = r.operative.iter().flat_map(|c| {
        c.regions
            .iter()
            .chain(c.items.iter().flat_map(|i| &i.regions))
    });
    para.chain(ops).any(|m| within(&m.slug, target))
}
