//! The output folder always holds one run's complete set (src/export/publish.rs): after
//! a `kill -9` at any moment, after two runs into one folder at once, after a run that
//! fails. Nothing stale from an earlier run, no temporaries in it, and what a killed run
//! left beside it is gone after the next run.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::util::{sample, talkgraph, write};

const NOTE: &str = "# PyCon US 2024\n\n## Talk 1: Faster CPython\n\nMark Shannon\n\nPEP 659 and NumPy.\n\n## Talk 2: Typing\n\nCarl Meyer\n\nmypy and Pyright\n";

/// Every file under `dir` (relative path -> bytes); empty if there is no `dir`.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, into: &mut BTreeMap<String, Vec<u8>>) {
        let Ok(entries) = std::fs::read_dir(dir) else { return };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(root, &p, into);
            } else {
                let rel = p.strip_prefix(root).unwrap().to_string_lossy().into_owned();
                into.insert(rel, std::fs::read(&p).unwrap_or_default());
            }
        }
    }
    let mut m = BTreeMap::new();
    walk(dir, dir, &mut m);
    m
}

/// The names in `dir` that a run's staging left beside the output folder `out`.
fn leftovers(dir: &Path, out: &str) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(&format!(".{out}.")) || n.ends_with(".tmp"))
        .collect()
}

fn run_ok(dir: &Path, args: &[&str]) {
    let o = talkgraph(dir).args(args).output().unwrap();
    assert!(o.status.success(), "talkgraph {args:?}: {}", String::from_utf8_lossy(&o.stderr));
}

/// Notes with many talks (Mermaid refuses the graph: more than 500 edges), about
/// `files` × 40 KB.
fn corpus(dir: &Path, files: usize) {
    let para =
        "We compared NumPy, pandas and Polars on CPython 3.12 with PEP 659 in mind; Rust via PyO3 was faster.\n\n";
    for f in 0..files {
        let mut s = "# PyCon US 2024\n\n".to_string();
        let mut t = 0;
        while s.len() < 40_000 {
            s.push_str(&format!("## Talk {t}: Topic {f}-{t}\n\nSpeaker {f} {t}\n\n{}", para.repeat(3)));
            t += 1;
        }
        write(dir, &format!("big/day{f:03}.md"), &s);
    }
}

fn binary() -> std::path::PathBuf {
    assert_cmd::cargo::cargo_bin("talkgraph")
}

// Runs killed at increasing delays, from before the first file is written to after the
// switch: each time, the folder holds the old set or the new one, whole (the new run's
// skips graph.mmd, which the old set has: a mix would show), and no temporary; the next
// run clears what the killed ones left beside it.
#[cfg(unix)]
#[test]
fn a_killed_run_leaves_one_runs_complete_set() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "small/day.md", NOTE);
    corpus(dir.path(), 8);
    run_ok(dir.path(), &["small", "-o", "out", "--format", "all,obsidian"]);
    let old = snapshot(&dir.path().join("out"));
    let args = ["big", "-o", "new", "--format", "all", "-q", "-j", "1"];
    // How long a whole run takes here, only to spread the kills over it.
    let start = std::time::Instant::now();
    run_ok(dir.path(), &args);
    let whole = start.elapsed();
    let new = snapshot(&dir.path().join("new"));
    assert!(old.contains_key("graph.mmd") && !new.contains_key("graph.mmd"), "the sets must differ in their files");
    // Spread over the run, and closer together around its end (the switch).
    let delays = (0..24).map(|i| whole * i / 24).chain((0..16).map(|i| whole * (85 + 2 * i) / 100));
    let (mut killed, mut killed_old, mut killed_new) = (0, 0, 0);
    for delay in delays {
        let mut child = Command::new(binary())
            .current_dir(dir.path())
            .args(["big", "-o", "out", "--format", "all", "-q", "-j", "1"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(delay);
        let _ = child.kill();
        let finished = child.wait().unwrap().success();
        let now = snapshot(&dir.path().join("out"));
        assert!(now == old || now == new, "after a kill at {delay:?}: a mixed set {:?}", now.keys());
        if !finished {
            killed += 1;
            if now == old {
                killed_old += 1;
            } else {
                killed_new += 1;
            }
        }
        if now == new {
            // Start again from the old set.
            run_ok(dir.path(), &["small", "-o", "out", "--format", "all,obsidian"]);
        }
    }
    assert!(killed > 0, "no run was killed before it finished");
    println!("{killed} kills: {killed_old} left the old set, {killed_new} the new one");
    run_ok(dir.path(), &["small", "-o", "out", "--format", "all,obsidian"]);
    assert_eq!(snapshot(&dir.path().join("out")), old);
    assert_eq!(leftovers(dir.path(), "out"), Vec::<String>::new(), "what killed runs left is not cleared");
}

// 20 pairs of runs into one folder at once, with different notes and formats: both
// succeed, and the folder holds exactly one of the two sets, with nothing left beside.
#[test]
fn concurrent_runs_leave_one_runs_complete_set() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "small/day.md", NOTE);
    std::fs::create_dir(dir.path().join("sample")).unwrap();
    std::fs::copy(sample(), dir.path().join("sample/day1.md")).unwrap();
    let a = ["small", "--format", "all", "-o"];
    let b = ["sample", "--format", "dot,csv", "-o"];
    run_ok(dir.path(), &[&a[..], &["ref-a"]].concat());
    run_ok(dir.path(), &[&b[..], &["ref-b"]].concat());
    let (set_a, set_b) = (snapshot(&dir.path().join("ref-a")), snapshot(&dir.path().join("ref-b")));
    let mut last = [0; 2];
    for pair in 0..20 {
        let spawn = |args: &[&str]| {
            Command::new(binary())
                .current_dir(dir.path())
                .args(args)
                .arg("out")
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        };
        let (ca, cb) = if pair % 2 == 0 { (spawn(&a), spawn(&b)) } else { (spawn(&b), spawn(&a)) };
        for c in [ca, cb] {
            let o = c.wait_with_output().unwrap();
            assert!(o.status.success(), "pair {pair}: {}", String::from_utf8_lossy(&o.stderr));
        }
        let now = snapshot(&dir.path().join("out"));
        assert!(now == set_a || now == set_b, "pair {pair}: a mixed set {:?}", now.keys());
        last[usize::from(now == set_b)] += 1;
        assert_eq!(leftovers(dir.path(), "out"), Vec::<String>::new(), "pair {pair}: temporaries left");
    }
    println!("last to switch in: a {} times, b {} times", last[0], last[1]);
}

// A file of ours the new run does not write goes with the old set; a file the previous
// run did not write (a picture drawn by hand, a report) stays.
#[test]
fn outputs_not_written_again_go_and_other_files_stay() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "n/day.md", NOTE);
    run_ok(dir.path(), &["n", "-o", "out", "--format", "all"]);
    write(dir.path(), "out/graph.svg", "<svg/>");
    write(dir.path(), "out/notes.txt", "mine");
    run_ok(dir.path(), &["n", "-o", "out", "--format", "dot"]);
    let got: Vec<String> = snapshot(&dir.path().join("out")).into_keys().collect();
    assert_eq!(got, [".talkgraph-outputs", "graph.dot", "graph.svg", "notes.txt"]);
    assert_eq!(std::fs::read_to_string(dir.path().join("out/.talkgraph-outputs")).unwrap(), "graph.dot\n");
    assert_eq!(std::fs::read_to_string(dir.path().join("out/notes.txt")).unwrap(), "mine");
}

// Mermaid alone, refused for size: an error, and no output folder at all (not an empty
// one); over an existing set, the set is untouched.
#[test]
fn a_refused_format_leaves_no_folder_and_the_old_set() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path(), 3);
    talkgraph(dir.path()).args(["big", "--format", "mermaid", "-o", "m"]).assert().code(1);
    assert!(!dir.path().join("m").exists(), "a refused run made its output folder");
    write(dir.path(), "small/day.md", NOTE);
    run_ok(dir.path(), &["small", "-o", "m", "--format", "mermaid,dot"]);
    let before = snapshot(&dir.path().join("m"));
    talkgraph(dir.path()).args(["big", "--format", "mermaid", "-o", "m"]).assert().code(1);
    assert_eq!(snapshot(&dir.path().join("m")), before);
    assert_eq!(leftovers(dir.path(), "m"), Vec::<String>::new());
}

// A folder where an output file goes, a file where the vault goes, a folder talkgraph
// did not write, or an output folder that is a file: an error naming it, and nothing
// replaced.
#[test]
fn something_in_the_way_is_an_error_before_anything_is_replaced() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "n/day.md", NOTE);
    run_ok(dir.path(), &["n", "-o", "out", "--format", "dot,csv"]);
    write(dir.path(), "out/graph.jsonld/x", "in the way");
    let before = snapshot(&dir.path().join("out"));
    for (args, want) in [
        (&["n", "-o", "out", "--format", "all"][..], "error: writing out/graph.jsonld: is a folder where talkgraph writes a file"),
        (&["n", "-o", "out", "--format", "dot"][..], "error: output folder out: cannot create or write it: it holds a folder talkgraph did not write (graph.jsonld)"),
        (&["n", "-o", "n/day.md"][..], "error: output folder n/day.md: cannot create or write it: it is a file"),
    ] {
        let o = talkgraph(dir.path()).args(args).output().unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{args:?}: {err}");
        assert!(err.starts_with(want), "{args:?}: {err}");
        assert_eq!(snapshot(&dir.path().join("out")), before, "{args:?}: the set changed");
    }
    std::fs::remove_dir_all(dir.path().join("out/graph.jsonld")).unwrap();
    write(dir.path(), "out/obsidian", "a file");
    let o = talkgraph(dir.path()).args(["n", "-o", "out", "--format", "obsidian"]).output().unwrap();
    assert!(
        String::from_utf8_lossy(&o.stderr)
            .starts_with("error: writing out/obsidian: is a file where talkgraph writes a folder"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert_eq!(std::fs::read_to_string(dir.path().join("out/obsidian")).unwrap(), "a file");
    assert_eq!(leftovers(dir.path(), "out"), Vec::<String>::new());
}

/// A panel's moderator, written as a panel line or as a labelled field, is linked by
/// `moderated_by` (schema.org `contributor`), never by `presented_by`, in every format,
/// and drawn apart from the speakers (dashed in DOT, dotted in Mermaid).
#[test]
fn a_panel_moderator_is_its_own_relation_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "notes/day.md",
        "# RustConf 2025\n\n\
         **Panel: is async Rust done?** — moderated by Clara Hoffmann, with Fatima Benali and Kwame Mensah\n\n\
         They compared Tokio and smol.\n\n\
         ## The future of WebAssembly\n\n\
         Speakers: Ana Lambda, Tom Berg\nModerator: Priya Raman\n\nwasmtime and Wasmer.\n",
    );
    run_ok(dir.path(), &["notes", "-o", "out", "-q", "-f", "csv,jsonld,cypher,graphml,dot,mermaid"]);
    let read = |f: &str| std::fs::read_to_string(dir.path().join("out").join(f)).unwrap();
    let edges = read("edges.csv");
    let rel = |person: &str| -> Vec<&str> {
        edges
            .lines()
            .filter(|l| l.contains(&format!(",person:{person},")))
            .map(|l| l.split(',').nth(3).unwrap())
            .collect()
    };
    assert_eq!(rel("clara-hoffmann"), ["moderated_by"], "{edges}");
    assert_eq!(rel("priya-raman"), ["moderated_by"], "{edges}");
    for p in ["fatima-benali", "kwame-mensah", "ana-lambda", "tom-berg"] {
        assert_eq!(rel(p), ["presented_by"], "{p}: {edges}");
    }
    let jsonld: serde_json::Value = serde_json::from_str(&read("graph.jsonld")).unwrap();
    let text = jsonld.to_string();
    assert!(text.contains(r#""contributor":{"@id":"person/clara-hoffmann"}"#), "{text}");
    assert!(read("graph.cypher").contains("MODERATED_BY"));
    assert!(read("graph.graphml").contains("moderated_by"));
    let dot = read("graph.dot");
    let style = |person: &str| {
        let line = dot.lines().find(|l| l.contains(&format!("-> \"person:{person}\""))).unwrap();
        line.contains("style=dashed")
    };
    assert!(style("clara-hoffmann") && style("priya-raman"), "{dot}");
    assert!(!style("fatima-benali") && !style("ana-lambda"), "{dot}");
    let mermaid = read("graph.mmd");
    assert_eq!(mermaid.matches("-.->|moderated_by|").count(), 2, "{mermaid}");
    assert!(!mermaid.contains("-->|moderated_by|"), "{mermaid}");
}
