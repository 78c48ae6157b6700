//! Talks written as the items of an outline or a list, typed fast (on a phone, in an
//! outliner, in a plain-text editor): the parts of a talk spread over an item and the
//! items nested under it, whatever the markup (tab or space outlines in plain text,
//! Markdown lists, Logseq and Org outlines all give list items with their depth).
//!
//! - a title item over a line naming its people: the names alone
//!   (`jupyter en clase` / `Ainhoa Larrañaga y Chidi Okonkwo`), or a speaker field
//!   (`pandas 3` / `ponente: Miguel Ángel Fernández de Córdoba`), written nested under
//!   the title or as the item's own second line;
//! - a labelled item naming the people, whose title is set apart on the line below
//!   (`keynote - Itziar Etxeberria Goñi` / `"numpy 2, un año despues"`).
//!
//! Speaker fields nested under any talk written as an item (`charla: title` /
//! `ponente: Name`) are read by [`Run::note_of_item_talk`].

use super::*;

/// Quotes and marks that set a whole line apart as a title, with their closing mark.
const FRAMES: [(&str, &str); 8] =
    [("\"", "\""), ("“", "”"), ("«", "»"), ("„", "“"), ("**", "**"), ("__", "__"), ("*", "*"), ("_", "_")];

/// The title a whole line holds when quotes or emphasis frame all of it (`"numpy 2, un
/// año despues"`, `**Dask sin miedo**`), perhaps with a full stop or comma after it.
pub(super) fn framed_line(raw: &str) -> Option<String> {
    let t = raw.trim().trim_end_matches(['.', ',', ';']);
    let (open, close) = FRAMES.into_iter().find(|(o, _)| t.starts_with(o))?;
    let inner = t[open.len()..].strip_suffix(close)?;
    // One frame around the line, not two quoted words with text between them.
    if inner.is_empty() || inner.contains(close) || inner.len() > 200 {
        return None;
    }
    let title = clean_title(inner);
    (!title.is_empty()).then_some(title)
}

impl<'b> Run<'_, '_, 'b> {
    /// The item right after block `bi` when it is nested deeper than `depth`: its
    /// block's index and text.
    fn child(&self, bi: usize, depth: u8) -> Option<(usize, &'b str)> {
        match self.blocks.get(bi + 1).map(|b| &b.kind) {
            Some(BlockKind::ListItem { depth: d, text, .. }) if *d > depth => Some((bi + 1, &**text)),
            _ => None,
        }
    }

    /// The people a line under a title names: a speaker or moderator field, its names
    /// in any case (`ponente: Joaquín Almeida Rosales (AEMET)`), or names alone,
    /// capitalised, perhaps with an affiliation (`Ainhoa Larrañaga y Chidi Okonkwo`).
    /// With the evidence it gives.
    fn people_line(&self, raw: &str) -> Option<(Vec<(String, Role)>, &'static str)> {
        let labels = self.labels();
        let plain = strip_inline(raw);
        let plain = plain.trim();
        match labels.leading(plain) {
            Some((cs, value)) if cs.contains(&Concept::Speaker) || cs.contains(&Concept::Moderator) => {
                let moderator = !cs.contains(&Concept::Speaker);
                let value = value.trim_start_matches([':', '-', '—', '–']).trim();
                let people = names::people(value, labels, true)?;
                let people = people.into_iter().map(|(n, r)| (n, if moderator { Role::Moderator } else { r }));
                Some((people.collect(), "speaker field"))
            }
            Some(_) => None,
            // A name line is short and capitalised.
            None if plain.len() <= 100 && plain.starts_with(char::is_uppercase) => {
                Some((framed::people_with_affiliation(plain, labels)?, "a name line under it"))
            }
            None => None,
        }
    }

    /// A list item that is a title alone (`jupyter en clase`, no label, no names on
    /// it) over a line naming its people: the item's own second line, or the first
    /// item nested under it (read by [`Run::people_line`]). Evidence: the people (+2),
    /// a time (+2), notes nested under it after the people's line (+1; a list of names
    /// is no talk's notes). `first` is the item's first line, plain and trimmed.
    pub(super) fn title_over_people(
        &self,
        bi: usize,
        line: u32,
        depth: u8,
        text: &str,
        first: &str,
    ) -> Option<Candidate> {
        // Cheapest first: most items are notes with nothing under them.
        let (names_raw, at, after) = match text.split_once('\n') {
            Some((_, below)) => (below.split('\n').next().unwrap_or(""), line + 1, bi + 1),
            None => {
                let (ci, t) = self.child(bi, depth)?;
                (t.split('\n').next().unwrap_or(""), self.blocks[ci].line, ci + 1)
            }
        };
        let (rest, time) = strip_time(first).map_or((first, false), |(r, _)| (r, true));
        if rest.ends_with([':', ',', ';']) || rest.len() > 200 || self.labels().leading(rest).is_some() {
            return None;
        }
        let title = clean_title(rest);
        if !(2..=20).contains(&title.split_whitespace().count()) {
            return None;
        }
        let (people, why) = self.people_line(names_raw)?;
        // A name over names is a list of people, not a talk.
        if names::people_as(&title, self.labels(), names::Case::Capitalised).is_some() {
            return None;
        }
        let mut c = self.new_candidate(bi, line, Source::ListItem, title);
        push_ev(&mut c, why, 2);
        if time {
            push_ev(&mut c, "a time", 2);
        }
        let notes = match self.blocks.get(after).map(|b| &b.kind) {
            Some(BlockKind::ListItem { depth: d, text, .. }) if *d > depth => {
                self.people_line(text.split('\n').next().unwrap_or("")).is_none()
            }
            _ => false,
        };
        if notes {
            push_ev(&mut c, "notes nested under it", 1);
        }
        c.speakers = people.into_iter().map(|(n, r)| (Named { name: n, line: at }, r)).collect();
        c.body_line = at + 1;
        Some(c)
    }

    /// A talk labelled on an item whose text after the label is only people (`keynote
    /// - Itziar Etxeberria Goñi`, `charla: ana ruiz`), with a title set apart by
    /// quotes or emphasis on the item nested right under it (`"numpy 2, un año
    /// despues"`): the people are the speakers and that line the title. `c` is the
    /// field read from item block `bi` at `depth`; it is left alone without such a line
    /// (a title may look like a name: `Keynote: Rust Everywhere`).
    pub(super) fn title_under_label(&self, c: &mut Candidate, bi: usize, depth: u8) {
        if !c.speakers.is_empty() {
            return;
        }
        let Some((ci, t)) = self.child(bi, depth) else { return };
        let Some(title) = framed_line(t.split('\n').next().unwrap_or("")) else { return };
        let Some(people) = names::people_as(&c.title, self.labels(), names::Case::Unusual) else { return };
        c.speakers = people.into_iter().map(|(n, r)| (Named { name: n, line: c.line }, r)).collect();
        push_ev(c, "a person named in it", 2);
        c.title = title;
        c.body_line = self.blocks[ci].line + 1;
    }
}
