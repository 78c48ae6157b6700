//! PEPs: the catalogue shipped in `data/peps.tsv` (compiled in) and the recogniser
//! for the ways people write a PEP number: `PEP 659`, `PEP-0487`, `pep 8`, `PEP8`,
//! `` :pep:`703` `` (reStructuredText's role), `PEP #572`, `PEPs 484 and 526`, `PEPs
//! 484, 526 and 604`. A number followed by `.digit` (`and 3.11`) is a version, not a
//! PEP; [`Peps::known`] also drops numbers the catalogue does not know.

use std::collections::BTreeMap;

use regex::Regex;
use regex_automata::meta;

use regex_automata::{Anchored, Input};

use super::text::{anchored_spans, Body, Literal};
use super::{Found, Mention, Recogniser, Rule, Scratch, Target};

/// One PEP, as the catalogue describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PepInfo {
    /// Number.
    pub number: u32,
    /// Title.
    pub title: String,
    /// Final, Accepted, Draft, ...
    pub status: String,
    /// Standards Track, Informational or Process.
    pub pep_type: String,
    /// Topic(s), possibly empty.
    pub topic: String,
    /// Creation date as given.
    pub created: String,
    /// Python version(s), possibly empty.
    pub python_version: String,
    /// Authors, in order.
    pub authors: Vec<String>,
    /// `https://peps.python.org/pep-NNNN/`.
    pub url: String,
}

/// Every PEP by number.
#[derive(Debug, Clone, Default)]
pub struct PepCatalog {
    peps: BTreeMap<u32, PepInfo>,
}

const BUILTIN: &str = include_str!("../../data/peps.tsv");

impl PepCatalog {
    /// The catalogue compiled into the binary, read anew on each call (a run reads it
    /// once, into its [`super::Knowledge`]).
    pub fn builtin() -> PepCatalog {
        PepCatalog::from_tsv(BUILTIN)
    }

    /// Parses the catalogue's TSV (one header line, tab-separated, no quoting).
    pub fn from_tsv(text: &str) -> PepCatalog {
        let mut peps = BTreeMap::new();
        for line in text.lines().skip(1) {
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() < 9 {
                continue;
            }
            let Ok(number) = f[0].parse::<u32>() else { continue };
            peps.insert(
                number,
                PepInfo {
                    number,
                    title: f[1].to_string(),
                    status: f[2].to_string(),
                    pep_type: f[3].to_string(),
                    topic: f[4].to_string(),
                    created: f[5].to_string(),
                    python_version: f[6].to_string(),
                    authors: f[7].split("; ").filter(|a| !a.is_empty()).map(str::to_string).collect(),
                    url: f[8].to_string(),
                },
            );
        }
        PepCatalog { peps }
    }

    /// The PEP with this number.
    pub fn get(&self, number: u32) -> Option<&PepInfo> {
        self.peps.get(&number)
    }

    /// How many PEPs it holds.
    pub fn len(&self) -> usize {
        self.peps.len()
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.peps.is_empty()
    }
}

/// The URL of a PEP's page, whether or not the catalogue knows it.
pub fn pep_url(number: u32) -> String {
    format!("https://peps.python.org/pep-{number:04}/")
}

/// The PEP recogniser: PEP numbers, all of them or only those a catalogue knows, with
/// its patterns compiled once.
#[derive(Debug)]
pub struct Peps<'k> {
    catalog: Option<&'k PepCatalog>,
    /// `PEP 659`, `PEP-0487`, `pep 8`, `PEP8`, `PEP #572`, `PEPs 484 and 526`, `PEPs 484,
    /// 526`: every match starts at a `pep` in any ASCII case (`p` and `e` fold to
    /// nothing else), so it is asked only there, anchored.
    pep: meta::Regex,
    more_numbers: Regex,
}

impl<'k> Peps<'k> {
    /// Finds the PEPs `catalog` knows.
    pub fn known(catalog: &'k PepCatalog) -> Peps<'k> {
        Peps { catalog: Some(catalog), ..Peps::any() }
    }

    /// Finds every PEP number, known or not.
    pub fn any() -> Peps<'k> {
        let regex = |r: &str| Regex::new(r).expect("a valid regex, fixed in the source");
        Peps {
            catalog: None,
            pep: meta::Regex::new(
                r"(?i)peps?[\s\-_#:`]{0,3}0*(\d{1,4})((?:\b|_)(?:\s*(?:,|and|&|/)\s*(?:pep[\s\-_#]{0,2})?0*\d{1,4}\b)*)",
            )
            .expect("a valid regex, fixed in the source"),
            more_numbers: regex(r"\d{1,4}"),
        }
    }
}

impl Recogniser for Peps<'_> {
    fn name(&self) -> &'static str {
        "peps"
    }

    fn recognise(&self, body: &Body<'_>, _: &mut Scratch, out: &mut Found) {
        self.scan(body, &mut out.mentions);
    }
}

/// Where group 1 of the PEP pattern lies in an ASCII match `whole`: the first run
/// of ASCII digits (nothing before it, `pep`, `s` and separators, is a digit). `None`
/// for a match holding other characters (a Unicode digit, the long s), which the
/// regex's captures read instead.
fn first_number(whole: &str) -> Option<(usize, usize)> {
    let b = whole.as_bytes();
    if !b.is_ascii() {
        return None;
    }
    let from = b.iter().position(u8::is_ascii_digit)?;
    let to = from + b[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    Some((from, to))
}

impl Peps<'_> {
    fn scan(&self, body: &Body<'_>, out: &mut Vec<(usize, Mention)>) {
        let catalog = self.catalog;
        // Every match starts at a `pep`: the regex is asked there only, anchored, on
        // the line holding it (a match never runs past its line). The lines' `pep`s,
        // in order, grouped by line.
        let peps: Vec<usize> = body.find_all(Literal::Pep).collect();
        let mut from = 0;
        while from < peps.len() {
            let i = body.line_index(peps[from]);
            let base = body.line_start(i);
            let line = body.line(i);
            let to = from + peps[from..].iter().take_while(|&&p| p < base + line.len()).count();
            // A `pep` that starts a word: after a letter or digit it is part of one
            // (`apep`, `x2pep`); after `_` it is not (`_PEP 659_` in italics).
            let starts = peps[from..to]
                .iter()
                .map(|p| p - base)
                .filter(|&p| line[..p].chars().next_back().is_none_or(|c| !c.is_alphanumeric()));
            from = to.max(from + 1);
            // Each match is found by the lazy DFA alone, and its two groups read off it
            // where it is ASCII (captures ran the bounded backtracker over every match:
            // 23 M instructions of the 10 MB corpus's 65 M in this recogniser).
            for (s, e) in anchored_spans(&self.pep, line, starts) {
                let whole = line[s..e].trim_end_matches('_');
                let start = base + s;
                let mut push = |n: &str, end: usize| {
                    // `PEP 659 and 3.11`: a number running into `.digit` is a version.
                    let rest = &line[end..];
                    if rest.starts_with('.') && rest[1..].starts_with(|c: char| c.is_ascii_digit()) {
                        return;
                    }
                    let digits = n.trim_start_matches('0');
                    let Ok(n) = (if digits.is_empty() { "0" } else { digits }).parse::<u32>() else { return };
                    if catalog.is_some_and(|cat| cat.get(n).is_none()) {
                        return;
                    }
                    out.push((
                        start,
                        Mention {
                            target: Target::Pep(n),
                            surface: whole.to_string(),
                            line: body.first_line + i as u32,
                            rule: Rule::Pattern,
                        },
                    ));
                };
                let (first, rest) = match first_number(whole) {
                    // Group 1: the first run of digits (`0*` and then group 1, which
                    // ends where `\b` holds, after the run), whose leading zeros
                    // `push` drops anyway; group 2: all that follows.
                    Some((from, to)) => ((&whole[from..to], s + to), (s + to, &whole[to..])),
                    None => {
                        let mut caps = self.pep.create_captures();
                        self.pep.captures(Input::new(line).range(s..e).anchored(Anchored::Yes), &mut caps);
                        let g1 = caps.get_group(1).expect("group 1 always takes part");
                        let g2 = caps.get_group(2).map_or((e, ""), |g| (g.start, &line[g.range()]));
                        ((&line[g1.range()], g1.end), g2)
                    }
                };
                push(first.0, first.1);
                if !rest.1.is_empty() {
                    for m in self.more_numbers.find_iter(rest.1) {
                        push(m.as_str(), rest.0 + m.end());
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::text::Patterns;

    fn peps(text: &str) -> Vec<u32> {
        let mut out = Vec::new();
        Peps::any().scan(&Body::new(text, 1, &Patterns::new()), &mut out);
        out.sort_by_key(|(at, _)| *at);
        out.into_iter()
            .map(|(_, m)| m)
            .map(|m| match m.target {
                Target::Pep(n) => n,
                _ => unreachable!(),
            })
            .collect()
    }

    proptest::proptest! {
        /// Group 1 read off an ASCII match is where the regex's captures put it,
        /// and group 2 is the rest of the match.
        #[test]
        fn groups_read_off_a_match(line in r"(peps?|PEP|[0-9]{1,5}|[ ,&/#:_-]|and|\.){0,16}") {
            let re = &Peps::any().pep;
            for c in re.captures_iter(&line) {
                let m = c.get_match().expect("a match");
                let g1 = c.get_group(1).expect("group 1");
                let g2 = c.get_group(2).expect("group 2");
                let (from, to) = first_number(&line[m.range()]).expect("ASCII");
                proptest::prop_assert_eq!(m.start() + to, g1.end, "{:?}", line);
                proptest::prop_assert!(line[m.start() + from..g1.start].bytes().all(|b| b == b'0'));
                proptest::prop_assert_eq!((g2.start, g2.end), (m.start() + to, m.end()), "{:?}", line);
            }
        }
    }

    #[test]
    fn pep_spellings() {
        assert_eq!(peps("PEP 659 specializing"), [659]);
        assert_eq!(peps("set descriptors. PEP-0487"), [487]);
        assert_eq!(peps("see pep 8 and PEP8"), [8, 8]);
        assert_eq!(peps("PEPs 484 and 526"), [484, 526]);
        assert_eq!(peps("PEP #572"), [572]);
        // reStructuredText's role.
        assert_eq!(peps("see :pep:`703` and :PEP:`684`"), [703, 684]);
        assert_eq!(peps("PEPs 484, 526 and 604"), [484, 526, 604]);
        assert_eq!(peps("PEP 0 and pep_3333"), [0, 3333]);
        // In underscore italics, or after one; not inside a word.
        assert_eq!(peps("read _PEP 659_ and _PEP 684, then"), [659, 684]);
        assert_eq!(peps("apep 8 x2pep 8"), [] as [u32; 0]);
    }

    #[test]
    fn known_peps_only() {
        let cat = PepCatalog::builtin();
        let mut found = Found::default();
        Peps::known(&cat).recognise(
            &Body::new("PEP 659 and 3.11; PEP 9999; PEP 8", 5, &Patterns::new()),
            &mut Scratch::default(),
            &mut found,
        );
        let got: Vec<(u32, u32)> = found
            .mentions
            .into_iter()
            .map(|(_, m)| match m.target {
                Target::Pep(n) => (n, m.line),
                _ => unreachable!(),
            })
            .collect();
        assert_eq!(got, [(659, 5), (8, 5)]);
    }

    #[test]
    fn not_peps() {
        assert!(peps("pepper 12 and peptide 5").is_empty());
        assert!(peps("PEP specifies at least 5").is_empty());
        assert!(peps("PEP 12345").is_empty());
        assert_eq!(peps("PEP 659 and 3.11"), [659]);
        assert!(peps("a pep talk").is_empty());
    }

    #[test]
    fn catalogue_knows_659() {
        let c = PepCatalog::builtin();
        let p = c.get(659).expect("PEP 659 in the catalogue");
        assert_eq!(p.title, "Specializing Adaptive Interpreter");
        assert_eq!(p.authors, ["Mark Shannon"]);
        assert_eq!(p.url, pep_url(659));
        assert!(c.len() > 700);
    }
}
