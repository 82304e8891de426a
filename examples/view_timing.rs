//! Times the view's whole-document passes on a large document (the default session repeated),
//! natively: what the page does in one task when a large file has arrived.
use std::time::Instant;

fn main() {
    let s = include_str!("../sessions/cfm-44-political-ar.txt");
    let copies: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(121);
    let big = s.repeat(copies);
    let t = Instant::now();
    let doc = qarar::parse(&big);
    println!(
        "parse: {:?} ({} resolutions, {} diagnostics)",
        t.elapsed(),
        doc.resolutions.len(),
        doc.diagnostics.len()
    );
    let t = Instant::now();
    let idx = qarar::view::Index::new(&doc);
    println!("index: {:?}", t.elapsed());
    let q = qarar::view::Query::default();
    let t = Instant::now();
    let m = qarar::view::apply_indexed(&doc, &idx, &q);
    println!("apply (no filter): {:?} ({} shown)", t.elapsed(), m.len());
    let t = Instant::now();
    let f = qarar::view::facets(&doc, &idx, &q);
    println!(
        "facet counts: {:?} ({} regions, {} categories)",
        t.elapsed(),
        f.regions.len(),
        f.verbs.len()
    );
    let q = qarar::view::Query {
        q: "الصومال".into(),
        regions: vec!["africa".into()],
        ..Default::default()
    };
    let t = Instant::now();
    let f = qarar::view::facets(&doc, &idx, &q);
    println!(
        "facet counts, searching and filtered: {:?} ({} regions)",
        t.elapsed(),
        f.regions.len()
    );
}
