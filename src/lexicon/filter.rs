//! A Bloom filter over words: "certainly not in the table" in a few instructions and one read of
//! a 16 KB bit table, before a hash-map look-up is asked.
//!
//! Every word of a document is checked against the lexicons (could a region's name start here?
//! a phrase?), and nearly all are in none of them. A hash map answers that too, but its entries
//! (about 17,000 written forms of region names) are spread over a megabyte, so each miss cost a
//! cache miss and a string comparison: a tenth of the parse in the profile. The bit table stays in
//! the first-level cache.

/// 2^17 bits. With two bits per word and the gazetteer's ~17,000 forms, about 5% of the words
/// that are in no table still pass, and go on to the hash map.
const BITS: u32 = 17;

#[derive(Debug, Clone)]
pub struct WordFilter {
    bits: Vec<u64>,
}

impl Default for WordFilter {
    fn default() -> Self {
        WordFilter {
            bits: vec![0; 1 << (BITS - 6)],
        }
    }
}

/// Two bit positions for a word, from its first and last eight bytes and its length (a filter
/// only needs a hash that rarely collides; words are short, so these bytes are most of them).
#[inline]
fn positions(word: &str) -> [usize; 2] {
    let b = word.as_bytes();
    let (head, tail) = if b.len() >= 8 {
        let head = u64::from_le_bytes(b[..8].try_into().unwrap_or([0; 8]));
        let tail = u64::from_le_bytes(b[b.len() - 8..].try_into().unwrap_or([0; 8]));
        (head, tail)
    } else {
        let mut buf = [0u8; 8];
        buf[..b.len()].copy_from_slice(b);
        (u64::from_le_bytes(buf), 0)
    };
    let h = (head.rotate_left(23) ^ tail ^ (b.len() as u64).wrapping_mul(0x51_7C_C1_B7))
        .wrapping_mul(0x9E37_79B9_7F4A_7C15);
    let h2 = (h ^ (h >> 29)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    [(h >> (64 - BITS)) as usize, (h2 >> (64 - BITS)) as usize]
}

impl WordFilter {
    pub fn insert(&mut self, word: &str) {
        for p in positions(word) {
            self.bits[p >> 6] |= 1 << (p & 63);
        }
    }

    /// False: the word was never inserted. True: it may have been.
    #[inline]
    pub fn may_contain(&self, word: &str) -> bool {
        positions(word)
            .iter()
            .all(|&p| self.bits[p >> 6] & (1 << (p & 63)) != 0)
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
