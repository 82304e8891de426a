//! The region gazetteer (`regions.tsv`) and its matcher.
//!
//! Names are matched on normalised words. A word may carry attached particles and the article
//! (و ف، ب ل ك، ال، لل): «والصومال»، «لليبيا»، «بأفغانستان». A name printed without the article
//! (ليبيا، مالي) does not match a word that has one («المالي» is "the financial"), and a name that
//! is also a common word is flagged `ambiguous` and needs a preposition or a word such as «جمهورية»
//! in front of it. Names never match inside another word: only whole words are compared.

use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

use super::filter::{WordFilter, WordKey};
use crate::model::RegionKind;
use crate::text::normalize;
use crate::text::words::{words, Word};

const REGIONS_TSV: &str = include_str!("regions.tsv");

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Region {
    pub slug: &'static str,
    pub kind: RegionKind,
    pub english: String,
    /// Direct parents' indices.
    pub parents: Vec<usize>,
    pub names: Vec<String>,
    pub adjectives: Vec<String>,
    pub ambiguous: bool,
    /// Names in the English and French editions: the English name, and the `latin` column.
    pub latin: Vec<String>,
}

/// The English and French names of a region: its English name (without a leading «The», and what
/// it puts in brackets on its own: «Al-Quds (Jerusalem)»), then the data file's `latin` column.
fn latin_names(english: &str, column: &str) -> Vec<String> {
    let mut out = Vec::new();
    let (name, bracket) = match english.split_once('(') {
        Some((a, b)) => (a.trim(), Some(b.trim_end_matches(')').trim())),
        None => (english, None),
    };
    out.push(name.strip_prefix("The ").unwrap_or(name).to_string());
    out.extend(bracket.map(String::from));
    out.extend(
        column
            .split('|')
            .map(str::trim)
            .filter(|x| !x.is_empty())
            .map(String::from),
    );
    out
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

#[derive(Debug, Default)]
pub struct Gazetteer {
    pub regions: Vec<Region>,
    by_slug: HashMap<&'static str, usize>,
    /// First word without article → names, longest first.
    names: HashMap<String, Vec<Name>>,
    /// Every written form a name's first word can take with particles and the article
    /// («والصومال»، «للصومال»، «بليبيا»): form → (key in `names`, particles, had the article).
    /// Whether a name may start at a word of a document is asked of `surface_filter` first, and
    /// of this map only for the few words that pass it.
    surface: HashMap<String, Vec<(String, &'static str, bool)>>,
    /// The keys of `surface`, for turning most words away without a hash look-up.
    surface_filter: WordFilter,
    /// Problems in the data file (reported by the tests).
    pub errors: Vec<String>,
}

/// A region named in a text: which, and which words (indices into the word list).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub region: usize,
    pub first_word: usize,
    pub words: usize,
}

pub fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| Gazetteer::from_tsv(REGIONS_TSV))
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

impl Gazetteer {
    /// Reads the data file; it is compiled in (`'static`), so slugs borrow from it.
    pub fn from_tsv(tsv: &'static str) -> Gazetteer {
        let mut g = Gazetteer::default();
        let mut parents_text: Vec<(usize, String)> = Vec::new();
        for (i, line) in tsv.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let c: Vec<&str> = line.split('\t').map(str::trim).collect();
            let get = |k: usize| c.get(k).copied().unwrap_or("");
            let (slug, kind, english) = (get(0), get(1), get(2));
            let at = format!("regions.tsv line {}", i + 1);
            if slug.is_empty()
                || !slug
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            {
                g.errors.push(format!(
                    "{at}: slug `{slug}` must be lower-case ASCII with dashes"
                ));
                continue;
            }
            let Some(kind) = RegionKind::from_slug(kind) else {
                g.errors.push(format!("{at}: unknown kind `{kind}`"));
                continue;
            };
            if english.is_empty() {
                g.errors.push(format!("{at}: `{slug}` has no English name"));
                continue;
            }
            if g.by_slug.contains_key(slug) {
                g.errors.push(format!("{at}: duplicate slug `{slug}`"));
                continue;
            }
            let split = |s: &str| -> Vec<String> {
                s.split('|')
                    .map(str::trim)
                    .filter(|x| !x.is_empty())
                    .map(String::from)
                    .collect()
            };
            let names = split(get(4));
            if names.is_empty() {
                g.errors.push(format!("{at}: `{slug}` has no Arabic name"));
                continue;
            }
            let idx = g.regions.len();
            g.by_slug.insert(slug, idx);
            parents_text.push((idx, get(3).to_string()));
            g.regions.push(Region {
                slug,
                kind,
                english: english.to_string(),
                parents: vec![],
                names,
                adjectives: split(get(5)),
                ambiguous: get(6).split(',').any(|f| f.trim() == "ambiguous"),
                latin: latin_names(english, get(7)),
            });
        }
        for (idx, parents) in parents_text {
            for p in parents.split(',').map(str::trim).filter(|p| !p.is_empty()) {
                match g.by_slug.get(p) {
                    Some(&pi) => g.regions[idx].parents.push(pi),
                    None => g.errors.push(format!(
                        "`{}` names an unknown parent `{p}`",
                        g.regions[idx].slug
                    )),
                }
            }
        }
        for idx in 0..g.regions.len() {
            if g.ancestors(idx).contains(&idx) {
                g.errors
                    .push(format!("`{}` is its own ancestor", g.regions[idx].slug));
            }
            let r = g.regions[idx].clone();
            for n in &r.names {
                g.add_name(n, idx, false);
            }
            for n in &r.latin {
                g.add_latin_name(n, idx);
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
                    g.add_name(&form, idx, true);
                }
            }
        }
        g.build_surface();
        g
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

    pub fn slug(&self, slug: &str) -> Option<usize> {
        self.by_slug.get(slug).copied()
    }

    /// Every ancestor of a region (parents, their parents …), without repeats.
    pub fn ancestors(&self, idx: usize) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::new();
        let mut stack = self.regions.get(idx).map_or(vec![], |r| r.parents.clone());
        while let Some(p) = stack.pop() {
            if out.contains(&p) {
                continue;
            }
            out.push(p);
            if out.len() > self.regions.len() {
                break;
            }
            stack.extend(self.regions[p].parents.iter().copied());
        }
        out
    }

    /// Calls `found` with every region named in a normalised text, given its words, in order.
    pub fn each_in(&self, text: &str, words: &[Word], mut found: impl FnMut(Hit)) {
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
            let buf: super::phrase::Window<{ WINDOW + 1 }> =
                super::phrase::Window::of(text, words, from);
            match self.match_readings(readings, &buf, k - from) {
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
    pub fn find(&self, ws: &[&str]) -> Vec<Hit> {
        let mut out = Vec::new();
        let mut k = 0;
        while k < ws.len() {
            match self.match_at(ws, k) {
                Some(h) => {
                    k += h.words;
                    out.push(h);
                }
                None => k += 1,
            }
        }
        out
    }

    fn match_at(&self, ws: &[&str], k: usize) -> Option<Hit> {
        if !self.surface_filter.may_contain(ws[k]) {
            return None;
        }
        self.match_readings(self.surface.get(ws[k])?, ws, k)
    }

    /// A name starting at `ws[k]`, whose written form has these readings (`surface`).
    fn match_readings(
        &self,
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
                let region = &self.regions[name.region];
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
    use super::*;

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
    fn the_gazetteer_loads_without_errors() {
        let g = gazetteer();
        assert_eq!(
            g.errors,
            Vec::<String>::new(),
            "every gazetteer row should be valid"
        );
        let members = g
            .regions
            .iter()
            .filter(|r| r.kind == RegionKind::Member)
            .count();
        assert_eq!(members, 57, "all 57 OIC member states should be listed");
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

    #[test]
    fn hierarchy_rolls_up() {
        let g = gazetteer();
        let mali = g.slug("mali").unwrap();
        let up: Vec<&str> = g
            .ancestors(mali)
            .iter()
            .map(|&i| g.regions[i].slug)
            .collect();
        assert!(
            up.contains(&"sahel") && up.contains(&"africa"),
            "Mali should roll up to the Sahel and Africa: {up:?}"
        );
        let k = g.slug("nagorno-karabakh").unwrap();
        let up: Vec<&str> = g.ancestors(k).iter().map(|&i| g.regions[i].slug).collect();
        assert!(up.contains(&"azerbaijan") && up.contains(&"caucasus"));
    }

    #[test]
    fn bad_rows_are_reported() {
        let g = Gazetteer::from_tsv("x\tmember\tX\t\tاكس\t\t\nx\tmember\tX\t\tاكس\t\t\ny\tmember\t\t\tواي\t\t\nz\tcountry\tZ\tnowhere\tزد\t\t\n");
        assert_eq!(
            g.errors.len(),
            3,
            "a duplicate slug, a missing English name and an unknown parent: {:?}",
            g.errors
        );
    }
}
