//! The two legacy encodings Arabic documents come in: Windows-1256 and ISO-8859-6. Each is a table
//! of the 128 chars above ASCII (generated from Python's `cp1256` and `iso8859_6` codecs; bytes
//! ISO-8859-6 leaves undefined read as U+FFFD). A general detector such as chardetng, with
//! encoding_rs, would add about 158 KB gzip to the page (TOOLCHAIN.md); these tables add 1 KB.

/// Windows-1256, bytes 0x80..=0xFF.
pub const WINDOWS_1256: [char; 128] = [
    '\u{20AC}', '\u{067E}', '\u{201A}', '\u{0192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{02C6}', '\u{2030}', '\u{0679}', '\u{2039}', '\u{0152}', '\u{0686}', '\u{0698}', '\u{0688}',
    '\u{06AF}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{06A9}', '\u{2122}', '\u{0691}', '\u{203A}', '\u{0153}', '\u{200C}', '\u{200D}', '\u{06BA}',
    '\u{00A0}', '\u{060C}', '\u{00A2}', '\u{00A3}', '\u{00A4}', '\u{00A5}', '\u{00A6}', '\u{00A7}',
    '\u{00A8}', '\u{00A9}', '\u{06BE}', '\u{00AB}', '\u{00AC}', '\u{00AD}', '\u{00AE}', '\u{00AF}',
    '\u{00B0}', '\u{00B1}', '\u{00B2}', '\u{00B3}', '\u{00B4}', '\u{00B5}', '\u{00B6}', '\u{00B7}',
    '\u{00B8}', '\u{00B9}', '\u{061B}', '\u{00BB}', '\u{00BC}', '\u{00BD}', '\u{00BE}', '\u{061F}',
    '\u{06C1}', '\u{0621}', '\u{0622}', '\u{0623}', '\u{0624}', '\u{0625}', '\u{0626}', '\u{0627}',
    '\u{0628}', '\u{0629}', '\u{062A}', '\u{062B}', '\u{062C}', '\u{062D}', '\u{062E}', '\u{062F}',
    '\u{0630}', '\u{0631}', '\u{0632}', '\u{0633}', '\u{0634}', '\u{0635}', '\u{0636}', '\u{00D7}',
    '\u{0637}', '\u{0638}', '\u{0639}', '\u{063A}', '\u{0640}', '\u{0641}', '\u{0642}', '\u{0643}',
    '\u{00E0}', '\u{0644}', '\u{00E2}', '\u{0645}', '\u{0646}', '\u{0647}', '\u{0648}', '\u{00E7}',
    '\u{00E8}', '\u{00E9}', '\u{00EA}', '\u{00EB}', '\u{0649}', '\u{064A}', '\u{00EE}', '\u{00EF}',
    '\u{064B}', '\u{064C}', '\u{064D}', '\u{064E}', '\u{00F4}', '\u{064F}', '\u{0650}', '\u{00F7}',
    '\u{0651}', '\u{00F9}', '\u{0652}', '\u{00FB}', '\u{00FC}', '\u{200E}', '\u{200F}', '\u{06D2}',
];

/// ISO-8859-6, bytes 0x80..=0xFF.
pub const ISO_8859_6: [char; 128] = [
    '\u{0080}', '\u{0081}', '\u{0082}', '\u{0083}', '\u{0084}', '\u{0085}', '\u{0086}', '\u{0087}',
    '\u{0088}', '\u{0089}', '\u{008A}', '\u{008B}', '\u{008C}', '\u{008D}', '\u{008E}', '\u{008F}',
    '\u{0090}', '\u{0091}', '\u{0092}', '\u{0093}', '\u{0094}', '\u{0095}', '\u{0096}', '\u{0097}',
    '\u{0098}', '\u{0099}', '\u{009A}', '\u{009B}', '\u{009C}', '\u{009D}', '\u{009E}', '\u{009F}',
    '\u{00A0}', '\u{FFFD}', '\u{FFFD}', '\u{FFFD}', '\u{00A4}', '\u{FFFD}', '\u{FFFD}', '\u{FFFD}',
    '\u{FFFD}', '\u{FFFD}', '\u{FFFD}', '\u{FFFD}', '\u{060C}', '\u{00AD}', '\u{FFFD}', '\u{FFFD}',
    '\u{FFFD}', '\u{FFFD}', '\u{FFFD}', '\u{FFFD}', '\u{FFFD}', '\u{FFFD}', '\u{FFFD}', '\u{FFFD}',
    '\u{FFFD}', '\u{FFFD}', '\u{FFFD}', '\u{061B}', '\u{FFFD}', '\u{FFFD}', '\u{FFFD}', '\u{061F}',
    '\u{FFFD}', '\u{0621}', '\u{0622}', '\u{0623}', '\u{0624}', '\u{0625}', '\u{0626}', '\u{0627}',
    '\u{0628}', '\u{0629}', '\u{062A}', '\u{062B}', '\u{062C}', '\u{062D}', '\u{062E}', '\u{062F}',
    '\u{0630}', '\u{0631}', '\u{0632}', '\u{0633}', '\u{0634}', '\u{0635}', '\u{0636}', '\u{0637}',
    '\u{0638}', '\u{0639}', '\u{063A}', '\u{FFFD}', '\u{FFFD}', '\u{FFFD}', '\u{FFFD}', '\u{FFFD}',
    '\u{0640}', '\u{0641}', '\u{0642}', '\u{0643}', '\u{0644}', '\u{0645}', '\u{0646}', '\u{0647}',
    '\u{0648}', '\u{0649}', '\u{064A}', '\u{064B}', '\u{064C}', '\u{064D}', '\u{064E}', '\u{064F}',
    '\u{0650}', '\u{0651}', '\u{0652}', '\u{FFFD}', '\u{FFFD}', '\u{FFFD}', '\u{FFFD}', '\u{FFFD}',
    '\u{FFFD}', '\u{FFFD}', '\u{FFFD}', '\u{FFFD}', '\u{FFFD}', '\u{FFFD}', '\u{FFFD}', '\u{FFFD}',
];

/// Decodes single-byte text with a table for the bytes above ASCII.
pub fn decode_with(bytes: &[u8], table: &[char; 128]) -> String {
    bytes
        .iter()
        .map(|&b| {
            if b < 0x80 {
                b as char
            } else {
                table[(b - 0x80) as usize]
            }
        })
        .collect()
}

/// Encodes text with a table (chars it lacks become `?`): how tests make legacy-encoded fixtures.
pub fn encode_with(text: &str, table: &[char; 128]) -> Vec<u8> {
    text.chars()
        .map(|c| {
            if c.is_ascii() {
                c as u8
            } else {
                table
                    .iter()
                    .position(|&t| t == c)
                    .map_or(b'?', |i| 0x80 + i as u8)
            }
        })
        .collect()
}

/// How Arabic a decoding looks: Arabic letters among the non-ASCII chars, and how many there are.
fn score(text: &str) -> (usize, usize) {
    let mut arabic = 0;
    let mut other = 0;
    for c in text.chars().filter(|c| !c.is_ascii()) {
        if ('\u{0621}'..='\u{064A}').contains(&c) {
            arabic += 1;
        } else {
            other += 1;
        }
    }
    (arabic, other)
}

/// Reads bytes that are not UTF-8 as whichever Arabic legacy encoding makes them most Arabic:
/// `None` when neither gives mostly Arabic letters (the text is in some other encoding).
pub fn detect(bytes: &[u8]) -> Option<(String, &'static str)> {
    let candidates = [(&WINDOWS_1256, "windows-1256"), (&ISO_8859_6, "ISO-8859-6")];
    let mut best: Option<(String, &'static str, usize)> = None;
    for (table, label) in candidates {
        let text = decode_with(bytes, table);
        let (arabic, other) = score(&text);
        // Mostly Arabic letters, and enough of them to be a document rather than a stray byte.
        if arabic >= 20 && arabic >= 4 * other && best.as_ref().is_none_or(|b| arabic > b.2) {
            best = Some((text, label, arabic));
        }
    }
    best.map(|(t, l, _)| (t, l))
}

#[cfg(test)]
mod tests {
    use super::*;

    use encode_with as encode;

    #[test]
    fn tables_hold_the_arabic_letters() {
        assert_eq!(
            decode_with(&[0xC7, 0xE1, 0xDE, 0xD1, 0xC7, 0xD1], &WINDOWS_1256),
            "القرار"
        );
        assert_eq!(
            decode_with(&[0xC7, 0xE4, 0xE2, 0xD1, 0xC7, 0xD1], &ISO_8859_6),
            "القرار"
        );
    }

    #[test]
    fn detects_each_encoding() {
        let text = "إنّ مجلس وزراء الخارجية، المنعقد في دورته الرابعة والأربعين؛ يرحب بالتقدم المحرز";
        let (t, l) = detect(&encode(text, &WINDOWS_1256)).expect("Windows-1256 should be detected");
        assert_eq!((t.as_str(), l), (text, "windows-1256"));
        let plain = text.replace('\u{0651}', "");
        let (t, l) = detect(&encode(&plain, &ISO_8859_6)).expect("ISO-8859-6 should be detected");
        assert_eq!((t.as_str(), l), (plain.as_str(), "ISO-8859-6"));
        assert_eq!(
            detect("café crème brûlée à la mode, très bien".as_bytes()),
            None,
            "Latin text is not Arabic"
        );
    }
}
