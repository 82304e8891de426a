//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod formats;

use qarar::model::{Document, Span};

pub const DEFAULT_SESSION: &str = include_str!("../../sessions/cfm-44-political-ar.txt");

/// Every span that places a line in the model, leaf by leaf.
pub fn leaf_spans(doc: &Document) -> Vec<(Span, String)> {
    let mut out = Vec::new();
    for l in &doc.session.lines {
        out.push((l.span, format!("cover {:?}", l.role)));
    }
    for e in &doc.toc {
        out.push((e.span, "toc row".into()));
    }
    for r in &doc.resolutions {
        if !r.head.is_empty() {
            out.push((r.head, format!("{} head", r.id)));
        }
        if let Some(e) = &r.enacting {
            out.push((e.span, format!("{} enacting", r.id)));
        }
        for (i, p) in r.preamble.iter().enumerate() {
            out.push((p.span, format!("{} preamble {i}", r.id)));
        }
        for (i, c) in r.operative.iter().enumerate() {
            out.push((c.span, format!("{} clause {i}", r.id)));
            for (j, it) in c.items.iter().enumerate() {
                out.push((it.span, format!("{} clause {i} item {j}", r.id)));
            }
        }
    }
    for u in &doc.unplaced {
        out.push((u.span, "unplaced".into()));
    }
    for f in &doc.furniture {
        out.push((f.span, format!("furniture {:?}", f.kind)));
    }
    out
}

/// Checks that every non-blank line of `src` is in exactly one place of the model.
/// Returns a description of the first line that is not.
///
/// Page furniture is a place of its own, and the only one that may sit inside another's span: a
/// paragraph that runs over a page break spans the page number printed in the middle of it,
/// though its text does not hold it.
pub fn check_lossless(src: &str, doc: &Document) -> Result<(), String> {
    let spans = leaf_spans(doc);
    for line in qarar::internals::split_lines(src) {
        let (t, off) = qarar::internals::trim(line.text);
        if t.is_empty() {
            continue;
        }
        let at = line.start + off;
        let furniture: Vec<&qarar::model::Furniture> = doc
            .furniture
            .iter()
            .filter(|f| f.span.contains(at))
            .collect();
        match furniture.len() {
            0 => {}
            1 if furniture[0].span.start == at => continue,
            n => {
                return Err(format!(
                    "line at byte {at} ({t:?}) is held by {n} furniture entries, or by one that \
                     does not start with it"
                ))
            }
        }
        let holders: Vec<&String> = spans
            .iter()
            .filter(|(s, w)| s.contains(at) && !w.starts_with("furniture"))
            .map(|(_, w)| w)
            .collect();
        if holders.len() != 1 {
            return Err(format!(
                "line at byte {at} ({t:?}) is held by {} places: {holders:?}",
                holders.len()
            ));
        }
    }
    Ok(())
}
