//! The command line: the default run, files, folders, standard output, and errors.

use predicates::prelude::*;

use crate::util::{scratch_with_sample, talkgraph, write};

// With no arguments it reads notes/ and writes the four outputs to out/, with a summary line.
#[test]
fn default_run_reads_notes_writes_out() {
    let dir = scratch_with_sample();
    talkgraph(dir.path())
        .assert()
        .success()
        .stdout(predicate::str::is_match(r"^1 file read: \d+ talks, \d+ speakers, \d+ technologies, \d+ topics, \d+ organisations, \d+ PEPs, \d+ edges in [0-9.]+ ms\n$").unwrap());
    for f in ["graph.dot", "graph.jsonld", "nodes.csv", "edges.csv"] {
        let p = dir.path().join("out").join(f);
        assert!(p.metadata().map(|m| m.len() > 0).unwrap_or(false), "{f} missing or empty");
    }
}

// `build` named explicitly is the same command.
#[test]
fn build_subcommand_with_a_file() {
    let dir = scratch_with_sample();
    talkgraph(dir.path()).args(["build", "notes/europython-2023-day1.md", "-o", "graph"]).assert().success();
    let nodes = std::fs::read_to_string(dir.path().join("graph/nodes.csv")).unwrap();
    assert!(nodes.contains("pep:659"), "{nodes}");
}

// A folder is searched recursively for the note extensions (any case), nothing else;
// `--ext` adds extensions read as plain text.
#[test]
fn folder_is_searched_recursively_by_extension() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "n/a.md", "## Talk 1: Alpha\n\nPEP 8\n");
    write(dir.path(), "n/deep/b.markdown", "## Talk 1: Beta\n\nPEP 20\n");
    write(dir.path(), "n/deep/er/c.txt", "## Talk 1: Gamma\n\nPEP 484\n");
    write(dir.path(), "n/d.rst", "## Talk 1: Delta\n\nPEP 3000\n");
    write(dir.path(), "n/e.ORG", "## Talk 1: Epsilon\n\nPEP 257\n");
    write(dir.path(), "n/f.log", "## Talk 1: Zeta\n\nPEP 572\n");
    talkgraph(dir.path()).args(["n", "-o", "o"]).assert().success().stdout(predicate::str::starts_with("5 files read"));
    let nodes = std::fs::read_to_string(dir.path().join("o/nodes.csv")).unwrap();
    for pep in ["pep:8,", "pep:20,", "pep:484,", "pep:3000,", "pep:257,"] {
        assert!(nodes.contains(pep), "{pep} missing");
    }
    assert!(!nodes.contains("pep:572,"));
    talkgraph(dir.path())
        .args(["n", "-o", "o2", "--ext", ".log,notes"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("6 files read"));
    let nodes = std::fs::read_to_string(dir.path().join("o2/nodes.csv")).unwrap();
    assert!(nodes.contains("pep:572,"), "{nodes}");
}

// `-o -` with one format writes that format to standard output and the summary to stderr.
#[test]
fn stdout_with_one_format() {
    let dir = scratch_with_sample();
    talkgraph(dir.path())
        .args(["notes", "--format", "jsonld", "-o", "-"])
        .assert()
        .success()
        .stdout(predicate::str::contains("\"@context\""))
        .stderr(predicate::str::contains("1 file read"));
    assert!(!dir.path().join("out").exists());
}

// Two formats to standard output is a usage error.
#[test]
fn stdout_with_two_formats_is_refused() {
    let dir = scratch_with_sample();
    talkgraph(dir.path())
        .args(["notes", "--format", "dot,jsonld", "-o", "-"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("error:").and(predicate::str::contains("exactly one")));
}

// An unknown format names the bad value and exits 2 (usage).
#[test]
fn unknown_format_exits_2() {
    let dir = scratch_with_sample();
    talkgraph(dir.path())
        .args(["--format", "dot,pnj"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown format 'pnj'"));
}

// A path that does not exist is named, exit 1.
#[test]
fn missing_path_is_named() {
    let dir = tempfile::tempdir().unwrap();
    talkgraph(dir.path())
        .args(["no-such-notes"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("error: no-such-notes: no such file or folder"));
}

// A folder with no notes in it is an error, exit 1, and writes nothing.
#[test]
fn no_notes_found() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "empty/readme.html", "nothing");
    talkgraph(dir.path())
        .args(["empty", "-o", "o"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no notes found in empty"));
    assert!(!dir.path().join("o").exists());
}

// --help shows examples.
#[test]
fn help_has_examples() {
    let dir = tempfile::tempdir().unwrap();
    talkgraph(dir.path())
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("Examples:"))
        .stdout(predicate::str::contains("Exit status: 0 success; 1 failure"));
}

// Only binary files: each skipped with a warning, then an error (not "no notes found").
#[test]
fn nothing_readable_names_each_skipped_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("n")).unwrap();
    std::fs::write(dir.path().join("n/photo.md"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    talkgraph(dir.path())
        .args(["n", "-o", "o"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("warning: n/photo.md: skipped: not a text file"))
        .stderr(predicate::str::contains("error: no readable notes in n: 1 file skipped"));
    assert!(!dir.path().join("o").exists());
}

// Warnings are printed as `warning: file:line: ...`; --quiet hides them; --strict
// makes them a failure, after writing the outputs.
#[test]
fn warnings_quiet_and_strict() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "n/good.md", "## Talk 1: Faster CPython\n\nMark Shannon\n\nPEP 659\n");
    std::fs::write(dir.path().join("n/bad.md"), b"## Talk 1: Caf\xe9 talk\n\nNumPy\n").unwrap();
    talkgraph(dir.path())
        .args(["n", "-o", "o"])
        .assert()
        .success()
        .stderr(predicate::str::contains("warning: n/bad.md"));
    talkgraph(dir.path()).args(["n", "-o", "o", "-q"]).assert().success().stderr(predicate::str::is_empty());
    talkgraph(dir.path())
        .args(["n", "-o", "o2", "--strict"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("--strict"));
    assert!(dir.path().join("o2/nodes.csv").exists(), "outputs are written even under --strict");
    talkgraph(dir.path()).args(["n", "-o", "o3", "--strict"]).arg("-q").assert().code(1);
    std::fs::remove_file(dir.path().join("n/bad.md")).unwrap();
    talkgraph(dir.path()).args(["n", "-o", "o4", "--strict"]).assert().success();
}

// `entities` lists what was found with file:line; --kind filters; --json is JSON.
#[test]
fn entities_text_json_and_kind() {
    let dir = scratch_with_sample();
    talkgraph(dir.path())
        .args(["entities", "--kind", "pep"])
        .assert()
        .success()
        .stdout(predicate::str::contains("pep:659"))
        .stdout(predicate::str::contains("notes/europython-2023-day1.md:71"))
        .stdout(predicate::str::contains("technology:").not());
    let out = talkgraph(dir.path()).args(["entities", "--json", "--explain"]).output().unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("--json prints JSON");
    let ents = v["entities"].as_array().expect("an entities array");
    let cpython = ents.iter().find(|e| e["id"] == "technology:cpython").expect("CPython is found");
    assert!(cpython["count"].as_u64().unwrap() >= 5);
    assert!(cpython["forms"].as_array().is_some_and(|f| f.iter().any(|f| f["surface"] == "Cpython")));
    assert!(v["near_misses"].is_array(), "--explain lists near misses");
}

// --stats prints the time of every stage to standard error.
#[test]
fn stats_lists_every_stage() {
    let dir = scratch_with_sample();
    let out = talkgraph(dir.path()).args(["--stats", "-o", "o", "--format", "csv,dot"]).output().unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    for stage in ["load lexicon", "read", "segment", "recognise", "graph", "write csv", "write dot", "total"] {
        assert!(err.lines().any(|l| l.starts_with(stage) && l.contains(" ms")), "no {stage} in\n{err}");
    }
}

// `--format all` on a graph too big for Mermaid writes every other format and says
// why graph.mmd was left out; Mermaid alone is an error. A multi-file format to
// standard output is a usage error.
#[test]
fn format_all_skips_mermaid_past_its_limit_with_a_warning() {
    let dir = scratch_with_sample();
    talkgraph(dir.path())
        .args(["--format", "all", "-o", "o"])
        .assert()
        .success()
        .stderr(predicate::str::contains("warning: graph.mmd: not written: the graph has 582 edges"));
    for f in ["graph.dot", "graph.jsonld", "nodes.csv", "edges.csv", "graph.graphml", "graph.gexf", "graph.cypher"] {
        assert!(dir.path().join("o").join(f).is_file(), "{f} missing");
    }
    assert!(!dir.path().join("o/graph.mmd").exists());
    talkgraph(dir.path()).args(["--format", "mermaid", "-o", "m"]).assert().code(1);
    talkgraph(dir.path()).args(["--format", "all", "-o", "s", "--strict"]).assert().code(1);
    talkgraph(dir.path()).args(["-f", "csv", "-o", "-"]).assert().code(2);
}

// `talkgraph completions SHELL` prints a script that completes the commands and flags.
#[test]
fn completions_for_every_shell() {
    let dir = tempfile::tempdir().unwrap();
    for (shell, marker) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef talkgraph"),
        ("fish", "complete -c talkgraph"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let out = talkgraph(dir.path()).args(["completions", shell]).assert().success().get_output().stdout.clone();
        let script = String::from_utf8(out).expect("UTF-8");
        assert!(script.contains(marker), "{shell}: {}", &script[..script.len().min(200)]);
        for word in ["entities", "min-weight", "csv-safe"] {
            assert!(script.contains(word), "{shell} completes {word}");
        }
    }
    talkgraph(dir.path()).args(["completions", "tcsh"]).assert().code(2);
}

// `talkgraph man > talkgraph.1` writes the manual page (roff) with every command and flag.
#[test]
fn man_page() {
    let dir = tempfile::tempdir().unwrap();
    let out = talkgraph(dir.path()).arg("man").assert().success().get_output().stdout.clone();
    let page = String::from_utf8(out).expect("UTF-8");
    assert!(page.starts_with(".ie") || page.contains(".TH talkgraph"), "{}", &page[..page.len().min(200)]);
    for word in [".SH NAME", ".SH SYNOPSIS", "entities", "completions", "\\-\\-min\\-weight"] {
        assert!(page.contains(word), "the man page has {word}");
    }
}

// Issue 19: a mistyped command is a usage error naming the command, not a missing path.
#[test]
fn mistyped_command_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    talkgraph(dir.path())
        .arg("entites")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean `talkgraph entities`?"));
}

// Issue 19: `-j` far over the cores is lowered, with a warning, and the output is the same.
#[test]
fn too_many_threads_are_lowered_with_a_warning() {
    let dir = scratch_with_sample();
    talkgraph(dir.path())
        .args(["-j", "100000", "-o", "many", "--format", "csv"])
        .assert()
        .success()
        .stderr(predicate::str::contains("warning: -j: 100000 threads lowered to"));
    talkgraph(dir.path()).args(["-j", "2", "-o", "two", "--format", "csv"]).assert().success();
    for f in ["nodes.csv", "edges.csv"] {
        let a = std::fs::read(dir.path().join("many").join(f)).unwrap();
        let b = std::fs::read(dir.path().join("two").join(f)).unwrap();
        assert_eq!(a, b, "{f}");
    }
}
