//! PETRARCH agent, discard and issue files: one entry per line.

use std::collections::HashMap;
use std::sync::Arc;

use dyad_model::Diagnostic;

use super::{check_code, content_lines, split_brackets};
use crate::inflect;
use crate::model::{
    Agent, AgentCode, Connector, Discard, DiscardLevel, Issue, IssueKind, Origin, Phrase, Word,
};

/// Parses an agent code `~GOV` or `NGO~`.
pub(crate) fn parse_agent_code(code: &str) -> Result<AgentCode, String> {
    let code = code.trim();
    let parsed = if let Some(rest) = code.strip_prefix('~') {
        AgentCode::Append(rest.to_string())
    } else if let Some(rest) = code.strip_suffix('~') {
        AgentCode::Prepend(rest.to_string())
    } else {
        return Err(format!("agent code `[{code}]` must be `~CODE` or `CODE~`"));
    };
    check_code(parsed.code()).map_err(|e| format!("agent code: {e}"))?;
    if parsed.code().contains('~') {
        return Err(format!("agent code `[{code}]` has more than one `~`"));
    }
    Ok(parsed)
}

/// The phrase with PETRARCH-1's generated plural on its last word (petrarch1-semantics 3.4).
fn plural_phrase(phrase: &Phrase) -> Phrase {
    let mut plural = phrase.clone();
    if let Some(last) = plural.words.last_mut() {
        last.text = inflect::agent_plural(&last.text);
    }
    plural
}

/// Reads a PETRARCH agent file: `!MARKER! = a, b` definitions and `PHRASE [{PLURALS}] [~CODE]`
/// lines (or `[CODE~]`). Plurals are generated unless braces give them (`{}` = none); a phrase
/// holding a marker expands to one phrase per item, without plurals.
pub fn read_agents(name: &str, text: &str) -> (Vec<Agent>, Vec<Diagnostic>) {
    let file: Arc<str> = Arc::from(name);
    let mut agents = Vec::new();
    let mut diagnostics = Vec::new();
    let mut markers: HashMap<String, Vec<String>> = HashMap::new();
    for (number, line) in content_lines(text) {
        let error = |message: String| Diagnostic::at_line(name, number, message);
        let body = line.trim();
        if body.starts_with('!')
            && let Some((marker, items)) = body.split_once('=')
        {
            let marker = marker.trim();
            if marker.len() < 3
                || !marker.ends_with('!')
                || marker[1..marker.len() - 1].contains('!')
            {
                diagnostics.push(error(format!("bad marker name `{marker}` (want `!NAME!`)")));
                continue;
            }
            let items: Vec<String> = items
                .split(',')
                .map(|item| item.trim().to_string())
                .filter(|item| !item.is_empty())
                .collect();
            if items.iter().any(|item| item.contains('!')) {
                diagnostics.push(error(format!("marker `{marker}`: an item may not hold `!`")));
                continue;
            }
            if items.is_empty() {
                diagnostics.push(error(format!("marker `{marker}` has no items")));
                continue;
            }
            markers.insert(marker.to_string(), items);
            continue;
        }
        let (head, plurals) = match (body.find('{'), body.find('}')) {
            (Some(open), Some(close)) if open < close => {
                let mut head = body[..open].to_string();
                head.push(' ');
                head.push_str(&body[close + 1..]);
                (head, Some(body[open + 1..close].to_string()))
            }
            (None, None) => (body.to_string(), None),
            _ => {
                diagnostics.push(error(format!("unbalanced braces in `{body}`")));
                continue;
            }
        };
        let (phrase_text, groups, rest) = match split_brackets(&head) {
            Ok(parts) => parts,
            Err(message) => {
                diagnostics.push(error(message));
                continue;
            }
        };
        if groups.len() != 1 || !rest.trim().is_empty() {
            diagnostics.push(error(format!(
                "an agent line is `PHRASE [{{PLURAL}}] [~CODE]`, found `{body}`"
            )));
            continue;
        }
        let code = match parse_agent_code(groups[0]) {
            Ok(code) => code,
            Err(message) => {
                diagnostics.push(error(message));
                continue;
            }
        };
        let phrase_text = phrase_text.trim();
        if phrase_text.is_empty() {
            diagnostics.push(error("agent line without a phrase".into()));
            continue;
        }
        let mut phrases = Vec::new();
        if phrase_text.matches('!').count() > 6 {
            diagnostics.push(error("more than three markers in one phrase".into()));
            continue;
        }
        if phrase_text.contains('!') {
            match expand_markers(phrase_text, &markers) {
                Ok(expanded) => phrases.extend(expanded.iter().map(|t| Phrase::from_petrarch(t))),
                Err(message) => {
                    diagnostics.push(error(message));
                    continue;
                }
            }
        } else {
            let phrase = Phrase::from_petrarch(phrase_text);
            let generated = match &plurals {
                None => vec![plural_phrase(&phrase)],
                Some(given) => given
                    .split_whitespace()
                    .map(Phrase::from_petrarch)
                    .filter(|p| !p.words.is_empty())
                    .collect(),
            };
            phrases.push(phrase);
            phrases.extend(generated);
        }
        phrases.retain(|p| !p.words.is_empty());
        if phrases.is_empty() {
            diagnostics.push(error("agent line without a phrase".into()));
            continue;
        }
        agents.push(Agent { phrases, code, origin: Origin::new(&file, number) });
    }
    (agents, diagnostics)
}

/// Expands every `!NAME!` in `text` (cartesian product when there are several).
fn expand_markers(
    text: &str,
    markers: &HashMap<String, Vec<String>>,
) -> Result<Vec<String>, String> {
    let Some(start) = text.find('!') else {
        return Ok(vec![text.to_string()]);
    };
    let Some(length) = text[start + 1..].find('!') else {
        return Err(format!("unclosed marker in `{text}`"));
    };
    let marker = &text[start..start + length + 2];
    let Some(items) = markers.get(marker) else {
        return Err(format!("undefined marker `{marker}`"));
    };
    let mut out = Vec::new();
    for item in items {
        if out.len() > MAX_EXPANSIONS {
            return Err(format!("more than {MAX_EXPANSIONS} phrases after expansion"));
        }
        let replaced = format!("{}{}{}", &text[..start], item, &text[start + length + 2..]);
        out.extend(expand_markers(&replaced, markers)?);
    }
    Ok(out)
}

/// Reads a PETRARCH discard file: one phrase per line, `+PHRASE` = story level.
pub fn read_discards(name: &str, text: &str) -> (Vec<Discard>, Vec<Diagnostic>) {
    let file: Arc<str> = Arc::from(name);
    let mut discards = Vec::new();
    let mut diagnostics = Vec::new();
    for (number, line) in content_lines(text) {
        let body = line.trim();
        let (level, phrase) = match body.strip_prefix('+') {
            Some(rest) => (DiscardLevel::Story, rest),
            None => (DiscardLevel::Sentence, body),
        };
        // `;` starts a comment in TABARI list files.
        let phrase = phrase.split(';').next().unwrap_or("").trim();
        let phrase = Phrase::from_petrarch(phrase);
        if phrase.words.is_empty() {
            diagnostics.push(Diagnostic::at_line(name, number, "empty discard phrase"));
            continue;
        }
        discards.push(Discard { phrase, level, origin: Origin::new(&file, number) });
    }
    (discards, diagnostics)
}

/// Reads a PETRARCH issue file: `<ISSUE ...>` wrappers (skipped), `phrase [CODE]` lines with the
/// expansions `n:word` (singular and plural), `v:word` (base, S, ED, ING) and `a+b` ("a b" and
/// "a-b"), and `~phrase` / `~~phrase` ignore phrases.
pub fn read_issues(name: &str, text: &str) -> (Vec<Issue>, Vec<Diagnostic>) {
    let file: Arc<str> = Arc::from(name);
    let mut issues = Vec::new();
    let mut diagnostics = Vec::new();
    for (number, line) in content_lines(text) {
        let error = |message: String| Diagnostic::at_line(name, number, message);
        let body = line.trim();
        if body.starts_with("<ISSUE") || body.starts_with("</ISSUE") {
            continue;
        }
        let (kind, phrase_text) = if let Some(rest) = body.strip_prefix('~') {
            let rest = rest.trim_start_matches('~');
            match split_brackets(rest) {
                Ok((phrase, groups, _)) if groups.is_empty() => (IssueKind::Ignore, phrase),
                Ok(_) => {
                    diagnostics.push(error("an ignore phrase `~...` takes no code".into()));
                    continue;
                }
                Err(message) => {
                    diagnostics.push(error(message));
                    continue;
                }
            }
        } else {
            match split_brackets(body) {
                Ok((phrase, groups, rest)) if groups.len() == 1 && rest.trim().is_empty() => {
                    if let Err(message) = check_code(groups[0].trim()) {
                        diagnostics.push(error(message));
                        continue;
                    }
                    (IssueKind::Topic(groups[0].trim().to_string()), phrase)
                }
                Ok(_) => {
                    diagnostics.push(error(format!(
                        "an issue line is `phrase [CODE]` or `~phrase`, found `{body}`"
                    )));
                    continue;
                }
                Err(message) => {
                    diagnostics.push(error(message));
                    continue;
                }
            }
        };
        match expand_issue_phrase(phrase_text.trim()) {
            Ok(phrases) => issues.push(Issue { phrases, kind, origin: Origin::new(&file, number) }),
            Err(message) => diagnostics.push(error(message)),
        }
    }
    (issues, diagnostics)
}

/// A line that expands to more phrases than this is an error, not a memory bomb.
const MAX_EXPANSIONS: usize = 1024;

fn expand_issue_phrase(text: &str) -> Result<Vec<Phrase>, String> {
    let mut alternatives: Vec<Vec<String>> = vec![Vec::new()];
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.is_empty() {
        return Err("issue line without a phrase".into());
    }
    for word in words {
        let choices: Vec<Vec<String>> = if let Some(noun) = word.strip_prefix("n:") {
            vec![vec![noun.to_string()], vec![inflect::noun_plural(noun)]]
        } else if let Some(verb) = word.strip_prefix("v:") {
            let [third, past, gerund] = inflect::petrarch2_verb_forms(verb);
            vec![vec![verb.to_string()], vec![third], vec![past], vec![gerund]]
        } else if word.contains('+') && !word.starts_with('+') && !word.ends_with('+') {
            let parts: Vec<String> = word.split('+').map(str::to_string).collect();
            vec![parts.clone(), vec![parts.join("-")]]
        } else {
            vec![vec![word.to_string()]]
        };
        if choices.iter().any(|c| c.iter().any(String::is_empty)) {
            return Err(format!("bad expansion `{word}`"));
        }
        if alternatives.len() * choices.len() > MAX_EXPANSIONS {
            return Err(format!("more than {MAX_EXPANSIONS} phrases after expansion"));
        }
        let mut next = Vec::with_capacity(alternatives.len() * choices.len());
        for prefix in &alternatives {
            for choice in &choices {
                let mut words = prefix.clone();
                words.extend(choice.iter().cloned());
                next.push(words);
            }
        }
        alternatives = next;
    }
    Ok(alternatives
        .into_iter()
        .map(|words| Phrase {
            words: words.into_iter().map(|w| Word::plain(w, Connector::Adjacent)).collect(),
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(phrases: &[Phrase]) -> Vec<String> {
        phrases.iter().map(Phrase::text).collect()
    }

    #[test]
    fn agents_plurals_markers_and_affixes() {
        let text = "!PERSON! = MAN, MEN\n\nFOREIGN_MINISTRY [~GOV]\nCONGRESS [~LEG]\nCONGRESS!PERSON! [~LEG]\nATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]\nMEDIA {} [~MED]\nHUMAN_RIGHTS_BODY  [NGO~] # x\nLAST [~LST]";
        let (agents, diagnostics) = read_agents("a.txt", text);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        assert_eq!(agents.len(), 7);
        assert_eq!(texts(&agents[0].phrases), ["FOREIGN_MINISTRY", "FOREIGN_MINISTRIES"]);
        assert_eq!(texts(&agents[1].phrases), ["CONGRESS", "CONGRESSES"]);
        assert_eq!(texts(&agents[2].phrases), ["CONGRESSMAN", "CONGRESSMEN"]);
        assert_eq!(texts(&agents[3].phrases), ["ATTORNEY_GENERAL", "ATTORNEYS_GENERAL"]);
        assert_eq!(texts(&agents[4].phrases), ["MEDIA"]);
        assert_eq!(agents[5].code, AgentCode::Prepend("NGO".into()));
        assert_eq!(agents[0].code, AgentCode::Append("GOV".into()));
        assert_eq!(agents[0].origin.line, 3);
    }

    #[test]
    fn agent_errors() {
        let text = "NOCODE\nBAD [GOV]\n!X!_MAN [~A]\nTWO [~A] [~B]\n{ [~A]\n!BAD = a\n";
        let (agents, diagnostics) = read_agents("a.txt", text);
        assert!(agents.is_empty());
        let lines: Vec<usize> = diagnostics.iter().map(|d| d.line.unwrap()).collect();
        assert_eq!(lines, vec![1, 2, 3, 4, 5, 6]);
    }

    #[test]
    fn discards() {
        let text =
            "# c\nMONTHS LATER\n+World Golf Championships   # pas\nAFRICAN NATIONS CUP ;AB\n+\n";
        let (discards, diagnostics) = read_discards("d.txt", text);
        assert_eq!(discards.len(), 3);
        assert_eq!(discards[1].level, DiscardLevel::Story);
        assert_eq!(discards[1].phrase.text(), "World Golf Championships");
        assert_eq!(discards[2].phrase.text(), "AFRICAN NATIONS CUP");
        assert_eq!(diagnostics.len(), 1);
        assert_eq!(diagnostics[0].line, Some(5));
    }

    #[test]
    fn issues_expand() {
        let text = "<ISSUE CATEGORY=\"X\" TYPE=\"ALL\">\nn:preschool [EARLY]\npre+k [EARLY]\nv:vote n:day [VOTE]\n~a head start\n~~b\nbad line\n</ISSUE>";
        let (issues, diagnostics) = read_issues("i.txt", text);
        assert_eq!(issues.len(), 5);
        assert_eq!(texts(&issues[0].phrases), ["preschool", "preschools"]);
        assert_eq!(texts(&issues[1].phrases), ["pre_k", "pre-k"]);
        assert_eq!(issues[2].phrases.len(), 8);
        assert_eq!(issues[2].phrases[7].text(), "voting_days");
        assert_eq!(issues[3].kind, IssueKind::Ignore);
        assert_eq!(texts(&issues[4].phrases), ["b"]);
        assert_eq!(diagnostics.len(), 1);
        assert_eq!(diagnostics[0].line, Some(7));
    }
}
