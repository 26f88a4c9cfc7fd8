//! Diagnostics: what the pipeline reports about odd input instead of failing.

use std::fmt;

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The input could not be used (an article was skipped).
    Error,
    /// The input was used, but something in it looks wrong.
    Warning,
}

/// One problem with the input, located as precisely as the stage knows it.
///
/// Displayed as `file:line: message` (or `article id: message`), the form every dyad command
/// prints on standard error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// File name (or `<stdin>`), when the problem is tied to a file.
    pub file: Option<String>,
    /// 1-based line number within `file`.
    pub line: Option<usize>,
    /// Article id, when known.
    pub article_id: Option<String>,
    /// Byte offset into the line or article, when known.
    pub byte: Option<usize>,
    /// What is wrong, in words.
    pub message: String,
}

impl Diagnostic {
    /// An error at `file:line`.
    pub fn at_line(file: impl Into<String>, line: usize, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            file: Some(file.into()),
            line: Some(line),
            article_id: None,
            byte: None,
            message: message.into(),
        }
    }

    /// An error about an article, wherever it came from.
    pub fn for_article(article_id: impl Into<String>, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            file: None,
            line: None,
            article_id: Some(article_id.into()),
            byte: None,
            message: message.into(),
        }
    }

    /// The same diagnostic downgraded to a warning.
    pub fn warning(mut self) -> Diagnostic {
        self.severity = Severity::Warning;
        self
    }

    /// The same diagnostic with a byte offset.
    pub fn with_byte(mut self, byte: usize) -> Diagnostic {
        self.byte = Some(byte);
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.file, self.line) {
            (Some(file), Some(line)) => write!(f, "{file}:{line}: ")?,
            (Some(file), None) => write!(f, "{file}: ")?,
            _ => {}
        }
        if let Some(id) = &self.article_id {
            write!(f, "article {id}: ")?;
        }
        if let Some(byte) = self.byte {
            write!(f, "byte {byte}: ")?;
        }
        if self.severity == Severity::Warning {
            write!(f, "warning: ")?;
        }
        f.write_str(&self.message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn displays_file_and_line_first() {
        let d = Diagnostic::at_line("a.jsonl", 3, "not valid JSON");
        assert_eq!(d.to_string(), "a.jsonl:3: not valid JSON");
        let d = Diagnostic::for_article("x1", "no text").warning();
        assert_eq!(d.to_string(), "article x1: warning: no text");
    }
}
