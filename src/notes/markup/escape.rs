//! Backslash escapes, as a document exported to Markdown writes them (Google Docs,
//! Microsoft Loop, Notion: `scikit\-learn`, `Title \- Name`, `\[leeg\]`): the text
//! is read without them. So are the author tags of a shared pad (HackMD, HedgeDoc:
//! `[name=Svenja] [time=Mon, Jun 16, 2025 9:48 AM]`), which say who wrote a line, the
//! date and time a board's card ends on (`@{2025-10-31}`, `@@{14:10}`), and Obsidian's
//! comments (`%% … %%`).

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

/// The tags a pad (HackMD, HedgeDoc) puts after a line to say who wrote it and when,
/// and those a board's card (Obsidian's Kanban plugin) ends on to say its date and time
/// (`@{2025-10-31}`, `@@{14:10}`): each with the mark that closes it.
const AUTHOR_TAGS: [(&str, char); 5] = [("[name=", ']'), ("[time=", ']'), ("[color=", ']'), ("@@{", '}'), ("@{", '}')];

/// Whether `text` holds a tag of [`AUTHOR_TAGS`].
pub(crate) fn has_tags(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memmem::find(b, b"[name=").is_some() || memchr::memmem::find(b, b"@{").is_some()
}

/// `blocks` without those inside an Obsidian comment (`%%` on its line, or opening a
/// line, to the line that ends on `%%`: a board's settings, a note the writer hid).
pub(crate) fn drop_comments(text: &str, blocks: &mut Vec<Block<'_>>) {
    let mut hidden: Vec<(u32, u32)> = Vec::new();
    let mut open: Option<u32> = None;
    for (n, l) in (1u32..).zip(text.split('\n')) {
        let t = l.trim();
        match open {
            None if t.starts_with("%%") => {
                if t.len() >= 4 && t.ends_with("%%") {
                    hidden.push((n, n));
                } else {
                    open = Some(n);
                }
            }
            Some(from) if t.ends_with("%%") => {
                hidden.push((from, n));
                open = None;
            }
            _ => {}
        }
    }
    if !hidden.is_empty() {
        blocks.retain(|b| !hidden.iter().any(|&(from, to)| b.line >= from && b.end <= to));
    }
}

/// The paragraphs, headings and list items of `blocks` without their author tags
/// ([`untagged`]); a paragraph that was only tags is none.
pub(crate) fn untag_blocks(blocks: &mut Vec<Block<'_>>) {
    blocks.retain_mut(|b| match &mut b.kind {
        BlockKind::Paragraph { text } | BlockKind::Heading { text, .. } | BlockKind::ListItem { text, .. } => {
            if let Cow::Owned(t) = untagged(text) {
                *text = Cow::Owned(t);
            }
            !text.is_empty() || !matches!(b.kind, BlockKind::Paragraph { .. })
        }
        _ => true,
    });
}

/// `t` without a pad's author tags (`**Lieselotte Brandstätter** [name=Jonas]` gives
/// `**Lieselotte Brandstätter**`); a line that was only tags goes.
pub(crate) fn untagged(t: &str) -> Cow<'_, str> {
    if !AUTHOR_TAGS.iter().any(|(tag, _)| t.contains(tag)) {
        return Cow::Borrowed(t);
    }
    let mut lines: Vec<String> = Vec::new();
    for line in t.split('\n') {
        let mut out = String::with_capacity(line.len());
        let mut rest = line;
        while let Some((i, end)) = AUTHOR_TAGS.iter().filter_map(|&(tag, end)| Some((rest.find(tag)?, end))).min() {
            let Some(close) = rest[i..].find(end) else { break };
            out.push_str(&rest[..i]);
            rest = &rest[i + close + 1..];
        }
        out.push_str(rest);
        let kept = out.split_whitespace().collect::<Vec<_>>().join(" ");
        if !kept.is_empty() {
            lines.push(kept);
        }
    }
    Cow::Owned(lines.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pads_author_tags_are_no_text() {
        assert_eq!(untagged("**Ana Ruiz** [name=Jonas]"), "**Ana Ruiz**");
        assert_eq!(
            untagged("Speaker: Mei-Ling Tsao\n[name=Murat] [time=Mon, Jun 16, 2025 12:05 PM]"),
            "Speaker: Mei-Ling Tsao"
        );
        assert_eq!(untagged("a [link](x) stays"), "a [link](x) stays");
        assert_eq!(untagged("**Title** — Ana Ruiz @@{14:10} #rust"), "**Title** — Ana Ruiz #rust");
        assert_eq!(untagged("nota spese @{2025-10-31}"), "nota spese");
        assert_eq!(untagged("mail ana@{x}"), "mail ana");
        assert_eq!(unescaped("scikit\\-learn"), "scikit-learn");
    }
}
