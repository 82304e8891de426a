//! What the viewer shows, as pure functions of the document and the URL: the query string read and
//! written, the filters applied, the counts beside each control, a paragraph's marks, citations.
//! No web dependencies: tested natively; the Leptos components in `app/` only draw what this
//! decides.

pub mod bilingual;
mod cite;
pub mod compared;
pub mod corpus;
mod counts;
mod filter;
pub mod first_screen;
pub mod labels;
pub mod marks;
pub mod overview;
mod query;
mod search;
pub mod tree;
pub mod window;

pub use cite::{citation, page_title};

/// The default session's number (the 44th): the library offers another edition of it "side by
/// side" before the default session is parsed (`tests/default_session.rs` keeps it true).
pub const DEFAULT_SESSION_NUMBER: u32 = 44;

/// The session's number, place and dates, as the header prints them (joined by ` · `).
pub fn session_meta(s: &crate::model::Session) -> Vec<String> {
    [
        s.number.map(|n| format!("الدورة {n} · Session {n}")),
        s.place.clone(),
        s.date_hijri.clone(),
        s.date_gregorian.clone(),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// A session's number as the page shows it, a dash when the document does not say.
pub fn session_label(number: Option<u32>) -> String {
    number.map_or("—".to_string(), |n| n.to_string())
}
pub use counts::{facets, resolution_verb_counts, Facets};
pub use filter::{apply, apply_indexed, Index, ResolutionIndex, ResolutionMatch};
pub use query::{clause_index, Query};
pub use search::{Found, Search, Searched, MIN_HIGHLIGHT_CHARS};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Document, VerbCategory};

    fn doc() -> Document {
        crate::parse(include_str!("../../sessions/cfm-44-political-ar.txt"))
    }

    #[test]
    fn query_round_trips_and_ignores_unknown_values() {
        let d = doc();
        let q = Query::parse("?region=sahel,nowhere&verb=condemn&verb=bogus&q=%D8%A7%D9%84%D8%B3%D8%A7%D8%AD%D9%84&mentions=1&x=1", &d);
        assert_eq!(q.regions, ["sahel"]);
        assert_eq!(q.verbs, [VerbCategory::Condemn]);
        assert_eq!(q.q, "الساحل");
        assert!(q.mentions);
        assert_eq!(
            q.ignored,
            ["region=nowhere", "verb=bogus", "x"],
            "unknown values are reported, not fatal"
        );
        let again = Query::parse(&q.to_search(), &d);
        assert_eq!(again.regions, q.regions);
        assert_eq!(again.q, q.q);
    }

    #[test]
    fn a_clause_link_needs_its_resolution() {
        let d = doc();
        let q = Query::parse("res=44/1-%D8%B3&clause=op3", &d);
        assert_eq!(q.res.as_deref(), Some("44/1-س"));
        assert_eq!(q.clause.as_deref(), Some("op3"));
        let q = Query::parse("res=44/1-%D8%B3&clause=op99", &d);
        assert_eq!(q.clause, None, "a clause that does not exist is ignored");
        let q = Query::parse("res=99/1-x", &d);
        assert_eq!(q.res, None);
    }

    #[test]
    fn region_filter_rolls_up_the_hierarchy() {
        let d = doc();
        let ids = |q: &str| -> Vec<String> {
            apply(&d, &Query::parse(q, &d))
                .iter()
                .map(|m| d.resolutions[m.index].id.clone())
                .collect()
        };
        assert_eq!(ids("region=sahel"), ["44/6-س", "44/21-س", "44/55-س"]);
        assert_eq!(ids("region=kashmir"), ["44/8-س", "44/9-س"]);
        assert!(
            ids("region=africa").len() > 10,
            "Africa takes in every African country's resolutions"
        );
        assert!(
            ids("region=azerbaijan&mentions=1").len() > 3,
            "mentions widen the filter"
        );
    }

    #[test]
    fn filters_combine_and_clauses_are_marked() {
        let d = doc();
        let q = Query::parse("region=somalia&verb=condemn", &d);
        let m = apply(&d, &q);
        assert_eq!(m.len(), 1);
        let r = &d.resolutions[m[0].index];
        for (c, on) in r.operative.iter().zip(&m[0].operative) {
            let condemns = c
                .verbs
                .iter()
                .any(|v| v.category == Some(VerbCategory::Condemn));
            assert_eq!(
                *on,
                condemns && !c.regions.is_empty(),
                "a clause is marked when it matches both"
            );
        }
    }

    #[test]
    fn search_is_arabic_normalised() {
        let d = doc();
        let with = apply(
            &d,
            &Query::parse("q=%D8%A7%D9%84%D8%A5%D8%B1%D9%87%D8%A7%D8%A8", &d),
        )
        .len(); // الإرهاب
        let without = apply(
            &d,
            &Query::parse("q=%D8%A7%D9%84%D8%A7%D8%B1%D9%87%D8%A7%D8%A8", &d),
        )
        .len(); // الارهاب
        assert!(with > 5);
        assert_eq!(with, without, "hamza on alef does not matter");
        assert_eq!(
            Search::new("الارهاب").hits("مكافحة الإرهاب والإرهابيين").len(),
            2
        );
    }

    #[test]
    fn counts_and_citation() {
        let d = doc();
        let f = facets(&d, &Index::default(), &Query::default());
        let sahel = f.regions.iter().find(|(s, _)| s == "sahel").map(|x| x.1);
        assert_eq!(
            sahel,
            Some(3),
            "the count beside a control is what choosing it shows"
        );
        assert_eq!(f.verbs.len(), 11);
        let c = citation(&d, "44/1-س", "op3", "https://x/?res=44/1-س&clause=op3").unwrap();
        assert!(
            c.starts_with("OIC resolution 44/1-س, operative paragraph 3, CFM-44"),
            "{c}"
        );
    }
}

#[cfg(test)]
mod title_tests {
    use super::*;

    #[test]
    fn the_title_names_the_view_and_the_session() {
        let d = crate::parse(include_str!("../../sessions/cfm-44-political-ar.txt"));
        let t = |s: &str| page_title(&d, &Query::parse(s, &d));
        assert_eq!(t(""), "CFM 44 · Qarar");
        assert_eq!(
            t("?region=kashmir&verb=condemn"),
            "Jammu and Kashmir · Condemns — CFM 44 · Qarar"
        );
        assert_eq!(
            t("?q=%D8%A7%D9%84%D8%B3%D9%84%D8%A7%D9%85"),
            "“السلام” — CFM 44 · Qarar"
        );
        assert_eq!(
            page_title(&crate::model::Document::default(), &Query::default()),
            "Qarar · قرار"
        );
    }
}

#[cfg(test)]
mod facet_tests {
    use super::*;
    use crate::model::{Document, VerbCategory};

    fn doc() -> Document {
        crate::parse(include_str!("../../sessions/cfm-44-political-ar.txt"))
    }

    /// The oracle: the view's own count with the option added.
    fn shown_with(d: &Document, idx: &Index, q: &Query, add: impl Fn(&mut Query)) -> usize {
        let mut q = q.clone();
        add(&mut q);
        apply_indexed(d, idx, &q).len()
    }

    #[test]
    fn every_count_is_what_adding_the_option_would_show() {
        let d = doc();
        let idx = Index::new(&d);
        for search in [
            "",
            "?region=kashmir",
            "?verb=condemn",
            "?region=africa&verb=welcome,call",
            "?q=%D8%A7%D9%84%D8%B5%D9%88%D9%85%D8%A7%D9%84&mentions=1",
        ] {
            let q = Query::parse(search, &d);
            let f = facets(&d, &idx, &q);
            for (c, n) in &f.verbs {
                let want = shown_with(&d, &idx, &q, |q| {
                    if !q.verbs.contains(c) {
                        q.verbs.push(*c)
                    }
                });
                assert_eq!(
                    *n, want,
                    "{search}: the count on {c:?} should be what choosing it shows"
                );
            }
            for (slug, n) in &f.regions {
                let want = shown_with(&d, &idx, &q, |q| {
                    if !q.regions.contains(slug) {
                        q.regions.push(slug.clone())
                    }
                });
                assert_eq!(
                    *n, want,
                    "{search}: the count on region {slug} should be what choosing it shows"
                );
            }
        }
        let kashmir = facets(&d, &idx, &Query::parse("?region=kashmir", &d));
        let condemn = kashmir
            .verbs
            .iter()
            .find(|(c, _)| *c == VerbCategory::Condemn)
            .map(|x| x.1);
        assert_eq!(
            condemn,
            Some(0),
            "with Kashmir chosen, Condemns counts Kashmir's resolutions that condemn (none), not all 22"
        );
    }
}
