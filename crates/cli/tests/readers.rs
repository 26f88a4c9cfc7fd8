//! Articles in: the three input forms, bad input, and the exit-code contract.

use crate::util::TestDir;

#[test]
fn bad_lines_are_reported_and_the_batch_goes_on() {
    let dir = TestDir::new("readers");
    dir.create(
        "mixed.jsonl",
        b"{\"id\":\"a\",\"date\":\"2020-01-02\",\"text\":\"One sentence.\"}\n{broken\n{\"id\":\"b\",\"text\":\"\"}\n{\"id\":\"c\",\"text\":\"Two.\"}\n",
    );
    let out = dir.command(&["segment", "mixed.jsonl"]).run();
    assert_eq!(out.code, 1, "diagnostics give exit 1: {}", out.stderr);
    let ids: Vec<_> =
        out.json_lines().iter().map(|d| d["article_id"].as_str().unwrap().to_string()).collect();
    assert_eq!(ids, ["a", "c"]);
    let lines: Vec<&str> = out.stderr.lines().collect();
    assert_eq!(lines.len(), 2, "one diagnostic per bad article: {}", out.stderr);
    assert!(lines[0].starts_with("mixed.jsonl:2: not valid JSON"), "{}", lines[0]);
    assert!(lines[1].starts_with("mixed.jsonl:3: article b has no text"), "{}", lines[1]);
}

#[test]
fn nothing_readable_is_exit_2() {
    let dir = TestDir::new("readers");
    dir.create("junk.jsonl", b"\x00\x01\x02\xff\n");
    let out = dir.command(&["segment", "junk.jsonl", "missing.txt"]).run();
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains("junk.jsonl:1:"), "{}", out.stderr);
    assert!(out.stderr.contains("missing.txt:1: cannot open"), "{}", out.stderr);
}

#[test]
fn text_files_and_stdin() {
    let dir = TestDir::new("readers");
    dir.create("story.txt", "date 2020-09-04 First sentence. Second one.");
    let out = dir.command(&["segment", "story.txt"]).run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.json_lines()[0]["article_id"], "story.txt");

    let out = dir.command(&["segment"]).stdin("{\"id\":\"s1\",\"text\":\"From stdin.\"}\n").run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.json_lines()[0]["article_id"], "s1");

    let out = dir.command(&["segment", "-"]).stdin("Plain text on stdin.").run();
    assert_eq!(out.json_lines()[0]["article_id"], "stdin");
}

#[test]
fn code_writes_stats() {
    let dir = TestDir::new("readers");
    dir.create("a.jsonl", "{\"id\":\"a\",\"text\":\"One. Two.\"}\nnot json\n");
    let out = dir.command(&["code", "--stats", "stats.json", "a.jsonl"]).run();
    assert_eq!(out.code, 1, "{}", out.stderr);
    let stats: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path.join("stats.json")).unwrap())
            .unwrap();
    assert_eq!(stats["articles"], 1);
    assert_eq!(stats["diagnostics"], 1);
    for key in ["sentences", "parsed_sentences", "events", "seconds", "cpu_seconds"] {
        assert!(stats.get(key).is_some(), "stats lack {key}");
    }
    assert_eq!(stats["sentences_with_actor"], 0, "{stats}");
    assert!(stats["stage_milliseconds"].get("parse").is_some(), "{stats}");
}

#[test]
fn code_stats_count_sentences_with_an_actor() {
    let dir = TestDir::new("readers");
    dir.create(
        "a.txt",
        "Russia met Ukraine on Friday. The weather was fine. Kenyan officials said nothing.",
    );
    let out = dir.command(&["code", "--stats", "stats.json", "a.txt"]).run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    let stats: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path.join("stats.json")).unwrap())
            .unwrap();
    assert_eq!(stats["sentences"], 3, "{stats}");
    assert_eq!(stats["sentences_with_actor"], 2, "{stats}");
}

#[test]
fn code_on_two_threads_writes_the_same_events_in_input_order() {
    let dir = TestDir::new("readers");
    let articles: String = (0..40)
        .map(|i| {
            let who = ["Russia met Ukraine", "Egypt criticized Israel", "France praised Germany"];
            format!(
                "{{\"id\":\"a{i}\",\"date\":\"2024-01-0{}\",\"text\":\"{} on Friday. Nothing.\"}}\n",
                1 + i % 9,
                who[i % 3]
            )
        })
        .collect();
    dir.create("a.jsonl", &articles);
    let one = dir.command(&["code", "--format", "tsv", "a.jsonl"]).run();
    let two = dir.command(&["code", "--threads", "2", "--format", "tsv", "a.jsonl"]).run();
    assert_eq!(one.code, 0, "{}", one.stderr);
    assert_eq!(two.code, 0, "{}", two.stderr);
    assert!(one.stdout.lines().count() > 10, "{}", one.stdout);
    assert_eq!(one.stdout, two.stdout);
}

#[test]
fn code_tsv_has_a_header_and_bad_dictionaries_fail() {
    let dir = TestDir::new("readers");
    dir.create("a.txt", "Russia met Ukraine on Friday.");
    let out = dir.command(&["code", "--format", "tsv", "a.txt"]).run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    let header = out.stdout.lines().next().unwrap_or_default();
    assert!(header.starts_with("article_id\tsentence\tdate\t"), "{header}");
    for row in out.stdout.lines().skip(1) {
        assert_eq!(row.split('\t').count(), header.split('\t').count(), "{row}");
    }
    let out = dir.command(&["code", "--dictionaries", "no-such-folder", "a.txt"]).run();
    assert_ne!(out.code, 0, "{}", out.stderr);
    assert!(out.stderr.contains("no-such-folder"), "{}", out.stderr);
}

#[test]
fn a_sports_report_is_not_coded_but_the_same_sentence_in_news_is() {
    let dir = TestDir::new("readers");
    let sentence = "Egypt attacked Israel on Friday.";
    let sport =
        format!("{sentence} The coach praised his striker and goalkeeper in the semi-final.");
    let violence = sport.replace("in the semi-final", "after the semi-final and the bomb");
    dir.create("news.txt", sentence);
    dir.create("sport.txt", &sport);
    dir.create("violence.txt", &violence);
    let events = |file: &str| {
        let out = dir.command(&["code", file]).run();
        assert_eq!(out.code, 0, "{}", out.stderr);
        out.json_lines().len()
    };
    assert_eq!(events("news.txt"), 1);
    assert_eq!(events("sport.txt"), 0, "four sport phrases: a sports report");
    assert_eq!(events("violence.txt"), 1, "`bomb` keeps a sports report coded");
    let explained = dir.command(&["explain", &sport]).run();
    let reason = "`dyad code` does not code this text as an article: it reads as sport \
                  (4 of its phrases: coach, goalkeeper, semi-final, striker)";
    assert!(explained.stdout.starts_with(reason), "{}", explained.stdout);
}
