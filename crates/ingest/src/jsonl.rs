//! The JSON Lines reader: one article object per line, bad lines reported and skipped.

use std::io::BufRead;

use dyad_model::{Article, Date, Diagnostic};
use serde_json::{Map, Value};

/// Longest line accepted (16 MiB). Longer lines are skipped with a diagnostic rather than held in
/// memory: no real article is that long, and a runaway line is usually binary junk.
pub const MAX_LINE_BYTES: usize = 16 << 20;

/// Reads articles from a JSON Lines stream; see [`parse_json_article`] for the object's fields.
pub struct JsonLinesReader<R> {
    name: String,
    input: R,
    line_number: usize,
    buffer: Vec<u8>,
    done: bool,
}

impl<R: BufRead> JsonLinesReader<R> {
    /// A reader over `input`; `name` (a path or `<stdin>`) is used in diagnostics.
    pub fn new(name: String, input: R) -> Self {
        JsonLinesReader { name, input, line_number: 0, buffer: Vec::new(), done: false }
    }

    /// Reads one line into the buffer, returning false at end of input. Over-long lines are
    /// drained without being stored and reported through `Err`.
    fn read_line(&mut self) -> Result<bool, String> {
        self.buffer.clear();
        let mut too_long = false;
        loop {
            let chunk = match self.input.fill_buf() {
                Ok(chunk) => chunk,
                Err(error) if error.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(error) => {
                    self.done = true;
                    return Err(format!("cannot read: {error}"));
                }
            };
            if chunk.is_empty() {
                if too_long {
                    return Err(format!("line longer than {MAX_LINE_BYTES} bytes skipped"));
                }
                return Ok(!self.buffer.is_empty());
            }
            let (take, found_newline) = match chunk.iter().position(|&b| b == b'\n') {
                Some(i) => (i + 1, true),
                None => (chunk.len(), false),
            };
            if !too_long {
                if self.buffer.len() + take > MAX_LINE_BYTES + 1 {
                    too_long = true;
                    self.buffer.clear();
                } else {
                    self.buffer.extend_from_slice(&chunk[..take]);
                }
            }
            self.input.consume(take);
            if found_newline {
                if too_long {
                    return Err(format!("line longer than {MAX_LINE_BYTES} bytes skipped"));
                }
                return Ok(true);
            }
        }
    }
}

impl<R: BufRead> Iterator for JsonLinesReader<R> {
    type Item = Result<Article, Diagnostic>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            self.line_number += 1;
            match self.read_line() {
                Ok(false) => self.done = true,
                Ok(true) => {
                    let line = trim_ascii(&self.buffer);
                    if line.is_empty() {
                        continue;
                    }
                    return Some(parse_json_article(line).map_err(|(message, byte)| {
                        let diagnostic = Diagnostic::at_line(&self.name, self.line_number, message);
                        match byte {
                            Some(byte) => diagnostic.with_byte(byte),
                            None => diagnostic,
                        }
                    }));
                }
                Err(message) => {
                    return Some(Err(Diagnostic::at_line(&self.name, self.line_number, message)));
                }
            }
        }
        None
    }
}

fn trim_ascii(bytes: &[u8]) -> &[u8] {
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(bytes.len());
    let end = bytes.iter().rposition(|b| !b.is_ascii_whitespace()).map_or(start, |i| i + 1);
    &bytes[start..end]
}

/// Parses one JSON article object:
/// `{"id": str, "date": "YYYY-MM-DD" or null, "source": str, "title": str or null, "text": str}`.
///
/// `id` and a non-blank `text` are required; other fields are optional and extra fields are kept
/// as metadata. A date that is not `YYYY-MM-DD` makes the article invalid rather than silently
/// undated, because dates drive actor roles and event dates. The error carries a message and,
/// for invalid UTF-8, the offending byte offset within the line.
pub fn parse_json_article(line: &[u8]) -> Result<Article, (String, Option<usize>)> {
    let text = std::str::from_utf8(line).map_err(|e| {
        (format!("invalid UTF-8 at byte {}", e.valid_up_to()), Some(e.valid_up_to()))
    })?;
    let value: Value = serde_json::from_str(text).map_err(|e| {
        let snippet: String = text.chars().take(40).filter(|c| !c.is_control()).collect();
        (format!("not valid JSON ({e}) in `{snippet}`"), None)
    })?;
    let Value::Object(mut object) = value else {
        return Err(("a JSON article must be an object".to_string(), None));
    };
    let id = match object.remove("id") {
        Some(Value::String(id)) if !id.trim().is_empty() => id,
        Some(Value::Number(n)) => n.to_string(),
        Some(_) => return Err(("`id` must be a non-empty string".to_string(), None)),
        None => return Err(("article has no `id`".to_string(), None)),
    };
    let body = match object.remove("text") {
        Some(Value::String(body)) if !body.trim().is_empty() => body,
        Some(Value::String(_)) | Some(Value::Null) | None => {
            return Err((format!("article {id} has no text"), None));
        }
        Some(_) => return Err((format!("article {id}: `text` must be a string"), None)),
    };
    let date = match object.remove("date") {
        None | Some(Value::Null) => None,
        Some(Value::String(date)) => Some(
            date.parse::<Date>().map_err(|e| (format!("article {id}: bad `date`: {e}"), None))?,
        ),
        Some(_) => return Err((format!("article {id}: `date` must be a string or null"), None)),
    };
    let source = optional_string(&mut object, "source", &id)?;
    let title = optional_string(&mut object, "title", &id)?;
    Ok(Article { id, date, source, title, text: body, metadata: object })
}

fn optional_string(
    object: &mut Map<String, Value>,
    key: &str,
    id: &str,
) -> Result<Option<String>, (String, Option<usize>)> {
    match object.remove(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(_) => Err((format!("article {id}: `{key}` must be a string or null"), None)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(input: &[u8]) -> Vec<Result<Article, Diagnostic>> {
        JsonLinesReader::new("in.jsonl".into(), input).collect()
    }

    #[test]
    fn reads_fields_and_keeps_metadata() {
        let line = br#"{"id": "t1", "date": "2020-09-04", "source": "tass", "title": null, "text": "Hi.", "url": "u"}"#;
        let article = parse_json_article(line).unwrap();
        assert_eq!(article.id, "t1");
        assert_eq!(article.date.unwrap().to_string(), "2020-09-04");
        assert_eq!(article.source.as_deref(), Some("tass"));
        assert_eq!(article.title, None);
        assert_eq!(article.metadata["url"], "u");
    }

    #[test]
    fn one_diagnostic_per_bad_line_and_the_rest_goes_on() {
        let input = b"{\"id\":\"a\",\"text\":\"x\"}\n\n{\"id\":\"b\",\"text\":\"\"}\n[1]\n{\"id\":\"c\",\"date\":\"2020-13-01\",\"text\":\"x\"}\n\xff\xfe\n{\"id\":\"d\",\"text\":\"y\"}";
        let items = read_all(input);
        let summary: Vec<String> = items
            .iter()
            .map(|item| match item {
                Ok(a) => a.id.clone(),
                Err(d) => d.to_string(),
            })
            .collect();
        assert_eq!(summary[0], "a");
        assert!(summary[1].starts_with("in.jsonl:3: article b has no text"), "{}", summary[1]);
        assert!(summary[2].starts_with("in.jsonl:4: a JSON article must be an object"));
        assert!(summary[3].starts_with("in.jsonl:5: article c: bad `date`"));
        assert!(summary[4].starts_with("in.jsonl:6: byte 0: invalid UTF-8"), "{}", summary[4]);
        assert_eq!(summary[5], "d");
        assert_eq!(items.len(), 6);
    }

    #[test]
    fn overlong_line_is_skipped_not_stored() {
        let mut input = vec![b'{'; MAX_LINE_BYTES + 10];
        input.extend_from_slice(b"\n{\"id\":\"after\",\"text\":\"ok\"}\n");
        let items = read_all(&input);
        assert_eq!(items.len(), 2);
        assert!(items[0].as_ref().unwrap_err().message.contains("longer than"));
        assert_eq!(items[1].as_ref().unwrap().id, "after");
    }
}
