//! Text before structure (after `import` made it text): splitting lines, words and letter classes,
//! Arabic normalisation for matching with its map back to the source, and the inline `**bold**`
//! marks.

pub mod inline;
pub mod lines;
pub mod normalize;
pub mod presentation;
pub mod word_bits;
pub mod words;

pub use lines::split_lines;
pub use normalize::{normalize, unshape, Normalized};

/// The last char boundary of `s` at or before byte `at` (at most its length): where a look of at
/// most `at` bytes may end without cutting a letter in two (std's own is not stable yet).
pub fn floor_char_boundary(s: &str, at: usize) -> usize {
    let mut b = at.min(s.len());
    while !s.is_char_boundary(b) {
        b -= 1;
    }
    b
}
