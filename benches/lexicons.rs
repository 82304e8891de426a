//! Building the lexicons from their data files, as each program does once: the gazetteer's table
//! (what the page reads: slugs, names, parents) and its name matcher (what the parser reads: every
//! written form of every name), and the verb and opening lexicon.
//! Run: `cargo bench --bench lexicons`. Figures and method: BENCHMARKS.md.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use qarar::internals::{Gazetteer, Lexicon};

const REGIONS: &str = include_str!("../src/lexicon/regions.tsv");
const VERBS: &str = include_str!("../src/lexicon/verbs.tsv");
const OPENINGS: &str = include_str!("../src/lexicon/openings.tsv");

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("lexicons");
    g.bench_function("gazetteer table (the page)", |b| {
        b.iter(|| black_box(Gazetteer::from_tsv(black_box(REGIONS))))
    });
    g.bench_function("gazetteer table and name matcher (the parser)", |b| {
        b.iter(|| {
            let t = Gazetteer::from_tsv(black_box(REGIONS));
            t.prepare_matching();
            black_box(t)
        })
    });
    g.bench_function("verbs and openings", |b| {
        b.iter(|| black_box(Lexicon::from_tsv(black_box(VERBS), black_box(OPENINGS))))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
