//! Search: what the search box matches, and where its hits are in a paragraph's text.
//!
//! A query is words, all of which a paragraph must hold. An Arabic word matches a word of the text
//! whatever clitics either carries: the conjunctions و and ف, the prepositions ب ل ك, the article
//! ال (and لل) — so «الخوجالي», «وخوجالي» and «بخوجالي» all find خوجالي — and whatever ending
//! follows (الخوجالية). It must start where a word starts, after those clitics: «مالي» does not
//! find «الصومالي». Spelling is folded as everywhere (hamza seats, ta marbuta, diacritics).
//!
//! A word in Latin letters also finds what the Council's words mean in English: a verb whose
//! gloss holds it («condemns» finds يدين) and a place whose English name does («Khojaly» finds
//! خوجالي), besides the text itself (document symbols, «S/RES/2334»). In the English and French
//! editions that text is the document's own: case and accents fold (`text::normalize`), so «cote»
//! finds «Côte d'Ivoire» and «préoccupation» finds «PREOCCUPATION».

use crate::lexicon::gazetteer;
use crate::model::{RegionMention, Verb};
use crate::text::normalize::{normalize, Normalized, SourceMap};
use crate::text::words::is_word_char;

/// Search hits are marked from three letters on: shorter words match nearly every paragraph.
pub const MIN_HIGHLIGHT_CHARS: usize = 3;

/// What may stand before a word's stem, normalised: a conjunction, then a preposition, then the
/// article (ل + ال is written لل).
const CLITICS: [&str; 24] = [
    "", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك", "ال", "وال", "فال", "بال",
    "كال", "لل", "وبال", "وكال", "ولل", "فبال", "فكال", "فلل",
];

/// One word of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
struct QueryWord {
    /// The word and the stems it may stand for (its clitics taken off), normalised.
    stems: Vec<String>,
    /// A word in Latin letters, lower-cased: also looked for in glosses and English names.
    latin: Option<String>,
    /// The places whose English name holds the Latin word (gazetteer slugs).
    places: Vec<&'static str>,
}

/// A query, compiled once per keystroke.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Search {
    words: Vec<QueryWord>,
}

/// A paragraph as search sees it: its normalised text, and what the parser found in it.
#[derive(Debug, Clone, Copy)]
pub struct Searched<'a> {
    pub norm: &'a str,
    pub verbs: &'a [Verb],
    pub places: &'a [RegionMention],
}

impl Searched<'_> {
    pub fn text(norm: &str) -> Searched<'_> {
        Searched {
            norm,
            verbs: &[],
            places: &[],
        }
    }
}

impl Search {
    /// Reads the search box. Words shorter than two letters are left out (one letter matches
    /// everything and says nothing).
    pub fn new(q: &str) -> Search {
        let n = normalize(q.trim());
        let g = gazetteer();
        let words = n
            .split(|c: char| !is_word_char(c) && c != '/' && c != '-')
            .filter(|w| w.chars().count() >= 2)
            .map(|w| {
                let latin = w
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '/' || c == '-')
                    .then(|| w.to_string());
                let places = match &latin {
                    Some(l) if l.chars().count() >= 3 => g
                        .regions
                        .iter()
                        .filter(|r| normalize(&r.english).contains(l.as_str()))
                        .map(|r| r.slug)
                        .collect(),
                    _ => Vec::new(),
                };
                QueryWord {
                    stems: stems(w),
                    latin,
                    places,
                }
            })
            .collect();
        Search { words }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Long enough to mark hits (see [`MIN_HIGHLIGHT_CHARS`]).
    pub fn marks_hits(&self) -> bool {
        self.words
            .iter()
            .any(|w| w.stems[0].chars().count() >= MIN_HIGHLIGHT_CHARS)
    }

    /// Does the paragraph hold every word of the query?
    pub fn matches(&self, p: Searched) -> bool {
        !self.words.is_empty() && self.words.iter().all(|w| word_in(w, p))
    }

    /// Byte ranges of the query's words in `text` (a paragraph's display text), for marking:
    /// each hit from where the stem starts to the end of its word. Hits through a gloss or an
    /// English name are the verbs' and places' own marks ([`Search::meaning_hits`]).
    pub fn hits(&self, text: &str) -> Vec<(usize, usize)> {
        if !self.marks_hits() {
            return Vec::new();
        }
        let n = Normalized::new(text, 0);
        let mut out = Vec::new();
        for w in &self.words {
            for (a, b) in occurrences(&n.text, w) {
                let (s, e) = (n.source(a), n.source_end(text, b));
                if s < e && text.is_char_boundary(s) && text.is_char_boundary(e) {
                    out.push((s, e));
                }
            }
        }
        out.sort_unstable();
        // Overlapping hits (two words of the query in one word of the text) become one.
        let mut merged: Vec<(usize, usize)> = Vec::with_capacity(out.len());
        for (a, b) in out {
            match merged.last_mut() {
                Some(last) if a <= last.1 => last.1 = last.1.max(b),
                _ => merged.push((a, b)),
            }
        }
        merged
    }

    /// Which of a paragraph's verbs and places the query found through their English meaning.
    pub fn meaning_hits(&self, verbs: &[Verb], places: &[RegionMention]) -> (Vec<bool>, Vec<bool>) {
        let latin: Vec<&QueryWord> = self.words.iter().filter(|w| w.latin.is_some()).collect();
        let verbs = verbs
            .iter()
            .map(|v| latin.iter().any(|w| gloss_holds(v, w)))
            .collect();
        let places = places
            .iter()
            .map(|m| latin.iter().any(|w| w.places.contains(&m.slug.as_ref())))
            .collect();
        (verbs, places)
    }
}

/// A word and the stems it may stand for: itself, and itself without each clitic it may carry,
/// when three letters or more are left («باكستان» keeps itself among its stems, so a text word
/// that starts the same way is still found).
fn stems(w: &str) -> Vec<String> {
    let mut out = vec![w.to_string()];
    for c in CLITICS.iter().filter(|c| !c.is_empty()) {
        if let Some(rest) = w.strip_prefix(c) {
            if rest.chars().count() >= 3 && !out.iter().any(|s| s == rest) {
                out.push(rest.to_string());
            }
        }
    }
    out
}

fn gloss_holds(v: &Verb, w: &QueryWord) -> bool {
    let Some(l) = &w.latin else { return false };
    l.chars().count() >= 3
        && v.gloss
            .to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .any(|g| g.starts_with(l.as_str()))
}

fn word_in(w: &QueryWord, p: Searched) -> bool {
    occurrences(p.norm, w).next().is_some()
        || (w.latin.is_some()
            && (p.verbs.iter().any(|v| gloss_holds(v, w))
                || p.places.iter().any(|m| w.places.contains(&m.slug.as_ref()))))
}

/// Where one of `w`'s stems starts a word of `norm` (after clitics), as byte ranges from the stem
/// to the end of that word.
fn occurrences<'t>(norm: &'t str, w: &'t QueryWord) -> impl Iterator<Item = (usize, usize)> + 't {
    let mut found: Vec<(usize, usize)> = Vec::new();
    for stem in &w.stems {
        let mut from = 0;
        // A substring search first: most paragraphs hold none of the stems.
        while let Some(k) = norm[from..].find(stem.as_str()) {
            let at = from + k;
            from = at + stem.len();
            let word_start = norm[..at]
                .char_indices()
                .rev()
                .take_while(|(_, c)| is_word_char(*c))
                .last()
                .map_or(at, |(i, _)| i);
            if CLITICS.contains(&&norm[word_start..at]) {
                let end = norm[at..]
                    .char_indices()
                    .find(|(_, c)| !is_word_char(*c))
                    .map_or(norm.len(), |(i, _)| at + i);
                if !found.iter().any(|f| f.0 <= at && at < f.1) {
                    found.push((at, end));
                }
            }
        }
    }
    found.into_iter()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finds(q: &str, text: &str) -> bool {
        Search::new(q).matches(Searched::text(&normalize(text)))
    }

    #[test]
    fn clitics_on_either_side_do_not_matter() {
        for q in ["الخوجالي", "وخوجالي", "بخوجالي", "خوجالي", "والخوجالي"]
        {
            assert!(finds(q, "ذكرى مأساة خوجالي"), "{q} should find خوجالي");
            assert!(
                finds(q, "إبادة بخوجالي الجماعية"),
                "{q} should find بخوجالي"
            );
        }
        assert!(finds("الإرهاب", "مكافحة الارهاب والإرهابيين"));
        assert!(finds("السلام", "للسلام"), "لل is ل with the article");
    }

    #[test]
    fn a_word_must_start_where_a_text_word_starts() {
        assert!(
            !finds("مالي", "الوضع في الصومال والصوماليين"),
            "مالي is not in الصومالي"
        );
        assert!(finds("مالي", "الوضع في مالي"));
        assert!(
            finds("باكستان", "يرحب بباكستان"),
            "a word that starts with ب keeps itself"
        );
    }

    #[test]
    fn english_and_french_fold_case_and_accents() {
        assert!(
            finds("cote", "la situation en Côte d'Ivoire"),
            "«cote» should find «Côte»"
        );
        assert!(finds("Côte", "the situation in Cote d'Ivoire"));
        assert!(
            finds("CONDEMNS", "1. Condemns the attacks"),
            "case should fold"
        );
        assert!(finds("préoccupation", "Notant avec preoccupation"));
        assert!(finds("resolution", "RÉSOLUTION N°1/38-ORG"));
        assert!(
            !finds("cote", "the vote was held"),
            "a word starts where a text word starts"
        );
        assert_eq!(
            Search::new("Côte").words[0].places,
            ["cote-divoire"],
            "a place is found by its English name, accents folded"
        );
    }

    #[test]
    fn every_word_of_the_query_must_be_there() {
        assert!(finds("مكافحة الإرهاب", "يدعو إلى مكافحة الإرهاب"));
        assert!(!finds("مكافحة الفساد", "يدعو إلى مكافحة الإرهاب"));
    }

    #[test]
    fn english_words_find_places_and_verbs_by_their_meaning() {
        let doc = crate::parse(include_str!("../../sessions/cfm-44-political-ar.txt"));
        let s = Search::new("Khojaly");
        let hit = doc.resolutions.iter().flat_map(|r| &r.operative).find(|c| {
            s.matches(Searched {
                norm: &normalize(&c.text),
                verbs: &c.verbs,
                places: &c.regions,
            })
        });
        let c = hit.expect("a clause about Khojaly should be found by its English name");
        assert!(c.regions.iter().any(|m| m.slug == "khojaly"));
        let s = Search::new("condemns");
        assert!(doc
            .resolutions
            .iter()
            .flat_map(|r| &r.operative)
            .any(|c| s.matches(Searched {
                norm: &normalize(&c.text),
                verbs: &c.verbs,
                places: &c.regions,
            })));
        let (verbs, _) = s.meaning_hits(&c.verbs, &c.regions);
        assert_eq!(verbs.len(), c.verbs.len());
    }

    #[test]
    fn found_lists_paragraphs_with_a_snippet_around_the_first_hit() {
        let doc = crate::parse(include_str!("../../sessions/cfm-44-political-ar.txt"));
        let index = crate::view::Index::new(&doc);
        let all: Vec<usize> = (0..doc.resolutions.len()).collect();
        let s = Search::new("خوجالي");
        let (found, total) = s.found(&doc, &index, &all, 100);
        assert!(total >= 1 && found.len() == total);
        for f in &found {
            assert!(
                normalize(&f.snippet).contains("خوجالي"),
                "the snippet shows the hit: {}",
                f.snippet
            );
            assert!(
                f.snippet.chars().count() <= 3 * AROUND + 4,
                "a snippet is short"
            );
        }
        let (few, total_again) = s.found(&doc, &index, &all, 1);
        assert_eq!(
            (few.len(), total_again),
            (1, total),
            "a limit keeps the count whole"
        );
    }

    #[test]
    fn hits_run_from_the_word_as_typed_to_the_end_of_the_text_word() {
        let s = Search::new("الإرهاب");
        let text = "مكافحة الإرهاب والإرهابيين وإرهاب";
        let hits: Vec<&str> = s.hits(text).iter().map(|&(a, b)| &text[a..b]).collect();
        assert_eq!(hits, ["الإرهاب", "الإرهابيين", "إرهاب"]);
    }
}

/// One paragraph the search found: where it is, how many hits it holds, and a stretch of its
/// text around the first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The resolution (its index in the document) and the paragraph: `title`, `preN`, `opN`.
    pub index: usize,
    pub clause: String,
    pub hits: usize,
    pub snippet: String,
}

/// How many chars of text a snippet shows on each side of its first hit.
const AROUND: usize = 45;

impl Search {
    /// The paragraphs of `doc` that hold every word of the search, in document order, among
    /// the resolutions `shown` (indices), at most `limit` of them; and how many there are in all.
    pub fn found(
        &self,
        doc: &crate::model::Document,
        index: &super::Index,
        shown: &[usize],
        limit: usize,
    ) -> (Vec<Found>, usize) {
        let mut out = Vec::new();
        let mut total = 0;
        let empty = super::ResolutionIndex::default();
        for &k in shown {
            let (Some(r), ri) = (
                doc.resolutions.get(k),
                index.resolutions.get(k).unwrap_or(&empty),
            ) else {
                continue;
            };
            let title = std::iter::once((
                "title".to_string(),
                r.title.as_str(),
                ri.title.as_str(),
                &[][..],
                &[][..],
            ));
            let preamble = r.preamble.iter().enumerate().map(|(i, p)| {
                let norm = ri.preamble.get(i).map_or("", String::as_str);
                (
                    format!("pre{}", i + 1),
                    p.text.as_str(),
                    norm,
                    &[][..],
                    p.regions.as_slice(),
                )
            });
            let operative = r.operative.iter().enumerate().map(|(i, c)| {
                let norm = ri
                    .operative
                    .get(i)
                    .and_then(|n| n.first())
                    .map_or("", String::as_str);
                (
                    format!("op{}", i + 1),
                    c.text.as_str(),
                    norm,
                    c.verbs.as_slice(),
                    c.regions.as_slice(),
                )
            });
            for (clause, text, norm, verbs, places) in title.chain(preamble).chain(operative) {
                if !self.matches(Searched {
                    norm,
                    verbs,
                    places,
                }) {
                    continue;
                }
                total += 1;
                if out.len() < limit {
                    let hits = self.hits(text);
                    out.push(Found {
                        index: k,
                        clause,
                        hits: hits.len().max(1),
                        snippet: snippet(text, hits.first().map_or(0, |h| h.0)),
                    });
                }
            }
        }
        (out, total)
    }
}

/// A stretch of `text` around byte `at`, cut at word boundaries, with … where it was cut.
fn snippet(text: &str, at: usize) -> String {
    let before: Vec<(usize, char)> = text[..at].char_indices().collect();
    let mut from = before.len().checked_sub(AROUND).map_or(0, |k| before[k].0);
    let mut to = text[at..]
        .char_indices()
        .nth(2 * AROUND)
        .map_or(text.len(), |(i, _)| at + i);
    // Whole words: from the next space after the cut, to the last space before it.
    if from > 0 {
        from = text[from..]
            .find(' ')
            .map_or(from, |i| from + i + 1)
            .min(at);
    }
    if to < text.len() {
        to = text[..to].rfind(' ').filter(|&i| i > at).unwrap_or(to);
    }
    format!(
        "{}{}{}",
        if from > 0 { "… " } else { "" },
        &text[from..to],
        if to < text.len() { " …" } else { "" }
    )
}
