//! Names in no lexicon: words that look like software where they are written, made
//! into technology nodes whose links carry the confidence `inferred`
//! ([`super::Confidence::Inferred`]); `--no-infer` turns this recogniser off.
//!
//! It runs after the lexicon and the strong signals, and reads what they found: a
//! name next to a known technology is judged by its neighbour. The families it reads:
//!
//! - install commands of other ecosystems than Python's (`npm i`, `cargo add`,
//!   `brew install`, `apt install`, `go install`, `helm install`, `docker pull`, ...);
//! - a name compared with a known technology (`Foo vs Django`, `Django or Foo`), or
//!   listed among known technologies (`we use Foo, Django and Bar`);
//! - a CamelCase word (`LangGraph`), unless every part of it is an ordinary word
//!   (`TaskGroup`, `DataFrame`: a class of some library) or it is shaped like a
//!   surname (`McCarthy`, `DeVito`);
//! - a name and digits (`RP2040`, `ESP32`, `STM32`);
//! - a crate-style hyphenated name (`sudo-rs`, `cert-manager`) on a line that also
//!   names a technology, or ending in an ecosystem's mark (`-rs`, `-py`, `-js`).
//! - a capitalised name with Julia's suffix (`Reactant.jl`), wherever it is written.
//!
//! Every family skips ordinary words (in any case), code blocks (identifiers there
//! are code), URLs, and names the lexicon knows (those are the lexicon's business).

use std::cell::{OnceCell, RefCell};

use regex_automata::meta;

use super::lexicon::{EntryId, EntryKind, Lexicon, WordCache};
use super::scratch::{push_tokens, Token};
use super::text::{
    all_matches, anchored_matches, has_folding_letter, install_args, is_common_form, is_common_word, is_word_char, Body,
};
use super::{Found, Mention, Recogniser, Rule, Scratch, Target};

mod tokens;
use tokens::*;
pub(crate) use tokens::{capitals_are_nouns_in, plain_word_matters};

/// The last part of a hyphenated name that says which ecosystem it belongs to.
const ECOSYSTEM_MARKS: &[&str] = &["rs", "py", "js", "ts", "rb", "go", "cli", "sys", "hal", "sdk", "rt", "wasm"];

/// English prefixes written with a hyphen (`pre-trained`, `co-author`, `non-blocking`):
/// a hyphenated word starting with one is a word, not a name.
pub(crate) const PREFIXES: &[&str] = &[
    "anti", "auto", "bi", "co", "counter", "cross", "de", "e", "ex", "extra", "hyper", "inter", "intra", "meta",
    "micro", "mid", "mini", "multi", "non", "off", "on", "out", "over", "post", "pre", "pro", "pseudo", "re", "self",
    "semi", "sub", "super", "trans", "ultra", "un", "under",
];

/// The pronouns a French question puts after its verb (`ont-ils`, `peut-on`,
/// `est-ce`, `a-t-elle`): a verb's, never a tool's last part.
const INVERTED: &[&str] = &["il", "ils", "elle", "elles", "on", "je", "tu", "nous", "vous", "ce"];

/// English suffixes written after a hyphen to make an adjective of a word
/// (`admin-ish`, `Django-like`, `cloud-based`, `async-first`, `app-level`,
/// `thread-safe`, `CPU-bound`): never a tool's last part.
const SUFFIXES: &[&str] = &[
    "ish",
    "like",
    "esque",
    "based",
    "driven",
    "style",
    "free",
    "friendly",
    "ready",
    "heavy",
    "only",
    "wise",
    "aware",
    "centric",
    "oriented",
    "powered",
    "first",
    "level",
    "grade",
    "safe",
    "specific",
    "agnostic",
    "bound",
    "intensive",
    "compatible",
    "facing",
    "wide",
];

/// Surname particles written joined to a capital (`McCarthy`, `DeVito`, `LeBlanc`).
const SURNAME_PARTICLES: &[&str] = &["Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von", "Fitz", "St", "O"];

/// Last parts of a CamelCase word that make it a concept, a degree or an event, not a
/// thing one installs (`DevOps`, `SaaS`, `PhD`, `RustFest`, `PyCon`).
const CONCEPT_ENDINGS: &[&str] = &["Ops", "aaS", "D", "Ds", "Sc", "Con", "Conf", "Fest", "Camp", "Days", "Summit"];

/// Last parts of a class's name that say its role in a program (`AppClient`,
/// `LeakDetector`, `GeneratedField`, `ValueError`): classes of a library, not software.
const CLASS_ROLES: &[&str] = &[
    "Adapter",
    "Base",
    "Builder",
    "Client",
    "Config",
    "Context",
    "Controller",
    "Detector",
    "Dict",
    "Error",
    "Event",
    "Exception",
    "Factory",
    "Field",
    "Generator",
    "Group",
    "Handler",
    "Helper",
    "Interface",
    "Iterator",
    "List",
    "Loader",
    "Manager",
    "Mixin",
    "Options",
    "Parser",
    "Protocol",
    "Provider",
    "Reader",
    "Request",
    "Response",
    "Result",
    "Runner",
    "Settings",
    "Tuple",
    "Type",
    "Var",
    "Warning",
    "Wrapper",
    "Writer",
];

/// The words that join two names of a comparison or a list, in the languages notes
/// are read in.
const JOINERS: &[&[u8]] =
    &[b"vs", b"versus", b"or", b"and", b"und", b"et", b"y", b"e", b"oder", b"ou", b"of", b"en", b"i", b"lub", b"o"];

/// Small words that are no name even when no dictionary lists them.
const NOT_NAMES: &[&str] = &["pep", "etc", "eg", "ie", "vs", "aka", "btw", "imo", "tbd", "tba", "faq", "wip", "todo"];

/// The recogniser of names in no lexicon, with its patterns compiled once.
#[derive(Debug)]
pub struct Infer<'k> {
    lexicon: &'k Lexicon,
    /// An install command of another ecosystem; group 1 is the tool, group 2 its
    /// arguments. Every match starts with one of [`INSTALL_TOOLS`].
    install: meta::Regex,
    /// The suffix Julia's packages are named with (`Reactant.jl`).
    julia: memchr::memmem::Finder<'static>,
}

/// The lexicon's [`Lexicon::find_package`], remembered in the worker's word cache.
struct Packages<'a> {
    lexicon: &'a Lexicon,
    cache: RefCell<&'a mut WordCache>,
}

impl Packages<'_> {
    /// The entry whose name, alias or package name is `name`.
    fn find(&self, name: &str) -> Option<EntryId> {
        self.lexicon.find_package_cached(name, &mut self.cache.borrow_mut())
    }

    /// Whether the lexicon knows `name` (then it is not ours to infer).
    fn known(&self, name: &str) -> bool {
        self.find(name).is_some()
    }
}

/// Appends a mention of a name at an offset, found by a rule.
type Push<'a> = dyn Fn(&mut Vec<(usize, Mention)>, usize, &str, Rule) + 'a;

/// One word of the text: where it is, and its text.
#[derive(Debug, Clone, Copy)]
struct Word<'a> {
    at: usize,
    text: &'a str,
    /// Whether it may pass one of [`is_camel_case`], [`is_name_and_digits`],
    /// [`is_crate_style`] or [`is_snake_package`]: it holds a lower-case letter before a
    /// capital (CamelCase), an ASCII letter before a digit (a name and digits), a `-` (a
    /// hyphenated name) or a `_` (snake_case).
    /// A necessary condition for each, told while the word is read.
    shaped: bool,
}

impl<'k> Infer<'k> {
    /// The recogniser, skipping the names `lexicon` knows.
    pub fn new(lexicon: &'k Lexicon) -> Infer<'k> {
        Infer {
            lexicon,
            install: meta::Regex::new(
                r"(?i)\b(npm\s+(?:i|install|add)|yarn\s+(?:global\s+)?add|pnpm\s+(?:add|i|install)|bun\s+(?:add|install)|cargo\s+(?:add|install)|brew\s+(?:install|reinstall)|(?:apt|apt-get|dnf|yum)\s+install|apk\s+add|go\s+(?:install|get)|helm\s+(?:install|upgrade\s+--install)|(?:docker|podman)\s+pull|gem\s+install|composer\s+require)\s+([^\n`;|&#,]+)",
            )
            .expect("a valid regex, fixed in the source"),
            julia: memchr::memmem::Finder::new(b".jl"),
        }
    }

    fn find(&self, body: &Body<'_>, scratch: &mut Scratch, found: &Found) -> Vec<(usize, Mention)> {
        let mut out = Vec::new();
        let packages = Packages { lexicon: self.lexicon, cache: RefCell::new(&mut scratch.words) };
        let push = |out: &mut Vec<(usize, Mention)>, at: usize, name: &str, rule: Rule| {
            let target = match packages.find(name) {
                Some(id) => Target::Entry(id),
                // (The conference's own name, as its talks' titles are prefixed with it in
                // a calendar, `JavaLand: Title`, is the event, not a technology.)
                None if event_named(body.topic(), name) => return,
                None => Target::Unlisted(name.to_string()),
            };
            out.push((at, Mention { target, surface: name.to_string(), line: body.line_no(at), rule }));
        };
        // The arguments of an install command are read by `installs` alone.
        // The words that may have a shape, from those the lexicon scan read (its bytes
        // are not read again: 620 M -> 426 M instructions of `Infer::find` on 10 MB of
        // notes, callgrind); the walks below read the few other words they need.
        let (shaped, tool_starts) = match scratch.tokens.of(body.text) {
            Some(tokens) => shaped_words_of_tokens(body.text, tokens),
            None => {
                let (mut words, tools) = words(body.text);
                words.retain(|w| w.shaped);
                (words, tools)
            }
        };
        let commands = self.installs(body, &packages, tool_starts, &mut out, &push);
        // What the recognisers before this one found, as byte ranges: a word inside
        // one is taken, a technology among them is a neighbour.
        let mut taken: Vec<(usize, usize, bool)> = found
            .mentions
            .iter()
            .map(|(at, m)| {
                let tech = match &m.target {
                    Target::Entry(id) => self.lexicon.entry(*id).kind == EntryKind::Technology,
                    Target::Unlisted(_) => true,
                    _ => false,
                };
                (*at, at + m.surface.len(), tech)
            })
            .collect();
        // (A stable sort, as the same ranges sort the same either way: the mentions come
        // as a few sorted runs, one per recogniser, which it merges where the unstable
        // one sorted from scratch: 13.8 M -> 10.7 M instructions on 10 MB of notes.)
        taken.sort();
        // Look-ups in logarithmic time, so that a line dense with names costs linear
        // time: ranges sorted by start with the running maximum of their ends, and the
        // technologies' bounds in sorted lists (no hash per mention).
        let spans = Spans::sorted(taken.iter().map(|&(s, e, _)| (s, e)).collect());
        let overlaps = |w: &Word<'_>| spans.overlaps(w.at, w.at + w.text.len());
        let in_commands = Spans::new(commands);
        let mut tech_at: Vec<(usize, usize)> = taken.iter().filter(|t| t.2).map(|&(s, e, _)| (s, e)).collect();
        tech_at.dedup();
        // The lines holding a technology: read only for a hyphenated word (rare).
        let tech_lines = OnceCell::new();
        let tech_lines = || {
            tech_lines.get_or_init(|| {
                let mut l: Vec<usize> = tech_at.iter().map(|&(s, _)| body.line_index(s)).collect();
                l.dedup();
                l
            })
        };
        // (Most words are no candidate for any shape below: told by their bytes before
        // any look-up, the look-ups cost a hash each.)
        for w in &shaped {
            let in_command = in_commands.overlaps(w.at, w.at + 1);
            // (Whether the lexicon knows the word is asked last, of a word with a rule:
            // the look-up is the dearest test.)
            if overlaps(w) || in_command || body.in_code(w.at) || body.in_url(w.at) {
                continue;
            }
            let rule = if is_camel_case(w.text, w.at, body) {
                Some(Rule::CamelCase)
            } else if is_name_and_digits(w.text)
                && !packages.known(w.text.trim_end_matches(|c: char| c.is_ascii_digit()))
            {
                Some(Rule::NameDigits)
            } else if w.text.contains('-') && !body.text[..w.at].ends_with('-') {
                // A crate-style name beside a technology or with its ecosystem's mark,
                // or a lexicon name made another package by a part of its own
                // (`go-carbon`, `rattler-build`: the lexicon left them to us).
                let marked = w.text.rsplit('-').next().is_some_and(|last| ECOSYSTEM_MARKS.contains(&last));
                let beside = || tech_lines().binary_search(&body.line_index(w.at)).is_ok();
                let crate_style = is_crate_style(w.text) && (marked || beside());
                (crate_style || self.lexicon.is_compound_of_name(w.text)).then_some(Rule::Hyphenated)
            } else if w.text.contains('_') {
                // A package named in snake_case after the known names it joins, as
                // Hex, PyPI and crates.io write them (`opentelemetry_phoenix`,
                // `phoenix_ecto`), beside a technology: every part is a lexicon name
                // (a function, `scan_parquet`, `read_csv`, names a verb too).
                let beside = || tech_lines().binary_search(&body.line_index(w.at)).is_ok();
                (is_snake_package(w.text) && beside() && w.text.split('_').all(|p| packages.known(p)))
                    .then_some(Rule::SnakeCase)
            } else {
                None
            };
            if let Some(rule) = rule.filter(|_| !packages.known(w.text)) {
                push(&mut out, w.at, w.text, rule);
            }
        }
        // Julia's packages, named with their suffix (read only where `.jl` is written).
        for (at, name) in julia_packages(&self.julia, body.text) {
            let w = Word { at, text: name, shaped: true };
            if !(overlaps(&w) || in_commands.overlaps(at, at + 1) || body.in_url(at) || packages.known(name)) {
                push(&mut out, at, name, Rule::Suffixed);
            }
        }
        // Names beside a known technology: compared with it, or listed with it. The
        // walk goes outwards from each technology, one joiner and one name at a time,
        // so `Foo, Bar, Django` gives both.
        let mut inferred_at: Vec<(usize, usize)> = out.iter().map(|(at, m)| (*at, at + m.surface.len())).collect();
        inferred_at.sort_unstable();
        let is_tech_at =
            |s: usize, e: usize| tech_at.binary_search(&(s, e)).is_ok() || inferred_at.binary_search(&(s, e)).is_ok();
        // Read only when a name is judged beside a technology (most sections have none).
        let german = OnceCell::new();
        let capitals_are_nouns = || *german.get_or_init(|| capitals_are_nouns_in(body));
        // The walk steps over the words that join (`vs`, `or`, `and`): the gap between
        // two names holds them. The neighbours that are no joiner are found as the walk
        // goes (a joiner run is crossed by the walks from its two ends at most), not by
        // a filtered copy of every word.
        let text = body.text;
        let named = |w: &Word<'_>| !is_joiner(w.text);
        let next_name = |w: &Word<'_>| {
            let mut i = w.at + w.text.len();
            std::iter::from_fn(|| next_word(text, &mut i, usize::MAX)).find(named)
        };
        let prev_name = |w: &Word<'_>| {
            let mut at = w.at;
            std::iter::from_fn(|| word_before(text, at).inspect(|p| at = p.at)).find(named)
        };
        // The walks start at the words where a known technology starts or ends: each
        // read from the technology's place (from where the tokeniser is between words
        // before it), not by a look-up per word. A known technology is a word, or ends at one
        // (`Apache Kafka`). The walks are independent: their order does not matter.
        // (A word where several technologies start or end starts one walk each way.)
        // (A walk whose first gap cannot join, told by the bytes around the
        // technology, is not started: most technologies are followed and preceded by
        // a space and an ordinary word: `Infer::find` 402 M -> 343 M instructions on 10 MB
        // of notes, callgrind, with the tools told by `TOOL_LENS`.)
        let mut starts: Vec<(bool, Word<'_>)> = Vec::new();
        let b = text.as_bytes();
        for &(s, e) in &tech_at {
            let (after, before) = (!joins_nothing_after(b, e), !joins_nothing_before(b, s));
            if !(after || before) {
                continue;
            }
            let mut i = between_before(b, s);
            while let Some(w) = next_word(text, &mut i, e + 1) {
                let end = w.at + w.text.len();
                if after && end == e && s <= w.at && named(&w) {
                    starts.push((true, w));
                }
                if before && w.at == s && e >= end && named(&w) {
                    starts.push((false, w));
                }
            }
        }
        starts.sort_unstable_by_key(|&(forward, w)| (forward, w.at));
        starts.dedup_by_key(|&mut (forward, w)| (forward, w.at));
        let mut beside = Vec::new();
        for (forward, start) in starts {
            let mut j = start;
            loop {
                let pair = if forward { next_name(&j).map(|k| (j, k)) } else { prev_name(&j).map(|k| (k, j)) };
                let Some((a, b)) = pair else { break };
                let gap = &body.text[a.at + a.text.len()..b.at];
                // (Every joiner holds something other than white space: most gaps, a
                // space, are told without the regex.)
                if gap.trim_start().is_empty() || !joins(gap) {
                    break;
                }
                let cand = if forward { b } else { a };
                let cand_end = cand.at + cand.text.len();
                if is_tech_at(cand.at, cand_end) || overlaps(&cand) {
                    // Already a technology or taken: a technology walks on from
                    // itself, so this walk ends here (walking through it would make a
                    // list of n technologies cost n²).
                    break;
                }
                let (prev, next) = (prev_name(&cand), next_name(&cand));
                if !self.plausible_beside(body, &packages, cand, (prev.as_ref(), next.as_ref()), capitals_are_nouns) {
                    break;
                }
                beside.push((cand.at, cand.text));
                j = cand;
            }
        }
        beside.sort_unstable();
        beside.dedup();
        // A word the section also writes as part of a person's name (`Ines Marchetti`
        // in the heading, `RabbitMQ vs Oban, Ines handled it` below) is that person.
        beside.retain(|&(_, name)| !is_part_of_a_persons_name(text, name));
        for (at, name) in beside {
            let rule = Rule::Beside;
            push(&mut out, at, name, rule);
        }
        out
    }

    /// Whether `w`, joined to a known technology, is a name: not an ordinary word, not
    /// in code or a URL, a single word (not part of a run of capitalised words, which is
    /// a person or an organisation), written as names are.
    fn plausible_beside(
        &self,
        body: &Body<'_>,
        packages: &Packages<'_>,
        w: Word<'_>,
        (prev, next): (Option<&Word<'_>>, Option<&Word<'_>>),
        capitals_are_nouns: impl Fn() -> bool,
    ) -> bool {
        let t = w.text;
        if t.len() < 2 || t.len() > 30 || body.in_code(w.at) || body.in_url(w.at) || packages.known(t) {
            return false;
        }
        let low = t.to_lowercase();
        if is_common_form(&low)
            || is_acronym_plural(t)
            || NOT_NAMES.contains(&low.as_str())
            || !t.starts_with(|c: char| c.is_ascii_alphabetic())
        {
            return false;
        }
        // Written as a name: a capital (where nouns take none), or a shape no word
        // has (`no_std`, `h2o`); a plain lower-case word may be a word of any language.
        let capitalised = t.starts_with(|c: char| c.is_ascii_uppercase()) && !capitals_are_nouns();
        let inner_capital = t.chars().skip(1).any(|c| c.is_ascii_uppercase());
        if inner_capital && CLASS_ROLES.iter().any(|r| t.ends_with(r)) {
            return false;
        }
        // A name with a number is another thing (`PEP 751`, `Python 3`).
        let after = body.text[w.at + t.len()..].trim_start_matches(' ');
        if after.starts_with(|c: char| c.is_ascii_digit()) {
            return false;
        }
        let shaped = t.contains(['_', '.']) || t.chars().any(|c| c.is_ascii_digit());
        if !(capitalised || inner_capital || shaped) {
            return false;
        }
        // Part of a run of capitalised words: `Jane Doe`, `Acme Corp`.
        let capital = |x: &Word<'_>| x.text.starts_with(|c: char| c.is_uppercase());
        let joined = |a: usize, b: usize| body.text[a..b].chars().all(|c| c == ' ');
        if capital(&w) {
            if prev.is_some_and(|p| capital(p) && joined(p.at + p.text.len(), w.at) && !is_common_word(p.text)) {
                return false;
            }
            if next.is_some_and(|n| capital(n) && joined(w.at + t.len(), n.at)) {
                return false;
            }
            // (A hyphenated given name, `Jan-Willem`, `Anne-Marie`: its parts make a
            // person's name.)
            if super::speaker::looks_like_name(t)
                || t.contains('-') && super::speaker::looks_like_name(&t.replace('-', " "))
            {
                return false;
            }
        }
        true
    }

    /// Install commands of other ecosystems: each package named becomes a mention.
    /// Returns the byte ranges of the commands' arguments, which no other rule reads.
    /// `tool_starts` are where a tool's name may start a command (see [`words`]).
    fn installs(
        &self,
        body: &Body<'_>,
        packages: &Packages<'_>,
        tool_starts: Vec<usize>,
        out: &mut Vec<(usize, Mention)>,
        push: &Push<'_>,
    ) -> Vec<(usize, usize)> {
        let mut commands = Vec::new();
        // The regex is asked only where a tool's name starts a word (a few places per
        // section, not every byte: 131 M instructions of 1 MB of notes before, at
        // c02c516). A text holding the Kelvin sign or the long s, which `(?i)` folds
        // with `k` and `s`, is searched whole.
        let matches = if has_folding_letter(body.text.as_bytes()) {
            all_matches(&self.install, body.text)
        } else {
            anchored_matches(&self.install, body.text, tool_starts)
        };
        for c in matches {
            let tool = c.get(1).expect("group 1").as_str().to_ascii_lowercase();
            let args = c.get(2).expect("group 2");
            let tool = tool.split_whitespace().next().unwrap_or("");
            // helm: a release name, then the chart; docker and helm take one name.
            let (mut skip, single) = match tool {
                "helm" => (1, true),
                "docker" | "podman" => (0, true),
                _ => (0, false),
            };
            commands.push((args.start(), args.end()));
            // The command ends at a comma or a stop, or where the sentence goes on.
            let text = args.as_str();
            let end = [", ", "; ", ". ", " then ", " and ", " or "].iter().filter_map(|p| text.find(p)).min();
            let text = text[..end.unwrap_or(text.len())].trim_end_matches([',', '.', ';']);
            let takes_value = |o: &str| {
                matches!(
                    o,
                    "-n" | "--namespace" | "-f" | "--values" | "--version" | "--features" | "-F" | "--set" | "--repo"
                )
            };
            for (at, tok) in install_args(text, args.start(), takes_value) {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                let Some((rel, name)) = package_name(tool, tok) else { break };
                let ok = !is_common_word(name) || name.len() > 12 || packages.known(name);
                if ok && !NOT_NAMES.contains(&name) {
                    push(out, at + rel, name, Rule::Install);
                }
                if single {
                    break;
                }
            }
        }
        commands
    }
}

/// The pattern of a gap that joins two names of a comparison or a list (`, `, `, and
/// `, ` & `, `/`, ` vs. `, ` or `, ` und `), which [`joins`] reads by hand (the
/// regex cost 9 M instructions on 10 MB of notes, and 0.8 M to compile).
#[cfg(test)]
const JOINER_GAP: &str = r"^(?:\s*,\s*(?:(?:and|or|und|oder|et|ou|y|o|e|en|of|i|lub)\s+|&\s*)?|\s*/\s*|\s+(?:vs\.?|versus|or|and|&|und|et|y|e|oder|ou|of|en|i|lub|o)\s+)$";

/// Whether `gap`, the text between two names, joins them: what [`JOINER_GAP`]
/// matches (white space being what `\s` and `char::is_whitespace` agree is, Unicode's
/// `White_Space`). Either a `,` after white space, then white space and maybe one
/// of the words that may follow a comma (then white space to the end) or a `&`; or
/// a `/` between white space; or white space, a joining word, and white space to
/// the end. A word holds no white space, so it runs to the first.
fn joins(gap: &str) -> bool {
    const AFTER_COMMA: &[&str] = &["and", "or", "und", "oder", "et", "ou", "y", "o", "e", "en", "of", "i", "lub"];
    const BETWEEN: &[&str] =
        &["vs", "vs.", "versus", "or", "and", "&", "und", "et", "y", "e", "oder", "ou", "of", "en", "i", "lub", "o"];
    // A word of `words`, then white space to the end.
    let word_then_space = |s: &str, words: &[&str]| {
        let end = s.find(char::is_whitespace).unwrap_or(s.len());
        end < s.len() && s[end..].trim_start().is_empty() && words.contains(&&s[..end])
    };
    let t = gap.trim_start();
    if let Some(r) = t.strip_prefix(',') {
        let r = r.trim_start();
        return r.is_empty()
            || r.strip_prefix('&').is_some_and(|r| r.trim_start().is_empty())
            || word_then_space(r, AFTER_COMMA);
    }
    if let Some(r) = t.strip_prefix('/') {
        return r.trim_start().is_empty();
    }
    t.len() < gap.len() && word_then_space(t, BETWEEN)
}

/// White space as the joiner regex's `\s` reads it, among ASCII bytes.
fn is_space(c: u8) -> bool {
    matches!(c, 0x09..=0x0d | b' ')
}

/// Whether a word made of the run of ASCII letters and digits `run` alone, where it
/// stands, is surely a word of [`words`] and no joiner: neither the byte before it nor
/// the one after it joins it to more or drops it (`-`, `.`, `_`, `+`, non-ASCII).
fn plain_name(run: &[u8], before: u8, after: u8) -> bool {
    let joins = |c: u8| c >= 0x80 || matches!(c, b'-' | b'.' | b'_' | b'+');
    !joins(before) && !joins(after) && (run.len() > 6 || !JOINER_KEYS.contains(&run_key(run)))
}

/// Whether the walk forwards from a word ending at `e` surely stops at its first
/// gap, told from the bytes after it: every joiner starts with white space, `,` or
/// `/`, and one that is white space alone before a plain word ([`plain_name`]) joins
/// nothing. (Else the walk is asked, as before: this only says no early.)
fn joins_nothing_after(b: &[u8], e: usize) -> bool {
    let Some(&c) = b.get(e) else { return true };
    if c >= 0x80 || c == b',' || c == b'/' {
        return false;
    }
    if !is_space(c) {
        return true;
    }
    let q = e + b[e..].iter().take_while(|&&c| is_space(c)).count();
    let Some(&d) = b.get(q) else { return true };
    if d >= 0x80 || matches!(d, b',' | b'/' | b'&') {
        return false;
    }
    if !d.is_ascii_alphanumeric() {
        // Punctuation in the gap: no joiner holds it.
        return true;
    }
    let r = q + b[q..].iter().take_while(|c| c.is_ascii_alphanumeric()).count();
    plain_name(&b[q..r], b' ', b.get(r).copied().unwrap_or(b' '))
}

/// Whether the walk backwards from a word starting at `s` surely stops at its first
/// gap: every joiner ends with white space, `,`, `/` or `&`, and one that is white
/// space before it holds a joiner word, `,`, `/`, `&` or the `.` of `vs.` there
/// ([`joins_nothing_after`] read the other way).
fn joins_nothing_before(b: &[u8], s: usize) -> bool {
    let Some(&c) = s.checked_sub(1).map(|i| &b[i]) else { return true };
    if c >= 0x80 || matches!(c, b',' | b'/' | b'&') {
        return false;
    }
    if !is_space(c) {
        return true;
    }
    let p = s - b[..s].iter().rev().take_while(|&&c| is_space(c)).count();
    let Some(&d) = p.checked_sub(1).map(|i| &b[i]) else { return true };
    // (`.`: the end of `vs.`.)
    let vs = d == b'.' && p >= 3 && b[p - 3..p - 1].eq_ignore_ascii_case(b"vs");
    if d >= 0x80 || matches!(d, b',' | b'/' | b'&' | b'+') || vs {
        return false;
    }
    if !d.is_ascii_alphanumeric() {
        return true;
    }
    let r = p - b[..p].iter().rev().take_while(|c| c.is_ascii_alphanumeric()).count();
    plain_name(&b[r..p], r.checked_sub(1).map_or(b' ', |i| b[i]), b' ')
}

/// `LangGraph`, `OpenTelemetry`, `gRPC`: a lower-case letter followed by a capital,
/// letters only, at least four; not a surname (`McCarthy`), a concept (`DevOps`,
/// `SaaS`), a degree (`PhD`), a word of ordinary words only (`TaskGroup`) or a
/// Python name (`ValueError`); not after a `.` (an attribute).
fn is_camel_case(t: &str, at: usize, body: &Body<'_>) -> bool {
    let b = t.as_bytes();
    if b.len() < 4 || !b.iter().all(u8::is_ascii_alphabetic) {
        return false;
    }
    let Some(hump) = b.windows(2).position(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase()) else {
        return false;
    };
    if SURNAME_PARTICLES.contains(&&t[..=hump])
        || CONCEPT_ENDINGS.iter().any(|e| t.ends_with(e))
        || is_acronym_plural(t)
    {
        return false;
    }
    // The parts: `LangGraph` -> Lang, Graph; `OpenAPISpec` -> Open, API, Spec.
    let mut parts = Vec::new();
    let mut start = 0;
    for i in 1..b.len() {
        let split = (b[i - 1].is_ascii_lowercase() && b[i].is_ascii_uppercase())
            || (b[i - 1].is_ascii_uppercase()
                && b[i].is_ascii_uppercase()
                && b.get(i + 1).is_some_and(u8::is_ascii_lowercase));
        if split {
            parts.push(&t[start..i]);
            start = i;
        }
    }
    parts.push(&t[start..]);
    let ordinary = |p: &&str| p.len() >= 2 && is_common_form(p) && !p.bytes().all(|c| c.is_ascii_uppercase());
    if parts.iter().all(ordinary) {
        return false;
    }
    if parts.len() > 1 && CLASS_ROLES.contains(parts.last().expect("one part or more")) {
        return false;
    }
    // Imported: a class or a function of a module (`from hpy.debug import LeakDetector`).
    let line = body.line(body.line_index(at));
    if line.contains("import ") {
        return false;
    }
    // An attribute or a call: `obj.LangGraph`, `LangGraph(`.
    let after = &body.text[at + t.len()..];
    !after.starts_with('(') && !body.text[..at].ends_with('.')
}

/// `ECUs`, `TTLs`, `vCPUs`: the plural of an acronym (capitals, after one lower-case
/// letter at most, then `s`), a common noun (`GPUs`, `APIs`), not a name.
fn is_acronym_plural(t: &str) -> bool {
    let b = t.as_bytes();
    let Some(stem) = b.strip_suffix(b"s") else { return false };
    let caps = if stem.len() > 2 && stem[0].is_ascii_lowercase() { &stem[1..] } else { stem };
    caps.len() >= 2 && caps.iter().all(u8::is_ascii_uppercase)
}

/// `RP2040`, `ESP32`, `STM32F4`: capital letters, then digits (then more letters and
/// digits), at least two letters and two digits, or three letters; no year
/// (`PyCon2024`), no ordinal word (`Day2`, `Room3`), no PEP (`PEP8`).
fn is_name_and_digits(t: &str) -> bool {
    let b = t.as_bytes();
    let letters = b.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    let digits = b[letters..].iter().take_while(|c| c.is_ascii_digit()).count();
    if letters < 2 || digits == 0 || !b[letters + digits..].iter().all(u8::is_ascii_alphanumeric) {
        return false;
    }
    let head = &t[..letters];
    if !head.bytes().all(|c| c.is_ascii_uppercase()) && (!head.as_bytes()[0].is_ascii_uppercase() || letters < 3) {
        return false;
    }
    if digits < 2 && letters < 3 {
        return false;
    }
    let num = &t[letters..letters + digits];
    let year = digits == 4 && (num.starts_with("19") || num.starts_with("20")) && letters > 3;
    let low = head.to_lowercase();
    !year && low != "pep" && low != "py" && !is_common_word(&low) && !NOT_NAMES.contains(&low.as_str())
}

/// Whether `text` writes `name` (a capitalised word) somewhere as the first or the
/// last word of a person's name: beside a capitalised word, the two looking like a
/// person's name (`Ines Marchetti`, `Kwabena Owusu-Ansah`).
fn is_part_of_a_persons_name(text: &str, name: &str) -> bool {
    if !name.starts_with(|c: char| c.is_uppercase()) || !name.chars().all(char::is_alphabetic) {
        return false;
    }
    let word_at = |s: &str| s.find(|c: char| !(c.is_alphabetic() || c == '-')).unwrap_or(s.len());
    text.match_indices(name).any(|(i, _)| {
        let (before, after) = (&text[..i], &text[i + name.len()..]);
        if before.chars().next_back().is_some_and(is_word_char) || after.starts_with(is_word_char) {
            return false;
        }
        let next = after.strip_prefix(' ').map(|a| &a[..word_at(a)]);
        let prev = before.strip_suffix(' ').map(|b| {
            let from = b
                .char_indices()
                .rev()
                .find(|&(_, c)| !(c.is_alphabetic() || c == '-'))
                .map_or(0, |(k, c)| k + c.len_utf8());
            &b[from..]
        });
        next.is_some_and(|w| !w.is_empty() && super::speaker::looks_like_name(&format!("{name} {w}")))
            || prev.is_some_and(|w| !w.is_empty() && super::speaker::looks_like_name(&format!("{w} {name}")))
    })
}

/// Whether `t` is written as a package in snake_case: two or three parts of ASCII
/// lower-case letters and digits joined by single `_`, each of two bytes or more,
/// the first starting with a letter (`opentelemetry_ecto`, `circuits_i2c`; not
/// `a_b`, `x_1`, `max_connections_per_host`).
fn is_snake_package(t: &str) -> bool {
    let parts = t.split('_').count();
    (2..=3).contains(&parts)
        && t.len() <= 40
        && t.starts_with(|c: char| c.is_ascii_lowercase())
        && t.split('_').all(|p| {
            p.len() >= 2
                && p.bytes().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
                && !p.bytes().all(|c| c.is_ascii_digit())
        })
}

/// `sudo-rs`, `cert-manager`, `kube-state-metrics`: lower-case parts joined by `-`,
/// not an English word made with a prefix (`pre-trained`, `non-blocking`) or of
/// ordinary words only (`real-time`, `well-known`).
fn is_crate_style(t: &str) -> bool {
    if !t.contains('-') || t.contains(['.', '_']) || t.len() > 40 {
        return false;
    }
    let parts: Vec<&str> = t.split('-').collect();
    if parts.iter().any(|p| p.is_empty() || !p.bytes().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())) {
        return false;
    }
    if !parts[0].starts_with(|c: char| c.is_ascii_lowercase()) || PREFIXES.contains(&parts[0]) {
        return false;
    }
    let last = parts[parts.len() - 1];
    if SUFFIXES.contains(&last) || INVERTED.contains(&last) {
        return false;
    }
    // A tool's name starts with a word of its own (`cert-manager`, `graphite-web`);
    // `zero-downtime`, `meet-ups`, `tail-based` start with ordinary words.
    let first = parts[0];
    let distinctive = first.len() >= 3 && !is_common_form(first) && !first.bytes().all(|c| c.is_ascii_digit());
    distinctive || (ECOSYSTEM_MARKS.contains(&last) && parts.len() == 2 && first.len() >= 2)
}

impl Recogniser for Infer<'_> {
    fn name(&self) -> &'static str {
        "infer"
    }

    fn recognise(&self, body: &Body<'_>, scratch: &mut Scratch, out: &mut Found) {
        let found = self.find(body, scratch, out);
        out.mentions.extend(found);
    }
}

/// Whether `name` is the first word of `topic` (the lower-cased name of the event the
/// talk belongs to, [`Body::topic`]).
fn event_named(topic: &str, name: &str) -> bool {
    topic.get(..name.len()).is_some_and(|t| t.eq_ignore_ascii_case(name)) && topic[name.len()..].starts_with(' ')
}

/// Every word of `text` in order; for tests.
#[cfg(test)]
fn word_texts(text: &str) -> Vec<&str> {
    words(text).0.into_iter().map(|w| w.text).collect()
}

#[cfg(test)]
mod tests;

/// Byte ranges, sorted by start, with the largest end up to each: whether a range
/// overlaps `[start, end)` in logarithmic time.
struct Spans {
    starts: Vec<usize>,
    max_end: Vec<usize>,
}

impl Spans {
    fn new(mut ranges: Vec<(usize, usize)>) -> Spans {
        ranges.sort_unstable();
        Spans::sorted(ranges)
    }

    /// The ranges `r`, sorted.
    fn sorted(r: Vec<(usize, usize)>) -> Spans {
        let mut max_end = Vec::with_capacity(r.len());
        let mut m = 0;
        for &(_, e) in &r {
            m = m.max(e);
            max_end.push(m);
        }
        Spans { starts: r.into_iter().map(|(s, _)| s).collect(), max_end }
    }

    fn overlaps(&self, start: usize, end: usize) -> bool {
        let n = self.starts.partition_point(|&s| s < end);
        n > 0 && self.max_end[n - 1] > start
    }
}
