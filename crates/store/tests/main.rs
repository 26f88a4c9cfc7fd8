//! Tests of the store through its public interface. Table of contents:
//!
//! - `fixtures`: synthetic articles and events (the coder is not needed to test storage).
//! - `backends`: one scenario run on the in-memory twin and on SQLite; both must agree.
//! - `sqlite`: what only the file backend has: reopening, checks, foreign files, versions.
//! - `compat`: the committed store written by format version 1 still opens and reads.

mod backends;
mod compat;
mod fixtures;
mod sqlite;
