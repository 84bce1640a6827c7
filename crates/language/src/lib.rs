//! The language layer: sentences and tokens with offsets (more stages to come).

pub mod doc;
pub mod entities;
pub mod gender;
pub mod names;
pub mod sentences;
pub mod tokens;
