//! The command line: `qarar parse FILE…` prints each session as JSON (the viewer's model; see
//! `schema/document.schema.json`). A file that is not a session is refused with a one-line reason
//! on stderr; the others go on.

use std::io::{BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

/// Exit codes, as `--help` documents them.
const REFUSED: u8 = 1;
const CANNOT_WRITE: u8 = 3;

#[derive(Parser)]
#[command(
    name = "qarar",
    version,
    about = "Reads the resolutions of an OIC Council of Foreign Ministers session into structure",
    after_help = "Exit status: 0 when every file was read; 1 when a file was refused (not a session, \
                  unreadable) — the others are still written; 2 for a usage error; 3 when the \
                  output could not be written."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Parses session files (plain text in any Arabic encoding, .docx, .html) and prints them.
    Parse {
        /// The files to read; `-` reads standard input. Several files make a JSON array (or one
        /// line each with --format ndjson), or one output file each with --out.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// What to print: `json` (the document; an array of them for several files) or `ndjson`
        /// (one document per line, per file).
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// Indent the JSON (compact by default: a 50 MB session prints 180 MB indented).
        #[arg(long)]
        pretty: bool,
        /// Write one file per input into this directory (`NAME.json`), instead of to stdout.
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Json,
    Ndjson,
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Parse {
            files,
            format,
            pretty,
            out,
        } => parse(&files, format, pretty, out.as_deref()),
    }
}

/// Reads `file` (`-` for stdin).
fn read_input(file: &Path) -> std::io::Result<Vec<u8>> {
    if file == Path::new("-") {
        let mut bytes = Vec::new();
        std::io::stdin().lock().read_to_end(&mut bytes)?;
        Ok(bytes)
    } else {
        std::fs::read(file)
    }
}

/// The session in `file`, or why not (printed, as one line).
fn read_session(file: &Path) -> Option<qarar::Document> {
    let shown = file.display();
    let bytes = match read_input(file) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("qarar: cannot read {shown}: {e}");
            return None;
        }
    };
    match qarar::read(bytes) {
        Ok(doc) => Some(doc),
        Err(e) => {
            eprintln!("qarar: {shown}: {e}");
            None
        }
    }
}

fn write_json(out: &mut impl Write, doc: &qarar::Document, pretty: bool) -> std::io::Result<()> {
    if pretty {
        serde_json::to_writer_pretty(&mut *out, doc)?;
    } else {
        serde_json::to_writer(&mut *out, doc)?;
    }
    Ok(())
}

fn parse(files: &[PathBuf], format: Format, pretty: bool, out: Option<&Path>) -> ExitCode {
    let mut refused = false;
    let written = match out {
        Some(dir) => write_files(files, dir, pretty, &mut refused),
        None => write_stdout(files, format, pretty, &mut refused),
    };
    match written {
        Err(e) => {
            eprintln!("qarar: cannot write the output: {e}");
            ExitCode::from(CANNOT_WRITE)
        }
        Ok(()) if refused => ExitCode::from(REFUSED),
        Ok(()) => ExitCode::SUCCESS,
    }
}

/// Everything to stdout, through one buffer: stdout is line-buffered, and indented JSON is a
/// line per field.
fn write_stdout(
    files: &[PathBuf],
    format: Format,
    pretty: bool,
    refused: &mut bool,
) -> std::io::Result<()> {
    let mut out = BufWriter::with_capacity(1 << 20, std::io::stdout().lock());
    let array = format == Format::Json && files.len() > 1;
    if array {
        out.write_all(b"[")?;
    }
    let mut first = true;
    for file in files {
        let Some(doc) = read_session(file) else {
            *refused = true;
            continue;
        };
        if array && !std::mem::take(&mut first) {
            out.write_all(b",")?;
        }
        write_json(&mut out, &doc, pretty && format == Format::Json)?;
        if !array {
            out.write_all(b"\n")?;
        }
        // The document is dropped before the next file is read.
    }
    if array {
        out.write_all(b"]\n")?;
    }
    out.flush()
}

/// One `NAME.json` per input in `dir` (stdin is `stdin.json`).
fn write_files(
    files: &[PathBuf],
    dir: &Path,
    pretty: bool,
    refused: &mut bool,
) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    for file in files {
        let Some(doc) = read_session(file) else {
            *refused = true;
            continue;
        };
        let stem = match file.file_stem() {
            Some(s) if file != Path::new("-") => s.to_string_lossy().into_owned(),
            _ => "stdin".to_string(),
        };
        let path = dir.join(format!("{stem}.json"));
        let mut out = BufWriter::with_capacity(1 << 20, std::fs::File::create(&path)?);
        write_json(&mut out, &doc, pretty)?;
        out.write_all(b"\n")?;
        out.flush()?;
    }
    Ok(())
}
