//! `dossier`: the command-line tool. Thin glue over the pipeline crates: it
//! parses arguments, reads inputs (`dossier-input`), runs the pipeline
//! (`dossier-analysis`) in parallel, and writes JSON or text.

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use rayon::prelude::*;

use dossier_analysis::{analyze, Analysis, Options};
use dossier_document::{DocumentError, Origin, DEFAULT_MAX_SIZE};
use dossier_input::{documents, expand};

mod ask;
mod ingest;
mod summary;

/// HTML parsing allocates many small nodes and strings; mimalloc makes that
/// markedly cheaper than the system allocator (measured with callgrind on the
/// extraction benchmark).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// dossier: who said what, about whom, on whose authority, and when.
#[derive(Parser)]
#[command(name = "dossier", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse articles: files, directories (recursively), JSONL dumps, or `-` for standard input.
    Analyze(AnalyzeArgs),
    /// Analyse documents and keep them in the store (SQLite file or PostgreSQL), grouping copies and stories.
    Ingest(ingest::IngestArgs),
    /// An entity's dossier: names, roles over time, what they said, what was said about them.
    Entity(ask::EntityArgs),
    /// Attributions across the store, filtered by source, subject, kind, date, outlet.
    Quotes(ask::QuotesArgs),
    /// One story: its articles by time and outlet, its sources, who declined to comment, its claims.
    Story(ask::StoryArgs),
    /// The stories in the store, latest first.
    Stories(ask::StoriesArgs),
    /// The articles in the store, by publication time, with their story.
    Articles(ask::ArticlesArgs),
    /// Full-text search over headlines, text, quotes and names.
    Search(ask::SearchArgs),
    /// What the store holds.
    Stats(ask::Common),
    /// Serve the web page and the HTTP API (/api/v1/) over the store, on 127.0.0.1:8080 by default.
    Serve(dossier_server::ServeArgs),
}

#[derive(clap::Args)]
struct AnalyzeArgs {
    /// Publication date to use for every document (e.g. 2014-11-06), overriding the page's own.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    published: Option<String>,
    /// Output format: pretty JSON per document, one JSON object per line, or a readable summary.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,
    /// Only extract the article (clean text and metadata); skip entities, attributions and times.
    #[arg(long)]
    extract_only: bool,
    /// Largest input accepted, after decompression (e.g. 50M, 512K, 1G).
    #[arg(long, value_name = "SIZE", value_parser = parse_size, default_value = "50M")]
    max_size: u64,
    /// Inputs: files, directories, or `-` for standard input.
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<String>,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Format {
    Json,
    Jsonl,
    Text,
}

fn parse_date(s: &str) -> Result<String, String> {
    dossier_article::dates::parse_published(s).ok_or_else(|| format!("not a date: {s:?} (use e.g. 2014-11-06)"))
}

fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let split = t.find(|c: char| !c.is_ascii_digit() && c != '.').unwrap_or(t.len());
    let (num, unit) = t.split_at(split);
    let n: f64 = num.parse().map_err(|_| format!("not a size: {s:?} (use e.g. 50M)"))?;
    let mult = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1u64,
        "k" | "kb" | "kib" => 1 << 10,
        "m" | "mb" | "mib" => 1 << 20,
        "g" | "gb" | "gib" => 1 << 30,
        _ => return Err(format!("unknown size unit in {s:?} (use K, M or G)")),
    };
    Ok((n * mult as f64) as u64)
}

fn main() -> ExitCode {
    // A panic inside a stage is reported once, as that document's error line
    // (see `analyse_isolated`), not as a raw panic message.
    std::panic::set_hook(Box::new(|_| {}));
    let cli = Cli::parse();
    match cli.command {
        Command::Analyze(args) => run_analyze(args),
        Command::Ingest(args) => ingest::run(args),
        Command::Entity(args) => ask::entity(args),
        Command::Quotes(args) => ask::quotes(args),
        Command::Story(args) => ask::story(args),
        Command::Stories(args) => ask::stories(args),
        Command::Search(args) => ask::search(args),
        Command::Articles(args) => ask::articles(args),
        Command::Stats(args) => ask::stats(args),
        Command::Serve(args) => dossier_server::run(args),
    }
}

/// Inputs are handled in batches: read and analysed in parallel, written in order.
const BATCH: usize = 64;

fn run_analyze(args: AnalyzeArgs) -> ExitCode {
    let opts = Options { article: dossier_article::Options { published: args.published.clone() }, extract_only: args.extract_only };
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut failed = 0usize;
    let mut analysed = 0usize;
    let inputs = expand(&args.inputs);
    if args.max_size != DEFAULT_MAX_SIZE && args.max_size == 0 {
        eprintln!("dossier: --max-size must be above 0");
        return ExitCode::from(2);
    }
    // One stream of documents over all inputs, read as they are needed (a
    // WARC record by record, a JSONL dump line by line): a batch of them is
    // analysed in parallel and written, in input order, before the next is
    // read, so memory holds one batch whatever the size of the inputs.
    let max_size = args.max_size;
    let mut stream = inputs.iter().flat_map(|input| -> Box<dyn Iterator<Item = dossier_input::Entry> + Send> {
        match input {
            Err((origin, e)) => Box::new(std::iter::once((origin.clone(), Err(e.clone())))),
            Ok(input) => documents(input, max_size),
        }
    });
    loop {
        let batch: Vec<_> = stream.by_ref().take(BATCH).collect();
        if batch.is_empty() {
            break;
        }
        let results: Vec<(Origin, Result<Analysis, DocumentError>)> =
            batch.into_par_iter().map(|(origin, doc)| (origin, doc.and_then(|d| analyse_isolated(&d, &opts)))).collect();
        for (origin, result) in results {
            match result {
                Ok(analysis) => {
                    for w in &analysis.warnings {
                        eprintln!("dossier: {origin}: warning: {w}");
                    }
                    analysed += 1;
                    if let Err(e) = write(&mut out, &analysis, args.format) {
                        if e.kind() == io::ErrorKind::BrokenPipe {
                            return ExitCode::SUCCESS;
                        }
                        eprintln!("dossier: cannot write output: {e}");
                        return ExitCode::FAILURE;
                    }
                }
                Err(e) => {
                    failed += 1;
                    eprintln!("dossier: {origin}: {e}");
                }
            }
        }
        if out.flush().is_err() {
            return ExitCode::SUCCESS;
        }
    }
    if failed > 0 {
        eprintln!("dossier: {analysed} analysed, {failed} failed");
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Analyse one document so that a bug in a stage fails this document only:
/// a panic becomes an error naming the input, and the batch goes on.
fn analyse_isolated(doc: &dossier_document::Document, opts: &Options) -> Result<Analysis, DocumentError> {
    isolated(|| analyze(doc, opts))
}

/// Run `f`, turning a panic into [`DocumentError::Internal`] with its message.
fn isolated<T>(f: impl FnOnce() -> T) -> Result<T, DocumentError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).map_err(|payload| {
        let msg = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "panic".to_string());
        DocumentError::Internal(msg)
    })
}

fn write(out: &mut impl Write, a: &Analysis, format: Format) -> io::Result<()> {
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, a)?;
            writeln!(out)
        }
        Format::Jsonl => {
            serde_json::to_writer(&mut *out, a)?;
            writeln!(out)
        }
        Format::Text => summary::write(out, a),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panicking_stage_fails_one_document_with_its_message() {
        std::panic::set_hook(Box::new(|_| {}));
        let r: Result<(), _> = isolated(|| panic!("slice at byte 7"));
        assert_eq!(r, Err(DocumentError::Internal("slice at byte 7".into())));
        let r: Result<(), _> = isolated(|| std::panic::panic_any(format!("index {} out of range", 3)));
        assert_eq!(r, Err(DocumentError::Internal("index 3 out of range".into())));
        assert_eq!(isolated(|| 5), Ok(5));
    }

    #[test]
    fn sizes() {
        assert_eq!(parse_size("50M"), Ok(50 << 20));
        assert_eq!(parse_size("512k"), Ok(512 << 10));
        assert_eq!(parse_size("1000"), Ok(1000));
        assert_eq!(parse_size("1.5KiB"), Ok(1536));
        assert!(parse_size("lots").is_err());
        assert!(parse_size("5X").is_err());
    }
}
