//! The markup readers: each turns a note's text into the [`Blocks`] of
//! [`super::document`], the one model the talk detector reads. One module per markup;
//! this one picks the markup ([`detect`]) and dispatches ([`parse`]), and holds what the
//! readers share (line numbers, front matter and `key:: value` fields).
//!
//! Every reader is linear in its input: it walks the text once (or, for Markdown,
//! pulldown-cmark does), keeps nesting as numbers rather than by recursion, and finds
//! line numbers in a table of line starts.

pub(crate) mod admonition;
pub mod asciidoc;
pub mod bib;
pub(crate) mod bold;
pub(crate) mod callout;
pub(crate) mod chat;
pub(crate) mod decoration;
pub mod delimited;
pub(crate) mod escape;
pub(crate) mod grid;
pub(crate) mod html;
pub mod ical;
pub mod ipynb;
pub mod latex;
pub mod markdown;
pub(crate) mod mediawiki;
pub mod org;
pub mod outliner;
pub(crate) mod page;
pub mod plain;
pub mod records;
pub mod rst;
pub mod tiddly;
pub mod wiki;

use super::document::{Block, BlockKind, Blocks, Markup, Property, Row};

/// Parses `text` (with `\n` line endings, as [`super::read`] gives it) written in
/// `markup` into blocks, each with its 1-based lines in `text`.
pub fn parse(markup: Markup, text: &str) -> Blocks<'_> {
    parse_indexed(markup, text, &LineIndex::new(text))
}

/// [`parse`] with the index of `text`'s lines, built by the caller (who shares it with
/// the talk detector).
pub(crate) fn parse_indexed<'t>(markup: Markup, text: &'t str, lines: &LineIndex) -> Blocks<'t> {
    let mut blocks = match markup {
        Markup::Org => org::parse(text),
        Markup::Plain => plain::parse(text),
        Markup::Rst => rst::parse(text),
        Markup::AsciiDoc => asciidoc::parse(text),
        Markup::Outliner => outliner::parse(text),
        Markup::Wiki => wiki::parse(text),
        Markup::Table => delimited::parse(text),
        // A notebook's text is already Markdown, on the notebook's lines
        // ([`ipynb::to_text`], applied when the file is read).
        Markup::Markdown | Markup::Notebook => markdown::parse_indexed(text, lines),
    };
    decoration::strip_blocks(&mut blocks);
    // A table pasted with tabs, in any markup (a note without a tab has none: one
    // search of the note instead of one per paragraph, 6 M instructions on the 10 MB
    // corpus); as comma-separated values, in plain text (a Markdown note pastes a CSV
    // in a code block, or writes a table).
    let csv = markup == Markup::Plain;
    if csv || memchr::memchr(b'\t', text.as_bytes()).is_some() {
        tables_from_separated(&mut blocks, csv);
    }
    blocks
}

/// Turns each paragraph that holds a table pasted with tabs ([`tab_table`]) or, when
/// `csv`, as comma- or semicolon-separated values under a header ([`csv_table`]) into
/// that table, after a paragraph of the lines over it (`schedule:`).
fn tables_from_separated(blocks: &mut Blocks<'_>, csv: bool) {
    let may_hold = |b: &Block| {
        matches!(&b.kind, BlockKind::Paragraph { text }
            if (if csv { memchr::memchr3(b'\t', b',', b';', text.as_bytes()) } else { memchr::memchr(b'\t', text.as_bytes()) }).is_some()
                && memchr::memchr(b'\n', text.as_bytes()).is_some())
    };
    if !blocks.blocks.iter().any(may_hold) {
        return;
    }
    let mut out = Vec::with_capacity(blocks.blocks.len() + 1);
    for b in std::mem::take(&mut blocks.blocks) {
        let BlockKind::Paragraph { text } = &b.kind else {
            out.push(b);
            continue;
        };
        let Some((lead, table)) = tab_table(text, b.line).or_else(|| csv.then(|| csv_table(text, b.line)).flatten())
        else {
            out.push(b);
            continue;
        };
        let lead_u32 = u32::try_from(lead).unwrap_or(u32::MAX);
        if lead > 0 {
            let text = text.split('\n').take(lead).collect::<Vec<_>>().join("\n");
            out.push(Block {
                kind: BlockKind::Paragraph { text: text.into() },
                line: b.line,
                end: b.line.saturating_add(lead_u32 - 1),
            });
        }
        out.push(Block { kind: table, line: b.line.saturating_add(lead_u32), end: b.end });
    }
    blocks.blocks = out;
}

/// A schedule pasted as comma- (or semicolon-) separated values: a header row of two or
/// more short labels (one to three words, no digit, no blank after a separator, as a
/// spreadsheet or a web page exports it: `Time,Title,Speaker`) among the
/// paragraph's first four lines, then two or more rows of as many cells (a cell in
/// double quotes may hold the separator, `""` is a quote), to the paragraph's end.
/// Gives how many lines lead and the table, its header the header row.
fn csv_table(text: &str, line: u32) -> Option<(usize, BlockKind<'static>)> {
    // The header, found without allocating: most paragraphs with a comma are prose
    // (a String per cell of every paragraph's first lines was 380 M instructions on the
    // 10 MB corpus).
    // A header as a spreadsheet or a web page exports it: no blank after a separator
    // (prose writes `, `), which rejects most prose at its first comma.
    let label_row = |l: &str, sep: u8| {
        let b = l.as_bytes();
        l.len() <= 160
            && memchr::memchr(sep, b).is_some()
            && memchr::memchr_iter(sep, b).all(|i| b.get(i + 1).is_some_and(|&c| c != b' '))
            && !b.iter().any(|c| c.is_ascii_digit() || *c == b'"')
            && l.split(char::from(sep)).all(|c| (1..=3).contains(&c.split_whitespace().count()))
    };
    let (lead, sep) = text
        .split('\n')
        .take(4)
        .enumerate()
        .find_map(|(k, l)| [b',', b';'].into_iter().find(|&s| label_row(l, s)).map(|s| (k, s)))?;
    let lines: Vec<&str> = text.split('\n').collect();
    if lines.len() < lead + 3 {
        return None;
    }
    let header = csv_cells(lines[lead], sep);
    let mut rows = Vec::with_capacity(lines.len() - lead - 1);
    for (k, l) in lines.iter().enumerate().skip(lead + 1) {
        let cells = csv_cells(l, sep);
        if cells.len() != header.len() {
            return None;
        }
        rows.push(Row { cells, line: line.saturating_add(u32::try_from(k).unwrap_or(u32::MAX)) });
    }
    let header = Row { cells: header, line: line.saturating_add(u32::try_from(lead).unwrap_or(u32::MAX)) };
    Some((lead, BlockKind::Table { header: Some(header), rows }))
}

/// The cells of a line of separated values, trimmed; a cell in double quotes may hold
/// the separator, and `""` in it is a quote.
fn csv_cells(line: &str, sep: u8) -> Vec<String> {
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            '"' if quoted => quoted = false,
            '"' if cell.trim().is_empty() => {
                cell.clear();
                quoted = true;
            }
            c if !quoted && c == char::from(sep) => cells.push(std::mem::take(&mut cell).trim().to_string()),
            c => cell.push(c),
        }
    }
    cells.push(cell.trim().to_string());
    cells
}

/// The markup of a note, from its file's extension (`md`, `org`, ..., without the dot,
/// any case) and, where the extension leaves it open, its content:
///
/// - `.md`, `.markdown`: Markdown, or an outliner page when its lines are nearly all
///   `- ` bullets and `key:: value` fields ([`outliner::is_outliner`]);
/// - `.textile`: wiki markup;
/// - `.txt` and any other extension (those added with `--ext`): plain text, unless the
///   text is Confluence/Jira wiki markup ([`wiki::looks_like_wiki`]: `h1.`/`h2.`
///   headings), then wiki markup, or looks like Markdown ([`plain::looks_like_markdown`]: two or more `#` heading
///   lines, a closed code fence, or a table's `|---|` delimiter row) and is no chat
///   transcript ([`chat::frames`]: a channel copied with code in a message), then
///   Markdown;
/// - `.org`: Org; `.rst`, `.rest`: reStructuredText; `.adoc`, `.asciidoc`: AsciiDoc;
/// - `.ipynb`: a Jupyter notebook (its JSON is turned into Markdown by
///   [`ipynb::to_text`] when the file is read);
/// - `.csv`, `.tsv`: a schedule exported as separated values ([`delimited`]).
pub fn detect(ext: &str, text: &str) -> Markup {
    match ext.to_ascii_lowercase().as_str() {
        "md" | "markdown" if outliner::is_outliner(text) => Markup::Outliner,
        "md" | "markdown" => Markup::Markdown,
        "org" => Markup::Org,
        "rst" | "rest" => Markup::Rst,
        "adoc" | "asciidoc" => Markup::AsciiDoc,
        "ipynb" => Markup::Notebook,
        "textile" | "wiki" | "mediawiki" | "tid" => Markup::Wiki,
        "csv" | "tsv" => Markup::Table,
        // An outline typed as text (Workflowy, Dynalist, an indented `- ` list).
        _ if outliner::is_outliner(text) => Markup::Outliner,
        _ if wiki::looks_like_wiki(text) => Markup::Wiki,
        // A chat copied with a code block in a message is still a chat.
        _ if plain::looks_like_markdown(text) && chat::frames(text.split('\n')).is_none() => Markup::Markdown,
        _ => Markup::Plain,
    }
}

/// The leading blanks of a line as a column count (a tab moves to the next multiple
/// of 4).
pub(crate) fn indent_of(line: &str) -> usize {
    let mut col = 0;
    for b in line.bytes() {
        match b {
            b' ' => col += 1,
            b'\t' => col = (col / 4 + 1) * 4,
            _ => break,
        }
    }
    col
}

/// Depth of list items from their indentation: an item indented more than the one
/// before is nested in it; one indented as an earlier item is its sibling.
#[derive(Debug, Default)]
pub(crate) struct Nesting {
    indents: Vec<usize>,
}

impl Nesting {
    /// The depth (0 at the top) of an item at column `indent`.
    pub(crate) fn depth(&mut self, indent: usize) -> usize {
        while self.indents.last().is_some_and(|&top| indent < top) {
            self.indents.pop();
        }
        if self.indents.last() != Some(&indent) {
            self.indents.push(indent);
        }
        self.indents.len() - 1
    }

    /// Forgets every open item (after text at the left margin).
    pub(crate) fn reset(&mut self) {
        self.indents.clear();
    }
}

/// Collects the blocks of a line-based reader: paragraphs from runs of lines, list
/// items that take continuation lines, properties that gather into one block while
/// they follow each other.
#[derive(Debug, Default)]
pub(crate) struct Builder<'t> {
    blocks: Vec<Block<'t>>,
    para: String,
    para_line: u32,
    para_end: u32,
    /// The last block is a list item that takes continuation lines.
    item_open: bool,
}

impl<'t> Builder<'t> {
    /// Adds a line of prose to the current paragraph (opening one).
    pub(crate) fn text(&mut self, text: &str, line: u32) {
        self.item_open = false;
        if self.para.is_empty() {
            self.para_line = line;
        } else {
            self.para.push('\n');
        }
        self.para.push_str(text.trim());
        self.para_end = line;
    }

    /// Ends the current paragraph and list item (a blank line).
    pub(crate) fn blank(&mut self) {
        self.flush();
        self.item_open = false;
    }

    /// Adds a block of its own.
    pub(crate) fn block(&mut self, kind: BlockKind<'t>, line: u32, end: u32) {
        self.blank();
        self.blocks.push(Block { kind, line, end: end.max(line) });
    }

    /// Adds a list item that takes the continuation lines that follow.
    pub(crate) fn item(&mut self, depth: usize, marker: &str, text: &str, line: u32) {
        let kind = BlockKind::ListItem {
            depth: sat_u8(depth),
            marker: marker.to_string().into(),
            text: text.trim().to_string().into(),
        };
        self.block(kind, line, line);
        self.item_open = true;
    }

    /// Adds a continuation line to the open list item; `false` when none is open.
    pub(crate) fn continue_item(&mut self, text: &str, line: u32) -> bool {
        if !self.item_open || !self.para.is_empty() {
            return false;
        }
        match self.blocks.last_mut() {
            Some(Block { kind: BlockKind::ListItem { text: t, .. }, end, .. }) => {
                if !t.is_empty() {
                    t.to_mut().push('\n');
                }
                t.to_mut().push_str(text.trim());
                *end = line;
                true
            }
            _ => false,
        }
    }

    /// Adds a field, to the properties block just before when it ends on the line
    /// before, else to a new one.
    pub(crate) fn property(&mut self, key: &str, value: &str, line: u32) {
        let prop = Property { key: key.trim().to_string(), value: value.trim().to_string(), line };
        if self.para.is_empty() {
            if let Some(Block { kind: BlockKind::Properties(props), end, .. }) = self.blocks.last_mut() {
                if *end + 1 == line {
                    props.push(prop);
                    *end = line;
                    return;
                }
            }
        }
        self.block(BlockKind::Properties(vec![prop]), line, line);
    }

    /// The last block, when it is a properties block (to continue a field's value).
    pub(crate) fn last_properties(&mut self) -> Option<&mut Block<'t>> {
        match self.blocks.last_mut() {
            Some(b @ Block { kind: BlockKind::Properties(_), .. }) if self.para.is_empty() => Some(b),
            _ => None,
        }
    }

    fn flush(&mut self) {
        if !self.para.is_empty() {
            let text = std::mem::take(&mut self.para);
            self.blocks.push(Block {
                kind: BlockKind::Paragraph { text: text.into() },
                line: self.para_line,
                end: self.para_end,
            });
        }
    }

    /// The blocks collected.
    pub(crate) fn finish(mut self) -> Blocks<'t> {
        self.flush();
        Blocks { blocks: self.blocks }
    }
}

/// A paragraph pasted from a spreadsheet or a schedule's web page: two or more lines,
/// every one holding the same number (two or more) of cells separated by tabs (a run of
/// tabs, as people align columns, is one separator), maybe under lines with no tab
/// (`schedule:`). Gives how many lines lead (no tab) and the table. Its first row is
/// the header when every cell of it is a short label (one to three words, no digit:
/// `Time`, `Speaker`, `Room`), as a schedule's is.
fn tab_table(text: &str, line: u32) -> Option<(usize, BlockKind<'static>)> {
    memchr::memchr(b'\t', text.as_bytes())?;
    // Cells between runs of tabs (tabs that align the columns), or, when the rows
    // differ in their number of those, cells at their places, empty ones kept (a
    // spreadsheet's copy: `08:30<TAB><TAB>Registratie<TAB>`).
    tab_rows(text, line, false).or_else(|| tab_rows(text, line, true))
}

fn tab_rows(text: &str, line: u32, placed: bool) -> Option<(usize, BlockKind<'static>)> {
    let cells = |l: &str| -> Vec<String> {
        let mut c: Vec<String> =
            l.split('\t').map(str::trim).filter(|c| placed || !c.is_empty()).map(String::from).collect();
        while placed && c.last().is_some_and(String::is_empty) {
            c.pop();
        }
        c
    };
    let lead = text.split('\n').take_while(|l| !l.contains('\t')).count();
    let mut rows: Vec<Row> = Vec::new();
    for (k, l) in text.split('\n').enumerate().skip(lead) {
        let mut c = cells(l);
        let filled = c.iter().filter(|c| !c.is_empty()).count();
        let width = rows.first().map(|r| r.cells.len());
        if filled < 2 && !placed
            || filled < 1
            || !l.contains('\t')
            || width.is_some_and(|w| if placed { c.len() > w } else { w != c.len() })
        {
            return None;
        }
        if let Some(w) = width {
            c.resize(w, String::new());
        }
        rows.push(Row { cells: c, line: line.saturating_add(u32::try_from(k).unwrap_or(u32::MAX)) });
    }
    // (`Created:<TAB>8/9/2023` / `Author:<TAB>Dana Kessler`: fields, as a notes app
    // exports its header, not a table.)
    if rows.len() < 2 || rows.iter().all(|r| r.cells.len() == 2 && r.cells[0].ends_with(':')) {
        return None;
    }
    let label = |c: &String| (1..=3).contains(&c.split_whitespace().count()) && !c.bytes().any(|b| b.is_ascii_digit());
    let header = rows[0].cells.iter().all(label).then(|| rows.remove(0));
    Some((lead, BlockKind::Table { header, rows }))
}

#[cfg(test)]
mod csv_tests {
    use super::*;

    #[test]
    fn a_pasted_csv_schedule_is_a_table() {
        let text = "schedule:\nTime,Title,Speaker\n19:00,Profiling views,Camille Girard\n19:30,\"Streaming data, the Kafka way\",Hugo Lambert";
        let (lead, table) = csv_table(text, 10).unwrap();
        assert_eq!(lead, 1);
        let BlockKind::Table { header, rows } = table else { panic!("a table") };
        assert_eq!(header.unwrap().cells, ["Time", "Title", "Speaker"]);
        assert_eq!(rows[1].cells, ["19:30", "Streaming data, the Kafka way", "Hugo Lambert"]);
        assert_eq!(rows[1].line, 13);
        // Prose with commas is no table.
        assert!(
            csv_table("We tried Polars, DuckDB and pandas.\nThen, after lunch, more.\nAnd so on, and on.", 1).is_none()
        );
    }
}

/// The lines of a text with their 1-based numbers (a final line break opens no line).
pub(crate) fn numbered(text: &str) -> impl Iterator<Item = (u32, &str)> {
    let body = text.strip_suffix('\n').unwrap_or(text);
    body.split('\n').enumerate().map(|(i, l)| (u32::try_from(i + 1).unwrap_or(u32::MAX), l))
}

/// A list marker at the start of `s` (already without indentation): `-`, `*`, `+`,
/// `•`, `–` or a number (`1.`, `2)`) followed by a blank; a checkbox after it (`[ ]`,
/// `[x]`) is part of the marker. Gives the marker and the text after it.
pub(crate) fn list_marker<'a>(s: &'a str, bullets: &[char]) -> Option<(String, &'a str)> {
    let first = s.chars().next()?;
    let len = if bullets.contains(&first) {
        first.len_utf8()
    } else {
        let digits = s.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || digits > 9 || !matches!(s.as_bytes().get(digits), Some(b'.' | b')')) {
            return None;
        }
        digits + 1
    };
    let rest = &s[len..];
    if !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    let mut marker = s[..len].to_string();
    let mut rest = rest.trim_start();
    for (box_, shown) in [("[ ]", " [ ]"), ("[x]", " [x]"), ("[X]", " [x]"), ("[-]", " [-]")] {
        if let Some(r) = rest.strip_prefix(box_) {
            if r.is_empty() || r.starts_with([' ', '\t']) {
                marker.push_str(shown);
                rest = r.trim_start();
            }
            break;
        }
    }
    Some((marker, rest))
}

/// The start offset of every line of a text, to turn byte offsets into 1-based lines
/// in `O(log lines)` each. Built once per note and shared by the Markdown reader and
/// the talk detector ([`super::analyse`]).
#[derive(Debug, Clone)]
pub(crate) struct LineIndex {
    /// Where each line starts, and `text.len()` after a final line break.
    starts: Vec<usize>,
    /// The number of lines (a final line break does not open one).
    lines: usize,
    /// The last answer of [`LineIndex::line`] (as an index into `starts`): a reader asks
    /// about places mostly in order, so the next answer is at or a few lines after it,
    /// found without a binary search over the whole file (the two searches per block
    /// were 39 M instructions of the notes stage on the 10 MB corpus).
    hint: std::cell::Cell<usize>,
}

/// Appends to `starts` one past each `\n` of `text`, in order: where the lines after
/// the first start. One searcher for the whole text, where `memchr_iter` builds one
/// for each line break it finds: over the lines of a note or a section, that was a
/// third of their cost (`LineIndex::new` 24.7 M -> 15.6 M instructions, `Body::new`
/// 7.6 M less, on 10 MB of notes, callgrind). (Not so for a paragraph's few lines:
/// `source_lines` 24.7 M -> 25.6 M, tried.)
pub(crate) fn line_starts(text: &[u8], starts: &mut Vec<usize>) {
    #[cfg(target_arch = "x86_64")]
    if let Some(one) = memchr::arch::x86_64::avx2::memchr::One::new(b'\n') {
        for i in one.iter(text) {
            starts.push(i + 1);
        }
        return;
    }
    starts.extend(memchr::memchr_iter(b'\n', text).map(|i| i + 1));
}

impl LineIndex {
    /// Indexes `text`'s lines (split on `\n`).
    pub(crate) fn new(text: &str) -> Self {
        let mut starts = Vec::with_capacity(text.len() / 24 + 2);
        starts.push(0);
        line_starts(text.as_bytes(), &mut starts);
        // A final line break does not open a line of its own.
        let lines =
            if starts.len() > 1 && starts.last() == Some(&text.len()) { starts.len() - 1 } else { starts.len() };
        LineIndex { starts, lines, hint: std::cell::Cell::new(0) }
    }

    /// Where each line starts (index 0 is line 1), followed by `text.len()` when the
    /// text ends with a line break.
    pub(crate) fn starts(&self) -> &[usize] {
        &self.starts
    }

    /// [`starts`](Self::starts), kept.
    pub(crate) fn into_starts(self) -> Vec<usize> {
        self.starts
    }

    /// The 1-based line holding byte `offset` (the last line for an offset past the end).
    pub(crate) fn line(&self, offset: usize) -> u32 {
        // The number of lines starting at or before `offset`: from the last answer when
        // `offset` is at or after it (a few steps, then a binary search over the rest),
        // else over the whole file.
        let starts = &self.starts;
        let h = self.hint.get();
        let i = if h > 0 && h <= starts.len() && starts[h - 1] <= offset {
            let mut i = h;
            while i < starts.len() && i < h + 8 && starts[i] <= offset {
                i += 1;
            }
            if i < starts.len() && starts[i] <= offset {
                i + starts[i..].partition_point(|&s| s <= offset)
            } else {
                i
            }
        } else {
            starts.partition_point(|&s| s <= offset)
        };
        self.hint.set(i);
        u32::try_from(i.min(self.lines).max(1)).unwrap_or(u32::MAX)
    }

    /// The lines `start..end` (a byte range, `end` exclusive) spans: first and last.
    pub(crate) fn span(&self, start: usize, end: usize) -> (u32, u32) {
        let first = self.line(start);
        let last = if end > start { self.line(end - 1) } else { first };
        (first, last.max(first))
    }
}

/// A line of the form `key:: value` (Obsidian Dataview, Logseq): the key is one to
/// four words of letters, digits, `-` or `_`, the value may be empty.
pub(crate) fn double_colon_field(line: &str) -> Option<(&str, &str)> {
    // The first `::`, found with memchr (`split_once("::")` builds a substring searcher
    // for every line asked about).
    let t = line.trim();
    let at = memchr::memchr_iter(b':', t.as_bytes()).find(|&i| t.as_bytes().get(i + 1) == Some(&b':'))?;
    let (key, value) = (&t[..at], &t[at + 2..]);
    let key = key.trim_end();
    if key.is_empty() || key.len() > 60 || key.split_whitespace().count() > 4 {
        return None;
    }
    if !key.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '_' || c == ' ') {
        return None;
    }
    if !(value.is_empty() || value.starts_with(' ') || value.starts_with('\t')) {
        return None;
    }
    Some((key, value.trim()))
}

/// Parses the body of a YAML (or TOML, `key = value`) front matter block: `key: value`
/// fields with scalar values unquoted (`"..."` with its escapes decoded, `'...'` with
/// `''`), flow lists `[a, b]` and block lists (`- a` lines under a key) joined by `, `.
/// Nested maps keep their inner keys as fields of their own. `first_line` is the
/// 1-based line of the body's first line.
pub(crate) fn front_matter(body: &str, first_line: u32) -> Vec<Property> {
    let mut out: Vec<Property> = Vec::new();
    // The property a block list (`- item` lines) adds to, while it runs.
    let mut list_of: Option<usize> = None;
    for (i, raw) in body.split('\n').enumerate() {
        let line = first_line.saturating_add(u32::try_from(i).unwrap_or(u32::MAX));
        let t = raw.trim();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        if let Some(item) = t.strip_prefix("- ").or((t == "-").then_some("")) {
            if let Some(p) = list_of {
                let item = unquote(item.trim());
                if !item.is_empty() {
                    if !out[p].value.is_empty() {
                        out[p].value.push_str(", ");
                    }
                    out[p].value.push_str(&item);
                }
                continue;
            }
        }
        // YAML `key: value`, or TOML `key = value` when an `=` comes before any `:`.
        let split = match t.split_once(':') {
            Some((k, v)) if !k.contains('=') => Some((k, v)),
            _ => t.split_once('='),
        };
        let Some((key, value)) = split else { continue };
        let key = unquote(key.trim());
        if key.is_empty() {
            continue;
        }
        let value = value.trim();
        let value = if let Some(inner) = value.strip_prefix('[').and_then(|v| v.strip_suffix(']')) {
            split_flow(inner).iter().map(|s| unquote(s)).filter(|s| !s.is_empty()).collect::<Vec<_>>().join(", ")
        } else {
            unquote(value)
        };
        list_of = if value.is_empty() { Some(out.len()) } else { None };
        out.push(Property { key, value, line });
    }
    out
}

/// Splits a flow list's inside at commas that are not inside quotes.
fn split_flow(inner: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut quote = None;
    let mut start = 0;
    let mut escaped = false;
    for (i, c) in inner.char_indices() {
        match (quote, c) {
            (Some('"'), '\\') if !escaped => {
                escaped = true;
                continue;
            }
            (Some(q), c) if c == q && !escaped => quote = None,
            (None, '"' | '\'') => quote = Some(c),
            (None, ',') => {
                out.push(inner[start..i].trim());
                start = i + 1;
            }
            _ => {}
        }
        escaped = false;
    }
    out.push(inner[start..].trim());
    out
}

/// A YAML scalar without its quotes: `"..."` with its escapes decoded (`\"`, `\\`,
/// `\n`, `\t`, `\uXXXX`), `'...'` with `''` as a quote; a plain scalar loses a trailing
/// ` # comment`.
pub(crate) fn unquote(v: &str) -> String {
    let v = v.trim();
    if v.len() >= 2 && v.starts_with('"') && v.ends_with('"') {
        let inner = &v[1..v.len() - 1];
        let mut out = String::with_capacity(inner.len());
        let mut chars = inner.chars();
        while let Some(c) = chars.next() {
            if c != '\\' {
                out.push(c);
                continue;
            }
            match chars.next() {
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some('u') => {
                    let hex: String = chars.by_ref().take(4).collect();
                    match u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
                        Some(ch) => out.push(ch),
                        None => {
                            out.push_str("\\u");
                            out.push_str(&hex);
                        }
                    }
                }
                Some(other) => out.push(other),
                None => out.push('\\'),
            }
        }
        return out;
    }
    if v.len() >= 2 && v.starts_with('\'') && v.ends_with('\'') {
        return v[1..v.len() - 1].replace("''", "'");
    }
    match v.find(" #") {
        Some(i) => v[..i].trim_end().to_string(),
        None => v.to_string(),
    }
}

/// `n` as a `u8`, saturating: depths and levels beyond 255 are all "very deep".
pub(crate) fn sat_u8(n: usize) -> u8 {
    u8::try_from(n).unwrap_or(u8::MAX)
}

#[cfg(test)]
pub(crate) mod testutil {
    use crate::notes::document::{Block, Blocks};

    /// Checks that every block's lines are inside the text: `1 <= line <= end <= lines`.
    pub(crate) fn assert_lines_in_range(text: &str, blocks: &Blocks) {
        let lines = text.split('\n').count().max(1) as u32;
        for Block { line, end, kind } in &blocks.blocks {
            assert!(1 <= *line && line <= end && *end <= lines, "{kind:?} at {line}..{end} of {lines} lines");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_index_maps_offsets_to_lines() {
        let ix = LineIndex::new("ab\ncd\n\nef");
        assert_eq!([ix.line(0), ix.line(2), ix.line(3), ix.line(6), ix.line(7), ix.line(99)], [1, 1, 2, 3, 4, 4]);
        assert_eq!(ix.span(0, 6), (1, 2));
        assert_eq!(LineIndex::new("a\n").line(2), 1);
        assert_eq!(LineIndex::new("").line(0), 1);
    }

    #[test]
    fn line_index_answers_the_same_in_any_order() {
        // Asked forwards, backwards, by small and by long jumps, it gives what a binary
        // search over the whole file gives.
        let text: String = (0..200).map(|i| format!("{}\n", "x".repeat(i % 7))).collect();
        let ix = LineIndex::new(&text);
        let want = |o: usize| text.as_bytes()[..o.min(text.len())].iter().filter(|&&c| c == b'\n').count() as u32 + 1;
        let n = text.len();
        let order: Vec<usize> =
            (0..n).chain((0..n).rev()).chain((0..n).step_by(97)).chain((0..n).map(|i| (i * 7919) % n)).collect();
        for o in order {
            assert_eq!(ix.line(o), want(o).min(200), "offset {o}");
        }
    }

    #[test]
    fn front_matter_unquotes_and_joins_lists() {
        let fm = "title: \"Say \\\"hi\\\"\"\nspeakers: [Ana Lima, 'Bo, Jr']\ntags:\n  - rust\n  - \"py\"\ndate: 2023-07-19 # day 1\n";
        let got: Vec<(String, String, u32)> =
            front_matter(fm, 2).into_iter().map(|p| (p.key, p.value, p.line)).collect();
        assert_eq!(
            got,
            [
                ("title".into(), "Say \"hi\"".into(), 2),
                ("speakers".into(), "Ana Lima, Bo, Jr".into(), 3),
                ("tags".into(), "rust, py".into(), 4),
                ("date".into(), "2023-07-19".into(), 7),
            ]
        );
        let toml: Vec<String> = front_matter("title = \"A\"\nspeaker = 'B'", 1).into_iter().map(|p| p.value).collect();
        assert_eq!(toml, ["A", "B"]);
    }

    #[test]
    fn tab_separated_paragraphs_are_tables() {
        let row = |cells: &[&str], line| Row { cells: cells.iter().map(|c| c.to_string()).collect(), line };
        let para =
            |text: &'static str, line, end| Block { kind: BlockKind::Paragraph { text: text.into() }, line, end };
        let mut b = Blocks {
            blocks: vec![para(
                "schedule:\nTime\tTitle\t\tSpeaker\n09:30\tAsync Django\t\tAna Lima\n10:15\tRust\tBo Chen",
                3,
                6,
            )],
        };
        tables_from_separated(&mut b, false);
        assert_eq!(
            b.blocks,
            [
                para("schedule:", 3, 3),
                Block {
                    kind: BlockKind::Table {
                        header: Some(row(&["Time", "Title", "Speaker"], 4)),
                        rows: vec![
                            row(&["09:30", "Async Django", "Ana Lima"], 5),
                            row(&["10:15", "Rust", "Bo Chen"], 6)
                        ]
                    },
                    line: 4,
                    end: 6
                }
            ]
        );
        // No header row when the first row is data; ragged rows or one row: no table.
        assert!(matches!(tab_table("09:30\tAsync\n10:15\tRust", 1), Some((0, BlockKind::Table { header: None, .. }))));
        assert!(tab_table("a\tb\nc\td\te", 1).is_none());
        assert!(tab_table("a\tb", 1).is_none());
        assert!(tab_table("a\tb\nplain line", 1).is_none());
    }

    #[test]
    fn double_colon_fields() {
        assert_eq!(double_colon_field("speaker:: Ana Lima"), Some(("speaker", "Ana Lima")));
        assert_eq!(double_colon_field("  talk type:: keynote"), Some(("talk type", "keynote")));
        assert_eq!(double_colon_field("see std::vec::Vec"), None);
        assert_eq!(double_colon_field("a::b"), None);
    }
}
