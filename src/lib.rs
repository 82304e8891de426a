//! Qarar: a lossless, structured reading of the resolutions adopted by the OIC Council of Foreign
//! Ministers.
//!
//! Data flows one way: bytes → text ([`text`]) → lines → document ([`parse`]) → tags ([`tag`]) →
//! view (`app`, wasm only). The parser is pure Rust with no web dependencies; the same code runs
//! natively (the `qarar` CLI, the tests) and in the browser.
//!
//! ```
//! let doc = qarar::parse("قرار رقم 44/1-س\nبشأن\nالوضع في الصومال\nإنّ مجلس وزراء الخارجية، المنعقد …؛\n1. **يرحب** بانتخاب الرئيس.\n");
//! assert_eq!(doc.resolutions[0].id, "44/1-س");
//! assert_eq!(doc.resolutions[0].operative[0].verbs[0].lemma, "يرحب");
//! ```

// The stages, in the order data flows through them (a test, `tests/tidy.rs`, keeps it so). Only
// the model and the view logic are public; the rest is the crate's own, reached through the
// pipeline below and, for benchmarks and examples, through `internals`.
#[cfg(target_arch = "wasm32")]
pub mod app;
pub mod compare;
pub mod export;
pub(crate) mod import;
pub(crate) mod lexicon;
pub mod model;
pub(crate) mod parse;
pub(crate) mod tag;
pub(crate) mod text;
pub mod view;

pub use import::{DecodeError, Decoded, Format, ImportError};
pub use model::Document;

/// What benchmarks, examples and the integration tests measure, build fixtures with, or check
/// against a naive oracle: a few stages' entry points, exposed on purpose and without a stability
/// promise.
#[doc(hidden)]
pub mod internals {
    pub use crate::import::legacy::{encode_with, ISO_8859_6, WINDOWS_1256};
    pub use crate::lexicon::verbs::Lexicon;
    pub use crate::lexicon::Gazetteer;
    pub use crate::parse::has_ascii_digit;
    pub use crate::parse::{Reading, STRETCHES_FROM};
    pub use crate::text::lines::trim;
    pub use crate::text::presentation::PRESENTATION_FORMS;
    pub use crate::text::words::words;
    pub use crate::text::{normalize, split_lines, Normalized};

    /// [`crate::parse`] with the resolutions read as `reading` says, where `parse` picks by the
    /// document's size and the machine.
    pub fn parse_read_as(src: &str, reading: Reading) -> crate::Document {
        let mut doc = crate::parse::parse_read_as(src, 0, reading);
        crate::tag::tag(&mut doc);
        doc
    }
}

/// Parses a session document and tags it: the whole pipeline from text to the model the viewer
/// shows (lines, front matter, resolutions, verbs, references and region mentions, then each
/// resolution's regions).
pub fn parse(src: &str) -> Document {
    let mut doc = parse::parse(src);
    tag::tag(&mut doc);
    doc
}

/// Why a file is not a session document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    /// Not a file Qarar reads (PDF, .doc, an image …), a broken .docx, or bytes that are not text.
    Import(import::ImportError),
    /// Text, but no resolution in it.
    NoResolutions,
    /// No resolution found in a text in English or French: the edition is recognised, the text
    /// does not read as a session (no heading, no enacting formula).
    NoResolutionsIn(model::Language),
    /// The text is mostly in Latin letters, but in neither English nor French: not an edition
    /// Qarar reads, and never read as one.
    OtherLanguage,
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            InputError::Import(e) => e.fmt(f),
            InputError::NoResolutions => write!(
                f,
                "no resolution found: this does not look like a session of OIC resolutions (no «قرار رقم …» heading or «إنّ مجلس وزراء الخارجية» formula)"
            ),
            InputError::NoResolutionsIn(model::Language::French) => write!(
                f,
                "no resolution found in this French text: it does not look like a session of OIC resolutions (no «RÉSOLUTION N° …» heading or «Le Conseil des ministres des Affaires étrangères» formula)"
            ),
            InputError::NoResolutionsIn(_) => write!(
                f,
                "no resolution found in this English text: it does not look like a session of OIC resolutions (no «RESOLUTION NO. …» heading or «The … Session of the Council of Foreign Ministers» formula)"
            ),
            InputError::OtherLanguage => write!(
                f,
                "the text is in Latin letters but in neither English nor French: Qarar reads the Arabic, English and French editions of a session's resolutions"
            ),
        }
    }
}

impl std::error::Error for InputError {}

/// Why a text holds no resolution, as precisely as the text tells: a reader who opened a text in
/// another language should be told so, not that the file is not a session.
pub fn why_no_resolutions(text: &str) -> InputError {
    match parse::language::detect(text) {
        parse::language::Script::Arabic => InputError::NoResolutions,
        parse::language::Script::Latin(l) => InputError::NoResolutionsIn(l),
        parse::language::Script::OtherLatin => InputError::OtherLanguage,
    }
}

/// Reads a file's bytes (plain text in any supported encoding, .docx or .html) and parses them;
/// refuses what is not a session document. The bytes are taken, and their text dropped once
/// parsed: a UTF-8 file is decoded in place, so a large one is held once, not three times.
pub fn read(bytes: Vec<u8>) -> Result<Document, InputError> {
    let imported = import::to_text_owned(bytes).map_err(InputError::Import)?;
    let (doc, decoded) = parse_imported(imported)?;
    drop(decoded);
    Ok(doc)
}

/// Reads a file's bytes (plain text in any supported encoding, .docx or .html) and parses them;
/// refuses what is not a session document.
pub fn parse_bytes(bytes: &[u8]) -> Result<(Document, import::Decoded), InputError> {
    parse_imported(import::to_text(bytes).map_err(InputError::Import)?)
}

fn parse_imported(imported: import::Imported) -> Result<(Document, import::Decoded), InputError> {
    let decoded = imported.decoded;
    // A saved web page: what stands above the document's own cover is the page's.
    let page_until = match imported.format {
        import::Format::Html => parse::web_page_start(&decoded.text),
        _ => 0,
    };
    // A text in a language Qarar does not read is refused before it is read as one.
    if parse::language::detect(&decoded.text) == parse::language::Script::OtherLatin {
        return Err(InputError::OtherLanguage);
    }
    let mut doc = parse::parse_page(&decoded.text, page_until);
    tag::tag(&mut doc);
    if doc.resolutions.is_empty() {
        return Err(why_no_resolutions(&decoded.text));
    }
    let how = match imported.format {
        import::Format::Text => format!(
            "read as {}{}",
            decoded.encoding,
            if decoded.bom {
                " (with a byte-order mark)"
            } else {
                ""
            }
        ),
        import::Format::Html => format!("read as a web page (.html) in {}", decoded.encoding),
        f => format!("read as a {}", f.name()),
    };
    doc.diagnostics.insert(
        0,
        model::Diagnostic::new(model::DiagnosticCode::Encoding, how, None),
    );
    Ok((doc, decoded))
}
