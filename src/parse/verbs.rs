//! Operative verbs in a clause: the opening verb, and further coordinated verbs (`… ، ويدعو …`,
//! `… **ويحث** …`, `كما يعرب …`). A verb after a relative pronoun or a subordinating particle
//! (`الذي يدعو`, `أن يدعو`) belongs to a subordinate clause and is not the Council's.

use crate::lexicon::verbs::NOT_AFTER;
use crate::lexicon::{lexicon, Window};
use crate::model::{Mark, Verb};
use crate::text::inline::Para;
use crate::text::normalize::SourceMap;
use crate::text::words::Word;

/// What the opening of a clause turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opening {
    /// A verb from the lexicon.
    Known,
    /// A present-tense verb the lexicon does not have.
    Unknown,
    /// The clause does not open with a verb.
    None,
}

/// Finds the operative verbs of a clause's paragraph.
pub fn operative_verbs(src: &str, para: &Para) -> (Vec<Verb>, Opening) {
    let norm = para.norm_text();
    let ws = para.words();
    // Only the words at the opening and around candidates are compared: a window of them.
    let window = |k: usize| -> Window<8> { Window::of(norm, ws, k) };
    let word = |k: usize| &norm[ws[k].start..ws[k].end];
    let texts = window(0);
    let lx = lexicon();
    let mut verbs = Vec::new();
    let mut opening = Opening::None;
    // A clause drafted like a preambular paragraph («13. وإذ يلاحظ …») still opens with its verb.
    let latin = texts
        .first()
        .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_alphabetic()));
    let mut k = if latin {
        // «Also requests», «The Conference requests»: the verb after the words that lead to it.
        super::line::latin_verb_at(&texts).unwrap_or(0)
    } else {
        usize::from(texts.first().is_some_and(|w| *w == "اذ" || *w == "واذ") && texts.len() > 1)
    };
    if let Some(first) = texts.get(k) {
        if let Some(m) = lx.match_verb(&texts[k..]) {
            verbs.push(make_verb(src, para, ws, &texts, k, Some(&m), true));
            opening = Opening::Known;
            k += m.len;
        } else if looks_like_present_verb(first) || (latin && looks_like_latin_verb(first)) {
            verbs.push(make_verb(src, para, ws, &texts, k, None, true));
            opening = Opening::Unknown;
            k += 1;
        }
    }
    while k < ws.len() {
        let w = word(k);
        let prev = k.checked_sub(1).map(word);
        let candidate = if latin {
            // «… and requests …», «… et prie …»: a further verb of the Council's.
            // (English verbs of the Council end in «s»: «… to study and invite …» is not one.)
            match prev {
                Some("and") => w.ends_with('s') && lx.is_verb(w),
                Some("et") => lx.is_verb(w),
                _ => false,
            }
        } else if w.starts_with("وي") {
            true
        } else if w.starts_with('ي') {
            prev == Some("كما") || is_marked(&para.marks, para.source(ws[k].start))
        } else {
            false
        };
        if candidate && !prev.is_some_and(|p| NOT_AFTER.contains(&p)) {
            let texts = window(k);
            if let Some(m) = lx.match_verb(&texts) {
                verbs.push(make_verb(src, para, &ws[k..], &texts, 0, Some(&m), false));
                k += m.len;
                continue;
            }
        }
        k += 1;
    }
    // Most clauses have one verb or two, and a list grown by pushing holds room for four (a
    // tenth of the CLI's peak memory on a large file went to that room).
    verbs.shrink_to_fit();
    (verbs, opening)
}

/// A third-person present-tense verb: starts with ي and is at least three letters.
fn looks_like_present_verb(w: &str) -> bool {
    w.starts_with('ي') && w.chars().count() >= 3 && !w.chars().any(|c| c.is_ascii_digit())
}

/// An English third-person verb the lexicon does not have («Instructs», «Mandates»): one word
/// of letters ending in «s» (and not «ss», a noun such as «Progress»).
fn looks_like_latin_verb(w: &str) -> bool {
    w.len() >= 5
        && w.bytes().all(|b| b.is_ascii_lowercase())
        && w.ends_with('s')
        && !w.ends_with("ss")
}

fn is_marked(marks: &[Mark], at: usize) -> bool {
    marks.iter().any(|m| m.start <= at && at < m.end)
}

fn make_verb(
    src: &str,
    para: &Para,
    ws: &[Word],
    texts: &[&str],
    at: usize,
    m: Option<&crate::lexicon::PhraseMatch>,
    opening: bool,
) -> Verb {
    let lx = lexicon();
    let len = m.map_or(1, |m| m.len).max(1);
    let first = ws[at];
    let last = ws[(at + len - 1).min(ws.len() - 1)];
    let mut start = para.source(first.start);
    let end = para.source_end(src, last.end);
    // A conjunction (و) or كما is not part of the verb: the span starts at the verb itself.
    if texts[at].starts_with("وي") {
        let s = &src[start..];
        if let Some(rest) = s.strip_prefix('و') {
            start += s.len() - rest.trim_start_matches('*').len();
        }
    }
    let start = start.min(end);
    let text = para.shown(src, start, end);
    match m.and_then(|m| lx.verbs.get(m.payload).map(|e| (m, e))) {
        Some((m, e)) => Verb {
            text,
            lemma: e.lemma.into(),
            phrase: e.phrase.into(),
            category: Some(e.category),
            gloss: lx.gloss(m),
            opening,
            start,
            end,
        },
        None => {
            let lemma = crate::lexicon::verbs::verb_forms(texts[at])
                .last()
                .unwrap_or(texts[at])
                .to_string();
            Verb {
                text,
                phrase: lemma.clone().into(),
                lemma: lemma.into(),
                category: None,
                gloss: "".into(),
                opening,
                start,
                end,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn verbs(s: &str) -> Vec<(String, bool, Option<String>)> {
        let p = Para::build([(0, s)]);
        operative_verbs(s, &p)
            .0
            .into_iter()
            .map(|v| {
                assert_eq!(
                    crate::text::inline::strip_marks(&s[v.start..v.end]),
                    v.text,
                    "the span should cover the verb text"
                );
                (v.text, v.opening, v.category.map(|c| c.slug().to_string()))
            })
            .collect()
    }

    #[test]
    fn finds_opening_and_coordinated_verbs() {
        let v = verbs("**يرحب** بانتخاب الرئيس، ويشيد بالرئيس السابق، وينوه بالتسليم السلمي.");
        let t: Vec<&str> = v.iter().map(|v| v.0.as_str()).collect();
        assert_eq!(
            t,
            ["يرحب", "يشيد", "ينوه"],
            "the و should stay outside the verb's span"
        );
        assert!(v[0].1 && !v[1].1, "only the first verb opens the clause");
    }

    #[test]
    fn bold_coordinated_verbs_and_modifiers() {
        let v = verbs("**يدين بشدة** الأعمال، **ويحث** جميع الدول؛ و**يحث** العلماء");
        let t: Vec<&str> = v.iter().map(|v| v.0.as_str()).collect();
        assert_eq!(t, ["يدين بشدة", "يحث", "يحث"]);
    }

    #[test]
    fn relative_clause_verbs_are_not_operative() {
        let v = verbs("يرحب بالمبادرة التي **يدعو** إليها المؤتمر الذي يدعو إلى السلام");
        assert_eq!(
            v.len(),
            1,
            "verbs after a relative pronoun should not count: {v:?}"
        );
    }

    #[test]
    fn unknown_present_tense_verbs_are_kept_uncategorised() {
        let v = verbs("يستلهم روح الميثاق");
        assert_eq!(v, vec![("يستلهم".to_string(), true, None)]);
    }
}
