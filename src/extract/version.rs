//! Python versions: `Python 3.11`, `python3.11`, `py3.11`, `CPython 3.11`, and a bare
//! `3.11` where the context is Python (the section mentions Python, or the line speaks
//! of a version, an upgrade or a release). Only plausible versions (2.0–2.7,
//! 3.0–3.20) count; `4.5 x faster`, `80 bytes`, `2.5 ms` and dates do not.

use std::sync::OnceLock;

use regex::Regex;
use regex_automata::{meta, Anchored, Input};

use super::text::{contains_ci, Body, Literal};
use super::{Found, Mention, Recogniser, Rule, Scratch, Target};

/// The Python-version recogniser, with its patterns compiled once.
#[derive(Debug)]
pub struct Versions {
    /// `Python 3.11`, `python3.11`, `py3.11`, `CPython 3.11`: searched for anchored at
    /// each `py` (or the `c` before it), so the prose between costs a `memchr`.
    explicit: meta::Regex,
    /// A bare `3.11`, in a Python context: read by hand on an ASCII line
    /// ([`bare_ascii`]), compiled for the first line that is not.
    bare: OnceLock<Regex>,
}

impl Default for Versions {
    fn default() -> Self {
        Versions::new()
    }
}

impl Versions {
    /// The recogniser.
    pub fn new() -> Versions {
        Versions {
            explicit: meta::Regex::new(r"(?i)\b(?:c?python|py)\s?-?v?(\d{1,2})\.(\d{1,3})\b")
                .expect("a valid regex, fixed in the source"),
            bare: OnceLock::new(),
        }
    }
}

impl Versions {
    /// [`BARE`], compiled on first need.
    fn bare(&self) -> &Regex {
        self.bare.get_or_init(|| Regex::new(BARE).expect("a valid regex, fixed in the source"))
    }
}

impl Recogniser for Versions {
    fn name(&self) -> &'static str {
        "versions"
    }

    fn recognise(&self, body: &Body<'_>, _: &mut Scratch, out: &mut Found) {
        self.find(body, body.has(Literal::Python), &mut out.mentions);
    }
}

/// Where a match of the explicit pattern may start, in order: at the `p` of a `py`, or
/// at a `c` right before one; only where a digit follows soon.
fn explicit_starts<'b>(body: &'b Body<'_>) -> impl Iterator<Item = usize> + 'b {
    let b = body.text.as_bytes();
    body.find_all(Literal::Py).flat_map(move |p| {
        // After `py` or `python` come at most a space, `-` and `v`, then a digit: no
        // digit (nor a non-ASCII byte, which may be a space or a digit) within four
        // bytes, no match.
        let digit_soon =
            |at: usize| b[at.min(b.len())..(at + 4).min(b.len())].iter().any(|&c| c.is_ascii_digit() || c >= 0x80);
        let python = body.lower().get(p..p + 6) == Some(b"python");
        let may = digit_soon(p + 2) || python && digit_soon(p + 6);
        let c_before = p.checked_sub(1).filter(|&c| may && b[c].eq_ignore_ascii_case(&b'c'));
        c_before.into_iter().chain(may.then_some(p))
    })
}

/// Words after a number that make it a measure, not a version.
const UNITS: &[&str] = &[
    "x", "×", "times", "ms", "s", "sec", "secs", "second", "seconds", "us", "µs", "ns", "bytes", "byte", "b", "kb",
    "mb", "gb", "tb", "k", "m", "million", "billion", "hours", "hour", "h", "min", "mins", "minutes", "years", "year",
    "days", "stars", "points", "pts", "km", "kg", "faster", "slower", "%", "percent", "fps", "rps", "qps", "cores",
    "gib", "mib", "kib", "ghz", "mhz", "°",
];

/// The version `major.minor` if plausible for Python.
fn plausible(major: &str, minor: &str) -> Option<String> {
    if minor.len() > 1 && minor.starts_with('0') {
        return None;
    }
    let (ma, mi): (u32, u32) = (major.parse().ok()?, minor.parse().ok()?);
    let ok = (ma == 2 && mi <= 7) || (ma == 3 && mi <= 20);
    // Written digit by digit (`format!` cost 16 M instructions on the 10 MB corpus).
    ok.then(|| {
        let mut v = String::with_capacity(4);
        v.push(char::from(b'0' + ma as u8));
        v.push('.');
        if mi >= 10 {
            v.push(char::from(b'0' + (mi / 10) as u8));
        }
        v.push(char::from(b'0' + (mi % 10) as u8));
        v
    })
}

/// Whether the number ending at `end` is followed by a unit (or more digits).
fn is_measure(text: &str, start: usize, end: usize) -> bool {
    // `at 3.15` is a time.
    // (No other character lower-cases to ` `, `a` or `t`: ASCII case is enough.)
    let before = text[..start].trim_end().as_bytes();
    if before.len() >= 3 && before[before.len() - 3..].eq_ignore_ascii_case(b" at")
        || before.eq_ignore_ascii_case(b"at")
    {
        return true;
    }
    let before = text[..start].chars().next_back();
    if before.is_some_and(|c| c.is_ascii_digit() || matches!(c, '.' | '$' | '€' | '£' | ',' | '/' | ':' | '-' | '+'))
    {
        return true;
    }
    let rest = &text[end..];
    let mut chars = rest.chars();
    match chars.next() {
        Some('.' | ',' | ':' | '/') if chars.next().is_some_and(|c| c.is_ascii_digit()) => return true,
        Some('%' | '×' | '°') => return true,
        _ => {}
    }
    let rest = rest.trim_start();
    let word_len: usize =
        rest.chars().take_while(|c| c.is_alphanumeric() || matches!(c, '%' | '×' | '°')).map(char::len_utf8).sum();
    let word = &rest[..word_len];
    // An ASCII word is compared as it is, ignoring ASCII case (its lower-case copy
    // was a `String` for each candidate version).
    if word.is_ascii() {
        return UNITS.iter().any(|u| u.eq_ignore_ascii_case(word));
    }
    let next: String = word.chars().flat_map(char::to_lowercase).collect();
    UNITS.contains(&next.as_str())
}

/// A bare version: `3.11`.
const BARE: &str = r"\b(\d{1,2})\.(\d{1,3})\b";

/// The matches of the bare version pattern [`BARE`] in an ASCII
/// line, as `captures_iter` finds them, each with the offset of its dot: a run of one
/// or two digits that starts a word, a dot, and a run of one to three digits that
/// ends one (a longer run, or one running into a letter, leaves no boundary the
/// regex could stop at).
fn bare_ascii(b: &[u8], found: &mut impl FnMut((usize, usize), usize)) {
    let word = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    let mut last_end = 0;
    for dot in memchr::memchr_iter(b'.', b) {
        let before = b[..dot].iter().rev().take(3).take_while(|c| c.is_ascii_digit()).count();
        let after = b[dot + 1..].iter().take(4).take_while(|c| c.is_ascii_digit()).count();
        let (s, e) = (dot - before, dot + 1 + after);
        if (1..=2).contains(&before)
            && (1..=3).contains(&after)
            && s >= last_end
            && (s == 0 || !word(b[s - 1]))
            && b.get(e).is_none_or(|&c| !word(c))
        {
            last_end = e;
            found((s, e), dot);
        }
    }
}

impl Versions {
    /// Finds Python versions in `body`; `python_context` says whether the section is
    /// about Python (so that a bare `3.11` counts anywhere in it).
    fn find(&self, body: &Body<'_>, python_context: bool, out: &mut Vec<(usize, Mention)>) {
        let text = body.text;
        // The explicit matches' version spans, in order and apart (each search starts
        // after the last match), so the bare search below, which also goes forward,
        // keeps a cursor into them: linear on a line of a million versions.
        let mut taken: Vec<(usize, usize)> = Vec::new();
        let re = &self.explicit;
        let mut last_end = 0;
        for start in explicit_starts(body) {
            if start < last_end {
                continue;
            }
            // Anchored and without captures (the lazy DFA alone); the groups are read
            // off the match: it ends with the minor version, after the last `.`, and the
            // major version is the run of digits right before that dot (nothing the
            // regex allows before them is a digit).
            let Some(m) = re.find(Input::new(text).range(start..).anchored(Anchored::Yes)) else { continue };
            last_end = m.end();
            let whole = &text[m.range()];
            let dot = whole.rfind('.').expect("the regex matches a dot");
            let major_len: usize = whole[..dot].chars().rev().take_while(|c| c.is_numeric()).map(char::len_utf8).sum();
            let (ma, mi) = (&whole[dot - major_len..dot], &whole[dot + 1..]);
            let Some(v) = plausible(ma, mi) else { continue };
            taken.push((m.start() + dot - major_len, m.end()));
            out.push((
                m.start(),
                Mention {
                    target: Target::PythonVersion(v),
                    surface: whole.to_string(),
                    line: body.line_no(m.start()),
                    rule: Rule::Pattern,
                },
            ));
        }
        let mut next_taken = 0;
        // A version that counts has ASCII digits on both sides of its dot.
        // (Those lines are found in the pass over the dots that finds the URLs.)
        for &i in body.digit_dot_digit_lines() {
            let line = body.line(i);
            // (Lower case adds no ASCII letter to these words: `contains_ci` is enough.)
            let line_context = python_context
                || ["python", "version", "upgrade", "release", "runtime"].iter().any(|w| contains_ci(line, w));
            if !line_context {
                continue;
            }
            let base = body.line_start(i);
            let mut found = |(ms, me): (usize, usize), dot: usize| {
                let (s, e) = (base + ms, base + me);
                while taken.get(next_taken).is_some_and(|&(_, te)| te <= s) {
                    next_taken += 1;
                }
                if taken.get(next_taken).is_some_and(|&(ts, _)| ts < e) || is_measure(text, s, e) {
                    return;
                }
                let Some(v) = plausible(&line[ms..dot], &line[dot + 1..me]) else { return };
                out.push((
                    s,
                    Mention {
                        target: Target::PythonVersion(v),
                        surface: line[ms..me].to_string(),
                        line: body.first_line + i as u32,
                        rule: Rule::Pattern,
                    },
                ));
            };
            if line.is_ascii() {
                bare_ascii(line.as_bytes(), &mut found);
            } else {
                for c in self.bare().captures_iter(line) {
                    let (m, dot) = (c.get(0).expect("whole"), c.get(1).expect("major").end());
                    found((m.start(), m.end()), dot);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::text::Patterns;

    fn versions(text: &str, python: bool) -> Vec<String> {
        let mut out = Vec::new();
        Versions::new().find(&Body::new(text, 1, &Patterns::new()), python, &mut out);
        out.sort_by_key(|(at, _)| *at);
        out.into_iter()
            .map(|(_, m)| match m.target {
                Target::PythonVersion(v) => v,
                other => panic!("unexpected {other:?}"),
            })
            .collect()
    }

    proptest::proptest! {
        /// The hand-written bare version matcher finds, in any ASCII line, what the
        /// regex finds, with the same dot.
        #[test]
        fn bare_ascii_agrees_with_the_regex(line in r"([0-9]{1,4}|\.|[a-z_ ,%]){0,30}") {
            let want: Vec<((usize, usize), usize)> = Regex::new(BARE)
                .expect("valid")
                .captures_iter(&line)
                .map(|c| {
                    let m = c.get(0).expect("whole");
                    ((m.start(), m.end()), c.get(1).expect("major").end())
                })
                .collect();
            let mut got = Vec::new();
            bare_ascii(line.as_bytes(), &mut |m, dot| got.push((m, dot)));
            proptest::prop_assert_eq!(got, want, "{:?}", line);
        }
    }

    #[test]
    fn version_table() {
        let cases: &[(&str, bool, &[&str])] = &[
            ("Python 3.11 is out", false, &["3.11"]),
            ("python3.11 and py3.12 and CPython 3.13", false, &["3.11", "3.12", "3.13"]),
            ("In early python 2.7 to 3.2 an object", false, &["2.7", "3.2"]),
            ("In 3.6 shrink to 192 bytes", true, &["3.6"]),
            ("In 3.6 shrink to 192 bytes", false, &[]),
            ("upgrade to 3.12 soon", false, &["3.12"]),
            ("three different python versions. 3.9. 3.10, 3.11", false, &["3.9", "3.10", "3.11"]),
            ("GraalPY is 4.5 x faster", true, &[]),
            ("it took 2.5 ms and 3.2x less", true, &[]),
            ("down to 80 bytes, 3.5 GB", true, &[]),
            ("on 19.07.2023 at 3.15", true, &[]),
            ("Python 3.45 and python 4.0 and 2.9", true, &[]),
            ("version 1.3.11 of the lib", false, &[]),
            ("costs $3.10", true, &[]),
            ("runtime from 110 ms to 98 ms. 3.10 to 3.11", true, &["3.10", "3.11"]),
            // Explicit and bare versions interleaved, over two lines: each found once.
            (
                "Python 3.11 then 3.12, python3.13 and 3.9\n3.8 or py3.7 or 3.6",
                true,
                &["3.11", "3.12", "3.13", "3.9", "3.8", "3.7", "3.6"],
            ),
        ];
        for (text, python, want) in cases {
            assert_eq!(versions(text, *python), *want, "{text:?}");
        }
    }
}
