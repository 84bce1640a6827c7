//! Phase timings on standard error when `DOSSIER_TRACE_STORE` is set, to see
//! where a store's time goes (`dossier ingest` in a benchmark); silent
//! otherwise.

use std::time::Instant;

/// A clock for the phases of one step.
pub(crate) struct Phases {
    step: &'static str,
    start: Instant,
    on: bool,
}

impl Phases {
    /// Start timing `step`.
    pub(crate) fn new(step: &'static str) -> Phases {
        Phases { step, start: Instant::now(), on: std::env::var_os("DOSSIER_TRACE_STORE").is_some() }
    }

    /// Print the time since the start, after `what` ends.
    pub(crate) fn mark(&self, what: impl std::fmt::Display) {
        if self.on {
            eprintln!("store: {} {what}: {:.3} s", self.step, self.start.elapsed().as_secs_f64());
        }
    }
}
