//! dyad's event coder and the pipeline façade that the CLI, the store and the server call.
//!
//! [`Pipeline::code_article`] takes an [`Article`] and returns a [`CodedArticle`]: the article's
//! segmentation, its events and its diagnostics. It never fails on text.
//!
//! The coder is built in layers: [`treebank`] turns a Penn Treebank parse into the [`clause`]
//! layer ([`dependency`] does the same from a dependency parse), [`engine`] codes that layer
//! with PETRARCH-1 semantics, [`events`] turns the result into [`Event`]s, and [`validate`]
//! scores the PETRARCH unit-test [`records`]. [`Pipeline`] runs them on raw text: segment, skip
//! sentences that cannot code, parse the rest, build the clause layer, code, and date and locate
//! each event.

pub mod clause;
pub mod commas;
pub mod dependency;
pub mod engine;
pub mod events;
pub mod genre;
pub mod gold;
pub mod prefilter;
pub mod records;
pub mod treebank;
pub mod validate;

use dyad_dictionaries::{Dictionaries, Token as MatchToken};
use std::collections::HashMap;
use std::time::{Duration, Instant};

use dyad_geo::{Gazetteer, GeoContext, Mention, tokens_from_spans};
use dyad_model::{Article, Date, DateBasis, Diagnostic, Event, PartialDate, Span};
use dyad_nlp::{DateMention, find_dates};

use crate::dependency::DependencyToken;
use crate::engine::{Lexicon, code_sentence_in};
use crate::events::{SentenceContext, build_events};
use crate::records::{CodingOptions, NewsRules};

/// One article after coding.
#[derive(Clone, Debug)]
pub struct CodedArticle {
    /// Dateline and sentences, as spans into the article text.
    pub document: dyad_nlp::Document,
    /// Events in sentence order.
    pub events: Vec<Event>,
    /// Problems found in the text (never fatal).
    pub diagnostics: Vec<Diagnostic>,
    /// Sentences in which at least one actor phrase of the dictionaries matched (agents alone do
    /// not count): the coverage figure of a dictionary set.
    pub sentences_with_actor: usize,
    /// Where the time went (for `dyad code --stats`).
    pub times: StageTimes,
}

/// Time spent in each stage of [`Pipeline::code_article`] (wall clock of the calling thread)
/// and how many sentences reached the parser.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct StageTimes {
    /// Segmentation and tokenization.
    pub segment: Duration,
    /// The prefilter (actor phrases, discards) that decides which sentences are parsed.
    pub prefilter: Duration,
    /// Tagging and parsing.
    pub parse: Duration,
    /// Clause layer, engine and event building.
    pub code: Duration,
    /// Date expressions.
    pub dates: Duration,
    /// Event building (spans, metadata) and locations.
    pub geo: Duration,
    /// Sentences seen.
    pub sentences: usize,
    /// Sentences parsed.
    pub parsed: usize,
}

impl StageTimes {
    /// Adds another article's times to these.
    pub fn add(&mut self, other: &StageTimes) {
        self.segment += other.segment;
        self.prefilter += other.prefilter;
        self.parse += other.parse;
        self.code += other.code;
        self.dates += other.dates;
        self.geo += other.geo;
        self.sentences += other.sentences;
        self.parsed += other.parsed;
    }
}

/// What the prefilter found in a sentence (see `Pipeline::screen`).
struct Screen {
    has_actor: bool,
    could_code: bool,
}

/// Mentions of each country in an article's actor phrases, for its main country.
#[derive(Debug, Default)]
struct CountryVotes(HashMap<String, usize>);

impl CountryVotes {
    /// The country the article is mostly about: at least three mentions, and twice as many as
    /// any other (wire digests of several stories have none).
    fn main_country(&self) -> Option<&str> {
        let mut counts: Vec<(&str, usize)> =
            self.0.iter().map(|(country, &n)| (country.as_str(), n)).collect();
        counts.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        match counts[..] {
            [(country, n), ..] if n >= 3 && counts.get(1).is_none_or(|&(_, m)| n >= 2 * m) => {
                Some(country)
            }
            _ => None,
        }
    }
}

/// A dependency parser for the pipeline: the tokens of one sentence in, one
/// [`DependencyToken`] per token out (dyad's own, [`embedded_parser`], by default).
pub type ParseFn = dyn Fn(&[&str]) -> Vec<DependencyToken> + Send + Sync;

/// The longest sentence the pipeline codes, in words. Matching and coding cost grows with the
/// square of a sentence's length: a 60,000-word "sentence" (a table, text without full stops)
/// took a minute. The longest in Reuters-21578 and BBC News have 408 and 342 words.
pub const MAX_CODED_WORDS: usize = 1000;

/// The configured pipeline: dictionaries, parser and options, built once and shared by threads.
pub struct Pipeline {
    lexicon: Lexicon<'static>,
    /// Words that can be an event site (the prefilter's second test).
    site_words: prefilter::SiteWords,
    dictionaries_version: String,
    /// `None` when the build has no parser weights: articles are segmented, not coded.
    parser: Option<Box<ParseFn>>,
    options: CodingOptions,
    gazetteer: &'static Gazetteer,
}

impl std::fmt::Debug for Pipeline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pipeline")
            .field("dictionaries_version", &self.dictionaries_version)
            .field("options", &self.options)
            .finish_non_exhaustive()
    }
}

/// Dependency tokens from dyad's tagger and parser output.
pub fn from_words(words: &[dyad_nlp::Word]) -> Vec<DependencyToken> {
    dependency::from_analysis(words.iter().map(|w| dependency::AnalyzedWord {
        form: &w.form,
        lemma: &w.lemma,
        upos: &w.upos,
        xpos: &w.xpos,
        head: w.head,
        deprel: &w.deprel,
    }))
}

/// dyad's own tagger and parser as the pipeline's [`ParseFn`]: the embedded models, or `None`
/// when this build has no weights.
pub fn embedded_parser() -> Option<Box<ParseFn>> {
    let analyzer = dyad_nlp::Analyzer::embedded()?;
    Some(Box::new(move |tokens: &[&str]| from_words(&analyzer.analyze(tokens))))
}

/// What the sentence's date expressions say about its events' date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SentenceDate {
    /// The date of the sentence's events.
    pub date: Option<PartialDate>,
    /// Where it came from.
    pub basis: DateBasis,
    /// Whether it is an explicit date clearly before the article's (a background event).
    pub historical: bool,
}

impl SentenceDate {
    /// The sentence's date from its date expressions: the first expression, else the article
    /// date. An explicit date in an earlier year than the article's marks background events.
    pub fn choose(mentions: &[DateMention], article_date: Option<Date>) -> SentenceDate {
        match (mentions.first(), article_date) {
            (Some(mention), Some(article)) => SentenceDate {
                date: Some(mention.date),
                basis: mention.basis,
                historical: mention.basis == DateBasis::Explicit
                    && partial_year(mention.date) < article.year,
            },
            (_, article) => SentenceDate {
                date: article.map(PartialDate::Day),
                basis: DateBasis::Article,
                historical: false,
            },
        }
    }

    /// The day that picks dated actor roles: the day itself, the middle of a month or year.
    pub fn role_day(&self) -> Option<Date> {
        match self.date? {
            PartialDate::Day(date) => Some(date),
            PartialDate::Month(year, month) => Some(Date { year, month, day: 15 }),
            PartialDate::Year(year) => Some(Date { year, month: 7, day: 1 }),
        }
    }
}

fn partial_year(date: PartialDate) -> i32 {
    match date {
        PartialDate::Day(date) => date.year,
        PartialDate::Month(year, _) | PartialDate::Year(year) => year,
    }
}

impl Pipeline {
    /// A pipeline on the embedded default dictionaries and dyad's own parser.
    pub fn with_defaults() -> Pipeline {
        let (dictionaries, _) = dyad_dictionaries::defaults::read_defaults();
        let mut pipeline = Pipeline::with_dictionaries(dictionaries);
        pipeline.dictionaries_version = dyad_dictionaries::defaults::defaults_version();
        pipeline
    }

    /// A pipeline on a dictionary set of the caller's (version label `custom`).
    pub fn with_dictionaries(dictionaries: Dictionaries) -> Pipeline {
        Pipeline {
            site_words: prefilter::SiteWords::new(&dictionaries),
            lexicon: Lexicon::owned(dictionaries),
            dictionaries_version: "custom".to_string(),
            parser: embedded_parser(),
            // PETRARCH-1 deletes comma clauses of 2 to 8 words, meant for appositions; the
            // dependency layer already keeps appositions inside their units, and in news text
            // the clause between or after commas is often the main one ("In 2014, X met Y.",
            // "Following the coup, Hamas seized power, ..."): keep them.
            options: CodingOptions {
                comma_max: 0,
                comma_emax: 0,
                news: NewsRules::all(),
                ..CodingOptions::default()
            },
            gazetteer: Gazetteer::shared(),
        }
    }

    /// The same pipeline with another dependency parser (tests use hand-built parses).
    pub fn with_parser(mut self, parser: Box<ParseFn>) -> Pipeline {
        self.parser = Some(parser);
        self
    }

    /// The version label written into every event.
    pub fn dictionaries_version(&self) -> &str {
        &self.dictionaries_version
    }

    /// The coding options (PETRARCH-1's, with comma clauses kept).
    pub fn options(&self) -> &CodingOptions {
        &self.options
    }

    /// The indexed dictionaries.
    pub fn lexicon(&self) -> &Lexicon<'static> {
        &self.lexicon
    }

    /// Whether a sentence could code at all: a word that can be a verb or event noun of the
    /// dictionaries, and at least two actor or agent phrases (an event needs a source and a
    /// target). Sentences that cannot are not parsed, which is most of the time.
    pub fn could_code(&self, words: &[&str]) -> bool {
        self.screen(words).could_code
    }

    /// The prefilter's verdict on a sentence: whether an actor phrase matched (the coverage
    /// figure) and whether the sentence could code, so is worth parsing.
    fn screen(&self, words: &[&str]) -> Screen {
        self.screen_counting(words, None, &mut CountryVotes::default())
    }

    /// [`Pipeline::screen`], adding the countries of the sentence's actor phrases on `date` to
    /// `votes`.
    fn screen_counting(
        &self,
        words: &[&str],
        date: Option<Date>,
        votes: &mut CountryVotes,
    ) -> Screen {
        let upper: Vec<String> = words.iter().map(|w| w.to_uppercase()).collect();
        let tokens: Vec<MatchToken<'_>> = upper.iter().map(|w| MatchToken::new(w)).collect();
        let matchers = self.lexicon.matchers();
        let found = matchers.actors.find_all(&tokens);
        for country in found.iter().filter_map(|f| self.lexicon.actor_country(f, date)) {
            *votes.0.entry(country).or_default() += 1;
        }
        let actors = found.len();
        // Agents only matter when actors alone cannot make an event.
        let agents = if actors >= 2 { 0 } else { matchers.agents.find_all(&tokens).len() };
        Screen {
            has_actor: actors > 0,
            could_code: (actors >= 2 || actors + agents >= 2) && self.has_site_word(words),
        }
    }

    /// Whether a word of the sentence can be a verb or event noun of the dictionaries.
    fn has_site_word(&self, words: &[&str]) -> bool {
        words.iter().any(|w| self.site_words.contains(w))
    }

    /// The country an article is mostly about, as [`Pipeline::code_article`] finds it (its
    /// dateline and its actor phrases; see `CountryVotes::main_country`): roles without a
    /// country take it.
    pub fn main_country(&self, text: &str, date: Option<Date>) -> Option<String> {
        let document = dyad_nlp::segment(text);
        let dateline = self.dateline_place(&document, text);
        let mut votes = self.dateline_votes(dateline.as_ref());
        for sentence in &document.sentences {
            let words: Vec<&str> = sentence.tokens.iter().map(|t| t.text(text)).collect();
            if !words.is_empty() && words.len() <= MAX_CODED_WORDS {
                self.screen_counting(&words, date, &mut votes);
            }
        }
        votes.main_country().map(str::to_string)
    }

    /// The place the article's dateline names, when the gazetteer knows it.
    fn dateline_place(&self, document: &dyad_nlp::Document, text: &str) -> Option<Mention> {
        let dateline = document.dateline.as_ref()?;
        self.gazetteer.dateline_place(dateline.span.text(text))
    }

    /// The dateline's country counts as two mentions.
    fn dateline_votes(&self, dateline: Option<&Mention>) -> CountryVotes {
        let mut votes = CountryVotes::default();
        if let Some(country) = dateline
            .and_then(|d| d.candidates.first())
            .and_then(|c| self.gazetteer.place(c.place).country3.clone())
        {
            votes.0.insert(country, 2);
        }
        votes
    }

    /// Codes one article.
    pub fn code_article(&self, article: &Article) -> CodedArticle {
        let text = article.text.as_str();
        let started = Instant::now();
        let document = dyad_nlp::segment(text);
        let mut times = StageTimes {
            segment: started.elapsed(),
            sentences: document.sentences.len(),
            ..StageTimes::default()
        };
        let mut coded = CodedArticle {
            document,
            events: Vec::new(),
            diagnostics: Vec::new(),
            sentences_with_actor: 0,
            times: StageTimes::default(),
        };
        let Some(parser) = &self.parser else {
            coded.diagnostics.push(
                Diagnostic::for_article(
                    article.id.clone(),
                    "not coded: this dyad has no tagger/parser weights (crates/nlp/weights/)",
                )
                .warning(),
            );
            return coded;
        };
        let started = Instant::now();
        if self.lexicon.story_discarded(text) {
            times.prefilter += started.elapsed();
            coded.times = times;
            return coded;
        }
        times.prefilter += started.elapsed();
        let dateline = self.dateline_place(&coded.document, text);
        // Every sentence is screened first: the article's main country comes from all of them.
        let started = Instant::now();
        let mut votes = self.dateline_votes(dateline.as_ref());
        let mut screens = Vec::with_capacity(coded.document.sentences.len());
        for (index, sentence) in coded.document.sentences.iter().enumerate() {
            let words: Vec<&str> = sentence.tokens.iter().map(|t| t.text(text)).collect();
            if words.len() > MAX_CODED_WORDS {
                let message = format!(
                    "sentence {index}: {} words, more than the {MAX_CODED_WORDS} dyad codes in \
                     one sentence (a table, or text without full stops?); not coded",
                    words.len()
                );
                coded.diagnostics.push(
                    Diagnostic::for_article(article.id.clone(), message)
                        .with_byte(sentence.span.start)
                        .warning(),
                );
            }
            if words.is_empty() || words.len() > MAX_CODED_WORDS {
                screens.push(None);
                continue;
            }
            let screen = self.screen_counting(&words, article.date, &mut votes);
            coded.sentences_with_actor += usize::from(screen.has_actor);
            screens.push(Some((screen, words)));
        }
        let home = votes.main_country();
        times.prefilter += started.elapsed();
        for ((index, sentence), screen) in coded.document.sentences.iter().enumerate().zip(screens)
        {
            let Some((screen, words)) = screen else { continue };
            if !screen.could_code {
                continue;
            }
            let started = Instant::now();
            let sentence_text = sentence.span.text(text);
            let discarded = self.lexicon.discard_hit(&format!(" {sentence_text}")).is_some();
            times.prefilter += started.elapsed();
            if discarded {
                continue;
            }
            let started = Instant::now();
            let parse = parser(&words);
            times.parse += started.elapsed();
            times.parsed += 1;
            if parse.len() != words.len() {
                coded.diagnostics.push(Diagnostic::for_article(
                    article.id.clone(),
                    format!(
                        "sentence {index}: the parser returned {} words for {} tokens; not coded",
                        parse.len(),
                        words.len()
                    ),
                ));
                continue;
            }
            let started = Instant::now();
            let mentions = match article.date {
                Some(date) => find_dates(text, &sentence.tokens, date),
                None => Vec::new(),
            };
            let when = SentenceDate::choose(&mentions, article.date);
            times.dates += started.elapsed();
            let started = Instant::now();
            let layer = dependency::clause_layer(&parse);
            let coding =
                code_sentence_in(&self.lexicon, &layer, &self.options, when.role_day(), home);
            times.code += started.elapsed();
            let Some(coding) = coding else {
                continue;
            };
            let started = Instant::now();
            let context = SentenceContext {
                article_id: &article.id,
                text,
                sentence: index,
                sentence_span: sentence.span,
                date: article.date,
                dictionaries_version: &self.dictionaries_version,
            };
            let spans: Vec<Option<Span>> = sentence.tokens.iter().copied().map(Some).collect();
            let geo_tokens = tokens_from_spans(text, &sentence.tokens);
            for mut event in build_events(&context, coding.layer(&layer), &coding, &spans) {
                event.date = when.date;
                event.date_basis = when.basis;
                event.historical = when.historical;
                let countries: Vec<&str> = [Some(&event.source), event.target.as_ref()]
                    .into_iter()
                    .flatten()
                    .filter_map(|a| a.code.get(..3))
                    .collect();
                let actor_spans: Vec<Span> = [Some(&event.source), event.target.as_ref()]
                    .into_iter()
                    .flatten()
                    .map(|a| a.span)
                    .collect();
                let geo = GeoContext {
                    actor_countries: &countries,
                    actor_spans: &actor_spans,
                    dateline: dateline.as_ref(),
                };
                event.location = self
                    .gazetteer
                    .locate(&geo_tokens, event.verb_span, &geo)
                    .map(|located| located.location);
                coded.events.push(event);
            }
            times.geo += started.elapsed();
        }
        coded.times = times;
        coded
    }
}

#[cfg(test)]
mod tests {
    use super::CountryVotes;

    fn votes(counts: &[(&str, usize)]) -> CountryVotes {
        CountryVotes(counts.iter().map(|&(c, n)| (c.to_string(), n)).collect())
    }

    #[test]
    fn an_article_has_a_main_country_only_when_one_clearly_leads() {
        assert_eq!(votes(&[("GBR", 6), ("USA", 3)]).main_country(), Some("GBR"));
        assert_eq!(votes(&[("GBR", 3)]).main_country(), Some("GBR"));
        // Too few mentions, or a digest of several stories.
        assert_eq!(votes(&[("GBR", 2)]).main_country(), None);
        assert_eq!(votes(&[("GBR", 5), ("USA", 3)]).main_country(), None);
        assert_eq!(votes(&[]).main_country(), None);
    }
}
