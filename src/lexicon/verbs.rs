//! The operative-verb lexicon (`verbs.tsv`) and the preambular openings (`openings.tsv`).

use std::sync::OnceLock;

use super::phrase::{PhraseMatch, PhraseTable};
use crate::model::{LexiconText, VerbCategory};
use crate::text::normalize;

const VERBS_TSV: &str = include_str!("verbs.tsv");
const OPENINGS_TSV: &str = include_str!("openings.tsv");

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerbEntry {
    /// The phrase as usually written, e.g. `يعرب عن قلقه`.
    pub phrase: &'static str,
    /// The head verb in its dictionary spelling, e.g. `يعرب`.
    pub lemma: &'static str,
    pub category: VerbCategory,
    pub gloss: &'static str,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpeningEntry {
    pub phrase: &'static str,
    pub gloss: &'static str,
}

/// A problem in a lexicon file: reported by the lexicon tests, never at run time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexiconError {
    pub file: &'static str,
    pub line: usize,
    pub message: String,
}

#[derive(Debug, Default)]
pub struct Lexicon {
    pub verbs: Vec<VerbEntry>,
    /// Modifier gloss templates (`Strongly {}`), indexed by the phrase table's modifier payloads.
    pub modifiers: Vec<&'static str>,
    pub openings: Vec<OpeningEntry>,
    verb_table: PhraseTable,
    opening_table: PhraseTable,
    /// Problems found while loading; rows with problems are skipped.
    pub errors: Vec<LexiconError>,
}

/// The lexicon, read once.
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| Lexicon::from_tsv(VERBS_TSV, OPENINGS_TSV))
}

fn rows(tsv: &'static str) -> impl Iterator<Item = (usize, Vec<&'static str>)> {
    tsv.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| (i + 1, l.split('\t').map(str::trim).collect()))
}

impl Lexicon {
    /// Reads the two data files. They are compiled in (`'static`), so entries borrow from them.
    pub fn from_tsv(verbs: &'static str, openings: &'static str) -> Lexicon {
        let mut lx = Lexicon::default();
        let mut seen = std::collections::HashSet::new();
        for (line, cols) in rows(verbs) {
            let err = |m: &str| LexiconError {
                file: "verbs.tsv",
                line,
                message: m.to_string(),
            };
            match cols.as_slice() {
                ["verb", phrase, lemma, category, gloss, ..] => {
                    let Some(cat) = VerbCategory::from_slug(category) else {
                        lx.errors
                            .push(err(&format!("unknown category `{category}`")));
                        continue;
                    };
                    if gloss.is_empty() || lemma.is_empty() {
                        lx.errors
                            .push(err("a verb needs a lemma and an English gloss"));
                        continue;
                    }
                    if !seen.insert(normalize(phrase)) {
                        lx.errors.push(err(&format!("duplicate phrase `{phrase}`")));
                        continue;
                    }
                    lx.verb_table.insert(phrase, lx.verbs.len());
                    lx.verbs.push(VerbEntry {
                        phrase,
                        lemma,
                        category: cat,
                        gloss,
                    });
                }
                ["modifier", phrase, rest @ ..] => {
                    let template = rest.get(2).copied().unwrap_or("");
                    if !template.is_empty() && !template.contains("{}") {
                        lx.errors.push(err("a modifier's gloss must contain `{}`"));
                        continue;
                    }
                    lx.verb_table.insert_modifier(phrase, lx.modifiers.len());
                    lx.opening_table.insert_modifier(phrase, lx.modifiers.len());
                    lx.modifiers.push(template);
                }
                _ => lx
                    .errors
                    .push(err("expected: kind, phrase, lemma, category, gloss")),
            }
        }
        let mut seen = std::collections::HashSet::new();
        for (line, cols) in rows(openings) {
            match cols.as_slice() {
                [phrase, gloss, ..] if !gloss.is_empty() => {
                    if !seen.insert(normalize(phrase)) {
                        lx.errors.push(LexiconError {
                            file: "openings.tsv",
                            line,
                            message: format!("duplicate phrase `{phrase}`"),
                        });
                        continue;
                    }
                    lx.opening_table.insert(phrase, lx.openings.len());
                    lx.openings.push(OpeningEntry { phrase, gloss });
                }
                _ => lx.errors.push(LexiconError {
                    file: "openings.tsv",
                    line,
                    message: "expected: phrase, English gloss".into(),
                }),
            }
        }
        lx
    }

    /// The operative verb phrase at the start of `ws` (normalised words). The first word may carry
    /// a conjunction (`ويدعو`) or an object pronoun (`ويدعوها`): both are tried off.
    pub fn match_verb(&self, ws: &[&str]) -> Option<PhraseMatch> {
        let first = *ws.first()?;
        for cand in verb_forms(first) {
            if let Some(m) = self.verb_table.match_words(cand, ws) {
                return Some(m);
            }
        }
        None
    }

    /// Is this normalised word (possibly with و or a pronoun) a known operative verb?
    pub fn is_verb(&self, word: &str) -> bool {
        verb_forms(word).any(|w| self.verb_table.starts(w))
    }

    /// The gloss of a match, with its modifiers' templates applied (`Strongly condemns`).
    pub fn gloss(&self, m: &PhraseMatch) -> LexiconText {
        let mut g = LexiconText::Borrowed(self.verbs.get(m.payload).map_or("", |v| v.gloss));
        for &i in m.modifiers.iter() {
            let t = self.modifiers.get(i).copied().unwrap_or("");
            if t.is_empty() || already_has(&g, t) {
                continue;
            }
            let lowered = lower_first(&g);
            g = LexiconText::Owned(t.replace("{}", &lowered));
        }
        g
    }

    /// A preambular opening phrase at the start of `ws`, after an optional و.
    pub fn match_opening(&self, ws: &[&str]) -> Option<PhraseMatch> {
        let first = *ws.first()?;
        let bare = first.strip_prefix('و').filter(|r| r.chars().count() >= 2);
        [Some(first), bare]
            .into_iter()
            .flatten()
            .find_map(|f| self.opening_table.match_words(f, ws))
    }
}

/// "Strongly {}" applied to "Strongly condemns" would say it twice.
fn already_has(gloss: &str, template: &str) -> bool {
    let word = template.replace("{}", "");
    let word = word.trim();
    !word.is_empty() && gloss.to_lowercase().contains(&word.to_lowercase())
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The forms of a word to try as a verb: as written, without a leading و, and without an object
/// pronoun (ه، ها، هم، هما، كم).
pub fn verb_forms(word: &str) -> impl Iterator<Item = &str> {
    let bare = word.strip_prefix('و').filter(|w| w.starts_with('ي'));
    let base = bare.unwrap_or(word);
    let unsuffixed = ["هما", "هم", "ها", "ه", "كم"]
        .iter()
        .find_map(|s| base.strip_suffix(s))
        .filter(|w| w.chars().count() >= 3);
    [Some(word), bare, unsuffixed].into_iter().flatten()
}

/// Words after which a present-tense verb is not an operative verb of the Council: relative
/// pronouns (الذي يدعو) and particles that subordinate it (أن يدعو، لا يزال).
pub const NOT_AFTER: [&str; 16] = [
    "الذي",
    "التي",
    "الذين",
    "اللذين",
    "اللتين",
    "اللاتي",
    "اللواتي",
    "ما",
    "من",
    "ان",
    "لن",
    "لم",
    "لا",
    "كي",
    "لكي",
    "قد",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::words::words;

    fn m(s: &str) -> Option<(String, String, usize)> {
        let n = normalize(s);
        let w = words(&n);
        let v: Vec<&str> = w.iter().map(|w| &n[w.start..w.end]).collect();
        let lx = lexicon();
        lx.match_verb(&v).map(|m| {
            (
                lx.verbs[m.payload].category.slug().to_string(),
                lx.gloss(&m).into_owned(),
                m.len,
            )
        })
    }

    #[test]
    fn the_lexicon_files_load_without_errors() {
        assert_eq!(
            lexicon().errors,
            vec![],
            "every lexicon row should be valid"
        );
        assert!(lexicon().verbs.len() > 80);
    }

    #[test]
    fn longer_phrases_win_and_modifiers_join_them() {
        assert_eq!(
            m("يعرب عن قلقه").unwrap().0,
            "concern",
            "يعرب عن قلقه is concern, not a bare يعرب"
        );
        assert_eq!(
            m("يدين بشدة الهجمات").unwrap(),
            ("condemn".into(), "Strongly condemns".into(), 2)
        );
        assert_eq!(
            m("يعرب عن بالغ قلقه إزاء").unwrap().2,
            4,
            "بالغ inside the phrase belongs to it"
        );
        assert_eq!(m("يطلب كذلك من").unwrap().1, "Also requests");
        assert_eq!(
            m("يؤكد مجدداً").unwrap().1,
            "Reaffirms",
            "no 'again' on top of Reaffirms"
        );
    }

    #[test]
    fn tolerates_spelling_variants_and_clitics() {
        assert_eq!(
            m("يوكد").unwrap().0,
            "affirm",
            "the typo يوكد should read as يؤكد"
        );
        assert_eq!(
            m("ويدعوها إلى").unwrap().0,
            "call",
            "a conjunction and an object pronoun should come off"
        );
        assert_eq!(m("يُثني").unwrap().0, "commend");
        assert_eq!(m("يهنى").unwrap().0, "welcome");
    }

    #[test]
    fn rejects_unknown_categories_and_missing_glosses() {
        let lx = Lexicon::from_tsv(
            "verb\tيفعل\tيفعل\tdo\tDoes\nverb\tيرحب\tيرحب\twelcome\t\n",
            "",
        );
        assert_eq!(
            lx.errors.len(),
            2,
            "an unknown category and an empty gloss should each be an error"
        );
        let lx = Lexicon::from_tsv(
            "verb\tيرحب\tيرحب\twelcome\tWelcomes\nverb\tيُرحب\tيرحب\twelcome\tWelcomes\n",
            "",
        );
        assert_eq!(
            lx.errors.len(),
            1,
            "a duplicate phrase (after normalisation) should be an error"
        );
    }

    #[test]
    fn matches_openings_after_a_conjunction() {
        let n = normalize("وإذ يؤكد مجدداً المواقف");
        let w = words(&n);
        let v: Vec<&str> = w.iter().map(|w| &n[w.start..w.end]).collect();
        let lx = lexicon();
        let o = lx
            .match_opening(&v)
            .expect("وإذ يؤكد مجدداً should be an opening");
        assert_eq!(lx.openings[o.payload].gloss, "Reaffirming");
        assert_eq!(o.len, 3);
    }
}
