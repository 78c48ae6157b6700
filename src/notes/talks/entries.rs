//! Entries of a list written by hand, read from how they are laid out rather than from
//! the depth a reader gave them, and entries written twice:
//!
//! - a poster or booth board (`[A04] Title` / `      Names -- Affiliation` /
//!   `      - note`): the lines indented under the title are its notes and no sibling
//!   of the next board, whatever depth the reader gave them (a plain-text reader nests
//!   bullets apart from the bare lines above them);
//! - a checklist's talk left open, then written again with its notes (`☐ Title (A & B) -
//!   missed, room full` / `☑ Title - watched the stream later` / notes): one talk, the
//!   names of the first and the notes of the second;
//! - a catalogue's session codes before the titles (`COP301 — Title`, `DAT318 Title`,
//!   `[A04] Title`), when two talks or more have one: no part of a title.

use super::*;

impl Run<'_, '_, '_> {
    /// The indentation of line `line` in the note's text (a tab counts four).
    pub(super) fn indent_at(&self, line: u32) -> usize {
        let Some(&s) = line.checked_sub(1).and_then(|i| self.starts.get(i as usize)) else { return 0 };
        let b = self.note.text.as_bytes();
        b[s..].iter().take_while(|&&c| c == b' ' || c == b'\t').map(|&c| if c == b'\t' { 4 } else { 1 }).sum()
    }

    /// Whether block `k` starts indented deeper in the text than block `than`.
    pub(super) fn indented_deeper(&self, k: usize, than: usize) -> bool {
        match (self.blocks.get(k), self.blocks.get(than)) {
            (Some(a), Some(b)) => self.indent_at(a.line) > self.indent_at(b.line),
            _ => false,
        }
    }

    /// Whether the item right after item block `bi` (at `depth`, its first line
    /// `first`) writes the same talk again, its first three words the same, with notes
    /// under it: the talk crossed off later, with what was said.
    pub(super) fn repeated_below(&self, bi: usize, depth: u8, first: &str) -> bool {
        let Some(BlockKind::ListItem { depth: d, text, .. }) = self.blocks.get(bi + 1).map(|b| &b.kind) else {
            return false;
        };
        let three = |s: &str| norm(s).split(' ').take(3).collect::<Vec<_>>().join(" ");
        let key = three(first);
        *d == depth
            && key.split(' ').count() == 3
            && three(text.split('\n').next().unwrap_or("")) == key
            && (self.nested_notes(bi + 1, depth) || self.indented_deeper(bi + 2, bi + 1))
    }
}

/// Whether a list item's text `text` opens with the whole of a talk's `title` (of two
/// words or more): the same talk written again, whose notes are the talk's.
pub(super) fn repeats_title(title: &str, text: &str) -> bool {
    // (Most items open otherwise: told by their first bytes.)
    let (a, b) = (title.as_bytes(), text.as_bytes());
    if a.len() < 4 || b.len() < 4 || !a[..4].eq_ignore_ascii_case(&b[..4]) {
        return false;
    }
    let t = norm(title);
    let first = norm(text.split('\n').next().unwrap_or(""));
    t.contains(' ') && first.strip_prefix(t.as_str()).is_some_and(|r| r.is_empty() || r.starts_with(' '))
}

/// Drops the session codes before the titles of `sections` (`COP301 — Title`), when two
/// of them or more open with one.
pub(super) fn strip_session_codes(sections: &mut [Section<'_>]) {
    if sections.iter().filter(|s| after_code(&s.title).is_some()).nth(1).is_none() {
        return;
    }
    for s in sections {
        if let Some(rest) = after_code(&s.title) {
            s.title = rest.to_string();
        }
    }
}

/// The title after a session code: one to five capital letters, perhaps a `-`, two to
/// three digits and perhaps a capital (`COP301`, `BRK-211`, `P07`, `DAT318B`), or a code in
/// brackets holding a digit (`[A04]`), then a space or a dash; `None` when no code
/// opens `title` or fewer than two words follow it.
fn after_code(title: &str) -> Option<&str> {
    let (code, rest, bracket) = match title.strip_prefix('[') {
        Some(r) => {
            let (c, rest) = r.split_once(']')?;
            (c, rest, true)
        }
        None => {
            let (c, rest) = title.split_once(' ')?;
            (c.trim_end_matches(':'), rest, false)
        }
    };
    let b = code.as_bytes();
    let ok = if bracket {
        (2..=8).contains(&b.len())
            && b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'-')
            && b.iter().any(u8::is_ascii_digit)
    } else {
        let letters = b.iter().take_while(|c| c.is_ascii_uppercase()).count();
        let r = &b[letters..];
        let r = r.strip_prefix(b"-").unwrap_or(r);
        let digits = r.iter().take_while(|c| c.is_ascii_digit()).count();
        let tail = &r[digits..];
        (1..=5).contains(&letters)
            && (2..=3).contains(&digits)
            && (tail.is_empty() || tail.len() == 1 && tail[0].is_ascii_uppercase())
    };
    let rest = rest.trim_start().trim_start_matches(['—', '–', '-', ':', '|', '·']).trim_start();
    (ok && rest.split_whitespace().nth(1).is_some()).then_some(rest)
}

/// Whether paragraph `t` opens with an aside's label and a colon (`TODO: session B
/// tomorrow, find the PDFs`): after a talk written as a list item, the note-taker's,
/// however long.
pub(super) fn labelled_aside(labels: &Labels, t: &str) -> bool {
    let head = t.as_bytes().get(..40).unwrap_or(t.as_bytes());
    t.len() <= 300
        && memchr::memchr2(b':', 0xEF, head).is_some()
        && labels.leading(t).is_some_and(|(cs, r)| {
            cs.contains(&Concept::Aside)
                && t.trim_start()[..t.trim_start().len() - r.len()].trim_end().ends_with([':', '：'])
        })
}

#[cfg(test)]
mod tests {
    use super::super::tests::read_as;
    use super::*;
    use crate::notes::document::Markup;

    /// A talk's line, title and people.
    type Talk = (u32, String, Vec<String>);

    /// (line, title, people) of each talk, and the bodies.
    fn talks(text: &str, markup: Markup) -> (Vec<Talk>, Vec<String>) {
        read_as(text, markup).into_iter().map(|(l, t, p, b)| ((l, t, p), b)).unzip()
    }

    fn talk(line: u32, title: &str, people: &[&str]) -> Talk {
        (line, title.to_string(), people.iter().map(|p| p.to_string()).collect())
    }

    #[test]
    fn boards_of_a_poster_session_with_their_names_and_notes_indented() {
        let text = "posters, hall B\n\n[B02] Faster parquet reads in Rust\n      Ana Ruiz -- Acme Labs\n      - arrow-rs and object_store\n      - row group pruning\n\n[B07] Teaching SQL with games\n      Tom Berg, Lea Kim -- Uni Oslo\n      - kids love it\n\n[B09] Graph layouts for dependency trees (elk first)\n      Mina Park\n      - elkjs in the browser\n\nTODO: visit hall C tomorrow and find the poster PDFs on the conference site\n";
        let (got, bodies) = talks(text, Markup::Plain);
        assert_eq!(
            got,
            [
                talk(3, "Faster parquet reads in Rust", &["Ana Ruiz"]),
                talk(8, "Teaching SQL with games", &["Tom Berg", "Lea Kim"]),
                // The words in parentheses are the title's: the names are on the line under it.
                talk(12, "Graph layouts for dependency trees (elk first)", &["Mina Park"]),
            ]
        );
        assert!(bodies[0].contains("row group pruning"), "{bodies:?}");
        // A to-do at the margin after the last board is the note-taker's.
        assert!(bodies[2].contains("elkjs") && !bodies[2].contains("PDFs"), "{bodies:?}");
    }

    #[test]
    fn a_checklist_talk_left_open_then_written_again_with_its_notes() {
        let plain = "devfest notes 2026\n\n☑ Offline-first sync with CRDTs (Ana Ruiz) - packed room\n    ☑ automerge everywhere\n☐ Testing state machines (Tom Berg & Lea Kim) - missed it, watch later\n☑ Testing state machines - watched the video\n    ☑ xstate model based testing\n    ☑ property tests\n☐ buy milk\n";
        let md = "devfest notes 2026\n\n- [x] Offline-first sync with CRDTs (Ana Ruiz) - packed room\n  - [x] automerge everywhere\n- [ ] Testing state machines (Tom Berg & Lea Kim) - missed it, watch later\n- [x] Testing state machines - watched the video\n  - [x] xstate model based testing\n  - [x] property tests\n- [ ] buy milk\n";
        for (text, markup) in [(plain, Markup::Plain), (md, Markup::Markdown)] {
            let (got, bodies) = talks(text, markup);
            assert_eq!(
                got,
                [
                    talk(3, "Offline-first sync with CRDTs", &["Ana Ruiz"]),
                    talk(5, "Testing state machines", &["Tom Berg", "Lea Kim"]),
                ],
                "{markup:?}"
            );
            assert!(bodies[1].contains("property tests") && !bodies[1].contains("milk"), "{markup:?}: {bodies:?}");
        }
    }

    #[test]
    fn session_codes_of_a_canvas_are_no_part_of_the_titles() {
        let text = "# team canvas\n\n## Tue\n\n### ANT201 — Streaming with Kinesis\n**Speaker:** Ana Ruiz\n- shards\n\n### DEV310 Lambda cold starts\n**Speaker:** Tom Berg\n- SnapStart\n";
        let titles: Vec<String> = talks(text, Markup::Markdown).0.into_iter().map(|t| t.1).collect();
        assert_eq!(titles, ["Streaming with Kinesis", "Lambda cold starts"]);
        // One title with a code is no catalogue's.
        let one = text.replace("DEV310 ", "");
        let titles: Vec<String> = talks(&one, Markup::Markdown).0.into_iter().map(|t| t.1).collect();
        assert_eq!(titles, ["ANT201 — Streaming with Kinesis", "Lambda cold starts"]);
    }

    #[test]
    fn session_codes_are_cut_when_two_talks_have_one() {
        assert_eq!(after_code("COP301 — Cost-aware architectures"), Some("Cost-aware architectures"));
        assert_eq!(after_code("DAT318 Aurora DSQL deep dive"), Some("Aurora DSQL deep dive"));
        assert_eq!(after_code("[A04] Tidy survival analysis"), Some("Tidy survival analysis"));
        assert_eq!(after_code("BRK-211: Building agents"), Some("Building agents"));
        // A year, a version, a word in capitals: no code.
        for t in
            ["ES2024 features you missed", "HTTP3 in practice", "2024 in review", "GPT4 and friends", "[1] Intro talk"]
        {
            assert_eq!(after_code(t), None, "{t}");
        }
    }

    #[test]
    fn a_title_written_again_opens_the_item() {
        assert!(repeats_title("golden tests that don't flake", "golden tests that don't flake - watched later"));
        assert!(!repeats_title("golden tests", "golden testsuite"));
        assert!(!repeats_title("Rust", "Rust again"));
    }
}
