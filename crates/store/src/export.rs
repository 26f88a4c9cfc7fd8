//! Writing stored events out: JSON Lines (the event JSON plus mention info), CSV, and the
//! GDELT 2.0 event table (61 tab-separated columns, GDELT's order, no header, as GDELT ships it).

use std::io::{self, Write};

use dyad_model::PartialDate;
use serde_json::{Value, json};

use crate::{AggregateRow, Group, StoredEvent};

/// The event's wire JSON (its first mention) plus the store's view of it: `event_id`, `run`,
/// counts, first and latest report, and `mentions` (each mention's event JSON without the
/// sentence text, plus its report date and outlet).
pub fn event_json(stored: &StoredEvent) -> Value {
    let mut json = stored.event.to_json();
    let mentions: Vec<Value> = stored
        .mentions
        .iter()
        .map(|m| {
            let mut j = m.event.to_json();
            if let Some(object) = j.as_object_mut() {
                object.remove("sentence_text");
                object.remove("format_version");
                object.insert("report_date".into(), json!(m.report_date.map(|d| d.to_string())));
                object.insert("outlet".into(), json!(m.outlet));
            }
            j
        })
        .collect();
    if let Some(object) = json.as_object_mut() {
        object.insert("event_id".into(), json!(stored.id));
        object.insert("run".into(), json!(stored.run));
        object.insert("mention_count".into(), json!(stored.mention_count));
        object.insert("source_count".into(), json!(stored.source_count));
        object.insert("article_count".into(), json!(stored.article_count));
        object.insert("first_report".into(), json!(stored.first_report.map(|d| d.to_string())));
        object.insert("latest_report".into(), json!(stored.latest_report.map(|d| d.to_string())));
        object.insert("mentions".into(), Value::Array(mentions));
    }
    json
}

/// An aggregate row as JSON: period, the group's key fields (`actor`, or `source` and
/// `target`), events, mentions, Goldstein sum and mean, and events per quad class.
pub fn aggregate_json(row: &AggregateRow, group: Option<Group>) -> Value {
    let mut value = json!({
        "period": row.period,
        "events": row.events,
        "mentions": row.mentions,
        "goldstein_sum": row.goldstein_sum,
        "goldstein_mean": row.goldstein_mean,
        "quad": row.quad,
    });
    match group {
        None => {}
        Some(Group::Actor) => value["actor"] = json!(row.actor),
        Some(Group::Dyad) => {
            value["source"] = json!(row.actor);
            value["target"] = json!(row.target);
        }
    }
    value
}

/// One JSON line per event.
pub fn write_jsonl(out: &mut impl Write, stored: &StoredEvent) -> io::Result<()> {
    serde_json::to_writer(&mut *out, &event_json(stored))?;
    out.write_all(b"\n")
}

/// Column names of [`write_csv_row`].
pub const CSV_COLUMNS: [&str; 25] = [
    "event_id",
    "run",
    "date",
    "source_code",
    "source_text",
    "target_code",
    "target_text",
    "code",
    "root",
    "quad_class",
    "goldstein",
    "plover",
    "negated",
    "location_name",
    "location_country",
    "lat",
    "lon",
    "location_precision",
    "mention_count",
    "source_count",
    "article_count",
    "first_report",
    "latest_report",
    "article_id",
    "sentence",
];

fn csv_field(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

fn opt<T: ToString>(value: Option<T>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

/// The CSV header line.
pub fn write_csv_header(out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "{}", CSV_COLUMNS.join(","))
}

/// One CSV row (RFC 4180 quoting); descriptive fields are the first mention's.
pub fn write_csv_row(out: &mut impl Write, stored: &StoredEvent) -> io::Result<()> {
    let e = &stored.event;
    let location = e.location.as_ref();
    let fields = [
        stored.id.to_string(),
        stored.run.to_string(),
        opt(e.date),
        e.source.code.clone(),
        e.source.text.clone(),
        opt(e.target.as_ref().map(|t| &t.code)),
        opt(e.target.as_ref().map(|t| &t.text)),
        e.code.clone(),
        e.root.clone(),
        opt(e.quad_class),
        opt(e.goldstein),
        opt(e.plover.as_ref()),
        e.negated.to_string(),
        opt(location.map(|l| &l.name)),
        opt(location.and_then(|l| l.country.as_ref())),
        opt(location.and_then(|l| l.lat)),
        opt(location.and_then(|l| l.lon)),
        opt(location.map(|l| &l.precision)),
        stored.mention_count.to_string(),
        stored.source_count.to_string(),
        stored.article_count.to_string(),
        opt(stored.first_report),
        opt(stored.latest_report),
        e.article_id.clone(),
        e.sentence.to_string(),
    ];
    let line: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
    writeln!(out, "{}", line.join(","))
}

/// The GDELT 2.0 event table's columns, in order.
pub const GDELT_COLUMNS: [&str; 61] = [
    "GlobalEventID",
    "Day",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

/// Prefixes that are not countries but international or non-state actor classes.
const NON_COUNTRY: [&str; 8] = ["IGO", "NGO", "IMG", "MNC", "UIS", "INT", "NGM", "SPY"];

/// Country, known-group placeholder and up to three role codes of a CAMEO actor code, split
/// into three-letter pieces: `RUSGOVMIL` -> country `RUS`, types `GOV`, `MIL`.
fn actor_fields(code: &str) -> [String; 10] {
    let mut fields: [String; 10] = Default::default();
    if code.is_empty() || !code.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()) {
        return fields;
    }
    fields[0] = code.to_string();
    let pieces: Vec<&str> = (0..code.len() / 3).map(|i| &code[i * 3..i * 3 + 3]).collect();
    let mut roles = pieces.as_slice();
    if let Some(first) = pieces.first()
        && !NON_COUNTRY.contains(first)
    {
        fields[2] = (*first).to_string();
        roles = &pieces[1..];
    }
    for (slot, role) in [7, 8, 9].into_iter().zip(roles) {
        fields[slot] = (*role).to_string();
    }
    fields
}

/// One GDELT 2.0 event row. Filled: ids, dates, actor codes and names, country and role codes
/// split from the actor codes, event codes, quad class, Goldstein, mention/source/article counts,
/// IsRootEvent (1 when first reported in an article's first sentence), the action location
/// (`ActionGeo_*`: type, full name, FIPS country code, ADM1 code, coordinates and feature id,
/// found again in the embedded gazetteer: see [`dyad_geo::Gazetteer::gdelt_geo`]), DATEADDED (the
/// first report's date at 00:00:00) and SOURCEURL (the first article's `url` metadata is not kept
/// per event, so its id). Empty: known-group, ethnic and religion codes, tone, ADM2 codes, and
/// the actors' locations (dyad locates events, not actors).
pub fn write_gdelt_row(out: &mut impl Write, stored: &StoredEvent) -> io::Result<()> {
    let e = &stored.event;
    let mut row: Vec<String> = vec![String::new(); 61];
    row[0] = stored.id.to_string();
    if let Some(date) = e.date {
        let (year, month, day) = match date {
            PartialDate::Day(d) => (d.year, d.month, d.day),
            PartialDate::Month(y, m) => (y, m, 0),
            PartialDate::Year(y) => (y, 0, 0),
        };
        row[1] = format!("{year:04}{month:02}{day:02}");
        row[2] = format!("{year:04}{month:02}");
        row[3] = format!("{year:04}");
        row[4] =
            format!("{:.4}", f64::from(year) + (f64::from(month) * 30.0 + f64::from(day)) / 365.0);
    }
    let actor1 = actor_fields(&e.source.code);
    row[5..15].clone_from_slice(&actor1);
    row[6] = e.source.text.clone();
    if let Some(target) = &e.target {
        let actor2 = actor_fields(&target.code);
        row[15..25].clone_from_slice(&actor2);
        row[16] = target.text.clone();
    }
    row[25] = if e.sentence == 0 { "1" } else { "0" }.to_string();
    row[26] = e.code.clone();
    row[27] = e.code.chars().take(3).collect();
    row[28] = e.root.clone();
    row[29] = opt(e.quad_class);
    row[30] = opt(e.goldstein);
    row[31] = stored.mention_count.to_string();
    row[32] = stored.source_count.to_string();
    row[33] = stored.article_count.to_string();
    if let Some(location) = &e.location {
        let geo = dyad_geo::Gazetteer::shared().gdelt_geo(location);
        row[51] = geo.geo_type.to_string();
        row[52] = geo.full_name;
        row[53] = geo.country_code;
        row[54] = geo.adm1_code;
        row[56] = opt(geo.lat);
        row[57] = opt(geo.lon);
        row[58] = geo.feature_id;
    }
    if let Some(first) = stored.first_report {
        row[59] = format!("{:04}{:02}{:02}000000", first.year, first.month, first.day);
    }
    row[60] = e.article_id.clone();
    let clean: Vec<String> = row.into_iter().map(|f| f.replace(['\t', '\n', '\r'], " ")).collect();
    writeln!(out, "{}", clean.join("\t"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actor_codes_split_into_gdelt_fields() {
        let f = actor_fields("RUSGOVMIL");
        assert_eq!(
            (f[0].as_str(), f[2].as_str(), f[7].as_str(), f[8].as_str()),
            ("RUSGOVMIL", "RUS", "GOV", "MIL")
        );
        let f = actor_fields("IGOUNO");
        assert_eq!((f[2].as_str(), f[7].as_str(), f[8].as_str()), ("", "IGO", "UNO"));
        assert!(actor_fields("\"the rebels\"").iter().all(String::is_empty));
        assert_eq!(GDELT_COLUMNS.len(), 61);
        assert_eq!(GDELT_COLUMNS[26], "EventCode");
        assert_eq!(GDELT_COLUMNS[53], "ActionGeo_CountryCode");
    }

    #[test]
    fn csv_quotes_only_when_needed() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    }
}
