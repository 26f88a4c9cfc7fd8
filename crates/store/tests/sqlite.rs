//! The file backend: persistence across opens, invariant checks, foreign and newer files.

use dyad_store::{DedupConfig, EventFilter, SqliteStore, Storage, StoreError, Versions};

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
    assert_eq!(store.check().unwrap().len(), 1, "{:?}", store.check());
    assert!(matches!(store.verify(), Err(StoreError::DataCorruption(_))));
}
