//! A session as Akoma Ntoso 3.0 XML, after the conventions of AKN4UN (the UN's profile) for
//! resolutions: the session a `documentCollection`; each resolution a `statement` named
//! "resolution" with its FRBR identification, a `preface` (number, title), a `preamble` (the
//! enacting formula, then the preambular paragraphs as recitals) and a `mainBody` of numbered
//! `paragraph`s whose sub-items are a `blockList`. Each operative verb is a `concept` that refers
//! to its category in the TLC list of `references`; each place a `location` that refers to the
//! gazetteer's region. eIds follow the naming convention (`para_3`, `para_3__list_1__item_b`)
//! and come from positions in the resolution, so the same text always gives the same ids.
//!
//! Written by hand rather than through an XML library: the output is a fixed shape, and the one
//! thing a library would add, escaping, is [`escape`] below (with the characters XML 1.0 forbids,
//! which a messy converter's text can hold, replaced rather than written).

use std::collections::BTreeSet;
use std::fmt::Write;

use crate::lexicon::gazetteer;
use crate::model::{Document, OperativeClause, RegionMention, Resolution, SourceRuns, Verb};
use crate::view::marks::{segments, Paragraph, Segment};
use crate::view::tree::escape;
use crate::view::Search;

use super::date::iso_date;
use super::selection::{Selection, Shown};

const NAMESPACE: &str = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

/// The letters of a list's items in eIds (`item_a`, `item_b` …, then `item_27`): by position,
/// since printed labels are Arabic letters or dashes.
fn item_key(k: usize) -> String {
    match u8::try_from(k) {
        Ok(k) if k < 26 => char::from(b'a' + k).to_string(),
        _ => (k + 1).to_string(),
    }
}

/// What identifies the session in URIs and FRBR dates.
struct Work {
    /// The date of adoption (`2017-07-10`) and what FRBR calls it.
    date: String,
    date_name: &'static str,
    /// `cfm-44` (or `cfm` when the number is unknown).
    body: String,
    /// The series from the symbol (`pol`), when there is one.
    series: Option<String>,
    language: &'static str,
}

impl Work {
    fn new(doc: &Document) -> Work {
        let s = &doc.session;
        let year = s.symbol.as_deref().and_then(|sym| {
            sym.split('/')
                .find(|p| p.len() == 4 && p.bytes().all(|b| b.is_ascii_digit()))
                .map(str::to_string)
        });
        let (date, date_name) = match s.date_gregorian.as_deref().and_then(iso_date) {
            Some(d) => (d, "adoption"),
            // A year alone is said as such, not passed off as a day.
            None => match year {
                Some(y) => (format!("{y}-01-01"), "year"),
                None => ("0001-01-01".to_string(), "unknown"),
            },
        };
        let series = s.symbol.as_deref().and_then(|sym| {
            let parts: Vec<&str> = sym.split('/').collect();
            let k = parts.iter().position(|p| p.eq_ignore_ascii_case("RES"))?;
            let series = parts.get(k.checked_sub(1)?)?;
            (series.bytes().all(|b| b.is_ascii_alphabetic()) && !series.is_empty())
                .then(|| series.to_ascii_lowercase())
        });
        Work {
            date,
            date_name,
            body: match s.number {
                Some(n) => format!("cfm-{n}"),
                None => "cfm".to_string(),
            },
            series,
            // ISO 639-2, as FRBR names languages.
            language: match doc.language {
                crate::model::Language::Arabic => "ara",
                crate::model::Language::English => "eng",
                crate::model::Language::French => "fra",
            },
        }
    }

    fn collection_uri(&self) -> String {
        let series = self.series.as_deref().unwrap_or("resolutions");
        format!(
            "/akn/oic/documentCollection/{}/{}/{series}",
            self.body, self.date
        )
    }

    fn resolution_uri(&self, name: &str) -> String {
        format!(
            "/akn/oic/statement/resolution/{}/{}/{name}",
            self.body, self.date
        )
    }
}

/// The XML being written: a string, the depth (for indentation), and the prefix of the eIds of
/// the component being written (`cmp_3__`): eIds are unique across the whole collection, so a
/// resolution's `para_1` is `cmp_3__para_1` in it.
struct Xml {
    out: String,
    depth: usize,
    prefix: String,
}

impl Xml {
    /// The eId of `local` (`para_3__list_1`) in the component being written.
    fn eid(&self, local: &str) -> String {
        format!("{}{local}", self.prefix)
    }

    fn indent(&mut self) {
        self.out.push('\n');
        for _ in 0..self.depth {
            self.out.push_str("  ");
        }
    }

    fn attrs(&mut self, attrs: &[(&str, &str)]) {
        for (name, value) in attrs {
            let _ = write!(self.out, " {name}=\"{}\"", escape(value));
        }
    }

    fn open(&mut self, tag: &str, attrs: &[(&str, &str)]) {
        self.indent();
        let _ = write!(self.out, "<{tag}");
        self.attrs(attrs);
        self.out.push('>');
        self.depth += 1;
    }

    fn close(&mut self, tag: &str) {
        self.depth -= 1;
        self.indent();
        let _ = write!(self.out, "</{tag}>");
    }

    fn empty(&mut self, tag: &str, attrs: &[(&str, &str)]) {
        self.indent();
        let _ = write!(self.out, "<{tag}");
        self.attrs(attrs);
        self.out.push_str("/>");
    }

    /// `<tag attrs>text</tag>` on one line.
    fn leaf(&mut self, tag: &str, attrs: &[(&str, &str)], text: &str) {
        self.indent();
        let _ = write!(self.out, "<{tag}");
        self.attrs(attrs);
        let _ = write!(self.out, ">{}</{tag}>", escape(text));
    }

    /// A `<p>` of a paragraph's text with its verbs and places marked, after `label` (a list
    /// item's letter: items have no `num` of their own).
    fn marked_p(&mut self, eid: &str, label: Option<&str>, para: Paragraph) {
        self.indent();
        let _ = write!(self.out, "<p eId=\"{eid}\">");
        if let Some(label) = label {
            let _ = write!(self.out, "{} ", escape(label));
        }
        let text = para.text;
        for seg in segments(para, &Search::new("")) {
            let r = seg.range().clone();
            let Some(piece) = text.get(r) else { continue };
            match seg {
                Segment::Verb { index, .. } => {
                    match para.verbs.get(index).and_then(|v| v.category) {
                        Some(k) => {
                            let _ = write!(
                                self.out,
                                "<concept refersTo=\"#verb_{}\">{}</concept>",
                                k.slug(),
                                escape(piece)
                            );
                        }
                        None => self.out.push_str(&escape(piece)),
                    }
                }
                Segment::Place { index, .. } => match para.places.get(index) {
                    Some(m) => {
                        let _ = write!(
                            self.out,
                            "<location refersTo=\"#place_{}\">{}</location>",
                            escape(&m.slug),
                            escape(piece)
                        );
                    }
                    None => self.out.push_str(&escape(piece)),
                },
                Segment::Text(_) | Segment::Hit(_) => self.out.push_str(&escape(piece)),
            }
        }
        self.out.push_str("</p>");
    }
}

fn paragraph<'a>(
    text: &'a str,
    runs: &'a SourceRuns,
    verbs: &'a [Verb],
    places: &'a [RegionMention],
) -> Paragraph<'a> {
    Paragraph {
        text,
        runs,
        verbs,
        places,
    }
}

/// FRBR identification of a work at `uri`, in `language`, dated `date`, with its number as
/// printed (`44/1-س`; the session's number for the collection).
fn identification(x: &mut Xml, w: &Work, uri: &str, number: Option<&str>) {
    let expression = format!("{uri}/{}@", w.language);
    let date = [("date", w.date.as_str()), ("name", w.date_name)];
    x.open("identification", &[("source", "#qarar")]);
    x.open("FRBRWork", &[]);
    x.empty("FRBRthis", &[("value", &format!("{uri}/!main"))]);
    x.empty("FRBRuri", &[("value", uri)]);
    x.empty("FRBRdate", &date);
    x.empty("FRBRauthor", &[("href", "#cfm")]);
    x.empty("FRBRcountry", &[("value", "oic")]);
    if let Some(number) = number {
        x.empty("FRBRnumber", &[("value", number)]);
    }
    x.close("FRBRWork");
    x.open("FRBRExpression", &[]);
    x.empty("FRBRthis", &[("value", &format!("{expression}/!main"))]);
    x.empty("FRBRuri", &[("value", &expression)]);
    x.empty("FRBRdate", &date);
    x.empty("FRBRauthor", &[("href", "#cfm")]);
    x.empty("FRBRlanguage", &[("language", w.language)]);
    x.close("FRBRExpression");
    x.open("FRBRManifestation", &[]);
    x.empty("FRBRthis", &[("value", &format!("{expression}/!main.xml"))]);
    x.empty("FRBRuri", &[("value", &format!("{expression}.akn"))]);
    x.empty("FRBRdate", &date);
    x.empty("FRBRauthor", &[("href", "#qarar")]);
    x.close("FRBRManifestation");
    x.close("identification");
}

/// The TLC list: the organisations, the verb categories used, the places named.
fn references(x: &mut Xml, sel: &Selection) {
    let mut categories = BTreeSet::new();
    let mut places = BTreeSet::new();
    for (r, shown) in sel.resolutions() {
        let clauses = shown.operative.iter().filter_map(|&k| r.operative.get(k));
        let preamble = shown.preamble.iter().filter_map(|&k| r.preamble.get(k));
        for c in clauses {
            let verbs = c.verbs.iter().chain(c.items.iter().flat_map(|i| &i.verbs));
            categories.extend(verbs.filter_map(|v| v.category));
            let mentions = c
                .regions
                .iter()
                .chain(c.items.iter().flat_map(|i| &i.regions));
            places.extend(mentions.map(|m| m.slug.to_string()));
        }
        places.extend(
            preamble
                .flat_map(|p| &p.regions)
                .map(|m| m.slug.to_string()),
        );
    }
    x.open("references", &[("source", "#qarar")]);
    let organisations = [
        ("oic", "Organisation of Islamic Cooperation"),
        ("cfm", "Council of Foreign Ministers"),
        ("qarar", "Qarar"),
    ];
    for (eid, name) in organisations {
        let href = format!("/ontology/organization/oic/{eid}");
        x.empty(
            "TLCOrganization",
            &[("eId", eid), ("href", &href), ("showAs", name)],
        );
    }
    for k in categories {
        let eid = format!("verb_{}", k.slug());
        let href = format!("/ontology/concept/oic/operativeVerb/{}", k.slug());
        x.empty(
            "TLCConcept",
            &[("eId", &eid), ("href", &href), ("showAs", k.label_en())],
        );
    }
    let g = gazetteer();
    for slug in places {
        let name = g
            .slug(&slug)
            .map_or(slug.as_str(), |k| g.regions[k].english.as_str());
        let eid = format!("place_{slug}");
        let href = format!("/ontology/location/oic/{slug}");
        x.empty(
            "TLCLocation",
            &[("eId", &eid), ("href", &href), ("showAs", name)],
        );
    }
    x.close("references");
}

fn operative_clause(x: &mut Xml, c: &OperativeClause, k: usize) {
    let eid = x.eid(&format!("para_{}", k + 1));
    x.open("paragraph", &[("eId", &eid)]);
    if let Some(label) = &c.label {
        x.leaf("num", &[], label);
    }
    x.open("content", &[]);
    x.marked_p(
        &format!("{eid}__p_1"),
        None,
        paragraph(&c.text, &c.runs, &c.verbs, &c.regions),
    );
    if !c.items.is_empty() {
        let list = format!("{eid}__list_1");
        x.open("blockList", &[("eId", &list)]);
        for (j, item) in c.items.iter().enumerate() {
            let item_eid = format!("{list}__item_{}", item_key(j));
            x.open("item", &[("eId", &item_eid)]);
            x.marked_p(
                &format!("{item_eid}__p_1"),
                item.label.as_deref(),
                paragraph(&item.text, &item.runs, &item.verbs, &item.regions),
            );
            x.close("item");
        }
        x.close("blockList");
    }
    x.close("content");
    x.close("paragraph");
}

fn resolution(x: &mut Xml, w: &Work, r: &Resolution, shown: &Shown, name: &str) {
    x.open("statement", &[("name", "resolution")]);
    x.open("meta", &[]);
    identification(x, w, &w.resolution_uri(name), Some(&r.id));
    x.close("meta");
    x.open("preface", &[]);
    x.open("p", &[]);
    x.leaf("docNumber", &[], &r.id);
    x.leaf("docTitle", &[], &r.title);
    x.close("p");
    x.close("preface");
    let preamble: Vec<_> = shown
        .preamble
        .iter()
        .filter_map(|&k| Some((k, r.preamble.get(k)?)))
        .collect();
    if r.enacting.is_some() || !preamble.is_empty() {
        x.open("preamble", &[]);
        if let Some(e) = &r.enacting {
            let eid = x.eid("formula_1");
            x.open("formula", &[("name", "enactingFormula"), ("eId", &eid)]);
            x.leaf("p", &[], &e.text);
            x.close("formula");
        }
        if !preamble.is_empty() {
            let recitals = x.eid("recs_1");
            x.open("recitals", &[("eId", &recitals)]);
            for (k, p) in preamble {
                let eid = format!("{recitals}__rec_{}", k + 1);
                x.open("recital", &[("eId", &eid)]);
                x.marked_p(
                    &format!("{eid}__p_1"),
                    None,
                    paragraph(&p.text, &p.runs, &[], &p.regions),
                );
                x.close("recital");
            }
            x.close("recitals");
        }
        x.close("preamble");
    }
    x.open("mainBody", &[]);
    let clauses: Vec<_> = shown
        .operative
        .iter()
        .filter_map(|&k| Some((k, r.operative.get(k)?)))
        .collect();
    if clauses.is_empty() {
        // The main body cannot be empty: a resolution whose clauses were not found (or not shown)
        // says so.
        x.leaf("p", &[("class", "empty")], "");
    }
    for (k, c) in clauses {
        operative_clause(x, c, k);
    }
    x.close("mainBody");
    x.close("statement");
}

/// A resolution's name in URIs (`44-1`), made unique within the session by position when two
/// resolutions print the same id.
fn resolution_names(doc: &Document) -> Vec<String> {
    let mut seen = BTreeSet::new();
    doc.resolutions
        .iter()
        .enumerate()
        .map(|(k, r)| {
            let name = format!("{}-{}", r.session, r.number);
            if seen.insert(name.clone()) {
                name
            } else {
                format!("{name}-{}", k + 1)
            }
        })
        .collect()
}

/// The selection as an Akoma Ntoso `documentCollection`, one `statement` per resolution.
pub fn akoma_ntoso(sel: &Selection) -> String {
    let doc = sel.doc;
    let w = Work::new(doc);
    let mut x = Xml {
        out: String::with_capacity(2 * sel.shown.len() * 8192 + 4096),
        depth: 0,
        prefix: String::new(),
    };
    x.out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    x.open("akomaNtoso", &[("xmlns", NAMESPACE)]);
    x.open("documentCollection", &[("name", "resolutions")]);
    x.open("meta", &[]);
    let number = doc.session.number.map(|n| n.to_string());
    identification(&mut x, &w, &w.collection_uri(), number.as_deref());
    references(&mut x, sel);
    x.close("meta");
    let s = &doc.session;
    if s.symbol.is_some() || s.title.is_some() {
        x.open("preface", &[]);
        if let Some(symbol) = &s.symbol {
            x.open("p", &[]);
            x.leaf("docNumber", &[], symbol);
            x.close("p");
        }
        if let Some(title) = &s.title {
            x.open("p", &[]);
            x.leaf("docTitle", &[], title);
            x.close("p");
        }
        x.close("preface");
    }
    x.open("collectionBody", &[]);
    if sel.shown.is_empty() {
        // A collection holds at least one component: an empty view is said as such.
        x.open("component", &[("eId", "cmp_1")]);
        x.open("interstitial", &[("eId", "cmp_1__intstl_1")]);
        x.leaf("p", &[], "");
        x.close("interstitial");
        x.close("component");
    }
    let names = resolution_names(doc);
    for (k, (r, shown)) in sel.resolutions().enumerate() {
        let component = format!("cmp_{}", k + 1);
        x.open("component", &[("eId", &component)]);
        x.prefix = format!("{component}__");
        let name = names.get(shown.index).map_or("", String::as_str);
        resolution(&mut x, &w, r, shown, name);
        x.close("component");
    }
    x.close("collectionBody");
    x.close("documentCollection");
    x.close("akomaNtoso");
    x.out.push('\n');
    x.out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_keeps_text_and_replaces_what_xml_cannot_carry() {
        assert_eq!(escape("a<b & \"c\">"), "a&lt;b &amp; &quot;c&quot;&gt;");
        assert_eq!(escape("يدين\u{1}\u{fffe}"), "يدين\u{fffd}\u{fffd}");
        assert_eq!(escape("line\nnext\ttab"), "line\nnext\ttab");
    }

    #[test]
    fn items_are_lettered_by_position() {
        assert_eq!(item_key(0), "a");
        assert_eq!(item_key(1), "b");
        assert_eq!(item_key(26), "27");
    }
}
