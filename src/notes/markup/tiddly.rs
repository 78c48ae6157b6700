//! The TiddlyWiki reader: a tiddler's wikitext, as a `.tid` file or copied into a
//! `.txt` file, line by line:
//!
//! - the fields before the first blank line (`title: …`, `tags: …`, `created: …`):
//!   a [`BlockKind::Properties`];
//! - `! Title` ... `!!!!!! Title`: a [`BlockKind::Heading`], its level the run of `!`;
//! - `* `, `# `, `** `, `*#` (a run of `*` and `#`): a [`BlockKind::ListItem`] nested
//!   one level per marker after the first; `; term` and `: text` lines are text;
//! - `|cell|cell|` lines: a [`BlockKind::Table`], its header the first row when every
//!   cell of it is a header cell (`|!Quand |!Salle |`) or it ends in `|h`; a row ending
//!   in `|c` (caption) or `|k` (classes) is read past;
//! - a fenced code block (```` ``` ````) and `<pre>` … `</pre>`: a [`BlockKind::Code`];
//! - `<<<` … `<<< citation` and `> ` lines: a [`BlockKind::Quote`];
//! - `---`: a [`BlockKind::Separator`]; a macro call alone on its line
//!   (`<<toc-selective-expandable …>>`) and a transclusion (`{{Tiddler}}`) are read past;
//! - every other run of lines: a [`BlockKind::Paragraph`].
//!
//! Inline marks become Markdown's: `''bold''` `**bold**`, `//italic//` `*italic*`,
//! `[[text|target]]` its text, `[[Tiddler]]` the tiddler's name, `@@highlight@@` and
//! `~~strike~~` their text.

use std::borrow::Cow;

use super::{numbered, Builder};
use crate::notes::document::{BlockKind, Blocks, Row};

/// Whether `text` is a tiddler: it says so in its `type` field, or two or more of its
/// lines are `!` headings and it writes TiddlyWiki's own marks (`''bold''`, `[[links]]`,
/// `<<macros>>`, `|!header|` cells).
pub fn looks_like_tiddler(text: &str) -> bool {
    if text.contains("type: text/vnd.tiddlywiki") {
        return true;
    }
    let mut headings = 0;
    let mut marks = false;
    for l in text.lines() {
        if heading(l).is_some() {
            headings += 1;
        }
        marks |= l.contains("''") || l.contains("[[") || l.starts_with("<<") || l.starts_with("|!");
        if headings >= 2 && marks {
            return true;
        }
    }
    false
}

/// `!! Title` (level 2, text `Title`).
fn heading(line: &str) -> Option<(u8, &str)> {
    let n = line.bytes().take_while(|&b| b == b'!').count();
    if !(1..=6).contains(&n) {
        return None;
    }
    let text = line[n..].trim();
    // A heading may be written `!!Title`, with no blank: its text starts with a
    // letter, a digit, a quote or a bracket.
    let first = text.chars().next()?;
    (first.is_alphanumeric() || "«\"'“[(".contains(first)).then_some((super::sat_u8(n), text))
}

/// A list line: its depth (0 at the top), marker and text.
fn list_line(line: &str) -> Option<(usize, &str, &str)> {
    let n = line.bytes().take_while(|b| matches!(b, b'*' | b'#')).count();
    let rest = line[n..].trim();
    (n > 0 && !rest.is_empty()).then(|| (n - 1, &line[..n], rest))
}

/// A table line's cells, whether every cell is a header cell, and its row mark
/// (`h`, `c`, `k`, `f`) after the closing bar.
fn table_cells(line: &str) -> Option<(Vec<String>, bool, Option<char>)> {
    let t = line.trim_end();
    let inner = t.strip_prefix('|')?;
    let (inner, mark) = match inner.rsplit_once('|') {
        Some((cells, "")) => (cells, None),
        Some((cells, m)) if m.len() == 1 && "hckf".contains(m) => (cells, m.chars().next()),
        _ => return None,
    };
    let mut all_head = true;
    let cells = inner
        .split('|')
        .map(|c| {
            let c = c.trim();
            let (c, head) = c.strip_prefix('!').map_or((c, false), |r| (r.trim(), true));
            all_head &= head;
            inline(c).into_owned()
        })
        .collect();
    Some((cells, all_head, mark))
}

/// TiddlyWiki's inline marks as Markdown's.
pub(crate) fn inline(s: &str) -> Cow<'_, str> {
    if !s.contains("''") && !s.contains("//") && !s.contains("[[") && !s.contains("@@") && !s.contains("~~") {
        return Cow::Borrowed(s);
    }
    let mut t = links(s);
    if t.matches("''").count().is_multiple_of(2) {
        t = t.replace("''", "**");
    }
    for mark in ["@@", "~~"] {
        if t.matches(mark).count().is_multiple_of(2) {
            t = t.replace(mark, "");
        }
    }
    Cow::Owned(italics(&t))
}

/// `[[text|target]]` as its text, `[[Tiddler]]` as its name.
fn links(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find("[[") {
        let Some(end) = rest[i + 2..].find("]]") else { break };
        out.push_str(&rest[..i]);
        let inner = &rest[i + 2..i + 2 + end];
        out.push_str(inner.split_once('|').map_or(inner, |(text, _)| text));
        rest = &rest[i + 2 + end + 2..];
    }
    out.push_str(rest);
    out
}

/// `//italic//` as `*italic*`; a URL's `//` (`https://`) stays.
fn italics(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find("//") {
        out.push_str(&rest[..i]);
        let url = out.ends_with(':') && rest[i + 2..].chars().next().is_some_and(|c| c.is_alphanumeric());
        out.push_str(if url { "//" } else { "*" });
        rest = &rest[i + 2..];
    }
    out.push_str(rest);
    out
}

/// Parses a tiddler's wikitext into blocks with their 1-based lines.
pub fn parse(text: &str) -> Blocks<'_> {
    let mut out = Builder::default();
    let mut lines = numbered(text).peekable();
    // The fields: `key: value` lines up to the first blank one.
    if text.lines().next().is_some_and(field_line) {
        while let Some((n, l)) = lines.next_if(|(_, l)| field_line(l)) {
            let (key, value) = l.split_once(':').expect("checked by field_line");
            out.property(key, &inline(value.trim()), n);
        }
    }
    while let Some((n, l)) = lines.next() {
        let t = l.trim();
        if t.is_empty() || t.starts_with("<<") && t.ends_with(">>") && !t.starts_with("<<<") {
            out.blank();
            continue;
        }
        if t.starts_with("{{") && t.ends_with("}}") {
            out.blank();
            continue;
        }
        if let Some((level, title)) = heading(t) {
            out.block(BlockKind::Heading { level, text: inline(title).into_owned().into() }, n, n);
            continue;
        }
        let fence = t.starts_with("```").then_some("```").or((t == "<pre>").then_some("</pre>"));
        if let Some(close) = fence {
            let lang = t.strip_prefix("```").map(str::trim).filter(|s| !s.is_empty()).map(str::to_string);
            let mut body: Vec<&str> = Vec::new();
            let mut end = n;
            for (m, inner) in lines.by_ref() {
                end = m;
                if inner.trim() == close {
                    break;
                }
                body.push(inner);
            }
            out.block(BlockKind::Code { lang, text: body.join("\n") }, n, end);
            continue;
        }
        if t == "<<<" || t.starts_with("<<< ") && t.len() > 4 {
            let mut body: Vec<String> = Vec::new();
            let mut end = n;
            for (m, inner) in lines.by_ref() {
                end = m;
                if inner.trim_start().starts_with("<<<") {
                    break;
                }
                body.push(inline(inner.trim()).into_owned());
            }
            out.block(BlockKind::Quote { text: body.join("\n") }, n, end);
            continue;
        }
        if let Some(q) = t.strip_prefix("> ") {
            out.block(BlockKind::Quote { text: inline(q.trim()).into_owned() }, n, n);
            continue;
        }
        if t.len() >= 3 && t.bytes().all(|b| b == b'-') {
            out.block(BlockKind::Separator, n, n);
            continue;
        }
        if let Some((cells, head, mark)) = table_cells(t) {
            let mut header = None;
            let mut rows = Vec::new();
            let mut end = n;
            let mut add = |cells: Vec<String>, head: bool, mark: Option<char>, m: u32| match mark {
                Some('c' | 'k') => {}
                _ if (head || mark == Some('h')) && header.is_none() && rows.is_empty() => {
                    header = Some(Row { cells, line: m });
                }
                _ => rows.push(Row { cells, line: m }),
            };
            add(cells, head, mark, n);
            while let Some((m, next)) = lines.next_if(|(_, x)| table_cells(x.trim()).is_some()) {
                let (cells, head, mark) = table_cells(next.trim()).expect("checked by next_if");
                add(cells, head, mark, m);
                end = m;
            }
            out.block(BlockKind::Table { header, rows }, n, end);
            continue;
        }
        if let Some((depth, marker, rest)) = list_line(t) {
            out.item(depth, marker, &inline(rest), n);
            continue;
        }
        // A definition list's `; term` and `: description`.
        let t = t.strip_prefix("; ").or_else(|| t.strip_prefix(": ")).unwrap_or(t);
        out.text(&inline(t), n);
    }
    out.finish()
}

/// A tiddler's field line, `created: 20250703065812417`: a lower-case key of letters,
/// digits, `-` and `_`, a colon and a blank.
fn field_line(line: &str) -> bool {
    line.split_once(": ").is_some_and(|(k, _)| {
        !k.is_empty() && k.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notes::document::Block;

    fn kinds(text: &str) -> Vec<String> {
        parse(text)
            .blocks
            .iter()
            .map(|Block { kind, line, .. }| match kind {
                BlockKind::Heading { level, text } => format!("{line} h{level} {text}"),
                BlockKind::ListItem { depth, text, .. } => format!("{line} li{depth} {text}"),
                BlockKind::Paragraph { text } => format!("{line} p {text}"),
                BlockKind::Code { text, .. } => format!("{line} code {text}"),
                BlockKind::Quote { text } => format!("{line} quote {text}"),
                BlockKind::Properties(p) => format!("{line} props {}", p.len()),
                BlockKind::Table { header, rows } => format!(
                    "{line} table {} {}",
                    header.as_ref().map_or(String::new(), |h| h.cells.join("/")),
                    rows.len()
                ),
                other => format!("{line} {other:?}"),
            })
            .collect()
    }

    #[test]
    fn a_tiddler_is_read_into_the_document_model() {
        let text = "title: Sunny Tech 2025\ntype: text/vnd.tiddlywiki\n\n<<toc>>\n\n\
                    |!Quand |!Quoi |\n|jeu. 09h00 |Keynote |\n\n! Jeudi\n\n\
                    !! Keynote : « Titre »\n''Aurélie Nguyễn'' — [[slides|https://x.org/]]\n\n\
                    * point //important//\n** sous-point\n\n```\nvoid main() {}\n```\n\n\
                    <<<\nJe veux Quadlet.\n<<< Moi\n";
        assert!(looks_like_tiddler(text));
        assert_eq!(
            kinds(text),
            [
                "1 props 2",
                "6 table Quand/Quoi 1",
                "9 h1 Jeudi",
                "11 h2 Keynote : « Titre »",
                "12 p **Aurélie Nguyễn** — slides",
                "14 li0 point *important*",
                "15 li1 sous-point",
                "17 code void main() {}",
                "21 quote Je veux Quadlet.",
            ]
        );
    }

    #[test]
    fn prose_with_exclamations_is_no_tiddler() {
        assert!(!looks_like_tiddler("!!! urgent\nwow!\n! also\nno marks here\n"));
        assert_eq!(heading("!important"), Some((1, "important")));
        assert_eq!(heading("!! "), None);
        assert_eq!(heading("!--"), None);
    }

    #[test]
    fn urls_keep_their_slashes() {
        assert_eq!(inline("voir https://x.org et //ceci//"), "voir https://x.org et *ceci*");
    }
}
