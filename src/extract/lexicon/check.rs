//! Reading and checking one lexicon file: the one check of every lexicon, the
//! built-in sources (`data/lexicon/*.toml`, checked by `build.rs`, which includes this
//! file) and a user's `talkgraph.toml` alike. It depends on `serde` and `toml` only.

use serde::Deserialize;
use toml::Spanned;

/// Technology, topic or organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntryKind {
    /// Something one installs, runs or buys: software, a language, a service, a format.
    Technology,
    /// Company, foundation, community, conference.
    Organization,
    /// A concept one talks about but cannot install: a field ("machine learning"), a
    /// practice ("type checking"), a pattern, a language feature ("generics").
    Topic,
}

/// An entry as written, with where each name was written (for error messages).
/// The required fields are options here so that a missing one is reported at the
/// entry's line.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    name: Option<Spanned<String>>,
    kind: Option<EntryKind>,
    category: Option<String>,
    #[serde(default)]
    aliases: Vec<Spanned<String>>,
    #[serde(default)]
    case: Option<Spanned<String>>,
    #[serde(default)]
    ambiguous: Option<bool>,
    #[serde(default)]
    typos: Option<bool>,
    #[serde(default)]
    strict: bool,
    #[serde(default)]
    clues: Vec<String>,
    #[serde(default)]
    org: Option<String>,
    #[serde(default)]
    homepage: Option<String>,
    #[serde(default)]
    pypi: Option<String>,
    #[serde(default)]
    npm: Option<String>,
    #[serde(default)]
    wikidata: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    entry: Vec<RawEntry>,
    /// A user's merges (`same`, `never`, `ignore`): read by `extract::merges`.
    #[serde(default, rename = "same")]
    _same: Vec<toml::Value>,
    #[serde(default, rename = "never")]
    _never: Vec<toml::Value>,
    #[serde(default, rename = "ignore")]
    _ignore: Vec<toml::Value>,
}

/// One entry of a lexicon file, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedEntry {
    /// Canonical name.
    pub name: String,
    /// Technology, topic or organisation.
    pub kind: EntryKind,
    /// language, library, framework, tool, service, company, ...
    pub category: String,
    /// Other spellings.
    pub aliases: Vec<String>,
    /// Whether names match only with the case as written.
    pub case_sensitive: bool,
    /// Also an ordinary word: linked only when the context confirms it.
    pub ambiguous: bool,
    /// Whether the file says `ambiguous` at all, `true` or `false`: a built-in entry
    /// that does not is judged by the word frequencies (`build.rs`).
    pub says_ambiguous: bool,
    /// Whether a misspelling of a name is still linked (default: yes).
    pub typos: bool,
    /// Ambiguous, and confirmed by code or a clue word only (not by a capital or a
    /// neighbour).
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
    /// Wikidata id.
    pub wikidata: Option<String>,
    /// 1-based line of the entry (its `[[entry]]` header, else its name).
    pub line: usize,
    /// (line, column) of the name, then of each alias.
    pub name_at: (usize, usize),
    /// (line, column) of each alias.
    pub aliases_at: Vec<(usize, usize)>,
}

/// What is wrong with a lexicon file, and where (1-based line and column).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckError {
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// What is wrong.
    pub message: String,
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

/// Parses and checks one lexicon file: TOML syntax, unknown fields, missing
/// `name`/`kind`/`category` (reported at the entry's line), unknown `case` values
/// and empty names. Names given to two entries are checked by the caller, which
/// knows every file.
pub fn check_file(text: &str) -> Result<Vec<CheckedEntry>, CheckError> {
    let lines = Lines::new(text);
    let file: RawFile = toml::from_str(text).map_err(|e| {
        let (line, column) = e.span().map(|s| lines.line_col(s.start)).unwrap_or((1, 1));
        CheckError { line, column, message: e.message().trim().to_string() }
    })?;
    // The line of each `[[entry]]` header, in order: where a missing field is reported.
    let headers: Vec<usize> =
        text.lines().enumerate().filter(|(_, l)| l.trim_start().starts_with("[[entry]]")).map(|(i, _)| i + 1).collect();
    let mut out = Vec::with_capacity(file.entry.len());
    for (i, raw) in file.entry.into_iter().enumerate() {
        let fallback = raw.name.as_ref().map_or(1, |n| lines.line_col(n.span().start).0);
        let line = headers.get(i).copied().unwrap_or(fallback);
        let at = |field: &str| CheckError { line, column: 1, message: format!("entry without `{field}`") };
        let name = raw.name.ok_or_else(|| at("name"))?;
        let kind = raw.kind.ok_or_else(|| at("kind"))?;
        let category = raw.category.ok_or_else(|| at("category"))?;
        let case_sensitive = match &raw.case {
            None => false,
            Some(c) => match c.get_ref().as_str() {
                "sensitive" => true,
                "insensitive" => false,
                other => {
                    let (line, column) = lines.line_col(c.span().start);
                    return Err(CheckError {
                        line,
                        column,
                        message: format!("unknown case {other:?}: expected \"sensitive\" or \"insensitive\""),
                    });
                }
            },
        };
        if let Some(q) = &raw.wikidata {
            let item = q
                .strip_prefix('Q')
                .is_some_and(|d| !d.is_empty() && !d.starts_with('0') && d.bytes().all(|b| b.is_ascii_digit()));
            if !item {
                return Err(CheckError {
                    line,
                    column: 1,
                    message: format!("wikidata {q:?} is no Wikidata item id: expected Q and digits, as \"Q28865\""),
                });
            }
        }
        for n in std::iter::once(&name).chain(&raw.aliases) {
            if name_key(n.get_ref()).is_empty() {
                let (line, column) = lines.line_col(n.span().start);
                return Err(CheckError { line, column, message: "empty name".to_string() });
            }
        }
        out.push(CheckedEntry {
            name_at: lines.line_col(name.span().start),
            aliases_at: raw.aliases.iter().map(|a| lines.line_col(a.span().start)).collect(),
            name: name.into_inner(),
            kind,
            category,
            aliases: raw.aliases.into_iter().map(Spanned::into_inner).collect(),
            case_sensitive,
            ambiguous: raw.ambiguous.unwrap_or(false),
            says_ambiguous: raw.ambiguous.is_some(),
            typos: raw.typos.unwrap_or(true),
            strict: raw.strict,
            clues: raw.clues,
            org: raw.org,
            homepage: raw.homepage,
            pypi: raw.pypi,
            npm: raw.npm,
            wikidata: raw.wikidata,
            line,
        });
    }
    Ok(out)
}

/// Where the lines of a text start, to turn many offsets into lines and columns.
pub struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    /// The line starts of `text`.
    pub fn new(text: &'a str) -> Lines<'a> {
        let starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        Lines { text, starts }
    }

    /// 1-based line and column (in characters) of byte `offset`.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        let col = self.text.get(start..offset).map_or(offset - start, |s| s.chars().count());
        (line, col + 1)
    }
}
