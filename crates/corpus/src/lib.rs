//! Corpus-level logic, as pure functions: what the store needs to decide which
//! documents are the same, which articles are copies of one another, which
//! articles tell the same story, and which names across articles are one
//! person or organisation.
//!
//! **Architecture invariant:** no I/O and no SQL here. The store
//! (`dossier-store`) calls these functions and keeps their results; everything
//! here is deterministic, so a store rebuilt from the same articles gives the
//! same groups.

pub mod fingerprint;
pub mod groups;
pub mod names;

pub use fingerprint::{content_hash, shingle_signature, Fingerprint, MinHash, BAND_ROWS, DUPLICATE_SIMILARITY, SHINGLE_HASHES, SHINGLE_WORDS};
pub use groups::{copy_link, story_link, story_link_by, Components, LinkKind, StoryFeatures, StoryLink};
pub use names::{name_key, name_probe, resolve_names, NameUse, Resolution};
