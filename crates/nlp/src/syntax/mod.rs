//! Tagging, lemmatizing and dependency parsing, with our own models trained on UD English EWT.
//!
//! [`Tagger`] (UPOS + Penn XPOS, greedy right-to-left averaged perceptron, carrying the
//! [`Lemmatizer`]) and [`Parser`] (greedy arc-hybrid, averaged perceptron, dynamic oracle, a sum
//! of members) load from compact weights files ([`weights`]); [`Analyzer::analyze`] runs both
//! over a tokenized sentence. Everything here takes bytes and strings: reading treebanks and
//! weights files is the caller's job.
//! `train` holds the recipes behind `dyad train`; `eval` the scores behind `dyad eval parse`.

pub mod conllu;
pub mod eval;
mod hash;
pub mod irregular;
pub mod lemma;
mod pages;
pub mod parse;
mod perceptron;
pub mod tag;
pub mod train;
pub mod weights;

use std::sync::OnceLock;

pub use conllu::{ConlluError, TreebankSentence, TreebankWord, read_conllu};
pub use lemma::Lemmatizer;
pub use parse::{Arc, Parser};
pub use tag::{TagPair, Tagger, TrainOptions};
pub use weights::WeightsError;

/// One analysed word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    /// The word as written.
    pub form: String,
    /// Universal part of speech (`VERB`).
    pub upos: String,
    /// Penn Treebank tag (`VBD`).
    pub xpos: String,
    /// Dictionary form (`meet` for `met`).
    pub lemma: String,
    /// Head word, 1-based; 0 when this word is the root.
    pub head: usize,
    /// Universal dependency relation to the head, with subtype (`nsubj:pass`).
    pub deprel: String,
}

/// A tagger and a parser used together.
#[derive(Clone, Copy, Debug)]
pub struct Analyzer<'a> {
    /// Tags and lemmas.
    pub tagger: &'a Tagger,
    /// Dependency trees.
    pub parser: &'a Parser,
}

/// Tags, lemmatizes and parses one sentence with the embedded models; `None` when this build
/// has no embedded weights.
pub fn analyze(tokens: &[&str]) -> Option<Vec<Word>> {
    Some(Analyzer::embedded()?.analyze(tokens))
}

#[cfg(embedded_weights)]
static TAGGER_WEIGHTS: Option<&[u8]> = Some(include_bytes!("../../weights/tagger.bin"));
#[cfg(embedded_weights)]
static PARSER_WEIGHTS: Option<&[u8]> = Some(include_bytes!("../../weights/parser.bin"));
#[cfg(not(embedded_weights))]
static TAGGER_WEIGHTS: Option<&[u8]> = None;
#[cfg(not(embedded_weights))]
static PARSER_WEIGHTS: Option<&[u8]> = None;

impl Tagger {
    /// The tagger trained on UD English EWT that is built into dyad (loaded once, on first
    /// use); `None` when the build found no weights in `crates/nlp/weights/`.
    pub fn embedded() -> Option<&'static Tagger> {
        static TAGGER: OnceLock<Option<Tagger>> = OnceLock::new();
        // The bytes are part of the binary and checked by this crate's tests: failing to load
        // them is a broken build, not a runtime condition.
        TAGGER
            .get_or_init(|| {
                TAGGER_WEIGHTS.map(|b| Tagger::from_bytes(b).expect("embedded tagger weights"))
            })
            .as_ref()
    }

    /// The size in bytes of the embedded weights file (0 when there is none).
    pub fn embedded_size() -> usize {
        TAGGER_WEIGHTS.map_or(0, <[u8]>::len)
    }
}

impl Parser {
    /// The parser trained on UD English EWT that is built into dyad (loaded once, on first
    /// use); `None` when the build found no weights in `crates/nlp/weights/`.
    pub fn embedded() -> Option<&'static Parser> {
        static PARSER: OnceLock<Option<Parser>> = OnceLock::new();
        PARSER
            .get_or_init(|| {
                PARSER_WEIGHTS.map(|b| Parser::from_bytes(b).expect("embedded parser weights"))
            })
            .as_ref()
    }

    /// The size in bytes of the embedded weights file (0 when there is none).
    pub fn embedded_size() -> usize {
        PARSER_WEIGHTS.map_or(0, <[u8]>::len)
    }
}

impl Analyzer<'static> {
    /// The embedded tagger and parser, when this build has them.
    pub fn embedded() -> Option<Analyzer<'static>> {
        Some(Analyzer { tagger: Tagger::embedded()?, parser: Parser::embedded()? })
    }
}

/// The most words after a sentence's last comma (the comma and the full stop included) that
/// [`past_tense_in_disguise`] reads as an attribution clause ("..., the army said.").
const ATTRIBUTION_WORDS: usize = 8;

/// In a sentence with no finite verb (but in a short attribution clause after its last comma:
/// "..., officials said."), the first participle (VBN) right after a noun or pronoun and
/// before another word: most likely a past tense the tagger read as a participle ("Israeli
/// jets bombed targets in Gaza", where the right-to-left tagger sees "bombed targets" as a
/// modifier). On EWT dev, retagging it moves UAS 0.8580 -> 0.8586 and XPOS 0.9466 -> 0.9468
/// (the attribution clause changes nothing there); fragments with a real participle ("Photos
/// taken in 2005") are rarer than that.
fn past_tense_in_disguise(xpos: &[&str]) -> Option<usize> {
    // A short clause after the last comma ("..., officials said.") is an attribution: its
    // verb does not make the sentence before it a clause.
    let attribution = xpos
        .iter()
        .rposition(|t| *t == ",")
        .filter(|&comma| xpos.len() - comma <= ATTRIBUTION_WORDS)
        .unwrap_or(xpos.len());
    if xpos[..attribution].iter().any(|t| matches!(*t, "VBD" | "VBZ" | "VBP" | "MD")) {
        return None;
    }
    (1..xpos.len().saturating_sub(1))
        .find(|&i| xpos[i] == "VBN" && matches!(xpos[i - 1], "NN" | "NNS" | "NNP" | "NNPS" | "PRP"))
}

impl Analyzer<'_> {
    /// Retags as a past tense (VERB VBD) the participle [`past_tense_in_disguise`] finds.
    fn give_a_finite_verb(&self, classes: &mut [u16]) {
        let pairs = self.tagger.classes();
        let xpos: Vec<&str> =
            classes.iter().map(|&c| pairs[usize::from(c)].xpos.as_str()).collect();
        let past = pairs.iter().position(|p| p.upos == "VERB" && p.xpos == "VBD");
        if let (Some(at), Some(past)) = (past_tense_in_disguise(&xpos), past) {
            classes[at] = past as u16;
        }
    }

    /// Tags, lemmatizes and parses one sentence given as its tokens.
    pub fn analyze(&self, tokens: &[&str]) -> Vec<Word> {
        if tokens.is_empty() {
            return Vec::new();
        }
        let mut classes = self.tagger.tag(tokens);
        self.give_a_finite_verb(&mut classes);
        let pairs: Vec<&TagPair> =
            classes.iter().map(|&c| &self.tagger.classes()[usize::from(c)]).collect();
        let tags: Vec<(&str, &str)> =
            pairs.iter().map(|p| (p.upos.as_str(), p.xpos.as_str())).collect();
        let arcs = self.parser.parse(tokens, &tags);
        tokens
            .iter()
            .zip(pairs)
            .zip(arcs)
            .map(|((form, pair), arc)| Word {
                form: (*form).to_string(),
                upos: pair.upos.clone(),
                xpos: pair.xpos.clone(),
                lemma: self.tagger.lemmatize(form, &pair.xpos),
                head: arc.head,
                deprel: arc.deprel,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::past_tense_in_disguise;

    #[test]
    fn a_clause_without_a_finite_verb_gets_its_participle_read_as_a_past_tense() {
        // Israeli jets bombed targets in Gaza .
        let tags = ["JJ", "NNS", "VBN", "NNS", "IN", "NNP", "."];
        assert_eq!(past_tense_in_disguise(&tags), Some(2));
        // A finite verb elsewhere: the participle is one ("Photos taken in 2005 are here").
        let finite = ["NNS", "VBN", "IN", "CD", "VBP", "RB", "."];
        assert_eq!(past_tense_in_disguise(&finite), None);
        // "..., officials said.": the attribution's verb does not count; a long last clause does.
        let said = ["JJ", "NNS", "VBN", "NNS", ",", "NNS", "VBD", "."];
        assert_eq!(past_tense_in_disguise(&said), Some(2));
        let long = ["NNS", "VBN", "NNS", ",", "DT", "JJ", "NN", "IN", "DT", "NN", "VBD", "RB", "."];
        assert_eq!(past_tense_in_disguise(&long), None);
        // Not after a noun ("Very well done !"), nor the last word.
        assert_eq!(past_tense_in_disguise(&["RB", "RB", "VBN", "."]), None);
        assert_eq!(past_tense_in_disguise(&["NNS", "VBN"]), None);
    }
}
