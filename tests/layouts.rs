//! Layouts other converters and older sessions produce, from hand-written fixtures.

mod common;

use common::check_lossless;
use qarar::model::{IdOrder, IdSource, ReferenceKind};

const OLDER: &str = include_str!("fixtures/older-layout.txt");
const TOC_ONLY: &str = include_str!("fixtures/toc-only-layout.txt");
const NUMBER_FIRST: &str = include_str!("fixtures/number-first-layout.txt");
const ORDINAL_LABELS: &str = include_str!("fixtures/ordinal-labels-layout.txt");

#[test]
fn older_layout_without_a_table_of_contents() {
    let d = qarar::parse(OLDER);
    check_lossless(OLDER, &d).unwrap();
    let ids: Vec<&str> = d.resolutions.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(
        ids,
        ["36/45-س", "36/46-س", "36/47-س"],
        "the third, without a heading, follows the numbering"
    );
    assert_eq!(d.resolutions[2].id_source, IdSource::NumberingOrder);
    assert!(d
        .diagnostics
        .iter()
        .any(|x| x.code.slug() == "heading-recovered-from-numbering"));
    assert!(d.unplaced.is_empty(), "{:?}", d.unplaced);
}

#[test]
fn heading_styles_and_enacting_variants() {
    let d = qarar::parse(OLDER);
    let r = &d.resolutions[0];
    assert_eq!(r.heading.as_ref().unwrap().text, "القرار الرقم 36/45-س");
    assert_eq!(
        r.title, "الوضع في جامو وكشمير",
        "«بشأن» and the title on one line"
    );
    assert!(r
        .enacting
        .as_ref()
        .unwrap()
        .text
        .starts_with("إن مؤتمر وزراء خارجية الدول الإسلامية"));
    let r = &d.resolutions[1];
    assert_eq!(
        r.title, "التضامن مع الشعب الصومالي",
        "heading and title on one line"
    );
    assert!(
        r.enacting.as_ref().unwrap().text.starts_with("إنً"),
        "the formula written إنً"
    );
    assert_eq!(
        d.resolutions[2].title, "التعاون مع منظمة الأمم المتحدة",
        "a title over two lines"
    );
}

#[test]
fn numbers_alone_on_their_line_label_the_next_line() {
    let r = &qarar::parse(OLDER).resolutions[0];
    assert_eq!(r.operative.len(), 2);
    assert_eq!(r.operative[0].number, Some(1));
    assert_eq!(
        r.operative[0].text,
        "يدعو الهند إلى احترام حقوق الإنسان للشعب الكشميري."
    );
    assert_eq!(r.operative[1].verbs[0].lemma, "يطلب");
    let openings: Vec<&str> = r
        .preamble
        .iter()
        .map(|p| p.opening.as_ref().unwrap().gloss.as_ref())
        .collect();
    assert_eq!(openings, ["Recalling", "Convinced"]);
}

#[test]
fn dashed_labels_bullets_and_lettered_items() {
    let r = &qarar::parse(OLDER).resolutions[1];
    let labels: Vec<Option<&str>> = r.operative.iter().map(|c| c.label.as_deref()).collect();
    assert_eq!(labels, [Some("- 1 -"), Some("- 2 -"), Some("- ◀")]);
    let verbs: Vec<&str> = r.operative[0]
        .verbs
        .iter()
        .map(|v| v.lemma.as_ref())
        .collect();
    assert_eq!(verbs, ["يرحب", "يحث"]);
    let items: Vec<(&str, &str)> = r.operative[1]
        .items
        .iter()
        .map(|i| (i.label.as_deref().unwrap(), i.text.as_str()))
        .collect();
    assert_eq!(
        items,
        [("أ-", "وحدة الصومال؛"), ("ب-", "سيادته على أراضيه.")],
        "lettered items stay under their clause"
    );
    assert_eq!(
        r.preamble[0].opening.as_ref().unwrap().gloss,
        "Having considered"
    );
}

#[test]
fn lines_broken_at_a_page_break_are_rejoined() {
    let r = &qarar::parse(OLDER).resolutions[2];
    assert_eq!(r.operative.len(), 2);
    assert_eq!(
        r.operative[0].text,
        "يوكد أهمية التعاون بين المنظمتين في مجال الأمن الذي يشمل بناء السلام وحفظه."
    );
    assert!(
        r.operative[0].items.is_empty(),
        "a dashed continuation is not a sub-item"
    );
    assert_eq!(
        r.operative[0].verbs.len(),
        1,
        "«الذي يشمل» is a relative clause"
    );
    assert_eq!(
        r.operative[0].verbs[0].lemma, "يؤكد",
        "the typo يوكد reads as يؤكد"
    );
    assert_eq!(
        r.operative[1].verbs.len(),
        1,
        "«التي يدعو إليها» is not an operative verb"
    );
}

#[test]
fn toc_recovers_every_heading_and_swapped_columns() {
    let d = qarar::parse(TOC_ONLY);
    check_lossless(TOC_ONLY, &d).unwrap();
    let ids: Vec<&str> = d.resolutions.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(
        ids,
        ["45/1-اق", "45/2-اق"],
        "the committee suffix is kept as printed"
    );
    assert_eq!(d.resolutions[0].id_source, IdSource::Toc);
    assert_eq!(
        d.resolutions[0].toc_title.as_deref(),
        Some("التعاون الاقتصادي")
    );
    assert!(d.toc[1].columns_swapped);
    assert_eq!((d.toc[1].number, d.toc[1].page), (Some(2), Some(5)));
}

#[test]
fn presentation_forms_and_a_file_cut_in_the_middle() {
    let d = qarar::parse(TOC_ONLY);
    let r = &d.resolutions[1];
    assert_eq!(
        r.operative[0].verbs[0].lemma, "يرحب",
        "presentation forms read like the original letters"
    );
    assert_eq!(
        r.operative[0].verbs[0].text, "\u{FEF3}\u{FEAE}\u{FEA3}\u{FE90}",
        "displayed as written"
    );
    assert!(r.incomplete, "the last resolution stops mid-sentence");
    assert!(!d.resolutions[0].incomplete);
}

#[test]
fn emphasis_is_kept_as_spans() {
    let d = qarar::parse(TOC_ONLY);
    let c = &d.resolutions[0].operative[0];
    assert_eq!(c.text, "يرحب بالتقرير.", "the marks are not in the text");
    assert_eq!(&TOC_ONLY[c.emphasis[0].start..c.emphasis[0].end], "يرحب");
}

#[test]
fn regions_in_the_older_layout() {
    let d = qarar::parse(OLDER);
    let slugs: Vec<&str> = d.resolutions[0]
        .regions
        .iter()
        .map(|g| g.slug.as_ref())
        .collect();
    assert!(
        slugs.contains(&"kashmir") && slugs.contains(&"south-asia"),
        "{slugs:?}"
    );
    assert!(
        !slugs.contains(&"india"),
        "India is named once: a mention, not a region"
    );
    let r = &d.resolutions[2];
    assert!(r.references.iter().all(|x| x.kind != ReferenceKind::Oic));
}

#[test]
fn snapshot_of_the_older_layout() {
    insta::assert_json_snapshot!(qarar::parse(OLDER));
}

#[test]
fn a_text_with_no_resolution_is_refused() {
    let err =
        qarar::parse_bytes("مرحبا بكم في موقعنا.\nهذه صفحة عن الطبخ.".as_bytes()).unwrap_err();
    assert_eq!(err, qarar::InputError::NoResolutions);
    assert!(qarar::parse_bytes(b"").is_err());
}

#[test]
fn the_english_and_french_editions_are_read_and_other_languages_refused() {
    let english = "RESOLUTION NO. 1/44-POL\nON THE SITUATION IN SOMALIA\n\
                   The Council of Foreign Ministers of the Organisation of Islamic Cooperation, \
                   meeting in its Forty-fourth Session in Abidjan,\n\
                   Recalling its previous resolutions on the situation in Somalia,\n\
                   1. Welcomes the election of the President of Somalia.\n"
        .repeat(3);
    let (doc, _) = qarar::parse_bytes(english.as_bytes()).expect("an English session is read");
    assert_eq!(doc.language, qarar::model::Language::English);
    assert_eq!(doc.resolutions[0].id, "1/44-POL");
    let french = "RÉSOLUTION N° 1/44-POL\nSUR LA SITUATION EN SOMALIE\n\
                  Le Conseil des ministres des Affaires étrangères, réuni en sa quarante-quatrième \
                  session à Abidjan,\nRappelant ses résolutions antérieures sur la Somalie,\n\
                  1. Se félicite de l'élection du Président de la Somalie.\n"
        .repeat(3);
    let (doc, _) = qarar::parse_bytes(french.as_bytes()).expect("a French session is read");
    assert_eq!(doc.language, qarar::model::Language::French);
    assert_eq!(
        doc.resolutions[0].operative[0].verbs[0].category,
        Some(qarar::model::VerbCategory::Welcome)
    );

    // English, but not a session: named as English, with what was looked for.
    let recipe = "Mix the flour and the water, then bake it for an hour in the oven. ".repeat(10);
    let err = qarar::parse_bytes(recipe.as_bytes()).unwrap_err();
    assert_eq!(
        err,
        qarar::InputError::NoResolutionsIn(qarar::model::Language::English)
    );
    assert!(
        err.to_string().contains("RESOLUTION NO."),
        "the reader should be told what was looked for: {err}"
    );
    // Another language in Latin letters, even shaped like a session: refused, never misread.
    let german = "RESOLUTION NR. 1/44-POL\nZUR LAGE IN SOMALIA\nDer Rat der Außenminister, \
                  der zu seiner vierundvierzigsten Tagung in Abidjan zusammengetreten ist,\n\
                  1. Begrüßt die Wahl des Präsidenten Somalias.\n"
        .repeat(4);
    let err = qarar::parse_bytes(german.as_bytes()).unwrap_err();
    assert_eq!(err, qarar::InputError::OtherLanguage);
    assert!(
        err.to_string().contains("neither English nor French"),
        "the message should say why: {err}"
    );
}

#[test]
fn ids_printed_number_first_are_read_as_number_and_session() {
    let d = qarar::parse(NUMBER_FIRST);
    check_lossless(NUMBER_FIRST, &d).unwrap();
    assert_eq!(
        d.session.id_order,
        IdOrder::NumberFirst,
        "1/35 and 2/35 share their second number: it is the session"
    );
    let read: Vec<(&str, u32, u32, &str)> = d
        .resolutions
        .iter()
        .map(|r| (r.id.as_str(), r.session, r.number, r.committee.as_str()))
        .collect();
    assert_eq!(
        read,
        [
            ("1/35-POL", 35, 1, "POL"),
            ("2/35-POL", 35, 2, "POL"),
            ("3/35-POL", 35, 3, "POL"),
        ],
        "ids should stay as printed, with session and number the right way round, and the \
         resolution without a heading should be numbered after the one before it"
    );
    assert_eq!(d.resolutions[2].id_source, IdSource::NumberingOrder);
    assert_eq!(d.session.number, Some(35), "the cover's masculine ordinal");
    let cited: Vec<&str> = d.resolutions[0]
        .references
        .iter()
        .map(|x| x.id.as_str())
        .collect();
    assert_eq!(
        cited,
        ["4/34-POL"],
        "a citation with a Latin suffix, as printed"
    );
    assert!(d.unplaced.is_empty(), "{:?}", d.unplaced);
}

#[test]
fn a_single_id_is_ordered_by_the_session_the_enacting_formula_names() {
    let one = "القرار رقم 7/21 – ORG\nبشأن\nتاريخ عقد الدورة القادمة\n\n\
               إن المؤتمر الإسلامي الحادي والعشرين لوزراء الخارجية المنعقد في كراتشي؛\n\n\
               1 - يقرر عقد الدورة القادمة في موعدها.\n";
    let d = qarar::parse(one);
    let r = &d.resolutions[0];
    assert_eq!(
        (r.id.as_str(), r.session, r.number),
        ("7/21-ORG", 21, 7),
        "the formula names the 21st session, so 21 is the session"
    );
    let d = qarar::parse(&one.replace("الحادي والعشرين", "السابع"));
    let r = &d.resolutions[0];
    assert_eq!(
        (r.session, r.number),
        (7, 21),
        "the formula names the 7th session, so the id prints the session first"
    );
    let d = qarar::parse(&one.replace("الحادي والعشرين ", ""));
    assert_eq!(
        (d.resolutions[0].session, d.session.id_order),
        (7, IdOrder::SessionFirst),
        "with nothing to tell, session first, as current sessions print"
    );
}

#[test]
fn ordinal_word_labels_and_hawla_in_an_older_session() {
    let d = qarar::parse(ORDINAL_LABELS);
    check_lossless(ORDINAL_LABELS, &d).unwrap();
    let r = &d.resolutions[0];
    assert_eq!(
        (r.id.as_str(), r.session, r.number),
        ("14/23-س", 23, 14),
        "the formula names the 23rd session"
    );
    assert_eq!(
        r.title, "التضامن مع شعوب منطقة الساحل",
        "«حول» alone on its line introduces the title, like «بشأن»"
    );
    let clauses: Vec<(Option<&str>, Option<u32>, &str)> = r
        .operative
        .iter()
        .map(|c| {
            (
                c.label.as_deref(),
                c.number,
                c.verbs.first().map_or("", |v| &*v.lemma),
            )
        })
        .collect();
    assert_eq!(
        clauses,
        [
            (Some("أولاً-"), Some(1), "يناشد"),
            (Some("ثانياً:"), Some(2), "يطلب"),
            (Some("ثالثا -"), Some(3), "يقرر"),
            (Some("حادي عشر-"), Some(11), "يرحب"),
        ],
        "ordinal words should label operative clauses, not be read as preamble"
    );
    let openings: Vec<&str> = r
        .preamble
        .iter()
        .filter_map(|p| p.opening.as_ref().map(|o| &*o.gloss))
        .collect();
    assert_eq!(openings, ["Having considered", "Having taken note"]);
    assert!(d.unplaced.is_empty(), "{:?}", d.unplaced);
}

#[test]
fn a_heading_recovered_from_the_table_of_contents_keeps_the_number_first_order() {
    let text = "الفهرس\nالرقم\tالقرار\tالصفحة\n\
                1\tقرار رقم 1/35-س بشأن الوضع في الصومال\t3\n\
                2\tقرار رقم 2/35-س بشأن التضامن مع الشعب الأفغاني\t5\n\
                3\tقرار رقم 3/35-س بشأن التعاون مع الأمم المتحدة\t7\n\n\
                قرار رقم 1/35-س\nبشأن الوضع في الصومال\n\
                إن مجلس وزراء الخارجية المنعقد في دورته الخامسة والثلاثين؛\n\
                1. يرحب بالتقدم المحرز في الصومال.\n\n\
                بشأن التضامن مع الشعب الأفغاني\n\
                إن مجلس وزراء الخارجية المنعقد في دورته الخامسة والثلاثين؛\n\
                1. يطلب من الأمين العام متابعة هذا القرار.\n\n\
                قرار رقم 3/35-س\nبشأن التعاون مع الأمم المتحدة\n\
                إن مجلس وزراء الخارجية المنعقد في دورته الخامسة والثلاثين؛\n\
                1. يؤكد أهمية التعاون.\n";
    let d = qarar::parse(text);
    check_lossless(text, &d).unwrap();
    let r = &d.resolutions[1];
    assert_eq!(
        (r.id.as_str(), r.session, r.number, r.id_source),
        ("2/35-س", 35, 2, IdSource::Toc),
        "the table's id should be read in the document's order, and printed as the table prints it"
    );
    assert_eq!(d.session.id_order, IdOrder::NumberFirst);
}

/// A table of contents and three resolutions, the second and third without headings; the third's
/// title in the body is worded unlike its row («الوضع الأمني في مالي» for «التضامن مع مالي»), and
/// much like the second's row.
const TWO_HEADLESS: &str = "فهرس
رقم	الموضوع	الصفحة
1	قرار رقم 44/1-س بشأن الوضع في الصومال	3
2	قرار رقم 44/2-س بشأن الوضع في مالي	4
3	قرار رقم 44/3-س بشأن التضامن مع مالي	5

قرار رقم 44/1-س
بشأن
الوضع في الصومال
إنّ مجلس وزراء الخارجية، المنعقد في دورته الرابعة والأربعين؛
1. **يرحب** بالتقرير.
الوضع في مالي
إنّ مجلس وزراء الخارجية، المنعقد في دورته الرابعة والأربعين؛
1. **يدين** الهجمات.
الوضع الأمني في مالي
إنّ مجلس وزراء الخارجية، المنعقد في دورته الرابعة والأربعين؛
1. **يدعو** إلى الحوار.
";

#[test]
fn two_resolutions_without_headings_never_take_the_same_row() {
    let d = qarar::parse(TWO_HEADLESS);
    check_lossless(TWO_HEADLESS, &d).unwrap();
    let ids: Vec<&str> = d.resolutions.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(
        ids,
        ["44/1-س", "44/2-س", "44/3-س"],
        "a row of the table of contents should be taken once; the third follows the numbering, \
         which its row agrees with"
    );
    assert!(
        d.diagnostics
            .iter()
            .all(|x| x.code.slug() != "duplicate-id"),
        "no id should be used twice"
    );
    assert_eq!(
        d.resolutions[2].toc_title.as_deref(),
        Some("التضامن مع مالي"),
        "the row's wording is kept beside the body's"
    );
}

#[test]
fn a_duplicate_id_names_both_resolutions() {
    let twice = OLDER.replace("36/46- س", "36/45-س");
    let d = qarar::parse(&twice);
    let dup = d
        .diagnostics
        .iter()
        .find(|x| x.code.slug() == "duplicate-id")
        .expect("the repeated id should be noted");
    assert!(
        dup.message.contains("resolution 1 (") && dup.message.contains("resolution 2 ("),
        "the note should name both resolutions, not the id twice: {}",
        dup.message
    );
}
