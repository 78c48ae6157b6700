//! A schedule laid out as a column of lines, as text copied from a PDF programme comes
//! out: a time on a line of its own, the title on the next line or two, then who gives
//! it (`Name (Affiliation)`, `Name & Name`, the affiliation on a line of its own,
//! `Moderator: Name`, `Panelists: A, B,` wrapped over two lines), up to the next time
//! line.
//!
//! Each slot that names people is a schedule entry: a [`Source::Slot`] candidate with
//! the title (its label, `Keynote:` or `Panel:`, gives its kind) and the people. Its
//! notes may follow later under a shortened title ([`super::schedule`]). A slot naming
//! nobody (`Coffee break`, `Lunch`, `Drinks, kindly sponsored by`) is none. The lines
//! before the first time (the programme's title, column headers split over lines)
//! are not read, nor page furniture (`Page 1 of 3`) between the paragraphs: a column
//! goes on after a page break when a column was seen before it.

use super::*;

/// A slot longer than this many lines is no slot of a schedule.
const MAX_SLOT_LINES: usize = 8;

/// Whether a line is a time alone (`09:20`, `10:10–10:55`, `[11:20]`).
fn time_alone(l: &str) -> bool {
    l.as_bytes().first().is_some_and(|b| b.is_ascii_digit() || *b == b'[')
        && strip_time(l).is_some_and(|(r, _)| r.is_empty())
}

/// Whether a line leaves a bracket open (`Henrik van Oosterhout (setuptools`) or ends
/// a list of names half-way (`Panelists: A, B,`, `A &`, `A and`): the next line goes on
/// with it.
fn open_line(l: &str) -> bool {
    let opened = l.bytes().filter(|&b| b == b'(').count() > l.bytes().filter(|&b| b == b')').count();
    opened || [",", " &", " and", " +"].iter().any(|e| l.ends_with(e))
}

/// `l` without the affiliations in brackets (`Ana Ruiz (Acme) & Bo Li (Initech)`).
fn without_brackets(l: &str) -> String {
    let mut out = String::with_capacity(l.len());
    let mut depth = 0usize;
    for ch in l.chars() {
        match ch {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(ch),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl<'d, 'a, 'b> Run<'d, 'a, 'b> {
    /// Reads paragraph `text` (block `bi`) as a column of schedule slots; returns
    /// whether it was one.
    pub(super) fn column_schedule(&mut self, bi: usize, b: &Block, text: &str) -> bool {
        // A column holds a line break and a time alone on a line: most paragraphs are
        // passed over on that.
        if memchr::memchr(b'\n', text.as_bytes()).is_none() {
            return false;
        }
        // Two times in the paragraph, or one after a page break in a column seen before;
        // counted before the lines are collected.
        // Only the lines opening with a digit are read (splitting every paragraph into
        // lines was 30 M instructions on the 10 MB corpus).
        let need = if self.schedule.column { 1 } else { 2 };
        let bytes = text.as_bytes();
        let mut found = 0;
        for s in std::iter::once(0).chain(memchr::memchr_iter(b'\n', bytes).map(|i| i + 1)) {
            if bytes.get(s).is_some_and(|b| b.is_ascii_digit() || *b == b'[') {
                let e = memchr::memchr(b'\n', &bytes[s..]).map_or(bytes.len(), |e| s + e);
                if time_alone(text[s..e].trim()) {
                    found += 1;
                    if found >= need {
                        break;
                    }
                }
            }
        }
        if found < need {
            return false;
        }
        let lines: Vec<&str> = text.split('\n').map(|l| l.trim().trim_end_matches('\r')).collect();
        let times: Vec<usize> = (0..lines.len()).filter(|&k| time_alone(lines[k])).collect();
        let mut made = 0;
        for (i, &t) in times.iter().enumerate() {
            let end = times.get(i + 1).copied().unwrap_or(lines.len());
            let slot = &lines[t + 1..end];
            if slot.is_empty() || slot.len() > MAX_SLOT_LINES {
                continue;
            }
            if let Some((c, label)) = self.slot(bi, b.line + t as u32 + 1, slot) {
                if let Some(l) = label {
                    self.schedule.labelled(self.cands.len(), l);
                }
                self.cands.push(c);
                self.schedule.column = true;
                made += 1;
            }
        }
        made > 0
    }

    /// One slot's lines (from the line after its time, `line`): its title lines up to
    /// the first that names people, then the people.
    /// With the candidate, the talk label of its title (`Keynote:`, `Panel:`).
    fn slot(&self, bi: usize, line: u32, slot: &[&str]) -> Option<(Candidate, Option<Concept>)> {
        let labels = self.labels();
        // The lines after the first, joined where one goes on with the next.
        let mut logical: Vec<(usize, String)> = Vec::new();
        for (k, l) in slot.iter().enumerate().skip(1) {
            match logical.last_mut() {
                Some((_, prev)) if open_line(prev) => {
                    prev.push(' ');
                    prev.push_str(l);
                }
                _ => logical.push((k, (*l).to_string())),
            }
        }
        let mut people: Vec<(Named, Role)> = Vec::new();
        let mut first_person = None;
        for (k, l) in &logical {
            let at = line + *k as u32;
            if l.starts_with('(') && l.ends_with(')') {
                // An affiliation on a line of its own.
                continue;
            }
            let (role, value) = match labels.leading(l) {
                Some((cs, r)) if cs.contains(&Concept::Moderator) => (Some(Role::Moderator), r),
                Some((cs, r)) if cs.contains(&Concept::Speaker) => (Some(Role::Speaker), r),
                _ => (None, l.as_str()),
            };
            let value = value.trim_start_matches([':', '-', '–', '—', ' ']);
            let plain = without_brackets(value);
            let case = if role.is_some() { names::Case::Any } else { names::Case::Capitalised };
            let found = names::people_as(&plain, labels, case)
                .or_else(|| role.is_none().then(|| framed::people_with_affiliation(value, labels)).flatten());
            match found {
                Some(found) => {
                    first_person.get_or_insert(*k);
                    for (n, r) in found {
                        if !people.iter().any(|(p, _)| p.name == n) {
                            people.push((Named { name: n, line: at }, role.unwrap_or(r)));
                        }
                    }
                }
                // A line that names nobody after the people: no slot of this shape.
                None if first_person.is_some() => return None,
                None => {}
            }
        }
        let first_person = first_person?;
        let title = slot[..first_person].join(" ");
        let mut c = self.new_candidate(bi, line, Source::Slot, clean_title(&title));
        push_ev(&mut c, "a time", 2);
        let mut label = None;
        if let Some((cs, r)) = labels.leading(&title) {
            if let Some(k) = cs.iter().copied().find(|c| c.is_talk_kind()) {
                let r = r.trim_start_matches([':', '-', '–', '—', '|', ' ']);
                if !r.is_empty() {
                    c.title = clean_title(r);
                }
                c.kind = kind_of(k);
                label = Some(k);
                push_ev(&mut c, "a talk label", 3);
            }
        }
        if c.title.is_empty() || labels.whole(&c.title).iter().any(|c| matches!(c, Concept::Break | Concept::Aside)) {
            return None;
        }
        push_ev(&mut c, "a person named in it", 2);
        c.speakers = people;
        c.body_line = line;
        Some((c, label))
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::detect;
    use crate::notes::SectionKind;

    const PROGRAMME: &str = "Packaging Day 2025 — Programme\nTIME\nSESSION\nSPEAKER\n09:00\nWelcome\nThe organisers\n09:20\nKeynote: Ten years of wheels, and\nwhat comes next\nMarta Oyelaran\n(Python Software Foundation)\n10:10\nMoving repos to uv: a\nmigration diary\nDmitri Kovalenko & Farida Haidari\n10:55\nCoffee break\n\nPackaging Day 2025 · Programme          Page 1 of 2\n\n11:20\nPanel: what should pip do next?\nModerator: Rania El-Masri (Bloomberg)\nPanelists: Aoife Gallagher, Bao Nguyen,\nHenrik van Oosterhout\n12:00\nsetuptools is not dead\nHenrik van Oosterhout (setuptools\nmaintainer)\n12:50\nLunch\n";

    #[test]
    fn a_column_of_time_title_and_name_lines_is_a_schedule() {
        let (talks, doc) = detect(PROGRAMME);
        let titles: Vec<&str> = talks.iter().map(|t| t.1.as_str()).collect();
        assert_eq!(
            titles,
            [
                "Ten years of wheels, and what comes next",
                "Moving repos to uv: a migration diary",
                "what should pip do next?",
                "setuptools is not dead"
            ]
        );
        assert_eq!(talks[0].0, 9, "the title's first line");
        assert_eq!(talks[0].2, ["Marta Oyelaran"]);
        assert_eq!(doc.sections[0].kind, SectionKind::Keynote);
        assert_eq!(talks[1].2, ["Dmitri Kovalenko", "Farida Haidari"]);
        // A panel's list of names wrapped over two lines; its moderator is no speaker.
        assert_eq!(talks[2].2, ["Aoife Gallagher", "Bao Nguyen", "Henrik van Oosterhout"]);
        let moderators: Vec<&str> = doc.sections[2].moderators.iter().map(|n| n.name.as_str()).collect();
        assert_eq!(moderators, ["Rania El-Masri"]);
        // An affiliation wrapped over two lines.
        assert_eq!(talks[3].2, ["Henrik van Oosterhout"]);
    }

    #[test]
    fn page_furniture_is_nothing() {
        let text = PROGRAMME.replace("Page 1 of 2\n", "Page 1 of 2\n-----\n");
        let (talks, _) = detect(&format!("{text}\n# Programme          Page 2 of 2\n\nnotes\n"));
        assert_eq!(talks.len(), 4, "{talks:?}");
        assert!(super::super::blocks::page_furniture("Programme   Seite 2 von 3", &Default::default()));
        assert!(!super::super::blocks::page_furniture("Talk 3 of 10", &Default::default()));
    }

    #[test]
    fn one_time_alone_is_no_column() {
        let (talks, _) = detect("Retro\n10:30\nAna Ruiz\nJonas Berg\n\nWe talked about the build.\n");
        assert!(talks.iter().all(|t| t.1 != "Ana Ruiz" && t.2.is_empty()), "{talks:?}");
    }
}
