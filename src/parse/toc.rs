//! The table of contents: a heading (فهرس), column headings, then rows of number, title, page —
//! in either column order: some converters swap the first and last cells.

use super::line::{Kind, LineInfo};
use super::scan::{self, TocRow};
use crate::model::{Diagnostic, DiagnosticCode, Span, TocEntry};
use crate::text::normalize::SourceMap;

/// Where the table of contents is, as a range of line indices.
pub fn locate(lines: &[LineInfo], first_enacting: usize) -> Option<std::ops::Range<usize>> {
    let header = lines.iter().position(|l| l.kind == Kind::TocHeader);
    let start = match header {
        Some(h) => h,
        // Without a heading: the first run of rows before the first resolution.
        None => {
            let r = lines[..first_enacting]
                .iter()
                .position(|l| matches!(l.kind, Kind::TocRow(_)))?;
            let rows = lines[r..run_end(lines, r)]
                .iter()
                .filter(|l| matches!(l.kind, Kind::TocRow(_)))
                .count();
            if rows < 2 {
                return None;
            }
            return Some(r..run_end(lines, r));
        }
    };
    Some(start..run_end(lines, start + 1))
}

/// Where the rows that start at line `from` end: rows, column headings, and the lines an English
/// index row wraps onto («1. Resolution No.1/46-MM on Safeguarding the Rights of» / «Muslim
/// Communities … 2»), up to the one that ends with the row's page number.
fn run_end(lines: &[LineInfo], from: usize) -> usize {
    let mut end = from;
    let mut open_row = false;
    while let Some(l) = lines.get(end) {
        match &l.kind {
            Kind::TocRow(r) => open_row = r.last == 0,
            Kind::TocColumns => open_row = false,
            Kind::Text if open_row => open_row = wrapped_page(l.norm()).is_none(),
            _ => break,
        }
        end += 1;
    }
    end
}

/// The page number at the end of a line a row wrapped onto, when it has one (after spaces or
/// leader dots).
fn wrapped_page(s: &str) -> Option<u32> {
    let t = s.trim_end();
    let tail = t.trim_end_matches(|c: char| c.is_ascii_digit());
    if tail.len() == t.len() || !(tail.is_empty() || tail.ends_with([' ', '\t', '.'])) {
        return None;
    }
    t[tail.len()..].parse().ok()
}

/// Reads the rows.
pub fn read(src: &str, lines: &[LineInfo], diagnostics: &mut Vec<Diagnostic>) -> Vec<TocEntry> {
    let mut out = Vec::new();
    for l in lines {
        if l.kind == Kind::Text {
            continue_row(src, l, &mut out);
            continue;
        }
        let Kind::TocRow(row) = &l.kind else { continue };
        for (row, span) in rows_on_line(src, l, row) {
            push_entry(src, l, &row, span, &mut out, diagnostics);
        }
    }
    out
}

/// One row of the table of contents, read into an entry.
fn push_entry(
    src: &str,
    l: &LineInfo,
    row: &TocRow,
    span: Span,
    out: &mut Vec<TocEntry>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let norm = l.norm();
    let cell = &norm[row.title.0..row.title.1];
    let (id, title_at) = match scan::heading(cell) {
        Some(h) => {
            let committee =
                &src[l.source(row.title.0 + h.committee.0)..l.source(row.title.0 + h.committee.1)];
            let id = if committee.is_empty() {
                format!("{}/{}", h.session, h.number)
            } else {
                format!(
                    "{}/{}-{}",
                    h.session,
                    h.number,
                    latin_upper(crate::text::unshape(committee.trim()))
                )
            };
            (
                Some((id, [h.session, h.number])),
                h.title_at.map(|t| row.title.0 + t),
            )
        }
        None => (None, None),
    };
    let title_from = l.source(title_at.unwrap_or(row.title.0));
    let title_to = l.norm.source_end(src, row.title.1);
    let title = crate::text::inline::strip_marks(src[title_from..title_to.max(title_from)].trim());
    // The number column holds the resolution's number, one of the id's two (which one depends
    // on the order the document prints ids in, settled later); if it sits last, the columns
    // are swapped.
    let id_numbers = id.as_ref().map(|(_, n)| *n);
    let swapped = id_numbers.is_some_and(|n| n.contains(&row.last) && !n.contains(&row.first))
        || (id_numbers.is_none() && row.first > row.last && out.len() as u32 + 1 == row.last);
    let (number, page) = if swapped {
        (row.last, row.first)
    } else {
        (row.first, row.last)
    };
    if swapped {
        diagnostics.push(Diagnostic {
            resolution: id.as_ref().map(|(i, _)| i.clone()),
            ..Diagnostic::new(
                DiagnosticCode::TocColumnsSwapped,
                format!("table of contents row {number}: number and page columns were swapped; read as number {number}, page {page}"),
                Some(span),
            )
        });
    }
    out.push(TocEntry {
        number: Some(number),
        id: id.map(|(i, _)| i),
        title,
        page: (page != 0).then_some(page),
        columns_swapped: swapped,
        span,
    });
}

/// The rows a line holds: itself, or several English rows a PDF conversion ran together on one
/// line («1. Resolution No.1/46-MM on … 2 2. Resolution No.2/46-MM on … 5»), each with its
/// stretch of the line.
fn rows_on_line(src: &str, l: &LineInfo, row: &TocRow) -> Vec<(TocRow, Span)> {
    let norm = l.norm();
    let whole = vec![(row.clone(), l.span())];
    if !norm[row.title.0..].starts_with("resolution") {
        return whole;
    }
    // Where a further row starts: «<number>. resolution» after a space, past the first title.
    let mut starts = vec![0];
    let bytes = norm.as_bytes();
    for (i, _) in norm.match_indices(" resolution").skip(1) {
        let before = norm[..i].trim_end_matches(['.', ')']);
        let digits = before.len() - before.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        let at = before.len() - digits;
        if digits > 0 && at > row.title.0 && bytes.get(at.wrapping_sub(1)) == Some(&b' ') {
            starts.push(at);
        }
    }
    if starts.len() < 2 {
        return whole;
    }
    starts.push(norm.len());
    let rows: Vec<(TocRow, Span)> = starts
        .windows(2)
        .filter_map(|w| {
            let piece = norm[w[0]..w[1]].trim_end();
            let mut r = scan::toc_row(piece)?;
            r.title = (r.title.0 + w[0], r.title.1 + w[0]);
            let from = if w[0] == 0 { l.start } else { l.source(w[0]) };
            let to = l.norm.source_end(src, w[0] + piece.len()).max(from);
            Some((r, Span::new(from, to)))
        })
        .collect();
    if rows.len() == starts.len() - 1 {
        rows
    } else {
        whole
    }
}

/// A line an index row wrapped onto: the rest of the last row's title, and its page number.
fn continue_row(src: &str, l: &LineInfo, out: &mut [TocEntry]) {
    let Some(entry) = out.last_mut() else {
        return;
    };
    let norm = l.norm();
    let page = wrapped_page(norm);
    let text_end = match page {
        Some(_) => norm
            .trim_end()
            .trim_end_matches(|c: char| c.is_ascii_digit())
            .trim_end_matches(['.', ' ', '\t'])
            .len(),
        None => norm.len(),
    };
    let to = l.norm.source_end(src, text_end).max(l.start);
    let rest = crate::text::inline::strip_marks(src[l.start..to].trim());
    if !rest.is_empty() {
        entry.title.push(' ');
        entry.title.push_str(&rest);
    }
    if page.is_some() {
        entry.page = page;
    }
    entry.span.end = l.end();
}

/// A Latin committee in capitals, as the resolutions' own ids print it (`mm` → `MM`).
fn latin_upper(c: String) -> String {
    if c.is_ascii() {
        c.to_ascii_uppercase()
    } else {
        c
    }
}
