//! The plain-text reader: one article per file, with an optional `date YYYY-MM-DD` first token.

use dyad_model::{Article, Date, Diagnostic};

/// Parses a whole plain-text article. `name` locates diagnostics; `id` becomes the article id.
///
/// The text is the file minus the `date` header, with surrounding whitespace trimmed (the same
/// form as the corpus `articles.jsonl` files). Invalid UTF-8, NUL bytes (binary junk), a bad date
/// and an empty body are diagnostics naming the line.
pub fn parse_text_article(name: &str, id: &str, bytes: &[u8]) -> Result<Article, Diagnostic> {
    let line_of = |byte: usize| 1 + bytes[..byte].iter().filter(|&&b| b == b'\n').count();
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => {
            let byte = error.valid_up_to();
            return Err(Diagnostic::at_line(name, line_of(byte), "invalid UTF-8, article skipped")
                .with_byte(byte));
        }
    };
    if let Some(byte) = text.find('\0') {
        return Err(Diagnostic::at_line(
            name,
            line_of(byte),
            "binary data (NUL byte), article skipped",
        )
        .with_byte(byte));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let trimmed = text.trim_start();
    let mut date = None;
    let mut body = trimmed;
    if let Some(rest) = trimmed.strip_prefix("date")
        && rest.starts_with([' ', '\t'])
    {
        let rest = rest.trim_start_matches([' ', '\t']);
        let token_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let offset = text.len() - rest.len();
        match rest[..token_end].parse::<Date>() {
            Ok(parsed) => {
                date = Some(parsed);
                body = &rest[token_end..];
            }
            Err(error) => {
                let message = format!("bad date header: {error}");
                return Err(Diagnostic::at_line(name, line_of(offset), message));
            }
        }
    }
    let body = body.trim();
    if body.is_empty() {
        return Err(Diagnostic::at_line(name, line_of(text.len()), "article has no text"));
    }
    let mut article = Article::new(id, body);
    article.date = date;
    Ok(article)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_date_header() {
        let a =
            parse_text_article("t.txt", "t.txt", b" date 2020-09-04 MOSCOW, September 4. Text.\n")
                .unwrap();
        assert_eq!(a.date.unwrap().to_string(), "2020-09-04");
        assert_eq!(a.text, "MOSCOW, September 4. Text.");
        let a = parse_text_article("t.txt", "t.txt", b"dated stories are fine").unwrap();
        assert_eq!(a.date, None);
        assert_eq!(a.text, "dated stories are fine");
    }

    #[test]
    fn bad_input_names_the_line() {
        let d = parse_text_article("t.txt", "t", b"date 2020-02-31 x").unwrap_err();
        assert_eq!(d.line, Some(1));
        let d = parse_text_article("t.txt", "t", b"one\ntwo \xff").unwrap_err();
        assert_eq!(d.to_string(), "t.txt:2: byte 8: invalid UTF-8, article skipped");
        let d = parse_text_article("t.txt", "t", b"ok\n\n\0junk").unwrap_err();
        assert_eq!(d.line, Some(3));
        assert!(parse_text_article("t.txt", "t", b"date 2020-01-01   \n").is_err());
    }
}
