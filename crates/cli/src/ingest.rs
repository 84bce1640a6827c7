//! `dossier ingest`: analyse documents and keep them in the store, then group
//! them. Streams its inputs a batch at a time (memory does not grow with the
//! corpus), skips what the store already holds before analysing it, and
//! reports each bad document without stopping.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Arc};
use std::process::ExitCode;
use std::time::Instant;

use rayon::prelude::*;

use dossier_analysis::Options;
use dossier_document::{Body, Document, DocumentError, Origin};
use dossier_input::{documents, expand};
use dossier_store::{Inserted, Record, Store};

/// Documents analysed and stored per transaction. A commit writes every
/// page its rows touched, and in a large store a batch's index rows (story
/// terms, bands, search terms) fall on as many pages as there are rows:
/// fewer, larger commits write each such page once for more rows (9,240
/// articles into SQLite: system time 8.5 → 5.3 s and wall 32.6 → 28.9 s
/// from 64 to 256; peak memory 271 → 283 MB, as the batch analysed and the
/// batch written are each four times larger).
const BATCH: usize = 256;

/// Arguments of `dossier ingest`.
#[derive(clap::Args)]
pub struct IngestArgs {
    /// The store: a file path or sqlite://PATH (SQLite), or postgres://… (default: $DOSSIER_DB, else ~/.local/share/dossier/dossier.db).
    #[arg(long, value_name = "URL")]
    pub db: Option<String>,
    /// Publication date to use for every document, overriding the page's own.
    #[arg(long, value_name = "DATE", value_parser = crate::parse_date)]
    pub published: Option<String>,
    /// Largest input accepted (a file, or one record of a WARC or JSONL file), after decompression.
    #[arg(long, value_name = "SIZE", value_parser = crate::parse_size, default_value = "50M")]
    pub max_size: u64,
    /// Never draw a progress bar, even on a terminal.
    #[arg(long)]
    pub quiet: bool,
    /// Inputs: files, directories, WARC files, JSONL dumps, or `-` for standard input.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<String>,
}

/// The store location given, or the default one.
pub fn location(db: &Option<String>) -> String {
    db.clone().unwrap_or_else(Store::default_location)
}

fn body(doc: &Document) -> &str {
    match &doc.body {
        Body::Html(s) | Body::Text(s) | Body::VerbatimText(s) => s,
    }
}

/// Counts shown as progress and in the final summary.
#[derive(Default)]
struct Tally {
    seen: usize,
    ingested: usize,
    duplicates: usize,
    failed: Vec<(String, String)>,
}

/// How progress is shown: a bar on a terminal, else a plain line now and then.
struct Progress {
    bar: Option<indicatif::ProgressBar>,
    start: Instant,
    last_line: Instant,
}

impl Progress {
    fn new(quiet: bool) -> Progress {
        let bar = (!quiet && std::io::stderr().is_terminal()).then(|| {
            let b = indicatif::ProgressBar::new_spinner();
            b.set_style(indicatif::ProgressStyle::with_template("{spinner} {elapsed_precise} {pos} documents ({per_sec}) {msg}").unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()));
            b.enable_steady_tick(std::time::Duration::from_millis(200));
            b
        });
        Progress { bar, start: Instant::now(), last_line: Instant::now() }
    }

    /// Show the counts so far: documents seen, stored, duplicates, failed.
    fn update(&mut self, seen: usize, ingested: usize, duplicates: usize, failed: usize) {
        let msg = format!("{ingested} new, {duplicates} duplicates, {failed} failed");
        match &self.bar {
            Some(b) => {
                b.set_position(seen as u64);
                b.set_message(msg);
            }
            None if self.last_line.elapsed().as_secs() >= 10 => {
                let rate = seen as f64 / self.start.elapsed().as_secs_f64().max(1e-9);
                eprintln!("dossier: {} documents ({rate:.0}/s): {msg}", seen);
                self.last_line = Instant::now();
            }
            None => {}
        }
    }

    fn finish(&self) {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
    }
}

/// Counts the writer thread keeps while it stores batches.
#[derive(Default)]
struct Stored {
    new: AtomicUsize,
    duplicates: AtomicUsize,
}

/// Analyse one batch (skipping what the store already holds); the records to
/// store. Failures go into the tally.
fn analyse_batch(reader: &mut Store, batch: Vec<(Origin, Result<Document, DocumentError>)>, opts: &Options, t: &mut Tally) -> Result<Vec<Record>, dossier_store::StoreError> {
    t.seen += batch.len();
    let mut docs = Vec::new();
    for (origin, d) in batch {
        match d {
            Ok(d) => docs.push((origin, d)),
            Err(e) => t.failed.push((origin.to_string(), e.to_string())),
        }
    }
    let hashes: Vec<String> = docs.par_iter().map(|(_, d)| dossier_corpus::content_hash(body(d))).collect();
    let known = reader.known(&hashes)?;
    let todo: Vec<&(Origin, Document)> = docs.iter().zip(&hashes).filter(|(_, h)| !known.contains(*h)).map(|(d, _)| d).collect();
    t.duplicates += docs.len() - todo.len();
    let analysed: Vec<(String, Result<Record, DocumentError>)> = todo
        .par_iter()
        .map(|(origin, d)| {
            let r = crate::isolated(|| {
                let a = dossier_analysis::analyze(d, opts);
                Record::new(&origin.to_string(), body(d), &a)
            });
            (origin.to_string(), r)
        })
        .collect();
    let mut records = Vec::new();
    for (origin, r) in analysed {
        match r {
            Ok(r) => records.push(r),
            Err(e) => t.failed.push((origin, e.to_string())),
        }
    }
    Ok(records)
}

/// Run `dossier ingest`. Batches are analysed on the calling thread (in
/// parallel) while a writer thread stores the previous batch, so the store's
/// cost overlaps the analysis.
pub fn run(args: IngestArgs) -> ExitCode {
    let url = location(&args.db);
    let loc = Store::redact(&url);
    let open = || {
        Store::open(&url).map_err(|e| {
            eprintln!("dossier: cannot open the store {loc}: {e}");
            ExitCode::from(2)
        })
    };
    let (mut reader, mut writer) = match (open(), open()) {
        (Ok(r), Ok(w)) => (r, w),
        (Err(c), _) | (_, Err(c)) => return c,
    };
    let opts = Options { article: dossier_article::Options { published: args.published.clone() }, extract_only: false };
    let mut t = Tally::default();
    let mut progress = Progress::new(args.quiet);
    let stored = Arc::new(Stored::default());
    let (send, receive) = mpsc::sync_channel::<Vec<Record>>(1);
    let counts = Arc::clone(&stored);
    let write_thread = std::thread::spawn(move || -> Result<Store, dossier_store::StoreError> {
        for records in receive {
            for r in writer.insert(&records)? {
                match r {
                    Inserted::New(_) => counts.new.fetch_add(1, Ordering::Relaxed),
                    Inserted::Duplicate(_) => counts.duplicates.fetch_add(1, Ordering::Relaxed),
                };
            }
        }
        Ok(writer)
    });
    let mut failure: Option<String> = None;
    'inputs: for input in expand(&args.inputs) {
        let stream: Box<dyn Iterator<Item = (Origin, Result<Document, DocumentError>)> + Send> = match input {
            Ok(i) => documents(&i, args.max_size),
            Err((origin, e)) => Box::new(std::iter::once((origin, Err(e)))),
        };
        let mut stream = stream.peekable();
        while stream.peek().is_some() {
            let batch: Vec<_> = stream.by_ref().take(BATCH).collect();
            let records = match analyse_batch(&mut reader, batch, &opts, &mut t) {
                Ok(r) => r,
                Err(e) => {
                    failure = Some(e.to_string());
                    break 'inputs;
                }
            };
            if send.send(records).is_err() {
                break 'inputs; // the writer stopped: its error is reported below
            }
            progress.update(t.seen, stored.new.load(Ordering::Relaxed), t.duplicates + stored.duplicates.load(Ordering::Relaxed), t.failed.len());
        }
    }
    drop(send);
    let written = write_thread.join().unwrap_or_else(|_| Err(dossier_store::StoreError::Location("the writer thread panicked".into())));
    progress.finish();
    t.ingested = stored.new.load(Ordering::Relaxed);
    t.duplicates += stored.duplicates.load(Ordering::Relaxed);
    let mut store = match (written, failure) {
        (Ok(s), None) => s,
        (Err(e), _) => {
            eprintln!("dossier: the store {loc} failed: {e}");
            eprintln!("dossier: {} ingested before the failure are kept; run the same command again to finish", t.ingested);
            return ExitCode::from(2);
        }
        (Ok(_), Some(e)) => {
            eprintln!("dossier: the store {loc} failed: {e}");
            eprintln!("dossier: {} ingested before the failure are kept; run the same command again to finish", t.ingested);
            return ExitCode::from(2);
        }
    };
    let secs = progress.start.elapsed().as_secs_f64();
    for (origin, e) in &t.failed {
        eprintln!("dossier: {origin}: {e}");
    }
    let linked = store.link();
    eprintln!(
        "dossier: {} ingested, {} skipped as duplicates, {} failed, in {secs:.1} s ({:.1} documents/s) into {loc}",
        t.ingested,
        t.duplicates,
        t.failed.len(),
        t.seen as f64 / secs.max(1e-9)
    );
    match linked {
        Ok(r) => eprintln!("dossier: grouped: {} stories, {} entities in the store", r.stories, r.entities),
        Err(e) => {
            eprintln!("dossier: grouping failed ({e}); run the same command again to finish");
            return ExitCode::from(2);
        }
    }
    if t.failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
