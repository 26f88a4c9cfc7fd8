//! The clause layer: the flat, marked-up token list that the pattern engine works on.
//!
//! A sentence becomes one list of tokens in word order. Phrases keep begin and end markers (verb
//! phrases are numbered so that the end of each can be found); simple noun phrases have become
//! **units** (the things actors and agents are looked up in) and coordinated noun phrases
//! **compounds** of units. The engine never sees a tree: this layer is built from a supplied Penn
//! Treebank parse today ([`crate::treebank`]) and later from dyad's own dependency parse, and one
//! engine serves both.

/// Penn Treebank tags of a finite verb or a modal: a verb group with one of them is a clause's.
pub const FINITE_TAGS: &[&str] = &["VBD", "VBZ", "VBP", "MD"];

/// What a begin or end marker stands for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Label {
    /// A verb phrase, numbered in order of appearance (1, 2, ...).
    VerbPhrase(u32),
    /// A noun phrase that did not become a unit (its inner noun phrases did).
    ComplexNoun,
    /// A comma outside a unit: it bounds upper sequences and drives comma-clause deletion.
    Comma,
    /// A part-of-speech tag around one word (`VBD`, `IN`, `TO`, `.`), upper case.
    Tag(String),
    /// Any other phrase (`S`, `SBAR`, `PP`, `ADVP`, `NP-TMP`, `ROOT`), upper case.
    Phrase(String),
}

impl Label {
    /// The tag or phrase name (`VP` for verb phrases, `NP` for complex noun phrases).
    pub fn name(&self) -> &str {
        match self {
            Label::VerbPhrase(_) => "VP",
            Label::ComplexNoun => "NP",
            Label::Comma => ",",
            Label::Tag(name) | Label::Phrase(name) => name,
        }
    }
}

/// One token of the clause layer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Token {
    /// Start of a phrase or tag.
    Begin(Label),
    /// End of the phrase or tag opened by the matching [`Token::Begin`].
    End(Label),
    /// A word, upper case; `leaf` is its index among the parse's words, when it has one.
    Word {
        /// The word, upper case.
        text: String,
        /// Index of the word in the source parse (for spans), if any.
        leaf: Option<usize>,
    },
    /// Start of unit `n` (an index into [`ClauseLayer::units`]).
    UnitBegin(usize),
    /// End of unit `n`.
    UnitEnd(usize),
    /// Start of compound `n` (an index into [`ClauseLayer::compounds`]).
    CompoundBegin(usize),
    /// End of compound `n`.
    CompoundEnd(usize),
}

impl Token {
    /// The word, if this token is one.
    pub fn word(&self) -> Option<&str> {
        match self {
            Token::Word { text, .. } => Some(text),
            _ => None,
        }
    }
}

/// A noun unit: the words an actor and agents are looked up in.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Unit {
    /// Its words, upper case, as linearised (possessive removed, determiners kept).
    pub words: Vec<String>,
    /// Word indices in the source parse, parallel to `words` where known.
    pub leaves: Vec<Option<usize>>,
    /// The compound it belongs to, if any.
    pub compound: Option<usize>,
}

/// A coordination of units ("Gondor and Osgiliath").
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Compound {
    /// Member units in order.
    pub members: Vec<usize>,
}

/// A linearised sentence.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClauseLayer {
    /// The token list; coding starts after the sentence's first two begin markers.
    pub tokens: Vec<Token>,
    /// The units, indexed by [`Token::UnitBegin`].
    pub units: Vec<Unit>,
    /// The compounds, indexed by [`Token::CompoundBegin`].
    pub compounds: Vec<Compound>,
    /// Lower-case lemma of each word of the source parse, by leaf index (empty when the parse
    /// gives none, as supplied Treebank parses do): dyad-format verbs are looked up by lemma.
    pub lemmas: Vec<String>,
    /// Each word of the source parse as written, by leaf index (empty when unknown, as in
    /// supplied Treebank parses, which are upper case): names that need a capital ("WHO",
    /// "Labour") match only a capitalised word.
    pub forms: Vec<String>,
    /// Whether each word of the source parse is negated ("did not meet"), by leaf index; empty
    /// when unknown.
    pub negated: Vec<bool>,
}

impl ClauseLayer {
    /// Whether every begin marker has its end marker, properly nested.
    pub fn is_balanced(&self) -> bool {
        let mut stack: Vec<&Token> = Vec::new();
        for token in &self.tokens {
            match token {
                Token::Begin(_) | Token::UnitBegin(_) | Token::CompoundBegin(_) => {
                    stack.push(token)
                }
                Token::End(label) => match stack.pop() {
                    Some(Token::Begin(open)) if open == label => {}
                    _ => return false,
                },
                Token::UnitEnd(n) => match stack.pop() {
                    Some(Token::UnitBegin(open)) if open == n => {}
                    _ => return false,
                },
                Token::CompoundEnd(n) => match stack.pop() {
                    Some(Token::CompoundBegin(open)) if open == n => {}
                    _ => return false,
                },
                Token::Word { .. } => {}
            }
        }
        stack.is_empty()
    }

    /// Index of the token that closes the marker opened at `begin` (or `begin` itself when the
    /// token there opens nothing or is never closed).
    pub fn matching_end(&self, begin: usize) -> usize {
        let mut depth = 0usize;
        for (i, token) in self.tokens.iter().enumerate().skip(begin) {
            match token {
                Token::Begin(_) | Token::UnitBegin(_) | Token::CompoundBegin(_) => depth += 1,
                Token::End(_) | Token::UnitEnd(_) | Token::CompoundEnd(_) => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        return i;
                    }
                }
                Token::Word { .. } => {
                    if depth == 0 {
                        return begin;
                    }
                }
            }
        }
        begin
    }

    /// A readable one-line rendering (`[UNIT WORDS]`, `{` compounds `}`, `(VP1 ... ~VP1`).
    pub fn render(&self) -> String {
        let mut out = Vec::new();
        for token in &self.tokens {
            out.push(match token {
                Token::Begin(Label::VerbPhrase(n)) => format!("(VP{n}"),
                Token::End(Label::VerbPhrase(n)) => format!("~VP{n}"),
                Token::Begin(label) => format!("({}", label.name()),
                Token::End(label) => format!("~{}", label.name()),
                Token::Word { text, .. } => text.clone(),
                Token::UnitBegin(_) => "[".to_string(),
                Token::UnitEnd(_) => "]".to_string(),
                Token::CompoundBegin(_) => "{".to_string(),
                Token::CompoundEnd(_) => "}".to_string(),
            });
        }
        out.join(" ")
    }
}
