//! House rules read from the source itself (as rust-analyzer's "tidy" tests do): data flows one
//! way, bytes → text → lexicon → parse → tags → compare → view → export → app, and no module imports from a later
//! stage. `model` is the vocabulary every stage speaks; it imports nothing of the crate.

use std::path::{Path, PathBuf};

/// The stages in order; a module may use its own stage and earlier ones.
const STAGES: [&str; 10] = [
    "model", "import", "text", "lexicon", "parse", "tag", "compare", "view", "export", "app",
];

/// The crate root's own items (the pipeline: `parse`, `parse_bytes`, `InputError` …) glue the
/// stages together: only the view and the app may call them.
const ROOT: usize = 7;

fn stage_of(module: &str) -> Option<usize> {
    STAGES.iter().position(|s| *s == module)
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).expect("src/ should be readable") {
        let p = e.expect("a directory entry").path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The code of a file without its comments and its unit tests (tests may use anything).
fn code(text: &str) -> String {
    let body = match text.find("#[cfg(test)]\nmod tests") {
        Some(k) => &text[..k],
        None => text,
    };
    body.lines()
        .map(|l| match l.find("//") {
            Some(k) => &l[..k],
            None => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every module of the crate that `code` names through a `crate::` path, with the line it is on:
/// `crate::text::x`, `crate::{text, lexicon::y}`, `crate::parse(…)` (a root item).
fn crate_paths(code: &str) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    for (n, line) in code.lines().enumerate() {
        let mut rest = line;
        while let Some(k) = rest.find("crate::") {
            rest = &rest[k + "crate::".len()..];
            let names: Vec<&str> = if let Some(inner) = rest.strip_prefix('{') {
                let end = inner.find('}').unwrap_or(inner.len());
                inner[..end]
                    .split(',')
                    .map(|s| s.trim().split("::").next().unwrap_or("").trim())
                    .collect()
            } else {
                vec![rest
                    .split(|c: char| !(c.is_alphanumeric() || c == '_'))
                    .next()
                    .unwrap_or("")]
            };
            for name in names.into_iter().filter(|s| !s.is_empty()) {
                out.push((name.to_string(), n + 1));
            }
        }
    }
    out
}

#[test]
fn no_module_imports_from_a_later_stage() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut wrong = Vec::new();
    let mut checked = 0;
    for f in &files {
        let rel = f.strip_prefix(&src).expect("under src/");
        let first = rel
            .components()
            .next()
            .and_then(|c| c.as_os_str().to_str())
            .unwrap_or("")
            .trim_end_matches(".rs");
        // The crate root and the binaries stand above the stages.
        let Some(own) = stage_of(first) else {
            continue;
        };
        checked += 1;
        let text = std::fs::read_to_string(f).expect("a source file");
        for (name, line) in crate_paths(&code(&text)) {
            let used = stage_of(&name).unwrap_or(ROOT);
            let allowed = if first == "model" {
                name == "model"
            } else {
                used <= own
            };
            if !allowed {
                wrong.push(format!(
                    "{}:{line}: the {first} stage uses crate::{name}, a later stage",
                    rel.display()
                ));
            }
        }
    }
    assert!(
        checked > 30,
        "the check should read the crate's modules ({checked} files)"
    );
    assert!(
        wrong.is_empty(),
        "data should flow one way ({}):\n{}",
        STAGES.join(" → "),
        wrong.join("\n")
    );
}

#[test]
fn the_path_reader_sees_every_form_of_import() {
    let found: Vec<String> = crate_paths(
        "use crate::text::words;\nuse crate::{lexicon::x, model};\nlet d = crate::parse(s);",
    )
    .into_iter()
    .map(|(n, _)| n)
    .collect();
    assert_eq!(found, ["text", "lexicon", "model", "parse"]);
    assert_eq!(
        code("use crate::app; // crate::view\n#[cfg(test)]\nmod tests { use crate::app; }"),
        "use crate::app; ",
        "comments and unit tests should not count"
    );
}
