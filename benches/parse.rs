//! Parsing the default session, against a bare pass that only splits the same bytes into lines.
//! Run: `cargo bench --bench parse`. Figures and method: BENCHMARKS.md.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};

const SESSION: &str = include_str!("../sessions/cfm-44-political-ar.txt");

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("default-session");
    g.throughput(Throughput::Bytes(SESSION.len() as u64));
    g.bench_function("split-lines", |b| {
        b.iter(|| black_box(qarar::internals::split_lines(black_box(SESSION))).len())
    });
    g.bench_function("normalise-document", |b| {
        b.iter(|| {
            black_box(qarar::internals::Normalized::document(black_box(SESSION)))
                .text
                .len()
        })
    });
    // The same, without freeing the returned document inside the timed loop.
    g.bench_function("parse+tag (no drop)", |b| {
        b.iter_with_large_drop(|| qarar::parse(black_box(SESSION)))
    });
    g.bench_function("parse+tag", |b| {
        b.iter(|| black_box(qarar::parse(black_box(SESSION))))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
