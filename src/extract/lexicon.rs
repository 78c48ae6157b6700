//! The lexicon of technologies and organisations: loading it (the built-in
//! `data/lexicon.toml`, plus a user's file) and finding its names in a section.
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

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, OnceLock};

use serde::Deserialize;
use toml::Spanned;

use super::text::{is_common_form, is_common_word, is_word_char, near_common_word, Body};
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

    /// The canonical name, then every alias.
    pub fn names(&self) -> impl Iterator<Item = &str> + '_ {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

/// An entry as read, with where each name was written (for error messages).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    name: Spanned<String>,
    kind: EntryKind,
    category: String,
    #[serde(default)]
    aliases: Vec<Spanned<String>>,
    #[serde(default)]
    case: Option<Spanned<String>>,
    #[serde(default)]
    ambiguous: bool,
    #[serde(default)]
    clues: Vec<String>,
    #[serde(default)]
    org: Option<String>,
    #[serde(default)]
    homepage: Option<String>,
    #[serde(default)]
    pypi: Option<String>,
    #[serde(default)]
    wikidata: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LexiconFile {
    #[serde(default)]
    entry: Vec<RawEntry>,
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
struct Places {
    name: (usize, usize),
    aliases: Vec<(usize, usize)>,
}

/// Technologies and organisations, with their names ready for matching.
#[derive(Debug, Clone)]
pub struct Lexicon {
    entries: Vec<Entry>,
    /// Parallel to `entries` for a lexicon read from a file.
    places: Vec<Places>,
    origin: Arc<str>,
    /// Normalised name or alias -> entry.
    keys: HashMap<String, EntryId>,
    /// PyPI name (lower case) -> entry.
    pypi: HashMap<String, EntryId>,
    matcher: OnceLock<Arc<Matcher>>,
}

const BUILTIN: &str = include_str!("../../data/lexicon.toml");

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
    /// The lexicon compiled into the binary.
    pub fn builtin() -> &'static Lexicon {
        static L: OnceLock<Lexicon> = OnceLock::new();
        L.get_or_init(|| {
            Lexicon::from_toml(BUILTIN, "data/lexicon.toml").expect("the built-in lexicon is checked by a unit test")
        })
    }

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

    fn reindex(&mut self) {
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

    /// Every entry.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The entry with this id.
    pub fn entry(&self, id: EntryId) -> &Entry {
        &self.entries[id as usize]
    }

    /// The entry whose canonical name or alias is `name`, ignoring case and runs of
    /// spaces.
    pub fn find(&self, name: &str) -> Option<EntryId> {
        self.keys.get(&name_key(name)).copied()
    }

    /// The entry whose name, alias or PyPI project name is `name`.
    pub fn find_package(&self, name: &str) -> Option<EntryId> {
        self.find(name).or_else(|| self.pypi.get(&name.to_lowercase()).copied())
    }

    fn matcher(&self) -> &Matcher {
        self.matcher.get_or_init(|| Arc::new(Matcher::new(&self.entries)))
    }

    /// Finds the lexicon's names in `text`, whose first line is `first_line`.
    pub fn find_mentions(&self, text: &str, first_line: u32, out: &mut Vec<Mention>, near: &mut Vec<NearMiss>) {
        let body = Body::new(text, first_line);
        let mut found = Vec::new();
        self.scan(&body, &mut found, near);
        out.extend(found.into_iter().map(|(_, m)| m));
    }

    /// Finds the lexicon's names in `body`: each mention with the byte offset it starts
    /// at; rejected candidates go to `near`.
    pub fn scan(&self, body: &Body<'_>, out: &mut Vec<(usize, Mention)>, near: &mut Vec<NearMiss>) {
        let m = self.matcher();
        let mut hits = Vec::new();
        let mut words = Vec::new();
        WORD_CACHE.with_borrow_mut(|cache| {
            if cache.matcher != m.id || cache.words.len() >= WordCache::LIMIT {
                *cache = WordCache { matcher: m.id, ..WordCache::default() };
            }
            let WordCache { words: known, verdicts, .. } = cache;
            m.scan_words(body.text, &mut hits, &mut words, known, &mut |word, lower| {
                let (names, typo) = self.word_info(word, lower);
                let verdict = typo.map_or(0, |t| {
                    verdicts.push(t);
                    verdicts.len() as u32
                });
                WordInfo { names, verdict }
            });
            self.typos(body, &words, cache, out, near);
        });
        let confirmed = self.confirm(body, &hits);
        for (h, ok) in hits.iter().zip(&confirmed) {
            let surface = body.text[h.start..h.end].to_string();
            let line = body.line_no(h.start);
            if *ok {
                let rule = if surface == m.pats[h.pat].1 { Rule::Exact } else { Rule::CaseFolded };
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
    }

    /// What scanning needs to know of one word of the text, `lower` its ASCII lower
    /// case: the names that start with it (a range of the word index), and its typo
    /// verdicts, written as it is and capitalised mid-sentence, if it is a typo
    /// candidate (five letters or more, no digit or `_`) that is not a name itself
    /// and one of them says something.
    fn word_info(&self, word: &str, lower: &[u8]) -> ((u32, u32), Option<(Typo, Typo)>) {
        let m = self.matcher();
        let names = m.index.range_of(lower);
        let candidate = (word.len() >= 5 && word.is_ascii() || word.chars().count() >= 5)
            && !word.bytes().any(|c| c.is_ascii_digit() || c == b'_');
        if !candidate {
            return (names, None);
        }
        let lower = word.to_lowercase();
        if self.keys.contains_key(&lower) {
            return (names, None);
        }
        let verdicts = (m.typo(lower.clone(), false), m.typo(lower, true));
        (names, (!matches!(verdicts, (Typo::None, Typo::None))).then_some(verdicts))
    }

    /// Decides, for each hit, whether it is kept (ambiguous names need context).
    fn confirm(&self, body: &Body<'_>, hits: &[Hit]) -> Vec<bool> {
        let m = self.matcher();
        let (pats, needs_context) = (&m.pats, &m.needs_context);
        if !hits.iter().any(|h| needs_context[h.pat]) {
            return vec![true; hits.len()];
        }
        let mut ok: Vec<bool> = hits
            .iter()
            .map(|h| {
                let e = &self.entries[h.entry as usize];
                let surface = &body.text[h.start..h.end];
                !needs_context[h.pat]
                    || is_distinctive(surface)
                    || is_compound_of_name(surface, &e.name)
                    || is_topic_language(e, body.topic())
                    || has_distinctive_case(surface, &pats[h.pat].1)
                    || confirmed_by_form(body, h, surface)
            })
            .collect();
        let first_pass = ok.clone();
        // Clues and neighbours, then mentions of the same entry elsewhere. Hits are in
        // text order and do not overlap, so the hits near one are found by binary
        // search, and a clue is looked for in a window around the hit: cost stays
        // proportional to the hits, however long a line is.
        let lines: Vec<usize> = hits.iter().map(|h| body.line_index(h.start)).collect();
        let unsure: Vec<&Hit> = hits.iter().zip(&first_pass).filter(|(_, sure)| !**sure).map(|(h, _)| h).collect();
        // An entry confirmed once is confirmed everywhere in the section (below),
        // and a hit's own verdict depends on the first pass only: once an entry is
        // confirmed, its other hits need no clue search.
        let mut confirmed: HashSet<EntryId, foldhash::fast::FixedState> =
            hits.iter().zip(&ok).filter(|(_, o)| **o).map(|(h, _)| h.entry).collect();
        for i in 0..hits.len() {
            if ok[i] || confirmed.contains(&hits[i].entry) {
                continue;
            }
            let e = &self.entries[hits[i].entry as usize];
            // A sure technology of the same family on this line or the next or
            // previous one (`Behave ... Or cucumber`).
            let from = lines.partition_point(|&l| l + 1 < lines[i]);
            let to = lines.partition_point(|&l| l <= lines[i] + 1);
            let neighbour = (from..to).any(|j| {
                j != i
                    && hits[j].entry != hits[i].entry
                    && first_pass[j]
                    && same_family(e, &self.entries[hits[j].entry as usize])
            });
            // A clue word within two lines (and CLUE_WINDOW bytes); not one that is
            // itself an ambiguous name left unconfirmed (`a flask of tea` is no clue
            // for Click).
            let (lo, hi) = (lines[i].saturating_sub(2), (lines[i] + 2).min(body.line_count().saturating_sub(1)));
            let own = (hits[i].start, hits[i].end);
            let blocked = |s: usize, e: usize| {
                let k = unsure.partition_point(|h| h.end <= s);
                (s, e) == own || unsure.get(k).is_some_and(|h| h.start < e)
            };
            let (win_lo, win_hi) = (own.0.saturating_sub(CLUE_WINDOW), own.1 + CLUE_WINDOW);
            let clue = !e.clues.is_empty()
                && (lo..=hi).any(|l| {
                    let text = body.lower_line(l);
                    let base = body.line_start(l);
                    let (a, b) = (
                        floor_boundary(text, win_lo.saturating_sub(base)),
                        floor_boundary(text, win_hi.saturating_sub(base)),
                    );
                    if a >= b {
                        return false;
                    }
                    let text = &text[a..b];
                    m.clues[hits[i].entry as usize].iter().any(|c| contains_clue(text, c, base + a, &blocked))
                });
            ok[i] = neighbour || clue;
            if ok[i] {
                confirmed.insert(hits[i].entry);
            }
        }
        hits.iter().zip(ok).map(|(h, o)| o || confirmed.contains(&h.entry)).collect()
    }

    /// Whether the word at `start..end` has, right beside it (one space between), a
    /// word that can only be part of a person's name: capitalised, not an ordinary
    /// word, not a lexicon name (`Mandry` in `Tyler Mandry`).
    fn beside_a_name(&self, text: &str, start: usize, end: usize) -> bool {
        let name_word = |w: &str| {
            w.chars().count() >= 2
                && w.starts_with(char::is_uppercase)
                && w.chars().all(char::is_alphabetic)
                && w.chars().skip(1).any(char::is_lowercase)
                && !is_common_form(w)
                && !self.keys.contains_key(&w.to_lowercase())
        };
        let prev = text[..start].strip_suffix(' ').map(|b| {
            let from = b.char_indices().rev().find(|&(_, c)| !is_word_char(c)).map_or(0, |(i, c)| i + c.len_utf8());
            &b[from..]
        });
        let next = text[end..].strip_prefix(' ').map(|a| &a[..a.find(|c: char| !is_word_char(c)).unwrap_or(a.len())]);
        prev.is_some_and(name_word) || next.is_some_and(name_word)
    }

    /// Resolves as typos the words no name covered whose verdicts say something
    /// (`words`, from [`Matcher::scan_words`], verdicts in `cache`): the place decides
    /// which verdict applies and whether the word is skipped (in a URL or code, or
    /// beside a person's name).
    fn typos(
        &self,
        body: &Body<'_>,
        words: &[(usize, u32)],
        cache: &WordCache,
        out: &mut Vec<(usize, Mention)>,
        near: &mut Vec<NearMiss>,
    ) {
        let text = body.text;
        for &(start, verdict) in words {
            let (plain, capital_verdict) = &cache.verdicts[verdict as usize - 1];
            let end = word_end(text, start);
            let word = &text[start..end];
            if body.in_url(start) || body.in_code(start) {
                continue;
            }
            let capital = word.starts_with(char::is_uppercase);
            if capital && self.beside_a_name(text, start, end) {
                // `Tyler Mandry`: a first or last name, not a typo of Typer.
                continue;
            }
            let capital_mid_sentence = capital && !body.is_sentence_start(start);
            let line = body.line_no(start);
            match if capital_mid_sentence { capital_verdict } else { plain } {
                Typo::None => {}
                Typo::Near(entry, reason) => {
                    near.push(NearMiss { surface: word.to_string(), entry: *entry, reason: reason.clone(), line });
                }
                &Typo::Match { entry, distance, of } => {
                    out.push((
                        start,
                        Mention {
                            target: Target::Entry(entry),
                            surface: word.to_string(),
                            line,
                            rule: Rule::EditDistance { distance, of },
                        },
                    ));
                }
            }
        }
    }
}

/// What [`Lexicon::scan`] knows of one word (ASCII lower case) of the text.
#[derive(Debug, Clone, Copy, Default)]
struct WordInfo {
    /// The names that may start with it: a range of [`WordIndex::names`].
    names: (u32, u32),
    /// 0, or 1 + the index of its typo verdicts in [`WordCache::verdicts`].
    verdict: u32,
}

/// The words one thread has seen, for one matcher: the prose repeats its words, so
/// each distinct word is looked up in the word index and resolved as a typo once
/// (6,161 distinct words of five letters or more among 762,851 in 10 MB of notes).
#[derive(Default)]
struct WordCache {
    matcher: u64,
    words: WordMap<WordInfo>,
    /// (as written, capitalised mid-sentence) verdicts of the words whose verdicts
    /// say something.
    verdicts: Vec<(Typo, Typo)>,
}

impl WordCache {
    /// Distinct words kept before the cache starts again (bounds its memory on text
    /// that never repeats a word).
    const LIMIT: usize = 1 << 20;
}

thread_local! {
    static WORD_CACHE: std::cell::RefCell<WordCache> = std::cell::RefCell::new(WordCache::default());
}

/// Whether two entries are of one family: the same category (other than the
/// catch-all ones), so that one confirms the other when named nearby.
fn same_family(a: &Entry, b: &Entry) -> bool {
    const LOOSE: [&str; 5] = ["concept", "company", "organization", "organisation", "other"];
    a.category.eq_ignore_ascii_case(&b.category) && !LOOSE.iter().any(|l| a.category.eq_ignore_ascii_case(l))
}

/// A surface that cannot be the ordinary word: several words, or not only letters
/// (`AWS Lambda`, `psf/black`, `Go 1.22`).
fn is_distinctive(surface: &str) -> bool {
    !surface.chars().all(char::is_alphabetic)
}

/// Whether `surface` is an alias made of a word of the name and more (`pyarrow` for
/// Apache Arrow, `rustlang`, `Golang`): not the ordinary word the name is.
fn is_compound_of_name(surface: &str, name: &str) -> bool {
    let s = surface.to_lowercase();
    let n = name.to_lowercase();
    n.split(|c: char| !c.is_alphanumeric()).any(|t| t.len() >= 2 && s.len() > t.len() && s.contains(t))
}

/// Whether `e` is a language the notes' topic is named after (`python` in EuroPython
/// notes, `rust` in RustConf notes): then its name means the language there.
fn is_topic_language(e: &Entry, topic: &str) -> bool {
    e.category.to_ascii_lowercase().contains("language")
        && e.name.chars().count() >= 4
        && !topic.is_empty()
        && topic.contains(&e.name.to_lowercase())
}

/// Whether `surface` is written exactly as a name whose case says it is a name: an
/// upper-case letter after the first (`GitHub`, `spaCy`, `REST`).
fn has_distinctive_case(surface: &str, pattern: &str) -> bool {
    surface == pattern && pattern.chars().skip(1).any(char::is_uppercase)
}

/// Confirmation by form: code that names it as a package, or a capital mid-sentence,
/// or a version right after it (`python 3.12`).
fn confirmed_by_form(body: &Body<'_>, h: &Hit, surface: &str) -> bool {
    let text = body.text;
    if let Some(span) = body.code_span_at(h.start) {
        if span.trim().eq_ignore_ascii_case(surface) {
            return true;
        }
    }
    if body.in_code(h.start) {
        let line_start = body.line_start(body.line_index(h.start));
        let before = text[line_start..h.start].trim_end().to_lowercase();
        return ["import", "from", "install", "-m", "add"].iter().any(|k| before.ends_with(k));
    }
    if surface.chars().next().is_some_and(char::is_uppercase) && !body.is_sentence_start(h.start) {
        return true;
    }
    let after = text[h.end..].trim_start_matches([' ', '-']);
    let digits = after.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && after.as_bytes().get(digits) == Some(&b'.')
}

/// How far from a hit (in bytes, either side) a clue still counts: notes' lines are
/// short, but a line may be megabytes long.
const CLUE_WINDOW: usize = 1000;

/// The largest char boundary of `s` at or below `i` (`s.len()` if `i` is past the end).
fn floor_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Whether `text` (one line, ASCII lower case, starting at byte `base` of the body)
/// has `clue` (lower case, maybe several words) as whole words, or their plural, at
/// a place (body offsets) that `blocked` does not refuse.
fn contains_clue(
    text: &str,
    clue: &memchr::memmem::Finder<'_>,
    base: usize,
    blocked: &dyn Fn(usize, usize) -> bool,
) -> bool {
    let len = clue.needle().len();
    if len == 0 {
        return false;
    }
    // The clue is whole characters, so a match starts and ends on char boundaries.
    clue.find_iter(text.as_bytes()).any(|i| {
        let end = i + len;
        let rest = &text[end..];
        let rest = rest
            .strip_prefix("es")
            .or_else(|| rest.strip_prefix('s'))
            .filter(|r| !r.starts_with(is_word_char))
            .unwrap_or(rest);
        text[..i].chars().next_back().is_none_or(|c| !is_word_char(c))
            && rest.chars().next().is_none_or(|c| !is_word_char(c))
            && !blocked(base + i, base + end)
    })
}

/// ASCII bytes that continue a word (letters, digits, `_`): [`is_word_char`] on ASCII.
static ASCII_WORD: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 128 {
        t[c] = (c as u8).is_ascii_alphanumeric() || c as u8 == b'_';
        c += 1;
    }
    t
};

/// The end of the word (run of [`is_word_char`]) that starts at `start`.
fn word_end(text: &str, start: usize) -> usize {
    let b = text.as_bytes();
    let mut i = start;
    while i < b.len() {
        if b[i] < 0x80 {
            if !ASCII_WORD[b[i] as usize] {
                break;
            }
            i += 1;
        } else {
            let c = text[i..].chars().next().expect("a char boundary");
            if !is_word_char(c) {
                break;
            }
            i += c.len_utf8();
        }
    }
    i
}

/// The `len` (1 to 8) ASCII bytes of `b` at `at`, in ASCII lower case, packed into a
/// `u64` as [`WordMap`] keys them: eight bytes read at once where the text allows,
/// and the upper-case letters among them found together (SWAR).
fn lower_packed(b: &[u8], at: usize, len: usize) -> u64 {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    let raw = match b.get(at..at + 8) {
        Some(eight) => u64::from_le_bytes(eight.try_into().expect("eight bytes")),
        None => {
            let mut v = [0u8; 8];
            v[..len].copy_from_slice(&b[at..at + len]);
            u64::from_le_bytes(v)
        }
    };
    let x = if len == 8 { raw } else { raw & ((1u64 << (8 * len)) - 1) };
    // Every byte is ASCII (below 0x80), so the sums below carry into no other byte.
    let at_least_a = x + ONES * u64::from(0x80 - b'A');
    let past_z = x + ONES * u64::from(0x7f - b'Z');
    let upper = at_least_a & !past_z & HIGH;
    x | (upper >> 2)
}

/// Whether a name may start at `start`: not inside a word, nor the tail of a
/// hyphenated compound (`sentence-transformers` is not Transformers; `Python-based`
/// is Python).
fn hit_may_start(text: &str, start: usize) -> bool {
    let mut back = text[..start].chars().rev();
    match (back.next(), back.next()) {
        (None, _) => true,
        (Some('-'), Some(c)) => !is_word_char(c),
        (Some(c), _) => !is_word_char(c),
    }
}

/// Which names can start at a place of a text. A name's first word (its leading
/// run of word characters) is followed by a non-word character or the name's end,
/// so where a name is written, the word of the text at that place is exactly that
/// first word, ignoring ASCII case: names are listed under their first word (and
/// names starting with a non-word character, `.NET`, under that byte), longest
/// first, so the first one that is written there and ends on a word boundary is
/// the leftmost-longest hit.
struct WordIndex {
    /// First word (ASCII lower case) -> range of `names`.
    words: WordMap<(u32, u32)>,
    /// First byte of names starting with a non-word character -> range of `names`.
    bytes: Vec<(u32, u32)>,
    /// The names, grouped as above, longest first in each group.
    names: Vec<IndexedName>,
    /// ASCII bytes that are no word character and start no name: nothing to do there.
    inert: [bool; 256],
}

/// A name in the [`WordIndex`]: its pattern number, and the (ASCII lower case) two
/// bytes that follow the part its group shares (first word, or first byte). A group
/// is sorted by those bytes, then longest first, so that of a large group (57 names
/// start with `python`) only the few followed by what the text holds are tried.
#[derive(Debug, Clone, Copy)]
struct IndexedName {
    pat: u32,
    /// The next bytes, 0 past the name's end.
    next: [u8; 2],
}

impl WordIndex {
    fn new<'a>(patterns: impl Iterator<Item = &'a str>) -> WordIndex {
        // (length, pattern, next two bytes) of each name, by first word or byte.
        type Group = Vec<(usize, u32, [u8; 2])>;
        let mut by_word: HashMap<Vec<u8>, Group> = HashMap::new();
        let mut by_byte: Vec<Group> = vec![Vec::new(); 256];
        let next = |p: &str, shared: usize| {
            let b = p.as_bytes();
            [0, 1].map(|k| b.get(shared + k).map_or(0, u8::to_ascii_lowercase))
        };
        for (i, p) in patterns.enumerate() {
            let Some(first) = p.chars().next() else { continue };
            if is_word_char(first) {
                let shared = word_end(p, 0);
                let w = p.as_bytes()[..shared].to_ascii_lowercase();
                by_word.entry(w).or_default().push((p.len(), i as u32, next(p, shared)));
            } else {
                by_byte[p.as_bytes()[0] as usize].push((p.len(), i as u32, next(p, 1)));
            }
        }
        let mut names = Vec::new();
        let mut group = |mut g: Group| {
            // By the bytes that follow, then longest first (see `Matcher::hit_at`).
            g.sort_unstable_by(|a, b| a.2.cmp(&b.2).then(b.0.cmp(&a.0)).then(a.1.cmp(&b.1)));
            let from = names.len() as u32;
            names.extend(g.into_iter().map(|(_, pat, next)| IndexedName { pat, next }));
            (from, names.len() as u32)
        };
        let mut words = WordMap::default();
        let mut by_word: Vec<_> = by_word.into_iter().collect();
        by_word.sort_unstable();
        for (w, g) in by_word {
            words.insert(&w, group(g));
        }
        let bytes: Vec<(u32, u32)> = by_byte.into_iter().map(&mut group).collect();
        let inert = std::array::from_fn(|c| c < 0x80 && !ASCII_WORD[c] && bytes[c].0 == bytes[c].1);
        WordIndex { words, bytes, names, inert }
    }

    /// The names that can start with a whole word of the text, given in ASCII lower
    /// case: a range for [`names_in`](Self::names_in).
    fn range_of(&self, lower: &[u8]) -> (u32, u32) {
        self.words.get(lower).unwrap_or((0, 0))
    }

    /// The names of a range from [`range_of`](Self::range_of), longest first.
    fn names_in(&self, (a, b): (u32, u32)) -> &[IndexedName] {
        &self.names[a as usize..b as usize]
    }

    /// The names that start with the non-word byte `b`.
    fn starting_with_byte(&self, b: u8) -> &[IndexedName] {
        let (a, e) = self.bytes[b as usize];
        &self.names[a as usize..e as usize]
    }
}

/// A map from short byte strings (words) to small values, quick for the words of
/// prose: a word of up to eight bytes is its own key, packed into a `u64`, and one
/// of up to sixteen into a `u128` (words hold no NUL byte, so the padding cannot
/// collide, and no key is 0), each in an open-addressed table probed linearly;
/// longer words go to a hash map of their own.
struct WordMap<V> {
    short: Table<u64, V>,
    medium: Table<u128, V>,
    long: HashMap<Box<[u8]>, V, foldhash::fast::FixedState>,
}

/// An open-addressed table of packed keys; key 0 marks an empty slot. Keys and
/// values are kept apart, so that probing reads keys only, eight to a cache line.
struct Table<K, V> {
    /// The length is a power of two, at most half full.
    keys: Vec<K>,
    values: Vec<V>,
    len: usize,
}

/// A packed word: a key of a [`Table`].
trait Packed: Copy + Eq + Default {
    /// Where to start looking for it in a table of `mask + 1` slots.
    fn home(self, mask: usize) -> usize;
}

impl Packed for u64 {
    fn home(self, mask: usize) -> usize {
        // Fibonacci hashing: the high bits of the product depend on every byte.
        (self.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 32) as usize & mask
    }
}

impl Packed for u128 {
    fn home(self, mask: usize) -> usize {
        ((self as u64) ^ ((self >> 64) as u64).rotate_left(29)).home(mask)
    }
}

impl<K: Packed, V: Copy + Default> Table<K, V> {
    fn new() -> Self {
        Table { keys: vec![K::default(); 1024], values: vec![V::default(); 1024], len: 0 }
    }

    /// The slot holding `key`, or the empty one where it would go.
    fn slot(&self, key: K) -> usize {
        let mask = self.keys.len() - 1;
        let mut i = key.home(mask);
        loop {
            let k = self.keys[i];
            if k == key || k == K::default() {
                return i;
            }
            i = (i + 1) & mask;
        }
    }

    fn get(&self, key: K) -> Option<V> {
        let i = self.slot(key);
        (self.keys[i] == key).then(|| self.values[i])
    }

    /// The value of `key`, made by `make` if it has none.
    fn entry(&mut self, key: K, make: impl FnOnce() -> V) -> V {
        debug_assert!(key != K::default());
        let i = self.slot(key);
        if self.keys[i] == key {
            return self.values[i];
        }
        let v = make();
        self.keys[i] = key;
        self.values[i] = v;
        self.len += 1;
        if self.len * 2 > self.keys.len() {
            let size = self.keys.len() * 2;
            let keys = std::mem::replace(&mut self.keys, vec![K::default(); size]);
            let values = std::mem::replace(&mut self.values, vec![V::default(); size]);
            for (k, v) in keys.into_iter().zip(values).filter(|(k, _)| *k != K::default()) {
                let j = self.slot(k);
                self.keys[j] = k;
                self.values[j] = v;
            }
        }
        v
    }
}

impl<V: Copy + Default> Default for WordMap<V> {
    fn default() -> Self {
        WordMap { short: Table::new(), medium: Table::new(), long: HashMap::default() }
    }
}

/// How [`WordMap`] keys a word.
enum Key<'w> {
    Short(u64),
    Medium(u128),
    Long(&'w [u8]),
}

impl<V: Copy + Default> WordMap<V> {
    fn key(word: &[u8]) -> Key<'_> {
        let mut v = [0u8; 16];
        match word.len() {
            0..=8 => {
                v[..word.len()].copy_from_slice(word);
                Key::Short(u64::from_le_bytes(v[..8].try_into().expect("eight bytes")))
            }
            9..=16 => {
                v[..word.len()].copy_from_slice(word);
                Key::Medium(u128::from_le_bytes(v))
            }
            _ => Key::Long(word),
        }
    }

    /// The value of a word packed into a `u64` (see [`lower_packed`]).
    fn entry_packed(&mut self, key: u64, make: impl FnOnce() -> V) -> V {
        self.short.entry(key, make)
    }

    fn insert(&mut self, word: &[u8], v: V) {
        debug_assert!(!word.is_empty() && !word.contains(&0));
        self.entry(word, || v);
    }

    fn get(&self, word: &[u8]) -> Option<V> {
        match Self::key(word) {
            Key::Short(k) => self.short.get(k),
            Key::Medium(k) => self.medium.get(k),
            Key::Long(w) => self.long.get(w).copied(),
        }
    }

    /// The value of `word`, made by `make` if it has none.
    fn entry(&mut self, word: &[u8], make: impl FnOnce() -> V) -> V {
        match Self::key(word) {
            Key::Short(k) => self.short.entry(k, make),
            Key::Medium(k) => self.medium.entry(k, make),
            // (`entry` would box the key of every word seen, new or not.)
            Key::Long(w) => match self.long.get(w) {
                Some(v) => *v,
                None => *self.long.entry(w.into()).or_insert_with(make),
            },
        }
    }

    fn len(&self) -> usize {
        self.short.len + self.medium.len + self.long.len()
    }
}

/// A candidate match of a name or alias, on word boundaries.
#[derive(Debug, Clone, Copy)]
struct Hit {
    entry: EntryId,
    pat: usize,
    start: usize,
    end: usize,
}

#[derive(Debug)]
enum Typo {
    None,
    Near(EntryId, String),
    Match { entry: EntryId, distance: u8, of: u8 },
}

/// The compiled matchers of one lexicon.
struct Matcher {
    /// Unique per matcher built (keys the per-thread [`WordCache`]).
    id: u64,
    /// Where names can start, and which: see [`WordIndex`].
    index: WordIndex,
    /// Per pattern: a one-word name that is an ordinary English word (`Make`,
    /// `Poetry`, `notion`), or an entry marked ambiguous: it needs context.
    needs_context: Vec<bool>,
    /// Per entry: its clues, in ASCII lower case, as searchers built once.
    clues: Vec<Vec<memchr::memmem::Finder<'static>>>,
    /// Per pattern: its entry and its text.
    pats: Vec<(EntryId, String)>,
    /// Per pattern: whether it must match with its case.
    sensitive: Vec<bool>,
    /// Names that typos may resolve to: lower case, entry, length in characters.
    typo_names: Vec<(String, EntryId, u8)>,
    /// (hash of a deletion variant, index into `typo_names`), sorted: the SymSpell
    /// index. Hashes, not strings, keep it small and quick to build; a collision
    /// only adds a candidate, which the distance check then drops.
    deletions: Vec<(u64, u32)>,
    /// One bit per deletion-variant hash (its top bits): a word's variant whose bit
    /// is clear is in no name's variants, and costs no search of `deletions`.
    deletion_bits: Vec<u64>,
    /// log2 of the number of bits in `deletion_bits`.
    deletion_shift: u32,
}

impl std::fmt::Debug for Matcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Matcher")
            .field("patterns", &self.pats.len())
            .field("typo_names", &self.typo_names.len())
            .field("deletions", &self.deletions.len())
            .finish()
    }
}

/// Calls `f` with the hash of `s`, of every string made of `s` without one of its
/// characters, and, if `two`, without two of them: the keys of the deletion index.
fn variants(s: &str, two: bool, mut f: impl FnMut(u64)) {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0100_0000_01b3;
    // FNV-1a, resumable: the hash of a string cut in pieces is the hash of the whole.
    let fnv = |h: u64, bytes: &[u8]| bytes.iter().fold(h, |h, &b| (h ^ u64::from(b)).wrapping_mul(PRIME));
    let b = s.as_bytes();
    f(fnv(OFFSET, b));
    let cuts: Vec<(usize, usize)> = s.char_indices().map(|(i, c)| (i, i + c.len_utf8())).collect();
    for (a, &(i0, i1)) in cuts.iter().enumerate() {
        let head = fnv(OFFSET, &b[..i0]);
        f(fnv(head, &b[i1..]));
        if two {
            for &(j0, j1) in &cuts[a + 1..] {
                f(fnv(fnv(head, &b[i1..j0]), &b[j1..]));
            }
        }
    }
}

/// The most edits a typo of a name of `len` characters may have.
fn allowed_distance(len: usize) -> usize {
    match len {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

impl Matcher {
    fn new(entries: &[Entry]) -> Matcher {
        let mut pats = Vec::new();
        let mut sensitive = Vec::new();
        let mut typo_names = Vec::new();
        for (id, e) in entries.iter().enumerate() {
            let mut seen = HashSet::new();
            for n in e.names() {
                let n = n.trim();
                if n.is_empty() || !seen.insert(name_key(n)) {
                    continue;
                }
                pats.push((id as EntryId, n.to_string()));
                sensitive.push(e.is_case_sensitive());
                let len = n.chars().count();
                // Names with digits are versions of something (`Llama2`, `GPT3`): a
                // missing digit is another version, not a typo.
                let plain = n.chars().all(|c| is_word_char(c) && !c.is_ascii_digit());
                if !e.ambiguous && !e.is_case_sensitive() && (5..256).contains(&len) && plain {
                    typo_names.push((n.to_lowercase(), id as EntryId, len as u8));
                }
            }
        }
        let index = WordIndex::new(pats.iter().map(|(_, p)| p.as_str()));
        let needs_context = pats
            .iter()
            .map(|(id, p)| {
                // A one-word name that is an ordinary English word (`Make`, `Poetry`,
                // `notion`) needs context too, whether or not the lexicon says so.
                entries[*id as usize].ambiguous || (p.chars().all(char::is_alphabetic) && is_common_word(p))
            })
            .collect();
        static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        let id = NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let mut deletions_map = Vec::new();
        for (i, (name, _, len)) in typo_names.iter().enumerate() {
            variants(name, allowed_distance(*len as usize) >= 2, |h| deletions_map.push((h, i as u32)));
        }
        deletions_map.sort_unstable();
        deletions_map.dedup();
        // About 16 bits per variant: one variant of a word in 16 passes by chance.
        let deletion_shift = (deletions_map.len().max(1) * 16).next_power_of_two().trailing_zeros().max(6);
        let mut deletion_bits = vec![0u64; 1 << (deletion_shift - 6)];
        for &(h, _) in &deletions_map {
            let bit = (h >> (64 - deletion_shift)) as usize;
            deletion_bits[bit / 64] |= 1 << (bit % 64);
        }
        let clues = entries
            .iter()
            .map(|e| {
                let lower = e.clues.iter().map(|c| c.to_ascii_lowercase());
                lower.map(|c| memchr::memmem::Finder::new(c.as_bytes()).into_owned()).collect()
            })
            .collect();
        Matcher {
            id,
            index,
            needs_context,
            clues,
            pats,
            sensitive,
            typo_names,
            deletions: deletions_map,
            deletion_bits,
            deletion_shift,
        }
    }

    /// One pass over `text`: the names and aliases found on word boundaries, with the
    /// case rules applied, into `hits`; the words no hit covers that may be typos
    /// (five letters or more, no digit or `_`), as byte ranges, into `words`.
    ///
    /// The hits are those of a leftmost-longest search for every name, ignoring ASCII
    /// case, kept where they start and end on a word boundary and have the case
    /// their entry asks for, a shorter name at the same place standing in for a
    /// longer one that does not. A name can only start where a word starts (or at a
    /// character that starts a name, `.NET`), so the [`WordIndex`] gives, from the
    /// word found there, the few names that could: one hash probe per word instead of
    /// an automaton step per byte. (A test checks the hits against aho-corasick's.)
    ///
    /// `known` holds what is known of the words seen so far, and `make` says it of a
    /// new word (given with its ASCII lower case): the names that may start with
    /// it, and whether it has typo verdicts; the words with verdicts that no hit
    /// covers go to `words`, with their verdict number.
    fn scan_words(
        &self,
        text: &str,
        hits: &mut Vec<Hit>,
        words: &mut Vec<(usize, u32)>,
        known: &mut WordMap<WordInfo>,
        make: &mut impl FnMut(&str, &[u8]) -> WordInfo,
    ) {
        let b = text.as_bytes();
        let mut lower = Vec::with_capacity(64);
        let mut i = 0;
        while i < b.len() {
            // Spaces and punctuation that start no name: skipped in a tight loop.
            while i < b.len() && self.index.inert[b[i] as usize] {
                i += 1;
            }
            if i == b.len() {
                break;
            }
            let c = b[i];
            let word = if c < 0x80 {
                ASCII_WORD[c as usize]
            } else {
                is_word_char(text[i..].chars().next().expect("a char boundary"))
            };
            if !word {
                // Not a word: a name may still start here (`.NET`, `“Black”` no).
                let names = self.index.starting_with_byte(c);
                if !names.is_empty() && hit_may_start(text, i) {
                    if let Some(h) = self.hit_at(text, i, 1, names) {
                        hits.push(h);
                        i = h.end;
                        continue;
                    }
                }
                i += if c < 0x80 { 1 } else { text[i..].chars().next().map_or(1, char::len_utf8) };
                continue;
            }
            // The word. The common one, ASCII and at most eight bytes, is its own key:
            // its bytes loaded at once and put in lower case together.
            let mut j = i;
            while j < b.len() && ASCII_WORD[b[j] as usize] {
                j += 1;
            }
            let end = if j < b.len() && b[j] >= 0x80 { word_end(text, j) } else { j };
            let word = &text[i..end];
            let info = if end == j && j - i <= 8 {
                let key = lower_packed(b, i, j - i);
                known.entry_packed(key, || make(word, &key.to_le_bytes()[..j - i]))
            } else {
                lower.clear();
                lower.extend(b[i..end].iter().map(u8::to_ascii_lowercase));
                known.entry(&lower, || make(word, &lower))
            };
            if info.names.0 != info.names.1 && hit_may_start(text, i) {
                let names = self.index.names_in(info.names);
                if let Some(h) = self.hit_at(text, i, end - i, names) {
                    hits.push(h);
                    i = h.end;
                    continue;
                }
            }
            if info.verdict != 0 {
                words.push((i, info.verdict));
            }
            i = end;
        }
    }

    /// The longest of `names` (one group of the index, longest first) written at
    /// `start`, ignoring ASCII case, that ends on a word boundary and has the case its
    /// entry asks for; `shared` is the length of what the group's names share.
    fn hit_at(&self, text: &str, start: usize, shared: usize, names: &[IndexedName]) -> Option<Hit> {
        let b = text.as_bytes();
        let matches = |n: &IndexedName| {
            let pat = n.pat as usize;
            let name = self.pats[pat].1.as_bytes();
            let end = start + name.len();
            let matched = b.get(start..end).is_some_and(|t| t.eq_ignore_ascii_case(name))
                && text[end..].chars().next().is_none_or(|c| !is_word_char(c))
                && (!self.sensitive[pat] || &b[start..end] == name);
            matched.then(|| Hit { entry: self.pats[pat].0, pat, start, end })
        };
        // The common case, one name (mostly the word itself): nothing to order.
        if let [n] = names {
            return matches(n);
        }
        let t = [0, 1].map(|k| b.get(start + shared + k).map_or(0, u8::to_ascii_lowercase));
        // Longest first: the names the text's next two bytes continue (at least two
        // bytes longer than the shared part), then those it continues for one byte
        // and that end there, then the one that is the shared part alone.
        let keys = [t, [t[0], 0], [0, 0]];
        for (k, key) in keys.iter().enumerate() {
            if keys[..k].contains(key) {
                continue;
            }
            // (Most groups hold one or two names: a search costs more than a look.)
            let from = if names.len() <= 4 {
                names.iter().position(|n| n.next >= *key).unwrap_or(names.len())
            } else {
                names.partition_point(|n| n.next < *key)
            };
            if let Some(h) = names[from..].iter().take_while(|n| n.next == *key).find_map(matches) {
                return Some(h);
            }
        }
        None
    }

    /// Resolves a word not found exactly to the name it is a typo of, if any.
    fn typo(&self, lower: String, capital_mid_sentence: bool) -> Typo {
        // An ordinary word is neither a typo nor worth a near miss; capitalised
        // mid-sentence, it may be a name (`at Block`), so it goes on to say why not.
        // (Checked first: most words of the prose stop here, cheaply.)
        let common = is_common_form(&lower);
        if common && !capital_mid_sentence {
            return Typo::None;
        }
        let mut forms = vec![lower.clone()];
        if lower.ends_with('s') && lower.chars().count() >= 6 {
            forms.push(lower[..lower.len() - 1].to_string());
        }
        // (distance, name index) of every name within distance 2 of a form.
        let mut found: Vec<(usize, u32)> = Vec::new();
        let mut cands: Vec<u32> = Vec::new();
        for f in &forms {
            cands.clear();
            // Two deletions of the word find two insertions or two substitutions:
            // typos of names of 9 letters or more, and near misses (`jpytyhon`).
            variants(f, f.chars().count() >= 7, |h| {
                let bit = (h >> (64 - self.deletion_shift)) as usize;
                if self.deletion_bits[bit / 64] & (1 << (bit % 64)) == 0 {
                    return;
                }
                let from = self.deletions.partition_point(|&(k, _)| k < h);
                cands.extend(self.deletions[from..].iter().take_while(|&&(k, _)| k == h).map(|&(_, i)| i));
            });
            cands.sort_unstable();
            cands.dedup();
            for &c in &cands {
                let d = strsim::osa_distance(f, &self.typo_names[c as usize].0);
                if (1..=2).contains(&d) {
                    found.push((d, c));
                }
            }
        }
        if found.is_empty() {
            return Typo::None;
        }
        let first = |name: &str| name.chars().next().map(|c| c.to_lowercase().collect::<String>());
        // Closest first; at one distance, names with the word's first letter first.
        found.sort_unstable_by_key(|&(d, c)| (d, first(&self.typo_names[c as usize].0) != first(&lower), c));
        found.dedup();

        let mut accepted: Vec<(usize, u32)> = Vec::new();
        let mut rejected: Option<(u32, String)> = None;
        for &(d, c) in &found {
            let (name, entry, len) = &self.typo_names[c as usize];
            // Ok: accepted; Err(Some(why)): a near miss; Err(None): not worth one (an
            // ordinary word, or a distance far over the limit of a short name).
            let verdict: Result<(), Option<String>> = if d > allowed_distance(*len as usize) {
                if common || *len < 6 {
                    Err(None)
                } else {
                    Err(Some(format!(
                        "edit distance {d} of {len} is over the limit of {}",
                        allowed_distance(*len as usize)
                    )))
                }
            } else if first(name) != first(&lower) {
                Err((!common).then(|| "does not start with the same letter".to_string()))
            } else if common {
                Err(Some("an ordinary English word".to_string()))
            } else {
                Ok(())
            };
            match verdict {
                Ok(()) => accepted.push((d, c)),
                Err(Some(r)) => {
                    if rejected.is_none() {
                        rejected = Some((*entry, r));
                    }
                }
                Err(None) => {}
            }
        }
        if let Some(&(d, c)) = accepted.first() {
            let entry = self.typo_names[c as usize].1;
            let name = &self.typo_names[c as usize].0;
            if let Some(w) = forms.iter().find_map(|f| near_common_word(f, name)) {
                return Typo::Near(entry, format!("as close to the ordinary word {w:?}"));
            }
            let rival = accepted.iter().find(|&&(d2, c2)| d2 == d && self.typo_names[c2 as usize].1 != entry);
            if let Some(&(_, c2)) = rival {
                return Typo::Near(
                    entry,
                    format!(
                        "as close to {:?} as to {:?}",
                        self.typo_names[c as usize].0, self.typo_names[c2 as usize].0
                    ),
                );
            }
            let of = self.typo_names[c as usize].2;
            return Typo::Match { entry, distance: d as u8, of };
        }
        match rejected {
            Some((entry, reason)) => Typo::Near(entry, reason),
            None => Typo::None,
        }
    }
}

/// 1-based line and column (in characters) of byte `offset` of `text`.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    Lines::new(text).line_col(offset)
}

/// Where the lines of a text start, to turn many offsets into lines and columns.
struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Lines<'a> {
        let starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        Lines { text, starts }
    }

    fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        let col = self.text.get(start..offset).map_or(offset - start, |s| s.chars().count());
        (line, col + 1)
    }
}

#[cfg(test)]
mod tests;
