//! `dyad eval plover`: scoring coded events against PLOVER gold records, on a small file of
//! dyad's own and on the CAMEO-manual gold file.

use crate::util::TestDir;

/// Four records written for this test (plus a documentation record without text): one coded
/// right, one under an old type name and an old country code, one whose type is wrong on
/// purpose (an AID label on a condemnation), and one without actors.
const SMALL: &str = r#"[
 {"id": "doc", "event": "DOCUMENT", "eventText": "a documentation record without text"},
 {"id": "t1", "date": "2021-03-02", "event": "CONSULT",
  "text": "The French president met the German chancellor in Berlin on Tuesday.",
  "source": [{"actorText": "French president", "code": "FRA", "sector": "GOV"}],
  "target": [{"actorText": "German chancellor", "code": "DEU"}]},
 {"id": "t2", "date": "2021-03-02", "event": "DISAPPROVE",
  "text": "Japan accused North Korea of violating the agreement.",
  "source": [{"actorText": "Japan", "code": "JAP"}],
  "target": [{"actorText": "North Korea", "code": "PRK"}]},
 {"id": "t3", "date": "2021-03-02", "event": "AID",
  "text": "Egypt condemned the Israeli raid on Gaza.",
  "source": [{"actorText": "Egypt", "code": "EGY"}],
  "target": [{"actorText": "Israeli", "code": "ISR"}]},
 {"id": "t4", "date": "2021-03-02", "event": "PROTEST",
  "text": "Thousands marched through the streets.", "source": [], "target": ""}
]"#;

#[test]
fn scores_a_small_gold_file() {
    let dir = TestDir::new("plover-small");
    let file = dir.create("small.json", SMALL);
    let out = dir.command(&["eval", "plover", file.to_str().unwrap(), "--json"]).run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    let scores = &out.json_lines()[0];
    assert_eq!(scores["records"].as_u64(), Some(4), "{scores}");
    assert_eq!(scores["type_found"].as_u64(), Some(2), "{scores}");
    // t4 has no source: left out of the country figures.
    assert_eq!(scores["countries_scored"].as_u64(), Some(3), "{scores}");
    assert_eq!(scores["countries_right"].as_u64(), Some(3), "{scores}");
    assert_eq!(scores["both_right"].as_u64(), Some(2), "{scores}");
    assert_eq!(scores["type"].as_f64(), Some(0.5), "{scores}");
    assert_eq!(scores["families"]["DISAPPROVE"]["type"].as_f64(), Some(1.0), "{scores}");
    assert_eq!(scores["families"]["AID"]["type"].as_f64(), Some(0.0), "{scores}");
    assert_eq!(scores["halves"][0]["records"].as_u64(), Some(2), "{scores}");
    assert_eq!(scores["halves"][1]["type_found"].as_u64(), Some(0), "{scores}");
}

#[test]
fn records_mode_shows_each_record_and_its_events() {
    let dir = TestDir::new("plover-records");
    let file = dir.create("small.json", SMALL);
    let out = dir.command(&["eval", "plover", file.to_str().unwrap(), "--records"]).run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    let lines = out.json_lines();
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[0]["id"], "t1");
    assert_eq!(lines[0]["events"][0]["source"], "FRAGOV", "{}", lines[0]);
    assert_eq!(lines[0]["events"][0]["plover"], "CONSULT", "{}", lines[0]);
    assert_eq!(lines[2]["type_found"], false, "{}", lines[2]);
    assert_eq!(lines[2]["countries_right"], true, "{}", lines[2]);
}

#[test]
fn bad_gold_files_fail() {
    let dir = TestDir::new("plover-bad");
    let file = dir.create("bad.json", r#"{"not": "an array"}"#);
    let out = dir.command(&["eval", "plover", file.to_str().unwrap()]).run();
    assert_eq!(out.code, 2, "{}", out.stdout);
    let no_type = dir.create("no-type.json", r#"[{"id": "x", "text": "Iran met Iraq."}]"#);
    let out = dir.command(&["eval", "plover", no_type.to_str().unwrap()]).run();
    assert_eq!(out.code, 2, "{}", out.stdout);
    assert!(out.stderr.contains("record 0"), "{}", out.stderr);
}

/// The CAMEO-manual gold records with the embedded defaults: a regression floor just under the
/// figures measured when the coder last changed (session 5: type 0.789, countries 0.741, both
/// 0.645; issue 6 aimed at 0.70 for type and countries).
#[test]
fn cameo_manual_gold_records() {
    let Some(path) = dyad_testdata::path("plover/PLOVER_GSR_CAMEO.json") else { return };
    let dir = TestDir::new("plover-gold");
    let out = dir.command(&["eval", "plover", path.to_str().unwrap(), "--json"]).run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    let scores = &out.json_lines()[0];
    assert_eq!(scores["records"].as_u64(), Some(322), "{scores}");
    assert!(scores["type"].as_f64().unwrap() >= 0.78, "{scores}");
    assert!(scores["countries"].as_f64().unwrap() >= 0.73, "{scores}");
    assert!(scores["both"].as_f64().unwrap() >= 0.635, "{scores}");
}

#[test]
fn help_has_an_example() {
    let dir = TestDir::new("plover-help");
    let out = dir.command(&["eval", "plover", "--help"]).run();
    assert_eq!(out.code, 0);
    assert!(out.stdout.contains("dyad eval plover ../shared/plover/PLOVER_GSR_CAMEO.json --json"));
}

/// Wire-style sentences written for dyad (fixtures/wire-sentences.json, one or two per CAMEO
/// category, labelled with the gold file's PLOVER type names, no actor codes): the embedded
/// dictionaries find the type of most of them. A regression floor under the 0.847 measured.
#[test]
fn wire_sentences_of_our_own() {
    let file =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/wire-sentences.json");
    let dir = TestDir::new("plover-wire");
    let out = dir.command(&["eval", "plover", file.to_str().unwrap(), "--json"]).run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    let scores = &out.json_lines()[0];
    assert_eq!(scores["records"].as_u64(), Some(118), "{scores}");
    assert!(scores["type"].as_f64().unwrap() >= 0.80, "{scores}");
}
