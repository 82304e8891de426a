//! The parser: text → lines → document. Any input is a document; nothing in it is dropped.
//!
//! The pipeline is [`parse`]; each phase or construct has a file of its own:
//! - `line` reads and classifies every non-blank line (with `scan`, the small recognisers);
//! - `furniture` sets aside page numbers and running heads;
//! - `layout` finds the table of contents, the cover and where each resolution starts;
//! - `toc` and `cover` read the front matter;
//! - `resolution` reads one resolution's head and enacting formula, `body` its paragraphs'
//!   lines, and `paragraph` each paragraph, with `verbs`, `regions` and `refs` inside it;
//! - `reading` reads the resolutions from their lines, in turn or on several threads;
//! - `ids` settles ids: the order they are printed in, and those of resolutions without a heading.
//!
//! Each of those stages is a function of its own in the build (`#[inline(never)]`, and
//! index.html's `--one-caller-inline-max-function-size` for wasm-opt), though most are called from
//! one place. In the browser the parse runs once, cold, and V8 runs a wasm function in its baseline
//! code (Liftoff) for the whole of a call, compiling an optimised build in the background once
//! the function is hot: inlined into one 76 KB function, the whole parse ran in baseline code and
//! was then compiled by TurboFan for ~360 ms of a two-core machine's time that nothing used. As
//! stages, those called per resolution or paragraph run optimised after the first few calls.

mod body;
mod cover;
mod furniture;
mod ids;
pub(crate) mod language;
mod layout;
mod line;
mod paragraph;
mod reading;
mod refs;
mod regions;
mod resolution;
mod scan;
mod toc;
mod verbs;

pub use scan::has_ascii_digit;

use layout::Layout;
use line::{Kind, LineInfo};
#[cfg(not(target_arch = "wasm32"))]
pub use reading::threads;
use reading::{PlacedLine, ResolutionLines};
pub use reading::{Reading, STRETCHES_FROM};

use crate::model::{CoverLine, CoverRole, Document, Unplaced};
use crate::text::normalize::Normalized;

/// Parses a session document into the model (untagged: see `crate::tag`).
pub(crate) fn parse(src: &str) -> Document {
    parse_page(src, 0)
}

/// Where a session's own text starts in a saved web page: at the organisation's name or the
/// document symbol that opens its cover, when one comes within the first lines and something
/// (the site's name, menus, the page's title) stands above it; else 0.
pub(crate) fn web_page_start(text: &str) -> usize {
    const LOOK: usize = 40;
    let lines = crate::text::split_lines(text);
    let cover = lines
        .iter()
        .filter(|l| !l.text.trim().is_empty())
        .take(LOOK)
        .position(|l| {
            let n = crate::text::normalize(l.text.trim());
            n == "منظمه التعاون الاسلامي"
                || n.starts_with("oic/")
                || n == "organisation of islamic cooperation"
                || n == "organization of islamic cooperation"
        });
    match cover {
        Some(k) if k > 0 => lines
            .iter()
            .filter(|l| !l.text.trim().is_empty())
            .nth(k)
            .map_or(0, |l| l.start),
        _ => 0,
    }
}

/// [`parse`] for a document saved as a web page, whose own lines (the site's name and menus, the
/// page's title) end at byte `page_until`: they are set aside, not read as the cover.
pub(crate) fn parse_page(src: &str, page_until: usize) -> Document {
    parse_read_as(src, page_until, Reading::for_document(src))
}

/// [`parse_page`], its resolutions read as `reading` says.
pub(crate) fn parse_read_as(src: &str, page_until: usize, reading: Reading) -> Document {
    // The whole text is normalised once; lines are stretches of it. A document read in
    // stretches is large, and normalised on the threads that will read it.
    let norm = match reading {
        Reading::Whole => Normalized::document(src),
        Reading::Stretches { threads } => Normalized::document_in_parts(src, threads),
    };
    let (mut doc, resolutions) = read_outline(src, &norm, page_until);
    match reading {
        Reading::Whole => reading::in_turn(src, resolutions, 0, Some(&norm), &mut doc),
        Reading::Stretches { threads } => {
            // Each resolution normalises its own stretch; the document's copy is not kept.
            drop(norm);
            reading::in_parallel(src, resolutions, threads, &mut doc);
        }
    }
    ids::settle_order(&mut doc);
    ids::assign(&mut doc);
    if doc.session.number.is_none() {
        doc.session.number = doc.resolutions.first().map(|r| r.session);
    }
    resolution::mark_incomplete(&mut doc);
    doc
}

/// The first pass over the whole document (`norm`, normalised): its lines read and classified,
/// the furniture set aside, the front matter read, and each resolution's lines found. The table
/// of lines is dropped when it ends: it is a third of the text's size.
#[inline(never)] // a stage of its own in the wasm build: see parse/mod.rs
fn read_outline(
    src: &str,
    norm: &Normalized,
    page_until: usize,
) -> (Document, Vec<ResolutionLines>) {
    let mut doc = Document {
        language: match language::detect(src) {
            language::Script::Latin(l) => l,
            _ => crate::model::Language::Arabic,
        },
        ..Document::default()
    };
    let lines = line::read_lines(src, norm);
    let lines = furniture::set_aside(src, lines, norm.has_form_feed(src), page_until, &mut doc);
    let layout = Layout::find(&lines);
    read_front_matter(src, &lines, &layout, &mut doc);
    let resolutions = (layout.starts.iter().enumerate())
        .map(|(k, start)| {
            let region = layout.resolution_lines(k);
            ResolutionLines {
                enacting: start
                    .enacting
                    .and_then(|e| region.iter().position(|&i| i == e)),
                lines: (region.iter())
                    .map(|&i| PlacedLine {
                        start: lines[i].start,
                        len: lines[i].raw.len(),
                        kind: lines[i].kind.clone(),
                    })
                    .collect(),
            }
        })
        // A region of no lines makes no resolution.
        .filter(|r| !r.lines.is_empty())
        .collect();
    (doc, resolutions)
}

/// The cover, the table of contents, and what stands between them and the first resolution.
#[inline(never)] // a stage of its own in the wasm build: see parse/mod.rs
fn read_front_matter(src: &str, lines: &[LineInfo], layout: &Layout, doc: &mut Document) {
    if let Some(r) = &layout.toc {
        doc.toc = toc::read(src, &lines[r.clone()], &mut doc.diagnostics);
    }
    doc.session = cover::read(src, &lines[..layout.cover_end]);
    // The table of contents' own headings are front matter too.
    let toc_lines = layout.toc.iter().flat_map(|r| lines[r.clone()].iter());
    doc.session.lines.extend(toc_lines.filter_map(|l| {
        let role = match l.kind {
            Kind::TocHeader => CoverRole::TocHeading,
            Kind::TocColumns => CoverRole::TocColumns,
            _ => return None,
        };
        Some(CoverLine {
            role,
            text: l.display().trim().to_string(),
            span: l.span(),
        })
    }));
    for (i, l) in lines
        .iter()
        .enumerate()
        .take(layout.first_start)
        .skip(layout.cover_end)
    {
        if !layout.in_toc(i) {
            doc.unplaced.push(Unplaced {
                text: l.raw.to_string(),
                reason: "text between the front matter and the first resolution".into(),
                resolution: None,
                span: l.span(),
            });
        }
    }
}
