//! A line set in bold alone, as its own paragraph, is a heading: the heading style a
//! tool lost on the way out (Google Docs' and Word's exports, Notion's and Apple
//! Notes' copies, a chat post) or the one its writer typed by hand (`**9:10 —
//! "Iceberg at scale"**`, `**Day 2**`, `__Closing keynote__`). It is one level below
//! the heading it is under, so a bold title under `# Morning` is a part of the
//! morning, and a bold `**Takeaways**` under a talk's heading is a part of the talk.
//!
//! A bold line that is a label (`**Notes:**`), a sentence (`**Don't miss it.**`), or
//! one of several bold spans on the line (`**A** and **B**`) stays a paragraph, and so
//! does a bold line inside a paragraph of other lines (a title line over its speaker,
//! which the talk detector reads as such).

use crate::notes::document::{BlockKind, Blocks};

/// The longest bold line read as a heading, in bytes: longer is a sentence.
const LONGEST: usize = 160;

/// Turns each paragraph that is one bold line ([`bold_line`]) into a heading one level
/// below the last heading before it (level 1 when there is none), unless `is_name`
/// says its text names people: a speaker set in bold under a title is a name line.
pub(crate) fn headings_from_bold(blocks: &mut Blocks<'_>, is_name: impl Fn(&str) -> bool) {
    let mut under = 0u8;
    for b in &mut blocks.blocks {
        match &b.kind {
            BlockKind::Heading { level, .. } => under = *level,
            BlockKind::Paragraph { text } if bold_line(text) && !is_name(text) => {
                let text = std::mem::take(match &mut b.kind {
                    BlockKind::Paragraph { text } => text,
                    _ => unreachable!("matched a paragraph"),
                });
                b.kind = BlockKind::Heading { level: under.saturating_add(1), text };
            }
            _ => {}
        }
    }
}

/// Whether `text` is one line wholly in one bold span (`**…**` or `__…__`), title-like:
/// some letter, at most [`LONGEST`] bytes, not ending with a colon or a full stop.
pub(crate) fn bold_line(text: &str) -> bool {
    let t = text.as_bytes();
    // Most paragraphs fail on their first byte.
    if !matches!(t.first(), Some(b'*' | b'_')) || memchr::memchr(b'\n', t).is_some() {
        return false;
    }
    let t = text.trim_end();
    let mark = if t.starts_with("**") {
        "**"
    } else if t.starts_with("__") {
        "__"
    } else {
        return false;
    };
    let Some(inner) = t.strip_prefix(mark).and_then(|r| r.strip_suffix(mark)) else { return false };
    let inner = inner.trim();
    !inner.is_empty()
        && inner.len() <= LONGEST
        && !inner.contains(mark)
        && !inner.starts_with(['*', '_'])
        && inner.chars().any(char::is_alphabetic)
        && (!inner.ends_with([':', '.', '：']) || inner.ends_with("..."))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notes::document::Block;

    fn blocks(kinds: Vec<BlockKind<'static>>) -> Blocks<'static> {
        Blocks {
            blocks: kinds
                .into_iter()
                .enumerate()
                .map(|(i, kind)| Block { kind, line: i as u32 + 1, end: i as u32 + 1 })
                .collect(),
        }
    }

    fn p(t: &'static str) -> BlockKind<'static> {
        BlockKind::Paragraph { text: t.into() }
    }

    fn h(level: u8, t: &'static str) -> BlockKind<'static> {
        BlockKind::Heading { level, text: t.into() }
    }

    #[test]
    fn a_bold_line_alone_is_a_heading_below_the_last_one() {
        let mut b = blocks(vec![
            p("**Team notes**"),
            h(1, "Morning"),
            p("**9:10 — \"Iceberg at scale\"**"),
            p("Speaker was Ana Ruiz."),
            p("__Streaming joins__"),
            p("**Ana Ruiz**"),
            h(2, "Afternoon"),
            p("**Small data**"),
        ]);
        headings_from_bold(&mut b, |t| t == "**Ana Ruiz**");
        let kinds: Vec<_> = b.blocks.into_iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            vec![
                h(1, "**Team notes**"),
                h(1, "Morning"),
                h(2, "**9:10 — \"Iceberg at scale\"**"),
                p("Speaker was Ana Ruiz."),
                h(2, "__Streaming joins__"),
                p("**Ana Ruiz**"),
                h(2, "Afternoon"),
                h(3, "**Small data**"),
            ]
        );
    }

    #[test]
    fn labels_sentences_and_several_spans_stay_paragraphs() {
        for t in [
            "**Notes:**",
            "**Speaker:**",
            "**Don't miss the closing party.**",
            "**A** and **B**",
            "**Title**\nAna Ruiz",
            "**Attendees:** Priya, Marcus",
            "**2026**",
            "*italic title*",
            "****",
        ] {
            assert!(!bold_line(t), "{t}");
        }
        assert!(bold_line("**Wait for it...**"));
        assert!(bold_line("  **Keynote: the road to 2.0**  ".trim_start()));
    }
}
