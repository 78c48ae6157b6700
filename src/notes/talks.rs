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
use super::names::{self, Role};
use super::{Document, EventInfo, Named, Note, Section, SectionKind, Warning};

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
    /// An item of a lightning session: a quote line (`> Title`), a paragraph after an
    /// empty `>`, a list item.
    Item,
    /// The whole file (a note with no other talk).
    File,
}

impl Source {
    /// A short name for outputs.
    pub fn name(self) -> String {
        match self {
            Source::Heading(l) => format!("heading {l}"),
            Source::TableRow => "table row".into(),
            Source::Field => "field".into(),
            Source::LeadIn => "lead-in".into(),
            Source::ListItem => "list item".into(),
            Source::Prose => "prose".into(),
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
#[derive(Debug, Clone, Default)]
pub struct Detector {
    /// The words of every language for the parts of notes.
    pub labels: Labels,
}

impl Detector {
    /// Loads the shipped labels table.
    pub fn new() -> Detector {
        Detector::default()
    }

    /// Finds the events and talks of `note`, parsed into `blocks`.
    pub fn detect<'a>(&self, note: &'a Note, blocks: &Blocks) -> Detection<'a> {
        Run::new(self, note, blocks).run()
    }
}

// ---------------------------------------------------------------------------------

struct Run<'d, 'a, 'b> {
    d: &'d Detector,
    note: &'a Note,
    blocks: &'b [Block],
    /// Byte offset where each line starts (index 0 is line 1).
    starts: Vec<usize>,
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

fn push_ev(c: &mut Candidate, feature: &'static str, weight: i32) {
    c.evidence.push((feature, weight));
}

impl<'d, 'a, 'b> Run<'d, 'a, 'b> {
    fn new(d: &'d Detector, note: &'a Note, blocks: &'b Blocks) -> Self {
        let text = note.text.as_bytes();
        let mut starts = Vec::with_capacity(text.len() / 40 + 2);
        starts.push(0);
        starts.extend(memchr::memchr_iter(b'\n', text).map(|i| i + 1));
        Run {
            d,
            note,
            blocks: &blocks.blocks,
            starts,
            events: Vec::new(),
            conference: None,
            year: None,
            cands: Vec::new(),
            warnings: Vec::new(),
            tags: Vec::new(),
            structure: Vec::new(),
            file_speaker: None,
            session: None,
        }
    }

    fn labels(&self) -> &Labels {
        &self.d.labels
    }

    /// The text of line `line` when it is an ATX heading (`## Title ##`), without its
    /// markers.
    fn raw_atx(&self, line: u32) -> Option<&'a str> {
        let i = line.checked_sub(1)? as usize;
        let s = *self.starts.get(i)?;
        let e = self.starts.get(i + 1).map_or(self.note.text.len(), |&e| e - 1);
        let l = self.note.text.get(s..e.max(s))?.trim_end_matches('\r');
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
        Some(if closed.is_empty() || closed.ends_with(' ') { closed.trim_end() } else { rest })
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
            self.events.push(EventInfo { name, day: None, date: date.clone(), line });
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
            }
        }
        named
    }

    fn run(mut self) -> Detection<'a> {
        self.candidates();
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
            if let BlockKind::Paragraph { text } = &b.kind {
                if self.session_line(text) {
                    self.close_session();
                    self.session = Some(Session { level: 7, cand: None, items: 0, pending: false, quotes: false });
                    continue;
                }
            }
            match &b.kind {
                BlockKind::Properties(props) => self.properties(bi, props),
                BlockKind::Heading { level, text } => {
                    if self.heading(bi, b, *level, text) {
                        seen_talkish = true;
                    }
                }
                BlockKind::Paragraph { text } => {
                    self.paragraph(bi, b, text, seen_talkish);
                }
                BlockKind::ListItem { depth, marker, text } => {
                    self.list_item(bi, b, *depth, marker, text);
                }
                BlockKind::Table { header, rows } => self.table(bi, header.as_ref(), rows),
                BlockKind::Code { .. } | BlockKind::Quote { .. } | BlockKind::Separator => {}
            }
            if self.cands.last().is_some_and(|c| c.block == bi) {
                seen_talkish = true;
            }
        }
        self.close_session();
    }

    /// Front matter, an Org drawer or `#+KEY:` lines, `key:: value`.
    fn properties(&mut self, bi: usize, props: &[Property]) {
        // An e-mail's headers (two or more of From, To, Subject, Date, ... in any of the
        // languages): the subject may name the event; the date is when the mail was
        // sent, not the event's, and the people are its senders and readers.
        let headers = props.iter().filter(|p| mail_header(&p.key.trim().to_lowercase()).is_some()).count();
        if headers >= 2 {
            for p in props {
                if mail_header(&p.key.trim().to_lowercase()) == Some(MailHeader::Subject) {
                    let ev = event::parse(&p.value, self.labels(), self.year);
                    self.event_line(ev, p.line, false);
                }
            }
            return;
        }
        // Speaker fields right after a candidate (an Org drawer under its heading).
        let after_candidate = self.cands.last().filter(|c| c.block + 1 == bi || c.block + 2 == bi).is_some();
        for p in props {
            let key = p.key.trim().to_lowercase();
            let labels = self.labels();
            let is_speaker = labels.is(&key, Concept::Speaker);
            let is_moderator = labels.is(&key, Concept::Moderator);
            if (is_speaker || is_moderator) && after_candidate {
                let people = names::people(&p.value, labels, true).unwrap_or_default();
                let c = self.cands.last_mut().expect("checked above");
                for (name, role) in people {
                    let role = if is_moderator { Role::Moderator } else { role };
                    c.speakers.push((Named { name, line: p.line }, role));
                }
                if !c.evidence.iter().any(|(f, _)| *f == "speaker field") {
                    push_ev(c, "speaker field", 2);
                }
                continue;
            }
            match key.as_str() {
                "title" | "conference" | "event" | "conf" => {
                    let ev = event::parse(&p.value, self.labels(), self.year);
                    let lenient = key != "title" && ev.name.is_none() && self.conference.is_none();
                    if !self.event_line(ev, p.line, false) && lenient {
                        self.events.push(EventInfo { name: p.value.clone(), day: None, date: None, line: p.line });
                        self.conference = Some(self.events.len() - 1);
                    }
                }
                "date" => {
                    let ev = EventLine { date: date::find(&p.value, self.labels(), self.year), ..EventLine::default() };
                    if let Some(Found::Date(d, _)) = &ev.date {
                        self.year.get_or_insert(d.year);
                        if self.conference.is_none() {
                            // Kept until the conference is named.
                            self.events.push(EventInfo {
                                name: String::new(),
                                day: None,
                                date: Some(d.iso()),
                                line: p.line,
                            });
                            self.conference = Some(self.events.len() - 1);
                            continue;
                        }
                    }
                    self.event_line(ev, p.line, false);
                }
                "day" => {
                    if let Ok(n) = p.value.trim().parse::<u32>() {
                        let name = self.conference.map(|c| self.events[c].name.clone()).unwrap_or_default();
                        self.events.push(EventInfo { name, day: Some(n), date: None, line: p.line });
                    }
                }
                "tags" | "filetags" | "keywords" => {
                    for t in p.value.split([',', ':', ' ']).map(str::trim).filter(|t| !t.is_empty()) {
                        self.tags.push(t.trim_start_matches('#').to_string());
                    }
                }
                _ => {}
            }
        }
    }

    /// A heading: an event or a day, or a candidate. Returns whether it is a candidate.
    fn heading(&mut self, bi: usize, b: &Block, level: u8, text: &str) -> bool {
        // An ATX heading's own line, as written: a reader may drop inline HTML or
        // resolve escapes in its text, a title keeps every character.
        let raw = self.raw_atx(b.line);
        let text = raw.unwrap_or(text);
        let plain = strip_inline(text);
        let plain = plain.trim();
        if plain.len() > 10_000 {
            self.warn(b.line, "a heading of more than 10,000 bytes is no title: read as text".into());
            return false;
        }
        let labels = self.labels();
        let is_talk_label = |c: &Concept| {
            matches!(c, Concept::Talk | Concept::Keynote | Concept::Lightning | Concept::Panel | Concept::Workshop)
        };
        let mut lead = labels.leading(plain).map(|(c, r)| (c.to_vec(), r));
        // A label after a time (`15:00 — Lightning talks`, `09:00 Keynote: Title`).
        if !lead.as_ref().is_some_and(|(c, _)| c.iter().any(is_talk_label)) {
            if let Some((after_time, _)) = strip_time(plain) {
                if let Some((c, r)) = labels.leading(after_time).filter(|(c, _)| c.iter().any(is_talk_label)) {
                    lead = Some((c.to_vec(), r));
                }
            }
        }
        let talk_label = lead.as_ref().and_then(|(c, _)| c.iter().copied().find(is_talk_label));
        // A day or the event.
        if talk_label.is_none() || lead.as_ref().is_some_and(|(c, _)| c.contains(&Concept::Day)) {
            let ev = event::parse(plain, labels, self.year);
            let day_heading = ev.day.is_some() && lead.as_ref().is_some_and(|(c, _)| c.contains(&Concept::Day));
            let event_heading = ev.name.is_some() && self.conference.is_none();
            let date_only = ev.name.is_none() && ev.day.is_none() && date_heading(plain, labels);
            if day_heading || event_heading || date_only {
                self.event_line(ev, b.line, true);
                self.structure.push(bi);
                return false;
            }
        }
        // A person's name as the first heading: the speaker of the file's talk.
        if bi < 3 && self.cands.is_empty() && self.file_speaker.is_none() && names::is_name(plain, false) {
            self.file_speaker = Some(Named { name: plain.to_string(), line: b.line });
            self.structure.push(bi);
            return false;
        }
        let mut c = Candidate {
            line: b.line,
            source: Source::Heading(level),
            title: String::new(),
            kind: SectionKind::Talk,
            speakers: Vec::new(),
            evidence: Vec::new(),
            talk: false,
            note: None,
            body_line: b.end + 1,
            block: bi,
        };
        if looks_like_code(plain) {
            push_ev(&mut c, "code, not a title", -8);
        }
        let whole = labels.whole(plain);
        let todo = plain.starts_with("TODO ") || plain.starts_with("DONE ") || plain == "TODO";
        if todo
            || whole.iter().any(|c| matches!(c, Concept::Break | Concept::Aside | Concept::Notes | Concept::Questions))
        {
            let why = if todo { "a to-do" } else { "a break, notes or an aside" };
            push_ev(&mut c, why, -6);
        } else if lead.as_ref().is_some_and(|(c, r)| {
            c.iter().any(|c| matches!(c, Concept::Break | Concept::Aside | Concept::Notes))
                && r.split_whitespace().count() <= 3
        }) {
            push_ev(&mut c, "a break, notes or an aside", -6);
        }
        // The title: a time, a label, `by NAME`, `(NAME)`.
        let (rest, time) = match strip_time(plain) {
            Some((r, _)) => (r, true),
            None => (plain, false),
        };
        if time {
            push_ev(&mut c, "a time", 2);
        }
        let mut rest = rest;
        if let Some(kind) = talk_label {
            push_ev(&mut c, "a talk label", 3);
            c.kind = kind_of(kind);
            let after = lead.as_ref().map_or(rest, |(_, r)| *r);
            // `Talk 3: Title`, `Talk3 Hpy`: a number after the label.
            let after = after.trim_start_matches(|ch: char| ch.is_ascii_digit() || ch == '#').trim_start();
            let after = after.trim_start_matches([':', '.', ')', '-', '—', '–', '|']).trim_start();
            rest = after;
        }
        let (title, people) = title_and_people(rest, labels, true, false);
        if !people.is_empty() {
            push_ev(&mut c, "a person named in it", 2);
            c.speakers = people.into_iter().map(|(n, r)| (Named { name: n, line: b.line }, r)).collect();
        }
        let mut title = title;
        if title.is_empty() && talk_label.is_some() && c.kind != SectionKind::Lightning {
            // `## Talk 2:` with the title on the next line.
            if let Some((t, end)) = self.title_line(bi + 1) {
                title = t;
                c.body_line = end + 1;
            }
        }
        let session = c.kind == SectionKind::Lightning && c.speakers.is_empty();
        c.title = if title.is_empty() {
            match c.kind {
                SectionKind::Keynote => "Keynote".into(),
                SectionKind::Lightning => "Lightning talks".into(),
                SectionKind::Talk => clean_title(plain),
            }
        } else {
            title
        };
        if c.title.is_empty() {
            return false;
        }
        self.cands.push(c);
        if session {
            // A lightning session: its items are talks.
            self.close_session();
            self.session =
                Some(Session { level, cand: Some(self.cands.len() - 1), items: 0, pending: false, quotes: false });
        }
        true
    }

    /// The title written on the line after a label heading (`## Talk 2:`, then
    /// `Making f-strings faster`): block `bi` when it is a one-line paragraph that reads
    /// as a title (short, not a name, not a label, not a sentence ending in `:`), with
    /// its last line.
    fn title_line(&self, bi: usize) -> Option<(String, u32)> {
        let b = self.blocks.get(bi)?;
        let BlockKind::Paragraph { text } = &b.kind else { return None };
        if text.contains('\n') {
            return None;
        }
        let plain = strip_inline(text);
        let t = plain.trim();
        let words = t.split_whitespace().count();
        if !(1..=14).contains(&words) || t.len() > 120 || t.ends_with(':') || t.contains("://") {
            return None;
        }
        if names::is_name(t, false) || self.labels().leading(t).is_some() {
            return None;
        }
        let title = clean_title(t);
        (!title.is_empty()).then_some((title, b.end))
    }

    // -----------------------------------------------------------------------------
    // Lightning sessions

    /// Whether paragraph `text` is a line naming a lightning session
    /// (`Lightning talks`, `Blitzvorträge (5 Minuten)`).
    fn session_line(&self, text: &str) -> bool {
        if text.contains('\n') || text.len() > 80 {
            return false;
        }
        let plain = strip_inline(text);
        let plain = plain.trim();
        let t = strip_time(plain).map_or(plain, |(r, _)| r);
        self.labels().leading(t).is_some_and(|(c, r)| {
            c.contains(&Concept::Lightning) && (r.split_whitespace().count() <= 4 || r.starts_with('('))
        })
    }

    /// Reads block `bi` as an item of the open lightning session; returns whether it
    /// was one (or an item's marker).
    fn session_item(&mut self, bi: usize, b: &Block) -> bool {
        let Some(mut session) = self.session else { return false };
        let used = match &b.kind {
            BlockKind::Quote { text } => {
                session.quotes = true;
                if text.trim().is_empty() {
                    // `>` alone: the next paragraph names the item.
                    session.pending = true;
                } else {
                    session.pending = false;
                    for (k, l) in text.split('\n').enumerate() {
                        if self.item(bi, b.line + k as u32, l) {
                            session.items += 1;
                        }
                    }
                }
                true
            }
            BlockKind::Paragraph { text } if session.pending => {
                session.pending = false;
                if self.item(bi, b.line, text.split('\n').next().unwrap_or("")) {
                    session.items += 1;
                    if let Some(c) = self.cands.last_mut() {
                        c.body_line = b.line + 1;
                    }
                }
                true
            }
            BlockKind::ListItem { depth: 0, marker, text } if !session.quotes && !marker.contains('[') => {
                let before = self.cands.len();
                self.list_item(bi, b, 0, marker, text);
                if self.cands.len() > before {
                    self.cands[before].kind = SectionKind::Lightning;
                    session.items += 1;
                } else if self.item(bi, b.line, text.split('\n').next().unwrap_or("")) {
                    session.items += 1;
                }
                true
            }
            _ => false,
        };
        self.session = Some(session);
        used
    }

    /// An item of a lightning session at `line`: its title, and a name when it gives
    /// one (`Title (Name)`, `Title - Name`, `Title by Name`). Returns whether it is one.
    fn item(&mut self, bi: usize, line: u32, text: &str) -> bool {
        let plain = strip_inline(text);
        let first = plain.trim();
        if first.is_empty() || first.len() > 300 {
            return false;
        }
        let (title, people) = title_and_people(first, self.labels(), true, true);
        if title.is_empty() {
            return false;
        }
        let mut c = self.new_candidate(bi, line, Source::Item, title);
        c.kind = SectionKind::Lightning;
        push_ev(&mut c, "an item of a lightning session", THRESHOLD);
        if !people.is_empty() {
            push_ev(&mut c, "a person named in it", 2);
            c.speakers = people.into_iter().map(|(n, r)| (Named { name: n, line }, r)).collect();
        }
        c.body_line = line + 1;
        self.cands.push(c);
        true
    }

    /// Ends the open lightning session: a session heading with items holds talks and is
    /// not one itself.
    fn close_session(&mut self) {
        if let Some(Session { cand: Some(i), items, .. }) = self.session.take() {
            if items > 0 {
                push_ev(&mut self.cands[i], "holds lightning talks", -8);
            }
        }
    }

    fn new_candidate(&self, bi: usize, line: u32, source: Source, title: String) -> Candidate {
        Candidate {
            line,
            source,
            title,
            kind: SectionKind::Talk,
            speakers: Vec::new(),
            evidence: Vec::new(),
            talk: false,
            note: None,
            body_line: line,
            block: bi,
        }
    }

    /// A paragraph: the event in the first lines, a labelled field, a lead-in line,
    /// titles in prose, a speaker line under a heading.
    fn paragraph(&mut self, bi: usize, b: &Block, text: &str, seen_talkish: bool) {
        let lines: Vec<&str> = text.split('\n').collect();
        let first = strip_inline(lines[0]);
        let first = first.trim();
        // A speaker line right under a heading candidate.
        if let Some(c) = self.cands.last() {
            if c.block + 1 == bi && matches!(c.source, Source::Heading(_)) && c.speakers.is_empty() {
                let labels = self.labels();
                let (field, value) = match labels.leading(first) {
                    Some((cs, r)) if cs.contains(&Concept::Speaker) || cs.contains(&Concept::Moderator) => (true, r),
                    _ => (false, first),
                };
                let value = value.strip_prefix("by ").or_else(|| value.strip_prefix("By ")).unwrap_or(value);
                // `A talk by NAME`, `Vortrag von NAME`: a short line naming the speaker.
                let value = match value.find(" by ").or_else(|| value.find(" von ")) {
                    Some(i) if value[..i].split_whitespace().count() <= 3 => &value[i + 4..],
                    _ => value,
                };
                if let Some(people) = names::people(value, labels, field) {
                    let c = self.cands.last_mut().expect("checked");
                    c.speakers = people.into_iter().map(|(n, r)| (Named { name: n, line: b.line }, r)).collect();
                    push_ev(c, "a name line under it", 2);
                    return;
                }
            }
        }
        // The event: an e-mail subject, the first lines of the note.
        let mut fields = 0;
        for (k, l) in lines.iter().enumerate() {
            let line = b.line + k as u32;
            let l = l.trim();
            let lower_key = l.split_once(':').map(|(k, _)| k.trim().to_lowercase());
            match lower_key.as_deref() {
                Some(k) if mail_header(k) == Some(MailHeader::Subject) => {
                    let ev = event::parse(l, self.labels(), self.year);
                    self.event_line(ev, line, false);
                    fields += 1;
                }
                Some(k) if mail_header(k).is_some() => fields += 1,
                _ => {}
            }
        }
        if fields >= 2 {
            return;
        }
        if !seen_talkish {
            let ev = event::parse(first, self.labels(), self.year);
            let useful = ev.name.is_some() && self.conference.is_none()
                || ev.date.is_some()
                || ev.day.is_some() && ev.name.is_some();
            if useful && first.len() <= 160 {
                let lenient_name = ev.name.is_none() && self.conference.is_none() && b.line == 1;
                let ev = if lenient_name { lower_case_event(first, self.labels(), ev) } else { ev };
                self.event_line(ev, b.line, false);
                if lines.len() == 1 {
                    return;
                }
            } else if self.conference.is_some_and(|c| self.events[c].date.is_none()) {
                // A date in the preamble (`day one … (5 November)`).
                let joined = lines.join(" ");
                if let Some(found) = date::find(&joined, self.labels(), self.year) {
                    self.event_line(EventLine { date: Some(found), ..EventLine::default() }, b.line, false);
                }
            }
        }
        // A labelled field: `Vortrag: Title` then `Sprecherin: Name`.
        if let Some(c) = self.field(bi, b.line, &lines) {
            self.cands.push(c);
            return;
        }
        // A lead-in line: `next talk - title (name)`.
        if let Some(c) = self.lead_in(bi, b.line, first, lines.get(1).copied()) {
            self.cands.push(c);
            return;
        }
        // Titles in prose.
        self.prose(bi, b, &lines);
    }

    /// `Vortrag: Title` (any talk label) as the first line, perhaps with a speaker field
    /// on the next lines.
    fn field(&self, bi: usize, line: u32, lines: &[&str]) -> Option<Candidate> {
        let labels = self.labels();
        let first = strip_inline(lines[0]);
        let (concepts, rest) = labels.leading(first.trim())?;
        let kind = concepts.iter().copied().find(|c| {
            matches!(c, Concept::Talk | Concept::Keynote | Concept::Lightning | Concept::Panel | Concept::Workshop)
        })?;
        // A field has a separator after its label.
        let sep = first
            .trim()
            .get(..first.trim().len() - rest.len())
            .is_some_and(|l| l.contains(':') || l.contains('—') || l.contains(" - "));
        if !sep || rest.is_empty() || rest.len() > 200 {
            return None;
        }
        let (title, people) = title_and_people(rest, labels, false, false);
        let mut c = self.new_candidate(bi, line, Source::Field, title);
        c.kind = kind_of(kind);
        push_ev(&mut c, "a talk label", 3);
        if !people.is_empty() {
            push_ev(&mut c, "a person named in it", 2);
            c.speakers = people.into_iter().map(|(n, r)| (Named { name: n, line }, r)).collect();
        }
        let mut body = 1;
        for (k, l) in lines.iter().enumerate().skip(1).take(3) {
            let l = strip_inline(l);
            match labels.leading(l.trim()) {
                Some((cs, r)) if cs.contains(&Concept::Speaker) || cs.contains(&Concept::Moderator) => {
                    let moderator = cs.contains(&Concept::Moderator) && !cs.contains(&Concept::Speaker);
                    if let Some(people) = names::people(r, labels, true) {
                        for (n, role) in people {
                            let role = if moderator { Role::Moderator } else { role };
                            c.speakers.push((Named { name: n, line: line + k as u32 }, role));
                        }
                        if !c.evidence.iter().any(|(f, _)| *f == "speaker field") {
                            push_ev(&mut c, "speaker field", 2);
                        }
                        body = k + 1;
                    }
                }
                _ => break,
            }
        }
        c.body_line = line + body as u32;
        (!c.title.is_empty()).then_some(c)
    }

    /// `next talk - title (name)`, `after lunch: title - name`, `last one, …`.
    fn lead_in(&self, bi: usize, line: u32, first: &str, _second: Option<&str>) -> Option<Candidate> {
        let labels = self.labels();
        if first.len() > 300 {
            return None;
        }
        let (cs, _) = labels.leading(first)?;
        if !cs.contains(&Concept::Next) {
            return None;
        }
        // Up to four words of lead-in, then a separator.
        let sep_at = first.char_indices().find(|(_, ch)| matches!(ch, ':' | '-' | '—' | '–' | ','))?.0;
        let lead = &first[..sep_at];
        let words: Vec<&str> = lead.split_whitespace().collect();
        if words.is_empty() || words.len() > 4 {
            return None;
        }
        let talkish = words.iter().any(|w| {
            let c = labels.lookup(w);
            c.iter().any(|c| {
                matches!(c, Concept::Talk | Concept::Keynote | Concept::Break | Concept::Panel | Concept::Workshop)
            }) || matches!(w.to_lowercase().as_str(), "one" | "speaker" | "up")
        });
        if !talkish {
            return None;
        }
        let rest = first[sep_at..].trim_start_matches([':', '-', '—', '–', ',']).trim();
        let mut c;
        if first[sep_at..].starts_with(',') {
            // `last one, no idea who …`: the whole line is what we have.
            c = self.new_candidate(bi, line, Source::LeadIn, clean_title(first));
        } else {
            let (title, people) = title_and_people(rest, labels, true, true);
            c = self.new_candidate(bi, line, Source::LeadIn, title);
            if !people.is_empty() {
                push_ev(&mut c, "a person named in it", 2);
                c.speakers = people.into_iter().map(|(n, r)| (Named { name: n, line }, r)).collect();
            }
        }
        push_ev(&mut c, "a lead-in", 2);
        c.body_line = line + 1;
        (!c.title.is_empty()).then_some(c)
    }

    /// `**"Title"** by Name`, `"Title" by Name`, `Name's talk on title.`
    fn prose(&mut self, bi: usize, b: &Block, lines: &[&str]) {
        if lines.len() > 200 {
            return;
        }
        let joined = lines.join(" ");
        let plain = strip_inline(&joined);
        let labels = &self.d.labels;
        let mut found: Vec<Candidate> = Vec::new();
        // Quoted titles followed by `by`.
        let mut from = 0;
        while let Some(q) = plain[from..].find(['"', '“']) {
            let open = from + q;
            let oc = plain[open..].chars().next().unwrap_or('"');
            let close_ch = if oc == '“' { '”' } else { '"' };
            let after_open = open + oc.len_utf8();
            let Some(len) = plain[after_open..].find(close_ch) else { break };
            let title = &plain[after_open..after_open + len];
            let next = after_open + len + close_ch.len_utf8();
            from = next;
            let tail = plain[next..].trim_start();
            let Some(by) = tail.strip_prefix("by ") else { continue };
            let name_end = by.find(['.', ',', ';', '(', ':']).unwrap_or(by.len());
            let name = by[..name_end].trim();
            let name = first_name_words(name);
            if !names::is_name(name, false) || title.split_whitespace().count() < 2 {
                continue;
            }
            let line = b.line + line_of(lines, &joined, &plain, open);
            let mut c = self.new_candidate(bi, line, Source::Prose, clean_title(title));
            push_ev(&mut c, "a quoted title", 2);
            push_ev(&mut c, "a person named in it", 2);
            c.speakers.push((Named { name: name.to_string(), line }, Role::Speaker));
            found.push(c);
        }
        // `Name's talk on title`.
        if found.is_empty() {
            for pat in ["'s talk on ", "’s talk on ", "'s talk about ", "’s talk about "] {
                let Some(at) = plain.find(pat) else { continue };
                let before = &plain[..at];
                let words: Vec<&str> = before.split_whitespace().collect();
                let mut name = None;
                for n in (2..=4).rev() {
                    if words.len() >= n {
                        let cand = words[words.len() - n..].join(" ");
                        if names::is_name(&cand, false) {
                            name = Some(cand);
                            break;
                        }
                    }
                }
                let Some(name) = name else { continue };
                let rest = &plain[at + pat.len()..];
                let end = rest.find(['.', ';', '(']).unwrap_or(rest.len());
                let title = clean_title(&rest[..end]);
                if title.is_empty() {
                    continue;
                }
                let line = b.line + line_of(lines, &joined, &plain, at);
                let mut c = self.new_candidate(bi, line, Source::Prose, title);
                push_ev(&mut c, "a talk named in prose", 2);
                push_ev(&mut c, "a person named in it", 2);
                c.speakers.push((Named { name, line }, Role::Speaker));
                found.push(c);
                break;
            }
        }
        let _ = labels;
        self.cands.extend(found);
    }

    /// `Name: Title`, `Title - Name`, `Title (Name)` as a list item; and labelled fields
    /// and lead-ins written as list items.
    fn list_item(&mut self, bi: usize, b: &Block, depth: u8, marker: &str, text: &str) {
        if marker.contains('[') || depth > 1 {
            return;
        }
        let lines: Vec<&str> = text.split('\n').collect();
        let first = strip_inline(lines[0]);
        let first = first.trim();
        if first.len() > 300 {
            return;
        }
        if let Some(c) = self.field(bi, b.line, &lines) {
            self.cands.push(c);
            return;
        }
        if let Some(c) = self.lead_in(bi, b.line, first, None) {
            self.cands.push(c);
            return;
        }
        let labels = self.labels();
        // `Name: Title`.
        if let Some((name, title)) = first.split_once(": ") {
            if let Some(people) = names::people(name, labels, false) {
                let title = clean_title(title);
                if title.split_whitespace().count() >= 2 {
                    let mut c = self.new_candidate(bi, b.line, Source::ListItem, title);
                    push_ev(&mut c, "a person named in it", 2);
                    c.speakers = people.into_iter().map(|(n, r)| (Named { name: n, line: b.line }, r)).collect();
                    c.body_line = b.line + 1;
                    self.cands.push(c);
                    return;
                }
            }
        }
        let (title, people) = title_and_people(first, labels, false, true);
        if !people.is_empty() && title.split_whitespace().count() >= 2 {
            let mut c = self.new_candidate(bi, b.line, Source::ListItem, title);
            push_ev(&mut c, "a person named in it", 2);
            c.speakers = people.into_iter().map(|(n, r)| (Named { name: n, line: b.line }, r)).collect();
            c.body_line = b.line + 1;
            self.cands.push(c);
        }
    }

    /// Rows whose cells hold a title and a name, perhaps a time.
    fn table(&mut self, bi: usize, header: Option<&Row>, rows: &[Row]) {
        let labels = self.labels();
        let col = |concept: Concept| -> Option<usize> {
            header?.cells.iter().position(|h| {
                let h = strip_inline(h);
                labels.is(h.trim(), concept) || labels.leading(h.trim()).is_some_and(|(c, _)| c.contains(&concept))
            })
        };
        let title_col = col(Concept::Title).or_else(|| col(Concept::Talk));
        let speaker_col = col(Concept::Speaker);
        let time_col = col(Concept::Time);
        let mut made = Vec::new();
        for row in rows {
            let cells: Vec<String> = row.cells.iter().map(|c| strip_inline(c).trim().to_string()).collect();
            let mut time = time_col.and_then(|i| cells.get(i)).is_some_and(|t| strip_time(t).is_some());
            let mut speaker = speaker_col.and_then(|i| cells.get(i)).cloned();
            let mut title = title_col.and_then(|i| cells.get(i)).cloned();
            if title.is_none() {
                // No header to go by: a time cell, a name cell, the longest other cell.
                let mut best: Option<usize> = None;
                for (i, cell) in cells.iter().enumerate() {
                    if strip_time(cell).is_some_and(|(r, _)| r.is_empty()) {
                        time = true;
                    } else if speaker.is_none() && names::people(cell, labels, false).is_some() {
                        speaker = Some(cell.clone());
                    } else if best.is_none_or(|j| cells[j].len() < cell.len()) {
                        best = Some(i);
                    }
                }
                title = best.map(|i| cells[i].clone());
            }
            let Some(title_text) = title.filter(|t| !t.is_empty()) else { continue };
            let lead = labels.leading(&title_text).map(|(c, r)| (c.to_vec(), r.to_string()));
            let mut c = self.new_candidate(bi, row.line, Source::TableRow, clean_title(&title_text));
            push_ev(&mut c, "a title cell", 1);
            if let Some((cs, r)) = &lead {
                if let Some(k) = cs.iter().copied().find(|c| {
                    matches!(
                        c,
                        Concept::Talk | Concept::Keynote | Concept::Lightning | Concept::Panel | Concept::Workshop
                    )
                }) {
                    c.kind = kind_of(k);
                    if !r.is_empty() {
                        c.title = clean_title(r);
                    }
                    push_ev(&mut c, "a talk label", 3);
                }
            }
            if !labels.whole(&title_text).is_empty()
                && lead.as_ref().is_none_or(|(cs, _)| cs.iter().any(|c| matches!(c, Concept::Break | Concept::Aside)))
            {
                push_ev(&mut c, "a break, notes or an aside", -6);
            }
            if time {
                push_ev(&mut c, "a time", 1);
            }
            if let Some(people) = speaker.as_deref().and_then(|s| names::people(s, labels, true)) {
                push_ev(&mut c, "a person named in it", 2);
                c.speakers = people.into_iter().map(|(n, r)| (Named { name: n, line: row.line }, r)).collect();
            }
            c.body_line = row.line;
            made.push(c);
        }
        if made.len() >= 2 {
            for c in &mut made {
                push_ev(c, "siblings of the same shape", 1);
            }
        }
        self.cands.extend(made);
    }

    // -----------------------------------------------------------------------------
    // Scoring in context

    fn score(&mut self) {
        let blocks = self.blocks;
        // Content after each heading: the blocks before the next heading.
        let mut next_heading = vec![blocks.len(); blocks.len() + 1];
        for i in (0..blocks.len()).rev() {
            next_heading[i] = if matches!(blocks[i].kind, BlockKind::Heading { .. }) { i } else { next_heading[i + 1] };
        }
        for c in &mut self.cands {
            if let Source::Heading(_) = c.source {
                let after = c.block + 1;
                let n = next_heading[after.min(blocks.len())] - after.min(blocks.len());
                let content = blocks[after.min(blocks.len())..after.min(blocks.len()) + n]
                    .iter()
                    .filter(|b| !matches!(b.kind, BlockKind::Separator | BlockKind::Properties(_)))
                    .count();
                match content {
                    0 => push_ev(c, "no content after it", -1),
                    1 | 2 => push_ev(c, "content after it", 1),
                    _ => push_ev(c, "content after it", 2),
                }
            }
        }
        // Siblings of list items: a run of candidate items.
        let mut i = 0;
        while i < self.cands.len() {
            if self.cands[i].source != Source::ListItem {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < self.cands.len() && self.cands[j].source == Source::ListItem {
                j += 1;
            }
            if j - i >= 2 {
                for c in &mut self.cands[i..j] {
                    push_ev(c, "siblings of the same shape", 1);
                }
            }
            i = j;
        }
        // Lead-ins: siblings.
        let leadins = self.cands.iter().filter(|c| c.source == Source::LeadIn).count();
        if leadins >= 2 {
            for c in self.cands.iter_mut().filter(|c| c.source == Source::LeadIn) {
                push_ev(c, "siblings of the same shape", 1);
            }
        }
        // A file that is one talk: its first block is its only top heading (not the
        // event's), and no deeper heading has evidence of its own (a label, a time, a
        // name): the deeper headings are the talk's parts.
        let top = blocks.first().and_then(|b| match b.kind {
            BlockKind::Heading { level, .. } => Some(level),
            _ => None,
        });
        if let (Some(top), None) = (top, self.conference) {
            let strong = |c: &Candidate| {
                c.evidence.iter().any(|(f, w)| {
                    *w > 0
                        && matches!(
                            *f,
                            "a talk label"
                                | "a time"
                                | "a person named in it"
                                | "a name line under it"
                                | "speaker field"
                        )
                })
            };
            let alone = !blocks[1..].iter().any(|b| matches!(b.kind, BlockKind::Heading { level, .. } if level <= top));
            let parts_weak = self.cands.iter().filter(|c| c.block != 0).all(|c| !strong(c));
            if alone && parts_weak && self.cands.first().is_some_and(|c| c.block == 0) {
                for c in &mut self.cands {
                    if c.block == 0 {
                        push_ev(c, "the file's title", THRESHOLD);
                    } else if matches!(c.source, Source::Heading(_)) {
                        push_ev(c, "a part of the file's talk", -3);
                    }
                }
                return;
            }
        }
        // The heading level that carries the talks: the one with the most positive
        // evidence of its own; deeper headings under a talk are its parts.
        let mut per_level = [0i32; 8];
        for c in &self.cands {
            if let Source::Heading(l) = c.source {
                let s = c.score();
                if s >= 2 {
                    per_level[usize::from(l.min(7))] += s;
                }
            }
        }
        let talk_level = (1..8).max_by_key(|&l| (per_level[l], std::cmp::Reverse(l))).filter(|&l| per_level[l] > 0);
        let Some(talk_level) = talk_level else { return };
        let talk_level = talk_level as u8;
        let mut inside_talk: Option<u8> = None;
        let n_at_level = self.cands.iter().filter(|c| c.source == Source::Heading(talk_level)).count();
        for c in &mut self.cands {
            let Source::Heading(l) = c.source else { continue };
            let strong = c.evidence.iter().any(|(f, w)| {
                *w > 0
                    && matches!(
                        *f,
                        "a talk label" | "a time" | "a person named in it" | "a name line under it" | "speaker field"
                    )
            });
            if l == talk_level {
                if n_at_level >= 2 {
                    push_ev(c, "siblings of the same shape", 1);
                }
                inside_talk = (c.score() >= THRESHOLD).then_some(l);
            } else if l < talk_level {
                if !strong {
                    push_ev(c, "holds the talks", -3);
                }
                inside_talk = None;
            } else if inside_talk.is_some_and(|t| l > t) && !strong {
                push_ev(c, "a part of a talk", -3);
            }
        }
    }

    // -----------------------------------------------------------------------------
    // Deciding, merging, cutting bodies

    fn decide(mut self) -> Detection<'a> {
        for c in &mut self.cands {
            c.talk = c.score() >= THRESHOLD;
        }
        self.merge_duplicates();
        for c in &mut self.cands {
            if c.note.is_none() && !c.talk {
                c.note = Some(format!("score {} < {THRESHOLD}", c.score()));
            }
        }
        let blocks = self.blocks;
        let mut accepted: Vec<usize> = (0..self.cands.len()).filter(|&i| self.cands[i].talk).collect();
        if accepted.is_empty() {
            self.whole_file();
            accepted = (0..self.cands.len()).filter(|&i| self.cands[i].talk).collect();
        }
        // The blocks that end a talk: headings (any heading ends a talk that is not a
        // heading; a heading talk ends at a heading of its level or higher), breaks.
        let mut sections = Vec::with_capacity(accepted.len());
        let mut ends = Vec::with_capacity(accepted.len());
        let mut bi = 0;
        let mut day_event: Option<usize> = self.conference;
        let mut ev_i = 0;
        let mut event_lines: Vec<(u32, usize)> = self.events.iter().enumerate().map(|(i, e)| (e.line, i)).collect();
        event_lines.sort();
        for (k, &ci) in accepted.iter().enumerate() {
            let c = &self.cands[ci];
            while ev_i < event_lines.len() && event_lines[ev_i].0 <= c.line {
                let e = &self.events[event_lines[ev_i].1];
                if e.day.is_some() || self.conference == Some(event_lines[ev_i].1) {
                    day_event = Some(event_lines[ev_i].1);
                }
                ev_i += 1;
            }
            let next_line = accepted.get(k + 1).map_or(u32::MAX, |&n| self.cands[n].line);
            let level = match c.source {
                Source::Heading(l) => l,
                Source::File => 0,
                _ => u8::MAX,
            };
            // Walk the blocks from the talk's own to the first that ends it.
            while bi < blocks.len() && blocks[bi].line <= c.line {
                bi += 1;
            }
            let own_end = match c.source {
                Source::Heading(_) | Source::TableRow | Source::File => c.line,
                _ => blocks.get(c.block).map_or(c.line, |b| b.end),
            };
            let mut last = c.body_line.saturating_sub(1).max(own_end).min(next_line.saturating_sub(1).max(c.line));
            let mut j = bi;
            while j < blocks.len() && blocks[j].line < next_line {
                let b = &blocks[j];
                let ends_here = match &b.kind {
                    BlockKind::Heading { level: l, text } => {
                        (level == u8::MAX || *l <= level)
                            && !looks_like_code(&strip_inline(text))
                            && !in_comment_run(blocks, j)
                    }
                    BlockKind::Paragraph { text } if level == u8::MAX => {
                        // A break (`Mittagspause, Brezeln.`), a sign-off (`Cheers,`), a
                        // signature (`--`).
                        let t = text.trim();
                        t.starts_with("--")
                            || t.len() < 80
                                && self.d.labels.leading(t).is_some_and(|(cs, r)| {
                                    cs.contains(&Concept::Signoff)
                                        || cs.contains(&Concept::Break) && r.split_whitespace().count() <= 4
                                })
                    }
                    _ => false,
                };
                if ends_here && level != 0 {
                    break;
                }
                last = last.max(b.end.min(next_line.saturating_sub(1)));
                j += 1;
            }
            if c.source == Source::TableRow {
                last = c.line;
            }
            let body = self.slice(c.body_line, last);
            let speakers: Vec<Named> = c.speakers.iter().map(|(n, _)| n.clone()).collect();
            sections.push(Section {
                kind: c.kind,
                title: c.title.clone(),
                line: c.line,
                event: day_event,
                speakers,
                body,
                body_line: c.body_line,
            });
            ends.push(last.max(c.line));
        }
        // Drop an event placeholder that never got a name (a date with no conference).
        let file_stem = file_stem(&self.note.file);
        if let Some(ci) = self.conference {
            if self.events[ci].name.is_empty() {
                let ev = event::from_file_name(file_stem, &self.d.labels);
                if let Some(n) = ev.name {
                    self.events[ci].name = n;
                }
            }
        } else {
            // The file's name (`rustconf-2023.md`), or its folder's (`djangocon-eu-2024/`).
            let folder = self.note.file.rsplit('/').nth(1).unwrap_or("");
            let mut ev = event::from_file_name(file_stem, &self.d.labels);
            if ev.name.is_none() {
                ev = event::from_file_name(folder, &self.d.labels);
            }
            if let Some(n) = ev.name {
                let date = match ev.date {
                    Some(Found::Date(d, _)) => Some(d.iso()),
                    _ => None,
                };
                self.events.insert(0, EventInfo { name: n, day: ev.day, date, line: 1 });
                for s in &mut sections {
                    s.event = Some(s.event.map_or(0, |e| e + 1));
                }
                for s in &mut sections {
                    if s.event.is_none() {
                        s.event = Some(0);
                    }
                }
            }
        }
        // A conference without a date of its own starts on its first dated day.
        if let Some(ci) = self.conference {
            if self.events[ci].date.is_none() {
                self.events[ci].date = self.events.iter().find_map(|e| e.date.clone());
            }
        }
        let conf_name = self.conference.map(|c| self.events[c].name.clone());
        if let Some(name) = conf_name {
            for e in &mut self.events {
                if e.day.is_some() && e.name.is_empty() {
                    e.name.clone_from(&name);
                }
            }
        }
        let events = self.events;
        let doc = Document {
            file: self.note.file.clone(),
            key: self.note.key.clone(),
            events,
            sections,
            tags: self.tags,
            warnings: self.warnings,
        };
        Detection { doc, candidates: self.cands, ends }
    }

    /// The text of lines `from..=to` (empty when `to < from`).
    fn slice(&self, from: u32, to: u32) -> &'a str {
        if to < from || from == 0 {
            return "";
        }
        let text = &self.note.text;
        let Some(&s) = self.starts.get(from as usize - 1) else { return "" };
        let e = self.starts.get(to as usize).map_or(text.len(), |&e| e - 1);
        text[s..e.max(s)].trim_end_matches(['\n', '\r'])
    }

    /// The same talk written twice (a schedule row or list item, and a section with the
    /// same or a shortened title) is one talk: the row keeps its line and the fuller
    /// title, and takes the section's body.
    fn merge_duplicates(&mut self) {
        let mut by_key: HashMap<String, usize> = HashMap::new();
        for (i, c) in self.cands.iter().enumerate() {
            if c.talk && matches!(c.source, Source::TableRow | Source::ListItem) {
                for k in title_keys(&c.title) {
                    by_key.entry(k).or_insert(i);
                }
            }
        }
        if by_key.is_empty() {
            return;
        }
        for i in 0..self.cands.len() {
            if matches!(self.cands[i].source, Source::TableRow | Source::ListItem | Source::File)
                || self.cands[i].score() < 0
            {
                continue;
            }
            let short = norm(&self.cands[i].title);
            let Some(&r) = title_keys(&self.cands[i].title).iter().find_map(|k| by_key.get(k)) else { continue };
            let long = norm(&self.cands[r].title);
            if !(long.starts_with(&short) || short.starts_with(&long)) {
                continue;
            }
            // One talk: the section's place and body, the fuller title, every name,
            // the row's kind when it says keynote.
            let row = self.cands[r].clone();
            let sec = &mut self.cands[i];
            if row.title.len() > sec.title.len() {
                sec.title = row.title.clone();
            }
            if sec.kind == SectionKind::Talk {
                sec.kind = row.kind;
            }
            for s in row.speakers {
                if !sec.speakers.iter().any(|(n, _)| n.name == s.0.name) {
                    sec.speakers.push(s);
                }
            }
            sec.evidence.push(("the same talk as a schedule row", THRESHOLD));
            sec.talk = true;
            sec.note = Some(format!("one talk with the schedule's line {}", row.line));
            let line = sec.line;
            self.cands[r].talk = false;
            self.cands[r].note = Some(format!("one talk with line {line}"));
        }
    }

    /// No talk found: the file is one talk, named from its first heading, its first
    /// line, or its file name.
    fn whole_file(&mut self) {
        // An index file names the event and links to the talks' files: it has no talk.
        if self.conference.is_some() && self.structure.first() == Some(&0) && self.file_speaker.is_none() {
            self.warnings.push(Warning {
                file: self.note.file.clone(),
                line: None,
                message: "no talk found: the file names the event only".into(),
            });
            return;
        }
        let first_heading = self.blocks.iter().enumerate().find_map(|(i, b)| match &b.kind {
            BlockKind::Heading { text, .. } if !self.structure.contains(&i) => {
                Some((b.line, clean_title(&strip_inline(text))))
            }
            _ => None,
        });
        let first_line = self.blocks.iter().find_map(|b| match &b.kind {
            BlockKind::Paragraph { text } | BlockKind::ListItem { text, .. } => {
                let l = strip_inline(text.split('\n').next().unwrap_or(""));
                let l = clean_title(&l);
                // A remark in parentheses (`(Vigo, 5 June 2024, …)`) is no title.
                (!l.is_empty() && l.len() <= 100 && !l.starts_with('(')).then_some((b.line, l))
            }
            _ => None,
        });
        let Some(last) = self.blocks.last() else { return };
        // `title-of-the-talk-speaker-name.md`: the speaker's words are not the title.
        let stem = file_stem(&self.note.file).replace(['-', '_'], " ");
        let stem_title = match &self.file_speaker {
            Some(n) => {
                let name: Vec<String> =
                    n.name.split_whitespace().map(|w| crate::notes::names::fold(w).to_lowercase()).collect();
                let words: Vec<&str> = stem.split_whitespace().collect();
                let keep = words.len().saturating_sub(name.len());
                let tail_is_name = words[keep..].iter().zip(&name).all(|(a, b)| a.to_lowercase() == *b);
                if tail_is_name && keep > 0 {
                    words[..keep].join(" ")
                } else {
                    stem.clone()
                }
            }
            None => stem.clone(),
        };
        let (line, title) = if self.file_speaker.is_some() {
            (1, stem_title)
        } else {
            first_heading.or(first_line).unwrap_or((1, stem_title))
        };
        let mut c = self.new_candidate(0, line, Source::File, title.clone());
        c.body_line = line + 1;
        if let Some(n) = self.file_speaker.clone() {
            c.speakers.push((n, Role::Speaker));
        }
        // A speaker named near the top (`A talk by [Name](link)`, a speaker field).
        for b in self.blocks.iter().take(6) {
            if let BlockKind::Paragraph { text } = &b.kind {
                let plain = strip_inline(text);
                let first = plain.split('\n').next().unwrap_or("");
                let value = match self.d.labels.leading(first) {
                    Some((cs, r)) if cs.contains(&Concept::Speaker) => Some(r),
                    _ => first.find("by ").map(|i| &first[i + 3..]),
                };
                if let Some(people) =
                    value.and_then(|v| names::people(v, &self.d.labels, false)).filter(|_| c.speakers.is_empty())
                {
                    c.speakers = people.into_iter().map(|(n, r)| (Named { name: n, line: b.line }, r)).collect();
                    break;
                }
            }
        }
        push_ev(&mut c, "no other talk: the file is one talk", THRESHOLD);
        c.talk = true;
        let _ = last;
        if self.file_speaker.is_none() {
            self.warn(line, format!("no talk structure found: the whole file is read as one talk, \"{title}\""));
        }
        self.cands.insert(0, c);
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

/// The line (0-based, within the paragraph) of byte `at` of `plain`, the inline-stripped
/// `joined` lines. Approximate when markup was removed: counts the lines whose joined
/// length comes before the place.
fn line_of(lines: &[&str], joined: &str, plain: &str, at: usize) -> u32 {
    // Scale the offset into the joined text (markup removed makes plain shorter).
    let scaled = if plain.is_empty() { 0 } else { at * joined.len() / plain.len().max(1) };
    let mut acc = 0;
    for (i, l) in lines.iter().enumerate() {
        acc += l.len() + 1;
        if acc > scaled {
            return i as u32;
        }
    }
    lines.len().saturating_sub(1) as u32
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

/// Splits the people off a title: `Title (Name)`, `Title by Name`, and with `dash`
/// `Title - Name`. `any_case`: names may be lower case (a place where only a name
/// stands, such as the parentheses after a title on a lead-in line).
fn title_and_people(s: &str, labels: &Labels, by: bool, dash: bool) -> (String, Vec<(String, Role)>) {
    let s = s.trim();
    if let Some(open) = s.strip_suffix(')').and_then(|x| x.rfind('(')) {
        let inner = &s[open + 1..s.len() - 1];
        if let Some(p) = names::people(inner, labels, dash) {
            return (clean_title(&s[..open]), p);
        }
    }
    if by {
        for sep in [" by ", " By ", " BY ", " von ", " par ", " por ", " di ", " door ", " przez "] {
            if let Some(i) = s.rfind(sep) {
                if let Some(p) = names::people(&s[i + sep.len()..], labels, false) {
                    return (clean_title(&s[..i]), p);
                }
            }
        }
    }
    if dash {
        for sep in [" — ", " – ", " - ", " -- "] {
            if let Some(i) = s.rfind(sep) {
                let (left, right) = (&s[..i], &s[i + sep.len()..]);
                if !left.trim().is_empty() {
                    if let Some(p) = names::people(right, labels, true) {
                        return (clean_title(left), p);
                    }
                }
            }
        }
    }
    (clean_title(s), Vec::new())
}

/// Cleans a title: emphasis, quotes, a trailing `:`/`.`/`\`, runs of spaces.
pub(crate) fn clean_title(s: &str) -> String {
    let mut t = s.replace("**", "");
    loop {
        let before = t.len();
        let tt = t.trim();
        let tt = tt.trim_end_matches(['\\', ':', ',', ';']).trim_end();
        let tt = if tt.ends_with('.') && !tt.ends_with("..") { &tt[..tt.len() - 1] } else { tt };
        let mut tt = tt.trim();
        for (a, b) in [("__", "__"), ("_", "_"), ("*", "*"), ("\"", "\""), ("“", "”"), ("'", "'"), ("`", "`")] {
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
    t.split_whitespace().collect::<Vec<_>>().join(" ")
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
    (t.contains(" = ") || !t.chars().any(char::is_alphabetic))
        || matches!(
            first,
            "requires-python" | "dependencies" | "import" | "from" | "def" | "class" | "return" | "if" | "for"
        )
        || t.ends_with(".h")
}

/// `10:30`, `10.30`, `9:00 am`, `14:00-14:30`, `[10:30]` at the start of `s`: the text
/// after it, and the time as written.
pub(crate) fn strip_time(s: &str) -> Option<(&str, &str)> {
    let b = s.as_bytes();
    let t0 = usize::from(b.first() == Some(&b'['));
    let one = |i: usize| -> Option<usize> {
        let d = b.get(i..)?.iter().take_while(|c| c.is_ascii_digit()).count();
        if !(1..=2).contains(&d) {
            return None;
        }
        let j = i + d;
        if !matches!(b.get(j), Some(b':' | b'.' | b'h')) {
            return None;
        }
        let m = b.get(j + 1..j + 3)?;
        if !m.iter().all(u8::is_ascii_digit) {
            return None;
        }
        let k = j + 3;
        if b.get(k).is_some_and(|c| c.is_ascii_digit() || (b[j] == b'.' && *c == b'.')) {
            return None;
        }
        let mut k = k;
        let rest = &s[k..];
        for ampm in [" am", " pm", "am", "pm", " AM", " PM", "AM", "PM"] {
            if rest.starts_with(ampm) && !rest[ampm.len()..].starts_with(|c: char| c.is_alphanumeric()) {
                k += ampm.len();
                break;
            }
        }
        Some(k)
    };
    let mut i = one(t0)?;
    let trimmed = s[i..].trim_start();
    for sep in ["-", "–", "—", "to "] {
        if let Some(r) = trimmed.strip_prefix(sep) {
            let r2 = r.trim_start();
            if let Some(e) = one(s.len() - r2.len()) {
                i = e;
            }
            break;
        }
    }
    let t_end = i;
    if b.get(i) == Some(&b']') {
        i += 1;
    }
    let rest = &s[i..];
    if !(rest.is_empty() || rest.starts_with(|c: char| c.is_whitespace() || "-–—:|,".contains(c))) {
        return None;
    }
    let rest = rest.trim_start_matches(|c: char| c.is_whitespace() || "-–—:|,".contains(c));
    Some((rest, &s[t0..t_end]))
}

/// A first line in lower case (a phone note, `jsconf eu 2024 notes berlin 3 june 2024`):
/// the words before the year name the event when one of them is a conference word or
/// ends like one (`jsconf`, `pycon`, `devopsdays`).
fn lower_case_event(first: &str, labels: &Labels, mut ev: EventLine) -> EventLine {
    let words: Vec<&str> = first.split_whitespace().collect();
    let Some(y) = words.iter().position(|w| {
        w.len() == 4 && (w.starts_with("19") || w.starts_with("20")) && w.bytes().all(|b| b.is_ascii_digit())
    }) else {
        return ev;
    };
    let before = &words[..y];
    let conf = before.iter().any(|w| {
        let w = w.to_lowercase();
        labels.is(&w, Concept::Conference)
            || ["con", "conf", "fest", "days", "summit", "camp"].iter().any(|s| w.ends_with(s) && w.len() > s.len())
    });
    if conf && !before.is_empty() && before.len() <= 4 {
        let mut name: Vec<String> = before.iter().map(|w| (*w).to_string()).collect();
        name.push(words[y].to_string());
        ev.name = Some(name.join(" "));
    }
    ev
}

#[cfg(test)]
mod tests;

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
