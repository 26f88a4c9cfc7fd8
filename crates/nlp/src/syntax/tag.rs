//! The part-of-speech tagger: a greedy right-to-left averaged perceptron that predicts the
//! (UPOS, Penn XPOS) pair of each word at once.
//!
//! It reads a sentence from its last word to its first because English words are told apart by
//! what follows them more than by what precedes them ("to" before a verb, a determiner's noun):
//! on EWT dev a single tagger scores UPOS 0.9526 right to left and 0.9492 left to right.
//! Features are the word, its lowercase form, prefixes, suffixes and shape, the two words on each
//! side, and the two tags already predicted on the right. Public functions take and return
//! sentences in reading order; inside, `keys` and `tags` run in tagging order (last word first).
//! Frequent words the treebank always tags the same way skip the model (the tag dictionary).
//! The tagger also carries the [`Lemmatizer`] learned from the same treebank, so one weights
//! file serves both.
//! Tests: the unit tests below and `tests/syntax.rs` in this crate.

use super::conllu::TreebankSentence;
use super::hash::{FeatureMap, Rng, StrHasher, feature, hash_str};
use super::lemma::Lemmatizer;
use super::perceptron::{Model, Trainer, argmax};
use super::weights::{WeightsError, WeightsReader, WeightsWriter};

/// Weights smaller than this are left out of the file: they barely change any decision.
pub const DEFAULT_PRUNE: f32 = 0.05;

const MAGIC: &[u8; 8] = b"DYADTAGR";
/// Version 2: right-to-left tagging (version 1 weights were learned left to right).
const FORMAT: u32 = 2;

/// A (UPOS, XPOS) pair the tagger can predict.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct TagPair {
    /// Universal part of speech (`VERB`).
    pub upos: String,
    /// Penn Treebank tag (`VBD`).
    pub xpos: String,
}

/// The trained tagger and lemmatizer.
#[derive(Clone, Debug)]
pub struct Tagger {
    classes: Vec<TagPair>,
    tag_dictionary: FeatureMap<u16>,
    ambiguity: FeatureMap<u64>,
    model: Model,
    lemmatizer: Lemmatizer,
}

/// The per-word values the features are built from, computed once per sentence.
#[derive(Clone, Copy)]
struct WordKeys {
    raw: u64,
    lower: u64,
    prefixes: [u64; 3],
    suffixes: [u64; 4],
    shape: u64,
    ambiguity: u64,
}

const PAD_LEFT: u64 = 0x51;
const PAD_RIGHT: u64 = 0x52;
const NO_TAG: u64 = 0xffff;
const UNKNOWN_WORD: u64 = 0x554e4b;

/// The lowercase form with every digit replaced by `0`, so numbers share statistics.
pub fn normalize(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    normalize_into(word, &mut out);
    out
}

/// [`normalize`] into a reused buffer.
pub(crate) fn normalize_into(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.extend(
            word.bytes()
                .map(|b| if b.is_ascii_digit() { '0' } else { char::from(b.to_ascii_lowercase()) }),
        );
        return;
    }
    out.extend(
        word.chars().flat_map(char::to_lowercase).map(|c| if c.is_ascii_digit() { '0' } else { c }),
    );
}

/// The class of a character in a word's shape.
fn shape_class(c: char) -> char {
    if c.is_uppercase() {
        'X'
    } else if c.is_lowercase() {
        'x'
    } else if c.is_numeric() {
        'd'
    } else {
        c
    }
}

/// The word's shape with runs collapsed: `Obama` → `Xx`, `F-16` → `X-d`.
#[cfg(test)]
fn shape(word: &str) -> String {
    let mut out = String::new();
    let mut last = None;
    for c in word.chars() {
        let class = shape_class(c);
        if last != Some(class) {
            out.push(class);
            last = Some(class);
        }
        if out.len() > 8 {
            break;
        }
    }
    out
}

/// `hash_str(&shape(word))`, without building the shape.
fn shape_key(word: &str) -> u64 {
    let mut hash = StrHasher::default();
    let (mut last, mut len) = (None, 0);
    for c in word.chars() {
        let class = shape_class(c);
        if last != Some(class) {
            hash.push(class);
            len += class.len_utf8();
            last = Some(class);
        }
        if len > 8 {
            break;
        }
    }
    hash.finish()
}

/// The keys of `word`; `lower` is a scratch buffer.
fn word_keys(word: &str, ambiguity: &FeatureMap<u64>, lower: &mut String) -> WordKeys {
    normalize_into(word, lower);
    let lower = lower.as_str();
    // Byte offset of the k-th character (the end for k past it).
    let offset = |k: usize| lower.char_indices().nth(k).map_or(lower.len(), |(i, _)| i);
    let n_chars = lower.chars().count();
    let prefix = |k: usize| hash_str(&lower[..offset(k)]);
    let suffix = |k: usize| hash_str(&lower[offset(n_chars.saturating_sub(k))..]);
    let lower_key = hash_str(lower);
    WordKeys {
        raw: hash_str(word),
        lower: lower_key,
        ambiguity: ambiguity.get(&lower_key).copied().unwrap_or(UNKNOWN_WORD),
        prefixes: [prefix(1), prefix(2), prefix(3)],
        suffixes: [suffix(1), suffix(2), suffix(3), suffix(4)],
        shape: shape_key(word),
    }
}

/// The keys of a sentence given in reading order, in tagging order (last word first).
fn sentence_keys(words: &[&str], ambiguity: &FeatureMap<u64>) -> Vec<WordKeys> {
    let mut lower = String::new();
    words.iter().rev().map(|w| word_keys(w, ambiguity, &mut lower)).collect()
}

/// The feature keys of word `i` (in tagging order) given the tags predicted for the words
/// tagged before it: `i - 1` is the word after it in the sentence, `i + 1` the word before.
fn features(keys: &[WordKeys], i: usize, tags: &[u16], out: &mut Vec<u64>) {
    out.clear();
    let n = keys.len();
    let w = &keys[i];
    // A neighbour's key, or the padding beyond either end of the sentence.
    let key_at = |j: isize, key: fn(&WordKeys) -> u64| -> u64 {
        if j < 0 {
            PAD_LEFT
        } else if j as usize >= n {
            PAD_RIGHT
        } else {
            key(&keys[j as usize])
        }
    };
    let lower_at = |j: isize| key_at(j, |k| k.lower);
    let suffix_at = |j: isize| key_at(j, |k| k.suffixes[2]);
    let shape_at = |j: isize| key_at(j, |k| k.shape);
    let ambiguity_at = |j: isize| key_at(j, |k| k.ambiguity);
    let i = i as isize;
    let tag_at = |j: isize| if j < 0 { NO_TAG } else { u64::from(tags[j as usize]) };
    let (t1, t2) = (tag_at(i - 1), tag_at(i - 2));
    out.push(feature(0, &[]));
    out.push(feature(1, &[w.lower]));
    out.push(feature(2, &[w.raw]));
    for (k, &s) in w.suffixes.iter().enumerate() {
        out.push(feature(3 + k as u32, &[s]));
    }
    for (k, &p) in w.prefixes.iter().enumerate() {
        out.push(feature(7 + k as u32, &[p]));
    }
    out.push(feature(10, &[w.shape]));
    out.push(feature(11, &[lower_at(i - 1)]));
    out.push(feature(12, &[lower_at(i - 2)]));
    out.push(feature(13, &[lower_at(i + 1)]));
    out.push(feature(14, &[lower_at(i + 2)]));
    out.push(feature(15, &[suffix_at(i - 1)]));
    out.push(feature(16, &[suffix_at(i + 1)]));
    out.push(feature(17, &[t1]));
    out.push(feature(18, &[t2]));
    out.push(feature(19, &[t1, t2]));
    out.push(feature(20, &[t1, w.lower]));
    out.push(feature(21, &[lower_at(i - 1), w.lower]));
    out.push(feature(22, &[w.lower, lower_at(i + 1)]));
    out.push(feature(23, &[shape_at(i + 1)]));
    out.push(feature(24, &[shape_at(i - 1)]));
    out.push(feature(25, &[t1, w.suffixes[2]]));
    // The sentence's first word, whose capital says less about it being a name.
    out.push(feature(26, &[u64::from(i as usize + 1 == n), w.shape]));
    out.push(feature(27, &[lower_at(i - 1), lower_at(i + 1)]));
    out.push(feature(28, &[t1, lower_at(i + 1)]));
    out.push(feature(29, &[w.shape, shape_at(i + 1)]));
    out.push(feature(30, &[w.suffixes[1], lower_at(i + 1)]));
    out.push(feature(31, &[lower_at(i + 1), lower_at(i + 2)]));
    // Ambiguity classes (the tags a word had in training) stand in for the unknown tags on the
    // right.
    out.push(feature(32, &[w.ambiguity]));
    out.push(feature(33, &[ambiguity_at(i + 1)]));
    out.push(feature(34, &[ambiguity_at(i + 2)]));
    out.push(feature(35, &[t1, w.ambiguity]));
    out.push(feature(36, &[w.ambiguity, ambiguity_at(i + 1)]));
    out.push(feature(37, &[t1, w.ambiguity, ambiguity_at(i + 1)]));
    out.push(feature(38, &[w.suffixes[2], ambiguity_at(i + 1)]));
}

/// Training settings shared by the tagger and the parser.
#[derive(Clone, Copy, Debug)]
pub struct TrainOptions {
    /// Seed of the shuffling (and of the parser's exploration).
    pub seed: u64,
    /// Passes over the training data; the best pass on the dev set is kept.
    pub epochs: usize,
    /// Models trained with seeds `seed`, `seed + 1`, ... whose weights are summed.
    pub ensemble: usize,
}

impl Tagger {
    /// The class index of each pair in `classes`, by (upos, xpos).
    fn class_of(&self, upos: &str, xpos: &str) -> Option<u16> {
        self.classes.iter().position(|c| c.upos == upos && c.xpos == xpos).map(|c| c as u16)
    }

    /// The (UPOS, XPOS) pairs, indexed by class.
    pub fn classes(&self) -> &[TagPair] {
        &self.classes
    }

    /// The lemmatizer trained with this tagger.
    pub fn lemmatizer(&self) -> &Lemmatizer {
        &self.lemmatizer
    }

    /// The lemma of `form` tagged `xpos`: the lemmatizer, with the words this tagger saw in
    /// training as the vocabulary that picks between regular readings of an unseen word.
    pub fn lemmatize(&self, form: &str, xpos: &str) -> String {
        let mut scratch = String::new();
        self.lemmatizer.lemmatize_known(form, xpos, |word| {
            normalize_into(word, &mut scratch);
            self.ambiguity.contains_key(&hash_str(&scratch))
        })
    }

    /// Tags a sentence: one class index per word, in reading order (see [`Tagger::classes`]).
    pub fn tag(&self, words: &[&str]) -> Vec<u16> {
        let keys = sentence_keys(words, &self.ambiguity);
        let mut tags: Vec<u16> = Vec::with_capacity(words.len());
        let mut feats = Vec::with_capacity(40);
        let mut scores = vec![0i32; self.classes.len()];
        for i in 0..words.len() {
            if let Some(&class) = self.tag_dictionary.get(&keys[i].raw) {
                tags.push(class);
                continue;
            }
            features(&keys, i, &tags, &mut feats);
            self.model.score(&feats, &mut scores);
            tags.push(argmax(&scores, |_| true).unwrap_or(0) as u16);
        }
        tags.reverse();
        tags
    }

    /// Trains a tagger (and its lemmatizer) on `train`, keeping the epoch that tags `dev` best;
    /// with `options.ensemble` > 1, sums the weights of that many taggers trained with
    /// successive seeds. `log` receives one line per epoch.
    pub fn train(
        train: &[TreebankSentence],
        dev: &[TreebankSentence],
        options: TrainOptions,
        log: &mut dyn FnMut(&str),
    ) -> Tagger {
        let mut tagger = Tagger::train_one(train, dev, options, log);
        for k in 1..options.ensemble.max(1) {
            let seed = options.seed + k as u64;
            let other = Tagger::train_one(train, dev, TrainOptions { seed, ..options }, log);
            tagger.model = tagger.model.sum(&other.model);
            let (accuracy, upos) = tagger.accuracies(dev);
            log(&format!(
                "tagger ensemble of {}: dev UPOS {upos:.4} UPOS+XPOS {accuracy:.4}",
                k + 1
            ));
        }
        tagger
    }

    fn train_one(
        train: &[TreebankSentence],
        dev: &[TreebankSentence],
        options: TrainOptions,
        log: &mut dyn FnMut(&str),
    ) -> Tagger {
        let mut classes: Vec<TagPair> = train
            .iter()
            .flat_map(|s| &s.words)
            .map(|w| TagPair { upos: w.upos.clone(), xpos: w.xpos.clone() })
            .collect();
        classes.sort();
        classes.dedup();
        let mut tagger = Tagger {
            classes,
            tag_dictionary: FeatureMap::default(),
            ambiguity: FeatureMap::default(),
            model: Model::empty(1),
            lemmatizer: Lemmatizer::train(train),
        };
        tagger.model = Model::empty(tagger.classes.len());
        tagger.tag_dictionary = build_tag_dictionary(&tagger, train);
        tagger.ambiguity = build_ambiguity_classes(&tagger, train);
        // Words in reading order, tags in tagging order (last word first), as `features` sees
        // them.
        let gold: Vec<(Vec<&str>, Vec<u16>)> = train
            .iter()
            .map(|s| {
                let words = s.words.iter().map(|w| w.form.as_str()).collect();
                let tags = s
                    .words
                    .iter()
                    .rev()
                    .map(|w| tagger.class_of(&w.upos, &w.xpos).expect("class seen in training"))
                    .collect();
                (words, tags)
            })
            .collect();
        let mut trainer = Trainer::new(tagger.classes.len());
        let mut order: Vec<usize> = (0..gold.len()).collect();
        let mut rng = Rng::new(options.seed);
        let mut feats = Vec::with_capacity(40);
        let mut scores = vec![0i32; tagger.classes.len()];
        let mut best: Option<(f64, Model)> = None;
        for epoch in 0..options.epochs {
            rng.shuffle(&mut order);
            let (mut correct, mut total) = (0usize, 0usize);
            for &s in &order {
                let (words, gold_tags) = &gold[s];
                let keys = sentence_keys(words, &tagger.ambiguity);
                let mut tags: Vec<u16> = Vec::with_capacity(words.len());
                for i in 0..words.len() {
                    if let Some(&class) = tagger.tag_dictionary.get(&keys[i].raw) {
                        tags.push(class);
                        continue;
                    }
                    features(&keys, i, &tags, &mut feats);
                    trainer.tick();
                    trainer.score(&feats, &mut scores);
                    let guess = argmax(&scores, |_| true).unwrap_or(0);
                    trainer.update(&feats, gold_tags[i] as usize, guess);
                    correct += usize::from(guess == gold_tags[i] as usize);
                    total += 1;
                    tags.push(guess as u16);
                }
            }
            tagger.model = trainer.average();
            let (accuracy, upos) = tagger.accuracies(dev);
            log(&format!(
                "tagger epoch {}: train {:.4} (model-tagged words), dev UPOS {upos:.4} UPOS+XPOS {:.4}",
                epoch + 1,
                correct as f64 / total.max(1) as f64,
                accuracy
            ));
            if best.as_ref().is_none_or(|(b, _)| accuracy > *b) {
                best = Some((accuracy, tagger.model.clone()));
            }
        }
        if let Some((_, model)) = best {
            tagger.model = model;
        }
        tagger
    }

    /// The share of words of `sentences` whose (UPOS, XPOS) pair is right.
    pub fn accuracy(&self, sentences: &[TreebankSentence]) -> f64 {
        self.accuracies(sentences).0
    }

    /// The shares of words of `sentences` whose (UPOS, XPOS) pair, and whose UPOS, are right.
    pub fn accuracies(&self, sentences: &[TreebankSentence]) -> (f64, f64) {
        let (mut correct, mut upos, mut total) = (0usize, 0usize, 0usize);
        for s in sentences {
            let words: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
            for (w, &t) in s.words.iter().zip(&self.tag(&words)) {
                let pair = &self.classes[t as usize];
                correct += usize::from(pair.upos == w.upos && pair.xpos == w.xpos);
                upos += usize::from(pair.upos == w.upos);
                total += 1;
            }
        }
        (correct as f64 / total.max(1) as f64, upos as f64 / total.max(1) as f64)
    }

    /// The weights file, with the default pruning.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.to_bytes_pruned(DEFAULT_PRUNE)
    }

    /// The weights file without weights whose magnitude is below `prune`.
    pub fn to_bytes_pruned(&self, prune: f32) -> Vec<u8> {
        let mut writer = WeightsWriter::default();
        writer.u32(self.classes.len() as u32);
        for c in &self.classes {
            writer.str(&c.upos);
            writer.str(&c.xpos);
        }
        let mut dictionary: Vec<(u64, u16)> =
            self.tag_dictionary.iter().map(|(&k, &v)| (k, v)).collect();
        dictionary.sort_unstable();
        writer.u32(dictionary.len() as u32);
        for (key, class) in dictionary {
            writer.u64(key);
            writer.u16(class);
        }
        let mut ambiguity: Vec<(u64, u64)> = self.ambiguity.iter().map(|(&k, &v)| (k, v)).collect();
        ambiguity.sort_unstable();
        writer.u32(ambiguity.len() as u32);
        for (key, value) in ambiguity {
            writer.u64(key);
            writer.u64(value);
        }
        self.model.write(&mut writer, prune);
        self.lemmatizer.write(&mut writer);
        writer.finish(MAGIC, FORMAT)
    }

    /// Loads a weights file written by [`Tagger::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, WeightsError> {
        let mut reader = WeightsReader::open(bytes, MAGIC, FORMAT, "tagger")?;
        let n_classes = reader.count(8)?;
        let mut classes = Vec::with_capacity(n_classes);
        for _ in 0..n_classes {
            classes.push(TagPair { upos: reader.str()?, xpos: reader.str()? });
        }
        let n_dictionary = reader.count(10)?;
        let mut tag_dictionary = FeatureMap::default();
        for _ in 0..n_dictionary {
            let key = reader.u64()?;
            let class = reader.u16()?;
            if usize::from(class) >= n_classes {
                return Err(WeightsError::Malformed("a tag dictionary entry names no class"));
            }
            tag_dictionary.insert(key, class);
        }
        let n_ambiguity = reader.count(16)?;
        let mut ambiguity = FeatureMap::default();
        for _ in 0..n_ambiguity {
            let key = reader.u64()?;
            ambiguity.insert(key, reader.u64()?);
        }
        let model = Model::read(&mut reader)?;
        if model.n_classes() != n_classes {
            return Err(WeightsError::Malformed("the model and the tag list disagree"));
        }
        let lemmatizer = Lemmatizer::read(&mut reader)?;
        reader.finish()?;
        Ok(Tagger { classes, tag_dictionary, ambiguity, model, lemmatizer })
    }
}

/// Words seen at least 20 times with one tag pair at least 99.5% of the time.
fn build_tag_dictionary(tagger: &Tagger, train: &[TreebankSentence]) -> FeatureMap<u16> {
    let mut counts: std::collections::HashMap<&str, std::collections::HashMap<u16, usize>> =
        std::collections::HashMap::new();
    for w in train.iter().flat_map(|s| &s.words) {
        let class = tagger.class_of(&w.upos, &w.xpos).expect("class seen in training");
        *counts.entry(w.form.as_str()).or_default().entry(class).or_default() += 1;
    }
    let mut dictionary = FeatureMap::default();
    for (word, by_class) in counts {
        let total: usize = by_class.values().sum();
        let (&class, &count) =
            by_class.iter().max_by_key(|&(&c, &n)| (n, std::cmp::Reverse(c))).expect("non-empty");
        if total >= 20 && count as f64 / total as f64 >= 0.995 {
            dictionary.insert(hash_str(word), class);
        }
    }
    dictionary
}

/// For each word (lowercased) seen at least 3 times, a key of the set of tags it had at least
/// 5% of the time. Rarer words get none, so the feature behaves on training text as on new text.
fn build_ambiguity_classes(tagger: &Tagger, train: &[TreebankSentence]) -> FeatureMap<u64> {
    let mut counts: std::collections::HashMap<u64, std::collections::BTreeMap<u16, usize>> =
        std::collections::HashMap::new();
    for w in train.iter().flat_map(|s| &s.words) {
        let class = tagger.class_of(&w.upos, &w.xpos).expect("class seen in training");
        *counts.entry(hash_str(&normalize(&w.form))).or_default().entry(class).or_default() += 1;
    }
    let mut classes = FeatureMap::default();
    for (word, by_class) in counts {
        let total: usize = by_class.values().sum();
        if total < 3 {
            continue;
        }
        let tags: Vec<u64> = by_class
            .iter()
            .filter(|&(_, &n)| n * 20 >= total)
            .map(|(&c, _)| u64::from(c))
            .collect();
        classes.insert(word, feature(3000, &tags));
    }
    classes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_collapse_runs() {
        assert_eq!(shape("Obama"), "Xx");
        assert_eq!(shape("F-16"), "X-d");
        for word in ["Obama", "F-16", "über-Straße", "a—b—c—d—e—f", "ÆØÅ123", "", "x1y2z3w4v5u6"]
        {
            assert_eq!(shape_key(word), hash_str(&shape(word)), "{word}");
        }
        assert_eq!(normalize("Year2020"), "year0000");
    }
}
