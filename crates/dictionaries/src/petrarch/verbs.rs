//! PETRARCH verb files: PETRARCH-1/TABARI (`PETR.Validate.verbs.txt`, petrarch1-semantics 3.6)
//! and PETRARCH2 (`CAMEO.2.0.txt`, petrarch-study 2.1). Both share the block layout; they differ
//! in which forms are stored, in the pattern syntax and in the synset plural rule.

use std::sync::Arc;

use dyad_model::Diagnostic;

use super::{check_code, content_lines, split_brackets};
use crate::inflect;
use crate::model::{
    Connector, Element, Item, Origin, Pattern, Synset, SynsetMember, Transformation, Verb,
    VerbBlock, VerbDictionary, VerbForm, VerbFormat,
};

/// Reads a verb file in whichever PETRARCH format it is written: PETRARCH2 when it has the
/// `####### VERB PATTERNS` section marker, PETRARCH-1 otherwise.
pub fn read_verbs(name: &str, text: &str) -> (VerbDictionary, Vec<Diagnostic>) {
    let is_petrarch2 =
        text.lines().any(|line| line.starts_with('#') && line.contains("VERB PATTERNS"));
    if is_petrarch2 { read_petrarch2_verbs(name, text) } else { read_petrarch1_verbs(name, text) }
}

/// Reads a PETRARCH-1/TABARI verb file, storing exactly the forms PETRARCH-1 stores.
pub fn read_petrarch1_verbs(name: &str, text: &str) -> (VerbDictionary, Vec<Diagnostic>) {
    read(name, text, VerbFormat::Petrarch1)
}

/// Reads a PETRARCH2 verb file (synsets, blocks, `(PREP ...)`/`{NP}` patterns,
/// transformations), including its last entry.
pub fn read_petrarch2_verbs(name: &str, text: &str) -> (VerbDictionary, Vec<Diagnostic>) {
    read(name, text, VerbFormat::Petrarch2)
}

struct Reader<'a> {
    name: &'a str,
    file: Arc<str>,
    format: VerbFormat,
    dictionary: VerbDictionary,
    diagnostics: Vec<Diagnostic>,
    block: Option<VerbBlock>,
    synset: Option<(Synset, bool)>,
}

impl Reader<'_> {
    fn error(&mut self, number: usize, message: impl Into<String>) {
        self.diagnostics.push(Diagnostic::at_line(self.name, number, message));
    }

    fn finish_synset(&mut self) {
        if let Some((synset, _)) = self.synset.take() {
            self.dictionary.synsets.push(synset);
        }
    }

    fn finish_block(&mut self) {
        if let Some(block) = self.block.take() {
            self.dictionary.blocks.push(block);
        }
    }
}

fn read(name: &str, text: &str, format: VerbFormat) -> (VerbDictionary, Vec<Diagnostic>) {
    let mut reader = Reader {
        name,
        file: Arc::from(name),
        format,
        dictionary: VerbDictionary { format, ..VerbDictionary::default() },
        diagnostics: Vec::new(),
        block: None,
        synset: None,
    };
    for (number, line) in content_lines(text) {
        let body = line.trim();
        if reader.synset.is_some() {
            if let Some(member) = body.strip_prefix('+') {
                add_member(&mut reader, number, member);
                continue;
            }
            reader.finish_synset();
        }
        if let Some(rest) = body.strip_prefix('&') {
            start_synset(&mut reader, number, rest);
        } else if body.starts_with("---") {
            reader.finish_block();
            start_block(&mut reader, number, body);
        } else if let Some(rest) = body.strip_prefix('-') {
            read_pattern_line(&mut reader, number, rest);
        } else if let Some(rest) = body.strip_prefix('~') {
            read_transformation(&mut reader, number, rest);
        } else {
            read_verb_line(&mut reader, number, body);
        }
    }
    reader.finish_synset();
    reader.finish_block();
    drop_patterns_with_undefined_synsets(&mut reader);
    (reader.dictionary, reader.diagnostics)
}

fn start_synset(reader: &mut Reader<'_>, number: usize, rest: &str) {
    let name = rest.split_whitespace().next().unwrap_or("");
    let no_plural = name.ends_with('_');
    let name = name.trim_end_matches('_');
    if name.is_empty() || rest.split_whitespace().nth(1).is_some() {
        reader.error(number, format!("a synset line is `&NAME`, found `&{rest}`"));
        return;
    }
    reader.synset = Some((
        Synset {
            name: name.to_string(),
            members: Vec::new(),
            origin: Origin::new(&reader.file, number),
        },
        no_plural,
    ));
}

fn add_member(reader: &mut Reader<'_>, number: usize, member: &str) {
    let member = member.trim();
    let member_no_plural = member.ends_with('_');
    let words: Vec<String> = member
        .split(|c: char| c == '_' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    if words.is_empty() {
        reader.error(number, "empty synset member");
        return;
    }
    let format = reader.format;
    let Some((synset, name_no_plural)) = reader.synset.as_mut() else {
        return;
    };
    let is_nested = words.len() == 1 && words[0].starts_with('&');
    let plural = if *name_no_plural || member_no_plural || is_nested {
        None
    } else {
        let joined = words.join(" ");
        let plural = match format {
            VerbFormat::Petrarch1 => inflect::petrarch1_synset_plural(&joined),
            _ => inflect::petrarch2_synset_plural(&joined),
        };
        Some(plural.split(' ').map(str::to_string).collect::<Vec<_>>())
    };
    synset.members.push(SynsetMember { words, generated: false });
    if let Some(words) = plural {
        synset.members.push(SynsetMember { words, generated: true });
    }
}

fn start_block(reader: &mut Reader<'_>, number: usize, body: &str) {
    let inner = body.trim_start_matches('-').trim_end_matches('-').trim();
    let (label, groups, _) = match split_brackets(inner) {
        Ok(parts) => parts,
        Err(message) => {
            reader.error(number, message);
            ("", Default::default(), "")
        }
    };
    let label = label.trim();
    if label.is_empty() {
        reader.error(number, format!("a block line is `--- LABEL [CODE] ---`, found `{body}`"));
    }
    // Only the first bracket is the block code; DELAY's second `[031:031]` is ignored.
    let code = match groups.first().map(|c| c.trim()) {
        Some(code) => match check_code(code) {
            Ok(()) => code.to_string(),
            Err(message) => {
                reader.error(number, message);
                "---".to_string()
            }
        },
        None => {
            reader.error(number, "block without a default code `[CODE]`");
            "---".to_string()
        }
    };
    reader.block = Some(VerbBlock {
        label: label.to_string(),
        code,
        verbs: Vec::new(),
        patterns: Vec::new(),
        origin: Origin::new(&reader.file, number),
        format: reader.format,
        state: false,
    });
}

/// Parses a verb spec such as `BREAK`, `+BREAK_DOWN`, `KLM_NOP_+RST`, `WIRE_+TAPPED`.
fn parse_form(spec: &str) -> Option<VerbForm> {
    let words: Vec<&str> = spec.split('_').filter(|w| !w.is_empty()).collect();
    if words.is_empty() {
        return None;
    }
    let head = words.iter().position(|w| w.starts_with('+')).unwrap_or(0);
    let words: Vec<String> = words.iter().map(|w| w.trim_start_matches('+').to_string()).collect();
    if words.iter().any(|w| w.is_empty()) {
        return None;
    }
    Some(VerbForm { words, head })
}

fn read_verb_line(reader: &mut Reader<'_>, number: usize, body: &str) {
    if reader.block.is_none() {
        reader.error(number, format!("verb line `{body}` before any `--- BLOCK ---` line"));
        return;
    }
    // TABARI's `;` comments survive on a few verb lines (`RIP {RIPPING RIPS RIPPED};shan`).
    let body = body.split(';').next().unwrap_or("").trim_end();
    let (spec, braces, after) = match (body.find('{'), body.find('}')) {
        (Some(open), Some(close)) if open < close => {
            (&body[..open], Some(&body[open + 1..close]), &body[close + 1..])
        }
        (None, None) => match body.find('[') {
            Some(open) => (&body[..open], None, &body[open..]),
            None => (body, None, ""),
        },
        _ => {
            reader.error(number, format!("unbalanced braces in verb line `{body}`"));
            return;
        }
    };
    let code = match split_brackets(after) {
        Ok((before, groups, rest)) if before.trim().is_empty() && rest.is_empty() => match &*groups
        {
            [] => None,
            [code] => match check_code(code.trim()) {
                Ok(()) => Some(code.trim().to_string()),
                Err(message) => {
                    reader.error(number, message);
                    return;
                }
            },
            _ => {
                reader.error(number, "a verb line takes at most one `[CODE]`");
                return;
            }
        },
        Ok(_) => {
            reader.error(number, format!("unexpected text in verb line `{body}`"));
            return;
        }
        Err(message) => {
            reader.error(number, message);
            return;
        }
    };
    let spec = spec.trim();
    let Some(base) = parse_form(&spec.replace(char::is_whitespace, "_")) else {
        reader.error(number, format!("bad verb `{spec}`"));
        return;
    };
    let mut listed = Vec::new();
    if let Some(braces) = braces {
        for item in braces.split_whitespace() {
            match parse_form(item) {
                Some(form) => listed.push(form),
                None => {
                    reader.error(number, format!("bad verb form `{item}`"));
                    return;
                }
            }
        }
    }
    let format = reader.format;
    let Some(block) = reader.block.as_mut() else {
        return;
    };
    let is_first = block.verbs.is_empty();
    // PETRARCH-1: a verb written with a blank and no `_` (`RULE OUT`) can never match.
    let unmatchable = format == VerbFormat::Petrarch1 && spec.contains(char::is_whitespace);
    let forms = if unmatchable {
        Vec::new()
    } else {
        stored_forms(format, &base, braces.is_some(), listed, is_first)
    };
    block.verbs.push(Verb { base, code, forms, origin: Origin::new(&reader.file, number) });
}

/// The forms an engine stores for a verb line (petrarch1-semantics 3.6, petrarch-study 2.1).
fn stored_forms(
    format: VerbFormat,
    base: &VerbForm,
    has_braces: bool,
    listed: Vec<VerbForm>,
    is_first: bool,
) -> Vec<VerbForm> {
    let mut forms = Vec::new();
    let multi = base.is_multi_word();
    // PETRARCH-1 stores a single word's base form only for the block's first verb line;
    // multi-word verbs always keep their base phrase; PETRARCH2 stores every base.
    let keep_base = match format {
        VerbFormat::Petrarch1 => is_first || multi,
        _ => true,
    };
    if keep_base {
        forms.push(base.clone());
    }
    if has_braces {
        forms.extend(listed);
    } else {
        let generated = match format {
            VerbFormat::Petrarch1 => inflect::petrarch1_verb_forms(base.head_word()),
            _ => inflect::petrarch2_verb_forms(base.head_word()),
        };
        for word in generated {
            let mut form = base.clone();
            form.words[form.head] = word;
            forms.push(form);
        }
    }
    let mut unique: Vec<VerbForm> = Vec::with_capacity(forms.len());
    for form in forms {
        if !unique.contains(&form) {
            unique.push(form);
        }
    }
    unique
}

fn read_transformation(reader: &mut Reader<'_>, number: usize, rest: &str) {
    match rest.split_once('=') {
        Some((pattern, result)) if !pattern.trim().is_empty() && !result.trim().is_empty() => {
            let transformation = Transformation {
                pattern: pattern.trim().to_string(),
                result: result.trim().to_string(),
                origin: Origin::new(&reader.file, number),
            };
            reader.dictionary.transformations.push(transformation);
        }
        _ => reader
            .error(number, format!("a transformation is `~ PATTERN = RESULT`, found `~{rest}`")),
    }
}

fn read_pattern_line(reader: &mut Reader<'_>, number: usize, rest: &str) {
    if reader.block.is_none() {
        reader.error(number, "pattern before any `--- BLOCK ---` line");
        return;
    }
    if reader.format == VerbFormat::Petrarch1 && rest.contains('{') {
        // TABARI legacy: PETRARCH-1 ignores pattern lines holding `{`.
        return;
    }
    let Some(open) = rest.rfind('[') else {
        reader.error(number, format!("pattern without a code `[CODE]`: `-{rest}`"));
        return;
    };
    let Some(close) = rest[open..].find(']') else {
        reader.error(number, format!("unclosed `[` in pattern `-{rest}`"));
        return;
    };
    let code = rest[open + 1..open + close].trim();
    if let Err(message) = check_code(code) {
        reader.error(number, message);
        return;
    }
    let text = rest[..open].trim();
    let parsed = match reader.format {
        VerbFormat::Petrarch1 => parse_petrarch1_pattern(text),
        _ => parse_structured_pattern(text, true),
    };
    match parsed {
        Ok((upper, lower)) => {
            let pattern = Pattern {
                upper,
                lower,
                code: code.to_string(),
                text: text.to_string(),
                origin: Origin::new(&reader.file, number),
            };
            if let Some(block) = reader.block.as_mut() {
                block.patterns.push(pattern);
            }
        }
        Err(message) => reader.error(number, format!("{message} in pattern `{text}`")),
    }
}

fn item_of(word: &str) -> Item {
    match word {
        "$" => Item::Source,
        "+" => Item::Target,
        "^" => Item::Skip,
        "%" => Item::Compound,
        _ => match word.strip_prefix('&') {
            Some(name) if !name.is_empty() => Item::Synset(name.to_string()),
            _ => Item::Word(word.to_string()),
        },
    }
}

fn connector_of(separator: Option<char>) -> Connector {
    match separator {
        Some(c) if c.is_whitespace() => Connector::Gap,
        // `_`, or nothing at all between the element and its neighbour.
        _ => Connector::Adjacent,
    }
}

/// Splits one side of a PETRARCH-1 pattern into words with the separator before and after each.
fn words_with_separators(side: &str) -> Vec<(String, Option<char>, Option<char>)> {
    let mut out: Vec<(String, Option<char>, Option<char>)> = Vec::new();
    let mut current = String::new();
    let mut separator: Option<char> = None;
    for ch in side.chars() {
        if ch == '_' || ch.is_whitespace() {
            if !current.is_empty() {
                out.push((std::mem::take(&mut current), separator, None));
                separator = None;
            }
            // A run of separators counts as `_` only if every one is `_`.
            separator = Some(match separator {
                Some(previous) if previous.is_whitespace() => previous,
                _ => ch,
            });
            if let Some(last) = out.last_mut()
                && last.2.is_none_or(|c| !c.is_whitespace())
            {
                last.2 = Some(ch);
            }
        } else {
            current.push(ch);
        }
    }
    if !current.is_empty() {
        out.push((current, separator, None));
    }
    out
}

/// Parses `UPPER * LOWER` of a PETRARCH-1 pattern (petrarch1-semantics 4.2): `_ ` reads as a
/// blank; the upper side is reversed so that its first element is the word nearest the verb.
fn parse_petrarch1_pattern(text: &str) -> Result<(Vec<Element>, Vec<Element>), String> {
    let text = text.replace("_ ", " ");
    let mut parts = text.split('*');
    let (Some(upper), Some(lower), None) = (parts.next(), parts.next(), parts.next()) else {
        return Err("a pattern needs exactly one `*`".into());
    };
    let upper_words = words_with_separators(upper);
    let mut upper_elements: Vec<Element> = upper_words
        .iter()
        .map(|(word, _, after)| Element { item: item_of(word), connector: connector_of(*after) })
        .collect();
    upper_elements.reverse();
    let lower_words = words_with_separators(lower);
    let lower_elements = lower_words
        .iter()
        .map(|(word, before, _)| Element { item: item_of(word), connector: connector_of(*before) })
        .collect();
    Ok((upper_elements, lower_elements))
}

/// A token of a structured pattern side (PETRARCH2 and dyad).
#[derive(Debug)]
enum Token {
    Word(String),
    Open(char),
    Close(char),
}

fn tokenize(side: &str, underscore_separates: bool) -> Vec<(Token, Option<char>, Option<char>)> {
    let mut out: Vec<(Token, Option<char>, Option<char>)> = Vec::new();
    let mut current = String::new();
    let mut separator: Option<char> = None;
    let flush = |current: &mut String,
                 out: &mut Vec<(Token, Option<char>, Option<char>)>,
                 separator: &mut Option<char>| {
        if !current.is_empty() {
            out.push((Token::Word(std::mem::take(current)), separator.take(), None));
        }
    };
    for ch in side.chars() {
        let is_separator = ch.is_whitespace() || (underscore_separates && ch == '_');
        if is_separator {
            flush(&mut current, &mut out, &mut separator);
            separator = Some(match separator {
                Some(previous) if previous.is_whitespace() => previous,
                _ => ch,
            });
            if let Some(last) = out.last_mut()
                && last.2.is_none_or(|c| !c.is_whitespace())
            {
                last.2 = Some(ch);
            }
        } else if matches!(ch, '(' | '{') {
            flush(&mut current, &mut out, &mut separator);
            out.push((Token::Open(ch), separator.take(), None));
        } else if matches!(ch, ')' | '}') {
            flush(&mut current, &mut out, &mut separator);
            out.push((Token::Close(ch), separator.take(), None));
        } else {
            current.push(ch);
        }
    }
    flush(&mut current, &mut out, &mut separator);
    out
}

/// Parses a sequence of tokens into elements until `close` (or the end when `None`).
fn parse_elements(
    tokens: &[(Token, Option<char>, Option<char>)],
    position: &mut usize,
    close: Option<char>,
) -> Result<Vec<(Element, Option<char>)>, String> {
    let mut out = Vec::new();
    while *position < tokens.len() {
        let (token, before, after) = &tokens[*position];
        *position += 1;
        match token {
            Token::Word(word) => out
                .push((Element { item: item_of(word), connector: connector_of(*before) }, *after)),
            Token::Close(c) => {
                if Some(*c) == close {
                    return Ok(out);
                }
                return Err(format!("unexpected `{c}`"));
            }
            Token::Open('(') => {
                let inner = parse_elements(tokens, position, Some(')'))?;
                let mut inner = inner.into_iter().map(|(e, _)| e);
                let Some(Element { item: Item::Word(preposition), .. }) = inner.next() else {
                    return Err("`(` must start with a preposition".into());
                };
                let close_after = tokens.get(*position - 1).and_then(|t| t.2);
                out.push((
                    Element {
                        item: Item::Prep { preposition, items: inner.collect() },
                        connector: connector_of(*before),
                    },
                    close_after,
                ));
            }
            Token::Open(_) => {
                let inner = parse_elements(tokens, position, Some('}'))?;
                if inner.is_empty() {
                    return Err("empty `{}`".into());
                }
                let close_after = tokens.get(*position - 1).and_then(|t| t.2);
                out.push((
                    Element {
                        item: Item::NounPhrase(inner.into_iter().map(|(e, _)| e).collect()),
                        connector: connector_of(*before),
                    },
                    close_after,
                ));
            }
        }
    }
    match close {
        None => Ok(out),
        Some(c) => Err(format!("missing `{c}`")),
    }
}

/// Parses `UPPER * LOWER` with `(PREP ...)` and `{NP}` groups (PETRARCH2 and dyad patterns).
pub(crate) fn parse_structured_pattern(
    text: &str,
    underscore_separates: bool,
) -> Result<(Vec<Element>, Vec<Element>), String> {
    let stars = text.matches('*').count();
    if stars != 1 {
        return Err("a pattern needs exactly one `*`".into());
    }
    let (upper, lower) = text.split_once('*').unwrap_or((text, ""));
    let upper_tokens = tokenize(upper, underscore_separates);
    let mut position = 0;
    let upper_elements = parse_elements(&upper_tokens, &mut position, None)?;
    let mut upper: Vec<Element> = upper_elements
        .into_iter()
        .map(|(mut element, after)| {
            element.connector = connector_of(after);
            element
        })
        .collect();
    upper.reverse();
    let lower_tokens = tokenize(lower, underscore_separates);
    let mut position = 0;
    let lower_elements = parse_elements(&lower_tokens, &mut position, None)?;
    Ok((upper, lower_elements.into_iter().map(|(e, _)| e).collect()))
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

/// PETRARCH-1 drops a pattern that names an undefined synset; PETRARCH2 keeps it with the
/// literal name. Either way the author wants to know.
fn drop_patterns_with_undefined_synsets(reader: &mut Reader<'_>) {
    let defined: std::collections::HashSet<String> =
        reader.dictionary.synsets.iter().map(|s| s.name.clone()).collect();
    let drop = reader.format == VerbFormat::Petrarch1;
    let mut warnings = Vec::new();
    for block in &mut reader.dictionary.blocks {
        block.patterns.retain(|pattern| {
            let mut names = Vec::new();
            collect_synsets(&pattern.upper, &mut names);
            collect_synsets(&pattern.lower, &mut names);
            let missing: Vec<&String> = names.iter().filter(|n| !defined.contains(*n)).collect();
            if missing.is_empty() {
                return true;
            }
            let action = if drop { "dropped" } else { "kept" };
            warnings.push(
                Diagnostic::at_line(
                    reader.name,
                    pattern.origin.line as usize,
                    format!("pattern uses undefined synset &{} ({action})", missing[0]),
                )
                .warning(),
            );
            !drop
        });
    }
    reader.diagnostics.extend(warnings);
}

#[cfg(test)]
mod tests {
    use super::*;
    use Connector::Adjacent;

    fn summary(elements: &[Element]) -> String {
        elements
            .iter()
            .map(|e| {
                let item = match &e.item {
                    Item::Word(w) => w.clone(),
                    Item::Synset(s) => format!("&{s}"),
                    Item::Source => "$".into(),
                    Item::Target => "+".into(),
                    Item::Skip => "^".into(),
                    Item::Compound => "%".into(),
                    Item::NounPhrase(items) => format!("{{{}}}", summary(items)),
                    Item::Prep { preposition, items } => {
                        format!("({preposition}:{})", summary(items))
                    }
                };
                let connector = if e.connector == Adjacent { "_" } else { " " };
                format!("{connector}{item}")
            })
            .collect::<Vec<_>>()
            .join("")
    }

    #[test]
    fn petrarch1_patterns() {
        // (text, upper nearest-first, lower); each element shows its connector first.
        let cases = [
            ("HEAVILY UNJUSTLY *", " UNJUSTLY HEAVILY", ""),
            ("SHOW_NO_*", "_NO_SHOW", ""),
            ("% SAID WOULD_*_TALKS", "_WOULD SAID %", "_TALKS"),
            ("IN_ *", " IN", ""),
            ("SO IN_AND_*_OUT_AGAIN NOW", "_AND_IN SO", "_OUT_AGAIN NOW"),
            ("+ WAS_ * TO_ ^ FROM $", " WAS +", " TO ^ FROM $"),
            ("* NEW_&TIETYPES_RELATIONS", "", " NEW_&TIETYPES_RELATIONS"),
        ];
        for (text, upper, lower) in cases {
            let (u, l) = parse_petrarch1_pattern(text).unwrap();
            assert_eq!(summary(&u), upper, "{text}");
            assert_eq!(summary(&l), lower, "{text}");
        }
        assert!(parse_petrarch1_pattern("NO STAR").is_err());
        assert!(parse_petrarch1_pattern("* TWO *").is_err());
    }

    #[test]
    fn petrarch2_patterns() {
        let cases = [
            ("* (TO LIST) (OF {BANNED PARTIES})", "", " (TO: LIST) (OF: {BANNED PARTIES})"),
            ("* OFF (FROM ^)", "", " OFF (FROM: ^)"),
            ("&MILITARY * (TO +) &STRONGHOLD (IN $)", " &MILITARY", " (TO: +) &STRONGHOLD (IN: $)"),
            ("DELIVERY (OF &FOOD) * $", " (OF: &FOOD) DELIVERY", " $"),
            ("* {&WEAPON ATTACK}", "", " { &WEAPON ATTACK}"),
        ];
        for (text, upper, lower) in cases {
            let (u, l) = parse_structured_pattern(text, true).unwrap();
            // Normalise: inner elements print their own connectors.
            let got_upper = summary(&u).replace("(TO: ", "(TO:").replace("_", " ");
            let got_lower = summary(&l).replace("_", " ");
            let want_upper = upper.replace("(TO: ", "(TO:");
            let squash = |s: &str| s.replace(": ", ":").replace("{ ", "{");
            assert_eq!(squash(&got_upper), squash(&want_upper), "{text}");
            assert_eq!(squash(&got_lower), squash(lower), "{text}");
        }
        for bad in ["* (TO LIST", "* VENTURE (WITH VISIT) VISIT)", "* {}", "* ()", "A B"] {
            assert!(parse_structured_pattern(bad, true).is_err(), "{bad}");
        }
    }

    #[test]
    fn verb_lines_and_forms() {
        let text = "--- BREAK [1717] ---\nBREAK { BROKE BROKEN }\n+BREAK_DOWN\nSMASH [999]\nRULE OUT\n- * TREATY [161]\n--- LAST [---] ---\nLAST\n";
        let (verbs, diagnostics) = read_petrarch1_verbs("v.txt", text);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        let block = &verbs.blocks[0];
        let forms = |i: usize| -> Vec<String> {
            block.verbs[i].forms.iter().map(|f| f.words.join("_")).collect()
        };
        assert_eq!(forms(0), ["BREAK", "BROKE", "BROKEN"]);
        assert_eq!(forms(1), ["BREAK_DOWN", "BREAKS_DOWN", "BREAKED_DOWN", "BREAKING_DOWN"]);
        assert_eq!(forms(2), ["SMASHS", "SMASHED", "SMASHING"]);
        assert!(forms(3).is_empty());
        assert_eq!(block.default_code(2), "999");
        assert_eq!(verbs.blocks[1].verbs[0].forms.len(), 4);
        let (verbs2, _) = read_petrarch2_verbs("v.txt", text);
        let forms2: Vec<String> =
            verbs2.blocks[0].verbs[2].forms.iter().map(|f| f.words.join("_")).collect();
        // PETRARCH2 adds ES only after S, X or Z.
        assert_eq!(forms2, ["SMASH", "SMASHS", "SMASHED", "SMASHING"]);
    }

    #[test]
    fn bad_verb_lines() {
        let text = "ORPHAN\n- * X [1]\n--- B [1] ---\nB {X\nB [1] [2]\n- * X\n- * X [a b]\n- * (X [1]\n&\n~ nothing\n--- [1] ---\n";
        let (_, diagnostics) = read_petrarch2_verbs("v.txt", text);
        let lines: Vec<usize> = diagnostics.iter().map(|d| d.line.unwrap()).collect();
        assert_eq!(lines, vec![1, 2, 4, 5, 6, 7, 8, 9, 10, 11]);
    }
}
