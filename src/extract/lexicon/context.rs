//! Ambiguous names in context: which hits the context confirms (code, a capital
//! mid-sentence, a clue word or a technology of the same family nearby), and the
//! words beside a person's name.

use super::matcher::Hit;
use super::{Entry, EntryId, Lexicon, BUILTIN_ORIGIN};
use crate::extract::text::{is_common_form, is_common_word, is_word_char, Body, WordSet};

impl Lexicon {
    /// Decides, for each hit, whether it is kept (ambiguous names need context).
    pub(super) fn confirm(&self, body: &Body<'_>, hits: &[Hit]) -> Vec<bool> {
        let m = self.matcher();
        if !hits.iter().any(|h| h.folded || m.needs_context(h.pat)) {
            return vec![true; hits.len()];
        }
        let runs = Runs { body, hits, german: std::cell::OnceCell::new() };
        // The ecosystems the notes' event is named after, asked of a capitalised
        // ambiguous name only (most sections have none).
        let topic = std::cell::OnceCell::new();
        let topic = || *topic.get_or_init(|| ecosystems_of_topic(body.topic()));
        let of_topic = |h: &Hit, surface: &str| {
            surface.starts_with(char::is_uppercase) && topic() != 0 && self.ecosystem(h.entry) & topic() != 0
        };
        // A name of another library ecosystem there (`BEAM`, the Erlang VM, at
        // ElixirConf, is no Apache Beam): its capital says nothing. (Not JavaScript's,
        // the front end of every stack.)
        let foreign = |h: &Hit| {
            topic() != 0 && {
                let e = self.ecosystem(h.entry);
                e != 0 && e & topic() == 0 && e & JAVASCRIPT == 0
            }
        };
        let mut ok: Vec<bool> = hits
            .iter()
            .map(|h| {
                let e = self.entry(h.entry);
                let surface = &body.text[h.start..h.end];
                if h.folded {
                    return confirmed_by_code(body, h, surface);
                }
                // (The pattern read only when asked: a look-up and a UTF-8 check per
                // hit, 39 M instructions on 10 MB of notes when read for every hit.)
                let pattern = || m.pat(h.pat).1;
                // A name that the word frequencies call a word of some languages
                // (`vite`, French) is the name in text of the others, unless it is
                // an ordinary English word too.
                if e.word_in != 0
                    && languages_of(line_around(body, h.start, h.end)) & e.word_in == 0
                    && !(pattern().chars().all(char::is_alphabetic) && is_common_word(pattern()))
                {
                    return true;
                }
                if e.strict && e.ambiguous {
                    return is_distinctive(surface)
                        || has_distinctive_case(surface, pattern())
                        || confirmed_by_code(body, h, surface)
                        || of_topic(h, surface);
                }
                !m.needs_context(h.pat)
                    || is_distinctive(surface)
                    || is_compound_of_name(surface, &e.name)
                    || is_topic_language(e, body.topic())
                    || has_distinctive_case(surface, pattern())
                    || if foreign(h) {
                        confirmed_by_code(body, h, surface)
                    } else {
                        confirmed_by_form(body, h, surface, &runs)
                    }
                    || of_topic(h, surface)
            })
            .collect();
        // (Every hit sure on the first pass: no clue to look for.)
        if ok.iter().all(|&o| o) {
            return ok;
        }
        let first_pass = ok.clone();
        // Clues and neighbours, then mentions of the same entry elsewhere. Hits are in
        // text order and do not overlap, so the hits near one are found by binary
        // search, and a clue is looked for in a window around the hit: cost stays
        // proportional to the hits, however long a line is.
        let lines: Vec<usize> = hits.iter().map(|h| body.line_index(h.start)).collect();
        let unsure: Vec<&Hit> = hits.iter().zip(&first_pass).filter(|(_, sure)| !**sure).map(|(h, _)| h).collect();
        // An entry confirmed once is confirmed everywhere in the section (below),
        // and a hit's own verdict depends on the first pass only: once an entry is
        // confirmed, its other hits need no clue search. Only the entries of unsure
        // hits are asked about: they are kept sorted, each with whether it is
        // confirmed (a set of every sure hit's entry was 16 M instructions on 10 MB
        // of notes, callgrind).
        let mut entries: Vec<EntryId> = unsure.iter().map(|h| h.entry).collect();
        entries.sort_unstable();
        entries.dedup();
        let mut confirmed = vec![false; entries.len()];
        for (h, _) in hits.iter().zip(&ok).filter(|(_, o)| **o) {
            if let Ok(k) = entries.binary_search(&h.entry) {
                confirmed[k] = true;
            }
        }
        let is_confirmed = |confirmed: &[bool], e: EntryId| entries.binary_search(&e).is_ok_and(|k| confirmed[k]);
        let mut parts: Vec<(usize, &str)> = Vec::new();
        for i in 0..hits.len() {
            if ok[i] || is_confirmed(&confirmed, hits[i].entry) {
                continue;
            }
            let e = self.entry(hits[i].entry);
            let own = (hits[i].start, hits[i].end);
            let (win_lo, win_hi) = (own.0.saturating_sub(CLUE_WINDOW), own.1 + CLUE_WINDOW);
            // A sure technology of the same family on this line or the next or
            // previous one (`Behave ... Or cucumber`), and within CLUE_WINDOW bytes:
            // on a line of megabytes, the hits looked at stay a bounded few.
            let from = lines.partition_point(|&l| l + 1 < lines[i]).max(hits.partition_point(|h| h.start < win_lo));
            let to = lines.partition_point(|&l| l <= lines[i] + 1).min(hits.partition_point(|h| h.start < win_hi));
            // (Not a word inside a longer capitalised name, `NGINX Gateway Fabric`, nor
            // a letter naming a hall or a grade, `Hall C`, `ASIL D`.)
            if is_designation_letter(body, own.0, own.1)
                || is_counted_noun(body.text, own.0, own.1)
                || is_noun_from_someone(body, own.0, own.1)
            {
                continue;
            }
            let neighbour = !e.strict
                && !runs.inside(own.0)
                && !is_modifier_after_article(body.text, own.0, own.1)
                && (from..to).any(|j| {
                    j != i
                        && hits[j].entry != hits[i].entry
                        && first_pass[j]
                        && (same_family(e, self.entry(hits[j].entry))
                            || hits[i].folded && same_maker(e, self.entry(hits[j].entry)))
                        && (is_cross_stack(e) || self.same_ecosystem(hits[i].entry, hits[j].entry))
                });
            // A clue word within two lines (and CLUE_WINDOW bytes); not one that is
            // itself an ambiguous name left unconfirmed (`a flask of tea` is no clue
            // for Click).
            let (lo, hi) = (lines[i].saturating_sub(2), (lines[i] + 2).min(body.line_count().saturating_sub(1)));
            let blocked = |s: usize, e: usize| {
                let k = unsure.partition_point(|h| h.end <= s);
                (s, e) == own || unsure.get(k).is_some_and(|h| h.start < e)
            };
            // The lines' parts within the window, (offset in the body, text), made
            // once per hit; a clue is first looked for once over all of them (it
            // holds no line break): mostly it is not there, and no line is searched
            // (the scan: 989 M -> 925 M instructions on 10 MB of notes, callgrind, with
            // `lower_packed` inlined).
            let clue = !e.clues.is_empty() && {
                parts.clear();
                parts.extend((lo..=hi).filter_map(|l| {
                    let text = body.lower_line(l);
                    let base = body.line_start(l);
                    let (a, b) = (
                        floor_boundary(text, win_lo.saturating_sub(base)),
                        floor_boundary(text, win_hi.saturating_sub(base)),
                    );
                    (a < b).then(|| (base + a, &text[a..b]))
                }));
                let region = match (parts.first(), parts.last()) {
                    (Some(&(from, _)), Some(&(at, t))) => &body.lower()[from..at + t.len()],
                    _ => &[][..],
                };
                m.clues(hits[i].entry)
                    .any(|c| c.find(region).is_some() && parts.iter().any(|&(at, t)| contains_clue(t, c, at, &blocked)))
            };
            ok[i] = neighbour || clue;
            if ok[i] {
                if let Ok(k) = entries.binary_search(&hits[i].entry) {
                    confirmed[k] = true;
                }
            }
        }
        hits.iter().zip(ok).map(|(h, o)| o || is_confirmed(&confirmed, h.entry)).collect()
    }

    /// Whether the word at `start..end` has, right beside it (one space between), a
    /// word that can only be part of a person's name: capitalised, not an ordinary
    /// word, not a lexicon name (`Mandry` in `Tyler Mandry`).
    pub(super) fn beside_a_name(&self, text: &str, start: usize, end: usize) -> bool {
        let name_word = |w: &str| {
            w.chars().count() >= 2
                && w.starts_with(char::is_uppercase)
                && w.chars().all(char::is_alphabetic)
                && w.chars().skip(1).any(char::is_lowercase)
                && !is_common_form(w)
                && !self.has_key(&w.to_lowercase())
        };
        let prev = text[..start].strip_suffix(' ').map(|b| {
            let from = b.char_indices().rev().find(|&(_, c)| !is_word_char(c)).map_or(0, |(i, c)| i + c.len_utf8());
            &b[from..]
        });
        let next = text[end..].strip_prefix(' ').map(|a| &a[..a.find(|c: char| !is_word_char(c)).unwrap_or(a.len())]);
        prev.is_some_and(name_word) || next.is_some_and(name_word)
    }
}

/// The ecosystems an entry belongs to, as far as the data tells: its PyPI or npm
/// name, or the built-in file it comes from (`python-*.toml`, `rust.toml`, ...).
/// 0 when nothing tells (a language, a database, a service).
const PYTHON: u8 = 1;
const JAVASCRIPT: u8 = 2;
const RUST: u8 = 4;
const GO: u8 = 8;
const BEAM: u8 = 16;
const RUBY: u8 = 32;
/// Swift and Apple's platforms (`apple.toml`).
const SWIFT: u8 = 64;
/// The JVM, Kotlin and Android (`jvm.toml`, `android.toml`).
const JVM: u8 = 128;

/// The ecosystems that `topic` (an event's name and its file's, in lower case) is
/// named after: ElixirConf, Code BEAM, Gleam Gathering; RubyKaigi, RubyConf, Rails
/// World. There, an ambiguous name of the ecosystem's own file written with a capital
/// (`Credo`, `Explorer`, `Steep`) is the ecosystem's. (Not Python's nor JavaScript's:
/// their registries' names are everyday words, `Black`, `Requests`, that a capital
/// starting a sentence says nothing of.)
fn ecosystems_of_topic(topic: &str) -> u8 {
    let named = |words: &[&str]| words.iter().any(|w| topic.contains(w));
    (if named(&["elixir", "erlang", "gleam", "code beam", "codebeam"]) { BEAM } else { 0 })
        | if named(&["ruby", "rails"]) { RUBY } else { 0 }
}

/// The ecosystem of the built-in lexicon file `path` (`data/lexicon/rust.toml`).
fn ecosystem_of_file(path: &str) -> u8 {
    let file = path.rsplit('/').next().unwrap_or(path);
    let stem = file.strip_suffix(".toml").unwrap_or(file);
    match stem {
        "pypi" => PYTHON,
        "npm" | "javascript" => JAVASCRIPT,
        "rust" | "crates" => RUST,
        "golang" => GO,
        "beam" => BEAM,
        "ruby" => RUBY,
        "apple" => SWIFT,
        "jvm" | "android" => JVM,
        _ if stem.starts_with("python-") || stem.ends_with("-python") => PYTHON,
        _ => 0,
    }
}

impl Lexicon {
    /// The ecosystems of entry `id` (see [`PYTHON`]): its package names, else the
    /// built-in file it comes from.
    fn ecosystem(&self, id: EntryId) -> u8 {
        let e = self.entry(id);
        let by_package = if e.pypi.is_some() { PYTHON } else { 0 } | if e.npm.is_some() { JAVASCRIPT } else { 0 };
        if by_package != 0 {
            return by_package;
        }
        // (The built-in lexicon, or the built-in one a user's extended: that keeps the
        // built-in ids first, and its origin.)
        if &*self.origin != BUILTIN_ORIGIN {
            return 0;
        }
        Lexicon::builtin_source(id).map_or(0, |(f, _)| ecosystem_of_file(f))
    }

    /// Whether two entries may confirm each other as neighbours: not of two known,
    /// different ecosystems (`defmt`, a Rust crate, says nothing of Python's
    /// `logging`).
    pub(super) fn same_ecosystem(&self, a: EntryId, b: EntryId) -> bool {
        let (x, y) = (self.ecosystem(a), self.ecosystem(b));
        x == 0 || y == 0 || x & y != 0
    }
}

/// Whether `e` is of a category whose members are used together across ecosystems
/// (a web stack: `React handles the front, Django the rest`): then a neighbour of
/// another ecosystem still confirms it. A library lives in one language's programs.
fn is_cross_stack(e: &Entry) -> bool {
    e.category.eq_ignore_ascii_case("framework")
}

/// Whether two entries are of one family: the same category (other than the
/// catch-all ones), so that one confirms the other when named nearby.
pub(super) fn same_family(a: &Entry, b: &Entry) -> bool {
    // (A platform is a cloud, an orchestrator, a code host or a language's runtime:
    // Kubernetes says nothing of Node.js, `Karpenter for node scaling` beside k8s.)
    const LOOSE: [&str; 6] = ["concept", "company", "organization", "organisation", "other", "platform"];
    a.category.eq_ignore_ascii_case(&b.category) && !LOOSE.iter().any(|l| a.category.eq_ignore_ascii_case(l))
}

/// Whether `text` is written in lower case throughout, as a phone note is (`part
/// of rapids`): at least 20 bytes, at most one in 200 a capital. Where nothing is
/// capitalised, case tells nothing, and a name whose case matters is read in lower
/// case too, on the word of its context ([`Hit::folded`]). (Ordinary prose has a
/// capital at every sentence start, one byte in 100 or more.)
pub(super) fn writes_in_lower_case(text: &str) -> bool {
    // (One count the compiler turns into vector code: letters and capitals counted
    // apart, with a branch, were 12 instructions a byte, 125 M on 10 MB of notes.
    // Counted a block at a time, it stops once there are too many capitals, which in
    // a text written in the usual case is after a sixth of it or so: 55 M -> 11 M.)
    let b = text.as_bytes();
    if b.len() < 20 {
        return false;
    }
    // At most one capital in 200 bytes: `count * 200 <= len`.
    let most = b.len() / 200;
    let mut count = 0;
    for block in b.chunks(512) {
        count += block.iter().filter(|c| c.is_ascii_uppercase()).count();
        if count > most {
            return false;
        }
    }
    true
}

/// Whether two entries are made by one organisation (`cuDF` and `RAPIDS`, NVIDIA's):
/// in a note written in lower case, where no capital marks a name, a sure product
/// of the same maker beside a name confirms it (`cudf ..., part of rapids`).
fn same_maker(a: &Entry, b: &Entry) -> bool {
    a.org.is_some() && a.org == b.org
}

/// A surface that cannot be the ordinary word: several words, or not only letters
/// (`AWS Lambda`, `psf/black`, `Go 1.22`).
pub(super) fn is_distinctive(surface: &str) -> bool {
    !surface.chars().all(char::is_alphabetic)
}

/// Whether `surface` is an alias made of a word of the name and more (`pyarrow` for
/// Apache Arrow, `rustlang`, `Golang`): not the ordinary word the name is.
pub(super) fn is_compound_of_name(surface: &str, name: &str) -> bool {
    if surface.is_ascii() && name.is_ascii() {
        // (ASCII, as nearly every name is: compared in place, without the two
        // lower-case copies, 9.7 M -> 3.1 M instructions on 10 MB of notes,
        // callgrind.)
        let s = surface.as_bytes();
        return name.split(|c: char| !c.is_ascii_alphanumeric()).any(|t| {
            t.len() >= 2 && s.len() > t.len() && s.windows(t.len()).any(|w| w.eq_ignore_ascii_case(t.as_bytes()))
        });
    }
    let s = surface.to_lowercase();
    let n = name.to_lowercase();
    n.split(|c: char| !c.is_alphanumeric()).any(|t| t.len() >= 2 && s.len() > t.len() && s.contains(t))
}

/// Whether `e` is a language the notes' topic is named after (`python` in EuroPython
/// notes, `rust` in RustConf notes): then its name means the language there.
pub(super) fn is_topic_language(e: &Entry, topic: &str) -> bool {
    e.category.to_ascii_lowercase().contains("language")
        && e.name.chars().count() >= 4
        && !topic.is_empty()
        && topic.contains(&e.name.to_lowercase())
}

/// Whether `surface` is written exactly as a name whose case says it is a name: an
/// upper-case letter after the first (`GitHub`, `spaCy`, `REST`).
pub(super) fn has_distinctive_case(surface: &str, pattern: &str) -> bool {
    surface == pattern && pattern.chars().skip(1).any(char::is_uppercase)
}

/// Confirmation by code: a code span that is the name, or a code line naming it as
/// a package (`import flask`, `pip install black`, `cargo add embassy`).
/// Whether `surface`, a hit of the name `pattern` of two words or more, writes the
/// name's capitalised first word in lower case, as a common word (`real` of `Real
/// Python`, `open` of `Open Food Facts`), and the rest exactly as the name does:
/// an adjective before a name, not the name. (A name written all in lower case is
/// another matter: `visual studio code`.)
pub(super) fn everyday_first_word(surface: &str, pattern: &str) -> bool {
    let Some(k) = pattern.find(' ') else { return false };
    pattern.starts_with(|c: char| c.is_ascii_uppercase())
        && surface.starts_with(|c: char| c.is_ascii_lowercase())
        && surface.get(k..) == pattern.get(k..)
        && pattern[k..].contains(|c: char| c.is_uppercase())
        && is_common_word(&surface[..k])
}

pub(super) fn confirmed_by_code(body: &Body<'_>, h: &Hit, surface: &str) -> bool {
    if let Some(span) = body.code_span_at(h.start) {
        if span.trim().eq_ignore_ascii_case(surface) {
            return true;
        }
    }
    if body.in_code(h.start) {
        let line_start = body.line_start(body.line_index(h.start));
        // (Only the end of what precedes is compared: a code line may be long.)
        let before = body.text[line_start..h.start].trim_end().as_bytes();
        return ["import", "from", "install", "-m", "add", " i"]
            .iter()
            .any(|k| before.len() >= k.len() && before[before.len() - k.len()..].eq_ignore_ascii_case(k.as_bytes()));
    }
    false
}

/// Confirmation by form: code that names it as a package, or a capital mid-sentence,
/// or a version right after it (`python 3.12`).
pub(super) fn confirmed_by_form(body: &Body<'_>, h: &Hit, surface: &str, runs: &Runs<'_, '_>) -> bool {
    let text = body.text;
    if confirmed_by_code(body, h, surface) {
        return true;
    }
    if body.in_code(h.start) {
        return false;
    }
    // A capital mid-sentence, not inside a longer capitalised name (`NGINX Gateway
    // Fabric`, German `PostgreSQL Container`); a letter, not a hall's or a grade's
    // (`Hall C`) nor one of a URL (`watch?v=D-k`).
    let letter = h.end - h.start == 1;
    if surface.chars().next().is_some_and(char::is_uppercase)
        && !body.is_sentence_start(h.start)
        && !runs.inside(h.start)
        && !(letter && (is_designation_letter(body, h.start, h.end) || body.in_url(h.start)))
    {
        return true;
    }
    let after = text[h.end..].trim_start_matches([' ', '-']);
    let digits = after.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && after.as_bytes().get(digits) == Some(&b'.')
}

/// Function words of the eight languages (`The`, `Die`, `Le`, ...): see the file.
static FUNCTION_WORDS: WordSet = WordSet::build(include_str!("function-words.txt"));

/// The text of the line around `start..end`, at most [`CLUE_WINDOW`] bytes each side.
fn line_around<'t>(body: &Body<'t>, start: usize, end: usize) -> &'t str {
    let line = body.line_index(start);
    let from = body.line_start(line).max(floor_boundary(body.text, start.saturating_sub(CLUE_WINDOW)));
    let rest = &body.text[end..];
    let to = end + rest.find('\n').unwrap_or(rest.len()).min(floor_boundary(rest, CLUE_WINDOW));
    &body.text[from..to]
}

/// The languages `text` is written in, as far as its function words tell (a bit each,
/// in `build.rs`'s order: en, de, fr, es, it, pt, nl, pl): those with the most of them; 0 when it has none
/// (`Parquet everywhere`).
pub(super) fn languages_of(text: &str) -> u8 {
    // The function words and their languages, sorted by word (made by `build.rs`).
    const WORDS: &[(&str, u8)] = include!(concat!(env!("OUT_DIR"), "/function_words.rs"));
    let mut counts = [0u32; 8];
    for w in text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty() && w.len() <= 12) {
        // (A word in ASCII is lowered on the stack: most are.)
        let mut buf = [0u8; 12];
        let owned;
        let lower = if w.is_ascii() {
            buf[..w.len()].copy_from_slice(w.as_bytes());
            buf[..w.len()].make_ascii_lowercase();
            std::str::from_utf8(&buf[..w.len()]).unwrap_or(w)
        } else {
            owned = w.to_lowercase();
            owned.as_str()
        };
        if let Ok(i) = WORDS.binary_search_by(|&(k, _)| k.cmp(lower)) {
            let bits = WORDS[i].1;
            for (k, n) in counts.iter_mut().enumerate() {
                *n += u32::from(bits >> k & 1);
            }
        }
    }
    let most = counts.iter().copied().max().unwrap_or(0);
    if most == 0 {
        return 0;
    }
    counts.iter().enumerate().filter(|&(_, &n)| n == most).fold(0, |m, (k, _)| m | 1 << k)
}

/// The word right before `start` (one space between, on the same line), if it is
/// capitalised and no function word: its offset. (`Gateway` before `Fabric`, `Hall`
/// before `C`; not `The` before `Swift`.)
pub(super) fn capitalised_word_before(body: &Body<'_>, start: usize) -> Option<usize> {
    let before = body.text[..start].strip_suffix(' ')?;
    let from = before.char_indices().rev().find(|&(_, c)| !is_word_char(c)).map_or(0, |(i, c)| i + c.len_utf8());
    let word = &before[from..];
    let first = word.chars().next()?;
    if !first.is_uppercase() || word.len() > 40 {
        return None;
    }
    let lower = word.to_lowercase();
    (!FUNCTION_WORDS.contains(&lower)).then_some(from)
}

/// Runs of capitalised words in a section: what tells a name inside a longer one.
pub(super) struct Runs<'b, 'h> {
    pub(super) body: &'b Body<'b>,
    /// The section's hits, in text order.
    pub(super) hits: &'h [Hit],
    /// Whether the section reads like German (every noun capitalised), once asked.
    pub(super) german: std::cell::OnceCell<bool>,
}

impl Runs<'_, '_> {
    /// Whether the word at `start` is inside a run of capitalised words that makes
    /// another name: the word before it is capitalised, no function word, not
    /// capitalised because it starts a sentence, and no lexicon name (notes run
    /// sentences on without a stop: `... to NumPy Daphne supports 3.14`) unless
    /// capitals say nothing of names here (German: `PostgreSQL Container`).
    pub(super) fn inside(&self, start: usize) -> bool {
        let Some(w) = capitalised_word_before(self.body, start) else { return false };
        // (A word with digits, `PEP643`, `Python3`, is no part of a name's run.)
        if self.body.is_sentence_start(w) || !self.body.text[w..start - 1].chars().all(char::is_alphabetic) {
            return false;
        }
        let named = self.hits.binary_search_by(|h| h.end.cmp(&(start - 1))).is_ok_and(|k| self.hits[k].start == w);
        !named || *self.german.get_or_init(|| crate::extract::infer::capitals_are_nouns_in(self.body))
    }
}

/// Whether the hit at `start..end` is one letter after a capitalised word, naming a
/// hall, a grade or a type (`Hall C`, `ASIL D`, `Plan B`), not a language: no
/// neighbour or clue confirms it (code still does). Not after a verb starting the
/// sentence (`Learning C`). Nor is a letter of an emoticon (`:D`, `;-P`), a French or
/// Italian elision (`C'est`, `L'API`), or a pair of letters joined by `&` (`Q&R`, `R&D`).
pub(super) fn is_designation_letter(body: &Body<'_>, start: usize, end: usize) -> bool {
    end - start == 1
        && (is_emoticon_letter(body.text, start)
            || is_elided_or_paired(body.text, start)
            || capitalised_word_before(body, start).is_some_and(|w| !body.text[w..start - 1].ends_with("ing")))
}

/// Whether the letter at `start` of `text` is elided before a word (`C'est`, `L’API`),
/// or joined by `&` to another letter alone (`Q&R`, `R&D`).
fn is_elided_or_paired(text: &str, start: usize) -> bool {
    let after = &text[start + 1..];
    let elided = ["'", "’"].iter().any(|q| after.strip_prefix(q).is_some_and(|r| r.starts_with(char::is_alphabetic)));
    // A letter alone, read from the `&` outwards.
    let lone = |mut cs: &mut dyn Iterator<Item = char>| {
        cs.next().is_some_and(char::is_alphabetic) && !(&mut cs).next().is_some_and(char::is_alphanumeric)
    };
    let paired = after.strip_prefix('&').is_some_and(|a| lone(&mut a.chars()))
        || text[..start].strip_suffix('&').is_some_and(|b| lone(&mut b.chars().rev()));
    elided || paired
}

/// Whether the letter at `start` of `text` ends an emoticon: after `:` or `;`, with
/// a `-` between or not (`:D`, `;-P`).
fn is_emoticon_letter(text: &str, start: usize) -> bool {
    let b = &text.as_bytes()[..start];
    let b = b.strip_suffix(b"-").unwrap_or(b);
    matches!(b.last(), Some(b':' | b';'))
}

/// Whether `start..end` of `text`, in lower case, stands between an article and `of`
/// (`a flask of tea`, `a spark of joy`, `the rust of years`): the ordinary noun,
/// whatever its neighbours.
pub(super) fn is_counted_noun(text: &str, start: usize, end: usize) -> bool {
    // (` of` after it is rare: told first, from the bytes.)
    let b = text.as_bytes();
    if b.get(end..end + 3) != Some(b" of") {
        return false;
    }
    let word = &text[start..end];
    if !word.bytes().all(|c| c.is_ascii_lowercase()) {
        return false;
    }
    after_article(text, start) && text[end + 3..].chars().next().is_none_or(|c| !is_word_char(c))
}

/// Whether the word at `start` of `text` comes right after an article (`a`, `an`,
/// `the`, any case, a word of its own).
fn after_article(text: &str, start: usize) -> bool {
    let before = text[..start].strip_suffix(' ').unwrap_or("");
    ["a", "an", "the"].iter().any(|a| {
        let at = before.len().saturating_sub(a.len());
        before.len() >= a.len()
            && before.get(at..).is_some_and(|w| w.eq_ignore_ascii_case(a))
            && before[..at].chars().next_back().is_none_or(|c| !is_word_char(c))
    })
}

/// Whether `start..end`, opening a sentence or counted (`many`, `a few`, `tons of`)
/// or taken (`take`, `got`, `answered`), is followed by `from` and a determiner
/// (`requests from the audience`, `Questions from our users`, `a few requests from
/// the audience`, `take requests from the product team`): a noun naming what came
/// from someone, the ordinary word, whatever its neighbours or the clues around it.
/// (`X for Y` is no such sign: notes name tools so, `celery for the long jobs`; nor is
/// a verb of running, `run black from the CLI`.)
pub(super) fn is_noun_from_someone(body: &Body<'_>, start: usize, end: usize) -> bool {
    // (` from ` after it is rare: told first, from the bytes.)
    let Some(rest) = body.text.get(end..).and_then(|r| r.strip_prefix(" from ")) else { return false };
    let next = &rest[..rest.find(|c: char| !c.is_alphabetic()).unwrap_or(rest.len())];
    const DETERMINERS: [&str; 13] =
        ["the", "a", "an", "our", "their", "his", "her", "my", "your", "its", "this", "that", "every"];
    DETERMINERS.iter().any(|d| next.eq_ignore_ascii_case(d))
        && (body.is_sentence_start(start) || is_counted_or_taken(&body.text[..start]))
}

/// Whether `before` (the text before a noun) ends with a word that counts it (`many`,
/// `a few`, `tons of`) or takes it in (`take`, `got`, `answered`).
fn is_counted_or_taken(before: &str) -> bool {
    const COUNT: [&str; 13] = [
        "many",
        "few",
        "several",
        "some",
        "more",
        "most",
        "multiple",
        "numerous",
        "countless",
        "no",
        "any",
        "fewer",
        "all",
    ];
    const TAKE: [&str; 12] = [
        "take", "takes", "took", "taking", "got", "get", "gets", "getting", "received", "receives", "answered",
        "fielded",
    ];
    // Before `of`, a word of quantity (`tons of requests`, `a couple of questions`).
    const AMOUNT: [&str; 10] = ["lots", "tons", "plenty", "loads", "bunch", "couple", "some", "many", "few", "most"];
    fn last_word(t: &str) -> Option<(&str, &str)> {
        let t = t.strip_suffix(' ')?;
        let from = t.rfind(|c: char| !c.is_alphabetic()).map_or(0, |i| i + 1);
        Some((&t[..from], &t[from..]))
    }
    let is = |list: &[&str], w: &str| list.iter().any(|x| w.eq_ignore_ascii_case(x));
    match last_word(before) {
        Some((rest, "of" | "Of")) => last_word(rest).is_some_and(|(_, w)| is(&AMOUNT, w)),
        Some((_, w)) => is(&COUNT, w) || is(&TAKE, w),
        None => false,
    }
}

/// Whether `start..end`, in lower case, stands between an article and a word that
/// says no kind of software (`a black box`, `the rich part`, `a rich Q&A`): an adjective
/// or a noun's modifier, which a technology named nearby does not make a name (a
/// clue still may). `the futures crate`, `a flask app`, `the rich integration` name
/// the kind: not this.
pub(super) fn is_modifier_after_article(text: &str, start: usize, end: usize) -> bool {
    // (A space and a lower-case letter after it, told first from the bytes.)
    let b = text.as_bytes();
    if b.get(end) != Some(&b' ') || !b.get(end + 1).is_some_and(u8::is_ascii_alphabetic) {
        return false;
    }
    if !text[start..end].bytes().all(|c| c.is_ascii_lowercase()) {
        return false;
    }
    let rest = &text[end + 1..];
    let next = &rest[..rest.find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(rest.len())];
    const KINDS: [&str; 30] = [
        "library",
        "libraries",
        "framework",
        "tool",
        "tools",
        "crate",
        "crates",
        "package",
        "packages",
        "module",
        "plugin",
        "plugins",
        "extension",
        "integration",
        "integrations",
        "backend",
        "support",
        "server",
        "app",
        "apps",
        "api",
        "cli",
        "runtime",
        "project",
        "docs",
        "version",
        "release",
        "team",
        "community",
        "maintainers",
    ];
    after_article(text, start) && !KINDS.iter().any(|k| k.eq_ignore_ascii_case(next))
}

/// How far from a hit (in bytes, either side) a clue still counts: notes' lines are
/// short, but a line may be megabytes long.
pub(super) const CLUE_WINDOW: usize = 1000;

/// The largest char boundary of `s` at or below `i` (`s.len()` if `i` is past the end).
pub(super) fn floor_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Whether `text` (one line, ASCII lower case, starting at byte `base` of the body)
/// has `clue` (lower case, maybe several words) as whole words, or their plural, at
/// a place (body offsets) that `blocked` does not refuse.
pub(super) fn contains_clue(
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
        // (A clue's plural, and a verb's past or gerund, `benchmarked`, for a clue
        // of four letters or more: `go` is no clue of `going`.)
        let forms: &[&str] = if len >= 4 { &["es", "s", "ed", "ing"] } else { &["es", "s"] };
        let rest =
            forms.iter().find_map(|f| rest.strip_prefix(f).filter(|r| !r.starts_with(is_word_char))).unwrap_or(rest);
        text[..i].chars().next_back().is_none_or(|c| !is_word_char(c))
            && rest.chars().next().is_none_or(|c| !is_word_char(c))
            && !blocked(base + i, base + end)
    })
}
