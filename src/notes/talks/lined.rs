//! A note of lines with no blank between them, as a phone's notes app keeps them
//! (Google Keep, a quick memo): one long paragraph in which each line is a thought,
//! and a talk is a short line over a line that is a name alone (`palestra FastAPI em
//! produção` / `Rodrigo Kenji Matsumoto` / `trabalha no iFood` / …). Any line of the
//! paragraph may start a talk, not its first only, and the talk's notes are the lines
//! below it up to the next.

use super::*;

/// The evidence of a title over a name line inside a paragraph.
const OVER_NAME: &str = "a name line under it";

/// The evidence of the others of its paragraph, or of the note's paragraphs before.
const SAME_SHAPE: &str = "lines of the same shape in its paragraph";

impl Run<'_, '_, '_> {
    /// In paragraph `text` (block `bi`, its first line `line`) of eight lines or more,
    /// the talks its lines start: each a short line over a line that is one person's
    /// name alone. Two at least, or none: one name alone in a long paragraph is a
    /// remark, unless paragraphs before it were read so. Whether there were any.
    pub(super) fn name_lines(&mut self, bi: usize, line: u32, text: &str) -> bool {
        // (Most paragraphs are short: counted before anything is read.)
        if memchr::memchr_iter(b'\n', text.as_bytes()).count() < 7 {
            return false;
        }
        let labels = self.labels();
        let lines: Vec<&str> = text.split('\n').collect();
        let mut found = Vec::new();
        for k in 1..lines.len() {
            // (A name line is short and opens with a capital, maybe after a mark: most
            // lines are told by their first bytes and length, before any reading.)
            let n = lines[k].trim();
            if n.len() > 64 || !n.trim_start_matches(['*', '_']).starts_with(char::is_uppercase) {
                continue;
            }
            let Some(name) = name_alone(strip_inline(n).trim(), labels) else { continue };
            let Some((kind, title)) = title_over_name(strip_inline(lines[k - 1]).trim(), labels) else { continue };
            let k = k - 1;
            let at = line + k as u32;
            let mut c = self.new_candidate(bi, at, Source::TitleLine, title);
            push_ev(&mut c, OVER_NAME, 2);
            c.kind = kind;
            c.speakers = vec![(Named { name, line: at + 1 }, Role::Speaker)];
            c.body_line = at + 2;
            found.push(c);
        }
        // (One, after paragraphs read so: the note's shape goes on.)
        if found.is_empty() || found.len() == 1 && !self.lined {
            return false;
        }
        for c in &mut found {
            push_ev(c, SAME_SHAPE, 1);
        }
        self.cands.extend(found);
        self.lined = true;
        true
    }
}

/// A line that is one person's name and nothing else (`Dandara Oliveira dos Santos`):
/// capitalised words, no label, no digit.
fn name_alone(n: &str, labels: &Labels) -> Option<String> {
    if n.len() > 60 || n.split_whitespace().count() < 2 || n.contains(|c: char| c.is_ascii_digit()) {
        return None;
    }
    if !names::is_name(n, false) || labels.leading(n).is_some() {
        return None;
    }
    match names::people_as(n, labels, names::Case::Capitalised)?.as_slice() {
        [(one, Role::Speaker)] => Some(one.clone()),
        _ => None,
    }
}

/// The title a short line over a name line gives, and the talk's kind when a label of
/// a talk's kind opens it (`keynote "Comunidade não é palco"`, `palestra FastAPI em
/// produção`): one to twelve words, no name itself, no field, no to-do, not ending as
/// a sentence or a label does.
fn title_over_name(t: &str, labels: &Labels) -> Option<(SectionKind, String)> {
    let words = t.split_whitespace().count();
    if !(1..=12).contains(&words)
        || t.len() > 100
        || t.ends_with([':', ',', ';', '.', '?', '!'])
        || t.starts_with(['[', '(', '-', '*', '>', '#'])
        || names::is_name(t, false)
    {
        return None;
    }
    let (kind, rest) = match labels.leading(t) {
        Some((cs, r)) => {
            let kind = cs.iter().copied().find(|c| c.is_talk_kind())?;
            (kind_of(kind), r.trim_start_matches([':', '-', '–', '—', ' ']))
        }
        None => (SectionKind::Talk, t),
    };
    let title = clean_title(rest);
    (!title.is_empty()).then_some((kind, title))
}

#[cfg(test)]
mod tests {
    use crate::notes::document::Markup;

    fn talks(text: &str) -> Vec<(u32, String, Vec<String>)> {
        super::super::tests::speakers_as(text, Markup::Plain)
    }

    #[test]
    fn a_phone_note_without_blank_lines() {
        let note = "Python Brasil 2023\n[x] pegar credencial\nsexta\nkeynote \"Comunidade não é palco\"\n\
                    Dandara Oliveira dos Santos\nfalou da APyB\ngrupos locais\ncafe\npalestra FastAPI em produção\n\
                    Rodrigo Kenji Matsumoto\ntrabalha no iFood\ndeploy em Kubernetes\n";
        let got = talks(note);
        let titles: Vec<(u32, &str, &[String])> = got.iter().map(|(l, t, s)| (*l, t.as_str(), s.as_slice())).collect();
        assert_eq!(
            titles,
            [
                (4, "Comunidade não é palco", &["Dandara Oliveira dos Santos".to_string()][..]),
                (9, "FastAPI em produção", &["Rodrigo Kenji Matsumoto".to_string()][..]),
            ]
        );
        // One name alone in a long paragraph is a remark, not a talk.
        let one = "notes\nline two\nline three\nasked about it\nAna Clara Nascimento\nline six\nline seven\nline 8\n";
        assert!(talks(one).iter().all(|(l, _, _)| *l != 4));
    }
}
