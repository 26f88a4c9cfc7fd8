//! Readers of the PETRARCH/TABARI dictionary formats (petrarch-study section 2,
//! petrarch1-semantics section 3).
//!
//! Every reader takes `(file name, text)` and returns what it could read plus diagnostics; none
//! panics, and unlike PETRARCH they keep the last entry of every file.

mod actors;
mod lists;
mod verbs;

use std::borrow::Cow;

pub use actors::read_actors;
pub use lists::{read_agents, read_discards, read_issues};
pub(crate) use verbs::parse_structured_pattern;
pub use verbs::{read_petrarch1_verbs, read_petrarch2_verbs, read_verbs};

/// What a PETRARCH file holds, guessed from its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileRole {
    /// `*verbs*` or `CAMEO*`.
    Verbs,
    /// `*actors*`.
    Actors,
    /// `*agents*`.
    Agents,
    /// `*discards*`.
    Discards,
    /// `*Issue*`.
    Issues,
}

impl FileRole {
    /// The role of a file by its name (case-insensitive), `None` when it is not a dictionary.
    pub fn from_name(name: &str) -> Option<FileRole> {
        let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
        let lower = base.to_lowercase();
        if lower.contains("verbs") || lower.starts_with("cameo") {
            Some(FileRole::Verbs)
        } else if lower.contains("actors") {
            Some(FileRole::Actors)
        } else if lower.contains("agents") {
            Some(FileRole::Agents)
        } else if lower.contains("discards") {
            Some(FileRole::Discards)
        } else if lower.contains("issue") {
            Some(FileRole::Issues)
        } else {
            None
        }
    }
}

/// The lines of a PETRARCH file that carry content, with their 1-based numbers, after the common
/// lexical rules (petrarch1-semantics 3.1, petrarch-study 2): lines starting with `#` or `<!` are
/// skipped, a `<!--` without `-->` skips to the line after the one holding `-->`, inline
/// `<!-- ... -->` is removed, `#` cuts the rest of a line, and blank results are skipped.
/// Trailing blanks are trimmed; leading blanks are kept (actor date lines start with a tab).
pub(crate) fn content_lines(text: &str) -> Vec<(usize, Cow<'_, str>)> {
    let mut out = Vec::with_capacity(text.len() / 24);
    let mut in_comment = false;
    for (index, raw) in text.lines().enumerate() {
        let number = index + 1;
        let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
        if in_comment {
            if raw.contains("-->") {
                in_comment = false;
            }
            continue;
        }
        if raw.starts_with("<!") {
            if raw.starts_with("<!--") && !raw.contains("-->") {
                in_comment = true;
            }
            continue;
        }
        if raw.starts_with('#') {
            continue;
        }
        let mut line: Cow<'_, str> = Cow::Borrowed(raw);
        while line.as_bytes().contains(&b'<')
            && let Some(start) = line.find("<!--")
        {
            match line[start..].find("-->") {
                Some(length) => {
                    let mut owned = line[..start].to_string();
                    owned.push_str(&line[start + length + 3..]);
                    line = Cow::Owned(owned);
                }
                None => {
                    in_comment = true;
                    line = Cow::Owned(line[..start].to_string());
                }
            }
        }
        if let Some(hash) = comment_start(&line) {
            line = match line {
                Cow::Borrowed(s) => Cow::Borrowed(&s[..hash]),
                Cow::Owned(s) => Cow::Owned(s[..hash].to_string()),
            };
        }
        let trimmed_len = line.trim_end().len();
        if line[..trimmed_len].trim_start().is_empty() {
            continue;
        }
        let line = match line {
            Cow::Borrowed(s) => Cow::Borrowed(&s[..trimmed_len]),
            Cow::Owned(mut s) => {
                s.truncate(trimmed_len);
                Cow::Owned(s)
            }
        };
        out.push((number, line));
    }
    out
}

/// Where a `#` comment starts: a `#` after a blank or after `]` (so that codes such as `[###]`
/// survive, as in PETRARCH-1's ` #` rule, while `[ZBW]#jw` still loses its comment).
fn comment_start(line: &str) -> Option<usize> {
    let bytes = line.as_bytes();
    (0..bytes.len())
        .find(|&i| bytes[i] == b'#' && (i == 0 || matches!(bytes[i - 1], b' ' | b'\t' | b']')))
}

/// The contents of a line's `[...]` groups; up to four are kept inline (most lines have one),
/// so reading a large actor file does not allocate a vector per line.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Groups<'a> {
    inline: [&'a str; 4],
    len: usize,
    overflow: Vec<&'a str>,
}

impl<'a> Groups<'a> {
    fn push(&mut self, group: &'a str) {
        if self.overflow.is_empty() && self.len < self.inline.len() {
            self.inline[self.len] = group;
            self.len += 1;
        } else {
            if self.overflow.is_empty() {
                self.overflow.extend_from_slice(&self.inline[..self.len]);
            }
            self.overflow.push(group);
        }
    }
}

impl<'a> std::ops::Deref for Groups<'a> {
    type Target = [&'a str];

    fn deref(&self) -> &[&'a str] {
        if self.overflow.is_empty() { &self.inline[..self.len] } else { &self.overflow }
    }
}

/// Splits `[...]` groups off a line: the text before the first `[`, and each bracket's content.
/// Text after the last `]` is returned as the rest. `Err` for an unclosed bracket.
pub(crate) fn split_brackets(line: &str) -> Result<(&str, Groups<'_>, &str), String> {
    let mut groups = Groups::default();
    let Some(first) = line.find('[') else {
        return Ok((line, groups, ""));
    };
    let head = &line[..first];
    let mut rest = &line[first..];
    loop {
        let trimmed = rest.trim_start();
        if !trimmed.starts_with('[') {
            return Ok((head, groups, trimmed));
        }
        let Some(close) = trimmed.find(']') else {
            return Err(format!("unclosed `[` in `{}`", line.trim()));
        };
        groups.push(&trimmed[1..close]);
        rest = &trimmed[close + 1..];
    }
}

/// A code is opaque, but it must be one word without brackets.
pub(crate) fn check_code(code: &str) -> Result<(), String> {
    if code.is_empty() {
        return Err("empty code `[]`".into());
    }
    if code.chars().any(|c| c.is_whitespace() || matches!(c, '[' | ']' | '{' | '}')) {
        return Err(format!("bad code `{code}`"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_by_name() {
        let cases = [
            ("CAMEO.2.0.txt", Some(FileRole::Verbs)),
            ("PETR.Validate.verbs.txt", Some(FileRole::Verbs)),
            ("dir/Phoenix.Countries.actors.txt", Some(FileRole::Actors)),
            ("Phoenix.agents.txt", Some(FileRole::Agents)),
            ("Phoenix.discards.txt", Some(FileRole::Discards)),
            ("Phoenix.IssueCoding.txt", Some(FileRole::Issues)),
            ("README.md", None),
        ];
        for (name, role) in cases {
            assert_eq!(FileRole::from_name(name), role, "{name}");
        }
    }

    #[test]
    fn lexical_rules() {
        let text = "<!-- a\nstill comment\n-->\nKEEP [###] # cut\n#skip\n<! skip\nA <!-- x --> B\n   \n\tTAB  \nLAST";
        let lines: Vec<(usize, String)> =
            content_lines(text).into_iter().map(|(n, l)| (n, l.into_owned())).collect();
        assert_eq!(
            lines,
            vec![
                (4, "KEEP [###]".to_string()),
                (7, "A  B".to_string()),
                (9, "\tTAB".to_string()),
                (10, "LAST".to_string()),
            ]
        );
    }

    #[test]
    fn brackets() {
        let (head, groups, rest) = split_brackets("ZIMBABWE [RHO <790606] [ZBW] x").unwrap();
        assert_eq!((head, &*groups, rest), ("ZIMBABWE ", &["RHO <790606", "ZBW"][..], "x"));
        let (_, many, _) = split_brackets("A [1] [2] [3] [4] [5] [6]").unwrap();
        assert_eq!(&*many, &["1", "2", "3", "4", "5", "6"][..]);
        let (head, none, rest) = split_brackets("NONE").unwrap();
        assert_eq!((head, none.len(), rest), ("NONE", 0, ""));
        assert!(split_brackets("A [B").is_err());
    }
}
