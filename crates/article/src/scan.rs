//! Byte-level helpers shared by the passes over an HTML page before it is
//! parsed ([`crate::prestrip`], [`crate::depth`]): cutting byte ranges out of
//! the page, and finding where an element whose content is not read as tags
//! closes.

use std::borrow::Cow;

use memchr::memchr;

/// A text with byte ranges cut out of it, in increasing order; borrowed
/// unchanged when nothing was cut.
pub(crate) struct Cuts<'a> {
    src: &'a str,
    out: Option<String>,
    kept_to: usize,
}

impl<'a> Cuts<'a> {
    pub(crate) fn new(src: &'a str) -> Cuts<'a> {
        Cuts { src, out: None, kept_to: 0 }
    }

    /// Cut `start..end` (both on character boundaries, `start` not before
    /// the end of the previous cut).
    pub(crate) fn cut(&mut self, start: usize, end: usize) {
        let o = self.out.get_or_insert_with(|| String::with_capacity(self.src.len()));
        o.push_str(&self.src[self.kept_to..start]);
        self.kept_to = end;
    }

    /// The text with the cuts made.
    pub(crate) fn finish(self) -> Cow<'a, str> {
        match self.out {
            None => Cow::Borrowed(self.src),
            Some(mut o) => {
                o.push_str(&self.src[self.kept_to.min(self.src.len())..]);
                Cow::Owned(o)
            }
        }
    }
}

/// One past the `>` of the first `</name` at or after `from`
/// (case-insensitive); the end of the input when there is none.
pub(crate) fn close_tag(b: &[u8], from: usize, name: &[u8]) -> usize {
    let mut i = from;
    while let Some(p) = memchr::memmem::find(&b[i.min(b.len())..], b"</").map(|p| i + p) {
        let after = &b[p + 2..];
        if after.len() >= name.len() && after[..name.len()].eq_ignore_ascii_case(name) {
            return memchr(b'>', &b[p..]).map_or(b.len(), |e| p + e + 1);
        }
        i = p + 2;
    }
    b.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_keep_what_is_between() {
        let mut c = Cuts::new("a<x>b<y>c");
        c.cut(1, 4);
        c.cut(5, 8);
        assert_eq!(c.finish(), "abc");
        assert!(matches!(Cuts::new("abc").finish(), Cow::Borrowed("abc")));
    }

    #[test]
    fn close_tags_are_found_in_any_case() {
        let b = b"<script>x</SCRIPT >y";
        assert_eq!(close_tag(b, 8, b"script"), 19);
        assert_eq!(close_tag(b, 8, b"style"), b.len());
    }
}
