//! Indented containers of Python-Markdown and the sites built with it (MkDocs,
//! Material for MkDocs, pymdown-extensions): admonitions (`!!! note "Title"`),
//! collapsible details (`??? tip "Title"`, `???+ tip "Title"`) and content tabs
//! (`=== "Day 1"`), each a header line over a body indented four spaces deeper.
//! CommonMark reads such a body as indented code, so a page that keeps one talk in
//! each box gave no talk at all. People keep a talk in each box as they keep one in
//! each callout ([`super::callout`]): its title in the header, the speaker and the
//! notes inside.
//!
//! [`open`] rewrites the note's text before it is parsed: each header with a title
//! becomes an ATX heading one level under the heading it sits in (a box in a tab one
//! level further), each body loses the four spaces its box added, and a header with
//! no title is blanked (its body joins what is around it). Every line keeps its
//! number. A header is one only when the next line that is not blank is indented
//! deeper, as Python-Markdown asks; lines inside a code fence are never headers.

/// A container's header line (indentation removed): its title, `Some("")` when it
/// has none. `!!!` and `???` take one or more words of kind and an optional title in
/// double quotes; `===` (a tab) takes its label in double quotes.
fn header(t: &str) -> Option<&str> {
    let (tab, rest) = if let Some(r) = t.strip_prefix("===") {
        (true, r.strip_prefix('+').unwrap_or(r))
    } else if let Some(r) = t.strip_prefix("!!!").or_else(|| t.strip_prefix("???")) {
        (false, r.strip_prefix('+').unwrap_or(r))
    } else {
        return None;
    };
    if !rest.starts_with(' ') {
        return None;
    }
    let rest = rest.trim();
    let (kinds, title) = match rest.find('"') {
        Some(q) => {
            let inner = rest[q + 1..].strip_suffix('"')?;
            (rest[..q].trim(), inner.trim())
        }
        None => (rest, ""),
    };
    let kind_word = |w: &str| w.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if tab {
        (kinds.is_empty() && !title.is_empty()).then_some(title)
    } else {
        (!kinds.is_empty() && kinds.split_whitespace().all(kind_word)).then_some(title)
    }
}

use super::indent_of;

/// Whether `text` may hold a container header (`!!! `, `???+`, `=== `): one pass over
/// the note for the three marks, so that a note without one is not copied. (A search
/// for each of the five headers was 40 M instructions on the 10 MB corpus.)
fn may_hold(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memchr3_iter(b'!', b'?', b'=', b).any(|i| {
        let c = b[i];
        b[i..].starts_with(&[c, c, c]) && matches!(b.get(i + 3), Some(b' ' | b'+'))
    })
}

/// `line` without its first `cols` columns of blanks (fewer when it has fewer).
fn dedent(line: &str, cols: usize) -> &str {
    let mut seen = 0;
    for (i, b) in line.bytes().enumerate() {
        if seen >= cols {
            return &line[i..];
        }
        match b {
            b' ' => seen += 1,
            b'\t' => seen += 4 - seen % 4,
            _ => return &line[i..],
        }
    }
    ""
}

/// Rewrites the containers of `text` (see the module's note); a note without one is
/// left as it is.
pub(crate) fn open(text: &mut String) {
    if !may_hold(text) {
        return;
    }
    let lines: Vec<&str> = text.split('\n').collect();
    // The body indentation of each open container, innermost last.
    let mut open: Vec<usize> = Vec::new();
    let mut base_level = 1u8;
    let mut fence: Option<&str> = None;
    let mut out = String::with_capacity(text.len());
    let mut changed = false;
    for (i, raw) in lines.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let cols = indent_of(raw);
        let blank = raw.trim().is_empty();
        if !blank {
            while open.last().is_some_and(|&b| cols < b) {
                open.pop();
            }
        }
        let line = open.last().map_or(*raw, |&b| dedent(raw, b));
        let t = line.trim_start();
        if let Some(f) = fence {
            if t.starts_with(f) {
                fence = None;
            }
            out.push_str(line);
            continue;
        }
        if t.starts_with("```") || t.starts_with("~~~") {
            fence = Some(&t[..3]);
            out.push_str(line);
            continue;
        }
        if open.is_empty() && t.starts_with('#') {
            let level = t.bytes().take_while(|&b| b == b'#').count();
            if (1..=6).contains(&level) && t.as_bytes().get(level).is_none_or(|&b| b == b' ') {
                base_level = u8::try_from(level).unwrap_or(6);
            }
        }
        let head = header(t).filter(|_| {
            // Python-Markdown's rule: the body is the next line that is not blank,
            // indented deeper than the header.
            lines[i + 1..].iter().find(|l| !l.trim().is_empty()).is_some_and(|l| indent_of(l) >= cols + 4)
        });
        match head {
            Some(title) => {
                changed = true;
                open.push(cols + 4);
                if !title.is_empty() {
                    let depth = u8::try_from(open.len()).unwrap_or(5);
                    let level = usize::from(base_level.saturating_add(depth).min(6));
                    out.push_str(&"#".repeat(level));
                    out.push(' ');
                    out.push_str(title);
                }
            }
            None => out.push_str(line),
        }
    }
    if changed {
        *text = out;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opened(t: &str) -> String {
        let mut s = t.to_string();
        open(&mut s);
        s
    }

    #[test]
    fn headers_give_kind_and_title() {
        assert_eq!(header("!!! note \"Polars: adiós a pandas — Ana\""), Some("Polars: adiós a pandas — Ana"));
        assert_eq!(header("???+ tip \"RAG sin humo\""), Some("RAG sin humo"));
        assert_eq!(header("??? example"), Some(""));
        assert_eq!(header("!!! note inline end \"T\""), Some("T"));
        assert_eq!(header("=== \"Día 1\""), Some("Día 1"));
        // Prose that starts with the marks is no header.
        assert_eq!(header("??? no idea what he meant."), None);
        assert_eq!(header("!!!1 wow"), None);
        assert_eq!(header("=== Day 1"), None);
        assert_eq!(header("==="), None);
    }

    #[test]
    fn boxes_become_headings_and_their_bodies_lose_their_indentation() {
        let text = "# Conf\n\n=== \"Day 1\"\n\n    !!! note \"Talk — Ana Ruiz\"\n\n        Ana works at X.\n\n        ```python\n        !!! not a header\n        ```\n\n    ??? tip\n        untitled body\n\n!!! warning \"To do\"\n    - [ ] try it\n";
        let got = opened(text);
        assert_eq!(got.lines().count(), text.lines().count());
        assert_eq!(
            got,
            "# Conf\n\n## Day 1\n\n### Talk — Ana Ruiz\n\nAna works at X.\n\n```python\n!!! not a header\n```\n\n\nuntitled body\n\n## To do\n- [ ] try it\n"
        );
    }

    #[test]
    fn a_header_with_no_deeper_body_and_a_note_without_boxes_stay() {
        let text = "!!! note \"Not a box\"\nflush text\n";
        assert_eq!(opened(text), text);
        let plain = "Just notes ??? and === here.\n";
        assert_eq!(opened(plain), plain);
    }
}
