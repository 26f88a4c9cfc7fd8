//! The dependency parser: greedy arc-hybrid transitions with labelled arcs, scored by an
//! averaged perceptron and trained with a dynamic oracle.
//!
//! The artificial root sits at the end of the buffer (so a word is made root by a left arc from
//! it, and only when it is the last word on the stack: exactly one root per sentence). Features
//! follow Zhang & Nivre (2011): words and tags of the stack and buffer heads, their leftmost and
//! rightmost children with labels, valencies, label sets and distances. The dynamic oracle
//! (Goldberg & Nivre 2013) lets training follow the model's own mistakes and learn to recover.
//! At prediction, the features of one word in one role (`word_features`) are scored once per
//! sentence, and a move that is the only valid one is not scored at all. A trained parser is
//! usually the sum of several members' weights (`train_ensemble`), which costs nothing at
//! prediction.
//! Tests: the unit tests below and `tests/syntax.rs` in this crate.

use super::conllu::TreebankSentence;
use super::hash::{FeatureMap, Rng, feature, hash_str};
use super::perceptron::{Model, Trainer, argmax};
use super::tag::{TrainOptions, normalize, normalize_into};
use super::weights::{WeightsError, WeightsReader, WeightsWriter};

/// Weights smaller than this are left out of the file: they barely change any decision.
pub const DEFAULT_PRUNE: f32 = 0.05;

const MAGIC: &[u8; 8] = b"DYADPARS";
const FORMAT: u32 = 1;
const NONE: usize = usize::MAX;
const NO_VALUE: u64 = 0x4e4f4e45;
const SHIFT: usize = 0;

/// One parsed word: its head (1-based, 0 for the root) and relation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Arc {
    /// Head word, 1-based; 0 when this word is the sentence's root.
    pub head: usize,
    /// Universal dependency relation, with subtype (`nsubj:pass`).
    pub deprel: String,
}

/// The trained parser.
#[derive(Clone, Debug)]
pub struct Parser {
    labels: Vec<String>,
    root_label: u16,
    ambiguity: FeatureMap<u64>,
    model: Model,
}

/// The key a tag pair contributes to parser features.
fn tag_key(upos: &str, xpos: &str) -> u64 {
    feature(1000, &[hash_str(upos), hash_str(xpos)])
}

/// A parser configuration. Words are 0..n; index n is the root, always last in the buffer.
struct State {
    n: usize,
    stack: Vec<usize>,
    buffer: usize,
    heads: Vec<usize>,
    labels: Vec<u16>,
    left: Vec<[usize; 2]>,
    right: Vec<[usize; 2]>,
    n_left: Vec<u8>,
    n_right: Vec<u8>,
    left_labels: Vec<u128>,
    right_labels: Vec<u128>,
}

impl State {
    fn new(n: usize) -> State {
        State {
            n,
            stack: Vec::with_capacity(n),
            buffer: 0,
            heads: vec![NONE; n + 1],
            labels: vec![0; n + 1],
            left: vec![[NONE; 2]; n + 1],
            right: vec![[NONE; 2]; n + 1],
            n_left: vec![0; n + 1],
            n_right: vec![0; n + 1],
            left_labels: vec![0; n + 1],
            right_labels: vec![0; n + 1],
        }
    }

    fn is_terminal(&self) -> bool {
        self.stack.is_empty() && self.buffer == self.n
    }

    fn stack_at(&self, depth: usize) -> usize {
        if depth < self.stack.len() { self.stack[self.stack.len() - 1 - depth] } else { NONE }
    }

    fn buffer_at(&self, offset: usize) -> usize {
        let i = self.buffer + offset;
        if i <= self.n { i } else { NONE }
    }

    fn is_valid(&self, class: usize, root_label: usize) -> bool {
        if class == SHIFT {
            return self.buffer < self.n;
        }
        let label = (class - 1) / 2;
        if (class - 1).is_multiple_of(2) {
            // Left arc: b0 becomes the head of s0; the root takes one dependent, labelled root.
            match self.stack.len() {
                0 => false,
                1 if self.buffer == self.n => label == root_label,
                _ => self.buffer < self.n && label != root_label,
            }
        } else {
            self.stack.len() >= 2 && label != root_label
        }
    }

    fn apply(&mut self, class: usize) {
        if class == SHIFT {
            self.stack.push(self.buffer);
            self.buffer += 1;
            return;
        }
        let label = ((class - 1) / 2) as u16;
        let dependent = self.stack.pop().expect("arc needs a stack");
        self.labels[dependent] = label;
        if (class - 1).is_multiple_of(2) {
            let head = self.buffer;
            self.heads[dependent] = head;
            // Left arcs reach further left each time: the new child is the leftmost.
            self.left[head] = [dependent, self.left[head][0]];
            self.n_left[head] = self.n_left[head].saturating_add(1);
            self.left_labels[head] |= 1u128 << (label % 128);
        } else {
            let head = *self.stack.last().expect("right arc needs two on the stack");
            self.heads[dependent] = head;
            self.right[head] = [dependent, self.right[head][0]];
            self.n_right[head] = self.n_right[head].saturating_add(1);
            self.right_labels[head] |= 1u128 << (label % 128);
        }
    }
}

/// The per-word feature values of a sentence.
struct Sentence {
    words: Vec<u64>,
    ambiguity: Vec<u64>,
    tags: Vec<u64>,
    upos: Vec<u64>,
}

impl Sentence {
    fn new(words: &[&str], tags: &[(&str, &str)], ambiguity: &FeatureMap<u64>) -> Sentence {
        let mut lower = String::new();
        let mut keys: Vec<u64> = words
            .iter()
            .map(|w| {
                normalize_into(w, &mut lower);
                hash_str(&lower)
            })
            .collect();
        let mut classes: Vec<u64> =
            keys.iter().map(|k| ambiguity.get(k).copied().unwrap_or(NO_VALUE)).collect();
        classes.push(hash_str("<ROOT>"));
        let mut tag_keys: Vec<u64> = tags.iter().map(|(u, x)| tag_key(u, x)).collect();
        let mut upos: Vec<u64> = tags.iter().map(|(u, _)| hash_str(u)).collect();
        keys.push(hash_str("<ROOT>"));
        tag_keys.push(hash_str("<ROOT-TAG>"));
        upos.push(hash_str("<ROOT-TAG>"));
        Sentence { words: keys, ambiguity: classes, tags: tag_keys, upos }
    }
}

/// The positions whose features depend on one word only (with the words right after it, for
/// the buffer): `word_features`. They are the stack and buffer heads
/// and the children of the stack and buffer heads, whose labels never change once attached.
#[derive(Clone, Copy)]
enum Role {
    B0,
    S0,
    S1,
    S2,
    S0L1,
    S0L2,
    S0R1,
    S0R2,
    B0L1,
    B0L2,
    S1L1,
    S1R1,
}

const ROLES: [Role; 12] = [
    Role::B0,
    Role::S0,
    Role::S1,
    Role::S2,
    Role::S0L1,
    Role::S0L2,
    Role::S0R1,
    Role::S0R2,
    Role::B0L1,
    Role::B0L2,
    Role::S1L1,
    Role::S1R1,
];

impl Role {
    /// The word in this role in `state` ([`NONE`] when there is none).
    fn word(self, state: &State) -> usize {
        let child =
            |i: usize, side: &[[usize; 2]], k: usize| if i == NONE { NONE } else { side[i][k] };
        let (s0, s1, b0) = (state.stack_at(0), state.stack_at(1), state.buffer_at(0));
        match self {
            Role::B0 => b0,
            Role::S0 => s0,
            Role::S1 => s1,
            Role::S2 => state.stack_at(2),
            Role::S0L1 => child(s0, &state.left, 0),
            Role::S0L2 => child(s0, &state.left, 1),
            Role::S0R1 => child(s0, &state.right, 0),
            Role::S0R2 => child(s0, &state.right, 1),
            Role::B0L1 => child(b0, &state.left, 0),
            Role::B0L2 => child(b0, &state.left, 1),
            Role::S1L1 => child(s1, &state.left, 0),
            Role::S1R1 => child(s1, &state.right, 0),
        }
    }
}

/// The features of word `i` in `role` that depend on nothing else: the same whenever that word
/// is in that role, so the parser scores them once per sentence (the words after b0 are fixed
/// by b0).
fn word_features(role: Role, i: usize, state: &State, sentence: &Sentence, out: &mut Vec<u64>) {
    out.clear();
    let l = |i: usize| {
        if i == NONE || state.heads[i] == NONE { NO_VALUE } else { u64::from(state.labels[i]) }
    };
    let n = sentence.words.len() - 1;
    let w = |i: usize| if i == NONE { NO_VALUE } else { sentence.words[i] };
    let t = |i: usize| if i == NONE { NO_VALUE } else { sentence.tags[i] };
    let u = |i: usize| if i == NONE { NO_VALUE } else { sentence.upos[i] };
    let a = |i: usize| if i == NONE { NO_VALUE } else { sentence.ambiguity[i] };
    let mut f = |template: u32, parts: &[u64]| out.push(feature(template, parts));
    match role {
        Role::B0 => {
            let after = |k: usize| if i != NONE && i + k <= n { i + k } else { NONE };
            let (b0, b1, b2) = (i, after(1), after(2));
            let (b0w, b0t, b1w, b1t, b2t) = (w(b0), t(b0), w(b1), t(b1), t(b2));
            f(8, &[b0w]);
            f(9, &[b0t]);
            f(10, &[b0w, b0t]);
            f(11, &[b1w]);
            f(12, &[b1t]);
            f(13, &[b1w, b1t]);
            f(14, &[b2t]);
            f(15, &[w(b2)]);
            f(27, &[b0t, b1t]);
            f(35, &[b0w, b1w]);
            f(40, &[b0t, b1t, b2t]);
            f(111, &[b0w, u(b0)]);
            f(119, &[u(b0), u(b1), u(b2)]);
            f(141, &[a(b0)]);
            f(143, &[a(b1)]);
        }
        Role::S0 => {
            f(1, &[w(i)]);
            f(2, &[t(i)]);
            f(3, &[w(i), t(i)]);
            f(110, &[w(i), u(i)]);
            f(140, &[a(i)]);
        }
        Role::S1 => {
            f(4, &[w(i)]);
            f(5, &[t(i)]);
            f(6, &[w(i), t(i)]);
            f(112, &[w(i), u(i)]);
            f(142, &[a(i)]);
        }
        Role::S2 => {
            f(7, &[t(i)]);
            f(16, &[w(i)]);
        }
        Role::S0L1 => {
            f(60, &[w(i)]);
            f(61, &[t(i)]);
            f(62, &[l(i)]);
        }
        Role::S0R1 => {
            f(63, &[w(i)]);
            f(64, &[t(i)]);
            f(65, &[l(i)]);
        }
        Role::S0L2 => f(66, &[t(i), l(i)]),
        Role::S0R2 => f(67, &[t(i), l(i)]),
        Role::B0L1 => {
            f(68, &[w(i)]);
            f(69, &[t(i)]);
            f(70, &[l(i)]);
        }
        Role::B0L2 => f(71, &[t(i), l(i)]),
        Role::S1R1 => {
            f(72, &[w(i), t(i)]);
            f(73, &[l(i)]);
        }
        Role::S1L1 => f(74, &[t(i), l(i)]),
    }
}

/// All the features of `s` (`with_words`), or only those not in `word_features`.
fn features(s: &State, sentence: &Sentence, out: &mut Vec<u64>, with_words: bool) {
    out.clear();
    if with_words {
        let mut words = Vec::with_capacity(16);
        for role in ROLES {
            word_features(role, role.word(s), s, sentence, &mut words);
            out.extend_from_slice(&words);
        }
    }
    let w = |i: usize| if i == NONE { NO_VALUE } else { sentence.words[i] };
    let t = |i: usize| if i == NONE { NO_VALUE } else { sentence.tags[i] };
    let u = |i: usize| if i == NONE { NO_VALUE } else { sentence.upos[i] };
    let a = |i: usize| if i == NONE { NO_VALUE } else { sentence.ambiguity[i] };
    let l = |i: usize| {
        if i == NONE || s.heads[i] == NONE { NO_VALUE } else { u64::from(s.labels[i]) }
    };
    let child = |i: usize, side: &[[usize; 2]], k: usize| if i == NONE { NONE } else { side[i][k] };
    let val = |i: usize, counts: &[u8]| if i == NONE { NO_VALUE } else { u64::from(counts[i]) };
    let set = |i: usize, sets: &[u128]| {
        if i == NONE { NO_VALUE } else { feature(2000, &[sets[i] as u64, (sets[i] >> 64) as u64]) }
    };
    let (s0, s1, s2) = (s.stack_at(0), s.stack_at(1), s.stack_at(2));
    let (b0, b1) = (s.buffer_at(0), s.buffer_at(1));
    let (s0w, s0t, s1w, s1t, s2t) = (w(s0), t(s0), w(s1), t(s1), t(s2));
    let (b0w, b0t, b1w, b1t) = (w(b0), t(b0), w(b1), t(b1));
    let s0l1 = child(s0, &s.left, 0);
    let s0l2 = child(s0, &s.left, 1);
    let s0r1 = child(s0, &s.right, 0);
    let s0r2 = child(s0, &s.right, 1);
    let s1l1 = child(s1, &s.left, 0);
    let s1r1 = child(s1, &s.right, 0);
    let s1r2 = child(s1, &s.right, 1);
    let b0l1 = child(b0, &s.left, 0);
    let b0l2 = child(b0, &s.left, 1);
    let distance = |a: usize, b: usize| {
        if a == NONE || b == NONE {
            NO_VALUE
        } else if b == s.n {
            99
        } else {
            (b - a).min(6) as u64
        }
    };
    let d_s0b0 = distance(s0, b0);
    let d_s1s0 = distance(s1, s0);
    let mut f = |template: u32, parts: &[u64]| out.push(feature(template, parts));
    f(0, &[]);
    // Single positions: see `word_features`.
    // Pairs: (s0, b0) decides left arcs, (s1, s0) right arcs.
    f(20, &[s0w, s0t, b0w, b0t]);
    f(21, &[s0w, s0t, b0w]);
    f(22, &[s0w, b0w, b0t]);
    f(23, &[s0w, s0t, b0t]);
    f(24, &[s0t, b0w, b0t]);
    f(25, &[s0w, b0w]);
    f(26, &[s0t, b0t]);
    f(28, &[s1w, s1t, s0w, s0t]);
    f(29, &[s1w, s1t, s0w]);
    f(30, &[s1w, s0w, s0t]);
    f(31, &[s1w, s1t, s0t]);
    f(32, &[s1t, s0w, s0t]);
    f(33, &[s1w, s0w]);
    f(34, &[s1t, s0t]);
    f(36, &[s0t, b1t]);
    f(37, &[s0w, b1w]);
    // Triples of tags.
    f(41, &[s0t, b0t, b1t]);
    f(42, &[s1t, s0t, b0t]);
    f(43, &[s2t, s1t, s0t]);
    f(44, &[s1t, b0t, b1t]);
    f(45, &[s0t, t(s0l1), b0t]);
    f(46, &[s0t, t(s0r1), b0t]);
    f(47, &[s0t, b0t, t(b0l1)]);
    f(48, &[s0t, t(s0l1), t(s0l2)]);
    f(49, &[s0t, t(s0r1), t(s0r2)]);
    f(50, &[b0t, t(b0l1), t(b0l2)]);
    f(51, &[s1t, t(s1r1), s0t]);
    f(52, &[s1t, s0t, t(s0l1)]);
    f(53, &[s1t, s0t, t(s0r1)]);
    f(54, &[s1t, t(s1l1), s0t]);
    f(55, &[s1t, t(s1r1), t(s1r2)]);
    // Children: words, tags, labels (one child alone: see `word_features`).
    f(75, &[s0t, l(s0l1), l(s0l2)]);
    f(76, &[s0t, l(s0r1), l(s0r2)]);
    f(77, &[b0t, l(b0l1), l(b0l2)]);
    f(78, &[s1t, l(s1r1), l(s1r2)]);
    // Distances.
    f(80, &[s0w, d_s0b0]);
    f(81, &[s0t, d_s0b0]);
    f(82, &[b0w, d_s0b0]);
    f(83, &[b0t, d_s0b0]);
    f(84, &[s0t, b0t, d_s0b0]);
    f(85, &[s1t, s0t, d_s1s0]);
    f(86, &[s1w, d_s1s0]);
    f(87, &[s0w, d_s1s0]);
    f(88, &[s1w, s0w, d_s1s0]);
    // Valencies and label sets.
    f(90, &[s0w, val(s0, &s.n_left)]);
    f(91, &[s0t, val(s0, &s.n_left)]);
    f(92, &[s0w, val(s0, &s.n_right)]);
    f(93, &[s0t, val(s0, &s.n_right)]);
    f(94, &[b0w, val(b0, &s.n_left)]);
    f(95, &[b0t, val(b0, &s.n_left)]);
    f(96, &[s1t, val(s1, &s.n_right)]);
    f(97, &[s0w, set(s0, &s.left_labels)]);
    f(98, &[s0t, set(s0, &s.left_labels)]);
    f(99, &[s0t, set(s0, &s.right_labels)]);
    f(100, &[b0t, set(b0, &s.left_labels)]);
    f(101, &[s1t, set(s1, &s.right_labels)]);
    f(102, &[s1t, set(s1, &s.left_labels)]);
    f(103, &[s0w, set(s0, &s.right_labels)]);
    f(104, &[b0w, set(b0, &s.left_labels)]);
    f(105, &[(s.stack.len().min(4)) as u64, b0t]);
    // Universal tags alone: the tagger gets them right more often than the full pair, so the
    // parser can fall back on them.
    let (s0u, s1u, b0u, b1u) = (u(s0), u(s1), u(b0), u(b1));
    f(113, &[s0u, b0u]);
    f(114, &[s1u, s0u]);
    f(115, &[s0w, b0u]);
    f(116, &[s0u, b0w]);
    f(117, &[s1w, s0u]);
    f(118, &[s1u, s0w]);
    f(120, &[s0u, b0u, b1u]);
    f(121, &[s1u, s0u, b0u]);
    f(122, &[u(s2), s1u, s0u]);
    f(123, &[s0u, u(s0l1), b0u]);
    f(124, &[s0u, u(s0r1), b0u]);
    f(125, &[s1u, u(s1r1), s0u]);
    f(126, &[s0u, b0u, d_s0b0]);
    f(127, &[s1u, s0u, d_s1s0]);
    f(128, &[s0u, b0u, l(s0l1), l(b0l1)]);
    // Ambiguity classes (the tags a word gets in training): lexical evidence that survives a
    // wrong tag.
    f(144, &[a(s0), a(b0)]);
    f(145, &[a(s1), a(s0)]);
    f(146, &[a(s0), b0t]);
    f(147, &[s0t, a(b0)]);
}

/// Gold tree facts the oracle needs: heads (root = n), labels, dependents.
struct Gold {
    heads: Vec<usize>,
    labels: Vec<u16>,
    dependents: Vec<Vec<usize>>,
}

/// A training sentence: words, tags, gold tree.
type Example<'a> = (Vec<&'a str>, Vec<(&'a str, &'a str)>, Gold);

/// The cost of each transition: gold arcs that become unreachable.
fn costs(state: &State, gold: &Gold, in_stack: &[bool], root_label: usize, out: &mut [u32]) {
    let n_labels = (out.len() - 1) / 2;
    let s0 = state.stack_at(0);
    let s1 = state.stack_at(1);
    let b0 = state.buffer;
    let in_buffer = |i: usize| i >= b0 && i <= state.n;
    let s0_dependents_in_buffer = if s0 == NONE {
        0
    } else {
        gold.dependents[s0].iter().filter(|&&d| in_buffer(d)).count() as u32
    };
    // Shift: b0 gives up heads deeper than s0, and dependents already on the stack.
    let mut shift = gold.dependents[b0].iter().filter(|&&d| in_stack[d]).count() as u32;
    let h = gold.heads[b0];
    if b0 < state.n && h != NONE && h != s0 && in_stack[h] {
        shift += 1;
    }
    out[SHIFT] = shift;
    if s0 == NONE {
        return;
    }
    let h = gold.heads[s0];
    let left_base = s0_dependents_in_buffer + u32::from(h != b0 && (h == s1 || in_buffer(h)));
    let right_base = s0_dependents_in_buffer + u32::from(in_buffer(h));
    for label in 0..n_labels {
        let wrong = u32::from(label != gold.labels[s0] as usize);
        out[1 + 2 * label] = left_base + if h == b0 { wrong } else { 0 };
        out[2 + 2 * label] = right_base + if h == s1 { wrong } else { 0 };
    }
    let _ = root_label;
}

impl Parser {
    /// The relation labels, indexed as in the model.
    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    fn n_classes(&self) -> usize {
        1 + 2 * self.labels.len()
    }

    /// Parses a tagged sentence; `tags` holds one (UPOS, XPOS) pair per word.
    pub fn parse(&self, words: &[&str], tags: &[(&str, &str)]) -> Vec<Arc> {
        assert_eq!(words.len(), tags.len(), "one tag per word");
        let n = words.len();
        let sentence = Sentence::new(words, tags, &self.ambiguity);
        let mut state = State::new(n);
        let mut feats = Vec::with_capacity(128);
        let n_classes = self.n_classes();
        let mut scores = vec![0i32; n_classes];
        let root_label = usize::from(self.root_label);
        // The scores of `word_features` for each role and word (index n + 1: no word), filled
        // on first use.
        let anchors = n + 2;
        let mut word_scores = vec![0i32; ROLES.len() * anchors * n_classes];
        let mut scored = vec![false; ROLES.len() * anchors];
        let mut word_feats = Vec::with_capacity(16);
        while !state.is_terminal() {
            // Where only one move is valid (shift onto an empty stack; making the last word on
            // the stack the root), scoring could not change the choice.
            let forced = if state.stack.is_empty() {
                Some(SHIFT)
            } else if state.stack.len() == 1 && state.buffer == n {
                Some(1 + 2 * root_label)
            } else {
                None
            };
            let best = forced.unwrap_or_else(|| {
                features(&state, &sentence, &mut feats, false);
                self.model.score(&feats, &mut scores);
                for (r, role) in ROLES.into_iter().enumerate() {
                    let word = role.word(&state);
                    let slot = r * anchors + if word == NONE { n + 1 } else { word };
                    let cached = &mut word_scores[slot * n_classes..(slot + 1) * n_classes];
                    if !scored[slot] {
                        word_features(role, word, &state, &sentence, &mut word_feats);
                        self.model.score(&word_feats, cached);
                        scored[slot] = true;
                    }
                    scores.iter_mut().zip(cached.iter()).for_each(|(s, c)| *s += c);
                }
                argmax(&scores, |c| state.is_valid(c, root_label)).expect("a valid move")
            });
            state.apply(best);
        }
        (0..n)
            .map(|i| Arc {
                head: if state.heads[i] == n { 0 } else { state.heads[i] + 1 },
                deprel: self.labels[usize::from(state.labels[i])].clone(),
            })
            .collect()
    }

    /// Trains on `train`, whose UPOS/XPOS columns hold the tags the parser will see (ideally
    /// predicted ones), keeping the epoch with the best labelled score on `dev`; with
    /// `options.ensemble` > 1, sums the weights of that many parsers trained with successive
    /// seeds.
    pub fn train(
        train: &[TreebankSentence],
        dev: &[TreebankSentence],
        options: TrainOptions,
        log: &mut dyn FnMut(&str),
    ) -> Parser {
        train_ensemble(options, dev, log, |member, log| Parser::train_one(train, dev, member, log))
    }

    pub(crate) fn train_one(
        train: &[TreebankSentence],
        dev: &[TreebankSentence],
        options: TrainOptions,
        log: &mut dyn FnMut(&str),
    ) -> Parser {
        let mut labels: Vec<String> =
            train.iter().flat_map(|s| &s.words).map(|w| w.deprel.clone()).collect();
        labels.push("root".to_string());
        labels.sort();
        labels.dedup();
        let root_label = labels.iter().position(|l| l == "root").expect("pushed") as u16;
        let ambiguity = ambiguity_classes(train);
        let mut parser =
            Parser { root_label, ambiguity, model: Model::empty(1 + 2 * labels.len()), labels };
        let n_classes = parser.n_classes();
        let label_of = |l: &str| parser.labels.iter().position(|x| x == l).expect("seen") as u16;
        let examples: Vec<Example<'_>> = train
            .iter()
            .map(|s| {
                let n = s.words.len();
                let words = s.words.iter().map(|w| w.form.as_str()).collect();
                let tags = s.words.iter().map(|w| (w.upos.as_str(), w.xpos.as_str())).collect();
                let mut heads: Vec<usize> =
                    s.words.iter().map(|w| if w.head == 0 { n } else { w.head - 1 }).collect();
                heads.push(NONE);
                let mut labels: Vec<u16> = s.words.iter().map(|w| label_of(&w.deprel)).collect();
                labels.push(0);
                let mut dependents = vec![Vec::new(); n + 1];
                for (d, &h) in heads.iter().enumerate().take(n) {
                    dependents[h].push(d);
                }
                (words, tags, Gold { heads, labels, dependents })
            })
            .collect();
        let mut trainer = Trainer::new(n_classes);
        let mut rng = Rng::new(options.seed);
        let mut order: Vec<usize> = (0..examples.len()).collect();
        let mut feats = Vec::with_capacity(128);
        let mut scores = vec![0i32; n_classes];
        let mut cost = vec![0u32; n_classes];
        let mut best: Option<(f64, Model)> = None;
        for epoch in 0..options.epochs {
            rng.shuffle(&mut order);
            let (mut errors, mut moves) = (0usize, 0usize);
            for &e in &order {
                let (words, tags, gold) = &examples[e];
                let n = words.len();
                let sentence = Sentence::new(words, tags, &parser.ambiguity);
                let mut state = State::new(n);
                let mut in_stack = vec![false; n + 1];
                while !state.is_terminal() {
                    features(&state, &sentence, &mut feats, true);
                    trainer.tick();
                    trainer.score(&feats, &mut scores);
                    costs(&state, gold, &in_stack, usize::from(root_label), &mut cost);
                    let valid = |c: usize| state.is_valid(c, usize::from(root_label));
                    let predicted = argmax(&scores, valid).expect("a valid move");
                    let min_cost = (0..n_classes).filter(|&c| valid(c)).map(|c| cost[c]).min();
                    let min_cost = min_cost.expect("a valid move");
                    let best_gold =
                        argmax(&scores, |c| valid(c) && cost[c] == min_cost).expect("a move");
                    if cost[predicted] > min_cost {
                        trainer.update(&feats, best_gold, predicted);
                        errors += 1;
                    }
                    moves += 1;
                    // After the first epoch, follow the model's own choice most of the time so
                    // that training sees the configurations its mistakes lead to.
                    let next = if epoch > 0 && rng.unit() < 0.9 { predicted } else { best_gold };
                    if next == SHIFT {
                        in_stack[state.buffer] = true;
                    } else {
                        in_stack[state.stack_at(0)] = false;
                    }
                    state.apply(next);
                }
            }
            parser.model = trainer.average();
            let (uas, las) = parser.attachment_scores(dev);
            log(&format!(
                "parser epoch {}: train move errors {:.4}, dev UAS {uas:.4} LAS {las:.4}",
                epoch + 1,
                errors as f64 / moves.max(1) as f64
            ));
            if best.as_ref().is_none_or(|(b, _)| las > *b) {
                best = Some((las, parser.model.clone()));
            }
        }
        if let Some((_, model)) = best {
            parser.model = model;
        }
        parser
    }

    /// (UAS, LAS) on `sentences` using the tags in their UPOS/XPOS columns; labels compared
    /// without subtypes, as the CoNLL 2018 scorer does.
    pub fn attachment_scores(&self, sentences: &[TreebankSentence]) -> (f64, f64) {
        let (mut heads, mut labelled, mut total) = (0usize, 0usize, 0usize);
        for s in sentences {
            let words: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
            let tags: Vec<(&str, &str)> =
                s.words.iter().map(|w| (w.upos.as_str(), w.xpos.as_str())).collect();
            for (arc, gold) in self.parse(&words, &tags).iter().zip(&s.words) {
                let head_ok = arc.head == gold.head;
                heads += usize::from(head_ok);
                labelled +=
                    usize::from(head_ok && universal(&arc.deprel) == universal(&gold.deprel));
                total += 1;
            }
        }
        (heads as f64 / total.max(1) as f64, labelled as f64 / total.max(1) as f64)
    }

    /// A parser whose weights are the sum of this one's and `other`'s: an ensemble at the cost
    /// of one parser. Both must be trained on the same treebank (same labels and ambiguity
    /// classes).
    pub fn sum(&self, other: &Parser) -> Parser {
        assert_eq!(self.labels, other.labels, "parsers trained on the same treebank");
        Parser {
            labels: self.labels.clone(),
            root_label: self.root_label,
            ambiguity: self.ambiguity.clone(),
            model: self.model.sum(&other.model),
        }
    }

    /// The weights file, with the default pruning.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.to_bytes_pruned(DEFAULT_PRUNE)
    }

    /// The weights file without weights whose magnitude is below `prune`.
    pub fn to_bytes_pruned(&self, prune: f32) -> Vec<u8> {
        let mut writer = WeightsWriter::default();
        writer.u32(self.labels.len() as u32);
        for label in &self.labels {
            writer.str(label);
        }
        writer.u16(self.root_label);
        let mut ambiguity: Vec<(u64, u64)> = self.ambiguity.iter().map(|(&k, &v)| (k, v)).collect();
        ambiguity.sort_unstable();
        writer.u32(ambiguity.len() as u32);
        for (key, value) in ambiguity {
            writer.u64(key);
            writer.u64(value);
        }
        self.model.write(&mut writer, prune);
        writer.finish(MAGIC, FORMAT)
    }

    /// Loads a weights file written by [`Parser::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Parser, WeightsError> {
        let mut reader = WeightsReader::open(bytes, MAGIC, FORMAT, "parser")?;
        let n_labels = reader.count(4)?;
        if n_labels == 0 || n_labels > 128 {
            return Err(WeightsError::Malformed("bad number of relation labels"));
        }
        let mut labels = Vec::with_capacity(n_labels);
        for _ in 0..n_labels {
            labels.push(reader.str()?);
        }
        let root_label = reader.u16()?;
        if usize::from(root_label) >= n_labels {
            return Err(WeightsError::Malformed("the root label is out of range"));
        }
        let n_ambiguity = reader.count(16)?;
        let mut ambiguity = FeatureMap::default();
        for _ in 0..n_ambiguity {
            let key = reader.u64()?;
            ambiguity.insert(key, reader.u64()?);
        }
        let model = Model::read(&mut reader)?;
        if model.n_classes() != 1 + 2 * n_labels {
            return Err(WeightsError::Malformed("the model and the label list disagree"));
        }
        reader.finish()?;
        Ok(Parser { labels, root_label, ambiguity, model })
    }
}

/// Trains `options.ensemble` parsers, member k with seed `options.seed + k` (`train_member`
/// gets the member's options and a log), each on its own thread, and sums their weights. Logs
/// are printed, and weights summed, in seed order afterwards, so the result does not depend on
/// scheduling; after each member's lines comes the dev score of the sum so far.
pub(crate) fn train_ensemble(
    options: TrainOptions,
    dev: &[TreebankSentence],
    log: &mut dyn FnMut(&str),
    train_member: impl Fn(TrainOptions, &mut dyn FnMut(&str)) -> Parser + Sync,
) -> Parser {
    let train_member = &train_member;
    let members: Vec<(Parser, Vec<String>)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..options.ensemble.max(1) as u64)
            .map(|k| {
                scope.spawn(move || {
                    let seed = options.seed + k;
                    let mut lines = Vec::new();
                    let member = TrainOptions { seed, ensemble: 1, ..options };
                    let parser =
                        train_member(member, &mut |l| lines.push(format!("[seed {seed}] {l}")));
                    (parser, lines)
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().expect("training thread")).collect()
    });
    let mut members = members.into_iter();
    let (mut parser, lines) = members.next().expect("at least one member");
    lines.iter().for_each(|l| log(l));
    for (k, (other, lines)) in members.enumerate() {
        lines.iter().for_each(|l| log(l));
        parser = parser.sum(&other);
        let (uas, las) = parser.attachment_scores(dev);
        log(&format!("parser ensemble of {}: dev UAS {uas:.4} LAS {las:.4}", k + 2));
    }
    parser
}

/// For each word (lowercased) seen at least 3 times, a key of the set of tags it had at least
/// 5% of the time in `train`.
fn ambiguity_classes(train: &[TreebankSentence]) -> FeatureMap<u64> {
    let mut counts: std::collections::HashMap<u64, std::collections::BTreeMap<u64, usize>> =
        std::collections::HashMap::new();
    for w in train.iter().flat_map(|s| &s.words) {
        let tag = tag_key(&w.upos, &w.xpos);
        *counts.entry(hash_str(&normalize(&w.form))).or_default().entry(tag).or_default() += 1;
    }
    let mut classes = FeatureMap::default();
    for (word, by_tag) in counts {
        let total: usize = by_tag.values().sum();
        if total >= 3 {
            let tags: Vec<u64> =
                by_tag.iter().filter(|&(_, &n)| n * 20 >= total).map(|(&t, _)| t).collect();
            classes.insert(word, feature(3000, &tags));
        }
    }
    classes
}

/// A relation without its language-specific subtype (`nsubj:pass` → `nsubj`).
pub fn universal(deprel: &str) -> &str {
    deprel.split(':').next().unwrap_or(deprel)
}

#[cfg(test)]
mod tests {
    use super::super::conllu::read_conllu;
    use super::*;

    /// `parse` (cached word scores, forced moves unscored) decides as scoring every feature of
    /// every configuration does.
    #[test]
    fn cached_word_scores_change_no_decision() {
        let text = "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n2\tminister\tminister\tNOUN\tNN\t_\t3\tnsubj\t_\t_\n\
                    3\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n4\tenvoys\tenvoy\tNOUN\tNNS\t_\t3\tobj\t_\t_\n\
                    5\tfrom\tfrom\tADP\tIN\t_\t6\tcase\t_\t_\n6\tRome\tRome\tPROPN\tNNP\t_\t4\tnmod\t_\t_\n\
                    7\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n\
                    1\tTroops\ttroop\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n2\tattacked\tattack\tVERB\tVBD\t_\t0\troot\t_\t_\n\
                    3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_\n4\tcity\tcity\tNOUN\tNN\t_\t2\tobj\t_\t_\n";
        let sentences = read_conllu(text).unwrap();
        let options = TrainOptions { seed: 3, epochs: 3, ensemble: 1 };
        let parser = Parser::train(&sentences, &sentences, options, &mut |_| {});
        type Tagged<'a> = (&'a [&'a str], &'a [(&'a str, &'a str)]);
        let tagged: [Tagged<'_>; 3] = [
            (
                &["Troops", "met", "the", "minister"],
                &[("NOUN", "NNS"), ("VERB", "VBD"), ("DET", "DT"), ("NOUN", "NN")],
            ),
            (
                &["The", "city", "attacked", "envoys", "from", "Rome", "."],
                &[
                    ("DET", "DT"),
                    ("NOUN", "NN"),
                    ("VERB", "VBD"),
                    ("NOUN", "NNS"),
                    ("ADP", "IN"),
                    ("PROPN", "NNP"),
                    ("PUNCT", "."),
                ],
            ),
            (&["Rome"], &[("PROPN", "NNP")]),
        ];
        for (words, tags) in tagged {
            let sentence = Sentence::new(words, tags, &parser.ambiguity);
            let mut state = State::new(words.len());
            let (mut feats, mut scores) = (Vec::new(), vec![0; parser.n_classes()]);
            let root_label = usize::from(parser.root_label);
            while !state.is_terminal() {
                features(&state, &sentence, &mut feats, true);
                parser.model.score(&feats, &mut scores);
                state.apply(argmax(&scores, |c| state.is_valid(c, root_label)).unwrap());
            }
            let arcs = parser.parse(words, tags);
            let heads: Vec<usize> = arcs.iter().map(|a| a.head).collect();
            let expected: Vec<usize> = (0..words.len())
                .map(|i| if state.heads[i] == words.len() { 0 } else { state.heads[i] + 1 })
                .collect();
            assert_eq!(heads, expected, "{words:?}");
            for (arc, &label) in arcs.iter().zip(&state.labels) {
                assert_eq!(arc.deprel, parser.labels[usize::from(label)]);
            }
        }
    }

    /// Following the oracle's zero-cost moves rebuilds a projective gold tree exactly.
    #[test]
    fn the_oracle_rebuilds_projective_trees() {
        let text = "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n2\tminister\tminister\tNOUN\tNN\t_\t3\tnsubj\t_\t_\n\
                    3\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n4\tenvoys\tenvoy\tNOUN\tNNS\t_\t3\tobj\t_\t_\n\
                    5\tfrom\tfrom\tADP\tIN\t_\t6\tcase\t_\t_\n6\tRome\tRome\tPROPN\tNNP\t_\t4\tnmod\t_\t_\n\
                    7\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n";
        let sentence = &read_conllu(text).unwrap()[0];
        let labels: Vec<String> =
            ["case", "det", "nmod", "nsubj", "obj", "punct", "root"].map(String::from).to_vec();
        let n = sentence.words.len();
        let root_label = 6;
        let label_of = |l: &str| labels.iter().position(|x| x == l).unwrap() as u16;
        let mut heads: Vec<usize> =
            sentence.words.iter().map(|w| if w.head == 0 { n } else { w.head - 1 }).collect();
        heads.push(NONE);
        let mut gold_labels: Vec<u16> =
            sentence.words.iter().map(|w| label_of(&w.deprel)).collect();
        gold_labels.push(0);
        let mut dependents = vec![Vec::new(); n + 1];
        for (d, &h) in heads.iter().enumerate().take(n) {
            dependents[h].push(d);
        }
        let gold = Gold { heads: heads.clone(), labels: gold_labels.clone(), dependents };
        let mut state = State::new(n);
        let mut in_stack = vec![false; n + 1];
        let mut cost = vec![0u32; 1 + 2 * labels.len()];
        while !state.is_terminal() {
            costs(&state, &gold, &in_stack, root_label, &mut cost);
            let next = (0..cost.len())
                .find(|&c| state.is_valid(c, root_label) && cost[c] == 0)
                .expect("a zero-cost move");
            if next == SHIFT {
                in_stack[state.buffer] = true;
            } else {
                in_stack[state.stack_at(0)] = false;
            }
            state.apply(next);
        }
        assert_eq!(&state.heads[..n], &heads[..n]);
        assert_eq!(&state.labels[..n], &gold_labels[..n]);
    }
}
