//! Inline marks. Converters write bold as `**…**`; the marks are removed from the display text and
//! kept as emphasis spans. A paragraph is built here from one or more source pieces (lines, or a
//! line without its label), joined with a space.

use std::cell::OnceCell;

use super::normalize::{NormSlice, Normalized, SourceMap};
use super::words::{words, Word};
use crate::model::{Mark, SourceRuns};

/// A paragraph's normalised text: its own, or a stretch of the normalised document.
#[derive(Debug, Clone)]
pub enum ParaNorm<'a> {
    Owned(Normalized),
    Slice(NormSlice<'a>),
}

/// A paragraph's text in its three forms.
#[derive(Debug, Clone)]
pub struct Para<'a> {
    /// What the reader sees: pieces joined by a space, `**` removed.
    pub display: String,
    /// The same text normalised for matching, mapped back to the source.
    pub norm: ParaNorm<'a>,
    /// Emphasised runs, as source spans without the marks.
    pub marks: Vec<Mark>,
    /// Where each stretch of `display` was copied from: `[display offset, source offset, length]`.
    pub runs: Vec<[usize; 3]>,
    /// The source offset of the first byte covered.
    pub start: usize,
    /// The words of the normalised text, split once when first asked for (verbs, openings and
    /// regions all read them).
    words: OnceCell<Vec<Word>>,
}

impl SourceMap for Para<'_> {
    fn norm_text(&self) -> &str {
        match &self.norm {
            ParaNorm::Owned(n) => &n.text,
            ParaNorm::Slice(s) => s.text(),
        }
    }
    fn source(&self, i: usize) -> usize {
        match &self.norm {
            ParaNorm::Owned(n) => n.source(i),
            ParaNorm::Slice(s) => s.source(i),
        }
    }
}

/// Walks a piece's `**` marks: calls `run` for each stretch of text between them and records
/// the emphasised spans; `open` carries an unclosed mark from one piece to the next.
fn walk_marks(
    piece: &str,
    base: usize,
    open: &mut Option<usize>,
    marks: &mut Vec<Mark>,
    mut run: impl FnMut(usize, usize),
) {
    let bytes = piece.as_bytes();
    let mut from = 0;
    let mut last = 0;
    // `**` is rare: jump from one `*` to the next.
    while let Some(k) = piece[from..].find('*') {
        let i = from + k;
        if bytes.get(i + 1) != Some(&b'*') {
            from = i + 1;
            continue;
        }
        if last < i {
            run(last, i);
        }
        match open.take() {
            Some(s) if s < base + i => marks.push(Mark {
                start: s,
                end: base + i,
            }),
            Some(_) => {}
            None => *open = Some(base + i + 2),
        }
        from = i + 2;
        last = from;
    }
    if last < piece.len() {
        run(last, piece.len());
    }
}

impl<'a> Para<'a> {
    /// The normalised text.
    pub fn norm_text(&self) -> &str {
        SourceMap::norm_text(self)
    }

    /// The words of the normalised text.
    pub fn words(&self) -> &[Word] {
        self.words.get_or_init(|| match &self.norm {
            ParaNorm::Slice(s) => s.words(),
            ParaNorm::Owned(n) => words(&n.text),
        })
    }

    /// A paragraph over a stretch of an already normalised document: one piece (the common case)
    /// is a slice of it; several pieces are joined and normalised anew.
    pub fn view(doc: &'a Normalized, pieces: &[(usize, &str)]) -> Para<'a> {
        let [(at, piece)] = pieces else {
            return Para::build(pieces.iter().copied());
        };
        let (at, piece) = (*at, *piece);
        let mut marks = Vec::new();
        let mut open = None;
        let mut display = String::with_capacity(piece.len());
        let mut runs = Vec::with_capacity(1);
        walk_marks(piece, at, &mut open, &mut marks, |a, b| {
            runs.push([display.len(), at + a, b - a]);
            display.push_str(&piece[a..b]);
        });
        let end = at + piece.len();
        if let Some(s) = open {
            if s < end {
                marks.push(Mark { start: s, end });
            }
        }
        Para {
            display,
            norm: ParaNorm::Slice(doc.slice(at, end)),
            marks,
            runs,
            start: at,
            words: OnceCell::new(),
        }
    }

    /// Builds a paragraph from `(source offset, text)` pieces, in order, normalising them.
    pub fn build<'b>(pieces: impl IntoIterator<Item = (usize, &'b str)>) -> Para<'a> {
        let pieces: Vec<(usize, &str)> = pieces.into_iter().collect();
        let total: usize = pieces.iter().map(|p| p.1.len() + 1).sum();
        let mut display = String::with_capacity(total);
        let mut norm = Normalized::with_capacity(total);
        let mut marks = Vec::new();
        let mut runs = Vec::with_capacity(pieces.len());
        let mut open: Option<usize> = None;
        let (mut start, mut end) = (usize::MAX, 0);
        for (base, piece) in pieces {
            if piece.is_empty() {
                continue;
            }
            if start == usize::MAX {
                start = base;
            } else {
                display.push(' ');
                norm.push(' ', base);
            }
            end = base + piece.len();
            walk_marks(piece, base, &mut open, &mut marks, |a, b| {
                runs.push([display.len(), base + a, b - a]);
                display.push_str(&piece[a..b]);
                norm.push_source(&piece[a..b], base + a);
            });
        }
        if let Some(s) = open {
            // An unclosed mark runs to the end of the paragraph.
            if s < end {
                marks.push(Mark { start: s, end });
            }
        }
        if start == usize::MAX {
            start = 0;
        }
        norm.finish(end);
        Para {
            display,
            norm: ParaNorm::Owned(norm),
            marks,
            runs,
            start,
            words: OnceCell::new(),
        }
    }
}

impl Para<'_> {
    /// How the source span `start..end` (a verb, a place, a reference found in this paragraph)
    /// reads in the display text: lines joined by a space, `**` dropped — the very bytes the
    /// viewer marks. Text outside the paragraph is shown from the source without its marks.
    pub fn shown(&self, src: &str, start: usize, end: usize) -> String {
        match SourceRuns::range_in(&self.runs, start, end) {
            Some((a, b)) => self.display[a..b].to_string(),
            None => strip_marks(src.get(start..end.max(start)).unwrap_or("")),
        }
    }

    /// The display text without white space at either end, and its runs to match.
    pub fn take_display(&mut self) -> (String, SourceRuns) {
        let display = std::mem::take(&mut self.display);
        let runs = std::mem::take(&mut self.runs);
        // Kept in the model for the document's life: without the room left by growing.
        self.marks.shrink_to_fit();
        let (text, mut runs) = trimmed_with_runs(display, runs);
        runs.0.shrink_to_fit();
        (text, runs)
    }
}

/// `display` trimmed at both ends, with `runs` cut and shifted to the trimmed text.
fn trimmed_with_runs(display: String, mut runs: Vec<[usize; 3]>) -> (String, SourceRuns) {
    let lead = display.len() - display.trim_start().len();
    let keep = display.trim().len();
    if lead == 0 && keep == display.len() {
        return (display, SourceRuns(runs));
    }
    runs.retain_mut(|[d, s, len]| {
        // Cut the run to the kept bytes lead..lead + keep, then shift it.
        let (a, b) = ((*d).max(lead), (*d + *len).min(lead + keep));
        if a >= b {
            return false;
        }
        *s += a - *d;
        *len = b - a;
        *d = a - lead;
        true
    });
    (display.trim().to_string(), SourceRuns(runs))
}

/// `s` without white space at either end; it is only copied when there was some (a paragraph's
/// pieces are already trimmed lines, so usually nothing is).
pub fn into_trimmed(s: String) -> String {
    if s.trim().len() == s.len() {
        s
    } else {
        s.trim().to_string()
    }
}

/// The source text between two offsets without its `**` marks: how a verb or a mention is shown.
pub fn strip_marks(s: &str) -> String {
    // Verbs and names are a few bytes long: a byte test first (a substring search's set-up cost
    // more than the copy; 520 instructions per verb in the profile).
    if !s.as_bytes().contains(&b'*') {
        return s.to_string();
    }
    s.replace("**", "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_bold_marks_and_keeps_them_as_spans() {
        let src = "1. **يدين** بشدة";
        let p = Para::build([(3, &src[3..])]);
        assert_eq!(p.display, "يدين بشدة", "the marks should not be displayed");
        assert_eq!(p.marks.len(), 1);
        assert_eq!(
            &src[p.marks[0].start..p.marks[0].end],
            "يدين",
            "the mark should span the bold word"
        );
    }

    #[test]
    fn joins_pieces_with_a_space_and_maps_them_back() {
        let src = "خارطة\n\nالطريق";
        let p = Para::build([(0, "خارطة"), (12, "الطريق")]);
        assert_eq!(p.display, "خارطة الطريق");
        let at = p.norm_text().find("الطريق").unwrap();
        assert_eq!(
            p.source(at),
            12,
            "the second piece should map to its own line"
        );
        assert_eq!(&src[12..], "الطريق");
    }

    #[test]
    fn bold_inside_a_word_is_kept() {
        let p = Para::build([(0, "و**يحث** الدول")]);
        assert_eq!(
            p.display, "ويحث الدول",
            "a mark inside a word should not split it"
        );
    }
}
