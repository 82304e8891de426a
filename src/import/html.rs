//! Saved web pages (`.html`, `.htm`): the text of the page, one line per block (paragraph,
//! heading, list item, table row with its cells separated by tabs), `<b>`/`<strong>` written as
//! `**…**`, entities decoded. Scripts, styles and the head are dropped: their content is not the
//! document's text, and nothing of the page is ever run or rendered.

/// Does decoded text look like an HTML page? Only its start is looked at: a session that quotes
/// a tag in its body stays text.
pub fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .trim_start_matches(['\u{FEFF}', ' ', '\t', '\r', '\n'])
        .chars()
        .take(512)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || (head.starts_with('<')
            && (head.contains("<html") || head.contains("<head") || head.contains("<body")))
}

/// Elements whose content is not text of the document.
const SKIP: [&str; 7] = [
    "script", "style", "head", "noscript", "template", "svg", "title",
];
/// Elements that end a line.
const BLOCK: [&str; 22] = [
    "p",
    "div",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "tr",
    "table",
    "section",
    "article",
    "blockquote",
    "pre",
    "ul",
    "ol",
    "hr",
    "header",
    "footer",
    "center",
];

/// The page's text.
pub fn to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut skip: Option<&'static str> = None;
    let mut bold = 0u32;
    let mut rest = html;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            if skip.is_none() {
                push_text(&mut out, rest);
            }
            break;
        };
        if skip.is_none() {
            push_text(&mut out, &rest[..lt]);
        }
        rest = &rest[lt..];
        // A comment, a doctype or a processing instruction: skipped whole.
        if let Some(r) = rest.strip_prefix("<!--") {
            rest = r.find("-->").map_or("", |k| &r[k + 3..]);
            continue;
        }
        let Some(gt) = rest.find('>') else {
            // A lone `<` in text.
            if skip.is_none() {
                out.push('<');
            }
            rest = &rest[1..];
            continue;
        };
        let tag = &rest[1..gt];
        rest = &rest[gt + 1..];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() {
            if !tag.starts_with('!') && !tag.starts_with('?') && skip.is_none() {
                // Not a tag after all (`a < b`): keep it as text.
                push_text(&mut out, "<");
                push_text(&mut out, tag);
                push_text(&mut out, ">");
            }
            continue;
        }
        if let Some(s) = skip {
            if closing && name == s {
                skip = None;
            }
            continue;
        }
        if let Some(s) = SKIP.iter().find(|s| **s == name) {
            if !closing && !tag.ends_with('/') {
                skip = Some(s);
            }
            continue;
        }
        match name.as_str() {
            "b" | "strong" => {
                if closing {
                    if bold > 0 {
                        bold -= 1;
                        if bold == 0 {
                            out.push_str("**");
                        }
                    }
                } else {
                    if bold == 0 {
                        out.push_str("**");
                    }
                    bold += 1;
                }
            }
            "td" | "th" if !closing && !out.ends_with('\n') && !out.is_empty() => out.push('\t'),
            "td" | "th" => {}
            n if BLOCK.contains(&n) => {
                if bold > 0 {
                    // A mark does not run over a line end: close it here, open it again after.
                    out.push_str("**\n**");
                } else {
                    out.push('\n');
                }
            }
            _ => {}
        }
    }
    if bold > 0 {
        out.push_str("**");
    }
    // Blank lines that blocks leave behind, and empty bold marks.
    out.replace("****", "")
        .lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty() && l.trim() != "**")
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

/// Appends text, entities decoded and white space collapsed as a browser would.
fn push_text(out: &mut String, text: &str) {
    let mut rest = text;
    while !rest.is_empty() {
        let (plain, after) = match rest.find('&') {
            Some(k) => (&rest[..k], &rest[k..]),
            None => (rest, ""),
        };
        push_collapsed(out, plain);
        rest = after;
        if rest.is_empty() {
            break;
        }
        let end = rest[1..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
            .map(|k| k + 1);
        let (name, used) = match end {
            Some(k) if rest[k..].starts_with(';') => (&rest[1..k], k + 1),
            _ => {
                out.push('&');
                rest = &rest[1..];
                continue;
            }
        };
        match entity(name) {
            Some(c) => push_collapsed(out, c.encode_utf8(&mut [0; 4])),
            None => push_collapsed(out, &rest[..used]),
        }
        rest = &rest[used..];
    }
}

/// White space in HTML source is one space.
fn push_collapsed(out: &mut String, s: &str) {
    for c in s.chars() {
        if matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{0C}') {
            if !out.ends_with([' ', '\n', '\t']) && !out.is_empty() {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
}

/// A character or named entity (the ones Arabic pages use; others stay as written).
fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let n = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(n).filter(|c| *c != '\0');
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{00A0}',
        "laquo" => '«',
        "raquo" => '»',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "zwnj" => '\u{200C}',
        "zwj" => '\u{200D}',
        "rlm" => '\u{200F}',
        "lrm" => '\u{200E}',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_become_lines_and_bold_becomes_marks() {
        let html = "<!DOCTYPE html><html><head><title>x</title><style>p{}</style></head><body>\
            <p>قرار رقم 44/1-س</p><p>1. <b>يرحب</b> بانتخاب &amp; الرئيس.</p>\
            <script>alert(1)</script></body></html>";
        assert!(looks_like_html(html));
        assert_eq!(
            to_text(html),
            "قرار رقم 44/1-س\n1. **يرحب** بانتخاب & الرئيس.\n",
            "paragraphs should be lines, <b> marks, entities decoded, script and head dropped"
        );
    }

    #[test]
    fn table_cells_are_separated_by_tabs() {
        let html = "<html><body><table><tr><td>1</td><td>قرار رقم 44/1-س بشأن</td><td>3</td></tr></table></body></html>";
        assert_eq!(to_text(html), "1\tقرار رقم 44/1-س بشأن\t3\n");
    }

    #[test]
    fn text_that_quotes_a_tag_is_not_a_page() {
        assert!(!looks_like_html("قرار رقم 44/1-س\nنص فيه <b> وسم"));
    }
}
