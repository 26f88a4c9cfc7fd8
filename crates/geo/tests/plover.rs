//! Measures event location against the PLOVER gold records that carry an `eventLoc`.
//!
//! Each record gives a sentence, the event's words, its actors (text and CAMEO code) and the gold
//! place. The sentence is split with the pipeline's tokenizer (`dyad_nlp::tokenize`); the verb
//! is the first word of `eventText`; actor spans are where each `actorText` occurs. Run with `--nocapture` to see the
//! figures; the test fails if agreement falls below the floors set from the first measurement.

use dyad_geo::{Gazetteer, GeoContext, NameTier, PlaceKind, name_key, tokens_from_spans};
use dyad_model::Span;
use serde_json::Value;

/// Where `needle` occurs in `text` as whole words, if anywhere.
fn find_words(text: &str, needle: &str) -> Option<Span> {
    let needle = needle.trim();
    if needle.is_empty() {
        return None;
    }
    let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
    let mut from = 0;
    while let Some(found) = text[from..].find(needle) {
        let start = from + found;
        let end = start + needle.len();
        if boundary(text[..start].chars().next_back()) && boundary(text[end..].chars().next()) {
            return Some(Span::new(start, end));
        }
        from = start + needle.len().max(1);
    }
    None
}

/// "town of Rafah" → "Rafah"; "Jaffna peninsula" → "Jaffna".
fn gold_core(name: &str) -> &str {
    let name = name.trim();
    let name = ["town of ", "province of ", "city of "]
        .iter()
        .find_map(|prefix| name.strip_prefix(prefix))
        .unwrap_or(name);
    name.strip_suffix(" peninsula").unwrap_or(name)
}

#[test]
fn plover_event_locations() {
    let Some(text) = dyad_testdata::read("plover/PLOVER_GSR_CAMEO.json") else {
        return;
    };
    let records: Vec<Value> = serde_json::from_str(&text).expect("PLOVER json");
    let gazetteer = Gazetteer::embedded();
    let (mut total, mut located, mut same_place) = (0, 0, 0);
    let (mut with_gold_country, mut same_country) = (0, 0);
    let mut by_precision = std::collections::BTreeMap::<String, usize>::new();
    for record in &records {
        let Some(gold) = record.get("eventLoc") else {
            continue;
        };
        total += 1;
        let sentence = record["text"].as_str().unwrap_or_default();
        let spans = dyad_nlp::tokenize(sentence);
        let tokens = tokens_from_spans(sentence, &spans);
        let event_text = record["eventText"].as_str().unwrap_or_default();
        let verb = event_text
            .split_whitespace()
            .find_map(|word| find_words(sentence, word))
            .unwrap_or(Span::new(0, 0));
        let actors: Vec<&Value> = ["source", "target"]
            .iter()
            .filter_map(|key| record.get(*key).and_then(Value::as_array))
            .flatten()
            .collect();
        let actor_spans: Vec<Span> = actors
            .iter()
            .filter_map(|a| a["actorText"].as_str())
            .flat_map(|t| t.split("..."))
            .filter_map(|piece| find_words(sentence, piece))
            .collect();
        let actor_countries: Vec<&str> = actors
            .iter()
            .filter_map(|a| a["code"].as_str())
            .filter(|code| code.len() == 3)
            .collect();
        let context = GeoContext {
            actor_countries: &actor_countries,
            actor_spans: &actor_spans,
            dateline: None,
        };
        let result = gazetteer.locate(&tokens, verb, &context);

        let gold_name = gold_core(gold["name"].as_str().unwrap_or_default());
        let gold_refs = gazetteer.lookup(gold_name);
        // The gold country: the record's code, else every country the name could mean (by its
        // English names when it has any, else by alternates: "Khatmandu").
        let has_english = gold_refs.iter().any(|r| r.tier == NameTier::English);
        let gold_countries: Vec<String> = match gold["country code"].as_str() {
            Some(code) => vec![code.to_string()],
            None => gold_refs
                .iter()
                .filter(|r| r.tier == NameTier::English || !has_english)
                .map(|r| gazetteer.place(r.place).country.clone())
                .collect(),
        };
        if !gold_countries.is_empty() {
            with_gold_country += 1;
        }
        let Some(result) = result else {
            println!("none      | {gold_name:<16} | {sentence}");
            continue;
        };
        located += 1;
        *by_precision.entry(result.location.precision.clone()).or_default() += 1;
        let place = gazetteer.place(result.place);
        let names_gold = gold_refs.iter().any(|r| r.place == result.place)
            || name_key(&place.name) == name_key(gold_name)
            || name_key(&result.mention.surface) == name_key(gold_name);
        let country_agrees = gold_countries.contains(&place.country);
        same_place += usize::from(names_gold);
        same_country += usize::from(country_agrees);
        let mark = match (names_gold, country_agrees) {
            (true, _) => "same",
            (false, true) => "country",
            (false, false) => "differs",
        };
        let kind = if place.kind == PlaceKind::City { "city" } else { "area" };
        println!(
            "{mark:<9} | {gold_name:<16} | {} ({}, {kind}) | {sentence}",
            place.name, place.country
        );
    }
    let share = |n: usize, d: usize| if d == 0 { 0.0 } else { 100.0 * n as f64 / d as f64 };
    println!(
        "PLOVER eventLoc: {total} records, {located} located ({:.1}%) {by_precision:?}",
        share(located, total)
    );
    println!(
        "same place: {same_place}/{total} ({:.1}%); same country: {same_country}/{with_gold_country} \
         records whose gold country is known ({:.1}%)",
        share(same_place, total),
        share(same_country, with_gold_country)
    );
    assert_eq!(total, 48, "the PLOVER file should carry 48 eventLoc records");
    assert!(share(same_place, total) >= 60.0, "same-place agreement fell");
    assert!(share(same_country, with_gold_country) >= 70.0, "same-country agreement fell");
}
