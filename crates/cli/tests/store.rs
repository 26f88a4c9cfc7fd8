//! The store commands: `ingest` (idempotent, safe to kill), `query`, `export`, `recode`.

use std::io::BufRead;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use dyad_model::{Article, Date, DateBasis, Event, EventActor, Location, PartialDate, Span};
use dyad_store::{CodedRecord, DedupConfig, SqliteStore, Storage, Versions};

use crate::util::{TestDir, repo_root};

fn examples() -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(repo_root().join("examples"))
        .unwrap()
        .map(|e| e.unwrap().path().display().to_string())
        .collect();
    files.sort();
    files
}

#[test]
fn ingest_is_idempotent_and_recode_keeps_runs_apart() {
    let dir = TestDir::new("ingest");
    let files = examples();
    let mut args = vec!["ingest", "--store", "news.db", "--threads", "2"];
    args.extend(files.iter().map(String::as_str));
    let first = dir.command(&args).run();
    assert_eq!(first.code, 0, "{}", first.stderr);
    let n: usize =
        first.stderr.trim_start_matches("ingest: ").split(' ').next().unwrap().parse().unwrap();
    assert!(n >= files.len(), "{}", first.stderr);
    assert!(
        first.stderr.contains(&format!("{n} articles read ({n} added, 0 replaced, 0 unchanged)")),
        "{}",
        first.stderr
    );
    let again = dir.command(&args).run();
    assert!(
        again.stderr.contains(&format!("(0 added, 0 replaced, {n} unchanged)")),
        "{}",
        again.stderr
    );

    let store = SqliteStore::open(&dir.path.join("news.db")).unwrap();
    assert_eq!(store.check().unwrap(), Vec::<String>::new());
    assert_eq!(store.counts().unwrap().articles, n as u64);
    drop(store);

    // DYAD_STORE names the store too; recode makes run 2, which stays apart until accepted.
    let recode = dir.command(&["recode"]).env("DYAD_STORE", "news.db").run();
    assert_eq!(recode.code, 0, "{}", recode.stderr);
    assert!(recode.stderr.contains("run 2 ("), "{}", recode.stderr);
    let list = dir.command(&["recode", "--list", "--store", "news.db"]).run();
    let rows: Vec<&str> = list.stdout.lines().collect();
    assert_eq!(rows.len(), 3, "{}", list.stdout);
    assert!(rows[1].starts_with("1\t*\t") && rows[2].starts_with("2\t\t"), "{}", list.stdout);
    assert!(rows[2].contains(&format!("\t{n}\t")), "run 2 coded every article: {}", list.stdout);
    assert_eq!(dir.command(&["recode", "--accept", "2", "--store", "news.db"]).run().code, 0);
    let list = dir.command(&["recode", "--list", "--store", "news.db"]).run();
    assert!(list.stdout.lines().nth(2).unwrap().starts_with("2\t*\t"), "{}", list.stdout);
    assert_eq!(
        dir.command(&["recode", "--discard", "2", "--store", "news.db"]).run().code,
        2,
        "current run stays"
    );
    assert_eq!(dir.command(&["recode", "--discard", "1", "--store", "news.db"]).run().code, 0);
}

fn actor(code: &str, text: &str, start: usize) -> EventActor {
    EventActor { code: code.into(), text: text.into(), span: Span::new(start, start + text.len()) }
}

/// A store with three reports of two events, written through the library (the coder that
/// would produce them from text is built elsewhere).
fn seeded_store(path: &Path) {
    let mut store = SqliteStore::open(path).unwrap();
    let run =
        store.create_run(&Versions { dyad: "test".into(), dictionaries: "test".into() }).unwrap();
    let text = "Russia met Palestine in Moscow. Israel hit Gaza.";
    let make = |id: &str, outlet: &str, day: u8, events: &[(&str, &str, &str)]| {
        let date = Date::new(2020, 9, day).unwrap();
        let article = Article {
            id: id.into(),
            date: Some(date),
            source: Some(outlet.into()),
            title: None,
            text: text.into(),
            metadata: serde_json::Map::new(),
        };
        let events = events
            .iter()
            .enumerate()
            .map(|(i, (source, target, code))| Event {
                article_id: id.into(),
                sentence: i,
                index_in_sentence: 0,
                sentence_text: if i == 0 {
                    "Russia met Palestine in Moscow."
                } else {
                    "Israel hit Gaza."
                }
                .into(),
                date: Some(PartialDate::Day(date)),
                date_basis: DateBasis::Article,
                historical: false,
                source: actor(source, source, 0),
                target: Some(actor(target, target, 11)),
                code: (*code).into(),
                root: code[..2].into(),
                quad_class: Some(if code.starts_with('0') { 1 } else { 4 }),
                goldstein: Some(if code.starts_with('0') { 1.0 } else { -9.5 }),
                plover: None,
                verb_text: "met".into(),
                verb_span: Span::new(7, 10),
                location: (i == 0).then(|| Location {
                    name: "Moscow".into(),
                    country: Some("RUS".into()),
                    lat: Some(55.752),
                    lon: Some(37.6178),
                    precision: "city".into(),
                }),
                negated: false,
                rule: "test:1".into(),
                dyad_version: "test".into(),
                dictionaries_version: "test".into(),
            })
            .collect();
        CodedRecord { article, sentences: vec![Span::new(0, 31), Span::new(32, 48)], events }
    };
    let batch = vec![
        make("a", "tass", 4, &[("RUS", "PSE", "040"), ("ISR", "PSE", "190")]),
        make("b", "reuters", 4, &[("RUS", "PSE", "040")]),
    ];
    store.write_articles(run, &batch, DedupConfig::default()).unwrap();
}

#[test]
fn query_aggregates_and_exports() {
    let dir = TestDir::new("query");
    seeded_store(&dir.path.join("q.db"));
    let q = |args: &[&str]| {
        let mut all = vec!["query", "--store", "q.db"];
        all.extend(args);
        let out = dir.command(&all).run();
        assert_eq!(out.code, 0, "{}", out.stderr);
        out
    };
    let events = q(&["--dyad", "RUS,PSE"]).json_lines();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0]["mention_count"], 2);
    assert_eq!(events[0]["source_count"], 2);
    assert_eq!(events[0]["mentions"][1]["article_id"], "b");
    let weeks = q(&["--by", "week", "--json"]).json_lines();
    assert_eq!(weeks.len(), 1);
    assert_eq!(
        (weeks[0]["period"].as_str(), weeks[0]["events"].as_u64()),
        (Some("2020-08-31"), Some(2))
    );
    assert_eq!(weeks[0]["quad"], serde_json::json!([1, 0, 0, 1]));
    assert_eq!(weeks[0]["goldstein_sum"], -8.5);
    let actors = q(&["--group", "actor", "--csv"]).stdout;
    let lines: Vec<&str> = actors.lines().collect();
    assert_eq!(
        lines[0],
        "period,actor,events,mentions,goldstein_sum,goldstein_mean,quad1,quad2,quad3,quad4"
    );
    assert!(lines[1].starts_with(",PSE,2,3,-8.5,-4.25,1,0,0,1"), "{actors}");
    assert_eq!(q(&["--text", "gaza"]).json_lines().len(), 1);
    assert_eq!(q(&["--text", "!!"]).json_lines().len(), 2, "no words: no condition");
    let missing = dir.command(&["query", "--store", "missing.db"]).run();
    assert_eq!(missing.code, 2);
    assert!(missing.stderr.contains("no store at missing.db"), "{}", missing.stderr);
    assert!(!dir.path.join("missing.db").exists(), "a query creates no store");
    assert_eq!(q(&["--actor", "Russia", "--quad", "4"]).json_lines().len(), 0);
    // Location filters: the country of the place, a box around it (west,south,east,north).
    let moscow = q(&["--location-country", "rus"]).json_lines();
    assert_eq!((moscow.len(), moscow[0]["location"]["name"].as_str()), (1, Some("Moscow")));
    assert_eq!(q(&["--location-country", "PSE"]).json_lines().len(), 0, "actors do not count");
    assert_eq!(q(&["--bbox", "30,50,40,60"]).json_lines().len(), 1);
    assert_eq!(q(&["--bbox", "-10,-60,10,-50"]).json_lines().len(), 0);
    let weekly = q(&["--bbox", "30,50,40,60", "--by", "week", "--json"]).json_lines();
    assert_eq!(weekly[0]["events"], 1);
    let bad = dir.command(&["query", "--store", "q.db", "--bbox", "30,50,40"]).run();
    assert_eq!(bad.code, 2);
    assert!(bad.stderr.contains("minlon,minlat,maxlon,maxlat"), "{}", bad.stderr);

    let export = |format: &str| {
        let out = dir
            .command(&["export", "--store", "q.db", "--format", format, "--out", "out.txt"])
            .run();
        assert_eq!(out.code, 0, "{}", out.stderr);
        std::fs::read_to_string(dir.path.join("out.txt")).unwrap()
    };
    let gdelt = export("gdelt");
    let rows: Vec<Vec<&str>> = gdelt.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows.len(), 2);
    assert!(rows.iter().all(|r| r.len() == 61));
    assert_eq!(&rows[0][1..4], ["20200904", "202009", "2020"]);
    assert_eq!((rows[0][5], rows[0][7], rows[0][15]), ("RUS", "RUS", "PSE"));
    assert_eq!(
        (rows[0][26], rows[0][28], rows[0][29], rows[0][31], rows[0][32]),
        ("040", "04", "1", "2", "2")
    );
    // ActionGeo_*: type 4 (world city), full name, FIPS country and ADM1 codes, position,
    // GeoNames feature id; the unlocated event leaves them empty.
    assert_eq!(
        &rows[0][51..59],
        ["4", "Moscow, Russia", "RS", "RS48", "", "55.752", "37.6178", "524901"]
    );
    assert!(rows[1][51..59].iter().all(|f| f.is_empty()), "{:?}", rows[1]);
    let csv = export("csv");
    assert_eq!(csv.lines().count(), 3);
    assert!(csv.starts_with("event_id,run,date,"));
    assert!(csv.lines().nth(1).unwrap().contains(",Moscow,RUS,55.752,37.6178,city,"), "{csv}");
    let jsonl = export("jsonl");
    let first: serde_json::Value = serde_json::from_str(jsonl.lines().next().unwrap()).unwrap();
    assert_eq!(
        (first["code"].as_str(), first["first_report"].as_str()),
        (Some("040"), Some("2020-09-04"))
    );
}

/// Seconds-based seed for kill delays; printed so a failure can be reproduced by reading it.
fn seed() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos() as u64
        | 1
}

#[test]
fn a_killed_ingest_leaves_a_consistent_store_and_a_rerun_completes_it() {
    let Some(corpus) = dyad_testdata::path("corpus/reuters-21578/articles.jsonl") else { return };
    let dir = TestDir::new("kill");
    let lines: Vec<String> = std::io::BufReader::new(std::fs::File::open(corpus).unwrap())
        .lines()
        .take(300)
        .map(Result::unwrap)
        .collect();
    dir.create("articles.jsonl", lines.join("\n") + "\n");
    let ingest = |store: &str| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_dyad"));
        command
            .current_dir(&dir.path)
            .args(["ingest", "--store", store, "--batch", "4", "--threads", "2", "articles.jsonl"])
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        command
    };
    let started = Instant::now();
    assert!(ingest("full.db").status().unwrap().success());
    let full_time = started.elapsed();
    let full = SqliteStore::open(&dir.path.join("full.db")).unwrap().counts().unwrap();
    assert!(full.articles >= 290, "{full:?}");

    // Each round kills a fresh ingest at a random moment of a full run's duration, checks the
    // store, then reruns it to completion and compares it with the uninterrupted one.
    let full_export =
        dir.command(&["export", "--store", "full.db", "--format", "jsonl"]).run().stdout;
    let mut state = seed();
    for round in 0..5 {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let delay = Duration::from_micros(state % (full_time.as_micros() as u64 + 1));
        let name = format!("killed-{round}.db");
        let mut child = ingest(&name).spawn().unwrap();
        std::thread::sleep(delay);
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        let path = dir.path.join(&name);
        if path.exists() {
            let store = SqliteStore::open(&path).unwrap();
            assert_eq!(store.check().unwrap(), Vec::<String>::new(), "killed after {delay:?}");
            let articles = store.counts().unwrap().articles;
            assert!(articles <= full.articles);
            eprintln!("killed after {delay:?}: {articles} of {} articles stored", full.articles);
        }
        assert!(ingest(&name).status().unwrap().success(), "rerun after a kill at {delay:?}");
        let store = SqliteStore::open(&path).unwrap();
        assert_eq!(store.check().unwrap(), Vec::<String>::new());
        assert_eq!(store.counts().unwrap(), full, "killed after {delay:?}");
        let export = dir.command(&["export", "--store", &name, "--format", "jsonl"]).run().stdout;
        assert_eq!(export, full_export, "the same events whether or not the ingest was killed");
    }
}
