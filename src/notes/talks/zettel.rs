//! A Zettelkasten file (Obsidian, Zettlr, The Archive): one note per talk under a
//! heading that opens with the note's id (`## 202606041030 Effects without monads`), its
//! people as `[[wikilinks]]` on a line under it: alone (`[[Ana Ruiz]]`), after a label
//! (`by [[Ana Ruiz]]`) or in a source field (`source:: keynote, [[Ana Ruiz]] (Acme)`),
//! between tag lines (`#literature #ocaml`).
//!
//! The id is the note's, no part of its title: a heading is read without it (so
//! `202606041230 lunch` is a break and `202606051630 Open questions` an aside). A line of
//! links that are all names, with at most a talk label, a few lead words and
//! affiliations in brackets besides them, names the speakers of the heading above it.
//! Links that are no names (`[[Eio]]`, `[[202606041700 Direct style]]`) name no one.

use super::*;

/// `text` without a Zettelkasten id at its start: 12 or 14 digits of a date and time
/// (`202606041030`), then a blank.
pub(super) fn without_id(text: &str) -> &str {
    let b = text.as_bytes();
    let n = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if !(n == 12 || n == 14) || !(text.starts_with("19") || text.starts_with("20")) {
        return text;
    }
    match text[n..].strip_prefix([' ', '\t']) {
        Some(r) if !r.trim().is_empty() => r.trim_start(),
        _ => text,
    }
}

/// The people a line names in wikilinks (`source:: keynote, [[A]] (Acme)`, `[[A]] &
/// [[B]]`): every link a name, the rest of the line a few short words, separators and
/// brackets.
fn linked_people(line: &str, labels: &Labels) -> Option<Vec<(String, Role)>> {
    let mut people = Vec::new();
    let mut rest = String::new();
    let mut s = line;
    while let Some(i) = s.find("[[") {
        rest.push_str(&s[..i]);
        let end = s[i..].find("]]")? + i;
        let target = &s[i + 2..end];
        // `[[target|shown]]`: the target names the person.
        let target = target.split('|').next().unwrap_or(target).trim();
        let found = names::people_as(target, labels, names::Case::Capitalised)?;
        if found.len() != 1 {
            return None;
        }
        people.extend(found);
        s = &s[end + 2..];
    }
    rest.push_str(s);
    if people.is_empty() {
        return None;
    }
    // What is left: a key (`source::`), a label, `by`, separators, an affiliation.
    let mut depth = 0usize;
    let outside: String = rest
        .chars()
        .filter(|&c| {
            match c {
                '(' => depth += 1,
                ')' => depth = depth.saturating_sub(1),
                _ => return depth == 0,
            }
            false
        })
        .collect();
    let words = outside.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).count();
    (words <= 4).then_some(people)
}

impl<'d, 'a, 'b> Run<'d, 'a, 'b> {
    /// Speakers named in wikilinks on a line of block `bi` (a paragraph or fields)
    /// right under a heading candidate, or one block below it.
    pub(super) fn wikilinked_speakers(&mut self, bi: usize, b: &Block) {
        let Some(c) = self.cands.last() else { return };
        // Right under the heading, or under a line of tags below it.
        if !matches!(c.source, Source::Heading(_)) || !(c.block + 1 == bi || c.block + 2 == bi) {
            return;
        }
        let lines: Vec<(String, u32)> = match &b.kind {
            BlockKind::Paragraph { text } => {
                let t = text.as_bytes();
                if !memchr::memchr_iter(b'[', t).any(|i| t.get(i + 1) == Some(&b'[')) {
                    return;
                }
                text.split('\n').enumerate().map(|(k, l)| (l.to_string(), b.line + k as u32)).collect()
            }
            BlockKind::Properties(props) => props.iter().map(|p| (format!("{}: {}", p.key, p.value), p.line)).collect(),
            _ => return,
        };
        let labels = self.labels();
        let mut found: Vec<(Named, Role)> = Vec::new();
        let mut kind = None;
        for (l, line) in &lines {
            if let Some(people) = linked_people(l, labels) {
                found.extend(people.into_iter().map(|(name, role)| (Named { name, line: *line }, role)));
                let value = l.split_once("::").or_else(|| l.split_once(": ")).map_or(l.as_str(), |(_, v)| v).trim();
                let first = value.split([',', ' ']).next().unwrap_or("");
                kind = labels.whole(first).iter().copied().find(|c| matches!(c, Concept::Keynote | Concept::Lightning));
                break;
            }
        }
        if found.is_empty() {
            return;
        }
        let c = self.cands.last_mut().expect("checked above");
        for p in found {
            if !c.speakers.iter().any(|(s, _)| s.name == p.0.name) {
                c.speakers.push(p);
            }
        }
        if let Some(k) = kind {
            c.kind = kind_of(k);
        }
        if !c.evidence.iter().any(|(f, _)| *f == "speaker field") {
            push_ev(c, "speaker field", 2);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::read_as;
    use super::*;
    use crate::notes::document::Markup;

    #[test]
    fn ids_are_no_part_of_titles() {
        assert_eq!(without_id("202606041030 Effects without monads"), "Effects without monads");
        assert_eq!(without_id("20260604103015 Title"), "Title");
        assert_eq!(without_id("2026 in review"), "2026 in review");
        assert_eq!(without_id("202606041030"), "202606041030");
    }

    #[test]
    fn wikilinks_to_people_under_a_note_heading() {
        let labels = Labels::default();
        let names = |l: &str| linked_people(l, &labels).map(|p| p.into_iter().map(|x| x.0).collect::<Vec<_>>());
        assert_eq!(names("source:: keynote, [[Ana Ruiz]] (Acme)"), Some(vec!["Ana Ruiz".to_string()]));
        assert_eq!(names("[[Bo Lindqvist]] & [[Ana Ruiz]]"), Some(vec!["Bo Lindqvist".into(), "Ana Ruiz".into()]));
        assert_eq!(names("see [[Eio]] for the IO library"), None);
        assert_eq!(names("Effects as handlers [[Ana Ruiz]] wrote about in her long blog post"), None);
        let text = "# 202606041000 Lambda Days 2026\n\n## 202606041030 Effects without monads\n#literature #ocaml\n[[Zofia Kowalczyk-Nakamura]]\n\n- effect handlers\n\n## 202606041230 lunch\npierogi\n\n## 202606041400 Servant in anger\n#literature\n[[Nguyễn Thị Lan]] (Tweag)\n\n- servant\n";
        let talks = read_as(text, Markup::Markdown);
        let got: Vec<(&str, &[String])> = talks.iter().map(|t| (t.1.as_str(), &t.2[..])).collect();
        assert_eq!(
            got,
            [
                ("Effects without monads", &["Zofia Kowalczyk-Nakamura".to_string()][..]),
                ("Servant in anger", &["Nguyễn Thị Lan".to_string()][..]),
            ]
        );
    }
}
