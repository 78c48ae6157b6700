//! The AsciiDoc reader (`.adoc`, `.asciidoc`), line by line:
//!
//! - `= Title` (level 1), `== Section` (level 2), ... : [`BlockKind::Heading`]; the
//!   line right under the document title, when it is not blank, is its author line and
//!   becomes an `author` property (and the next one, a `revision` property);
//! - `:name: value` attribute entries: [`BlockKind::Properties`];
//! - delimited blocks: `----` listing and `....` literal: [`BlockKind::Code`], with the
//!   language of a `[source,python]` line above; `____` quote: [`BlockKind::Quote`];
//!   `====` example and `****` sidebar: a quote of their lines; `////` comments and
//!   `++++` passthroughs are skipped. A block closes at the same delimiter (same
//!   length); an unclosed one runs to the end;
//! - `* `, `** `, `- ` and `. `, `.. ` lists (depth = number of marker characters - 1),
//!   `1. ` lists, checklists (`* [x]`), continuation lines part of the item;
//! - `|===` tables: cells (`| a | b` on one line, or one per line), rows of as many
//!   cells as the first line has, or as `[cols="..."]` says; the first row is the
//!   header when followed by a blank line or when `options="header"` / `%header` is
//!   set;
//! - `'''` (and a page break `<<<`): [`BlockKind::Separator`];
//! - `// comments` and block attribute lines (`[...]`) are skipped; a block title
//!   (`.Title`) and every other run of lines is a [`BlockKind::Paragraph`].

use super::{indent_of, list_marker, numbered, sat_u8, Builder};
use crate::notes::document::{BlockKind, Blocks, Row};

/// Parses AsciiDoc `text` into blocks with their 1-based lines.
pub fn parse(text: &str) -> Blocks<'_> {
    let mut out = Builder::default();
    let mut lines = numbered(text).peekable();
    // The attribute line (`[source,python]`, `[options="header"]`) of the next block.
    let mut attrs: Option<String> = None;
    let mut header_lines = 0u8;
    while let Some((n, l)) = lines.next() {
        let t = l.trim_end();
        if t.trim().is_empty() {
            out.blank();
            header_lines = 0;
            continue;
        }
        // Author and revision lines right under the document title.
        if header_lines > 0 && !t.starts_with([':', '=', '[', '/']) {
            out.property(if header_lines == 2 { "author" } else { "revision" }, t.trim(), n);
            header_lines -= 1;
            continue;
        }
        let equals = t.bytes().take_while(|&b| b == b'=').count();
        if (1..=6).contains(&equals) && t[equals..].starts_with(' ') && !t[equals..].trim().is_empty() {
            out.block(BlockKind::Heading { level: sat_u8(equals), text: t[equals..].trim().into() }, n, n);
            header_lines = if equals == 1 { 2 } else { 0 };
            attrs = None;
            continue;
        }
        header_lines = 0;
        if let Some(delim) = delimiter(t) {
            let mut body: Vec<&str> = Vec::new();
            let mut end = n;
            for (m, inner) in lines.by_ref() {
                end = m;
                if inner.trim_end() == t {
                    break;
                }
                body.push(inner);
            }
            let a = attrs.take().unwrap_or_default();
            let kind = match delim {
                '-' | '.' => {
                    let lang = a.split(',').nth(1).map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
                    let lang = if a.starts_with("source") || a.starts_with("[source") { lang } else { None };
                    Some(BlockKind::Code { lang, text: body.join("\n") })
                }
                '_' | '=' | '*' => {
                    Some(BlockKind::Quote { text: body.iter().map(|l| l.trim()).collect::<Vec<_>>().join("\n") })
                }
                _ => None,
            };
            if let Some(kind) = kind {
                out.block(kind, n, end);
            } else {
                out.blank();
            }
            continue;
        }
        if t.starts_with("|===") {
            let a = attrs.take().unwrap_or_default();
            let mut cells: Vec<(String, u32)> = Vec::new();
            let mut first_line_cells = 0;
            let mut first_line: Option<u32> = None;
            let mut blank_after_first = false;
            let mut end = n;
            for (m, inner) in lines.by_ref() {
                end = m;
                let it = inner.trim();
                if it.starts_with("|===") {
                    break;
                }
                if it.is_empty() {
                    if first_line.is_some() && cells.len() == first_line_cells {
                        blank_after_first = true;
                    }
                    continue;
                }
                let found: Vec<&str> = match it.strip_prefix('|') {
                    Some(rest) => rest.split('|').map(str::trim).collect(),
                    None => {
                        // A cell's text continued on the next line.
                        if let Some((c, _)) = cells.last_mut() {
                            c.push(' ');
                            c.push_str(it);
                        }
                        continue;
                    }
                };
                if first_line.is_none() {
                    first_line = Some(m);
                    first_line_cells = found.len();
                }
                cells.extend(found.into_iter().map(|c| (c.to_string(), m)));
            }
            let cols = cols_attr(&a).unwrap_or(first_line_cells).max(1);
            let mut rows: Vec<Row> = cells
                .chunks(cols)
                .map(|chunk| Row { cells: chunk.iter().map(|(c, _)| c.clone()).collect(), line: chunk[0].1 })
                .collect();
            let header_opt = a.contains("header") && !a.contains("noheader");
            let header = ((header_opt || (blank_after_first && first_line_cells == cols)) && rows.len() > 1)
                .then(|| rows.remove(0));
            out.block(BlockKind::Table { header, rows }, n, end);
            continue;
        }
        let tt = t.trim_start();
        if tt == "'''" || tt == "<<<" || tt == "---" || tt == "***" {
            out.block(BlockKind::Separator, n, n);
            continue;
        }
        if tt.starts_with("//") {
            continue;
        }
        if tt.len() >= 2 && tt.starts_with('[') && tt.ends_with(']') {
            attrs = Some(tt[1..tt.len() - 1].to_string());
            out.blank();
            continue;
        }
        if let Some((key, value)) = attribute(tt) {
            out.property(key, value, n);
            continue;
        }
        if tt == "+" {
            continue;
        }
        // A description list's entry (`Speaker:: Ana Ruiz`): the field it is.
        if let Some((term, def)) = description(tt) {
            out.text(&format!("{term}: {def}"), n);
            continue;
        }
        if let Some((depth, marker, rest)) = list_item(tt) {
            out.item(depth, &marker, rest, n);
            continue;
        }
        if indent_of(l) > 0 && out.continue_item(tt, n) {
            continue;
        }
        if !out.continue_item(tt, n) {
            out.text(tt, n);
        }
    }
    out.finish()
}

/// The character of a delimited block's fence (`----`, `....`, `____`, `====`,
/// `****`, `////`, `++++`: four or more of one of them).
fn delimiter(t: &str) -> Option<char> {
    let c = t.chars().next()?;
    (matches!(c, '-' | '.' | '_' | '=' | '*' | '/' | '+') && t.len() >= 4 && t.chars().all(|x| x == c)).then_some(c)
}

/// A description list's entry, `Term:: definition` (or `:::`, `;;`), a term of at
/// most five words: the term and its definition.
fn description(t: &str) -> Option<(&str, &str)> {
    let i = t.find(":: ").or_else(|| t.find(";; ")).or_else(|| t.strip_suffix("::").map(str::len))?;
    let term = t[..i].trim_end_matches(':').trim();
    let def = t.get(i + 2..).unwrap_or("").trim_start_matches(':').trim();
    let ok =
        !term.is_empty() && !term.starts_with(':') && term.split_whitespace().count() <= 5 && !term.contains("://");
    ok.then_some((term, def))
}

/// An attribute entry `:name: value` (`:name!:` unsets and gives an empty value).
fn attribute(t: &str) -> Option<(&str, &str)> {
    let rest = t.strip_prefix(':')?;
    let close = rest.find(':')?;
    let name = &rest[..close];
    let value = &rest[close + 1..];
    let ok = !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '_' || c == '!');
    (ok && (value.is_empty() || value.starts_with(' '))).then_some((name.trim_end_matches('!'), value))
}

/// A list item: `*`..`*****` / `-` (unordered), `.`..`.....` (ordered), `1.`; with a
/// checkbox. Gives its depth, marker and text.
fn list_item(t: &str) -> Option<(usize, String, &str)> {
    let c = t.chars().next()?;
    if c == '*' || c == '.' {
        let count = t.bytes().take_while(|&b| b == c as u8).count();
        let rest = &t[count..];
        if count > 5 || !rest.starts_with(' ') {
            return None;
        }
        let mut marker = t[..count].to_string();
        let mut rest = rest.trim_start();
        for (box_, shown) in [("[ ]", " [ ]"), ("[x]", " [x]"), ("[X]", " [x]"), ("[*]", " [x]")] {
            if let Some(r) = rest.strip_prefix(box_) {
                if r.is_empty() || r.starts_with(' ') {
                    marker.push_str(shown);
                    rest = r.trim_start();
                }
                break;
            }
        }
        return Some((count - 1, marker, rest));
    }
    list_marker(t, &['-']).map(|(m, r)| (0, m, r))
}

/// The number of columns a `cols` attribute gives: `cols="1,2,3"`, `cols="3*"`, `cols=3`.
fn cols_attr(a: &str) -> Option<usize> {
    let start = a.find("cols=")? + 5;
    let v = a[start..].trim_start_matches(['"', '\'']);
    let v = &v[..v.find(['"', '\'']).unwrap_or(v.len())];
    if let Some(k) = v.strip_suffix('*') {
        return k.trim().parse().ok();
    }
    if !v.contains([',', ';']) {
        // One number alone is the count of columns.
        return v.trim().parse().ok();
    }
    Some(v.split([',', ';']).count())
}

#[cfg(test)]
mod tests {
    use super::super::testutil::assert_lines_in_range;
    use super::*;

    #[test]
    fn description_entries_are_fields() {
        assert_eq!(description("Speaker:: Ana Ruiz (Acme)"), Some(("Speaker", "Ana Ruiz (Acme)")));
        assert_eq!(description("Level::: intermediate"), Some(("Level", "intermediate")));
        assert_eq!(description("Room;; Hall 7"), Some(("Room", "Hall 7")));
        assert_eq!(description("uses std::vector a lot"), None);
        assert_eq!(description("see https://x.org:: odd"), None);
    }
    use crate::notes::document::Property;

    fn kinds(text: &str) -> Vec<(BlockKind<'_>, u32, u32)> {
        let b = parse(text);
        assert_lines_in_range(text, &b);
        b.blocks.into_iter().map(|b| (b.kind, b.line, b.end)).collect()
    }
    fn h(level: u8, t: &str) -> BlockKind<'_> {
        BlockKind::Heading { level, text: t.into() }
    }
    fn li(d: u8, m: &'static str, t: &'static str) -> BlockKind<'static> {
        BlockKind::ListItem { depth: d, marker: m.into(), text: t.into() }
    }

    #[test]
    fn header_attributes_sections_lists() {
        let text = "= RustFest 2024\nAna Lima <ana@x.org>\n:revdate: 2024-05-02\n:speaker: Bo Chen\n\n== Talk: Async\n\n* first\n** nested\n. ordered\n* [x] done\n\n'''\nText *here*.\n";
        let prop = |k: &str, v: &str, line| Property { key: k.into(), value: v.into(), line };
        assert_eq!(
            kinds(text),
            [
                (h(1, "RustFest 2024"), 1, 1),
                (
                    BlockKind::Properties(vec![
                        prop("author", "Ana Lima <ana@x.org>", 2),
                        prop("revdate", "2024-05-02", 3),
                        prop("speaker", "Bo Chen", 4)
                    ]),
                    2,
                    4
                ),
                (h(2, "Talk: Async"), 6, 6),
                (li(0, "*", "first"), 8, 8),
                (li(1, "**", "nested"), 9, 9),
                (li(0, ".", "ordered"), 10, 10),
                (li(0, "* [x]", "done"), 11, 11),
                (BlockKind::Separator, 13, 13),
                (BlockKind::Paragraph { text: "Text *here*.".into() }, 14, 14),
            ]
        );
    }

    #[test]
    fn delimited_blocks_and_tables() {
        let text = "[source,python]\n----\nprint(1)\n== not a title\n----\n\n____\nWise words.\n____\n\n[cols=\"2\"]\n|===\n|Time |Talk\n\n|10:00\n|Async\n|11:00\n|Rust\n|===\n////\nhidden\n////\n";
        let got = kinds(text);
        assert_eq!(
            got[0],
            (BlockKind::Code { lang: Some("python".into()), text: "print(1)\n== not a title".into() }, 2, 5)
        );
        assert_eq!(got[1], (BlockKind::Quote { text: "Wise words.".into() }, 7, 9));
        let BlockKind::Table { header: Some(hd), rows } = &got[2].0 else { panic!("{got:?}") };
        assert_eq!(
            (hd.cells.clone(), hd.line, got[2].1, got[2].2),
            (vec!["Time".to_string(), "Talk".into()], 13, 12, 19)
        );
        assert_eq!(
            rows.iter().map(|r| (r.cells.join("/"), r.line)).collect::<Vec<_>>(),
            [("10:00/Async".into(), 15), ("11:00/Rust".into(), 17)]
        );
        assert_eq!(got.len(), 3);
    }

    #[test]
    fn hostile_inputs_parse() {
        for text in ["", "=", "= ", "----", "|===", "|===\n|", "[", ":a:", "**", ". ", "= T\n\n"] {
            kinds(text);
        }
        let deep = "=".repeat(100_000) + "\n";
        kinds(&deep);
    }
}
