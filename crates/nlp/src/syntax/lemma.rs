//! The lemmatizer: suffix rules plus an exception list, both learned from a treebank's
//! (form, XPOS) → lemma pairs.
//!
//! A rule says "for this XPOS and this word ending, drop k characters and append s" (`VBZ`,
//! `-ets` → drop 1: `meets` → `meet`); the longest ending seen in training wins. Every training
//! pair the rules get wrong (`met`/`VBD` → `meet`) becomes an exception, so the treebank's
//! vocabulary is lemmatized as the treebank does and unseen words follow the rules.
//! Tests: below (a table of verbs and nouns).

use std::collections::HashMap;

use super::conllu::TreebankSentence;
use super::irregular;
use super::weights::{WeightsError, WeightsReader, WeightsWriter};

const MAX_SUFFIX: usize = 5;

/// How a form becomes its lemma.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct Rule {
    lowercase: bool,
    strip: u8,
    append: String,
}

impl Rule {
    fn learn(form: &str, lemma: &str) -> Rule {
        let lower = form.to_lowercase();
        let common = |a: &str| a.chars().zip(lemma.chars()).take_while(|(x, y)| x == y).count();
        let lowercase = common(&lower) >= common(form);
        let base = if lowercase { lower.as_str() } else { form };
        let kept = common(base);
        let strip = base.chars().count() - kept;
        let append: String = lemma.chars().skip(kept).collect();
        Rule { lowercase, strip: strip.min(255) as u8, append }
    }

    fn apply(&self, form: &str) -> Option<String> {
        let base = if self.lowercase { form.to_lowercase() } else { form.to_string() };
        let n = base.chars().count();
        let strip = usize::from(self.strip);
        // Stripping the whole word is only allowed when something replaces it.
        if strip > n || (strip == n && self.append.is_empty()) {
            return None;
        }
        let mut out: String = base.chars().take(n - strip).collect();
        out.push_str(&self.append);
        Some(out)
    }
}

/// Lemmas from (form, XPOS): exceptions first, then the longest matching suffix rule.
#[derive(Clone, Debug, Default)]
pub struct Lemmatizer {
    rules: HashMap<(String, String), Rule>,
    exceptions: HashMap<(String, String), String>,
}

fn suffix(lower: &str, k: usize) -> String {
    let chars: Vec<char> = lower.chars().collect();
    chars[chars.len().saturating_sub(k)..].iter().collect()
}

impl Lemmatizer {
    /// Learns rules and exceptions from every word of `sentences`.
    pub fn train(sentences: &[TreebankSentence]) -> Lemmatizer {
        // Most frequent lemma of each (lowercase form, xpos); then rule votes per ending.
        let mut lemma_counts: HashMap<(String, String), HashMap<(String, String), usize>> =
            HashMap::new();
        for w in sentences.iter().flat_map(|s| &s.words) {
            if w.lemma == "_" {
                continue;
            }
            *lemma_counts
                .entry((w.xpos.clone(), w.form.to_lowercase()))
                .or_default()
                .entry((w.form.clone(), w.lemma.clone()))
                .or_default() += 1;
        }
        let mut votes: HashMap<(String, String), HashMap<Rule, usize>> = HashMap::new();
        for ((xpos, lower), forms) in &lemma_counts {
            for ((form, lemma), &count) in forms {
                let rule = Rule::learn(form, lemma);
                for k in 0..=MAX_SUFFIX.min(lower.chars().count()) {
                    *votes
                        .entry((xpos.clone(), suffix(lower, k)))
                        .or_default()
                        .entry(rule.clone())
                        .or_default() += count;
                }
            }
        }
        let mut lemmatizer = Lemmatizer::default();
        for (key, rules) in votes {
            let (rule, _) = rules
                .into_iter()
                .max_by(|(ra, na), (rb, nb)| na.cmp(nb).then_with(|| rb.cmp(ra)))
                .expect("non-empty");
            lemmatizer.rules.insert(key, rule);
        }
        for ((xpos, _lower), forms) in lemma_counts {
            // One exception per exact form: its most frequent lemma (ties: the smaller), so that a
            // treebank slip ("of" once annotated "off") never overrides the usual reading, and the
            // result does not depend on hash order.
            let mut best: HashMap<String, (usize, String)> = HashMap::new();
            for ((form, lemma), count) in forms {
                let entry = best.entry(form).or_insert((0, String::new()));
                if count > entry.0 || (count == entry.0 && lemma < entry.1) {
                    *entry = (count, lemma);
                }
            }
            for (form, (_, lemma)) in best {
                if lemmatizer.by_rules(&form, &xpos) != lemma {
                    lemmatizer.exceptions.insert((xpos.clone(), form), lemma);
                }
            }
        }
        lemmatizer
    }

    fn by_rules(&self, form: &str, xpos: &str) -> String {
        let lower = form.to_lowercase();
        let length = lower.chars().count();
        for k in (0..=MAX_SUFFIX.min(length)).rev() {
            let rule = self.rules.get(&(xpos.to_string(), suffix(&lower, k)));
            // A rule that only adds letters was learnt from an abbreviation ("Nov" ->
            // "November"): it fits that whole word, not a word ending in it ("Bogdanov").
            let expands = |rule: &&Rule| rule.strip == 0 && !rule.append.is_empty();
            if let Some(lemma) =
                rule.filter(|rule| k == length || !expands(rule)).and_then(|rule| rule.apply(form))
            {
                return lemma;
            }
        }
        if xpos.starts_with("NNP") { form.to_string() } else { lower }
    }

    /// The lemma of `form` tagged `xpos`.
    pub fn lemmatize(&self, form: &str, xpos: &str) -> String {
        self.lemmatize_known(form, xpos, |_| true)
    }

    /// The lemma of `form` tagged `xpos`, where `known` says whether a word was seen in
    /// training: an unseen inflected word whose suffix rule gives an unknown word ("blamed" ->
    /// "blam") takes the first regular reading that is a known word ("blame").
    pub fn lemmatize_known(
        &self,
        form: &str,
        xpos: &str,
        mut known: impl FnMut(&str) -> bool,
    ) -> String {
        if let Some(lemma) = self.exceptions.get(&(xpos.to_string(), form.to_string())) {
            return lemma.clone();
        }
        // A capitalised sentence-initial word shares the lowercase word's exception.
        let lower = form.to_lowercase();
        if lower != form
            && !xpos.starts_with("NNP")
            && let Some(lemma) = self.exceptions.get(&(xpos.to_string(), lower.clone()))
        {
            return lemma.clone();
        }
        match xpos {
            "VBD" | "VBN" => {
                if let Some(base) = irregular::verb_base(&lower) {
                    return base.to_string();
                }
            }
            "NNS" => {
                if let Some(singular) = irregular::noun_singular(&lower) {
                    return singular;
                }
            }
            _ => {}
        }
        let by_rules = self.by_rules(form, xpos);
        if known(&by_rules) {
            return by_rules;
        }
        let readings = regular_readings(&lower, xpos);
        if let Some(reading) = readings.iter().find(|c| known(c)) {
            return reading.clone();
        }
        // Nothing known: where the spelling decides, follow it; elsewhere, the suffix rule.
        let stem = match xpos {
            "VBD" | "VBN" => lower.strip_suffix("ed"),
            "VBG" => lower.strip_suffix("ing"),
            _ => None,
        };
        match stem.and_then(takes_final_e) {
            Some(true) => format!("{}e", stem.unwrap_or_default()),
            Some(false) => stem.unwrap_or_default().to_string(),
            None => by_rules,
        }
    }

    /// Number of (rules, exceptions).
    pub fn size(&self) -> (usize, usize) {
        (self.rules.len(), self.exceptions.len())
    }

    /// Appends the tables to a weights file (sorted, so the bytes are deterministic).
    pub fn write(&self, writer: &mut WeightsWriter) {
        let mut rules: Vec<_> = self.rules.iter().collect();
        rules.sort();
        writer.u32(rules.len() as u32);
        for ((xpos, ending), rule) in rules {
            writer.str(xpos);
            writer.str(ending);
            writer.u8(u8::from(rule.lowercase));
            writer.u8(rule.strip);
            writer.str(&rule.append);
        }
        let mut exceptions: Vec<_> = self.exceptions.iter().collect();
        exceptions.sort();
        writer.u32(exceptions.len() as u32);
        for ((xpos, form), lemma) in exceptions {
            writer.str(xpos);
            writer.str(form);
            writer.str(lemma);
        }
    }

    /// Reads the tables written by [`Lemmatizer::write`].
    pub fn read(reader: &mut WeightsReader<'_>) -> Result<Lemmatizer, WeightsError> {
        let mut lemmatizer = Lemmatizer::default();
        let n_rules = reader.count(14)?;
        for _ in 0..n_rules {
            let key = (reader.str()?, reader.str()?);
            let lowercase = match reader.u8()? {
                0 => false,
                1 => true,
                _ => return Err(WeightsError::Malformed("a lemma rule flag is not 0 or 1")),
            };
            let strip = reader.u8()?;
            let append = reader.str()?;
            lemmatizer.rules.insert(key, Rule { lowercase, strip, append });
        }
        let n_exceptions = reader.count(12)?;
        for _ in 0..n_exceptions {
            let key = (reader.str()?, reader.str()?);
            lemmatizer.exceptions.insert(key, reader.str()?);
        }
        Ok(lemmatizer)
    }
}

/// The stems a regular inflection could come from, most likely first: the e-final stem before
/// the bare one ("hoped" is "hope", since "hop" would double its consonant), then the undoubled
/// one ("planned"), then `-ied`/`-ies` to `-y`.
fn regular_readings(lower: &str, xpos: &str) -> Vec<String> {
    let ending = match xpos {
        "VBD" | "VBN" => "ed",
        "VBG" => "ing",
        "VBZ" | "NNS" => "s",
        _ => return Vec::new(),
    };
    let Some(stem) = lower.strip_suffix(ending) else { return Vec::new() };
    let mut readings = Vec::new();
    if ending == "s" {
        readings.push(stem.to_string());
        if let Some(bare) = stem.strip_suffix('e') {
            readings.push(bare.to_string());
            if let Some(y) = bare.strip_suffix('i') {
                readings.push(format!("{y}y"));
            }
        }
        return readings;
    }
    readings.push(format!("{stem}e"));
    readings.push(stem.to_string());
    // By characters, not bytes: '₂' ends in two equal bytes, and a cut between them panics.
    let mut last = stem.chars().rev();
    if let (Some(a), Some(b)) = (last.next(), last.next())
        && a == b
    {
        readings.push(stem[..stem.len() - a.len_utf8()].to_string());
    }
    if ending == "ed"
        && let Some(y) = stem.strip_suffix('i')
    {
        readings.push(format!("{y}y"));
    }
    readings.retain(|r| !r.is_empty());
    readings
}

/// Whether a verb stem ending in two vowels and a consonant other than `c g s v z w x y` takes
/// a final e: not after one vowel sound ("raid", "riot", "treat"), but after the two syllables of
/// -iate and -uate ("negotiate", "retaliate", "evacuate"). `None` for other stems, whose
/// spelling does not decide ("cause", "seize", "leave"; "colored", "restored").
fn takes_final_e(stem: &str) -> Option<bool> {
    let vowel = |b: u8| b"aeiou".contains(&b);
    match stem.as_bytes() {
        [_, .., a, b, c] if vowel(*a) && vowel(*b) && !vowel(*c) && !b"cgsvzwxy".contains(c) => {
            Some(*b == b'a' && (*a == b'i' || *a == b'u'))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::conllu::read_conllu;
    use super::*;

    fn tiny_treebank() -> Vec<TreebankSentence> {
        let rows = [
            ("They", "they", "PRP"),
            ("met", "meet", "VBD"),
            ("meets", "meet", "VBZ"),
            ("meeting", "meet", "VBG"),
            ("talks", "talk", "VBZ"),
            ("talked", "talk", "VBD"),
            ("walked", "walk", "VBD"),
            ("talking", "talk", "VBG"),
            ("walking", "walk", "VBG"),
            ("countries", "country", "NNS"),
            ("cities", "city", "NNS"),
            ("leaders", "leader", "NNS"),
            ("troops", "troop", "NNS"),
            ("Russia", "Russia", "NNP"),
            ("went", "go", "VBD"),
        ];
        let mut text = String::new();
        for (i, (form, lemma, xpos)) in rows.iter().enumerate() {
            text.push_str(&format!("{}\t{form}\t{lemma}\tX\t{xpos}\t_\t0\tdep\t_\t_\n", i + 1));
        }
        read_conllu(&text).unwrap()
    }

    #[test]
    fn lemmatizes_seen_and_unseen_words() {
        let lemmatizer = Lemmatizer::train(&tiny_treebank());
        let cases = [
            ("met", "VBD", "meet"),
            ("meets", "VBZ", "meet"),
            ("meeting", "VBG", "meet"),
            ("went", "VBD", "go"),
            ("Met", "VBD", "meet"),
            // Unseen words follow the learned suffix rules.
            ("attacked", "VBD", "attack"),
            ("attacks", "VBZ", "attack"),
            ("attacking", "VBG", "attack"),
            ("parties", "NNS", "party"),
            ("soldiers", "NNS", "soldier"),
            ("Ukraine", "NNP", "Ukraine"),
            ("The", "DT", "the"),
        ];
        for (form, xpos, lemma) in cases {
            assert_eq!(lemmatizer.lemmatize(form, xpos), lemma, "{form}/{xpos}");
        }
    }

    #[test]
    fn unseen_inflections_prefer_known_words_and_irregular_forms() {
        let lemmatizer = Lemmatizer::train(&tiny_treebank());
        let vocabulary = ["blame", "plan", "try", "boycott", "box"];
        let known = |w: &str| vocabulary.contains(&w);
        let cases = [
            ("blamed", "VBD", "blame"),
            ("planned", "VBN", "plan"),
            ("tried", "VBD", "try"),
            ("boycotted", "VBD", "boycott"),
            ("boxes", "VBZ", "box"),
            ("fled", "VBD", "flee"),
            ("fought", "VBN", "fight"),
            ("policemen", "NNS", "policeman"),
            // Nothing known: two vowels and a consonant need no e, but -iate and -uate do.
            ("raided", "VBD", "raid"),
            ("rioted", "VBD", "riot"),
            ("treating", "VBG", "treat"),
            ("negotiated", "VBD", "negotiate"),
            ("retaliating", "VBG", "retaliate"),
            ("evacuated", "VBN", "evacuate"),
        ];
        for (form, xpos, lemma) in cases {
            assert_eq!(lemmatizer.lemmatize_known(form, xpos, known), lemma, "{form}/{xpos}");
        }
        // Multi-byte characters never split: '₂' is E2 82 82.
        assert!(!lemmatizer.lemmatize_known("co₂₂ed", "VBD", |_| false).is_empty());
        assert!(!lemmatizer.lemmatize_known("co₂ed", "VBD", |_| false).is_empty());
    }

    #[test]
    fn an_abbreviation_expands_only_as_a_whole_word() {
        let mut text = String::new();
        for (i, (form, lemma)) in [("Nov", "November"), ("Russia", "Russia")].iter().enumerate() {
            text.push_str(&format!("{}\t{form}\t{lemma}\tPROPN\tNNP\t_\t0\tdep\t_\t_\n", i + 1));
        }
        let lemmatizer = Lemmatizer::train(&read_conllu(&text).unwrap());
        assert_eq!(lemmatizer.lemmatize("Nov", "NNP"), "November");
        assert_eq!(lemmatizer.lemmatize("Bogdanov", "NNP"), "Bogdanov");
        assert_eq!(lemmatizer.lemmatize("Kasparov", "NNP"), "Kasparov");
    }

    #[test]
    fn a_rare_annotation_slip_does_not_override_the_usual_lemma() {
        let mut text = String::new();
        for (i, lemma) in ["of", "of", "off", "of", "of", "off"].iter().enumerate() {
            text.push_str(&format!("{}\tof\t{lemma}\tADP\tIN\t_\t0\tdep\t_\t_\n", i + 1));
        }
        text.push_str("7\tout\tout\tADP\tIN\t_\t0\tdep\t_\t_\n");
        let lemmatizer = Lemmatizer::train(&read_conllu(&text).unwrap());
        assert_eq!(lemmatizer.lemmatize("of", "IN"), "of");
        assert_eq!(lemmatizer.lemmatize("Of", "IN"), "of");
    }

    #[test]
    fn round_trips_through_bytes() {
        let lemmatizer = Lemmatizer::train(&tiny_treebank());
        let mut writer = WeightsWriter::default();
        lemmatizer.write(&mut writer);
        let bytes = writer.finish(b"DYADLEMM", 1);
        let mut reader = WeightsReader::open(&bytes, b"DYADLEMM", 1, "lemma").unwrap();
        let read = Lemmatizer::read(&mut reader).unwrap();
        reader.finish().unwrap();
        assert_eq!(read.size(), lemmatizer.size());
        assert_eq!(read.lemmatize("meeting", "VBG"), "meet");
    }
}
