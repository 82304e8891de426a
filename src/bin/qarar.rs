//! The command line: `qarar parse FILE` prints the parsed session as JSON on stdout.
//! A file that is not a session exits non-zero with a one-line reason on stderr.

use std::io::Write;
use std::process::ExitCode;

const USAGE: &str =
    "usage: qarar parse FILE   (prints the session as JSON; see schema/document.schema.json)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [cmd, file] if cmd == "parse" => parse(file),
        [flag] if flag == "--help" || flag == "-h" => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn parse(file: &str) -> ExitCode {
    let bytes = match std::fs::read(file) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("qarar: cannot read {file}: {e}");
            return ExitCode::from(1);
        }
    };
    match qarar::parse_bytes(&bytes) {
        Ok((doc, _)) => {
            let out = std::io::stdout();
            let mut out = out.lock();
            let written = serde_json::to_writer_pretty(&mut out, &doc)
                .map_err(|e| e.to_string())
                .and_then(|_| writeln!(out).map_err(|e| e.to_string()));
            match written {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("qarar: cannot write the output: {e}");
                    ExitCode::from(1)
                }
            }
        }
        Err(e) => {
            eprintln!("qarar: {file}: {e}");
            ExitCode::from(1)
        }
    }
}
