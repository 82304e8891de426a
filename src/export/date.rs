//! A cover's Gregorian date («10 - 11 يوليو 2017م», "1-2 March 2019", «18 - 19 حزيران/يونيو 2014»)
//! as an ISO date (`2017-07-10`, the first day): Akoma Ntoso's FRBR dates are `xs:date`.

/// Month names as covers print them: the Egyptian/Gulf forms, the Levantine forms, English and
/// French (accents and case folded before the look-up).
const MONTHS: &[(&str, u32)] = &[
    ("يناير", 1),
    ("فبراير", 2),
    ("مارس", 3),
    ("ابريل", 4),
    ("أبريل", 4),
    ("إبريل", 4),
    ("مايو", 5),
    ("يونيو", 6),
    ("يونيه", 6),
    ("يوليو", 7),
    ("يوليه", 7),
    ("اغسطس", 8),
    ("أغسطس", 8),
    ("سبتمبر", 9),
    ("اكتوبر", 10),
    ("أكتوبر", 10),
    ("نوفمبر", 11),
    ("ديسمبر", 12),
    ("كانون الثاني", 1),
    ("شباط", 2),
    ("آذار", 3),
    ("نيسان", 4),
    ("أيار", 5),
    ("حزيران", 6),
    ("تموز", 7),
    ("آب", 8),
    ("أيلول", 9),
    ("تشرين الأول", 10),
    ("تشرين الثاني", 11),
    ("كانون الأول", 12),
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("janvier", 1),
    ("fevrier", 2),
    ("mars", 3),
    ("avril", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("decembre", 12),
];

/// The first day of `text` as `YYYY-MM-DD`, when it names a day, a month and a year; the year
/// alone is not enough (a day invented would be a fact invented).
pub fn iso_date(text: &str) -> Option<String> {
    let folded: String = text
        .chars()
        .map(|c| match c {
            '٠'..='٩' => char::from(b'0' + (c as u32 - '٠' as u32) as u8),
            'é' | 'è' | 'ê' | 'É' => 'e',
            'û' | 'ù' => 'u',
            c => c.to_ascii_lowercase(),
        })
        .collect();
    let (mut month_at, mut month) = (usize::MAX, 0);
    for &(name, m) in MONTHS {
        if let Some(k) = folded.find(name) {
            if k < month_at {
                (month_at, month) = (k, m);
            }
        }
    }
    if month == 0 {
        return None;
    }
    let numbers: Vec<(usize, u32)> = numbers(&folded);
    let year = numbers
        .iter()
        .find(|(at, n)| *at > month_at && (1900..2200).contains(n))?
        .1;
    let day = numbers
        .iter()
        .find(|(at, n)| *at < month_at && (1..=31).contains(n))?
        .1;
    Some(format!("{year:04}-{month:02}-{day:02}"))
}

/// Every run of ASCII digits in `s`, with its byte offset.
fn numbers(s: &str) -> Vec<(usize, u32)> {
    let mut out = Vec::new();
    let mut start = None;
    for (k, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
        match (c.is_ascii_digit(), start) {
            (true, None) => start = Some(k),
            (false, Some(a)) => {
                if let Ok(n) = s[a..k].parse() {
                    out.push((a, n));
                }
                start = None;
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::iso_date;

    #[test]
    fn cover_dates_become_the_first_day() {
        let cases = [
            ("10 - 11 يوليو 2017م", Some("2017-07-10")),
            ("١٨ - ١٩ حزيران/يونيو ٢٠١٤", Some("2014-06-18")),
            ("1-2 March 2019", Some("2019-03-01")),
            ("18 - 19 June 2014", Some("2014-06-18")),
            ("15 au 17 mai 2011", Some("2011-05-15")),
            ("2017", None),
            ("", None),
        ];
        for (text, want) in cases {
            assert_eq!(
                iso_date(text).as_deref(),
                want,
                "{text:?} should read as {want:?}"
            );
        }
    }
}
