//! Helpers shared by the integration tests: scratch folders, the binary, the sample.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The repository root (where `notes/` and `out/` live).
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The sample notes file.
pub fn sample() -> PathBuf {
    repo().join("notes").join("europython-2023-day1.md")
}

/// The `talkgraph` binary, run in `dir`.
pub fn talkgraph(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("talkgraph").expect("the binary is built for integration tests");
    cmd.current_dir(dir);
    cmd
}

/// A fresh scratch folder holding `notes/` with the sample in it.
pub fn scratch_with_sample() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(dir.path().join("notes")).expect("mkdir notes");
    std::fs::copy(sample(), dir.path().join("notes/europython-2023-day1.md")).expect("copy sample");
    dir
}

/// Writes `text` to `dir/name`, creating folders.
pub fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    if let Some(parent) = p.parent() {
        std::fs::create_dir_all(parent).expect("mkdir");
    }
    std::fs::write(&p, text).expect("write");
    p
}

/// Compares `got` with the golden file `tests/fixtures/golden/<name>`; with
/// `TALKGRAPH_BLESS=1` in the environment, writes it instead (then review the diff).
pub fn golden(name: &str, got: &str) {
    let path = repo().join("tests/fixtures/golden").join(name);
    if std::env::var_os("TALKGRAPH_BLESS").is_some_and(|v| v == "1") {
        std::fs::create_dir_all(path.parent().expect("has a folder")).expect("mkdir golden");
        std::fs::write(&path, got).expect("write golden");
        return;
    }
    let want = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        want == got,
        "{name} differs from tests/fixtures/golden/{name}; if the change is right, rerun with TALKGRAPH_BLESS=1 and review the diff\n--- got:\n{got}"
    );
}
