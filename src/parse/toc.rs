//! The table of contents: a heading (فهرس), column headings, then rows of number, title, page —
//! in either column order: some converters swap the first and last cells.

use super::line::{Kind, LineInfo};
use super::scan;
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
            let run = lines[r..]
                .iter()
                .take_while(|l| matches!(l.kind, Kind::TocRow(_)))
                .count();
            if run < 2 {
                return None;
            }
            r
        }
    };
    let mut end = start + 1;
    while end < lines.len() && matches!(lines[end].kind, Kind::TocRow(_) | Kind::TocColumns) {
        end += 1;
    }
    Some(start..end)
}

/// Reads the rows.
pub fn read(src: &str, lines: &[LineInfo], diagnostics: &mut Vec<Diagnostic>) -> Vec<TocEntry> {
    let mut out = Vec::new();
    for l in lines {
        let Kind::TocRow(row) = &l.kind else { continue };
        let norm = l.norm();
        let cell = &norm[row.title.0..row.title.1];
        let (id, title_at) = match scan::heading(cell) {
            Some(h) => {
                let committee = &src
                    [l.source(row.title.0 + h.committee.0)..l.source(row.title.0 + h.committee.1)];
                let id = if committee.is_empty() {
                    format!("{}/{}", h.session, h.number)
                } else {
                    format!(
                        "{}/{}-{}",
                        h.session,
                        h.number,
                        crate::text::unshape(committee.trim())
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
        let title =
            crate::text::inline::strip_marks(src[title_from..title_to.max(title_from)].trim());
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
        let span = Span::new(l.start, l.end());
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
            page: Some(page),
            columns_swapped: swapped,
            span,
        });
    }
    out
}
