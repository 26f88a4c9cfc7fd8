//! Sentence segmentation: paragraphs, then sentences over the tokens of each paragraph.
//!
//! Invariants: no sentence crosses a paragraph break (a blank line) or the dateline; a sentence
//! runs from its first token to its last, so closing quotes and brackets after the full stop
//! belong to it; token spans are in order, disjoint and inside their sentence.

use dyad_model::Span;

use crate::dateline::find_dateline;
use crate::tokenize::{Hyphens, abbreviation_may_end_sentence, tokenize_into};

/// A wire-service dateline such as `MOSCOW, September 4. /TASS/.`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dateline {
    /// Place of filing, as written (`MOSCOW`).
    pub place: Option<String>,
    /// News agency, as written (`TASS`), when the dateline names one.
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

/// Choices of the segmenter; the default is what `dyad` uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SegmentOptions {
    /// How hyphenated words are tokenized.
    pub hyphens: Hyphens,
    /// Look for a wire dateline at the start of the text.
    pub datelines: bool,
}

impl Default for SegmentOptions {
    fn default() -> SegmentOptions {
        SegmentOptions { hyphens: Hyphens::default(), datelines: true }
    }
}

/// Segments and tokenizes `text` with the default options. Never fails.
pub fn segment(text: &str) -> Document {
    segment_with(text, SegmentOptions::default())
}

/// Segments and tokenizes `text`.
pub fn segment_with(text: &str, options: SegmentOptions) -> Document {
    let dateline = if options.datelines { find_dateline(text) } else { None };
    let body_start = dateline.as_ref().map_or(0, |d| d.span.end);
    let mut document = Document { dateline, sentences: Vec::new() };
    let mut tokens = Vec::new();
    for paragraph in paragraphs(text, body_start) {
        tokens.clear();
        tokenize_into(text, paragraph, options.hyphens, &mut tokens);
        split_sentences(text, &tokens, &mut document.sentences);
    }
    document
}

/// The paragraphs of `text[start..]`: maximal runs of lines that are not blank.
pub fn paragraphs(text: &str, start: usize) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut paragraph_start = None;
    let mut pos = start;
    while pos < bytes.len() {
        let line_end =
            bytes[pos..].iter().position(|&b| b == b'\n').map_or(bytes.len(), |n| pos + n);
        let blank = bytes[pos..line_end].iter().all(u8::is_ascii_whitespace);
        if blank {
            if let Some(s) = paragraph_start.take() {
                out.push(Span::new(s, pos));
            }
        } else if paragraph_start.is_none() {
            paragraph_start = Some(pos);
        }
        pos = line_end + 1;
    }
    if let Some(s) = paragraph_start {
        out.push(Span::new(s, bytes.len()));
    }
    out
}

/// How strongly a token marks the end of a sentence.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Terminal {
    /// `.`, `!`, `?`: ends the sentence unless punctuation follows (web text often starts
    /// sentences in lower case).
    Strong,
    /// `...`, `…`: ends it only before a capital.
    Ellipsis,
    /// An abbreviation that may end a sentence (`Corp.`, `U.S.`): only before a typical
    /// sentence opener (`The`, `He`).
    Abbreviation,
    /// A URL, or a clock time's `AM`/`PM` (e-mail headers): only before a capital or a URL.
    Soft,
}

fn terminal(text: &str, tokens: &[Span], k: usize) -> Option<Terminal> {
    let token = tokens[k].text(text);
    match token {
        "." | "!" | "?" | "。" => Some(Terminal::Strong),
        "…" => Some(Terminal::Ellipsis),
        "AM" | "PM" if k > 0 && tokens[k - 1].text(text).contains(':') => Some(Terminal::Soft),
        _ if token.bytes().all(|b| b == b'!' || b == b'?') => Some(Terminal::Strong),
        _ if token.len() > 1 && token.bytes().all(|b| b == b'.') => Some(Terminal::Ellipsis),
        _ if token.len() > 2 && abbreviation_may_end_sentence(token) => {
            Some(Terminal::Abbreviation)
        }
        _ if is_url(token) => Some(Terminal::Soft),
        _ => None,
    }
}

fn is_url(token: &str) -> bool {
    let b = token.as_bytes();
    let starts = |p: &[u8]| b.len() > p.len() && b[..p.len()].eq_ignore_ascii_case(p);
    starts(b"http://") || starts(b"https://") || starts(b"www.")
}

/// Emoticons after the full stop close the sentence even after a space (`Loved it. :)`).
fn is_emoticon(token: &str) -> bool {
    let b = token.as_bytes();
    b.len() >= 2
        && matches!(b[0], b':' | b';' | b'=')
        && matches!(b[b.len() - 1], b')' | b'(' | b'D' | b'P' | b'p')
}

/// Words that often open a sentence; after an abbreviation only these start a new one.
const OPENERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "In",
    "On",
    "At",
    "But",
    "And",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "For",
    "As",
    "If",
    "When",
    "While",
    "After",
    "Before",
    "However",
    "Meanwhile",
    "Also",
    "So",
    "Yet",
    "Earlier",
    "Last",
    "Some",
    "Many",
    "Most",
    "Under",
    "Officials",
    "Analysts",
];

/// Whether the token after a terminal starts a new sentence.
fn starts_sentence(kind: Terminal, next: &str) -> bool {
    let Some(first) = next.chars().next() else { return false };
    match kind {
        Terminal::Strong => {
            !matches!(first, ',' | ';' | ':' | ')' | ']' | '}' | '-' | '.' | '!' | '?' | '*')
        }
        Terminal::Ellipsis => first.is_uppercase() || matches!(first, '"' | '“' | '(' | '['),
        Terminal::Abbreviation => OPENERS.contains(&next),
        Terminal::Soft => first.is_uppercase() || is_url(next),
    }
}

/// Whether the token at `m` closes a quote or bracket left open in `sentence`.
fn closes_open(text: &str, sentence: &[Span], token: &str) -> bool {
    let count = |t: &str| sentence.iter().filter(|s| s.text(text) == t).count();
    match token {
        "\"" => count("\"") % 2 == 1,
        "”" => count("“") > count("”"),
        "’" => count("‘") > count("’"),
        ")" => count("(") > count(")"),
        "]" => count("[") > count("]"),
        _ => false,
    }
}

/// Splits one paragraph's tokens into sentences.
fn split_sentences(text: &str, tokens: &[Span], out: &mut Vec<Sentence>) {
    let n = tokens.len();
    let mut first = 0;
    let mut k = 0;
    while k < n {
        let Some(kind) = terminal(text, tokens, k) else {
            k += 1;
            continue;
        };
        // Closing quotes and brackets belong to the sentence: written against the full stop,
        // or after a space when they close what the sentence opened. So do emoticons.
        let mut m = k + 1;
        while m < n {
            let token = tokens[m].text(text);
            let attached = tokens[m].start == tokens[m - 1].end;
            let closes = if attached {
                matches!(token, "\"" | "”" | "’" | "'" | "''" | ")" | "]" | "}" | "»")
            } else {
                closes_open(text, &tokens[first..m], token)
            };
            if !(closes || is_emoticon(token)) {
                break;
            }
            m += 1;
        }
        if m < n && starts_sentence(kind, tokens[m].text(text)) {
            push_sentence(&tokens[first..m], out);
            first = m;
        }
        k = m;
    }
    push_sentence(&tokens[first..], out);
}

fn push_sentence(tokens: &[Span], out: &mut Vec<Sentence>) {
    if let (Some(first), Some(last)) = (tokens.first(), tokens.last()) {
        out.push(Sentence { span: Span::new(first.start, last.end), tokens: tokens.to_vec() });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        segment(text).sentences.iter().map(|s| s.span.text(text)).collect()
    }

    #[test]
    fn boundaries() {
        let cases: &[(&str, &[&str])] = &[
            ("One. Two! Three? Four", &["One.", "Two!", "Three?", "Four"]),
            ("He said \"no.\" Then left.", &["He said \"no.\"", "Then left."]),
            ("(It rained.) Then", &["(It rained.)", "Then"]),
            (
                "Gen. Smith met Mr. Jones in the U.S. Army base.",
                &["Gen. Smith met Mr. Jones in the U.S. Army base."],
            ),
            (
                "He works for Exxon Corp. The firm grew.",
                &["He works for Exxon Corp.", "The firm grew."],
            ),
            ("It costs 5.93 dlrs. No. 5 won.", &["It costs 5.93 dlrs.", "No. 5 won."]),
            ("Wait... what? Yes... Go", &["Wait... what?", "Yes...", "Go"]),
            ("no blank\nline here. Next", &["no blank\nline here.", "Next"]),
            ("First para\n\nSecond para", &["First para", "Second para"]),
            ("Ends with e.g. this.", &["Ends with e.g. this."]),
            ("  \n\n ", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(&sentences(text), want, "segmenting {text:?}");
        }
    }

    #[test]
    fn dateline_is_not_in_the_first_sentence() {
        let text = "MOSCOW, September 4. /TASS/. Russia said so. It did.";
        let document = segment(text);
        let dateline = document.dateline.unwrap();
        assert_eq!(dateline.place.as_deref(), Some("MOSCOW"));
        assert_eq!(dateline.agency.as_deref(), Some("TASS"));
        assert_eq!(sentences(text), ["Russia said so.", "It did."]);
    }

    #[test]
    fn paragraphs_split_at_blank_lines() {
        let text = "a\nb\n \t\nc\r\n\r\nd";
        let spans: Vec<&str> = paragraphs(text, 0).iter().map(|s| s.text(text)).collect();
        assert_eq!(spans, ["a\nb\n", "c\r\n", "d"]);
    }
}
