//! Word (.docx) and web-page (.html) copies of a session, written the way Word and a browser
//! write them, for the format tests and the CLI tests.

use std::io::Write;

pub fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Runs of a line: `**bold**` becomes bold runs (w:b and w:bCs, as Word writes Arabic bold).
pub fn runs(line: &str) -> String {
    line.split("**")
        .enumerate()
        .filter(|(_, t)| !t.is_empty())
        .map(|(i, t)| {
            let props = if i % 2 == 1 {
                "<w:rPr><w:b/><w:bCs/><w:rtl/></w:rPr>"
            } else {
                "<w:rPr><w:rtl/></w:rPr>"
            };
            format!(
                "<w:r>{props}<w:t xml:space=\"preserve\">{}</w:t></w:r>",
                xml_escape(t)
            )
        })
        .collect()
}

/// An operative clause label typed as `12. `: its number and the rest.
pub fn numbered(line: &str) -> Option<&str> {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    (digits > 0 && line[digits..].starts_with(". ")).then(|| &line[digits + 2..])
}

/// A .docx of `text`. With `word_numbering`, clause numbers are not typed but drawn by a Word
/// list (restarted for each resolution, as Word does for a new list); table-of-contents rows
/// (tab-separated) become table rows.
pub fn docx(text: &str, word_numbering: bool) -> Vec<u8> {
    let mut body = String::new();
    let mut list = 0;
    let mut in_list = false;
    for line in text.lines() {
        if line.contains('\t') {
            body.push_str("<w:tbl><w:tr>");
            for cell in line.split('\t') {
                body.push_str(&format!("<w:tc><w:p>{}</w:p></w:tc>", runs(cell)));
            }
            body.push_str("</w:tr></w:tbl>");
            continue;
        }
        match numbered(line.trim_start()).filter(|_| word_numbering) {
            Some(rest) => {
                if !in_list {
                    list += 1;
                    in_list = true;
                }
                body.push_str(&format!(
                    "<w:p><w:pPr><w:tabs><w:tab w:val=\"right\" w:pos=\"9000\"/></w:tabs><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"{list}\"/></w:numPr><w:bidi/></w:pPr>{}</w:p>",
                    runs(rest)
                ));
            }
            None => {
                if line.contains("قرار رقم") {
                    in_list = false;
                }
                body.push_str(&format!(
                    "<w:p><w:pPr><w:bidi/></w:pPr>{}</w:p>",
                    runs(line)
                ));
            }
        }
    }
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}<w:sectPr/></w:body></w:document>"
    );
    let mut nums = String::from("<w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/></w:lvl></w:abstractNum>");
    for n in 1..=list {
        nums.push_str(&format!(
            "<w:num w:numId=\"{n}\"><w:abstractNumId w:val=\"0\"/></w:num>"
        ));
    }
    let numbering = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">{nums}</w:numbering>"
    );
    zip_of(&[
        ("[Content_Types].xml", "<?xml version=\"1.0\"?><Types/>"),
        ("word/document.xml", &document),
        ("word/numbering.xml", &numbering),
    ])
}

pub fn zip_of(parts: &[(&str, &str)]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, content) in parts {
        w.start_file(*name, options).expect("zip entry");
        w.write_all(content.as_bytes()).expect("zip write");
    }
    w.finish().expect("zip finish").into_inner()
}

pub fn html(text: &str) -> String {
    let mut out = String::from("<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\"><head><meta charset=\"utf-8\"><title>قرارات</title><style>p { margin: 0 }</style><script>var x = 1 < 2;</script></head>\n<body>\n");
    for line in text.lines() {
        let mut p = String::new();
        for (i, t) in xml_escape(line).split("**").enumerate() {
            if i % 2 == 1 {
                p.push_str(&format!("<strong>{t}</strong>"));
            } else {
                p.push_str(t);
            }
        }
        if line.contains('\t') {
            let cells: Vec<String> = p.split('\t').map(|c| format!("<td>{c}</td>")).collect();
            out.push_str(&format!("<table><tr>{}</tr></table>\n", cells.join("")));
        } else {
            out.push_str(&format!("<p>{p}</p>\n"));
        }
    }
    out.push_str("</body></html>\n");
    out
}

/// The text as a PDF-to-text converter (pdftotext) gives it: paragraphs longer than `wrap` chars
/// wrapped onto several lines (table-of-contents rows, which hold tabs, are not), and every
/// `page_lines` lines a page break — the page number at the foot, a form feed, and a running head
/// at the top of the next page. Returns the text and how many furniture lines it holds.
pub fn paged(text: &str, wrap: Option<usize>, page_lines: usize) -> (String, usize) {
    let mut lines: Vec<String> = Vec::new();
    for line in text.lines() {
        match wrap {
            Some(w) if line.chars().count() > w && !line.contains('\t') => {
                let mut cur = String::new();
                for word in line.split(' ') {
                    if !cur.is_empty() && cur.chars().count() + 1 + word.chars().count() > w {
                        lines.push(std::mem::take(&mut cur));
                    }
                    if !cur.is_empty() {
                        cur.push(' ');
                    }
                    cur.push_str(word);
                }
                lines.push(cur);
            }
            _ => lines.push(line.to_string()),
        }
    }
    let mut out = String::new();
    let mut furniture = 0;
    let mut page = 1;
    for (i, l) in lines.iter().enumerate() {
        out.push_str(l);
        out.push('\n');
        if i > 0 && i % page_lines == 0 {
            // Odd pages carry the organisation's name as a head (found by the form feed before
            // it), even pages the document symbol (found anywhere: a Latin line that repeats).
            let head = if page % 2 == 1 {
                "منظمة التعاون الإسلامي"
            } else {
                "OIC/CFM-44/2017/POL/RES/FINAL"
            };
            out.push_str(&format!("\n- {page} -\n\u{c}{head}\n"));
            page += 1;
            furniture += 2;
        }
    }
    (out, furniture)
}
