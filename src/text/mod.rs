//! Text before structure (after `import` made it text): splitting lines, words and letter classes,
//! Arabic normalisation for matching with its map back to the source, and the inline `**bold**`
//! marks.

pub mod inline;
pub mod lines;
pub mod normalize;
pub mod presentation;
pub mod words;

pub use lines::split_lines;
pub use normalize::{normalize, unshape, Normalized};
