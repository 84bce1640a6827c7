//! A small streaming reader of WARC files (WARC/1.0 and WARC/1.1, ISO 28500), the
//! format web crawlers store what they fetched in, and of the HTTP responses the
//! records hold.
//!
//! [`Reader`] reads one record at a time from any [`BufRead`], so a crawl of many
//! gigabytes never sits in memory: only the record being read does, and a record
//! larger than the reader's limit is skipped without being allocated. A
//! `.warc.gz` file is a series of gzip members, usually one per record; wrap the
//! file in [`flate2::read::MultiGzDecoder`] (and a [`std::io::BufReader`]) to read
//! it. [`http_response`] parses an `application/http; msgtype=response` block:
//! status line, headers, and the body with `Transfer-Encoding: chunked` and
//! `Content-Encoding: gzip` undone.
//!
//! Damaged input never panics: a bad record gives a [`WarcError`] naming its
//! offset, and the reader then looks for the next line starting with `WARC/`
//! and goes on from there when it can (it ends after a read error or at the end
//! of the input).
//!
//! ```
//! let warc = b"WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 5\r\n\r\nhello\r\n\r\n";
//! let records: Vec<_> = dossier_warc::Reader::new(&warc[..]).collect();
//! assert_eq!(records.len(), 1);
//! let r = records[0].as_ref().unwrap();
//! assert_eq!(r.kind, "warcinfo");
//! assert_eq!(r.block, b"hello");
//! ```

use std::fmt;
use std::io::{self, BufRead, Read};

mod http;

pub use http::{http_response, HttpResponse};

/// The default largest record block [`Reader`] reads: 64 MiB.
pub const DEFAULT_MAX_RECORD: u64 = 64 << 20;

/// Longest header line read (longer lines make the record malformed).
const MAX_LINE: usize = 64 * 1024;
/// Largest header block of one record.
const MAX_HEADER: usize = 1 << 20;

/// One WARC record: its named fields and its content block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// The `WARC-Type` field: `response`, `request`, `warcinfo`, `metadata`,
    /// `resource`, `revisit`, `conversion` or `continuation`.
    pub kind: String,
    /// The `WARC-Target-URI` field, when present (angle brackets removed).
    pub target_uri: Option<String>,
    /// The `WARC-Date` field (the capture time), when present.
    pub date: Option<String>,
    /// Every header field in order, names as written, values trimmed.
    pub headers: Vec<(String, String)>,
    /// The content block: exactly `Content-Length` bytes.
    pub block: Vec<u8>,
    /// Byte offset of the record's version line in the stream the reader was
    /// given (for a `.warc.gz` read through a gzip decoder, in the
    /// decompressed stream).
    pub offset: u64,
}

impl Record {
    /// The value of the first header field named `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        header(&self.headers, name)
    }
}

/// The first value of `name` (case-insensitive) among `headers`.
fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
}

/// A record that could not be read, and where it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WarcError {
    /// Byte offset of the record (or of the stray bytes) in the stream read.
    pub offset: u64,
    /// What is wrong.
    pub kind: WarcErrorKind,
}

/// What is wrong with a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WarcErrorKind {
    /// Bytes where a record should start that are not a `WARC/` version line.
    NotWarc(String),
    /// A `WARC/` version line of a version other than 1.0 or 1.1.
    BadVersion(String),
    /// A malformed header field (no colon, far too long, no `WARC-Type`, …).
    BadHeader(String),
    /// No `Content-Length` field.
    MissingContentLength,
    /// A `Content-Length` that is not a number.
    BadContentLength(String),
    /// The input ended inside the record's header.
    TruncatedHeader,
    /// The input ended inside the record's block.
    Truncated {
        /// The block length the record declares.
        expected: u64,
        /// The bytes that were there.
        got: u64,
    },
    /// A block larger than the reader's limit: skipped unread.
    TooLarge {
        /// The declared block length.
        length: u64,
        /// The limit.
        limit: u64,
    },
    /// The underlying stream holds corrupt data (typically damaged gzip).
    Corrupt(String),
    /// Reading the underlying stream failed.
    Io(String),
    /// A response block that is not a well-formed HTTP response, or a body
    /// that cannot be decoded.
    BadHttp(String),
}

impl fmt::Display for WarcErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WarcErrorKind::NotWarc(s) => write!(f, "not a WARC record: expected a WARC/1.0 or WARC/1.1 line, found {s}"),
            WarcErrorKind::BadVersion(s) => write!(f, "unsupported WARC version line {s} (WARC/1.0 and WARC/1.1 are read)"),
            WarcErrorKind::BadHeader(s) => write!(f, "malformed header: {s}"),
            WarcErrorKind::MissingContentLength => f.write_str("no Content-Length field"),
            WarcErrorKind::BadContentLength(s) => write!(f, "invalid Content-Length {s:?}"),
            WarcErrorKind::TruncatedHeader => f.write_str("truncated: the input ends inside the record header"),
            WarcErrorKind::Truncated { expected, got } => {
                write!(f, "truncated: the block should have {expected} bytes but the input ends after {got}")
            }
            WarcErrorKind::TooLarge { length, limit } => {
                write!(f, "record too large: {length} bytes exceeds the limit of {limit} (skipped)")
            }
            WarcErrorKind::Corrupt(e) => write!(f, "corrupt data (damaged gzip?): {e}"),
            WarcErrorKind::Io(e) => write!(f, "read error: {e}"),
            WarcErrorKind::BadHttp(e) => write!(f, "malformed HTTP response: {e}"),
        }
    }
}

impl fmt::Display for WarcError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "WARC record at offset {}: {}", self.offset, self.kind)
    }
}

impl std::error::Error for WarcError {}

impl WarcError {
    fn new(offset: u64, kind: WarcErrorKind) -> Self {
        WarcError { offset, kind }
    }

    fn io(offset: u64, e: &io::Error) -> Self {
        let kind = match e.kind() {
            io::ErrorKind::InvalidData | io::ErrorKind::InvalidInput | io::ErrorKind::UnexpectedEof => {
                WarcErrorKind::Corrupt(e.to_string())
            }
            _ => WarcErrorKind::Io(e.to_string()),
        };
        WarcError { offset, kind }
    }
}

/// A short, printable quotation of some bytes for error messages.
fn quote(bytes: &[u8]) -> String {
    let s = String::from_utf8_lossy(&bytes[..bytes.len().min(40)]);
    let mut q = format!("{:?}", s.trim_end_matches(['\r', '\n']));
    if bytes.len() > 40 {
        q.push('…');
    }
    q
}

fn trim_eol(mut line: &[u8]) -> &[u8] {
    while let [rest @ .., b'\r' | b'\n'] = line {
        line = rest;
    }
    line
}

/// One line read from the input: up to the limit kept, the rest consumed.
struct Line {
    bytes: Vec<u8>,
    /// The line was longer than the limit: `bytes` holds its start only.
    long: bool,
}

/// A streaming WARC reader: an iterator over the records of a WARC stream.
///
/// Each item is a [`Record`] or a [`WarcError`] naming the offset of the bad
/// record; after an error the reader resynchronises at the next line starting
/// with `WARC/` (or ends, after a read error or at the end of the input).
pub struct Reader<R> {
    inner: R,
    pos: u64,
    max_record: u64,
    /// A version line met while resynchronising, with its offset.
    pending: Option<(u64, Vec<u8>)>,
    resync: bool,
    done: bool,
}

impl<R: BufRead> Reader<R> {
    /// A reader over `inner`, which must yield uncompressed WARC bytes, with
    /// the [`DEFAULT_MAX_RECORD`] limit.
    pub fn new(inner: R) -> Self {
        Reader { inner, pos: 0, max_record: DEFAULT_MAX_RECORD, pending: None, resync: false, done: false }
    }

    /// Set the largest record block read: a longer one is skipped (read past,
    /// never held in memory) and reported as [`WarcErrorKind::TooLarge`].
    pub fn with_max_record(mut self, limit: u64) -> Self {
        self.max_record = limit;
        self
    }

    /// Bytes consumed from the input so far.
    pub fn position(&self) -> u64 {
        self.pos
    }

    /// The input, giving up the reader.
    pub fn into_inner(self) -> R {
        self.inner
    }

    /// Read one line, keeping at most `limit` bytes of it. `None` at the end of
    /// the input.
    fn read_line(&mut self, limit: usize) -> io::Result<Option<Line>> {
        let mut bytes = Vec::new();
        let mut long = false;
        let mut any = false;
        loop {
            let buf = match self.inner.fill_buf() {
                Ok(b) => b,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if buf.is_empty() {
                break;
            }
            any = true;
            let (take, end) = match buf.iter().position(|&b| b == b'\n') {
                Some(i) => (i + 1, true),
                None => (buf.len(), false),
            };
            let room = limit.saturating_sub(bytes.len());
            if take > room {
                long = true;
            }
            bytes.extend_from_slice(&buf[..take.min(room)]);
            self.inner.consume(take);
            self.pos += take as u64;
            if end {
                break;
            }
        }
        Ok(any.then_some(Line { bytes, long }))
    }

    /// Skip lines up to the next one starting with `WARC/`, which is kept for
    /// the next record.
    fn resynchronise(&mut self) -> Result<(), WarcError> {
        loop {
            let offset = self.pos;
            match self.read_line(16) {
                Ok(None) => {
                    self.done = true;
                    return Ok(());
                }
                Ok(Some(line)) if line.bytes.starts_with(b"WARC/") => {
                    // Keep the line whole for the error message of a bad version.
                    self.pending = Some((offset, line.bytes));
                    return Ok(());
                }
                Ok(Some(_)) => {}
                Err(e) => {
                    self.done = true;
                    return Err(WarcError::io(offset, &e));
                }
            }
        }
    }

    /// Read the header fields and block of the record whose version line
    /// (at `offset`) has been read.
    fn read_record(&mut self, offset: u64) -> Result<Record, WarcError> {
        let mut headers: Vec<(String, String)> = Vec::new();
        let mut size = 0usize;
        loop {
            let line = match self.read_line(MAX_LINE) {
                Ok(Some(l)) => l,
                Ok(None) => {
                    self.done = true;
                    return Err(WarcError::new(offset, WarcErrorKind::TruncatedHeader));
                }
                Err(e) => {
                    self.done = true;
                    return Err(WarcError::io(offset, &e));
                }
            };
            let bad = |this: &mut Self, msg: String| {
                this.resync = true;
                Err(WarcError::new(offset, WarcErrorKind::BadHeader(msg)))
            };
            if line.long {
                return bad(self, format!("a header line longer than {} KiB", MAX_LINE / 1024));
            }
            size += line.bytes.len();
            if size > MAX_HEADER {
                return bad(self, format!("a header block longer than {} KiB", MAX_HEADER / 1024));
            }
            let text = trim_eol(&line.bytes);
            if text.is_empty() {
                break;
            }
            let text = String::from_utf8_lossy(text);
            if text.starts_with([' ', '\t']) {
                match headers.last_mut() {
                    Some((_, v)) => {
                        v.push(' ');
                        v.push_str(text.trim());
                    }
                    None => return bad(self, format!("a continuation line before any field: {}", quote(text.as_bytes()))),
                }
                continue;
            }
            match text.split_once(':') {
                Some((k, v)) if !k.trim().is_empty() => headers.push((k.trim().to_string(), v.trim().to_string())),
                _ => {
                    // The header ended without its blank line and something else
                    // began: most likely a record cut short before its block.
                    return bad(self, format!("not a field: {}", quote(text.as_bytes())));
                }
            }
        }
        let length = match header(&headers, "Content-Length") {
            None => {
                self.resync = true;
                return Err(WarcError::new(offset, WarcErrorKind::MissingContentLength));
            }
            Some(v) => match v.trim().parse::<u64>() {
                Ok(n) => n,
                Err(_) => {
                    self.resync = true;
                    return Err(WarcError::new(offset, WarcErrorKind::BadContentLength(v.to_string())));
                }
            },
        };
        if length > self.max_record {
            let skipped = io::copy(&mut (&mut self.inner).take(length), &mut io::sink());
            match skipped {
                Ok(n) => {
                    self.pos += n;
                    if n < length {
                        self.done = true;
                    }
                }
                Err(e) => {
                    self.done = true;
                    return Err(WarcError::io(offset, &e));
                }
            }
            return Err(WarcError::new(offset, WarcErrorKind::TooLarge { length, limit: self.max_record }));
        }
        let mut block = Vec::with_capacity(length.min(1 << 20) as usize);
        let read = (&mut self.inner).take(length).read_to_end(&mut block);
        self.pos += block.len() as u64;
        if let Err(e) = read {
            self.done = true;
            return Err(WarcError::io(offset, &e));
        }
        if (block.len() as u64) < length {
            self.done = true;
            return Err(WarcError::new(offset, WarcErrorKind::Truncated { expected: length, got: block.len() as u64 }));
        }
        let Some(kind) = header(&headers, "WARC-Type").map(str::to_string) else {
            return Err(WarcError::new(offset, WarcErrorKind::BadHeader("no WARC-Type field".into())));
        };
        let target_uri = header(&headers, "WARC-Target-URI")
            .map(|u| u.trim_start_matches('<').trim_end_matches('>').to_string())
            .filter(|u| !u.is_empty());
        let date = header(&headers, "WARC-Date").map(str::to_string);
        Ok(Record { kind, target_uri, date, headers, block, offset })
    }
}

impl<R: BufRead> Iterator for Reader<R> {
    type Item = Result<Record, WarcError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.done {
                return None;
            }
            if self.resync {
                self.resync = false;
                if let Err(e) = self.resynchronise() {
                    return Some(Err(e));
                }
                continue;
            }
            let (offset, line) = match self.pending.take() {
                Some(p) => p,
                None => {
                    let offset = self.pos;
                    match self.read_line(MAX_LINE) {
                        Ok(Some(l)) => (offset, l.bytes),
                        Ok(None) => {
                            self.done = true;
                            return None;
                        }
                        Err(e) => {
                            self.done = true;
                            return Some(Err(WarcError::io(offset, &e)));
                        }
                    }
                }
            };
            let version = line.trim_ascii();
            if version.is_empty() {
                // Blank lines between records (the CRLF CRLF after each block).
                continue;
            }
            if !version.starts_with(b"WARC/") {
                self.resync = true;
                return Some(Err(WarcError::new(offset, WarcErrorKind::NotWarc(quote(version)))));
            }
            if version != b"WARC/1.0" && version != b"WARC/1.1" {
                self.resync = true;
                return Some(Err(WarcError::new(offset, WarcErrorKind::BadVersion(quote(version)))));
            }
            return Some(self.read_record(offset));
        }
    }
}

#[cfg(test)]
mod tests;
