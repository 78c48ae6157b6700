//! The lexicon of technologies and organisations: loading it (built-in
//! `data/lexicon.toml`, plus a user's file) and finding its names in text.
//!
//! PLACEHOLDER matcher: case-insensitive substring search on word boundaries; the
//! real one (aho-corasick, typos, ambiguity) replaces it.

use std::sync::OnceLock;

use serde::Deserialize;

use super::{Mention, NearMiss, Rule, Target};

/// Index of an entry in its [`Lexicon`].
pub type EntryId = u32;

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
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LexiconFile {
    #[serde(default)]
    entry: Vec<Entry>,
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

/// Technologies and organisations, with their names ready for matching.
#[derive(Debug, Clone)]
pub struct Lexicon {
    entries: Vec<Entry>,
}

const BUILTIN: &str = include_str!("../../data/lexicon.toml");

impl Lexicon {
    /// The lexicon compiled into the binary.
    pub fn builtin() -> &'static Lexicon {
        static L: OnceLock<Lexicon> = OnceLock::new();
        L.get_or_init(|| {
            Lexicon::from_toml(BUILTIN, "data/lexicon.toml").expect("the built-in lexicon is checked by a unit test")
        })
    }

    /// Parses a lexicon file; `origin` names it in errors.
    pub fn from_toml(text: &str, origin: &str) -> Result<Lexicon, LexiconError> {
        let file: LexiconFile = toml::from_str(text).map_err(|e| {
            let (line, column) = e.span().map(|s| line_col(text, s.start)).unwrap_or((1, 1));
            LexiconError { origin: origin.to_string(), line, column, message: e.message().to_string() }
        })?;
        Ok(Lexicon { entries: file.entry })
    }

    /// Adds (or, for an existing canonical name, replaces) the entries of `other`.
    pub fn extend(&mut self, other: Lexicon) {
        for e in other.entries {
            match self.find(&e.name) {
                Some(id) => self.entries[id as usize] = e,
                None => self.entries.push(e),
            }
        }
    }

    /// Every entry.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The entry with this id.
    pub fn entry(&self, id: EntryId) -> &Entry {
        &self.entries[id as usize]
    }

    /// The entry whose canonical name or alias is `name`, ignoring case.
    pub fn find(&self, name: &str) -> Option<EntryId> {
        let low = name.to_lowercase();
        self.entries
            .iter()
            .position(|e| e.name.to_lowercase() == low || e.aliases.iter().any(|a| a.to_lowercase() == low))
            .map(|i| i as EntryId)
    }

    /// Finds the lexicon's names in `text`, whose first line is `first_line`.
    pub fn find_mentions(&self, text: &str, first_line: u32, out: &mut Vec<Mention>, _near: &mut Vec<NearMiss>) {
        for (i, line) in text.lines().enumerate() {
            let low = line.to_lowercase();
            for (id, e) in self.entries.iter().enumerate() {
                if e.ambiguous {
                    continue;
                }
                for n in std::iter::once(&e.name).chain(&e.aliases) {
                    let nl = n.to_lowercase();
                    if let Some(p) = low.find(&nl) {
                        let before_ok = low[..p].chars().last().is_none_or(|c| !c.is_alphanumeric());
                        let after_ok = low[p + nl.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric());
                        if before_ok && after_ok {
                            out.push(Mention {
                                target: Target::Entry(id as EntryId),
                                surface: line.get(p..p + nl.len()).unwrap_or(n).to_string(),
                                line: first_line + i as u32,
                                rule: Rule::CaseFolded,
                            });
                            break;
                        }
                    }
                }
            }
        }
    }
}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rfind('\n').map_or(before.len(), |p| before.len() - p - 1) + 1;
    (line, col)
}
