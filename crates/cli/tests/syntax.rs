//! `dyad train`, `dyad eval parse`, `dyad explain` and `dyad bench parse` on slices of UD
//! English EWT.

use crate::util::TestDir;

/// The first `n` sentences of a treebank file after skipping `skip`, as CoNLL-U text.
fn slice(name: &str, skip: usize, n: usize) -> Option<String> {
    let text = dyad_testdata::read(&format!("ud/{name}"))?;
    let sentences: Vec<&str> = text.split("\n\n").filter(|s| !s.trim().is_empty()).collect();
    Some(sentences[skip..skip + n].join("\n\n") + "\n\n")
}

#[test]
fn train_then_evaluate_own_weights() {
    let (Some(train), Some(dev)) = (slice("train.conllu", 0, 80), slice("dev.conllu", 0, 30))
    else {
        return;
    };
    let dir = TestDir::new("train");
    dir.create("train.conllu", train);
    dir.create("dev.conllu", dev);
    let common = ["--train", "train.conllu", "--dev", "dev.conllu", "--seed", "3", "--epochs", "2"];
    let mut args = vec!["train", "tagger", "--out", "tagger.bin"];
    args.extend(common);
    let out = dir.command(&args).run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stderr.contains("tagger epoch 2"), "{}", out.stderr);
    let mut args = vec!["train", "parser", "--out", "parser.bin", "--tagger-epochs", "1"];
    args.extend(["--folds", "2"]);
    args.extend(common);
    let out = dir.command(&args).run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stderr.contains("parser epoch 2"), "{}", out.stderr);

    let args = [
        "eval",
        "parse",
        "dev.conllu",
        "--json",
        "--tagger",
        "tagger.bin",
        "--parser",
        "parser.bin",
    ];
    let out = dir.command(&args).run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    let scores = &out.json_lines()[0];
    for key in ["upos", "xpos", "uas", "las"] {
        let value = scores[key].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&value), "{key} {value}");
    }
    assert!(scores["upos"].as_f64().unwrap() > 0.5, "{scores}");
    assert!(scores["tokens"].as_u64().unwrap() > 300);
    assert!(scores["tokens_per_sec"].as_f64().unwrap() > 0.0, "{scores}");

    let models = ["--tagger", "tagger.bin", "--parser", "parser.bin"];
    let mut args = vec!["bench", "parse", "dev.conllu", "--rounds", "1"];
    args.extend(models);
    let out = dir.command(&args).run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    let bench = &out.json_lines()[0];
    assert_eq!(bench["tokens"], scores["tokens"]);
    assert!(bench["parser_weights_bytes"].as_u64().unwrap() > 0, "{bench}");

    let mut args = vec!["explain", "The minister met the ambassador in Rome."];
    args.extend(models);
    let out = dir.command(&args).run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    for expected in ["minister", "upos", "deprel", "tree:", "sentence 1", "clause layer: (ROOT"] {
        assert!(out.stdout.contains(expected), "{expected} missing:\n{}", out.stdout);
    }
}

#[test]
fn damaged_weights_file_is_an_error_not_a_panic() {
    let dir = TestDir::new("damaged");
    dir.create("t.conllu", "1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n\n");
    dir.create("bad.bin", b"DYADTAGR\x01\x00\x00\x00\xff\xff");
    let out = dir.command(&["eval", "parse", "t.conllu", "--tagger", "bad.bin"]).run();
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("truncated"), "{}", out.stderr);
    assert!(!out.stderr.contains("panicked"), "{}", out.stderr);
}

/// A reader that stops early (`dyad explain ... | head`) ends the run quietly: the text's
/// explanation is far more than a pipe holds, so the closed pipe is always hit.
#[test]
fn a_closed_output_pipe_is_no_panic() {
    use std::process::{Command, Stdio};
    let text = "Russian troops attacked the city on Monday. ".repeat(200);
    let mut child = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(["explain", &text])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(out.status.code(), Some(0), "{stderr}");
}
