//! Strong signals that something is a technology, even when the lexicon does not
//! know it: `[[wikilinks]]`, `#tags`, `code spans` shaped like package names,
//! `pip install X`, `import X` / `from X import`, and `github.com/org/repo`.
//!
//! A name the lexicon knows becomes a [`Target::Entry`] with the signal's rule;
//! anything else a [`Target::Unlisted`], which every user sees as a graph node, so each
//! signal is conservative: ordinary words, Python keywords and builtins, the standard
//! library and things shaped like people, dates or paths are skipped.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};
use memchr::memmem::Finder;
use regex::Regex;
use regex_automata::{meta, Anchored, Input};

use super::lexicon::{Lexicon, WordCache};
use super::text::{anchored_matches, is_common_word, Body};
use super::{Found, Mention, Recogniser, Rule, Scratch, Target};

/// Modules of the standard library (and other noise) that `import` does not turn
/// into a node unless the lexicon lists them.
const STDLIB: &[&str] = &[
    "abc",
    "argparse",
    "array",
    "ast",
    "asyncio",
    "base64",
    "bisect",
    "builtins",
    "collections",
    "concurrent",
    "contextlib",
    "copy",
    "csv",
    "ctypes",
    "dataclasses",
    "datetime",
    "decimal",
    "difflib",
    "dis",
    "enum",
    "errno",
    "functools",
    "gc",
    "glob",
    "hashlib",
    "heapq",
    "http",
    "importlib",
    "inspect",
    "io",
    "itertools",
    "json",
    "logging",
    "math",
    "multiprocessing",
    "operator",
    "os",
    "pathlib",
    "pickle",
    "platform",
    "pprint",
    "queue",
    "random",
    "re",
    "secrets",
    "select",
    "shutil",
    "signal",
    "socket",
    "sqlite3",
    "statistics",
    "string",
    "struct",
    "subprocess",
    "sys",
    "tempfile",
    "textwrap",
    "threading",
    "time",
    "timeit",
    "token",
    "tokenize",
    "traceback",
    "types",
    "typing",
    "unittest",
    "urllib",
    "uuid",
    "warnings",
    "weakref",
    "xml",
    "zipfile",
    "zlib",
    "__future__",
];

/// Python keywords and builtins: code spans that are code, not packages.
const PY_WORDS: &[&str] = &[
    "and",
    "as",
    "assert",
    "async",
    "await",
    "break",
    "class",
    "continue",
    "def",
    "del",
    "elif",
    "else",
    "except",
    "false",
    "finally",
    "for",
    "from",
    "global",
    "if",
    "import",
    "in",
    "is",
    "lambda",
    "none",
    "nonlocal",
    "not",
    "or",
    "pass",
    "raise",
    "return",
    "true",
    "try",
    "while",
    "with",
    "yield",
    "abs",
    "all",
    "any",
    "bool",
    "bytes",
    "callable",
    "dict",
    "dir",
    "enumerate",
    "eval",
    "exec",
    "filter",
    "float",
    "format",
    "getattr",
    "hasattr",
    "hash",
    "id",
    "input",
    "int",
    "isinstance",
    "issubclass",
    "iter",
    "len",
    "list",
    "map",
    "max",
    "min",
    "next",
    "object",
    "open",
    "print",
    "property",
    "range",
    "repr",
    "reversed",
    "round",
    "self",
    "cls",
    "set",
    "setattr",
    "slice",
    "sorted",
    "str",
    "sum",
    "super",
    "tuple",
    "type",
    "vars",
    "zip",
    "null",
    "nil",
    "var",
    "let",
    "const",
    "fn",
    "mut",
    "pub",
    "impl",
    "struct",
    "enum",
    "match",
    "use",
    "mod",
    "ls",
    "cd",
    "rm",
    "cp",
    "mv",
    "cat",
    "echo",
    "sudo",
    "git",
    "main",
    "foo",
    "bar",
    "baz",
    "todo",
    "http",
    "https",
    "localhost",
];

/// Tags that organise notes rather than name a technology.
const META_TAGS: &[&str] = &[
    "todo",
    "idea",
    "ideas",
    "talk",
    "talks",
    "notes",
    "note",
    "conference",
    "keynote",
    "meetup",
    "important",
    "question",
    "questions",
    "followup",
    "follow-up",
    "later",
    "read",
    "watch",
    "draft",
    "inbox",
    "til",
    "day1",
    "day2",
    "day3",
    "lightning",
    "workshop",
    "tutorial",
    "sprint",
    "sprints",
    "review",
    "done",
    "wip",
];

/// The strong-signal recogniser: wikilinks, tags, code spans, installs, imports and
/// GitHub links, looked up in `lexicon`, with its patterns compiled once.
#[derive(Debug)]
pub struct Signals<'k> {
    lexicon: &'k Lexicon,
    wikilink: Regex,
    /// Every match starts just before a `#` (or at the text's start): see [`Signals::find`].
    tag: OnceLock<meta::Regex>,
    /// Every match starts with `uv`, `pip`, `conda`, `mamba` or `poetry`.
    install: meta::Regex,
    /// [`IMPORT`] read on an ASCII line (see [`IMPORT_ASCII`]).
    import_ascii: Regex,
    /// [`IMPORT`], compiled when a line that is not ASCII holds `import` (its
    /// Unicode classes cost 14 M instructions to compile).
    import: OnceLock<Regex>,
    /// Every match starts with `github`.
    github: OnceLock<meta::Regex>,
    /// The words the install, import and GitHub patterns start with
    /// ([`LITERALS`]), looked for in one pass over the lower-case text.
    literals: AhoCorasick,
    wikilink_open: Finder<'static>,
    /// The notes' label words (`#palestra`, `#vortrag`, `#notatki`: a tag naming what
    /// a note is, in any of the languages read, no technology), read on the first tag.
    labels: OnceLock<crate::notes::labels::Labels>,
}

/// The words [`Signals::literals`] finds: five install words, then `import`, then
/// `github`. None starts inside another's match where that other could be found
/// (only `pip` and `poetry` overlap, as `p`, which they did in a search of their own),
/// so one pass finds each place that a search for each word would.
const LITERALS: [&str; 7] = ["pip", "uv", "conda", "mamba", "poetry", "import", "github"];

impl<'k> Signals<'k> {
    /// The recogniser, looking names up in `lexicon`.
    pub fn new(lexicon: &'k Lexicon) -> Signals<'k> {
        let regex = |r: &str| Regex::new(r).expect("a valid regex, fixed in the source");
        let meta = |r: &str| meta::Regex::new(r).expect("a valid regex, fixed in the source");
        Signals {
            lexicon,
            wikilink: regex(r"\[\[([^\]\|#\n]+)(?:[#|][^\]\n]*)?\]\]"),
            tag: OnceLock::new(),
            install: meta(
                r"(?i)\b(?:(?:uv\s+)?pip3?\s+install|pipx\s+install|conda\s+install|mamba\s+install|uv\s+add|poetry\s+add)\s+([^\n`;|&#]+)",
            ),
            literals: AhoCorasick::builder().match_kind(MatchKind::LeftmostFirst).build(LITERALS).expect("seven words"),
            import_ascii: regex(IMPORT_ASCII),
            import: OnceLock::new(),
            github: OnceLock::new(),
            labels: OnceLock::new(),
            wikilink_open: Finder::new("[["),
        }
    }
}

impl Signals<'_> {
    /// [`IMPORT`], compiled on first need.
    fn import(&self) -> &Regex {
        self.import.get_or_init(|| Regex::new(IMPORT).expect("a valid regex, fixed in the source"))
    }
}

impl Recogniser for Signals<'_> {
    fn name(&self) -> &'static str {
        "signals"
    }

    fn recognise(&self, body: &Body<'_>, scratch: &mut Scratch, out: &mut Found) {
        self.find(body, &mut scratch.words, &mut out.mentions);
    }
}

/// A `#tag`: every match starts just before a `#` (or at the text's start).
const TAG: &str = r"(?:^|[\s(,;])#([A-Za-z][\w\-/.]*[\w])";

/// A GitHub repository's address: every match starts with `github`.
const GITHUB: &str = r"(?i)github\.com/([\w.-]+)/([\w.-]+)";

/// What a reader of a pattern's match anchored at a place says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Read {
    /// A match, ending here.
    Match(usize),
    /// No match.
    NoMatch,
    /// Not told by the ASCII bytes: the pattern is asked.
    Unsure,
}

/// The matches of `pattern` in `text` as [`super::text::anchored_spans`] finds
/// them at `starts`, each told by `read` where the bytes are ASCII, and by the
/// pattern (compiled into `re` on first need) where they are not. ([`TAG`] and
/// [`GITHUB`], whose Unicode classes cost 14 M instructions to compile, of the 61 M
/// of start-up, callgrind: read so, they are compiled only for a note that needs
/// them.)
fn read_spans(
    re: &OnceLock<meta::Regex>,
    pattern: &str,
    text: &str,
    starts: impl IntoIterator<Item = usize>,
    read: impl Fn(&[u8], usize) -> Read,
) -> Vec<(usize, usize)> {
    super::text::spans_at(starts, |start| match read(text.as_bytes(), start) {
        Read::Match(e) => Some(e),
        Read::NoMatch => None,
        Read::Unsure => {
            let re = re.get_or_init(|| meta::Regex::new(pattern).expect("a valid regex, fixed in the source"));
            re.find(Input::new(text).range(start..).anchored(Anchored::Yes)).map(|m| m.end())
        }
    })
}

/// `\s` among ASCII bytes.
fn is_ascii_space(c: u8) -> bool {
    matches!(c, b'\t'..=b'\r' | b' ')
}

/// `\w` among ASCII bytes.
fn is_ascii_word(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// The match of [`TAG`] anchored at `s`, where ASCII tells it: `#` at the text's
/// start, or after white space, `(`, `,` or `;`; an ASCII letter; then the longest
/// run of word characters, `-`, `/` and `.`, up to its last word character (which
/// must follow the letter). A non-ASCII byte before the `#` or ending the run may
/// be white space or a word character: unsure.
fn read_tag(b: &[u8], s: usize) -> Read {
    let hash = if s == 0 && b.first() == Some(&b'#') {
        0
    } else {
        match b.get(s) {
            Some(&c) if c >= 0x80 => return Read::Unsure,
            Some(&c) if is_ascii_space(c) || matches!(c, b'(' | b',' | b';') => s + 1,
            _ => return Read::NoMatch,
        }
    };
    if b.get(hash) != Some(&b'#') || !b.get(hash + 1).is_some_and(u8::is_ascii_alphabetic) {
        return Read::NoMatch;
    }
    let from = hash + 2;
    let run = from + b[from..].iter().take_while(|&&c| is_ascii_word(c) || matches!(c, b'-' | b'/' | b'.')).count();
    if b.get(run).is_some_and(|&c| c >= 0x80) {
        return Read::Unsure;
    }
    match b[from..run].iter().rposition(|&c| is_ascii_word(c)) {
        Some(last) => Read::Match(from + last + 1),
        None => Read::NoMatch,
    }
}

/// The match of [`GITHUB`] anchored at `s`, where ASCII tells it: `github.com/` in
/// any ASCII case (none of its letters folds with another character), the longest
/// run of word characters, `.` and `-`, a `/`, and the longest such run again, both
/// runs not empty (a shorter first run leaves no `/` to go on with). A run ended
/// by a non-ASCII byte may go on with a word character: unsure.
fn read_github(b: &[u8], s: usize) -> Read {
    const HOST: &[u8] = b"github.com/";
    if !b.get(s..s + HOST.len()).is_some_and(|h| h.eq_ignore_ascii_case(HOST)) {
        return Read::NoMatch;
    }
    let run =
        |from: usize| from + b[from..].iter().take_while(|&&c| is_ascii_word(c) || matches!(c, b'.' | b'-')).count();
    let org = s + HOST.len();
    let org_end = run(org);
    match b.get(org_end) {
        Some(&c) if c >= 0x80 => return Read::Unsure,
        Some(b'/') if org_end > org => {}
        _ => return Read::NoMatch,
    }
    let repo_end = run(org_end + 1);
    if b.get(repo_end).is_some_and(|&c| c >= 0x80) {
        Read::Unsure
    } else if repo_end == org_end + 1 {
        Read::NoMatch
    } else {
        Read::Match(repo_end)
    }
}

/// A line that imports a module: `import numpy as np`, `from hpy.debug import X`,
/// `>>> import os, sys`.
const IMPORT: &str = r"^\s*(?:>>>\s*)?(?:(?i:from)\s+([A-Za-z_]\w*)(?:\.[\w.]+)?\s+import\s+\S|import\s+([A-Za-z_]\w*)(?:\.[\w.]+)?(?:\s+as\s+\w+)?\s*(?:,\s*[A-Za-z_][\w.]*\s*)*$)";

/// [`IMPORT`] with its classes written for ASCII (`\s` as `[\t-\r ]`, `\w` as
/// `[0-9A-Za-z_]`, `\S` as `[^\t-\r ]`): on an ASCII line, where each class
/// matches what the Unicode one does, it matches where [`IMPORT`] does
/// (`import_ascii_agrees_with_the_pattern`), and compiles in a twentieth of the
/// instructions.
const IMPORT_ASCII: &str = r"^[\t-\r ]*(?:>>>[\t-\r ]*)?(?:(?i:from)[\t-\r ]+([A-Za-z_][0-9A-Za-z_]*)(?:\.[0-9A-Za-z_.]+)?[\t-\r ]+import[\t-\r ]+[^\t-\r ]|import[\t-\r ]+([A-Za-z_][0-9A-Za-z_]*)(?:\.[0-9A-Za-z_.]+)?(?:[\t-\r ]+as[\t-\r ]+[0-9A-Za-z_]+)?[\t-\r ]*(?:,[\t-\r ]*[A-Za-z_][0-9A-Za-z_.]*[\t-\r ]*)*$)";

/// The module an ASCII line that the `import` pattern matches imports, and its
/// offset: the group that took part, read off the line (captures ran the bounded
/// backtracker over each such line: 18 M instructions on the 10 MB corpus). After
/// white space and maybe `>>>` and white space comes `from` (any case) or `import`,
/// white space, and the module: a run of word characters (a shorter one would leave
/// a word character where the pattern wants a dot, white space, a comma or the end).
fn import_module(line: &str) -> (usize, &str) {
    let b = line.as_bytes();
    // `\s` within ASCII.
    let space = |c: &u8| matches!(c, b'\t'..=b'\r' | b' ');
    let skip_space = |at: usize| at + b[at..].iter().take_while(|c| space(c)).count();
    let mut at = skip_space(0);
    if b[at..].starts_with(b">>>") {
        at = skip_space(at + 3);
    }
    let keyword = if b[at..].starts_with(b"import") { "import".len() } else { "from".len() };
    let from = skip_space(at + keyword);
    let len = b[from..].iter().take_while(|c| c.is_ascii_alphanumeric() || **c == b'_').count();
    (from, &line[from..from + len])
}

/// Whether `s` has a package name's shape: an ASCII lower-case letter, then 1 to 40
/// of ASCII lower-case letters, digits, `_`, `.` and `-` (what the pattern
/// `^[a-z][a-z0-9_.\-]{1,40}$` matched; compiling it, forty copies of its class
/// forward and in reverse, and the speakers' name run for the lazy DFAs cost 7.6 M
/// instructions at start-up: 3,026.7 M in all on the 10 MB corpus, then 3,019.1 M).
fn package_shaped(s: &str) -> bool {
    let b = s.as_bytes();
    (2..=41).contains(&b.len())
        && b[0].is_ascii_lowercase()
        && b[1..].iter().all(|&c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, b'_' | b'.' | b'-'))
}

impl Signals<'_> {
    /// Finds every strong signal in `body`: mentions with the offset of the name.
    /// What the lexicon says of a name is remembered in the worker's `words` (code
    /// spans and tags repeat from one section to the next: `Signals::find` 98 M ->
    /// 75 M instructions on 10 MB of notes, callgrind).
    fn find(&self, body: &Body<'_>, words: &mut WordCache, out: &mut Vec<(usize, Mention)>) {
        let lexicon = self.lexicon;
        let text = body.text;
        let words = std::cell::RefCell::new(words);
        let find_package = |name: &str| lexicon.find_package_cached(name, &mut words.borrow_mut());
        let mut push_as = |at: usize, name: &str, lookup: &str, rule: Rule, unlisted_ok: bool| {
            let target = match find_package(lookup) {
                Some(id) => Target::Entry(id),
                None if unlisted_ok => Target::Unlisted(name.to_string()),
                None => return,
            };
            out.push((at, Mention { target, surface: name.to_string(), line: body.line_no(at), rule }));
        };

        // Each regex below needs a literal that is cheap to look for (`[[`, `#`, `pip`,
        // `import`, `github`): a section without it is not searched.
        let bytes = text.as_bytes();
        let wikilinks = self.wikilink_open.find(bytes).is_some();
        for c in wikilinks.then(|| self.wikilink.captures_iter(text)).into_iter().flatten() {
            let m = c.get(1).expect("group 1 always takes part");
            let name = m.as_str().trim();
            if body.in_code(m.start()) {
                continue;
            }
            let plausible = name.chars().count() <= 40
                && name.split_whitespace().count() <= 4
                && name.chars().any(char::is_alphabetic)
                && !name.contains('/')
                && name.chars().filter(|c| c.is_ascii_digit()).nth(3).is_none()
                && !super::speaker::looks_like_name(name)
                && !is_common_word(name)
                // A page of the note-taker's own (`[[Fagdag juni]]`, `[[meeting notes]]`):
                // a word in lower case after the first is no software's name.
                && !name.split_whitespace().skip(1).any(|w| w.chars().all(char::is_lowercase));
            push_as(
                m.start() + (m.as_str().len() - m.as_str().trim_start().len()),
                name,
                name,
                Rule::WikiLink,
                plausible,
            );
        }

        // A tag match starts at the character before its `#`, or at the text's start;
        // an ASCII letter follows the `#` (not so in a heading's `## `).
        let tag_starts = memchr::memchr_iter(b'#', bytes)
            .filter(|&p| bytes.get(p + 1).is_some_and(u8::is_ascii_alphabetic))
            .map(|p| text[..p].chars().next_back().map_or(0, |c| p - c.len_utf8()));
        // (Group 1 is what follows the match's one `#`: read off the match, without
        // captures.)
        for (s, e) in read_spans(&self.tag, TAG, text, tag_starts, read_tag) {
            let at = s + text[s..e].find('#').expect("a tag holds a `#`") + 1;
            if body.in_code(at) || body.in_url(at) {
                continue;
            }
            let tag = &text[at..e];
            let last = tag.rsplit('/').next().unwrap_or(tag);
            let spaced = last.replace(['-', '_'], " ");
            if find_package(last).is_some() {
                push_as(e - last.len(), last, last, Rule::Tag, false);
            } else if lexicon.find(&spaced).is_some() {
                push_as(e - last.len(), last, &spaced, Rule::Tag, false);
            } else {
                let low = last.to_lowercase();
                let ok = last.len() >= 2
                    && !META_TAGS.contains(&low.as_str())
                    && self.labels.get_or_init(Default::default).lookup(&low).is_empty()
                    && !is_common_word(&low)
                    && !low.chars().any(|c| c.is_ascii_digit());
                push_as(e - last.len(), last, last, Rule::Tag, ok);
            }
        }

        for (at, span) in body.code_spans() {
            let s = span.trim();
            if !package_shaped(s) || s.len() < 3 {
                continue;
            }
            if find_package(s).is_some() {
                push_as(at, s, s, Rule::CodeSpan, false);
                continue;
            }
            let ok = !s.contains(['.', '_'])
                && !PY_WORDS.contains(&s)
                && !STDLIB.contains(&s)
                && !is_common_word(s)
                && !s.ends_with('-');
            push_as(at, s, s, Rule::CodeSpan, ok);
        }

        // The regex starts with `\b`: not after an ASCII letter, digit or `_`
        // (`secondary` holds `conda`).
        let after_word = |p: usize| p > 0 && (bytes[p - 1].is_ascii_alphanumeric() || bytes[p - 1] == b'_');
        // (One pass for the five words, not one each: a word's place that another's
        // overlaps follows a letter, where `\b` fails.)
        // (One pass for the seven words, not one for the install words and one each
        // for `import` and `github`: 26 M instructions on the 10 MB corpus, 18 M.)
        let (mut install_starts, mut imports, mut githubs) = (Vec::new(), Vec::new(), Vec::new());
        for m in self.literals.find_iter(body.lower()) {
            match m.pattern().as_usize() {
                0..=4 => install_starts.push(m.start()),
                5 => imports.push(m.start()),
                _ => githubs.push(m.start()),
            }
        }
        let install_starts = install_starts.into_iter().filter(|&p| !after_word(p));
        for c in anchored_matches(&self.install, text, install_starts) {
            let m = c.get(1).expect("group 1 always takes part");
            let takes_value =
                |o: &str| matches!(o, "-r" | "-e" | "-c" | "-i" | "--index-url" | "--requirement" | "--editable");
            for (at, tok) in super::text::install_args(m.as_str(), m.start(), takes_value) {
                let name = tok
                    .trim_matches(['"', '\''])
                    .split(['[', '=', '<', '>', '~', '!', '@', ';'])
                    .next()
                    .unwrap_or("")
                    .trim_end_matches([',', '.', ')']);
                let valid = !name.is_empty()
                    && name.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
                    && name.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'));
                if !valid {
                    break;
                }
                push_as(at, name, name, Rule::PipInstall, !is_common_word(name) || name.len() > 12);
            }
        }

        // The lines that hold `import` as the regex needs it, each once: not after a
        // word character, and before white space (`\s`: ASCII, or a non-ASCII
        // byte), not in `important`.
        let spaced = |c: Option<&u8>| c.is_some_and(|&c| matches!(c, b'\t'..=b'\r' | b' ') || c >= 0x80);
        // (`import` in this case only: the pass above ignored case.)
        let mut import_lines: Vec<usize> = imports
            .into_iter()
            .filter(|&at| {
                bytes[at..].starts_with(b"import") && !after_word(at) && spaced(bytes.get(at + "import".len()))
            })
            .map(|at| body.line_index(at))
            .collect();
        import_lines.dedup();
        for i in import_lines {
            let line = body.line(i);
            let (at, module) = if line.is_ascii() {
                if !self.import_ascii.is_match(line) {
                    continue;
                }
                import_module(line)
            } else {
                let Some(c) = self.import().captures(line) else { continue };
                let m = c.get(1).or_else(|| c.get(2)).expect("one of the two groups takes part");
                (m.start(), m.as_str())
            };
            let low = module.to_lowercase();
            let ok = !STDLIB.contains(&low.as_str()) && !is_common_word(&low) && module.len() >= 2;
            push_as(body.line_start(i) + at, module, module, Rule::Import, ok);
        }

        // Whether each repository name is named outside a link, once per name.
        let mut named: Vec<(&str, bool)> = Vec::new();
        // (The groups are read off the match, without captures: it starts with the 11
        // ASCII bytes of `github.com/`, and the organisation, which holds no `/`, ends
        // at the next one.)
        for (s, e) in read_spans(&self.github, GITHUB, text, githubs, read_github) {
            let path = &text[s + "github.com/".len()..e];
            let repo_at = s + "github.com/".len() + path.find('/').expect("org/repo") + 1;
            let repo = &text[repo_at..e];
            let name = repo.trim_end_matches(".git").trim_end_matches(['.', ',']);
            if name.is_empty() {
                continue;
            }
            // An unknown repository becomes a node only when the notes also name it
            // outside the link: a link alone says little about what the talk was about.
            // (Searched with `memmem`, as `str::match_indices` would find it, and once
            // per name: the text searched again for each link of a section cost
            // 46 M instructions on the 10 MB corpus.)
            let named_elsewhere = match named.iter().find(|(n, _)| *n == name) {
                Some(&(_, known)) => known,
                None => {
                    let known = memchr::memmem::find_iter(bytes, name.as_bytes()).any(|i| {
                        !body.in_url(i)
                            && text[..i].chars().next_back().is_none_or(|c| !c.is_alphanumeric())
                            && text[i + name.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric())
                    });
                    named.push((name, known));
                    known
                }
            };
            push_as(repo_at, name, name, Rule::GitHub, named_elsewhere && !is_common_word(name));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::text::{anchored_spans, Patterns};

    #[test]
    fn package_shape_agrees_with_its_pattern() {
        let re = Regex::new(r"^[a-z][a-z0-9_.\-]{1,40}$").unwrap();
        let long = "a".repeat(41);
        let longer = "a".repeat(42);
        let cases = [
            "",
            "a",
            "ab",
            "a1",
            "1a",
            "Ab",
            "aB",
            "a-b_c.d",
            "a b",
            "a\n",
            "ab\n",
            "é",
            "aé",
            "a/b",
            "a+b",
            "numpy",
            "scikit-learn",
            "zope.interface",
            "a_",
            "_a",
            long.as_str(),
            longer.as_str(),
        ];
        for s in cases {
            assert_eq!(package_shaped(s), re.is_match(s), "{s:?}");
        }
        assert!(package_shaped(&long) && !package_shaped(&longer));
    }

    fn lex() -> Lexicon {
        Lexicon::from_toml(
            r#"
[[entry]]
name = "HPy"
kind = "technology"
category = "library"
[[entry]]
name = "Black"
kind = "technology"
category = "tool"
ambiguous = true
[[entry]]
name = "scikit-learn"
kind = "technology"
category = "library"
aliases = ["sklearn"]
pypi = "scikit-learn"
[[entry]]
name = "Machine learning"
kind = "technology"
category = "concept"
"#,
            "test.toml",
        )
        .expect("valid")
    }

    fn found(text: &str) -> Vec<(String, Rule)> {
        let lex = lex();
        let pats = Patterns::new();
        let body = Body::new(text, 1, &pats);
        let mut out = Vec::new();
        Signals::new(&lex).find(&body, &mut WordCache::default(), &mut out);
        out.into_iter()
            .map(|(_, m)| {
                let name = match m.target {
                    Target::Entry(id) => lex.entry(id).name.clone(),
                    Target::Unlisted(n) => format!("?{n}"),
                    other => panic!("unexpected {other:?}"),
                };
                (name, m.rule)
            })
            .collect()
    }

    proptest::proptest! {
        /// Tags and GitHub links read by hand are those the patterns find, at every
        /// place, in any text.
        #[test]
        fn tags_and_github_links_read_as_the_patterns_find_them(
            text in r"(#|# |##|[aZ]|[a-z0-9]{1,3}|_|-|/|\.|\(|,|;| |\t|\n|\u{a0}|é|\u{212a}|github\.com/|GitHub\.COM/|github|:){0,16}"
        ) {
            let starts: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
            for (pattern, read) in [(TAG, read_tag as fn(&[u8], usize) -> Read), (GITHUB, read_github)] {
                let re = meta::Regex::new(pattern).expect("valid");
                for &s in &starts {
                    let want = re.find(Input::new(&text).range(s..).anchored(Anchored::Yes)).map(|m| m.end());
                    match read(text.as_bytes(), s) {
                        Read::Match(e) => proptest::prop_assert_eq!(Some(e), want, "{} at {} in {:?}", pattern, s, text),
                        Read::NoMatch => proptest::prop_assert_eq!(None, want, "{} at {} in {:?}", pattern, s, text),
                        Read::Unsure => {}
                    }
                }
                let got = read_spans(&OnceLock::new(), pattern, &text, starts.iter().copied(), read);
                proptest::prop_assert_eq!(got, anchored_spans(&re, &text, starts.iter().copied()));
            }
        }
    }

    proptest::proptest! {
        /// On an ASCII line, the pattern written for ASCII matches where the import
        /// pattern does, with the same groups.
        #[test]
        fn import_ascii_agrees_with_the_pattern(
            line in r"( |\t|\x0b|\x0c|\r|>>>|from|FROM|import|as|numpy|os|_x|[a-zA-Z0-9]{1,3}|\.|,|\*|-){0,12}"
        ) {
            let (ascii, unicode) = (Regex::new(IMPORT_ASCII).expect("valid"), Regex::new(IMPORT).expect("valid"));
            let groups = |re: &Regex| {
                re.captures(&line).map(|c| (1..3).map(|i| c.get(i).map(|m| m.range())).collect::<Vec<_>>())
            };
            proptest::prop_assert_eq!(groups(&ascii), groups(&unicode), "{:?}", line);
        }
    }

    proptest::proptest! {
        /// The module read off an ASCII line is the group the regex captures.
        #[test]
        fn import_module_is_the_captured_group(
            line in r"( |\t|>>>|from|FROM|import|as|numpy|os|_x|[a-z0-9]{1,3}|\.|,|\*){0,12}"
        ) {
            if let Some(c) = Regex::new(IMPORT).expect("valid").captures(&line) {
                let m = c.get(1).or_else(|| c.get(2)).expect("a group");
                proptest::prop_assert_eq!(import_module(&line), (m.start(), m.as_str()), "{:?}", line);
            }
        }
    }

    #[test]
    fn signals_table() {
        let cases: &[(&str, &[(&str, Rule)])] = &[
            ("We use [[HPy]] and [[Polars|polars df]]", &[("HPy", Rule::WikiLink), ("?Polars", Rule::WikiLink)]),
            ("talk by [[Jane Doe]] on [[2023-07-19]]", &[]),
            ("send it to [[Fagdag juni]] and [[meeting notes]], see [[Argo CD]]", &[("?Argo CD", Rule::WikiLink)]),
            (
                "#python-tooling #hpy #todo #123 #machine-learning",
                &[("?python-tooling", Rule::Tag), ("HPy", Rule::Tag), ("Machine learning", Rule::Tag)],
            ),
            ("## heading", &[]),
            (
                "run `black` then `ruff` on `my_var` and `len` or `foo.bar()`",
                &[("Black", Rule::CodeSpan), ("?ruff", Rule::CodeSpan)],
            ),
            (
                "pip install -U scikit-learn[all]==1.3 polars",
                &[("scikit-learn", Rule::PipInstall), ("?polars", Rule::PipInstall)],
            ),
            ("uv add httpx", &[("?httpx", Rule::PipInstall)]),
            (
                "import os\nimport numpyx as np\nFrom hpy.debug import LeakDetector",
                &[("?numpyx", Rule::Import), ("HPy", Rule::Import)],
            ),
            ("import data from Excel", &[]),
            ("see github.com/hpyproject/hpy", &[("HPy", Rule::GitHub)]),
            ("https://github.com/europython2023gametournament/supremacy", &[]),
            ("supremacy bots: https://github.com/someone/supremacy", &[("?supremacy", Rule::GitHub)]),
            ("https://colab.research.google.com/#scrollTo=dNq", &[]),
        ];
        for (text, want) in cases {
            let want: Vec<(String, Rule)> = want.iter().map(|(n, r)| (n.to_string(), *r)).collect();
            assert_eq!(found(text), want, "{text:?}");
        }
    }
}
