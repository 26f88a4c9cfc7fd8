//! The clause layer from a dependency parse (Universal Dependencies relations), so that the one
//! pattern engine serves dyad's own parser as well as supplied Treebank parses.
//!
//! The layer imitates what PETRARCH-1's linearisation makes of the corresponding constituency
//! tree (`treebank.rs`): noun units are a nominal head with its noun-phrase-internal dependents
//! (determiners, adjectives, compounds, names, possessors without `'s`, appositions, and a single
//! prepositional modifier whose object has none of its own, as in NP + PP flattening); a head
//! coordinated with other nominals (`conj`) becomes a compound, its leading modifiers copied into
//! every member, and so does a head whose adjective or name modifier is coordinated ("Israeli and
//! Palestinian negotiators": one member per modifier, the head shared); a verb's phrase runs from
//! its first auxiliary to the end of its right-hand dependents (coordinated verbs excluded), with
//! an inner phrase starting at the verb itself so that "was opposed by" is seen as PETRARCH sees
//! it; prepositions (`case`) stay outside units.
//! Before any of that, a noun phrase the parser split into two touching subjects (or objects)
//! of one verb is rejoined, and so is a clause split into two touching complements of one
//! verb, since a head has at most one of each; and a finite verb left without a subject takes
//! the apposition that ends right before it ("In a speech on his strategy, President Obama
//! said").
//! With dyad's parser on the PETRARCH unit-test records this layer passes 235 of 279
//! (`dyad validate --parser dyad`, with the engine joining a possessor to the role it owns);
//! the Treebank layer passes 276 with the supplied parses.

use std::ops::RangeInclusive;

use crate::clause::{ClauseLayer, Compound, FINITE_TAGS, Label, Token, Unit};

/// One word of a dependency parse.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DependencyToken {
    /// The word as written.
    pub text: String,
    /// Dictionary form (`meet` for `met`), or empty when unknown.
    pub lemma: String,
    /// Universal part of speech (`NOUN`, `VERB`, `AUX`, `ADP`, ...).
    pub upos: String,
    /// Penn Treebank tag when known (`VBN`, `NNP`), else empty.
    pub xpos: String,
    /// Morphological features as written in CoNLL-U (`Tense=Past|VerbForm=Part`), or empty.
    pub feats: String,
    /// Index of the head word (0-based), `None` for the root.
    pub head: Option<usize>,
    /// The relation to the head (`nsubj`, `obl:tmod`, ...).
    pub relation: String,
}

impl DependencyToken {
    fn base_relation(&self) -> &str {
        self.relation.split(':').next().unwrap_or("")
    }

    fn is_nominal(&self) -> bool {
        matches!(self.upos.as_str(), "NOUN" | "PROPN" | "PRON" | "NUM")
    }

    /// The tag the clause layer shows: the Treebank tag when known, else one derived from the
    /// universal part of speech (only `VB*`, `MD`, `VBN` and `,` matter to the engine).
    fn tag(&self) -> String {
        if !self.xpos.is_empty() && self.xpos != "_" {
            return self.xpos.to_uppercase();
        }
        let feature = |f: &str| self.feats.split('|').any(|x| x == f);
        match self.upos.as_str() {
            "VERB" | "AUX" if feature("VerbForm=Part") && feature("Tense=Past") => "VBN".into(),
            "AUX" if feature("VerbType=Mod") => "MD".into(),
            "VERB" | "AUX" => "VB".into(),
            "PUNCT" if self.text == "," => ",".into(),
            other => other.to_string(),
        }
    }
}

/// Reads one sentence in CoNLL-U (comment lines, multi-word ranges and empty nodes skipped).
pub fn read_conllu_sentence(text: &str) -> Vec<DependencyToken> {
    let mut tokens = Vec::new();
    for line in text.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() < 8 || fields[0].contains(['-', '.']) {
            continue;
        }
        let head = fields[6].parse::<usize>().ok().and_then(|h| h.checked_sub(1));
        let clean = |s: &str| if s == "_" { String::new() } else { s.to_string() };
        tokens.push(DependencyToken {
            text: fields[1].to_string(),
            lemma: clean(fields[2]),
            upos: fields[3].to_string(),
            xpos: clean(fields[4]),
            feats: clean(fields[5]),
            head,
            relation: fields[7].to_string(),
        });
    }
    tokens
}

/// One analysed word as a tagger and parser give it: form, lemma, universal and Penn tags, head
/// (1-based, 0 for the root) and relation.
#[derive(Clone, Copy, Debug)]
pub struct AnalyzedWord<'a> {
    /// The word as written.
    pub form: &'a str,
    /// Dictionary form.
    pub lemma: &'a str,
    /// Universal part of speech.
    pub upos: &'a str,
    /// Penn Treebank tag.
    pub xpos: &'a str,
    /// Head word, 1-based; 0 for the root.
    pub head: usize,
    /// Universal dependency relation.
    pub deprel: &'a str,
}

/// Dependency tokens from a tagger's and parser's output.
pub fn from_analysis<'a>(
    words: impl IntoIterator<Item = AnalyzedWord<'a>>,
) -> Vec<DependencyToken> {
    words
        .into_iter()
        .map(|w| DependencyToken {
            text: w.form.to_string(),
            lemma: w.lemma.to_string(),
            upos: w.upos.to_string(),
            xpos: w.xpos.to_string(),
            feats: String::new(),
            head: w.head.checked_sub(1),
            relation: w.deprel.to_string(),
        })
        .collect()
}

/// Words that head a time phrase ("on Wednesday", "in March", "last week"); not "May", which
/// is as often a name.
pub(crate) fn is_time_word(word: &str) -> bool {
    const TIME_WORDS: &str = "monday tuesday wednesday thursday friday saturday sunday january \
        february march april june july august september october november december today yesterday \
        tomorrow morning afternoon evening night weekend week month year";
    TIME_WORDS.split_ascii_whitespace().any(|w| w.eq_ignore_ascii_case(word))
}

/// Relations whose dependents belong to their head's noun unit (with their whole subtree).
const UNIT_INTERNAL: &[&str] =
    &["det", "amod", "compound", "flat", "fixed", "nummod", "nmod", "appos", "goeswith", "punct"];

struct Builder<'a> {
    tokens: &'a [DependencyToken],
    children: Vec<Vec<usize>>,
    /// The unit or compound block each token belongs to.
    owner: Vec<Option<usize>>,
    blocks: Vec<Block>,
}

/// A unit or a compound of units, covering a contiguous range of tokens.
struct Block {
    range: RangeInclusive<usize>,
    /// Member units: their word indices (a compound has several).
    members: Vec<Vec<usize>>,
}

impl Builder<'_> {
    fn subtree(&self, head: usize, out: &mut Vec<usize>) {
        out.push(head);
        for &child in &self.children[head] {
            if child != head {
                self.subtree(child, out);
            }
        }
    }

    /// The words of the unit headed by `head`, without coordinated nominals.
    fn unit_members(&self, head: usize) -> Vec<usize> {
        let mut members = vec![head];
        let modifiers: Vec<usize> = self.children[head]
            .iter()
            .copied()
            .filter(|&c| UNIT_INTERNAL.contains(&self.tokens[c].base_relation()))
            // "to Ukraine on Wednesday": a time phrase the parser hung on a noun says when, not
            // who; it stays out of the actor's unit (and its span).
            .filter(|&c| {
                self.tokens[c].base_relation() != "nmod" || !is_time_word(&self.tokens[c].text)
            })
            .collect();
        let nmods = modifiers.iter().filter(|&&c| self.tokens[c].base_relation() == "nmod");
        // NP + PP flattening only for a single prepositional modifier without one of its own
        // (a possessor, `nmod:poss`, always belongs to the unit).
        let flatten_nmod =
            nmods.clone().filter(|&&c| self.tokens[c].relation != "nmod:poss").count() == 1;
        for child in modifiers {
            let token = &self.tokens[child];
            if token.base_relation() == "nmod" && token.relation != "nmod:poss" {
                // A modifier with its own modifier, or coordinated ("ties between Gondor and
                // Osgiliath"), is a unit or compound of its own.
                let nested = self.children[child].iter().any(|&g| {
                    let grandchild = &self.tokens[g];
                    grandchild.base_relation() == "nmod"
                        || (grandchild.base_relation() == "conj" && grandchild.is_nominal())
                });
                if !flatten_nmod || nested {
                    continue;
                }
            }
            let mut words = Vec::new();
            self.subtree(child, &mut words);
            // The possessive 's or ' is not part of PETRARCH units; coordination stays apart.
            words.retain(|&w| {
                let t = &self.tokens[w];
                !(t.xpos == "POS" || (t.relation == "case" && t.text.starts_with('\'')))
                    && t.base_relation() != "cc"
            });
            members.extend(words);
        }
        members.sort_unstable();
        members.dedup();
        // Keep the contiguous run around the head; trailing and leading punctuation goes.
        let position = members.binary_search(&head).unwrap_or(0);
        let mut start = position;
        while start > 0 && members[start - 1] + 1 == members[start] {
            start -= 1;
        }
        let mut end = position;
        while end + 1 < members.len() && members[end + 1] == members[end] + 1 {
            end += 1;
        }
        let mut run: Vec<usize> = members[start..=end].to_vec();
        while run.len() > 1 && run.last().is_some_and(|&w| self.tokens[w].upos == "PUNCT") {
            run.pop();
        }
        while run.len() > 1 && run.first().is_some_and(|&w| self.tokens[w].upos == "PUNCT") {
            run.remove(0);
        }
        run
    }

    /// A head whose one prepositional modifier is coordinated ("lawmakers in Fornost and
    /// Gondor", "the ambassadors of Arnor, Osgiliath and Gondor") stands for one unit per
    /// conjunct, as PETRARCH distributes it: [LAWMAKERS IN FORNOST] [LAWMAKERS IN GONDOR].
    fn distributed_members(&self, head: usize) -> Option<Vec<Vec<usize>>> {
        let is_nominal_conj =
            |c: usize| self.tokens[c].base_relation() == "conj" && self.tokens[c].is_nominal();
        if self.children[head].iter().any(|&c| is_nominal_conj(c)) {
            return None;
        }
        let nmods: Vec<usize> = self.children[head]
            .iter()
            .copied()
            .filter(|&c| {
                self.tokens[c].base_relation() == "nmod" && self.tokens[c].relation != "nmod:poss"
            })
            .collect();
        let [modifier] = nmods[..] else {
            return None;
        };
        let conjuncts: Vec<usize> =
            self.children[modifier].iter().copied().filter(|&c| is_nominal_conj(c)).collect();
        if conjuncts.is_empty() {
            return None;
        }
        let base = self.unit_members(head);
        let case: Vec<usize> = self.children[modifier]
            .iter()
            .copied()
            .filter(|&c| self.tokens[c].base_relation() == "case")
            .collect();
        let mut members = Vec::new();
        for (i, part) in std::iter::once(modifier).chain(conjuncts).enumerate() {
            let mut words = base.clone();
            if i > 0 {
                words.extend(&case);
            }
            words.extend(self.unit_members(part));
            if i == 0 {
                words.extend(&case);
            }
            words.sort_unstable();
            words.dedup();
            members.push(words);
        }
        Some(members)
    }

    /// A head whose adjective or name modifier is coordinated ("Israeli and Palestinian
    /// negotiators", "Iranian and Iraqi forces") stands for one unit per modifier, the head and
    /// its other words shared: [ISRAELI NEGOTIATORS] [PALESTINIAN NEGOTIATORS].
    fn coordinated_modifier_members(&self, head: usize) -> Option<Vec<Vec<usize>>> {
        let conjuncts_of = |m: usize| -> Vec<usize> {
            self.children[m]
                .iter()
                .copied()
                .filter(|&c| {
                    self.tokens[c].base_relation() == "conj"
                        && matches!(self.tokens[c].upos.as_str(), "ADJ" | "PROPN")
                })
                .collect()
        };
        let modifier = self.children[head].iter().copied().find(|&c| {
            matches!(self.tokens[c].base_relation(), "amod" | "compound")
                && c < head
                && !conjuncts_of(c).is_empty()
        })?;
        let conjuncts = conjuncts_of(modifier);
        let mut whole = Vec::new();
        self.subtree(modifier, &mut whole);
        let base: Vec<usize> =
            self.unit_members(head).into_iter().filter(|w| !whole.contains(w)).collect();
        let mut members = Vec::new();
        for part in std::iter::once(modifier).chain(conjuncts.iter().copied()) {
            // The modifier's own words, without its conjuncts and their conjunctions.
            let mut words = vec![part];
            for &child in &self.children[part] {
                let relation = self.tokens[child].base_relation();
                if !conjuncts.contains(&child) && !matches!(relation, "cc" | "punct") {
                    self.subtree(child, &mut words);
                }
            }
            words.extend(&base);
            words.sort_unstable();
            words.dedup();
            members.push(words);
        }
        Some(members)
    }

    /// Makes the unit (or compound, when `head` has coordinated nominals) headed by `head`.
    fn claim(&mut self, head: usize) {
        let distributed =
            self.distributed_members(head).or_else(|| self.coordinated_modifier_members(head));
        if let Some(members) = distributed {
            let start = *members.iter().flat_map(|m| m.first()).min().unwrap_or(&head);
            let end = *members.iter().flat_map(|m| m.last()).max().unwrap_or(&head);
            let covered = (start..=end).all(|i| {
                members.iter().any(|m| m.contains(&i))
                    || matches!(self.tokens[i].upos.as_str(), "CCONJ" | "PUNCT")
            });
            if covered && (start..=end).all(|i| self.owner[i].is_none()) {
                self.add_block(start..=end, members);
                return;
            }
        }
        let first = self.unit_members(head);
        let conjuncts: Vec<usize> = self.children[head]
            .iter()
            .copied()
            .filter(|&c| self.tokens[c].base_relation() == "conj" && self.tokens[c].is_nominal())
            .collect();
        let mut members = vec![first.clone()];
        for &conjunct in &conjuncts {
            members.push(self.unit_members(conjunct));
        }
        let start = *members.iter().flat_map(|m| m.first()).min().unwrap_or(&head);
        let end = *members.iter().flat_map(|m| m.last()).max().unwrap_or(&head);
        // A compound must cover its range with members, conjunctions and punctuation only.
        let covered = (start..=end).all(|i| {
            members.iter().any(|m| m.contains(&i))
                || matches!(self.tokens[i].upos.as_str(), "CCONJ" | "PUNCT")
        });
        let free = (start..=end).all(|i| self.owner[i].is_none());
        if !free {
            return;
        }
        if conjuncts.is_empty() || !covered {
            let range = *first.first().unwrap_or(&head)..=*first.last().unwrap_or(&head);
            if range.clone().any(|i| self.owner[i].is_some()) {
                return;
            }
            self.add_block(range, vec![first]);
            return;
        }
        // Words before the first member's head (adjectives, determiners) go into every member
        // that has none of its own ("Israeli soldiers and police"; not "the Philippines and the
        // European Union", which a Treebank parse keeps as two noun phrases).
        let shared: Vec<usize> = first.iter().copied().filter(|&w| w < head).collect();
        for (member, &conjunct) in members.iter_mut().skip(1).zip(&conjuncts) {
            if member.iter().any(|&w| w < conjunct) {
                continue;
            }
            let mut words = shared.clone();
            words.extend(member.iter().copied());
            *member = words;
        }
        self.add_block(start..=end, members);
    }

    fn add_block(&mut self, range: RangeInclusive<usize>, members: Vec<Vec<usize>>) {
        let index = self.blocks.len();
        for i in range.clone() {
            self.owner[i] = Some(index);
        }
        self.blocks.push(Block { range, members });
    }

    /// The token range of a verb's phrase: from its first auxiliary (or itself) to the end of its
    /// right-hand dependents, coordinated verbs and side clauses excluded.
    fn verb_range(&self, verb: usize) -> (usize, usize) {
        let mut start = verb;
        let mut end = verb;
        for &child in &self.children[verb] {
            let relation = self.tokens[child].base_relation();
            if matches!(relation, "aux" | "cop") && child < verb {
                start = start.min(child);
            }
            if child > verb && !matches!(relation, "conj" | "parataxis" | "cc" | "punct") {
                let mut words = Vec::new();
                self.subtree(child, &mut words);
                end = end.max(words.into_iter().max().unwrap_or(child));
            }
        }
        (start, end)
    }
}

/// Relations a head has at most once in Universal Dependencies (UD English EWT train has no
/// head with two of any of them).
const ONCE_PER_HEAD: [&str; 4] = ["nsubj", "nsubj:pass", "obj", "iobj"];

/// Repairs a parse that gives one head two subjects (or objects) side by side: a greedy parser
/// given an unknown name before a title ("Bree President Romendacil", "Dagolath's Deputy Prime
/// Minister Telemar") often splits the noun phrase so. The first of two touching nominal
/// dependents with the same once-only relation becomes a modifier of the second (a possessor
/// when it carries `'s`, else a compound), when both are plain noun phrases: no verb and no
/// punctuation but hyphens in either, which would make one a clause or an aside the parser
/// hung there ("Israeli tanks fired shells, witnesses said"), no time word ("last March"), and
/// no article opening the second ("told Labour members the Tories offered"). Returns `None`
/// when nothing needs repair.
fn join_split_noun_phrases(tokens: &[DependencyToken]) -> Option<Vec<DependencyToken>> {
    let n = tokens.len();
    let head_of = |i: usize| tokens[i].head.filter(|&h| h < n && h != i);
    let (first, last) = subtree_spans(tokens)?;
    let mut repaired: Option<Vec<DependencyToken>> = None;
    for second in 0..n {
        let relation = tokens[second].relation.as_str();
        if !ONCE_PER_HEAD.contains(&relation) || !tokens[second].is_nominal() {
            continue;
        }
        let Some(head) = head_of(second) else { continue };
        let plain = |d: usize| {
            !is_time_word(&tokens[d].text)
                && (first[d]..=last[d]).all(|w| {
                    let token = &tokens[w];
                    // A hyphen inside a name (`Jean-Bertrand`, `Secretary-General`) is no aside.
                    !matches!(token.upos.as_str(), "VERB" | "AUX")
                        && (token.upos != "PUNCT" || token.text == "-")
                })
        };
        let touching = (0..second).rev().find(|&d| {
            head_of(d) == Some(head)
                && tokens[d].relation == relation
                && tokens[d].is_nominal()
                && last[d] + 1 == first[second]
                && plain(d)
                && plain(second)
                // "told Labour members the Tories offered": an article opens a phrase of its own.
                && tokens[first[second]].upos != "DET"
        });
        let Some(before) = touching else { continue };
        let possessive = (0..n).any(|c| {
            head_of(c) == Some(before) && (tokens[c].xpos == "POS" || tokens[c].text == "'s")
        });
        let out = repaired.get_or_insert_with(|| tokens.to_vec());
        out[before].head = Some(second);
        out[before].relation = if possessive { "nmod:poss" } else { "compound" }.to_string();
    }
    repaired
}

/// The first and the last word of each word's subtree, by walking every word up to the root
/// (sentences are at most `MAX_CODED_WORDS` long); `None` for a parse with a cycle.
fn subtree_spans(tokens: &[DependencyToken]) -> Option<(Vec<usize>, Vec<usize>)> {
    let n = tokens.len();
    let head_of = |i: usize| tokens[i].head.filter(|&h| h < n && h != i);
    let mut first = (0..n).collect::<Vec<usize>>();
    let mut last = first.clone();
    for i in 0..n {
        let mut at = i;
        let mut steps = 0;
        while let Some(head) = head_of(at) {
            first[head] = first[head].min(i);
            last[head] = last[head].max(i);
            at = head;
            steps += 1;
            if steps > n {
                return None;
            }
        }
    }
    Some((first, last))
}

/// Repairs a parse that gives one head two clausal complements side by side (`ccomp` or
/// `xcomp`, which UD English EWT train never has twice on a head): "The Russian side expressed
/// readiness to continue | to assisting the restoration ..., the ministry said" hangs both
/// "expressed" and "assisting" on "said". The second, when it starts right where the first
/// one's words end, becomes a complement of the first one's last verb: `xcomp` when it is
/// marked by "to", else `ccomp`. Returns `None` when nothing needs repair.
fn join_split_clauses(tokens: &[DependencyToken]) -> Option<Vec<DependencyToken>> {
    let n = tokens.len();
    let head_of = |i: usize| tokens[i].head.filter(|&h| h < n && h != i);
    let (first, last) = subtree_spans(tokens)?;
    let is_complement = |i: usize| matches!(tokens[i].relation.as_str(), "ccomp" | "xcomp");
    let mut repaired: Option<Vec<DependencyToken>> = None;
    for second in 0..n {
        let Some(head) = head_of(second).filter(|_| is_complement(second)) else { continue };
        let touching = (0..second).rev().find(|&d| {
            head_of(d) == Some(head) && is_complement(d) && last[d] + 1 == first[second]
        });
        let Some(before) = touching else { continue };
        let Some(verb) = (first[before]..=last[before]).rev().find(|&w| tokens[w].upos == "VERB")
        else {
            continue;
        };
        let marked_by_to =
            (0..n).any(|c| head_of(c) == Some(second) && tokens[c].text.eq_ignore_ascii_case("to"));
        let out = repaired.get_or_insert_with(|| tokens.to_vec());
        out[second].head = Some(verb);
        out[second].relation = if marked_by_to { "xcomp" } else { "ccomp" }.to_string();
    }
    repaired
}

/// Repairs a parse that hangs a finite verb's subject on the phrase before it as an
/// apposition: "In a speech on his new Afghan strategy, US President Barack Obama said ..."
/// makes "Obama" an apposition of "strategy" and leaves "said" without a subject. A finite
/// verb with no subject, right after a comma-led apposition whose words end where the verb
/// begins, takes that apposition as its subject. Returns `None` when nothing needs repair.
fn subject_from_apposition(tokens: &[DependencyToken]) -> Option<Vec<DependencyToken>> {
    let n = tokens.len();
    let head_of = |i: usize| tokens[i].head.filter(|&h| h < n && h != i);
    let (first, last) = subtree_spans(tokens)?;
    let mut repaired: Option<Vec<DependencyToken>> = None;
    for verb in 1..n {
        if tokens[verb].upos != "VERB" {
            continue;
        }
        // The verb group starts at its first auxiliary ("Obama has said").
        let group_start = (0..verb)
            .filter(|&c| head_of(c) == Some(verb) && tokens[c].relation.starts_with("aux"))
            .min()
            .unwrap_or(verb);
        let finite = (group_start..=verb).any(|w| FINITE_TAGS.contains(&tokens[w].xpos.as_str()));
        let has_subject = (0..n).any(|c| {
            head_of(c) == Some(verb)
                && (tokens[c].relation.starts_with("nsubj") || tokens[c].relation == "expl")
        });
        if !finite || has_subject || group_start == 0 {
            continue;
        }
        let before = group_start - 1;
        // The comma may hang on the apposition or before its words.
        let comma_of = |a: usize| {
            if tokens[first[a]].text == "," {
                Some(first[a])
            } else {
                first[a].checked_sub(1).filter(|&c| tokens[c].text == ",")
            }
        };
        // A name the parser ran across the comma ("editor Andrew Marr, Mr Blair said": Blair
        // a `flat` part of Andrew) is such an apposition too: no name holds a comma.
        let apposition = (0..before + 1).find(|&a| {
            matches!(tokens[a].base_relation(), "appos" | "flat")
                && tokens[a].is_nominal()
                && last[a] == before
                && comma_of(a).is_some()
                && head_of(a).is_some_and(|h| h < a)
        });
        if let Some(subject) = apposition
            && let Some(comma) = comma_of(subject)
        {
            let out = repaired.get_or_insert_with(|| tokens.to_vec());
            out[subject].head = Some(verb);
            out[subject].relation = "nsubj".to_string();
            // The comma now ends the fronted phrase.
            out[comma].head = Some(verb);
        }
    }
    repaired
}

/// Builds the clause layer of one parsed sentence.
pub fn clause_layer(tokens: &[DependencyToken]) -> ClauseLayer {
    let clauses = join_split_clauses(tokens);
    let tokens = clauses.as_deref().unwrap_or(tokens);
    let repaired = join_split_noun_phrases(tokens);
    let tokens = repaired.as_deref().unwrap_or(tokens);
    let subjects = subject_from_apposition(tokens);
    let tokens = subjects.as_deref().unwrap_or(tokens);
    let mut children = vec![Vec::new(); tokens.len()];
    for (i, token) in tokens.iter().enumerate() {
        if let Some(head) = token.head.filter(|&h| h < tokens.len() && h != i) {
            children[head].push(i);
        }
    }
    let mut builder =
        Builder { tokens, children, owner: vec![None; tokens.len()], blocks: Vec::new() };
    // Units top-down: a head nearer the root claims its modifiers first.
    let mut order: Vec<usize> = (0..tokens.len()).collect();
    let depth = |mut i: usize| {
        let mut depth = 0;
        while let Some(head) = tokens[i].head.filter(|&h| h < tokens.len()) {
            depth += 1;
            i = head;
            if depth > tokens.len() {
                break;
            }
        }
        depth
    };
    order.sort_by_key(|&i| (depth(i), i));
    for &i in &order {
        let token = &tokens[i];
        let coordinated = token.base_relation() == "conj"
            && token.head.is_some_and(|h| h < tokens.len() && tokens[h].is_nominal());
        if token.is_nominal() && builder.owner[i].is_none() && !coordinated {
            builder.claim(i);
        }
    }
    // A coordinated nominal whose first conjunct went into another unit (noun-phrase flattening
    // took "India" into "talks between India", leaving "and Pakistan") is a unit of its own.
    for &i in &order {
        if tokens[i].is_nominal() && builder.owner[i].is_none() {
            builder.claim(i);
        }
    }
    // Verb phrases, outer (auxiliary) and inner (the verb itself), properly nested.
    let mut phrases: Vec<(usize, usize)> = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        if token.upos == "VERB" && builder.owner[i].is_none() {
            let (start, end) = builder.verb_range(i);
            if start < i {
                phrases.push((start, end));
            }
            phrases.push((i, end));
        }
    }
    phrases.sort_by_key(|&(start, end)| (start, std::cmp::Reverse(end)));
    emit(&builder, &phrases)
}

/// Words negated by a dependent `not`, `n't`, `never` or `no longer` (an `advmod` or `neg`
/// dependent), and verbs that FAIL governs ("failed to reach", "fails to meet": what failed
/// did not happen), so that events of that verb carry `negated`.
fn negated_heads(builder: &Builder<'_>) -> Vec<bool> {
    let tokens = builder.tokens;
    (0..tokens.len())
        .map(|i| {
            let failed = tokens[i].base_relation() == "xcomp"
                && tokens[i].head.is_some_and(|h| tokens[h].lemma.eq_ignore_ascii_case("fail"));
            failed
                || builder.children[i].iter().any(|&c| {
                    let child = &tokens[c];
                    matches!(child.base_relation(), "advmod" | "neg")
                        && matches!(
                            child.text.to_lowercase().as_str(),
                            "not" | "n't" | "never" | "nt"
                        )
                })
        })
        .collect()
}

fn emit(builder: &Builder<'_>, phrases: &[(usize, usize)]) -> ClauseLayer {
    let tokens = builder.tokens;
    let mut layer = ClauseLayer {
        lemmas: tokens.iter().map(|t| t.lemma.to_lowercase()).collect(),
        forms: tokens.iter().map(|t| t.text.to_string()).collect(),
        negated: negated_heads(builder),
        ..ClauseLayer::default()
    };
    let root = Label::Phrase("ROOT".to_string());
    let sentence = Label::Phrase("S".to_string());
    layer.tokens.push(Token::Begin(root.clone()));
    layer.tokens.push(Token::Begin(sentence.clone()));
    let mut open: Vec<(usize, Label)> = Vec::new(); // end token, label
    let mut next_phrase = 0;
    let mut verb_phrases = 0;
    let mut i = 0;
    let word = |w: usize| Token::Word { text: tokens[w].text.to_uppercase(), leaf: Some(w) };
    while i < tokens.len() {
        while next_phrase < phrases.len() && phrases[next_phrase].0 <= i {
            let (start, mut end) = phrases[next_phrase];
            next_phrase += 1;
            if start < i {
                continue;
            }
            if let Some(&(outer_end, _)) = open.last() {
                end = end.min(outer_end);
            }
            verb_phrases += 1;
            let label = Label::VerbPhrase(verb_phrases);
            layer.tokens.push(Token::Begin(label.clone()));
            open.push((end, label));
        }
        let last = match builder.owner[i] {
            Some(block) if *builder.blocks[block].range.start() == i => {
                let block = &builder.blocks[block];
                let compound = (block.members.len() > 1).then(|| {
                    layer.compounds.push(Compound::default());
                    layer.compounds.len() - 1
                });
                if let Some(c) = compound {
                    layer.tokens.push(Token::CompoundBegin(c));
                }
                for member in &block.members {
                    let unit = layer.units.len();
                    layer.tokens.push(Token::UnitBegin(unit));
                    layer.tokens.extend(member.iter().map(|&w| word(w)));
                    layer.tokens.push(Token::UnitEnd(unit));
                    layer.units.push(Unit {
                        words: member.iter().map(|&w| tokens[w].text.to_uppercase()).collect(),
                        leaves: member.iter().map(|&w| Some(w)).collect(),
                        compound,
                    });
                    if let Some(c) = compound {
                        layer.compounds[c].members.push(unit);
                    }
                }
                if let Some(c) = compound {
                    layer.tokens.push(Token::CompoundEnd(c));
                }
                *block.range.end()
            }
            _ => {
                let tag = tokens[i].tag();
                let label = if tag == "," { Label::Comma } else { Label::Tag(tag) };
                layer.tokens.push(Token::Begin(label.clone()));
                layer.tokens.push(word(i));
                layer.tokens.push(Token::End(label));
                i
            }
        };
        while open.last().is_some_and(|(end, _)| *end <= last) {
            if let Some((_, label)) = open.pop() {
                layer.tokens.push(Token::End(label));
            }
        }
        i = last + 1;
    }
    while let Some((_, label)) = open.pop() {
        layer.tokens.push(Token::End(label));
    }
    layer.tokens.push(Token::End(sentence));
    layer.tokens.push(Token::End(root));
    layer
}

#[cfg(test)]
mod tests {
    use super::*;

    /// "Eriador was strongly opposed by the Gondor government." in CoNLL-U (UD conventions).
    const PASSIVE: &str = "\
1\tEriador\tEriador\tPROPN\tNNP\t_\t4\tnsubj:pass\t_\t_
2\twas\tbe\tAUX\tVBD\t_\t4\taux:pass\t_\t_
3\tstrongly\tstrongly\tADV\tRB\t_\t4\tadvmod\t_\t_
4\topposed\toppose\tVERB\tVBN\t_\t0\troot\t_\t_
5\tby\tby\tADP\tIN\t_\t8\tcase\t_\t_
6\tthe\tthe\tDET\tDT\t_\t8\tdet\t_\t_
7\tGondor\tGondor\tPROPN\tNNP\t_\t8\tcompound\t_\t_
8\tgovernment\tgovernment\tNOUN\tNN\t_\t4\tobl\t_\t_
9\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_
";

    /// "The Danish media and government met a bunch of Orcs in Mordor."
    const COMPOUND: &str = "\
1\tThe\tthe\tDET\tDT\t_\t3\tdet\t_\t_
2\tDanish\tDanish\tADJ\tJJ\t_\t3\tamod\t_\t_
3\tmedia\tmedia\tNOUN\tNNS\t_\t6\tnsubj\t_\t_
4\tand\tand\tCCONJ\tCC\t_\t5\tcc\t_\t_
5\tgovernment\tgovernment\tNOUN\tNN\t_\t3\tconj\t_\t_
6\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_
7\ta\ta\tDET\tDT\t_\t8\tdet\t_\t_
8\tbunch\tbunch\tNOUN\tNN\t_\t6\tobj\t_\t_
9\tof\tof\tADP\tIN\t_\t10\tcase\t_\t_
10\tOrcs\tOrc\tPROPN\tNNPS\t_\t8\tnmod\t_\t_
11\tin\tin\tADP\tIN\t_\t12\tcase\t_\t_
12\tMordor\tMordor\tPROPN\tNNP\t_\t6\tobl\t_\t_
13\t.\t.\tPUNCT\t.\t_\t6\tpunct\t_\t_
";

    /// "Dagolath's President Telemar met Arnor, officials said." as a greedy parser splits it:
    /// the possessor and the named leader both subjects of "met", the aside's "officials" a
    /// second subject of "said" next to the "met" clause.
    const SPLIT_SUBJECT: &str = "\
1\tDagolath\tDagolath\tPROPN\tNNP\t_\t5\tnsubj\t_\t_
2\t's\t's\tPART\tPOS\t_\t1\tcase\t_\t_
3\tPresident\tPresident\tPROPN\tNNP\t_\t4\tcompound\t_\t_
4\tTelemar\tTelemar\tPROPN\tNNP\t_\t5\tnsubj\t_\t_
5\tmet\tmeet\tVERB\tVBD\t_\t10\tccomp\t_\t_
6\tArnor\tArnor\tPROPN\tNNP\t_\t5\tobj\t_\t_
7\t,\t,\tPUNCT\t,\t_\t5\tpunct\t_\t_
8\tofficials\tofficial\tNOUN\tNNS\t_\t10\tnsubj\t_\t_
9\tthen\tthen\tADV\tRB\t_\t10\tadvmod\t_\t_
10\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t_\t_
11\t.\t.\tPUNCT\t.\t_\t10\tpunct\t_\t_
";

    /// "Arnor expressed readiness to continue to assisting Gondor, officials said." with the
    /// second complement hung on "said" beside the first.
    const SPLIT_CLAUSE: &str = "\
1\tArnor\tArnor\tPROPN\tNNP\t_\t2\tnsubj\t_\t_
2\texpressed\texpress\tVERB\tVBD\t_\t11\tccomp\t_\t_
3\treadiness\treadiness\tNOUN\tNN\t_\t2\tobj\t_\t_
4\tto\tto\tPART\tTO\t_\t5\tmark\t_\t_
5\tcontinue\tcontinue\tVERB\tVB\t_\t2\txcomp\t_\t_
6\tto\tto\tSCONJ\tIN\t_\t7\tmark\t_\t_
7\tassisting\tassist\tVERB\tVBG\t_\t11\tccomp\t_\t_
8\tGondor\tGondor\tPROPN\tNNP\t_\t7\tobj\t_\t_
9\t,\t,\tPUNCT\t,\t_\t11\tpunct\t_\t_
10\tofficials\tofficial\tNOUN\tNNS\t_\t11\tnsubj\t_\t_
11\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t_\t_
12\t.\t.\tPUNCT\t.\t_\t11\tpunct\t_\t_
";

    #[test]
    fn a_second_touching_complement_belongs_to_the_first_ones_last_verb() {
        let tokens = read_conllu_sentence(SPLIT_CLAUSE);
        let repaired = join_split_clauses(&tokens).expect("the split clause is repaired");
        assert_eq!((repaired[6].head, repaired[6].relation.as_str()), (Some(4), "xcomp"));
        let unchanged: Vec<_> = (0..12).filter(|&i| i != 6).collect();
        assert!(unchanged.iter().all(|&i| repaired[i] == tokens[i]));
        // One complement per head already: nothing to repair.
        assert!(join_split_clauses(&repaired).is_none());
        assert!(join_split_clauses(&read_conllu_sentence(PASSIVE)).is_none());
    }

    #[test]
    fn a_verb_without_subject_takes_the_apposition_before_it() {
        // "In a speech on his strategy, President Arnor said so." with "Arnor" hung on
        // "strategy" as an apposition.
        let text = "\
1\tIn\tin\tADP\tIN\t_\t3\tcase\t_\t_
2\ta\ta\tDET\tDT\t_\t3\tdet\t_\t_
3\tspeech\tspeech\tNOUN\tNN\t_\t11\tobl\t_\t_
4\ton\ton\tADP\tIN\t_\t6\tcase\t_\t_
5\this\this\tPRON\tPRP$\t_\t6\tnmod:poss\t_\t_
6\tstrategy\tstrategy\tNOUN\tNN\t_\t3\tnmod\t_\t_
7\t,\t,\tPUNCT\t,\t_\t9\tpunct\t_\t_
8\tPresident\tPresident\tPROPN\tNNP\t_\t9\tcompound\t_\t_
9\tArnor\tArnor\tPROPN\tNNP\t_\t6\tappos\t_\t_
10\tthen\tthen\tADV\tRB\t_\t11\tadvmod\t_\t_
11\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t_\t_
12\tso\tso\tADV\tRB\t_\t11\tadvmod\t_\t_
13\t.\t.\tPUNCT\t.\t_\t11\tpunct\t_\t_
";
        // An adverb between them: no repair (the apposition's words must end at the verb).
        assert!(subject_from_apposition(&read_conllu_sentence(text)).is_none());
        let adjacent = text.replace(
            "10\tthen\tthen\tADV\tRB\t_\t11\tadvmod",
            "10\tthen\tthen\tADV\tRB\t_\t9\tadvmod",
        );
        let repaired = subject_from_apposition(&read_conllu_sentence(&adjacent)).expect("repaired");
        assert_eq!((repaired[8].head, repaired[8].relation.as_str()), (Some(10), "nsubj"));
        assert_eq!(repaired[6].head, Some(10));
        let rendered = clause_layer(&read_conllu_sentence(&adjacent)).render();
        assert!(
            rendered.contains("[ HIS STRATEGY ] (, , ~, [ PRESIDENT ARNOR ] (RB THEN ~RB (VP1"),
            "{rendered}"
        );
        // A verb with a subject keeps it.
        let subject = adjacent.replace(
            "5\this\this\tPRON\tPRP$\t_\t6\tnmod:poss",
            "5\this\this\tPRON\tPRP$\t_\t11\tnsubj",
        );
        assert!(subject_from_apposition(&read_conllu_sentence(&subject)).is_none());
        // A name the parser ran across the comma as a `flat` part of the name before it.
        let flat = adjacent
            .replace("6\tstrategy\tstrategy\tNOUN\tNN", "6\tGondor\tGondor\tPROPN\tNNP")
            .replace(
                "9\tArnor\tArnor\tPROPN\tNNP\t_\t6\tappos",
                "9\tArnor\tArnor\tPROPN\tNNP\t_\t6\tflat",
            );
        let repaired = subject_from_apposition(&read_conllu_sentence(&flat)).expect("repaired");
        assert_eq!((repaired[8].head, repaired[8].relation.as_str()), (Some(10), "nsubj"));
    }

    #[test]
    fn touching_subjects_of_one_verb_are_one_noun_phrase_but_a_clause_is_not() {
        let tokens = read_conllu_sentence(SPLIT_SUBJECT);
        let repaired = join_split_noun_phrases(&tokens).expect("the split subject is repaired");
        assert_eq!((repaired[0].head, repaired[0].relation.as_str()), (Some(3), "nmod:poss"));
        // "met" is a clause, not a noun phrase: "officials" keeps its own relation.
        assert_eq!((repaired[7].head, repaired[7].relation.as_str()), (Some(9), "nsubj"));
        // Without the possessive the two are one unit, as a Treebank parse has them.
        let bree = SPLIT_SUBJECT.replacen("1\tDagolath\tDagolath", "1\tBree\tBree", 1);
        let tokens: Vec<DependencyToken> = read_conllu_sentence(&bree)
            .into_iter()
            .enumerate()
            .map(|(i, mut t)| {
                if i == 1 {
                    // `'s` becomes the compound's second word.
                    (t.text, t.upos, t.xpos, t.relation) =
                        ("North".into(), "PROPN".into(), "NNP".into(), "flat".into());
                }
                t
            })
            .collect();
        let layer = clause_layer(&tokens);
        assert!(layer.is_balanced());
        let rendered = layer.render();
        assert!(rendered.starts_with("(ROOT (S [ BREE NORTH PRESIDENT TELEMAR ] "), "{rendered}");
        assert!(rendered.contains("[ ARNOR ] ~VP1 (, , ~, [ OFFICIALS ] "), "{rendered}");
        assert!(join_split_noun_phrases(&read_conllu_sentence(PASSIVE)).is_none());
        // An article opens a phrase of its own: "told Labour members the Tories offered ...".
        let told = "\
1\tBlair\tBlair\tPROPN\tNNP\t_\t2\tnsubj\t_\t_
2\ttold\ttell\tVERB\tVBD\t_\t0\troot\t_\t_
3\tLabour\tLabour\tPROPN\tNNP\t_\t4\tcompound\t_\t_
4\tmembers\tmember\tNOUN\tNNS\t_\t2\tobj\t_\t_
5\tthe\tthe\tDET\tDT\t_\t6\tdet\t_\t_
6\tTories\tTory\tPROPN\tNNPS\t_\t2\tobj\t_\t_
7\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_
";
        let joined = join_split_noun_phrases(&read_conllu_sentence(told));
        assert!(joined.is_none(), "{joined:?}");
    }

    #[test]
    fn auxiliary_opens_an_outer_verb_phrase_and_prepositions_stay_outside_units() {
        let layer = clause_layer(&read_conllu_sentence(PASSIVE));
        assert!(layer.is_balanced());
        assert_eq!(
            layer.render(),
            "(ROOT (S [ ERIADOR ] (VP1 (VBD WAS ~VBD (RB STRONGLY ~RB (VP2 (VBN OPPOSED ~VBN \
             (IN BY ~IN [ THE GONDOR GOVERNMENT ] ~VP2 ~VP1 (. . ~. ~S ~ROOT"
        );
    }

    #[test]
    fn coordinated_nominals_form_a_compound_and_a_single_modifier_flattens() {
        let layer = clause_layer(&read_conllu_sentence(COMPOUND));
        assert!(layer.is_balanced());
        assert_eq!(
            layer.render(),
            "(ROOT (S { [ THE DANISH MEDIA ] [ THE DANISH GOVERNMENT ] } (VP1 (VBD MET ~VBD \
             [ A BUNCH OF ORCS ] (IN IN ~IN [ MORDOR ] ~VP1 (. . ~. ~S ~ROOT"
        );
        assert_eq!(layer.compounds[0].members, vec![0, 1]);
        // A member with a determiner of its own takes none of the first one's words (here the
        // "and" becomes that determiner, to keep the numbering).
        let own = COMPOUND.replacen(
            "4\tand\tand\tCCONJ\tCC\t_\t5\tcc\t_\t_",
            "4\tthe\tthe\tDET\tDT\t_\t5\tdet\t_\t_",
            1,
        );
        let rendered = clause_layer(&read_conllu_sentence(&own)).render();
        assert!(rendered.contains("{ [ THE DANISH MEDIA ] [ THE GOVERNMENT ] }"), "{rendered}");
    }

    #[test]
    fn the_engine_codes_dependency_layers() {
        use dyad_dictionaries::{Dictionaries, petrarch};

        use crate::engine::{Lexicon, code_sentence};
        use crate::records::CodingOptions;

        let dictionaries = Dictionaries {
            verbs: petrarch::read_petrarch1_verbs(
                "v.txt",
                "--- OPPOSE [112] ---\nOPPOSE\n\n--- MEET [031:032] ---\nMEET {MET}\n",
            )
            .0,
            actors: petrarch::read_actors(
                "a.txt",
                "ERIADOR [ERI]\nGONDOR [GON]\nMORDOR [MOR]\nDENMARK [DNK]\n+DANISH\nEND [END]\n",
            )
            .0,
            agents: petrarch::read_agents("g.txt", "GOVERNMENT [~GOV]\nMEDIA {} [~MED]\n").0,
            ..Dictionaries::default()
        };
        let lexicon = Lexicon::new(&dictionaries);
        let code = |conllu: &str| {
            let layer = clause_layer(&read_conllu_sentence(conllu));
            let coding = code_sentence(&lexicon, &layer, &CodingOptions::default(), None).unwrap();
            let mut events: Vec<String> =
                coding.events.iter().map(|e| e.triple.to_string()).collect();
            events.sort();
            events
        };
        assert_eq!(code(PASSIVE), ["GONGOV ERI 112"]);
        assert_eq!(
            code(COMPOUND),
            ["DNKGOV MOR 031", "DNKMED MOR 031", "MOR DNKGOV 032", "MOR DNKMED 032"]
        );
    }
}
