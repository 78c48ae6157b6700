//! Callouts: a block quote whose first line names a kind in brackets, as Obsidian
//! (`> [!note] Title`, `> [!tip]- Folded title`), GitHub (`> [!NOTE]`) and the tools
//! that copy them write it. A callout is a titled box: people keep one talk in each,
//! its title on the first line and the speaker and notes inside. Its title is read as
//! a heading one level under the heading it sits in, and what is inside as blocks of
//! their own (a callout inside a callout is read the same way).
//!
//! A callout of a kind that says it is an aside (`quote`, `cite`, `todo`, `warning`,
//! `caution`, `danger`, `error`, `bug`, `failure`) is left a quotation: its title is
//! no talk's.

use std::borrow::Cow;

use crate::notes::document::{Block, BlockKind};

/// The kinds of callout that hold an aside, not a section of their own.
const ASIDES: &[&str] = &[
    "quote",
    "cite",
    "todo",
    "warning",
    "caution",
    "attention",
    "danger",
    "error",
    "bug",
    "failure",
    "fail",
    "missing",
];

/// A callout's head, read from a quote's first line (its `>` markers removed): the
/// kind in lower case and the title (empty when none is written).
pub(crate) fn head(first: &str) -> Option<(String, &str)> {
    let rest = first.trim_start().strip_prefix("[!")?;
    let close = rest.find(']')?;
    let kind = &rest[..close];
    if kind.is_empty() || !kind.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '_') {
        return None;
    }
    let title = rest[close + 1..].trim_start_matches(['+', '-']).trim();
    Some((kind.to_lowercase(), title))
}

/// Whether a callout of `kind` is an aside (see the module's note).
pub(crate) fn is_aside(kind: &str) -> bool {
    ASIDES.contains(&kind)
}

/// The lines of a quote's source `src` after its first, each stripped of one level of
/// `>` (and the space after it), joined with `\n`: what a callout holds, to be read as
/// Markdown of its own.
pub(crate) fn inner(src: &str) -> String {
    let mut out = String::with_capacity(src.len());
    for (i, l) in src.trim_end().split('\n').enumerate().skip(1) {
        if i > 1 {
            out.push('\n');
        }
        let t = l.trim_start();
        let l = match t.strip_prefix('>') {
            Some(rest) => rest.strip_prefix(' ').unwrap_or(rest),
            None => t,
        };
        out.push_str(l.trim_end());
    }
    out
}

/// `block`, read from a callout's inner text, as a block of the note: its text owned
/// and its lines moved by `shift` (the callout's first line).
pub(crate) fn moved(block: Block<'_>, shift: u32) -> Block<'static> {
    let owned = |c: Cow<'_, str>| Cow::Owned(c.into_owned());
    let kind = match block.kind {
        BlockKind::Heading { level, text } => BlockKind::Heading { level, text: owned(text) },
        BlockKind::Paragraph { text } => BlockKind::Paragraph { text: owned(text) },
        BlockKind::ListItem { depth, marker, text } => {
            BlockKind::ListItem { depth, marker: owned(marker), text: owned(text) }
        }
        BlockKind::Table { header, rows } => BlockKind::Table {
            header: header.map(|mut r| {
                r.line += shift;
                r
            }),
            rows: rows
                .into_iter()
                .map(|mut r| {
                    r.line += shift;
                    r
                })
                .collect(),
        },
        BlockKind::Code { lang, text } => BlockKind::Code { lang, text },
        BlockKind::Quote { text } => BlockKind::Quote { text },
        BlockKind::Properties(props) => BlockKind::Properties(
            props
                .into_iter()
                .map(|mut p| {
                    p.line += shift;
                    p
                })
                .collect(),
        ),
        BlockKind::Separator => BlockKind::Separator,
    };
    Block { kind, line: block.line + shift, end: block.end + shift }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_callout_head_gives_its_kind_and_title() {
        assert_eq!(head("[!note] Gateway API: finally?"), Some(("note".into(), "Gateway API: finally?")));
        assert_eq!(head("[!tip]- Scale to zero"), Some(("tip".into(), "Scale to zero")));
        assert_eq!(head("[!example]+ eBPF"), Some(("example".into(), "eBPF")));
        assert_eq!(head("[!NOTE]"), Some(("note".into(), "")));
        assert_eq!(head("[!warning] "), Some(("warning".into(), "")));
        // A link or a footnote in brackets is no callout.
        assert_eq!(head("[see the slides](https://x.y)"), None);
        assert_eq!(head("[!] nothing"), None);
        assert_eq!(head("[!a b] spaced"), None);
        assert!(is_aside("quote") && is_aside("todo") && !is_aside("note") && !is_aside("abstract"));
    }

    #[test]
    fn a_callouts_inner_lines_lose_one_level_of_markers() {
        let src = "> [!note] T\n> **Speaker:** Ana\n> - point\n>\n> > [!warning]\n> > deep\nlazy";
        assert_eq!(inner(src), "**Speaker:** Ana\n- point\n\n> [!warning]\n> deep\nlazy");
    }
}
