//! Reading what the user named on the command line into [`Document`]s.
//!
//! **API boundary:** this crate is the pipeline's I/O edge on the way in. It
//! reads files, walks directories and reads standard input; everything after it
//! ([`dossier_document::load`] onwards) works on bytes in memory.
//!
//! [`documents`] streams: a WARC crawl is read record by record and a JSONL
//! dump line by line, so neither the file nor all its documents are ever held
//! in memory at once. [`read`] reads a whole input first.

use std::fs;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use dossier_document::{
    decode_text, jsonl_line, load, sniff, warc_error, warc_record, Document, DocumentError, Format, Origin,
};

/// One input named by the user, after directories are expanded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file.
    File(PathBuf),
    /// Standard input (`-`).
    Stdin,
}

impl Input {
    /// The origin this input's documents will carry.
    pub fn origin(&self) -> Origin {
        match self {
            Input::File(p) => Origin::File(p.display().to_string()),
            Input::Stdin => Origin::Stdin,
        }
    }
}

/// Expand the arguments into inputs: `-` is standard input, a directory is
/// walked recursively (files in name order, hidden files and directories
/// skipped), anything else is taken as a file. A directory that cannot be walked
/// is reported as an error entry, not dropped.
pub fn expand<S: AsRef<str>>(args: &[S]) -> Vec<Result<Input, (Origin, DocumentError)>> {
    let mut out = Vec::new();
    for arg in args {
        let arg = arg.as_ref();
        if arg == "-" {
            out.push(Ok(Input::Stdin));
            continue;
        }
        let path = Path::new(arg);
        if path.is_dir() {
            let walker = walkdir::WalkDir::new(path)
                .follow_links(true)
                .sort_by_file_name()
                .into_iter()
                .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
            for entry in walker {
                match entry {
                    Ok(e) if e.file_type().is_file() => out.push(Ok(Input::File(e.into_path()))),
                    Ok(_) => {}
                    Err(e) => {
                        let where_ = e.path().unwrap_or(path).display().to_string();
                        out.push(Err((Origin::File(where_), DocumentError::Unreadable(e.to_string()))));
                    }
                }
            }
        } else {
            out.push(Ok(Input::File(path.to_path_buf())));
        }
    }
    out
}

/// Read one input and load the documents it holds (see [`load`]). A file larger
/// than `max_size` is refused before it is read.
pub fn read(input: &Input, max_size: u64) -> Vec<(Origin, Result<Document, DocumentError>)> {
    let origin = input.origin();
    match read_bytes(input, max_size) {
        Ok(bytes) => load(origin, &bytes, max_size),
        Err(e) => vec![(origin, Err(e))],
    }
}

/// One entry of [`documents`]: where a document came from, and it or why it
/// could not be read.
pub type Entry = (Origin, Result<Document, DocumentError>);

/// The documents of one input, read as they are needed.
///
/// The format is detected from the first bytes (after gunzip when the input is
/// gzip-compressed), not from the name:
///
/// - a WARC crawl file (`.warc`, `.warc.gz`) is read record by record, one
///   document per archived HTML or text page (see
///   [`dossier_document::warc_record`]); `max_size` limits each record, not the
///   file, so a crawl of many gigabytes never sits in memory. A bad record is
///   one error entry naming the file and the record's offset.
/// - a JSONL dump is read line by line with the semantics of
///   [`dossier_document::split_jsonl`] (verbatim `text`, `file:line` origins,
///   one error per bad line); `max_size` limits each line, not the file.
/// - anything else is read whole, as [`read`] does (and refused when larger
///   than `max_size`).
pub fn documents(input: &Input, max_size: u64) -> Box<dyn Iterator<Item = Entry> + Send> {
    let origin = input.origin();
    match open(input) {
        Ok(Opened::Warc(stream)) => {
            let container = origin.to_string();
            let reader = dossier_warc::Reader::new(stream).with_max_record(max_size);
            Box::new(reader.filter_map(move |r| match r {
                Ok(record) => warc_record(&container, &record, max_size),
                Err(e) => Some(warc_error(&container, &e)),
            }))
        }
        Ok(Opened::Jsonl(stream, gzip)) => Box::new(JsonlLines {
            stream,
            container: origin.to_string(),
            line: 0,
            limit: usize::try_from(max_size).unwrap_or(usize::MAX),
            gzip,
            done: false,
        }),
        Ok(Opened::Whole(_, Some(size))) if size > max_size => {
            Box::new(std::iter::once((origin, Err(DocumentError::TooLarge { size, limit: max_size }))))
        }
        Ok(Opened::Whole(whole, _)) => {
            // The rest of what was started (decompressed already), as `read`
            // reads it; the input is not opened twice (it may be a pipe).
            let Whole { mut stream, gzip, expect } = whole;
            // One allocation of the size expected (and a byte to see it end),
            // not a doubling buffer copied as it grows.
            let mut bytes = Vec::with_capacity(expect.map_or(0, |n| n.min(max_size.saturating_add(1))) as usize);
            let entries = match stream.by_ref().take(max_size.saturating_add(1)).read_to_end(&mut bytes) {
                Err(e) => vec![(origin, Err(io_error(&e, gzip)))],
                Ok(_) if bytes.len() as u64 > max_size => {
                    vec![(origin, Err(DocumentError::TooLarge { size: bytes.len() as u64, limit: max_size }))]
                }
                Ok(_) => load(origin, &bytes, max_size),
            };
            Box::new(entries.into_iter())
        }
        Err(e) => Box::new(std::iter::once((origin, Err(e)))),
    }
}

type Stream = BufReader<Box<dyn Read + Send>>;

/// An input opened and its format sniffed.
enum Opened {
    /// A WARC stream, decompressed.
    Warc(Stream),
    /// A JSONL stream, decompressed; whether it was gzip.
    Jsonl(Stream, bool),
    /// Anything else, to be read whole; with the file's size on disk.
    Whole(Whole, Option<u64>),
}

/// A stream to be read whole.
struct Whole {
    /// Decompressed.
    stream: Stream,
    /// Whether it was gzip.
    gzip: bool,
    /// Its decompressed size as far as it can be known beforehand: a
    /// regular file's size, or the size a gzip file's trailer announces.
    expect: Option<u64>,
}

/// How much of the (decompressed) start of an input is sniffed.
const SNIFF: u64 = 8192;

fn open(input: &Input) -> Result<Opened, DocumentError> {
    let unreadable = |e: io::Error| DocumentError::Unreadable(e.to_string());
    let (raw, size): (Box<dyn Read + Send>, Option<u64>) = match input {
        Input::Stdin => (Box::new(io::stdin()), None),
        Input::File(p) => {
            let meta = fs::metadata(p).map_err(unreadable)?;
            if meta.is_dir() {
                return Err(DocumentError::Unreadable("is a directory".into()));
            }
            // A pipe or device says 0: only a regular file's size is known.
            let size = meta.is_file().then_some(meta.len());
            (Box::new(fs::File::open(p).map_err(unreadable)?), size)
        }
    };
    let (magic, raw) = peek(raw, 2).map_err(unreadable)?;
    let gzip = magic.starts_with(&[0x1f, 0x8b]);
    let stream: Box<dyn Read + Send> = if gzip { Box::new(flate2::read::MultiGzDecoder::new(raw)) } else { raw };
    let (head, stream) = peek(stream, SNIFF).map_err(|e| io_error(&e, gzip))?;
    let stream = BufReader::with_capacity(64 * 1024, stream);
    let utf16 = head.starts_with(&[0xff, 0xfe]) || head.starts_with(&[0xfe, 0xff]);
    Ok(match sniff(&head) {
        Format::Warc => Opened::Warc(stream),
        Format::Jsonl if !utf16 => Opened::Jsonl(stream, gzip),
        _ => {
            let expect = match (input, size) {
                (Input::File(p), Some(n)) if gzip => gzip_trailer(p).map(|t| dossier_document::gzip_size_hint(t, n, u64::MAX)),
                // A byte past the end shows where it ends.
                (_, n) => n.map(|n| n.saturating_add(1)),
            };
            Opened::Whole(Whole { stream, gzip, expect }, size)
        }
    })
}

/// A gzip file's last four bytes: its last member's ISIZE trailer, read for
/// [`dossier_document::gzip_size_hint`] (never trusted as a limit).
fn gzip_trailer(path: &std::path::Path) -> Option<[u8; 4]> {
    use std::io::{Seek, SeekFrom};
    let mut f = fs::File::open(path).ok()?;
    f.seek(SeekFrom::End(-4)).ok()?;
    let mut b = [0u8; 4];
    f.read_exact(&mut b).ok()?;
    Some(b)
}

/// Read up to `n` bytes from the start of `reader`, and the reader again with
/// those bytes put back in front.
///
/// A read error after some bytes (a short gzip file cut short, say) is not
/// returned here but kept, to come after those bytes.
fn peek(mut reader: Box<dyn Read + Send>, n: u64) -> io::Result<(Vec<u8>, Box<dyn Read + Send>)> {
    let mut head = Vec::new();
    match reader.by_ref().take(n).read_to_end(&mut head) {
        Ok(_) => Ok((head.clone(), Box::new(io::Cursor::new(head).chain(reader)))),
        Err(e) if head.is_empty() => Err(e),
        Err(e) => Ok((head.clone(), Box::new(io::Cursor::new(head).chain(Failing(Some(e)))))),
    }
}

/// A reader whose only content is an error.
struct Failing(Option<io::Error>);

impl Read for Failing {
    fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
        self.0.take().map_or(Ok(0), Err)
    }
}

fn io_error(e: &io::Error, gzip: bool) -> DocumentError {
    if gzip && matches!(e.kind(), io::ErrorKind::InvalidData | io::ErrorKind::InvalidInput | io::ErrorKind::UnexpectedEof) {
        DocumentError::BadGzip(e.to_string())
    } else {
        DocumentError::Unreadable(e.to_string())
    }
}

/// A JSONL stream read line by line.
struct JsonlLines {
    stream: Stream,
    container: String,
    /// The number of the last line read (1-based).
    line: usize,
    /// The longest line read, in bytes (without its line ending).
    limit: usize,
    gzip: bool,
    done: bool,
}

impl Iterator for JsonlLines {
    type Item = Entry;

    fn next(&mut self) -> Option<Entry> {
        let mut buf = Vec::new();
        while !self.done {
            self.line += 1;
            let origin = || Origin::JsonlLine { container: self.container.clone(), line: self.line };
            buf.clear();
            // Room for the line ending besides the limit.
            let (size, newline) = match read_line(&mut self.stream, self.limit.saturating_add(2), &mut buf) {
                Ok(Some(n)) => n,
                Ok(None) => {
                    self.done = true;
                    return None;
                }
                Err(e) => {
                    self.done = true;
                    return Some((origin(), Err(io_error(&e, self.gzip))));
                }
            };
            let eol = buf.iter().rev().take_while(|&&b| b == b'\n' || b == b'\r').count() as u64;
            // A line kept whole loses its `\r\n`; a longer one its `\n` at least.
            let length = if buf.len() as u64 == size { size - eol.min(size) } else { size - u64::from(newline) };
            if length > self.limit as u64 {
                return Some((origin(), Err(DocumentError::TooLarge { size: length, limit: self.limit as u64 })));
            }
            let mut bytes = &buf[..];
            if self.line == 1 {
                bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
            }
            let entry = match std::str::from_utf8(bytes) {
                Ok(text) => jsonl_line(&self.container, self.line, text),
                Err(_) => {
                    let decoded = decode_text(bytes);
                    jsonl_line(&self.container, self.line, &decoded.text).map(|(o, d)| {
                        (
                            o,
                            d.map(|mut d| {
                                d.warnings.extend(decoded.warnings);
                                d
                            }),
                        )
                    })
                }
            };
            if entry.is_some() {
                return entry;
            }
        }
        None
    }
}

/// Read one line (up to and with its `\n`) into `out`, keeping at most `keep`
/// bytes of it and consuming the rest. The line's whole length and whether it
/// ended with `\n`, or `None` at the end of the input.
fn read_line(r: &mut impl BufRead, keep: usize, out: &mut Vec<u8>) -> io::Result<Option<(u64, bool)>> {
    let mut total = 0u64;
    loop {
        let buf = match r.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            return Ok((total > 0).then_some((total, false)));
        }
        let (take, end) = match buf.iter().position(|&b| b == b'\n') {
            Some(i) => (i + 1, true),
            None => (buf.len(), false),
        };
        let room = keep.saturating_sub(out.len());
        out.extend_from_slice(&buf[..take.min(room)]);
        r.consume(take);
        total += take as u64;
        if end {
            return Ok(Some((total, true)));
        }
    }
}

fn read_bytes(input: &Input, max_size: u64) -> Result<Vec<u8>, DocumentError> {
    let mut buf = Vec::new();
    let reader: Box<dyn Read> = match input {
        Input::Stdin => Box::new(std::io::stdin().lock()),
        Input::File(p) => {
            let meta = fs::metadata(p).map_err(|e| DocumentError::Unreadable(e.to_string()))?;
            if meta.is_dir() {
                return Err(DocumentError::Unreadable("is a directory".into()));
            }
            if meta.len() > max_size {
                return Err(DocumentError::TooLarge { size: meta.len(), limit: max_size });
            }
            // One allocation of the file's size (and a byte to see it end),
            // not a doubling buffer copied as it grows.
            buf.reserve_exact(meta.len() as usize + 1);
            Box::new(fs::File::open(p).map_err(|e| DocumentError::Unreadable(e.to_string()))?)
        }
    };
    reader
        .take(max_size.saturating_add(1))
        .read_to_end(&mut buf)
        .map_err(|e| DocumentError::Unreadable(e.to_string()))?;
    if buf.len() as u64 > max_size {
        return Err(DocumentError::TooLarge { size: buf.len() as u64, limit: max_size });
    }
    Ok(buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directories_are_walked_in_order_and_hidden_files_skipped() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("sub")).unwrap();
        fs::write(dir.path().join("b.txt"), "B").unwrap();
        fs::write(dir.path().join("sub/a.txt"), "A").unwrap();
        fs::write(dir.path().join(".hidden"), "H").unwrap();
        let inputs: Vec<_> = expand(&[dir.path().to_str().unwrap()]).into_iter().map(Result::unwrap).collect();
        let names: Vec<_> = inputs
            .iter()
            .map(|i| match i {
                Input::File(p) => p.strip_prefix(dir.path()).unwrap().display().to_string(),
                Input::Stdin => "-".into(),
            })
            .collect();
        assert_eq!(names, ["b.txt", "sub/a.txt"]);
        assert_eq!(expand(&["-"]), vec![Ok(Input::Stdin)]);
    }

    #[test]
    fn missing_and_oversized_files_are_errors_naming_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let missing = Input::File(dir.path().join("nope.html"));
        let r = read(&missing, 100);
        assert!(matches!(r[0].1, Err(DocumentError::Unreadable(_))));
        assert!(r[0].0.to_string().ends_with("nope.html"));
        let big = dir.path().join("big.txt");
        fs::write(&big, vec![b'a'; 200]).unwrap();
        assert!(matches!(read(&Input::File(big), 100)[0].1, Err(DocumentError::TooLarge { .. })));
    }

    use std::io::Write;

    use flate2::{write::GzEncoder, Compression};

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut e = GzEncoder::new(Vec::new(), Compression::fast());
        e.write_all(bytes).unwrap();
        e.finish().unwrap()
    }

    fn warc_record(kind: &str, uri: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
        let mut r = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-05-01T10:00:00Z\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        r.extend_from_slice(block);
        r.extend_from_slice(b"\r\n\r\n");
        r
    }

    fn page(uri: &str, n: usize) -> Vec<u8> {
        let http = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><body><p>Story {n}: the mayor said the bridge would reopen.</p></body></html>"
        );
        warc_record("response", uri, "application/http; msgtype=response", http.as_bytes())
    }

    /// A request and three HTML responses, each record its own gzip member.
    fn crawl() -> Vec<Vec<u8>> {
        vec![
            warc_record("request", "https://example.com/1", "application/http; msgtype=request", b"GET /1 HTTP/1.1\r\nHost: example.com\r\n\r\n"),
            page("https://example.com/1", 1),
            page("https://example.com/2", 2),
            page("https://example.com/3", 3),
        ]
    }

    fn gzip_each(records: &[Vec<u8>]) -> Vec<u8> {
        records.iter().flat_map(|r| gzip(r)).collect()
    }

    #[test]
    fn a_gzip_page_is_read_whole_and_a_forged_size_is_only_a_hint() {
        let dir = tempfile::tempdir().unwrap();
        let html = "<html><body><p>The mayor said the bridge would reopen on Monday.</p></body></html>".repeat(50);
        let good = dir.path().join("page.html.gz");
        fs::write(&good, gzip(html.as_bytes())).unwrap();
        assert_eq!(gzip_trailer(&good).map(u32::from_le_bytes), Some(html.len() as u32));
        let docs: Vec<_> = documents(&Input::File(good), 1 << 20).collect();
        assert_eq!(docs.len(), 1);
        assert!(docs[0].1.is_ok());
        // A trailer claiming 4 GiB: bounded by what the data could give, and
        // the stream's own check refuses it.
        let mut forged = gzip(html.as_bytes());
        let n = forged.len();
        forged[n - 4..].copy_from_slice(&u32::MAX.to_le_bytes());
        let bad = dir.path().join("forged.html.gz");
        fs::write(&bad, &forged).unwrap();
        assert_eq!(gzip_trailer(&bad).map(u32::from_le_bytes), Some(u32::MAX));
        let docs: Vec<_> = documents(&Input::File(bad), 1 << 20).collect();
        assert_eq!(docs.len(), 1);
        assert!(docs[0].1.is_err());
    }

    #[test]
    fn a_warc_gz_gives_one_document_per_page_with_its_url() {
        let dir = tempfile::tempdir().unwrap();
        // Named without an extension: the content says what it is.
        let path = dir.path().join("crawl-0001");
        fs::write(&path, gzip_each(&crawl())).unwrap();
        let docs: Vec<_> = documents(&Input::File(path.clone()), 1 << 20).collect();
        assert_eq!(docs.len(), 3, "{docs:?}");
        let name = path.display().to_string();
        for (i, (origin, doc)) in docs.iter().enumerate() {
            let doc = doc.as_ref().unwrap();
            let url = format!("https://example.com/{}", i + 1);
            assert_eq!(doc.hints.url.as_deref(), Some(url.as_str()));
            assert!(matches!(origin, Origin::WarcRecord { container, uri: Some(u), .. } if *container == name && *u == url), "{origin:?}");
        }
        // The in-memory path agrees.
        assert_eq!(read(&Input::File(path), 1 << 20), docs);
    }

    #[test]
    fn a_truncated_warc_gz_keeps_the_good_records_and_names_the_bad_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cut.warc.gz");
        let parts = crawl();
        let gz = gzip_each(&parts);
        fs::write(&path, &gz[..gz.len() - 30]).unwrap();
        let docs: Vec<_> = documents(&Input::File(path.clone()), 1 << 20).collect();
        assert_eq!(docs.len(), 3, "{docs:?}");
        assert!(docs[0].1.is_ok() && docs[1].1.is_ok());
        let offset = parts[..3].iter().map(Vec::len).sum::<usize>();
        let (origin, err) = &docs[2];
        assert_eq!(origin.to_string(), format!("{}@{offset}", path.display()));
        assert!(err.is_err(), "{err:?}");
    }

    #[test]
    fn a_record_over_max_size_is_skipped_with_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.warc");
        let mut parts = crawl();
        parts.insert(2, warc_record("response", "https://example.com/big", "application/http; msgtype=response", &[b'x'; 5000]));
        fs::write(&path, parts.concat()).unwrap();
        let docs: Vec<_> = documents(&Input::File(path), 2000).collect();
        assert_eq!(docs.len(), 4);
        assert!(matches!(docs[1].1, Err(DocumentError::TooLarge { size: 5000, limit: 2000 })), "{:?}", docs[1]);
        assert_eq!(docs.iter().filter(|d| d.1.is_ok()).count(), 3);
    }

    #[test]
    fn a_jsonl_larger_than_max_size_is_read_line_by_line() {
        let dir = tempfile::tempdir().unwrap();
        let mut dump = String::new();
        for i in 0..200 {
            dump.push_str(&serde_json::json!({"id": i.to_string(), "text": format!("  Line {i} said so.\r\n  ")}).to_string());
            dump.push('\n');
        }
        assert!(dump.len() > 5000);
        for (name, bytes) in [("dump.jsonl", dump.clone().into_bytes()), ("dump.jsonl.gz", gzip(dump.as_bytes()))] {
            let path = dir.path().join(name);
            fs::write(&path, bytes).unwrap();
            let docs: Vec<_> = documents(&Input::File(path.clone()), 1000).collect();
            assert_eq!(docs.len(), 200, "{name}");
            let last = docs[199].1.as_ref().unwrap();
            assert_eq!(last.body, dossier_document::Body::VerbatimText("  Line 199 said so.\r\n  ".into()));
            assert_eq!(docs[199].0.to_string(), format!("{}:200", path.display()));
            // Read whole, the file is refused.
            assert!(matches!(read(&Input::File(path), 1000)[0].1, Err(DocumentError::TooLarge { .. })));
        }
    }

    #[test]
    fn a_bad_jsonl_line_fails_alone_and_an_overlong_line_is_too_large() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("two.jsonl");
        fs::write(&path, "{\"id\": \"a\", \"text\": \"Fine.\"}\n{\"id\": \"b\", \"text\": \"cut\n").unwrap();
        let docs: Vec<_> = documents(&Input::File(path.clone()), 1 << 20).collect();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].1.as_ref().unwrap().hints.id.as_deref(), Some("a"));
        assert!(matches!(docs[1].1, Err(DocumentError::BadJsonl(_))));
        assert_eq!(docs[1].0.to_string(), format!("{}:2", path.display()));
        // The same through `read`: the streaming reader keeps its semantics.
        assert_eq!(read(&Input::File(path.clone()), 1 << 20), docs);

        let long = format!("{{\"id\": \"long\", \"text\": \"{}\"}}", "x".repeat(300));
        fs::write(&path, format!("\u{feff}{{\"text\": \"one\"}}\r\n\n{long}\n{{\"text\": \"three\"}}")).unwrap();
        let docs: Vec<_> = documents(&Input::File(path.clone()), 100).collect();
        assert_eq!(docs.len(), 3, "{docs:?}");
        assert!(docs[0].1.is_ok() && docs[2].1.is_ok());
        assert_eq!(docs[1].0.to_string(), format!("{}:3", path.display()));
        assert!(matches!(docs[1].1, Err(DocumentError::TooLarge { size, limit: 100 }) if size == long.len() as u64));
        assert_eq!(docs[2].0.to_string(), format!("{}:4", path.display()));
    }

    #[test]
    fn other_inputs_are_read_whole_as_before() {
        let dir = tempfile::tempdir().unwrap();
        let html = dir.path().join("a.html.gz");
        fs::write(&html, gzip(b"<!doctype html><title>t</title><p>Body.</p>")).unwrap();
        let docs: Vec<_> = documents(&Input::File(html.clone()), 1000).collect();
        assert_eq!(docs, read(&Input::File(html), 1000));
        assert!(matches!(docs[0].1.as_ref().unwrap().body, dossier_document::Body::Html(_)));
        let big = dir.path().join("big.txt");
        fs::write(&big, vec![b'a'; 200]).unwrap();
        assert!(matches!(documents(&Input::File(big), 100).next().unwrap().1, Err(DocumentError::TooLarge { .. })));
        let missing: Vec<_> = documents(&Input::File(dir.path().join("nope")), 100).collect();
        assert!(matches!(missing[..], [(_, Err(DocumentError::Unreadable(_)))]));
        let corrupt = dir.path().join("bad.gz");
        fs::write(&corrupt, b"\x1f\x8b\x08\x00garbage that is not deflate").unwrap();
        let docs: Vec<_> = documents(&Input::File(corrupt), 100).collect();
        assert!(matches!(docs[..], [(_, Err(DocumentError::BadGzip(_)))]), "{docs:?}");
    }
}
