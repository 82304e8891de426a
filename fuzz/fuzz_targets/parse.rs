//! Arbitrary bytes through import (.docx, .html), decode and parse: must never panic.
//! Run: `cargo +nightly fuzz run parse` (or see BENCHMARKS.md for how it was run here).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = qarar::parse_bytes(data);
    if let Ok(s) = std::str::from_utf8(data) {
        let _ = qarar::parse(s);
    }
});
