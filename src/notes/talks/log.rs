//! A running log: a paragraph of lines that each open with a time, written as the day
//! goes (`09:12 keynote - "Prometheus 3, one year on" - Ingrid Halvorsen`, `09:14 native
//! histograms …`, `10:32 switched room`). Each line is an entry; an entry that names a
//! talk and its people (a title line, a lead-in, a quoted title beside a name) starts
//! that talk, and the entries after it are its notes.

use super::long::talk_in_line;
use super::*;

impl Run<'_, '_, '_> {
    /// Reads paragraph `text` (block `bi`) as a running log when at least four of its
    /// lines, and three in four, open with a time: true when it was one.
    pub(super) fn running_log(&mut self, bi: usize, b: &Block, text: &str) -> bool {
        let lines: Vec<&str> = text.split('\n').collect();
        let timed = lines.iter().filter(|l| strip_time(strip_inline(l).trim()).is_some()).count();
        if lines.len() < 4 || timed * 4 < lines.len() * 3 {
            return false;
        }
        for (k, raw) in lines.iter().enumerate() {
            let line = b.line + k as u32;
            let plain = strip_inline(raw);
            let plain = plain.trim();
            let Some((rest, time)) = strip_time(plain) else { continue };
            // A remark before the entry (`back in hall B. Name - "Title"`).
            let rest = match rest.split_once(". ") {
                Some((remark, r)) if remark.split_whitespace().count() <= 4 && !remark.contains(['"', '“']) => r,
                _ => rest,
            };
            let entry = format!("{time} {rest}");
            let lead = self.d.labels.leading(rest);
            let named = |c: &Candidate| !c.speakers.is_empty();
            let found = self
                .lead_in(bi, line, rest, lead)
                .filter(named)
                .or_else(|| self.titled_paragraph(bi, line, &entry, &entry, None))
                .or_else(|| talk_in_line(self, bi, line, rest))
                .filter(|c| !c.speakers.is_empty());
            if let Some(mut c) = found {
                if !c.evidence.iter().any(|(f, _)| *f == "a time") {
                    push_ev(&mut c, "a time", 2);
                }
                c.body_line = line + 1;
                self.cands.push(c);
            }
        }
        true
    }
}
