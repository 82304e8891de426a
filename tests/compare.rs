//! Comparing sessions: the default session against a "next session" made from it with known
//! edits (renumbered, one resolution dropped and the numbers closed up behind it, one added, two
//! clauses swapped, an opening verb changed, words inserted): the diff must report exactly those
//! edits and nothing else. And the laws any comparison keeps (property tests).

mod common;

use proptest::prelude::*;
use qarar::compare::{compare, ClauseOp, Comparison, PairStatus, WordOp};
use qarar::model::{Document, VerbCategory};

const DROPPED: u32 = 5;

/// A resolution of a 45th session, written for this test in the genre.
const ADDED: &str = "قرار رقم 45/56-س

بشأن

التعاون مع الدول الجزرية الصغيرة في مواجهة الأعاصير والفيضانات

إنّ مجلس وزراء الخارجية، المنعقد في دورته الخامسة والأربعين،

إذ يدرك ما تتعرض له الدول الجزرية الصغيرة من أعاصير وفيضانات متكررة تهدد سبل عيش سكانها،

1. يرحب بإنشاء آلية للتشاور بين الأمانة العامة والدول الجزرية الصغيرة بشأن الإنذار المبكر من الأعاصير.

2. يطلب من الأمين العام متابعة تنفيذ هذا القرار ورفع تقرير بشأنه إلى الدورة القادمة لمجلس وزراء الخارجية.
";

/// A resolution's heading (`قرار رقم 44/1-س`, `قرار 44/19 -س`, `قرار: 44/56- س`) or its
/// contents row (`19\tقرار رقم 44/19-س بشأن …`).
fn is_id_line(line: &str) -> bool {
    let row = line
        .trim_start_matches(|c: char| c.is_ascii_digit())
        .trim_start();
    (line.starts_with("قرار ") || line.starts_with("قرار:") || row.starts_with("قرار رقم"))
        && line.contains("44/")
}

/// `44/k-س` in a heading or a contents row, as the next session numbers it.
fn renumber_line(line: &str) -> Option<String> {
    if !is_id_line(line) {
        return Some(line.to_string());
    }
    let Some(at) = line.find("44/") else {
        return Some(line.to_string());
    };
    let digits: String = line[at + 3..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let k: u32 = digits.parse().ok()?;
    if k == DROPPED {
        return None;
    }
    let k2 = if k > DROPPED { k - 1 } else { k };
    let end = at + 3 + digits.len();
    Some(format!("{}45/{k2}{}", &line[..at], &line[end..]))
}

/// The next session: the edits listed at the top of this file.
fn next_session(old: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut dropping = false;
    let mut in_first = false;
    for line in old.lines() {
        if is_id_line(line) && !line.starts_with(|c: char| c.is_ascii_digit()) {
            let id: String = line[line.find("44/").unwrap() + 3..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            dropping = id == DROPPED.to_string();
            in_first = id == "1";
        }
        if dropping {
            continue;
        }
        let Some(mut line) = renumber_line(line) else {
            continue; // the dropped resolution's contents row
        };
        if in_first {
            if let Some(rest) = line.strip_prefix("8. يناشد ") {
                line = format!("8. يناشد بقوة {rest}");
            } else if let Some(rest) = line.strip_prefix("9. يدعو ") {
                line = format!("9. يطلب {rest}");
            }
        }
        out.push(line);
    }
    // Clauses 2 and 3 of the first resolution swap places (their labels stay).
    let two = out
        .iter()
        .position(|l| l.starts_with("2. يؤكد دعمه للحكومة الصومالية"));
    let three = out
        .iter()
        .position(|l| l.starts_with("3. يرحب بالتقدم الذي أحرزته القيادة"));
    let (Some(two), Some(three)) = (two, three) else {
        panic!("the first resolution's clauses 2 and 3 should be in the default session");
    };
    let a = out[two]["2. ".len()..].to_string();
    let b = out[three]["3. ".len()..].to_string();
    out[two] = format!("2. {b}");
    out[three] = format!("3. {a}");
    let mut text = out.join("\n");
    text.push_str("\n\n");
    text.push_str(ADDED);
    text
}

fn diff_of(old: &Document, new: &Document) -> Comparison {
    compare(old, new)
}

#[test]
fn the_next_session_reports_exactly_the_edits_made() {
    let old = qarar::parse(common::DEFAULT_SESSION);
    let new = qarar::parse(&next_session(common::DEFAULT_SESSION));
    assert_eq!(
        new.resolutions.len(),
        old.resolutions.len(),
        "one dropped, one added"
    );
    let c = diff_of(&old, &new);
    assert_eq!(c.removed, ["44/5-س"], "the dropped resolution");
    assert_eq!(c.added, ["45/56-س"], "the added resolution");
    assert_eq!(c.pairs.len(), 55);
    for p in &c.pairs {
        let k: u32 = p.old["44/".len()..]
            .split('-')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        let want = format!("45/{}-س", if k > DROPPED { k - 1 } else { k });
        assert_eq!(p.new, want, "{} should pair with {want}, by content", p.old);
        assert!(
            p.score > 0.9,
            "{} ↔ {}: a score of {}",
            p.old,
            p.new,
            p.score
        );
        if p.old != "44/1-س" {
            assert_eq!(
                p.status,
                PairStatus::Same,
                "{} should be unchanged: {:?}",
                p.old,
                p.clauses
                    .iter()
                    .filter(|c| c.op != ClauseOp::Same)
                    .collect::<Vec<_>>()
            );
        }
    }
    let first = &c.pairs[0];
    assert_eq!(first.status, PairStatus::Changed);
    let edits: Vec<_> = first
        .clauses
        .iter()
        .filter(|c| c.op != ClauseOp::Same)
        .collect();
    assert_eq!(
        edits.len(),
        3,
        "a move, a verb changed, words inserted: {edits:#?}"
    );
    let moved = edits
        .iter()
        .find(|c| c.op == ClauseOp::Moved)
        .expect("a moved clause");
    let swapped = [Some("op2".to_string()), Some("op3".to_string())];
    assert!(swapped.contains(&moved.old) && swapped.contains(&moved.new) && moved.old != moved.new);
    assert!(
        moved.words.is_empty(),
        "a clause that only moved has no word changes"
    );
    let verb = edits
        .iter()
        .find(|c| c.old.as_deref() == Some("op9"))
        .expect("clause 9 changed");
    assert_eq!(verb.op, ClauseOp::Changed);
    let v = verb.verb.expect("its opening verb's category changed");
    assert_eq!(
        (v.old, v.new),
        (Some(VerbCategory::Call), Some(VerbCategory::Request))
    );
    let inserted = edits
        .iter()
        .find(|c| c.old.as_deref() == Some("op8"))
        .expect("clause 8 changed");
    assert_eq!(inserted.verb, None, "the same verb");
    let ops: Vec<_> = inserted
        .words
        .iter()
        .filter(|w| w.op != WordOp::Equal)
        .collect();
    assert_eq!(ops.len(), 1);
    assert_eq!((ops[0].op, ops[0].text.as_str()), (WordOp::Insert, "بقوة"));

    // Laid out for the page: one block, its inserted word in `ins`, its changes hooked.
    use qarar::view::tree::{Attr, DataName, Tag};
    let l = qarar::view::compared::layout(&c, &old, &new);
    assert_eq!((l.pairs, l.changed, l.verb_changes), (55, 1, 1));
    assert_eq!(l.blocks.len(), 1, "one changed pair to show");
    assert_eq!(l.same.len(), 54);
    let b = &l.blocks[0].node;
    assert_eq!(b.attr(Attr::Data(DataName::Pair)), Some("44/1-س|45/1-س"));
    assert!(l.blocks[0].verb_change);
    let ins: Vec<String> = b
        .find_all(Tag::Ins)
        .iter()
        .map(|n| n.text_content())
        .collect();
    assert_eq!(ins, ["بقوة", "يطلب"], "the inserted word and the new verb");
    let hooks: Vec<&str> = b
        .find_all(Tag::Li)
        .iter()
        .filter_map(|n| n.attr(Attr::Data(DataName::Change)))
        .collect();
    assert_eq!(
        hooks,
        ["moved", "changed", "verb"],
        "in the new resolution's order"
    );
}

/// Another session's resolutions, written in the genre (tests/fixtures/cfm-45-excerpt-ar.txt): a
/// reworded title ("the Federal Republic of Somalia"), a shortened one (Armenia's aggression), new
/// numbers in a new order, preambles rewritten, one citing its predecessor («القرار رقم 44/8-س»),
/// clauses merged and dropped, and a subject the 44th session does not have.
#[test]
fn another_sessions_resolutions_pair_with_their_predecessors_by_content() {
    let old = qarar::parse(common::DEFAULT_SESSION);
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/cfm-45-excerpt-ar.txt"
    ))
    .expect("the fixture should be readable");
    let new = qarar::parse(&text);
    assert_eq!(
        new.resolutions.len(),
        4,
        "the excerpt should parse into its four resolutions"
    );
    let c = diff_of(&old, &new);
    let pairs: Vec<(&str, &str)> = c
        .pairs
        .iter()
        .map(|p| (p.old.as_str(), p.new.as_str()))
        .collect();
    assert_eq!(
        pairs,
        [("44/8-س", "45/1-س"), ("44/1-س", "45/2-س"), ("44/10-س", "45/3-س")],
        "Kashmir, Somalia and Azerbaijan should pair with the 44th session's, whatever their numbers"
    );
    assert_eq!(
        c.added,
        ["45/4-س"],
        "the floods in Bangladesh are a new subject"
    );
    assert_eq!(
        c.removed.len(),
        53,
        "the 44th session's other resolutions have no partner"
    );
    assert!(c.pairs.iter().all(|p| p.status == PairStatus::Changed));
    let armenia = &c.pairs[2];
    let first = armenia
        .clauses
        .iter()
        .find(|k| k.new.as_deref() == Some("op1"))
        .expect("the first clause should be in the pair");
    assert_eq!(
        (first.old.as_deref(), first.op),
        (Some("op1"), ClauseOp::Same),
        "«يدين بشدة عدوان جمهورية أرمينيا على جمهورية أذربيجان» is the same clause in both"
    );
}

#[test]
fn the_command_line_prints_the_diff_as_json() {
    let dir = std::env::temp_dir().join(format!("qarar-diff-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (a, b) = (dir.join("44.txt"), dir.join("45.txt"));
    std::fs::write(&a, common::DEFAULT_SESSION).unwrap();
    std::fs::write(&b, next_session(common::DEFAULT_SESSION)).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_qarar"))
        .args(["diff", a.to_str().unwrap(), b.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["removed"], serde_json::json!(["44/5-س"]));
    assert_eq!(v["added"], serde_json::json!(["45/56-س"]));
    assert_eq!(
        v["pairs"][0]["clauses"].as_array().map(Vec::len),
        Some(
            qarar::parse(common::DEFAULT_SESSION).resolutions[0]
                .preamble
                .len()
                + qarar::parse(common::DEFAULT_SESSION).resolutions[0]
                    .operative
                    .len()
        )
    );
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/schema/diff.schema.json"
        ))
        .expect("schema/diff.schema.json"),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).expect("a valid schema");
    let errors: Vec<String> = validator
        .iter_errors(&v)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .take(5)
        .collect();
    assert!(
        errors.is_empty(),
        "the diff should follow its schema: {errors:#?}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// The default session with some resolutions left out and some clauses' words changed.
fn edited(doc: &Document, drop: &[bool], insert: &[bool]) -> Document {
    let mut d = doc.clone();
    let mut k = 0;
    d.resolutions.retain(|_| {
        k += 1;
        !drop.get(k - 1).copied().unwrap_or(false)
    });
    for (r, &ins) in d.resolutions.iter_mut().zip(insert) {
        if ins {
            if let Some(c) = r.operative.first_mut() {
                c.text = format!("{} وبخاصة في هذه المرحلة", c.text);
            }
        }
    }
    d
}

fn default_doc() -> &'static Document {
    static DOC: std::sync::OnceLock<Document> = std::sync::OnceLock::new();
    DOC.get_or_init(|| qarar::parse(common::DEFAULT_SESSION))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn a_document_compared_with_itself_is_all_same(drop in prop::collection::vec(any::<bool>(), 56)) {
        let d = edited(default_doc(), &drop, &[]);
        let c = compare(&d, &d);
        prop_assert!(c.removed.is_empty() && c.added.is_empty());
        prop_assert_eq!(c.pairs.len(), d.resolutions.len());
        for p in &c.pairs {
            prop_assert_eq!(&p.old, &p.new);
            prop_assert_eq!(p.status, PairStatus::Same);
        }
    }

    #[test]
    fn swapping_old_and_new_swaps_added_removed_inserts_and_deletes(
        drop in prop::collection::vec(prop::bool::weighted(0.2), 56),
        insert in prop::collection::vec(prop::bool::weighted(0.3), 56),
    ) {
        let old = default_doc();
        let new = edited(old, &drop, &insert);
        let there = compare(old, &new);
        let back = compare(&new, old);
        prop_assert_eq!(&there.removed, &back.added);
        prop_assert_eq!(&there.added, &back.removed);
        prop_assert_eq!(there.pairs.len(), back.pairs.len());
        for p in &there.pairs {
            let q = back.pairs.iter().find(|q| q.old == p.new).expect("the same pair, turned round");
            prop_assert_eq!(&q.new, &p.old);
            prop_assert_eq!(p.status, q.status);
            for (a, b) in p.clauses.iter().filter(|c| !c.words.is_empty())
                .zip(q.clauses.iter().filter(|c| !c.words.is_empty())) {
                let flip = |op: WordOp| match op {
                    WordOp::Insert => WordOp::Delete,
                    WordOp::Delete => WordOp::Insert,
                    WordOp::Equal => WordOp::Equal,
                };
                let a_ops: Vec<_> = a.words.iter().map(|w| (flip(w.op), w.text.clone())).collect();
                let b_ops: Vec<_> = b.words.iter().map(|w| (w.op, w.text.clone())).collect();
                prop_assert_eq!(a_ops, b_ops);
            }
        }
    }
}
