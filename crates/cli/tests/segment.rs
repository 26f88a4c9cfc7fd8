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
