//! Tags: a pass over the finished document (the parser has found every region mention, each a
//! span on its paragraph) that settles each resolution's regions — the places it is about (named in its title, with the broader regions they
//! belong to) and the places it dwells on (named [`DWELL`] times or more). A place named once in
//! passing stays a mention on its clause.

use crate::lexicon::{gazetteer, Gazetteer};
use crate::model::{Document, RegionMention, ResolutionRegion};
use crate::text::normalize;
use crate::text::words::words;

/// How many mentions make a place one the resolution dwells on.
pub const DWELL: u32 = 4;

/// Tags `doc` in place.
pub fn tag(doc: &mut Document) {
    let g = gazetteer();
    for r in &mut doc.resolutions {
        let mut counts = vec![0u32; g.regions.len()];
        let mut primary = vec![false; g.regions.len()];
        for idx in regions_in(g, &r.title) {
            primary[idx] = true;
            counts[idx] += 1;
        }
        let mut count = |ms: &[RegionMention]| {
            for m in ms {
                if let Some(i) = g.slug(&m.slug) {
                    counts[i] += 1;
                }
            }
        };
        for p in &r.preamble {
            count(&p.regions);
        }
        for c in &r.operative {
            count(&c.regions);
            for it in &c.items {
                count(&it.regions);
            }
        }
        // The places it is about, and those it dwells on …
        let mut chosen: Vec<(usize, bool)> = (0..g.regions.len())
            .filter(|&i| primary[i] || counts[i] >= DWELL)
            .map(|i| (i, primary[i]))
            .collect();
        // … and the broader regions of the places it is about (Mali → Sahel → Africa).
        for i in (0..g.regions.len()).filter(|&i| primary[i]) {
            for a in g.ancestors(i) {
                match chosen.iter_mut().find(|c| c.0 == a) {
                    Some(c) => c.1 = true,
                    None => chosen.push((a, true)),
                }
            }
        }
        chosen.sort_by(|a, b| {
            b.1.cmp(&a.1)
                .then(counts[b.0].cmp(&counts[a.0]))
                .then(a.0.cmp(&b.0))
        });
        r.regions = chosen
            .into_iter()
            .map(|(i, p)| ResolutionRegion {
                slug: g.regions[i].slug.into(),
                primary: p,
                mentions: counts[i],
            })
            .collect();
    }
}

/// The regions named in a plain text (a title).
pub fn regions_in(g: &Gazetteer, text: &str) -> Vec<usize> {
    let n = normalize(text);
    let ws = words(&n);
    let v: Vec<&str> = ws.iter().map(|w| &n[w.start..w.end]).collect();
    g.find(&v).into_iter().map(|h| h.region).collect()
}
