//! The JSON contract: what `qarar parse` prints validates against schema/document.schema.json,
//! and the schema's vocabularies are the program's.

mod common;

use std::path::Path;
use std::process::Command;

use qarar::model::{DiagnosticCode, RegionKind, VerbCategory};
use serde_json::Value;

fn schema() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/document.schema.json");
    serde_json::from_str(&std::fs::read_to_string(path).expect("the schema should be readable"))
        .expect("the schema should be JSON")
}

fn validator() -> jsonschema::Validator {
    jsonschema::validator_for(&schema()).expect("the schema should be a valid JSON Schema")
}

/// What the CLI prints for `file`, parsed.
fn cli_json(file: &Path) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_qarar"))
        .args(["parse", file.to_str().unwrap()])
        .output()
        .expect("qarar should run");
    assert!(out.status.success(), "{} should parse", file.display());
    serde_json::from_slice(&out.stdout).expect("stdout should be JSON")
}

/// The schema's errors for `doc`, at most a few, each with where it is.
fn errors(v: &jsonschema::Validator, doc: &Value) -> Vec<String> {
    v.iter_errors(doc)
        .take(5)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn the_cli_output_of_every_fixture_validates() {
    let v = validator();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![root.join("sessions/cfm-44-political-ar.txt")];
    for dir in ["tests/fixtures", "tests/fixtures/editions"] {
        for e in std::fs::read_dir(root.join(dir)).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "txt") {
                files.push(p);
            }
        }
    }
    // A .docx too: its reading note and bold runs go through the same model.
    let dir = std::env::temp_dir().join(format!("qarar-schema-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let docx = dir.join("session.docx");
    std::fs::write(&docx, common::formats::docx(common::DEFAULT_SESSION, true)).unwrap();
    files.push(docx);
    for f in &files {
        let doc = cli_json(f);
        assert_eq!(
            errors(&v, &doc),
            Vec::<String>::new(),
            "{} should validate against the schema",
            f.display()
        );
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn the_schema_refuses_what_the_contract_does_not_allow() {
    let v = validator();
    let doc = serde_json::to_value(qarar::parse(common::DEFAULT_SESSION)).unwrap();
    assert!(v.is_valid(&doc));
    let mut unknown_category = doc.clone();
    unknown_category["resolutions"][0]["operative"][0]["verbs"][0]["category"] = "praise".into();
    assert!(
        !v.is_valid(&unknown_category),
        "a category outside the vocabulary"
    );
    let mut extra_field = doc.clone();
    extra_field["resolutions"][0]["colour"] = "red".into();
    assert!(
        !v.is_valid(&extra_field),
        "a field the schema does not name"
    );
    let mut missing = doc;
    missing["resolutions"][0]
        .as_object_mut()
        .unwrap()
        .remove("operative");
    assert!(!v.is_valid(&missing), "a field left out");
}

/// The `enum` of `$defs/<name>`, as strings.
fn schema_enum(name: &str) -> Vec<String> {
    schema()["$defs"][name]["enum"]
        .as_array()
        .unwrap_or_else(|| panic!("$defs/{name} should be an enum"))
        .iter()
        .filter_map(|x| x.as_str().map(str::to_string))
        .collect()
}

#[test]
fn the_schema_lists_the_program_s_vocabularies() {
    let slugs = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert_eq!(
        schema_enum("verbCategory"),
        slugs(&VerbCategory::ALL.map(VerbCategory::slug)),
        "the schema should list every verb category, in the legend's order"
    );
    assert_eq!(
        schema_enum("regionKind"),
        slugs(&RegionKind::ALL.map(RegionKind::slug))
    );
    assert_eq!(
        schema_enum("diagnosticCode"),
        slugs(&DiagnosticCode::ALL.map(DiagnosticCode::slug))
    );
}
