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

/// The particle combinations a word may carry before a name (conjunction, then preposition).
const PARTICLES: [&str; 12] = [
    "", "ب", "ل", "ك", "و", "وب", "ول", "وك", "ف", "فب", "فل", "فك",
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

/// Every written form of every name, and what it reads as.
#[derive(Debug, Default)]
pub struct RegionNames {
    /// First word without article → names, longest first.
    names: HashMap<String, Vec<Name>>,
    /// Every written form a name's first word can take with particles and the article
    /// («والصومال»، «للصومال»، «بليبيا»): form → (key in `names`, particles, had the article).
    /// Whether a name may start at a word of a document is asked of `surface_filter` first, and
    /// of this map only for the few words that pass it.
    surface: HashMap<String, Vec<(String, &'static str, bool)>>,
    /// The keys of `surface`, for turning most words away without a hash look-up.
    surface_filter: WordFilter,
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
        m.build_surface();
        m
    }

    /// Fills `surface` from the keys of `names`.
    fn build_surface(&mut self) {
        let keys: Vec<String> = self.names.keys().cloned().collect();
        for key in keys {
            // An English or French name is written as it is: no particles, no article.
            if key.starts_with(|c: char| c.is_ascii()) {
                self.surface_filter.insert(&key);
                self.surface
                    .entry(key.clone())
                    .or_default()
                    .push((key, "", false));
                continue;
            }
            for c in ["", "و", "ف"] {
                for p in ["", "ب", "ل", "ك"] {
                    let joined = format!("{c}{p}");
                    let clitic: &'static str = PARTICLES
                        .iter()
                        .find(|x| **x == joined)
                        .copied()
                        .unwrap_or("");
                    // Without the article, with it, and «لل» for ل + ال.
                    let article = if p == "ل" { "ل" } else { "ال" };
                    for (form, art) in [
                        (format!("{c}{p}{key}"), false),
                        (format!("{c}{p}{article}{key}"), true),
                    ] {
                        self.surface_filter.insert(&form);
                        let list = self.surface.entry(form).or_default();
                        if !list
                            .iter()
                            .any(|(k, cl, a)| *k == key && *cl == clitic && *a == art)
                        {
                            list.push((key.clone(), clitic, art));
                        }
                    }
                }
            }
        }
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
            let Some(readings) = self.surface.get(&text[start..end]) else {
                k += 1;
                continue;
            };
            let from = k.saturating_sub(1);
            let buf: Window<{ WINDOW + 1 }> = Window::of(text, words, from);
            match self.match_readings(regions, readings, &buf, k - from) {
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
        self.match_readings(regions, self.surface.get(ws[k])?, ws, k)
    }

    /// A name starting at `ws[k]`, whose written form has these readings (`surface`).
    fn match_readings(
        &self,
        regions: &[Region],
        readings: &[(String, &'static str, bool)],
        ws: &[&str],
        k: usize,
    ) -> Option<Hit> {
        for (core, clitic, article) in readings {
            let Some(list) = self.names.get(core) else {
                continue;
            };
            for name in list {
                if *article && !name.has_article && !name.adjective {
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
                    let after_prep = matches!(*clitic, "ب" | "ل" | "وب" | "ول");
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
    use crate::lexicon::gazetteer;
    use crate::text::normalize;
    use crate::text::words::words;

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
