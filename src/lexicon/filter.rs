//! A Bloom filter over words: "certainly not in the table" in a few instructions and one read of
//! a 16 KB bit table, before a hash-map look-up is asked.
//!
//! Every word of a document is checked against the lexicons (could a region's name start here?
//! a phrase?), and nearly all are in none of them. A hash map answers that too, but its entries
//! (about 17,000 written forms of region names) are spread over a megabyte, so each miss cost a
//! cache miss and a string comparison: a tenth of the parse in the profile. The bit table stays
//! near the first-level cache, and both of a word's bits are in the same 64-bit block, so a look-up
//! reads one cache line.

/// 2^11 blocks of 64 bits. With two bits per word and the gazetteer's ~17,000 forms, about 6% of
/// the words that are in no table still pass, and go on to the hash map.
const BLOCK_BITS: u32 = 11;

#[derive(Debug, Clone)]
pub struct WordFilter {
    blocks: Vec<u64>,
}

impl Default for WordFilter {
    fn default() -> Self {
        WordFilter {
            blocks: vec![0; 1 << BLOCK_BITS],
        }
    }
}

/// What a word is hashed from: its first and its last (up to) eight bytes, little-endian and
/// zero-padded, and its length. Words are short, so these bytes are most of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordKey {
    head: u64,
    tail: u64,
    len: usize,
}

impl WordKey {
    /// The key of a word on its own.
    pub fn of(word: &str) -> WordKey {
        let b = word.as_bytes();
        let keep = b.len().min(8);
        let mut head = [0u8; 8];
        head[..keep].copy_from_slice(&b[..keep]);
        let mut tail = [0u8; 8];
        tail[..keep].copy_from_slice(&b[b.len() - keep..]);
        WordKey {
            head: u64::from_le_bytes(head),
            tail: u64::from_le_bytes(tail),
            len: b.len(),
        }
    }

    /// The key of the word `text[start..end]`, read from the text around it without branching
    /// on the word's length (that branch was mispredicted for about one word in four): eight
    /// bytes are loaded from each end and the bytes outside the word shifted or masked away.
    #[inline]
    pub fn in_text(text: &str, start: usize, end: usize) -> WordKey {
        let b = text.as_bytes();
        let len = end.saturating_sub(start);
        let (Some(head), Some(tail)) = (
            b.get(start..start + 8),
            end.checked_sub(8).and_then(|s| b.get(s..end)),
        ) else {
            return WordKey::of(text.get(start..end).unwrap_or(""));
        };
        let (Ok(head), Ok(tail)) = (<[u8; 8]>::try_from(head), <[u8; 8]>::try_from(tail)) else {
            return WordKey::of(text.get(start..end).unwrap_or(""));
        };
        // Bits of the bytes outside the word: 0 when the word has eight bytes or more.
        let outside = 8 * (8 - len.min(8)) as u32;
        WordKey {
            head: u64::from_le_bytes(head) & u64::MAX.checked_shr(outside).unwrap_or(0),
            tail: u64::from_le_bytes(tail).checked_shr(outside).unwrap_or(0),
            len,
        }
    }

    /// The block and the two bits within it.
    #[inline]
    fn place(self) -> (usize, u64) {
        let h =
            (self.head.rotate_left(23) ^ self.tail ^ (self.len as u64).wrapping_mul(0x517C_C1B7))
                .wrapping_mul(0x9E37_79B9_7F4A_7C15);
        let block = (h >> (64 - BLOCK_BITS)) as usize;
        let bits = (1u64 << (h & 63)) | (1u64 << ((h >> 6) & 63));
        (block, bits)
    }
}

impl WordFilter {
    pub fn insert(&mut self, word: &str) {
        let (block, bits) = WordKey::of(word).place();
        self.blocks[block] |= bits;
    }

    /// False: the word was never inserted. True: it may have been.
    #[inline]
    pub fn may_contain(&self, word: &str) -> bool {
        self.may_contain_key(WordKey::of(word))
    }

    #[inline]
    pub fn may_contain_key(&self, key: WordKey) -> bool {
        let (block, bits) = key.place();
        self.blocks[block] & bits == bits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_inserted_word_is_always_found() {
        let mut f = WordFilter::default();
        let words = [
            "",
            "و",
            "للصومال",
            "افغانستان",
            "a",
            "abcdefgh",
            "abcdefghijklmnopq",
        ];
        for w in words {
            f.insert(w);
        }
        for w in words {
            assert!(
                f.may_contain(w),
                "«{w}» was inserted, so it should be found"
            );
        }
    }

    #[test]
    fn a_word_read_from_its_text_has_the_key_it_has_alone() {
        let text = "في ، والصومال وليبيا 12 abcdefghij مالي";
        let ws = crate::text::words::words(text);
        for w in &ws {
            let word = &text[w.start..w.end];
            assert_eq!(
                WordKey::in_text(text, w.start, w.end),
                WordKey::of(word),
                "«{word}» should hash the same in its text as alone"
            );
        }
        assert!(ws.len() > 5);
    }

    #[test]
    fn most_other_words_are_turned_away() {
        let mut f = WordFilter::default();
        for k in 0..17_000 {
            f.insert(&format!("اسم{k}"));
        }
        let passed = (0..10_000)
            .filter(|k| f.may_contain(&format!("كلمة{k}")))
            .count();
        assert!(
            passed < 1_000,
            "with 17,000 words in, fewer than 10% of others should pass; {passed} did"
        );
    }
}
