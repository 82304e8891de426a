//! Word-level differences inside a changed paragraph: the words are compared in their normalised
//! form (a hamza seat or a diacritic added is not an edit) and shown in their original spelling,
//! the new text's for words both have.

use similar::{capture_diff_slices, Algorithm, DiffOp};

use super::{WordChange, WordOp};
use crate::text::normalize;

fn push(out: &mut Vec<WordChange>, op: WordOp, words: &[&str]) {
    if words.is_empty() {
        return;
    }
    let text = words.join(" ");
    match out.last_mut() {
        Some(last) if last.op == op => {
            last.text.push(' ');
            last.text.push_str(&text);
        }
        _ => out.push(WordChange { op, text }),
    }
}

/// The differences between `old` and `new`, word by word, in reading order.
pub fn diff(old: &str, new: &str) -> Vec<WordChange> {
    let a: Vec<&str> = old.split_whitespace().collect();
    let b: Vec<&str> = new.split_whitespace().collect();
    let key = |w: &&str| normalize(w);
    let (ka, kb): (Vec<String>, Vec<String>) =
        (a.iter().map(key).collect(), b.iter().map(key).collect());
    let mut out = Vec::new();
    for op in capture_diff_slices(Algorithm::Patience, &ka, &kb) {
        match op {
            DiffOp::Equal { new_index, len, .. } => {
                push(&mut out, WordOp::Equal, &b[new_index..new_index + len])
            }
            DiffOp::Delete {
                old_index, old_len, ..
            } => push(&mut out, WordOp::Delete, &a[old_index..old_index + old_len]),
            DiffOp::Insert {
                new_index, new_len, ..
            } => push(&mut out, WordOp::Insert, &b[new_index..new_index + new_len]),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                push(&mut out, WordOp::Delete, &a[old_index..old_index + old_len]);
                push(&mut out, WordOp::Insert, &b[new_index..new_index + new_len]);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inserted_words_are_one_insert_between_equal_runs() {
        let d = diff(
            "يدعو الدول الأعضاء إلى الدعم",
            "يدعو الدول الأعضاء بقوة إلى الدعم",
        );
        let ops: Vec<(WordOp, &str)> = d.iter().map(|w| (w.op, w.text.as_str())).collect();
        assert_eq!(
            ops,
            [
                (WordOp::Equal, "يدعو الدول الأعضاء"),
                (WordOp::Insert, "بقوة"),
                (WordOp::Equal, "إلى الدعم")
            ]
        );
    }

    #[test]
    fn a_changed_verb_is_a_delete_then_an_insert_and_spelling_is_not_a_change() {
        let d = diff("يدعو الدول", "يدين الدول");
        assert_eq!(
            d[0],
            WordChange {
                op: WordOp::Delete,
                text: "يدعو".into()
            }
        );
        assert_eq!(
            d[1],
            WordChange {
                op: WordOp::Insert,
                text: "يدين".into()
            }
        );
        let same = diff("يؤكد مجددا", "يوكد مجدداً");
        assert!(
            same.iter().all(|w| w.op == WordOp::Equal),
            "hamza and tanwin fold: {same:?}"
        );
    }
}
