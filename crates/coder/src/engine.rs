//! The PETRARCH-1 coding engine over the clause layer: actor and agent coding of units, verb
//! sites, upper and lower sequences, pattern matching, default source and target, paired and
//! compound events and discards; comma-clause deletion runs first ([`crate::commas`])
//! (`shared/docs/petrarch1-semantics.md` sections 1.5, 3 and 4).
//!
//! The engine knows nothing of treebanks: it reads a [`ClauseLayer`]. Its dictionaries are a
//! [`Lexicon`], an index built once from a [`Dictionaries`] set.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;

use dyad_dictionaries::matcher::{FastHasher, Match};
use dyad_dictionaries::{
    AgentCode, Connector, Dictionaries, DiscardLevel, Element, FormRef, Item, Matchers, Pattern,
    Token as MatchToken, VerbForm, VerbFormat,
};
use dyad_model::Date;

use crate::clause::{ClauseLayer, Compound, FINITE_TAGS, Label, Token, Unit};
use crate::commas::delete_comma_clauses;
use crate::dependency::is_time_word;
use crate::genre::{GenreHit, GenreIndex};
use crate::records::{CodingOptions, Triple};

mod nominal;

/// The words of a sentence, hashed with the dictionaries' fast hasher.
type WordSet<'a> = HashSet<&'a str, BuildHasherDefault<FastHasher>>;

/// Words kept by the lexicon, hashed the same way.
type WordSetOwned = HashSet<String, BuildHasherDefault<FastHasher>>;

/// What one pattern element asks of the sequence.
#[derive(Clone, Debug)]
enum Step {
    /// An upper-case word.
    Word(String),
    /// `$`: bind the source.
    Source,
    /// `+`: bind the target.
    Target,
    /// `^`: skip the current unit.
    Skip,
    /// `%`: bind the enclosing compound.
    Compound,
    /// A one-letter word: PETRARCH-1 treats it like a marker that binds nothing.
    Letter,
    /// `&NAME`: index into [`Lexicon::synsets`] (`None`: undefined, never matches).
    Synset(Option<usize>),
    /// A PETRARCH2 element (`{NP}`, `(PREP ...)`) that this engine cannot match.
    Never,
}

/// A pattern element ready for matching.
#[derive(Clone, Debug)]
struct PatternStep {
    step: Step,
    /// Other sequence items may come before this element.
    gap: bool,
}

/// A pattern ready for matching.
#[derive(Clone, Debug)]
struct CompiledPattern {
    upper: Vec<PatternStep>,
    lower: Vec<PatternStep>,
    /// The code, trimmed and upper-cased.
    code: String,
    /// The literal words of both sides: a sentence lacking one cannot match (a cheap filter
    /// before the walk).
    required: Vec<String>,
    /// Index of the pattern in its block.
    index: usize,
}

/// The dictionaries indexed for the engine.
#[derive(Debug)]
pub struct Lexicon<'a> {
    /// Borrowed by `validate` (one set, many records), owned by the pipeline.
    dictionaries: Cow<'a, Dictionaries>,
    /// Actor and agent phrase matchers with PETRARCH-1 gap rules.
    matchers: Matchers,
    /// Members of each synset (upper case), by index.
    synsets: Vec<Vec<Vec<String>>>,
    /// Per synset, the first and the last words of its members: a sequence word that is
    /// neither cannot start a member in either direction (a cheap test before the member walk).
    synset_ends: Vec<WordSetOwned>,
    /// Compiled patterns per verb block, in file order (patterns that can never match are left
    /// out; each keeps its index in the block).
    patterns: Vec<Vec<CompiledPattern>>,
    /// Compiled patterns per dyad `noun` entry (nominal events), as for verbs.
    noun_patterns: Vec<Vec<CompiledPattern>>,
    /// Discard phrases as [`discard_hit`] looks for them (` WORD WORD`, upper case), story
    /// level first, built once.
    discard_needles: Vec<(DiscardLevel, String)>,
    /// The `discard-genre` phrases.
    genres: GenreIndex,
}

fn compile_item(item: &Item, synsets: &HashMap<String, usize>) -> Step {
    match item {
        Item::Source => Step::Source,
        Item::Target => Step::Target,
        Item::Skip => Step::Skip,
        Item::Compound => Step::Compound,
        Item::Word(word) if word.chars().count() == 1 => Step::Letter,
        Item::Word(word) => Step::Word(word.to_uppercase()),
        Item::Synset(name) => Step::Synset(synsets.get(&name.to_uppercase()).copied()),
        _ => Step::Never,
    }
}

fn compile_side(elements: &[Element], synsets: &HashMap<String, usize>) -> Vec<PatternStep> {
    let mut steps = Vec::new();
    for element in elements {
        let gap = element.connector == Connector::Gap;
        match &element.item {
            // A prepositional phrase (dyad and PETRARCH2 `(with +)`) reads, in the flat clause
            // layer, as the preposition followed by its contents; words may stand between them
            // ("with the Palestinian leadership").
            Item::Prep { preposition, items } => {
                steps.push(PatternStep { gap, step: Step::Word(preposition.to_uppercase()) });
                for inner in items {
                    steps.push(PatternStep { gap: true, step: compile_item(&inner.item, synsets) });
                }
            }
            item => steps.push(PatternStep { gap, step: compile_item(item, synsets) }),
        }
    }
    steps
}

/// Compiles the patterns of verb (or noun) blocks, leaving out those that can never match.
fn compile_blocks(
    blocks: &[dyad_dictionaries::VerbBlock],
    synset_index: &HashMap<String, usize>,
) -> Vec<Vec<CompiledPattern>> {
    blocks
        .iter()
        .map(|block| {
            block
                .patterns
                .iter()
                .enumerate()
                .filter_map(|(index, pattern)| {
                    let upper = compile_side(&pattern.upper, synset_index);
                    let lower = compile_side(&pattern.lower, synset_index);
                    let required = upper
                        .iter()
                        .chain(&lower)
                        .filter_map(|step| match &step.step {
                            Step::Word(word) => Some(word.clone()),
                            _ => None,
                        })
                        .collect();
                    // A step that never matches makes the whole pattern fail: leave it out.
                    let possible = !upper
                        .iter()
                        .chain(&lower)
                        .any(|step| matches!(step.step, Step::Never | Step::Synset(None)));
                    possible.then(|| CompiledPattern {
                        upper,
                        lower,
                        code: pattern.code.trim().to_uppercase(),
                        required,
                        index,
                    })
                })
                .collect()
        })
        .collect()
}

impl<'a> Lexicon<'a> {
    /// Indexes a dictionary set.
    pub fn new(dictionaries: &'a Dictionaries) -> Lexicon<'a> {
        Lexicon::build(Cow::Borrowed(dictionaries))
    }

    /// Indexes a dictionary set that the lexicon keeps (the pipeline's, built once).
    pub fn owned(dictionaries: Dictionaries) -> Lexicon<'static> {
        Lexicon::build(Cow::Owned(dictionaries))
    }

    /// The dictionary set.
    pub fn dictionaries(&self) -> &Dictionaries {
        &self.dictionaries
    }

    /// The actor and agent matchers.
    pub fn matchers(&self) -> &Matchers {
        &self.matchers
    }

    fn build(dictionaries: Cow<'a, Dictionaries>) -> Lexicon<'a> {
        // Later definitions of a synset name win.
        let mut synset_index = HashMap::new();
        let mut synsets = Vec::new();
        for synset in &dictionaries.verbs.synsets {
            let members = synset
                .members
                .iter()
                .map(|m| m.words.iter().map(|w| w.to_uppercase()).collect::<Vec<_>>())
                .filter(|m: &Vec<String>| !m.is_empty())
                .collect();
            synset_index.insert(synset.name.to_uppercase(), synsets.len());
            synsets.push(members);
        }
        let patterns = compile_blocks(&dictionaries.verbs.blocks, &synset_index);
        let noun_patterns = compile_blocks(&dictionaries.nouns, &synset_index);
        let matchers = Matchers::build(&dictionaries, true);
        let discard_needles = discard_needles(&dictionaries);
        let genres = GenreIndex::new(&dictionaries);
        let synset_ends = synsets
            .iter()
            .map(|members: &Vec<Vec<String>>| {
                members.iter().flat_map(|m| [m.first(), m.last()]).flatten().cloned().collect()
            })
            .collect();
        Lexicon {
            dictionaries,
            matchers,
            synsets,
            synset_ends,
            patterns,
            noun_patterns,
            discard_needles,
            genres,
        }
    }

    /// The code of a unit: its first actor, then its agents (section 3.2 to 3.4); `---` when
    /// nothing matches.
    pub fn unit_code(&self, words: &[String], date: Option<Date>) -> String {
        self.unit_code_with_lemmas(words, &[], date)
    }

    /// [`Lexicon::unit_code`] with the words' lemmas (parallel to `words`, where known), so that
    /// dyad-format entries match inflected words ("officials" for `agent official`).
    pub fn unit_code_with_lemmas(
        &self,
        words: &[String],
        lemmas: &[Option<&str>],
        date: Option<Date>,
    ) -> String {
        let tokens: Vec<MatchToken<'_>> = words
            .iter()
            .enumerate()
            .map(|(i, w)| MatchToken { text: w, lemma: lemmas.get(i).copied().flatten() })
            .collect();
        let dyad_format = self.dictionaries.verbs.format == VerbFormat::Dyad;
        // The first actor in the unit; entries repeating the same phrase pool their codes. In
        // dyad sets a person's surname alone does not name them after another given name
        // ("Cherie Blair", "Sir Ian Blair" are not Tony Blair).
        let mut from = 0;
        let actor = loop {
            let Some(mut found) = self.matchers.actors.first(&tokens[from..]) else { break None };
            found.start += from;
            found.end += from;
            if dyad_format && self.another_given_name(&tokens, &found) {
                from = found.end;
                continue;
            }
            break Some(found);
        };
        let actor_code = actor.as_ref().map(|found| {
            let entries: Vec<usize> = found.payloads.iter().map(|&p| p as usize).collect();
            self.dictionaries
                .resolve_actor_code(&entries, date)
                .map_or_else(|| "---".to_string(), |c| c.code.to_uppercase())
        });
        // Agents over the whole unit, each match consuming its words. PETRARCH-1 also reads
        // agents inside the actor's own words; dyad sets do not: "the Soviet Union" is SUN,
        // not SUN plus the labour union.
        let inside_actor = |start: usize, end: usize| {
            dyad_format && actor.as_ref().is_some_and(|a| start < a.end && a.start < end)
        };
        let mut agents: Vec<&AgentCode> = self
            .matchers
            .agents
            .find_all(&tokens)
            .iter()
            .filter(|found| !inside_actor(found.start, found.end))
            .filter_map(|found| found.payloads.first())
            .map(|&entry| &self.dictionaries.agents[entry as usize].code)
            .collect();
        // In dyad sets, an officer of a company is business: "a spokesman for the company",
        // "Honeywell Bull Inc president" are BUS, not GOVBUS or GOV.
        let role = |a: &&AgentCode, wanted: &str| match a {
            AgentCode::Append(c) | AgentCode::Prepend(c) => c.trim().eq_ignore_ascii_case(wanted),
        };
        if dyad_format && agents.iter().any(|a| role(a, "BUS")) {
            agents.retain(|a| !role(a, "GOV"));
            // A name that ends as a company is one, whatever its other words ("General Motors
            // Corp", "Western Union Corp", "Hospital Corp of America" are no MIL, LAB or HLH).
            if agents.last().is_some_and(|a| role(a, "BUS")) {
                agents.retain(|a| role(a, "BUS"));
            }
        }
        let mut code = match (&actor_code, agents.is_empty()) {
            (None, true) => return "---".to_string(),
            (Some(code), true) => return code.clone(),
            // An actor whose code already carries a role (a person, a named body: RUSGOV,
            // PSEPTYPPP, IGOAFRAFU) is named in full; role words beside it ("Foreign Minister
            // Mikhail Bogdanov", "committee member Bassam al-Salhi") describe it, they do not
            // compose with it (RUSELIGOV, PSEPTYPPPGOV are not codes). PETRARCH-1 sets keep
            // PETRARCH-1's composition (its records expect GMWGOV + WGO = GMWGOVWGO).
            (Some(code), false) if dyad_format && code.len() > 3 && !code.starts_with("---") => {
                return code.clone();
            }
            (Some(code), false) => code.clone(),
            (None, false) => "---".to_string(),
        };
        for agent in agents {
            let upper = match agent {
                AgentCode::Append(c) => AgentCode::Append(c.trim().to_uppercase()),
                AgentCode::Prepend(c) => AgentCode::Prepend(c.trim().to_uppercase()),
            };
            // A prefix role with no country ("a charity": NGO~) is the role itself in dyad
            // sets, not "NGO---"; PETRARCH-1 sets keep PETRARCH-1's composition.
            if let (true, "---", AgentCode::Prepend(prefix)) = (dyad_format, code.as_str(), &upper)
            {
                code = prefix.clone();
                continue;
            }
            match upper.apply(&code) {
                Some(next) => code = next,
                None => break,
            }
        }
        code
    }

    /// The country of an actor phrase the matcher found (for an article's main country): the
    /// ISO 3166-1 prefix of its code on `date`; none for other codes and for news outlets.
    pub fn actor_country(&self, found: &Match<'_>, date: Option<Date>) -> Option<String> {
        let entries: Vec<usize> = found.payloads.iter().map(|&p| p as usize).collect();
        let code = self.dictionaries.resolve_actor_code(&entries, date)?.code.to_uppercase();
        let prefix = code.get(..3)?;
        (is_country(prefix) && code.get(3..6) != Some("MED")).then(|| prefix.to_string())
    }

    /// Whether an actor or agent of the unit is its head noun: the last word before the first
    /// preposition ("the president of Russia"), else the last word (marks and time words
    /// aside). "the US trade deficit" names an actor only as a modifier of what it is about.
    pub fn names_its_head(&self, words: &[String], lemmas: &[Option<&str>]) -> bool {
        let Some((head, _)) = phrase_head(words) else {
            return false;
        };
        let tokens: Vec<MatchToken<'_>> = words
            .iter()
            .enumerate()
            .map(|(i, w)| MatchToken { text: w, lemma: lemmas.get(i).copied().flatten() })
            .collect();
        // A match covers the head, or a title or name before a capitalised head names it:
        // "Prime Minister Yasuhiro Nakasone", "BBC News Online".
        let capitalised = |i: usize| words[i].chars().next().is_some_and(char::is_uppercase);
        let covers = |found: &Match<'_>| {
            found.start <= head && (head < found.end || (found.end..=head).all(&capitalised))
        };
        self.matchers.actors.find_all(&tokens).iter().any(covers)
            || self.matchers.agents.find_all(&tokens).iter().any(covers)
    }
}

/// Index of a phrase's head: its last word before the first preposition of
/// `HEAD_ENDING_PREPOSITIONS`. Marks around a name ("<Air France>") are no head, nor is a time
/// word the parser hung on the phrase ("told a visiting delegation yesterday"). With it, the
/// index of that preposition (the phrase's length when there is none).
fn phrase_head(words: &[String]) -> Option<(usize, usize)> {
    let end = (1..words.len())
        .find(|&i| HEAD_ENDING_PREPOSITIONS.contains(&words[i].to_uppercase().as_str()))
        .unwrap_or(words.len());
    let head = (0..end).rev().find(|&i| {
        words[i].chars().any(char::is_alphanumeric) && (i == 0 || !is_time_word(&words[i]))
    })?;
    Some((head, end))
}

/// A number or a word of one ("325", "mln", "billion").
fn is_amount(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_digit())
        || ["MLN", "MILLION", "BILLION", "BLN", "BN", "TRILLION", "THOUSAND"]
            .contains(&word.to_uppercase().as_str())
}

/// Heads that name money or securities, never an actor (see `NewsRules::money_uncoded`).
const MONEY_HEADS: &[&str] = &[
    "DOLLAR",
    "DOLLARS",
    "DLR",
    "DLRS",
    "YEN",
    "MARK",
    "MARKS",
    "FRANC",
    "FRANCS",
    "POUND",
    "POUNDS",
    "STERLING",
    "STG",
    "EURO",
    "EUROS",
    "LIRA",
    "LIRE",
    "PESO",
    "PESOS",
    "RUPEE",
    "RUPEES",
    "CENTS",
    "CURRENCY",
    "CURRENCIES",
    "BOND",
    "BONDS",
    "SHARE",
    "SHARES",
    "STOCK",
    "STOCKS",
    "SECURITIES",
    "EQUITIES",
    "BILLS",
    "NOTES",
    "FUTURES",
];

/// Prepositions that end a noun phrase's head part inside a unit ("the minister of defence").
const HEAD_ENDING_PREPOSITIONS: &[&str] = &[
    "OF", "IN", "FOR", "FROM", "AT", "ON", "WITH", "TO", "BY", "AGAINST", "OVER", "UNDER", "ABOUT",
    "AMONG", "BETWEEN", "DURING", "AFTER", "BEFORE", "INTO", "THROUGH", "WITHOUT", "NEAR", "AS",
    "LIKE", "ACROSS", "AROUND", "BEYOND", "TOWARD", "TOWARDS", "UPON", "VIA", "WITHIN", "AMID",
    "DESPITE", "SINCE", "UNTIL", "OUTSIDE", "INSIDE",
];

impl Lexicon<'_> {
    /// Whether a one-word actor match (a surname: `Blair`) follows a capitalised word that is
    /// no title, no actor or agent, and none of the given names the entry's full names put
    /// before that surname (`Tony` in `Tony Blair`): then it names someone else.
    fn another_given_name(&self, tokens: &[MatchToken<'_>], found: &Match<'_>) -> bool {
        const HONORIFICS: &[&str] = &[
            "Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Dame", "Lord", "Lady", "Rev", "Mme", "Herr",
            "Messrs", "Mister", "Madam", "Madame", "Monsieur", "Gen", "Lt", "Col", "Maj", "Capt",
            "Adm", "Sgt", "Cmdr", "Brig", "Pres", "Gov", "Sen", "Rep", "Amb", "Prof", "Supt",
        ];
        if found.end != found.start + 1 || found.start == 0 {
            return false;
        }
        // Words that open a noun phrase with a capital at a sentence's start ("The Obama
        // administration", "Former Blair aide").
        const PHRASE_OPENERS: &[&str] = &[
            "the",
            "a",
            "an",
            "this",
            "that",
            "these",
            "those",
            "every",
            "each",
            "some",
            "any",
            "no",
            "both",
            "all",
            "many",
            "most",
            "several",
            "our",
            "their",
            "his",
            "her",
            "its",
            "my",
            "your",
            "former",
            "late",
            "then",
            "outgoing",
            "incoming",
            "acting",
            "interim",
            "embattled",
            "veteran",
            "new",
            "ex",
            "current",
            "future",
            "young",
            "old",
        ];
        let previous = tokens[found.start - 1].text.trim_end_matches('.');
        let surname = tokens[found.start].text;
        let capitalised = previous.starts_with(|c: char| c.is_uppercase())
            && previous.chars().any(char::is_lowercase);
        let opener = PHRASE_OPENERS.contains(&previous.to_lowercase().as_str());
        if !capitalised || opener || HONORIFICS.contains(&previous) {
            return false;
        }
        let before = &tokens[found.start - 1..found.start];
        if self.matchers.actors.first(before).is_some()
            || !self.matchers.agents.find_all(before).is_empty()
        {
            return false;
        }
        // Only a person's surname alias: the entry (dated roles or an ELI code, as people
        // entries have) holds a full name ending in it. "West Germany" is still Germany.
        let person = |actor: &&dyad_dictionaries::Actor| {
            actor.codes.iter().any(|c| c.range.is_some() || c.code.ends_with("ELI"))
        };
        let mut full_names = found
            .payloads
            .iter()
            .map(|&entry| &self.dictionaries.actors[entry as usize])
            .filter(person)
            .flat_map(|actor| &actor.phrases)
            .filter(|p| {
                p.words.len() >= 2
                    && p.words.last().is_some_and(|w| w.text.eq_ignore_ascii_case(surname))
            })
            .peekable();
        if full_names.peek().is_none() {
            return false;
        }
        // Spellings vary by a letter or two ("Yassir" for "Yasser Arafat").
        let previous = previous.to_lowercase();
        !full_names
            .any(|p| edit_distance(&p.words[p.words.len() - 2].text.to_lowercase(), &previous) <= 2)
    }
}

/// The Levenshtein distance between two words, in characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let substitution = diagonal + usize::from(ca != cb);
            diagonal = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(row[j + 1] + 1);
        }
    }
    row[b.len()]
}

/// Personal and demonstrative pronouns as clause subjects: they point back into the sentence.
const PRONOUNS: &[&str] =
    &["HE", "SHE", "IT", "THEY", "WE", "I", "YOU", "THIS", "THESE", "THOSE", "WHO"];

/// Modals that make a verb group say what might happen. WILL and SHALL are intents, and so is
/// WOULD in reported speech ("Reagan said he would veto the bill").
const HYPOTHETICAL_MODALS: &[&str] = &["COULD", "MIGHT", "MAY", "SHOULD"];

/// Verbs that make the to-infinitive after them happen ("started to sign", "voted to reject",
/// "used tear gas to disperse"), by lemma; in news "decided to break relations" is the act,
/// and "failed to criticize" its negated event (the clause layer marks it).
const REALISING_GOVERNORS: &[&str] = &[
    "start", "begin", "continue", "resume", "proceed", "go", "move", "vote", "manage", "help",
    "use", "decide", "fail",
];

/// Words before a to-infinitive that make a hostile act happen: an attempted attack or coercion
/// is coded as the act ("tried to hack"), an attempted agreement is not.
const ATTEMPT_GOVERNORS: &[&str] = &["try", "attempt"];

/// Whether a CAMEO code is a hostile act (roots 14 to 20: protest, posture, reduced relations,
/// coercion, assault, fighting, mass violence).
fn is_hostile(code: &str) -> bool {
    code.get(..2).and_then(|root| root.parse::<u8>().ok()).is_some_and(|r| (14..=20).contains(&r))
}

/// The intent a CAMEO act stands for after an intent word ("plans to impose", "ready to
/// send"): CAMEO's 03 (express intent to cooperate) for cooperation, 13 (threaten) for hostile
/// acts, 138 (threaten with military force) for force; none for statements, appeals,
/// demands, disapproval and rejection, whose intent CAMEO does not code.
fn intent_code(code: &str) -> Option<String> {
    if !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let intent = match code.get(..2)? {
        "04" => "036",
        "05" => "030",
        "06" => "031",
        "07" => "033",
        "08" => "035",
        "14" | "15" | "16" | "17" => "130",
        "18" | "19" | "20" => "138",
        _ => return None,
    };
    Some(intent.to_string())
}

/// Words before a to-infinitive that make it an intent, by lemma: the infinitive's pattern
/// codes it ("ready to contribute troops" is 0334), else its CAMEO intent ([`intent_code`]).
const INTENT_GOVERNORS: &[&str] = &[
    "ready", "willing", "prepared", "eager", "plan", "intend", "want", "offer", "threaten",
    "pledge", "promise", "vow", "agree", "prepare", "seek",
];

/// Verbs of consultation whose object is what is talked about, not who with ("discussed the
/// Iraqi proposal with Moscow", "negotiating the supply of components").
const TOPIC_OBJECT_VERBS: &[&str] =
    &["discuss", "debate", "negotiate", "review", "examine", "consider", "study", "explore"];

/// Statement verbs whose object is the one addressed ("told Iran", "briefed the cabinet");
/// the others ("said", "announced") address a phrase after TO.
const ADDRESSEE_OBJECT_VERBS: &[&str] = &[
    "tell", "brief", "inform", "notify", "update", "advise", "assure", "reassure", "remind",
    "address",
];

/// Prepositions whose phrase after a statement verb is circumstance, not addressee ("said on
/// Friday", "told reporters in Paris" keeps "reporters").
const STATEMENT_PREPOSITIONS: &[&str] = &[
    "ON", "IN", "AT", "DURING", "AFTER", "BEFORE", "FOR", "OF", "BY", "SINCE", "FROM", "WITH",
    "UNDER", "OVER", "AMID", "DESPITE", "THROUGH", "ABOUT", "AS", "INTO", "UPON", "WITHIN",
];

/// The possessive marker as the clause layer writes it between possessor and possessed.
const POSSESSIVE_MARKERS: &[&str] = &["'S", "\u{2019}S", "'", "\u{2019}"];

/// Relative pronouns that can be a clause's subject.
const RELATIVES: &[&str] = &["WHICH", "THAT", "WHO"];

/// The discard phrases as searched for: ` WORD WORD` in upper case, story level first.
fn discard_needles(dictionaries: &Dictionaries) -> Vec<(DiscardLevel, String)> {
    let mut needles = Vec::new();
    for level in [DiscardLevel::Story, DiscardLevel::Sentence] {
        for discard in dictionaries.discards.iter().filter(|d| d.level == level) {
            let words: Vec<String> =
                discard.phrase.words.iter().map(|w| w.text.to_uppercase()).collect();
            if !words.is_empty() {
                needles.push((level, format!(" {}", words.join(" "))));
            }
        }
    }
    needles
}

impl Lexicon<'_> {
    /// [`discard_hit`] with the needles built once.
    pub fn discard_hit(&self, text: &str) -> Option<DiscardLevel> {
        self.discard_phrase(text).map(|(level, _)| level)
    }

    /// The first discard phrase the text holds (lower case), with its level.
    pub fn discard_phrase(&self, text: &str) -> Option<(DiscardLevel, String)> {
        let flat = flat_upper(text);
        self.discard_needles
            .iter()
            .find(|(_, needle)| flat.contains(needle))
            .map(|(level, needle)| (*level, needle.trim().to_lowercase()))
    }

    /// Whether the article is not coded: it holds a story-level discard or enough phrases of
    /// a genre.
    pub fn story_discarded(&self, text: &str) -> bool {
        self.story_discard(text).is_some()
    }

    /// Why the article is not coded, if it is not: its story-level discard phrase, or its
    /// genre and the genre's phrases it holds.
    pub fn story_discard(&self, text: &str) -> Option<StoryDiscard> {
        let mut needles =
            self.discard_needles.iter().take_while(|(l, _)| *l == DiscardLevel::Story).peekable();
        if needles.peek().is_some() {
            let flat = flat_upper(text);
            if let Some((_, needle)) = needles.find(|(_, needle)| flat.contains(needle)) {
                return Some(StoryDiscard::Phrase(needle.trim().to_lowercase()));
            }
        }
        self.genres.find(text).map(StoryDiscard::Genre)
    }
}

/// Why a whole article is not coded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoryDiscard {
    /// It holds this `discard-story` phrase.
    Phrase(String),
    /// It holds enough phrases of a `discard-genre`.
    Genre(GenreHit),
}

impl std::fmt::Display for StoryDiscard {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoryDiscard::Phrase(phrase) => write!(f, "it holds the story discard `{phrase}`"),
            StoryDiscard::Genre(hit) => write!(
                f,
                "it reads as {} ({} of its phrases: {})",
                hit.name,
                hit.phrases.len(),
                hit.phrases.join(", ")
            ),
        }
    }
}

/// The text without line breaks, upper case (PETRARCH deletes line breaks before searching).
fn flat_upper(text: &str) -> String {
    text.chars().filter(|&c| c != '\n' && c != '\r').flat_map(char::to_uppercase).collect()
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
enum SeqItem<'a> {
    Word(&'a str),
    UnitMark(usize),
    CompoundMark(usize),
}

/// What a verb site produced.
#[derive(Clone, Debug, Default)]
pub struct SiteTrace {
    /// The verb word.
    pub verb: String,
    /// Index of the verb word in the source parse, when known.
    pub verb_leaf: Option<usize>,
    /// The pattern that fired, if any (as written).
    pub pattern: Option<String>,
    /// The rule that decided the code: the pattern's or the verb line's `file:line`.
    pub rule: String,
    /// The code used.
    pub code: String,
    /// Whether the site was passive.
    pub passive: bool,
    /// Whether the verb is negated ("did not meet"), when the clause layer knows.
    pub negated: bool,
}

/// One event with the units it was read from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodedEvent {
    /// Source, target and code.
    pub triple: Triple,
    /// The unit the source code came from (`None` for a `---` filled in by a paired code).
    pub source_unit: Option<usize>,
    /// The unit the target code came from.
    pub target_unit: Option<usize>,
    /// Index into [`SentenceCoding::sites`] of the verb site that produced it.
    pub site: usize,
}

/// The outcome of coding one sentence.
#[derive(Clone, Debug, Default)]
pub struct SentenceCoding {
    /// De-duplicated events (identical triples collapse), in the order produced.
    pub events: Vec<CodedEvent>,
    /// The verb sites that produced a code.
    pub sites: Vec<SiteTrace>,
    /// Unit codes, parallel to the layer's units ([`SentenceCoding::layer`] when the engine
    /// edited it).
    pub unit_codes: Vec<String>,
    /// The clause layer the events' unit indices refer to, when the engine had to edit the one
    /// it was given (units split at an event noun's WITH or BETWEEN); `None`: the given layer.
    pub layer: Option<ClauseLayer>,
}

impl SentenceCoding {
    /// The layer the events refer to: the engine's edited copy, else `given`.
    pub fn layer<'a>(&'a self, given: &'a ClauseLayer) -> &'a ClauseLayer {
        self.layer.as_ref().unwrap_or(given)
    }
}

struct Context<'l, 'd> {
    lexicon: &'l Lexicon<'d>,
    layer: &'l ClauseLayer,
    options: &'l CodingOptions,
    codes: Vec<String>,
    /// The sentence date (dated roles).
    date: Option<Date>,
    /// Every word of the sentence, for the patterns' required-word filter.
    words: WordSet<'l>,
}

/// Codes one linearised sentence: comma-clause deletion, unit coding, verb sites and events.
/// Returns `None` when comma deletion leaves an unbalanced list (the record gets no events).
pub fn code_sentence(
    lexicon: &Lexicon<'_>,
    layer: &ClauseLayer,
    options: &CodingOptions,
    date: Option<Date>,
) -> Option<SentenceCoding> {
    code_sentence_in(lexicon, layer, options, date, None)
}

/// [`code_sentence`] for a sentence of an article whose main country is `home` (see
/// [`crate::Pipeline::main_country`]): with `NewsRules::inherit_country`, roles without a
/// country take it (see `role_country`).
pub fn code_sentence_in(
    lexicon: &Lexicon<'_>,
    layer: &ClauseLayer,
    options: &CodingOptions,
    date: Option<Date>,
    home: Option<&str>,
) -> Option<SentenceCoding> {
    // Only a sentence with commas outside units can lose clauses: copy the list only then.
    let edited;
    let layer = if layer.tokens.contains(&Token::Begin(Label::Comma)) {
        let mut copy = layer.clone();
        delete_comma_clauses(&mut copy, options);
        if !copy.is_balanced() {
            return None;
        }
        edited = copy;
        &edited
    } else {
        layer
    };
    // A possessor and the role it owns ("Ithilen's president"), and in news names that span a
    // possessive ("the Democratic People's Republic of Korea"): one unit.
    let joined = join_possessives(lexicon, layer, options.news.possessive_names);
    let layer = joined.as_ref().unwrap_or(layer);
    // Event nouns followed by WITH or BETWEEN inside one unit: the other party becomes a unit of
    // its own (nominal::split_noun_units).
    let split = nominal::split_noun_units(lexicon, layer, date).or(joined.clone());
    let layer = split.as_ref().unwrap_or(layer);
    let codes: Vec<String> = layer
        .units
        .iter()
        .map(|unit| {
            let (cased, lemmas) = unit_words(layer, unit);
            if options.news.relative_pronouns_uncoded
                && let [Some(lemma)] = lemmas[..]
                && RELATIVE_PRONOUNS.contains(&lemma)
            {
                return "---".to_string();
            }
            // Money is no actor; what follows its preposition may be ("37.1 mln dlrs to
            // Tanzania" is Tanzania, when the parse hangs the phrase on the money). An amount
            // before the money ends what names it: "loaned [Turkey 325 mln dlrs]" keeps Turkey.
            if options.news.money_uncoded
                && let Some((head, end)) = phrase_head(&cased)
                && MONEY_HEADS.contains(&cased[head].to_uppercase().as_str())
                && head > 0
                && !is_amount(&cased[head - 1])
            {
                return match (cased.get(end + 1..), lemmas.get(end + 1..)) {
                    (Some(rest), Some(rest_lemmas)) if !rest.is_empty() => {
                        lexicon.unit_code_with_lemmas(rest, rest_lemmas, date)
                    }
                    _ => "---".to_string(),
                };
            }
            if options.news.negative_phrases_uncoded
                && let [first, second, ..] = &cased[..]
                && first.eq_ignore_ascii_case("no")
                && !second.starts_with(|c: char| c.is_ascii_digit())
            {
                return "---".to_string();
            }
            lexicon.unit_code_with_lemmas(&cased, &lemmas, date)
        })
        .collect();
    let words = layer.tokens.iter().filter_map(Token::word).collect();
    let context = Context { lexicon, layer, options, codes, date, words };
    let mut coding = SentenceCoding::default();
    let tokens = &layer.tokens;
    let mut at = 2;
    // Token ranges of the verb phrases that coded, and the event-noun objects their verbs used.
    let mut coded_ranges: Vec<(usize, usize)> = Vec::new();
    let mut consumed: Vec<usize> = Vec::new();
    // Verb sites with their token ranges, and which of them are plain statements.
    let mut site_ranges: Vec<(usize, usize, usize)> = Vec::new();
    let mut statements: Vec<usize> = Vec::new();
    let news = options.news;
    while at < tokens.len() {
        if let Token::Begin(Label::VerbPhrase(_)) = tokens[at] {
            let end = layer.matching_end(at);
            let site = coding.sites.len();
            let before = coding.events.len();
            if let Some(trace) = context.verb_site(at, end, site, &mut coding.events, &mut consumed)
            {
                let statement = news.statements_yield && trace.code == STATEMENT;
                let eventless = news.scan_inside_eventless && coding.events.len() == before;
                coding.sites.push(trace);
                site_ranges.push((site, at, end));
                if statement || eventless {
                    // Its complement's verbs are coded too (see NewsRules).
                    statements.extend(statement.then_some(site));
                    at += 1;
                    continue;
                }
                coded_ranges.push((at, end));
                at = end + 1;
                continue;
            }
        }
        at += 1;
    }
    drop_yielding_statements(&mut coding.events, &site_ranges, &statements);
    context.noun_sites(&coded_ranges, &consumed, &mut coding);
    if news.inherit_country
        && let Some(country) =
            role_country(&sentence_codes(lexicon, layer, &context.codes, date), home)
    {
        for event in &mut coding.events {
            // A visitor comes from elsewhere: "the chancellor is travelling to America" does not
            // make the chancellor American.
            let visit = matches!(event.triple.code.as_str(), "042" | "043");
            let triple = &mut event.triple;
            let countries =
                [triple.source.get(..3), triple.target.get(..3)].map(|c| c == Some(country));
            for (side, code) in [&mut triple.source, &mut triple.target].into_iter().enumerate() {
                let other_is_there = countries[1 - side];
                if code.len() > 3 && code.starts_with("---") && !(visit && other_is_there) {
                    code.replace_range(..3, country);
                }
            }
        }
        // "Turkish police detained protesters and police": no event of an actor on itself.
        coding.events.retain(|e| e.triple.source != e.triple.target);
    }
    if news.business_home_targets {
        coding.events.retain(|e| !business_on_its_country(&e.triple));
    }
    // An event without target needs a political source: a state, an organisation or a role
    // of them. "---CVL protected", "Renault intends" say nothing.
    coding.events.retain(|e| {
        e.triple.target != "---"
            || e.target_unit.is_some()
            || !(e.triple.source.starts_with("---")
                || NON_POLITICAL_ROLES.iter().any(|role| e.triple.source.get(3..6) == Some(role)))
    });
    let mut unique: Vec<CodedEvent> = Vec::new();
    for event in coding.events.drain(..) {
        if !unique.iter().any(|e| e.triple == event.triple) {
            unique.push(event);
        }
    }
    coding.events = unique;
    coding.unit_codes = context.codes;
    coding.layer = split;
    Some(coding)
}

/// A unit's words as written where the parse has them (so the capital rule applies), and their
/// lemmas where known.
fn unit_words<'a>(layer: &'a ClauseLayer, unit: &'a Unit) -> (Vec<String>, Vec<Option<&'a str>>) {
    let lemmas = unit
        .leaves
        .iter()
        .map(|leaf| {
            leaf.and_then(|l| layer.lemmas.get(l)).map(String::as_str).filter(|l| !l.is_empty())
        })
        .collect();
    let cased = unit
        .words
        .iter()
        .zip(&unit.leaves)
        .map(|(word, leaf)| {
            leaf.and_then(|l| layer.forms.get(l))
                .filter(|form| form.to_uppercase() == *word)
                .unwrap_or(word)
                .clone()
        })
        .collect();
    (cased, lemmas)
}

/// How many words a dyad verb form's later words may lie after the verb.
const MAX_FORM_GAP: usize = 6;

/// Prepositions of direction: the country they introduce is a verb's target before a
/// country-less object (`NewsRules::direction_beats_agent`).
const DIRECTIONS: &[&str] =
    &["TO", "FROM", "INTO", "AGAINST", "FOR", "WITH", "TOWARD", "TOWARDS", "ONTO", "OUT"];

/// Prepositions of place: the unit after one is where something happens.
const LOCATIVES: &[&str] = &["IN", "AT", "NEAR", "INSIDE", "OUTSIDE"];

/// Adjectives of intent: "is willing to VERB" reads as "will VERB".
const INTENT_ADJECTIVES: &[&str] = &["WILLING", "READY", "PREPARED"];

/// The upper sequence as dyad-format patterns read it: the verb's own clause, up to and
/// including its subject (the first unit or compound), so that a modal of another clause does
/// not count ("X will say that Y attacked"); "TO WILLING" (reversed) reads as "WILL".
fn clause_upper<'a>(upper: &[SeqItem<'a>]) -> Vec<SeqItem<'a>> {
    let mut out: Vec<SeqItem<'a>> = Vec::new();
    let mut rest = upper;
    if let [SeqItem::Word("TO"), SeqItem::Word(adjective), tail @ ..] = upper
        && INTENT_ADJECTIVES.contains(adjective)
    {
        out.push(SeqItem::Word("WILL"));
        rest = tail;
    }
    let mut open: Option<&SeqItem<'a>> = None;
    for item in rest {
        out.push(item.clone());
        match (item, open) {
            (SeqItem::UnitMark(_) | SeqItem::CompoundMark(_), None) => open = Some(item),
            (_, Some(first)) if item == first => break,
            _ => {}
        }
    }
    out
}

/// CAMEO roots whose events stand without a target (`NewsRules::targetless_events`): intents,
/// cooperation, yielding, investigation, rejection, threats, protest, force posture, reduced
/// relations, coercion and violence. Statements, appeals, consultations and aid name their
/// addressee or mean little without one.
const TARGETLESS_ROOTS: &[&str] =
    &["03", "05", "06", "08", "09", "12", "13", "14", "15", "16", "17", "18", "19", "20"];

/// Roles whose events without target are rarely political news (business, civilians, media,
/// education, health): such a source needs a target.
const NON_POLITICAL_ROLES: &[&str] = &["BUS", "CVL", "MED", "EDU", "HLH"];

/// Relative pronouns (lemmas, lower case as the lemmatizer writes them): never an actor, even
/// where a dictionary phrase spells the same ("who" is not the WHO).
const RELATIVE_PRONOUNS: &[&str] = &["who", "whom", "which", "that"];

/// The words of a unit as the phrase matchers read them.
fn match_tokens(words: &[String]) -> Vec<MatchToken<'_>> {
    words.iter().map(|w| MatchToken::new(w)).collect()
}

/// Joins two units around a possessive, as PETRARCH-1's linearisation of a Treebank parse
/// makes one unit of a noun phrase with a possessive, where a dependency layer keeps two:
/// - an actor's possessive before a unit with agents: `[ITHILEN] 'S [PRESIDENT]` is
///   `[ITHILEN PRESIDENT]`, coded ITHGOV, and `[DAGOLATH] 'S [DEPUTY PRIME MINISTER TELEMAR]`
///   takes the possessor's country first, as PETRARCH-1's unit does; an event noun or anything
///   else owned ("Russia's readiness") stays apart, for the nominal sites;
/// - with `names`, when an actor phrase of the dictionaries runs across the possessive:
///   `[THE DEMOCRATIC PEOPLE] 'S [REPUBLIC OF KOREA]` becomes one unit whose word `PEOPLE'S` is
///   written as the dictionaries write it ("People's Republic of China", "Kurdistan Workers'
///   Party").
///
/// `None` when nothing joins.
fn join_possessives(
    lexicon: &Lexicon<'_>,
    layer: &ClauseLayer,
    names: bool,
) -> Option<ClauseLayer> {
    let tokens = &layer.tokens;
    // (index of UnitEnd(a), a, b, the first unit's last word as joined: with the possessive
    // for a name, as it was for a role)
    let mut joins: Vec<(usize, usize, usize, String)> = Vec::new();
    for i in 0..tokens.len().saturating_sub(4) {
        let (
            Token::UnitEnd(a),
            Token::Begin(Label::Tag(tag)),
            Token::Word { text, .. },
            Token::UnitBegin(b),
        ) = (&tokens[i], &tokens[i + 1], &tokens[i + 2], &tokens[i + 4])
        else {
            continue;
        };
        let (unit_a, unit_b) = (&layer.units[*a], &layer.units[*b]);
        if tag != "POS" || unit_a.compound.is_some() || unit_b.compound.is_some() {
            continue;
        }
        let Some(last) = unit_a.words.last() else {
            continue;
        };
        let (a_words, b_words) = (match_tokens(&unit_a.words), match_tokens(&unit_b.words));
        let owns_a_role = lexicon.matchers.actors.first(&a_words).is_some()
            && !lexicon.matchers.agents.find_all(&b_words).is_empty();
        if owns_a_role {
            joins.push((i, *a, *b, last.clone()));
            continue;
        }
        if !names {
            continue;
        }
        let joined = format!("{last}{text}");
        let mut words: Vec<&str> = unit_a.words.iter().map(String::as_str).collect();
        let junction = words.len() - 1;
        words[junction] = &joined;
        words.extend(unit_b.words.iter().map(String::as_str));
        let match_tokens: Vec<MatchToken<'_>> = words.iter().map(|w| MatchToken::new(w)).collect();
        if let Some(found) = lexicon.matchers.actors.first(&match_tokens)
            && found.start <= junction
            && found.end > junction + 1
        {
            joins.push((i, *a, *b, joined.clone()));
        }
    }
    if joins.is_empty() {
        return None;
    }
    let mut edited = layer.clone();
    let mut out = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        let Some((_, a, b, joined)) = joins.iter().find(|(at, ..)| *at == i) else {
            match &tokens[i] {
                // The end of a joined second unit closes the first.
                Token::UnitEnd(u) => {
                    let first = joins.iter().find(|(_, _, b, _)| b == u).map_or(*u, |j| j.1);
                    out.push(Token::UnitEnd(first));
                }
                token => out.push(token.clone()),
            }
            i += 1;
            continue;
        };
        // The first unit's last word becomes the joined word; the possessive and the second
        // unit's opening go.
        if let Some(Token::Word { text, .. }) = out.last_mut() {
            *text = joined.clone();
        }
        let second = std::mem::take(&mut edited.units[*b]);
        let unit = &mut edited.units[*a];
        if let Some(word) = unit.words.last_mut() {
            *word = joined.clone();
        }
        unit.words.extend(second.words);
        unit.leaves.extend(second.leaves);
        i += 5;
    }
    edited.tokens = out;
    edited.is_balanced().then_some(edited)
}

/// The stems a regular English verb form can have (lower case): "blamed" -> "blame", "blam";
/// "stopping" -> "stopp", "stoppe", "stop"; "carries" -> "carry", "carrie", "carri".
fn regular_stems(word: &str) -> Vec<String> {
    let lower = word.to_lowercase();
    let mut stems = Vec::new();
    let undouble = |stem: &str| {
        let chars: Vec<char> = stem.chars().collect();
        match chars.as_slice() {
            [.., a, b] if a == b => Some(chars[..chars.len() - 1].iter().collect::<String>()),
            _ => None,
        }
    };
    for (suffix, replacements) in [
        ("ied", &["y"][..]),
        ("ies", &["y"][..]),
        ("ed", &["e", ""][..]),
        ("ing", &["e", ""][..]),
        ("es", &["e", ""][..]),
        ("s", &[""][..]),
    ] {
        let Some(stem) = lower.strip_suffix(suffix) else {
            continue;
        };
        if stem.len() < 2 {
            continue;
        }
        for replacement in replacements {
            stems.push(format!("{stem}{replacement}"));
        }
        if matches!(suffix, "ed" | "ing") {
            stems.extend(undouble(stem));
        }
        break;
    }
    stems
}

/// The plain statement code ("said", "announced"): it yields to the verbs of its complement
/// when `NewsRules::statements_yield` is on.
const STATEMENT: &str = "010";

/// Drops the events of statement sites when a verb site inside the statement's phrase coded an
/// event of its own (PETRARCH2's combination: "say" loses to a more specific lower code).
fn drop_yielding_statements(
    events: &mut Vec<CodedEvent>,
    site_ranges: &[(usize, usize, usize)],
    statements: &[usize],
) {
    let yielding: Vec<usize> = statements
        .iter()
        .copied()
        .filter(|&statement| {
            let Some(&(_, start, end)) = site_ranges.iter().find(|(s, _, _)| *s == statement)
            else {
                return false;
            };
            site_ranges.iter().any(|&(site, inner_start, inner_end)| {
                site != statement
                    && start < inner_start
                    && inner_end <= end
                    && events.iter().any(|e| e.site == site)
            })
        })
        .collect();
    events.retain(|e| !yielding.contains(&e.site));
}

/// The codes of a sentence's units and of the actor phrases among its other words (a country
/// adjective the parser left outside every unit: "Gambian [President Jawara]").
fn sentence_codes(
    lexicon: &Lexicon<'_>,
    layer: &ClauseLayer,
    unit_codes: &[String],
    date: Option<Date>,
) -> Vec<String> {
    let mut codes = unit_codes.to_vec();
    // Words outside units only: inside, the unit's own code already speaks (its first actor).
    let mut depth = 0usize;
    let mut words: Vec<&str> = Vec::new();
    for token in &layer.tokens {
        match token {
            Token::UnitBegin(_) => depth += 1,
            Token::UnitEnd(_) => depth = depth.saturating_sub(1),
            Token::Word { text, .. } if depth == 0 => words.push(text),
            _ => {}
        }
    }
    let tokens: Vec<MatchToken<'_>> = words.iter().map(|w| MatchToken::new(w)).collect();
    for found in lexicon.matchers.actors.find_all(&tokens) {
        let entries: Vec<usize> = found.payloads.iter().map(|&p| p as usize).collect();
        if let Some(code) = lexicon.dictionaries.resolve_actor_code(&entries, date) {
            codes.push(code.code.to_uppercase());
        }
    }
    codes
}

/// The country a role without one takes in a sentence ("the government", "police"): the
/// article's main country `home`, unless the sentence names two or more other countries; else
/// the sentence's one country, if there is exactly one. Only ISO 3166-1 countries count (not
/// `IGO`, `NGO` or regions), and a news outlet gives none: "the officials told Reuters" are not
/// British. The article beats the sentence: "the prime minister" in a British report naming
/// Bush is British (on 40 sampled changes, 22 were right this way and 8 the other way).
fn role_country<'c>(codes: &'c [String], home: Option<&'c str>) -> Option<&'c str> {
    let mut countries: Vec<&str> = codes
        .iter()
        .flat_map(|c| c.split('/'))
        .filter_map(|c| Some((c.get(..3)?, c)))
        .filter(|(prefix, code)| is_country(prefix) && code.get(3..6) != Some("MED"))
        .map(|(prefix, _)| prefix)
        .collect();
    countries.sort_unstable();
    countries.dedup();
    match (home, &countries[..]) {
        (Some(home), named) if named.len() <= 1 || named.contains(&home) => Some(home),
        (_, [one]) => Some(one),
        _ => None,
    }
}

/// Whether an event's source is a company and its target the bare code of the company's
/// country (see `NewsRules::business_home_targets`).
fn business_on_its_country(triple: &Triple) -> bool {
    triple.target.len() == 3
        && triple.source.starts_with(&triple.target)
        && triple.source.get(3..6) == Some("BUS")
        && is_country(&triple.target)
}

/// Whether a code prefix is an ISO 3166-1 alpha-3 country.
fn is_country(prefix: &str) -> bool {
    dyad_geo::Gazetteer::shared().alpha2_of(prefix).is_some()
}

/// The code as the engine uses it: dyad's format writes ACTIVE:PASSIVE with a colon and paired
/// codes A/B with a slash, where PETRARCH-1 writes pairs with the colon: translate to the
/// engine's convention (pairs with a colon).
fn engine_code(format: VerbFormat, code: &str, passive: bool) -> String {
    if format != VerbFormat::Dyad {
        return code.to_string();
    }
    let chosen = match code.split_once(':') {
        Some((active, passive_code)) => {
            if passive {
                passive_code
            } else {
                active
            }
        }
        None => code,
    };
    chosen.replace('/', ":")
}

/// Whether two codes share their CAMEO root (`036` and `030`; paired codes by their first).
fn same_root(a: &str, b: &str) -> bool {
    let root = |c: &str| c.get(..2).map(str::to_string);
    root(a).is_some() && root(a) == root(b)
}

/// Whether a pattern reads words before its verb (`&maybe * &sanctions`), not only where the
/// source or target stands.
fn reads_before_verb(pattern: &Pattern) -> bool {
    pattern.upper.iter().any(|element| !matches!(element.item, Item::Source | Item::Target))
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
    fn verb_site(
        &self,
        start: usize,
        end: usize,
        site: usize,
        events: &mut Vec<CodedEvent>,
        consumed: &mut Vec<usize>,
    ) -> Option<SiteTrace> {
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
        let verb_leaf = match &tokens[verb_position] {
            Token::Word { leaf, .. } => *leaf,
            _ => None,
        };
        let blocks = &self.lexicon.dictionaries.verbs.blocks;
        let form_of =
            |r: &FormRef| &blocks[r.block as usize].verbs[r.verb as usize].forms[r.form as usize];
        let is_dyad = |r: &FormRef| blocks[r.block as usize].format == VerbFormat::Dyad;
        // Surface forms first (PETRARCH dictionaries list inflections); then the lemma, which is
        // all that dyad-format entries store.
        let mut candidates = self.lexicon.matchers.verbs.lookup(word);
        if candidates.is_empty()
            && let Some(lemma) = verb_leaf.and_then(|l| self.layer.lemmas.get(l))
            && !lemma.is_empty()
        {
            candidates = self.lexicon.matchers.verbs.lookup(lemma);
        }
        // The lemmatizer's slips ("blamed" -> "blam"): the regular stems of the word itself.
        if candidates.is_empty() && self.options.news.regular_stems {
            candidates = regular_stems(word)
                .iter()
                .map(|stem| self.lexicon.matchers.verbs.lookup(stem))
                .find(|found| !found.is_empty())
                .unwrap_or_default();
        }
        // Multi-word variants first; then the single word, whose last definition wins (a
        // later block listing the same verb replaces the earlier one).
        let mut chosen: Option<(&FormRef, usize, usize)> = None;
        for reference in candidates.iter().filter(|r| form_of(r).is_multi_word()) {
            if let Some((upper_start, lower_start)) =
                self.fits(form_of(reference), verb_position, end, is_dyad(reference))
            {
                chosen = Some((reference, upper_start, lower_start));
                break;
            }
        }
        if chosen.is_none() {
            chosen = candidates
                .iter()
                .rev()
                .find(|r| !form_of(r).is_multi_word())
                .map(|r| (r, verb_position, verb_position + 1));
        }
        let Some((reference, upper_start, lower_start)) = chosen else {
            // A verb the dictionaries do not know may still be a light verb ("had a telephone
            // conversation with"): its event-noun object decides.
            return self.light_verb_site(verb_position, verb_leaf, end, site, events, consumed);
        };
        let (block_index, verb_index) = (reference.block as usize, reference.verb as usize);
        let block = &blocks[block_index];
        let upper = self.upper_sequence(upper_start);
        let lower = self.lower_sequence(lower_start, end);
        let pattern_upper =
            if block.format == VerbFormat::Dyad && self.options.news.clause_bound_upper {
                Cow::Owned(clause_upper(&upper))
            } else {
                Cow::Borrowed(&upper[..])
            };
        let mut code = None;
        let mut source: Option<Role> = None;
        let mut target = None;
        let mut fired: Option<&Pattern> = None;
        for pattern in &self.lexicon.patterns[block_index] {
            if !pattern.required.iter().all(|word| self.words.contains(word.as_str())) {
                continue;
            }
            if let Some(bindings) = self.match_pattern(pattern, &pattern_upper, &lower) {
                if pattern.code != "---" {
                    code = Some(pattern.code.clone());
                    (source, target) = bindings;
                    fired = block.patterns.get(pattern.index);
                }
                break;
            }
        }
        let code = match code {
            Some(code) => code,
            None => {
                let default = block.default_code(verb_index).trim().to_uppercase();
                if default == "---" {
                    return self.light_verb_site(
                        verb_position,
                        verb_leaf,
                        end,
                        site,
                        events,
                        consumed,
                    );
                }
                default
            }
        };
        let code = engine_code(block.format, &code, passive);
        // In news, a to-infinitive says what is wanted or planned (see
        // `NewsRules::unrealised_infinitives`): after an intent word its act is the intent
        // ("plans to impose restrictions" threatens, "willing to forgive" means to cooperate).
        let infinitive = if self.options.news.unrealised_infinitives {
            self.infinitive_governor(verb_position)
        } else {
            None
        };
        let governed_by = |list: &[&str]| infinitive.flatten().is_some_and(|g| list.contains(&g));
        // Only the governor's own subject intends: "want the government to withdraw" is no
        // intent of the government's.
        let intent = match fired {
            None if governed_by(INTENT_GOVERNORS) && !self.object_before_to(verb_position) => {
                intent_code(&code)
            }
            _ => None,
        };
        let code = intent.clone().unwrap_or(code);
        // A verb whose code is its event-noun object's ("expressed readiness", "reiterated
        // Russia's readiness to help restore Palestine's unity"): the noun's possessor is the
        // source and the target is looked for in the noun's complement first.
        let object = if passive { None } else { self.nominal_object(&lower) };
        let nominal = object.filter(|object| same_root(&code, &self.noun_code(object.hit)));
        if let Some(object) = &nominal {
            consumed.push(object.unit);
            if source.is_none() {
                source = object.possessor.filter(|&p| self.is_coded(p)).map(Role::Unit);
            }
        }
        // A clause's own subject leaves the rest of the sentence out of its target too ("X
        // said Y agreed": X is no party to the agreement).
        let own_subject =
            if source.is_none() { self.own_clause_subject(upper_start, passive) } else { None };
        let target_upper = if own_subject.is_some() { &[][..] } else { &upper[..] };
        let source =
            source.or(own_subject).or_else(|| self.source_past_commas(&upper, upper_start, &code));
        // In news, a coded phrase after BY is the passive's agent ("pressured by Congress to
        // help Iran" is Congress's act, not Iran's); an unknown one ("killed by an explosive
        // device") leaves the agent to the other rules.
        let by_agent = if passive && self.options.news.passive_voice {
            lower
                .windows(2)
                .find_map(|pair| match pair {
                    [SeqItem::Word("BY"), SeqItem::UnitMark(u)] => Some(Role::Unit(*u)),
                    [SeqItem::Word("BY"), SeqItem::CompoundMark(c)] => Some(Role::Compound(*c)),
                    _ => None,
                })
                .filter(|&agent| !self.is_uncoded_role(agent))
        } else {
            None
        };
        // In news, a meeting's place and topic are no party to it: "OPEC meets in Vienna" is
        // no consultation with Austria, "discussed Middle East peace prospects" none with the
        // Middle East. Visits are to the place ("arrived in Tehran").
        let meeting =
            code.starts_with("04") && !code.starts_with("042") && !code.starts_with("043");
        let meeting_rule = self.options.news.meeting_parties && (meeting || code == "036");
        // Whether the verb's lemma as the tagger wrote it, else its word, is in a verb list.
        let verb_lemma =
            verb_leaf.and_then(|l| self.layer.lemmas.get(l)).map_or(word, String::as_str);
        let verb_in = |list: &[&str]| list.iter().any(|v| verb_lemma.eq_ignore_ascii_case(v));
        let topic_object = verb_in(TOPIC_OBJECT_VERBS);
        if let Some(source) = source {
            let target = target
                .or(by_agent)
                .or_else(|| {
                    let object = nominal.as_ref()?;
                    self.default_target(source, &[], &lower[object.after..])
                        .filter(|t| Some(*t) != object.possessor.map(Role::Unit))
                })
                .or_else(|| {
                    // In news, a statement is addressed to its object ("told Iran") or a phrase
                    // after TO ("said to Iran"), not to whatever actor its words name later.
                    if self.options.news.statement_addressee && fired.is_none() && code == "010" {
                        self.statement_addressee(&lower, verb_in(ADDRESSEE_OBJECT_VERBS))
                            .filter(|&addressee| !self.own_country(source, addressee))
                    } else if meeting_rule {
                        let away: Vec<SeqItem<'_>> = lower
                            .iter()
                            .filter(|item| {
                                !matches!(item, SeqItem::UnitMark(u) if !self.meets_with(*u, topic_object))
                            })
                            .cloned()
                            .collect();
                        self.default_target(source, target_upper, &away)
                    } else {
                        self.default_target(source, target_upper, &lower)
                    }
                });
            let target = target.filter(|&t| match t {
                Role::Unit(u) => !meeting_rule || self.meets_with(u, topic_object),
                Role::Compound(_) => true,
            });
            // A participle without HAVE is passive or a reduced relative ("children were
            // given laptops", "investors ... broken down by country"): no subject acts.
            let active = !passive && !self.is_bare_participle(verb_position);
            // In news, such a subject suffered the act: no event, unless a pattern or a
            // multi-word verb of the dictionaries says what the phrase means ("is opposed
            // to", "were engaged in ethnic cleansing").
            let specific = fired.is_some() || form_of(reference).is_multi_word();
            let agentless_passive =
                self.options.news.passive_voice && !passive && !active && !specific;
            // In news, "could let the Tories in", "may face prosecution", "may have purchased
            // corn": what might happen is no event, unless a pattern that reads the words
            // before the verb says what the phrase means (intents and threats: "could impose
            // sanctions").
            let hypothetical = self.options.news.hypothetical_modals
                && !fired.is_some_and(reads_before_verb)
                && self.modal_of(verb_position).is_some_and(|m| HYPOTHETICAL_MODALS.contains(&m));
            // In news, "want the government to withdraw", "a bid to buy": what is wanted or
            // tried is no event, unless the governor makes it happen ("voted to reject"), an
            // intent pattern says what the governor means ("ready to contribute troops"), or it
            // became the intent above.
            let unrealised = infinitive.is_some()
                && !(governed_by(REALISING_GOVERNORS)
                    || (fired.is_some() && governed_by(INTENT_GOVERNORS))
                    || intent.is_some()
                    || (governed_by(ATTEMPT_GOVERNORS) && is_hostile(&code)));
            if !agentless_passive
                && !hypothetical
                && !unrealised
                && !self.reciprocal(source, target, &code, site, events)
            {
                self.emit_or_targetless(source, target, &code, passive, active, site, events);
            }
        }
        let verb_line = &block.verbs[verb_index].origin;
        let negated = verb_leaf.and_then(|l| self.layer.negated.get(l)).copied().unwrap_or(false);
        Some(SiteTrace {
            negated,
            verb: word.to_string(),
            verb_leaf,
            pattern: fired.map(|p| p.text.clone()),
            rule: fired.map_or_else(|| verb_line.to_string(), |p| p.origin.to_string()),
            code,
            passive,
        })
    }

    /// Passive test (section 2.7): a VBN at least three tokens into the phrase, BY after it,
    /// and WAS, IS or BEEN as a verb before it. Returns the VBN's word position. With
    /// [`NewsRules::passive_voice`], [`Context::news_passive_verb`] instead.
    ///
    /// [`NewsRules::passive_voice`]: crate::records::NewsRules::passive_voice
    fn passive_verb(&self, start: usize, end: usize) -> Option<usize> {
        if self.options.news.passive_voice {
            return self.news_passive_verb(start, end);
        }
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

    /// The passive test for news: the phrase's first verb past its auxiliaries is a participle
    /// (VBN), right after a form of BE (adverbs and the phrase boundary between them allowed:
    /// a dependency layer opens the verb's own phrase at the participle), with BY after it
    /// in its own phrase, before any nested verb phrase ("is suing X for damages which were
    /// caused by a missile" is not passive). Returns the participle's word position.
    fn news_passive_verb(&self, start: usize, end: usize) -> Option<usize> {
        const BE: [&str; 8] = ["WAS", "IS", "BEEN", "WERE", "ARE", "BE", "BEING", "AM"];
        const HAVE: [&str; 4] = ["HAVE", "HAS", "HAD", "HAVING"];
        let tokens = &self.layer.tokens;
        // The tag a token opens, if it opens one.
        let tag_at = |i: usize| match &tokens[i] {
            Token::Begin(Label::Tag(t)) => Some(t.as_str()),
            _ => None,
        };
        // The phrase's first verb that is not an auxiliary (BE, HAVE, a modal) must be the
        // participle.
        let vbn = (start + 1..end).find(|&i| {
            tag_at(i).is_some_and(|t| t.starts_with("VB"))
                && !word_at(tokens, i + 1).is_some_and(|w| BE.contains(&w) || HAVE.contains(&w))
        })?;
        if tag_at(vbn) != Some("VBN") {
            return None;
        }
        // The word before the participle, skipping adverbs.
        let mut at = vbn;
        let before = loop {
            at = at.checked_sub(1)?;
            match &tokens[at] {
                Token::Word { text, .. }
                    if !tag_at(at - 1).is_some_and(|t| t.starts_with("RB")) =>
                {
                    break text.as_str();
                }
                // Right after a noun, a participle with BY may be a reduced relative ("a vote
                // backed by the opposition"), but the tagger's VBN there is as often a past
                // tense ("France condemned ... allegations by Rwanda"): read as active.
                Token::UnitEnd(_) | Token::CompoundEnd(_) => return None,
                _ => {}
            }
        };
        if !BE.contains(&before) {
            return None;
        }
        let by = (vbn + 2..end)
            .take_while(|&i| !matches!(tokens[i], Token::Begin(Label::VerbPhrase(_))))
            .any(|i| word_at(tokens, i) == Some("BY"));
        by.then_some(vbn + 1)
    }

    /// Whether the word at token `at` is `wanted`, as written or (dyad entries, which are
    /// lemmas) by its lemma.
    fn word_is(&self, at: usize, wanted: &str, by_lemma: bool) -> bool {
        match self.layer.tokens.get(at) {
            Some(Token::Word { text, leaf }) => {
                text.eq_ignore_ascii_case(wanted)
                    || (by_lemma
                        && leaf
                            .and_then(|l| self.layer.lemmas.get(l))
                            .is_some_and(|lemma| lemma.eq_ignore_ascii_case(wanted)))
            }
            _ => false,
        }
    }

    /// Whether a multi-word form fits around the verb at token `verb`; returns where the upper
    /// and lower sequences start. dyad-format forms (`dyad`) match by lemma and allow other
    /// words of the verb phrase between theirs ("expressed its readiness").
    fn fits(&self, form: &VerbForm, verb: usize, end: usize, dyad: bool) -> Option<(usize, usize)> {
        let tokens = &self.layer.tokens;
        let mut lower_start = verb + 1;
        let mut at = verb + 1;
        for wanted in form.after() {
            let mut skipped = 0;
            while at < end
                && (word_at(tokens, at).is_none() || (dyad && !self.word_is(at, wanted, true)))
            {
                // A dyad form's later words ("expressed its readiness", "launched an inquiry")
                // stay in the verb's own clause, a few words on: never inside a nested verb
                // phrase or past a comma ("ordered X to appear ... in an investigation"). The
                // word right after the verb may still open a phrase of its own ("stopped work"
                // with "work" parsed as a verb).
                if dyad {
                    match &tokens[at] {
                        Token::Begin(Label::VerbPhrase(_) | Label::Comma) if skipped > 0 => {
                            return None;
                        }
                        Token::Word { .. } => {
                            skipped += 1;
                            if skipped > MAX_FORM_GAP {
                                return None;
                            }
                        }
                        _ => {}
                    }
                }
                at += 1;
            }
            if at >= end || !self.word_is(at, wanted, dyad) {
                return None;
            }
            at += 1;
            lower_start = at;
        }
        let mut upper_start = verb;
        let mut at = verb;
        for wanted in form.before().iter().rev() {
            loop {
                if at <= 2 {
                    return None;
                }
                at -= 1;
                if word_at(tokens, at).is_some() {
                    break;
                }
            }
            if !word_at(tokens, at).is_some_and(|w| w.eq_ignore_ascii_case(wanted)) {
                return None;
            }
            upper_start = at;
        }
        Some((upper_start, lower_start))
    }

    fn sequence_item(token: &Token) -> Option<SeqItem<'_>> {
        match token {
            Token::Word { text, .. } => Some(SeqItem::Word(text)),
            Token::UnitBegin(u) | Token::UnitEnd(u) => Some(SeqItem::UnitMark(*u)),
            Token::CompoundBegin(c) | Token::CompoundEnd(c) => Some(SeqItem::CompoundMark(*c)),
            _ => None,
        }
    }

    /// From the token before `before` back to position 2 or the nearest comma, nearest first.
    fn upper_sequence(&self, before: usize) -> Vec<SeqItem<'_>> {
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

    /// The default source; with `NewsRules::source_past_commas`, when the clause before the
    /// verb's comma holds no coded unit and the verb is no statement ("A member of parliament, Mohammed Mamoun, started a
    /// hunger strike", "X met Y, promising aid"), the sequence runs on to the sentence start.
    fn source_past_commas(&self, upper: &[SeqItem<'_>], before: usize, code: &str) -> Option<Role> {
        let found = self.default_source(upper);
        // Statements ("..., the spokesman said") name their speaker after the comma.
        if code.starts_with("01") {
            return found;
        }
        let coded = |role: Option<Role>| match role {
            Some(Role::Unit(u)) => self.is_coded(u),
            Some(Role::Compound(_)) => true,
            None => false,
        };
        // Only a finite verb right after the comma ("X, a senior official, started", "X, ...,
        // has killed"), or a participle right after a clause's objects ("X met Y, promising
        // aid"): after a prepositional phrase ("... in Paris, giving consumers more") the
        // participle's subject is anybody's guess.
        let bare =
            !upper.iter().any(|i| matches!(i, SeqItem::UnitMark(_) | SeqItem::CompoundMark(_)));
        if coded(found)
            || !self.options.news.source_past_commas
            || !bare
            || !self.is_finite(before, false)
        {
            return found;
        }
        let tokens = &self.layer.tokens;
        let mut items = Vec::new();
        let mut at = before;
        while at > 2 {
            at -= 1;
            if let Some(item) = Self::sequence_item(&tokens[at]) {
                items.push(item);
            }
        }
        let wider = self.default_source(&items);
        if coded(wider) { wider } else { found }
    }

    /// With [`NewsRules::own_clause_subject`], the subject of the finite verb at token `verb`
    /// when a verb or a conjunction opens its clause right before that subject; with a
    /// relative pronoun for subject, an uncoded phrase it stands for (not for a `passive` verb,
    /// whose subject suffered the act: "a budget which was welcomed by Washington").
    ///
    /// [`NewsRules::own_clause_subject`]: crate::records::NewsRules::own_clause_subject
    fn own_clause_subject(&self, verb: usize, passive: bool) -> Option<Role> {
        const OPENERS: &[&str] = &[
            "THAT", "WHETHER", "IF", "WHERE", "WHEN", "WHILE", "BECAUSE", "AFTER", "BEFORE",
            "SINCE", "ALTHOUGH", "THOUGH", "UNTIL", "ONCE", "AS", "WHY", "HOW", "WHEREAS",
        ];
        const POSSESSIVES: &[&str] = &["ITS", "THEIR", "HIS", "HER", "OUR", "MY", "YOUR"];
        if !self.options.news.own_clause_subject || !self.is_finite(verb, true) {
            return None;
        }
        let tokens = &self.layer.tokens;
        let tag_of = |at: usize| match tokens.get(at.wrapping_sub(1)) {
            Some(Token::Begin(Label::Tag(tag))) => tag.as_str(),
            _ => "",
        };
        // Back over the verb's own auxiliaries and adverbs to the nearest phrase.
        let mut at = verb;
        let (subject, begin) = loop {
            if at <= 2 {
                return None;
            }
            at -= 1;
            match &tokens[at] {
                Token::Word { .. } => {
                    let tag = tag_of(at);
                    if !(tag.starts_with("VB") || tag.starts_with("RB") || tag == "MD") {
                        return None;
                    }
                }
                Token::UnitEnd(u) => break (Role::Unit(*u), Token::UnitBegin(*u)),
                Token::CompoundEnd(c) => break (Role::Compound(*c), Token::CompoundBegin(*c)),
                Token::End(Label::Comma) | Token::UnitBegin(_) | Token::CompoundBegin(_) => {
                    return None;
                }
                _ => {}
            }
        };
        while tokens[at] != begin {
            at = at.checked_sub(1)?;
        }
        // A relative pronoun stands for the phrase right before it: when that names no actor,
        // nobody in the sentence did it ("the earthquake which killed 300 people"). A coded one
        // is left to the sentence rules, which find it too.
        if let Role::Unit(u) = subject
            && matches!(self.layer.units[u].words.as_slice(), [w] if RELATIVES.contains(&w.as_str()))
        {
            return self.antecedent(at).filter(|&role| !passive && self.is_uncoded_role(role));
        }
        // A pronoun, or a phrase a possessive pronoun opens ("its members"), points back into
        // the sentence.
        if let Role::Unit(u) = subject {
            let words = &self.layer.units[u].words;
            let anaphor = words.iter().all(|w| PRONOUNS.contains(&w.as_str()))
                || words.first().is_some_and(|w| POSSESSIVES.contains(&w.as_str()));
            if anaphor {
                return None;
            }
        }
        // The word before the subject must open a clause.
        while at > 2 {
            at -= 1;
            match &tokens[at] {
                Token::Word { text, .. } => {
                    let tag = tag_of(at);
                    // Not a participle, unless HAVE makes it a tense ("has said X had"):
                    // "aircraft using missiles killed", "Frankfurt-based Deutsche Boerse".
                    let perfect = tag == "VBN" && self.after_have(at);
                    let opens = (tag.starts_with("VB") && tag != "VBG" && tag != "VBN")
                        || perfect
                        || tag == "MD"
                        || tag.starts_with('W')
                        || OPENERS.contains(&text.as_str());
                    return opens.then_some(subject);
                }
                Token::End(Label::Comma) | Token::UnitEnd(_) | Token::CompoundEnd(_) => {
                    return None;
                }
                _ => {}
            }
        }
        None
    }

    /// The phrase that ends right before token `at` (a relative pronoun's unit), past one
    /// comma; `None` when anything else stands between, or when it is itself a pronoun.
    fn antecedent(&self, at: usize) -> Option<Role> {
        let tokens = &self.layer.tokens;
        let mut before = at.checked_sub(1)?;
        if tokens[before] == Token::End(Label::Comma) {
            while tokens[before] != Token::Begin(Label::Comma) {
                before = before.checked_sub(1)?;
            }
            before = before.checked_sub(1)?;
        }
        let role = match tokens[before] {
            Token::UnitEnd(u) => Role::Unit(u),
            Token::CompoundEnd(c) => Role::Compound(c),
            _ => return None,
        };
        if let Role::Unit(u) = role
            && self.layer.units[u].words.iter().all(|w| PRONOUNS.contains(&w.as_str()))
        {
            return None;
        }
        Some(role)
    }

    /// Whether the word before the word at token `at` is a form of HAVE.
    fn after_have(&self, at: usize) -> bool {
        let previous = self.layer.tokens[..at].iter().rev().find_map(Token::word);
        previous
            .is_some_and(|w| matches!(w, "HAS" | "HAVE" | "HAD" | "HAVING" | "'VE" | "'S" | "'D"))
    }

    /// Whether the verb word at token `verb` (or the auxiliary before it) is finite: VBD, VBZ,
    /// VBP or a modal. With `strict`, only the verb group counts. Without, the walk also passes
    /// noun phrases (their words carry no tag here), so that a participle right after a
    /// clause's objects ("Bahrain introduced a tender last December, offering banks ...") counts
    /// with that clause's finite verb, as [`Context::source_past_commas`] wants it.
    fn is_finite(&self, verb: usize, strict: bool) -> bool {
        let tokens = &self.layer.tokens;
        let mut at = verb;
        while at > 2 {
            if strict && matches!(tokens[at], Token::UnitEnd(_) | Token::CompoundEnd(_)) {
                return false;
            }
            if let Token::Word { .. } = tokens[at]
                && let Token::Begin(Label::Tag(tag)) = &tokens[at - 1]
            {
                if FINITE_TAGS.contains(&tag.as_str()) {
                    return true;
                }
                let adverb = tag.starts_with("RB");
                let the_verb = at == verb && tag.starts_with("VB");
                if !(adverb || the_verb) {
                    return false;
                }
            }
            at -= 1;
        }
        false
    }

    /// The modal of the verb group ending at the verb word at token `verb` ("could" in "could
    /// have let"), past auxiliaries and adverbs only.
    fn modal_of(&self, verb: usize) -> Option<&str> {
        let tokens = &self.layer.tokens;
        let mut at = verb;
        while at > 2 {
            if matches!(tokens[at], Token::UnitEnd(_) | Token::CompoundEnd(_)) {
                return None;
            }
            if let Token::Word { text, .. } = &tokens[at]
                && let Token::Begin(Label::Tag(tag)) = &tokens[at - 1]
            {
                if tag == "MD" {
                    return Some(text);
                }
                if !(tag.starts_with("RB") || tag.starts_with("VB")) {
                    return None;
                }
            }
            at -= 1;
        }
        None
    }

    /// When the verb group ending at the verb word at token `verb` is a to-infinitive ("to
    /// withdraw"), the lemma of the adjective right before its TO ("ready to"), else of the
    /// nearest verb before it (`Some(None)` when there is none, or the parse gives no lemma).
    fn infinitive_governor(&self, verb: usize) -> Option<Option<&str>> {
        let tokens = &self.layer.tokens;
        let tag_of = |at: usize| match (&tokens[at], at.checked_sub(1).map(|b| &tokens[b])) {
            (Token::Word { text, leaf }, Some(Token::Begin(Label::Tag(tag)))) => {
                Some((text.as_str(), *leaf, tag.as_str()))
            }
            _ => None,
        };
        let mut at = verb;
        let to = loop {
            if at <= 2 || matches!(tokens[at], Token::UnitEnd(_) | Token::CompoundEnd(_)) {
                return None;
            }
            match tag_of(at) {
                Some((_, _, "TO")) => break at,
                Some((_, _, tag)) if !(tag.starts_with("RB") || tag.starts_with("VB")) => {
                    return None;
                }
                _ => at -= 1,
            }
        };
        // The adjective right before TO ("ready to"), else the nearest verb.
        let adjective = (2..to).rev().find_map(tag_of).filter(|(_, _, tag)| tag.starts_with("JJ"));
        let governor = adjective.map(|(_, leaf, _)| leaf).or_else(|| {
            (2..to).rev().find_map(|at| match tag_of(at) {
                Some((_, leaf, tag)) if tag.starts_with("VB") => Some(leaf),
                _ => None,
            })
        });
        Some(governor.flatten().and_then(|leaf| self.layer.lemmas.get(leaf)).map(String::as_str))
    }

    /// What becomes of `code`, an act that no pattern named, at the verb word at token `verb`
    /// under the news rules on modals and infinitives, as in [`Context::verb_site`]: `None`
    /// when it might happen or is only wanted ("could break out", "unlikely to start a trade
    /// war"), the intent after an intent word ("ready to hold talks" is 036), else the code.
    fn realised_code(&self, verb: usize, code: String) -> Option<String> {
        let news = self.options.news;
        if news.hypothetical_modals
            && self.modal_of(verb).is_some_and(|m| HYPOTHETICAL_MODALS.contains(&m))
        {
            return None;
        }
        let Some(governor) = self.infinitive_governor(verb).filter(|_| news.unrealised_infinitives)
        else {
            return Some(code);
        };
        let governed_by = |list: &[&str]| governor.is_some_and(|g| list.contains(&g));
        if governed_by(REALISING_GOVERNORS) || (governed_by(ATTEMPT_GOVERNORS) && is_hostile(&code))
        {
            Some(code)
        } else if governed_by(INTENT_GOVERNORS) && !self.object_before_to(verb) {
            intent_code(&code)
        } else {
            None
        }
    }

    /// Whether a phrase stands between the to-infinitive ending at token `verb` and the verb
    /// before it ("want [the government] to withdraw").
    fn object_before_to(&self, verb: usize) -> bool {
        let tokens = &self.layer.tokens;
        let Some(to) = (2..verb)
            .rev()
            .find(|&at| matches!(&tokens[at], Token::Word { text, .. } if text == "TO"))
        else {
            return false;
        };
        for token in tokens[2..to].iter().rev() {
            match token {
                Token::UnitEnd(_) | Token::CompoundEnd(_) => return true,
                Token::Begin(Label::Tag(tag)) if tag.starts_with("VB") || tag.starts_with("JJ") => {
                    return false;
                }
                _ => {}
            }
        }
        false
    }

    /// From `start` to the end marker of the verb's phrase.
    fn lower_sequence(&self, start: usize, end: usize) -> Vec<SeqItem<'_>> {
        self.layer.tokens[start.min(end)..end].iter().filter_map(Self::sequence_item).collect()
    }

    /// Both sides of a pattern; returns the (source, target) bindings on success.
    fn match_pattern(
        &self,
        pattern: &CompiledPattern,
        upper: &[SeqItem<'_>],
        lower: &[SeqItem<'_>],
    ) -> Option<(Option<Role>, Option<Role>)> {
        let mut bindings = (None, None);
        self.match_side(&pattern.upper, upper, true, &mut bindings)?;
        self.match_side(&pattern.lower, lower, false, &mut bindings)?;
        Some(bindings)
    }

    fn match_side(
        &self,
        elements: &[PatternStep],
        sequence: &[SeqItem<'_>],
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
            let gap = current.gap;
            let marker = matches!(
                current.step,
                Step::Source | Step::Target | Step::Skip | Step::Compound | Step::Letter
            );
            if marker {
                if let (Step::Compound, Some(compound)) = (&current.step, in_compound) {
                    if upper {
                        bindings.0 = Some(Role::Compound(compound));
                    }
                    bindings.1 = Some(Role::Compound(compound));
                    at += 1;
                    element += 1;
                    continue;
                }
                if let Some((unit, entered)) = in_unit {
                    match current.step {
                        Step::Source => bindings.0 = Some(Role::Unit(unit)),
                        Step::Target => bindings.1 = Some(Role::Unit(unit)),
                        Step::Skip => {
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
            match &current.step {
                Step::Synset(Some(synset)) => {
                    if let Some(length) = self.synset_match(*synset, sequence, at, upper) {
                        at += length;
                        element += 1;
                        continue;
                    }
                }
                Step::Synset(None) | Step::Never => {}
                Step::Word(wanted) => {
                    if wanted == word {
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
        synset: usize,
        sequence: &[SeqItem<'_>],
        at: usize,
        upper: bool,
    ) -> Option<usize> {
        match sequence.get(at) {
            Some(SeqItem::Word(w)) if self.lexicon.synset_ends[synset].contains(*w) => {}
            _ => return None,
        }
        for member in &self.lexicon.synsets[synset] {
            let length = member.len();
            let mut i = at;
            let mut matched = 0;
            while matched < length {
                let wanted = if upper { &member[length - 1 - matched] } else { &member[matched] };
                match sequence.get(i) {
                    Some(SeqItem::Word(w)) if *w == wanted.as_str() => {
                        matched += 1;
                        i += 1;
                    }
                    _ => break,
                }
            }
            if matched == length {
                return Some(i - at);
            }
        }
        None
    }

    /// The default source (4.5): walking from the far end of the upper sequence towards the
    /// verb, the first compound or coded unit; else the farthest uncoded unit.
    fn default_source(&self, upper: &[SeqItem<'_>]) -> Option<Role> {
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

    /// A statement's addressee: the first phrase after the verb that no preposition but TO
    /// introduces, when an actor or agent is its head: the object of "told" when
    /// `object_addressee`, else only a phrase after TO ("said to the Iraqi envoy"); pronouns,
    /// uncoded phrases and phrases whose head is no actor ("told the US trade figures")
    /// give none.
    fn statement_addressee(&self, lower: &[SeqItem<'_>], object_addressee: bool) -> Option<Role> {
        const CONJUNCTIONS: &[&str] = &["AND", "OR"];
        let mut after_preposition = false;
        let mut after_skipped = false;
        let mut after_to = false;
        let mut items = lower.iter();
        while let Some(item) = items.next() {
            match item {
                SeqItem::Word(word) => {
                    // A conjunction right after a skipped phrase joins another to it ("after
                    // talks with X and the leader of Y").
                    let joins = after_skipped && CONJUNCTIONS.contains(word);
                    after_preposition = joins || STATEMENT_PREPOSITIONS.contains(word);
                    after_skipped = false;
                    after_to = *word == "TO";
                }
                // What "said" reports is about its subject, not addressed to it ("the lawmakers
                // said the House leadership has asked"): only "tell" and its kind take the
                // addressee for object; the others address a phrase after TO.
                SeqItem::UnitMark(_) | SeqItem::CompoundMark(_)
                    if !after_preposition && !object_addressee && !after_to =>
                {
                    return None;
                }
                SeqItem::UnitMark(u) if after_preposition => {
                    // Skip the phrase to its closing mark.
                    items.find(|i| **i == SeqItem::UnitMark(*u));
                    after_preposition = false;
                    after_skipped = true;
                }
                SeqItem::CompoundMark(c) if after_preposition => {
                    items.find(|i| **i == SeqItem::CompoundMark(*c));
                    after_preposition = false;
                    after_skipped = true;
                }
                SeqItem::UnitMark(u) => {
                    // A possessor ("said Labour's plans would fail") stands for what it owns.
                    let mut rest = items.clone().skip_while(|i| **i != SeqItem::UnitMark(*u));
                    let unit = match (rest.nth(1), rest.next()) {
                        (Some(SeqItem::Word(w)), Some(SeqItem::UnitMark(owned)))
                            if POSSESSIVE_MARKERS.contains(w) =>
                        {
                            *owned
                        }
                        _ => *u,
                    };
                    return self.addressed(unit).then_some(Role::Unit(unit));
                }
                // "said China and Russia", not "said a war between Iran and Iraq" (the parser's
                // {[A WAR BETWEEN IRAN] [A WAR BETWEEN IRAQ]}).
                SeqItem::CompoundMark(c) => {
                    let members = &self.layer.compounds[*c].members;
                    return members
                        .iter()
                        .any(|&m| self.addressed(m))
                        .then_some(Role::Compound(*c));
                }
            }
        }
        None
    }

    /// Whether `target` is nothing but the country of `source` ("Iranian Prime Minister
    /// Mousavi told Iran ...": a speaker telling its own country addresses nobody).
    fn own_country(&self, source: Role, target: Role) -> bool {
        let countries: Vec<String> = self
            .side_codes(source, false)
            .into_iter()
            .filter_map(|(code, _)| code.get(..3).map(str::to_string))
            .collect();
        let targets = self.side_codes(target, false);
        !targets.is_empty()
            && targets.iter().all(|(code, _)| code.len() == 3 && countries.contains(code))
    }

    /// Whether a statement's addressee `unit` is coded, has an actor or agent for its head (see
    /// [`Lexicon::names_its_head`]) and is no news medium: what is told to Reuters or the BBC is
    /// told to their readers, and the outlet is no party to it.
    fn addressed(&self, unit: usize) -> bool {
        let (words, lemmas) = unit_words(self.layer, &self.layer.units[unit]);
        let medium = self.codes[unit].get(3..).is_some_and(|role| role.starts_with("MED"));
        self.is_coded(unit) && !medium && self.lexicon.names_its_head(&words, &lemmas)
    }

    /// The default target (4.5).
    fn default_target(
        &self,
        source: Role,
        upper: &[SeqItem<'_>],
        lower: &[SeqItem<'_>],
    ) -> Option<Role> {
        let source_code = match source {
            Role::Unit(u) if self.is_coded(u) => Some(self.codes[u].as_str()),
            _ => None,
        };
        for (i, item) in lower.iter().enumerate() {
            match item {
                SeqItem::CompoundMark(c) => return Some(Role::Compound(*c)),
                SeqItem::UnitMark(u) if self.is_coded(*u) => {
                    if source_code.is_some_and(|s| self.codes[*u].contains(s)) {
                        continue;
                    }
                    // Past the unit's closing mark (the sequence may start at it, after a
                    // verb form's last word inside the object: "lodged a protest").
                    let after = (i + 1..lower.len())
                        .find(|&j| lower[j] == SeqItem::UnitMark(*u))
                        .map_or(i + 1, |close| close + 1);
                    if self.options.news.direction_beats_agent
                        && self.codes[*u].starts_with("---")
                        && let Some(goal) = self.direction_country(&lower[after..], source_code)
                    {
                        return Some(Role::Unit(goal));
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
                && !source_codes.iter().any(|(code, _)| code == &self.codes[*u])
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

    /// After a country-less object ("sent troops"), the first unit with a country that a
    /// preposition of direction introduces ("to Mali", "from Lebanon"), if the first
    /// country-coded unit of the rest is one.
    fn direction_country(&self, rest: &[SeqItem<'_>], source_code: Option<&str>) -> Option<usize> {
        // Words since the last preposition of direction outside units ("from neighboring
        // Lebanon": one), `None` when there is none.
        let mut since_direction: Option<usize> = None;
        let mut inside = false;
        for item in rest {
            match item {
                SeqItem::Word(w) => {
                    if !inside {
                        since_direction = if DIRECTIONS.contains(w) {
                            Some(0)
                        } else {
                            since_direction.map(|n| n + 1)
                        };
                    }
                }
                SeqItem::CompoundMark(_) => return None,
                SeqItem::UnitMark(u) => {
                    inside = !inside;
                    if !inside {
                        continue;
                    }
                    let code = &self.codes[*u];
                    if code.starts_with("---") || source_code.is_some_and(|s| code.contains(s)) {
                        since_direction = None;
                        continue;
                    }
                    return since_direction.filter(|&n| n <= 2).map(|_| *u);
                }
            }
        }
        None
    }

    /// [`NewsRules::reciprocal_compounds`]: coordinated actors with a cooperative code and no
    /// coded object act on each other. Returns whether it emitted.
    ///
    /// [`NewsRules::reciprocal_compounds`]: crate::records::NewsRules::reciprocal_compounds
    fn reciprocal(
        &self,
        source: Role,
        target: Option<Role>,
        code: &str,
        site: usize,
        events: &mut Vec<CodedEvent>,
    ) -> bool {
        let Role::Compound(compound) = source else {
            return false;
        };
        let cooperative = ["03", "04", "05", "06"].iter().any(|root| code.starts_with(root));
        if !self.options.news.reciprocal_compounds || !cooperative {
            return false;
        }
        let members: Vec<usize> = self.layer.compounds[compound]
            .members
            .iter()
            .copied()
            .filter(|&u| self.is_coded(u))
            .collect();
        if members.len() < 2 {
            return false;
        }
        // A target that is one of the parties again ("China and Russia held talks in
        // Beijing") adds no one: the parties act on each other.
        let party_again = |t: Role| {
            self.side_codes(t, false)
                .iter()
                .all(|(code, _)| members.iter().any(|&m| self.codes[m].get(..3) == code.get(..3)))
        };
        // A place where they meet is no party either ("Obama and Putin will meet in Zurich").
        let uncoded_target =
            target.is_none_or(|t| self.is_uncoded_role(t) || party_again(t) || self.is_venue(t));
        if !uncoded_target {
            return false;
        }
        for &a in &members {
            for &b in &members {
                if a != b {
                    self.emit(Role::Unit(a), Role::Unit(b), code, false, site, events);
                }
            }
        }
        true
    }

    /// Whether a side is one phrase after a locative preposition ("in Zurich", "at the UN"):
    /// where something happens.
    fn is_venue(&self, role: Role) -> bool {
        match role {
            Role::Unit(u) => {
                let begin = self.layer.tokens.iter().position(|t| *t == Token::UnitBegin(u));
                begin
                    .and_then(|at| self.word_before_unit(at))
                    .is_some_and(|w| LOCATIVES.contains(&w))
            }
            Role::Compound(_) => false,
        }
    }

    /// Whether a meeting can be with unit `u`: it is no place ("in Vienna", see
    /// [`Context::is_venue`]) and, after a verb whose object is a topic (`topic_object`:
    /// "discussed Middle East peace prospects"), an actor or agent is its head when it is
    /// coded.
    fn meets_with(&self, u: usize, topic_object: bool) -> bool {
        if self.is_venue(Role::Unit(u)) {
            return false;
        }
        if !topic_object || !self.is_coded(u) {
            return true;
        }
        let (words, lemmas) = unit_words(self.layer, &self.layer.units[u]);
        self.lexicon.names_its_head(&words, &lemmas)
    }

    /// Whether the verb at token `verb` is a past participle (VBN) after a word other than a
    /// HAVE auxiliary or an adverb ("were given", "is expected"): a passive without agent.
    fn is_bare_participle(&self, verb: usize) -> bool {
        let tokens = &self.layer.tokens;
        if !matches!(tokens.get(verb.wrapping_sub(1)), Some(Token::Begin(Label::Tag(t))) if t == "VBN")
        {
            return false;
        }
        let mut at = verb.saturating_sub(1);
        while at > 2 {
            at -= 1;
            match &tokens[at] {
                Token::Word { text, .. } => {
                    if matches!(text.as_str(), "HAVE" | "HAS" | "HAD" | "'VE" | "'D" | "HAVING") {
                        return false;
                    }
                    if !matches!(&tokens[at - 1], Token::Begin(Label::Tag(t)) if t.starts_with("RB"))
                    {
                        return true;
                    }
                }
                // Right after its subject the tagger's VBN is as often a past tense ("Zambia
                // extradited"): read it as active.
                Token::UnitEnd(_) | Token::CompoundEnd(_) => return false,
                _ => {}
            }
        }
        false
    }

    /// Whether every unit a side stands for is uncoded.
    fn is_uncoded_role(&self, role: Role) -> bool {
        self.side_codes(role, false).iter().all(|(c, _)| c == "---")
    }

    /// Emits a site's events; with [`NewsRules::targetless_events`], a site whose target is
    /// missing or uncoded gives its coded source an event without target ("Bosnian Serbs
    /// completed their withdrawal"), unless it is a plain statement or passive.
    ///
    /// [`NewsRules::targetless_events`]: crate::records::NewsRules::targetless_events
    #[allow(clippy::too_many_arguments)]
    fn emit_or_targetless(
        &self,
        source: Role,
        target: Option<Role>,
        code: &str,
        passive: bool,
        active: bool,
        site: usize,
        events: &mut Vec<CodedEvent>,
    ) {
        let targetless = self.options.news.targetless_events
            && active
            && TARGETLESS_ROOTS.iter().any(|root| code.starts_with(root))
            && target.is_none_or(|t| self.is_uncoded_role(t));
        if !targetless {
            if let Some(target) = target {
                self.emit(source, target, code, passive, site, events);
            }
            return;
        }
        // A paired code ("meet": 036/036) has no second side to give its other half.
        let code = code.split_once(':').map_or(code, |(forward, _)| forward);
        for (source_code, unit) in self.side_codes(source, false) {
            // "The talks between India and Pakistan ended": the subject is an event, its
            // parties do not act.
            let event_noun = unit.is_some_and(|u| self.unit_noun(u).is_some());
            if source_code != "---" && !event_noun {
                events.push(CodedEvent {
                    triple: Triple {
                        source: source_code,
                        target: "---".to_string(),
                        code: code.to_string(),
                    },
                    source_unit: unit,
                    target_unit: None,
                    site,
                });
            }
        }
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
    fn side_codes(&self, role: Role, new_actors: bool) -> Vec<(String, Option<usize>)> {
        let units: Vec<usize> = match role {
            Role::Unit(u) => vec![u],
            Role::Compound(c) => self.layer.compounds[c].members.clone(),
        };
        let all_uncoded = units.iter().all(|&u| !self.is_coded(u));
        if all_uncoded && units.len() > 1 {
            return vec![("---".to_string(), None)];
        }
        let in_compound = units.len() > 1;
        let mut codes = Vec::new();
        for u in units {
            if self.is_coded(u) {
                codes.extend(self.codes[u].split('/').map(|c| (c.to_string(), Some(u))));
            } else {
                let text = if new_actors { self.uncoded_text(u) } else { "---".to_string() };
                // An uncoded member of a partly coded compound counts only as a new actor.
                if !(in_compound && text == "---") {
                    codes.push((text, Some(u)));
                }
            }
        }
        codes
    }

    /// Emits the events of one verb site (section 4.6): sides expanded to code lists, paired
    /// codes in both directions, self-pairs skipped, passive swapped, require_dyad applied.
    fn emit(
        &self,
        source: Role,
        target: Role,
        code: &str,
        passive: bool,
        site: usize,
        out: &mut Vec<CodedEvent>,
    ) {
        type Side = (String, Option<usize>);
        let mut sources = self.side_codes(source, true);
        let mut targets = self.side_codes(target, true);
        let mut push = |s: &Side, t: &Side, c: &str| {
            if s.0 == t.0 {
                return;
            }
            let (s, t) = if passive { (t, s) } else { (s, t) };
            if self.options.require_dyad && (s.0 == "---" || t.0 == "---") {
                return;
            }
            out.push(CodedEvent {
                triple: Triple { source: s.0.clone(), target: t.0.clone(), code: c.to_string() },
                source_unit: s.1,
                target_unit: t.1,
                site,
            });
        };
        let uncoded = |side: &[Side]| side.len() == 1 && side[0].0 == "---";
        if let Some((forward, backward)) = code.split_once(':') {
            if uncoded(&sources) {
                sources = targets.clone();
            } else if uncoded(&targets) {
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

#[cfg(test)]
mod tests {
    use dyad_dictionaries::petrarch;

    use super::*;
    use crate::records::NewsRules;
    use crate::treebank::linearise_text;

    #[test]
    fn a_role_takes_the_articles_country_unless_the_sentence_names_several_others() {
        let codes = |list: &[&str]| list.iter().map(|c| c.to_string()).collect::<Vec<_>>();
        let usa = codes(&["USAELI", "---GOV"]);
        assert_eq!(role_country(&usa, Some("GBR")), Some("GBR"));
        assert_eq!(role_country(&usa, None), Some("USA"));
        assert_eq!(role_country(&codes(&["---GOV"]), Some("GBR")), Some("GBR"));
        assert_eq!(role_country(&codes(&["---GOV"]), None), None);
        let two = codes(&["USAGOV", "IRQ", "---GOV"]);
        assert_eq!(role_country(&two, Some("GBR")), None);
        assert_eq!(role_country(&two, Some("IRQ")), Some("IRQ"));
        // A news outlet names no country; IGO and region codes are none.
        assert_eq!(role_country(&codes(&["GBRMED", "---GOV"]), None), None);
        assert_eq!(role_country(&codes(&["IGOUNO", "---GOV"]), None), None);
    }

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
        coding.events.iter().map(|e| e.triple.to_string()).collect()
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

    const NEWS_VERBS: &str = "\
--- SAY  [010] ---
SAID

--- ATTACK  [190] ---
ATTACKED
ATTACKING

--- ARREST  [173] ---
ARRESTED

--- SIGN  [057] ---
SIGNED

--- SEND  [070] ---
SENT
";

    fn code_news(parse: &str, news: NewsRules) -> Vec<String> {
        let dictionaries = Dictionaries {
            verbs: petrarch::read_petrarch1_verbs("v.txt", NEWS_VERBS).0,
            actors: petrarch::read_actors("a.txt", &format!("{ACTORS}NORWAY [NOR]\n")).0,
            agents: petrarch::read_agents(
                "g.txt",
                "POLICE [~COP]\nPROTESTERS [~PRO]\nTROOPS [~MIL]\n",
            )
            .0,
            ..Dictionaries::default()
        };
        let lexicon = Lexicon::new(&dictionaries);
        let layer = linearise_text(parse).unwrap();
        let options =
            CodingOptions { news, comma_max: 0, comma_emax: 0, ..CodingOptions::default() };
        let coding = code_sentence(&lexicon, &layer, &options, None).unwrap();
        let mut events: Vec<String> = coding.events.iter().map(|e| e.triple.to_string()).collect();
        events.sort();
        events
    }

    #[test]
    fn a_statement_yields_to_the_verb_it_reports() {
        let parse =
            "(ROOT (S (NP (NNP Arnor)) (VP (VBD said) (SBAR (S (NP (PRP it)) (VP (VBD attacked)
            (NP (NNP Gondor)))))) (. .)))";
        assert_eq!(code_news(parse, NewsRules::default()), ["ARN GON 010"]);
        let news = NewsRules { statements_yield: true, ..NewsRules::default() };
        assert_eq!(code_news(parse, news), ["ARN GON 190"]);
    }

    #[test]
    fn agents_take_the_one_country_of_the_sentence() {
        let parse = "(ROOT (S (NP (DT The) (NNP Denmark) (NN police)) (VP (VBD arrested)
            (NP (NNS protesters))) (. .)))";
        assert_eq!(code_news(parse, NewsRules::default()), ["DNKCOP ---PRO 173"]);
        let news = NewsRules { inherit_country: true, ..NewsRules::default() };
        assert_eq!(code_news(parse, news), ["DNKCOP DNKPRO 173"]);
        // Two countries in the sentence: no guess.
        let two =
            parse.replace("(NNS protesters))", "(NNS protesters)) (PP (IN in) (NP (NNP Norway)))");
        assert_eq!(code_news(&two, news), ["DNKCOP ---PRO 173"]);
    }

    #[test]
    fn coordinated_actors_sign_with_each_other() {
        let parse = "(ROOT (S (NP (NNP Arnor) (CC and) (NNP Gondor)) (VP (VBD signed) (NP (DT an)
            (NN agreement))) (. .)))";
        assert!(code_news(parse, NewsRules::default()).is_empty());
        let news = NewsRules { reciprocal_compounds: true, ..NewsRules::default() };
        assert_eq!(code_news(parse, news), ["ARN GON 057", "GON ARN 057"]);
        // Not for hostile codes: "Arnor and Gondor attacked a town" is no attack on each other.
        let hostile = parse.replace("signed", "attacked");
        assert!(code_news(&hostile, news).is_empty());
    }

    #[test]
    fn a_country_of_direction_beats_a_country_less_object() {
        let parse = "(ROOT (S (NP (NNP Arnor)) (VP (VBD sent) (NP (NNS troops)) (PP (TO to)
            (NP (NNP Denmark)))) (. .)))";
        assert_eq!(code_news(parse, NewsRules::default()), ["ARN ---MIL 070"]);
        let news = NewsRules { direction_beats_agent: true, ..NewsRules::default() };
        assert_eq!(code_news(parse, news), ["ARN DNK 070"]);
        // A place of the action is no direction.
        let place = parse.replace("(TO to)", "(IN in)");
        assert_eq!(code_news(&place, news), ["ARN ---MIL 070"]);
    }

    #[test]
    fn dyad_patterns_read_the_verbs_own_clause_and_intent_adjectives() {
        let upper = [
            SeqItem::Word("TO"),
            SeqItem::Word("WILLING"),
            SeqItem::Word("IS"),
            SeqItem::UnitMark(0),
            SeqItem::Word("NORWAY"),
            SeqItem::UnitMark(0),
            SeqItem::Word("WILL"),
            SeqItem::UnitMark(1),
        ];
        assert_eq!(
            clause_upper(&upper),
            [
                SeqItem::Word("WILL"),
                SeqItem::Word("IS"),
                SeqItem::UnitMark(0),
                SeqItem::Word("NORWAY"),
                SeqItem::UnitMark(0),
            ]
        );
    }

    #[test]
    fn a_coded_source_without_target_gets_an_event_of_its_own() {
        let parse = "(ROOT (S (NP (NNP Arnor)) (VP (VBD attacked) (NP (DT a) (NN town))) (. .)))";
        assert!(code_news(parse, NewsRules::default()).is_empty());
        let news = NewsRules { targetless_events: true, ..NewsRules::default() };
        assert_eq!(code_news(parse, news), ["ARN --- 190"]);
        // Not a statement, not a passive without agent, not a country-less source.
        let said = "(ROOT (S (NP (NNP Arnor)) (VP (VBD said) (NP (DT a) (NN word))) (. .)))";
        assert!(code_news(said, news).is_empty());
        let passive = "(ROOT (S (NP (NNP Arnor)) (VP (VBD was) (VP (VBN attacked))) (. .)))";
        assert!(code_news(passive, news).is_empty());
        let police = parse.replace("(NNP Arnor)", "(NN police)");
        assert!(code_news(&police, news).is_empty());
    }

    /// The clause layer of a parse written as CoNLL-U with spaces for tabs, without the last
    /// two columns.
    fn dependency_layer(conllu: &str) -> ClauseLayer {
        let tabbed: String = conllu
            .lines()
            .map(|line| line.split(' ').collect::<Vec<_>>().join("\t") + "\tx\t_\n")
            .collect();
        crate::dependency::clause_layer(&crate::dependency::read_conllu_sentence(&tabbed))
    }

    #[test]
    fn a_name_across_a_possessive_is_one_actor() {
        let dictionaries = Dictionaries {
            verbs: petrarch::read_petrarch1_verbs("v.txt", NEWS_VERBS).0,
            actors: petrarch::read_actors(
                "a.txt",
                "PEOPLE'S_REPUBLIC_OF_ROHAN [ROH]\nGONDOR [GON]\n",
            )
            .0,
            ..Dictionaries::default()
        };
        let lexicon = Lexicon::new(&dictionaries);
        // A dependency parse keeps the possessor apart: [THE PEOPLE] 'S [REPUBLIC OF ROHAN].
        let conllu = "1 Gondor Gondor PROPN NNP _ 2 nsubj
2 attacked attack VERB VBD _ 0 root
3 the the DET DT _ 4 det
4 People people NOUN NNS _ 6 nmod:poss
5 's 's PART POS _ 4 case
6 Republic Republic PROPN NNP _ 2 obj
7 of of ADP IN _ 8 case
8 Rohan Rohan PROPN NNP _ 6 nmod
9 . . PUNCT . _ 2 punct";
        let layer = dependency_layer(conllu);
        let code = |news| {
            let options =
                CodingOptions { news, comma_max: 0, comma_emax: 0, ..CodingOptions::default() };
            let coding = code_sentence(&lexicon, &layer, &options, None).unwrap();
            coding.events.iter().map(|e| e.triple.to_string()).collect::<Vec<_>>()
        };
        assert!(code(NewsRules::default()).is_empty(), "{}", layer.render());
        let news = NewsRules { possessive_names: true, ..NewsRules::default() };
        assert_eq!(code(news), ["GON ROH 190"], "{}", layer.render());
    }

    #[test]
    fn a_possessor_and_the_role_it_owns_are_one_actor() {
        let dictionaries = Dictionaries {
            verbs: petrarch::read_petrarch1_verbs("v.txt", NEWS_VERBS).0,
            actors: petrarch::read_actors("a.txt", "ITHILEN [ITH]\nGONDOR [GON]\nFALASTUR [OSG]\n")
                .0,
            agents: petrarch::read_agents("g.txt", "PRESIDENT [~GOV]\n").0,
            ..Dictionaries::default()
        };
        let lexicon = Lexicon::new(&dictionaries);
        // [GONDOR] attacked [ITHILEN] 'S [PRESIDENT | READINESS | PRESIDENT FALASTUR]: the role
        // joins its possessor, whose country comes first as in PETRARCH-1's one unit; a word
        // that is no role leaves the possessor the target.
        let code = |owned: &str| {
            let words: Vec<&str> = owned.split(' ').collect();
            let head = 4 + words.len();
            let mut conllu = format!(
                "1 Gondor Gondor PROPN NNP _ 2 nsubj
2 attacked attack VERB VBD _ 0 root
3 Ithilen Ithilen PROPN NNP _ {head} nmod:poss
4 's 's PART POS _ 3 case\n"
            );
            // The last owned word heads the object; the words before it are its compounds.
            for (i, word) in words.iter().enumerate() {
                let id = 5 + i;
                let (at, relation) = if id == head { (2, "obj") } else { (head, "compound") };
                conllu += &format!("{id} {word} {word} NOUN NN _ {at} {relation}\n");
            }
            conllu += &format!("{} . . PUNCT . _ 2 punct", head + 1);
            let layer = dependency_layer(&conllu);
            let options = CodingOptions { comma_max: 0, comma_emax: 0, ..CodingOptions::default() };
            let coding = code_sentence(&lexicon, &layer, &options, None).unwrap();
            coding.events.iter().map(|e| e.triple.to_string()).collect::<Vec<_>>()
        };
        assert_eq!(code("president"), ["GON ITHGOV 190"]);
        assert_eq!(code("readiness"), ["GON ITH 190"]);
        assert_eq!(code("president Falastur"), ["GON ITHGOV 190"]);
    }

    #[test]
    fn news_passives_take_any_be_and_an_agentless_one_codes_nothing() {
        let news = NewsRules { passive_voice: true, ..NewsRules::default() };
        // "were ... by": PETRARCH-1 reads only WAS, IS and BEEN as the auxiliary.
        let by = "(ROOT (S (NP (NNP Arnor)) (VP (VBD were) (VP (VBN attacked)
            (PP (IN by) (NP (NNP Gondor))))) (. .)))";
        assert_eq!(code_news(by, NewsRules::default()), ["ARN GON 190"]);
        assert_eq!(code_news(by, news), ["GON ARN 190"]);
        // Without an agent the subject only suffered the act.
        let agentless = "(ROOT (S (NP (NNP Arnor) (NNS troops)) (VP (VBD were) (VP (VBN attacked)
            (PP (IN in) (NP (NNP Gondor))))) (. .)))";
        assert_eq!(code_news(agentless, NewsRules::default()), ["ARNMIL GON 190"]);
        assert!(code_news(agentless, news).is_empty());
        // A passive inside a relative clause does not make the main verb passive.
        let relative = "(ROOT (S (NP (NNP Arnor)) (VP (VBD attacked) (NP (NP (NNP Gondor))
            (SBAR (WHNP (WDT which)) (S (VP (VBD was) (VP (VBN attacked) (PP (IN by)
            (NP (NNP Norway))))))))) (. .)))";
        assert!(code_news(relative, news).contains(&"ARN GON 190".to_string()));
        // The actor after BY acts, wherever it comes; the default target would be the first
        // actor after the verb.
        let agent_later = "(ROOT (S (NP (NNP Arnor)) (VP (VBD was) (VP (VBN attacked)
            (PP (IN from) (NP (NNP Osgiliath))) (PP (IN by) (NP (NNP Gondor))))) (. .)))";
        assert_eq!(code_news(agent_later, news), ["GON ARN 190"]);
    }

    /// The unit codes of `phrases` (words split at blanks, as written) with the dyad-format
    /// dictionary `text`.
    fn dyad_unit_codes(text: &str, phrases: &[&str]) -> Vec<String> {
        let (dictionaries, diagnostics) = dyad_dictionaries::dyad_format::read_dyad_file("d", text);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        let lexicon = Lexicon::new(&dictionaries);
        phrases
            .iter()
            .map(|phrase| {
                let words: Vec<String> = phrase.split(' ').map(str::to_string).collect();
                lexicon.unit_code(&words, None)
            })
            .collect()
    }

    #[test]
    fn dyad_agent_rules_actor_phrase_prefix_role_and_company_officers() {
        let text = "@format dyad-dictionary 1\nactor Soviet Union | Soviet = SUN\nagent union = LAB\n\
            agent official = GOV\nagent charity = NGO~\nagent company = BUS\n";
        let cases = [
            ("THE SOVIET UNION", "SUN"),
            ("A SOVIET UNION OFFICIAL", "SUNGOV"),
            ("THE UNION", "---LAB"),
            // A prefix role alone is itself, and still takes a country after it.
            ("THE CHARITY", "NGO"),
            ("THE SOVIET CHARITY", "NGOSUN"),
            // A company's officer is business.
            ("A COMPANY OFFICIAL", "---BUS"),
            ("A SOVIET COMPANY OFFICIAL", "SUNBUS"),
        ];
        let phrases: Vec<&str> = cases.iter().map(|(phrase, _)| *phrase).collect();
        let expected: Vec<&str> = cases.iter().map(|(_, code)| *code).collect();
        assert_eq!(dyad_unit_codes(text, &phrases), expected);
    }

    #[test]
    fn a_surname_after_another_given_name_is_someone_else() {
        let text = "@format dyad-dictionary 1\nactor Tony Blair | Blair\n    GBRGOV 1997-05-02..2007-06-27\n    GBRELI\n\
            actor Britain | British = GBR\nagent minister = GOV\n";
        assert_eq!(dyad_unit_codes(text, &["Cherie Blair", "Sir Ian Blair"]), ["---", "---"]);
        // The entry's own given name, a spelling a letter or two off, a title or an agent
        // before it, or a sentence's first word, still name the person.
        let same = ["Tony Blair", "Toni Blair", "Mr Blair", "Minister Blair", "The Blair"];
        assert_eq!(dyad_unit_codes(text, &same), ["GBRELI"; 5]);
    }

    #[test]
    fn coordinated_parties_meeting_in_one_of_their_own_places_or_anywhere_act_on_each_other() {
        let news = NewsRules { reciprocal_compounds: true, ..NewsRules::default() };
        let parse = "(ROOT (S (NP (NP (NNP Arnor)) (CC and) (NP (NNP Gondor))) (VP (VBD signed)
            (NP (DT an) (NN agreement)) (PP (IN in) (NP (NNP Gondor)))) (. .)))";
        assert_eq!(code_news(parse, news), ["ARN GON 057", "GON ARN 057"]);
        // A third party is a target of both.
        let third = parse.replace("(IN in) (NP (NNP Gondor))", "(IN with) (NP (NNP Eriador))");
        assert_eq!(code_news(&third, news), ["ARN ERI 057", "GON ERI 057"]);
        // A third party's place is only where they meet.
        let venue = parse.replace("(IN in) (NP (NNP Gondor))", "(IN in) (NP (NNP Eriador))");
        assert_eq!(code_news(&venue, news), ["ARN GON 057", "GON ARN 057"]);
    }

    #[test]
    fn a_subject_before_an_apposition_is_the_source() {
        let parse =
            "(ROOT (S (NP (NNP Arnor)) (, ,) (NP (DT a) (NN neighbour)) (, ,) (VP (VBD attacked)
            (NP (NNP Gondor))) (. .)))";
        assert!(code_news(parse, NewsRules::default()).is_empty());
        let news = NewsRules { source_past_commas: true, ..NewsRules::default() };
        assert_eq!(
            code_news(parse, news),
            ["ARN GON 190"],
            "{}",
            linearise_text(parse).unwrap().render()
        );
        // A participle after the comma is an adjunct: its subject is not guessed.
        let participle = parse.replace("(VBD attacked)", "(VBG attacking)");
        assert!(code_news(&participle, news).is_empty());
    }

    #[test]
    fn a_clause_opened_after_a_verb_or_a_conjunction_has_its_own_subject() {
        let said =
            "(ROOT (S (NP (NNP Arnor)) (VP (VBD said) (SBAR (S (NP (NNP Gondor)) (VP (VBD had)
            (VP (VBN attacked) (NP (NNP Osgiliath))))))) (. .)))";
        // Statements yield to what they report; PETRARCH-1 then takes the sentence's first
        // actor as the attacker.
        let before = NewsRules { statements_yield: true, ..NewsRules::default() };
        let news = NewsRules { own_clause_subject: true, ..before };
        assert_eq!(code_news(said, before), ["ARN OSG 190"]);
        assert_eq!(code_news(said, news), ["GON OSG 190"]);
        let that = said.replace("(SBAR (S", "(SBAR (IN that) (S");
        assert_eq!(code_news(&that, news), ["GON OSG 190"]);
        // An unknown subject is still the subject: no attack by Arnor.
        let unknown = said.replace("(NNP Gondor)", "(NNS rebels)");
        assert!(code_news(&unknown, news).iter().all(|e| !e.ends_with("190")));
        // A pronoun points back: the sentence decides, as before.
        let pronoun = said.replace("(NNP Gondor)", "(PRP they)");
        assert_eq!(code_news(&pronoun, news), ["ARN OSG 190"]);
        // Not after a participle in -ing ("aircraft using missiles killed").
        let using =
            "(ROOT (S (NP (NNP Arnor)) (VP (VBG using) (NP (NNP Gondor))) (VP (VBD attacked)
            (NP (NNP Osgiliath))) (. .)))";
        assert_eq!(code_news(using, news), ["ARN OSG 190"]);
    }

    #[test]
    fn regular_stems_undo_english_inflection() {
        assert_eq!(regular_stems("BLAMED"), ["blame", "blam"]);
        assert_eq!(regular_stems("stopping"), ["stoppe", "stopp", "stop"]);
        assert_eq!(regular_stems("carries"), ["carry"]);
        assert!(regular_stems("meet").is_empty());
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
