//! The paragraphs of a pair of resolutions aligned: preamble with preamble, operative clauses
//! with operative clauses, each matched by the words they share (the Hungarian method again, so
//! that a clause that moved is found where it went). A matched paragraph whose place among the
//! matched ones changed is "moved": the fewest such, found as the longest run of matched
//! paragraphs that kept their order. Unmatched ones are added or removed.

use std::collections::BTreeSet;

use rustc_hash::FxHashMap;

use super::similarity::{Paragraph, Profile};
use super::words::diff;
use super::{assign, push_number, ClauseChange, ClauseOp, VerbChange};
use crate::model::{OperativeClause, Resolution};

/// Below this, two paragraphs are not the same paragraph edited.
const CLAUSE_THRESHOLD: f64 = 0.5;

/// `op3` / `pre2`: the 1-based position of a paragraph in its resolution.
pub fn clause_key(operative: bool, index: usize) -> String {
    let mut key = String::with_capacity(6);
    key.push_str(if operative { "op" } else { "pre" });
    push_number(&mut key, index + 1);
    key
}

/// Dice over the two word multisets (each sorted): shared words, counted with multiplicity, over
/// all.
fn dice(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let mut shared = 0usize;
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
        }
    }
    2.0 * shared as f64 / (a.len() + b.len()) as f64
}

/// Positions in `seq` of a longest strictly increasing subsequence (patience sorting).
fn longest_increasing(seq: &[usize]) -> BTreeSet<usize> {
    let mut tails: Vec<usize> = Vec::new(); // indices into seq
    let mut prev: Vec<Option<usize>> = vec![None; seq.len()];
    for (k, &x) in seq.iter().enumerate() {
        let at = tails.partition_point(|&t| seq[t] < x);
        prev[k] = at.checked_sub(1).map(|a| tails[a]);
        if at == tails.len() {
            tails.push(k);
        } else {
            tails[at] = k;
        }
    }
    let mut out = BTreeSet::new();
    let mut k = tails.last().copied();
    while let Some(i) = k {
        out.insert(i);
        k = prev[i];
    }
    out
}

/// The changes between the old and new paragraphs of one kind, in the new order with removed
/// ones where they stood.
fn align_kind(
    old: &[Paragraph],
    new: &[Paragraph],
    text: impl Fn(bool, usize) -> String,
    operative: bool,
) -> Vec<ClauseChange> {
    // Paragraphs that are the same, word for word, are matched first (most are, from one
    // session to the next): the Hungarian method only weighs the rest.
    let mut unused: FxHashMap<u64, Vec<usize>> =
        FxHashMap::with_capacity_and_hasher(new.len(), Default::default());
    for (j, b) in new.iter().enumerate().rev() {
        unused.entry(b.same_as).or_default().push(j);
    }
    let mut matched: Vec<(usize, usize)> = Vec::new();
    let mut rest_old = Vec::new();
    for (i, a) in old.iter().enumerate() {
        match unused.get_mut(&a.same_as).and_then(Vec::pop) {
            Some(j) => matched.push((i, j)),
            None => rest_old.push(i),
        }
    }
    let taken: BTreeSet<usize> = matched.iter().map(|&(_, j)| j).collect();
    let rest_new: Vec<usize> = (0..new.len()).filter(|j| !taken.contains(j)).collect();
    let scores: Vec<Vec<f64>> = rest_old
        .iter()
        .map(|&i| {
            rest_new
                .iter()
                .map(|&j| dice(&old[i].terms, &new[j].terms))
                .collect()
        })
        .collect();
    matched.extend(
        assign(&scores, CLAUSE_THRESHOLD)
            .into_iter()
            .map(|(i, j)| (rest_old[i], rest_new[j])),
    );
    matched.sort_unstable();
    let kept = longest_increasing(&matched.iter().map(|&(_, j)| j).collect::<Vec<_>>());
    let mut partner_of_old = vec![None; old.len()];
    let mut partner_of_new = vec![None; new.len()];
    for (k, &(i, j)) in matched.iter().enumerate() {
        partner_of_old[i] = Some((j, !kept.contains(&k)));
        partner_of_new[j] = Some((i, !kept.contains(&k)));
    }
    // (place in the new order, the change): a removed paragraph goes after the new partner of
    // the nearest matched paragraph before it.
    let mut placed: Vec<(f64, ClauseChange)> = Vec::new();
    for (j, b) in new.iter().enumerate() {
        let change = match partner_of_new[j] {
            None => ClauseChange {
                old: None,
                new: Some(clause_key(operative, j)),
                op: ClauseOp::Added,
                verb: None,
                words: Vec::new(),
            },
            Some((i, moved)) => {
                let a = &old[i];
                let same_text = a.same_as == b.same_as;
                let op = match (moved, same_text) {
                    (true, _) => ClauseOp::Moved,
                    (false, true) => ClauseOp::Same,
                    (false, false) => ClauseOp::Changed,
                };
                ClauseChange {
                    old: Some(clause_key(operative, i)),
                    new: Some(clause_key(operative, j)),
                    op,
                    verb: (a.verb != b.verb && !same_text).then_some(VerbChange {
                        old: a.verb,
                        new: b.verb,
                    }),
                    words: if same_text {
                        Vec::new()
                    } else {
                        diff(&text(false, i), &text(true, j))
                    },
                }
            }
        };
        placed.push((j as f64, change));
    }
    let mut after: f64 = -1.0;
    for (i, _) in old.iter().enumerate() {
        match partner_of_old[i] {
            Some((j, false)) => after = j as f64,
            Some(_) => {}
            None => placed.push((
                after + 0.5 + i as f64 * 1e-6,
                ClauseChange {
                    old: Some(clause_key(operative, i)),
                    new: None,
                    op: ClauseOp::Removed,
                    verb: None,
                    words: Vec::new(),
                },
            )),
        }
    }
    placed.sort_by(|x, y| x.0.total_cmp(&y.0));
    placed.into_iter().map(|(_, c)| c).collect()
}

/// Every paragraph of `a` and `b` (old and new, profiled as `p` and `q`), preamble first, with
/// what became of it.
pub fn align(a: &Resolution, p: &Profile, b: &Resolution, q: &Profile) -> Vec<ClauseChange> {
    let preamble = |new: bool, k: usize| {
        let r = if new { b } else { a };
        r.preamble
            .get(k)
            .map(|p| p.text.clone())
            .unwrap_or_default()
    };
    let operative = |new: bool, k: usize| {
        let r = if new { b } else { a };
        r.operative
            .get(k)
            .map(OperativeClause::whole_text)
            .unwrap_or_default()
    };
    let mut out = align_kind(&p.preamble, &q.preamble, preamble, false);
    out.extend(align_kind(&p.operative, &q.operative, operative, true));
    out
}

#[cfg(test)]
mod tests {
    use super::longest_increasing;

    #[test]
    fn the_longest_run_in_order_leaves_out_the_fewest() {
        assert_eq!(longest_increasing(&[0, 1, 6, 3, 4, 5, 2, 7]).len(), 6);
        let kept = longest_increasing(&[0, 2, 1, 3]);
        assert_eq!(kept.len(), 3, "a swap of two neighbours moves one");
        assert!(longest_increasing(&[]).is_empty());
    }
}
