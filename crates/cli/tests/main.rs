//! Integration tests of the `dyad` binary, run as a real process. Table of contents:
//!
//! - `util`: the `TestCommand` harness (temporary folder, run, capture, compare).
//! - `dict`: `dyad dict check` / `dyad dict lookup` on small sets and the PETRARCH files.
//! - `readers`: articles in from JSONL, text and stdin; bad input; exit codes.
//! - `eval`: `dyad eval segment` scores on small and real treebanks.
//! - `plover`: `dyad eval plover` on small files of its own (fixtures/) and the CAMEO-manual records.
//! - `segment`: the `dyad segment` JSON shape on the shipped examples and the TASS article.
//! - `serve`: `dyad serve --demo` answers the API and the dashboard over HTTP.
//! - `store`: `ingest` (idempotent, killed at random points), `query`, `export`, `recode`.
//! - `syntax`: `dyad train`, `eval parse`, `explain`, `bench parse` on UD English EWT slices.
//! - `tidy`: repository hygiene (every Rust file opens with a `//!` line).
//! - `validate`: `dyad validate` on a small records file of its own.

mod dict;
mod eval;
mod plover;
mod readers;
mod segment;
mod serve;
mod store;
mod syntax;
mod tidy;
mod util;
mod validate;
