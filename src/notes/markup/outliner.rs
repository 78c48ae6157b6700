//! The outliner reader: a Markdown page written as an outline (Logseq, and notes kept
//! the same way), where every block is a `- ` bullet nested by tabs or spaces.
//!
//! - each bullet is a [`BlockKind::ListItem`] with its depth (by indentation); lines
//!   indented under it that are not bullets continue its text;
//! - a bullet whose text is a Markdown heading (`- ## Title`) is a
//!   [`BlockKind::Heading`] of that level (its place in the outline is the order of the
//!   blocks);
//! - `key:: value` lines, at the top of the page or under a bullet, are
//!   [`BlockKind::Properties`] (consecutive ones in one block);
//! - a fenced code block inside a bullet is a [`BlockKind::Code`].
//!
//! [`is_outliner`] tells an outliner page from other Markdown.

use super::{double_colon_field, indent_of, numbered, sat_u8, Builder, Nesting};
use crate::notes::document::{BlockKind, Blocks};

/// Whether a Markdown text is an outliner page: at least two `- ` bullets, and at least
/// nine lines in ten of the non-blank ones are bullets, `key:: value` lines or lines
/// indented under a bullet.
///
/// Read when a Markdown file is read, so it stops as soon as the answer is no: even if
/// every line left fitted, too many lines already do not (most notes are settled by
/// their first lines). Reading every line of every file was 223 M of the notes stage's
/// 3,027 M instructions on the 10 MB corpus.
pub fn is_outliner(text: &str) -> bool {
    let (mut bullets, mut fitting, mut lines) = (0usize, 0usize, 0usize);
    // Lines not read yet: at most that many more can fit.
    let b = text.as_bytes();
    let mut left = memchr::memchr_iter(b'\n', b).count() + 1;
    // The lines cut at the places memchr finds (what `split('\n')` gives; with its
    // search, line by line, this function was 23 M instructions on the 10 MB corpus,
    // now 18 M).
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', b).chain(std::iter::once(b.len())) {
        let l = &text[start..end];
        start = end + 1;
        left -= 1;
        let t = l.trim();
        if t.is_empty() {
            continue;
        }
        lines += 1;
        if t == "-" || t.starts_with("- ") {
            bullets += 1;
            fitting += 1;
        } else if (bullets > 0 && l.starts_with([' ', '\t'])) || double_colon_field(t).is_some() {
            fitting += 1;
        }
        if (fitting + left) * 10 < (lines + left) * 9 {
            return false;
        }
    }
    bullets >= 2 && fitting * 10 >= lines * 9
}

/// Parses an outliner page into blocks with their 1-based lines.
pub fn parse(text: &str) -> Blocks<'_> {
    let mut out = Builder::default();
    let mut nesting = Nesting::default();
    let mut lines = numbered(text);
    // The indentation of the last `- ` bullet.
    let mut last_bullet: Option<usize> = None;
    while let Some((n, l)) = lines.next() {
        let t = l.trim();
        if t.is_empty() {
            out.blank();
            continue;
        }
        let indent = indent_of(l);
        let (bullet, body) = match t.strip_prefix("- ") {
            Some(rest) => (true, rest.trim_start()),
            None if t == "-" => (true, ""),
            None => (false, t),
        };
        // Another bullet, deeper than the last `- ` (a OneNote or Word outline pasted
        // under `- ` bullets: `\t* Title`, `\t\to note`, `\t\t§ detail`): an item too.
        // (`o` is a word too: a line indented two under a bullet goes on with its text,
        // `- Keynote` / `  o pessoal falou …`; OneNote's `o` is a tab deeper.)
        let other = if bullet {
            None
        } else {
            last_bullet.filter(|&at| indent > at).and_then(|at| other_bullet(t, indent >= at + 4))
        };
        if bullet {
            last_bullet = Some(indent);
        }
        if body.starts_with("```") || body.starts_with("~~~") {
            let fence = &body[..3];
            let lang = body[3..].split_whitespace().next().map(str::to_string);
            let mut code: Vec<&str> = Vec::new();
            let mut end = n;
            for (m, inner) in lines.by_ref() {
                end = m;
                if inner.trim().starts_with(fence) {
                    break;
                }
                code.push(inner.trim());
            }
            out.block(BlockKind::Code { lang, text: code.join("\n") }, n, end);
            continue;
        }
        if let Some((key, value)) = double_colon_field(body) {
            out.property(key, value, n);
            continue;
        }
        if bullet {
            let depth = nesting.depth(indent);
            let hashes = body.bytes().take_while(|&b| b == b'#').count();
            if (1..=6).contains(&hashes) && body[hashes..].starts_with(' ') {
                out.block(BlockKind::Heading { level: sat_u8(hashes), text: body[hashes..].trim().into() }, n, n);
            } else {
                out.item(depth, "-", body, n);
            }
            continue;
        }
        if let Some((marker, body)) = other {
            out.item(nesting.depth(indent), marker, body, n);
            continue;
        }
        if !out.continue_item(t, n) {
            out.text(t, n);
        }
    }
    out.finish()
}

/// The marker and text of a line that opens with a bullet other than `- `: `* `, `+ `,
/// `• `, `◦ `, `▪ `, `o `, `§ ` or a number (`1. `, `2) `).
/// `o ` only when the line is `deep` (a tab or more under the last `- `).
fn other_bullet(t: &str, deep: bool) -> Option<(&'static str, &str)> {
    for m in ["* ", "+ ", "• ", "◦ ", "▪ ", "o ", "§ "] {
        if m == "o " && !deep {
            continue;
        }
        if let Some(rest) = t.strip_prefix(m) {
            return Some((m.trim_end(), rest.trim_start()));
        }
    }
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    let rest = t.get(digits..)?;
    if (1..=3).contains(&digits) && (rest.starts_with(". ") || rest.starts_with(") ")) {
        return Some(("1.", rest[2..].trim_start()));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::testutil::assert_lines_in_range;
    use super::*;
    use crate::notes::document::Property;

    fn kinds(text: &str) -> Vec<(BlockKind<'_>, u32, u32)> {
        let b = parse(text);
        assert_lines_in_range(text, &b);
        b.blocks.into_iter().map(|b| (b.kind, b.line, b.end)).collect()
    }

    #[test]
    fn logseq_page() {
        let text = "title:: PyCon 2024\ntags:: conf\n\n- ## Day 1\n- Keynote - Ana Lima\n  continued\n\t- speaker:: Ana Lima\n\t- rust in prod\n\t\t- ```python\n\t\t  x = 1\n\t\t  ```\n- -\n";
        assert!(is_outliner(text));
        let prop = |k: &str, v: &str, line| Property { key: k.into(), value: v.into(), line };
        let li = |d: u8, t: &'static str| BlockKind::ListItem { depth: d, marker: "-".into(), text: t.into() };
        assert_eq!(
            kinds(text),
            [
                (BlockKind::Properties(vec![prop("title", "PyCon 2024", 1), prop("tags", "conf", 2)]), 1, 2),
                (BlockKind::Heading { level: 2, text: "Day 1".into() }, 4, 4),
                (li(0, "Keynote - Ana Lima\ncontinued"), 5, 6),
                (BlockKind::Properties(vec![prop("speaker", "Ana Lima", 7)]), 7, 7),
                (li(1, "rust in prod"), 8, 8),
                (BlockKind::Code { lang: Some("python".into()), text: "x = 1".into() }, 9, 11),
                (li(0, "-"), 12, 12),
            ]
        );
    }

    #[test]
    fn other_bullets_deeper_than_a_dash_are_items() {
        let text = "- 11:50 slot\n\t* **Title** (Ana Ruiz)\n\t\t1. start\n\t\to note\n\t\t§ detail\n- next\n  o wrapped line\n";
        let items: Vec<(u8, String)> = parse(text)
            .blocks
            .into_iter()
            .filter_map(|b| match b.kind {
                BlockKind::ListItem { depth, text, .. } => Some((depth, text.to_string())),
                _ => None,
            })
            .collect();
        let want = [
            (0, "11:50 slot"),
            (1, "**Title** (Ana Ruiz)"),
            (2, "start"),
            (2, "note"),
            (2, "detail"),
            (0, "next\no wrapped line"),
        ];
        assert_eq!(items, want.map(|(d, t)| (d, t.to_string())));
    }

    #[test]
    fn detection() {
        assert!(!is_outliner("# Title\n\nSome prose.\n\n- one\n- two\n"));
        assert!(!is_outliner("- one\n"));
        assert!(is_outliner("- one\n  - two\n- three\n"));
    }

    #[test]
    fn hostile_inputs_parse() {
        for text in ["", "-", "- ```", "- #", "::", "- a:: b\n  c"] {
            kinds(text);
        }
        let deep: String = (0..100_000).map(|d| format!("{}- x\n", "\t".repeat(d % 200))).collect();
        assert_eq!(kinds(&deep).len(), 100_000);
    }
}
