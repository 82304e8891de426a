//! What a paragraph's text looks like on screen: plain runs, the operative verbs, the places it
//! names and the search's hits, each at the display range its source span maps to through the
//! paragraph's [`SourceRuns`]. Nothing is found again by searching the text: a verb is marked
//! where the parser found it, or not at all.

use std::ops::Range;

use super::search::Search;
use super::tree::{Attr, DataName, Node, Tag};
use crate::model::{RegionMention, SourceRuns, Verb};

/// A run of a paragraph's display text (byte ranges into it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    Text(Range<usize>),
    /// A search hit outside any verb or place.
    Hit(Range<usize>),
    /// The paragraph's verb `index`, with the search's hits inside it.
    Verb {
        index: usize,
        range: Range<usize>,
        hits: Vec<Range<usize>>,
    },
    /// The paragraph's region mention `index`, with the search's hits inside it.
    Place {
        index: usize,
        range: Range<usize>,
        hits: Vec<Range<usize>>,
    },
}

impl Segment {
    pub fn range(&self) -> &Range<usize> {
        match self {
            Segment::Text(r) | Segment::Hit(r) => r,
            Segment::Verb { range, .. } | Segment::Place { range, .. } => range,
        }
    }
}

/// A paragraph as the model holds it: its display text, where that text is in the source, and
/// what the parser found in it.
#[derive(Debug, Clone, Copy)]
pub struct Paragraph<'a> {
    pub text: &'a str,
    pub runs: &'a SourceRuns,
    pub verbs: &'a [Verb],
    pub places: &'a [RegionMention],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Found {
    Verb(usize),
    Place(usize),
}

/// How a marked verb is named on the page: its category's slug (the `verb-<slug>` class and
/// `data-verb`; `unknown` when the lexicon gives none) and its tooltip, "Category — gloss".
pub fn verb_label(v: &Verb) -> (&'static str, String) {
    let slug = v.category.map_or("unknown", |c| c.slug());
    let title = format!(
        "{} — {}",
        v.category.map_or("Other", |c| c.label_en()),
        v.gloss
    );
    (slug, title)
}

/// The paragraph cut into segments that cover its text in order, once each, with the hits of
/// `search` marked (an empty search marks none): the words it finds, and the verbs and places it
/// finds by their English meaning, whole. A verb is one segment however many lines or marks its
/// source span crosses. A place that overlaps a verb is left to the verb (a verb phrase that
/// names a place is still one verb).
pub fn segments(p: Paragraph, search: &Search) -> Vec<Segment> {
    let text = p.text;
    let on_text = |(a, b): (usize, usize)| {
        (b <= text.len() && text.is_char_boundary(a) && text.is_char_boundary(b)).then_some(a..b)
    };
    let mut found: Vec<(Range<usize>, Found)> = Vec::new();
    for (i, v) in p.verbs.iter().enumerate() {
        if let Some(r) = p.runs.display_range(v.start, v.end).and_then(on_text) {
            if found.iter().all(|(f, _)| !overlaps(f, &r)) {
                found.push((r, Found::Verb(i)));
            }
        }
    }
    for (i, m) in p.places.iter().enumerate() {
        if let Some(r) = p.runs.display_range(m.start, m.end).and_then(on_text) {
            if found.iter().all(|(f, _)| !overlaps(f, &r)) {
                found.push((r, Found::Place(i)));
            }
        }
    }
    found.sort_by_key(|(r, _)| r.start);
    let mut hits: Vec<Range<usize>> = search.hits(text).into_iter().map(|(a, b)| a..b).collect();
    if !search.is_empty() {
        let (verbs, places) = search.meaning_hits(p.verbs, p.places);
        for (range, what) in &found {
            let meant = match what {
                Found::Verb(i) => verbs[*i],
                Found::Place(i) => places[*i],
            };
            if meant {
                hits.push(range.clone());
            }
        }
        hits.sort_by_key(|h| h.start);
    }

    let mut out = Vec::with_capacity(2 * found.len() + 1);
    let mut at = 0;
    for (range, what) in found {
        plain(&mut out, at..range.start, &hits);
        let inside = clip(&hits, &range);
        out.push(match what {
            Found::Verb(index) => Segment::Verb {
                index,
                range: range.clone(),
                hits: inside,
            },
            Found::Place(index) => Segment::Place {
                index,
                range: range.clone(),
                hits: inside,
            },
        });
        at = range.end;
    }
    plain(&mut out, at..text.len(), &hits);
    out
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// The parts of `hits` inside `within`.
fn clip(hits: &[Range<usize>], within: &Range<usize>) -> Vec<Range<usize>> {
    hits.iter()
        .map(|h| h.start.max(within.start)..h.end.min(within.end))
        .filter(|h| h.start < h.end)
        .collect()
}

/// Text between marks: plain runs and the hits in them.
fn plain(out: &mut Vec<Segment>, range: Range<usize>, hits: &[Range<usize>]) {
    let mut at = range.start;
    for h in clip(hits, &range) {
        if at < h.start {
            out.push(Segment::Text(at..h.start));
        }
        at = h.end;
        out.push(Segment::Hit(h));
    }
    if at < range.end {
        out.push(Segment::Text(at..range.end));
    }
}

/// A paragraph's text with its verbs marked in their category's colour, as the cards mark them.
pub fn marked(
    text: &str,
    runs: &crate::model::SourceRuns,
    verbs: &[crate::model::Verb],
    places: &[crate::model::RegionMention],
) -> Vec<Node> {
    let para = Paragraph {
        text,
        runs,
        verbs,
        places,
    };
    segments(para, &Search::default())
        .into_iter()
        .filter_map(|seg| {
            let piece = text.get(seg.range().clone())?;
            Some(match seg {
                Segment::Verb { index, .. } => {
                    let v = verbs.get(index)?;
                    let (category, title) = verb_label(v);
                    Node::el(Tag::Mark, vec![Node::text(piece)])
                        .with(Attr::Class, format!("verb verb-{category}"))
                        .with(Attr::Data(DataName::Verb), category)
                        .with(Attr::Title, title)
                }
                _ => Node::text(piece),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Document;

    /// The marks of the first operative clause of a one-resolution document.
    fn first_clause(body: &str, needle: &str) -> (Document, Vec<Segment>) {
        let src = format!(
            "قرار رقم 44/1-س\nبشأن\nالوضع في الصومال\nإنّ مجلس وزراء الخارجية، المنعقد …؛\n{body}\n"
        );
        let doc = crate::parse(&src);
        let c = &doc.resolutions[0].operative[0];
        let segs = segments(
            Paragraph {
                text: &c.text,
                runs: &c.runs,
                verbs: &c.verbs,
                places: &c.regions,
            },
            &Search::new(needle),
        );
        (doc, segs)
    }

    fn verbs_shown(doc: &Document, segs: &[Segment]) -> Vec<String> {
        let c = &doc.resolutions[0].operative[0];
        segs.iter()
            .filter_map(|s| match s {
                Segment::Verb { range, .. } => Some(c.text[range.clone()].to_string()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn the_verb_is_marked_where_the_parser_found_it_not_where_its_word_first_occurs() {
        let (doc, segs) = first_clause(
            "1. يرحب بالمبادرة التي يدعو إليها المؤتمر، ويدعو الدول الأعضاء إلى دعمها.",
            "",
        );
        let c = &doc.resolutions[0].operative[0];
        assert_eq!(verbs_shown(&doc, &segs), ["يرحب", "يدعو"]);
        let Some(Segment::Verb { range, .. }) = segs
            .iter()
            .filter(|s| matches!(s, Segment::Verb { .. }))
            .nth(1)
        else {
            panic!("a second verb should be marked: {segs:?}");
        };
        assert!(
            c.text[..range.start].ends_with("المؤتمر، و"),
            "the coordinated يدعو should be marked, not the one in the relative clause: {:?}",
            &c.text[..range.start]
        );
    }

    #[test]
    fn a_verb_phrase_broken_over_two_lines_is_marked_whole() {
        let (doc, segs) = first_clause(
            "1. يرحب بالتقرير،\nويطلب\nمن الأمين العام متابعة تنفيذ هذا القرار.",
            "",
        );
        assert_eq!(
            verbs_shown(&doc, &segs),
            ["يرحب", "يطلب من"],
            "the phrase should be marked across the line break, shown with a space"
        );
        let c = &doc.resolutions[0].operative[0];
        assert_eq!(
            c.verbs[1].text, "يطلب من",
            "the model's text is what is shown"
        );
    }

    #[test]
    fn bold_marks_and_hits_inside_a_verb() {
        let (doc, segs) = first_clause("1. **يدين بشدة** الهجمات الإرهابية في الصومال.", "بشدة");
        assert_eq!(verbs_shown(&doc, &segs), ["يدين بشدة"]);
        let Segment::Verb { hits, range, .. } = &segs[0] else {
            panic!("the clause should open with its verb: {segs:?}");
        };
        let c = &doc.resolutions[0].operative[0];
        assert_eq!(hits.len(), 1, "the hit inside the verb stays inside it");
        assert_eq!(&c.text[hits[0].clone()], "بشدة");
        assert!(range.start <= hits[0].start && hits[0].end <= range.end);
        let places: Vec<&str> = segs
            .iter()
            .filter_map(|s| match s {
                Segment::Place { range, .. } => Some(&c.text[range.clone()]),
                _ => None,
            })
            .collect();
        assert_eq!(places, ["الصومال"], "the place named is marked too");
    }

    #[test]
    fn segments_cover_the_text_in_order() {
        let (doc, segs) = first_clause(
            "1. يرحب بالمبادرة، ويدعو الصومال إلى السلام؛ ويدعو الصومال مجدداً.",
            "الصومال",
        );
        let c = &doc.resolutions[0].operative[0];
        let mut at = 0;
        for s in &segs {
            assert_eq!(
                s.range().start,
                at,
                "segments should follow each other: {segs:?}"
            );
            at = s.range().end;
        }
        assert_eq!(at, c.text.len(), "and cover the whole text");
    }
}
