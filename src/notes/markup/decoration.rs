//! Decoration: the emoji and pictographs people put at the start or end of a line to
//! make notes easy to scan (`## 🎤 Keynote: …`, `👤 Dana Whitfield`, `⏰ 10:45`,
//! `## Lunch 🍕`). They carry no words: a title is read without them, and a name alone
//! on a line after its `👤` is a name alone on a line. Pictographs inside a line stay
//! (`📍 Pittsburgh · 📅 16 May` keeps the second one).
//!
//! Every markup's blocks go through [`strip_blocks`] once, after parsing, so that each
//! reader stays about its own syntax.

use crate::notes::document::{Block, BlockKind, Blocks};

/// Whether `c` is a pictograph (emoji, dingbat, arrow, geometric shape, a symbol of
/// the Miscellaneous Symbols blocks) or one of the characters that join and modify
/// them (variation selectors, zero-width joiner, keycap, skin tones, tag characters).
///
/// The ranges are Unicode blocks whose characters are all symbols (general category
/// `So`/`Sm`, a few `Mn`/`Cf` modifiers): no letter, digit or punctuation of any
/// script falls in them, so stripping them never cuts a word.
pub(crate) fn is_pictograph(c: char) -> bool {
    matches!(
        c as u32,
        0x200D                  // zero-width joiner (👩‍💻)
        | 0x20E3                // combining keycap (1️⃣)
        | 0x2139                // ℹ
        | 0x2190..=0x21FF       // arrows
        | 0x2300..=0x23FF       // miscellaneous technical (⌚ ⏰ ⏩)
        | 0x25A0..=0x25FF       // geometric shapes (▶ ●)
        | 0x2600..=0x27BF       // miscellaneous symbols, dingbats (☕ ⚡ ✅ ➡)
        | 0x2900..=0x297F       // supplemental arrows (⤴)
        | 0x2B00..=0x2BFF       // miscellaneous symbols and arrows (⭐ ⬆)
        | 0x3030 | 0x303D | 0x3297 | 0x3299
        | 0xFE0E | 0xFE0F       // variation selectors
        | 0x1F000..=0x1FAFF     // emoji blocks, regional indicators, skin tones
        | 0xE0020..=0xE007F // tag characters (subdivision flags)
    )
}

/// `s` without the pictographs (and the blanks between them) at its start and end.
/// A line that is nothing but pictographs is kept as it is: it has no words to keep.
pub(crate) fn strip(s: &str) -> &str {
    let deco = |c: char| is_pictograph(c) || c.is_whitespace();
    let t = s.trim_matches(deco);
    if t.is_empty() {
        s
    } else {
        t
    }
}

/// Whether a byte can start a pictograph's UTF-8 encoding (every one is at U+200D or
/// above, three or four bytes long): a line that starts and ends with ASCII or a
/// two-byte letter is left alone without decoding anything.
fn may_start_pictograph(b: u8) -> bool {
    b >= 0xE2
}

/// Whether some line of `text` may start or end with a pictograph: its first byte,
/// or its last character's first byte, past blanks, can start one. Bytes only, no
/// decoding: this runs over every paragraph (the pass was 28 M instructions on the
/// 10 MB corpus with `str::trim` and `chars`, 5 M with bytes).
fn may_have_decoration(text: &str) -> bool {
    // A pictograph is not ASCII: most paragraphs are, and are told apart in a word-wide
    // pass without looking for their lines (strip_lines went from 16 M instructions to
    // 13 M on the 10 MB corpus).
    if text.is_ascii() {
        return false;
    }
    let b = text.as_bytes();
    let blank = |c: &u8| matches!(c, b' ' | b'\t' | b'\r');
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', b).chain(std::iter::once(b.len())) {
        let line = &b[start..end];
        start = end + 1;
        let Some(first) = line.iter().position(|c| !blank(c)) else { continue };
        if may_start_pictograph(line[first]) {
            return true;
        }
        let last = line.iter().rposition(|c| !blank(c)).unwrap_or(first);
        if line[last] >= 0x80 {
            // Back to the first byte of the last character (continuation bytes are
            // 0b10xx_xxxx).
            let lead = line[first..=last].iter().rposition(|&c| c & 0xC0 != 0x80).map_or(0, |i| line[first + i]);
            if may_start_pictograph(lead) {
                return true;
            }
        }
    }
    false
}

/// `text`'s lines, each stripped ([`strip`]), when some line had decoration.
fn strip_lines(text: &str) -> Option<String> {
    if !may_have_decoration(text) {
        return None;
    }
    let out: Vec<&str> = text.split('\n').map(strip).collect();
    let out = out.join("\n");
    (out != text).then_some(out)
}

/// Strips the decoration from every heading, paragraph line, list item line and table
/// cell of `blocks`. Code, quotes and properties are left as written.
pub(crate) fn strip_blocks(blocks: &mut Blocks) {
    for Block { kind, .. } in &mut blocks.blocks {
        match kind {
            BlockKind::Heading { text, .. } | BlockKind::Paragraph { text } | BlockKind::ListItem { text, .. } => {
                if let Some(t) = strip_lines(text) {
                    *text = t.into();
                }
            }
            BlockKind::Table { header, rows } => {
                for row in header.iter_mut().chain(rows.iter_mut()) {
                    for cell in &mut row.cells {
                        if let Some(t) = strip_lines(cell) {
                            *cell = t;
                        }
                    }
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pictographs_at_the_ends_go_and_words_stay() {
        assert_eq!(strip("🎤 Keynote: The packaging story"), "Keynote: The packaging story");
        assert_eq!(strip("🎤 ⚡ Lightning talks"), "Lightning talks");
        assert_eq!(strip("👩‍💻 Ana Lima"), "Ana Lima");
        assert_eq!(strip("⚠️ cProfile overhead"), "cProfile overhead");
        assert_eq!(strip("Lunch 🍕"), "Lunch");
        assert_eq!(strip("📍 Pittsburgh · 📅 16 May"), "Pittsburgh · 📅 16 May");
        // A keycap starts with its digit: a numbered line keeps it.
        assert_eq!(strip("1️⃣ First"), "1️⃣ First");
        // Letters of every script, accents and punctuation are no decoration.
        for s in ["Łódź — Żaneta", "型ヒント入門", "Ελληνικά", "naïve café", "C++ → Rust", "«Titre»"]
        {
            assert_eq!(strip(s), s, "{s}");
        }
        // Nothing but decoration: kept.
        assert_eq!(strip("☕"), "☕");
    }

    #[test]
    fn blocks_lose_their_decoration_and_keep_their_lines() {
        let mut b = Blocks {
            blocks: vec![
                Block { kind: BlockKind::Heading { level: 2, text: "🎤 Async Django".into() }, line: 1, end: 1 },
                Block {
                    kind: BlockKind::Paragraph { text: "👤 Marco Bellini\n⏰ 10:45 · 🚪 Room 317".into() },
                    line: 2,
                    end: 3,
                },
                Block { kind: BlockKind::Code { lang: None, text: "👤 x".into() }, line: 4, end: 4 },
            ],
        };
        strip_blocks(&mut b);
        let texts: Vec<_> = b
            .blocks
            .iter()
            .map(|b| match &b.kind {
                BlockKind::Heading { text, .. } | BlockKind::Paragraph { text } => &**text,
                BlockKind::Code { text, .. } => text.as_str(),
                _ => "",
            })
            .collect();
        assert_eq!(texts, ["Async Django", "Marco Bellini\n10:45 · 🚪 Room 317", "👤 x"]);
    }
}
