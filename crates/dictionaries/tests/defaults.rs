//! Tests of the default dictionary set: it loads without a diagnostic, no phrase is listed twice
//! within a kind, every file is in its `@sort` order, and the facts the coder relies on hold.

use std::collections::HashMap;

use dyad_dictionaries::defaults::{FILES, defaults_version, read_defaults};
use dyad_dictionaries::{Dictionaries, Phrase};
use dyad_model::Date;

fn load() -> Dictionaries {
    let (set, diagnostics) = read_defaults();
    let messages: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
    assert!(messages.is_empty(), "{} diagnostics:\n{}", messages.len(), messages.join("\n"));
    set
}

/// How a phrase is compared for duplicates: words joined by blanks, lower-cased (a lower-case
/// word matches any case, so `US` and `us` would overlap).
fn key(phrase: &Phrase) -> String {
    phrase.words.iter().map(|w| w.text.to_lowercase()).collect::<Vec<_>>().join(" ")
}

fn duplicates(kind: &str, phrases: impl Iterator<Item = (String, String)>) -> Vec<String> {
    let mut seen: HashMap<String, String> = HashMap::new();
    let mut found = Vec::new();
    for (phrase, origin) in phrases {
        if let Some(first) = seen.get(&phrase) {
            found.push(format!("{kind} `{phrase}` at {origin}, first at {first}"));
        } else {
            seen.insert(phrase, origin);
        }
    }
    found
}

#[test]
fn default_set_loads_without_a_diagnostic() {
    let set = load();
    let counts = set.counts(&[]);
    assert!(counts.actors > 300, "{counts:?}");
    assert!(counts.agents >= 300, "{counts:?}");
    assert!(counts.verbs >= 1500, "{counts:?}");
    assert!(counts.verb_patterns >= 1500, "{counts:?}");
    assert_eq!(defaults_version().len(), "2026.11.29".len());
}

#[test]
fn every_file_has_the_full_header() {
    let set = load();
    assert_eq!(set.files.len(), FILES.len());
    for file in &set.files {
        for key in ["format", "version", "licence", "description", "sort"] {
            assert!(
                file.header.iter().any(|(k, v)| k == key && !v.is_empty()),
                "{} lacks @{key}",
                file.name
            );
        }
    }
}

#[test]
fn no_phrase_is_listed_twice_within_a_kind() {
    let set = load();
    let mut found = Vec::new();
    let actors = set
        .actors
        .iter()
        .flat_map(|a| a.phrases.iter().map(move |p| (key(p), a.origin.to_string())));
    found.extend(duplicates("actor", actors));
    let agents = set
        .agents
        .iter()
        .flat_map(|a| a.phrases.iter().map(move |p| (key(p), a.origin.to_string())));
    found.extend(duplicates("agent", agents));
    let verbs = set.verbs.blocks.iter().flat_map(|b| {
        b.verbs.iter().map(move |v| (v.base.words.join(" ").to_lowercase(), b.origin.to_string()))
    });
    found.extend(duplicates("verb", verbs));
    let nouns = set.nouns.iter().flat_map(|b| {
        b.verbs.iter().map(move |v| (v.base.words.join(" ").to_lowercase(), b.origin.to_string()))
    });
    found.extend(duplicates("noun", nouns));
    let discards = set.discards.iter().map(|d| (key(&d.phrase), d.origin.to_string()));
    found.extend(duplicates("discard", discards));
    let issues = set
        .issues
        .iter()
        .flat_map(|i| i.phrases.iter().map(move |p| (key(p), i.origin.to_string())));
    found.extend(duplicates("issue", issues));
    let synsets = set.verbs.synsets.iter().map(|s| (s.name.clone(), s.origin.to_string()));
    found.extend(duplicates("synset", synsets));
    assert!(found.is_empty(), "{} duplicates:\n{}", found.len(), found.join("\n"));
}

/// The sort key of an entry line: its kind, then its first phrase (an issue's code, a synset's
/// name) lower-cased, then as written.
fn sort_key(line: &str) -> (String, String, String) {
    let (kind, rest) = line.split_once(' ').unwrap_or((line, ""));
    let first = if kind == "issue" || kind == "synset" {
        rest.split(" = ").next().unwrap_or("")
    } else {
        rest.split(" = ").next().unwrap_or("").split('|').next().unwrap_or("")
    };
    let first = first.trim();
    (kind.to_string(), first.to_lowercase(), first.to_string())
}

fn strip_comment(line: &str) -> &str {
    if line.trim_start().starts_with('#') {
        return "";
    }
    match line.find(" #").or_else(|| line.find("\t#")) {
        Some(i) => &line[..i],
        None => line,
    }
}

#[test]
fn tidy_every_file_is_in_its_sort_order() {
    for (name, text) in FILES {
        let sort = text.lines().find_map(|l| l.strip_prefix("@sort ")).map(str::trim);
        assert_eq!(sort, Some("entries"), "{name}: unknown @sort");
        let mut previous: Option<(usize, (String, String, String))> = None;
        for (index, raw) in text.lines().enumerate() {
            let line = strip_comment(raw).trim_end();
            if line.is_empty() || line.starts_with([' ', '\t', '@']) {
                continue;
            }
            let current = sort_key(line);
            if let Some((line_number, before)) = &previous {
                assert!(
                    *before <= current,
                    "{name}:{}: `{}` sorts before `{}` (line {line_number}); \
                     run crates/dictionaries/data/gen/check.py --fix",
                    index + 1,
                    current.2,
                    before.2
                );
            }
            previous = Some((index + 1, current));
        }
    }
}

#[test]
fn verbs_produce_every_cameo_code_and_no_other() {
    let set = load();
    let mut produced = std::collections::BTreeSet::new();
    for block in set.verbs.blocks.iter().chain(&set.nouns) {
        let codes = std::iter::once(block.code.as_str())
            .chain(block.patterns.iter().map(|p| p.code.as_str()));
        for code in codes.filter(|c| *c != "---") {
            produced.extend(code.split([':', '/']).map(str::to_string));
        }
    }
    // dyad's pinned event-code table (dyad_model::cameo) is the one list of CAMEO 1.1b3 codes;
    // dictionaries code events with sub-codes, never with a bare two-digit root.
    let known: std::collections::BTreeSet<String> = dyad_model::cameo::table()
        .iter()
        .filter(|entry| entry.code.len() > 2)
        .map(|entry| entry.code.to_string())
        .collect();
    let missing: Vec<&String> = known.difference(&produced).collect();
    let unknown: Vec<&String> = produced.difference(&known).collect();
    assert!(missing.is_empty(), "CAMEO codes no entry produces: {missing:?}");
    assert!(unknown.is_empty(), "codes that are not CAMEO codes: {unknown:?}");
}

fn actor_code(set: &Dictionaries, phrase: &str, date: &str) -> Option<String> {
    let date: Date = date.parse().unwrap();
    let actor =
        set.actors.iter().find(|a| a.phrases.iter().any(|p| key(p) == phrase.to_lowercase()))?;
    actor.code_at(Some(date)).map(|c| c.code.clone())
}

#[test]
fn countries_and_seats_of_government() {
    let set = load();
    let cases = [
        ("Russia", "RUS"),
        ("Russians", "RUS"),
        ("Moscow", "RUS"),
        ("Kremlin", "RUSGOV"),
        ("Palestinian", "PSE"),
        ("Palestinians", "PSE"),
        ("Kosovo", "XKX"),
        ("Taiwan", "TWN"),
        ("Western Sahara", "ESH"),
        ("White House", "USAGOV"),
        ("Downing Street", "GBRGOV"),
        ("Zhongnanhai", "CHNGOV"),
    ];
    for (phrase, code) in cases {
        assert_eq!(actor_code(&set, phrase, "2020-09-04").as_deref(), Some(code), "{phrase}");
    }
}

#[test]
fn international_bodies_and_groups() {
    let set = load();
    let cases = [
        ("United Nations", "IGOUNO"),
        ("NATO", "IGOWSTNAT"),
        ("European Union", "IGOEUREEC"),
        ("Amnesty International", "NGOAMN"),
        ("ICRC", "NGOIRC"),
        ("TASS", "RUSMED"),
        ("PLO", "PSEGOVPLO"),
        ("Fatah", "PSEPTYFTH"),
        ("Hamas", "PSEINSHMS"),
        ("Palestinian People's Party", "PSEPTYPPP"),
        ("Hezbollah", "LBNINSHZB"),
        ("Taliban", "AFGINSTAL"),
        ("ISIL", "IMGINSISI"),
        ("al-Shabaab", "SOMINSSHB"),
        ("Boko Haram", "NGAINSBKH"),
        ("FARC", "COLREBFAR"),
        ("PKK", "TURSEPPKK"),
        ("Houthis", "YEMREBHTH"),
        ("Wagner Group", "RUSUAFWAG"),
    ];
    for (phrase, code) in cases {
        assert_eq!(actor_code(&set, phrase, "2020-09-04").as_deref(), Some(code), "{phrase}");
    }
    // Los Pinos stopped being the seat of the Mexican presidency at the end of November 2018.
    assert_eq!(actor_code(&set, "Los Pinos", "2019-01-01"), None);
    assert_eq!(actor_code(&set, "Los Pinos", "2010-06-01").as_deref(), Some("MEXGOV"));
}

#[test]
fn people_have_dated_roles() {
    let set = load();
    let cases = [
        ("Mikhail Bogdanov", "2020-09-04", Some("RUSGOV")),
        ("Rami Hamdallah", "2014-06-01", Some("PSEGOV")),
        ("Rami Hamdallah", "2020-01-01", Some("PSEELI")),
        ("Vladimir Putin", "2020-09-04", Some("RUSGOV")),
        ("Mahmoud Abbas", "2007-01-01", Some("PSEGOV")),
        ("Yasser Arafat", "1990-01-01", Some("PSEGOVPLO")),
        ("Ismail Haniyeh", "2006-06-01", Some("PSEGOV")),
        ("Ismail Haniyeh", "2010-06-01", Some("PSEINSHMS")),
        ("Benjamin Netanyahu", "2000-01-01", Some("ISRELI")),
        ("Benjamin Netanyahu", "2010-01-01", Some("ISRGOV")),
        ("Assad", "1995-01-01", Some("SYRGOV")),
        ("Assad", "2025-06-01", Some("SYRELI")),
    ];
    for (phrase, date, code) in cases {
        assert_eq!(actor_code(&set, phrase, date).as_deref(), code, "{phrase} on {date}");
    }
    // Without a sentence date only the undated code applies.
    let bogdanov =
        set.actors.iter().find(|a| a.phrases.iter().any(|p| key(p) == "mikhail bogdanov")).unwrap();
    assert_eq!(bogdanov.code_at(None).map(|c| c.code.as_str()), Some("RUSELI"));
}

/// A word with a capital matches only tokens that start with a capital, so `al-Qaeda` would never
/// match its usual spelling: such words must be written in lower case (`al-qaeda`).
#[test]
fn no_word_starts_lower_case_with_a_capital_inside() {
    let set = load();
    let mut phrases: Vec<(&Phrase, String)> = Vec::new();
    phrases.extend(
        set.actors.iter().flat_map(|a| a.phrases.iter().map(|p| (p, a.origin.to_string()))),
    );
    phrases.extend(
        set.agents.iter().flat_map(|a| a.phrases.iter().map(|p| (p, a.origin.to_string()))),
    );
    phrases.extend(set.discards.iter().map(|d| (&d.phrase, d.origin.to_string())));
    phrases.extend(
        set.issues.iter().flat_map(|i| i.phrases.iter().map(|p| (p, i.origin.to_string()))),
    );
    let bad: Vec<String> = phrases
        .iter()
        .flat_map(|(phrase, origin)| {
            phrase.words.iter().filter_map(move |w| {
                let first_lower = w.text.chars().next().is_some_and(char::is_lowercase);
                (first_lower && w.text.chars().any(char::is_uppercase))
                    .then(|| format!("{origin}: `{}`", w.text))
            })
        })
        .collect();
    assert!(bad.is_empty(), "write these words in lower case:\n{}", bad.join("\n"));
}
