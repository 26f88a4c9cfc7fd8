//! PETRARCH actor files (`*.actors.txt`): primaries, `+` synonyms, tab-indented dated codes.
//!
//! Dates follow PETRARCH-1 (petrarch1-semantics 3.3): `<d` = on or before d, `>d` = on or after,
//! `d1-d2` inclusive at both ends; YYMMDD with YY <= 30 is 20YY. (PETRARCH2 excluded the upper
//! bound and let an earlier undated code shadow later dated ones; dyad does not copy that.)

use std::sync::Arc;

use dyad_model::{Date, Diagnostic};

use super::{check_code, content_lines, split_brackets};
use crate::model::{Actor, DateRange, DatedCode, Origin, Phrase};

/// Reads a PETRARCH actor file. Every entry is kept, including the last one of the file.
pub fn read_actors(name: &str, text: &str) -> (Vec<Actor>, Vec<Diagnostic>) {
    let file: Arc<str> = Arc::from(name);
    let mut actors: Vec<Actor> = Vec::new();
    let mut diagnostics = Vec::new();
    let mut current: Option<Actor> = None;
    for (number, line) in content_lines(text) {
        let origin = Origin::new(&file, number);
        let error = |message: String| Diagnostic::at_line(name, number, message);
        let body = line.trim();
        let starts_blank = line.starts_with([' ', '\t']) && body.starts_with('[');
        if line.starts_with([' ', '\t']) && !starts_blank && !body.starts_with('+') {
            diagnostics
                .push(error(format!("indented line `{body}` read as a new actor")).warning());
        }
        if let Some(synonym) = body.strip_prefix('+') {
            let Some(actor) = current.as_mut() else {
                diagnostics.push(error("synonym `+...` before any actor".into()));
                continue;
            };
            match split_brackets(synonym) {
                Ok((phrase, groups, rest)) => {
                    let phrase = Phrase::from_petrarch(phrase.trim());
                    if phrase.words.is_empty() {
                        diagnostics.push(error("empty synonym".into()));
                        continue;
                    }
                    actor.phrases.push(phrase);
                    if !groups.is_empty() || !rest.is_empty() {
                        // The synonym shares the primary's codes; a code here adds to them.
                        add_codes(actor, &groups, &origin, &mut diagnostics, name, number);
                    }
                }
                Err(message) => diagnostics.push(error(message)),
            }
        } else if starts_blank {
            let Some(actor) = current.as_mut() else {
                diagnostics.push(error("indented code line before any actor".into()));
                continue;
            };
            match split_brackets(body) {
                Ok((_, groups, _)) => {
                    add_codes(actor, &groups, &origin, &mut diagnostics, name, number);
                }
                Err(message) => diagnostics.push(error(message)),
            }
        } else {
            match split_brackets(body) {
                Ok((phrase, groups, _)) => {
                    let phrase = Phrase::from_petrarch(phrase.trim());
                    if phrase.words.is_empty() {
                        diagnostics.push(error(format!("actor line without a phrase: `{body}`")));
                        continue;
                    }
                    if let Some(done) = current.take() {
                        actors.push(done);
                    }
                    let mut actor =
                        Actor { phrases: vec![phrase], codes: Vec::new(), origin: origin.clone() };
                    add_codes(&mut actor, &groups, &origin, &mut diagnostics, name, number);
                    current = Some(actor);
                }
                Err(message) => diagnostics.push(error(message)),
            }
        }
    }
    if let Some(done) = current {
        actors.push(done);
    }
    (actors, diagnostics)
}

fn add_codes(
    actor: &mut Actor,
    groups: &[&str],
    origin: &Origin,
    diagnostics: &mut Vec<Diagnostic>,
    name: &str,
    number: usize,
) {
    for group in groups {
        match parse_dated_code(group) {
            Ok((code, range)) => {
                actor.codes.push(DatedCode { code, range, origin: origin.clone() })
            }
            Err(message) => diagnostics.push(Diagnostic::at_line(name, number, message)),
        }
    }
}

/// Parses the inside of `[CODE RESTRICTION]`: `HOB`, `HOB < 950601`, `HOBGOV 19950601 - 19990815`,
/// `HOBELI >20130119`.
pub(crate) fn parse_dated_code(group: &str) -> Result<(String, Option<DateRange>), String> {
    let group = group.trim();
    let code_end =
        group.find(|c: char| c.is_whitespace() || c == '<' || c == '>').unwrap_or(group.len());
    let code = &group[..code_end];
    check_code(code)?;
    let restriction = group[code_end..].trim();
    if restriction.is_empty() {
        return Ok((code.to_string(), None));
    }
    let date =
        |text: &str| Date::parse_compact(text.trim()).map_err(|e| format!("in `[{group}]`: {e}"));
    let range = if let Some(to) = restriction.strip_prefix('<') {
        DateRange { from: None, to: Some(date(to)?) }
    } else if let Some(from) = restriction.strip_prefix('>') {
        DateRange { from: Some(date(from)?), to: None }
    } else if let Some((from, to)) = restriction.split_once('-') {
        let range = DateRange { from: Some(date(from)?), to: Some(date(to)?) };
        if range.from > range.to {
            return Err(format!("in `[{group}]`: the range ends before it starts"));
        }
        range
    } else {
        return Err(format!("in `[{group}]`: a restriction is `<DATE`, `>DATE` or `DATE-DATE`"));
    };
    Ok((code.to_string(), Some(range)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Connector;

    fn d(text: &str) -> Date {
        text.parse().unwrap()
    }

    #[test]
    fn dated_codes() {
        type Expected<'a> = Result<(&'a str, Option<(Option<&'a str>, Option<&'a str>)>), ()>;
        let cases: [(&str, Expected<'_>); 8] = [
            ("HOB", Ok(("HOB", None))),
            ("HOB < 950601", Ok(("HOB", Some((None, Some("1995-06-01")))))),
            ("HOBELI >20130119", Ok(("HOBELI", Some((Some("2013-01-19"), None))))),
            (
                "HOBGOV 19950601 - 19990815",
                Ok(("HOBGOV", Some((Some("1995-06-01"), Some("1999-08-15"))))),
            ),
            (
                "RUSGOV 041001-080531",
                Ok(("RUSGOV", Some((Some("2004-10-01"), Some("2008-05-31"))))),
            ),
            ("HOB 950601", Err(())),
            ("HOB <95x601", Err(())),
            ("HOB 20100101-20000101", Err(())),
        ];
        for (input, expected) in cases {
            let got = parse_dated_code(input);
            match expected {
                Ok((code, range)) => {
                    let (got_code, got_range) = got.unwrap_or_else(|e| panic!("{input}: {e}"));
                    assert_eq!(got_code, code, "{input}");
                    let want = range.map(|(f, t)| DateRange { from: f.map(d), to: t.map(d) });
                    assert_eq!(got_range, want, "{input}");
                }
                Err(()) => assert!(got.is_err(), "{input} should fail"),
            }
        }
    }

    #[test]
    fn entries_synonyms_and_the_last_entry() {
        let text = "# comment\nGOLLUM  # x\n+SMEAGOL\n\t[HOB < 950601]\n\t[HOBGOV 19950601 - 19990815]\n\nNEW ZEALAND_ [NZE]\n+KIWI_\nLAST_ONE [LST] [XYZ >200101]\n";
        let (actors, diagnostics) = read_actors("t.actors.txt", text);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        assert_eq!(actors.len(), 3);
        assert_eq!(actors[0].phrases.len(), 2);
        assert_eq!(actors[0].codes.len(), 2);
        assert_eq!(actors[0].origin.to_string(), "t.actors.txt:2");
        assert_eq!(actors[0].codes[1].origin.line, 5);
        assert_eq!(actors[1].phrases[0].words[0].connector, Connector::Gap);
        assert_eq!(actors[1].phrases[0].text(), "NEW ZEALAND");
        assert_eq!(actors[2].codes.len(), 2);
        assert_eq!(actors[2].phrases[0].text(), "LAST_ONE");
    }

    #[test]
    fn bad_lines_are_reported_and_skipped() {
        let text = "+ORPHAN\n\t[ORPHAN]\nA [B\nGOOD [GD]\n\tINDENTED [IND]\n\t[X 1]\n";
        let (actors, diagnostics) = read_actors("bad.txt", text);
        assert_eq!(actors.len(), 2);
        let lines: Vec<usize> = diagnostics.iter().map(|d| d.line.unwrap()).collect();
        assert_eq!(lines, vec![1, 2, 3, 5, 6]);
        assert_eq!(diagnostics[3].severity, dyad_model::Severity::Warning);
    }
}
