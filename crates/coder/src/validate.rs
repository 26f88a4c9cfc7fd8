//! Validation against PETRARCH unit-test records: code each scored record with the supplied
//! parse and compare the multiset of (source, target, code) with the expected one
//! (`shared/docs/petrarch1-semantics.md` section 1).

use std::collections::BTreeMap;

use dyad_dictionaries::{Diagnostic, Dictionaries, DiscardLevel, petrarch};
use dyad_model::{Date, Event, Span};

use crate::clause::ClauseLayer;
use crate::engine::{Lexicon, code_sentence, discard_hit};
use crate::events::{SentenceContext, build_events};
use crate::records::{Environment, Expected, Record, RecordFile, Triple};
use crate::treebank;

/// What the coder did with one record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Produced {
    /// These events (de-duplicated).
    Events(Vec<Triple>),
    /// An error or discard of this type (`bad_input_parse`, `dateline`, `storydiscard`, ...).
    Error(String),
}

/// The result of one scored record.
#[derive(Clone, Debug)]
pub struct RecordResult {
    /// Position of the record in the file.
    pub position: usize,
    /// The record id (not unique in the shared file).
    pub id: String,
    /// The record category.
    pub category: String,
    /// What the record expects.
    pub expected: Expected,
    /// What the coder produced.
    pub produced: Produced,
    /// Whether they agree.
    pub passed: bool,
    /// The linearised sentence, for failure reports.
    pub layer: String,
}

/// Totals of a validation run.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Scored records.
    pub records: usize,
    /// Records that passed.
    pub passed: usize,
    /// Per category: (records, passed).
    pub by_category: BTreeMap<String, (usize, usize)>,
}

impl Summary {
    /// Totals of a list of results.
    pub fn of(results: &[RecordResult]) -> Summary {
        let mut summary = Summary::default();
        for result in results {
            summary.records += 1;
            let entry = summary.by_category.entry(result.category.clone()).or_default();
            entry.0 += 1;
            if result.passed {
                summary.passed += 1;
                entry.1 += 1;
            }
        }
        summary
    }
}

/// Reads the dictionaries an `<Environment>` names, in PETRARCH-1 format. `read` returns a
/// file's text given its name (the caller decides where the files live; this crate does no IO).
pub fn load_environment<E>(
    environment: &Environment,
    mut read: impl FnMut(&str) -> Result<String, E>,
) -> Result<(Dictionaries, Vec<Diagnostic>), E> {
    let mut dictionaries = Dictionaries::default();
    let mut diagnostics = Vec::new();
    if let Some(name) = &environment.verb_file {
        let (verbs, found) = petrarch::read_petrarch1_verbs(name, &read(name)?);
        dictionaries.verbs = verbs;
        diagnostics.extend(found);
    }
    if let Some(name) = &environment.actor_file {
        let (actors, found) = petrarch::read_actors(name, &read(name)?);
        dictionaries.actors = actors;
        diagnostics.extend(found);
    }
    if let Some(name) = &environment.agent_file {
        let (agents, found) = petrarch::read_agents(name, &read(name)?);
        dictionaries.agents = agents;
        diagnostics.extend(found);
    }
    if let Some(name) = &environment.discard_file {
        let (discards, found) = petrarch::read_discards(name, &read(name)?);
        dictionaries.discards = discards;
        diagnostics.extend(found);
    }
    Ok((dictionaries, diagnostics))
}

/// Codes one record from its text with a dependency parser (`dyad validate --parser dyad`):
/// dyad's tokenizer, then `parser`, then the clause layer from the parse.
pub fn code_record_parsed(
    lexicon: &Lexicon<'_>,
    dictionaries: &Dictionaries,
    record: &Record,
    parser: &crate::ParseFn,
) -> (Produced, String) {
    let text = record.text.as_str();
    let document = dyad_nlp::segment(text);
    let words: Vec<&str> =
        document.sentences.iter().flat_map(|s| s.tokens.iter().map(|t| t.text(text))).collect();
    let parse = parser(&words);
    let layer = crate::dependency::clause_layer(&parse);
    code_layer(lexicon, dictionaries, record, &layer)
}

/// Codes one record with its supplied parse.
pub fn code_record(
    lexicon: &Lexicon<'_>,
    dictionaries: &Dictionaries,
    record: &Record,
) -> (Produced, String) {
    let layer = match treebank::linearise_text(&record.parse) {
        Ok(layer) => layer,
        Err(error) => return (Produced::Error(error.kind().to_string()), String::new()),
    };
    code_layer(lexicon, dictionaries, record, &layer)
}

/// What both parsers share once a record has its clause layer: the discard check (on the
/// record's text), then coding at the record's date. Returns the layer rendered for reports.
fn code_layer(
    lexicon: &Lexicon<'_>,
    dictionaries: &Dictionaries,
    record: &Record,
    layer: &ClauseLayer,
) -> (Produced, String) {
    let rendered = layer.render();
    match discard_hit(dictionaries, &record.text) {
        Some(DiscardLevel::Story) => return (Produced::Error("storydiscard".into()), rendered),
        Some(DiscardLevel::Sentence) => {
            return (Produced::Error("sentencediscard".into()), rendered);
        }
        None => {}
    }
    let date = Date::parse_compact(&record.date).ok();
    let events = code_sentence(lexicon, layer, &record.options, date)
        .map(|coding| coding.events.into_iter().map(|e| e.triple).collect())
        .unwrap_or_default();
    (Produced::Events(events), rendered)
}

/// The events of one record as dyad reports them (spans into the record's `<Text>`), or none
/// when the parse is rejected or a discard fires.
pub fn record_events(
    lexicon: &Lexicon<'_>,
    dictionaries: &Dictionaries,
    record: &Record,
    dictionaries_version: &str,
) -> Vec<Event> {
    let Ok(mut tree) = treebank::read_tree(&record.parse) else {
        return Vec::new();
    };
    let words = treebank::leaves(&tree);
    treebank::mark_compounds(&mut tree);
    let Ok(layer) = treebank::linearise(&tree) else {
        return Vec::new();
    };
    if discard_hit(dictionaries, &record.text).is_some() {
        return Vec::new();
    }
    let date = Date::parse_compact(&record.date).ok();
    let Some(coding) = code_sentence(lexicon, &layer, &record.options, date) else {
        return Vec::new();
    };
    let text = record.text.as_str();
    let start = text.len() - text.trim_start().len();
    let end = text.trim_end().len().max(start);
    let context = SentenceContext {
        article_id: &record.id,
        text,
        sentence: 0,
        sentence_span: Span::new(start, end),
        date,
        dictionaries_version,
    };
    let spans = treebank::align_leaves(&words, text);
    build_events(&context, coding.layer(&layer), &coding, &spans)
}

/// Multiset equality of expected and produced triples.
fn same_events(expected: &[Triple], produced: &[Triple]) -> bool {
    let mut expected: Vec<&Triple> = expected.iter().collect();
    let mut produced: Vec<&Triple> = produced.iter().collect();
    expected.sort();
    produced.sort();
    expected == produced
}

/// Whether a record passes (section 1.4).
pub fn passes(expected: &Expected, produced: &Produced) -> bool {
    match (expected, produced) {
        (Expected::Events(want), Produced::Events(got)) => same_events(want, got),
        (Expected::Error(want), Produced::Error(got)) => want == got,
        (Expected::Error(want), Produced::Events(got)) => {
            // A record expecting a parse error that the coder did not raise passes when it
            // produces nothing; an expected discard must fire.
            !want.ends_with("discard") && got.is_empty()
        }
        (Expected::Events(_), Produced::Error(_)) => false,
    }
}

/// Codes and scores every scored record of a file.
pub fn validate(file: &RecordFile, dictionaries: &Dictionaries) -> Vec<RecordResult> {
    validate_with(file, dictionaries, None)
}

/// [`validate`] with the supplied parses (`parser` = `None`) or with a dependency parser.
pub fn validate_with(
    file: &RecordFile,
    dictionaries: &Dictionaries,
    parser: Option<&crate::ParseFn>,
) -> Vec<RecordResult> {
    let lexicon = Lexicon::new(dictionaries);
    file.records
        .iter()
        .filter(|record| record.scored)
        .map(|record| {
            let (produced, layer) = match parser {
                Some(parser) => code_record_parsed(&lexicon, dictionaries, record, parser),
                None => code_record(&lexicon, dictionaries, record),
            };
            RecordResult {
                position: record.position,
                id: record.id.clone(),
                category: record.category.clone(),
                passed: passes(&record.expected, &produced),
                expected: record.expected.clone(),
                produced,
                layer,
            }
        })
        .collect()
}
