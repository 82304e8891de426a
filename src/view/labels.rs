//! The words a resolution card prints around the document's own text, in the document's language:
//! one table, a row per label, a column per edition. The page's own controls stay bilingual
//! (Arabic · English); what sits inside the document reads in its language.

use crate::model::{Language, VerbCategory};

/// A label of a resolution card.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    /// Before the id in a card's heading: «قرار 44/1-س», «Resolution 1/44-POL».
    Resolution,
    /// The preamble's summary, before its count.
    Preamble,
    /// Before the table of contents' wording of a title that differs from the body's.
    InToc,
    /// A resolution that looks cut off.
    CutOff,
    /// The toggle that shows a whole resolution while a filter is on, and back.
    ShowWhole,
    OnlyMatches,
    /// «N of M paragraphs match».
    ParagraphsMatch,
}

/// `[Arabic, English, French]` for each label.
const LABELS: [(Label, [&str; 3]); 7] = [
    (Label::Resolution, ["قرار", "Resolution", "Résolution"]),
    (Label::Preamble, ["الديباجة", "Preamble", "Préambule"]),
    (
        Label::InToc,
        ["في الفهرس:", "In the index:", "Dans le sommaire :"],
    ),
    (
        Label::CutOff,
        [
            "يبدو أن هذا القرار مبتور",
            "This resolution looks cut off",
            "Cette résolution semble tronquée",
        ],
    ),
    (
        Label::ShowWhole,
        [
            "القرار كاملاً",
            "Show the whole resolution",
            "Afficher toute la résolution",
        ],
    ),
    (
        Label::OnlyMatches,
        [
            "المطابق فقط",
            "Only what matches",
            "Seulement ce qui correspond",
        ],
    ),
    (
        Label::ParagraphsMatch,
        [
            "فقرة مطابقة من",
            "paragraphs match, of",
            "paragraphes correspondent, sur",
        ],
    ),
];

/// The label in `language`.
pub fn label(language: Language, which: Label) -> &'static str {
    let column = match language {
        Language::Arabic => 0,
        Language::English => 1,
        Language::French => 2,
    };
    LABELS
        .iter()
        .find(|(l, _)| *l == which)
        .map_or("", |(_, words)| words[column])
}

/// A verb category as the chips name it in a French document (the Arabic and English names are
/// the vocabulary's own).
const fn category_fr(c: VerbCategory) -> &'static str {
    match c {
        VerbCategory::Welcome => "Se félicite",
        VerbCategory::Commend => "Salue",
        VerbCategory::Condemn => "Condamne",
        VerbCategory::Reject => "Rejette",
        VerbCategory::Concern => "Préoccupation",
        VerbCategory::Call => "Demande",
        VerbCategory::Request => "Prie",
        VerbCategory::Decide => "Décide",
        VerbCategory::Affirm => "Affirme",
        VerbCategory::Support => "Soutient",
        VerbCategory::Note => "Prend note",
    }
}

/// A verb category's name in the document's language: `(name, English beside it)` — an Arabic
/// document's chips say both (`إدانة · Condemns`), an English or French one's its own only.
pub fn category(language: Language, c: VerbCategory) -> (&'static str, Option<&'static str>) {
    match language {
        Language::Arabic => (c.label_ar(), Some(c.label_en())),
        Language::English => (c.label_en(), None),
        Language::French => (category_fr(c), None),
    }
}

/// «12 of 56» in the document's language: `(own, English beside it)`, as [`category`].
pub fn shown_of(language: Language, n: usize, total: usize) -> (String, Option<String>) {
    match language {
        Language::Arabic => (format!("{n} من {total}"), Some(format!("{n} of {total}"))),
        Language::English => (format!("{n} of {total}"), None),
        Language::French => (format!("{n} sur {total}"), None),
    }
}

/// The writing direction of `language`, as the `dir` attribute takes it.
pub fn dir(language: Language) -> &'static str {
    if language.is_rtl() {
        "rtl"
    } else {
        "ltr"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_label_has_a_word_in_every_language() {
        for (l, words) in LABELS {
            assert!(
                words.iter().all(|w| !w.is_empty()),
                "{l:?} should have a word in each of the three languages"
            );
        }
        assert_eq!(label(Language::French, Label::Preamble), "Préambule");
        assert_eq!(dir(Language::English), "ltr");
        assert_eq!(dir(Language::Arabic), "rtl");
        assert_eq!(
            category(Language::French, VerbCategory::Condemn),
            ("Condamne", None)
        );
        assert_eq!(
            category(Language::Arabic, VerbCategory::Condemn),
            ("إدانة", Some("Condemns"))
        );
        assert_eq!(shown_of(Language::French, 2, 56).0, "2 sur 56");
    }
}
