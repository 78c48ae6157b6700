//! The text of one section, prepared once for every recogniser: where lines start,
//! which lines are code (fenced or indented), where the `code spans` and URLs are,
//! and whether a position starts a sentence. Offsets are byte offsets into the text.

use memchr::memmem::Finder;
use regex::Regex;

/// Whether `c` continues a word: letters, digits and `_`.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The first place at or after `from` where `needle` (ASCII, lower case, starting
/// with a letter) occurs in `hay`, ignoring ASCII case.
///
/// Recognisers use it as a cheap necessary condition before a regular expression:
/// `(?i)` in a Unicode regex also folds `k` with the Kelvin sign and `s` with the long
/// s, so a needle holding `k` or `s` is no such condition for a regex.
pub fn find_ci(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    let first = needle[0];
    let mut i = from;
    while i < hay.len() {
        let p = i + memchr::memchr2(first, first.to_ascii_uppercase(), &hay[i..])?;
        if hay.len() - p >= needle.len() && hay[p..p + needle.len()].eq_ignore_ascii_case(needle) {
            return Some(p);
        }
        i = p + 1;
    }
    None
}

/// Whether `hay` holds `needle` ignoring ASCII case (see [`find_ci`]).
pub fn contains_ci(hay: &str, needle: &str) -> bool {
    find_ci(hay.as_bytes(), needle.as_bytes(), 0).is_some()
}

/// One capture group of a match found by [`anchored_matches`].
#[derive(Debug, Clone, Copy)]
pub struct Group<'t> {
    text: &'t str,
    span: regex_automata::Span,
}

impl<'t> Group<'t> {
    /// Byte offset where it starts.
    pub fn start(&self) -> usize {
        self.span.start
    }

    /// Byte offset where it ends.
    pub fn end(&self) -> usize {
        self.span.end
    }

    /// Its text.
    pub fn as_str(&self) -> &'t str {
        &self.text[self.span.range()]
    }
}

/// The groups of one match found by [`anchored_matches`].
#[derive(Debug, Clone)]
pub struct Groups<'t> {
    text: &'t str,
    caps: regex_automata::util::captures::Captures,
}

impl<'t> Groups<'t> {
    /// Group `i` (0: the whole match), if it took part.
    pub fn get(&self, i: usize) -> Option<Group<'t>> {
        self.caps.get_group(i).map(|span| Group { text: self.text, span })
    }
}

/// The arguments of an install command (`pip install -r req.txt rich`, `helm install
/// --set a=b name chart`) that name something, each with its byte offset (`start` is
/// the offset of `args`): options are left out, and so is the value after an option
/// for which `takes_value` is true (`--set=x` carries its own).
pub fn install_args(args: &str, start: usize, takes_value: impl Fn(&str) -> bool) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut offset = start;
    let mut skip_value = false;
    for tok in args.split(' ') {
        let at = offset;
        offset += tok.len() + 1;
        let tok = tok.trim();
        if tok.is_empty() {
            continue;
        }
        if skip_value {
            skip_value = false;
        } else if tok.starts_with('-') {
            skip_value = !tok.contains('=') && takes_value(tok);
        } else {
            out.push((at, tok));
        }
    }
    out
}

/// The matches of `re` in `text`, as an unanchored search would give them one after
/// another, given that every match of `re` starts at one of `starts` (ascending): the
/// regex is asked only there, anchored (its look-arounds still see the text around),
/// so the text between candidates costs nothing.
pub fn anchored_matches<'t>(
    re: &regex_automata::meta::Regex,
    text: &'t str,
    starts: impl IntoIterator<Item = usize>,
) -> Vec<Groups<'t>> {
    let mut out = Vec::new();
    let mut caps = re.create_captures();
    let mut last_end = 0;
    for start in starts {
        if start < last_end {
            continue;
        }
        let input = regex_automata::Input::new(text).range(start..).anchored(regex_automata::Anchored::Yes);
        re.search_captures(&input, &mut caps);
        if let Some(m) = caps.get_match() {
            last_end = m.end().max(start + 1);
            out.push(Groups { text, caps: caps.clone() });
        }
    }
    out
}

/// The matches of `re` in `text` as [`anchored_matches`] finds them, as byte ranges,
/// without their groups: the lazy DFA alone answers, where captures would also run
/// a second engine over each match (for a regex whose groups its caller can read off
/// the match).
pub fn anchored_spans(
    re: &regex_automata::meta::Regex,
    text: &str,
    starts: impl IntoIterator<Item = usize>,
) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut last_end = 0;
    for start in starts {
        if start < last_end {
            continue;
        }
        let input = regex_automata::Input::new(text).range(start..).anchored(regex_automata::Anchored::Yes);
        if let Some(m) = re.find(input) {
            last_end = m.end().max(start + 1);
            out.push((m.start(), m.end()));
        }
    }
    out
}

/// Every match of `re` in `text`, as [`anchored_matches`] gives them: for a text
/// where the candidates' cheap test does not hold (see [`has_folding_letter`]).
pub fn all_matches<'t>(re: &regex_automata::meta::Regex, text: &'t str) -> Vec<Groups<'t>> {
    re.captures_iter(text).map(|caps| Groups { text, caps }).collect()
}

/// Whether `text` holds the Kelvin sign (U+212A) or the long s (U+017F), which a
/// case-insensitive Unicode regex matches for `k` and `s`: where either is, an ASCII
/// test of a literal holding `k` or `s` is no necessary condition of a match.
pub fn has_folding_letter(text: &[u8]) -> bool {
    memchr::memchr2_iter(0xC5, 0xE2, text)
        .any(|i| text[i..].starts_with("\u{17F}".as_bytes()) || text[i..].starts_with("\u{212A}".as_bytes()))
}

/// A literal that some recogniser's regular expression cannot match without: each
/// is looked for in the section's lower-case text ([`Body::has`]) by a `memmem`
/// finder built once, and the regex runs only where it is found. (None holds `k` or
/// `s`: see [`find_ci`].)
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Literal {
    /// `py`: `Python 3.11`, `py3.11`.
    Py,
    /// `python`: a section about Python.
    Python,
    /// `pep`: PEP numbers.
    Pep,
    /// `github`: repository links.
    Github,
}

impl Literal {
    const ALL: [Literal; 4] = [Literal::Py, Literal::Python, Literal::Pep, Literal::Github];

    fn text(self) -> &'static str {
        match self {
            Literal::Py => "py",
            Literal::Python => "python",
            Literal::Pep => "pep",
            Literal::Github => "github",
        }
    }
}

/// The patterns every [`Body`] is read with, compiled once per run (the
/// [`Extractor`](super::Extractor) builds them with its recognisers and lends them to
/// each body it prepares, as ripgrep builds its matchers once from its flags): the URL
/// regex and a `memmem` finder for each [`Literal`].
#[derive(Debug, Clone)]
pub struct Patterns {
    /// URLs and bare domains with a path.
    url: Regex,
    /// `://`, which every URL with a scheme holds.
    scheme: Finder<'static>,
    /// One finder per [`Literal`], in the order of [`Literal::ALL`].
    literals: Vec<Finder<'static>>,
}

impl Default for Patterns {
    fn default() -> Self {
        Patterns::new()
    }
}

impl Patterns {
    /// Compiles the patterns.
    pub fn new() -> Patterns {
        Patterns {
            url: Regex::new(
                r"(?i)(?:https?://|www\.)[^\s<>()\[\]]+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|io|ai|dev|app|co|edu|gov|me|info)(?:/[^\s<>()\[\]]*)?",
            )
            .expect("a valid regex, fixed in the source"),
            scheme: Finder::new("://"),
            literals: Literal::ALL.iter().map(|l| Finder::new(l.text().as_bytes())).collect(),
        }
    }

    fn finder(&self, l: Literal) -> &Finder<'static> {
        &self.literals[l as usize]
    }
}

/// The common English (and everyday technical) words of `data/common-words.txt`,
/// lower case: never typos of a lexicon name, never a whole speaker name.
///
/// An open-addressing hash table over the compiled-in file, built by the compiler
/// (a `const fn`): nothing is parsed at run time, and a look-up hashes the word once
/// (FNV-1a) and compares it with the one or two words of its slot's run.
pub static COMMON_WORDS: WordSet = WordSet::build(include_str!("../../data/common-words.txt"));

/// A set of words, as [`COMMON_WORDS`] holds them: see [`WordSet::build`].
#[derive(Debug)]
pub struct WordSet {
    /// The text the words are slices of.
    text: &'static str,
    /// Per slot: 0 (empty), or a word's offset in `text` shifted left by 8, or'ed with
    /// its length (words are 1 to 255 bytes long).
    slots: [u32; WordSet::SLOTS],
    /// How many words.
    len: usize,
}

impl WordSet {
    /// Slots: a power of two, more than twice the words.
    const SLOTS: usize = 8192;

    /// The words of `text`: one a line, white space around them trimmed, blank lines
    /// and lines starting with `#` left out (a repeated word is held once). Panics (at
    /// compile time, for a `static`) on a word longer than 255 bytes or more words than
    /// half the slots.
    pub const fn build(text: &'static str) -> WordSet {
        let b = text.as_bytes();
        let mut slots = [0u32; WordSet::SLOTS];
        let mut len = 0;
        let mut i = 0;
        while i < b.len() {
            let mut end = i;
            while end < b.len() && b[end] != b'\n' {
                end += 1;
            }
            let (mut s, mut e) = (i, end);
            while s < e && b[s].is_ascii_whitespace() {
                s += 1;
            }
            while e > s && b[e - 1].is_ascii_whitespace() {
                e -= 1;
            }
            if e > s && b[s] != b'#' {
                assert!(e - s < 256 && len < WordSet::SLOTS / 2, "a common word too long, or too many");
                let mut at = fnv(b, s, e) & (WordSet::SLOTS - 1);
                loop {
                    let slot = slots[at];
                    if slot == 0 {
                        slots[at] = ((s as u32) << 8) | (e - s) as u32;
                        len += 1;
                        break;
                    }
                    if same(b, (slot >> 8) as usize, (slot & 0xff) as usize, s, e) {
                        break;
                    }
                    at = (at + 1) & (WordSet::SLOTS - 1);
                }
            }
            i = end + 1;
        }
        WordSet { text, slots, len }
    }

    /// Whether `word` (exactly as written) is one of the words.
    pub fn contains(&self, word: &str) -> bool {
        let w = word.as_bytes();
        if w.is_empty() || w.len() > 255 {
            return false;
        }
        let b = self.text.as_bytes();
        let mut at = fnv(w, 0, w.len()) & (WordSet::SLOTS - 1);
        loop {
            let slot = self.slots[at];
            if slot == 0 {
                return false;
            }
            let (s, n) = ((slot >> 8) as usize, (slot & 0xff) as usize);
            if n == w.len() && &b[s..s + n] == w {
                return true;
            }
            at = (at + 1) & (WordSet::SLOTS - 1);
        }
    }

    /// How many words.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

/// FNV-1a of `b[s..e]`.
const fn fnv(b: &[u8], s: usize, e: usize) -> usize {
    let mut h: u32 = 0x811c_9dc5;
    let mut i = s;
    while i < e {
        h = (h ^ b[i] as u32).wrapping_mul(0x0100_0193);
        i += 1;
    }
    h as usize
}

/// Whether `b[s1..s1 + n1]` and `b[s2..e2]` are the same bytes.
const fn same(b: &[u8], s1: usize, n1: usize, s2: usize, e2: usize) -> bool {
    if n1 != e2 - s2 {
        return false;
    }
    let mut i = 0;
    while i < n1 {
        if b[s1 + i] != b[s2 + i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Room for a short word on the stack: the look-ups below lower-case a word, or
/// add a suffix to a stem, without an allocation each (most words are short ASCII).
struct Scratch([u8; 40]);

impl Scratch {
    fn new() -> Scratch {
        Scratch([0; 40])
    }

    /// `f` of `parts` joined; on the stack when they fit.
    fn joined<R>(&mut self, parts: [&str; 2], f: impl FnOnce(&str) -> R) -> R {
        let n = parts[0].len() + parts[1].len();
        if n > self.0.len() {
            return f(&parts.concat());
        }
        self.0[..parts[0].len()].copy_from_slice(parts[0].as_bytes());
        self.0[parts[0].len()..n].copy_from_slice(parts[1].as_bytes());
        f(std::str::from_utf8(&self.0[..n]).expect("two strings joined"))
    }
}

/// `word` in lower case (as [`str::to_lowercase`]), given to `f`; without an
/// allocation when it is ASCII and short.
fn with_lower<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 40];
    if word.len() <= buf.len() && word.is_ascii() {
        let b = &mut buf[..word.len()];
        b.copy_from_slice(word.as_bytes());
        b.make_ascii_lowercase();
        f(std::str::from_utf8(b).expect("ASCII"))
    } else {
        f(&word.to_lowercase())
    }
}

/// Whether `word` (any case) is in [`common_words`], or the plural (`-s`, `-es`,
/// `-ies`) of one.
pub fn is_common_word(word: &str) -> bool {
    with_lower(word, is_common_lower)
}

/// [`is_common_word`] of a word already in lower case.
fn is_common_lower(w: &str) -> bool {
    let words = &COMMON_WORDS;
    let known = |stem: &str| stem.len() >= 3 && words.contains(stem);
    let mut scratch = Scratch::new();
    words.contains(w)
        || w.strip_suffix("ies").is_some_and(|stem| scratch.joined([stem, "y"], known))
        || w.strip_suffix("es").is_some_and(known)
        || w.strip_suffix('s').is_some_and(known)
}

/// [`is_common_word`], or another inflection of a common word: a past (`looked`,
/// `used`, `stopped`, `studied`), a gerund (`running`), an agent or comparative
/// (`makers`) or an adverb (`quickly`). Looser: for words that are candidates for
/// typos, not for names that are already in the lexicon (`Looker` is a name).
pub fn is_common_form(word: &str) -> bool {
    with_lower(word, is_common_form_lower)
}

/// [`is_common_form`] of a word already in lower case.
fn is_common_form_lower(w: &str) -> bool {
    if is_common_lower(w) {
        return true;
    }
    let words = &COMMON_WORDS;
    let known = |stem: &str| stem.len() >= 3 && words.contains(stem);
    let mut scratch = Scratch::new();
    // A stem as it is, with its final `e` back, or with a doubled consonant undone.
    let mut stem_known = |stem: &str| {
        known(stem) || scratch.joined([stem, "e"], known) || {
            let b = stem.as_bytes();
            b.len() >= 4 && b[b.len() - 1] == b[b.len() - 2] && known(&stem[..stem.len() - 1])
        }
    };
    if w.strip_suffix("ied").is_some_and(|stem| Scratch::new().joined([stem, "y"], known)) {
        return true;
    }
    let w = w.strip_suffix('s').unwrap_or(w);
    ["ed", "ing", "er", "ly"].iter().any(|suffix| w.strip_suffix(suffix).is_some_and(&mut stem_known))
}

/// A common word other than `except` within Damerau (OSA) distance 1 of `word` (lower
/// case), if any: a typo that close to an ordinary word may just as well be that word.
///
/// The candidates come from the deletion index `build.rs` writes (every common word
/// under itself and under each of its one-character deletions, `key\tword` lines,
/// sorted): looked up by the word and its own deletions, then checked by distance.
pub fn near_common_word(word: &str, except: &str) -> Option<&'static str> {
    static INDEX: &str = include_str!(concat!(env!("OUT_DIR"), "/common_deletions.txt"));
    let mut keys = one_deletions(word);
    keys.push(word.to_string());
    keys.iter()
        .flat_map(|k| indexed_under(INDEX, k))
        .filter(|w| *w != except && strsim::osa_distance(word, w) <= 1)
        .min()
}

/// The words of `index` (sorted `key\tword` lines) under `key`: found by a binary
/// search over the text itself (on byte offsets, each moved to a line's start), so
/// the index is never parsed.
fn indexed_under<'i: 'k, 'k>(index: &'i str, key: &'k str) -> impl Iterator<Item = &'i str> + 'k {
    let b = index.as_bytes();
    let key_of = |s: usize| &b[s..s + memchr::memchr(b'\t', &b[s..]).unwrap_or(b.len() - s)];
    let next_line = |p: usize| memchr::memchr(b'\n', &b[p..]).map_or(b.len(), |i| p + i + 1);
    // The first line whose key is at least `key`: `lo` and `hi` are line starts (or
    // the end), every line before `lo` has a smaller key, none from `hi` on does.
    let (mut lo, mut hi) = (0, b.len());
    let want = key.as_bytes();
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let p = if mid == 0 || b[mid - 1] == b'\n' { mid } else { next_line(mid) };
        let probe = if p >= hi { lo } else { p };
        if key_of(probe) < want {
            lo = next_line(probe);
        } else {
            hi = probe;
        }
    }
    index[lo..].lines().map_while(move |l| l.split_once('\t').filter(|(k, _)| *k == key).map(|(_, w)| w))
}

/// Every string made of `s` without one of its characters, without repeats.
pub fn one_deletions(s: &str) -> Vec<String> {
    let chars: Vec<char> = s.chars().collect();
    let mut out: Vec<String> = (0..chars.len())
        .map(|i| chars.iter().enumerate().filter(|&(j, _)| j != i).map(|(_, c)| *c).collect())
        .collect();
    out.sort();
    out.dedup();
    out
}

/// A section's text with what recognisers ask of it.
#[derive(Debug)]
pub struct Body<'a> {
    /// The text.
    pub text: &'a str,
    /// Line number of the text's first line.
    pub first_line: u32,
    /// Byte offset where each line starts.
    starts: Vec<usize>,
    /// Per line: inside a fenced block, or indented code.
    code: Vec<bool>,
    /// Byte ranges of the contents of `code spans`, in order.
    spans: Vec<(usize, usize)>,
    /// Byte ranges of URLs and bare domains with a path, in order.
    urls: Vec<(usize, usize)>,
    /// The patterns it was read with (its literals are looked for with them).
    patterns: &'a Patterns,
    /// Byte offset where the section's own body starts (after its title, when the
    /// title is read as the line before it).
    section: usize,
    /// The text in ASCII lower case, byte for byte.
    lower: String,
    /// What the notes are about, lower case: the conference's name (`europython
    /// 2023`), so that `python` in EuroPython notes or `rust` in RustConf notes is the
    /// language.
    topic: String,
}

/// The lines (indices into `starts`, in order, each once) that can hold a match of
/// [`Patterns::url`]. A URL never spans lines (it holds no white space), and holds `://`,
/// `www.`, or a `.` between a domain label's character and a top-level domain the
/// regex knows:
/// found in one pass over the text, so the regex runs on those lines only.
fn url_lines<'s>(scheme: &'s Finder<'static>, text: &'s [u8], starts: &'s [usize]) -> impl Iterator<Item = usize> + 's {
    const TLDS: [&[u8]; 12] =
        [b"com", b"org", b"net", b"io", b"ai", b"dev", b"app", b"co", b"edu", b"gov", b"me", b"info"];
    let dots = memchr::memchr_iter(b'.', text).filter(|&i| {
        // A domain's label before the dot: `[a-z0-9-]` in any case (or a non-ASCII
        // byte: case folding lets the Kelvin sign and the long s in).
        let label = i > 0 && (text[i - 1].is_ascii_alphanumeric() || text[i - 1] == b'-' || text[i - 1] >= 0x80);
        let tld = || {
            let at = |k: usize| text.get(i + 1 + k).map_or(0, u8::to_ascii_lowercase);
            // (The first letters of the top-level domains: most dots end a sentence.)
            if !matches!(at(0), b'c' | b'o' | b'n' | b'i' | b'a' | b'd' | b'e' | b'g' | b'm') {
                return false;
            }
            let rest = [at(0), at(1), at(2), at(3)];
            TLDS.iter().any(|t| rest[..t.len()] == **t)
        };
        label && tld() || i >= 3 && text[i - 3..i].eq_ignore_ascii_case(b"www")
    });
    let mut schemes = scheme.find_iter(text).peekable();
    let mut dots = dots.peekable();
    // The two sorted streams merged, each place turned into its line.
    let mut line = 0;
    let mut last = None;
    std::iter::from_fn(move || loop {
        let at = match (dots.peek(), schemes.peek()) {
            (Some(&d), Some(&s)) if s < d => schemes.next(),
            (Some(_), _) => dots.next(),
            (None, _) => schemes.next(),
        }?;
        while line + 1 < starts.len() && starts[line + 1] <= at {
            line += 1;
        }
        if last != Some(line) {
            last = Some(line);
            return Some(line);
        }
    })
}

/// `s` without white space at either end, as [`str::trim`] gives it: ASCII white
/// space is stripped byte by byte, and `str::trim` is asked only where a non-ASCII
/// character is left at an end (which may be white space).
fn trim(s: &str) -> &str {
    let b = s.as_bytes();
    // `char::is_whitespace` within ASCII.
    let space = |c: u8| matches!(c, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r');
    let mut i = 0;
    while i < b.len() && space(b[i]) {
        i += 1;
    }
    let mut j = b.len();
    while j > i && space(b[j - 1]) {
        j -= 1;
    }
    let t = &s[i..j];
    if t.as_bytes().first().is_some_and(|&c| c >= 0x80) || t.as_bytes().last().is_some_and(|&c| c >= 0x80) {
        t.trim()
    } else {
        t
    }
}

fn is_list_item(t: &str) -> bool {
    let t = t.trim_start();
    if let Some(rest) = t.strip_prefix(['-', '*', '+']) {
        return rest.is_empty() || rest.starts_with(' ');
    }
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && matches!(t.as_bytes().get(digits), Some(b'.' | b')'))
}

impl<'a> Body<'a> {
    /// Prepares `text`, whose first line is line `first_line` of its file, with the
    /// run's `patterns`.
    pub fn new(text: &'a str, first_line: u32, patterns: &'a Patterns) -> Body<'a> {
        let mut starts = Vec::with_capacity(text.len() / 32 + 1);
        starts.push(0);
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1).filter(|&i| i < text.len()));
        // Where the backticks are, found in one pass: a line without one has no code
        // span (one `memchr` per line cost 20 M instructions on the 10 MB corpus).
        let mut backticks = memchr::memchr_iter(b'`', text.as_bytes()).peekable();
        let mut body = Body {
            text,
            first_line,
            code: Vec::with_capacity(starts.len()),
            starts,
            spans: Vec::new(),
            urls: Vec::new(),
            patterns,
            section: 0,
            lower: text.to_ascii_lowercase(),
            topic: String::new(),
        };
        let url_lines: Vec<usize> = url_lines(&patterns.scheme, text.as_bytes(), &body.starts).collect();
        let mut url_lines = url_lines.into_iter().peekable();
        let mut fenced = false;
        let mut prev_blank = true;
        let mut prev_code = false;
        let mut prev_colon = false;
        for i in 0..body.starts.len() {
            let line = body.line(i);
            let t = trim(line);
            let is_fence = t.starts_with("```") || t.starts_with("~~~");
            let code = if is_fence {
                fenced = !fenced;
                true
            } else if fenced {
                true
            } else {
                let indented = line.starts_with('\t') || line.starts_with("    ");
                indented && !t.is_empty() && !is_list_item(t) && (prev_blank || prev_code || prev_colon)
            };
            body.code.push(code);
            prev_blank = t.is_empty();
            prev_code = code && !t.is_empty();
            prev_colon = t.ends_with(':');
            let base = body.starts[i];
            while backticks.next_if(|&p| p < base).is_some() {}
            if !code && backticks.peek().is_some_and(|&p| p < base + line.len()) {
                body.spans.extend(code_spans(line).into_iter().map(|(s, e)| (base + s, base + e)));
            }
            if url_lines.next_if_eq(&i).is_some() {
                body.urls.extend(patterns.url.find_iter(line).map(|m| (base + m.start(), base + m.end())));
            }
        }
        body
    }

    /// The same body, whose section's own body starts at byte `offset` (the text
    /// before it is the title, read as the line before the body).
    pub fn with_section_start(mut self, offset: usize) -> Body<'a> {
        self.section = offset.min(self.text.len());
        self
    }

    /// Byte offset where the section's own body starts (0 when no title was put
    /// before it).
    pub fn section_start(&self) -> usize {
        self.section
    }

    /// The same body, about `topic` (a conference name, say).
    pub fn with_topic(mut self, topic: &str) -> Body<'a> {
        self.topic = topic.to_lowercase();
        self
    }

    /// The text in ASCII lower case, byte for byte.
    pub fn lower(&self) -> &[u8] {
        self.lower.as_bytes()
    }

    /// Line `i` (0-based, without its line break) in ASCII lower case.
    pub fn lower_line(&self, i: usize) -> &str {
        let s = self.starts[i];
        &self.lower[s..s + self.line(i).len()]
    }

    /// Whether the text holds `l` in any ASCII case.
    pub fn has(&self, l: Literal) -> bool {
        self.patterns.finder(l).find(self.lower.as_bytes()).is_some()
    }

    /// Where the text holds `l` in any ASCII case (byte offsets, in order, not
    /// overlapping).
    pub fn find_all(&self, l: Literal) -> impl Iterator<Item = usize> + '_ {
        self.patterns.finder(l).find_iter(self.lower.as_bytes())
    }

    /// The patterns it was read with.
    pub fn patterns(&self) -> &'a Patterns {
        self.patterns
    }

    /// What the notes are about, lower case (empty when unknown).
    pub fn topic(&self) -> &str {
        &self.topic
    }

    /// Number of lines.
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// Line `i` (0-based) without its line break.
    #[inline]
    pub fn line(&self, i: usize) -> &'a str {
        let s = self.starts[i];
        let mut e = self.starts.get(i + 1).copied().unwrap_or(self.text.len());
        let b = self.text.as_bytes();
        while e > s && matches!(b[e - 1], b'\n' | b'\r') {
            e -= 1;
        }
        &self.text[s..e]
    }

    /// Byte offset where line `i` starts.
    pub fn line_start(&self, i: usize) -> usize {
        self.starts[i]
    }

    /// The 0-based line holding byte `offset`.
    pub fn line_index(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset).saturating_sub(1)
    }

    /// The file line number of byte `offset`.
    pub fn line_no(&self, offset: usize) -> u32 {
        self.first_line + self.line_index(offset) as u32
    }

    /// Whether line `i` is code (fenced block or indented code).
    pub fn is_code_line(&self, i: usize) -> bool {
        self.code.get(i).copied().unwrap_or(false)
    }

    /// The contents of the `code span` holding `offset`, if any.
    pub fn code_span_at(&self, offset: usize) -> Option<&'a str> {
        let i = self.spans.partition_point(|&(s, _)| s <= offset);
        let (s, e) = *self.spans.get(i.checked_sub(1)?)?;
        (offset < e).then(|| &self.text[s..e])
    }

    /// Every `code span`: its contents and the offset where they start.
    pub fn code_spans(&self) -> impl Iterator<Item = (usize, &'a str)> + '_ {
        self.spans.iter().map(|&(s, e)| (s, &self.text[s..e]))
    }

    /// Whether `offset` is inside code: a code line or a code span.
    pub fn in_code(&self, offset: usize) -> bool {
        self.is_code_line(self.line_index(offset)) || self.code_span_at(offset).is_some()
    }

    /// Every URL (or bare domain with a path): its offset and text.
    pub fn urls(&self) -> impl Iterator<Item = (usize, &'a str)> + '_ {
        self.urls.iter().map(|&(s, e)| (s, &self.text[s..e]))
    }

    /// Whether `offset` is inside a URL.
    pub fn in_url(&self, offset: usize) -> bool {
        let i = self.urls.partition_point(|&(s, _)| s <= offset);
        i.checked_sub(1).and_then(|i| self.urls.get(i)).is_some_and(|&(_, e)| offset < e)
    }

    /// Whether the word at `offset` starts a sentence: first on its line once list
    /// markers, quotes and emphasis are skipped, or after `.`, `!`, `?` or `:`.
    pub fn is_sentence_start(&self, offset: usize) -> bool {
        let i = self.line_index(offset);
        let before = &self.text[self.starts[i]..offset];
        let t = before.trim_end_matches(|c: char| {
            c.is_whitespace() || matches!(c, '*' | '_' | '"' | '\'' | '“' | '‘' | '(' | '[')
        });
        match t.chars().last() {
            None => true,
            Some('.' | '!' | '?' | ':' | '>' | '#' | '|' | '•') => true,
            Some('-' | '+' | ')') => {
                // A list marker (`- `, `1) `) when nothing but markers precede it.
                t.chars()
                    .all(|c| c.is_whitespace() || c.is_ascii_digit() || matches!(c, '-' | '+' | '*' | ')' | '.' | '>'))
            }
            Some(_) => false,
        }
    }
}

/// Byte ranges (start, end) of the contents of the code spans of one line.
fn code_spans(line: &str) -> Vec<(usize, usize)> {
    let b = line.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'`' {
            i += 1;
            continue;
        }
        let run = b[i..].iter().take_while(|&&c| c == b'`').count();
        let open_end = i + run;
        // Find a closing run of the same length.
        let mut j = open_end;
        let mut close = None;
        while j < b.len() {
            if b[j] == b'`' {
                let r = b[j..].iter().take_while(|&&c| c == b'`').count();
                if r == run {
                    close = Some(j);
                    break;
                }
                j += r;
            } else {
                j += 1;
            }
        }
        match close {
            Some(c) => {
                let (mut s, mut e) = (open_end, c);
                while s < e && b[s] == b' ' {
                    s += 1;
                }
                while e > s && b[e - 1] == b' ' {
                    e -= 1;
                }
                if s < e {
                    out.push((s, e));
                }
                i = c + run;
            }
            None => i = open_end,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn install_args_leave_options_and_their_values_out() {
        let takes = |o: &str| o == "-r" || o == "--set";
        let args = "-r req.txt rich --set=a=b --set x=y click";
        assert_eq!(install_args(args, 10, takes), [(21, "rich"), (46, "click")]);
    }

    use super::*;

    #[test]
    fn lines_and_offsets() {
        let pats = Patterns::new();
        let b = Body::new("one\r\ntwo\n\nfour", 10, &pats);
        assert_eq!(b.line_count(), 4);
        assert_eq!(b.line(0), "one");
        assert_eq!(b.line(3), "four");
        assert_eq!(b.line_no(0), 10);
        assert_eq!(b.line_no(6), 11);
        assert_eq!(b.line_no(b.text.len() - 1), 13);
    }

    #[test]
    fn code_lines_fenced_and_indented() {
        let pats = Patterns::new();
        let text = "text\n```\nimport flask\n```\n\n    x = 1\n- item\n    - nested bullet\nwith:\n\tdo()\n";
        let b = Body::new(text, 1, &pats);
        let code: Vec<bool> = (0..b.line_count()).map(|i| b.is_code_line(i)).collect();
        assert_eq!(code, [false, true, true, true, false, true, false, false, false, true]);
    }

    #[test]
    fn code_spans_found() {
        let pats = Patterns::new();
        let b = Body::new("use `black` and ``a ` b`` or `unclosed", 1, &pats);
        let spans: Vec<&str> = b.code_spans().map(|(_, s)| s).collect();
        assert_eq!(spans, ["black", "a ` b"]);
        assert_eq!(b.code_span_at(6), Some("black"));
        assert_eq!(b.code_span_at(0), None);
    }

    #[test]
    fn urls_found() {
        let pats = Patterns::new();
        let b = Body::new("see https://github.com/a/b. and GitHub.com/hpyproject/hpy or prodigy.ai/x", 1, &pats);
        let urls: Vec<&str> = b.urls().map(|(_, u)| u).collect();
        assert_eq!(urls, ["https://github.com/a/b.", "GitHub.com/hpyproject/hpy", "prodigy.ai/x"]);
        assert!(b.in_url(10));
        assert!(!b.in_url(1));
    }

    #[test]
    fn sentence_starts() {
        let pats = Patterns::new();
        let cases = [
            ("Black was built", 0, true),
            ("- Black is", 2, true),
            ("1. Black is", 3, true),
            ("> Black", 2, true),
            ("We use Black here", 7, false),
            ("Done. Black is", 6, true),
            ("Question: Black", 10, true),
            ("a-Black", 2, false),
        ];
        for (text, at, want) in cases {
            assert_eq!(Body::new(text, 1, &pats).is_sentence_start(at), want, "{text:?} at {at}");
        }
    }

    #[test]
    fn near_common_words() {
        assert_eq!(near_common_word("unitests", "unittest"), Some("unittests"));
        assert_eq!(near_common_word("netwrok", ""), Some("network"));
        assert_eq!(near_common_word("netwrok", "network"), None);
        assert_eq!(near_common_word("cypython", "cpython"), None);
        assert_eq!(near_common_word("djnago", "django"), None);
    }

    #[test]
    fn deletion_index_searched_as_parsed() {
        let index = "ab\tabc\nab\tzab\nac\tabc\nb\tab\nbc\tabc\nbc\tbcd\nc\tbc";
        let parsed: Vec<(&str, &str)> = index.lines().filter_map(|l| l.split_once('\t')).collect();
        for key in ["", "a", "ab", "ac", "b", "bc", "bd", "c", "d", "zz"] {
            let want: Vec<&str> = parsed.iter().filter(|(k, _)| *k == key).map(|(_, w)| *w).collect();
            assert_eq!(indexed_under(index, key).collect::<Vec<_>>(), want, "{key:?}");
        }
    }

    #[test]
    fn common_words_loaded() {
        assert!(COMMON_WORDS.len() > 2500);
        let file = include_str!("../../data/common-words.txt");
        let words: std::collections::HashSet<&str> =
            file.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect();
        assert_eq!(COMMON_WORDS.len(), words.len());
        assert!(words.iter().all(|w| COMMON_WORDS.contains(w)));
        for w in ["", "Graph", "graphs", "zzzz", "grap", "graphx"] {
            assert_eq!(COMMON_WORDS.contains(w), words.contains(w), "{w:?}");
        }
        for w in ["behavior", "graph", "system", "network", "black", "stator", "thoughts", "libraries", "Questions"] {
            assert!(is_common_word(w), "{w}");
        }
        for w in ["looked", "stopped", "running", "makers", "quickly", "studied", "looker"] {
            assert!(is_common_form(w), "{w}");
        }
        assert!(!is_common_word("looker") && !is_common_word("looked"));
        for w in ["shannon", "cpython", "django", "pandas", "docker", "flutter", "kubernetes"] {
            assert!(!is_common_form(w), "{w}");
        }
    }
}
