//! Scoring the candidates in context, deciding the talks, merging a talk written
//! twice, and a file that is one talk.

use super::*;

/// Whether a paragraph ends a letter: a sign-off (`Cheers,`, `Viele Grüße`) or a
/// signature's `--`.
pub(super) fn letter_end(labels: &Labels, text: &str) -> bool {
    let t = text.trim();
    // (The sign-off alone, then a comma, a mark or a name: `Cheers,`, `Thanks! Tom`,
    // `Best, Ana`; not a sentence opening with its word, `Best one today IMO.`)
    let alone = |rest: &str| {
        let r = rest.trim();
        r.is_empty()
            || r.starts_with([',', '!', '.', '-', '—'])
            || r.split_whitespace().count() <= 3 && r.split_whitespace().all(|w| w.starts_with(char::is_uppercase))
    };
    t.starts_with("--")
        || t.len() < 80 && labels.leading(t).is_some_and(|(cs, rest)| cs.contains(&Concept::Signoff) && alone(rest))
}

/// Whether a line is the note-taker's own remark: `me: ask Lars`, `note to self: …`,
/// `ich: nachfragen`.
pub(super) fn remark(labels: &Labels, text: &str) -> bool {
    let first = text.trim_start().split('\n').next().unwrap_or("");
    first.split_once(':').is_some_and(|(k, _)| k.len() <= 24 && labels.whole(k).contains(&Concept::Me))
}

impl<'d, 'a, 'b> Run<'d, 'a, 'b> {
    // -----------------------------------------------------------------------------
    // Scoring in context

    pub(super) fn score(&mut self) {
        let blocks = self.blocks;
        // Content after each heading: the blocks before the next heading.
        let mut next_heading = vec![blocks.len(); blocks.len() + 1];
        for i in (0..blocks.len()).rev() {
            next_heading[i] = if matches!(blocks[i].kind, BlockKind::Heading { .. }) { i } else { next_heading[i + 1] };
        }
        for c in &mut self.cands {
            if let Source::Heading(_) = c.source {
                // (From its body: a name heading under it is its speakers'.)
                let mut after = c.block + 1;
                while after < blocks.len() && blocks[after].end < c.body_line {
                    after += 1;
                }
                let n = next_heading[after.min(blocks.len())] - after.min(blocks.len());
                // The note-taker's remarks (`me: ask Lars`) are not a talk's content, nor
                // is the end of a letter (a sign-off, a signature) and what follows it.
                let content = blocks[after.min(blocks.len())..after.min(blocks.len()) + n]
                    .iter()
                    .take_while(|b| !matches!(&b.kind, BlockKind::Paragraph { text } if letter_end(&self.d.labels, text)))
                    .filter(|b| !matches!(b.kind, BlockKind::Separator | BlockKind::Properties(_)))
                    .filter(|b| !matches!(&b.kind, BlockKind::Paragraph { text } | BlockKind::ListItem { text, .. } if remark(&self.d.labels, text)))
                    // None, one or two, three or more: a talk's whole body need not be read.
                    .take(3)
                    .count();
                match content {
                    0 => push_ev(c, "no content after it", -1),
                    1 | 2 => push_ev(c, "content after it", 1),
                    _ => push_ev(c, "content after it", 2),
                }
                // A heading naming nobody over a task list alone (a slide `What we want to
                // try` of `- [ ]` items) is the note-taker's to-do, not a talk.
                // (Perhaps after a card's fields: `**Labels:** `admin``.)
                let under = &blocks[after.min(blocks.len())..after.min(blocks.len()) + n];
                let fields =
                    |b: &Block| matches!(&b.kind, BlockKind::Paragraph { text } if text.lines().all(cards::field_line));
                let under = &under[under.iter().take_while(|b| fields(b)).count()..];
                let task = |b: &Block| matches!(&b.kind, BlockKind::ListItem { marker, .. } if marker.ends_with(']'));
                if c.speakers.is_empty()
                    && under.first().is_some_and(task)
                    && under.iter().all(|b| task(b) || matches!(b.kind, BlockKind::Separator))
                    && under.iter().filter(|b| task(b)).count() >= 2
                {
                    push_ev(c, "a to-do list under it", -6);
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
            while j < self.cands.len() && self.cands[j].source == Source::ListItem && self.item_siblings(j - 1, j) {
                j += 1;
            }
            if j - i >= 2 {
                for c in &mut self.cands[i..j] {
                    push_ev(c, "siblings of the same shape", 1);
                }
            }
            i = j;
        }
        self.calendar_parts();
        // Lead-ins and title lines: siblings.
        for source in [Source::LeadIn, Source::TitleLine] {
            if self.cands.iter().filter(|c| c.source == source).count() >= 2 {
                for c in self.cands.iter_mut().filter(|c| c.source == source) {
                    push_ev(c, "siblings of the same shape", 1);
                }
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
            let strong =
                |c: &Candidate| c.evidence.iter().any(|(f, w)| *w > 0 && (*f == "a talk label" || own_evidence(f)));
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
        let Some(talk_level) = talk_level.or_else(|| self.plain_sections().map(usize::from)) else { return };
        let talk_level = talk_level as u8;
        let mut inside_talk: Option<u8> = None;
        let n_at_level = self.cands.iter().filter(|c| c.source == Source::Heading(talk_level)).count();
        for c in &mut self.cands {
            let Source::Heading(l) = c.source else { continue };
            let strong = c.evidence.iter().any(|(f, w)| *w > 0 && (*f == "a talk label" || own_evidence(f)));
            if l == talk_level {
                if n_at_level >= 2 {
                    push_ev(c, "siblings of the same shape", 1);
                }
                inside_talk = (c.score() >= THRESHOLD).then_some(l);
            } else if l < talk_level {
                // (A time alone over the talks' level is their slot: `h2. 10:30 - room
                // change` over `h3. Title` and its speaker.)
                let own = c
                    .evidence
                    .iter()
                    .any(|(f, w)| *w > 0 && *f != "a time" && (*f == "a talk label" || own_evidence(f)));
                if !own {
                    push_ev(c, "holds the talks", -3);
                }
                inside_talk = None;
            } else if inside_talk.is_some_and(|t| l > t) && !strong {
                push_ev(c, "a part of a talk", -3);
            }
        }
    }

    /// A heading whose section holds two talks or more written as list items, lines,
    /// fields or rows (`# Talks I watched this winter` over a list of videos) holds
    /// talks and is not one itself, unless it names a person or a time of its own.
    fn headings_holding_talks(&mut self) {
        // Where each heading's section ends: the next heading of its level or higher
        // (the nearest heading of each level is kept, from the end: linear).
        let blocks = self.blocks;
        let mut section_end = vec![blocks.len(); blocks.len()];
        let mut nearest = [blocks.len(); 8];
        for (bi, b) in blocks.iter().enumerate().rev() {
            if let BlockKind::Heading { level, .. } = b.kind {
                let l = usize::from(level.min(7));
                section_end[bi] = nearest[..=l].iter().copied().min().unwrap_or(blocks.len());
                nearest[l] = bi;
            }
        }
        let mut editorial_levels = [0usize; 8];
        for i in 0..self.cands.len() {
            let Source::Heading(_) = self.cands[i].source else { continue };
            // (A session's chair is no speaker of its own: `## Session 2: Security
            // (chair: Helle Rasmussen)` over its papers.)
            let c = &self.cands[i];
            let chaired = !c.speakers.is_empty() && c.speakers.iter().all(|(_, r)| *r == Role::Moderator);
            let own = |f: &str| own_evidence(f) && !chaired;
            if !c.talk {
                continue;
            }
            let end = section_end.get(self.cands[i].block).copied().unwrap_or(blocks.len());
            let mut held = self.cands[i + 1..]
                .iter()
                .take_while(|c| c.block < end)
                // A lightning session's items are the session's, which ends the talk
                // above it (`## Talk 8: Title`, its notes, then `Lightning talks`).
                .filter(|c| c.talk && !matches!(c.source, Source::Heading(_) | Source::File | Source::Item));
            let (first, second) = (held.next(), held.next());
            // One talk told in prose under a heading in the writer's own words (`##
            // Empezar por la gente` over `La keynote, **«Title»**, la dio Ana Ruiz`): the
            // quoted title is the talk, its speaker the one the heading found in its
            // first sentence, if any.
            let editorial = second.is_none()
                && first.is_some_and(|t| {
                    t.source == Source::Prose
                        && !t.speakers.is_empty()
                        && c.speakers.iter().all(|(n, _)| t.speakers.iter().any(|(m, _)| m.name == n.name))
                })
                && c.evidence.iter().all(|(f, w)| *w <= 0 || !own(f) || *f == "a speaker in its first sentence");
            if c.evidence.iter().any(|(f, w)| *w > 0 && own(f)) && !editorial {
                continue;
            }
            if second.is_some() || editorial {
                let c = &mut self.cands[i];
                push_ev(c, "holds talks written below it", -THRESHOLD - 3);
                c.talk = false;
                if let (true, Source::Heading(l)) = (editorial, c.source) {
                    editorial_levels[usize::from(l.min(7))] += 1;
                }
            }
        }
        // Two headings of a level or more in the writer's words: the others of that
        // level with no evidence of their own (no person, time or label) are the
        // writer's too (`## Y para terminar`).
        for c in &mut self.cands {
            let Source::Heading(l) = c.source else { continue };
            if c.talk
                && editorial_levels[usize::from(l.min(7))] >= 2
                && !c.evidence.iter().any(|(f, w)| *w > 0 && own_evidence(f))
            {
                push_ev(c, "a heading in the writer's words, as its siblings", -THRESHOLD - 3);
                c.talk = false;
            }
        }
    }

    // -----------------------------------------------------------------------------
    // Deciding, merging, cutting bodies

    pub(super) fn decide(mut self) -> Detection<'a> {
        for c in &mut self.cands {
            c.talk = c.score() >= THRESHOLD;
        }
        self.drop_pointers();
        self.headings_holding_talks();
        self.merge_duplicates();
        self.written_again();
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
        if let [one] = accepted[..] {
            self.speaker_from_file_name(one);
        }
        // The blocks that end a talk: headings (any heading ends a talk that is not a
        // heading; a heading talk ends at a heading of its level or higher), breaks.
        let mut sections = Vec::with_capacity(accepted.len());
        let mut ends = Vec::with_capacity(accepted.len());
        let mut owns = Vec::with_capacity(accepted.len());
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
                Source::Heading(_) | Source::TableRow | Source::Slot | Source::File => c.line,
                _ => blocks.get(c.block).map_or(c.line, |b| b.end),
            };
            let mut last = c.body_line.saturating_sub(1).max(own_end).min(next_line.saturating_sub(1).max(c.line));
            let item_depth = match (c.source, blocks.get(c.block).map(|b| &b.kind)) {
                (
                    Source::ListItem | Source::Field | Source::LeadIn | Source::Item,
                    Some(BlockKind::ListItem { depth, marker, .. }),
                ) => Some((*depth, lines::marker_class(marker))),
                _ => None,
            };
            // The first item under a time's item (`- 11:50 → wybrałem GraalVM` / `\t*
            // **Title** (Name)`): the items beside it are its notes.
            let slot_child = item_depth.is_some_and(|(d, _)| {
                d > 0
                    && matches!(c.block.checked_sub(1).and_then(|p| blocks.get(p)).map(|b| &b.kind),
                        Some(BlockKind::ListItem { depth, text, .. }) if *depth + 1 == d && strip_time(text).is_some())
            });
            let mut j = bi;
            while j < blocks.len() && blocks[j].line < next_line {
                let b = &blocks[j];
                // After a rule (`---`), a to-do list or follow-ups (`da fare:`, `Follow
                // ups`) are the note-taker's, not the talk's, whatever holds the talk.
                let aside_after_rule = j > 0
                    && matches!(blocks[j - 1].kind, BlockKind::Separator)
                    && match &b.kind {
                        BlockKind::Paragraph { text } | BlockKind::Heading { text, .. } => {
                            let t = strip_inline(text.trim());
                            t.len() < 80
                                && self.d.labels.leading(t.trim()).is_some_and(|(cs, r)| {
                                    cs.iter().any(|c| matches!(c, Concept::Aside | Concept::Break))
                                        && r.split_whitespace().count() <= 4
                                })
                        }
                        _ => false,
                    };
                let ends_here = aside_after_rule
                    || match &b.kind {
                        BlockKind::Heading { level: l, text } => {
                            (level == u8::MAX || *l <= level)
                                && !looks_like_code(&strip_inline(text))
                                && !in_comment_run(blocks, j)
                                && !(*l < level && glued_to_text(blocks, j))
                        }
                        BlockKind::Paragraph { text } if level == u8::MAX => {
                            // A break (`Mittagspause, Brezeln.`), a sign-off (`Cheers,`), a
                            // signature (`--`); after a talk written as a list item, whose
                            // notes are nested under it, an aside's lead-in at the margin
                            // (`follow up`, `To do:`): what follows is no longer the talk's.
                            let t = text.trim();
                            // (and after an item of a lightning session: `misc` under the
                            // last one).
                            let list_talk = c.evidence.iter().any(|(f, _)| *f == lines::LABELLED_ITEM)
                                || matches!(blocks.get(c.block).map(|b| &b.kind), Some(BlockKind::ListItem { .. }));
                            // After a talk told in a sentence, a paragraph that opens with
                            // a break or an aside (`lunch was …`, `side note not a talk …`)
                            // is the note-taker's, whatever its length.
                            // So after a title in capitals over list items.
                            let told = c.evidence.iter().any(|(f, _)| *f == told::TOLD || *f == capitals::CAPITALS);
                            // (A forum comment's header, a post's hashtags: the post is over.)
                            letter_end(&self.d.labels, t)
                                || thread::comment_header(t, &self.d.labels)
                                || thread::forum_header(t)
                                || recap::hashtags(t)
                                || list_talk && entries::labelled_aside(&self.d.labels, t)
                                || told
                                    && self.d.labels.leading(t).is_some_and(|(cs, _)| {
                                        cs.iter().any(|c| matches!(c, Concept::Break | Concept::Aside))
                                    })
                                || t.len() < 80
                                    && self.d.labels.leading(t).is_some_and(|(cs, r)| {
                                        cs.iter().any(|c| *c == Concept::Break || list_talk && *c == Concept::Aside)
                                            && r.split_whitespace().count() <= 4
                                    })
                        }
                        // A talk written as a list item holds the items nested under it:
                        // an item beside it (or above it) is not its notes.
                        // Items of another marker at its depth are its notes (a bullet
                        // journal's `○ talk` over `– note` lines); a timed item is the
                        // next slot, whatever its marker.
                        // (The same talk written again goes on.)
                        // (So does an aside's label at its depth: `pendiente:` over to-dos.)
                        BlockKind::ListItem { depth, marker, text } => {
                            item_depth.is_some_and(|(d, m)| {
                                *depth < d
                                    || *depth == d
                                        && (lines::marker_class(marker) == m && !slot_child
                                            || strip_time(text).is_some()
                                            || entries::labelled_aside(&self.d.labels, text))
                            }) && !entries::repeats_title(&c.title, text)
                        }
                        _ => false,
                    };
                if (ends_here || memo::ends_block(c, b, &self.d.labels)) && level != 0 {
                    break;
                }
                last = last.max(b.end.min(next_line.saturating_sub(1)));
                j += 1;
            }
            if c.source.is_row() {
                // A record of an export may hold line breaks: to the next row's line.
                last = row_end(blocks.get(c.block), c.line).min(next_line.saturating_sub(1).max(c.line));
            }
            // A talk followed by another on its own line (quoted titles in a line of
            // prose) has the part of the line up to the next one: the whole line for
            // each would make the bodies of a line of n talks n times its length.
            let next_at = accepted.get(k + 1).map(|&n| &self.cands[n]).filter(|n| n.line == c.line).and_then(|n| n.at);
            let body = match (c.at, next_at) {
                (Some(at), Some(next)) if at < next => self.note.text[at..next].trim_end(),
                _ => self.slice(c.body_line, last),
            };
            let (moderators, speakers): (Vec<_>, Vec<_>) = c.speakers.iter().partition(|(_, r)| *r == Role::Moderator);
            // (Without the handles a post adds after a name: `Dana Whitfield (@danawhit)`.)
            let speakers: Vec<Named> = speakers
                .into_iter()
                .map(|(n, _)| Named { name: without_handles(&n.name).into(), ..n.clone() })
                .collect();
            let moderators: Vec<Named> = moderators.into_iter().map(|(n, _)| n.clone()).collect();
            sections.push(Section {
                kind: c.kind,
                title: c.title.clone(),
                line: c.part_of.unwrap_or(c.line),
                event: day_event,
                speakers,
                moderators,
                affiliations: Vec::new(),
                body,
                body_line: c.body_line,
            });
            ends.push(last.max(c.line));
            owns.push(own_end);
        }
        // A live blog written newest first: each talk's notes are above its line.
        let in_text = |&ci: &usize| {
            !matches!(self.cands[ci].source, Source::Heading(_) | Source::File) && !self.cands[ci].source.is_row()
        };
        if accepted.len() >= 2 && accepted.iter().all(in_text) && newest::newest_first(blocks) {
            let starts = newest::starts(blocks, &owns, &self.d.labels);
            for ((s, end), (&from, &own)) in sections.iter_mut().zip(&mut ends).zip(starts.iter().zip(&owns)) {
                (s.body, s.body_line, *end) = (self.slice(from, own), from, own);
            }
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
                    _ => self.loose_date.take(),
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
        entries::strip_session_codes(&mut sections);
        let events = self.events;
        let doc = Document {
            file: self.note.file.clone(),
            key: self.note.key.clone(),
            events,
            sections,
            tags: self.tags,
            warnings: self.warnings,
            text: &self.note.text,
            line_starts: Vec::new(),
        };
        Detection { doc, candidates: self.cands, ends }
    }

    /// The text of lines `from..=to` (empty when `to < from`).
    pub(super) fn slice(&self, from: u32, to: u32) -> &'a str {
        if to < from || from == 0 {
            return "";
        }
        let text = &self.note.text;
        let Some(&s) = self.starts.get(from as usize - 1) else { return "" };
        let e = self.starts.get(to as usize).map_or(text.len(), |&e| e - 1);
        text[s..e.max(s)].trim_end_matches(['\n', '\r'])
    }

    /// A talk written again further down the note, its title and its people the same (a
    /// chat's thread repeating the message that announced it, a summary at the end
    /// naming it as it was first named): one talk, the later lines its notes. A title
    /// that names nobody (`Lightning talks` on each day) stays two talks.
    fn written_again(&mut self) {
        // Per people, the talks seen: their title's words, line and title.
        let mut seen: HashMap<String, Vec<(Vec<String>, u32, String)>> = HashMap::new();
        for c in self.cands.iter_mut().filter(|c| c.talk && !c.speakers.is_empty() && c.part_of.is_none()) {
            let title = norm(&c.title);
            let words: Vec<String> = title.split(' ').filter(|w| !w.is_empty()).map(str::to_string).collect();
            if words.len() < 2 {
                continue;
            }
            let talks = seen.entry(people_key(&c.speakers)).or_default();
            // (The same title, or most of its words: a chat's rough note and the tidy
            // version asked for, `migrations w/o downtime on a 2TB postgres` and
            // `Migrations Without Downtime on a 2 TB Postgres`.)
            // (Not two parts told apart by a number, `Graphs, part 1` and `part 2`: the
            // digits of both are the same. Only a person's last talks are looked at,
            // so a note's cost stays linear.)
            let digits = |t: &str| t.chars().filter(char::is_ascii_digit).collect::<String>();
            let same = |w: &[String], first: &str| {
                let shared = words.iter().filter(|x| w.contains(x)).count();
                shared * 5 >= words.len().min(w.len()) * 3 && shared >= 2 && digits(first) == digits(&c.title)
            };
            match talks.iter().rev().take(8).find(|(w, _, first)| same(w, first)) {
                Some((_, line, first)) => {
                    c.part_of = Some(*line);
                    // (One talk, one title: the first.)
                    c.title.clone_from(first);
                    push_ev(c, "the same talk written again", 0);
                }
                None => talks.push((words, c.line, c.title.clone())),
            }
        }
    }

    /// The same talk written twice (a schedule row or list item, and a section with the
    /// same or a shortened title) is one talk: the row keeps its line and the fuller
    /// title, and takes the section's body.
    pub(super) fn merge_duplicates(&mut self) {
        // Each row is found by every pair of its title's words: a shortened title keeps a
        // run of them, at the start (`Evaluating LLM apps`) or elsewhere (`GeoPandas and
        // Dask` for `Geospatial Python at scale with GeoPandas and Dask`).
        let mut by_key: HashMap<String, usize> = HashMap::new();
        // Rows by each of their title's words, for a section whose title holds every
        // word of a short row's (`Godot console port` for `Shipping a Console Port in
        // Godot 4`).
        let mut by_word: HashMap<String, Vec<usize>> = HashMap::new();
        // Rows by who gives them: a summary's row of a talk told above it, its title
        // shortened in other words (`Kafka | Beatriz S. Lemos` for `Kafka sem dores de
        // cabeça`).
        let mut by_people: HashMap<String, Vec<usize>> = HashMap::new();
        // Rows by their speakers' surnames (four letters or more), for a heading that
        // names them (`row_by_named_surname`).
        let mut surnames: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, c) in self.cands.iter().enumerate() {
            if c.talk && c.source.is_row() && !c.speakers.is_empty() {
                by_people.entry(people_key(&c.speakers)).or_default().push(i);
                for (n, _) in &c.speakers {
                    let last = n.name.rsplit(' ').next().unwrap_or("");
                    if last.chars().count() >= 4 {
                        surnames.entry(last.to_string()).or_default().push(i);
                    }
                }
            }
            if c.talk && (c.source.is_row() || c.source == Source::ListItem) {
                let n = norm(&c.title);
                let words: Vec<&str> = n.split(' ').collect();
                if c.source.is_row() && c.speakers.is_empty() && (2..=5).contains(&words.len()) {
                    for w in &words {
                        by_word.entry(w.to_string()).or_default().push(i);
                    }
                }
                for k in title_keys(&c.title).into_iter().chain(words.windows(2).map(|w| w.join(" "))) {
                    by_key.entry(k).or_insert(i);
                }
            }
        }
        if by_key.is_empty() {
            return;
        }
        self.index_schedule();
        for i in 0..self.cands.len() {
            if matches!(self.cands[i].source, Source::TableRow | Source::Slot | Source::ListItem | Source::File)
                || self.cands[i].score() < 0
            {
                continue;
            }
            // (Without a speaker's first name in brackets after it: `Feature stores
            // (Sipho)`.)
            let title = &self.cands[i].title;
            let short = norm(rows::first_name_after(title).unwrap_or(title));
            let keyed = title_keys(&self.cands[i].title).iter().find_map(|k| by_key.get(k)).copied().filter(|&r| {
                let long = norm(&self.cands[r].title);
                // A run of the row's words: the start, or two words or more and eight
                // letters elsewhere in it.
                let inside = short.split(' ').count() >= 2
                    && short.chars().filter(|c| c.is_alphabetic()).count() >= 8
                    && format!(" {long} ").contains(&format!(" {short} "));
                long.starts_with(&short) || short.starts_with(&long) || inside
            });
            // A heading naming nobody that names one entry by its words, in any order
            // (`mongo sharding`, `panel MariaDB`, `PMM`), as a title line does.
            let c = &self.cands[i];
            let worded = || {
                (matches!(c.source, Source::Heading(_)) && c.speakers.is_empty())
                    .then(|| self.entry_named(c.block, &c.title))
                    .flatten()
                    .filter(|&r| self.cands[r].talk)
            };
            // A heading naming only its kind and a speaker's surname (`## keynote
            // (Procházková)`, `## Svoboda`): the one row that surname speaks in.
            let by_surname = || {
                matches!(c.source, Source::Heading(_))
                    .then(|| self.row_by_surname(&c.title, c.speakers.first()))
                    .flatten()
            };
            // A section whose title holds every word of a short row's naming nobody
            // (each word in at most eight rows: common words find none).
            let holds_row = || {
                let words: std::collections::HashSet<&str> = short.split(' ').collect();
                let mut found = words
                    .iter()
                    .filter_map(|w| by_word.get(*w))
                    .filter(|rows| rows.len() <= 8)
                    .flatten()
                    .copied()
                    .filter(|&r| {
                        let n = norm(&self.cands[r].title);
                        n.chars().filter(|c| c.is_alphabetic()).count() >= 8
                            && n.split(' ').all(|w| words.contains(w))
                            && self.cands[r].talk
                    })
                    .collect::<Vec<_>>();
                found.sort_unstable();
                found.dedup();
                (found.len() == 1).then(|| found[0])
            };
            // The one row given by the same people, its title sharing a word with this one
            // or naming only its kind (`Opening + keynote | Femke Bakker`).
            let same_people = || {
                let rows = by_people.get(&people_key(&c.speakers)).filter(|rows| rows.len() == 1)?;
                let words: std::collections::HashSet<&str> = short.split(' ').filter(|w| w.len() >= 3).collect();
                let r = rows[0];
                let row = norm(&self.cands[r].title);
                let labels = &self.d.labels;
                let kind_only = row.split(' ').all(|w| !labels.lookup(w).is_empty())
                    && row.split(' ').any(|w| labels.lookup(w).iter().any(|k| k.is_talk_kind()));
                (r != i && self.cands[r].talk && (kind_only || row.split(' ').any(|w| words.contains(w)))).then_some(r)
            };
            // A heading led by a speaker's surname, or closed by surnames in brackets
            // (`Weiß-Oberländer: Open Source nach dem CRA`, `Beyond Vibes – LLM-Evaluation
            // (Traoré / Baumgartner)`): the one row those surnames speak in.
            let led = || {
                (matches!(c.source, Source::Heading(_)) && !surnames.is_empty())
                    .then(|| self.row_by_named_surname(&c.title, &surnames))
                    .flatten()
            };
            let found = keyed.or_else(worded).or_else(by_surname).or_else(holds_row).or_else(same_people);
            let (r, surnamed) = match found {
                Some(r) => (r, false),
                None => match led() {
                    Some(r) => (r, true),
                    None => continue,
                },
            };
            // One talk: the section's place and body, the fuller title, every name,
            // the row's kind when it says keynote.
            let row = self.cands[r].clone();
            let sec = &mut self.cands[i];
            if surnamed || row.title.len() > sec.title.len() {
                sec.title = row.title.clone();
            }
            if sec.kind == SectionKind::Talk {
                sec.kind = row.kind;
            }
            // (Named by the row's surnames, the section's own people are words of its
            // title: `Beyond Vibes` is none.)
            // (Nor are people the section names where the row names others: the schedule
            // says who speaks, the section's name line is a note-taker's `*@Femke*`.)
            let disjoint = !row.speakers.is_empty()
                && !sec
                    .speakers
                    .iter()
                    .any(|(n, _)| row.speakers.iter().any(|(m, _)| person_key(&n.name) == person_key(&m.name)));
            if surnamed || disjoint {
                sec.speakers.clear();
            }
            for s in row.speakers {
                if !sec.speakers.iter().any(|(n, _)| person_key(&n.name) == person_key(&s.0.name)) {
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
}

/// The last line of the table row on `line` of `block`: the line before the next row,
/// or the table's last for the last row; `line` for anything else.
fn row_end(block: Option<&Block>, line: u32) -> u32 {
    let Some(Block { kind: BlockKind::Table { rows, .. }, end, .. }) = block else { return line };
    let Some(k) = rows.iter().position(|r| r.line == line) else { return line };
    rows.get(k + 1).map_or(*end, |r| r.line.saturating_sub(1)).max(line)
}

/// Evidence that a candidate names its own talk's person or time (a label alone does
/// not: `Talks I watched` is a label and a heading over talks).
pub(super) fn own_evidence(f: &str) -> bool {
    matches!(
        f,
        "a time"
            | "a person named in it"
            | "a name line under it"
            | "a speaker in its first sentence"
            | "speaker field"
    )
}

/// Who gives a talk, in any order: each name's first and last word (a middle name or
/// its initial aside: `Beatriz S. Lemos` is `Beatriz Sousa Lemos`), sorted and joined.
fn people_key(people: &[(Named, Role)]) -> String {
    let mut names: Vec<String> = people.iter().map(|(n, _)| person_key(&n.name)).collect();
    names.sort_unstable();
    names.join("|")
}

/// A name's first and last word, in lower case.
fn person_key(name: &str) -> String {
    let first = name.split(' ').next().unwrap_or("");
    let last = name.rsplit(' ').next().unwrap_or("");
    format!("{first} {last}").to_lowercase()
}
