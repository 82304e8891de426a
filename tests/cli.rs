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

#[test]
fn several_files_stdin_and_refusals() {
    let dir = std::env::temp_dir().join(format!("qarar-cli-many-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("recipe.txt");
    std::fs::write(&bad, "طريقة تحضير الكبسة").unwrap();
    let older = "tests/fixtures/older-layout.txt";
    let session = "sessions/cfm-44-political-ar.txt";

    // Two files and a refused one: a JSON array of the two, the reason on stderr, exit 1.
    let out = qarar(&["parse", older, bad.to_str().unwrap(), session]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "a refused file should make the exit code 1"
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("a JSON array");
    let counts: Vec<usize> = v
        .as_array()
        .expect("several files should print an array")
        .iter()
        .map(|d| d["resolutions"].as_array().unwrap().len())
        .collect();
    assert_eq!(
        counts,
        [3, 56],
        "the other files should still be written, in order"
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("recipe.txt") && err.lines().count() == 1,
        "{err}"
    );

    // ndjson: one document per line.
    let out = qarar(&["parse", "--format", "ndjson", older, session]);
    assert!(out.status.success());
    let lines: Vec<&[u8]> = out
        .stdout
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(lines.len(), 2);
    for l in lines {
        serde_json::from_slice::<serde_json::Value>(l).expect("each line should be a document");
    }

    // stdin, compact by default, indented with --pretty.
    let run_stdin = |args: &[&str]| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_qarar"))
            .args(args)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        use std::io::Write;
        child
            .stdin
            .take()
            .unwrap()
            .write_all(&std::fs::read(older).unwrap())
            .unwrap();
        child.wait_with_output().unwrap()
    };
    let compact = run_stdin(&["parse", "-"]);
    assert!(compact.status.success());
    assert_eq!(
        compact.stdout.iter().filter(|&&b| b == b'\n').count(),
        1,
        "compact JSON is one line"
    );
    let pretty = run_stdin(&["parse", "--pretty", "-"]);
    assert!(
        pretty.stdout.iter().filter(|&&b| b == b'\n').count() > 100,
        "--pretty indents"
    );
    let a: serde_json::Value = serde_json::from_slice(&compact.stdout).unwrap();
    let b: serde_json::Value = serde_json::from_slice(&pretty.stdout).unwrap();
    assert_eq!(a, b, "the same document either way");

    // --out: one file per input.
    let outdir = dir.join("out");
    let out = qarar(&["parse", "--out", outdir.to_str().unwrap(), older, session]);
    assert!(out.status.success() && out.stdout.is_empty());
    assert!(
        outdir.join("older-layout.json").exists()
            && outdir.join("cfm-44-political-ar.json").exists()
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn help_and_version_say_what_the_tool_does() {
    let help = qarar(&["parse", "--help"]);
    assert!(help.status.success());
    let text = String::from_utf8_lossy(&help.stdout);
    for word in ["--format", "ndjson", "--pretty", "--out", "standard input"] {
        assert!(text.contains(word), "parse --help should document {word}");
    }
    let top = String::from_utf8_lossy(&qarar(&["--help"]).stdout).into_owned();
    assert!(
        top.contains("Exit status"),
        "--help should document the exit codes"
    );
    let version = qarar(&["--version"]);
    assert!(String::from_utf8_lossy(&version.stdout).starts_with("qarar "));
    assert_eq!(
        qarar(&["parse"]).status.code(),
        Some(2),
        "a usage error exits 2"
    );
}
