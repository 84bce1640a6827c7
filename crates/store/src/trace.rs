//! Phase timings on standard error when `DOSSIER_TRACE_STORE` is set, to see
//! where a store's time goes (`dossier ingest` in a benchmark); silent
//! otherwise. Each mark gives the wall time since the step began and, in
//! brackets, the CPU time of the calling thread over the same span (on a
//! loaded machine the wall time includes waiting for a core; the CPU time
//! does not).

use std::time::Instant;

/// CPU seconds used by the calling thread so far.
pub(crate) fn thread_cpu() -> f64 {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `ts` is a valid timespec for the call to fill in.
    let ok = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) } == 0;
    if ok {
        ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9
    } else {
        0.0
    }
}

/// A clock for the phases of one step.
pub(crate) struct Phases {
    step: &'static str,
    start: Instant,
    cpu: f64,
    on: bool,
}

impl Phases {
    /// Start timing `step`.
    pub(crate) fn new(step: &'static str) -> Phases {
        let on = std::env::var_os("DOSSIER_TRACE_STORE").is_some();
        Phases { step, start: Instant::now(), cpu: if on { thread_cpu() } else { 0.0 }, on }
    }

    /// Print the time since the start, after `what` ends.
    pub(crate) fn mark(&self, what: impl std::fmt::Display) {
        if self.on {
            eprintln!("store: {} {what}: {:.3} s [cpu {:.3} s]", self.step, self.start.elapsed().as_secs_f64(), thread_cpu() - self.cpu);
        }
    }
}
