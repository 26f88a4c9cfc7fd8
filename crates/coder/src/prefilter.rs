//! The pipeline's prefilter: which sentences are worth tagging and parsing. An event needs a
//! source and a target (two actor or agent phrases) and a site: a word that can be one of the
//! dictionaries' verbs or event nouns. Parsing is by far the dearest stage, and most news
//! sentences fail one of these tests.
//!
//! Verbs are stored as lemmas (dyad) or surface forms (PETRARCH), and the prefilter runs before
//! the lemmatizer, so each word is tried as written and under the lemmas it could have: regular
//! suffixes stripped, and English irregular forms. Over-generation is harmless here (a sentence
//! is parsed for nothing); under-generation would lose events.

use std::collections::HashSet;
use std::hash::BuildHasherDefault;

use dyad_dictionaries::Dictionaries;
use dyad_dictionaries::matcher::FastHasher;
use dyad_nlp::syntax::irregular;

/// Present forms of "be" and "have", which the irregular past forms do not list.
const IRREGULAR_PRESENT: &[(&str, &str)] =
    &[("am", "be"), ("are", "be"), ("is", "be"), ("has", "have")];

type WordSet = HashSet<Box<str>, BuildHasherDefault<FastHasher>>;

/// The words (lower case) that can name an event site: every verb form's inflecting word and
/// every event noun's head, with English irregular forms.
#[derive(Clone, Debug, Default)]
pub struct SiteWords {
    lemmas: WordSet,
}

impl SiteWords {
    /// The site words of a dictionary set.
    pub fn new(dictionaries: &Dictionaries) -> SiteWords {
        let mut lemmas = WordSet::default();
        for block in dictionaries.verbs.blocks.iter().chain(&dictionaries.nouns) {
            for verb in &block.verbs {
                for form in &verb.forms {
                    lemmas.insert(form.head_word().to_lowercase().into_boxed_str());
                }
            }
        }
        SiteWords { lemmas }
    }

    /// Whether `word` (any case) can be a site: as written, under a regular suffix stripped
    /// (-s, -es, -ies, -ed, -d, -ied, -ing, doubled consonants, a dropped e), or as an
    /// irregular form.
    pub fn contains(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        let has = |w: &str| self.lemmas.contains(w);
        if has(&lower) {
            return true;
        }
        let present = IRREGULAR_PRESENT.iter().find(|(form, _)| *form == lower).map(|(_, l)| *l);
        if let Some(lemma) = irregular::verb_base(&lower).or(present) {
            return has(lemma);
        }
        let stem_fits = |stem: &str| {
            if stem.is_empty() {
                return false;
            }
            if has(stem) || has(&format!("{stem}e")) {
                return true;
            }
            // Doubled final consonant: stopped, stopping. By characters, not bytes: '₂' ends
            // in two equal bytes, and a cut between them panics.
            let mut last = stem.chars().rev();
            match (last.next(), last.next()) {
                (Some(a), Some(b)) if a == b => has(&stem[..stem.len() - a.len_utf8()]),
                _ => false,
            }
        };
        if let Some(stem) = lower.strip_suffix("ies").or_else(|| lower.strip_suffix("ied"))
            && has(&format!("{stem}y"))
        {
            return true;
        }
        ["ing", "ed", "es", "s", "d"]
            .iter()
            .any(|suffix| lower.strip_suffix(suffix).is_some_and(stem_fits))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regular_and_irregular_forms_find_their_lemma() {
        let text = "@format dyad-dictionary 1\nverb meet = 040\nverb stop = 190\nverb carry out = 190\nverb accuse = 112\nverb deny = 016\nnoun telephone conversation = 041\n";
        let (set, diagnostics) = Dictionaries::read_dyad([("v.dyad", text)]);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        let words = SiteWords::new(&set);
        for word in [
            "met",
            "Meets",
            "meeting",
            "stopped",
            "stopping",
            "carried",
            "accused",
            "accusing",
            "denies",
            "denied",
            "conversations",
            "Conversation",
        ] {
            assert!(words.contains(word), "{word}");
        }
        // '₂' ends in two equal bytes: the doubled-consonant test must not cut inside it.
        for word in ["Moscow", "the", "told", "conversion", "co₂s", "co₂ed"] {
            assert!(!words.contains(word), "{word}");
        }
    }
}
