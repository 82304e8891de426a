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
