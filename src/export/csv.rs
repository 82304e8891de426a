//! One row per operative clause, for spreadsheets, R and pandas: RFC 4180 through the `csv`
//! crate (quoting of commas, quotes and the line breaks between a clause and its sub-items is
//! its job, not ours), UTF-8 with a byte-order mark so that a spreadsheet opens Arabic as Arabic
//! rather than as Latin-1.

use super::selection::{Selection, Shown};
use crate::model::{OperativeClause, Resolution, Verb};

/// The columns, in order.
pub const HEADER: [&str; 9] = [
    "session",
    "resolution",
    "title",
    "clause",
    "verb",
    "category",
    "gloss",
    "regions",
    "text",
];

/// The clause's verb for the row: the opening verb, or the first one the parser found.
fn row_verb(c: &OperativeClause) -> Option<&Verb> {
    c.verbs.iter().find(|v| v.opening).or(c.verbs.first())
}

fn rows_of<'a>(
    session: &str,
    r: &'a Resolution,
    shown: &'a Shown,
) -> impl Iterator<Item = [String; 9]> + 'a {
    let regions = r
        .regions
        .iter()
        .filter(|g| g.primary)
        .map(|g| g.slug.as_ref())
        .collect::<Vec<_>>()
        .join(";");
    let session = session.to_string();
    let clauses = shown
        .operative
        .iter()
        .filter_map(|&k| Some((k, r.operative.get(k)?)));
    clauses.map(move |(k, c)| {
        let verb = row_verb(c);
        [
            session.clone(),
            r.id.clone(),
            r.title.clone(),
            // The printed number; an unnumbered clause is counted in its place.
            c.number.unwrap_or(k as u32 + 1).to_string(),
            verb.map(|v| v.text.clone()).unwrap_or_default(),
            verb.and_then(|v| v.category)
                .map(|k| k.slug().to_string())
                .unwrap_or_default(),
            verb.map(|v| v.gloss.to_string()).unwrap_or_default(),
            regions.clone(),
            c.whole_text(),
        ]
    })
}

/// Every operative clause of the selection as a row of [`HEADER`]'s columns.
pub fn clause_rows(sel: &Selection) -> Vec<[String; 9]> {
    let session = sel
        .doc
        .session
        .number
        .map(|n| n.to_string())
        .unwrap_or_default();
    sel.resolutions()
        .flat_map(|(r, shown)| rows_of(&session, r, shown))
        .collect()
}

/// The selection as a CSV file: a byte-order mark, the header, a row per operative clause.
pub fn csv(sel: &Selection) -> Vec<u8> {
    let mut out = "\u{feff}".as_bytes().to_vec();
    write(&mut out, std::iter::once(HEADER.map(str::to_string)));
    write(&mut out, clause_rows(sel));
    out
}

/// Only the rows, for a table of several documents under one header.
pub fn csv_rows(sel: &Selection) -> Vec<u8> {
    let mut out = Vec::new();
    write(&mut out, clause_rows(sel));
    out
}

fn write(out: &mut Vec<u8>, rows: impl IntoIterator<Item = [String; 9]>) {
    let mut w = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(out);
    // Writing into a Vec cannot fail; a row that somehow could is left out rather than panicking.
    for row in rows {
        let _ = w.write_record(&row);
    }
    let _ = w.flush();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_operative_clause_is_a_row_that_reads_back() {
        let doc = crate::parse(include_str!("../../sessions/cfm-44-political-ar.txt"));
        let clauses: usize = doc.resolutions.iter().map(|r| r.operative.len()).sum();
        let bytes = csv(&Selection::all(&doc));
        assert!(
            bytes.starts_with("\u{feff}".as_bytes()),
            "the file should open with a BOM"
        );
        let mut reader = ::csv::Reader::from_reader(&bytes[3..]);
        let header: Vec<String> = reader
            .headers()
            .expect("a header row")
            .iter()
            .map(str::to_string)
            .collect();
        assert_eq!(header, HEADER, "the header should name the nine columns");
        let rows: Vec<::csv::StringRecord> = reader.records().map(|r| r.expect("a row")).collect();
        assert_eq!(rows.len(), clauses, "one row per operative clause");
        let first = &rows[0];
        assert_eq!(&first[0], "44");
        assert_eq!(&first[1], "44/1-س", "Arabic should survive the round trip");
        assert_eq!(&first[1], doc.resolutions[0].id);
        assert_eq!(&first[8], doc.resolutions[0].operative[0].text);
        assert!(
            rows.iter().all(|r| r.len() == 9),
            "every row should have every column"
        );
        assert!(
            rows.iter().any(|r| r[8].contains('\n')),
            "a clause with sub-items should keep them, on lines of their own"
        );
        assert!(
            rows.iter().any(|r| &r[5] == "condemn"),
            "categories should be the URL's slugs"
        );
    }
}
