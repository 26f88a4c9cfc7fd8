//! Reading articles for a command: files or standard input, diagnostics to standard error.

use std::path::PathBuf;

use dyad_model::{Article, Diagnostic};

/// Counts what a command read, to choose its exit status.
#[derive(Debug, Default)]
pub struct InputTally {
    /// Articles read successfully.
    pub articles: usize,
    /// Diagnostics reported (bad articles, unreadable files).
    pub diagnostics: usize,
}

impl InputTally {
    /// 0 when clean, 1 with diagnostics, 2 when nothing could be read at all.
    pub fn exit_status(&self) -> crate::ExitStatus {
        if self.articles == 0 && self.diagnostics > 0 {
            crate::ExitStatus::Failure
        } else if self.diagnostics > 0 {
            crate::ExitStatus::Diagnostics
        } else {
            crate::ExitStatus::Success
        }
    }

    /// Prints a diagnostic to standard error and counts it.
    pub fn report(&mut self, diagnostic: &Diagnostic) {
        eprintln!("{diagnostic}");
        self.diagnostics += 1;
    }
}

/// Calls `each` for every article in `files` (standard input when empty or `-`), in order.
/// Bad articles and unreadable files are reported and skipped; only an error returned by
/// `each` (an output failure) stops the run.
pub fn for_each_article(
    files: &[PathBuf],
    tally: &mut InputTally,
    mut each: impl FnMut(Article) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let stdin = [PathBuf::from("-")];
    let files = if files.is_empty() { &stdin[..] } else { files };
    for path in files {
        let reader = if path.as_os_str() == "-" {
            dyad_ingest::open_stream("<stdin>", std::io::stdin())
        } else {
            dyad_ingest::open_path(path)
        };
        let reader = match reader {
            Ok(reader) => reader,
            Err(error) => {
                tally.report(&Diagnostic::at_line(
                    path.display().to_string(),
                    1,
                    format!("cannot open: {error}"),
                ));
                continue;
            }
        };
        for item in reader {
            match item {
                Ok(article) => {
                    tally.articles += 1;
                    each(article)?;
                }
                Err(diagnostic) => tally.report(&diagnostic),
            }
        }
    }
    Ok(())
}
