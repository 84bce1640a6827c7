//! Publication dates as pages write them, normalised to ISO 8601.

use std::sync::LazyLock;

use chrono::{DateTime, NaiveDate, NaiveDateTime};
use regex::Regex;

/// Normalise a date or date-time string to ISO 8601: `2014-11-06` when only the
/// day is known, `2014-11-06T10:30:00-05:00` (or without offset when the input
/// has none) when the time is known. `None` when no date can be read.
///
/// Accepts RFC 3339 and ISO 8601 variants, RFC 2822 (`Thu, 06 Nov 2014 10:30:00
/// GMT`), `2014/11/06`, `20141106`, and English dates such as `November 6, 2014`,
/// `Nov. 6, 2014 10:30 a.m.`, `6 November 2014`, with surrounding words
/// ("Published", "Updated") ignored.
pub fn normalize(input: &str) -> Option<String> {
    let s = input.trim();
    if s.is_empty() {
        return None;
    }
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return Some(fmt_offset(dt));
    }
    for f in ["%Y-%m-%dT%H:%M:%S%.f%z", "%Y-%m-%dT%H:%M%z", "%Y-%m-%d %H:%M:%S%.f%z", "%Y-%m-%d %H:%M:%S %z"] {
        if let Ok(dt) = DateTime::parse_from_str(s, f) {
            return Some(fmt_offset(dt));
        }
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(s) {
        return Some(fmt_offset(dt));
    }
    for f in ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S%.f", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M"] {
        if let Ok(dt) = NaiveDateTime::parse_from_str(s, f) {
            return Some(dt.format("%Y-%m-%dT%H:%M:%S").to_string());
        }
    }
    // A "Z"-suffixed date-time with fractional seconds chrono's RFC 3339 parser missed.
    if let Some(stripped) = s.strip_suffix('Z') {
        if let Ok(dt) = NaiveDateTime::parse_from_str(stripped, "%Y-%m-%dT%H:%M:%S%.f") {
            return Some(dt.format("%Y-%m-%dT%H:%M:%S+00:00").to_string());
        }
    }
    find_date(s).map(|d| d.format("%Y-%m-%d").to_string())
}

/// Parse a `--published` value: the same forms as [`normalize`].
pub fn parse_published(s: &str) -> Option<String> {
    normalize(s)
}

fn fmt_offset(dt: DateTime<chrono::FixedOffset>) -> String {
    dt.format("%Y-%m-%dT%H:%M:%S%:z").to_string()
}

static ISO_DAY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b((?:19|20)\d\d)[-/.](\d{1,2})[-/.](\d{1,2})\b").unwrap());
static COMPACT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^((?:19|20)\d\d)(\d\d)(\d\d)$").unwrap());
static MONTH_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b").unwrap()
});
static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+((?:19|20)\d\d)\b").unwrap()
});

/// The first calendar date written anywhere in `s`.
pub fn find_date(s: &str) -> Option<NaiveDate> {
    let ymd = |y: &str, m: &str, d: &str| NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    if let Some(c) = COMPACT.captures(s.trim()) {
        return ymd(&c[1], &c[2], &c[3]);
    }
    let mut best: Option<(usize, NaiveDate)> = None;
    let mut consider = |pos: usize, d: Option<NaiveDate>| {
        if let Some(d) = d {
            if best.is_none_or(|(p, _)| pos < p) {
                best = Some((pos, d));
            }
        }
    };
    if let Some(c) = ISO_DAY.captures(s) {
        consider(c.get(0).unwrap().start(), ymd(&c[1], &c[2], &c[3]));
    }
    if let Some(c) = MONTH_DAY_YEAR.captures(s) {
        consider(c.get(0).unwrap().start(), month(&c[1]).and_then(|m| ymd(&c[3], &m.to_string(), &c[2])));
    }
    if let Some(c) = DAY_MONTH_YEAR.captures(s) {
        consider(c.get(0).unwrap().start(), month(&c[2]).and_then(|m| ymd(&c[3], &m.to_string(), &c[1])));
    }
    best.map(|(_, d)| d)
}

/// The date in a URL path such as `/2014/11/06/` or `/2014-11-06/`.
pub fn date_from_url(url: &str) -> Option<String> {
    static URL_DATE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:/|-|\b)").unwrap()
    });
    let c = URL_DATE.captures(url)?;
    let d = NaiveDate::from_ymd_opt(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)?;
    Some(d.format("%Y-%m-%d").to_string())
}

fn month(s: &str) -> Option<u32> {
    let m = match s.to_ascii_lowercase().get(..3)? {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms() {
        let n = |s| normalize(s);
        assert_eq!(n("2014-11-06").as_deref(), Some("2014-11-06"));
        assert_eq!(n("2014-11-06T10:30:00-05:00").as_deref(), Some("2014-11-06T10:30:00-05:00"));
        assert_eq!(n("2014-11-06T15:30:00Z").as_deref(), Some("2014-11-06T15:30:00+00:00"));
        assert_eq!(n("2014-11-06T15:30:00.123Z").as_deref(), Some("2014-11-06T15:30:00+00:00"));
        assert_eq!(n("2014-11-06T10:30:00-0500").as_deref(), Some("2014-11-06T10:30:00-05:00"));
        assert_eq!(n("2014-11-06 10:30:00").as_deref(), Some("2014-11-06T10:30:00"));
        assert_eq!(n("Thu, 06 Nov 2014 10:30:00 GMT").as_deref(), Some("2014-11-06T10:30:00+00:00"));
        assert_eq!(n("Published November 6, 2014").as_deref(), Some("2014-11-06"));
        assert_eq!(n("Nov. 6, 2014 10:30 a.m. ET").as_deref(), Some("2014-11-06"));
        assert_eq!(n("6th November 2014").as_deref(), Some("2014-11-06"));
        assert_eq!(n("Updated: 2014/11/06").as_deref(), Some("2014-11-06"));
        assert_eq!(n("20141106").as_deref(), Some("2014-11-06"));
        assert_eq!(n("yesterday"), None);
        assert_eq!(n("2014-13-45"), None);
        assert_eq!(n(""), None);
    }

    #[test]
    fn url_dates() {
        assert_eq!(date_from_url("https://x.com/world/2014/11/06/obama-iran/").as_deref(), Some("2014-11-06"));
        assert_eq!(date_from_url("https://x.com/news/2019-03-02-budget.html").as_deref(), Some("2019-03-02"));
        assert_eq!(date_from_url("https://x.com/news/12345"), None);
    }
}
