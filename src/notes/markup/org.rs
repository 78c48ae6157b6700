//! The Org reader (Emacs Org mode, `.org`), line by line:
//!
//! - `* Title`, `** Title`: [`BlockKind::Heading`], level = number of stars. A to-do
//!   keyword (`TODO`, `DONE`, ...) and a priority (`[#A]`) stay in the text, so that
//!   the talk detector sees a to-do for what it is; trailing tags (`:talk:python:`) are
//!   taken off the title and follow it as a `tags` property (`talk, python`);
//! - `#+TITLE:`, `#+DATE:`, `#+AUTHOR:` and every other `#+KEY: value` line:
//!   [`BlockKind::Properties`] (consecutive lines in one block), the key as written;
//! - a `:PROPERTIES:` ... `:END:` drawer: [`BlockKind::Properties`], one field per
//!   `:KEY: value` line; other drawers (`:LOGBOOK:`) are skipped; planning lines
//!   (`SCHEDULED:`, `DEADLINE:`, `CLOSED:`) are properties too;
//! - `#+BEGIN_SRC lang` ... `#+END_SRC` and `#+BEGIN_EXAMPLE`: [`BlockKind::Code`];
//!   `#+BEGIN_QUOTE` and the other blocks (`VERSE`, `CENTER`, ...):
//!   [`BlockKind::Quote`]; an unclosed block runs to the end of the file;
//! - `- `, `+ `, `1. `, `1) ` (and `* ` when indented) list items, with checkboxes,
//!   nested by indentation; lines indented under an item continue it; a description
//!   item `- Speaker :: Ana Ruiz` is the field `Speaker: Ana Ruiz`;
//! - `| a | b |` tables: rows of cells; `|---+---|` rules are skipped, and rows before
//!   the first rule are the header (its first row);
//! - a line of five or more `-`: [`BlockKind::Separator`]; `# comment` lines are
//!   skipped; every other run of lines is a [`BlockKind::Paragraph`].

use super::{indent_of, list_marker, numbered, Builder, Nesting};
use crate::notes::document::{BlockKind, Blocks, Row};

/// Parses Org `text` into blocks with their 1-based lines.
pub fn parse(text: &str) -> Blocks<'_> {
    let mut out = Builder::default();
    let mut nesting = Nesting::default();
    let mut lines = numbered(text).peekable();
    while let Some((n, l)) = lines.next() {
        let t = l.trim();
        if t.is_empty() {
            out.blank();
            continue;
        }
        // Headings: stars at the left margin, then a blank.
        let stars = l.bytes().take_while(|&b| b == b'*').count();
        if stars > 0 && l[stars..].starts_with([' ', '\t']) {
            nesting.reset();
            let (title, tags) = split_tags(l[stars..].trim());
            out.block(BlockKind::Heading { level: super::sat_u8(stars), text: title.into() }, n, n);
            if !tags.is_empty() {
                out.property("tags", &tags.join(", "), n);
            }
            continue;
        }
        if let Some(rest) = strip_prefix_ci(t, "#+BEGIN_") {
            let kind = rest.split_whitespace().next().unwrap_or("").to_ascii_uppercase();
            let arg = rest.split_whitespace().nth(1).map(str::to_string);
            let end_mark = format!("#+END_{kind}");
            let mut body: Vec<&str> = Vec::new();
            let mut end = n;
            for (m, inner) in lines.by_ref() {
                end = m;
                if inner.trim().eq_ignore_ascii_case(&end_mark) {
                    break;
                }
                body.push(inner);
            }
            let block = match kind.as_str() {
                "SRC" => BlockKind::Code { lang: arg, text: dedent(&body) },
                "EXAMPLE" | "EXPORT" => BlockKind::Code { lang: None, text: dedent(&body) },
                "COMMENT" => continue,
                _ => BlockKind::Quote { text: body.iter().map(|l| l.trim()).collect::<Vec<_>>().join("\n") },
            };
            out.block(block, n, end);
            continue;
        }
        if let Some(rest) = t.strip_prefix("#+") {
            if let Some((key, value)) = rest.split_once(':') {
                if !key.is_empty() && !key.contains(' ') {
                    out.property(key, value, n);
                }
            }
            continue;
        }
        if t == "#" || t.starts_with("# ") {
            continue;
        }
        // Drawers.
        if t.starts_with(':') && t.ends_with(':') && t.len() > 2 && !t[1..t.len() - 1].contains([':', ' ']) {
            let is_props = t.eq_ignore_ascii_case(":PROPERTIES:");
            out.blank();
            for (m, inner) in lines.by_ref() {
                let it = inner.trim();
                if it.eq_ignore_ascii_case(":END:") {
                    break;
                }
                if is_props {
                    if let Some((k, v)) = it.strip_prefix(':').and_then(|r| r.split_once(':')) {
                        out.property(k.trim_end_matches('+'), v, m);
                    }
                }
            }
            continue;
        }
        if let Some(planning) = ["SCHEDULED:", "DEADLINE:", "CLOSED:"].iter().find(|p| t.starts_with(**p)) {
            out.property(planning.trim_end_matches(':'), &t[planning.len()..], n);
            continue;
        }
        if t.starts_with('|') {
            let mut rows: Vec<Row> = vec![cells(t, n)].into_iter().flatten().collect();
            let mut rule_after: Option<usize> = is_rule(t).then_some(0);
            let mut end = n;
            while let Some((m, inner)) = lines.next_if(|(_, l)| l.trim().starts_with('|')) {
                end = m;
                let it = inner.trim();
                if is_rule(it) {
                    rule_after.get_or_insert(rows.len());
                } else if let Some(r) = cells(it, m) {
                    rows.push(r);
                }
            }
            let header = match rule_after {
                Some(k) if k > 0 && rows.len() > k => Some(rows.remove(0)),
                _ => None,
            };
            out.block(BlockKind::Table { header, rows }, n, end);
            continue;
        }
        if t.len() >= 5 && t.bytes().all(|b| b == b'-') {
            nesting.reset();
            out.block(BlockKind::Separator, n, n);
            continue;
        }
        let indent = indent_of(l);
        let bullets: &[char] = if indent > 0 { &['-', '+', '*'] } else { &['-', '+'] };
        if let Some((marker, rest)) = list_marker(t, bullets) {
            // A description item (`- Speaker :: Ana Ruiz`) is a field: `Speaker: Ana Ruiz`.
            let field = rest.split_once(" :: ").map(|(k, v)| format!("{}: {}", k.trim(), v.trim()));
            out.item(nesting.depth(indent), &marker, field.as_deref().unwrap_or(rest), n);
            continue;
        }
        if indent > 0 && out.continue_item(t, n) {
            continue;
        }
        if indent == 0 {
            nesting.reset();
        }
        out.text(t, n);
    }
    out.finish()
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix).then(|| &s[prefix.len()..])
}

/// A heading's title and its trailing tags (`Title   :a:b:`).
fn split_tags(s: &str) -> (&str, Vec<&str>) {
    if let Some(i) = s.rfind([' ', '\t']) {
        let last = &s[i + 1..];
        if last.len() > 2
            && last.starts_with(':')
            && last.ends_with(':')
            && last[1..last.len() - 1]
                .split(':')
                .all(|t| !t.is_empty() && t.chars().all(|c| c.is_alphanumeric() || "_@#%".contains(c)))
        {
            return (s[..i].trim_end(), last[1..last.len() - 1].split(':').collect());
        }
    }
    (s, Vec::new())
}

/// A table rule: `|---+---|`, `|-----|`.
fn is_rule(t: &str) -> bool {
    t.starts_with("|-") || t.starts_with("|+")
}

/// A table row's cells: between the pipes, trimmed.
fn cells(t: &str, line: u32) -> Option<Row> {
    if is_rule(t) {
        return None;
    }
    let inner = t.strip_prefix('|')?;
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    Some(Row { cells: inner.split('|').map(|c| c.trim().to_string()).collect(), line })
}

/// Lines of a code block without their common indentation, joined with `\n`.
fn dedent(lines: &[&str]) -> String {
    let common =
        lines.iter().filter(|l| !l.trim().is_empty()).map(|l| l.len() - l.trim_start().len()).min().unwrap_or(0);
    lines.iter().map(|l| l.get(common..).unwrap_or("").trim_end()).collect::<Vec<_>>().join("\n")
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
    fn prop(k: &str, v: &str, line: u32) -> Property {
        Property { key: k.into(), value: v.into(), line }
    }
    fn h(level: u8, t: &str) -> BlockKind<'_> {
        BlockKind::Heading { level, text: t.into() }
    }

    #[test]
    fn keywords_headings_drawers_and_tags() {
        let text = "#+TITLE: PyCon DE 2024\n#+DATE: <2024-04-22 Mon>\n\n* Day 1\n** Keynote: Rust for all   :keynote:rust:\n:PROPERTIES:\n:SPEAKER: Jana Nowak\n:ROOM:    A\n:END:\nSome *notes* here\nand more.\n** TODO Buy the book\nSCHEDULED: <2024-04-23>\n";
        assert_eq!(
            kinds(text),
            [
                (
                    BlockKind::Properties(vec![prop("TITLE", "PyCon DE 2024", 1), prop("DATE", "<2024-04-22 Mon>", 2)]),
                    1,
                    2
                ),
                (h(1, "Day 1"), 4, 4),
                (h(2, "Keynote: Rust for all"), 5, 5),
                (BlockKind::Properties(vec![prop("tags", "keynote, rust", 5)]), 5, 5),
                (BlockKind::Properties(vec![prop("SPEAKER", "Jana Nowak", 7), prop("ROOM", "A", 8)]), 7, 8),
                (BlockKind::Paragraph { text: "Some *notes* here\nand more.".into() }, 10, 11),
                (h(2, "TODO Buy the book"), 12, 12),
                (BlockKind::Properties(vec![prop("SCHEDULED", "<2024-04-23>", 13)]), 13, 13),
            ]
        );
    }

    #[test]
    fn blocks_lists_tables_separators() {
        let text = "#+begin_src python\n  print(1)\n  * not a heading\n#+end_src\n- one\n  wrapped\n  + nested [[https://x][link]]\n1. [X] done\n-----\n| Time | Talk |\n|------+------|\n| 10   | A    |\n| 11   | B    |\n#+BEGIN_QUOTE\nwise words\n";
        let got = kinds(text);
        assert_eq!(
            got[0],
            (BlockKind::Code { lang: Some("python".into()), text: "print(1)\n* not a heading".into() }, 1, 4)
        );
        let li = |d: u8, m: &'static str, t: &'static str| BlockKind::ListItem {
            depth: d,
            marker: m.into(),
            text: t.into(),
        };
        assert_eq!(got[1], (li(0, "-", "one\nwrapped"), 5, 6));
        assert_eq!(got[2], (li(1, "+", "nested [[https://x][link]]"), 7, 7));
        assert_eq!(got[3], (li(0, "1. [x]", "done"), 8, 8));
        assert_eq!(got[4], (BlockKind::Separator, 9, 9));
        let BlockKind::Table { header: Some(head), rows } = &got[5].0 else { panic!("{:?}", got[5]) };
        assert_eq!((head.cells.clone(), head.line), (vec!["Time".to_string(), "Talk".into()], 10));
        assert_eq!(rows.iter().map(|r| (r.cells[1].as_str(), r.line)).collect::<Vec<_>>(), [("A", 12), ("B", 13)]);
        assert_eq!((got[5].1, got[5].2), (10, 13));
        assert_eq!(got[6], (BlockKind::Quote { text: "wise words".into() }, 14, 15));
    }

    #[test]
    fn hostile_inputs_parse() {
        for text in ["", "*", "* ", "#+", "#+BEGIN_SRC", ":PROPERTIES:\n", "|", "|-", "**bold** text\n"] {
            kinds(text);
        }
        assert_eq!(kinds("**bold** text\n"), [(BlockKind::Paragraph { text: "**bold** text".into() }, 1, 1)]);
        let deep = "*".repeat(100_000) + " deep\n";
        assert_eq!(kinds(&deep), [(h(255, "deep"), 1, 1)]);
    }
}
