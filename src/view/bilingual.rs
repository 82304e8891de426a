//! Two editions of a session side by side (`pair=<doc>`): each resolution of the open edition
//! beside the same resolution of the other ([`crate::model::same_resolution`]: `1/44-POL` beside
//! `44/1-س`), paragraph by paragraph — the preamble in order, the operative clauses by their
//! number, so that clause 3 stands beside clause 3 even where one edition merged two. Laid out by
//! the background parser, which reads both files; the page draws the blocks its filters show.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::labels::{dir, label, Label};
use super::marks::marked;
use super::tree::{Attr, DataName, Node, Tag};
use crate::model::{Document, Language, OperativeClause, Preambular, Resolution};

/// The open edition's resolutions, each beside its partner.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Bilingual {
    pub other_language: Language,
    pub other_session: Option<u32>,
    /// How many of the open edition's resolutions have a partner.
    pub paired: usize,
    /// Each resolution of the open edition (its index) and its block.
    pub blocks: Vec<(usize, Node)>,
}

/// The language's name in Arabic and in English, for the page's two-language lines (each line's
/// Arabic half names both editions in Arabic, so that no Latin word breaks its right-to-left run).
pub fn language_names(l: Language) -> (&'static str, &'static str) {
    match l {
        Language::Arabic => ("العربية", "Arabic"),
        Language::English => ("الإنجليزية", "English"),
        Language::French => ("الفرنسية", "French"),
    }
}

/// Lays `open` out beside `other`.
pub fn layout(open: &Document, other: &Document) -> Bilingual {
    let mut paired = 0;
    let blocks = open
        .resolutions
        .iter()
        .enumerate()
        .map(|(k, r)| {
            let partner = other
                .resolutions
                .iter()
                .find(|o| crate::model::same_resolution(r, o));
            paired += usize::from(partner.is_some());
            let sides = [(open.language, Some(r)), (other.language, partner)];
            (k, block(sides))
        })
        .collect();
    Bilingual {
        other_language: other.language,
        other_session: other.session.number,
        paired,
        blocks,
    }
}

/// One side of a row: an edition's language and its resolution (none: not in that edition).
type Side<'d> = (Language, Option<&'d Resolution>);

fn block(sides: [Side; 2]) -> Node {
    let ids: Vec<&str> = sides
        .iter()
        .map(|(_, r)| r.map_or("", |r| r.id.as_str()))
        .collect();
    let mut rows = vec![row(
        "title",
        sides.map(|(l, r)| {
            let heading = r.map(|r| {
                vec![
                    Node::el(
                        Tag::Span,
                        vec![
                            Node::text(format!("{} ", label(l, Label::Resolution))),
                            Node::bdi(&r.id),
                        ],
                    )
                    .with(Attr::Class, "id"),
                    Node::text(" "),
                    Node::el(Tag::Span, vec![Node::text(&r.title)]).with(Attr::Class, "title"),
                ]
            });
            (l, heading)
        }),
    )];
    let preamble = sides.map(|(_, r)| r.map_or(&[][..], |r| r.preamble.as_slice()));
    let n = preamble[0].len().max(preamble[1].len());
    for i in 0..n {
        let cell = |k: usize| preamble[k].get(i).map(preambular);
        rows.push(row(
            &format!("pre{}", i + 1),
            [(sides[0].0, cell(0)), (sides[1].0, cell(1))],
        ));
    }
    // Clauses by their number (their place where they have none).
    let key = |i: usize, c: &OperativeClause| c.number.unwrap_or(i as u32 + 1);
    let keys: BTreeSet<u32> = sides
        .iter()
        .flat_map(|(_, r)| {
            r.map_or(&[][..], |r| r.operative.as_slice())
                .iter()
                .enumerate()
        })
        .map(|(i, c)| key(i, c))
        .collect();
    for n in keys {
        let cell = |k: usize| {
            let r = sides[k].1?;
            let (_, c) = r
                .operative
                .iter()
                .enumerate()
                .find(|(i, c)| key(*i, c) == n)?;
            Some(clause(c))
        };
        rows.push(row(
            &format!("op{n}"),
            [(sides[0].0, cell(0)), (sides[1].0, cell(1))],
        ));
    }
    Node::el(Tag::Article, rows)
        .with(Attr::Class, "paired")
        .with(Attr::Data(DataName::Paired), ids.join("|"))
}

/// A row: the two editions' versions of one paragraph, each in its language and direction; an
/// empty cell where an edition has none.
fn row(key: &str, cells: [(Language, Option<Vec<Node>>); 2]) -> Node {
    let cells = cells
        .into_iter()
        .map(|(l, nodes)| {
            let missing = nodes.is_none();
            Node::el(Tag::Div, nodes.unwrap_or_else(|| vec![Node::text("—")]))
                .with(Attr::Class, if missing { "side missing" } else { "side" })
                .with(Attr::Lang, l.code())
                .with(Attr::Dir, dir(l))
        })
        .collect();
    Node::el(Tag::Div, cells)
        .with(
            Attr::Class,
            if key == "title" {
                "pair-row title-row"
            } else {
                "pair-row"
            },
        )
        .with(Attr::Data(DataName::Row), key)
}

fn preambular(p: &Preambular) -> Vec<Node> {
    marked(&p.text, &p.runs, &[], &p.regions)
}

fn clause(c: &OperativeClause) -> Vec<Node> {
    let mut out = vec![
        Node::el(
            Tag::Span,
            vec![Node::text(c.label.clone().unwrap_or_default())],
        )
        .with(Attr::Class, "label"),
        Node::text(" "),
    ];
    out.extend(marked(&c.text, &c.runs, &c.verbs, &c.regions));
    for i in &c.items {
        let mut item = vec![Node::text(format!(
            " {} ",
            i.label.clone().unwrap_or_default()
        ))];
        item.extend(marked(&i.text, &i.runs, &i.verbs, &i.regions));
        out.push(Node::el(Tag::Span, item).with(Attr::Class, "item"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const AR: &str = "قرار رقم 44/1-س\nبشأن\nالوضع في الصومال\nإنّ مجلس وزراء الخارجية، المنعقد في أبيدجان؛\nإذ يستذكر قراراته السابقة،\n1. يرحب بانتخاب الرئيس.\n2. يدين الهجمات الإرهابية.\nقرار رقم 44/2-س\nبشأن\nالوضع في أفغانستان\nإنّ مجلس وزراء الخارجية، المنعقد في أبيدجان؛\n1. يدعو إلى السلام.\n";
    const EN: &str = "RESOLUTION NO. 1/44-POL\nON THE SITUATION IN SOMALIA\nThe Forty-fourth Session of the Council of Foreign Ministers, held in Abidjan (10-11 July 2017),\nRecalling its previous resolutions on the situation in Somalia and the role of the Member States,\n1. Welcomes the election of the President of the Federal Republic of Somalia;\n2. Condemns the terrorist attacks carried out in Somalia and in the region;\n3. Requests the Secretary General to follow up the implementation of this resolution.\n";

    #[test]
    fn each_resolution_stands_beside_its_other_edition_clause_by_clause() {
        let en = crate::parse(EN);
        let ar = crate::parse(AR);
        assert_eq!(en.language, Language::English);
        let b = layout(&en, &ar);
        assert_eq!(b.paired, 1);
        assert_eq!(b.other_language, Language::Arabic);
        let (k, node) = &b.blocks[0];
        assert_eq!(*k, 0);
        assert_eq!(
            node.attr(Attr::Data(DataName::Paired)),
            Some("1/44-POL|44/1-س")
        );
        let rows: Vec<&Node> = node
            .find_all(Tag::Div)
            .into_iter()
            .filter(|d| d.attr(Attr::Data(DataName::Row)).is_some())
            .collect();
        let keys: Vec<&str> = rows
            .iter()
            .filter_map(|r| r.attr(Attr::Data(DataName::Row)))
            .collect();
        assert_eq!(
            keys,
            ["title", "pre1", "op1", "op2", "op3"],
            "the same numbers on both sides"
        );
        let op2 = rows[3].text_content();
        assert!(
            op2.contains("Condemns") && op2.contains("يدين"),
            "clause 2 in English beside clause 2 in Arabic: {op2}"
        );
        let op3: Vec<&Node> = rows[4]
            .find_all(Tag::Div)
            .into_iter()
            .filter(|d| d.attr(Attr::Class) == Some("side missing"))
            .collect();
        assert_eq!(
            op3.len(),
            1,
            "clause 3 has no Arabic partner: an empty cell, not another clause"
        );
        assert_eq!(op3[0].attr(Attr::Lang), Some("ar"));
        assert_eq!(op3[0].attr(Attr::Dir), Some("rtl"));
        let html = node.html();
        assert!(
            html.contains(r#"<mark class="verb verb-condemn" data-verb="condemn""#),
            "verbs are marked in both: {html}"
        );
    }

    #[test]
    fn the_pair_is_in_the_url() {
        let en = crate::parse(EN);
        let q = crate::view::Query::parse("?pair=default&region=somalia", &en);
        assert_eq!(q.pair.as_deref(), Some("default"));
        assert_eq!(q.to_search(), "?pair=default&region=somalia");
        assert_eq!(
            q.cleared().pair.as_deref(),
            Some("default"),
            "clearing filters keeps the pair"
        );
        let bad = crate::view::Query::parse("?pair=<script>", &en);
        assert_eq!(bad.pair, None);
        assert_eq!(bad.ignored, ["pair=<script>"]);
    }
}
