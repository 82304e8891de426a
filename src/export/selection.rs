//! What an export holds: a whole document (the command line), or the part of it a view shows
//! (the viewer's Download menu). Paragraphs are kept by their index in the resolution, so an
//! export of a filtered view numbers a clause as the whole resolution does: `para_5` in Akoma
//! Ntoso, clause 5 in CSV, whichever clauses the filter left out before it.

use crate::model::{Document, Resolution};
use crate::view::ResolutionMatch;

/// A resolution of the selection, with the paragraphs of it that are shown.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Shown {
    /// Index into the document's resolutions.
    pub index: usize,
    pub preamble: Vec<usize>,
    pub operative: Vec<usize>,
}

#[derive(Debug, Clone)]
pub struct Selection<'a> {
    pub doc: &'a Document,
    pub shown: Vec<Shown>,
}

fn all_of(index: usize, r: &Resolution) -> Shown {
    Shown {
        index,
        preamble: (0..r.preamble.len()).collect(),
        operative: (0..r.operative.len()).collect(),
    }
}

fn chosen(flags: &[bool]) -> Vec<usize> {
    flags
        .iter()
        .enumerate()
        .filter_map(|(k, &on)| on.then_some(k))
        .collect()
}

fn pick<T: Clone>(all: &[T], which: &[usize]) -> Vec<T> {
    which.iter().filter_map(|&k| all.get(k).cloned()).collect()
}

impl<'a> Selection<'a> {
    /// The whole document.
    pub fn all(doc: &'a Document) -> Selection<'a> {
        Selection {
            doc,
            shown: doc
                .resolutions
                .iter()
                .enumerate()
                .map(|(k, r)| all_of(k, r))
                .collect(),
        }
    }

    /// What a view shows: the resolutions it holds, each whole when no filter is on, or only its
    /// paragraphs that match when one is (as the cards show them).
    pub fn of_view(
        doc: &'a Document,
        matches: &[ResolutionMatch],
        filtering: bool,
    ) -> Selection<'a> {
        let shown = matches
            .iter()
            .filter_map(|m| {
                let r = doc.resolutions.get(m.index)?;
                Some(if filtering {
                    Shown {
                        index: m.index,
                        preamble: chosen(&m.preamble),
                        operative: chosen(&m.operative),
                    }
                } else {
                    all_of(m.index, r)
                })
            })
            .collect();
        Selection { doc, shown }
    }

    /// Each shown resolution with its shown paragraphs.
    pub fn resolutions(&self) -> impl Iterator<Item = (&'a Resolution, &Shown)> + '_ {
        self.shown
            .iter()
            .filter_map(|s| Some((self.doc.resolutions.get(s.index)?, s)))
    }

    /// How many operative clauses it holds (a CSV has as many rows).
    pub fn clauses(&self) -> usize {
        self.shown.iter().map(|s| s.operative.len()).sum()
    }

    /// The selection as a document of its own (the JSON export): the session, and the shown
    /// resolutions with only their shown paragraphs. The notes about the whole file
    /// (diagnostics, unplaced text) stay with a whole-document export only.
    pub fn to_document(&self) -> Document {
        let whole = self.shown.len() == self.doc.resolutions.len()
            && self.resolutions().all(|(r, s)| {
                s.preamble.len() == r.preamble.len() && s.operative.len() == r.operative.len()
            });
        if whole {
            return self.doc.clone();
        }
        let resolutions = self
            .resolutions()
            .map(|(r, s)| Resolution {
                preamble: pick(&r.preamble, &s.preamble),
                operative: pick(&r.operative, &s.operative),
                ..r.clone()
            })
            .collect();
        Document {
            language: self.doc.language,
            session: self.doc.session.clone(),
            resolutions,
            ..Document::default()
        }
    }
}
