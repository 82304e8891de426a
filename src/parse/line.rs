//! The first pass: every non-blank line is read once, normalised, and given a kind.

use super::scan::{self, Heading, TocRow};
use crate::lexicon::{lexicon, Window};
use crate::model::Span;
use crate::text::lines::{split_lines, trim};
use crate::text::normalize::{NormSlice, Normalized, SourceMap};
use crate::text::words::WordIter;

/// What a line looks like on its own, before context decides what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    TocHeader,
    TocColumns,
    TocRow(TocRow),
    Heading(Heading),
    /// «بشأن», alone or with the title after it (offset in the normalised line).
    Bishaan(Option<usize>),
    Enacting,
    /// An operative label; `at` is where the text starts in the normalised line.
    Label {
        at: usize,
        number: Option<u32>,
    },
    /// A number alone on its line.
    NumberAlone(u32),
    /// A lettered sub-item; `at` is where its text starts.
    Item {
        at: usize,
    },
    /// A dashed line without a number; `at` is where its text starts.
    Dash {
        at: usize,
    },
    /// A preambular opening phrase (إذ يستذكر، واقتناعاً منه …).
    Opening,
    /// Opens with a known operative verb, without a label.
    Verb,
    /// «PREAMBLE:» or «OPERATIVE:» on a line of its own (older English and French texts): `true`
    /// for the preamble's.
    PartLabel(bool),
    Text,
}

impl Kind {
    /// The same kind with its offsets moved by `by` bytes.
    fn shifted(self, by: usize) -> Kind {
        match self {
            Kind::Label { at, number } => Kind::Label {
                at: at + by,
                number,
            },
            Kind::Item { at } => Kind::Item { at: at + by },
            Kind::Dash { at } => Kind::Dash { at: at + by },
            Kind::Bishaan(t) => Kind::Bishaan(t.map(|t| t + by)),
            Kind::Heading(mut h) => {
                h.committee = (h.committee.0 + by, h.committee.1 + by);
                h.title_at = h.title_at.map(|t| t + by);
                Kind::Heading(h)
            }
            Kind::TocRow(mut r) => {
                r.title = (r.title.0 + by, r.title.1 + by);
                Kind::TocRow(r)
            }
            k => k,
        }
    }
}

/// One non-blank line.
#[derive(Debug, Clone)]
pub struct LineInfo<'a> {
    /// The line, trimmed.
    pub raw: &'a str,
    /// Source offset of `raw`.
    pub start: usize,
    /// The line in the normalised document (marks removed, folded for matching).
    pub norm: NormSlice<'a>,
    pub kind: Kind,
}

impl<'a> LineInfo<'a> {
    pub fn end(&self) -> usize {
        self.start + self.raw.len()
    }
    /// The line as displayed (marks removed).
    pub fn display(&self) -> String {
        crate::text::inline::strip_marks(self.raw)
    }
    pub fn norm(&self) -> &'a str {
        self.norm.text()
    }
    /// Source offset of a byte offset in the normalised line.
    pub fn source(&self, norm_offset: usize) -> usize {
        self.norm.source(norm_offset)
    }
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end())
    }
    /// Does the line open with a capital Latin letter? In the English and French editions a
    /// paragraph opens so («Recalling …», «Welcomes …»), and a line a converter wrapped mid-sentence
    /// goes on in lower case («… the Conference\nrequests …»).
    pub fn latin_capital(&self) -> bool {
        self.raw
            .chars()
            .find(|c| c.is_alphabetic())
            .is_some_and(|c| {
                c.is_uppercase() && (c.is_ascii() || ('\u{C0}'..='\u{17F}').contains(&c))
            })
    }
    /// May this line be (a line of) a resolution's title? Short, and not ending as a sentence does.
    pub fn is_title_like(&self) -> bool {
        if self.raw.len() > MAX_TITLE_CHARS * 4 {
            return false;
        }
        let d = self.display();
        let t = d.trim_end();
        !scan::ends_closed(t) && !t.ends_with('،') && t.chars().count() <= MAX_TITLE_CHARS
    }
}

/// A title line is shorter than this (in chars); longer lines are paragraphs.
const MAX_TITLE_CHARS: usize = 300;

/// Reads every non-blank line of `text`, whose normalised form is `doc`.
#[inline(never)] // a stage of its own in the wasm build: see parse/mod.rs
pub fn read_lines<'a>(text: &'a str, doc: &'a Normalized) -> Vec<LineInfo<'a>> {
    doc.lines(text)
        .unwrap_or_else(|| split_lines(text))
        .into_iter()
        .filter_map(|l| {
            let (raw, off) = trim(l.text);
            if raw.is_empty() {
                return None;
            }
            let start = l.start + off;
            let norm = doc.slice(start, start + raw.len());
            let t = norm.text().trim_start();
            let lead = norm.text().len() - t.len();
            let kind = classify(t.trim_end()).shifted(lead);
            Some(LineInfo {
                raw,
                start,
                norm,
                kind,
            })
        })
        .collect()
}

/// The kind of a normalised, trimmed line.
pub fn classify(s: &str) -> Kind {
    if s.is_empty() {
        return Kind::Text;
    }
    if scan::toc_header(s) {
        return Kind::TocHeader;
    }
    if scan::enacting(s) {
        return Kind::Enacting;
    }
    if let Some(h) = scan::heading(s) {
        return Kind::Heading(h);
    }
    if let Some(t) = scan::bishaan(s) {
        return Kind::Bishaan(t);
    }
    if let Some(r) = scan::toc_row(s) {
        return Kind::TocRow(r);
    }
    if scan::toc_columns(s) {
        return Kind::TocColumns;
    }
    if let Some(n) = scan::number_alone(s) {
        return Kind::NumberAlone(n);
    }
    if let Some(p) = scan::part_label(s) {
        return Kind::PartLabel(p);
    }
    if let Some((at, number)) = scan::operative_label(s) {
        return Kind::Label { at, number };
    }
    if let Some(at) = scan::item_label(s) {
        return Kind::Item { at };
    }
    if let Some(at) = scan::dash(s) {
        return Kind::Dash { at };
    }
    // Openings and verbs are in the first few words: look no further.
    let mut cut = s.len().min(200);
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &s[..cut];
    let first: Window<8> = Window::new(WordIter::new(head).map(|w| &head[w.start..w.end]));
    let lx = lexicon();
    if lx.match_opening(&first).is_some()
        || is_generic_opening(&first)
        || is_latin_generic_opening(&first)
    {
        return Kind::Opening;
    }
    if latin_verb_at(&first).is_some() {
        return Kind::Verb;
    }
    if first
        .first()
        .is_some_and(|w| w.starts_with('ي') && lx.is_verb(w))
    {
        return Kind::Verb;
    }
    Kind::Text
}

/// Does a normalised line open with one of the preamble's unmistakable openings — «(و)إذ» and a
/// verb, «(و)بعد», «(و)قد», or a noun with «منه» (واقتناعاً منه) — rather than a single adverbial
/// word (اعتباراً، مراعاةً، عملاً) that also occurs inside a sentence («… اعتباراً من عام 2010»)?
pub fn is_strong_opening(s: &str) -> bool {
    let mut words = WordIter::new(s).map(|w| &s[w.start..w.end]);
    let first = words.next().unwrap_or("");
    let first = first.strip_prefix('و').unwrap_or(first);
    matches!(first, "اذ" | "بعد" | "قد") || words.next() == Some("منه")
}

/// Does a normalised line open with a further operative verb of the clause before it: «ويدعو»,
/// «كما يطلب», «وكذلك يدعو»?
pub fn opens_with_further_verb(s: &str) -> bool {
    let mut words = WordIter::new(s).map(|w| &s[w.start..w.end]);
    let lx = lexicon();
    match words.next() {
        Some("كما" | "وكذلك" | "كذلك") => words
            .next()
            .is_some_and(|w| w.starts_with('ي') && lx.is_verb(w)),
        Some(w) => w
            .strip_prefix('و')
            .is_some_and(|v| v.starts_with('ي') && lx.is_verb(v)),
        None => false,
    }
}

/// Openings outside the lexicon that follow the genre's two shapes: «وإذ» + a verb, and an
/// adverbial noun + «منه» (واقتناعاً منه، وإيماناً منه).
pub fn is_generic_opening(ws: &[&str]) -> bool {
    match ws {
        [first, second, ..] => {
            let first = first.strip_prefix('و').unwrap_or(first);
            first == "اذ" || first == "بعد" || (first.ends_with('ا') && *second == "منه")
        }
        _ => false,
    }
}

/// Words that may stand before an operative verb of the English and French editions, and are not
/// part of it: «Also requests», «Further calls upon», «The Conference requests», «Prie en outre».
const LATIN_LEAD: [&str; 14] = [
    "also",
    "further",
    "furthermore",
    "moreover",
    "again",
    "hereby",
    "the",
    "conference",
    "council",
    "le",
    "la",
    "conseil",
    "egalement",
    "outre",
];

/// Where the operative verb of an English or French line is among its first words: after the
/// lead words of [`LATIN_LEAD`] (at most three), a verb of the lexicon. `None` for Arabic words.
pub fn latin_verb_at(ws: &[&str]) -> Option<usize> {
    let lx = lexicon();
    let k = ws
        .iter()
        .take(3)
        .take_while(|w| LATIN_LEAD.contains(w))
        .count();
    let w = ws.get(k)?;
    (w.starts_with(|c: char| c.is_ascii_lowercase()) && lx.is_verb(w)).then_some(k)
}

/// The genre's shape of a preambular opening in English and French outside the lexicon: a
/// participle («Recognizing», «Rappelant», «Réaffirmant»).
pub fn is_latin_generic_opening(ws: &[&str]) -> bool {
    ws.first().is_some_and(|w| {
        w.is_ascii()
            && w.bytes().all(|b| b.is_ascii_lowercase())
            && ((w.len() >= 6 && w.ends_with("ing")) || (w.len() >= 7 && w.ends_with("ant")))
    })
}
