//! dyad's dictionaries: the data model, dyad's own format, the PETRARCH formats, and matchers.
//!
//! Being built (issue 4); see `docs/dictionary-format.md` for dyad's own format.
