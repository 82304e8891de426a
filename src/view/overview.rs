//! A session at a glance (`overview=1`): what the Council does (a bar chart of the verb
//! categories, resolutions and clauses in each), which resolution does what (a strip: a row per
//! resolution, a cell per category), where (a world map, each place shaded by how many resolutions
//! are about it) and, with other sessions kept, the same chart for each session side by side.
//!
//! Everything follows the view's filters, and the numbers are the controls' own: a bar's
//! resolutions are its chip's count and a place's its count in the region picker (both from
//! [`facets`]). A bar, a place or a row is a link to the view it leads to, marked with the hooks
//! the page acts on (`data-category`, `data-region`, `data-res`). Each chart has a table with the
//! same numbers, for screen readers and for print.
//!
//! Laid out as a [`Node`] tree by the background parser, which holds the documents and the map's
//! shapes (fetched when the overview is first opened): neither this code nor the map data is in
//! the page's wasm, which the first paint waits for.

use serde::Deserialize;

use super::counts::{facets, resolution_verb_counts, Facets};
use super::filter::{apply_indexed, region_fits, text_fits, Index, ResolutionIndex};
use super::query::Query;
use super::search::Search;
use super::session_label;
use super::tree::{Attr, DataName, Node, Tag};
use crate::lexicon::gazetteer;
use crate::model::{Document, VerbCategory};

/// The world map's shapes, keyed by the gazetteer's slugs (`assets/map/world.json`, made by
/// `scripts/map-data.mjs` from Natural Earth).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct MapData {
    pub width: f32,
    pub height: f32,
    /// Every country the gazetteer does not name, as one path.
    pub others: String,
    pub places: Vec<MapPlace>,
}

/// A place on the map: a country's shape (`d`), a point (`x`, `y`), or a shape too small to point
/// at with a dot on it (both).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct MapPlace {
    pub slug: String,
    #[serde(default)]
    pub d: Option<String>,
    #[serde(default)]
    pub x: Option<f32>,
    #[serde(default)]
    pub y: Option<f32>,
}

/// How many resolutions and operative clauses of the view do what a category says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VerbCount {
    pub category: VerbCategory,
    /// The chip's count: the resolutions the view would hold with this category chosen.
    pub resolutions: usize,
    /// The operative clauses opening with a verb of this category, in the resolutions that pass
    /// the view's region and word filters.
    pub clauses: usize,
    pub chosen: bool,
}

/// Every category's counts for the view `q` of `doc`.
pub fn verb_counts(doc: &Document, index: &Index, q: &Query) -> Vec<VerbCount> {
    verb_counts_with(doc, index, q, facets(doc, index, q))
}

/// The same, with the view's facets already counted.
fn verb_counts_with(doc: &Document, index: &Index, q: &Query, f: Facets) -> Vec<VerbCount> {
    let search = Search::new(&q.q);
    let empty = ResolutionIndex::default();
    let mut clauses = [0usize; VerbCategory::ALL.len()];
    for (k, r) in doc.resolutions.iter().enumerate() {
        let ri = index.resolutions.get(k).unwrap_or(&empty);
        if !text_fits(r, ri, &search) || !region_fits(r, &q.regions, q.mentions) {
            continue;
        }
        for (c, n) in resolution_verb_counts(r) {
            clauses[c.index()] += n;
        }
    }
    f.verbs
        .into_iter()
        .map(|(category, resolutions)| VerbCount {
            category,
            resolutions,
            clauses: clauses[category.index()],
            chosen: q.verbs.contains(&category),
        })
        .collect()
}

/// Another kept session, for the chart across sessions.
pub struct OtherSession<'a> {
    pub doc: &'a Document,
    pub index: &'a Index,
}

/// The overview of `doc` for the view `search` (a query string). `map`: the shapes, once
/// fetched; `others`: the other kept sessions; `rtl`: the document reads right to left.
pub fn layout(
    doc: &Document,
    index: &Index,
    search: &str,
    map: Option<&MapData>,
    others: &[OtherSession],
    rtl: bool,
) -> Node {
    let q = Query::parse(search, doc);
    // The controls' counts, once for the chart and the map (a pass over every resolution).
    let f = facets(doc, index, &q);
    let regions = f.regions.clone();
    let verbs = verb_counts_with(doc, index, &q, f);
    let mut parts = vec![verb_chart(&q, &verbs, rtl), strip(doc, index, &q)];
    parts.push(match map {
        Some(m) => world_map(&q, &regions, m),
        None => Node::el(
            Tag::P,
            Node::bilingual("جارٍ تحميل الخريطة", "Loading the map…"),
        )
        .with(Attr::Class, "map-loading"),
    });
    if !others.is_empty() {
        parts.push(across_sessions(doc, index, search, others, rtl));
    }
    Node::el(Tag::Div, parts).with(Attr::Class, "overview-body")
}

/// `<h3>ar · <span lang=en>en</span></h3>`.
fn heading(ar: &str, en: &str) -> Node {
    Node::el(Tag::H3, Node::bilingual(ar, en))
}

/// `"ar · en"`, the bilingual label of a category.
fn category_name(c: VerbCategory) -> String {
    format!("{} · {}", c.label_ar(), c.label_en())
}

/// A number as an attribute or a coordinate (one decimal at most).
fn num(x: f32) -> String {
    let r = (x * 10.0).round() / 10.0;
    if r.fract() == 0.0 {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
    }
}

/// A rectangle at `x` (measured in the reading direction from the start edge of a chart `width`
/// wide), mirrored for a right-to-left chart.
fn rect(rtl: bool, width: f32, x: f32, y: f32, w: f32, h: f32) -> Node {
    let left = if rtl { width - x - w } else { x };
    Node::el(Tag::Rect, vec![])
        .with(Attr::X, num(left))
        .with(Attr::Y, num(y))
        .with(Attr::Width, num(w.max(0.0)))
        .with(Attr::Height, num(h))
}

/// A text at `x` in the reading direction (its start there: the page's `direction` makes
/// `text-anchor: start` the right end in a right-to-left document).
fn label(rtl: bool, width: f32, x: f32, y: f32, text: Node) -> Node {
    let at = if rtl { width - x } else { x };
    Node::el(Tag::Label, vec![text])
        .with(Attr::X, num(at))
        .with(Attr::Y, num(y))
        .with(Attr::TextAnchor, "start")
}

fn svg(width: f32, height: f32, children: Vec<Node>) -> Node {
    Node::el(Tag::Svg, children).with(Attr::ViewBox, format!("0 0 {} {}", num(width), num(height)))
}

/// A control of the overview: a link to the view it leads to, a button to assistive technology
/// (Space works too: the page sees to it), pressed when its filter is on.
fn control(href: String, name: String, pressed: bool, children: Vec<Node>) -> Node {
    Node::link(href, children)
        .with(Attr::Role, "button")
        .with(Attr::AriaLabel, name)
        .with(Attr::AriaPressed, pressed.to_string())
}

/// A table of the same numbers as a chart (`class="numbers"`: read by screen readers, shown in
/// print).
fn table(caption: (&str, &str), head: Vec<String>, rows: Vec<Vec<String>>) -> Node {
    let head = Node::el(
        Tag::Tr,
        head.into_iter()
            .map(|h| Node::el(Tag::Th, vec![Node::text(h)]).with(Attr::Scope, "col"))
            .collect(),
    );
    let body = rows
        .into_iter()
        .map(|cells| {
            let mut cells = cells.into_iter();
            let first = cells.next().unwrap_or_default();
            let mut tr = vec![Node::el(Tag::Th, vec![Node::text(first)]).with(Attr::Scope, "row")];
            tr.extend(cells.map(|c| Node::el(Tag::Td, vec![Node::text(c)])));
            Node::el(Tag::Tr, tr)
        })
        .collect();
    let table = Node::el(
        Tag::Table,
        vec![
            Node::el(Tag::Caption, Node::bilingual(caption.0, caption.1)),
            Node::el(Tag::Thead, vec![head]),
            Node::el(Tag::Tbody, body),
        ],
    );
    // A table sizes to its content whatever its width: the wrapper is what is hidden on screen.
    Node::el(Tag::Div, vec![table]).with(Attr::Class, "numbers")
}

/// What the Council does: a bar per category, resolutions (thick) and clauses (thin).
fn verb_chart(q: &Query, counts: &[VerbCount], rtl: bool) -> Node {
    // Narrow enough that its text stays readable when a phone's width scales it down.
    const WIDTH: f32 = 500.0;
    const ROW: f32 = 34.0;
    const LABEL: f32 = 170.0;
    const BARS: f32 = 270.0;
    const TOP: f32 = 26.0;
    let max_res = counts
        .iter()
        .map(|c| c.resolutions)
        .max()
        .unwrap_or(0)
        .max(1) as f32;
    let max_clauses = counts.iter().map(|c| c.clauses).max().unwrap_or(0).max(1) as f32;
    let mut rows = vec![
        // The key: which bar is which.
        rect(rtl, WIDTH, 8.0, 6.0, 14.0, 12.0).with(Attr::Class, "key res"),
        label(rtl, WIDTH, 28.0, 17.0, Node::text("قرارات · resolutions")),
        rect(rtl, WIDTH, 200.0, 9.0, 14.0, 6.0).with(Attr::Class, "key clauses"),
        label(
            rtl,
            WIDTH,
            220.0,
            17.0,
            Node::text("فقرات عاملة · operative clauses"),
        ),
    ];
    for (k, c) in counts.iter().enumerate() {
        let y = TOP + k as f32 * ROW;
        let (res_w, clauses_w) = (
            BARS * c.resolutions as f32 / max_res,
            BARS * c.clauses as f32 / max_clauses,
        );
        // No `title`: the label and the numbers are on screen, and axe-core counts a title's text
        // as visible text that the accessible name would then have to contain.
        let parts = vec![
            // The whole row answers a click, not only the bar.
            rect(rtl, WIDTH, 0.0, y, WIDTH, ROW).with(Attr::Class, "hit"),
            label(
                rtl,
                WIDTH,
                8.0,
                y + 21.0,
                Node::text(category_name(c.category)),
            ),
            rect(rtl, WIDTH, LABEL, y + 5.0, res_w, 15.0)
                .with(Attr::Class, format!("bar res verb-{}", c.category.slug())),
            rect(rtl, WIDTH, LABEL, y + 23.0, clauses_w, 6.0).with(Attr::Class, "bar clauses"),
        ];
        let row = if c.resolutions > 0 || c.chosen {
            let mut next = q.clone();
            next.toggle_verb(c.category);
            control(next.to_search(), bar_name(c), c.chosen, parts)
        } else {
            Node::el(Tag::G, parts).with(Attr::Class, "none")
        };
        rows.push(
            row.with(Attr::Data(DataName::Category), c.category.slug())
                .with(Attr::Data(DataName::Value), c.resolutions.to_string())
                .with(Attr::Data(DataName::Clauses), c.clauses.to_string()),
        );
        // The numbers beside the bars, outside the control: its accessible name says them in
        // words, and must contain every text inside it.
        let value = |x: f32, y: f32, n: usize, class: &str| {
            label(rtl, WIDTH, x, y, Node::text(n.to_string()))
                .with(Attr::Class, class.to_string())
                .with(Attr::AriaHidden, "true")
        };
        rows.push(value(LABEL + res_w + 6.0, y + 18.0, c.resolutions, "value"));
        rows.push(value(
            LABEL + clauses_w + 6.0,
            y + 30.0,
            c.clauses,
            "value small",
        ));
    }
    let height = TOP + counts.len() as f32 * ROW + 6.0;
    let chart = svg(WIDTH, height, rows)
        .with(Attr::Data(DataName::Chart), "verbs")
        .with(Attr::Class, "chart verbs");
    let numbers = table(
        (
            "ما يفعله المجلس بالأرقام",
            "What the Council does, in numbers",
        ),
        vec![
            "الفئة · Category".into(),
            "القرارات · Resolutions".into(),
            "الفقرات العاملة · Operative clauses".into(),
        ],
        counts
            .iter()
            .map(|c| {
                vec![
                    category_name(c.category),
                    c.resolutions.to_string(),
                    c.clauses.to_string(),
                ]
            })
            .collect(),
    );
    Node::el(
        Tag::Section,
        vec![
            heading("ما يفعله المجلس", "What the Council does"),
            chart,
            numbers,
        ],
    )
    .with(Attr::Class, "overview-verbs")
}

/// A bar's accessible name: the category and its numbers.
fn bar_name(c: &VerbCount) -> String {
    format!(
        "{}: {} قراراً، {} فقرة عاملة · {} resolutions, {} operative clauses",
        category_name(c.category),
        c.resolutions,
        c.clauses,
        c.resolutions,
        c.clauses
    )
}

/// How dark a cell or a place is: 0 for none, then 1 to 4 by its share of the largest.
fn level(n: usize, max: usize) -> usize {
    if n == 0 || max == 0 {
        0
    } else {
        (4 * n).div_ceil(max).clamp(1, 4)
    }
}

/// The most rows the strip draws (a 50 MB document holds thousands of resolutions).
const STRIP_ROWS: usize = 300;

/// Which resolution does what: a row per resolution of the view, a cell per category with the
/// number of clauses it opens, shaded; the row's id opens the resolution.
fn strip(doc: &Document, index: &Index, q: &Query) -> Node {
    let matches = apply_indexed(doc, index, q);
    let rows: Vec<(usize, Vec<usize>)> = matches
        .iter()
        .take(STRIP_ROWS)
        .filter_map(|m| {
            let r = doc.resolutions.get(m.index)?;
            let mut cells = vec![0; VerbCategory::ALL.len()];
            for (c, n) in resolution_verb_counts(r) {
                cells[c.index()] = n;
            }
            Some((m.index, cells))
        })
        .collect();
    let max = rows
        .iter()
        .flat_map(|(_, c)| c.iter().copied())
        .max()
        .unwrap_or(0);
    let mut head =
        vec![Node::el(Tag::Th, vec![Node::text("القرار · Resolution")]).with(Attr::Scope, "col")];
    head.extend(VerbCategory::ALL.into_iter().map(|c| {
        Node::el(
            Tag::Th,
            vec![Node::el(Tag::Span, vec![Node::text(c.label_ar())])
                .with(Attr::Class, format!("key verb-{}", c.slug()))],
        )
        .with(Attr::Scope, "col")
        .with(Attr::AriaLabel, category_name(c))
        .with(Attr::Data(DataName::Category), c.slug())
    }));
    let body: Vec<Node> = rows
        .into_iter()
        .filter_map(|(k, cells)| {
            let r = doc.resolutions.get(k)?;
            let href = Query::of_resolution(q.doc.clone(), r.id.clone()).to_search();
            let mut tr = vec![Node::el(
                Tag::Th,
                vec![Node::link(href, vec![Node::bdi(r.id.clone())])
                    .with(Attr::Data(DataName::Res), r.id.clone())
                    .with(Attr::AriaLabel, format!("{} — {}", r.id, r.title))],
            )
            .with(Attr::Scope, "row")];
            tr.extend(VerbCategory::ALL.into_iter().zip(cells).map(|(c, n)| {
                let shown = if n > 0 { n.to_string() } else { String::new() };
                Node::el(Tag::Td, vec![Node::text(shown)])
                    .with(Attr::Class, format!("c-{} s{}", c.slug(), level(n, max)))
                    .with(Attr::Data(DataName::Category), c.slug())
                    .with(Attr::Data(DataName::Value), n.to_string())
            }));
            Some(Node::el(Tag::Tr, tr))
        })
        .collect();
    let mut parts = vec![
        heading("ما يفعله كل قرار", "What each resolution does"),
        Node::el(
            Tag::Table,
            vec![
                Node::el(
                    Tag::Caption,
                    Node::bilingual(
                        "عدد الفقرات العاملة لكل فئة فعل في كل قرار",
                        "Operative clauses per verb category in each resolution",
                    ),
                ),
                Node::el(Tag::Thead, vec![Node::el(Tag::Tr, head)]),
                Node::el(Tag::Tbody, body),
            ],
        )
        .with(Attr::Data(DataName::Chart), "strip")
        .with(Attr::Class, "strip"),
    ];
    if matches.len() > STRIP_ROWS {
        parts.push(Node::el(
            Tag::P,
            Node::bilingual(
                format!("أول {STRIP_ROWS} من {} قراراً", matches.len()),
                format!("The first {STRIP_ROWS} of {} resolutions", matches.len()),
            ),
        ));
    }
    Node::el(Tag::Section, parts).with(Attr::Class, "overview-strip")
}

/// A place's name in both languages.
fn place_name(slug: &str) -> String {
    let g = gazetteer();
    match g.slug(slug).map(|i| &g.regions[i]) {
        Some(r) => match r.names.first() {
            Some(ar) => format!("{ar} · {}", r.english),
            None => r.english.clone(),
        },
        None => slug.to_string(),
    }
}

/// Where: the world, each place shaded by how many resolutions of the view are about it (its
/// count in the region picker), those with any a control that filters by it.
fn world_map(q: &Query, regions: &[(String, usize)], map: &MapData) -> Node {
    let count = |slug: &str| regions.iter().find(|(s, _)| s == slug).map_or(0, |x| x.1);
    // Shaded against the largest of their own kind: continents and sub-regions count every
    // resolution about any of their countries, and would leave the countries all pale.
    let max_of = |shapes: bool| {
        map.places
            .iter()
            .filter(|p| p.d.is_some() == shapes)
            .map(|p| count(&p.slug))
            .max()
            .unwrap_or(0)
    };
    let (max_shapes, max_points) = (max_of(true), max_of(false));
    let mut shapes = vec![Node::el(Tag::Path, vec![])
        .with(Attr::D, map.others.clone())
        .with(Attr::Class, "others")];
    let mut points = Vec::new();
    for p in &map.places {
        let n = count(&p.slug);
        let chosen = q.regions.contains(&p.slug);
        // A point that is no country (a sub-region, a territory) is drawn only when it counts.
        if p.d.is_none() && n == 0 && !chosen {
            continue;
        }
        let name = format!("{}: {n} قراراً · {n} resolutions", place_name(&p.slug));
        let mut parts = vec![Node::el(Tag::Title, vec![Node::text(name.clone())])];
        if let Some(d) = &p.d {
            parts.push(Node::el(Tag::Path, vec![]).with(Attr::D, d.clone()));
        }
        if let (Some(x), Some(y)) = (p.x, p.y) {
            parts.push(
                Node::el(Tag::Circle, vec![])
                    .with(Attr::Cx, num(x))
                    .with(Attr::Cy, num(y))
                    .with(Attr::R, if p.d.is_some() { "3" } else { "5" }),
            );
        }
        let class = format!(
            "spot n{}{}",
            level(
                n,
                if p.d.is_some() {
                    max_shapes
                } else {
                    max_points
                }
            ),
            if p.d.is_some() { "" } else { " point" }
        );
        let node = if n > 0 || chosen {
            let mut next = q.clone();
            next.toggle_region(&p.slug);
            control(next.to_search(), name, chosen, parts)
        } else {
            Node::el(Tag::G, parts)
        };
        let node = node
            .with(Attr::Class, class)
            .with(Attr::Data(DataName::Region), p.slug.clone())
            .with(Attr::Data(DataName::Value), n.to_string());
        // Points on top of the countries, so that the Sahel is not under Mali.
        if p.d.is_some() {
            shapes.push(node);
        } else {
            points.push(node);
        }
    }
    shapes.extend(points);
    let chart = svg(map.width, map.height, shapes)
        .with(Attr::Data(DataName::Map), "")
        .with(Attr::Class, "map");
    let mut counted: Vec<&(String, usize)> = regions.iter().filter(|x| x.1 > 0).collect();
    counted.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let numbers = table(
        ("الأماكن بالأرقام", "Places, in numbers"),
        vec!["المكان · Place".into(), "القرارات · Resolutions".into()],
        counted
            .into_iter()
            .map(|(slug, n)| vec![place_name(slug), n.to_string()])
            .collect(),
    );
    Node::el(
        Tag::Section,
        vec![
            heading("أين", "Where"),
            chart,
            Node::el(
                Tag::P,
                Node::bilingual(
                    "مرّر المؤشر على مكان أو انتقل إليه لترى اسمه وعدده",
                    "Point at or move to a place to see its name and count.",
                ),
            )
            .with(Attr::Class, "map-caption")
            .with(Attr::Role, "status"),
            numbers,
        ],
    )
    .with(Attr::Class, "overview-map")
}

/// The same chart for every kept session, side by side, oldest first: a shift from one session to
/// the next shows as bars growing or shrinking along a row.
fn across_sessions(
    doc: &Document,
    index: &Index,
    search: &str,
    others: &[OtherSession],
    rtl: bool,
) -> Node {
    const COLUMN: f32 = 120.0;
    const LABEL: f32 = 190.0;
    const ROW: f32 = 24.0;
    const TOP: f32 = 24.0;
    let mut sessions: Vec<(Option<u32>, Vec<VerbCount>)> = std::iter::once((doc, index))
        .chain(others.iter().map(|o| (o.doc, o.index)))
        .map(|(d, i)| {
            let q = Query::parse(search, d);
            (d.session.number, verb_counts(d, i, &q))
        })
        .collect();
    sessions.sort_by_key(|s| s.0);
    let max = sessions
        .iter()
        .flat_map(|s| s.1.iter().map(|c| c.resolutions))
        .max()
        .unwrap_or(0)
        .max(1) as f32;
    let width = LABEL + COLUMN * sessions.len() as f32 + 8.0;
    let mut nodes = Vec::new();
    for (k, (number, _)) in sessions.iter().enumerate() {
        let x = LABEL + k as f32 * COLUMN;
        nodes.push(label(
            rtl,
            width,
            x,
            16.0,
            Node::text(format!("الدورة {} · session", session_label(*number))),
        ));
    }
    for (row, c) in VerbCategory::ALL.into_iter().enumerate() {
        let y = TOP + row as f32 * ROW;
        nodes.push(label(
            rtl,
            width,
            8.0,
            y + 16.0,
            Node::text(category_name(c)),
        ));
        for (k, (number, counts)) in sessions.iter().enumerate() {
            let n = counts.get(c.index()).map_or(0, |v| v.resolutions);
            let x = LABEL + k as f32 * COLUMN;
            let w = (COLUMN - 36.0) * n as f32 / max;
            nodes.push(
                Node::el(
                    Tag::G,
                    vec![
                        rect(rtl, width, x, y + 5.0, w, 13.0)
                            .with(Attr::Class, format!("bar res verb-{}", c.slug())),
                        label(rtl, width, x + w + 4.0, y + 16.0, Node::text(n.to_string()))
                            .with(Attr::Class, "value"),
                    ],
                )
                .with(Attr::Data(DataName::Category), c.slug())
                .with(Attr::Data(DataName::SessionNumber), session_label(*number))
                .with(Attr::Data(DataName::Value), n.to_string()),
            );
        }
    }
    let height = TOP + VerbCategory::ALL.len() as f32 * ROW + 6.0;
    let chart = svg(width, height, nodes)
        .with(Attr::Data(DataName::Chart), "sessions")
        .with(Attr::Class, "chart sessions")
        .with(Attr::Role, "img")
        .with(
            Attr::AriaLabel,
            "فئات الأفعال في كل دورة محفوظة · Verb categories in each kept session (the table below has the numbers)",
        );
    let mut head = vec!["الفئة · Category".to_string()];
    head.extend(
        sessions
            .iter()
            .map(|s| format!("الدورة {} · Session", session_label(s.0))),
    );
    let rows = VerbCategory::ALL
        .into_iter()
        .map(|c| {
            let mut row = vec![category_name(c)];
            row.extend(
                sessions
                    .iter()
                    .map(|s| s.1.get(c.index()).map_or(0, |v| v.resolutions).to_string()),
            );
            row
        })
        .collect();
    Node::el(
        Tag::Section,
        vec![
            heading("من دورة إلى دورة", "Session by session"),
            Node::el(Tag::Div, vec![chart]).with(Attr::Class, "scroll"),
            table(
                ("من دورة إلى دورة بالأرقام", "Session by session, in numbers"),
                head,
                rows,
            ),
        ],
    )
    .with(Attr::Class, "overview-sessions")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc() -> Document {
        crate::parse(include_str!("../../sessions/cfm-44-political-ar.txt"))
    }

    fn all<'a>(n: &'a Node, out: &mut Vec<&'a Node>) {
        out.push(n);
        if let Node::Element { children, .. } = n {
            for c in children {
                all(c, out);
            }
        }
    }

    fn with_attr(n: &Node, attr: Attr) -> Vec<&Node> {
        let mut v = Vec::new();
        all(n, &mut v);
        v.into_iter().filter(|x| x.attr(attr).is_some()).collect()
    }

    #[test]
    fn the_bars_carry_the_chips_counts_for_every_view() {
        let d = doc();
        let index = Index::new(&d);
        for search in [
            "",
            "?verb=condemn",
            "?verb=condemn,welcome",
            "?region=sahel",
            "?region=kashmir&verb=call",
            "?q=%D8%A7%D9%84%D8%A5%D8%B1%D9%87%D8%A7%D8%A8",
            "?region=africa&mentions=1",
        ] {
            let q = Query::parse(search, &d);
            let chips = facets(&d, &index, &q).verbs;
            let node = layout(&d, &index, search, None, &[], true);
            let chart = with_attr(&node, Attr::Data(DataName::Chart))
                .into_iter()
                .find(|n| n.attr(Attr::Data(DataName::Chart)) == Some("verbs"))
                .expect("the verb chart should be there");
            let bars = with_attr(chart, Attr::Data(DataName::Category));
            assert_eq!(bars.len(), VerbCategory::ALL.len(), "a bar per category");
            for (bar, (c, n)) in bars.iter().zip(&chips) {
                assert_eq!(bar.attr(Attr::Data(DataName::Category)), Some(c.slug()));
                assert_eq!(
                    bar.attr(Attr::Data(DataName::Value)),
                    Some(n.to_string().as_str()),
                    "the {} bar should equal its chip in the view {search:?}",
                    c.slug()
                );
            }
        }
    }

    #[test]
    fn clause_counts_are_the_clauses_that_open_with_each_category() {
        let d = doc();
        let index = Index::new(&d);
        let counts = verb_counts(&d, &index, &Query::default());
        let total: usize = d
            .resolutions
            .iter()
            .flat_map(|r| &r.operative)
            .filter(|o| {
                o.verbs
                    .iter()
                    .any(|v| v.category == Some(VerbCategory::Condemn))
            })
            .count();
        let condemn = counts[VerbCategory::Condemn.index()];
        assert_eq!(condemn.clauses, total);
        assert!(
            condemn.clauses >= condemn.resolutions && condemn.resolutions > 0,
            "the default session condemns in some resolutions, at least a clause each"
        );
    }

    #[test]
    fn a_bar_links_to_its_category_added_or_taken_off() {
        let d = doc();
        let index = Index::new(&d);
        let node = layout(&d, &index, "?verb=condemn", None, &[], true);
        let links = node.find_all(Tag::A);
        let href = |slug: &str| {
            links
                .iter()
                .find(|a| a.attr(Attr::Data(DataName::Category)) == Some(slug))
                .and_then(|a| a.attr(Attr::Href))
                .map(str::to_string)
        };
        assert_eq!(
            href("condemn").as_deref(),
            Some("?"),
            "a chosen bar takes itself off"
        );
        assert_eq!(
            href("welcome").as_deref(),
            Some("?verb=condemn,welcome"),
            "another bar widens the view"
        );
        let pressed = links
            .iter()
            .find(|a| a.attr(Attr::Data(DataName::Category)) == Some("condemn"))
            .and_then(|a| a.attr(Attr::AriaPressed));
        assert_eq!(pressed, Some("true"));
    }

    #[test]
    fn the_map_counts_what_the_region_picker_counts() {
        let d = doc();
        let index = Index::new(&d);
        let map: MapData = serde_json::from_str(include_str!("../../assets/map/world.json"))
            .expect("the map data should read");
        for search in ["", "?verb=condemn", "?region=sahel"] {
            let q = Query::parse(search, &d);
            let picker = facets(&d, &index, &q).regions;
            let node = layout(&d, &index, search, Some(&map), &[], true);
            let places = with_attr(&node, Attr::Data(DataName::Region));
            for (slug, n) in picker.iter().filter(|x| x.1 > 0) {
                let place = places
                    .iter()
                    .find(|p| p.attr(Attr::Data(DataName::Region)) == Some(slug.as_str()));
                let place = place.unwrap_or_else(|| panic!("{slug} should be on the map"));
                assert_eq!(
                    place.attr(Attr::Data(DataName::Value)),
                    Some(n.to_string().as_str()),
                    "{slug} should count as in the region picker ({search:?})"
                );
                assert!(
                    place.attr(Attr::Href).is_some(),
                    "{slug} counts, so it should be a control"
                );
            }
        }
    }

    #[test]
    fn the_strip_has_a_row_per_resolution_of_the_view() {
        let d = doc();
        let index = Index::new(&d);
        let q = Query::parse("?region=sahel", &d);
        let shown = apply_indexed(&d, &index, &q).len();
        let node = layout(&d, &index, "?region=sahel", None, &[], true);
        let rows = with_attr(&node, Attr::Data(DataName::Res));
        assert_eq!(rows.len(), shown, "one row per resolution the view shows");
        assert!(shown > 0 && shown < d.resolutions.len());
    }

    #[test]
    fn the_sessions_chart_has_a_column_per_kept_session() {
        let d = doc();
        let index = Index::new(&d);
        let mut older = doc();
        older.session.number = Some(43);
        let older_index = Index::new(&older);
        let others = [OtherSession {
            doc: &older,
            index: &older_index,
        }];
        let node = layout(&d, &index, "", None, &others, true);
        let cells = with_attr(&node, Attr::Data(DataName::SessionNumber));
        assert_eq!(cells.len(), 2 * VerbCategory::ALL.len());
        assert_eq!(
            cells[0].attr(Attr::Data(DataName::SessionNumber)),
            Some("43"),
            "the oldest session comes first"
        );
    }

    #[test]
    fn a_right_to_left_chart_mirrors_its_bars() {
        let r = rect(true, 100.0, 10.0, 0.0, 20.0, 5.0);
        assert_eq!(r.attr(Attr::X), Some("70"));
        let l = rect(false, 100.0, 10.0, 0.0, 20.0, 5.0);
        assert_eq!(l.attr(Attr::X), Some("10"));
    }

    #[test]
    fn every_member_state_has_a_shape_and_every_place_is_the_gazetteers() {
        let map: MapData = serde_json::from_str(include_str!("../../assets/map/world.json"))
            .expect("the map data should read");
        let g = gazetteer();
        for p in &map.places {
            assert!(
                g.slug(&p.slug).is_some(),
                "{} is on the map but not in the gazetteer",
                p.slug
            );
            assert!(
                p.d.is_some() || (p.x.is_some() && p.y.is_some()),
                "{} should be a shape or a point",
                p.slug
            );
        }
        for r in &g.regions {
            let place = map.places.iter().find(|p| p.slug == r.slug);
            let place = place.unwrap_or_else(|| panic!("{} should be on the map", r.slug));
            if r.kind == crate::model::RegionKind::Member {
                assert!(
                    place.d.as_ref().is_some_and(|d| d.starts_with('M')),
                    "member state {} should have a shape",
                    r.slug
                );
            }
        }
    }
}
