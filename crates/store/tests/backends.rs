//! One scenario, two backends: deduplication, idempotence, replacement, filters, aggregates and
//! runs behave the same on the in-memory twin and on SQLite, and as specified.

use dyad_model::PartialDate;
use dyad_store::{
    AggregateRow, BoundingBox, CodedRecord, DedupConfig, EventFilter, Group, MemoryStore, Period,
    SqliteStore, Storage, StoredEvent, Versions,
};

use crate::fixtures::{TempDir, article, day, event, record};

fn d(m: u8, dd: u8) -> Option<PartialDate> {
    Some(PartialDate::Day(day(m, dd)))
}

fn versions(v: &str) -> Versions {
    Versions { dyad: v.into(), dictionaries: "test".into() }
}

fn events(store: &impl Storage, filter: &EventFilter) -> Vec<StoredEvent> {
    let mut out = Vec::new();
    store
        .events(filter, true, &mut |e| {
            out.push(e);
            Ok(())
        })
        .unwrap();
    out
}

fn ids(store: &impl Storage, filter: EventFilter) -> Vec<(String, String)> {
    events(store, &filter)
        .into_iter()
        .map(|e| (e.event.source.code.clone(), e.event.code.clone()))
        .collect()
}

fn first_batch() -> Vec<CodedRecord> {
    vec![
        record(
            article(
                "a1",
                "tass",
                day(9, 4),
                "Russia met Palestine in Moscow. Syria shelled Idlib today.",
            ),
            |a| {
                vec![
                    event(a, 0, "RUS", Some("PSE"), "040", d(9, 4)),
                    event(a, 1, "SYR", Some("SYRREB"), "190", d(9, 4)),
                ]
            },
        ),
        record(
            article(
                "a2",
                "reuters",
                day(9, 5),
                "Russian diplomats met Palestinian envoys. Talks continue.",
            ),
            |a| {
                vec![
                    event(a, 0, "RUSGOV", Some("PSE"), "040", d(9, 5)),
                    event(a, 0, "RUS", Some("PSE"), "040", d(9, 5)),
                ]
            },
        ),
        record(
            article(
                "a3",
                "reuters",
                day(9, 9),
                "Russia met Palestine again. Russia did not attack Ukraine.",
            ),
            |a| {
                let mut denied = event(a, 1, "RUS", Some("UKR"), "190", d(9, 9));
                denied.negated = true;
                let attack = event(a, 1, "RUS", Some("UKR"), "190", d(9, 9));
                vec![event(a, 0, "RUS", Some("PSE"), "040", d(9, 9)), denied, attack]
            },
        ),
        record(article("a4", "tass", day(9, 10), "Nothing happened. Nothing at all."), |_| vec![]),
        record(
            article("a5", "afp", day(9, 20), "Palestine criticised Israel. Israel hit Gaza."),
            |a| {
                vec![
                    event(a, 0, "PSE", Some("ISR"), "111", Some(PartialDate::Month(2020, 9))),
                    event(a, 1, "ISR", None, "190", None),
                ]
            },
        ),
    ]
}

/// Runs the scenario, asserting the specified behaviour, and returns everything it read so
/// that two backends can be compared.
fn scenario(store: &mut impl Storage) -> Vec<String> {
    let mut transcript = Vec::new();
    let config = DedupConfig { window_days: 1 };
    let run1 = store.create_run(&versions("1")).unwrap();
    let summary = store.write_articles(run1, &first_batch(), config).unwrap();
    assert_eq!((summary.added, summary.mentions), (5, 9));
    // a1 and a2 report RUS-PSE 040 a day apart: one event; a3's, five days later, is another;
    // a3's denied attack is not its attack.
    assert_eq!(summary.new_events, 8, "{summary:?}");
    let all = events(store, &EventFilter::default());
    transcript.push(format!("{all:?}"));
    let meeting = &all[0];
    assert_eq!((meeting.mention_count, meeting.source_count, meeting.article_count), (2, 2, 2));
    assert_eq!((meeting.first_report, meeting.latest_report), (Some(day(9, 4)), Some(day(9, 5))));
    assert_eq!(meeting.mentions[1].event.article_id, "a2");
    assert_eq!(meeting.event.sentence_text, "Russia met Palestine in Moscow.");

    // Same content again: nothing changes.
    let again = store.write_articles(run1, &first_batch(), config).unwrap();
    assert_eq!((again.unchanged, again.mentions, again.added), (5, 0, 0));
    assert_eq!(events(store, &EventFilter::default()), all);

    // Filters.
    let f = EventFilter::default;
    assert_eq!(ids(store, EventFilter { actor: Some("RUS".into()), ..f() }).len(), 5);
    assert_eq!(ids(store, EventFilter { actor: Some("russian".into()), ..f() }).len(), 1);
    assert_eq!(
        ids(store, EventFilter { dyad: Some(("RUS".into(), "PSE".into())), ..f() }).len(),
        3
    );
    assert_eq!(ids(store, EventFilter { code: Some("19".into()), ..f() }).len(), 4);
    assert_eq!(ids(store, EventFilter { root: Some("04".into()), quad: Some(1), ..f() }).len(), 3);
    assert_eq!(ids(store, EventFilter { quad: Some(4), ..f() }).len(), 4);
    assert_eq!(ids(store, EventFilter { country: Some("UKR".into()), ..f() }).len(), 2);
    assert_eq!(ids(store, EventFilter { location: Some("damascus".into()), ..f() }).len(), 1);
    // Location filters read the event's location only, never its actors' countries.
    let located_in = |c: &str| EventFilter { location_country: Some(c.into()), ..f() };
    assert_eq!(ids(store, located_in("SYR")), vec![("SYR".to_string(), "190".to_string())]);
    assert_eq!(ids(store, located_in("RUS")).len(), 0);
    let boxed = |b: &str| EventFilter { bbox: Some(BoundingBox::parse(b).unwrap()), ..f() };
    assert_eq!(ids(store, boxed("35,32,37,34")).len(), 1, "Damascus (36.3 E, 33.5 N)");
    assert_eq!(ids(store, boxed("36.4,32,37,34")).len(), 0, "east of it");
    assert_eq!(ids(store, boxed("170,-90,40,90")).len(), 1, "across the antimeridian");
    assert_eq!(ids(store, boxed("170,-90,30,90")).len(), 0);
    let places = store.places(&f(), 10).unwrap();
    assert_eq!(places.len(), 1);
    assert_eq!(
        (places[0].name.as_str(), places[0].country.as_deref(), places[0].events),
        ("Damascus", Some("SYR"), 1)
    );
    assert_eq!((places[0].lat, places[0].lon, places[0].precision.as_str()), (33.5, 36.3, "city"));
    assert!(store.places(&located_in("RUS"), 10).unwrap().is_empty());
    assert_eq!(
        ids(store, EventFilter { text: Some("PALESTINIAN envoys".into()), ..f() }),
        vec![("RUS".to_string(), "040".to_string()), ("RUSGOV".to_string(), "040".to_string())]
    );
    let window = EventFilter { from: Some(day(9, 5)), to: Some(day(9, 9)), ..f() };
    assert_eq!(ids(store, window.clone()).len(), 4, "a2's own event and a3's three");
    assert_eq!(ids(store, EventFilter { limit: Some(2), ..f() }).len(), 2);
    for filter in [window, EventFilter { text: Some("met".into()), ..f() }] {
        transcript.push(format!("{:?}", ids(store, filter)));
    }

    // Aggregates.
    let by_week = store.aggregate(&EventFilter::default(), Some(Period::Week), None).unwrap();
    let labels: Vec<_> = by_week.iter().map(|r| (r.period.clone().unwrap(), r.events)).collect();
    assert_eq!(labels, vec![("2020-08-31".to_string(), 3), ("2020-09-07".to_string(), 3)]);
    let week1 = &by_week[0];
    assert_eq!((week1.quad, week1.goldstein_sum, week1.mentions), ([2, 0, 0, 1], 1.0, 4));
    assert_eq!(week1.goldstein_mean, Some(1.0 / 3.0));
    let by_month = store.aggregate(&EventFilter::default(), Some(Period::Month), None).unwrap();
    assert_eq!(by_month.len(), 1);
    assert_eq!(by_month[0].events, 8 - 1, "the undated event has no month");
    let actors = store.aggregate(&EventFilter::default(), None, Some(Group::Actor)).unwrap();
    let top: Vec<_> = actors.iter().take(3).map(|r| (r.actor.clone().unwrap(), r.events)).collect();
    assert_eq!(top, vec![("PSE".to_string(), 4), ("RUS".to_string(), 4), ("ISR".to_string(), 2)]);
    let top2 =
        store.aggregate(&EventFilter { limit: Some(2), ..f() }, None, Some(Group::Actor)).unwrap();
    assert_eq!(top2.len(), 2);
    let dyads = store
        .aggregate(&EventFilter { actor: Some("ISR".into()), ..f() }, None, Some(Group::Dyad))
        .unwrap();
    let keys: Vec<_> =
        dyads.iter().map(|r| (r.actor.clone().unwrap(), r.target.clone().unwrap())).collect();
    assert_eq!(
        keys,
        vec![("ISR".to_string(), String::new()), ("PSE".to_string(), "ISR".to_string())]
    );
    for rows in [by_week, by_month, actors, dyads] {
        transcript.push(format!("{:?}", rows.iter().map(AggregateRow::clone).collect::<Vec<_>>()));
    }

    // Changed content replaces the old version's mentions: a2 no longer reports the meeting.
    let mut changed = first_batch().swap_remove(1);
    changed.article.text.push_str(" Edited.");
    changed.events.truncate(1);
    let replaced = store.write_articles(run1, &[changed], config).unwrap();
    assert_eq!((replaced.replaced, replaced.mentions), (1, 1));
    let after = events(store, &EventFilter::default());
    let meeting = &after[0];
    assert_eq!((meeting.mention_count, meeting.latest_report), (1, Some(day(9, 4))));
    transcript.push(format!("{after:?}"));

    // A second run keeps its events apart until accepted.
    let run2 = store.create_run(&versions("2")).unwrap();
    assert_eq!(store.articles_to_code(run2, 100).unwrap().len(), 5);
    let recoded: Vec<CodedRecord> = store
        .articles_to_code(run2, 2)
        .unwrap()
        .into_iter()
        .map(|a| record(a, |a| vec![event(a, 0, "XXX", None, "010", d(9, 1))]))
        .collect();
    let summary = store.write_articles(run2, &recoded, config).unwrap();
    assert_eq!((summary.added, summary.replaced, summary.mentions), (0, 0, 2));
    assert_eq!(store.articles_to_code(run2, 100).unwrap().len(), 3);
    assert_eq!(events(store, &EventFilter::default()).len(), after.len(), "run 1 is still current");
    assert_eq!(events(store, &EventFilter { run: Some(run2), ..f() }).len(), 1);
    assert!(store.discard_run(run1).is_err(), "the current run stays");
    store.accept_run(run2).unwrap();
    assert_eq!(events(store, &EventFilter::default())[0].event.source.code, "XXX");
    let runs = store.runs().unwrap();
    assert_eq!(
        runs.iter().map(|r| (r.id, r.current, r.articles)).collect::<Vec<_>>(),
        vec![(1, false, 5), (2, true, 2)]
    );
    store.discard_run(run1).unwrap();
    assert!(store.accept_run(run1).is_err());
    let counts = store.counts().unwrap();
    assert_eq!((counts.articles, counts.events, counts.mentions), (5, 1, 2));
    transcript.push(format!("{counts:?}"));
    transcript
}

#[test]
fn the_memory_twin_behaves_as_specified() {
    scenario(&mut MemoryStore::new());
}

#[test]
fn sqlite_behaves_as_specified_and_like_the_twin() {
    let dir = TempDir::new("backends");
    let mut sqlite = SqliteStore::open(&dir.0.join("dyad.db")).unwrap();
    let from_sqlite = scenario(&mut sqlite);
    assert_eq!(sqlite.check().unwrap(), Vec::<String>::new());
    let from_memory = scenario(&mut MemoryStore::new());
    for (a, b) in from_sqlite.iter().zip(&from_memory) {
        assert_eq!(a, b);
    }
    assert_eq!(from_sqlite.len(), from_memory.len());
}
