//! Rough phase timings of a parse (for finding hot spots; the benchmark is benches/parse.rs).
use std::time::Instant;
fn main() {
    let s = include_str!("../sessions/cfm-44-political-ar.txt");
    for _ in 0..3 {
        let t = Instant::now();
        let lines = qarar::parse::line::read_lines(s);
        let t1 = t.elapsed();
        let t = Instant::now();
        let mut d = qarar::parse(s);
        let t2 = t.elapsed();
        let t = Instant::now();
        qarar::tag::tag(s, &mut d);
        let t3 = t.elapsed();
        let t = Instant::now();
        let n = qarar::text::normalize(s);
        let t4 = t.elapsed();
        println!(
            "read_lines {t1:?} ({} lines), parse+tag {t2:?}, tag {t3:?}, normalize-all {t4:?} {}",
            lines.len(),
            n.len()
        );
    }
}
