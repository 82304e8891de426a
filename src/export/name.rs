//! What a downloaded file is called: what it holds, in the order the URL says it
//! (`cfm-44-kashmir-condemn.csv`, `cfm-44-res-44-1.akn.xml`, `cfm-44.json`).

use super::ExportFormat;
use crate::model::Document;
use crate::view::Query;

/// Keeps ASCII letters and digits, turning every other run into one `-`.
fn ascii_slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_string()
}

pub fn file_name(doc: &Document, q: &Query, format: ExportFormat) -> String {
    let mut parts = vec![match doc.session.number {
        Some(n) => format!("cfm-{n}"),
        None => "cfm".to_string(),
    }];
    if let Some(res) = &q.res {
        let id = ascii_slug(res);
        parts.push(format!("res-{}", if id.is_empty() { "one" } else { &id }));
    }
    parts.extend(q.regions.iter().map(|r| ascii_slug(r)));
    parts.extend(q.verbs.iter().map(|v| v.slug().to_string()));
    if !q.q.trim().is_empty() {
        // Arabic words would make a name many systems mangle: the search says only that it is one.
        let words = ascii_slug(&q.q);
        parts.push(if words.is_empty() {
            "search".to_string()
        } else {
            format!("search-{words}")
        });
    }
    if q.mentions && !q.regions.is_empty() {
        parts.push("mentions".to_string());
    }
    format!("{}.{}", parts.join("-"), format.extension())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::VerbCategory;

    #[test]
    fn names_say_what_the_file_holds() {
        let mut doc = Document::default();
        doc.session.number = Some(44);
        let q = Query {
            regions: vec!["kashmir".into()],
            verbs: vec![VerbCategory::Condemn],
            ..Query::default()
        };
        assert_eq!(
            file_name(&doc, &q, ExportFormat::Csv),
            "cfm-44-kashmir-condemn.csv"
        );
        assert_eq!(
            file_name(&doc, &Query::default(), ExportFormat::Akn),
            "cfm-44.akn.xml"
        );
        let one = Query {
            res: Some("44/1-س".into()),
            q: "الساحل".into(),
            ..Query::default()
        };
        assert_eq!(
            file_name(&doc, &one, ExportFormat::Json),
            "cfm-44-res-44-1-search.json"
        );
    }
}
