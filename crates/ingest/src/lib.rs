//! Article readers: sources in, [`Article`]s and [`Diagnostic`]s out.
//!
//! dyad reads JSON Lines (one article per line), plain-text files (one article each, optionally
//! opened by a `date YYYY-MM-DD` token) and standard input in either form
//! (`../shared/docs/design.md` section 1). Bad input never stops a batch: each bad article yields
//! one diagnostic naming the file and line, and reading goes on with the next one.
//!
//! The central type is [`ArticleReader`], an iterator of `Result<Article, Diagnostic>`; it reads
//! lazily so that a corpus of any size streams through in constant memory. Datelines are not
//! handled here: they are text analysis and live in `dyad-nlp`. Tests are at the bottom of each
//! module.

mod jsonl;
mod text;

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

use dyad_model::{Article, Diagnostic};

pub use jsonl::{JsonLinesReader, MAX_LINE_BYTES, parse_json_article};
pub use text::parse_text_article;

/// The two input forms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputFormat {
    /// One JSON object per line.
    JsonLines,
    /// One plain-text article for the whole input.
    Text,
}

impl InputFormat {
    /// Chooses by file extension: `.jsonl`, `.json` and `.ndjson` are JSON Lines, all else text.
    pub fn from_path(path: &Path) -> InputFormat {
        match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
            Some("jsonl" | "json" | "ndjson") => InputFormat::JsonLines,
            _ => InputFormat::Text,
        }
    }

    /// Chooses by content: input whose first non-blank byte is `{` is JSON Lines.
    pub fn sniff(head: &[u8]) -> InputFormat {
        match head.iter().find(|b| !b.is_ascii_whitespace()) {
            Some(b'{') => InputFormat::JsonLines,
            _ => InputFormat::Text,
        }
    }
}

/// Articles from one source, read lazily.
pub enum ArticleReader {
    /// A JSON Lines stream.
    JsonLines(JsonLinesReader<Box<dyn BufRead>>),
    /// A single plain-text article, or the diagnostic that replaced it; yielded once.
    Single(Option<Result<Article, Diagnostic>>),
}

impl Iterator for ArticleReader {
    type Item = Result<Article, Diagnostic>;

    fn next(&mut self) -> Option<Self::Item> {
        match self {
            ArticleReader::JsonLines(reader) => reader.next(),
            ArticleReader::Single(item) => item.take(),
        }
    }
}

/// Opens a file and reads it in the form its extension names.
///
/// Only a file that cannot be opened is an `Err`; everything wrong inside it is a diagnostic
/// yielded by the reader.
pub fn open_path(path: &Path) -> io::Result<ArticleReader> {
    let name = path.display().to_string();
    let file = File::open(path)?;
    if path.is_dir() {
        return Err(io::Error::other("is a directory"));
    }
    Ok(match InputFormat::from_path(path) {
        InputFormat::JsonLines => {
            ArticleReader::JsonLines(JsonLinesReader::new(name, Box::new(BufReader::new(file))))
        }
        InputFormat::Text => {
            let id =
                path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or(name.clone());
            ArticleReader::Single(Some(read_text(&name, &id, file)))
        }
    })
}

/// Reads standard input (or any stream), sniffing its form from the first bytes.
pub fn open_stream(name: &str, stream: impl Read + 'static) -> io::Result<ArticleReader> {
    let mut buffered: Box<dyn BufRead> = Box::new(BufReader::with_capacity(1 << 16, stream));
    let format = InputFormat::sniff(buffered.fill_buf()?);
    Ok(match format {
        InputFormat::JsonLines => {
            ArticleReader::JsonLines(JsonLinesReader::new(name.to_string(), buffered))
        }
        InputFormat::Text => ArticleReader::Single(Some(read_text(name, "stdin", buffered))),
    })
}

fn read_text(name: &str, id: &str, mut stream: impl Read) -> Result<Article, Diagnostic> {
    let mut bytes = Vec::new();
    if let Err(error) = stream.read_to_end(&mut bytes) {
        return Err(Diagnostic::at_line(name, 1, format!("cannot read: {error}")));
    }
    parse_text_article(name, id, &bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_form() {
        assert_eq!(InputFormat::sniff(b"  \n{\"id\":1}"), InputFormat::JsonLines);
        assert_eq!(InputFormat::sniff(b"date 2020-09-04 MOSCOW"), InputFormat::Text);
        assert_eq!(InputFormat::from_path(Path::new("a/b.JSONL")), InputFormat::JsonLines);
        assert_eq!(InputFormat::from_path(Path::new("a/b.txt")), InputFormat::Text);
    }

    #[test]
    fn stream_of_json_lines() {
        let input =
            b"{\"id\":\"a\",\"text\":\"One.\"}\nnot json\n{\"id\":\"b\",\"text\":\"Two.\"}\n";
        let items: Vec<_> = open_stream("<stdin>", &input[..]).unwrap().collect();
        assert_eq!(items.len(), 3);
        assert_eq!(items[0].as_ref().unwrap().id, "a");
        assert_eq!(items[1].as_ref().unwrap_err().line, Some(2));
        assert_eq!(items[2].as_ref().unwrap().id, "b");
    }
}
