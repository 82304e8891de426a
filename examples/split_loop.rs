//! Splits the default session into lines many times: the baseline's load for a profiler.
fn main() {
    let s = include_str!("../sessions/cfm-44-political-ar.txt");
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(20);
    let mut total = 0;
    for _ in 0..n {
        total += qarar::text::split_lines(s).len();
    }
    println!("{total}");
}
