//! The document model: what a session of resolutions is made of.
//!
//! Every element keeps its byte span in the source text (the decoded UTF-8 text the parser was
//! given), so the viewer can highlight and cite exactly and a diagnostic can say where.
//! Field names are a contract: the CLI's JSON and the browser API expose them as they are here
//! (documented in `schema/document.schema.json`).

mod vocabulary;

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

pub use vocabulary::{DiagnosticCode, RegionKind, VerbCategory};

/// Text that comes from a lexicon or gazetteer (a slug, a lemma, a gloss): borrowed from the data
/// file compiled into the program, owned only when composed (a gloss with a modifier applied).
/// Borrowing saves the parser thousands of small allocations per document.
pub type LexiconText = Cow<'static, str>;

/// A half-open byte range `start..end` into the source text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    pub fn contains(&self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
}

/// Where a paragraph's display text comes from in the source: `[display offset, source offset,
/// length]` for each run of bytes copied unchanged. What lies between runs was dropped (`**`
/// marks, a line break and the spaces around it, which the display joins with one space).
/// A source span maps to the display text through it, so a mark is drawn exactly where the
/// parser found it: [`SourceRuns::display_range`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SourceRuns(pub Vec<[usize; 3]>);

impl SourceRuns {
    /// The display range of the source span `start..end`, when it lies within the paragraph and
    /// holds some of its text.
    pub fn display_range(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        SourceRuns::range_in(&self.0, start, end)
    }

    /// [`SourceRuns::display_range`] over runs being built.
    pub fn range_in(runs: &[[usize; 3]], start: usize, end: usize) -> Option<(usize, usize)> {
        let a = display_offset(runs, start, true)?;
        let b = display_offset(runs, end, false)?;
        (a < b).then_some((a, b))
    }
}

/// The display offset of source offset `at`. Inside a run, the byte it was copied to. In a gap
/// between runs (a dropped mark, a line break), the start of the next run when `at` starts
/// something (`start`), else the end of the run before. `None` outside the paragraph.
fn display_offset(runs: &[[usize; 3]], at: usize, start: bool) -> Option<usize> {
    // The last run that starts at or before `at`.
    let Some(k) = runs.partition_point(|r| r[1] <= at).checked_sub(1) else {
        // Before the first run: a start in the gap before it (an opening `**`) starts with it.
        return runs
            .first()
            .filter(|r| start && at + 2 >= r[1])
            .map(|r| r[0]);
    };
    let [d, s, len] = runs[k];
    let next = runs.get(k + 1);
    if at < s + len || (at == s + len && (!start || next.is_none())) {
        return Some(d + (at - s));
    }
    match next {
        Some(n) if start => Some(n[0]),
        Some(_) => Some(d + len),
        // Past the last run: only an end that the trailing marks separate from it.
        None => (!start && at <= s + len + 2).then_some(d + len),
    }
}

/// A whole session document.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// The edition's language: the OIC publishes every session in Arabic, English and French.
    #[serde(default)]
    pub language: Language,
    pub session: Session,
    /// The table of contents as printed, in its order (empty when the document has none).
    pub toc: Vec<TocEntry>,
    /// The resolutions in document order.
    pub resolutions: Vec<Resolution>,
    /// Text the parser could not place, kept with the reason.
    pub unplaced: Vec<Unplaced>,
    pub diagnostics: Vec<Diagnostic>,
    /// What a converter from a paginated original left between the pages (page numbers, running
    /// heads): kept, outside the structure.
    #[serde(default)]
    pub furniture: Vec<Furniture>,
}

/// The language of a session's edition. Its code (`ar`, `en`, `fr`) is what the page's `lang`
/// attribute and the JSON carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Language {
    #[default]
    #[serde(rename = "ar")]
    Arabic,
    #[serde(rename = "en")]
    English,
    #[serde(rename = "fr")]
    French,
}

impl Language {
    /// The BCP 47 code: `ar`, `en`, `fr`.
    pub fn code(self) -> &'static str {
        match self {
            Language::Arabic => "ar",
            Language::English => "en",
            Language::French => "fr",
        }
    }
    /// The name in English: "Arabic", "English", "French".
    pub fn name(self) -> &'static str {
        match self {
            Language::Arabic => "Arabic",
            Language::English => "English",
            Language::French => "French",
        }
    }
    /// Is it written right to left?
    pub fn is_rtl(self) -> bool {
        self == Language::Arabic
    }
    pub fn from_code(code: &str) -> Option<Language> {
        match code {
            "ar" => Some(Language::Arabic),
            "en" => Some(Language::English),
            "fr" => Some(Language::French),
            _ => None,
        }
    }
}

/// What the cover says about the session. Every field is optional: older sessions and other
/// converters print less, or nothing.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Session {
    pub organisation: Option<String>,
    /// The document symbol, e.g. `OIC/CFM-44/2017/POL/RES/FINAL`.
    pub symbol: Option<String>,
    /// The document's title as printed on the cover (lines joined).
    pub title: Option<String>,
    /// The session number: from the cover's ordinal, the symbol, or the resolution ids.
    pub number: Option<u32>,
    /// The session's theme, e.g. `الشباب والسلم والتنمية في عالم متضامن`.
    pub theme: Option<String>,
    pub place: Option<String>,
    pub date_hijri: Option<String>,
    pub date_gregorian: Option<String>,
    /// Which number the document's resolution ids print first.
    #[serde(default)]
    pub id_order: IdOrder,
    /// Every line of the front matter (the cover, and the headings of the table of contents), with
    /// what the parser took it for.
    pub lines: Vec<CoverLine>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CoverLine {
    pub role: CoverRole,
    pub text: String,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CoverRole {
    Organisation,
    Symbol,
    Title,
    Session,
    Theme,
    Place,
    DateHijri,
    DateGregorian,
    /// The heading of the table of contents (فهرس).
    TocHeading,
    /// The column headings of the table of contents (رقم، الموضوع، الصفحة).
    TocColumns,
}

/// One row of the table of contents, as printed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TocEntry {
    /// The row number ("رقم" column).
    pub number: Option<u32>,
    /// The resolution id found in the title cell, e.g. `44/1-س`.
    pub id: Option<String>,
    /// The title, after «بشأن» when the cell holds the whole heading.
    pub title: String,
    pub page: Option<u32>,
    /// The number and page columns were printed the other way round; the parser swapped them back.
    pub columns_swapped: bool,
    pub span: Span,
}

/// How a resolution's id was established.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IdSource {
    /// Printed in the resolution's own heading.
    Heading,
    /// The heading is missing; the id comes from the table of contents.
    Toc,
    /// Neither heading nor table of contents: the next number after the previous resolution.
    NumberingOrder,
}

/// Which number a document's resolution ids print first. Both are in use: the 44th session prints
/// `44/1-س` (session 44, resolution 1); older sessions, and documents converted from the English
/// `Resolution No. 2/35-ORG`, print `2/35 – ORG` (resolution 2 of the 35th session).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IdOrder {
    #[default]
    SessionFirst,
    NumberFirst,
}

/// A resolution id, e.g. `44/1-س`: session 44, number 1, committee `س`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResolutionId {
    pub session: u32,
    pub number: u32,
    /// The committee suffix (`س` political, `اق` economic, `أت` organisational …); may be empty.
    pub committee: String,
    /// The order its document prints ids in.
    #[serde(default)]
    pub order: IdOrder,
}

impl ResolutionId {
    /// The written form, in its document's order: `44/1-س`, or `2/35-ORG`.
    pub fn display(&self) -> String {
        let (a, b) = match self.order {
            IdOrder::SessionFirst => (self.session, self.number),
            IdOrder::NumberFirst => (self.number, self.session),
        };
        if self.committee.is_empty() {
            format!("{a}/{b}")
        } else {
            format!("{a}/{b}-{}", self.committee)
        }
    }
}

/// The series a committee suffix belongs to, the same in every edition: `س`, `POL` and `P` are
/// the political series, `اق` and `E` the economic one. `None` for a suffix not in the table.
pub fn series(committee: &str) -> Option<&'static str> {
    // The suffix without a qualifier (`P (IS)`, `س/ق أ`), Latin letters lower-cased; Arabic ones
    // as typists write them, with and without hamza (the model stage does not normalise).
    let c = committee
        .trim()
        .split([' ', '(', '/'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    Some(match c.as_str() {
        "س" | "pol" | "p" => "political",
        "اق" | "أق" | "e" | "ec" | "eco" => "economic",
        "أت" | "ات" | "org" | "af" => "organisational",
        "ق" | "leg" | "l" => "legal",
        "ث" | "c" | "cs" | "cult" => "cultural",
        "مم" | "أقل" | "اقل" | "mm" => "minorities",
        "ع" | "عت" | "s&t" | "st" => "science",
        "إ" | "إن" | "ان" | "hum" | "h" => "humanitarian",
        "إع" | "اع" | "inf" | "info" => "information",
        _ => return None,
    })
}

/// Are `a` and `b` the same resolution in two editions of a session (Arabic `44/1-س`, English
/// `1/44-POL`, French `1/44-POL`)? The same session and number, and committees of the same
/// series (or either committee outside the table, or absent: older ids carry none).
pub fn same_resolution(a: &Resolution, b: &Resolution) -> bool {
    if (a.session, a.number) != (b.session, b.number) || a.number == 0 {
        return false;
    }
    match (series(&a.committee), series(&b.committee)) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Resolution {
    /// Canonical id, e.g. `44/1-س`.
    pub id: String,
    pub session: u32,
    pub number: u32,
    /// Committee suffix, e.g. `س`.
    pub committee: String,
    pub id_source: IdSource,
    /// The heading line as printed (`قرار رقم: 44/1-س`), when there is one.
    pub heading: Option<TextBlock>,
    /// The lines above the enacting formula: heading, «بشأن», title (empty when there are none).
    pub head: Span,
    /// The title as printed in the body; from the table of contents when the body has none.
    pub title: String,
    /// Where the title is in the source; `None` when it came from the table of contents.
    pub title_span: Option<Span>,
    /// The table of contents' wording when it differs from the body's.
    pub toc_title: Option<String>,
    /// «إنّ مجلس وزراء الخارجية، المنعقد …».
    pub enacting: Option<TextBlock>,
    pub preamble: Vec<Preambular>,
    pub operative: Vec<OperativeClause>,
    /// Resolutions and decisions cited anywhere in this resolution.
    pub references: Vec<Reference>,
    /// Regions this resolution is about (filled by the tagger; see `tag`).
    pub regions: Vec<ResolutionRegion>,
    /// The resolution looks cut off (no operative clauses, or the text stops mid-sentence).
    pub incomplete: bool,
    /// From the first line of the resolution to its last.
    pub span: Span,
}

/// A run of text with its source span: a heading line, the enacting formula.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TextBlock {
    pub text: String,
    pub span: Span,
}

/// A preambular paragraph: «وإذ يؤكد مجدداً …».
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Preambular {
    /// Display text: lines rejoined, `**` marks removed.
    pub text: String,
    /// Where each stretch of `text` is in the source.
    pub runs: SourceRuns,
    /// The opening phrase as printed (`وإذ يؤكد مجدداً`, `واقتناعاً منه`), when recognised.
    pub opening: Option<Opening>,
    pub emphasis: Vec<Mark>,
    pub regions: Vec<RegionMention>,
    pub span: Span,
}

/// A recognised preambular opening phrase.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Opening {
    pub text: String,
    /// The lexicon's canonical form, e.g. `إذ يستذكر`.
    pub phrase: LexiconText,
    /// English gloss, e.g. "Recalling"; empty when the phrase is not in the lexicon.
    pub gloss: LexiconText,
    pub start: usize,
    pub end: usize,
}

/// A numbered operative clause.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OperativeClause {
    /// The label as printed (`1.`, `- 1 -`, `◀`), `None` for an unnumbered clause.
    pub label: Option<String>,
    /// The number in the label, when it has one.
    pub number: Option<u32>,
    /// Display text after the label: lines rejoined, `**` marks removed.
    pub text: String,
    /// Where each stretch of `text` is in the source.
    pub runs: SourceRuns,
    pub verbs: Vec<Verb>,
    pub items: Vec<SubItem>,
    pub emphasis: Vec<Mark>,
    pub regions: Vec<RegionMention>,
    /// The clause's own lines (label and text, without its sub-items).
    pub span: Span,
}

impl OperativeClause {
    /// The clause's whole text: its own, then each sub-item on a line of its own after its label
    /// (what a CSV row and a comparison of two sessions read).
    pub fn whole_text(&self) -> String {
        let mut t = self.text.clone();
        for i in &self.items {
            t.push('\n');
            if let Some(l) = &i.label {
                t.push_str(l);
                t.push(' ');
            }
            t.push_str(&i.text);
        }
        t
    }
}

/// A lettered (أ- ب- …) or dashed sub-item of an operative clause.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SubItem {
    pub label: Option<String>,
    pub text: String,
    /// Where each stretch of `text` is in the source.
    pub runs: SourceRuns,
    pub verbs: Vec<Verb>,
    pub emphasis: Vec<Mark>,
    pub regions: Vec<RegionMention>,
    pub span: Span,
}

/// An operative verb (or verb phrase) as it stands in a clause.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Verb {
    /// The surface text, as the paragraph shows it: what its span covers, without `**` marks and
    /// with a line break inside it shown as a space.
    pub text: String,
    /// The head verb, normalised and in its dictionary spelling: `يؤكد` for «يوكد», «ويؤكد», «**يؤكد**».
    pub lemma: LexiconText,
    /// The lexicon phrase matched (`يعرب عن قلقه`), or the lemma when the verb is not in the lexicon.
    pub phrase: LexiconText,
    /// Its category in the verb lexicon (`condemn`, `welcome` …); `None` when unknown.
    pub category: Option<VerbCategory>,
    /// English gloss, e.g. "Strongly condemns"; empty when unknown.
    pub gloss: LexiconText,
    /// The clause's opening verb (`true`) or a coordinated one (`… ، ويدعو …`).
    pub opening: bool,
    /// Byte span in the source.
    pub start: usize,
    pub end: usize,
}

/// An emphasised run (`**bold**` in the source), without the marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mark {
    pub start: usize,
    pub end: usize,
}

/// A mention of a place from the gazetteer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RegionMention {
    pub slug: LexiconText,
    pub text: String,
    pub start: usize,
    pub end: usize,
}

/// A region a resolution is about, with how often it is named.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResolutionRegion {
    pub slug: LexiconText,
    /// Named in the title.
    pub primary: bool,
    pub mentions: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReferenceKind {
    /// An OIC resolution, `43/4-س`.
    Oic,
    /// A UN Security Council resolution, `2334 (2016)`.
    SecurityCouncil,
    /// A UN General Assembly or Human Rights Council resolution, `67/19`, `18/16`.
    UnResolution,
}

/// A resolution cited in the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reference {
    pub kind: ReferenceKind,
    /// As printed.
    pub text: String,
    /// Canonical form: `43/4-س`, `S/RES/2334`, `67/19`.
    pub id: String,
    pub start: usize,
    pub end: usize,
}

/// A line that belongs to the page, not to the text: see [`Document::furniture`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Furniture {
    pub kind: FurnitureKind,
    pub text: String,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FurnitureKind {
    /// `- 12 -`, `12`, `صفحة 12 من 40`, `Page 3`.
    PageNumber,
    /// A header or footer repeated on the pages: the document symbol, the organisation's name.
    RunningHead,
    /// What a saved web page carries around the document: the site's name and menus, the page's
    /// own title above the document's cover, its source, publication date and copyright lines.
    WebPage,
}

/// Text the parser could not place in the structure, kept and shown.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Unplaced {
    pub text: String,
    pub reason: String,
    /// The resolution it was found in, if any.
    pub resolution: Option<String>,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

/// Something the reader should know about how the document was read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// Set by the code ([`DiagnosticCode::severity`]).
    pub severity: Severity,
    /// What the note is about, e.g. `heading-recovered-from-toc`.
    pub code: DiagnosticCode,
    pub message: String,
    pub span: Option<Span>,
    pub resolution: Option<String>,
}

impl Diagnostic {
    /// A note of `code` (which decides its severity), not yet tied to a resolution.
    pub fn new(code: DiagnosticCode, message: String, span: Option<Span>) -> Diagnostic {
        Diagnostic {
            severity: code.severity(),
            code,
            message,
            span,
            resolution: None,
        }
    }

    /// The same note, about resolution `id`.
    pub fn about(self, id: &str) -> Diagnostic {
        Diagnostic {
            resolution: Some(id.to_string()),
            ..self
        }
    }
}
