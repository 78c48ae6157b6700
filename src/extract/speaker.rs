//! Speakers: names given by the structure (the segmenter's `by NAME`, `(NAME)`, list
//! and front matter speakers), plus what the body says:
//!
//! - a field: `Speaker: NAME`, `Speakers: A, B`, `**Speaker**: NAME`,
//!   `Speaker:: [[NAME]]` (Obsidian Dataview), `Presenter:`, `By:`;
//! - a name alone on a line (blank line or start before and after it) among the first
//!   twelve lines of the body, as many people note the speaker under the title;
//! - the prose: `talk by NAME`, `presented by NAME`, `given by NAME` (an ` from ORG`
//!   after the name is dropped).
//!
//! Two speakers may be joined by `&`, `and` or a comma. Names may have particles (van,
//! de, von, der, da, di, le), hyphens, apostrophes, diacritics and initials (`Fred L.
//! Drake`). A line that is a technology, a sentence, a heading word (`Key takeaways`,
//! `Questions`), or holds digits is not a person; nor is a line whose words are mostly
//! common English words (`Trade Booking Engine`).

use std::sync::OnceLock;

use memchr::memmem::Finder;
use regex::Regex;
use regex_automata::meta;

use super::lexicon::Lexicon;
use super::text::{is_common_word, Body};
use super::{Found, Recogniser, Scratch};
use crate::ids::{fold_diacritics, slug};
use crate::notes::Named;

/// Lines of the body searched for a name alone.
const NAME_ALONE_WITHIN: usize = 12;

/// Lower-case words that may sit inside a name.
const PARTICLES: &[&str] = &[
    "van", "de", "von", "der", "den", "da", "di", "le", "la", "du", "del", "della", "dos", "das", "ten", "ter", "bin",
    "al", "y", "zu",
];

/// Words that make a line a heading, not a name.
const HEADING_WORDS: &[&str] = &[
    "questions",
    "question",
    "takeaways",
    "takeaway",
    "summary",
    "example",
    "examples",
    "goals",
    "goal",
    "specification",
    "gherkin",
    "conclusion",
    "conclusions",
    "notes",
    "agenda",
    "overview",
    "introduction",
    "intro",
    "references",
    "resources",
    "links",
    "demo",
    "recap",
    "thanks",
    "lightning",
    "talks",
    "talk",
    "keynote",
    "panel",
    "discussion",
    "workshop",
    "tutorial",
    "session",
    "break",
    "lunch",
    "problems",
    "problem",
    "solution",
    "solutions",
    "background",
    "motivation",
    "dos",
    "donts",
    "outline",
    "slides",
    "results",
    "benchmarks",
    "features",
    "future",
    "steps",
    "pros",
    "cons",
    "tips",
    "lessons",
    "abstract",
    "description",
    "details",
    "setup",
    "installation",
    "usage",
    "bonus",
    "contents",
    "speaker",
    "speakers",
    "q&a",
    "qa",
    "day",
    "schedule",
    "closing",
    "opening",
    "remarks",
    "welcome",
    "announcements",
    "sponsors",
    "sprints",
    "poster",
    "posters",
];

/// The speaker recogniser, with its patterns compiled once (by the extractor, at
/// start), looking names up in `lexicon` (a technology's name is no person's).
///
/// It is a [`Recogniser`] like the others: it reads the [`Body`] (from
/// [`Body::section_start`], the title line read before the body being no place for a
/// speaker) and appends to [`Found::speakers`]. The names the notes' structure gives
/// (`by NAME` in a heading, front matter) are no recognition: the extractor puts them
/// first, through [`Speakers::given`], and a name the body repeats is not added again.
#[derive(Debug, Clone)]
pub struct Speakers<'k> {
    lexicon: &'k Lexicon,
    /// `Speaker: NAME`, `by: NAME`, `Hosts:: NAME`, in a list item or not.
    field: Regex,
    /// A line that is only `by NAME` (often right under a title).
    by_line: Regex,
    /// `talk given by NAME`, `presented by NAME` in prose.
    prose: Regex,
    /// The leading run of name-shaped words of a string. Asked of a few short
    /// strings only, by the bounded backtracker: without the lazy DFAs, whose reverse
    /// automaton compiled its four copies of `\p{Lu}` and `\p{L}` again, start-up
    /// costs less (with the signals' package shape, 7.6 M instructions on the
    /// 10 MB corpus). Compiled for the first prose that names a speaker (its
    /// Unicode classes cost 6 M instructions to compile).
    name_run: OnceLock<meta::Regex>,
    /// ` and `, between two names.
    and: Finder<'static>,
    /// `by`, as in `talk by NAME`.
    by: Finder<'static>,
}

impl<'k> Speakers<'k> {
    /// The recogniser, looking names up in `lexicon`.
    pub fn new(lexicon: &'k Lexicon) -> Speakers<'k> {
        let re = |p: &str| Regex::new(p).expect("a valid regex, fixed in the source");
        Speakers {
            lexicon,
            field: re(
                r"(?i)^\s*(?:[-*+>]\s+)?[*_]{0,2}(?:speakers?|presenters?|presented by|by|hosts?|authors?)[*_]{0,2}\s*::?[*_]{0,2}\s*(.+?)\s*$",
            ),
            by_line: re(r"(?i)^\s*[*_]{0,2}by[*_]{0,2}\s+(.+?)\s*$"),
            prose: re(
                r"(?i:\b(?:talk|presentation|keynote|session|workshop|tutorial|lecture|demo)\s+(?:was\s+)?(?:given\s+|presented\s+|delivered\s+)?by|\bpresented\s+by|\bgiven\s+by|\bdelivered\s+by)\s+(.+)$",
            ),
            name_run: OnceLock::new(),
            and: Finder::new(" and "),
            by: Finder::new("by"),
        }
    }
}

impl Speakers<'_> {
    /// The leading run of name-shaped words of a string, compiled on first need.
    fn name_run(&self) -> &meta::Regex {
        self.name_run.get_or_init(|| {
            meta::Builder::new()
                .configure(meta::Config::new().hybrid(false).dfa(false).onepass(false))
                .build(NAME_RUN)
                .expect("a valid regex, fixed in the source")
        })
    }
}

/// `value` up to the end of its first sentence: a full stop after a word of two letters
/// or more, not a title (`Speaker: Ana Ruiz. DuckDB + Parquet files …` names Ana Ruiz;
/// `J. Doe`, `Dr. Ana Ruiz` go on).
fn first_sentence(value: &str) -> &str {
    for (i, _) in value.match_indices(". ") {
        let word = value[..i].rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
        let title = matches!(word, "Dr" | "Prof" | "Mr" | "Mrs" | "Ms" | "St" | "Jr" | "Sr" | "Hr" | "Fr" | "Ing");
        if word.chars().count() >= 2 && !title {
            return &value[..i];
        }
    }
    value
}

/// The leading run of name-shaped words of a string (`Jane van Doe`).
const NAME_RUN: &str = r"^\p{Lu}[\p{L}'’\-]*\.?(?:\s+(?:(?:van|de|von|der|den|da|di|le|la|du|del|della|dos|das|ten|ter)\s+)*\p{Lu}[\p{L}'’\-]*\.?){1,3}";

/// Whether `line` starts (after white space and up to two `*` or `_`) with `by`, in
/// any case: what the `by NAME` line pattern needs.
fn starts_with_by(line: &str) -> bool {
    // Most lines start with another ASCII character: no trimming then.
    if line
        .as_bytes()
        .first()
        .is_none_or(|&c| c < 0x80 && !c.is_ascii_whitespace() && c != 0x0b && !matches!(c, b'*' | b'_' | b'b' | b'B'))
    {
        return false;
    }
    let t = line.trim_start().as_bytes();
    let marks = t.iter().take(2).take_while(|&&c| c == b'*' || c == b'_').count();
    t.get(marks..marks + 2).is_some_and(|w| w.eq_ignore_ascii_case(b"by"))
}

/// Whether the `Speaker: NAME` field pattern may match `line`: after white space, maybe a list
/// marker and white space, and up to two `*` or `_`, a letter that starts one of
/// its words (`speaker`, `presenter`, `by`, `host`, `author`), or a non-ASCII
/// byte (which case-insensitive matching may fold: the long s is an `s`).
fn may_be_field(line: &str) -> bool {
    let initial = |t: &str| {
        let t = t.as_bytes();
        let marks = t.iter().take(2).take_while(|&&c| c == b'*' || c == b'_').count();
        t.get(marks).is_some_and(|&c| matches!(c.to_ascii_lowercase(), b's' | b'p' | b'b' | b'h' | b'a') || c >= 0x80)
    };
    let t = line.trim_start();
    let after_marker =
        t.strip_prefix(['-', '*', '+', '>']).filter(|r| r.starts_with(char::is_whitespace)).map(str::trim_start);
    initial(t) || after_marker.is_some_and(initial)
}

/// How demanding a name check is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Strictness {
    /// After an explicit `Speaker:` or `talk by`: shape only.
    Cued,
    /// A line alone: shape, and not mostly common words or technology names.
    Alone,
}

fn is_initial(w: &str) -> bool {
    let mut c = w.chars();
    matches!((c.next(), c.next(), c.next()), (Some(a), Some('.'), None) if a.is_uppercase())
}

fn is_capitalised(w: &str) -> bool {
    let w = w.trim_end_matches('.');
    let mut parts = w.split(['-', '\'', '’']).filter(|p| !p.is_empty());
    let Some(first) = parts.next() else { return false };
    let ok = |p: &str| {
        let mut cs = p.chars();
        cs.next().is_some_and(char::is_uppercase)
            && (p.chars().count() == 1 || p.chars().skip(1).any(char::is_lowercase))
            && p.chars().all(char::is_alphabetic)
    };
    // `O'Brien`, `Jean-Luc`, `d'Artagnan` style parts: the first must be capitalised
    // (or a one-letter prefix), the rest capitalised or lower-case particles.
    (ok(first) || first.chars().count() == 1 && first.chars().all(char::is_alphabetic))
        && parts.all(|p| ok(p) || p.chars().all(char::is_lowercase) && p.chars().count() <= 3)
        && w.chars().count() >= 2
}

/// Whether `s` is shaped like a name, as demanding as `strictness` says; a name of
/// `lexicon` (when given) is not a person's.
fn check_name(s: &str, strictness: Strictness, lexicon: Option<&Lexicon>) -> bool {
    let (min, max) = match strictness {
        Strictness::Cued => (1, 5),
        Strictness::Alone => (2, 4),
    };
    // Too many words, whatever they are (without collecting a long line's words).
    if s.split_whitespace().nth(max + 2).is_some() {
        return false;
    }
    let words: Vec<&str> = s.split_whitespace().collect();
    let content_words = words.iter().filter(|w| !PARTICLES.contains(w)).count();
    if content_words < min || content_words > max || words.len() > max + 2 {
        return false;
    }
    if s.chars().any(|c| !(c.is_alphabetic() || c.is_whitespace() || matches!(c, '-' | '\'' | '’' | '.'))) {
        return false;
    }
    let last = words.len() - 1;
    for (i, w) in words.iter().enumerate() {
        let particle = PARTICLES.contains(w);
        let ok = if i == 0 || i == last {
            is_capitalised(w) || (i == 0 && is_initial(w) && words.len() > 1)
        } else {
            particle || is_capitalised(w) || is_initial(w)
        };
        // (An ASCII word is compared without its lower-case copy.)
        let heading = if w.is_ascii() {
            let w = w.trim_end_matches('.');
            HEADING_WORDS.iter().any(|h| h.eq_ignore_ascii_case(w))
        } else {
            HEADING_WORDS.contains(&w.to_lowercase().trim_end_matches('.'))
        };
        if !ok || heading {
            return false;
        }
    }
    if words.len() == 1 && is_common_word(words[0]) {
        return false;
    }
    if lexicon.is_some_and(|l| l.find(s).is_some()) {
        return false;
    }
    if strictness == Strictness::Alone {
        let content: Vec<&&str> = words.iter().filter(|w| !PARTICLES.contains(w) && !is_initial(w)).collect();
        let common = content.iter().filter(|w| is_common_word(w)).count();
        // Most words common, or the last one (a surname is rarely a common word,
        // a heading's last word often is: `Final Thoughts`, `Hacker News`).
        if common * 2 > content.len() || content.last().is_some_and(|w| is_common_word(w)) {
            return false;
        }
        // A word that is a technology or organisation name (`Python Code Formatters`).
        let named = |l: &Lexicon, w: &str| l.find(w).is_some_and(|id| !l.entry(id).ambiguous);
        if lexicon.is_some_and(|l| content.iter().any(|w| named(l, w))) {
            return false;
        }
    }
    true
}

/// Whether `s` looks like a person's name standing alone: 2 to 4 capitalised words
/// (particles and initials allowed), not mostly common English words. Used to keep
/// people out of technology signals such as `[[wikilinks]]`.
pub fn looks_like_name(s: &str) -> bool {
    check_name(s.trim(), Strictness::Alone, None)
}

/// What ends a name in a list of speakers (an organisation, a role, a link's end).
const SEPARATORS: [&str; 10] = ["(", " from ", " @ ", " - ", " – ", " — ", " of ", " at ", "|", "]]"];

/// Cleans one candidate: drops wikilink brackets, emphasis, a title (`Dr.`), an
/// `(Org)`, and what follows ` from `, ` @ `, ` - `, ` — `, ` of ` or `|`.
fn clean(part: &str) -> &str {
    let mut p = part.trim().trim_start_matches(['*', '_', '[']);
    for title in ["Dr. ", "Dr ", "Prof. ", "Prof ", "Mr. ", "Mrs. ", "Ms. ", "Sir "] {
        if let Some(rest) = p.strip_prefix(title) {
            p = rest.trim_start();
        }
    }
    // Cut at each separator's first place in turn (a place that no longer fits in
    // what is left counts for nothing): each separator's first place found in one
    // pass over the bytes, as every separator starts with ` `, `(`, `|`, `]` or
    // the first byte of `–`/`—` (ten `memmem` searches per name cost 10 M
    // instructions on the 10 MB corpus).
    let b = p.as_bytes();
    let mut first = [usize::MAX; SEPARATORS.len()];
    for (i, &c) in b.iter().enumerate() {
        if matches!(c, b' ' | b'(' | b'|' | b']' | 0xE2) {
            for (k, sep) in SEPARATORS.iter().enumerate() {
                if first[k] == usize::MAX && b[i..].starts_with(sep.as_bytes()) {
                    first[k] = i;
                }
            }
        }
    }
    let mut cut = b.len();
    for (k, sep) in SEPARATORS.iter().enumerate() {
        if first[k] != usize::MAX && first[k] + sep.len() <= cut {
            cut = first[k];
        }
    }
    p = &p[..cut];
    p.trim().trim_matches(|c: char| matches!(c, '*' | '_' | '[' | ']' | '"' | '“' | '”' | ',' | ';' | ':')).trim()
}

/// Splits a list of names joined by `,`, `;`, `&`, `+` or `and`.
fn split_names<'v>(finder: &Speakers, value: &'v str) -> Vec<&'v str> {
    names_of(finder, value).collect()
}

/// [`split_names`], one name at a time: a caller that wants every part to be a name
/// stops at the first that is not (a paragraph's line read whole, split at each
/// comma and cleaned, cost 36 M instructions on the 10 MB corpus; read up to its
/// first part, 9 M).
fn names_of<'v, 'f>(finder: &'f Speakers<'_>, value: &'v str) -> impl Iterator<Item = &'v str> + use<'v, 'f> {
    let and = &finder.and;
    value
        .split([',', ';', '&', '+', '/'])
        .flat_map(move |a| {
            let mut rest = Some(a);
            std::iter::from_fn(move || {
                let r = rest?;
                match and.find(r.as_bytes()) {
                    Some(i) => {
                        rest = Some(&r[i + 5..]);
                        Some(&r[..i])
                    }
                    None => rest.take(),
                }
            })
        })
        .map(clean)
        .filter(|s| !s.is_empty())
}

/// Whether `value` splits into at least one name and every part passes `check`,
/// asking for the parts one at a time.
fn all_names(finder: &Speakers, value: &str, check: impl Fn(&str) -> bool) -> bool {
    let mut parts = names_of(finder, value);
    parts.next().is_some_and(|first| check(first) && parts.all(check))
}

impl Speakers<'_> {
    /// The names the notes' structure gives (a section's `speakers`), without repeats,
    /// `A and B` given as one name split in two when both look like names: what
    /// [`Found::speakers`] starts with before the body is read.
    pub fn given(&self, names: &[Named]) -> Vec<Named> {
        let mut out = Vec::new();
        for s in names {
            let parts = split_names(self, &s.name);
            if parts.len() > 1 && parts.iter().all(|p| check_name(p, Strictness::Cued, Some(self.lexicon))) {
                parts.into_iter().for_each(|p| push_new(&mut out, p, s.line));
            } else {
                push_new(&mut out, &s.name, s.line);
            }
        }
        out
    }
}

/// Adds `name` to `out` unless it holds it already (the same person written with or
/// without diacritics is one).
fn push_new(out: &mut Vec<Named>, name: &str, line: u32) {
    let key = slug(&fold_diacritics(name));
    if !out.iter().any(|n| slug(&fold_diacritics(&n.name)) == key) {
        out.push(Named { name: name.to_string(), line });
    }
}

impl Recogniser for Speakers<'_> {
    fn name(&self) -> &'static str {
        "speakers"
    }

    fn recognise(&self, body: &Body<'_>, _: &mut Scratch, out: &mut Found) {
        self.find(body, &mut out.speakers);
    }
}

impl Speakers<'_> {
    /// Appends the speakers the section's body names to `out`, without repeats.
    fn find(&self, body: &Body<'_>, out: &mut Vec<Named>) {
        let finder = self;
        let lexicon = self.lexicon;
        let start = body.section_start();
        let section = &body.text[start..];
        let lower = &body.lower()[start..];
        // The section's lines, as `str::lines` gives them (one `\r` dropped), from
        // the body's line starts: `n` of them, line `k` being the body's `first + k`.
        let first = if section.is_empty() { body.line_count() } else { body.line_index(start) };
        let n = body.line_count() - first;
        // Where line `k` ends, line break included (relative to the body).
        let line_end = |k: usize| {
            if first + k + 1 < body.line_count() {
                body.line_start(first + k + 1)
            } else {
                body.text.len()
            }
        };
        let line_of = |k: usize| {
            let s = body.line_start(first + k);
            let e = if first + k + 1 < body.line_count() {
                body.line_start(first + k + 1) - 1
            } else {
                body.text.len() - usize::from(body.text.ends_with('\n'))
            };
            let l = &body.text[s..e];
            l.strip_suffix('\r').unwrap_or(l)
        };
        let first_line = body.first_line + first as u32;
        let mut push = |name: &str, line: u32| push_new(out, name, line);
        // Each regex below needs something cheap to see first (a `:`, a leading `by`, a
        // `by` between spaces): found in one pass over the body, so that a line without
        // it is not asked.
        let bytes = section.as_bytes();
        let colons: Vec<usize> = memchr::memchr_iter(b':', bytes).collect();
        let space = |c: Option<&u8>| c.is_some_and(|&c| c.is_ascii_whitespace() || c >= 0x80 || c == 0x0b);
        let spaced_by: Vec<usize> = finder
            .by
            .find_iter(lower)
            .filter(|&p| p > 0 && space(bytes.get(p - 1)) && space(bytes.get(p + 2)))
            .collect();
        let (mut next_colon, mut next_by) = (0, 0);
        // Whether one of `places` (ascending) lies in `from..to`; `next` moves on with the lines.
        let in_line = |places: &[usize], next: &mut usize, from: usize, to: usize| {
            while places.get(*next).is_some_and(|&p| p < from) {
                *next += 1;
            }
            places.get(*next).is_some_and(|&p| p < to)
        };
        let blank = |k: usize| k >= n || line_of(k).trim().is_empty();
        let mut alone_found = false;
        for k in 0..n {
            let line = first_line + k as u32;
            // (Neither a `:` nor a `by` is a line break: the line's places are those
            // before the next line's start.)
            let from = body.line_start(first + k) - start;
            let to = line_end(k) - start;
            let has_colon = in_line(&colons, &mut next_colon, from, to);
            let has_by = in_line(&spaced_by, &mut next_by, from, to);
            // Past the lines where a name may stand alone, a line with neither, and
            // whose first byte cannot start a `by NAME` line, is passed over unread
            // (reading every line cost 45 M instructions on the 10 MB corpus).
            let by_first =
                |c: u8| c.is_ascii_whitespace() || c >= 0x80 || matches!(c, 0x0b | b'*' | b'_' | b'b' | b'B');
            if k >= NAME_ALONE_WITHIN && !has_colon && !has_by && !by_first(bytes[from]) {
                continue;
            }
            let raw = line_of(k);
            if let Some(c) = (has_colon && may_be_field(raw)).then(|| finder.field.captures(raw)).flatten() {
                for n in split_names(finder, first_sentence(&c[1])) {
                    if check_name(n, Strictness::Cued, Some(lexicon)) {
                        push(n, line);
                    }
                }
                continue;
            }
            if let Some(c) = starts_with_by(raw).then(|| finder.by_line.captures(raw)).flatten() {
                // `by Jane Doe and John Roe`: every part must be a name (not `by the way`).
                if all_names(finder, &c[1], |p| check_name(p, Strictness::Cued, Some(lexicon)) && p.contains(' ')) {
                    names_of(finder, &c[1]).for_each(|p| push(p, line));
                }
                continue;
            }
            if let Some(c) = has_by.then(|| finder.prose.captures(raw)).flatten() {
                let value = &c[1];
                for part in split_names(finder, value) {
                    if let Some(m) = finder.name_run().find(part) {
                        let n = part[m.range()].trim_end_matches('.');
                        if check_name(n, Strictness::Cued, Some(lexicon)) && n.split_whitespace().count() >= 2 {
                            push(n, line);
                        }
                    }
                }
            }
            // Alone: blank lines around it; right under the heading, a list may follow at once.
            let list_next = k == 0 && n > 1 && line_of(1).trim_start().starts_with(['-', '*', '+', '>']);
            if !alone_found
                && k < NAME_ALONE_WITHIN
                && (k == 0 || blank(k - 1))
                && (blank(k + 1) || list_next)
                && !blank(k)
            {
                let t = raw.trim().trim_matches(|c: char| matches!(c, '*' | '_')).trim();
                if t.ends_with([':', '?', '.', '!']) || t.starts_with(['-', '>', '#', '|', '`']) {
                    continue;
                }
                if all_names(finder, t, |p| check_name(p, Strictness::Alone, Some(lexicon))) {
                    for p in names_of(finder, t) {
                        push(p, line);
                    }
                    alone_found = true;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_field_names_its_people_up_to_its_first_sentence() {
        assert_eq!(super::first_sentence("Ana Ruiz. DuckDB + Parquet"), "Ana Ruiz");
        assert_eq!(super::first_sentence("J. Doe and Dr. Ana Ruiz"), "J. Doe and Dr. Ana Ruiz");
    }
    use super::*;
    use crate::extract::text::Patterns;

    fn lex() -> Lexicon {
        Lexicon::from_toml(
            r#"
[[entry]]
name = "Python"
kind = "technology"
category = "language"
[[entry]]
name = "Gherkin"
kind = "technology"
category = "language"
[[entry]]
name = "Black"
kind = "technology"
category = "tool"
ambiguous = true
"#,
            "test.toml",
        )
        .expect("valid")
    }

    /// The speakers of a section: `given` by the structure, then those of `body`
    /// (whose first line is line 2).
    fn found(given: &[Named], body: &str) -> Vec<Named> {
        let lex = lex();
        let finder = Speakers::new(&lex);
        let pats = Patterns::new();
        let mut found = Found { speakers: finder.given(given), ..Found::default() };
        finder.recognise(&Body::new(body, 2, &pats), &mut Scratch::default(), &mut found);
        found.speakers
    }

    fn names(body: &str) -> Vec<String> {
        found(&[], body).into_iter().map(|n| n.name).collect()
    }

    #[test]
    fn speaker_table() {
        let cases: &[(&str, &[&str])] = &[
            ("\nMark Shannon\n\nSpeeding up", &["Mark Shannon"]),
            ("\nAbout the community, open source, kindness.\nmore text\n\nBrett Cannon\n\nGoogle cloud had a stall with following competition\n", &["Brett Cannon"]),
            ("Speaker: Jane Doe", &["Jane Doe"]),
            ("Speakers: Ana Lopez, Bo Chen & Guido van Rossum", &["Ana Lopez", "Bo Chen", "Guido van Rossum"]),
            ("- **Speaker**: Łukasz Langa", &["Łukasz Langa"]),
            ("**Speaker:** Jean-Luc Picard", &["Jean-Luc Picard"]),
            ("speaker:: [[Fred L. Drake]]", &["Fred L. Drake"]),
            ("Presenter: Ursula von der Leyen (EU)", &["Ursula von der Leyen"]),
            ("By: Ada Lovelace and Grace Hopper", &["Ada Lovelace", "Grace Hopper"]),
            ("It was a great talk by Jane Doe from Acme about tests.", &["Jane Doe"]),
            ("presented by Marie Curie.", &["Marie Curie"]),
            ("\nJane Doe & John Roe\n\ntext", &["Jane Doe", "John Roe"]),
            ("\nAndrés Díaz de la Fuente\n", &["Andrés Díaz de la Fuente"]),
            ("by Jane Doe & Dr. John Roe\n\ntext", &["Jane Doe", "John Roe"]),
            ("Speaker: Prof. Ada Lovelace", &["Ada Lovelace"]),
            ("Niko Matsakis\n- async fn in traits\n- editions", &["Niko Matsakis"]),
        ];
        for (body, want) in cases {
            assert_eq!(names(body), *want, "{body:?}");
        }
    }

    #[test]
    fn not_speakers() {
        let bodies = [
            "\nGoogle cloud had a stall with following competition\n",
            "\nKey takeaways:\n",
            "\nKey Takeaways\n",
            "\nSpec test example\n",
            "\nLightning talks\n",
            "\nPython Code Formatters\n",
            "\nBehavior do nots\n",
            "\nBuild shared understanding\n",
            "\nDomain driven design\n",
            "\nTrade booking engine\n",
            "\nTrade Booking Engine\n",
            "\nReadable Gherkin\n",
            "\nDDD Design\n",
            "\nPython C API.\n",
            "\nLlama 2\n",
            "\nGherkin\n",
            "\nDev, Tester and PM.\n",
            "\nQuestions\n",
            "\nBlack\n",
            "\nStatically typed\n",
            "\nFinal Thoughts\n",
            "\nHacker News\n",
            "\nOpen Source Summit\n",
            "\nMachine Learning\n",
            "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\n\nJane Doe\n",
            "the talk by the team was fun",
            "Speaker: the whole team",
            "by the way, Jane said so",
            "By Monday we had it",
            "Key Takeaways\n- fast\n- small",
            "Trade Booking Engine\n- one\n- two",
        ];
        for body in bodies {
            assert!(names(body).is_empty(), "{body:?} gave {:?}", names(body));
        }
    }

    #[test]
    fn structure_speakers_kept_and_merged() {
        let given = [Named { name: "Sebastian Buczyński".into(), line: 1 }];
        let got = found(&given, "\nSebastian Buczynski\n\ntext");
        assert_eq!(got, [Named { name: "Sebastian Buczyński".into(), line: 1 }]);
    }

    #[test]
    fn structure_speakers_split_when_joined() {
        let given = [
            Named { name: "Naomi Liu and Deniz Dubois".into(), line: 1 },
            Named { name: "Rock and Roll Band".into(), line: 1 },
        ];
        let got: Vec<String> = found(&given, "").into_iter().map(|n| n.name).collect();
        assert_eq!(got, ["Naomi Liu", "Deniz Dubois", "Rock and Roll Band"]);
    }

    #[test]
    fn body_after_a_title_line() {
        // The title, read as the line before the body, is no place for a speaker;
        // the body's lines keep their numbers.
        let lex = lex();
        let finder = Speakers::new(&lex);
        let pats = Patterns::new();
        let text = "Jane Doe\n\nMark Shannon\n\ntext";
        let mut found = Found::default();
        let body = Body::new(text, 9, &pats).with_section_start("Jane Doe\n".len());
        finder.recognise(&body, &mut Scratch::default(), &mut found);
        assert_eq!(found.speakers, [Named { name: "Mark Shannon".into(), line: 11 }]);
    }

    #[test]
    fn cleaned_at_each_separator_in_turn() {
        assert_eq!(clean("**Jane Doe** (Acme) | x"), "Jane Doe");
        assert_eq!(clean("Dr. Ana Lopez from Acme"), "Ana Lopez");
        // ` of ` cuts first; ` at ` no longer fits in what is left.
        assert_eq!(clean("Ana Lopez at of Acme"), "Ana Lopez at");
        assert_eq!(clean("[[Bo Chen]] @ Org"), "Bo Chen");
    }

    #[test]
    fn name_shapes() {
        for (s, want) in [
            ("Mark Shannon", true),
            ("Guido van Rossum", true),
            ("Fred L. Drake", true),
            ("Mary O'Brien", true),
            ("Grace Hopper", true),
            ("Jane", false),
            ("Jane Doe 2", false),
            ("JANE DOE", false),
            ("Key Takeaways", false),
            ("van Rossum", false),
        ] {
            assert_eq!(looks_like_name(s), want, "{s}");
        }
    }
}
