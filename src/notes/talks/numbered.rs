//! Numbered runs: talks kept as a numbered list, the number their only mark, each with
//! who gave it and notes under it (a phone note: `2) rust en el backend` / `x Martín
//! Pereyra` / `- reescribieron …`). Three items or more numbered in order (1, 2, 3 …),
//! each followed by notes before the next, at the top of the note or under a day or
//! the event's heading (under a talk's heading they are its notes): each item is a
//! talk.

use super::*;

/// The number of a list item's marker (`1.`, `2)`), none for a bullet.
fn number(marker: &str) -> Option<u32> {
    marker.strip_suffix(['.', ')']).and_then(|n| n.parse().ok())
}

impl Run<'_, '_, '_> {
    /// Makes each item of a numbered run a talk (see the module's note); items already
    /// read as talks keep what was read.
    pub(super) fn numbered_runs(&mut self) {
        let blocks = self.blocks;
        let items: Vec<(usize, u32)> = blocks
            .iter()
            .enumerate()
            .filter_map(|(bi, b)| match &b.kind {
                BlockKind::ListItem { depth: 0, marker, .. } => number(marker).map(|n| (bi, n)),
                _ => None,
            })
            .collect();
        if items.len() < 3 {
            return;
        }
        let mut added = Vec::new();
        let mut k = 0;
        while k < items.len() {
            // A run: numbers going up by one, no heading between two items.
            let mut end = k + 1;
            while end < items.len()
                && items[end].1 == items[end - 1].1 + 1
                && !blocks[items[end - 1].0..items[end].0].iter().any(|b| matches!(b.kind, BlockKind::Heading { .. }))
            {
                end += 1;
            }
            let run = &items[k..end];
            k = end;
            if run.len() < 3 || !self.run_holds_talks(run) {
                continue;
            }
            for &(bi, _) in run {
                if self.cands.iter().any(|c| c.block == bi) {
                    continue;
                }
                if let Some(c) = self.numbered_item(bi) {
                    added.push(c);
                }
            }
        }
        if !added.is_empty() {
            self.cands.extend(added);
            self.cands.sort_by_key(|c| (c.block, c.line));
        }
    }

    /// Whether a numbered run's items are talks: each has notes after it (more lines
    /// of its own, or blocks before the next item) and short titles, and the run is not
    /// under a talk's heading.
    fn run_holds_talks(&self, run: &[(usize, u32)]) -> bool {
        let blocks = self.blocks;
        let noted = run.iter().enumerate().all(|(i, &(bi, _))| {
            // (An e-mail's point naming its talk in a sentence holds its notes on its line.)
            let own = matches!(&blocks[bi].kind, BlockKind::ListItem { text, .. }
                if text.contains('\n') || recap::quoted_item(text, self.labels()).is_some());
            let next = run.get(i + 1).map_or(blocks.len(), |&(n, _)| n);
            let after = blocks
                .get(bi + 1..next)
                .is_some_and(|bs| bs.first().is_some_and(|b| !matches!(b.kind, BlockKind::Heading { .. })));
            let short = match &blocks[bi].kind {
                BlockKind::ListItem { text, marker, .. } => {
                    !marker.contains('[') && text.split('\n').next().is_some_and(|f| f.split_whitespace().count() <= 16)
                }
                _ => false,
            };
            (own || after) && short
        });
        if !noted {
            return false;
        }
        // A run holding talks between its items (`1. Summary`, `2. Day 1` over its talks,
        // as a report numbers its parts), or naming a day, a break or a part of the
        // notes, is the note's outline.
        let (first, last) = (run[0].0, run[run.len() - 1].0);
        let between = |c: &Candidate| c.block > first && c.block < last && !run.iter().any(|&(bi, _)| bi == c.block);
        if self.cands.iter().any(|c| between(c) && c.score() >= THRESHOLD) {
            return false;
        }
        let labels = self.labels();
        let outline = run.iter().any(|&(bi, _)| match &blocks[bi].kind {
            BlockKind::ListItem { text, .. } => {
                let first = strip_inline(text.split('\n').next().unwrap_or(""));
                let concepts = labels.leading(first.trim()).map_or(labels.whole(first.trim()), |(c, _)| c);
                concepts.contains(&Concept::Day)
            }
            _ => false,
        });
        if outline {
            return false;
        }
        // The heading above the run: none, a day's or the event's, or one that is no
        // candidate (a heading of the note-taker's).
        let above = blocks[..run[0].0].iter().rposition(|b| matches!(b.kind, BlockKind::Heading { .. }));
        above.is_none_or(|h| self.structure.contains(&h) || !self.cands.iter().any(|c| c.block == h))
    }

    /// A numbered item read as a talk: its first line the title (with the people it
    /// names), or its people on the line under it.
    fn numbered_item(&self, bi: usize) -> Option<Candidate> {
        let b = &self.blocks[bi];
        let BlockKind::ListItem { text, .. } = &b.kind else { return None };
        let labels = self.labels();
        let first = strip_inline(text.split('\n').next().unwrap_or(""));
        let first = crate::notes::markup::decoration::strip(first.trim());
        // (Not a part of the notes, a break or a session: `7. Fazit`, `6. Lightning Talks`.)
        let concepts = labels.leading(first).map_or(labels.whole(first), |(c, _)| c);
        if first.is_empty()
            || first.ends_with(':')
            || concepts.iter().any(|c| {
                matches!(c, Concept::Break | Concept::Aside | Concept::Notes | Concept::Questions | Concept::Lightning)
            })
        {
            return None;
        }
        let (rest, time) = strip_time(first).map_or((first, false), |(r, _)| (r, true));
        // (An e-mail's point: the quoted title in a sentence naming its speaker.)
        let (title, mut people) = recap::quoted_item(text, labels)
            .or_else(|| lines::split_title_line(rest, labels, true))
            .unwrap_or_else(|| (clean_title(rest), Vec::new()));
        if title.is_empty() {
            return None;
        }
        let mut at = b.line;
        if people.is_empty() {
            // The lines under the title: the item's own, or the paragraph after it.
            let (below, line) = match text.split_once('\n') {
                Some((_, below)) => (below, b.line + 1),
                None => match self.blocks.get(bi + 1) {
                    Some(n @ Block { kind: BlockKind::Paragraph { text }, .. }) => (&**text, n.line),
                    _ => ("", 0),
                },
            };
            if let Some((found, _, k)) = self.people_lines(below) {
                people = found;
                at = line + k as u32;
            } else if let Some(found) = self.under_title(below.split('\n').next().unwrap_or(""), labels) {
                people = found;
                at = line;
            }
        }
        let mut c = self.new_candidate(bi, b.line, Source::ListItem, title);
        push_ev(&mut c, "an item of a numbered run with notes", THRESHOLD);
        if time {
            push_ev(&mut c, "a time", 2);
        }
        if !people.is_empty() {
            push_ev(&mut c, "a name line under it", 2);
            c.speakers = people.into_iter().map(|(n, r)| (Named { name: n, line: at }, r)).collect();
            if at > b.line && at < self.blocks[bi].end + 2 {
                c.body_line = at + 1;
            }
        }
        Some(c)
    }

    /// The people a line under a numbered title names: a field or a name line
    /// ([`Run::people_line`]), a by-line in any case (`x Martín Pereyra`, `por lucía
    /// benítez (córdoba)`), or a sentence (`la dio agustina fernández`).
    fn under_title(&self, line: &str, labels: &Labels) -> Option<Vec<(String, Role)>> {
        let plain = strip_inline(line);
        let plain = plain.trim();
        if plain.is_empty() || plain.len() > 200 || plain.starts_with(['-', '*', '•']) {
            return None;
        }
        if let Some((p, _)) = self.people_line(plain) {
            return Some(p);
        }
        let by = ["x ", "por ", "by ", "de ", "von ", "par "].iter().find_map(|w| {
            plain.get(..w.len()).filter(|h| h.eq_ignore_ascii_case(w)).map(|_| plain[w.len()..].trim_start())
        });
        if let Some(rest) = by {
            let cut = [", ", " (", " - ", " — ", ". "].iter().filter_map(|p| search::find(rest, p)).min();
            if let Some(p) = names::people_as(&rest[..cut.unwrap_or(rest.len())], labels, names::Case::Unusual) {
                return Some(p);
            }
        }
        sentence::sentence_speakers(plain, labels)
    }
}
