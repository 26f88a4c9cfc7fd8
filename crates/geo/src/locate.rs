//! Event location: of the places a sentence mentions, the one where the event's action happened.
//!
//! In order: the place in the locative prepositional phrase nearest the event's verb
//! ("demonstrated in Tbilisi", "withdrew from the town of Gorazde"), or a prominent place right
//! after the verb as its object when that is nearer ("shut down Kathmandu"); else the dateline,
//! when the sentence names no other place or says "here". A speaker's place ("..., officials in
//! Baghdad said") counts only for the saying. Otherwise nothing: a place merely mentioned is not
//! where the event happened.

use crate::gazetteer::{Gazetteer, PlaceId};
use crate::mentions::{Cue, GeoContext, Mention, Token};
use dyad_model::{Location, Span};

/// How many tokens after the verb a bare place may stand and still be its object.
const MAX_OBJECT_DISTANCE: usize = 3;

/// Verbs of saying that make a place before them the speaker's ("officials in Baghdad said").
const SPEECH_VERBS: &[&str] = &["said", "says", "say", "told", "reported", "added"];

/// How many words may stand between such a place and the verb of saying.
const MAX_ATTRIBUTION_GAP: usize = 3;

/// How many of a name's other places `explain` lists.
const MAX_EXPLAINED_CANDIDATES: usize = 4;

/// Why a location was chosen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Basis {
    /// A locative prepositional phrase near the verb; holds the preposition.
    Phrase(String),
    /// The verb's object is a place.
    Object,
    /// The article's dateline.
    Dateline,
}

/// A chosen event location, with the mention and candidates behind it for `explain`.
#[derive(Clone, Debug, PartialEq)]
pub struct Located {
    /// The location in the event format.
    pub location: Location,
    /// The chosen place.
    pub place: PlaceId,
    /// Why this place.
    pub basis: Basis,
    /// The mention (or dateline) it came from, with every candidate place, best first.
    pub mention: Mention,
}

impl Gazetteer {
    /// Where the event whose verb spans `verb` happened, or `None` when the text gives no basis.
    ///
    /// `tokens` are the sentence's tokens; `context` carries the actors' countries and spans and
    /// the article's dateline (see [`Gazetteer::dateline_place`]).
    pub fn locate(
        &self,
        tokens: &[Token<'_>],
        verb: Span,
        context: &GeoContext<'_>,
    ) -> Option<Located> {
        let mentions = self.find_mentions(tokens, context);
        let verb_start = tokens.iter().position(|(_, s)| s.end > verb.start)?;
        let verb_end = tokens
            .iter()
            .rposition(|(_, s)| s.start < verb.end)
            .map_or(verb_start + 1, |k| k + 1)
            .max(verb_start + 1);

        // A phrase's distance is counted from its preposition ("in the northern city of Kirkuk").
        let start_of = |m: &Mention| match m.cue {
            Cue::Preposition { token, .. } => token.min(m.tokens.0),
            Cue::None => m.tokens.0,
        };
        let distance = |m: &Mention| -> usize {
            let start = start_of(m);
            if start >= verb_end {
                start - verb_end
            } else if m.tokens.1 <= verb_start {
                // Before the verb counts double: the phrase after it is usually its own.
                (verb_start - m.tokens.1) * 2 + 1
            } else {
                0
            }
        };
        // "..., officials in Baghdad said": where the speaker is, not where the event was,
        // unless the event is the saying.
        let attribution = |m: &Mention| {
            tokens[m.tokens.1..]
                .iter()
                .take(MAX_ATTRIBUTION_GAP)
                .take_while(|(t, _)| t.chars().any(char::is_alphanumeric))
                .position(|(t, _)| SPEECH_VERBS.contains(&t.to_lowercase().as_str()))
                .map(|k| m.tokens.1 + k)
                .is_some_and(|k| !(verb_start..verb_end).contains(&k))
        };
        let in_actor_span = |m: &Mention| {
            context.actor_spans.iter().any(|a| a.start <= m.span.start && m.span.end <= a.end)
        };
        let usable = |m: &&Mention| !m.is_qualifier && !m.inside_actor && !attribution(m);

        let nearest = mentions
            .iter()
            .filter(usable)
            .filter(|m| matches!(m.cue, Cue::Preposition { .. }))
            .min_by_key(|m| distance(m));
        // Only prominent places: a bare "met Harper" is a person, not Harper in Liberia.
        let object = mentions.iter().filter(usable).find(|m| {
            m.cue == Cue::None
                && m.tokens.0 >= verb_end
                && m.tokens.0 - verb_end < MAX_OBJECT_DISTANCE
                && !in_actor_span(m)
                && crate::mentions::is_prominent(self.place(m.best()))
        });
        if let Some(object) = object
            && nearest.is_none_or(|n| distance(object) < distance(n))
        {
            return Some(self.located(object, Basis::Object));
        }
        if let Some(nearest) = nearest {
            // Within one phrase the most specific place wins ("in East Timor's capital Dili").
            let chosen = mentions
                .iter()
                .filter(usable)
                .filter(|m| m.cue == nearest.cue)
                .min_by_key(|m| (self.place(m.best()).kind, distance(m)))
                .unwrap_or(nearest);
            let Cue::Preposition { word, .. } = &chosen.cue else {
                unreachable!("chosen among cued mentions")
            };
            return Some(self.located(chosen, Basis::Phrase(word.clone())));
        }

        let dateline = context.dateline?;
        let says_here = tokens.iter().any(|(t, _)| t.eq_ignore_ascii_case("here"));
        let names_other_place = mentions.iter().filter(usable).any(|m| !in_actor_span(m));
        if says_here || !names_other_place {
            return Some(self.located(dateline, Basis::Dateline));
        }
        None
    }

    /// One line for `explain`: the chosen place, why, and every other place the name could mean.
    ///
    /// `location: Tripoli (LBN, city in region 03, population 229398) from "Tripoli" after "in";
    /// also: Tripoli (LBY, city in region 77, population 1302947)`
    pub fn explain(&self, located: &Located) -> String {
        let why = match &located.basis {
            Basis::Phrase(preposition) => format!("after \"{preposition}\""),
            Basis::Object => "as the verb's object".to_string(),
            Basis::Dateline => "from the dateline".to_string(),
        };
        let mut line = format!(
            "location: {} from \"{}\" {why}",
            self.describe(located.place),
            located.mention.surface
        );
        let mut reasons = Vec::new();
        if let Some(best) = located.mention.candidates.first() {
            if best.actor_country {
                reasons.push("in an actor's country");
            }
            if best.dateline_country {
                reasons.push("in the dateline's country");
            }
            if best.tier == crate::gazetteer::NameTier::Alternate {
                reasons.push("by an alternate name");
            }
        }
        if !reasons.is_empty() {
            line.push_str(&format!(" ({})", reasons.join(", ")));
        }
        let others: Vec<String> = located
            .mention
            .candidates
            .iter()
            .filter(|c| c.place != located.place)
            .take(MAX_EXPLAINED_CANDIDATES)
            .map(|c| self.describe(c.place))
            .collect();
        if !others.is_empty() {
            line.push_str("; also: ");
            line.push_str(&others.join(", "));
            let hidden = located.mention.candidates.len() - 1 - others.len();
            if hidden > 0 {
                line.push_str(&format!(" and {hidden} more"));
            }
        }
        line
    }

    fn located(&self, mention: &Mention, basis: Basis) -> Located {
        let place_id = mention.best();
        let place = self.place(place_id);
        let precision = match basis {
            Basis::Dateline => "dateline",
            _ => place.kind.precision(),
        };
        Located {
            location: Location {
                name: place.name.clone(),
                country: place.country3.clone(),
                lat: place.lat,
                lon: place.lon,
                precision: precision.to_string(),
            },
            place: place_id,
            basis,
            mention: mention.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_util::{gazetteer, tokenize};

    /// Locates the event whose verb is the first occurrence of `verb` in `text`.
    fn locate_in(text: &str, verb: &str, context: &GeoContext<'_>) -> Option<Located> {
        let start = text.find(verb).expect("verb in text");
        let tokens = tokenize(text);
        gazetteer().locate(&tokens, Span::new(start, start + verb.len()), context)
    }

    fn span_of(text: &str, part: &str) -> Span {
        let start = text.find(part).unwrap();
        Span::new(start, start + part.len())
    }

    #[test]
    fn the_phrase_of_the_verb_is_the_location() {
        let text = "Georgian President Eduard Shevardnadze resigned Sunday as the opposition \
                    threatened to storm his residence in Tbilisi.";
        let located = locate_in(text, "resigned", &GeoContext::default()).unwrap();
        assert_eq!(located.location.name, "Tbilisi");
        assert_eq!(located.location.country.as_deref(), Some("GEO"));
        assert_eq!(located.location.precision, "city");
        assert_eq!(located.basis, Basis::Phrase("in".into()));
        assert!(located.location.lat.is_some());
    }

    #[test]
    fn the_nearest_phrase_wins_over_places_merely_mentioned() {
        let text = "Afghan rebels exploded a series of bombs in the capital Kabul, western \
                    diplomatic sources in neighboring Pakistan said today.";
        let located = locate_in(text, "exploded", &GeoContext::default()).unwrap();
        assert_eq!(located.location.name, "Kabul");
    }

    #[test]
    fn a_bare_object_next_to_the_verb_beats_a_distant_phrase() {
        let text = "Iranian gunners shelled Basra overnight, Iraqi officials in Baghdad said.";
        let located = locate_in(text, "shelled", &GeoContext::default()).unwrap();
        assert_eq!(located.location.name, "Basrah");
        assert_eq!(located.basis, Basis::Object);
    }

    #[test]
    fn the_speakers_place_is_not_the_events() {
        let text = "Rebels attacked a convoy on Monday, officials in Baghdad said.";
        assert_eq!(locate_in(text, "attacked", &GeoContext::default()), None);
        let located = locate_in(text, "said", &GeoContext::default()).unwrap();
        assert_eq!(located.location.name, "Baghdad", "the saying happened there");
    }

    #[test]
    fn the_most_specific_place_of_a_phrase_wins() {
        let text = "Prisoners rioted at a jail in East Timor's capital Dili on Monday.";
        let located = locate_in(text, "rioted", &GeoContext::default()).unwrap();
        assert_eq!(located.location.name, "Dili");
        assert_eq!(located.location.country.as_deref(), Some("TLS"));
    }

    #[test]
    fn a_country_match_has_country_precision() {
        let text = "Some 800,000 Iraqi Kurds sought refuge in Germany last month.";
        let located = locate_in(text, "sought", &GeoContext::default()).unwrap();
        assert_eq!(located.location.name, "Germany");
        assert_eq!(located.location.precision, "country");
        let text = "Ethnic Albanians demonstrated in south Serbia.";
        let located = locate_in(text, "demonstrated", &GeoContext::default()).unwrap();
        assert_eq!(located.location.precision, "country");
        assert_eq!(located.location.country.as_deref(), Some("SRB"));
    }

    #[test]
    fn regions_have_region_precision() {
        let text = "The army forced out 1,000 refugees in a West Bank refugee camp.";
        let located = locate_in(text, "forced", &GeoContext::default()).unwrap();
        assert_eq!(located.location.name, "West Bank");
        assert_eq!(located.location.precision, "region");
        assert_eq!(located.location.country.as_deref(), Some("PSE"));
    }

    #[test]
    fn paris_texas_and_ambiguous_cities() {
        let text = "Protesters marched in Paris, Texas, on Saturday.";
        let located = locate_in(text, "marched", &GeoContext::default()).unwrap();
        assert_eq!(located.location.name, "Paris");
        assert_eq!(located.location.country.as_deref(), Some("USA"));
        assert!(located.mention.qualified_by.is_some());

        let text = "Syrian officers ended mediation between militias in Tripoli.";
        let syria = GeoContext { actor_countries: &["SYR", "LBN"], ..GeoContext::default() };
        let located = locate_in(text, "ended", &syria).unwrap();
        assert_eq!(located.location.country.as_deref(), Some("LBN"));
        assert!(located.mention.is_ambiguous(), "the Libyan Tripoli stays a candidate");
        let explained = gazetteer().explain(&located);
        assert!(explained.starts_with("location: Tripoli (LBN, city"), "{explained}");
        assert!(explained.contains("after \"in\" (in an actor's country)"), "{explained}");
        assert!(explained.contains("also: Tripoli (LBY, city"), "{explained}");
        let located = locate_in(text, "ended", &GeoContext::default()).unwrap();
        assert_eq!(located.location.country.as_deref(), Some("LBY"));
    }

    #[test]
    fn georgia_the_state_for_american_actors() {
        let text = "The governor campaigned in Georgia on Tuesday.";
        let american = GeoContext { actor_countries: &["USA"], ..GeoContext::default() };
        let located = locate_in(text, "campaigned", &american).unwrap();
        assert_eq!(located.location.precision, "region");
        assert_eq!(located.location.country.as_deref(), Some("USA"));
        let russian = GeoContext { actor_countries: &["RUS"], ..GeoContext::default() };
        let located = locate_in(text, "campaigned", &russian).unwrap();
        assert_eq!(located.location.precision, "country");
        assert_eq!(located.location.country.as_deref(), Some("GEO"));
    }

    #[test]
    fn places_inside_actor_names_are_not_locations() {
        let text = "The Moscow government criticised the plan on Friday.";
        let actors = [span_of(text, "The Moscow government")];
        let context = GeoContext { actor_spans: &actors, ..GeoContext::default() };
        assert_eq!(locate_in(text, "criticised", &context), None);

        let text = "The Moscow government signed the accord in Vienna.";
        let actors = [span_of(text, "The Moscow government")];
        let context = GeoContext { actor_spans: &actors, ..GeoContext::default() };
        let located = locate_in(text, "signed", &context).unwrap();
        assert_eq!(located.location.name, "Vienna");
    }

    #[test]
    fn an_actor_that_is_a_country_is_not_the_object_location() {
        let text = "Albania denounced Serbia on Friday.";
        let actors = [span_of(text, "Albania"), span_of(text, "Serbia")];
        let context = GeoContext { actor_spans: &actors, ..GeoContext::default() };
        assert_eq!(locate_in(text, "denounced", &context), None);
        let text = "Opposition parties organized a strike that shut down Kathmandu.";
        let located = locate_in(text, "shut", &GeoContext::default()).unwrap();
        assert_eq!(located.location.name, "Kathmandu");
        assert_eq!(located.basis, Basis::Object);
    }

    #[test]
    fn datelines_locate_sentences_that_name_no_other_place() {
        let g = gazetteer();
        let dateline = g.dateline_place("GENEVA, Jan 9 (Reuters) -").unwrap();
        let context = GeoContext { dateline: Some(&dateline), ..GeoContext::default() };
        let text = "Negotiators met on Tuesday to discuss missiles.";
        let located = locate_in(text, "met", &context).unwrap();
        assert_eq!(located.location.name, "Geneva");
        assert_eq!(located.location.precision, "dateline");
        assert_eq!(located.basis, Basis::Dateline);
        // A sentence about another place is not placed at the dateline.
        let text = "Negotiators met in Cairo on Tuesday.";
        let located = locate_in(text, "met", &context).unwrap();
        assert_eq!(located.location.name, "Cairo", "a phrase beats the dateline");
        let text = "Negotiators met on Tuesday; Moscow disagreed.";
        assert_eq!(locate_in(text, "met", &context), None);
        let text = "Negotiators met here on Tuesday; Moscow disagreed.";
        assert_eq!(locate_in(text, "met", &context).unwrap().location.name, "Geneva");
    }

    #[test]
    fn no_location_without_a_basis() {
        let text = "The president said he would veto the bill.";
        assert_eq!(locate_in(text, "said", &GeoContext::default()), None);
        let text = "Reading the statement, Turkey's envoy objected.";
        assert_eq!(locate_in(text, "objected", &GeoContext::default()), None);
        let text = "The senator met Harper on Monday.";
        assert_eq!(locate_in(text, "met", &GeoContext::default()), None);
    }
}
