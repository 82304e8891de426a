//! The view as the URL holds it: `?region=sahel&verb=condemn&q=…&res=44/1-س&clause=op3&mentions=1`,
//! read (keeping only values that make sense for the open document) and written back.

use crate::lexicon::gazetteer;
use crate::model::{Document, VerbCategory};

/// The view, as the URL holds it: `?region=sahel&verb=condemn&q=…&res=44/1-س&clause=op3&mentions=1`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub regions: Vec<String>,
    pub verbs: Vec<VerbCategory>,
    pub q: String,
    pub res: Option<String>,
    /// A clause of `res`: `op3` (operative 3) or `pre2` (preambular 2), 1-based.
    pub clause: Option<String>,
    /// Include resolutions that merely mention a region.
    pub mentions: bool,
    /// The open document's content hash, when it is not the default session.
    pub doc: Option<String>,
    /// The document the open one is compared with: a kept document's hash, or `default` (the
    /// default session). The comparison view shows what changed from it to the open one.
    pub compare: Option<String>,
    /// With `compare`: only the pairs in which an opening verb's category changed.
    pub verb_changes: bool,
    /// `pair=<doc>`: the open edition beside another edition of the same session (a kept
    /// document's hash, or `default`), resolution by resolution and clause by clause.
    pub pair: Option<String>,
    /// `scope=all`: the filters applied to every kept session at once.
    pub all_sessions: bool,
    /// `overview=1`: the session at a glance (charts and a map) above the list.
    pub overview: bool,
    /// Values that were not understood and were ignored (shown as a quiet notice).
    pub ignored: Vec<String>,
}

fn decode_component(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                match u8::from_str_radix(s.get(i + 1..i + 3).unwrap_or(""), 16) {
                    Ok(v) => {
                        out.push(v);
                        i += 2;
                    }
                    Err(_) => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

impl Query {
    /// Reads a query string (with or without the leading `?`), keeping only values that make sense
    /// for `doc`: known region slugs and verb categories, an existing resolution id.
    pub fn parse(search: &str, doc: &Document) -> Query {
        let g = gazetteer();
        let mut q = Query::default();
        for pair in search
            .trim_start_matches('?')
            .split('&')
            .filter(|p| !p.is_empty())
        {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let k = decode_component(k);
            let v = decode_component(v);
            let values = || {
                v.split(',')
                    .map(str::trim)
                    .filter(|x| !x.is_empty())
                    .map(String::from)
            };
            match k.as_str() {
                "region" => {
                    for r in values() {
                        if g.slug(&r).is_some() {
                            if !q.regions.contains(&r) {
                                q.regions.push(r);
                            }
                        } else {
                            q.ignored.push(format!("region={r}"));
                        }
                    }
                }
                "verb" => {
                    for c in values() {
                        match VerbCategory::from_slug(&c) {
                            Some(c) if !q.verbs.contains(&c) => q.verbs.push(c),
                            Some(_) => {}
                            None => q.ignored.push(format!("verb={c}")),
                        }
                    }
                }
                "q" => q.q = v.chars().take(200).collect(),
                "res" => {
                    if doc.resolutions.iter().any(|r| r.id == v) {
                        q.res = Some(v);
                    } else if !v.is_empty() {
                        q.ignored.push(format!("res={v}"));
                    }
                }
                "clause" => q.clause = Some(v).filter(|c| is_clause_ref(c)),
                "mentions" => q.mentions = v == "1" || v == "true",
                "doc" => q.doc = Some(v).filter(|h| is_hash(h)),
                "compare" => {
                    if v == "default" || is_hash(&v) {
                        q.compare = Some(v);
                    } else {
                        q.ignored.push(format!("compare={v}"));
                    }
                }
                "vchange" => q.verb_changes = v == "1" || v == "true",
                "pair" => {
                    if v == "default" || is_hash(&v) {
                        q.pair = Some(v);
                    } else {
                        q.ignored.push(format!("pair={v}"));
                    }
                }
                "overview" => q.overview = v == "1" || v == "true",
                "scope" => {
                    if v == "all" {
                        q.all_sessions = true;
                    } else {
                        q.ignored.push(format!("scope={v}"));
                    }
                }
                _ => q.ignored.push(k),
            }
        }
        if q.res.is_none() {
            q.clause = None;
        }
        if q.compare.is_none() {
            q.verb_changes = false;
        }
        if let (Some(res), Some(clause)) = (&q.res, &q.clause) {
            if clause_index(doc, res, clause).is_none() {
                q.ignored.push(format!("clause={clause}"));
                q.clause = None;
            }
        }
        q
    }

    /// The query string for this view (`?…`, or empty for the default view).
    pub fn to_search(&self) -> String {
        let mut parts = Vec::new();
        if let Some(d) = &self.doc {
            parts.push(format!("doc={d}"));
        }
        if let Some(c) = &self.compare {
            parts.push(format!("compare={c}"));
        }
        if self.verb_changes {
            parts.push("vchange=1".into());
        }
        if let Some(p) = &self.pair {
            parts.push(format!("pair={p}"));
        }
        if self.all_sessions {
            parts.push("scope=all".into());
        }
        if self.overview {
            parts.push("overview=1".into());
        }
        if !self.regions.is_empty() {
            parts.push(format!(
                "region={}",
                encode_component(&self.regions.join(","))
            ));
        }
        if !self.verbs.is_empty() {
            let slugs: Vec<&str> = self.verbs.iter().map(|c| c.slug()).collect();
            parts.push(format!("verb={}", slugs.join(",")));
        }
        if !self.q.is_empty() {
            parts.push(format!("q={}", encode_component(&self.q)));
        }
        if let Some(r) = &self.res {
            parts.push(format!("res={}", encode_component(r)));
        }
        if let Some(c) = &self.clause {
            parts.push(format!("clause={c}"));
        }
        if self.mentions {
            parts.push("mentions=1".into());
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }

    /// The view of one resolution, `res`, of document `doc` (`None`: the default session): what a
    /// link to it holds.
    pub fn of_resolution(doc: Option<String>, res: impl Into<String>) -> Query {
        Query {
            doc,
            res: Some(res.into()),
            ..Query::default()
        }
    }

    /// Takes verb category `c` off the view if it is on, puts it on if not (a chip, a bar).
    pub fn toggle_verb(&mut self, c: VerbCategory) {
        if self.verbs.contains(&c) {
            self.verbs.retain(|v| *v != c)
        } else {
            self.verbs.push(c)
        }
    }

    /// The same for region `slug` (a place on the map).
    pub fn toggle_region(&mut self, slug: &str) {
        if self.regions.iter().any(|r| r == slug) {
            self.regions.retain(|r| r != slug)
        } else {
            self.regions.push(slug.to_string())
        }
    }

    /// Is any filter on (a region, a verb category, words)?
    pub fn filtering(&self) -> bool {
        !self.regions.is_empty() || !self.verbs.is_empty() || !self.q.trim().is_empty()
    }

    /// The same view without its filters (the document, and the one it is compared with, stay).
    pub fn cleared(&self) -> Query {
        Query {
            doc: self.doc.clone(),
            compare: self.compare.clone(),
            pair: self.pair.clone(),
            all_sessions: self.all_sessions,
            overview: self.overview,
            ..Query::default()
        }
    }
}

/// A content hash as the library names documents (hex, at most 64 digits).
fn is_hash(h: &str) -> bool {
    !h.is_empty() && h.len() <= 64 && h.bytes().all(|b| b.is_ascii_hexdigit())
}

fn is_clause_ref(c: &str) -> bool {
    let n = c.strip_prefix("op").or_else(|| c.strip_prefix("pre"));
    n.is_some_and(|n| !n.is_empty() && n.len() <= 3 && n.bytes().all(|b| b.is_ascii_digit()))
}

/// `op3` → (operative, index 2); `pre1` → (preamble, index 0).
pub fn clause_index(doc: &Document, res: &str, clause: &str) -> Option<(bool, usize)> {
    let r = doc.resolutions.iter().find(|r| r.id == res)?;
    let (operative, n) = match clause.strip_prefix("op") {
        Some(n) => (true, n),
        None => (false, clause.strip_prefix("pre")?),
    };
    let i: usize = n.parse().ok()?;
    let len = if operative {
        r.operative.len()
    } else {
        r.preamble.len()
    };
    (i >= 1 && i <= len).then_some((operative, i - 1))
}
