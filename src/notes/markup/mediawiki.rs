//! MediaWiki's own marks, for the wiki reader ([`super::wiki`]) when a page frames its
//! headings with `=` (`== Day 1 ==`) as MediaWiki and vimwiki do:
//!
//! - links: `[[User:Ana Ruiz|Ana]]` gives `Ana`, `[[Kiwix]]` gives `Kiwix`,
//!   `[https://x.org the docs]` gives `the docs`; a category, file or image link gives
//!   nothing;
//! - `'''bold'''` and `''italic''` become Markdown's `**bold**` and `*italic*`, left to
//!   [`crate::notes::document::strip_inline`] as in the other readers;
//! - templates (`{{Note|…}}`), `<ref>` notes and magic words (`__TOC__`) are no text;
//! - `{| … |}` tables: `!` header cells, `|-` rows, cells split by `||` or `!!` or
//!   written one per line, a cell's attributes (`style="…" | text`) read past;
//! - `<syntaxhighlight lang="lua">`, `<source>` and `<pre>` blocks are code;
//! - a definition line `; Speaker : Ana Ruiz` is the field `Speaker: Ana Ruiz`, an
//!   indented `: line` its text.

use std::borrow::Cow;

use crate::notes::document::Row;

/// Whether a line is a MediaWiki page's furniture and no text: a magic word
/// (`__TOC__`), a template alone on its line (`{{User page notice|…}}`), a category
/// link (`[[Category:Notes]]`).
pub(crate) fn is_furniture(t: &str) -> bool {
    let magic = t.len() > 4
        && t.starts_with("__")
        && t.ends_with("__")
        && t[2..t.len() - 2].bytes().all(|b| b.is_ascii_uppercase());
    let template = t.starts_with("{{") && t.ends_with("}}") && !t[2..t.len() - 2].contains("}}");
    let category = t.starts_with("[[") && t.ends_with("]]") && link_namespace(&t[2..]).is_some_and(is_hidden_namespace);
    magic || template || category
}

/// A link target's namespace (`User` of `User:Ana`), if it has one.
fn link_namespace(target: &str) -> Option<&str> {
    let t = target.trim_start_matches(':');
    let (ns, _) = t.split_once(':')?;
    (!ns.is_empty() && ns.chars().all(|c| c.is_alphabetic() || c == ' ')).then_some(ns)
}

/// Namespaces whose links show nothing in a page's text (or an image).
fn is_hidden_namespace(ns: &str) -> bool {
    ["category", "file", "image", "media", "kategorie", "datei", "bild", "catégorie", "fichier", "categoría", "archivo"]
        .iter()
        .any(|n| ns.eq_ignore_ascii_case(n))
}

/// A definition line's text as a field: `; Speaker : Ana` gives `Speaker: Ana`; an
/// indented `: line` gives `line`.
pub(crate) fn definition(t: &str) -> Option<Cow<'_, str>> {
    if let Some(rest) = t.strip_prefix(';') {
        let rest = rest.trim();
        return Some(match rest.split_once(" : ") {
            Some((term, def)) => Cow::Owned(format!("{}: {}", term.trim(), def.trim())),
            None => Cow::Borrowed(rest),
        });
    }
    let rest = t.trim_start_matches(':');
    (rest.len() < t.len() && rest.starts_with(' ')).then(|| Cow::Borrowed(rest.trim()))
}

/// A page's inline marks as Markdown's (see the module's list).
pub(crate) fn inline(s: &str) -> Cow<'_, str> {
    if !s.contains(['[', '\'', '{', '<', '&']) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find(['[', '\'', '{', '<', '&']) {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        if let Some(link) = tail.strip_prefix("[[") {
            if let Some(end) = link.find("]]") {
                let inner = &link[..end];
                let (target, label) = inner.split_once('|').map_or((inner, None), |(t, l)| (t, Some(l)));
                if !link_namespace(target).is_some_and(is_hidden_namespace) || target.starts_with(':') {
                    let shown = label.unwrap_or_else(|| target.trim_start_matches(':'));
                    // `[[User:Ana Ruiz]]` shows the page's name without its namespace.
                    let shown = if label.is_none() && !target.starts_with(':') {
                        link_namespace(shown).map_or(shown, |ns| &shown[ns.len() + 1..])
                    } else {
                        shown
                    };
                    out.push_str(shown.trim_start_matches('/'));
                }
                rest = &link[end + 2..];
                continue;
            }
        }
        if let Some(ext) = tail.strip_prefix('[').filter(|e| e.starts_with("http") || e.starts_with("//")) {
            if let Some(end) = ext.find(']') {
                let inner = &ext[..end];
                out.push_str(inner.split_once(' ').map_or(inner, |(_, text)| text.trim()));
                rest = &ext[end + 1..];
                continue;
            }
        }
        if let Some(t) = tail.strip_prefix("'''") {
            out.push_str("**");
            rest = t;
            continue;
        }
        if let Some(t) = tail.strip_prefix("''") {
            out.push('*');
            rest = t;
            continue;
        }
        if let Some(t) = tail.strip_prefix("{{") {
            if let Some(end) = t.find("}}") {
                rest = &t[end + 2..];
                continue;
            }
        }
        if let Some(t) = tail.strip_prefix("<ref") {
            let close = t.find("</ref>").map(|e| e + 6).or_else(|| t.find("/>").map(|e| e + 2));
            if let Some(end) = close {
                rest = &t[end..];
                continue;
            }
        }
        if let Some(t) = ["<br>", "<br/>", "<br />", "&nbsp;"].iter().find_map(|m| tail.strip_prefix(m)) {
            out.push(' ');
            rest = t;
            continue;
        }
        out.push_str(&tail[..1]);
        rest = &tail[1..];
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The tag a code block opens with on its line (`<syntaxhighlight lang="lua">`,
/// `<source lang=python>`, `<pre>`): its closing tag and language.
pub(crate) fn code_open(t: &str) -> Option<(&'static str, Option<String>)> {
    let (close, rest) = [("</syntaxhighlight>", "<syntaxhighlight"), ("</source>", "<source"), ("</pre>", "<pre")]
        .into_iter()
        .find_map(|(close, open)| t.strip_prefix(open).filter(|r| r.starts_with([' ', '>'])).map(|r| (close, r)))?;
    let attrs = &rest[..rest.find('>')?];
    let lang =
        attrs.split_whitespace().find_map(|a| a.strip_prefix("lang=")).map(|l| l.trim_matches(['"', '\'']).to_string());
    Some((close, lang))
}

/// The rows of a `{| … |}` table whose lines (after the opening one) `lines` gives,
/// up to and with its closing `|}`: its header (the `!` cells of its first row, if so
/// written), its rows and its last line. A table with no closing line ends at the
/// last of `lines`.
pub(crate) fn table<'a>(lines: &mut impl Iterator<Item = (u32, &'a str)>, first: u32) -> (Option<Row>, Vec<Row>, u32) {
    let mut rows: Vec<(Row, bool)> = Vec::new();
    let mut current: Option<(Row, bool)> = None;
    let mut end = first;
    for (n, l) in lines {
        end = n;
        let t = l.trim();
        if t.starts_with("|}") {
            break;
        }
        if t.starts_with("|-") {
            rows.extend(current.take().filter(|(r, _)| !r.cells.is_empty()));
            continue;
        }
        if t.starts_with("|+") {
            continue;
        }
        let (head, body) = match t.as_bytes().first() {
            Some(b'!') => (true, &t[1..]),
            Some(b'|') => (false, &t[1..]),
            // A cell's text going on over lines.
            _ => {
                if let Some(cell) = current.as_mut().and_then(|(r, _)| r.cells.last_mut()) {
                    if !t.is_empty() {
                        cell.push(' ');
                        cell.push_str(&inline(t));
                    }
                }
                continue;
            }
        };
        let row = current.get_or_insert_with(|| (Row { cells: Vec::new(), line: n }, head));
        let sep = if head && body.contains("!!") { "!!" } else { "||" };
        for cell in body.split(sep) {
            row.0.cells.push(inline(cell_text(cell)).trim().to_string());
        }
    }
    rows.extend(current.filter(|(r, _)| !r.cells.is_empty()));
    let header = (rows.first().is_some_and(|(_, head)| *head)).then(|| rows.remove(0).0);
    (header, rows.into_iter().map(|(r, _)| r).collect(), end)
}

/// A cell's text without its attributes (`style="width:9em" | text`: an attribute is
/// `name=value` before a single `|`).
fn cell_text(cell: &str) -> &str {
    match cell.split_once('|') {
        Some((attrs, text)) if attrs.contains('=') && !attrs.contains("[[") => text.trim(),
        _ => cell.trim(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_emphasis_and_templates() {
        assert_eq!(
            inline("''Speaker:'' [[User:Rangi Whaanga|Rangi Whaanga]] (WMDE)"),
            "*Speaker:* Rangi Whaanga (WMDE)"
        );
        assert_eq!(inline("'''Kiwix''' on [[Raspberry Pi]]{{cn}}<ref>x</ref>"), "**Kiwix** on Raspberry Pi");
        assert_eq!(inline("see [[/Hackathon]] and [https://x.org the docs]"), "see Hackathon and the docs");
        assert_eq!(inline("[[File:a.png|thumb]][[:File:Slides.pdf]] [[User:Ana]]"), "File:Slides.pdf Ana");
        assert_eq!(inline("it's Ana's"), "it's Ana's");
        assert!(
            is_furniture("__TOC__") && is_furniture("{{User page notice|mine}}") && is_furniture("[[Category:Notes]]")
        );
        assert!(!is_furniture("[[Kiwix]] rocks") && !is_furniture("__init__.py"));
        assert_eq!(definition("; Speaker : Ana Ruiz").as_deref(), Some("Speaker: Ana Ruiz"));
        assert_eq!(definition(": indented").as_deref(), Some("indented"));
        assert_eq!(definition("::x"), None);
    }

    #[test]
    fn tables_and_code_tags() {
        let text = "! Time !! Talk !! Speaker(s)\n|-\n| 14:00 || Wikifunctions || Adaeze Okafor\n|-\n| style=\"x\" | 14:15\n| Pywikibot\n| Nurul Huda\n|}\nafter\n";
        let mut lines = text.lines().zip(2u32..).map(|(l, n)| (n, l));
        let (header, rows, end) = table(&mut lines, 1);
        assert_eq!(header.expect("a header").cells, ["Time", "Talk", "Speaker(s)"]);
        assert_eq!(
            rows.iter().map(|r| (r.cells.join("/"), r.line)).collect::<Vec<_>>(),
            [("14:00/Wikifunctions/Adaeze Okafor".to_string(), 4), ("14:15/Pywikibot/Nurul Huda".to_string(), 6)]
        );
        assert_eq!(end, 9);
        assert_eq!(lines.next(), Some((10, "after")));
        assert_eq!(code_open("<syntaxhighlight lang=\"lua\">"), Some(("</syntaxhighlight>", Some("lua".to_string()))));
        assert_eq!(code_open("<pre>"), Some(("</pre>", None)));
        assert_eq!(code_open("<presenter>"), None);
    }
}
