//! Resolutions cited in a paragraph: OIC resolutions (`43/4-س`), UN Security Council resolutions
//! (`822 (1993)`, «قرار مجلس الأمن رقم 2334»), and General Assembly or Human Rights Council
//! resolutions (`67/19`, «قرار مجلس حقوق الإنسان رقم 18/16»).

use super::scan::resolution_id;
use crate::model::{Reference, ReferenceKind};
use crate::text::inline::{strip_marks, Para};
use crate::text::normalize::SourceMap;

/// Words for "resolution(s)" that a Security Council resolution's number follows.
const RESOLUTION_WORDS: [&str; 6] = ["قرار", "القرار", "قراري", "القرارين", "القرارات", "قرارات"];

/// The references in one paragraph, in text order.
pub fn references(src: &str, para: &Para) -> Vec<Reference> {
    let s = para.norm_text();
    let b = s.as_bytes();
    // Most paragraphs cite nothing: no digit, no reference.
    if !super::scan::has_ascii_digit(b) {
        return Vec::new();
    }
    // Which body a bare number belongs to is asked only when a number needs it: searching every
    // paragraph with a digit for these phrases was most of this function's cost.
    let mut security_council = None;
    let mut un_body = None;
    // Where the last Security Council reference ended, for lists («القرارات 242 و338 و1397»).
    let mut last_council_end = None;
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        // To the next digit in one tight loop (a paragraph is mostly letters).
        let Some(k) = b[i..].iter().position(u8::is_ascii_digit) else {
            break;
        };
        i += k;
        if i > 0 && b[i - 1].is_ascii_digit() {
            i += 1;
            continue;
        }
        let src_at = |n: usize| para.source(n);
        let reference = |kind, from: usize, to: usize, id: String| Reference {
            kind,
            text: strip_marks(&src[src_at(from)..src_at(to).max(src_at(from))]),
            id,
            start: src_at(from),
            end: src_at(to),
        };
        if let Some((session, number, (cs, ce), end)) = resolution_id(s, i) {
            if ce > cs {
                let committee = &src[src_at(cs)..para.source_end(src, ce)];
                out.push(reference(
                    ReferenceKind::Oic,
                    i,
                    end,
                    format!(
                        "{session}/{number}-{}",
                        crate::text::unshape(committee.trim())
                    ),
                ));
            } else if *un_body
                .get_or_insert_with(|| s.contains("الجمعيه العامه") || s.contains("حقوق الانسان"))
            {
                out.push(reference(
                    ReferenceKind::UnResolution,
                    i,
                    end,
                    format!("{session}/{number}"),
                ));
            }
            i = end.max(i + 1);
            continue;
        }
        let j = s[i..]
            .find(|c: char| !c.is_ascii_digit())
            .map_or(s.len(), |k| i + k);
        let digits = j - i;
        if (1..=4).contains(&digits)
            && *security_council.get_or_insert_with(|| s.contains("مجلس الامن"))
        {
            // `822 (1993)`: a resolution number with its year.
            let rest = &s[j..];
            let t = rest.trim_start();
            let year = t.strip_prefix('(').and_then(|t| {
                let d = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
                (d == 4 && t[d..].starts_with(')')).then_some(d)
            });
            let before = s[..i].trim_end();
            let word_before = |w: &str| {
                before
                    .strip_suffix(w)
                    .is_some_and(|r| r.is_empty() || r.ends_with(' '))
            };
            let after_resolution = RESOLUTION_WORDS.iter().any(|w| word_before(w));
            // «رقم 47»: short numbers only where «رقم» follows the Council or a resolution (a
            // paragraph's or an article's number is also «رقم 2»); longer ones after any «رقم».
            let after_number_word = before.strip_suffix("رقم").is_some_and(|r| {
                let r = r.trim_end();
                digits >= 3
                    || RESOLUTION_WORDS
                        .iter()
                        .chain(&["الامن", "الدولي"])
                        .any(|w| r.ends_with(w))
            });
            // «قرار مجلس الأمن 2334»: the number right after the Council's name.
            let after_council = before.ends_with("مجلس الامن") || before.ends_with("الامن الدولي");
            // «… رقم 47 و122»: the next number of a list that cites the Council.
            let listed = last_council_end.is_some_and(|e: usize| {
                s.get(e..i)
                    .is_some_and(|gap| gap.trim_matches([' ', '،', ',', 'و']).is_empty())
            });
            let end = match year {
                Some(d) => Some(j + (rest.len() - t.len()) + 1 + d + 1),
                None if after_resolution || after_number_word || after_council || listed => Some(j),
                None => None,
            };
            if let Some(end) = end {
                out.push(reference(
                    ReferenceKind::SecurityCouncil,
                    i,
                    end,
                    format!("S/RES/{}", &s[i..j]),
                ));
                last_council_end = Some(end);
                i = end;
                continue;
            }
        }
        i = j;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refs(s: &str) -> Vec<(ReferenceKind, String)> {
        let p = Para::build([(0, s)]);
        references(s, &p)
            .into_iter()
            .map(|r| (r.kind, r.id))
            .collect()
    }

    #[test]
    fn oic_and_security_council_references() {
        assert_eq!(
            refs("إذ يستذكر القرارين رقم 38/39-س و38/40-س"),
            vec![
                (ReferenceKind::Oic, "38/39-س".into()),
                (ReferenceKind::Oic, "38/40-س".into())
            ]
        );
        assert_eq!(
            refs("بتنفيذ قرارات مجلس الأمن الدولي 822 (1993) و853 (1993)"),
            vec![
                (ReferenceKind::SecurityCouncil, "S/RES/822".into()),
                (ReferenceKind::SecurityCouncil, "S/RES/853".into())
            ]
        );
        assert_eq!(
            refs("بقرار مجلس حقوق الإنسان رقم 18/16، في عام 2017"),
            vec![(ReferenceKind::UnResolution, "18/16".into())],
            "a year alone is not a reference"
        );
        assert_eq!(
            refs("وفقاً لقرارات مجلس الأمن الدولي رقم 47 و122، وقراري المجلس 91 (1951) و 1172"),
            vec![
                (ReferenceKind::SecurityCouncil, "S/RES/47".into()),
                (ReferenceKind::SecurityCouncil, "S/RES/122".into()),
                (ReferenceKind::SecurityCouncil, "S/RES/91".into()),
                (ReferenceKind::SecurityCouncil, "S/RES/1172".into()),
            ],
            "short numbers after «مجلس الأمن رقم», lists, and numbers with their year"
        );
        assert_eq!(
            refs("يستذكر الفقرة رقم 2 من قرار مجلس الأمن 2334 والمادة 51 من الميثاق"),
            vec![(ReferenceKind::SecurityCouncil, "S/RES/2334".into())],
            "a paragraph's or an article's number is not a resolution"
        );
    }
}
