//! Reading a dictionary folder named on the command line (`DIR` in dyad's format, or
//! `petrarch:DIR`); the library parses, this module only lists and reads the files.

use std::path::{Path, PathBuf};

use anyhow::Context;
use dyad_dictionaries::petrarch::FileRole;
use dyad_dictionaries::{Diagnostic, Dictionaries};

/// Which format a `--dictionaries` argument names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SetFormat {
    /// dyad's own `*.dyad` files.
    Dyad,
    /// PETRARCH/TABARI files, roles by file name.
    Petrarch,
}

/// Splits `petrarch:DIR` / `DIR`.
pub fn parse_spec(spec: &str) -> (SetFormat, PathBuf) {
    match spec.strip_prefix("petrarch:") {
        Some(dir) => (SetFormat::Petrarch, PathBuf::from(dir)),
        None => (SetFormat::Dyad, PathBuf::from(spec)),
    }
}

/// The files of `dir` that the format reads, sorted by name, with their text.
pub fn read_folder(format: SetFormat, dir: &Path) -> anyhow::Result<Vec<(String, String)>> {
    let entries =
        std::fs::read_dir(dir).with_context(|| format!("cannot read folder {}", dir.display()))?;
    let mut paths: Vec<PathBuf> = Vec::new();
    for entry in entries {
        let path = entry?.path();
        if !path.is_file() {
            continue;
        }
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let wanted = match format {
            SetFormat::Dyad => name.ends_with(".dyad"),
            SetFormat::Petrarch => FileRole::from_name(name).is_some(),
        };
        if wanted {
            paths.push(path);
        }
    }
    paths.sort();
    if paths.is_empty() {
        anyhow::bail!(
            "no dictionary files in {} ({})",
            dir.display(),
            match format {
                SetFormat::Dyad => "expected *.dyad files; use petrarch:DIR for PETRARCH files",
                SetFormat::Petrarch =>
                    "expected *verbs*, CAMEO*, *actors*, *agents*, *discards*, *Issue* files",
            }
        );
    }
    let mut files = Vec::with_capacity(paths.len());
    for path in paths {
        let bytes =
            std::fs::read(&path).with_context(|| format!("cannot read {}", path.display()))?;
        // PETRARCH files are meant to be UTF-8; a stray Latin-1 byte must not lose the file.
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("?").to_string();
        files.push((name, text));
    }
    Ok(files)
}

/// Loads a set from a `--dictionaries` argument.
pub fn load(spec: &str) -> anyhow::Result<(SetFormat, Dictionaries, Vec<Diagnostic>)> {
    let (format, dir) = parse_spec(spec);
    let files = read_folder(format, &dir)?;
    let pairs = files.iter().map(|(n, t)| (n.as_str(), t.as_str()));
    let (set, diagnostics) = match format {
        SetFormat::Dyad => Dictionaries::read_dyad(pairs),
        SetFormat::Petrarch => Dictionaries::read_petrarch(pairs),
    };
    Ok((format, set, diagnostics))
}
