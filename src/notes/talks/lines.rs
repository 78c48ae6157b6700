//! Title lines: a paragraph that opens with a talk's title and who gives it, its notes
//! below (`18:45  "From pandas to Polars" - Inês Varga`, `**Certified Rust** — Henrik
//! Lindqvist (Ferrous Systems)`, `Title — Name`).

use super::*;

/// Marks that set a title apart at the start of a line.
const MARKS: [&str; 6] = ["**", "__", "\"", "“", "*", "_"];

impl<'d, 'a, 'b> Run<'d, 'a, 'b> {
    /// The first line of a paragraph of the form `[time] title SEP names`, where SEP is
    /// a dash or `by`. Its evidence: the people (+2), a time before it (+1), a title set
    /// apart by emphasis or quotes (+1); siblings of the same shape add theirs when the
    /// candidates are scored. A trailing `(Company)` after the names is an affiliation.
    pub(super) fn titled_paragraph(
        &self,
        bi: usize,
        line: u32,
        raw: &str,
        first: &str,
        lead: Lead<'_, '_>,
    ) -> Option<Candidate> {
        if first.len() > 240 {
            return None;
        }
        let labels = self.labels();
        // A speaker field (`Speakers: A (X), B (Y)`) names people, not a talk; a line
        // right under a heading candidate is that heading's (its subtitle or speakers).
        if lead.is_some_and(|(cs, _)| cs.contains(&Concept::Speaker) || cs.contains(&Concept::Moderator))
            || self.cands.last().is_some_and(|c| c.block + 1 == bi && matches!(c.source, Source::Heading(_)))
        {
            return None;
        }
        let (rest, time) = match strip_time(first) {
            Some((r, _)) => (r, true),
            None => (first, false),
        };
        let (title, people) = split_title_line(rest, labels, true)?;
        let words = title.split_whitespace().count();
        if !(2..=20).contains(&words) {
            return None;
        }
        // Whether the title is set apart, read only for a title line (reading it for
        // every paragraph was 4 M instructions on the 10 MB corpus).
        let raw = raw.trim();
        let raw_rest = strip_time(raw).map_or(raw, |(r, _)| r);
        let marked = MARKS.iter().any(|m| raw_rest.starts_with(m));
        let mut c = self.new_candidate(bi, line, Source::TitleLine, title);
        push_ev(&mut c, "a person named in it", 2);
        if time {
            push_ev(&mut c, "a time", 1);
        }
        if marked {
            push_ev(&mut c, "a title set apart", 1);
        }
        c.speakers = people.into_iter().map(|(n, r)| (Named { name: n, line }, r)).collect();
        c.body_line = line + 1;
        Some(c)
    }
}

/// `title — names`, `title by names`, `title (names)`, and the framed shapes of
/// [`framed`]; names followed by their
/// affiliation in parentheses (`— Henrik Lindqvist (Ferrous Systems)`) keep the names.
/// `by` as in [`title_and_people`]; `None` when no people are named.
pub(super) fn split_title_line(s: &str, labels: &Labels, by: bool) -> Option<(String, Vec<(String, Role)>)> {
    let s = s.trim();
    // A title framed by quotes among lead words, or a cell of a line typed with bars
    // or slashes; most lines have none of these bytes.
    let b = s.as_bytes();
    // `/` and `)` looked for at once: most lines have neither (a search for each was
    // 4 M instructions more on the 10 MB corpus).
    let slash_or_paren = memchr::memchr2(b'/', b')', b).is_some();
    if memchr::memchr3(b'"', 0xE2, b'|', b).is_some() || slash_or_paren && memchr::memchr(b'/', b).is_some() {
        if let Some(found) = framed::quoted(s, labels).or_else(|| framed::cells(s, labels)) {
            return Some(found);
        }
    }
    // `Title (Name): what was said`, the notes on the title's line.
    let notes_after = || memchr::memchr_iter(b')', b).find(|&i| b[i + 1..].starts_with(b": "));
    if let Some(i) = slash_or_paren.then(notes_after).flatten() {
        if let Some(found) = split_title_line(&s[..=i], labels, by) {
            return Some(found);
        }
    }
    if let Some(open) = s.strip_suffix(')').and_then(|x| x.rfind('(')) {
        if let Some((title, people)) = split_people(&s[..open], labels, by, true) {
            return Some((clean_title(title), people));
        }
    }
    split_people(s, labels, by, true).map(|(title, people)| (clean_title(title), people))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_then_an_affiliation() {
        let l = Labels::default();
        let (t, p) = split_title_line("**Certified Rust for trains** — Ines Oduya (Rail Systems)", &l, true).unwrap();
        assert_eq!(t, "Certified Rust for trains");
        assert_eq!(p.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>(), ["Ines Oduya"]);
        let (t, p) = split_title_line("\"Graphs for everyone\" - Kofi Adjei & Mia Lund", &l, true).unwrap();
        assert_eq!(t, "Graphs for everyone");
        assert_eq!(p.len(), 2);
        // No names: no people.
        assert!(split_title_line("Lunch — then coffee", &l, true).is_none());
    }

    fn talks(text: &str) -> Vec<(u32, String, Vec<String>)> {
        super::super::tests::detect(text).0
    }

    #[test]
    fn timed_quoted_titles_open_paragraphs() {
        let text = "Rust Meetup Zürich #7, 3 June 2025

19:00 \"Zero-copy parsing with nom\" - Lea Baumann
nom combinators, then winnow.
benchmarks against serde.

19:40 \"Async drop, finally?\" - Jonas Egli & Mira Sutter
the RFC state, pinning.
";
        let t = talks(text);
        assert_eq!(t.len(), 2, "{t:?}");
        assert_eq!(
            (t[0].0, t[0].1.as_str(), t[0].2.clone()),
            (3, "Zero-copy parsing with nom", vec!["Lea Baumann".to_string()])
        );
        assert_eq!(t[1].2, ["Jonas Egli", "Mira Sutter"]);
    }

    #[test]
    fn bold_titles_with_names_and_affiliations() {
        let text = "GeoPython 2025 notes\n\n**Tiles without a server** — Ana Ruiz (Mapbox)\n\nPMTiles on S3.\n\n**Rasters at scale** — Tom Berg\n\nCOGs and GDAL.\n";
        let t = talks(text);
        let got: Vec<(&str, Vec<String>)> = t.iter().map(|x| (x.1.as_str(), x.2.clone())).collect();
        assert_eq!(
            got,
            [
                ("Tiles without a server", vec!["Ana Ruiz".to_string()]),
                ("Rasters at scale", vec!["Tom Berg".to_string()])
            ]
        );
    }

    #[test]
    fn one_plain_line_with_a_name_is_no_talk() {
        // No time, no mark, no sibling: a remark, not a title line.
        let text = "PyCon Lite 2025\n\n## Packaging today\n\nSlides were great.\n\nThanks for the tips — Ana Ruiz\nmore text\n";
        let t = talks(text);
        assert_eq!(t.iter().map(|x| x.1.as_str()).collect::<Vec<_>>(), ["Packaging today"]);
    }

    #[test]
    fn a_labelled_panel_line_with_its_moderator_and_speakers() {
        let text = "RustConf 2025\n\nPanel: is async ready? — moderated by Clara Ortiz, with Ben Ode, Kim Lau and Dev Rao\n- points\n\nTalk: Rust - The Good Parts\nnotes\n";
        let t = talks(text);
        assert_eq!(t[0].1, "is async ready?");
        // The moderator is no speaker: `Section::moderators` holds her.
        assert_eq!(t[0].2, ["Ben Ode", "Kim Lau", "Dev Rao"]);
        let doc = super::super::tests::detect(text).1;
        assert_eq!(doc.sections[0].moderators[0].name, "Clara Ortiz");
        // A dash before words that are no names stays in the title.
        assert_eq!((t[1].1.as_str(), t[1].2.len()), ("Rust - The Good Parts", 0));
    }
}
