//! Where things are in the document, as line indices: the table of contents, the cover before it,
//! and the first line of each resolution. A resolution's anchor is its enacting formula; its
//! heading, «بشأن» and title lines sit just above it. A heading with no formula below it starts a
//! resolution too.

use std::ops::Range;

use super::line::{Kind, LineInfo};
use super::toc;

/// How many unmarked lines above an enacting formula may be its title.
pub(super) const MAX_TITLE_LINES: usize = 4;

/// Where one resolution starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Start {
    /// Its first line.
    pub first: usize,
    /// Its enacting formula's line, when it has one.
    pub enacting: Option<usize>,
}

#[derive(Debug, Clone, Default)]
pub(super) struct Layout {
    /// The table of contents' lines.
    pub toc: Option<Range<usize>>,
    /// The cover: lines before the table of contents or the first resolution.
    pub cover_end: usize,
    /// The first line of the first resolution (the number of lines when there is none).
    pub first_start: usize,
    /// Every resolution's start, in document order.
    pub starts: Vec<Start>,
    lines: usize,
}

impl Layout {
    #[inline(never)] // a stage of its own in the wasm build: see parse/mod.rs
    pub fn find(lines: &[LineInfo]) -> Layout {
        let first_enacting = lines
            .iter()
            .position(|l| l.kind == Kind::Enacting)
            .unwrap_or(lines.len());
        // A table of contents after the first formula stands last, or between resolutions; one
        // that a resolution's own text goes on after is that text (a heading «INDEX» inside it).
        let toc = toc::locate(lines, first_enacting).filter(|r| {
            r.start < first_enacting
                || lines
                    .get(r.end)
                    .is_none_or(|l| matches!(l.kind, Kind::Heading(_) | Kind::Enacting))
        });
        let mut layout = Layout {
            toc,
            lines: lines.len(),
            ..Layout::default()
        };
        // A table of contents before the first formula is front matter; one after it (some
        // documents print it last) is skipped where it stands.
        let body_from =
            layout
                .toc
                .as_ref()
                .map_or(0, |r| if r.start < first_enacting { r.end } else { 0 });
        layout.starts = layout.resolution_starts(lines, body_from);
        layout.first_start = layout.starts.first().map_or(lines.len(), |s| s.first);
        layout.cover_end = layout
            .toc
            .as_ref()
            .map_or(layout.first_start, |r| r.start.min(layout.first_start));
        layout
    }

    pub fn in_toc(&self, i: usize) -> bool {
        self.toc.as_ref().is_some_and(|r| r.contains(&i))
    }

    /// The lines of resolution `k` (indices into the document's lines, the table of contents left
    /// out).
    pub fn resolution_lines(&self, k: usize) -> Vec<usize> {
        let Some(start) = self.starts.get(k) else {
            return Vec::new();
        };
        let end = self.starts.get(k + 1).map_or(self.lines, |s| s.first);
        (start.first..end).filter(|&i| !self.in_toc(i)).collect()
    }

    /// The top of the block above each enacting formula, and any heading that is not in such a
    /// block (a resolution without a formula).
    fn resolution_starts(&self, lines: &[LineInfo], body_from: usize) -> Vec<Start> {
        let mut starts = Vec::new();
        let mut claimed = vec![false; lines.len()];
        let mut floor = body_from;
        for e in
            (body_from..lines.len()).filter(|&i| lines[i].kind == Kind::Enacting && !self.in_toc(i))
        {
            let top = self.head_top(lines, floor, e);
            for c in &mut claimed[top..=e] {
                *c = true;
            }
            starts.push(Start {
                first: top,
                enacting: Some(e),
            });
            floor = e + 1;
        }
        for (i, l) in lines.iter().enumerate().skip(body_from) {
            if matches!(l.kind, Kind::Heading(_)) && !claimed[i] && !self.in_toc(i) {
                starts.push(Start {
                    first: i,
                    enacting: None,
                });
            }
        }
        starts.sort();
        starts
    }

    /// The first line of the block above the enacting formula at `e`: heading, «بشأن», title lines
    /// — going up no further than `floor`.
    fn head_top(&self, lines: &[LineInfo], floor: usize, e: usize) -> usize {
        let mut top = e;
        let mut titles = 0;
        let mut seen_bishaan = false;
        for j in (floor..e).rev() {
            if self.in_toc(j) {
                break;
            }
            let l = &lines[j];
            match &l.kind {
                Kind::Heading(_) => return j,
                Kind::Bishaan(_) if !seen_bishaan => seen_bishaan = true,
                Kind::Text | Kind::Opening | Kind::Verb
                    if !seen_bishaan && titles < MAX_TITLE_LINES && l.is_title_like() =>
                {
                    titles += 1
                }
                _ => break,
            }
            top = j;
        }
        top
    }
}
