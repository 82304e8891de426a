//! The command line: `qarar parse FILE…` prints each session as JSON (the viewer's model; see
//! `schema/document.schema.json`), NDJSON, CSV (a row per operative clause) or Akoma Ntoso XML;
//! `qarar stats FILE` counts verb categories and regions. A file that is not a session is refused
//! with a one-line reason on stderr; the others go on.

use std::io::{BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use qarar::export::Selection;

/// Exit codes, as `--help` documents them.
const REFUSED: u8 = 1;
const USAGE: u8 = 2;
const CANNOT_WRITE: u8 = 3;

#[derive(Parser)]
#[command(
    name = "qarar",
    version,
    about = "Reads the resolutions of an OIC Council of Foreign Ministers session into structure",
    after_help = "Exit status: 0 when every file was read; 1 when a file was refused (not a session, \
                  unreadable) — the others are still written; 2 for a usage error; 3 when the \
                  output could not be written.\n\nExamples:\n  qarar parse session.txt --pretty\n  \
                  qarar parse --format csv *.txt > clauses.csv\n  \
                  qarar parse --format akn --out xml/ a.docx b.html\n  \
                  qarar diff cfm-44.txt cfm-45.txt --pretty\n  \
                  cat session.txt | qarar parse -\n  qarar stats session.txt --format json"
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
        /// What to print: `json` (the document; an array of them for several files), `ndjson`
        /// (one document per line, per file), `csv` (a row per operative clause: session,
        /// resolution, title, clause, verb, category, gloss, regions, text; one header for all
        /// files; UTF-8 with a BOM) or `akn` (Akoma Ntoso 3.0 XML, a documentCollection per file;
        /// several files need --out).
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// Indent the JSON (compact by default: a 50 MB session prints 180 MB indented).
        #[arg(long)]
        pretty: bool,
        /// Write one file per input into this directory (`NAME.json`, `NAME.csv`,
        /// `NAME.akn.xml`), instead of to stdout.
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
    /// Counts a session's resolutions and operative clauses per verb category, and its
    /// resolutions per region (the viewer's chip counts).
    Stats {
        /// The file to read; `-` reads standard input.
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// `table` (aligned text) or `json`.
        #[arg(long, value_enum, default_value_t = StatsFormat::Table)]
        format: StatsFormat,
    },
    /// Compares two sessions: which resolution of NEW continues which of OLD (paired by
    /// content), and what changed in each pair, clause by clause and word by word. Prints JSON
    /// (`schema/diff.schema.json`): `pairs` (old, new, score, status same|changed, clauses:
    /// old/new keys such as op3 or pre2, op same|changed|moved|added|removed, verb {old, new}
    /// when the opening verb's category changed, words [{op: equal|insert|delete, text}]),
    /// `removed` (old ids without a partner) and `added` (new ids).
    Diff {
        /// The earlier session (`-` reads standard input).
        #[arg(value_name = "OLD")]
        old: PathBuf,
        /// The later session.
        #[arg(value_name = "NEW")]
        new: PathBuf,
        /// Indent the JSON.
        #[arg(long)]
        pretty: bool,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Json,
    Ndjson,
    Csv,
    Akn,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum StatsFormat {
    Table,
    Json,
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Parse {
            files,
            format,
            pretty,
            out,
        } => {
            if format == Format::Akn && files.len() > 1 && out.is_none() {
                eprintln!(
                    "qarar: several files as Akoma Ntoso need --out DIR (one XML document each)"
                );
                return ExitCode::from(USAGE);
            }
            parse(&files, format, pretty, out.as_deref())
        }
        Command::Stats { file, format } => stats(&file, format),
        Command::Diff { old, new, pretty } => diff(&old, &new, pretty),
    }
}

fn diff(old: &Path, new: &Path, pretty: bool) -> ExitCode {
    let (Some(a), Some(b)) = (read_session(old), read_session(new)) else {
        return ExitCode::from(REFUSED);
    };
    let c = qarar::compare::compare(&a, &b);
    let text = if pretty {
        serde_json::to_string_pretty(&c)
    } else {
        serde_json::to_string(&c)
    };
    match std::io::stdout()
        .lock()
        .write_all((text.unwrap_or_default() + "\n").as_bytes())
    {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("qarar: cannot write the output: {e}");
            ExitCode::from(CANNOT_WRITE)
        }
    }
}

fn stats(file: &Path, format: StatsFormat) -> ExitCode {
    let Some(doc) = read_session(file) else {
        return ExitCode::from(REFUSED);
    };
    let s = qarar::export::stats(&doc);
    let text = match format {
        StatsFormat::Table => s.table(),
        StatsFormat::Json => serde_json::to_string_pretty(&s).unwrap_or_default() + "\n",
    };
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("qarar: cannot write the output: {e}");
            ExitCode::from(CANNOT_WRITE)
        }
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
        qarar::export::write_json(&mut *out, doc)?;
    }
    Ok(())
}

/// `doc` in `format`, as one file holds it (a CSV with its BOM and header).
fn write_doc(
    out: &mut impl Write,
    doc: &qarar::Document,
    format: Format,
    pretty: bool,
) -> std::io::Result<()> {
    use qarar::export::{export, ExportFormat};
    match format {
        Format::Json | Format::Ndjson => write_json(out, doc, pretty && format == Format::Json),
        Format::Csv => out.write_all(&export(&Selection::all(doc), ExportFormat::Csv)),
        Format::Akn => out.write_all(&export(&Selection::all(doc), ExportFormat::Akn)),
    }
}

/// A file name's extension for `format`.
fn extension(format: Format) -> &'static str {
    match format {
        Format::Json | Format::Ndjson => "json",
        Format::Csv => "csv",
        Format::Akn => "akn.xml",
    }
}

fn parse(files: &[PathBuf], format: Format, pretty: bool, out: Option<&Path>) -> ExitCode {
    let mut refused = false;
    let written = match out {
        Some(dir) => write_files(files, dir, format, pretty, &mut refused),
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
    if format == Format::Csv {
        // One table for every file: the BOM and the header once, the `session` column tells
        // the files apart.
        out.write_all("\u{feff}".as_bytes())?;
        out.write_all(qarar::export::HEADER.join(",").as_bytes())?;
        out.write_all(b"\r\n")?;
    }
    let mut first = true;
    for (k, file) in files.iter().enumerate() {
        let Some(doc) = read_session(file) else {
            *refused = true;
            continue;
        };
        if array && !std::mem::take(&mut first) {
            out.write_all(b",")?;
        }
        match format {
            Format::Csv => out.write_all(&qarar::export::csv_rows(&Selection::all(&doc)))?,
            _ => write_doc(&mut out, &doc, format, pretty)?,
        }
        if matches!(format, Format::Json | Format::Ndjson) && !array {
            out.write_all(b"\n")?;
        }
        // The document is dropped before the next file is read; not the last one, which the
        // process gives back whole as it exits (freeing its several hundred thousand
        // allocations one by one was a tenth of the time on a 50 MB file).
        if k + 1 == files.len() {
            std::mem::forget(doc);
        }
    }
    if array {
        out.write_all(b"]\n")?;
    }
    out.flush()
}

/// One `NAME.json` (`.csv`, `.akn.xml`) per input in `dir` (stdin is `stdin.json`).
fn write_files(
    files: &[PathBuf],
    dir: &Path,
    format: Format,
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
        let path = dir.join(format!("{stem}.{}", extension(format)));
        let mut out = BufWriter::with_capacity(1 << 20, std::fs::File::create(&path)?);
        write_doc(&mut out, &doc, format, pretty)?;
        if matches!(format, Format::Json | Format::Ndjson) {
            out.write_all(b"\n")?;
        }
        out.flush()?;
    }
    Ok(())
}
