//! A resolution's paragraphs as the model holds them. Each preambular paragraph, operative clause
//! and sub-item is read from its source pieces, with what the parser finds inside it: the opening
//! phrase or the operative verbs, the places it names, the resolutions it cites. Every text the
//! model keeps of a paragraph (a verb's, a place's) is the stretch of its display text that the
//! span covers, so that what is shown and what is marked cannot disagree.

use super::body::{ClauseParts, Pieces};
use super::{line, refs, regions, verbs};
use crate::lexicon::{lexicon, Window};
use crate::model::{
    Diagnostic, DiagnosticCode, Opening, OperativeClause, Preambular, Reference, Span, SubItem,
};
use crate::text::inline::Para;
use crate::text::normalize::{Normalized, SourceMap};

/// What the paragraphs of one resolution yield beside themselves.
#[derive(Debug, Default)]
pub(super) struct Found {
    pub references: Vec<Reference>,
    pub diagnostics: Vec<Diagnostic>,
}

#[inline(never)] // a stage of its own in the wasm build: see parse/mod.rs
pub(super) fn preambular(
    src: &str,
    norm: &Normalized,
    p: &Pieces,
    found: &mut Found,
) -> Preambular {
    let mut para = Para::view(norm, &p.pieces);
    found.references.extend(refs::references(src, &para));
    let opening = opening(src, &para);
    let regions = regions::mentions(src, &para);
    let (text, runs) = para.take_display();
    Preambular {
        text,
        runs,
        opening,
        emphasis: std::mem::take(&mut para.marks),
        regions,
        span: p.span(),
    }
}

/// The opening phrase of a preambular paragraph: from the lexicon, or the genre's shape
/// (وإذ + a verb, بعد + a noun) unglossed.
fn opening(src: &str, para: &Para) -> Option<Opening> {
    let lx = lexicon();
    let ws = para.words();
    let texts: Window<10> = Window::of(para.norm_text(), ws, 0);
    let (len, entry) = lx
        .match_opening(&texts)
        .map(|m| (m.len, Some(&lx.openings[m.payload])))
        .or_else(|| line::is_generic_opening(&texts).then_some((2, None)))
        .or_else(|| line::is_latin_generic_opening(&texts).then_some((1, None)))?;
    let last = ws[len.min(ws.len()) - 1];
    let start = para.source(ws[0].start);
    let end = para.source_end(src, last.end);
    let text = para.shown(src, start, end);
    Some(Opening {
        phrase: entry.map_or_else(|| text.clone().into(), |e| e.phrase.into()),
        gloss: entry.map_or("", |e| e.gloss).into(),
        text,
        start,
        end,
    })
}

#[inline(never)] // a stage of its own in the wasm build: see parse/mod.rs
pub(super) fn operative(
    src: &str,
    norm: &Normalized,
    c: ClauseParts,
    found: &mut Found,
) -> OperativeClause {
    let mut para = Para::view(norm, &c.body.pieces);
    found.references.extend(refs::references(src, &para));
    let (verbs, opening) = verbs::operative_verbs(src, &para);
    let span = c.body.span();
    found.diagnostics.extend(opening_note(
        opening,
        verbs.first().map(|v| v.text.as_str()),
        span,
    ));
    let items = c
        .items
        .into_iter()
        .map(|(label, p)| sub_item(src, norm, label, &p, found))
        .collect();
    let regions = regions::mentions(src, &para);
    let (text, runs) = para.take_display();
    OperativeClause {
        number: c.label.as_ref().and_then(|l| l.1),
        label: c.label.map(|l| l.0),
        text,
        runs,
        verbs,
        items,
        regions,
        emphasis: std::mem::take(&mut para.marks),
        span,
    }
}

/// What the reader is told about how a clause opens, when it is not with a verb of the lexicon.
fn opening_note(opening: verbs::Opening, first: Option<&str>, span: Span) -> Option<Diagnostic> {
    let (code, message) = match opening {
        verbs::Opening::Known => return None,
        verbs::Opening::Unknown => (
            DiagnosticCode::VerbNotInLexicon,
            format!(
                "the clause opens with «{}», which the verb lexicon does not have",
                first.unwrap_or("")
            ),
        ),
        verbs::Opening::None => (
            DiagnosticCode::ClauseWithoutVerb,
            "the clause does not open with an operative verb".to_string(),
        ),
    };
    Some(Diagnostic::new(code, message, Some(span)))
}

fn sub_item(
    src: &str,
    norm: &Normalized,
    label: Option<String>,
    p: &Pieces,
    found: &mut Found,
) -> SubItem {
    let mut para = Para::view(norm, &p.pieces);
    found.references.extend(refs::references(src, &para));
    let (verbs, _) = verbs::operative_verbs(src, &para);
    let regions = regions::mentions(src, &para);
    let (text, runs) = para.take_display();
    SubItem {
        label,
        text,
        runs,
        verbs,
        emphasis: std::mem::take(&mut para.marks),
        regions,
        span: p.span(),
    }
}
