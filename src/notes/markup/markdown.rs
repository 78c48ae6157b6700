//! The Markdown reader: CommonMark with GFM tables, task lists and strikethrough, parsed
//! by pulldown-cmark, turned into [`Blocks`].
//!
//! What becomes what:
//!
//! - ATX (`## Title`) and setext (a line underlined with `===` or `---`) headings:
//!   [`BlockKind::Heading`], the title as written without its marker (a setext title of
//!   several lines is joined with spaces). CommonMark's rules are kept as they are: a
//!   `# comment` line outside a code fence *is* a heading, and the talk detector decides
//!   what it is worth;
//! - paragraphs: [`BlockKind::Paragraph`], the source lines as written (inline markup
//!   kept, indentation and trailing spaces trimmed) joined with `\n`; runs of
//!   `key:: value` lines inside a paragraph (Obsidian Dataview, Logseq) become
//!   [`BlockKind::Properties`] instead;
//! - list items: [`BlockKind::ListItem`] with their depth (0 at the top), their marker as
//!   written (`-`, `*`, `+`, `1.`, `2)`, `- [ ]`, `- [x]`) and their first paragraph (all
//!   its lines) as text; an item's later paragraphs, code and tables follow it as blocks
//!   of their own;
//! - GFM tables: [`BlockKind::Table`], header and rows, each cell's source trimmed;
//! - fenced and indented code: [`BlockKind::Code`] with the fence's language (the first
//!   word of its info string); an unclosed fence runs to the end of the file, as
//!   CommonMark says;
//! - block quotes: one [`BlockKind::Quote`] per outermost quote, with its lines stripped
//!   of their `>` markers (what is inside a quote is not split further);
//! - thematic breaks (`---`, `***`, `___`): [`BlockKind::Separator`];
//! - YAML front matter (`---` ... `---` at the top) and TOML front matter (`+++`):
//!   [`BlockKind::Properties`] (see [`super::front_matter`] for the values);
//! - HTML blocks: a [`BlockKind::Paragraph`] of their source, except comments, which are
//!   dropped.

use std::borrow::Cow;
use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::{callout, double_colon_field, front_matter, sat_u8, LineIndex};
use crate::notes::document::{Block, BlockKind, Blocks, Property, Row};

/// Parses Markdown `text` into blocks with their 1-based lines.
pub fn parse(text: &str) -> Blocks<'_> {
    parse_indexed(text, &LineIndex::new(text))
}

/// [`parse`] with the index of `text`'s lines.
pub(crate) fn parse_indexed<'t>(text: &'t str, lines: &LineIndex) -> Blocks<'t> {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS
        | Options::ENABLE_DEFINITION_LIST;
    let mut reader = Reader::new(text, lines);
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        reader.event(event, range);
    }
    reader.finish()
}

/// What is open around the current event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Open {
    /// A list item (index of its block).
    Item(usize),
    /// A list.
    List,
    /// Any other block.
    Other,
}

/// A list item still waiting for its text: its block and the span of the inline
/// content seen so far directly inside it (a tight item has no paragraph).
#[derive(Debug)]
struct Pending {
    block: usize,
    inline: Option<Range<usize>>,
}

struct Reader<'t, 'l> {
    text: &'t str,
    lines: &'l LineIndex,
    blocks: Vec<Block<'t>>,
    open: Vec<Open>,
    /// Inside a block whose content is not split further (a quote, an HTML block): the
    /// number of tags open inside it, itself included.
    swallow: usize,
    lists: usize,
    pending: Option<Pending>,
    /// The code block or front matter being filled with its text events.
    code: Option<usize>,
    meta: Option<usize>,
    table: Option<usize>,
    row: Option<(Vec<String>, u32, bool)>,
    /// The note has a `::` somewhere: its paragraphs may hold `key:: value` fields.
    colons: bool,
    /// The level of the last heading (0 before the first): a callout's title is a
    /// heading one level under it.
    level: u8,
    /// The note holds inline HTML or entities (a web page pasted), which the text of
    /// its paragraphs, headings and items is read without ([`super::html`]).
    html: bool,
    /// The note holds a backslash: its escapes (`\-`, `\#`, `\+`, as a document
    /// exported to Markdown writes them) are read as the characters they escape.
    escapes: bool,
    /// The note holds a pad's author tags (`[name=Svenja]`, [`super::escape::untagged`]).
    authored: bool,
}

impl<'t, 'l> Reader<'t, 'l> {
    fn new(text: &'t str, lines: &'l LineIndex) -> Self {
        Reader {
            text,
            lines,
            // About one block per 90 bytes of notes (growing the list was 6 M
            // instructions on the 10 MB corpus, now 1 M).
            blocks: Vec::with_capacity(text.len() / 90 + 4),
            open: Vec::new(),
            swallow: 0,
            lists: 0,
            pending: None,
            code: None,
            meta: None,
            table: None,
            row: None,
            colons: memchr::memmem::find(text.as_bytes(), b"::").is_some(),
            level: 0,
            html: super::html::present(text),
            escapes: memchr::memchr(b'\\', text.as_bytes()).is_some(),
            authored: super::escape::has_tags(text),
        }
    }

    fn push(&mut self, kind: BlockKind<'t>, range: &Range<usize>) -> usize {
        let (line, end) = self.lines.span(range.start, range.end);
        self.blocks.push(Block { kind, line, end });
        self.blocks.len() - 1
    }

    /// An HTML block (notes exported from a web page or a tool that writes HTML):
    /// `<h1>`..`<h6>` lines are headings, `<li>` lines list items, and the text of the
    /// other lines, without its tags, paragraphs; a line with no text ends a paragraph.
    /// `start` is the block's byte offset in the note.
    fn html_block(&mut self, src: &str, start: usize) {
        let mut para: Option<(String, Range<usize>)> = None;
        let mut at = start;
        // The end of a table read as a whole, in `src`.
        let mut table_end = 0;
        for line in src.split_inclusive('\n') {
            let range = at..at + line.trim_end().len().max(1);
            at += line.len();
            if at - start <= table_end {
                continue;
            }
            let t = line.trim();
            if let Some(end) = self.html_table(src, at - line.len() - start, start) {
                if let Some((text, r)) = para.take() {
                    self.push(BlockKind::Paragraph { text: text.into() }, &r);
                }
                table_end = end;
                continue;
            }
            let heading = html_heading(t);
            // (A Markdown item inside the block too: `<p>Great talk.</p>` / `- notes`.)
            let md_item = t.strip_prefix(['-', '*', '+']).filter(|r| r.starts_with(' '));
            let item = t.strip_prefix("<li").filter(|r| r.starts_with(['>', ' '])).or(md_item);
            let text = strip_tags(md_item.unwrap_or(t));
            if heading.is_some() || item.is_some() || text.is_empty() {
                if let Some((text, r)) = para.take() {
                    self.push(BlockKind::Paragraph { text: text.into() }, &r);
                }
            }
            if let Some(level) = heading.filter(|_| !text.is_empty()) {
                self.push(BlockKind::Heading { level, text: text.into() }, &range);
            } else if item.is_some() && !text.is_empty() {
                self.push(BlockKind::ListItem { depth: 0, marker: "-".into(), text: text.into() }, &range);
            } else if !text.is_empty() {
                match &mut para {
                    Some((p, r)) => {
                        p.push('\n');
                        p.push_str(&text);
                        r.end = range.end;
                    }
                    None => para = Some((text, range)),
                }
            }
        }
        if let Some((text, r)) = para {
            self.push(BlockKind::Paragraph { text: text.into() }, &r);
        }
    }

    /// A `<table>` opening on the line at `from` of an HTML block `src` (at `start` in
    /// the note), a schedule pasted from a page: a table block, its header the first
    /// row when its cells are `<th>`. Where the table ends in `src`.
    fn html_table(&mut self, src: &str, from: usize, start: usize) -> Option<usize> {
        let line = &src[from..];
        let open = line.split('\n').next()?.to_ascii_lowercase().find("<table")?;
        let rest = &line[open..];
        let end = rest.to_ascii_lowercase().find("</table>").map_or(src.len(), |k| from + open + k + 8);
        let mut rows = super::html::table_rows(&src[from + open..end]);
        if rows.is_empty() {
            return None;
        }
        let header = rows[0].2.then(|| rows.remove(0));
        let row = |(cells, at, _): (Vec<String>, usize, bool), lines: &LineIndex| Row {
            cells,
            line: lines.span(start + from + open + at, start + from + open + at + 1).0,
        };
        let header = header.map(|h| row(h, self.lines));
        let rows = rows.into_iter().map(|r| row(r, self.lines)).collect();
        self.push(BlockKind::Table { header, rows }, &(start + from..start + end));
        Some(end)
    }

    /// Reads one event. Inline content read by nobody (outside a list item waiting for
    /// its text, a code block and front matter: most of the events of a note) is passed
    /// over here, without the call that reads blocks (on the 10 MB corpus this took the
    /// reader, pulldown-cmark's passes included, from 436 M instructions to 426 M).
    #[inline]
    fn event(&mut self, event: Event<'t>, range: Range<usize>) {
        let inline = match &event {
            Event::Start(tag) => !is_block(tag),
            Event::End(tag) => !is_block_end(*tag),
            Event::Text(_) | Event::Code(_) | Event::InlineHtml(_) | Event::SoftBreak | Event::HardBreak => true,
            _ => false,
        };
        if inline && self.swallow == 0 && self.pending.is_none() && self.code.is_none() && self.meta.is_none() {
            return;
        }
        self.block_event(event, range);
    }

    /// [`Reader::event`] for an event that may matter.
    fn block_event(&mut self, event: Event<'t>, range: Range<usize>) {
        if self.swallow > 0 {
            match event {
                Event::Start(_) => self.swallow += 1,
                Event::End(_) => self.swallow -= 1,
                _ => {}
            }
            return;
        }
        match event {
            Event::Start(tag) if is_block(&tag) => self.start(tag, range),
            Event::End(tag) if is_block_end(tag) => self.end(tag),
            Event::Text(t) if self.code.is_some() || self.meta.is_some() => self.fill(&t, &range),
            Event::TaskListMarker(done) => {
                if let Some(p) = &self.pending {
                    if let BlockKind::ListItem { marker, .. } = &mut self.blocks[p.block].kind {
                        marker.to_mut().push_str(if done { " [x]" } else { " [ ]" });
                    }
                }
            }
            Event::Rule => {
                self.settle();
                self.push(BlockKind::Separator, &range);
            }
            // Inline content: it is the text of a tight list item when it sits directly
            // in one; elsewhere its block took it from the source already.
            _ => {
                if let (Some(p), Some(Open::Item(b))) = (&mut self.pending, self.open.last()) {
                    if p.block == *b {
                        let r = p.inline.get_or_insert(range.clone());
                        r.start = r.start.min(range.start);
                        r.end = r.end.max(range.end);
                    }
                }
            }
        }
    }

    fn fill(&mut self, t: &str, range: &Range<usize>) {
        if let Some(b) = self.code {
            if let BlockKind::Code { text, .. } = &mut self.blocks[b].kind {
                text.push_str(t);
            }
        } else if let Some(b) = self.meta {
            let first = self.lines.line(range.start);
            if let BlockKind::Properties(props) = &mut self.blocks[b].kind {
                props.extend(front_matter(t, first));
            }
        }
    }

    fn start(&mut self, tag: Tag<'t>, range: Range<usize>) {
        // A paragraph directly in an item still waiting for text is that item's text.
        if matches!(tag, Tag::Paragraph) {
            if let (Some(p), Some(Open::Item(b))) = (&self.pending, self.open.last()) {
                if p.block == *b && p.inline.is_none() {
                    let block = p.block;
                    self.pending = None;
                    let (_, end) = self.lines.span(range.start, range.end);
                    let item = &mut self.blocks[block];
                    item.end = end.max(item.line);
                    if let BlockKind::ListItem { text, .. } = &mut item.kind {
                        *text = source_lines(&self.text[range]);
                    }
                    self.open.push(Open::Other);
                    return;
                }
            }
        }
        self.settle();
        let src = &self.text[range.clone()];
        match tag {
            Tag::Paragraph => {
                self.paragraph(&range);
                self.open.push(Open::Other);
            }
            Tag::Heading { .. } => {
                self.level = heading_level(&tag);
                self.push(BlockKind::Heading { level: self.level, text: heading_text(src) }, &range);
                let fields = if src.contains('=') { heading_fields(src) } else { Vec::new() };
                if !fields.is_empty() {
                    let line = self.lines.line(range.start);
                    let props = fields
                        .into_iter()
                        .map(|(k, v)| Property { key: k.to_string(), value: v.trim().to_string(), line })
                        .collect();
                    self.push(BlockKind::Properties(props), &(range.start..range.start + 1));
                }
                self.open.push(Open::Other);
            }
            Tag::BlockQuote(_) => {
                self.quote(src, &range);
                self.swallow = 1;
            }
            Tag::HtmlBlock => {
                if !src.trim_start().starts_with("<!--") {
                    self.html_block(src, range.start);
                }
                self.swallow = 1;
            }
            Tag::CodeBlock(kind) => {
                let lang = match kind {
                    pulldown_cmark::CodeBlockKind::Fenced(info) => {
                        info.split(|c: char| c.is_whitespace() || c == ',' || c == '{').next().map(str::to_string)
                    }
                    pulldown_cmark::CodeBlockKind::Indented => None,
                }
                .filter(|l| !l.is_empty());
                self.code = Some(self.push(BlockKind::Code { lang, text: String::new() }, &range));
                self.open.push(Open::Other);
            }
            Tag::MetadataBlock(_) => {
                self.meta = Some(self.push(BlockKind::Properties(Vec::new()), &range));
                self.open.push(Open::Other);
            }
            Tag::List(_) => {
                self.lists += 1;
                self.open.push(Open::List);
            }
            Tag::Item => {
                let depth = sat_u8(self.lists.saturating_sub(1));
                let marker = Cow::Borrowed(item_marker(src));
                let b = self.push(BlockKind::ListItem { depth, marker, text: Cow::Borrowed("") }, &range);
                self.blocks[b].end = self.blocks[b].line;
                self.pending = Some(Pending { block: b, inline: None });
                self.open.push(Open::Item(b));
            }
            // A definition list (PHP Markdown Extra, Pandoc: `Title` / `:   Name, Org`):
            // a term is a heading over its definitions, one level under the last
            // heading, as a callout's title is.
            Tag::DefinitionListTitle => {
                let level = self.level.saturating_add(1).min(6);
                self.push(BlockKind::Heading { level, text: heading_text(src) }, &range);
                self.open.push(Open::Other);
            }
            Tag::Table(_) => {
                self.table = Some(self.push(BlockKind::Table { header: None, rows: Vec::new() }, &range));
                self.open.push(Open::Other);
            }
            Tag::TableHead | Tag::TableRow => {
                let line = self.lines.line(range.start);
                self.row = Some((Vec::new(), line, matches!(tag, Tag::TableHead)));
                self.open.push(Open::Other);
            }
            Tag::TableCell => {
                if let Some((cells, _, _)) = &mut self.row {
                    cells.push(src.trim().trim_matches('|').trim().to_string());
                }
                self.open.push(Open::Other);
            }
            _ => self.open.push(Open::Other),
        }
    }

    fn end(&mut self, tag: TagEnd) {
        self.open.pop();
        match tag {
            TagEnd::Item => self.settle(),
            TagEnd::List(_) => self.lists = self.lists.saturating_sub(1),
            TagEnd::CodeBlock => {
                if let Some(b) = self.code.take() {
                    if let BlockKind::Code { text, .. } = &mut self.blocks[b].kind {
                        let kept = text.trim_end_matches('\n').len();
                        text.truncate(kept);
                    }
                }
            }
            TagEnd::MetadataBlock(_) => self.meta = None,
            TagEnd::TableHead | TagEnd::TableRow => {
                if let (Some((cells, line, head)), Some(t)) = (self.row.take(), self.table) {
                    if let BlockKind::Table { header, rows } = &mut self.blocks[t].kind {
                        let row = Row { cells, line };
                        if head {
                            *header = Some(row);
                        } else {
                            rows.push(row);
                        }
                    }
                }
            }
            TagEnd::Table => self.table = None,
            _ => {}
        }
    }

    /// A block quote: a [`callout`] (its title a heading, what it holds blocks of their
    /// own), or a quotation.
    fn quote(&mut self, src: &str, range: &Range<usize>) {
        let first = src.split('\n').next().unwrap_or("").trim_start().trim_start_matches('>');
        let Some((_, title)) = callout::head(first).filter(|(kind, _)| !callout::is_aside(kind)) else {
            self.push(BlockKind::Quote { text: quote_text(src) }, range);
            return;
        };
        let line = self.lines.line(range.start);
        if !title.is_empty() {
            let level = self.level.saturating_add(1).min(6);
            self.blocks.push(Block {
                kind: BlockKind::Heading { level, text: title.to_string().into() },
                line,
                end: line,
            });
        }
        let inner = callout::inner(src);
        for b in parse(&inner).blocks {
            self.blocks.push(callout::moved(b, line));
        }
    }

    /// Gives the list item waiting for its text the inline content seen in it.
    fn settle(&mut self) {
        let Some(p) = self.pending.take() else { return };
        if let Some(r) = p.inline {
            let (_, end) = self.lines.span(r.start, r.end);
            let item = &mut self.blocks[p.block];
            item.end = end.max(item.line);
            if let BlockKind::ListItem { text, .. } = &mut item.kind {
                *text = source_lines(&self.text[r]);
            }
        }
    }

    /// A paragraph: its lines, with runs of `key:: value` lines made properties.
    fn paragraph(&mut self, range: &Range<usize>) {
        let src = &self.text[range.clone()];
        let first = self.lines.line(range.start);
        // `::` looked for with memchr (`contains("::")` builds a substring searcher for
        // every paragraph), and only in a note that has one (one search of the note
        // instead of one per paragraph: 7 M instructions on the 10 MB corpus, now 3 M).
        let b = src.as_bytes();
        if !self.colons || !memchr::memchr_iter(b':', b).any(|i| b.get(i + 1) == Some(&b':')) {
            self.push(BlockKind::Paragraph { text: source_lines(src) }, range);
            return;
        }
        let mut prose: Vec<&str> = Vec::new();
        let mut prose_line = first;
        let mut props: Vec<Property> = Vec::new();
        let lines = src.trim_end_matches('\n').split('\n');
        for (i, l) in lines.enumerate() {
            let line = first + u32::try_from(i).unwrap_or(u32::MAX - first);
            match double_colon_field(l) {
                Some((key, value)) => {
                    self.flush_prose(&mut prose, prose_line);
                    props.push(Property { key: key.to_string(), value: value.to_string(), line });
                }
                None => {
                    self.flush_props(&mut props);
                    if prose.is_empty() {
                        prose_line = line;
                    }
                    prose.push(l.trim());
                }
            }
        }
        self.flush_prose(&mut prose, prose_line);
        self.flush_props(&mut props);
    }

    fn flush_prose(&mut self, prose: &mut Vec<&str>, line: u32) {
        if prose.is_empty() {
            return;
        }
        let end = line + u32::try_from(prose.len() - 1).unwrap_or(0);
        self.blocks.push(Block { kind: BlockKind::Paragraph { text: prose.join("\n").into() }, line, end });
        prose.clear();
    }

    fn flush_props(&mut self, props: &mut Vec<Property>) {
        if let (Some(first), Some(last)) = (props.first(), props.last()) {
            let (line, end) = (first.line, last.line);
            self.blocks.push(Block { kind: BlockKind::Properties(std::mem::take(props)), line, end });
        }
    }

    fn finish(mut self) -> Blocks<'t> {
        self.settle();
        if self.escapes {
            super::escape::unescape_blocks(&mut self.blocks);
        }
        if self.authored {
            super::escape::untag_blocks(&mut self.blocks);
        }
        if memchr::memmem::find(self.text.as_bytes(), b"%%").is_some() {
            super::escape::drop_comments(self.text, &mut self.blocks);
        }
        if self.html {
            // A paragraph that was only tags and entities (`<p>&nbsp;</p>`) is none.
            self.blocks.retain_mut(|b| match &mut b.kind {
                BlockKind::Paragraph { text } | BlockKind::Heading { text, .. } | BlockKind::ListItem { text, .. } => {
                    if let Cow::Owned(t) = super::html::inline(text) {
                        *text = Cow::Owned(t);
                    }
                    !text.is_empty() || matches!(b.kind, BlockKind::ListItem { .. })
                }
                _ => true,
            });
        }
        if self.colons {
            bracketed_fields(&mut self.blocks);
        }
        Blocks { blocks: self.blocks }
    }
}

/// List items that are only a field in brackets, as Obsidian's Dataview writes them
/// inline (`- [prelegent:: [[Karolina Zielińska]]]`, `- (room:: A)`): properties, the
/// items of a run one block.
fn bracketed_fields(blocks: &mut Vec<Block<'_>>) {
    let field = |b: &Block<'_>| {
        let BlockKind::ListItem { text, .. } = &b.kind else { return None };
        let t = text.trim();
        let inner = t.strip_prefix('[').and_then(|r| r.strip_suffix(']'));
        let inner = inner.or_else(|| t.strip_prefix('(').and_then(|r| r.strip_suffix(')')))?;
        double_colon_field(inner).map(|(k, v)| Property { key: k.to_string(), value: v.to_string(), line: b.line })
    };
    if !blocks.iter().any(|b| field(b).is_some()) {
        return;
    }
    let mut out: Vec<Block<'_>> = Vec::with_capacity(blocks.len());
    for b in blocks.drain(..) {
        let Some(p) = field(&b) else {
            out.push(b);
            continue;
        };
        if let Some(Block { kind: BlockKind::Properties(props), end, .. }) = out.last_mut() {
            if *end + 1 == b.line {
                props.push(p);
                *end = b.end;
                continue;
            }
        }
        out.push(Block { kind: BlockKind::Properties(vec![p]), line: b.line, end: b.end });
    }
    *blocks = out;
}

fn is_block(tag: &Tag<'_>) -> bool {
    !matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::Link { .. }
            | Tag::Image { .. }
    )
}

fn is_block_end(tag: TagEnd) -> bool {
    !matches!(
        tag,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::Image
    )
}

fn heading_level(tag: &Tag<'_>) -> u8 {
    match tag {
        Tag::Heading { level, .. } => *level as u8,
        _ => 1,
    }
}

/// A heading's line as written, without its escapes ([`super::escape::unescaped`]) and its HTML
/// ([`super::html::inline`]: `[Kueue &amp; Volcano](…)`, `<b>Title</b>`).
pub(crate) fn heading_source(t: &str) -> Cow<'_, str> {
    let u = super::escape::unescaped(t);
    let changed = match super::html::inline(&u) {
        Cow::Owned(o) => Some(o),
        Cow::Borrowed(_) => None,
    };
    changed.map_or(u, Cow::Owned)
}

/// A heading's title from its source: an ATX heading without its `#` marks (opening
/// and closing), a setext heading without its underline, lines joined with spaces.
fn heading_text(src: &str) -> Cow<'_, str> {
    let t = src.trim();
    if t.starts_with('#') {
        let first = t.split('\n').next().unwrap_or("");
        let body = first.trim_start_matches('#').trim();
        // A closing sequence is `#`s after a space (or the whole body).
        let stripped = body.trim_end_matches('#');
        let body = if stripped.is_empty() || stripped.ends_with([' ', '\t']) { stripped.trim_end() } else { body };
        return Cow::Borrowed(without_attributes(body));
    }
    let mut lines: Vec<&str> = t.split('\n').map(str::trim).collect();
    if lines.len() > 1 {
        lines.pop();
    }
    if lines.len() == 1 {
        return Cow::Borrowed(without_attributes(lines[0]));
    }
    lines.join(" ").into()
}

/// A heading's title without the attributes Pandoc and its kin set after it
/// (`Title {#id .talk}`, `Lunch {.unnumbered}`, `Q&A {lang=de}`); braces that are part of
/// the title (`Pipelines with {targets}`) stay.
pub(crate) fn without_attributes(title: &str) -> &str {
    attributes(title).map_or(title, |(t, _)| t)
}

/// The attributes Pandoc sets after a heading's title ([`without_attributes`]): the
/// title before them and the attributes, each a word, a value in double quotes kept
/// whole (`{#dowhy .charla speaker="María José García-Bermúdez"}`).
fn attributes(title: &str) -> Option<(&str, Vec<&str>)> {
    let open = title.strip_suffix('}').and_then(|t| t.rfind('{'))?;
    let inner = &title[open + 1..title.len() - 1];
    let mut words = Vec::new();
    let (mut start, mut quoted) = (None, false);
    for (i, c) in inner.char_indices() {
        match c {
            '"' => quoted = !quoted,
            c if c.is_whitespace() && !quoted => {
                if let Some(s) = start.take() {
                    words.push(&inner[s..i]);
                }
                continue;
            }
            _ => {}
        }
        start.get_or_insert(i);
    }
    words.extend(start.map(|s| &inner[s..]));
    let attribute = |w: &&str| w.starts_with(['#', '.']) || w.contains('=') || *w == "-";
    (!words.is_empty() && !quoted && words.iter().all(attribute)).then(|| (title[..open].trim_end(), words))
}

/// The `key=value` attributes of a heading's line as written (`## Title {.talk
/// speaker="Ana Ruiz"}`): fields of the talk, as a drawer's are, their values unquoted.
fn heading_fields(src: &str) -> Vec<(&str, &str)> {
    let first = src.trim().split('\n').next().unwrap_or("");
    let Some((_, words)) = attributes(first.trim_end().trim_end_matches('#').trim_end()) else { return Vec::new() };
    words
        .into_iter()
        .filter_map(|w| w.split_once('='))
        .map(|(k, v)| (k, v.trim_matches('"')))
        .filter(|(k, v)| !k.is_empty() && !v.trim().is_empty())
        .collect()
}

/// Pandoc's fenced divs (`::: notes`, `::: {.callout-tip}`, `:::`): their fence lines
/// are blanked (spaces, so that every byte and line keeps its place), and what is
/// inside is read as any other Markdown. A fence line ends a paragraph or list above
/// it, as in Pandoc; left in, it was read as text of the paragraph or item.
pub(crate) fn blank_div_fences(text: &mut String) {
    let b = text.as_bytes();
    if !(b.starts_with(b":::") || memchr::memmem::find(b, b"\n:::").is_some()) {
        return;
    }
    let mut spans = Vec::new();
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', b).chain(std::iter::once(b.len())) {
        let l = &text[start..end];
        let t = l.trim_end();
        let fence = t.starts_with(":::") && {
            let rest = t.trim_start_matches(':').trim();
            rest.is_empty() || rest.split_whitespace().count() <= 3 && !rest.ends_with(['.', ':'])
        };
        if fence {
            spans.push(start..start + l.len());
        }
        start = end + 1;
    }
    for r in spans {
        text.replace_range(r.clone(), &" ".repeat(r.len()));
    }
}

/// A block's source lines, each trimmed, joined with `\n`, without trailing empty lines.
/// The level of an HTML heading line (`<h2>`, `<h3 id="x">`), 1 to 6.
fn html_heading(t: &str) -> Option<u8> {
    let b = t.as_bytes();
    if b.len() < 4 || b[0] != b'<' || !b[1].eq_ignore_ascii_case(&b'h') || !(b'1'..=b'6').contains(&b[2]) {
        return None;
    }
    matches!(b[3], b'>' | b' ').then_some(b[2] - b'0')
}

/// `t` without its HTML tags, its entities decoded ([`super::html::inline`]), blanks
/// collapsed.
fn strip_tags(t: &str) -> String {
    super::html::inline(t).split_whitespace().collect::<Vec<_>>().join(" ")
}

fn source_lines(src: &str) -> Cow<'_, str> {
    // Most blocks have no blank at either end of an inner line: their text is the source
    // trimmed, copied at once (the loop below was 67 M of the notes stage's 1,280 M
    // instructions on the 10 MB corpus).
    let end = src.trim_end();
    let t = end.trim_start();
    let b = t.as_bytes();
    let clean = |x: Option<&u8>| x.is_some_and(|&c| !c.is_ascii_whitespace() && c < 0x80);
    if !end[..end.len() - t.len()].contains('\n')
        && memchr::memchr_iter(b'\n', b).all(|i| clean(i.checked_sub(1).and_then(|j| b.get(j))) && clean(b.get(i + 1)))
    {
        return Cow::Borrowed(t);
    }
    let mut out = String::with_capacity(src.len());
    for (i, l) in src.trim_end().split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(l.trim());
    }
    Cow::Owned(out)
}

/// A quote's lines without their `>` markers (every level of them).
fn quote_text(src: &str) -> String {
    let mut out = String::with_capacity(src.len());
    for (i, l) in src.trim_end().split('\n').enumerate() {
        let mut l = l.trim_start();
        while let Some(rest) = l.strip_prefix('>') {
            l = rest.trim_start();
        }
        if i > 0 {
            out.push('\n');
        }
        out.push_str(l.trim_end());
    }
    out
}

/// A list item's marker as written at the start of its source: `-`, `*`, `+`, `12.`, `3)`.
fn item_marker(src: &str) -> &str {
    let s = src.trim_start();
    match s.as_bytes().first() {
        Some(b'-' | b'*' | b'+') => &s[..1],
        Some(b'0'..=b'9') => {
            let digits = s.bytes().take_while(u8::is_ascii_digit).count();
            match s.as_bytes().get(digits) {
                Some(b'.' | b')') => &s[..digits + 1],
                _ => &s[..digits],
            }
        }
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::super::testutil::assert_lines_in_range;
    use super::*;

    #[test]
    fn source_lines_trims_every_line() {
        // The copy at once (no blank around an inner line break) and the line by line.
        for (src, want) in [
            ("a b\nc d", "a b\nc d"),
            ("one\ntwo\nthree", "one\ntwo\nthree"),
            ("one \ntwo\n three", "one\ntwo\nthree"),
            ("  a  \n  b \n\n", "a\nb"),
            ("\n\nabc", "\n\nabc"),
            ("a\u{a0}\nb", "a\nb"),
            ("a\n\nb", "a\n\nb"),
            ("é\nü", "é\nü"),
            ("", ""),
        ] {
            assert_eq!(source_lines(src), want, "{src:?}");
        }
    }

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
    fn li(depth: u8, marker: &'static str, t: &'static str) -> BlockKind<'static> {
        BlockKind::ListItem { depth, marker: marker.into(), text: t.into() }
    }
    fn prop(key: &str, value: &str, line: u32) -> Property {
        Property { key: key.into(), value: value.into(), line }
    }

    #[test]
    fn headings_paragraphs_and_lines() {
        let text = "# EuroPython 2023 ##\n\nFirst **line**\nsecond line  \n\nA Talk\n======\n\nBy Ana\n---\n## C#\n";
        assert_eq!(
            kinds(text),
            [
                (h(1, "EuroPython 2023"), 1, 1),
                (p("First **line**\nsecond line"), 3, 4),
                (h(1, "A Talk"), 6, 7),
                (h(2, "By Ana"), 9, 10),
                (h(2, "C#"), 11, 11),
            ]
        );
    }

    #[test]
    fn html_blocks_give_headings_items_and_paragraphs() {
        let text = "<h1>DevConf &ndash; 2025</h1>\n<p>Day <b>one</b></p>\n\n<h2 id=\"x\">Scaling &amp; Postgres</h2>\n<ul>\n<li>pgbouncer</li>\n</ul>\n<!-- hidden -->\n";
        assert_eq!(
            kinds(text),
            [
                (h(1, "DevConf – 2025"), 1, 1),
                (p("Day **one**"), 2, 2),
                (h(2, "Scaling & Postgres"), 4, 4),
                (li(0, "-", "pgbouncer"), 6, 6),
            ]
        );
        assert_eq!(strip_tags("a &amp;lt; b <i>c"), "a &lt; b *c");
        assert_eq!(strip_tags("x < y and <unclosed"), "x < y and <unclosed");
        assert_eq!(html_heading("<h7>x</h7>"), None);
        assert_eq!(html_heading("<hr>"), None);
    }

    #[test]
    fn pandoc_attributes_and_div_fences_are_read_past() {
        assert_eq!(without_attributes("duckplyr: fast {#duckplyr .talk}"), "duckplyr: fast");
        assert_eq!(without_attributes("Lunch {.unnumbered}"), "Lunch");
        assert_eq!(without_attributes("Pipelines with {targets}"), "Pipelines with {targets}");
        assert_eq!(without_attributes("DoWhy {#dowhy .charla speaker=\"María José García\"}"), "DoWhy");
        // Dataview's fields in brackets, one per item: one block of properties.
        let b = parse("## T\n- [prelegent:: [[Ana Ruiz]]]\n- (sala:: A)\n- a note\n");
        let BlockKind::Properties(props) = &b.blocks[1].kind else { panic!("{:?}", b.blocks) };
        let kv: Vec<(&str, &str)> = props.iter().map(|p| (p.key.as_str(), p.value.as_str())).collect();
        assert_eq!((kv, b.blocks[1].line, b.blocks[1].end), (vec![("prelegent", "[[Ana Ruiz]]"), ("sala", "A")], 2, 3));
        assert!(matches!(b.blocks[2].kind, BlockKind::ListItem { .. }));
        assert_eq!(
            heading_fields("## DoWhy {#dowhy .charla speaker=\"María José García\"}"),
            [("speaker", "María José García")]
        );
        let mut text = "## T {#t .talk}\n\n::: notes\n- a point\n:::\n\n::: {.callout-tip}\nAsk.\n:::\n".to_string();
        blank_div_fences(&mut text);
        assert_eq!(text.len(), 70);
        let got: Vec<_> = parse(&text).blocks.into_iter().map(|b| (b.kind, b.line, b.end)).collect();
        assert_eq!(
            got,
            [
                (h(2, "T"), 1, 1),
                (BlockKind::ListItem { depth: 0, marker: "-".into(), text: "a point".into() }, 4, 4),
                (BlockKind::Paragraph { text: "Ask.".into() }, 8, 8),
            ]
        );
    }

    #[test]
    fn comment_lines_outside_fences_stay_headings() {
        let text = "import sys\n# /// script\n# requires = []\n";
        let got = kinds(text);
        assert_eq!(got[0], (p("import sys"), 1, 1));
        assert_eq!(got[1], (h(1, "/// script"), 2, 2));
        assert_eq!(got[2], (h(1, "requires = []"), 3, 3));
    }

    #[test]
    fn lists_with_depth_markers_and_tasks() {
        let text = "- Talk one - Ana\n  wrapped\n  - nested *x*\n1. first\n2) other\n- [ ] buy milk\n- [x] done\n\n* loose\n\n  second para\n";
        assert_eq!(
            kinds(text),
            [
                (li(0, "-", "Talk one - Ana\nwrapped"), 1, 2),
                (li(1, "-", "nested *x*"), 3, 3),
                (li(0, "1.", "first"), 4, 4),
                (li(0, "2)", "other"), 5, 5),
                (li(0, "- [ ]", "buy milk"), 6, 6),
                (li(0, "- [x]", "done"), 7, 7),
                (li(0, "*", "loose"), 9, 9),
                (p("second para"), 11, 11),
            ]
        );
    }

    #[test]
    fn tables_with_header_and_row_lines() {
        let text = "Intro\n\n| Time | Talk | Speaker |\n|---|---|---|\n| 10:00 | **Async** | Ana |\n| 11:00 | Rust \\| Py | Bo |\n";
        let got = kinds(text);
        assert_eq!(got.len(), 2);
        let (BlockKind::Table { header, rows }, 3, 6) = &got[1] else { panic!("{:?}", got[1]) };
        assert_eq!(
            header.as_ref().map(|h| (h.cells.clone(), h.line)),
            Some((vec!["Time".into(), "Talk".into(), "Speaker".into()], 3))
        );
        assert_eq!(rows.iter().map(|r| r.line).collect::<Vec<_>>(), [5, 6]);
        assert_eq!(rows[0].cells, ["10:00", "**Async**", "Ana"]);
        // (An escaped bar is a bar of the cell's text, its backslash gone.)
        assert_eq!(rows[1].cells, ["11:00", "Rust | Py", "Bo"]);
    }

    #[test]
    fn code_quotes_separators() {
        let text =
            "```python title\nprint(1)\n# not a heading\n```\n\n> quoted\n> > deeper\nlazy\n\n***\n\n    indented\n";
        assert_eq!(
            kinds(text),
            [
                (BlockKind::Code { lang: Some("python".into()), text: "print(1)\n# not a heading".into() }, 1, 4),
                (BlockKind::Quote { text: "quoted\ndeeper\nlazy".into() }, 6, 8),
                (BlockKind::Separator, 10, 10),
                (BlockKind::Code { lang: None, text: "indented".into() }, 12, 12),
            ]
        );
    }

    #[test]
    fn unclosed_fence_runs_to_the_end() {
        let text = "## T\n```\ncode\n## not a heading\n";
        assert_eq!(
            kinds(text),
            [(h(2, "T"), 1, 1), (BlockKind::Code { lang: None, text: "code\n## not a heading".into() }, 2, 4)]
        );
    }

    #[test]
    fn front_matter_and_dataview_fields() {
        let text = "---\ntitle: \"A \\\"B\\\"\"\nspeakers:\n  - Ana\n  - Bo\n---\n\nNotes here\nspeaker:: Cy Dee\nroom:: B\nmore text\n";
        assert_eq!(
            kinds(text),
            [
                (BlockKind::Properties(vec![prop("title", "A \"B\"", 2), prop("speakers", "Ana, Bo", 3)]), 1, 6),
                (p("Notes here"), 8, 8),
                (BlockKind::Properties(vec![prop("speaker", "Cy Dee", 9), prop("room", "B", 10)]), 9, 10),
                (p("more text"), 11, 11),
            ]
        );
    }

    #[test]
    fn html_comments_dropped_other_html_read_as_its_text() {
        let text = "<!-- hidden -->\n\n<div>\nHello\n</div>\n";
        assert_eq!(kinds(text), [(p("Hello"), 4, 4)]);
    }

    /// A definition list (PHP Markdown Extra): each term a heading one level under the
    /// last, its definition's paragraphs and lists blocks of their own, four-space
    /// indented notes in it no code.
    #[test]
    fn definition_terms_are_headings_over_their_definitions() {
        let text =
            "## Day 1\n\nDoctrine ORM 3\n:   Sabine Huber, willhaben\n\n    - ORM 2.20 first\n\nLunch\n:   Schnitzel\n";
        assert_eq!(
            kinds(text),
            [
                (h(2, "Day 1"), 1, 1),
                (h(3, "Doctrine ORM 3"), 3, 3),
                (p("Sabine Huber, willhaben"), 4, 4),
                (li(0, "-", "ORM 2.20 first"), 6, 6),
                (h(3, "Lunch"), 8, 8),
                (p("Schnitzel"), 9, 9),
            ]
        );
    }

    #[test]
    fn hostile_inputs_parse() {
        for text in ["", "\n", "\n\n\n", "#", "-", "```", "| a |\n|-|", "\t- x\n\t\t- y\n", "---\n", "---\n---\n"] {
            kinds(text);
        }
        let long = "word ".repeat(200_000) + "\n## After\n";
        let got = kinds(&long);
        assert_eq!(got.last(), Some(&(h(2, "After"), 2, 2)));
        let quotes = ">".repeat(100_000) + " deep\n\n## After\n";
        let got = kinds(&quotes);
        assert_eq!(got, [(BlockKind::Quote { text: "deep".into() }, 1, 1), (h(2, "After"), 3, 3)]);
        let mut bullets = String::new();
        for d in 0..2_000 {
            bullets.push_str(&"  ".repeat(d));
            bullets.push_str("- x\n");
        }
        let got = kinds(&bullets);
        assert_eq!(got.len(), 2_000);
        assert_eq!(got.last().map(|(k, l, _)| (k.clone(), *l)), Some((li(255, "-", "x"), 2_000)));
    }
}
