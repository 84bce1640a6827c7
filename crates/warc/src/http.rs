//! The HTTP response in a `response` record's block.

use std::borrow::Cow;
use std::io::Read;

use crate::{header, quote, Record, WarcError, WarcErrorKind};

/// An HTTP response as a crawler stored it: status, headers, and the payload
/// still in its transfer and content encodings (see [`HttpResponse::body`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpResponse<'a> {
    /// The status code, e.g. 200.
    pub status: u16,
    /// The `Content-Type` header, when present, as written.
    pub content_type: Option<String>,
    /// Every header in order, names as written, values trimmed.
    pub headers: Vec<(String, String)>,
    /// The offset of the WARC record holding the response.
    pub offset: u64,
    payload: &'a [u8],
}

/// Parse the HTTP response in `record`'s block.
///
/// `None` when the record does not hold one: its type is not `response`, or its
/// `Content-Type` is set and is not `application/http` (a request, for one).
/// `Some(Err(_))` when the block is not a well-formed HTTP response.
pub fn http_response(record: &Record) -> Option<Result<HttpResponse<'_>, WarcError>> {
    if !record.kind.eq_ignore_ascii_case("response") {
        return None;
    }
    match record.header("Content-Type") {
        Some(ct) => {
            let ct = ct.to_ascii_lowercase().replace(' ', "");
            if !ct.starts_with("application/http") || ct.contains("msgtype=request") {
                return None;
            }
        }
        None if !record.block.starts_with(b"HTTP/") => return None,
        None => {}
    }
    Some(parse(record.offset, &record.block))
}

fn parse(offset: u64, block: &[u8]) -> Result<HttpResponse<'_>, WarcError> {
    let bad = |msg: String| WarcError::new(offset, WarcErrorKind::BadHttp(msg));
    // The head ends at the first blank line (CRLF CRLF, or bare LF LF).
    let mut end = block.len();
    let mut body_start = block.len();
    let mut i = 0;
    while let Some(n) = block[i..].iter().position(|&b| b == b'\n') {
        let nl = i + n;
        let next = &block[nl + 1..];
        if next.starts_with(b"\r\n") {
            (end, body_start) = (nl + 1, nl + 3);
            break;
        }
        if next.starts_with(b"\n") {
            (end, body_start) = (nl + 1, nl + 2);
            break;
        }
        i = nl + 1;
    }
    let head = String::from_utf8_lossy(&block[..end]);
    let mut lines = head.split('\n').map(|l| l.trim_end_matches('\r'));
    let status_line = lines.next().unwrap_or("");
    let mut parts = status_line.split_ascii_whitespace();
    let version = parts.next().unwrap_or("");
    if !version.starts_with("HTTP/") {
        return Err(bad(format!("not an HTTP status line: {}", quote(status_line.as_bytes()))));
    }
    let status = parts
        .next()
        .filter(|s| s.len() == 3)
        .and_then(|s| s.parse::<u16>().ok())
        .ok_or_else(|| bad(format!("no status code in {}", quote(status_line.as_bytes()))))?;
    let mut headers: Vec<(String, String)> = Vec::new();
    for line in lines {
        if line.trim().is_empty() {
            continue;
        }
        if line.starts_with([' ', '\t']) {
            if let Some((_, v)) = headers.last_mut() {
                v.push(' ');
                v.push_str(line.trim());
            }
            continue;
        }
        if let Some((k, v)) = line.split_once(':') {
            headers.push((k.trim().to_string(), v.trim().to_string()));
        }
        // Lines without a colon are ignored, as browsers do.
    }
    let content_type = header(&headers, "Content-Type").map(str::to_string);
    Ok(HttpResponse { status, content_type, headers, offset, payload: &block[body_start.min(block.len())..] })
}

impl<'a> HttpResponse<'a> {
    /// The value of the first header named `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        header(&self.headers, name)
    }

    /// The media type of `Content-Type`, lower-cased, without parameters
    /// (`text/html; charset=utf-8` → `text/html`).
    pub fn mime_type(&self) -> Option<String> {
        let ct = self.content_type.as_deref()?;
        let t = ct.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
        (!t.is_empty()).then_some(t)
    }

    /// The `charset` parameter of `Content-Type`, if any (`"utf-8"` → `utf-8`).
    pub fn charset(&self) -> Option<String> {
        let ct = self.content_type.as_deref()?;
        ct.split(';').skip(1).find_map(|p| {
            let (k, v) = p.split_once('=')?;
            k.trim().eq_ignore_ascii_case("charset").then(|| v.trim().trim_matches(['"', '\'']).to_string())
        })
    }

    /// The payload exactly as stored after the header block.
    pub fn raw_body(&self) -> &'a [u8] {
        self.payload
    }

    /// The body: `Transfer-Encoding: chunked` undone, then `Content-Encoding:
    /// gzip` (or `x-gzip`, `deflate`) decompressed, at most `limit` bytes.
    ///
    /// Crawlers sometimes store a body already decoded while keeping the
    /// headers; a body that is not chunked or not compressed as announced is
    /// taken as it is. A body encoded otherwise (`br`, …), a corrupt compressed
    /// body, a chunked body cut short, or one larger than `limit` is an error.
    pub fn body(&self, limit: u64) -> Result<Cow<'a, [u8]>, WarcError> {
        let bad = |msg: String| WarcError::new(self.offset, WarcErrorKind::BadHttp(msg));
        let too_large = |length: u64| WarcError::new(self.offset, WarcErrorKind::TooLarge { length, limit });
        let mut body = Cow::Borrowed(self.payload);
        let chunked = self.header("Transfer-Encoding").is_some_and(|te| te.to_ascii_lowercase().contains("chunked"));
        if chunked {
            if let Some(unchunked) = dechunk(self.payload, limit).map_err(|e| match e {
                Dechunk::TooLarge(n) => too_large(n),
                Dechunk::Truncated => bad("chunked body cut short".into()),
            })? {
                body = Cow::Owned(unchunked);
            }
        }
        let encoding = self.header("Content-Encoding").map(|e| e.trim().to_ascii_lowercase()).unwrap_or_default();
        let decoded = match encoding.as_str() {
            "" | "identity" | "none" => None,
            "gzip" | "x-gzip" => {
                if body.starts_with(&[0x1f, 0x8b]) {
                    Some(inflate(flate2::read::MultiGzDecoder::new(&body[..]), limit).map_err(|e| self.decode_error(e, limit))?)
                } else {
                    None
                }
            }
            "deflate" => match inflate(flate2::read::ZlibDecoder::new(&body[..]), limit) {
                Ok(b) => Some(b),
                Err(Inflate::TooLarge(n)) => return Err(too_large(n)),
                Err(_) => match inflate(flate2::read::DeflateDecoder::new(&body[..]), limit) {
                    Ok(b) => Some(b),
                    Err(e) => return Err(self.decode_error(e, limit)),
                },
            },
            other => return Err(bad(format!("unsupported Content-Encoding {other:?}"))),
        };
        if let Some(d) = decoded {
            body = Cow::Owned(d);
        }
        if body.len() as u64 > limit {
            return Err(too_large(body.len() as u64));
        }
        Ok(body)
    }

    fn decode_error(&self, e: Inflate, limit: u64) -> WarcError {
        let kind = match e {
            Inflate::TooLarge(n) => WarcErrorKind::TooLarge { length: n, limit },
            Inflate::Corrupt(m) => WarcErrorKind::BadHttp(format!("corrupt compressed body: {m}")),
        };
        WarcError::new(self.offset, kind)
    }
}

enum Inflate {
    TooLarge(u64),
    Corrupt(String),
}

fn inflate(reader: impl Read, limit: u64) -> Result<Vec<u8>, Inflate> {
    let mut out = Vec::new();
    match reader.take(limit.saturating_add(1)).read_to_end(&mut out) {
        Ok(_) if out.len() as u64 > limit => Err(Inflate::TooLarge(out.len() as u64)),
        Ok(_) => Ok(out),
        Err(e) => Err(Inflate::Corrupt(e.to_string())),
    }
}

enum Dechunk {
    TooLarge(u64),
    Truncated,
}

/// Undo chunked transfer encoding. `Ok(None)` when the payload does not start
/// with a chunk-size line (the crawler stored it already de-chunked).
fn dechunk(mut data: &[u8], limit: u64) -> Result<Option<Vec<u8>>, Dechunk> {
    let mut out = Vec::new();
    let mut first = true;
    loop {
        let Some(nl) = data.iter().position(|&b| b == b'\n') else {
            if first {
                return Ok(None);
            }
            // Ended after a whole chunk without the last, empty one: keep what came.
            return if data.iter().all(u8::is_ascii_whitespace) { Ok(Some(out)) } else { Err(Dechunk::Truncated) };
        };
        let line = std::str::from_utf8(&data[..nl]).unwrap_or("");
        let hex = line.split(';').next().unwrap_or("").trim();
        let size = match u64::from_str_radix(hex, 16) {
            Ok(n) if !hex.is_empty() && hex.len() <= 15 => n,
            _ if first => return Ok(None),
            _ if line.trim().is_empty() && data[nl + 1..].iter().all(u8::is_ascii_whitespace) => return Ok(Some(out)),
            _ => return Err(Dechunk::Truncated),
        };
        first = false;
        data = &data[nl + 1..];
        if size == 0 {
            return Ok(Some(out));
        }
        if size > data.len() as u64 {
            return Err(Dechunk::Truncated);
        }
        let size = size as usize;
        if (out.len() + size) as u64 > limit {
            return Err(Dechunk::TooLarge((out.len() + size) as u64));
        }
        out.extend_from_slice(&data[..size]);
        data = &data[size..];
        // The CRLF closing the chunk.
        if data.starts_with(b"\r\n") {
            data = &data[2..];
        } else if data.starts_with(b"\n") {
            data = &data[1..];
        }
    }
}
