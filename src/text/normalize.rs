//! Arabic normalisation, for matching only: displayed text always stays as written.
//!
//! Folds what varies between typists, converters and fonts but not in meaning: diacritics and
//! tatweel are dropped; alef with hamza or madda, alef wasla → ا; ى and ئ → ي; ؤ → و; ة → ه;
//! Persian yeh and kaf → ي, ك; Arabic-Indic digits → ASCII digits; dashes → `-`; presentation
//! forms (U+FB50–FDFF, U+FE70–FEFF, what PDF exports produce) through their compatibility
//! decomposition (a generated table, `presentation.rs`); bidi and zero-width
//! controls dropped; ASCII lower-cased. Typos that follow from these folds (يوكد for يؤكد) match
//! for free.

use super::presentation::PRESENTATION_FORMS;
use super::word_bits::WordBits;
use super::words::{is_word_char, words, Word, ARABIC_WORD};

/// What one source char becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Folded {
    Drop,
    One(char),
    /// A presentation form that decomposes into several letters (a ligature such as ﻻ or ﷲ).
    Many,
}

/// Folds one char; `Many` means: decompose it with [`fold_presentation`].
#[inline]
pub const fn normalize_char(c: char) -> Folded {
    use Folded::*;
    // Most chars of a document are plain Arabic letters or ASCII: answer those first.
    if matches!(c, '\u{0621}' | '\u{0627}' | '\u{0628}' | '\u{062A}'..='\u{063A}' | '\u{0641}'..='\u{0648}' | 'a'..='z' | '0'..='9' | ' ')
    {
        return One(c);
    }
    match c {
        'A'..='Z' => One(c.to_ascii_lowercase()),
        '\u{0000}'..='\u{007F}' => One(c),
        // Harakat, tanwin, shadda, sukun, small high marks, superscript alef.
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' => Drop,
        '\u{0640}' => Drop, // tatweel
        '\u{0622}' | '\u{0623}' | '\u{0625}' | '\u{0671}' | '\u{0672}' | '\u{0673}' => One('ا'),
        '\u{0649}' | '\u{0626}' | '\u{06CC}' | '\u{06D2}' | '\u{064A}' => One('ي'),
        '\u{0624}' => One('و'),
        '\u{0629}' => One('ه'),
        '\u{06A9}' | '\u{06AA}' => One('ك'),
        '\u{0660}'..='\u{0669}' => One((b'0' + (c as u32 - 0x0660) as u8) as char),
        '\u{06F0}'..='\u{06F9}' => One((b'0' + (c as u32 - 0x06F0) as u8) as char),
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => One('-'),
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => One(' '),
        '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}' => Drop,
        '\u{061C}' | '\u{00AD}' => Drop,
        '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}' => Many,
        '\u{00C0}'..='\u{017F}' => One(latin_base(c)),
        _ => One(c),
    }
}

/// The base letter of a Latin letter with an accent, lower-cased: the English and French editions
/// print «Côte d'Ivoire» and «Cote d'Ivoire», «Résolution» and «RESOLUTION», and a reader types
/// either. Letters with no base letter (ß, æ, þ) and the signs of Latin-1 stay as they are.
const fn latin_base(c: char) -> char {
    // U+00C0..U+00FF: À..ÿ, `.` where a char has no base letter (×, ÷ and the like).
    const LATIN1: &[u8; 64] = b"aaaaaa.ceeeeiiii.nooooo.ouuuuy..aaaaaa.ceeeeiiii.nooooo.ouuuuy.y";
    // U+0100..U+017F, Latin Extended-A, in code-point order (Œ œ fold to o).
    const EXTENDED_A: &[u8; 128] = b"aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
    let k = c as u32;
    let b = if k < 0x100 {
        LATIN1[(k - 0xC0) as usize]
    } else {
        EXTENDED_A[(k - 0x100) as usize]
    };
    if b == b'.' {
        match c {
            'Æ' => 'æ',
            'Ð' => 'ð',
            'Þ' => 'þ',
            _ => c,
        }
    } else {
        b as char
    }
}

/// How each char of U+0600..U+067F (two-byte UTF-8, lead byte D8 or D9) folds, for the byte loop:
/// `KEEP`, `DROP`, or the second byte of a same-length replacement in U+0600..U+063F (lead D8)
/// or U+0640..U+067F (lead D9), tagged by `REPLACE_D8` / `REPLACE_D9`.
const KEEP: u16 = 0;
const DROP: u16 = 1;
const REPLACE_D8: u16 = 0x100;
const REPLACE_D9: u16 = 0x200;
const ARABIC_FOLD: [u16; 128] = {
    let mut t = [DROP; 128];
    let mut k = 0;
    while k < 128 {
        if let Some(c) = char::from_u32(0x600 + k as u32) {
            t[k] = match normalize_char(c) {
                Folded::One(x) if x == c => KEEP,
                Folded::Drop => DROP,
                Folded::One(x) if x as u32 >= 0x600 && (x as u32) < 0x640 => {
                    REPLACE_D8 | (0x80 | (x as u32 & 0x3F)) as u16
                }
                Folded::One(x) if x as u32 >= 0x640 && (x as u32) < 0x680 => {
                    REPLACE_D9 | (0x80 | (x as u32 & 0x3F)) as u16
                }
                // Anything else (digits, which change length) goes the slow way.
                _ => 0xFFFF,
            };
        }
        k += 1;
    }
    t
};

/// The low bits of an [`ARABIC_ENTRY`]: its [`ARABIC_FOLD`] (0xFFFF: decode and fold the char).
const FOLD_BITS: u32 = 0xFFFF;
/// Set when the char, once folded, is a letter or digit (part of a word).
const FOLDS_TO_WORD: u32 = 0x1_0000;
/// [`ARABIC_FOLD`] and, for the char it folds to, whether it is part of a word: what the document
/// pass needs to know of an Arabic letter, in one read.
const ARABIC_ENTRY: [u32; 128] = {
    let mut t = [0u32; 128];
    let mut k = 0;
    while k < 128 {
        let fold = ARABIC_FOLD[k];
        let folded_to = if fold == KEEP || fold == DROP || fold == 0xFFFF {
            k
        } else {
            // The replacement's index: its lead byte's low bit, then its continuation's low bits.
            (((fold & REPLACE_D9 != 0) as usize) << 6) | (fold & 0x3F) as usize
        };
        t[k] = fold as u32
            | if ARABIC_WORD[folded_to] {
                FOLDS_TO_WORD
            } else {
                0
            };
        k += 1;
    }
    t
};

/// Is the char whose UTF-8 bytes start `x, y` a letter of U+0600..U+067F that folds to itself
/// and is part of a word (most chars of an Arabic document)?
#[inline(always)]
fn is_plain_letter(x: u8, y: u8) -> bool {
    x & 0xFE == 0xD8
        && ARABIC_ENTRY[(((x & 1) as usize) << 6) | (y & 0x3F) as usize]
            == KEEP as u32 | FOLDS_TO_WORD
}

/// How the document pass treats a byte, from its value alone: ASCII that folds to itself and is
/// not part of a word (space, punctuation), ASCII that folds to itself and is (lower-case letters,
/// digits), the lead byte of a char in U+0600..U+067F, or anything else (upper case, which is
/// lowered; `*`, which may open a `**` mark; other chars, decoded).
const LEAD_ASCII_OTHER: u8 = 0;
const LEAD_ASCII_WORD: u8 = 1;
const LEAD_ARABIC: u8 = 2;
const LEAD_SLOW: u8 = 3;
/// `\n` and `\r`: the pass notes where lines end, so that the parser need not split them again.
const LEAD_LINE_END: u8 = 4;
const LEAD_CLASS: [u8; 256] = {
    let mut t = [LEAD_SLOW; 256];
    let mut k = 0;
    while k < 128 {
        let x = k as u8;
        if !x.is_ascii_uppercase() && x != b'*' {
            t[k] = if x.is_ascii_alphanumeric() {
                LEAD_ASCII_WORD
            } else {
                LEAD_ASCII_OTHER
            };
        }
        k += 1;
    }
    t[0xD8] = LEAD_ARABIC;
    t[0xD9] = LEAD_ARABIC;
    t[b'\n' as usize] = LEAD_LINE_END;
    t[b'\r' as usize] = LEAD_LINE_END;
    // A form feed (a page break from pdftotext) is rare: the slow path notes it.
    t[0x0C] = LEAD_SLOW;
    t
};

/// Records that normalised offset `n` maps to source offset `s`, unless the last anchor already
/// says so.
#[inline]
fn shift(anchors: &mut Vec<(u32, u32)>, n: usize, s: usize) {
    if let Some(&(an, as_)) = anchors.last() {
        if as_ as usize + (n - an as usize) == s {
            return;
        }
        if an as usize == n {
            // Nothing was written since the last anchor: move it.
            anchors.pop();
        }
    }
    anchors.push((n as u32, s as u32));
}

/// The letters a presentation form stands for (the generated table, [`PRESENTATION_FORMS`]);
/// `None` for any other char.
fn presentation_letters(c: char) -> Option<&'static str> {
    PRESENTATION_FORMS
        .binary_search_by_key(&(c as u32), |&(cp, _)| cp)
        .ok()
        .map(|k| PRESENTATION_FORMS[k].1)
}

/// Decomposes a presentation form and folds each resulting char. A code point the table lacks
/// (unassigned in these blocks) is dropped.
pub fn fold_presentation(c: char, mut out: impl FnMut(char)) {
    for d in presentation_letters(c).unwrap_or("").chars() {
        match normalize_char(d) {
            Folded::One(x) => out(x),
            Folded::Drop | Folded::Many => {}
        }
    }
}

/// Undoes contextual shaping only: presentation forms become the letters they stand for, and
/// nothing else changes. For text shown or used as a name (a resolution id's committee letter
/// «س»), where a PDF export's «ﺴ» must read as the letter it is.
pub fn unshape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match presentation_letters(c) {
            Some(letters) => out.push_str(letters),
            None => out.push(c),
        }
    }
    out
}

/// Normalises a whole string: the byte loop of [`Normalized::push_source`] (runs of chars that
/// fold to themselves copied whole), its map back to the source dropped. Char by char it was a
/// third of comparing two sessions. Checked against [`normalize_chars`] by a test.
pub fn normalize(s: &str) -> String {
    let mut n = Normalized::with_capacity(s.len());
    n.push_source(s, 0);
    n.text
}

/// The same, char by char: the oracle of [`normalize`].
pub fn normalize_chars(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match normalize_char(c) {
            Folded::One(x) => out.push(x),
            Folded::Drop => {}
            Folded::Many => fold_presentation(c, |x| out.push(x)),
        }
    }
    out
}

/// A normalised string that remembers where each of its bytes came from in the source.
///
/// Most chars fold to chars of the same byte length (أ → ا, ة → ه), so the offset between the two
/// texts only changes where something is dropped or changes length (a diacritic, a `**` mark, a
/// presentation form). Only those points are stored, as anchors: memory and time stay small.
#[derive(Debug, Clone, Default)]
pub struct Normalized {
    pub text: String,
    /// (normalised offset, source offset), where the offset between the texts changes; sorted.
    anchors: Vec<(u32, u32)>,
    /// The source offset the text ends at.
    end: usize,
    /// For a whole document: where its words are, found in the same pass (see
    /// [`Normalized::document`]).
    words: Option<WordBits>,
    /// The same for the anchor of the last [`Normalized::slice`].
    anchor_hint: std::cell::Cell<usize>,
    /// For a whole document: the source offsets of its `\n` and `\r` bytes, found in the same
    /// pass (see [`Normalized::lines`]).
    line_ends: Option<Vec<u32>>,
    /// For a whole document: whether it holds a form feed (a converter's page break).
    form_feed: Option<bool>,
}

impl Normalized {
    /// Normalises `s`, which starts at byte `base` of the source.
    pub fn new(s: &str, base: usize) -> Self {
        let mut n = Normalized::with_capacity(s.len());
        n.push_source(s, base);
        n.finish(base + s.len());
        n
    }

    pub fn with_capacity(n: usize) -> Self {
        Normalized {
            text: String::with_capacity(n),
            anchors: Vec::new(),
            end: 0,
            words: None,
            anchor_hint: Default::default(),
            line_ends: None,
            form_feed: None,
        }
    }

    /// Empties the text and its map back to the source, keeping their memory: one buffer
    /// normalises many short texts in turn (comparing two sessions reads two thousand
    /// paragraphs, and a fresh allocation for each showed in the worker's profile).
    pub fn clear(&mut self) {
        self.text.clear();
        self.anchors.clear();
        self.end = 0;
        self.words = None;
        self.anchor_hint.set(0);
        self.line_ends = None;
        self.form_feed = None;
    }

    /// Marks the end of the text: `source(len)` will answer `end`.
    pub fn finish(&mut self, end: usize) {
        self.end = end;
    }

    /// Where the next byte appended would map to, if nothing changed.
    #[inline]
    fn predicted(&self) -> Option<usize> {
        self.anchors
            .last()
            .map(|&(n, s)| s as usize + (self.text.len() - n as usize))
    }

    #[inline]
    fn anchor(&mut self, at: usize) {
        if self.predicted() != Some(at) {
            self.anchors.push((self.text.len() as u32, at as u32));
        }
    }

    /// Appends source text starting at source offset `at`, folding it. Runs of chars that fold to
    /// themselves (most of a document) are found byte by byte and copied whole.
    pub fn push_source(&mut self, s: &str, at: usize) {
        let b = s.as_bytes();
        let mut run = 0; // start of the current run of chars that fold to themselves
        let mut i = 0;
        while i < b.len() {
            let x = b[i];
            if x < 0x80 && !x.is_ascii_uppercase() {
                i += 1;
                continue;
            }
            if (x == 0xD8 || x == 0xD9) && i + 1 < b.len() {
                let cp = (((x & 0x1F) as usize) << 6) | (b[i + 1] & 0x3F) as usize;
                let fold = ARABIC_FOLD[cp - 0x600];
                if fold == KEEP {
                    i += 2;
                    continue;
                }
                if fold != 0xFFFF {
                    // Same-length replacement (أ → ا, ة → ه) or a dropped diacritic: no char decoding.
                    if run < i {
                        self.anchor(at + run);
                        self.text.push_str(&s[run..i]);
                    }
                    if fold != DROP {
                        self.anchor(at + i);
                        let lead = if fold & REPLACE_D8 != 0 { 0xD8 } else { 0xD9 };
                        let pair = [lead, (fold & 0xFF) as u8];
                        self.text
                            .push_str(std::str::from_utf8(&pair).unwrap_or(" "));
                    }
                    i += 2;
                    run = i;
                    continue;
                }
            }
            // Something to fold: flush the run, then fold this char.
            let Some(c) = s[i..].chars().next() else {
                break;
            };
            if run < i {
                self.anchor(at + run);
                self.text.push_str(&s[run..i]);
            }
            self.push_folded(c, at + i);
            i += c.len_utf8();
            run = i;
        }
        if run < s.len() {
            self.anchor(at + run);
            self.text.push_str(&s[run..]);
        }
    }

    /// Appends the folded form of `c`, which stands at source offset `at`.
    pub fn push_folded(&mut self, c: char, at: usize) {
        match normalize_char(c) {
            Folded::One(x) => self.push(x, at),
            Folded::Drop => {}
            Folded::Many => fold_presentation(c, |x| self.push(x, at)),
        }
    }

    /// Appends `c` as it is (already normalised), standing for source offset `at`.
    pub fn push(&mut self, c: char, at: usize) {
        self.anchor(at);
        self.text.push(c);
    }

    /// The source offset of normalised byte `i` (the source end for `i == len`). For a byte inside
    /// a char, use [`Normalized::source_of_char`].
    pub fn source(&self, i: usize) -> usize {
        if i >= self.text.len() {
            return self.end;
        }
        let k = self.anchors.partition_point(|&(n, _)| n as usize <= i);
        match k.checked_sub(1).and_then(|k| self.anchors.get(k)) {
            Some(&(n, s)) => s as usize + (i - n as usize),
            None => self.end,
        }
    }

    /// The source offset of the start of the char that holds normalised byte `i`.
    pub fn source_of_char(&self, i: usize) -> usize {
        self.source(super::floor_char_boundary(&self.text, i))
    }

    /// Normalises a whole document once, `**` marks dropped: lines and paragraphs are then
    /// slices of it ([`NormSlice`]), so no text is normalised twice. One pass over the bytes that
    /// also finds the words. Runs of bytes that fold to themselves (nearly all of a document) are
    /// not written byte by byte but copied whole when the run ends; ASCII and the Arabic block
    /// are classified from tables without decoding chars; anchors are written only where the
    /// offsets between the texts shift.
    pub fn document(src: &str) -> Normalized {
        DocumentPass::new(src, 0).run()
    }

    /// Source bytes `from..to` of a document, normalised as [`Normalized::document`] would: the
    /// same text, words and offsets back into `src`, as if sliced from the whole document's (a
    /// stretch that starts and ends at a line's edges: normalising is char by char, and a word
    /// cannot run over a line's end). The parser reads each resolution from a stretch of its own,
    /// so that a normalised copy of the whole document is not held while the model is built
    /// (it was a fifth of the CLI's peak memory). `None` when `from..to` are not char
    /// boundaries in order.
    pub fn stretch(src: &str, from: usize, to: usize) -> Option<Normalized> {
        let upto = src.get(..to)?;
        upto.get(from..)?;
        let mut n = DocumentPass::new(upto, from).run();
        // The line ends and the form feed would be the stretch's, not the document's.
        n.line_ends = None;
        n.form_feed = None;
        Some(n)
    }
}

impl Normalized {
    /// [`Normalized::document`], the same in every field, made in up to `parts` parts on as many
    /// threads: the text is cut after line ends near equal shares, each part is normalised as a
    /// stretch of its own, and the parts are joined in order. Normalising is char by char and no
    /// word runs over a line's end, so a part starts as the whole pass would stand there. The
    /// command line's first pass over a large document (a tenth of its work, on one thread).
    pub fn document_in_parts(src: &str, parts: usize) -> Normalized {
        let cuts = line_starts_near_shares(src, parts);
        if cuts.is_empty() {
            return Normalized::document(src);
        }
        let bounds: Vec<(usize, usize)> = std::iter::once(0)
            .chain(cuts.iter().copied())
            .zip(cuts.iter().copied().chain(std::iter::once(src.len())))
            .collect();
        let pass = |(from, to): (usize, usize)| {
            // Cuts stand after a `\n`, a char boundary.
            let upto = src.get(..to).unwrap_or(src);
            DocumentPass::new(upto, from.min(upto.len())).run()
        };
        let parts = std::thread::scope(|scope| {
            let others: Vec<_> = (bounds[1..].iter())
                .map(|&b| scope.spawn(move || pass(b)))
                .collect();
            let first = pass(bounds[0]);
            let others: Vec<_> = others.into_iter().map(|h| h.join()).collect();
            (first, others)
        });
        let (mut whole, others) = parts;
        for part in others {
            // A thread that panicked has panicked the pass, as one thread would have.
            whole.append(part.unwrap_or_else(|e| std::panic::resume_unwind(e)));
        }
        whole
    }

    /// Joins `next`, the document pass over the source right after this one's, to this: its text,
    /// its anchors (one the join makes redundant left out, as the whole pass would not have
    /// made it), its words, line ends and form feed.
    fn append(&mut self, next: Normalized) {
        let at = self.text.len();
        for &(n, s) in &next.anchors {
            shift(&mut self.anchors, at + n as usize, s as usize);
        }
        self.text.push_str(&next.text);
        if let (Some(words), Some(more)) = (&mut self.words, &next.words) {
            words.append(more, at);
        }
        if let (Some(ends), Some(more)) = (&mut self.line_ends, next.line_ends) {
            ends.extend(more);
        }
        self.form_feed = match (self.form_feed, next.form_feed) {
            (Some(a), Some(b)) => Some(a || b),
            _ => None,
        };
        self.end = next.end;
    }
}

/// Up to `parts - 1` cuts in `src`, each right after a `\n` at or past an equal share of its
/// bytes, in order and distinct; none in a text without line ends or too short to share.
fn line_starts_near_shares(src: &str, parts: usize) -> Vec<usize> {
    let b = src.as_bytes();
    let mut cuts: Vec<usize> = Vec::new();
    for k in 1..parts.max(1) {
        let share = b.len() / parts * k;
        let from = share.max(cuts.last().copied().unwrap_or(0));
        if let Some(nl) = b.get(from..).and_then(|rest| memchr::memchr(b'\n', rest)) {
            let cut = from + nl + 1;
            if cut < b.len() && cuts.last() != Some(&cut) {
                cuts.push(cut);
            }
        }
    }
    cuts
}

/// Source bytes the document pass reads in one call of [`DocumentPass::run_until`].
const PASS_PIECE: usize = 1 << 15;

impl DocumentPass<'_> {
    /// The pass, from `self.i` to the end of `self.src`, a piece at a time: V8 replaces a wasm
    /// function's baseline code with its optimised build only for the calls after, so a pass made
    /// in one call ran whole in the baseline code in the browser's worker, about twice as slow
    /// (BENCHMARKS.md, "Long calls in the worker").
    ///
    /// The first piece is read by a call of its own, before the loop: `wasm-opt` inlines a
    /// function that is called from one place, whatever its size, which put the pass back into
    /// one long call (a profile of the worker showed it inside `parse_read_as`).
    fn run(mut self) -> Normalized {
        let len = self.src.len();
        let piece_end = |i: usize| i.saturating_add(PASS_PIECE).min(len);
        let mut going = self.run_until(piece_end(self.i));
        while going && self.i < len {
            going = self.run_until(piece_end(self.i));
        }
        self.finish()
    }

    /// The pass up to source byte `until` (or a little past it, to the end of a char or word):
    /// `false` if it stopped short, at the end of the text.
    #[inline(never)]
    fn run_until(&mut self, until: usize) -> bool {
        let b = self.src.as_bytes();
        while self.i < until {
            let x = b[self.i];
            let lead = LEAD_CLASS[x as usize];
            if lead <= LEAD_ASCII_WORD {
                self.edge(lead == LEAD_ASCII_WORD, self.at());
                self.i += 1;
            } else if lead == LEAD_ARABIC && self.arabic(x) {
                // Handled: a letter that folds to itself, a diacritic, or a folded letter.
            } else if lead == LEAD_LINE_END {
                // Folds to itself, and ends a word.
                self.edge(false, self.at());
                self.line_ends.push(self.i as u32);
                self.i += 1;
            } else if x < 0x80 {
                self.ascii_folded(x);
            } else if !self.decoded() {
                return false;
            }
        }
        true
    }
}

impl Normalized {
    /// Does `src`, which this normalises, hold a form feed? Noted by the document pass; searched
    /// for otherwise.
    pub fn has_form_feed(&self, src: &str) -> bool {
        self.form_feed
            .unwrap_or_else(|| src.as_bytes().contains(&0x0C))
    }

    /// The lines of `src`, which this normalises as a whole document: the same as
    /// [`split_lines`](super::lines::split_lines), from the line ends the document pass noted (a
    /// second pass over the bytes was a tenth of the parse's instructions). `None` for a
    /// normalised text that is not a whole document.
    pub fn lines<'s>(&self, src: &'s str) -> Option<Vec<super::lines::Line<'s>>> {
        let ends = self.line_ends.as_ref()?;
        if src.len() != self.end {
            return None;
        }
        let b = src.as_bytes();
        let mut lines = Vec::with_capacity(ends.len() + 1);
        let mut start = 0;
        let mut k = 0;
        while k < ends.len() {
            let i = ends[k] as usize;
            k += 1;
            if i < start {
                // The `\n` of a `\r\n`, already taken.
                continue;
            }
            lines.push(super::lines::Line {
                text: src.get(start..i)?,
                start,
            });
            start = i + if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') {
                2
            } else {
                1
            };
        }
        if start < b.len() {
            lines.push(super::lines::Line {
                text: src.get(start..)?,
                start,
            });
        }
        Some(lines)
    }

    /// The normalised offset of source offset `src` (a dropped char maps to where the text goes on).
    pub fn norm_offset(&self, src: usize) -> usize {
        self.norm_offset_at(src).0
    }

    /// The normalised offset of source offset `src`, and the index of the anchor it is reckoned
    /// from. The anchor is searched forward from the previous answer, doubling the step: lines
    /// and paragraphs are sliced in document order.
    fn norm_offset_at(&self, src: usize) -> (usize, usize) {
        let anchors = &self.anchors;
        let past = partition_from(anchors, self.anchor_hint.get(), |&(_, s)| s as usize <= src);
        let Some(mut k) = past.checked_sub(1) else {
            return (0, 0);
        };
        // A char that folds to several (ﻻ → لا) anchors the second and later at its own source
        // offset: the stretch from that offset starts where the run before reaches it, with the
        // first letter.
        while let Some(&(pn, ps)) = k.checked_sub(1).and_then(|p| anchors.get(p)) {
            let (n, s) = anchors[k];
            let reach = src.checked_sub(ps as usize).map(|d| pn as usize + d);
            if s as usize != src || reach.is_none_or(|r| r >= n as usize) {
                break;
            }
            k -= 1;
        }
        self.anchor_hint.set(k);
        let (n, s) = anchors[k];
        let next = anchors.get(k + 1).map_or(self.text.len(), |a| a.0 as usize);
        let at = (n as usize + (src - s as usize)).min(next);
        (super::floor_char_boundary(&self.text, at), k)
    }

    /// The stretch of this text that stands for source bytes `start..end`.
    pub fn slice(&self, start: usize, end: usize) -> NormSlice<'_> {
        let (from, first) = self.norm_offset_at(start);
        let (to, last) = self.norm_offset_at(end);
        let to = to.max(from);
        NormSlice {
            doc: self,
            from,
            to,
            end,
            // The anchors that map this stretch: from the one it starts after to the one it ends
            // after, so that mapping back searches a few anchors, not the document's thousands.
            anchors: self.anchors.get(first..=last.max(first)).unwrap_or(&[]),
        }
    }
}

/// The one pass over a document that [`Normalized::document`] makes: what it has written, and
/// where it stands. Its steps are inlined into the loop; they are methods only to be read.
struct DocumentPass<'s> {
    src: &'s str,
    out: Vec<u8>,
    anchors: Vec<(u32, u32)>,
    words: WordBits,
    line_ends: Vec<u32>,
    form_feed: bool,
    /// The output offset where the open word started, when one is open.
    word_start: usize,
    in_word: bool,
    /// Source bytes `copied..i` fold to themselves and are still to be copied to `out`.
    copied: usize,
    i: usize,
}

impl<'s> DocumentPass<'s> {
    /// A pass over `src` from byte `from` (a char boundary) to its end.
    fn new(src: &'s str, from: usize) -> Self {
        let n = src.len().saturating_sub(from);
        DocumentPass {
            src,
            out: Vec::with_capacity(n + 8),
            anchors: vec![(0, from as u32)],
            words: WordBits::with_len(n),
            line_ends: Vec::with_capacity(n / 64),
            form_feed: false,
            word_start: 0,
            in_word: false,
            copied: from,
            i: from,
        }
    }

    /// Output offset of source byte `i`, were the pending run copied.
    #[inline(always)]
    fn at(&self) -> usize {
        self.out.len() + (self.i - self.copied)
    }

    /// A char that is (or is not) part of a word at output offset `pos`: a word starts or ends.
    #[inline(always)]
    fn edge(&mut self, is_word: bool, pos: usize) {
        if is_word != self.in_word {
            if is_word {
                self.word_start = pos;
            } else {
                self.words.mark(self.word_start, pos);
            }
            self.in_word = is_word;
        }
    }

    /// Copies the pending run of unchanged bytes.
    #[inline(always)]
    fn flush(&mut self) {
        self.out
            .extend_from_slice(&self.src.as_bytes()[self.copied..self.i]);
        self.copied = self.i;
    }

    /// A char of U+0600..U+067F (lead byte `x`): `false` when it must be decoded and folded as
    /// any other char.
    #[inline(always)]
    fn arabic(&mut self, x: u8) -> bool {
        let b = self.src.as_bytes();
        // A lead byte D8/D9 of valid UTF-8 is always followed by a continuation byte.
        let y = b.get(self.i + 1).copied().unwrap_or(0);
        let entry = ARABIC_ENTRY[(((x & 1) as usize) << 6) | (y & 0x3F) as usize];
        let fold = (entry & FOLD_BITS) as u16;
        if fold == KEEP {
            let is_word = entry & FOLDS_TO_WORD != 0;
            self.edge(is_word, self.at());
            self.i += 2;
            if is_word {
                self.rest_of_words();
            }
            return true;
        }
        if fold == 0xFFFF {
            return false;
        }
        self.flush();
        self.i += 2;
        self.copied = self.i;
        if fold == DROP {
            // A diacritic or tatweel: invisible, it neither ends nor starts a word.
            shift(&mut self.anchors, self.out.len(), self.i);
        } else {
            self.edge(entry & FOLDS_TO_WORD != 0, self.out.len());
            let lead = if fold & REPLACE_D8 != 0 { 0xD8 } else { 0xD9 };
            self.out.push(lead);
            self.out.push((fold & 0xFF) as u8);
        }
        true
    }

    /// The rest of a word while its letters fold to themselves, and the words after it that a
    /// single space separates: no word edge can fall inside such a run, so it is skipped with one
    /// branch per letter that is taken until the word ends (the per-char edge test was
    /// mispredicted two or three times a word).
    #[inline(always)]
    fn rest_of_words(&mut self) {
        let b = self.src.as_bytes();
        loop {
            let run = b
                .get(self.i..)
                .unwrap_or_default()
                .chunks_exact(2)
                .take_while(|p| is_plain_letter(p[0], p[1]))
                .count();
            self.i += 2 * run;
            // One space and a next word that starts the same way (the usual case): this word
            // ends and the next begins here, without two trips through the outer loop.
            match (b.get(self.i), b.get(self.i + 1), b.get(self.i + 2)) {
                (Some(b' '), Some(&x), Some(&y)) if is_plain_letter(x, y) => {
                    let space = self.at();
                    self.words.mark(self.word_start, space);
                    self.word_start = space + 1;
                    self.i += 3;
                }
                _ => break,
            }
        }
    }

    /// An ASCII byte that does not fold to itself: a `**` mark (dropped), an upper-case letter
    /// (lower-cased); a lone `*` and a form feed are kept as they are.
    #[inline(always)]
    fn ascii_folded(&mut self, x: u8) {
        self.flush();
        if x == b'*' && self.src.as_bytes().get(self.i + 1) == Some(&b'*') {
            // A mark is invisible: it neither ends nor starts a word.
            self.i += 2;
        } else {
            self.form_feed |= x == 0x0C;
            self.edge(x.is_ascii_alphanumeric(), self.out.len());
            self.out.push(x.to_ascii_lowercase());
            self.i += 1;
        }
        self.copied = self.i;
        shift(&mut self.anchors, self.out.len(), self.i);
    }

    /// Any other char: decoded and folded; every char it becomes maps to it. `false` at the end.
    fn decoded(&mut self) -> bool {
        self.flush();
        let Some(c) = self.src[self.i..].chars().next() else {
            return false;
        };
        let at = self.i;
        let put = |pass: &mut Self, ch: char| {
            shift(&mut pass.anchors, pass.out.len(), at);
            pass.edge(is_word_char(ch), pass.out.len());
            let mut buf = [0u8; 4];
            pass.out
                .extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
        };
        match normalize_char(c) {
            Folded::One(y) => put(self, y),
            Folded::Drop => {}
            Folded::Many => fold_presentation(c, |y| put(self, y)),
        }
        self.i += c.len_utf8();
        self.copied = self.i;
        shift(&mut self.anchors, self.out.len(), self.i);
        true
    }

    fn finish(mut self) -> Normalized {
        self.flush_to_end();
        if self.in_word {
            self.words.mark(self.word_start, self.out.len());
        }
        debug_assert!(std::str::from_utf8(&self.out).is_ok());
        // SAFETY: `out` is made of (1) runs copied whole from `src` between char boundaries
        // (`copied` and `i` only ever stand at the start of a char), (2) lower-cased ASCII bytes,
        // (3) two-byte sequences with lead D8 or D9 and a continuation byte from `ARABIC_FOLD`,
        // and (4) whole chars from `encode_utf8`; marks are skipped as two ASCII bytes. So it is
        // UTF-8. Validating it again cost a tenth of the whole parse (measured with callgrind);
        // debug builds check it here, and a property test (`the_normalised_document_is_utf8`)
        // checks it on arbitrary text.
        let text = unsafe { String::from_utf8_unchecked(self.out) };
        Normalized {
            text,
            anchors: self.anchors,
            end: self.src.len(),
            words: Some(self.words),
            anchor_hint: Default::default(),
            line_ends: Some(self.line_ends),
            form_feed: Some(self.form_feed),
        }
    }

    fn flush_to_end(&mut self) {
        self.out
            .extend_from_slice(&self.src.as_bytes()[self.copied..]);
        self.copied = self.src.len();
    }
}

/// `xs.partition_point(pred)`, searched forward from `hint` with a doubling step when the answer
/// lies at or after it (the parser asks in document order, so it is usually a few steps on: a
/// binary search of the whole list cost a cache miss per step); from the start otherwise.
fn partition_from<T>(xs: &[T], hint: usize, pred: impl Fn(&T) -> bool) -> usize {
    let hint = hint.min(xs.len());
    if hint > 0 && !pred(&xs[hint - 1]) {
        return xs.partition_point(pred);
    }
    let mut lo = hint;
    let mut step = 1;
    while lo + step < xs.len() && pred(&xs[lo + step]) {
        lo += step;
        step *= 2;
    }
    let hi = (lo + step).min(xs.len());
    lo + xs[lo..hi].partition_point(pred)
}

/// Maps offsets in a normalised text back to the source.
pub trait SourceMap {
    fn norm_text(&self) -> &str;
    /// The source offset of normalised byte `i` (a char boundary; the end for `i == len`).
    fn source(&self, i: usize) -> usize;
    /// The source offset of the start of the char that holds normalised byte `i`.
    fn source_of_char(&self, i: usize) -> usize {
        self.source(super::floor_char_boundary(self.norm_text(), i))
    }
    /// The source end of the normalised text up to `norm_end`: after the last char, and after any
    /// diacritics that belong to it, but before `**` marks and spaces. (`source(norm_end)` would be
    /// where the next char starts, past the marks.)
    fn source_end(&self, src: &str, norm_end: usize) -> usize {
        if norm_end == 0 {
            return self.source(0);
        }
        let last = self.source_of_char(norm_end - 1).min(src.len());
        let mut end = last
            + src
                .get(last..)
                .and_then(|r| r.chars().next())
                .map_or(0, char::len_utf8);
        for c in src.get(end..).unwrap_or("").chars() {
            if matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}') {
                end += c.len_utf8();
            } else {
                break;
            }
        }
        end
    }
}

impl SourceMap for Normalized {
    fn norm_text(&self) -> &str {
        &self.text
    }
    fn source(&self, i: usize) -> usize {
        Normalized::source(self, i)
    }
}

/// A stretch of a normalised document (a line, a paragraph), without copying it.
#[derive(Debug, Clone, Copy)]
pub struct NormSlice<'a> {
    doc: &'a Normalized,
    from: usize,
    to: usize,
    /// The source end of the stretch.
    end: usize,
    /// The document's anchors for this stretch (see [`Normalized::slice`]).
    anchors: &'a [(u32, u32)],
}

impl<'a> NormSlice<'a> {
    pub fn text(&self) -> &'a str {
        &self.doc.text[self.from..self.to]
    }
    /// The words of this stretch (offsets within it), from where the document pass found them
    /// when it has been made.
    pub fn words(&self) -> Vec<Word> {
        match &self.doc.words {
            Some(bits) => bits.words_in(self.from, self.to),
            None => words(self.text()),
        }
    }
}

impl SourceMap for NormSlice<'_> {
    fn norm_text(&self) -> &str {
        self.text()
    }
    fn source(&self, i: usize) -> usize {
        let j = self.from + i;
        if j >= self.to {
            return self.end;
        }
        let k = self.anchors.partition_point(|&(n, _)| n as usize <= j);
        match k.checked_sub(1).and_then(|k| self.anchors.get(k)) {
            Some(&(n, s)) => s as usize + (j - n as usize),
            None => self.doc.source(j),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Chars from where documents' text is: ASCII, the Arabic block, its presentation forms,
    /// spaces and marks of direction, and anything else.
    fn text_char() -> impl Strategy<Value = char> {
        prop_oneof![
            (0x20u32..0x7F).prop_map(|c| char::from_u32(c).unwrap_or(' ')),
            (0x600u32..0x700).prop_map(|c| char::from_u32(c).unwrap_or(' ')),
            (0xFB50u32..0xFEFF).prop_map(|c| char::from_u32(c).unwrap_or(' ')),
            (0x2000u32..0x2070).prop_map(|c| char::from_u32(c).unwrap_or(' ')),
            any::<char>(),
        ]
    }

    proptest! {
        #[test]
        fn the_byte_loop_normalises_as_char_by_char_does(
            chars in proptest::collection::vec(text_char(), 0..80)
        ) {
            let s: String = chars.into_iter().collect();
            prop_assert_eq!(normalize(&s), normalize_chars(&s), "for {:?}", s);
        }
    }

    proptest! {
        #[test]
        fn a_document_normalised_in_parts_is_the_document_normalised_whole(
            lines in proptest::collection::vec(
                (proptest::collection::vec(text_char(), 0..12), prop::sample::select(vec!["\n", "\r\n", "\r", "\u{c}\n", "**\n"])),
                0..24,
            ),
            parts in 1usize..6,
        ) {
            let src: String = lines.iter().map(|(cs, end)| cs.iter().collect::<String>() + end).collect();
            let whole = Normalized::document(&src);
            let joined = Normalized::document_in_parts(&src, parts);
            prop_assert_eq!(&joined.text, &whole.text, "the text should be the same");
            prop_assert_eq!(&joined.anchors, &whole.anchors, "the anchors should be the same, none more");
            let words = |n: &Normalized| n.words.as_ref().map(|w| w.words_in(0, n.text.len()));
            prop_assert_eq!(words(&joined), words(&whole), "the words should be the same");
            prop_assert_eq!(&joined.line_ends, &whole.line_ends, "the line ends should be the same");
            prop_assert_eq!(joined.form_feed, whole.form_feed, "a form feed should be noted either way");
            prop_assert_eq!(joined.end, whole.end, "the text should end at the same byte");
        }
    }

    #[test]
    fn a_document_is_cut_after_line_ends_near_equal_shares() {
        let src = "ab\ncd\nef\ngh\n";
        assert_eq!(
            line_starts_near_shares(src, 2),
            [9],
            "a cut should follow the line end at or after half"
        );
        assert_eq!(
            line_starts_near_shares(src, 4),
            [6, 9],
            "cuts should be distinct and in order"
        );
        assert!(
            line_starts_near_shares("no line ends", 3).is_empty(),
            "a text without line ends should not be cut"
        );
        assert!(
            line_starts_near_shares(src, 1).is_empty(),
            "one part should make no cut"
        );
    }

    #[test]
    fn the_document_pass_notes_a_form_feed() {
        let paged = "يدعو الدول\n\u{c}OIC/CFM-44\nالأعضاء";
        let d = Normalized::document(paged);
        assert!(
            d.has_form_feed(paged),
            "a page break from pdftotext should be noted"
        );
        assert_eq!(
            d.text, "يدعو الدول\n\u{c}oic/cfm-44\nالاعضاء",
            "and kept in the text"
        );
        let plain = "يدعو الدول\nالأعضاء";
        assert!(!Normalized::document(plain).has_form_feed(plain));
        assert!(
            Normalized::new(paged, 0).has_form_feed(paged),
            "searched for otherwise"
        );
    }

    #[test]
    fn folds_hamza_seats_diacritics_and_tatweel() {
        assert_eq!(
            normalize("يؤكّد"),
            "يوكد",
            "hamza on waw and shadda should fold"
        );
        assert_eq!(
            normalize("إنً"),
            "ان",
            "alef with hamza below and tanwin should fold"
        );
        assert_eq!(normalize("مجدداً"), "مجددا");
        assert_eq!(
            normalize("الصومالـــية"),
            "الصوماليه",
            "tatweel dropped, ta marbuta folded"
        );
        assert_eq!(
            normalize("یهنئ"),
            "يهني",
            "Persian yeh and ya with hamza fold to ya"
        );
        assert_eq!(
            normalize("٤٤/١"),
            "44/1",
            "Arabic-Indic digits become ASCII"
        );
        assert_eq!(
            normalize("44/55 – س"),
            "44/55 - س",
            "en dash becomes hyphen"
        );
    }

    #[test]
    fn folds_latin_case_and_accents() {
        assert_eq!(
            normalize("Côte d'Ivoire"),
            "cote d'ivoire",
            "the circumflex and the capitals should fold"
        );
        assert_eq!(normalize("RÉSOLUTION N°1"), "resolution n°1");
        assert_eq!(normalize("Azerbaïdjan"), "azerbaidjan");
        assert_eq!(normalize("Türkiye, Ştefan"), "turkiye, stefan");
        assert_eq!(
            normalize("× ß"),
            "× ß",
            "signs and letters without a base stay"
        );
    }

    #[test]
    fn folds_presentation_forms() {
        // ﻳﺪﻳﻦ is يدين in isolated/initial/medial/final presentation forms.
        assert_eq!(normalize("\u{FEF3}\u{FEAA}\u{FEF4}\u{FEE6}"), "يدين");
        // The lam-alef ligature becomes two letters.
        assert_eq!(normalize("\u{FEFB}"), "لا");
    }

    #[test]
    fn presentation_table_matches_unicode() {
        // The generated table must say what Unicode says for every code point of both blocks;
        // if this fails, regenerate it (see examples/gen_presentation.rs).
        for cp in (0xFB50..=0xFDFF).chain(0xFE70..=0xFEFF) {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            let mut want = String::new();
            unicode_normalization::char::decompose_compatible(c, |x| want.push(x));
            let got = PRESENTATION_FORMS
                .binary_search_by_key(&cp, |&(k, _)| k)
                .map_or_else(|_| c.to_string(), |k| PRESENTATION_FORMS[k].1.to_string());
            assert_eq!(got, want, "U+{cp:04X} should decompose as Unicode says");
        }
    }

    #[test]
    fn words_in_any_order_are_the_words_of_the_stretch() {
        let doc = Normalized::document("يدين بشدة الهجوم على مالي، ويدعو الدول إلى الدعم في 2017");
        let all = words(&doc.text);
        let len = doc.text.len();
        // The document pass's words, read back from any offset, should be those a split of its
        // text finds (a word cut by the offset is not the stretch's); in any order of asking.
        let mut cuts: Vec<usize> = (0..=len)
            .filter(|&c| doc.text.is_char_boundary(c))
            .collect();
        let forward = cuts.clone();
        cuts.reverse();
        let jumps: Vec<usize> = forward
            .iter()
            .step_by(3)
            .chain(forward.iter().step_by(2))
            .copied()
            .collect();
        for from in forward.into_iter().chain(cuts).chain(jumps) {
            let want: Vec<Word> = all
                .iter()
                .filter(|w| w.start >= from && w.end <= len)
                .map(|w| Word {
                    start: w.start - from,
                    end: w.end - from,
                })
                .collect();
            assert_eq!(
                doc.words
                    .as_ref()
                    .expect("a document should have its words")
                    .words_in(from, len),
                want,
                "the words from offset {from} should be those of the text from there"
            );
        }
    }

    #[test]
    fn a_stretch_that_starts_with_a_char_folding_to_two_starts_with_both() {
        // «ﻻ» (one presentation form) folds to «لا»: a line that opens with it, or a document,
        // should keep both letters (the proptest of the document pass found the stretch opening
        // at the second).
        let src = "قرار\nﻻ يزال";
        let doc = Normalized::document(src);
        let line = src.find('ﻻ').unwrap();
        assert_eq!(
            doc.slice(line, src.len()).text(),
            "لا يزال",
            "the line should open with لا"
        );
        assert_eq!(
            doc.slice(0, src.len()).text(),
            doc.text,
            "the whole text should be the document"
        );
        let alone = Normalized::document("ﻻ");
        assert_eq!(
            alone.slice(0, 3).text(),
            "لا",
            "the document «ﻻ» should read لا"
        );
    }

    #[test]
    fn a_slice_maps_back_as_the_whole_document_does() {
        let src = "**يؤكّد** مجدداً على إنّ\nالـــدول ٤٤/١ ﻻ **يدين**";
        let doc = Normalized::document(src);
        let cuts: Vec<usize> = (0..=src.len())
            .filter(|&c| src.is_char_boundary(c))
            .collect();
        // Slices in order and out of order, so that the search hint is tried both ways.
        let pairs = cuts
            .iter()
            .flat_map(|&a| cuts.iter().map(move |&b| (a, b)))
            .filter(|(a, b)| a <= b);
        for (a, b) in pairs.clone().chain(pairs.rev()) {
            let slice = doc.slice(a, b);
            // The offset found from the anchor itself, without searching: the last anchor at or
            // before `a`, found by a plain scan.
            let k = doc
                .anchors
                .iter()
                .rposition(|&(_, s)| s as usize <= a)
                .unwrap_or(0);
            let fresh = Normalized::document(src);
            fresh.anchor_hint.set(k);
            assert_eq!(
                slice.from,
                fresh.norm_offset(a),
                "slice {a}..{b} should start where {a} maps"
            );
            for i in 0..slice.text().len() {
                if slice.text().is_char_boundary(i) {
                    assert_eq!(
                        SourceMap::source(&slice, i),
                        doc.source(slice.from + i),
                        "byte {i} of slice {a}..{b} should map back as the document's does"
                    );
                }
            }
        }
    }

    #[test]
    fn maps_back_to_source() {
        let s = "xيؤكّد";
        let n = Normalized::new(s, 100);
        assert_eq!(n.text, "xيوكد");
        assert_eq!(n.source(0), 100);
        assert_eq!(
            n.source(1),
            101,
            "the first Arabic letter starts one byte in"
        );
        assert_eq!(n.source(n.text.len()), 100 + s.len());
    }
}
