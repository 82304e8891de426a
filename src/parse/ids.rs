//! Resolution ids: which number a document prints first, an id for every resolution whose heading
//! is missing, the table of contents' titles where the body has none, and what is odd about the
//! numbering (gaps, repeats).
//!
//! A resolution without a heading takes, in this order: the table-of-contents row of the number
//! that follows the previous resolution's, unless its title plainly belongs to another row; the
//! row its title matches best; or the next number. Each row is taken once.

use std::collections::HashMap;

use super::{cover, scan};
use crate::model::{
    Diagnostic, DiagnosticCode, Document, IdOrder, IdSource, ResolutionId, Span, TocEntry,
};
use crate::text::normalize;
use crate::text::words::words;

/// A title's share of weighted words another must have to be taken for the same resolution.
const SAME_TITLE: f32 = 0.5;
/// A title match this close lets a title override the numbering (the body's order differs from
/// the table of contents'), but only when the numbering's own row shares little with it.
const PLAINLY_SAME_TITLE: f32 = 0.9;

/// Words that say nothing about which resolution a title names: particles and prepositions
/// (normalised, as [`normalize`] writes them).
const FUNCTION_WORDS: [&str; 24] = [
    "في",
    "من",
    "علي",
    "الي",
    "عن",
    "مع",
    "بشان",
    "حول",
    "و",
    "او",
    "ب",
    "ل",
    "ال",
    "ذلك",
    "التي",
    "الذي",
    "الذين",
    "ضد",
    "بين",
    "لدي",
    "عبر",
    "ازاء",
    "تجاه",
    "بعد",
];

/// Reads an id as written (`44/1-س`), taking the first number for the session; see
/// [`in_order`] for documents that print the number first.
pub(super) fn parse_id(s: &str) -> Option<ResolutionId> {
    let n = normalize(s);
    let (session, number, _, _) = scan::resolution_id(&n, 0)?;
    let committee = crate::text::unshape(s.split_once('-').map_or("", |(_, c)| c).trim());
    Some(ResolutionId {
        session,
        number,
        committee,
        order: IdOrder::SessionFirst,
    })
}

/// An id read session first, as a document that prints ids in `order` means it.
fn in_order(id: ResolutionId, order: IdOrder) -> ResolutionId {
    match order {
        IdOrder::SessionFirst => id,
        IdOrder::NumberFirst => ResolutionId {
            session: id.number,
            number: id.session,
            order,
            ..id
        },
    }
}

/// Settles which number the document's ids print first ([`IdOrder`]), and swaps the session and
/// number of the resolutions read from headings if it is the resolution's number.
///
/// Across several ids, the session is the number that stays the same (`44/1`, `44/2` …, or
/// `1/35`, `2/35` …). With a single id, or ids that do not tell, it is the number that the cover
/// or the first enacting formula names by its ordinal («في دورته الخامسة والثلاثين»). Failing
/// both, session first, as the current sessions print.
#[inline(never)] // a stage of its own in the wasm build: see parse/mod.rs
pub(super) fn settle_order(doc: &mut Document) {
    let printed: Vec<(u32, u32)> = doc
        .resolutions
        .iter()
        .filter(|r| r.id_source == IdSource::Heading)
        .map(|r| (r.session, r.number))
        .chain(
            doc.toc
                .iter()
                .filter_map(|e| e.id.as_deref().and_then(parse_id))
                .map(|id| (id.session, id.number)),
        )
        .collect();
    let Some(&(first, second)) = printed.first() else {
        return;
    };
    let firsts_agree = printed.iter().all(|p| p.0 == first);
    let seconds_agree = printed.iter().all(|p| p.1 == second);
    let order = match (firsts_agree, seconds_agree) {
        (true, false) => IdOrder::SessionFirst,
        (false, true) => IdOrder::NumberFirst,
        _ => {
            let named = doc.session.number.or_else(|| {
                let e = doc.resolutions.iter().find_map(|r| r.enacting.as_ref())?;
                let n = normalize(&e.text);
                let words = cover::words(&n);
                cover::session_ordinal(&words).or_else(|| cover::latin_session_ordinal(&words))
            });
            // The English and French editions print the resolution's number first
            // («RESOLUTION NO.1/46-MM»), unless the session named says otherwise.
            let latin = doc.language != crate::model::Language::Arabic;
            if (named == Some(second) && second != first) || (latin && named != Some(first)) {
                IdOrder::NumberFirst
            } else {
                IdOrder::SessionFirst
            }
        }
    };
    doc.session.id_order = order;
    if order == IdOrder::NumberFirst {
        for r in doc
            .resolutions
            .iter_mut()
            .filter(|r| r.id_source == IdSource::Heading)
        {
            std::mem::swap(&mut r.session, &mut r.number);
        }
    }
}

/// A title as a bag of words that tell titles apart: normalised, function words left out.
struct TitleWords(Vec<String>);

impl TitleWords {
    fn new(title: &str) -> TitleWords {
        let n = normalize(title);
        let mut ws: Vec<String> = words(&n)
            .iter()
            .map(|w| &n[w.start..w.end])
            .filter(|w| !FUNCTION_WORDS.contains(w))
            .map(str::to_string)
            .collect();
        ws.sort();
        ws.dedup();
        TitleWords(ws)
    }
}

/// The table of contents' rows, ready to be matched: each row's id (in the document's order),
/// its title's words, and how much each word tells (words in many titles, «الوضع», tell little).
struct TocRows {
    ids: Vec<Option<ResolutionId>>,
    shown: Vec<Option<String>>,
    titles: Vec<TitleWords>,
    /// Weight of a word: ln(1 + rows / rows holding it); a word in no row weighs the most.
    weight: HashMap<String, f32>,
    unseen_weight: f32,
    taken: Vec<bool>,
}

impl TocRows {
    fn new(toc: &[TocEntry], order: IdOrder) -> TocRows {
        let ids: Vec<Option<ResolutionId>> = toc
            .iter()
            .map(|e| {
                e.id.as_deref()
                    .and_then(parse_id)
                    .map(|id| in_order(id, order))
            })
            .collect();
        let titles: Vec<TitleWords> = toc.iter().map(|e| TitleWords::new(&e.title)).collect();
        let mut holding: HashMap<String, usize> = HashMap::new();
        for t in &titles {
            for w in &t.0 {
                *holding.entry(w.clone()).or_default() += 1;
            }
        }
        let rows = titles.len().max(1) as f32;
        TocRows {
            shown: ids
                .iter()
                .map(|id| id.as_ref().map(ResolutionId::display))
                .collect(),
            taken: vec![false; ids.len()],
            ids,
            titles,
            weight: holding
                .into_iter()
                .map(|(w, n)| (w, (1.0 + rows / n as f32).ln()))
                .collect(),
            unseen_weight: (1.0 + rows).ln(),
        }
    }

    fn weight(&self, w: &str) -> f32 {
        self.weight.get(w).copied().unwrap_or(self.unseen_weight)
    }

    /// How alike two titles are (0 to 1): the weight of the words they share over the weight of
    /// the heavier title's.
    fn similarity(&self, a: &TitleWords, b: &TitleWords) -> f32 {
        let total = |t: &TitleWords| t.0.iter().map(|w| self.weight(w)).sum::<f32>();
        let most = total(a).max(total(b));
        if most == 0.0 {
            return 0.0;
        }
        let shared: f32 =
            a.0.iter()
                .filter(|w| b.0.binary_search(w).is_ok())
                .map(|w| self.weight(w))
                .sum();
        shared / most
    }

    /// The row a resolution without a heading takes: see the module's documentation.
    fn choose(&self, title: &str, expected: Option<&ResolutionId>) -> Option<usize> {
        let mine = TitleWords::new(title);
        let free = |i: &usize| !self.taken[*i] && self.ids[*i].is_some();
        let by_number = expected.and_then(|e| {
            (0..self.ids.len()).filter(free).find(|&i| {
                self.ids[i]
                    .as_ref()
                    .is_some_and(|id| id.session == e.session && id.number == e.number)
            })
        });
        let by_title = (0..self.ids.len())
            .filter(free)
            .map(|i| (i, self.similarity(&mine, &self.titles[i])))
            .filter(|&(_, s)| s >= SAME_TITLE)
            .max_by(|a, b| a.1.total_cmp(&b.1));
        match (by_number, by_title) {
            (Some(n), Some((t, s))) if t != n && s >= PLAINLY_SAME_TITLE => {
                let numbering_agrees = self.similarity(&mine, &self.titles[n]) >= SAME_TITLE;
                Some(if numbering_agrees { n } else { t })
            }
            (Some(n), _) => Some(n),
            (None, t) => t.map(|(t, _)| t),
        }
    }

    /// Marks the row that `id` names as taken (a resolution's own heading prints it).
    fn take_id(&mut self, id: &str) {
        if let Some(i) =
            (0..self.shown.len()).find(|&i| !self.taken[i] && self.shown[i].as_deref() == Some(id))
        {
            self.taken[i] = true;
        }
    }
}

/// Gives every resolution without a heading its id, fills titles the body lacks from the table of
/// contents, and notes gaps and repeats in the numbering.
#[inline(never)] // a stage of its own in the wasm build: see parse/mod.rs
pub(super) fn assign(doc: &mut Document) {
    let mut rows = TocRows::new(&doc.toc, doc.session.id_order);
    for r in doc
        .resolutions
        .iter()
        .filter(|r| r.id_source == IdSource::Heading)
    {
        rows.take_id(&r.id);
    }
    for k in 0..doc.resolutions.len() {
        if doc.resolutions[k].id_source != IdSource::Heading {
            give_id(doc, k, &mut rows);
        }
    }
    titles_from_toc(doc, &rows);
    check_numbering(doc);
}

/// The id the numbering expects at resolution `k`: the one after the previous resolution's, or
/// the one before the next heading's.
fn expected_id(doc: &Document, k: usize) -> Option<ResolutionId> {
    let order = doc.session.id_order;
    let step = |r: &crate::model::Resolution, number: u32| ResolutionId {
        session: r.session,
        number,
        committee: r.committee.clone(),
        order,
    };
    if let Some(p) = k.checked_sub(1).and_then(|p| doc.resolutions.get(p)) {
        return Some(step(p, p.number + 1));
    }
    doc.resolutions
        .get(k + 1)
        .filter(|n| n.id_source == IdSource::Heading && n.number > 1)
        .map(|n| step(n, n.number - 1))
}

/// Gives resolution `k` (which has no heading) its id, and ties its notes to it.
fn give_id(doc: &mut Document, k: usize, rows: &mut TocRows) {
    let expected = expected_id(doc, k);
    let row = rows.choose(&doc.resolutions[k].title, expected.as_ref());
    let (id, source) = match (row.and_then(|i| rows.ids[i].clone()), expected) {
        (Some(id), _) => (id, IdSource::Toc),
        (None, Some(e)) => (e, IdSource::NumberingOrder),
        (None, None) => (
            ResolutionId {
                session: 0,
                number: (k + 1) as u32,
                committee: String::new(),
                order: doc.session.id_order,
            },
            IdSource::NumberingOrder,
        ),
    };
    if let Some(i) = row {
        rows.taken[i] = true;
    }
    let r = &mut doc.resolutions[k];
    let old = std::mem::replace(&mut r.id, id.display());
    r.session = id.session;
    r.number = id.number;
    r.committee = id.committee;
    r.id_source = source;
    let (code, how) = match source {
        IdSource::Toc => (
            DiagnosticCode::HeadingRecoveredFromToc,
            "its title and place match a row of the table of contents",
        ),
        _ => (
            DiagnosticCode::HeadingRecoveredFromNumbering,
            "it follows the previous resolution in the numbering",
        ),
    };
    let note = Diagnostic::new(
        code,
        format!(
            "resolution {} of the document has no heading; its id was taken as {} because {how}",
            k + 1,
            r.id
        ),
        Some(Span::new(r.span.start, r.span.start)),
    )
    .about(&r.id);
    let new = r.id.clone();
    for d in doc
        .diagnostics
        .iter_mut()
        .filter(|d| d.resolution.as_deref() == Some(&old))
    {
        d.resolution = Some(new.clone());
    }
    for u in doc
        .unplaced
        .iter_mut()
        .filter(|u| u.resolution.as_deref() == Some(&old))
    {
        u.resolution = Some(new.clone());
    }
    doc.diagnostics.push(note);
}

/// Titles: the table of contents' wording where it differs, and where the body has none.
fn titles_from_toc(doc: &mut Document, rows: &TocRows) {
    for r in &mut doc.resolutions {
        let Some(e) = rows
            .shown
            .iter()
            .position(|id| id.as_deref() == Some(r.id.as_str()))
            .map(|i| &doc.toc[i])
        else {
            continue;
        };
        if r.title.is_empty() {
            r.title = e.title.clone();
            doc.diagnostics.push(
                Diagnostic::new(
                    DiagnosticCode::TitleFromToc,
                    format!(
                        "resolution {} has no title in the body; the table of contents' title is shown",
                        r.id
                    ),
                    Some(Span::new(r.span.start, r.span.start)),
                )
                .about(&r.id),
            );
        } else if normalize(&r.title)
            .split_whitespace()
            .ne(normalize(&e.title).split_whitespace())
        {
            r.toc_title = Some(e.title.clone());
        }
    }
}

/// The numbering itself: gaps and repeats are worth a word.
fn check_numbering(doc: &mut Document) {
    let mut notes = Vec::new();
    for w in doc.resolutions.windows(2) {
        if w[1].session == w[0].session && w[1].number != w[0].number + 1 {
            notes.push(
                Diagnostic::new(
                    DiagnosticCode::NumberingGap,
                    format!("resolution {} follows {}", w[1].id, w[0].id),
                    Some(Span::new(w[1].span.start, w[1].span.start)),
                )
                .about(&w[1].id),
            );
        }
    }
    let mut first_with: HashMap<&str, usize> = HashMap::new();
    for (k, r) in doc.resolutions.iter().enumerate() {
        let Some(&j) = first_with.get(r.id.as_str()) else {
            first_with.insert(&r.id, k);
            continue;
        };
        let named = |i: usize| {
            let r = &doc.resolutions[i];
            format!("resolution {} («{}»)", i + 1, r.title)
        };
        notes.push(
            Diagnostic::new(
                DiagnosticCode::DuplicateId,
                format!("{} and {} both carry the id {}", named(j), named(k), r.id),
                Some(Span::new(r.span.start, r.span.start)),
            )
            .about(&r.id),
        );
    }
    doc.diagnostics.extend(notes);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(titles: &[&str]) -> TocRows {
        let toc: Vec<TocEntry> = titles
            .iter()
            .enumerate()
            .map(|(i, t)| TocEntry {
                number: Some(i as u32 + 1),
                id: Some(format!("44/{}-س", i + 1)),
                title: t.to_string(),
                page: None,
                columns_swapped: false,
                span: Span::default(),
            })
            .collect();
        TocRows::new(&toc, IdOrder::SessionFirst)
    }

    #[test]
    fn titles_that_share_only_common_words_are_not_the_same() {
        let r = rows(&[
            "الوضع في مالي",
            "الوضع في ليبيا",
            "الوضع في الصومال",
            "التضامن مع شعب جامو وكشمير",
        ]);
        let s = r.similarity(
            &TitleWords::new("الوضع في مالي"),
            &TitleWords::new("الوضع في ليبيا"),
        );
        assert!(s < SAME_TITLE, "«الوضع في» names no resolution ({s})");
        let s = r.similarity(
            &TitleWords::new("الوضع في مالي"),
            &TitleWords::new("الوضع فى مالى"),
        );
        assert!(
            s > PLAINLY_SAME_TITLE,
            "spelling variants are the same title ({s})"
        );
    }

    #[test]
    fn the_numbering_wins_unless_the_title_plainly_names_another_row() {
        let mut r = rows(&["الوضع في الصومال", "الوضع في مالي", "الوضع في ليبيا"]);
        let expected = parse_id("44/2-س");
        assert_eq!(
            r.choose("الحالة في ليبيا", expected.as_ref()),
            Some(1),
            "a title that matches another row only loosely should not override the numbering"
        );
        assert_eq!(
            r.choose("الوضع في ليبيا", expected.as_ref()),
            Some(2),
            "a title that is plainly another row's, and shares nothing with the expected one, wins"
        );
        r.taken[1] = true;
        assert_eq!(
            r.choose("الوضع في مالي", None),
            None,
            "a row already taken is never taken again"
        );
    }
}
