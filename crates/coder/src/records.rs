//! Reader of PETRARCH validation files (`PETR.UnitTest.records.xml`): environment, sticky
//! `Config` options and the `Sentence` records with their expected codings.
//!
//! The files are hand-edited XML: comments anywhere (also inside `Sentence`), single or double
//! quoted attributes, blanks around `=`. A tolerant scanner reads them; it never panics and it
//! never rejects a file for a detail the engine does not need.

use thiserror::Error;

/// The four dictionaries a validation file names in its `<Environment>`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Environment {
    /// `Verbfile`: the verb and pattern dictionary.
    pub verb_file: Option<String>,
    /// `Actorfile`.
    pub actor_file: Option<String>,
    /// `Agentfile`.
    pub agent_file: Option<String>,
    /// `Discardfile`.
    pub discard_file: Option<String>,
}

/// The coding options that `Config` elements set; they stay in force until changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodingOptions {
    /// Uncoded units of at most this many words become quoted new-actor codes (0 = off).
    pub new_actor_length: usize,
    /// Drop events whose source or target is exactly `---`.
    pub require_dyad: bool,
    /// Internal comma clauses: minimum word count for deletion.
    pub comma_min: usize,
    /// Internal comma clauses: maximum word count for deletion (0 = off).
    pub comma_max: usize,
    /// Initial clause: minimum word count.
    pub comma_bmin: usize,
    /// Initial clause: maximum word count (0 = off).
    pub comma_bmax: usize,
    /// Terminal clause: minimum word count.
    pub comma_emin: usize,
    /// Terminal clause: maximum word count (0 = off).
    pub comma_emax: usize,
    /// News-text rules beyond PETRARCH-1, for dyad's own pipeline (off for the PETRARCH
    /// validation records, whose expectations follow PETRARCH-1 exactly): see [`NewsRules`].
    pub news: NewsRules,
}

/// Rules dyad's pipeline adds to PETRARCH-1 for news text; each is off by default.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NewsRules {
    /// A statement verb (CAMEO root 01: "said", "announced") does not hide the verbs of its
    /// complement; when one of them codes an event, the statement's own event is dropped
    /// (PETRARCH2's combination: "say" loses to any more specific lower code, and "A said it
    /// will attack B" becomes A attacks B through the upper sequence).
    pub statements_yield: bool,
    /// A verb site that codes but finds no source or target does not hide the verbs inside its
    /// phrase (a dependency parse nests participles such as "Ousted President X has agreed").
    pub scan_inside_eventless: bool,
    /// An agent without a country (`---COP`, `---PRO`) takes the article's main country, or
    /// the sentence's when every country-coded actor of it has the same one ("Turkish police
    /// prevented a demonstration by students": TURCOP, TUREDU), never the other side's in a visit;
    /// see `engine::role_country`.
    pub inherit_country: bool,
    /// Two or more coordinated actors with a cooperative verb (roots 03 to 06) and no coded
    /// object ("X and Y signed an agreement"), or whose object is one of them again ("held
    /// talks in Beijing") or the place they are at ("will meet in Zurich"), act on each other:
    /// events both ways.
    pub reciprocal_compounds: bool,
    /// A country-less object ("sent troops") yields the target to a country after a
    /// preposition of direction in the same phrase ("to Mali", "from Lebanon").
    pub direction_beats_agent: bool,
    /// dyad-format patterns read upper-side words only in the verb's own clause (up to its
    /// subject), and "is willing / ready / prepared to VERB" reads as "will VERB".
    pub clause_bound_upper: bool,
    /// A verb site with a coded source but no coded target gives an event without target
    /// (the event format allows it): "Bosnian Serbs completed their withdrawal", "Rebels
    /// surrendered". Plain statements ("X said") and passives are left out.
    pub targetless_events: bool,
    /// A unit that is only a relative pronoun ("who", "which": lower-case lemmas) is never
    /// coded, whatever a dictionary phrase of the same letters says (the WHO).
    pub relative_pronouns_uncoded: bool,
    /// A phrase whose determiner is NO names nobody and is never coded: "dismissed the claims
    /// as allegations with no foundation" is no statement to a foundation (NGO), "no country
    /// has recognised" no act of a country. "No 10" is still Downing Street.
    pub negative_phrases_uncoded: bool,
    /// A phrase headed by money or securities names no actor: "the Australian dollar", "31.5
    /// mln Australian dlrs", "Chrysler shares", "Treasury securities"; a phrase after its
    /// preposition still may ("37.1 mln dlrs to Tanzania").
    pub money_uncoded: bool,
    /// An actor phrase that runs across a possessive joins the two units around it ("the
    /// Democratic People's Republic of Korea" is PRK, not "the Democratic People" and
    /// "Republic of Korea").
    pub possessive_names: bool,
    /// A verb whose clause before the nearest comma holds no coded unit takes its default
    /// source from the rest of the sentence before it (appositions the parser left outside
    /// the subject, participial clauses sharing the main subject).
    pub source_past_commas: bool,
    /// A verb that neither its word nor its lemma finds in the dictionaries is looked up by
    /// its regular stems ("blamed" when the lemmatizer wrote "blam").
    pub regular_stems: bool,
    /// Every form of BE makes a passive with BY (PETRARCH-1 reads only WAS, IS and BEEN: "were
    /// denied visas by the State Department"), and a passive without BY gives no event: its
    /// subject suffered the act, and who acted is not said ("Four men were charged", "two
    /// soldiers were killed in a clash with rebels"), unless a pattern or a multi-word verb
    /// of the dictionaries names the phrase ("is opposed to"). A known actor after BY is the
    /// agent wherever it stands ("was pressured by Congress to help Iran").
    pub passive_voice: bool,
    /// A finite verb whose nearest noun phrase before it opens its clause (after a verb or a
    /// conjunction: "France said Rwanda had attacked", "claimed that ISIL had attacked", "the
    /// site where Nazis destroyed") takes that phrase as its default source, coded or not;
    /// PETRARCH-1 takes the sentence's first actor ("France"). A pronoun there ("said they
    /// had") still leaves the source to the sentence. A relative pronoun standing for a phrase
    /// that names no actor leaves the act without one ("after the earthquake which killed 300
    /// people"); one standing for an actor, or the subject of a passive, is left to the
    /// sentence.
    pub own_clause_subject: bool,
    /// A verb group with COULD, MIGHT, MAY or SHOULD says what might happen, and gives no
    /// event ("a Lib Dem vote could let the Tories in", "they may face prosecution", "may have
    /// purchased corn", "could hold talks"); a pattern that reads the words before the verb
    /// still codes it ("could impose sanctions" is a threat). WOULD is left alone: in reported
    /// speech it is an intent ("said he would veto").
    pub hypothetical_modals: bool,
    /// A verb in a to-infinitive says what is wanted, planned or tried, not what happened, and
    /// gives no event ("want the government to withdraw", "plans to buy", "refusal to
    /// accept"), unless the verb before it makes it happen ("started to sign", "voted to
    /// reject", "used tear gas to disperse"; "failed to" keeps its negated event). After an
    /// intent word ("ready", "plans", "wants") an intent pattern of the verb codes ("ready to
    /// contribute troops" is 0334), or else the act becomes CAMEO's intent for the governor's
    /// own subject ("wants to negotiate" 036, "plans to impose restrictions" 130); an attempted
    /// hostile act is the act ("tried to hack").
    pub unrealised_infinitives: bool,
    /// A statement verb with its default code 010 is addressed to its first phrase that no
    /// preposition but TO introduces: the object of "told", "briefed" or "informed" ("told
    /// Iran"), the phrase after TO for the others ("said to the Iraqi envoy"). What "said" or
    /// "announced" reports is about its subject, not addressed to it: "the diplomats said Belgium
    /// had given up" is no statement to Belgium. A possessor stands for what it owns ("told
    /// Labour's leaders"), and a coordination is addressed when one of its members is. When that
    /// phrase names no actor as its head, is a news medium (what is "told Reuters" or "told
    /// reporters" is told to the readers), is the speaker's own country and nothing more or is a
    /// pronoun, the statement has no target and gives no event; PETRARCH-1 takes the first actor
    /// of the rest of the sentence ("Straw said he wanted it to end, despite US objections" was a
    /// statement to the US).
    pub statement_addressee: bool,
    /// A company does not act on its country as a whole: an event whose source is business
    /// (USABUS) and whose target is the bare code of the same country (USA) is dropped. Such a
    /// target is a place or a modifier in the phrase ("agreed to limit rate increases in its New
    /// Mexico service territory", "intends to close its Geneva Works near Provo, Utah"). Other
    /// roles keep such events: "Sudan's government lifted a state of emergency in West Darfur".
    pub business_home_targets: bool,
    /// A meeting's place and topic are no party to it: a consultation (04, visits 042 and 043
    /// aside) or an intent to meet (036) takes no target after IN, AT, NEAR, INSIDE or OUTSIDE,
    /// nor, after a verb whose object is a topic (discuss, negotiate...), a coded phrase whose
    /// head is no actor or agent; it looks past them for one ("OPEC meets in Vienna on June 25"
    /// is no consultation with Austria, "China and Israel discussed Middle East peace prospects"
    /// none with the Middle East but one of China and Israel with each other); a visit is to its
    /// place ("arrived in Tehran").
    pub meeting_parties: bool,
}

impl NewsRules {
    /// Every rule on: dyad's pipeline.
    pub fn all() -> NewsRules {
        NewsRules {
            statements_yield: true,
            scan_inside_eventless: true,
            inherit_country: true,
            reciprocal_compounds: true,
            direction_beats_agent: true,
            clause_bound_upper: true,
            targetless_events: true,
            relative_pronouns_uncoded: true,
            negative_phrases_uncoded: true,
            money_uncoded: true,
            possessive_names: true,
            source_past_commas: true,
            regular_stems: true,
            passive_voice: true,
            own_clause_subject: true,
            hypothetical_modals: true,
            unrealised_infinitives: true,
            statement_addressee: true,
            business_home_targets: true,
            meeting_parties: true,
        }
    }
}

impl Default for CodingOptions {
    /// The PETRARCH-1 (and TABARI) defaults.
    fn default() -> CodingOptions {
        CodingOptions {
            new_actor_length: 0,
            require_dyad: true,
            comma_min: 2,
            comma_max: 8,
            comma_bmin: 0,
            comma_bmax: 0,
            comma_emin: 2,
            comma_emax: 8,
            news: NewsRules::default(),
        }
    }
}

impl CodingOptions {
    /// Applies one `Config` option; unknown options are ignored (the records also carry
    /// options such as `stop_on_error` that do not affect coding).
    pub fn apply(&mut self, option: &str, value: &str) {
        let number = || value.trim().parse::<usize>().ok();
        match option.trim().to_ascii_lowercase().as_str() {
            "new_actor_length" => self.new_actor_length = number().unwrap_or(0),
            // PETRARCH-1 treats the value as false exactly when it contains "false".
            "require_dyad" => self.require_dyad = !value.to_ascii_lowercase().contains("false"),
            "comma_min" => self.comma_min = number().unwrap_or(self.comma_min),
            "comma_max" => self.comma_max = number().unwrap_or(self.comma_max),
            "comma_bmin" => self.comma_bmin = number().unwrap_or(self.comma_bmin),
            "comma_bmax" => self.comma_bmax = number().unwrap_or(self.comma_bmax),
            "comma_emin" => self.comma_emin = number().unwrap_or(self.comma_emin),
            "comma_emax" => self.comma_emax = number().unwrap_or(self.comma_emax),
            _ => {}
        }
    }
}

/// One expected or produced event: codes are opaque strings (`---GOV`, `174K`, `"INJURY TOLL"`).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Triple {
    /// Source actor code.
    pub source: String,
    /// Target actor code.
    pub target: String,
    /// Event code.
    pub code: String,
}

impl std::fmt::Display for Triple {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {} {}", self.source, self.target, self.code)
    }
}

/// What a record expects.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Expected {
    /// These events (possibly none: `noevents`, or every coding commented out).
    Events(Vec<Triple>),
    /// An error of this type (`dateline`, `bad_input_parse`, `storydiscard`, `sentencediscard`).
    Error(String),
}

/// One `Sentence` record.
#[derive(Clone, Debug)]
pub struct Record {
    /// Position among the file's records (ids are not unique).
    pub position: usize,
    /// 1-based line of the `<Sentence` tag.
    pub line: usize,
    /// The `id` attribute.
    pub id: String,
    /// The `category` attribute.
    pub category: String,
    /// The `date` attribute as written (YYYYMMDD or YYMMDD).
    pub date: String,
    /// Whether the record is scored (`sentence="true"`, case-insensitive).
    pub scored: bool,
    /// The options in force for this record.
    pub options: CodingOptions,
    /// The expected codings.
    pub expected: Expected,
    /// The `<Text>` content, as written.
    pub text: String,
    /// The `<Parse>` content, as written.
    pub parse: String,
}

/// A whole validation file.
#[derive(Clone, Debug, Default)]
pub struct RecordFile {
    /// The dictionaries it names.
    pub environment: Environment,
    /// Every `Sentence`, scored or not, in file order.
    pub records: Vec<Record>,
}

/// Why a validation file could not be read.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum RecordsError {
    /// The file holds no `<Sentence>` at all.
    #[error("no <Sentence> records found")]
    NoRecords,
    /// A construct the scanner cannot get past.
    #[error("line {line}: {message}")]
    Malformed {
        /// 1-based line.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

/// One piece of the XML stream.
#[derive(Debug)]
enum Piece<'a> {
    Open { name: String, attributes: Vec<(String, String)>, self_closing: bool, line: usize },
    Close { name: String },
    Text(&'a str),
}

/// Splits XML into tags and text, dropping comments, declarations and processing instructions.
fn scan(xml: &str) -> Result<Vec<Piece<'_>>, RecordsError> {
    let bytes = xml.as_bytes();
    let mut pieces = Vec::new();
    let mut at = 0;
    // Line numbers are counted incrementally: tags come in increasing offset order.
    let mut counted_to = 0;
    let mut lines = 1;
    let mut line_of = |offset: usize| {
        lines += xml[counted_to..offset].bytes().filter(|&b| b == b'\n').count();
        counted_to = offset;
        lines
    };
    while at < bytes.len() {
        if bytes[at] != b'<' {
            let end = xml[at..].find('<').map_or(bytes.len(), |i| at + i);
            pieces.push(Piece::Text(&xml[at..end]));
            at = end;
            continue;
        }
        if xml[at..].starts_with("<!--") {
            // An unterminated comment runs to the end of the file.
            at = xml[at + 4..].find("-->").map_or(bytes.len(), |i| at + 4 + i + 3);
            continue;
        }
        if xml[at..].starts_with("<!") || xml[at..].starts_with("<?") {
            at = xml[at..].find('>').map_or(bytes.len(), |i| at + i + 1);
            continue;
        }
        // A tag: find its end, skipping quoted attribute values.
        let mut end = at + 1;
        let mut quote = None;
        while end < bytes.len() {
            let b = bytes[end];
            match quote {
                Some(q) if b == q => quote = None,
                Some(_) => {}
                None if b == b'"' || b == b'\'' => quote = Some(b),
                None if b == b'>' => break,
                None => {}
            }
            end += 1;
        }
        if end >= bytes.len() {
            return Err(RecordsError::Malformed {
                line: line_of(at),
                message: "unterminated tag".to_string(),
            });
        }
        let inner = &xml[at + 1..end];
        let line = line_of(at);
        at = end + 1;
        if let Some(name) = inner.strip_prefix('/') {
            pieces.push(Piece::Close { name: name.trim().to_string() });
            continue;
        }
        let self_closing = inner.trim_end().ends_with('/');
        let inner = inner.trim_end().trim_end_matches('/');
        let name_end = inner.find(|c: char| c.is_whitespace()).unwrap_or(inner.len());
        let name = inner[..name_end].to_string();
        let attributes = parse_attributes(&inner[name_end..]);
        pieces.push(Piece::Open { name, attributes, self_closing, line });
    }
    Ok(pieces)
}

/// Reads `name = "value"` / `name='value'` pairs; a value without quotes runs to the next blank.
fn parse_attributes(text: &str) -> Vec<(String, String)> {
    let mut attributes = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        while i < chars.len() && chars[i].is_whitespace() {
            i += 1;
        }
        let start = i;
        while i < chars.len() && !chars[i].is_whitespace() && chars[i] != '=' {
            i += 1;
        }
        let name: String = chars[start..i].iter().collect();
        while i < chars.len() && chars[i].is_whitespace() {
            i += 1;
        }
        if i >= chars.len() || chars[i] != '=' {
            if !name.is_empty() {
                attributes.push((name, String::new()));
            }
            continue;
        }
        i += 1;
        while i < chars.len() && chars[i].is_whitespace() {
            i += 1;
        }
        let value: String;
        if i < chars.len() && (chars[i] == '"' || chars[i] == '\'') {
            let quote = chars[i];
            i += 1;
            let value_start = i;
            while i < chars.len() && chars[i] != quote {
                i += 1;
            }
            value = chars[value_start..i].iter().collect();
            i += 1;
        } else {
            let value_start = i;
            while i < chars.len() && !chars[i].is_whitespace() {
                i += 1;
            }
            value = chars[value_start..i].iter().collect();
        }
        if !name.is_empty() {
            attributes.push((name, unescape(&value)));
        }
    }
    attributes
}

/// Replaces the five predefined XML entities.
fn unescape(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

fn attribute<'a>(attributes: &'a [(String, String)], name: &str) -> Option<&'a str> {
    attributes.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
}

/// Reads a validation file.
pub fn read_records(xml: &str) -> Result<RecordFile, RecordsError> {
    let pieces = scan(xml)?;
    let mut file = RecordFile::default();
    let mut options = CodingOptions::default();
    let mut in_environment = false;
    let mut in_sentences = false;
    let mut current: Option<Record> = None;
    // Reading of expected codings stops after `noevents` or `error`.
    let mut codings_closed = false;
    let mut text_target: Option<&'static str> = None;
    let mut text_buffer = String::new();
    for piece in &pieces {
        match piece {
            Piece::Open { name, attributes, self_closing, line } => {
                let lower = name.to_ascii_lowercase();
                match lower.as_str() {
                    "environment" => in_environment = true,
                    "sentences" => in_sentences = true,
                    "config" if in_sentences && current.is_none() => {
                        if let (Some(option), Some(value)) =
                            (attribute(attributes, "option"), attribute(attributes, "value"))
                        {
                            options.apply(option, value);
                        }
                    }
                    "sentence" => {
                        let flag = attribute(attributes, "sentence")
                            .or_else(|| attribute(attributes, "valid"))
                            .unwrap_or("");
                        current = Some(Record {
                            position: file.records.len(),
                            line: *line,
                            id: attribute(attributes, "id").unwrap_or("").to_string(),
                            category: attribute(attributes, "category").unwrap_or("").to_string(),
                            date: attribute(attributes, "date").unwrap_or("").trim().to_string(),
                            scored: flag.trim().eq_ignore_ascii_case("true"),
                            options: options.clone(),
                            expected: Expected::Events(Vec::new()),
                            text: String::new(),
                            parse: String::new(),
                        });
                        codings_closed = false;
                    }
                    "eventcoding" => {
                        if let Some(record) = current.as_mut()
                            && !codings_closed
                        {
                            read_coding(record, attributes, &mut codings_closed);
                        }
                    }
                    "text" | "parse" if current.is_some() && !self_closing => {
                        text_target = Some(if lower == "text" { "text" } else { "parse" });
                        text_buffer.clear();
                    }
                    "verbfile" | "actorfile" | "agentfile" | "discardfile"
                        if in_environment && !self_closing =>
                    {
                        text_target = Some(match lower.as_str() {
                            "verbfile" => "verbfile",
                            "actorfile" => "actorfile",
                            "agentfile" => "agentfile",
                            _ => "discardfile",
                        });
                        text_buffer.clear();
                    }
                    _ => {}
                }
            }
            Piece::Text(text) => {
                if text_target.is_some() {
                    text_buffer.push_str(text);
                }
            }
            Piece::Close { name } => {
                let lower = name.to_ascii_lowercase();
                if let Some(target) = text_target {
                    if lower == target {
                        let value = unescape(&text_buffer);
                        let trimmed = value.trim().to_string();
                        match target {
                            "text" => {
                                if let Some(record) = current.as_mut() {
                                    record.text = value;
                                }
                            }
                            "parse" => {
                                if let Some(record) = current.as_mut() {
                                    record.parse = value;
                                }
                            }
                            "verbfile" => file.environment.verb_file = Some(trimmed),
                            "actorfile" => file.environment.actor_file = Some(trimmed),
                            "agentfile" => file.environment.agent_file = Some(trimmed),
                            _ => file.environment.discard_file = Some(trimmed),
                        }
                        text_target = None;
                    }
                    continue;
                }
                match lower.as_str() {
                    "environment" => in_environment = false,
                    "sentences" => in_sentences = false,
                    "sentence" => {
                        if let Some(record) = current.take() {
                            file.records.push(record);
                        }
                    }
                    _ => {}
                }
            }
        }
    }
    if let Some(record) = current.take() {
        file.records.push(record);
    }
    if file.records.is_empty() {
        return Err(RecordsError::NoRecords);
    }
    Ok(file)
}

/// Adds one `EventCoding` to the record's expectations.
fn read_coding(record: &mut Record, attributes: &[(String, String)], closed: &mut bool) {
    if attribute(attributes, "noevents").is_some() {
        record.expected = Expected::Events(Vec::new());
        *closed = true;
        return;
    }
    if let Some(kind) = attribute(attributes, "error") {
        record.expected = Expected::Error(kind.trim().to_string());
        *closed = true;
        return;
    }
    let (Some(source), Some(target), Some(code)) = (
        attribute(attributes, "sourcecode"),
        attribute(attributes, "targetcode"),
        attribute(attributes, "eventcode"),
    ) else {
        return;
    };
    if let Expected::Events(events) = &mut record.expected {
        events.push(Triple {
            source: source.trim().to_string(),
            target: target.trim().to_string(),
            code: code.trim().to_string(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"<Validation>
<Environment>
  <Verbfile>V.txt</Verbfile> <Actorfile>A.txt</Actorfile>
  <Config option="stop_on_error" value="True"></Config>
</Environment>
<Sentences>
<Config option = "new_actor_length" value = "4"></Config>
<Sentence date="19950101" id="X-01" category="DEMO" sentence="true">
<!-- a comment with <EventCoding sourcecode="NO" targetcode="NO" eventcode="000"> inside -->
<EventCoding sourcecode='"THE HEAD"' targetcode="GON" eventcode="064"></EventCoding>
<EventCoding sourcecode="ARN" targetcode="---GOV" eventcode="174K"></EventCoding>
<Text>
Arnor &amp; Gondor.
</Text>
<Parse> (ROOT (S (NP (NNP Arnor)) (. .))) </Parse>
</Sentence>
<Config option="require_dyad" value="False"></Config>
<Sentence date="950101" id="X-02" category="ERROR" sentence="FALSE">
<EventCoding noevents = "True"></EventCoding>
<EventCoding sourcecode="A" targetcode="B" eventcode="010"></EventCoding>
<Text>x</Text><Parse>(ROOT)</Parse>
</Sentence>
<Sentence date="950101" id="X-03" category="ERROR" sentence="true">
<EventCoding error="dateline"></EventCoding>
</Sentence>
</Sentences></Validation>"#;

    #[test]
    fn reads_environment_records_and_sticky_options() {
        let file = read_records(SAMPLE).unwrap();
        assert_eq!(file.environment.verb_file.as_deref(), Some("V.txt"));
        assert_eq!(file.environment.agent_file, None);
        assert_eq!(file.records.len(), 3);
        let first = &file.records[0];
        assert_eq!(first.id, "X-01");
        assert!(first.scored);
        assert_eq!(first.options.new_actor_length, 4);
        assert!(first.options.require_dyad);
        assert_eq!(first.text.trim(), "Arnor & Gondor.");
        let Expected::Events(events) = &first.expected else { panic!() };
        assert_eq!(events.len(), 2);
        assert_eq!(events[0].source, "\"THE HEAD\"");
        assert_eq!(events[1].target, "---GOV");
        let second = &file.records[1];
        assert!(!second.scored);
        assert!(!second.options.require_dyad);
        assert_eq!(second.expected, Expected::Events(Vec::new()));
        assert_eq!(file.records[2].expected, Expected::Error("dateline".to_string()));
        assert_eq!(file.records[2].position, 2);
    }

    #[test]
    fn never_panics_on_truncated_input() {
        for cut in 0..SAMPLE.len() {
            if SAMPLE.is_char_boundary(cut) {
                let _ = read_records(&SAMPLE[..cut]);
            }
        }
    }
}
