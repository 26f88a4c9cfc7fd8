//! `dyad segment` on the examples the repository ships: the JSON shape and span integrity;
//! `dyad bench segment` counts the same sentences.

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

#[test]
fn bench_segment_counts_what_it_segments() {
    let dir = TestDir::new("bench-segment");
    let examples = repo_root().join("examples");
    let files: Vec<String> = std::fs::read_dir(&examples)
        .unwrap()
        .map(|entry| entry.unwrap().path().display().to_string())
        .collect();
    let mut args = vec!["bench", "segment", "--rounds", "1"];
    args.extend(files.iter().map(String::as_str));
    let out = dir.command(&args).run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    let bench = &out.json_lines()[0];
    // The same articles through `dyad segment` give the same counts.
    let mut segment_args = vec!["segment"];
    segment_args.extend(files.iter().map(String::as_str));
    let segmented = dir.command(&segment_args).run().json_lines();
    let sentences: usize = segmented.iter().map(|d| d["sentences"].as_array().unwrap().len()).sum();
    assert_eq!(bench["articles"].as_u64(), Some(segmented.len() as u64), "{bench}");
    assert_eq!(bench["sentences"].as_u64(), Some(sentences as u64), "{bench}");
    assert!(bench["mb_per_sec"].as_f64().unwrap() > 0.0, "{bench}");
}
