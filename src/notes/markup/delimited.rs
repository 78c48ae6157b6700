//! Schedules exported as separated values (`.csv`, `.tsv`: a conference app's "my
//! favourites", a sheet of the talks a team went to), read with the `csv` crate (cells
//! in quotes may hold the separator, `""` and line breaks) into one table: its header
//! the first row with the separator, each record a row on the line it starts on, so the
//! talk detector's table rows make the talks (a title cell, a speaker cell, a time),
//! each talk's notes the lines of its record (a `My notes` cell written over lines).
//! Lines over the header (`# Exported from the event app — Summit 2025`) are
//! paragraphs, a comment's `#` dropped: where an export names its event.
//!
//! The separator is the one the header holds most of: a comma, a semicolon (a
//! spreadsheet in a language writing decimal commas) or a tab.
//!
//! A table read by default is a schedule only when its header names a title (or talk)
//! column and a speaker or time column ([`is_schedule`]): any other table (a budget, a
//! list of contacts, measurements) names no talk, and is not read as notes.

use super::super::document::{Block, BlockKind, Blocks, Row};
use super::super::labels::{Concept, Labels};

/// Where the header is and what separates its cells: the header's 0-based line, its
/// byte offset, and the separator.
/// (`only`: the separator a file's own header line names, as Anki's `#separator:tab`.)
fn header(text: &str, only: Option<u8>) -> Option<(usize, usize, u8)> {
    let mut at = 0;
    for (k, l) in text.split('\n').enumerate() {
        let t = l.trim();
        // A line with no separator, or a comment, is over the header.
        let sep = only
            .map_or([b',', b';', b'\t'], |o| [o; 3])
            .into_iter()
            .map(|s| (memchr::memchr_iter(s, t.as_bytes()).count(), s))
            .max_by_key(|&(n, s)| (n, s == b','))
            .filter(|&(n, _)| n > 0 && !t.starts_with('#'));
        if let Some((_, sep)) = sep {
            return Some((k, at, sep));
        }
        at += l.len() + 1;
    }
    None
}

/// The 0-based line of the header of `text`, and its records from the header on, each
/// a row on its 1-based line, cells trimmed.
pub(super) fn records(text: &str, only: Option<u8>) -> Option<(usize, Vec<Row>)> {
    let (k, at, sep) = header(text, only)?;
    let mut reader =
        csv::ReaderBuilder::new().delimiter(sep).has_headers(false).flexible(true).from_reader(&text.as_bytes()[at..]);
    let mut out = Vec::new();
    let mut record = csv::StringRecord::new();
    // A malformed record (bad UTF-8 cannot be: the text is a string) ends the table.
    while reader.read_record(&mut record).unwrap_or(false) {
        let cells: Vec<String> = record.iter().map(|c| c.trim().to_string()).collect();
        if cells.iter().all(String::is_empty) {
            continue;
        }
        // The reader's position is where it began reading, blank lines before the
        // record included: the record's line is that of its first byte.
        let (line, byte) = record.position().map_or((1, 0), |p| (p.line(), p.byte()));
        let from = usize::try_from(byte).map_or(text.len(), |b| (at + b).min(text.len()));
        let skipped =
            text.as_bytes()[from..].iter().take_while(|c| c.is_ascii_whitespace()).filter(|&&c| c == b'\n').count();
        let line = u32::try_from(k as u64 + line + skipped as u64).unwrap_or(u32::MAX);
        out.push(Row { cells, line });
    }
    Some((k, out))
}

/// Whether the header of `text` names a column of titles (`Title`, `Session`, `Talk`)
/// and one of speakers or times (`Speakers`, `Start`), in any language of `labels`.
pub fn is_schedule(text: &str, labels: &Labels) -> bool {
    let Some((_, at, sep)) = header(text, None) else { return false };
    let line = text[at..].split('\n').next().unwrap_or("");
    let is = |cell: &str, c: Concept| {
        let h = cell.trim().trim_matches('"').trim();
        labels.is(h, c) || labels.leading(h).is_some_and(|(cs, _)| cs.contains(&c))
    };
    let cells: Vec<&str> = line.split(char::from(sep)).collect();
    let has = |c: Concept| cells.iter().any(|h| is(h, c));
    (has(Concept::Title) || has(Concept::Talk)) && (has(Concept::Speaker) || has(Concept::Time))
}

/// The blocks of a schedule `text`: the lines over the header, each a paragraph, and
/// the table.
pub fn parse(text: &str) -> Blocks<'_> {
    let mut blocks = Vec::new();
    let Some((k, mut rows)) = records(text, None) else { return Blocks { blocks } };
    for (n, l) in text.split('\n').take(k).enumerate() {
        let t = l.trim().trim_start_matches('#').trim();
        if !t.is_empty() {
            let n = u32::try_from(n + 1).unwrap_or(u32::MAX);
            blocks.push(Block { kind: BlockKind::Paragraph { text: t.to_string().into() }, line: n, end: n });
        }
    }
    if rows.is_empty() {
        return Blocks { blocks };
    }
    let header = rows.remove(0);
    let line = header.line;
    // The table ends on the last line that is not blank.
    let end = text.trim_end().split('\n').count();
    let end = u32::try_from(end).unwrap_or(u32::MAX).max(line);
    blocks.push(Block { kind: BlockKind::Table { header: Some(header), rows }, line, end });
    Blocks { blocks }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FAVOURITES: &str = "# Exported from the app — Summit 2025\n\"ID\",\"Title\",\"Speakers\",\"Start\",\"My notes\"\n\"1\",\"Keynote: State of it\",\"Ana Ruiz (Acme)\",\"09:00\",\"skipped\"\n\"2\",\"West manifests, in depth\",\"Bo Lee; Cy Park\",\"10:00\",\"west + imports\nGitea mirrors\"\n\n\"3\",\"Lunch\",\"\",\"12:30\",\"\"\n";

    #[test]
    fn records_are_rows_on_the_lines_they_start_on() {
        let b = parse(FAVOURITES);
        assert_eq!(b.blocks.len(), 2);
        assert!(
            matches!(&b.blocks[0].kind, BlockKind::Paragraph { text } if text == "Exported from the app — Summit 2025")
        );
        let BlockKind::Table { header: Some(header), rows } = &b.blocks[1].kind else { panic!("{:?}", b.blocks[1]) };
        assert_eq!((header.line, header.cells.len()), (2, 5));
        let lines: Vec<u32> = rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, [3, 4, 7]);
        assert_eq!(rows[1].cells[1], "West manifests, in depth");
        assert_eq!(rows[1].cells[4], "west + imports\nGitea mirrors");
        assert_eq!((b.blocks[1].line, b.blocks[1].end), (2, 7));
    }

    #[test]
    fn the_separator_is_the_headers() {
        let b = parse("Titel;Sprecher;Zeit\nRust im Kernel;Ana Ruiz;09:00\n");
        let BlockKind::Table { rows, .. } = &b.blocks[0].kind else { panic!() };
        assert_eq!(rows[0].cells, ["Rust im Kernel", "Ana Ruiz", "09:00"]);
        let b = parse("title\tspeaker\nA, B and C\tAna Ruiz\n");
        let BlockKind::Table { rows, .. } = &b.blocks[0].kind else { panic!() };
        assert_eq!(rows[0].cells, ["A, B and C", "Ana Ruiz"]);
    }

    #[test]
    fn only_a_schedules_header_makes_it_notes() {
        let l = Labels::default();
        assert!(is_schedule(FAVOURITES, &l));
        assert!(is_schedule("Session;Referent\nx;y\n", &l));
        for data in [
            "date,amount,description\n2025-01-02,12.50,Ana Ruiz lunch\n",
            "name,email,company\nAna Ruiz,ana@acme.org,Acme\n",
            "title,author,year\nDune,Frank Herbert,1965\n",
            "just one column\nAna Ruiz\n",
        ] {
            assert!(!is_schedule(data, &l), "{data}");
        }
    }

    /// The talks the detector finds in a schedule export.
    #[test]
    fn a_schedule_export_gives_talks_with_their_notes() {
        let note = crate::notes::Note {
            file: "notes/fav.csv".into(),
            key: "fav".into(),
            text: FAVOURITES.to_string(),
            markup: crate::notes::document::Markup::Table,
        };
        let blocks = parse(&note.text);
        let d = crate::notes::talks::Detector::new().detect(&note, &blocks);
        let talks: Vec<(u32, &str, Vec<&str>, &str)> = d
            .doc
            .sections
            .iter()
            .map(|s| (s.line, s.title.as_str(), s.speakers.iter().map(|n| n.name.as_str()).collect(), s.body))
            .collect();
        assert_eq!(talks.len(), 2, "{talks:?}");
        assert_eq!((talks[0].0, talks[0].1, talks[0].2.clone()), (3, "State of it", vec!["Ana Ruiz"]));
        assert_eq!((talks[1].0, talks[1].2.clone()), (4, vec!["Bo Lee", "Cy Park"]));
        // The second talk's notes run over its record's lines.
        assert!(talks[1].3.ends_with("Gitea mirrors\""), "{:?}", talks[1].3);
    }
}
