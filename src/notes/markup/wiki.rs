//! The wiki-markup reader: Confluence and Jira wiki markup and Textile (Redmine,
//! Trac-era wikis), as people paste a team page into a `.txt` file or keep a
//! `.textile` file, line by line:
//!
//! - `h1. Title` ... `h6. Title`: [`BlockKind::Heading`];
//! - `{code}`, `{code:python}`, `{code:language=python}`, `{noformat}` ... the same
//!   macro again: [`BlockKind::Code`]; `{quote}` ... `{quote}`: [`BlockKind::Quote`];
//!   other block macros (`{panel}`, `{info}`, `{expand:title}`, `{toc}`) alone on a
//!   line are read past, their content read as any other; Textile's `bc. line` is a
//!   code line and `bq. line` a quote;
//! - `* `, `** `, `# `, `## `, `*# `, `- ` (a run of `*`, `#`, `-` and a blank): a
//!   [`BlockKind::ListItem`] nested one level per marker character after the first;
//!   `*bold*` at the start of a line has no blank after its `*` and stays text;
//! - `||head||head||` and `|cell|cell|` lines: a [`BlockKind::Table`], its header the
//!   first row when written with `||`;
//! - `----`: a [`BlockKind::Separator`];
//! - every other run of lines: a [`BlockKind::Paragraph`].
//!
//! Inline markup becomes what the other readers give: `{{mono}}` a code span
//! (`` `mono` ``), `[text|url]` its text, `[url]` the url, `{color:red}` and the
//! other inline macros nothing; `*bold*` and `_italic_` are left to
//! [`crate::notes::document::strip_inline`], as in Markdown.

use std::borrow::Cow;

use super::{mediawiki, numbered, Builder, Nesting};
use crate::notes::document::{BlockKind, Blocks, Row};

/// Whether a text with no markup of its own by extension (`.txt`) is wiki markup: two
/// or more `h1.`-`h6.` heading lines at the margin, or one and a `{code}`/`{noformat}`
/// macro or a `||` header row. Checked before Markdown, whose `# heading` a wiki's
/// numbered list item looks like.
pub fn looks_like_wiki(text: &str) -> bool {
    let mut headings = 0;
    let mut other = false;
    for l in text.lines() {
        let b = l.as_bytes();
        if heading(l).is_some() || framed_heading(l.trim()).is_some() {
            headings += 1;
        } else if b.starts_with(b"{code") || b.starts_with(b"{noformat}") || b.starts_with(b"||") {
            other = true;
        }
        if headings >= 2 || (headings == 1 && other) {
            return true;
        }
    }
    super::tiddly::looks_like_tiddler(text)
}

/// A heading framed by runs of `=`, as MediaWiki (`== Title ==`) and DokuWiki
/// (`====== Title ======`) write it: the opening run's length and the text. (`==>`
/// and a setext line of `=` alone are none.)
fn framed_heading(line: &str) -> Option<(usize, &str)> {
    let n = line.bytes().take_while(|&b| b == b'=').count();
    if !(1..=6).contains(&n) {
        return None;
    }
    let inner = line[n..].trim_end();
    let m = inner.bytes().rev().take_while(|&b| b == b'=').count();
    let text = inner[..inner.len() - m].trim();
    // (vimwiki's top level, `= Title =`: one `=` on each side and blanks inside.)
    let framed = if n == 1 {
        m == 1
            && line.as_bytes().get(1) == Some(&b' ')
            && inner.len() > m
            && inner.as_bytes()[inner.len() - m - 1] == b' '
    } else {
        m > 0
    };
    (framed && !text.is_empty()).then_some((n, text))
}

/// Whether a page is DokuWiki's: its framed headings go deeper with fewer `=`
/// (`======` is its top level, which MediaWiki never writes), and its own marks
/// (`''mono''`, `//italic//`, `\\` breaks) are read.
fn is_dokuwiki(text: &str) -> bool {
    text.lines().any(|l| framed_heading(l.trim()).is_some_and(|(n, _)| n >= 5))
}

/// DokuWiki's inline marks as the other readers give them: `''mono''` a code span,
/// `//italic//` its text (not a URL's `://`), a forced break `\\` between two parts
/// of a line a comma (`Name \\ Company`).
fn doku_inline(s: &str) -> Cow<'_, str> {
    if !s.contains("''") && !s.contains("//") && !s.contains("\\\\") {
        return Cow::Borrowed(s);
    }
    let mut t = s.trim_end().trim_end_matches("\\\\").trim_end().replace(" \\\\ ", ", ");
    if t.matches("''").count().is_multiple_of(2) {
        t = t.replace("''", "`");
    }
    let mut out = String::with_capacity(t.len());
    let mut rest = t.as_str();
    while let Some(i) = rest.find("//") {
        out.push_str(&rest[..i]);
        // An italic mark opens after a blank or closes before one; a URL's (`://`,
        // `org//x`) has a word or a colon on both sides.
        let before = out.chars().next_back();
        let after = rest[i + 2..].chars().next();
        let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == ':');
        if word(before) && word(after) || before == Some(':') {
            out.push_str("//");
        }
        rest = &rest[i + 2..];
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// `h2. Title` (level 2, text `Title`); Textile's `h2(class). ` and `h2>. ` too.
fn heading(line: &str) -> Option<(u8, &str)> {
    let b = line.as_bytes();
    if b.len() < 4 || b[0] != b'h' || !(b'1'..=b'6').contains(&b[1]) {
        return None;
    }
    // Textile's attributes (`(class)`, `{style}`, `[lang]`) and alignment (`<`, `>`,
    // `=`) between the level and the dot.
    let mut rest = &line[2..];
    loop {
        let close = match rest.as_bytes().first() {
            Some(b'(') => ')',
            Some(b'{') => '}',
            Some(b'[') => ']',
            Some(b'<' | b'>' | b'=') => {
                rest = &rest[1..];
                continue;
            }
            _ => break,
        };
        rest = &rest[rest.find(close)? + 1..];
    }
    let text = rest.strip_prefix(". ")?.trim();
    (!text.is_empty()).then_some((b[1] - b'0', text))
}

/// The block macro a line is, alone on it: `{code:python}` gives (`code`, `python`).
fn block_macro(line: &str) -> Option<(&str, &str)> {
    let inner = line.strip_prefix('{')?.strip_suffix('}')?;
    let (name, arg) = inner.split_once(':').unwrap_or((inner, ""));
    (!name.is_empty() && name.bytes().all(|b| b.is_ascii_lowercase())).then_some((name, arg))
}

/// The language of a code macro's argument: `python`, `language=python|title=x`.
fn code_lang(arg: &str) -> Option<String> {
    let first = arg.split('|').find(|p| !p.contains('=') || p.starts_with("language="))?;
    let lang = first.strip_prefix("language=").unwrap_or(first).trim();
    (!lang.is_empty()).then(|| lang.to_string())
}

/// A list line: its depth (0 at the top), marker and text.
fn list_line(line: &str) -> Option<(usize, &str, &str)> {
    let n = line.bytes().take_while(|b| matches!(b, b'*' | b'#' | b'-')).count();
    if n == 0 || !line[n..].starts_with(' ') || line[n..].trim().is_empty() {
        return None;
    }
    // `----` is a separator, `-- ` a dash in prose.
    if line.as_bytes()[0] == b'-' && n > 1 {
        return None;
    }
    Some((n - 1, &line[..n], line[n..].trim()))
}

/// A table line's cells and whether they are header cells (`||a||b||`, Textile's
/// `|_. a |_. b |`).
fn table_cells(line: &str) -> Option<(Vec<String>, bool)> {
    let t = line.trim();
    // DokuWiki's header row: `^ Talk ^ Who ^`.
    if t.starts_with('^') && t.len() >= 2 && t[1..].contains(['^', '|']) {
        let inner = t.trim_start_matches('^').trim_end_matches(['^', '|']);
        return Some((inner.split(['^', '|']).map(|c| inline(c.trim()).into_owned()).collect(), true));
    }
    if !t.starts_with('|') || t.len() < 2 {
        return None;
    }
    let doubled = t.starts_with("||");
    let sep = if doubled { "||" } else { "|" };
    let inner = t.trim_start_matches('|').trim_end_matches('|');
    let mut header = doubled;
    let mut textile_header = true;
    let cells: Vec<String> = inner
        .split(sep)
        .map(|c| {
            let c = c.trim();
            let (c, head) = cell_modifiers(c).map_or((c, false), |(h, rest)| (rest, h));
            textile_header &= head;
            inline(c).into_owned()
        })
        .collect();
    header |= textile_header;
    Some((cells, header))
}

/// Textile's cell modifiers before `. ` (`_.` a header cell, `<.` `>.` `=.` `^.`
/// alignment, `\2.` `/3.` spans, `(class)`, `{style}`): whether the cell is a header
/// cell, and the text after them.
fn cell_modifiers(c: &str) -> Option<(bool, &str)> {
    let dot = c.find(". ").or_else(|| c.strip_suffix('.').map(str::len))?;
    let m = &c[..dot];
    if m.is_empty() || m.len() > 16 {
        return None;
    }
    let mut depth = 0usize;
    for ch in m.chars() {
        match ch {
            '(' | '{' | '[' => depth += 1,
            ')' | '}' | ']' => depth = depth.checked_sub(1)?,
            _ if depth > 0 => {}
            '_' | '<' | '>' | '=' | '^' | '~' | '\\' | '/' | '0'..='9' => {}
            _ => return None,
        }
    }
    Some((m.contains('_'), c.get(dot + 2..).unwrap_or("").trim()))
}

/// Wiki inline markup as Markdown's: `{{mono}}` a code span, `[text|url]` its text,
/// `[url]` the url, inline macros (`{color:red}`, `{anchor:x}`) dropped.
pub(crate) fn inline(s: &str) -> Cow<'_, str> {
    let s = match textile_inline(s) {
        Cow::Borrowed(s) => s,
        Cow::Owned(t) => return Cow::Owned(inline(&t).into_owned()),
    };
    if !s.contains(['{', '[']) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find(['{', '[']) {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        if let Some(mono) = tail.strip_prefix("{{") {
            if let Some(end) = mono.find("}}") {
                out.push('`');
                out.push_str(&mono[..end]);
                out.push('`');
                rest = &mono[end + 2..];
                continue;
            }
        }
        let close = if tail.starts_with('{') { '}' } else { ']' };
        match tail[1..].find(close) {
            Some(end) if !tail[1..=end].contains(['{', '[', '\n']) => {
                let inner = &tail[1..=end];
                if close == ']' {
                    // `[text|url]` gives the text; `[url]` the url.
                    out.push_str(inner.split_once('|').map_or(inner, |(t, _)| t));
                } else if !inner
                    .split(':')
                    .next()
                    .is_some_and(|name| !name.is_empty() && name.bytes().all(|b| b.is_ascii_lowercase()))
                {
                    // `{` not opening a macro (`{x, y}` in prose) stays.
                    out.push_str(&tail[..end + 2]);
                }
                rest = &tail[end + 2..];
            }
            _ => {
                out.push_str(&tail[..1]);
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Textile's inline markup as Markdown's: `@code@` a code span, `"text":url` its
/// text. An `@` inside a word (an e-mail address) opens nothing.
fn textile_inline(s: &str) -> Cow<'_, str> {
    if !s.contains(['@', '"']) {
        return Cow::Borrowed(s);
    }
    let b = s.as_bytes();
    let boundary = |i: usize| i == 0 || !b[i - 1].is_ascii_alphanumeric();
    let after = |i: usize| b.get(i).is_none_or(|c| !c.is_ascii_alphanumeric());
    let mut out = String::new();
    let mut done = 0;
    let mut i = 0;
    while i < b.len() {
        let close = match b[i] {
            b'@' if boundary(i) => s[i + 1..].find('@').map(|e| i + 1 + e).filter(|&e| {
                e > i + 1 && after(e + 1) && !b[i + 1].is_ascii_whitespace() && !b[e - 1].is_ascii_whitespace()
            }),
            b'"' if boundary(i) => s[i + 1..].find("\":").map(|e| i + 1 + e).filter(|&e| {
                let url = &s[e + 2..];
                e > i + 1 && (url.starts_with("http") || url.starts_with('/'))
            }),
            _ => None,
        };
        let Some(e) = close else {
            i += 1;
            continue;
        };
        out.push_str(&s[done..i]);
        if b[i] == b'@' {
            out.push('`');
            out.push_str(&s[i + 1..e]);
            out.push('`');
            i = e + 1;
        } else {
            out.push_str(&s[i + 1..e]);
            let url = &s[e + 2..];
            i = e + 2 + url.find(char::is_whitespace).unwrap_or(url.len());
            // A sentence's full stop or comma after the link is the sentence's.
            while i > e + 2 && matches!(b[i - 1], b'.' | b',' | b')' | b';' | b':' | b'!' | b'?') {
                i -= 1;
            }
        }
        done = i;
    }
    if done == 0 {
        return Cow::Borrowed(s);
    }
    out.push_str(&s[done..]);
    Cow::Owned(out)
}

/// Parses wiki-markup `text` into blocks with their 1-based lines.
pub fn parse(text: &str) -> Blocks<'_> {
    if super::tiddly::looks_like_tiddler(text) {
        return super::tiddly::parse(text);
    }
    let mut out = Builder::default();
    let mut nesting = Nesting::default();
    let mut lines = numbered(text).peekable();
    let doku = is_dokuwiki(text);
    // A page framing its headings in `=` and no DokuWiki's is MediaWiki's (or vimwiki's,
    // whose links are written alike); Confluence's `h2.` page keeps its own marks.
    let media = !doku && text.lines().any(|l| framed_heading(l.trim()).is_some());
    let inline = |s: &str| -> Cow<'_, str> {
        if media {
            Cow::Owned(mediawiki::inline(s).into_owned())
        } else {
            Cow::Owned(inline(s).into_owned())
        }
    };
    while let Some((n, l)) = lines.next() {
        let t = l.trim();
        // A DokuWiki page's control macro alone on its line (`~~NOTOC~~`), a MediaWiki
        // page's magic words, templates and categories.
        if t.is_empty()
            || doku && t.len() > 4 && t.starts_with("~~") && t.ends_with("~~")
            || media && mediawiki::is_furniture(t)
        {
            out.blank();
            continue;
        }
        if media && t.starts_with("{|") {
            let (header, rows, end) = mediawiki::table(&mut lines, n);
            out.block(BlockKind::Table { header, rows }, n, end);
            continue;
        }
        if let Some((level, title)) = heading(t) {
            out.block(BlockKind::Heading { level, text: inline(title).into_owned().into() }, n, n);
            nesting.reset();
            continue;
        }
        // `== Title ==`: MediaWiki's level is the run's length, DokuWiki's goes deeper
        // with fewer `=` (`======` its first level).
        if let Some((run, title)) = framed_heading(t) {
            let level = if doku { 7 - run } else { run } as u8;
            out.block(BlockKind::Heading { level, text: inline(title).into_owned().into() }, n, n);
            nesting.reset();
            continue;
        }
        // DokuWiki's `<code bash>` / `<file>` blocks, MediaWiki's `<syntaxhighlight>`,
        // `<source>` and `<pre>`, up to their closing tag.
        if let Some((close, lang)) =
            code_tag(t).or_else(|| if media { mediawiki::code_open(t).map(|(c, l)| (c.to_string(), l)) } else { None })
        {
            let open_end = t.find('>').map_or(t.len(), |i| i + 1);
            let mut body: Vec<&str> = Vec::new();
            let mut end = n;
            if let Some(i) = t.find(&close) {
                body.push(&t[open_end.min(i)..i]);
            } else {
                for (m, inner) in lines.by_ref() {
                    end = m;
                    if let Some(i) = inner.find(&close) {
                        if !inner[..i].trim().is_empty() {
                            body.push(&inner[..i]);
                        }
                        break;
                    }
                    body.push(inner);
                }
            }
            out.block(BlockKind::Code { lang, text: body.join("\n") }, n, end);
            continue;
        }
        if let Some((name, arg)) = block_macro(t) {
            if matches!(name, "code" | "noformat" | "quote") {
                let mut body: Vec<&str> = Vec::new();
                let mut end = n;
                for (m, inner) in lines.by_ref() {
                    end = m;
                    if block_macro(inner.trim()).is_some_and(|(x, _)| x == name) {
                        break;
                    }
                    body.push(inner);
                }
                let kind = if name == "quote" {
                    BlockKind::Quote { text: body.iter().map(|l| inline(l.trim())).collect::<Vec<_>>().join("\n") }
                } else {
                    BlockKind::Code { lang: if name == "code" { code_lang(arg) } else { None }, text: body.join("\n") }
                };
                out.block(kind, n, end);
            } else {
                // A panel, note or expand box opens or closes: its lines are read as any.
                out.blank();
            }
            continue;
        }
        if let Some(code) = t.strip_prefix("bc. ") {
            out.block(BlockKind::Code { lang: None, text: code.to_string() }, n, n);
            continue;
        }
        if let Some(q) = t.strip_prefix("bq. ") {
            out.block(BlockKind::Quote { text: inline(q.trim()).into_owned() }, n, n);
            continue;
        }
        if t.len() >= 4 && t.bytes().all(|b| b == b'-') {
            out.block(BlockKind::Separator, n, n);
            nesting.reset();
            continue;
        }
        if let Some((cells, header)) = table_cells(t) {
            let mut rows = vec![Row { cells, line: n }];
            let mut end = n;
            while let Some((m, next)) = lines.next_if(|(_, x)| table_cells(x).is_some()) {
                let (cells, _) = table_cells(next).expect("checked by next_if");
                rows.push(Row { cells, line: m });
                end = m;
            }
            let header = header.then(|| rows.remove(0));
            out.block(BlockKind::Table { header, rows }, n, end);
            continue;
        }
        if let Some((depth, marker, rest)) = list_line(t) {
            // DokuWiki nests a list by its indent, two blanks a level.
            let depth = if doku { (super::indent_of(l) / 2).saturating_sub(1) } else { depth };
            let depth = nesting.depth(depth);
            let rest = if doku { doku_inline(rest) } else { Cow::Borrowed(rest) };
            out.item(depth, marker, &inline(&rest), n);
            continue;
        }
        // DokuWiki's `<note tip>…</note>` box: its text.
        let t = if doku { strip_box_tags(t) } else { t };
        let t: Cow<'_, str> = if doku { doku_inline(t) } else { Cow::Borrowed(t) };
        // A definition line, `; Speaker : Ana Ruiz` or `: indented text`.
        let t = match media.then(|| mediawiki::definition(&t)).flatten() {
            Some(d) => Cow::Owned(d.into_owned()),
            None => t,
        };
        if l.starts_with([' ', '\t']) && out.continue_item(&inline(&t), n) {
            continue;
        }
        out.text(&inline(&t), n);
    }
    out.finish()
}

/// DokuWiki's code tag opening a line (`<code bash>`, `<file>`): its closing tag and
/// language.
fn code_tag(t: &str) -> Option<(String, Option<String>)> {
    let tag = ["code", "file"]
        .into_iter()
        .find(|tag| t.strip_prefix('<').and_then(|r| r.strip_prefix(tag)).is_some_and(|r| r.starts_with([' ', '>'])))?;
    let open_end = t.find('>').map_or(t.len(), |i| i + 1);
    let lang = t[..open_end].trim_start_matches(['<']).trim_end_matches('>').split_whitespace().nth(1);
    Some((format!("</{tag}>"), lang.map(str::to_string)))
}

/// A line without DokuWiki's box tags (`<note tip>`, `</note>`, `<WRAP>`).
fn strip_box_tags(t: &str) -> &str {
    let mut t = t;
    for (open, close) in [("<note", "</note>"), ("<WRAP", "</WRAP>"), ("<wrap", "</wrap>")] {
        if let Some(r) = t.strip_prefix(open) {
            if let Some(i) = r.find('>') {
                t = r[i + 1..].trim_start();
            }
        }
        t = t.strip_suffix(close).unwrap_or(t).trim_end();
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notes::document::Block;

    fn kinds(text: &str) -> Vec<(String, u32)> {
        parse(text)
            .blocks
            .iter()
            .map(|Block { kind, line, .. }| {
                let k = match kind {
                    BlockKind::Heading { level, text } => format!("h{level} {text}"),
                    BlockKind::ListItem { depth, text, .. } => format!("li{depth} {text}"),
                    BlockKind::Paragraph { text } => format!("p {text}"),
                    BlockKind::Code { lang, text } => format!("code {lang:?} {text}"),
                    BlockKind::Quote { text } => format!("quote {text}"),
                    BlockKind::Table { header, rows } => {
                        format!("table {} {}", header.as_ref().map_or(0, |h| h.cells.len()), rows.len())
                    }
                    BlockKind::Separator => "sep".into(),
                    BlockKind::Properties(_) => "props".into(),
                };
                (k, *line)
            })
            .collect()
    }

    #[test]
    fn headings_lists_code_and_tables() {
        let text = "h1. Team notes\n\nh2. Keynote: Platforms\n*Speaker:* Ana Ruiz\n* uses {{kubectl}} and [Backstage|https://backstage.io]\n** nested\n# first\n{code:language=bash}\nkubectl get pods\n{code}\n||Time||Talk||\n|09:00|Intro|\n|09:30|Outro|\n----\nbq. a quote\n";
        let got = kinds(text);
        let want: Vec<(String, u32)> = [
            ("h1 Team notes", 1),
            ("h2 Keynote: Platforms", 3),
            ("p *Speaker:* Ana Ruiz", 4),
            ("li0 uses `kubectl` and Backstage", 5),
            ("li1 nested", 6),
            ("li0 first", 7),
            ("code Some(\"bash\") kubectl get pods", 8),
            ("table 2 2", 11),
            ("sep", 14),
            ("quote a quote", 15),
        ]
        .iter()
        .map(|(k, l)| (k.to_string(), *l))
        .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn detection_needs_two_headings_or_a_wiki_block() {
        assert!(looks_like_wiki("h1. A\n\nh2. B\n"));
        assert!(looks_like_wiki("h2. A\n{code}\nx\n{code}\n"));
        assert!(!looks_like_wiki("h2. A lone line\nand prose\n"));
        assert!(!looks_like_wiki("# A\n## B\n"));
    }

    #[test]
    fn textile_tables_and_inline_markup() {
        let text = "h2. Den 2\n\n|_. čas |_. přednáška |\n|<. 09:30 |=. Valkey 8 |\n\n* @mysql_native_password@ is off, see \"the docs\":https://dev.mysql.com/doc.\n";
        let b = parse(text);
        let BlockKind::Table { header: Some(h), rows } = &b.blocks[1].kind else { panic!("{:?}", b.blocks) };
        assert_eq!(h.cells, ["čas", "přednáška"]);
        assert_eq!(rows[0].cells, ["09:30", "Valkey 8"]);
        assert_eq!(kinds(text)[2].0, "li0 `mysql_native_password` is off, see the docs.");
        assert_eq!(inline("ana@acme.com, bo@x.org"), "ana@acme.com, bo@x.org");
        assert_eq!(inline("say \"hi\" to @ana"), "say \"hi\" to @ana");
    }

    #[test]
    fn dokuwiki_and_mediawiki_pages() {
        let text = "~~NOTOC~~\n====== SREcon 2026 ======\n\n^ Talk ^ Who ^\n| eBPF | Ana |\n\n===== Tuesday =====\n\n==== Error budgets ====\n//Keynote//, Ana Ruiz \\\\ Acme\n\n  * uses ''bpftrace'' daily, see https://example.org//x\n    * nested\n<code bash>\nkubectl get pods\n</code>\n<note tip>steal the review meeting</note>\n";
        assert!(looks_like_wiki(text));
        let got = kinds(text);
        let want: Vec<(String, u32)> = [
            ("h1 SREcon 2026", 2),
            ("table 2 1", 4),
            ("h2 Tuesday", 7),
            ("h3 Error budgets", 9),
            ("p Keynote, Ana Ruiz, Acme", 10),
            ("li0 uses `bpftrace` daily, see https://example.org//x", 12),
            ("li1 nested", 13),
            ("code Some(\"bash\") kubectl get pods", 14),
            ("p steal the review meeting", 17),
        ]
        .iter()
        .map(|(k, l)| (k.to_string(), *l))
        .collect();
        assert_eq!(got, want);
        // MediaWiki: the level is the run's length; `==>` is no heading.
        let got = kinds("== Day 1 ==\n=== Keynote: Platforms ===\n==> an arrow\n");
        assert_eq!(got[0], ("h2 Day 1".to_string(), 1));
        assert_eq!(got[1], ("h3 Keynote: Platforms".to_string(), 2));
        assert_eq!(got[2].0, "p ==> an arrow");
    }

    #[test]
    fn inline_macros_and_plain_braces() {
        assert_eq!(inline("{color:red}hot{color} {x, y} [a|b]"), "hot {x, y} a");
        assert_eq!(inline("no markup"), "no markup");
    }
}
