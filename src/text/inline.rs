//! Inline marks. Converters write bold as `**…**`; the marks are removed from the display text and
//! kept as emphasis spans. A paragraph is built here from one or more source pieces (lines, or a
//! line without its label), joined with a space.

use std::cell::OnceCell;

use super::normalize::Normalized;
use crate::lexicon::{words, Word};
use crate::model::Mark;

/// A paragraph's text in its three forms.
#[derive(Debug, Clone, Default)]
pub struct Para {
    /// What the reader sees: pieces joined by a space, `**` removed.
    pub display: String,
    /// The same text normalised for matching, each byte mapped back to the source.
    pub norm: Normalized,
    /// Emphasised runs, as source spans without the marks.
    pub marks: Vec<Mark>,
    /// Source offsets of the first and last byte covered.
    pub start: usize,
    pub end: usize,
    /// The words of `norm`, split once when first asked for (verbs, openings and regions all
    /// read them).
    words: OnceCell<Vec<Word>>,
}

impl Para {
    /// The words of the normalised text.
    pub fn words(&self) -> &[Word] {
        self.words.get_or_init(|| words(&self.norm.text))
    }

    /// Builds a paragraph from `(source offset, text)` pieces, in order.
    pub fn build<'a>(pieces: impl IntoIterator<Item = (usize, &'a str)>) -> Para {
        let pieces: Vec<(usize, &str)> = pieces.into_iter().collect();
        let total: usize = pieces.iter().map(|p| p.1.len() + 1).sum();
        let mut p = Para {
            start: usize::MAX,
            display: String::with_capacity(total),
            norm: Normalized::with_capacity(total),
            ..Para::default()
        };
        let mut open: Option<usize> = None;
        for (base, piece) in pieces {
            if piece.is_empty() {
                continue;
            }
            if p.start == usize::MAX {
                p.start = base;
            } else {
                p.display.push(' ');
                p.norm.push(' ', base);
            }
            p.end = base + piece.len();
            let bytes = piece.as_bytes();
            let mut run = 0; // start of the current run of plain text
            let mut from = 0;
            // `**` is rare: jump from one `*` to the next.
            while let Some(k) = piece[from..].find('*') {
                let i = from + k;
                if bytes.get(i + 1) != Some(&b'*') {
                    from = i + 1;
                    continue;
                }
                push_run(&mut p, piece, base, run, i);
                match open.take() {
                    Some(s) => {
                        if s < base + i {
                            p.marks.push(Mark {
                                start: s,
                                end: base + i,
                            });
                        }
                    }
                    None => open = Some(base + i + 2),
                }
                from = i + 2;
                run = from;
            }
            push_run(&mut p, piece, base, run, bytes.len());
        }
        if let Some(s) = open {
            // An unclosed mark runs to the end of the paragraph.
            if s < p.end {
                p.marks.push(Mark {
                    start: s,
                    end: p.end,
                });
            }
        }
        if p.start == usize::MAX {
            p.start = 0;
        }
        p.norm.finish(p.end);
        p
    }
}

fn push_run(p: &mut Para, piece: &str, base: usize, from: usize, to: usize) {
    if from >= to {
        return;
    }
    let run = &piece[from..to];
    p.display.push_str(run);
    p.norm.push_source(run, base + from);
}

/// The source text between two offsets without its `**` marks: how a verb or a mention is shown.
pub fn strip_marks(s: &str) -> String {
    if s.contains("**") {
        s.replace("**", "")
    } else {
        s.to_string()
    }
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
        let at = p.norm.text.find("الطريق").unwrap();
        assert_eq!(
            p.norm.source(at),
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
