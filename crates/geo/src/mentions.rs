//! Place mentions: finding place names in a sentence's tokens and choosing what each refers to.
//!
//! Tokens come in as `(text, span)` pairs so that this crate does not depend on the tokenizer's
//! types. A name matches the longest run of tokens whose text, joined as it was written, is a name
//! in the gazetteer; the run must start with a capital letter (so "turkey" and "reading" are not
//! places) and its lower-case words may only be name particles ("Port-au-Prince", "Bosnia and
//! Herzegovina").

use crate::gazetteer::{Gazetteer, NameTier, PlaceId, PlaceKind, name_key};
use dyad_model::Span;

/// One token: its text and its byte span in the article.
pub type Token<'a> = (&'a str, Span);

/// Lower-case words allowed inside a multi-word place name.
const NAME_PARTICLES: &[&str] = &[
    "of", "and", "the", "de", "del", "la", "le", "al", "el", "au", "en", "da", "do", "dos", "das",
    "di", "du", "von", "van", "der", "upon", "on", "sur", "am", "im",
];

/// Prepositions after which a place is where something happens or goes ("in Gaza", "to Geneva").
pub const LOCATIVE_PREPOSITIONS: &[&str] = &[
    "in",
    "at",
    "near",
    "from",
    "outside",
    "to",
    "into",
    "inside",
    "around",
    "across",
    "throughout",
    "within",
    "towards",
    "toward",
    "off",
    "along",
    "through",
];

/// Words that end the search backwards from a place for its preposition: other prepositions
/// (a place after "of" keeps looking: "the town of Rafah"), clause words and conjunctions.
const CUE_BARRIERS: &[&str] = &[
    "on", "for", "with", "by", "about", "against", "after", "before", "since", "during", "over",
    "under", "than", "that", "which", "who", "while", "as", "and", "or", "but", "said", "says",
    "told",
];

/// Capitalised words that continue a place name rather than make it a person's first name
/// ("Anbar Province", "Jordan Valley", "Kabul Airport").
const PLACE_CONTINUATIONS: &[&str] = &[
    "Province",
    "Provinces",
    "Governorate",
    "Region",
    "District",
    "County",
    "State",
    "City",
    "Airport",
    "Square",
    "Street",
    "River",
    "Valley",
    "Bay",
    "Strip",
    "Bank",
    "Mountains",
    "Island",
    "Islands",
    "Port",
    "Harbour",
    "Harbor",
    "Oblast",
    "Prefecture",
    "Peninsula",
    "Desert",
    "Sea",
    "Lake",
    "Gulf",
    "Coast",
    "Basin",
    "Heights",
    "Plain",
    "Canal",
    "Pass",
];

/// Days and months: "in Kabul Monday" keeps Kabul.
const CALENDAR_WORDS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
];

/// True when the token at `end` reads as a surname after the name that ends there: a capitalised
/// word of letters with lower-case letters in it ("Putin", not "U.S." nor "AFP"), that neither
/// continues a place name nor is a day or month.
fn followed_by_surname(tokens: &[Token<'_>], end: usize) -> bool {
    let Some((next, _)) = tokens.get(end) else { return false };
    starts_with_capital(next)
        && next.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'')
        && next.chars().skip(1).any(char::is_lowercase)
        && !PLACE_CONTINUATIONS.contains(next)
        && !CALENDAR_WORDS.contains(next)
}

/// A city this large is known beyond its country (see [`Gazetteer::rank`]).
const PROMINENT_POPULATION: u64 = 100_000;

/// A city this large outranks a region of the same name.
const METROPOLIS_POPULATION: u64 = 1_000_000;

/// How many tokens may separate a place from its preposition ("in the northern city of Kirkuk").
const MAX_CUE_DISTANCE: usize = 9;

/// What in the text says a mention is a place where something happens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cue {
    /// A locative preposition: its lower-cased word and token index.
    Preposition {
        /// The preposition, lower-cased.
        word: String,
        /// Index of its token.
        token: usize,
    },
    /// Nothing; the name merely occurs.
    None,
}

/// A place being ranked for a mention, with the reasons for its rank.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    /// The place.
    pub place: PlaceId,
    /// Whether the text used its English name or an alternate.
    pub tier: NameTier,
    /// True when the place is in one of the event's actors' countries.
    pub actor_country: bool,
    /// True when the place is the dateline's place or in its country.
    pub dateline_country: bool,
}

/// A place name found in a sentence, with every place it may refer to, best first.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    /// The text as written (tokens joined as in the article).
    pub surface: String,
    /// Byte span from the first to the last token.
    pub span: Span,
    /// Token range `[start, end)`.
    pub tokens: (usize, usize),
    /// The preposition that governs it, if any.
    pub cue: Cue,
    /// Places it may refer to, best first; never empty.
    pub candidates: Vec<Candidate>,
    /// True when the mention only names a place inside an actor's name ("the Moscow government").
    pub inside_actor: bool,
    /// Index of the mention that qualifies this one ("Paris, Texas": Texas qualifies Paris).
    pub qualified_by: Option<usize>,
    /// True when this mention is only the qualifier of the one before it.
    pub is_qualifier: bool,
}

impl Mention {
    /// The chosen place.
    pub fn best(&self) -> PlaceId {
        self.candidates[0].place
    }

    /// True when the name could mean more than one place.
    pub fn is_ambiguous(&self) -> bool {
        self.candidates.len() > 1
    }
}

/// What the caller knows about the event and the article, used to choose between places.
#[derive(Clone, Copy, Debug, Default)]
pub struct GeoContext<'a> {
    /// ISO alpha-3 codes of the countries of the event's actors (`USA`, `RUS`); other codes
    /// (`IGO`) are ignored.
    pub actor_countries: &'a [&'a str],
    /// Byte spans of the event's actors' names: places inside them name the actor, not where the
    /// action happened ("the Moscow government").
    pub actor_spans: &'a [Span],
    /// The article's dateline place, resolved with [`Gazetteer::dateline_place`].
    pub dateline: Option<&'a Mention>,
}

impl Gazetteer {
    /// Finds and resolves the place names in a sentence.
    pub fn find_mentions(&self, tokens: &[Token<'_>], context: &GeoContext<'_>) -> Vec<Mention> {
        let mut mentions = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            match self.longest_name_at(tokens, i) {
                Some((end, [])) => i = end,
                // "Vladimir Putin", "Jordan Bardella": a first name, not the town or country.
                Some((end, _)) if followed_by_surname(tokens, end) => i = end,
                Some((end, refs)) => {
                    let span = Span::new(tokens[i].1.start, tokens[end - 1].1.end);
                    mentions.push(Mention {
                        surface: joined(&tokens[i..end]),
                        span,
                        tokens: (i, end),
                        cue: find_cue(tokens, i),
                        candidates: refs
                            .iter()
                            .map(|r| Candidate {
                                place: r.place,
                                tier: r.tier,
                                actor_country: false,
                                dateline_country: false,
                            })
                            .collect(),
                        inside_actor: inside_actor(tokens, i, end, context.actor_spans),
                        qualified_by: None,
                        is_qualifier: false,
                    });
                    i = end;
                }
                None => i += 1,
            }
        }
        // Qualifiers first ("Paris, Texas", "Columbia, Mo."), so that ranking sees only the
        // places they allow.
        for i in 1..mentions.len() {
            self.apply_qualifier(tokens, &mut mentions, i - 1);
        }
        for mention in &mut mentions {
            let after = &tokens[mention.tokens.1..];
            if let [(",", _), (abbreviation, _), ..] = after
                && let Some(state) = us_state_code(abbreviation)
            {
                self.keep_in_us_state(&mut mention.candidates, state);
            }
        }
        for mention in &mut mentions {
            self.rank(&mut mention.candidates, context);
        }
        mentions
    }

    /// Keeps the candidates in a US state (by its postal code); when none is, the town is one
    /// the gazetteer lacks ("Paris, Tenn."), and the state itself is the best it can say.
    fn keep_in_us_state(&self, candidates: &mut Vec<Candidate>, state: &str) {
        let in_state = |c: &Candidate| {
            let place = self.place(c.place);
            place.country == "US" && place.admin1 == state && place.kind == PlaceKind::City
        };
        if candidates.iter().any(in_state) {
            candidates.retain(in_state);
        } else if let Some(region) = self.region("US", state) {
            *candidates = vec![Candidate {
                place: region,
                tier: NameTier::English,
                actor_country: false,
                dateline_country: false,
            }];
        }
    }

    /// "Paris, Texas" / "Bam, Iran": when the mention after a comma is a region or country that
    /// contains some of this mention's places, keep only those.
    fn apply_qualifier(&self, tokens: &[Token<'_>], mentions: &mut [Mention], i: usize) {
        let (first, second) = (&mentions[i], &mentions[i + 1]);
        let between = &tokens[first.tokens.1..second.tokens.0];
        if between.len() != 1 || between[0].0 != "," || first.is_qualifier {
            return;
        }
        let scopes: Vec<PlaceId> = second
            .candidates
            .iter()
            .filter(|c| self.place(c.place).kind != PlaceKind::City)
            .map(|c| c.place)
            .collect();
        let kept: Vec<Candidate> = first
            .candidates
            .iter()
            .filter(|c| {
                scopes.iter().any(|&scope| scope != c.place && self.contains(scope, c.place))
            })
            .cloned()
            .collect();
        if kept.is_empty() {
            return;
        }
        let qualifier_places: Vec<Candidate> = second
            .candidates
            .iter()
            .filter(|q| kept.iter().any(|c| self.contains(q.place, c.place)))
            .cloned()
            .collect();
        mentions[i].candidates = kept;
        mentions[i].qualified_by = Some(i + 1);
        mentions[i + 1].candidates = qualifier_places;
        mentions[i + 1].is_qualifier = true;
    }

    /// Orders candidates best first: English names before alternates; a city that merely shares
    /// a country's name (Lebanon, Pennsylvania) after the country; places in the actors'
    /// countries first; then the dateline's place and country; then countries, capitals and
    /// metropolises, regions, towns; then larger population.
    ///
    /// A place in an actor's or the dateline's country is only preferred over a prominent place
    /// elsewhere (a capital, a country or region, a city of 100,000 or more) when it is prominent
    /// itself: American actors do not move Geneva to Geneva, Illinois, but Lebanese actors do move
    /// Tripoli to Lebanon. The dateline comes before population (the brief's order was population
    /// first) because it is evidence from the article while population is only a prior.
    pub fn rank(&self, candidates: &mut [Candidate], context: &GeoContext<'_>) {
        let actor_alpha2: Vec<&str> =
            context.actor_countries.iter().filter_map(|code| self.alpha2_of(code)).collect();
        let dateline_place = context.dateline.map(Mention::best);
        let dateline = dateline_place.map(|id| self.place(id));
        let has_english_country = candidates
            .iter()
            .any(|c| c.tier == NameTier::English && self.place(c.place).kind == PlaceKind::Country);
        for candidate in candidates.iter_mut() {
            let place = self.place(candidate.place);
            candidate.actor_country = actor_alpha2.contains(&place.country.as_str());
            candidate.dateline_country = dateline.is_some_and(|d| d.country == place.country);
        }
        let prominent = |c: &Candidate| is_prominent(self.place(c.place));
        let prominent_outside_actors = candidates.iter().any(|c| !c.actor_country && prominent(c));
        let prominent_outside_dateline =
            candidates.iter().any(|c| !c.dateline_country && prominent(c));
        candidates.sort_by_key(|c| {
            let place = self.place(c.place);
            let shadowed = has_english_country && place.kind == PlaceKind::City;
            let actor_preferred = c.actor_country && (prominent(c) || !prominent_outside_actors);
            let dateline_preferred =
                c.dateline_country && (prominent(c) || !prominent_outside_dateline);
            (
                c.tier,
                shadowed,
                !actor_preferred,
                dateline_place != Some(c.place),
                !dateline_preferred,
                prominence_class(place),
                std::cmp::Reverse(place.population),
                c.place,
            )
        });
    }

    /// The place a dateline names: `"TRIPOLI, Lebanon (Reuters) -"`, `"PARIS, Texas, March 3"`,
    /// `"GENEVA"`. Capitals are written in capitals, so any case is accepted here. The result's
    /// candidates are ranked by qualifier and population only; its span is relative to
    /// `dateline`, and it has no tokens.
    pub fn dateline_place(&self, dateline: &str) -> Option<Mention> {
        let head = dateline
            .split(['(', '\u{2014}', '\u{2013}'])
            .next()
            .unwrap_or("")
            .split(" - ")
            .next()
            .unwrap_or("");
        let mut parts = head.split(',').map(str::trim).filter(|p| !p.is_empty());
        let name = parts.next()?;
        let refs = self.lookup(name);
        if refs.is_empty() {
            return None;
        }
        let mut candidates: Vec<Candidate> = refs
            .iter()
            .map(|r| Candidate {
                place: r.place,
                tier: r.tier,
                actor_country: false,
                dateline_country: false,
            })
            .collect();
        if let Some(qualifier) = parts.next() {
            if let Some(state) = us_state_code(qualifier) {
                self.keep_in_us_state(&mut candidates, state);
            }
            let scopes = self.lookup(qualifier);
            let kept: Vec<Candidate> = candidates
                .iter()
                .filter(|c| {
                    scopes.iter().any(|s| s.place != c.place && self.contains(s.place, c.place))
                })
                .cloned()
                .collect();
            if !kept.is_empty() {
                candidates = kept;
            }
        }
        self.rank(&mut candidates, &GeoContext::default());
        let start = dateline.find(name).unwrap_or(0);
        Some(Mention {
            surface: name.to_string(),
            span: Span::new(start, start + name.len()),
            tokens: (0, 0),
            cue: Cue::None,
            candidates,
            inside_actor: false,
            qualified_by: None,
            is_qualifier: false,
        })
    }

    /// The longest gazetteer name starting at token `start`: its end token and places. A name
    /// listed as not a place ("Latin America") is returned with no places, so the caller skips it.
    fn longest_name_at(
        &self,
        tokens: &[Token<'_>],
        start: usize,
    ) -> Option<(usize, &[crate::gazetteer::NameRef])> {
        if !starts_with_capital(tokens[start].0) {
            return None;
        }
        let longest = self.max_name_words().min(tokens.len() - start);
        for length in (1..=longest).rev() {
            let run = &tokens[start..start + length];
            let last = run[length - 1].0;
            // A sentence's full stop is never part of a name ("U.S" meets "U.S." by its key).
            if !last.chars().any(char::is_alphanumeric) {
                continue;
            }
            if !run.iter().all(|(text, _)| word_allowed_in_name(text)) {
                continue;
            }
            let key = name_key(&joined(run));
            if self.is_not_place(&key) {
                return Some((start + length, &[]));
            }
            let refs = self.lookup_key(&key);
            if !refs.is_empty() {
                return Some((start + length, refs));
            }
        }
        None
    }
}

/// Among places that are otherwise equal: a country, then a capital or a city of a million
/// (Washington, D.C. before the state; New York City before the state), then a region (Florida
/// the state before Florida in Cuba), then other towns.
fn prominence_class(place: &crate::gazetteer::Place) -> u8 {
    match place.kind {
        PlaceKind::Country => 0,
        PlaceKind::City if place.capital || place.population >= METROPOLIS_POPULATION => 1,
        PlaceKind::Region => 2,
        PlaceKind::City => 3,
    }
}

/// Prominent places keep their name against namesakes in the actors' countries.
pub(crate) fn is_prominent(place: &crate::gazetteer::Place) -> bool {
    place.kind != PlaceKind::City || place.capital || place.population >= PROMINENT_POPULATION
}

/// The postal code of a US state written as a news agency abbreviates it after a town ("Ga.",
/// "Calif.", "N.Y.", "W.Va.") or as its postal code in capitals ("GA").
fn us_state_code(text: &str) -> Option<&'static str> {
    const AP_STYLE: &[(&str, &str)] = &[
        ("Ala", "AL"),
        ("Ariz", "AZ"),
        ("Ark", "AR"),
        ("Calif", "CA"),
        ("Colo", "CO"),
        ("Conn", "CT"),
        ("Del", "DE"),
        ("D.C", "DC"),
        ("Fla", "FL"),
        ("Ga", "GA"),
        ("Ill", "IL"),
        ("Ind", "IN"),
        ("Kan", "KS"),
        ("Kans", "KS"),
        ("Ky", "KY"),
        ("La", "LA"),
        ("Md", "MD"),
        ("Mass", "MA"),
        ("Me", "ME"),
        ("Mich", "MI"),
        ("Minn", "MN"),
        ("Miss", "MS"),
        ("Mo", "MO"),
        ("Mont", "MT"),
        ("Neb", "NE"),
        ("Nev", "NV"),
        ("N.H", "NH"),
        ("N.J", "NJ"),
        ("N.M", "NM"),
        ("N.Y", "NY"),
        ("N.C", "NC"),
        ("N.D", "ND"),
        ("Okla", "OK"),
        ("Ore", "OR"),
        ("Pa", "PA"),
        ("R.I", "RI"),
        ("S.C", "SC"),
        ("S.D", "SD"),
        ("Tenn", "TN"),
        ("Tex", "TX"),
        ("Vt", "VT"),
        ("Va", "VA"),
        ("Wash", "WA"),
        ("W.Va", "WV"),
        ("Wis", "WI"),
        ("Wyo", "WY"),
    ];
    const POSTAL: &[&str] = &[
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN",
        "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH",
        "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT",
        "VT", "VA", "WA", "WV", "WI", "WY",
    ];
    let text = text.trim().trim_end_matches('.');
    if let Some(&code) = POSTAL.iter().find(|&&code| code == text) {
        return Some(code);
    }
    AP_STYLE.iter().find(|(abbreviation, _)| *abbreviation == text).map(|&(_, code)| code)
}

/// The tokens' text as written: a space wherever the spans leave a gap.
fn joined(tokens: &[Token<'_>]) -> String {
    let mut text = String::new();
    for (k, (token, span)) in tokens.iter().enumerate() {
        if k > 0 && tokens[k - 1].1.end < span.start {
            text.push(' ');
        }
        text.push_str(token);
    }
    text
}

fn starts_with_capital(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_uppercase)
}

/// Capitalised words, punctuation and name particles may be part of a name; other lower-case
/// words may not ("Paris said", "Georgia's leaders").
fn word_allowed_in_name(text: &str) -> bool {
    match text.chars().next() {
        Some(c) if c.is_lowercase() => NAME_PARTICLES.contains(&text),
        Some(_) => true,
        None => false,
    }
}

/// Looks back from a mention for a locative preposition, across modifiers ("in the besieged
/// Bosnian town of Gorazde") but not across punctuation, other prepositions or clause words.
fn find_cue(tokens: &[Token<'_>], start: usize) -> Cue {
    for k in (start.saturating_sub(MAX_CUE_DISTANCE)..start).rev() {
        let word = tokens[k].0.to_lowercase();
        // "out of the town of Gorazde": "of" is locative after "out".
        if word == "of" && k > 0 && tokens[k - 1].0.eq_ignore_ascii_case("out") {
            return Cue::Preposition { word: "out of".to_string(), token: k - 1 };
        }
        if LOCATIVE_PREPOSITIONS.contains(&word.as_str()) {
            return Cue::Preposition { word, token: k };
        }
        // "in Smalltown, Iran": a name the gazetteer lacks, then its country after a comma.
        if word == "," && k + 1 == start && k > 0 && starts_with_capital(tokens[k - 1].0) {
            continue;
        }
        let punctuation = !word.chars().any(char::is_alphanumeric) && word != "'s" && word != "'";
        if punctuation || CUE_BARRIERS.contains(&word.as_str()) {
            break;
        }
    }
    Cue::None
}

/// True when tokens `[start, end)` lie in an actor's span and the actor's name goes on after
/// them, so the place modifies the actor ("the Moscow government", "Tripoli-based militias").
/// A place that ends the actor's span ("police in Jericho", "the town of Gorazde") still says
/// where the actor is.
fn inside_actor(tokens: &[Token<'_>], start: usize, end: usize, actors: &[Span]) -> bool {
    let (from, to) = (tokens[start].1.start, tokens[end - 1].1.end);
    actors.iter().any(|actor| {
        actor.start <= from
            && to <= actor.end
            && tokens[end..]
                .iter()
                .take_while(|(_, span)| span.end <= actor.end)
                .any(|(text, _)| text.chars().any(char::is_alphanumeric))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_util::{gazetteer, tokenize};

    fn best_country(g: &Gazetteer, m: &Mention) -> String {
        g.place(m.best()).country3.clone().unwrap()
    }

    #[test]
    fn finds_longest_capitalised_names_with_cues() {
        let g = gazetteer();
        let text = "Fighting in the Gaza Strip spread to the West Bank and to New York.";
        let tokens = tokenize(text);
        let mentions = g.find_mentions(&tokens, &GeoContext::default());
        let names: Vec<&str> = mentions.iter().map(|m| m.surface.as_str()).collect();
        assert_eq!(names, ["Gaza Strip", "West Bank", "New York"]);
        assert!(matches!(&mentions[0].cue, Cue::Preposition { word, .. } if word == "in"));
        assert_eq!(g.place(mentions[0].best()).kind, PlaceKind::Region);
        assert_eq!(g.place(mentions[2].best()).name, "New York City");
        assert_eq!(&text[mentions[1].span.start..mentions[1].span.end], "West Bank");
    }

    #[test]
    fn words_and_continents_are_not_places() {
        let g = gazetteer();
        let text = "Exports to Latin America rose in March at the Bank, TO BE SURE.";
        let tokens = tokenize(text);
        let mentions = g.find_mentions(&tokens, &GeoContext::default());
        assert!(mentions.is_empty(), "{mentions:?}");
        let tokens = tokenize("Hurricanes hit Florida and Washington.");
        let mentions = g.find_mentions(&tokens, &GeoContext::default());
        assert_eq!(g.place(mentions[0].best()).kind, PlaceKind::Region);
        assert_eq!(g.place(mentions[1].best()).admin1, "DC");
    }

    #[test]
    fn lower_case_words_are_not_places() {
        let g = gazetteer();
        let tokens = tokenize("He ate turkey in a reading room in nice weather.");
        assert!(g.find_mentions(&tokens, &GeoContext::default()).is_empty());
    }

    #[test]
    fn georgia_follows_the_actors_countries() {
        let g = gazetteer();
        let tokens = tokenize("Troops arrived in Georgia on Monday.");
        let plain = g.find_mentions(&tokens, &GeoContext::default());
        assert_eq!(g.place(plain[0].best()).kind, PlaceKind::Country);
        assert_eq!(best_country(g, &plain[0]), "GEO");
        assert!(plain[0].is_ambiguous());
        let american = GeoContext { actor_countries: &["USA"], ..GeoContext::default() };
        let state = g.find_mentions(&tokens, &american);
        assert_eq!(g.place(state[0].best()).kind, PlaceKind::Region);
        assert_eq!(best_country(g, &state[0]), "USA");
    }

    #[test]
    fn tripoli_is_libya_unless_lebanon_is_involved() {
        let g = gazetteer();
        let tokens = tokenize("Shells fell on Tripoli overnight.");
        let plain = g.find_mentions(&tokens, &GeoContext::default());
        assert_eq!(best_country(g, &plain[0]), "LBY");
        let lebanese = GeoContext { actor_countries: &["LBN", "IGO"], ..GeoContext::default() };
        let lebanon = g.find_mentions(&tokens, &lebanese);
        assert_eq!(best_country(g, &lebanon[0]), "LBN");
        let beirut = g.dateline_place("BEIRUT, March 3 (Reuters) -").unwrap();
        let dated = GeoContext { dateline: Some(&beirut), ..GeoContext::default() };
        let by_dateline = g.find_mentions(&tokens, &dated);
        assert_eq!(best_country(g, &by_dateline[0]), "LBN");
    }

    #[test]
    fn a_small_namesake_in_an_actor_country_does_not_displace_a_prominent_city() {
        let g = gazetteer();
        let tokens = tokenize("U.S. and Russian negotiators return to Geneva this week.");
        let context = GeoContext { actor_countries: &["USA", "RUS"], ..GeoContext::default() };
        let mentions = g.find_mentions(&tokens, &context);
        let geneva = mentions.iter().find(|m| m.surface == "Geneva").unwrap();
        assert_eq!(g.place(geneva.best()).country, "CH");
        assert!(geneva.candidates.iter().any(|c| g.place(c.place).country == "US"));
        // Between two small towns, the actors' country still decides.
        let tokens = tokenize("Police arrested two men in Braintree.");
        let plain = g.find_mentions(&tokens, &GeoContext::default());
        let braintree = plain.iter().find(|m| m.surface == "Braintree").unwrap();
        assert_eq!(g.place(braintree.best()).country, "GB", "the larger town");
        let american = GeoContext { actor_countries: &["USA"], ..GeoContext::default() };
        let mentions = g.find_mentions(&tokens, &american);
        let braintree = mentions.iter().find(|m| m.surface == "Braintree").unwrap();
        assert_eq!(g.place(braintree.best()).country, "US");
    }

    #[test]
    fn out_of_is_locative() {
        let g = gazetteer();
        let tokens = tokenize("Peacekeepers were shipped out of the enclave of Gorazde.");
        let mentions = g.find_mentions(&tokens, &GeoContext::default());
        assert!(matches!(&mentions[0].cue, Cue::Preposition { word, .. } if word == "out of"));
    }

    #[test]
    fn a_qualifier_after_a_comma_picks_the_place() {
        let g = gazetteer();
        let tokens = tokenize("A rally was held in Paris, Texas, on Sunday.");
        let mentions = g.find_mentions(&tokens, &GeoContext::default());
        assert_eq!(mentions.len(), 2);
        let paris = g.place(mentions[0].best());
        assert_eq!((paris.country.as_str(), paris.admin1.as_str()), ("US", "TX"));
        assert_eq!(mentions[0].qualified_by, Some(1));
        assert!(mentions[1].is_qualifier);
        let plain = tokenize("A rally was held in Paris on Sunday.");
        let mentions = g.find_mentions(&plain, &GeoContext::default());
        assert_eq!(g.place(mentions[0].best()).country, "FR");
    }

    #[test]
    fn us_state_abbreviations_qualify_towns() {
        let g = gazetteer();
        for (text, state) in [
            ("Students marched in Columbia, Mo., on Friday.", "MO"),
            ("Students marched in Columbia, Md. on Friday.", "MD"),
            ("Students marched in Columbia, SC on Friday.", "SC"),
        ] {
            let tokens = tokenize(text);
            let mentions = g.find_mentions(&tokens, &GeoContext::default());
            assert_eq!(g.place(mentions[0].best()).admin1, state, "{text}");
            assert_eq!(mentions[0].candidates.len(), 1, "{text}");
        }
        // A town the gazetteer lacks is placed no finer than its state.
        let tokens = tokenize("Students marched in Paris, Tenn., on Friday.");
        let mentions = g.find_mentions(&tokens, &GeoContext::default());
        assert_eq!(g.place(mentions[0].best()).name, "Tennessee");
        let portland = g.dateline_place("PORTLAND, Me., March 3 -").unwrap();
        assert_eq!(g.place(portland.best()).admin1, "ME");
        assert_eq!(us_state_code("Ga."), Some("GA"));
        assert_eq!(us_state_code("Gaza"), None);
        assert_eq!(us_state_code("ga"), None, "postal codes are capitals");
    }

    #[test]
    fn an_unknown_town_passes_its_preposition_to_its_country() {
        let g = gazetteer();
        let tokens = tokenize("Gunmen struck in Qwertyville, Iran, on Friday.");
        let mentions = g.find_mentions(&tokens, &GeoContext::default());
        assert_eq!(mentions.len(), 1);
        assert!(matches!(&mentions[0].cue, Cue::Preposition { word, .. } if word == "in"));
        assert_eq!(g.place(mentions[0].best()).kind, PlaceKind::Country);
    }

    #[test]
    fn a_country_name_beats_a_town_named_after_it() {
        let g = gazetteer();
        let tokens = tokenize("Marines landed in Lebanon.");
        let context = GeoContext { actor_countries: &["USA"], ..GeoContext::default() };
        let mentions = g.find_mentions(&tokens, &context);
        assert_eq!(g.place(mentions[0].best()).kind, PlaceKind::Country);
        assert_eq!(best_country(g, &mentions[0]), "LBN");
    }

    #[test]
    fn places_that_modify_an_actor_are_marked() {
        let g = gazetteer();
        let text = "The Moscow government sent police in Jericho to the border.";
        let tokens = tokenize(text);
        let actor = |s: &str| {
            let start = text.find(s).unwrap();
            Span::new(start, start + s.len())
        };
        let actors = [actor("The Moscow government"), actor("police in Jericho")];
        let context = GeoContext { actor_spans: &actors, ..GeoContext::default() };
        let mentions = g.find_mentions(&tokens, &context);
        assert_eq!(mentions[0].surface, "Moscow");
        assert!(mentions[0].inside_actor);
        assert_eq!(mentions[1].surface, "Jericho");
        assert!(!mentions[1].inside_actor);
    }

    #[test]
    fn first_names_are_not_places() {
        let g = gazetteer();
        let text = "Russian President Vladimir Putin met Chinese leader Xi in Beijing on Tuesday.";
        let tokens = tokenize(text);
        let surfaces = |context: &GeoContext<'_>| -> Vec<String> {
            g.find_mentions(&tokens, context).into_iter().map(|m| m.surface).collect()
        };
        // Vladimir (a Russian city of 350,000) is Putin's first name here.
        assert!(!g.lookup("Vladimir").is_empty(), "the town is in the gazetteer");
        assert_eq!(surfaces(&GeoContext::default()), ["Beijing"]);
        let verb = Span::new(text.find("met").unwrap(), text.find("met").unwrap() + 3);
        let located = g.locate(&tokens, verb, &GeoContext::default()).unwrap();
        assert_eq!(located.location.name, "Beijing");
        // A person the dictionaries matched as the event's actor hides a place in the name too,
        // even where no surname follows it ("Vladimir V. Putin").
        let text = "Riyadh hosted President Vladimir V. Putin.";
        let tokens = tokenize(text);
        let verb = Span::new(7, 13);
        let without = g.locate(&tokens, verb, &GeoContext::default()).map(|l| l.location.name);
        assert_eq!(without.as_deref(), Some("Vladimir"), "the surname rule alone misses this one");
        let person = Span::new(text.find("President").unwrap(), text.len() - 1);
        let context = GeoContext { actor_spans: &[person], ..GeoContext::default() };
        assert_eq!(g.locate(&tokens, verb, &context).map(|l| l.location.name), None);
        // Places followed by a day, a month or a place word stay places.
        for (text, place) in [
            ("Protesters rallied in Kabul Monday.", "Kabul"),
            ("Talks began in Geneva March 3.", "Geneva"),
            ("Settlers moved into the Jordan Valley.", "Jordan"),
        ] {
            let tokens = tokenize(text);
            let found: Vec<String> = g
                .find_mentions(&tokens, &GeoContext::default())
                .into_iter()
                .map(|m| m.surface)
                .collect();
            assert!(found.iter().any(|s| s.starts_with(place)), "{text}: {found:?}");
        }
    }

    #[test]
    fn datelines_name_their_place() {
        let g = gazetteer();
        let geneva = g.dateline_place("GENEVA, Jan 3 (Reuters) - ").unwrap();
        assert_eq!(g.place(geneva.best()).name, "Geneva");
        let paris = g.dateline_place("PARIS, Texas (AP) \u{2014}").unwrap();
        assert_eq!(g.place(paris.best()).admin1, "TX");
        assert!(g.dateline_place("(Reuters) -").is_none());
    }
}
