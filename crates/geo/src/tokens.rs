//! A plain whitespace-and-punctuation tokenizer for tests, tools and benchmarks.
//!
//! The pipeline passes the tokens of `dyad_nlp::segment`; this one exists so that the crate can
//! be exercised on raw text without depending on the front end.

use crate::mentions::Token;
use dyad_model::Span;

/// Pairs token spans (as `dyad_nlp` gives them) with their text, the form this crate takes.
/// Spans outside `text` or off character boundaries are skipped.
pub fn tokens_from_spans<'a>(text: &'a str, spans: &[Span]) -> Vec<Token<'a>> {
    spans
        .iter()
        .filter_map(|span| text.get(span.start..span.end).map(|word| (word, *span)))
        .collect()
}

/// Splits `text` at whitespace, then splits leading and trailing punctuation and a possessive
/// `'s` off each piece. Inner punctuation stays ("U.S.", "Port-au-Prince", "N'Djamena"); a final
/// full stop stays on abbreviations that already contain one.
pub fn simple_tokenize(text: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::new();
    let mut offset = 0;
    for piece in text.split_inclusive(char::is_whitespace) {
        let word = piece.trim_end();
        split_word(word, offset, &mut tokens);
        offset += piece.len();
    }
    tokens
}

fn split_word<'a>(word: &'a str, offset: usize, out: &mut Vec<Token<'a>>) {
    if word.is_empty() {
        return;
    }
    let is_punct = |c: char| !c.is_alphanumeric();
    // Leading punctuation, one character at a time.
    let mut start = 0;
    for (i, c) in word.char_indices() {
        if !is_punct(c) {
            break;
        }
        out.push((&word[i..i + c.len_utf8()], Span::new(offset + i, offset + i + c.len_utf8())));
        start = i + c.len_utf8();
    }
    if start == word.len() {
        return;
    }
    // Trailing punctuation, kept back to be pushed after the core.
    let mut end = word.len();
    let mut trailing = Vec::new();
    while let Some(c) = word[start..end].chars().next_back() {
        if !is_punct(c) {
            break;
        }
        let core = &word[start..end - c.len_utf8()];
        if c == '.' && core.contains('.') {
            break; // "U.S." keeps its stop
        }
        trailing.push((end - c.len_utf8(), end));
        end -= c.len_utf8();
    }
    let core = &word[start..end];
    let possessive = ["'s", "\u{2019}s"]
        .iter()
        .find(|suffix| core.len() > suffix.len() && core.ends_with(*suffix));
    match possessive {
        Some(suffix) => {
            let split = end - suffix.len();
            out.push((&word[start..split], Span::new(offset + start, offset + split)));
            out.push((&word[split..end], Span::new(offset + split, offset + end)));
        }
        None => out.push((core, Span::new(offset + start, offset + end))),
    }
    for &(from, to) in trailing.iter().rev() {
        out.push((&word[from..to], Span::new(offset + from, offset + to)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_punctuation_and_possessives_with_spans() {
        let text = "(Greece's) U.S. troops left Port-au-Prince.";
        let tokens = simple_tokenize(text);
        let words: Vec<&str> = tokens.iter().map(|t| t.0).collect();
        assert_eq!(
            words,
            ["(", "Greece", "'s", ")", "U.S.", "troops", "left", "Port-au-Prince", "."]
        );
        for (word, span) in &tokens {
            assert_eq!(&text[span.start..span.end], *word);
        }
        let spans: Vec<Span> = tokens.iter().map(|t| t.1).collect();
        assert_eq!(tokens_from_spans(text, &spans), tokens);
        assert!(tokens_from_spans(text, &[Span::new(0, 999)]).is_empty());
    }
}
