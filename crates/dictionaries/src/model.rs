//! The dictionary data model shared by every reader (dyad format, PETRARCH-1, PETRARCH2).
//!
//! Readers keep what the files say, in file order, with the origin (`file:line`) of every entry;
//! engines (the coder) decide how to apply it. Codes are opaque strings (`174K`, `901`, `---`,
//! `042:043`); only date ranges and agent affixes are interpreted here, because they are part of
//! what an entry *means* rather than of how an engine uses it.

use std::fmt;
use std::sync::Arc;

use dyad_model::Date;

/// Where an entry was written: `file:line` (1-based). Events carry it in their `rule` field.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Origin {
    /// The file name as given to the reader.
    pub file: Arc<str>,
    /// 1-based line number.
    pub line: u32,
}

impl Origin {
    /// An origin at `file:line`.
    pub fn new(file: &Arc<str>, line: usize) -> Origin {
        Origin { file: Arc::clone(file), line: line as u32 }
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// How a word relates to the next one in a phrase or pattern.
///
/// PETRARCH-1 reads `_` as "the next word must follow immediately" and a blank as "other words
/// may come between" (petrarch1-semantics 3.1). PETRARCH2 and dyad treat both as adjacency;
/// the matcher decides whether gaps are honoured.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Connector {
    /// Written `_`: the next word must be adjacent.
    Adjacent,
    /// Written as a blank: in PETRARCH-1, other words may intervene.
    Gap,
}

/// One word of a phrase, with the rules for matching it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Word {
    /// The word as written (PETRARCH files are upper case; dyad files keep the author's case).
    pub text: String,
    /// The connector to the next word (meaningless on the last word).
    pub connector: Connector,
    /// dyad format: the word has a capital, so it matches only a token that starts with a capital
    /// letter or a digit. PETRARCH words never set it (their matching ignores case).
    pub capital: bool,
    /// dyad format: the word also matches a token whose lemma is this word (the last word of
    /// agent, issue and noun phrases, so that "ministers" matches `minister`).
    pub lemma: bool,
}

impl Word {
    /// A plain word that matches any case, followed by `connector`.
    pub fn plain(text: impl Into<String>, connector: Connector) -> Word {
        Word { text: text.into(), connector, capital: false, lemma: false }
    }
}

/// A sequence of words that is matched against consecutive tokens.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Phrase {
    /// The words, in text order. Never empty when produced by a reader.
    pub words: Vec<Word>,
}

impl Phrase {
    /// Splits PETRARCH text on `_` and blanks, recording each word's connector. A trailing `_`
    /// is ignored. Every word matches any case.
    pub fn from_petrarch(text: &str) -> Phrase {
        let mut words: Vec<Word> = Vec::with_capacity(4);
        let bytes = text.as_bytes();
        let mut start: Option<usize> = None;
        for (index, &byte) in bytes.iter().enumerate() {
            let separator = byte == b'_' || byte == b' ' || byte == b'\t';
            if !separator {
                if start.is_none() {
                    start = Some(index);
                }
                continue;
            }
            let connector = if byte == b'_' { Connector::Adjacent } else { Connector::Gap };
            match start.take() {
                Some(from) => words.push(Word::plain(&text[from..index], connector)),
                // A run of separators ("A _B"): any blank in it allows a gap.
                None => {
                    if connector == Connector::Gap
                        && let Some(last) = words.last_mut()
                    {
                        last.connector = Connector::Gap;
                    }
                }
            }
        }
        if let Some(from) = start {
            words.push(Word::plain(&text[from..], Connector::Gap));
        }
        if let Some(last) = words.last_mut() {
            last.connector = Connector::Gap;
        }
        Phrase { words }
    }

    /// The phrase as text: words joined by `_` (adjacent) or a blank (gap).
    pub fn text(&self) -> String {
        let mut out = String::new();
        for (i, word) in self.words.iter().enumerate() {
            out.push_str(&word.text);
            if i + 1 < self.words.len() {
                out.push(match word.connector {
                    Connector::Adjacent => '_',
                    Connector::Gap => ' ',
                });
            }
        }
        out
    }

    /// The words joined by single blanks (dyad's way of writing a phrase).
    pub fn words_text(&self) -> String {
        let words: Vec<&str> = self.words.iter().map(|w| w.text.as_str()).collect();
        words.join(" ")
    }

    /// The words' texts in lower case (the key the matchers index).
    pub fn lowercase_words(&self) -> Vec<String> {
        self.words.iter().map(|w| w.text.to_lowercase()).collect()
    }
}

impl fmt::Display for Phrase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text())
    }
}

/// An inclusive date range; either side may be open.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct DateRange {
    /// First day on which the code holds (`None` = since always).
    pub from: Option<Date>,
    /// Last day on which the code holds (`None` = still holds).
    pub to: Option<Date>,
}

impl DateRange {
    /// Whether `date` lies in the range (both ends inclusive).
    pub fn contains(&self, date: Date) -> bool {
        self.from.is_none_or(|from| from <= date) && self.to.is_none_or(|to| date <= to)
    }
}

impl fmt::Display for DateRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(from) = self.from {
            write!(f, "{from}")?;
        }
        f.write_str("..")?;
        if let Some(to) = self.to {
            write!(f, "{to}")?;
        }
        Ok(())
    }
}

/// A code, possibly restricted to a date range.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DatedCode {
    /// The code, opaque (`RUSGOV`, `IGOUNO`, `---`).
    pub code: String,
    /// `None` for an unrestricted code.
    pub range: Option<DateRange>,
    /// Where the code was written.
    pub origin: Origin,
}

/// Resolves a list of dated codes for a sentence date (dyad format and PETRARCH-1 rules, which
/// agree: petrarch1-semantics 3.3, docs/dictionary-format.md):
/// the first dated code (in list order) whose range holds `date` wins; otherwise the last
/// undated code; otherwise `None` (PETRARCH-1 then writes `---`). Without a date only undated
/// codes apply.
pub fn resolve_code(codes: &[DatedCode], date: Option<Date>) -> Option<&DatedCode> {
    if let Some(date) = date
        && let Some(hit) = codes.iter().find(|c| c.range.is_some_and(|r| r.contains(date)))
    {
        return Some(hit);
    }
    codes.iter().rev().find(|c| c.range.is_none())
}

/// An actor: a person, country or organisation, known by one or more synonymous phrases.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Actor {
    /// The phrases; the first is the primary (head line), the others are synonyms.
    pub phrases: Vec<Phrase>,
    /// The codes in file order: codes on the head line first, then continuation lines.
    pub codes: Vec<DatedCode>,
    /// The head line.
    pub origin: Origin,
}

impl Actor {
    /// The code in force at `date` (see [`resolve_code`]).
    pub fn code_at(&self, date: Option<Date>) -> Option<&DatedCode> {
        resolve_code(&self.codes, date)
    }
}

/// How an agent's code combines with the actor code.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum AgentCode {
    /// `~GOV` (or a bare `GOV` in dyad format): appended, RUS + GOV = RUSGOV.
    Append(String),
    /// `NGO~`: prepended, NGO + RUS = NGORUS.
    Prepend(String),
}

impl AgentCode {
    /// The code without its affix marker.
    pub fn code(&self) -> &str {
        match self {
            AgentCode::Append(code) | AgentCode::Prepend(code) => code,
        }
    }

    /// Whether `running` already holds this agent's code at a position that is a multiple of
    /// three (the no-repeat rule: RUSGOV + GOV stays RUSGOV).
    pub fn already_in(&self, running: &str) -> bool {
        let code = self.code();
        if code.is_empty() {
            return true;
        }
        running.match_indices(code).any(|(position, _)| position % 3 == 0)
    }

    /// Applies the agent to a running code, or `None` when the no-repeat rule stops it
    /// (PETRARCH-1 then stops adding agents altogether: petrarch1-semantics 3.4).
    pub fn apply(&self, running: &str) -> Option<String> {
        if self.already_in(running) {
            return None;
        }
        Some(match self {
            AgentCode::Append(code) => format!("{running}{code}"),
            AgentCode::Prepend(code) => format!("{code}{running}"),
        })
    }
}

impl fmt::Display for AgentCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AgentCode::Append(code) => write!(f, "~{code}"),
            AgentCode::Prepend(code) => write!(f, "{code}~"),
        }
    }
}

/// An agent: a role ("foreign minister", "troops") that combines with an actor code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Agent {
    /// Every phrase of the entry: singulars, then plurals (given or generated), then marker
    /// expansions, in the order the reader produced them.
    pub phrases: Vec<Phrase>,
    /// The code and how it combines.
    pub code: AgentCode,
    /// The entry's line.
    pub origin: Origin,
}

/// Where a discard applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DiscardLevel {
    /// The sentence holding the phrase is not coded.
    Sentence,
    /// The article holding the phrase is not coded at all (PETRARCH `+PHRASE`).
    Story,
}

/// A phrase that means "do not code".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Discard {
    /// The phrase.
    pub phrase: Phrase,
    /// Sentence or story.
    pub level: DiscardLevel,
    /// The entry's line.
    pub origin: Origin,
}

/// A kind of story that is not coded, told by how many of its phrases an article holds
/// (`discard-genre sport 5 = coach | striker | ...`): no single word marks a sports report, but
/// five different ones rarely meet in political news.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Genre {
    /// The genre's name (`sport`).
    pub name: String,
    /// How many different phrases of the genre an article must hold to be dropped.
    pub at_least: usize,
    /// The phrases, from every entry of that name.
    pub phrases: Vec<Phrase>,
    /// Phrases that keep an article coded whatever it holds (`discard-genre sport unless =
    /// bomb | gunmen`): news of violence at a match is news.
    pub unless: Vec<Phrase>,
    /// The first entry's line.
    pub origin: Origin,
}

/// What an issue entry does when one of its phrases matches.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum IssueKind {
    /// Adds the issue code to the sentence.
    Topic(String),
    /// PETRARCH `~phrase`: any hit cancels all issue coding for the sentence.
    Ignore,
}

/// An issue (topic) entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issue {
    /// The phrases (PETRARCH `n:`/`v:`/`a+b` expansions already applied).
    pub phrases: Vec<Phrase>,
    /// The code, or an ignore phrase.
    pub kind: IssueKind,
    /// The entry's line.
    pub origin: Origin,
}

/// A named set of words or phrases used in patterns as `&NAME`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Synset {
    /// The name without `&` and without a trailing `_`.
    pub name: String,
    /// Members in file order, each followed by its generated plural (if any).
    pub members: Vec<SynsetMember>,
    /// The `&NAME` line.
    pub origin: Origin,
}

/// One member of a synset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SynsetMember {
    /// The words; consecutive in text (`_` and blank both mean adjacent in synset members).
    /// A member written `&OTHER` is kept literally as the one word `&OTHER` (nested synsets do
    /// not work in PETRARCH-1, petrarch1-semantics 3.6).
    pub words: Vec<String>,
    /// Generated by the plural rule rather than written.
    pub generated: bool,
}

/// What an element of a pattern stands for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Item {
    /// A literal word (a one-letter word other than `$ + ^ %` is kept as a word; PETRARCH-1
    /// treats one-letter elements like the markers, see petrarch1-semantics 4.3).
    Word(String),
    /// `&NAME`: any member of the synset (name without `&`).
    Synset(String),
    /// `$`: the source is here.
    Source,
    /// `+`: the target is here.
    Target,
    /// `^`: skip the current noun phrase / unit.
    Skip,
    /// `%`: the compound (PETRARCH-1: symmetric events).
    Compound,
    /// `{A B HEAD}`: a noun phrase whose last element is its head (PETRARCH2 and dyad).
    NounPhrase(Vec<Element>),
    /// `(PREP ...)`: a prepositional phrase with optional contents (PETRARCH2 and dyad).
    Prep {
        /// The preposition.
        preposition: String,
        /// What must be inside, in text order.
        items: Vec<Element>,
    },
}

/// One element of a pattern side.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Element {
    /// What it is.
    pub item: Item,
    /// Upper side: the connector between this element and the one nearer the verb (for the
    /// first element: between it and the verb). Lower side: the connector before this element
    /// (for the first: the character right after `*`). See petrarch1-semantics 4.2.
    pub connector: Connector,
}

/// A verb (or noun) pattern: what must surround the verb for `code` to apply.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pattern {
    /// Elements before the verb, **nearest the verb first** (reversed text order).
    pub upper: Vec<Element>,
    /// Elements after the verb, in text order.
    pub lower: Vec<Element>,
    /// The code, opaque: `111`, `---` (matches but codes nothing), `042:043` (PETRARCH2 and
    /// dyad: active:passive; PETRARCH-1: a paired code), `036/036` (dyad: a pair of events).
    pub code: String,
    /// The pattern as written (without the leading `-` / `pattern` and without comments).
    pub text: String,
    /// The pattern's line.
    pub origin: Origin,
}

/// One written form of a verb: the inflecting word plus any fixed words around it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct VerbForm {
    /// The words of the form, in text order (one word for a simple verb).
    pub words: Vec<String>,
    /// Index in `words` of the inflecting word (the `+` word of a multi-word verb; for a dyad
    /// `noun` entry, the head noun, i.e. the last word).
    pub head: usize,
}

impl VerbForm {
    /// The inflecting word.
    pub fn head_word(&self) -> &str {
        &self.words[self.head]
    }

    /// Fixed words before the inflecting word.
    pub fn before(&self) -> &[String] {
        &self.words[..self.head]
    }

    /// Fixed words after the inflecting word (particles).
    pub fn after(&self) -> &[String] {
        &self.words[self.head + 1..]
    }

    /// Whether the form has fixed words besides the inflecting one.
    pub fn is_multi_word(&self) -> bool {
        self.words.len() > 1
    }
}

/// One verb line of a block (PETRARCH), one lemma of a `verb` entry or one phrase of a `noun`
/// entry (dyad).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verb {
    /// The base form as written (`BREAK`, `BREAK_DOWN` with head on BREAK).
    pub base: VerbForm,
    /// The verb's own default code (`DOWNPLAY [014]`), `None` to use the block's.
    pub code: Option<String>,
    /// The forms that are stored for matching (PETRARCH-1 rules differ from PETRARCH2's: the
    /// readers apply each engine's rules; dyad stores the lemma only).
    pub forms: Vec<VerbForm>,
    /// The verb line.
    pub origin: Origin,
}

/// A verb block (PETRARCH `--- LABEL [CODE] ---`) or a dyad `verb`/`noun`/`state` entry: verbs
/// sharing patterns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerbBlock {
    /// PETRARCH block label (`BREAK`, `ARM_`); dyad: the first lemma.
    pub label: String,
    /// The default code; `---` means no event (dyad entries without `= CODE` get `---`).
    pub code: String,
    /// The verbs in file order. In PETRARCH-1 the first verb line owns the patterns.
    pub verbs: Vec<Verb>,
    /// The patterns in file order (tried in that order; no sorting).
    pub patterns: Vec<Pattern>,
    /// The block's first line.
    pub origin: Origin,
    /// The conventions of the file the block came from (a set may mix PETRARCH-1 and PETRARCH2
    /// verb files).
    pub format: VerbFormat,
    /// A dyad `state` entry: nouns that name a lasting condition ("war", "dispute"), an event
    /// only where a verb of onset begins it ("war broke out between A and B"), never by
    /// mention ("the Israeli-Palestinian conflict"). Kept among the nouns.
    pub state: bool,
}

impl VerbBlock {
    /// The default code of verb `verb` of this block (its own, else the block's).
    pub fn default_code(&self, verb: usize) -> &str {
        self.verbs.get(verb).and_then(|v| v.code.as_deref()).unwrap_or(&self.code)
    }
}

/// A PETRARCH2 transformation line (`~ a (a b ATTACK) SAY = a b 015`), kept as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Transformation {
    /// The left-hand side after `~`, trimmed.
    pub pattern: String,
    /// The right-hand side after `=`, trimmed.
    pub result: String,
    /// The line.
    pub origin: Origin,
}

/// The verb conventions of a verb file: they decide how an engine must read forms and patterns.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum VerbFormat {
    /// dyad's own format: lemmas, gaps everywhere.
    #[default]
    Dyad,
    /// PETRARCH-1/TABARI (`PETR.Validate.verbs.txt`): surface forms, connectors, `$ + ^ %`.
    Petrarch1,
    /// PETRARCH2 (`CAMEO.2.0.txt`): surface forms, `(PREP ...)`, `{NP}`, active:passive codes.
    Petrarch2,
}

/// Verbs (and dyad nouns): synsets, blocks and transformations.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VerbDictionary {
    /// The conventions of the file(s) read (the last verb file read decides; each block also
    /// records its own in [`VerbBlock::format`]).
    pub format: VerbFormat,
    /// Synsets in file order.
    pub synsets: Vec<Synset>,
    /// Verb blocks in file order.
    pub blocks: Vec<VerbBlock>,
    /// PETRARCH2 transformations.
    pub transformations: Vec<Transformation>,
}

impl VerbDictionary {
    /// The synset called `name` (without `&`), if defined. Later definitions win.
    pub fn synset(&self, name: &str) -> Option<&Synset> {
        self.synsets.iter().rev().find(|s| s.name == name)
    }

    /// Number of verb lines (PETRARCH) or lemmas (dyad).
    pub fn verb_count(&self) -> usize {
        self.blocks.iter().map(|b| b.verbs.len()).sum()
    }

    /// Number of patterns.
    pub fn pattern_count(&self) -> usize {
        self.blocks.iter().map(|b| b.patterns.len()).sum()
    }

    /// Appends another dictionary (a set may hold several verb files).
    pub fn extend(&mut self, other: VerbDictionary) {
        if !other.blocks.is_empty() || !other.synsets.is_empty() {
            self.format = other.format;
        }
        self.synsets.extend(other.synsets);
        self.blocks.extend(other.blocks);
        self.transformations.extend(other.transformations);
    }
}
