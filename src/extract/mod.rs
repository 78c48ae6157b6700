//! Stage 2 of the pipeline: recognising what a talk section names — speakers,
//! technologies and organisations (through the lexicon), PEPs and Python versions —
//! each [`Mention`] with the line it was seen on and the rule that found it.
//!
//! The [`Knowledge`] (lexicon + PEP catalogue) is built once per run and shared by
//! every thread; [`Extractor::extract`] is a plain function from a [`Document`] to
//! [`NoteFacts`].
//!
//! Each talk section (its title read as the line before its body) goes once through
//! each recogniser, all working on one prepared [`text::Body`] (lines, code, code
//! spans, URLs):
//!
//! - [`lexicon`]: names and aliases (one aho-corasick pass), ambiguous names in
//!   context, typos;
//! - [`signals`]: `[[wikilinks]]`, `#tags`, code spans, `pip install`, `import`,
//!   `github.com/org/repo`, for names the lexicon may not know;
//! - [`version`]: Python versions; [`pep`]: PEP numbers the catalogue knows;
//! - [`speaker`]: the speakers.
//!
//! Mentions come out in order of appearance, one per target, line and rule.

mod affiliation;
pub mod infer;
mod knowledge;
pub mod lexicon;
pub mod merges;
pub mod pep;
mod scratch;
pub mod signals;
pub mod speaker;
pub mod text;
pub mod version;
mod words;

use std::sync::Arc;

pub use knowledge::{Confidence, ExtractOptions, Knowledge};
pub use lexicon::{EntryId, EntryKind, Lexicon, LexiconError};
pub use pep::{PepCatalog, PepInfo};
pub use scratch::Scratch;

use crate::ids::NodeKind;
use crate::notes::{Document, EventInfo, Named, Section, SectionKind, Warning};
use text::{Body, Patterns};

impl From<EntryKind> for NodeKind {
    fn from(kind: EntryKind) -> NodeKind {
        match kind {
            EntryKind::Technology => NodeKind::Technology,
            EntryKind::Organization => NodeKind::Organization,
            EntryKind::Topic => NodeKind::Topic,
        }
    }
}

/// What a mention points at.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Target {
    /// An entry of the lexicon (technology or organisation).
    Entry(EntryId),
    /// A PEP, by number.
    Pep(u32),
    /// A Python version, `3.11`.
    PythonVersion(String),
    /// A technology not in the lexicon, found by a strong signal (`pip install X`,
    /// `[[X]]`, `#x`, a code span): its name as written.
    Unlisted(String),
    /// An organisation not in the lexicon, named as a speaker's affiliation
    /// (`Ana Ruiz (Acme)`): its name as written.
    Organization(String),
}

/// How a mention was recognised: the evidence a user sees with `--explain`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rule {
    /// The canonical name or an alias, with the case as listed.
    Exact,
    /// The canonical name or an alias, ignoring ASCII case.
    CaseFolded,
    /// A typo: the edit distance and the length of the name it was matched to.
    EditDistance {
        /// Edits between what was written and the name.
        distance: u8,
        /// Length of the name, in characters.
        of: u8,
    },
    /// A name with a case ending of Polish or Czech (`Prometheusa`, `Grafanie`).
    Inflected,
    /// `[[wikilink]]`.
    WikiLink,
    /// `#tag`.
    Tag,
    /// A `code span`.
    CodeSpan,
    /// `pip install X`.
    PipInstall,
    /// `import X` / `from X import`.
    Import,
    /// `github.com/org/repo`.
    GitHub,
    /// A regular expression (PEPs, versions).
    Pattern,
    /// A name the PEP catalogue gives (PEP authors).
    Catalogue,
    /// An install command of another ecosystem (`npm i X`, `cargo add X`, `brew
    /// install X`, `go install X`, `helm install R X`, `docker pull X`, ...).
    Install,
    /// Compared with a known technology, or listed among known technologies (`Foo vs
    /// Django`, `we use Foo, Django and Bar`).
    Beside,
    /// A CamelCase word (`LangGraph`).
    CamelCase,
    /// A name and digits (`RP2040`, `ESP32`).
    NameDigits,
    /// A crate-style hyphenated name (`sudo-rs`, `cert-manager`).
    Hyphenated,
    /// A package named in snake_case after a known name, beside a known technology
    /// (`opentelemetry_phoenix`, `circuits_i2c`).
    SnakeCase,
    /// A package named with its ecosystem's suffix, as Julia's packages are named
    /// (`Reactant.jl`).
    Suffixed,
    /// A speaker's affiliation, given beside their name or in the sentence naming them
    /// (`Ana Ruiz (Acme)`, `Ana Ruiz works at Acme`).
    Affiliation,
    /// A merge of the user's `talkgraph.toml` (`same`): the number of its rule in
    /// [`Knowledge::merges`].
    User {
        /// The rule's number ([`merges::Merges::rule`]).
        rule: u32,
    },
}

impl std::fmt::Display for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Rule::Exact => f.write_str("exact alias"),
            Rule::CaseFolded => f.write_str("case-folded"),
            Rule::EditDistance { distance, of } => write!(f, "edit distance {distance} of {of}"),
            Rule::Inflected => f.write_str("inflected"),
            Rule::WikiLink => f.write_str("wikilink"),
            Rule::Tag => f.write_str("tag"),
            Rule::CodeSpan => f.write_str("code span"),
            Rule::PipInstall => f.write_str("pip install"),
            Rule::Import => f.write_str("import"),
            Rule::GitHub => f.write_str("github url"),
            Rule::Pattern => f.write_str("pattern"),
            Rule::Catalogue => f.write_str("PEP catalogue"),
            Rule::Install => f.write_str("install command"),
            Rule::Beside => f.write_str("beside a known technology"),
            Rule::CamelCase => f.write_str("CamelCase"),
            Rule::NameDigits => f.write_str("name and digits"),
            Rule::Hyphenated => f.write_str("hyphenated name"),
            Rule::SnakeCase => f.write_str("snake_case package name"),
            Rule::Suffixed => f.write_str("package name with its suffix"),
            Rule::Affiliation => f.write_str("speaker's affiliation"),
            Rule::User { rule } => write!(f, "user rule {rule}"),
        }
    }
}

/// One mention of a technology, organisation, PEP or version in a talk.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Mention {
    /// What it refers to.
    pub target: Target,
    /// The text as written.
    pub surface: String,
    /// 1-based line.
    pub line: u32,
    /// How it was recognised.
    pub rule: Rule,
}

/// A near miss: a word close to a lexicon name that was not merged into it, so a user
/// can add it to their lexicon (`--explain`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct NearMiss {
    /// The word as written.
    pub surface: String,
    /// The lexicon entry it resembles.
    pub entry: EntryId,
    /// Why it was not merged.
    pub reason: String,
    /// 1-based line.
    pub line: u32,
}

/// What was found in one talk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TalkFacts {
    /// Talk, keynote or lightning talk.
    pub kind: SectionKind,
    /// Cleaned title.
    pub title: String,
    /// Line where the talk starts.
    pub line: u32,
    /// Index into [`NoteFacts::events`].
    pub event: Option<usize>,
    /// Speakers, from the structure and from the body, de-duplicated, in order.
    pub speakers: Vec<Named>,
    /// Moderators, from the structure (see [`Section::moderators`]).
    pub moderators: Vec<Named>,
    /// Who works for which organisation: a speaker's name (as in
    /// [`speakers`](Self::speakers)) and the organisation their affiliation names.
    pub affiliations: Vec<(String, Target)>,
    /// Every mention, in order of appearance.
    pub mentions: Vec<Mention>,
    /// Near misses (for `--explain`).
    pub near_misses: Vec<NearMiss>,
}

/// What was found in one note file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteFacts {
    /// Display name of the file.
    pub file: Arc<str>,
    /// Stable key for ids (see [`crate::notes::NoteFile::key`]).
    pub key: Arc<str>,
    /// Conferences and days, as segmented.
    pub events: Vec<EventInfo>,
    /// Front matter tags.
    pub tags: Vec<String>,
    /// The talks.
    pub talks: Vec<TalkFacts>,
    /// Warnings from segmenting and extracting.
    pub warnings: Vec<Warning>,
}

/// What the recognisers found in one section: mentions, each with its byte offset in
/// the [`Body`], near misses (words close to a lexicon name, for `--explain`) and
/// speakers.
#[derive(Debug, Default)]
pub struct Found {
    /// Mentions with their offsets, in no particular order.
    pub mentions: Vec<(usize, Mention)>,
    /// Near misses.
    pub near_misses: Vec<NearMiss>,
    /// Speakers, in order, without repeats: the structure's first
    /// ([`speaker::Speakers::given`]), then the body's.
    pub speakers: Vec<Named>,
}

/// One recogniser: a name, and one verb reading a prepared [`Body`] (lines, code,
/// URLs, lower-cased text) into [`Found`]. Every recogniser has this shape: the
/// lexicon, the signals, inference, versions, PEPs and speakers. A recogniser is built once per run, from the
/// knowledge and options, with everything it needs compiled (its regexes, its
/// automaton), and is shared by every worker thread; `recognise` only appends. What a
/// worker keeps between sections (the lexicon's word cache) is in the [`Scratch`] it
/// passes down, never in thread-local or global state.
pub trait Recogniser: Send + Sync {
    /// A short name (`lexicon`, `signals`, `infer`, `versions`, `peps`, `speakers`).
    fn name(&self) -> &'static str;
    /// Appends what `body` holds to `out`, with the calling worker's `scratch`.
    fn recognise(&self, body: &Body<'_>, scratch: &mut Scratch, out: &mut Found);
}

impl<R: Recogniser + ?Sized> Recogniser for &R {
    fn name(&self) -> &'static str {
        (**self).name()
    }

    fn recognise(&self, body: &Body<'_>, scratch: &mut Scratch, out: &mut Found) {
        (**self).recognise(body, scratch, out);
    }
}

impl Recogniser for Lexicon {
    fn name(&self) -> &'static str {
        "lexicon"
    }

    fn recognise(&self, body: &Body<'_>, scratch: &mut Scratch, out: &mut Found) {
        self.scan(body, scratch, &mut out.mentions, &mut out.near_misses);
    }
}

/// Recognises mentions in talk sections. Built once per run (every pattern compiled
/// here, as ripgrep builds its matchers from its options) and shared across threads.
pub struct Extractor<'k> {
    knowledge: &'k Knowledge,
    /// The recognisers, in the order they run (then `speakers`).
    recognisers: Vec<Box<dyn Recogniser + 'k>>,
    /// The speaker recogniser, which runs last; held apart, as the extractor also
    /// asks it to clean the names the structure gives ([`speaker::Speakers::given`]).
    speakers: speaker::Speakers<'k>,
    /// The patterns each section's [`Body`] is read with.
    patterns: Patterns,
    /// The recognisers' working memory, one per worker at a time.
    scratch: scratch::Pool,
}

impl std::fmt::Debug for Extractor<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let names: Vec<&str> = self.recognisers().map(|r| r.name()).collect();
        f.debug_struct("Extractor").field("recognisers", &names).finish_non_exhaustive()
    }
}

impl<'k> Extractor<'k> {
    /// An extractor over `knowledge`, with every recogniser built.
    pub fn new(knowledge: &'k Knowledge) -> Self {
        let mut recognisers: Vec<Box<dyn Recogniser + 'k>> =
            vec![Box::new(&*knowledge.lexicon), Box::new(signals::Signals::new(&knowledge.lexicon))];
        // After the lexicon and the signals: it reads what they found.
        if knowledge.infer {
            recognisers.push(Box::new(infer::Infer::new(&knowledge.lexicon)));
        }
        recognisers.push(Box::new(version::Versions::new()));
        recognisers.push(Box::new(pep::Peps::known(&knowledge.peps)));
        let speakers = speaker::Speakers::new(&knowledge.lexicon);
        Extractor { knowledge, recognisers, speakers, patterns: Patterns::new(), scratch: scratch::Pool::default() }
    }

    /// Every recogniser, in the order they run.
    fn recognisers(&self) -> impl Iterator<Item = &dyn Recogniser> {
        self.recognisers.iter().map(|r| &**r as &dyn Recogniser).chain([&self.speakers as &dyn Recogniser])
    }

    /// The knowledge it matches against.
    pub fn knowledge(&self) -> &'k Knowledge {
        self.knowledge
    }

    /// The patterns it reads each section's [`Body`] with, for a caller preparing a
    /// body of its own.
    pub fn patterns(&self) -> &Patterns {
        &self.patterns
    }

    /// Recognises everything in one segmented note.
    pub fn extract(&self, doc: &Document<'_>) -> NoteFacts {
        // The topic of the sections of one event, written once for them all.
        let mut topic: (Option<Option<usize>>, String) = (None, String::new());
        let talks = doc
            .sections
            .iter()
            .map(|s| {
                if topic.0 != Some(s.event) {
                    // The conference's name, and the file's (`europython-2023-day1`).
                    let event = s.event.and_then(|i| doc.events.get(i)).map_or("", |e| e.name.as_str());
                    topic = (Some(s.event), format!("{event} {}", doc.key));
                }
                self.extract_section_in(s, &topic.1, (doc.text, &doc.line_starts))
            })
            .collect();
        NoteFacts {
            file: doc.file.clone(),
            key: doc.key.clone(),
            events: doc.events.clone(),
            tags: doc.tags.clone(),
            talks,
            warnings: doc.warnings.clone(),
        }
    }

    /// Recognises everything in one talk section: its title and body are read as one
    /// text (the title on the line before the body), in one pass per recogniser.
    pub fn extract_section(&self, s: &Section<'_>) -> TalkFacts {
        self.extract_section_about(s, "")
    }

    /// [`extract_section`](Self::extract_section) for a talk of the conference named
    /// `topic` (`EuroPython 2023`): a language the conference is named after needs no
    /// further context to be linked.
    pub fn extract_section_about(&self, s: &Section<'_>, topic: &str) -> TalkFacts {
        self.extract_section_in(s, topic, ("", &[]))
    }

    /// [`extract_section_about`](Self::extract_section_about) of a section of a note
    /// whose `text` has its lines starting at `starts` ([`Document::line_starts`]).
    fn extract_section_in(&self, s: &Section<'_>, topic: &str, (file, starts): (&str, &[usize])) -> TalkFacts {
        let k = self.knowledge;
        let generic = matches!(
            s.title.trim().to_ascii_lowercase().as_str(),
            "keynote" | "talk" | "lightning talk" | "lightning talks" | "untitled"
        );
        let joined;
        // The title is read as the line before the body (where it was: the heading,
        // or the line after it); a body starting on the title's own line holds it.
        let (text, first_line) = if generic || s.title.trim().is_empty() || s.body_line <= s.line {
            (s.body, s.body_line)
        } else {
            // (The title's line breaks made spaces, the body after it: built in one
            // buffer, not by `format!` from a copy of the title.)
            let title = s.title.trim();
            let mut j = String::with_capacity(title.len() + 1 + s.body.len());
            let mut parts = title.split(['\n', '\r']);
            j.push_str(parts.next().unwrap_or(""));
            for part in parts {
                j.push(' ');
                j.push_str(part);
            }
            j.push('\n');
            j.push_str(s.body);
            joined = j;
            (joined.as_str(), s.body_line.saturating_sub(1).max(1))
        };
        // A document exported to Markdown escapes punctuation (`scikit\-learn`, `Power
        // BI\-scherm`): its names are read without the backslashes (a line's breaks stay
        // where they are, so its lines are counted again).
        // (The title before the body, up to its line break, is unescaped again to find
        // where the body starts: the body is not copied twice.)
        let plain;
        let before_body = text.len() - s.body.len();
        let (text, prefix, escaped) = match crate::notes::markup::escape::unescaped(text) {
            std::borrow::Cow::Owned(u) => {
                let title = crate::notes::markup::escape::unescaped(&text[..before_body]).len();
                plain = u;
                (plain.as_str(), title, true)
            }
            std::borrow::Cow::Borrowed(t) => (t, before_body, false),
        };
        let body = match body_starts(file, starts, s.body, prefix).filter(|_| !escaped) {
            Some(lines) => Body::with_starts(text, first_line, &self.patterns, lines),
            None => Body::new(text, first_line, &self.patterns),
        };
        let body = body.with_section_start(prefix).with_topic(topic);
        let mut scratch = self.scratch.take();
        let mentions = std::mem::take(&mut scratch.found);
        let mut out = Found { speakers: self.speakers.given(&s.speakers), mentions, ..Found::default() };
        for r in self.recognisers() {
            r.recognise(&body, &mut scratch, &mut out);
        }
        let Found { mentions: mut found, mut near_misses, mut speakers } = out;
        // The speakers' affiliations: mentions of the talk too.
        let affiliated = affiliation::mentions(k, s, &body, &mut found);
        // The user's `same`, `never` and `ignore` before de-duplication: a mention
        // dropped must not hide another of the same entity on its line.
        k.merges.apply_to_mentions(&k.lexicon, &mut found);
        // In order of appearance; one mention per target, line and rule, and one per
        // target at one place (a wikilink and the name inside it).
        // At one place, a signal (`#python`, `[[Django]]`) is better evidence than
        // the bare name inside it, so it sorts first and is the one kept.
        let signal_first = |r: Rule| {
            matches!(
                r,
                Rule::WikiLink
                    | Rule::Tag
                    | Rule::CodeSpan
                    | Rule::PipInstall
                    | Rule::Install
                    | Rule::Import
                    | Rule::GitHub
            )
        };
        found.sort_by(|a, b| {
            a.0.cmp(&b.0).then_with(|| signal_first(b.1.rule).cmp(&signal_first(a.1.rule))).then_with(|| a.1.cmp(&b.1))
        });
        let keep = first_of_each(&found);
        let mut mentions = Vec::with_capacity(found.len());
        mentions.extend(found.drain(..).zip(keep).filter(|(_, k)| *k).map(|((_, m), _)| m));
        scratch.found = found;
        self.scratch.put(scratch);
        // A moderator is no speaker, even where the body names them again.
        let mut moderators = s.moderators.clone();
        let key = |n: &Named| crate::ids::slug(&crate::ids::fold_diacritics(&n.name));
        speakers.retain(|p| !moderators.iter().any(|m| key(m) == key(p)));
        let inferred = |r: Rule| {
            matches!(
                r,
                Rule::Beside | Rule::CamelCase | Rule::NameDigits | Rule::Hyphenated | Rule::SnakeCase | Rule::Suffixed
            )
        };
        mentions.retain(|m| {
            let kept = match &m.target {
                Target::Unlisted(_) | Target::Organization(_) => k.infer,
                _ => true,
            };
            kept && k.min_confidence.is_none_or(|min| k.confidence(m) >= min)
        });
        // A speaker's name is not a technology (`Tyler` is no typo of Typer, `Rich
        // Jones` is no mention of Rich): drop lexicon matches inside a speaker's name
        // on the line where it is given, and a name inferred from its place alone
        // that is a word of a speaker's name anywhere in the section (`RabbitMQ vs
        // Oban, Ines handled it`, Ines Marchetti speaking).
        mentions.retain(|m| {
            let anywhere = inferred(m.rule) && matches!(m.target, Target::Unlisted(_));
            !(matches!(m.rule, Rule::Exact | Rule::CaseFolded | Rule::EditDistance { .. }) || inferred(m.rule))
                || !speakers.iter().chain(&moderators).any(|p| {
                    (anywhere || p.line == m.line)
                        && p.name.split_whitespace().any(|w| w.trim_matches('.') == m.surface)
                })
        });
        k.merges.apply_to_speakers(&mut speakers);
        k.merges.apply_to_speakers(&mut moderators);
        let affiliations = affiliation::of_speakers(k, affiliated, &speakers, &mentions);
        near_misses.sort_by(|a, b| a.line.cmp(&b.line).then_with(|| a.cmp(b)));
        near_misses.dedup();
        TalkFacts {
            kind: s.kind,
            title: s.title.clone(),
            line: s.line,
            event: s.event,
            speakers,
            moderators,
            affiliations,
            mentions,
            near_misses,
        }
    }
}

/// Where the lines of a section's text start, taken from its file's `starts`
/// (`file`'s lines): the text is `prefix` bytes (its title line and a line break,
/// or none), then `body`, a part of `file`. `None` when the lines are not known or
/// `body` is not a part of `file`. (Finding the lines of every body again was 17 M
/// instructions on the 10 MB corpus, callgrind.)
fn body_starts(file: &str, starts: &[usize], body: &str, prefix: usize) -> Option<Vec<usize>> {
    if starts.is_empty() {
        return None;
    }
    let at = (body.as_ptr() as usize).checked_sub(file.as_ptr() as usize)?;
    let end = at + body.len();
    if end > file.len() {
        return None;
    }
    // The lines that start inside the body, after its first byte.
    let from = starts.partition_point(|&s| s <= at);
    let to = starts.partition_point(|&s| s < end);
    let mut lines = Vec::with_capacity(to - from + 2);
    lines.push(0);
    if prefix > 0 && !body.is_empty() {
        lines.push(prefix);
    }
    lines.extend(starts[from..to].iter().map(|&s| s - at + prefix));
    Some(lines)
}

/// Which of `found` (sorted by place) to keep: the first mention of each target at
/// each place, and of those the first of each target, line and rule. Places and
/// lines are runs of the sorted list (a mention's line is its place's), so each
/// mention is compared with the few before it in its run; a run past a handful
/// (a megabyte-long line) goes to a hash set instead.
fn first_of_each(found: &[(usize, Mention)]) -> Vec<bool> {
    type Set<T> = std::collections::HashSet<T, foldhash::fast::FixedState>;
    const FEW: usize = 16;
    let mut first_at_place = vec![false; found.len()];
    let mut keep = vec![false; found.len()];
    let (mut place_from, mut line_from) = (0, 0);
    let mut at_place: Set<&Target> = Set::default();
    let mut on_line: Set<(&Target, Rule)> = Set::default();
    for (i, (at, m)) in found.iter().enumerate() {
        if i > 0 && found[i - 1].0 != *at {
            place_from = i;
            at_place.clear();
        }
        if i > 0 && found[i - 1].1.line != m.line {
            line_from = i;
            on_line.clear();
        }
        let new_at_place = if i - place_from < FEW {
            !found[place_from..i].iter().any(|(_, p)| p.target == m.target)
        } else {
            if at_place.is_empty() {
                at_place.extend(found[place_from..i].iter().map(|(_, p)| &p.target));
            }
            at_place.insert(&m.target)
        };
        if !new_at_place {
            continue;
        }
        first_at_place[i] = true;
        // Against the earlier mentions of the line that were first at their place.
        let before = || (line_from..i).filter(|&j| first_at_place[j]).map(|j| &found[j].1);
        keep[i] = if i - line_from < FEW {
            !before().any(|p| p.target == m.target && p.rule == m.rule)
        } else {
            if on_line.is_empty() {
                on_line.extend(before().map(|p| (&p.target, p.rule)));
            }
            on_line.insert((&m.target, m.rule))
        };
    }
    keep
}

#[cfg(test)]
mod tests {
    use super::*;

    fn knowledge() -> Knowledge {
        let lexicon = Lexicon::from_toml(
            r#"
[[entry]]
name = "Python"
kind = "technology"
category = "language"
[[entry]]
name = "CPython"
kind = "technology"
category = "implementation"
[[entry]]
name = "AWS Lambda"
kind = "technology"
category = "service"
aliases = ["lambda"]
ambiguous = true
[[entry]]
name = "Keynote"
kind = "technology"
category = "tool"
"#,
            "test.toml",
        )
        .expect("valid");
        Knowledge::new(lexicon, PepCatalog::builtin())
    }

    fn section<'a>(title: &str, body: &'a str) -> Section<'a> {
        Section {
            kind: SectionKind::Talk,
            title: title.into(),
            line: 10,
            event: None,
            speakers: vec![],
            moderators: Vec::new(),
            affiliations: Vec::new(),
            body,
            body_line: 11,
        }
    }

    fn targets(t: &TalkFacts) -> Vec<(Target, u32, Rule)> {
        t.mentions.iter().map(|m| (m.target.clone(), m.line, m.rule)).collect()
    }

    /// The lines of a section's text, taken from its file's index, are those found in
    /// the text again: every section of every style fixture, with its title line
    /// before its body and without.
    #[test]
    fn body_lines_from_the_file_are_the_lines_of_the_body() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/styles");
        let mut warnings = Vec::new();
        let files = crate::notes::find_notes(&[dir], &mut warnings).expect("fixtures");
        let patterns = Patterns::new();
        let mut sections = 0;
        for f in &files {
            let Some(note) = crate::notes::read_note(f, &mut warnings) else { continue };
            let doc = crate::notes::segment(&note);
            let mut lines = Vec::new();
            crate::notes::markup::line_starts(note.text.as_bytes(), &mut lines);
            let mut starts = vec![0];
            starts.extend(lines.iter().copied().filter(|&s| s < note.text.len()));
            for s in &doc.sections {
                for title in ["", "A title"] {
                    let text = if title.is_empty() { s.body.to_string() } else { format!("{title}\n{}", s.body) };
                    let prefix = text.len() - s.body.len();
                    // (An empty body, or one a reader made, is read again: no lines to take.)
                    let Some(taken) = body_starts(&note.text, &starts, s.body, prefix) else {
                        assert!(s.body.is_empty() || note.markup != crate::notes::document::Markup::Markdown);
                        continue;
                    };
                    let again = Body::new(&text, 1, &patterns);
                    let found: Vec<usize> =
                        (0..text.len()).filter(|&i| i == 0 || text.as_bytes()[i - 1] == b'\n').collect();
                    assert_eq!(taken, found, "{}:{}", note.file, s.line);
                    assert_eq!(again.line_count(), taken.len(), "{}:{}", note.file, s.line);
                    sections += 1;
                }
            }
        }
        assert!(sections > 500, "{sections} sections read");
        let elsewhere = String::from("b");
        assert!(body_starts("abc", &[0], &elsewhere, 0).is_none(), "a body from elsewhere");
    }

    proptest::proptest! {
        /// Any text, however odd (code spans left open, multi-byte letters, stray
        /// `#`, `[[`, backticks and digits), is read without a panic, and every
        /// mention's line lies within the section.
        #[test]
        fn never_panics_on_any_text(body in "(?s)[a-zA-Z0-9 .,:;#\\[\\]`*_>\n\t\u{e9}\u{142}\u{2019}-]{0,300}", title in "[a-zA-Z0-9 .:#]{0,40}") {
            let k = Knowledge::builtin();
            let t = Extractor::new(&k).extract_section(&section(&title, &body));
            let last = 11 + body.lines().count() as u32;
            for m in &t.mentions {
                proptest::prop_assert!(m.line >= 10 && m.line <= last.max(11), "{m:?}");
            }
        }
    }

    #[test]
    fn extractor_is_shared_across_threads() {
        fn sync<T: Sync + Send>() {}
        sync::<Extractor<'static>>();
        sync::<Knowledge>();
    }

    #[test]
    fn title_is_read_on_the_line_before_the_body() {
        let k = knowledge();
        let t = Extractor::new(&k).extract_section(&section("AWS lambda loves python 3.11", "\nrun lambda in ECR"));
        assert_eq!(
            targets(&t),
            [
                (Target::Entry(2), 10, Rule::CaseFolded),
                (Target::Entry(0), 10, Rule::CaseFolded),
                (Target::PythonVersion("3.11".into()), 10, Rule::Pattern),
                (Target::Entry(2), 12, Rule::Exact),
            ]
        );
    }

    #[test]
    fn a_signal_wins_over_the_name_inside_it() {
        let k = knowledge();
        let t = Extractor::new(&k).extract_section(&section("Keynote", "#python and [[CPython]]"));
        assert_eq!(targets(&t), [(Target::Entry(0), 11, Rule::Tag), (Target::Entry(1), 11, Rule::WikiLink)]);
    }

    #[test]
    fn escaped_punctuation_hides_no_name() {
        // A document exported to Markdown escapes its dashes and brackets.
        let k = knowledge();
        let t = Extractor::new(&k).extract_section(&section("Keynote", "\n\\[\\[CPython\\]\\] ok\n"));
        assert_eq!(
            targets(&t).into_iter().map(|(e, _, r)| (e, r)).collect::<Vec<_>>(),
            [(Target::Entry(1), Rule::WikiLink)]
        );
    }

    #[test]
    fn speaker_names_are_not_mentions() {
        let k = knowledge();
        let t = Extractor::new(&k).extract_section(&section("Keynote", "\nGuido Python\n\nabout CPython"));
        assert_eq!(t.speakers.len(), 0, "a technology word: not a name alone");
        let t = Extractor::new(&k).extract_section(&section("Keynote", "Speaker: Ana Lambda\n\nabout CPython"));
        assert_eq!(t.speakers[0].name, "Ana Lambda");
        assert_eq!(targets(&t), [(Target::Entry(1), 13, Rule::Exact)]);
    }

    #[test]
    fn generic_titles_are_not_read() {
        let k = knowledge();
        let t = Extractor::new(&k).extract_section(&section("Keynote", "about Python"));
        assert_eq!(targets(&t), [(Target::Entry(0), 11, Rule::Exact)]);
    }

    #[test]
    fn mentions_deduplicated_per_target_line_and_rule() {
        let k = knowledge();
        let t = Extractor::new(&k).extract_section(&section(
            "Keynote",
            "Cpython, Cpython and CPython\nCpython\nPEP 659, PEP 659 and PEP 99999",
        ));
        assert_eq!(
            targets(&t),
            [
                (Target::Entry(1), 11, Rule::CaseFolded),
                (Target::Entry(1), 11, Rule::Exact),
                (Target::Entry(1), 12, Rule::CaseFolded),
                (Target::Pep(659), 13, Rule::Pattern),
            ]
        );
    }
}
