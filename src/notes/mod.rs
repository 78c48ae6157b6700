//! Stage 1 of the pipeline: find note files, read them, and split each into its
//! conference/day events and its talk sections, with 1-based line numbers.
//!
//! `read` turns bytes into text (decoding, warnings); a reader per markup (`markup`)
//! turns text into blocks (`document`), and the talk detector (`talks`) finds the
//! events and talks in them by evidence: [`analyse`] gives the [`Document`], the
//! structure only. Recognising speakers in the prose, technologies
//! and PEPs is the next stage's job (`extract`).

pub mod affiliation;
pub mod date;
pub mod document;
pub mod error;
pub mod event;
pub mod labels;
pub mod markup;
pub mod names;
pub mod read;
pub mod search;
pub mod talks;

use std::sync::Arc;

pub use error::NotesError;
pub use read::{decode, find_notes, find_notes_with, read_note, NoteFile};
pub use talks::Detector;

/// Splits `note` into its events and talks: the markup's reader makes blocks, the
/// detector finds the talks in them by evidence.
pub fn analyse<'a>(note: &'a Note, detector: &Detector) -> Document<'a> {
    // One index of the lines for the reader and the detector (the detector building a
    // second one was 26 M instructions on the 10 MB corpus).
    let lines = markup::LineIndex::new(&note.text);
    let blocks = detector.blocks_of(note, &lines);
    let mut doc = detector.detect_indexed(note, &blocks, &lines).doc;
    doc.line_starts = lines.into_starts();
    doc
}

/// [`analyse`] with a [`Detector`] of the shipped labels table, built for this call:
/// for callers that read a note or two (fuzzing, examples, tests). A run over many
/// files builds one [`Detector`] and calls [`analyse`] with it.
pub fn segment(note: &Note) -> Document<'_> {
    analyse(note, &Detector::new())
}

/// A note file read into memory as text.
#[derive(Debug, Clone)]
pub struct Note {
    /// Display name of the file (forward slashes), used in provenance and messages.
    pub file: Arc<str>,
    /// Stable key for ids (see [`NoteFile::key`]).
    pub key: Arc<str>,
    /// The whole text, decoded, with `\n` line endings (`\r\n` and `\r` are turned into `\n`).
    pub text: String,
    /// The markup the text is written in (by extension, and for text files by content:
    /// see [`markup::detect`]).
    pub markup: document::Markup,
}

/// One warning about the input, with the place it concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// The file the warning is about.
    pub file: Arc<str>,
    /// 1-based line, when the warning concerns one line.
    pub line: Option<u32>,
    /// What happened, as a sentence fragment without the `warning:` prefix.
    pub message: String,
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{}: {}", self.file, l, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

/// A conference or one day of it, as named in a heading or in front matter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventInfo {
    /// The conference name with its year, normalised for display: `EuroPython 2023`.
    pub name: String,
    /// The day number when the heading names one (`day 1`).
    pub day: Option<u32>,
    /// ISO date `YYYY-MM-DD`, when the notes give one.
    pub date: Option<String>,
    /// Line of the heading (or front matter field) that named it.
    pub line: u32,
}

/// What kind of section a talk is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SectionKind {
    /// An ordinary talk.
    Talk,
    /// A keynote.
    Keynote,
    /// One talk of a lightning-talk session.
    Lightning,
}

impl SectionKind {
    /// The lower-case name used in outputs (`talk`, `keynote`, `lightning`).
    pub fn name(self) -> &'static str {
        match self {
            SectionKind::Talk => "talk",
            SectionKind::Keynote => "keynote",
            SectionKind::Lightning => "lightning",
        }
    }
}

/// A name found at a line (a speaker named in a heading, a front matter field, ...).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    /// The name as written (trimmed).
    pub name: String,
    /// 1-based line.
    pub line: u32,
}

/// An organisation a talk's line gives some of its speakers: `Ana Ruiz (Acme)`,
/// `Ana Ruiz, Acme`, `Ana Ruiz works at Acme` ([`affiliation`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Affiliation {
    /// The organisation's name as written (`Kraken Technologies`).
    pub name: String,
    /// 1-based line it was named on (its speakers' line).
    pub line: u32,
    /// The names of the speakers it is given to, as in [`Section::speakers`].
    pub people: Vec<String>,
}

/// One talk section of a note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section<'a> {
    /// Talk, keynote or lightning talk.
    pub kind: SectionKind,
    /// The title, cleaned of markers (`Talk 3:`, `by NAME`, times). `Keynote` when a
    /// keynote has no title.
    pub title: String,
    /// Line where the talk starts (its heading, or its first line).
    pub line: u32,
    /// Index into [`Document::events`] of the event (day or conference) it belongs to.
    pub event: Option<usize>,
    /// Speakers given by the structure itself: `by NAME` / `(NAME)` in the heading,
    /// `- Speaker` in a numbered list, front matter `speaker`. Names in the body are
    /// found by the extractor.
    pub speakers: Vec<Named>,
    /// Who moderates it (a panel's `moderated by NAME`, a `Moderator:` field): given by
    /// the structure, never among [`speakers`](Self::speakers).
    pub moderators: Vec<Named>,
    /// The organisations the lines naming the speakers give them (`Ana Ruiz (Acme)`):
    /// none for a speaker the structure does not name.
    pub affiliations: Vec<Affiliation>,
    /// The body: every line after the heading (and after a title taken from the next
    /// line) up to the next section, verbatim, without the final line break. A talk
    /// followed by another on its own line (quoted titles in a line of prose) has the
    /// part of the line from where it starts to where the next one starts.
    pub body: &'a str,
    /// Line number of the first line of `body`.
    pub body_line: u32,
}

/// A note split into its structure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document<'a> {
    /// Display name of the file.
    pub file: Arc<str>,
    /// Stable key for ids (see [`NoteFile::key`]).
    pub key: Arc<str>,
    /// Conferences and days, in order of appearance. A day's entry names its conference
    /// (`name`) and has `day` set.
    pub events: Vec<EventInfo>,
    /// Talks, in order of appearance.
    pub sections: Vec<Section<'a>>,
    /// Tags from front matter (`tags:`), in order.
    pub tags: Vec<String>,
    /// Warnings about the structure (a heading with no title, ...).
    pub warnings: Vec<Warning>,
    /// The note's text, which the sections' bodies are parts of.
    pub text: &'a str,
    /// Where each line of [`text`](Self::text) starts (byte offsets, 0 first), as the
    /// reader indexed them: the extractor takes a body's lines from here instead of
    /// finding them again (empty when not known: they are then found).
    pub line_starts: Vec<usize>,
}
