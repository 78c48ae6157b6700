//! The markup readers and the inputs: every markup parses any text into blocks whose
//! lines are inside the text, and a note is the same note however its path is written
//! (issue 19, item 4).

use std::path::Path;

use proptest::prelude::*;
use talkgraph::notes::document::{Blocks, Markup};
use talkgraph::notes::markup;

use crate::util::{scratch_with_sample, talkgraph};

const MARKUPS: [Markup; 8] = [
    Markup::Markdown,
    Markup::Org,
    Markup::Rst,
    Markup::AsciiDoc,
    Markup::Notebook,
    Markup::Outliner,
    Markup::Plain,
    Markup::Wiki,
];

fn check_lines(text: &str, blocks: &Blocks) -> Result<(), TestCaseError> {
    let lines = text.split('\n').count().max(1) as u32;
    for b in &blocks.blocks {
        prop_assert!(
            1 <= b.line && b.line <= b.end && b.end <= lines,
            "{:?} at {}..{} of {lines}",
            b.kind,
            b.line,
            b.end
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    // Any text made of the characters markups give meaning to parses in every markup,
    // and every block's lines are within the text.
    #[test]
    fn any_text_parses_with_lines_in_range(text in "([-*+=#|:.>`~_ \\t\\n\\[\\]()a-z0-9]|TODO|::|```|\\+\\-\\-\\+|#\\+BEGIN_SRC|\\.\\. code::|\\|===|----|h2\\. |\\{code\\}|\\|\\||\\[\\d\\d:\\d\\d\\] a: ){0,120}") {
        for m in MARKUPS {
            check_lines(&text, &markup::parse(m, &text))?;
        }
    }
}

/// The files `dir` holds, by name, with their text.
fn files(dir: &Path) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = std::fs::read_dir(dir)
        .expect("output folder")
        .flatten()
        .map(|e| (e.file_name().to_string_lossy().into_owned(), std::fs::read_to_string(e.path()).expect("read")))
        .collect();
    out.sort();
    out
}

// One folder given twice (`notes ./notes`) is read once: same outputs as `notes` alone.
#[test]
fn overlapping_inputs_are_read_once() {
    let dir = scratch_with_sample();
    let one = talkgraph(dir.path()).args(["notes", "-o", "one"]).assert().success().get_output().stdout.clone();
    let two = talkgraph(dir.path())
        .args(["notes", "./notes", "notes/europython-2023-day1.md", "-o", "two"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let summary = |s: &[u8]| String::from_utf8_lossy(s).split(" in ").next().unwrap_or("").to_string();
    assert!(summary(&one).starts_with("1 file read"), "{}", summary(&one));
    assert_eq!(summary(&one), summary(&two));
    assert_eq!(files(&dir.path().join("one")), files(&dir.path().join("two")));
}

// `cd notes && talkgraph .` writes what `talkgraph notes` writes: ids and provenance do
// not depend on how the path is spelled.
#[test]
fn outputs_do_not_depend_on_the_spelling_of_the_path() {
    let dir = scratch_with_sample();
    talkgraph(dir.path()).args(["notes", "-o", "a"]).assert().success();
    let out_b = dir.path().join("b");
    talkgraph(&dir.path().join("notes")).args([".", "-o"]).arg(&out_b).assert().success();
    let abs = dir.path().join("notes");
    talkgraph(dir.path()).arg(&abs).args(["-o", "c"]).assert().success();
    let a = files(&dir.path().join("a"));
    assert!(a.iter().any(|(_, text)| text.contains("talk:europython-2023-day1#")));
    assert_eq!(a, files(&out_b));
    assert_eq!(a, files(&dir.path().join("c")));
}

// A symbolic link to a note already read is not read again.
#[cfg(unix)]
#[test]
fn a_link_to_a_note_is_the_note() {
    let dir = scratch_with_sample();
    talkgraph(dir.path()).args(["notes", "-o", "a"]).assert().success();
    std::os::unix::fs::symlink("europython-2023-day1.md", dir.path().join("notes/copy.md")).expect("symlink");
    let o = talkgraph(dir.path()).args(["notes", "-o", "b"]).assert().success().get_output().stdout.clone();
    assert!(String::from_utf8_lossy(&o).starts_with("1 file read"), "{}", String::from_utf8_lossy(&o));
    assert_eq!(files(&dir.path().join("a")), files(&dir.path().join("b")));
}

// Each markup's file in a folder is found and read (its blocks tested in the readers'
// unit tests); a detected Markdown `.txt` parses as Markdown.
#[test]
fn every_markup_is_detected() {
    assert_eq!(markup::detect("md", ""), Markup::Markdown);
    assert_eq!(markup::detect("md", "- ## Day 1\n- Talk\n\t- speaker:: Ana\n"), Markup::Outliner);
    assert_eq!(markup::detect("ORG", ""), Markup::Org);
    assert_eq!(markup::detect("rst", ""), Markup::Rst);
    assert_eq!(markup::detect("adoc", ""), Markup::AsciiDoc);
    assert_eq!(markup::detect("asciidoc", ""), Markup::AsciiDoc);
    assert_eq!(markup::detect("txt", "next talk - rust (maya)\n"), Markup::Plain);
    assert_eq!(markup::detect("log", "# Day 1\n\n## Talk\n"), Markup::Markdown);
    assert_eq!(markup::detect("textile", ""), Markup::Wiki);
    assert_eq!(markup::detect("tid", ""), Markup::Wiki);
    // A wiki page's `# numbered items` are no Markdown headings.
    assert_eq!(markup::detect("txt", "h1. Notes\n\nh2. Talk\n# one\n# two\n"), Markup::Wiki);
}

/// A line of prose naming many talks (`"T1" by A, "T2" by B, …`): each talk's body is
/// its own part of the line, not the whole line, so that the bodies of a line of n
/// talks add up to the line once (with the whole line each, they were n times it and
/// reading them was quadratic).
#[test]
fn talks_sharing_a_line_have_their_part_of_it() {
    let people = ["Ana Ruiz", "Tom Berg", "Kofi Adjei", "Mia Lund"];
    for n in [3, 40, 400] {
        let talks: Vec<String> =
            (0..n).map(|i| format!("\"Graphs in practice number {i}\" by {}", people[i % people.len()])).collect();
        let line = format!("We saw {}.", talks.join(", "));
        let text = format!("# PyCon Test 2024\n\n{line}\n\nThanks to all.\n");
        let note = talkgraph::notes::Note { file: "t.md".into(), key: "t".into(), text, markup: Markup::Markdown };
        let doc = talkgraph::notes::segment(&note);
        assert_eq!(doc.sections.len(), n, "n = {n}");
        let total: usize = doc.sections.iter().map(|s| s.body.len()).sum();
        assert!(total <= 2 * line.len(), "n = {n}: bodies of {total} bytes for a line of {}", line.len());
        for (i, s) in doc.sections.iter().enumerate() {
            assert_eq!(s.title, format!("Graphs in practice number {i}"));
            assert!(s.body.contains(&s.title), "{i}: {:?}", s.body);
            // Its own part: the next talk's title is not in it.
            if i + 1 < n {
                assert!(!s.body.contains(&format!("number {}\"", i + 1)), "{i}: {:?}", s.body);
            }
        }
    }
}
