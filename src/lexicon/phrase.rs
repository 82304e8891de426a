//! Phrase matching over normalised words: longest phrase first, with modifier words (بشدة، كذلك،
//! بالغ …) allowed inside a phrase and absorbed after it.

use rustc_hash::FxHashMap as HashMap;

use super::filter::WordFilter;
use crate::text::normalize;

use crate::text::words::{words, Word};

/// Up to `N` words' texts, kept on the stack: the lexicons compare a few words at a time, and a
/// `Vec` for each such window was a good share of the parse's allocations.
#[derive(Debug, Clone, Copy)]
pub struct Window<'t, const N: usize> {
    words: [&'t str; N],
    len: usize,
}

impl<'t, const N: usize> Window<'t, N> {
    /// The first `N` texts of `it`.
    pub fn new(it: impl IntoIterator<Item = &'t str>) -> Self {
        let mut w = Window {
            words: [""; N],
            len: 0,
        };
        for (slot, t) in w.words.iter_mut().zip(it) {
            *slot = t;
            w.len += 1;
        }
        w
    }

    /// The texts of `words[from..]` in `text` (at most `N` of them).
    pub fn of(text: &'t str, words: &[Word], from: usize) -> Self {
        Window::new(
            words
                .get(from..)
                .unwrap_or(&[])
                .iter()
                .map(|w| &text[w.start..w.end]),
        )
    }
}

impl<'t, const N: usize> std::ops::Deref for Window<'t, N> {
    type Target = [&'t str];
    fn deref(&self) -> &[&'t str] {
        &self.words[..self.len]
    }
}

/// A table of phrases, each a sequence of normalised words, with a payload index.
#[derive(Debug, Default)]
pub struct PhraseTable {
    /// First word → (remaining words, payload), longest first.
    by_first: HashMap<String, Vec<(Vec<String>, usize)>>,
    /// Modifiers: first word → (remaining words, template index).
    modifiers: HashMap<String, Vec<(Vec<String>, usize)>>,
    /// The keys of both maps: most words are in neither, and are turned away here.
    filter: WordFilter,
}

/// The result of a match: how many text words it covers and which modifiers it took in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhraseMatch {
    pub payload: usize,
    /// Words covered, modifiers included.
    pub len: usize,
    /// Modifier payloads absorbed, in text order.
    pub modifiers: Modifiers,
}

/// The modifiers a phrase took in, kept inline (a `Vec` here was an allocation per match): the
/// first [`Modifiers::MAX`] in text order. More are still covered by the match; only their glosses,
/// which would repeat the first ones', are not kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Modifiers {
    ids: [usize; Modifiers::MAX],
    len: usize,
}

impl Modifiers {
    pub const MAX: usize = 4;

    fn push(&mut self, id: usize) {
        if let Some(slot) = self.ids.get_mut(self.len) {
            *slot = id;
            self.len += 1;
        }
    }
}

impl std::ops::Deref for Modifiers {
    type Target = [usize];
    fn deref(&self) -> &[usize] {
        &self.ids[..self.len]
    }
}

fn split_norm(phrase: &str) -> Vec<String> {
    let n = normalize(phrase);
    words(&n)
        .iter()
        .map(|w| n[w.start..w.end].to_string())
        .collect()
}

/// Adds a phrase to a first-word table, keeping each list longest first.
fn add(
    table: &mut HashMap<String, Vec<(Vec<String>, usize)>>,
    filter: &mut WordFilter,
    phrase: &str,
    payload: usize,
) {
    let mut w = split_norm(phrase);
    if w.is_empty() {
        return;
    }
    let first = w.remove(0);
    filter.insert(&first);
    let list = table.entry(first).or_default();
    list.push((w, payload));
    list.sort_by_key(|x| std::cmp::Reverse(x.0.len()));
}

impl PhraseTable {
    /// Adds a phrase (in its usual spelling; it is normalised here).
    pub fn insert(&mut self, phrase: &str, payload: usize) {
        add(&mut self.by_first, &mut self.filter, phrase, payload);
    }

    /// Adds a modifier (بشدة، كذلك …), which may sit inside or after a phrase.
    pub fn insert_modifier(&mut self, phrase: &str, payload: usize) {
        add(&mut self.modifiers, &mut self.filter, phrase, payload);
    }

    /// Is `word` the first word of some phrase?
    pub fn starts(&self, word: &str) -> bool {
        self.filter.may_contain(word) && self.by_first.contains_key(word)
    }

    /// A modifier starting at `ws[0]`: (words it covers, payload).
    fn modifier_at(&self, ws: &[&str]) -> Option<(usize, usize)> {
        let first = ws.first()?;
        if !self.filter.may_contain(first) {
            return None;
        }
        let list = self.modifiers.get(*first)?;
        list.iter()
            .find(|(rest, _)| {
                rest.len() < ws.len() && rest.iter().zip(&ws[1..]).all(|(a, b)| a == b)
            })
            .map(|(rest, p)| (rest.len() + 1, *p))
    }

    /// The longest phrase starting at `ws[0]` whose first word is `first` (which may differ from
    /// `ws[0]` when the caller stripped a clitic or a pronoun).
    pub fn match_words(&self, first: &str, ws: &[&str]) -> Option<PhraseMatch> {
        if !self.filter.may_contain(first) {
            return None;
        }
        let list = self.by_first.get(first)?;
        // Whether a modifier starts at word j, asked once per j: a first word such as إذ heads
        // dozens of phrases, and each one that differs at a word asked the same question again.
        let mut memo: [Option<Option<(usize, usize)>>; 16] = [None; 16];
        let mut modifier_at = |j: usize| match memo.get_mut(j) {
            Some(slot) => *slot.get_or_insert_with(|| self.modifier_at(&ws[j.min(ws.len())..])),
            None => self.modifier_at(&ws[j.min(ws.len())..]),
        };
        'candidates: for (rest, payload) in list {
            let mut modifiers = Modifiers::default();
            let mut j = 1;
            for want in rest {
                loop {
                    // The text ends before the phrase does: try a shorter phrase.
                    let Some(got) = ws.get(j) else {
                        continue 'candidates;
                    };
                    if got == want {
                        j += 1;
                        break;
                    }
                    match modifier_at(j) {
                        Some((n, m)) => {
                            modifiers.push(m);
                            j += n;
                        }
                        None => continue 'candidates,
                    }
                }
            }
            while let Some((n, m)) = modifier_at(j) {
                modifiers.push(m);
                j += n;
            }
            return Some(PhraseMatch {
                payload: *payload,
                len: j,
                modifiers,
            });
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> PhraseTable {
        let mut t = PhraseTable::default();
        t.insert("يعرب عن قلقه", 1);
        t.insert("يعرب", 2);
        t.insert_modifier("بالغ", 10);
        t.insert_modifier("كذلك", 11);
        t.insert_modifier("من جديد", 12);
        t
    }

    fn ws(s: &str) -> (String, Vec<Word>) {
        let n = normalize(s);
        let w = words(&n);
        (n, w)
    }

    #[test]
    fn longest_phrase_wins_with_modifiers_inside_and_after() {
        let t = table();
        let (n, w) = ws("يعرب كذلك عن بالغ قلقه إزاء");
        let v: Vec<&str> = w.iter().map(|w| &n[w.start..w.end]).collect();
        let m = t.match_words(v[0], &v).expect("should match the phrase");
        assert_eq!(
            m.payload, 1,
            "the three-word phrase should win over the bare verb"
        );
        assert_eq!(m.len, 5, "modifiers inside the phrase should be covered");
        assert_eq!(*m.modifiers, [11, 10]);
    }

    #[test]
    fn falls_back_to_the_bare_verb() {
        let t = table();
        let (n, w) = ws("يعرب عن ارتياحه");
        let v: Vec<&str> = w.iter().map(|w| &n[w.start..w.end]).collect();
        assert_eq!(t.match_words(v[0], &v).unwrap().payload, 2);
    }

    #[test]
    fn words_split_on_punctuation() {
        let (n, w) = ws("يدين، ويحث (الدول)");
        let v: Vec<&str> = w.iter().map(|w| &n[w.start..w.end]).collect();
        assert_eq!(v, ["يدين", "ويحث", "الدول"]);
    }
}
