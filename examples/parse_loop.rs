//! A steady load for a profiler: parses the default session N times, or with `--split` only splits
//! it into lines (the benchmark's baseline). Used by scripts/bench-instructions.sh.
fn main() {
    let s = include_str!("../sessions/cfm-44-political-ar.txt");
    let args: Vec<String> = std::env::args().skip(1).collect();
    let split = args.iter().any(|a| a == "--split");
    let n: usize = args.iter().find_map(|a| a.parse().ok()).unwrap_or(20);
    let mut total = 0;
    for _ in 0..n {
        total += if split {
            qarar::text::split_lines(s).len()
        } else {
            qarar::parse(s).resolutions.len()
        };
    }
    println!("{total}");
}
