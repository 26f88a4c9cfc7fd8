//! Comma-clause deletion (`shared/docs/petrarch1-semantics.md` section 4.8): before coding,
//! short clauses set off by commas ("..., five years after crowds burned its embassy, ...") are
//! removed from the clause layer, within the length windows the coding options set.

use crate::clause::{ClauseLayer, Label, Token};
use crate::records::CodingOptions;

/// Counts the words (tokens starting with a letter) in `tokens[from..to]`.
fn count_words(tokens: &[Token], from: usize, to: usize) -> usize {
    tokens[from.min(to)..to]
        .iter()
        .filter(|t| t.word().is_some_and(|w| w.chars().next().is_some_and(char::is_alphabetic)))
        .count()
}

/// Marks for deletion every complete constituent (and bare word) inside `tokens[from..to]`.
fn mark_constituents(layer: &ClauseLayer, from: usize, to: usize, deleted: &mut [bool]) {
    let mut at = from;
    while at < to {
        match &layer.tokens[at] {
            Token::Begin(_) | Token::UnitBegin(_) | Token::CompoundBegin(_) => {
                let end = layer.matching_end(at);
                if end > at && end < to {
                    for flag in &mut deleted[at..=end] {
                        *flag = true;
                    }
                    at = end + 1;
                } else {
                    at += 1;
                }
            }
            Token::Word { .. } => {
                deleted[at] = true;
                at += 1;
            }
            _ => at += 1,
        }
    }
}

fn remove_marked(layer: &mut ClauseLayer, deleted: &[bool]) {
    let mut index = 0;
    layer.tokens.retain(|_| {
        let keep = !deleted[index];
        index += 1;
        keep
    });
}

fn comma_positions(layer: &ClauseLayer) -> Vec<usize> {
    (2..layer.tokens.len()).filter(|&i| layer.tokens[i] == Token::Begin(Label::Comma)).collect()
}

/// Comma-clause deletion (section 4.8).
pub fn delete_comma_clauses(layer: &mut ClauseLayer, options: &CodingOptions) {
    if comma_positions(layer).is_empty() {
        return;
    }
    // 1. The initial clause.
    if options.comma_bmax > 0 {
        let commas = comma_positions(layer);
        if let Some(&first) = commas.first() {
            let count = count_words(&layer.tokens, 2, first);
            if options.comma_bmin <= count && count <= options.comma_bmax {
                let mut deleted = vec![false; layer.tokens.len()];
                mark_constituents(layer, 2, first, &mut deleted);
                remove_marked(layer, &deleted);
            }
        }
    }
    // 2. The terminal clause.
    if options.comma_emax > 0 {
        let commas = comma_positions(layer);
        let final_punctuation = (0..layer.tokens.len())
            .rev()
            .find(|&i| matches!(&layer.tokens[i], Token::Begin(Label::Tag(t)) if t == "."))
            .unwrap_or(layer.tokens.len());
        if let Some(&last) = commas.iter().rev().find(|&&c| c < final_punctuation) {
            let comma_end = layer.matching_end(last);
            let count = count_words(&layer.tokens, comma_end + 1, final_punctuation);
            if options.comma_emin <= count && count <= options.comma_emax {
                let mut deleted = vec![false; layer.tokens.len()];
                mark_constituents(layer, comma_end + 1, final_punctuation, &mut deleted);
                remove_marked(layer, &deleted);
            }
        }
    }
    // 3. Internal clauses, between consecutive commas.
    if options.comma_max > 0 {
        let mut index = 0;
        loop {
            let commas = comma_positions(layer);
            if index + 1 >= commas.len() {
                break;
            }
            let (first, second) = (commas[index], commas[index + 1]);
            let count = count_words(&layer.tokens, first, second);
            if options.comma_min <= count && count <= options.comma_max {
                let mut deleted = vec![false; layer.tokens.len()];
                mark_constituents(layer, first, second, &mut deleted);
                let removed = deleted.iter().any(|&d| d);
                remove_marked(layer, &deleted);
                if !removed {
                    index += 1;
                }
            } else {
                index += 1;
            }
        }
    }
    // 4. A comma with no words before it, or none after it, goes too.
    let commas = comma_positions(layer);
    let mut deleted = vec![false; layer.tokens.len()];
    if let Some(&first) = commas.first()
        && count_words(&layer.tokens, 2, first) == 0
    {
        let end = layer.matching_end(first);
        for flag in &mut deleted[first..=end] {
            *flag = true;
        }
    }
    if let Some(&last) = commas.last() {
        let end = layer.matching_end(last);
        if count_words(&layer.tokens, end + 1, layer.tokens.len()) == 0 {
            for flag in &mut deleted[last..=end] {
                *flag = true;
            }
        }
    }
    remove_marked(layer, &deleted);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::treebank::linearise_text;

    const PARSE: &str = "(ROOT (S (NP (NNP Arnor)) (VP (VBD met) (NP (NNP Gondor))) (, ,)
        (NP (NP (CD five) (NNS years)) (SBAR (IN after) (S (NP (NNS crowds)) (VP (VBD burned)
        (NP (PRP$ its) (NN embassy)))))) (, ,) (NP (DT an) (NN official)) (VP (VBD said)) (. .)))";

    fn after_deletion(options: &CodingOptions) -> String {
        let mut layer = linearise_text(PARSE).unwrap();
        delete_comma_clauses(&mut layer, options);
        assert!(layer.is_balanced());
        layer.render()
    }

    #[test]
    fn internal_and_terminal_clauses_within_their_windows() {
        let all = after_deletion(&CodingOptions::default());
        assert!(!all.contains("BURNED") && !all.contains("SAID"), "{all}");
        assert!(all.contains("MET"), "{all}");
        let narrow = CodingOptions { comma_max: 3, comma_emax: 2, ..CodingOptions::default() };
        let kept = after_deletion(&narrow);
        assert!(kept.contains("BURNED") && kept.contains("SAID"), "{kept}");
    }

    #[test]
    fn initial_clause_only_when_switched_on() {
        let options = CodingOptions { comma_max: 0, comma_emax: 0, ..CodingOptions::default() };
        assert!(after_deletion(&options).contains("MET"));
        let initial = CodingOptions { comma_bmin: 1, comma_bmax: 3, ..options };
        let rendered = after_deletion(&initial);
        assert!(!rendered.contains("MET") && rendered.contains("BURNED"), "{rendered}");
    }
}
