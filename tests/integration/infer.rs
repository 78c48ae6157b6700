//! Names in no lexicon (issue 15, item 5), the confidence of every link (item 6) and
//! the merges a user controls in `talkgraph.toml` (item 7), through the binary.
//!
//! `tests/fixtures/infer/long-tail.md` holds one example or more of each family the
//! inference reads; `long-tail.inferred.json`, written before the recogniser, lists
//! the names a reader sees there that no lexicon holds.

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::Value;

use crate::util::{repo, talkgraph, write};

fn long_tail() -> std::path::PathBuf {
    repo().join("tests/fixtures/infer/long-tail.md")
}

/// `entities --json` of `paths` (with `args`), parsed.
fn entities(dir: &Path, paths: &[&Path], args: &[&str]) -> Value {
    let out = talkgraph(dir).arg("entities").args(paths).args(args).args(["--json", "-q"]).output().expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("JSON")
}

/// The names of the entities of `report` any of whose forms has `confidence`.
fn with_confidence(report: &Value, confidence: &str) -> BTreeSet<String> {
    let entities = report["entities"].as_array().expect("entities");
    let has =
        |e: &&Value| e["forms"].as_array().into_iter().flatten().any(|f| f["confidence"].as_str() == Some(confidence));
    entities.iter().filter(has).map(|e| e["name"].as_str().expect("name").to_string()).collect()
}

fn names(report: &Value) -> BTreeSet<String> {
    let entities = report["entities"].as_array().expect("entities");
    entities.iter().map(|e| e["name"].as_str().expect("name").to_string()).collect()
}

#[test]
fn the_long_tail_families_are_inferred_and_nothing_else() {
    let gold: Value = serde_json::from_str(
        &std::fs::read_to_string(repo().join("tests/fixtures/infer/long-tail.inferred.json")).expect("gold"),
    )
    .expect("JSON");
    let want: BTreeSet<String> =
        gold["inferred"].as_array().expect("list").iter().map(|v| v.as_str().expect("name").to_string()).collect();
    let dir = tempfile::tempdir().expect("temp dir");
    let got =
        with_confidence(&entities(dir.path(), &[&long_tail()], &["--kind", "technology", "--explain"]), "inferred");
    assert_eq!(got, want);
}

#[test]
fn no_infer_and_min_confidence_drop_what_they_say() {
    let dir = tempfile::tempdir().expect("temp dir");
    let note = long_tail();
    let all = entities(dir.path(), &[&note], &["--kind", "technology", "--explain"]);
    let known = entities(dir.path(), &[&note], &["--kind", "technology", "--explain", "--no-infer"]);
    assert!(with_confidence(&known, "inferred").is_empty());
    let inferred = with_confidence(&all, "inferred");
    assert!(!inferred.is_empty());
    assert_eq!(names(&known), names(&all).difference(&inferred).cloned().collect());
    // `--min-confidence exact` keeps no inferred, typo or context link; `inferred` keeps all.
    let sure = entities(dir.path(), &[&note], &["--kind", "technology", "--explain", "--min-confidence", "exact"]);
    for e in sure["entities"].as_array().expect("entities") {
        for f in e["forms"].as_array().expect("forms") {
            assert!(matches!(f["confidence"].as_str(), Some("exact" | "user")), "{f}");
        }
    }
    let every = entities(dir.path(), &[&note], &["--kind", "technology", "--min-confidence", "inferred"]);
    assert_eq!(names(&every), names(&all));
    let bad = talkgraph(dir.path()).args(["entities"]).arg(&note).args(["--min-confidence", "sure"]).assert().code(2);
    let err = String::from_utf8_lossy(&bad.get_output().stderr).to_string();
    assert!(err.contains("inferred, typo, context, case-folded, alias, exact, user"), "{err}");
}

#[test]
fn every_edge_of_edges_csv_has_a_confidence_and_inferred_ones_are_dotted() {
    let dir = tempfile::tempdir().expect("temp dir");
    talkgraph(dir.path()).arg(long_tail()).args(["-f", "csv,dot", "-o", "out", "-q"]).assert().success();
    let edges = std::fs::read_to_string(dir.path().join("out/edges.csv")).expect("edges.csv");
    let mut lines = edges.lines();
    assert!(lines.next().expect("header").ends_with(",evidence,confidence"));
    let levels: BTreeSet<&str> = lines.map(|l| l.rsplit(',').next().expect("a field")).collect();
    assert!(levels.contains("inferred") && levels.contains("exact"), "{levels:?}");
    let dot = std::fs::read_to_string(dir.path().join("out/graph.dot")).expect("graph.dot");
    let tessaly = dot.lines().find(|l| l.contains("-> \"technology:tessaly\"")).expect("an edge to Tessaly");
    assert!(tessaly.contains("style=dotted") && tessaly.contains("confidence=\"inferred\""), "{tessaly}");
}

/// A notes folder with one talk, and `toml` as its `talkgraph.toml`.
fn folder(toml: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    write(
        dir.path(),
        "notes/day.md",
        "# PyCon Test 2024 — 15 May 2024\n\n## Talk 1: Faster kube\nSpeaker: Mark S.\n\n- kube and Kubernetes, Djnago models\n- `rich` output, Keynote slides\n\n## Talk 2: More kube\nSpeaker: Mark Shannon\n\n- kube again, then `kubelite`\n",
    );
    write(dir.path(), "notes/talkgraph.toml", toml);
    dir
}

fn report(dir: &Path, kind: &str) -> Value {
    entities(dir, &[&dir.join("notes")], &["--kind", kind, "--explain"])
}

#[test]
fn same_joins_spellings_and_people_and_explain_names_its_line() {
    let without = folder("");
    let people = names(&report(without.path(), "person"));
    assert!(people.contains("Mark S") && people.contains("Mark Shannon"), "{people:?}");

    let dir = folder("# mine\nsame = [[\"Mark Shannon\", \"Mark S.\"],\n  [\"Kubernetes\", \"kubelite\"]]\n");
    let people = names(&report(dir.path(), "person"));
    assert_eq!(people, BTreeSet::from(["Mark Shannon".to_string()]));
    let tech = report(dir.path(), "technology");
    let k8s = tech["entities"].as_array().unwrap().iter().find(|e| e["name"] == "Kubernetes").expect("Kubernetes");
    let kube = k8s["forms"].as_array().unwrap().iter().find(|f| f["surface"] == "kubelite").expect("the form kubelite");
    let file = dir.path().join("notes/talkgraph.toml");
    assert_eq!(kube["rule"], format!("same ({}:3)", file.display()));
    assert_eq!(kube["confidence"], "user");
}

#[test]
fn never_keeps_two_names_apart_and_a_word_unlinked() {
    let without = report(folder("").path(), "technology");
    let before = names(&without);
    // What this test relies on: without the rule, `Djnago` is read as a typo of
    // Django and `rich` (in code) as Rich.
    assert!(before.contains("Django") && before.contains("Rich"), "{before:?}");
    let dir = folder("never = [[\"Django\", \"Djnago\"], \"rich\", [\"kube\"]]\n");
    let after = names(&report(dir.path(), "technology"));
    assert!(!after.contains("Django"), "{after:?}");
    assert!(!after.contains("Rich"), "{after:?}");
    assert!(after.contains("Kubernetes"), "the name itself is still linked: {after:?}");
}

#[test]
fn ignore_drops_an_entity_whatever_its_spelling() {
    let before = names(&report(folder("").path(), "technology"));
    assert!(before.contains("Kubernetes"), "{before:?}");
    let dir = folder("ignore = [\"k8s\", \"Mark S.\"]\n");
    let after = names(&report(dir.path(), "technology"));
    assert!(!after.contains("Kubernetes"), "ignored by its alias: {after:?}");
    let people = names(&report(dir.path(), "person"));
    assert!(!people.contains("Mark S") && people.contains("Mark Shannon"), "{people:?}");
}

#[test]
fn a_bad_rule_is_an_error_naming_file_and_line() {
    let dir = folder("\nsame = [[\"only one\"]]\n");
    let out = talkgraph(dir.path()).args(["entities", "notes"]).assert().failure();
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(err.contains("talkgraph.toml:2") && err.contains("two names"), "{err}");
}
