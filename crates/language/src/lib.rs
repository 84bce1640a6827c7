//! The language layer: sentences and tokens with offsets (more stages to come).

pub mod sentences;
pub mod tokens;
