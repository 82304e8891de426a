//! What the viewer shows, as pure functions of the document and the URL: the query string read and
//! written, the filters applied, the counts beside each control, citations. No web dependencies:
//! tested natively; the Leptos components in `app/` only draw what this decides.

use std::collections::BTreeMap;

use crate::lexicon::{gazetteer, CATEGORIES};
use crate::model::{Document, OperativeClause, Resolution};
use crate::text::normalize;

/// The view, as the URL holds it: `?region=sahel&verb=condemn&q=…&res=44/1-س&clause=op3&mentions=1`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub regions: Vec<String>,
    pub verbs: Vec<String>,
    pub q: String,
    pub res: Option<String>,
    /// A clause of `res`: `op3` (operative 3) or `pre2` (preambular 2), 1-based.
    pub clause: Option<String>,
    /// Include resolutions that merely mention a region.
    pub mentions: bool,
    /// The open document's content hash, when it is not the default session.
    pub doc: Option<String>,
    /// Values that were not understood and were ignored (shown as a quiet notice).
    pub ignored: Vec<String>,
}

fn decode_component(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                match u8::from_str_radix(s.get(i + 1..i + 3).unwrap_or(""), 16) {
                    Ok(v) => {
                        out.push(v);
                        i += 2;
                    }
                    Err(_) => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

impl Query {
    /// Reads a query string (with or without the leading `?`), keeping only values that make sense
    /// for `doc`: known region slugs and verb categories, an existing resolution id.
    pub fn parse(search: &str, doc: &Document) -> Query {
        let g = gazetteer();
        let mut q = Query::default();
        for pair in search
            .trim_start_matches('?')
            .split('&')
            .filter(|p| !p.is_empty())
        {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let k = decode_component(k);
            let v = decode_component(v);
            let values = || {
                v.split(',')
                    .map(str::trim)
                    .filter(|x| !x.is_empty())
                    .map(String::from)
            };
            match k.as_str() {
                "region" => {
                    for r in values() {
                        if g.slug(&r).is_some() {
                            if !q.regions.contains(&r) {
                                q.regions.push(r);
                            }
                        } else {
                            q.ignored.push(format!("region={r}"));
                        }
                    }
                }
                "verb" => {
                    for c in values() {
                        if CATEGORIES.contains(&c.as_str()) {
                            if !q.verbs.contains(&c) {
                                q.verbs.push(c);
                            }
                        } else {
                            q.ignored.push(format!("verb={c}"));
                        }
                    }
                }
                "q" => q.q = v.chars().take(200).collect(),
                "res" => {
                    if doc.resolutions.iter().any(|r| r.id == v) {
                        q.res = Some(v);
                    } else if !v.is_empty() {
                        q.ignored.push(format!("res={v}"));
                    }
                }
                "clause" => q.clause = Some(v).filter(|c| is_clause_ref(c)),
                "mentions" => q.mentions = v == "1" || v == "true",
                "doc" => {
                    q.doc = Some(v)
                        .filter(|h| h.len() <= 64 && h.bytes().all(|b| b.is_ascii_hexdigit()))
                }
                _ => q.ignored.push(k),
            }
        }
        if q.res.is_none() {
            q.clause = None;
        }
        if let (Some(res), Some(clause)) = (&q.res, &q.clause) {
            if clause_index(doc, res, clause).is_none() {
                q.ignored.push(format!("clause={clause}"));
                q.clause = None;
            }
        }
        q
    }

    /// The query string for this view (`?…`, or empty for the default view).
    pub fn to_search(&self) -> String {
        let mut parts = Vec::new();
        if let Some(d) = &self.doc {
            parts.push(format!("doc={d}"));
        }
        if !self.regions.is_empty() {
            parts.push(format!(
                "region={}",
                encode_component(&self.regions.join(","))
            ));
        }
        if !self.verbs.is_empty() {
            parts.push(format!("verb={}", self.verbs.join(",")));
        }
        if !self.q.is_empty() {
            parts.push(format!("q={}", encode_component(&self.q)));
        }
        if let Some(r) = &self.res {
            parts.push(format!("res={}", encode_component(r)));
        }
        if let Some(c) = &self.clause {
            parts.push(format!("clause={c}"));
        }
        if self.mentions {
            parts.push("mentions=1".into());
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }

    /// Is any filter on (a region, a verb category, words)?
    pub fn filtering(&self) -> bool {
        !self.regions.is_empty() || !self.verbs.is_empty() || !self.q.trim().is_empty()
    }

    /// The same view without its filters (the document stays).
    pub fn cleared(&self) -> Query {
        Query {
            doc: self.doc.clone(),
            ..Query::default()
        }
    }
}

fn is_clause_ref(c: &str) -> bool {
    let n = c.strip_prefix("op").or_else(|| c.strip_prefix("pre"));
    n.is_some_and(|n| !n.is_empty() && n.len() <= 3 && n.bytes().all(|b| b.is_ascii_digit()))
}

/// `op3` → (operative, index 2); `pre1` → (preamble, index 0).
pub fn clause_index(doc: &Document, res: &str, clause: &str) -> Option<(bool, usize)> {
    let r = doc.resolutions.iter().find(|r| r.id == res)?;
    let (operative, n) = match clause.strip_prefix("op") {
        Some(n) => (true, n),
        None => (false, clause.strip_prefix("pre")?),
    };
    let i: usize = n.parse().ok()?;
    let len = if operative {
        r.operative.len()
    } else {
        r.preamble.len()
    };
    (i >= 1 && i <= len).then_some((operative, i - 1))
}

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

#[derive(Debug, Clone, Default, PartialEq, Eq)]
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
                c.verbs.iter().any(|v| {
                    v.category
                        .as_deref()
                        .is_some_and(|k| q.verbs.iter().any(|x| x == k))
                })
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
                    .any(|v| {
                        v.category
                            .as_deref()
                            .is_some_and(|k| q.verbs.iter().any(|x| x == k))
                    });
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
    let rank = |k: &str| match k {
        "continent" => 0,
        "subregion" => 1,
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
pub fn verb_counts(doc: &Document) -> Vec<(&'static str, usize)> {
    // One pass, each resolution's categories as bits (eleven passes with string comparisons
    // took 50 ms on a 50 MB document).
    let mut counts = [0usize; CATEGORIES.len()];
    for r in &doc.resolutions {
        let mut seen = 0u32;
        for v in r.operative.iter().flat_map(|o| &o.verbs) {
            if let Some(i) = v
                .category
                .as_deref()
                .and_then(|c| CATEGORIES.iter().position(|k| *k == c))
            {
                seen |= 1 << i;
            }
        }
        for (i, n) in counts.iter_mut().enumerate() {
            if seen & (1 << i) != 0 {
                *n += 1;
            }
        }
    }
    CATEGORIES.iter().copied().zip(counts).collect()
}

/// A resolution's verb categories with the number of clauses each opens.
pub fn resolution_verb_counts(r: &Resolution) -> Vec<(&'static str, usize)> {
    CATEGORIES
        .iter()
        .map(|c| {
            (
                *c,
                r.operative
                    .iter()
                    .filter(|o| o.verbs.iter().any(|v| v.category.as_deref() == Some(*c)))
                    .count(),
            )
        })
        .filter(|(_, n)| *n > 0)
        .collect()
}

/// English labels of the verb categories, for the legend.
pub fn category_label(c: &str) -> &'static str {
    match c {
        "welcome" => "Welcomes",
        "commend" => "Commends",
        "condemn" => "Condemns",
        "reject" => "Rejects",
        "concern" => "Concern",
        "call" => "Calls upon",
        "request" => "Requests",
        "decide" => "Decides",
        "affirm" => "Affirms",
        "support" => "Supports",
        "note" => "Notes",
        _ => "Other",
    }
}

/// Arabic labels of the verb categories.
pub fn category_label_ar(c: &str) -> &'static str {
    match c {
        "welcome" => "ترحيب",
        "commend" => "إشادة",
        "condemn" => "إدانة",
        "reject" => "رفض",
        "concern" => "قلق",
        "call" => "دعوة",
        "request" => "طلب",
        "decide" => "قرار",
        "affirm" => "تأكيد",
        "support" => "دعم",
        "note" => "إحاطة",
        _ => "أخرى",
    }
}

/// How readers cite a paragraph: resolution id, paragraph, session, date, and the link.
pub fn citation(doc: &Document, res: &str, clause: &str, link: &str) -> Option<String> {
    let (operative, i) = clause_index(doc, res, clause)?;
    let s = &doc.session;
    let session = match (s.number, &s.place) {
        (Some(n), Some(p)) => format!("CFM-{n}, {p}"),
        (Some(n), None) => format!("CFM-{n}"),
        (None, Some(p)) => p.clone(),
        (None, None) => "OIC CFM".into(),
    };
    let date = s.date_gregorian.clone().unwrap_or_default();
    let kind = if operative {
        "operative paragraph"
    } else {
        "preambular paragraph"
    };
    let sym = s
        .symbol
        .as_deref()
        .map(|x| format!(" ({x})"))
        .unwrap_or_default();
    Some(format!(
        "OIC resolution {res}, {kind} {}, {session}{}{sym}. {link}",
        i + 1,
        if date.is_empty() {
            String::new()
        } else {
            format!(", {date}")
        }
    ))
}

/// The search as matched: normalised, and empty until it has two letters (one letter matches every
/// paragraph and says nothing).
pub fn search_needle(q: &str) -> String {
    let n = normalize(q.trim());
    let n = n.trim();
    if n.chars().count() < 2 {
        String::new()
    } else {
        n.to_string()
    }
}

/// Search hits are marked from three letters on: shorter needles match nearly every word.
pub const MIN_HIGHLIGHT_CHARS: usize = 3;

/// Byte ranges of `needle` (already normalised) in `text`, for highlighting search hits.
pub fn hits(text: &str, needle: &str) -> Vec<(usize, usize)> {
    if needle.trim().is_empty() {
        return vec![];
    }
    let n = crate::text::normalize::Normalized::new(text, 0);
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(k) = n.text[from..].find(needle) {
        let a = from + k;
        let b = a + needle.len();
        let s = n.source(a);
        let e = crate::parse::verbs::source_end(text, &n, b);
        if s < e && text.is_char_boundary(s) && text.is_char_boundary(e) {
            out.push((s, e));
        }
        from = b;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc() -> Document {
        crate::parse(include_str!("../sessions/cfm-44-political-ar.txt"))
    }

    #[test]
    fn query_round_trips_and_ignores_unknown_values() {
        let d = doc();
        let q = Query::parse("?region=sahel,nowhere&verb=condemn&verb=bogus&q=%D8%A7%D9%84%D8%B3%D8%A7%D8%AD%D9%84&mentions=1&x=1", &d);
        assert_eq!(q.regions, ["sahel"]);
        assert_eq!(q.verbs, ["condemn"]);
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
                .any(|v| v.category.as_deref() == Some("condemn"));
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
            hits("مكافحة الإرهاب والإرهابيين", &normalize("الارهاب")).len(),
            2
        );
    }

    #[test]
    fn counts_and_citation() {
        let d = doc();
        let rc = region_counts(&d, false);
        let sahel = rc.iter().find(|(s, _)| s == "sahel").map(|x| x.1);
        assert_eq!(
            sahel,
            Some(3),
            "the count beside a control is what choosing it shows"
        );
        let vc = verb_counts(&d);
        assert_eq!(vc.len(), 11);
        let c = citation(&d, "44/1-س", "op3", "https://x/?res=44/1-س&clause=op3").unwrap();
        assert!(
            c.starts_with("OIC resolution 44/1-س, operative paragraph 3, CFM-44"),
            "{c}"
        );
    }
}
