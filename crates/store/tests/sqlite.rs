//! The file backend: persistence across opens, invariant checks, foreign and newer files.

use dyad_store::{DedupConfig, EventFilter, Group, SqliteStore, Storage, StoreError, Versions};

use crate::fixtures::{TempDir, article, day, event, record};

#[test]
fn a_store_persists_and_checks_clean() {
    let dir = TempDir::new("persist");
    let path = dir.0.join("dyad.db");
    {
        let mut store = SqliteStore::open(&path).unwrap();
        let run =
            store.create_run(&Versions { dyad: "1".into(), dictionaries: "d".into() }).unwrap();
        let batch =
            vec![record(article("x", "tass", day(1, 2), "Iran warned Iraq. Nothing else."), |a| {
                vec![event(a, 0, "IRN", Some("IRQ"), "130", None)]
            })];
        store.write_articles(run, &batch, DedupConfig::default()).unwrap();
    }
    let store = SqliteStore::open(&path).unwrap();
    assert_eq!(store.format_version().unwrap(), dyad_store::FORMAT_VERSION);
    assert_eq!(store.check().unwrap(), Vec::<String>::new());
    let counts = store.counts().unwrap();
    assert_eq!((counts.articles, counts.sentences, counts.events), (1, 2, 1));
    let mut n = 0;
    let filter = EventFilter { text: Some("iraq".into()), ..EventFilter::default() };
    store
        .events(&filter, false, &mut |_| {
            n += 1;
            Ok(())
        })
        .unwrap();
    assert_eq!(n, 1, "the full-text index (FTS5) finds the sentence");
    assert!(store.size_on_disk().unwrap() > 0);
}

#[test]
fn foreign_and_newer_files_are_refused() {
    let dir = TempDir::new("foreign");
    let text = dir.0.join("notes.txt");
    std::fs::write(
        &text,
        "this is not a database, just some text long enough to matter\n".repeat(50),
    )
    .unwrap();
    assert!(matches!(SqliteStore::open(&text), Err(StoreError::DataCorruption(_))));

    let other = dir.0.join("other.db");
    {
        let connection = rusqlite::Connection::open(&other).unwrap();
        connection.execute_batch("CREATE TABLE t (x); PRAGMA user_version = 1;").unwrap();
    }
    assert!(matches!(SqliteStore::open(&other), Err(StoreError::DataCorruption(_))));

    let newer = dir.0.join("newer.db");
    drop(SqliteStore::open(&newer).unwrap());
    {
        let connection = rusqlite::Connection::open(&newer).unwrap();
        connection.execute_batch("PRAGMA user_version = 99;").unwrap();
    }
    assert!(matches!(SqliteStore::open(&newer), Err(StoreError::NewerFormat { found: 99, .. })));
}

#[test]
fn check_reports_broken_invariants() {
    let dir = TempDir::new("broken");
    let path = dir.0.join("dyad.db");
    {
        let mut store = SqliteStore::open(&path).unwrap();
        let run =
            store.create_run(&Versions { dyad: "1".into(), dictionaries: "d".into() }).unwrap();
        let batch =
            vec![record(article("x", "tass", day(1, 2), "Iran warned Iraq. Nothing else."), |a| {
                vec![event(a, 0, "IRN", Some("IRQ"), "130", None)]
            })];
        store.write_articles(run, &batch, DedupConfig::default()).unwrap();
    }
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute_batch("UPDATE events SET mention_count = 7")
        .unwrap();
    let store = SqliteStore::open(&path).unwrap();
    let problems = store.check().unwrap();
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems[0].starts_with("actor totals of run 1 disagree"), "{problems:?}");
    assert!(problems[1].starts_with("events whose counts disagree"), "{problems:?}");
    assert!(matches!(store.verify(), Err(StoreError::DataCorruption(_))));
}

#[test]
fn actor_totals_agree_with_a_scan_of_the_events() {
    let dir = TempDir::new("totals");
    let mut store = SqliteStore::open(&dir.0.join("dyad.db")).unwrap();
    let run = store.create_run(&Versions { dyad: "s".into(), dictionaries: "s".into() }).unwrap();
    assert_eq!(store.insert_synthetic(run, dyad_store::synthetic::events(3000, 5)).unwrap(), 3000);
    assert_eq!(store.check().unwrap(), Vec::<String>::new());
    let from_totals = store.aggregate(&EventFilter::default(), None, Some(Group::Actor)).unwrap();
    // A filter that keeps every event takes the scanning path instead of the totals.
    let everything =
        EventFilter { from: Some(day(1, 1).add_days(-3650)), ..EventFilter::default() };
    let from_scan = store.aggregate(&everything, None, Some(Group::Actor)).unwrap();
    assert_eq!(from_totals.len(), from_scan.len());
    for (a, b) in from_totals.iter().zip(&from_scan) {
        assert_eq!(
            (&a.actor, a.events, a.mentions, a.quad),
            (&b.actor, b.events, b.mentions, b.quad)
        );
        assert!((a.goldstein_sum - b.goldstein_sum).abs() < 1e-6);
    }
    assert_eq!(from_totals.iter().map(|r| r.events).sum::<u64>(), 6000 - same_actor_events(&store));
}

/// Events whose target is their source count once in the actor totals.
fn same_actor_events(store: &SqliteStore) -> u64 {
    let mut n = 0;
    store
        .events(&EventFilter::default(), false, &mut |e| {
            n += u64::from(e.event.target.as_ref().is_none_or(|t| t.code == e.event.source.code));
            Ok(())
        })
        .unwrap();
    n
}
