//! Curated lexicons, kept as data files beside this module so that a maintainer extends them by
//! editing data, not code: operative verbs (`verbs.tsv`), preambular openings (`openings.tsv`) and
//! the region gazetteer (`regions.tsv`). The files are compiled in and read once.

pub mod filter;
pub mod phrase;
pub mod region_names;
pub mod regions;
pub mod verbs;

pub use phrase::{PhraseMatch, Window};
pub use regions::{gazetteer, Gazetteer};
pub use verbs::lexicon;

/// Builds the lexicons now (each is built once, on first use), for a caller with time to spare
/// before its first parse: the viewer's worker, while the default session is on its way.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub fn warm_up() {
    lexicon();
    gazetteer().prepare_matching();
}
