//! Page furniture: what a converter from a paginated original (pdftotext, a print to text) leaves
//! between the pages — form feeds, page numbers, running heads and footers. It is set aside before
//! the structure is read, so that a page number is not taken for a clause's label and a running
//! head not for a paragraph (the paragraph a page break cut is then rejoined as usual). It is kept
//! in [`Document::furniture`](crate::model::Document), never dropped.
//!
//! Only what the page layout shows is taken: lines next to a form feed that are page numbers or
//! repeat at other page breaks; without form feeds, page numbers that a clause cannot own (the
//! next line does not open a clause) and that either look like page numbers (`- 12 -`, `12/40`,
//! `صفحة 3`) or count up the document one by one; and lines without a single Arabic letter that
//! repeat (`OIC/CFM-44/2017/POL/RES/FINAL`). A repeated Arabic line without form feeds could as well
//! be a formula the resolutions share, and stays text.

use std::collections::HashMap;

use super::line::{Kind, LineInfo};
use crate::model::{Diagnostic, DiagnosticCode, Document, Furniture, FurnitureKind};

/// How many lines on each side of a form feed may be furniture (a number and a head, or a head
/// and a number).
const NEAR_BREAK: usize = 2;
/// Longer lines are text, not a running head.
const MAX_HEAD_CHARS: usize = 80;
/// How many times a line without Arabic letters must repeat to be a running head.
const MIN_REPEATS: usize = 3;
/// No page number line is longer (in bytes of normalised text).
const MAX_PAGE_NUMBER_BYTES: usize = 40;
/// How many page numbers in a row, counting up by one, make undecorated numbers page numbers.
const MIN_PAGE_RUN: usize = 3;

/// Which lines (by index in `lines`) are furniture, and of what kind. `has_form_feeds`: whether
/// `src` holds a form feed at all (the document pass knows). Lines that end before `page_until`
/// are a saved web page's own, above the document (the caller knows where it starts).
#[inline(never)] // called once, its per-line tests each a function of its own: see parse/mod.rs
pub fn find(
    src: &str,
    lines: &[LineInfo],
    has_form_feeds: bool,
    page_until: usize,
) -> Vec<Option<FurnitureKind>> {
    let mut out = vec![None; lines.len()];
    if lines.is_empty() {
        return out;
    }
    mark_web_page(lines, page_until, &mut out);
    // A page break sits before line k when a form feed is in the gap before it (a trimmed line
    // loses its own leading form feed to that gap).
    let breaks: Vec<usize> = if has_form_feeds {
        (0..lines.len())
            .filter(|&k| {
                let gap_from = if k == 0 { 0 } else { lines[k - 1].end() };
                src.get(gap_from..lines[k].start)
                    .is_some_and(|g| g.contains('\u{c}'))
                    || lines[k].raw.contains('\u{c}')
            })
            .collect()
    } else {
        Vec::new()
    };
    // A number alone before a line that opens with an operative verb is that clause's label (a
    // layout the genre uses); before anything else — a labelled clause, a heading, the rest of a
    // sentence — it labels nothing.
    let opens_clause = |k: usize| lines.get(k + 1).is_some_and(|l| l.kind == Kind::Verb);

    // Next to a form feed: page numbers, and lines that repeat at other breaks.
    let near: Vec<usize> = {
        let mut v: Vec<usize> = breaks
            .iter()
            .flat_map(|&b| b.saturating_sub(NEAR_BREAK)..(b + NEAR_BREAK).min(lines.len()))
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    // A running head is at page breaks, and only there: a line that also repeats away from them
    // (the second line of an enacting formula that every resolution shares) is text that a break
    // happened to fall next to.
    let mut at_breaks: HashMap<String, usize> = HashMap::new();
    for &k in &near {
        if let Some(key) = head_key(&lines[k]) {
            *at_breaks.entry(key).or_default() += 1;
        }
    }
    let mut everywhere: HashMap<&str, usize> = HashMap::new();
    if !at_breaks.is_empty() {
        for l in lines {
            if let Some(key) = head_key(l) {
                if let Some((key, _)) = at_breaks.get_key_value(&key) {
                    *everywhere.entry(key.as_str()).or_default() += 1;
                }
            }
        }
    }
    for &k in &near {
        if page_number(lines[k].norm()).is_some() && !opens_clause(k) {
            out[k] = Some(FurnitureKind::PageNumber);
        } else if head_key(&lines[k]).is_some_and(|key| {
            let here = at_breaks.get(&key).copied().unwrap_or(0);
            here >= 2 && 2 * here >= everywhere.get(key.as_str()).copied().unwrap_or(0)
        }) {
            out[k] = Some(FurnitureKind::RunningHead);
        }
    }

    // Anywhere: page numbers that look like page numbers …
    let mut plain: Vec<(usize, u32)> = Vec::new();
    for k in 0..lines.len() {
        if out[k].is_some() || opens_clause(k) {
            continue;
        }
        match page_number(lines[k].norm()) {
            Some(PageNumber::Decorated) => out[k] = Some(FurnitureKind::PageNumber),
            Some(PageNumber::Plain(n)) => plain.push((k, n)),
            None => {}
        }
    }
    // … and plain numbers that count the pages up, one by one.
    let mut run_start = 0;
    for i in 1..=plain.len() {
        let continues = i < plain.len() && plain[i].1 == plain[i - 1].1 + 1;
        if !continues {
            if i - run_start >= MIN_PAGE_RUN {
                for &(k, _) in &plain[run_start..i] {
                    out[k] = Some(FurnitureKind::PageNumber);
                }
            }
            run_start = i;
        }
    }

    // Anywhere: lines without an Arabic letter that repeat (the document symbol as a header).
    let mut counts: HashMap<String, usize> = HashMap::new();
    // (At least one Latin letter: a number repeated alone is a clause's label in each resolution.)
    let latin_heads: Vec<(usize, String)> = (0..lines.len())
        .filter(|&k| out[k].is_none())
        .filter_map(|k| Some((k, latin_head_key(&lines[k])?)))
        .collect();
    for (_, key) in &latin_heads {
        *counts.entry(key.clone()).or_default() += 1;
    }
    for (k, key) in latin_heads {
        if counts.get(&key).copied().unwrap_or(0) >= MIN_REPEATS {
            out[k] = Some(FurnitureKind::RunningHead);
        }
    }
    out
}

/// The running-head key of a line of text without an Arabic letter and with a Latin one, if it
/// looks like a head.
#[inline(never)] // asked of every line: optimised after a few (see parse/mod.rs)
fn latin_head_key(l: &LineInfo) -> Option<String> {
    let latin = l.kind == Kind::Text
        && !l.raw.chars().any(is_arabic)
        && l.raw.chars().any(|c| c.is_ascii_alphabetic());
    if !latin || !looks_like_a_head(l.raw) {
        return None;
    }
    head_key(l)
}

/// A header or footer in Latin letters is a symbol (`OIC/CFM-46/2019/MM/RES/FINAL`), a web
/// address, or capitals (`ORGANISATION OF ISLAMIC COOPERATION`): in an English or French edition,
/// a line of running text that repeats (the same wrap of every resolution's enacting formula) is
/// text.
fn looks_like_a_head(raw: &str) -> bool {
    raw.contains('/') || !raw.contains(' ') || !raw.chars().any(char::is_lowercase)
}

fn is_arabic(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// A line that could be a running head, by its text with digits masked (page and year numbers
/// change from page to page): short, plain text, not ending as a sentence or a clause does.
#[inline(never)] // asked of every line: optimised after a few (see parse/mod.rs)
fn head_key(l: &LineInfo) -> Option<String> {
    let t = l.norm().trim();
    let short = t.chars().count() <= MAX_HEAD_CHARS;
    let sentence_end = t.ends_with(['؛', '،', '.', ':', ';', ',']);
    (matches!(l.kind, Kind::Text | Kind::NumberAlone(_) | Kind::TocColumns)
        && short
        && !sentence_end)
        .then(|| {
            t.chars()
                .map(|c| if c.is_ascii_digit() { '#' } else { c })
                .collect()
        })
}

/// What a page number line looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PageNumber {
    /// `- 12 -`, `(12)`, `12/40`, `12 من 40`, `صفحة 12`, `Page 12 of 40`: only a page is numbered so.
    Decorated,
    /// `12`: a page, or a clause whose text is on the next line.
    Plain(u32),
}

/// Reads a normalised line as a page number.
#[inline(never)] // asked of every line: optimised after a few (see parse/mod.rs)
fn page_number(s: &str) -> Option<PageNumber> {
    // The longest, «الصفحة 1234 من 1234», is 31 bytes: most lines are paragraphs, refused here
    // (lines come trimmed; a few spaces more or less do not matter).
    if s.len() > MAX_PAGE_NUMBER_BYTES {
        return None;
    }
    let s = s.trim();
    let (word, rest) = ["الصفحه", "صفحه", "page", "ص"]
        .iter()
        .find_map(|w| {
            let r = s.strip_prefix(w)?;
            r.starts_with([' ', ':', '.']).then_some((true, r))
        })
        .unwrap_or((false, s));
    // After «صفحة» a colon or a full stop is the word's; after a bare number, a clause's label.
    let core = if word {
        rest.trim_matches([' ', ':', '.'])
    } else {
        rest.trim()
    };
    let inner = core.trim_matches(['-', '(', ')', '[', ']', '|', ' ', '*']);
    let both_sides = core.len() > inner.len()
        && core.starts_with(['-', '(', '[', '|', '*'])
        && core.ends_with(['-', ')', ']', '|', '*']);
    let numbers: Vec<&str> = inner
        .split(['/', ' '])
        .filter(|p| !p.is_empty() && *p != "من" && *p != "of")
        .collect();
    let all_digits =
        |p: &str| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit());
    let between_ok = inner
        .split(|c: char| c.is_ascii_digit())
        .all(|g| matches!(g.trim(), "" | "/" | "من" | "of"));
    if numbers.is_empty()
        || numbers.len() > 2
        || !numbers.iter().all(|p| all_digits(p))
        || !between_ok
    {
        return None;
    }
    if word || numbers.len() == 2 || both_sides {
        Some(PageNumber::Decorated)
    } else if core == inner {
        numbers[0].parse().ok().map(PageNumber::Plain)
    } else {
        // `12-`, `12.`, `- 12`: a clause's label style; only a run of page numbers makes it one.
        None
    }
}

/// A saved web page's own lines: those above `page_until`, and chrome anywhere.
fn mark_web_page(lines: &[LineInfo], page_until: usize, out: &mut [Option<FurnitureKind>]) {
    for (k, l) in lines.iter().enumerate() {
        if l.end() <= page_until || is_web_page_line(l.norm()) {
            out[k] = Some(FurnitureKind::WebPage);
        }
    }
}

/// A line that no session document holds but a saved web page does: its source, its publication
/// date, a menu of links, a copyright line (normalised text).
#[inline(never)] // asked of every line: optimised after a few (see parse/mod.rs)
fn is_web_page_line(n: &str) -> bool {
    let n = n.trim();
    let starts = |p: &str| {
        n.strip_prefix(p)
            .is_some_and(|r| r.trim_start().starts_with(':'))
    };
    starts("المصدر")
        || starts("source")
        || starts("تاريخ النشر")
        || starts("published")
        || n.contains('©')
        || copyright_phrase(n)
        || (n.matches('|').count() >= 2
            && n.split('|').all(|item| item.trim().chars().count() <= 20))
}

/// Does the line say «all rights reserved» (normalised, in Arabic or English)? Asked of every
/// line: searchers built once (`str::contains` built its own for each line, a twentieth of the
/// parse's instructions on a large file).
fn copyright_phrase(n: &str) -> bool {
    static FINDERS: std::sync::OnceLock<[memchr::memmem::Finder<'static>; 2]> =
        std::sync::OnceLock::new();
    FINDERS
        .get_or_init(|| {
            ["جميع الحقوق محفوظه", "all rights reserved"].map(memchr::memmem::Finder::new)
        })
        .iter()
        .any(|f| f.find(n.as_bytes()).is_some())
}

/// Moves the page furniture (page numbers, running heads, a web page's own lines) out of `lines`
/// into `doc.furniture`, with one note that says how much was set aside.
#[inline(never)] // a stage of its own in the wasm build: see parse/mod.rs
pub fn set_aside<'a>(
    src: &str,
    lines: Vec<LineInfo<'a>>,
    has_form_feeds: bool,
    page_until: usize,
    doc: &mut Document,
) -> Vec<LineInfo<'a>> {
    let marks = find(src, &lines, has_form_feeds, page_until);
    if marks.iter().all(Option::is_none) {
        return lines;
    }
    let mut kept = Vec::with_capacity(lines.len());
    for (l, mark) in lines.into_iter().zip(marks) {
        match mark {
            Some(kind) => doc.furniture.push(Furniture {
                kind,
                text: l.raw.to_string(),
                span: l.span(),
            }),
            None => kept.push(l),
        }
    }
    let count = |k| doc.furniture.iter().filter(|f| f.kind == k).count();
    let (numbers, heads, web) = (
        count(FurnitureKind::PageNumber),
        count(FurnitureKind::RunningHead),
        count(FurnitureKind::WebPage),
    );
    if web > 0 {
        doc.diagnostics.push(Diagnostic::new(
            DiagnosticCode::PageFurniture,
            format!(
                "{web} lines of the web page the document was saved from (its site's name and \
                 menus, its own title, source, date or copyright) were set aside"
            ),
            doc.furniture
                .iter()
                .find(|f| f.kind == FurnitureKind::WebPage)
                .map(|f| f.span),
        ));
    }
    if numbers + heads == 0 {
        return kept;
    }
    doc.diagnostics.push(Diagnostic::new(
        DiagnosticCode::PageFurniture,
        format!(
            "{numbers} page numbers and {heads} running heads left between the pages by the \
             converter were set aside, so that paragraphs cut by a page break read whole"
        ),
        doc.furniture.first().map(|f| f.span),
    ));
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize;

    #[test]
    fn a_copyright_line_is_the_web_page_s_with_or_without_the_sign() {
        for line in [
            "جميع الحقوق محفوظة لمنظمة التعاون الإسلامي 2024",
            "All rights reserved, Organisation of Islamic Cooperation",
            "حقوق النشر © 2017",
        ] {
            assert!(
                is_web_page_line(&normalize(line)),
                "«{line}» should be a web page's own line"
            );
        }
        assert!(
            !is_web_page_line(&normalize("يؤكد على حقوق الشعب الفلسطيني المحفوظة جميعها")),
            "a clause about rights should not be set aside"
        );
    }

    fn page(s: &str) -> Option<PageNumber> {
        page_number(&normalize(s))
    }

    #[test]
    fn page_number_shapes() {
        use PageNumber::*;
        assert_eq!(page("- 12 -"), Some(Decorated));
        assert_eq!(page("(3)"), Some(Decorated));
        assert_eq!(page("12/40"), Some(Decorated));
        assert_eq!(page("صفحة 12 من 40"), Some(Decorated));
        assert_eq!(page("Page 3 of 9"), Some(Decorated));
        assert_eq!(page("12"), Some(Plain(12)));
        assert_eq!(page("12-"), None, "a clause's label style");
        assert_eq!(page("1."), None, "a clause's label style");
        assert_eq!(page("44/1-س"), None, "an id");
        assert_eq!(page("2017"), Some(Plain(2017)));
        assert_eq!(page("12 يدعو"), None, "a clause");
        assert_eq!(page("1 2 3"), None, "more than a page and a count");
    }

    #[test]
    fn a_page_number_before_a_labelled_clause_is_furniture() {
        let doc = "قرار رقم 44/1-س\nبشأن الوضع\nإن مجلس وزراء الخارجية،\n\
                   1. يدعو الدول الأعضاء إلى الدعم.\n- 2 -\n2. يطلب من الأمين العام المتابعة.\n";
        let d = crate::parse(doc);
        assert_eq!(d.furniture.len(), 1, "{:?}", d.furniture);
        assert_eq!(d.furniture[0].kind, FurnitureKind::PageNumber);
        assert_eq!(d.resolutions[0].operative.len(), 2);
        assert!(d.unplaced.is_empty(), "{:?}", d.unplaced);
    }

    #[test]
    fn bare_page_numbers_that_count_up_are_furniture_and_clause_numbers_are_not() {
        let mut doc = String::new();
        for (k, page) in [(1, 7), (2, 8), (3, 9)] {
            doc.push_str(&format!(
                "قرار رقم 44/{k}-س\nبشأن الوضع\nإن مجلس وزراء الخارجية،\n1\nيدعو الدول الأعضاء إلى\n\
                 {page}\nتقديم الدعم.\n2\nيطلب من الأمين العام المتابعة.\n"
            ));
        }
        let d = crate::parse(&doc);
        let pages: Vec<&str> = d.furniture.iter().map(|f| f.text.as_str()).collect();
        assert_eq!(
            pages,
            ["7", "8", "9"],
            "pages 7, 8, 9 count up across the document"
        );
        for r in &d.resolutions {
            let labels: Vec<Option<&str>> =
                r.operative.iter().map(|c| c.label.as_deref()).collect();
            assert_eq!(
                labels,
                [Some("1"), Some("2")],
                "clause numbers alone stay labels"
            );
            assert_eq!(
                r.operative[0].text, "يدعو الدول الأعضاء إلى تقديم الدعم.",
                "the clause the page break cut should read whole"
            );
        }
    }
}
