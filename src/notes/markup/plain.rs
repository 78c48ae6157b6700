//! The plain-text reader: a note with no markup (`.txt`, extensions added with `--ext`),
//! its structure taken from how people lay out text by hand:
//!
//! - a run of `Key: value` lines at the very top, ended by a blank line (e-mail headers
//!   `From:` / `To:` / `Subject:`, a memo's `Event:` / `Date:`), becomes
//!   [`BlockKind::Properties`]; a line indented under a field continues its value. The
//!   run must be fields only: one line of prose in it makes it a paragraph;
//! - a line of three or more `-`, `*`, `=`, `_`, `~` or `#` (spaces between allowed, as
//!   `* * *`) is a [`BlockKind::Separator`];
//! - a line starting with `-`, `*`, `+`, `•`, `–`, a copied glyph (`●`, `○`, `■`) or a number (`1.`, `2)`) and a blank
//!   is a [`BlockKind::ListItem`], nested by its indentation; lines indented under it
//!   continue it;
//! - a chat transcript (most lines open with `[09:12] name:` or as another chat export
//!   frames a message, [`super::chat`]) is read message by message, each a paragraph;
//! - every other run of non-blank lines is a [`BlockKind::Paragraph`] that keeps its
//!   lines. A lone ALL-CAPS line or a line ending with `:` is a paragraph of one line
//!   like any other: the talk detector decides what a lead-in is.

use super::{indent_of, list_marker, numbered, Builder, Nesting};
use crate::notes::document::{BlockKind, Blocks};

/// The bullets of plain-text lists.
/// Besides the usual ones, the glyphs a list keeps when copied from a word processor or
/// a web page (`●`, `○`, `■`, `▪`, `►`).
const BULLETS: &[char] = &['-', '*', '+', '•', '–', '‣', '◦', '●', '○', '■', '□', '▪', '▫', '►', '▸'];

/// Parses plain `text` into blocks with their 1-based lines.
pub fn parse(text: &str) -> Blocks<'_> {
    let mut out = Builder::default();
    let mut nesting = Nesting::default();
    let mut lines = numbered(text).peekable();
    // Leading blank lines, then the header fields, if the first run is all fields.
    while lines.next_if(|(_, l)| l.trim().is_empty()).is_some() {}
    if header_run(text) {
        while let Some((n, l)) = lines.next_if(|(_, l)| !l.trim().is_empty()) {
            if l.starts_with([' ', '\t']) {
                if let Some(b) = out.last_properties() {
                    if let BlockKind::Properties(props) = &mut b.kind {
                        if let Some(p) = props.last_mut() {
                            p.value.push(' ');
                            p.value.push_str(l.trim());
                        }
                    }
                    b.end = n;
                }
                continue;
            }
            if let Some((k, v)) = field(l) {
                out.property(k, v, n);
            }
        }
    }
    let mut lines: Vec<(u32, &str)> = lines.collect();
    match super::chat::frames(lines.iter().map(|&(_, l)| l)) {
        Some(super::chat::Frames::Inline) => return super::chat::transcript(out, &lines),
        // A channel copied from the screen: its frames are breaks between messages.
        Some(super::chat::Frames::Alone) => super::chat::blank_chrome(&mut lines),
        // A post copied with its comments: the page's buttons and counts.
        None => super::page::blank_chrome(&mut lines),
    }
    let sections = numbered_sections(&lines);
    let outline = outline_lines(&lines, &sections);
    let (titles, wrapped) = underlined_titles(&lines);
    let stamped = stamped_titles(&lines);
    let mut skip = false;
    // The lines of a grid read as a table are skipped up to here.
    let mut until = 0;
    // The shortest fence found unclosed: no longer one closes further down.
    let mut unclosed = usize::MAX;
    for (k, &(n, l)) in lines.iter().enumerate() {
        if std::mem::take(&mut skip) || k < until {
            continue;
        }
        let t = l.trim();
        if t.is_empty() {
            out.blank();
            continue;
        }
        // A grid of columns parted by bars (two bars at least on its first line).
        let bars =
            memchr::memchr(b'|', t.as_bytes()).is_some_and(|i| memchr::memchr(b'|', &t.as_bytes()[i + 1..]).is_some());
        if let Some((header, rows, next)) = bars.then(|| super::grid::grid(&lines, k)).flatten() {
            out.block(BlockKind::Table { header: Some(header), rows }, n, lines[next - 1].0);
            nesting.reset();
            until = next;
            continue;
        }
        // A fenced code block (a chat's message with code in it), when it is closed.
        if let Some(close) = fence_end(&lines, k, &mut unclosed) {
            let body: Vec<&str> = lines[k + 1..close].iter().map(|&(_, l)| l).collect();
            let lang = t.trim_start_matches('`').trim();
            let lang = (!lang.is_empty()).then(|| lang.to_string());
            out.block(BlockKind::Code { lang, text: body.join("\n") }, n, lines[close].0);
            nesting.reset();
            until = close + 1;
            continue;
        }
        if let Some(level) = titles[k] {
            out.block(BlockKind::Heading { level, text: t.into() }, n, n + 1);
            skip = true;
            continue;
        }
        // A title wrapped over two lines above its underline.
        if let Some(level) = titles.get(k + 1).copied().flatten().filter(|_| wrapped[k]) {
            let text = format!("{t} {}", lines[k + 1].1.trim());
            out.block(BlockKind::Heading { level, text: text.into() }, n, n + 2);
            until = k + 3;
            continue;
        }
        if stamped[k] {
            out.block(BlockKind::Heading { level: 2, text: t.into() }, n, n + 1);
            nesting.reset();
            skip = true;
            continue;
        }
        if let Some((level, at)) = sections[k] {
            out.block(BlockKind::Heading { level, text: t[at..].trim_start().into() }, n, n);
            nesting.reset();
            continue;
        }
        if is_separator(t) {
            out.block(BlockKind::Separator, n, n);
            nesting.reset();
            continue;
        }
        let indent = indent_of(l);
        if let Some((marker, rest)) = list_marker(t, BULLETS) {
            out.item(nesting.depth(indent), &marker, rest, n);
            continue;
        }
        if let Some(depth) = outline[k] {
            out.item(depth, "", t, n);
            continue;
        }
        if indent > 0 && out.continue_item(t, n) {
            continue;
        }
        if indent == 0 {
            nesting.reset();
        }
        out.text(t, n);
    }
    out.finish()
}

/// Where the code fence opened on line `k` (three or more backticks, maybe a language)
/// closes: the index of the closing fence (as many backticks or more), or `None` when
/// line `k` opens no fence or none closes it. (Tildes are no fence in plain text: a row
/// of them underlines a title or parts two sections.) `unclosed` is the shortest fence
/// found unclosed before: none as long closes below it either, so that a note of many
/// unclosed fences is read in linear time.
fn fence_end(lines: &[(u32, &str)], k: usize, unclosed: &mut usize) -> Option<usize> {
    let t = lines[k].1.trim();
    let c = *t.as_bytes().first().filter(|&&c| c == b'`')?;
    let run = t.bytes().take_while(|&b| b == c).count();
    if run < 3 || run >= *unclosed || t[run..].contains(c as char) {
        return None;
    }
    let close = lines[k + 1..].iter().position(|&(_, l)| {
        let u = l.trim();
        u.len() >= run && u.bytes().all(|b| b == c)
    });
    if close.is_none() {
        *unclosed = run;
    }
    close.map(|i| k + 1 + i)
}

/// Titles underlined as a typewriter did it (`Title` over `=====` or `-----`, also
/// `~`, `^`, `*`, `+`, `#`): per line, the heading level of a title whose next line
/// underlines it, or `None`.
///
/// A title stands alone (a blank line or the start above it), at the margin, is at most
/// 120 characters and is no separator or list item; its underline is one character
/// repeated three or more times and at least half the title's length (a short `---`
/// under a long line is a separator). Levels follow the order in which the underline
/// characters first appear, as in reStructuredText: the first is level 1.
fn underlined_titles(lines: &[(u32, &str)]) -> (Vec<Option<u8>>, Vec<bool>) {
    let mut out = vec![None; lines.len()];
    let mut wrapped = vec![false; lines.len()];
    let mut order: Vec<u8> = Vec::new();
    let blank = |i: usize| lines[i].1.trim().is_empty();
    for k in 0..lines.len().saturating_sub(1) {
        let (l, under) = (lines[k].1, lines[k + 1].1.trim_end());
        let t = l.trim();
        // (Or the second line of a title wrapped in two, short both: `Hunting memory
        // leaks in long` / `running services` / `--------------`, a hand's wrap.)
        let short = |i: usize| {
            let x = lines[i].1;
            !x.starts_with([' ', '\t']) && x.trim().chars().count() <= 60 && list_marker(x.trim(), BULLETS).is_none()
        };
        // (Its first line three words or more with no stop at its end: a paragraph's
        // lines over an underline are no title, `one` / `two` / `===`.)
        let opens = |i: usize| {
            let x = lines[i].1.trim();
            x.split_whitespace().count() >= 3 && !x.ends_with(['.', ',', ':', ';', '!', '?'])
        };
        let two = k >= 1 && !blank(k - 1) && (k == 1 || blank(k - 2)) && short(k - 1) && short(k) && opens(k - 1);
        let alone = k == 0 || blank(k - 1) || two;
        let Some(&c) = under.as_bytes().first() else { continue };
        let chars = t.chars().count();
        if !alone
            || t.is_empty()
            || l.starts_with([' ', '\t'])
            || chars > 120
            || is_separator(t)
            || list_marker(t, BULLETS).is_some()
            || !b"=-~^*+#".contains(&c)
            || under.len() < 3
            || under.len() * 2 < chars
            || !under.bytes().all(|b| b == c)
        {
            continue;
        }
        let level = order.iter().position(|&o| o == c).unwrap_or_else(|| {
            order.push(c);
            order.len() - 1
        });
        out[k] = Some(super::sat_u8(level + 1));
        if two && !blank(k - 1) {
            wrapped[k - 1] = true;
        }
    }
    (out, wrapped)
}

/// Titles stamped with a time on the line under them, as a meeting recorder's summary
/// (Otter's outline: `Polars in production` / `1:22:05` / its bullets), a podcast's or
/// a video's chapters write them: per line, whether it is such a title.
///
/// A title is at the margin, at most 100 characters, no list item, and does not end
/// with a stop; the line under it holds a time and nothing else (`09:40`, `1:22:05`,
/// `9:40 AM`, `[12:03]`), and what follows the time is set apart from the title: a
/// blank line, an indented line or a list item (a schedule pasted from a PDF puts its
/// time above the next title, at the margin), and is no line of a transcript, stamped
/// in turn (`4:12` / `all right first up` / `4:15`). There must be two such titles or
/// more, so that one line stamped by chance in a note's prose stays prose.
fn stamped_titles(lines: &[(u32, &str)]) -> Vec<bool> {
    let mut out = vec![false; lines.len()];
    let mut found = 0;
    for k in 0..lines.len().saturating_sub(1) {
        let l = lines[k].1;
        let t = l.trim();
        if t.is_empty()
            || l.starts_with([' ', '\t'])
            || t.chars().count() > 100
            || t.ends_with(['.', ',', ';'])
            || list_marker(t, BULLETS).is_some()
            || !bare_stamp(lines[k + 1].1.trim())
            || lines.get(k + 2).is_some_and(|&(_, next)| {
                let u = next.trim();
                !u.is_empty() && !next.starts_with([' ', '\t']) && list_marker(u, BULLETS).is_none()
            })
            || lines.get(k + 3).is_some_and(|&(_, x)| bare_stamp(x.trim()))
        {
            continue;
        }
        out[k] = true;
        found += 1;
    }
    if found < 2 {
        out.iter_mut().for_each(|o| *o = false);
    }
    out
}

/// A time alone: `09:40`, `1:22:05`, `9:40 AM`, `[12:03]`, `(4:01:12)`.
fn bare_stamp(t: &str) -> bool {
    let t = t.trim_start_matches(['[', '(']).trim_end_matches([']', ')']);
    let t = ["am", "pm", "AM", "PM"].iter().find_map(|m| t.strip_suffix(m)).unwrap_or(t).trim_end();
    let parts: Vec<&str> = t.split(':').collect();
    (2..=3).contains(&parts.len())
        && parts[0].len() <= 2
        && parts.iter().all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        && parts[1..].iter().all(|p| p.len() == 2)
}

/// An outline written with indentation and no bullets (a plain-text editor, an
/// outliner's text export): per line, its depth as a list item, or `None` for a line
/// that is no outline item.
///
/// A run of non-blank lines is an outline when a line without a bullet is followed
/// directly by a deeper one (a parent and its child) and the run's first line is
/// among its least indented: prose indents the first line of a paragraph, so its
/// first line is the deeper one. In an outline, every line without a bullet is an
/// item, nested by its indentation among the run's indents (the least indented at the
/// top). Bulleted lines keep their own rule.
fn outline_lines(lines: &[(u32, &str)], sections: &[Option<(u8, usize)>]) -> Vec<Option<usize>> {
    let mut out = vec![None; lines.len()];
    let bare = |l: &str| {
        let t = l.trim();
        !t.is_empty() && !is_separator(t) && list_marker(t, BULLETS).is_none()
    };
    // A numbered section's title ends a run as a blank line does.
    let gap = |i: usize| lines[i].1.trim().is_empty() || sections[i].is_some();
    let mut start = 0;
    while start < lines.len() {
        if gap(start) {
            start += 1;
            continue;
        }
        let end = (start..lines.len()).find(|&i| gap(i)).unwrap_or(lines.len());
        let run = &lines[start..end];
        let indents: Vec<usize> = run.iter().map(|(_, l)| indent_of(l)).collect();
        let least = indents.iter().copied().min().unwrap_or(0);
        let nested = run.windows(2).zip(indents.windows(2)).any(|(w, d)| bare(w[0].1) && bare(w[1].1) && d[1] > d[0]);
        if nested && indents[0] == least {
            let mut levels: Vec<usize> = run.iter().zip(&indents).filter(|(l, _)| bare(l.1)).map(|(_, &d)| d).collect();
            levels.sort_unstable();
            levels.dedup();
            for (i, ((_, l), &d)) in run.iter().zip(&indents).enumerate() {
                if bare(l) {
                    out[start + i] = levels.binary_search(&d).ok();
                }
            }
        }
        start = end;
    }
    out
}

/// Section titles numbered as a word processor or a report numbers them, saved as
/// plain text (`1<TAB>Contexte`, `2.1<TAB>Migrer vers Python 3`, `3.2.1 Résultats`):
/// per line, the heading level (the count of the number's parts) and the offset of the
/// title after the number, or `None`.
///
/// A candidate starts at the margin with a number of one to four parts of at most two
/// digits, none with a leading zero (`10.05` is a time), then a blank and a title that
/// opens with a letter and is no aligned field (`2.1  Title:   …` is a form's line). A
/// number of one part is weak with a dot and one blank after it (`1. PURPOSE` may be a
/// list's item), and no candidate with one blank and no dot (`3 talks were great` is
/// prose). The candidates are sections only when there are three of them or more, one
/// at least with two parts, and each follows the one before as an outline numbers its
/// parts: the next sibling (`2.1` → `2.2`), the first child (`2` → `2.1`) or the next
/// part of an ancestor (`2.4` → `3`). A weak candidate out of that order (a list's
/// item) is left out; any other breaks it: times (`9.30`, `10.15`) are no outline.
fn numbered_sections(lines: &[(u32, &str)]) -> Vec<Option<(u8, usize)>> {
    let mut out = vec![None; lines.len()];
    let mut found: Vec<(usize, Vec<u32>, usize, bool)> = Vec::new();
    for (k, &(_, l)) in lines.iter().enumerate() {
        if let Some((parts, at, weak)) = section_number(l) {
            found.push((k, parts, at, weak));
        }
    }
    // Weak candidates out of order leave; then every step must follow.
    let mut kept: Vec<&(usize, Vec<u32>, usize, bool)> = Vec::new();
    for (i, f) in found.iter().enumerate() {
        if f.3 {
            let after = kept.last().is_none_or(|p| follows(&p.1, &f.1));
            let before = found[i + 1..].iter().find(|g| !g.3).is_none_or(|g| follows(&f.1, &g.1));
            if !(after && before) {
                continue;
            }
        }
        kept.push(f);
    }
    let ordered = kept.windows(2).all(|w| follows(&w[0].1, &w[1].1));
    if kept.len() < 3 || !ordered || !kept.iter().any(|f| f.1.len() > 1) {
        return out;
    }
    for &(k, ref parts, at, _) in kept {
        out[k] = Some((super::sat_u8(parts.len()), at));
    }
    out
}

/// The parts of a section's number at the start of `l`, the offset of what follows
/// them, and whether the candidate is weak (see [`numbered_sections`]).
fn section_number(l: &str) -> Option<(Vec<u32>, usize, bool)> {
    let b = l.as_bytes();
    if !b.first().is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let mut parts = Vec::new();
    let mut i = 0;
    loop {
        let digits = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if digits == 0 || digits > 2 || (digits == 2 && b[i] == b'0') || parts.len() == 4 {
            return None;
        }
        parts.push(l[i..i + digits].parse().ok()?);
        i += digits;
        if b.get(i) == Some(&b'.') && b.get(i + 1).is_some_and(u8::is_ascii_digit) {
            i += 1;
            continue;
        }
        break;
    }
    let dot = b.get(i) == Some(&b'.');
    let gap = &l[i + usize::from(dot)..];
    let title = gap.trim_start_matches([' ', '\t']);
    let blanks = gap.len() - title.len();
    let wide = gap.starts_with('\t') || blanks >= 2;
    let one = parts.len() == 1;
    if blanks == 0 || one && !dot && !wide || !title.starts_with(char::is_alphabetic) || aligned_field(title) {
        return None;
    }
    Some((parts, l.len() - title.len(), one && !wide))
}

/// Whether `t` opens with a form's field, its value aligned after a word and a colon
/// (`Title:      Strict concurrency`).
fn aligned_field(t: &str) -> bool {
    let word = t.bytes().take_while(|c| c.is_ascii_alphabetic()).count();
    let rest = &t[word..];
    word > 0 && rest.strip_prefix(':').is_some_and(|r| r.starts_with('\t') || r.starts_with("  "))
}

/// Whether the section numbered `b` may follow the one numbered `a` in an outline.
fn follows(a: &[u32], b: &[u32]) -> bool {
    let (last, head) = b.split_last().expect("a number has one part at least");
    // The first child, or the next sibling of the part or of one of its ancestors.
    (b.len() == a.len() + 1 && b[..a.len()] == *a && *last == 1)
        || (head.len() < a.len() && a[..head.len()] == *head && a[head.len()] + 1 == *last)
}

/// Whether the first run of non-blank lines is made of `Key: value` fields only (with
/// indented continuation lines), at least one of them.
fn header_run(text: &str) -> bool {
    let mut fields = 0;
    for l in text.split('\n').skip_while(|l| l.trim().is_empty()) {
        if l.trim().is_empty() {
            break;
        }
        if l.starts_with([' ', '\t']) && fields > 0 {
            continue;
        }
        if field(l).is_none() {
            return false;
        }
        fields += 1;
    }
    fields > 0
}

/// A header field `Key: value`: the key one to three words (letters, digits, `-`),
/// the value not empty, not a URL's `://`, the colon not a time's (`09:12 <mina> hi`).
fn field(line: &str) -> Option<(&str, &str)> {
    let (k, v) = line.split_once(':')?;
    let key = k.trim();
    let words = key.split_whitespace().count();
    if key.is_empty() || key.len() > 40 || words > 3 || line.starts_with([' ', '\t']) || v.starts_with("//") {
        return None;
    }
    if k.ends_with(|c: char| c.is_ascii_digit()) && v.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    if !key.chars().all(|c| c.is_alphanumeric() || c == '-' || c == ' ' || c == '_') || v.trim().is_empty() {
        return None;
    }
    Some((key, v.trim()))
}

/// A line of three or more of one of `-*=_~#`, spaces between allowed (`* * *`).
pub(crate) fn is_separator(t: &str) -> bool {
    let Some(c) = t.chars().next() else { return false };
    if !matches!(c, '-' | '*' | '=' | '_' | '~' | '#') {
        return false;
    }
    let mut count = 0;
    for x in t.chars() {
        if x == c {
            count += 1;
        } else if x != ' ' && x != '\t' {
            return false;
        }
    }
    count >= 3
}

/// Whether a text with no markup named by its extension is in fact Markdown: it has two
/// or more ATX heading lines (`#` to `######`, a blank, a word), or a code fence that is
/// closed, or a table delimiter row (`|---|---|`). One `#` line alone is not enough
/// (`# 1 tip` in plain prose); a separator line of `#`s is no heading.
pub fn looks_like_markdown(text: &str) -> bool {
    let mut headings = 0;
    let mut fence: Option<u8> = None;
    let mut prev_text = false;
    for l in text.split('\n') {
        let t = l.trim_end();
        // (A line of `~` or backticks alone under a line of text underlines it.)
        let underline = std::mem::replace(&mut prev_text, !t.trim().is_empty()) && {
            let b = t.trim().as_bytes();
            b.iter().all(|&c| c == b[0])
        };
        let hashes = t.bytes().take_while(|&b| b == b'#').count();
        if (1..=6).contains(&hashes) && t[hashes..].starts_with(' ') && !t[hashes..].trim().is_empty() {
            headings += 1;
            if headings >= 2 {
                return true;
            }
        }
        let trimmed = t.trim();
        if let Some(open) = fence {
            if trimmed.len() >= 3 && trimmed.bytes().all(|b| b == open) {
                return true;
            }
        } else if (trimmed.starts_with("```") || trimmed.starts_with("~~~")) && !underline {
            fence = Some(trimmed.as_bytes()[0]);
        }
        let cells = t.trim();
        if cells.starts_with('|') && cells.contains("---") && cells.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
        {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::super::testutil::assert_lines_in_range;
    use super::*;
    use crate::notes::document::Property;

    fn kinds(text: &str) -> Vec<(BlockKind<'_>, u32, u32)> {
        let b = parse(text);
        assert_lines_in_range(text, &b);
        b.blocks.into_iter().map(|b| (b.kind, b.line, b.end)).collect()
    }
    #[test]
    fn titles_stamped_with_a_time_under_them() {
        let text = "Outline\nOpening remarks\n00:00\n  • welcome\n\nPolars in production\n1:22:05\n  • lazy API\n";
        let heads: Vec<(String, u32)> = parse(text)
            .blocks
            .into_iter()
            .filter_map(|b| match b.kind {
                BlockKind::Heading { text, .. } => Some((text.into_owned(), b.line)),
                _ => None,
            })
            .collect();
        assert_eq!(heads, [("Opening remarks".to_string(), 2), ("Polars in production".to_string(), 6)]);
        // A transcript stamps every line, a printed schedule puts the time above the
        // next title, and one stamp alone proves nothing.
        for text in [
            "Jolt\n4:12\nall right first up\n4:15\nshe's going to talk\n\nSteam\n31:40\nok so\n31:44\nnext\n",
            "Welcome\nCommittee\n09:20\nKeynote: Wheels\nAna Ruiz\n10:10\nMoving to uv\n",
            "Lunch\n12:30\n  - pizza\n",
        ] {
            assert!(!parse(text).blocks.iter().any(|b| matches!(b.kind, BlockKind::Heading { .. })), "{text}");
        }
    }

    #[test]
    fn numbered_sections_of_a_word_processor() {
        let text = "Compte rendu\n\n1\tContexte\n\tTexte.\n\n2\tConférences\n2.1\tMigrer vers Python 3\nIntervenant : Ana Ruiz\n\tNotes.\n1. un point\n2.2\tPolars ou pandas\n3. Synthèse\n";
        let heads: Vec<(u8, String, u32)> = parse(text)
            .blocks
            .into_iter()
            .filter_map(|b| match b.kind {
                BlockKind::Heading { level, text } => Some((level, text.into_owned(), b.line)),
                _ => None,
            })
            .collect();
        let want = [(1, "Contexte", 3), (1, "Conférences", 6), (2, "Migrer vers Python 3", 7)];
        let mut want: Vec<(u8, String, u32)> = want.iter().map(|&(l, t, n)| (l, t.to_string(), n)).collect();
        want.extend([(2, "Polars ou pandas".to_string(), 11), (1, "Synthèse".to_string(), 12)]);
        // (`1. un point` is a list's item: out of the outline's order.)
        assert_eq!(heads, want);
        // Times, a form's numbered fields and a numbered list are no sections.
        for text in [
            "9.30  Opening\n10.15  Keynote\n11.00  Talk\n",
            "2.1  Title:   A\n2.2  Title:   B\n2.3  Title:   C\n",
            "1. one\n2. two\n3. three\n",
        ] {
            assert!(!parse(text).blocks.iter().any(|b| matches!(b.kind, BlockKind::Heading { .. })), "{text}");
        }
    }

    fn p(t: &str) -> BlockKind<'_> {
        BlockKind::Paragraph { text: t.into() }
    }
    fn li(depth: u8, marker: &'static str, t: &'static str) -> BlockKind<'static> {
        BlockKind::ListItem { depth, marker: marker.into(), text: t.into() }
    }

    #[test]
    fn mail_headers_paragraphs_and_separators() {
        let text = "From: Ana Lima <ana@x.org>\nSubject: Recap of\n  PyCon day 2\n\nHi all,\nthe talks were great.\n\n* * *\nNEXT TALK\nafter lunch:\n";
        let prop = |k: &str, v: &str, line| Property { key: k.into(), value: v.into(), line };
        assert_eq!(
            kinds(text),
            [
                (
                    BlockKind::Properties(vec![
                        prop("From", "Ana Lima <ana@x.org>", 1),
                        prop("Subject", "Recap of PyCon day 2", 2)
                    ]),
                    1,
                    3
                ),
                (p("Hi all,\nthe talks were great."), 5, 6),
                (BlockKind::Separator, 8, 8),
                (p("NEXT TALK\nafter lunch:"), 9, 10),
            ]
        );
    }

    #[test]
    fn prose_first_line_is_no_header() {
        let text = "next talk - rust in prod (maya)\nnote: fast\n";
        assert_eq!(kinds(text), [(p("next talk - rust in prod (maya)\nnote: fast"), 1, 2)]);
    }

    #[test]
    fn lists_nest_by_indentation_and_take_continuations() {
        let text = "Talks\n- Async - Ana\n    wrapped line\n  • nested\n\t3) tabbed\n- [ ] todo\n\n1. one\nafter\n";
        assert_eq!(
            kinds(text),
            [
                (p("Talks"), 1, 1),
                (li(0, "-", "Async - Ana\nwrapped line"), 2, 3),
                (li(1, "•", "nested"), 4, 4),
                (li(2, "3)", "tabbed"), 5, 5),
                (li(0, "- [ ]", "todo"), 6, 6),
                (li(0, "1.", "one"), 8, 8),
                (p("after"), 9, 9),
            ]
        );
    }

    #[test]
    fn indented_lines_without_bullets_are_an_outline() {
        let text = "Day 1\n\n\tAsync - Ana\n\t\tnotes\n\t\tmore\n\tRust - Bo\n\nfollow up\n\tread it\n";
        assert_eq!(
            kinds(text),
            [
                (p("Day 1"), 1, 1),
                (li(0, "", "Async - Ana"), 3, 3),
                (li(1, "", "notes"), 4, 4),
                (li(1, "", "more"), 5, 5),
                (li(0, "", "Rust - Bo"), 6, 6),
                (li(0, "", "follow up"), 8, 8),
                (li(1, "", "read it"), 9, 9),
            ]
        );
        // Prose indents a paragraph's first line: no outline.
        let prose = "    It was a long day and the\nrooms were full.\n    Then lunch\ncame.\n";
        assert_eq!(kinds(prose), [(p("It was a long day and the\nrooms were full.\nThen lunch\ncame."), 1, 4)]);
        // One level only: a paragraph.
        assert_eq!(kinds("  a\n  b\n"), [(p("a\nb"), 1, 2)]);
    }

    #[test]
    fn fenced_code_in_plain_text() {
        let text = "a message\n```py\n# /// script\nx = 1\n```\nmore\n";
        assert_eq!(
            kinds(text),
            [
                (p("a message"), 1, 1),
                (BlockKind::Code { lang: Some("py".into()), text: "# /// script\nx = 1".into() }, 2, 5),
                (p("more"), 6, 6),
            ]
        );
        // Unclosed, or tildes (an underline, a rule): no code.
        assert!(kinds("a\n```\nb\n").iter().all(|(k, _, _)| !matches!(k, BlockKind::Code { .. })));
        assert!(kinds("a\n\n~~~\nb\n~~~\n").iter().all(|(k, _, _)| !matches!(k, BlockKind::Code { .. })));
    }

    #[test]
    fn underlined_titles_are_headings() {
        let h = |level: u8, t: &'static str| BlockKind::Heading { level, text: t.into() };
        let text = "Notes\n=====\n\nAsync Django - Ana\n------------------\ntext\n\nThanks for a long day!\n---\n";
        assert_eq!(
            kinds(text),
            [
                (h(1, "Notes"), 1, 2),
                (h(2, "Async Django - Ana"), 4, 5),
                (p("text"), 6, 6),
                // A short `---` under a long line is a separator.
                (p("Thanks for a long day!"), 8, 8),
                (BlockKind::Separator, 9, 9),
            ]
        );
        // A line inside a paragraph is no title.
        assert_eq!(kinds("one\ntwo\n===\n")[0], (p("one\ntwo"), 1, 2));
    }

    #[test]
    fn markdown_sniffing() {
        assert!(looks_like_markdown("# Day 1\ntext\n## Talk\n"));
        assert!(looks_like_markdown("text\n```py\nx\n```\n"));
        assert!(looks_like_markdown("| a | b |\n|---|:-:|\n"));
        assert!(!looks_like_markdown("# one tip\nplain text\n"));
        assert!(!looks_like_markdown("#####\n#####\n```\nunclosed\n"));
        // Tildes under titles underline them: no fence.
        assert!(!looks_like_markdown("Conf 2024\n\nPlatform Engineering\n~~~~~~~~~~~~~~~~~~~~\nnotes\n\neBPF\n~~~~\n"));
    }

    #[test]
    fn hostile_inputs_parse() {
        for text in ["", "\n\n", "-", "a:", "From: x\n", "\t\t- x", "===\n- \n  \n"] {
            kinds(text);
        }
        let long = "x".repeat(1 << 20) + "\n- item\n";
        assert_eq!(kinds(&long).last(), Some(&(li(0, "-", "item"), 2, 2)));
        let deep: String = (0..100_000).map(|d| format!("{}- x\n", " ".repeat(d % 300))).collect();
        assert_eq!(kinds(&deep).len(), 100_000);
    }
}
