//! The lexicon of technologies and organisations: loading it (the built-in
//! `data/lexicon/*.toml`, compiled in by `build.rs`, plus a user's file) and finding its names in a section.
//!
//! Matching is one pass over the words of a section: the names and aliases a
//! leftmost-longest search (ASCII case-insensitive) finds on word boundaries, looked
//! up by the word each could start with (see `WordIndex`; a test checks the result
//! against aho-corasick's search), and the words left over as typo candidates. Then:
//!
//! - names marked `case = "sensitive"` must match with the case as listed;
//! - names marked `ambiguous = true` (black, flask, rust, lambda, ...) are kept only
//!   when the context confirms them: a code span or code line (`import flask`,
//!   `` `black` ``), a capital letter mid-sentence, a clue word or a technology of the
//!   same category within two lines, or another confirmed mention in the section;
//! - words not found exactly get a second chance as typos: a SymSpell-style deletion
//!   index gives the names within Damerau (OSA) distance 1 (names of 5 to 8 letters)
//!   or 2 (9 letters and more), guarded so that ordinary English words, words starting
//!   with another letter and other entries' names never become typos.
//!
//! What a guard rejects is kept as a [`NearMiss`] for `--explain`.
//!
//! # File format
//!
//! ```toml
//! [[entry]]
//! name = "Black"                 # canonical name (required)
//! kind = "technology"            # or "organization" (required)
//! category = "tool"              # language, library, framework, tool, service, ... (required)
//! aliases = ["psf/black"]        # other spellings
//! case = "insensitive"           # or "sensitive": match only with the case as written
//! ambiguous = true               # also an ordinary word: link only when the context says so
//! clues = ["formatter", "lint"]  # words that, nearby, confirm an ambiguous name
//! org = "Python Software Foundation"
//! homepage = "https://black.readthedocs.io"
//! pypi = "black"
//! wikidata = "Q..."
//! ```
//!
//! A name or alias may belong to one entry only (compared ignoring case and runs of
//! spaces). A user lexicon ([`Lexicon::extend`]) replaces the entry with the same
//! canonical name (keeping its aliases and adding the new ones) or adds new entries.

mod builtin;
mod check;
mod compile;
mod compound;
mod context;
mod file;
mod index;
mod matcher;
mod tables;
mod typo;
mod words;

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use super::text::{Body, Patterns};
use super::{Mention, NearMiss, Rule, Scratch, Target};
pub use check::{name_key, EntryKind};
use file::Places;
pub use file::{Entry, LexiconError};
pub(crate) use matcher::WordCache;
use matcher::{Matcher, WordInfo};
use typo::Typo;

/// The origin of the built-in lexicon (and of the built-in one a user's extended).
const BUILTIN_ORIGIN: &str = "data/lexicon";

/// Index of an entry in its [`Lexicon`].
pub type EntryId = u32;

/// Technologies and organisations, with their names ready for matching.
#[derive(Debug, Clone)]
pub struct Lexicon {
    entries: Entries,
    /// Parallel to the entries for a lexicon read from a file (empty for the
    /// built-in one).
    places: Vec<Places>,
    origin: Arc<str>,
    names: Names,
    matcher: OnceLock<Arc<Matcher>>,
}

/// A lexicon's entries.
#[derive(Debug, Clone)]
enum Entries {
    /// Read from a file, or the built-in ones extended by a user's.
    Owned(Vec<Entry>),
    /// The built-in entries, each read from the compiled data when first asked for
    /// (`each`), or all at once (`all`) by [`Lexicon::entries`].
    Builtin { each: Box<[OnceLock<Box<Entry>>]>, all: OnceLock<Vec<Entry>> },
}

type FoldMap<K, V> = HashMap<K, V, foldhash::fast::FixedState>;

/// How a name or a package name is looked up.
#[derive(Debug, Clone)]
enum Names {
    /// In maps built from the entries.
    Maps {
        /// Normalised name or alias -> entry.
        keys: FoldMap<String, EntryId>,
        /// PyPI or npm name (lower case) -> entry.
        pypi: FoldMap<String, EntryId>,
    },
    /// In the built-in matcher's compiled tables.
    Builtin,
}

impl Lexicon {
    /// The lexicon compiled into the binary (checked and compiled when it is built:
    /// `build.rs`; start-up reads nothing and builds no index).
    pub fn builtin() -> &'static Lexicon {
        static L: OnceLock<Lexicon> = OnceLock::new();
        L.get_or_init(|| Lexicon {
            entries: Entries::Builtin {
                each: (0..builtin::count()).map(|_| OnceLock::new()).collect(),
                all: OnceLock::new(),
            },
            places: Vec::new(),
            origin: BUILTIN_ORIGIN.into(),
            names: Names::Builtin,
            matcher: OnceLock::from(Arc::new(Matcher::builtin())),
        })
    }

    /// Where a built-in entry is written: its source file and line.
    pub fn builtin_source(id: EntryId) -> Option<(&'static str, usize)> {
        builtin::source(id as usize)
    }

    /// Every entry.
    pub fn entries(&self) -> &[Entry] {
        match &self.entries {
            Entries::Owned(v) => v,
            Entries::Builtin { all, .. } => all.get_or_init(builtin::entries),
        }
    }

    /// The entry with this id.
    pub fn entry(&self, id: EntryId) -> &Entry {
        match &self.entries {
            Entries::Owned(v) => &v[id as usize],
            Entries::Builtin { each, all } => match all.get() {
                Some(v) => &v[id as usize],
                None => each[id as usize].get_or_init(|| Box::new(builtin::entry(id as usize))),
            },
        }
    }

    /// The entry whose canonical name or alias is `name`, ignoring case and runs of
    /// spaces.
    pub fn find(&self, name: &str) -> Option<EntryId> {
        self.key(&name_key(name))
    }

    /// The entry of a name key ([`name_key`]).
    fn key(&self, key: &str) -> Option<EntryId> {
        match &self.names {
            Names::Maps { keys, .. } => keys.get(key).copied(),
            Names::Builtin => self.matcher().tables.key(key),
        }
    }

    /// Whether entry `id` is an organisation.
    fn is_organization(&self, id: EntryId) -> bool {
        self.entry(id).kind == EntryKind::Organization
    }

    /// Whether `key` is the key of a name.
    fn has_key(&self, key: &str) -> bool {
        self.key(key).is_some()
    }

    /// The entry whose name, alias or PyPI project name is `name`.
    pub fn find_package(&self, name: &str) -> Option<EntryId> {
        self.find(name).or_else(|| {
            let lower = name.to_lowercase();
            match &self.names {
                Names::Maps { pypi, .. } => pypi.get(&lower).copied(),
                Names::Builtin => self.matcher().tables.package(&lower),
            }
        })
    }

    /// [`find_package`](Self::find_package), remembered in a worker's word cache (a
    /// CamelCase name is asked about in every section that has it).
    pub(crate) fn find_package_cached(&self, name: &str, cache: &mut WordCache) -> Option<EntryId> {
        let cache = cache.for_matcher(self.shared_matcher());
        if let Some(&known) = cache.packages.get(name) {
            return known;
        }
        let found = self.find_package(name);
        cache.packages.insert(name.into(), found);
        found
    }

    fn matcher(&self) -> &Matcher {
        self.shared_matcher()
    }

    /// The matcher, as the word caches that hold it share it.
    fn shared_matcher(&self) -> &Arc<Matcher> {
        self.matcher.get_or_init(|| Arc::new(Matcher::new(self.entries())))
    }

    /// Finds the lexicon's names in `text`, whose first line is `first_line`, read with
    /// `patterns` (built once: [`Patterns::new`]).
    pub fn find_mentions(
        &self,
        text: &str,
        first_line: u32,
        patterns: &Patterns,
        out: &mut Vec<Mention>,
        near: &mut Vec<NearMiss>,
    ) {
        let body = Body::new(text, first_line, patterns);
        let mut found = Vec::new();
        self.scan(&body, &mut Scratch::default(), &mut found, near);
        out.extend(found.into_iter().map(|(_, m)| m));
    }

    /// Finds the lexicon's names in `body`: each mention with the byte offset it starts
    /// at; rejected candidates go to `near`. `scratch` keeps what is learnt of the
    /// words for the next call (any scratch will do: it never changes a result).
    pub fn scan(
        &self,
        body: &Body<'_>,
        scratch: &mut Scratch,
        out: &mut Vec<(usize, Mention)>,
        near: &mut Vec<NearMiss>,
    ) {
        let shared = self.shared_matcher();
        let m: &Matcher = shared;
        let cache = scratch.words.for_matcher(shared);
        // (The lists of the last section's scan, emptied: no allocation per section.)
        let (mut hits, mut words) = (std::mem::take(&mut cache.hits), std::mem::take(&mut cache.pending));
        hits.clear();
        words.clear();
        let WordCache { words: known, verdicts, .. } = cache;
        // (A text over 4 GB has its words written to a list thrown away after.)
        let mut unrecorded = Vec::new();
        let tokens = scratch.tokens.start(body.text).unwrap_or(&mut unrecorded);
        m.scan_words(body.text, &mut hits, &mut words, tokens, known, &mut |word, lower| {
            let (names, typo) = self.word_info(word, lower);
            let verdict = typo.map_or(0, |t| {
                verdicts.push(t);
                verdicts.len() as u32
            });
            WordInfo { names, verdict, next: m.continuations(names) }
        });
        self.typos(body, &words, cache, out, near);
        let confirmed = self.confirm(body, &hits);
        let compounds = compound::compounds(body.text, &hits);
        for (i, (h, ok)) in hits.iter().zip(&confirmed).enumerate() {
            let surface = body.text[h.start..h.end].to_string();
            let line = body.line_no(h.start);
            // (In a URL, a path's part is left as it was read: `github.com/numfocus-org`.)
            if let Some(&Some((s, e))) = compounds.get(i).filter(|_| *ok && !body.in_url(h.start)) {
                // (The hyphenated word is left to inference: a name in no lexicon.)
                near.push(NearMiss {
                    surface,
                    entry: h.entry,
                    reason: format!("part of the hyphenated name {:?}", &body.text[s..e]),
                    line,
                });
            } else if *ok && is_standard_number(body.text, h.start, h.end) && self.is_organization(h.entry) {
                near.push(NearMiss {
                    surface,
                    entry: h.entry,
                    reason: "the body's name in a standard's number".to_string(),
                    line,
                });
            } else if *ok && is_url_file_extension(body, h.start, h.end) {
                near.push(NearMiss {
                    surface,
                    entry: h.entry,
                    reason: "the extension of a file in a URL".to_string(),
                    line,
                });
            } else if *ok
                && !h.folded
                && surface.as_bytes() != m.pat_bytes(h.pat)
                && context::everyday_first_word(&surface, m.pat(h.pat).1)
                && !context::confirmed_by_code(body, h, &surface)
            {
                let reason = "a name's first word written as the everyday word".to_string();
                near.push(NearMiss { surface, entry: h.entry, reason, line });
            } else if *ok && body.in_fence_tag(h.start) {
                near.push(NearMiss { surface, entry: h.entry, reason: "a code fence's language".to_string(), line });
            } else if *ok && self.is_in_file_name(body.text, h.start, h.end, h.entry) {
                near.push(NearMiss { surface, entry: h.entry, reason: "part of a file's name".to_string(), line });
            } else if *ok && is_module_path_part(body.text, h.start) && surface.as_bytes() != m.pat_bytes(h.pat) {
                near.push(NearMiss {
                    surface,
                    entry: h.entry,
                    reason: "a later part of a module's path, in another case".to_string(),
                    line,
                });
            } else if *ok {
                let rule = if surface.as_bytes() == m.pat_bytes(h.pat) { Rule::Exact } else { Rule::CaseFolded };
                if let Some((vendor, len)) = self.vendor_prefix(h.entry, &surface) {
                    let prefix = surface[..len].to_string();
                    let rule = if prefix == self.entry(vendor).name { Rule::Exact } else { Rule::CaseFolded };
                    out.push((h.start, Mention { target: Target::Entry(vendor), surface: prefix, line, rule }));
                }
                out.push((h.start, Mention { target: Target::Entry(h.entry), surface, line, rule }));
            } else {
                near.push(NearMiss {
                    surface,
                    entry: h.entry,
                    reason: "ambiguous word: no code, capital mid-sentence or clue nearby".to_string(),
                    line,
                });
            }
        }
        (cache.hits, cache.pending) = (hits, words);
    }

    /// What scanning needs to know of one word of the text, `lower` its ASCII lower
    /// case: the names that start with it (a range of the word index), and its typo
    /// verdicts, written as it is and capitalised mid-sentence, if it is a typo
    /// candidate (five letters or more, no digit or `_`, at most two letters longer
    /// than the longest name typos resolve to) that is not a name itself and one of
    /// them says something.
    ///
    /// A word more than two letters longer than every name is at a distance over two
    /// of each: it is skipped before its deletion variants, whose number grows with
    /// the square of its length, are made (a 100 KB word is no typo).
    fn word_info(&self, word: &str, lower: &[u8]) -> ((u32, u32), Option<(Typo, Typo)>) {
        let m = self.matcher();
        let names = m.range_of(lower);
        let letters = if word.is_ascii() { word.len() } else { word.chars().count() };
        // A name with a case ending (`Prometheusa`, `Grafanie`): no typo of another.
        if let Some((e, ambiguous)) = (names.0 == names.1 && letters >= 5).then(|| self.inflected(word)).flatten() {
            let plain = if ambiguous { Typo::None } else { Typo::Inflected(e) };
            return (names, Some((plain, Typo::Inflected(e))));
        }
        let candidate =
            (5..=m.longest_typo_name + 2).contains(&letters) && !word.bytes().any(|c| c.is_ascii_digit() || c == b'_');
        if !candidate {
            return (names, None);
        }
        let lower = word.to_lowercase();
        if self.has_key(&lower) {
            return (names, None);
        }
        let verdicts = m.typo(lower);
        (names, (!matches!(verdicts, (Typo::None, Typo::None))).then_some(verdicts))
    }
}

/// Whether `start..end` of `text` is an acronym followed by a number of three digits
/// or more that is no year (`ISO 26262`, `IEC 61508`, `ECMA-262`, `IEEE 754`): a
/// standard, named after the body that wrote it, not a mention of that body.
fn is_standard_number(text: &str, start: usize, end: usize) -> bool {
    let name = &text.as_bytes()[start..end];
    if name.len() < 2 || !name.iter().all(u8::is_ascii_uppercase) {
        return false;
    }
    let after = text[end..].strip_prefix([' ', '-', '/']).unwrap_or("");
    let digits = after.bytes().take_while(u8::is_ascii_digit).count();
    let year = digits == 4 && (after.starts_with("19") || after.starts_with("20"));
    digits >= 3 && !year && !after[digits..].starts_with(|c: char| c.is_alphanumeric())
}

impl Lexicon {
    /// The vendor that a product's name starts with (`AWS EKS`, `NVIDIA Jetson`,
    /// `Hugging Face Datasets`, `Rust compiler`): its organisation, or the platform or
    /// language of that organisation, written as one of its names; with the length of
    /// that prefix. Named so, the vendor is mentioned too. Not for a platform's own
    /// name (`Amazon Web Services`, `Google Cloud`).
    fn vendor_prefix(&self, id: EntryId, surface: &str) -> Option<(EntryId, usize)> {
        if !surface.bytes().any(|c| c == b' ') {
            return None;
        }
        let e = self.entry(id);
        let org = e.org.as_deref()?;
        if e.category == "platform" {
            return None;
        }
        let ends: Vec<usize> = surface.match_indices(' ').map(|(i, _)| i).take(2).collect();
        ends.into_iter().rev().find_map(|end| {
            let prefix = &surface[..end];
            if !prefix.starts_with(|c: char| c.is_uppercase()) {
                return None;
            }
            let p = self.find(prefix).filter(|&p| p != id)?;
            let v = self.entry(p);
            let vendor = v.name == org
                || (v.org.as_deref() == Some(org) && matches!(v.category.as_str(), "platform" | "language"));
            vendor.then_some((p, end))
        })
    }

    /// Whether `start..end` of `text`, a hit of entry `id`, is part of a file's name,
    /// not a mention: a format's or a language's name as the extension of a file
    /// (`package.json`, `main.rs`), or a name written as an identifier (`flask_api`)
    /// before an extension (`#include <flask_api.h>`).
    fn is_in_file_name(&self, text: &str, start: usize, end: usize, id: EntryId) -> bool {
        let b = text.as_bytes();
        // (Most hits touch no `.`: told before anything else.)
        let dot_before = start >= 2 && b[start - 1] == b'.';
        if !dot_before && b.get(end) != Some(&b'.') {
            return false;
        }
        // Ends the file's name: not followed by a word, a path or another part.
        let ends_name = |i: usize| {
            b.get(i).is_none_or(|&c| {
                !(c.is_ascii_alphanumeric()
                    || matches!(c, b'_' | b'-' | b'/')
                    || (c == b'.' && b.get(i + 1).is_some_and(u8::is_ascii_alphanumeric)))
            })
        };
        let extension =
            |s: &[u8]| (1..=5).contains(&s.len()) && s.iter().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
        let surface = &b[start..end];
        if dot_before
            && (b[start - 2].is_ascii_alphanumeric() || b[start - 2] == b'_')
            && extension(surface)
            && ends_name(end)
        {
            let category = self.entry(id).category.as_str();
            return matches!(category, "format" | "language");
        }
        if b.get(end) == Some(&b'.') && surface.contains(&b'_') {
            let ext = b[end + 1..].iter().take_while(|c| c.is_ascii_lowercase()).count();
            return extension(&b[end + 1..end + 1 + ext]) && ends_name(end + 1 + ext);
        }
        false
    }
}

/// Whether the word at `start` of `text` follows a capitalised part of a dotted
/// module path (`Oban.Notifiers.PG`, `Ecto.Adapters.SQL`, `Three.js`): a part of a
/// name, which the name written in another case (`notifiers`, `JS`) does not
/// mention.
fn is_module_path_part(text: &str, start: usize) -> bool {
    // (Most hits follow no `.`: told first, from the byte.)
    let Some(before) = text[..start].strip_suffix('.') else { return false };
    let part = before.rfind(|c: char| !(c.is_alphanumeric() || c == '_')).map_or(before, |i| {
        let c = before[i..].chars().next().map_or(1, char::len_utf8);
        &before[i + c..]
    });
    part.starts_with(|c: char| c.is_ascii_uppercase())
}

/// Whether `start..end` of the body is the extension of a file named in a URL
/// (`…/Challenge.ipynb#scrollTo`): a file's type, not a mention of a technology.
fn is_url_file_extension(body: &Body<'_>, start: usize, end: usize) -> bool {
    let b = body.text.as_bytes();
    start > 0
        && b[start - 1] == b'.'
        && b.get(end).is_none_or(|c| matches!(c, b'#' | b'?' | b'&' | b')' | b'>') || c.is_ascii_whitespace())
        && body.in_url(start)
}

#[cfg(test)]
mod tests;
