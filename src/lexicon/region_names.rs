//! Finding the places a text names, from the gazetteer's names (`regions.tsv`).
//!
//! Names are matched on normalised words. A word may carry attached particles and the article
//! (و ف، ب ل ك، ال، لل): «والصومال»، «لليبيا»، «بأفغانستان». A name printed without the article
//! (ليبيا، مالي) does not match a word that has one («المالي» is "the financial"), and a name that
//! is also a common word is flagged `ambiguous` and needs a preposition or a word such as «جمهورية»
//! in front of it. Names never match inside another word: only whole words are compared. English
//! and French names are matched as written, case and accents folded.
//!
//! Only the parser needs this (in the viewer, the worker): it is built on first use from the
//! table, not with it (`Gazetteer::each_in`).

use rustc_hash::FxHashMap as HashMap;

use super::filter::{WordFilter, WordKey};
use super::phrase::Window;
use super::regions::Region;
use crate::text::normalize;
use crate::text::words::{words, Word};

/// A region named in a text: which, and which words (indices into the word list).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub region: usize,
    pub first_word: usize,
    pub words: usize,
}

#[derive(Debug, Clone)]
struct Name {
    /// Words after the first, normalised.
    rest: Vec<String>,
    region: usize,
    /// The name's first word carries the article as part of the name.
    has_article: bool,
    /// An adjective form: takes the article freely.
    adjective: bool,
    /// An English or French name: no particles, no article, never ambiguous.
    latin: bool,
}

/// How a word may carry a name's first word: the letters written before it, the particles they
/// are (conjunction, then preposition) and whether they end with the article (ال، or the «ل» of
/// «لل» after the preposition ل). Ordered by the letters taken off, fewest first, so that a word is
/// read as a name as it is written before it is read as particles and a shorter name: no two
/// prefixes of the same length fit one word, so this is a full order on a word's readings.
const FORMS: [(&str, &str, bool); 24] = [
    ("", "", false),
    ("ب", "ب", false),
    ("ل", "ل", false),
    ("ك", "ك", false),
    ("و", "و", false),
    ("ف", "ف", false),
    ("ال", "", true),
    ("لل", "ل", true),
    ("وب", "وب", false),
    ("ول", "ول", false),
    ("وك", "وك", false),
    ("فب", "فب", false),
    ("فل", "فل", false),
    ("فك", "فك", false),
    ("بال", "ب", true),
    ("كال", "ك", true),
    ("وال", "و", true),
    ("فال", "ف", true),
    ("ولل", "ول", true),
    ("فلل", "فل", true),
    ("وبال", "وب", true),
    ("وكال", "وك", true),
    ("فبال", "فب", true),
    ("فكال", "فك", true),
];

/// Words before a bare ambiguous name that make it a place: prepositions, «جمهورية» …
const PLACE_CONTEXT: [&str; 16] = [
    "في",
    "الي",
    "من",
    "مع",
    "عن",
    "جمهوريه",
    "حكومه",
    "شعب",
    "دوله",
    "شمال",
    "جنوب",
    "وسط",
    "شرق",
    "غرب",
    "اتفاق",
    "بين",
];

/// Every name, by its first word, and a filter over every written form that first word can take.
#[derive(Debug, Default)]
pub struct RegionNames {
    /// First word without article → names, longest first.
    names: HashMap<String, Vec<Name>>,
    /// Every written form a name's first word can take with particles and the article
    /// («والصومال»، «للصومال»، «بليبيا»: [`FORMS`]), for turning away without a hash look-up the
    /// words no name can start at, which are nearly all. A word that passes is read against
    /// `names` once for each of the forms it can be. (The forms were a map of their own, ~17,000
    /// strings, each the first thing the parser built in a cold worker: ~6 ms natively.)
    surface_filter: WordFilter,
    /// The keys of `names`.
    first_words: WordFilter,
}

/// The conjunctions, then the prepositions, a word may carry before a name (with the article
/// after them or not): [`FORMS`] spelled out as they are read off a word.
const CONJUNCTIONS: [&str; 3] = ["", "و", "ف"];
const PREPOSITIONS: [&str; 4] = ["", "ب", "ل", "ك"];
/// A conjunction and a preposition together, by their indices (`4 * c + p`).
const CLITICS: [&str; 12] = [
    "", "ب", "ل", "ك", "و", "وب", "ول", "وك", "ف", "فب", "فل", "فك",
];

/// The forms of [`FORMS`] that `word` fits, as (core, particles, article), in slots by the
/// number of letters taken off: two prefixes of one word with as many letters are the same
/// letters, and no two forms are written alike, so each slot holds at most one. Read off the
/// word a letter at a time, instead of trying all 24: this runs for every word that passes
/// `surface_filter`.
fn fitting_forms(word: &str) -> [Option<(&str, &'static str, bool)>; 5] {
    let mut slots = [None; 5];
    for (ci, c) in CONJUNCTIONS.iter().enumerate() {
        let Some(after_c) = word.strip_prefix(c) else {
            continue;
        };
        for (pi, p) in PREPOSITIONS.iter().enumerate() {
            let Some(after_p) = after_c.strip_prefix(p) else {
                continue;
            };
            let taken = usize::from(ci > 0) + usize::from(pi > 0);
            let clitic = CLITICS[4 * ci + pi];
            slots[taken] = Some((after_p, clitic, false));
            let article = if *p == "ل" { "ل" } else { "ال" };
            if let Some(core) = after_p.strip_prefix(article) {
                slots[taken + article.chars().count()] = Some((core, clitic, true));
            }
        }
    }
    slots
}

/// Whether a name's first word is written as it is, without particles or the article: the
/// English and French names.
fn is_latin(first_word: &str) -> bool {
    first_word.starts_with(|c: char| c.is_ascii())
}

impl RegionNames {
    /// The names of these regions (indices as in the slice), in every written form.
    pub fn new(regions: &[Region]) -> RegionNames {
        let mut m = RegionNames::default();
        for (idx, r) in regions.iter().enumerate() {
            for n in &r.names {
                m.add_name(n, idx, false);
            }
            for n in &r.latin {
                m.add_latin_name(n, idx);
            }
            for a in &r.adjectives {
                // Masculine, feminine (ة → ه once normalised), plural forms.
                let base = normalize(a);
                for form in [
                    base.clone(),
                    format!("{base}ه"),
                    format!("{base}ون"),
                    format!("{base}ين"),
                ] {
                    m.add_name(&form, idx, true);
                }
            }
        }
        m.fill_surface_filter();
        m
    }

    /// Puts every name's first word in `first_words`, and every written form of it in
    /// `surface_filter`.
    fn fill_surface_filter(&mut self) {
        let mut form = String::new();
        for key in self.names.keys() {
            self.first_words.insert(key);
            if is_latin(key) {
                self.surface_filter.insert(key);
                continue;
            }
            for (prefix, _, _) in FORMS {
                form.clear();
                form.push_str(prefix);
                form.push_str(key);
                self.surface_filter.insert(&form);
            }
        }
    }

    /// The ways `word` can carry the first word of a name: for each form it fits whose core is
    /// one, fewest letters taken off first, the particles, whether the article was written, and
    /// the names that start with that core.
    fn readings<'a>(
        &'a self,
        word: &'a str,
    ) -> impl Iterator<Item = (&'static str, bool, &'a [Name])> {
        fitting_forms(word)
            .into_iter()
            .flatten()
            .filter_map(move |(core, clitic, article)| {
                if core.is_empty() || (core.len() != word.len() && is_latin(core)) {
                    return None;
                }
                // Most words that pass `surface_filter` are no name's form: their cores are
                // turned away here, before hashing.
                if !self.first_words.may_contain(core) {
                    return None;
                }
                let names = self.names.get(core)?;
                Some((clitic, article, names.as_slice()))
            })
    }

    /// An English or French name: its words as they are (no article to take off).
    fn add_latin_name(&mut self, name: &str, region: usize) {
        self.add_name_as(name, region, false, true);
    }

    fn add_name(&mut self, name: &str, region: usize, adjective: bool) {
        self.add_name_as(name, region, adjective, false);
    }

    fn add_name_as(&mut self, name: &str, region: usize, adjective: bool, latin: bool) {
        let n = normalize(name);
        let mut ws: Vec<String> = words(&n)
            .iter()
            .map(|w| n[w.start..w.end].to_string())
            .collect();
        if ws.is_empty() {
            return;
        }
        let first = ws.remove(0);
        let (first, has_article) = match first.strip_prefix("ال") {
            Some(r) if !latin && r.chars().count() >= 2 => (r.to_string(), true),
            _ => (first, false),
        };
        let list = self.names.entry(first).or_default();
        if list.iter().any(|x| x.rest == ws && x.region == region) {
            return;
        }
        list.push(Name {
            rest: ws,
            region,
            has_article,
            adjective,
            latin,
        });
        list.sort_by_key(|x| std::cmp::Reverse(x.rest.len()));
    }

    /// Calls `found` with every region named in a normalised text, given its words, in order.
    pub fn each_in(
        &self,
        regions: &[Region],
        text: &str,
        words: &[Word],
        mut found: impl FnMut(Hit),
    ) {
        // Names are at most a few words long: look at a window of words at a time, so that no
        // list of the whole text's words is built.
        const WINDOW: usize = 8;
        let mut k = 0;
        while k < words.len() {
            let (start, end) = (words[k].start, words[k].end);
            if !self
                .surface_filter
                .may_contain_key(WordKey::in_text(text, start, end))
            {
                k += 1;
                continue;
            }
            let from = k.saturating_sub(1);
            let buf: Window<{ WINDOW + 1 }> = Window::of(text, words, from);
            match self.match_readings(regions, &buf, k - from) {
                Some(mut h) => {
                    h.first_word = k;
                    k += h.words;
                    found(h);
                }
                None => k += 1,
            }
        }
    }

    /// Finds every region named in `ws` (the words of a normalised text).
    pub fn find(&self, regions: &[Region], ws: &[&str]) -> Vec<Hit> {
        let mut out = Vec::new();
        let mut k = 0;
        while k < ws.len() {
            match self.match_at(regions, ws, k) {
                Some(h) => {
                    k += h.words;
                    out.push(h);
                }
                None => k += 1,
            }
        }
        out
    }

    fn match_at(&self, regions: &[Region], ws: &[&str], k: usize) -> Option<Hit> {
        if !self.surface_filter.may_contain(ws[k]) {
            return None;
        }
        self.match_readings(regions, ws, k)
    }

    /// A name starting at `ws[k]`, read in each of the ways the word can carry one.
    fn match_readings(&self, regions: &[Region], ws: &[&str], k: usize) -> Option<Hit> {
        for (clitic, article, list) in self.readings(ws.get(k)?) {
            for name in list {
                if article && !name.has_article && !name.adjective {
                    continue;
                }
                if ws.len() < k + 1 + name.rest.len()
                    || !name.rest.iter().zip(&ws[k + 1..]).all(|(a, b)| a == b)
                {
                    continue;
                }
                let Some(region) = regions.get(name.region) else {
                    continue;
                };
                if region.ambiguous && name.rest.is_empty() && !article && !name.latin {
                    let after_prep = matches!(clitic, "ب" | "ل" | "وب" | "ول");
                    let context = k > 0 && PLACE_CONTEXT.contains(&ws[k - 1]);
                    if !after_prep && !context {
                        continue;
                    }
                }
                return Some(Hit {
                    region: name.region,
                    first_word: k,
                    words: 1 + name.rest.len(),
                });
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::{fitting_forms, is_latin, RegionNames, FORMS};
    use crate::lexicon::gazetteer;
    use crate::text::normalize;
    use crate::text::words::words;
    use std::collections::{BTreeMap, BTreeSet};

    #[test]
    fn the_forms_are_every_conjunction_preposition_and_article_fewest_letters_first() {
        let mut expected = BTreeSet::new();
        for c in ["", "و", "ف"] {
            for p in ["", "ب", "ل", "ك"] {
                let article = if p == "ل" { "ل" } else { "ال" };
                let clitic = format!("{c}{p}");
                expected.insert((format!("{c}{p}"), clitic.clone(), false));
                expected.insert((format!("{c}{p}{article}"), clitic, true));
            }
        }
        let forms: BTreeSet<_> = FORMS
            .iter()
            .map(|&(f, c, a)| (f.to_string(), c.to_string(), a))
            .collect();
        assert_eq!(forms, expected, "FORMS should hold each combination once");
        assert_eq!(FORMS.len(), expected.len(), "and nothing twice");
        let letters: Vec<usize> = FORMS.iter().map(|(f, _, _)| f.chars().count()).collect();
        assert!(
            letters.windows(2).all(|w| w[0] <= w[1]),
            "FORMS should go from the fewest letters taken off to the most: {letters:?}"
        );
    }

    /// The naive table the matcher was first built as: every written form of every name's first
    /// word, spelled out, with the readings it has.
    fn every_form(m: &RegionNames) -> BTreeMap<String, BTreeSet<(String, &'static str, bool)>> {
        let mut out: BTreeMap<String, BTreeSet<_>> = BTreeMap::new();
        for key in m.names.keys() {
            if is_latin(key) {
                out.entry(key.clone())
                    .or_default()
                    .insert((key.clone(), "", false));
                continue;
            }
            for (prefix, clitic, article) in FORMS {
                out.entry(format!("{prefix}{key}")).or_default().insert((
                    key.clone(),
                    clitic,
                    article,
                ));
            }
        }
        out
    }

    #[test]
    fn every_written_form_of_every_name_is_read_as_the_naive_table_reads_it() {
        let regions = &gazetteer().regions;
        let m = RegionNames::new(regions);
        let table = every_form(&m);
        assert!(
            table.len() > 10_000,
            "the gazetteer should have its thousands of forms"
        );
        for (form, expected) in &table {
            assert!(
                m.surface_filter.may_contain(form),
                "{form} should pass the filter"
            );
            let read: BTreeSet<_> = m
                .readings(form)
                .map(|(clitic, article, names)| {
                    let key = table_key(&m, names);
                    (key, clitic, article)
                })
                .collect();
            assert_eq!(
                &read, expected,
                "{form} should have the naive table's readings"
            );
            let cores: Vec<usize> = fitting_forms(form)
                .iter()
                .flatten()
                .map(|f| f.0.len())
                .collect();
            assert!(
                cores.windows(2).all(|w| w[0] > w[1]),
                "{form} should be read with the fewest letters taken off first: {cores:?}"
            );
        }
        // An English or French name takes no Arabic particle, and a word that is no form has no
        // reading.
        let latin = m
            .names
            .keys()
            .find(|k| is_latin(k))
            .cloned()
            .unwrap_or_default();
        assert!(!latin.is_empty(), "the gazetteer should have English names");
        assert_eq!(
            m.readings(&format!("و{latin}")).count(),
            0,
            "و{latin} should have no reading"
        );
        for word in ["الهندسة", "والتركيز", "مالية", "xyz"] {
            let word = normalize(word);
            if !table.contains_key(&word) {
                assert_eq!(
                    m.readings(&word).count(),
                    0,
                    "{word} should have no reading"
                );
            }
        }
    }

    /// The key of `names` whose list `names` is.
    fn table_key(m: &RegionNames, names: &[super::Name]) -> String {
        m.names
            .iter()
            .find(|(_, v)| std::ptr::eq(v.as_slice(), names))
            .map(|(k, _)| k.clone())
            .unwrap_or_default()
    }

    fn find(s: &str) -> Vec<String> {
        let g = gazetteer();
        let n = normalize(s);
        let w = words(&n);
        let v: Vec<&str> = w.iter().map(|w| &n[w.start..w.end]).collect();
        g.find(&v)
            .into_iter()
            .map(|h| g.regions[h.region].slug.to_string())
            .collect()
    }

    #[test]
    fn attached_particles_and_the_article() {
        assert_eq!(find("لليبيا"), ["libya"], "ل + ليبيا");
        assert_eq!(find("بأفغانستان"), ["afghanistan"]);
        assert_eq!(find("والصومال"), ["somalia"]);
        assert_eq!(find("للصومال"), ["somalia"], "لل is ل + ال");
        assert_eq!(
            find("الشعب الصومالي والقوات الصومالية"),
            ["somalia", "somalia"],
            "adjectives, both genders"
        );
        assert_eq!(find("الشعب الكشميري"), ["kashmir"]);
    }

    #[test]
    fn longest_name_wins_and_no_hits_inside_words() {
        assert_eq!(
            find("نزاع جامو وكشمير"),
            ["kashmir"],
            "one mention, not two"
        );
        assert_eq!(find("دولة جنوب السودان"), ["south-sudan"]);
        assert_eq!(find("جمهورية أفريقيا الوسطى"), ["central-african-republic"]);
        assert_eq!(find("ساحل العاج"), ["cote-divoire"], "not the Sahel");
        assert_eq!(
            find("الهندسة والتركيز"),
            Vec::<String>::new(),
            "الهند inside الهندسة is not India"
        );
    }

    #[test]
    fn ambiguous_names_need_a_place_context() {
        assert_eq!(
            find("الدعم المالي والفني"),
            Vec::<String>::new(),
            "المالي is financial"
        );
        assert_eq!(
            find("تقديم دعم مالي"),
            Vec::<String>::new(),
            "a bare مالي after a noun is financial"
        );
        assert_eq!(find("الوضع في مالي"), ["mali"]);
        assert_eq!(find("جمهورية مالي"), ["mali"]);
        assert_eq!(find("بمالي"), ["mali"]);
    }
}
