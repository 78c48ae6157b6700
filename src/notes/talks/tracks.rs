//! A schedule table with a column per track or room (`| Time | Track A | Track B |`,
//! `| | Room 2 | Room 5 |`): each cell of a track's column is a talk of its own,
//! `Title — Name` or `Title (Name)`, at the row's line.

use super::lines::split_title_line;
use super::slot::slot_only;
use super::*;

impl Run<'_, '_, '_> {
    /// The columns of `header` that name a track or a room, when there are two or more.
    pub(super) fn track_columns(&self, header: Option<&Row>, time_col: Option<usize>) -> Vec<usize> {
        let Some(header) = header else { return Vec::new() };
        let labels = self.labels();
        let cols: Vec<usize> = (0..header.cells.len())
            .filter(|&i| Some(i) != time_col && slot_only(strip_inline(&header.cells[i]).trim(), labels))
            .collect();
        if cols.len() >= 2 {
            cols
        } else {
            Vec::new()
        }
    }

    /// Each cell of the track columns `tracks` of `rows` as a talk.
    pub(super) fn track_table(&mut self, bi: usize, rows: &[Row], tracks: &[usize], time_col: Option<usize>) {
        let labels = self.labels();
        let mut made = Vec::new();
        for row in rows {
            let time = row.cells.iter().enumerate().any(|(i, c)| {
                (time_col.is_none() || time_col == Some(i)) && strip_time(strip_inline(c).trim()).is_some()
            });
            for &i in tracks {
                let Some(cell) = row.cells.get(i) else { continue };
                let cell = strip_inline(cell);
                let cell = cell.trim();
                if !cell.chars().any(char::is_alphanumeric) {
                    continue;
                }
                // A cell of several lines (a grid typed by hand): the title, then who
                // gives it (`Astrid Nilsen (Vipps)`), then notes.
                let mut parts = cell.split('\n').map(str::trim).filter(|l| !l.is_empty());
                let first = parts.next().unwrap_or(cell);
                let (title, people) = split_title_line(first, labels, true).unwrap_or_else(|| {
                    let below = parts.next().and_then(|l| {
                        names::people_as(l, labels, names::Case::Capitalised)
                            .or_else(|| super::framed::people_with_affiliation(l, labels))
                    });
                    (clean_title(first), below.unwrap_or_default())
                });
                let mut c = self.new_candidate(bi, row.line, Source::TableRow, title);
                push_ev(&mut c, "a title cell", 1);
                match labels.leading(cell) {
                    Some((cs, _)) if cs.iter().any(|c| matches!(c, Concept::Break | Concept::Aside)) => {
                        push_ev(&mut c, "a break, notes or an aside", -6);
                    }
                    Some((cs, r)) => {
                        if let Some(k) = cs.iter().copied().find(|c| {
                            matches!(c, Concept::Talk | Concept::Keynote | Concept::Lightning | Concept::Panel)
                        }) {
                            c.kind = kind_of(k);
                            push_ev(&mut c, "a talk label", 3);
                            // `Keynote: Title`; `Keynote (everyone)` is the keynote.
                            let r = r.trim_start_matches([':', '-', '—', '–', ' ']);
                            if people.is_empty() {
                                c.title =
                                    if r.is_empty() || r.starts_with('(') { label_title(k) } else { clean_title(r) };
                            }
                        }
                    }
                    None => {}
                }
                if time {
                    push_ev(&mut c, "a time", 1);
                }
                if !people.is_empty() {
                    push_ev(&mut c, "a person named in it", 2);
                    c.speakers = people.into_iter().map(|(n, r)| (Named { name: n, line: row.line }, r)).collect();
                }
                c.body_line = row.line;
                if !c.title.is_empty() {
                    made.push(c);
                }
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
