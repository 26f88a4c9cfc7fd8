//! A learned sentence-boundary classifier over the gaps between tokens of a paragraph.
//!
//! The punctuation rules of `segment.rs` get sentences that end in `.`, `!` or `?` right; web
//! text (UD English EWT) also ends many sentences with no punctuation at all (`Thanks, Sean ||
//! Here you go`). Averaged perceptrons over hashed features of each gap (the words either
//! side, their shapes, what the rules decided there, how long the sentence has run) learn those
//! from the treebank; the classifier is their average.
//!
//! The weights are trained by `cargo run --release -p dyad-nlp --example train_boundary` on
//! UD English EWT train (CC BY-SA 4.0; see `data/README.md`) and embedded in the binary. With
//! an empty weights file the segmenter falls back to the rules alone.

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::gold::GoldDocument;
use crate::segment::{Scratch, SegmentOptions, paragraphs};
use crate::tokenize::tokenize_into;

/// Hash-table size of the weights, as a power of two.
const BITS: u32 = 18;
const MASK: u64 = (1 << BITS) - 1;
const MAGIC: &[u8; 8] = b"DYADSB3\n";

/// What the segmenter knows about one token when it classifies gaps.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct TokenInfo {
    /// Hash of the lower-cased token (0 only in a default, undescribed token).
    pub word: u64,
    /// Hash of the token's shape (`Xx`, `d`, `.`).
    pub shape: u64,
    /// The rules' terminal kind of the token (0 when it is not a terminal).
    pub kind: u8,
    /// True when the rules end a sentence after this token.
    pub rule_end: bool,
    /// True when white space follows the token.
    pub space_after: bool,
}

impl TokenInfo {
    /// Describes `token` (its text) for the classifier.
    pub fn new(token: &str, kind: u8, rule_end: bool, space_after: bool) -> TokenInfo {
        // `word` is never 0, which marks a token not described yet.
        let word = word_hash(token).max(1);
        TokenInfo { word, shape: shape_hash(token), kind, rule_end, space_after }
    }
}

/// A set of words (their [`word_hash`]) as a small bit set: a word in the set is always found,
/// a word outside it is found by mistake about as often as the set fills the bits (a few per
/// cent), which only costs a classifier call.
#[derive(Clone, Debug, Default)]
pub(crate) struct WordSet {
    bits: Vec<u64>,
    /// The hashes, sorted, for the weights file.
    words: Vec<u64>,
}

/// The bit set has 2^16 bits (8 KB), small enough to stay in the fastest cache.
const WORD_SET_BITS: u32 = 16;

impl WordSet {
    fn from_words(mut words: Vec<u64>) -> WordSet {
        words.sort_unstable();
        words.dedup();
        let mut bits = vec![0u64; 1 << (WORD_SET_BITS - 6)];
        for &w in &words {
            let at = (w >> (64 - WORD_SET_BITS)) as usize;
            bits[at >> 6] |= 1 << (at & 63);
        }
        WordSet { bits, words }
    }

    /// Whether `token` (compared lower-cased) is in the set, or collides with a word that is.
    pub fn contains(&self, token: &str) -> bool {
        let at = (word_hash(token).max(1) >> (64 - WORD_SET_BITS)) as usize;
        self.bits.get(at >> 6).is_some_and(|b| b >> (at & 63) & 1 == 1)
    }

    fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&(self.words.len() as u32).to_le_bytes());
        for word in &self.words {
            out.extend_from_slice(&word.to_le_bytes());
        }
    }

    /// Reads what [`WordSet::write`] wrote; returns the set and the rest of the bytes.
    fn read(bytes: &[u8]) -> Option<(WordSet, &[u8])> {
        let (count, mut rest) = bytes.split_first_chunk::<4>()?;
        let mut words = Vec::new();
        for _ in 0..u32::from_le_bytes(*count) {
            let (word, more) = rest.split_first_chunk::<8>()?;
            words.push(u64::from_le_bytes(*word));
            rest = more;
        }
        Some((WordSet::from_words(words), rest))
    }
}

/// The words that open a sentence after a treebank boundary that no punctuation marks (`Here`,
/// `Please`, `Thanks`). Between a lower-case word and a capitalised one, the classifier is asked
/// only before one of them: news text is full of capitalised names after lower-case words
/// (`said Smith`), and on EWT dev the gate costs no boundary (ARCHITECTURE.md).
#[derive(Clone, Debug, Default)]
pub(crate) struct Gate {
    /// Words that opened a sentence after an unpunctuated boundary.
    pub openers: WordSet,
}

fn mix(h: u64, x: u64) -> u64 {
    (h.rotate_left(5) ^ x).wrapping_mul(0x517c_c1b7_2722_0a95)
}

/// Hash of the lower-cased first 24 bytes, eight bytes per multiplication.
#[inline]
fn word_hash(token: &str) -> u64 {
    let bytes = &token.as_bytes()[..token.len().min(24)];
    let mut h = 0xcbf2_9ce4_8422_2325 ^ bytes.len() as u64;
    for chunk in bytes.chunks(8) {
        h = mix(h, ascii_lowercase_lanes(load_padded(chunk)));
    }
    h
}

/// Up to eight bytes as one number, zero-padded (lane `k` holds byte `k`), without the call
/// to `memcpy` that copying a slice of unknown length costs: two overlapping loads, whose
/// shared bytes agree.
#[inline]
fn load_padded(chunk: &[u8]) -> u64 {
    let n = chunk.len();
    if let Ok(eight) = <[u8; 8]>::try_from(chunk) {
        return u64::from_le_bytes(eight);
    }
    if n >= 4 {
        let low = u32::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]);
        let high = u32::from_le_bytes([chunk[n - 4], chunk[n - 3], chunk[n - 2], chunk[n - 1]]);
        return u64::from(low) | (u64::from(high) << (8 * (n - 4)));
    }
    if n == 0 {
        return 0;
    }
    // One to three bytes: the first, the middle and the last cover them all.
    u64::from(chunk[0])
        | (u64::from(chunk[n / 2]) << (8 * (n / 2)))
        | (u64::from(chunk[n - 1]) << (8 * (n - 1)))
}

/// `x` with every byte `A`..`Z` lower-cased, eight bytes at once (as `to_ascii_lowercase`
/// byte by byte).
#[inline]
fn ascii_lowercase_lanes(x: u64) -> u64 {
    const LANES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = LANES << 7;
    let low7 = x & !HIGH;
    // High bit of each lane whose 7-bit value is at least `n` (no lane borrows from the next).
    let at_least = |n: u8| ((low7 | HIGH) - LANES * u64::from(n)) & HIGH;
    let upper = at_least(b'A') & !at_least(b'Z' + 1) & !(x & HIGH);
    x | (upper >> 2)
}

/// Byte classes of [`shape_hash`]: `X` capital, `x` small, `d` digit, `a` non-ASCII, other
/// bytes as themselves.
const SHAPE_CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        table[c] = match b {
            b'A'..=b'Z' => b'X',
            b'a'..=b'z' => b'x',
            b'0'..=b'9' => b'd',
            0x80.. => b'a',
            _ => b,
        };
        c += 1;
    }
    table
};

/// The token's shape: byte classes ([`SHAPE_CLASS`]) with runs collapsed, at most five of them.
#[inline]
fn shape_hash(token: &str) -> u64 {
    let mut h = 0x9e37_79b9_7f4a_7c15;
    let mut last = 0u8;
    let mut n = 0;
    // No early exit and no branch on the byte classes: tokens are short, and a mispredicted
    // branch costs more than mixing every byte's class (only the first five runs count).
    for &c in token.as_bytes().iter().take(24) {
        let class = SHAPE_CLASS[usize::from(c)];
        let counts = u64::from(class != last && n < 5);
        // All ones when the class counts, else zero: `h` takes the mixed value or keeps its own.
        let keep = counts.wrapping_neg();
        h ^= (mix(h, u64::from(class)) ^ h) & keep;
        n += u32::from(class != last);
        last = class;
    }
    h
}

/// The features of the gap after token `k` of `tokens` (which has a token `k + 1`), in the
/// sentence that starts at token `start`.
pub(crate) fn gap_features(
    tokens: &[TokenInfo],
    k: usize,
    start: usize,
    out: &mut [u64; FEATURES],
) {
    let p = &tokens[k];
    let n = &tokens[k + 1];
    let p2 =
        if k > 0 { tokens[k - 1] } else { TokenInfo { word: 1, shape: 1, ..TokenInfo::default() } };
    let n2 = tokens.get(k + 2).copied().unwrap_or(TokenInfo {
        word: 2,
        shape: 2,
        ..TokenInfo::default()
    });
    let n3 = tokens.get(k + 3).copied().unwrap_or(TokenInfo {
        word: 2,
        shape: 2,
        ..TokenInfo::default()
    });
    let rule = u64::from(p.kind) * 4 + u64::from(p.rule_end) * 2 + u64::from(p.space_after);
    // How far the sentence has run: a greeting (`Greg,`) or a closing (`Thanks,`) is short.
    let length = match k + 1 - start {
        length @ 0..=3 => length as u64,
        4..=6 => 4,
        _ => 5,
    };
    let templates = [
        0,
        mix(1, rule),
        mix(2, p.word),
        mix(3, n.word),
        mix(mix(4, p.word), n.word),
        mix(5, p.shape),
        mix(6, n.shape),
        mix(mix(7, p.shape), n.shape),
        mix(mix(8, p2.word), p.word),
        mix(mix(9, n.word), n2.shape),
        mix(mix(10, p.shape), n.word),
        mix(mix(11, p.word), n.shape),
        mix(mix(12, rule), n.shape),
        mix(mix(13, rule), p.word),
        mix(mix(14, p2.shape), mix(p.shape, n.shape)),
        mix(mix(15, rule), n.word),
        mix(mix(16, n2.shape), n3.shape),
        mix(mix(17, n3.word), n2.shape),
        mix(mix(18, length), mix(p.word, n.shape)),
        mix(mix(19, length), mix(p.shape, n.shape)),
    ];
    for (slot, t) in out.iter_mut().zip(templates) {
        *slot = mix(t, 0x2545_f491_4f6c_dd1d) & MASK;
    }
}

/// Number of features per gap.
pub(crate) const FEATURES: usize = 20;

/// Perceptron weights, indexed by hashed feature, and the score needed where no punctuation
/// marks an end.
#[derive(Clone, Debug)]
pub struct BoundaryModel {
    weights: Vec<f32>,
    /// Where the classifier is asked about unpunctuated gaps.
    gate: Gate,
    /// The weights times `scale`, rounded: half the memory of `weights`, so that the table
    /// the segmenter reads at random stays in the processor's cache.
    quantized: Vec<i16>,
    /// How many units of `quantized` make a unit of score.
    scale: f32,
    /// The score the classifier needs to end a sentence where the rules see no terminal
    /// punctuation (elsewhere it needs more than 0), chosen on EWT dev by the training
    /// example. It also keeps the classifier from splitting punctuated news text at numbers
    /// and names.
    unpunctuated_margin: f32,
}

impl BoundaryModel {
    /// The model embedded in the binary, or `None` when it was built without weights.
    pub fn embedded() -> Option<&'static BoundaryModel> {
        static MODEL: OnceLock<Option<BoundaryModel>> = OnceLock::new();
        MODEL
            .get_or_init(|| BoundaryModel::from_bytes(include_bytes!("../data/boundary.bin")))
            .as_ref()
    }

    fn new(weights: Vec<f32>, unpunctuated_margin: f32, gate: Gate) -> BoundaryModel {
        let largest = weights.iter().fold(0.0f32, |m, w| m.max(w.abs()));
        // A gap's score sums 16 weights: the sum of quantized weights fits an i32 easily.
        let scale = if largest > 0.0 { f32::from(i16::MAX) / largest } else { 1.0 };
        let quantized = weights.iter().map(|&w| (w * scale).round() as i16).collect();
        BoundaryModel { weights, gate, quantized, scale, unpunctuated_margin }
    }

    /// Reads the weights file format written by [`BoundaryModel::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Option<BoundaryModel> {
        let body = bytes.strip_prefix(MAGIC)?;
        let (margin, body) = body.split_first_chunk::<4>()?;
        let unpunctuated_margin = f32::from_le_bytes(*margin);
        let (openers, body) = WordSet::read(body)?;
        let gate = Gate { openers };
        let mut weights = vec![0.0f32; 1 << BITS];
        for pair in body.chunks_exact(8) {
            let index = u32::from_le_bytes([pair[0], pair[1], pair[2], pair[3]]) as usize;
            let weight = f32::from_le_bytes([pair[4], pair[5], pair[6], pair[7]]);
            *weights.get_mut(index)? = weight;
        }
        Some(BoundaryModel::new(weights, unpunctuated_margin, gate))
    }

    /// The weights file: a magic line, the margin (f32), the gate's openers (a u32 count and
    /// u64 word hashes), then (index u32, weight f32) pairs for the non-zero
    /// weights; numbers little-endian.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.extend_from_slice(&self.unpunctuated_margin.to_le_bytes());
        self.gate.openers.write(&mut out);
        for (index, &weight) in self.weights.iter().enumerate() {
            if weight != 0.0 {
                out.extend_from_slice(&(index as u32).to_le_bytes());
                out.extend_from_slice(&weight.to_le_bytes());
            }
        }
        out
    }

    /// The score of a gap; positive means a sentence boundary.
    pub(crate) fn score(&self, features: &[u64; FEATURES]) -> f32 {
        let units: i32 = features.iter().map(|&f| i32::from(self.quantized[f as usize])).sum();
        units as f32 / self.scale
    }

    /// Where the classifier is asked about unpunctuated gaps.
    pub(crate) fn gate(&self) -> &Gate {
        &self.gate
    }

    /// The score needed to end a sentence where no punctuation marks the end.
    pub fn unpunctuated_margin(&self) -> f32 {
        self.unpunctuated_margin
    }

    /// Sets the score needed to end a sentence where no punctuation marks the end.
    pub fn set_unpunctuated_margin(&mut self, margin: f32) {
        self.unpunctuated_margin = margin;
    }
}

/// The margin of a newly trained model, until one is chosen on development data.
const DEFAULT_MARGIN: f32 = 3.0;

/// One training example: a gap's features and whether a sentence ends there.
pub(crate) type Example = ([u64; FEATURES], bool);

/// How many perceptrons the classifier averages. One perceptron's errors depend much on the
/// order it saw the examples in: on EWT train+dev cross-validation a single one scored 0.0015
/// less, and its splits of news text moved by hundreds of boundaries from one order to the
/// next. Their average is one linear model again, as fast to apply.
const ENSEMBLE: u64 = 8;

/// Trains [`ENSEMBLE`] averaged perceptrons on gap examples, `epochs` passes each in its own
/// fixed shuffled order, and averages their weights.
pub(crate) fn train(examples: &[Example], epochs: usize, gate: Gate) -> BoundaryModel {
    let mut sum = vec![0.0f32; 1 << BITS];
    for member in 0..ENSEMBLE {
        let seed = 0x853c_49e6_748f_ea9b ^ member.wrapping_mul(0x9e37_79b9);
        let weights = train_perceptron(examples, epochs, seed);
        for (total, weight) in sum.iter_mut().zip(weights) {
            *total += weight / ENSEMBLE as f32;
        }
    }
    BoundaryModel::new(sum, DEFAULT_MARGIN, gate)
}

/// One averaged perceptron's weights, the examples shuffled by a xorshift generator from `seed`.
fn train_perceptron(examples: &[Example], epochs: usize, seed: u64) -> Vec<f32> {
    let size = 1usize << BITS;
    let mut weights = vec![0.0f32; size];
    // Sum of updates weighted by the step they happened at, for averaging.
    let mut stamped = vec![0.0f64; size];
    let mut step = 1.0f64;
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut seed = seed;
    for _ in 0..epochs {
        // Fisher-Yates with a fixed xorshift generator: the same weights on every run.
        for i in (1..order.len()).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            order.swap(i, (seed % (i as u64 + 1)) as usize);
        }
        for &i in &order {
            let (features, label) = &examples[i];
            let score: f32 = features.iter().map(|&f| weights[f as usize]).sum();
            if (score > 0.0) != *label {
                let delta = if *label { 1.0 } else { -1.0 };
                for &f in features {
                    weights[f as usize] += delta;
                    stamped[f as usize] += step * f64::from(delta);
                }
            }
            step += 1.0;
        }
    }
    // Averaged weights: w - (sum of step-stamped updates) / steps.
    weights.iter().zip(&stamped).map(|(&w, &s)| (f64::from(w) - s / step) as f32).collect()
}

/// Trains the boundary classifier on treebank documents (tokenized by dyad, labelled by the
/// gold sentence ends), `epochs` passes.
pub fn train_boundary_model(
    documents: &[GoldDocument],
    options: SegmentOptions,
    epochs: usize,
) -> BoundaryModel {
    let mut examples = Vec::new();
    let mut scratch = Scratch::default();
    let gate = learn_gate(documents, options);
    for document in documents {
        let text = &document.text;
        let gold_ends: HashSet<usize> = document.sentences.iter().map(|s| s.end).collect();
        for paragraph in paragraphs(text, 0) {
            scratch.tokens.clear();
            tokenize_into(text, paragraph, options.hyphens, &mut scratch.tokens);
            scratch.examples(text, &gold_ends, &gate, &mut examples);
        }
    }
    train(&examples, epochs, gate)
}

/// The gate's words: the token after every gold boundary inside a paragraph that no full stop,
/// question or exclamation mark ends.
fn learn_gate(documents: &[GoldDocument], options: SegmentOptions) -> Gate {
    let mut openers = Vec::new();
    let mut tokens = Vec::new();
    for document in documents {
        let text = &document.text;
        let gold_ends: HashSet<usize> = document.sentences.iter().map(|s| s.end).collect();
        for paragraph in paragraphs(text, 0) {
            tokens.clear();
            tokenize_into(text, paragraph, options.hyphens, &mut tokens);
            for pair in tokens.windows(2) {
                let last = pair[0].text(text);
                let punctuated = last.ends_with(['.', '!', '?']);
                if gold_ends.contains(&pair[0].end) && !punctuated {
                    openers.push(word_hash(pair[1].text(text)).max(1));
                }
            }
        }
    }
    Gate { openers: WordSet::from_words(openers) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lane_lower_casing_is_byte_lower_casing() {
        for b in 0..=255u8 {
            for lane in 0..8 {
                let mut bytes = [b'Q'; 8];
                bytes[lane] = b;
                let want = bytes.map(|c| c.to_ascii_lowercase());
                let got = ascii_lowercase_lanes(u64::from_le_bytes(bytes)).to_le_bytes();
                assert_eq!(got, want);
            }
        }
    }

    #[test]
    fn padded_loads_are_zero_padded_bytes() {
        let bytes: Vec<u8> = (1..=8).collect();
        for n in 0..=8 {
            let mut want = [0u8; 8];
            want[..n].copy_from_slice(&bytes[..n]);
            assert_eq!(load_padded(&bytes[..n]), u64::from_le_bytes(want), "{n} bytes");
        }
    }

    #[test]
    fn shapes_collapse_runs_and_stop_after_five() {
        assert_eq!(shape_hash("Hello"), shape_hash("Wo"));
        assert_ne!(shape_hash("Hello"), shape_hash("hello"));
        // Five runs (X x d x .), then anything: the sixth run is not part of the shape.
        assert_eq!(shape_hash("Ab1c.X"), shape_hash("Ab1c.9"));
        assert_ne!(shape_hash("Ab1c"), shape_hash("Ab1c."));
        assert_eq!(word_hash("Hello"), word_hash("hELLO"));
    }
}
