//! Integration tests of the `dyad` binary, run as a real process. Table of contents:
//!
//! - `util`: the `TestCommand` harness (temporary folder, run, capture, compare).
//! - `readers`: articles in from JSONL, text and stdin; bad input; exit codes.
//! - `segment`: the `dyad segment` JSON shape on the shipped examples.
//! - `store`: `ingest` (idempotent, killed at random points), `query`, `export`, `recode`.
//! - `tidy`: repository hygiene (every Rust file opens with a `//!` line).

mod readers;
mod segment;
mod store;
mod tidy;
mod util;
