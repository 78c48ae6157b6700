//! The lexicon file: its entries, how a file is read and checked, and how a user's
//! lexicon extends the built-in one.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use super::check::{check_file, name_key, CheckedEntry, EntryKind};
use super::{Entries, EntryId, FoldMap, Lexicon, Names};

/// One lexicon entry, as written in `data/lexicon/*.toml` or a user's file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Canonical name.
    pub name: String,
    /// Technology or organisation.
    pub kind: EntryKind,
    /// language, implementation, library, framework, tool, service, company, ...
    pub category: String,
    /// Other spellings.
    pub aliases: Vec<String>,
    /// `insensitive` (default) or `sensitive`.
    pub case: Option<String>,
    /// The name is also an ordinary word: link only when the context confirms it.
    pub ambiguous: bool,
    /// Whether a misspelling of a name is linked (`typos = false` turns it off).
    pub typos: bool,
    /// With `ambiguous`: only code (a code span, an install or import line) or a clue
    /// word confirms it, not a capital mid-sentence or a technology nearby.
    pub strict: bool,
    /// Words that, near an ambiguous name, confirm it.
    pub clues: Vec<String>,
    /// Canonical name of the organisation behind it.
    pub org: Option<String>,
    /// Home page URL.
    pub homepage: Option<String>,
    /// PyPI project name.
    pub pypi: Option<String>,
    /// npm package name.
    pub npm: Option<String>,
    /// Wikidata id (`Q28865`).
    pub wikidata: Option<String>,
    /// With `ambiguous`: the languages a name of it is an ordinary word of, a bit
    /// each (en, de, fr, es, it, pt, nl, pl, lowest first), when the word frequencies
    /// made it ambiguous (`data/sources/hand-words.tsv`): it needs context only in text
    /// of those (`vite` in French, not `built with vite`). 0: in any text.
    pub word_in: u8,
}

impl Entry {
    /// Whether names must match with the case as written.
    pub fn is_case_sensitive(&self) -> bool {
        self.case.as_deref() == Some("sensitive")
    }

    /// The canonical name, then every alias.
    pub fn names(&self) -> impl Iterator<Item = &str> + '_ {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

/// A malformed lexicon file.
#[derive(Debug, thiserror::Error)]
#[error("{origin}:{line}:{column}: {message}")]
pub struct LexiconError {
    /// The file.
    pub origin: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

/// Where an entry's names were written: (line, column) of the name, then of each alias.
#[derive(Debug, Clone, Default)]
pub(super) struct Places {
    pub(super) name: (usize, usize),
    pub(super) aliases: Vec<(usize, usize)>,
}

impl Lexicon {
    /// Parses a lexicon file; `origin` names it in errors. Rejects unknown fields,
    /// unknown `kind` or `case` values, empty names and a name or alias given to two
    /// entries (the error points at the second).
    pub fn from_toml(text: &str, origin: &str) -> Result<Lexicon, LexiconError> {
        let err = |(line, column): (usize, usize), message: String| LexiconError {
            origin: origin.to_string(),
            line,
            column,
            message,
        };
        let checked = check_file(text).map_err(|e| err((e.line, e.column), e.message))?;
        let mut entries: Vec<Entry> = Vec::with_capacity(checked.len());
        let mut places = Vec::with_capacity(checked.len());
        let mut keys: HashMap<String, EntryId> = HashMap::new();
        for c in checked {
            let id = entries.len() as EntryId;
            let at = Places { name: c.name_at, aliases: c.aliases_at.clone() };
            for (n, &at) in
                std::iter::once(&c.name).chain(&c.aliases).zip(std::iter::once(&c.name_at).chain(&c.aliases_at))
            {
                let key = name_key(n);
                match keys.get(&key) {
                    Some(&other) if other != id => {
                        return Err(err(
                            at,
                            format!(
                                "{n:?} is already a name of {:?}; a name or alias may belong to one entry only",
                                entries[other as usize].name
                            ),
                        ))
                    }
                    Some(_) => {}
                    None => {
                        keys.insert(key, id);
                    }
                }
            }
            entries.push(Entry::from(c));
            places.push(at);
        }
        let mut lex = Lexicon {
            entries: Entries::Owned(entries),
            places,
            origin: origin.into(),
            names: Names::Builtin,
            matcher: OnceLock::new(),
        };
        lex.reindex();
        Ok(lex)
    }

    /// The entries, to change: the built-in ones are read in full first, and looked
    /// up in maps from then on.
    fn entries_mut(&mut self) -> &mut Vec<Entry> {
        if let Entries::Builtin { .. } = self.entries {
            self.entries = Entries::Owned(self.entries().to_vec());
            self.places.resize(self.entries().len(), Places::default());
            self.reindex();
        }
        match &mut self.entries {
            Entries::Owned(v) => v,
            Entries::Builtin { .. } => unreachable!("made owned above"),
        }
    }

    /// Builds the maps from names and package names to entries, and drops the
    /// matcher (rebuilt on first use).
    fn reindex(&mut self) {
        let entries = self.entries();
        let mut keys = FoldMap::default();
        let mut pypi = FoldMap::default();
        // Sized once: growing a map of 30,000 names rehashes it a dozen times.
        keys.reserve(entries.iter().map(|e| 1 + e.aliases.len()).sum());
        pypi.reserve(entries.iter().filter(|e| e.pypi.is_some() || e.npm.is_some()).count());
        for (id, e) in entries.iter().enumerate() {
            for n in e.names() {
                keys.entry(name_key(n)).or_insert(id as EntryId);
            }
        }
        for (id, e) in entries.iter().enumerate() {
            for p in e.pypi.iter().chain(&e.npm) {
                pypi.entry(p.to_lowercase()).or_insert(id as EntryId);
            }
        }
        self.names = Names::Maps { keys, pypi };
        self.matcher = OnceLock::new();
    }

    /// Adds the entries of `other` (a user lexicon). An entry with the canonical name
    /// of an existing one replaces it, keeping its aliases and adding the new ones; a
    /// new name or alias that another entry had as an alias moves to the new entry.
    /// A name or alias that is another entry's canonical name is an error naming both.
    pub fn extend(&mut self, other: Lexicon) -> Result<(), LexiconError> {
        self.entries_mut();
        let theirs = other.entries().to_vec();
        for (i, mut e) in theirs.into_iter().enumerate() {
            let places = other.places.get(i).cloned().unwrap_or_default();
            let name_k = name_key(&e.name);
            let target = self.key(&name_k).filter(|&id| name_key(&self.entry(id).name) == name_k);
            for (n, at) in std::iter::once((&e.name, places.name))
                .chain(e.aliases.iter().zip(places.aliases.iter().copied().chain(std::iter::repeat((1, 1)))))
            {
                let k = name_key(n);
                if let Some(id) = self.key(&k) {
                    let owner = self.entry(id);
                    if Some(id) != target && name_key(&owner.name) == k {
                        return Err(LexiconError {
                            origin: other.origin.to_string(),
                            line: at.0,
                            column: at.1,
                            message: format!(
                                "{n:?} (in entry {:?}) is the name of another entry, {:?}",
                                e.name, owner.name
                            ),
                        });
                    }
                }
            }
            let id = match target {
                Some(id) => {
                    let old = self.entry(id);
                    let mut seen: HashSet<String> = e.names().map(name_key).collect();
                    let kept: Vec<String> = old.aliases.iter().filter(|a| seen.insert(name_key(a))).cloned().collect();
                    e.aliases.extend(kept);
                    self.entries_mut()[id as usize] = e;
                    self.places[id as usize] = places;
                    id
                }
                None => {
                    self.entries_mut().push(e);
                    self.places.push(places);
                    (self.entries().len() - 1) as EntryId
                }
            };
            // Names of the new entry leave every other entry's aliases.
            let mine: HashSet<String> = self.entry(id).names().map(name_key).collect();
            for (j, other_e) in self.entries_mut().iter_mut().enumerate() {
                if j as EntryId != id {
                    other_e.aliases.retain(|a| !mine.contains(&name_key(a)));
                }
            }
            self.reindex();
        }
        Ok(())
    }
}

impl From<CheckedEntry> for Entry {
    fn from(c: CheckedEntry) -> Entry {
        Entry {
            name: c.name,
            kind: c.kind,
            category: c.category,
            aliases: c.aliases,
            case: c.case_sensitive.then(|| "sensitive".to_string()),
            ambiguous: c.ambiguous,
            typos: c.typos,
            strict: c.strict,
            clues: c.clues,
            org: c.org,
            homepage: c.homepage,
            pypi: c.pypi,
            npm: c.npm,
            wikidata: c.wikidata,
            word_in: 0,
        }
    }
}
