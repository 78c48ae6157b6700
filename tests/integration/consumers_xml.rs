//! GraphML, GEXF and Mermaid read by their real consumers: NetworkX
//! (`tests/consumers/graphml_gexf.py`) and Mermaid's own parser
//! (`tests/consumers/mermaid_check.mjs`), each compared with the CSVs written beside
//! them, for the sample notes in every view and for a note full of hostile names.
//! Those two tests are ignored by default; run them after
//! `pip install -r tests/consumers/requirements.txt` and
//! `npm ci --prefix tests/consumers` with `cargo test -- --include-ignored`.
//! A third test needs nothing: every format reports the same node and edge counts.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use talkgraph::export::{csv, gexf, graphml, mermaid, ExportError, ExportOptions};
use talkgraph::graph::{View, ViewOptions};
use talkgraph::KnowledgeGraph;

type Writer = fn(&KnowledgeGraph, &ExportOptions, &mut dyn Write) -> Result<(), ExportError>;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Writes GraphML, GEXF, Mermaid (when it fits Mermaid's limits) and the Gephi
/// CSVs of `g` into `dir`; returns whether Mermaid was written.
fn write_outputs(g: &KnowledgeGraph, dir: &Path) -> bool {
    std::fs::create_dir_all(dir).expect("output folder");
    let opts = ExportOptions::default();
    let files: [(&str, Writer); 4] = [
        ("graph.graphml", graphml::write),
        ("graph.gexf", gexf::write),
        ("nodes.csv", csv::write_nodes),
        ("edges.csv", csv::write_edges),
    ];
    for (name, write) in files {
        let mut out = Vec::new();
        write(g, &opts, &mut out).unwrap_or_else(|e| panic!("writing {name}: {e}"));
        std::fs::write(dir.join(name), out).expect("write file");
    }
    let mut out = Vec::new();
    match mermaid::write(g, &opts, &mut out) {
        Ok(()) => {
            std::fs::write(dir.join("graph.mmd"), out).expect("write file");
            true
        }
        Err(e) => {
            let why = std::error::Error::source(&e).map(ToString::to_string).unwrap_or_default();
            assert!(
                g.edge_count() > mermaid::MAX_EDGES || why.contains("maxTextSize"),
                "Mermaid refused a small graph: {e}: {why}"
            );
            false
        }
    }
}

/// A folder with a user lexicon and a note whose names break careless writers:
/// quotes, backslashes, newlines, tabs, commas, `<>&`, emoji, a leading `=`,
/// right-to-left text, Mermaid's `end`, and a file name with all of that.
fn hostile_notes() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("talkgraph.toml"),
        r#"
[[entry]]
name = 'Quote"Tool'
kind = "technology"
category = "multi\nline\tcategory"
aliases = ['Back\Slash']
homepage = "https://example.org/?a=1&b=<2>"
org = "Comma, Inc\n& \"Sons\" <ltd>"

[[entry]]
name = "שלום"
kind = "technology"
category = "library"

[[entry]]
name = "Snake🐍"
kind = "technology"
category = "=cmd|' /C calc'!A0"
"#,
    )
    .expect("lexicon");
    std::fs::write(
        dir.path().join("day \"1\", <odd> & co.md"),
        "# Hostile\n\n## Talk 1: Say \"hi\" & <b>bye</b>, \\back\\slash 🐍 שלום #quot; `x`\n\nAnn Lee\n\n\
         We used Quote\"Tool and Back\\Slash with שלום and Snake🐍, then end.\n\n\
         ## Talk 2: =SUM(1,2) and end\n\nBob Ray\n\nMore end, Quote\"Tool; also PEP 659 and Snake🐍.\n",
    )
    .expect("note");
    dir
}

fn build(dir: &Path) -> KnowledgeGraph {
    let inputs = [dir.to_path_buf()];
    let knowledge = talkgraph::load_knowledge(&inputs, None).expect("lexicon loads");
    talkgraph::build_graph(&inputs, &knowledge, Some(1)).expect("graph builds").graph
}

/// Every case: (name, graph). The sample notes in each view, a focus and a pruned
/// view, and the hostile note in full and topics views.
fn cases() -> (tempfile::TempDir, Vec<(String, KnowledgeGraph)>) {
    let sample = build(&repo().join("notes"));
    let hostile_dir = hostile_notes();
    let hostile = build(hostile_dir.path());
    let mut out = Vec::new();
    for view in [View::Full, View::Topics, View::Speakers] {
        let opts = ViewOptions { view, ..Default::default() };
        out.push((format!("notes-{}", view.name()), sample.view(&opts).expect("view")));
        out.push((format!("hostile-{}", view.name()), hostile.view(&opts).expect("view")));
    }
    let focus = ViewOptions { focus: Some("cpython".into()), depth: Some(2), ..Default::default() };
    out.push(("notes-focus".into(), sample.view(&focus).expect("CPython is in the sample notes")));
    let pruned = ViewOptions { view: View::Topics, min_weight: Some(2), ..Default::default() };
    out.push(("notes-topics-min2".into(), sample.view(&pruned).expect("view")));
    // With their measures and layout, as the CLI writes them.
    let out = out.into_iter().map(|(name, g)| (name, g.with_measures(None, true))).collect();
    (hostile_dir, out)
}

/// The hostile note really puts hostile names into the graph.
fn assert_hostile(g: &KnowledgeGraph) {
    let labels: Vec<&str> = g.nodes().map(|(_, n)| n.label.as_str()).collect();
    for (what, found) in [
        ("a quote", labels.iter().any(|l| l.contains('"'))),
        ("a backslash", labels.iter().any(|l| l.contains('\\'))),
        ("<>&", labels.iter().any(|l| l.contains('<') && l.contains('&'))),
        ("a comma", labels.iter().any(|l| l.contains(','))),
        ("an emoji", labels.iter().any(|l| l.contains('🐍'))),
        ("right-to-left text", labels.iter().any(|l| l.contains('ש'))),
        ("a leading =", labels.iter().any(|l| l.starts_with('='))),
    ] {
        assert!(found, "no label with {what} in {labels:?}");
    }
}

fn run(cmd: &mut Command) {
    let out = cmd.output().unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"));
    let (stdout, stderr) = (String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "{cmd:?} failed\n{stdout}\n{stderr}");
    print!("{stdout}");
}

// NetworkX reads GraphML and GEXF with the counts and attribute values of the CSVs.
#[test]
#[ignore = "needs python3 with networkx (pip install -r tests/consumers/requirements.txt)"]
fn networkx_reads_graphml_and_gexf_as_written() {
    let (hostile_dir, cases) = cases();
    assert_hostile(&cases.iter().find(|(n, _)| n == "hostile-full").expect("case").1);
    let out = tempfile::tempdir().expect("temp dir");
    for (name, g) in &cases {
        let dir = out.path().join(name);
        write_outputs(g, &dir);
        run(Command::new("python3").arg(repo().join("tests/consumers/graphml_gexf.py")).arg(&dir));
    }
    drop(hostile_dir);
}

// Mermaid's parser reads every flowchart we write with the labels, shapes, classes and
// edges of the CSVs; graphs past its edge limit are refused, not written.
#[test]
#[ignore = "needs node and `npm ci --prefix tests/consumers`"]
fn mermaid_parses_our_flowcharts() {
    let (_hostile_dir, cases) = cases();
    let out = tempfile::tempdir().expect("temp dir");
    let mut checked = 0;
    for (name, g) in &cases {
        let dir = out.path().join(name);
        if write_outputs(g, &dir) {
            run(Command::new("node").arg(repo().join("tests/consumers/mermaid_check.mjs")).arg(&dir));
            checked += 1;
        }
    }
    // The hostile cases are small; the sample's full view may outgrow the limit as the
    // lexicon grows, and is then refused (checked in write_outputs).
    assert!(checked >= 3, "only {checked} flowcharts fitted Mermaid's limit");
}

/// Counts elements named `name` (start or empty tags) in an XML document.
fn count_elements(xml: &str, name: &[u8]) -> usize {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut n = 0;
    loop {
        match reader.read_event().expect("well-formed XML") {
            quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e) if e.name().as_ref() == name => {
                n += 1
            }
            quick_xml::events::Event::Eof => return n,
            _ => {}
        }
    }
}

// GraphML, GEXF, Mermaid and the CSVs report the same node and edge counts, in every case.
#[test]
fn every_format_reports_the_same_counts() {
    let (_hostile_dir, cases) = cases();
    assert_hostile(&cases.iter().find(|(n, _)| n == "hostile-full").expect("case").1);
    let out = tempfile::tempdir().expect("temp dir");
    for (name, g) in &cases {
        let dir = out.path().join(name);
        let wrote_mermaid = write_outputs(g, &dir);
        let read = |f: &str| std::fs::read_to_string(dir.join(f)).expect("written");
        let rows = |f: &str| ::csv::Reader::from_path(dir.join(f)).expect("csv").records().count();
        let want = (g.node_count(), g.edge_count());
        assert_eq!((rows("nodes.csv"), rows("edges.csv")), want, "{name}: CSV");
        let graphml = read("graph.graphml");
        assert_eq!((count_elements(&graphml, b"node"), count_elements(&graphml, b"edge")), want, "{name}: GraphML");
        let gexf = read("graph.gexf");
        assert_eq!((count_elements(&gexf, b"node"), count_elements(&gexf, b"edge")), want, "{name}: GEXF");
        if wrote_mermaid {
            let mmd = read("graph.mmd");
            let nodes = mmd.lines().filter(|l| l.trim_start().starts_with('n') && !l.contains("--")).count();
            let edges = mmd.lines().filter(|l| l.contains(" -->|") || l.contains(" ---|")).count();
            assert_eq!((nodes, edges), want, "{name}: Mermaid");
        }
    }
}

// The same notes give the same bytes in every format and view, whatever the thread count.
#[test]
fn outputs_are_byte_stable() {
    let inputs = [repo().join("notes")];
    let knowledge = talkgraph::load_knowledge(&inputs, None).expect("lexicon loads");
    let one = talkgraph::build_graph(&inputs, &knowledge, Some(1)).expect("graph").graph;
    let two = talkgraph::build_graph(&inputs, &knowledge, Some(2)).expect("graph").graph;
    let opts = ExportOptions::default();
    let writers: [(&str, Writer); 3] =
        [("graphml", graphml::write), ("gexf", gexf::write), ("mermaid", mermaid::write)];
    for view in [View::Full, View::Topics, View::Speakers] {
        let v = ViewOptions { view, ..Default::default() };
        let (a, b) = (one.view(&v).expect("view"), two.view(&v).expect("view"));
        for (format, write) in writers {
            if format == "mermaid" && a.edge_count() > mermaid::MAX_EDGES {
                // Refused (tested in write_outputs), not written.
                continue;
            }
            let (mut x, mut y) = (Vec::new(), Vec::new());
            write(&a, &opts, &mut x).expect("writes");
            write(&b, &opts, &mut y).expect("writes");
            assert!(!x.is_empty());
            assert_eq!(x, y, "{format}, {} view", view.name());
        }
    }
}
