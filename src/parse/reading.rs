//! How the resolutions are read once the first pass has found their lines: in turn, from the
//! whole document's normalised copy, or each from a normalised stretch of its own, which lets the
//! document's copy go and several threads read at once.
//!
//! A large document natively is read in stretches: its normalised copy is the text's size again,
//! and holding it while the model is built (twice the text's size) put the CLI's peak at 5.2× the
//! input; in stretches it is 3.7× (BENCHMARKS.md). Normalising every resolution a second time
//! costs about a fifth of a parse's work, which a second thread wins back. In the browser
//! the worker is one thread, and its documents are read from the whole copy.
//!
//! Both ways give the same document: a stretch starts and ends at a line's edges, normalising is
//! char by char, and no word runs over a line's end (`tests/reading.rs`).

use super::line::{Kind, LineInfo};
use super::resolution;
use crate::model::Document;
use crate::text::normalize::Normalized;

/// How the resolutions are read (see the module's comment).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// In turn, from the whole document's normalised copy.
    Whole,
    /// Each from a stretch of its own, on up to `threads` threads.
    Stretches { threads: usize },
}

/// From this many bytes, a document is read in stretches natively.
pub const STRETCHES_FROM: usize = 1 << 20;

/// The threads the command line's work is shared over: the machine's, up to four (two cores
/// here; past four, joining the parts costs more than they save). Natively only: the browser's
/// worker is one thread.
#[cfg(not(target_arch = "wasm32"))]
pub fn threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get().min(4))
}

impl Reading {
    /// How a document of `src`'s size is read on this machine.
    pub fn for_document(src: &str) -> Reading {
        #[cfg(not(target_arch = "wasm32"))]
        if src.len() >= STRETCHES_FROM {
            return Reading::Stretches { threads: threads() };
        }
        let _ = src;
        Reading::Whole
    }
}

/// One line of a resolution as the first pass placed it: where it stands and what it is.
#[derive(Debug)]
pub struct PlacedLine {
    pub start: usize,
    pub len: usize,
    pub kind: Kind,
}

/// A resolution's lines as the first pass left them, to be read on their own.
#[derive(Debug)]
pub struct ResolutionLines {
    pub lines: Vec<PlacedLine>,
    /// Which of them is the enacting formula, if any.
    pub enacting: Option<usize>,
}

impl ResolutionLines {
    /// The source bytes its lines hold.
    fn size(&self) -> usize {
        self.lines.iter().map(|l| l.len).sum()
    }
}

/// Reads `resolutions`, the first of which is the document's number `first` (from 0), into
/// `doc`: from `whole`, the document's normalised copy, or else each from its own stretch.
pub fn in_turn(
    src: &str,
    resolutions: Vec<ResolutionLines>,
    first: usize,
    whole: Option<&Normalized>,
    doc: &mut Document,
) {
    for (k, r) in resolutions.into_iter().enumerate() {
        read_one(src, r, first + k, whole, doc);
    }
}

/// Reads `resolutions` in stretches on up to `threads` threads, each taking a run of about the
/// same number of bytes into a document of its own; the runs are joined in order after.
pub fn in_parallel(
    src: &str,
    resolutions: Vec<ResolutionLines>,
    threads: usize,
    doc: &mut Document,
) {
    let mut runs = split(resolutions, threads.max(1)).into_iter();
    let Some((_, mine)) = runs.next() else {
        return;
    };
    let parts = std::thread::scope(|scope| {
        let others: Vec<_> = runs
            .map(|(first, run)| {
                scope.spawn(move || {
                    let mut part = Document::default();
                    in_turn(src, run, first, None, &mut part);
                    part
                })
            })
            .collect();
        in_turn(src, mine, 0, None, doc);
        others.into_iter().map(|h| h.join()).collect::<Vec<_>>()
    });
    for part in parts {
        // A thread that panicked has panicked the parse, as one thread would have.
        let part = part.unwrap_or_else(|e| std::panic::resume_unwind(e));
        // What reading a resolution adds to a document (see `resolution::read`).
        doc.resolutions.extend(part.resolutions);
        doc.unplaced.extend(part.unplaced);
        doc.diagnostics.extend(part.diagnostics);
    }
}

/// `resolutions` in `n` runs of about the same number of bytes, in order, each with the number
/// of its first resolution; a run may be empty.
fn split(mut resolutions: Vec<ResolutionLines>, n: usize) -> Vec<(usize, Vec<ResolutionLines>)> {
    let total: usize = resolutions.iter().map(ResolutionLines::size).sum();
    let mut runs = Vec::with_capacity(n);
    // From the last run: each starts after the resolution whose bytes reach its share.
    for t in (1..n).rev() {
        let share = total / n * t;
        let mut before = 0;
        let at = (resolutions.iter())
            .position(|r| {
                before += r.size();
                before >= share
            })
            .map_or(resolutions.len(), |k| k + 1);
        runs.push((at, resolutions.split_off(at)));
    }
    runs.push((0, resolutions));
    runs.reverse();
    runs
}

/// Reads one resolution, the document's number `position`, from its lines and `whole` or its
/// own stretch of the source, normalised.
fn read_one(
    src: &str,
    r: ResolutionLines,
    position: usize,
    whole: Option<&Normalized>,
    doc: &mut Document,
) {
    let (Some(first), Some(last)) = (r.lines.first(), r.lines.last()) else {
        return;
    };
    let own;
    let norm = match whole {
        Some(n) => n,
        None => {
            let (from, to) = (first.start, last.start + last.len);
            own = Normalized::stretch(src, from, to).unwrap_or_else(|| Normalized::document(src));
            &own
        }
    };
    let lines: Vec<LineInfo> = (r.lines.into_iter())
        .filter_map(|l| {
            Some(LineInfo {
                raw: src.get(l.start..l.start + l.len)?,
                start: l.start,
                norm: norm.slice(l.start, l.start + l.len),
                kind: l.kind,
            })
        })
        .collect();
    let region: Vec<usize> = (0..lines.len()).collect();
    resolution::read(src, norm, &lines, &region, r.enacting, position, doc);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines_of(sizes: &[usize]) -> Vec<ResolutionLines> {
        sizes
            .iter()
            .map(|&len| ResolutionLines {
                lines: vec![PlacedLine {
                    start: 0,
                    len,
                    kind: Kind::Text,
                }],
                enacting: None,
            })
            .collect()
    }

    #[test]
    fn runs_keep_every_resolution_in_order_with_its_number() {
        for n in 1..6 {
            let runs = split(lines_of(&[5, 1, 1, 9, 2, 2, 2, 7]), n);
            assert_eq!(runs.len(), n, "there should be one run per thread");
            let mut next = 0;
            for (first, run) in &runs {
                assert_eq!(
                    *first, next,
                    "a run should be numbered from where the last ended"
                );
                next += run.len();
            }
            assert_eq!(next, 8, "every resolution should be in a run");
        }
    }

    #[test]
    fn runs_share_the_bytes() {
        let runs = split(lines_of(&[10; 10]), 2);
        let sizes: Vec<usize> = (runs.iter())
            .map(|(_, r)| r.iter().map(ResolutionLines::size).sum())
            .collect();
        assert_eq!(
            sizes,
            [50, 50],
            "two threads should share ten equal resolutions half and half"
        );
    }
}
