//! `explain`, `path`, `neighbors` and `diff` driven as a user runs them, on the sample
//! notes, on the two years of the events fixture (`tests/fixtures/events/`), and on two
//! small years written here in the sample's style.

use crate::util::{golden, repo, scratch_with_sample, talkgraph, write};

const OLD: &str = "tests/fixtures/events/pyconline-2024.md";
const NEW: &str = "tests/fixtures/events/pyconline-2025.md";

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("utf-8")
}

// explain on the sample: kind, a merged spelling with its rule, a talk with the text
// of its line, and neighbours.
#[test]
fn explain_cpython_on_the_sample() {
    let dir = scratch_with_sample();
    let out = talkgraph(dir.path()).args(["explain", "cpython"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = stdout(&out);
    assert!(text.starts_with("CPython (technology:cpython)\nkind: Technology\n"), "{text}");
    assert!(text.contains("merged: \"Cpython\" case-folded"), "{text}");
    assert!(text.contains("notes/europython-2023-day1.md:22  ## Talk 1: How are we making Cpython faster"), "{text}");
    assert!(text.contains("strongest neighbours ("), "{text}");
}

// --json gives the same facts to tools; line texts are those of the file.
#[test]
fn explain_json_quotes_lines() {
    let dir = scratch_with_sample();
    let out = talkgraph(dir.path()).args(["explain", "Mark Shannon", "--json"]).output().unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["id"], "person:mark-shannon");
    assert_eq!(v["kind"], "Person");
    let talk = &v["talks"][0];
    assert_eq!(talk["relation"], "presented");
    assert_eq!(talk["evidence"][0]["text"], "Mark Shannon");
    let line = talk["evidence"][0]["line"].as_u64().expect("a line") as usize;
    let note = std::fs::read_to_string(dir.path().join("notes/europython-2023-day1.md")).unwrap();
    assert_eq!(note.lines().nth(line - 1).map(str::trim), Some("Mark Shannon"));
}

// An unknown name is a usage error naming the closest names.
#[test]
fn unknown_name_suggests() {
    let dir = scratch_with_sample();
    let out = talkgraph(dir.path()).args(["explain", "cpyhton"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(
            "error: explain \"cpyhton\": no node has this id, name or alias; did you mean CPython (technology:cpython)"
        ),
        "{err}"
    );
    let out = talkgraph(dir.path()).args(["path", "Mark Shannon", "Brett Canon"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean Brett Cannon (person:brett-cannon)"));
}

// path between two speakers of the sample goes through their talks, with evidence.
#[test]
fn path_between_speakers_on_the_sample() {
    let dir = scratch_with_sample();
    let out = talkgraph(dir.path()).args(["path", "Mark Shannon", "technology:hpy", "--json"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let len = v["length"].as_u64().expect("connected") as usize;
    let paths = v["paths"].as_array().expect("paths");
    assert!(!paths.is_empty());
    for p in paths {
        let steps = p.as_array().expect("steps");
        assert_eq!(steps.len(), len);
        assert_eq!(steps[0]["from"], "person:mark-shannon");
        assert_eq!(steps[len - 1]["to"], "technology:hpy");
        for s in steps {
            for l in s["links"].as_array().expect("links") {
                let ev = l["evidence"].as_array().expect("evidence");
                // Every link but part_of/authored/developed_by (catalogue facts) has places.
                if !["authored", "authored by", "developed_by", "develops", "version_of", "has version"]
                    .contains(&l["relation"].as_str().unwrap())
                {
                    assert!(!ev.is_empty(), "{s}");
                }
            }
        }
    }
}

// neighbors --kinds lists only those kinds, reached through any.
#[test]
fn neighbors_of_a_pep_on_the_two_years() {
    let out = talkgraph(&repo())
        .args(["neighbors", "PEP 703", OLD, NEW, "--depth", "2", "--kinds", "person"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = stdout(&out);
    assert!(text.contains("Ingeborg Halvorsen-Díaz (person:ingeborg-halvorsen-diaz)"), "{text}");
    assert!(text.lines().skip(2).all(|l| l.contains("Person")), "{text}");
}

// The same answers at any -j.
#[test]
fn answers_do_not_depend_on_threads() {
    for args in [["explain", "uv"], ["neighbors", "Polars"]] {
        let run = |j: &str| talkgraph(&repo()).args(args).args([OLD, NEW, "-j", j, "--json"]).output().unwrap().stdout;
        assert_eq!(run("1"), run("2"), "{args:?}");
    }
}

// diff of the two years: the golden Markdown, regenerated and compared.
#[test]
fn diff_two_years_markdown_is_golden() {
    let out = talkgraph(&repo()).args(["diff", OLD, NEW]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    golden("diff-pyconline.md", &stdout(&out));
}

// diff finds what the fixture's README says it should.
#[test]
fn diff_two_years_finds_the_changes() {
    let out = talkgraph(&repo()).args(["diff", OLD, NEW, "--json"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let names = |k: &str| -> Vec<String> {
        v[k].as_array().expect(k).iter().map(|x| x["name"].as_str().unwrap().to_string()).collect()
    };
    for t in ["NumPy", "DuckDB", "Pydantic", "PEP 703"] {
        assert!(names("appear").contains(&t.to_string()), "{t} appears: {:?}", names("appear"));
    }
    for t in ["LangChain", "FAISS", "Celery", "PEP 621"] {
        assert!(names("vanish").contains(&t.to_string()), "{t} vanishes: {:?}", names("vanish"));
    }
    let back = names("returning");
    for p in ["Ingeborg Halvorsen-Díaz", "Kofi Mensah-Adjei", "Wiktoria Zając"] {
        assert!(back.contains(&p.to_string()), "{p}: {back:?}");
    }
    let kofi = v["returning"].as_array().unwrap().iter().find(|r| r["name"] == "Kofi Mensah-Adjei").unwrap();
    let moved: Vec<&str> = kofi["moved_to"].as_array().unwrap().iter().map(|x| x.as_str().unwrap()).collect();
    assert!(moved.contains(&"DuckDB"), "{moved:?}");
    let link = |k: &str, a: &str, b: &str| {
        v[k].as_array().unwrap().iter().any(|l| (l["a"] == a && l["b"] == b) || (l["a"] == b && l["b"] == a))
    };
    assert!(link("new_links", "DuckDB", "Polars"));
    assert!(link("gone_links", "Celery", "Flask"));
}

/// Two years of one meetup in the sample's style: pandas falls, NumPy rises, Polars,
/// DuckDB and uv appear, Dask and Airflow vanish, Kofi Mensah returns (pandas -> Polars).
fn two_years(dir: &std::path::Path) {
    write(
        dir,
        "notes/2023.md",
        "# PyData Testville 2023 conference day 1\n\n## Talk 1: Faster pandas\n\nKofi Mensah\n\npandas with Dask, and NumPy underneath.\n\n## Talk 2: Pipelines\n\nAnn Lee\n\npandas jobs scheduled by Airflow.\n",
    );
    write(
        dir,
        "notes/2024.md",
        "# PyData Testville 2024 conference day 1\n\n## Talk 1: From pandas to Polars\n\nKofi Mensah\n\nPolars and DuckDB replace pandas; NumPy still.\n\n## Talk 2: Fast installs\n\nBo Chen\n\nuv installs Polars and NumPy in seconds.\n",
    );
}

// diff on two small years: every kind of change, with its evidence.
#[test]
fn diff_finds_rises_falls_and_moves() {
    let dir = tempfile::tempdir().unwrap();
    two_years(dir.path());
    let out = talkgraph(dir.path()).args(["diff", "notes/2023.md", "notes/2024.md", "--json"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let counts = |k: &str| -> Vec<(String, u64, u64)> {
        v[k].as_array()
            .unwrap()
            .iter()
            .map(|x| (x["name"].as_str().unwrap().into(), x["old"].as_u64().unwrap(), x["new"].as_u64().unwrap()))
            .collect()
    };
    assert_eq!(counts("rise"), [("NumPy".to_string(), 1, 2)]);
    assert_eq!(counts("fall"), [("pandas".to_string(), 2, 1)]);
    assert_eq!(counts("appear")[0], ("Polars".to_string(), 0, 2), "the largest change first");
    let appear: Vec<String> = counts("appear").into_iter().map(|c| c.0).collect();
    assert!(appear.contains(&"DuckDB".into()) && appear.contains(&"uv".into()), "{appear:?}");
    let vanish: Vec<String> = counts("vanish").into_iter().map(|c| c.0).collect();
    assert!(vanish.contains(&"Dask".into()) && vanish.iter().any(|n| n.contains("Airflow")), "{vanish:?}");
    // Evidence: NumPy's places are its first mention in each talk, old then new.
    assert_eq!(v["rise"][0]["places"], serde_json::json!(["notes/2023.md:7", "notes/2024.md:7", "notes/2024.md:13"]));
    let kofi = &v["returning"][0];
    assert_eq!(kofi["name"], "Kofi Mensah");
    assert_eq!(kofi["moved_to"], serde_json::json!(["DuckDB", "Polars"]));
    assert_eq!(kofi["left"], serde_json::json!(["Dask"]));
    assert_eq!(v["new_speakers"][0]["name"], "Bo Chen");
    assert_eq!(v["gone_speakers"][0]["name"], "Ann Lee");
    // Markdown: the same facts, each linked to its line.
    let md = talkgraph(dir.path()).args(["diff", "notes/2023.md", "notes/2024.md"]).output().unwrap();
    let md = String::from_utf8(md.stdout).unwrap();
    assert!(md.contains("| NumPy | Technology | 1 | 2 | [2023.md:7](notes/2023.md#L7), [2024.md:7](notes/2024.md#L7), [2024.md:13](notes/2024.md#L13) |"), "{md}");
    assert!(md.contains("- **Kofi Mensah**: *Faster pandas* ([2023.md:3](notes/2023.md#L3)) → *From pandas to Polars* ([2024.md:3](notes/2024.md#L3))"), "{md}");
}

// Two events of one set of notes give the same diff as the two files.
#[test]
fn diff_two_events_within_one_set_of_notes() {
    let dir = tempfile::tempdir().unwrap();
    two_years(dir.path());
    let by_files = talkgraph(dir.path()).args(["diff", "notes/2023.md", "notes/2024.md", "--json"]).output().unwrap();
    let by_events = talkgraph(dir.path())
        .args(["diff", "PyData Testville 2023", "event:pydata-testville-2024", "notes", "--json"])
        .output()
        .unwrap();
    assert!(by_events.status.success(), "{}", String::from_utf8_lossy(&by_events.stderr));
    let (a, b): (serde_json::Value, serde_json::Value) =
        (serde_json::from_slice(&by_files.stdout).unwrap(), serde_json::from_slice(&by_events.stdout).unwrap());
    for k in ["appear", "vanish", "rise", "fall", "returning", "new_links", "gone_links"] {
        assert_eq!(a[k], b[k], "{k}");
    }
    assert_eq!(b["old"]["name"], "PyData Testville 2023");
    let out = talkgraph(dir.path()).args(["diff", "pandas", "PyData Testville 2024", "notes"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not an event"));
}
