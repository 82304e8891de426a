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

pub mod import;
pub mod lexicon;
pub mod model;
pub mod parse;
pub mod tag;
pub mod text;
pub mod view;

#[cfg(target_arch = "wasm32")]
pub mod app;

pub use model::Document;
pub use parse::parse;

/// Why a file is not a session document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    /// Not a file Qarar reads (PDF, .doc, an image …), a broken .docx, or bytes that are not text.
    Import(import::ImportError),
    /// Text, but no resolution in it.
    NoResolutions,
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            InputError::Import(e) => e.fmt(f),
            InputError::NoResolutions => write!(
                f,
                "no resolution found: this does not look like a session of OIC resolutions (no «قرار رقم …» heading or «إنّ مجلس وزراء الخارجية» formula)"
            ),
        }
    }
}

impl std::error::Error for InputError {}

/// Reads a file's bytes (plain text in any supported encoding, .docx or .html) and parses them;
/// refuses what is not a session document.
pub fn parse_bytes(bytes: &[u8]) -> Result<(Document, text::Decoded), InputError> {
    let imported = import::to_text(bytes).map_err(InputError::Import)?;
    let decoded = imported.decoded;
    let mut doc = parse(&decoded.text);
    if doc.resolutions.is_empty() {
        return Err(InputError::NoResolutions);
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
        model::Diagnostic {
            severity: model::Severity::Info,
            code: "encoding".into(),
            message: how,
            span: None,
            resolution: None,
        },
    );
    Ok((doc, decoded))
}
