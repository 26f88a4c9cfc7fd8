//! Story genres that are not coded (`discard-genre` entries): an article holding enough
//! different phrases of one genre, a sports report say, is dropped before any sentence is parsed.

use std::collections::{BTreeSet, HashMap};

use dyad_dictionaries::Dictionaries;

/// The genres of a dictionary set, indexed by the first word of each phrase.
#[derive(Debug, Default)]
pub struct GenreIndex {
    /// Name and threshold of each genre.
    genres: Vec<(String, usize)>,
    /// First word (upper case) -> the phrases that start with it.
    by_first_word: HashMap<String, Vec<IndexedPhrase>>,
}

/// A genre phrase as searched for.
#[derive(Debug)]
struct IndexedPhrase {
    genre: usize,
    /// The words, upper case.
    words: Vec<String>,
    /// An `unless` phrase: it keeps the article coded.
    unless: bool,
}

/// Why an article was dropped as a genre.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GenreHit {
    /// The genre's name.
    pub name: String,
    /// The genre's phrases the article holds, sorted.
    pub phrases: Vec<String>,
}

impl GenreIndex {
    /// Indexes the `discard-genre` entries of a set.
    pub fn new(dictionaries: &Dictionaries) -> GenreIndex {
        let mut index = GenreIndex::default();
        for (number, genre) in dictionaries.genres.iter().enumerate() {
            index.genres.push((genre.name.clone(), genre.at_least));
            let phrases = genre.phrases.iter().map(|p| (p, false));
            for (phrase, unless) in phrases.chain(genre.unless.iter().map(|p| (p, true))) {
                let words: Vec<String> =
                    phrase.words.iter().map(|w| w.text.to_uppercase()).collect();
                if let Some(first) = words.first().cloned() {
                    let indexed = IndexedPhrase { genre: number, words, unless };
                    index.by_first_word.entry(first).or_default().push(indexed);
                }
            }
        }
        index
    }

    /// The first genre (in set order) of which the text holds enough different phrases and
    /// no `unless` phrase.
    pub fn find(&self, text: &str) -> Option<GenreHit> {
        if self.genres.is_empty() {
            return None;
        }
        let words = words(text);
        let mut found: Vec<BTreeSet<String>> = vec![BTreeSet::new(); self.genres.len()];
        let mut kept = vec![false; self.genres.len()];
        for (i, word) in words.iter().enumerate() {
            for phrase in self.by_first_word.get(word).into_iter().flatten() {
                if !words[i..].starts_with(&phrase.words) {
                    continue;
                }
                if phrase.unless {
                    kept[phrase.genre] = true;
                } else {
                    found[phrase.genre].insert(phrase.words.join(" ").to_lowercase());
                }
            }
        }
        let genres = self.genres.iter().zip(found).zip(kept);
        genres
            .filter(|(_, kept)| !kept)
            .map(|(genre, _)| genre)
            .find(|((_, at_least), hits)| hits.len() >= *at_least)
            .map(|((name, _), hits)| GenreHit {
                name: name.clone(),
                phrases: hits.into_iter().collect(),
            })
    }
}

/// The words of a text in upper case: runs of letters, digits, inner hyphens and apostrophes,
/// with a possessive `'s` taken off ("coach's" is COACH).
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || matches!(c, '-' | '\'' | '\u{2019}')))
        .map(|w| w.trim_matches(|c| matches!(c, '-' | '\'' | '\u{2019}')))
        .filter(|w| !w.is_empty())
        .map(|w| {
            let w = w.to_uppercase();
            match w.strip_suffix("'S").or_else(|| w.strip_suffix("\u{2019}S")) {
                Some(stem) => stem.to_string(),
                None => w,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_dictionaries::dyad_format::read_dyad_file;

    fn index(body: &str) -> GenreIndex {
        let (set, diagnostics) =
            read_dyad_file("g.dyad", &format!("@format dyad-dictionary 1\n{body}"));
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        GenreIndex::new(&set)
    }

    #[test]
    fn an_article_needs_enough_different_phrases() {
        let sport = index(concat!(
            "discard-genre sport 3 = coach | top seed | striker | fans\n",
            "discard-genre sport unless = bomb threat\n",
        ));
        assert_eq!(sport.find("The coach praised the coach's striker."), None, "two phrases");
        let hit = sport.find("The coach's striker beat the top seed.\n\nThe fans cheered.");
        assert_eq!(
            hit,
            Some(GenreHit {
                name: "sport".into(),
                phrases: vec!["coach".into(), "fans".into(), "striker".into(), "top seed".into()],
            })
        );
        // Whole words only: "coaches", "fanshawe", "top seeds" are not phrases of the list.
        assert_eq!(sport.find("Coaches at Fanshawe hold top seeds for strikers."), None);
        assert_eq!(GenreIndex::default().find("coach striker fans"), None);
        let threat = "A bomb threat emptied the stadium: fans, coach and striker left.";
        assert_eq!(sport.find(threat), None, "an `unless` phrase keeps the article coded");
        assert!(sport.find(&threat.replace("bomb threat", "storm")).is_some());
    }

    #[test]
    fn words_split_at_punctuation_and_drop_possessives() {
        assert_eq!(
            words("Semi-final: the 'coach's' men - and players' fans’ joy, 3-1."),
            ["SEMI-FINAL", "THE", "COACH", "MEN", "AND", "PLAYERS", "FANS", "JOY", "3-1"]
        );
    }
}
