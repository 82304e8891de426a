//! Bytes to text. Byte-order marks (UTF-8, UTF-16 LE/BE) are honoured, and UTF-16 without one is
//! recognised by its bytes; UTF-8 is checked strictly;
//! text that is not UTF-8 is read as Windows-1256 or ISO-8859-6 when that makes it Arabic
//! ([`super::legacy`]); what cannot be text is refused with a reason a reader can act on.

use std::fmt;

/// Decoded text and how it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// The encoding's label, e.g. `UTF-8`, `UTF-16LE`.
    pub encoding: &'static str,
    /// A byte-order mark was present (and removed).
    pub bom: bool,
}

/// Why bytes could not be read as a session document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    Empty,
    /// NUL bytes or many control bytes: not a text file.
    Binary,
    /// Neither UTF-8 nor UTF-16; `at` is the first byte that is not valid UTF-8.
    UnknownEncoding {
        at: usize,
    },
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Empty => write!(f, "the file is empty"),
            DecodeError::Binary => write!(
                f,
                "the file is binary data, not text: open a session as plain text (.txt)"
            ),
            DecodeError::UnknownEncoding { at } => write!(
                f,
                "the file is not UTF-8, UTF-16, Windows-1256 or ISO-8859-6 Arabic text (invalid UTF-8 at byte {at}); save it as UTF-8"
            ),
        }
    }
}

impl std::error::Error for DecodeError {}

/// Decodes bytes into text.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(DecodeError::Empty);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return utf8(rest, true);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return Ok(utf16(rest, u16::from_le_bytes, "UTF-16LE"));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return Ok(utf16(rest, u16::from_be_bytes, "UTF-16BE"));
    }
    if let Some(d) = utf16_without_bom(bytes) {
        return Ok(d);
    }
    if looks_binary(bytes) {
        return Err(DecodeError::Binary);
    }
    match utf8(bytes, false) {
        Ok(d) => Ok(d),
        Err(e) => match super::legacy::detect(bytes) {
            Some((text, encoding)) => Ok(Decoded {
                text,
                encoding,
                bom: false,
            }),
            None => Err(e),
        },
    }
}

/// What [`decode`] makes of `bytes` when it reads them as UTF-8, without copying them; the bytes
/// back when it would read them otherwise (or refuse them).
pub fn utf8_in_place(mut bytes: Vec<u8>) -> Result<Decoded, Vec<u8>> {
    const BOM: [u8; 3] = [0xEF, 0xBB, 0xBF];
    let bom = bytes.starts_with(&BOM);
    // decode's own order: a byte-order mark, then UTF-16 without one, then binary, then UTF-8.
    let may_be_utf8 = bom
        || (!bytes.iter().all(|b| b.is_ascii_whitespace())
            && !bytes.starts_with(&[0xFF, 0xFE])
            && !bytes.starts_with(&[0xFE, 0xFF])
            && utf16_without_bom(&bytes).is_none()
            && !looks_binary(&bytes));
    if !may_be_utf8 {
        return Err(bytes);
    }
    if bom {
        bytes.drain(..3);
    }
    // Validated once, as it is taken (checking first and then converting read a 50 MB file
    // twice: a tenth of the command line's time), by simdutf8: std's check, a byte at a time
    // for Arabic, was 8% of the command line's instructions.
    if !is_utf8(&bytes) {
        if bom {
            bytes.splice(0..0, BOM);
        }
        return Err(bytes);
    }
    // SAFETY: simdutf8 has just validated these bytes as UTF-8 (its tests hold it to std's
    // answer; ours, `utf8_is_what_std_says_it_is`, to `std::str::from_utf8`'s).
    let text = unsafe { String::from_utf8_unchecked(bytes) };
    Ok(Decoded {
        text,
        encoding: "UTF-8",
        bom,
    })
}

/// Bytes checked at a time by [`is_utf8`].
const UTF8_PIECE: usize = 1 << 16;

/// Are `bytes` UTF-8? simdutf8's check, a piece at a time: V8 replaces a wasm function's baseline
/// code with its optimised build only for the calls after, so one call over a 50 MB file ran whole
/// in the baseline code in the browser's worker (BENCHMARKS.md, "Long calls in the worker"). A
/// piece ends where a char starts (before up to three continuation bytes), so valid text is never
/// cut inside a char; and pieces that are each UTF-8 are UTF-8 together.
fn is_utf8(bytes: &[u8]) -> bool {
    let mut rest = bytes;
    while rest.len() > UTF8_PIECE {
        let mut end = UTF8_PIECE;
        while end > UTF8_PIECE - 3 && rest[end] & 0xC0 == 0x80 {
            end -= 1;
        }
        let (piece, after) = rest.split_at(end);
        if simdutf8::basic::from_utf8(piece).is_err() {
            return false;
        }
        rest = after;
    }
    simdutf8::basic::from_utf8(rest).is_ok()
}

fn utf8(bytes: &[u8], bom: bool) -> Result<Decoded, DecodeError> {
    match simdutf8::compat::from_utf8(bytes) {
        Ok(s) => Ok(Decoded {
            text: s.to_string(),
            encoding: "UTF-8",
            bom,
        }),
        Err(e) => Err(DecodeError::UnknownEncoding {
            at: e.valid_up_to() + usize::from(bom) * 3,
        }),
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16, label: &'static str) -> Decoded {
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    let text = char::decode_utf16(units)
        .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect();
    Decoded {
        text,
        encoding: label,
        bom: true,
    }
}

/// UTF-16 saved without a byte-order mark (some exports do): nearly every code unit of Arabic
/// text has a high byte of 0x00 (ASCII), 0x06 (Arabic), 0x20 (punctuation) or 0xFB–0xFE
/// (presentation forms), so one of the two byte positions is nearly all such bytes — which no
/// binary file and no 8-bit text shows — and it tells the byte order.
fn utf16_without_bom(bytes: &[u8]) -> Option<Decoded> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let head = &bytes[..bytes.len().min(8192)];
    let units = head.len() / 2;
    let text_like = |high: u8| matches!(high, 0x00 | 0x06 | 0x20 | 0xFB..=0xFE);
    // A zero byte must be among them: ASCII text in UTF-16 always has some (spaces, line ends).
    let share = |odd: usize| {
        let highs = head.iter().skip(odd).step_by(2);
        let zeros = highs.clone().filter(|&&b| b == 0).count();
        (highs.filter(|&&b| text_like(b)).count() * 10 >= units * 9 && zeros > 0) as u8
    };
    let (le, be) = (share(1), share(0));
    let d = match (le, be) {
        (1, 0) => utf16(bytes, u16::from_le_bytes, "UTF-16LE"),
        (0, 1) => utf16(bytes, u16::from_be_bytes, "UTF-16BE"),
        _ => return None,
    };
    // Unpaired surrogates mean the guess was wrong.
    let bad = d
        .text
        .chars()
        .filter(|&c| c == char::REPLACEMENT_CHARACTER)
        .count();
    (bad * 100 <= d.text.chars().count()).then_some(Decoded { bom: false, ..d })
}

/// NUL bytes, or more than 1 in 20 bytes a control byte other than tab and line ends, in the first
/// 8 KiB: no text document looks like that.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C))
        .count();
    controls * 20 > head.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Both UTF-8 paths validate with simdutf8: what they accept and the text they give
        /// should be std's answer, for text with a few arbitrary bytes put in anywhere (a cut
        /// letter, a stray continuation byte, an overlong form).
        #[test]
        fn utf8_is_what_std_says_it_is(
            text in "[\u{600}-\u{6ff} a-z0-9\n\u{10000}-\u{10010}]{0,300}",
            junk in proptest::collection::vec(proptest::num::u8::ANY, 0..4),
            at in proptest::num::usize::ANY,
        ) {
            let mut bytes = text.into_bytes();
            let at = if bytes.is_empty() { 0 } else { at % bytes.len() };
            bytes.splice(at..at, junk);
            let want = std::str::from_utf8(&bytes).ok().map(str::to_string);
            proptest::prop_assert_eq!(utf8(&bytes, false).ok().map(|d| d.text), want.clone());
            if let Ok(d) = utf8_in_place(bytes.clone()) {
                proptest::prop_assert_eq!(Some(d.text), want);
            } else if let Some(w) = want {
                // Refused although valid: only what decode reads otherwise (blank, binary).
                proptest::prop_assert!(
                    w.chars().all(char::is_whitespace) || looks_binary(&bytes),
                    "valid UTF-8 should be read in place unless blank or binary"
                );
            }
        }

        /// Checked a piece at a time, a text is UTF-8 exactly when std says so, whatever falls
        /// at a piece's end: a char of two, three or four bytes cut by it, or bytes put in there.
        #[test]
        fn utf8_in_pieces_is_what_std_says_it_is(
            unit in "[\u{600}-\u{6ff} a-z\u{800}-\u{810}\u{10000}-\u{10010}]{1,40}",
            junk in proptest::collection::vec(proptest::num::u8::ANY, 0..3),
            near in 0usize..8,
        ) {
            let mut bytes = unit.repeat(2 * UTF8_PIECE / unit.len() + 1).into_bytes();
            let at = UTF8_PIECE - 4 + near;
            bytes.splice(at..at, junk);
            proptest::prop_assert_eq!(
                is_utf8(&bytes),
                std::str::from_utf8(&bytes).is_ok(),
                "a text over several pieces should be UTF-8 exactly when std says it is"
            );
        }
    }

    #[test]
    fn reads_utf8_with_and_without_bom() {
        assert_eq!(decode("قرار".as_bytes()).unwrap().text, "قرار");
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice("قرار".as_bytes());
        let d = decode(&b).unwrap();
        assert!(d.bom, "a UTF-8 BOM should be reported");
        assert_eq!(d.text, "قرار", "the BOM should not stay in the text");
    }

    #[test]
    fn reads_utf16_by_its_bom() {
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in "قرار 1".encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(decode(&le).unwrap().text, "قرار 1");
        assert_eq!(decode(&be).unwrap().encoding, "UTF-16BE");
    }

    #[test]
    fn reads_utf16_without_a_bom_by_its_bytes() {
        let text = "قرار رقم 44/1-س\nبشأن الوضع في الصومال\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        let d = decode(&le).expect("UTF-16LE without a BOM should be read");
        assert_eq!(
            (d.text.as_str(), d.encoding, d.bom),
            (text, "UTF-16LE", false)
        );
        let d = decode(&be).expect("UTF-16BE without a BOM should be read");
        assert_eq!((d.text.as_str(), d.encoding), (text, "UTF-16BE"));
        let ascii: Vec<u8> = "OIC/CFM-44\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(decode(&ascii).unwrap().encoding, "UTF-16LE");
        assert_eq!(
            decode(b"PK\x03\x04\x14\x00\x06\x00"),
            Err(DecodeError::Binary),
            "a zip's header is not UTF-16"
        );
    }

    #[test]
    fn refuses_empty_binary_and_unknown() {
        assert_eq!(decode(b" \n\t"), Err(DecodeError::Empty));
        assert_eq!(decode(b"PK\x03\x04\x00\x00"), Err(DecodeError::Binary));
        assert!(matches!(
            decode(&[0xC7, 0xE1, 0x20]),
            Err(DecodeError::UnknownEncoding { .. })
        ));
    }
}
