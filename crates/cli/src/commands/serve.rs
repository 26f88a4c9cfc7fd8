//! `dyad serve`: the HTTP API and the web dashboard over a store.

use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::Context;
use dyad_server::ServerConfig;
use dyad_store::SqliteStore;

use crate::ExitStatus;
use crate::store::StoreArgs;

/// Serve the HTTP API (/api, documented at /api/openapi.json) and the dashboard (/).
///
/// Reads are open; writes (POST /api/articles) need `Authorization: Bearer <token>` and are
/// refused when no token is set. With --demo, a store is built from the sample articles on first
/// start (in dyad-demo.db unless --store says otherwise).
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  dyad serve --demo\n  DYAD_TOKEN=secret dyad serve --store news.db --addr 127.0.0.1:8080"
)]
pub struct Args {
    /// Address to listen on.
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// Bearer token for writes [default: $DYAD_TOKEN; none: writes are refused].
    #[arg(long, value_name = "TOKEN")]
    token: Option<String>,
    /// Fill an empty store with the sample articles first (store: dyad-demo.db by default).
    #[arg(long)]
    demo: bool,
    #[command(flatten)]
    store: StoreArgs,
}

pub fn run(args: Args) -> anyhow::Result<ExitStatus> {
    let path = if args.demo && args.store.store.is_none() {
        PathBuf::from("dyad-demo.db")
    } else {
        args.store.path()
    };
    let mut store = SqliteStore::open(&path)
        .with_context(|| format!("cannot open store {}", path.display()))?;
    let pipeline = dyad_coder::Pipeline::with_defaults();
    if args.demo {
        let stored = dyad_server::demo::fill(&mut store, &pipeline)?;
        if stored > 0 {
            eprintln!("dyad serve: stored {stored} sample articles in {}", path.display());
        }
    }
    let token =
        args.token.or_else(|| std::env::var("DYAD_TOKEN").ok()).filter(|t| !t.trim().is_empty());
    let config = ServerConfig { token, ..ServerConfig::default() };
    // Read connections beside the writer, so that queries run side by side.
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get()).clamp(2, 8);
    let readers = (0..threads)
        .map(|_| SqliteStore::open(&path))
        .collect::<Result<Vec<_>, _>>()
        .with_context(|| format!("cannot open store {}", path.display()))?;
    let router = dyad_server::router_with_pipeline(store, readers, pipeline, config);
    dyad_server::serve(args.addr, router)
        .with_context(|| format!("cannot serve on {}", args.addr))?;
    Ok(ExitStatus::Success)
}
