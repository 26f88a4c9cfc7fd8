//! The pipeline on raw text with hand-written dependency parses (so that the test does not
//! depend on the trained parser): dyad-format verbs by lemma, patterns, negation and dates.

use std::collections::HashMap;

use dyad_coder::Pipeline;
use dyad_coder::dependency::{DependencyToken, read_conllu_sentence};
use dyad_model::{Article, Date, DateBasis, PartialDate};

/// Sentences of the test article with their parses (ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL).
const PARSES: &[&str] = &[
    "1 Russia Russia PROPN NNP _ 4 nsubj
2 will will AUX MD _ 4 aux
3 not not PART RB _ 4 advmod
4 meet meet VERB VB _ 0 root
5 Ukraine Ukraine PROPN NNP _ 4 obj
6 . . PUNCT . _ 4 punct",
    "1 Russian Russian ADJ JJ _ 2 amod
2 officials official NOUN NNS _ 3 nsubj
3 held hold VERB VBD _ 0 root
4 talks talk NOUN NNS _ 3 obj
5 with with ADP IN _ 7 case
6 Palestinian Palestinian ADJ JJ _ 7 amod
7 leaders leader NOUN NNS _ 3 obl
8 in in ADP IN _ 9 case
9 2014 2014 NUM CD _ 3 obl
10 . . PUNCT . _ 3 punct",
    // The parser's slip: "on Wednesday" hung on the object noun rather than on the verb.
    "1 France France PROPN NNP _ 2 nsubj
2 criticized criticize VERB VBD _ 0 root
3 Ukraine Ukraine PROPN NNP _ 2 obj
4 on on ADP IN _ 5 case
5 Wednesday Wednesday PROPN NNP _ 3 nmod
6 . . PUNCT . _ 2 punct",
    "1 France France PROPN NNP _ 2 nsubj
2 criticized criticize VERB VBD _ 0 root
3 US US PROPN NNP _ 2 obj
4 . . PUNCT . _ 2 punct",
    "1 France France PROPN NNP _ 2 nsubj
2 criticized criticize VERB VBD _ 0 root
3 us we PRON PRP _ 2 obj
4 . . PUNCT . _ 2 punct",
];

fn test_pipeline() -> Pipeline {
    let parses: HashMap<String, Vec<DependencyToken>> = PARSES
        .iter()
        .map(|conllu| {
            let tabbed: String = conllu
                .lines()
                .map(|line| line.split(' ').collect::<Vec<_>>().join("\t") + "\tx\t_\n")
                .collect();
            let tokens = read_conllu_sentence(&tabbed);
            let key = tokens.iter().map(|t| t.text.as_str()).collect::<Vec<_>>().join(" ");
            (key, tokens)
        })
        .collect();
    Pipeline::with_defaults().with_parser(Box::new(move |words: &[&str]| {
        parses.get(&words.join(" ")).cloned().unwrap_or_default()
    }))
}

#[test]
fn codes_lemmas_patterns_negation_and_dates() {
    let pipeline = test_pipeline();
    let mut article = Article::new(
        "a1",
        "Russia will not meet Ukraine. Russian officials held talks with Palestinian leaders in 2014.",
    );
    article.date = Some(Date { year: 2020, month: 9, day: 4 });
    let coded = pipeline.code_article(&article);
    assert!(coded.diagnostics.is_empty(), "{:?}", coded.diagnostics);
    let summary: Vec<String> = coded
        .events
        .iter()
        .map(|e| {
            let target = e.target.as_ref().map_or("", |t| t.code.as_str());
            format!("{} {} {} {} {}", e.sentence, e.source.code, target, e.code, e.negated)
        })
        .collect();
    // "will not meet": a negated intent to meet (036), as CAMEO codes future actions.
    assert_eq!(summary, ["0 RUS UKR 036 true", "1 RUSGOV PSEGOV 040 false"], "{summary:?}");
    let first = &coded.events[0];
    assert_eq!(first.verb_text, "meet");
    assert_eq!(first.source.text, "Russia");
    assert_eq!(first.date, Some(PartialDate::Day(Date { year: 2020, month: 9, day: 4 })));
    assert!(!first.historical);
    let second = &coded.events[1];
    assert_eq!(second.date, Some(PartialDate::Year(2014)));
    assert_eq!(second.date_basis, DateBasis::Explicit);
    assert!(second.historical);
    assert!(second.rule.contains("verbs.dyad:"), "{}", second.rule);
}

#[test]
fn sentences_without_two_actors_are_not_parsed() {
    let pipeline = Pipeline::with_defaults()
        .with_parser(Box::new(|_: &[&str]| panic!("the parser must not be called")));
    let article = Article::new("a2", "The weather was fine. Nothing happened here.");
    assert!(pipeline.code_article(&article).events.is_empty());
}

#[test]
fn a_time_phrase_on_a_noun_is_not_part_of_the_actor() {
    let pipeline = test_pipeline();
    let mut article = Article::new("a2", "France criticized Ukraine on Wednesday.");
    article.date = Some(Date { year: 2022, month: 10, day: 14 });
    let coded = pipeline.code_article(&article);
    let event = coded.events.first().expect("an event");
    let target = event.target.as_ref().expect("a target");
    assert_eq!((target.code.as_str(), target.text.as_str()), ("UKR", "Ukraine"));
    assert_eq!(event.date, Some(PartialDate::Day(Date { year: 2022, month: 10, day: 12 })));
}

#[test]
fn a_name_that_needs_a_capital_does_not_match_a_lower_case_word() {
    let pipeline = test_pipeline();
    let targets = |text: &str| -> Vec<String> {
        let coded = pipeline.code_article(&Article::new("a3", text));
        coded.events.iter().filter_map(|e| e.target.as_ref()).map(|t| t.code.clone()).collect()
    };
    assert_eq!(targets("France criticized US."), ["USA"]);
    // The pronoun "us" is not the United States (nor "who" the WHO).
    assert!(!targets("France criticized us.").contains(&"USA".to_string()));
}

#[test]
fn an_overlong_sentence_is_reported_and_the_rest_is_coded() {
    let pipeline = test_pipeline();
    let long = "Russia and Ukraine ".repeat(dyad_coder::MAX_CODED_WORDS / 3 + 1);
    let text = format!("{long}talks. France criticized US.");
    let coded = pipeline.code_article(&Article::new("a3", text.as_str()));
    let [warning] = &coded.diagnostics[..] else {
        panic!("one diagnostic: {:?}", coded.diagnostics);
    };
    assert_eq!(warning.severity, dyad_model::Severity::Warning);
    assert_eq!(warning.byte, Some(0));
    assert!(warning.message.contains("not coded"), "{}", warning.message);
    let codes: Vec<(usize, &str)> =
        coded.events.iter().map(|e| (e.sentence, e.code.as_str())).collect();
    assert_eq!(codes, [(1, "111")], "{codes:?}");
}
