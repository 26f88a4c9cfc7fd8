//! The PETRARCH-1 coding engine over the clause layer: actor and agent coding of units, verb
//! sites, upper and lower sequences, pattern matching, default source and target, paired and
//! compound events, comma-clause deletion and discards
//! (`shared/docs/petrarch1-semantics.md` sections 1.5, 3 and 4).
//!
//! The engine knows nothing of treebanks: it reads a [`ClauseLayer`]. Its dictionaries are a
//! [`Lexicon`], an index built once from a [`Dictionaries`] set.

use std::collections::HashMap;

use dyad_dictionaries::{
    AgentCode, Connector, DatedCode, Dictionaries, DiscardLevel, Element, Item, Pattern, Phrase,
    resolve_code,
};
use dyad_model::Date;

use crate::clause::{ClauseLayer, Label, Token};
use crate::records::{CodingOptions, Triple};

/// A phrase indexed for matching: its words and the connector after each.
#[derive(Clone, Debug)]
struct IndexedPhrase {
    words: Vec<(String, Connector)>,
    /// Actor or agent entry index.
    entry: usize,
}

/// A verb form stored under its inflecting word.
#[derive(Clone, Debug)]
struct VerbEntry {
    block: usize,
    verb: usize,
    before: Vec<String>,
    after: Vec<String>,
}

/// The dictionaries indexed for the engine.
#[derive(Debug)]
pub struct Lexicon<'a> {
    dictionaries: &'a Dictionaries,
    actors: HashMap<String, Vec<IndexedPhrase>>,
    agents: HashMap<String, Vec<IndexedPhrase>>,
    verbs: HashMap<String, Vec<VerbEntry>>,
    synsets: HashMap<String, Vec<Vec<String>>>,
}

fn index_phrase(phrase: &Phrase, entry: usize) -> Option<IndexedPhrase> {
    let words: Vec<(String, Connector)> =
        phrase.words.iter().map(|w| (w.text.to_uppercase(), w.connector)).collect();
    if words.is_empty() {
        return None;
    }
    Some(IndexedPhrase { words, entry })
}

/// Sorts each candidate list longest first, keeping file order among equals.
fn longest_first(index: &mut HashMap<String, Vec<IndexedPhrase>>) {
    for candidates in index.values_mut() {
        candidates.sort_by_key(|c| std::cmp::Reverse(c.words.len()));
    }
}

impl<'a> Lexicon<'a> {
    /// Indexes a dictionary set.
    pub fn new(dictionaries: &'a Dictionaries) -> Lexicon<'a> {
        let mut actors: HashMap<String, Vec<IndexedPhrase>> = HashMap::new();
        for (entry, actor) in dictionaries.actors.iter().enumerate() {
            for phrase in &actor.phrases {
                if let Some(indexed) = index_phrase(phrase, entry) {
                    actors.entry(indexed.words[0].0.clone()).or_default().push(indexed);
                }
            }
        }
        longest_first(&mut actors);
        let mut agents: HashMap<String, Vec<IndexedPhrase>> = HashMap::new();
        for (entry, agent) in dictionaries.agents.iter().enumerate() {
            for phrase in &agent.phrases {
                if let Some(indexed) = index_phrase(phrase, entry) {
                    agents.entry(indexed.words[0].0.clone()).or_default().push(indexed);
                }
            }
        }
        longest_first(&mut agents);
        let mut verbs: HashMap<String, Vec<VerbEntry>> = HashMap::new();
        for (block_index, block) in dictionaries.verbs.blocks.iter().enumerate() {
            for (verb_index, verb) in block.verbs.iter().enumerate() {
                for form in &verb.forms {
                    let upper = |words: &[String]| -> Vec<String> {
                        words.iter().map(|w| w.to_uppercase()).collect()
                    };
                    verbs.entry(form.head_word().to_uppercase()).or_default().push(VerbEntry {
                        block: block_index,
                        verb: verb_index,
                        before: upper(form.before()),
                        after: upper(form.after()),
                    });
                }
            }
        }
        let mut synsets = HashMap::new();
        for synset in &dictionaries.verbs.synsets {
            let members = synset
                .members
                .iter()
                .map(|m| m.words.iter().map(|w| w.to_uppercase()).collect::<Vec<_>>())
                .filter(|m: &Vec<String>| !m.is_empty())
                .collect();
            synsets.insert(synset.name.to_uppercase(), members);
        }
        Lexicon { dictionaries, actors, agents, verbs, synsets }
    }

    /// The code of a unit: its first actor, then its agents (section 3.2 to 3.4); `---` when
    /// nothing matches.
    pub fn unit_code(&self, words: &[String], date: Option<Date>) -> String {
        let mut actor_code: Option<String> = None;
        for start in 0..words.len() {
            if let Some((entry, _)) = longest_match(&self.actors, words, start) {
                let codes = self.actor_codes(entry);
                actor_code = Some(
                    resolve_code(&codes, date)
                        .map(|c| c.code.to_uppercase())
                        .unwrap_or_else(|| "---".to_string()),
                );
                break;
            }
        }
        let mut agents: Vec<&AgentCode> = Vec::new();
        let mut at = 0;
        while at < words.len() {
            if let Some((entry, end)) = longest_match(&self.agents, words, at) {
                agents.push(&self.dictionaries.agents[entry].code);
                at = end;
            } else {
                at += 1;
            }
        }
        let mut code = match (&actor_code, agents.is_empty()) {
            (None, true) => return "---".to_string(),
            (Some(code), true) => return code.clone(),
            (Some(code), false) => code.clone(),
            (None, false) => "---".to_string(),
        };
        for agent in agents {
            let upper = match agent {
                AgentCode::Append(c) => AgentCode::Append(c.trim().to_uppercase()),
                AgentCode::Prepend(c) => AgentCode::Prepend(c.trim().to_uppercase()),
            };
            match upper.apply(&code) {
                Some(next) => code = next,
                None => break,
            }
        }
        code
    }

    /// Codes of an actor entry; entries repeating the same primary phrase accumulate codes.
    fn actor_codes(&self, entry: usize) -> Vec<DatedCode> {
        self.dictionaries.actors[entry].codes.clone()
    }
}

/// The longest candidate starting at `words[start]`: its entry and the index after its last word.
fn longest_match(
    index: &HashMap<String, Vec<IndexedPhrase>>,
    words: &[String],
    start: usize,
) -> Option<(usize, usize)> {
    let candidates = index.get(&words[start])?;
    'candidates: for candidate in candidates {
        let mut at = start + 1;
        for i in 1..candidate.words.len() {
            let connector = candidate.words[i - 1].1;
            let wanted = &candidate.words[i].0;
            loop {
                if at >= words.len() {
                    continue 'candidates;
                }
                if &words[at] == wanted {
                    at += 1;
                    break;
                }
                if connector == Connector::Adjacent {
                    continue 'candidates;
                }
                at += 1;
            }
        }
        return Some((candidate.entry, at));
    }
    None
}

/// Which discard, if any, the sentence text hits (section 1.5).
pub fn discard_hit(dictionaries: &Dictionaries, text: &str) -> Option<DiscardLevel> {
    let flat: String = text.chars().filter(|&c| c != '\n' && c != '\r').collect::<String>();
    let flat = flat.to_uppercase();
    for level in [DiscardLevel::Story, DiscardLevel::Sentence] {
        for discard in dictionaries.discards.iter().filter(|d| d.level == level) {
            let words: Vec<String> =
                discard.phrase.words.iter().map(|w| w.text.to_uppercase()).collect();
            if words.is_empty() {
                continue;
            }
            let needle = format!(" {}", words.join(" "));
            if flat.contains(&needle) {
                return Some(level);
            }
        }
    }
    None
}

/// A unit or compound an event side is bound to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Unit(usize),
    Compound(usize),
}

/// One item of an upper or lower sequence.
#[derive(Clone, Debug, PartialEq, Eq)]
enum SeqItem {
    Word(String),
    UnitMark(usize),
    CompoundMark(usize),
}

/// What a verb site produced.
#[derive(Clone, Debug, Default)]
pub struct SiteTrace {
    /// The verb word.
    pub verb: String,
    /// Token index of the verb word.
    pub position: usize,
    /// The pattern that fired, if any.
    pub pattern: Option<String>,
    /// The code used.
    pub code: String,
    /// Whether the site was passive.
    pub passive: bool,
}

/// The outcome of coding one sentence.
#[derive(Clone, Debug, Default)]
pub struct SentenceCoding {
    /// De-duplicated events, in the order produced.
    pub events: Vec<Triple>,
    /// The verb sites that produced a code.
    pub sites: Vec<SiteTrace>,
    /// Unit codes, parallel to the layer's units.
    pub unit_codes: Vec<String>,
}

struct Context<'l, 'd> {
    lexicon: &'l Lexicon<'d>,
    layer: &'l ClauseLayer,
    options: &'l CodingOptions,
    codes: Vec<String>,
}

/// Codes one linearised sentence: comma-clause deletion, unit coding, verb sites and events.
/// Returns `None` when comma deletion leaves an unbalanced list (the record gets no events).
pub fn code_sentence(
    lexicon: &Lexicon<'_>,
    layer: &ClauseLayer,
    options: &CodingOptions,
    date: Option<Date>,
) -> Option<SentenceCoding> {
    let mut layer = layer.clone();
    delete_comma_clauses(&mut layer, options);
    if !layer.is_balanced() {
        return None;
    }
    let codes: Vec<String> =
        layer.units.iter().map(|unit| lexicon.unit_code(&unit.words, date)).collect();
    let context = Context { lexicon, layer: &layer, options, codes };
    let mut coding = SentenceCoding::default();
    let tokens = &layer.tokens;
    let mut at = 2;
    while at < tokens.len() {
        if let Token::Begin(Label::VerbPhrase(_)) = tokens[at] {
            let end = layer.matching_end(at);
            if let Some(trace) = context.verb_site(at, end, &mut coding.events) {
                coding.sites.push(trace);
                at = end + 1;
                continue;
            }
        }
        at += 1;
    }
    let mut unique: Vec<Triple> = Vec::new();
    for event in coding.events.drain(..) {
        if !unique.contains(&event) {
            unique.push(event);
        }
    }
    coding.events = unique;
    coding.unit_codes = context.codes;
    Some(coding)
}

/// The word at token `i`, if the token is a word.
fn word_at(tokens: &[Token], i: usize) -> Option<&str> {
    tokens.get(i).and_then(Token::word)
}

impl Context<'_, '_> {
    fn is_coded(&self, unit: usize) -> bool {
        self.codes[unit] != "---"
    }

    /// Codes the verb phrase starting at `start` (ending at `end`) if its first child is a
    /// verb; returns a trace when a code resulted.
    fn verb_site(&self, start: usize, end: usize, events: &mut Vec<Triple>) -> Option<SiteTrace> {
        let tokens = &self.layer.tokens;
        let Some(Token::Begin(Label::Tag(tag))) = tokens.get(start + 1) else {
            return None;
        };
        if !tag.starts_with("VB") {
            return None;
        }
        let (verb_position, passive) = match self.passive_verb(start, end) {
            Some(position) => (position, true),
            None => (start + 2, false),
        };
        let word = word_at(tokens, verb_position)?;
        let candidates = self.lexicon.verbs.get(word)?;
        // Multi-word variants first; then the single word, whose last definition wins (a
        // later block listing the same verb replaces the earlier one).
        let mut chosen: Option<(&VerbEntry, usize, usize)> = None;
        for entry in candidates.iter().filter(|e| !e.before.is_empty() || !e.after.is_empty()) {
            if let Some((upper_start, lower_start)) = self.fits(entry, verb_position, end) {
                chosen = Some((entry, upper_start, lower_start));
                break;
            }
        }
        if chosen.is_none() {
            chosen = candidates
                .iter()
                .rev()
                .find(|e| e.before.is_empty() && e.after.is_empty())
                .map(|e| (e, verb_position, verb_position + 1));
        }
        let (entry, upper_start, lower_start) = chosen?;
        let block = &self.lexicon.dictionaries.verbs.blocks[entry.block];
        let upper = self.upper_sequence(upper_start);
        let lower = self.lower_sequence(lower_start, end);
        let mut code = None;
        let mut source = None;
        let mut target = None;
        let mut fired = None;
        for pattern in &block.patterns {
            if let Some(bindings) = self.match_pattern(pattern, &upper, &lower) {
                if pattern.code.trim() != "---" {
                    code = Some(pattern.code.trim().to_uppercase());
                    (source, target) = bindings;
                    fired = Some(pattern.text.clone());
                }
                break;
            }
        }
        let code = match code {
            Some(code) => code,
            None => {
                let default = block.default_code(entry.verb).trim().to_uppercase();
                if default == "---" {
                    return None;
                }
                default
            }
        };
        let source = source.or_else(|| self.default_source(&upper));
        if let Some(source) = source {
            let target = target.or_else(|| self.default_target(source, &upper, &lower));
            if let Some(target) = target {
                self.emit(source, target, &code, passive, events);
            }
        }
        Some(SiteTrace {
            verb: word.to_string(),
            position: verb_position,
            pattern: fired,
            code,
            passive,
        })
    }

    /// Passive test (section 2.7): a VBN at least three tokens into the phrase, BY after it,
    /// and WAS, IS or BEEN as a verb before it. Returns the VBN's word position.
    fn passive_verb(&self, start: usize, end: usize) -> Option<usize> {
        let tokens = &self.layer.tokens;
        let vbn = (start + 3..end)
            .find(|&i| matches!(&tokens[i], Token::Begin(Label::Tag(t)) if t == "VBN"))?;
        let by = (vbn + 1..end).any(|i| word_at(tokens, i) == Some("BY"));
        if !by {
            return None;
        }
        let auxiliary = (start..vbn).any(|i| {
            matches!(&tokens[i], Token::Begin(Label::Tag(t)) if t.starts_with("VB"))
                && matches!(word_at(tokens, i + 1), Some("WAS" | "IS" | "BEEN"))
        });
        auxiliary.then_some(vbn + 1)
    }

    /// Whether a multi-word verb's fixed words surround the verb; returns where the upper
    /// sequence starts (the token before which it runs backwards) and where the lower starts.
    fn fits(&self, entry: &VerbEntry, verb: usize, end: usize) -> Option<(usize, usize)> {
        let tokens = &self.layer.tokens;
        let mut lower_start = verb + 1;
        let mut at = verb + 1;
        for wanted in &entry.after {
            while at < end && word_at(tokens, at).is_none() {
                at += 1;
            }
            if at >= end || word_at(tokens, at) != Some(wanted.as_str()) {
                return None;
            }
            at += 1;
            lower_start = at;
        }
        let mut upper_start = verb;
        let mut at = verb;
        for wanted in entry.before.iter().rev() {
            loop {
                if at <= 2 {
                    return None;
                }
                at -= 1;
                if word_at(tokens, at).is_some() {
                    break;
                }
            }
            if word_at(tokens, at) != Some(wanted.as_str()) {
                return None;
            }
            upper_start = at;
        }
        Some((upper_start, lower_start))
    }

    fn sequence_item(token: &Token) -> Option<SeqItem> {
        match token {
            Token::Word { text, .. } => Some(SeqItem::Word(text.clone())),
            Token::UnitBegin(u) | Token::UnitEnd(u) => Some(SeqItem::UnitMark(*u)),
            Token::CompoundBegin(c) | Token::CompoundEnd(c) => Some(SeqItem::CompoundMark(*c)),
            _ => None,
        }
    }

    /// From the token before `before` back to position 2 or the nearest comma, nearest first.
    fn upper_sequence(&self, before: usize) -> Vec<SeqItem> {
        let tokens = &self.layer.tokens;
        let mut items = Vec::new();
        let mut at = before;
        while at > 2 {
            at -= 1;
            if tokens[at] == Token::End(Label::Comma) {
                break;
            }
            if let Some(item) = Self::sequence_item(&tokens[at]) {
                items.push(item);
            }
        }
        items
    }

    /// From `start` to the end marker of the verb's phrase.
    fn lower_sequence(&self, start: usize, end: usize) -> Vec<SeqItem> {
        self.layer.tokens[start.min(end)..end].iter().filter_map(Self::sequence_item).collect()
    }

    /// Both sides of a pattern; returns the (source, target) bindings on success.
    fn match_pattern(
        &self,
        pattern: &Pattern,
        upper: &[SeqItem],
        lower: &[SeqItem],
    ) -> Option<(Option<Role>, Option<Role>)> {
        let mut bindings = (None, None);
        self.match_side(&pattern.upper, upper, true, &mut bindings)?;
        self.match_side(&pattern.lower, lower, false, &mut bindings)?;
        Some(bindings)
    }

    fn match_side(
        &self,
        elements: &[Element],
        sequence: &[SeqItem],
        upper: bool,
        bindings: &mut (Option<Role>, Option<Role>),
    ) -> Option<()> {
        let mut at = 0;
        let mut element = 0;
        let mut in_unit: Option<(usize, usize)> = None; // unit, index of its entry marker
        let mut in_compound: Option<usize> = None;
        while element < elements.len() {
            let word = match sequence.get(at)? {
                // Unit and compound boundaries toggle "inside" and are transparent for adjacency.
                SeqItem::UnitMark(u) => {
                    in_unit = if in_unit.is_some() { None } else { Some((*u, at)) };
                    at += 1;
                    continue;
                }
                SeqItem::CompoundMark(c) => {
                    in_compound = if in_compound.is_some() { None } else { Some(*c) };
                    at += 1;
                    continue;
                }
                SeqItem::Word(word) => word,
            };
            let current = &elements[element];
            let gap = current.connector == Connector::Gap;
            let marker = match &current.item {
                Item::Source | Item::Target | Item::Skip | Item::Compound => true,
                Item::Word(w) => w.chars().count() == 1,
                _ => false,
            };
            if marker {
                if let (Item::Compound, Some(compound)) = (&current.item, in_compound) {
                    if upper {
                        bindings.0 = Some(Role::Compound(compound));
                    }
                    bindings.1 = Some(Role::Compound(compound));
                    at += 1;
                    element += 1;
                    continue;
                }
                if let Some((unit, entered)) = in_unit {
                    match current.item {
                        Item::Source => bindings.0 = Some(Role::Unit(unit)),
                        Item::Target => bindings.1 = Some(Role::Unit(unit)),
                        Item::Skip => {
                            if upper {
                                // PETRARCH-1 lands back on the unit's entry marker.
                                at = entered;
                            } else {
                                let close = (at..sequence.len())
                                    .find(|&i| sequence[i] == SeqItem::UnitMark(unit))
                                    .unwrap_or(sequence.len().saturating_sub(1));
                                at = close;
                                in_unit = None;
                            }
                        }
                        _ => {}
                    }
                    at += 1;
                    element += 1;
                    continue;
                }
                if gap {
                    at += 1;
                    continue;
                }
                return None;
            }
            match &current.item {
                Item::Synset(name) => {
                    if let Some(length) = self.synset_match(name, sequence, at, upper) {
                        at += length;
                        element += 1;
                        continue;
                    }
                }
                Item::Word(wanted) => {
                    if wanted.eq_ignore_ascii_case(word) {
                        at += 1;
                        element += 1;
                        continue;
                    }
                }
                _ => return None,
            }
            if gap {
                at += 1;
                continue;
            }
            return None;
        }
        Some(())
    }

    /// Length (in sequence items) of a synset member matching at `at`, if any. In the upper
    /// sequence, which is reversed, multi-word members are matched in reverse.
    fn synset_match(
        &self,
        name: &str,
        sequence: &[SeqItem],
        at: usize,
        upper: bool,
    ) -> Option<usize> {
        let members = self.lexicon.synsets.get(&name.to_uppercase())?;
        for member in members {
            let words: Vec<&String> =
                if upper { member.iter().rev().collect() } else { member.iter().collect() };
            let mut i = at;
            let mut matched = 0;
            while matched < words.len() {
                match sequence.get(i) {
                    Some(SeqItem::Word(w)) if w == words[matched] => {
                        matched += 1;
                        i += 1;
                    }
                    _ => break,
                }
            }
            if matched == words.len() {
                return Some(i - at);
            }
        }
        None
    }

    /// The default source (4.5): walking from the far end of the upper sequence towards the
    /// verb, the first compound or coded unit; else the farthest uncoded unit.
    fn default_source(&self, upper: &[SeqItem]) -> Option<Role> {
        let mut farthest_uncoded = None;
        let mut in_compound = false;
        for item in upper.iter().rev() {
            match item {
                SeqItem::CompoundMark(c) => {
                    if !in_compound {
                        return Some(Role::Compound(*c));
                    }
                    in_compound = !in_compound;
                }
                SeqItem::UnitMark(u) => {
                    if self.is_coded(*u) {
                        return Some(Role::Unit(*u));
                    }
                    if farthest_uncoded.is_none() {
                        farthest_uncoded = Some(Role::Unit(*u));
                    }
                }
                SeqItem::Word(_) => {}
            }
        }
        farthest_uncoded
    }

    /// The default target (4.5).
    fn default_target(&self, source: Role, upper: &[SeqItem], lower: &[SeqItem]) -> Option<Role> {
        let source_code = match source {
            Role::Unit(u) if self.is_coded(u) => Some(self.codes[u].as_str()),
            _ => None,
        };
        for item in lower {
            match item {
                SeqItem::CompoundMark(c) => return Some(Role::Compound(*c)),
                SeqItem::UnitMark(u) if self.is_coded(*u) => {
                    if source_code.is_some_and(|s| self.codes[*u].contains(s)) {
                        continue;
                    }
                    return Some(Role::Unit(*u));
                }
                _ => {}
            }
        }
        if let Some(u) = lower.iter().find_map(|item| match item {
            SeqItem::UnitMark(u) if !self.is_coded(*u) => Some(*u),
            _ => None,
        }) {
            return Some(Role::Unit(u));
        }
        let source_codes = self.side_codes(source, false);
        for item in upper {
            if let SeqItem::UnitMark(u) = item
                && self.is_coded(*u)
                && !source_codes.contains(&self.codes[*u])
            {
                return Some(Role::Unit(*u));
            }
        }
        for item in upper {
            if let SeqItem::UnitMark(u) = item
                && !self.is_coded(*u)
                && Role::Unit(*u) != source
            {
                return Some(Role::Unit(*u));
            }
        }
        None
    }

    /// The code of an uncoded unit: `---`, or its quoted words under `new_actor_length`.
    fn uncoded_text(&self, unit: usize) -> String {
        let words = &self.layer.units[unit].words;
        let limit = self.options.new_actor_length;
        if limit > 0 && !words.is_empty() && words.len() <= limit {
            format!("\"{}\"", words.join(" "))
        } else {
            "---".to_string()
        }
    }

    /// The codes one side stands for (compounds expand to their members; `/` codes split).
    fn side_codes(&self, role: Role, new_actors: bool) -> Vec<String> {
        let units: Vec<usize> = match role {
            Role::Unit(u) => vec![u],
            Role::Compound(c) => self.layer.compounds[c].members.clone(),
        };
        let all_uncoded = units.iter().all(|&u| !self.is_coded(u));
        if all_uncoded && units.len() > 1 {
            return vec!["---".to_string()];
        }
        let in_compound = units.len() > 1;
        let mut codes = Vec::new();
        for u in units {
            if self.is_coded(u) {
                codes.extend(self.codes[u].split('/').map(str::to_string));
            } else {
                let text = if new_actors { self.uncoded_text(u) } else { "---".to_string() };
                // An uncoded member of a partly coded compound counts only as a new actor.
                if !(in_compound && text == "---") {
                    codes.push(text);
                }
            }
        }
        codes
    }

    fn emit(&self, source: Role, target: Role, code: &str, passive: bool, out: &mut Vec<Triple>) {
        let mut sources = self.side_codes(source, true);
        let mut targets = self.side_codes(target, true);
        let mut push = |s: &str, t: &str, c: &str| {
            if s == t {
                return;
            }
            let (s, t) = if passive { (t, s) } else { (s, t) };
            if self.options.require_dyad && (s == "---" || t == "---") {
                return;
            }
            out.push(Triple { source: s.to_string(), target: t.to_string(), code: c.to_string() });
        };
        if let Some((forward, backward)) = code.split_once(':') {
            if sources == ["---"] {
                sources = targets.clone();
            } else if targets == ["---"] {
                targets = sources.clone();
            }
            for s in &sources {
                for t in &targets {
                    push(s, t, forward);
                }
            }
            for t in &targets {
                for s in &sources {
                    push(t, s, backward);
                }
            }
        } else {
            for s in &sources {
                for t in &targets {
                    push(s, t, code);
                }
            }
        }
    }
}

/// Counts the words (tokens starting with a letter) in `tokens[from..to]`.
fn count_words(tokens: &[Token], from: usize, to: usize) -> usize {
    tokens[from.min(to)..to]
        .iter()
        .filter(|t| t.word().is_some_and(|w| w.chars().next().is_some_and(char::is_alphabetic)))
        .count()
}

/// Marks for deletion every complete constituent (and bare word) inside `tokens[from..to]`.
fn mark_constituents(layer: &ClauseLayer, from: usize, to: usize, deleted: &mut [bool]) {
    let mut at = from;
    while at < to {
        match &layer.tokens[at] {
            Token::Begin(_) | Token::UnitBegin(_) | Token::CompoundBegin(_) => {
                let end = layer.matching_end(at);
                if end > at && end < to {
                    for flag in &mut deleted[at..=end] {
                        *flag = true;
                    }
                    at = end + 1;
                } else {
                    at += 1;
                }
            }
            Token::Word { .. } => {
                deleted[at] = true;
                at += 1;
            }
            _ => at += 1,
        }
    }
}

fn remove_marked(layer: &mut ClauseLayer, deleted: &[bool]) {
    let mut index = 0;
    layer.tokens.retain(|_| {
        let keep = !deleted[index];
        index += 1;
        keep
    });
}

fn comma_positions(layer: &ClauseLayer) -> Vec<usize> {
    (2..layer.tokens.len()).filter(|&i| layer.tokens[i] == Token::Begin(Label::Comma)).collect()
}

/// Comma-clause deletion (section 4.8).
pub fn delete_comma_clauses(layer: &mut ClauseLayer, options: &CodingOptions) {
    if comma_positions(layer).is_empty() {
        return;
    }
    // 1. The initial clause.
    if options.comma_bmax > 0 {
        let commas = comma_positions(layer);
        if let Some(&first) = commas.first() {
            let count = count_words(&layer.tokens, 2, first);
            if options.comma_bmin <= count && count <= options.comma_bmax {
                let mut deleted = vec![false; layer.tokens.len()];
                mark_constituents(layer, 2, first, &mut deleted);
                remove_marked(layer, &deleted);
            }
        }
    }
    // 2. The terminal clause.
    if options.comma_emax > 0 {
        let commas = comma_positions(layer);
        let final_punctuation = (0..layer.tokens.len())
            .rev()
            .find(|&i| matches!(&layer.tokens[i], Token::Begin(Label::Tag(t)) if t == "."))
            .unwrap_or(layer.tokens.len());
        if let Some(&last) = commas.iter().rev().find(|&&c| c < final_punctuation) {
            let comma_end = layer.matching_end(last);
            let count = count_words(&layer.tokens, comma_end + 1, final_punctuation);
            if options.comma_emin <= count && count <= options.comma_emax {
                let mut deleted = vec![false; layer.tokens.len()];
                mark_constituents(layer, comma_end + 1, final_punctuation, &mut deleted);
                remove_marked(layer, &deleted);
            }
        }
    }
    // 3. Internal clauses, between consecutive commas.
    if options.comma_max > 0 {
        let mut index = 0;
        loop {
            let commas = comma_positions(layer);
            if index + 1 >= commas.len() {
                break;
            }
            let (first, second) = (commas[index], commas[index + 1]);
            let count = count_words(&layer.tokens, first, second);
            if options.comma_min <= count && count <= options.comma_max {
                let mut deleted = vec![false; layer.tokens.len()];
                mark_constituents(layer, first, second, &mut deleted);
                let removed = deleted.iter().any(|&d| d);
                remove_marked(layer, &deleted);
                if !removed {
                    index += 1;
                }
            } else {
                index += 1;
            }
        }
    }
    // 4. A comma with no words before it, or none after it, goes too.
    let commas = comma_positions(layer);
    let mut deleted = vec![false; layer.tokens.len()];
    if let Some(&first) = commas.first()
        && count_words(&layer.tokens, 2, first) == 0
    {
        let end = layer.matching_end(first);
        for flag in &mut deleted[first..=end] {
            *flag = true;
        }
    }
    if let Some(&last) = commas.last() {
        let end = layer.matching_end(last);
        if count_words(&layer.tokens, end + 1, layer.tokens.len()) == 0 {
            for flag in &mut deleted[last..=end] {
                *flag = true;
            }
        }
    }
    remove_marked(layer, &deleted);
}

#[cfg(test)]
mod tests {
    use dyad_dictionaries::petrarch;

    use super::*;
    use crate::treebank::linearise_text;

    const VERBS: &str = "\
&TIETYPES
+MILITARY
+ECONOMIC

--- ABANDON  [345]  ---
ABANDON
- * NEW_&TIETYPES_RELATIONS [903]

--- MEET  [031:032] ---
MEET {MET MEETS}

--- OPPOSE  [112] ---
OPPOSE
- + WAS * DEAD IN $ [224]

--- CELEBRATE [181] ---
CELEBRATE
- * EID AT ^ WITH + [043]
";

    const ACTORS: &str = "\
ARNOR [ARN]
GONDOR [GON]
OSGILIATH [OSG]
ERIADOR [ERI]
NEW_ZEALAND [NZE]
DENMARK [DNK]
+ZEALAND
SAM_GAMGEE [HOB]
\t[HOBGOV 20121109-20130119]
LAST [LST]
";

    const AGENTS: &str =
        "GOVERNMENT [~GOV]\nMAIN_OPPOSITION_GROUP [~MOP]\nOPPOSITION_GROUP [~OPP]\n";

    fn dictionaries() -> Dictionaries {
        Dictionaries {
            verbs: petrarch::read_petrarch1_verbs("v.txt", VERBS).0,
            actors: petrarch::read_actors("a.txt", ACTORS).0,
            agents: petrarch::read_agents("g.txt", AGENTS).0,
            discards: petrarch::read_discards("d.txt", "BASEBALL\n+TYPHOON\n").0,
            ..Dictionaries::default()
        }
    }

    fn code(parse: &str, options: &CodingOptions) -> Vec<String> {
        let dictionaries = dictionaries();
        let lexicon = Lexicon::new(&dictionaries);
        let layer = linearise_text(parse).unwrap();
        let coding = code_sentence(&lexicon, &layer, options, None).unwrap();
        coding.events.iter().map(ToString::to_string).collect()
    }

    fn words(text: &str) -> Vec<String> {
        text.split(' ').map(str::to_string).collect()
    }

    #[test]
    fn first_actor_longest_match_agents_consume_their_words() {
        let dictionaries = dictionaries();
        let lexicon = Lexicon::new(&dictionaries);
        assert_eq!(lexicon.unit_code(&words("NEW ZEALAND"), None), "NZE");
        assert_eq!(lexicon.unit_code(&words("ZEALAND"), None), "DNK");
        assert_eq!(lexicon.unit_code(&words("THE ARNOR GOVERNMENT"), None), "ARNGOV");
        assert_eq!(lexicon.unit_code(&words("THE GOVERNMENT"), None), "---GOV");
        assert_eq!(lexicon.unit_code(&words("THE GONDOR MAIN OPPOSITION GROUP"), None), "GONMOP");
        let day = |text| Date::parse_compact(text).ok();
        assert_eq!(lexicon.unit_code(&words("SAM GAMGEE"), day("20121109")), "HOBGOV");
        assert_eq!(lexicon.unit_code(&words("SAM GAMGEE"), day("20130120")), "HOB");
    }

    #[test]
    fn default_source_and_target_with_synset_pattern() {
        let parse = "(ROOT (S (NP (NNP Arnor)) (VP (MD will) (VP (VB abandon) (NP (NP (JJ new)
            (JJ economic) (NNS relations)) (PP (IN with) (NP (NNP Gondor)))))) (. .)))";
        assert_eq!(code(parse, &CodingOptions::default()), ["ARN GON 903"]);
        let gapped = parse.replace("(JJ new)", "(JJ new) (JJ global)");
        assert_eq!(code(&gapped, &CodingOptions::default()), ["ARN GON 345"]);
    }

    #[test]
    fn paired_codes_and_compound_cross_products() {
        let parse = "(ROOT (S (NP (NNP Arnor)) (VP (VBD met) (NP (NNP Gondor) (CC and)
            (NNP Osgiliath))) (. .)))";
        let mut events = code(parse, &CodingOptions::default());
        events.sort();
        assert_eq!(events, ["ARN GON 031", "ARN OSG 031", "GON ARN 032", "OSG ARN 032"]);
    }

    #[test]
    fn pattern_bindings_and_skips_inside_units() {
        let parse = "(ROOT (S (NP (NNP Eriador)) (VP (VBD was) (VP (VBN opposed) (ADJP (JJ dead))
            (PP (IN in) (NP (NNP Osgiliath))))) (. .)))";
        assert_eq!(code(parse, &CodingOptions::default()), ["OSG ERI 224"]);
        let parse = "(ROOT (S (NP (NNP Arnor)) (VP (VBD celebrated) (NP (NP (NNP Eid)) (PP (IN at)
            (NP (NNP Osgiliath)))) (PP (IN with) (NP (NNP Gondor)))) (. .)))";
        assert_eq!(code(parse, &CodingOptions::default()), ["ARN GON 043"]);
    }

    #[test]
    fn passive_voice_swaps_source_and_target() {
        let parse = "(ROOT (S (NP (NNP Eriador)) (VP (VBD was) (VP (VBN opposed) (PP (IN by)
            (NP (NNP Osgiliath))))) (. .)))";
        assert_eq!(code(parse, &CodingOptions::default()), ["OSG ERI 112"]);
    }

    #[test]
    fn require_dyad_and_new_actor_text() {
        let parse = "(ROOT (S (NP (NNP Arnor)) (VP (VBD met) (NP (DT the) (NN ministry))) (. .)))";
        assert!(code(parse, &CodingOptions::default()).is_empty());
        let options = CodingOptions { new_actor_length: 2, ..CodingOptions::default() };
        let mut events = code(parse, &options);
        events.sort();
        assert_eq!(events, ["\"THE MINISTRY\" ARN 032", "ARN \"THE MINISTRY\" 031"]);
        // A paired code replaces an uncoded side by the other side: only self-pairs remain.
        let options = CodingOptions { require_dyad: false, ..CodingOptions::default() };
        assert!(code(parse, &options).is_empty());
        let plain = parse.replace("met", "abandoned");
        assert_eq!(code(&plain, &options), ["ARN --- 345"]);
    }

    #[test]
    fn terminal_comma_clause_is_deleted_within_its_window() {
        let parse = "(ROOT (S (S (NP (NNP Arnor)) (VP (VBD met) (NP (NNP Gondor)))) (, ,)
            (NP (DT an) (NN official)) (VP (VBD abandoned) (NP (NNP Osgiliath))) (. .)))";
        let options = CodingOptions { comma_max: 0, ..CodingOptions::default() };
        let mut events = code(parse, &options);
        events.sort();
        assert_eq!(events, ["ARN GON 031", "GON ARN 032"]);
        let off = CodingOptions { comma_emax: 0, comma_max: 0, ..CodingOptions::default() };
        // Without deletion the second clause codes too: its source is the unit after the comma,
        // uncoded, so require_dyad drops it; the first clause is unchanged.
        assert_eq!(code(parse, &off).len(), 2);
        let loose = CodingOptions { require_dyad: false, ..off };
        assert!(code(parse, &loose).contains(&"--- OSG 345".to_string()));
    }

    #[test]
    fn discards_match_at_word_starts_story_level_first() {
        let dictionaries = dictionaries();
        assert_eq!(discard_hit(&dictionaries, "A  baseballer hit."), Some(DiscardLevel::Sentence));
        assert_eq!(
            discard_hit(&dictionaries, "The baseball and typhoon."),
            Some(DiscardLevel::Story)
        );
        assert_eq!(discard_hit(&dictionaries, "Baseball at the start."), None);
        // Line breaks are deleted, not replaced: a phrase broken across lines is not found.
        assert_eq!(discard_hit(&dictionaries, "A\nbaseball game."), None);
    }
}
