//! Compiled matchers: longest-match phrase lookup over token sequences, and verb lookup by form.
//!
//! Phrases are stored in a trie whose edges are keyed by interned lower-case words plus the
//! word's matching rules (needs a capital, may match by lemma, may follow a gap), so a token is
//! lower-cased once and each step is one hash probe per rule combination in use.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::model::{Connector, Phrase, VerbBlock};
use crate::set::Dictionaries;

/// A small, fast, non-cryptographic hasher for interned symbols and short words (FxHash's
/// multiply-rotate scheme); the keys are our own dictionary words, never attacker-chosen at scale.
#[derive(Default, Clone, Copy)]
pub struct FastHasher(u64);

impl Hasher for FastHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, value: u8) {
        self.add(u64::from(value));
    }

    fn write_u32(&mut self, value: u32) {
        self.add(u64::from(value));
    }

    fn write_u64(&mut self, value: u64) {
        self.add(value);
    }

    fn write_usize(&mut self, value: usize) {
        self.add(value as u64);
    }
}

impl FastHasher {
    fn add(&mut self, value: u64) {
        self.0 = (self.0.rotate_left(5) ^ value).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

/// One token as the matchers see it: its text and, when the caller has one, its lemma.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token<'a> {
    /// The token's text as it appears in the sentence.
    pub text: &'a str,
    /// Its lemma (from dyad's lemmatizer), if known.
    pub lemma: Option<&'a str>,
}

impl<'a> Token<'a> {
    /// A token without a lemma.
    pub fn new(text: &'a str) -> Token<'a> {
        Token { text, lemma: None }
    }
}

/// A phrase found in a token sequence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Match<'m> {
    /// Index of the first token matched.
    pub start: usize,
    /// One past the last token matched (with gaps, tokens in between were skipped).
    pub end: usize,
    /// How many phrase words matched (the length that "longest match" compares).
    pub words: usize,
    /// The payloads of every phrase that ends here, in insertion order (for dictionaries: the
    /// entries, earliest first).
    pub payloads: &'m [u32],
}

const CAPITAL: u8 = 1;
const LEMMA: u8 = 2;
const GAP_BEFORE: u8 = 4;

/// The payloads of a trie node. Most phrases belong to one entry, so one payload is stored
/// inline (no allocation per phrase).
#[derive(Clone, Debug, Default)]
enum Terminal {
    #[default]
    None,
    One(u32),
    Many(Vec<u32>),
}

impl Terminal {
    fn push(&mut self, payload: u32) {
        *self = match std::mem::take(self) {
            Terminal::None => Terminal::One(payload),
            Terminal::One(first) => Terminal::Many(vec![first, payload]),
            Terminal::Many(mut list) => {
                list.push(payload);
                Terminal::Many(list)
            }
        };
    }

    fn payloads(&self) -> &[u32] {
        match self {
            Terminal::None => &[],
            Terminal::One(payload) => std::slice::from_ref(payload),
            Terminal::Many(list) => list,
        }
    }
}

/// A compiled set of phrases with their payloads (entry indexes).
#[derive(Clone, Debug, Default)]
pub struct PhraseMatcher {
    vocabulary: FastMap<Box<str>, u32>,
    edges: FastMap<(u32, u32, u8), u32>,
    terminals: Vec<Terminal>,
    flags_in_use: [bool; 8],
    honour_gaps: bool,
    /// Reused lower-casing buffer for `insert`.
    scratch: String,
    phrases: usize,
}

/// Whether a word has a hyphen between two letters or digits (`Jong-un`, `cease-fire`).
fn has_inner_hyphen(word: &str) -> bool {
    let chars: Vec<char> = word.chars().collect();
    chars.windows(3).any(|w| w[1] == '-' && w[0].is_alphanumeric() && w[2].is_alphanumeric())
}

/// The words with every inner hyphen made a word of its own (`Kim Jong-un` as `Kim Jong - un`):
/// each part keeps the capital rule of its own letters, the last part the word's lemma flag and
/// connector.
fn split_at_hyphens(words: &[crate::model::Word]) -> Vec<crate::model::Word> {
    let mut out = Vec::with_capacity(words.len() + 2);
    for word in words {
        if !has_inner_hyphen(&word.text) {
            out.push(word.clone());
            continue;
        }
        let parts: Vec<&str> = word.text.split('-').filter(|p| !p.is_empty()).collect();
        for (i, part) in parts.iter().enumerate() {
            let last = i + 1 == parts.len();
            out.push(crate::model::Word {
                text: (*part).to_string(),
                connector: if last { word.connector } else { Connector::Adjacent },
                capital: word.capital && part.chars().any(char::is_uppercase),
                lemma: word.lemma && last,
            });
            if !last {
                out.push(crate::model::Word::plain("-", Connector::Adjacent));
            }
        }
    }
    out
}

/// Per-token data computed once per sequence.
#[derive(Clone, Copy)]
struct Symbols {
    text: Option<u32>,
    lemma: Option<u32>,
    capital: bool,
}

fn lowercase_into(text: &str, buffer: &mut String) {
    buffer.clear();
    if text.is_ascii() {
        buffer.push_str(text);
        buffer.make_ascii_lowercase();
    } else {
        buffer.extend(text.chars().flat_map(char::to_lowercase));
    }
}

fn starts_capital(text: &str) -> bool {
    text.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

impl PhraseMatcher {
    /// An empty matcher. With `honour_gaps`, a blank connector (PETRARCH-1's ` `) lets other
    /// tokens come between two words; otherwise every phrase needs consecutive tokens.
    pub fn new(honour_gaps: bool) -> PhraseMatcher {
        PhraseMatcher { terminals: vec![Terminal::None], honour_gaps, ..PhraseMatcher::default() }
    }

    /// Number of phrases inserted.
    pub fn len(&self) -> usize {
        self.phrases
    }

    /// Whether no phrase was inserted.
    pub fn is_empty(&self) -> bool {
        self.phrases == 0
    }

    fn intern(&mut self, word: &str, buffer: &mut String) -> u32 {
        lowercase_into(word, buffer);
        if let Some(&symbol) = self.vocabulary.get(buffer.as_str()) {
            return symbol;
        }
        let next = self.vocabulary.len() as u32;
        self.vocabulary.insert(buffer.as_str().into(), next);
        next
    }

    /// Reserves room for about `phrases` more phrases of `words` words in total.
    pub fn reserve(&mut self, phrases: usize, words: usize) {
        self.edges.reserve(words);
        self.terminals.reserve(words);
        self.vocabulary.reserve(phrases);
    }

    /// Adds a phrase with its payload. Empty phrases are ignored.
    ///
    /// dyad's tokenizer splits most hyphenated words (`Jong-un` is `Jong` `-` `un`) and keeps a
    /// few whole (`al-Assad`, `anti-war`), so a phrase with a hyphenated word is added both as
    /// written and split at its hyphens: it matches whichever way the text was tokenized.
    pub fn insert(&mut self, phrase: &Phrase, payload: u32) {
        if phrase.words.is_empty() {
            return;
        }
        self.insert_words(&phrase.words, payload);
        if phrase.words.iter().any(|w| has_inner_hyphen(&w.text)) {
            self.insert_words(&split_at_hyphens(&phrase.words), payload);
        }
        self.phrases += 1;
    }

    fn insert_words(&mut self, words: &[crate::model::Word], payload: u32) {
        let mut node = 0u32;
        let mut gap_before = false;
        let mut buffer = std::mem::take(&mut self.scratch);
        for word in words {
            let symbol = self.intern(&word.text, &mut buffer);
            let mut flags = 0;
            if word.capital {
                flags |= CAPITAL;
            }
            if word.lemma {
                flags |= LEMMA;
            }
            if gap_before && self.honour_gaps {
                flags |= GAP_BEFORE;
            }
            self.flags_in_use[flags as usize] = true;
            let next = self.terminals.len() as u32;
            let child = *self.edges.entry((node, symbol, flags)).or_insert(next);
            if child == next {
                self.terminals.push(Terminal::None);
            }
            node = child;
            gap_before = word.connector == Connector::Gap;
        }
        self.terminals[node as usize].push(payload);
        self.scratch = buffer;
    }

    fn symbols(&self, tokens: &[Token<'_>]) -> Vec<Symbols> {
        let mut buffer = String::new();
        tokens
            .iter()
            .map(|token| {
                lowercase_into(token.text, &mut buffer);
                let text = self.vocabulary.get(buffer.as_str()).copied();
                let lemma = token.lemma.and_then(|lemma| {
                    lowercase_into(lemma, &mut buffer);
                    self.vocabulary.get(buffer.as_str()).copied()
                });
                Symbols { text, lemma, capital: starts_capital(token.text) }
            })
            .collect()
    }

    /// The child of `node` that token `symbols` can take, with or without a gap before it.
    fn step(&self, node: u32, symbols: Symbols, gap: bool) -> impl Iterator<Item = u32> + '_ {
        let gap_flag = if gap { GAP_BEFORE } else { 0 };
        [0u8, CAPITAL, LEMMA, CAPITAL | LEMMA]
            .into_iter()
            .filter(move |rule| {
                self.flags_in_use[(rule | gap_flag) as usize]
                    && (rule & CAPITAL == 0 || symbols.capital)
            })
            .flat_map(move |rule| {
                let by_text =
                    symbols.text.and_then(|s| self.edges.get(&(node, s, rule | gap_flag)).copied());
                let by_lemma = if rule & LEMMA != 0 {
                    symbols
                        .lemma
                        .filter(|l| Some(*l) != symbols.text)
                        .and_then(|s| self.edges.get(&(node, s, rule | gap_flag)).copied())
                } else {
                    None
                };
                by_text.into_iter().chain(by_lemma)
            })
    }

    /// Depth-first walk from `node` after a word matched at `position`; records the best end.
    /// With gaps, the same (node, position) state can be reached along many paths; a node's word
    /// count is its depth, so a state needs visiting once (`visited`), which keeps the walk
    /// polynomial on repetitive text.
    fn walk(
        &self,
        symbols: &[Symbols],
        node: u32,
        position: usize,
        words: usize,
        best: &mut Option<(usize, usize, u32)>,
        visited: &mut Vec<(u32, usize)>,
    ) {
        if self.honour_gaps {
            if visited.contains(&(node, position)) {
                return;
            }
            visited.push((node, position));
        }
        if !self.terminals[node as usize].payloads().is_empty() {
            let better = match *best {
                None => true,
                Some((best_words, best_end, _)) => {
                    words > best_words || (words == best_words && position + 1 < best_end)
                }
            };
            if better {
                *best = Some((words, position + 1, node));
            }
        }
        let next = position + 1;
        if next < symbols.len() {
            for child in self.step(node, symbols[next], false) {
                self.walk(symbols, child, next, words + 1, best, visited);
            }
        }
        if self.honour_gaps {
            for later in next..symbols.len() {
                for child in self.step(node, symbols[later], true) {
                    self.walk(symbols, child, later, words + 1, best, visited);
                }
            }
        }
    }

    fn longest_with(&self, symbols: &[Symbols], start: usize) -> Option<Match<'_>> {
        let first = *symbols.get(start)?;
        let mut best = None;
        let mut visited = Vec::new();
        for child in self.step(0, first, false) {
            self.walk(symbols, child, start, 1, &mut best, &mut visited);
        }
        best.map(|(words, end, node)| Match {
            start,
            end,
            words,
            payloads: self.terminals[node as usize].payloads(),
        })
    }

    /// The longest phrase (by word count; then the one ending first) starting at `start`.
    pub fn longest_at(&self, tokens: &[Token<'_>], start: usize) -> Option<Match<'_>> {
        if start >= tokens.len() {
            return None;
        }
        let symbols = self.symbols(tokens);
        self.longest_with(&symbols, start)
    }

    /// Scans left to right: at each token the longest match wins and the scan continues after
    /// it; otherwise the scan moves one token on. Matches never overlap.
    pub fn find_all(&self, tokens: &[Token<'_>]) -> Vec<Match<'_>> {
        let symbols = self.symbols(tokens);
        let mut out = Vec::new();
        let mut start = 0;
        while start < tokens.len() {
            match self.longest_with(&symbols, start) {
                Some(found) => {
                    start = found.end;
                    out.push(found);
                }
                None => start += 1,
            }
        }
        out
    }

    /// The first match in left-to-right order (what PETRARCH-1 uses to find a unit's actor).
    pub fn first(&self, tokens: &[Token<'_>]) -> Option<Match<'_>> {
        let symbols = self.symbols(tokens);
        (0..tokens.len()).find_map(|start| self.longest_with(&symbols, start))
    }
}

/// Where a verb form comes from: block, verb line and form indexes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct FormRef {
    /// Index into the blocks.
    pub block: u32,
    /// Index into the block's verbs.
    pub verb: u32,
    /// Index into the verb's forms.
    pub form: u32,
}

/// Verb lookup by the (lower-cased) inflecting word: multi-word forms first, in file order, then
/// single-word forms in file order (petrarch1-semantics 3.6: variants are tried first).
#[derive(Clone, Debug, Default)]
pub struct VerbIndex {
    forms: FastMap<Box<str>, Vec<FormRef>>,
}

impl VerbIndex {
    /// Indexes every stored form of `blocks`.
    pub fn build(blocks: &[VerbBlock]) -> VerbIndex {
        let mut multi: FastMap<Box<str>, Vec<FormRef>> = FastMap::default();
        let mut single: FastMap<Box<str>, Vec<FormRef>> = FastMap::default();
        for (b, block) in blocks.iter().enumerate() {
            for (v, verb) in block.verbs.iter().enumerate() {
                for (f, form) in verb.forms.iter().enumerate() {
                    let key = form.head_word().to_lowercase().into_boxed_str();
                    let reference = FormRef { block: b as u32, verb: v as u32, form: f as u32 };
                    let map = if form.is_multi_word() { &mut multi } else { &mut single };
                    map.entry(key).or_default().push(reference);
                }
            }
        }
        for (key, references) in single {
            multi.entry(key).or_default().extend(references);
        }
        VerbIndex { forms: multi }
    }

    /// The forms whose inflecting word is `word` (any case).
    pub fn lookup(&self, word: &str) -> &[FormRef] {
        let mut buffer = String::new();
        lowercase_into(word, &mut buffer);
        self.forms.get(buffer.as_str()).map_or(&[], Vec::as_slice)
    }

    /// Number of distinct inflecting words.
    pub fn len(&self) -> usize {
        self.forms.len()
    }

    /// Whether nothing is indexed.
    pub fn is_empty(&self) -> bool {
        self.forms.is_empty()
    }
}

/// Every matcher of a dictionary set; payloads are indexes into the set's vectors.
#[derive(Clone, Debug, Default)]
pub struct Matchers {
    /// Actor phrases (primaries and synonyms) -> index into `actors`.
    pub actors: PhraseMatcher,
    /// Agent phrases -> index into `agents`.
    pub agents: PhraseMatcher,
    /// Discard phrases -> index into `discards`.
    pub discards: PhraseMatcher,
    /// Issue phrases (ignore phrases too) -> index into `issues`.
    pub issues: PhraseMatcher,
    /// Synset members -> index into `verbs.synsets`.
    pub synsets: PhraseMatcher,
    /// Verb forms.
    pub verbs: VerbIndex,
    /// dyad nouns by lemma.
    pub nouns: VerbIndex,
}

impl Matchers {
    /// Compiles the matchers of `set`. `honour_gaps` selects PETRARCH-1 blank connectors.
    /// The actor trie (by far the largest) is built on a second thread.
    pub fn build(set: &Dictionaries, honour_gaps: bool) -> Matchers {
        std::thread::scope(|scope| {
            let actors = scope.spawn(|| {
                let mut matcher = PhraseMatcher::new(honour_gaps);
                let phrases: usize = set.actors.iter().map(|a| a.phrases.len()).sum();
                let words: usize =
                    set.actors.iter().flat_map(|a| &a.phrases).map(|p| p.words.len()).sum();
                matcher.reserve(phrases, words);
                for (i, actor) in set.actors.iter().enumerate() {
                    for phrase in &actor.phrases {
                        matcher.insert(phrase, i as u32);
                    }
                }
                matcher
            });
            let mut matchers = Matchers {
                actors: PhraseMatcher::default(),
                agents: PhraseMatcher::new(honour_gaps),
                discards: PhraseMatcher::new(honour_gaps),
                issues: PhraseMatcher::new(honour_gaps),
                synsets: PhraseMatcher::new(false),
                verbs: VerbIndex::build(&set.verbs.blocks),
                nouns: VerbIndex::build(&set.nouns),
            };
            for (i, agent) in set.agents.iter().enumerate() {
                for phrase in &agent.phrases {
                    matchers.agents.insert(phrase, i as u32);
                }
            }
            for (i, discard) in set.discards.iter().enumerate() {
                matchers.discards.insert(&discard.phrase, i as u32);
            }
            for (i, issue) in set.issues.iter().enumerate() {
                for phrase in &issue.phrases {
                    matchers.issues.insert(phrase, i as u32);
                }
            }
            for (i, synset) in set.verbs.synsets.iter().enumerate() {
                for member in &synset.members {
                    let phrase = Phrase {
                        words: member
                            .words
                            .iter()
                            .map(|w| crate::model::Word::plain(w.clone(), Connector::Adjacent))
                            .collect(),
                    };
                    matchers.synsets.insert(&phrase, i as u32);
                }
            }
            matchers.actors = match actors.join() {
                Ok(matcher) => matcher,
                Err(panic) => std::panic::resume_unwind(panic),
            };
            matchers
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Word;

    fn tokens(text: &str) -> Vec<Token<'_>> {
        text.split_whitespace().map(Token::new).collect()
    }

    fn dyad_phrase(text: &str, lemma_last: bool) -> Phrase {
        let words: Vec<&str> = text.split_whitespace().collect();
        let n = words.len();
        Phrase {
            words: words
                .iter()
                .enumerate()
                .map(|(i, w)| Word {
                    text: w.to_string(),
                    connector: Connector::Adjacent,
                    capital: w.chars().any(char::is_uppercase),
                    lemma: lemma_last && i + 1 == n,
                })
                .collect(),
        }
    }

    /// (start, end, payloads) of a match.
    type Span = (usize, usize, Vec<u32>);

    fn spans(matcher: &PhraseMatcher, text: &str) -> Vec<Span> {
        matcher
            .find_all(&tokens(text))
            .into_iter()
            .map(|m| (m.start, m.end, m.payloads.to_vec()))
            .collect()
    }

    #[test]
    fn longest_match_wins_and_earlier_entries_come_first() {
        let mut matcher = PhraseMatcher::new(false);
        matcher.insert(&dyad_phrase("new", false), 0);
        matcher.insert(&dyad_phrase("new zealand", false), 1);
        matcher.insert(&dyad_phrase("new zealand army", false), 2);
        matcher.insert(&dyad_phrase("zealand", false), 3);
        matcher.insert(&dyad_phrase("new zealand", false), 4);
        let cases: [(&str, Vec<Span>); 5] = [
            ("the new zealand army said", vec![(1, 4, vec![2])]),
            ("new zealand said", vec![(0, 2, vec![1, 4])]),
            ("New Zealand and zealand", vec![(0, 2, vec![1, 4]), (3, 4, vec![3])]),
            ("new zealand navy", vec![(0, 2, vec![1, 4])]),
            ("nothing here", vec![]),
        ];
        for (text, expected) in cases {
            assert_eq!(spans(&matcher, text), expected, "{text}");
        }
    }

    #[test]
    fn hyphenated_phrases_match_split_and_whole_tokens() {
        let mut matcher = PhraseMatcher::new(false);
        matcher.insert(&dyad_phrase("Kim Jong-un", false), 0);
        matcher.insert(&dyad_phrase("secretary-general", true), 1);
        matcher.insert(&dyad_phrase("al-assad", false), 2);
        assert_eq!(matcher.len(), 3);
        let cases: [(&str, Vec<Span>); 5] = [
            ("Kim Jong - un said", vec![(0, 4, vec![0])]),
            ("Kim Jong-un said", vec![(0, 2, vec![0])]),
            ("the Secretary - General", vec![(1, 4, vec![1])]),
            ("UN Secretary - General", vec![(1, 4, vec![1])]),
            ("Bashar al-Assad", vec![(1, 2, vec![2])]),
        ];
        for (text, expected) in cases {
            assert_eq!(spans(&matcher, text), expected, "{text}");
        }
        // The split variant keeps the capital rule of each part.
        assert_eq!(spans(&matcher, "kim jong - un"), vec![]);
    }

    #[test]
    fn capitalised_words_need_capitalised_tokens() {
        let mut matcher = PhraseMatcher::new(false);
        matcher.insert(&dyad_phrase("US", false), 0);
        matcher.insert(&dyad_phrase("troops", false), 1);
        matcher.insert(&dyad_phrase("G7 summit", false), 2);
        let cases: [(&str, Vec<Span>); 4] = [
            ("US troops", vec![(0, 1, vec![0]), (1, 2, vec![1])]),
            ("Us Troops", vec![(0, 1, vec![0]), (1, 2, vec![1])]),
            ("let us go", vec![]),
            ("the g7 summit", vec![]),
        ];
        for (text, expected) in cases {
            assert_eq!(spans(&matcher, text), expected, "{text}");
        }
    }

    #[test]
    fn lemma_words_match_inflected_tokens() {
        let mut matcher = PhraseMatcher::new(false);
        matcher.insert(&dyad_phrase("foreign minister", true), 0);
        let with_lemma =
            [Token::new("Foreign"), Token { text: "Ministers", lemma: Some("minister") }];
        let found = matcher.longest_at(&with_lemma, 0).unwrap();
        assert_eq!((found.start, found.end, found.payloads), (0, 2, &[0u32][..]));
        // Without a lemma the plural does not match; a non-lemma word never matches by lemma.
        assert!(matcher.longest_at(&tokens("foreign ministers"), 0).is_none());
        let mut strict = PhraseMatcher::new(false);
        strict.insert(&dyad_phrase("minister", false), 0);
        assert!(strict.longest_at(&with_lemma[1..], 0).is_none());
    }

    #[test]
    fn petrarch_gaps() {
        let mut gapped = PhraseMatcher::new(true);
        let mut strict = PhraseMatcher::new(false);
        for (i, text) in ["ITHILEN TELEVISION", "RADAGAST THE_BROWN", "THE_KU"].iter().enumerate() {
            gapped.insert(&Phrase::from_petrarch(text), i as u32);
            strict.insert(&Phrase::from_petrarch(text), i as u32);
        }
        let text = "Ithilen state-run television";
        assert_eq!(spans(&gapped, text), vec![(0, 3, vec![0])]);
        assert_eq!(spans(&strict, text), vec![]);
        // `_` forbids a gap: THE must be followed directly by BROWN.
        assert_eq!(spans(&gapped, "Radagast , the brown"), vec![(0, 4, vec![1])]);
        assert_eq!(spans(&gapped, "Radagast the old brown"), vec![]);
        assert_eq!(spans(&gapped, "the big ku"), vec![]);
        assert_eq!(spans(&strict, "the ku"), vec![(0, 2, vec![2])]);
    }

    #[test]
    fn gapped_walk_stays_polynomial_on_repetitive_text() {
        let mut gapped = PhraseMatcher::new(true);
        gapped.insert(&Phrase::from_petrarch("A A A A A A A A A A A A B"), 0);
        gapped.insert(&Phrase::from_petrarch("A A A A A A A A"), 1);
        let text = vec!["a"; 80].join(" ");
        // Without the visited set this is C(79, 11) paths; with it, it returns at once.
        let found = gapped.longest_at(&tokens(&text), 0).unwrap();
        assert_eq!((found.words, found.end, found.payloads), (8, 8, &[1u32][..]));
    }

    #[test]
    fn verb_index_puts_multi_word_forms_first() {
        let text = "--- BREAK [1717] ---\nBREAK { BROKE BROKEN }\n+BREAK_DOWN {+BROKEN_DOWN}\n";
        let (verbs, _) = crate::petrarch::read_petrarch1_verbs("v.txt", text);
        let index = VerbIndex::build(&verbs.blocks);
        let broken = index.lookup("broken");
        assert_eq!(broken.len(), 2);
        assert_eq!(broken[0].verb, 1);
        assert_eq!(broken[1].verb, 0);
        assert!(index.lookup("breaks").is_empty());
        assert_eq!(index.lookup("BREAK").len(), 2);
    }
}
