//! Properties on arbitrary input: the parser never panics and never loses a line.

mod common;

use common::{check_lossless, DEFAULT_SESSION};
use proptest::prelude::*;
use qarar::view::marks::{self, Paragraph, Segment};

/// Lines of the genre and its noise, to be shuffled and cut into arbitrary documents.
fn line() -> impl Strategy<Value = String> {
    let samples: Vec<String> = DEFAULT_SESSION
        .lines()
        .filter(|l| !l.trim().is_empty())
        .step_by(7)
        .map(|l| l.chars().take(120).collect())
        .collect();
    prop_oneof![
        prop::sample::select(samples),
        Just("قرار رقم 44/7-س".to_string()),
        Just("بشأن".to_string()),
        Just("إنّ مجلس وزراء الخارجية، المنعقد؛".to_string()),
        Just("12".to_string()),
        Just("- ".to_string()),
        Just("**".to_string()),
        Just("أ- ".to_string()),
        Just("1\tقرار رقم 44/1-س بشأن\t9".to_string()),
        "[-–◀*.\\t ()0-9أبجدهوزيؤإآةىﻻﷲ\u{064B}\u{0640}a-z/:؛،]{0,24}",
        any::<String>(),
    ]
}

/// Lines of the English and French editions and their noise: the Latin path of the parser.
fn latin_line() -> impl Strategy<Value = String> {
    let samples: Vec<String> = [
        include_str!("fixtures/editions/en-cfm46-mm.txt"),
        include_str!("fixtures/editions/en-older-layouts.txt"),
        include_str!("fixtures/editions/fr-cfm38-org.txt"),
    ]
    .iter()
    .flat_map(|t| t.lines())
    .filter(|l| !l.trim().is_empty())
    .map(String::from)
    .collect();
    prop_oneof![
        4 => prop::sample::select(samples),
        1 => Just("RESOLUTION NO.7/46-MM".to_string()),
        1 => Just("ON".to_string()),
        1 => Just("The Conference:".to_string()),
        1 => Just("PREAMBLE:".to_string()),
        1 => Just("1. Resolution No.1/46-MM on".to_string()),
        1 => "[-–*.\\t ()0-9a-zA-Zéèêàçôî'/:;,]{0,40}",
    ]
}

/// An English or French document: enough Latin lines that the text is read as one.
fn latin_document() -> impl Strategy<Value = String> {
    prop::collection::vec(latin_line(), 10..60).prop_map(|lines| lines.join("\n"))
}

fn document() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(line(), 0..40),
        prop::sample::select(vec!["\n", "\r\n", "\r", "\n\n"]),
    )
        .prop_map(|(lines, eol)| lines.join(eol))
}

proptest! {
    // 512 cases in CI; `PROPTEST_CASES=N` for a longer run (see BENCHMARKS.md for the last one).
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(512),
        ..ProptestConfig::default()
    })]

    #[test]
    fn never_panics_and_never_loses_a_line(doc in document()) {
        let d = qarar::parse(&doc);
        if let Err(e) = check_lossless(&doc, &d) {
            prop_assert!(false, "{}", e);
        }
    }

    #[test]
    fn comparing_any_two_documents_never_panics_and_places_every_resolution_once(
        old in document(),
        new in document(),
    ) {
        let (a, b) = (qarar::parse(&old), qarar::parse(&new));
        let c = qarar::compare::compare(&a, &b);
        prop_assert_eq!(c.pairs.len() + c.removed.len(), a.resolutions.len(),
            "every old resolution should be paired or removed, once");
        prop_assert_eq!(c.pairs.len() + c.added.len(), b.resolutions.len(),
            "every new resolution should be paired or added, once");
    }

    #[test]
    fn an_english_or_french_document_never_panics_and_never_loses_a_line(doc in latin_document()) {
        let d = qarar::parse(&doc);
        if let Err(e) = check_lossless(&doc, &d) {
            prop_assert!(false, "{}", e);
        }
        for v in d.resolutions.iter().flat_map(|r| &r.operative).flat_map(|c| &c.verbs) {
            prop_assert!(doc.is_char_boundary(v.start) && doc.is_char_boundary(v.end) && v.start <= v.end);
        }
    }

    #[test]
    fn spans_are_char_boundaries_inside_the_source(doc in document()) {
        let d = qarar::parse(&doc);
        for r in &d.resolutions {
            for v in r.operative.iter().flat_map(|c| &c.verbs) {
                prop_assert!(v.start <= v.end && v.end <= doc.len());
                prop_assert!(doc.is_char_boundary(v.start) && doc.is_char_boundary(v.end));
            }
        }
    }

    #[test]
    fn any_search_cuts_every_paragraph_into_slices_the_page_can_draw(
        doc in document(),
        pick in any::<prop::sample::Index>(),
        noise in any::<String>(),
    ) {
        // The search comes from the URL (`?q=`): a word of the document (so that there are
        // hits), arbitrary text, both, and a word's first letters. The page slices each
        // paragraph's text by every segment and every hit (paragraph_text.rs): none may fall
        // outside the text or inside a character.
        let d = qarar::parse(&doc);
        let words: Vec<&str> = doc.split_whitespace().collect();
        let word = if words.is_empty() { "" } else { words[pick.index(words.len())] };
        let queries = [
            word.to_string(),
            noise.clone(),
            format!("{word} {noise}"),
            word.chars().take(3).collect::<String>(),
        ];
        let no_verbs = Vec::new();
        for q in &queries {
            let search = qarar::view::Search::new(q);
            for r in &d.resolutions {
                let operative = r.operative.iter().flat_map(|c| {
                    std::iter::once((&c.text, &c.runs, &c.verbs, &c.regions))
                        .chain(c.items.iter().map(|i| (&i.text, &i.runs, &i.verbs, &i.regions)))
                });
                let preamble = r.preamble.iter().map(|p| (&p.text, &p.runs, &no_verbs, &p.regions));
                for (text, runs, verbs, places) in operative.chain(preamble) {
                    let p = Paragraph { text, runs, verbs, places };
                    let mut at = 0;
                    for seg in &marks::segments(p, &search) {
                        let range = seg.range();
                        prop_assert_eq!(range.start, at, "segments should cover the text in order ({:?})", q);
                        prop_assert!(text.get(range.clone()).is_some(),
                            "a segment should be a slice of the text: {:?} of {:?} ({:?})", range, text, q);
                        if let Segment::Verb { hits, .. } | Segment::Place { hits, .. } = seg {
                            let mut inside = range.start;
                            for h in hits {
                                prop_assert!(h.start >= inside && h.end <= range.end && text.get(h.clone()).is_some(),
                                    "a hit in a mark should be a slice of it, in order: {:?} in {:?} ({:?})", h, range, q);
                                inside = h.end;
                            }
                        }
                        at = range.end;
                    }
                    prop_assert_eq!(at, text.len());
                }
            }
        }
    }

    #[test]
    fn every_verb_is_marked_exactly_once_where_its_text_is_shown(doc in document()) {
        let d = qarar::parse(&doc);
        for r in &d.resolutions {
            let paragraphs = r.operative.iter().flat_map(|c| {
                std::iter::once((&c.text, &c.runs, &c.verbs, &c.regions))
                    .chain(c.items.iter().map(|i| (&i.text, &i.runs, &i.verbs, &i.regions)))
            });
            for (text, runs, verbs, places) in paragraphs {
                let p = Paragraph { text, runs, verbs, places };
                let segments = marks::segments(p, &qarar::view::Search::default());
                let mut marked = vec![0; verbs.len()];
                let mut at = 0;
                for s in &segments {
                    prop_assert_eq!(s.range().start, at, "segments should cover the text in order");
                    at = s.range().end;
                    if let Segment::Verb { index, range, .. } = s {
                        marked[*index] += 1;
                        prop_assert_eq!(&text[range.clone()], verbs[*index].text.as_str(),
                            "a verb should be marked over the text the model gives it");
                    }
                }
                prop_assert_eq!(at, text.len());
                prop_assert!(marked.iter().all(|&n| n == 1),
                    "every verb should be marked once: {:?} in {:?}", marked, text);
            }
        }
    }

    #[test]
    fn the_normalised_document_is_utf8(doc in document()) {
        // Normalized::document builds its text without re-validating it (see its SAFETY note):
        // check here, on arbitrary text, that what it wrote is UTF-8.
        let n = qarar::internals::Normalized::document(&doc);
        prop_assert!(std::str::from_utf8(n.text.as_bytes()).is_ok());
    }

    #[test]
    fn the_document_pass_agrees_with_normalising_each_string(doc in document()) {
        // The one-pass document normalisation (copied runs, tables, words found as it goes) must
        // give what the plain per-char normalisation and word splitter give on the same text.
        let n = qarar::internals::Normalized::document(&doc);
        let expected = qarar::internals::normalize(&doc.replace("**", ""));
        prop_assert_eq!(&n.text, &expected, "the folded text should be the same");
        let words: Vec<&str> = n.slice(0, doc.len()).words().iter().map(|w| &n.text[w.start..w.end]).collect();
        let expected_words: Vec<&str> = qarar::internals::words(&expected).iter().map(|w| &expected[w.start..w.end]).collect();
        prop_assert_eq!(words, expected_words, "the words should be the same");
    }

    #[test]
    fn the_document_pass_agrees_across_its_pieces(doc in document(), shift in 0usize..8) {
        // Long enough that the pass's pieces (32 KiB each) end inside words, marks and chars
        // that fold to two, wherever the shift puts them.
        let unit = format!("{}{doc}\n", "ي".repeat(shift));
        let long = unit.repeat(70_000 / unit.len() + 1);
        let n = qarar::internals::Normalized::document(&long);
        let expected = qarar::internals::normalize(&long.replace("**", ""));
        prop_assert!(n.text == expected, "the folded text should be the same over many pieces");
        let words = n.slice(0, long.len()).words();
        prop_assert_eq!(words, qarar::internals::words(&expected), "the words should be the same over many pieces");
    }

    #[test]
    fn reading_in_stretches_is_reading_the_whole_document(doc in document(), threads in 1usize..4) {
        // Each resolution normalised on its own, on several threads, must make the document that
        // the whole document's normalised copy makes (`src/parse/reading.rs`).
        use qarar::internals::{parse_read_as, Reading};
        let whole = parse_read_as(&doc, Reading::Whole);
        let stretched = parse_read_as(&doc, Reading::Stretches { threads });
        prop_assert!(stretched == whole, "reading in stretches on {} threads should change nothing", threads);
    }

    #[test]
    fn the_document_pass_finds_the_lines_the_line_splitter_finds(
        doc in prop::collection::vec(
            prop::sample::select(vec!["\n", "\r", "\r\n", "\n\r", "ي", "**", " ", "a", "ﻻ", "٤"]),
            0..60,
        ).prop_map(|parts| parts.concat())
    ) {
        // The parser takes its lines from the ends the document pass noted; they must be the
        // line splitter's, whatever the mix of line endings.
        let n = qarar::internals::Normalized::document(&doc);
        prop_assert_eq!(n.lines(&doc), Some(qarar::internals::split_lines(&doc)));
    }

    #[test]
    fn the_digit_test_agrees_with_a_byte_loop(bytes in prop::collection::vec(any::<u8>(), 0..64)) {
        prop_assert_eq!(
            qarar::internals::has_ascii_digit(&bytes),
            bytes.iter().any(u8::is_ascii_digit),
            "eight bytes at a time should find a digit exactly when there is one"
        );
    }

    #[test]
    fn importing_arbitrary_zips_and_pages_never_panics(
        kind in 0usize..3,
        body in prop::collection::vec(any::<u8>(), 0..2048),
        cut in 0usize..4096,
    ) {
        // Arbitrary bytes behind a zip signature, a real .docx cut anywhere, and a page of
        // arbitrary text: each is read or refused, never a panic.
        let bytes = match kind {
            0 => [b"PK\x03\x04".as_slice(), &body].concat(),
            1 => {
                let d = common::formats::docx("قرار رقم 44/1-س\n1. **يرحب** بذلك.\n", true);
                d[..cut.min(d.len())].to_vec()
            }
            _ => [b"<!DOCTYPE html><p>".as_slice(), &body].concat(),
        };
        let _ = qarar::parse_bytes(&bytes);
    }

    #[test]
    fn decode_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let _ = qarar::parse_bytes(&bytes);
    }

    #[test]
    fn any_prefix_of_the_default_session_parses(cut in 0usize..DEFAULT_SESSION.len()) {
        let mut cut = cut;
        while !DEFAULT_SESSION.is_char_boundary(cut) { cut -= 1; }
        let src = &DEFAULT_SESSION[..cut];
        let d = qarar::parse(src);
        if let Err(e) = check_lossless(src, &d) {
            prop_assert!(false, "{}", e);
        }
    }
}
