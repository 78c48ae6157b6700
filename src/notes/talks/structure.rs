//! Items that name the event or a day in an outline (`- GDC 2024 #conf` over
//! `  - Wed, Mar 20, 2024` over the talks' items): read as such headings, the items
//! under them as if they sat under a heading. And the verb a sentence puts after a
//! speaker's label.

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
