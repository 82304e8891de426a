//! Bytes to text: what kind of file the bytes are, and their decoding. Plain text goes straight to
//! [`decode`] (UTF-8, UTF-16, the legacy Arabic code pages of [`legacy`]); a Word `.docx` ([`docx`]) and a saved web page ([`html`]) are turned
//! into the same plain text first, bold runs written as `**…**` marks so emphasis survives; PDF,
//! the old binary `.doc`, images and other archives are refused with a message that names the
//! formats that work.

pub mod decode;
pub mod docx;
pub mod html;
pub mod legacy;

pub use decode::{decode, DecodeError, Decoded};

/// The formats Qarar reads, for messages.
pub const FORMATS: &str =
    "plain text (.txt, any Arabic encoding), Word (.docx) or a saved web page (.html)";

/// A file's format, told from its first bytes (never from its name: names lie, and a pasted or
/// dropped file may have none).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Docx,
    Html,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "plain text",
            Format::Docx => "Word document (.docx)",
            Format::Html => "web page (.html)",
        }
    }
}

/// Why a file could not be read as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// A format Qarar does not read (PDF, .doc, an image …), by name.
    Unsupported(&'static str),
    /// A `.docx` that could not be read: a broken archive, or one without a document in it.
    BadDocx(String),
    Decode(DecodeError),
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImportError::Unsupported(what) => {
                write!(f, "this is {what}, which Qarar cannot read; open {FORMATS}")
            }
            ImportError::BadDocx(why) => write!(f, "this Word file cannot be read: {why}"),
            ImportError::Decode(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for ImportError {}

/// Signatures of formats that are refused, with what to call them.
const REFUSED: [(&[u8], &str); 9] = [
    (b"%PDF", "a PDF file"),
    (
        b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
        "an old Word (.doc) or other Office 97 file",
    ),
    (b"{\\rtf", "a Rich Text (.rtf) file"),
    (b"\x89PNG", "a PNG image"),
    (b"\xFF\xD8\xFF", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"II*\0", "a TIFF image"),
    (b"MM\0*", "a TIFF image"),
    (b"\x1F\x8B", "a gzip archive"),
];

/// Tells the format from the first bytes. A zip is taken for a `.docx` here; [`docx::to_text`]
/// says so if it is another kind of archive.
pub fn sniff(bytes: &[u8]) -> Result<Format, ImportError> {
    if let Some((_, what)) = REFUSED.iter().find(|(sig, _)| bytes.starts_with(sig)) {
        return Err(ImportError::Unsupported(what));
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return Ok(Format::Docx);
    }
    Ok(Format::Text)
}

/// A document's name by its content: the first 16 bytes of the SHA-256 of its bytes, in hex
/// (32 characters). The viewer keeps documents under it and writes it in the URL (`doc=`), so a
/// link names exactly the file it was made from, whatever the file was called.
// The viewer's worker names documents by it; natively nothing else does.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub fn content_hash(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    let mut sha = Sha256::new();
    // A piece at a time, not all at once: V8 replaces a wasm function's baseline code with its
    // optimised build only for the calls after, so one call over a 50 MB file ran whole in the
    // baseline code: 3.4 s of the worker's 5.5 s on that file (BENCHMARKS.md, "Long calls in
    // the worker"). Pieces of whole blocks (64 bytes) are compressed as they come.
    for piece in bytes.chunks(HASH_PIECE) {
        sha.update(piece);
    }
    sha.finalize()[..16]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The bytes [`content_hash`] hashes at a time: whole SHA-256 blocks.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
const HASH_PIECE: usize = 1 << 16;

/// What [`to_text`] made of a file: the text to parse, how it was decoded, and its format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    pub decoded: Decoded,
    pub format: Format,
}

/// Reads any supported file as the plain text the parser reads.
/// [`to_text`], taking the bytes: plain UTF-8 (the usual case) becomes the text in place, without
/// a copy.
pub fn to_text_owned(bytes: Vec<u8>) -> Result<Imported, ImportError> {
    if !matches!(sniff(&bytes)?, Format::Text) {
        return to_text(&bytes);
    }
    match decode::utf8_in_place(bytes) {
        Ok(decoded) if !html::looks_like_html(&decoded.text) => Ok(Imported {
            decoded,
            format: Format::Text,
        }),
        Ok(decoded) => to_text(decoded.text.as_bytes()),
        Err(bytes) => to_text(&bytes),
    }
}

/// The text of a file's bytes, whatever its format and encoding.
pub fn to_text(bytes: &[u8]) -> Result<Imported, ImportError> {
    match sniff(bytes)? {
        Format::Docx => Ok(Imported {
            decoded: Decoded {
                text: docx::to_text(bytes)?,
                encoding: "UTF-8",
                bom: false,
            },
            format: Format::Docx,
        }),
        _ => {
            let decoded = decode(bytes).map_err(ImportError::Decode)?;
            if html::looks_like_html(&decoded.text) {
                let text = html::to_text(&decoded.text);
                return Ok(Imported {
                    decoded: Decoded { text, ..decoded },
                    format: Format::Html,
                });
            }
            Ok(Imported {
                decoded,
                format: Format::Text,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_pdf_doc_and_images_by_name() {
        for (bytes, word) in [
            (&b"%PDF-1.7\n..."[..], "PDF"),
            (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0", ".doc"),
            (b"\x89PNG\r\n\x1a\n", "PNG"),
        ] {
            let e = to_text(bytes).unwrap_err();
            let msg = e.to_string();
            assert!(
                msg.contains(word),
                "the message should name the format: {msg}"
            );
            assert!(
                msg.contains(".docx") && msg.contains(".html"),
                "the message should name the formats that work: {msg}"
            );
        }
    }

    #[test]
    fn the_content_hash_is_sha256_in_hex() {
        // SHA-256("abc") starts ba7816bf 8f01cfea 414140de 5dae2223 (FIPS 180-2, appendix B.1).
        assert_eq!(content_hash(b"abc"), "ba7816bf8f01cfea414140de5dae2223");
        assert_ne!(content_hash(b"abc"), content_hash(b"abd"));
        // A million «a»s, over many pieces and ending inside one: cdc76e5c 9914fb92 81a1c7e2
        // 84d73e67 … (FIPS 180-2, appendix B.3).
        assert_eq!(
            content_hash(&[b'a'; 1_000_000]),
            "cdc76e5c9914fb9281a1c7e284d73e67",
            "a text of many pieces should hash as it would whole"
        );
    }

    /// The owned path (UTF-8 decoded in place) is a fast path of `to_text`: same answer.
    fn same_as_to_text(bytes: &[u8]) {
        assert_eq!(
            to_text_owned(bytes.to_vec()),
            to_text(bytes),
            "to_text_owned should read {bytes:?} as to_text does"
        );
    }

    #[test]
    fn the_owned_path_reads_every_kind_of_text_as_to_text_does() {
        let arabic = "قرار رقم 44/1-س".as_bytes();
        let bom = [&[0xEF, 0xBB, 0xBF][..], arabic].concat();
        // A byte-order mark, then bytes that are not UTF-8 (Windows-1256): not read as UTF-8,
        // and the mark is still there for the decoder that reads them.
        let bom_then_1256 = [
            &[0xEF, 0xBB, 0xBF][..],
            b"\xe3\xd1\xca\xc8 \xde\xd1\xc7\xd1",
        ]
        .concat();
        let utf16: Vec<u8> = "قرار".encode_utf16().flat_map(u16::to_le_bytes).collect();
        for bytes in [
            arabic,
            &bom,
            &bom_then_1256,
            &[0xEF, 0xBB, 0xBF],
            // The case the property shrank to when the mark was dropped on failure.
            &[0xEF, 0xBB, 0xBF, 0x80],
            &utf16,
            b"\xe3\xd1\xca\xc8 \xde\xd1\xc7\xd1 44/1",
            b"   \n\t ",
            b"",
            b"\0\0\0binary\0",
            b"<html><body><p>\xd9\x82\xd8\xb1\xd8\xa7\xd8\xb1</p></body></html>",
            b"abc \xff\xfe def",
        ] {
            same_as_to_text(bytes);
        }
    }

    proptest::proptest! {
        #[test]
        fn the_owned_path_reads_any_bytes_as_to_text_does(
            bom in proptest::bool::ANY,
            body in proptest::collection::vec(proptest::num::u8::ANY, 0..512),
        ) {
            let bytes = if bom { [&[0xEF, 0xBB, 0xBF][..], &body].concat() } else { body };
            same_as_to_text(&bytes);
        }
    }

    #[test]
    fn plain_text_passes_through() {
        let i = to_text("قرار رقم 44/1-س".as_bytes()).unwrap();
        assert_eq!(i.format, Format::Text);
        assert_eq!(i.decoded.text, "قرار رقم 44/1-س");
    }
}
