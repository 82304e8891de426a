//! Comparing two sessions: the default session against itself with every resolution's first
//! clause edited (every pair "changed", so every clause is aligned and diffed): pairing (the
//! profiles, the score matrix, the Hungarian method) and the clause alignment and word diffs.
//! Run: `cargo bench --bench compare`. Figures and method: BENCHMARKS.md.

use criterion::{black_box, criterion_group, criterion_main, Criterion};

const SESSION: &str = include_str!("../sessions/cfm-44-political-ar.txt");

fn bench(c: &mut Criterion) {
    let old = qarar::parse(SESSION);
    let mut new = old.clone();
    for r in &mut new.resolutions {
        if let Some(c) = r.operative.first_mut() {
            c.text = format!("{} وبخاصة في هذه المرحلة", c.text);
        }
    }
    let mut g = c.benchmark_group("compare");
    g.bench_function("two 56-resolution sessions", |b| {
        b.iter(|| black_box(qarar::compare::compare(black_box(&old), black_box(&new))))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
