//! Property tests: random bytes and mutated real lines never make a reader panic, and every
//! diagnostic names the file and a line that exists.

use dyad_dictionaries::petrarch::{
    read_actors, read_agents, read_discards, read_issues, read_petrarch1_verbs,
    read_petrarch2_verbs,
};
use dyad_dictionaries::{Diagnostic, Dictionaries, Matchers, Token, dyad_format};

/// A tiny deterministic generator (xorshift64*), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Characters that mean something to some reader.
const SPECIAL: &[char] = &[
    '[', ']', '{', '}', '(', ')', '<', '>', '~', '+', '_', '-', '*', '$', '^', '%', '&', '!', '#',
    ':', ';', '=', '|', '.', ' ', '\t', '\n', '0', '1', '9', 'A', 'Z', 'a', 'z', '@', 'é',
    '\u{feff}',
];

fn mutate(rng: &mut Rng, line: &str) -> String {
    let mut chars: Vec<char> = line.chars().collect();
    for _ in 0..1 + rng.below(4) {
        match rng.below(5) {
            0 if !chars.is_empty() => {
                let at = rng.below(chars.len());
                chars.remove(at);
            }
            1 => {
                let at = rng.below(chars.len() + 1);
                chars.insert(at, SPECIAL[rng.below(SPECIAL.len())]);
            }
            2 if !chars.is_empty() => {
                let at = rng.below(chars.len());
                chars[at] = SPECIAL[rng.below(SPECIAL.len())];
            }
            3 if !chars.is_empty() => {
                let at = rng.below(chars.len());
                chars.truncate(at);
            }
            _ => {
                let copy = chars.clone();
                chars.extend(copy);
            }
        }
    }
    chars.into_iter().collect()
}

fn random_bytes(rng: &mut Rng, len: usize) -> String {
    let bytes: Vec<u8> = (0..len)
        .map(|_| {
            if rng.below(3) == 0 {
                SPECIAL[rng.below(SPECIAL.len())] as u32 as u8
            } else {
                rng.next() as u8
            }
        })
        .collect();
    String::from_utf8_lossy(&bytes).into_owned()
}

fn check(name: &str, text: &str, diagnostics: &[Diagnostic]) {
    let lines = text.lines().count().max(1);
    for d in diagnostics {
        assert_eq!(d.file.as_deref(), Some(name), "{d}");
        let line = d.line.unwrap_or_else(|| panic!("no line: {d}"));
        assert!(line >= 1 && line <= lines, "line {line} of {lines}: {d}\n--- text ---\n{text}");
        assert!(d.to_string().starts_with(&format!("{name}:{line}: ")));
    }
}

type Reader = fn(&str, &str) -> Vec<Diagnostic>;

fn readers() -> Vec<(&'static str, Reader)> {
    vec![
        ("x.verbs.txt", |n, t| read_petrarch1_verbs(n, t).1),
        ("CAMEO.x.txt", |n, t| read_petrarch2_verbs(n, t).1),
        ("x.actors.txt", |n, t| read_actors(n, t).1),
        ("x.agents.txt", |n, t| read_agents(n, t).1),
        ("x.discards.txt", |n, t| read_discards(n, t).1),
        ("x.Issues.txt", |n, t| read_issues(n, t).1),
        ("x.dyad", |n, t| dyad_format::read_dyad_file(n, t).1),
    ]
}

/// Small samples of every format, written for these tests.
const SAMPLES: &str = "&SYN_
+WORD_ONE
+TWO WORDS
--- BLOCK [123] ---
VERB {VERBS VERBED} [456]
+MULTI_WORD
- + KNOWN_ * IN_ $ [076]
- * (TO {A B}) (OF &SYN) ^ [1:2]
~ a (a b X) SAY = a b 015
PRIMARY_NAME [ABC] [DEF <950601]
+SYNONYM
\t[GHI 19950601 - 19990815]
!PERSON! = MAN, MEN
CONGRESS!PERSON! {} [~LEG]
AGENT [NGO~]
<ISSUE CATEGORY=\"X\">
n:word v:go pre+k [CODE]
~ignore this
@format dyad-dictionary 1
actor Mikhail Bogdanov | Bogdanov = RUS 2011-06..
    RUSGOV 2011-06-24..2020
agent foreign minister = ~GOV
verb meet | hold talks = 040
    pattern $ * &talks (with +) {big talks} = 040/040
synset &talks = talks | negotiations
issue ELECTIONS = election
discard-story horoscope
<!-- comment
-->";

#[test]
fn random_bytes_never_panic() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for round in 0..300 {
        let text = random_bytes(&mut rng, 1 + round % 200);
        for (name, read) in readers() {
            check(name, &text, &read(name, &text));
        }
    }
}

#[test]
fn mutated_sample_lines_never_panic() {
    let lines: Vec<&str> = SAMPLES.lines().collect();
    let mut rng = Rng(42);
    for _ in 0..2000 {
        let mut text = String::new();
        for _ in 0..1 + rng.below(8) {
            let line = lines[rng.below(lines.len())];
            text.push_str(&mutate(&mut rng, line));
            text.push('\n');
        }
        for (name, read) in readers() {
            check(name, &text, &read(name, &text));
        }
    }
}

#[test]
fn mutated_shared_files_never_panic() {
    let mut rng = Rng(7);
    for name in [
        "CAMEO.2.0.txt",
        "PETR.Validate.verbs.txt",
        "PETR.Validate.actors.txt",
        "Phoenix.agents.txt",
        "Phoenix.IssueCoding.txt",
        "Phoenix.discards.txt",
    ] {
        let Some(text) = dyad_testdata::read(&format!("petrarch2/dictionaries/{name}")) else {
            return;
        };
        let lines: Vec<&str> = text.lines().collect();
        for _ in 0..200 {
            let start = rng.below(lines.len());
            let mut chunk = String::new();
            for line in &lines[start..(start + 1 + rng.below(30)).min(lines.len())] {
                if rng.below(3) == 0 {
                    chunk.push_str(&mutate(&mut rng, line));
                } else {
                    chunk.push_str(line);
                }
                chunk.push('\n');
            }
            for (reader_name, read) in readers() {
                check(reader_name, &chunk, &read(reader_name, &chunk));
            }
        }
    }
}

#[test]
fn matchers_built_from_mutated_input_never_panic() {
    let lines: Vec<&str> = SAMPLES.lines().collect();
    let mut rng = Rng(99);
    for round in 0..300 {
        let mut text = String::new();
        for _ in 0..1 + rng.below(12) {
            let line = lines[rng.below(lines.len())];
            text.push_str(&mutate(&mut rng, line));
            text.push('\n');
        }
        let (set, _) = if round % 2 == 0 {
            Dictionaries::read_petrarch([
                ("a.actors.txt", text.as_str()),
                ("a.agents.txt", text.as_str()),
                ("a.verbs.txt", text.as_str()),
                ("a.Issue.txt", text.as_str()),
            ])
        } else {
            Dictionaries::read_dyad([("a.dyad", text.as_str())])
        };
        let matchers = Matchers::build(&set, round % 4 == 0);
        let sentence = random_bytes(&mut rng, 60).replace('\n', " ") + " " + &text;
        let tokens: Vec<Token<'_>> =
            sentence.split_whitespace().map(|t| Token { text: t, lemma: Some(t) }).collect();
        for m in matchers.actors.find_all(&tokens) {
            assert!(m.start < m.end && m.end <= tokens.len());
            assert!(!m.payloads.is_empty());
        }
        let _ = matchers.agents.find_all(&tokens);
        let _ = matchers.issues.first(&tokens);
        for token in &tokens {
            let _ = matchers.verbs.lookup(token.text);
        }
    }
}
