//! The store committed in `tests/compat/v1.db`, written by format version 1, must keep opening
//! and reading the same. `DYAD_WRITE_COMPAT=1 cargo test -p dyad-store compat` rewrites it (only
//! ever for a new version's file; v1.db is frozen).

use std::path::PathBuf;

use dyad_model::PartialDate;
use dyad_store::{DedupConfig, EventFilter, Group, SqliteStore, Storage, Versions};

use crate::fixtures::{TempDir, article, day, event, record};

fn fixture() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/compat/v1.db")
}

fn write_fixture(path: &std::path::Path) {
    let _ = std::fs::remove_file(path);
    let mut store = SqliteStore::open(path).unwrap();
    let run = store
        .create_run(&Versions { dyad: "0.1.0".into(), dictionaries: "compat".into() })
        .unwrap();
    let on = |m, dd| Some(PartialDate::Day(day(m, dd)));
    let batch = vec![
        record(
            article("c1", "tass", day(9, 4), "Russia met Palestine. Syria shelled Idlib."),
            |a| {
                vec![
                    event(a, 0, "RUS", Some("PSE"), "040", on(9, 4)),
                    event(a, 1, "SYR", Some("SYRREB"), "190", on(9, 4)),
                ]
            },
        ),
        record(article("c2", "reuters", day(9, 5), "Russia met Palestine in Moscow."), |a| {
            vec![event(a, 0, "RUS", Some("PSE"), "040", on(9, 5))]
        }),
    ];
    store.write_articles(run, &batch, DedupConfig::default()).unwrap();
}

#[test]
fn version_1_store_still_opens_and_reads() {
    if std::env::var_os("DYAD_WRITE_COMPAT").is_some() {
        write_fixture(&fixture());
    }
    // Work on a copy: opening may migrate the file, and the committed one must stay as written.
    let dir = TempDir::new("compat");
    let copy = dir.0.join("v1.db");
    std::fs::copy(fixture(), &copy).expect("tests/compat/v1.db is committed");
    let store = SqliteStore::open(&copy).unwrap();
    assert_eq!(store.check().unwrap(), Vec::<String>::new());
    let mut events = Vec::new();
    store
        .events(&EventFilter::default(), true, &mut |e| {
            events.push(e);
            Ok(())
        })
        .unwrap();
    assert_eq!(events.len(), 2);
    assert_eq!(
        (events[0].event.code.as_str(), events[0].mention_count, events[0].source_count),
        ("040", 2, 2)
    );
    assert_eq!(events[0].mentions[1].event.article_id, "c2");
    assert_eq!(events[1].event.location.as_ref().unwrap().name, "Damascus");
    let actors = store.aggregate(&EventFilter::default(), None, Some(Group::Actor)).unwrap();
    assert_eq!(actors.len(), 4);
    let runs = store.runs().unwrap();
    assert_eq!((runs[0].versions.dictionaries.as_str(), runs[0].current), ("compat", true));
}
