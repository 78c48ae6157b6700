//! `report` and `--format obsidian` driven as a user runs them: the report's golden
//! files (sample notes and the two years of `tests/fixtures/events/`), its links, and
//! the vault Obsidian opens (front matter that parses as YAML, wikilinks that resolve).

use std::collections::BTreeSet;
use std::path::Path;

use crate::util::{golden, repo, scratch_with_sample, talkgraph};

fn report_of(args: &[&str]) -> String {
    let out = talkgraph(&repo()).arg("report").args(args).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("utf-8")
}

// The report of the sample notes, regenerated and compared (TALKGRAPH_BLESS=1 rewrites).
#[test]
fn report_of_the_sample_is_golden() {
    golden("report-sample.md", &report_of(&["notes"]));
}

// The report of the two years, regenerated and compared.
#[test]
fn report_of_two_years_is_golden() {
    let years = ["tests/fixtures/events/pyconline-2024.md", "tests/fixtures/events/pyconline-2025.md"];
    golden("report-pyconline.md", &report_of(&years));
}

// What the report says is in the notes: every link points at an existing line, and
// the lines the PEPs section links to name the PEP.
#[test]
fn report_links_point_at_lines_of_the_notes() {
    let text = report_of(&["notes", "-j", "1"]);
    assert_eq!(text, report_of(&["notes", "-j", "2"]), "the same at any -j");
    assert!(text.contains("| **EuroPython 2023** | 2023-07-19 | 16 |"), "{text}");
    assert!(text.contains("- **Mark Shannon**: *How are we making Cpython faster*"), "{text}");
    let re = regex::Regex::new(r"\]\(([^)#]+)#L(\d+)\)").unwrap();
    let mut checked = 0;
    for c in re.captures_iter(&text) {
        let file = repo().join(&c[1]);
        let lines = std::fs::read_to_string(&file).unwrap_or_else(|_| panic!("{} exists", &c[1]));
        let n: usize = c[2].parse().unwrap();
        assert!(n >= 1 && n <= lines.lines().count(), "{}#L{n}", &c[1]);
        checked += 1;
    }
    assert!(checked > 30, "{checked} links");
    // PEP 703 is named on every line its section links to.
    let pep = text.lines().skip_while(|l| !l.contains("[PEP 659]")).skip(1).take_while(|l| l.starts_with("  - in"));
    let mut seen = 0;
    for l in pep {
        for c in re.captures_iter(l) {
            let lines = std::fs::read_to_string(repo().join(&c[1])).unwrap();
            let line = lines.lines().nth(c[2].parse::<usize>().unwrap() - 1).unwrap();
            assert!(line.contains("659"), "{line}");
            seen += 1;
        }
    }
    assert!(seen > 0, "{text}");
}

// With -o FILE the report is written there, links relative to its folder; the topic
// map is drawn beside it (Graphviz).
#[test]
#[ignore = "needs Graphviz (sfdp) on PATH"]
fn report_to_a_file_draws_the_topic_map() {
    let dir = scratch_with_sample();
    talkgraph(dir.path()).args(["report", "notes", "-o", "out/report.md"]).assert().success();
    let text = std::fs::read_to_string(dir.path().join("out/report.md")).unwrap();
    assert!(text.contains("](../notes/europython-2023-day1.md#L"), "{text}");
    assert!(text.contains("![The topic map: topics linked when a talk mentions both](report-topics.svg)"));
    let svg = std::fs::read_to_string(dir.path().join("out/report-topics.svg")).unwrap();
    assert!(svg.contains("<svg") && svg.contains("CPython"));
}

// Without Graphviz, the report still is written and says how to get the map.
#[test]
fn report_without_graphviz_says_how_to_get_the_map() {
    let dir = scratch_with_sample();
    talkgraph(dir.path()).env("PATH", "").args(["report", "notes", "-o", "report.md"]).assert().success();
    let text = std::fs::read_to_string(dir.path().join("report.md")).unwrap();
    assert!(text.contains("Install Graphviz"), "{text}");
    assert!(text.contains("](notes/europython-2023-day1.md#L"), "{text}");
    assert!(!dir.path().join("report-topics.svg").exists());
}

/// The vault written for `notes` in `dir`.
fn vault(dir: &Path) -> std::path::PathBuf {
    talkgraph(dir).args(["notes", "--format", "obsidian", "-o", "out"]).assert().success();
    dir.join("out/obsidian")
}

// Every note's front matter parses as YAML with id, kind and aliases; every wikilink
// names a note of the vault; file names are unique ignoring case.
#[test]
fn vault_front_matter_is_yaml_and_wikilinks_resolve() {
    let dir = scratch_with_sample();
    let v = vault(dir.path());
    let notes: Vec<String> = std::fs::read_dir(&v)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".md"))
        .collect();
    assert!(notes.len() > 100, "{} notes", notes.len());
    let stems: BTreeSet<String> = notes.iter().map(|n| n.trim_end_matches(".md").to_string()).collect();
    let lower: BTreeSet<String> = stems.iter().map(|s| s.to_lowercase()).collect();
    assert_eq!(lower.len(), stems.len(), "unique ignoring case");
    let link = regex::Regex::new(r"\[\[([^\]|#]+)(?:[|#][^\]]*)?\]\]").unwrap();
    let mut ids = BTreeSet::new();
    let mut links = 0;
    for n in &notes {
        let text = std::fs::read_to_string(v.join(n)).unwrap();
        let rest = text.strip_prefix("---\n").unwrap_or_else(|| panic!("{n}: front matter first"));
        let (yaml, body) = rest.split_once("\n---\n").unwrap_or_else(|| panic!("{n}: front matter closed"));
        let fm: serde_yaml_ng::Value = serde_yaml_ng::from_str(yaml).unwrap_or_else(|e| panic!("{n}: {e}\n{yaml}"));
        let id = fm["id"].as_str().unwrap_or_else(|| panic!("{n}: id"));
        assert!(ids.insert(id.to_string()), "{id} twice");
        assert!(fm["kind"].as_str().is_some(), "{n}");
        assert!(fm["aliases"].as_sequence().is_some(), "{n}: aliases is a list");
        assert!(fm["degree"].as_u64().is_some(), "{n}: degree");
        for c in link.captures_iter(body) {
            assert!(stems.contains(&c[1]), "{n}: [[{}]] names no note", &c[1]);
            links += 1;
        }
    }
    assert!(links > 500, "{links} wikilinks");
    let cpython = std::fs::read_to_string(v.join("CPython.md")).unwrap();
    assert!(cpython.contains("id: \"technology:cpython\""), "{cpython}");
    assert!(cpython.contains("- notes/europython-2023-day1.md:22: mentioned by [["), "{cpython}");
    // Nothing else is left in the output folder but the run's manifest.
    let mut left: Vec<String> = std::fs::read_dir(dir.path().join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(left, [".talkgraph-outputs", "obsidian"]);
}

// The vault's `topics.canvas` is a JSON Canvas 1.0 document (https://jsoncanvas.org/spec/1.0/):
// top-level `nodes` and `edges` arrays; every node has a unique string `id`, a `type` of
// the spec, integer `x`, `y`, `width`, `height`, a text node its `text`, a colour a preset
// ("1" to "6") or a hex colour; every edge a unique `id`, `fromNode` and `toNode` naming
// nodes, sides and ends of the spec. Its text nodes' wikilinks name notes of the vault,
// and the topic map's communities give more than one colour.
#[test]
fn vault_canvas_is_json_canvas_1_0() {
    let dir = scratch_with_sample();
    let v = vault(dir.path());
    let text = std::fs::read_to_string(v.join("topics.canvas")).unwrap();
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    let obj = doc.as_object().unwrap();
    assert!(obj.keys().all(|k| k == "nodes" || k == "edges"), "{:?}", obj.keys());
    let nodes = doc["nodes"].as_array().unwrap();
    let edges = doc["edges"].as_array().unwrap();
    assert!(nodes.len() > 50 && edges.len() > 100, "{} nodes, {} edges", nodes.len(), edges.len());
    let hex = regex::Regex::new(r"^#[0-9a-fA-F]{6}$").unwrap();
    let link = regex::Regex::new(r"^\[\[([^\]]+)\]\]$").unwrap();
    let mut ids = BTreeSet::new();
    let mut colours = BTreeSet::new();
    for n in nodes {
        let id = n["id"].as_str().unwrap();
        assert!(ids.insert(id.to_string()), "node id {id} twice");
        let kind = n["type"].as_str().unwrap();
        assert!(["text", "file", "link", "group"].contains(&kind), "{n}");
        for k in ["x", "y", "width", "height"] {
            assert!(n[k].is_i64(), "{id}: {k} is an integer: {n}");
        }
        assert!(n["width"].as_i64().unwrap() > 0 && n["height"].as_i64().unwrap() > 0, "{n}");
        if kind == "text" {
            let t = n["text"].as_str().unwrap();
            let note = &link.captures(t).unwrap_or_else(|| panic!("{id}: {t}"))[1];
            assert!(v.join(format!("{note}.md")).exists(), "{id}: [[{note}]] names no note");
        }
        if let Some(c) = n.get("color") {
            let c = c.as_str().unwrap();
            assert!(["1", "2", "3", "4", "5", "6"].contains(&c) || hex.is_match(c), "{id}: colour {c}");
            colours.insert(c.to_string());
        }
    }
    assert!(colours.len() > 1, "{colours:?}");
    let sides = ["top", "right", "bottom", "left"];
    for e in edges {
        let id = e["id"].as_str().unwrap();
        assert!(ids.insert(id.to_string()), "edge id {id} twice");
        for end in ["fromNode", "toNode"] {
            let n = e[end].as_str().unwrap();
            assert!(nodes.iter().any(|x| x["id"] == n), "{id}: {end} {n} is no node");
        }
        for side in ["fromSide", "toSide"] {
            if let Some(s) = e.get(side) {
                assert!(sides.contains(&s.as_str().unwrap()), "{e}");
            }
        }
        for end in ["fromEnd", "toEnd"] {
            if let Some(s) = e.get(end) {
                assert!(["none", "arrow"].contains(&s.as_str().unwrap()), "{e}");
            }
        }
        if let Some(l) = e.get("label") {
            assert!(l.is_string(), "{e}");
        }
    }
    // Topics that are often named together sit nearer than the map's width.
    let at = |id: &str| {
        let n = nodes.iter().find(|x| x["id"] == id).unwrap();
        (n["x"].as_i64().unwrap(), n["y"].as_i64().unwrap())
    };
    assert_ne!(at("technology:python"), at("technology:cpython"));
}

// A second run replaces the vault whole (a note of a node gone is gone).
#[test]
fn vault_is_replaced_whole() {
    let dir = scratch_with_sample();
    let v = vault(dir.path());
    std::fs::write(v.join("Stale.md"), "left from before").unwrap();
    let v = vault(dir.path());
    assert!(!v.join("Stale.md").exists());
    assert!(v.join("CPython.md").exists());
}

/// A panel's moderator is listed with the speakers, marked as its moderator.
#[test]
fn report_marks_a_moderator() {
    let r = report_of(&["tests/fixtures/styles/field-lists.md"]);
    let line = r.lines().find(|l| l.starts_with("- **Priya Raman**")).expect("the moderator is listed");
    assert!(line.ends_with("(moderator)"), "{line}");
    let speaker = r.lines().find(|l| l.starts_with("- **Tom Berg**")).expect("a panelist is listed");
    assert!(!speaker.contains("moderator"), "{speaker}");
}
