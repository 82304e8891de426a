//! The command line, as tools outside the project use it.

mod common;

use std::process::Command;

#[test]
fn parse_reads_a_docx_and_a_web_page_like_the_text() {
    let dir = std::env::temp_dir().join(format!("qarar-cli-formats-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let count = |out: &std::process::Output| -> usize {
        let v: serde_json::Value =
            serde_json::from_slice(&out.stdout).expect("stdout should be JSON");
        v["resolutions"].as_array().map_or(0, Vec::len)
    };
    for (name, bytes) in [
        (
            "session.docx",
            common::formats::docx(common::DEFAULT_SESSION, true),
        ),
        (
            "session.html",
            common::formats::html(common::DEFAULT_SESSION).into_bytes(),
        ),
    ] {
        let p = dir.join(name);
        std::fs::write(&p, bytes).unwrap();
        let out = qarar(&["parse", p.to_str().unwrap()]);
        assert!(
            out.status.success(),
            "{name} should parse: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(count(&out), 56, "{name} should give the 56 resolutions");
    }
    std::fs::remove_dir_all(&dir).ok();
}

fn qarar(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_qarar"))
        .args(args)
        .output()
        .expect("the CLI should run")
}

#[test]
fn parse_prints_the_contract_json() {
    let out = qarar(&["parse", "sessions/cfm-44-political-ar.txt"]);
    assert!(
        out.status.success(),
        "should exit 0: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("stdout should be JSON");
    for key in ["session", "toc", "resolutions", "unplaced", "diagnostics"] {
        assert!(v.get(key).is_some(), "top level should have `{key}`");
    }
    let r = &v["resolutions"][0];
    for key in ["id", "number", "session", "title", "preamble", "operative"] {
        assert!(r.get(key).is_some(), "a resolution should have `{key}`");
    }
    assert_eq!(r["id"], "44/1-س");
    assert!(r["preamble"][0]["text"].is_string());
    let c = &r["operative"][0];
    for key in ["label", "text", "verbs", "items"] {
        assert!(c.get(key).is_some(), "a clause should have `{key}`");
    }
    let verb = &c["verbs"][0];
    for key in ["text", "lemma", "start", "end", "category", "gloss"] {
        assert!(verb.get(key).is_some(), "a verb should have `{key}`");
    }
    assert_eq!(v["resolutions"].as_array().unwrap().len(), 56);
    assert!(r["regions"][0].get("slug").is_some() && r["regions"][0].get("primary").is_some());
}

#[test]
fn a_file_without_resolutions_exits_non_zero_with_one_line() {
    let dir = std::env::temp_dir().join(format!("qarar-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (name, bytes) in [
        (
            "recipe.txt",
            "طريقة تحضير الكبسة\nالمكونات: أرز ولحم."
                .as_bytes()
                .to_vec(),
        ),
        ("empty.txt", vec![]),
        (
            "binary.bin",
            vec![0x89, b'P', b'N', b'G', 0, 0, 0, 13, 0xff, 0],
        ),
        ("latin1.txt", vec![0xC7, 0xE1, 0xDE, 0xD1, 0xC7, 0xD1]),
    ] {
        let p = dir.join(name);
        std::fs::write(&p, bytes).unwrap();
        let out = qarar(&["parse", p.to_str().unwrap()]);
        assert!(!out.status.success(), "{name} should be refused");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(
            err.trim_end().lines().count(),
            1,
            "{name}: one line on stderr, got {err:?}"
        );
        assert!(!err.contains("panicked"), "{name}: never a panic");
        assert!(out.stdout.is_empty());
    }
    let out = qarar(&["parse", "/nonexistent/file.txt"]);
    assert!(!out.status.success());
}
