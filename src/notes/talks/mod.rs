//! Talks found by evidence (issue 14): every place a talk can be written is a
//! candidate, each candidate is scored on what surrounds it, and the document decides.
//!
//! Candidates come from the [block model](super::document), never from a markup's
//! syntax: a heading of any level; a table row whose cells hold a title and a name (and
//! maybe a time); a labelled field (`Vortrag: …` with `Sprecherin: …`); a lead-in line
//! (`next talk - title (name)`, `after lunch: title - name`); a list item
//! `Name: Title`, `Title - Name` or `Title (Name)`; a bold or quoted title in prose
//! (`**"Title"** by Name`, `Name's talk on …`). Each one carries its evidence as data,
//! a list of (feature, weight), so `talkgraph outline --explain` can show why a
//! candidate is a talk or is not:
//!
//! | feature | weight |
//! |---|---|
//! | a talk label (`Talk 3:`, `Keynote`, `Vortrag:`, `Panel:`) | +3 |
//! | a time (`10:30`) | +2 |
//! | a person named in it, or right after it (a name line, a speaker field) | +2 |
//! | content after it (one block / three or more) | +1 / +2 |
//! | siblings of the same shape (the level or list that carries the talks) | +1 |
//! | a lead-in (`next talk -`) or a quoted title | +2 |
//! | no content before the next heading | -1 |
//! | a part of a talk (a heading under a talk heading) | -3 |
//! | a heading that holds talks | -3 |
//! | a break, a to-do, takeaways, links, notes, questions | -6 |
//! | code (`# include x.h`, `# /// script`) | -8 |
//!
//! A candidate scoring [`THRESHOLD`] or more is a talk. Day and event headings are days
//! and events, not candidates. The same talk written twice (a schedule row and a
//! section with a shortened title) is one talk. A note with no talk at all is one talk,
//! named from its first heading or line, or its file name.
//!
//! Cost: one pass over the blocks to make candidates, one to score them, one to cut the
//! bodies; merging looks titles up in a map. Linear in the number of blocks.

use std::collections::HashMap;

use super::date::{self, Found};
use super::document::{strip_inline, Block, BlockKind, Blocks, Property, Row};
use super::event::{self, EventLine};
use super::labels::{Concept, Labels};
use super::markup::LineIndex;
use super::names::{self, Role};
use super::search;
use super::{Document, EventInfo, Named, Note, Section, SectionKind, Warning};
use people::*;
use structure::{after_copula, lower_case_event};

/// The score a candidate needs to be a talk.
pub const THRESHOLD: i32 = 3;

/// Where a candidate was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// A heading of this level.
    Heading(u8),
    /// A row of a table.
    TableRow,
    /// A labelled field (`Vortrag: …`).
    Field,
    /// A lead-in line (`next talk - …`).
    LeadIn,
    /// A list item of the form `Name: Title`, `Title - Name`, `Title (Name)`.
    ListItem,
    /// A quoted or bold title in prose.
    Prose,
    /// A paragraph opening with `[time] title — name`.
    TitleLine,
    /// A slot of a schedule laid out as a column of lines (a time line, title lines,
    /// a name line).
    Slot,
    /// An item of a lightning session: a quote line (`> Title`), a paragraph after an
    /// empty `>`, a list item.
    Item,
    /// The whole file (a note with no other talk).
    File,
}

impl Source {
    /// Whether it is an entry of a schedule with no notes of its own: a table row, a
    /// slot of a column.
    pub fn is_row(self) -> bool {
        matches!(self, Source::TableRow | Source::Slot)
    }

    /// A short name for outputs.
    pub fn name(self) -> String {
        match self {
            Source::Heading(l) => format!("heading {l}"),
            Source::TableRow => "table row".into(),
            Source::Field => "field".into(),
            Source::LeadIn => "lead-in".into(),
            Source::ListItem => "list item".into(),
            Source::Prose => "prose".into(),
            Source::TitleLine => "title line".into(),
            Source::Slot => "schedule slot".into(),
            Source::Item => "lightning item".into(),
            Source::File => "file".into(),
        }
    }
}

/// One place that might be a talk, with its evidence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// First line of the candidate.
    pub line: u32,
    /// Where it was written.
    pub source: Source,
    /// The title it would give, cleaned.
    pub title: String,
    /// Talk, keynote or lightning talk.
    pub kind: SectionKind,
    /// People it names, with their role.
    pub speakers: Vec<(Named, Role)>,
    /// Each piece of evidence and its weight.
    pub evidence: Vec<(&'static str, i32)>,
    /// Whether it became a talk.
    pub talk: bool,
    /// When it did not, or was merged: why.
    pub note: Option<String>,
    /// First line of the talk's body.
    body_line: u32,
    /// Index of the block it is in.
    block: usize,
    /// Where it starts in the note's text when it starts inside a line (a quoted title
    /// in prose): several talks on one line each take their part of it as body.
    at: Option<usize>,
    /// A later part of a talk whose notes are in several places (two note-takers' notes
    /// on one schedule entry): the line of its first part, which the talk keeps.
    part_of: Option<u32>,
}

impl Candidate {
    /// The sum of the evidence.
    pub fn score(&self) -> i32 {
        self.evidence.iter().map(|(_, w)| w).sum()
    }
}

/// What the detector found in one note: the document, and every candidate.
#[derive(Debug, Clone)]
pub struct Detection<'a> {
    /// Events and talks.
    pub doc: Document<'a>,
    /// Every candidate, in order, talks and not.
    pub candidates: Vec<Candidate>,
    /// The last line of each talk's body, in the order of `doc.sections`.
    pub ends: Vec<u32>,
}

/// The talk detector: the labels table, built once and shared by every thread.
#[derive(Debug, Clone)]
pub struct Detector {
    /// The words of every language for the parts of notes.
    pub labels: Labels,
    /// Finds `s talk ` (`Name's talk on …`) in a paragraph.
    s_talk: memchr::memmem::Finder<'static>,
    /// The words around a speaker's affiliation.
    affiliation: crate::notes::affiliation::Words,
    /// The file names of the notes read together, with and without their extension,
    /// in lower case ([`Detector::with_notes`]).
    notes: std::collections::HashSet<String>,
}

impl Default for Detector {
    fn default() -> Self {
        Detector::with_labels(Labels::default())
    }
}

impl Detector {
    /// Loads the shipped labels table.
    pub fn new() -> Detector {
        Detector::default()
    }

    /// A detector reading the parts of notes with `labels`.
    pub fn with_labels(labels: Labels) -> Detector {
        Detector {
            labels,
            s_talk: memchr::memmem::Finder::new(b"s talk "),
            affiliation: crate::notes::affiliation::Words::new(),
            notes: std::collections::HashSet::new(),
        }
    }

    /// The blocks of `note` as the detector reads them: its markup's, with a bold line
    /// alone read as a heading unless it names people (`**Ana Ruiz**` under a title is
    /// its speaker line).
    pub(crate) fn blocks_of<'t>(&self, note: &'t Note, lines: &LineIndex) -> Blocks<'t> {
        let mut blocks = crate::notes::markup::parse_indexed(note.markup, &note.text, lines);
        // `**Ana Ruiz**`, `**Ana Ruiz (Acme)**`, `**par Hugo Martin**`, `**Modération :
        // Cécile Marchand**`.
        let is_name = |s: &str| {
            let s = strip_inline(s);
            let s = s.trim();
            let named = match self.labels.leading(s) {
                Some((cs, r)) if cs.contains(&Concept::Speaker) || cs.contains(&Concept::Moderator) => Some(r),
                _ => by_clause(s),
            };
            named.is_some_and(|r| names::people_as(r, &self.labels, names::Case::Any).is_some())
                || names::people_as(s, &self.labels, names::Case::Capitalised).is_some()
                || framed::people_with_affiliation(s, &self.labels).is_some()
        };
        crate::notes::markup::bold::headings_from_bold(&mut blocks, is_name);
        blocks
    }

    /// Finds the events and talks of `note`, parsed into `blocks`.
    pub fn detect<'a>(&self, note: &'a Note, blocks: &Blocks) -> Detection<'a> {
        self.detect_indexed(note, blocks, &LineIndex::new(&note.text))
    }

    /// [`Detector::detect`] with the index of the note's lines the reader used.
    pub(crate) fn detect_indexed<'a>(&self, note: &'a Note, blocks: &Blocks, lines: &LineIndex) -> Detection<'a> {
        let mut found = Run::new(self, note, blocks, lines).run();
        // Each speaker's affiliation, on the line that names them.
        let starts = lines.starts();
        let line = |n: u32| {
            let from = *starts.get(n.checked_sub(1)? as usize)?;
            let to = starts.get(n as usize).map_or(note.text.len(), |&e| e.saturating_sub(1));
            note.text.get(from..to.max(from))
        };
        for s in &mut found.doc.sections {
            if !s.speakers.is_empty() {
                s.affiliations = self.affiliation.read(line, &s.speakers, &s.title);
            }
        }
        found
    }
}

// ---------------------------------------------------------------------------------

struct Run<'d, 'a, 'b> {
    d: &'d Detector,
    note: &'a Note,
    blocks: &'b [Block<'b>],
    /// Byte offset where each line starts (index 0 is line 1), and the text's length
    /// after a final line break ([`LineIndex::starts`]).
    starts: &'b [usize],
    events: Vec<EventInfo>,
    conference: Option<usize>,
    year: Option<i32>,
    cands: Vec<Candidate>,
    warnings: Vec<Warning>,
    tags: Vec<String>,
    /// Headings that name a day or the event (block index).
    structure: Vec<usize>,
    /// A name heading at the top of the file (`#### Oleksandr Petrenko`): the speaker of
    /// a file that is one talk.
    file_speaker: Option<Named>,
    /// An open lightning session, whose items are talks.
    session: Option<Session>,
    /// The block after a block of fields under a heading: it may hold more fields.
    field_run: Option<usize>,
    /// A date the first lines give before any conference is named (`(Vigo, 5 June
    /// 2024, first talk)` in a file of a folder named after the conference): the
    /// conference's, once it is named.
    loose_date: Option<String>,
    /// The schedule entries seen so far, to find their notes under shortened titles.
    schedule: schedule::Schedule,
    /// The first block after list items read as a block of fields ([`memo`]).
    memo_next: usize,
    /// The last heading was a talk's: the paragraphs under it are its notes.
    heading_talk: bool,
    /// The candidates' own lines as plain text, for a quote that repeats one
    /// ([`framed`]'s `quoted_again`), and how many candidates are in it.
    quotable: (HashMap<String, u32>, usize),
    /// The depths of the list items above the current one that name the event or a
    /// day (an outline's `- GDC 2024` / `  - Wed, Mar 20`): items under them are read
    /// as if those were headings.
    item_structure: Vec<u8>,
    /// Whether the note's prose is hard-wrapped ([`told::hard_wrapped`]), found once.
    wrapped: std::cell::OnceCell<bool>,
    /// Whether the note is said aloud ([`dictated::said_aloud`]), found once.
    said: std::cell::OnceCell<bool>,
    /// Whether a paragraph was read as a note of lines ([`lined`]).
    lined: bool,
}

/// A lightning session (`## Lightning talks`, a `Lightning talks` line): the blocks
/// after it, up to a heading of its level or higher, are its items.
#[derive(Debug, Clone, Copy)]
struct Session {
    /// The heading level it lasts for (7 for a session named in a line of text: it
    /// ends at any heading).
    level: u8,
    /// Its own candidate (a heading), when it has one.
    cand: Option<usize>,
    /// Items found so far.
    items: usize,
    /// An empty `>` was the last item marker: the next paragraph's first line is the
    /// item's title.
    pending: bool,
    /// Its items are marked with `>`: list items are notes inside them.
    quotes: bool,
}

/// The label a line starts with and the text after it ([`Labels::leading`]).
type Lead<'l, 's> = Option<(&'l [Concept], &'s str)>;

/// People as a line names them, each with their role.
type People = Vec<(String, Role)>;

/// A paragraph's first line as written, its plain text (trimmed), and the label it
/// starts with once looked up (`None` until then).
type FirstLine<'r, 'l, 's> = (&'s str, &'s str, &'r mut Option<Lead<'l, 's>>);

fn push_ev(c: &mut Candidate, feature: &'static str, weight: i32) {
    c.evidence.push((feature, weight));
}

impl<'d, 'a, 'b> Run<'d, 'a, 'b> {
    fn new(d: &'d Detector, note: &'a Note, blocks: &'b Blocks<'b>, lines: &'b LineIndex) -> Self {
        Run {
            d,
            note,
            blocks: &blocks.blocks,
            starts: lines.starts(),
            events: Vec::new(),
            conference: None,
            year: None,
            cands: Vec::new(),
            warnings: Vec::new(),
            tags: Vec::new(),
            structure: Vec::new(),
            file_speaker: None,
            session: None,
            field_run: None,
            loose_date: None,
            schedule: schedule::Schedule::default(),
            memo_next: 0,
            heading_talk: false,
            quotable: (HashMap::new(), 0),
            item_structure: Vec::new(),
            wrapped: std::cell::OnceCell::new(),
            said: std::cell::OnceCell::new(),
            lined: false,
        }
    }

    fn labels(&self) -> &Labels {
        &self.d.labels
    }

    /// The text of line `line` when it is an ATX heading (`## Title ##`), without its
    /// markers.
    fn raw_atx(&self, line: u32) -> Option<&'a str> {
        let l = self.line_text(line).trim_end_matches('\r');
        let t = l.trim_start_matches(' ');
        let hashes = t.bytes().take_while(|&c| c == b'#').count();
        if hashes == 0 || hashes > 6 || l.len() - t.len() > 3 {
            return None;
        }
        let rest = &t[hashes..];
        if !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
            return None;
        }
        let rest = rest.trim();
        // A closing run of `#` counts only after a space (`C#` keeps its `#`).
        let closed = rest.trim_end_matches('#');
        let title = if closed.is_empty() || closed.ends_with(' ') { closed.trim_end() } else { rest };
        Some(super::markup::markdown::without_attributes(title))
    }

    fn warn(&mut self, line: u32, message: String) {
        self.warnings.push(Warning { file: self.note.file.clone(), line: Some(line), message });
    }

    /// Applies what a line says about the event.
    fn event_line(&mut self, ev: EventLine, line: u32, heading: bool) -> bool {
        let mut named = false;
        if let Some(Found::Impossible(t)) = &ev.date {
            self.warn(line, format!("`{t}` is not a date (no such day): ignored"));
        }
        let date = match &ev.date {
            Some(Found::Date(d, _)) => Some(d.iso()),
            _ => None,
        };
        if let Some(y) = ev.year {
            self.year.get_or_insert(y);
        }
        if let Some(name) = ev.name.clone().filter(|_| self.conference.is_none()) {
            let date = date.clone().or_else(|| self.loose_date.take());
            self.events.push(EventInfo { name, day: None, date, line });
            self.conference = Some(self.events.len() - 1);
            named = true;
        }
        // A day is a heading's (`Day 2`, `Tag 2 — 23. April 2024`); a day named in prose
        // (`Tag 1 war am 22. April`, a subject's `(day 1)`) gives only its date.
        if let Some(day) = ev.day.filter(|_| heading) {
            let name = self.conference.map(|c| self.events[c].name.clone()).unwrap_or_default();
            let day_date = if named { None } else { date.clone() };
            self.events.push(EventInfo { name, day: Some(day), date: day_date, line });
            named = true;
        }
        if !named {
            // A date on its own: the current day's (`## Day 2` then `## 20.07.2023`) and
            // the conference's, when they have none yet.
            if let Some(d) = date {
                let day = self.events.iter().rposition(|e| e.day.is_some()).filter(|&i| self.events[i].date.is_none());
                for i in [day, self.conference].into_iter().flatten() {
                    if self.events[i].date.is_none() {
                        self.events[i].date = Some(d.clone());
                        named = true;
                    }
                }
                if self.events.is_empty() {
                    self.loose_date.get_or_insert(d);
                }
            }
        }
        named
    }

    fn run(mut self) -> Detection<'a> {
        self.candidates();
        self.footnotes();
        self.slots();
        self.numbered_runs();
        self.cards();
        self.score();
        self.decide()
    }

    // -----------------------------------------------------------------------------
    // Candidates

    fn candidates(&mut self) {
        let blocks = self.blocks;
        let mut seen_talkish = false;
        for (bi, b) in blocks.iter().enumerate() {
            if let BlockKind::Heading { level, .. } = &b.kind {
                if self.session.is_some_and(|s| *level <= s.level) {
                    self.close_session();
                }
            }
            if self.session_item(bi, b) {
                seen_talkish = true;
                continue;
            }
            // A forum comment's header over its text: the text is read alone.
            let comment = thread::comment_body(b);
            let b = comment.as_ref().unwrap_or(b);
            // A paragraph's first line, its plain text and the label it starts with, read
            // once for the session line and the paragraph (reading them twice was 25 M
            // instructions on the 10 MB corpus).
            let (raw_first, plain) = match &b.kind {
                BlockKind::Paragraph { text } => {
                    let raw = memchr::memchr(b'\n', text.as_bytes()).map_or(&**text, |i| &text[..i]);
                    (raw, strip_inline(raw))
                }
                _ => ("", std::borrow::Cow::Borrowed("")),
            };
            let first = plain.trim();
            let mut lead = None;
            if let BlockKind::Paragraph { text } = &b.kind {
                if self.session_line(text, first, &mut lead) {
                    self.close_session();
                    self.session = Some(Session { level: 7, cand: None, items: 0, pending: false, quotes: false });
                    continue;
                }
            }
            match &b.kind {
                BlockKind::Properties(props) => {
                    self.wikilinked_speakers(bi, b);
                    self.properties(bi, props);
                }
                BlockKind::Heading { level, text } => {
                    self.item_structure.clear();
                    self.heading_talk = self.heading(bi, b, *level, text);
                    seen_talkish |= self.heading_talk;
                }
                BlockKind::Paragraph { text }
                    if self.chapter_list(bi, b, text)
                        || self.yaml_record(bi, b)
                        || self.calendar_entry(bi, b, text) => {}
                BlockKind::Paragraph { text }
                    if self.app_session(bi, b, text)
                        || self.capital_title(bi, b, text)
                        || self.bold_by(bi, b, text) => {}
                BlockKind::Paragraph { text } => {
                    self.wikilinked_speakers(bi, b);
                    let before = self.cands.len();
                    self.paragraph(bi, b, text, (raw_first, first, &mut lead), seen_talkish);
                    if self.cands.len() == before && !self.memo_fields(bi, b, text) {
                        self.column_schedule(bi, b, text);
                    }
                }
                // Items read with a block of fields above them (a memo's outline).
                BlockKind::ListItem { .. } if bi < self.memo_next => {}
                BlockKind::ListItem { depth, .. } if self.structural_item(bi, b, *depth) => {}
                BlockKind::ListItem { depth, marker, text } => match self.memo_items(bi) {
                    Some(last) => self.memo_next = last + 1,
                    // A comment exported with its author and date is no talk.
                    None if !cards::comment(text, self.labels()) => self.list_item(bi, b, *depth, marker, text),
                    None => {}
                },
                BlockKind::Table { header, rows } => self.table(bi, header.as_ref(), rows),
                BlockKind::Quote { text } => {
                    if !self.quoted_again(bi, b, text) {
                        self.quote_under_heading(bi, b, text);
                    }
                }
                BlockKind::Code { .. } | BlockKind::Separator => _ = self.yaml_record(bi, b),
            }
            if self.cands.last().is_some_and(|c| c.block == bi) {
                seen_talkish = true;
            }
        }
        self.close_session();
    }
}

/// What follows `by` in `by NAME`, `, presented by NAME`, `— given by NAME`,
/// `von NAME`, `par NAME`: the text from the name on.
fn by_clause(s: &str) -> Option<&str> {
    let s = s.trim_start().trim_start_matches([',', '—', '–', '-', ':']).trim_start();
    let starts = |t: &str, p: &str| t.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p));
    let verb = ["presented ", "given ", "delivered ", "held ", "facilitated ", "led ", "gehalten ", "presentado "]
        .iter()
        .find(|v| starts(s, v))
        .map_or(0, |v| v.len());
    let rest = &s[verb..];
    ["by ", "von ", "par ", "por ", "door ", "przez ", "da ", "do ", "de ", "av ", "w/ ", "di "]
        .iter()
        .find(|p| starts(rest, p))
        .map(|p| rest[p.len()..].trim_start())
        .filter(|r| !r.is_empty())
}

/// `first` and the next line joined, when `first` ends a hard-wrapped list of names
/// mid-way (after `and`, `&`, `,` or `with`): `A talk by [A](…) and` / `[B](…)`.
fn wrapped_list(first: &str, next: Option<&str>) -> Option<String> {
    let first = first.trim_end();
    let open = [" and", " &", ",", " with"].iter().any(|e| first.ends_with(e));
    let next = strip_inline(next.filter(|_| open)?);
    Some(format!("{first} {}", next.trim()))
}

/// `first` and the start of the next line, when `first` ends in the middle of a name
/// after `by` (`"Title" by Aleksandra` / `Nowak-Ferreira. She runs …`): the next line's
/// capitalised words up to a stop.
fn wrapped_name(first: &str, next: Option<&str>) -> Option<String> {
    let first = first.trim_end();
    let (head, last) = first.rsplit_once(' ')?;
    if !(head.ends_with(" by") && last.starts_with(char::is_uppercase) && last.chars().all(char::is_alphabetic)) {
        return None;
    }
    let next = strip_inline(next?);
    let next = next.trim_start();
    let end = next.find(['.', ',', ';', '(']).filter(|&e| e <= 40)?;
    let words = &next[..end];
    (!words.is_empty() && words.split_whitespace().all(|w| w.starts_with(char::is_uppercase)))
        .then(|| format!("{first} {}", words.trim()))
}

/// The title a talk has when it has none but its label (`Keynote`).
fn label_title(c: Concept) -> String {
    match c {
        Concept::Keynote => "Keynote".into(),
        Concept::Lightning => "Lightning talks".into(),
        Concept::Panel => "Panel".into(),
        Concept::Workshop => "Workshop".into(),
        _ => "Talk".into(),
    }
}

fn kind_of(c: Concept) -> SectionKind {
    match c {
        Concept::Keynote => SectionKind::Keynote,
        Concept::Lightning => SectionKind::Lightning,
        _ => SectionKind::Talk,
    }
}

fn file_stem(file: &str) -> &str {
    let name = file.rsplit('/').next().unwrap_or(file);
    name.rsplit_once('.').map_or(name, |(s, _)| s)
}

/// The leading words of `s` that can be a name (up to the first word that cannot).
fn first_name_words(s: &str) -> &str {
    let mut end = 0;
    for (i, w) in s.split_whitespace().enumerate() {
        if i >= 5 || !w.chars().next().is_some_and(char::is_uppercase) {
            break;
        }
        end = s.find(w).map_or(end, |p| p + w.len());
    }
    &s[..end]
}

/// Lower-case letters and digits, for comparing titles.
fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric() || *c == ' ')
        .flat_map(char::to_lowercase)
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The keys under which a title is looked up: its first two words.
fn title_keys(s: &str) -> Vec<String> {
    let n = norm(s);
    let words: Vec<&str> = n.split(' ').take(2).collect();
    vec![words.join(" ")]
}

/// Whether a heading is only a date (perhaps with a weekday).
fn date_heading(s: &str, labels: &Labels) -> bool {
    let Some(Found::Date(_, r)) = date::find(s, labels, None) else { return false };
    let rest = format!("{} {}", &s[..r.start], &s[r.end..]);
    rest.split(|c: char| !c.is_alphanumeric())
        .all(|w| w.is_empty() || labels.is_weekday(w) || w.eq_ignore_ascii_case("date"))
}

/// Cleans a title: emphasis, quotes, a trailing `:`/`.`/`\`, runs of spaces.
pub(crate) fn clean_title(s: &str) -> String {
    // (Most titles hold no `**`: `replace` prepared a searcher for each, 3.5 M
    // instructions on the 10 MB corpus.)
    let mut t = if search::find(s, "**").is_some() { s.replace("**", "") } else { s.to_string() };
    loop {
        let before = t.len();
        let tt = t.trim();
        let tt = tt.trim_end_matches(['\\', ':', ',', ';', '：']).trim_end();
        // (A dash left at the end: `Title — by Name` without its byline.)
        let tt =
            tt.strip_suffix(" —").or_else(|| tt.strip_suffix(" –")).or_else(|| tt.strip_suffix(" -")).unwrap_or(tt);
        let tt = if tt.ends_with('.') && !tt.ends_with("..") { &tt[..tt.len() - 1] } else { tt };
        let mut tt = tt.trim();
        for (a, b) in [
            ("__", "__"),
            ("_", "_"),
            ("*", "*"),
            ("\"", "\""),
            ("“", "”"),
            ("'", "'"),
            ("`", "`"),
            ("„", "“"),
            ("„", "”"),
            ("«", "»"),
            ("»", "«"),
            ("‚", "‘"),
            ("‘", "’"),
            ("「", "」"),
            ("『", "』"),
        ] {
            if tt.len() > a.len() + b.len() {
                if let Some(inner) = tt.strip_prefix(a).and_then(|x| x.strip_suffix(b)) {
                    tt = inner.trim();
                }
            }
        }
        t = tt.to_string();
        if t.len() == before {
            break;
        }
    }
    without_tags(&t).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The whole title of candidate `c` when its one speaker was read off its own line
/// `own` as `Name: Title` (`Django Ninja: APIs rápidas`, `Goodbye Ingress: Migrating …`)
/// and `others` name other people: the words before the colon were the title's.
fn colon_title(c: &Candidate, own: &str, others: &[(String, Role)]) -> Option<String> {
    let [(first, _)] = &c.speakers[..] else { return None };
    let whole = format!("{}: {}", first.name, c.title);
    let other = !others.is_empty() && !others.iter().any(|(n, _)| *n == first.name);
    (first.line == c.line && other && own.contains(&whole)).then_some(whole)
}

/// `s` without the tags after it (`Title #talk #kernel`, as Logseq or Bear write them:
/// the note's, no part of the title), unless it is only tags.
pub(super) fn without_tags(s: &str) -> &str {
    let mut s = s.trim_end();
    while let Some((before, last)) = s.rsplit_once(char::is_whitespace) {
        if !is_tag(last) || before.trim().is_empty() {
            break;
        }
        s = before.trim_end();
    }
    s
}

/// Whether `w` is a tag: `#`, a letter, then letters, digits, `-`, `_` or `/`.
fn is_tag(w: &str) -> bool {
    let Some(rest) = w.strip_prefix('#') else { return false };
    rest.starts_with(char::is_alphabetic) && rest.chars().all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '/'))
}

/// Whether a heading's text is code: `# include hpy.h`, `# /// script`,
/// `# x = f(y)`, `#!/bin/bash`.
fn looks_like_code(s: &str) -> bool {
    let t = s.trim();
    if t.starts_with("///")
        || t.starts_with('!')
        || t.starts_with("include ")
        || t.starts_with("define ")
        || t.starts_with("pragma ")
    {
        return true;
    }
    let first = t.split_whitespace().next().unwrap_or("");
    // (An assignment: at most three words before its `=`, `let x = 1`; not a line of
    // prose that says what a word means, `… — Ana Ruiz : RGAA = ?`.)
    let assignment = t.find(" = ").is_some_and(|i| t[..i].split_whitespace().count() <= 3);
    (assignment || !t.chars().any(char::is_alphabetic) && strip_time(t).is_none())
        || matches!(
            first,
            "requires-python" | "dependencies" | "import" | "from" | "def" | "class" | "return" | "if" | "for"
        )
        || t.ends_with(".h")
}

pub(crate) use timed::strip_time;

mod app;
mod blocks;
mod capitals;
mod cards;
mod chapters;
mod column;
mod decide;
mod dictated;
mod entries;
mod folder;
mod footnote;
mod framed;
mod items;
mod lined;
mod lines;
mod listed;
mod log;
mod long;
mod memo;
mod named;
mod newest;
mod numbered;
mod opening;
mod people;
mod prose;
mod recap;
mod record;
mod rows;
mod schedule;
mod sentence;
mod slot;
mod structure;
#[cfg(test)]
pub(crate) mod tests;
mod thread;
mod timed;
mod told;
mod tracks;
mod whole;
mod zettel;

/// The headers of an e-mail, in the languages we read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MailHeader {
    /// What the mail is about: it may name the event.
    Subject,
    /// Sender, recipients, sending date: never a speaker, never the event's date.
    Other,
}

/// Which e-mail header `key` (lower case) is, if any.
fn mail_header(key: &str) -> Option<MailHeader> {
    match key {
        "subject" | "betreff" | "objet" | "asunto" | "oggetto" | "assunto" | "onderwerp" | "temat" => {
            Some(MailHeader::Subject)
        }
        "from" | "to" | "cc" | "bcc" | "date" | "sent" | "von" | "an" | "de" | "à" | "para" | "da" | "a" | "van"
        | "aan" | "od" | "do" | "datum" => Some(MailHeader::Other),
        _ => None,
    }
}

/// Which e-mail header `key` is, in any case: an ASCII key is lower-cased on the stack
/// (a `String` for every line holding a `:` was a good part of reading paragraphs).
fn mail_header_of(key: &str) -> Option<MailHeader> {
    let mut buf = [0u8; 16];
    match buf.get_mut(..key.len()) {
        Some(b) if key.is_ascii() => {
            b.copy_from_slice(key.as_bytes());
            b.make_ascii_lowercase();
            mail_header(std::str::from_utf8(b).ok()?)
        }
        // Longer than any header in ASCII, or not in ASCII.
        _ if key.is_ascii() => None,
        _ => mail_header(&key.to_lowercase()),
    }
}

/// Whether heading `j` touches another heading on the line right before or after it:
/// a run of `#` lines with no blank line between them is a comment block pasted from
/// code (`# /// script`, `# install deps`), not the structure of the notes, so it does
/// not end a talk.
fn in_comment_run(blocks: &[Block], j: usize) -> bool {
    let b = &blocks[j];
    let touches = |o: Option<&Block>| {
        o.is_some_and(|o| matches!(o.kind, BlockKind::Heading { .. }) && (o.end + 1 == b.line || b.end + 1 == o.line))
    };
    touches(j.checked_sub(1).and_then(|k| blocks.get(k))) || touches(blocks.get(j + 1))
}

/// Whether heading `j` follows a line of text with no blank line between them (a
/// `# build the image` comment under `#!/bin/bash` in a pasted script). A heading above
/// a talk's level that is glued to the talk's text is such a comment, not the next
/// part of the notes: a writer sets a heading that holds talks apart.
fn glued_to_text(blocks: &[Block], j: usize) -> bool {
    let b = &blocks[j];
    j.checked_sub(1).and_then(|k| blocks.get(k)).is_some_and(|p| {
        p.end + 1 == b.line
            && matches!(p.kind, BlockKind::Paragraph { .. } | BlockKind::ListItem { .. } | BlockKind::Code { .. })
    })
}
