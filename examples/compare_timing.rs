//! Where the time of a comparison goes: profiles, scores, pairing, alignment (one run each,
//! after a warm-up). Run: `cargo run --release --example compare_timing`.

use std::time::Instant;

use qarar::compare::{assign, compare, scores, Corpus, PAIR_THRESHOLD};

fn main() {
    let old = qarar::parse(include_str!("../sessions/cfm-44-political-ar.txt"));
    let mut new = old.clone();
    for r in &mut new.resolutions {
        if let Some(c) = r.operative.first_mut() {
            c.text = format!("{} وبخاصة في هذه المرحلة", c.text);
        }
    }
    let _ = compare(&old, &new);
    let t = Instant::now();
    let corpus = Corpus::new(&old, &new);
    let profiles = t.elapsed();
    let t = Instant::now();
    let scores = scores(&corpus);
    let scoring = t.elapsed();
    let t = Instant::now();
    let pairs = assign(&scores, PAIR_THRESHOLD);
    let pairing = t.elapsed();
    let t = Instant::now();
    let whole = compare(&old, &new);
    let all = t.elapsed();
    println!(
        "profiles {profiles:?}, scores {scoring:?}, pairing {pairing:?} ({} pairs); whole comparison {all:?} ({} pairs)",
        pairs.len(),
        whole.pairs.len()
    );
}
