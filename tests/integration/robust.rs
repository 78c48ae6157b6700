//! Bad input never crashes a run, never loses an output, and is reported in one style
//! (issue 5). Each test names the case it covers.

use std::path::{Path, PathBuf};

use predicates::prelude::*;

use crate::util::{repo, talkgraph, write};

const NOTE: &str = "# PyCon US 2024\n\n## Talk 1: Faster CPython\n\nMark Shannon\n\n\tPEP 659 and NumPy.\n\n## Talk 2: Typing\n\nCarl Meyer\n\nmypy and Pyright\n";

fn read_dir_files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .expect("read dir")
        .flatten()
        .map(|e| (e.file_name().to_string_lossy().into_owned(), std::fs::read(e.path()).unwrap_or_default()))
        .collect();
    v.sort();
    v
}

fn build(dir: &Path, args: &[&str]) -> std::process::Output {
    talkgraph(dir).args(args).output().expect("talkgraph runs")
}

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// No Debug output, panics or backtraces: every stderr line is a message or the summary.
fn assert_clean_messages(err: &str) {
    for bad in ["panicked", "RUST_BACKTRACE", "Error {", "Os {", "kind:", "Some(", "\"\\"] {
        assert!(!err.contains(bad), "stderr shows internals ({bad}):\n{err}");
    }
    for line in err.lines() {
        assert!(
            line.starts_with("error: ") || line.starts_with("warning: ") || line.contains(" read: "),
            "a line that is not a message: {line:?}\n{err}"
        );
    }
}

// A UTF-8 BOM, UTF-16 with a BOM, CRLF, lone CR, tabs and no final newline all read as
// the same note: the outputs are identical byte for byte.
#[test]
fn encodings_and_line_endings_give_the_same_graph() {
    let variants: Vec<(&str, Vec<u8>)> = vec![
        ("lf", NOTE.as_bytes().to_vec()),
        ("crlf", NOTE.replace('\n', "\r\n").into_bytes()),
        ("cr", NOTE.replace('\n', "\r").into_bytes()),
        ("bom", [b"\xEF\xBB\xBF".as_slice(), NOTE.as_bytes()].concat()),
        ("utf16le", [vec![0xFF, 0xFE], NOTE.encode_utf16().flat_map(u16::to_le_bytes).collect()].concat()),
        ("utf16be", [vec![0xFE, 0xFF], NOTE.encode_utf16().flat_map(u16::to_be_bytes).collect()].concat()),
        ("no-final-newline", NOTE.trim_end().as_bytes().to_vec()),
    ];
    let dir = tempfile::tempdir().unwrap();
    let mut outputs = Vec::new();
    for (name, bytes) in &variants {
        std::fs::create_dir_all(dir.path().join(name)).unwrap();
        std::fs::write(dir.path().join(name).join("day.md"), bytes).unwrap();
        let o = build(dir.path(), &[&format!("{name}/day.md"), "-o", &format!("out-{name}"), "--format", "csv,jsonld"]);
        assert!(o.status.success(), "{name}: {}", stderr(&o));
        assert!(stderr(&o).is_empty() || !stderr(&o).contains("warning"), "{name}: {}", stderr(&o));
        outputs.push((name, read_dir_files(&dir.path().join(format!("out-{name}")))));
    }
    let nodes = String::from_utf8(outputs[0].1.iter().find(|f| f.0 == "nodes.csv").unwrap().1.clone()).unwrap();
    assert!(nodes.contains("pep:659") && nodes.contains("person:carl-meyer"), "{nodes}");
    // The file's display name differs (lf/day.md, crlf/day.md): compare with it blanked.
    let strip = |files: &Vec<(String, Vec<u8>)>, name: &str| -> Vec<(String, String)> {
        files
            .iter()
            .map(|(f, b)| (f.clone(), String::from_utf8_lossy(b).replace(&format!("{name}/day.md"), "F")))
            .collect()
    };
    let want = strip(&outputs[0].1, "lf");
    for (name, files) in &outputs[1..] {
        assert_eq!(strip(files, name), want, "{name} differs from LF");
    }
}

// Invalid UTF-8 (Latin-1, a truncated multi-byte character): replacement characters,
// a warning naming the file and byte offset, and the rest of the file still read.
#[test]
fn invalid_utf8_is_read_with_a_warning_and_the_rest_extracted() {
    let dir = tempfile::tempdir().unwrap();
    let latin1 = b"## Talk 1: Caf\xe9 talk\n\nJos\xe9 Garc\xeda\n\nWe used NumPy and PEP 659.\n".to_vec();
    let truncated = [NOTE.as_bytes(), b"\nand Pydantic \xE2\x82"].concat();
    std::fs::create_dir(dir.path().join("n")).unwrap();
    std::fs::write(dir.path().join("n/latin1.md"), latin1).unwrap();
    std::fs::write(dir.path().join("n/truncated.md"), truncated).unwrap();
    let o = build(dir.path(), &["n", "-o", "out"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("warning: n/latin1.md:1: invalid UTF-8 at byte 14; replaced with U+FFFD"), "{err}");
    assert!(err.contains("warning: n/truncated.md:15: invalid UTF-8 at byte 141"), "{err}");
    assert_clean_messages(&err);
    let nodes = std::fs::read_to_string(dir.path().join("out/nodes.csv")).unwrap();
    assert!(nodes.contains("Caf\u{FFFD} talk"), "replacement character in the title: {nodes}");
    let edges = std::fs::read_to_string(dir.path().join("out/edges.csv")).unwrap();
    assert!(edges.contains("talk:latin1#1,pep:659"), "after the bad bytes, still read: {edges}");
    assert!(edges.contains("technology:pydantic"), "up to the truncated character: {edges}");
}

// Binary files in the notes folder: skipped with one warning each, the rest read.
#[test]
fn binary_files_are_skipped_with_one_warning_each() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "n/day.md", NOTE);
    std::fs::write(dir.path().join("n/photo.md"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0").unwrap();
    std::fs::write(dir.path().join("n/archive.txt"), b"PK\x03\x04\x14\0\0\0\x08\0").unwrap();
    let o = build(dir.path(), &["n", "-o", "out"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert_eq!(err.matches("warning: n/photo.md: skipped: not a text file").count(), 1, "{err}");
    assert_eq!(err.matches("warning: n/archive.txt: skipped: not a text file").count(), 1, "{err}");
    assert_eq!(err.matches("warning:").count(), 2, "{err}");
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("1 file read: 2 talks"));
}

// Empty and whitespace-only files, a talk with no body, headings nested ten deep.
#[test]
fn empty_and_degenerate_notes() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "n/empty.md", "");
    write(dir.path(), "n/blank.md", " \n\t\n\u{a0}\n\r\n");
    write(dir.path(), "n/nobody.md", "## Talk 1: Nothing said\n## Talk 2: Still nothing\n");
    let deep: String = (1..=10).map(|l| format!("{} Level {l}\n\nPEP {l}\n\n", "#".repeat(l))).collect();
    write(dir.path(), "n/deep.md", &deep);
    let o = build(dir.path(), &["n", "-o", "out", "--format", "all"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_clean_messages(&stderr(&o));
    let nodes = std::fs::read_to_string(dir.path().join("out/nodes.csv")).unwrap();
    assert!(nodes.contains("talk:nobody#1,Nothing said") && nodes.contains("talk:nobody#2,Still nothing"), "{nodes}");
    assert!(nodes.contains("pep:8,"), "the deepest heading's text is still read: {nodes}");
}

// One 50 MB line; 200,000 headings; 10,000 talks in one file.
#[test]
fn huge_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let mut line = String::with_capacity(50_000_100);
    line.push_str("## Talk 1: Long\n\nJane Doe\n\n");
    let words = ["notes", "about", "NumPy", "and", "the", "Rust", "language", "with", "PEP", "8,", "data"];
    let mut i = 0;
    while line.len() < 50_000_000 {
        line.push_str(words[i % words.len()]);
        line.push(' ');
        i += 7;
    }
    write(dir.path(), "line/one-line.md", &line);
    drop(line);
    let heads: String = (0..200_000).map(|i| format!("## Heading {i}\n")).collect();
    write(dir.path(), "heads/heads.md", &format!("# PyCon 2024\n\n{heads}"));
    let talks: String = (0..10_000).map(|i| format!("## Talk {i}: Title {i}\n\nJane Doe\n\nNumPy\n\n")).collect();
    write(dir.path(), "talks/talks.md", &format!("# PyCon 2024\n\n{talks}"));
    for (input, want) in [("line", "1 file read: 1 talk,"), ("heads", "0 talks"), ("talks", "10000 talks")] {
        let o = build(dir.path(), &[input, "-o", &format!("out-{input}"), "--format", "csv"]);
        assert!(o.status.success(), "{input}: {}", stderr(&o));
        let summary = String::from_utf8_lossy(&o.stdout);
        assert!(summary.contains(want), "{input}: {summary}");
    }
    let edges = std::fs::read_to_string(dir.path().join("out-line/edges.csv")).unwrap();
    assert!(edges.contains("talk:one-line#1,technology:numpy"), "the long line is read");
}

// A folder with an unreadable file, a dangling symlink and a symlink loop: warnings,
// and the rest is read. Hidden folders and .gitignore'd files are skipped.
#[cfg(unix)]
#[test]
fn bad_folder_entries_warn_and_the_rest_is_read() {
    use std::os::unix::fs::{symlink, PermissionsExt};
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "n/good.md", NOTE);
    write(dir.path(), "n/.hidden/secret.md", "## Talk 1: Hidden\n\nDjango\n");
    write(dir.path(), "n/drafts/draft.md", "## Talk 1: Draft\n\nFlask\n");
    write(dir.path(), "n/.gitignore", "drafts/\n");
    symlink(dir.path().join("n/missing.md"), dir.path().join("n/dangling.md")).unwrap();
    symlink(dir.path().join("n"), dir.path().join("n/loop")).unwrap();
    let locked = write(dir.path(), "n/locked.md", NOTE);
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let unreadable = std::fs::read(&locked).is_err(); // root reads it anyway
    let o = build(dir.path(), &["n", "-o", "out"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("warning: n/dangling.md"), "{err}");
    assert!(err.contains("warning: n/loop"), "{err}");
    if unreadable {
        assert!(err.contains("warning: n/locked.md: skipped: cannot read"), "{err}");
    } else {
        println!("running as root: locked.md is readable, its warning is not checked");
    }
    assert_clean_messages(&err);
    let nodes = std::fs::read_to_string(dir.path().join("out/nodes.csv")).unwrap();
    assert!(nodes.contains("person:mark-shannon"));
    assert!(!nodes.contains("Hidden") && !nodes.contains("technology:django"), "hidden folder read: {nodes}");
    assert!(!nodes.contains("Draft") && !nodes.contains("technology:flask"), ".gitignore'd file read: {nodes}");
}

// A user lexicon with a syntax error, a duplicate alias or an unknown field: an error
// with file, line and column, before any work is done (no output written).
#[test]
fn bad_user_lexicon_is_an_error_with_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "n/day.md", NOTE);
    let entry = "[[entry]]\nname = \"Foo\"\nkind = \"technology\"\ncategory = \"tool\"\n";
    write(dir.path(), "syntax.toml", "[[entry]]\nname = \"Foo\nkind = \"technology\"\n");
    write(dir.path(), "unknown.toml", &format!("{entry}colour = \"red\"\n"));
    write(dir.path(), "dup.toml", &format!("{entry}aliases = [\"numpy\"]\n"));
    for (file, want) in [
        ("syntax.toml", "error: syntax.toml:2:"),
        ("unknown.toml", "error: unknown.toml:5:1: unknown field `colour`"),
        ("dup.toml", "error: dup.toml:5:12: \"numpy\""),
    ] {
        talkgraph(dir.path())
            .args(["n", "-o", "out", "--lexicon", file])
            .assert()
            .code(1)
            .stderr(predicate::str::starts_with(want));
        assert!(!dir.path().join("out").exists(), "{file}: outputs written despite the error");
    }
    // The same as talkgraph.toml in the notes folder.
    write(dir.path(), "n/talkgraph.toml", &format!("{entry}colour = \"red\"\n"));
    talkgraph(dir.path())
        .args(["n", "-o", "out"])
        .assert()
        .code(1)
        .stderr(predicate::str::starts_with("error: n/talkgraph.toml:5:1: unknown field"));
}

// An output folder that cannot be created or written: a clear error naming it, status
// 1, no partial files.
#[test]
fn unwritable_output_folder_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "n/day.md", NOTE);
    write(dir.path(), "file", "a regular file");
    let o = build(dir.path(), &["n", "-o", "file/out"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.starts_with("error: output folder file/out: cannot create or write it"), "{err}");
    assert_clean_messages(&err);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::create_dir(dir.path().join("ro")).unwrap();
        std::fs::set_permissions(dir.path().join("ro"), std::fs::Permissions::from_mode(0o555)).unwrap();
        if std::fs::write(dir.path().join("ro/probe"), "x").is_ok() {
            println!("running as root: a read-only folder is writable, that case is not checked");
        } else {
            let o = build(dir.path(), &["n", "-o", "ro"]);
            assert_eq!(o.status.code(), Some(1));
            assert!(stderr(&o).starts_with("error: output folder ro: cannot create or write it"), "{}", stderr(&o));
            assert_eq!(std::fs::read_dir(dir.path().join("ro")).unwrap().count(), 0, "partial files left");
        }
    }
}

// The same notes give the same bytes whatever the thread count, the order the files
// are given in, and their line endings.
#[test]
fn same_bytes_whatever_threads_order_and_line_endings() {
    let dir = tempfile::tempdir().unwrap();
    let sample = std::fs::read_to_string(repo().join("notes/europython-2023-day1.md")).unwrap();
    let names = ["a.md", "b.md", "c.md", "d.md", "e.md"];
    for (i, n) in names.iter().enumerate() {
        write(dir.path(), &format!("lf/{n}"), &format!("{sample}\n## Talk 99: Extra {i}\n\nNumPy\n"));
        write(
            dir.path(),
            &format!("crlf/{n}"),
            &format!("{sample}\n## Talk 99: Extra {i}\n\nNumPy\n").replace('\n', "\r\n"),
        );
    }
    let run = |args: Vec<String>, out: &str| -> Vec<(String, Vec<u8>)> {
        let mut a = args;
        // Every format but Mermaid, which refuses graphs of over 500 edges.
        a.extend(["-o".into(), out.into(), "--format".into(), "dot,jsonld,csv,graphml,gexf,cypher".into()]);
        let o = talkgraph(dir.path()).args(&a).output().unwrap();
        assert!(o.status.success(), "{}", stderr(&o));
        read_dir_files(&dir.path().join(out))
    };
    let files = |d: &str, order: &[usize]| order.iter().map(|&i| format!("{d}/{}", names[i])).collect::<Vec<_>>();
    let base = run(files("lf", &[0, 1, 2, 3, 4]), "o1");
    let mut one = files("lf", &[3, 0, 4, 2, 1]);
    one.extend(["-j".into(), "1".into()]);
    assert_eq!(run(one, "o2"), base, "shuffled order with one thread");
    let mut four = files("lf", &[4, 3, 2, 1, 0]);
    four.extend(["-j".into(), "4".into()]);
    assert_eq!(run(four, "o3"), base, "reversed order with four threads");
    let crlf: Vec<(String, String)> = run(files("crlf", &[2, 4, 0, 1, 3]), "o4")
        .into_iter()
        .map(|(n, b)| (n, String::from_utf8(b).unwrap().replace("crlf/", "lf/")))
        .collect();
    let lf: Vec<(String, String)> = base.into_iter().map(|(n, b)| (n, String::from_utf8(b).unwrap())).collect();
    assert_eq!(crlf, lf, "CRLF line endings");
}

// Errors a person can act on: one style, no internals, for each kind of failure.
#[test]
fn error_messages_have_one_style() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "n/day.md", NOTE);
    let cases: &[&[&str]] = &[
        &["missing"],
        &["n", "--focus", "no-such-thing"],
        &["n", "-o", "-", "--format", "csv"],
        &["n", "-o", "-", "--format", "dot,jsonld"],
        &["n", "--format", "mermaid", "--render", "svg"],
    ];
    for args in cases {
        let o = build(dir.path(), args);
        assert!(!o.status.success(), "{args:?} succeeded");
        let err = stderr(&o);
        assert!(err.starts_with("error: "), "{args:?}: {err}");
        assert_clean_messages(&err);
    }
    // clap's own usage errors: status 2.
    talkgraph(dir.path()).args(["--format", "png"]).assert().code(2);
    talkgraph(dir.path()).args(["--threads", "many"]).assert().code(2);
}

// Every input the fuzzers ever found trouble with (and a few hand-made ones) goes
// through the whole pipeline into every format.
#[test]
fn fuzz_regressions_run_clean() {
    let fixtures = repo().join("tests/fixtures/fuzz");
    let inputs: Vec<PathBuf> =
        std::fs::read_dir(&fixtures).expect("tests/fixtures/fuzz").flatten().map(|e| e.path()).collect();
    assert!(!inputs.is_empty());
    let dir = tempfile::tempdir().unwrap();
    for (i, p) in inputs.iter().enumerate() {
        std::fs::copy(p, dir.path().join(format!("in{i}.md"))).unwrap();
        let o = build(dir.path(), &[&format!("in{i}.md"), "-o", &format!("o{i}"), "--format", "all", "--view", "full"]);
        let err = stderr(&o);
        assert!(
            o.status.success() || err.contains("error: no readable notes") || err.contains("error: writing graph.mmd"),
            "{}: {err}",
            p.display()
        );
        assert_clean_messages(&err);
    }
}

// Past one chunk of files (64), the graph is built on its own thread while the next
// chunk is recognised: the bytes are still those of one thread.
#[test]
fn many_files_give_the_same_bytes_on_one_thread_and_several() {
    let dir = tempfile::tempdir().unwrap();
    let sample = std::fs::read_to_string(repo().join("notes/europython-2023-day1.md")).unwrap();
    let cut = sample.len() / 4;
    let cut = (cut..sample.len()).find(|&i| sample.is_char_boundary(i)).unwrap();
    for i in 0..150 {
        // Files of different lengths, some sharing talks' topics, in nested folders.
        let body = if i % 3 == 0 { &sample[..cut] } else { &sample[..] };
        write(
            dir.path(),
            &format!("notes/{}/day{i:03}.md", i % 7),
            &format!("{body}\n## Talk 99: Extra {i}\n\nNumPy and PEP {}\n", 600 + i % 40),
        );
    }
    let run = |threads: &str, out: &str| -> Vec<(String, Vec<u8>)> {
        let o = talkgraph(dir.path())
            .args(["notes", "-j", threads, "-o", out, "--format", "dot,jsonld,csv,graphml,gexf,cypher"])
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", stderr(&o));
        read_dir_files(&dir.path().join(out))
    };
    let one = run("1", "o1");
    assert_eq!(one.len(), 8, "every file of the six formats, and the manifest");
    assert_eq!(run("2", "o2"), one, "two threads");
    assert_eq!(run("5", "o5"), one, "five threads");
}
