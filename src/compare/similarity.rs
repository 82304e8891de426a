//! How alike two resolutions of two sessions are, 0 to 1. Words are weighted by how rare they are
//! across both sessions (tf-idf): «الوضع» and «في» open many titles and say little, «مالي» and
//! «ليبيا» say which resolution it is. Three signals, then a fourth that settles it:
//!
//! - the titles' words (cosine of their weights),
//! - the paragraphs' words (the same, over preamble and operative clauses),
//! - the primary regions (Jaccard: the places the resolutions are about),
//! - the new resolution citing the old one («القرار رقم 43/8-س» in the 44th session's Kashmir
//!   resolution), which raises the score.
//!
//! Every word is read once, for both the pairing and the clause alignment ([`Paragraph`]), and
//! stands as a number from then on, its 64-bit hash ([`hash64`]): comparing is merging sorted
//! lists of numbers, not hashing strings (the first version, on strings, took 110 ms for two
//! sessions; BENCHMARKS.md). Two different words of two sessions sharing a hash is a chance of
//! about one in 10^10 and would only make two paragraphs look a word more alike.

use rustc_hash::FxHashMap;

use super::push_number;
use crate::model::{Document, OperativeClause, ReferenceKind, Resolution, VerbCategory};
use crate::text::words::WordIter;
use crate::text::Normalized;

const TITLE: f64 = 0.35;
const BODY: f64 = 0.45;
const REGIONS: f64 = 0.2;
/// What citing the old resolution adds (up to 1).
const CITED: f64 = 0.3;

/// A word's comparable form: normalised, with the conjunction and the article taken off
/// («والصومال» and «الصومال» and «صومال» are one word here).
fn stem(word: &str) -> &str {
    // Lengths in bytes: every letter here is two (Arabic) and what is left must keep three.
    let mut w = word;
    if w.len() > 6 {
        w = w.strip_prefix('و').unwrap_or(w);
    }
    for article in ["بال", "لل", "ال"] {
        if w.len() >= article.len() + 6 {
            if let Some(rest) = w.strip_prefix(article) {
                return rest;
            }
        }
    }
    w
}

/// The comparable words of `norm` (already normalised), in order.
fn stems(norm: &str) -> impl Iterator<Item = &str> {
    WordIter::new(norm).map(move |w| stem(&norm[w.start..w.end]))
}

/// A 64-bit hash of `bytes`, eight at a time (FxHash's step), the same on every target: the
/// `FxHasher` of `rustc-hash` is as wide as a pointer, 32 bits in the viewer's wasm, where two of
/// two sessions' 20,000 words would now and then share one.
pub fn hash64(bytes: &[u8]) -> u64 {
    let mut h = step(0, bytes.len() as u64);
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let mut x = [0u8; 8];
        x.copy_from_slice(c);
        h = step(h, u64::from_le_bytes(x));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut x = [0u8; 8];
        x[..rest.len()].copy_from_slice(rest);
        h = step(h, u64::from_le_bytes(x));
    }
    h
}

/// One step of [`hash64`]: `x` mixed into `h`.
fn step(h: u64, x: u64) -> u64 {
    (h.rotate_left(5) ^ x).wrapping_mul(0x517c_c1b7_2722_0a95)
}

/// One paragraph, as compared: its normalised text's hash (two paragraphs with the same are the
/// same) and its words.
pub struct Paragraph {
    /// [`hash64`] of the normalised text.
    pub same_as: u64,
    /// Word ids, sorted, repeats kept.
    pub terms: Vec<u64>,
    /// The opening verb's category (operative clauses).
    pub verb: Option<VerbCategory>,
}

/// Reads paragraphs with one normalising buffer for all (a string per paragraph, and its word
/// list, were most of the allocations of a comparison: BENCHMARKS.md), and reads each distinct
/// text once: from one session to the next most paragraphs are re-adopted as they were, and a
/// paragraph already read is known by its raw text's hash (eight bytes a step, where reading it
/// folds, splits and hashes every char).
#[derive(Default)]
struct Reader {
    buf: Normalized,
    /// Every text read so far: raw hash → (normalised hash, where its ids are in `ids`).
    known: FxHashMap<u64, (u64, usize, usize)>,
    /// The word ids of every text read, one after another.
    ids: Vec<u64>,
}

impl Reader {
    /// The paragraph made of `pieces` in turn (normalising is char by char, so pieces normalised
    /// in turn are the whole normalised).
    fn read<'a>(
        &mut self,
        pieces: impl IntoIterator<Item = &'a str> + Clone,
        verb: Option<VerbCategory>,
    ) -> Paragraph {
        let raw = pieces
            .clone()
            .into_iter()
            .fold(0, |h, piece| step(h, hash64(piece.as_bytes())));
        let (same_as, start, end) = match self.known.get(&raw) {
            Some(&known) => known,
            None => {
                self.buf.clear();
                for piece in pieces {
                    self.buf.push_source(piece, 0);
                }
                let norm = self.buf.text.as_str();
                let start = self.ids.len();
                self.ids.extend(stems(norm).map(|w| hash64(w.as_bytes())));
                self.ids[start..].sort_unstable();
                let read = (hash64(norm.as_bytes()), start, self.ids.len());
                self.known.insert(raw, read);
                read
            }
        };
        Paragraph {
            same_as,
            terms: self.ids[start..end].to_vec(),
            verb,
        }
    }

    /// An operative clause: its text and its sub-items', as [`OperativeClause::whole_text`]
    /// joins them, without joining them.
    fn clause(&mut self, c: &OperativeClause) -> Paragraph {
        let verb = c.verbs.iter().find(|v| v.opening).and_then(|v| v.category);
        let items = c.items.iter().flat_map(|i| {
            let label = i.label.as_deref();
            [
                "\n",
                label.unwrap_or(""),
                if label.is_some() { " " } else { "" },
                i.text.as_str(),
            ]
        });
        self.read(std::iter::once(c.text.as_str()).chain(items), verb)
    }
}

/// A sparse vector: (word id, weight), sorted by id, and its length.
struct Vector {
    entries: Vec<(u64, f64)>,
    norm: f64,
}

impl Vector {
    /// tf-idf weights of the sorted ids `terms`.
    fn new(terms: impl IntoIterator<Item = u64>, df: &FxHashMap<u64, f64>, n: f64) -> Vector {
        let mut entries: Vec<(u64, f64)> = Vec::new();
        for t in terms {
            match entries.last_mut() {
                Some((k, tf)) if *k == t => *tf += 1.0,
                _ => entries.push((t, 1.0)),
            }
        }
        for (k, tf) in &mut entries {
            let idf = (n / df.get(k).copied().unwrap_or(1.0)).ln();
            *tf = (1.0 + tf.ln()) * idf;
        }
        entries.retain(|(_, x)| *x > 0.0);
        let norm = entries.iter().map(|(_, x)| x * x).sum::<f64>().sqrt();
        Vector { entries, norm }
    }

    fn cosine(&self, other: &Vector) -> f64 {
        let (a, b) = (&self.entries, &other.entries);
        let (mut i, mut j, mut dot) = (0, 0, 0.0);
        while i < a.len() && j < b.len() {
            match a[i].0.cmp(&b[j].0) {
                std::cmp::Ordering::Equal => {
                    dot += a[i].1 * b[j].1;
                    i += 1;
                    j += 1;
                }
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
            }
        }
        let d = self.norm * other.norm;
        if d > 0.0 {
            (dot / d).clamp(0.0, 1.0)
        } else {
            0.0
        }
    }
}

/// The cosine of every vector of `old` with every vector of `new`, `[old][new]`, through an
/// inverted index of `old`'s words.
fn all_cosines<'a>(
    old: impl Iterator<Item = &'a Vector>,
    new: impl Iterator<Item = &'a Vector>,
) -> Vec<Vec<f64>> {
    let old: Vec<&Vector> = old.collect();
    let words = old.iter().map(|v| v.entries.len()).sum::<usize>() / 2;
    let mut postings: FxHashMap<u64, Vec<(usize, f64)>> =
        FxHashMap::with_capacity_and_hasher(words, Default::default());
    for (i, v) in old.iter().enumerate() {
        for &(t, w) in &v.entries {
            postings.entry(t).or_default().push((i, w));
        }
    }
    let new: Vec<&Vector> = new.collect();
    let mut out = vec![vec![0.0; new.len()]; old.len()];
    let mut dots = vec![0.0; old.len()];
    for (j, v) in new.iter().enumerate() {
        dots.iter_mut().for_each(|d| *d = 0.0);
        for (t, w) in &v.entries {
            for &(i, wo) in postings.get(t).map_or(&[][..], Vec::as_slice) {
                dots[i] += w * wo;
            }
        }
        for (i, o) in old.iter().enumerate() {
            let d = o.norm * v.norm;
            out[i][j] = if d > 0.0 {
                (dots[i] / d).clamp(0.0, 1.0)
            } else {
                0.0
            };
        }
    }
    out
}

/// What is compared of one resolution.
pub struct Profile {
    title: Vector,
    body: Vector,
    regions: Vec<String>,
    /// `session/number` of each OIC resolution it cites (ids are printed in either order).
    cites: Vec<String>,
    /// `session/number` and `number/session` of itself.
    keys: [String; 2],
    pub preamble: Vec<Paragraph>,
    pub operative: Vec<Paragraph>,
}

/// `a/b`, written without the formatting machinery (which, run cold in the worker, showed in its
/// profile).
fn numbers(a: u32, b: u32) -> String {
    let mut s = String::with_capacity(8);
    push_number(&mut s, a as usize);
    s.push('/');
    push_number(&mut s, b as usize);
    s
}

/// Both sessions' resolutions, profiled.
pub struct Corpus {
    pub old: Vec<Profile>,
    pub new: Vec<Profile>,
}

/// Adds one to `df` for each distinct id of `terms` (sorted).
fn count_documents(df: &mut FxHashMap<u64, f64>, terms: impl IntoIterator<Item = u64>) {
    let mut last = None;
    for t in terms {
        if last != Some(t) {
            *df.entry(t).or_insert(0.0) += 1.0;
            last = Some(t);
        }
    }
}

impl Corpus {
    pub fn new(old: &Document, new: &Document) -> Corpus {
        let all: Vec<&Resolution> = old.resolutions.iter().chain(&new.resolutions).collect();
        // Each resolution's title ids and paragraphs, read once.
        let mut reader = Reader::default();
        let read: Vec<(Vec<u64>, Vec<Paragraph>, Vec<Paragraph>)> = all
            .iter()
            .map(|r| {
                let title = reader.read([r.title.as_str()], None).terms;
                let preamble = r
                    .preamble
                    .iter()
                    .map(|p| reader.read([p.text.as_str()], None))
                    .collect();
                let operative = r.operative.iter().map(|c| reader.clause(c)).collect();
                (title, preamble, operative)
            })
            .collect();
        let body_ids = |pre: &[Paragraph], ops: &[Paragraph]| -> Vec<u64> {
            let paragraphs = || pre.iter().chain(ops);
            let mut v = Vec::with_capacity(paragraphs().map(|p| p.terms.len()).sum());
            for p in paragraphs() {
                v.extend_from_slice(&p.terms);
            }
            // Runs already sorted, one per paragraph: the stable sort merges them.
            v.sort();
            v
        };
        let bodies: Vec<Vec<u64>> = read.iter().map(|(_, p, o)| body_ids(p, o)).collect();
        // Sized for every word once: growing the tables showed in the worker's profile.
        let sized = |n: usize| FxHashMap::with_capacity_and_hasher(n, Default::default());
        let mut title_df = sized(read.iter().map(|(t, _, _)| t.len()).sum());
        let mut body_df = sized(bodies.iter().map(Vec::len).sum::<usize>() / 2);
        for ((t, _, _), b) in read.iter().zip(&bodies) {
            count_documents(&mut title_df, t.iter().copied());
            count_documents(&mut body_df, b.iter().copied());
        }
        let n = all.len() as f64;
        let mut profiles: Vec<Profile> = read
            .into_iter()
            .zip(bodies)
            .zip(&all)
            .map(|(((title, preamble, operative), body), r)| Profile {
                title: Vector::new(title, &title_df, n),
                body: Vector::new(body, &body_df, n),
                regions: r
                    .regions
                    .iter()
                    .filter(|g| g.primary)
                    .map(|g| g.slug.to_string())
                    .collect(),
                cites: r
                    .references
                    .iter()
                    .filter(|x| x.kind == ReferenceKind::Oic)
                    .map(|x| x.id.split('-').next().unwrap_or("").to_string())
                    .collect(),
                keys: [numbers(r.session, r.number), numbers(r.number, r.session)],
                preamble,
                operative,
            })
            .collect();
        let new_profiles = profiles.split_off(old.resolutions.len());
        Corpus {
            old: profiles,
            new: new_profiles,
        }
    }

    /// How alike old resolution `i` and new resolution `j` are (one pair: [`Corpus::scores`]
    /// gives them all at once, faster).
    pub fn score(&self, i: usize, j: usize) -> f64 {
        let (Some(p), Some(q)) = (self.old.get(i), self.new.get(j)) else {
            return 0.0;
        };
        self.combine(p, q, p.title.cosine(&q.title), p.body.cosine(&q.body))
    }

    /// Every old resolution's score against every new one, `[old][new]`. The cosines come from
    /// an inverted index of the old vectors' words: a word adds to the pairs that share it, and
    /// the many pairs that share few words cost little (merging every pair's lists took 7.5 ms
    /// of the 20 for two sessions). Checked against [`Corpus::score`] by a test.
    pub fn scores(&self) -> Vec<Vec<f64>> {
        let titles = all_cosines(
            self.old.iter().map(|p| &p.title),
            self.new.iter().map(|p| &p.title),
        );
        let bodies = all_cosines(
            self.old.iter().map(|p| &p.body),
            self.new.iter().map(|p| &p.body),
        );
        self.old
            .iter()
            .enumerate()
            .map(|(i, p)| {
                self.new
                    .iter()
                    .enumerate()
                    .map(|(j, q)| self.combine(p, q, titles[i][j], bodies[i][j]))
                    .collect()
            })
            .collect()
    }

    /// The score of a pair from its two cosines, its regions and its citations.
    fn combine(&self, p: &Profile, q: &Profile, title: f64, body: f64) -> f64 {
        let mut score = if p.regions.is_empty() && q.regions.is_empty() {
            (TITLE * title + BODY * body) / (TITLE + BODY)
        } else {
            let shared = p.regions.iter().filter(|g| q.regions.contains(g)).count() as f64;
            let union = (p.regions.len() + q.regions.len()) as f64 - shared;
            TITLE * title + BODY * body + REGIONS * shared / union
        };
        if q.cites.iter().any(|c| p.keys.contains(c)) {
            score = (score + CITED).min(1.0);
        }
        score
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_scores_at_once_equal_each_pair_scored_alone() {
        let old = crate::parse(include_str!("../../sessions/cfm-44-political-ar.txt"));
        let mut new = old.clone();
        new.resolutions.reverse();
        new.resolutions.truncate(40);
        let corpus = Corpus::new(&old, &new);
        let fast = corpus.scores();
        assert_eq!((fast.len(), fast[0].len()), (56, 40));
        for (i, row) in fast.iter().enumerate() {
            for (j, &x) in row.iter().enumerate() {
                let naive = corpus.score(i, j);
                assert!(
                    (x - naive).abs() < 1e-9,
                    "old {i} × new {j}: the index says {x}, the pair alone {naive}"
                );
            }
        }
        assert!(
            fast[55][0] > 0.99,
            "the last resolution should be itself, first in the reversed list"
        );
    }

    #[test]
    fn a_paragraph_read_in_pieces_is_its_whole_text_normalised() {
        let doc = crate::parse(include_str!("../../sessions/cfm-44-political-ar.txt"));
        let mut reader = Reader::default();
        let mut with_items = 0;
        for c in doc.resolutions.iter().flat_map(|r| &r.operative) {
            let read = reader.clause(c);
            let whole = crate::text::normalize(&c.whole_text());
            let mut terms: Vec<u64> = stems(&whole).map(|w| hash64(w.as_bytes())).collect();
            terms.sort_unstable();
            assert_eq!(read.same_as, hash64(whole.as_bytes()), "{}", c.text);
            assert_eq!(read.terms, terms, "{}", c.text);
            with_items += usize::from(!c.items.is_empty());
        }
        assert!(
            with_items >= 2,
            "the session has clauses with sub-items ({with_items})"
        );
    }

    #[test]
    fn the_hash_tells_texts_apart_that_differ_in_length_or_in_one_byte() {
        let texts = [
            "",
            "a",
            "a\0",
            "abcdefgh",
            "abcdefgh\0",
            "abcdefgi",
            "ا",
            "أ",
        ];
        let hashes: std::collections::BTreeSet<u64> =
            texts.iter().map(|t| hash64(t.as_bytes())).collect();
        assert_eq!(hashes.len(), texts.len(), "each text should hash apart");
    }

    #[test]
    fn particles_and_the_article_do_not_make_words_differ() {
        let forms = ["والصومال", "الصومال", "بالصومال"].map(|w| stems(w).collect::<Vec<_>>());
        assert!(forms.iter().all(|f| *f == ["صومال"]), "{forms:?}");
        assert_eq!(
            stems("ولي").collect::<Vec<_>>(),
            ["ولي"],
            "a short word keeps its letters"
        );
    }
}
