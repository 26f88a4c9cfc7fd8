//! Test-only helper: locates the reference data in `../shared` for tests that need it.
//!
//! Tests call [`path`] with a path relative to the data folder. The folder is `DYAD_DATA`, or
//! `../shared` beside the workspace. When the file is missing the test is told to skip (it prints
//! why), unless `DYAD_REQUIRE_DATA=1`, as in CI, where a missing file fails the test instead.

use std::path::PathBuf;

/// The reference data folder: `DYAD_DATA`, else `<workspace>/../shared`.
pub fn data_dir() -> PathBuf {
    match std::env::var_os("DYAD_DATA") {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"),
    }
}

/// True when CI asked for missing data to fail rather than skip.
pub fn data_required() -> bool {
    std::env::var("DYAD_REQUIRE_DATA").is_ok_and(|v| v == "1" || v.eq_ignore_ascii_case("true"))
}

/// The file `relative` inside the data folder, or `None` (with a note on stderr) when it is
/// missing and data is optional. Panics when it is missing and `DYAD_REQUIRE_DATA=1`.
pub fn path(relative: &str) -> Option<PathBuf> {
    let full = data_dir().join(relative);
    if full.exists() {
        return Some(full);
    }
    if data_required() {
        panic!("reference data {} is missing and DYAD_REQUIRE_DATA=1", full.display());
    }
    eprintln!("skipping: reference data {} not found (set DYAD_DATA)", full.display());
    None
}

/// Like [`path`], but reads the file as text.
pub fn read(relative: &str) -> Option<String> {
    let full = path(relative)?;
    Some(std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{}: {e}", full.display())))
}
