//! Scores of an analysis against a gold treebank, as the CoNLL 2018 scorer counts them with gold
//! tokenization: every word, punctuation included; LAS compares relations without subtypes.

use super::Word;
use super::conllu::TreebankSentence;
use super::parse::universal;

/// Accuracies over all words.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scores {
    /// Right UPOS.
    pub upos: f64,
    /// Right XPOS.
    pub xpos: f64,
    /// Right lemma.
    pub lemma: f64,
    /// Right head.
    pub uas: f64,
    /// Right head and universal relation.
    pub las: f64,
    /// Right head and full relation, subtype included.
    pub las_with_subtypes: f64,
    /// Words scored.
    pub words: usize,
}

/// Compares `predicted` (one analysis per sentence) with `gold`.
pub fn score(gold: &[TreebankSentence], predicted: &[Vec<Word>]) -> Scores {
    let mut counts = [0usize; 6];
    let mut words = 0;
    for (g, p) in gold.iter().zip(predicted) {
        for (g, p) in g.words.iter().zip(p) {
            let head = g.head == p.head;
            let hits = [
                g.upos == p.upos,
                g.xpos == p.xpos,
                g.lemma == p.lemma,
                head,
                head && universal(&g.deprel) == universal(&p.deprel),
                head && g.deprel == p.deprel,
            ];
            for (count, hit) in counts.iter_mut().zip(hits) {
                *count += usize::from(hit);
            }
            words += 1;
        }
    }
    let share = |k: usize| counts[k] as f64 / words.max(1) as f64;
    Scores {
        upos: share(0),
        xpos: share(1),
        lemma: share(2),
        uas: share(3),
        las: share(4),
        las_with_subtypes: share(5),
        words,
    }
}
