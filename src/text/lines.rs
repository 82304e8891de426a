//! Splitting text into lines with their byte spans. `\n`, `\r\n` and a lone `\r` all end a line.

/// One line of the source, without its line ending.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line<'a> {
    pub text: &'a str,
    pub start: usize,
}

impl<'a> Line<'a> {
    pub fn end(&self) -> usize {
        self.start + self.text.len()
    }
}

/// Splits `text` into lines. A final line without a line ending is still a line.
pub fn split_lines(text: &str) -> Vec<Line<'_>> {
    let bytes = text.as_bytes();
    let mut lines = Vec::with_capacity(bytes.len() / 64 + 1);
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                lines.push(Line {
                    text: &text[start..i],
                    start,
                });
                i += 1;
                start = i;
            }
            b'\r' => {
                lines.push(Line {
                    text: &text[start..i],
                    start,
                });
                i += if bytes.get(i + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                };
                start = i;
            }
            _ => i += 1,
        }
    }
    if start < bytes.len() {
        lines.push(Line {
            text: &text[start..],
            start,
        });
    }
    lines
}

/// Trims white space (including no-break spaces, bidi marks and a byte-order mark) from both ends;
/// returns the trimmed text and its offset within `s`.
pub fn trim(s: &str) -> (&str, usize) {
    let is_space = |c: char| {
        c.is_whitespace()
            || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
    };
    let t = s.trim_start_matches(is_space);
    let off = s.len() - t.len();
    (t.trim_end_matches(is_space), off)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_every_line_ending() {
        let l = split_lines("a\nb\r\nc\rd");
        let texts: Vec<_> = l.iter().map(|l| l.text).collect();
        assert_eq!(
            texts,
            ["a", "b", "c", "d"],
            "LF, CRLF and CR should each end a line"
        );
        assert_eq!(l[2].start, 5, "offsets should count the CRLF as two bytes");
    }

    #[test]
    fn trims_invisible_marks() {
        assert_eq!(trim("\u{FEFF}\u{200F} نص \u{00A0}"), ("نص", 6 + 1));
    }
}
