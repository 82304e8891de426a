//! Two sessions compared: which resolution of the new one continues which of the old (paired by
//! content, not by number: numbers shift when a resolution is dropped or added, and titles are
//! reworded), and within each pair what changed, clause by clause and word by word.
//!
//! - [`similarity`]: what makes two resolutions alike (their titles' and paragraphs' words,
//!   weighted by how rare they are in the two sessions; their primary regions; a citation of the
//!   old resolution by the new one).
//! - [`assign`]: the best one-to-one pairing (the Hungarian method), with a threshold below which
//!   a resolution is new or dropped.
//! - [`align`]: the clauses of a pair aligned by text, moves told from edits.
//! - [`words`]: word-level differences inside a changed clause, shown on the original text.

mod align;
mod assign;
mod similarity;
mod words;

use serde::{Deserialize, Serialize};

use crate::model::{Document, VerbCategory};

pub use align::clause_key;
pub use assign::assign;
pub use similarity::Corpus;

/// Below this, two resolutions are not the same subject: one was dropped and one added.
pub const PAIR_THRESHOLD: f64 = 0.3;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    pub pairs: Vec<Pair>,
    /// Old resolutions with no partner in the new session (ids).
    pub removed: Vec<String>,
    /// New resolutions with no partner in the old session (ids).
    pub added: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pair {
    pub old: String,
    pub new: String,
    /// How alike the two are, 0 to 1.
    pub score: f64,
    pub status: PairStatus,
    /// Every paragraph of both, in the new resolution's order (removed ones where they stood).
    pub clauses: Vec<ClauseChange>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PairStatus {
    /// Every paragraph the same (the enacting formula, which names the session, aside).
    Same,
    Changed,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClauseChange {
    /// `op3` (operative 3) or `pre2` (preambular 2), 1-based, in the old resolution.
    pub old: Option<String>,
    /// The same in the new resolution.
    pub new: Option<String>,
    pub op: ClauseOp,
    /// The opening verb's category, when it changed (call → condemn); null otherwise. (Always
    /// written: the viewer's worker sends this in postcard, which cannot skip fields.)
    pub verb: Option<VerbChange>,
    /// Word-level differences, for a changed (or moved and changed) paragraph; empty otherwise.
    pub words: Vec<WordChange>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClauseOp {
    Same,
    Changed,
    /// Its place among the paragraphs that both have changed (its text may have changed too).
    Moved,
    Added,
    Removed,
}

impl ClauseOp {
    pub const fn slug(self) -> &'static str {
        match self {
            ClauseOp::Same => "same",
            ClauseOp::Changed => "changed",
            ClauseOp::Moved => "moved",
            ClauseOp::Added => "added",
            ClauseOp::Removed => "removed",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct VerbChange {
    pub old: Option<VerbCategory>,
    pub new: Option<VerbCategory>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WordChange {
    pub op: WordOp,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WordOp {
    Equal,
    Insert,
    Delete,
}

/// Appends `n` in decimal digits. Keys and ids are written thousands of times per comparison, and
/// `format!` run cold in the worker (V8's baseline tier, before it optimises) was a tenth of it.
pub(crate) fn push_number(s: &mut String, n: usize) {
    let mut digits = [0u8; 20];
    let mut k = digits.len();
    let mut n = n;
    loop {
        k -= 1;
        digits[k] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &d in &digits[k..] {
        s.push(d as char);
    }
}

/// How alike each old resolution (rows) is to each new one (columns).
pub fn scores(corpus: &Corpus) -> Vec<Vec<f64>> {
    corpus.scores()
}

/// `old` and `new` compared.
pub fn compare(old: &Document, new: &Document) -> Comparison {
    let corpus = Corpus::new(old, new);
    let scores = scores(&corpus);
    let matched = assign(&scores, PAIR_THRESHOLD);
    let mut paired_old = vec![false; old.resolutions.len()];
    let mut by_new: Vec<(usize, usize)> = matched.clone();
    by_new.sort_by_key(|&(_, j)| j);
    let pairs = by_new
        .into_iter()
        .map(|(i, j)| {
            paired_old[i] = true;
            let (a, b) = (&old.resolutions[i], &new.resolutions[j]);
            let clauses = align::align(a, &corpus.old[i], b, &corpus.new[j]);
            let status = if clauses.iter().all(|c| c.op == ClauseOp::Same) {
                PairStatus::Same
            } else {
                PairStatus::Changed
            };
            Pair {
                old: a.id.clone(),
                new: b.id.clone(),
                score: (scores[i][j] * 1000.0).round() / 1000.0,
                status,
                clauses,
            }
        })
        .collect();
    let mut paired_new = vec![false; new.resolutions.len()];
    for &(_, j) in &matched {
        paired_new[j] = true;
    }
    Comparison {
        pairs,
        removed: old
            .resolutions
            .iter()
            .zip(&paired_old)
            .filter(|(_, &p)| !p)
            .map(|(r, _)| r.id.clone())
            .collect(),
        added: new
            .resolutions
            .iter()
            .zip(&paired_new)
            .filter(|(_, &p)| !p)
            .map(|(r, _)| r.id.clone())
            .collect(),
    }
}
