//! The pipeline's imports point one way: `ids` <- `notes` <- `extract` <- `graph` <-
//! `export` <- the rest (`entities`, the pipeline driver, `cli`, `error`, `lib.rs`).
//! This test reads every source file under `src/` and fails on a `crate::` path that
//! points from a stage to a later one (test code, after `#[cfg(test)]` or in a
//! `tests.rs`, is free to build whole graphs). Run it alone with
//! `cargo test --test integration layers`.

use std::path::Path;

/// The layer of a top-level module (`crate::<name>`): the stages in pipeline order;
/// anything else (`error`, `cli`, `entities`, the driver, the root's re-exports) is
/// above them all.
fn layer(module: &str) -> usize {
    match module {
        "ids" => 0,
        "notes" => 1,
        "extract" => 2,
        "graph" => 3,
        "export" => 4,
        _ => 5,
    }
}

/// Every `crate::<name>` in the non-test, non-comment code of `text`.
fn crate_paths(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let code = line.trim_start();
        if code.starts_with("#[cfg(test)]") {
            break;
        }
        if code.starts_with("//") {
            continue;
        }
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            let after = &rest[at + "crate::".len()..];
            let name: String = after.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            out.push((i + 1, name));
            rest = after;
        }
    }
    out
}

fn back_edges(src: &Path) -> Vec<String> {
    let mut found = Vec::new();
    for (rel, text) in sources(src) {
        let own = layer(rel.split(['/', '.']).next().unwrap_or(""));
        for (line, name) in crate_paths(&text) {
            if layer(&name) > own {
                found.push(format!("src/{rel}:{line}: crate::{name} points back up the pipeline"));
            }
        }
    }
    found.sort();
    found
}

// No stage imports a later stage or the crate's top-level items.
#[test]
fn no_import_points_back_up_the_pipeline() {
    let found = back_edges(&crate::util::repo().join("src"));
    assert!(found.is_empty(), "{}", found.join("\n"));
}

// The check sees a back edge when there is one, and ignores tests and comments.
#[test]
fn the_layer_check_can_fail() {
    let dir = tempfile::tempdir().expect("temp dir");
    let notes = dir.path().join("notes");
    std::fs::create_dir(&notes).expect("mkdir");
    std::fs::write(
        notes.join("read.rs"),
        "//! see [`crate::graph`]\nuse crate::ids::slug;\nuse crate::error::Error;\n#[cfg(test)]\nmod tests { use crate::graph::X; }\n",
    )
    .expect("write");
    assert_eq!(back_edges(dir.path()), vec!["src/notes/read.rs:3: crate::error points back up the pipeline"]);
}

/// Every non-test source file under `src` (a `tests.rs` or a file under `tests/` is
/// test code), with its path relative to `src` and its text.
fn sources(src: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut stack = vec![src.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("read src") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let rel = path.strip_prefix(src).expect("under src").to_string_lossy().replace('\\', "/");
            if rel.ends_with(".rs") && !rel.ends_with("tests.rs") && !rel.contains("/tests/") {
                out.push((rel, std::fs::read_to_string(&path).expect("read source")));
            }
        }
    }
    out.sort();
    out
}

/// The files of `src` with 800 lines or more before their `#[cfg(test)]` module, and
/// the lines that keep a compiled pattern (`Regex`, a finder) or run-time state in a
/// `static`: patterns are compiled once, from the options, and held by their owner.
fn house_rules(src: &Path) -> Vec<String> {
    let mut found = Vec::new();
    for (rel, text) in sources(src) {
        let code: Vec<&str> = text.lines().take_while(|l| !l.trim_start().starts_with("#[cfg(test)]")).collect();
        if code.len() >= 800 {
            found.push(format!("src/{rel}: {} lines outside tests (at most 799)", code.len()));
        }
        for (i, l) in code.iter().enumerate() {
            let t = l.trim_start();
            let held = ["Regex", "OnceLock", "LazyLock", "Finder", "thread_local!", "AtomicU"];
            if (t.starts_with("static ") || t.starts_with("pub static ") || t.starts_with("thread_local!"))
                && held.iter().any(|h| t.contains(h))
            {
                found.push(format!("src/{rel}:{}: {t}", i + 1));
            }
        }
    }
    found
}

// Every source file is under 800 lines outside its tests, and no pattern or run-time
// state hides in a `static` (issue 18).
#[test]
fn files_are_short_and_no_pattern_is_static() {
    let found = house_rules(&crate::util::repo().join("src"));
    let allowed = |f: &String| {
        // The built-in lexicon, decoded once from the data build.rs compiles in, the
        // ordinary English words and the words never in a name (companies' endings among
        // them) the notes stage reads names against, and the known
        // spellings of conference names: data tables, not patterns or a run's state.
        f.starts_with("src/extract/lexicon.rs:") && f.contains("static L: OnceLock<Lexicon>")
            || f.starts_with("src/notes/names.rs:") && f.contains("static WORDS")
            || f.starts_with("src/notes/event.rs:") && f.contains("static TABLE")
    };
    let found: Vec<String> = found.into_iter().filter(|f| !allowed(f)).collect();
    assert!(found.is_empty(), "{}", found.join("\n"));
}

// The house check sees a long file and a static regex, and ignores tests.
#[test]
fn the_house_check_can_fail() {
    let dir = tempfile::tempdir().expect("temp dir");
    let long: String = (0..800).map(|i| format!("// {i}\n")).collect();
    std::fs::write(dir.path().join("long.rs"), &long).expect("write");
    std::fs::write(
        dir.path().join("short.rs"),
        format!("static R: OnceLock<Regex> = OnceLock::new();\n#[cfg(test)]\n{long}"),
    )
    .expect("write");
    std::fs::write(dir.path().join("tests.rs"), format!("static R: OnceLock<Regex> = OnceLock::new();\n{long}"))
        .expect("write");
    assert_eq!(
        house_rules(dir.path()),
        vec![
            "src/long.rs: 800 lines outside tests (at most 799)".to_string(),
            "src/short.rs:1: static R: OnceLock<Regex> = OnceLock::new();".to_string()
        ]
    );
}
