//! Small recognisers over one normalised line (see `text::normalize`; `**` marks already removed).
//! Each returns what it found and where, as byte offsets in the normalised line.

use crate::text::floor_char_boundary;
use crate::text::words::is_arabic_letter;

fn skip_spaces(s: &str, mut i: usize) -> usize {
    let b = s.as_bytes();
    while i < b.len() && (b[i] == b' ' || b[i] == b'\t') {
        i += 1;
    }
    i
}

/// Reads up to `max` ASCII digits at `i`: (value, end).
fn digits(s: &str, i: usize, max: usize) -> Option<(u32, usize)> {
    let b = s.as_bytes();
    let mut j = i;
    let mut v: u32 = 0;
    while j < b.len() && b[j].is_ascii_digit() {
        if j - i == max {
            return None;
        }
        v = v * 10 + u32::from(b[j] - b'0');
        j += 1;
    }
    (j > i).then_some((v, j))
}

fn starts_with_at(s: &str, i: usize, p: &str) -> bool {
    s.get(i..).is_some_and(|r| r.starts_with(p))
}

/// Bullets that label operative clauses in some converters' output.
const BULLETS: [char; 6] = ['◀', '►', '▶', '●', '■', '◄'];

/// An ordinal word (or two, for 11 to 19) at `i` that numbers operative clauses in older sessions
/// and summits — «أولاً» … «عاشراً», «حادي عشر» … «تاسع عشر», «عشرون» (normalised: tanwin dropped,
/// أ → ا): (value, end).
fn ordinal_word(s: &str, i: usize) -> Option<(u32, usize)> {
    let rest = s.get(i..)?;
    // The word, read once and matched whole (this runs on every line that is not numbered).
    // (Up to the first ASCII byte that is not a letter or digit: every byte of an Arabic letter
    // is above 0x7F, and asking Unicode whether each char is alphanumeric was slow.)
    let len = rest
        .bytes()
        .position(|b| b < 0x80 && !b.is_ascii_alphanumeric())
        .unwrap_or(rest.len());
    let value = match &rest[..len] {
        "اولا" => 1,
        "ثانيا" => 2,
        "ثالثا" => 3,
        "رابعا" => 4,
        "خامسا" => 5,
        "سادسا" => 6,
        "سابعا" => 7,
        "ثامنا" => 8,
        "تاسعا" => 9,
        "عاشرا" => 10,
        "عشرون" => 20,
        "حادي" => 11,
        "ثاني" => 12,
        "ثالث" => 13,
        "رابع" => 14,
        "خامس" => 15,
        "سادس" => 16,
        "سابع" => 17,
        "ثامن" => 18,
        "تاسع" => 19,
        _ => return None,
    };
    let end = i + len;
    if value <= 10 || value == 20 {
        return Some((value, end));
    }
    // «حادي» … «تاسع» number a clause only with «عشر» after them.
    let j = skip_spaces(s, end);
    let after = j + "عشر".len();
    (starts_with_at(s, j, "عشر") && !s[after..].starts_with(|c: char| c.is_alphanumeric()))
        .then_some((value, after))
}

/// An operative clause label at the start of the line: `1.` `1-` `- 1-` `- 1 -` `1)` `(1)` `◀`,
/// or an ordinal word with its separator: `أولاً-` `ثانياً:`.
/// Returns (end of the label and the spaces after it, the number when there is one).
pub fn operative_label(s: &str) -> Option<(usize, Option<u32>)> {
    let b = s.as_bytes();
    let mut i = 0;
    if b.first() == Some(&b'-') {
        i = skip_spaces(s, 1);
    }
    if let Some(c) = s[i..].chars().next() {
        if BULLETS.contains(&c) {
            let j = skip_spaces(s, i + c.len_utf8());
            return (j < s.len()).then_some((j, None));
        }
    }
    let paren = b.get(i) == Some(&b'(');
    if paren {
        i += 1;
    }
    let (n, j, word) = match digits(s, i, 3) {
        Some((n, j)) => (n, j, false),
        None => {
            let (n, j) = ordinal_word(s, i)?;
            (n, j, true)
        }
    };
    let mut j = skip_spaces(s, j);
    match b.get(j) {
        Some(b')') => j += 1,
        Some(b'.') | Some(b'-') if !paren => j += 1,
        // «أولاً: يرحب»; after a number, a colon is more often a time or a reference.
        Some(b':') if word && !paren => j += 1,
        _ => return None,
    }
    j = skip_spaces(s, j);
    // `- 1 -` closes with a second dash.
    if b.get(j) == Some(&b'-') {
        j = skip_spaces(s, j + 1);
    }
    // `16 - 17 شوال` is a date range, `1.5` a decimal, and the label must be followed by text.
    match s[j..].chars().next() {
        None => None,
        Some(c) if c.is_ascii_digit() => None,
        Some(_) => Some((j, Some(n))),
    }
}

/// «PREAMBLE:», «OPERATIVE:», «PREAMBULE», «DISPOSITIF» alone on a line: `Some(true)` for the
/// preamble's label, `Some(false)` for the operative part's.
pub fn part_label(s: &str) -> Option<bool> {
    match s.trim_end_matches([':', '.', ' ', '-']) {
        "preamble" | "preambular part" | "preambular paragraphs" | "preambule" => Some(true),
        "operative"
        | "operative part"
        | "operative paragraphs"
        | "dispositif"
        | "partie operative" => Some(false),
        _ => None,
    }
}

/// A line that is only a number (`1`, `1.`, `1-`): the label of a clause printed on the next line,
/// or a page number.
pub fn number_alone(s: &str) -> Option<u32> {
    let t = s.trim_start_matches(['-', ' ']);
    let (n, j) = digits(t, 0, 3)?;
    let rest = t[j..].trim_matches([' ', '.', '-', ')']);
    rest.is_empty().then_some(n)
}

/// A lettered sub-item label: `أ-` `ب)` `(ج)` `هـ-` `a)`. Returns the end of the label and spaces.
pub fn item_label(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = 0;
    let paren = b.first() == Some(&b'(');
    if paren {
        i = 1;
    }
    let c = s[i..].chars().next()?;
    if !(is_arabic_letter(c) || c.is_ascii_lowercase()) {
        return None;
    }
    let mut j = skip_spaces(s, i + c.len_utf8());
    match b.get(j) {
        Some(b')') => j += 1,
        Some(b'-') | Some(b'.') if !paren => j += 1,
        _ => return None,
    }
    let j = skip_spaces(s, j);
    (j < s.len() && j > i + c.len_utf8()).then_some(j)
}

/// A dashed or bulleted line without a number: `- نص`, `• نص`. Returns where the text starts.
pub fn dash(s: &str) -> Option<usize> {
    let c = s.chars().next()?;
    if !matches!(c, '-' | '•' | '·' | '▪' | '○' | '*' | '◦') {
        return None;
    }
    let j = skip_spaces(s, c.len_utf8());
    (j < s.len() && j > c.len_utf8()).then_some(j)
}

/// Does `b` hold an ASCII digit? Eight bytes at a time: most paragraphs have none, and a byte
/// loop over every paragraph was a tenth of the parse (callgrind). The test for "a byte between
/// `/` and `:`" in a word is the classic one from Sean Anderson's *Bit Twiddling Hacks*
/// (hasbetween), exact for bytes of any value.
pub fn has_ascii_digit(b: &[u8]) -> bool {
    const ONES: u64 = u64::from_ne_bytes([1; 8]);
    const LOW7: u64 = ONES * 0x7F;
    const HIGH: u64 = ONES * 0x80;
    let (m, n) = (b'0' as u64 - 1, b'9' as u64 + 1);
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let x = u64::from_ne_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        let low = x & LOW7;
        if (ONES * (127 + n)).wrapping_sub(low) & !x & (low + ONES * (127 - m)) & HIGH != 0 {
            return true;
        }
    }
    chunks.remainder().iter().any(u8::is_ascii_digit)
}

/// A resolution id `44/1-س`, `44/55 - س`, `36/45-س`, `44/1`, `2/35 – ORG`: (session, number,
/// committee byte range in `s`, end). The two numbers are returned in the order printed, which is
/// session first in most documents and number first in others (`9/20 - أت`, resolution 9 of the
/// 20th session): `parse` settles the order for the whole document (`IdOrder`).
pub fn resolution_id(s: &str, i: usize) -> Option<(u32, u32, (usize, usize), usize)> {
    let (session, j) = digits(s, i, 3)?;
    let j = skip_spaces(s, j);
    if s.as_bytes().get(j) != Some(&b'/') {
        return None;
    }
    let (number, j) = digits(s, skip_spaces(s, j + 1), 4)?;
    let mut k = skip_spaces(s, j);
    let dash = s.as_bytes().get(k) == Some(&b'-');
    if dash {
        k = skip_spaces(s, k + 1);
    }
    let cstart = k;
    let mut cend = k;
    // Arabic documents print the committee in Arabic (`س`, `أت`) or, copied from the English
    // originals, in Latin letters (`ORG`, `POL`, `S&T`; lower case once normalised).
    let latin = s[k..].starts_with(|c: char| c.is_ascii_alphabetic());
    // Latin letters after the numbers without a dash are the next word («12/3 on the …»).
    if latin && !dash {
        return Some((session, number, (j, j), j));
    }
    for (o, c) in s[k..].char_indices() {
        let part = if latin {
            c.is_ascii_alphabetic() || c == '&'
        } else {
            is_arabic_letter(c)
        };
        if part {
            cend = k + o + c.len_utf8();
        } else {
            break;
        }
    }
    // A committee suffix is one to three Arabic letters, never the start of «بشأن», or up to five
    // Latin ones.
    let letters = s[cstart..cend].chars().count();
    let max = if latin { 5 } else { 3 };
    if cend > cstart && letters <= max && !(dash && letters == 0) {
        let cend = cend + qualifier(&s[cend..]);
        Some((session, number, (cstart, cend), cend))
    } else if dash && cend == cstart {
        None
    } else {
        Some((session, number, (j, j), j))
    }
}

/// The qualifier some bodies add after the committee, as printed: summits' `(ق أ)` or `/ق أ`
/// (a few Arabic letters, spaced, in brackets or after a slash). Returns its length, 0 if none.
fn qualifier(s: &str) -> usize {
    let t = s.trim_start_matches(' ');
    let Some(open) = t.chars().next().filter(|c| matches!(c, '(' | '/')) else {
        return 0;
    };
    let inner = &t[1..];
    let end = inner
        .find(|c: char| !(is_arabic_letter(c) || c.is_ascii_lowercase() || c == ' '))
        .unwrap_or(inner.len());
    let letters = inner[..end].chars().filter(|c| *c != ' ').count();
    if !(1..=3).contains(&letters) {
        return 0;
    }
    let kept = match open {
        '(' if inner[end..].starts_with(')') => end + 1,
        '(' => return 0,
        _ => inner[..end].trim_end().len(),
    };
    s.len() - t.len() + 1 + kept
}

/// A resolution heading: `قرار رقم: 44/1-س`, `القرار الرقم 36/45-س`, `قرار: 44/56- س`, optionally
/// followed by `بشأن <title>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    pub session: u32,
    pub number: u32,
    pub committee: (usize, usize),
    /// Where the title starts, when it follows on the same line.
    pub title_at: Option<usize>,
}

pub fn heading(s: &str) -> Option<Heading> {
    if s.starts_with("resolution") {
        return latin_heading(s);
    }
    let mut i = 0;
    if starts_with_at(s, i, "ال") {
        i += "ال".len();
    }
    if !starts_with_at(s, i, "قرار") {
        return None;
    }
    i = skip_spaces(s, i + "قرار".len());
    for w in ["الرقم", "رقم"] {
        if starts_with_at(s, i, w) {
            i = skip_spaces(s, i + w.len());
            break;
        }
    }
    if s.as_bytes().get(i) == Some(&b':') {
        i = skip_spaces(s, i + 1);
    }
    let paren = s.as_bytes().get(i) == Some(&b'(');
    if paren {
        i += 1;
    }
    let (session, number, committee, mut j) = resolution_id(s, i)?;
    if paren && s.as_bytes().get(j) == Some(&b')') {
        j += 1;
    }
    let rest = skip_spaces(s, j);
    let rest_text = &s[rest..];
    let title_at = if rest_text.is_empty() {
        None
    } else if let Some(t) = bishaan(rest_text).or_else(|| {
        // «قرار رقم 27/22-س حول التضامن …»: «حول» after the id introduces the title too.
        let t = rest_text.strip_prefix("حول ")?.trim_start();
        (!t.is_empty()).then_some(Some(rest_text.len() - t.len()))
    }) {
        Some(rest + t.unwrap_or(rest_text.len()))
    } else if rest_text.trim_matches([':', '-', ' ']).is_empty() {
        None
    } else {
        // «القرار رقم 43/4-س الصادر عن …» opens a sentence that cites a resolution: not a heading.
        return None;
    };
    Some(Heading {
        session,
        number,
        committee,
        title_at,
    })
}

/// A heading of the English and French editions: `RESOLUTION NO.1/46-MM ON SAFEGUARDING …`,
/// `RESOLUTION No. 12/3`, `RESOLUTION NO.47/25-P.`, `Resolution no.58/28-p`, `RESOLUTION NO. 56/9-P
/// (IS)`, `Résolution N°1/38-ORG sur …` (normalised: lower case, accents folded).
fn latin_heading(s: &str) -> Option<Heading> {
    let mut i = skip_spaces(s, "resolution".len());
    for w in ["number", "no", "n°", "nº", "nr", "n"] {
        if starts_with_at(s, i, w) {
            i += w.len();
            break;
        }
    }
    while matches!(s.as_bytes().get(i), Some(b'.' | b':' | b' ' | b'\t')) {
        i += 1;
    }
    let (session, number, committee, j) = resolution_id(s, i)?;
    let rest = skip_spaces(s, j);
    let tail = s[rest..].trim_start_matches(['.', ':', '-', ',', ' ']);
    let at = s.len() - tail.len();
    let title_at = if tail.is_empty() {
        None
    } else if let Some(t) = latin_bishaan(tail) {
        t.map(|t| at + t)
    } else {
        // «Resolution No. 2/45-POL adopted by …» opens a sentence that cites it: not a heading.
        return None;
    };
    // A paragraph wrapped before a citation («… its resolution» / «No. 2/45-POL on … adopted by
    // the 45th Session,») reads like a heading but goes on as a sentence.
    if title_at.is_some_and(|t| {
        let title = &s[t..];
        title.contains(" adopted ") || title.contains(" adoptee") || title.ends_with(',')
    }) {
        return None;
    }
    Some(Heading {
        session,
        number,
        committee,
        title_at,
    })
}

/// The English and French «بشأن»: «ON» (or «CONCERNING», «SUR», «RELATIVE A») before a title,
/// `Some(Some(offset of the title))`, or alone at the end of a heading or on a line of its own,
/// `Some(None)`.
fn latin_bishaan(s: &str) -> Option<Option<usize>> {
    for w in [
        "on",
        "concerning",
        "regarding",
        "sur",
        "relative a",
        "relatif a",
    ] {
        let Some(r) = s.strip_prefix(w) else { continue };
        let t = r.trim_start_matches([' ', ':', '\t']);
        if t.is_empty() {
            return Some(None);
        }
        if r.len() > t.len() {
            return Some(Some(s.len() - t.len()));
        }
    }
    None
}

/// Where a title starts on a line that may open with the English or French «ON» / «SUR» (the
/// line after a heading that ends with its id), when it does.
pub fn latin_title_start(s: &str) -> Option<usize> {
    latin_bishaan(s).flatten()
}

/// «بشأن» alone (`Some(None)`) or followed by the title (`Some(Some(offset of the title))`).
/// Older sessions write «حول» ("on") in its place; alone on its line it is read the same way (a
/// line that starts with «حول» and goes on is a sentence).
pub fn bishaan(s: &str) -> Option<Option<usize>> {
    // In English and French, only alone: a line that opens with «on» and goes on is a sentence.
    if s.starts_with(|c: char| c.is_ascii_lowercase()) {
        return latin_bishaan(s).filter(Option::is_none);
    }
    if let Some(r) = s.strip_prefix("حول") {
        return r
            .trim_start_matches([' ', ':', '\t'])
            .is_empty()
            .then_some(None);
    }
    let r = s.strip_prefix("بشان")?;
    let t = r.trim_start_matches([' ', ':', '\t']);
    if t.is_empty() {
        return Some(None);
    }
    // «بشأنالوضع»: a converter lost the space before the article.
    if r.len() == t.len() && !r.starts_with("ال") {
        return None; // «بشانه» and the like
    }
    Some(Some(s.len() - t.len()))
}

/// The enacting formula: «إنّ مجلس وزراء الخارجية …», older «إن مؤتمر وزراء خارجية الدول
/// الإسلامية …», summits' «إن مؤتمر القمة الإسلامي …».
pub fn enacting(s: &str) -> bool {
    if s.starts_with(|c: char| c.is_ascii_lowercase()) {
        return latin_enacting(s);
    }
    let Some(r) = s.strip_prefix("ان ") else {
        return false;
    };
    let r = r.trim_start();
    ["مجلس", "المجلس", "موتمر", "الموتمر"].iter().any(|w| {
        r.strip_prefix(w)
            .is_some_and(|t| t.is_empty() || t.starts_with(' '))
    })
}

/// The bodies that adopt resolutions, as the English and French enacting formulas name them.
const LATIN_BODIES: [&str; 9] = [
    "council of foreign ministers",
    "conference of foreign ministers",
    "islamic conference of foreign ministers",
    "islamic summit conference",
    "islamic summit",
    "conseil des ministres des affaires etrangeres",
    "conference islamique des ministres des affaires etrangeres",
    "conference des ministres des affaires etrangeres",
    "sommet islamique",
];

/// The enacting formula of the English and French editions: «The Forty-first Session of the
/// Council of Foreign Ministers, (Session of …), held in Jeddah …», «The Islamic Conference of
/// Foreign Ministers …», «The Council of Foreign Ministers of the Organisation …, meeting in …»,
/// «The Conference:»; «Le Conseil des ministres des Affaires étrangères, réuni en sa …», «La
/// quarante et unième session du Conseil …». A sentence about the Council («The Council of
/// Foreign Ministers requests …») is not one: the body's name must end the line or be followed by
/// a comma, a bracket, or the words that say where it met.
fn latin_enacting(s: &str) -> bool {
    let rest = ["the ", "le ", "la ", "l'"]
        .iter()
        .find_map(|a| s.strip_prefix(a));
    let Some(rest) = rest else {
        return false;
    };
    let bare = rest.trim_end_matches([':', ',', ' ']);
    if matches!(
        bare,
        "conference" | "council" | "conseil" | "conference islamique"
    ) {
        return true;
    }
    // The body's name within the first words (after an ordinal session: «Forty-first Session of
    // the …», «quarante et unieme session du …»).
    let head = &rest[..floor_char_boundary(rest, 120)];
    LATIN_BODIES.iter().any(|body| {
        let Some(at) = head.find(body) else {
            return false;
        };
        // Before it: nothing, a session («Forty-first Session of the»), or an ordinal («Ninth»).
        let before = &rest[..at];
        let session = ["session of the ", "session du ", "session de la "]
            .iter()
            .any(|w| before.ends_with(w));
        if !(before.split_whitespace().count() <= 1 || session) {
            return false;
        }
        let after = rest[at + body.len()..].trim_start();
        let next = after.split([' ', ',']).next().unwrap_or("");
        after.is_empty()
            || after.starts_with([',', '(', ':'])
            || matches!(
                next,
                "of" | "held"
                    | "meeting"
                    | "at"
                    | "in"
                    | "de"
                    | "reuni"
                    | "reunie"
                    | "tenue"
                    | "lors"
                    | "en"
                    | "a"
            )
    })
}

/// The heading of a table of contents.
pub fn toc_header(s: &str) -> bool {
    let t = s.trim_matches([' ', ':', '-']);
    matches!(
        t,
        "فهرس"
            | "الفهرس"
            | "المحتويات"
            | "فهرس المحتويات"
            | "جدول المحتويات"
            | "قائمه المحتويات"
            | "الفهرست"
            | "فهرس القرارات"
            | "contents"
            | "table of contents"
            | "index"
            | "list of resolutions"
            | "index of resolutions"
            | "table des matieres"
            | "sommaire"
            | "index des resolutions"
            | "liste des resolutions"
    )
}

/// The column headings of a table of contents: `رقم  الموضوع  الصفحة`.
pub fn toc_columns(s: &str) -> bool {
    if s.starts_with(|c: char| c.is_ascii_lowercase()) {
        let cols = [
            "no",
            "no.",
            "n°",
            "subject",
            "title",
            "page",
            "titre",
            "objet",
            "resolution",
            "pages",
            "sujet",
        ];
        let words: Vec<&str> = s.split([' ', '\t']).filter(|w| !w.is_empty()).collect();
        return s.len() < 60
            && words.len() >= 2
            && words.iter().all(|w| cols.contains(w))
            && words
                .iter()
                .any(|w| matches!(*w, "subject" | "title" | "titre" | "objet" | "sujet"));
    }
    if s.len() > 160 || !(s.contains("الموضوع") || s.contains("العنوان") || s.contains("الصفحه"))
    {
        return false;
    }
    let hits = ["رقم", "الموضوع", "العنوان", "الصفحه", "الرقم", "القرار"]
        .iter()
        .filter(|w| s.split([' ', '\t']).any(|x| x == **w))
        .count();
    hits >= 2 && s.chars().count() < 60
}

/// A row of a table of contents: a number cell, a title cell, a number cell (in either order).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TocRow {
    pub first: u32,
    /// The other number cell; 0 when the row has none (an English index row wrapped before its
    /// page number).
    pub last: u32,
    /// The title cell's byte range.
    pub title: (usize, usize),
}

pub fn toc_row(s: &str) -> Option<TocRow> {
    let (first, mut j) = digits(s, 0, 4)?;
    let b = s.as_bytes();
    // «1. Resolution No.1/46-MM on … 2» (the page at the end, or on a line the row wraps to).
    if matches!(b.get(j), Some(b'.' | b')' | b'-')) {
        let title_start = skip_spaces(s, j + 1);
        let cell = &s[title_start..];
        if title_start == j + 1 || !cell.starts_with("resolution") {
            return None;
        }
        let t = cell.trim_end();
        let tail = t.trim_end_matches(|c: char| c.is_ascii_digit());
        let paged = tail.len() < t.len() && tail.ends_with([' ', '\t', '.']);
        let (last, end) = if paged {
            (
                t[tail.len()..].parse().ok()?,
                tail.trim_end_matches(['.', ' ', '\t']).len(),
            )
        } else {
            (0, t.len())
        };
        latin_heading(&cell[..end])?;
        j = title_start;
        return Some(TocRow {
            first,
            last,
            title: (j, j + end),
        });
    }
    if !matches!(b.get(j), Some(b'\t') | Some(b' ')) {
        return None;
    }
    let t = s.trim_end();
    let tail = t.trim_end_matches(|c: char| c.is_ascii_digit());
    if tail.len() == t.len() {
        return None;
    }
    let last: u32 = t[tail.len()..].parse().ok()?;
    let title_start = skip_spaces(s, j);
    let title_end = tail.trim_end().len();
    if title_end <= title_start {
        return None;
    }
    // Without tabs, a title cell must carry a resolution heading to be told from a sentence.
    let cell = &s[title_start..title_end];
    if !s.contains('\t') && heading(cell).is_none() {
        return None;
    }
    Some(TocRow {
        first,
        last,
        title: (title_start, title_end),
    })
}

/// Characters that end a sentence or a clause.
pub fn ends_closed(s: &str) -> bool {
    matches!(
        s.trim_end().chars().last(),
        Some('.' | '؛' | ';' | ':' | '!' | '?' | '…' | '۔')
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize;

    fn n(s: &str) -> String {
        normalize(s)
    }

    #[test]
    fn an_enacting_formula_cut_inside_a_letter_does_not_panic() {
        // Byte 120 of what follows «the » falls inside «é» (two bytes): the look must stop before.
        let line = format!("the {}é council of foreign ministers", "a".repeat(119));
        assert!(
            !enacting(&line),
            "should be read without panicking, and not as a formula"
        );
        assert!(enacting(&n(
            "The Forty-first Session of the Council of Foreign Ministers, held in Jeddah,"
        )));
    }

    #[test]
    fn operative_labels_in_every_style() {
        for (s, num) in [
            ("1. يرحب", Some(1)),
            ("12- يدين", Some(12)),
            ("- 3- يدعو", Some(3)),
            ("- 1 - يرحب", Some(1)),
            ("(4) يطلب", Some(4)),
            ("5) يحث", Some(5)),
            ("- ◀ يبارك", None),
            ("أولاً- يناشد", Some(1)),
            ("ثالثا - يقرر", Some(3)),
            ("عاشراً: يطلب", Some(10)),
            ("حادي عشر- يقرر", Some(11)),
        ] {
            let (_, got) =
                operative_label(&n(s)).unwrap_or_else(|| panic!("should read a label in {s}"));
            assert_eq!(got, num, "label number of {s}");
        }
        assert_eq!(
            operative_label(&n("16 - 17 شوال 1438 هـ")),
            None,
            "a date range is not a label"
        );
        assert_eq!(operative_label("44/1-س"), None, "an id is not a label");
        assert_eq!(
            operative_label(&n("ثانيا يجب")),
            None,
            "an ordinal word without its separator opens a sentence"
        );
        assert_eq!(
            operative_label(&n("ثالثاً-")),
            None,
            "a label is followed by text"
        );
        assert_eq!(
            operative_label(&n("ثانيةً- نص")),
            None,
            "only the adverbial ordinals label clauses"
        );
        assert_eq!(number_alone("7."), Some(7));
        assert_eq!(number_alone("7. يرحب"), None);
    }

    #[test]
    fn item_labels_and_dashes() {
        assert!(item_label(&n("أ- السياقات")).is_some());
        assert!(
            item_label(&n("هـ- التحرك")).is_some(),
            "هـ with tatweel is a letter label"
        );
        assert!(item_label(&n("(ب) نص")).is_some());
        assert_eq!(item_label(&n("بشأن")), None);
        assert_eq!(dash("- الكنيسة"), Some(2));
        assert_eq!(dash("-1"), None);
    }

    #[test]
    fn headings_in_several_layouts() {
        let h = heading(&n("قرار رقم: 44/1-س")).expect("colon form");
        assert_eq!((h.session, h.number, h.title_at), (44, 1, None));
        assert!(heading(&n("قرار رقم 44/11 - س")).is_some());
        assert!(heading(&n("القرار الرقم 36/45-س")).is_some());
        assert!(heading(&n("قرار: 44/56- س")).is_some());
        let s = n("قرار رقم 27/ 22 - س حول التضامن مع شعوب الساحل");
        let h = heading(&s).expect("«حول» in place of «بشأن»");
        assert_eq!(&s[h.title_at.unwrap()..], "التضامن مع شعوب الساحل");
        assert_eq!(bishaan(&n("حول")), Some(None), "«حول» alone on its line");
        assert_eq!(
            bishaan(&n("حول العالم")),
            None,
            "a line that opens with «حول»"
        );
        let s = n("القرار الرقم 2/35 – ORG");
        let h = heading(&s).expect("a Latin committee suffix, after an en dash");
        assert_eq!(
            (h.session, h.number, &s[h.committee.0..h.committee.1]),
            (2, 35, "org"),
            "should read the pair as printed and the suffix in full"
        );
        let s = n("القرار رقم 7/3 - س (ق أ)");
        let h = heading(&s).expect("a summit's qualifier after the committee");
        assert_eq!(&s[h.committee.0..h.committee.1], "س (ق ا)");
        let s = n("القرار رقم 6/3 - س /ق أ، الصادر");
        let (_, _, c, _) = resolution_id(&s, s.find('6').unwrap()).unwrap();
        assert_eq!(&s[c.0..c.1], "س /ق ا", "the qualifier after a slash");
        let s = n("قرار رقم 9 /20 - أت");
        let h = heading(&s).expect("a space before the slash");
        assert_eq!((h.session, h.number), (9, 20));
        let s = n("قرار رقم 44/35-س بشأن التعاون والتنسيق");
        let h = heading(&s).expect("heading and title on one line");
        assert_eq!(&s[h.title_at.unwrap()..], "التعاون والتنسيق");
        assert_eq!(&s[h.committee.0..h.committee.1], "س");
        assert_eq!(
            heading(&n("القرار رقم 43/4-س الصادر عن الدورة")),
            None,
            "a citation is not a heading"
        );
    }

    #[test]
    fn enacting_formula_variants() {
        for s in [
            "إنّ مجلس وزراء الخارجية، المنعقد",
            "إن مؤتمر وزراء خارجية الدول الإسلامية",
            "إنً مجلس",
        ] {
            assert!(enacting(&n(s)), "should read {s} as the enacting formula");
        }
        assert!(!enacting(&n("إن مجلسه")));
    }

    #[test]
    fn toc_rows_in_both_column_orders() {
        let s = n("1\tقرار رقم 44/1-س بشأن الوضع في الصومال\t1");
        let r = toc_row(&s).unwrap();
        assert_eq!((r.first, r.last), (1, 1));
        let r = toc_row(&n("78\tقرار رقم 44/29-س بشأن النزاع\t29")).unwrap();
        assert_eq!((r.first, r.last), (78, 29));
        assert_eq!(
            toc_row(&n("12 دولة عضوا وقعت 3")),
            None,
            "a sentence is not a row"
        );
    }
}
