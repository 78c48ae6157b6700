//! Backslash escapes, as a document exported to Markdown writes them (Google Docs,
//! Microsoft Loop, Notion: `scikit\-learn`, `Title \- Name`, `\[leeg\]`): the text
//! is read without them.

use std::borrow::Cow;

use crate::notes::document::{Block, BlockKind};

/// The paragraphs, list items and table cells of `blocks` without their escapes
/// ([`unescaped`]); not a text with code spans, where a backslash is itself.
pub(crate) fn unescape_blocks(blocks: &mut [Block<'_>]) {
    for b in blocks {
        if let BlockKind::Paragraph { text } | BlockKind::ListItem { text, .. } = &mut b.kind {
            if memchr::memchr(b'`', text.as_bytes()).is_none() {
                if let Cow::Owned(t) = unescaped(text) {
                    *text = Cow::Owned(t);
                }
            }
        }
        // (And a table's cells: `| Maëlle Verhoeven\-Diallo |`.)
        if let BlockKind::Table { header, rows } = &mut b.kind {
            for cell in header
                .iter_mut()
                .flat_map(|h| h.cells.iter_mut())
                .chain(rows.iter_mut().flat_map(|r| r.cells.iter_mut()))
            {
                if !cell.contains('`') {
                    if let Cow::Owned(t) = unescaped(cell) {
                        *cell = t;
                    }
                }
            }
        }
    }
}

/// `t` without the backslashes escaping punctuation (`Title _\\- Name_`, as a document
/// exported to Markdown escapes every dash).
pub(crate) fn unescaped(t: &str) -> Cow<'_, str> {
    if memchr::memchr(b'\\', t.as_bytes()).is_none() {
        return Cow::Borrowed(t);
    }
    let mut out = String::with_capacity(t.len());
    let mut chars = t.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.peek().is_some_and(char::is_ascii_punctuation) {
            out.extend(chars.next());
            continue;
        }
        out.push(c);
    }
    out.into()
}
