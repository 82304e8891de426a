//! A steady load for a profiler: parses the default session N times, or with `--split` only splits
//! it into lines (the benchmark's baseline), or with `--norm` only normalises it (the parse's first
//! phase). Used by scripts/bench-instructions.sh.
//!
//! With `--time`, it times the two alternately, N rounds, and prints the minimum and median of
//! each and the ratio of the minimums: on a machine whose speed drifts between runs (this one
//! varies by up to 2x), alternating keeps both under the same conditions, and the minimum is the
//! run least disturbed. `--time --norm` times the document pass instead of the whole parse, and
//! `--time --clone` the copying and freeing of an already parsed model: parts of the parse that any
//! design keeps, so their ratio to the split is a floor under the parse's (BENCHMARKS.md).
use std::time::{Duration, Instant};

fn main() {
    let s = include_str!("../sessions/cfm-44-political-ar.txt");
    let args: Vec<String> = std::env::args().skip(1).collect();
    let has = |f: &str| args.iter().any(|a| a == f);
    let n: usize = args.iter().find_map(|a| a.parse().ok()).unwrap_or(20);
    if has("--time") {
        let what = if has("--norm") {
            Timed::Norm
        } else if has("--clone") {
            Timed::Clone
        } else {
            Timed::Parse
        };
        return time(s, n.max(5), what);
    }
    let split = has("--split");
    let norm = has("--norm");
    let mut total = 0;
    for _ in 0..n {
        total += if split {
            qarar::internals::split_lines(s).len()
        } else if norm {
            qarar::internals::Normalized::document(s).text.len()
        } else {
            qarar::parse(s).resolutions.len()
        };
    }
    println!("{total}");
}

/// What `--time` sets against the split.
#[derive(Clone, Copy, PartialEq)]
enum Timed {
    Parse,
    Norm,
    Clone,
}

fn time(s: &str, rounds: usize, what: Timed) {
    let once = |f: &dyn Fn() -> usize| {
        let t = Instant::now();
        std::hint::black_box(f());
        t.elapsed()
    };
    let split = || qarar::internals::split_lines(std::hint::black_box(s)).len();
    let parsed = qarar::parse(s);
    let parse = || match what {
        Timed::Norm => qarar::internals::Normalized::document(std::hint::black_box(s))
            .text
            .len(),
        Timed::Clone => std::hint::black_box(&parsed).clone().resolutions.len(),
        Timed::Parse => qarar::parse(std::hint::black_box(s)).resolutions.len(),
    };
    // Warm up: the lexicons load on the first parse.
    parse();
    let (mut a, mut b): (Vec<Duration>, Vec<Duration>) = (vec![], vec![]);
    for _ in 0..rounds {
        a.push(once(&split));
        b.push(once(&parse));
    }
    a.sort();
    b.sort();
    let mb = s.len() as f64 / 1e6;
    let show = |name: &str, v: &[Duration]| {
        println!(
            "{name:<12} min {:>9.1} µs  median {:>9.1} µs  ({:.0} MB/s at the minimum)",
            v[0].as_secs_f64() * 1e6,
            v[v.len() / 2].as_secs_f64() * 1e6,
            mb / v[0].as_secs_f64()
        )
    };
    show("split-lines", &a);
    show(
        match what {
            Timed::Norm => "normalise",
            Timed::Clone => "clone+drop",
            Timed::Parse => "parse+tag",
        },
        &b,
    );
    println!(
        "ratio        {:.1}x (minimums), {:.1}x (medians)",
        b[0].as_secs_f64() / a[0].as_secs_f64(),
        b[b.len() / 2].as_secs_f64() / a[a.len() / 2].as_secs_f64()
    );
}
