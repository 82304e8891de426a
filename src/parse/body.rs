//! The body of a resolution, after its enacting formula: preambular paragraphs, then operative
//! clauses with their sub-items. Lines broken at page breaks are rejoined to the paragraph they
//! continue; what fits nowhere is kept as unplaced text with the reason.

use super::line::{Kind, LineInfo};
use super::scan::ends_closed;
use crate::model::{Diagnostic, DiagnosticCode, Span};

/// A paragraph being assembled: source pieces to be joined.
#[derive(Debug, Clone, Default)]
pub struct Pieces<'a> {
    pub pieces: Vec<(usize, &'a str)>,
    pub start: usize,
    pub end: usize,
}

impl<'a> Pieces<'a> {
    fn new(start: usize, at: usize, text: &'a str, end: usize) -> Self {
        Pieces {
            pieces: vec![(at, text)],
            start,
            end,
        }
    }
    fn push(&mut self, at: usize, text: &'a str, end: usize) {
        self.pieces.push((at, text));
        self.end = end;
    }
    /// Does the paragraph stop mid-sentence (so that a following unlabelled line continues it)?
    pub fn is_open(&self) -> bool {
        self.pieces.last().is_none_or(|(_, t)| {
            !ends_closed(t.trim_end_matches(['*', ' '])) && !t.trim_end().ends_with("**:")
        })
    }
    fn ends_with_colon(&self) -> bool {
        self.pieces
            .last()
            .is_some_and(|(_, t)| t.trim_end_matches(['*', ' ']).ends_with(':'))
    }
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
    /// May a following line continue this paragraph? Only if it is open and nothing unplaced
    /// stands between them.
    fn continues(&self, unplaced: &[(Span, String)]) -> bool {
        self.is_open() && self.is_last_placed(unplaced)
    }
    /// Is no unplaced line after this paragraph (spans never overlap)?
    fn is_last_placed(&self, unplaced: &[(Span, String)]) -> bool {
        unplaced.last().is_none_or(|(u, _)| u.start < self.end)
    }
}

#[derive(Debug, Clone)]
pub struct ClauseParts<'a> {
    pub label: Option<(String, Option<u32>)>,
    pub body: Pieces<'a>,
    pub items: Vec<(Option<String>, Pieces<'a>)>,
}

impl<'a> ClauseParts<'a> {
    /// The paragraph a continuation line joins: the last sub-item, or the clause itself.
    fn target(&mut self) -> &mut Pieces<'a> {
        match self.items.last_mut() {
            Some((_, p)) => p,
            None => &mut self.body,
        }
    }
}

#[derive(Debug, Default)]
pub struct Body<'a> {
    pub preamble: Vec<Pieces<'a>>,
    pub operative: Vec<ClauseParts<'a>>,
    /// (text span, reason)
    pub unplaced: Vec<(Span, String)>,
    pub diagnostics: Vec<Diagnostic>,
}

/// The text of a line from normalised offset `at`, as a source piece.
fn from<'a>(src: &'a str, l: &LineInfo, at: usize) -> (usize, &'a str) {
    let mut s = l.source(at).min(l.end());
    // The normalised text has no `**`: an opening mark right before the text belongs to it.
    while s >= l.start + 2 && src[..s].ends_with("**") {
        s -= 2;
    }
    (s, &src[s..l.end()])
}

fn label_text(src: &str, l: &LineInfo, at: usize) -> String {
    let s = l.source(at).min(l.end());
    crate::text::inline::strip_marks(src[l.start..s].trim())
}

/// A reading note at `span`.
fn note(code: DiagnosticCode, message: String, span: Span) -> Diagnostic {
    Diagnostic::new(code, message, Some(span))
}

/// A number alone on its line, held until the next line says whether it labels a clause.
type Pending = Option<(String, u32, Span)>;

/// Reads a resolution's body from its lines, in one pass.
#[inline(never)] // a stage of its own in the wasm build: see parse/mod.rs
pub fn read<'a>(src: &'a str, lines: &[&LineInfo]) -> Body<'a> {
    let mut b = Body::default();
    let mut pending: Pending = None;
    // Under a «PREAMBLE:» label, numbered paragraphs are the preamble's (older texts number both).
    let mut numbered_preamble = false;
    for (i, &l) in lines.iter().enumerate() {
        let line = Line {
            l,
            span: Span::new(l.start, l.end()),
            whole: (l.start, &src[l.start..l.end()]),
        };
        // A number alone: the label of a clause printed on this line — or a page number.
        if let Some((label, n, pspan)) = pending.take() {
            if matches!(l.kind, Kind::Verb | Kind::Text | Kind::Opening) {
                b.operative.push(ClauseParts {
                    label: Some((label, Some(n))),
                    body: Pieces::new(pspan.start, line.whole.0, line.whole.1, l.end()),
                    items: vec![],
                });
                continue;
            }
            b.unplaced.push((
                pspan,
                "a number alone on its line, not followed by a clause".into(),
            ));
        }
        match &l.kind {
            Kind::PartLabel(preamble) => {
                numbered_preamble = *preamble;
                b.unplaced.push((
                    line.span,
                    "the label of a part of the resolution («PREAMBLE:», «OPERATIVE:»): the \
                     viewer shows the parts itself"
                        .into(),
                ));
            }
            Kind::Label { at, .. } if numbered_preamble && b.operative.is_empty() => {
                // The paragraph's text after its number, so that its opening is read; its span
                // still holds the number.
                let (s, t) = from(src, l, *at);
                b.preamble.push(Pieces::new(l.start, s, t, l.end()));
            }
            Kind::Label { at, number } => {
                let (s, t) = from(src, l, *at);
                b.operative.push(ClauseParts {
                    label: Some((label_text(src, l, *at), *number)),
                    body: Pieces::new(l.start, s, t, l.end()),
                    items: vec![],
                });
            }
            Kind::NumberAlone(n) => {
                pending = b.number_alone(src, &line, *n, lines.get(i + 1).copied());
            }
            Kind::Item { at } => b.item(src, &line, *at),
            Kind::Dash { at } => b.dash(src, &line, *at),
            Kind::Opening | Kind::Verb | Kind::Text => b.plain(&line),
            Kind::Heading(_)
            | Kind::Bishaan(_)
            | Kind::Enacting
            | Kind::TocHeader
            | Kind::TocColumns
            | Kind::TocRow(_) => b.stray(&line),
        }
    }
    if let Some((_, _, pspan)) = pending {
        b.unplaced.push((
            pspan,
            "a number alone on the last line of a resolution".into(),
        ));
    }
    collapse_rejoins(&mut b.diagnostics);
    b
}

/// A line of the body as the readers below see it.
struct Line<'l, 'a> {
    l: &'l LineInfo<'l>,
    span: Span,
    /// The whole line, as a source piece.
    whole: (usize, &'a str),
}

impl<'a> Body<'a> {
    /// A number alone on its line: held as the next line's label when a clause follows or the
    /// numbering expects it; else unplaced (a page number, most likely).
    fn number_alone(&mut self, src: &str, line: &Line, n: u32, next: Option<&LineInfo>) -> Pending {
        let in_operative = !self.operative.is_empty();
        let next_opens = next.is_some_and(|nl| {
            matches!(nl.kind, Kind::Verb) || (!in_operative && matches!(nl.kind, Kind::Text))
        });
        let expected = self
            .operative
            .last()
            .and_then(|c| c.label.as_ref())
            .and_then(|l| l.1)
            .map(|x| x + 1);
        if next_opens || expected == Some(n) || (!in_operative && n == 1) {
            return Some((label_text(src, line.l, line.l.norm().len()), n, line.span));
        }
        self.unplaced.push((
            line.span,
            "a number alone on its line (a page number?) between paragraphs".into(),
        ));
        None
    }

    /// A lettered sub-item: of the last clause, or a clause of its own before any.
    fn item(&mut self, src: &'a str, line: &Line, at: usize) {
        let l = line.l;
        let (s, t) = from(src, l, at);
        let label = label_text(src, l, at);
        match self.operative.last_mut() {
            Some(c) => c
                .items
                .push((Some(label), Pieces::new(l.start, s, t, l.end()))),
            None => {
                self.diagnostics.push(note(
                    DiagnosticCode::ItemBeforeClauses,
                    "a lettered item before any operative clause is read as a clause".into(),
                    line.span,
                ));
                self.operative.push(ClauseParts {
                    label: Some((label, None)),
                    body: Pieces::new(l.start, s, t, l.end()),
                    items: vec![],
                });
            }
        }
    }

    /// A dashed line: the rest of a paragraph a page break cut, or a dashed sub-item.
    fn dash(&mut self, src: &'a str, line: &Line<'_, 'a>, at: usize) {
        let l = line.l;
        let (s, t) = from(src, l, at);
        let Some(c) = self.operative.last_mut() else {
            continue_or_new_preamble(self, line.whole, (s, t), l, line.span);
            return;
        };
        let colon = c.target().ends_with_colon();
        if c.target().continues(&self.unplaced) && !colon {
            c.target().push(s, t, l.end());
            self.diagnostics.push(note(
                DiagnosticCode::LineRejoined,
                "a line starting with a dash continues the paragraph before it (broken at a page \
                 break) and was rejoined"
                    .into(),
                line.span,
            ));
        } else {
            let label = label_text(src, l, at);
            c.items
                .push((Some(label), Pieces::new(l.start, s, t, l.end())));
        }
    }

    /// A line without a label: an opening, a verb or plain text.
    fn plain(&mut self, line: &Line<'_, 'a>) {
        let l = line.l;
        if !self.operative.is_empty() {
            return self.plain_in_operative(line);
        }
        let open_preamble = self
            .preamble
            .last()
            .is_some_and(|p| p.continues(&self.unplaced));
        // In English and French, a paragraph opens with a capital: «Recalling», «Welcomes».
        let capital = l.latin_capital();
        if l.kind == Kind::Opening
            && (super::line::is_strong_opening(l.norm()) || capital || !open_preamble)
        {
            self.preamble
                .push(Pieces::new(l.start, line.whole.0, line.whole.1, l.end()));
        } else if l.kind == Kind::Verb && (capital || !open_preamble) {
            // Unnumbered operative clauses: the preamble ends where the verbs begin.
            unnumbered_clause(self, line.whole, l, line.span);
        } else {
            continue_or_new_preamble(self, line.whole, line.whole, l, line.span);
        }
    }

    /// A line without a label among the operative clauses.
    fn plain_in_operative(&mut self, line: &Line<'_, 'a>) {
        let (l, whole, span) = (line.l, line.whole, line.span);
        let Some(c) = self.operative.last_mut() else {
            return;
        };
        let rejoined = if l.kind == Kind::Verb && l.latin_capital() {
            // «Welcomes …» after a clause that ends with a comma: a new, unnumbered clause.
            return unnumbered_clause(self, whole, l, span);
        } else if c.target().continues(&self.unplaced) {
            c.target().push(whole.0, whole.1, l.end());
            "a line that continues the clause before it (broken at a page break) was rejoined"
        } else if l.kind == Kind::Verb {
            return unnumbered_clause(self, whole, l, span);
        } else if c.target().ends_with_colon() {
            c.items
                .push((None, Pieces::new(l.start, whole.0, whole.1, l.end())));
            return;
        } else if super::line::opens_with_further_verb(l.norm()) {
            // «… في الصومال؛» then «ويدعو …»: the clause's next verb, on a line of its own where
            // the converter wrapped the paragraph after a semicolon.
            c.target().push(whole.0, whole.1, l.end());
            "a line that opens with a further operative verb (ويدعو، كما يطلب) continues the \
             clause before it and was rejoined"
        } else {
            self.unplaced.push((
                span,
                "an unnumbered line after a complete operative clause that does not open with an \
                 operative verb"
                    .into(),
            ));
            return;
        };
        self.diagnostics
            .push(note(DiagnosticCode::LineRejoined, rejoined.into(), span));
    }

    /// A heading, an enacting formula or a table-of-contents row inside the body: the rest of a
    /// paragraph wrapped before «بشأن», or unplaced.
    fn stray(&mut self, line: &Line<'_, 'a>) {
        let (l, whole) = (line.l, line.whole);
        // «… قراره رقم 43/4-س» then «بشأن الوضع في …»: a paragraph wrapped before «بشأن».
        if matches!(l.kind, Kind::Bishaan(Some(_))) {
            if let Some(p) = open_paragraph(self) {
                p.push(whole.0, whole.1, l.end());
                self.diagnostics.push(note(
                    DiagnosticCode::LineRejoined,
                    "a line that opens with «بشأن» continues the open paragraph before it and \
                     was rejoined"
                        .into(),
                    line.span,
                ));
                return;
            }
        }
        self.unplaced.push((
            line.span,
            "a heading, enacting formula or table-of-contents row inside the body of a resolution"
                .into(),
        ));
    }
}

/// The paragraph an unmarked line would continue, if it is open: the last clause's (or its last
/// item's) text in the operative part, else the last preambular paragraph.
fn open_paragraph<'b, 'a>(b: &'b mut Body<'a>) -> Option<&'b mut Pieces<'a>> {
    let unplaced = &b.unplaced;
    match b.operative.last_mut() {
        Some(c) => Some(c.target()).filter(|p| p.continues(unplaced)),
        None => b.preamble.last_mut().filter(|p| p.continues(unplaced)),
    }
}

/// One diagnostic for all the rejoined lines of a resolution: a converter that wraps paragraphs
/// (pdftotext) breaks nearly every one, and a note per line buried the others.
fn collapse_rejoins(diagnostics: &mut Vec<Diagnostic>) {
    let is_rejoin = |d: &Diagnostic| d.code == DiagnosticCode::LineRejoined;
    let n = diagnostics.iter().filter(|d| is_rejoin(d)).count();
    if n < 2 {
        return;
    }
    let Some(first) = diagnostics.iter().position(is_rejoin) else {
        return;
    };
    let span = diagnostics[first].span;
    diagnostics.retain(|d| !is_rejoin(d));
    diagnostics.insert(
        first.min(diagnostics.len()),
        Diagnostic {
            span,
            ..note(
                DiagnosticCode::LineRejoined,
                format!(
                    "{n} lines that continue the paragraph before them (broken at a page break, \
                     or wrapped by the converter) were rejoined"
                ),
                Span::default(),
            )
        },
    );
}

/// A clause that opens with an operative verb but has no number.
fn unnumbered_clause<'a>(b: &mut Body<'a>, whole: (usize, &'a str), l: &LineInfo, span: Span) {
    b.diagnostics.push(note(
        DiagnosticCode::ClauseWithoutNumber,
        "a clause opens with an operative verb but has no number".into(),
        span,
    ));
    b.operative.push(ClauseParts {
        label: None,
        body: Pieces::new(l.start, whole.0, whole.1, l.end()),
        items: vec![],
    });
}

/// In the preamble, an unmarked line either continues an open paragraph or starts a new one.
fn continue_or_new_preamble<'a>(
    b: &mut Body<'a>,
    whole: (usize, &'a str),
    rest: (usize, &'a str),
    l: &LineInfo,
    span: Span,
) {
    // A paragraph that stops mid-sentence, or on a colon that introduces what follows, goes on
    // here; so does one the converter wrapped after a semicolon, where the line goes on with a
    // coordinated noun («…؛» then «والبيان الختامي …», «وكذلك قرار …»): no preambular paragraph
    // opens so.
    let n = l.norm();
    let coordinated_noun =
        n.starts_with("وال") || n.starts_with("وكذلك ") || n.starts_with("وكذا ");
    let unplaced = &b.unplaced;
    match b.preamble.last_mut() {
        Some(p)
            if p.continues(unplaced)
                || (p.is_last_placed(unplaced) && (p.ends_with_colon() || coordinated_noun)) =>
        {
            p.push(rest.0, rest.1, l.end());
            b.diagnostics.push(note(
    DiagnosticCode::LineRejoined,
                "a line that continues the preambular paragraph before it (broken at a page break) was rejoined".into(),
                span,
            ));
        }
        _ => {
            b.diagnostics.push(note(
                DiagnosticCode::PreambleWithoutOpening,
                "a preambular paragraph does not open with a phrase from the lexicon".into(),
                span,
            ));
            b.preamble
                .push(Pieces::new(l.start, whole.0, whole.1, l.end()));
        }
    }
}
