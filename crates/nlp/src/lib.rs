//! dyad's text front end: it knows text, never events, actors or dictionaries.
//!
//! [`segment`] turns an article's text into an optional [`Dateline`] and [`Sentence`]s of
//! tokens, every one a byte span into the untouched text. It never fails: odd text gives odd
//! sentences, not errors.
//!
//! INTERIM: the segmenter below is a placeholder that splits on whitespace and full stops; the
//! real tokenizer, segmenter, dateline recogniser and date resolution replace it (issue 2).

pub mod syntax;

pub use syntax::{Analyzer, Parser, Tagger, Word};

use dyad_model::Span;

/// A wire-service dateline such as `MOSCOW, September 4. /TASS/.`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dateline {
    /// Place of filing, as written (`MOSCOW`).
    pub place: Option<String>,
    /// News agency, as written (`TASS`).
    pub agency: Option<String>,
    /// The dateline's bytes, separators included.
    pub span: Span,
}

/// One sentence with its tokens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// The sentence's bytes, from its first token to its last.
    pub span: Span,
    /// Token spans, in order, disjoint, inside `span`.
    pub tokens: Vec<Span>,
}

/// A segmented article.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Document {
    /// The dateline, when the article opens with one.
    pub dateline: Option<Dateline>,
    /// Sentences in text order.
    pub sentences: Vec<Sentence>,
}

/// Segments and tokenizes `text`.
pub fn segment(text: &str) -> Document {
    let mut document = Document::default();
    let mut tokens = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                tokens.push(Span::new(s, i));
                if text[s..i].ends_with('.') {
                    push_sentence(&mut document, &mut tokens);
                }
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    push_sentence(&mut document, &mut tokens);
    document
}

fn push_sentence(document: &mut Document, tokens: &mut Vec<Span>) {
    if let (Some(first), Some(last)) = (tokens.first(), tokens.last()) {
        let span = Span::new(first.start, last.end);
        document.sentences.push(Sentence { span, tokens: std::mem::take(tokens) });
    }
}
