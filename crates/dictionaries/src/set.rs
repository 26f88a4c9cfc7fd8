//! A dictionary set: every kind of entry from one folder of files, and its counts.

use dyad_model::{Date, Diagnostic, Severity};

use crate::model::{Actor, Agent, DatedCode, Discard, Genre, Issue, VerbBlock, VerbDictionary};
use crate::petrarch::{self, FileRole};

/// Everything a coder needs from dictionaries, in file order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Dictionaries {
    /// Actors (one per primary line / `actor` entry).
    pub actors: Vec<Actor>,
    /// Agents (one per agent line / `agent` entry).
    pub agents: Vec<Agent>,
    /// Verbs, synsets, patterns, transformations.
    pub verbs: VerbDictionary,
    /// dyad `noun` and `state` entries (nominal events; see [`VerbBlock::state`]); they use the
    /// verbs' synsets.
    pub nouns: Vec<VerbBlock>,
    /// Discards (sentence and story level).
    pub discards: Vec<Discard>,
    /// Story genres that are not coded (dyad `discard-genre` entries).
    pub genres: Vec<Genre>,
    /// Issues and ignore phrases.
    pub issues: Vec<Issue>,
    /// The files read, in order, with what the reader took them for.
    pub files: Vec<FileInfo>,
}

/// One file of a set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileInfo {
    /// The name given to the reader.
    pub name: String,
    /// What it held (`None` when the name said nothing and the file was skipped).
    pub role: Option<FileRole>,
    /// dyad header `@key value` pairs (empty for PETRARCH files).
    pub header: Vec<(String, String)>,
}

/// How many entries of each kind a set holds (the `dyad dict check --json` figures).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Pattern lines.
    pub verb_patterns: usize,
    /// Verb lines (PETRARCH) or lemmas (dyad).
    pub verbs: usize,
    /// Synsets.
    pub synsets: usize,
    /// Actor entries (primary lines).
    pub actors: usize,
    /// Actor phrases beyond the primary (`+` lines, extra `|` phrases).
    pub actor_synonyms: usize,
    /// Agent entries.
    pub agents: usize,
    /// Discard entries (both levels).
    pub discards: usize,
    /// Genre phrases (`discard-genre` entries count one per phrase).
    pub genre_phrases: usize,
    /// Issue entries with a code (`~` ignore phrases are not counted).
    pub issues: usize,
    /// Diagnostics of severity error.
    pub errors: usize,
}

impl Dictionaries {
    /// The counts of this set; `diagnostics` supplies the error count.
    pub fn counts(&self, diagnostics: &[Diagnostic]) -> Counts {
        Counts {
            verb_patterns: self.verbs.pattern_count()
                + self.nouns.iter().map(|n| n.patterns.len()).sum::<usize>(),
            verbs: self.verbs.verb_count(),
            synsets: self.verbs.synsets.len(),
            actors: self.actors.len(),
            actor_synonyms: self.actors.iter().map(|a| a.phrases.len().saturating_sub(1)).sum(),
            agents: self.agents.len(),
            discards: self.discards.len(),
            genre_phrases: self.genres.iter().map(|g| g.phrases.len()).sum(),
            issues: self
                .issues
                .iter()
                .filter(|i| matches!(i.kind, crate::model::IssueKind::Topic(_)))
                .count(),
            errors: diagnostics.iter().filter(|d| d.severity == Severity::Error).count(),
        }
    }

    /// Appends another set (files are read one by one and merged in order).
    pub fn extend(&mut self, other: Dictionaries) {
        self.actors.extend(other.actors);
        self.agents.extend(other.agents);
        self.verbs.extend(other.verbs);
        self.nouns.extend(other.nouns);
        self.discards.extend(other.discards);
        for genre in other.genres {
            match self.genres.iter_mut().find(|g| g.name == genre.name) {
                Some(known) => {
                    known.phrases.extend(genre.phrases);
                    known.unless.extend(genre.unless);
                }
                None => self.genres.push(genre),
            }
        }
        self.issues.extend(other.issues);
        self.files.extend(other.files);
    }

    /// Reads one PETRARCH file whose role is given by its name (see [`FileRole::from_name`]);
    /// a file whose name fits no role is recorded with role `None` and otherwise ignored.
    pub fn read_petrarch_file(name: &str, text: &str) -> (Dictionaries, Vec<Diagnostic>) {
        let role = FileRole::from_name(name);
        let mut set = Dictionaries {
            files: vec![FileInfo { name: name.to_string(), role, header: Vec::new() }],
            ..Dictionaries::default()
        };
        let diagnostics = match role {
            Some(FileRole::Verbs) => {
                let (verbs, diagnostics) = petrarch::read_verbs(name, text);
                set.verbs = verbs;
                diagnostics
            }
            Some(FileRole::Actors) => {
                let (actors, diagnostics) = petrarch::read_actors(name, text);
                set.actors = actors;
                diagnostics
            }
            Some(FileRole::Agents) => {
                let (agents, diagnostics) = petrarch::read_agents(name, text);
                set.agents = agents;
                diagnostics
            }
            Some(FileRole::Discards) => {
                let (discards, diagnostics) = petrarch::read_discards(name, text);
                set.discards = discards;
                diagnostics
            }
            Some(FileRole::Issues) => {
                let (issues, diagnostics) = petrarch::read_issues(name, text);
                set.issues = issues;
                diagnostics
            }
            None => Vec::new(),
        };
        (set, diagnostics)
    }

    /// Reads a PETRARCH set (`--dictionaries petrarch:DIR`) from `(file name, text)` pairs, in the
    /// order given (callers pass files sorted by name).
    pub fn read_petrarch<'a>(
        files: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> (Dictionaries, Vec<Diagnostic>) {
        // Files are independent: read them on scoped threads, then merge in the order given.
        let files: Vec<(&str, &str)> = files.into_iter().collect();
        let results: Vec<(Dictionaries, Vec<Diagnostic>)> = std::thread::scope(|scope| {
            let handles: Vec<_> = files
                .iter()
                .map(|&(name, text)| {
                    scope.spawn(move || Dictionaries::read_petrarch_file(name, text))
                })
                .collect();
            handles
                .into_iter()
                .zip(&files)
                .map(|(handle, _)| match handle.join() {
                    Ok(result) => result,
                    // A panicking reader is a bug: pass the panic on unchanged.
                    Err(panic) => std::panic::resume_unwind(panic),
                })
                .collect()
        });
        let mut set = Dictionaries::default();
        let mut diagnostics = Vec::new();
        for (one, found) in results {
            set.extend(one);
            diagnostics.extend(found);
        }
        (set, diagnostics)
    }

    /// Reads a set in dyad's own format from `(file name, text)` pairs (callers pass the
    /// `*.dyad` files of a folder sorted by name), then checks that every synset a pattern uses
    /// is defined somewhere in the set.
    pub fn read_dyad<'a>(
        files: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> (Dictionaries, Vec<Diagnostic>) {
        let mut set = Dictionaries::default();
        let mut diagnostics = Vec::new();
        for (name, text) in files {
            let (one, found) = crate::dyad_format::read_dyad_file(name, text);
            set.extend(one);
            diagnostics.extend(found);
        }
        diagnostics.extend(crate::dyad_format::check_synset_references(&set.verbs, &set.nouns));
        (set, diagnostics)
    }

    /// The codes of the actor entries `entries` (indexes into `actors`), concatenated in the
    /// order given. PETRARCH sets repeat primaries (CROATIA) and the repeats accumulate codes.
    pub fn codes_of_all<'a>(&'a self, entries: &[usize]) -> Vec<&'a DatedCode> {
        entries.iter().filter_map(|&i| self.actors.get(i)).flat_map(|a| a.codes.iter()).collect()
    }

    /// Resolves the code of several actor entries that matched the same phrase: their code
    /// lists are concatenated in file order and resolved as one (see
    /// [`crate::model::resolve_code`]).
    pub fn resolve_actor_code(&self, entries: &[usize], date: Option<Date>) -> Option<&DatedCode> {
        let codes = self.codes_of_all(entries);
        if let Some(date) = date
            && let Some(hit) = codes.iter().find(|c| c.range.is_some_and(|r| r.contains(date)))
        {
            return Some(hit);
        }
        codes.into_iter().rev().find(|c| c.range.is_none())
    }
}
