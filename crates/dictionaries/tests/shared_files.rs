//! Data tests: the PETRARCH dictionaries in `../shared/petrarch2/dictionaries/` load completely,
//! with the counts of the files and the entries the coder relies on.

use dyad_dictionaries::{Counts, Diagnostic, Dictionaries, Item, Severity, VerbBlock, VerbFormat};
use dyad_model::Date;

const DIR: &str = "petrarch2/dictionaries";

const PHOENIX: [&str; 7] = [
    "CAMEO.2.0.txt",
    "Phoenix.Countries.actors.txt",
    "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt",
    "Phoenix.agents.txt",
    "Phoenix.discards.txt",
    "Phoenix.IssueCoding.txt",
];

const VALIDATE: [&str; 4] = [
    "PETR.Validate.actors.txt",
    "PETR.Validate.agents.txt",
    "PETR.Validate.discards.txt",
    "PETR.Validate.verbs.txt",
];

fn load(names: &[&str]) -> Option<(Dictionaries, Vec<Diagnostic>)> {
    let mut texts = Vec::new();
    for name in names {
        texts.push((name.to_string(), dyad_testdata::read(&format!("{DIR}/{name}"))?));
    }
    Some(Dictionaries::read_petrarch(texts.iter().map(|(n, t)| (n.as_str(), t.as_str()))))
}

fn error_lines(diagnostics: &[Diagnostic]) -> Vec<String> {
    diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| format!("{}:{}", d.file.as_deref().unwrap_or("?"), d.line.unwrap_or(0)))
        .collect()
}

fn date(text: &str) -> Option<Date> {
    Some(text.parse().unwrap())
}

#[test]
fn phoenix_set_counts_match_the_files() {
    let Some((set, diagnostics)) = load(&PHOENIX) else {
        return;
    };
    let counts = set.counts(&diagnostics);
    // The files hold 4,668 pattern lines; two are malformed (an extra `)`) and are reported.
    // 1,817 verb lines; 27,252 primary lines (18,390 + 7,841 + 1,021, one of them indented);
    // 2,244 agent lines of which one has `[~ENV}`; 2,976 issue lines with a code, of which four
    // are malformed (two entries run together, a doubled code, trailing `*******`).
    assert_eq!(
        counts,
        Counts {
            verb_patterns: 4666,
            verbs: 1817,
            synsets: 40,
            actors: 27252,
            actor_synonyms: 8365,
            agents: 2243,
            discards: 506,
            genre_phrases: 0,
            issues: 2972,
            errors: counts.errors,
        }
    );
    let errors = error_lines(&diagnostics);
    for expected in [
        "CAMEO.2.0.txt:2374",
        "CAMEO.2.0.txt:7606",
        "Phoenix.agents.txt:544",
        "Phoenix.Countries.actors.txt:2039",
        "Phoenix.IssueCoding.txt:1198",
    ] {
        assert!(errors.iter().any(|e| e == expected), "missing {expected}");
    }
    assert_eq!(set.verbs.format, VerbFormat::Petrarch2);
    assert_eq!(set.verbs.blocks.len(), 397);
    assert_eq!(set.verbs.transformations.len(), 8);
    // Every diagnostic names its file and line.
    assert!(diagnostics.iter().all(|d| d.file.is_some() && d.line.is_some()));
}

#[test]
fn phoenix_last_entries_are_kept() {
    let Some((set, _)) = load(&PHOENIX) else {
        return;
    };
    let last_actor =
        set.actors.iter().rfind(|a| &*a.origin.file == "Phoenix.Countries.actors.txt").unwrap();
    assert_eq!(last_actor.phrases[0].text(), "WITNESS_MANGWENDE");
    assert_eq!(last_actor.codes[0].code, "ZWEGOVBUS");
    let last_agent = set.agents.last().unwrap();
    assert_eq!(last_agent.phrases[0].text(), "TRUCE_MONITOR");
    assert_eq!(last_agent.code.to_string(), "IGO~");
    let last_block = set.verbs.blocks.last().unwrap();
    assert!(last_block.verbs.iter().any(|v| v.base.words == ["TRANSGRESS"]));
    assert_eq!(last_block.patterns.last().unwrap().text, "* (TO CORE)");
}

#[test]
fn lavrov_dated_entry() {
    let Some((set, _)) = load(&["Phoenix.Countries.actors.txt"]) else {
        return;
    };
    let lavrov = set.actors.iter().find(|a| a.phrases[0].text() == "SERGEY_LAVROV").unwrap();
    assert!(lavrov.phrases.iter().any(|p| p.text() == "SERGEI_LAVROV"));
    assert_eq!(lavrov.codes.len(), 2);
    assert_eq!(lavrov.code_at(date("2000-01-01")).unwrap().code, "RUSGOV");
    assert_eq!(lavrov.code_at(date("2020-09-04")).unwrap().code, "RUSGOV");
    assert_eq!(lavrov.code_at(date("1990-01-01")), None);
    assert_eq!(lavrov.code_at(None), None);
}

#[test]
fn validate_set_loads_completely() {
    let Some((set, diagnostics)) = load(&VALIDATE) else {
        return;
    };
    assert_eq!(error_lines(&diagnostics), Vec::<String>::new());
    assert_eq!(set.verbs.format, VerbFormat::Petrarch1);
    assert!(set.verbs.blocks.iter().all(|b| b.format == VerbFormat::Petrarch1));
    let rights =
        set.agents.iter().find(|a| a.phrases[0].text() == "HUMAN_RIGHTS_ORGANIZATION").unwrap();
    assert_eq!(rights.code, dyad_dictionaries::AgentCode::Prepend("NGO".into()));
    // Last entries (PETRARCH-1 loses TUCKBOROUGH).
    assert_eq!(set.actors.last().unwrap().phrases[0].text(), "TUCKBOROUGH");
    assert_eq!(set.discards.last().unwrap().phrase.text(), "ESPN2");
}

fn actor_code(set: &Dictionaries, phrase: &str, day: &str) -> Option<String> {
    let actor = set.actors.iter().find(|a| a.phrases.iter().any(|p| p.text() == phrase))?;
    actor.code_at(date(day)).map(|c| c.code.clone())
}

#[test]
fn validate_date_restrictions() {
    let Some((set, _)) = load(&VALIDATE) else {
        return;
    };
    let cases = [
        ("SAM_GAMGEE", "2008-01-19", "HOBCIV"),
        ("SAM_GAMGEE", "2010-01-09", "ORCHOB"),
        ("SAM_GAMGEE", "2010-01-12", "ORCHOB"),
        ("SAM_GAMGEE", "2010-01-13", "HOBMIL"),
        ("SAM_GAMGEE", "2012-12-31", "HOBGOV"),
        ("SAM_GAMGEE", "2014-01-01", "HOBELI"),
        ("HAMFAST GAMGEE", "2012-11-09", "HOBGOV"),
        ("HAMFAST GAMGEE", "2014-01-04", "HOB"),
        ("STINKER", "1995-01-01", "HOB"),
        ("ZIMBABWE", "1978-06-01", "RHO"),
        ("ZIMBABWE", "2001-01-01", "ZBW"),
    ];
    for (phrase, day, code) in cases {
        assert_eq!(actor_code(&set, phrase, day).as_deref(), Some(code), "{phrase} {day}");
    }
}

fn block<'a>(set: &'a Dictionaries, label: &str) -> &'a VerbBlock {
    set.verbs.blocks.iter().find(|b| b.label == label).unwrap()
}

fn forms(block: &VerbBlock, verb: usize) -> Vec<String> {
    block.verbs[verb].forms.iter().map(|f| f.words.join("_")).collect()
}

#[test]
fn validate_verb_forms() {
    let Some((set, _)) = load(&VALIDATE) else {
        return;
    };
    let brk = block(&set, "BREAK");
    assert_eq!(brk.code, "1717");
    assert_eq!(forms(brk, 0), ["BREAK", "BROKE", "BROKEN"]);
    assert_eq!(
        forms(brk, 1),
        ["BREAK_DOWN", "BREAKS_DOWN", "BREAKING_DOWN", "BROKE_DOWN", "BROKEN_DOWN"]
    );
    assert_eq!(brk.verbs[1].forms[0].head, 0);
    assert_eq!(brk.patterns.len(), 6);
    let depart = block(&set, "DEPART");
    assert_eq!(forms(depart, 0), ["DEPART", "DEPARTS", "DEPARTED", "DEPARTING"]);
    let delay = block(&set, "DELAY");
    assert_eq!(delay.code, "120");
    // Non-first verb lines do not store their base form.
    assert_eq!(forms(delay, 1), ["DOWNPLAYS", "DOWNPLAYED", "DOWNPLAYING"]);
    assert_eq!(delay.default_code(1), "014");
    assert_eq!(forms(delay, 2), ["POSTPONES", "POSTPONED", "POSTPONING"]);
    assert_eq!(delay.default_code(2), "120");
    let abandon = block(&set, "ABANDON");
    let klm = &abandon.verbs[2];
    assert_eq!(klm.base.words, ["KLM", "NOP", "RST"]);
    assert_eq!(klm.base.head, 2);
    assert_eq!(klm.code.as_deref(), Some("002"));
    let confiscate = block(&set, "CONFISCATE");
    assert_eq!(forms(confiscate, 1), ["WIRE_TAP", "WIRE_TAPPED", "WIRE_TAPPING"]);
    assert_eq!(confiscate.verbs[1].forms[0].head, 1);
}

#[test]
fn validate_patterns_and_synsets() {
    let Some((set, _)) = load(&VALIDATE) else {
        return;
    };
    let accord = block(&set, "ACCORD");
    let texts: Vec<&str> = accord.patterns.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "SUGGESTED_+ * DEMAND_&GENINT_CONVENTIONS",
            "INCHING &ACCORDSYN *",
            "IN_*",
            "IN_ *",
            "IN *",
            "TO *"
        ]
    );
    use dyad_dictionaries::Connector::{Adjacent, Gap};
    let first = &accord.patterns[0];
    assert_eq!(first.upper[0].item, Item::Target);
    assert_eq!(first.upper[0].connector, Gap);
    assert_eq!(first.upper[1].connector, Adjacent);
    assert_eq!(first.lower[1].item, Item::Synset("GENINT".into()));
    assert_eq!(first.lower[1].connector, Adjacent);
    assert_eq!(accord.patterns[2].upper[0].connector, Adjacent);
    assert_eq!(accord.patterns[3].upper[0].connector, Gap);
    assert_eq!(accord.patterns[0].origin.to_string(), "PETR.Validate.verbs.txt:77");
    let currency = set.verbs.synset("CURRENCY").unwrap();
    let members: Vec<String> = currency.members.iter().map(|m| m.words.join(" ")).collect();
    assert!(members.contains(&"DOLLARES".to_string()));
    assert!(members.contains(&"SWISS FRANCES".to_string()));
    let preposit = set.verbs.synset("PREPOSIT1").unwrap();
    assert!(preposit.members.iter().all(|m| !m.generated));
    let accordsyn = set.verbs.synset("ACCORDSYN").unwrap();
    assert_eq!(accordsyn.members[0].words, ["&TIETYPES"]);
}
