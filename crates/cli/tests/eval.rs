//! `dyad eval segment`: scores of segmentation against a CoNLL-U file.

use crate::util::TestDir;

const SMALL: &str = "# newdoc id = d1\n# newpar id = p1\n# sent_id = 1\n# text = I don't know.\n\
    1\tI\t_\n2-3\tdon't\t_\n2\tdo\t_\n3\tn't\t_\n4\tknow\t_\n5\t.\t_\n\n\
    # sent_id = 2\n# text = Fine!\n1\tFine\t_\n2\t!\t_\n\n\
    # newpar id = p2\n# sent_id = 3\n# text = New para\n1\tNew\t_\n2\tpara\t_\n\n";

#[test]
fn scores_a_small_treebank() {
    let dir = TestDir::new("eval-small");
    let file = dir.create("small.conllu", SMALL);
    let out = dir.command(&["eval", "segment", file.to_str().unwrap(), "--json"]).run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    let lines = out.json_lines();
    assert_eq!(lines.len(), 1);
    let scores = lines[0].as_object().unwrap();
    let mut keys: Vec<&str> = scores.keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(keys, ["sentence_f1", "sentences", "token_f1", "tokens"]);
    assert_eq!(scores["sentence_f1"].as_f64(), Some(1.0));
    assert_eq!(scores["token_f1"].as_f64(), Some(1.0));
    assert_eq!(scores["sentences"].as_u64(), Some(3));
    assert_eq!(scores["tokens"].as_u64(), Some(9));
}

#[test]
fn a_wrong_split_lowers_the_scores() {
    let dir = TestDir::new("eval-wrong");
    // The gold keeps "I don't know. Fine!" as one sentence, where dyad splits it in two.
    let gold = "# newdoc id = d1\n# newpar id = p1\n# text = I don't know. Fine!\n\
        1\tI\t_\n2\tdo\t_\n3\tn't\t_\n4\tknow\t_\n5\t.\t_\n6\tFine\t_\n7\t!\t_\n\n\
        # newpar id = p2\n# text = New para\n1\tNew\t_\n2\tpara\t_\n\n";
    let file = dir.create("wrong.conllu", gold);
    let out = dir.command(&["eval", "segment", file.to_str().unwrap(), "--json"]).run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    let scores = &out.json_lines()[0];
    assert_eq!(scores["sentences"].as_u64(), Some(2));
    // Predicted: "I don't know." "Fine!" "New para" against gold "I don't know. Fine!" "New para".
    assert!((scores["sentence_f1"].as_f64().unwrap() - 0.4).abs() < 1e-9, "{scores}");
    assert_eq!(scores["token_f1"].as_f64(), Some(1.0));
}

#[test]
fn bad_treebank_fails_with_the_line() {
    let dir = TestDir::new("eval-bad");
    let file = dir.create("bad.conllu", "# text = a b\n1\tc\t_\n");
    let out = dir.command(&["eval", "segment", file.to_str().unwrap(), "--json"]).run();
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("line 2"), "{}", out.stderr);
    let missing = dir.command(&["eval", "segment", "no-such.conllu"]).run();
    assert_eq!(missing.code, 2);
}

#[test]
fn ewt_test_set() {
    let Some(path) = dyad_testdata::path("ud/test.conllu") else { return };
    let dir = TestDir::new("eval-ewt");
    let out = dir.command(&["eval", "segment", path.to_str().unwrap(), "--json"]).run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    let scores = &out.json_lines()[0];
    assert_eq!(scores["sentences"].as_u64(), Some(2077));
    assert_eq!(scores["tokens"].as_u64(), Some(25094));
    assert!(scores["token_f1"].as_f64().unwrap() >= 0.98, "{scores}");
}

#[test]
fn help_has_an_example() {
    let dir = TestDir::new("eval-help");
    let out = dir.command(&["eval", "segment", "--help"]).run();
    assert_eq!(out.code, 0);
    assert!(
        out.stdout.contains("dyad eval segment ../shared/ud/test.conllu --json"),
        "{}",
        out.stdout
    );
}
