//! Region mentions in a paragraph: each place of the gazetteer named in it, with its span.

use crate::lexicon::gazetteer;
use crate::model::RegionMention;
use crate::text::inline::Para;
use crate::text::normalize::SourceMap;

/// The region mentions in a paragraph, in order.
pub fn mentions(src: &str, para: &Para) -> Vec<RegionMention> {
    let g = gazetteer();
    let n = para.norm_text();
    let ws = para.words();
    let mut out = Vec::new();
    g.each_in(n, ws, |h| {
        let start = para.source(ws[h.first_word].start);
        let end = para.source_end(src, ws[h.first_word + h.words - 1].end);
        out.push(RegionMention {
            slug: g.regions[h.region].slug.into(),
            text: para.shown(src, start, end),
            start,
            end,
        });
    });
    // Most paragraphs name one place or none: a list grown by pushing holds room for four.
    out.shrink_to_fit();
    out
}
