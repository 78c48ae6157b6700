//! Items that name the event or a day in an outline (`- GDC 2024 #conf` over
//! `  - Wed, Mar 20, 2024` over the talks' items): read as such headings, the items
//! under them as if they sat under a heading. And the verb a sentence puts after a
//! speaker's label. And the event a first line in lower case names.

use super::*;

impl Run<'_, '_, '_> {
    /// Whether list item `bi` at `depth`, with items nested under it, names the event
    /// or a day (an outline's `- GDC 2024 #conf` / `  - Wed, Mar 20, 2024`): it is read
    /// as such a heading, and the items under it one level up. Items of the levels it
    /// closes are forgotten first.
    pub(super) fn structural_item(&mut self, bi: usize, b: &Block, depth: u8) -> bool {
        while self.item_structure.last().is_some_and(|&d| d >= depth) {
            self.item_structure.pop();
        }
        let BlockKind::ListItem { text, marker, .. } = &b.kind else { return false };
        let deeper = matches!(self.blocks.get(bi + 1).map(|n| &n.kind), Some(BlockKind::ListItem { depth: d, .. }) if *d > depth);
        if !deeper || marker.contains('[') {
            return false;
        }
        let first = strip_inline(text.split('\n').next().unwrap_or(""));
        let first = first.trim();
        if first.len() > 120 {
            return false;
        }
        let labels = self.labels();
        // (A talk's label says what it is: `keynote: Flutter & Dart in 2026`.)
        let kind = |c: &Concept| c.is_talk_kind();
        if labels.leading(first).is_some_and(|(cs, _)| cs.iter().any(kind)) {
            return false;
        }
        let ev = event::parse(first, labels, self.year);
        let day = ev.day.is_some() && labels.leading(first).is_some_and(|(c, _)| c.contains(&Concept::Day));
        let named = ev.name.is_some() && self.conference.is_none() && self.cands.is_empty();
        let dated = ev.name.is_none() && ev.day.is_none() && date_heading(first, labels);
        if !(day || named || dated) {
            return false;
        }
        self.event_line(ev, b.line, true);
        self.structure.push(bi);
        self.item_structure.push(depth);
        true
    }
}

/// A speaker field's value after the verb a sentence puts there (`Speaker was Lauren
/// Mitchell`, `Sprecherin war …`, `l'orateur était …`).
pub(super) fn after_copula(value: &str) -> &str {
    let v = value.trim_start();
    ["was ", "is ", "were ", "war ", "ist ", "était ", "est ", "era ", "fue ", "é ", "foi ", "waren ", "sind "]
        .iter()
        .find_map(|c| v.strip_prefix(c))
        .map_or(value, str::trim_start)
}

/// A first line in lower case (a phone note, `jsconf eu 2024 notes berlin 3 june 2024`):
/// the words before the year name the event when one of them is a conference word or
/// ends like one (`jsconf`, `pycon`, `devopsdays`), or when the line goes on with a
/// notes label or a date.
pub(super) fn lower_case_event(first: &str, labels: &Labels, mut ev: EventLine) -> EventLine {
    // A notes label and its preposition before the name (`notes from jsnation
    // amsterdam 2026`, `Notizen vom ...`, `notatki z ...`): the line is the note's title.
    let noted = labels.leading(first).filter(|(c, _)| c.contains(&Concept::Notes)).map(|(_, rest)| {
        let rest = rest.trim_start_matches([':', '-', '–', '—', ' ']);
        match rest.split_once(' ') {
            Some((w, r)) if w.chars().count() <= 4 && w.chars().all(char::is_lowercase) => r,
            _ => rest,
        }
    });
    let first = noted.unwrap_or(first);
    let words: Vec<&str> = first.split_whitespace().collect();
    let Some(y) = words.iter().position(|w| {
        w.len() == 4 && (w.starts_with("19") || w.starts_with("20")) && w.bytes().all(|b| b.is_ascii_digit())
    }) else {
        return ev;
    };
    let before = &words[..y];
    let conf = before.iter().any(|w| {
        let w = w.to_lowercase();
        labels.is(&w, Concept::Conference)
            || ["con", "conf", "fest", "days", "summit", "camp"].iter().any(|s| w.ends_with(s) && w.len() > s.len())
            // and a country's two letters after `con` (`pycones`, `pyconde`, `pyconfr`).
            || w.len() > 5 && w.is_ascii() && w[..w.len() - 2].ends_with("con")
    });
    // Or the line says it is the note's title: a notes label or a date after the year
    // (`pydata berlin 2025 - my notes, 12 june 2025`).
    let after = words[y + 1..].join(" ");
    let after = after.trim_start_matches(|c: char| c.is_whitespace() || "-–—:,|".contains(c));
    let title_line =
        noted.is_some() || ev.date.is_some() || labels.leading(after).is_some_and(|(c, _)| c.contains(&Concept::Notes));
    if (conf || title_line) && !before.is_empty() && before.len() <= 4 {
        let mut name: Vec<String> = before.iter().map(|w| (*w).to_string()).collect();
        name.push(words[y].to_string());
        ev.name = Some(name.join(" "));
    }
    ev
}
