//! The data out: Akoma Ntoso validated against the OASIS schema (xmllint), CSV read back, the
//! JSON of a view, for the default session, the fixtures of every layout, filtered views and an
//! empty one; and the command line's formats.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use qarar::export::{akoma_ntoso, clause_rows, export, ExportFormat, Selection};
use qarar::model::{Document, VerbCategory};
use qarar::view::{apply, Query};

fn fixtures() -> Vec<(String, Document)> {
    let mut out = vec![(
        "default session".to_string(),
        qarar::parse(common::DEFAULT_SESSION),
    )];
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<PathBuf> = ["tests/fixtures", "tests/fixtures/editions"]
        .iter()
        .flat_map(|d| std::fs::read_dir(root.join(d)).expect("the fixtures should exist"))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    for p in files {
        let text = std::fs::read_to_string(&p).unwrap();
        out.push((p.display().to_string(), qarar::parse(&text)));
    }
    out
}

/// Views worth exporting: a region, a verb, both, words, one resolution.
fn views(doc: &Document) -> Vec<Query> {
    let mut out = vec![
        Query::parse("?region=kashmir&verb=call", doc),
        Query::parse("?verb=welcome", doc),
        Query::parse("?region=sahel", doc),
        Query::parse(
            "?q=%D8%A7%D9%84%D8%A3%D9%85%D9%8A%D9%86+%D8%A7%D9%84%D8%B9%D8%A7%D9%85",
            doc,
        ),
    ];
    if let Some(r) = doc.resolutions.first() {
        out.push(Query {
            res: Some(r.id.clone()),
            ..Query::default()
        });
    }
    out
}

fn view_selection<'a>(doc: &'a Document, q: &Query) -> Selection<'a> {
    Selection::of_view(doc, &apply(doc, q), q.filtering())
}

fn schema() -> PathBuf {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join(".cache/akn/akomantoso30.xsd");
    assert!(
        p.exists(),
        "the Akoma Ntoso schema should be at {} (bash scripts/setup.sh fetches it)",
        p.display()
    );
    p
}

/// Validates `xml` with xmllint; the error output when it is not valid.
fn validate(xml: &str, name: &str) -> Result<(), String> {
    let dir = std::env::temp_dir().join(format!("qarar-akn-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join(format!(
        "{}.xml",
        name.replace(['/', ' ', '?', '&', '='], "_")
    ));
    std::fs::write(&file, xml).unwrap();
    let out = Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(schema())
        .arg(&file)
        .output()
        .expect("xmllint should be installed (bash scripts/setup.sh installs it)");
    std::fs::remove_file(&file).ok();
    if out.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&out.stderr)
            .lines()
            .take(8)
            .collect::<Vec<_>>()
            .join("\n"))
    }
}

/// Every `eId="…"` value in `xml`.
fn eids(xml: &str) -> Vec<&str> {
    xml.split("eId=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .collect()
}

#[test]
fn every_akoma_ntoso_export_is_valid_against_the_schema() {
    let mut failures = Vec::new();
    for (name, doc) in fixtures() {
        let mut exports = vec![(name.clone(), akoma_ntoso(&Selection::all(&doc)))];
        for q in views(&doc) {
            let label = format!("{name} {}", q.to_search());
            exports.push((label, akoma_ntoso(&view_selection(&doc, &q))));
        }
        for (label, xml) in exports {
            if let Err(e) = validate(&xml, &label) {
                failures.push(format!("{label}:\n{e}"));
            }
        }
    }
    let empty = Document::default();
    if let Err(e) = validate(&akoma_ntoso(&Selection::all(&empty)), "empty") {
        failures.push(format!("an empty document:\n{e}"));
    }
    assert!(
        failures.is_empty(),
        "every export should validate:\n{}",
        failures.join("\n\n")
    );
}

#[test]
fn akoma_ntoso_eids_are_unique_stable_and_independent_of_the_filter() {
    let doc = qarar::parse(common::DEFAULT_SESSION);
    let whole = akoma_ntoso(&Selection::all(&doc));
    assert_eq!(
        whole,
        akoma_ntoso(&Selection::all(&doc)),
        "two runs should write the same XML"
    );
    let ids = eids(&whole);
    let unique: std::collections::BTreeSet<_> = ids.iter().collect();
    assert_eq!(ids.len(), unique.len(), "eIds should be unique");
    assert!(
        ids.contains(&"cmp_1__para_3"),
        "clause 3 of the first resolution"
    );
    assert!(
        ids.iter().any(|i| i.ends_with("__list_1__item_b")),
        "sub-items should be list items lettered by position"
    );
    // A filtered view keeps its clauses' local eIds: a resolution whose first condemning clause
    // comes after others.
    let q = Query::parse("?verb=condemn", &doc);
    let sel = view_selection(&doc, &q);
    let (n, (r, shown)) = sel
        .resolutions()
        .enumerate()
        .find(|(_, (_, s))| s.operative.first().is_some_and(|&k| k > 0))
        .expect("a resolution that condemns after its first clause");
    let k = shown.operative[0];
    let narrowed = akoma_ntoso(&sel);
    assert!(
        narrowed.contains(&format!("eId=\"cmp_{}__para_{}\"", n + 1, k + 1)),
        "a filtered export should number clause {} of {} as the whole resolution does",
        k + 1,
        r.id
    );
}

#[test]
fn akoma_ntoso_keeps_every_paragraphs_text_and_marks_verbs_and_places() {
    let doc = qarar::parse(common::DEFAULT_SESSION);
    let xml = akoma_ntoso(&Selection::all(&doc));
    // The text between the tags, with the escapes undone.
    let mut text = String::new();
    let mut inside = false;
    for c in xml.chars() {
        match c {
            '<' => inside = true,
            '>' => inside = false,
            c if !inside => text.push(c),
            _ => {}
        }
    }
    let text = text
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&");
    for r in &doc.resolutions {
        for p in &r.preamble {
            assert!(
                text.contains(&p.text),
                "{}: a preambular paragraph is missing",
                r.id
            );
        }
        for c in &r.operative {
            assert!(
                text.contains(&c.text),
                "{}: clause {:?} is missing",
                r.id,
                c.label
            );
            for i in &c.items {
                assert!(text.contains(&i.text), "{}: a sub-item is missing", r.id);
            }
        }
    }
    let condemns = doc
        .resolutions
        .iter()
        .flat_map(|r| &r.operative)
        .flat_map(|c| c.verbs.iter().chain(c.items.iter().flat_map(|i| &i.verbs)))
        .filter(|v| v.category == Some(VerbCategory::Condemn))
        .count();
    assert_eq!(
        xml.matches("<concept refersTo=\"#verb_condemn\">").count(),
        condemns,
        "every condemning verb should be marked as one"
    );
    assert!(xml.contains("<location refersTo=\"#place_kashmir\">"));
}

#[test]
fn a_views_csv_has_a_row_per_clause_it_shows_and_its_json_only_those() {
    let doc = qarar::parse(common::DEFAULT_SESSION);
    for q in views(&doc) {
        let sel = view_selection(&doc, &q);
        let csv = export(&sel, ExportFormat::Csv);
        let mut reader = csv::Reader::from_reader(&csv[3..]);
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(
            rows.len(),
            sel.clauses(),
            "{}: a row per clause shown",
            q.to_search()
        );
        assert_eq!(rows.len(), clause_rows(&sel).len());
        let shown: Vec<(&str, &str)> = sel
            .resolutions()
            .flat_map(|(r, s)| {
                s.operative
                    .iter()
                    .map(move |&k| (r.id.as_str(), r.operative[k].text.as_str()))
            })
            .collect();
        for (row, (id, text)) in rows.iter().zip(&shown) {
            assert_eq!(&row[1], *id, "{}: rows in the view's order", q.to_search());
            assert!(
                row[8].starts_with(text),
                "{}: the clause's text",
                q.to_search()
            );
        }
        let json: Document = serde_json::from_slice(&export(&sel, ExportFormat::Json))
            .expect("the JSON export should read back as a document");
        assert_eq!(json.resolutions.len(), sel.shown.len());
        let clauses: usize = json.resolutions.iter().map(|r| r.operative.len()).sum();
        assert_eq!(
            clauses,
            sel.clauses(),
            "{}: the JSON holds what is shown",
            q.to_search()
        );
    }
}

fn qarar(args: &[&str], stdin: Option<&[u8]>) -> std::process::Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_qarar"))
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(bytes) = stdin {
        child.stdin.take().unwrap().write_all(bytes).unwrap();
    }
    drop(child.stdin.take());
    child.wait_with_output().unwrap()
}

#[test]
fn the_command_line_writes_every_format() {
    let dir = std::env::temp_dir().join(format!("qarar-cli-exports-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let session = dir.join("session.txt");
    std::fs::write(&session, common::DEFAULT_SESSION).unwrap();
    let not_a_session = dir.join("notes.txt");
    std::fs::write(&not_a_session, "a shopping list\n").unwrap();
    let s = session.to_str().unwrap();
    let doc = qarar::parse(common::DEFAULT_SESSION);
    let clauses: usize = doc.resolutions.iter().map(|r| r.operative.len()).sum();

    // CSV of two files: one header, the rows of both.
    let out = qarar(
        &["parse", "--format", "csv", s, "-"],
        Some(common::DEFAULT_SESSION.as_bytes()),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stdout.starts_with("\u{feff}session,".as_bytes()),
        "a BOM, then the header"
    );
    let rows = csv::Reader::from_reader(&out.stdout[3..]).records().count();
    assert_eq!(
        rows,
        2 * clauses,
        "a file and stdin: a row per clause of each"
    );

    // Akoma Ntoso of a file and a refused one, into a directory: the other is still written.
    let xml_dir = dir.join("xml");
    let n = not_a_session.to_str().unwrap();
    let out = qarar(
        &[
            "parse",
            "--format",
            "akn",
            "--out",
            xml_dir.to_str().unwrap(),
            s,
            n,
        ],
        None,
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "a refused file makes the exit code 1"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr.lines().count(),
        1,
        "one line for the refusal: {stderr}"
    );
    assert!(
        stderr.contains("notes.txt"),
        "the refusal names the file: {stderr}"
    );
    let xml = std::fs::read_to_string(xml_dir.join("session.akn.xml"))
        .expect("session.akn.xml should be written");
    validate(&xml, "cli").expect("the CLI's Akoma Ntoso should validate");

    // Several files as Akoma Ntoso to stdout is a usage error, said before anything is read.
    let out = qarar(&["parse", "--format", "akn", s, s], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());

    // NDJSON: a line per document.
    let out = qarar(&["parse", "--format", "ndjson", s, s], None);
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 2);

    // Stats as JSON agree with the document.
    let out = qarar(&["stats", "--format", "json", s], None);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["resolutions"], doc.resolutions.len());
    assert_eq!(v["clauses"], clauses);
    let table = String::from_utf8(qarar(&["stats", s], None).stdout).unwrap();
    assert!(
        table.contains("condemn") && table.contains("kashmir"),
        "{table}"
    );

    // --help documents the formats and the exit codes.
    let help = String::from_utf8(qarar(&["parse", "--help"], None).stdout).unwrap();
    for word in ["csv", "akn", "ndjson", "--out", "--pretty"] {
        assert!(help.contains(word), "parse --help should mention {word}");
    }
    let help = String::from_utf8(qarar(&["--help"], None).stdout).unwrap();
    assert!(
        help.contains("Exit status") && help.contains("stats"),
        "{help}"
    );
    std::fs::remove_dir_all(&dir).ok();
}
