//! An article as it enters the pipeline, and byte spans that point back into its text.

use crate::Date;

/// A half-open byte range `start..end` into an article's `text`.
///
/// Every annotation and every event points back into the original text through spans; no stage
/// rewrites the text, so a span is valid for the article's whole life.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`; panics in debug builds if `end < start`.
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end, "span end before start");
        Span { start, end }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True for an empty span.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The text the span covers (empty if it falls outside `text` or off a char boundary).
    #[inline]
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// True when `other` lies inside `self`.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// One news article, as read from JSON Lines, a text file or standard input.
#[derive(Clone, Debug, PartialEq)]
pub struct Article {
    /// Stable id: the JSON `id`, or the file name for plain text.
    pub id: String,
    /// Publication date, when known; drives date resolution and dated actor roles.
    pub date: Option<Date>,
    /// Where the article came from (outlet or corpus name), free text.
    pub source: Option<String>,
    /// Headline, if any.
    pub title: Option<String>,
    /// The body text; all spans index into it.
    pub text: String,
    /// Extra JSON fields, kept verbatim as metadata.
    pub metadata: serde_json::Map<String, serde_json::Value>,
}

impl Article {
    /// An article with only an id and text.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Article {
        Article {
            id: id.into(),
            date: None,
            source: None,
            title: None,
            text: text.into(),
            metadata: serde_json::Map::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_text_is_safe_off_boundaries() {
        let text = "Palestine’s unity";
        assert_eq!(Span::new(0, 9).text(text), "Palestine");
        // Byte 10 falls inside the three-byte apostrophe.
        assert_eq!(Span::new(0, 10).text(text), "");
        assert_eq!(Span::new(5, 500).text(text), "");
    }
}
