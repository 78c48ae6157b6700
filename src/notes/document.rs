//! The block model: every markup a note can be written in (Markdown, Org, reStructuredText,
//! AsciiDoc, a Jupyter notebook, an outliner page, plain text) becomes the same list of
//! [`Block`]s, each with its 1-based lines in the file. The talk detector
//! (`notes::talks`) reads only this model, never a markup's syntax.
//!
//! The blocks are a flat list in document order. Nesting is carried by numbers rather
//! than by pointers: a heading's `level` opens a part of the document that lasts until
//! the next heading of the same or a higher level; a list item's `depth` (0 for a
//! top-level item) places it under the nearest earlier item of a smaller depth; a quote
//! or a list item's own paragraphs follow it with the same `depth`.
//!
//! Text is kept as written, inline markup included (`**Title**`, `[Name](link)`,
//! `` `code` ``, `=verbatim=`), minus the block's own marker (`## `, `- `, `> `, `* ` of
//! an Org heading, the underline of a setext or reST title). [`strip_inline`] removes
//! inline markup when a reader wants the plain words.

use std::borrow::Cow;

/// One block of a note, with the lines it spans. Its text borrows from the note's
/// (`'t`) where the source can be taken as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block<'t> {
    /// What the block is.
    pub kind: BlockKind<'t>,
    /// First line, 1-based.
    pub line: u32,
    /// Last line, 1-based, inclusive (`>= line`).
    pub end: u32,
}

/// What a block is. The text of headings, paragraphs and list items is borrowed from
/// the note when it is the source as written (most of it: copying every paragraph,
/// with its allocation and freeing, was 37 M instructions of the notes stage on the
/// 10 MB corpus), owned when a reader rewrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BlockKind<'t> {
    /// A heading: `## Title`, a setext or reST title, `* Title` in Org, `== Title` in
    /// AsciiDoc. `level` is 1 for the top level.
    Heading {
        /// 1 (top) to 6 or more.
        level: u8,
        /// The title as written, without the heading marker.
        text: Cow<'t, str>,
    },
    /// A run of text lines; a hard-wrapped paragraph keeps its line breaks (`\n`).
    Paragraph {
        /// The lines of the paragraph, joined with `\n`.
        text: Cow<'t, str>,
    },
    /// One item of a list (bulleted, numbered, a checklist, an outliner bullet). Lines
    /// that continue the item (wrapped text) are part of `text`.
    ListItem {
        /// 0 for a top-level item, 1 for an item nested in one, ...
        depth: u8,
        /// The marker as written: `-`, `*`, `+`, `1.`, `2)`, `- [ ]`, `- [x]`.
        marker: Cow<'t, str>,
        /// The item's text, without the marker.
        text: Cow<'t, str>,
    },
    /// A table (GFM pipes, an Org table, an reST grid or simple table, AsciiDoc `|===`).
    Table {
        /// The header cells, when the table has a header row.
        header: Option<Row>,
        /// The body rows, in order.
        rows: Vec<Row>,
    },
    /// Code: a fenced or indented block, an Org `#+BEGIN_SRC`, an reST `::` block, a
    /// notebook code cell. Its lines are not prose.
    Code {
        /// The language when one is named (`python`, `rust`, `sh`).
        lang: Option<String>,
        /// The code, lines joined with `\n`.
        text: String,
    },
    /// A quotation (`> ...`, `#+BEGIN_QUOTE`, an indented reST block quote).
    Quote {
        /// The quoted lines, without the quote markers, joined with `\n`.
        text: String,
    },
    /// Key-value fields: YAML front matter, an Org `:PROPERTIES:` drawer or `#+KEY:`
    /// lines, reST field lists and docinfo (`:Speaker: ...`), AsciiDoc attributes
    /// (`:speaker: ...`), outliner `key:: value` lines.
    Properties(Vec<Property>),
    /// A thematic break: `---`, `***`, `___`, `===` on a line of their own, an Org
    /// `-----`, an reST transition.
    Separator,
}

/// One row of a table, with the line it is on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The cells' text as written (trimmed), inline markup kept.
    pub cells: Vec<String>,
    /// 1-based line of the row.
    pub line: u32,
}

/// One key-value field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Property {
    /// The key as written (`title`, `SPEAKER`, `Sprecherin`), trimmed.
    pub key: String,
    /// The value, trimmed and unquoted; a YAML list becomes its items joined by `, `.
    pub value: String,
    /// 1-based line of the field.
    pub line: u32,
}

/// A note parsed into blocks.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Blocks<'t> {
    /// The blocks, in document order.
    pub blocks: Vec<Block<'t>>,
}

/// The markups a note can be written in, chosen by the file's extension (and, for a
/// Markdown file, by its content: an outliner page is Markdown made of bullets).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Markup {
    /// CommonMark with GFM tables (`.md`, `.markdown`).
    Markdown,
    /// Emacs Org mode (`.org`).
    Org,
    /// reStructuredText (`.rst`).
    Rst,
    /// AsciiDoc (`.adoc`, `.asciidoc`).
    AsciiDoc,
    /// A Jupyter notebook (`.ipynb`).
    Notebook,
    /// An outliner page (Logseq-style `- ` bullets with nesting and `key:: value`).
    Outliner,
    /// Text with no markup (`.txt`, and extensions added with `--ext`).
    Plain,
    /// Confluence and Jira wiki markup, Textile, MediaWiki, DokuWiki or a TiddlyWiki
    /// tiddler (`.textile`, `.wiki`, `.tid`, or a `.txt` file written in one of them).
    Wiki,
    /// Separated values (`.csv`, `.tsv`): a schedule exported as a table.
    Table,
}

/// Removes inline markup from `s`: emphasis (`**`, `__`, `*`, `_` around words, Org's
/// `*bold*` `/it/` `=verb=` `~code~`), code spans' backticks, links (`[text](url)`,
/// `[[target|text]]`, Org `[[url][text]]`, reST `` `text <url>`_ ``) down to their text.
/// Words inside are kept as they are.
///
/// A text without any of the marker bytes (`[`, `*`, `_`, `` ` ``, `~`, `=`) is its own
/// plain text and is given back borrowed: most lines of notes are (on the 10 MB corpus
/// this took the function from 65 M instructions to 41 M).
pub fn strip_inline(s: &str) -> Cow<'_, str> {
    let b = s.as_bytes();
    // Where the next `[`, `*`, `_` and the next `` ` ``, `~`, `=` are; stale when not
    // after `i` (a plain byte is never a marker).
    let mut next = [
        memchr::memchr3(b'[', b'*', b'_', b).unwrap_or(b.len()),
        memchr::memchr3(b'`', b'~', b'=', b).unwrap_or(b.len()),
    ];
    if next[0] == b.len() && next[1] == b.len() {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    // Opening emphasis runs not closed yet: the run and where it is in `out`.
    let mut open: Vec<(&str, usize)> = Vec::new();
    // For each run of markers, the indices in `open` of its openings, in order: a closing
    // run finds its opening without scanning `open` (quadratic on a line of openings
    // that are never closed).
    let mut open_of: std::collections::HashMap<&str, Vec<usize>, foldhash::fast::FixedState> = Default::default();
    // The places in `out` of openings closed later, removed at the end (removing each at
    // once moved the rest of `out`: quadratic on nested emphasis).
    let mut dropped: Vec<(usize, usize)> = Vec::new();
    let mut links = Links::default();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        match c {
            b'[' => {
                // [text](url), [[a|b]], [[url][text]]
                if let Some((text, next)) = links.text(s, i) {
                    out.push_str(&strip_inline(text));
                    i = next;
                    continue;
                }
                out.push('[');
                i += 1;
            }
            b'*' | b'_' | b'`' | b'~' | b'=' => {
                // Drop runs of emphasis markers that touch a word on one side only
                // (an opening or closing marker); keep them inside words (snake_case)
                // and when free-standing (`a * b`, `==`).
                let start = i;
                while i < b.len() && b[i] == c {
                    i += 1;
                }
                let before = start.checked_sub(1).map(|j| b[j]);
                let after = b.get(i).copied();
                let word = |x: Option<u8>| x.is_some_and(|x| x.is_ascii_alphanumeric() || x >= 0x80);
                let opens = !word(before) && after.is_some_and(|a| !a.is_ascii_whitespace());
                let closes = before.is_some_and(|a| !a.is_ascii_whitespace()) && !word(after);
                let keep = (c == b'_' || c == b'=' || c == b'~') && word(before) && word(after);
                let run = &s[start..i];
                if keep || !(opens || closes) {
                    out.push_str(run);
                } else if let Some(k) = closes.then(|| open_of.get(run).and_then(|o| o.last().copied())).flatten() {
                    // A closing run: its opening run (kept until now) goes too, and the
                    // openings after it are no longer open.
                    dropped.push((open[k].1, run.len()));
                    for (r, _) in open.drain(k..).rev() {
                        open_of.get_mut(r).map(Vec::pop);
                    }
                } else if opens {
                    // An opening run: kept unless a closing run follows (`=SUM(1,2)`
                    // keeps its `=`, `*bold*` loses both).
                    open_of.entry(run).or_default().push(open.len());
                    open.push((run, out.len()));
                    out.push_str(run);
                } else {
                    out.push_str(run);
                }
            }
            _ => {
                // A run of plain text up to the next marker, copied at once (the markers
                // are ASCII, so the run ends on a character boundary). The next marker of
                // each half of the set is found with memchr3 and kept until passed, so
                // the text is scanned once (the loop over every byte it replaces made
                // this function 103 M of the notes stage on the 10 MB corpus, now 58 M).
                if next[0] <= i {
                    next[0] = memchr::memchr3(b'[', b'*', b'_', &b[i..]).map_or(b.len(), |k| i + k);
                }
                if next[1] <= i {
                    next[1] = memchr::memchr3(b'`', b'~', b'=', &b[i..]).map_or(b.len(), |k| i + k);
                }
                let end = next[0].min(next[1]);
                out.push_str(&s[i..end]);
                i = end;
            }
        }
    }
    if dropped.is_empty() {
        return Cow::Owned(out);
    }
    dropped.sort_unstable();
    let mut kept = String::with_capacity(out.len());
    let mut from = 0;
    for (at, len) in dropped {
        kept.push_str(&out[from..at]);
        from = at + len;
    }
    kept.push_str(&out[from..]);
    Cow::Owned(kept)
}

/// Finds the ends of links for [`strip_inline`]: the first `]]`, `]` or `)` at or after
/// a place, remembered while it stays ahead, so that a line of `[` that never close is
/// read once, not once per `[`.
#[derive(Default)]
struct Links {
    /// For `]]`, `]` and `)`: the place the search started from and what it found
    /// (`None`: none from there to the end).
    found: [Option<(usize, Option<usize>)>; 3],
}

impl Links {
    /// The first `needle` (`k` indexes `]]`, `]`, `)`) in `s` at or after `from`.
    fn first(&mut self, s: &str, k: usize, from: usize) -> Option<usize> {
        if let Some((start, hit)) = self.found[k] {
            if start <= from && hit.is_none_or(|h| h >= from) {
                return hit;
            }
        }
        let hay = &s.as_bytes()[from..];
        let hit = match k {
            0 => memchr::memmem::find(hay, b"]]"),
            1 => memchr::memchr(b']', hay),
            _ => memchr::memchr(b')', hay),
        }
        .map(|h| from + h);
        self.found[k] = Some((from, hit));
        hit
    }

    /// The visible text of a link starting at `i` (`[`), and the index after it.
    fn text<'s>(&mut self, s: &'s str, i: usize) -> Option<(&'s str, usize)> {
        let rest = &s[i..];
        if rest.starts_with("[[") {
            let close = self.first(s, 0, i + 2)?;
            let body = &s[i + 2..close];
            // Org: [[url][text]]; wiki: [[target|text]] or [[target]]
            let text = if let Some(p) = body.find("][") {
                &body[p + 2..]
            } else if let Some(p) = body.find('|') {
                &body[p + 1..]
            } else {
                body
            };
            return Some((text, close + 2));
        }
        let close = self.first(s, 1, i)?;
        let text = &s[i + 1..close];
        if s[close + 1..].starts_with('(') {
            let end = self.first(s, 2, close + 1)?;
            return Some((text, end + 1));
        }
        // A Pandoc span, `[Ana Ruiz]{.speaker}`: its text. (Its `}` looked for in the
        // next 200 bytes only: a line of `]{` never closed stays linear.)
        if s[close + 1..].starts_with('{') {
            let window = &s.as_bytes()[close + 1..(close + 201).min(s.len())];
            let end = close + 1 + memchr::memchr(b'}', window)?;
            return Some((text, end + 1));
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::strip_inline;

    #[test]
    fn strip_inline_keeps_words_and_drops_markup() {
        assert_eq!(strip_inline("**\"Async all the way\"** by Ana"), "\"Async all the way\" by Ana");
        assert_eq!(strip_inline("A talk by [Jane Doe](https://x.org/jd)"), "A talk by Jane Doe");
        assert_eq!(strip_inline("see [[Rust]] and [[a|b]]"), "see Rust and b");
        assert_eq!(strip_inline("[[https://x.org][the site]]"), "the site");
        assert_eq!(strip_inline("use `snake_case` names"), "use snake_case names");
        assert_eq!(strip_inline("a * b and a_b"), "a * b and a_b");
        assert_eq!(strip_inline("*bold* and _it_"), "bold and it");
        // A marker that is never closed is a character of the text.
        assert_eq!(strip_inline("=SUM(1,2) and end"), "=SUM(1,2) and end");
        assert_eq!(strip_inline("*.spy instead of *.py"), "*.spy instead of *.py");
        assert_eq!(strip_inline("**Speaker**: *Ana* and ~x"), "Speaker: Ana and ~x");
        // Nested and crossed emphasis, openings never closed, links never closed.
        assert_eq!(strip_inline("**a *b _c_ d* e**"), "a b c d e");
        assert_eq!(strip_inline("*a _b* c_"), "a _b c_");
        assert_eq!(strip_inline("*a b_ c"), "*a b_ c");
        assert_eq!(strip_inline("[a [b](c) [[d|e]] [f"), "a [b e [f");
        assert_eq!(strip_inline("[a](b [c](d) e"), "a e");
        // Pandoc spans.
        assert_eq!(strip_inline("By [Lukas Egger]{.speaker}, cynkra"), "By Lukas Egger, cynkra");
        assert_eq!(strip_inline("[a]{ never closed"), "[a]{ never closed");
    }
}
