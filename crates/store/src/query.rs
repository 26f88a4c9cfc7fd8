//! What a query asks for ([`EventFilter`], [`Period`], [`Group`]) and what an aggregate answers
//! ([`AggregateRow`]), with the pure rules both backends share: how an actor argument is read,
//! which bucket a date falls in, how full-text words are matched.

use dyad_model::{Date, PartialDate};

use crate::RunId;

/// Which events a query selects. Every field is optional; all given fields must hold.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EventFilter {
    /// The run to read; the current run when `None`.
    pub run: Option<RunId>,
    /// First day (inclusive); partial dates count from their first day; undated events drop out.
    pub from: Option<Date>,
    /// Last day (inclusive).
    pub to: Option<Date>,
    /// Source or target: a code prefix (`RUS`, `RUSGOV`) or, if not a code, words of its name.
    pub actor: Option<String>,
    /// Directed dyad: source code prefix and target code prefix.
    pub dyad: Option<(String, String)>,
    /// Event code prefix (`04`, `042`).
    pub code: Option<String>,
    /// Two-digit root code.
    pub root: Option<String>,
    /// Quad class 1-4.
    pub quad: Option<u8>,
    /// ISO alpha-3 country: the event's location, or the country prefix of either actor.
    pub country: Option<String>,
    /// Words of the location name.
    pub location: Option<String>,
    /// ISO alpha-3 country of the event's location (the actors' countries do not count).
    pub location_country: Option<String>,
    /// The event's location lies in this box (events without coordinates drop out).
    pub bbox: Option<BoundingBox>,
    /// Full-text words: some mention's sentence must contain them all (no words: no condition).
    pub text: Option<String>,
    /// At most this many events (listing only).
    pub limit: Option<usize>,
    /// Only events with a mention in this article (by article id).
    pub article: Option<String>,
    /// Only events with a larger id (listing only): the cursor of a paginated listing.
    pub after: Option<i64>,
}

/// A longitude/latitude box, as `--bbox minlon,minlat,maxlon,maxlat` gives it. A box whose
/// western edge lies east of its eastern edge crosses the antimeridian.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BoundingBox {
    /// Western edge, degrees (-180..180).
    pub min_lon: f64,
    /// Southern edge, degrees (-90..90).
    pub min_lat: f64,
    /// Eastern edge.
    pub max_lon: f64,
    /// Northern edge.
    pub max_lat: f64,
}

impl BoundingBox {
    /// Reads `minlon,minlat,maxlon,maxlat`.
    pub fn parse(text: &str) -> Result<BoundingBox, String> {
        let usage = "expected minlon,minlat,maxlon,maxlat in degrees, e.g. 30,44,41,53";
        let numbers: Vec<f64> = text
            .split(',')
            .map(|n| n.trim().parse::<f64>().map_err(|_| usage.to_string()))
            .collect::<Result<_, _>>()?;
        let [min_lon, min_lat, max_lon, max_lat] = numbers[..] else { return Err(usage.into()) };
        let lon_ok = |v: f64| (-180.0..=180.0).contains(&v);
        let lat_ok = |v: f64| (-90.0..=90.0).contains(&v);
        if !(lon_ok(min_lon) && lon_ok(max_lon) && lat_ok(min_lat) && lat_ok(max_lat)) {
            return Err(format!("{usage} (longitudes within ±180, latitudes within ±90)"));
        }
        if min_lat > max_lat {
            return Err(format!("{usage} (minlat above maxlat)"));
        }
        Ok(BoundingBox { min_lon, min_lat, max_lon, max_lat })
    }

    /// True when the point lies in the box (edges included).
    pub fn contains(&self, lat: f64, lon: f64) -> bool {
        let lon_in = if self.min_lon <= self.max_lon {
            (self.min_lon..=self.max_lon).contains(&lon)
        } else {
            lon >= self.min_lon || lon <= self.max_lon
        };
        lon_in && (self.min_lat..=self.max_lat).contains(&lat)
    }
}

/// A place where events happened, as [`crate::Storage::places`] reports it.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceCount {
    /// Place name.
    pub name: String,
    /// ISO alpha-3 country.
    pub country: Option<String>,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// The finest precision among its events (`city` before `dateline`, `region`, `country`).
    pub precision: String,
    /// Events located there.
    pub events: u64,
}

/// Location precisions, finest first.
pub const PRECISIONS: [&str; 4] = ["city", "dateline", "region", "country"];

/// The rank of a precision in [`PRECISIONS`] (unknown words last).
pub fn precision_rank(precision: &str) -> usize {
    PRECISIONS.iter().position(|p| *p == precision).unwrap_or(PRECISIONS.len())
}

/// Sorts places most events first, then by name and position, and keeps the first `limit`.
pub fn finish_places(places: &mut Vec<PlaceCount>, limit: usize) {
    places.sort_by(|a, b| {
        b.events
            .cmp(&a.events)
            .then(a.name.cmp(&b.name))
            .then(a.lat.total_cmp(&b.lat))
            .then(a.lon.total_cmp(&b.lon))
    });
    places.truncate(limit);
}

/// One actor code as [`crate::Storage::actors`] reports it.
#[derive(Clone, Debug, PartialEq)]
pub struct ActorCount {
    /// Actor code.
    pub code: String,
    /// One text the code was coded from (the smallest, for a stable answer).
    pub text: String,
    /// Events in which it is source or target.
    pub events: u64,
}

/// Reads a directed dyad argument `SOURCE,TARGET` (two code prefixes).
pub fn parse_dyad(text: &str) -> Result<(String, String), String> {
    match text.split_once(',') {
        Some((a, b)) if !a.trim().is_empty() && !b.trim().is_empty() => {
            Ok((a.trim().to_string(), b.trim().to_string()))
        }
        _ => Err("expected SOURCE,TARGET (code prefixes), e.g. RUS,UKR".into()),
    }
}

/// Reads a period name: `day`, `week`, `month` or `year`.
pub fn parse_period(text: &str) -> Option<Period> {
    match text {
        "day" => Some(Period::Day),
        "week" => Some(Period::Week),
        "month" => Some(Period::Month),
        "year" => Some(Period::Year),
        _ => None,
    }
}

/// Reads a group name: `actor` or `dyad`.
pub fn parse_group(text: &str) -> Option<Group> {
    match text {
        "actor" => Some(Group::Actor),
        "dyad" => Some(Group::Dyad),
        _ => None,
    }
}

/// Sorts actor counts most events first, then by code, and keeps the first `limit`.
pub fn finish_actors(actors: &mut Vec<ActorCount>, limit: usize) {
    actors.sort_by(|a, b| b.events.cmp(&a.events).then(a.code.cmp(&b.code)));
    actors.truncate(limit);
}

/// Time bucket of an aggregate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Period {
    /// Calendar day; only day-precision events.
    Day,
    /// ISO week, labelled by its Monday; only day-precision events.
    Week,
    /// Calendar month; day- and month-precision events.
    Month,
    /// Calendar year; every dated event.
    Year,
}

/// What an aggregate is grouped by besides time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    /// Each actor code; an event counts for its source and for its target.
    Actor,
    /// Each (source, target) pair.
    Dyad,
}

/// One row of an aggregate.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AggregateRow {
    /// Period label (`2020-09-04`, the Monday for weeks, `2020-09`, `2020`), when by period.
    pub period: Option<String>,
    /// Actor code (group actor) or source code (group dyad).
    pub actor: Option<String>,
    /// Target code (group dyad; empty for events without a target).
    pub target: Option<String>,
    /// Deduplicated events.
    pub events: u64,
    /// Mentions of those events.
    pub mentions: u64,
    /// Sum of the events' Goldstein scores.
    pub goldstein_sum: f64,
    /// Mean Goldstein score over events that have one.
    pub goldstein_mean: Option<f64>,
    /// Events per quad class 1-4.
    pub quad: [u64; 4],
}

/// The key of an aggregate row while it is being summed: (period bucket, actor or source,
/// target).
pub type RowKey = (Option<i64>, Option<String>, Option<String>);

/// How an `--actor` argument is read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ActorMatch {
    /// Upper-case letters, digits and the `-` of an unknown country (`---GOV`), with at least one
    /// letter or digit: a code prefix.
    Code(String),
    /// Anything else: words of the actor's text, compared ignoring ASCII case.
    Name(String),
}

impl ActorMatch {
    /// Reads an argument.
    pub fn parse(argument: &str) -> ActorMatch {
        let argument = argument.trim();
        if argument.bytes().any(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
            && argument.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-')
        {
            ActorMatch::Code(argument.to_string())
        } else {
            ActorMatch::Name(argument.to_ascii_lowercase())
        }
    }

    /// True when an actor with this code and text matches.
    pub fn matches(&self, code: &str, text: &str) -> bool {
        match self {
            ActorMatch::Code(prefix) => code.starts_with(prefix.as_str()),
            ActorMatch::Name(words) => text.to_ascii_lowercase().contains(words.as_str()),
        }
    }
}

/// The bucket number of a date for a period, or `None` when the date is too coarse for it:
/// day number, Monday's day number, `year * 12 + month - 1`, or the year.
pub fn bucket(date: PartialDate, period: Period) -> Option<i64> {
    match (period, date) {
        (Period::Day, PartialDate::Day(d)) => Some(d.to_days()),
        (Period::Week, PartialDate::Day(d)) => Some(d.to_days() - i64::from(d.weekday())),
        (Period::Month, PartialDate::Day(d)) => Some(month_index(d.year, d.month)),
        (Period::Month, PartialDate::Month(y, m)) => Some(month_index(y, m)),
        (Period::Year, d) => Some(i64::from(year_of(d))),
        _ => None,
    }
}

/// Reads the wire form of a partial date: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
pub fn parse_partial_date(text: &str) -> Option<PartialDate> {
    match text.len() {
        10 => text.parse().ok().map(PartialDate::Day),
        7 => {
            let year = text[..4].parse().ok()?;
            let month: u8 = text[5..].parse().ok()?;
            (text.as_bytes()[4] == b'-' && (1..=12).contains(&month))
                .then_some(PartialDate::Month(year, month))
        }
        4 => text.parse().ok().map(PartialDate::Year),
        _ => None,
    }
}

/// `year * 12 + month - 1`.
pub fn month_index(year: i32, month: u8) -> i64 {
    i64::from(year) * 12 + i64::from(month) - 1
}

fn year_of(date: PartialDate) -> i32 {
    match date {
        PartialDate::Day(d) => d.year,
        PartialDate::Month(y, _) | PartialDate::Year(y) => y,
    }
}

/// The label of a bucket number.
pub fn bucket_label(bucket: i64, period: Period) -> String {
    match period {
        Period::Day | Period::Week => Date::from_days(bucket).to_string(),
        Period::Month => format!("{:04}-{:02}", bucket.div_euclid(12), bucket.rem_euclid(12) + 1),
        Period::Year => format!("{bucket:04}"),
    }
}

/// The words of a text as the full-text index sees them: runs of letters and digits, lower-cased.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// True when `sentence` contains every word of `query` (the semantics of the full-text index).
pub fn text_matches(query: &str, sentence: &str) -> bool {
    let sentence = words(sentence);
    words(query).iter().all(|w| sentence.contains(w))
}

/// A full-text query string in which every word is a quoted term (no operators from users).
pub fn fts_query(query: &str) -> String {
    words(query).iter().map(|w| format!("\"{w}\"")).collect::<Vec<_>>().join(" ")
}

/// Turns accumulated rows, each with its count of events that had a Goldstein score, into the
/// final answer: Goldstein means, sorted and limited as [`finish_rows`] does. Both backends
/// accumulate the same way, so they finish the same way.
pub fn finish_aggregates(
    rows: impl IntoIterator<Item = (AggregateRow, i64)>,
    limit: Option<usize>,
) -> Vec<AggregateRow> {
    let mut out: Vec<AggregateRow> = rows
        .into_iter()
        .map(|(mut row, scored)| {
            row.goldstein_mean = (scored > 0).then(|| row.goldstein_sum / scored as f64);
            row
        })
        .collect();
    finish_rows(&mut out, limit);
    out
}

/// Sorts aggregate rows the way every backend reports them: by period, then most events first,
/// then by key; and keeps the first `limit` when grouped without a period (a "top N").
pub fn finish_rows(rows: &mut Vec<AggregateRow>, limit: Option<usize>) {
    rows.sort_by(|a, b| {
        a.period
            .cmp(&b.period)
            .then(b.events.cmp(&a.events))
            .then(a.actor.cmp(&b.actor))
            .then(a.target.cmp(&b.target))
    });
    if let Some(limit) = limit {
        rows.truncate(limit);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actor_arguments_are_codes_or_names() {
        assert_eq!(ActorMatch::parse("RUS"), ActorMatch::Code("RUS".into()));
        assert_eq!(ActorMatch::parse("Putin"), ActorMatch::Name("putin".into()));
        assert_eq!(ActorMatch::parse("---GOV"), ActorMatch::Code("---GOV".into()));
        assert_eq!(ActorMatch::parse("---"), ActorMatch::Name("---".into()));
        assert_eq!(ActorMatch::parse("al-Qaeda"), ActorMatch::Name("al-qaeda".into()));
        assert!(ActorMatch::parse("RUS").matches("RUSGOV", "x"));
        assert!(!ActorMatch::parse("RUSGOV").matches("RUS", "x"));
        assert!(ActorMatch::parse("vladimir putin").matches("RUSGOV", "President Vladimir Putin"));
    }

    #[test]
    fn buckets_and_labels() {
        let friday = PartialDate::Day(Date::new(2020, 9, 4).unwrap());
        assert_eq!(bucket_label(bucket(friday, Period::Day).unwrap(), Period::Day), "2020-09-04");
        assert_eq!(bucket_label(bucket(friday, Period::Week).unwrap(), Period::Week), "2020-08-31");
        assert_eq!(bucket_label(bucket(friday, Period::Month).unwrap(), Period::Month), "2020-09");
        assert_eq!(bucket_label(bucket(friday, Period::Year).unwrap(), Period::Year), "2020");
        assert_eq!(bucket(PartialDate::Month(2020, 9), Period::Week), None);
        assert_eq!(bucket(PartialDate::Year(2020), Period::Month), None);
    }

    #[test]
    fn bounding_boxes() {
        let ukraine = BoundingBox::parse("22,44,40.5,52.5").unwrap();
        assert!(ukraine.contains(50.45, 30.52)); // Kyiv
        assert!(!ukraine.contains(55.75, 37.62)); // Moscow
        let pacific = BoundingBox::parse("170, -50, -170, 0").unwrap();
        assert!(pacific.contains(-17.7, 178.4) && pacific.contains(-14.3, -170.7));
        assert!(!pacific.contains(-17.7, 0.0));
        for bad in ["1,2,3", "a,b,c,d", "0,10,1,5", "0,0,200,1", "1,2,3,4,5"] {
            assert!(BoundingBox::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn partial_dates_round_trip() {
        for text in ["2020-09-04", "2020-09", "2020"] {
            assert_eq!(parse_partial_date(text).unwrap().to_string(), text);
        }
        assert_eq!(parse_partial_date("2020-13"), None);
        assert_eq!(parse_partial_date("yesterday"), None);
    }

    #[test]
    fn text_matching_is_by_whole_words() {
        assert!(text_matches("russia PALESTINE", "Russia met Palestine's envoy."));
        assert!(!text_matches("russ", "Russia met Palestine."));
        assert_eq!(fts_query("U.S. talks\""), "\"u\" \"s\" \"talks\"");
    }
}
