//! The region gazetteer (`regions.tsv`): every place's slug, kind, names and parents. Finding
//! the places a text names is `region_names`'s, asked through `Gazetteer::each_in` and `find`.

use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

pub use super::region_names::Hit;
use super::region_names::RegionNames;
use crate::model::RegionKind;
use crate::text::words::Word;

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

#[derive(Debug, Default)]
pub struct Gazetteer {
    pub regions: Vec<Region>,
    by_slug: HashMap<&'static str, usize>,
    /// The matcher of names in text, built on first use: only the parser (the worker) reads text
    /// for places; the page reads the table and never pays for the ~17,000 written forms.
    names: OnceLock<RegionNames>,
    /// Problems in the data file (reported by the tests).
    pub errors: Vec<String>,
}

pub fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| Gazetteer::from_tsv(REGIONS_TSV))
}

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
        }
        g
    }

    /// The name matcher, built on the first call.
    fn names(&self) -> &RegionNames {
        self.names.get_or_init(|| RegionNames::new(&self.regions))
    }

    /// Builds the name matcher now, for a caller with time to spare before its first parse.
    pub fn prepare_matching(&self) {
        self.names();
    }

    /// Calls `found` with every region named in a normalised text, given its words, in order.
    pub fn each_in(&self, text: &str, words: &[Word], found: impl FnMut(Hit)) {
        self.names().each_in(&self.regions, text, words, found);
    }

    /// Finds every region named in `ws` (the words of a normalised text).
    pub fn find(&self, ws: &[&str]) -> Vec<Hit> {
        self.names().find(&self.regions, ws)
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
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn the_name_matcher_is_built_on_first_use() {
        let g = Gazetteer::from_tsv(REGIONS_TSV);
        assert!(
            g.names.get().is_none(),
            "reading the table should not build the matcher: the page reads places, never text"
        );
        assert_eq!(
            g.find(&["ليبيا"]).len(),
            1,
            "the first search should build it"
        );
        assert!(g.names.get().is_some());
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
