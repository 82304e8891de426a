//! A small tree of safe nodes: what a part of the page looks like, made where the data is (the
//! background parser lays out a comparison) and drawn by the page with `createElement` and
//! `createTextNode` — text is always a text node, elements and attributes come from the fixed
//! lists below (no script, no event handler, no style), and a link is only ever a query string
//! of this page. Charts and the map are SVG made of the same parts (paths, rectangles, text). The page's wasm carries one small drawer instead of a component per layout.

use serde::{Deserialize, Serialize};

/// `s` escaped for XML and HTML text and attribute values (the Akoma Ntoso export and the first
/// screen), with the characters XML 1.0 cannot carry
/// (C0 controls other than tab and line breaks, U+FFFE, U+FFFF) as U+FFFD.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(c),
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Tag {
    Section,
    Div,
    Header,
    Article,
    H1,
    H2,
    H3,
    P,
    Ol,
    Ul,
    Li,
    Span,
    Bdi,
    Ins,
    Del,
    Mark,
    A,
    Details,
    Summary,
    Table,
    Caption,
    Thead,
    Tbody,
    Tr,
    Th,
    Td,
    // SVG: drawn in the SVG namespace (see [`Tag::is_svg`]); an `A` inside an `Svg` is SVG's link.
    Svg,
    G,
    Path,
    Rect,
    Circle,
    /// SVG's `<text>`.
    Label,
    Title,
}

impl Tag {
    pub const fn name(self) -> &'static str {
        match self {
            Tag::Section => "section",
            Tag::Div => "div",
            Tag::Header => "header",
            Tag::Article => "article",
            Tag::H1 => "h1",
            Tag::H2 => "h2",
            Tag::H3 => "h3",
            Tag::P => "p",
            Tag::Ol => "ol",
            Tag::Ul => "ul",
            Tag::Li => "li",
            Tag::Span => "span",
            Tag::Bdi => "bdi",
            Tag::Ins => "ins",
            Tag::Del => "del",
            Tag::Mark => "mark",
            Tag::A => "a",
            Tag::Details => "details",
            Tag::Summary => "summary",
            Tag::Table => "table",
            Tag::Caption => "caption",
            Tag::Thead => "thead",
            Tag::Tbody => "tbody",
            Tag::Tr => "tr",
            Tag::Th => "th",
            Tag::Td => "td",
            Tag::Svg => "svg",
            Tag::G => "g",
            Tag::Path => "path",
            Tag::Rect => "rect",
            Tag::Circle => "circle",
            Tag::Label => "text",
            Tag::Title => "title",
        }
    }

    /// Is it an SVG element wherever it is? (`A` and `Title` are SVG's inside an `Svg`.)
    pub const fn is_svg(self) -> bool {
        matches!(
            self,
            Tag::Svg | Tag::G | Tag::Path | Tag::Rect | Tag::Circle | Tag::Label
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Attr {
    Class,
    Id,
    Lang,
    Dir,
    /// The tooltip (`title`).
    Title,
    /// A `<details>` drawn open (its value is empty).
    Open,
    /// Only ever a query string of this page (`?res=…`): see [`Node::link`].
    Href,
    /// `data-<name>`: the hooks tests and scripts read.
    Data(DataName),
    Role,
    AriaLabel,
    AriaPressed,
    AriaHidden,
    /// A table header's `scope` (`row`, `col`).
    Scope,
    // SVG geometry: numbers and path data only.
    ViewBox,
    D,
    X,
    Y,
    Width,
    Height,
    Cx,
    Cy,
    R,
    TextAnchor,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DataName {
    Pair,
    Change,
    Added,
    Removed,
    Same,
    Session,
    Hit,
    /// `data-chart="verbs|strip|sessions"`.
    Chart,
    Map,
    Category,
    Value,
    Clauses,
    Region,
    Res,
    /// A session's number in a chart across sessions.
    SessionNumber,
    /// A verb's category (`data-verb`), as the cards mark it.
    Verb,
    /// The first screen's resolution (`data-first-screen`), written into index.html.
    FirstScreen,
    /// A resolution shown beside its other edition: `data-paired="1/44-POL|44/1-س"`.
    Paired,
    /// A row of two editions side by side: `data-row="op3"`, `pre2`, `title`.
    Row,
}

impl Attr {
    pub const fn name(self) -> &'static str {
        match self {
            Attr::Class => "class",
            Attr::Id => "id",
            Attr::Lang => "lang",
            Attr::Dir => "dir",
            Attr::Title => "title",
            Attr::Open => "open",
            Attr::Href => "href",
            Attr::Data(DataName::Pair) => "data-pair",
            Attr::Data(DataName::Change) => "data-change",
            Attr::Data(DataName::Added) => "data-added",
            Attr::Data(DataName::Removed) => "data-removed",
            Attr::Data(DataName::Same) => "data-same",
            Attr::Data(DataName::Session) => "data-scope-session",
            Attr::Data(DataName::Hit) => "data-scope-hit",
            Attr::Data(DataName::Chart) => "data-chart",
            Attr::Data(DataName::Map) => "data-map",
            Attr::Data(DataName::Category) => "data-category",
            Attr::Data(DataName::Value) => "data-value",
            Attr::Data(DataName::Clauses) => "data-clauses",
            Attr::Data(DataName::Region) => "data-region",
            Attr::Data(DataName::Res) => "data-res",
            Attr::Data(DataName::SessionNumber) => "data-session",
            Attr::Data(DataName::Verb) => "data-verb",
            Attr::Data(DataName::FirstScreen) => "data-first-screen",
            Attr::Data(DataName::Paired) => "data-paired",
            Attr::Data(DataName::Row) => "data-row",
            Attr::Role => "role",
            Attr::AriaLabel => "aria-label",
            Attr::AriaPressed => "aria-pressed",
            Attr::AriaHidden => "aria-hidden",
            Attr::Scope => "scope",
            Attr::ViewBox => "viewBox",
            Attr::D => "d",
            Attr::X => "x",
            Attr::Y => "y",
            Attr::Width => "width",
            Attr::Height => "height",
            Attr::Cx => "cx",
            Attr::Cy => "cy",
            Attr::R => "r",
            Attr::TextAnchor => "text-anchor",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Node {
    Element {
        tag: Tag,
        attrs: Vec<(Attr, String)>,
        children: Vec<Node>,
    },
    Text(String),
}

impl Node {
    pub fn el(tag: Tag, children: Vec<Node>) -> Node {
        Node::Element {
            tag,
            attrs: Vec::new(),
            children,
        }
    }

    pub fn text(s: impl Into<String>) -> Node {
        Node::Text(s.into())
    }

    /// `<span lang="en">…</span>`.
    pub fn english(s: impl Into<String>) -> Node {
        Node::el(Tag::Span, vec![Node::text(s)]).with(Attr::Lang, "en")
    }

    /// `ar · <span lang="en">en</span>`: a label in both languages, Arabic first (the page's
    /// way of saying everything).
    pub fn bilingual(ar: impl std::fmt::Display, en: impl Into<String>) -> Vec<Node> {
        vec![Node::text(format!("{ar} · ")), Node::english(en)]
    }

    /// `<bdi>…</bdi>`: an id or a number kept whole inside the other direction's text.
    pub fn bdi(s: impl Into<String>) -> Node {
        Node::el(Tag::Bdi, vec![Node::text(s)])
    }

    /// A link to a view of this page (`search` from [`crate::view::Query::to_search`]).
    pub fn link(search: String, children: Vec<Node>) -> Node {
        let href = if search.starts_with('?') {
            search
        } else {
            "?".to_string()
        };
        Node::el(Tag::A, children).with(Attr::Href, href)
    }

    pub fn with(mut self, attr: Attr, value: impl Into<String>) -> Node {
        if let Node::Element { attrs, .. } = &mut self {
            attrs.push((attr, value.into()));
        }
        self
    }

    /// All the text of the node, as a reader sees it (for tests).
    pub fn text_content(&self) -> String {
        match self {
            Node::Text(t) => t.clone(),
            Node::Element { children, .. } => children.iter().map(Node::text_content).collect(),
        }
    }

    /// Every element below (and including) this one with `tag`.
    pub fn find_all(&self, tag: Tag) -> Vec<&Node> {
        let mut out = Vec::new();
        if let Node::Element {
            tag: t, children, ..
        } = self
        {
            if *t == tag {
                out.push(self);
            }
            for c in children {
                out.extend(c.find_all(tag));
            }
        }
        out
    }

    /// The node as HTML, for a page written ahead of time (the first screen in index.html): text
    /// and attribute values escaped, so document text stays text here too.
    pub fn html(&self) -> String {
        let mut out = String::new();
        self.write_html(&mut out);
        out
    }

    fn write_html(&self, out: &mut String) {
        match self {
            Node::Text(t) => out.push_str(&escape(t)),
            Node::Element {
                tag,
                attrs,
                children,
            } => {
                out.push('<');
                out.push_str(tag.name());
                for (a, v) in attrs {
                    out.push(' ');
                    out.push_str(a.name());
                    out.push_str("=\"");
                    out.push_str(&escape(v));
                    out.push('"');
                }
                out.push('>');
                for c in children {
                    c.write_html(out);
                }
                out.push_str("</");
                out.push_str(tag.name());
                out.push('>');
            }
        }
    }

    /// The value of `attr`, if this is an element that has it.
    pub fn attr(&self, attr: Attr) -> Option<&str> {
        match self {
            Node::Element { attrs, .. } => attrs
                .iter()
                .find(|(a, _)| *a == attr)
                .map(|(_, v)| v.as_str()),
            Node::Text(_) => None,
        }
    }
}
