//! Events (design.md section 2) from a coded sentence: actor and verb spans into the article
//! text, the rule that fired, and the CAMEO metadata of the code.

use dyad_model::{DateBasis, Event, EventActor, PartialDate, Span, cameo};

use crate::clause::ClauseLayer;
use crate::engine::SentenceCoding;

/// Where a coded sentence sits, and what the events should say about their origin.
#[derive(Clone, Debug)]
pub struct SentenceContext<'a> {
    /// The article id.
    pub article_id: &'a str,
    /// The article text (spans are byte offsets into it).
    pub text: &'a str,
    /// 0-based sentence index in the article.
    pub sentence: usize,
    /// The sentence's span in the article text.
    pub sentence_span: Span,
    /// The article date, when known (the events' date, basis `article`).
    pub date: Option<dyad_model::Date>,
    /// Version label of the dictionary set.
    pub dictionaries_version: &'a str,
}

/// The span covering a unit's words, from the leaf spans of the parse.
fn unit_span(
    layer: &ClauseLayer,
    unit: Option<usize>,
    leaf_spans: &[Option<Span>],
) -> Option<Span> {
    let leaves = unit_leaves(layer, unit?)?;
    let spans: Vec<Span> =
        leaves.iter().filter_map(|&leaf| leaf_spans.get(leaf).copied().flatten()).collect();
    let start = spans.iter().map(|s| s.start).min()?;
    let end = spans.iter().map(|s| s.end).max()?;
    Some(Span::new(start, end))
}

/// The parse words that a unit's span covers. A member of a compound over which the parser
/// distributed shared words ("{[TALKS BETWEEN RUSSIA] [TALKS BETWEEN UKRAINE]}", "{[CHINESE
/// TROOPS] [RUSSIAN TROOPS]}") covers its own words and the shared words right after them,
/// so that its text is "Ukraine" or "Russian troops", not the whole coordination.
fn unit_leaves(layer: &ClauseLayer, unit: usize) -> Option<Vec<usize>> {
    let this = layer.units.get(unit)?;
    let all: Vec<usize> = this.leaves.iter().flatten().copied().collect();
    let Some(compound) = this.compound.and_then(|c| layer.compounds.get(c)) else {
        return Some(all);
    };
    let others: Vec<usize> = compound
        .members
        .iter()
        .filter(|&&m| m != unit)
        .filter_map(|&m| layer.units.get(m))
        .flat_map(|m| m.leaves.iter().flatten().copied())
        .collect();
    let mut own: Vec<usize> = all.iter().copied().filter(|l| !others.contains(l)).collect();
    let Some(&last) = own.iter().max() else {
        return Some(all);
    };
    own.extend((last + 1..).take_while(|l| all.contains(l)));
    Some(own)
}

fn actor(code: &str, span: Option<Span>, text: &str) -> EventActor {
    let span = span.unwrap_or_else(|| Span::new(0, 0));
    EventActor { code: code.to_string(), text: span.text(text).to_string(), span }
}

/// Builds the events of one coded sentence. `leaf_spans` gives the byte span of each word of
/// the parse (see [`crate::treebank::align_leaves`]); words that could not be placed give
/// empty spans.
pub fn build_events(
    context: &SentenceContext<'_>,
    layer: &ClauseLayer,
    coding: &SentenceCoding,
    leaf_spans: &[Option<Span>],
) -> Vec<Event> {
    let text = context.text;
    coding
        .events
        .iter()
        .enumerate()
        .map(|(index, coded)| {
            let site = coding.sites.get(coded.site);
            let verb_span = site
                .and_then(|s| leaf_spans.get(s.verb_leaf?).copied().flatten())
                .unwrap_or_else(|| Span::new(0, 0));
            let code = coded.triple.code.clone();
            let metadata = cameo::lookup_nearest(&code);
            Event {
                article_id: context.article_id.to_string(),
                sentence: context.sentence,
                index_in_sentence: index,
                sentence_text: context.sentence_span.text(text).to_string(),
                date: context.date.map(PartialDate::Day),
                date_basis: DateBasis::Article,
                historical: false,
                source: actor(
                    &coded.triple.source,
                    unit_span(layer, coded.source_unit, leaf_spans),
                    text,
                ),
                // An event without target (`NewsRules::targetless_events`) carries `---` and
                // no unit: the event format's null target.
                target: (coded.target_unit.is_some() || coded.triple.target != "---").then(|| {
                    actor(
                        &coded.triple.target,
                        unit_span(layer, coded.target_unit, leaf_spans),
                        text,
                    )
                }),
                root: code.chars().take(2).collect(),
                quad_class: metadata.map(|m| m.quad_class),
                goldstein: metadata.map(|m| m.goldstein),
                plover: metadata.and_then(|m| m.plover).map(str::to_string),
                code,
                verb_text: verb_span.text(text).to_string(),
                verb_span,
                location: None,
                negated: site.is_some_and(|s| s.negated),
                rule: site.map(|s| s.rule.clone()).unwrap_or_default(),
                dyad_version: env!("CARGO_PKG_VERSION").to_string(),
                dictionaries_version: context.dictionaries_version.to_string(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clause::{Compound, Unit};

    fn unit(words: &[&str], leaves: &[usize]) -> Unit {
        Unit {
            words: words.iter().map(|w| w.to_string()).collect(),
            leaves: leaves.iter().map(|&l| Some(l)).collect(),
            compound: Some(0),
        }
    }

    fn layer(units: Vec<Unit>) -> ClauseLayer {
        ClauseLayer {
            units,
            compounds: vec![Compound { members: vec![0, 1] }],
            ..ClauseLayer::default()
        }
    }

    #[test]
    fn a_distributed_member_covers_its_own_words_and_the_shared_head_after_them() {
        // "Talks between Russia and Ukraine": the shared words come before the parties.
        let talks = layer(vec![
            unit(&["TALKS", "BETWEEN", "RUSSIA"], &[0, 1, 2]),
            unit(&["TALKS", "BETWEEN", "UKRAINE"], &[0, 1, 4]),
        ]);
        assert_eq!(unit_leaves(&talks, 0), Some(vec![2]));
        assert_eq!(unit_leaves(&talks, 1), Some(vec![4]));
        // "Chinese and Russian troops": the shared head follows the second member only.
        let troops = layer(vec![
            unit(&["CHINESE", "TROOPS"], &[0, 3]),
            unit(&["RUSSIAN", "TROOPS"], &[2, 3]),
        ]);
        assert_eq!(unit_leaves(&troops, 0), Some(vec![0]));
        assert_eq!(unit_leaves(&troops, 1), Some(vec![2, 3]));
        // A unit outside any compound covers all its words.
        let mut single = talks.clone();
        single.units[0].compound = None;
        assert_eq!(unit_leaves(&single, 0), Some(vec![0, 1, 2]));
    }
}
