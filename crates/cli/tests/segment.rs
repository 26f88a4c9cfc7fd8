//! `dyad segment` on the examples the repository ships: the JSON shape and span integrity.

use crate::util::{TestDir, repo_root};

#[test]
fn spans_point_into_the_article_text() {
    let dir = TestDir::new("segment");
    let examples = repo_root().join("examples");
    let mut args = vec!["segment".to_string()];
    for entry in std::fs::read_dir(&examples).unwrap() {
        args.push(entry.unwrap().path().display().to_string());
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = dir.command(&args).run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    let documents = out.json_lines();
    assert!(documents.len() >= 5, "every example article is segmented");
    for document in documents {
        let mut previous_end = 0;
        for sentence in document["sentences"].as_array().unwrap() {
            let (start, end) =
                (sentence["start"].as_u64().unwrap(), sentence["end"].as_u64().unwrap());
            assert!(start >= previous_end && end > start);
            previous_end = end;
            for token in sentence["tokens"].as_array().unwrap() {
                let (ts, te) = (token["start"].as_u64().unwrap(), token["end"].as_u64().unwrap());
                assert!(start <= ts && te <= end && ts < te, "token inside sentence");
            }
        }
    }
}

#[test]
fn tass_article_json_shape() {
    let Some(path) = dyad_testdata::path("corpus/tass-sample/tass-2020-09-04.txt") else { return };
    let dir = TestDir::new("segment-tass");
    let out = dir.command(&["segment", path.to_str().unwrap()]).run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    let documents = out.json_lines();
    assert_eq!(documents.len(), 1);
    let document = documents[0].as_object().unwrap();
    let mut keys: Vec<&str> = document.keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(keys, ["article_id", "dateline", "sentences"]);
    let dateline = &document["dateline"];
    assert_eq!(dateline["place"], "MOSCOW");
    assert_eq!(dateline["agency"], "TASS");
    assert_eq!((dateline["start"].as_u64(), dateline["end"].as_u64()), (Some(0), Some(28)));
    let sentences = document["sentences"].as_array().unwrap();
    assert_eq!(sentences.len(), 11);
    let first = sentences[0].as_object().unwrap();
    let mut keys: Vec<&str> = first.keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(keys, ["end", "start", "text", "tokens"]);
    let token = sentences[0]["tokens"][0].as_object().unwrap();
    assert_eq!(token["text"], "Russian");
    assert_eq!(token.len(), 3, "start, end, text");
}
