//! API tests of dyad-server: requests through the router (tower `oneshot`) over a store filled
//! with hand-made events, so they test the HTTP layer, not the coder's choices. The dashboard in a
//! real browser is tested by `scripts/browser-test`.

use std::collections::BTreeSet;

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use dyad_model::{Article, Date, DateBasis, Event, EventActor, Location, PartialDate, Span};
use dyad_server::{ServerConfig, api, router};
use dyad_store::{CodedRecord, DedupConfig, SqliteStore, Storage, Versions};
use serde_json::Value;
use tower::ServiceExt;

const TEXT: &str =
    "Russia accused Ukraine of shelling. Germany praised France warmly. Russia attacked Ukraine.";

/// The span of the first `word` at or after `from` in `TEXT`.
fn span_of(word: &str, from: usize) -> Span {
    let start = from + TEXT[from..].find(word).expect("word in text");
    Span::new(start, start + word.len())
}

fn sentence_spans() -> Vec<Span> {
    let mut spans = Vec::new();
    let mut start = 0;
    for (i, _) in TEXT.match_indices(". ") {
        spans.push(Span::new(start, i + 1));
        start = i + 2;
    }
    spans.push(Span::new(start, TEXT.len()));
    spans
}

fn event(sentence: usize, words: [(&str, &str); 2], verb: &str, code: &str, day: u8) -> Event {
    let s = sentence_spans()[sentence];
    let actor = |(code, word): (&str, &str)| EventActor {
        code: code.into(),
        text: word.into(),
        span: span_of(word, s.start),
    };
    let quad = match &code[..2] {
        "11" | "12" => 3,
        "18" | "19" => 4,
        _ => 1,
    };
    Event {
        article_id: "a1".into(),
        sentence,
        index_in_sentence: 0,
        sentence_text: TEXT[s.start..s.end].into(),
        date: Some(PartialDate::Day(Date::new(2020, 9, day).unwrap())),
        date_basis: DateBasis::Article,
        historical: false,
        source: actor(words[0]),
        target: Some(actor(words[1])),
        code: code.into(),
        root: code[..2].into(),
        quad_class: Some(quad),
        goldstein: Some(if quad == 1 { 3.4 } else { -5.0 }),
        plover: None,
        verb_text: verb.into(),
        verb_span: span_of(verb, s.start),
        // The Russia-Ukraine sentences happen in Kyiv, the other in Paris.
        location: Some(if sentence == 1 {
            Location {
                name: "Paris".into(),
                country: Some("FRA".into()),
                lat: Some(48.8534),
                lon: Some(2.3488),
                precision: "city".into(),
            }
        } else {
            Location {
                name: "Kyiv".into(),
                country: Some("UKR".into()),
                lat: Some(50.4547),
                lon: Some(30.5238),
                precision: "city".into(),
            }
        }),
        negated: false,
        rule: format!("test.verbs:{}", sentence + 1),
        dyad_version: "test".into(),
        dictionaries_version: "test".into(),
    }
}

fn store() -> SqliteStore {
    let mut store = SqliteStore::open(std::path::Path::new(":memory:")).unwrap();
    let run =
        store.create_run(&Versions { dyad: "test".into(), dictionaries: "test".into() }).unwrap();
    let mut article = Article::new("a1".to_string(), TEXT.to_string());
    article.date = Some(Date::new(2020, 9, 4).unwrap());
    let events = vec![
        event(0, [("RUS", "Russia"), ("UKR", "Ukraine")], "accused", "112", 4),
        event(1, [("DEU", "Germany"), ("FRA", "France")], "praised", "051", 4),
        event(2, [("RUS", "Russia"), ("UKR", "Ukraine")], "attacked", "190", 14),
    ];
    let record = CodedRecord { article, sentences: sentence_spans(), events };
    store.write_articles(run, &[record], DedupConfig::default()).unwrap();
    store
}

fn app(token: Option<&str>) -> Router {
    let config = ServerConfig {
        token: token.map(str::to_string),
        max_body_bytes: 4096,
        ..ServerConfig::default()
    };
    router(store(), config)
}

/// Sends a request; returns the status and the body as JSON (Null when not JSON).
async fn send(app: &Router, request: Request<Body>) -> (StatusCode, Value) {
    let response = app.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let bytes = axum::body::to_bytes(response.into_body(), usize::MAX).await.unwrap();
    (status, serde_json::from_slice(&bytes).unwrap_or(Value::Null))
}

async fn get(app: &Router, uri: &str) -> (StatusCode, Value) {
    send(app, Request::get(uri).body(Body::empty()).unwrap()).await
}

async fn post(app: &Router, uri: &str, token: Option<&str>, body: &str) -> (StatusCode, Value) {
    let mut request = Request::post(uri).header("content-type", "application/json");
    if let Some(token) = token {
        request = request.header("authorization", format!("Bearer {token}"));
    }
    send(app, request.body(Body::from(body.to_string())).unwrap()).await
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap()
}

#[test]
fn openapi_documents_exactly_the_routes() {
    runtime().block_on(async {
        let app = app(None);
        let (status, doc) = get(&app, "/api/openapi.json").await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(doc["openapi"], "3.0.3");
        let mut documented = BTreeSet::new();
        for (path, methods) in doc["paths"].as_object().unwrap() {
            for method in methods.as_object().unwrap().keys() {
                documented.insert((method.to_uppercase(), path.clone()));
            }
        }
        let routed: BTreeSet<(String, String)> =
            api::ROUTES.iter().map(|r| (r.method.to_string(), r.path.to_string())).collect();
        assert_eq!(documented, routed);
        // Every route answers something other than the router's own 404 and 405.
        for route in api::ROUTES {
            let uri = route.path.replace("{id}", "1");
            let request = Request::builder().method(route.method).uri(&uri);
            let (status, body) = send(&app, request.body(Body::from("{}")).unwrap()).await;
            let routing_miss = status == StatusCode::METHOD_NOT_ALLOWED
                || body["error"].as_str().is_some_and(|e| e.starts_with("no such route"));
            assert!(!routing_miss, "{} {uri}: {status} {body}", route.method);
        }
    });
}

#[test]
fn events_are_listed_in_pages_with_a_cursor() {
    runtime().block_on(async {
        let app = app(None);
        let (status, page) = get(&app, "/api/events?limit=2").await;
        assert_eq!(status, StatusCode::OK);
        let ids: Vec<i64> = page["events"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["event_id"].as_i64().unwrap())
            .collect();
        assert_eq!(ids.len(), 2);
        let next = page["next_after"].as_i64().unwrap();
        assert_eq!(next, ids[1]);
        let (_, page) = get(&app, &format!("/api/events?limit=2&after={next}")).await;
        assert_eq!(page["events"].as_array().unwrap().len(), 1);
        assert!(page["next_after"].is_null());
        // Filters are those of `dyad query`.
        let (_, page) = get(&app, "/api/events?dyad=RUS,UKR&quad=4").await;
        let events = page["events"].as_array().unwrap();
        assert_eq!(events.len(), 1);
        assert_eq!(events[0]["code"], "190");
        let (_, page) = get(&app, "/api/events?actor=germany&from=2020-09-01&to=2020-09-10").await;
        assert_eq!(page["events"].as_array().unwrap().len(), 1);
        let (_, page) = get(&app, "/api/events?text=shelling").await;
        assert_eq!(page["events"].as_array().unwrap().len(), 1);
    });
}

#[test]
fn an_event_shows_its_sentence_with_highlighted_spans_and_rule() {
    runtime().block_on(async {
        let app = app(None);
        let (_, page) = get(&app, "/api/events?code=190").await;
        let id = page["events"][0]["event_id"].as_i64().unwrap();
        let (status, event) = get(&app, &format!("/api/events/{id}")).await;
        assert_eq!(status, StatusCode::OK);
        let mention = &event["mentions"][0];
        assert_eq!(mention["sentence_text"], "Russia attacked Ukraine.");
        assert_eq!(mention["rule"], "test.verbs:3");
        let sentence = mention["sentence_text"].as_str().unwrap();
        let mut roles = BTreeSet::new();
        for h in mention["highlights"].as_array().unwrap() {
            let (start, end) =
                (h["start"].as_u64().unwrap() as usize, h["end"].as_u64().unwrap() as usize);
            assert_eq!(&sentence[start..end], h["text"].as_str().unwrap());
            roles.insert((
                h["role"].as_str().unwrap().to_string(),
                h["text"].as_str().unwrap().to_string(),
            ));
        }
        let expected: BTreeSet<(String, String)> =
            [("source", "Russia"), ("target", "Ukraine"), ("verb", "attacked")]
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect();
        assert_eq!(roles, expected);
    });
}

#[test]
fn aggregates_actors_and_articles() {
    runtime().block_on(async {
        let app = app(None);
        let (status, agg) = get(&app, "/api/aggregate?by=week&actor=RUS").await;
        assert_eq!(status, StatusCode::OK);
        let rows = agg["rows"].as_array().unwrap();
        assert_eq!(rows.len(), 2, "{agg}");
        assert_eq!(rows[0]["period"], "2020-08-31");
        assert_eq!(rows[0]["quad"], serde_json::json!([0, 0, 1, 0]));
        assert_eq!(rows[1]["quad"], serde_json::json!([0, 0, 0, 1]));
        let (_, agg) = get(&app, "/api/aggregate?group=dyad").await;
        let first = &agg["rows"][0];
        assert_eq!(
            (first["source"].as_str(), first["target"].as_str()),
            (Some("RUS"), Some("UKR"))
        );
        assert_eq!(first["events"], 2);

        let (_, actors) = get(&app, "/api/actors?q=RU").await;
        assert_eq!(actors["actors"][0]["code"], "RUS");
        assert_eq!(actors["actors"][0]["events"], 2);
        let (_, actors) = get(&app, "/api/actors?q=fran").await;
        assert_eq!(actors["actors"].as_array().unwrap().len(), 1);
        assert_eq!(actors["actors"][0]["code"], "FRA");

        let (status, article) = get(&app, "/api/articles/a1").await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(article["text"], TEXT);
        assert_eq!(article["sentences"].as_array().unwrap().len(), 3);
        assert_eq!(article["events"].as_array().unwrap().len(), 3);
        let (status, body) = get(&app, "/api/articles/nope").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert_eq!(body["status"], 404);
    });
}

#[test]
fn located_events_filter_by_country_and_box_and_group_into_places() {
    runtime().block_on(async {
        let app = app(None);
        let (status, places) = get(&app, "/api/places").await;
        assert_eq!(status, StatusCode::OK);
        let places = places["places"].as_array().unwrap().clone();
        assert_eq!(places.len(), 2, "{places:?}");
        assert_eq!(
            (places[0]["name"].as_str(), places[0]["events"].as_u64()),
            (Some("Kyiv"), Some(2))
        );
        assert_eq!(
            (places[0]["lat"].as_f64(), places[0]["precision"].as_str()),
            (Some(50.4547), Some("city"))
        );
        assert_eq!(
            (places[1]["name"].as_str(), places[1]["country"].as_str()),
            (Some("Paris"), Some("FRA"))
        );
        let (_, places) = get(&app, "/api/places?actor=DEU").await;
        assert_eq!(places["places"].as_array().unwrap().len(), 1, "filters apply: {places}");
        let (_, events) = get(&app, "/api/events?bbox=22,44,40.5,52.5").await;
        let events = events["events"].as_array().unwrap().clone();
        assert_eq!(events.len(), 2);
        assert!(events.iter().all(|e| e["location"]["name"] == "Kyiv"));
        let (_, events) = get(&app, "/api/events?location_country=fra").await;
        assert_eq!(events["events"].as_array().unwrap().len(), 1);
        let (_, agg) = get(&app, "/api/aggregate?location_country=UKR").await;
        assert_eq!(agg["rows"][0]["events"], 2);
        let (_, agg) = get(&app, "/api/aggregate?bbox=-5,40,10,50&by=week").await;
        assert_eq!(agg["rows"].as_array().unwrap().len(), 1, "{agg}");
        for uri in [
            "/api/events?bbox=1,2",
            "/api/places?location_country=UK",
            "/api/places?limit=0",
            "/api/aggregate?bbox=0,10,1,5",
        ] {
            let (got, body) = get(&app, uri).await;
            assert_eq!(got, StatusCode::BAD_REQUEST, "{uri}: {body}");
        }
    });
}

#[test]
fn bad_requests_are_json_errors_with_status_codes() {
    runtime().block_on(async {
        let app = app(None);
        for (uri, status) in [
            ("/api/events?quad=9", StatusCode::BAD_REQUEST),
            ("/api/events?colour=red", StatusCode::BAD_REQUEST),
            ("/api/events?from=yesterday", StatusCode::BAD_REQUEST),
            ("/api/events?limit=0", StatusCode::BAD_REQUEST),
            ("/api/events?limit=100000", StatusCode::BAD_REQUEST),
            ("/api/events?after=x", StatusCode::BAD_REQUEST),
            ("/api/events?dyad=RUS", StatusCode::BAD_REQUEST),
            ("/api/events/abc", StatusCode::BAD_REQUEST),
            ("/api/events/99999999999999999999", StatusCode::BAD_REQUEST),
            ("/api/events/424242", StatusCode::NOT_FOUND),
            ("/api/events/-1", StatusCode::NOT_FOUND),
            ("/api/aggregate?by=fortnight", StatusCode::BAD_REQUEST),
            ("/api/aggregate?group=country", StatusCode::BAD_REQUEST),
            ("/api/actors?q=x&sort=up", StatusCode::BAD_REQUEST),
            ("/api/nothing", StatusCode::NOT_FOUND),
        ] {
            let (got, body) = get(&app, uri).await;
            assert_eq!(got, status, "{uri}: {body}");
            assert_eq!(body["status"], status.as_u16(), "{uri}: {body}");
            assert!(body["error"].as_str().is_some_and(|e| !e.is_empty()), "{uri}");
        }
        // Odd but valid filters are answered, not failed.
        for uri in [
            "/api/events?text=%22%20OR%20*",
            "/api/events?text=%FF%FE",
            "/api/events?text=!!!",
            "/api/events?actor=%25&code=%27%3B",
            "/api/events?after=-9223372036854775808",
            "/api/aggregate?by=day&from=9999-12-31",
            "/api/actors?q=",
        ] {
            let (got, body) = get(&app, uri).await;
            assert_eq!(got, StatusCode::OK, "{uri}: {body}");
        }
        let (got, _) =
            send(&app, Request::delete("/api/events").body(Body::empty()).unwrap()).await;
        assert_eq!(got, StatusCode::METHOD_NOT_ALLOWED);
    });
}

#[test]
fn writes_need_the_configured_token() {
    runtime().block_on(async {
        let article = r#"{"id": "a2", "date": "2020-09-05", "text": "France thanked Germany."}"#;
        let closed = app(None);
        let (status, body) = post(&closed, "/api/articles", Some("anything"), article).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
        let open = app(Some("s3cret"));
        assert_eq!(post(&open, "/api/articles", None, article).await.0, StatusCode::UNAUTHORIZED);
        assert_eq!(
            post(&open, "/api/articles", Some("s3cret!"), article).await.0,
            StatusCode::UNAUTHORIZED
        );
        let (status, body) = post(&open, "/api/articles", Some("s3cret"), article).await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
        assert_eq!(body["added"], 1);
        let (status, stored) = get(&open, "/api/articles/a2").await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(stored["text"], "France thanked Germany.");
        let (status, body) = post(&open, "/api/articles", Some("s3cret"), "[{\"id\": 3}]").await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    });
}

#[test]
fn code_returns_events_without_storing_and_bodies_are_limited() {
    runtime().block_on(async {
        let app = app(None);
        let (status, coded) =
            post(&app, "/api/code", None, r#"{"text": "Iran met Turkey. Both sides talked."}"#)
                .await;
        assert_eq!(status, StatusCode::OK, "{coded}");
        assert_eq!(coded["sentences"].as_array().unwrap().len(), 2);
        assert!(coded["events"].is_array());
        let (_, article) = get(&app, "/api/articles/pasted").await;
        assert_eq!(article["status"], 404, "coding must not store");
        for body in ["not json", "{\"txt\": \"x\"}", "{\"text\": \"x\", \"date\": \"soon\"}"] {
            let (status, error) = post(&app, "/api/code", None, body).await;
            assert!(status.is_client_error(), "{body}: {status}");
            assert!(error["error"].is_string(), "{body}");
        }
        let big = format!("{{\"text\": \"{}\"}}", "a".repeat(5000));
        let (status, error) = post(&app, "/api/code", None, &big).await;
        assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{error}");
        assert_eq!(error["status"], 413);
    });
}

#[test]
fn the_dashboard_is_served_from_the_binary() {
    runtime().block_on(async {
        let app = app(None);
        for (uri, kind, needle) in [
            ("/", "text/html", "/app.js"),
            ("/app.js", "text/javascript", "/api/aggregate"),
            ("/style.css", "text/css", "mark.source"),
        ] {
            let response =
                app.clone().oneshot(Request::get(uri).body(Body::empty()).unwrap()).await.unwrap();
            assert_eq!(response.status(), StatusCode::OK);
            let content_type = response.headers()["content-type"].to_str().unwrap().to_string();
            assert!(content_type.starts_with(kind), "{uri}: {content_type}");
            let bytes = axum::body::to_bytes(response.into_body(), usize::MAX).await.unwrap();
            assert!(String::from_utf8_lossy(&bytes).contains(needle), "{uri}");
        }
    });
}

#[test]
fn the_demo_store_holds_the_sample_articles() {
    let mut store = SqliteStore::open(std::path::Path::new(":memory:")).unwrap();
    let pipeline = dyad_coder::Pipeline::with_defaults();
    let stored = dyad_server::demo::fill(&mut store, &pipeline).unwrap();
    assert_eq!(stored as usize, dyad_server::demo::sample_articles().len());
    assert!(stored >= 3);
    assert_eq!(store.counts().unwrap().articles, stored);
    // A second start leaves a filled store alone.
    assert_eq!(dyad_server::demo::fill(&mut store, &pipeline).unwrap(), 0);
}

#[test]
fn cached_aggregates_follow_writes_by_other_processes() {
    let path = std::env::temp_dir().join(format!("dyad-server-cache-{}.db", std::process::id()));
    let _ = std::fs::remove_file(&path);
    let mut writer = SqliteStore::open(&path).unwrap();
    let run =
        writer.create_run(&Versions { dyad: "test".into(), dictionaries: "test".into() }).unwrap();
    let app = router(SqliteStore::open(&path).unwrap(), ServerConfig::default());
    runtime().block_on(async {
        let (_, before) = get(&app, "/api/aggregate?group=actor").await;
        assert_eq!(before["rows"].as_array().unwrap().len(), 0);
        // Another connection (as `dyad ingest` would) writes events.
        let mut article = Article::new("a1".to_string(), TEXT.to_string());
        article.date = Some(Date::new(2020, 9, 4).unwrap());
        let events = vec![event(0, [("RUS", "Russia"), ("UKR", "Ukraine")], "accused", "112", 4)];
        let record = CodedRecord { article, sentences: sentence_spans(), events };
        writer.write_articles(run, &[record], DedupConfig::default()).unwrap();
        let (_, after) = get(&app, "/api/aggregate?group=actor").await;
        assert_eq!(after["rows"].as_array().unwrap().len(), 2, "{after}");
    });
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
}

#[test]
fn read_connections_see_the_writes_of_the_server() {
    let path = std::env::temp_dir().join(format!("dyad-server-readers-{}.db", std::process::id()));
    let _ = std::fs::remove_file(&path);
    let store = SqliteStore::open(&path).unwrap();
    let readers = (0..2).map(|_| SqliteStore::open(&path).unwrap()).collect();
    let config = ServerConfig { token: Some("t".into()), ..ServerConfig::default() };
    let app = dyad_server::router_with_pipeline(
        store,
        readers,
        dyad_coder::Pipeline::with_defaults(),
        config,
    );
    runtime().block_on(async {
        assert_eq!(get(&app, "/api/articles/r1").await.0, StatusCode::NOT_FOUND);
        let article = r#"{"id": "r1", "date": "2020-09-05", "text": "France thanked Germany."}"#;
        assert_eq!(post(&app, "/api/articles", Some("t"), article).await.0, StatusCode::CREATED);
        for _ in 0..3 {
            let (status, body) = get(&app, "/api/articles/r1").await;
            assert_eq!(status, StatusCode::OK, "{body}");
        }
    });
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
}
