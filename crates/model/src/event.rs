//! The coded event and its JSON form: the one documented wire format of dyad.
//!
//! `dyad code`, the store's exports and the HTTP API all write events through [`Event::to_json`],
//! whose fields are those of `../shared/docs/design.md` section 2:
//!
//! | field | meaning |
//! | --- | --- |
//! | `id` | `<article id>:<sentence index>:<event index in sentence>` |
//! | `article_id`, `sentence` | article id and 0-based sentence index |
//! | `sentence_text` | the sentence as it stands in the article |
//! | `date` | `YYYY-MM-DD`, `YYYY-MM` or `YYYY` |
//! | `date_basis` | `article`, `relative` or `explicit` |
//! | `historical` | true for background events before the article's time frame |
//! | `source`, `target` | `{"code", "text", "start", "end"}`; `target` may be null |
//! | `code`, `root` | CAMEO code (`"036"`) and its two-digit root (`"03"`) |
//! | `quad_class` | 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict |
//! | `goldstein` | Goldstein score of the code, from the pinned table |
//! | `plover` | PLOVER event type of the code |
//! | `verb` | `{"text", "start", "end"}` |
//! | `location` | `{"name", "country", "lat", "lon", "precision"}` or null |
//! | `negated` | true when the sentence denies the action |
//! | `rule` | the dictionary entry or pattern that produced the event |
//! | `versions` | `{"dyad", "dictionaries"}` |
//! | `format_version` | version of this format, [`EVENT_FORMAT_VERSION`] |
//!
//! Byte offsets are into the article's `text`.

use serde_json::{Value, json};

use crate::Span;

/// Version of the event JSON format; bump on any incompatible change.
pub const EVENT_FORMAT_VERSION: u32 = 1;

/// How an event's date was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DateBasis {
    /// The article's own date.
    Article,
    /// A relative expression resolved against the article date ("on Friday").
    Relative,
    /// An explicit date in the text ("the 2007 coup").
    Explicit,
}

impl DateBasis {
    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            DateBasis::Article => "article",
            DateBasis::Relative => "relative",
            DateBasis::Explicit => "explicit",
        }
    }
}

/// A date known to a day, a month or a year: the wire form is `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PartialDate {
    /// A day.
    Day(crate::Date),
    /// A month of a year.
    Month(i32, u8),
    /// A year.
    Year(i32),
}

impl std::fmt::Display for PartialDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PartialDate::Day(date) => date.fmt(f),
            PartialDate::Month(year, month) => write!(f, "{year:04}-{month:02}"),
            PartialDate::Year(year) => write!(f, "{year:04}"),
        }
    }
}

/// One side of an event: the actor code and the words it was read from.
#[derive(Clone, Debug, PartialEq)]
pub struct EventActor {
    /// CAMEO-style actor code (`RUSGOV`), or a quoted phrase for an undictionaried actor.
    pub code: String,
    /// The actor's words as they stand in the article.
    pub text: String,
    /// Where those words are.
    pub span: Span,
}

/// Where an event happened.
#[derive(Clone, Debug, PartialEq)]
pub struct Location {
    /// Place name.
    pub name: String,
    /// ISO 3166-1 alpha-3 code of the country.
    pub country: Option<String>,
    /// Latitude in degrees.
    pub lat: Option<f64>,
    /// Longitude in degrees.
    pub lon: Option<f64>,
    /// `city`, `region`, `country` or `dateline`.
    pub precision: String,
}

/// One coded event.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    /// Article id.
    pub article_id: String,
    /// 0-based sentence index within the article.
    pub sentence: usize,
    /// 0-based index of the event within its sentence.
    pub index_in_sentence: usize,
    /// The sentence text.
    pub sentence_text: String,
    /// The event's date, when known.
    pub date: Option<PartialDate>,
    /// How the date was found.
    pub date_basis: DateBasis,
    /// True for background events.
    pub historical: bool,
    /// Who acted.
    pub source: EventActor,
    /// Who was acted upon, if anyone.
    pub target: Option<EventActor>,
    /// CAMEO event code, kept as a string (`"036"`, `"174K"`).
    pub code: String,
    /// Two-digit root.
    pub root: String,
    /// Quad class 1-4, when the code has one.
    pub quad_class: Option<u8>,
    /// Goldstein score, when the code has one.
    pub goldstein: Option<f64>,
    /// PLOVER type, when the code maps to one.
    pub plover: Option<String>,
    /// The words that express the action.
    pub verb_text: String,
    /// Where those words are.
    pub verb_span: Span,
    /// Where the event happened.
    pub location: Option<Location>,
    /// True when the sentence denies the action.
    pub negated: bool,
    /// The dictionary entry or pattern that fired (`file:line`).
    pub rule: String,
    /// dyad version that coded it.
    pub dyad_version: String,
    /// Dictionary set version.
    pub dictionaries_version: String,
}

impl Event {
    /// The stable id `<article id>:<sentence index>:<event index>`.
    pub fn id(&self) -> String {
        format!("{}:{}:{}", self.article_id, self.sentence, self.index_in_sentence)
    }

    /// The wire form (module docs list the fields).
    pub fn to_json(&self) -> Value {
        let actor = |a: &EventActor| json!({"code": a.code, "text": a.text, "start": a.span.start, "end": a.span.end});
        json!({
            "id": self.id(),
            "article_id": self.article_id,
            "sentence": self.sentence,
            "sentence_text": self.sentence_text,
            "date": self.date.map(|d| d.to_string()),
            "date_basis": self.date_basis.as_str(),
            "historical": self.historical,
            "source": actor(&self.source),
            "target": self.target.as_ref().map(actor),
            "code": self.code,
            "root": self.root,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "plover": self.plover,
            "verb": {"text": self.verb_text, "start": self.verb_span.start, "end": self.verb_span.end},
            "location": self.location.as_ref().map(|l| json!({
                "name": l.name, "country": l.country, "lat": l.lat, "lon": l.lon, "precision": l.precision,
            })),
            "negated": self.negated,
            "rule": self.rule,
            "versions": {"dyad": self.dyad_version, "dictionaries": self.dictionaries_version},
            "format_version": EVENT_FORMAT_VERSION,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Date;

    #[test]
    fn json_has_every_documented_field() {
        let event = Event {
            article_id: "a".into(),
            sentence: 0,
            index_in_sentence: 1,
            sentence_text: "Russia met Palestine.".into(),
            date: Some(PartialDate::Day(Date::new(2020, 9, 4).unwrap())),
            date_basis: DateBasis::Article,
            historical: false,
            source: EventActor { code: "RUS".into(), text: "Russia".into(), span: Span::new(0, 6) },
            target: None,
            code: "040".into(),
            root: "04".into(),
            quad_class: Some(1),
            goldstein: Some(1.0),
            plover: Some("CONSULT".into()),
            verb_text: "met".into(),
            verb_span: Span::new(7, 10),
            location: None,
            negated: false,
            rule: "verbs.dyad:12".into(),
            dyad_version: "0.1.0".into(),
            dictionaries_version: "test".into(),
        };
        let json = event.to_json();
        for key in [
            "id",
            "article_id",
            "sentence",
            "sentence_text",
            "date",
            "date_basis",
            "historical",
            "source",
            "target",
            "code",
            "root",
            "quad_class",
            "goldstein",
            "plover",
            "verb",
            "location",
            "negated",
            "rule",
            "versions",
        ] {
            assert!(json.get(key).is_some(), "missing {key}");
        }
        assert_eq!(json["id"], "a:0:1");
        assert_eq!(json["date"], "2020-09-04");
        assert_eq!(PartialDate::Month(2014, 4).to_string(), "2014-04");
    }
}
