//! Words and letter classes: the one place that says what a letter is. The document pass, the
//! word splitter and the scanners all ask here, so they cannot disagree about a char.

/// A word of a normalised text: byte range within it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    pub start: usize,
    pub end: usize,
}

/// For a code point of the Arabic block (U+0600–U+06FF): is it a letter or a digit? Kashida
/// (U+0640) counts as a letter, as it sits inside words (normalisation drops it anyway); harakat,
/// punctuation, signs and Quranic marks do not.
const fn arabic_block_word(cp: u32) -> bool {
    matches!(
        cp,
        0x0620..=0x064A
            | 0x0660..=0x0669
            | 0x066E..=0x066F
            | 0x0671..=0x06D3
            | 0x06D5
            | 0x06EE..=0x06FC
            | 0x06FF
    )
}

/// Is `c` part of a word? Letters and digits of any script; `/`, `-` and marks are not.
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    // The common cases without Unicode table look-ups (they dominated the parse's profile).
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' => true,
        '\0'..='\u{7F}' => false,
        '\u{0600}'..='\u{06FF}' => arabic_block_word(c as u32),
        _ => c.is_alphanumeric(),
    }
}

/// Is `c` a letter of the Arabic script (a word char of the Arabic block that is not a digit)?
#[inline]
pub(crate) fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}')
        && arabic_block_word(c as u32)
        && !matches!(c, '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}')
}

/// [`is_word_char`] for U+0600..U+067F, indexed by the code point's low 7 bits: the chars whose
/// UTF-8 form starts with 0xD8 or 0xD9, which the hot loops read from their bytes.
pub(crate) const ARABIC_WORD: [bool; 128] = {
    let mut t = [false; 128];
    let mut k = 0;
    while k < 128 {
        t[k] = arabic_block_word(0x600 + k as u32);
        k += 1;
    }
    t
};

/// Splits normalised text into words. Arabic letters and ASCII are classified from their bytes;
/// other chars through Unicode's tables.
pub fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::with_capacity(text.len() / 10);
    out.extend(WordIter::new(text));
    out
}

/// The words of normalised text, one at a time (a line's opening is in its first few words: no
/// need to split the rest).
pub(crate) struct WordIter<'t> {
    text: &'t str,
    i: usize,
}

impl<'t> WordIter<'t> {
    pub(crate) fn new(text: &'t str) -> Self {
        WordIter { text, i: 0 }
    }
}

impl Iterator for WordIter<'_> {
    type Item = Word;

    fn next(&mut self) -> Option<Word> {
        let b = self.text.as_bytes();
        let mut start = None;
        while self.i < b.len() {
            let i = self.i;
            let x = b[i];
            let (word, len) = if x < 0x80 {
                (x.is_ascii_alphanumeric(), 1)
            } else if (x == 0xD8 || x == 0xD9) && i + 1 < b.len() {
                (
                    ARABIC_WORD[(((x & 1) as usize) << 6) | (b[i + 1] & 0x3F) as usize],
                    2,
                )
            } else {
                match self.text[i..].chars().next() {
                    Some(c) => (is_word_char(c), c.len_utf8()),
                    None => break,
                }
            };
            match (word, start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => return Some(Word { start: s, end: i }),
                _ => {}
            }
            self.i += len;
        }
        self.i = b.len();
        start.map(|s| Word {
            start: s,
            end: b.len(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_byte_table_agrees_with_the_char_test() {
        for cp in 0x0600u32..0x0680 {
            let c = char::from_u32(cp).unwrap();
            assert_eq!(
                ARABIC_WORD[(cp - 0x600) as usize],
                is_word_char(c),
                "U+{cp:04X} should be classified the same from its bytes and as a char"
            );
        }
    }

    #[test]
    fn every_arabic_letter_is_a_word_char() {
        for cp in 0x0600u32..=0x06FF {
            let c = char::from_u32(cp).unwrap();
            if is_arabic_letter(c) {
                assert!(is_word_char(c), "U+{cp:04X} is a letter, so part of a word");
            }
        }
        assert!(is_arabic_letter('\u{0620}') && is_arabic_letter('\u{066E}'));
        assert!(
            !is_arabic_letter('٣') && is_word_char('٣'),
            "digits are words, not letters"
        );
        assert!(!is_word_char('\u{064E}'), "a haraka is not a word char");
    }

    #[test]
    fn splits_on_anything_but_letters_and_digits() {
        let t = "يدين، بشدة 2334/ab";
        let ws: Vec<&str> = words(t).iter().map(|w| &t[w.start..w.end]).collect();
        assert_eq!(ws, ["يدين", "بشدة", "2334", "ab"]);
    }
}
