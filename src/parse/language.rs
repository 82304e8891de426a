//! Which edition a text is: Arabic, English or French. The script tells Arabic from the others;
//! between English and French, the small words that every sentence of the genre uses.

use crate::model::Language;
use crate::text::floor_char_boundary;

/// What the first 64 KiB of a text say about its language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    /// Mostly Arabic letters, or too few letters to tell (read as Arabic, as always).
    Arabic,
    /// Mostly Latin letters, in one of the two Latin editions.
    Latin(Language),
    /// Mostly Latin letters, in neither English nor French (how many letters).
    OtherLatin,
}

/// The language of `text`, from its head.
pub fn detect(text: &str) -> Script {
    let head = &text[..floor_char_boundary(text, 1 << 16)];
    let (mut arabic, mut latin) = (0usize, 0usize);
    for c in head.chars() {
        match c {
            '\u{0600}'..='\u{06FF}' | '\u{FB50}'..='\u{FEFF}' => arabic += 1,
            'a'..='z' | 'A'..='Z' | '\u{00C0}'..='\u{017F}' => latin += 1,
            _ => {}
        }
    }
    if latin < 200 || latin < 4 * arabic {
        return Script::Arabic;
    }
    // Words every English or French paragraph of the genre is full of; none is a word of the
    // other language (French «de», «la», «en» stay out: English has «de facto», «la», «en route»).
    const ENGLISH: [&str; 8] = ["the", "of", "and", "to", "its", "with", "for", "on"];
    const FRENCH: [&str; 8] = ["le", "les", "des", "du", "et", "sur", "aux", "pour"];
    let (mut en, mut fr) = (0usize, 0usize);
    for w in head
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| (2..=4).contains(&w.len()))
    {
        let w = w.to_ascii_lowercase();
        en += usize::from(ENGLISH.contains(&w.as_str()));
        fr += usize::from(FRENCH.contains(&w.as_str()));
    }
    // These function words are a tenth or more of running text in either language: a text with
    // fewer than one in twelve (by letters / 5, a word's length) is in another language, or is not
    // running text at all.
    let words = latin / 5;
    if en.max(fr) * 12 < words {
        return Script::OtherLatin;
    }
    Script::Latin(if en >= fr {
        Language::English
    } else {
        Language::French
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_the_three_editions_and_other_languages_apart() {
        let en = "Recalling the resolutions of the Council of Foreign Ministers on the situation \
                  in Somalia and the role of its Member States, ";
        let fr = "Rappelant les résolutions du Conseil des ministres des Affaires étrangères sur \
                  la situation en Somalie et le rôle des États membres, ";
        let de =
            "Unter Hinweis auf die Beschlüsse des Rates der Außenminister zur Lage in Somalia \
                  und die Rolle seiner Mitgliedstaaten, ";
        let ar = "إذ يستذكر قرارات مجلس وزراء الخارجية بشأن الوضع في الصومال، ";
        assert_eq!(detect(&en.repeat(5)), Script::Latin(Language::English));
        assert_eq!(detect(&fr.repeat(5)), Script::Latin(Language::French));
        assert_eq!(
            detect(&de.repeat(5)),
            Script::OtherLatin,
            "German should be told apart, not read as English"
        );
        assert_eq!(detect(&ar.repeat(20)), Script::Arabic);
        assert_eq!(
            detect(&format!("{}{}", ar.repeat(40), en)),
            Script::Arabic,
            "an Arabic text with an English line stays Arabic"
        );
        assert_eq!(detect(""), Script::Arabic, "nothing to tell: as before");
    }
}
