//! The regular-inflection rules of the PETRARCH readers (deliberately naive: they reproduce
//! what the engines generate, including odd forms such as DOLLARES, not correct English).
//!
//! All functions keep the case of the input and add endings in the case of its last letter.

/// Appends `suffix` in the case of `word`'s last letter.
fn add(word: &str, suffix: &str) -> String {
    let lower = word.chars().last().is_some_and(|c| c.is_lowercase());
    if lower {
        format!("{word}{}", suffix.to_lowercase())
    } else {
        format!("{word}{}", suffix.to_uppercase())
    }
}

fn ends_with_letter(word: &str, letters: &[char]) -> bool {
    word.chars().last().is_some_and(|c| letters.contains(&c.to_ascii_lowercase()))
}

fn drop_last(word: &str) -> &str {
    match word.char_indices().last() {
        Some((index, _)) => &word[..index],
        None => word,
    }
}

/// PETRARCH-1 verb forms of a base (petrarch1-semantics 3.6): `+S`, `+ED` (`+D` after a final E),
/// `+ING` (dropping a final E). Nothing else: DEPART gives DEPARTS, DEPARTED, DEPARTING.
pub fn petrarch1_verb_forms(base: &str) -> [String; 3] {
    let ends_e = ends_with_letter(base, &['e']);
    let past = if ends_e { add(base, "D") } else { add(base, "ED") };
    let gerund = if ends_e { add(drop_last(base), "ING") } else { add(base, "ING") };
    [add(base, "S"), past, gerund]
}

/// PETRARCH2 verb forms (petrarch-study 2.1): third person (`+ES` after S, X or Z; a final Y
/// becomes IES; else `+S`), past (`+D` after E, else `+ED`; no doubling), gerund (drop a final E
/// unless a vowel precedes it, then `+ING`).
pub fn petrarch2_verb_forms(base: &str) -> [String; 3] {
    let third = if ends_with_letter(base, &['s', 'x', 'z']) {
        add(base, "ES")
    } else if ends_with_letter(base, &['y']) {
        add(drop_last(base), "IES")
    } else {
        add(base, "S")
    };
    let past = if ends_with_letter(base, &['e']) { add(base, "D") } else { add(base, "ED") };
    let stem = drop_last(base);
    let gerund =
        if ends_with_letter(base, &['e']) && !ends_with_letter(stem, &['a', 'e', 'i', 'o', 'u']) {
            add(stem, "ING")
        } else {
            add(base, "ING")
        };
    [third, past, gerund]
}

/// PETRARCH-1 agent plural (petrarch1-semantics 3.4): a final Y becomes IES, `+ES` after a final
/// S, else `+S`.
pub fn agent_plural(word: &str) -> String {
    if ends_with_letter(word, &['y']) {
        add(drop_last(word), "IES")
    } else if ends_with_letter(word, &['s']) {
        add(word, "ES")
    } else {
        add(word, "S")
    }
}

/// PETRARCH-1 synset plural (petrarch1-semantics 3.6), applied to the whole member: a final Y
/// becomes IES, a final S is replaced by ES (DOLLARS -> DOLLARES), else `+S`.
pub fn petrarch1_synset_plural(member: &str) -> String {
    if ends_with_letter(member, &['y']) {
        add(drop_last(member), "IES")
    } else if ends_with_letter(member, &['s']) {
        add(drop_last(member), "ES")
    } else {
        add(member, "S")
    }
}

/// PETRARCH2 synset plural (petrarch-study 2.1): `+S`, a final Y becomes IES, `+ES` after S.
pub fn petrarch2_synset_plural(member: &str) -> String {
    agent_plural(member)
}

/// English-like regular plural for issue `n:word` expansions: IES after a consonant + Y, ES after
/// S, X, Z, CH, SH, else S.
pub fn noun_plural(word: &str) -> String {
    let lower = word.to_lowercase();
    if lower.ends_with('y') && !ends_with_letter(drop_last(word), &['a', 'e', 'i', 'o', 'u']) {
        add(drop_last(word), "IES")
    } else if ends_with_letter(word, &['s', 'x', 'z'])
        || lower.ends_with("ch")
        || lower.ends_with("sh")
    {
        add(word, "ES")
    } else {
        add(word, "S")
    }
}

/// A crude singular for tools that have no lemmatizer (`dyad dict lookup`): IES -> Y, ES after
/// S, X, Z, CH, SH is dropped, a final S (not SS) is dropped. The pipeline uses dyad's
/// lemmatizer instead.
pub fn guess_singular(word: &str) -> Option<String> {
    let lower = word.to_lowercase();
    if !word.is_ascii() || word.len() < 4 {
        return None;
    }
    let cut = |n: usize| word[..word.len() - n].to_string();
    if lower.ends_with("ies") {
        let stem = cut(3);
        let y = if word.ends_with('S') { 'Y' } else { 'y' };
        Some(format!("{stem}{y}"))
    } else if ["ses", "xes", "zes", "ches", "shes"].iter().any(|e| lower.ends_with(e)) {
        Some(cut(2))
    } else if lower.ends_with('s') && !lower.ends_with("ss") {
        Some(cut(1))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn petrarch1_forms_follow_the_three_rules_only() {
        let cases = [
            ("DEPART", ["DEPARTS", "DEPARTED", "DEPARTING"]),
            ("DEPLORE", ["DEPLORES", "DEPLORED", "DEPLORING"]),
            ("ACT", ["ACTS", "ACTED", "ACTING"]),
            ("PLAY", ["PLAYS", "PLAYED", "PLAYING"]),
            ("pass", ["passs", "passed", "passing"]),
        ];
        for (base, expected) in cases {
            assert_eq!(petrarch1_verb_forms(base), expected, "{base}");
        }
    }

    #[test]
    fn petrarch2_forms() {
        let cases = [
            ("PASS", ["PASSES", "PASSED", "PASSING"]),
            ("PLAY", ["PLAIES", "PLAYED", "PLAYING"]),
            ("AGREE", ["AGREES", "AGREED", "AGREEING"]),
            ("MOVE", ["MOVES", "MOVED", "MOVING"]),
        ];
        for (base, expected) in cases {
            assert_eq!(petrarch2_verb_forms(base), expected, "{base}");
        }
    }

    #[test]
    fn plurals() {
        assert_eq!(agent_plural("MINISTRY"), "MINISTRIES");
        assert_eq!(agent_plural("CONGRESS"), "CONGRESSES");
        assert_eq!(agent_plural("MINISTER"), "MINISTERS");
        assert_eq!(petrarch1_synset_plural("DOLLARS"), "DOLLARES");
        assert_eq!(petrarch1_synset_plural("SWISS FRANCS"), "SWISS FRANCES");
        assert_eq!(petrarch1_synset_plural("PESO"), "PESOS");
        assert_eq!(noun_plural("policy"), "policies");
        assert_eq!(noun_plural("day"), "days");
        assert_eq!(noun_plural("church"), "churches");
        assert_eq!(noun_plural("teacher"), "teachers");
        assert_eq!(guess_singular("ministers").as_deref(), Some("minister"));
        assert_eq!(guess_singular("MINISTRIES").as_deref(), Some("MINISTRY"));
        assert_eq!(guess_singular("churches").as_deref(), Some("church"));
        assert_eq!(guess_singular("congress"), None);
        assert_eq!(guess_singular("us"), None);
    }
}
