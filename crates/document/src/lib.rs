//! `Document`: the raw bytes of one input and where they came from, and the pure
//! functions that turn those bytes into text: format sniffing, gzip, character-set
//! decoding, splitting a JSONL dump into one document per line, and taking the
//! archived pages out of a WARC crawl file.
//!
//! This is the first stage of the dossier pipeline. It never touches the file
//! system: reading paths and standard input is the job of `dossier-input`.
//!
//! **Architecture invariant:** every function here is total. Odd input (binary
//! junk, invalid UTF-8, an empty buffer, a malformed JSONL line) yields either a
//! [`DocumentError`] naming what is wrong or a result with [`Warning`]s; nothing
//! panics.

use std::fmt;

mod decode;
mod jsonl;
mod load;
mod sniff;
mod warc;

pub use decode::{decode_html, decode_text, gunzip, gzip_size_hint, Decoded};
pub use jsonl::{jsonl_line, split_jsonl};
pub use load::{load, DEFAULT_MAX_SIZE};
pub use sniff::{sniff, Format};
pub use warc::{warc_error, warc_record};

/// Where a document came from, for messages and for the `id` of its analysis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// A file, by the path the user gave (or found under a directory).
    File(String),
    /// Standard input.
    Stdin,
    /// One line of a JSONL file or stream.
    JsonlLine {
        /// The JSONL file's own name (a path or `-`).
        container: String,
        /// 1-based line number.
        line: usize,
    },
    /// One record of a WARC crawl file.
    WarcRecord {
        /// The WARC file's own name (a path or `-`).
        container: String,
        /// Byte offset of the record in the (decompressed) WARC stream.
        offset: u64,
        /// The record's `WARC-Target-URI`, when known.
        uri: Option<String>,
    },
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::File(p) => f.write_str(p),
            Origin::Stdin => f.write_str("<stdin>"),
            Origin::JsonlLine { container, line } => write!(f, "{container}:{line}"),
            Origin::WarcRecord { container, offset, uri: None } => write!(f, "{container}@{offset}"),
            Origin::WarcRecord { container, offset, uri: Some(uri) } => write!(f, "{container}@{offset} ({uri})"),
        }
    }
}

/// What the input itself says about the document besides its body, as given by a
/// JSONL record (`id`, `url`, `published`, `title`). All optional.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hints {
    /// A caller-chosen identifier, echoed in the analysis.
    pub id: Option<String>,
    /// The page's URL.
    pub url: Option<String>,
    /// The publication date or date-time, as the caller wrote it.
    pub published: Option<String>,
    /// The headline.
    pub title: Option<String>,
    /// The outlet or site name (JSONL `"outlet"`, `"publisher"` or `"site"`).
    pub outlet: Option<String>,
}

/// A document's body, decoded to text, with its format known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    /// An HTML page or fragment.
    Html(String),
    /// Plain text as scraped or copied from a page: page furniture may still be in it.
    Text(String),
    /// Text to analyse verbatim (a JSONL `"text"` field): no cleaning, so that
    /// offsets refer to exactly this string.
    VerbatimText(String),
}

/// One input document: its body and provenance. The unit every later stage works on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// Where it came from.
    pub origin: Origin,
    /// Its body.
    pub body: Body,
    /// Metadata given alongside the body.
    pub hints: Hints,
    /// Problems met while reading it (e.g. invalid UTF-8 decoded lossily).
    pub warnings: Vec<Warning>,
}

impl Document {
    /// A document from text already in memory.
    pub fn new(origin: Origin, body: Body) -> Self {
        Document { origin, body, hints: Hints::default(), warnings: Vec::new() }
    }

    /// The identifier used for this document's analysis: the hint's `id` if given,
    /// otherwise the origin.
    pub fn id(&self) -> String {
        self.hints.id.clone().unwrap_or_else(|| self.origin.to_string())
    }
}

/// Why a document could not be read at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocumentError {
    /// Zero bytes, or only white space.
    Empty,
    /// The bytes are not text (NUL bytes or many control characters).
    Binary,
    /// Gzip data that could not be decompressed.
    BadGzip(String),
    /// Larger than the configured limit.
    TooLarge {
        /// Size seen (bytes, after decompression if compressed).
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// A JSONL line that is not a JSON object with `text` or `html`.
    BadJsonl(String),
    /// A WARC record that cannot be read (truncated, malformed header, bad
    /// HTTP response, …).
    BadWarc(String),
    /// The input could not be read (missing file, permissions, I/O error).
    Unreadable(String),
    /// A stage failed on this document (a bug): the batch goes on without it.
    Internal(String),
}

impl fmt::Display for DocumentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DocumentError::Empty => f.write_str("empty input: nothing to analyse"),
            DocumentError::Binary => f.write_str("binary data, not text or HTML"),
            DocumentError::BadGzip(e) => write!(f, "corrupt gzip data: {e}"),
            DocumentError::TooLarge { size, limit } => write!(
                f,
                "too large: {} exceeds the limit of {} (raise it with --max-size)",
                human_bytes(*size),
                human_bytes(*limit)
            ),
            DocumentError::BadJsonl(e) => write!(f, "malformed JSONL line: {e}"),
            DocumentError::BadWarc(e) => write!(f, "bad WARC record: {e}"),
            DocumentError::Unreadable(e) => write!(f, "cannot read: {e}"),
            DocumentError::Internal(e) => write!(f, "internal error while analysing (a bug in dossier, please report it): {e}"),
        }
    }
}

impl std::error::Error for DocumentError {}

/// A problem that did not stop a stage: the stage's result is still usable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning(pub String);

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// `1536` → `1.5 KiB`, for messages.
pub fn human_bytes(n: u64) -> String {
    const UNITS: [&str; 4] = ["B", "KiB", "MiB", "GiB"];
    let mut v = n as f64;
    let mut u = 0;
    while v >= 1024.0 && u + 1 < UNITS.len() {
        v /= 1024.0;
        u += 1;
    }
    if u == 0 {
        format!("{n} B")
    } else {
        format!("{v:.1} {}", UNITS[u])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origin_names_the_input() {
        assert_eq!(Origin::File("a/b.html".into()).to_string(), "a/b.html");
        assert_eq!(Origin::JsonlLine { container: "x.jsonl".into(), line: 3 }.to_string(), "x.jsonl:3");
        let warc = |uri: Option<&str>| Origin::WarcRecord { container: "crawl.warc.gz".into(), offset: 1234, uri: uri.map(Into::into) };
        assert_eq!(warc(Some("https://example.com/a")).to_string(), "crawl.warc.gz@1234 (https://example.com/a)");
        assert_eq!(warc(None).to_string(), "crawl.warc.gz@1234");
    }

    #[test]
    fn id_prefers_hint() {
        let mut d = Document::new(Origin::Stdin, Body::Text("x".into()));
        assert_eq!(d.id(), "<stdin>");
        d.hints.id = Some("abc".into());
        assert_eq!(d.id(), "abc");
    }

    #[test]
    fn human_sizes() {
        assert_eq!(human_bytes(10), "10 B");
        assert_eq!(human_bytes(50 * 1024 * 1024), "50.0 MiB");
    }
}
