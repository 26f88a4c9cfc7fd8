//! `dyad validate`: records coded from supplied parses, the JSON totals and the failure report.

use crate::util::TestDir;

const RECORDS: &str = r#"<Validation>
<Environment>
  <Verbfile>t.verbs.txt</Verbfile>
  <Actorfile>t.actors.txt</Actorfile>
  <Agentfile>t.agents.txt</Agentfile>
  <Discardfile>t.discards.txt</Discardfile>
</Environment>
<Sentences>
<Sentence date="19950101" id="OK-01" category="DEMO" sentence="true">
<EventCoding sourcecode="ARN" targetcode="GONGOV" eventcode="064"></EventCoding>
<Text>Arnor restored ties with the Gondor government.</Text>
<Parse>(ROOT (S (NP (NNP Arnor)) (VP (VBD restored) (NP (NNS ties)) (PP (IN with)
  (NP (DT the) (NNP Gondor) (NN government)))) (. .)))</Parse>
</Sentence>
<Sentence date="19950101" id="BAD-01" category="DEMO" sentence="true">
<EventCoding sourcecode="GON" targetcode="ARN" eventcode="064"></EventCoding>
<Text>Arnor restored ties with Gondor.</Text>
<Parse>(ROOT (S (NP (NNP Arnor)) (VP (VBD restored) (NP (NNS ties)) (PP (IN with)
  (NP (NNP Gondor)))) (. .)))</Parse>
</Sentence>
<Sentence date="19950101" id="ERR-01" category="ERROR" sentence="true">
<EventCoding error="bad_input_parse"></EventCoding>
<Text>Arnor restored.</Text>
<Parse>(ROOT (S (NP (NNP Arnor)) (VP (VBD restored)) (. .))</Parse>
</Sentence>
<Sentence date="19950101" id="SKIP-01" category="DEMO" sentence="false">
<EventCoding sourcecode="X" targetcode="Y" eventcode="000"></EventCoding>
<Text>Arnor.</Text><Parse>(ROOT (S (NP (NNP Arnor))))</Parse>
</Sentence>
</Sentences>
</Validation>
"#;

fn setup() -> TestDir {
    let dir = TestDir::new("validate");
    std::fs::create_dir_all(dir.path.join("text")).unwrap();
    std::fs::create_dir_all(dir.path.join("dictionaries")).unwrap();
    dir.create("text/records.xml", RECORDS);
    dir.create("dictionaries/t.verbs.txt", "--- RESTORE [064] ---\nRESTORE\n");
    dir.create("dictionaries/t.actors.txt", "ARNOR [ARN]\nGONDOR [GON]\nLAST [LST]\n");
    dir.create("dictionaries/t.agents.txt", "GOVERNMENT [~GOV]\n");
    dir.create("dictionaries/t.discards.txt", "BASEBALL\n");
    dir
}

#[test]
fn json_totals_by_category() {
    let dir = setup();
    let out = dir.command(&["validate", "text/records.xml", "--json"]).run();
    assert_eq!(out.code, 1, "one record fails: {}", out.stderr);
    let totals = &out.json_lines()[0];
    assert_eq!(totals["records"], 3, "the sentence=\"false\" record is not scored");
    assert_eq!(totals["passed"], 2);
    assert_eq!(totals["failed"], 1);
    assert_eq!(totals["by_category"]["DEMO"]["records"], 2);
    assert_eq!(totals["by_category"]["DEMO"]["passed"], 1);
    assert_eq!(totals["by_category"]["ERROR"]["passed"], 1);
}

#[test]
fn text_report_shows_expected_and_got() {
    let dir = setup();
    let out = dir.command(&["validate", "text/records.xml"]).run();
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(out.stdout.contains("FAIL BAD-01"), "{}", out.stdout);
    assert!(out.stdout.contains("expected: GON ARN 064"), "{}", out.stdout);
    assert!(out.stdout.contains("got:      ARN GON 064"), "{}", out.stdout);
    assert!(!out.stdout.contains("FAIL OK-01"), "{}", out.stdout);
    assert!(out.stdout.contains("2 of 3 scored records passed"), "{}", out.stdout);
    assert!(!out.stdout.contains("layer:"), "{}", out.stdout);
    let out = dir.command(&["validate", "text/records.xml", "--layer"]).run();
    assert!(
        out.stdout.contains("layer:    (ROOT (S [ ARNOR ] (VP1 (VBD RESTORED"),
        "{}",
        out.stdout
    );
}

#[test]
fn own_parser_codes_the_record_text_or_says_it_has_no_weights() {
    let dir = setup();
    let out = dir.command(&["validate", "text/records.xml", "--parser", "dyad", "--json"]).run();
    if out.stderr.contains("without tagger/parser weights") {
        // A build without committed weights: a clear error, not a silent zero.
        assert_eq!(out.code, 2, "{}", out.stderr);
    } else {
        assert!(out.code == 0 || out.code == 1, "{}", out.stderr);
        let totals = &out.json_lines()[0];
        assert!(totals["records"].as_u64().unwrap() > 0, "{totals}");
    }
}

#[test]
fn missing_dictionary_is_a_clear_error() {
    let dir = setup();
    std::fs::remove_file(dir.path.join("dictionaries/t.agents.txt")).unwrap();
    let out = dir.command(&["validate", "text/records.xml"]).run();
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("t.agents.txt"), "{}", out.stderr);
}

#[test]
fn events_carry_spans_rule_and_cameo_metadata() {
    let dir = setup();
    let out = dir.command(&["validate", "text/records.xml", "--events"]).run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    let events = out.json_lines();
    assert_eq!(events.len(), 2, "OK-01 and BAD-01 each code one event; ERR-01 none");
    let first = &events[0];
    assert_eq!(first["id"], "OK-01:0:0");
    assert_eq!(first["source"]["text"], "Arnor");
    assert_eq!(first["source"]["start"], 0);
    assert_eq!(first["target"]["text"], "the Gondor government");
    assert_eq!(first["target"]["code"], "GONGOV");
    assert_eq!(first["verb"]["text"], "restored");
    assert_eq!(first["rule"], "t.verbs.txt:2");
    assert_eq!(first["code"], "064");
    assert_eq!(first["goldstein"], 7.0);
    assert_eq!(first["plover"], "COOPERATE");
    assert_eq!(first["date"], "1995-01-01");
}
