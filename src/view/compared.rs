//! A comparison laid out for the page ([`Layout`]): each pair of resolutions that changed, with
//! its changes — inserted words in `ins`, deleted in `del`, a moved clause labelled, a changed
//! opening verb called out with both meanings — the new and the dropped resolutions, the
//! unchanged ones named. Laid out by the background parser, which holds both documents; the page
//! only picks the blocks its filters show and draws them ([`super::tree`]).

use serde::{Deserialize, Serialize};

use super::query::Query;
use super::tree::{Attr, DataName, Node, Tag};
use crate::compare::{ClauseChange, ClauseOp, Comparison, Pair, PairStatus, WordOp};
use crate::model::{Document, OperativeClause, Resolution, VerbCategory};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Layout {
    pub old_session: Option<u32>,
    pub pairs: usize,
    pub changed: usize,
    pub verb_changes: usize,
    /// Each changed pair, by the new resolution's index.
    pub blocks: Vec<Block>,
    /// Each new resolution: its index and its line.
    pub added: Vec<(usize, Node)>,
    /// Each dropped resolution's line.
    pub removed: Vec<Node>,
    /// The unchanged pairs: the new resolution's index and id.
    pub same: Vec<(usize, String)>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Block {
    pub index: usize,
    /// Does an opening verb's category change in it?
    pub verb_change: bool,
    pub node: Node,
}

/// `op3` → "operative 3", `pre2` → "preambular 2", in both languages.
fn key_label(key: &str) -> String {
    match (key.strip_prefix("op"), key.strip_prefix("pre")) {
        (Some(n), _) => format!("الفقرة العاملة {n} · operative {n}"),
        (_, Some(n)) => format!("فقرة الديباجة {n} · preambular {n}"),
        _ => key.to_string(),
    }
}

/// The paragraph `key` (`op3`, `pre2`) of `r`.
fn paragraph(r: &Resolution, key: &str) -> String {
    let at = |n: &str| n.parse::<usize>().ok().and_then(|n| n.checked_sub(1));
    if let Some(k) = key.strip_prefix("op").and_then(at) {
        r.operative
            .get(k)
            .map(OperativeClause::whole_text)
            .unwrap_or_default()
    } else if let Some(k) = key.strip_prefix("pre").and_then(at) {
        r.preamble
            .get(k)
            .map(|p| p.text.clone())
            .unwrap_or_default()
    } else {
        String::new()
    }
}

fn category(k: Option<VerbCategory>) -> String {
    k.map_or("—".to_string(), |k| {
        format!("{} · {}", k.label_ar(), k.label_en())
    })
}

fn change(c: &ClauseChange, old: &Resolution, new: &Resolution) -> Node {
    let hook = if c.verb.is_some() {
        "verb"
    } else {
        c.op.slug()
    };
    let (ar, en) = match c.op {
        ClauseOp::Same => ("كما هي", "unchanged"),
        ClauseOp::Changed => ("عُدّلت", "changed"),
        ClauseOp::Moved => ("نُقلت", "moved"),
        ClauseOp::Added => ("أُضيفت", "added"),
        ClauseOp::Removed => ("حُذفت", "removed"),
    };
    let place = match (&c.old, &c.new) {
        (Some(o), Some(n)) if o != n => format!("{} ← {}", key_label(n), key_label(o)),
        (_, Some(n)) => key_label(n),
        (Some(o), None) => key_label(o),
        (None, None) => String::new(),
    };
    let mut children = vec![Node::el(
        Tag::P,
        vec![
            Node::el(Tag::Span, Node::bilingual(ar, en)).with(Attr::Class, "what"),
            Node::text(format!(" — {place}")),
        ],
    )
    .with(Attr::Class, "where")];
    if let Some(v) = c.verb {
        children.push(
            Node::el(
                Tag::P,
                vec![
                    Node::text("تغيّر فعل الافتتاح · "),
                    Node::english("Opening verb: "),
                    Node::bdi(category(v.old)),
                    Node::text(" → "),
                    Node::bdi(category(v.new)),
                ],
            )
            .with(Attr::Class, "verb-change"),
        );
    }
    let body: Vec<Node> = if !c.words.is_empty() {
        c.words
            .iter()
            .flat_map(|w| {
                let piece = match w.op {
                    WordOp::Equal => Node::text(w.text.clone()),
                    WordOp::Insert => Node::el(Tag::Ins, vec![Node::text(w.text.clone())]),
                    WordOp::Delete => Node::el(Tag::Del, vec![Node::text(w.text.clone())]),
                };
                [piece, Node::text(" ")]
            })
            .collect()
    } else {
        match (c.op, &c.old, &c.new) {
            (ClauseOp::Removed, Some(k), _) => {
                vec![Node::el(Tag::Del, vec![Node::text(paragraph(old, k))])]
            }
            (ClauseOp::Added, _, Some(k)) => {
                vec![Node::el(Tag::Ins, vec![Node::text(paragraph(new, k))])]
            }
            (_, _, Some(k)) => vec![Node::text(paragraph(new, k))],
            _ => Vec::new(),
        }
    };
    children.push(Node::el(Tag::P, body).with(Attr::Class, "text"));
    Node::el(Tag::Li, children)
        .with(Attr::Class, format!("change change-{hook}"))
        .with(Attr::Data(DataName::Change), hook)
}

fn block(p: &Pair, old: &Resolution, new: &Resolution) -> Node {
    let changes: Vec<Node> = p
        .clauses
        .iter()
        .filter(|c| c.op != ClauseOp::Same)
        .map(|c| change(c, old, new))
        .collect();
    let unchanged = p.clauses.iter().filter(|c| c.op == ClauseOp::Same).count();
    let href = Query::of_resolution(None, p.new.clone()).to_search();
    Node::el(
        Tag::Section,
        vec![
            Node::el(
                Tag::H3,
                vec![
                    Node::link(href, vec![Node::text("قرار "), Node::bdi(p.new.clone())]),
                    Node::text(" "),
                    Node::el(Tag::Span, vec![Node::text(new.title.clone())])
                        .with(Attr::Class, "title"),
                ],
            ),
            Node::el(
                Tag::P,
                vec![
                    // Arabic, then English, each whole: an id between the two languages' words
                    // would be reordered into them.
                    Node::text("كان "),
                    Node::bdi(p.old.clone()),
                    Node::text(" · "),
                    Node::english(format!(
                        "was {}, similarity {}%",
                        p.old,
                        (p.score * 100.0).round() as u32
                    )),
                    Node::text(format!(" · {unchanged} فقرة بلا تغيير · ")),
                    Node::english(format!("{unchanged} paragraphs unchanged")),
                ],
            )
            .with(Attr::Class, "meta"),
            Node::el(Tag::Ol, changes).with(Attr::Class, "changes"),
        ],
    )
    .with(Attr::Class, "pair")
    .with(Attr::Data(DataName::Pair), format!("{}|{}", p.old, p.new))
}

/// `c`, the comparison of `old` with `new`, laid out.
pub fn layout(c: &Comparison, old: &Document, new: &Document) -> Layout {
    let index_in = |d: &Document, id: &str| d.resolutions.iter().position(|r| r.id == id);
    let mut out = Layout {
        old_session: old.session.number,
        pairs: c.pairs.len(),
        changed: c
            .pairs
            .iter()
            .filter(|p| p.status == PairStatus::Changed)
            .count(),
        verb_changes: c
            .pairs
            .iter()
            .map(|p| p.clauses.iter().filter(|c| c.verb.is_some()).count())
            .sum(),
        ..Layout::default()
    };
    for p in &c.pairs {
        let (Some(i), Some(j)) = (index_in(old, &p.old), index_in(new, &p.new)) else {
            continue;
        };
        if p.status == PairStatus::Same {
            out.same.push((j, p.new.clone()));
            continue;
        }
        out.blocks.push(Block {
            index: j,
            verb_change: p.clauses.iter().any(|c| c.verb.is_some()),
            node: block(p, &old.resolutions[i], &new.resolutions[j]),
        });
    }
    for id in &c.added {
        if let Some(j) = index_in(new, id) {
            let line = Node::el(
                Tag::Li,
                vec![
                    Node::bdi(id.clone()),
                    Node::text(" "),
                    Node::el(Tag::Ins, vec![Node::text(new.resolutions[j].title.clone())]),
                ],
            )
            .with(Attr::Data(DataName::Added), id.clone());
            out.added.push((j, line));
        }
    }
    for id in &c.removed {
        if let Some(i) = index_in(old, id) {
            out.removed.push(
                Node::el(
                    Tag::Li,
                    vec![
                        Node::bdi(id.clone()),
                        Node::text(" "),
                        Node::el(Tag::Del, vec![Node::text(old.resolutions[i].title.clone())]),
                    ],
                )
                .with(Attr::Data(DataName::Removed), id.clone()),
            );
        }
    }
    out
}
