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
    /// What is right under item block `bi` at `depth`: the item nested under it, or a
    /// paragraph with no blank line between (`1. Title` / `Ana Ruiz`, typed without
    /// indenting). Its block's index and text.
    fn item_below(&self, bi: usize, depth: u8) -> Option<(usize, &'b str)> {
        self.child(bi, depth).or_else(|| match self.blocks.get(bi + 1) {
            Some(n @ Block { kind: BlockKind::Paragraph { text }, .. }) if n.line == self.blocks[bi].end + 1 => {
                Some((bi + 1, &**text))
            }
            _ => None,
        })
    }

    /// The item right after block `bi` when it is nested deeper than `depth`: its
    /// block's index and text.
    fn child(&self, bi: usize, depth: u8) -> Option<(usize, &'b str)> {
        match self.blocks.get(bi + 1).map(|b| &b.kind) {
            Some(BlockKind::ListItem { depth: d, text, .. }) if *d > depth => Some((bi + 1, &**text)),
            _ => None,
        }
    }

    /// Whether block `bi` is in the section of the last candidate, a heading that names
    /// its speaker, with no heading as high or higher between them.
    pub(super) fn under_speaker_heading(&self, bi: usize) -> bool {
        let Some(c) = self.cands.last() else { return false };
        let Source::Heading(level) = c.source else { return false };
        // (Read back at most 64 blocks: an item farther from the heading is read as
        // any other, and a long list costs no more per item.)
        !c.speakers.is_empty()
            && bi > c.block
            && bi - c.block <= 64
            && self.blocks[c.block + 1..bi]
                .iter()
                .all(|b| !matches!(b.kind, BlockKind::Heading { level: l, .. } if l <= level))
    }

    /// Whether the item of block `bi`, at `depth`, is nested under an item that is a
    /// break (`- Lunch – pierogi` / `\t- stoisko JetBrains – wygrałem naklejki`): the
    /// break's notes, no talk.
    pub(super) fn under_break(&self, bi: usize, depth: u8) -> bool {
        if depth == 0 {
            return false;
        }
        let labels = self.labels();
        let parent = self.blocks[..bi].iter().rev().take(64).find_map(|b| match &b.kind {
            BlockKind::ListItem { depth: d, text, .. } if *d < depth => Some(Some(&**text)),
            BlockKind::ListItem { .. } => None,
            _ => Some(None),
        });
        parent.flatten().is_some_and(|t| {
            let first = strip_inline(t.split('\n').next().unwrap_or(""));
            labels.leading(first.trim()).is_some_and(|(cs, _)| cs.contains(&Concept::Break))
        })
    }

    /// The people a line under a title names: a speaker or moderator field, its names
    /// in any case (`ponente: Joaquín Almeida Rosales (AEMET)`), or names alone,
    /// capitalised, perhaps with an affiliation (`Ainhoa Larrañaga y Chidi Okonkwo`).
    /// With the evidence it gives.
    pub(super) fn people_line(&self, raw: &str) -> Option<(Vec<(String, Role)>, &'static str)> {
        let labels = self.labels();
        let plain = strip_inline(raw);
        // (A line in quotes, as an outliner sets a note on a bullet: `"Ana Ruiz, Acme"`.)
        let plain = plain.trim().trim_matches(['"', '“', '”']);
        match labels.leading(plain) {
            Some((cs, value)) if cs.contains(&Concept::Speaker) || cs.contains(&Concept::Moderator) => {
                let moderator = !cs.contains(&Concept::Speaker);
                let value = value.trim_start_matches([':', '-', '—', '–', '：']).trim();
                let value = after_copula(value);
                // (`Referent: Stefan Schulz, DB Systel`: an affiliation after the name.)
                let people =
                    names::people(value, labels, true).or_else(|| framed::people_with_affiliation(value, labels))?;
                let people = people.into_iter().map(|(n, r)| (n, if moderator { Role::Moderator } else { r }));
                Some((people.collect(), "speaker field"))
            }
            Some(_) => None,
            // `by Ana Ruiz`, `par Hugo Martin`.
            None if by_clause(plain).is_some() => {
                Some((names::people(by_clause(plain)?, labels, true)?, "a name line under it"))
            }
            // `prowadzi Joanna Lewandowska, freelancerka`, `la dio Ana Ruiz`: a verb of
            // presenting before the names; else a name line, short and capitalised.
            None => {
                let people = super::dictated::given_by(plain, labels)
                    .map(|p| p.into_iter().map(|n| (n, Role::Speaker)).collect())
                    .or_else(|| {
                        (plain.len() <= 100 && plain.starts_with(char::is_uppercase))
                            .then(|| framed::people_with_affiliation(plain, labels))
                            .flatten()
                    })?;
                Some((people, "a name line under it"))
            }
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
                let (ci, t) = self.item_below(bi, depth)?;
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
        // Nested, or indented under the title in the text (a board's `- notes` under its
        // title and names, which a plain-text reader leaves at the title's depth).
        let notes = match self.blocks.get(after).map(|b| &b.kind) {
            Some(BlockKind::ListItem { depth: d, text, .. }) if *d > depth || self.indented_deeper(after, bi) => {
                self.people_line(text.split('\n').next().unwrap_or("")).is_none()
            }
            _ => false,
        };
        // Notes run on under the people's line, in the paragraph that holds it.
        if matches!(&self.blocks[after - 1].kind, BlockKind::Paragraph { text } if text.contains('\n')) {
            push_ev(&mut c, "content after it", 1);
        }
        if notes {
            push_ev(&mut c, "notes nested under it", 1);
        }
        c.speakers = people.into_iter().map(|(n, r)| (Named { name: n, line: at }, r)).collect();
        c.body_line = at + 1;
        Some(c)
    }

    /// The people named by the first lines of `text` under a title: speaker and
    /// moderator fields, read past a line of when and where (`14.00 – 14.45 Uhr` /
    /// `Moderation: A` / `Teilnehmer: B, C`), or a name line ([`Run::people_line`]).
    /// With the evidence and the index of the last line read.
    pub(super) fn people_lines(&self, text: &str) -> Option<(People, &'static str, usize)> {
        let labels = self.labels();
        let mut found: Vec<(String, Role)> = Vec::new();
        let mut why = "speaker field";
        let mut last = 0;
        for (k, l) in text.split('\n').enumerate().take(5) {
            let plain = strip_inline(l);
            let t = plain.trim();
            if found.is_empty() && strip_time(t).is_some() && super::slot::read(t, labels).is_some_and(|r| r.strict) {
                continue;
            }
            match self.people_line(l) {
                Some((p, w)) if w == "speaker field" || found.is_empty() => {
                    why = w;
                    found.extend(p);
                    last = k;
                    if w != "speaker field" {
                        break;
                    }
                }
                _ => break,
            }
        }
        (!found.is_empty()).then_some((found, why, last))
    }

    /// A talk labelled on an item with no people on it (`6. Lightning: Title`), over a
    /// line naming them: the item nested under it, or a paragraph right under it with
    /// no blank line between.
    pub(super) fn people_below(&self, c: &mut Candidate, bi: usize, depth: u8) {
        if !c.speakers.is_empty() {
            return;
        }
        let Some((ci, t)) = self.item_below(bi, depth) else { return };
        let Some((people, why, k)) = self.people_lines(t) else { return };
        let line = self.blocks[ci].line + k as u32;
        c.speakers = people.into_iter().map(|(n, r)| (Named { name: n, line }, r)).collect();
        push_ev(c, why, 2);
        c.body_line = line + 1;
    }

    /// Whether the people `people` a list item's line names (block `bi` at `depth`, its
    /// text `text`) are words in lower case (`Getting onto CRAN (r-universe first)`)
    /// while the line under the item names people capitalised: those are the talk's,
    /// and the words in parentheses its title's.
    pub(super) fn names_under(&self, bi: usize, depth: u8, text: &str, people: &[(String, Role)]) -> bool {
        if !people.iter().any(|(n, _)| n.starts_with(char::is_lowercase)) {
            return false;
        }
        let below = match text.split_once('\n') {
            Some((_, below)) => below,
            None => self.child(bi, depth).map_or("", |(_, t)| t),
        };
        self.people_line(below.split('\n').next().unwrap_or("")).is_some_and(|(p, _)| !p.is_empty())
    }

    /// A talk labelled on an item whose text after the label is only people
    /// (`keynote - Itziar Etxeberria Goñi`, `charla: ana ruiz`), with a title set apart
    /// by quotes or emphasis on the item nested right under it (`"numpy 2, un año
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

impl Run<'_, '_, '_> {
    /// A field's candidate at `line`: a talk of the kind its label names, with the
    /// people it names.
    pub(super) fn labelled(&self, bi: usize, line: u32, kind: Concept, title: String, people: People) -> Candidate {
        let mut c = self.new_candidate(bi, line, Source::Field, title);
        c.kind = kind_of(kind);
        push_ev(&mut c, "a talk label", 3);
        if !people.is_empty() {
            push_ev(&mut c, "a person named in it", 2);
            c.speakers = people.into_iter().map(|(n, r)| (Named { name: n, line }, r)).collect();
        }
        c
    }

    /// `• panel: A, B, C` right under a talk's line naming nobody (block `bi`, its
    /// first line's label `lead`): its panelists. Whether the item was that.
    pub(super) fn panelists_item(&mut self, bi: usize, line: u32, lead: Lead<'_, '_>) -> bool {
        let d = self.d;
        // `• panel: A, B, C` right under a talk's line naming nobody: its panelists.
        if let Some((_, value)) = lead.filter(|(cs, _)| cs.contains(&Concept::Panel)) {
            let value = value.trim_start_matches([':', '-', '—', '–']).trim();
            let people = names::people_as(value, &d.labels, names::Case::Capitalised).filter(|p| p.len() >= 2);
            if let (Some(people), Some(c)) =
                (people, self.cands.last_mut().filter(|c| c.block + 1 == bi && c.speakers.is_empty()))
            {
                c.speakers = people.into_iter().map(|(n, r)| (Named { name: n, line }, r)).collect();
                push_ev(c, "speaker field", 2);
                return true;
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notes::document::Markup;

    /// Talks read by the real reader of `markup`: (line, title, speakers).
    fn read(text: &str, markup: Markup) -> Vec<(u32, String, Vec<String>)> {
        super::super::tests::read_as(text, markup).into_iter().map(|(l, t, p, _)| (l, t, p)).collect()
    }

    fn talk(line: u32, title: &str, people: &[&str]) -> (u32, String, Vec<String>) {
        (line, title.to_string(), people.iter().map(|p| (*p).to_string()).collect())
    }

    #[test]
    fn framed_lines() {
        assert_eq!(framed_line("\"la web en 2030\"").as_deref(), Some("la web en 2030"));
        assert_eq!(framed_line("  «Rust no kernel».").as_deref(), Some("Rust no kernel"));
        assert_eq!(framed_line("**Signals**").as_deref(), Some("Signals"));
        assert_eq!(framed_line("\"a\" and \"b\""), None);
        assert_eq!(framed_line("\"unclosed"), None);
        assert_eq!(framed_line("plain line"), None);
    }

    #[test]
    fn a_tab_outline_typed_on_a_phone() {
        let text = "jsconf es 2025\n\n\tcharla: signals en el navegador\n\t\tponente: José Ramón Núñez (Igalia)\n\t\tnotas de la charla\n\tworkers sin miedo\n\t\tBegoña Ortiz de Zárate y Tomás Ibáñez\n\t\tdurable objects y colas\n\tkeynote - maría lópez garcía\n\t\t\"la web en 2030\"\n\t\tmuy buena\n\n\tcomida\n\t\tbocadillos\n";
        assert_eq!(
            read(text, Markup::Plain),
            [
                talk(3, "signals en el navegador", &["José Ramón Núñez"]),
                talk(6, "workers sin miedo", &["Begoña Ortiz de Zárate", "Tomás Ibáñez"]),
                talk(9, "la web en 2030", &["maría lópez garcía"]),
            ]
        );
    }

    #[test]
    fn a_speaker_field_two_levels_down_under_a_day_item() {
        // The day holds the talks: each talk's field is at depth 2.
        let text = "Tag 2\n    Vortrag: Typen in Python\n        Sprecherin: Jürgen Weiß-Müller\n        mypy und pyright\n    Rust im Kernel\n        Özlem Yılmaz\n        Treiber in Rust\n";
        assert_eq!(
            read(text, Markup::Plain),
            [talk(2, "Typen in Python", &["Jürgen Weiß-Müller"]), talk(5, "Rust im Kernel", &["Özlem Yılmaz"])]
        );
    }

    #[test]
    fn markdown_lists_in_french_italian_and_polish() {
        let text = "# Notes\n\n- Typage progressif en Python\n  - Amélie Rousseau et Loïc Lefèvre\n  - mypy, pyright\n- intervento: Rust nel kernel\n  - relatore: Niccolò Bianchi\n  - driver\n- Kotlin w praktyce\n  Zofia Wąsowska\n  - korutyny\n";
        assert_eq!(
            read(text, Markup::Markdown),
            [
                talk(3, "Typage progressif en Python", &["Amélie Rousseau", "Loïc Lefèvre"]),
                talk(6, "Rust nel kernel", &["Niccolò Bianchi"]),
                talk(9, "Kotlin w praktyce", &["Zofia Wąsowska"]),
            ]
        );
    }

    #[test]
    fn outliner_and_org_outlines() {
        let logseq = "- Observabilidade na prática\n\t- palestrante: João Conceição\n\t- OpenTelemetry\n- Dados abertos sem medo\n\t- Inês Araújo\n\t- CKAN\n";
        assert_eq!(
            read(logseq, Markup::Outliner),
            [
                talk(1, "Observabilidade na prática", &["João Conceição"]),
                talk(4, "Dados abertos sem medo", &["Inês Araújo"]),
            ]
        );
        let org = "* Dag 1\n- Lezing: Python op de fiets\n  - spreker: Sanne van der Berg\n  - notities\n- keynote - Daan de Vries\n  - \"Open source in 2030\"\n  - goed\n";
        assert_eq!(
            read(org, Markup::Org),
            [
                talk(2, "Python op de fiets", &["Sanne van der Berg"]),
                talk(5, "Open source in 2030", &["Daan de Vries"]),
            ]
        );
    }

    #[test]
    fn lists_of_people_and_notes_in_lower_case_are_no_talks() {
        let people = "# Day 1\n\n- Talk: Async Rust - Ana Ruiz\n  - notes\n- people to follow up\n  - Ana Ruiz\n  - Bo Chen\n- async io explained\n  - lots of demos\n  - good\n";
        assert_eq!(read(people, Markup::Markdown), [talk(3, "Async Rust", &["Ana Ruiz"])]);
        // A title shaped like a name stays the title without a quoted line under it.
        let keynote =
            "- Keynote: Rust Everywhere\n  - embedded and web\n  - good\n- Talk: Async Rust - Ana Ruiz\n  - notes\n";
        assert_eq!(read(keynote, Markup::Markdown)[0].1, "Rust Everywhere");
    }
}

#[cfg(test)]
mod event_tests {
    use super::*;
    use crate::notes::document::Markup;

    fn event_of(text: &str) -> Option<String> {
        let note: &'static Note = Box::leak(Box::new(Note {
            file: "notes/t.txt".into(),
            key: "t".into(),
            text: text.to_string(),
            markup: Markup::Plain,
        }));
        let blocks = crate::notes::markup::parse(Markup::Plain, &note.text);
        Detector::new().detect(note, &blocks).doc.events.first().map(|e| e.name.clone())
    }

    #[test]
    fn a_phone_outline_names_its_event_on_its_first_line() {
        let outline = "\tcharla: signals en el navegador\n\t\tponente: José Ramón Núñez\n\t\tnotas\n";
        // A conference word and a country's two letters, then the year and the city.
        assert_eq!(event_of(&format!("pyconde 2025 darmstadt\n\n{outline}")).as_deref(), Some("pyconde 2025"));
        // A word that does not end like a conference's names no event.
        assert_eq!(event_of(&format!("reunion 2025 sevilla\n\n{outline}")), None);
    }
}
