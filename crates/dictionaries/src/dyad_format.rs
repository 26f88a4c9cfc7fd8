//! Reader of dyad's own dictionary format (`dyad-dictionary 1`, docs/dictionary-format.md).

use std::sync::Arc;

use dyad_model::{Date, Diagnostic};

use crate::model::{
    Actor, Agent, AgentCode, Connector, DateRange, DatedCode, Discard, DiscardLevel, Element,
    Genre, Issue, IssueKind, Item, Origin, Pattern, Phrase, Synset, SynsetMember, Verb, VerbBlock,
    VerbDictionary, VerbForm, VerbFormat, Word,
};
use crate::petrarch::parse_structured_pattern;
use crate::set::{Dictionaries, FileInfo};

/// The only format version this reader knows.
pub const FORMAT: &str = "dyad-dictionary 1";

/// Header keys the format defines.
const HEADER_KEYS: [&str; 5] = ["format", "version", "licence", "description", "sort"];

/// Cuts a `#` comment: `#` at the start of a line or after a blank.
fn strip_comment(line: &str) -> &str {
    let bytes = line.as_bytes();
    let cut = (0..bytes.len())
        .find(|&i| bytes[i] == b'#' && (i == 0 || bytes[i - 1] == b' ' || bytes[i - 1] == b'\t'));
    match cut {
        Some(i) => &line[..i],
        None => line,
    }
}

/// Whether `code` is a valid code: letters, digits, `~`, and (patterns) `-`, `:`, `/`.
fn check_code(code: &str, what: &str) -> Result<(), String> {
    if code.is_empty() {
        return Err(format!("{what}: missing code"));
    }
    if !code.chars().all(|c| c.is_alphanumeric() || matches!(c, '~' | '-' | ':' | '/')) {
        return Err(format!("{what}: bad code `{code}` (letters, digits and `~` only)"));
    }
    Ok(())
}

/// Parses one side of a range: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; `end` picks the last day.
fn parse_range_date(text: &str, end: bool) -> Result<Date, String> {
    let bad = || format!("`{text}` is not YYYY, YYYY-MM or YYYY-MM-DD");
    let parts: Vec<&str> = text.split('-').collect();
    let number = |s: &str, len: usize| -> Result<i32, String> {
        if s.len() != len || !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        s.parse().map_err(|_| bad())
    };
    match parts.as_slice() {
        [y] => {
            let year = number(y, 4)?;
            Date::new(year, if end { 12 } else { 1 }, if end { 31 } else { 1 }).map_err(|e| e.0)
        }
        [y, m] => {
            let year = number(y, 4)?;
            let month = number(m, 2)? as u8;
            let day = if end {
                if !(1..=12).contains(&month) {
                    return Err(bad());
                }
                dyad_model_days_in_month(year, month)
            } else {
                1
            };
            Date::new(year, month, day).map_err(|e| e.0)
        }
        [_, _, _] => text.parse().map_err(|e: dyad_model::DateError| e.0),
        _ => Err(bad()),
    }
}

fn dyad_model_days_in_month(year: i32, month: u8) -> u8 {
    // The first day of the next month minus one day.
    let next = Date { year, month, day: 1 }.add_months(1);
    next.add_days(-1).day
}

/// Parses `FROM..TO` (either side may be empty).
pub fn parse_range(text: &str) -> Result<DateRange, String> {
    let Some((from, to)) = text.split_once("..") else {
        return Err(format!("`{text}` is not a range FROM..TO"));
    };
    let from = if from.is_empty() { None } else { Some(parse_range_date(from, false)?) };
    let to = if to.is_empty() { None } else { Some(parse_range_date(to, true)?) };
    if let (Some(f), Some(t)) = (from, to)
        && f > t
    {
        return Err(format!("range `{text}` ends before it starts"));
    }
    Ok(DateRange { from, to })
}

/// Parses `CODE [RANGE]`.
fn parse_dated_code(text: &str, origin: &Origin) -> Result<DatedCode, String> {
    let mut parts = text.split_whitespace();
    let code = parts.next().unwrap_or("");
    check_code(code, "actor")?;
    let range = match parts.next() {
        Some(range) => Some(parse_range(range)?),
        None => None,
    };
    if let Some(extra) = parts.next() {
        return Err(format!("unexpected `{extra}` after the code"));
    }
    Ok(DatedCode { code: code.to_string(), range, origin: origin.clone() })
}

/// Parses `a | b c | d` into phrases; `lemma_last` lets the last word match by lemma.
fn parse_phrases(text: &str, lemma_last: bool) -> Result<Vec<Phrase>, String> {
    let mut phrases = Vec::new();
    for part in text.split('|') {
        let words: Vec<&str> = part.split_whitespace().collect();
        if words.is_empty() {
            return Err("empty phrase (check the `|` separators)".into());
        }
        let count = words.len();
        phrases.push(Phrase {
            words: words
                .into_iter()
                .enumerate()
                .map(|(i, w)| Word {
                    text: w.to_string(),
                    connector: Connector::Adjacent,
                    capital: w.chars().any(char::is_uppercase),
                    lemma: lemma_last && i + 1 == count,
                })
                .collect(),
        });
    }
    Ok(phrases)
}

fn gaps_everywhere(elements: &mut [Element]) {
    for element in elements {
        element.connector = Connector::Gap;
        match &mut element.item {
            Item::NounPhrase(items) | Item::Prep { items, .. } => gaps_everywhere(items),
            _ => {}
        }
    }
}

/// Parses `BEFORE * AFTER = CODE` (after the `pattern` keyword).
fn parse_pattern(text: &str, origin: &Origin) -> Result<Pattern, String> {
    let Some((body, code)) = text.rsplit_once('=') else {
        return Err("a pattern is `pattern BEFORE * AFTER = CODE`".into());
    };
    let code = code.trim();
    check_code(code, "pattern")?;
    let body = body.trim();
    let (mut upper, mut lower) = parse_structured_pattern(body, false)?;
    gaps_everywhere(&mut upper);
    gaps_everywhere(&mut lower);
    Ok(Pattern {
        upper,
        lower,
        code: code.to_string(),
        text: body.to_string(),
        origin: origin.clone(),
    })
}

enum Current {
    None,
    Actor(Actor),
    Block {
        block: VerbBlock,
        noun: bool,
    },
    /// An entry that takes no continuation lines.
    Closed(&'static str),
}

struct Reader<'a> {
    name: &'a str,
    file: Arc<str>,
    set: Dictionaries,
    diagnostics: Vec<Diagnostic>,
    current: Current,
}

impl Reader<'_> {
    fn error(&mut self, line: usize, message: impl Into<String>) {
        self.diagnostics.push(Diagnostic::at_line(self.name, line, message));
    }

    fn finish(&mut self) {
        match std::mem::replace(&mut self.current, Current::None) {
            Current::Actor(actor) => self.set.actors.push(actor),
            Current::Block { block, noun: false } => self.set.verbs.blocks.push(block),
            Current::Block { block, noun: true } => self.set.nouns.push(block),
            Current::None | Current::Closed(_) => {}
        }
    }
}

/// Reads one file in dyad's format.
pub fn read_dyad_file(name: &str, text: &str) -> (Dictionaries, Vec<Diagnostic>) {
    let mut reader = Reader {
        name,
        file: Arc::from(name),
        set: Dictionaries::default(),
        diagnostics: Vec::new(),
        current: Current::None,
    };
    reader.set.verbs.format = VerbFormat::Dyad;
    let mut header: Vec<(String, String)> = Vec::new();
    let mut seen_entry = false;
    let mut format_checked = false;
    for (index, raw) in text.lines().enumerate() {
        let number = index + 1;
        let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
        let line = strip_comment(raw).trim_end();
        if line.trim().is_empty() {
            continue;
        }
        if let Some(rest) = line.strip_prefix('@') {
            if seen_entry {
                reader.error(number, "header line `@...` after the first entry");
                continue;
            }
            let (key, value) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
            let value = value.trim();
            if !HEADER_KEYS.contains(&key) {
                reader.diagnostics.push(
                    Diagnostic::at_line(name, number, format!("unknown header key `@{key}`"))
                        .warning(),
                );
            }
            if key == "format" {
                format_checked = true;
                if value != FORMAT {
                    reader.error(
                        number,
                        format!("unsupported format `{value}` (this dyad reads `{FORMAT}`)"),
                    );
                }
            }
            header.push((key.to_string(), value.to_string()));
            continue;
        }
        if !seen_entry {
            seen_entry = true;
            if !format_checked {
                reader.error(
                    number,
                    format!("missing header `@format {FORMAT}` before the first entry"),
                );
                format_checked = true;
            }
        }
        let origin = Origin::new(&reader.file, number);
        if line.starts_with([' ', '\t']) {
            continuation(&mut reader, number, line.trim(), &origin);
        } else {
            reader.finish();
            head_line(&mut reader, number, line, &origin);
        }
    }
    reader.finish();
    if !format_checked {
        reader.error(1, format!("missing header `@format {FORMAT}`"));
    }
    reader.set.files.push(FileInfo { name: name.to_string(), role: None, header });
    (reader.set, reader.diagnostics)
}

fn continuation(reader: &mut Reader<'_>, number: usize, body: &str, origin: &Origin) {
    let result = match &mut reader.current {
        Current::None => Err("continuation line (it starts with a blank) before any entry".into()),
        Current::Closed(kind) => Err(format!("`{kind}` entries take no continuation lines")),
        Current::Actor(actor) => parse_dated_code(body, origin).map(|code| actor.codes.push(code)),
        Current::Block { block, .. } => match body.strip_prefix("pattern") {
            Some(rest) if rest.starts_with(char::is_whitespace) => {
                parse_pattern(rest.trim(), origin).map(|p| block.patterns.push(p))
            }
            _ => Err(format!("expected `pattern ...`, found `{body}`")),
        },
    };
    if let Err(message) = result {
        reader.error(number, message);
    }
}

fn head_line(reader: &mut Reader<'_>, number: usize, line: &str, origin: &Origin) {
    let (kind, rest) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
    let rest = rest.trim();
    let (left, right) = match rest.split_once('=') {
        Some((l, r)) => (l.trim(), Some(r.trim())),
        None => (rest, None),
    };
    let result: Result<(), String> = match kind {
        "actor" => parse_phrases(left, false).and_then(|phrases| {
            let mut actor = Actor { phrases, codes: Vec::new(), origin: origin.clone() };
            if let Some(code) = right {
                actor.codes.push(parse_dated_code(code, origin)?);
            }
            reader.current = Current::Actor(actor);
            Ok(())
        }),
        "agent" => {
            let phrases = parse_phrases(left, true);
            let code = match right {
                None => Err("an agent needs `= CODE` (`GOV`, `~GOV` or `NGO~`)".to_string()),
                Some(code) => {
                    let parsed = if let Some(c) = code.strip_prefix('~') {
                        AgentCode::Append(c.to_string())
                    } else if let Some(c) = code.strip_suffix('~') {
                        AgentCode::Prepend(c.to_string())
                    } else {
                        AgentCode::Append(code.to_string())
                    };
                    check_code(parsed.code(), "agent")
                        .and_then(|()| {
                            if parsed.code().contains('~') {
                                Err(format!("agent: bad code `{code}`"))
                            } else {
                                Ok(())
                            }
                        })
                        .map(|()| parsed)
                }
            };
            phrases.and_then(|phrases| {
                let code = code?;
                reader.set.agents.push(Agent { phrases, code, origin: origin.clone() });
                reader.current = Current::Closed("agent");
                Ok(())
            })
        }
        "verb" | "noun" | "state" => {
            let noun = kind != "verb";
            parse_phrases(left, noun).and_then(|phrases| {
                let code = match right {
                    Some(code) => {
                        check_code(code, kind)?;
                        code.to_string()
                    }
                    None => "---".to_string(),
                };
                let verbs = phrases
                    .iter()
                    .map(|p| {
                        // A verb's head is its first word (`pull out of`); a noun's is its
                        // last (`telephone conversation`).
                        let base = VerbForm {
                            words: p.words.iter().map(|w| w.text.clone()).collect(),
                            head: if noun { p.words.len() - 1 } else { 0 },
                        };
                        Verb { forms: vec![base.clone()], base, code: None, origin: origin.clone() }
                    })
                    .collect();
                reader.current = Current::Block {
                    block: VerbBlock {
                        label: phrases[0].text(),
                        code,
                        verbs,
                        patterns: Vec::new(),
                        origin: origin.clone(),
                        format: VerbFormat::Dyad,
                        state: kind == "state",
                    },
                    noun,
                };
                Ok(())
            })
        }
        "synset" => {
            let name = left.strip_prefix('&').unwrap_or("");
            if name.is_empty() || name.contains(char::is_whitespace) {
                Err("a synset is `synset &NAME = word | phrase ...`".into())
            } else if let Some(members) = right {
                parse_phrases(members, false).map(|phrases| {
                    reader.set.verbs.synsets.push(Synset {
                        name: name.to_string(),
                        members: phrases
                            .into_iter()
                            .map(|p| SynsetMember {
                                words: p.words.into_iter().map(|w| w.text).collect(),
                                generated: false,
                            })
                            .collect(),
                        origin: origin.clone(),
                    });
                    reader.current = Current::Closed("synset");
                })
            } else {
                Err("a synset needs `= members`".into())
            }
        }
        "discard" | "discard-story" => {
            let level =
                if kind == "discard" { DiscardLevel::Sentence } else { DiscardLevel::Story };
            if right.is_some() {
                Err(format!("`{kind}` takes no `= CODE`"))
            } else {
                parse_phrases(left, false).map(|phrases| {
                    for phrase in phrases {
                        reader.set.discards.push(Discard { phrase, level, origin: origin.clone() });
                    }
                    reader.current = Current::Closed("discard");
                })
            }
        }
        "discard-genre" => add_genre(reader, left, right, origin),
        "issue" => match right {
            None => Err("an issue is `issue CODE = phrase | phrase ...`".into()),
            Some(phrases) => check_code(left, "issue")
                .and_then(|()| parse_phrases(phrases, true))
                .map(|phrases| {
                    reader.set.issues.push(Issue {
                        phrases,
                        kind: IssueKind::Topic(left.to_string()),
                        origin: origin.clone(),
                    });
                    reader.current = Current::Closed("issue");
                }),
        },
        "pattern" => {
            Err("a `pattern` line must be indented under a `verb`, `noun` or `state` entry".into())
        }
        _ => Err(format!(
            "unknown entry kind `{kind}` (actor, agent, verb, noun, state, synset, discard, \
             discard-story, discard-genre, issue)"
        )),
    };
    if let Err(message) = result {
        reader.current = Current::Closed("bad");
        reader.error(number, message);
    }
}

/// `discard-genre NAME COUNT = phrases`: a new genre, or more phrases for a known one;
/// `discard-genre NAME unless = phrases`: phrases that keep an article of a known genre coded.
fn add_genre(
    reader: &mut Reader<'_>,
    left: &str,
    right: Option<&str>,
    origin: &Origin,
) -> Result<(), String> {
    const SHAPE: &str =
        "a genre is `discard-genre NAME COUNT = phrases` or `discard-genre NAME unless = phrases`";
    let words: Vec<&str> = left.split_whitespace().collect();
    let (&[name, count], Some(phrases)) = (words.as_slice(), right) else {
        return Err(SHAPE.into());
    };
    let phrases = parse_phrases(phrases, false)?;
    reader.current = Current::Closed("discard-genre");
    let known = reader.set.genres.iter_mut().find(|g| g.name == name);
    if count == "unless" {
        let Some(known) = known else {
            return Err(format!("`unless` before any `discard-genre {name} COUNT` entry"));
        };
        known.unless.extend(phrases);
        return Ok(());
    }
    let at_least = match count.parse::<usize>() {
        Ok(n) if n >= 1 => n,
        _ => return Err(format!("`{count}` is no count (a whole number, 1 or more) nor `unless`")),
    };
    match known {
        Some(known) if known.at_least != at_least => Err(format!(
            "genre `{name}` needs {} phrases at {}; a genre has one count",
            known.at_least, known.origin
        )),
        Some(known) => {
            known.phrases.extend(phrases);
            Ok(())
        }
        None => {
            let origin = origin.clone();
            let genre =
                Genre { name: name.to_string(), at_least, phrases, unless: Vec::new(), origin };
            reader.set.genres.push(genre);
            Ok(())
        }
    }
}

fn collect_synsets(elements: &[Element], out: &mut Vec<String>) {
    for element in elements {
        match &element.item {
            Item::Synset(name) => out.push(name.clone()),
            Item::NounPhrase(items) | Item::Prep { items, .. } => collect_synsets(items, out),
            _ => {}
        }
    }
}

/// Reports patterns that use a synset no file of the set defines.
pub(crate) fn check_synset_references(
    verbs: &VerbDictionary,
    nouns: &[VerbBlock],
) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    for block in verbs.blocks.iter().chain(nouns) {
        for pattern in &block.patterns {
            let mut names = Vec::new();
            collect_synsets(&pattern.upper, &mut names);
            collect_synsets(&pattern.lower, &mut names);
            for name in names {
                if verbs.synset(&name).is_none() {
                    diagnostics.push(Diagnostic::at_line(
                        pattern.origin.file.to_string(),
                        pattern.origin.line as usize,
                        format!("undefined synset &{name}"),
                    ));
                }
            }
        }
    }
    diagnostics
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "@format dyad-dictionary 1\n@version 2026.11.29\n@licence CC0\n";

    fn read(body: &str) -> (Dictionaries, Vec<Diagnostic>) {
        read_dyad_file("t.dyad", &format!("{HEADER}{body}"))
    }

    fn messages(diagnostics: &[Diagnostic]) -> Vec<String> {
        diagnostics.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn actors_with_dated_codes() {
        let (set, diagnostics) = read(
            "# people\nactor Russia | Russian Federation = RUS\nactor Mikhail Bogdanov | Bogdanov  # deputy FM\n    RUSGOV 2011-06-24..\n\tRUSELI\nactor Old = OLD ..2004-03\n",
        );
        assert!(diagnostics.is_empty(), "{:?}", messages(&diagnostics));
        assert_eq!(set.actors.len(), 3);
        assert_eq!(set.actors[0].phrases[1].text(), "Russian_Federation");
        assert!(set.actors[0].phrases[0].words[0].capital);
        let bogdanov = &set.actors[1];
        assert_eq!(bogdanov.origin.to_string(), "t.dyad:6");
        assert_eq!(bogdanov.codes[0].origin.line, 7);
        let date = |s: &str| Some(s.parse::<Date>().unwrap());
        assert_eq!(bogdanov.code_at(date("2020-09-04")).unwrap().code, "RUSGOV");
        assert_eq!(bogdanov.code_at(date("2011-06-23")).unwrap().code, "RUSELI");
        assert_eq!(bogdanov.code_at(None).unwrap().code, "RUSELI");
        let old = &set.actors[2];
        assert_eq!(old.codes[0].range.unwrap().to, date("2004-03-31"));
        assert_eq!(old.code_at(date("2004-04-01")), None);
    }

    #[test]
    fn ranges() {
        let cases = [
            ("2011-06-24..", Some("2011-06-24"), None),
            ("..2004-03-08", None, Some("2004-03-08")),
            ("2004..2004", Some("2004-01-01"), Some("2004-12-31")),
            ("2024-02..2024-02", Some("2024-02-01"), Some("2024-02-29")),
        ];
        for (text, from, to) in cases {
            let range = parse_range(text).unwrap();
            assert_eq!(range.from.map(|d| d.to_string()).as_deref(), from, "{text}");
            assert_eq!(range.to.map(|d| d.to_string()).as_deref(), to, "{text}");
        }
        for bad in ["2011", "2011..2010", "20110..", "2011-13..", "2011-02-30..", "x..y"] {
            assert!(parse_range(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn agents_verbs_nouns_and_the_rest() {
        let (set, diagnostics) = read(concat!(
            "agent foreign minister | foreign secretary = GOV\n",
            "agent troops = ~MIL\n",
            "agent human rights group = NGO~\n",
            "synset &talks = talks | negotiations\n",
            "verb meet | meet with | hold talks = 040\n",
            "    pattern * (with +) = 040\n",
            "    pattern * &talks (on nuclear) = 0431   # illustrative\n",
            "verb accuse = 112\n",
            "    pattern $ * + (of war crimes) = 112\n",
            "verb hold\n",
            "    pattern * {financial aid} = 1711:1711\n",
            "noun telephone conversation | phone call = 040\n",
            "state civil war | war = 190\n",
            "discard football | premier league\n",
            "discard-story horoscope\n",
            "discard-genre sport 3 = coach | top seed\n",
            "discard-genre sport 3 = striker\n",
            "discard-genre sport unless = bomb | gunmen\n",
            "issue ELECTIONS = election | polling station\n",
        ));
        assert!(diagnostics.is_empty(), "{:?}", messages(&diagnostics));
        assert_eq!(set.agents.len(), 3);
        assert_eq!(set.agents[0].code, AgentCode::Append("GOV".into()));
        assert_eq!(set.agents[2].code, AgentCode::Prepend("NGO".into()));
        assert!(set.agents[0].phrases[0].words[1].lemma);
        assert!(!set.agents[0].phrases[0].words[0].lemma);
        assert_eq!(set.verbs.blocks.len(), 3);
        let meet = &set.verbs.blocks[0];
        assert_eq!(meet.verbs.len(), 3);
        assert_eq!(meet.verbs[2].base.words, ["hold", "talks"]);
        assert_eq!(meet.patterns.len(), 2);
        assert_eq!(meet.patterns[1].origin.line, 10);
        match &meet.patterns[0].lower[0].item {
            Item::Prep { preposition, items } => {
                assert_eq!(preposition, "with");
                assert_eq!(items[0].item, Item::Target);
            }
            other => panic!("{other:?}"),
        }
        let accuse = &set.verbs.blocks[1].patterns[0];
        assert_eq!(accuse.upper[0].item, Item::Source);
        assert_eq!(accuse.lower[0].item, Item::Target);
        assert_eq!(set.verbs.blocks[2].code, "---");
        assert_eq!(set.verbs.blocks[2].patterns[0].code, "1711:1711");
        // A state is a noun that only its onset makes an event.
        assert_eq!(set.nouns.len(), 2);
        assert_eq!(set.nouns[0].verbs[0].base.head_word(), "conversation");
        assert_eq!(set.nouns[0].verbs[1].base.head_word(), "call");
        assert!(!set.nouns[0].state);
        assert!(set.nouns[1].state);
        assert_eq!(set.nouns[1].verbs[0].base.head_word(), "war");
        assert_eq!(set.nouns[1].code, "190");
        assert_eq!(set.verbs.blocks[0].verbs[2].base.head_word(), "hold");
        assert_eq!(set.discards.len(), 3);
        assert_eq!(set.discards[2].level, DiscardLevel::Story);
        assert_eq!(set.genres.len(), 1, "entries of one name make one genre");
        assert_eq!(set.genres[0].at_least, 3);
        let genre_words: Vec<String> =
            set.genres[0].phrases.iter().map(|p| p.to_string()).collect();
        assert_eq!(genre_words, ["coach", "top_seed", "striker"]);
        assert_eq!(set.genres[0].unless.len(), 2);
        assert_eq!(set.issues[0].kind, IssueKind::Topic("ELECTIONS".into()));
        assert_eq!(set.files[0].header[1], ("version".into(), "2026.11.29".into()));
    }

    #[test]
    fn every_bad_line_is_reported() {
        let body = concat!(
            "    RUS\n",                        // 4: continuation before any entry
            "actor = RUS\n",                    // 5: empty phrase
            "actor A | | B = RUS\n",            // 6: empty phrase
            "actor Good = RUS\n",               // 7
            "    RUSGOV 2011..2010\n",          // 8: bad range
            "    pattern * = 040\n",            // 9: pattern under an actor
            "agent minister\n",                 // 10: agent without code
            "verb meet = 040\n",                // 11
            "    pattern meet = 040\n",         // 12: no `*`
            "    pattern * (with + = 040\n",    // 13: missing `)`
            "    RUS\n",                        // 14: not a pattern
            "discard x = Y\n",                  // 15: discard with code
            "whatever x\n",                     // 16: unknown kind
            "issue = x\n",                      // 17: missing code
            "@version 2\n",                     // 18: header after entries
            "synset talks = a\n",               // 19: no &
            "agent x = G~O~V\n",                // 20: bad code
            "discard-genre sport = coach\n",    // 21: no count
            "discard-genre sport 0 = coach\n",  // 22: count below 1
            "discard-genre sport 2 = coach\n",  // 23
            "discard-genre sport 3 = seed\n",   // 24: a second count for one genre
            "discard-genre sport 2\n",          // 25: no phrases
            "discard-genre chess unless = x\n", // 26: `unless` before the genre
        );
        let (set, diagnostics) = read(body);
        let lines: Vec<usize> = diagnostics.iter().map(|d| d.line.unwrap()).collect();
        assert_eq!(
            lines,
            vec![4, 5, 6, 8, 9, 10, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 24, 25, 26],
            "{:?}",
            messages(&diagnostics)
        );
        assert_eq!(set.actors.len(), 1);
        assert_eq!(set.verbs.blocks.len(), 1);
    }

    #[test]
    fn header_is_required() {
        let (_, diagnostics) = read_dyad_file("x.dyad", "actor A = B\n");
        assert_eq!(diagnostics.len(), 1);
        assert!(diagnostics[0].to_string().starts_with("x.dyad:1: missing header"));
        let (_, diagnostics) = read_dyad_file("x.dyad", "@format dyad-dictionary 2\n");
        assert_eq!(diagnostics.len(), 1);
        let (_, diagnostics) = read_dyad_file("x.dyad", "");
        assert_eq!(diagnostics.len(), 1);
    }
}
