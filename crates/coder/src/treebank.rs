//! Penn Treebank parses (the `<Parse>` of PETRARCH records) read and linearised into the
//! [`ClauseLayer`].
//!
//! All treebank-specific knowledge lives here: the tolerant s-expression reader, compound
//! marking (coordinated noun phrases), the noun-phrase pass (possessives, NP + PP flattening,
//! relative clauses inside noun phrases), verb-phrase numbering and the dateline check. The rules
//! are those of PETRARCH-1 (`shared/docs/petrarch1-semantics.md` section 2).

use thiserror::Error;

use dyad_model::Span;

use crate::clause::{ClauseLayer, Compound, Label, Token, Unit};

/// Why a parse could not be linearised. The names are PETRARCH's error types.
#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum ParseError {
    /// Unbalanced brackets or no tree at all.
    #[error("bad_input_parse: {0}")]
    BadInputParse(String),
    /// The sentence starts with a dateline ("CEBU CITY: -- ...") parsed as a noun phrase.
    #[error("dateline: the parse starts with a noun phrase and a coordination")]
    Dateline,
    /// The linearised list came out unbalanced.
    #[error("bad_final_parse")]
    BadFinalParse,
}

impl ParseError {
    /// PETRARCH's name for the error (`bad_input_parse`, `dateline`, `bad_final_parse`).
    pub fn kind(&self) -> &'static str {
        match self {
            ParseError::BadInputParse(_) => "bad_input_parse",
            ParseError::Dateline => "dateline",
            ParseError::BadFinalParse => "bad_final_parse",
        }
    }
}

/// A node of the parse tree: a phrase with children, or a tag with its word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Node {
    /// Phrase or tag label, upper case (`NP`, `VBD`); empty for an unlabelled bracket.
    pub label: String,
    /// The word, for a tag node.
    pub word: Option<String>,
    /// Index of the word among the tree's words, for a tag node.
    pub leaf: Option<usize>,
    /// Children, for a phrase node.
    pub children: Vec<Node>,
}

impl Node {
    fn is_tag(&self) -> bool {
        self.word.is_some()
    }

    /// Words of the subtree in order, with their leaf indices.
    fn words(&self, out: &mut Vec<(String, Option<usize>)>) {
        if let Some(word) = &self.word {
            out.push((word.clone(), self.leaf));
        }
        for child in &self.children {
            child.words(out);
        }
    }

    /// Words of the subtree without possessive markers (`POS` tags).
    fn words_without_possessive(&self, out: &mut Vec<(String, Option<usize>)>) {
        if self.label == "POS" {
            return;
        }
        if let Some(word) = &self.word {
            out.push((word.clone(), self.leaf));
        }
        for child in &self.children {
            child.words_without_possessive(out);
        }
    }

    /// Whether a strict descendant satisfies `test` (flattened relative clauses are opaque).
    fn has_descendant(&self, test: &dyn Fn(&Node) -> bool) -> bool {
        self.children.iter().any(|c| test(c) || (c.label != "SBR" && c.has_descendant(test)))
    }

    fn count_descendants(&self, test: &dyn Fn(&Node) -> bool) -> usize {
        self.children.iter().map(|c| usize::from(test(c)) + c.count_descendants(test)).sum()
    }
}

/// Reads a bracketed parse. Words and labels are upper-cased and `~` becomes `-TILDA-`.
pub fn read_tree(text: &str) -> Result<Node, ParseError> {
    let opens = text.bytes().filter(|&b| b == b'(').count();
    let closes = text.bytes().filter(|&b| b == b')').count();
    if opens != closes {
        return Err(ParseError::BadInputParse(format!("{opens} '(' but {closes} ')'")));
    }
    let upper = text.to_uppercase().replace('~', "-TILDA-");
    let mut stack: Vec<Node> = Vec::new();
    let mut roots: Vec<Node> = Vec::new();
    let mut leaf_count = 0usize;
    let mut expecting_label = false;
    // Atoms are slices of the upper-cased text: brackets, and runs of other non-blank characters.
    let mut atoms: Vec<&str> = Vec::new();
    let mut start = None;
    for (i, c) in upper.char_indices() {
        if c == '(' || c == ')' || c.is_whitespace() {
            if let Some(s) = start.take() {
                atoms.push(&upper[s..i]);
            }
            if !c.is_whitespace() {
                atoms.push(&upper[i..i + 1]);
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        atoms.push(&upper[s..]);
    }
    for atom in atoms {
        match atom {
            "(" => {
                stack.push(Node {
                    label: String::new(),
                    word: None,
                    leaf: None,
                    children: Vec::new(),
                });
                expecting_label = true;
            }
            ")" => {
                expecting_label = false;
                let Some(node) = stack.pop() else {
                    return Err(ParseError::BadInputParse("')' before '('".to_string()));
                };
                match stack.last_mut() {
                    Some(parent) => parent.children.push(node),
                    None => roots.push(node),
                }
            }
            _ => {
                let Some(node) = stack.last_mut() else {
                    return Err(ParseError::BadInputParse(format!("word {atom} outside brackets")));
                };
                if expecting_label {
                    node.label = atom.to_string();
                    expecting_label = false;
                } else if node.word.is_none() && node.children.is_empty() {
                    node.word = Some(atom.to_string());
                    node.leaf = Some(leaf_count);
                    leaf_count += 1;
                } else {
                    // A bare word among phrases: keep it as an untagged word.
                    node.children.push(Node {
                        label: String::new(),
                        word: Some(atom.to_string()),
                        leaf: Some(leaf_count),
                        children: Vec::new(),
                    });
                    leaf_count += 1;
                }
            }
        }
    }
    if !stack.is_empty() {
        return Err(ParseError::BadInputParse("unclosed bracket".to_string()));
    }
    let mut root = match roots.len() {
        0 => return Err(ParseError::BadInputParse("no tree".to_string())),
        1 => roots.pop().unwrap_or_else(unreachable_root),
        _ => Node { label: "ROOT".to_string(), word: None, leaf: None, children: roots },
    };
    if root.label.is_empty() {
        root.label = "ROOT".to_string();
    }
    if root.is_tag() {
        return Err(ParseError::BadInputParse("the tree is a single word".to_string()));
    }
    Ok(root)
}

fn unreachable_root() -> Node {
    Node { label: "ROOT".to_string(), word: None, leaf: None, children: Vec::new() }
}

/// Reads and linearises a parse into the clause layer.
pub fn linearise_text(parse: &str) -> Result<ClauseLayer, ParseError> {
    let mut tree = read_tree(parse)?;
    mark_compounds(&mut tree);
    linearise(&tree)
}

/// Relabels coordinated noun phrases `NEC` (section 2.2): the smallest phrase around a `CC`,
/// when it is an `NP` with no clause or verb phrase inside, only one `CC`, and at least two
/// noun tags or noun phrases besides itself.
pub fn mark_compounds(node: &mut Node) {
    for child in &mut node.children {
        mark_compounds(child);
    }
    if !node.children.iter().any(|c| c.is_tag() && c.label == "CC") {
        return;
    }
    if node.has_descendant(&|n| n.label.starts_with("VP") || n.label.starts_with('S')) {
        return;
    }
    if node.count_descendants(&|n| n.label == "CC") > 1 {
        return;
    }
    let nouns = 1 + node.count_descendants(&|n| n.label.starts_with('N'));
    if node.label == "NP" && nouns >= 3 {
        node.label = "NEC".to_string();
    }
}

/// Replaces every `SBAR` below a noun phrase by an `SBR` node holding only its words.
fn flatten_relative_clauses(node: &Node) -> Node {
    let mut copy = Node {
        label: node.label.clone(),
        word: node.word.clone(),
        leaf: node.leaf,
        children: Vec::new(),
    };
    for child in &node.children {
        if child.label.starts_with("SBAR") {
            let mut words = Vec::new();
            child.words(&mut words);
            copy.children.push(Node {
                label: "SBR".to_string(),
                word: None,
                leaf: None,
                children: words
                    .into_iter()
                    .map(|(word, leaf)| Node {
                        label: String::new(),
                        word: Some(word),
                        leaf,
                        children: Vec::new(),
                    })
                    .collect(),
            });
        } else {
            copy.children.push(flatten_relative_clauses(child));
        }
    }
    copy
}

type Words = Vec<(String, Option<usize>)>;

/// A piece of a unit being built: fixed words, or a compound whose members multiply the unit.
enum Segment {
    Words(Words),
    Compound(Vec<Words>),
}

struct Linearizer {
    layer: ClauseLayer,
    verb_phrases: u32,
}

/// Linearises a tree whose compounds are already marked.
pub fn linearise(tree: &Node) -> Result<ClauseLayer, ParseError> {
    let mut linearizer = Linearizer { layer: ClauseLayer::default(), verb_phrases: 0 };
    linearizer.node(tree);
    let layer = linearizer.layer;
    if starts_with_dateline(&layer) {
        return Err(ParseError::Dateline);
    }
    if !layer.is_balanced() {
        return Err(ParseError::BadFinalParse);
    }
    Ok(layer)
}

/// The first three structural openings are the root, a unit and a compound: a dateline such as
/// "CEBU CITY: -- Cordova Mayor ... and ..." parsed as one big noun phrase.
fn starts_with_dateline(layer: &ClauseLayer) -> bool {
    let openings: Vec<&Token> = layer
        .tokens
        .iter()
        .filter(|t| match t {
            Token::Begin(Label::Tag(_) | Label::Comma | Label::ComplexNoun) => false,
            Token::Begin(_) | Token::UnitBegin(_) | Token::CompoundBegin(_) => true,
            _ => false,
        })
        .take(3)
        .collect();
    matches!(
        openings.as_slice(),
        [Token::Begin(Label::Phrase(_)), Token::UnitBegin(_), Token::CompoundBegin(_)]
    )
}

impl Linearizer {
    fn push(&mut self, token: Token) {
        self.layer.tokens.push(token);
    }

    fn word(&mut self, text: &str, leaf: Option<usize>) {
        self.push(Token::Word { text: text.to_string(), leaf });
    }

    fn node(&mut self, node: &Node) {
        if let Some(word) = &node.word {
            if node.label.is_empty() {
                self.word(word, node.leaf);
                return;
            }
            let label =
                if node.label == "," { Label::Comma } else { Label::Tag(node.label.clone()) };
            self.push(Token::Begin(label.clone()));
            self.word(word, node.leaf);
            self.push(Token::End(label));
            return;
        }
        match node.label.as_str() {
            "NEC" => self.compound(node),
            "NP" => {
                // Copy the phrase only when it holds a relative clause to flatten.
                if node.has_descendant(&|n| n.label.starts_with("SBAR")) {
                    self.noun_phrase(&flatten_relative_clauses(node));
                } else {
                    self.noun_phrase(node);
                }
            }
            "SBR" => {
                for child in &node.children {
                    let mut words = Vec::new();
                    child.words(&mut words);
                    for (word, leaf) in words {
                        self.word(&word, leaf);
                    }
                }
            }
            label => {
                let label = if label == "VP" {
                    self.verb_phrases += 1;
                    Label::VerbPhrase(self.verb_phrases)
                } else {
                    Label::Phrase(label.to_string())
                };
                self.push(Token::Begin(label.clone()));
                for child in &node.children {
                    self.node(child);
                }
                self.push(Token::End(label));
            }
        }
    }

    /// The noun-phrase pass (section 2.3), on a phrase whose relative clauses are flattened.
    fn noun_phrase(&mut self, node: &Node) {
        if node.has_descendant(&|n| n.label == "POS") {
            let mut words = Vec::new();
            node.words_without_possessive(&mut words);
            self.unit(words);
            return;
        }
        if node.has_descendant(&|n| n.label == "PP") {
            if let Some(segments) = prepositional_unit(node) {
                self.segmented_unit(segments);
                return;
            }
        } else if !node.has_descendant(&|n| n.label == "NP" || n.label == "NEC") {
            let mut words = Vec::new();
            node.words(&mut words);
            self.unit(words);
            return;
        }
        self.push(Token::Begin(Label::ComplexNoun));
        for child in &node.children {
            self.node(child);
        }
        self.push(Token::End(Label::ComplexNoun));
    }

    fn unit(&mut self, words: Words) -> usize {
        let index = self.layer.units.len();
        self.push(Token::UnitBegin(index));
        for (word, leaf) in &words {
            self.word(word, *leaf);
        }
        self.push(Token::UnitEnd(index));
        self.layer.units.push(Unit {
            words: words.iter().map(|(w, _)| w.clone()).collect(),
            leaves: words.iter().map(|(_, l)| *l).collect(),
            compound: None,
        });
        index
    }

    fn compound_of(&mut self, members: Vec<Words>) {
        let index = self.layer.compounds.len();
        self.layer.compounds.push(Compound::default());
        self.push(Token::CompoundBegin(index));
        for member in members {
            let unit = self.unit(member);
            self.layer.units[unit].compound = Some(index);
            self.layer.compounds[index].members.push(unit);
        }
        self.push(Token::CompoundEnd(index));
    }

    fn compound(&mut self, node: &Node) {
        let members = compound_members(node);
        if members.is_empty() {
            let mut words = Vec::new();
            node.words_without_possessive(&mut words);
            self.unit(words);
        } else {
            self.compound_of(members);
        }
    }

    /// A unit made of segments: compounds inside it expand into a compound of units, one per
    /// member (a cross product when there are several).
    fn segmented_unit(&mut self, segments: Vec<Segment>) {
        let mut variants: Vec<Words> = vec![Vec::new()];
        let mut has_compound = false;
        for segment in segments {
            match segment {
                Segment::Words(words) => {
                    for variant in &mut variants {
                        variant.extend(words.iter().cloned());
                    }
                }
                Segment::Compound(members) => {
                    has_compound = true;
                    let mut next = Vec::new();
                    for variant in &variants {
                        for member in &members {
                            let mut combined = variant.clone();
                            combined.extend(member.iter().cloned());
                            next.push(combined);
                        }
                    }
                    variants = next;
                }
            }
        }
        if has_compound {
            self.compound_of(variants);
        } else if let Some(words) = variants.pop() {
            self.unit(words);
        }
    }
}

/// The members of a coordinated noun phrase: every child noun phrase or noun tag, with the
/// words before the first noun (adjectives, determiners) copied into each member and words
/// between members attached to the following one. Commas and the conjunction disappear.
fn compound_members(node: &Node) -> Vec<Words> {
    let mut members: Vec<Words> = Vec::new();
    let mut prefix: Words = Vec::new();
    let mut pending: Words = Vec::new();
    for child in &node.children {
        if child.label == "CC" || child.label == "," || child.label == ":" {
            continue;
        }
        let mut words = Vec::new();
        child.words_without_possessive(&mut words);
        if child.label.starts_with('N') {
            let mut member = prefix.clone();
            member.append(&mut pending);
            member.extend(words);
            members.push(member);
        } else if members.is_empty() {
            prefix.extend(words);
        } else {
            pending.extend(words);
        }
    }
    if let Some(last) = members.last_mut() {
        last.append(&mut pending);
    }
    members
}

/// Segments of a node's words, with coordinated noun phrases kept as compounds.
fn segments_of(node: &Node, out: &mut Vec<Segment>) {
    if node.label == "NEC" && !node.is_tag() {
        out.push(Segment::Compound(compound_members(node)));
        return;
    }
    if node.label == "POS" {
        return;
    }
    if let Some(word) = &node.word {
        out.push(Segment::Words(vec![(word.clone(), node.leaf)]));
    }
    for child in &node.children {
        segments_of(child, out);
    }
}

/// NP -> (NP | NEC) PP(IN (NP | NEC)) [SBR], with no further PP inside the object: one unit made of
/// the head's words, the preposition and the object's words.
fn prepositional_unit(node: &Node) -> Option<Vec<Segment>> {
    let children = &node.children;
    let (head, pp, rest) = match children.as_slice() {
        [head, pp] => (head, pp, None),
        [head, pp, sbr] if sbr.label == "SBR" => (head, pp, Some(sbr)),
        _ => return None,
    };
    if !(head.label == "NP" || head.label == "NEC") || pp.label != "PP" {
        return None;
    }
    let [preposition, object] = pp.children.as_slice() else {
        return None;
    };
    if preposition.label != "IN" || !preposition.is_tag() {
        return None;
    }
    if !(object.label == "NP" || object.label == "NEC")
        || object.has_descendant(&|n| n.label == "PP")
    {
        return None;
    }
    let mut segments = Vec::new();
    segments_of(head, &mut segments);
    segments_of(preposition, &mut segments);
    segments_of(object, &mut segments);
    if let Some(sbr) = rest {
        segments_of(sbr, &mut segments);
    }
    Some(segments)
}

/// The words of a tree in order (the leaves that [`crate::clause::Token::Word`] indexes).
pub fn leaves(tree: &Node) -> Vec<String> {
    let mut words = Vec::new();
    tree.words(&mut words);
    let mut ordered: Vec<(usize, String)> =
        words.into_iter().filter_map(|(word, leaf)| Some((leaf?, word))).collect();
    ordered.sort_by_key(|(leaf, _)| *leaf);
    ordered.into_iter().map(|(_, word)| word).collect()
}

/// How a treebank token may be written in the text it was parsed from.
fn surface_forms(leaf: &str) -> Vec<String> {
    let leaf = leaf.replace("-TILDA-", "~");
    match leaf.as_str() {
        "-LRB-" => vec!["(".into(), "[".into(), "{".into()],
        "-RRB-" => vec![")".into(), "]".into(), "}".into()],
        "-LCB-" => vec!["{".into()],
        "-RCB-" => vec!["}".into()],
        "``" => vec!["``".into(), "\"".into(), "\u{201C}".into(), "'".into(), "\u{2018}".into()],
        "''" => vec!["''".into(), "\"".into(), "\u{201D}".into(), "'".into(), "\u{2019}".into()],
        "`" => vec!["'".into(), "\u{2018}".into(), "`".into()],
        "'" => vec!["'".into(), "\u{2019}".into()],
        _ => vec![leaf.clone(), leaf.replace('\'', "\u{2019}")],
    }
}

/// Whether `text` starts with `form`, ignoring case; returns the byte length matched.
fn starts_with_form(text: &str, form: &str) -> Option<usize> {
    let mut length = 0;
    let mut chars = text.chars();
    for wanted in form.chars() {
        let got = chars.next()?;
        if !got.to_uppercase().eq(wanted.to_uppercase()) {
            return None;
        }
        length += got.len_utf8();
    }
    Some(length)
}

/// Byte spans in `text` of each leaf, found by walking the text in order; a leaf that cannot be
/// found nearby (the parse and the text disagree) gets `None` and the walk goes on.
pub fn align_leaves(leaves: &[String], text: &str) -> Vec<Option<Span>> {
    /// How far ahead a leaf may be looked for (skipped characters, e.g. markup).
    const LOOKAHEAD: usize = 40;
    let mut spans = Vec::with_capacity(leaves.len());
    let mut at = 0;
    for leaf in leaves {
        let forms = surface_forms(leaf);
        let mut found = None;
        let mut probe = at;
        let mut skipped = 0;
        while probe < text.len() && skipped <= LOOKAHEAD && found.is_none() {
            let rest = &text[probe..];
            if let Some(length) = forms.iter().find_map(|form| starts_with_form(rest, form)) {
                found = Some(Span::new(probe, probe + length));
                break;
            }
            let step = rest.chars().next().map_or(1, char::len_utf8);
            probe += step;
            skipped += 1;
        }
        if let Some(span) = found {
            at = span.end;
        }
        spans.push(found);
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    const DEMO_00: &str = "(ROOT (S (S (NP (NNP Arnor)) (VP (VBZ is) (VP (IN about) (S (VP (TO to)
        (VP (VB restore) (NP (JJ full) (JJ diplomatic) (NNS ties)) (PP (IN with) (NP (NNP Gondor)))
        (SBAR (NP (RB almost) (CD five) (NNS years)) (IN after) (S (NP (NNS crowds)) (VP (VBD trashed)
        (NP (PRP$ its) (NN embassy))))))))))) (. .)))";

    #[test]
    fn linearises_units_and_numbered_verb_phrases() {
        let layer = linearise_text(DEMO_00).unwrap();
        assert_eq!(
            layer.render(),
            "(ROOT (S (S [ ARNOR ] (VP1 (VBZ IS ~VBZ (VP2 (IN ABOUT ~IN (S (VP3 (TO TO ~TO (VP4 (VB \
             RESTORE ~VB [ FULL DIPLOMATIC TIES ] (PP (IN WITH ~IN [ GONDOR ] ~PP (SBAR [ ALMOST FIVE \
             YEARS ] (IN AFTER ~IN (S [ CROWDS ] (VP5 (VBD TRASHED ~VBD [ ITS EMBASSY ] ~VP5 ~S \
             ~SBAR ~VP4 ~VP3 ~S ~VP2 ~VP1 ~S (. . ~. ~S ~ROOT"
        );
        assert_eq!(layer.units.len(), 6);
    }

    #[test]
    fn possessive_prepositional_and_compound_units() {
        let layer = linearise_text(
            "(ROOT (S (NP (NP (NNP Gryffindor) (POS 's)) (NN head) (NNP Minerva)) (VP (VBD met)
             (NP (NP (DT a) (NN bunch)) (PP (IN of) (NP (NNP Gondor) (CC and) (NNP Arnor)))))))",
        )
        .unwrap();
        assert_eq!(
            layer.render(),
            "(ROOT (S [ GRYFFINDOR HEAD MINERVA ] (VP1 (VBD MET ~VBD { [ A BUNCH OF GONDOR ] \
             [ A BUNCH OF ARNOR ] } ~VP1 ~S ~ROOT"
        );
        assert_eq!(layer.compounds[0].members, vec![1, 2]);
    }

    #[test]
    fn adjectives_are_distributed_over_compound_members() {
        let layer =
            linearise_text("(ROOT (S (NP (JJ Danish) (NNS media) (CC and) (NN government))))")
                .unwrap();
        assert_eq!(layer.render(), "(ROOT (S { [ DANISH MEDIA ] [ DANISH GOVERNMENT ] } ~S ~ROOT");
    }

    #[test]
    fn unbalanced_and_dateline_parses_are_errors() {
        assert_eq!(read_tree("(ROOT (S (NP x)").unwrap_err().kind(), "bad_input_parse");
        let dateline = "(ROOT (NP (NP (NNP CEBU) (NNP CITY)) (: --) (NP (NP (NNP A)) (CC and) \
                        (NP (NNP B)))))";
        assert_eq!(linearise_text(dateline).unwrap_err(), ParseError::Dateline);
    }

    #[test]
    fn leaves_align_with_the_text() {
        let tree = read_tree(
            "(ROOT (S (NP (NNP Arnor)) (VP (MD wo) (RB n't) (VP (VB go) (PP (-LRB- -LRB-)
            (NP (NNP Gondor)) (-RRB- -RRB-)))) (. .)))",
        )
        .unwrap();
        let text = "Arnor won't go (Gondor).";
        let spans = align_leaves(&leaves(&tree), text);
        let words: Vec<&str> = spans.iter().map(|s| s.unwrap().text(text)).collect();
        assert_eq!(words, ["Arnor", "wo", "n't", "go", "(", "Gondor", ")", "."]);
        let missing = align_leaves(&["ARNOR".into(), "XYZZY".into(), "GONDOR".into()], text);
        assert!(missing[0].is_some() && missing[1].is_none() && missing[2].is_some());
    }

    #[test]
    fn never_panics_on_fragments() {
        for cut in 0..DEMO_00.len() {
            let _ = linearise_text(&DEMO_00[..cut]);
            let _ = linearise_text(&DEMO_00[cut..]);
        }
    }
}
