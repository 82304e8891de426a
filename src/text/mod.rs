//! Text before structure: decoding bytes, splitting lines, Arabic normalisation for matching, and
//! the inline `**bold**` marks.

pub mod decode;
pub mod inline;
pub mod legacy;
pub mod lines;
pub mod normalize;
pub mod presentation;

pub use decode::{decode, DecodeError, Decoded};
pub use lines::{split_lines, Line};
pub use normalize::{normalize, normalize_char, unshape, Normalized};
