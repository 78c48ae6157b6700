//! The lexicon file: its entries, how a file is read and checked, and how a user's
//! lexicon extends the built-in one.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use serde::Deserialize;
use toml::Spanned;

use super::{EntryId, Lexicon};

/// Technology or organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntryKind {
    /// Software, language, format, concept...
    Technology,
    /// Company, foundation, community, conference.
    Organization,
}

/// One lexicon entry, as written in `data/lexicon.toml`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// Canonical name.
    pub name: String,
    /// Technology or organisation.
    pub kind: EntryKind,
    /// language, implementation, library, framework, tool, service, company, ...
    pub category: String,
    /// Other spellings.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// `insensitive` (default) or `sensitive`.
    #[serde(default)]
    pub case: Option<String>,
    /// The name is also an ordinary word: link only when the context confirms it.
    #[serde(default)]
    pub ambiguous: bool,
    /// Words that, near an ambiguous name, confirm it.
    #[serde(default)]
    pub clues: Vec<String>,
    /// Canonical name of the organisation behind it.
    #[serde(default)]
    pub org: Option<String>,
    /// Home page URL.
    #[serde(default)]
    pub homepage: Option<String>,
    /// PyPI project name.
    #[serde(default)]
    pub pypi: Option<String>,
    /// Wikidata id (`Q28865`).
    #[serde(default)]
    pub wikidata: Option<String>,
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

/// An entry as read, with where each name was written (for error messages).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawEntry {
    pub(super) name: Spanned<String>,
    pub(super) kind: EntryKind,
    pub(super) category: String,
    #[serde(default)]
    pub(super) aliases: Vec<Spanned<String>>,
    #[serde(default)]
    pub(super) case: Option<Spanned<String>>,
    #[serde(default)]
    pub(super) ambiguous: bool,
    #[serde(default)]
    pub(super) clues: Vec<String>,
    #[serde(default)]
    pub(super) org: Option<String>,
    #[serde(default)]
    pub(super) homepage: Option<String>,
    #[serde(default)]
    pub(super) pypi: Option<String>,
    #[serde(default)]
    pub(super) wikidata: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct LexiconFile {
    #[serde(default)]
    pub(super) entry: Vec<RawEntry>,
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

/// The form names are compared in: lower case, runs of white space as one space.
pub fn name_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(w.chars().flat_map(char::to_lowercase));
    }
    out
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
        let file: LexiconFile = toml::from_str(text).map_err(|e| {
            let at = e.span().map(|s| line_col(text, s.start)).unwrap_or((1, 1));
            err(at, e.message().trim().to_string())
        })?;
        let lines = Lines::new(text);
        let line_col = |offset: usize| lines.line_col(offset);
        let mut lex = Lexicon {
            entries: Vec::with_capacity(file.entry.len()),
            places: Vec::with_capacity(file.entry.len()),
            origin: origin.into(),
            keys: HashMap::new(),
            pypi: HashMap::new(),
            matcher: OnceLock::new(),
        };
        for raw in file.entry {
            let id = lex.entries.len() as EntryId;
            if let Some(case) = &raw.case {
                if !matches!(case.get_ref().as_str(), "sensitive" | "insensitive") {
                    return Err(err(
                        line_col(case.span().start),
                        format!("unknown case {:?}: expected \"sensitive\" or \"insensitive\"", case.get_ref()),
                    ));
                }
            }
            let places = Places {
                name: line_col(raw.name.span().start),
                aliases: raw.aliases.iter().map(|a| line_col(a.span().start)).collect(),
            };
            for n in std::iter::once(&raw.name).chain(&raw.aliases) {
                let key = name_key(n.get_ref());
                let at = line_col(n.span().start);
                if key.is_empty() {
                    return Err(err(at, "empty name".to_string()));
                }
                match lex.keys.get(&key) {
                    Some(&other) if other != id => {
                        return Err(err(
                            at,
                            format!(
                                "{:?} is already a name of {:?}; a name or alias may belong to one entry only",
                                n.get_ref(),
                                lex.entries[other as usize].name
                            ),
                        ))
                    }
                    Some(_) => {}
                    None => {
                        lex.keys.insert(key, id);
                    }
                }
            }
            lex.entries.push(Entry {
                name: raw.name.into_inner(),
                kind: raw.kind,
                category: raw.category,
                aliases: raw.aliases.into_iter().map(Spanned::into_inner).collect(),
                case: raw.case.map(Spanned::into_inner),
                ambiguous: raw.ambiguous,
                clues: raw.clues,
                org: raw.org,
                homepage: raw.homepage,
                pypi: raw.pypi,
                wikidata: raw.wikidata,
            });
            lex.places.push(places);
        }
        lex.reindex();
        Ok(lex)
    }

    pub(super) fn reindex(&mut self) {
        self.keys.clear();
        self.pypi.clear();
        for (id, e) in self.entries.iter().enumerate() {
            for n in e.names() {
                self.keys.entry(name_key(n)).or_insert(id as EntryId);
            }
        }
        for (id, e) in self.entries.iter().enumerate() {
            if let Some(p) = &e.pypi {
                self.pypi.entry(p.to_lowercase()).or_insert(id as EntryId);
            }
        }
        self.matcher = OnceLock::new();
    }

    /// Adds the entries of `other` (a user lexicon). An entry with the canonical name
    /// of an existing one replaces it, keeping its aliases and adding the new ones; a
    /// new name or alias that another entry had as an alias moves to the new entry.
    /// A name or alias that is another entry's canonical name is an error naming both.
    pub fn extend(&mut self, other: Lexicon) -> Result<(), LexiconError> {
        for (i, mut e) in other.entries.into_iter().enumerate() {
            let places = other.places.get(i).cloned().unwrap_or_default();
            let name_k = name_key(&e.name);
            let target =
                self.keys.get(&name_k).copied().filter(|&id| name_key(&self.entries[id as usize].name) == name_k);
            for (n, at) in std::iter::once((&e.name, places.name))
                .chain(e.aliases.iter().zip(places.aliases.iter().copied().chain(std::iter::repeat((1, 1)))))
            {
                let k = name_key(n);
                if let Some(&id) = self.keys.get(&k) {
                    let owner = &self.entries[id as usize];
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
                    let old = &self.entries[id as usize];
                    let mut seen: HashSet<String> = e.names().map(name_key).collect();
                    let kept: Vec<String> = old.aliases.iter().filter(|a| seen.insert(name_key(a))).cloned().collect();
                    e.aliases.extend(kept);
                    self.entries[id as usize] = e;
                    self.places[id as usize] = places;
                    id
                }
                None => {
                    self.entries.push(e);
                    self.places.push(places);
                    (self.entries.len() - 1) as EntryId
                }
            };
            // Names of the new entry leave every other entry's aliases.
            let mine: HashSet<String> = self.entries[id as usize].names().map(name_key).collect();
            for (j, other_e) in self.entries.iter_mut().enumerate() {
                if j as EntryId != id {
                    other_e.aliases.retain(|a| !mine.contains(&name_key(a)));
                }
            }
            self.reindex();
        }
        Ok(())
    }
}

/// 1-based line and column (in characters) of byte `offset` of `text`.
pub(super) fn line_col(text: &str, offset: usize) -> (usize, usize) {
    Lines::new(text).line_col(offset)
}

/// Where the lines of a text start, to turn many offsets into lines and columns.
pub(super) struct Lines<'a> {
    pub(super) text: &'a str,
    pub(super) starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    pub(super) fn new(text: &'a str) -> Lines<'a> {
        let starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        Lines { text, starts }
    }

    pub(super) fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        let col = self.text.get(start..offset).map_or(offset - start, |s| s.chars().count());
        (line, col + 1)
    }
}
