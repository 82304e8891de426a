//! The parser: text → lines → document. Any input is a document; nothing in it is dropped.
//!
//! Phases, one module each: `line` reads and classifies every non-blank line; `toc` and `cover`
//! read the front matter; this module finds where each resolution starts (its enacting formula is
//! the anchor, its heading, «بشأن» and title lines sit just above it) and establishes ids (heading,
//! table of contents, or numbering order); `body` reads preambular paragraphs and operative clauses;
//! `verbs` and `refs` read inside paragraphs.

pub mod body;
pub mod cover;
pub mod furniture;
pub mod line;
pub mod refs;
pub mod scan;
pub mod toc;
pub mod verbs;

use line::{Kind, LineInfo};

use crate::lexicon::{lexicon, words, Window};
use crate::model::*;
use crate::text::inline::{into_trimmed, strip_marks, Para};
use crate::text::normalize;
use crate::text::normalize::{Normalized, SourceMap};

/// How many unmarked lines above an enacting formula may be its title.
const MAX_TITLE_LINES: usize = 4;
/// A title line is shorter than this (in chars); longer lines are paragraphs.
const MAX_TITLE_CHARS: usize = 300;

/// Parses a session document.
pub fn parse(src: &str) -> Document {
    // The whole text is normalised once; lines and paragraphs are stretches of it.
    let norm = Normalized::document(src);
    let mut doc = Document::default();
    let lines = set_furniture_aside(
        src,
        line::read_lines(src, &norm),
        norm.has_form_feed(src),
        &mut doc,
    );

    let first_enacting = lines
        .iter()
        .position(|l| l.kind == Kind::Enacting)
        .unwrap_or(lines.len());
    let toc_range = toc::locate(&lines, first_enacting);
    if let Some(r) = &toc_range {
        doc.toc = toc::read(src, &lines[r.clone()], &mut doc.diagnostics);
    }
    let toc_front: Vec<CoverLine> = toc_range
        .iter()
        .flat_map(|r| lines[r.clone()].iter())
        .filter_map(|l| {
            let role = match l.kind {
                Kind::TocHeader => CoverRole::TocHeading,
                Kind::TocColumns => CoverRole::TocColumns,
                _ => return None,
            };
            Some(CoverLine {
                role,
                text: l.display().trim().to_string(),
                span: Span::new(l.start, l.end()),
            })
        })
        .collect();
    let in_toc = |i: usize| toc_range.as_ref().is_some_and(|r| r.contains(&i));
    let body_from = toc_range
        .as_ref()
        .map_or(0, |r| if r.start < first_enacting { r.end } else { 0 });

    // Where each resolution starts: the top of the block above each enacting formula, and any
    // heading that is not in such a block (a resolution without a formula).
    let mut starts: Vec<(usize, Option<usize>)> = Vec::new(); // (first line, enacting line)
    let mut claimed = vec![false; lines.len()];
    let mut prev_end = body_from;
    for e in (body_from..lines.len()).filter(|&i| lines[i].kind == Kind::Enacting && !in_toc(i)) {
        let top = head_top(&lines, prev_end, e, &in_toc);
        for c in &mut claimed[top..=e] {
            *c = true;
        }
        starts.push((top, Some(e)));
        prev_end = e + 1;
    }
    for (i, l) in lines.iter().enumerate().skip(body_from) {
        if matches!(l.kind, Kind::Heading(_)) && !claimed[i] && !in_toc(i) {
            starts.push((i, None));
        }
    }
    starts.sort();

    // Front matter: the cover before the table of contents (or before the first resolution).
    let first_start = starts.first().map_or(lines.len(), |s| s.0);
    let cover_end = toc_range
        .as_ref()
        .map_or(first_start, |r| r.start.min(first_start));
    doc.session = cover::read(src, &lines[..cover_end]);
    doc.session.lines.extend(toc_front);
    for l in lines[cover_end..first_start]
        .iter()
        .enumerate()
        .filter(|(i, _)| !in_toc(cover_end + i))
        .map(|(_, l)| l)
    {
        doc.unplaced.push(Unplaced {
            text: l.raw.to_string(),
            reason: "text between the front matter and the first resolution".into(),
            resolution: None,
            span: Span::new(l.start, l.end()),
        });
    }

    for (k, &(start, enacting)) in starts.iter().enumerate() {
        let end = starts.get(k + 1).map_or(lines.len(), |s| s.0);
        let region: Vec<usize> = (start..end).filter(|&i| !in_toc(i)).collect();
        read_resolution(src, &norm, &lines, &region, enacting, &mut doc);
    }

    settle_id_order(&mut doc);
    assign_ids(&mut doc);
    if doc.session.number.is_none() {
        doc.session.number = doc.resolutions.first().map(|r| r.session);
    }
    mark_incomplete(src, &mut doc);
    crate::tag::tag(src, &mut doc);
    doc
}

/// Moves the page furniture (page numbers, running heads) out of `lines` into
/// `doc.furniture`, with one diagnostic that says how much was set aside.
fn set_furniture_aside<'a>(
    src: &str,
    lines: Vec<LineInfo<'a>>,
    has_form_feeds: bool,
    doc: &mut Document,
) -> Vec<LineInfo<'a>> {
    let marks = furniture::find(src, &lines, has_form_feeds);
    if marks.iter().all(Option::is_none) {
        return lines;
    }
    let mut kept = Vec::with_capacity(lines.len());
    for (l, mark) in lines.into_iter().zip(marks) {
        match mark {
            Some(kind) => doc.furniture.push(Furniture {
                kind,
                text: l.raw.to_string(),
                span: Span::new(l.start, l.end()),
            }),
            None => kept.push(l),
        }
    }
    let count = |k| doc.furniture.iter().filter(|f| f.kind == k).count();
    let (numbers, heads) = (
        count(FurnitureKind::PageNumber),
        count(FurnitureKind::RunningHead),
    );
    doc.diagnostics.push(diag(
        Severity::Info,
        "page-furniture",
        format!(
            "{numbers} page numbers and {heads} running heads left between the pages by the \
             converter were set aside, so that paragraphs cut by a page break read whole"
        ),
        doc.furniture.first().map(|f| f.span),
        None,
    ));
    kept
}

/// The first line of the block above the enacting formula at `e`: heading, «بشأن», title lines.
fn head_top(lines: &[LineInfo], floor: usize, e: usize, in_toc: &dyn Fn(usize) -> bool) -> usize {
    let mut top = e;
    let mut titles = 0;
    let mut seen_bishaan = false;
    let mut j = e;
    while j > floor {
        j -= 1;
        if in_toc(j) {
            break;
        }
        let l = &lines[j];
        match &l.kind {
            Kind::Heading(_) => {
                top = j;
                break;
            }
            Kind::Bishaan(_) if !seen_bishaan => {
                seen_bishaan = true;
                top = j;
            }
            Kind::Text | Kind::Opening | Kind::Verb
                if !seen_bishaan && titles < MAX_TITLE_LINES && is_title_like(l) =>
            {
                titles += 1;
                top = j;
            }
            _ => break,
        }
    }
    top
}

/// A title line: short, and not ending as a sentence does.
fn is_title_like(l: &LineInfo) -> bool {
    if l.raw.len() > MAX_TITLE_CHARS * 4 {
        return false;
    }
    let d = l.display();
    let t = d.trim_end();
    !scan::ends_closed(t) && !t.ends_with('،') && t.chars().count() <= MAX_TITLE_CHARS
}

fn diag(
    severity: Severity,
    code: &str,
    message: String,
    span: Option<Span>,
    res: Option<&str>,
) -> Diagnostic {
    Diagnostic {
        severity,
        code: code.into(),
        message,
        span,
        resolution: res.map(str::to_string),
    }
}

/// Reads one resolution from the lines `region` (indices into `lines`).
fn read_resolution(
    src: &str,
    norm: &Normalized,
    lines: &[LineInfo],
    region: &[usize],
    enacting: Option<usize>,
    doc: &mut Document,
) {
    let Some(&first) = region.first() else { return };
    let last = *region.last().unwrap_or(&first);
    let mut heading: Option<(TextBlock, ResolutionId)> = None;
    let mut title_pieces: Vec<(usize, &str)> = Vec::new();
    let mut title_end = 0;

    // The head: heading, «بشأن», title lines — up to the enacting formula, or (without one) up to
    // the first line that is not a title.
    let head_end = match enacting {
        Some(e) => region.iter().position(|&i| i == e).unwrap_or(0),
        None => {
            let mut n = 0;
            for (k, &i) in region.iter().enumerate() {
                let ok = match lines[i].kind {
                    Kind::Heading(_) => k == 0,
                    Kind::Bishaan(_) => true,
                    Kind::Text => is_title_like(&lines[i]) && k <= MAX_TITLE_LINES,
                    _ => false,
                };
                if !ok {
                    break;
                }
                n = k + 1;
            }
            n
        }
    };
    for &i in &region[..head_end] {
        let l = &lines[i];
        match &l.kind {
            Kind::Heading(h) if heading.is_none() => {
                let committee = crate::text::unshape(
                    src[l.source(h.committee.0)
                        ..verbs::source_end(src, &l.norm, h.committee.1)
                            .max(l.source(h.committee.0))]
                        .trim(),
                );
                // As printed; `settle_id_order` swaps the numbers if the document prints the
                // resolution's number first.
                let id = ResolutionId {
                    session: h.session,
                    number: h.number,
                    committee,
                    order: IdOrder::SessionFirst,
                };
                let id_end = h.title_at.map_or(l.end(), |t| l.source(t));
                let id_text = strip_marks(src[l.start..id_end].trim_end());
                let id_text = id_text
                    .trim_end_matches(|c: char| c.is_whitespace())
                    .to_string();
                let id_text = ["بشأن", "حول"]
                    .iter()
                    .find_map(|w| id_text.strip_suffix(w))
                    .map_or(id_text.clone(), |t| t.trim_end().to_string());
                heading = Some((
                    TextBlock {
                        text: id_text,
                        span: Span::new(l.start, l.end()),
                    },
                    id,
                ));
                if let Some(t) = h.title_at {
                    let s = l.source(t);
                    title_pieces.push((s, &src[s..l.end()]));
                    title_end = l.end();
                }
            }
            Kind::Bishaan(t) => {
                if let Some(t) = t {
                    let s = l.source(*t);
                    title_pieces.push((s, &src[s..l.end()]));
                    title_end = l.end();
                }
            }
            _ => {
                title_pieces.push((l.start, &src[l.start..l.end()]));
                title_end = l.end();
            }
        }
    }
    let head = match region[..head_end] {
        [] => Span::new(lines[first].start, lines[first].start),
        [a, .., b] => Span::new(lines[a].start, lines[b].end()),
        [a] => Span::new(lines[a].start, lines[a].end()),
    };
    let title_para = Para::build(title_pieces.iter().copied());
    let title = into_trimmed(title_para.display);
    let title_span = (!title.is_empty()).then(|| Span::new(title_para.start, title_end));

    // The enacting formula, with any lines that continue it.
    let mut k = head_end;
    let mut enacting_block = None;
    if enacting.is_some() {
        let e = &lines[region[k]];
        let mut pieces = vec![(e.start, &src[e.start..e.end()])];
        let mut end = e.end();
        k += 1;
        while k < region.len() {
            let l = &lines[region[k]];
            let open = pieces
                .last()
                .is_some_and(|(_, t)| !scan::ends_closed(t) && !t.trim_end().ends_with('،'));
            if open && l.kind == Kind::Text {
                pieces.push((l.start, &src[l.start..l.end()]));
                end = l.end();
                k += 1;
            } else {
                break;
            }
        }
        let p = Para::build(pieces);
        enacting_block = Some(TextBlock {
            text: p.display,
            span: Span::new(e.start, end),
        });
    }

    let body_lines: Vec<&LineInfo> = region[k..].iter().map(|&i| &lines[i]).collect();
    let body = body::read(src, &body_lines);

    let lx = lexicon();
    let mut references = Vec::new();
    let preamble: Vec<Preambular> = body
        .preamble
        .iter()
        .map(|p| {
            let para = Para::view(norm, &p.pieces);
            references.extend(refs::references(src, &para));
            let n = para.norm_text();
            let ws = para.words();
            let texts: Window<10> = Window::of(n, ws, 0);
            // A phrase from the lexicon, or the genre's shape (وإذ + a verb, بعد + a noun) unglossed.
            let matched = lx
                .match_opening(&texts)
                .map(|m| (m.len, Some(&lx.openings[m.payload])));
            let opening = matched
                .or_else(|| line::is_generic_opening(&texts).then_some((2, None)))
                .map(|(len, entry)| {
                    let last = ws[len.min(ws.len()) - 1];
                    let start = para.source(ws[0].start);
                    let end = verbs::source_end(src, &para, last.end);
                    let text = strip_marks(&src[start..end]);
                    Opening {
                        phrase: entry.map_or_else(|| text.clone().into(), |e| e.phrase.into()),
                        gloss: entry.map_or("", |e| e.gloss).into(),
                        text,
                        start,
                        end,
                    }
                });
            let regions = crate::tag::mentions(src, &para);
            Preambular {
                text: into_trimmed(para.display),
                opening,
                regions,
                emphasis: para.marks,
                span: p.span(),
            }
        })
        .collect();

    let mut diagnostics = body.diagnostics;
    let operative: Vec<OperativeClause> = body
        .operative
        .into_iter()
        .map(|c| {
            let para = Para::view(norm, &c.body.pieces);
            references.extend(refs::references(src, &para));
            let (verbs, opening) = verbs::operative_verbs(src, &para);
            let span = c.body.span();
            match opening {
                verbs::Opening::Known => {}
                verbs::Opening::Unknown => diagnostics.push(diag(
                    Severity::Info,
                    "verb-not-in-lexicon",
                    format!(
                        "the clause opens with «{}», which the verb lexicon does not have",
                        verbs.first().map_or("", |v| v.text.as_str())
                    ),
                    Some(span),
                    None,
                )),
                verbs::Opening::None => diagnostics.push(diag(
                    Severity::Warning,
                    "clause-without-verb",
                    "the clause does not open with an operative verb".into(),
                    Some(span),
                    None,
                )),
            }
            let items = c
                .items
                .into_iter()
                .map(|(label, p)| {
                    let ip = Para::view(norm, &p.pieces);
                    references.extend(refs::references(src, &ip));
                    let (verbs, _) = verbs::operative_verbs(src, &ip);
                    let regions = crate::tag::mentions(src, &ip);
                    SubItem {
                        label,
                        text: into_trimmed(ip.display),
                        verbs,
                        regions,
                        emphasis: ip.marks,
                        span: p.span(),
                    }
                })
                .collect();
            let regions = crate::tag::mentions(src, &para);
            OperativeClause {
                number: c.label.as_ref().and_then(|l| l.1),
                label: c.label.map(|l| l.0),
                text: into_trimmed(para.display),
                verbs,
                items,
                regions,
                emphasis: para.marks,
                span,
            }
        })
        .collect();

    let (id_source, id) = match heading.as_ref() {
        Some((_, id)) => (IdSource::Heading, id.clone()),
        None => (
            IdSource::NumberingOrder,
            ResolutionId {
                session: 0,
                number: 0,
                committee: String::new(),
                order: IdOrder::SessionFirst,
            },
        ),
    };
    // Until `assign_ids` gives it one, a resolution without a heading is known by its position.
    let res_id = match id_source {
        IdSource::Heading => id.display(),
        _ => format!("#{}", doc.resolutions.len() + 1),
    };
    for (span, reason) in body.unplaced {
        doc.unplaced.push(Unplaced {
            text: src[span.start..span.end].to_string(),
            reason,
            resolution: Some(res_id.clone()),
            span,
        });
    }
    for mut d in diagnostics {
        d.resolution = Some(res_id.clone());
        doc.diagnostics.push(d);
    }
    doc.resolutions.push(Resolution {
        id: res_id,
        session: id.session,
        number: id.number,
        committee: id.committee,
        id_source,
        heading: heading.map(|h| h.0),
        head,
        title,
        title_span,
        toc_title: None,
        enacting: enacting_block,
        preamble,
        operative,
        references,
        regions: vec![],
        incomplete: false,
        span: Span::new(lines[first].start, lines[last].end()),
    });
}

/// A title normalised and split into words, for comparing the body's wording with the table of
/// contents'.
struct TitleWords {
    text: String,
    words: Vec<crate::lexicon::Word>,
}

impl TitleWords {
    fn new(t: &str) -> Self {
        let text = normalize(t);
        let words = words(&text);
        TitleWords { text, words }
    }
    fn iter(&self) -> impl Iterator<Item = &str> {
        self.words.iter().map(|w| &self.text[w.start..w.end])
    }
}

/// How alike two titles are: shared words over all words (0 to 1).
fn similarity(a: &TitleWords, b: &TitleWords) -> f32 {
    if a.words.is_empty() || b.words.is_empty() {
        return 0.0;
    }
    let shared = a.iter().filter(|w| b.iter().any(|x| x == *w)).count();
    shared as f32 / (a.words.len().max(b.words.len())) as f32
}

/// Gives every resolution without a heading its id — from the table of contents when its title or
/// its place in the numbering finds a row there, else the next number — and fills titles the body
/// lacks.
fn assign_ids(doc: &mut Document) {
    let order = doc.session.id_order;
    let toc_words: Vec<TitleWords> = doc.toc.iter().map(|e| TitleWords::new(&e.title)).collect();
    let toc_ids: Vec<Option<ResolutionId>> = doc
        .toc
        .iter()
        .map(|e| {
            e.id.as_deref()
                .and_then(parse_id)
                .map(|id| id.in_order(order))
        })
        .collect();
    // Each row's id as resolutions print it, worked out once (it is compared for every resolution).
    let toc_display: Vec<Option<String>> = toc_ids
        .iter()
        .map(|id| id.as_ref().map(ResolutionId::display))
        .collect();
    let used: Vec<String> = doc
        .resolutions
        .iter()
        .filter(|r| r.id_source == IdSource::Heading)
        .map(|r| r.id.clone())
        .collect();
    let mut diagnostics = Vec::new();
    for k in 0..doc.resolutions.len() {
        if doc.resolutions[k].id_source == IdSource::Heading {
            continue;
        }
        let prev = k.checked_sub(1).map(|p| {
            (
                doc.resolutions[p].session,
                doc.resolutions[p].number,
                doc.resolutions[p].committee.clone(),
            )
        });
        let next = doc
            .resolutions
            .get(k + 1)
            .filter(|r| r.id_source == IdSource::Heading)
            .map(|r| (r.session, r.number, r.committee.clone()));
        let expected = match (&prev, &next) {
            (Some(p), _) => Some((p.0, p.1 + 1, p.2.clone())),
            (None, Some(n)) if n.1 > 1 => Some((n.0, n.1 - 1, n.2.clone())),
            _ => None,
        };
        let r = &doc.resolutions[k];
        let mine = TitleWords::new(&r.title);
        // The best-matching unused row by title, then the row for the expected number.
        let by_title = toc_words
            .iter()
            .enumerate()
            .filter(|(i, _)| {
                toc_display[*i]
                    .as_ref()
                    .is_some_and(|id| !used.contains(id))
            })
            .map(|(i, w)| (i, similarity(&mine, w)))
            .filter(|(_, s)| *s >= 0.5)
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(i, _)| i);
        let by_number = expected.as_ref().and_then(|e| {
            toc_ids.iter().position(|id| {
                id.as_ref()
                    .is_some_and(|id| id.number == e.1 && id.session == e.0)
            })
        });
        let row = by_title.or(by_number);
        let (id, source) = match (row.and_then(|i| toc_ids[i].clone()), &expected) {
            (Some(id), _) => (id, IdSource::Toc),
            (None, Some(e)) => (
                ResolutionId {
                    session: e.0,
                    number: e.1,
                    committee: e.2.clone(),
                    order,
                },
                IdSource::NumberingOrder,
            ),
            (None, None) => (
                ResolutionId {
                    session: 0,
                    number: (k + 1) as u32,
                    committee: String::new(),
                    order,
                },
                IdSource::NumberingOrder,
            ),
        };
        let old = r.id.clone();
        let r = &mut doc.resolutions[k];
        r.id = id.display();
        r.session = id.session;
        r.number = id.number;
        r.committee = id.committee.clone();
        r.id_source = source;
        let how = match source {
            IdSource::Toc => "its title and place match a row of the table of contents",
            _ => "it follows the previous resolution in the numbering",
        };
        diagnostics.push(diag(
            Severity::Warning,
            if source == IdSource::Toc {
                "heading-recovered-from-toc"
            } else {
                "heading-recovered-from-numbering"
            },
            format!(
                "resolution {} has no heading; its id was taken as {} because {how}",
                r.id, r.id
            ),
            Some(Span::new(r.span.start, r.span.start)),
            Some(&r.id),
        ));
        for d in doc
            .diagnostics
            .iter_mut()
            .filter(|d| d.resolution.as_deref() == Some(&old))
        {
            d.resolution = Some(doc.resolutions[k].id.clone());
        }
        for u in doc
            .unplaced
            .iter_mut()
            .filter(|u| u.resolution.as_deref() == Some(&old))
        {
            u.resolution = Some(doc.resolutions[k].id.clone());
        }
    }
    doc.diagnostics.extend(diagnostics);

    // Titles: the table of contents' wording where it differs, and where the body has none.
    for r in &mut doc.resolutions {
        let Some(e) = toc_display
            .iter()
            .position(|id| id.as_deref() == Some(r.id.as_str()))
            .map(|i| &doc.toc[i])
        else {
            continue;
        };
        if r.title.is_empty() {
            r.title = e.title.clone();
            doc.diagnostics.push(diag(
                Severity::Warning,
                "title-from-toc",
                format!(
                    "resolution {} has no title in the body; the table of contents' title is shown",
                    r.id
                ),
                Some(Span::new(r.span.start, r.span.start)),
                Some(&r.id),
            ));
        } else if normalize(&r.title)
            .split_whitespace()
            .ne(normalize(&e.title).split_whitespace())
        {
            r.toc_title = Some(e.title.clone());
        }
    }

    // The numbering itself: gaps and repeats are worth a word.
    let mut seen = std::collections::HashSet::new();
    for w in doc.resolutions.windows(2) {
        if w[1].session == w[0].session && w[1].number != w[0].number + 1 {
            doc.diagnostics.push(diag(
                Severity::Warning,
                "numbering-gap",
                format!("resolution {} follows {}", w[1].id, w[0].id),
                Some(Span::new(w[1].span.start, w[1].span.start)),
                Some(&w[1].id),
            ));
        }
    }
    for r in &doc.resolutions {
        if !seen.insert(r.id.clone()) {
            doc.diagnostics.push(diag(
                Severity::Warning,
                "duplicate-id",
                format!("the id {} is used by more than one resolution", r.id),
                Some(Span::new(r.span.start, r.span.start)),
                Some(&r.id),
            ));
        }
    }
}

/// Reads an id as written (`44/1-س`), taking the first number for the session; see
/// [`ResolutionId::in_order`] for documents that print the number first.
pub fn parse_id(s: &str) -> Option<ResolutionId> {
    let n = normalize(s);
    let (session, number, _, _) = scan::resolution_id(&n, 0)?;
    let committee = crate::text::unshape(s.split_once('-').map_or("", |(_, c)| c).trim());
    Some(ResolutionId {
        session,
        number,
        committee,
        order: IdOrder::SessionFirst,
    })
}

impl ResolutionId {
    /// This id, read session first, as a document that prints ids in `order` means it.
    fn in_order(self, order: IdOrder) -> ResolutionId {
        match order {
            IdOrder::SessionFirst => self,
            IdOrder::NumberFirst => ResolutionId {
                session: self.number,
                number: self.session,
                order,
                ..self
            },
        }
    }
}

/// Settles which number the document's ids print first ([`IdOrder`]), and swaps the session and
/// number of the resolutions read from headings if it is the resolution's number.
///
/// Across several ids, the session is the number that stays the same (`44/1`, `44/2` …, or
/// `1/35`, `2/35` …). With a single id, or ids that do not tell, it is the number that the cover
/// or the first enacting formula names by its ordinal («في دورته الخامسة والثلاثين»). Failing
/// both, session first, as the current sessions print.
fn settle_id_order(doc: &mut Document) {
    let printed: Vec<(u32, u32)> = doc
        .resolutions
        .iter()
        .filter(|r| r.id_source == IdSource::Heading)
        .map(|r| (r.session, r.number))
        .chain(
            doc.toc
                .iter()
                .filter_map(|e| e.id.as_deref().and_then(parse_id))
                .map(|id| (id.session, id.number)),
        )
        .collect();
    let Some(&(first, second)) = printed.first() else {
        return;
    };
    let firsts_agree = printed.iter().all(|p| p.0 == first);
    let seconds_agree = printed.iter().all(|p| p.1 == second);
    let order = match (firsts_agree, seconds_agree) {
        (true, false) => IdOrder::SessionFirst,
        (false, true) => IdOrder::NumberFirst,
        _ => {
            let named = doc.session.number.or_else(|| {
                let e = doc.resolutions.iter().find_map(|r| r.enacting.as_ref())?;
                cover::session_ordinal(&cover::words(&normalize(&e.text)))
            });
            if named == Some(second) && second != first {
                IdOrder::NumberFirst
            } else {
                IdOrder::SessionFirst
            }
        }
    };
    doc.session.id_order = order;
    if order == IdOrder::NumberFirst {
        for r in doc
            .resolutions
            .iter_mut()
            .filter(|r| r.id_source == IdSource::Heading)
        {
            std::mem::swap(&mut r.session, &mut r.number);
        }
    }
}

/// A resolution with no operative clause, or a document that stops mid-sentence, is incomplete.
fn mark_incomplete(src: &str, doc: &mut Document) {
    let n = doc.resolutions.len();
    for (k, r) in doc.resolutions.iter_mut().enumerate() {
        let last_text = r
            .operative
            .last()
            .map(|c| c.items.last().map_or(c.text.as_str(), |i| i.text.as_str()))
            .unwrap_or("");
        let cut =
            k + 1 == n && !scan::ends_closed(last_text.trim_end_matches(['*', ' ', '"', '»', ')']));
        if r.operative.is_empty() || cut {
            r.incomplete = true;
            doc.diagnostics.push(diag(
                Severity::Warning,
                "resolution-incomplete",
                if r.operative.is_empty() {
                    format!(
                        "resolution {} has no operative clauses: the document may be cut off",
                        r.id
                    )
                } else {
                    format!(
                        "resolution {} stops mid-sentence: the document may be cut off",
                        r.id
                    )
                },
                Some(Span::new(r.span.end, r.span.end)),
                Some(&r.id),
            ));
        }
    }
    let _ = src;
}
