//! Candidates from structure: properties, headings, lightning sessions and their
//! items.

use super::*;

impl<'d, 'a, 'b> Run<'d, 'a, 'b> {
    /// Front matter, an Org drawer or `#+KEY:` lines, `key:: value`.
    pub(super) fn properties(&mut self, bi: usize, props: &[Property]) {
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
        let mut after_candidate = self.cands.last().filter(|c| c.block + 1 == bi || c.block + 2 == bi).is_some();
        // An outliner's block properties (`speaker:: [[Ana Ruiz]]` nested under `- Title`):
        // the item over them is a talk's title.
        if !after_candidate && self.item_over_fields(bi, props) {
            after_candidate = true;
        }
        // A page's fields naming a title and its speaker (front matter `title:` and
        // `speaker:`, `title::` and `speaker::`): the page is that talk's notes.
        let own_talk = !after_candidate && self.cands.is_empty() && self.talk_fields(bi, props);
        after_candidate |= own_talk;
        for p in props {
            if own_talk && p.key.trim().eq_ignore_ascii_case("title") {
                continue;
            }
            let key = p.key.trim().to_lowercase();
            let labels = self.labels();
            let is_speaker = labels.is(&key, Concept::Speaker);
            let is_moderator = labels.is(&key, Concept::Moderator);
            if (is_speaker || is_moderator) && after_candidate {
                // (`[[Ana Ruiz]], [[Tom Berg]]`: the names a page links.)
                let people = names::people(&strip_inline(&p.value), labels, true).unwrap_or_default();
                let own_line = self.cands.last().map(|c| strip_inline(self.line_text(c.line)));
                let c = self.cands.last_mut().expect("checked above");
                // `- Django Ninja: APIs rápidas` over `speaker:: [[Rafael Oliveira]]`: the
                // field names the speaker, so what stood before the colon was the title's.
                if let Some(whole) = own_line.and_then(|own| colon_title(c, &own, &people)) {
                    c.title = whole;
                    c.speakers.clear();
                    c.evidence.retain(|(f, _)| *f != "a person named in it");
                }
                // An Org heading's state over a speaker (`** TODO Title` / `:SPEAKER: …`):
                // a talk the note-taker marked, not a to-do.
                if let Some(i) = c.evidence.iter().position(|(f, _)| *f == "a to-do").filter(|_| !people.is_empty()) {
                    c.evidence.remove(i);
                    c.title = c.title.trim_start_matches("TODO").trim_start().to_string();
                }
                // (A name the page links may be there already: `wikilinked_speakers`.)
                for (name, role) in people {
                    let role = if is_moderator { Role::Moderator } else { role };
                    if !c.speakers.iter().any(|(s, _)| s.name == name) {
                        c.speakers.push((Named { name, line: p.line }, role));
                    }
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
                "date" | "revdate" => {
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

    /// A candidate for the list item right before block `bi` when `props` (its block
    /// properties, as an outliner nests them) name its speaker or moderator: its text
    /// the title, a leading tag naming a talk's kind (`#keynote Title`) its kind.
    /// Whether there is one.
    fn item_over_fields(&mut self, bi: usize, props: &[Property]) -> bool {
        let d = self.d;
        let labels = &d.labels;
        let people = props.iter().any(|p| {
            let k = p.key.trim().to_lowercase();
            labels.is(&k, Concept::Speaker) || labels.is(&k, Concept::Moderator)
        });
        let Some(Block { kind: BlockKind::ListItem { text, .. }, line, .. }) =
            bi.checked_sub(1).map(|i| &self.blocks[i])
        else {
            return false;
        };
        if !people {
            return false;
        }
        let first = strip_inline(text.split('\n').next().unwrap_or(""));
        let mut t = first.trim();
        let mut kind = None;
        while let Some((tag, rest)) = t.strip_prefix('#').and_then(|r| r.split_once(' ')) {
            kind =
                kind.or_else(|| labels.leading(tag).and_then(|(cs, _)| cs.iter().copied().find(|c| c.is_talk_kind())));
            t = rest.trim_start();
        }
        let title = clean_title(t);
        if title.split_whitespace().count() < 2 {
            return false;
        }
        let mut c = self.new_candidate(bi - 1, *line, Source::ListItem, title);
        if let Some(k) = kind {
            c.kind = kind_of(k);
        }
        push_ev(&mut c, "an item over its fields", 1);
        c.body_line = line + 1;
        self.cands.push(c);
        true
    }

    /// A candidate for the talk a page's fields name (a title field that names no event,
    /// and a speaker field), its body the page after them: whether there is one.
    fn talk_fields(&mut self, bi: usize, props: &[Property]) -> bool {
        let labels = self.labels();
        let Some(title) = props.iter().find(|p| p.key.trim().eq_ignore_ascii_case("title")) else { return false };
        let speaker = props.iter().any(|p| labels.is(&p.key.trim().to_lowercase(), Concept::Speaker));
        let value = title.value.trim();
        if !speaker || value.is_empty() || event::parse(value, labels, self.year).name.is_some() {
            return false;
        }
        let end = self.blocks[bi].end;
        let mut c = self.new_candidate(bi, title.line, Source::TitleLine, clean_title(value));
        push_ev(&mut c, "a title field", 1);
        c.body_line = end + 1;
        self.cands.push(c);
        true
    }

    /// Whether block `bi` comes right under block `above`, or under it and only an
    /// Org heading's tags and planning lines (`:python:`, `CLOSED: [...]`), which are
    /// its metadata.
    pub(super) fn right_under(&self, above: usize, bi: usize) -> bool {
        let meta = |b: &Block| match &b.kind {
            BlockKind::Properties(ps) => {
                ps.iter().all(|p| ["tags", "SCHEDULED", "DEADLINE", "CLOSED"].contains(&p.key.as_str()))
            }
            _ => false,
        };
        above < bi && self.blocks[above + 1..bi].iter().all(meta)
    }

    /// The text of line `line` (1-based) of the note.
    pub(super) fn line_text(&self, line: u32) -> &'a str {
        let Some(i) = line.checked_sub(1).map(|i| i as usize) else { return "" };
        let s = self.starts.get(i).copied().unwrap_or(self.note.text.len());
        let e = self.starts.get(i + 1).map_or(self.note.text.len(), |&e| e.saturating_sub(1));
        self.note.text.get(s..e.max(s)).unwrap_or("")
    }

    /// A heading: an event or a day, or a candidate. Returns whether it is a candidate.
    pub(super) fn heading(&mut self, bi: usize, b: &Block, level: u8, text: &str) -> bool {
        // An ATX heading's own line, as written: a reader may drop inline HTML or
        // resolve escapes in its text, a title keeps every character but its decoration.
        // (Its escapes of punctuation dropped: `Title _\\- Name_`.)
        let raw = self.raw_atx(b.line).map(crate::notes::markup::decoration::strip);
        let raw = raw.map(crate::notes::markup::markdown::heading_source);
        let text = raw.as_deref().unwrap_or(text);
        let plain = strip_inline(text);
        let plain = zettel::without_id(plain.trim());
        // Org's states other than a to-do's (`** DONE Title`, `WATCH`, `NEXT`): the talk's
        // state, no part of its title; a priority (`[#A]`) likewise.
        let plain = ["DONE ", "WATCH ", "WATCHED ", "NEXT ", "WAITING ", "STARTED ", "ATTENDED ", "SKIPPED "]
            .iter()
            .find_map(|k| plain.strip_prefix(k))
            .map_or(plain, str::trim_start);
        let plain = ["[#A] ", "[#B] ", "[#C] "].iter().find_map(|k| plain.strip_prefix(k)).unwrap_or(plain);
        if plain.len() > 10_000 {
            self.warn(b.line, "a heading of more than 10,000 bytes is no title: read as text".into());
            return false;
        }
        let labels = self.labels();
        let is_talk_label = |c: &Concept| c.is_talk_kind();
        let mut lead = labels.leading(plain).map(|(c, r)| (c.to_vec(), r));
        // A label after a time or a number (`15:00 — Lightning talks`, `09:00 Keynote:
        // Title`, `5) Lightning talks`).
        if !lead.as_ref().is_some_and(|(c, _)| c.iter().any(is_talk_label)) {
            let after = strip_time(plain).map(|(r, _)| r).or_else(|| {
                let r = framed::strip_number(plain);
                (r.len() < plain.len()).then_some(r)
            });
            if let Some(after) = after {
                if let Some((c, r)) = labels.leading(after).filter(|(c, _)| c.iter().any(is_talk_label)) {
                    lead = Some((c.to_vec(), r));
                }
            }
        }
        // Kinds joined before a colon (`Opening + keynote: Title`); a talk told about
        // (`14:30 – ett föredrag om Team Topologies`).
        if lead.is_none() {
            let after = strip_time(plain).map_or(plain, |(r, _)| r).trim_start_matches(['–', '—', '-', ' ', '·']);
            if let Some((kind, rest)) = super::lines::kind_about(labels, after) {
                lead = Some((vec![kind], rest));
            } else if let Some((pre, post)) = plain.split_once(": ") {
                if let Some(kind) = super::slot::label_kind(pre, labels) {
                    lead = Some((vec![kind], post.trim_start()));
                }
            }
        }
        let talk_label = lead.as_ref().and_then(|(c, _)| c.iter().copied().find(is_talk_label));
        // A day or the event.
        if talk_label.is_none() || lead.as_ref().is_some_and(|(c, _)| c.contains(&Concept::Day)) {
            let mut ev = event::parse(plain, labels, self.year);
            // The note's title in lower case (`# notes from jsnation amsterdam 2026`).
            if ev.name.is_none() && self.conference.is_none() && self.cands.is_empty() {
                ev = lower_case_event(plain, labels, ev);
            }
            let day_heading = ev.day.is_some() && lead.as_ref().is_some_and(|(c, _)| c.contains(&Concept::Day));
            let event_heading = ev.name.is_some() && self.conference.is_none();
            let date_only = ev.name.is_none() && ev.day.is_none() && date_heading(plain, labels);
            if day_heading || event_heading || date_only {
                self.event_line(ev, b.line, true);
                self.structure.push(bi);
                return false;
            }
        }
        // Page furniture of a pasted document (`Programme      Page 3 of 3`): nothing.
        // Nor is a turn of a conversation with an assistant as its export heads it
        // (`##### You said:`, `###### ChatGPT said:`, `Você disse:`).
        if page_furniture(plain, labels) || super::told::said(plain) {
            return false;
        }
        // A part of a day (`## Morning`, `## Nachmittag`), or a day named by its weekday
        // alone or with a date of no year (`## Wed`, `## Donnerstag`, `## Fri 22/3`): it
        // holds talks, as a day does.
        let weekday = || {
            let mut ws = plain.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).peekable();
            let short_number = |w: &str| w.len() <= 2 && w.bytes().all(|b| b.is_ascii_digit());
            ws.peek().is_some_and(|w| labels.is_weekday(w)) && ws.all(|w| labels.is_weekday(w) || short_number(w))
        };
        // A room or track (`### Track 2 (Porter Tun)`, `## Main Hall`) holds the talks
        // given there, as a part of a day does.
        if labels.whole(plain).contains(&Concept::DayPart)
            || plain.len() <= 30 && weekday()
            || room_heading(plain, labels)
        {
            self.structure.push(bi);
            return false;
        }
        // A person's name as the first heading: the speaker of the file's talk.
        // (Unless a title set apart follows it: then it is that talk's speaker, below.)
        // (A bold line alone right under it was made a heading: `markup::bold`.)
        let framed_under = || match self.blocks.get(bi + 1).map(|n| (&n.kind, n.line)) {
            Some((BlockKind::Paragraph { text }, _)) => items::framed_line(text.split('\n').next().unwrap_or("")),
            Some((BlockKind::Heading { text, .. }, at)) if at == b.end + 1 => items::framed_line(text),
            _ => None,
        };
        if bi < 3
            && self.cands.is_empty()
            && self.file_speaker.is_none()
            && names::is_name(plain, false)
            && framed_under().is_none()
        {
            self.file_speaker = Some(Named { name: plain.to_string(), line: b.line });
            self.structure.push(bi);
            return false;
        }
        // A heading of names only right under a talk's heading, one level or more
        // below it (`#### Lena Wimmer`, `### Julia Steiner & Florian Pichler`): that
        // talk's speakers.
        if self.cands.last().is_some_and(|h| {
            h.block + 1 == bi && h.speakers.is_empty() && matches!(h.source, Source::Heading(l) if l < level)
        }) {
            if let Some(people) = names::people_as(plain, labels, names::Case::Capitalised) {
                let h = self.cands.last_mut().expect("checked above");
                push_ev(h, "a name line under it", 2);
                h.speakers = people.into_iter().map(|(n, r)| (Named { name: n, line: b.line }, r)).collect();
                h.body_line = b.end + 1;
                return false;
            }
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
            at: None,
            part_of: None,
        };
        if looks_like_code(plain) {
            push_ev(&mut c, "code, not a title", -8);
        }
        // A heading naming the event and its year (`Devoxx Poland 2025 — relacja
        // Karoliny`, a report's title) is the event's, as a line in capitals is.
        // (A known conference's: `Packaging in 2024` names no event.)
        let conference = || {
            event::parse(plain, labels, self.year)
                .name
                .is_some_and(|n| n.split_whitespace().next().is_some_and(event::is_conference_name))
        };
        if plain.bytes().filter(u8::is_ascii_digit).count() >= 4 && conference() {
            push_ev(&mut c, "names the event", -6);
        }
        let whole = labels.whole(plain);
        let todo = plain.starts_with("TODO ") || plain == "TODO";
        if todo
            || whole.iter().any(|c| matches!(c, Concept::Break | Concept::Aside | Concept::Notes | Concept::Questions))
        {
            let why = if todo { "a to-do" } else { "a break, notes or an aside" };
            push_ev(&mut c, why, -6);
        } else if lead.as_ref().is_some_and(|(c, r)| {
            c.iter().any(|c| matches!(c, Concept::Break | Concept::Aside | Concept::Notes))
                && r.split_whitespace().count() <= 3
        }) || break_last(labels, plain)
        {
            push_ev(&mut c, "a break, notes or an aside", -6);
        } else if note_takers(plain, labels) {
            push_ev(&mut c, "a note-taker's notes", -6);
        }
        // The title: a time, a label, `by NAME`, `(NAME)`.
        let (rest, time) = match strip_time(plain) {
            Some((r, _)) => (r, true),
            None => (plain, false),
        };
        if time {
            push_ev(&mut c, "a time", 2);
        }
        // `10h30 · Salle 242AB — Title`: the room before the title.
        let mut rest = super::slot::after_slot(rest, labels).unwrap_or(rest);
        if let Some(kind) = talk_label {
            push_ev(&mut c, "a talk label", 3);
            c.kind = kind_of(kind);
            let after = lead.as_ref().map_or(rest, |(_, r)| *r);
            // `Talk 3: Title`, `Talk3 Hpy`: a number after the label.
            let after = after.trim_start_matches(|ch: char| ch.is_ascii_digit() || ch == '#').trim_start();
            let after = after.trim_start_matches([':', '.', ')', '-', '—', '–', '|', '：']).trim_start();
            rest = after;
        }
        // `## 1. Title`, `## Name: Title`.
        let (title, people) = if talk_label.is_none() {
            let rest = framed::strip_number(rest);
            match title_and_people(rest, labels, true, false) {
                (_, p) if p.is_empty() => framed::name_colon(rest, labels)
                    .or_else(|| super::lines::bracketed_people(rest, labels))
                    .or_else(|| name_first(rest, labels).map(|(t, p)| (clean_title(t), p)))
                    .or_else(|| name_on(rest, labels).map(|(t, p)| (clean_title(t), p)))
                    .or_else(|| super::told::name_presents(rest, labels))
                    .or_else(|| framed::cells(rest, labels))
                    .unwrap_or_else(|| (clean_title(rest), p)),
                found => found,
            }
        } else {
            // (`Keynote: Title / Name`: cells after the label.)
            match title_and_people(rest, labels, true, false) {
                (_, p) if p.is_empty() => super::lines::bracketed_people(rest, labels)
                    .or_else(|| framed::cells(rest, labels))
                    .or_else(|| {
                        let found = framed::quoted(rest, labels)?;
                        // (Notes after the people on the heading's line, as a card's
                        // front asks its question: `« Title » (Name) : what is X ?`.)
                        let after = rest.rfind(['»', '"', '”', '“']).map_or("", |i| &rest[i..]);
                        if after.split_once(':').is_some_and(|(_, n)| n.split_whitespace().count() >= 2) {
                            c.body_line = b.line;
                        }
                        Some(found)
                    })
                    .unwrap_or_else(|| (clean_title(rest), p)),
                found => found,
            }
        };
        if !people.is_empty() {
            push_ev(&mut c, "a person named in it", 2);
            c.speakers = people.into_iter().map(|(n, r)| (Named { name: n, line: b.line }, r)).collect();
        }
        let mut title = title;
        // A heading that is only the speaker's name, the title set apart by quotes or
        // emphasis on the line under it (`### Thi Minh Anh Lê` / `**Building a proxy**`).
        // (The next line is looked at first: most headings have no title set apart under them.)
        // (Or the talk's kind and the speaker: `## Keynote : *Amélie Rousseau* (Inria)` /
        // `**« Title »**`.)
        if c.speakers.is_empty() {
            let who = || match talk_label {
                None => names::is_name(plain, false).then(|| vec![(plain.to_string(), Role::Speaker)]),
                Some(_) => framed::people_with_affiliation(&title, labels),
            };
            if let Some((t, people)) = framed_under().and_then(|t| Some((t, who()?))) {
                push_ev(&mut c, "a person named in it", 2);
                c.speakers = people.into_iter().map(|(n, r)| (Named { name: n, line: b.line }, r)).collect();
                title = t;
                c.body_line = self.blocks[bi + 1].line + 1;
            }
        }
        // (Not a label of talks in the plural over their list: `### Palestras`.)
        let one = plain.trim_end().ends_with(':') || plain.bytes().any(|b| b.is_ascii_digit());
        if title.is_empty() && talk_label.is_some() && c.kind != SectionKind::Lightning && one {
            // `## Talk 2:` with the title on the next line.
            if let Some((t, end)) = self.title_line(bi + 1) {
                title = t;
                c.body_line = end + 1;
            }
        }
        let session = c.kind == SectionKind::Lightning && c.speakers.is_empty();
        // Where and when after the title (`Title — Track A, 10:00`, `Title (Track A,
        // 12:00)`): no part of it.
        let title = super::slot::without_slot_tail(&title, labels).to_string();
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
        // The first talk of a page whose front matter names a speaker (`speaker: Maribel
        // Ortega` over `# Title`, as a note of one talk in a folder keeps it).
        if c.speakers.is_empty() && self.cands.is_empty() {
            c.speakers = self.page_speakers(bi);
            if !c.speakers.is_empty() {
                push_ev(&mut c, "speaker field", 2);
            }
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

    /// The speakers the fields before block `bi` name (a page's front matter).
    fn page_speakers(&self, bi: usize) -> Vec<(Named, Role)> {
        let labels = self.labels();
        let props = self.blocks[..bi].iter().filter_map(|b| match &b.kind {
            BlockKind::Properties(props) => Some(props),
            _ => None,
        });
        for p in props.flatten().filter(|p| labels.is(&p.key.trim().to_lowercase(), Concept::Speaker)) {
            let value = strip_inline(&p.value);
            let people = names::people(value.trim().trim_matches(['"', '\'', '[', ']']), labels, true);
            if let Some(people) = people {
                return people.into_iter().map(|(name, role)| (Named { name, line: p.line }, role)).collect();
            }
        }
        Vec::new()
    }

    /// The title written on the line after a label heading (`## Talk 2:`, then
    /// `Making f-strings faster`): block `bi` when it is a one-line paragraph that reads
    /// as a title (short, not a name, not a label, not a sentence ending in `:`), with
    /// its last line.
    pub(super) fn title_line(&self, bi: usize) -> Option<(String, u32)> {
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
    /// (`Lightning talks`, `Blitzvorträge (5 Minuten)`). `first` is its first line's
    /// plain text, trimmed, and `lead` the label that starts it, once looked up.
    pub(super) fn session_line<'s>(&self, text: &str, first: &'s str, lead: &mut Option<Lead<'d, 's>>) -> bool {
        if text.len() > 80 || text.contains('\n') {
            return false;
        }
        let d = self.d;
        let label = match strip_time(first) {
            Some((t, _)) => d.labels.leading(t),
            None => *lead.get_or_insert_with(|| d.labels.leading(first)),
        };
        label.is_some_and(|(c, r)| {
            c.contains(&Concept::Lightning) && (r.split_whitespace().count() <= 4 || r.starts_with('('))
        })
    }

    /// Reads block `bi` as an item of the open lightning session; returns whether it
    /// was one (or an item's marker).
    pub(super) fn session_item(&mut self, bi: usize, b: &Block) -> bool {
        let Some(mut session) = self.session else { return false };
        let used = match &b.kind {
            // A box of asides (`.. todo::`, `> To do:`) ends the session.
            BlockKind::Quote { text } if self.ends_session(text) => {
                self.close_session();
                return false;
            }
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
            // A paragraph of labelled lines (`LT: title / Name`); a label of notes or
            // asides (`misc`) ends the session.
            BlockKind::Paragraph { text } if !session.quotes && self.ends_session(text) => {
                self.close_session();
                return false;
            }
            BlockKind::Paragraph { text } if !session.quotes => match self.labelled_items(bi, b.line, text) {
                Some(n) => {
                    session.items += n;
                    true
                }
                None => false,
            },
            // A task (`- TODO ogarnąć notatki`, `- DONE …`, an outliner's markers) or an
            // aside's label (`pendiente:`) ends the session.
            BlockKind::ListItem { depth: 0, text, .. } if task(text) || self.ends_session(text) => {
                self.close_session();
                return false;
            }
            BlockKind::ListItem { depth: 0, marker, text } if !session.quotes && !marker.contains('[') => {
                let before = self.cands.len();
                self.list_item(bi, b, 0, marker, text);
                if self.cands.len() > before {
                    let c = &mut self.cands[before];
                    c.kind = SectionKind::Lightning;
                    // An item of the session is a talk, whatever else it has.
                    if c.score() < THRESHOLD {
                        push_ev(c, "an item of a lightning session", THRESHOLD);
                    }
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
    pub(super) fn item(&mut self, bi: usize, line: u32, text: &str) -> bool {
        let plain = strip_inline(text);
        let first = plain.trim();
        if first.is_empty() || first.len() > 300 || super::sentence::reported(first, self.labels()) {
            return false;
        }
        // `Name: Title` in a lightning list (`Jakob Weber: go tool directives`).
        let (mut title, mut people) = framed::marked(text, self.labels())
            .or_else(|| framed::name_colon(first, self.labels()))
            .unwrap_or_else(|| title_and_people(first, self.labels(), true, true));
        // `*Title* — Name: what was said`, `Title — Name, a remark`.
        if people.is_empty() {
            if let Some((t, p)) = super::long::title_dash_name(first, self.labels()) {
                (title, people) = (t, p);
            }
        }
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
        // (What the line says after the title is the talk's: `Name - "Title": notes`.)
        c.body_line = line;
        self.cands.push(c);
        true
    }

    /// Ends the open lightning session: a session heading with items holds talks and is
    /// not one itself.
    pub(super) fn close_session(&mut self) {
        if let Some(Session { cand: Some(i), items, .. }) = self.session.take() {
            if items > 0 {
                push_ev(&mut self.cands[i], "holds lightning talks", -8);
            }
        }
    }

    pub(super) fn new_candidate(&self, bi: usize, line: u32, source: Source, title: String) -> Candidate {
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
            at: None,
            part_of: None,
        }
    }
}

/// Whether a heading names a note-taker's part of the notes (`Priya's notes`, `Tom’s
/// notes`): one to three capitalised words, the last possessive, then a notes label.
/// It holds notes on the talks and is none; the note-taker is no speaker. (`Notes from
/// Tom`, `Notizen von Tom`, `Meine Notizen` are notes labels, with a few words after
/// them or alone.)
fn note_takers(plain: &str, labels: &Labels) -> bool {
    if !(plain.contains('\'') || plain.contains('’')) {
        return false;
    }
    let words: Vec<&str> = plain.split_whitespace().collect();
    if !(2..=5).contains(&words.len()) {
        return false;
    }
    let Some(k) = words.iter().position(|w| ["'s", "’s", "s'", "s’"].iter().any(|p| w.ends_with(p))) else {
        return false;
    };
    k < 3
        && words[..=k].iter().all(|w| w.chars().next().is_some_and(char::is_uppercase))
        && labels.whole(&words[k + 1..].join(" ")).contains(&Concept::Notes)
}

/// Whether a line ends with a page number of a pasted document: a word, a number, a
/// short word and a number no smaller (`Page 1 of 3`, `Seite 2 von 3`, `Strona 1 z 3`).
pub(super) fn page_furniture(plain: &str, labels: &Labels) -> bool {
    if !plain.ends_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let words: Vec<&str> = plain.split_whitespace().rev().take(4).collect();
    let [m, of, n, page] = words[..] else { return false };
    let num = |s: &str| s.parse::<u32>().ok().filter(|&x| x > 0 && x < 10_000);
    let (Some(n), Some(m)) = (num(n), num(m)) else { return false };
    n <= m
        && (1..=3).contains(&of.chars().count())
        && of.chars().all(char::is_lowercase)
        && (4..=7).contains(&page.chars().count())
        && page.chars().all(char::is_alphabetic)
        && labels.whole(page).is_empty()
}

/// Whether a heading names a room or a track and nothing else, with no time (a time
/// makes it one talk's slot): at most three words, the first or the last a room's
/// label (`Track 2`, `Main Hall`, `Rust devroom`, `Saal Europa`), the others
/// capitalised, numbers or letters; a room's own name may follow in brackets
/// (`Track 2 (Porter Tun)`).
pub(super) fn room_heading(plain: &str, labels: &Labels) -> bool {
    let t = plain.trim();
    let t = match t.strip_suffix(')').and_then(|r| r.rfind(" (").map(|i| &r[..i])) {
        Some(r) => r.trim_end(),
        None => t,
    };
    let words: Vec<&str> = t.split_whitespace().collect();
    if words.is_empty() || words.len() > 3 || words.iter().any(|w| strip_time(w.trim_matches(',')).is_some()) {
        return false;
    }
    let room =
        |w: &&str| labels.is(w, Concept::Room) && !w.eq_ignore_ascii_case("where") && !w.eq_ignore_ascii_case("venue");
    let proper =
        |w: &&str| w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()) || w.chars().count() == 1;
    [words.first(), words.last()].into_iter().flatten().any(room) && words.iter().all(|w| room(w) || proper(w))
}

/// Whether a heading's text says only when and where (`Sala 2 — 11:00`, `Room B,
/// 14:30`, `Keynote`): every word a number, a time, or a label of a room, a day, a part
/// of a day, a month or a kind of talk. Such a heading is a slot: a title field below
/// it names the talk.
pub(super) fn is_slot(title: &str, labels: &Labels) -> bool {
    let mut words = title.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).peekable();
    words.peek().is_some()
        && words.all(|w| {
            let digits = w.trim_end_matches(['h', 'H']).replace(['h', 'H'], "");
            (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
                || w.chars().count() == 1
                || labels.whole(&w.to_lowercase()).iter().any(|c| {
                    matches!(
                        c,
                        Concept::Room
                            | Concept::Day
                            | Concept::DayPart
                            | Concept::Weekday
                            | Concept::Month(_)
                            | Concept::Time
                            | Concept::Talk
                            | Concept::Keynote
                            | Concept::Lightning
                            | Concept::Panel
                            | Concept::Workshop
                    )
                })
        })
}

/// Whether an item is a task: it opens with a task's marker in capitals, as Org and
/// outliners write them (`TODO`, `DONE`, `LATER`, `NOW`, `DOING`, `WAITING`).
fn task(text: &str) -> bool {
    let first = text.trim_start().split([' ', '\n']).next().unwrap_or("");
    ["TODO", "DONE", "LATER", "NOW", "DOING", "WAITING", "CANCELED", "CANCELLED"].contains(&first)
}

/// Whether a short title ends on a break (`Afternoon break`, `Morning coffee break`):
/// two or three words, the last a break's.
fn break_last(labels: &Labels, t: &str) -> bool {
    let ws: Vec<&str> = t.split_whitespace().collect();
    (2..=3).contains(&ws.len()) && ws.last().is_some_and(|w| labels.whole(w).contains(&Concept::Break))
}

/// Whether a title is a break's: a break's word and at most three more (`Przerwa
/// obiadowa`, `Lunch and hallway conversations`), or a short title ending on one.
pub(super) fn break_title(labels: &Labels, t: &str) -> bool {
    labels.leading(t).is_some_and(|(cs, r)| cs.contains(&Concept::Break) && r.split_whitespace().count() <= 3)
        || break_last(labels, t)
}
