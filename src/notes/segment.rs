//! Splitting a note's text into events and talk sections (stage 1 of the pipeline,
//! after [`read`](super::read) and before `extract`).
//!
//! # Accepted input
//!
//! The segmenter reads Markdown-ish notes the way people write them, in any mix
//! within one file:
//!
//! - talk headings with a marker: `## Talk 1: Title`, `## Talk3 Title`, `### Talk 4 - Title`,
//!   `## Talk 2:` with the title on the next non-empty line, `## Keynote:`,
//!   `## Keynote: Title`, `## Keynote by Jane Doe`, `## Talk 5: Title by A and B`;
//! - schedule style: `### 10:30 — Title (Jane Doe)`, `## 14:00-14:30 Title`, and plain
//!   `10:30 - Title` lines where talks are expected;
//! - plain `## Title` headings under a conference or day heading (or when the note has
//!   conference front matter); generic headings (`Questions`, `Key takeaways`, `Links`,
//!   `Morning`, ...) are structure, not talks; a deeper heading under a talk is part of it;
//! - numbered lists of talks (`1) Title - Speaker`, `2. Title — Speaker`) where talks are
//!   expected: under `Talks`, `Schedule`, `Agenda`, a day or conference heading, or in a
//!   note that is only a list. A numbered list inside a talk is the talk's text;
//! - YAML front matter (`title`, `date`, `conference`/`event`, `day`, `tags`,
//!   `speaker`/`speakers`); a note whose front matter has a `title` and that has no talk
//!   headings is one talk;
//! - lightning-talk sessions (a `Lightning talks` line or heading) whose items are
//!   separated by `>` lines, top-level bullets, numbered items or sub-headings;
//! - conferences, days and dates in headings or lines (`Europython 2023 conference day 1`,
//!   `PyCon US 2024 — Day 2`, `## Day 2`, `19.07.2023`, `July 19, 2023`, ...).
//!
//! A `#` line that is code is not a heading: inside a fence, indented, a preprocessor
//! directive (`# include hpy.h`), code-looking text (`# x = f(y)`), or a `# comment`
//! right after a line of code. Line endings may be `\n`, `\r\n` or a lone `\r`.
//!
//! # Cost
//!
//! One pass over the lines (plus a second one only when the first found no talk and
//! plain headings might be talks). Ordinary body lines cost a look at their first
//! bytes; regular expressions run only on headings and short candidate lines, and are
//! compiled once.

use std::sync::{Arc, OnceLock};

use regex::Regex;

use super::{Document, EventInfo, Named, Note, Section, SectionKind, Warning};

/// Splits `note` into its events and talk sections. Never fails: text it cannot place
/// stays in the body of the section it follows (or in no section at all).
pub fn segment(note: &Note) -> Document<'_> {
    segment_marked(note).0
}

/// [`segment`], and whether a talk was started by a marker in a heading (`Talk 3:`,
/// `Keynote`, a time): the notes this segmenter was written for.
pub(crate) fn segment_marked(note: &Note) -> (Document<'_>, bool) {
    let text = note.text.as_str();
    let fm = FrontMatter::parse(text);
    let first = Segmenter::new(note, &fm, false).run();
    if !first.doc.sections.is_empty() {
        return (first.doc, first.strong);
    }
    (segment_unmarked(note, &fm, first), false)
}

fn segment_unmarked<'a>(note: &'a Note, fm: &FrontMatter, first: Outcome<'a>) -> Document<'a> {
    let text = note.text.as_str();
    if let Some((title, line)) = &fm.title {
        let mut doc = first.doc;
        let body = text[fm.end..].trim_end();
        doc.sections.push(Section {
            kind: SectionKind::Talk,
            title: clean_title(title),
            line: *line,
            event: (!doc.events.is_empty()).then_some(0),
            speakers: fm.speakers.clone(),
            body,
            body_line: fm.end_line,
        });
        return doc;
    }
    if first.plain_headings > 0 {
        // No markers, no conference heading: read the plain headings as talks.
        let second = Segmenter::new(note, fm, true).run();
        if !second.doc.sections.is_empty() {
            return second.doc;
        }
    }
    first.doc
}

// ---------------------------------------------------------------------------------
// Lines

/// Iterates over lines, ending at `\n`, `\r\n` or a lone `\r`: yields the content's
/// start and end, and where the next line starts.
struct Lines<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Iterator for Lines<'_> {
    type Item = (usize, usize, usize);

    fn next(&mut self) -> Option<Self::Item> {
        if self.pos >= self.bytes.len() {
            return None;
        }
        let start = self.pos;
        match memchr::memchr2(b'\n', b'\r', &self.bytes[start..]) {
            None => {
                self.pos = self.bytes.len();
                Some((start, self.bytes.len(), self.bytes.len()))
            }
            Some(i) => {
                let end = start + i;
                let next =
                    if self.bytes[end] == b'\r' && self.bytes.get(end + 1) == Some(&b'\n') { end + 2 } else { end + 1 };
                self.pos = next;
                Some((start, end, next))
            }
        }
    }
}

fn lines(text: &str) -> Lines<'_> {
    Lines { bytes: text.as_bytes(), pos: 0 }
}

/// Indentation width (a tab counts 4) and the rest of the line.
fn indent(line: &str) -> (usize, &str) {
    let mut width = 0;
    for (i, b) in line.bytes().enumerate() {
        match b {
            b' ' => width += 1,
            b'\t' => width += 4,
            _ => return (width, &line[i..]),
        }
    }
    (width, "")
}

// ---------------------------------------------------------------------------------
// Front matter

/// YAML front matter: the fields we use, and where the text after it starts.
#[derive(Debug, Default)]
struct FrontMatter {
    title: Option<(String, u32)>,
    date: Option<String>,
    event: Option<(String, u32)>,
    day: Option<u32>,
    tags: Vec<String>,
    speakers: Vec<Named>,
    /// Byte offset where the text after the front matter starts (0 without one).
    end: usize,
    /// Line number of that first line.
    end_line: u32,
    /// Whether the note has front matter at all.
    present: bool,
}

impl FrontMatter {
    /// Parses front matter between a first line `---` and a closing `---` or `...`.
    /// Accepts `key: value`, `key: [a, b]`, `key: a, b` and `key:` followed by `- item`
    /// lines; quotes around values are removed.
    fn parse(text: &str) -> FrontMatter {
        let mut fm = FrontMatter { end_line: 1, ..FrontMatter::default() };
        let mut it = lines(text);
        match it.next() {
            Some((s, e, _)) if text[s..e].trim_end() == "---" => {}
            _ => return fm,
        }
        let mut fields: Vec<(String, Vec<String>, u32)> = Vec::new();
        let mut lineno = 1u32;
        let mut closed = None;
        for (s, e, next) in it {
            lineno += 1;
            let line = &text[s..e];
            let t = line.trim_end();
            if t == "---" || t == "..." {
                closed = Some((next, lineno + 1));
                break;
            }
            let (ind, rest) = indent(t);
            if let Some(item) = rest.strip_prefix("- ").or_else(|| (rest == "-").then_some("")) {
                if let Some(last) = fields.last_mut() {
                    if !item.trim().is_empty() {
                        last.1.push(unquote(item.trim()).to_string());
                    }
                }
                continue;
            }
            if ind > 0 || rest.starts_with('#') {
                continue;
            }
            if let Some((k, v)) = rest.split_once(':') {
                let key = k.trim().to_ascii_lowercase();
                if key.is_empty() || key.contains(' ') {
                    continue;
                }
                let v = v.trim();
                let values = if let Some(inner) = v.strip_prefix('[').and_then(|x| x.strip_suffix(']')) {
                    inner.split(',').map(|x| unquote(x.trim()).to_string()).filter(|x| !x.is_empty()).collect()
                } else if v.is_empty() {
                    vec![]
                } else {
                    vec![unquote(v).to_string()]
                };
                fields.push((key, values, lineno));
            }
        }
        let Some((end, end_line)) = closed else { return fm };
        fm.present = true;
        fm.end = end;
        fm.end_line = end_line;
        for (key, values, line) in fields {
            let joined = values.join(", ");
            match key.as_str() {
                "title" if !joined.is_empty() => fm.title = Some((joined, line)),
                "date" => fm.date = find_date(&joined).map(|d| d.iso),
                "conference" | "event" if !joined.is_empty() => fm.event = Some((joined, line)),
                "day" => fm.day = joined.trim().parse().ok(),
                "tags" | "tag" | "keywords" => {
                    for v in values {
                        for t in v.split(',') {
                            let t = t.trim().trim_start_matches('#').trim();
                            if !t.is_empty() {
                                fm.tags.push(t.to_string());
                            }
                        }
                    }
                }
                "speaker" | "speakers" | "presenter" | "presenters" => {
                    for v in values {
                        for name in split_names(&v) {
                            fm.speakers.push(Named { name: name.to_string(), line });
                        }
                    }
                }
                _ => {}
            }
        }
        fm
    }
}

fn unquote(s: &str) -> &str {
    for (a, b) in [('"', '"'), ('\'', '\''), ('“', '”')] {
        if let Some(inner) = s.strip_prefix(a).and_then(|x| x.strip_suffix(b)) {
            return inner;
        }
    }
    s
}

/// Splits `A, B and C` / `A & B` into names.
fn split_names(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for part in s.split([',', ';', '&']) {
        for p in part.split(" and ") {
            let p = p.trim();
            if !p.is_empty() {
                out.push(p);
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------------
// The segmenter

/// How a section was started; decides what may end it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Origin {
    /// A heading of this level.
    Heading(u8),
    /// A numbered or timed line in a list of talks.
    Item,
    /// An item of a lightning-talk session.
    Lightning,
}

/// A section waiting for its title on the next non-empty line.
#[derive(Debug)]
struct Await {
    /// Title to use when none comes (`Talk 2`); `None` drops the section (a bare `>`).
    fallback: Option<String>,
    /// Move the section's line to the title's line (a bare `>` item).
    move_line: bool,
}

#[derive(Debug)]
struct Open {
    kind: SectionKind,
    title: String,
    line: u32,
    event: Option<usize>,
    speakers: Vec<Named>,
    origin: Origin,
    body_start: usize,
    body_line: u32,
    has_body: bool,
    awaiting: Option<Await>,
}

/// How the items of a lightning session are separated (the first marker seen decides).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Quote,
    Bullet,
    Numbered,
    Heading,
}

#[derive(Debug)]
struct Lightning {
    /// Headings of this level or higher end the session; deeper ones are items.
    level: u8,
    style: Option<Style>,
}

struct Segmenter<'a, 'f> {
    text: &'a str,
    file: Arc<str>,
    fm: &'f FrontMatter,
    doc: Document<'a>,
    open: Option<Open>,
    lightning: Option<Lightning>,
    current_event: Option<usize>,
    conference: Option<String>,
    pending_date: Option<String>,
    /// Plain headings at this level or deeper are talks (set by a conference, day or
    /// schedule heading, or by front matter naming the conference).
    context: Option<u8>,
    /// Numbered and timed lines are talks here (not inside a talk, not under `TODO`).
    list_ok: bool,
    /// Level of the last heading seen.
    last_level: u8,
    fence: Option<(u8, usize)>,
    /// The previous non-blank line (start, end).
    prev: Option<(usize, usize)>,
    blank_run: u32,
    headings_seen: u32,
    plain_headings: u32,
    /// In the second pass: the note's first heading is its title, not a talk.
    skip_title_heading: bool,
    /// A talk was started by a marker (`Talk 3:`, `Keynote`, a time) in a heading.
    strong: bool,
}

struct Outcome<'a> {
    doc: Document<'a>,
    plain_headings: u32,
    strong: bool,
}

impl<'a, 'f> Segmenter<'a, 'f> {
    fn new(note: &'a Note, fm: &'f FrontMatter, force_plain: bool) -> Self {
        let mut s = Segmenter {
            text: note.text.as_str(),
            file: note.file.clone(),
            fm,
            doc: Document {
                file: note.file.clone(),
                key: note.key.clone(),
                events: vec![],
                sections: vec![],
                tags: fm.tags.clone(),
                warnings: vec![],
            },
            open: None,
            lightning: None,
            current_event: None,
            conference: None,
            pending_date: fm.date.clone(),
            context: force_plain.then_some(1),
            list_ok: true,
            last_level: 0,
            fence: None,
            prev: None,
            blank_run: 0,
            headings_seen: 0,
            plain_headings: 0,
            skip_title_heading: force_plain && first_heading_is_title(note.text.as_str(), fm.end),
            strong: false,
        };
        if let Some((name, line)) = &fm.event {
            let (name, day, date) = match parse_event(name, true) {
                Some(e) => (e.name, e.day.or(fm.day), e.date.or_else(|| fm.date.clone())),
                None => {
                    let mut n = normalise_name(name);
                    if let Some(y) = fm.date.as_deref().and_then(|d| d.get(..4)) {
                        if find_year(&n).is_none() {
                            n = format!("{n} {y}");
                        }
                    }
                    (n, fm.day, fm.date.clone())
                }
            };
            s.conference = Some(name.clone());
            s.doc.events.push(EventInfo { name, day, date, line: *line });
            s.current_event = Some(0);
            s.pending_date = None;
            s.context = Some(1);
        }
        s
    }

    fn run(mut self) -> Outcome<'a> {
        let text = self.text;
        let mut lineno = 0u32;
        for (start, end, next) in lines(text) {
            lineno += 1;
            if start < self.fm.end {
                continue;
            }
            let line = &text[start..end];
            self.line(line, lineno, start, next);
        }
        self.close(text.len());
        Outcome { doc: self.doc, plain_headings: self.plain_headings, strong: self.strong }
    }

    fn warn(&mut self, line: u32, message: String) {
        self.doc.warnings.push(Warning { file: self.file.clone(), line: Some(line), message });
    }

    fn line(&mut self, line: &'a str, lineno: u32, start: usize, next: usize) {
        let (ind, rest) = indent(line);
        // Code fences: nothing inside is structure.
        if let Some((ch, len)) = self.fence {
            if ind < 4
                && fence_len(rest, ch).is_some_and(|l| l >= len)
                && rest.trim_matches(ch as char).trim().is_empty()
            {
                self.fence = None;
            }
            self.body_line_seen(start, line.len());
            return;
        }
        if rest.trim().is_empty() {
            self.blank_run += 1;
            return;
        }
        if ind < 4 {
            for ch in [b'`', b'~'] {
                if let Some(len) = fence_len(rest, ch).filter(|&l| l >= 3) {
                    self.resolve_await_fallback();
                    self.fence = Some((ch, len));
                    self.body_line_seen(start, line.len());
                    return;
                }
            }
        }
        let first = rest.as_bytes()[0];
        if first == b'#' && ind < 4 {
            if let Some((level, content)) = parse_heading(rest) {
                let content = strip_bold(content);
                let marker = parse_marker(&content);
                if marker.is_some() || !self.is_code_heading(level, &content) {
                    self.heading(level, &content, marker, lineno, start, next);
                    self.after_line(start, line.len());
                    return;
                }
            }
        }
        self.plain(ind, rest, lineno, start, next);
        self.after_line(start, line.len());
    }

    fn after_line(&mut self, start: usize, len: usize) {
        self.prev = Some((start, start + len));
        self.blank_run = 0;
    }

    fn body_line_seen(&mut self, start: usize, len: usize) {
        if let Some(o) = &mut self.open {
            o.has_body = true;
        }
        self.after_line(start, len);
    }

    /// Whether a `#` line is code rather than a heading.
    fn is_code_heading(&self, level: u8, content: &str) -> bool {
        let first_word = content.split_whitespace().next().unwrap_or("");
        if matches!(
            first_word,
            "include"
                | "define"
                | "import"
                | "pragma"
                | "if"
                | "ifdef"
                | "ifndef"
                | "endif"
                | "else"
                | "elif"
                | "undef"
        ) {
            return true;
        }
        if looks_like_code(content) {
            return true;
        }
        if level == 1 {
            if self.blank_run == 0 {
                if let Some((s, e)) = self.prev {
                    let prev = &self.text[s..e];
                    if indent(prev).0 >= 4 || looks_like_code(prev) {
                        return true;
                    }
                }
            }
            // A lower-case `# comment` inside a deeper talk section.
            if content.as_bytes().first().is_some_and(u8::is_ascii_lowercase)
                && matches!(self.open.as_ref().map(|o| o.origin), Some(Origin::Heading(l)) if l > 1)
            {
                return true;
            }
        }
        false
    }

    // -- sections --------------------------------------------------------------

    /// Ends the open section at byte `at`.
    fn close(&mut self, at: usize) {
        let Some(open) = self.open.take() else { return };
        let mut title = open.title;
        if let Some(aw) = open.awaiting {
            match aw.fallback {
                Some(f) => {
                    self.warn(open.line, format!("talk heading has no title; using \"{f}\""));
                    title = f;
                }
                None => return,
            }
        }
        let body = if at > open.body_start { self.text[open.body_start..at].trim_end() } else { "" };
        self.doc.sections.push(Section {
            kind: open.kind,
            title,
            line: open.line,
            event: open.event,
            speakers: open.speakers,
            body,
            body_line: open.body_line,
        });
    }

    fn resolve_await_fallback(&mut self) {
        let line = match &self.open {
            Some(Open { awaiting: Some(aw), line, .. }) if aw.fallback.is_some() => *line,
            Some(Open { awaiting: Some(_), .. }) => {
                self.open = None;
                return;
            }
            _ => return,
        };
        if let Some(o) = &mut self.open {
            let f = o.awaiting.take().and_then(|a| a.fallback).unwrap_or_default();
            o.title = f.clone();
            self.warn(line, format!("talk heading has no title; using \"{f}\""));
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn start(
        &mut self,
        at: usize,
        kind: SectionKind,
        title: String,
        speakers: Vec<String>,
        line: u32,
        origin: Origin,
        next: usize,
        awaiting: Option<Await>,
    ) {
        self.close(at);
        self.open = Some(Open {
            kind,
            title,
            line,
            event: self.current_event,
            speakers: speakers.into_iter().map(|name| Named { name, line }).collect(),
            origin,
            body_start: next,
            body_line: line + 1,
            has_body: false,
            awaiting,
        });
    }

    fn heading_talk_level(&self) -> Option<u8> {
        match self.open.as_ref()?.origin {
            Origin::Heading(l) => Some(l),
            _ => None,
        }
    }

    // -- headings --------------------------------------------------------------

    fn heading(
        &mut self,
        level: u8,
        content: &str,
        marker: Option<Marker<'_>>,
        lineno: u32,
        start: usize,
        next: usize,
    ) {
        self.resolve_await_fallback();
        let first_heading = self.headings_seen == 0;
        self.headings_seen += 1;
        self.last_level = level;
        // Structure words are short: a long heading is compared by its start only.
        let mut cut = content.len().min(200);
        while !content.is_char_boundary(cut) {
            cut -= 1;
        }
        let lower = content[..cut].to_lowercase();
        let lower = lower.trim_matches(|c: char| c == ':' || c == '*' || c == '_' || c.is_whitespace());

        // `Lightning talks`, also as a schedule slot: `15:00 — Lightning talks`.
        let untimed = strip_time(lower).map_or(lower, |(rest, _)| rest);
        if is_lightning_start(lower) || is_lightning_start(untimed) {
            self.close(start);
            self.lightning = Some(Lightning { level, style: None });
            self.list_ok = false;
            return;
        }
        if let Some(m) = marker {
            self.lightning = None;
            self.list_ok = false;
            self.marker_heading(m, level, lineno, start, next);
            return;
        }
        // Conference, day and date headings.
        if let Some(ev) = self.event_heading(content, lower) {
            self.close(start);
            self.lightning = None;
            self.apply_event(ev, lineno);
            self.context = Some(level);
            self.list_ok = true;
            return;
        }
        if let Some(kind) = structural(lower) {
            self.structural_heading(kind, level, start);
            return;
        }
        // A plain heading.
        if let Some(l) = &mut self.lightning {
            if level > l.level {
                if l.style.is_none() {
                    l.style = Some(Style::Heading);
                }
                if l.style == Some(Style::Heading) {
                    let (title, speakers) = title_and_speakers(content, false);
                    self.start(start, SectionKind::Lightning, title, speakers, lineno, Origin::Lightning, next, None);
                } else if let Some(o) = &mut self.open {
                    o.has_body = true;
                }
                return;
            }
            self.lightning = None;
            self.close(start);
        }
        if let Some(tl) = self.heading_talk_level() {
            if level > tl {
                if let Some(o) = &mut self.open {
                    o.has_body = true;
                }
                return;
            }
        }
        self.plain_headings += 1;
        let is_title = self.skip_title_heading && first_heading;
        if !is_title && self.context.is_some_and(|c| level >= c) {
            let (title, speakers) = title_and_speakers(content, false);
            if !title.is_empty() {
                self.list_ok = false;
                self.start(start, SectionKind::Talk, title, speakers, lineno, Origin::Heading(level), next, None);
                return;
            }
        }
        match self.open.as_ref().map(|o| o.origin) {
            Some(Origin::Heading(tl)) if level < tl => self.close(start),
            Some(Origin::Item) => self.close(start),
            _ => {}
        }
        if self.context.is_some_and(|c| level < c) {
            self.context = None;
        }
    }

    fn marker_heading(&mut self, m: Marker<'_>, level: u8, lineno: u32, start: usize, next: usize) {
        self.strong = true;
        let (mut title, speakers) = title_and_speakers(m.rest, m.timed);
        if m.kind == SectionKind::Keynote && title.is_empty() {
            title = "Keynote".to_string();
        }
        if m.timed && m.kind == SectionKind::Talk && is_break(&title.to_lowercase()) {
            self.close(start);
            self.list_ok = true;
            return;
        }
        let awaiting = title.is_empty().then(|| Await { fallback: Some(m.fallback.clone()), move_line: false });
        self.start(start, m.kind, title, speakers, lineno, Origin::Heading(level), next, awaiting);
    }

    fn structural_heading(&mut self, kind: Structural, level: u8, start: usize) {
        if let Some(l) = &self.lightning {
            if level > l.level {
                if let Some(o) = &mut self.open {
                    o.has_body = true;
                }
                return;
            }
            self.lightning = None;
            self.close(start);
        }
        let open_origin = self.open.as_ref().map(|o| o.origin);
        match kind {
            Structural::Container | Structural::Break => {
                match open_origin {
                    Some(Origin::Heading(tl)) if level > tl => {
                        if let Some(o) = &mut self.open {
                            o.has_body = true;
                        }
                        return;
                    }
                    _ => self.close(start),
                }
                self.list_ok = true;
                if kind == Structural::Container && self.context.is_none_or(|c| level < c) {
                    self.context = Some(level);
                }
            }
            Structural::Aside => {
                match open_origin {
                    Some(Origin::Heading(tl)) if level >= tl => {
                        if let Some(o) = &mut self.open {
                            o.has_body = true;
                        }
                        return;
                    }
                    _ => self.close(start),
                }
                self.list_ok = false;
            }
        }
    }

    /// A conference, day or date heading.
    fn event_heading(&self, content: &str, lower: &str) -> Option<EventLine> {
        if let Some(day) = parse_day(lower, true) {
            return Some(EventLine::Day(day.0, day.1));
        }
        if let Some(d) = date_only(content) {
            return Some(EventLine::Date(d));
        }
        parse_event(content, false).map(EventLine::Conference)
    }

    fn apply_event(&mut self, ev: EventLine, line: u32) {
        match ev {
            EventLine::Conference(e) => {
                let date = e.date.or_else(|| self.pending_date.take());
                self.conference = Some(e.name.clone());
                self.doc.events.push(EventInfo { name: e.name, day: e.day, date, line });
                self.current_event = Some(self.doc.events.len() - 1);
            }
            EventLine::Day(day, date) => {
                let Some(name) = self.conference.clone() else {
                    if date.is_some() {
                        self.pending_date = date;
                    }
                    return;
                };
                self.doc.events.push(EventInfo { name, day: Some(day), date, line });
                self.current_event = Some(self.doc.events.len() - 1);
            }
            EventLine::Date(date) => match self.current_event {
                Some(i) if self.doc.events[i].date.is_none() => self.doc.events[i].date = Some(date),
                Some(i) if self.doc.events[i].date.as_deref() != Some(date.as_str()) => {
                    let name = self.doc.events[i].name.clone();
                    self.doc.events.push(EventInfo { name, day: None, date: Some(date), line });
                    self.current_event = Some(self.doc.events.len() - 1);
                }
                Some(_) => {}
                None => self.pending_date = Some(date),
            },
        }
    }

    // -- plain lines -----------------------------------------------------------

    fn plain(&mut self, ind: usize, rest: &'a str, lineno: u32, start: usize, next: usize) {
        let trimmed = rest.trim_end();
        // A section waiting for its title takes this line.
        if let Some(o) = &mut self.open {
            if let Some(aw) = &o.awaiting {
                let title = clean_title(trimmed.trim_start_matches(['>', '-', '*', '+']));
                if !title.is_empty() && title.len() <= 200 {
                    if aw.move_line {
                        o.line = lineno;
                        if o.kind == SectionKind::Lightning {
                            let (t, sp) = title_and_speakers(&title, true);
                            o.title = t;
                            o.speakers = sp.into_iter().map(|name| Named { name, line: lineno }).collect();
                        } else {
                            o.title = title;
                        }
                    } else {
                        o.title = title;
                    }
                    o.awaiting = None;
                    o.body_start = next;
                    o.body_line = lineno + 1;
                    return;
                }
                self.resolve_await_fallback();
            }
        }
        let first = trimmed.as_bytes()[0];
        // `Lightning talks` on a line of its own.
        if trimmed.len() <= 40 && matches!(first, b'L' | b'l' | b'*' | b'_') {
            let lower = trimmed.to_lowercase();
            let lower = lower.trim_matches(|c: char| c == ':' || c == '*' || c == '_' || c.is_whitespace());
            if is_lightning_start(lower) {
                let level = self.heading_talk_level().unwrap_or(self.last_level);
                self.close(start);
                self.lightning = Some(Lightning { level, style: None });
                self.list_ok = false;
                return;
            }
        }
        if self.lightning.is_some() && self.lightning_item(ind, trimmed, lineno, start, next) {
            return;
        }
        let in_heading_talk = matches!(self.open.as_ref().map(|o| o.origin), Some(Origin::Heading(_)));
        // `Day 2` on a line of its own ends whatever is open.
        if matches!(first, b'D' | b'd') && trimmed.len() <= 60 {
            if let Some((day, date)) = parse_day(&trimmed.to_lowercase(), false) {
                self.close(start);
                self.lightning = None;
                self.apply_event(EventLine::Day(day, date), lineno);
                self.list_ok = true;
                return;
            }
        }
        if !in_heading_talk && self.lightning.is_none() {
            if first.is_ascii_digit() && self.list_ok && ind < 4 {
                if let Some(item) = list_talk(trimmed).or_else(|| strip_time(trimmed).map(|(r, _)| r)) {
                    let (title, speakers) = title_and_speakers(item, true);
                    if is_break(&title.to_lowercase()) {
                        self.close(start);
                        return;
                    }
                    if !title.is_empty() {
                        let (kind, title) = keynote_title(title);
                        self.start(start, kind, title, speakers, lineno, Origin::Item, next, None);
                        return;
                    }
                }
            }
            if trimmed.len() <= 100 && self.open.is_none() {
                if let Some(d) = date_only(trimmed) {
                    self.apply_event(EventLine::Date(d), lineno);
                    return;
                }
                if let Some(e) = parse_event(trimmed, false) {
                    self.apply_event(EventLine::Conference(e), lineno);
                    self.list_ok = true;
                    if self.context.is_none() {
                        self.context = Some(1);
                    }
                    return;
                }
                let lower = trimmed.to_lowercase();
                let lower = lower.trim_matches(|c: char| c == ':' || c == '*' || c == '_' || c.is_whitespace());
                if structural(lower) == Some(Structural::Container) {
                    self.list_ok = true;
                    return;
                }
            }
        }
        if let Some(o) = &mut self.open {
            o.has_body = true;
        }
    }

    /// A line inside a lightning session: starts an item when it is a separator of the
    /// session's style. Returns whether the line was used.
    fn lightning_item(&mut self, ind: usize, trimmed: &'a str, lineno: u32, start: usize, next: usize) -> bool {
        let Some(l) = &self.lightning else { return false };
        let style = l.style;
        let first = trimmed.as_bytes()[0];
        let (found, item): (Option<Style>, Option<&str>) = if first == b'>' && ind < 4 {
            (Some(Style::Quote), Some(trimmed[1..].trim()))
        } else if ind < 2
            && matches!(first, b'-' | b'*' | b'+')
            && trimmed.as_bytes().get(1).is_some_and(|b| *b == b' ')
        {
            (Some(Style::Bullet), Some(trimmed[2..].trim()))
        } else if ind < 2 && first.is_ascii_digit() {
            match list_talk(trimmed) {
                Some(item) => (Some(Style::Numbered), Some(item)),
                None => (None, None),
            }
        } else {
            (None, None)
        };
        if let (Some(found), Some(item)) = (found, item) {
            if style.is_none() || style == Some(found) {
                if let Some(l) = &mut self.lightning {
                    l.style = Some(found);
                }
                if item.is_empty() {
                    self.start(
                        start,
                        SectionKind::Lightning,
                        String::new(),
                        vec![],
                        lineno,
                        Origin::Lightning,
                        next,
                        Some(Await { fallback: None, move_line: true }),
                    );
                } else {
                    let (title, speakers) = title_and_speakers(item, true);
                    self.start(start, SectionKind::Lightning, title, speakers, lineno, Origin::Lightning, next, None);
                }
                return true;
            }
            return false;
        }
        // `> a curious bug`, blank lines, then `SPy: static python` and its notes: an item
        // with no notes of its own followed by a line shaped like a talk title starts the
        // next talk.
        if style == Some(Style::Quote) && self.blank_run >= 2 && ind == 0 {
            let bodiless =
                matches!(&self.open, Some(o) if o.origin == Origin::Lightning && !o.has_body && o.awaiting.is_none());
            if bodiless && is_subtitle_title(trimmed) {
                let (title, speakers) = title_and_speakers(trimmed, false);
                self.start(start, SectionKind::Lightning, title, speakers, lineno, Origin::Lightning, next, None);
                return true;
            }
        }
        false
    }
}

/// `Project: tagline`: one to three words, a colon, a short lower-case tagline.
fn is_subtitle_title(s: &str) -> bool {
    let Some((head, tail)) = s.split_once(": ") else { return false };
    let head_words = head.split_whitespace().count();
    let tail = tail.trim();
    (1..=3).contains(&head_words)
        && head.chars().next().is_some_and(char::is_uppercase)
        && !tail.is_empty()
        && s.split_whitespace().count() <= 10
        && s.len() <= 80
        && !tail.ends_with(['.', '?', '!'])
}

fn first_heading_is_title(text: &str, from: usize) -> bool {
    let mut count = 0;
    let mut first_l1 = false;
    for (s, e, _) in lines(&text[from..]) {
        let line = &text[from + s..from + e];
        let (ind, rest) = indent(line);
        if ind < 4 && rest.starts_with('#') {
            if let Some((level, _)) = parse_heading(rest) {
                if count == 0 {
                    first_l1 = level == 1;
                }
                count += 1;
                if count > 1 {
                    break;
                }
            }
        }
    }
    first_l1 && count > 1
}

fn fence_len(rest: &str, ch: u8) -> Option<usize> {
    let n = rest.bytes().take_while(|&b| b == ch).count();
    (n >= 3).then_some(n)
}

/// `## Title ##` -> `(2, "Title")`; `#tag`, `#!/bin/sh` and `#######` are not headings.
fn parse_heading(rest: &str) -> Option<(u8, &str)> {
    let n = rest.bytes().take_while(|&b| b == b'#').count();
    if !(1..=6).contains(&n) {
        return None;
    }
    let after = &rest[n..];
    if !after.is_empty() && !after.starts_with([' ', '\t']) {
        return None;
    }
    let mut content = after.trim();
    // A closing sequence: `## Title ##`.
    let stripped = content.trim_end_matches('#');
    if stripped.len() < content.len() && (stripped.is_empty() || stripped.ends_with([' ', '\t'])) {
        content = stripped.trim_end();
    }
    if content.is_empty() {
        return None;
    }
    Some((n as u8, content))
}

/// Whether heading-like text is code: `x = f(y)`, `int main() {`, `foo.h`, `a::b`, `a -> b`.
fn looks_like_code(s: &str) -> bool {
    let b = s.as_bytes();
    if s.contains(['=', ';', '{', '}']) || s.contains("::") || s.contains("->") {
        return true;
    }
    if s.split_whitespace().any(|w| w.ends_with(".h") && w.len() > 2) {
        return true;
    }
    // Call syntax `name(`.
    b.windows(2).any(|w| w[1] == b'(' && (w[0].is_ascii_alphanumeric() || w[0] == b'_'))
}

/// Removes `**` bold markers and a surrounding markdown link.
fn strip_bold(s: &str) -> String {
    let mut out = s.replace("**", "");
    if out.starts_with('[') {
        if let Some(close) = out.find("](") {
            if out.ends_with(')') {
                out = out[1..close].to_string();
            }
        }
    }
    out.trim().to_string()
}

/// Cleans a title: emphasis, quotes, a trailing `:`/`.`/`\`, runs of spaces.
fn clean_title(s: &str) -> String {
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

// ---------------------------------------------------------------------------------
// Markers, speakers, structure words

#[derive(Debug)]
struct Marker<'s> {
    kind: SectionKind,
    rest: &'s str,
    timed: bool,
    fallback: String,
}

/// Compiles this module's regexes now (each is compiled once, on first use): a
/// start-up can do it on another thread while it reads the lexicon.
pub(crate) fn warm_up() {
    talk_re();
    keynote_re();
    day_re();
    date_re();
}

fn talk_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)^(?:talk|session|presentation)\s*(?:#|no\.?)?\s*(\d{1,4})\b\s*(?:[:.)\]|–—-]+\s*)?(.*)$")
            .expect("valid regex")
    })
}

fn keynote_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?i)^(?:(?:opening|closing|morning|afternoon|final|main|day\s*\d+)\s+)?keynote\b\s*(?:[:|–—-]+\s*)?(.*)$",
        )
        .expect("valid regex")
    })
}

/// A talk marker at the start of a heading: a time, `Talk N`, `Keynote`.
fn parse_marker(h: &str) -> Option<Marker<'_>> {
    let (body, time) = match strip_time(h) {
        Some((rest, time)) => (rest, Some(time)),
        None => (h, None),
    };
    let fallback = time.map(str::to_string).unwrap_or_default();
    if body.len() >= 7 && body.as_bytes()[..7].eq_ignore_ascii_case(b"keynote")
        || body.to_ascii_lowercase().contains("keynote")
    {
        if let Some(c) = keynote_re().captures(body) {
            let rest = c.get(1).map_or("", |m| m.as_str());
            return Some(Marker {
                kind: SectionKind::Keynote,
                rest,
                timed: time.is_some(),
                fallback: "Keynote".into(),
            });
        }
    }
    if matches!(body.as_bytes().first(), Some(b'T' | b't' | b'S' | b's' | b'P' | b'p')) {
        if let Some(c) = talk_re().captures(body) {
            let n = c.get(1).map_or("", |m| m.as_str());
            let rest = c.get(2).map_or("", |m| m.as_str());
            return Some(Marker {
                kind: SectionKind::Talk,
                rest,
                timed: time.is_some(),
                fallback: format!("Talk {n}"),
            });
        }
    }
    time.map(|_| Marker { kind: SectionKind::Talk, rest: body, timed: true, fallback })
}

/// `10:30`, `10.30`, `10h30`, `9:00 am`, `14:00-14:30`, `[10:30]` at the start of `s`:
/// returns the text after it (separators removed) and the time as written.
fn strip_time(s: &str) -> Option<(&str, &str)> {
    let b = s.as_bytes();
    let mut i = usize::from(b.first() == Some(&b'['));
    let t0 = i;
    let one = |i: usize| -> Option<usize> {
        let d = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
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
        // `19.07.2023` is a date, `10:305` nothing.
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
    i = one(i)?;
    // A range.
    let after = &s[i..];
    let trimmed = after.trim_start();
    let mut range_end = None;
    for sep in ["-", "–", "—", "to "] {
        if let Some(r) = trimmed.strip_prefix(sep) {
            let r2 = r.trim_start();
            let off = s.len() - r2.len();
            if let Some(e) = one(off) {
                range_end = Some(e);
            }
            break;
        }
    }
    if let Some(e) = range_end {
        i = e;
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

/// Splits a speaker off a title: `(Jane Doe)` at the end, `by Jane Doe`, and with
/// `dash` also `Title - Jane Doe`. A part counts as speakers only if every name in
/// it looks like a person's name.
fn title_and_speakers(s: &str, dash: bool) -> (String, Vec<String>) {
    let s = s.trim().replace("**", "");
    let s = s.trim();
    // `(Name)` at the end.
    if let Some(inner_start) = s.strip_suffix(')').and_then(|x| x.rfind('(')) {
        let inner = &s[inner_start + 1..s.len() - 1];
        if let Some(names) = person_names(inner) {
            return (clean_title(&s[..inner_start]), names);
        }
    }
    // `by Name`.
    for sep in [" by ", " By ", " BY "] {
        if let Some(i) = s.rfind(sep) {
            if let Some(names) = person_names(&s[i + sep.len()..]) {
                return (clean_title(&s[..i]), names);
            }
        }
    }
    if let Some(rest) = s.strip_prefix("by ").or_else(|| s.strip_prefix("By ")) {
        if let Some(names) = person_names(rest) {
            return (String::new(), names);
        }
    }
    if dash {
        for sep in [" — ", " – ", " - ", " —", " -- "] {
            if let Some(i) = s.rfind(sep) {
                let (left, right) = (&s[..i], &s[i + sep.len()..]);
                if !left.trim().is_empty() {
                    if let Some(names) = person_names(right) {
                        return (clean_title(left), names);
                    }
                }
            }
        }
    }
    (clean_title(s), vec![])
}

/// `Keynote: Title` in a list item.
fn keynote_title(title: String) -> (SectionKind, String) {
    if let Some(c) = keynote_re().captures(&title) {
        let rest = clean_title(c.get(1).map_or("", |m| m.as_str()));
        return (SectionKind::Keynote, if rest.is_empty() { "Keynote".into() } else { rest });
    }
    (SectionKind::Talk, title)
}

/// The names in `A`, `A and B`, `A & B`, `A, B`, if every one is a person's name.
fn person_names(s: &str) -> Option<Vec<String>> {
    let names = split_names(s.trim().trim_end_matches(['.', ',']));
    if names.is_empty() || !names.iter().all(|n| is_person_name(n)) {
        return None;
    }
    Some(names.into_iter().map(str::to_string).collect())
}

const PARTICLES: &[&str] = &[
    "van", "de", "von", "der", "den", "da", "di", "du", "le", "la", "del", "della", "dos", "das", "ten", "ter", "bin",
    "al",
];

const NOT_NAMES: &[&str] = &[
    "the",
    "a",
    "an",
    "of",
    "in",
    "on",
    "for",
    "with",
    "and",
    "or",
    "to",
    "from",
    "is",
    "are",
    "how",
    "why",
    "what",
    "when",
    "your",
    "my",
    "our",
    "we",
    "you",
    "it",
    "at",
    "by",
    "not",
    "into",
    "about",
    "vs",
    "part",
    "talk",
    "keynote",
    "intro",
    "introduction",
    "day",
    "session",
    "panel",
    "workshop",
    "tutorial",
    "lightning",
    "questions",
    "new",
    "using",
    "building",
    "making",
    "python",
    "rust",
    "static",
    "live",
    "demo",
    "q&a",
    "slides",
    "video",
];

/// Two to four capitalised words (particles `van`, `de`, ... allowed between them),
/// letters with hyphens, apostrophes and initials: `Guido van Rossum`, `Jean-Luc Picard`.
pub(crate) fn is_person_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    let mut caps = 0;
    for (i, w) in words.iter().enumerate() {
        let lw = w.to_lowercase();
        if i > 0 && i + 1 < words.len() && PARTICLES.contains(&lw.as_str()) {
            continue;
        }
        if NOT_NAMES.contains(&lw.as_str()) {
            return false;
        }
        let mut chars = w.chars();
        if !chars.next().is_some_and(|c| c.is_uppercase()) {
            return false;
        }
        if !w.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.')) {
            return false;
        }
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        if letters > 1 && !w.chars().any(char::is_lowercase) {
            return false;
        }
        caps += 1;
    }
    (2..=4).contains(&caps)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Structural {
    /// Holds talks: `Talks`, `Schedule`, `Morning`, ...
    Container,
    /// A pause in a schedule: `Lunch`, `Coffee break`.
    Break,
    /// A note's own parts: `Notes`, `Questions`, `Key takeaways`, `Links`, `TODO`, ...
    Aside,
}

fn is_break(lower: &str) -> bool {
    matches!(
        lower,
        "lunch"
            | "lunch break"
            | "break"
            | "coffee break"
            | "coffee"
            | "tea break"
            | "registration"
            | "dinner"
            | "breakfast"
    )
}

/// Headings and lines that are structure, never talks (`lower` is lower-cased and trimmed).
fn structural(lower: &str) -> Option<Structural> {
    if is_break(lower) {
        return Some(Structural::Break);
    }
    let container = matches!(
        lower,
        "talks"
            | "the talks"
            | "talk notes"
            | "schedule"
            | "agenda"
            | "program"
            | "programme"
            | "sessions"
            | "keynotes"
            | "morning"
            | "afternoon"
            | "evening"
            | "morning sessions"
            | "afternoon sessions"
            | "morning session"
            | "afternoon session"
            | "workshops"
            | "tutorials"
            | "talks attended"
            | "talks i attended"
            | "talks i saw"
    );
    if container {
        return Some(Structural::Container);
    }
    let aside = matches!(
        lower,
        "notes"
            | "my notes"
            | "personal notes"
            | "general notes"
            | "random notes"
            | "misc"
            | "miscellaneous"
            | "other"
            | "others"
            | "questions"
            | "q&a"
            | "q & a"
            | "qa"
            | "key takeaways"
            | "takeaways"
            | "takeaway"
            | "summary"
            | "conclusion"
            | "conclusions"
            | "links"
            | "resources"
            | "references"
            | "todo"
            | "to do"
            | "to-do"
            | "todos"
            | "follow up"
            | "follow-up"
            | "next steps"
            | "thoughts"
            | "overview"
            | "contents"
            | "table of contents"
            | "action items"
            | "ideas"
            | "people"
            | "people i met"
            | "sponsors"
            | "booths"
            | "hallway track"
            | "tags"
    ) || (lower.split_whitespace().any(|w| w == "notes")
        && (lower.contains("talk")
            || lower.contains("conference")
            || lower.starts_with("my ")
            || lower.starts_with("personal ")));
    aside.then_some(Structural::Aside)
}

fn is_lightning_start(lower: &str) -> bool {
    lower.starts_with("lightning talk") || lower == "lightnings" || lower.starts_with("lightning session")
}

/// `1) Title - Speaker`, `2. Title`: the item's text.
fn list_talk(s: &str) -> Option<&str> {
    let d = s.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=3).contains(&d) {
        return None;
    }
    let rest = &s[d..];
    let rest = rest.strip_prefix(['.', ')'])?;
    if !rest.starts_with([' ', '\t']) {
        return None;
    }
    let item = rest.trim();
    // A time after the number: `1. 10:30 Title`.
    let item = strip_time(item).map_or(item, |(r, _)| r);
    (!item.is_empty()).then_some(item)
}

// ---------------------------------------------------------------------------------
// Events and dates

#[derive(Debug, Clone, PartialEq, Eq)]
struct EventParse {
    name: String,
    day: Option<u32>,
    date: Option<String>,
}

#[derive(Debug)]
enum EventLine {
    Conference(EventParse),
    Day(u32, Option<String>),
    Date(String),
}

/// Known conference names with their usual casing (keys are lower-case).
const CONFERENCES: &[(&str, &str)] = &[
    ("europython", "EuroPython"),
    ("pycon", "PyCon"),
    ("pyconde", "PyConDE"),
    ("pydata", "PyData"),
    ("djangocon", "DjangoCon"),
    ("rustconf", "RustConf"),
    ("rustfest", "RustFest"),
    ("eurorust", "EuroRust"),
    ("rustnation", "RustNation"),
    ("fosdem", "FOSDEM"),
    ("kubecon", "KubeCon"),
    ("cloudnativecon", "CloudNativeCon"),
    ("jsconf", "JSConf"),
    ("nodeconf", "NodeConf"),
    ("reactconf", "React Conf"),
    ("scipy", "SciPy"),
    ("euroscipy", "EuroSciPy"),
    ("pygotham", "PyGotham"),
    ("pybay", "PyBay"),
    ("pyohio", "PyOhio"),
    ("gophercon", "GopherCon"),
    ("strangeloop", "Strange Loop"),
    ("qcon", "QCon"),
    ("devoxx", "Devoxx"),
    ("jsworld", "JSWorld"),
    ("dotnetconf", ".NET Conf"),
    ("ndc", "NDC"),
    ("oscon", "OSCON"),
    ("re:invent", "re:Invent"),
    ("reinvent", "re:Invent"),
    ("neurips", "NeurIPS"),
    ("icml", "ICML"),
    ("pgconf", "PGConf"),
    ("devopsdays", "DevOpsDays"),
    ("hashiconf", "HashiConf"),
    ("dockercon", "DockerCon"),
    ("pyladiescon", "PyLadiesCon"),
    ("wagtail", "Wagtail"),
];

const REGIONS: &[&str] =
    &["us", "eu", "uk", "de", "au", "ca", "fr", "it", "jp", "nl", "es", "pl", "cz", "ie", "nz", "apac", "latam"];

const CONFERENCE_SUFFIXES: &[&str] = &["con", "conf", "fest", "camp", "summit", "days", "meetup", "week", "hack"];

/// Normalises the casing of known conference words: `Europython` -> `EuroPython`,
/// `pycon us` -> `PyCon US`; other words are kept as written.
fn normalise_name(s: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    for (i, w) in s.split_whitespace().enumerate() {
        let lw = w.to_lowercase();
        if let Some((_, canon)) = CONFERENCES.iter().find(|(k, _)| *k == lw) {
            out.push((*canon).to_string());
        } else if i > 0 && REGIONS.contains(&lw.as_str()) {
            out.push(lw.to_uppercase());
        } else {
            out.push(w.to_string());
        }
    }
    out.join(" ")
}

/// The first stand-alone year `19xx`/`20xx` in `s`: its byte range.
fn find_year(s: &str) -> Option<(usize, usize)> {
    let b = s.as_bytes();
    let mut i = 0;
    while i + 4 <= b.len() {
        if b[i].is_ascii_digit() {
            let d = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
            let before_ok = i == 0 || !b[i - 1].is_ascii_alphanumeric();
            let after = b.get(i + d);
            let after_ok = after.is_none_or(|c| !c.is_ascii_alphanumeric());
            if d == 4 && before_ok && after_ok && (b[i..i + 2] == *b"19" || b[i..i + 2] == *b"20") {
                return Some((i, i + 4));
            }
            i += d;
        } else {
            i += 1;
        }
    }
    None
}

fn day_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"(?i)\bday\s*(\d{1,2})\b").expect("valid regex"))
}

/// A conference with its year: `Europython 2023 conference day 1`,
/// `PyCon US 2024 — Day 2`, `# PyData Berlin 2024, day 2`. Unknown names need a sign
/// that they are a conference (a `-con`/`-conf`/`summit`-like word, `conference`, a day
/// or a date) unless `lenient` (front matter, where the field says so).
fn parse_event(s: &str, lenient: bool) -> Option<EventParse> {
    if s.len() > 120 {
        return None;
    }
    let mut work = s.to_string();
    let date = find_date(&work).map(|d| {
        work.replace_range(d.range.clone(), " ");
        d.iso
    });
    let (ys, ye) = find_year(&work)?;
    let year = work[ys..ye].to_string();
    let name_part = work[..ys].trim().trim_end_matches([',', ':', '-', '–', '—', '|', '(']).trim();
    let name_part = name_part.trim_start_matches(['#', '*', '_']).trim();
    // `Python Meetup Berlin — March 2024`: the month belongs to the date, not the name.
    let name_part = match name_part.rsplit_once(char::is_whitespace) {
        Some((head, last)) if month_number(last).is_some() && is_month_name(last) => {
            head.trim().trim_end_matches([',', ':', '-', '–', '—', '|', '(']).trim()
        }
        _ => name_part,
    };
    let rest = &work[ye..];
    let words: Vec<&str> = name_part.split_whitespace().collect();
    if words.is_empty() || words.len() > 4 {
        return None;
    }
    let known = words.iter().any(|w| CONFERENCES.iter().any(|(k, _)| *k == w.to_lowercase()));
    if !words.iter().all(|w| {
        w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            || CONFERENCES.iter().any(|(k, _)| *k == w.to_lowercase())
            || REGIONS.contains(&w.to_lowercase().as_str())
    }) {
        return None;
    }
    let rest_lower = rest.to_lowercase();
    let day = day_re().captures(&rest_lower).and_then(|c| c[1].parse().ok());
    let rest_clean = day_re().replace_all(&rest_lower, " ");
    let mut said_conference = false;
    for w in rest_clean.split(|c: char| c.is_whitespace() || ",;:-–—|()[]/.".contains(c)) {
        if w.is_empty() {
            continue;
        }
        match w {
            "conference" | "conf" | "edition" | "summit" => said_conference = true,
            "notes" | "in" | "at" | "talks" => {}
            _ if weekday(w) => {}
            _ => {
                // A place, as written: `Prague`, `Berlin`.
                let orig_ok = rest.split_whitespace().any(|o| {
                    o.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase() == w
                        && o.trim_matches(|c: char| !c.is_alphanumeric()).chars().next().is_some_and(char::is_uppercase)
                });
                if !orig_ok {
                    return None;
                }
            }
        }
    }
    let suffix = words.iter().any(|w| {
        let lw = w.to_lowercase();
        CONFERENCE_SUFFIXES.iter().any(|suf| lw.ends_with(suf) && lw.len() > suf.len())
            || matches!(lw.as_str(), "conference" | "summit" | "days" | "meetup")
    });
    if !(known || suffix || said_conference || day.is_some() || date.is_some() || lenient) {
        return None;
    }
    Some(EventParse { name: format!("{} {year}", normalise_name(name_part)), day, date })
}

/// `Day 2`, `Day 2 - 20.07.2023`, `day 2: Friday` (`lower` is lower-case). In a plain
/// line only a date or a weekday may follow; a heading may say more.
fn parse_day(lower: &str, heading: bool) -> Option<(u32, Option<String>)> {
    let rest = lower.strip_prefix("day")?;
    let rest = rest.trim_start();
    let d = rest.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&d) {
        return None;
    }
    let n: u32 = rest[..d].parse().ok()?;
    let tail = &rest[d..];
    if tail.starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    let date = find_date(tail);
    if !heading {
        let mut t = tail.to_string();
        if let Some(d) = &date {
            t.replace_range(d.range.clone(), " ");
        }
        if !t.split(|c: char| c.is_whitespace() || ",;:-–—|()".contains(c)).all(|w| w.is_empty() || weekday(w)) {
            return None;
        }
    }
    Some((n, date.map(|d| d.iso)))
}

fn weekday(w: &str) -> bool {
    matches!(
        w,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "mon"
            | "tue"
            | "tues"
            | "wed"
            | "thu"
            | "thur"
            | "thurs"
            | "fri"
            | "sat"
            | "sun"
    )
}

struct FoundDate {
    iso: String,
    range: std::ops::Range<usize>,
}

fn date_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let month = "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec";
        let pattern = format!(
            r"(?i)\b(?:(?P<iy>\d{{4}})-(?P<im>\d{{1,2}})-(?P<id>\d{{1,2}})|(?P<nd>\d{{1,2}})[./-](?P<nm>\d{{1,2}})[./-](?P<ny>\d{{4}})|(?P<td>\d{{1,2}})(?:st|nd|rd|th)?\.?\s+(?P<tm>{month})\.?,?\s+(?P<ty>\d{{4}})|(?P<mm>{month})\.?\s+(?P<md>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<my>\d{{4}}))\b"
        );
        Regex::new(&pattern).expect("valid regex")
    })
}

fn month_number(name: &str) -> Option<u32> {
    let m = name.get(..3)?.to_ascii_lowercase();
    let i = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        .iter()
        .position(|x| *x == m)?;
    Some(i as u32 + 1)
}

/// The first date in `s` (`19.07.2023`, `19/07/2023`, `2023-07-19`, `July 19, 2023`,
/// `19 July 2023`, `Jul 19 2023`), as ISO `2023-07-19`. Numeric dates are read day
/// first unless that is impossible (`07/19/2023`).
fn find_date(s: &str) -> Option<FoundDate> {
    if !s.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    for c in date_re().captures_iter(s) {
        let whole = c.get(0).expect("group 0 always matches");
        let num = |n: &str| c.name(n).and_then(|m| m.as_str().parse::<u32>().ok());
        let (y, m, d) = if let Some(y) = num("iy") {
            (y, num("im"), num("id"))
        } else if let Some(y) = num("ny") {
            let (a, b) = (num("nd").unwrap_or(0), num("nm").unwrap_or(0));
            if b > 12 && a <= 12 {
                (y, Some(a), Some(b))
            } else {
                (y, Some(b), Some(a))
            }
        } else if let Some(y) = num("ty") {
            (y, c.name("tm").and_then(|m| month_number(m.as_str())), num("td"))
        } else if let Some(y) = num("my") {
            (y, c.name("mm").and_then(|m| month_number(m.as_str())), num("md"))
        } else {
            continue;
        };
        let (Some(m), Some(d)) = (m, d) else { continue };
        if (1900..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d) {
            return Some(FoundDate { iso: format!("{y:04}-{m:02}-{d:02}"), range: whole.range() });
        }
    }
    None
}

/// Whether `w` is a month's name or its usual abbreviation (`March`, `Mar`, `Sept`).
fn is_month_name(w: &str) -> bool {
    let w = w.trim_end_matches('.').to_ascii_lowercase();
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
    .iter()
    .any(|m| *m == w || (w.len() >= 3 && m.starts_with(w.as_str()) && w.len() <= 4))
}

/// A line or heading that is only a date (with perhaps a weekday or `Date:`), or a date
/// followed by a place (`May 17, 2024, Pittsburgh`: up to three capitalised words).
fn date_only(s: &str) -> Option<String> {
    if s.len() > 60 {
        return None;
    }
    let d = find_date(s)?;
    let is_sep = |c: char| c.is_whitespace() || ",;:-–—|()*_".contains(c);
    let before = s[..d.range.start].to_lowercase();
    if !before.split(is_sep).all(|w| w.is_empty() || weekday(w) || w == "date") {
        return None;
    }
    let after: Vec<&str> = s[d.range.end..].split(is_sep).filter(|w| !w.is_empty()).collect();
    let place = after.len() <= 3 && after.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase));
    let weekdays = after.iter().all(|w| weekday(&w.to_lowercase()));
    (weekdays || place).then_some(d.iso)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn note(text: &str) -> Note {
        Note {
            file: "t.md".into(),
            key: "t".into(),
            text: text.to_string(),
            markup: crate::notes::document::Markup::Markdown,
        }
    }

    /// (line, kind, title) of every section.
    fn talks(text: &str) -> Vec<(u32, &'static str, String)> {
        let n = note(text);
        let doc = segment(&n);
        doc.sections.iter().map(|s| (s.line, s.kind.name(), s.title.clone())).collect()
    }

    fn titles(text: &str) -> Vec<String> {
        talks(text).into_iter().map(|t| t.2).collect()
    }

    fn sample() -> Note {
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/notes/europython-2023-day1.md"))
            .expect("the sample note is in the repository");
        Note {
            file: "notes/europython-2023-day1.md".into(),
            key: "europython-2023-day1".into(),
            text,
            markup: crate::notes::document::Markup::Markdown,
        }
    }

    #[test]
    fn sample_talks_lines_and_titles() {
        let n = sample();
        let doc = segment(&n);
        let got: Vec<(u32, &str, &str)> =
            doc.sections.iter().map(|s| (s.line, s.kind.name(), s.title.as_str())).collect();
        assert_eq!(
            got,
            vec![
                (7, "keynote", "Keynote"),
                (22, "talk", "How are we making Cpython faster"),
                (90, "talk", "Making f strings faster in 3.12"),
                (125, "talk", "Hpy"),
                (173, "talk", "The power of spec testing. Functional req to unit tests"),
                (219, "talk", "CPython panel discussion"),
                (233, "talk", "Dynamically generated methods"),
                (249, "talk", "BDD"),
                (334, "talk", "LLMs from prototype to production"),
                (390, "lightning", "AI tournament happening"),
                (398, "lightning", "Securing Opensrouce software act, GDPR"),
                (402, "lightning", "AWS lambda loves python 3.11"),
                (411, "lightning", "Llama 2"),
                (417, "lightning", "change a lambda function"),
                (424, "lightning", "a curious bug with list comprehensions"),
                (428, "lightning", "Spy: static python"),
                (446, "lightning", "learning python through blocks"),
            ]
        );
    }

    #[test]
    fn sample_event_speakers_and_bodies() {
        let n = sample();
        let doc = segment(&n);
        assert_eq!(
            doc.events,
            vec![EventInfo { name: "EuroPython 2023".into(), day: Some(1), date: Some("2023-07-19".into()), line: 3 }]
        );
        assert!(doc.sections.iter().all(|s| s.event == Some(0)));
        let bdd = &doc.sections[7];
        assert_eq!(bdd.speakers, vec![Named { name: "Sebastian Buczynsmi".into(), line: 249 }]);
        // The title taken from the next line is not in the body.
        let t2 = &doc.sections[2];
        assert_eq!(t2.body_line, 93);
        assert!(!t2.body.contains("Making f strings"));
        assert!(t2.body.contains("Adding python 3.5"));
        // The keynote body runs to the next talk, its speaker line included.
        let k = &doc.sections[0];
        assert_eq!(k.body_line, 8);
        assert!(k.body.contains("Brett Cannon") && !k.body.contains("Talk 1"));
        // `# include hpy.h` stays in the HPy talk; `1. Cover required behavior` in talk 4.
        assert!(doc.sections[3].body.contains("# include hpy.h"));
        assert!(doc.sections[4].body.contains("1. Cover required behavior"));
        // Talk 8 ends before `Lightning talks`.
        assert!(!doc.sections[8].body.contains("Lightning"));
        // Each body's first line is at body_line.
        let lines: Vec<&str> = n.text.lines().collect();
        for s in &doc.sections {
            if let Some(first) = s.body.lines().next() {
                assert_eq!(lines[s.body_line as usize - 1], first, "{}", s.title);
            }
        }
    }

    #[test]
    fn sample_titles_match_gold() {
        let gold: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/segment/sample-talks.json"))
                .expect("fixture exists"),
        )
        .expect("valid json");
        let n = sample();
        let doc = segment(&n);
        let norm = |s: &str| s.to_lowercase().chars().filter(|c| c.is_alphanumeric()).collect::<String>();
        for t in gold.as_array().expect("array") {
            let line = t["line"].as_u64().expect("line") as u32;
            let s = doc.sections.iter().find(|s| s.line == line).unwrap_or_else(|| panic!("no talk at {line}"));
            let mut ok: Vec<String> = vec![norm(t["title"].as_str().expect("title"))];
            if let Some(alts) = t["alt_titles"].as_array() {
                ok.extend(alts.iter().filter_map(|a| a.as_str()).map(norm));
            }
            assert!(ok.contains(&norm(&s.title)), "line {line}: {:?} not in {ok:?}", s.title);
        }
    }

    #[test]
    fn heading_forms() {
        let cases: &[(&str, &str, &str)] = &[
            ("## Talk 1: Title one", "talk", "Title one"),
            ("## Talk3 Hpy", "talk", "Hpy"),
            ("### Talk 4: The power. Of tests", "talk", "The power. Of tests"),
            ("## Talk 2 - Dash title", "talk", "Dash title"),
            ("## Talk 5: Trailing colon: ", "talk", "Trailing colon"),
            ("## **Talk 6**: Bold marker", "talk", "Bold marker"),
            ("## Keynote:", "keynote", "Keynote"),
            ("## Keynote: The future", "keynote", "The future"),
            ("## Opening keynote - Big ideas", "keynote", "Big ideas"),
            ("### 10:30 — Title here (Jane Doe)", "talk", "Title here"),
            ("## 14:00-14:30 Range title", "talk", "Range title"),
            ("## 9:00 am Keynote: Morning", "keynote", "Morning"),
            ("## [10:30] Bracketed", "talk", "Bracketed"),
            ("## Talk 7: Intro to Rust (Part 2)", "talk", "Intro to Rust (Part 2)"),
            ("## Talk 8: Powered by Rust", "talk", "Powered by Rust"),
        ];
        for (h, kind, title) in cases {
            let got = talks(&format!("{h}\n\nbody\n"));
            assert_eq!(got.len(), 1, "{h}: {got:?}");
            assert_eq!((got[0].1, got[0].2.as_str()), (*kind, *title), "{h}");
            assert_eq!(got[0].0, 1);
        }
    }

    #[test]
    fn heading_speakers() {
        let cases: &[(&str, &[&str])] = &[
            ("## Talk 1: BDD  by Sebastian Buczynsmi", &["Sebastian Buczynsmi"]),
            ("## Talk 1: Typing by Jane Doe and John Roe", &["Jane Doe", "John Roe"]),
            ("## Keynote by Guido van Rossum", &["Guido van Rossum"]),
            ("### 10:30 — Packaging (Jean-Luc Picard)", &["Jean-Luc Picard"]),
            ("### 10:30 — Packaging (José Núñez & Ana de la Cruz)", &["José Núñez", "Ana de la Cruz"]),
            ("### 10:30 — Packaging (PEP 517)", &[]),
            ("### 10:30 — Packaging (the hard way)", &[]),
            ("## Talk 2: Testing by Example", &[]),
            ("## Talk 2: APIs by BDD Team", &[]),
        ];
        for (h, want) in cases {
            let n = note(&format!("{h}\nbody\n"));
            let doc = segment(&n);
            let got: Vec<&str> = doc.sections[0].speakers.iter().map(|s| s.name.as_str()).collect();
            assert_eq!(&got, want, "{h}");
            assert!(doc.sections[0].speakers.iter().all(|s| s.line == 1));
        }
        assert_eq!(titles("## Keynote by Guido van Rossum\n"), vec!["Keynote"]);
    }

    #[test]
    fn title_on_next_line_and_missing_title() {
        let n = note("## Talk 2:\n\nReal title\n\nbody line\n");
        let doc = segment(&n);
        let s = &doc.sections[0];
        assert_eq!((s.line, s.title.as_str(), s.body_line), (1, "Real title", 4));
        assert_eq!(s.body.trim(), "body line");
        let n = note("## Talk 2:\n## Talk 3: Next\n");
        let doc = segment(&n);
        assert_eq!(doc.sections.iter().map(|s| s.title.as_str()).collect::<Vec<_>>(), vec!["Talk 2", "Next"]);
        assert_eq!(doc.warnings.len(), 1);
        assert_eq!(doc.warnings[0].line, Some(1));
    }

    #[test]
    fn plain_headings_need_a_conference_or_day() {
        let text = "# PyCon US 2024 — Day 2\n\n## Async all the way\n\ntext\n\n### Details\n\nmore\n\n## Questions\n\nq\n\n## Packaging\n";
        assert_eq!(titles(text), vec!["Async all the way", "Packaging"]);
        let n = note(text);
        let doc = segment(&n);
        assert_eq!(doc.events[0].name, "PyCon US 2024");
        assert_eq!(doc.events[0].day, Some(2));
        assert!(doc.sections[0].body.contains("### Details") && doc.sections[0].body.contains("## Questions"));
        // Generic headings are never talks, even under a conference.
        for h in ["Notes", "Key takeaways", "Summary", "Links", "TODO", "Morning", "Afternoon", "Lunch"] {
            assert!(titles(&format!("# RustConf 2023\n\n## {h}\n\ntext\n")).is_empty(), "{h}");
        }
    }

    #[test]
    fn plain_headings_alone_become_talks_only_as_a_fallback() {
        // No markers, no conference: the headings are still the talks.
        assert_eq!(
            titles("# My notes from a meetup\n\n## First talk\n\nx\n\n## Second talk\n\ny\n"),
            vec!["First talk", "Second talk"]
        );
        // But not when markers exist: then a plain heading is part of the talk.
        assert_eq!(titles("## Talk 1: A\n\nx\n\n## Random aside\n\ny\n"), vec!["A"]);
        // A single heading over prose is one talk.
        assert_eq!(titles("# How we made CPython faster\n\nMark Shannon\n"), vec!["How we made CPython faster"]);
        // Prose only: no talks, no panic.
        assert!(titles("just some text\nand more\n").is_empty());
    }

    #[test]
    fn numbered_lists_of_talks_only_where_talks_are_expected() {
        let text = "# DjangoCon 2023\n\n## Talks\n\n1) Async views - Jane Doe\n2. Forms — John Roe\n   notes about forms\n3. Keynote: Community\n\n## TODO\n\n1. Buy coffee\n";
        let n = note(text);
        let doc = segment(&n);
        let got: Vec<(u32, &str, &str)> =
            doc.sections.iter().map(|s| (s.line, s.kind.name(), s.title.as_str())).collect();
        assert_eq!(got, vec![(5, "talk", "Async views"), (6, "talk", "Forms"), (8, "keynote", "Community")]);
        assert_eq!(doc.sections[0].speakers[0].name, "Jane Doe");
        assert_eq!(doc.sections[1].speakers[0].name, "John Roe");
        assert!(doc.sections[1].body.contains("notes about forms"));
        // Inside a talk, a numbered list is text.
        assert_eq!(titles("## Talk 1: A\n\n1. Cover required behavior\n2. Document it\n"), vec!["A"]);
        // A note that is only a list of talks.
        assert_eq!(titles("1. First - Ada Lovelace\n2. Second - Alan Turing\n"), vec!["First", "Second"]);
        // Schedule lines.
        let n = note("Schedule:\n10:30 - Opening the box\n11:00 - Coffee break\n11:30 - Closing\n");
        let doc = segment(&n);
        assert_eq!(
            doc.sections.iter().map(|s| (s.line, s.title.as_str(), s.body)).collect::<Vec<_>>(),
            vec![(2, "Opening the box", ""), (4, "Closing", "")]
        );
    }

    #[test]
    fn front_matter() {
        let text = "---\ntitle: \"Faster Python\"\ndate: 2024-05-17\nconference: PyCon US\ntags: [python, perf]\nspeakers:\n  - Jane Doe\n  - John Roe\n---\n\nNotes about it.\n";
        let n = note(text);
        let doc = segment(&n);
        assert_eq!(doc.tags, vec!["python", "perf"]);
        assert_eq!(
            doc.events,
            vec![EventInfo { name: "PyCon US 2024".into(), day: None, date: Some("2024-05-17".into()), line: 4 }]
        );
        assert_eq!(doc.sections.len(), 1);
        let s = &doc.sections[0];
        assert_eq!((s.title.as_str(), s.line, s.body_line, s.event), ("Faster Python", 2, 10, Some(0)));
        assert_eq!(
            s.speakers.iter().map(|s| (s.name.as_str(), s.line)).collect::<Vec<_>>(),
            vec![("Jane Doe", 6), ("John Roe", 6)]
        );
        assert_eq!(s.body.trim(), "Notes about it.");
        // Tags as a comma string; front matter conference makes plain headings talks.
        let text = "---\nevent: EuroPython 2023\ntags: a, #b\nspeaker: Ana Lima\n---\n# One\n\nx\n\n# Two\n";
        let n = note(text);
        let doc = segment(&n);
        assert_eq!(doc.tags, vec!["a", "b"]);
        assert_eq!(
            doc.sections.iter().map(|s| (s.line, s.title.as_str())).collect::<Vec<_>>(),
            vec![(6, "One"), (10, "Two")]
        );
        // `---` that never closes is not front matter.
        assert!(segment(&note("---\ntitle: x\n")).sections.is_empty());
    }

    #[test]
    fn lightning_sessions() {
        // Bullets, after a heading; a `>` inside an ordinary talk is text.
        let text = "## Talk 1: A\n\n> quoted point\n\n## Lightning talks\n\nintro\n- First one\n  details\n- Second one\n\n## Talk 2: B\n";
        assert_eq!(
            talks(text),
            vec![
                (1, "talk", "A".into()),
                (8, "lightning", "First one".into()),
                (10, "lightning", "Second one".into()),
                (12, "talk", "B".into()),
            ]
        );
        // Sub-headings; a bullet inside an item is text.
        let text = "## Lightning talks:\n\n### Tiny thing\n\n- point\n\n### Other thing\n\ntext\n";
        assert_eq!(talks(text), vec![(3, "lightning", "Tiny thing".into()), (7, "lightning", "Other thing".into())]);
        // Quote style: a bare `>` takes the title from the next line, bullets are text.
        let text = "Lightning talks\n\n>\n\nFirst title.\n- bullet\n\n> Second title\n\n>\n>\nThird\n";
        assert_eq!(
            talks(text),
            vec![
                (5, "lightning", "First title".into()),
                (8, "lightning", "Second title".into()),
                (12, "lightning", "Third".into()),
            ]
        );
    }

    #[test]
    fn lightning_session_as_a_schedule_slot() {
        let text = "# PyCon US 2024\n\n### 14:00 — Packaging\n\nbody\n\n### 15:00 — Lightning talks\n> pip-audit in CI\n> Why I moved to marimo\n";
        assert_eq!(
            talks(text),
            [
                (3, "talk", "Packaging".to_string()),
                (8, "lightning", "pip-audit in CI".to_string()),
                (9, "lightning", "Why I moved to marimo".to_string())
            ]
        );
    }

    #[test]
    fn code_is_not_a_heading() {
        let text = "## Talk 1: A\n\n```\n# not a heading\n## nor this\n```\n~~~\n# Talk 9: nope\n~~~\n    # indented\n\t# tabbed\n#include <stdio.h>\n# include hpy.h\n# define X 1\n#!/bin/sh\n#tag\nx = 1\n# comment after code\n# compute(x)\n# a::b\n# this is lower case\n## Talk 2: B\n";
        assert_eq!(titles(text), vec!["A", "B"]);
        // `# Title` with a space is a heading in markdown.
        assert_eq!(titles("# RustConf 2023\n\n# Real heading\n"), vec!["Real heading"]);
    }

    #[test]
    fn events_and_dates() {
        let cases: &[(&str, &str, Option<u32>)] = &[
            ("Europython 2023 conference day 1", "EuroPython 2023", Some(1)),
            ("PyCon US 2024 — Day 2", "PyCon US 2024", Some(2)),
            ("RustConf 2023", "RustConf 2023", None),
            ("PyData Berlin 2024, day 2", "PyData Berlin 2024", Some(2)),
            ("pycon us 2024", "PyCon US 2024", None),
            ("FOSDEM 2024 notes", "FOSDEM 2024", None),
            ("GopherCon EU 2023", "GopherCon EU 2023", None),
            ("Python Meetup Berlin — March 2024", "Python Meetup Berlin 2024", None),
            ("PyData Amsterdam, Sept 2023", "PyData Amsterdam 2023", None),
        ];
        for (h, name, day) in cases {
            let e = parse_event(h, false).unwrap_or_else(|| panic!("{h}"));
            assert_eq!((e.name.as_str(), e.day), (*name, *day), "{h}");
        }
        for not_event in ["The state of Python in 2024", "Python 2023 trends", "Released in 2019", "Python 2023"] {
            assert_eq!(parse_event(not_event, false), None, "{not_event}");
        }
        let dates = [
            ("19.07.2023", "2023-07-19"),
            ("19/07/2023", "2023-07-19"),
            ("07/19/2023", "2023-07-19"),
            ("2023-07-19", "2023-07-19"),
            ("July 19, 2023", "2023-07-19"),
            ("19 July 2023", "2023-07-19"),
            ("Jul 19 2023", "2023-07-19"),
            ("Wednesday, 19th July 2023", "2023-07-19"),
        ];
        for (s, iso) in dates {
            assert_eq!(date_only(s).as_deref(), Some(iso), "{s}");
        }
        assert_eq!(date_only("May 17, 2024, Pittsburgh").as_deref(), Some("2024-05-17"));
        assert_eq!(date_only("Monday 13 May 2024 - Prague Congress Centre").as_deref(), Some("2024-05-13"));
        for not_date in
            ["3.11", "32.13.2023", "In 2023-07-19 we met", "10:30", "19 July 2023 was fun", "2023-07-19 we met"]
        {
            assert_eq!(date_only(not_date), None, "{not_date}");
        }
    }

    #[test]
    fn days_start_new_events() {
        let text = "# EuroPython 2023\n\n## Day 1\n\n19 July 2023\n\n### Talk 1: A\n\n## Day 2 - 20.07.2023\n\n### Talk 2: B\n\nDay 3\n\n### Talk 3: C\n";
        let n = note(text);
        let doc = segment(&n);
        let ev: Vec<(&str, Option<u32>, Option<&str>, u32)> =
            doc.events.iter().map(|e| (e.name.as_str(), e.day, e.date.as_deref(), e.line)).collect();
        assert_eq!(
            ev,
            vec![
                ("EuroPython 2023", None, None, 1),
                ("EuroPython 2023", Some(1), Some("2023-07-19"), 3),
                ("EuroPython 2023", Some(2), Some("2023-07-20"), 9),
                ("EuroPython 2023", Some(3), None, 13),
            ]
        );
        assert_eq!(doc.sections.iter().map(|s| s.event).collect::<Vec<_>>(), vec![Some(1), Some(2), Some(3)]);
        // A date with no event creates none.
        assert!(segment(&note("2023-07-19\n\n## Talk 1: A\n")).events.is_empty());
    }

    #[test]
    fn line_endings_and_edges() {
        for sep in ["\n", "\r\n", "\r"] {
            let text = ["# RustConf 2023", "", "## Talk 1: A", "body", "", "## Talk 2: B", "x"].join(sep);
            let n = note(&text);
            let doc = segment(&n);
            let got: Vec<(u32, &str, u32)> =
                doc.sections.iter().map(|s| (s.line, s.title.as_str(), s.body_line)).collect();
            assert_eq!(got, vec![(3, "A", 4), (6, "B", 7)], "{sep:?}");
            assert_eq!(doc.sections[0].body, "body");
            assert_eq!(doc.sections[1].body, "x");
        }
        assert!(segment(&note("")).sections.is_empty());
        assert!(segment(&note("   \n\t\n")).sections.is_empty());
        assert_eq!(segment(&note("## Talk 1: A\n\u{a0}\n\u{3000}\nx")).sections[0].body, "\u{a0}\n\u{3000}\nx");
        assert_eq!(titles("##\tTalk 1:\tTabbed"), vec!["Tabbed"]);
        assert_eq!(segment(&note("## Talk 1: A")).sections[0].body, "");
        assert_eq!(segment(&note("## Talk 1: A")).sections[0].body_line, 2);
        // Headings nested ten deep are text.
        assert_eq!(titles("## Talk 1: A\n########## deep\n"), vec!["A"]);
    }

    #[test]
    fn large_inputs_are_linear() {
        // 200,000 headings: each a talk under a conference heading.
        let mut text = String::from("# RustConf 2023\n");
        for i in 0..200_000 {
            text.push_str(&format!("## Talk {i}: T\n"));
        }
        assert_eq!(segment(&note(&text)).sections.len(), 200_000);
        // One 50 MB line.
        let big = "word ".repeat(10_000_000);
        let n = note(&format!("## Talk 1: A\n{big}"));
        assert_eq!(segment(&n).sections[0].body.len(), big.trim_end().len());
        let n = note(&format!("# {big}"));
        let _ = segment(&n);
        // 10,000 talks with bodies.
        let mut text = String::new();
        for i in 0..10_000 {
            text.push_str(&format!("### Talk {i}: Title {i}\n\nSome notes.\n\n"));
        }
        let n = note(&text);
        let doc = segment(&n);
        assert_eq!(doc.sections.len(), 10_000);
        assert_eq!(doc.sections[9_999].line, 9_999 * 4 + 1);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// Any text: no panic, bodies are slices of the text at their line, in order.
        #[test]
        fn never_panics_and_bodies_are_in_place(
            text in "((#{0,7}|>|-|1\\.|10:30|\\*\\*|---|```|Talk ?[0-9]:?|Keynote|Lightning talks|Day [0-9]|PyCon 2024|19\\.07\\.2023|title: x|by Jane Doe|\\(Ann Lee\\)| |\\t|\u{a0}|é|\\r|\\n|\\r\\n|[a-zA-Z:]{1,6}){0,60})"
        ) {
            let n = note(&text);
            let doc = segment(&n);
            let base = n.text.as_ptr() as usize;
            let mut last = 0;
            for s in &doc.sections {
                proptest::prop_assert!(s.line >= last && s.body_line > s.line);
                last = s.line;
                let at = s.body.as_ptr() as usize;
                proptest::prop_assert!(s.body.is_empty() || (at >= base && at + s.body.len() <= base + n.text.len()));
                if !s.body.is_empty() {
                    let before = &n.text[..at - base];
                    let line = 1 + before.matches('\n').count() + before.matches('\r').count() - before.matches("\r\n").count();
                    proptest::prop_assert_eq!(line as u32, s.body_line);
                }
            }
        }
    }

    #[test]
    fn person_names() {
        for yes in [
            "Mark Shannon",
            "Guido van Rossum",
            "Jean-Luc Picard",
            "José Núñez",
            "J. R. Hartley",
            "Sebastian Buczynsmi",
        ] {
            assert!(is_person_name(yes), "{yes}");
        }
        for no in
            ["Mark", "the hard way", "PEP 517", "BDD Team", "Part 2", "Intro To Python", "One Two Three Four Five"]
        {
            assert!(!is_person_name(no), "{no}");
        }
    }
}
