//! dyad's default dictionary set, embedded in the binary from `crates/dictionaries/data/`.
//!
//! The files are dyad's own work (see each file's header for what it covers and how it was made;
//! the generators are in `data/gen/`). They are read in file-name order, like a folder given with
//! `--dictionaries DIR`.

use dyad_model::Diagnostic;

use crate::set::Dictionaries;

/// The default files as `(file name, text)`, sorted by file name.
pub const FILES: [(&str, &str); 9] = [
    ("agents.dyad", include_str!("../data/agents.dyad")),
    ("companies.dyad", include_str!("../data/companies.dyad")),
    ("countries.dyad", include_str!("../data/countries.dyad")),
    ("discards.dyad", include_str!("../data/discards.dyad")),
    ("groups.dyad", include_str!("../data/groups.dyad")),
    ("international.dyad", include_str!("../data/international.dyad")),
    ("issues.dyad", include_str!("../data/issues.dyad")),
    ("people.dyad", include_str!("../data/people.dyad")),
    ("verbs.dyad", include_str!("../data/verbs.dyad")),
];

/// Reads the default set; the diagnostics are empty unless a default file is broken (the
/// crate's tests keep them empty).
pub fn read_defaults() -> (Dictionaries, Vec<Diagnostic>) {
    Dictionaries::read_dyad(FILES)
}

/// The set's version: the newest `@version` among its files.
pub fn defaults_version() -> String {
    FILES
        .iter()
        .filter_map(|(_, text)| {
            text.lines().find_map(|line| line.strip_prefix("@version ").map(str::trim))
        })
        .max()
        .unwrap_or("unknown")
        .to_string()
}
