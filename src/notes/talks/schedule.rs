//! A talk written twice: once in a schedule (a table row, a list item with its
//! speaker) and again over its notes, by a shortened title on a line of its own
//! (`HTMX two years later` for `Django and HTMX, two years later`, `Celery` for
//! `Scaling Celery beyond one queue`). A heading does this in Markdown; in plain text
//! the title is the first line of a paragraph, or a paragraph of one line.
//!
//! A first line is such a title when every word of it is a word of exactly one
//! schedule entry's title, in any order and case. The candidate takes the entry's
//! title, so that [`Run::merge_duplicates`] makes the two one talk.

use super::*;

/// The schedule entries seen so far, by the words of their titles.
#[derive(Debug, Default)]
pub(super) struct Schedule {
    /// Candidates already looked at.
    seen: usize,
    /// Per word (lower case), the entries (candidate indices) whose title holds it.
    words: HashMap<String, Vec<usize>>,
    /// Entries already named by a title line: each is written out once.
    claimed: std::collections::HashSet<usize>,
}

/// At most this many entries are compared with a title line: a title made only of
/// words that many entries share names none of them.
const MAX_COMPARED: usize = 64;

impl<'d, 'a, 'b> Run<'d, 'a, 'b> {
    /// A paragraph whose first line (plain text `first`; `more_lines`: the paragraph
    /// goes on below it) is the shortened title of one schedule entry: a candidate with
    /// that entry's title, its body the lines after the title.
    pub(super) fn schedule_title(&mut self, bi: usize, line: u32, more_lines: bool, first: &str) -> Option<Candidate> {
        self.index_schedule();
        if self.schedule.words.is_empty() || first.len() > 80 || first.ends_with(['.', ',', ';', '!', '?']) {
            return None;
        }
        // A title on a line of its own: notes follow in the paragraph or after it.
        let notes_follow = more_lines
            || self
                .blocks
                .get(bi + 1)
                .is_some_and(|b| matches!(b.kind, BlockKind::Paragraph { .. } | BlockKind::ListItem { .. }));
        let words: Vec<String> = norm(first).split(' ').filter(|w| !w.is_empty()).map(String::from).collect();
        if !notes_follow || !(1..=8).contains(&words.len()) || !words.iter().any(|w| w.chars().count() >= 4) {
            return None;
        }
        // The entries holding every word: the rarest word's, checked against the rest.
        let posting = |w: &String| self.schedule.words.get(w).map_or(&[][..], Vec::as_slice);
        let rarest = words.iter().map(posting).min_by_key(|p| p.len())?;
        if rarest.is_empty() || rarest.len() > MAX_COMPARED {
            return None;
        }
        let mut found = rarest.iter().copied().filter(|&e| {
            words.iter().all(|w| posting(w).binary_search(&e).is_ok()) && !self.schedule.claimed.contains(&e)
        });
        let entry = found.next()?;
        if found.next().is_some() {
            return None;
        }
        self.schedule.claimed.insert(entry);
        let mut c = self.new_candidate(bi, line, Source::TitleLine, self.cands[entry].title.clone());
        push_ev(&mut c, "a schedule's talk by a shortened title", 2);
        c.body_line = line + 1;
        Some(c)
    }

    /// Indexes the schedule entries among the candidates found since the last call:
    /// table rows and list items that name their speakers.
    fn index_schedule(&mut self) {
        for i in self.schedule.seen..self.cands.len() {
            let c = &self.cands[i];
            if !matches!(c.source, Source::TableRow | Source::ListItem) || c.speakers.is_empty() {
                continue;
            }
            let mut words: Vec<String> =
                norm(&c.title).split(' ').filter(|w| !w.is_empty()).map(String::from).collect();
            words.sort_unstable();
            words.dedup();
            for w in words {
                // Entries are indexed in order: each list stays sorted.
                self.schedule.words.entry(w).or_default().push(i);
            }
        }
        self.schedule.seen = self.cands.len();
    }
}
