//! A document as compact JSON, its resolutions serialised on several threads (the command line's
//! default output). The bytes are exactly `serde_json::to_writer`'s: the document's fields are
//! written in the order its `Serialize` derive writes them, and its resolutions, nine tenths of
//! the output, in batches that the machine's threads serialise at once and that are written in
//! order. On the 50 MB file serialising was a tenth of the command's work, all of it on one
//! thread after the parse.

use std::io::{self, Write};

use crate::model::Document;

/// Resolutions serialised by one thread at a time: about a megabyte of JSON from a real session
/// (16 KB a resolution), few enough to keep little of the output in memory at once.
const BATCH: usize = 64;

/// Writes `doc` as compact JSON (what `serde_json::to_writer` writes) to `out`.
pub fn write_json(out: &mut impl Write, doc: &Document) -> io::Result<()> {
    write_in_batches(out, doc, crate::parse::threads(), BATCH)
}

/// [`write_json`] on `threads` threads, `batch` resolutions to a thread at a time.
pub(crate) fn write_in_batches(
    out: &mut impl Write,
    doc: &Document,
    threads: usize,
    batch: usize,
) -> io::Result<()> {
    let (threads, batch) = (threads.max(1), batch.max(1));
    if threads == 1 || doc.resolutions.len() <= batch {
        return serde_json::to_writer(out, doc).map_err(io::Error::from);
    }
    // Destructured so that a field added to the model is a compile error here, not JSON that
    // silently differs from the derive's (the tests compare the two byte for byte).
    let Document {
        language,
        session,
        toc,
        resolutions,
        unplaced,
        diagnostics,
        furniture,
    } = doc;
    out.write_all(b"{\"language\":")?;
    serde_json::to_writer(&mut *out, language)?;
    out.write_all(b",\"session\":")?;
    serde_json::to_writer(&mut *out, session)?;
    out.write_all(b",\"toc\":")?;
    serde_json::to_writer(&mut *out, toc)?;
    out.write_all(b",\"resolutions\":[")?;
    for (k, round) in resolutions.chunks(threads * batch).enumerate() {
        if k > 0 {
            out.write_all(b",")?;
        }
        write_round(out, round, batch)?;
    }
    out.write_all(b"],\"unplaced\":")?;
    serde_json::to_writer(&mut *out, unplaced)?;
    out.write_all(b",\"diagnostics\":")?;
    serde_json::to_writer(&mut *out, diagnostics)?;
    out.write_all(b",\"furniture\":")?;
    serde_json::to_writer(&mut *out, furniture)?;
    out.write_all(b"}")
}

/// One round: `round`'s batches serialised at once, one on this thread and the others each on a
/// thread of its own, then written in order, separated by commas.
fn write_round(
    out: &mut impl Write,
    round: &[crate::model::Resolution],
    batch: usize,
) -> io::Result<()> {
    let serialise = |rs: &[crate::model::Resolution]| -> io::Result<Vec<u8>> {
        let mut buf = Vec::with_capacity(rs.len() * (16 << 10));
        for (k, r) in rs.iter().enumerate() {
            if k > 0 {
                buf.push(b',');
            }
            serde_json::to_writer(&mut buf, r)?;
        }
        Ok(buf)
    };
    let mut batches = round.chunks(batch);
    let mine = batches.next().unwrap_or_default();
    let (first, others) = std::thread::scope(|scope| {
        let others: Vec<_> = batches.map(|b| scope.spawn(move || serialise(b))).collect();
        let first = serialise(mine);
        let others: Vec<_> = others.into_iter().map(|h| h.join()).collect();
        (first, others)
    });
    out.write_all(&first?)?;
    for other in others {
        // A thread that panicked has panicked the write, as one thread would have.
        let bytes = other.unwrap_or_else(|e| std::panic::resume_unwind(e))?;
        out.write_all(b",")?;
        out.write_all(&bytes)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json(doc: &Document, threads: usize, batch: usize) -> Vec<u8> {
        let mut out = Vec::new();
        write_in_batches(&mut out, doc, threads, batch).expect("writing to memory should not fail");
        out
    }

    #[test]
    fn batches_on_threads_write_what_serde_json_writes() {
        let sources = [
            include_str!("../../sessions/cfm-44-political-ar.txt"),
            include_str!("../../tests/fixtures/editions/fr-cfm38-org.txt"),
            include_str!("../../tests/fixtures/older-layout.txt"),
        ];
        for src in sources {
            let doc = crate::read(src.as_bytes().to_vec()).expect("the fixture should parse");
            let want = serde_json::to_vec(&doc).expect("the model should serialise");
            let n = doc.resolutions.len();
            let shapes = [
                (1, 64),
                (2, 1),
                (2, 7),
                (3, 5),
                (4, 64),
                (7, 3),
                (2, n),
                (2, n - 1),
            ];
            for (threads, batch) in shapes {
                assert!(
                    json(&doc, threads, batch) == want,
                    "{threads} threads, {batch} to a batch: the JSON should be serde_json's, byte for byte"
                );
            }
        }
    }

    #[test]
    fn a_document_of_few_or_no_resolutions_is_written_whole() {
        let empty = Document::default();
        assert_eq!(
            json(&empty, 4, 1),
            serde_json::to_vec(&empty).expect("the model should serialise"),
            "a document with no resolutions should be serde_json's output"
        );
    }
}
