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
        let latin = n.contains(|c: char| c.is_ascii_alphabetic())
            && !n.chars().any(crate::text::words::is_arabic_letter);
        // (A symbol, `OIC/CFM-46/…`, is read below as in every edition.)
        let symbol = n.contains('/') && !n.contains(' ');
        let role = if latin && !symbol {
            latin_role(&mut s, &text, &words, has_year, &mut title)
        } else if s.organisation.is_none() && n.contains("منظمه") && n.chars().count() < 80 {
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
        if s.number.is_none() && latin {
            s.number = latin_session_ordinal(&words);
        }
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

/// Month names of the English and French editions, and the Hijri months as they transliterate
/// them (normalised: lower case, accents folded).
const LATIN_MONTHS: [&str; 22] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "janvier",
    "fevrier",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "aout",
    "septembre",
    "octobre",
];
const LATIN_HIJRI: [&str; 14] = [
    "muharram", "safar", "rabi", "rabia", "jumada", "jumadah", "jumad", "rajab", "shaaban",
    "shaban", "ramadan", "ramadhan", "shawwal", "dhul",
];

/// The role of a cover line of the English or French edition; the session's facts it gives.
fn latin_role(
    s: &mut Session,
    text: &str,
    words: &[&str],
    has_year: bool,
    title: &mut Vec<String>,
) -> CoverRole {
    let has = |w: &str| words.contains(&w);
    let hijri_year = words
        .iter()
        .any(|w| w.len() == 4 && w.starts_with("14") && w.bytes().all(|b| b.is_ascii_digit()))
        || words
            .iter()
            .any(|w| w.len() == 5 && w.starts_with("14") && w.ends_with('h'));
    if s.organisation.is_none()
        && words.first().is_some_and(|w| w.starts_with("organi"))
        && (has("islamic") || has("islamique"))
        && words.len() <= 8
    {
        s.organisation = Some(text.to_string());
        CoverRole::Organisation
    } else if words.first() == Some(&"session") && text.trim_start().starts_with('(') {
        let inner = text.trim().trim_matches(['(', ')', ' ']);
        s.theme = Some(inner.to_string());
        CoverRole::Theme
    } else if hijri_year && (has("h") || words.iter().any(|w| LATIN_HIJRI.contains(w))) {
        s.date_hijri = Some(text.to_string());
        CoverRole::DateHijri
    } else if has_year
        && words
            .iter()
            .any(|w| LATIN_MONTHS.contains(w) || *w == "novembre" || *w == "decembre")
    {
        s.date_gregorian = Some(text.trim_matches(['(', ')', ' ']).to_string());
        CoverRole::DateGregorian
    } else if s.place.is_none() && !has_year && text.contains(',') && words.len() <= 8 {
        s.place = Some(text.to_string());
        CoverRole::Place
    } else {
        title.push(text.to_string());
        CoverRole::Title
    }
}

/// The session's number where an English or French line names it: «46TH SESSION», «the
/// Forty-first Session», «38ème SESSION», «la 38e session».
pub fn latin_session_ordinal(words: &[&str]) -> Option<u32> {
    const UNITS: [(&str, u32); 19] = [
        ("first", 1),
        ("second", 2),
        ("third", 3),
        ("fourth", 4),
        ("fifth", 5),
        ("sixth", 6),
        ("seventh", 7),
        ("eighth", 8),
        ("ninth", 9),
        ("tenth", 10),
        ("eleventh", 11),
        ("twelfth", 12),
        ("thirteenth", 13),
        ("fourteenth", 14),
        ("fifteenth", 15),
        ("sixteenth", 16),
        ("seventeenth", 17),
        ("eighteenth", 18),
        ("nineteenth", 19),
    ];
    const TENS: [(&str, u32); 5] = [
        ("twenty", 20),
        ("thirty", 30),
        ("forty", 40),
        ("fifty", 50),
        ("sixty", 60),
    ];
    const TENTHS: [(&str, u32); 5] = [
        ("twentieth", 20),
        ("thirtieth", 30),
        ("fortieth", 40),
        ("fiftieth", 50),
        ("sixtieth", 60),
    ];
    let find =
        |table: &[(&str, u32)], w: &str| table.iter().find(|(t, _)| *t == w).map(|(_, v)| *v);
    let k = words.iter().position(|w| *w == "session")?;
    let before = words.get(k.checked_sub(1)?)?;
    // «46th», «38eme», «38e», «1st», «1ere».
    let digits = before.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        let suffix = &before[digits.len()..];
        return matches!(
            suffix,
            "st" | "nd" | "rd" | "th" | "eme" | "e" | "er" | "ere" | ""
        )
        .then(|| digits.parse().ok())
        .flatten();
    }
    if let Some(v) = find(&TENTHS, before) {
        return Some(v);
    }
    let unit = find(&UNITS, before)?;
    let tens = k
        .checked_sub(2)
        .and_then(|j| find(&TENS, words[j]))
        .unwrap_or(0);
    Some(tens + unit)
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

    #[test]
    fn reads_english_and_french_session_ordinals() {
        let ord = |s: &str| {
            let n = normalize(s);
            latin_session_ordinal(&words(&n))
        };
        assert_eq!(ord("ADOPTED BY THE 46TH SESSION OF THE COUNCIL"), Some(46));
        assert_eq!(ord("The Forty-first Session of the Council"), Some(41));
        assert_eq!(ord("ADOPTEES PAR LA 38ème SESSION DU CONSEIL"), Some(38));
        assert_eq!(ord("THE TWENTIETH SESSION"), Some(20));
        assert_eq!(ord("THE THIRD SESSION"), Some(3));
        assert_eq!(ord("A SPECIAL SESSION"), None, "no ordinal, no number");
    }
}
