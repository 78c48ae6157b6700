//! Property test (issue 19, item 1): the adversarial shapes of `bench/shapes.py` (one
//! huge word, line, heading, list item or table row; many headings; deep nesting; one
//! name over and over), built from random pieces of prose, names and punctuation, go
//! through the whole pipeline into every format: no panic, every file parses with a
//! real parser of its format, and the names written in a talk's body are found. (Their
//! cost is measured by `bench/shapes.py`, see BENCHMARKS.md: no timing here.)

use std::path::Path;

use proptest::prelude::*;
use talkgraph::export::{ExportOptions, Format, Output};
use talkgraph::graph::ViewOptions;

const HEAD: &str = "# PyCon Test 2024\n\n## Talk 1: Shapes\n\nAda Lovelace\n\n";

/// A piece of text: words, names the lexicon knows, a PEP, punctuation and markup.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Django ".to_string()),
        Just("PEP 659, ".to_string()),
        Just("black coffee. ".to_string()),
        Just("| ".to_string()),
        Just("- ".to_string()),
        Just("> ".to_string()),
        Just("`x` ".to_string()),
        Just("**b** ".to_string()),
        Just("[l](https://e.org) ".to_string()),
        "[a-zA-Zé]{1,12}",
        "[ ,.;:!?#*_()\\[\\]{}<>\"'\\\\-]{1,3}",
    ]
}

/// A shape, named as in `bench/shapes.py`, of about `size` bytes made of `unit`.
fn shape(kind: usize, unit: &str, size: usize) -> String {
    let fill = |u: &str| u.repeat((size / u.len().max(1)).max(1));
    let line = unit.replace('\n', " ");
    match kind {
        // One huge word.
        0 => format!("{HEAD}{}\n", fill(&line.replace(' ', ""))),
        // One huge line.
        1 => format!("{HEAD}{}\n", fill(&line)),
        // One huge heading.
        2 => format!("# PyCon Test 2024\n\n## {}\n\nAda Lovelace\n", fill(&line)),
        // One huge list item.
        3 => format!("{HEAD}- {}\n", fill(&line)),
        // One huge table row.
        4 => format!("{HEAD}| time | title |\n|---|---|\n| 10:00 | {}\n", fill(&format!("{line} | "))),
        // Many headings.
        5 => {
            let mut s = "# PyCon Test 2024\n\n".to_string();
            let mut i = 0;
            while s.len() < size {
                s.push_str(&format!("## Talk {i}: {line}\n\nSpeaker Person{}\n\n{line}\n\n", i % 7));
                i += 1;
            }
            s
        }
        // Deep nesting: bullets, then quotes.
        6 => {
            let mut s = HEAD.to_string();
            let mut d = 0;
            while s.len() < size {
                s.push_str(&format!("{}- {line}\n", "  ".repeat(d % 400)));
                s.push_str(&format!("{} {line}\n", ">".repeat(d % 200 + 1)));
                d += 1;
            }
            s
        }
        // One name, line after line.
        _ => format!("{HEAD}{}", fill(&format!("{}\n", line.trim()))),
    }
}

/// Every output of a run, checked with a parser of its format.
fn check_outputs(dir: &Path) -> Result<(), TestCaseError> {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let path = e.path();
        let name = e.file_name().to_string_lossy().into_owned();
        if !path.is_file() || name.starts_with('.') {
            continue;
        }
        let text = std::fs::read_to_string(&path).map_err(|e| TestCaseError::fail(format!("{name}: {e}")))?;
        let fail = |why: String| TestCaseError::fail(format!("{name}: {why}"));
        match path.extension().and_then(|x| x.to_str()).unwrap_or_default() {
            "jsonld" => {
                serde_json::from_str::<serde_json::Value>(&text).map_err(|e| fail(e.to_string()))?;
            }
            "csv" => {
                let mut r = csv::Reader::from_reader(text.as_bytes());
                let width = r.headers().map_err(|e| fail(e.to_string()))?.len();
                for rec in r.records() {
                    let rec = rec.map_err(|e| fail(e.to_string()))?;
                    prop_assert_eq!(rec.len(), width, "{}: a record of another width", name);
                }
            }
            "graphml" | "gexf" => {
                let mut r = quick_xml::Reader::from_str(&text);
                loop {
                    match r.read_event() {
                        Ok(quick_xml::events::Event::Eof) => break,
                        Ok(_) => {}
                        Err(e) => return Err(fail(e.to_string())),
                    }
                }
            }
            "dot" => {
                graphviz_rust::parse(&text).map_err(fail)?;
            }
            _ => {}
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    #[test]
    fn adversarial_shapes_give_valid_outputs(
        kind in 0usize..8,
        pieces in prop::collection::vec(piece(), 1..8),
        size in 1_000usize..40_000,
    ) {
        let unit = pieces.concat();
        let text = shape(kind, &unit, size);
        let dir = tempfile::tempdir().unwrap();
        let note = dir.path().join("notes/day.md");
        std::fs::create_dir_all(note.parent().unwrap()).unwrap();
        std::fs::write(&note, &text).unwrap();
        let out = dir.path().join("out");
        let opts = talkgraph::Options {
            inputs: vec![note.parent().unwrap().to_path_buf()],
            output: Output::Dir(out.clone()),
            formats: Format::ALL.to_vec(),
            export: ExportOptions::default(),
            view: ViewOptions::default(),
            lexicon: None,
            extract: Default::default(),
            threads: Some(1),
            progress: false,
            extensions: vec![],
        };
        let (summary, _) = talkgraph::run(&opts).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(summary.written.iter().any(|p| p.ends_with("graph.jsonld")));
        check_outputs(&out)?;
        // In a talk's body (one line, one list item), a PEP named in plain prose (not in
        // code, HTML or a link, not glued to a word) is found.
        let plain = !unit.contains(['`', '<', '[', '\\']);
        let apart = unit.split("PEP 659").next().is_some_and(|before| {
            before.chars().last().is_none_or(|c| !c.is_alphanumeric())
        });
        if matches!(kind, 1 | 3) && plain && apart {
            let nodes = std::fs::read_to_string(out.join("nodes.csv")).unwrap();
            if unit.contains("PEP 659") {
                prop_assert!(nodes.contains("pep:659"), "PEP 659 not found in {:?}", &text[..text.len().min(300)]);
            }
        }
    }
}
