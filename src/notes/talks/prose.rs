//! Candidates from text: paragraphs (fields, lead-in lines, titles in prose), list
//! items and tables.

use super::lines::{self, split_title_line};
use super::recap::people_before;
use super::sentence;
use super::*;

impl<'d, 'a, 'b> Run<'d, 'a, 'b> {
    /// A paragraph: the event in the first lines, a labelled field, a lead-in line,
    /// titles in prose, a speaker line under a heading.
    pub(super) fn paragraph<'s>(
        &mut self,
        bi: usize,
        b: &Block,
        text: &str,
        (raw_first, first, lead_memo): FirstLine<'_, 'd, 's>,
        seen_talkish: bool,
    ) {
        // The lines are read one after the other where they are needed (collecting them
        // for every paragraph was 37 M instructions on the 10 MB corpus).
        let below = text.get(raw_first.len() + 1..);
        // A line of tags over the rest (`#talk #kernel` / `von Florian Aigner`, as Bear
        // and Obsidian notes write under a title): the rest is the paragraph.
        let tags = || first.starts_with('#') && first.split_whitespace().all(|w| w.starts_with('#') && w.len() > 1);
        if let Some(rest) = below.filter(|r| !r.trim().is_empty() && tags()) {
            let sub = Block { kind: BlockKind::Paragraph { text: rest.into() }, line: b.line + 1, end: b.end };
            let raw = memchr::memchr(b'\n', rest.as_bytes()).map_or(rest, |i| &rest[..i]);
            let plain = strip_inline(raw);
            return self.paragraph(bi, &sub, rest, (raw, plain.trim(), &mut None), seen_talkish);
        }
        if self.fields_under_heading(bi, b.line, text) {
            return;
        }
        self.names_under_colon_heading(bi, b, text);
        // A slot line over the talk (`Session 1 | 10:30-11:30 | Room K1` / title /
        // speaker): the talk is read from the line under it, and starts at the slot.
        // (A time alone is a column schedule's slot, read below.)
        // (Nor is a video's timestamp, `2:29:45`.)
        let time_alone = || {
            strip_time(first).is_some_and(|(r, _)| r.trim().is_empty())
                || first.bytes().all(|c| c.is_ascii_digit() || c == b':' || c == b'.')
        };
        // (A slot line is short and holds a time or a room's number. A time alone over
        // one line is a slot too: `14:45` / `Title -- Name`.)
        let slot = below
            .filter(|r| first.len() <= 100 && first.bytes().any(|c| c.is_ascii_digit()) && !r.trim().is_empty())
            .filter(|r| {
                !time_alone() || !r.contains('\n') && strip_time(first).is_some_and(|(t, _)| t.trim().is_empty())
            })
            .and_then(|_| super::slot::read(first, self.labels()));
        if let (Some(rest), Some(super::slot::Read { time: timed, strict })) = (below, slot) {
            let before = self.cands.len();
            let sub = Block { kind: BlockKind::Paragraph { text: rest.into() }, line: b.line + 1, end: b.end };
            let raw = memchr::memchr(b'\n', rest.as_bytes()).map_or(rest, |i| &rest[..i]);
            let plain = strip_inline(raw);
            self.paragraph(bi, &sub, rest, (raw, plain.trim(), &mut None), seen_talkish);
            // (A loose slot's talk must name its speaker.)
            if !strict {
                let mut tail = self.cands.split_off(before);
                tail.retain(|c| c.line != b.line + 1 || !c.speakers.is_empty());
                self.cands.extend(tail);
            }
            let from = before.min(self.cands.len());
            for c in &mut self.cands[from..] {
                if c.line == b.line + 1 {
                    c.line = b.line;
                    push_ev(c, "a slot over its title", 1);
                }
            }
            if self.cands.len() > before {
                return;
            }
            if let Some((title, people)) =
                self.under_slot(rest, b.line + 1, bi).filter(|(_, p)| strict || !p.is_empty())
            {
                let mut c = self.new_candidate(bi, b.line, Source::TitleLine, title);
                if timed {
                    push_ev(&mut c, "a time", 2);
                }
                if !people.is_empty() {
                    push_ev(&mut c, "a name line under it", 2);
                }
                push_ev(&mut c, "a slot over its title", 1);
                c.speakers = people;
                self.cands.push(c);
                return;
            }
        }
        // A speaker line right under a heading candidate.
        if let Some(c) = self.cands.last() {
            if self.right_under(c.block, bi)
                && matches!(c.source, Source::Heading(_) | Source::Field)
                && c.speakers.is_empty()
            {
                let labels = self.labels();
                let joined = wrapped_list(first, below.map(|r| r.split_once('\n').map_or(r, |(l, _)| l)));
                let first = joined.as_deref().unwrap_or(first);
                // (`– Ana Ruiz, Spotify`: a dash before the name, as a byline is set.)
                let first = match first.strip_prefix(['–', '—']).or_else(|| first.strip_prefix("- ")) {
                    Some(r) => r.trim_start(),
                    None => first,
                };
                // (A field in brackets: `(prowadzący: Ana Ruiz, Acme)`.)
                let first = first.strip_prefix('(').and_then(|r| r.strip_suffix(')')).unwrap_or(first);
                // `Keynote, Ana Ruiz (Acme)`, `Workshop: Ana Ruiz`: the talk's kind, set
                // apart, then who gives it.
                let (field, value, kind) = match labels.leading(first) {
                    Some((cs, r)) if cs.contains(&Concept::Speaker) || cs.contains(&Concept::Moderator) => {
                        (true, after_copula(r), None)
                    }
                    _ => lines::kind_then(labels, first).map_or((false, first, None), |(k, r)| (false, r, Some(k))),
                };
                // (Or with whom: `mit Lukas Gruber (openSUSE)`, `avec …`, `con …`.)
                let by = by_clause(value).or_else(|| with_clause(value));
                let value = by.unwrap_or(value);
                // `A talk by NAME`, `Vortrag von NAME`: a short line naming the speaker.
                let by_word = [" by ", " von ", " av ", " door "]
                    .iter()
                    .filter_map(|w| search::find(value, w).map(|i| (i, w.len())))
                    .min();
                let (by, value) = match by_word {
                    Some((i, n)) if value[..i].split_whitespace().count() <= 3 => {
                        (Some(""), value[i + n..].trim_start())
                    }
                    _ => (by, value),
                };
                // A field holds names in any case; after `by` a name in lower case counts
                // when its words are unusual; a line alone must be capitalised.
                let case = match (field, by) {
                    (true, _) => names::Case::Any,
                    (false, Some(_)) => names::Case::Unusual,
                    (false, None) => names::Case::Capitalised,
                };
                // A name line may end with an affiliation (`Ana Ruiz (Acme)`, `A & B,
                // both Temporal`).
                // (A field's too, its names capitalised: `Referent: Tobias Brandstätter,
                // freiberuflich`.)
                // (Several fields on the line: `mit A (X), B, Moderation: C`.)
                let find = |v: &str| {
                    names::people_as(v, labels, case)
                        .or_else(|| framed::people_with_affiliation(v, labels))
                        .or_else(|| people_fields(v, labels, by.map(|_| Role::Speaker)))
                };
                if let Some(people) = find(value) {
                    let c = self.cands.last_mut().expect("checked");
                    c.speakers = people.into_iter().map(|(n, r)| (Named { name: n, line: b.line }, r)).collect();
                    if let Some(k) = kind.filter(|k| matches!(k, Concept::Keynote | Concept::Lightning)) {
                        c.kind = kind_of(k);
                    }
                    push_ev(c, "a name line under it", 2);
                    return;
                }
                // Notes that open by naming the speaker in a sentence (`Giulia Bianchi from
                // Datapizza gave a tour of …`), or by a name line run on into the notes
                // (`By Ana Ruiz. Flink SQL on …`, `Ana Ruiz — contracts as …`); the
                // paragraph is the talk's content still.
                let found = sentence::sentence_speakers(text, labels)
                    .map(|p| (p, "a speaker in its first sentence"))
                    .or_else(|| {
                        let clause = sentence::name_clause(value);
                        (clause.len() < value.len())
                            .then(|| names::people_as(clause, labels, case))
                            .flatten()
                            .map(|p| (p, "a name line under it"))
                    });
                if let Some((people, why)) = found {
                    let c = self.cands.last_mut().expect("checked");
                    c.speakers = people.into_iter().map(|(n, r)| (Named { name: n, line: b.line }, r)).collect();
                    push_ev(c, why, 2);
                }
            }
        }
        // A running log: every line opens with a time.
        if below.is_some() && strip_time(first).is_some() && self.running_log(bi, b, text) {
            return;
        }
        // The event: an e-mail subject, the first lines of the note. A header has a `:`.
        let mut fields = 0;
        let colon = memchr::memchr(b':', text.as_bytes()).is_some();
        if colon {
            // Only the lines holding a `:` are read: from one colon to the line holding
            // the next (splitting every line was 15 M instructions on the 10 MB corpus).
            let t = text.as_bytes();
            // The start of the line being read and its index.
            let (mut start, mut k) = (0, 0);
            while let Some(c) = t.get(start..).and_then(|r| memchr::memchr(b':', r)).map(|c| start + c) {
                if let Some(nl) = memchr::memrchr(b'\n', &t[start..c]) {
                    k += memchr::memchr_iter(b'\n', &t[start..c]).count();
                    start += nl + 1;
                }
                let end = memchr::memchr(b'\n', &t[c..]).map_or(t.len(), |e| c + e);
                let line = b.line + k as u32;
                let l = text[start..end].trim();
                // The key is what comes before the line's first `:`. Header keys are
                // short (`onderwerp`, 9 bytes; lower-casing shrinks a character to a
                // third at most): a longer key is not lower-cased.
                let key = Some(text[start..c].trim()).filter(|k| k.len() <= 32);
                (start, k) = (end + 1, k + 1);
                match key.and_then(mail_header_of) {
                    Some(MailHeader::Subject) => {
                        let ev = event::parse(l, self.labels(), self.year);
                        self.event_line(ev, line, false);
                        fields += 1;
                    }
                    Some(MailHeader::Other) => fields += 1,
                    None => {}
                }
            }
        }
        if fields >= 2 {
            return;
        }
        // The first line named the event: it is no title over a name line.
        let mut event_first = false;
        if !seen_talkish {
            let mut ev = event::parse(first, self.labels(), self.year);
            // A remark in parentheses (`(Vigo, 5 June 2024, first talk after the
            // opening)`) gives a date and a place, not the event's name.
            let remark = first.starts_with('(');
            if remark {
                ev.name = None;
            }
            // A first line in lower case may name the event alone (`pycones 2025 sevilla`).
            let lenient_name = ev.name.is_none() && self.conference.is_none() && b.line == 1 && !remark;
            let ev = if lenient_name && first.len() <= 160 { lower_case_event(first, self.labels(), ev) } else { ev };
            let useful = ev.name.is_some() && self.conference.is_none()
                || ev.date.is_some()
                || ev.day.is_some() && ev.name.is_some();
            if useful && first.len() <= 160 {
                event_first = ev.name.is_some();
                self.event_line(ev, b.line, false);
                if below.is_none() {
                    return;
                }
            }
            // The note's first paragraph, said line by line (a dictated memo: `okay
            // recording this …, djangocon us day one` / `so the opening keynote was …`):
            // a talk told on its second line, when its first tells none.
            let wrapped = || *self.wrapped.get_or_init(|| super::told::hard_wrapped(&self.note.text));
            if let Some(rest) = below.filter(|_| self.cands.is_empty() && !wrapped()) {
                let d = self.d;
                let raw = memchr::memchr(b'\n', rest.as_bytes()).map_or(rest, |i| &rest[..i]);
                let plain = strip_inline(raw);
                let said = || self.told_paragraph(bi, b.line + 1, rest, plain.trim(), d.labels.leading(plain.trim()));
                let own = self.told_paragraph(bi, b.line, text, first, d.labels.leading(first));
                if let Some(c) = own.is_none().then(said).flatten() {
                    return self.cands.push(c);
                }
            }
            if self.conference.is_some_and(|c| self.events[c].date.is_none()) {
                // A date in the preamble (`day one … (5 November)`, a date line under
                // the title line).
                let joined = text.replace('\n', " ");
                if let Some(found) = date::find(&joined, self.labels(), self.year) {
                    self.event_line(EventLine { date: Some(found), ..EventLine::default() }, b.line, false);
                }
            }
        }
        // The label the first line starts with, looked up once for the three below.
        let d = self.d;
        let lead = *lead_memo.get_or_insert_with(|| d.labels.leading(first));
        // A name cut by a hard wrap (`"Title" by Aleksandra` / `Nowak-Ferreira. She …`).
        let joined = wrapped_name(first, below.map(|r| r.split_once('\n').map_or(r, |(l, _)| l)));
        let first = joined.as_deref().unwrap_or(first);
        // A note said aloud: any of the paragraph's lines may start a talk.
        // (So may any line over a name alone in a note of lines with no blank between.)
        if *self.said.get_or_init(|| super::dictated::said_aloud(&self.note.text)) && self.said_lines(bi, b.line, text)
            || self.name_lines(bi, b.line, text)
        {
            return;
        }
        // A labelled field: `Vortrag: Title` then `Sprecherin: Name`.
        if let Some(mut c) = self.field(bi, b.line, text, first, lead) {
            if below.is_none() {
                self.field_over_list(&mut c, bi);
            }
            self.cands.push(c);
            return;
        }
        // A talk told in a sentence: `so the first talk was called TITLE by NAME …`,
        // `Then Ana Souza talked about …`.
        if let Some(c) = self.told_paragraph(bi, b.line, text, first, lead) {
            self.cands.push(c);
            return;
        }
        // A chat's message: `Io sono da Chiara Esposito, talk su Angular signals`.
        if let Some((title, name)) = super::sentence::name_comma_talk(first, self.labels()) {
            let mut c = self.new_candidate(bi, b.line, Source::LeadIn, title);
            push_ev(&mut c, "a person named in it", 2);
            push_ev(&mut c, super::told::TOLD, 2);
            c.speakers = vec![(Named { name, line: b.line }, Role::Speaker)];
            c.body_line = b.line + 1;
            self.cands.push(c);
            return;
        }
        // A lead-in line: `next talk - title (name)`.
        if let Some(c) = self.lead_in(bi, b.line, first, lead) {
            self.cands.push(c);
            return;
        }
        // A title line: `18:45 "Title" - Name`, `**Title** — Name`.
        if let Some(c) = self.titled_paragraph(bi, b.line, raw_first, first, lead) {
            self.cands.push(c);
            return;
        }
        // Framed shapes: a title over a speaker field or a name (`10.05–10.35  Title` /
        // `Presenter – Name`), a title field and a speaker field in either order.
        if below.is_some() && !event_first {
            if let Some(c) = self
                .title_over_field(bi, b.line, text, raw_first, first, lead)
                .or_else(|| self.field_pair(bi, b.line, text, lead))
                .or_else(|| self.name_over_title(bi, b.line, text, first))
            {
                self.cands.push(c);
                return;
            }
        } else if let Some(c) = self.title_over_list(bi, b.line, first, lead) {
            // A title alone over a list naming its people (a phone's notes app).
            self.cands.push(c);
            return;
        } else if let Some(item) = self.field_item_after(bi) {
            // A title line over a list whose first item is a speaker field (`14h00 -
            // "Title"` / `- palestrante: Name`): read as if the field were its second line.
            let framed = format!("{raw_first}\n{item}");
            if let Some(c) = self.title_over_field(bi, b.line, &framed, raw_first, first, lead) {
                self.cands.push(c);
                return;
            }
        }
        // The shortened title of a schedule's talk over its notes.
        if let Some(c) = self.schedule_title(bi, b.line, below.is_some(), first) {
            self.cands.push(c);
            return;
        }
        // A time and a title alone over notes.
        if let Some(c) = self.timed_title(bi, b.line, first, below) {
            self.cands.push(c);
            return;
        }
        // Titles in prose.
        self.prose(bi, b, text);
    }

    /// `Vortrag: Title` (any talk label) as the first line, perhaps with a speaker field
    /// on the next lines of `text`. `first` is the first line's plain text, trimmed, and
    /// `lead` the label it starts with ([`Labels::leading`]).
    pub(super) fn field(&self, bi: usize, line: u32, text: &str, first: &str, lead: Lead<'_, '_>) -> Option<Candidate> {
        let labels = self.labels();
        // A line of labelled fields (`Talk: … | Who: … | Where: …`), in any order.
        if let Some((kind, title, people)) = super::record::record(first, labels) {
            let mut c = self.labelled(bi, line, kind, title, people);
            c.body_line = line + 1;
            return Some(c);
        }
        let (concepts, rest) = lead?;
        let kind = concepts.iter().copied().find(|c| c.is_talk_kind())?;
        // A number after the label (`Talk 1: Title`, `Vortrag #3 – Title`).
        let rest = lines::after_number(rest);

        // A field has a separator after its label.
        // `Keynote, presented by NAME`: a comma, then who gives it.
        let (comma, rest) = match rest.strip_prefix(',') {
            Some(r) => (true, r.trim_start()),
            None => (false, rest),
        };
        let sep = comma
            || first
                .get(..first.len() - rest.len())
                .is_some_and(|l| l.contains([':', '—', '：', '】']) || l.contains(" - ") || l.contains(" – "));
        if !sep || rest.is_empty() || rest.len() > 200 {
            return None;
        }
        // Where and when, after the title or the names (`BOF: plugins, 19:00`).
        let rest = lines::cut_logistics(rest, labels).0;
        let (title, people) = match by_clause(rest).and_then(|r| names::people(r, labels, false)) {
            // Only the people: the label is the title (`Keynote`).
            Some(p) => (label_title(kind), p.into_iter().map(|(n, _)| (n, Role::Speaker)).collect()),
            None if comma => return None,
            // `Talks - Jonas Weber: Postgres as a queue`, as a conference's channel names
            // its videos.
            None => framed::name_colon(rest, labels).or_else(|| recap::name_then_quoted(rest, labels)).unwrap_or_else(
                || match title_and_people(rest, labels, true, true) {
                    (_, p) if p.is_empty() => lines::people_after_word(rest, labels).unwrap_or((clean_title(rest), p)),
                    found => found,
                },
            ),
        };
        let mut c = self.labelled(bi, line, kind, title, people);
        let mut body = 1;
        for (k, l) in text.split('\n').enumerate().skip(1).take(3) {
            let l = strip_inline(l);
            match labels.leading(l.trim()) {
                Some((cs, r)) if cs.contains(&Concept::Speaker) || cs.contains(&Concept::Moderator) => {
                    let moderator = cs.contains(&Concept::Moderator) && !cs.contains(&Concept::Speaker);
                    // (Several fields on the line: `Moderato da A. Sul palco: B, C`.)
                    let found = names::people(r, labels, true)
                        .map(|p| {
                            p.into_iter().map(|(n, role)| (n, if moderator { Role::Moderator } else { role })).collect()
                        })
                        .or_else(|| people_fields(&l, labels, None));
                    if let Some(people) = found {
                        for (n, role) in people {
                            c.speakers.push((Named { name: n, line: line + k as u32 }, role));
                        }
                        if !c.evidence.iter().any(|(f, _)| *f == "speaker field") {
                            push_ev(&mut c, "speaker field", 2);
                        }
                        body = k + 1;
                    }
                }
                None if k == 1 && framed::by_line(&mut c, &l, labels) => body = 2,
                _ => break,
            }
        }
        c.body_line = line + body as u32;
        (!c.title.is_empty()).then_some(c)
    }

    /// `**"Title"** by Name`, `"Title" by Name`, `Name's talk on title.`
    /// `text` is the paragraph.
    pub(super) fn prose(&mut self, bi: usize, b: &Block, text: &str) {
        // Most prose has neither a quote (`"`, or `“`, whose first byte is 0xE2) nor
        // `'s talk ` (or `’s talk `, 0xE2 again): it is not read further. Looked for in
        // the whole paragraph at once (neither spans a line break); `s talk ` only when
        // there is a `'` (searching every paragraph for it was 8 M instructions on the
        // 10 MB corpus). The searcher for `s talk ` is built once (one built for every
        // paragraph was 17 M).
        let t = text.as_bytes();
        let worth = match memchr::memchr3(b'"', 0xE2, b'\'', t) {
            Some(i) if t[i] == b'\'' => {
                memchr::memchr2(b'"', 0xE2, &t[i..]).is_some() || self.d.s_talk.find(&t[i..]).is_some()
            }
            found => found.is_some(),
        };
        // (Or a French quote, `«`: its second byte 0xAB.)
        let worth = worth || memchr::memchr(0xAB, t).is_some_and(|i| i > 0 && t[i - 1] == 0xC2);
        if !worth {
            // `Title, by Name.`, `Title. That was Name`: a recap's paragraph opening on a
            // talk.
            let head = &t[..t.len().min(400)];
            let opens = || super::opening::opens_on_talk(head, text, &self.d.labels);
            if !self.heading_talk && opens() {
                let plain = strip_inline(text).replace('\n', " ");
                if let Some(c) = self.opening(bi, b.line, &plain) {
                    self.cands.push(c);
                }
            }
            return;
        }
        let lines: Vec<&str> = text.split('\n').collect();
        if lines.len() > 200 {
            return;
        }
        // The plain text of the lines joined with spaces, and where each line ends in it.
        let mut plain = String::new();
        let mut line_ends = Vec::with_capacity(lines.len());
        for l in &lines {
            if !plain.is_empty() {
                plain.push(' ');
            }
            plain.push_str(&strip_inline(l));
            line_ends.push(plain.len());
        }
        // A recap's first line: `Name, "Title" – notes`, `"Title" — A, with B`.
        if let Some(c) = self.recap_line(bi, b.line, plain[..line_ends[0]].trim()) {
            return self.cands.push(c);
        }
        let line_of = |at: usize| line_ends.iter().position(|&e| e >= at).unwrap_or(lines.len() - 1) as u32;
        let eol_tail = |at: usize| plain.get(at..line_ends[line_of(at) as usize].max(at)).unwrap_or("");
        let labels = &self.d.labels;
        let mut found: Vec<Candidate> = Vec::new();
        // Where a quote of `plain` is in the note's text (the candidate's `at`): the quotes
        // of a line are the same in both (removing markup keeps them), so the quote at
        // `open` is the one as many quotes after the last one placed on its line. Each
        // stretch of the line is read once.
        let note = self.note.text.as_str();
        let starts = &self.starts;
        let is_quote = |c: char| matches!(c, '"' | '“' | '«' | '„');
        // The line (index in `lines`), and the places in `plain` and in `note` after
        // the last quote placed.
        let mut cursor = (usize::MAX, 0, 0);
        let mut place = |open: usize, k: usize| -> Option<usize> {
            let line = b.line as usize + k;
            let end = starts.get(line).map_or(note.len(), |&e| e - 1);
            if cursor.0 != k {
                cursor = (k, if k == 0 { 0 } else { line_ends[k - 1] + 1 }, *starts.get(line.checked_sub(1)?)?);
            }
            let skip = plain.get(cursor.1..open)?.matches(is_quote).count();
            let (i, q) = note.get(cursor.2..end)?.char_indices().filter(|&(_, c)| is_quote(c)).nth(skip)?;
            let at = cursor.2 + i;
            cursor.1 = open + plain[open..].chars().next().map_or(1, char::len_utf8);
            cursor.2 = at + q.len_utf8();
            Some(at)
        };
        // Quoted titles followed by `by`.
        let mut from = 0;
        // The first stop (`.`, `,`, ...) at or after a place, and where the search started:
        // kept while ahead, so that a long line of quoted titles without one is read once.
        let mut stops: Option<(usize, Option<usize>)> = None;
        // (French and German quotes too: `« Title »`, `„Title“`.)
        while let Some(q) = plain[from..].find(['"', '“', '«', '„']) {
            let open = from + q;
            let oc = plain[open..].chars().next().unwrap_or('"');
            let close_ch = match oc {
                '“' => '”',
                '«' => '»',
                '„' => '“',
                _ => '"',
            };
            let after_open = open + oc.len_utf8();
            let Some(len) = plain[after_open..].find(close_ch) else { break };
            let title = &plain[after_open..after_open + len];
            let next = after_open + len + close_ch.len_utf8();
            from = next;
            // French and German quotes hold speech as often: a title in them opens with a
            // capital (`« pour du serverless oui »` is what was said).
            if oc != '"' && oc != '“' && !title.trim_start().starts_with(|c: char| c.is_uppercase() || c.is_numeric())
            {
                continue;
            }
            let tail = plain[next..].trim_start();
            // `"Title", com Ana Beatriz Figueiredo.`: the people in company after it.
            // (Or right after it, by handles: `"Title" com @ana_c e @rui_l — …`.)
            let comma = tail.starts_with(',');
            let with = tail.strip_prefix(',').or(Some(tail)).and_then(super::people::with_clause).and_then(|r| {
                let r = &r[..r.find(['.', ',', ';', '(', ':', '\n', '—', '–']).unwrap_or(r.len())];
                names::people(r.trim(), labels, false).filter(|_| comma).or_else(|| super::people::handles(r))
            });
            let Some(by) = by_clause(tail) else {
                // `Name on "Title"`, `a talk by Name: "Title"`: the person before it.
                let two_words = title.split_whitespace().count() >= 2;
                if let Some(people) = with.filter(|_| two_words) {
                    let line = b.line + line_of(open);
                    let mut c = self.new_candidate(bi, line, Source::Prose, clean_title(title));
                    push_ev(&mut c, "a quoted title", 2);
                    push_ev(&mut c, "a person named in it", 2);
                    c.at = place(open, line_of(open) as usize);
                    c.speakers = people.into_iter().map(|(name, r)| (Named { name, line }, r)).collect();
                    found.push(c);
                } else if let Some(people) = people_before(&plain[..open], labels).filter(|_| two_words) {
                    // The talk starts on the name's line (`Keynote - Name (Org)` / `"Title"`).
                    let line = b.line + line_of(plain[..open].rfind(people[0].as_str()).unwrap_or(open));
                    let mut c = self.new_candidate(bi, line, Source::Prose, clean_title(title));
                    push_ev(&mut c, "a quoted title", 2);
                    push_ev(&mut c, "a person named in it", 2);
                    // The talk starts at the name, a few words before the quote.
                    c.at = place(open, line_of(open) as usize).map(|at| {
                        let mut lo = at.saturating_sub(200);
                        while !note.is_char_boundary(lo) {
                            lo += 1;
                        }
                        note[lo..at].rfind(people[0].as_str()).map_or(at, |i| lo + i)
                    });
                    c.speakers = people.into_iter().map(|name| (Named { name, line }, Role::Speaker)).collect();
                    found.push(c);
                } else if let Some(mut c) = self.quoted_then_people(bi, b.line + line_of(open), title, eol_tail(next)) {
                    c.at = place(open, line_of(open) as usize);
                    found.push(c);
                }
                continue;
            };
            // (`"Title" by @lukas_ammann@chaos.social`: a post names the speaker by a handle.)
            if let Some(h) = by.split_whitespace().next().and_then(handle).filter(|_| title.contains(' ')) {
                let line = b.line + line_of(open);
                let mut c = self.new_candidate(bi, line, Source::Prose, clean_title(title));
                c.at = place(open, line_of(open) as usize);
                push_ev(&mut c, "a quoted title", 2);
                push_ev(&mut c, "a person named in it", 2);
                c.speakers = vec![(Named { name: h.to_string(), line }, Role::Speaker)];
                found.push(c);
                continue;
            }
            // The names end at a stop or at the end of their line.
            let by_at = plain.len() - by.len();
            let eol = line_ends[line_of(by_at) as usize].saturating_sub(by_at);
            // The names end at a stop, or at the end of their line when it holds whole
            // names (a hard wrap inside a name, `by Henrik` / `Aasland-Berg.`, does not).
            let stop = match stops {
                Some((start, hit)) if start <= by_at && hit.is_none_or(|h| h >= by_at) => hit,
                _ => {
                    let hit = by.find(['.', ',', ';', '(', ':']).map(|k| by_at + k);
                    stops = Some((by_at, hit));
                    hit
                }
            }
            .map_or(by.len(), |h| h - by_at);
            let whole = |p: &Vec<(String, Role)>| p.iter().all(|(n, _)| n.split_whitespace().count() >= 2);
            let people: Vec<String> = match names::people(by[..stop.min(eol)].trim(), labels, false).filter(whole) {
                Some(p) => p.into_iter().map(|(n, _)| n).collect(),
                None => {
                    let named = by[..stop].trim();
                    match names::people(named, labels, false) {
                        Some(p) => p.into_iter().map(|(n, _)| n).collect(),
                        None => vec![first_name_words(named).to_string()],
                    }
                }
            };
            if !people.iter().all(|n| names::is_name(n, false)) || title.split_whitespace().count() < 2 {
                continue;
            }
            let line = b.line + line_of(open);
            let mut c = self.new_candidate(bi, line, Source::Prose, clean_title(title));
            c.at = place(open, line_of(open) as usize);
            push_ev(&mut c, "a quoted title", 2);
            push_ev(&mut c, "a person named in it", 2);
            c.speakers = people.into_iter().map(|n| (Named { name: n, line }, Role::Speaker)).collect();
            found.push(c);
        }
        // `Name's talk on title`.
        if found.is_empty() {
            for pat in ["'s talk on ", "’s talk on ", "'s talk about ", "’s talk about "] {
                let Some(at) = search::find(&plain, pat) else { continue };
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
                let line = b.line + line_of(at);
                let mut c = self.new_candidate(bi, line, Source::Prose, title);
                push_ev(&mut c, "a talk named in prose", 2);
                push_ev(&mut c, "a person named in it", 2);
                c.speakers.push((Named { name, line }, Role::Speaker));
                found.push(c);
                break;
            }
        }
        if found.is_empty() {
            found.extend(self.opening_in_section(bi, b.line, &plain));
        }
        self.cands.extend(found);
    }

    /// `Name: Title`, `Title - Name`, `Title (Name)` as a list item; and labelled fields
    /// and lead-ins written as list items.
    pub(super) fn list_item(&mut self, bi: usize, b: &Block, depth: u8, marker: &str, text: &str) {
        // Items under a talk's item are its notes (at any depth: its speaker field may be
        // two levels down when a day's item holds the talks).
        // (Under items naming the event or a day, an item is as deep as under headings.)
        let level = depth.saturating_sub(u8::try_from(self.item_structure.len()).unwrap_or(u8::MAX));
        if depth > 0 && self.note_of_item_talk(bi, depth, text) || level > 1 || self.under_break(bi, depth) {
            return;
        }
        if self.fields_under_heading(bi, b.line, text) || self.in_list_under_title(bi) {
            return;
        }
        // A table of contents' entry (`[Title](#title)`, a page's link) points to a talk.
        let t = text.trim();
        if t.starts_with('[') && t.ends_with(')') && (t.contains("](#") || folder::local_page(t)) {
            return;
        }
        let first = strip_inline(text.split_once('\n').map_or(text, |(f, _)| f));
        let first = without_tags(first.trim());
        if level == 0 && self.speaker_in_first_item(bi, first) {
            return;
        }
        if first.len() > 300 {
            return;
        }
        let nested = self.nested_notes(bi, depth);
        // A checklist's item is a talk when it is timed or has notes under it (nested,
        // or lines of its own, as a board's card holds them); a to-do is neither.
        let noted = nested || text.split('\n').nth(2).is_some();
        if marker.contains('[') && !noted && strip_time(first).is_none() && !self.repeated_below(bi, depth, first) {
            return;
        }
        let d = self.d;
        let lead = d.labels.leading(first);
        if self.panelists_item(bi, b.line, lead) {
            return;
        }
        if let Some(mut c) = self.field(bi, b.line, text, first, lead) {
            self.title_under_label(&mut c, bi, depth);
            self.people_below(&mut c, bi, depth);
            self.cands.push(c);
            return;
        }
        if let Some(c) = self.lead_in(bi, b.line, first, lead) {
            self.cands.push(c);
            return;
        }
        let labels = self.labels();
        let (rest, time) = strip_time(first).map_or((first, false), |(r, _)| (r, true));
        // Under a talk's heading that names its speaker, an untimed item without a
        // talk's label is a note (`* Problem **Pinning**: synchronized-Blöcke …`).
        if !time && lead.is_none() && self.under_speaker_heading(bi) {
            return;
        }
        // `Name: Title`, perhaps after a time.
        // (Not a remark after a label of the note-taker's, `Eigene Anmerkung: passt gut
        // zu …`, nor a point made of ordinary words, `Internal Developer Portal: …`: a
        // title ends with no full stop, and a name is no phrase of common words.)
        // (Nor a title that names its own people, `Free-threaded CPython: what no-GIL
        // means for you by Samuel Osei`: the words before the colon are the title's.)
        let titled = |t: &str| {
            (!t.trim_end().ends_with('.') || t.trim_end().ends_with(".."))
                && by_clause(search::rfind(t, " by ").map_or("", |i| &t[i..]))
                    .is_none_or(|p| names::people_as(p, labels, names::Case::Capitalised).is_none())
        };
        if let Some((name, title)) = search::split_once(rest, ": ").filter(|(n, t)| {
            titled(t)
                && n.starts_with(char::is_uppercase)
                && names::people_as(n, labels, names::Case::Unusual).is_some()
        }) {
            if let Some(people) = names::people(name, labels, false) {
                let title = clean_title(title);
                if title.split_whitespace().count() >= 2 {
                    let mut c = self.new_candidate(bi, b.line, Source::ListItem, title);
                    if time {
                        push_ev(&mut c, "a time", 2);
                    }
                    if nested {
                        push_ev(&mut c, "notes nested under it", 1);
                    }
                    push_ev(&mut c, "a person named in it", 2);
                    c.speakers = people.into_iter().map(|(n, r)| (Named { name: n, line: b.line }, r)).collect();
                    c.body_line = b.line + 1;
                    self.cands.push(c);
                    return;
                }
            }
        }
        // A time and a talk label before the title (`09:30 – Keynote: Title — Name`), an
        // affiliation after the names (`— Name (Company)`).
        // Without a time, `rest` is `first`, whose label is known.
        let lead = if time { labels.leading(rest) } else { lead };
        let label = lead.and_then(|(cs, r)| {
            cs.iter()
                .copied()
                .find(|c| matches!(c, Concept::Talk | Concept::Keynote | Concept::Panel | Concept::Lightning))
                .map(|c| (c, r))
        });
        let rest =
            label.map_or(rest, |(_, r)| r.trim_start_matches([':', '.', ')', '-', '—', '–', '|', '：']).trim_start());
        // A video's title as a watch list keeps it: `RustConf 2023 - Title by Name`,
        // `Name - Title | PyData London 2024`; the event is no part of the title.
        let rest = framed::without_event(rest);
        let (rest, late_time) = lines::cut_logistics(rest, labels);
        let time = time || late_time;
        // `**Title**, Name`: the marks are in the item as written, inside a link that is
        // the whole item (`["Title" by Name](https://…)`).
        let raw_first = framed::link_text(text.split_once('\n').map_or(text, |(f, _)| f));
        let marked = if label.is_none() && !time { framed::marked(raw_first, labels) } else { None };
        // The shortened title of a schedule's talk over the item's notes.
        if let Some(c) = self.schedule_item(bi, b.line, raw_first) {
            self.cands.push(c);
            return;
        }
        let labels = self.labels();
        let found = marked
            .or_else(|| split_title_line(rest, labels, true))
            .or_else(|| super::people::name_on_line(rest, labels, false));
        let Some((title, people)) = found.filter(|(_, p)| !self.names_under(bi, depth, text, p)) else {
            // A title alone, its people on the line under it; a long timed item with
            // notes under it.
            if let Some(c) = self
                .title_over_people(bi, b.line, depth, text, first)
                .or_else(|| nested.then(|| self.long_item(bi, b.line, first)).flatten())
            {
                self.cands.push(c);
            }
            return;
        };
        if title.split_whitespace().count() >= 2 {
            let mut c = self.new_candidate(bi, b.line, Source::ListItem, title);
            if let Some((kind, _)) = label {
                c.kind = kind_of(kind);
            }
            if time {
                push_ev(&mut c, "a time", 2);
            }
            if nested {
                push_ev(&mut c, "notes nested under it", 1);
            }
            // (`**Title** — Name · remarks`: the title in bold.)
            if raw_first.trim_start().starts_with("**") {
                push_ev(&mut c, "a title set apart", 1);
            }
            push_ev(&mut c, "a person named in it", 2);
            c.speakers = people.into_iter().map(|(n, r)| (Named { name: n, line: b.line }, r)).collect();
            c.body_line = b.line + 1;
            self.cands.push(c);
        }
    }
}
