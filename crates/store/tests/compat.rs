//! The stores committed in `tests/compat/vN.db`, each written by format version N with the same
//! content, must keep opening (migrated) and reading the same. `DYAD_WRITE_COMPAT=1 cargo test
//! -p dyad-store compat` writes the current version's file; older files are frozen.

use std::path::PathBuf;

use dyad_model::PartialDate;
use dyad_store::{DedupConfig, EventFilter, Group, SqliteStore, Storage, Versions};

use crate::fixtures::{TempDir, article, day, event, record};

fn fixture(version: u32) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("tests/compat/v{version}.db"))
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
fn stores_of_every_format_version_open_and_read() {
    if std::env::var_os("DYAD_WRITE_COMPAT").is_some() {
        write_fixture(&fixture(dyad_store::FORMAT_VERSION));
    }
    for version in 1..=dyad_store::FORMAT_VERSION {
        check_fixture(version);
    }
}

fn check_fixture(version: u32) {
    // Work on a copy: opening migrates the file, and the committed one must stay as written.
    let dir = TempDir::new(&format!("compat-{version}"));
    let copy = dir.0.join("store.db");
    std::fs::copy(fixture(version), &copy).expect("tests/compat/vN.db is committed");
    let store = SqliteStore::open(&copy).unwrap();
    assert_eq!(store.format_version().unwrap(), dyad_store::FORMAT_VERSION);
    assert_eq!(store.check().unwrap(), Vec::<String>::new(), "v{version}");
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
    // Version 3 copied each event's coordinates from its first mention: the box finds it.
    let boxed = EventFilter {
        bbox: Some(dyad_store::BoundingBox::parse("35,32,37,34").unwrap()),
        ..EventFilter::default()
    };
    let places = store.places(&boxed, 10).unwrap();
    assert_eq!(places.len(), 1, "v{version}");
    assert_eq!((places[0].name.as_str(), places[0].lat, places[0].events), ("Damascus", 33.5, 1));
    let actors = store.aggregate(&EventFilter::default(), None, Some(Group::Actor)).unwrap();
    let ranked: Vec<_> =
        actors.iter().map(|r| (r.actor.clone().unwrap(), r.events, r.mentions)).collect();
    assert_eq!(ranked[0], ("PSE".to_string(), 1, 2), "v{version}: {ranked:?}");
    assert_eq!(actors.len(), 4);
    // Version 3 lists actors from their totals, with a text each (backfilled on migration).
    let listed = store.actors("", 10).unwrap();
    assert_eq!((listed.len(), listed[0].code.as_str()), (4, "PSE"), "v{version}: {listed:?}");
    assert!(listed.iter().all(|a| !a.text.is_empty()), "v{version}: {listed:?}");
    assert_eq!(store.actors("SY", 10).unwrap().len(), 2, "SYR and SYRREB");
    let runs = store.runs().unwrap();
    assert_eq!((runs[0].versions.dictionaries.as_str(), runs[0].current), ("compat", true));
}
