//! Nominal event sites: events named by a noun of the dictionaries' `noun` entries rather than
//! by a verb. Three shapes, all general:
//!
//! - an event noun with its other party in a WITH or BETWEEN phrase ("after his telephone
//!   conversation with al-Salhi", "talks between Russia and Ukraine");
//! - an event noun with a hyphenated pair of actors before it ("a Hamas-Fatah reconciliation
//!   agreement", "US-China talks");
//! - a light verb whose object is an event noun ("held talks with", "had a phone call with");
//! - a verb of onset whose subject is an event noun or a state, with two parties after BETWEEN
//!   ("fighting broke out between A and B", "the conflict between A and B erupted").
//!
//! A state (a dictionary `state` entry: "war", "dispute") lasts, and is an event only where it
//! begins: as the subject of a verb of onset, or the object of an opening light verb ("launched a
//! war against"); "the Israeli-Palestinian conflict" is no event.
//!
//! An event noun inside a coded verb's phrase is that verb's business ("called for talks with
//! Y" is a call, not talks) unless a preposition of circumstance introduces it ("said after
//! his talks with Y").

use super::*;
use crate::clause::Unit;

/// Prepositions that introduce the other party of a nominal event.
const PARTY_PREPOSITIONS: &[&str] = &["WITH", "BETWEEN"];

/// Prepositions of circumstance: an event noun after one of these is an event of its own even
/// inside a coded verb's phrase.
const CIRCUMSTANCE: &[&str] =
    &["AFTER", "DURING", "FOLLOWING", "BEFORE", "AMID", "AT", "IN", "SINCE", "THROUGH", "UPON"];

/// Verbs that carry no event of their own and lend their clause to an event noun as object
/// (a closed class of English, not a dictionary matter): "held talks", "had a phone call",
/// "conducted exercises", "paid a visit". Lemmas.
const LIGHT_VERBS: &[&str] = &[
    "have",
    "hold",
    "conduct",
    "make",
    "give",
    "launch",
    "carry",
    "stage",
    "pay",
    "undertake",
    "begin",
    "start",
    "resume",
    "engage",
    "perform",
    "host",
    "organize",
    "organise",
    "arrange",
    "continue",
    "complete",
    "finish",
];

/// Verbs of onset and occurrence, as lemmas with the particle that must follow: an event noun
/// or a state as their subject happens ("fighting broke out", "talks took place"). A closed
/// class of English, like the light verbs.
const ONSET_VERBS: &[(&str, Option<&str>)] = &[
    ("break", Some("OUT")),
    ("erupt", None),
    ("flare", None),
    ("escalate", None),
    ("intensify", None),
    ("rage", None),
    ("ensue", None),
    ("begin", None),
    ("start", None),
    ("resume", None),
    ("occur", None),
    ("take", Some("PLACE")),
];

/// Light verbs that begin what their object names: only these make a state an event
/// ("launched a war against", but not "had a dispute with").
const OPENING_LIGHT_VERBS: &[&str] = &["launch", "begin", "start", "resume"];

/// Words that may stand between a verb of onset and its subject's event noun, outside any
/// phrase: the noun's BETWEEN party and the commas around it ("the conflict between two
/// parties, Fatah and Hamas, broke out").
const SUBJECT_LINKS: &[&str] = &["BETWEEN", "AND", ","];

/// A pattern's (source, target) bindings.
type Bindings = (Option<Role>, Option<Role>);

/// Possessive markers as the tokenizer leaves them.
fn is_possessive(word: &str) -> bool {
    matches!(word, "'S" | "’S" | "'" | "’")
}

/// Which `noun` entry matched: indexes into `Dictionaries::nouns` and its verbs (phrases).
#[derive(Clone, Copy, Debug)]
pub(super) struct NounHit {
    block: usize,
    phrase: usize,
}

/// An event noun that is a verb's direct object.
#[derive(Clone, Copy, Debug)]
pub(super) struct NominalObject {
    /// Its possessor unit ("Russia's readiness"), if any.
    pub(super) possessor: Option<usize>,
    /// The unit the noun heads.
    pub(super) unit: usize,
    /// Index into the lower sequence just after the noun's unit: its complement starts there.
    pub(super) after: usize,
    /// The entry.
    pub(super) hit: NounHit,
}

/// Prepositions that end a unit's head noun when noun-phrase flattening kept a modifier.
const HEAD_ENDING: &[&str] =
    &["OF", "IN", "ON", "AT", "FOR", "FROM", "BY", "AGAINST", "OVER", "WITH", "BETWEEN", "TO"];

/// Index of a unit's head word: the word before its first preposition, else its last word.
fn unit_head(words: &[String]) -> Option<usize> {
    // Position among words[1..] of the preposition = index of the word before it.
    let first = words.iter().skip(1).position(|w| HEAD_ENDING.contains(&w.as_str()));
    first.or_else(|| words.len().checked_sub(1))
}

/// Lemmas of a unit's words, where the layer has them.
fn unit_lemmas<'a>(layer: &'a ClauseLayer, unit: &Unit) -> Vec<Option<&'a str>> {
    unit.leaves
        .iter()
        .map(|leaf| {
            leaf.and_then(|l| layer.lemmas.get(l)).map(String::as_str).filter(|l| !l.is_empty())
        })
        .collect()
}

impl Lexicon<'_> {
    /// The `noun` entry whose head is word `k` of `words` (with its fixed words just before),
    /// looked up as written and then by lemma.
    pub(super) fn noun_at(
        &self,
        words: &[String],
        lemmas: &[Option<&str>],
        k: usize,
    ) -> Option<NounHit> {
        let nouns = &self.dictionaries.nouns;
        if nouns.is_empty() || k >= words.len() {
            return None;
        }
        let mut candidates = self.matchers.nouns.lookup(&words[k]);
        if candidates.is_empty()
            && let Some(lemma) = lemmas.get(k).copied().flatten()
        {
            candidates = self.matchers.nouns.lookup(lemma);
        }
        candidates.iter().find_map(|r| {
            let form = &nouns[r.block as usize].verbs[r.verb as usize].forms[r.form as usize];
            let before = form.before();
            let fits = before.len() <= k
                && before
                    .iter()
                    .zip(&words[k - before.len()..k])
                    .all(|(w, t)| w.eq_ignore_ascii_case(t));
            fits.then_some(NounHit { block: r.block as usize, phrase: r.verb as usize })
        })
    }
}

/// Splits every unit that holds an event noun followed by WITH or BETWEEN ("TELEPHONE
/// CONVERSATION WITH BASSAM AL-SALHI", kept together by noun-phrase flattening) into the noun's
/// unit, the preposition, and the other party's unit (a compound for "BETWEEN X AND Y"), so that
/// the party is coded on its own. `None` when no unit splits.
pub(super) fn split_noun_units(
    lexicon: &Lexicon<'_>,
    layer: &ClauseLayer,
    date: Option<Date>,
) -> Option<ClauseLayer> {
    if lexicon.dictionaries.nouns.is_empty() {
        return None;
    }
    let mut splits: Vec<(usize, usize)> = Vec::new(); // unit, index of the preposition
    for (u, unit) in layer.units.iter().enumerate() {
        if unit.compound.is_some() || unit.words.len() < 3 {
            continue;
        }
        let lemmas = unit_lemmas(layer, unit);
        if let Some(p) = (1..unit.words.len() - 1).find(|&p| {
            PARTY_PREPOSITIONS.contains(&unit.words[p].as_str())
                && lexicon.noun_at(&unit.words, &lemmas, p - 1).is_some()
        }) {
            splits.push((u, p));
        }
    }
    if splits.is_empty() {
        return None;
    }
    let mut edited = layer.clone();
    let mut tokens = Vec::with_capacity(layer.tokens.len() + 8 * splits.len());
    let mut i = 0;
    while i < layer.tokens.len() {
        let split = match layer.tokens[i] {
            Token::UnitBegin(u) => splits.iter().find(|(s, _)| *s == u).copied(),
            _ => None,
        };
        let end = layer.matching_end(i);
        let inner = &layer.tokens[(i + 1).min(end)..end];
        // Only a unit made of words alone is split (as both layer builders make them).
        let Some((u, p)) = split.filter(|(u, _)| {
            inner.iter().all(|t| matches!(t, Token::Word { .. }))
                && inner.len() == layer.units[*u].words.len()
        }) else {
            tokens.push(layer.tokens[i].clone());
            i += 1;
            continue;
        };
        let unit = layer.units[u].clone();
        let lemmas = unit_lemmas(layer, &unit);
        let word = |w: usize| Token::Word { text: unit.words[w].clone(), leaf: unit.leaves[w] };
        tokens.push(Token::UnitBegin(u));
        tokens.extend((0..p).map(word));
        tokens.push(Token::UnitEnd(u));
        edited.units[u].words.truncate(p);
        edited.units[u].leaves.truncate(p);
        let tag = Label::Tag("IN".to_string());
        tokens.push(Token::Begin(tag.clone()));
        tokens.push(word(p));
        tokens.push(Token::End(tag));
        // "BETWEEN X AND Y": two parties, a compound.
        let rest = p + 1..unit.words.len();
        let and = (unit.words[p] == "BETWEEN")
            .then(|| rest.clone().skip(1).find(|&w| unit.words[w] == "AND" && w + 1 < rest.end))
            .flatten();
        let members = match and {
            Some(a) => vec![p + 1..a, a + 1..rest.end],
            None => vec![rest],
        };
        let compound = (members.len() > 1).then(|| {
            edited.compounds.push(Compound::default());
            edited.compounds.len() - 1
        });
        if let Some(c) = compound {
            tokens.push(Token::CompoundBegin(c));
        }
        for mut member in members {
            // An apposition names the party: "between two parties, Fatah and Hamas" is between
            // Fatah and Hamas (the description leaves the layer). It takes one comma after a
            // description of two words or more whose head is a common noun (a lower-case
            // lemma), no list ("with British, German, French and American banks"), and a name
            // that codes: "between Iran, a Shia power, and ..." and "with Bassam al-Salhi, a
            // PLO member" stay as they are.
            let words = &unit.words[member.clone()];
            let commas = words.iter().filter(|w| *w == ",").count();
            let listed = words.iter().any(|w| matches!(w.as_str(), "AND" | "OR" | "-" | "–"));
            let common = |at: usize| {
                lemmas.get(member.start + at).copied().flatten().is_some_and(|lemma| {
                    lemma.chars().all(|c| c.is_alphabetic() && c.is_lowercase())
                })
            };
            if let Some(comma) = words.iter().position(|w| w == ",")
                && commas == 1
                && !listed
                && comma >= 2
                && common(comma - 1)
            {
                let named = &words[comma + 1..];
                if !named.is_empty() && !lexicon.unit_code(named, date).starts_with("---") {
                    member.start += comma + 1;
                }
            }
            let index = edited.units.len();
            edited.units.push(Unit {
                words: unit.words[member.clone()].to_vec(),
                leaves: unit.leaves[member.clone()].to_vec(),
                compound,
            });
            if let Some(c) = compound {
                edited.compounds[c].members.push(index);
            }
            tokens.push(Token::UnitBegin(index));
            tokens.extend(member.map(word));
            tokens.push(Token::UnitEnd(index));
        }
        if let Some(c) = compound {
            tokens.push(Token::CompoundEnd(c));
        }
        i = end + 1;
    }
    edited.tokens = tokens;
    Some(edited)
}

impl Context<'_, '_> {
    /// The entry's default code.
    pub(super) fn noun_code(&self, hit: NounHit) -> String {
        self.lexicon.dictionaries.nouns[hit.block].default_code(hit.phrase).trim().to_uppercase()
    }

    /// Whether the entry is a `state`: an event only where it begins.
    fn is_state(&self, hit: NounHit) -> bool {
        self.lexicon.dictionaries.nouns[hit.block].state
    }

    /// The event noun heading `unit`, if any: its last word, or the word before the first
    /// preposition of a flattened phrase ("AGREEMENT" in "A SECURITY AGREEMENT IN 2010").
    pub(super) fn unit_noun(&self, unit: usize) -> Option<NounHit> {
        let unit = &self.layer.units[unit];
        let lemmas = unit_lemmas(self.layer, unit);
        let head = unit_head(&unit.words)?;
        self.lexicon.noun_at(&unit.words, &lemmas, head)
    }

    /// The verb's direct object when an event noun heads it: the first unit of the lower
    /// sequence, or the unit after a possessor ("Russia 's readiness").
    pub(super) fn nominal_object(&self, lower: &[SeqItem<'_>]) -> Option<NominalObject> {
        let SeqItem::UnitMark(first) = *lower.first()? else {
            return None;
        };
        let close = |from: usize, unit: usize| {
            (from + 1..lower.len()).find(|&i| lower[i] == SeqItem::UnitMark(unit))
        };
        let first_close = close(0, first)?;
        let (possessor, unit, unit_close) =
            match (lower.get(first_close + 1), lower.get(first_close + 2)) {
                (Some(SeqItem::Word(w)), Some(&SeqItem::UnitMark(next))) if is_possessive(w) => {
                    (Some(first), next, close(first_close + 2, next)?)
                }
                _ => (None, first, first_close),
            };
        let hit = self.unit_noun(unit)?;
        Some(NominalObject { possessor, unit, after: unit_close + 1, hit })
    }

    /// The first pattern of a noun entry that matches, with its bindings.
    fn noun_pattern(
        &self,
        hit: NounHit,
        upper: &[SeqItem<'_>],
        lower: &[SeqItem<'_>],
    ) -> Option<(&CompiledPattern, Bindings)> {
        for pattern in &self.lexicon.noun_patterns[hit.block] {
            if !pattern.required.iter().all(|word| self.words.contains(word.as_str())) {
                continue;
            }
            if let Some(bindings) = self.match_pattern(pattern, upper, lower) {
                return (pattern.code != "---").then_some((pattern, bindings));
            }
        }
        None
    }

    /// A light verb ("held", "had") whose object is an event noun: the noun's entry codes the
    /// clause, the verb's subject (or the noun's possessor) is the source.
    pub(super) fn light_verb_site(
        &self,
        verb_position: usize,
        verb_leaf: Option<usize>,
        end: usize,
        site: usize,
        events: &mut Vec<CodedEvent>,
        consumed: &mut Vec<usize>,
    ) -> Option<SiteTrace> {
        let word = word_at(&self.layer.tokens, verb_position)?;
        let lemma = verb_leaf
            .and_then(|l| self.layer.lemmas.get(l))
            .filter(|l| !l.is_empty())
            .map_or_else(|| word.to_lowercase(), |l| l.to_lowercase());
        // "talks began" before "began talks": an event-noun subject makes the verb one of onset.
        if let Some(trace) =
            self.onset_site(verb_position, verb_leaf, &lemma, end, site, events, consumed)
        {
            return Some(trace);
        }
        if !LIGHT_VERBS.contains(&lemma.as_str()) {
            return None;
        }
        let upper = self.upper_sequence(verb_position);
        let lower = self.lower_sequence(verb_position + 1, end);
        let object = self.nominal_object(&lower)?;
        if self.is_state(object.hit) && !OPENING_LIGHT_VERBS.contains(&lemma.as_str()) {
            return None;
        }
        let complement = &lower[object.after..];
        let (code, bindings, fired) = match self.noun_pattern(object.hit, &upper, complement) {
            Some((pattern, bindings)) => (pattern.code.clone(), bindings, Some(pattern.index)),
            None => (self.noun_code(object.hit), (None, None), None),
        };
        if code == "---" {
            return None;
        }
        let code = engine_code(VerbFormat::Dyad, &code, false);
        consumed.push(object.unit);
        // Unless a pattern reading the words before the verb says what the phrase means, "could
        // hold talks" is no event, nor are the talks one of their own.
        let patterns = &self.lexicon.dictionaries.nouns[object.hit.block].patterns;
        let code = if fired.and_then(|i| patterns.get(i)).is_some_and(reads_before_verb) {
            code
        } else {
            self.realised_code(verb_position, code)?
        };
        let source = bindings
            .0
            .or_else(|| object.possessor.filter(|&p| self.is_coded(p)).map(Role::Unit))
            .or_else(|| self.source_past_commas(&upper, verb_position, &code));
        if let Some(source) = source {
            let target = bindings
                .1
                .or_else(|| self.default_target(source, &[], complement))
                .or_else(|| self.default_target(source, &upper, &lower))
                .filter(|t| Some(*t) != object.possessor.map(Role::Unit));
            if !self.reciprocal(source, target, &code, site, events) {
                self.emit_or_targetless(source, target, &code, false, true, site, events);
            }
        }
        Some(self.noun_trace(object.hit, fired, word, verb_leaf, code))
    }

    /// A verb of onset (`ONSET_VERBS`) whose subject is headed by an event noun or a state,
    /// with two parties after BETWEEN, in the subject or in the verb's phrase ("the conflict
    /// between Fatah and Hamas broke out", "clashes erupted in villages between Amal and
    /// guerrillas"): the noun's event, both ways. What might happen or is wanted is none ("a
    /// war could break out").
    #[allow(clippy::too_many_arguments)]
    fn onset_site(
        &self,
        verb_position: usize,
        verb_leaf: Option<usize>,
        lemma: &str,
        end: usize,
        site: usize,
        events: &mut Vec<CodedEvent>,
        consumed: &mut Vec<usize>,
    ) -> Option<SiteTrace> {
        let (_, particle) = ONSET_VERBS.iter().find(|(verb, _)| *verb == lemma)?;
        // The particle as a word ("broke out") or as a phrase of its own ("took [place]").
        let follows = |particle: &str| match self.party_after(verb_position + 1) {
            Some((Role::Unit(u), _)) => self.layer.units[u].words == [particle],
            _ => self.next_word(verb_position + 1).is_some_and(|(_, word)| word == particle),
        };
        if particle.is_some_and(|particle| !follows(particle)) {
            return None;
        }
        let (unit, after, hit) = self.onset_subject(verb_position)?;
        // "{[THE CONFLICT BETWEEN FATAH] [THE CONFLICT BETWEEN HAMAS]}": the members stand for
        // the parties.
        let distributed = unit.and_then(|unit| {
            let words = &self.layer.units[unit].words;
            let between =
                unit_head(words).and_then(|h| words.get(h + 1)).is_some_and(|w| w == "BETWEEN");
            self.layer.units[unit].compound.filter(|_| between)
        });
        let party = distributed
            .map(|c| (Role::Compound(c), Some(Role::Compound(c))))
            .or_else(|| self.party_at(after))
            .or_else(|| match self.free_word_position(verb_position + 1, end, "BETWEEN") {
                Some(between) => self.party_at(between),
                None => self.between_compound(verb_position + 1, end),
            })
            .filter(|(_, second)| second.is_some())?;
        let code = self.noun_code(hit);
        if code == "---" {
            return None;
        }
        let code = engine_code(VerbFormat::Dyad, &code, false);
        // What only might happen is no event, nor is its noun one of its own.
        match distributed {
            Some(c) => consumed.extend(&self.layer.compounds[c].members),
            None => consumed.extend(unit),
        }
        let code = self.realised_code(verb_position, code)?;
        let before = events.len();
        self.emit_mutual(party, &code, site, events);
        if events.len() == before {
            return None;
        }
        let word = word_at(&self.layer.tokens, verb_position).unwrap_or_default();
        Some(self.noun_trace(hit, None, word, verb_leaf, code))
    }

    /// The unit before the verb at token `verb` that an event noun or a state heads, or a
    /// gerund that is an event noun ("Fighting between A and B broke out", parsed as a verb),
    /// when only the verb's auxiliaries and adverbs, other phrases and [`SUBJECT_LINKS`] lie
    /// between; with the token after it, where its party may follow.
    fn onset_subject(&self, verb: usize) -> Option<(Option<usize>, usize, NounHit)> {
        let tokens = &self.layer.tokens;
        let mut in_unit = false;
        // Past another phrase (a party), only a link may come before it; past any phrase, the
        // verb's own auxiliaries are behind.
        let mut party_passed = false;
        let mut any_passed = false;
        let mut in_compound = false;
        let mut at = verb;
        while at > 2 {
            at -= 1;
            match &tokens[at] {
                Token::UnitEnd(_) => in_unit = true,
                Token::CompoundEnd(_) if party_passed => return None,
                Token::CompoundEnd(_) => in_compound = true,
                Token::CompoundBegin(_) => {
                    (in_compound, party_passed, any_passed) = (false, true, true);
                }
                Token::UnitBegin(unit) => {
                    in_unit = false;
                    if party_passed && !in_compound {
                        return None;
                    }
                    if let Some(hit) = self.unit_noun(*unit) {
                        return Some((Some(*unit), self.layer.matching_end(at) + 1, hit));
                    }
                    if !in_compound {
                        (party_passed, any_passed) = (true, true);
                    }
                }
                Token::Word { text, leaf } if !in_unit => {
                    if SUBJECT_LINKS.contains(&text.as_str()) {
                        party_passed = false;
                        continue;
                    }
                    let tag = match tokens.get(at - 1) {
                        Some(Token::Begin(Label::Tag(tag))) => tag.as_str(),
                        _ => "",
                    };
                    if tag == "VBG" && !party_passed {
                        let lemma = leaf.and_then(|l| self.layer.lemmas.get(l));
                        let lemmas = [lemma.map(String::as_str).filter(|l| !l.is_empty())];
                        if let Some(hit) =
                            self.lexicon.noun_at(std::slice::from_ref(text), &lemmas, 0)
                        {
                            return Some((None, at + 1, hit));
                        }
                    }
                    let auxiliary = tag == "MD" || tag.starts_with("VB") || tag.starts_with("RB");
                    if any_passed || !auxiliary {
                        return None;
                    }
                }
                _ => {}
            }
        }
        None
    }

    /// The position of `word` among the tokens from `from` to `end`, outside every phrase and
    /// before any verb phrase nested there (whose words are another verb's).
    fn free_word_position(&self, from: usize, end: usize, word: &str) -> Option<usize> {
        let mut depth = 0usize;
        for (i, token) in self.layer.tokens.iter().enumerate().take(end).skip(from) {
            match token {
                Token::Begin(Label::VerbPhrase(_)) => return None,
                Token::UnitBegin(_) | Token::CompoundBegin(_) => depth += 1,
                Token::UnitEnd(_) | Token::CompoundEnd(_) => depth = depth.saturating_sub(1),
                Token::Word { text, .. } if depth == 0 && text == word => return Some(i),
                _ => {}
            }
        }
        None
    }

    /// A compound from token `from` to `end` (before any nested verb phrase) whose members all
    /// hold BETWEEN, the parser having distributed the phrase before it over them ("{[THE
    /// SOUTHEAST BETWEEN AMAL] [THE SOUTHEAST BETWEEN GUERRILLAS]}"): the members stand for
    /// the two parties.
    fn between_compound(&self, from: usize, end: usize) -> Option<(Role, Option<Role>)> {
        let tokens = &self.layer.tokens[from.min(end)..end];
        let own = tokens
            .iter()
            .position(|t| matches!(t, Token::Begin(Label::VerbPhrase(_))))
            .unwrap_or(tokens.len());
        tokens[..own].iter().find_map(|token| match token {
            Token::CompoundBegin(c)
                if self.layer.compounds[*c]
                    .members
                    .iter()
                    .all(|&m| self.layer.units[m].words.iter().any(|w| w == "BETWEEN")) =>
            {
                Some((Role::Compound(*c), Some(Role::Compound(*c))))
            }
            _ => None,
        })
    }

    /// The other party of a nominal event whose next word (from token `from`) is WITH + unit,
    /// or BETWEEN + compound, or BETWEEN + unit AND unit; the second role is the second party
    /// of BETWEEN (a compound stands for both).
    fn party_at(&self, from: usize) -> Option<(Role, Option<Role>)> {
        let (at, word) = self.next_word(from)?;
        match word {
            "WITH" => self.party_after(at + 1).map(|(role, _)| (role, None)),
            "BETWEEN" => {
                let (first, begin) = self.party_after(at + 1)?;
                match first {
                    Role::Compound(_) => Some((first, Some(first))),
                    Role::Unit(_) => {
                        let close = self.layer.matching_end(begin);
                        // "between Iran, a Shia power, and Saudi Arabia"
                        let (and, word) = match self.next_word(close + 1)? {
                            (comma, ",") => self.next_word(comma + 1)?,
                            found => found,
                        };
                        let (second, _) =
                            (word == "AND").then(|| self.party_after(and + 1)).flatten()?;
                        Some((first, Some(second)))
                    }
                }
            }
            _ => None,
        }
    }

    /// A symmetric event (talks, clashes) between the two parties of BETWEEN, both ways; a
    /// paired code keeps its first half.
    fn emit_mutual(
        &self,
        party: (Role, Option<Role>),
        code: &str,
        site: usize,
        events: &mut Vec<CodedEvent>,
    ) {
        let forward = code.split_once(':').map_or(code, |(a, _)| a);
        match party {
            (Role::Compound(c), Some(_)) => {
                let members = &self.layer.compounds[c].members;
                for &a in members {
                    for &b in members.iter().filter(|&&b| b != a) {
                        self.emit(Role::Unit(a), Role::Unit(b), forward, false, site, events);
                    }
                }
            }
            (first, Some(second)) => {
                self.emit(first, second, forward, false, site, events);
                self.emit(second, first, forward, false, site, events);
            }
            (_, None) => {}
        }
    }

    fn noun_trace(
        &self,
        hit: NounHit,
        fired: Option<usize>,
        word: &str,
        leaf: Option<usize>,
        code: String,
    ) -> SiteTrace {
        let block = &self.lexicon.dictionaries.nouns[hit.block];
        let pattern = fired.and_then(|i| block.patterns.get(i));
        SiteTrace {
            verb: word.to_string(),
            verb_leaf: leaf,
            pattern: pattern.map(|p| p.text.clone()),
            rule: pattern.map_or_else(
                || block.verbs[hit.phrase].origin.to_string(),
                |p| p.origin.to_string(),
            ),
            code,
            passive: false,
            negated: leaf.and_then(|l| self.layer.negated.get(l)).copied().unwrap_or(false),
        }
    }

    /// The nearest word before token `at` outside units and possessive markers, skipping over
    /// a possessor unit.
    pub(super) fn word_before_unit(&self, at: usize) -> Option<&str> {
        let tokens = &self.layer.tokens;
        let mut i = at;
        let mut in_unit = 0usize;
        while i > 0 {
            i -= 1;
            match &tokens[i] {
                Token::UnitEnd(_) | Token::CompoundEnd(_) => in_unit += 1,
                Token::UnitBegin(_) | Token::CompoundBegin(_) => {
                    in_unit = in_unit.saturating_sub(1)
                }
                Token::Word { text, .. } if in_unit == 0 && !is_possessive(text) => {
                    return Some(text);
                }
                _ => {}
            }
        }
        None
    }

    /// The unit or compound that starts at the first marker after token `from`, skipping tags
    /// but no word.
    fn party_after(&self, from: usize) -> Option<(Role, usize)> {
        let tokens = &self.layer.tokens;
        for (i, token) in tokens.iter().enumerate().skip(from) {
            match token {
                Token::UnitBegin(u) => return Some((Role::Unit(*u), i)),
                Token::CompoundBegin(c) => return Some((Role::Compound(*c), i)),
                Token::Word { .. } => return None,
                _ => {}
            }
        }
        None
    }

    /// The word token after `from` (skipping tags), with its position.
    fn next_word(&self, from: usize) -> Option<(usize, &str)> {
        let tokens = &self.layer.tokens;
        for (i, token) in tokens.iter().enumerate().skip(from) {
            match token {
                Token::Word { text, .. } => return Some((i, text)),
                Token::Begin(_) | Token::End(_) => {}
                _ => return None,
            }
        }
        None
    }

    /// A hyphenated pair of actors among the unit's words before its head: "HAMAS-FATAH" as one
    /// word or as the tokens HAMAS, -, FATAH.
    fn hyphen_pair(&self, unit: usize) -> Option<(String, String)> {
        let words = &self.layer.units[unit].words;
        let head = unit_head(words)?;
        let code = |part: &str| {
            let code = self.lexicon.unit_code(&[part.to_string()], self.date);
            (!code.starts_with("---")).then_some(code)
        };
        let pair = |left: &str, right: &str| {
            if left.is_empty() || right.is_empty() || right.contains('-') {
                return None;
            }
            let (a, b) = (code(left)?, code(right)?);
            (a != b).then_some((a, b))
        };
        (0..head).find_map(|w| {
            if words[w] == "-" || words[w] == "–" {
                return pair(
                    words.get(w.checked_sub(1)?)?,
                    words.get(w + 1).filter(|_| w + 1 < head)?,
                );
            }
            let (left, right) = words[w].split_once('-')?;
            pair(left, right)
        })
    }

    /// Codes the nominal event sites of the sentence (see the module comment): event nouns
    /// with a WITH or BETWEEN party or a hyphenated pair, not governed by a coded verb.
    pub(super) fn noun_sites(
        &self,
        coded_ranges: &[(usize, usize)],
        consumed: &[usize],
        coding: &mut SentenceCoding,
    ) {
        if self.lexicon.dictionaries.nouns.is_empty() {
            return;
        }
        let tokens = &self.layer.tokens;
        for (i, token) in tokens.iter().enumerate() {
            let Token::UnitBegin(unit) = *token else {
                continue;
            };
            if consumed.contains(&unit) {
                continue;
            }
            let Some(hit) = self.unit_noun(unit).filter(|&hit| !self.is_state(hit)) else {
                continue;
            };
            let governed = coded_ranges.iter().any(|&(start, end)| start < i && i < end)
                && !self.word_before_unit(i).is_some_and(|w| CIRCUMSTANCE.contains(&w));
            if governed {
                continue;
            }
            let end = self.layer.matching_end(i);
            let words = &self.layer.units[unit].words;
            let head_index = unit_head(words).unwrap_or(0);
            let leaf = self.layer.units[unit].leaves.get(head_index).copied().flatten();
            let head = words.get(head_index).map_or("", String::as_str);
            // A compound of units distributed over a coordinated party ({[TALKS BETWEEN
            // INDIA] [TALKS BETWEEN PAKISTAN]}): each member is coded by its party; the first
            // member stands for the compound.
            let distributed = self.layer.units[unit].compound.and_then(|c| {
                let preposition = words.get(head_index + 1).map(String::as_str)?;
                if !PARTY_PREPOSITIONS.contains(&preposition)
                    || self.layer.compounds[c].members.first() != Some(&unit)
                {
                    return None;
                }
                let begin = tokens.iter().position(|t| *t == Token::CompoundBegin(c))?;
                let pair = (preposition == "BETWEEN").then_some(Role::Compound(c));
                Some((begin, (Role::Compound(c), pair)))
            });
            if self.layer.units[unit].compound.is_some() && distributed.is_none() {
                continue;
            }
            let upper = self.upper_sequence(distributed.map_or(i, |(begin, _)| begin));
            let site = coding.sites.len();
            let before = coding.events.len();
            // The other party: WITH + unit, or BETWEEN + compound / unit AND unit.
            let party = distributed.map(|(_, party)| party);
            let party = party.or_else(|| self.party_at(end + 1));
            let party_end = party.map_or(end + 1, |(role, second)| {
                let last = second.unwrap_or(role);
                let marker = match last {
                    Role::Unit(u) => Token::UnitBegin(u),
                    Role::Compound(c) => Token::CompoundBegin(c),
                };
                tokens
                    .iter()
                    .position(|t| *t == marker)
                    .map_or(end + 1, |b| self.layer.matching_end(b) + 1)
            });
            let lower = self.lower_sequence(end + 1, party_end);
            let (code, bindings, fired) = match self.noun_pattern(hit, &upper, &lower) {
                Some((pattern, bindings)) => (pattern.code.clone(), bindings, Some(pattern.index)),
                None => (self.noun_code(hit), (None, None), None),
            };
            if code == "---" {
                continue;
            }
            let code = engine_code(VerbFormat::Dyad, &code, false);
            // Symmetric events (talks, clashes between two parties) go both ways; a paired
            // code keeps its first half.
            let forward = code.split_once(':').map_or(code.as_str(), |(a, _)| a).to_string();
            match party {
                Some(pair @ (_, Some(_))) => {
                    self.emit_mutual(pair, &code, site, &mut coding.events)
                }
                Some((target, None)) => {
                    let possessor =
                        self.word_before_possessor(i).filter(|&p| self.is_coded(p)).map(Role::Unit);
                    let source = bindings.0.or(possessor).or_else(|| self.default_source(&upper));
                    let target = bindings.1.unwrap_or(target);
                    if let Some(source) = source {
                        self.emit(source, target, &code, false, site, &mut coding.events);
                    }
                }
                None => {
                    if let Some((a, b)) = self.hyphen_pair(unit) {
                        for (s, t) in [(&a, &b), (&b, &a)] {
                            coding.events.push(CodedEvent {
                                triple: Triple {
                                    source: s.clone(),
                                    target: t.clone(),
                                    code: forward.clone(),
                                },
                                source_unit: Some(unit),
                                target_unit: Some(unit),
                                site,
                            });
                        }
                    }
                }
            }
            if coding.events.len() > before {
                coding.sites.push(self.noun_trace(hit, fired, head, leaf, code));
            }
        }
    }

    /// The possessor unit just before the unit opening at token `at` ("RUSSIA 'S [TALKS]").
    fn word_before_possessor(&self, at: usize) -> Option<usize> {
        let tokens = &self.layer.tokens;
        let mut i = at;
        let mut seen_possessive = false;
        while i > 0 {
            i -= 1;
            match &tokens[i] {
                Token::Word { text, .. } if !seen_possessive && is_possessive(text) => {
                    seen_possessive = true;
                }
                Token::UnitEnd(u) if seen_possessive => return Some(*u),
                Token::Begin(_) | Token::End(_) => {}
                _ => return None,
            }
        }
        None
    }
}
