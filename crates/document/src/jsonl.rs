//! JSONL dumps: one document per line,
//! `{"id", "text" | "html", "url"?, "published"?, "title"?, "outlet"?}`.

use crate::{Body, Document, DocumentError, Hints, Origin};

/// Split a JSONL buffer into documents, one per non-blank line. A malformed line
/// gives an error for that line only (with its 1-based line number in the
/// returned origin); the other lines are unaffected.
///
/// `"text"` is analysed verbatim; `"html"` goes through HTML extraction. When a
/// line has no `id`, its origin (`file:line`) stands in.
pub fn split_jsonl(container: &str, text: &str) -> Vec<(Origin, Result<Document, DocumentError>)> {
    text.split('\n').enumerate().filter_map(|(i, line)| jsonl_line(container, i + 1, line)).collect()
}

/// One line of a JSONL file or stream (its 1-based `number` in `container`) as
/// [`split_jsonl`] reads it: `None` for a blank line, else the document or why
/// the line is not one. A trailing `\r` (and `\n`) is ignored. For readers
/// that stream a dump line by line.
pub fn jsonl_line(container: &str, number: usize, line: &str) -> Option<(Origin, Result<Document, DocumentError>)> {
    let line = line.trim_end_matches('\n').trim_end_matches('\r');
    if line.trim().is_empty() {
        return None;
    }
    let origin = Origin::JsonlLine { container: container.to_string(), line: number };
    let doc = parse_line(line).map(|(body, hints)| Document { origin: origin.clone(), body, hints, warnings: Vec::new() });
    Some((origin, doc))
}

fn parse_line(line: &str) -> Result<(Body, Hints), DocumentError> {
    let mut de = serde_json::Deserializer::from_str(line);
    let fields = serde::Deserializer::deserialize_any(&mut de, LineVisitor).map_err(|e| DocumentError::BadJsonl(e.to_string()))?;
    de.end().map_err(|e| DocumentError::BadJsonl(e.to_string()))?;
    let Some(mut f) = fields else {
        return Err(DocumentError::BadJsonl("not a JSON object".into()));
    };
    let mut take = |k: Key| f[k as usize].take().map(|v| v.0);
    let hints = Hints {
        id: take(Key::Id),
        url: take(Key::Url),
        published: take(Key::Published).or_else(|| take(Key::Date)),
        title: take(Key::Title),
        outlet: take(Key::Outlet).or_else(|| take(Key::Publisher)).or_else(|| take(Key::Site)),
    };
    let body = match (f[Key::Text as usize].take(), f[Key::Html as usize].take()) {
        (Some(Scalar(t, true)), _) => Body::VerbatimText(t),
        (_, Some(Scalar(h, true))) => Body::Html(h),
        _ => return Err(DocumentError::BadJsonl("no \"text\" or \"html\" string field".into())),
    };
    Ok((body, hints))
}

/// The fields of a line that dossier reads, in the order of [`Line`]'s slots.
#[derive(Clone, Copy)]
enum Key {
    Id,
    Url,
    Published,
    Date,
    Title,
    Outlet,
    Publisher,
    Site,
    Text,
    Html,
}

const KEYS: usize = 10;

fn key(k: &str) -> Option<Key> {
    Some(match k {
        "id" => Key::Id,
        "url" => Key::Url,
        "published" => Key::Published,
        "date" => Key::Date,
        "title" => Key::Title,
        "outlet" => Key::Outlet,
        "publisher" => Key::Publisher,
        "site" => Key::Site,
        "text" => Key::Text,
        "html" => Key::Html,
        _ => return None,
    })
}

/// A read field: a string (flagged `true`) or a number as JSON writes it (`false`).
struct Scalar(String, bool);

/// One slot per [`Key`]; a later duplicate key wins, as in a JSON object read whole.
type Line = [Option<Scalar>; KEYS];

/// Reads a line's object keeping only the fields dossier uses: every other
/// value (a dump's annotations, say) is skipped without being built. `None`
/// when the line is JSON but not an object.
struct LineVisitor;

impl<'de> serde::de::Visitor<'de> for LineVisitor {
    type Value = Option<Line>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut line: Line = Default::default();
        while let Some(k) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            match key(&k) {
                Some(k) => line[k as usize] = map.next_value::<MaybeScalar>()?.0,
                None => {
                    map.next_value::<serde::de::IgnoredAny>()?;
                }
            }
        }
        Ok(Some(line))
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
        Ok(None)
    }

    fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
}

/// A field's value: a string or a number kept, anything else read and dropped.
struct MaybeScalar(Option<Scalar>);

impl<'de> serde::Deserialize<'de> for MaybeScalar {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ScalarVisitor)
    }
}

struct ScalarVisitor;

impl<'de> serde::de::Visitor<'de> for ScalarVisitor {
    type Value = MaybeScalar;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_str<E>(self, v: &str) -> Result<MaybeScalar, E> {
        Ok(MaybeScalar(Some(Scalar(v.to_string(), true))))
    }
    fn visit_string<E>(self, v: String) -> Result<MaybeScalar, E> {
        Ok(MaybeScalar(Some(Scalar(v, true))))
    }
    // Numbers as `serde_json::Number` prints them (an id of 7 is "7", of 7.5 "7.5").
    fn visit_i64<E>(self, v: i64) -> Result<MaybeScalar, E> {
        Ok(MaybeScalar(Some(Scalar(serde_json::Number::from(v).to_string(), false))))
    }
    fn visit_u64<E>(self, v: u64) -> Result<MaybeScalar, E> {
        Ok(MaybeScalar(Some(Scalar(serde_json::Number::from(v).to_string(), false))))
    }
    fn visit_f64<E>(self, v: f64) -> Result<MaybeScalar, E> {
        Ok(MaybeScalar(serde_json::Number::from_f64(v).map(|n| Scalar(n.to_string(), false))))
    }
    fn visit_bool<E>(self, _: bool) -> Result<MaybeScalar, E> {
        Ok(MaybeScalar(None))
    }
    fn visit_unit<E>(self) -> Result<MaybeScalar, E> {
        Ok(MaybeScalar(None))
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<MaybeScalar, A::Error> {
        while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
        Ok(MaybeScalar(None))
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<MaybeScalar, A::Error> {
        while map.next_entry::<serde::de::IgnoredAny, serde::de::IgnoredAny>()?.is_some() {}
        Ok(MaybeScalar(None))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_become_documents_and_bad_lines_are_reported() {
        let input = "{\"id\":\"a\",\"text\":\"Hello.\\nWorld.\",\"published\":\"2014-11-06\"}\n\
                     not json\n\
                     \n\
                     {\"id\":7,\"html\":\"<p>x</p>\",\"url\":\"https://example.org/a\"}\n\
                     {\"id\":\"c\"}\n";
        let docs = split_jsonl("in.jsonl", input);
        assert_eq!(docs.len(), 4);
        let a = docs[0].1.as_ref().unwrap();
        assert_eq!(a.body, Body::VerbatimText("Hello.\nWorld.".into()));
        assert_eq!(a.hints.published.as_deref(), Some("2014-11-06"));
        assert!(matches!(docs[1].1, Err(DocumentError::BadJsonl(_))));
        assert_eq!(docs[1].0.to_string(), "in.jsonl:2");
        let b = docs[2].1.as_ref().unwrap();
        assert_eq!(b.hints.id.as_deref(), Some("7"));
        assert_eq!(b.body, Body::Html("<p>x</p>".into()));
        assert!(docs[3].1.is_err());
    }

    /// The reading this module had before it skipped unused fields: the line
    /// read whole into a `serde_json::Value`.
    fn parse_line_whole(line: &str) -> Result<(Body, Hints), DocumentError> {
        use serde_json::Value;
        let value: Value = serde_json::from_str(line).map_err(|e| DocumentError::BadJsonl(e.to_string()))?;
        let Value::Object(obj) = value else {
            return Err(DocumentError::BadJsonl("not a JSON object".into()));
        };
        let string = |k: &str| -> Option<String> {
            match obj.get(k)? {
                Value::String(s) => Some(s.clone()),
                Value::Number(n) => Some(n.to_string()),
                _ => None,
            }
        };
        let hints = Hints {
            id: string("id"),
            url: string("url"),
            published: string("published").or_else(|| string("date")),
            title: string("title"),
            outlet: string("outlet").or_else(|| string("publisher")).or_else(|| string("site")),
        };
        let body = if let Some(t) = obj.get("text").and_then(Value::as_str) {
            Body::VerbatimText(t.to_string())
        } else if let Some(h) = obj.get("html").and_then(Value::as_str) {
            Body::Html(h.to_string())
        } else {
            return Err(DocumentError::BadJsonl("no \"text\" or \"html\" string field".into()));
        };
        Ok((body, hints))
    }

    fn json_value() -> impl proptest::strategy::Strategy<Value = serde_json::Value> {
        use proptest::prelude::*;
        use serde_json::Value;
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            any::<u64>().prop_map(Value::from),
            (-1e6f64..1e6).prop_map(Value::from),
            "[a-z\"\\\\é“ \n]{0,12}".prop_map(Value::from),
        ];
        leaf.prop_recursive(3, 24, 4, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
                proptest::collection::vec(("[a-z]{1,6}", inner), 0..4)
                    .prop_map(|kv| Value::Object(kv.into_iter().collect())),
            ]
        })
    }

    proptest::proptest! {
        /// Lines of the dossier fields (and others, of any JSON type, and
        /// repeated) read as the whole-value reading reads them.
        #[test]
        fn skipping_unused_fields_reads_what_the_whole_value_reads(
            fields in proptest::collection::vec(
                (proptest::sample::select(vec!["id", "url", "published", "date", "title", "outlet", "publisher", "site", "text", "html", "attributions", "x"]),
                 json_value()),
                0..8),
            top_level in proptest::bool::ANY,
            cut in proptest::option::of(0usize..200),
        ) {
            // Written by hand so that a key may repeat (the last one counts).
            let body: Vec<String> = fields.iter().map(|(k, v)| format!("\"{k}\":{v}")).collect();
            let line = if top_level || fields.is_empty() { format!("{{{}}}", body.join(",")) } else { format!("[{}]", body.len()) };
            // a line cut short (at a character boundary) is malformed for both
            let line = match cut {
                Some(c) => line.char_indices().nth(c).map_or(line.clone(), |(i, _)| line[..i].to_string()),
                None => line,
            };
            let ours = parse_line(&line);
            let whole = parse_line_whole(&line);
            match (ours, whole) {
                (Ok(a), Ok(b)) => proptest::prop_assert_eq!(a, b),
                // the same message, but for where a cut line is found short (a number
                // cut at its end is "invalid" to one reading, "EOF" to the other)
                (Err(a), Err(b)) => proptest::prop_assert!(cut.is_some() || a.to_string() == b.to_string(), "{a} against {b}"),
                (a, b) => proptest::prop_assert!(false, "{line}: {a:?} against {b:?}"),
            }
        }
    }

    #[test]
    fn verbatim_text_keeps_every_character() {
        let t = "  Leading space,\r\n“curly” and tabs\t.  ";
        let line = serde_json::json!({"id": "x", "text": t}).to_string();
        let docs = split_jsonl("-", &line);
        assert_eq!(docs[0].1.as_ref().unwrap().body, Body::VerbatimText(t.into()));
    }
}
