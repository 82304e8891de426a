//! Rough phase timings of a parse (for finding hot spots; the benchmark is benches/parse.rs).
use std::time::Instant;

fn time<T>(label: &str, f: impl Fn() -> T) -> T {
    let mut best = std::time::Duration::MAX;
    let mut out = None;
    for _ in 0..20 {
        let t = Instant::now();
        out = Some(f());
        best = best.min(t.elapsed());
    }
    println!("{label:>14}: {best:?}");
    out.unwrap()
}

fn main() {
    let s = include_str!("../sessions/cfm-44-political-ar.txt");
    let lines = time("split_lines", || qarar::text::split_lines(s));
    time("para per line", || {
        lines.iter().map(|l| qarar::text::inline::Para::build([(l.start, l.text)]).display.len()).sum::<usize>()
    });
    let paras: Vec<_> = lines.iter().map(|l| qarar::text::inline::Para::build([(l.start, l.text)])).collect();
    time("classify", || paras.iter().map(|p| { let k: fn_kind = qarar::parse::line::classify(p.norm.text.trim()); k }).count());
    time("words", || paras.iter().map(|p| qarar::lexicon::words(&p.norm.text).len()).sum::<usize>());
    time("read_lines", || qarar::parse::line::read_lines(s).len());
    time("parse", || qarar::parse(s).resolutions.len());
}

#[allow(non_camel_case_types)]
type fn_kind = qarar::parse::line::Kind;
