//! Every kept session searched at once (`scope=all`): the view's filters applied to each
//! document, the resolutions that pass grouped by session, newest first, each linking into its
//! own document. Laid out as a [`Node`] tree by the background parser, which holds the documents.

use super::filter::{apply_indexed, Index};
use super::query::Query;
use super::tree::{Attr, DataName, Node, Tag};
use crate::compare::{compare, PairStatus};
use crate::model::Document;

/// A kept document, parsed and indexed.
pub struct KeptDocument {
    /// Its content hash; `None` for the default session.
    pub hash: Option<String>,
    pub name: String,
    pub doc: Document,
    pub index: Index,
}

/// How many resolutions passed, in how many sessions, and the grouped list.
pub struct Found {
    pub resolutions: usize,
    pub sessions: usize,
    pub node: Node,
}

/// The filters of `search` (a query string) applied to every document of `kept`.
pub fn search_all(kept: &[KeptDocument], search: &str) -> Found {
    let mut order: Vec<&KeptDocument> = kept.iter().collect();
    // Newest first: by session number, those without one last, then by name.
    order.sort_by(|a, b| {
        b.doc
            .session
            .number
            .cmp(&a.doc.session.number)
            .then_with(|| a.name.cmp(&b.name))
    });
    let (mut resolutions, mut sessions) = (0, 0);
    let mut groups = Vec::new();
    for k in order {
        let q = Query::parse(search, &k.doc);
        let matches = apply_indexed(&k.doc, &k.index, &q);
        if matches.is_empty() {
            continue;
        }
        sessions += 1;
        resolutions += matches.len();
        let key = k.hash.clone().unwrap_or_else(|| "default".into());
        let items: Vec<Node> = matches
            .iter()
            .filter_map(|m| k.doc.resolutions.get(m.index))
            .map(|r| {
                let href = Query::of_resolution(k.hash.clone(), r.id.clone()).to_search();
                Node::el(
                    Tag::Li,
                    vec![
                        Node::link(href, vec![Node::text("قرار "), Node::bdi(r.id.clone())]),
                        Node::text(format!(" {}", r.title)),
                    ],
                )
                .with(Attr::Data(DataName::Hit), r.id.clone())
            })
            .collect();
        let session = super::session_label(k.doc.session.number);
        let n = items.len();
        groups.push(
            Node::el(
                Tag::Section,
                vec![
                    Node::el(
                        Tag::H3,
                        vec![
                            Node::text(format!("الدورة {session} · ")),
                            Node::english(format!("Session {session}")),
                            Node::text(" — "),
                            Node::bdi(k.name.clone()),
                            Node::text(format!(" ({n})")),
                        ],
                    ),
                    Node::el(Tag::Ol, items),
                ],
            )
            .with(Attr::Class, "scope-session")
            .with(Attr::Data(DataName::Session), key),
        );
    }
    Found {
        resolutions,
        sessions,
        node: Node::el(Tag::Div, groups).with(Attr::Class, "scope-results"),
    }
}

/// The earlier (and later) versions of resolution `res` of the kept document `of` (its hash, or
/// `None` for the default session): its partner in every other kept session, by the same pairing
/// as a comparison, newest session first. `None` when that document or resolution is not kept.
pub fn versions(kept: &[KeptDocument], of: Option<&str>, res: &str) -> Option<Found> {
    let this = kept.iter().find(|k| k.hash.as_deref() == of)?;
    this.doc.resolutions.iter().find(|r| r.id == res)?;
    let mut found: Vec<(Option<u32>, Node)> = Vec::new();
    for other in kept.iter().filter(|k| k.hash.as_deref() != of) {
        let c = compare(&other.doc, &this.doc);
        let Some(p) = c.pairs.iter().find(|p| p.new == res) else {
            continue;
        };
        let session = other.doc.session.number;
        let changed = p
            .clauses
            .iter()
            .filter(|c| c.op != crate::compare::ClauseOp::Same)
            .count();
        let (status_ar, status_en) = match p.status {
            PairStatus::Same => ("بلا تغيير".to_string(), "unchanged".to_string()),
            PairStatus::Changed => (
                format!("{changed} فقرة تغيّرت"),
                format!("{changed} paragraphs changed"),
            ),
        };
        let open = Query::of_resolution(other.hash.clone(), p.old.clone()).to_search();
        let diff = Query {
            doc: this.hash.clone(),
            compare: Some(other.hash.clone().unwrap_or_else(|| "default".into())),
            ..Query::default()
        }
        .to_search();
        let label = super::session_label(session);
        found.push((
            session,
            Node::el(
                Tag::Li,
                vec![
                    Node::text(format!("الدورة {label} · ")),
                    Node::english(format!("Session {label}")),
                    Node::text(": "),
                    Node::link(open, vec![Node::text("قرار "), Node::bdi(p.old.clone())]),
                    Node::text(format!(" · {status_ar} · ",)),
                    Node::english(format!(
                        "similarity {}%, {status_en}",
                        (p.score * 100.0).round() as u32
                    )),
                    Node::text(" · "),
                    Node::link(diff, vec![Node::text("قارن · "), Node::english("compare")]),
                ],
            )
            .with(Attr::Data(DataName::Hit), p.old.clone())
            .with(
                Attr::Data(DataName::Session),
                other.hash.clone().unwrap_or_else(|| "default".into()),
            ),
        ));
    }
    found.sort_by_key(|f| std::cmp::Reverse(f.0));
    let n = found.len();
    Some(Found {
        resolutions: n,
        sessions: n,
        node: Node::el(
            Tag::Section,
            vec![
                Node::el(
                    Tag::H3,
                    vec![
                        Node::text("صيغ هذا القرار في الدورات الأخرى · "),
                        Node::english("This resolution in the other kept sessions: "),
                        Node::bdi(res.to_string()),
                    ],
                ),
                Node::el(Tag::Ol, found.into_iter().map(|(_, n)| n).collect())
                    .with(Attr::Class, "versions"),
            ],
        )
        .with(Attr::Class, "scope-session"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept(hash: Option<&str>, name: &str, text: &str) -> KeptDocument {
        let doc = crate::parse(text);
        KeptDocument {
            hash: hash.map(str::to_string),
            name: name.into(),
            index: Index::new(&doc),
            doc,
        }
    }

    #[test]
    fn every_session_is_searched_and_grouped_newest_first() {
        let default = include_str!("../../sessions/cfm-44-political-ar.txt");
        let older = include_str!("../../tests/fixtures/older-layout.txt");
        let all = [
            kept(Some("ab12"), "older.txt", older),
            kept(None, "cfm-44", default),
        ];
        let found = search_all(&all, "?verb=condemn");
        let sessions = found.node.find_all(Tag::Section);
        assert!(found.sessions >= 1);
        assert_eq!(sessions.len(), found.sessions);
        let keys: Vec<&str> = sessions
            .iter()
            .filter_map(|s| s.attr(Attr::Data(DataName::Session)))
            .collect();
        assert_eq!(
            keys.first(),
            Some(&"default"),
            "the 44th session is the newest here"
        );
        let links: Vec<&Node> = found.node.find_all(Tag::A);
        assert_eq!(links.len(), found.resolutions);
        assert!(links
            .iter()
            .all(|a| a.attr(Attr::Href).is_some_and(|h| h.starts_with("?"))));
        let none = search_all(&all, "?region=kashmir&verb=welcome&q=zzzz");
        assert_eq!((none.resolutions, none.sessions), (0, 0));
    }

    #[test]
    fn a_resolutions_versions_are_its_partners_in_the_other_sessions() {
        let default = include_str!("../../sessions/cfm-44-political-ar.txt");
        let mut next = crate::parse(default);
        for r in &mut next.resolutions {
            r.id = r.id.replace("44/", "45/");
        }
        next.session.number = Some(45);
        let all = [
            kept(None, "cfm-44", default),
            KeptDocument {
                hash: Some("cd34".into()),
                name: "cfm-45".into(),
                index: Index::new(&next),
                doc: next,
            },
        ];
        let v = versions(&all, Some("cd34"), "45/8-س").expect("a kept resolution");
        assert_eq!(v.resolutions, 1, "its partner in the one other session");
        let hits: Vec<&str> = v
            .node
            .find_all(Tag::Li)
            .iter()
            .filter_map(|n| n.attr(Attr::Data(DataName::Hit)))
            .collect();
        assert_eq!(hits, ["44/8-س"]);
        assert!(v.node.text_content().contains("unchanged"));
        assert!(versions(&all, Some("cd34"), "99/1-س").is_none());
    }
}
