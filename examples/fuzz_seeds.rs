//! Writes the fuzzer's seed corpus: real text in every form Qarar reads, cut small (libFuzzer
//! mutates short inputs far faster): pieces of the default session as UTF-8, UTF-16 with a BOM,
//! Windows-1256 and ISO-8859-6, as a .docx and a saved web page, paged as a PDF converter leaves
//! it; and the layout fixtures whole.
//!
//! `cargo run --example fuzz_seeds -- fuzz/corpus/parse` (scripts/fuzz.sh runs it).

// The tests' own writers of .docx, .html and paged text (only some of them are used here).
#[allow(dead_code)]
#[path = "../tests/common/formats.rs"]
mod formats;

use qarar::internals::{encode_with, ISO_8859_6, WINDOWS_1256};

const SESSION: &str = include_str!("../sessions/cfm-44-political-ar.txt");
const FIXTURES: [(&str, &str); 4] = [
    ("older", include_str!("../tests/fixtures/older-layout.txt")),
    (
        "toc-only",
        include_str!("../tests/fixtures/toc-only-layout.txt"),
    ),
    (
        "number-first",
        include_str!("../tests/fixtures/number-first-layout.txt"),
    ),
    (
        "ordinal-labels",
        include_str!("../tests/fixtures/ordinal-labels-layout.txt"),
    ),
];
/// How many pieces of the session, and about how long each is (bytes).
const PIECES: usize = 24;
const PIECE_BYTES: usize = 3000;

fn main() -> std::io::Result<()> {
    let dir = std::path::PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "fuzz/corpus/parse".into()),
    );
    std::fs::create_dir_all(&dir)?;
    let write = |name: String, bytes: &[u8]| std::fs::write(dir.join(name), bytes);
    let lines: Vec<&str> = SESSION.lines().collect();
    let step = lines.len() / PIECES;
    for k in 0..PIECES {
        // Whole lines from an evenly spaced start, up to about PIECE_BYTES.
        let mut piece = String::new();
        for l in &lines[k * step..] {
            if piece.len() + l.len() > PIECE_BYTES && !piece.is_empty() {
                break;
            }
            piece.push_str(l);
            piece.push('\n');
        }
        write(format!("session-{k:02}.txt"), piece.as_bytes())?;
        match k % 6 {
            0 => {
                let utf16: Vec<u8> = [0xFF, 0xFE]
                    .into_iter()
                    .chain(piece.encode_utf16().flat_map(u16::to_le_bytes))
                    .collect();
                write(format!("session-{k:02}-utf16.txt"), &utf16)?
            }
            1 => write(
                format!("session-{k:02}-1256.txt"),
                &encode_with(&piece, &WINDOWS_1256),
            )?,
            2 => write(
                format!("session-{k:02}-8859-6.txt"),
                &encode_with(&piece, &ISO_8859_6),
            )?,
            3 => write(
                format!("session-{k:02}.docx"),
                &formats::docx(&piece, k % 2 == 1),
            )?,
            4 => write(
                format!("session-{k:02}.html"),
                formats::html(&piece).as_bytes(),
            )?,
            _ => {
                let (paged, _) = formats::paged(&piece, Some(85), 12);
                write(format!("session-{k:02}-paged.txt"), paged.as_bytes())?
            }
        }
    }
    for (name, text) in FIXTURES {
        write(format!("fixture-{name}.txt"), text.as_bytes())?;
    }
    println!("seeds written to {}", dir.display());
    Ok(())
}
