//! The counts beside each control: how many resolutions a region or a verb category holds.

use std::collections::BTreeMap;

use crate::lexicon::gazetteer;
use crate::model::{Document, RegionKind, Resolution, VerbCategory};

/// For each region a reader can pick: how many resolutions the filter would show.
pub fn region_counts(doc: &Document, mentions: bool) -> Vec<(String, usize)> {
    let g = gazetteer();
    let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
    for r in &doc.resolutions {
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
        for i in here {
            *counts.entry(i).or_default() += 1;
        }
    }
    // Broad regions first, then by count.
    let rank = |k: RegionKind| match k {
        RegionKind::Continent => 0,
        RegionKind::Subregion => 1,
        _ => 2,
    };
    let mut v: Vec<(usize, usize)> = counts.into_iter().collect();
    v.sort_by(|a, b| {
        rank(g.regions[a.0].kind)
            .cmp(&rank(g.regions[b.0].kind))
            .then(b.1.cmp(&a.1))
            .then(g.regions[a.0].english.cmp(&g.regions[b.0].english))
    });
    v.into_iter()
        .map(|(i, n)| (g.regions[i].slug.to_string(), n))
        .collect()
}

/// For each verb category: how many resolutions use it in an operative clause.
pub fn verb_counts(doc: &Document) -> Vec<(VerbCategory, usize)> {
    // One pass, each resolution's categories as bits (eleven passes with string comparisons
    // took 50 ms on a 50 MB document).
    let mut counts = [0usize; VerbCategory::ALL.len()];
    for r in &doc.resolutions {
        let mut seen = 0u32;
        for v in r.operative.iter().flat_map(|o| &o.verbs) {
            if let Some(c) = v.category {
                seen |= 1 << c.index();
            }
        }
        for (i, n) in counts.iter_mut().enumerate() {
            if seen & (1 << i) != 0 {
                *n += 1;
            }
        }
    }
    VerbCategory::ALL.into_iter().zip(counts).collect()
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
