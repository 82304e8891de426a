//! Word `.docx` files: a zip archive whose `word/document.xml` holds the text. Each paragraph
//! becomes a line; a table row becomes one line with its cells separated by tabs (the tables of
//! contents are often tables); bold runs (`w:b`, or `w:bCs`, which Word uses for Arabic) become
//! `**…**`; list numbering that Word draws itself (not typed in the text) is written out from
//! `word/numbering.xml`, so numbered operative clauses keep their numbers.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::ImportError;

/// The deepest list level Word writes.
const MAX_LEVEL: u32 = 8;

/// The most a part of the archive may inflate to: a guard against zip bombs, far above any session.
const MAX_PART: u64 = 256 * 1024 * 1024;

/// Reads a part of the archive as UTF-8 text; `None` when it is absent.
fn part(
    zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
) -> Result<Option<String>, ImportError> {
    let file = match zip.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(ImportError::BadDocx(format!("{name}: {e}"))),
    };
    let mut bytes = Vec::new();
    file.take(MAX_PART + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| ImportError::BadDocx(format!("{name}: {e}")))?;
    if bytes.len() as u64 > MAX_PART {
        return Err(ImportError::BadDocx(format!(
            "{name} inflates to more than 256 MB"
        )));
    }
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|_| ImportError::BadDocx(format!("{name} is not UTF-8")))
}

/// The text of a `.docx`.
pub fn to_text(bytes: &[u8]) -> Result<String, ImportError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| ImportError::BadDocx(format!("it is not a readable zip archive ({e})")))?;
    let Some(document) = part(&mut zip, "word/document.xml")? else {
        // A zip, but not a Word document (an .xlsx, an .odt, any archive).
        return Err(ImportError::Unsupported(
            "a zip archive that is not a Word document",
        ));
    };
    let numbering = part(&mut zip, "word/numbering.xml")?
        .map(|x| Numbering::read(&x))
        .unwrap_or_default();
    document_text(&document, &numbering)
}

/// An attribute by local name (`w:numId` → `numId`), its value normalised as XML 1.0 says.
fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        (a.key.local_name().as_ref() == name)
            .then(|| {
                a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    .map(|v| v.into_owned())
                    .ok()
            })
            .flatten()
    })
}

/// The `w:val` attribute of an element.
fn val(e: &BytesStart) -> Option<String> {
    attr(e, "val")
}

/// Is a toggle property (`<w:b/>`, `<w:b w:val="0"/>`) on?
fn toggle_on(e: &BytesStart) -> bool {
    !matches!(val(e).as_deref(), Some("0" | "false" | "off" | "none"))
}

/// One level of a list: its number format, its label template (`%1.`), its first number.
#[derive(Debug, Clone, Default)]
struct Level {
    format: String,
    text: String,
    start: u32,
}

/// What `word/numbering.xml` says: each list (`numId`) and its levels.
#[derive(Debug, Default)]
struct Numbering {
    /// abstractNumId → levels by ilvl.
    abstract_levels: HashMap<String, HashMap<u32, Level>>,
    /// numId → abstractNumId, and start overrides by ilvl.
    nums: HashMap<String, (String, HashMap<u32, u32>)>,
}

impl Numbering {
    fn read(xml: &str) -> Numbering {
        let mut n = Numbering::default();
        let mut r = Reader::from_str(xml);
        let mut abs: Option<String> = None;
        let mut num: Option<String> = None;
        let mut level: Option<(u32, Level)> = None;
        let mut override_level: Option<u32> = None;
        loop {
            let (e, empty) = match r.read_event() {
                Ok(Event::Start(e)) => (e, false),
                Ok(Event::Empty(e)) => (e, true),
                Ok(Event::End(e)) => {
                    match e.local_name().as_ref() {
                        "lvl" => {
                            if let (Some(a), Some((i, l))) = (&abs, level.take()) {
                                n.abstract_levels.entry(a.clone()).or_default().insert(i, l);
                            }
                        }
                        "abstractNum" => abs = None,
                        "num" => num = None,
                        "lvlOverride" => override_level = None,
                        _ => {}
                    }
                    continue;
                }
                Ok(Event::Eof) | Err(_) => break,
                _ => continue,
            };
            match e.local_name().as_ref() {
                "abstractNum" if !empty => abs = attr(&e, "abstractNumId"),
                "lvl" if !empty && abs.is_some() => {
                    let i = attr(&e, "ilvl").and_then(|v| v.parse().ok()).unwrap_or(0);
                    level = Some((
                        i,
                        Level {
                            start: 1,
                            ..Level::default()
                        },
                    ));
                }
                "start" => {
                    if let Some((_, l)) = &mut level {
                        l.start = val(&e).and_then(|v| v.parse().ok()).unwrap_or(1);
                    }
                }
                "numFmt" => {
                    if let Some((_, l)) = &mut level {
                        l.format = val(&e).unwrap_or_default();
                    }
                }
                "lvlText" => {
                    if let Some((_, l)) = &mut level {
                        l.text = val(&e).unwrap_or_default();
                    }
                }
                "num" if !empty => {
                    num = attr(&e, "numId");
                }
                "abstractNumId" => {
                    if let (Some(id), Some(a)) = (&num, val(&e)) {
                        n.nums.entry(id.clone()).or_default().0 = a;
                    }
                }
                "lvlOverride" if !empty => {
                    override_level = attr(&e, "ilvl").and_then(|v| v.parse().ok());
                }
                "startOverride" => {
                    if let (Some(id), Some(i), Some(s)) =
                        (&num, override_level, val(&e).and_then(|v| v.parse().ok()))
                    {
                        n.nums.entry(id.clone()).or_default().1.insert(i, s);
                    }
                }
                _ => {}
            }
        }
        n
    }

    /// The level of list `num_id` at `ilvl`, with its first number.
    fn level(&self, num_id: &str, ilvl: u32) -> Option<Level> {
        let (abs, overrides) = self.nums.get(num_id)?;
        let mut l = self.abstract_levels.get(abs)?.get(&ilvl)?.clone();
        if let Some(&s) = overrides.get(&ilvl) {
            l.start = s;
        }
        Some(l)
    }
}

/// Arabic letters in abjad order (أبجد هوز …) and in alphabetical order, for lettered lists.
const ABJAD: [char; 28] = [
    'أ', 'ب', 'ج', 'د', 'ه', 'و', 'ز', 'ح', 'ط', 'ي', 'ك', 'ل', 'م', 'ن', 'س', 'ع', 'ف', 'ص', 'ق',
    'ر', 'ش', 'ت', 'ث', 'خ', 'ذ', 'ض', 'ظ', 'غ',
];
const ALPHA: [char; 28] = [
    'أ', 'ب', 'ت', 'ث', 'ج', 'ح', 'خ', 'د', 'ذ', 'ر', 'ز', 'س', 'ش', 'ص', 'ض', 'ط', 'ظ', 'ع', 'غ',
    'ف', 'ق', 'ك', 'ل', 'م', 'ن', 'ه', 'و', 'ي',
];

/// A number in a list format (`decimal`, `arabicAbjad`, `lowerLetter` …).
fn format_number(n: u32, format: &str) -> String {
    // Letters repeat after the last one (Word doubles them; one letter is enough to read).
    let k = (n.max(1) - 1) as usize;
    let latin = |first: u8| char::from(first + (k % 26) as u8).to_string();
    match format {
        "arabicAbjad" => ABJAD[k % ABJAD.len()].to_string(),
        "arabicAlpha" => ALPHA[k % ALPHA.len()].to_string(),
        "lowerLetter" => latin(b'a'),
        "upperLetter" => latin(b'A'),
        "hindiNumbers" | "arabicIndic" => n
            .to_string()
            .chars()
            .map(|d| char::from_u32(0x0660 + d.to_digit(10).unwrap_or(0)).unwrap_or(d))
            .collect(),
        _ => n.to_string(),
    }
}

/// Where the reader is inside the document.
#[derive(Default)]
struct State {
    out: String,
    /// The paragraph being read.
    para: String,
    /// Its list membership (numId, ilvl), from `w:numPr`.
    num: (Option<String>, u32),
    /// Run properties: bold, and whether the run is inside `w:rPr`.
    run_bold: bool,
    in_rpr: bool,
    in_ppr: bool,
    /// A `**` is open in the paragraph.
    bold_open: bool,
    in_text: bool,
    /// Cell texts of the table row being read, and the cell being read.
    row: Option<Vec<String>>,
    cell: Option<String>,
    /// List counters: numId → number at each level.
    counters: HashMap<String, Vec<u32>>,
}

impl State {
    fn push_text(&mut self, t: &str) {
        if t.is_empty() {
            return;
        }
        if self.run_bold != self.bold_open && !t.trim().is_empty() {
            self.para.push_str("**");
            self.bold_open = self.run_bold;
        }
        self.para.push_str(t);
    }

    /// The label Word would draw before this paragraph, when it is in a list.
    fn label(&mut self, numbering: &Numbering) -> Option<String> {
        let (Some(id), ilvl) = (self.num.0.clone(), self.num.1) else {
            return None;
        };
        if id == "0" {
            return None; // numId 0: numbering switched off
        }
        let level = numbering.level(&id, ilvl).unwrap_or(Level {
            format: if ilvl == 0 { "decimal" } else { "arabicAbjad" }.into(),
            text: format!("%{}-", ilvl + 1),
            start: 1,
        });
        let counters = self.counters.entry(id.clone()).or_default();
        let i = ilvl as usize;
        if counters.len() <= i {
            counters.resize(i + 1, 0);
        }
        counters[i] = if counters[i] == 0 {
            level.start
        } else {
            counters[i].saturating_add(1) // a hostile start value must not overflow
        };
        counters.truncate(i + 1); // deeper levels restart
        if level.format == "bullet" || level.format == "none" {
            return (level.format == "bullet").then(|| "-".to_string());
        }
        let mut label = level.text.clone();
        for (k, &c) in counters.iter().enumerate() {
            let fmt = if k == i {
                level.format.clone()
            } else {
                numbering
                    .level(&id, k as u32)
                    .map_or_else(|| "decimal".into(), |l| l.format)
            };
            label = label.replace(&format!("%{}", k + 1), &format_number(c, &fmt));
        }
        Some(label)
    }

    fn end_paragraph(&mut self, numbering: &Numbering) {
        if self.bold_open {
            self.para.push_str("**");
            self.bold_open = false;
        }
        let mut text = std::mem::take(&mut self.para);
        if let Some(label) = self.label(numbering) {
            if !text.trim().is_empty() {
                text = format!("{label} {text}");
            }
        }
        self.num = (None, 0);
        match &mut self.cell {
            Some(cell) => {
                if !cell.is_empty() && !text.is_empty() {
                    cell.push(' ');
                }
                cell.push_str(&text);
            }
            None => {
                self.out.push_str(&text);
                self.out.push('\n');
            }
        }
    }
}

fn document_text(xml: &str, numbering: &Numbering) -> Result<String, ImportError> {
    let mut r = Reader::from_str(xml);
    let mut s = State::default();
    loop {
        let event = r
            .read_event()
            .map_err(|e| ImportError::BadDocx(format!("word/document.xml: {e}")))?;
        match event {
            Event::Start(e) => start(&mut s, &e, false),
            Event::Empty(e) => {
                start(&mut s, &e, true);
                if e.local_name().as_ref() == "p" {
                    s.end_paragraph(numbering); // <w:p/>: an empty paragraph, an empty line
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                "p" => s.end_paragraph(numbering),
                "rPr" => s.in_rpr = false,
                "pPr" => s.in_ppr = false,
                "r" => s.run_bold = false,
                "t" => s.in_text = false,
                "tc" => {
                    if let (Some(row), Some(cell)) = (&mut s.row, s.cell.take()) {
                        row.push(cell);
                    }
                }
                "tr" => {
                    if let Some(row) = s.row.take() {
                        s.out.push_str(&row.join("\t"));
                        s.out.push('\n');
                    }
                }
                _ => {}
            },
            Event::Text(t) if s.in_text => {
                let t = t.xml10_content();
                s.push_text(&t);
            }
            Event::GeneralRef(g) if s.in_text => {
                let c = match g.resolve_char_ref() {
                    Ok(Some(c)) => Some(c),
                    _ => match g.xml10_content().as_ref() {
                        "amp" => Some('&'),
                        "lt" => Some('<'),
                        "gt" => Some('>'),
                        "quot" => Some('"'),
                        "apos" => Some('\''),
                        _ => None,
                    },
                };
                if let Some(c) = c {
                    s.push_text(c.encode_utf8(&mut [0; 4]));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(s.out)
}

/// An opening (or, with `empty`, a self-closing) element.
fn start(s: &mut State, e: &BytesStart, empty: bool) {
    match e.local_name().as_ref() {
        "rPr" if !empty => s.in_rpr = true,
        "pPr" if !empty => s.in_ppr = true,
        // Either flag makes the run bold: Word sets bCs for Arabic (complex script) text.
        "b" | "bCs" if s.in_rpr && toggle_on(e) => s.run_bold = true,
        "r" => s.run_bold = false,
        "t" if !empty => s.in_text = true,
        // In paragraph properties, `w:tab` is a tab stop, not a tab.
        "tab" if !s.in_ppr && !s.in_rpr => s.push_text("\t"),
        "br" | "cr" if !s.in_ppr => s.push_text("\n"),
        "noBreakHyphen" => s.push_text("-"),
        // Word has nine list levels (0–8); a larger number (a hostile file) is read as the last,
        // never used to size the counters.
        "ilvl" if s.in_ppr => {
            s.num.1 = val(e)
                .and_then(|v| v.parse::<u32>().ok())
                .unwrap_or(0)
                .min(MAX_LEVEL)
        }
        "numId" if s.in_ppr => s.num.0 = val(e),
        "tr" if !empty => s.row = Some(Vec::new()),
        "tc" if !empty => s.cell = Some(String::new()),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::format_number;

    #[test]
    fn list_numbers_are_written_in_their_format() {
        assert_eq!(format_number(2, "arabicAbjad"), "ب", "abjad: أ ب ج د");
        assert_eq!(format_number(3, "arabicAbjad"), "ج");
        assert_eq!(
            format_number(3, "arabicAlpha"),
            "ت",
            "alphabetical: أ ب ت ث"
        );
        assert_eq!(
            format_number(27, "lowerLetter"),
            "a",
            "letters start again after z"
        );
        assert_eq!(format_number(2, "upperLetter"), "B");
        assert_eq!(format_number(12, "hindiNumbers"), "١٢");
        assert_eq!(format_number(12, "decimal"), "12");
    }
}
