//! The first screen, written ahead of time: the session's header and its first resolution as
//! static HTML in `index.html`, so that a reader who opens the page sees the text at once, before
//! the viewer's wasm has arrived and the background parser has read the session (BENCHMARKS.md,
//! "The first screen"). The viewer takes its place as soon as its own list is painted; a link that
//! names a view (a query or a fragment) skips it (`boot.js`), since it shows the default view.
//!
//! It is made from the parsed default session by the same marks as the cards (the opening verbs
//! in their category's colour), with the cards' classes, so the style sheet draws both alike. A
//! test keeps `index.html` in step with the parser: `QARAR_BLESS=1 cargo test --test
//! first_screen` writes it again after a change.

use super::marks::marked;
use super::tree::{Attr, DataName, Node, Tag};
use crate::model::{Document, Resolution};

/// The operative clauses written: a screenful, on a desktop, below the header. More is text laid
/// out on the main thread while the viewer starts, for a reader who cannot scroll to it yet (the
/// whole first resolution, 19 clauses, put 80 ms on "all 56 ready": BENCHMARKS.md).
const CLAUSES: usize = 6;

/// Where the first screen starts and ends in `index.html`.
pub const BEGIN: &str =
    "<!-- first screen: written by `QARAR_BLESS=1 cargo test --test first_screen`; do not edit -->";
pub const END: &str = "<!-- /first screen -->";

/// The first screen of `doc` (opened as `file`), as HTML.
pub fn first_screen(doc: &Document, file: &str) -> String {
    let mut children = vec![masthead(), header(doc, file)];
    children.push(
        Node::el(
            Tag::P,
            Node::bilingual("جارٍ تجهيز العارض…", "Getting the viewer ready…"),
        )
        .with(Attr::Class, "first-screen-status")
        .with(Attr::Role, "status"),
    );
    if let Some(r) = doc.resolutions.first() {
        children.push(resolution(r));
    }
    Node::el(Tag::Div, children)
        .with(Attr::Class, "first-screen")
        .with(Attr::Id, "first-screen")
        .html()
}

/// The page's name and what it is, as the viewer's header says them.
fn masthead() -> Node {
    let brand = Node::el(Tag::P, vec![Node::text("قرار · "), Node::english("Qarar")])
        .with(Attr::Class, "brand");
    let tagline = Node::el(
        Tag::P,
        Node::bilingual(
            "قرارات مجلس وزراء خارجية منظمة التعاون الإسلامي، مقروءة ومفهرسة",
            "the resolutions of the OIC Council of Foreign Ministers, read and indexed in your browser",
        ),
    )
    .with(Attr::Class, "tagline");
    Node::el(Tag::Div, vec![brand, tagline]).with(Attr::Class, "masthead")
}

/// The session as its cover names it.
fn header(doc: &Document, file: &str) -> Node {
    let s = &doc.session;
    let meta = super::session_meta(s);
    let p = |class: &str, children: Vec<Node>| Node::el(Tag::P, children).with(Attr::Class, class);
    Node::el(
        Tag::Header,
        vec![
            p(
                "org",
                vec![Node::text(
                    s.organisation
                        .clone()
                        .unwrap_or_else(|| "منظمة التعاون الإسلامي".into()),
                )],
            ),
            Node::el(
                Tag::H1,
                vec![Node::text(s.title.clone().unwrap_or_else(|| file.into()))],
            ),
            p(
                "meta",
                vec![
                    Node::el(
                        Tag::Span,
                        vec![Node::text(s.symbol.clone().unwrap_or_default())],
                    )
                    .with(Attr::Class, "symbol")
                    .with(Attr::Dir, "ltr"),
                    Node::text(format!(" {}", meta.join(" · "))),
                ],
            ),
            p("file", vec![Node::text(file)]).with(Attr::Dir, "ltr"),
        ],
    )
    .with(Attr::Class, "session")
}

/// A resolution as its card shows it before any filter: id and title, the preamble open, the
/// first operative clauses with their verbs marked, and how many more there are.
fn resolution(r: &Resolution) -> Node {
    let heading = Node::el(
        Tag::H2,
        vec![
            Node::el(Tag::Span, vec![Node::text("قرار "), Node::bdi(&r.id)])
                .with(Attr::Class, "id"),
            Node::text(" "),
            Node::el(Tag::Span, vec![Node::text(&r.title)]).with(Attr::Class, "title"),
        ],
    );
    let mut preamble = vec![Node::el(
        Tag::Summary,
        vec![
            Node::text(format!("الديباجة ({}) · ", r.preamble.len())),
            Node::english("Preamble"),
        ],
    )];
    preamble.extend(r.preamble.iter().map(|p| {
        let gloss = p.opening.as_ref().filter(|o| !o.gloss.is_empty()).map(|o| {
            Node::english(o.gloss.to_string())
                .with(Attr::Class, "opening-gloss")
                .with(Attr::Dir, "ltr")
        });
        let mut children: Vec<Node> = gloss.into_iter().collect();
        children.extend(marked(&p.text, &p.runs, &[], &p.regions));
        Node::el(Tag::P, children).with(Attr::Class, "preambular")
    }));
    let clauses = r.operative.iter().take(CLAUSES).map(|c| {
        let label = |l: &Option<String>| {
            Node::el(Tag::Span, vec![Node::text(l.clone().unwrap_or_default())])
                .with(Attr::Class, "label")
        };
        let items = c.items.iter().map(|i| {
            let mut li = vec![label(&i.label), Node::text(" ")];
            li.extend(marked(&i.text, &i.runs, &i.verbs, &i.regions));
            Node::el(Tag::Li, li)
        });
        let mut li = vec![label(&c.label), Node::text(" ")];
        li.extend(marked(&c.text, &c.runs, &c.verbs, &c.regions));
        li.push(Node::el(Tag::Ul, items.collect()).with(Attr::Class, "items"));
        Node::el(Tag::Li, li).with(Attr::Class, "clause")
    });
    let mut children = vec![
        heading,
        Node::el(Tag::Details, preamble)
            .with(Attr::Class, "preamble")
            .with(Attr::Open, ""),
        Node::el(Tag::Ol, clauses.collect()).with(Attr::Class, "operative"),
    ];
    if let Some(rest) = r.operative.len().checked_sub(CLAUSES).filter(|&n| n > 0) {
        children.push(
            Node::el(
                Tag::P,
                Node::bilingual(
                    format!("وبقية البنود ({rest}) حين يجهز العارض"),
                    format!("{rest} more clauses when the viewer is ready"),
                ),
            )
            .with(Attr::Class, "first-screen-status"),
        );
    }
    Node::el(Tag::Article, children)
        .with(Attr::Class, "resolution")
        .with(Attr::Data(DataName::FirstScreen), &r.id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_screen_holds_the_first_resolution_as_escaped_text() {
        let mut doc = crate::parse(include_str!("../../sessions/cfm-44-political-ar.txt"));
        let html = first_screen(&doc, "cfm-44-political-ar.txt");
        let first = &doc.resolutions[0];
        assert!(
            html.contains(&format!("data-first-screen=\"{}\"", first.id)),
            "the first resolution should be on the first screen"
        );
        assert!(
            !html.contains(&format!("<bdi>{}</bdi>", doc.resolutions[1].id)),
            "only the first resolution should be on it"
        );
        let verbs = html.matches("<mark class=\"verb verb-").count();
        assert!(
            verbs >= CLAUSES,
            "every operative clause's verb should be marked ({verbs} marks, {CLAUSES} clauses)"
        );
        let rest = first.operative.len() - CLAUSES;
        assert!(
            html.contains(&format!("{rest} more clauses")),
            "the rest should be counted"
        );
        doc.resolutions[0].title = "<script>alert(1)</script> & \"x\"".into();
        let html = first_screen(&doc, "f.txt");
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;")
                && !html.contains("<script>"),
            "document text should be written as escaped text, never as markup"
        );
    }
}
