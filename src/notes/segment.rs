//! Splitting a note's text into events and talk sections.
//!
//! PLACEHOLDER: one talk per `#`-heading; the real segmenter replaces this.

use super::{Document, Note, Section, SectionKind};

/// Splits `note` into its events and talk sections.
pub fn segment(note: &Note) -> Document<'_> {
    let mut doc = Document {
        file: note.file.clone(),
        key: note.key.clone(),
        events: vec![],
        sections: vec![],
        tags: vec![],
        warnings: vec![],
    };
    let text = note.text.as_str();
    let mut offset = 0usize;
    let mut current: Option<(String, u32, usize)> = None;
    let mut lineno = 0u32;
    for line in text.split_inclusive('\n') {
        lineno += 1;
        let start = offset;
        offset += line.len();
        if let Some(h) = line.trim_end().strip_prefix("## ") {
            if let Some((title, l, body_start)) = current.take() {
                doc.sections.push(Section {
                    kind: SectionKind::Talk,
                    title,
                    line: l,
                    event: None,
                    speakers: vec![],
                    body: text[body_start..start].trim_end_matches(['\n', '\r']),
                    body_line: l + 1,
                });
            }
            current = Some((h.trim().to_string(), lineno, offset));
        }
    }
    if let Some((title, l, body_start)) = current.take() {
        doc.sections.push(Section {
            kind: SectionKind::Talk,
            title,
            line: l,
            event: None,
            speakers: vec![],
            body: text[body_start..].trim_end_matches(['\n', '\r']),
            body_line: l + 1,
        });
    }
    doc
}
