//! Sentence segmentation: paragraphs, then sentences over the tokens of each paragraph.
//!
//! Punctuation rules decide first (`.`, `!`, `?` end a sentence unless punctuation follows; an
//! ellipsis before a capital; an abbreviation that may end one, like `Corp.`, before a typical
//! opener such as `The`; closing quotes and brackets stay with the sentence; a list item's
//! number, `1.`, starts its sentence rather than ending one). Then the learned
//! classifier of `boundary.rs` revisits the gaps where a sentence could start, needing a margin
//! where no punctuation marks the end.
//!
//! Invariants: no sentence crosses a paragraph break (a blank line) or the dateline, and none
//! holds a digest paragraph's own dateline (`ROME - ` after the article's); a sentence
//! runs from its first token to its last, so closing quotes and brackets after the full stop
//! belong to it; token spans are in order, disjoint and inside their sentence.

use std::cell::RefCell;
use std::collections::HashSet;

use dyad_model::Span;

use crate::boundary::{BoundaryModel, Example, FEATURES, Gate, TokenInfo, gap_features};
use crate::dateline::{find_dateline, paragraph_dateline};
use crate::tokenize::{Hyphens, abbreviation_may_end_sentence, tokenize_into, url_prefix};

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
    /// The dateline, when the article opens with one (or has one right below its headline).
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
    /// Let the learned boundary classifier (`boundary.rs`) decide, when it is embedded;
    /// otherwise the punctuation rules alone.
    pub learned_boundaries: bool,
}

impl Default for SegmentOptions {
    fn default() -> SegmentOptions {
        SegmentOptions { hyphens: Hyphens::default(), datelines: true, learned_boundaries: true }
    }
}

/// Segments and tokenizes `text` with the default options. Never fails.
pub fn segment(text: &str) -> Document {
    segment_with(text, SegmentOptions::default())
}

/// Segments and tokenizes `text`.
pub fn segment_with(text: &str, options: SegmentOptions) -> Document {
    let model = if options.learned_boundaries { BoundaryModel::embedded() } else { None };
    segment_with_model(text, options, model)
}

/// Segments and tokenizes `text` with the given boundary classifier (none: the rules alone),
/// whatever `options.learned_boundaries` says; for training and evaluating other weights.
pub fn segment_with_model(
    text: &str,
    options: SegmentOptions,
    model: Option<&BoundaryModel>,
) -> Document {
    let dateline = if options.datelines { find_dateline(text) } else { None };
    // A headline above the dateline stays text of its own; the dateline is in no sentence.
    let mut spans = match &dateline {
        None => paragraphs(text, 0),
        Some(d) => {
            let mut spans = paragraphs(&text[..d.span.start], 0);
            spans.extend(paragraphs(text, d.span.end));
            spans
        }
    };
    // A wire digest dates each story of its own: a later paragraph's dateline is in no
    // sentence either ("ROME - Israeli Foreign Minister ..." is not Rome's act).
    if let Some(d) = &dateline {
        for span in spans.iter_mut().filter(|span| span.start > d.span.end) {
            if let Some(inner) = paragraph_dateline(text, span.start) {
                span.start = inner.span.end;
            }
        }
    }
    let mut document = Document { dateline, sentences: Vec::new() };
    // The buffers live on in the thread, so that an article costs no allocation but its
    // sentences.
    thread_local! {
        static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
    }
    SCRATCH.with(|cell| {
        let mut fresh = Scratch::default();
        let mut borrowed = cell.try_borrow_mut();
        let scratch = match borrowed.as_deref_mut() {
            Ok(scratch) => scratch,
            Err(_) => &mut fresh,
        };
        for paragraph in spans {
            scratch.tokens.clear();
            tokenize_into(text, paragraph, options.hyphens, &mut scratch.tokens);
            split_sentences(text, scratch, model, &mut document.sentences);
        }
    });
    document
}

/// The paragraphs of `text[start..]`: maximal runs of lines that are not blank.
pub fn paragraphs(text: &str, start: usize) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut paragraph_start = None;
    let mut pos = start;
    while pos < bytes.len() {
        // `str::find` of one ASCII char searches a word at a time.
        let line_end = text[pos..].find('\n').map_or(bytes.len(), |n| pos + n);
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
    let span = tokens[k];
    let bytes = text.as_bytes();
    // Most tokens are words that cannot end a sentence: decide those from two bytes.
    let last = bytes[span.end - 1];
    // The tokens that can be terminals end in one of these bytes, or are URLs.
    let may_end = matches!(last, b'.' | b'!' | b'?' | b'M' | 0x80..);
    if !may_end
        && (span.len() <= 4
            || !(url_prefix(&bytes[span.start..span.end])
                || maybe_email(&bytes[span.start..span.end])))
    {
        return None;
    }
    let token = span.text(text);
    match token {
        "." | "!" | "?" | "。" => Some(Terminal::Strong),
        "…" => Some(Terminal::Ellipsis),
        "AM" | "PM" if k > 0 && tokens[k - 1].text(text).contains(':') => Some(Terminal::Soft),
        _ if token.bytes().all(|b| b == b'!' || b == b'?') => Some(Terminal::Strong),
        _ if token.len() > 1 && token.bytes().all(|b| b == b'.') => Some(Terminal::Ellipsis),
        _ if token.len() > 2 && abbreviation_may_end_sentence(token) => {
            Some(Terminal::Abbreviation)
        }
        _ if is_url(token) || is_email(token) => Some(Terminal::Soft),
        _ => None,
    }
}

fn is_url(token: &str) -> bool {
    let b = token.as_bytes();
    let starts = |p: &[u8]| b.len() > p.len() && b[..p.len()].eq_ignore_ascii_case(p);
    starts(b"http://") || starts(b"https://") || starts(b"www.")
}

/// Whether a token of five bytes or more may be an e-mail address: it ends in a dot and two or
/// three bytes (`.com`, `.de`), and has an `@` (looked for only then, as few words pass the
/// first test).
fn maybe_email(token: &[u8]) -> bool {
    let n = token.len();
    (token[n - 3] == b'.' || token[n - 4] == b'.') && token.contains(&b'@')
}

/// An e-mail address (`name@host.com`): in mail headers and signatures a new sentence often
/// follows it with no punctuation between.
fn is_email(token: &str) -> bool {
    let Some((user, host)) = token.split_once('@') else { return false };
    // `get`, not indexing: a cut inside a multi-byte character would panic.
    !user.is_empty() && host.get(1..host.len().saturating_sub(1)).is_some_and(|h| h.contains('.'))
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

/// Whether the token at `k` is the full stop of a list item's number (`1.`, `*2.`, `(3.`) at
/// the start of a paragraph or after a terminal: the item's text belongs to the same sentence
/// (EWT ends no sentence there: 56 of its train sentences open with such a number, none is
/// one). `kinds` holds the terminal kinds of the tokens before `k`.
fn list_number_stop(text: &str, tokens: &[Span], kinds: &[u8], k: usize) -> bool {
    if k == 0 || tokens[k].text(text) != "." || tokens[k - 1].end != tokens[k].start {
        return false;
    }
    let digits = tokens[k - 1].text(text);
    if !(1..=2).contains(&digits.len()) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let mut item = k - 1;
    if item > 0 && matches!(tokens[item - 1].text(text), "*" | "(" | "#" | "-") {
        item -= 1;
    }
    item == 0 || kinds[item - 1] != 0
}

/// Marks the token after which the punctuation rules end a sentence (`ends[k]`) and each
/// token's terminal kind (`kinds[k]`, 0 for none).
fn rule_ends(text: &str, tokens: &[Span], ends: &mut Vec<bool>, kinds: &mut Vec<u8>) {
    let n = tokens.len();
    ends.clear();
    ends.resize(n, false);
    kinds.clear();
    kinds.resize(n, 0);
    let mut first = 0;
    let mut k = 0;
    while k < n {
        let Some(kind) = terminal(text, tokens, k) else {
            k += 1;
            continue;
        };
        if list_number_stop(text, tokens, kinds, k) {
            k += 1;
            continue;
        }
        kinds[k] = kind as u8 + 1;
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
            ends[m - 1] = true;
            first = m;
        }
        k = m;
    }
}

/// Reusable buffers of the segmenter, so that a paragraph costs no allocation but its
/// sentences' token vectors.
#[derive(Default)]
pub(crate) struct Scratch {
    pub tokens: Vec<Span>,
    ends: Vec<bool>,
    decided: Vec<bool>,
    kinds: Vec<u8>,
    info: Vec<TokenInfo>,
}

impl Scratch {
    /// Fills `ends` (rules, then the model when given) for the paragraph in `self.tokens`.
    fn decide(&mut self, text: &str, model: Option<&BoundaryModel>) {
        rule_ends(text, &self.tokens, &mut self.ends, &mut self.kinds);
        self.decided.clear();
        self.decided.extend_from_slice(&self.ends);
        let Some(model) = model else { return };
        let n = self.tokens.len();
        // Token descriptions are computed only around the gaps the classifier is asked about.
        self.info.clear();
        self.info.resize(n, TokenInfo::default());
        let mut features = [0u64; FEATURES];
        // The first token of the sentence being read, as decided so far.
        let mut start = 0;
        for k in 0..n.saturating_sub(1) {
            if self.open_gap(text, k, model.gate()) {
                for t in k.saturating_sub(1)..(k + 4).min(n) {
                    if self.info[t].word == 0 {
                        self.info[t] = self.token_info(text, t);
                    }
                }
                gap_features(&self.info, k, start, &mut features);
                let punctuated = self.kinds[k] != 0 || self.ends[k];
                let threshold = if punctuated { 0.0 } else { model.unpunctuated_margin() };
                self.decided[k] = model.score(&features) > threshold;
            }
            if self.decided[k] {
                start = k + 1;
            }
        }
    }

    /// Whether the classifier is asked about the gap after token `k`: after a terminal or a
    /// rule boundary, or before a token that is not a lower-case word or continuing
    /// punctuation (between a lower-case and a capitalised word, only when the gate knows the
    /// capitalised one as a sentence opener). Elsewhere a boundary is rare enough in the
    /// treebank that the rules' "no" stands, which keeps the segmenter fast.
    #[inline(always)]
    fn open_gap(&self, text: &str, k: usize, gate: &Gate) -> bool {
        if self.kinds[k] != 0 || self.ends[k] {
            return true;
        }
        let next = text.as_bytes()[self.tokens[k + 1].start];
        if next.is_ascii_lowercase()
            || matches!(next, b',' | b';' | b':' | b')' | b']' | b'.' | b'\'' | b'%')
        {
            return false;
        }
        // News text puts capitalised names after lower-case words all the time; there the
        // classifier is asked only before a word that has opened a sentence in the treebank.
        let last = text.as_bytes()[self.tokens[k].end - 1];
        if last.is_ascii_lowercase() && next.is_ascii_uppercase() {
            return gate.openers.contains(self.tokens[k + 1].text(text));
        }
        !(last == b'>' && k >= 2 && self.closes_ticker(text, k))
    }

    /// Whether the token at `k` closes a stock ticker in angle brackets (`<GM>`, `<BAC.N>`),
    /// which wire stories write after a company name, in the middle of the sentence
    /// (`General Motors Corp's <GM> Hughes Aircraft unit`).
    fn closes_ticker(&self, text: &str, k: usize) -> bool {
        let code = self.tokens[k - 1].text(text).as_bytes();
        self.tokens[k].text(text) == ">"
            && self.tokens[k - 2].text(text) == "<"
            && (1..=10).contains(&code.len())
            && code[0].is_ascii_uppercase()
            && code.iter().all(|&b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'.')
    }

    /// The description of token `t` from `tokens`, `ends` (the rules') and `kinds`.
    fn token_info(&self, text: &str, t: usize) -> TokenInfo {
        let span = self.tokens[t];
        let space_after = self.tokens.get(t + 1).is_some_and(|next| next.start > span.end);
        TokenInfo::new(span.text(text), self.kinds[t], self.ends[t], space_after)
    }

    /// Training examples for the paragraph in `self.tokens`, labelled by `gold_ends`.
    pub fn examples(
        &mut self,
        text: &str,
        gold_ends: &HashSet<usize>,
        gate: &Gate,
        out: &mut Vec<Example>,
    ) {
        rule_ends(text, &self.tokens, &mut self.ends, &mut self.kinds);
        let info: Vec<TokenInfo> =
            (0..self.tokens.len()).map(|t| self.token_info(text, t)).collect();
        self.info = info;
        let mut features = [0u64; FEATURES];
        // Sentences start where the gold ones do.
        let mut start = 0;
        for k in 0..self.tokens.len().saturating_sub(1) {
            let ends = gold_ends.contains(&self.tokens[k].end);
            if self.open_gap(text, k, gate) {
                gap_features(&self.info, k, start, &mut features);
                out.push((features, ends));
            }
            if ends {
                start = k + 1;
            }
        }
    }
}

/// Splits one paragraph's tokens (in `scratch`) into sentences.
fn split_sentences(
    text: &str,
    scratch: &mut Scratch,
    model: Option<&BoundaryModel>,
    out: &mut Vec<Sentence>,
) {
    scratch.decide(text, model);
    let tokens = &scratch.tokens;
    let mut first = 0;
    for k in 0..tokens.len() {
        if scratch.decided[k] || k + 1 == tokens.len() {
            push_sentence(&tokens[first..=k], out);
            first = k + 1;
        }
    }
}

fn push_sentence(tokens: &[Span], out: &mut Vec<Sentence>) {
    if let (Some(first), Some(last)) = (tokens.first(), tokens.last()) {
        out.push(Sentence { span: Span::new(first.start, last.end), tokens: tokens.to_vec() });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Hosts with multi-byte characters are read without cutting one ("é" is two bytes).
    #[test]
    fn email_test_never_cuts_a_character() {
        assert!(is_email("john.doe@example.com"));
        assert!(!is_email("a@\u{e9}\u{e9}"));
        assert!(!is_email("a@\u{e9}.\u{e9}\u{e9}"));
        assert!(!is_email("a@b."));
        assert!(!is_email("@example.com"));
    }

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
            (
                "Two points. 1. Be kind. *2. Be brief.",
                &["Two points.", "1. Be kind.", "*2. Be brief."],
            ),
            ("1. First item", &["1. First item"]),
            (
                "It has joined with Dupont's <DD> Conoco Inc in a similar deal.",
                &["It has joined with Dupont's <DD> Conoco Inc in a similar deal."],
            ),
            ("  \n\n ", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(&sentences(text), want, "segmenting {text:?}");
        }
    }

    #[test]
    fn rules_alone() {
        let options = SegmentOptions { learned_boundaries: false, ..SegmentOptions::default() };
        let cases: &[(&str, &[&str])] = &[
            // A list item's number starts its sentence.
            (
                "Two points. 1. Be kind. 2. Be brief.",
                &["Two points.", "1. Be kind.", "2. Be brief."],
            ),
            ("It ranked No. 2. Then it fell.", &["It ranked No. 2.", "Then it fell."]),
            // An e-mail address may end a sentence before a capital.
            (
                "Mail john.doe@example.com Thanks, Ann",
                &["Mail john.doe@example.com", "Thanks, Ann"],
            ),
            ("mail john.doe@example.com today", &["mail john.doe@example.com today"]),
        ];
        for (text, want) in cases {
            let document = segment_with_model(text, options, None);
            let got: Vec<&str> = document.sentences.iter().map(|s| s.span.text(text)).collect();
            assert_eq!(&got, want, "segmenting {text:?}");
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
    fn a_digest_paragraph_dateline_is_in_no_sentence() {
        let text = "PARIS, March 3 - France voted.\n\nROME - Peres met Arafat.\n\nBLAIR: We will.";
        assert_eq!(sentences(text), ["France voted.", "Peres met Arafat.", "BLAIR: We will."]);
        // Without a dateline of its own the article is no digest.
        let plain = "France voted.\n\nROME - Peres met Arafat.";
        assert_eq!(sentences(plain), ["France voted.", "ROME - Peres met Arafat."]);
    }

    #[test]
    fn a_headline_above_the_dateline_stays_text() {
        let text = "BICC SEEKS GROWTH LONDON, March 25 - BICC Plc said so.\n\nIt did.";
        let document = segment(text);
        assert_eq!(document.dateline.unwrap().place.as_deref(), Some("LONDON"));
        assert_eq!(sentences(text), ["BICC SEEKS GROWTH", "BICC Plc said so.", "It did."]);
    }

    #[test]
    fn paragraphs_split_at_blank_lines() {
        let text = "a\nb\n \t\nc\r\n\r\nd";
        let spans: Vec<&str> = paragraphs(text, 0).iter().map(|s| s.text(text)).collect();
        assert_eq!(spans, ["a\nb\n", "c\r\n", "d"]);
    }
}
