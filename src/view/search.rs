//! Search: what the search box matches, and where its hits are in a paragraph's text.

use crate::text::normalize::{normalize, Normalized, SourceMap};

/// The search as matched: normalised, and empty until it has two letters (one letter matches every
/// paragraph and says nothing).
pub fn search_needle(q: &str) -> String {
    let n = normalize(q.trim());
    let n = n.trim();
    if n.chars().count() < 2 {
        String::new()
    } else {
        n.to_string()
    }
}

/// Search hits are marked from three letters on: shorter needles match nearly every word.
pub const MIN_HIGHLIGHT_CHARS: usize = 3;

/// Byte ranges of `needle` (already normalised) in `text`, for highlighting search hits.
pub fn hits(text: &str, needle: &str) -> Vec<(usize, usize)> {
    if needle.trim().is_empty() {
        return vec![];
    }
    let n = Normalized::new(text, 0);
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(k) = n.text[from..].find(needle) {
        let a = from + k;
        let b = a + needle.len();
        let s = n.source(a);
        let e = n.source_end(text, b);
        if s < e && text.is_char_boundary(s) && text.is_char_boundary(e) {
            out.push((s, e));
        }
        from = b;
    }
    out
}
