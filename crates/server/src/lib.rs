//! dyad's HTTP API and web dashboard over the event store (`dyad serve`).
//!
//! [`router`] builds the axum application from a [`SqliteStore`] and a [`ServerConfig`]; the
//! routes are listed once in [`api::ROUTES`], from which both the router and the OpenAPI document
//! ([`openapi::document`]) are checked. [`serve`] runs it on a small tokio runtime. Store calls
//! and coding are blocking work: they run on tokio's blocking threads behind one mutex, so a
//! slow query never stalls the accept loop.

pub mod api;
pub mod coding;
pub mod demo;
mod error;
pub mod openapi;
mod web;

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::extract::DefaultBodyLimit;
use dyad_store::SqliteStore;

pub use error::ApiError;

/// Limits and access of a server.
#[derive(Clone, Debug)]
pub struct ServerConfig {
    /// Bearer token that write requests must carry; `None` refuses every write.
    pub token: Option<String>,
    /// Largest request body in bytes.
    pub max_body_bytes: usize,
    /// Largest page of events, and of aggregate or actor rows.
    pub max_page: usize,
    /// Page size when a request gives none.
    pub default_page: usize,
}

impl Default for ServerConfig {
    fn default() -> Self {
        ServerConfig { token: None, max_body_bytes: 1 << 20, max_page: 500, default_page: 50 }
    }
}

/// What every handler shares: the store, the coding pipeline and the configuration.
pub struct AppState {
    store: Mutex<SqliteStore>,
    /// Extra connections to the same file for reads, so that queries run side by side (WAL lets
    /// readers go on while the writer commits); empty for in-memory stores.
    readers: Vec<Mutex<SqliteStore>>,
    next_reader: std::sync::atomic::AtomicUsize,
    pipeline: dyad_coder::Pipeline,
    config: ServerConfig,
    aggregates: Mutex<AggregateCache>,
}

/// Answers of `/api/aggregate` and `/api/places` by normalised query, valid until a commit by
/// another connection (another process) is seen; our own writes clear the cache.
///
/// SQLite's `PRAGMA data_version` is a counter per connection: numbers from two connections are
/// not comparable. So the cache remembers the last number each connection reported, and any
/// change of a connection's number (a commit since that connection last looked) empties it; the
/// first number of a connection empties it too, since that connection cannot tell what changed
/// before it looked.
#[derive(Default)]
pub(crate) struct AggregateCache {
    seen: std::collections::HashMap<usize, i64>,
    answers: std::collections::HashMap<String, Arc<str>>,
}

/// Most cached aggregate answers; the cache is emptied when full (dashboards ask few distinct
/// questions, so a simple bound is enough).
const MAX_CACHED_AGGREGATES: usize = 512;

impl AppState {
    /// State over an open store (and read connections to the same file), coding with `pipeline`.
    pub fn new(
        store: SqliteStore,
        readers: Vec<SqliteStore>,
        pipeline: dyad_coder::Pipeline,
        config: ServerConfig,
    ) -> AppState {
        AppState {
            store: Mutex::new(store),
            readers: readers.into_iter().map(Mutex::new).collect(),
            next_reader: std::sync::atomic::AtomicUsize::new(0),
            pipeline,
            config,
            aggregates: Mutex::new(AggregateCache::default()),
        }
    }
}

impl AggregateCache {
    /// Takes note of the data version a connection (identified by `connection`) reports.
    fn observe(&mut self, connection: usize, data_version: i64) {
        if self.seen.insert(connection, data_version) != Some(data_version) {
            self.answers.clear();
        }
    }

    /// The cached answer for `key`, if nothing changed since it was computed, as far as the
    /// connection that reports `data_version` can tell.
    pub(crate) fn get(
        &mut self,
        key: &str,
        connection: usize,
        data_version: i64,
    ) -> Option<Arc<str>> {
        self.observe(connection, data_version);
        self.answers.get(key).cloned()
    }

    /// Remembers an answer computed on `connection` at `data_version`.
    pub(crate) fn put(
        &mut self,
        key: String,
        connection: usize,
        data_version: i64,
        answer: Arc<str>,
    ) {
        self.observe(connection, data_version);
        if self.answers.len() >= MAX_CACHED_AGGREGATES {
            self.answers.clear();
        }
        self.answers.insert(key, answer);
    }

    /// Forgets every answer (after a write through this server).
    pub(crate) fn clear(&mut self) {
        self.answers.clear();
    }
}

/// The application: the API under `/api`, the dashboard at `/`.
pub fn router(store: SqliteStore, config: ServerConfig) -> Router {
    router_with_pipeline(store, Vec::new(), dyad_coder::Pipeline::with_defaults(), config)
}

/// [`router`] with read connections to the same store file (`readers`, possibly none) and a
/// pipeline already loaded (loading the default models takes a while).
pub fn router_with_pipeline(
    store: SqliteStore,
    readers: Vec<SqliteStore>,
    pipeline: dyad_coder::Pipeline,
    config: ServerConfig,
) -> Router {
    let max_body = config.max_body_bytes;
    let state = Arc::new(AppState::new(store, readers, pipeline, config));
    let mut router = Router::new();
    for route in api::ROUTES {
        router = router.route(route.path, (route.handler)());
    }
    router
        .merge(web::routes())
        .fallback(error::not_found)
        .method_not_allowed_fallback(error::method_not_allowed)
        .layer(DefaultBodyLimit::max(max_body))
        .with_state(state)
}

/// Serves `router` on `addr` until the process is stopped; prints the address it listens on.
pub fn serve(addr: SocketAddr, router: Router) -> std::io::Result<()> {
    serve_listener(std::net::TcpListener::bind(addr)?, router)
}

/// Serves `router` on a bound listener (port 0 in tests) until the process is stopped.
pub fn serve_listener(listener: std::net::TcpListener, router: Router) -> std::io::Result<()> {
    listener.set_nonblocking(true)?;
    let runtime = tokio::runtime::Builder::new_current_thread().enable_io().build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::from_std(listener)?;
        eprintln!("dyad serve: listening on http://{}", listener.local_addr()?);
        axum::serve(listener, router).await
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cached_answers_serve_every_connection_until_one_sees_a_commit() {
        let mut cache = AggregateCache::default();
        let answer: Arc<str> = "{}".into();
        let (one, two) = (1, 2);
        assert!(cache.get("q", one, 5).is_none());
        cache.put("q".into(), one, 5, Arc::clone(&answer));
        assert!(cache.get("q", one, 5).is_some());
        // A connection's first number says nothing about what changed before: start over.
        assert!(cache.get("q", two, 9).is_none());
        cache.put("q".into(), two, 9, Arc::clone(&answer));
        // Connections count differently (5 and 9), yet both hit while neither sees a change.
        assert!(cache.get("q", one, 5).is_some());
        assert!(cache.get("q", two, 9).is_some());
        // Connection two sees a commit: the answer is gone for every connection.
        assert!(cache.get("q", two, 10).is_none());
        assert!(cache.get("q", one, 5).is_none());
    }
}
