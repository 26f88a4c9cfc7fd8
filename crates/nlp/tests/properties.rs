//! Property tests: any text in, no panic, and spans that keep their invariants.
//!
//! A tiny deterministic generator (xorshift) builds strings from pieces that stress the
//! tokenizer (quotes, clitics, abbreviations, URLs, multi-byte and invisible characters) and
//! from raw bytes made valid UTF-8 by lossy decoding; the same cases on every run.

use dyad_model::{Date, Span};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const PIECES: &[&str] = &[
    "a",
    "Z",
    "word",
    "Moscow",
    "MOSCOW",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\t",
    ".",
    ",",
    "!",
    "?",
    "...",
    "…",
    "\"",
    "'",
    "’",
    "‘",
    "“",
    "”",
    "(",
    ")",
    "[",
    "]",
    "-",
    "--",
    "—",
    ":",
    ";",
    "/",
    "@",
    "'s",
    "n't",
    "Mr.",
    "U.S.",
    "Gen.",
    "No. 5",
    "J. R.",
    "5.93",
    "155,221",
    "10:30",
    "http://x.org/a",
    "www.a.b",
    "a@b.co",
    "al-Salhi",
    "e-mail",
    "é",
    "ß",
    "中文",
    "😀",
    "\u{a0}",
    "\u{200b}",
    "\u{feff}",
    "\u{301}",
    "\r",
    "0",
    "1987",
    "Friday",
    "September 3",
    "spring 2014",
    "ago",
    "15 months",
    ":-)",
    "*",
    "====",
    "_",
    "#",
    "$",
    "%",
    "&",
    "AT&T",
    "gonna",
    "cannot",
    "/TASS/.",
    " - ",
    "(Reuters)",
    ", Feb 26 -",
    "BHUBANESWAR:",
    "last",
    "week",
    "yesterday",
];

fn generated(rng: &mut Rng) -> String {
    if rng.below(4) == 0 {
        let bytes: Vec<u8> = (0..rng.below(200)).map(|_| rng.next() as u8).collect();
        return String::from_utf8_lossy(&bytes).into_owned();
    }
    (0..rng.below(60)).map(|_| PIECES[rng.below(PIECES.len())]).collect()
}

fn on_boundaries(text: &str, span: Span) -> bool {
    span.start <= span.end
        && span.end <= text.len()
        && text.is_char_boundary(span.start)
        && text.is_char_boundary(span.end)
}

fn check(text: &str, rng: &mut Rng) {
    let document = dyad_nlp::segment(text);
    let mut previous_end = 0;
    if let Some(dateline) = &document.dateline {
        assert!(on_boundaries(text, dateline.span) && !dateline.span.is_empty(), "{text:?}");
        // Only a headline may come before the dateline, and no sentence crosses it.
        for sentence in &document.sentences {
            let span = sentence.span;
            assert!(span.end <= dateline.span.start || span.start >= dateline.span.end, "{text:?}");
        }
    }
    let day =
        Date::new(1990 + rng.below(40) as i32, 1 + rng.below(12) as u8, 1 + rng.below(28) as u8)
            .expect("a valid date");
    for sentence in &document.sentences {
        let span = sentence.span;
        assert!(
            on_boundaries(text, span) && span.start >= previous_end && !span.is_empty(),
            "{text:?}"
        );
        previous_end = span.end;
        assert_eq!(sentence.tokens.first().map(|t| t.start), Some(span.start), "{text:?}");
        assert_eq!(sentence.tokens.last().map(|t| t.end), Some(span.end), "{text:?}");
        let mut token_end = span.start;
        for &token in &sentence.tokens {
            assert!(on_boundaries(text, token) && !token.is_empty(), "{text:?}: {token:?}");
            assert!(token.start >= token_end && span.contains(token), "{text:?}: {token:?}");
            assert!(!token.text(text).starts_with(char::is_whitespace), "{text:?}: {token:?}");
            token_end = token.end;
        }
        for mention in dyad_nlp::find_dates(text, &sentence.tokens, day) {
            assert!(span.contains(mention.span) && on_boundaries(text, mention.span), "{text:?}");
        }
    }
}

#[test]
fn any_text_gives_well_formed_spans() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for _ in 0..20_000 {
        let text = generated(&mut rng);
        check(&text, &mut rng);
    }
}

#[test]
fn tokenizing_a_range_stays_inside_it() {
    let mut rng = Rng(42);
    for _ in 0..5_000 {
        let text = generated(&mut rng);
        let mut cut = rng.below(text.len() + 1);
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let mut tokens = Vec::new();
        dyad_nlp::tokenize_into(
            &text,
            Span::new(cut, text.len()),
            dyad_nlp::Hyphens::default(),
            &mut tokens,
        );
        assert!(tokens.iter().all(|t| t.start >= cut && t.end <= text.len()), "{text:?}");
    }
}
