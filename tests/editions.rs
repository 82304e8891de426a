//! The English and French editions: fixtures written in the layouts the OIC has printed (cover,
//! wrapped index rows, `RESOLUTION NO.1/46-MM ON …` headings, enacting formulas wrapped over lines,
//! participles, numbered and unnumbered clauses), read into the same model as the Arabic one.

mod common;

use common::{check_lossless, DEFAULT_SESSION};
use qarar::model::{Document, Language, VerbCategory};

const EN_46_MM: &str = include_str!("fixtures/editions/en-cfm46-mm.txt");
const EN_44_POL: &str = include_str!("fixtures/editions/en-cfm44-pol.txt");
const EN_OLDER: &str = include_str!("fixtures/editions/en-older-layouts.txt");
const FR_38_ORG: &str = include_str!("fixtures/editions/fr-cfm38-org.txt");

fn parsed(src: &str) -> Document {
    let doc = qarar::parse(src);
    if let Err(e) = check_lossless(src, &doc) {
        panic!("every line should be in exactly one place: {e}");
    }
    doc
}

/// Each resolution as `id | title | preamble count | clause count | opening verb categories`.
fn outline(doc: &Document) -> Vec<String> {
    doc.resolutions
        .iter()
        .map(|r| {
            let cats: Vec<&str> = r
                .operative
                .iter()
                .map(|c| {
                    c.verbs
                        .first()
                        .and_then(|v| v.category)
                        .map_or("-", |c| c.slug())
                })
                .collect();
            format!(
                "{} | {} | {} | {} | {}",
                r.id,
                r.title,
                r.preamble.len(),
                r.operative.len(),
                cats.join(" ")
            )
        })
        .collect()
}

#[test]
fn the_46th_session_in_english_reads_like_the_arabic() {
    let doc = parsed(EN_46_MM);
    assert_eq!(doc.language, Language::English);
    assert_eq!(doc.session.number, Some(46));
    assert_eq!(
        doc.session.symbol.as_deref(),
        Some("OIC/CFM-46/2019/MM/RES/FINAL")
    );
    assert_eq!(
        doc.session.place.as_deref(),
        Some("ABU DHABI, UNITED ARAB EMIRATES")
    );
    assert_eq!(
        doc.session.date_gregorian.as_deref(),
        Some("1-2 MARCH 2019")
    );
    assert_eq!(
        outline(&doc),
        [
            "1/46-MM | SAFEGUARDING THE RIGHTS OF MUSLIM COMMUNITIES AND MINORITIES IN NON-OIC MEMBER STATES | 4 | 4 | welcome condemn concern request",
            "2/46-MM | THE SITUATION OF THE MUSLIM COMMUNITY IN SOUTHERN PHILIPPINES | 2 | 3 | welcome call request",
            "3/46-MM | THE ROHINGYA MUSLIM COMMUNITY IN MYANMAR | 2 | 4 | condemn call commend decide",
        ]
    );
    let r = &doc.resolutions[0];
    assert_eq!(
        (r.session, r.number, r.committee.as_str()),
        (46, 1, "MM"),
        "ids print the number first"
    );
    assert!(
        r.enacting
            .as_ref()
            .is_some_and(|e| e.text.ends_with("(1-2 March 2019),")),
        "the enacting formula should run over its four lines to the date: {:?}",
        r.enacting
    );
    let openings: Vec<&str> = r
        .preamble
        .iter()
        .map(|p| p.opening.as_ref().map_or("", |o| &*o.gloss))
        .collect();
    assert_eq!(
        openings,
        [
            "Recalling",
            "Reaffirming",
            "Noting with concern",
            "Having reviewed"
        ]
    );
    // «Condemns …, and calls upon …»: a further verb of the Council's after «and».
    let verbs: Vec<&str> = r.operative[1]
        .verbs
        .iter()
        .map(|v| v.text.as_str())
        .collect();
    assert_eq!(verbs, ["Condemns", "calls upon"]);
    assert_eq!(
        r.operative[2].verbs[0].text, "EXPRESSES its concern",
        "upper case is read too"
    );
    // «Also requests»: the verb without the word that leads to it.
    assert_eq!(doc.resolutions[1].operative[2].verbs[0].text, "requests");
    // Sub-items a) b).
    assert_eq!(doc.resolutions[2].operative[1].items.len(), 2);

    // The index: rows wrapped over two lines, the page at the end of the second.
    let toc: Vec<(Option<&str>, &str, Option<u32>)> = doc
        .toc
        .iter()
        .map(|e| (e.id.as_deref(), e.title.as_str(), e.page))
        .collect();
    assert_eq!(
        toc,
        [
            (Some("1/46-MM"), "Safeguarding the Rights of Muslim Communities and Minorities in Non-OIC Member States", Some(2)),
            (Some("2/46-MM"), "the Situation of the Muslim Community in Southern Philippines", Some(5)),
            (Some("3/46-MM"), "the Rohingya Muslim Community in Myanmar", Some(8)),
        ]
    );
    // Running heads set aside, nothing unplaced.
    assert!(
        doc.unplaced.is_empty(),
        "nothing should be unplaced: {:?}",
        doc.unplaced
    );
    assert_eq!(
        doc.furniture.len(),
        4,
        "three running heads and a page number: {:?}",
        doc.furniture
    );
    // Places by their English names.
    let regions = |k: usize| -> Vec<&str> {
        doc.resolutions[k]
            .regions
            .iter()
            .map(|r| &*r.slug)
            .collect()
    };
    assert!(
        regions(1).contains(&"philippines"),
        "Southern Philippines: {:?}",
        regions(1)
    );
    assert!(regions(2).contains(&"rohingya") && regions(2).contains(&"myanmar"));
}

#[test]
fn older_english_layouts_are_read() {
    let doc = parsed(EN_OLDER);
    assert_eq!(doc.language, Language::English);
    assert_eq!(
        outline(&doc),
        [
            "12/3 | THE QUESTION OF AL-QUDS AL-SHARIF | 2 | 3 | condemn call request",
            "47/25-P | THE SITUATION IN AFGHANISTAN | 1 | 2 | affirm call",
            "58/25-P | the Turkish Cypriot State | 1 | 2 | support call",
            "56/9-P (IS) | THE SITUATION IN SOMALIA | 1 | 2 | welcome call",
        ]
    );
    let quds = &doc.resolutions[0];
    assert!(
        quds.operative.iter().all(|c| c.label.is_none()),
        "unnumbered clauses"
    );
    assert_eq!(
        quds.preamble[0].opening.as_ref().map(|o| &*o.gloss),
        Some("Recalling"),
        "a numbered preamble under «PREAMBLE:» is the preamble, its opening read after the number"
    );
    assert_eq!(
        doc.unplaced
            .iter()
            .map(|u| u.text.as_str())
            .collect::<Vec<_>>(),
        ["PREAMBLE:", "OPERATIVE:"],
        "the part labels are kept, with why"
    );
    assert_eq!(
        doc.resolutions[1]
            .enacting
            .as_ref()
            .map(|e| e.text.as_str()),
        Some("The Conference:")
    );
    assert!(
        doc.resolutions[3]
            .enacting
            .as_ref()
            .is_some_and(|e| e.text.starts_with("The Ninth Islamic Summit Conference")),
        "a summit's formula"
    );
    let regions: Vec<&str> = doc.resolutions[2]
        .regions
        .iter()
        .map(|r| &*r.slug)
        .collect();
    assert!(
        regions.contains(&"turkish-cypriots"),
        "the Turkish Cypriot State: {regions:?}"
    );
}

#[test]
fn the_french_edition_is_read() {
    let doc = parsed(FR_38_ORG);
    assert_eq!(doc.language, Language::French);
    assert_eq!(doc.session.number, Some(38));
    assert_eq!(
        outline(&doc),
        [
            "1/38-ORG | LE CHANGEMENT DU NOM DE L'ORGANISATION | 2 | 2 | decide request",
            "2/38-ORG | LA SITUATION EN CÔTE D'IVOIRE | 1 | 3 | condemn welcome call",
        ]
    );
    let r = &doc.resolutions[1];
    assert_eq!(
        r.preamble[0].opening.as_ref().map(|o| &*o.gloss),
        Some("Noting with concern")
    );
    let verbs: Vec<(&str, Option<VerbCategory>)> = r.operative[1]
        .verbs
        .iter()
        .map(|v| (v.text.as_str(), v.category))
        .collect();
    assert_eq!(
        verbs,
        [
            ("Se félicite", Some(VerbCategory::Welcome)),
            ("exhorte", Some(VerbCategory::Call))
        ]
    );
    let regions: Vec<&str> = r.regions.iter().map(|r| &*r.slug).collect();
    assert!(
        regions.contains(&"cote-divoire"),
        "«Côte d'Ivoire» in the title and «Cote d'Ivoire» in the text are one place: {regions:?}"
    );
    assert_eq!(doc.toc.len(), 2);
    assert!(doc.unplaced.is_empty(), "{:?}", doc.unplaced);
}

#[test]
fn the_editions_ids_pair_with_the_arabic_ones() {
    let ar = qarar::parse(DEFAULT_SESSION);
    let en = parsed(EN_44_POL);
    assert_eq!(en.language, Language::English);
    let pairs: Vec<(String, String)> = en
        .resolutions
        .iter()
        .filter_map(|e| {
            let a = ar
                .resolutions
                .iter()
                .find(|a| qarar::model::same_resolution(a, e))?;
            Some((e.id.clone(), a.id.clone()))
        })
        .collect();
    let pairs: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    assert_eq!(
        pairs,
        [
            ("1/44-POL", "44/1-س"),
            ("6/44-POL", "44/6-س"),
            ("8/44-POL", "44/8-س")
        ]
    );
    // Another series of the same session does not pair.
    let mut economic = en.resolutions[0].clone();
    economic.committee = "E".into();
    assert!(!qarar::model::same_resolution(
        &ar.resolutions[0],
        &economic
    ));
    // The same slugs in every edition: `?region=kashmir&verb=condemn` means the same.
    let kashmir = &en.resolutions[2];
    assert!(kashmir.regions.iter().any(|r| r.slug == "kashmir"));
    assert!(ar.resolutions[7]
        .regions
        .iter()
        .any(|r| r.slug == "kashmir"));
}

#[test]
fn snapshot_of_the_english_and_french_fixtures() {
    insta::assert_json_snapshot!("english_46_mm", qarar::parse(EN_46_MM));
    insta::assert_json_snapshot!("french_38_org", qarar::parse(FR_38_ORG));
}

#[test]
fn the_default_session_number_the_library_offers_is_the_default_sessions() {
    assert_eq!(
        qarar::parse(DEFAULT_SESSION).session.number,
        Some(qarar::view::DEFAULT_SESSION_NUMBER),
        "the library offers an edition of the default session side by side by this number"
    );
}

#[test]
fn an_english_editions_akoma_ntoso_says_its_language() {
    let doc = parsed(EN_44_POL);
    let xml = qarar::export::akoma_ntoso(&qarar::export::Selection::all(&doc));
    assert!(
        xml.contains(r#"<FRBRlanguage language="eng"/>"#),
        "the expression should be English"
    );
    assert!(!xml.contains(r#"language="ara""#));
    assert!(xml.contains("Strongly condemns"));
    let fr = qarar::export::akoma_ntoso(&qarar::export::Selection::all(&parsed(FR_38_ORG)));
    assert!(fr.contains(r#"<FRBRlanguage language="fra"/>"#));
}

#[test]
fn index_rows_run_together_on_one_line_are_told_apart() {
    let start = EN_46_MM.find("1. Resolution No.1/46-MM").unwrap();
    let end = EN_46_MM.find("- 1 -").unwrap();
    let one_line = "1. Resolution No.1/46-MM on Safeguarding the Rights of Muslim Communities and \
                    Minorities in Non-OIC Member States 2 2. Resolution No.2/46-MM on the Situation \
                    of the Muslim Community in Southern Philippines 5 3. Resolution No.3/46-MM on \
                    the Rohingya Muslim Community in Myanmar 8\n\n";
    let src = format!("{}{one_line}{}", &EN_46_MM[..start], &EN_46_MM[end..]);
    let doc = parsed(&src);
    /// A row as printed: number, id, title, page.
    type Row<'a> = (Option<u32>, Option<&'a str>, &'a str, Option<u32>);
    let toc: Vec<Row> = doc
        .toc
        .iter()
        .map(|e| (e.number, e.id.as_deref(), e.title.as_str(), e.page))
        .collect();
    assert_eq!(
        toc,
        [
            (Some(1), Some("1/46-MM"), "Safeguarding the Rights of Muslim Communities and Minorities in Non-OIC Member States", Some(2)),
            (Some(2), Some("2/46-MM"), "the Situation of the Muslim Community in Southern Philippines", Some(5)),
            (Some(3), Some("3/46-MM"), "the Rohingya Muslim Community in Myanmar", Some(8)),
        ],
        "three rows, each with its number, id, title and page"
    );
    assert_eq!(doc.resolutions.len(), 3);
}
