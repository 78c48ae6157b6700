//! The reStructuredText reader (`.rst`), line by line:
//!
//! - section titles: a line underlined (and maybe overlined) with a run of one
//!   punctuation character (`=`, `-`, `~`, `^`, `"`, `'`, `*`, `+`, `#`, ...):
//!   [`BlockKind::Heading`]. Levels are given as docutils gives them: each adornment
//!   style (character, with or without overline) gets the next level the first time it
//!   is seen, so the document's title is level 1;
//! - field lists and docinfo (`:Speaker: Ana Lima`, `:Date: 2023-07-19`):
//!   [`BlockKind::Properties`], an indented line continuing a field's value;
//! - `.. code-block:: lang`, `.. code:: lang`, `.. sourcecode:: lang` and a paragraph
//!   ending with `::` followed by an indented block: [`BlockKind::Code`] (the `::` of
//!   such a paragraph is written as `:`, as docutils does);
//! - other directives (`.. note::`, `.. admonition:: Title`, ...): a
//!   [`BlockKind::Quote`] of their argument and content; images, figures, targets
//!   (`.. _name:`), substitutions, footnotes, `toctree`s and comments are skipped;
//! - bullet (`-`, `*`, `+`, `•`) and enumerated (`1.`, `2)`, `(3)`, `#.`) lists, nested
//!   by indentation, continuation lines part of the item;
//! - grid tables (`+---+---+`, a `+===+` border under the header) and simple tables
//!   (`=====  =====` borders, three of them when there is a header):
//!   [`BlockKind::Table`];
//! - a transition (a line of four or more punctuation characters between blank lines):
//!   [`BlockKind::Separator`];
//! - an indented paragraph that does not continue a list item: [`BlockKind::Quote`]
//!   (a block quote); every other run of lines: [`BlockKind::Paragraph`].

use super::{indent_of, list_marker, sat_u8, Builder, Nesting};
use crate::notes::document::{BlockKind, Blocks, Row};

/// Parses reStructuredText `text` into blocks with their 1-based lines.
pub fn parse(text: &str) -> Blocks<'_> {
    let body = text.strip_suffix('\n').unwrap_or(text);
    let lines: Vec<&str> = body.split('\n').collect();
    let blank = |i: usize| lines.get(i).is_none_or(|l| l.trim().is_empty());
    let num = |i: usize| u32::try_from(i + 1).unwrap_or(u32::MAX);
    let mut out = Builder::default();
    let mut nesting = Nesting::default();
    let mut styles: Vec<(char, bool)> = Vec::new();
    let mut level_of = |style: (char, bool)| match styles.iter().position(|s| *s == style) {
        Some(p) => p + 1,
        None => {
            styles.push(style);
            styles.len()
        }
    };
    let mut literal_next = false;
    let mut i = 0;
    while i < lines.len() {
        let l = lines[i];
        let t = l.trim();
        let n = num(i);
        let after_blank = i == 0 || blank(i - 1);
        if t.is_empty() {
            out.blank();
            i += 1;
            continue;
        }
        let indent = indent_of(l);
        // An indented block after a paragraph ending with `::`: a literal block.
        if literal_next && indent > 0 {
            literal_next = false;
            let end = indented_end(&lines, i, 0);
            out.block(BlockKind::Code { lang: None, text: dedent(&lines[i..end]) }, n, num(end - 1));
            i = end;
            continue;
        }
        literal_next = false;
        // Titles: overline + title + underline, or title + underline.
        if after_blank && indent == 0 {
            if let Some(c) = adornment(t) {
                if !blank(i + 1) && lines.get(i + 2).and_then(|u| adornment(u.trim())) == Some(c) {
                    let level = level_of((c, true));
                    out.block(
                        BlockKind::Heading { level: sat_u8(level), text: lines[i + 1].trim().into() },
                        n,
                        num(i + 2),
                    );
                    nesting.reset();
                    i += 3;
                    continue;
                }
                if t.chars().count() >= 4 && blank(i + 1) {
                    out.block(BlockKind::Separator, n, n);
                    i += 1;
                    continue;
                }
            } else if let Some(c) = lines.get(i + 1).map(|u| u.trim_end()).and_then(adornment) {
                let under = lines[i + 1].trim_end().chars().count();
                if !lines[i + 1].starts_with([' ', '\t']) && (under >= t.chars().count() || under >= 3) {
                    let level = level_of((c, false));
                    out.block(BlockKind::Heading { level: sat_u8(level), text: t.into() }, n, num(i + 1));
                    nesting.reset();
                    i += 2;
                    continue;
                }
            }
        }
        if let Some(rest) = t.strip_prefix("..") {
            if rest.is_empty() || rest.starts_with([' ', '\t']) {
                let end = indented_end(&lines, i + 1, indent);
                directive(&mut out, rest.trim(), &lines[i + 1..end], n, num(end.max(i + 1) - 1));
                i = end;
                continue;
            }
        }
        if let Some((key, value)) = field(t) {
            out.property(key, value, n);
            i += 1;
            while i < lines.len() && !blank(i) && indent_of(lines[i]) > indent {
                if let Some(b) = out.last_properties() {
                    b.end = num(i);
                    if let BlockKind::Properties(props) = &mut b.kind {
                        if let Some(p) = props.last_mut() {
                            p.value.push(' ');
                            p.value.push_str(lines[i].trim());
                        }
                    }
                }
                i += 1;
            }
            continue;
        }
        if (t.starts_with("+-") || t.starts_with("+=")) && t.ends_with('+') {
            let end = (i..lines.len()).find(|&j| !lines[j].trim_start().starts_with(['+', '|'])).unwrap_or(lines.len());
            out.block(grid_table(&lines[i..end], n), n, num(end - 1));
            i = end;
            continue;
        }
        if is_simple_border(t) {
            let (table, end) = simple_table(&lines, i);
            out.block(table, n, num(end - 1));
            i = end;
            continue;
        }
        let marker = list_marker(t, &['-', '*', '+', '•', '‣']).or_else(|| enumerator(t));
        if let Some((marker, rest)) = marker {
            out.item(nesting.depth(indent), &marker, rest, n);
            literal_next = rest.ends_with("::");
            i += 1;
            continue;
        }
        if indent > 0 && out.continue_item(t, n) {
            literal_next = t.ends_with("::");
            i += 1;
            continue;
        }
        if indent > 0 && after_blank {
            let end = indented_end(&lines, i, 0);
            let text = lines[i..end].iter().map(|l| l.trim()).collect::<Vec<_>>().join("\n");
            out.block(BlockKind::Quote { text: text.trim_end().to_string() }, n, num(last_nonblank(&lines, i, end)));
            i = end;
            continue;
        }
        if indent == 0 {
            nesting.reset();
        }
        if let Some(head) = t.strip_suffix("::") {
            literal_next = true;
            let head = head.trim_end();
            if !head.is_empty() {
                let shown = if t.ends_with(" ::") { head.to_string() } else { format!("{head}:") };
                out.text(&shown, n);
            }
        } else {
            out.text(t, n);
        }
        i += 1;
    }
    out.finish()
}

/// A run of one punctuation character (an adornment or a transition), at least 3 long.
fn adornment(t: &str) -> Option<char> {
    let c = t.chars().next()?;
    let ok = c.is_ascii_punctuation() && !matches!(c, '|' | '(' | ')' | '[' | ']' | '{' | '}');
    (ok && t.len() >= 3 && t.chars().all(|x| x == c)).then_some(c)
}

/// A field `:Name: value` (the name not starting with a blank).
fn field(t: &str) -> Option<(&str, &str)> {
    let rest = t.strip_prefix(':')?;
    let close = rest.find(':')?;
    let name = &rest[..close];
    let value = &rest[close + 1..];
    if name.is_empty() || name.starts_with(' ') || !(value.is_empty() || value.starts_with([' ', '\t'])) {
        return None;
    }
    Some((name, value))
}

/// An enumerator other than `1.` / `1)`: `(1)`, `#.`, `(a)`.
fn enumerator(t: &str) -> Option<(String, &str)> {
    if let Some(rest) = t.strip_prefix("#.").or_else(|| t.strip_prefix("#)")) {
        return rest.starts_with(' ').then(|| (t[..2].to_string(), rest.trim_start()));
    }
    let inner = t.strip_prefix('(')?;
    let close = inner.find(')')?;
    let e = &inner[..close];
    let ok = !e.is_empty() && e.len() <= 3 && e.chars().all(|c| c.is_ascii_alphanumeric());
    let rest = &inner[close + 1..];
    (ok && rest.starts_with(' ')).then(|| (t[..close + 2].to_string(), rest.trim_start()))
}

/// The end (exclusive) of the block of lines from `from` that are blank or indented
/// more than `indent`; trailing blank lines are left out.
fn indented_end(lines: &[&str], from: usize, indent: usize) -> usize {
    let mut end = from;
    let mut j = from;
    while j < lines.len() {
        if lines[j].trim().is_empty() {
            j += 1;
            continue;
        }
        if indent_of(lines[j]) <= indent {
            break;
        }
        j += 1;
        end = j;
    }
    end
}

fn last_nonblank(lines: &[&str], from: usize, end: usize) -> usize {
    (from..end).rev().find(|&j| !lines[j].trim().is_empty()).unwrap_or(from)
}

/// A directive (`name:: argument` after `..`) with its indented content.
fn directive(out: &mut Builder, head: &str, content: &[&str], line: u32, end: u32) {
    let Some((name, arg)) = head.split_once("::") else {
        // A comment, a target (`_name:`), a footnote (`[1]`): not prose.
        return;
    };
    let name = name.trim().to_ascii_lowercase();
    let arg = arg.trim();
    // Options (`:linenos:`) open the content; the content proper follows them.
    let body: Vec<&str> =
        content.iter().copied().skip_while(|l| l.trim().is_empty() || field(l.trim()).is_some()).collect();
    match name.as_str() {
        "code-block" | "code" | "sourcecode" => {
            let lang = arg.split_whitespace().next().map(str::to_string);
            out.block(BlockKind::Code { lang, text: dedent(&body) }, line, end);
        }
        "raw" => out.block(BlockKind::Code { lang: Some(arg.to_string()), text: dedent(&body) }, line, end),
        "list-table" | "csv-table" => out.block(directive_table(&name, content, line + 1), line, end),
        _ if name.starts_with('|') || name.starts_with('_') => {}
        "image" | "figure" | "include" | "literalinclude" | "toctree" | "contents" | "meta" | "index" | "highlight"
        | "default-role" | "role" | "sectnum" | "only" => {}
        _ => {
            let mut text: Vec<&str> = Vec::new();
            if !arg.is_empty() {
                text.push(arg);
            } else if name == "todo" {
                // A to-do box says what it is, as a label over its items would.
                text.push("To do:");
            }
            text.extend(body.iter().map(|l| l.trim()));
            let text = text.join("\n").trim().to_string();
            out.block(BlockKind::Quote { text }, line, end);
        }
    }
}

/// A `list-table` (`* - cell` opens a row, `  - cell` each next cell, a line indented
/// under a cell continues it) or a `csv-table` (a row a line, cells split at commas
/// outside double quotes; its `:header:` option the header), from the directive's
/// content lines, the first of which is line `first`. `:header-rows: 1` makes the
/// first row the header.
fn directive_table(name: &str, content: &[&str], first: u32) -> BlockKind<'static> {
    let mut rows: Vec<Row> = Vec::new();
    let mut header = None;
    let mut header_rows = 0;
    let mut cell_indent = usize::MAX;
    for (k, l) in content.iter().enumerate() {
        let t = l.trim();
        let line = first + u32::try_from(k).unwrap_or(0);
        if t.is_empty() {
            continue;
        }
        if let Some((key, value)) = field(t).filter(|_| rows.is_empty()) {
            match key {
                "header-rows" => header_rows = value.trim().parse().unwrap_or(0),
                "header" => header = Some(Row { cells: csv_cells(value), line }),
                _ => {}
            }
            continue;
        }
        if name == "csv-table" {
            rows.push(Row { cells: csv_cells(t), line });
            continue;
        }
        let indent = indent_of(l);
        if let Some(rest) = t.strip_prefix("* -").or_else(|| (t == "* -").then_some("")) {
            rows.push(Row { cells: vec![rest.trim().to_string()], line });
            cell_indent = indent + 2;
        } else if let (Some(rest), Some(row)) = (t.strip_prefix('-').filter(|_| indent == cell_indent), rows.last_mut())
        {
            row.cells.push(rest.trim().to_string());
        } else if let Some(cell) = rows.last_mut().and_then(|r| r.cells.last_mut()) {
            if !cell.is_empty() {
                cell.push(' ');
            }
            cell.push_str(t);
        }
    }
    if header.is_none() && header_rows > 0 && !rows.is_empty() {
        header = Some(rows.remove(0));
    }
    BlockKind::Table { header, rows }
}

/// A CSV line's cells: split at commas outside double quotes, each unquoted and trimmed.
fn csv_cells(t: &str) -> Vec<String> {
    let mut cells = vec![String::new()];
    let mut quoted = false;
    for c in t.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => cells.push(String::new()),
            _ => cells.last_mut().map_or((), |cell| cell.push(c)),
        }
    }
    cells.iter().map(|c| c.trim().to_string()).collect()
}

/// Lines without their common indentation, joined with `\n`, without trailing blanks.
fn dedent(lines: &[&str]) -> String {
    let common =
        lines.iter().filter(|l| !l.trim().is_empty()).map(|l| l.len() - l.trim_start().len()).min().unwrap_or(0);
    let joined = lines.iter().map(|l| l.get(common..).unwrap_or("").trim_end()).collect::<Vec<_>>().join("\n");
    joined.trim_matches('\n').to_string()
}

/// A grid table: rows between `+---+` borders, header above a `+===+` border.
fn grid_table(lines: &[&str], first: u32) -> BlockKind<'static> {
    let mut header = None;
    let mut rows: Vec<Row> = Vec::new();
    let mut current: Option<Row> = None;
    for (k, l) in lines.iter().enumerate() {
        let t = l.trim();
        let line = first + u32::try_from(k).unwrap_or(0);
        if t.starts_with('+') {
            if let Some(r) = current.take() {
                if t.starts_with("+=") && header.is_none() && rows.is_empty() {
                    header = Some(r);
                } else {
                    rows.push(r);
                }
            }
            continue;
        }
        let inner = t.trim_start_matches('|').trim_end_matches('|');
        let cells: Vec<&str> = inner.split('|').map(str::trim).collect();
        match &mut current {
            Some(r) => {
                for (c, add) in r.cells.iter_mut().zip(&cells) {
                    if !add.is_empty() {
                        if !c.is_empty() {
                            c.push(' ');
                        }
                        c.push_str(add);
                    }
                }
            }
            None => current = Some(Row { cells: cells.iter().map(|c| c.to_string()).collect(), line }),
        }
    }
    rows.extend(current);
    BlockKind::Table { header, rows }
}

/// A simple table's border: two or more runs of `=` separated by blanks.
fn is_simple_border(t: &str) -> bool {
    t.starts_with('=') && t.chars().all(|c| c == '=' || c == ' ') && t.split_whitespace().count() >= 2
}

/// A simple table starting at the border on line `i`: the table and the end of its
/// lines (exclusive).
fn simple_table(lines: &[&str], i: usize) -> (BlockKind<'static>, usize) {
    let border = lines[i];
    // Column starts: where each run of `=` begins (byte offsets; the border is ASCII).
    let starts: Vec<usize> = border
        .char_indices()
        .filter(|&(k, c)| c == '=' && (k == 0 || border.as_bytes()[k - 1] == b' '))
        .map(|(k, _)| k)
        .collect();
    let mut borders = vec![i];
    let mut rows: Vec<Row> = Vec::new();
    let mut j = i + 1;
    while j < lines.len() {
        let t = lines[j].trim_end();
        if is_simple_border(t.trim_start()) {
            borders.push(j);
            j += 1;
            if j >= lines.len() || lines[j].trim().is_empty() || borders.len() == 3 {
                break;
            }
            continue;
        }
        if t.trim().is_empty() {
            break;
        }
        let cells: Vec<String> = starts
            .iter()
            .enumerate()
            .map(|(c, &s)| {
                let e = starts.get(c + 1).copied().unwrap_or(t.len()).min(t.len());
                let e = if c + 1 == starts.len() { t.len() } else { e };
                t.get(s.min(t.len())..e.max(s.min(t.len()))).unwrap_or("").trim().to_string()
            })
            .collect();
        rows.push(Row { cells, line: u32::try_from(j + 1).unwrap_or(u32::MAX) });
        j += 1;
    }
    let header = if borders.len() == 3 && !rows.is_empty() && rows[0].line <= u32::try_from(borders[1]).unwrap_or(0) {
        Some(rows.remove(0))
    } else {
        None
    };
    (BlockKind::Table { header, rows }, j)
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
    fn h(level: u8, t: &str) -> BlockKind<'_> {
        BlockKind::Heading { level, text: t.into() }
    }
    fn p(t: &str) -> BlockKind<'_> {
        BlockKind::Paragraph { text: t.into() }
    }

    #[test]
    fn titles_levels_by_first_appearance_and_docinfo() {
        let text = "=================\nDjangoCon US 2019\n=================\n\n:Speaker: Ana Lima\n:Date: 2019-09-23\n\nDay one\n-------\n\nTalk *title*\n~~~~~~~~~~~~\n\nSome text\nwrapped.\n\nDay two\n-------\n\n----\n\nEnd.\n";
        let prop = |k: &str, v: &str, line| Property { key: k.into(), value: v.into(), line };
        assert_eq!(
            kinds(text),
            [
                (h(1, "DjangoCon US 2019"), 1, 3),
                (BlockKind::Properties(vec![prop("Speaker", "Ana Lima", 5), prop("Date", "2019-09-23", 6)]), 5, 6),
                (h(2, "Day one"), 8, 9),
                (h(3, "Talk *title*"), 11, 12),
                (p("Some text\nwrapped."), 14, 15),
                (h(2, "Day two"), 17, 18),
                (BlockKind::Separator, 20, 20),
                (p("End."), 22, 22),
            ]
        );
    }

    #[test]
    fn list_tables_and_csv_tables_are_tables() {
        let text = "Other talks\n-----------\n\n.. list-table::\n   :header-rows: 1\n\n   * - Time\n     - Title\n     - Speaker\n   * - 14:45\n     - Rust for Pythonistas:\n       PyO3 in Practice\n     - Ana Lima\n\n.. csv-table:: Later\n   :header: \"Title\", \"Speaker\"\n\n   \"Typing, at scale\", Tom Berg\n";
        let row = |cells: &[&str], line| Row { cells: cells.iter().map(|c| c.to_string()).collect(), line };
        let got = kinds(text);
        let list = BlockKind::Table {
            header: Some(row(&["Time", "Title", "Speaker"], 7)),
            rows: vec![row(&["14:45", "Rust for Pythonistas: PyO3 in Practice", "Ana Lima"], 10)],
        };
        assert_eq!(got[1], (list, 4, 13));
        let csv = BlockKind::Table {
            header: Some(row(&["Title", "Speaker"], 16)),
            rows: vec![row(&["Typing, at scale", "Tom Berg"], 18)],
        };
        assert_eq!(got[2], (csv, 15, 18));
    }

    #[test]
    fn code_directives_literals_lists_quotes() {
        let text = "Example::\n\n    x = 1\n    # not a title\n\n.. code-block:: python\n   :linenos:\n\n   print(2)\n\n.. note:: Mind\n   the gap.\n\n.. _target:\n\n- one\n  more\n\n  - two\n#. three\n\n    A quote\n    -- Someone\n";
        let got = kinds(text);
        assert_eq!(got[0], (p("Example:"), 1, 1));
        assert_eq!(got[1], (BlockKind::Code { lang: None, text: "x = 1\n# not a title".into() }, 3, 4));
        assert_eq!(got[2], (BlockKind::Code { lang: Some("python".into()), text: "print(2)".into() }, 6, 9));
        assert_eq!(got[3], (BlockKind::Quote { text: "Mind\nthe gap.".into() }, 11, 12));
        let li = |d: u8, m: &'static str, t: &'static str| BlockKind::ListItem {
            depth: d,
            marker: m.into(),
            text: t.into(),
        };
        assert_eq!(got[4], (li(0, "-", "one\nmore"), 16, 17));
        assert_eq!(got[5], (li(1, "-", "two"), 19, 19));
        assert_eq!(got[6], (li(0, "#.", "three"), 20, 20));
        assert_eq!(got[7], (BlockKind::Quote { text: "A quote\n-- Someone".into() }, 22, 23));
        assert_eq!(got.len(), 8);
    }

    #[test]
    fn grid_and_simple_tables() {
        let text = "+------+--------+\n| Time | Talk   |\n+======+========+\n| 10   | Async  |\n|      | talk   |\n+------+--------+\n\n=====  ==========\nTime   Speaker\n=====  ==========\n10:00  Ana Lima\n11:00  Bo\n=====  ==========\n";
        let got = kinds(text);
        let BlockKind::Table { header: Some(hd), rows } = &got[0].0 else { panic!("{got:?}") };
        assert_eq!((hd.cells.clone(), hd.line, got[0].1, got[0].2), (vec!["Time".to_string(), "Talk".into()], 2, 1, 6));
        assert_eq!((rows[0].cells.clone(), rows[0].line), (vec!["10".to_string(), "Async talk".into()], 4));
        let BlockKind::Table { header: Some(hd), rows } = &got[1].0 else { panic!("{got:?}") };
        assert_eq!((hd.cells.clone(), got[1].1, got[1].2), (vec!["Time".to_string(), "Speaker".into()], 8, 13));
        assert_eq!(
            rows.iter().map(|r| (r.cells[1].as_str(), r.line)).collect::<Vec<_>>(),
            [("Ana Lima", 11), ("Bo", 12)]
        );
    }

    #[test]
    fn hostile_inputs_parse() {
        for text in ["", "===", "a\n=", "::", "..", ".. ::", ":a:", "+-+", "= =\nx", "====\n\nx\n====\n", "- a::\n"] {
            kinds(text);
        }
        let deep: String = (0..3_000).map(|d| format!("{}- x\n", " ".repeat(d))).collect();
        assert_eq!(kinds(&deep).len(), 3_000);
    }
}
