//! Candidates from tables: rows whose cells hold a title and a name, perhaps a time.

use super::*;

impl<'d, 'a, 'b> Run<'d, 'a, 'b> {
    /// Rows whose cells hold a title and a name, perhaps a time.
    pub(super) fn table(&mut self, bi: usize, header: Option<&Row>, rows: &[Row]) {
        if self.field_table(bi, header, rows) {
            return;
        }
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
        // A column per track or room: each cell is a talk.
        if title_col.is_none() && speaker_col.is_none() {
            let tracks = self.track_columns(header, time_col);
            if !tracks.is_empty() {
                return self.track_table(bi, rows, &tracks, time_col);
            }
        }
        // Columns whose header says what else they hold (`Track`, `Room`, `Where I
        // ended up`, `Notes`): no title or name is looked for in them.
        // (Read once per table, not per row.)
        let others: Vec<bool> = header.map_or_else(Vec::new, |h| {
            h.cells
                .iter()
                .map(|h| {
                    let h = strip_inline(h);
                    let h = h.trim();
                    !h.is_empty() && (labels.leading(h).is_some() || !labels.whole(h).is_empty())
                })
                .collect()
        });
        let other_col = |i: usize| others.get(i).copied().unwrap_or(false);
        let mut made = Vec::new();
        for row in rows {
            let cells: Vec<String> = row.cells.iter().map(|c| strip_inline(c).trim().to_string()).collect();
            let mut time = time_col.and_then(|i| cells.get(i)).is_some_and(|t| strip_time(t).is_some());
            let mut speaker = speaker_col.and_then(|i| cells.get(i)).cloned();
            let mut title = title_col.and_then(|i| cells.get(i)).cloned();
            // A title column and no speaker's: a cell of names (`Wer`, unlabelled).
            if title_col.is_some() && speaker.is_none() {
                speaker = cells
                    .iter()
                    .enumerate()
                    .find(|&(i, c)| Some(i) != title_col && !other_col(i) && names::people(c, labels, false).is_some())
                    .map(|(_, c)| c.clone());
            }
            if title.is_none() {
                // No header to go by: a time cell, a name cell, the longest other cell.
                let mut best: Option<usize> = None;
                for (i, cell) in cells.iter().enumerate() {
                    if other_col(i) {
                        continue;
                    }
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
                if let Some(k) = cs.iter().copied().find(|c| c.is_talk_kind()) {
                    c.kind = kind_of(k);
                    if !r.is_empty() {
                        c.title = clean_title(r);
                    }
                    push_ev(&mut c, "a talk label", 3);
                }
            }
            // (Or breaks joined: `Ontbijt + registratie`, `Lunch & networking`.)
            let breaks = || {
                let mut parts = title_text.split(['+', '&', '/', ',']).map(str::trim).filter(|p| !p.is_empty());
                title_text.contains(['+', '&', '/', ','])
                    && parts.all(|p| labels.whole(p).iter().any(|c| matches!(c, Concept::Break | Concept::Aside)))
            };
            if !labels.whole(&title_text).is_empty()
                && lead.as_ref().is_none_or(|(cs, _)| cs.iter().any(|c| matches!(c, Concept::Break | Concept::Aside)))
                || breaks()
            {
                push_ev(&mut c, "a break, notes or an aside", -6);
            }
            if time {
                push_ev(&mut c, "a time", 1);
            }
            if let Some(people) = speaker.as_deref().and_then(|s| names::people(s, labels, true)) {
                push_ev(&mut c, "a person named in it", 2);
                c.speakers = people.into_iter().map(|(n, r)| (Named { name: n, line: row.line }, r)).collect();
            } else if speaker.is_none() {
                // A title cell that names its people, no other cell naming any
                // (`Keynote (Femke Jansen)`, `Title - Name`).
                let inner = c.title.strip_prefix('(').and_then(|r| r.strip_suffix(')'));
                let found = match inner.and_then(|i| names::people_as(i, labels, names::Case::Capitalised)) {
                    Some(p) => Some((
                        label_title(
                            lead.iter()
                                .flat_map(|(cs, _)| cs)
                                .copied()
                                .find(|k| k.is_talk_kind())
                                .unwrap_or(Concept::Talk),
                        ),
                        p,
                    )),
                    None => {
                        lines::split_title_line(&c.title, labels, true).filter(|(t, p)| !p.is_empty() && !t.is_empty())
                    }
                };
                if let Some((title, people)) = found {
                    push_ev(&mut c, "a person named in it", 2);
                    c.title = title;
                    c.speakers = people.into_iter().map(|(n, r)| (Named { name: n, line: row.line }, r)).collect();
                }
            }
            c.body_line = row.line;
            made.push(c);
        }
        // Rows under a lightning session's heading are its talks.
        if let Some(session) = self.session.as_mut().filter(|_| !made.is_empty()) {
            session.items += made.len();
            for c in &mut made {
                c.kind = SectionKind::Lightning;
                push_ev(c, "an item of a lightning session", THRESHOLD);
            }
        }
        if made.len() >= 2 {
            for c in &mut made {
                push_ev(c, "siblings of the same shape", 1);
            }
        }
        self.cands.extend(made);
    }
}

impl Run<'_, '_, '_> {
    /// A table of fields, two cells a row, the first a label (`|Speakers |Ana Ruiz
    /// (Acme), Tom Berg` / `|Room |Hall 7`), as AsciiDoc and wiki pages set a talk's
    /// details under its heading: the people name the talk of the heading right above
    /// it, or, with a title field, a talk of its own. Whether the table is one.
    fn field_table(&mut self, bi: usize, header: Option<&Row>, rows: &[Row]) -> bool {
        let d = self.d;
        let labels = &d.labels;
        let all: Vec<&Row> = header.into_iter().chain(rows).collect();
        if all.len() < 2 || all.len() > 12 || all.iter().any(|r| r.cells.len() != 2) {
            return false;
        }
        let key = |r: &Row| {
            let k = strip_inline(&r.cells[0]);
            let k = k.trim().trim_end_matches(':');
            labels.leading(k).filter(|(_, rest)| rest.trim().is_empty()).map(|(cs, _)| cs.to_vec())
        };
        let keys: Vec<Option<Vec<Concept>>> = all.iter().map(|r| key(r)).collect();
        if keys.iter().filter(|k| k.is_some()).count() * 2 < all.len() {
            return false;
        }
        let mut people: Vec<(Named, Role)> = Vec::new();
        let mut title = None;
        for (r, k) in all.iter().zip(&keys) {
            let Some(cs) = k else { continue };
            let value = strip_inline(&r.cells[1]);
            if cs.contains(&Concept::Speaker) || cs.contains(&Concept::Moderator) {
                let role = if cs.contains(&Concept::Speaker) { Role::Speaker } else { Role::Moderator };
                for (n, _) in names::people(value.trim(), labels, true).unwrap_or_default() {
                    people.push((Named { name: n, line: r.line }, role));
                }
            } else if cs.contains(&Concept::Title) || cs.contains(&Concept::Talk) {
                title = Some((clean_title(value.trim()), r.line));
            }
        }
        let end = self.blocks[bi].end;
        match (title, self.cands.last_mut()) {
            (None, Some(c))
                if c.block + 1 == bi
                    && matches!(c.source, Source::Heading(_))
                    && c.speakers.is_empty()
                    && !people.is_empty() =>
            {
                c.speakers = people;
                push_ev(c, "speaker field", 2);
            }
            (Some((t, line)), _) if !t.is_empty() => {
                let mut c = self.new_candidate(bi, line, Source::Field, t);
                push_ev(&mut c, "a title field", 1);
                if !people.is_empty() {
                    push_ev(&mut c, "speaker field", 2);
                }
                c.speakers = people;
                c.body_line = end + 1;
                self.cands.push(c);
            }
            _ => {}
        }
        true
    }
}

/// Rows a section names by its speakers (the same talk written twice: a schedule row
/// and a section, see `merge_duplicates`).
impl Run<'_, '_, '_> {
    /// The one talk row whose speakers' surnames `title` names where a title names its
    /// people: before its first `:`, ` – ` or ` — `, or in brackets at its end. Each
    /// speaker of the row is named, with four letters or more, and no other row's.
    pub(super) fn row_by_named_surname(&self, title: &str, by_surname: &HashMap<String, Vec<usize>>) -> Option<usize> {
        let lead = [": ", " – ", " — "].iter().filter_map(|p| title.find(p)).min().map_or("", |i| &title[..i]);
        let tail = title.strip_suffix(')').and_then(|t| t.rfind('(').map(|i| &t[i + 1..])).unwrap_or("");
        let words: Vec<&str> = lead
            .split(|c: char| !c.is_alphabetic() && c != '-' && c != '\'')
            .chain(tail.split(|c: char| !c.is_alphabetic() && c != '-' && c != '\''))
            .filter(|w| w.chars().count() >= 4 && w.starts_with(char::is_uppercase))
            .collect();
        // The rows one of the words is a surname in, each kept if all its speakers are named.
        let mut rows: Vec<usize> = words.iter().filter_map(|w| by_surname.get(*w)).flatten().copied().collect();
        rows.sort_unstable();
        rows.dedup();
        let named = |c: &Candidate| {
            c.speakers.iter().all(|(n, _)| n.name.rsplit(' ').next().is_some_and(|s| words.contains(&s)))
        };
        let mut found = rows.into_iter().filter(|&r| self.cands[r].talk && named(&self.cands[r]));
        let r = found.next()?;
        found.next().is_none().then_some(r)
    }

    /// The one talk row a heading of surnames and kind words names (`keynote
    /// (Procházková)`, `Svoboda`, `Kučera & Beneš`): each of its other words a label of
    /// a talk's kind, and each surname the last word of a speaker of that row.
    pub(super) fn row_by_surname(&self, title: &str, speaker: Option<&(Named, Role)>) -> Option<usize> {
        let labels = &self.d.labels;
        let text = match speaker {
            Some((n, _)) => format!("{title} {}", n.name),
            None => title.to_string(),
        };
        let mut surnames: Vec<&str> = Vec::new();
        for w in text.split(|c: char| !c.is_alphabetic() && c != '-' && c != '\'').filter(|w| !w.is_empty()) {
            let kind = labels.lookup(&w.to_lowercase()).iter().any(|c| {
                matches!(c, Concept::Talk | Concept::Keynote | Concept::Panel | Concept::Workshop | Concept::Lightning)
            });
            // (A particle inside a full name: `Keynote – Anouk ter Horst`.)
            if kind || ["&", "and", "und", "et", "y", "e", "a", "by"].contains(&w) || names::is_particle(w) {
                continue;
            }
            if !w.starts_with(char::is_uppercase) {
                return None;
            }
            surnames.push(w);
        }
        if surnames.is_empty() || surnames.len() > 3 {
            return None;
        }
        // Each a speaker's surname, or all of them one speaker's whole name.
        let whole = surnames.join(" ");
        let mut rows = self.cands.iter().enumerate().filter(|(_, c)| {
            c.talk
                && c.source.is_row()
                && (surnames.iter().all(|s| c.speakers.iter().any(|(n, _)| n.name.rsplit(' ').next() == Some(s)))
                    || surnames.len() >= 2
                        && c.speakers.iter().any(|(n, _)| {
                            n.name.split(' ').filter(|w| !names::is_particle(w)).collect::<Vec<_>>().join(" ") == whole
                        }))
        });
        let (r, _) = rows.next()?;
        rows.next().is_none().then_some(r)
    }
}

/// `title` without one capitalised word in brackets at its end, as a writer adds a
/// speaker's first name to a shortened title (`Feature stores (Sipho)`).
pub(super) fn first_name_after(title: &str) -> Option<&str> {
    let open = title.strip_suffix(')')?.rfind(" (")?;
    let inner = &title[open + 2..title.len() - 1];
    let one = inner.starts_with(char::is_uppercase) && inner.chars().all(char::is_alphabetic);
    (one && title[..open].split_whitespace().count() >= 2).then(|| title[..open].trim_end())
}
