//! Speakers named in footnotes: a heading or a title line marks a footnote
//! (`## Rust w backendzie — rok później[^1]`), or the paragraph under it does (`w
//! panelu[^4] trzy osoby`), and the definition at the end of the note names the people
//! (`[^1]: Zofia Wiśniewska, Allegro — tech lead`, `[^4]: Paneliści: A (X), B (Y)`), as
//! a note written in Markdown with footnotes keeps who spoke out of the headings. The
//! marks are no part of a title.

use std::collections::HashMap;

use super::people::people_fields;
use super::*;

/// The footnote marks of `s` (`[^1]`, `[^note]`), each with its byte range.
fn marks(s: &str) -> impl Iterator<Item = (&str, std::ops::Range<usize>)> {
    memchr::memmem::find_iter(s.as_bytes(), b"[^").filter_map(move |i| {
        let close = s[i + 2..].find(']')? + i + 2;
        let key = &s[i + 2..close];
        (!key.is_empty() && key.len() <= 20 && !key.contains([' ', '[']) && !s[close + 1..].starts_with(':'))
            .then_some((key, i..close + 1))
    })
}

/// The definitions of the note's footnotes: each line `[^key]: text` of a paragraph.
fn definitions<'b>(blocks: &'b [Block<'_>]) -> HashMap<&'b str, &'b str> {
    let mut defs = HashMap::new();
    for b in blocks {
        let BlockKind::Paragraph { text } = &b.kind else { continue };
        if !text.starts_with("[^") {
            continue;
        }
        for l in text.split('\n') {
            let Some((key, def)) = l.strip_prefix("[^").and_then(|r| r.split_once("]:")) else { continue };
            defs.insert(key, def.trim());
        }
    }
    defs
}

/// The people a footnote's text names: a field (`Paneliści: A (X), B (Y)`), or names
/// before a remark (`Zofia Wiśniewska, Allegro — tech lead`, `A i B, oboje z mBanku`).
fn people_of(def: &str, labels: &Labels) -> Option<People> {
    let def = def.trim_end_matches('.');
    if labels.leading(def).is_some_and(|(cs, _)| cs.contains(&Concept::Speaker) || cs.contains(&Concept::Moderator)) {
        return people_fields(def, labels, None);
    }
    let head =
        [" — ", " – ", " - ", " ("].iter().filter_map(|sep| search::find(def, sep)).min().map_or(def, |i| &def[..i]);
    framed::people_with_affiliation(head.trim(), labels).or_else(|| {
        // (`A i B, oboje z mBanku`: the names before a remark after a comma.)
        let (names, _) = head.split_once(", ")?;
        names::people_as(names, labels, names::Case::Capitalised)
    })
}

impl Run<'_, '_, '_> {
    /// Reads the footnotes of the note into its candidates (see the module's note).
    pub(super) fn footnotes(&mut self) {
        if memchr::memmem::find(self.note.text.as_bytes(), b"[^").is_none() {
            return;
        }
        let (d, blocks) = (self.d, self.blocks);
        let defs = definitions(blocks);
        let labels = &d.labels;
        for c in &mut self.cands {
            // The marks of the title, then of the paragraph right under it.
            let under = match blocks.get(c.block + 1).map(|b| &b.kind) {
                Some(BlockKind::Paragraph { text }) if !text.starts_with("[^") => text.split('\n').next().unwrap_or(""),
                _ => "",
            };
            let keys: Vec<&str> = marks(&c.title).chain(marks(under)).map(|(k, _)| k).collect();
            if keys.is_empty() {
                continue;
            }
            let line = c.line;
            let mut found = false;
            for key in keys {
                let Some(people) = defs.get(key).and_then(|d| people_of(d, labels)) else { continue };
                for (name, role) in people {
                    if !c.speakers.iter().any(|(n, _)| n.name == name) {
                        c.speakers.push((Named { name, line }, role));
                        found = true;
                    }
                }
            }
            if found {
                push_ev(c, "a name line under it", 2);
            }
            if c.title.contains("[^") {
                let spans: Vec<_> = marks(&c.title).map(|(_, r)| r).collect();
                for r in spans.into_iter().rev() {
                    c.title.replace_range(r, "");
                }
                c.title = c.title.trim_end().to_string();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn footnote_marks_and_the_people_of_their_definitions() {
        let keys: Vec<_> = marks("Rust w backendzie[^1] i panel[^note]; [^2]: def").map(|(k, _)| k).collect();
        assert_eq!(keys, ["1", "note"]);
        let labels = Labels::default();
        let names = |d: &str| people_of(d, &labels).unwrap_or_default().into_iter().map(|(n, _)| n).collect::<Vec<_>>();
        assert_eq!(names("Zofia Wiśniewska, Allegro — tech lead zespołu."), ["Zofia Wiśniewska"]);
        assert_eq!(names("Oluwaseun Adebayo, Google Cloud (przyleciał z Londynu)."), ["Oluwaseun Adebayo"]);
        assert_eq!(
            names("Katarzyna Dąbrowska-Lee i Piotr Lis, oboje z mBanku."),
            ["Katarzyna Dąbrowska-Lee", "Piotr Lis"]
        );
        assert_eq!(
            names("Paneliści: Rafał Kwiatkowski (Allegro), Mei Lin Zhou (Revolut)."),
            ["Rafał Kwiatkowski", "Mei Lin Zhou"]
        );
        // A footnote that is a remark names nobody.
        assert!(names("See the slides, they are on GitHub.").is_empty());
    }
}
