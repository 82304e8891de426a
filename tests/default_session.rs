//! The default session (44th CFM, political affairs) against what the document itself says.

mod common;

use common::*;
use qarar::internals::normalize;
use qarar::model::{IdSource, ReferenceKind};

fn doc() -> qarar::Document {
    qarar::parse(DEFAULT_SESSION)
}

/// `tests/fixtures/cfm-44-expected.tsv`: (id, clauses, first verb, title).
fn expected() -> Vec<(String, usize, String, String)> {
    include_str!("fixtures/cfm-44-expected.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            (
                c[0].to_string(),
                c[1].parse().unwrap(),
                c[2].to_string(),
                c[3].to_string(),
            )
        })
        .collect()
}

#[test]
fn parses_56_resolutions_in_order() {
    let d = doc();
    let ids: Vec<String> = d.resolutions.iter().map(|r| r.id.clone()).collect();
    let want: Vec<String> = (1..=56).map(|n| format!("44/{n}-س")).collect();
    assert_eq!(ids, want, "should find 44/1-س … 44/56-س in order");
    assert!(d
        .resolutions
        .iter()
        .all(|r| r.session == 44 && r.committee == "س"));
}

#[test]
fn titles_clause_counts_and_first_verbs_match_the_document() {
    let d = doc();
    let exp = expected();
    assert_eq!(exp.len(), 56);
    for (r, (id, clauses, verb, title)) in d.resolutions.iter().zip(&exp) {
        assert_eq!(&r.id, id);
        assert_eq!(&r.title, title, "{id}: title should be the body's");
        assert_eq!(r.operative.len(), *clauses, "{id}: operative clause count");
        let first = r
            .operative
            .first()
            .and_then(|c| c.verbs.first())
            .map_or("", |v| v.lemma.as_ref());
        assert_eq!(first, verb, "{id}: first verb");
    }
}

/// Independently of the parser: count the labelled lines between one enacting formula and the next.
#[test]
fn clause_counts_agree_with_the_labels_printed() {
    let d = doc();
    let lines: Vec<&str> = DEFAULT_SESSION.lines().collect();
    let mut enacting: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.contains("مجلس وزراء الخارجية، المنعقد"))
        .map(|(i, _)| i)
        .collect();
    assert_eq!(
        enacting.len(),
        56,
        "the document has one enacting formula per resolution"
    );
    enacting.push(lines.len());
    let labelled = |l: &str| {
        let t = l.trim_start().trim_start_matches(['-', ' ']);
        t.starts_with('◀')
            || (t.chars().next().is_some_and(|c| c.is_ascii_digit())
                && t.trim_start_matches(|c: char| c.is_ascii_digit())
                    .trim_start()
                    .starts_with(['.', '-', ')']))
    };
    for (k, r) in d.resolutions.iter().enumerate() {
        let printed = lines[enacting[k] + 1..enacting[k + 1]]
            .iter()
            .filter(|l| labelled(l))
            .count();
        let numbered = r.operative.iter().filter(|c| c.label.is_some()).count();
        assert_eq!(numbered, printed, "{}: labelled clauses", r.id);
    }
}

#[test]
fn first_verbs_are_the_words_printed_after_the_label() {
    let d = doc();
    for r in &d.resolutions {
        for c in &r.operative {
            let Some(v) = c.verbs.first() else { continue };
            let printed = normalize(&v.text);
            let first_word = normalize(
                c.text
                    .split_whitespace()
                    .find(|w| *w != "وإذ")
                    .unwrap_or(""),
            );
            assert!(
                first_word.starts_with(printed.split(' ').next().unwrap()),
                "{} {:?}: verb {:?} should be the clause's first word {:?}",
                r.id,
                c.label,
                v.text,
                first_word
            );
        }
    }
}

#[test]
fn missing_headings_are_recovered_from_the_toc() {
    let d = doc();
    let recovered: Vec<&str> = d
        .resolutions
        .iter()
        .filter(|r| r.id_source == IdSource::Toc)
        .map(|r| r.id.as_str())
        .collect();
    assert_eq!(
        recovered,
        ["44/28-س", "44/31-س", "44/33-س", "44/36-س", "44/43-س", "44/46-س", "44/48-س"]
    );
    let n = d
        .diagnostics
        .iter()
        .filter(|x| x.code.slug() == "heading-recovered-from-toc")
        .count();
    assert_eq!(n, 7, "each recovery should be diagnosed");
}

#[test]
fn toc_rows_with_swapped_columns_are_read_right() {
    let d = doc();
    assert_eq!(d.toc.len(), 56);
    for (i, e) in d.toc.iter().enumerate() {
        assert_eq!(e.number, Some(i as u32 + 1), "row {i} number");
        assert_eq!(e.id.as_deref(), Some(format!("44/{}-س", i + 1).as_str()));
        assert_eq!(
            e.columns_swapped,
            i >= 28,
            "rows 29–56 are printed page first"
        );
    }
    assert_eq!(d.toc[28].page, Some(78));
    assert_eq!(
        d.toc[0].title, "الوضع في الصومال",
        "the title follows «بشأن»"
    );
}

#[test]
fn body_titles_that_differ_from_the_toc_keep_both() {
    let d = doc();
    let r = &d.resolutions[4];
    assert_eq!(
        r.title, "الوضع في دولة ليبيا",
        "«بشأنالوضع» without a space still gives the title"
    );
    assert_eq!(r.toc_title.as_deref(), Some("الوضع في ليبيا"));
    let r = &d.resolutions[30];
    assert_eq!(r.title, "الآثار السلبية للعقوبات الاقتصادية والمالية على تمتع شعوب البلدان المستهدفة بحقوقها الإنسانية كاملة", "a title over two lines is joined");
}

#[test]
fn cover_metadata() {
    let s = doc().session;
    assert_eq!(s.organisation.as_deref(), Some("منظمة التعاون الإسلامي"));
    assert_eq!(s.symbol.as_deref(), Some("OIC/CFM-44/2017/POL/RES/FINAL"));
    assert_eq!(s.number, Some(44));
    assert_eq!(
        s.theme.as_deref(),
        Some("الشباب والسلم والتنمية في عالم متضامن")
    );
    assert_eq!(s.place.as_deref(), Some("أبيدجان - جمهورية كوت ديفوار"));
    assert_eq!(s.date_hijri.as_deref(), Some("16 - 17 شوال 1438 هـ"));
    assert_eq!(s.date_gregorian.as_deref(), Some("10 - 11 يوليو 2017م"));
}

#[test]
fn every_line_is_placed_once_and_unplaced_is_justified() {
    let d = doc();
    check_lossless(DEFAULT_SESSION, &d).unwrap();
    let unplaced: Vec<&str> = d.unplaced.iter().map(|u| u.text.as_str()).collect();
    assert_eq!(
        unplaced,
        ["<RESOLUTIONS-POL-Arabic>"],
        "only the converter's trailing tag is unplaced"
    );
}

#[test]
fn coordinated_verbs_bold_or_not() {
    let d = doc();
    let verbs = |r: usize, c: usize| -> Vec<String> {
        d.resolutions[r].operative[c]
            .verbs
            .iter()
            .map(|v| v.lemma.to_string())
            .collect()
    };
    assert_eq!(
        verbs(0, 0),
        ["يرحب", "يشيد", "ينوه"],
        "44/1 §1: plain coordinated verbs"
    );
    assert_eq!(
        verbs(1, 20),
        ["يدين", "يحث", "يحث"],
        "44/2 §21: bold coordinated verbs"
    );
    assert_eq!(
        verbs(0, 16),
        ["يشجع", "يدعو"],
        "44/1 §17: «ويدعوه» with its pronoun"
    );
    let v = &d.resolutions[1].operative[20].verbs[0];
    assert_eq!(
        (v.text.as_str(), v.gloss.as_ref()),
        ("يدين بشدة", "Strongly condemns")
    );
    assert_eq!(
        &DEFAULT_SESSION[v.start..v.end],
        "يدين بشدة",
        "the span points at the verb in the source"
    );
}

#[test]
fn typos_in_verbs_are_tolerated() {
    let d = doc();
    let r = d.resolutions.iter().find(|r| r.id == "44/42-س").unwrap();
    let all: Vec<&str> = r
        .operative
        .iter()
        .flat_map(|c| c.verbs.iter().map(|v| v.text.as_str()))
        .collect();
    assert!(
        all.contains(&"يوكد"),
        "the typo يوكد should be read as a verb"
    );
    let v = r
        .operative
        .iter()
        .flat_map(|c| &c.verbs)
        .find(|v| v.text == "يوكد")
        .unwrap();
    assert_eq!(v.lemma, "يؤكد", "and lemmatised as يؤكد");
}

#[test]
fn nearly_every_clause_has_a_categorised_verb() {
    let d = doc();
    let clauses: Vec<_> = d.resolutions.iter().flat_map(|r| &r.operative).collect();
    let ok = clauses
        .iter()
        .filter(|c| c.verbs.first().is_some_and(|v| v.category.is_some()))
        .count();
    assert!(
        ok * 100 >= clauses.len() * 98,
        "{ok} of {} clauses categorised",
        clauses.len()
    );
    let missing = clauses.len() - ok;
    let diagnosed = d
        .diagnostics
        .iter()
        .filter(|x| {
            x.code.slug() == "verb-not-in-lexicon" || x.code.slug() == "clause-without-verb"
        })
        .count();
    assert_eq!(
        missing, diagnosed,
        "each clause without a categorised verb gets a diagnostic"
    );
}

#[test]
fn security_council_and_oic_references() {
    let d = doc();
    let r = d.resolutions.iter().find(|r| r.id == "44/10-س").unwrap();
    let sc: Vec<&str> = r
        .references
        .iter()
        .filter(|x| x.kind == ReferenceKind::SecurityCouncil)
        .map(|x| x.id.as_str())
        .collect();
    for n in ["S/RES/822", "S/RES/853", "S/RES/874", "S/RES/884"] {
        assert!(sc.contains(&n), "44/10 cites {n}: {sc:?}");
    }
    let council = |id: &str| -> Vec<String> {
        let r = d.resolutions.iter().find(|r| r.id == id).unwrap();
        r.references
            .iter()
            .filter(|x| x.kind == ReferenceKind::SecurityCouncil)
            .map(|x| x.id.clone())
            .collect()
    };
    // Lists of numbers after one «رقم»: «بقراري مجلس الأمن الدولي رقم 2254 و 2258», «رقم 2118
    // و2235» (44/4, on Syria), «القرارات رقم 2170، و2178، و2199» (44/41, on terrorism).
    let syria = council("44/4-س");
    for n in ["S/RES/2254", "S/RES/2258", "S/RES/2118", "S/RES/2235"] {
        assert!(syria.contains(&n.to_string()), "44/4 cites {n}: {syria:?}");
    }
    let terrorism = council("44/41-س");
    for n in ["S/RES/2170", "S/RES/2178", "S/RES/2199"] {
        assert!(
            terrorism.contains(&n.to_string()),
            "44/41 cites {n}: {terrorism:?}"
        );
    }
    let r = d.resolutions.iter().find(|r| r.id == "44/40-س").unwrap();
    let oic: Vec<&str> = r
        .references
        .iter()
        .filter(|x| x.kind == ReferenceKind::Oic)
        .map(|x| x.id.as_str())
        .collect();
    assert!(
        oic.contains(&"38/39-س") && oic.contains(&"38/40-س"),
        "{oic:?}"
    );
}

fn with_region(d: &qarar::Document, slug: &str) -> Vec<String> {
    d.resolutions
        .iter()
        .filter(|r| r.regions.iter().any(|g| g.slug == slug))
        .map(|r| r.id.trim_end_matches("-س").to_string())
        .collect()
}

#[test]
fn region_filters_return_the_resolutions_about_the_place() {
    let d = doc();
    assert_eq!(with_region(&d, "sahel"), ["44/6", "44/21", "44/55"]);
    assert_eq!(with_region(&d, "kashmir"), ["44/8", "44/9"]);
    assert_eq!(with_region(&d, "azerbaijan"), ["44/10", "44/50", "44/51"]);
    assert_eq!(with_region(&d, "somalia"), ["44/1"]);
    assert_eq!(with_region(&d, "cote-divoire"), ["44/16"]);
    assert_eq!(with_region(&d, "bosnia-and-herzegovina"), ["44/20"]);
    assert_eq!(with_region(&d, "afghanistan"), ["44/2", "44/3"]);
}

#[test]
fn a_place_named_in_passing_is_a_mention_not_a_region() {
    let d = doc();
    // 44/36 names Azerbaijan three times, thanking it for chairing a meeting: not about Azerbaijan.
    let r = d.resolutions.iter().find(|r| r.id == "44/36-س").unwrap();
    let mentions = r
        .operative
        .iter()
        .flat_map(|c| &c.regions)
        .filter(|m| m.slug == "azerbaijan")
        .count();
    assert!(mentions >= 2, "the mentions are still on the clauses");
    assert!(!r.regions.iter().any(|g| g.slug == "azerbaijan"));
    // Mentions point at their words.
    let m = &d.resolutions[0].operative[0].regions[0];
    assert_eq!(&DEFAULT_SESSION[m.start..m.end], m.text);
}
