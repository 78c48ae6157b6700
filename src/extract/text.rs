//! The text of one section, prepared once for every recogniser: where lines start,
//! which lines are code (fenced or indented), where the `code spans` and URLs are,
//! and whether a position starts a sentence. Offsets are byte offsets into the text.

use std::sync::OnceLock;

use memchr::memmem::Finder;
use regex::Regex;

mod lines;
use lines::{is_code_tag, is_list_item, trim};

pub use super::words::{is_common_form, is_common_word, near_common_word, one_deletions, WordSet, COMMON_WORDS};

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
    let anchored = |start| regex_automata::Input::new(text).range(start..).anchored(regex_automata::Anchored::Yes);
    spans_at(starts, |start| re.find(anchored(start)).map(|m| m.end()))
}

/// The spans `end_at` (a match's end, if one starts there) gives at `starts`, in order,
/// a start inside the last span skipped.
pub fn spans_at(
    starts: impl IntoIterator<Item = usize>,
    mut end_at: impl FnMut(usize) -> Option<usize>,
) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut last_end = 0;
    for start in starts {
        if start < last_end {
            continue;
        }
        if let Some(end) = end_at(start) {
            last_end = end.max(start + 1);
            out.push((start, end));
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
}

impl Literal {
    const ALL: [Literal; 3] = [Literal::Py, Literal::Python, Literal::Pep];

    fn text(self) -> &'static str {
        match self {
            Literal::Py => "py",
            Literal::Python => "python",
            Literal::Pep => "pep",
        }
    }
}

/// URLs and bare domains with a path.
const URL: &str = r"(?i)(?:https?://|www\.)[^\s<>()\[\]]+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|io|ai|dev|app|co|edu|gov|me|info)(?:/[^\s<>()\[\]]*)?";

/// The patterns every [`Body`] is read with, compiled once per run (the
/// [`Extractor`](super::Extractor) builds them with its recognisers and lends them to
/// each body it prepares, as ripgrep builds its matchers once from its flags): the URL
/// regex and a `memmem` finder for each [`Literal`].
#[derive(Debug, Clone)]
pub struct Patterns {
    /// URLs and bare domains with a path ([`URL`]): read by hand on an ASCII line
    /// ([`ascii_urls`]), compiled for the first line that is not.
    url: OnceLock<Regex>,
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
            url: OnceLock::new(),
            scheme: Finder::new("://"),
            literals: Literal::ALL.iter().map(|l| Finder::new(l.text().as_bytes())).collect(),
        }
    }

    /// The URL pattern, compiled on first need.
    fn url(&self) -> &Regex {
        self.url.get_or_init(|| Regex::new(URL).expect("a valid regex, fixed in the source"))
    }

    fn finder(&self, l: Literal) -> &Finder<'static> {
        &self.literals[l as usize]
    }
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
    /// The lines (indices into `starts`, in order) opening code with its language.
    fences: Vec<usize>,
    /// The lines holding an ASCII digit, a `.` and an ASCII digit in a row, in order.
    numbers: Vec<usize>,
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

/// What one pass over the dots of a text tells (a `memchr` pass over the dots for
/// each cost 12 M instructions on the 10 MB corpus): the lines (indices into
/// `starts`, in order, each once) that can hold a match of [`Patterns::url`], and
/// those holding an ASCII digit, a `.` and an ASCII digit in a row (where a
/// version may be: [`Body::digit_dot_digit_lines`]).
///
/// A URL never spans lines (it holds no white space), and holds `://`, `www.`, or a
/// `.` between a domain label's character and a top-level domain the regex knows:
/// the regex runs on those lines only.
fn dot_lines(scheme: &Finder<'static>, text: &[u8], starts: &[usize]) -> (Vec<usize>, Vec<usize>) {
    const TLDS: [&[u8]; 12] =
        [b"com", b"org", b"net", b"io", b"ai", b"dev", b"app", b"co", b"edu", b"gov", b"me", b"info"];
    let url_dot = |i: usize| {
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
    };
    // The line holding `at`, for places in ascending order.
    let line_of = |line: &mut usize, at: usize| {
        while *line + 1 < starts.len() && starts[*line + 1] <= at {
            *line += 1;
        }
        *line
    };
    let push_once = |lines: &mut Vec<usize>, line: usize| {
        if lines.last() != Some(&line) {
            lines.push(line);
        }
    };
    let (mut url_dots, mut numbers) = (Vec::new(), Vec::new());
    let mut number_line = 0;
    for i in memchr::memchr_iter(b'.', text) {
        if i > 0 && text[i - 1].is_ascii_digit() && text.get(i + 1).is_some_and(u8::is_ascii_digit) {
            let line = line_of(&mut number_line, i);
            push_once(&mut numbers, line);
        }
        if url_dot(i) {
            url_dots.push(i);
        }
    }
    let mut schemes = scheme.find_iter(text).peekable();
    let mut dots = url_dots.into_iter().peekable();
    // The two sorted streams merged, each place turned into its line.
    let mut urls = Vec::new();
    let mut line = 0;
    loop {
        let at = match (dots.peek(), schemes.peek()) {
            (Some(&d), Some(&s)) if s < d => schemes.next(),
            (Some(_), _) => dots.next(),
            (None, _) => schemes.next(),
        };
        let Some(at) = at else { break };
        let l = line_of(&mut line, at);
        push_once(&mut urls, l);
    }
    (urls, numbers)
}

/// The matches of [`Patterns::url`] in an ASCII `line` given in ASCII lower case
/// (which changes no match: the regex ignores case), as `find_iter` gives them
/// (`push(start, end)`), found by hand: the regex's lazy DFA cost 45 M instructions
/// on the 10 MB corpus, reading the lines so 11 M (see
/// `ascii_urls_agree_with_the_regex`).
///
/// A match holds none of white space and `<>()[]`, so it lies within one token
/// between them. In a token, `https?://` or `www.` with a character after it starts
/// a match running to the token's end. Otherwise a match is a run of `[a-z0-9-]`
/// from a word boundary, then runs joined by single dots, the last of them starting
/// with a top-level domain: the regex's greedy repetition takes the last such run
/// of the chain (a shorter run in between leaves no dot to go on with), the first
/// domain of the list its name starts with (`com` before `co`), and the rest of the
/// token when the run is just that domain and a `/` follows it.
fn ascii_urls(line: &[u8], push: &mut impl FnMut(usize, usize)) {
    // White space and `<>()[]`, by table.
    const DELIMITER: [bool; 256] = {
        let mut t = [false; 256];
        let mut i = 0;
        while i < 256 {
            let c = i as u8;
            t[i] = c.is_ascii_whitespace() || c == 0x0b || matches!(c, b'<' | b'>' | b'(' | b')' | b'[' | b']');
            i += 1;
        }
        t
    };
    let delimiter = |c: u8| DELIMITER[usize::from(c)];
    // Only the tokens holding a `.` or a `:` can hold a match: each is found around
    // its first one (tokenising every line cost 6 M instructions more).
    let mut done = 0;
    for c in memchr::memchr2_iter(b'.', b':', line) {
        if c < done {
            continue;
        }
        let start = line[done..c].iter().rposition(|&x| delimiter(x)).map_or(done, |p| done + p + 1);
        let end = c + line[c..].iter().position(|&x| delimiter(x)).unwrap_or(line.len() - c);
        token_urls(&line[start..end], &mut |s, e| push(start + s, start + e));
        done = end;
    }
}

/// The URL matches in one ASCII token in lower case (see [`ascii_urls`]).
fn token_urls(t: &[u8], push: &mut impl FnMut(usize, usize)) {
    const TLDS: [&[u8]; 12] =
        [b"com", b"org", b"net", b"io", b"ai", b"dev", b"app", b"co", b"edu", b"gov", b"me", b"info"];
    let n = t.len();
    let label = |c: u8| c.is_ascii_alphanumeric() || c == b'-';
    let word = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    // A match of `https?://` or `www.` at `p`, with a character after it.
    let scheme_at = |p: usize| {
        let t = &t[p..];
        t.starts_with(b"http://") && t.len() > 7
            || t.starts_with(b"https://") && t.len() > 8
            || t.starts_with(b"www.") && t.len() > 4
    };
    let run_end = |from: usize| from + t[from..].iter().take_while(|&&c| label(c)).count();
    // The first place at or after `from` where a scheme match starts, kept while
    // still ahead (so the token is read once for it).
    let mut scheme: Option<usize> = None;
    let mut cur = 0;
    // Where to look for the next domain match; runs of a chain that holds no
    // domain are passed over at once.
    let mut run_from = 0;
    while cur < n {
        if scheme.is_none_or(|a| a < cur) {
            scheme = memchr::memchr2_iter(b'h', b'w', &t[cur..]).map(|p| cur + p).find(|&p| scheme_at(p));
            if scheme.is_none() {
                scheme = Some(usize::MAX);
            }
        }
        let a = scheme.expect("set above");
        // The leftmost domain match starting at or after `cur`, before `a`.
        let mut domain = None;
        let mut r = run_from.max(cur);
        while r < n && r < a && domain.is_none() {
            if !label(t[r]) {
                r += 1;
                continue;
            }
            let re = run_end(r);
            // The first word boundary in the run.
            let boundary = (r..re).find(|&p| word(t[p]) != (p > 0 && word(t[p - 1])));
            let Some(p) = boundary else {
                r = re;
                continue;
            };
            // The chain of runs joined by single dots after this one, and the last
            // of them that starts with a domain.
            let mut last = None;
            let mut e = re;
            while e + 1 < n && t[e] == b'.' && label(t[e + 1]) {
                let (ks, ke) = (e + 1, run_end(e + 1));
                if let Some(tld) = TLDS.iter().find(|d| t[ks..ke].starts_with(d)) {
                    last = Some((ks, ke, tld.len()));
                }
                e = ke;
            }
            match last {
                Some((ks, ke, len)) => {
                    let end = if ks + len == ke && t.get(ke) == Some(&b'/') { n } else { ks + len };
                    domain = Some((p, end));
                }
                None => r = e,
            }
        }
        match domain {
            Some((p, _)) if a <= p => {
                push(a, n);
                break;
            }
            Some((p, end)) => {
                push(p, end);
                cur = end;
                run_from = end;
            }
            None if a < n => {
                push(a, n);
                break;
            }
            None => break,
        }
    }
}

impl<'a> Body<'a> {
    /// Prepares `text`, whose first line is line `first_line` of its file, with the
    /// run's `patterns`.
    pub fn new(text: &'a str, first_line: u32, patterns: &'a Patterns) -> Body<'a> {
        let mut starts = Vec::with_capacity(text.len() / 32 + 1);
        starts.push(0);
        crate::notes::markup::line_starts(text.as_bytes(), &mut starts);
        starts.pop_if(|s| *s == text.len() && *s > 0);
        Body::with_starts(text, first_line, patterns, starts)
    }

    /// [`Body::new`] with the lines of `text` already found: `starts` holds where each
    /// line starts (0 first, no entry for the end of a text ending with a line break).
    pub(crate) fn with_starts(text: &'a str, first_line: u32, patterns: &'a Patterns, starts: Vec<usize>) -> Body<'a> {
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
            fences: Vec::new(),
            numbers: Vec::new(),
            patterns,
            section: 0,
            lower: text.to_ascii_lowercase(),
            topic: String::new(),
        };
        let (url_lines, numbers) = dot_lines(&patterns.scheme, text.as_bytes(), &body.starts);
        body.numbers = numbers;
        let mut url_lines = url_lines.into_iter().peekable();
        let mut fenced = false;
        let mut prev_blank = true;
        let mut prev_code = false;
        let mut prev_colon = false;
        let b = text.as_bytes();
        for i in 0..body.starts.len() {
            let base = body.starts[i];
            // A line starting with a printable ASCII character other than a fence's
            // is not blank, not a fence, not indented: code only inside a fence, and
            // only its last character that is not white space matters (whether it
            // is a `:`). Reading it so, without its slice and trimmed copy, took the
            // 10 MB corpus from 54 M instructions in this loop to 25 M.
            // (An empty text has one line, empty: no byte to look at.)
            if b.get(base).is_some_and(|&c| c.is_ascii_graphic() && !matches!(c, b'`' | b'~')) {
                let mut end = body.starts.get(i + 1).copied().unwrap_or(b.len());
                while matches!(b[end - 1], b'\n' | b'\r') {
                    end -= 1;
                }
                let mut last = end;
                while matches!(b[last - 1], b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r') {
                    last -= 1;
                }
                let code = fenced;
                if matches!(b[base], b'<' | b'[' | b'.' | b'#' | b'{') && is_code_tag(&text[base..end]) {
                    body.fences.push(i);
                }
                body.code.push(code);
                prev_blank = false;
                prev_code = code;
                // (A non-ASCII last byte may end white space that `str::trim` drops.)
                prev_colon =
                    if b[last - 1] < 0x80 { b[last - 1] == b':' } else { trim(&text[base..end]).ends_with(':') };
                while backticks.next_if(|&p| p < base).is_some() {}
                let spans = !code && backticks.peek().is_some_and(|&p| p < end);
                let urls = url_lines.next_if_eq(&i).is_some();
                if spans || urls {
                    body.read_line(i, spans, urls, patterns);
                }
                continue;
            }
            let line = body.line(i);
            let t = trim(line);
            let is_fence = t.starts_with("```") || t.starts_with("~~~");
            let code = if is_fence {
                fenced = !fenced;
                if fenced && t.len() > 3 {
                    body.fences.push(i);
                }
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
            while backticks.next_if(|&p| p < base).is_some() {}
            let spans = !code && backticks.peek().is_some_and(|&p| p < base + line.len());
            let urls = url_lines.next_if_eq(&i).is_some();
            if spans || urls {
                body.read_line(i, spans, urls, patterns);
            }
        }
        body
    }

    /// Reads line `i`'s code spans (if `spans`) and its URLs (if `urls`).
    fn read_line(&mut self, i: usize, spans: bool, urls: bool, patterns: &Patterns) {
        let base = self.starts[i];
        let line = self.line(i);
        if spans {
            self.spans.extend(code_spans(line).into_iter().map(|(s, e)| (base + s, base + e)));
        }
        if urls {
            if line.is_ascii() {
                let lower = &self.lower.as_bytes()[base..base + line.len()];
                let urls = &mut self.urls;
                ascii_urls(lower, &mut |s, e| urls.push((base + s, base + e)));
            } else {
                self.urls.extend(patterns.url().find_iter(line).map(|m| (base + m.start(), base + m.end())));
            }
        }
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

    /// The lines (0-based, in order, each once) holding an ASCII digit, a `.` and an
    /// ASCII digit in a row.
    pub fn digit_dot_digit_lines(&self) -> &[usize] {
        &self.numbers
    }

    /// Whether byte `offset` is on a line opening code with its language (no mention).
    pub fn in_fence_tag(&self, offset: usize) -> bool {
        !self.fences.is_empty() && self.fences.binary_search(&self.line_index(offset)).is_ok()
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

    proptest::proptest! {
        /// The hand-written URL matcher finds, in any ASCII line, what the regex
        /// finds.
        #[test]
        fn ascii_urls_agree_with_the_regex(
            line in r"(www\.|https?://|HTTPS://|Www\.|\.com|\.co|\.COM|\.io|\.info|\.me|\.|/|-|_|[a-z0-9]{1,4}|[A-Z]|[ ()<>\[\]:]){0,40}"
        ) {
            let pats = Patterns::new();
            let want: Vec<(usize, usize)> = pats.url().find_iter(&line).map(|m| (m.start(), m.end())).collect();
            let mut got = Vec::new();
            ascii_urls(line.to_ascii_lowercase().as_bytes(), &mut |s, e| got.push((s, e)));
            proptest::prop_assert_eq!(got, want, "{:?}", line);
        }
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
}
