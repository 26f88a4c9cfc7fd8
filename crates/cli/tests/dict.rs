//! `dyad dict check` and `dyad dict lookup` on small dyad-format sets and the PETRARCH files.

use crate::util::TestDir;

const SET: &str = "@format dyad-dictionary 1
@version 2026.11.29
@licence CC0-1.0
actor Russia | Russian Federation = RUS
actor Mikhail Bogdanov | Bogdanov
    RUSGOV 2011-06-24..
    RUSELI
agent foreign minister | deputy foreign minister = GOV
synset &talks = talks | negotiations
verb meet | hold talks = 040
    pattern * &talks (with +) = 040
noun phone call = 040
discard football
issue ELECTIONS = election
";

#[test]
fn check_counts_a_clean_set() {
    let dir = TestDir::new("dict-check");
    std::fs::create_dir_all(dir.path.join("set")).unwrap();
    std::fs::write(dir.path.join("set/main.dyad"), SET).unwrap();
    let out = dir.command(&["dict", "check", "set", "--json"]).run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    let counts = &out.json_lines()[0];
    assert_eq!(counts["actors"], 2);
    assert_eq!(counts["actor_synonyms"], 2);
    assert_eq!(counts["agents"], 1);
    assert_eq!(counts["verbs"], 2);
    assert_eq!(counts["verb_patterns"], 1);
    assert_eq!(counts["synsets"], 1);
    assert_eq!(counts["discards"], 1);
    assert_eq!(counts["issues"], 1);
    assert_eq!(counts["errors"], 0);
}

#[test]
fn check_reports_bad_lines_with_file_and_line() {
    let dir = TestDir::new("dict-bad");
    std::fs::create_dir_all(dir.path.join("set")).unwrap();
    let bad = format!("{SET}agent minister\nverb go\n    pattern * &nothing = 010\n");
    std::fs::write(dir.path.join("set/a.dyad"), bad).unwrap();
    let out = dir.command(&["dict", "check", "set"]).run();
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("a.dyad:15: "), "{}", out.stderr);
    assert!(out.stderr.contains("a.dyad:17: undefined synset &nothing"), "{}", out.stderr);
    let missing = dir.command(&["dict", "check", "nowhere"]).run();
    assert_eq!(missing.code, 2);
}

#[test]
fn lookup_resolves_dated_codes() {
    let dir = TestDir::new("dict-lookup");
    std::fs::create_dir_all(dir.path.join("set")).unwrap();
    std::fs::write(dir.path.join("set/main.dyad"), SET).unwrap();
    let run = |date: &str| {
        let out = dir
            .command(&[
                "dict",
                "lookup",
                "Mikhail Bogdanov",
                "--date",
                date,
                "--dictionaries",
                "set",
            ])
            .run();
        assert_eq!(out.code, 0, "{}", out.stderr);
        out.json_lines()
    };
    let hits = run("2020-09-04");
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0]["kind"], "actor");
    assert_eq!(hits[0]["code"], "RUSGOV");
    assert_eq!(hits[0]["origin"][0], "main.dyad:5");
    assert_eq!(hits[0]["entry"], "Mikhail Bogdanov");
    assert_eq!(hits[0]["code_origin"], "main.dyad:6");
    assert_eq!(run("2010-01-01")[0]["code"], "RUSELI");
    let agent = dir
        .command(&[
            "dict",
            "lookup",
            "Russian Federation deputy foreign ministers",
            "--dictionaries",
            "set",
        ])
        .run();
    let kinds: Vec<String> =
        agent.json_lines().iter().map(|v| v["kind"].as_str().unwrap().to_string()).collect();
    // "ministers" matches the agent through the lemma `lookup` guesses.
    assert_eq!(kinds, ["actor", "agent"]);
    let agent = &agent.json_lines()[1];
    assert_eq!(agent["entry"], "foreign minister");
    assert_eq!(agent["text"], "deputy foreign ministers");
    assert_eq!(agent["code"], "~GOV");
    let none = dir.command(&["dict", "lookup", "nobody", "--dictionaries", "set"]).run();
    assert_eq!(none.code, 1);
    assert!(none.stdout.is_empty());
}

#[test]
fn check_petrarch_phoenix_set() {
    let names = [
        "CAMEO.2.0.txt",
        "Phoenix.Countries.actors.txt",
        "Phoenix.International.actors.txt",
        "Phoenix.MilNonState.actors.txt",
        "Phoenix.agents.txt",
        "Phoenix.discards.txt",
        "Phoenix.IssueCoding.txt",
    ];
    let dir = TestDir::new("dict-phoenix");
    std::fs::create_dir_all(dir.path.join("phoenix")).unwrap();
    for name in names {
        let Some(source) = dyad_testdata::path(&format!("petrarch2/dictionaries/{name}")) else {
            return;
        };
        std::os::unix::fs::symlink(source, dir.path.join("phoenix").join(name)).unwrap();
    }
    let out = dir.command(&["dict", "check", "petrarch:phoenix", "--json"]).run();
    // The Phoenix files hold a few genuinely malformed lines, so the exit code is 1.
    assert_eq!(out.code, 1);
    let counts = &out.json_lines()[0];
    assert_eq!(counts["verb_patterns"], 4666);
    assert_eq!(counts["actors"], 27252);
    assert_eq!(counts["agents"], 2243);
    assert_eq!(counts["issues"], 2972);
    assert!(out.stderr.contains("CAMEO.2.0.txt:2374: "), "{}", out.stderr);
    let lookup = dir
        .command(&[
            "dict",
            "lookup",
            "Sergei Lavrov",
            "--date",
            "2020-09-04",
            "--dictionaries",
            "petrarch:phoenix",
        ])
        .run();
    let hits = lookup.json_lines();
    assert_eq!(hits[0]["code"], "RUSGOV");
    assert_eq!(hits[0]["range"], "2004-03-09..");
}

#[test]
fn genre_phrases_are_counted_and_looked_up() {
    let dir = TestDir::new("dict-genre");
    std::fs::create_dir_all(dir.path.join("set")).unwrap();
    let set = format!(
        "{SET}discard-genre sport 2 = coach | top seed\ndiscard-genre sport 2 = fans\ndiscard-genre sport unless = bomb\n"
    );
    std::fs::write(dir.path.join("set/main.dyad"), set).unwrap();
    let out = dir.command(&["dict", "check", "set", "--json"]).run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.json_lines()[0]["genre_phrases"], 3);
    let out = dir.command(&["dict", "lookup", "--dictionaries", "set", "Top Seed"]).run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    let found = &out.json_lines()[0];
    assert_eq!(found["kind"], "genre");
    assert_eq!(found["genre"], "sport");
    assert_eq!(found["at_least"], 2);
    assert_eq!(found["genre_origin"], "main.dyad:15");
    let out = dir.command(&["dict", "lookup", "--dictionaries", "set", "bomb"]).run();
    assert_eq!(out.json_lines()[0]["kind"], "genre-unless", "{}", out.stdout);
}
