//! Where a whole document's words are, as one bit per byte of its normalised text: set for a byte
//! inside a word. A document's words are maximal runs of word bytes (two words always have
//! something between them), so the bits say all a list of `(start, end)` pairs would, in a
//! sixty-fourth of the text's size where the list took eight bytes a word, about 0.8× the text
//! (42 MB → 6 MB on the CLI's 50 MB file, BENCHMARKS.md). The runs are read back a machine
//! word at a time, so a paragraph's words cost a few steps each, not a step per byte.

use super::words::Word;

#[derive(Debug, Clone, Default)]
pub struct WordBits(Vec<u64>);

impl WordBits {
    /// Room for a text of about `len` bytes (it grows if the text turns out longer).
    pub fn with_len(len: usize) -> Self {
        WordBits(vec![0; len / 64 + 1])
    }

    /// Bytes `start..end` are a word.
    #[inline(always)]
    pub fn mark(&mut self, start: usize, end: usize) {
        let (first, last) = (start / 64, end.wrapping_sub(1) / 64);
        // Most words: non-empty, within one machine word that is already there.
        if first == last && start < end {
            if let Some(w) = self.0.get_mut(first) {
                let (head, tail) = masks(start, end);
                *w |= head & tail;
                return;
            }
        }
        self.mark_across(start, end);
    }

    /// [`WordBits::mark`] for a word across machine words, or past the room made so far (kept
    /// out of the document pass's loop, where `mark` is inlined).
    #[cold]
    fn mark_across(&mut self, start: usize, end: usize) {
        if end <= start {
            return;
        }
        let (first, last) = (start / 64, (end - 1) / 64);
        if last >= self.0.len() {
            self.0.resize(last + 1, 0);
        }
        let (head, tail) = masks(start, end);
        if first == last {
            self.0[first] |= head & tail;
        } else {
            self.0[first] |= head;
            self.0[first + 1..last].fill(!0);
            self.0[last] |= tail;
        }
    }

    /// Adds `more`, the bits of a text that follows this one's at byte `at` (none of this one's
    /// bits at or past `at`): the words of two stretches of a document, normalised apart, joined.
    pub fn append(&mut self, more: &WordBits, at: usize) {
        let (base, bit) = (at / 64, at % 64);
        if self.0.len() < base + more.0.len() + 1 {
            self.0.resize(base + more.0.len() + 1, 0);
        }
        for (k, &w) in more.0.iter().enumerate() {
            self.0[base + k] |= w << bit;
            if bit > 0 {
                self.0[base + k + 1] |= w >> (64 - bit);
            }
        }
    }

    /// The words that lie wholly within bytes `from..to`, rebased to `from`: a word cut by
    /// either end is not one of the stretch's.
    pub fn words_in(&self, from: usize, to: usize) -> Vec<Word> {
        // About one word in ten bytes of Arabic (five letters of two bytes, and a space): room
        // for them at once, not grown word by word.
        let mut out = Vec::with_capacity(to.saturating_sub(from) / 10 + 1);
        if to <= from {
            return out;
        }
        // Read by edges: bit i of `edges` is set where byte i is in a word and byte i - 1 is not
        // (a start) or the other way round (an end), for i in `from..=to`. A word that began
        // before `from` has no start here and one that ends after `to` no end, so neither is
        // taken.
        let mut open = None;
        let (first, last) = (from / 64, to / 64);
        let mut carry = match first.checked_sub(1) {
            Some(k) => self.0.get(k).map_or(0, |w| w >> 63),
            None => 0,
        };
        for k in first..=last {
            let x = self.0.get(k).copied().unwrap_or(0);
            let mut edges = x ^ (x << 1 | carry);
            carry = x >> 63;
            if k == first {
                edges &= !0u64 << (from % 64);
            }
            if k == last {
                edges &= !0u64 >> (63 - to % 64);
            }
            while edges != 0 {
                let bit = edges.trailing_zeros() as usize;
                edges &= edges - 1;
                let at = k * 64 + bit;
                if x >> bit & 1 == 1 {
                    open = Some(at);
                } else if let Some(start) = open.take() {
                    out.push(Word {
                        start: start - from,
                        end: at - from,
                    });
                }
            }
        }
        out
    }
}

/// For a non-empty `start..end`: the bits from `start` up in its machine word, and those up to
/// `end - 1` in its own.
#[inline(always)]
fn masks(start: usize, end: usize) -> (u64, u64) {
    (!0u64 << (start % 64), !0u64 >> (63 - (end - 1) % 64))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The naive oracle: every maximal run of marked bytes wholly inside `from..to`.
    fn runs(marked: &[bool], from: usize, to: usize) -> Vec<Word> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < marked.len() {
            if !marked[i] {
                i += 1;
                continue;
            }
            let s = i;
            while i < marked.len() && marked[i] {
                i += 1;
            }
            if s >= from && i <= to {
                out.push(Word {
                    start: s - from,
                    end: i - from,
                });
            }
        }
        out
    }

    #[test]
    fn words_in_agrees_with_the_naive_runs_on_every_stretch() {
        // Words across machine-word edges (63..65), one over three machine words (66..200, all
        // of bits 128..192), and runs that touch the text's ends; the room made for 10 bytes, so
        // that marking grows it.
        let words = [(0, 3), (5, 9), (63, 65), (66, 200), (201, 202), (250, 256)];
        let mut bits = WordBits::with_len(10);
        let mut marked = vec![false; 256];
        for &(s, e) in &words {
            bits.mark(s, e);
            marked[s..e].iter_mut().for_each(|m| *m = true);
        }
        for from in 0..=256 {
            for to in from..=256 {
                assert_eq!(
                    bits.words_in(from, to),
                    runs(&marked, from, to),
                    "the words of {from}..{to} should be the runs wholly inside it"
                );
            }
        }
    }

    #[test]
    fn an_empty_word_marks_nothing() {
        let mut bits = WordBits::with_len(64);
        bits.mark(10, 10);
        assert!(
            bits.words_in(0, 64).is_empty(),
            "an empty range should not be a word"
        );
    }
}
