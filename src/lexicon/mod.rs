//! Curated lexicons, kept as data files beside this module so that a maintainer extends them by
//! editing data, not code: operative verbs (`verbs.tsv`), preambular openings (`openings.tsv`) and
//! the region gazetteer (`regions.tsv`). The files are compiled in and read once.

pub mod filter;
pub mod phrase;
pub mod regions;
pub mod verbs;

pub use phrase::{PhraseMatch, Window};
pub use regions::{gazetteer, Gazetteer};
pub use verbs::lexicon;
