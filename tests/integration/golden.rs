//! `out/` is what `cargo run --release` writes for `notes/`: regenerating it must give
//! the same bytes, so `out/` never goes stale and determinism is checked on every run.

use crate::util::{repo, talkgraph};

// Every committed output but the SVG (which depends on the Graphviz version) is
// byte-identical to a fresh run, with one thread and with the default thread count.
#[test]
fn out_matches_a_fresh_run() {
    let committed = repo().join("out");
    let names: Vec<String> = std::fs::read_dir(&committed)
        .expect("out/ is committed")
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.ends_with(".svg") && !n.starts_with('.'))
        .collect();
    assert!(names.len() >= 4, "out/ holds {names:?}");
    for threads in ["1", "2"] {
        let fresh = tempfile::tempdir().unwrap();
        talkgraph(&repo()).args(["notes", "-j", threads, "-o"]).arg(fresh.path()).assert().success();
        for n in &names {
            let want = std::fs::read(committed.join(n)).unwrap();
            let got = std::fs::read(fresh.path().join(n)).unwrap_or_default();
            assert!(
                want == got,
                "out/{n} differs from a fresh run with -j {threads}: run `cargo run --release` and commit out/"
            );
        }
    }
}
