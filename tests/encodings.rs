//! The default session in other encodings and forms gives the same resolutions: Windows-1256,
//! ISO-8859-6, UTF-16 with a byte-order mark, CRLF line ends with a UTF-8 BOM, no bold marks.
//! The fixtures are made here from the default session.

mod common;

use common::DEFAULT_SESSION;
use qarar::internals::{encode_with as encode_single_byte, ISO_8859_6, WINDOWS_1256};

fn ids_and_titles(bytes: &[u8]) -> (Vec<String>, Vec<String>, String) {
    let (doc, decoded) = qarar::parse_bytes(bytes).expect("should parse");
    (
        doc.resolutions.iter().map(|r| r.id.clone()).collect(),
        doc.resolutions.iter().map(|r| r.title.clone()).collect(),
        decoded.encoding.to_string(),
    )
}

fn expected() -> (Vec<String>, Vec<String>) {
    let (ids, titles, _) = ids_and_titles(DEFAULT_SESSION.as_bytes());
    (ids, titles)
}

#[test]
fn windows_1256() {
    let (ids, titles, enc) = ids_and_titles(&encode_single_byte(DEFAULT_SESSION, &WINDOWS_1256));
    assert_eq!(enc, "windows-1256", "the encoding is detected and reported");
    let (want_ids, want_titles) = expected();
    assert_eq!(ids, want_ids, "the same 56 resolutions");
    assert_eq!(titles, want_titles);
}

#[test]
fn iso_8859_6() {
    let (ids, _, enc) = ids_and_titles(&encode_single_byte(DEFAULT_SESSION, &ISO_8859_6));
    assert_eq!(enc, "ISO-8859-6");
    assert_eq!(ids, expected().0);
}

#[test]
fn utf16_with_a_byte_order_mark() {
    for big_endian in [false, true] {
        let mut b = if big_endian {
            vec![0xFE, 0xFF]
        } else {
            vec![0xFF, 0xFE]
        };
        for u in DEFAULT_SESSION.encode_utf16() {
            b.extend_from_slice(&if big_endian {
                u.to_be_bytes()
            } else {
                u.to_le_bytes()
            });
        }
        let (ids, titles, _) = ids_and_titles(&b);
        assert_eq!((ids, titles), expected());
    }
}

#[test]
fn crlf_with_a_utf8_bom() {
    let mut b = vec![0xEF, 0xBB, 0xBF];
    b.extend_from_slice(DEFAULT_SESSION.replace('\n', "\r\n").as_bytes());
    let (ids, titles, _) = ids_and_titles(&b);
    assert_eq!((ids, titles), expected());
}

#[test]
fn plain_text_without_bold_marks() {
    let plain = DEFAULT_SESSION.replace("**", "");
    let d = qarar::parse(&plain);
    let (ids, titles) = expected();
    assert_eq!(
        d.resolutions
            .iter()
            .map(|r| r.id.clone())
            .collect::<Vec<_>>(),
        ids
    );
    assert_eq!(
        d.resolutions
            .iter()
            .map(|r| r.title.clone())
            .collect::<Vec<_>>(),
        titles
    );
    let verbs = |doc: &qarar::Document| {
        doc.resolutions
            .iter()
            .flat_map(|r| &r.operative)
            .map(|c| c.verbs.len())
            .sum::<usize>()
    };
    let with_marks = verbs(&qarar::parse(DEFAULT_SESSION));
    let without = verbs(&d);
    assert!(
        without * 100 >= with_marks * 97,
        "coordinated verbs are found without bold too ({without} vs {with_marks})"
    );
}

#[test]
fn presentation_forms_as_pdf_exports_write_them() {
    // Every Arabic letter written as one of its presentation forms (isolated, initial, medial or
    // final, taken in turn), and لا as its ligature: what text copied out of a PDF looks like.
    let mut forms: std::collections::HashMap<char, Vec<char>> = Default::default();
    for &(cp, d) in qarar::internals::PRESENTATION_FORMS {
        let mut chars = d.chars();
        if let (Some(base), None, true) =
            (chars.next(), chars.next(), (0xFE80..=0xFEFC).contains(&cp))
        {
            forms
                .entry(base)
                .or_default()
                .push(char::from_u32(cp).unwrap());
        }
    }
    let pdf: String = DEFAULT_SESSION
        .replace("لا", "\u{FEFB}")
        .chars()
        .enumerate()
        .map(|(i, c)| forms.get(&c).map_or(c, |f| f[i % f.len()]))
        .collect();
    assert!(
        pdf.chars()
            .filter(|c| ('\u{FE80}'..='\u{FEFC}').contains(c))
            .count()
            > 100_000
    );
    let shape = |d: &qarar::Document| -> Vec<(String, usize, Option<String>)> {
        d.resolutions
            .iter()
            .map(|r| {
                (
                    r.id.clone(),
                    r.operative.len(),
                    r.operative
                        .first()
                        .and_then(|c| c.verbs.first())
                        .map(|v| v.lemma.to_string()),
                )
            })
            .collect()
    };
    let (doc, _) = qarar::parse_bytes(pdf.as_bytes()).expect("should parse");
    assert_eq!(
        shape(&doc),
        shape(&qarar::parse(DEFAULT_SESSION)),
        "the same resolutions, clause counts and opening verbs as the original"
    );
}
