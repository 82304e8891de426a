//! Builds a paragraph per line, many times: a steady load for a profiler.
fn main() {
    let s = include_str!("../sessions/cfm-44-political-ar.txt");
    let lines = qarar::text::split_lines(s);
    let mut n = 0;
    for _ in 0..200 {
        for l in &lines {
            n += qarar::text::inline::Para::build([(l.start, l.text)]).norm.text.len();
        }
    }
    println!("{n}");
}
