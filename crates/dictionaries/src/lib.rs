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
//!
//! ```
//! use dyad_dictionaries::{Dictionaries, Matchers, Token};
//!
//! let text = "@format dyad-dictionary 1\nactor Mikhail Bogdanov | Bogdanov\n    RUSGOV 2011-06-24..\n";
//! let (set, diagnostics) = Dictionaries::read_dyad([("people.dyad", text)]);
//! assert!(diagnostics.is_empty());
//! let matchers = Matchers::build(&set, false);
//! let tokens = ["Deputy", "minister", "Mikhail", "Bogdanov"].map(Token::new);
//! let found = &matchers.actors.find_all(&tokens)[0];
//! assert_eq!((found.start, found.end), (2, 4));
//! let actor = &set.actors[found.payloads[0] as usize];
//! let code = actor.code_at(Some("2020-09-04".parse().unwrap())).unwrap();
//! assert_eq!((code.code.as_str(), code.origin.to_string().as_str()), ("RUSGOV", "people.dyad:3"));
//! ```

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
