//! One resolution, from its lines: the head (heading, «بشأن», title), the enacting formula, then
//! the body's paragraphs. What the body could not place is kept, with the resolution it was in.

use super::body;
use super::layout::MAX_TITLE_LINES;
use super::line::{Kind, LineInfo};
use super::paragraph::{self, Found};
use super::scan::{self, Heading};
use crate::model::{
    Diagnostic, DiagnosticCode, Document, IdOrder, IdSource, Resolution, ResolutionId, Span,
    TextBlock, Unplaced,
};
use crate::text::inline::{into_trimmed, strip_marks, Para};
use crate::text::normalize::{Normalized, SourceMap};

/// The lines above the enacting formula, read.
struct Head {
    /// The heading line and the id it prints.
    heading: Option<(TextBlock, ResolutionId)>,
    title: String,
    title_span: Option<Span>,
    span: Span,
}

/// Reads the resolution on `region` (indices into `lines`), whose enacting formula, if any, is
/// the line `enacting`, and adds it to `doc`. It is the document's resolution number `position`
/// (from 0), which names it until `ids::assign` gives it an id when it prints none.
#[inline(never)] // a stage of its own in the wasm build: see parse/mod.rs
pub(super) fn read(
    src: &str,
    norm: &Normalized,
    lines: &[LineInfo],
    region: &[usize],
    enacting: Option<usize>,
    position: usize,
    doc: &mut Document,
) {
    let (Some(&first), Some(&last)) = (region.first(), region.last()) else {
        return;
    };
    let head_len = head_len(lines, region, enacting);
    let head = read_head(src, lines, &region[..head_len], lines[first].start);
    let (enacting_block, body_from) = match enacting {
        Some(_) => read_enacting(src, lines, &region[head_len..]),
        None => (None, 0),
    };
    let body_lines: Vec<&LineInfo> = region[head_len + body_from..]
        .iter()
        .map(|&i| &lines[i])
        .collect();
    let body = body::read(src, &body_lines);

    let mut found = Found {
        diagnostics: body.diagnostics,
        ..Found::default()
    };
    let preamble = body
        .preamble
        .iter()
        .map(|p| paragraph::preambular(src, norm, p, &mut found))
        .collect();
    let operative = body
        .operative
        .into_iter()
        .map(|c| paragraph::operative(src, norm, c, &mut found))
        .collect();

    // Until `ids::assign` gives it one, a resolution without a heading is known by its position.
    let (id, id_source, known_as) = match &head.heading {
        Some((_, id)) => (id.clone(), IdSource::Heading, id.display()),
        None => (
            ResolutionId {
                session: 0,
                number: 0,
                committee: String::new(),
                order: IdOrder::SessionFirst,
            },
            IdSource::NumberingOrder,
            format!("#{}", position + 1),
        ),
    };
    keep_notes(src, doc, &known_as, body.unplaced, found.diagnostics);
    doc.resolutions.push(Resolution {
        id: known_as,
        session: id.session,
        number: id.number,
        committee: id.committee,
        id_source,
        heading: head.heading.map(|h| h.0),
        head: head.span,
        title: head.title,
        title_span: head.title_span,
        toc_title: None,
        enacting: enacting_block,
        preamble,
        operative,
        references: found.references,
        regions: vec![],
        incomplete: false,
        span: Span::new(lines[first].start, lines[last].end()),
    });
}

/// How many of the region's lines are its head: up to the enacting formula, or (without one) up
/// to the first line that is not a heading, «بشأن» or a title.
fn head_len(lines: &[LineInfo], region: &[usize], enacting: Option<usize>) -> usize {
    if let Some(e) = enacting {
        return region.iter().position(|&i| i == e).unwrap_or(0);
    }
    region
        .iter()
        .enumerate()
        .take_while(|&(k, &i)| match lines[i].kind {
            Kind::Heading(_) => k == 0,
            Kind::Bishaan(_) => true,
            Kind::Text => lines[i].is_title_like() && k <= MAX_TITLE_LINES,
            _ => false,
        })
        .count()
}

/// The heading, «بشأن» and title lines.
fn read_head(src: &str, lines: &[LineInfo], head: &[usize], at: usize) -> Head {
    let mut heading = None;
    let mut title_pieces: Vec<(usize, &str)> = Vec::new();
    let mut title_end = 0;
    for &i in head {
        let l = &lines[i];
        // Where on this line the title starts, if it holds some of it.
        let title_from = match &l.kind {
            Kind::Heading(h) if heading.is_none() => {
                heading = Some(read_heading(src, l, h));
                h.title_at.map(|t| l.source(t))
            }
            Kind::Bishaan(t) => t.map(|t| l.source(t)),
            // «RESOLUTION NO. 1/44-POL» then «ON THE SITUATION IN SOMALIA»: the title after «ON».
            _ if title_pieces.is_empty() => {
                Some(scan::latin_title_start(l.norm()).map_or(l.start, |t| l.source(t)))
            }
            _ => Some(l.start),
        };
        if let Some(s) = title_from {
            title_pieces.push((s, &src[s..l.end()]));
            title_end = l.end();
        }
    }
    let span = match head {
        [] => Span::new(at, at),
        [a, .., b] => Span::new(lines[*a].start, lines[*b].end()),
        [a] => lines[*a].span(),
    };
    let title_para = Para::build(title_pieces.iter().copied());
    let title = into_trimmed(title_para.display);
    let title_span = (!title.is_empty()).then(|| Span::new(title_para.start, title_end));
    Head {
        heading,
        title,
        title_span,
        span,
    }
}

/// A heading line: the id as printed (without a «بشأن» that follows it) and as read.
fn read_heading(src: &str, l: &LineInfo, h: &Heading) -> (TextBlock, ResolutionId) {
    let committee_from = l.source(h.committee.0);
    let committee_to = l.norm.source_end(src, h.committee.1).max(committee_from);
    // As printed; `ids::settle_order` swaps the numbers if the document prints the resolution's
    // number first.
    // A Latin committee is written in capitals, whatever the heading's case (`58/28-p`).
    let committee = crate::text::unshape(src[committee_from..committee_to].trim());
    let committee = if committee.is_ascii() {
        committee.to_ascii_uppercase()
    } else {
        committee
    };
    let id = ResolutionId {
        session: h.session,
        number: h.number,
        committee,
        order: IdOrder::SessionFirst,
    };
    let id_end = h.title_at.map_or(l.end(), |t| l.source(t));
    let printed = strip_marks(src[l.start..id_end].trim_end());
    let printed = printed.trim_end();
    let printed = ["بشأن", "حول", " ON", " on", " On", " SUR", " sur", " Sur"]
        .iter()
        .find_map(|w| printed.strip_suffix(w))
        .unwrap_or(printed)
        .trim_end();
    let block = TextBlock {
        text: printed.to_string(),
        span: l.span(),
    };
    (block, id)
}

/// The enacting formula (the first of `lines`), with the lines that continue it; and how many
/// lines it took.
fn read_enacting(src: &str, lines: &[LineInfo], region: &[usize]) -> (Option<TextBlock>, usize) {
    let Some(&e) = region.first() else {
        return (None, 0);
    };
    let e = &lines[e];
    let mut pieces = vec![(e.start, &src[e.start..e.end()])];
    let mut end = e.end();
    for &i in &region[1..] {
        let l = &lines[i];
        let open = pieces
            .last()
            .is_some_and(|(_, t)| !scan::ends_closed(t) && !t.trim_end().ends_with('،'));
        if !(open && l.kind == Kind::Text && continues_latin_formula(&pieces, l)) {
            break;
        }
        pieces.push((l.start, &src[l.start..l.end()]));
        end = l.end();
    }
    let taken = pieces.len();
    let block = TextBlock {
        text: Para::build(pieces).display,
        span: Span::new(e.start, end),
    };
    (Some(block), taken)
}

/// Does an English or French line go on with the enacting formula before it? A formula wrapped
/// after a comma goes on with the place and the dates («…, held in Jeddah,» / «from 20 to 21 …»)
/// until the Gregorian date closes it; after that, a line with a capital opens the preamble
/// («Deeply concerned …» where the lexicon does not know the opening). Arabic lines always do.
fn continues_latin_formula(pieces: &[(usize, &str)], l: &LineInfo) -> bool {
    if !l.latin_capital() {
        return true;
    }
    let dated = pieces.iter().any(|(_, t)| {
        t.split(|c: char| !c.is_ascii_digit())
            .any(|w| w.len() == 4 && (w.starts_with("19") || w.starts_with("20")))
    });
    !dated
}

/// Keeps what the body could not place and the notes on the resolution, each tied to it.
fn keep_notes(
    src: &str,
    doc: &mut Document,
    resolution: &str,
    unplaced: Vec<(Span, String)>,
    diagnostics: Vec<Diagnostic>,
) {
    for (span, reason) in unplaced {
        doc.unplaced.push(Unplaced {
            text: src[span.start..span.end].to_string(),
            reason,
            resolution: Some(resolution.to_string()),
            span,
        });
    }
    doc.diagnostics
        .extend(diagnostics.into_iter().map(|d| d.about(resolution)));
}

/// A resolution with no operative clause, or a document that stops mid-sentence, is incomplete.
#[inline(never)] // a stage of its own in the wasm build: see parse/mod.rs
pub(super) fn mark_incomplete(doc: &mut Document) {
    let n = doc.resolutions.len();
    for (k, r) in doc.resolutions.iter_mut().enumerate() {
        let last_text = r
            .operative
            .last()
            .map(|c| c.items.last().map_or(c.text.as_str(), |i| i.text.as_str()))
            .unwrap_or("");
        let cut =
            k + 1 == n && !scan::ends_closed(last_text.trim_end_matches(['*', ' ', '"', '»', ')']));
        if !(r.operative.is_empty() || cut) {
            continue;
        }
        r.incomplete = true;
        let why = if r.operative.is_empty() {
            "has no operative clauses"
        } else {
            "stops mid-sentence"
        };
        doc.diagnostics.push(
            Diagnostic::new(
                DiagnosticCode::ResolutionIncomplete,
                format!("resolution {} {why}: the document may be cut off", r.id),
                Some(Span::new(r.span.end, r.span.end)),
            )
            .about(&r.id),
        );
    }
}
