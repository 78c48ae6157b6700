//! `talkgraph outline`: the structure found, and with `--explain` why each candidate is
//! or is not a talk (issue 14).

use serde_json::Value;

use crate::util::{repo, talkgraph, write};

fn json(dir: &std::path::Path, args: &[&str]) -> Value {
    let out = talkgraph(dir).arg("outline").args(args).arg("--json").output().expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("JSON")
}

#[test]
fn outline_lists_events_days_talks_lines_and_speakers() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "notes.md",
        "# PyCon Italia 2024\n\n## Day One — Wednesday 22 May\n\n### The Hidden Cost Of Abstractions\nGiulia Bernasconi\n\n- querysets\n- more\n\n## Lunch\ntacos\n",
    );
    let v = json(dir.path(), &["notes.md"]);
    let f = &v[0];
    assert_eq!(f["events"][0]["name"], "PyCon Italia 2024");
    assert_eq!(f["events"][1]["day"], 1);
    assert_eq!(f["events"][1]["date"], "2024-05-22");
    let talks = f["talks"].as_array().unwrap();
    assert_eq!(talks.len(), 1, "{talks:?}");
    assert_eq!(talks[0]["title"], "The Hidden Cost Of Abstractions");
    assert_eq!((talks[0]["start"].as_u64(), talks[0]["end"].as_u64()), (Some(5), Some(9)));
    assert_eq!(talks[0]["speakers"][0], "Giulia Bernasconi");
    assert!(f.get("candidates").is_none(), "candidates only with --explain");

    let text = talkgraph(dir.path()).args(["outline", "notes.md"]).output().unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(text.contains("notes.md:5-9  The Hidden Cost Of Abstractions  (Giulia Bernasconi)"), "{text}");
}

#[test]
fn explain_shows_why_a_candidate_is_no_talk() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "n.md", "# RustConf 2023\n\n## Talk 1: Fearless FFI\nJane Lusby\n\ntext\n\n## Lunch\nfood\n");
    let v = json(dir.path(), &["n.md", "--explain"]);
    let cands = v[0]["candidates"].as_array().unwrap();
    let lunch = cands.iter().find(|c| c["title"] == "Lunch").expect("Lunch is a candidate");
    assert_eq!(lunch["talk"], false);
    assert!(lunch["score"].as_i64().unwrap() < 3);
    assert!(lunch["evidence"].as_array().unwrap().iter().any(|e| e["weight"].as_i64().unwrap() < 0));
    let talk = cands.iter().find(|c| c["talk"] == true).unwrap();
    assert_eq!(talk["title"], "Fearless FFI");
    let text = talkgraph(dir.path()).args(["outline", "n.md", "--explain"]).output().unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(text.contains("a talk label +3"), "{text}");
    assert!(text.contains("Lunch"), "{text}");
}

#[test]
fn impossible_date_warns_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "d.md",
        "# RustConf 2023\n\n## Day 2 - 31.02.2023\n\n## Talk 1: Fearless FFI\nJane Lusby\n\ntext\n",
    );
    let out = talkgraph(dir.path()).args(["outline", "d.md"]).output().unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("d.md:3:") && err.contains("31.02.2023"), "{err}");
}

#[test]
fn a_note_without_structure_is_one_talk_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "day.md", "We used Djnago and Pydanitc with psuitils.\n");
    let out = talkgraph(dir.path()).args(["outline", "day.md", "--json"]).output().unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v[0]["talks"].as_array().unwrap().len(), 1);
    assert!(String::from_utf8_lossy(&out.stderr).contains("one talk"));
}

#[test]
fn a_folder_of_one_file_per_talk() {
    let v = json(&repo(), &["tests/fixtures/styles/pycascades-2024"]);
    let files = v.as_array().unwrap();
    let talks: usize = files.iter().map(|f| f["talks"].as_array().unwrap().len()).sum();
    assert_eq!(talks, 4, "one talk per talk file, none in the index: {v:#}");
}

/// A bullet journal marks events and notes with different bullets at one depth
/// (`○ 09:30 Title — Name` over `– note` lines): the notes are the talk's, up to the
/// next item of the talk's own shape; numbered and checked items are one shape each.
#[test]
fn items_with_another_marker_beside_a_talk_are_its_notes() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "journal.txt",
        "PyCon Utopia 2031\n\n○ 09:30 Faster loops for everyone — Ama Quist\n– the interpreter specialises\n– PEP 659 again\n\n○ 11:00 Packaging without tears — Lio Brandt\n– lock files\n",
    );
    let v = json(dir.path(), &["journal.txt"]);
    let talks = v[0]["talks"].as_array().unwrap();
    let spans: Vec<(u64, u64)> =
        talks.iter().map(|t| (t["start"].as_u64().unwrap(), t["end"].as_u64().unwrap())).collect();
    assert_eq!(spans, [(3, 5), (7, 8)], "{talks:?}");
}

/// A heading that says only where and when (`## Sala 2 — 11:00`) takes its title from
/// the title field under it; a part of a day (`## Afternoon`) is no talk; after a rule,
/// a to-do list (`da fare:`) is not the last talk's.
#[test]
fn slots_day_parts_and_asides_after_a_rule() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "slots.md",
        "# DevFest Utopia 2031\n\n## Afternoon\n\n## Sala 2 — 11:00\n**Intervento:** Reti neurali senza paura\n**Relatore:** Ugo Tarsi\n\n- note one\n\n## Room B, 14:30\n**Title:** Graphs for everyone\n**Speaker:** Ama Quist\n\nlots of notes\n\n---\n\nda fare:\n- [ ] read the paper\n",
    );
    let v = json(dir.path(), &["slots.md"]);
    let talks = v[0]["talks"].as_array().unwrap();
    let got: Vec<(&str, u64)> =
        talks.iter().map(|t| (t["title"].as_str().unwrap(), t["end"].as_u64().unwrap())).collect();
    assert_eq!(got, [("Reti neurali senza paura", 9), ("Graphs for everyone", 17)], "{talks:?}");
    assert_eq!(talks[0]["speakers"][0], "Ugo Tarsi");
}

/// A speaker's name alone on a line over the title, the notes after it, as a printed
/// programme lays talks out; a name over a sentence is no talk.
#[test]
fn a_name_line_over_a_title() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "prog.txt",
        "PGConf Utopia 2031\n\nOlga Ivanova\nPartitioning without tears\npg_partman, declarative partitioning\n\nTomasz Nowak\nLogical replication deep dive\npglogical\n\nSara Lind\nsaid the coffee was better last year.\n",
    );
    let v = json(dir.path(), &["prog.txt"]);
    let talks = v[0]["talks"].as_array().unwrap();
    let got: Vec<(&str, &str, u64)> = talks
        .iter()
        .map(|t| (t["title"].as_str().unwrap(), t["speakers"][0].as_str().unwrap(), t["start"].as_u64().unwrap()))
        .collect();
    assert_eq!(
        got,
        [("Partitioning without tears", "Olga Ivanova", 3), ("Logical replication deep dive", "Tomasz Nowak", 7)],
        "{talks:?}"
    );
}

/// A note titled in lower case, `notes from` before the event's name, names the event.
#[test]
fn a_lower_case_title_names_the_event() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "n.md",
        "# notes from jsnation utopia 2031\n\n## signals everywhere\nby ben okafor\n- preact signals\n",
    );
    let v = json(dir.path(), &["n.md"]);
    assert_eq!(v[0]["events"][0]["name"], "jsnation utopia 2031", "{v}");
    assert_eq!(v[0]["talks"][0]["title"], "signals everywhere", "{v}");
}
