//! Citations: a paragraph as readers cite it.

use super::query::clause_index;
use crate::model::Document;

/// How readers cite a paragraph: resolution id, paragraph, session, date, and the link.
pub fn citation(doc: &Document, res: &str, clause: &str, link: &str) -> Option<String> {
    let (operative, i) = clause_index(doc, res, clause)?;
    let s = &doc.session;
    let session = match (s.number, &s.place) {
        (Some(n), Some(p)) => format!("CFM-{n}, {p}"),
        (Some(n), None) => format!("CFM-{n}"),
        (None, Some(p)) => p.clone(),
        (None, None) => "OIC CFM".into(),
    };
    let date = s.date_gregorian.clone().unwrap_or_default();
    let kind = if operative {
        "operative paragraph"
    } else {
        "preambular paragraph"
    };
    let sym = s
        .symbol
        .as_deref()
        .map(|x| format!(" ({x})"))
        .unwrap_or_default();
    Some(format!(
        "OIC resolution {res}, {kind} {}, {session}{}{sym}. {link}",
        i + 1,
        if date.is_empty() {
            String::new()
        } else {
            format!(", {date}")
        }
    ))
}

/// The page's title for a view, so that a bookmark or a tab says what it shows: the filters, then
/// the session — «Kashmir · Condemns — CFM 44 · Qarar».
pub fn page_title(doc: &Document, q: &crate::view::Query) -> String {
    let g = crate::lexicon::gazetteer();
    let mut parts: Vec<String> = Vec::new();
    if let Some(res) = &q.res {
        parts.push(format!("Resolution {res}"));
    }
    parts.extend(q.regions.iter().map(|slug| {
        g.slug(slug)
            .map_or_else(|| slug.clone(), |i| g.regions[i].english.clone())
    }));
    parts.extend(q.verbs.iter().map(|c| c.label_en().to_string()));
    let words = q.q.trim();
    if !words.is_empty() {
        parts.push(format!("“{words}”"));
    }
    let session = match doc.session.number {
        Some(n) => format!("CFM {n}"),
        None if doc.resolutions.is_empty() => String::new(),
        None => "OIC resolutions".to_string(),
    };
    let view = parts.join(" · ");
    match (view.is_empty(), session.is_empty()) {
        (true, true) => "Qarar · قرار".to_string(),
        (true, false) => format!("{session} · Qarar"),
        (false, true) => format!("{view} · Qarar"),
        (false, false) => format!("{view} — {session} · Qarar"),
    }
}
