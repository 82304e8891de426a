//! Reading the resolutions in stretches, on several threads, gives the document that reading them
//! in turn from the whole normalised copy gives (`src/parse/reading.rs`).

mod common;

use common::DEFAULT_SESSION;
use qarar::internals::{parse_read_as, Reading};
use qarar::Document;

const THREADS: [usize; 4] = [1, 2, 3, 7];

/// Every way of reading `src` against the whole document's: `what` names the text.
fn assert_every_reading_agrees(src: &str, what: &str) -> Document {
    let whole = parse_read_as(src, Reading::Whole);
    for threads in THREADS {
        let stretched = parse_read_as(src, Reading::Stretches { threads });
        assert!(
            stretched == whole,
            "{what}: reading in stretches on {threads} threads should give the same document as \
             reading the whole (first differing resolution: {:?})",
            (whole.resolutions.iter().zip(&stretched.resolutions)).position(|(a, b)| a != b)
        );
    }
    whole
}

#[test]
fn every_fixture_reads_the_same_in_stretches() {
    let fixtures = [
        ("the default session", DEFAULT_SESSION),
        ("cfm-45", include_str!("fixtures/cfm-45-excerpt-ar.txt")),
        (
            "number first",
            include_str!("fixtures/number-first-layout.txt"),
        ),
        ("older", include_str!("fixtures/older-layout.txt")),
        (
            "ordinal labels",
            include_str!("fixtures/ordinal-labels-layout.txt"),
        ),
        ("toc only", include_str!("fixtures/toc-only-layout.txt")),
        ("en 46", include_str!("fixtures/editions/en-cfm46-mm.txt")),
        ("en 44", include_str!("fixtures/editions/en-cfm44-pol.txt")),
        (
            "en older",
            include_str!("fixtures/editions/en-older-layouts.txt"),
        ),
        ("fr 38", include_str!("fixtures/editions/fr-cfm38-org.txt")),
    ];
    for (what, src) in fixtures {
        let doc = assert_every_reading_agrees(src, what);
        assert!(
            !doc.resolutions.is_empty(),
            "{what} should have resolutions"
        );
    }
}

#[test]
fn messy_text_reads_the_same_in_stretches() {
    // What converters do to a text, at the edges of lines above all: CRLF, marks, diacritics,
    // presentation forms that fold to two letters, leading spaces, page breaks.
    let variants = [
        ("CRLF", DEFAULT_SESSION.replace('\n', "\r\n")),
        ("CR", DEFAULT_SESSION.replace('\n', "\r")),
        ("marks", DEFAULT_SESSION.replace("ال", "**ال**")),
        ("diacritics", DEFAULT_SESSION.replace('ي', "يَ")),
        ("lam-alef forms", DEFAULT_SESSION.replace("لا", "ﻻ")),
        (
            "lines opening with a form",
            DEFAULT_SESSION.replace("\nيدعو", "\nﻻيدعو"),
        ),
        ("indented", DEFAULT_SESSION.replace('\n', "\n  ")),
        ("page breaks", DEFAULT_SESSION.replace("\n\n", "\n\u{c}\n")),
    ];
    for (what, src) in &variants {
        assert_every_reading_agrees(src, what);
    }
}

#[test]
fn a_large_document_is_read_in_stretches_and_gives_the_same_document() {
    // Over the size from which `parse` reads in stretches (natively): the default session three
    // times, whose resolutions repeat ids (the ids pass must see them all, in order).
    let src = [DEFAULT_SESSION; 3].join("\n");
    assert!(
        src.len() >= qarar::internals::STRETCHES_FROM,
        "the test's document should be large enough to be read in stretches"
    );
    let whole = assert_every_reading_agrees(&src, "the default session ×3");
    assert!(
        qarar::parse(&src) == whole,
        "parse should give the document that reading the whole gives"
    );
    assert_eq!(
        whole.resolutions.len(),
        3 * qarar::parse(DEFAULT_SESSION).resolutions.len()
    );
}
