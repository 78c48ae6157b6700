//! A title on a line of its own over a list, as a phone's notes app writes a talk
//! (Apple Notes, Google Keep): `Microfrontends sem dor` over `• Rui Tavares, da Critical
//! TechWorks` over `• notes…`. The list's first item names the people: a name line (an
//! affiliation after it), a speaker or moderator field (`• oradora: Sara Pinheiro`,
//! `• 4 pessoas, moderação da Joana Fontes`); or the title line names its kind and
//! speaker (`Keynote – Inês Magalhães (Farfetch)`) over the title in quotes.

use super::*;

/// The evidence of a title over a list whose first item names its people.
pub(super) const OVER_LIST: &str = "a title over a list naming its people";

impl Run<'_, '_, '_> {
    /// The first line of the list item right under paragraph block `bi` (no blank line
    /// between), and the item's block index.
    fn item_right_under(&self, bi: usize) -> Option<(usize, &str)> {
        let b = self.blocks.get(bi)?;
        let next = self.blocks.get(bi + 1).filter(|n| n.line == b.end + 1)?;
        let BlockKind::ListItem { depth: 0, text, .. } = &next.kind else { return None };
        Some((bi + 1, text.split('\n').next().unwrap_or("")))
    }

    /// A paragraph of one line (`first`, its plain text) that is a title over a list
    /// whose first item names its people.
    pub(super) fn title_over_list(&self, bi: usize, line: u32, first: &str, lead: Lead<'_, '_>) -> Option<Candidate> {
        // (A title may open with a word that abbreviates a weekday or a month: `Do
        // monólito Rails ao Elixir`; a time opens a slot, read as such.)
        let dated = |cs: &[Concept]| cs.iter().all(|c| matches!(c, Concept::Weekday | Concept::Month(_)));
        if lead.is_some_and(|(cs, _)| !dated(cs))
            || first.len() > 120
            || first.ends_with(['.', ':', ',', ';', '!'])
            || strip_time(first).is_some()
        {
            return None;
        }
        let words = first.split_whitespace().count();
        if !(2..=20).contains(&words) {
            return None;
        }
        let (ci, item) = self.item_right_under(bi)?;
        let labels = self.labels();
        let item = strip_inline(item);
        let item = item.trim();
        let people = people_fields(item, labels, None).or_else(|| framed::people_with_affiliation(item, labels))?;
        let mut c = self.new_candidate(bi, line, Source::TitleLine, clean_title(first));
        push_ev(&mut c, OVER_LIST, 3);
        let at = self.blocks[ci].line;
        c.speakers = people.into_iter().map(|(n, r)| (Named { name: n, line: at }, r)).collect();
        // (The name line is the talk's too: an affiliation on it is a mention.)
        c.body_line = at;
        Some(c)
    }

    /// A field's candidate `c` from a paragraph of one line (block `bi`) that names its
    /// people where a title stands (`Keynote – Inês Magalhães (Farfetch)`), over a list
    /// whose first item is a title in quotes: that is the title, the names the
    /// speakers. Or that names no one, over a list whose first item is a field naming
    /// people (`Painel – Title` / `• 4 pessoas, moderação da Joana Fontes`).
    pub(super) fn field_over_list(&self, c: &mut Candidate, bi: usize) {
        if !c.speakers.is_empty() {
            return;
        }
        let Some((ci, item)) = self.item_right_under(bi) else { return };
        let labels = self.labels();
        let at = self.blocks[ci].line;
        if let Some(title) = items::framed_line(item) {
            let Some(people) = framed::people_with_affiliation(&c.title, labels) else { return };
            c.title = title;
            c.speakers = people.into_iter().map(|(n, r)| (Named { name: n, line: c.line }, r)).collect();
            push_ev(c, "a person named in it", 2);
        } else if let Some(people) = people_fields(&strip_inline(item), labels, None) {
            c.speakers = people.into_iter().map(|(n, r)| (Named { name: n, line: at }, r)).collect();
            push_ev(c, "speaker field", 2);
        } else {
            return;
        }
        push_ev(c, OVER_LIST, 0);
        c.body_line = at + 1;
    }
}
