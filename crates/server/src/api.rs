//! The API handlers, and [`ROUTES`]: the one list of routes that the router is built from and
//! the OpenAPI document is checked against.
//!
//! Query parameters are read strictly: an unknown name or a bad value is a 400 with the reason,
//! so a typo never silently widens a query. Filters mean exactly what `dyad query`'s flags mean
//! (the same [`EventFilter`]).

use std::sync::Arc;

use axum::Json;
use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, JsonRejection, PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodRouter, get, post};
use dyad_model::{Article, Date, Span};
use dyad_store::export::{aggregate_json, event_json};
use dyad_store::ingest::{IngestOptions, Ingester};
use dyad_store::{EventFilter, Storage, StoredEvent, query};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::coding::{pipeline_coder, pipeline_versions};
use crate::{ApiError, AppState};

/// Shared state as handlers receive it.
type AppStateRef = State<Arc<AppState>>;

/// One API route: method, path (axum syntax, as in the OpenAPI document) and handler.
pub struct Route {
    /// HTTP method, upper case.
    pub method: &'static str,
    /// Path with `{name}` parameters.
    pub path: &'static str,
    pub(crate) handler: fn() -> MethodRouter<Arc<AppState>>,
}

/// Every API route.
pub const ROUTES: &[Route] = &[
    Route { method: "GET", path: "/api/events", handler: || get(list_events) },
    Route { method: "GET", path: "/api/events/{id}", handler: || get(show_event) },
    Route { method: "GET", path: "/api/aggregate", handler: || get(aggregate) },
    Route { method: "GET", path: "/api/actors", handler: || get(actors) },
    Route { method: "GET", path: "/api/places", handler: || get(places) },
    Route { method: "GET", path: "/api/articles/{id}", handler: || get(show_article) },
    Route { method: "POST", path: "/api/articles", handler: || post(ingest_articles) },
    Route { method: "POST", path: "/api/code", handler: || post(code_text) },
    Route { method: "GET", path: "/api/openapi.json", handler: || get(openapi) },
];

/// Query parameters with the filter ones read, and the rest left for the endpoint.
struct Params {
    filter: EventFilter,
    rest: Vec<(String, String)>,
}

impl Params {
    /// Reads the filter parameters; any other name must be in `extra`.
    fn read(
        query: Result<Query<Vec<(String, String)>>, QueryRejection>,
        extra: &[&str],
    ) -> Result<Params, ApiError> {
        let Query(pairs) = query.map_err(|e| ApiError::bad_request(e.body_text()))?;
        let mut filter = EventFilter::default();
        let mut rest = Vec::new();
        for (name, value) in pairs {
            let text = || -> Option<String> {
                let value = value.trim();
                (!value.is_empty()).then(|| value.to_string())
            };
            let bad = |why: &str| ApiError::bad_request(format!("parameter `{name}`: {why}"));
            let date = || {
                Date::parse_compact(value.trim())
                    .map(Some)
                    .map_err(|e| bad(&format!("{e} (expected YYYY-MM-DD)")))
            };
            match name.as_str() {
                "from" => filter.from = date()?,
                "to" => filter.to = date()?,
                "actor" => filter.actor = text(),
                "dyad" => filter.dyad = Some(query::parse_dyad(&value).map_err(|e| bad(&e))?),
                "code" => filter.code = text(),
                "root" => filter.root = text(),
                "quad" => match value.trim().parse::<u8>() {
                    Ok(q @ 1..=4) => filter.quad = Some(q),
                    _ => return Err(bad("expected 1, 2, 3 or 4")),
                },
                "country" => filter.country = text(),
                "location" => filter.location = text(),
                "location_country" => {
                    let code = value.trim().to_ascii_uppercase();
                    if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
                        return Err(bad("expected an ISO 3166-1 alpha-3 code such as UKR"));
                    }
                    filter.location_country = Some(code);
                }
                "bbox" => {
                    filter.bbox = Some(dyad_store::BoundingBox::parse(&value).map_err(|e| bad(&e))?)
                }
                "text" => filter.text = text(),
                "article" => filter.article = text(),
                "run" => {
                    filter.run = Some(value.trim().parse().map_err(|_| bad("expected a run id"))?)
                }
                other if extra.contains(&other) => rest.push((name, value)),
                _ => return Err(ApiError::bad_request(format!("unknown parameter `{name}`"))),
            }
        }
        Ok(Params { filter, rest })
    }

    fn get(&self, name: &str) -> Option<&str> {
        self.rest.iter().rev().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }

    /// The `limit` parameter: 1 to `max`, `default` when absent.
    fn limit(&self, default: usize, max: usize) -> Result<usize, ApiError> {
        match self.get("limit") {
            None => Ok(default),
            Some(text) => match text.trim().parse::<usize>() {
                Ok(n) if (1..=max).contains(&n) => Ok(n),
                _ => Err(ApiError::bad_request(format!("parameter `limit`: expected 1 to {max}"))),
            },
        }
    }
}

/// Runs blocking work (store, coder) off the async threads; a panic in it becomes a 500.
async fn blocking<T: Send + 'static>(
    state: &Arc<AppState>,
    work: impl FnOnce(&AppState) -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    let state = Arc::clone(state);
    tokio::task::spawn_blocking(move || work(&state))
        .await
        .map_err(|_| ApiError::internal("the request failed inside the server"))?
}

fn lock(state: &AppState) -> std::sync::MutexGuard<'_, dyad_store::SqliteStore> {
    // A panic while holding the lock cannot leave the store half-written (writes are
    // transactions), so a poisoned lock is still safe to use.
    state.store.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// A connection for reading: a free reader if any, else the next one in turn (or the writer
/// when there are no readers).
fn read(state: &AppState) -> std::sync::MutexGuard<'_, dyad_store::SqliteStore> {
    let readers = &state.readers;
    if readers.is_empty() {
        return lock(state);
    }
    let first = state.next_reader.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    for k in 0..readers.len() {
        match readers[(first + k) % readers.len()].try_lock() {
            Ok(guard) => return guard,
            Err(std::sync::TryLockError::Poisoned(poisoned)) => return poisoned.into_inner(),
            Err(std::sync::TryLockError::WouldBlock) => {}
        }
    }
    readers[first % readers.len()].lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

async fn list_events(
    State(state): AppStateRef,
    query: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> Result<Json<Value>, ApiError> {
    let params = Params::read(query, &["limit", "after"])?;
    let limit = params.limit(state.config.default_page, state.config.max_page)?;
    let mut filter = params.filter.clone();
    if let Some(after) = params.get("after") {
        let after = after.trim().parse().map_err(|_| {
            ApiError::bad_request("parameter `after`: expected an event id (`next_after`)")
        })?;
        filter.after = Some(after);
    }
    // One more than a page tells whether there is a next page.
    filter.limit = Some(limit + 1);
    let events = blocking(&state, move |state| {
        let mut events = Vec::new();
        read(state).events(&filter, false, &mut |event| {
            events.push(event);
            Ok(())
        })?;
        Ok(events)
    })
    .await?;
    let more = events.len() > limit;
    let page: Vec<Value> = events.iter().take(limit).map(event_json).collect();
    let next_after = if more { events.get(limit - 1).map(|e| e.id) } else { None };
    Ok(Json(json!({"events": page, "next_after": next_after})))
}

/// A span of the article as a highlight within its sentence, when it lies inside it.
fn highlight(role: &str, span: Span, sentence: Span, article_text: &str) -> Option<Value> {
    if span.start < sentence.start || span.end > sentence.end || span.start >= span.end {
        return None;
    }
    let text = article_text.get(span.start..span.end)?;
    Some(json!({
        "role": role,
        "start": span.start - sentence.start,
        "end": span.end - sentence.start,
        "text": text,
    }))
}

/// The mentions of an event, each with its sentence and the highlighted spans in it.
fn mention_details(
    store: &dyad_store::SqliteStore,
    event: &StoredEvent,
) -> Result<Value, ApiError> {
    let mut details = Vec::new();
    for mention in &event.mentions {
        let e = &mention.event;
        let article = store.article(&e.article_id)?;
        let sentence = article.as_ref().and_then(|a| {
            let span = *a.sentences.get(e.sentence)?;
            a.article.text.get(span.start..span.end).map(|_| (span, a))
        });
        let mut highlights = Vec::new();
        let mut sentence_text = e.sentence_text.clone();
        let mut sentence_start = None;
        if let Some((span, article)) = sentence {
            let text = &article.article.text;
            sentence_text = text[span.start..span.end].to_string();
            sentence_start = Some(span.start);
            let mut spans = vec![("source", e.source.span), ("verb", e.verb_span)];
            if let Some(target) = &e.target {
                spans.push(("target", target.span));
            }
            highlights =
                spans.into_iter().filter_map(|(role, s)| highlight(role, s, span, text)).collect();
        }
        details.push(json!({
            "article_id": e.article_id,
            "sentence": e.sentence,
            "sentence_text": sentence_text,
            "sentence_start": sentence_start,
            "highlights": highlights,
            "rule": e.rule,
            "code": e.code,
            "negated": e.negated,
            "outlet": mention.outlet,
            "report_date": mention.report_date.map(|d| d.to_string()),
        }));
    }
    Ok(Value::Array(details))
}

async fn show_event(
    State(state): AppStateRef,
    id: Result<Path<i64>, PathRejection>,
) -> Result<Json<Value>, ApiError> {
    let Path(id) = id.map_err(|_| ApiError::bad_request("the event id must be an integer"))?;
    let value = blocking(&state, move |state| {
        let store = read(state);
        let Some(event) = store.event(id)? else {
            return Err(ApiError::not_found(format!("no event {id} in the current run")));
        };
        let mut value = event_json(&event);
        value["mentions"] = mention_details(&store, &event)?;
        Ok(value)
    })
    .await?;
    Ok(Json(value))
}

/// Most rows an aggregate answers (a weekly series of twenty years is about 1 000).
const MAX_AGGREGATE_ROWS: usize = 10_000;

async fn aggregate(
    State(state): AppStateRef,
    query: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> Result<Response, ApiError> {
    let params = Params::read(query, &["by", "group", "limit"])?;
    let period = match params.get("by") {
        None => None,
        Some(by) => Some(query::parse_period(by).ok_or_else(|| {
            ApiError::bad_request("parameter `by`: expected day, week, month or year")
        })?),
    };
    let group =
        match params.get("group") {
            None => None,
            Some(group) => Some(query::parse_group(group).ok_or_else(|| {
                ApiError::bad_request("parameter `group`: expected actor or dyad")
            })?),
        };
    let limit = params.limit(MAX_AGGREGATE_ROWS, MAX_AGGREGATE_ROWS)?;
    let mut filter = params.filter.clone();
    filter.limit = Some(limit);
    // The filter, period and group as read are the cache key: equal questions, however spelled.
    let key = format!("{filter:?}|{period:?}|{group:?}");
    let answer = blocking(&state, move |state| {
        let store = read(state);
        let (connection, version) = (connection_id(&store), store.data_version()?);
        if let Some(answer) = cache(state).get(&key, connection, version) {
            return Ok(answer);
        }
        let rows = store.aggregate(&filter, period, group)?;
        let rows: Vec<Value> = rows.iter().map(|row| aggregate_json(row, group)).collect();
        let answer: Arc<str> = json!({"rows": rows}).to_string().into();
        cache(state).put(key, connection, version, Arc::clone(&answer));
        Ok(answer)
    })
    .await?;
    Ok(([(header::CONTENT_TYPE, "application/json")], answer.to_string()).into_response())
}

/// Most places a map request answers.
const MAX_PLACES: usize = 5_000;

/// The places of located events (for the map), cached like aggregates.
async fn places(
    State(state): AppStateRef,
    query: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> Result<Response, ApiError> {
    let params = Params::read(query, &["limit"])?;
    let limit = params.limit(1_000, MAX_PLACES)?;
    let filter = params.filter.clone();
    let key = format!("places|{filter:?}|{limit}");
    let answer = blocking(&state, move |state| {
        let store = read(state);
        let (connection, version) = (connection_id(&store), store.data_version()?);
        if let Some(answer) = cache(state).get(&key, connection, version) {
            return Ok(answer);
        }
        let places: Vec<Value> = store
            .places(&filter, limit)?
            .iter()
            .map(|p| {
                json!({"name": p.name, "country": p.country, "lat": p.lat, "lon": p.lon,
                       "precision": p.precision, "events": p.events})
            })
            .collect();
        let answer: Arc<str> = json!({"places": places}).to_string().into();
        cache(state).put(key, connection, version, Arc::clone(&answer));
        Ok(answer)
    })
    .await?;
    Ok(([(header::CONTENT_TYPE, "application/json")], answer.to_string()).into_response())
}

/// Identifies a connection for the cache: its address, stable while the state lives.
fn connection_id(store: &dyad_store::SqliteStore) -> usize {
    std::ptr::from_ref(store) as usize
}

fn cache(state: &AppState) -> std::sync::MutexGuard<'_, crate::AggregateCache> {
    state.aggregates.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

async fn actors(
    State(state): AppStateRef,
    query: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> Result<Json<Value>, ApiError> {
    let Query(pairs) = query.map_err(|e| ApiError::bad_request(e.body_text()))?;
    if let Some((name, _)) = pairs.iter().find(|(n, _)| n != "q" && n != "limit") {
        return Err(ApiError::bad_request(format!("unknown parameter `{name}`")));
    }
    let params = Params { filter: EventFilter::default(), rest: pairs };
    let limit = params.limit(20, state.config.max_page)?;
    let q = params.get("q").unwrap_or("").to_string();
    let actors = blocking(&state, move |state| Ok(read(state).actors(&q, limit)?)).await?;
    let actors: Vec<Value> = actors
        .iter()
        .map(|a| json!({"code": a.code, "text": a.text, "events": a.events}))
        .collect();
    Ok(Json(json!({"actors": actors})))
}

async fn show_article(
    State(state): AppStateRef,
    id: Result<Path<String>, PathRejection>,
) -> Result<Json<Value>, ApiError> {
    let Path(id) = id.map_err(|e| ApiError::bad_request(e.body_text()))?;
    let max = state.config.max_page;
    let value = blocking(&state, move |state| {
        let store = read(state);
        let Some(stored) = store.article(&id)? else {
            return Err(ApiError::not_found(format!("no article `{id}`")));
        };
        let filter =
            EventFilter { article: Some(id.clone()), limit: Some(max), ..Default::default() };
        let mut events = Vec::new();
        store.events(&filter, true, &mut |event| {
            events.push(event_json(&event));
            Ok(())
        })?;
        let a = &stored.article;
        let sentences: Vec<Value> =
            stored.sentences.iter().map(|s| json!({"start": s.start, "end": s.end})).collect();
        Ok(json!({
            "id": a.id,
            "date": a.date.map(|d| d.to_string()),
            "source": a.source,
            "title": a.title,
            "text": a.text,
            "metadata": a.metadata,
            "sentences": sentences,
            "events": events,
        }))
    })
    .await?;
    Ok(Json(value))
}

/// Body of `POST /api/code`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CodeRequest {
    text: String,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    title: Option<String>,
}

async fn code_text(
    State(state): AppStateRef,
    body: Result<Json<CodeRequest>, JsonRejection>,
) -> Result<Json<Value>, ApiError> {
    let Json(request) =
        body.map_err(|e| ApiError::new(e.status(), format!("request body: {}", e.body_text())))?;
    let date = match request.date.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
        None => None,
        Some(text) => Some(Date::parse_compact(text).map_err(|e| {
            ApiError::bad_request(format!("field `date`: {e} (expected YYYY-MM-DD)"))
        })?),
    };
    let mut article =
        Article::new(request.id.unwrap_or_else(|| "pasted".to_string()), request.text);
    article.date = date;
    article.title = request.title;
    let value = blocking(&state, move |state| {
        let coded = state.pipeline.code_article(&article);
        let sentences: Vec<Value> = coded
            .document
            .sentences
            .iter()
            .map(|s| json!({"start": s.span.start, "end": s.span.end}))
            .collect();
        let events: Vec<Value> = coded.events.iter().map(|e| e.to_json()).collect();
        let diagnostics: Vec<String> = coded.diagnostics.iter().map(|d| d.to_string()).collect();
        Ok(json!({
            "id": article.id,
            "text": article.text,
            "sentences": sentences,
            "events": events,
            "diagnostics": diagnostics,
        }))
    })
    .await?;
    Ok(Json(value))
}

/// Checks `Authorization: Bearer <token>` against the configured token.
fn authorize(state: &AppState, headers: &HeaderMap) -> Result<(), ApiError> {
    let Some(token) = &state.config.token else {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "writes are disabled: start the server with --token or DYAD_TOKEN",
        ));
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim);
    // Compare every byte so the time taken does not tell how much of a guess was right.
    let equal = given.is_some_and(|given| {
        given.len() == token.len()
            && given.bytes().zip(token.bytes()).fold(0u8, |acc, (a, b)| acc | (a ^ b)) == 0
    });
    if equal {
        Ok(())
    } else {
        Err(ApiError::new(StatusCode::UNAUTHORIZED, "missing or wrong bearer token"))
    }
}

/// Articles of an ingest body: a JSON array of article objects, or JSON Lines.
fn read_articles(body: &[u8]) -> (Vec<Article>, Vec<String>) {
    let mut articles = Vec::new();
    let mut problems = Vec::new();
    let trimmed = body.trim_ascii();
    if trimmed.starts_with(b"[") {
        match serde_json::from_slice::<Vec<Value>>(trimmed) {
            Ok(values) => {
                for (index, value) in values.iter().enumerate() {
                    match dyad_ingest::parse_json_article(value.to_string().as_bytes()) {
                        Ok(article) => articles.push(article),
                        Err((message, _)) => problems.push(format!("item {index}: {message}")),
                    }
                }
            }
            Err(error) => problems.push(format!("body: {error}")),
        }
    } else {
        for (index, line) in trimmed.split(|&b| b == b'\n').enumerate() {
            if line.trim_ascii().is_empty() {
                continue;
            }
            match dyad_ingest::parse_json_article(line) {
                Ok(article) => articles.push(article),
                Err((message, _)) => problems.push(format!("line {}: {message}", index + 1)),
            }
        }
    }
    (articles, problems)
}

async fn ingest_articles(
    State(state): AppStateRef,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    authorize(&state, &headers)?;
    let body =
        body.map_err(|e| ApiError::new(e.status(), format!("request body: {}", e.body_text())))?;
    let (articles, problems) = read_articles(&body);
    if articles.is_empty() {
        let why = problems.first().cloned().unwrap_or_else(|| "no articles".to_string());
        return Err(ApiError::bad_request(format!(
            "no valid article in the body (a JSON array of articles or JSON Lines): {why}"
        )));
    }
    let tally = blocking(&state, move |state| {
        let mut store = lock(state);
        let run = match store.current_run()? {
            Some(run) => run.id,
            None => store.create_run(&pipeline_versions())?,
        };
        let options = IngestOptions { threads: 1, ..IngestOptions::default() };
        let mut ingester =
            Ingester::new(&mut *store, run, pipeline_coder(&state.pipeline), options);
        for article in articles {
            ingester.push(article)?;
        }
        let tally = ingester.finish();
        cache(state).clear();
        Ok(tally?)
    })
    .await?;
    let w = tally.written;
    Ok((
        StatusCode::CREATED,
        Json(json!({
            "read": tally.read,
            "added": w.added,
            "replaced": w.replaced,
            "unchanged": tally.skipped,
            "events": tally.events,
            "new_events": w.new_events,
            "problems": problems,
        })),
    ))
}

async fn openapi() -> Json<Value> {
    Json(crate::openapi::document())
}
