use std::time::Instant;
fn main() {
    let s = include_str!("../sessions/cfm-44-political-ar.txt");
    let doc = qarar::parse(s);
    let mut a = vec![];
    let mut b = vec![];
    let mut c = vec![];
    for _ in 0..300 {
        let t = Instant::now();
        std::hint::black_box(qarar::text::split_lines(std::hint::black_box(s)).len());
        a.push(t.elapsed());
        let t = Instant::now();
        std::hint::black_box(std::hint::black_box(&doc).clone());
        b.push(t.elapsed());
        let t = Instant::now();
        std::hint::black_box(
            qarar::text::Normalized::document(std::hint::black_box(s))
                .text
                .len(),
        );
        c.push(t.elapsed());
    }
    a.sort();
    b.sort();
    c.sort();
    println!(
        "split min {:?} clone+drop min {:?} norm min {:?}",
        a[0], b[0], c[0]
    );
    println!(
        "clone/split {:.1} norm/split {:.1}",
        b[0].as_secs_f64() / a[0].as_secs_f64(),
        c[0].as_secs_f64() / a[0].as_secs_f64()
    );
}
