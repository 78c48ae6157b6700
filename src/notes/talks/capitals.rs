//! A title written in capitals over a name line, as handwritten notes come out of a
//! tablet's or a scanner's text recognition (`WASM ON THE EDGE:` / `2 YRS IN PROD` /
//! `Obinna Chukwuemeka-Larsen (Fastly)`): no markup, the title set apart by its
//! capitals alone and broken over lines where the hand broke it, the speaker on the
//! line below it, perhaps with an affiliation (`Name - Company`, `Name (Company)`) or a
//! second name (`A + B`).
//!
//! The title's lines are the paragraph's first lines holding no lower-case letter (up
//! to three, two words at least in all); a talk label before it (`KEYNOTE:`) gives the
//! kind. The notes follow, in the paragraph or in the blocks after it, up to a paragraph
//! that opens with a break or an aside (`lunch - …`, `TODO`): the note-taker's.

use super::*;

/// The evidence of a title in capitals: its talk's notes end at a paragraph at the
/// margin that opens with a break or an aside (`lunch - paella, queue was long, …`).
pub(super) const CAPITALS: &str = "a title in capitals";

/// A title broken over more lines than this is no title.
const MAX_TITLE_LINES: usize = 3;

/// Whether `l` is written in capitals: two words in capitals at least, and no other
/// word but short ones in lower case (`vs`, `w/`, `and`); digits and signs may come
/// between them.
fn in_capitals(l: &str) -> bool {
    let (mut upper, mut lower) = (0, 0);
    for w in l.split_whitespace() {
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        if w.chars().all(|c| !c.is_lowercase()) {
            upper += usize::from(letters > 0);
        } else if letters <= 3 && w.chars().all(|c| !c.is_uppercase()) {
            lower += 1;
        } else {
            return false;
        }
    }
    upper >= 1 && upper > lower
}

impl<'d, 'a, 'b> Run<'d, 'a, 'b> {
    /// Reads paragraph `text` (block `bi`) as a title in capitals over a name line;
    /// returns whether it was one.
    pub(super) fn capital_title(&mut self, bi: usize, b: &Block, text: &str) -> bool {
        // Most paragraphs have a lower-case letter in their first two.
        let mut head = text.chars();
        if !head.next().is_some_and(char::is_uppercase) || head.next().is_some_and(char::is_lowercase) {
            return false;
        }
        let mut lines = text.split('\n').map(str::trim);
        let mut title: Vec<&str> = Vec::new();
        let name = loop {
            match lines.next() {
                Some(l) if in_capitals(l) && title.len() < MAX_TITLE_LINES => title.push(l),
                Some(l) if !title.is_empty() => break Some(l),
                None if !title.is_empty() => break None,
                _ => return false,
            }
        };
        let labels = self.labels();
        // The name line: the paragraph's next, or a list's first item right under it
        // (`THE COST OF A LOG LINE` / `- hannah whitfield (motherduck)`).
        let (people, line) = match name {
            Some(name) => (name_line(name, labels), b.line + title_lines(text, name) as u32),
            None => match self.blocks.get(bi + 1).map(|n| (&n.kind, n.line)) {
                Some((BlockKind::ListItem { depth: 0, text, .. }, at)) if at == b.end + 1 => {
                    (name_line(text.split('\n').next().unwrap_or(""), labels), at)
                }
                _ => (None, 0),
            },
        };
        let Some(people) = people else { return false };
        let joined = title.join(" ");
        // A report's title naming the event (`QCON LONDON 2024 – CONFERENCE TRIP REPORT`
        // over the company's name) is no talk's.
        if joined.bytes().filter(u8::is_ascii_digit).count() >= 4
            && event::parse(&joined, labels, self.year).name.is_some()
        {
            return false;
        }
        let (kind, rest) = match labels.leading(&joined) {
            Some((cs, r)) => match cs.iter().copied().find(|c| c.is_talk_kind()) {
                Some(k) => (Some(k), r.trim_start_matches([':', '-', '–', '—', ' '])),
                // A field (`TODO`, `Q&A:`) is no title.
                None => return false,
            },
            None => (None, joined.as_str()),
        };
        let title = clean_title(rest);
        if title.split_whitespace().count() < 2 {
            return false;
        }
        let mut c = self.new_candidate(bi, b.line, Source::TitleLine, title);
        push_ev(&mut c, CAPITALS, 1);
        if let Some(k) = kind {
            c.kind = kind_of(k);
            push_ev(&mut c, "a talk label", 3);
        }
        push_ev(&mut c, "a name line under it", 2);
        c.speakers = people.into_iter().map(|(n, r)| (Named { name: n, line }, r)).collect();
        c.body_line = line + 1;
        self.cands.push(c);
        if name.is_none() {
            // (The item is the name line, no item of its own.)
            self.memo_next = self.memo_next.max(bi + 2);
        }
        true
    }
}

/// The people a name line under a title in capitals names: capitalised, after `w/` or
/// `by`, with an affiliation, or in lower case, as the capitals above set it apart
/// (`hannah whitfield (motherduck)`).
fn name_line(l: &str, labels: &Labels) -> Option<Vec<(String, Role)>> {
    let l = l.trim_start_matches(['-', '*', '–', '—']).trim_start();
    let l = by_clause(l).unwrap_or(l);
    framed::people_with_affiliation(l, labels)
        .or_else(|| names::people_as(l.split(" (").next()?.trim(), labels, names::Case::Any))
}

/// The number of lines of `text` before the line `name` (a slice of it).
fn title_lines(text: &str, name: &str) -> usize {
    let at = name.as_ptr() as usize - text.as_ptr() as usize;
    memchr::memchr_iter(b'\n', &text.as_bytes()[..at]).count()
}

#[cfg(test)]
mod tests {
    use super::super::tests::detect;
    use crate::notes::SectionKind;

    const OCR: &str = "Wasm Days 2026 - Lisbon\n\nKEYNOTE: THE COMPONENT MODEL IS\nBORING NOW (GOOD)\nItziar Etxeberria - Fermyon\n- WASI 0.3 -> async\n\nPYTHON IN THE BROWSER W/O THE 30MB\nSiddharth Iyer-Nakamura\n- Pyodide still big\n\nPLUGINS: RUST vs GO\nLea Hoffmann + Gideon Mensah\n- Extism\n\nTODO\nAna Ruiz\n\nAWS\nMarta said it is slow\n";

    #[test]
    fn titles_in_capitals_over_a_name_are_talks() {
        let (talks, doc) = detect(OCR);
        let got: Vec<(&str, Vec<&str>)> =
            talks.iter().map(|t| (t.1.as_str(), t.2.iter().map(String::as_str).collect())).collect();
        assert_eq!(
            got,
            [
                ("THE COMPONENT MODEL IS BORING NOW (GOOD)", vec!["Itziar Etxeberria"]),
                ("PYTHON IN THE BROWSER W/O THE 30MB", vec!["Siddharth Iyer-Nakamura"]),
                ("PLUGINS: RUST vs GO", vec!["Lea Hoffmann", "Gideon Mensah"]),
            ]
        );
        assert_eq!(doc.sections[0].kind, SectionKind::Keynote);
        assert_eq!(talks[0].0, 3);
    }

    #[test]
    fn capitals_hold_no_lower_case_letter() {
        assert!(super::in_capitals("WASM ON THE EDGE: 2 YRS"));
        assert!(super::in_capitals("ÉTAT DE L'ART"));
        assert!(super::in_capitals("PLUGINS: RUST vs GO"));
        assert!(!super::in_capitals("Ana Ruiz"));
        assert!(!super::in_capitals("AWS is slow"));
        assert!(!super::in_capitals("42"));
    }
}
