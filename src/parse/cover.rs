//! The cover: organisation, document symbol, title, session, theme, place, Hijri and Gregorian
//! dates. Every line before the table of contents (or the first resolution) is kept, each with the
//! role the parser gave it.

use super::line::LineInfo;
use crate::model::{CoverLine, CoverRole, Session, Span};

const HIJRI_MONTHS: [&str; 12] = [
    "محرم",
    "صفر",
    "ربيع",
    "جمادي",
    "رجب",
    "شعبان",
    "رمضان",
    "شوال",
    "القعده",
    "الحجه",
    "الاول",
    "الاخر",
];
const GREGORIAN_MONTHS: [&str; 24] = [
    "يناير",
    "فبراير",
    "مارس",
    "ابريل",
    "مايو",
    "يونيو",
    "يوليو",
    "اغسطس",
    "سبتمبر",
    "اكتوبر",
    "نوفمبر",
    "ديسمبر",
    "كانون",
    "شباط",
    "اذار",
    "نيسان",
    "ايار",
    "حزيران",
    "تموز",
    "اب",
    "ايلول",
    "تشرين",
    "جانفي",
    "فيفري",
];

pub fn read(src: &str, lines: &[LineInfo]) -> Session {
    let mut s = Session::default();
    let mut title: Vec<String> = Vec::new();
    for l in lines {
        let text = l.display().trim().to_string();
        // Cover lines are few and short: read them whole.
        let n = &crate::text::normalize(&text);
        let words = words(n);
        let has_year = words
            .iter()
            .any(|w| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
            || n.contains("14") && n.contains("ه");
        let role = if s.organisation.is_none() && n.contains("منظمه") && n.chars().count() < 80
        {
            s.organisation = Some(text.clone());
            CoverRole::Organisation
        } else if s.symbol.is_none() && n.contains('/') && n.is_ascii() && !n.contains(' ') {
            s.symbol = Some(text.clone());
            CoverRole::Symbol
        } else if n.contains("دوره:") || n.contains("دوره :") {
            let inner = text.trim_matches(['(', ')', ' ']);
            let theme = inner.split_once([':']).map_or(inner, |(_, t)| t).trim();
            s.theme = Some(theme.to_string());
            CoverRole::Theme
        } else if s.number.is_none()
            && words
                .first()
                .is_some_and(|w| *w == "الدوره" || *w == "للدوره")
        {
            s.number = ordinal(&words[1..]);
            title.push(text.clone());
            CoverRole::Session
        } else if has_year && words.iter().any(|w| GREGORIAN_MONTHS.contains(w)) || n.contains("م)")
        {
            s.date_gregorian = Some(text.trim_matches(['(', ')', ' ']).to_string());
            CoverRole::DateGregorian
        } else if has_year
            && (words.contains(&"ه") || words.iter().any(|w| HIJRI_MONTHS.contains(w)))
        {
            s.date_hijri = Some(text.clone());
            CoverRole::DateHijri
        } else if s.place.is_none() && (n.contains(" - ") || n.contains(" – ")) && !has_year {
            s.place = Some(text.clone());
            CoverRole::Place
        } else {
            title.push(text.clone());
            CoverRole::Title
        };
        if s.number.is_none() && role != CoverRole::Session {
            // «مؤتمر وزراء الخارجية الإسلامي التاسع والثلاثون», «… الصادرة عن الدورة العشرين».
            s.number = session_ordinal(&words);
        }
        let _ = src;
        s.lines.push(CoverLine {
            role,
            text,
            span: Span::new(l.start, l.end()),
        });
    }
    if !title.is_empty() {
        s.title = Some(title.join(" "));
    }
    if s.number.is_none() {
        s.number = s.symbol.as_deref().and_then(symbol_session);
    }
    s
}

/// The words of a short normalised text (a cover line, an enacting formula), punctuation dropped.
pub fn words(n: &str) -> Vec<&str> {
    n.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect()
}

/// `OIC/CFM-44/2017/POL/RES/FINAL` → 44.
fn symbol_session(sym: &str) -> Option<u32> {
    let i = sym.find("CFM-")? + 4;
    let d: String = sym[i..].chars().take_while(char::is_ascii_digit).collect();
    d.parse().ok()
}

/// An Arabic ordinal in words, as in «الدورة الرابعة والأربعين» → 44, «الحادية عشرة» → 11, and
/// in the masculine that older sessions use of the «مؤتمر»: «التاسع والثلاثون» → 39, «العشرين» → 20.
pub fn ordinal(words: &[&str]) -> Option<u32> {
    // Feminine and masculine forms, normalised (ة → ه, ى → ي, أ → ا).
    const UNITS: [(&str, u32); 22] = [
        ("الاولي", 1),
        ("الحاديه", 1),
        ("الثانيه", 2),
        ("الثالثه", 3),
        ("الرابعه", 4),
        ("الخامسه", 5),
        ("السادسه", 6),
        ("السابعه", 7),
        ("الثامنه", 8),
        ("التاسعه", 9),
        ("العاشره", 10),
        ("الاول", 1),
        ("الحادي", 1),
        ("الثاني", 2),
        ("الثالث", 3),
        ("الرابع", 4),
        ("الخامس", 5),
        ("السادس", 6),
        ("السابع", 7),
        ("الثامن", 8),
        ("التاسع", 9),
        ("العاشر", 10),
    ];
    // Tens, in the genitive/accusative (-ين) and the nominative (-ون).
    const TENS: [(&str, u32); 8] = [
        ("العشر", 20),
        ("الثلاث", 30),
        ("الاربع", 40),
        ("الخمس", 50),
        ("الست", 60),
        ("السبع", 70),
        ("الثمان", 80),
        ("التسع", 90),
    ];
    let tens = |w: &str| {
        let stem = w.strip_suffix("ين").or_else(|| w.strip_suffix("ون"))?;
        TENS.iter().find(|(t, _)| *t == stem).map(|(_, v)| *v)
    };
    let mut total = 0;
    let mut any = false;
    for w in words.iter().take(4) {
        let w = w
            .strip_prefix('و')
            .filter(|r| r.starts_with("ال"))
            .unwrap_or(w);
        if let Some((_, v)) = UNITS.iter().find(|(u, _)| *u == w) {
            total += v;
            any = true;
        } else if let Some(v) = tens(w) {
            total += v;
            any = true;
        } else if (w == "عشره" || w == "عشر") && any {
            total += 10;
        } else {
            break;
        }
    }
    any.then_some(total)
}

/// Words after which a session's ordinal is written: «الدورة الرابعة والأربعين», «في دورته
/// التاسعة والثلاثين», «المؤتمر الإسلامي العشرين», «مؤتمر وزراء الخارجية الإسلامي التاسع».
const BEFORE_SESSION_ORDINAL: [&str; 6] =
    ["الدوره", "للدوره", "دورته", "دورتها", "الاسلامي", "للمؤتمر"];

/// The session's number where a line of normalised words names it by its ordinal.
pub fn session_ordinal(words: &[&str]) -> Option<u32> {
    (1..words.len())
        .filter(|&k| BEFORE_SESSION_ORDINAL.contains(&words[k - 1]))
        .find_map(|k| ordinal(&words[k..]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize;

    fn ord(s: &str) -> Option<u32> {
        let n = normalize(s);
        let w: Vec<&str> = n.split(' ').collect();
        ordinal(&w)
    }

    #[test]
    fn reads_session_ordinals() {
        assert_eq!(ord("الرابعة والأربعين لمجلس"), Some(44));
        assert_eq!(ord("الحادية عشرة"), Some(11));
        assert_eq!(ord("الخامسة والأربعين"), Some(45));
        assert_eq!(ord("العاشرة"), Some(10));
        assert_eq!(ord("لمجلس"), None);
        assert_eq!(ord("التاسع والثلاثون"), Some(39));
        assert_eq!(ord("العشرين لوزراء"), Some(20));
        assert_eq!(ord("الحادي عشر"), Some(11));
        assert_eq!(ord("الخامسة والثلاثين"), Some(35));
        assert_eq!(ord("العشر"), None, "a tens stem alone is not a number");
        assert_eq!(symbol_session("OIC/CFM-44/2017/POL/RES/FINAL"), Some(44));
    }
}
