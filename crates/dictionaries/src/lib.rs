//! dyad's dictionaries: the data model, dyad's own format, the PETRARCH formats, and matchers.
//!
//! The crate does no IO: readers take `(file name, text)` and return the entries they could read
//! plus [`Diagnostic`]s (`file:line: reason`); they never panic. See `docs/dictionary-format.md`
//! for dyad's own format and `petrarch1-semantics.md` / `petrarch-study.md` for the PETRARCH ones.
//!
//! * [`model`]: actors with dated codes, agents, verbs/blocks/patterns, synsets, discards, issues;
//! * [`defaults`]: the default set, embedded from `data/`;
//! * [`dyad_format`]: dyad's own format (`dyad-dictionary 1`);
//! * [`petrarch`]: PETRARCH-1/TABARI and PETRARCH2 readers;
//! * [`matcher`]: compiled longest-match phrase tries and verb-form indexes ([`Matchers`]);
//! * [`Dictionaries`]: a whole set, its counts and loaders.

pub mod defaults;
pub mod dyad_format;
pub mod inflect;
pub mod matcher;
pub mod model;
pub mod petrarch;
mod set;

pub use dyad_model::{Diagnostic, Severity};
pub use matcher::{FormRef, Match, Matchers, PhraseMatcher, Token, VerbIndex};
pub use model::*;
pub use set::{Counts, Dictionaries, FileInfo};
