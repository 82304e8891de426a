//! The counts beside each control: how many resolutions a region or a verb category would show.

use std::collections::BTreeMap;

use super::filter::{region_fits, text_fits, verb_fits, Index, ResolutionIndex};
use super::query::Query;
use super::search::Search;
use crate::lexicon::gazetteer;
use crate::model::{Document, RegionKind, Resolution, VerbCategory};

/// The counts beside the controls, given the view: for each region and each verb category, how
/// many resolutions the view would hold with it added to the other filters. Within a kind, filters
/// combine with OR (a chip added widens the view); across kinds, with AND. A chosen one counts
/// what the view holds now. `index` is needed only while words are searched for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facets {
    /// Every region some resolution is about (or names, with `mentions`), broad ones first, then
    /// by how many resolutions are about them.
    pub regions: Vec<(String, usize)>,
    /// Every verb category, in the legend's order.
    pub verbs: Vec<(VerbCategory, usize)>,
}

pub fn facets(doc: &Document, index: &Index, q: &Query) -> Facets {
    let g = gazetteer();
    let search = Search::new(&q.q);
    let empty = ResolutionIndex::default();
    // Every place some resolution is about (or names, with `mentions`) is an option, counted or
    // not: an option at zero is shown disabled, not hidden.
    let mut regions: BTreeMap<usize, usize> = BTreeMap::new();
    // Resolutions that pass every filter count for every region option (adding a region widens
    // the view); the others, for the places they are about.
    let mut passing = 0;
    let mut verbs = [0usize; VerbCategory::ALL.len()];
    for (k, r) in doc.resolutions.iter().enumerate() {
        let here = places(r, q.mentions);
        for &i in &here {
            regions.entry(i).or_default();
        }
        let ri = index.resolutions.get(k).unwrap_or(&empty);
        if !text_fits(r, ri, &search) {
            continue;
        }
        let (region_ok, verb_ok) = (
            region_fits(r, &q.regions, q.mentions),
            verb_fits(r, &q.verbs),
        );
        if region_ok {
            // One pass, each resolution's categories as bits (eleven passes with string
            // comparisons took 50 ms on a 50 MB document).
            let has = categories(r);
            for (c, n) in VerbCategory::ALL.iter().zip(verbs.iter_mut()) {
                // With nothing chosen, a category narrows the view; with some, it widens it.
                if (verb_ok && !q.verbs.is_empty()) || has & (1 << c.index()) != 0 {
                    *n += 1;
                }
            }
        }
        if !verb_ok {
            continue;
        }
        if region_ok && !q.regions.is_empty() {
            passing += 1;
        } else {
            for i in here {
                *regions.entry(i).or_default() += 1;
            }
        }
    }
    for n in regions.values_mut() {
        *n += passing;
    }
    // Broad regions first, then by count.
    let rank = |k: RegionKind| match k {
        RegionKind::Continent => 0,
        RegionKind::Subregion => 1,
        _ => 2,
    };
    let mut v: Vec<(usize, usize)> = regions.into_iter().collect();
    v.sort_by(|a, b| {
        rank(g.regions[a.0].kind)
            .cmp(&rank(g.regions[b.0].kind))
            .then(b.1.cmp(&a.1))
            .then(g.regions[a.0].english.cmp(&g.regions[b.0].english))
    });
    Facets {
        regions: v
            .into_iter()
            .map(|(i, n)| (g.regions[i].slug.to_string(), n))
            .collect(),
        verbs: VerbCategory::ALL.into_iter().zip(verbs).collect(),
    }
}

/// The places (gazetteer indices) a resolution is about, with `mentions` every place it names and
/// the regions those belong to.
fn places(r: &Resolution, mentions: bool) -> Vec<usize> {
    let g = gazetteer();
    let mut here: Vec<usize> = r.regions.iter().filter_map(|x| g.slug(&x.slug)).collect();
    if mentions {
        let para = r.preamble.iter().flat_map(|p| &p.regions);
        let ops = r.operative.iter().flat_map(|c| {
            c.regions
                .iter()
                .chain(c.items.iter().flat_map(|i| &i.regions))
        });
        for i in para.chain(ops).filter_map(|m| g.slug(&m.slug)) {
            for j in std::iter::once(i).chain(g.ancestors(i)) {
                if !here.contains(&j) {
                    here.push(j);
                }
            }
        }
    }
    here
}

/// The categories of a resolution's operative verbs, as bits of [`VerbCategory::index`].
fn categories(r: &Resolution) -> u32 {
    r.operative
        .iter()
        .flat_map(|o| &o.verbs)
        .filter_map(|v| v.category)
        .fold(0, |bits, c| bits | 1 << c.index())
}

/// A resolution's verb categories with the number of clauses each opens.
pub fn resolution_verb_counts(r: &Resolution) -> Vec<(VerbCategory, usize)> {
    VerbCategory::ALL
        .into_iter()
        .map(|c| {
            (
                c,
                r.operative
                    .iter()
                    .filter(|o| o.verbs.iter().any(|v| v.category == Some(c)))
                    .count(),
            )
        })
        .filter(|(_, n)| *n > 0)
        .collect()
}
