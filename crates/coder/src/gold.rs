//! Scoring coded events against gold event records (PLOVER's CAMEO-manual gold standard): did
//! the coder find the record's PLOVER type, and did it put the right countries on the right sides.
//!
//! The functions here only compare; reading the gold file (JSON) is the caller's job, and so is
//! coding the record's text (normally with [`crate::Pipeline::code_article`]).

use std::collections::BTreeMap;

use dyad_model::Event;

/// One gold record: a sentence, its PLOVER type and the actor codes of each side.
#[derive(Clone, Debug, PartialEq)]
pub struct GoldRecord {
    /// The record's id.
    pub id: String,
    /// PLOVER event type (`AGREE`, `SANCTION`...).
    pub plover: String,
    /// The sentence.
    pub text: String,
    /// The gold source actors' codes (`USA`, `IGO`, `PSE`...), as the file writes them.
    pub sources: Vec<String>,
    /// The gold target actors' codes; empty when the record has no target.
    pub targets: Vec<String>,
}

/// How one record fared.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RecordScore {
    /// Some event has the record's PLOVER type.
    pub type_found: bool,
    /// The record has a gold source, so its countries are scored.
    pub countries_scored: bool,
    /// Some event's source and target countries match the record's (see [`countries_match`]).
    pub countries_right: bool,
    /// One event has both the type and the countries right.
    pub both_right: bool,
}

/// PLOVER types of the gold file's version (0.5, 2016) renamed in the version dyad's event table
/// follows (the 2021 CAMEO2PLOVER table): DEMAND became REQUEST, DISAPPROVE and INVESTIGATE
/// merged into ACCUSE, FIGHT into ASSAULT.
const RENAMED_TYPES: [(&str, &str); 4] = [
    ("DEMAND", "REQUEST"),
    ("DISAPPROVE", "ACCUSE"),
    ("INVESTIGATE", "ACCUSE"),
    ("FIGHT", "ASSAULT"),
];

/// CAMEO codes that the 2021 table moved to another type, with the type they had before: easing
/// a curfew or a state of emergency was a concession (now RETREAT), sanctions and embargoes
/// (163) were SANCTION (now COERCE). An event with such a code also counts for its old type.
const MOVED_CODES: [(&str, &str); 3] =
    [("0813", "CONCEDE"), ("0814", "CONCEDE"), ("163", "SANCTION")];

/// The current name of a gold PLOVER type.
pub fn current_type(gold: &str) -> &str {
    RENAMED_TYPES.iter().find(|(old, _)| *old == gold).map_or(gold, |(_, new)| new)
}

/// Whether an event has a record's PLOVER type: its type is the record's (under its current
/// name), or its CAMEO code is one that had the record's type before the 2021 table moved it.
pub fn type_matches(record: &GoldRecord, event: &Event) -> bool {
    event.plover.as_deref() == Some(current_type(&record.plover))
        || MOVED_CODES.iter().any(|(code, old)| *code == event.code && *old == record.plover)
}

/// Old CAMEO country codes the gold records still use, and their ISO 3166-1 codes.
const OLD_CODES: [(&str, &str); 3] = [("JAP", "JPN"), ("ITL", "ITA"), ("VTN", "VNM")];

/// The country part of an actor code: its first three letters, old CAMEO codes mapped to ISO
/// ones. Codes such as `IGO`, `NGO`, `IMG` stay as they are: dyad's codes for international
/// bodies start with the same three letters.
pub fn country_of(code: &str) -> String {
    let head: String = code.chars().take(3).collect::<String>().to_uppercase();
    OLD_CODES.iter().find(|(old, _)| *old == head).map_or(head, |(_, new)| (*new).to_string())
}

/// Whether an event's actors match a record's countries: the event's source country is one of
/// the record's source countries and, when the record has targets, the event's target country
/// is one of the record's target countries (a record without a target accepts any target).
pub fn countries_match(record: &GoldRecord, event: &Event) -> bool {
    let sources: Vec<String> = record.sources.iter().map(|c| country_of(c)).collect();
    if !sources.contains(&country_of(&event.source.code)) {
        return false;
    }
    if record.targets.is_empty() {
        return true;
    }
    let targets: Vec<String> = record.targets.iter().map(|c| country_of(c)).collect();
    event.target.as_ref().is_some_and(|t| targets.contains(&country_of(&t.code)))
}

/// Scores one record against the events coded from its text.
pub fn score_record(record: &GoldRecord, events: &[Event]) -> RecordScore {
    let has_type = |e: &Event| type_matches(record, e);
    let countries_scored = !record.sources.is_empty();
    RecordScore {
        type_found: events.iter().any(has_type),
        countries_scored,
        countries_right: countries_scored && events.iter().any(|e| countries_match(record, e)),
        both_right: countries_scored
            && events.iter().any(|e| has_type(e) && countries_match(record, e)),
    }
}

/// Counts over a group of records.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Records.
    pub records: usize,
    /// Records whose PLOVER type was found.
    pub type_found: usize,
    /// Records with a gold source (the denominator of the country figures).
    pub countries_scored: usize,
    /// Records whose countries were right.
    pub countries_right: usize,
    /// Records with one event right in both type and countries.
    pub both_right: usize,
}

impl Tally {
    /// Adds one record's score.
    pub fn add(&mut self, score: RecordScore) {
        self.records += 1;
        self.type_found += usize::from(score.type_found);
        self.countries_scored += usize::from(score.countries_scored);
        self.countries_right += usize::from(score.countries_right);
        self.both_right += usize::from(score.both_right);
    }

    /// Share of records whose type was found (0 when there are none).
    pub fn type_share(&self) -> f64 {
        share(self.type_found, self.records)
    }

    /// Share of scored records whose countries were right.
    pub fn countries_share(&self) -> f64 {
        share(self.countries_right, self.countries_scored)
    }

    /// Share of scored records with one event right in both.
    pub fn both_share(&self) -> f64 {
        share(self.both_right, self.countries_scored)
    }
}

fn share(part: usize, whole: usize) -> f64 {
    if whole == 0 { 0.0 } else { part as f64 / whole as f64 }
}

/// Totals over a gold file: all records, each PLOVER family, and the two halves of the file (the
/// first half is the one examined while writing dictionaries, the second a check on
/// overfitting).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GoldScores {
    /// Every record.
    pub all: Tally,
    /// By PLOVER type.
    pub by_family: BTreeMap<String, Tally>,
    /// Records in the first half of the file, and in the second.
    pub halves: [Tally; 2],
}

impl GoldScores {
    /// Scores records with a coding function (record in, its events out).
    pub fn of(records: &[GoldRecord], mut code: impl FnMut(&GoldRecord) -> Vec<Event>) -> Self {
        let mut scores = GoldScores::default();
        let half = records.len().div_ceil(2);
        for (index, record) in records.iter().enumerate() {
            let score = score_record(record, &code(record));
            scores.all.add(score);
            scores.by_family.entry(record.plover.clone()).or_default().add(score);
            scores.halves[usize::from(index >= half)].add(score);
        }
        scores
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_model::{DateBasis, EventActor, Span};

    fn actor(code: &str) -> EventActor {
        EventActor { code: code.into(), text: code.into(), span: Span::new(0, 1) }
    }

    fn event(source: &str, target: Option<&str>, plover: &str) -> Event {
        Event {
            article_id: "a".into(),
            sentence: 0,
            index_in_sentence: 0,
            sentence_text: String::new(),
            date: None,
            date_basis: DateBasis::Article,
            historical: false,
            source: actor(source),
            target: target.map(actor),
            code: "000".into(),
            root: "00".into(),
            quad_class: None,
            goldstein: None,
            plover: Some(plover.into()),
            verb_text: String::new(),
            verb_span: Span::new(0, 1),
            location: None,
            negated: false,
            rule: String::new(),
            dyad_version: String::new(),
            dictionaries_version: String::new(),
        }
    }

    fn record(plover: &str, sources: &[&str], targets: &[&str]) -> GoldRecord {
        GoldRecord {
            id: "r".into(),
            plover: plover.into(),
            text: String::new(),
            sources: sources.iter().map(|s| s.to_string()).collect(),
            targets: targets.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn old_codes_and_roles_reduce_to_the_country() {
        assert_eq!(country_of("JAP"), "JPN");
        assert_eq!(country_of("RUSGOV"), "RUS");
        assert_eq!(country_of("IGOUNO"), "IGO");
        assert_eq!(country_of("us"), "US");
    }

    #[test]
    fn type_and_countries_are_scored_apart_and_together() {
        let gold = record("SANCTION", &["USA"], &["IRN"]);
        let right = event("USAGOV", Some("IRNGOV"), "SANCTION");
        assert_eq!(
            score_record(&gold, std::slice::from_ref(&right)),
            RecordScore {
                type_found: true,
                countries_scored: true,
                countries_right: true,
                both_right: true
            }
        );
        // Type on one event, countries on another: each found, never together.
        let split = [event("USA", Some("CHN"), "SANCTION"), event("USA", Some("IRN"), "CONSULT")];
        let score = score_record(&gold, &split);
        assert!(score.type_found && score.countries_right && !score.both_right);
        // Sides swapped: countries wrong.
        let swapped = [event("IRN", Some("USA"), "SANCTION")];
        assert!(!score_record(&gold, &swapped).countries_right);
        // No events: nothing right.
        assert!(!score_record(&gold, &[]).type_found);
    }

    #[test]
    fn old_type_names_and_moved_codes_count() {
        let gold = record("DEMAND", &["USA"], &["IRN"]);
        assert!(score_record(&gold, &[event("USA", Some("IRN"), "REQUEST")]).both_right);
        assert!(!score_record(&gold, &[event("USA", Some("IRN"), "DEMAND")]).type_found);
        let sanction = record("SANCTION", &["USA"], &["IRN"]);
        let mut embargo = event("USA", Some("IRN"), "COERCE");
        assert!(!score_record(&sanction, std::slice::from_ref(&embargo)).type_found);
        embargo.code = "163".into();
        assert!(score_record(&sanction, &[embargo]).type_found);
    }

    #[test]
    fn a_record_without_target_accepts_any_target() {
        let gold = record("RETREAT", &["MNE"], &[]);
        assert!(score_record(&gold, &[event("MNEGOV", None, "RETREAT")]).both_right);
        assert!(score_record(&gold, &[event("MNEGOV", Some("SRB"), "RETREAT")]).both_right);
        let sourceless = record("RETREAT", &[], &[]);
        let score = score_record(&sourceless, &[event("MNEGOV", None, "RETREAT")]);
        assert!(score.type_found && !score.countries_scored && !score.countries_right);
    }

    #[test]
    fn totals_split_by_family_and_half() {
        let records = [
            record("AGREE", &["USA"], &["JOR"]),
            record("AGREE", &["USA"], &["JOR"]),
            record("FIGHT", &["ISR"], &["LBN"]),
        ];
        let scores = GoldScores::of(&records, |r| {
            if r.plover == "AGREE" { vec![event("USA", Some("JOR"), "AGREE")] } else { vec![] }
        });
        assert_eq!(scores.all.records, 3);
        assert_eq!(scores.all.type_found, 2);
        assert_eq!(scores.by_family["AGREE"].type_share(), 1.0);
        assert_eq!(scores.by_family["FIGHT"].countries_share(), 0.0);
        assert_eq!(scores.halves[0].records, 2);
        assert_eq!(scores.halves[1].records, 1);
        assert_eq!(scores.halves[1].both_right, 0);
    }
}
