//! A formal report (a trip report, an attendance memo) lays a note out as a form:
//!
//! - memo headers under the report's title (`TO:`, `FROM:`, `DATE:`, `RE:`, perhaps
//!   with continuation lines) name its writer and readers, never a speaker; the date is
//!   the memo's, and the subject (`RE:`, `Subject:`) may name the event;
//! - each talk is a block of fields, perhaps numbered as a section (`2.3  Title: …` /
//!   `By: …` / `When: …` / `Notes: …`, values wrapped onto indented lines): a title
//!   field ([`Concept::Title`], or a talk label) with a field naming people (a speaker
//!   label or `By:`) or a time field ([`Concept::Time`]);
//! - the report's numbered sections (`3. COSTS`, `4. RECOMMENDATIONS`) and a remark in
//!   brackets between the blocks end a talk: costs, recommendations and the signature are
//!   the writer's.
//!
//! Both are read from paragraphs no other reading took. So is a block of fields right
//! under a talk's heading (`**Speaker:** Ana Ruiz`, `Room: K1`): its people are the talk's.

use super::blocks::is_slot;
use super::*;

/// The evidence of a talk written as a block of fields.
pub(super) const FIELD_BLOCK: &str = "a block of fields";

/// The evidence of a talk written as a calendar entry.
const CALENDAR: &str = "a calendar entry";

/// The words that open a name field in a form (`By: Ana Ruiz`).
const BY: &[&str] = &["by", "von", "par", "por", "door", "przez", "da"];

/// A field of a form: its key, its value (continuation lines joined), its line.
type Field<'s> = (&'s str, String, u32);

/// `l` without a section number (`2.3`, `2.3.`, `4)`) and the blanks after it.
fn without_number(l: &str) -> &str {
    let n = l.bytes().take_while(|b| b.is_ascii_digit() || *b == b'.' || *b == b')').count();
    // A number of a section has a dot or a bracket, or is short (not a year).
    let marked = l[..n].contains(['.', ')']) || n <= 2;
    if n == 0 || !l.as_bytes()[0].is_ascii_digit() || !marked {
        return l;
    }
    match l[n..].strip_prefix([' ', '\t']) {
        Some(r) => r.trim_start(),
        None => l,
    }
}

/// `Key: value` with a key of one to three words of letters.
fn field(l: &str) -> Option<(&str, &str)> {
    let (k, v) = l.split_once(':')?;
    let key = k.trim();
    let ok = !key.is_empty()
        && key.split_whitespace().count() <= 3
        && key.chars().all(|c| c.is_alphabetic() || c == ' ' || c == '-')
        && !v.starts_with("//");
    ok.then(|| (key, v.trim()))
}

/// The fields of paragraph `text` starting on line `line`: each line opening with a
/// capitalised key and a colon is a field (the first may carry a section number), a
/// line that does not goes on with the value above it (a reader of plain text keeps no
/// indentation).
fn fields(text: &str, line: u32) -> Option<Vec<Field<'_>>> {
    let mut out: Vec<Field> = Vec::new();
    for (k, raw) in text.split('\n').enumerate() {
        let t = raw.trim();
        let t = if k == 0 { without_number(t) } else { t };
        match field(t).filter(|(key, _)| key.starts_with(char::is_uppercase)) {
            Some((key, value)) => out.push((key, value.to_string(), line + k as u32)),
            None => {
                let v = &mut out.last_mut()?.1;
                v.push(' ');
                v.push_str(t);
            }
        }
    }
    Some(out)
}

/// Whether `key` is an e-mail or memo header (`To`, `From`, `Date`, `Re`, `Subject`):
/// the subject's kind, or `None`.
fn memo_header(key: &str) -> Option<MailHeader> {
    if key.eq_ignore_ascii_case("re") {
        return Some(MailHeader::Subject);
    }
    mail_header_of(key)
}

/// A memo's subject as a list (`iOSDevUK 2026, Aberystwyth University, 1-3 September
/// 2026`): its first part names the event when it holds a year and a few words, the
/// first capitalised.
fn subject_event(value: &str) -> Option<&str> {
    let first = value.split([',', '(', ';']).next()?.trim();
    let words: Vec<&str> = first.split_whitespace().collect();
    let year = |w: &&str| {
        w.len() == 4 && (w.starts_with("19") || w.starts_with("20")) && w.bytes().all(|b| b.is_ascii_digit())
    };
    let ok = (2..=5).contains(&words.len())
        && words.iter().any(year)
        && !year(&words[0])
        && words[0]
            .starts_with(|c: char| c.is_uppercase() || c.is_lowercase() && words[0].chars().any(char::is_uppercase));
    ok.then_some(first)
}

/// Whether paragraph `text` is a calendar entry: its subject (`Betreff: …`,
/// `Subject: …`), then one of a calendar's fields ([`Concept::Calendar`]).
fn is_calendar_entry(text: &str, labels: &Labels) -> bool {
    // (A subject's key is a word or two and a colon in the first bytes of the first
    // line: looked at before any line is split off, as most paragraphs are no entry.)
    let b = text.as_bytes();
    let Some(colon) = memchr::memchr(b':', &b[..b.len().min(24)]) else { return false };
    if !text.starts_with(char::is_uppercase) || memchr::memchr(b'\n', &b[..colon]).is_some() {
        return false;
    }
    memo_header(text[..colon].trim()) == Some(MailHeader::Subject)
        && text
            .split('\n')
            .skip(1)
            .filter_map(|l| field(l.trim()))
            .any(|(k, _)| labels.is(&k.to_lowercase(), Concept::Calendar))
}

/// `title` without the name of the event it belongs to before a colon or a dash
/// (`JavaLand: Title` in the notes of JavaLand 2025).
fn without_series<'s>(title: &'s str, event: Option<&str>) -> &'s str {
    let Some(event) = event else { return title };
    for sep in [": ", " - ", " — ", " – "] {
        if let Some((head, rest)) = title.split_once(sep) {
            let head = head.trim();
            let of_event = event.get(..head.len()).is_some_and(|e| e.eq_ignore_ascii_case(head))
                && event[head.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric());
            if head.len() >= 3 && of_event && rest.split_whitespace().count() >= 2 {
                return rest.trim_start();
            }
        }
    }
    title
}

/// Whether block `b`, after a talk written as a block of fields, ends it: a numbered
/// section of the report in capitals (`3. COSTS`), a line in capitals, a remark in
/// brackets.
pub(super) fn ends_block(c: &Candidate, b: &Block, labels: &Labels) -> bool {
    if !c.evidence.iter().any(|(f, _)| *f == FIELD_BLOCK) {
        return false;
    }
    // (The next entry of a calendar, a talk or not.)
    if let BlockKind::Paragraph { text } = &b.kind {
        if c.evidence.iter().any(|(f, _)| *f == CALENDAR) && is_calendar_entry(text, labels) {
            return true;
        }
    }
    let text = match &b.kind {
        BlockKind::Paragraph { text } | BlockKind::ListItem { text, .. } | BlockKind::Heading { text, .. } => text,
        _ => return false,
    };
    let t = text.trim();
    if t.starts_with('(') && t.ends_with(')') {
        return true;
    }
    let first = without_number(t.split('\n').next().unwrap_or("").trim());
    let letters = first.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 3 && first.split_whitespace().count() <= 6 && !first.chars().any(char::is_lowercase)
}

impl<'d, 'a, 'b> Run<'d, 'a, 'b> {
    /// Reads paragraph `text` (block `bi`) as memo headers or a talk's block of fields;
    /// returns whether it was one.
    pub(super) fn memo_fields(&mut self, bi: usize, b: &Block, text: &str) -> bool {
        // Most paragraphs have no line break or no field on their first line; a form's
        // first line opens with a capital or a section number.
        if !text.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) {
            return false;
        }
        // A key (three words at most, after a section number) ends within its first
        // bytes: the search is bounded.
        let head = &text.as_bytes()[..text.len().min(40)];
        if memchr::memchr(b':', head).is_none() || memchr::memchr(b'\n', text.as_bytes()).is_none() {
            return false;
        }
        // The first two lines are fields, read before any is kept.
        let mut two =
            text.split('\n').take(2).enumerate().map(|(k, l)| if k == 0 { without_number(l.trim()) } else { l.trim() });
        if !two.all(|l| field(l).is_some_and(|(k, _)| k.starts_with(char::is_uppercase))) {
            return false;
        }
        let Some(fields) = fields(text, b.line) else { return false };
        self.form(bi, b, &fields)
    }

    /// A calendar entry printed or copied from a calendar (`Betreff: JavaLand: Title` /
    /// `Ort: Raum 2`): its subject, then a calendar's field ([`Concept::Calendar`]). It
    /// is read as a block of fields before any other reading of its paragraph (a title
    /// line would take the subject whole), and only so: a meal's entry is no talk.
    /// Whether it was one.
    pub(super) fn calendar_entry(&mut self, bi: usize, b: &Block, text: &str) -> bool {
        if !is_calendar_entry(text, self.labels()) {
            return false;
        }
        let first = text.split('\n').next().unwrap_or("");
        // (The subject may name the event: `JavaLand 2025 - Keynote: …`.)
        if self.conference.is_none() {
            let subject = first.split_once(':').map_or("", |(_, v)| v.trim());
            let ev = event::parse(subject, self.labels(), self.year);
            if ev.name.is_some() {
                self.event_line(ev, b.line, false);
            }
        }
        // (Its start may date it: `Beginn: Di 01.04.2025 09:00`, in the fields below.)
        let conference_dated = self.conference.is_some_and(|e| self.events[e].date.is_some());
        if self.conference.is_some() && !conference_dated {
            let labels = self.labels();
            let mut found = None;
            for b in self.blocks[bi..].iter().take(3) {
                let BlockKind::Paragraph { text } = &b.kind else { break };
                for (k, l) in text.split('\n').enumerate() {
                    let Some((key, value)) = field(l.trim()) else { continue };
                    if found.is_none() && labels.is(&key.to_lowercase(), Concept::Calendar) {
                        let mut ev = event::parse(value, labels, self.year);
                        if matches!(ev.date, Some(Found::Date(..))) {
                            (ev.name, ev.day) = (None, None);
                            found = Some((ev, b.line + k as u32));
                        }
                    }
                }
            }
            if let Some((ev, line)) = found {
                self.event_line(ev, line, false);
            }
        }
        self.memo_fields(bi, b, text);
        true
    }

    /// In a note of two calendar entries or more, the candidates after the first entry
    /// that are no entry are read in an entry's notes: its parts, not talks.
    pub(super) fn calendar_parts(&mut self) {
        let entry = |c: &Candidate| c.evidence.iter().any(|(f, _)| *f == CALENDAR);
        if self.cands.iter().filter(|c| entry(c)).count() < 2 {
            return;
        }
        let first = self.cands.iter().position(entry).unwrap_or(0);
        for c in &mut self.cands[first..] {
            if !entry(c) {
                push_ev(c, "in a calendar entry's notes", -3);
            }
        }
    }

    /// The people a calendar entry's notes name first, below its fields: a speaker's
    /// field (`Sprecher: Ana Ruiz`) or a line that opens with names (`Ana Ruiz (Acme)`,
    /// `Ana Ruiz, Platform Team bei …`, `Doppelvortrag A (X) + B (Y) - …`).
    fn calendar_byline(&self, bi: usize) -> Option<(Vec<(String, Role)>, u32)> {
        let labels = self.labels();
        for b in self.blocks.iter().skip(bi + 1).take(8) {
            let BlockKind::Paragraph { text } = &b.kind else { return None };
            let first = strip_inline(text.split('\n').next().unwrap_or(""));
            let first = first.trim();
            let all_fields = text.split('\n').all(|l| field(l.trim()).is_some());
            let (rest, labelled) = match labels.leading(first) {
                Some((cs, r)) if cs.iter().any(|c| *c == Concept::Speaker || c.is_talk_kind()) => {
                    (r.trim_start_matches([':', ' ']), !cs.contains(&Concept::Calendar))
                }
                _ if all_fields => continue,
                _ => (first, true),
            };
            if !labelled {
                continue;
            }
            let cut = [" - ", " — ", " – "].iter().filter_map(|p| search::find(rest, p)).min();
            let rest = rest[..cut.unwrap_or(rest.len())].trim();
            // (Or one name before a remark: `Ana Ruiz, Platform Team bei einer …`.)
            let before = rest.split([',', '(']).next().unwrap_or("").trim();
            return framed::people_with_affiliation(rest, labels)
                .or_else(|| names::people(rest, labels, true))
                .or_else(|| names::people(before, labels, true).filter(|p| p.len() == 1))
                .map(|p| (p, b.line));
        }
        None
    }

    /// Reads the list items from block `bi` as memo headers or a talk's block of
    /// fields, as a plain-text outline gives them (`2.1  Title: …` over the indented
    /// `By: …`, `When: …` and their values wrapped deeper): the items up to a blank
    /// line or an item above the first's depth. Returns the index of the last block
    /// read when they were one.
    pub(super) fn memo_items(&mut self, bi: usize) -> Option<usize> {
        let b = &self.blocks[bi];
        let BlockKind::ListItem { depth: d, text, .. } = &b.kind else { return None };
        // A key ends within the first bytes (see `memo_fields`).
        memchr::memchr(b':', &text.as_bytes()[..text.len().min(40)])?;
        let first_line = text.split('\n').next().unwrap_or("");
        field(without_number(first_line.trim())).filter(|(k, _)| k.starts_with(char::is_uppercase))?;
        let mut out: Vec<(String, String, u32)> = Vec::new();
        let mut last = bi;
        for (j, item) in self.blocks.iter().enumerate().skip(bi) {
            let BlockKind::ListItem { depth, text, .. } = &item.kind else { break };
            if *depth < *d || j > bi && item.line > self.blocks[j - 1].end + 1 {
                break;
            }
            let joined = text.split('\n').map(str::trim).collect::<Vec<_>>().join(" ");
            let t = if j == bi { without_number(&joined) } else { &joined };
            match field(t).filter(|(k, _)| k.starts_with(char::is_uppercase) && *depth <= d + 1) {
                Some((key, value)) => out.push((key.to_string(), value.to_string(), item.line)),
                None if *depth > *d => {
                    let v = &mut out.last_mut()?.1;
                    v.push(' ');
                    v.push_str(t);
                }
                None => break,
            }
            last = j;
        }
        let fields: Vec<Field> = out.iter().map(|(k, v, l)| (k.as_str(), v.clone(), *l)).collect();
        self.form(bi, b, &fields).then_some(last)
    }

    /// Memo headers or a talk's block of fields: applies them; returns whether they were
    /// one of these.
    fn form(&mut self, bi: usize, b: &Block, fields: &[Field]) -> bool {
        if fields.len() < 2 {
            return false;
        }
        let headers = fields.iter().filter(|f| memo_header(f.0).is_some()).count();
        if headers >= 2 {
            for (key, value, line) in fields {
                if memo_header(key) == Some(MailHeader::Subject) {
                    let mut ev = event::parse(value, self.labels(), self.year);
                    if ev.name.is_none() {
                        ev.name = subject_event(value).map(str::to_string);
                    }
                    self.event_line(ev, *line, false);
                }
            }
            return true;
        }
        match self.field_block(bi, b, fields) {
            Some(c) => {
                self.cands.push(c);
                true
            }
            None => false,
        }
    }

    /// A talk written as a block of fields: a title field and a field naming people or
    /// a time.
    fn field_block(&self, bi: usize, b: &Block, fields: &[Field]) -> Option<Candidate> {
        let labels = self.labels();
        let key_is = |k: &str, c: Concept| labels.is(&k.to_lowercase(), c);
        // A calendar entry's subject over its place or times (`Betreff: …` / `Ort: …`).
        let calendar = fields.iter().any(|f| key_is(f.0, Concept::Calendar));
        let subject = || fields.iter().find(|f| memo_header(f.0) == Some(MailHeader::Subject)).filter(|_| calendar);
        let (_, title, title_line) =
            fields.iter().find(|f| key_is(f.0, Concept::Title) || key_is(f.0, Concept::Talk)).or_else(subject)?;
        let mut title = title.as_str();
        let mut named = false;
        let mut c = self.new_candidate(bi, b.line, Source::Field, String::new());
        if calendar {
            // (The event before it, as a calendar's entries of one event are named:
            // `JavaLand 2025 - Keynote: …`, `JavaLand: …`.)
            let event = self.conference.map(|e| self.events[e].name.as_str());
            title = without_series(framed::without_event(title), event);
            if labels.leading(title).is_some_and(|(cs, _)| cs.contains(&Concept::Break)) {
                return None;
            }
            // (The speaker after it: `Title (Dr. Ana Ruiz)`.)
            if let Some((t, people)) = title.strip_suffix(')').and_then(|x| x.rfind(" (")).and_then(|open| {
                Some((&title[..open], names::people(&title[open + 2..title.len() - 1], labels, true)?))
            }) {
                title = t;
                c.speakers = people.into_iter().map(|(name, r)| (Named { name, line: *title_line }, r)).collect();
                named = true;
            }
            if let Some((people, line)) = self.calendar_byline(bi).filter(|_| !named) {
                c.speakers = people.into_iter().map(|(name, r)| (Named { name, line }, r)).collect();
                named = true;
            }
            push_ev(&mut c, CALENDAR, 0);
        }
        c.title = clean_title(title);
        if let Some((k, r)) = lines::talk_label(labels, title) {
            c.title = clean_title(r);
            c.kind = kind_of(k);
        }
        if c.title.is_empty() {
            return None;
        }
        for (key, value, line) in fields {
            let low = key.to_lowercase();
            let role = if labels.is(&low, Concept::Moderator) {
                Role::Moderator
            } else if labels.is(&low, Concept::Speaker) || BY.contains(&low.as_str()) {
                Role::Speaker
            } else {
                continue;
            };
            let people = names::people(value, labels, true)
                .or_else(|| framed::people_with_affiliation(value, labels))
                .unwrap_or_default();
            for (name, r) in people {
                let r = if role == Role::Moderator { role } else { r };
                c.speakers.push((Named { name, line: *line }, r));
                named = true;
            }
        }
        let timed = fields.iter().any(|f| key_is(f.0, Concept::Time));
        if !(named || timed || calendar) {
            return None;
        }
        push_ev(&mut c, FIELD_BLOCK, 2);
        if named {
            push_ev(&mut c, "speaker field", 2);
        }
        if timed {
            push_ev(&mut c, "a time", 2);
        }
        let _ = title_line;
        Some(c)
    }
}

/// Whether `title` opens with a talk's kind in the plural (`Keynotes (amphi Bleu)`,
/// `Talks`, `Charlas`): a section of several talks.
fn plural_kind(title: &str, labels: &Labels) -> bool {
    let first = title.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("").to_lowercase();
    first.strip_suffix('s').is_some_and(|one| labels.whole(one).iter().any(|c| c.is_talk_kind()))
}

impl Run<'_, '_, '_> {
    /// Whether another title field (`Conférence : …`, `Talk: …`) follows block `bi`
    /// under the same heading: the heading holds several talks (`## Keynotes`).
    fn more_titles(&self, bi: usize) -> bool {
        let labels = self.labels();
        let titled = |cs: &[Concept]| cs.iter().any(|c| c.is_talk_kind() || *c == Concept::Title);
        self.blocks[bi + 1..].iter().take(64).take_while(|b| !matches!(b.kind, BlockKind::Heading { .. })).any(|b| {
            match &b.kind {
                BlockKind::Paragraph { text } | BlockKind::ListItem { text, .. } => {
                    // (A field: the label, then a colon; `Charla corta (20 min)` is prose.)
                    let first = strip_inline(text.split('\n').next().unwrap_or(""));
                    let first = first.trim();
                    labels.leading(first).is_some_and(|(cs, r)| {
                        titled(cs) && (r.trim_start().starts_with(':') || first[..first.len() - r.len()].contains(':'))
                    })
                }
                _ => false,
            }
        })
    }

    /// A block of fields right under a heading candidate, or after such a block: every
    /// line `Label: value` (a paragraph of lines, or list items one after the other:
    /// `- **Speaker:** A (X)`, `- Moderator: B`, `- Room: C`). Its people fields name
    /// the talk's speakers and moderators; the other fields (room, time, track, slides)
    /// only continue the run. Whether the block was such fields, all of it.
    pub(super) fn fields_under_heading(&mut self, bi: usize, line: u32, text: &str) -> bool {
        let Some(c) = self.cands.last() else { return false };
        // (Or under a title line or a talk's field, `14h00 - "Title"` / `- palestrante: …`.)
        let titled = matches!(c.source, Source::Heading(_) | Source::TitleLine | Source::Field);
        if !titled || !(c.block + 1 == bi || self.field_run == Some(bi)) {
            return false;
        }
        let labels = self.labels();
        // Items labelled as talks one after another (`- Paper: "Title" (…)` / `- Paper:
        // …`) are the talks under the heading, not its fields.
        if let Some(BlockKind::ListItem { depth, .. }) = self.blocks.get(bi).map(|b| &b.kind) {
            let key = |t: &str| t.trim_start().split_once(':').map(|(k, _)| k.trim().to_lowercase());
            let first = strip_inline(text.split('\n').next().unwrap_or(""));
            let talk_key = key(&first).filter(|k| labels.lookup(k).iter().any(|c| c.is_talk_kind()));
            let sibling = self.blocks[bi + 1..].iter().find_map(|b| match &b.kind {
                BlockKind::ListItem { depth: d, text, .. } if d == depth => Some(key(text)),
                BlockKind::ListItem { depth: d, .. } if d > depth => None,
                _ => Some(None),
            });
            // (Nor is one that names its own people: `- Keynote: Title by Ana Ruiz`.)
            let own_people = || {
                let by = search::rfind(&first, " by ").and_then(|i| by_clause(&first[i..]));
                by.is_some_and(|p| names::people_as(p, labels, names::Case::Capitalised).is_some())
            };
            if talk_key.is_some() && (sibling.flatten() == talk_key || own_people()) {
                return false;
            }
        }
        let mut found: Vec<(Named, Role)> = Vec::new();
        let mut title_field: Option<(String, Concept)> = None;
        // A title set apart on the first line.
        let mut shown: Option<String> = None;
        for (k, raw) in text.split('\n').enumerate() {
            let plain = strip_inline(raw);
            let l = plain.trim().trim_start_matches(['-', '*', '+']).trim_start();
            // (A field in brackets: `(prowadzący: Ana Ruiz, Acme)`.)
            let l = l.strip_prefix('(').and_then(|r| r.strip_suffix(')')).unwrap_or(l);
            // The title set apart on the first line, the fields under it (`## Keynote di
            // apertura` / `*Title*` / `relatrice: Name`).
            let r = raw.trim();
            let set_apart = r.starts_with(['*', '_', '"', '“', '«']) && r.ends_with(['*', '_', '"', '”', '»']);
            if k == 0 && set_apart && !r.starts_with("**") && text.contains('\n') {
                shown = Some(clean_title(&plain));
                continue;
            }
            let Some((key, value)) = l.split_once(':') else { return false };
            let key_words = key.split_whitespace().count();
            // A time (`09:00 Keynote: …`) is no key.
            if key_words == 0
                || key_words > 3
                || key.len() > 30
                || value.trim().is_empty()
                || !key.chars().any(char::is_alphabetic)
            {
                return false;
            }
            let people_field = match labels.leading(key) {
                Some((cs, rest)) if rest.trim().is_empty() => {
                    // A title field (`**Intervento:** Title` under `## Sala 2 — 11:00`).
                    let titled = cs.iter().copied().find(|c| {
                        matches!(
                            c,
                            Concept::Title | Concept::Talk | Concept::Keynote | Concept::Panel | Concept::Workshop
                        )
                    });
                    if let Some(concept) = titled.filter(|_| title_field.is_none()) {
                        title_field = Some((value.trim().to_string(), concept));
                    }
                    if cs.contains(&Concept::Speaker) {
                        Some(Role::Speaker)
                    } else if cs.contains(&Concept::Moderator) {
                        Some(Role::Moderator)
                    } else {
                        None
                    }
                }
                _ => None,
            };
            if let Some(role) = people_field {
                // (Perhaps with an affiliation after the names: `Dr. Ana Ruiz, DB Systel`.)
                let people = names::people(value, labels, true)
                    .or_else(|| super::framed::people_with_affiliation(value.trim(), labels));
                let Some(people) = people else { return false };
                let at = line + k as u32;
                found.extend(
                    people
                        .into_iter()
                        .map(|(name, r)| (Named { name, line: at }, if role == Role::Moderator { role } else { r })),
                );
            }
        }
        // (Under a title line, only a block naming people: notes are written `key: value` too.)
        if found.is_empty() && !matches!(self.cands.last().map(|c| c.source), Some(Source::Heading(_))) {
            return false;
        }
        // (A talk's label and title alone under a heading that is no slot, `## Friday` /
        // `Keynote: Title — Name`, is a talk of its own.)
        // (Or a heading right above a title field naming no one, whose full title it
        // gives: `## Kotlin Multiplatform` / `**Charla:** Kotlin Multiplatform en
        // producción` / `**Ponente:** …`.)
        let slot = self.cands.last().is_some_and(|c| {
            is_slot(&c.title, self.labels())
                || matches!(c.source, Source::Heading(_))
                    && c.block + 1 == bi
                    && c.speakers.is_empty()
                    && title_field
                        .as_ref()
                        .is_some_and(|(t, _)| title_and_people(t, self.labels(), true, true).1.is_empty())
                    && !self.more_titles(bi)
                    && !plural_kind(&c.title, self.labels())
        });
        if found.is_empty() && title_field.is_some() && !slot {
            return false;
        }
        self.field_run = Some(bi + 1);
        let c = self.cands.last_mut().expect("checked above");
        // A heading that says only when and where (a slot) takes its title from the
        // field.
        if let Some((title, concept)) = title_field {
            let title = clean_title(&title);
            if !title.is_empty() && slot {
                c.title = title;
                if concept != Concept::Title && concept != Concept::Talk {
                    c.kind = kind_of(concept);
                }
                push_ev(c, "a title field", 1);
            }
        }
        // Under a heading that names the kind (`Keynote di apertura`), it is the title.
        if let Some(t) = shown.filter(|t| !t.is_empty() && c.evidence.iter().any(|(f, _)| *f == "a talk label")) {
            c.title = t;
        }
        for (n, role) in found {
            if !c.speakers.iter().any(|(s, _)| s.name == n.name) {
                c.speakers.push((n, role));
            }
        }
        if !c.speakers.is_empty() && !c.evidence.iter().any(|(f, _)| *f == "speaker field") {
            push_ev(c, "speaker field", 2);
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::read_as;
    use crate::notes::document::Markup;

    #[test]
    fn a_title_set_apart_over_fields_under_a_heading_of_the_kind() {
        // `## Keynote di apertura` names only the kind; the title in italics and the
        // speaker field under it are the talk's. `a cura di` labels a speaker.
        let text = "# PyCon Italia\n\n## Keynote di apertura\n*Vent'anni di Python: cosa abbiamo imparato*\nrelatrice: Francesca Lombardi\n\n- community\n\n## Tipizzare senza soffrire\na cura di Davide Russo (lavora in una fintech)\n\n- mypy\n";
        let got: Vec<(String, Vec<String>)> = read_as(text, Markup::Markdown).into_iter().map(|t| (t.1, t.2)).collect();
        let want = [
            ("Vent'anni di Python: cosa abbiamo imparato", vec!["Francesca Lombardi"]),
            ("Tipizzare senza soffrire", vec!["Davide Russo"]),
        ];
        let want: Vec<(String, Vec<String>)> =
            want.iter().map(|(t, p)| (t.to_string(), p.iter().map(|n| n.to_string()).collect())).collect();
        assert_eq!(got, want);
    }

    const MEMO: &str = "TRIP REPORT\n===========\n\nTO:    Jane Miller, CTO\nFROM:  Sam Okafor\nDATE:  2 May 2026\nRE:    PyCon US 2026, Pittsburgh, 14-16 May 2026\n\n1. SESSIONS\n\n1.1  Title:   Free-threaded Python in practice\n     By:      Lukas Brandt (Acme)\n     When:    Thu 14 May, 10:00\n     Notes:   nogil builds, pytest-run-parallel for the\n              test suite.\n\n     (coffee with the Sentry folks)\n\n1.2  Title:   Workshop: uv for teams\n     By:      Priya Nair & Tomas Berg\n     Notes:   lockfiles, workspaces.\n\n2. COSTS\n\n     Ticket   USD 500\n\nSam Okafor\nSenior Engineer\n";

    #[test]
    fn blocks_of_fields_are_talks_and_memo_headers_name_no_one() {
        let talks = read_as(MEMO, Markup::Plain);
        let got: Vec<(&str, &[String])> = talks.iter().map(|t| (t.1.as_str(), &t.2[..])).collect();
        assert_eq!(
            got,
            [
                ("Free-threaded Python in practice", &["Lukas Brandt".to_string()][..]),
                ("uv for teams", &["Priya Nair".to_string(), "Tomas Berg".to_string()][..]),
            ]
        );
        assert!(talks[0].3.contains("pytest-run-parallel") && !talks[0].3.contains("Sentry"), "{}", talks[0].3);
        assert!(!talks[1].3.contains("Ticket"), "{}", talks[1].3);
    }

    /// A calendar printed in memo style: each entry's subject over its place, its times,
    /// its status and attendees, then the notes; a meal's entry, a meeting's entry with
    /// no speaker and the notes' own lines (`Project X: …`) are no talks.
    const CALENDAR: &str = "Brandt, Lena\n________________________________________\n\n\
        Subject:\tDevConf 2026 - Keynote: Rust in the kernel (Dr. Ana Ruiz)\nLocation:\tHall A\n\n\
        Start:\tTue 14/04/2026 09:00\nEnd:\tTue 14/04/2026 09:45\n\n\
        Required Attendees:\tBrandt, Lena; Okafor, Sam\n\n\
        Project Asahi: GPU driver in Rust\n- rust-for-linux\n\
        ________________________________________\n\n\
        Subject:\tLunch\nLocation:\tFoyer\n\nqueue far too long\n\
        ________________________________________\n\n\
        Subject:\tDevConf: Tracing with eBPF - what bpftrace shows\nLocation:\tRoom 2\n\n\
        Start:\tTue 14/04/2026 10:30\n\n\
        Tomás Iglesias, SRE at a bank\n- bpftrace one-liners\n\
        ________________________________________\n\n\
        Subject:\tTeam sync (remote)\nLocation:\tMicrosoft Teams\n\nrelease moved\n";

    #[test]
    fn calendar_entries_are_talks_by_their_subject() {
        let talks = read_as(CALENDAR, Markup::Plain);
        let got: Vec<(u32, &str, &[String])> = talks.iter().map(|t| (t.0, t.1.as_str(), &t.2[..])).collect();
        assert_eq!(
            got,
            [
                (4, "Rust in the kernel", &["Ana Ruiz".to_string()][..]),
                (22, "Tracing with eBPF - what bpftrace shows", &["Tomás Iglesias".to_string()][..]),
            ]
        );
        assert!(talks[0].3.contains("rust-for-linux") && !talks[0].3.contains("queue"), "{}", talks[0].3);
        assert!(talks[1].3.contains("one-liners") && !talks[1].3.contains("release moved"), "{}", talks[1].3);
        assert_eq!(super::without_series("JavaLand: Title of it", Some("JavaLand 2025")), "Title of it");
        assert_eq!(
            super::without_series("Java: the next ten years", Some("JavaLand 2025")),
            "Java: the next ten years"
        );
    }

    #[test]
    fn a_subject_names_the_event() {
        assert_eq!(super::subject_event("iOSDevUK 2026, Aberystwyth, 1-3 September 2026"), Some("iOSDevUK 2026"));
        assert_eq!(super::subject_event("2026 budget, travel"), None);
        assert_eq!(super::subject_event("the budget for this year"), None);
    }

    #[test]
    fn section_numbers_and_fields() {
        assert_eq!(super::without_number("2.3  Title: x"), "Title: x");
        assert_eq!(super::without_number("2026 was"), "2026 was");
        let f = super::fields("2.1  Title:  A talk\nBy:  Ana Ruiz\n(Acme)", 4).unwrap();
        assert_eq!(f.len(), 2);
        assert_eq!(f[1], ("By", "Ana Ruiz (Acme)".to_string(), 5));
        assert!(super::fields("we went to lunch\nTitle: A talk", 1).is_none());
        assert!(super::fields("note: a remark\nTitle: A talk", 1).is_none(), "a key in lower case");
    }
}
