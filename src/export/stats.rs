//! A session in numbers (`qarar stats`): per verb category, how many resolutions use it and in how
//! many operative clauses; per region, how many resolutions are about it. The resolution counts
//! are the viewer's chips' counts with no filter on ([`crate::view::facets`]), so the two agree.

use serde::Serialize;

use crate::lexicon::gazetteer;
use crate::model::{Document, VerbCategory};
use crate::view::{facets, Index, Query};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Stats {
    pub resolutions: usize,
    pub clauses: usize,
    pub verbs: Vec<VerbStats>,
    pub regions: Vec<RegionStats>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VerbStats {
    pub category: VerbCategory,
    pub label: &'static str,
    pub resolutions: usize,
    /// Operative clauses with a verb of the category (in the clause or one of its sub-items).
    pub clauses: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RegionStats {
    pub slug: String,
    pub name: String,
    pub resolutions: usize,
}

pub fn stats(doc: &Document) -> Stats {
    let counts = facets(doc, &Index::default(), &Query::default());
    let mut clauses = [0usize; VerbCategory::ALL.len()];
    for c in doc.resolutions.iter().flat_map(|r| &r.operative) {
        let mut has = 0u32;
        for v in c.verbs.iter().chain(c.items.iter().flat_map(|i| &i.verbs)) {
            if let Some(k) = v.category {
                has |= 1 << k.index();
            }
        }
        for k in VerbCategory::ALL {
            if has & (1 << k.index()) != 0 {
                clauses[k.index()] += 1;
            }
        }
    }
    let g = gazetteer();
    Stats {
        resolutions: doc.resolutions.len(),
        clauses: doc.resolutions.iter().map(|r| r.operative.len()).sum(),
        verbs: counts
            .verbs
            .iter()
            .map(|&(category, resolutions)| VerbStats {
                category,
                label: category.label_en(),
                resolutions,
                clauses: clauses[category.index()],
            })
            .collect(),
        regions: counts
            .regions
            .iter()
            .map(|(slug, resolutions)| RegionStats {
                name: g
                    .slug(slug)
                    .map_or_else(|| slug.clone(), |k| g.regions[k].english.clone()),
                slug: slug.clone(),
                resolutions: *resolutions,
            })
            .collect(),
    }
}

impl Stats {
    /// The numbers as an aligned plain-text table, for a terminal.
    pub fn table(&self) -> String {
        let mut out = format!(
            "{} resolutions, {} operative clauses\n\n{:<14} {:>11} {:>8}\n",
            self.resolutions, self.clauses, "verb category", "resolutions", "clauses"
        );
        for v in &self.verbs {
            out.push_str(&format!(
                "{:<14} {:>11} {:>8}\n",
                v.category.slug(),
                v.resolutions,
                v.clauses
            ));
        }
        out.push_str(&format!("\n{:<28} {:>11}\n", "region", "resolutions"));
        for r in &self.regions {
            out.push_str(&format!("{:<28} {:>11}\n", r.slug, r.resolutions));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stats_count_what_the_chips_count() {
        let doc = crate::parse(include_str!("../../sessions/cfm-44-political-ar.txt"));
        let s = stats(&doc);
        assert_eq!(s.resolutions, doc.resolutions.len());
        let condemn = s
            .verbs
            .iter()
            .find(|v| v.category == VerbCategory::Condemn)
            .expect("condemn should be counted");
        let by_hand = doc
            .resolutions
            .iter()
            .filter(|r| {
                r.operative.iter().any(|c| {
                    c.verbs
                        .iter()
                        .any(|v| v.category == Some(VerbCategory::Condemn))
                })
            })
            .count();
        assert_eq!(condemn.resolutions, by_hand, "resolutions that condemn");
        assert!(
            condemn.clauses >= condemn.resolutions,
            "at least a clause each"
        );
        let kashmir = s.regions.iter().find(|r| r.slug == "kashmir");
        assert!(
            kashmir.is_some_and(|k| k.resolutions > 0),
            "Kashmir should be counted"
        );
    }
}
