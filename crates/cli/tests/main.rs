//! Integration tests of the `dyad` binary, run as a real process. Table of contents:
//!
//! - `util`: the `TestCommand` harness (temporary folder, run, capture, compare).
//! - `readers`: articles in from JSONL, text and stdin; bad input; exit codes.
//! - `segment`: the `dyad segment` JSON shape on the shipped examples.
//! - `syntax`: `dyad train`, `eval parse`, `explain`, `bench parse` on UD English EWT slices.
//! - `tidy`: repository hygiene (every Rust file opens with a `//!` line).

mod readers;
mod segment;
mod syntax;
mod tidy;
mod util;
