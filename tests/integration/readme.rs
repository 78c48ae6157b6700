//! The README is tested: every `talkgraph` command it shows runs here.
//!
//! In a fenced block, a line `$ COMMAND` (or `<!-- $ COMMAND -->`, in a block that
//! shows a Markdown output) is an example whose output follows it, up to the next
//! example or the end of the block: the command runs with `sh` in a scratch folder
//! holding the sample notes, and its standard output must be the lines shown, where a
//! line `…` stands for any number of lines and `[..]` for any text in a line. In a
//! `sh` block, every line starting with `talkgraph` runs (without what follows a pipe
//! or a redirection) and must succeed. Examples that need Graphviz (`--render`,
//! `report` drawing its map) run only with `--include-ignored`, as CI does.

use std::path::Path;

use crate::util::repo;

/// One example of the README.
#[derive(Debug)]
struct Example {
    /// Its line in the README.
    line: usize,
    command: String,
    /// The output shown, if any (else it must only succeed).
    shown: Option<Vec<String>>,
}

fn examples() -> Vec<Example> {
    let text = std::fs::read_to_string(repo().join("README.md")).unwrap();
    let mut out: Vec<Example> = Vec::new();
    let mut fence: Option<(String, String)> = None; // (fence, language)
                                                    // Whether the lines are the output of the last example.
    let mut in_output = false;
    for (i, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        if let Some((f, _)) = &fence {
            if trimmed.starts_with(f.as_str()) && trimmed.trim_end() == f.as_str() {
                fence = None;
                in_output = false;
                continue;
            }
        } else {
            if trimmed.starts_with("```") {
                let ticks = trimmed.chars().take_while(|c| *c == '`').count();
                let lang = trimmed[ticks..].trim().to_string();
                if !lang.contains('`') {
                    fence = Some(("`".repeat(ticks), lang));
                }
            }
            continue;
        }
        let lang = fence.as_ref().map(|(_, l)| l.as_str()).unwrap_or_default();
        let command = line
            .strip_prefix("$ ")
            .or_else(|| line.strip_prefix("<!-- $ ").and_then(|l| l.trim_end().strip_suffix("-->")));
        if let Some(c) = command {
            out.push(Example { line: i + 1, command: c.trim().to_string(), shown: Some(vec![]) });
            in_output = true;
        } else if lang == "sh" && line.starts_with("talkgraph") {
            // Run up to a pipe, a redirection or a comment.
            let end = [" | ", " > ", " && ", "  #"].iter().filter_map(|s| line.find(s)).min();
            let command = line[..end.unwrap_or(line.len())].trim().to_string();
            out.push(Example { line: i + 1, command, shown: None });
            in_output = false;
        } else if let (true, Some(Example { shown: Some(shown), .. })) = (in_output, out.last_mut()) {
            if !line.trim().is_empty() || !shown.is_empty() {
                shown.push(line.trim_end().to_string());
            }
        }
    }
    for e in &mut out {
        if let Some(s) = &mut e.shown {
            while s.last().is_some_and(|l| l.is_empty()) {
                s.pop();
            }
        }
    }
    out
}

/// Whether `got` is `shown`, where a shown line `…` stands for any number of lines.
fn matches(shown: &[String], got: &[&str]) -> bool {
    match shown.split_first() {
        None => got.is_empty(),
        Some((first, rest)) if first == "…" => (0..=got.len()).any(|k| matches(rest, &got[k..])),
        Some((first, rest)) => {
            got.first().is_some_and(|g| line_matches(first, g.trim_end())) && matches(rest, &got[1..])
        }
    }
}

/// Whether the line `got` is `shown`, where `[..]` stands for any text (a time).
fn line_matches(shown: &str, got: &str) -> bool {
    let mut parts = shown.split("[..]");
    let Some(first) = parts.next() else { return got.is_empty() };
    let Some(mut rest) = got.strip_prefix(first) else { return false };
    let parts: Vec<&str> = parts.collect();
    for (i, p) in parts.iter().enumerate() {
        if i + 1 == parts.len() {
            return rest.ends_with(p);
        }
        match rest.find(p) {
            Some(at) => rest = &rest[at + p.len()..],
            None => return false,
        }
    }
    rest.is_empty()
}

/// A scratch folder with what the examples name: the sample notes in `notes/`, the
/// fixtures, a note `day1.md`, a lexicon `my-terms.toml`, `~/notes/europython`, and
/// `talks/day.md`, a note with no talk structure.
fn scratch() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let sample = repo().join("notes/europython-2023-day1.md");
    for to in ["notes/europython-2023-day1.md", "home/notes/europython/day1.md"] {
        std::fs::create_dir_all(d.join(to).parent().unwrap()).unwrap();
        std::fs::copy(&sample, d.join(to)).unwrap();
    }
    std::fs::copy(&sample, d.join("day1.md")).unwrap();
    let fixture = "tests/fixtures/styles/pycon-schedule.md";
    std::fs::create_dir_all(d.join(fixture).parent().unwrap()).unwrap();
    std::fs::copy(repo().join(fixture), d.join(fixture)).unwrap();
    std::fs::create_dir(d.join("talks")).unwrap();
    std::fs::write(d.join("talks/day.md"), "We used Djnago and Pydanitc with psuitils.\n").unwrap();
    std::fs::write(
        d.join("my-terms.toml"),
        "[[entry]]\nname = \"Talkgraph\"\nkind = \"technology\"\ncategory = \"tool\"\n",
    )
    .unwrap();
    dir
}

fn needs_graphviz(e: &Example) -> bool {
    e.command.contains("--render") || e.command.contains("talkgraph report")
}

fn run(e: &Example, dir: &Path) -> Result<(), String> {
    let bin = assert_cmd::cargo::cargo_bin("talkgraph");
    let path = format!("{}:{}", bin.parent().unwrap().display(), std::env::var("PATH").unwrap_or_default());
    let o = std::process::Command::new("sh")
        .arg("-c")
        .arg(&e.command)
        .current_dir(dir)
        .env("PATH", path)
        .env("HOME", dir.join("home"))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&o.stdout);
    let stderr = String::from_utf8_lossy(&o.stderr);
    if !o.status.success() {
        return Err(format!("README.md:{}: `{}` failed: {stderr}", e.line, e.command));
    }
    if let Some(shown) = &e.shown {
        let got: Vec<&str> = stdout.lines().collect();
        if !matches(shown, &got) {
            return Err(format!(
                "README.md:{}: `{}` does not print what the README shows.\n--- shown:\n{}\n--- printed:\n{stdout}",
                e.line,
                e.command,
                shown.join("\n")
            ));
        }
    }
    Ok(())
}

fn run_all(graphviz: bool) {
    let all = examples();
    assert!(all.iter().filter(|e| e.shown.is_some()).count() >= 8, "examples with output not found: {all:?}");
    let dir = scratch();
    let failures: Vec<String> =
        all.iter().filter(|e| needs_graphviz(e) == graphviz).filter_map(|e| run(e, dir.path()).err()).collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn readme_examples_do_what_they_show() {
    run_all(false);
}

#[test]
#[ignore = "needs Graphviz (dot on PATH)"]
fn readme_examples_with_graphviz_do_what_they_show() {
    run_all(true);
}

#[test]
fn the_runner_finds_and_matches_examples() {
    let shown: Vec<String> = ["a", "…", "d"].map(String::from).to_vec();
    assert!(matches(&shown, &["a", "b", "c", "d"]));
    assert!(matches(&shown, &["a", "d"]));
    assert!(!matches(&shown, &["a", "b", "c"]));
    assert!(!matches(&shown, &["x", "d"]));
    assert!(line_matches("in [..] ms", "in 12.5 ms") && !line_matches("in [..] ms", "in 12.5 s"));
    assert!(line_matches("a", "a") && !line_matches("a", "ab"));
    let e = examples();
    assert!(e.iter().any(|e| e.command.starts_with("talkgraph explain") && e.shown.is_some()));
    assert!(e.iter().any(|e| e.command.starts_with("talkgraph notes --format all") && e.shown.is_none()));
}

// A note with no talk structure (the README's typo example): its names, and a warning
// that says the file was read as one talk, which `--strict` makes a failure; never
// silence.
#[test]
fn a_note_without_talk_structure_gives_its_names_and_a_warning() {
    let dir = scratch();
    let o = crate::util::talkgraph(dir.path()).args(["entities", "talks/day.md"]).output().unwrap();
    let (out, err) = (String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr));
    assert!(o.status.success(), "{err}");
    for id in ["technology:django", "technology:psutil", "technology:pydantic"] {
        assert!(out.contains(id), "{id} not listed:\n{out}");
    }
    assert!(err.contains("warning: talks/day.md:1: no talk structure found"), "{err}");
    let o = crate::util::talkgraph(dir.path()).args(["talks", "-o", "o", "--strict"]).output().unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", String::from_utf8_lossy(&o.stderr));
    let nodes = std::fs::read_to_string(dir.path().join("o/nodes.csv")).unwrap();
    assert!(nodes.contains("technology:django"), "{nodes}");
}
