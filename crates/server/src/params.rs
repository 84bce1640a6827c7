//! Query parameters, read by hand so that every mistake is a 400 with a JSON
//! message naming the parameter (not a plain-text rejection).

use std::collections::HashMap;

use axum::extract::{FromRequestParts, Query};
use axum::http::request::Parts;

use crate::Error;

/// The query string as name → value (the last value of a repeated name).
#[derive(Debug, Default, Clone)]
pub struct Params(pub HashMap<String, String>);

impl<S: Send + Sync> FromRequestParts<S> for Params {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let Query(v) = Query::<Vec<(String, String)>>::from_request_parts(parts, state).await.map_err(|e| Error::bad_request(format!("bad query string: {e}")))?;
        Ok(Params(v.into_iter().collect()))
    }
}

/// Attribution kinds of the contract.
pub const KINDS: [&str; 5] = ["direct", "mixed", "indirect", "according_to", "no_comment"];
/// Source types of the contract.
pub const SOURCE_TYPES: [&str; 5] = ["person", "organization", "media", "anonymous", "document"];
/// Kinds of search hits.
pub const HIT_KINDS: [&str; 3] = ["article", "quote", "entity"];
/// Largest page.
pub const MAX_LIMIT: usize = 1000;

impl Params {
    /// A non-empty text parameter (trimmed).
    pub fn text(&self, name: &str) -> Option<String> {
        self.0.get(name).map(|v| v.trim().to_string()).filter(|v| !v.is_empty())
    }

    /// A text parameter that must be one of `allowed`.
    pub fn one_of(&self, name: &str, allowed: &[&str]) -> Result<Option<String>, Error> {
        match self.text(name) {
            None => Ok(None),
            Some(v) if allowed.contains(&v.as_str()) => Ok(Some(v)),
            Some(v) => Err(Error::bad_request(format!("{name} must be one of {}, not {v:?}", allowed.join(", ")))),
        }
    }

    /// A whole number parameter.
    pub fn int(&self, name: &str) -> Result<Option<i64>, Error> {
        match self.text(name) {
            None => Ok(None),
            Some(v) => v.parse().map(Some).map_err(|_| Error::bad_request(format!("{name} must be a whole number, not {v:?}"))),
        }
    }

    /// A day, `YYYY-MM-DD`.
    pub fn day(&self, name: &str) -> Result<Option<String>, Error> {
        match self.text(name) {
            None => Ok(None),
            Some(v) if is_day(&v) => Ok(Some(v)),
            Some(v) => Err(Error::bad_request(format!("{name} must be a day like 2025-03-05, not {v:?}"))),
        }
    }

    /// `limit` (1 to [`MAX_LIMIT`], default `default`) and `offset` (default 0).
    pub fn page(&self, default: usize) -> Result<(usize, usize), Error> {
        let limit = match self.int("limit")? {
            None => default,
            Some(n) if (1..=MAX_LIMIT as i64).contains(&n) => n as usize,
            Some(n) => return Err(Error::bad_request(format!("limit must be between 1 and {MAX_LIMIT}, not {n}"))),
        };
        let offset = match self.int("offset")? {
            None => 0,
            Some(n) if n >= 0 => n as usize,
            Some(n) => return Err(Error::bad_request(format!("offset must be 0 or more, not {n}"))),
        };
        Ok((limit, offset))
    }
}

/// `YYYY-MM-DD` with a plausible month and day.
pub fn is_day(v: &str) -> bool {
    let b = v.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
        && (1..=12).contains(&v[5..7].parse::<u32>().unwrap_or(0))
        && (1..=31).contains(&v[8..10].parse::<u32>().unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days() {
        assert!(is_day("2025-03-05"));
        assert!(!is_day("2025-13-05"));
        assert!(!is_day("2025-3-5"));
        assert!(!is_day("yesterday!"));
    }

    #[test]
    fn pages() {
        let p = Params([("limit".to_string(), "5".to_string()), ("offset".to_string(), "10".to_string())].into_iter().collect());
        assert_eq!(p.page(50), Ok((5, 10)));
        let p = Params([("limit".to_string(), "0".to_string())].into_iter().collect());
        assert!(p.page(50).is_err());
        let p = Params([("offset".to_string(), "x".to_string())].into_iter().collect());
        assert!(p.page(50).is_err());
        assert_eq!(Params::default().page(50), Ok((50, 0)));
    }
}
