//! Tests of the JSON-LD writer, against the reference of `oracle.rs`.

use proptest::prelude::*;

use serde_json::json;

use super::nodes::{Joined, Scratch};
use super::oracle::to_json;
use super::pretty::Pretty;
use super::*;
use crate::build_graph;
use crate::export::fixtures::sample_graph;
use crate::export::iri::iri;
use crate::export::table::rdf_term;
use crate::extract::Knowledge;
use crate::graph::{EdgeKind, GraphBuilder, View, ViewOptions};

fn doc() -> Value {
    let mut buf = Vec::new();
    write(&sample_graph(), &ExportOptions::default(), &mut buf).unwrap();
    serde_json::from_slice(&buf).expect("valid JSON")
}

fn node<'a>(doc: &'a Value, id: &str) -> &'a Value {
    doc["@graph"].as_array().unwrap().iter().find(|n| n["@id"] == id).unwrap_or_else(|| panic!("no {id}"))
}

/// `write`'s bytes, and those of the reference: `to_json` pretty-printed by serde_json.
fn written_and_reference(g: &KnowledgeGraph) -> (String, String) {
    let mut streamed = Vec::new();
    write(g, &ExportOptions::default(), &mut streamed).unwrap();
    let mut whole = serde_json::to_vec_pretty(&to_json(g)).unwrap();
    whole.push(b'\n');
    (String::from_utf8(streamed).unwrap(), String::from_utf8(whole).unwrap())
}

#[test]
fn pretty_writes_what_serde_json_pretty_prints() {
    // Empty and full arrays and objects, and nesting deeper than the indentation
    // written in one piece (64 levels).
    let mut deep = json!({"leaf": [1, {}, [], "x"]});
    for i in 0..70 {
        deep = if i % 2 == 0 { json!([deep, i, {}]) } else { json!({"k": deep, "e": [], "n": null}) };
    }
    for v in [json!({}), json!([]), json!([[]]), json!({"a": {"b": [1, 2]}, "c": "d"}), deep] {
        let mut ours = Vec::new();
        v.serialize(&mut serde_json::Serializer::with_formatter(&mut ours, Pretty::default())).unwrap();
        assert_eq!(String::from_utf8(ours).unwrap(), serde_json::to_string_pretty(&v).unwrap());
    }
}

fn graph_of_note(text: &str) -> KnowledgeGraph {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("day.md"), text).unwrap();
    build_graph(&[dir.path().to_path_buf()], &Knowledge::builtin(), None).unwrap().graph
}

/// The graph and its two derived views (`speakers` has `spoke_about` edges, which
/// have no row of their own: `tg:spokeAbout`).
fn with_views(g: KnowledgeGraph) -> Vec<(String, KnowledgeGraph)> {
    let mut all = Vec::new();
    for view in [View::Topics, View::Speakers] {
        let v = g.view(&ViewOptions { view, ..ViewOptions::default() }).unwrap();
        all.push((view.name().to_string(), v));
    }
    all.insert(0, ("full".to_string(), g));
    all
}

/// Talks whose names need escapes (those the notes keep: titles and names are
/// trimmed and their blanks joined), a version (`tg:versionOf`), PEPs, co-mentions.
const HOSTILE_NOTE: &str = "# PyCon \"Test\" 2024\n\n## 15.05.2024\n\n\
    ## Talk 1: Say \"hi\" \\ <script>alert('x')</script> & \u{1}\u{1f}\u{7f} é 🐍 שלום\n\n\
    Łukasz \"Ł\" Langa\n\nCPython and NumPy, PEP 659 in Python 3.11.\n\
    Then\tasyncio, \u{2028} CPython again, then NumPy.\nCPython.\n\n\
    ## Talk 2: </script><!-- \\u0041 \u{8}\u{c}\r\n\nMark Shannon\n\nPEP 659, PEP 8, CPython.\n";

#[test]
fn streamed_bytes_are_the_whole_documents() {
    let notes = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("notes");
    let sample = build_graph(&[notes], &Knowledge::builtin(), None).unwrap().graph;
    assert!(sample.edges().any(|(_, _, e)| e.kind == EdgeKind::VersionOf), "notes/ has a version");
    let mut graphs = vec![("empty".to_string(), KnowledgeGraph::default())];
    graphs.push(("builder, empty".into(), GraphBuilder::new(&Knowledge::builtin()).finish()));
    for (name, base) in [("fixture", sample_graph()), ("notes/", sample), ("hostile", graph_of_note(HOSTILE_NOTE))] {
        graphs.extend(with_views(base).into_iter().map(|(view, g)| (format!("{name}, {view}"), g)));
    }
    let raw = facts_graph(
        "Say \"hi\" \\ \u{8}\u{c}\t\n\r\u{0}\u{1f}\u{7f} </script> é 🐍 \u{2028}",
        "O'Brien \\ \"Bob\" שלום",
        &[("two\nlines\tand tab", 3), ("<script>&amp;", 4), ("🐍 \"", 5)],
    );
    let (facts, _) = written_and_reference(&raw);
    graphs.extend(with_views(raw).into_iter().map(|(view, g)| (format!("raw facts, {view}"), g)));
    for (name, g) in &graphs {
        let (streamed, whole) = written_and_reference(g);
        assert!(streamed == whole, "{name}: write differs from to_json\n{streamed}\n---\n{whole}");
    }
    let (hostile, _) = written_and_reference(&graphs.iter().find(|(n, _)| n == "hostile, full").unwrap().1);
    for escaped in [r#"\"hi\" \\ <script>"#, r"\u0001\u001f", r"\b", "\u{7f}", "é 🐍"] {
        assert!(hostile.contains(escaped), "{escaped:?} not in the hostile document");
    }
    for escaped in [r"\b\f\t\n\r\u0000", "\u{2028}", r#"O'Brien \\ \"Bob\""#, r"two\nlines\tand"] {
        assert!(facts.contains(escaped), "{escaped:?} not in the document of raw facts");
    }
    let speakers = &graphs.iter().find(|(n, _)| n == "hostile, speakers").unwrap().1;
    assert!(written_and_reference(speakers).0.contains("\"tg:spokeAbout\": "));
}

/// One talk by `speaker` mentioning each `(name, line)` (an unlisted technology,
/// written in lower case): see `talk_graph`.
fn facts_graph(title: &str, speaker: &str, mentions: &[(&str, u32)]) -> KnowledgeGraph {
    let lower: Vec<String> = mentions.iter().map(|(name, _)| name.to_lowercase()).collect();
    let at: Vec<_> = mentions.iter().zip(&lower).map(|((name, line), low)| (*name, low.as_str(), *line)).collect();
    crate::export::testgraphs::talk_graph(title, speaker, &at)
}

/// A mention seen at lines 5, 6, 5 has evidence 5, 6; past 32 places the repeats
/// are found by a hash set instead, with the same result.
#[test]
fn repeated_evidence_is_written_once() {
    let thing = |lines: &[u32]| facts_graph("T", "Ann Lee", &lines.iter().map(|&l| ("Thing", l)).collect::<Vec<_>>());
    let (streamed, whole) = written_and_reference(&thing(&[5, 6, 5]));
    assert_eq!(streamed, whole);
    assert!(streamed.contains("\"tg:evidence\": [\n          \"t.md:5\",\n          \"t.md:6\"\n"), "{streamed}");
    let long: Vec<u32> = (0..100).map(|i| 3 + (i * 7) % 40).collect();
    let (streamed, whole) = written_and_reference(&thing(&long));
    assert_eq!(streamed, whole);
    assert_eq!(streamed.matches("\"t.md:10\"").count(), 1);
}

#[test]
fn ids_and_places_are_written_by_parts_as_to_json_makes_them() {
    let scratch = Scratch::default();
    for id in ["technology:cpython", "talk:2024/a:b#3", "no-colon", ":x", "a\"b:c\\d", ""] {
        let joined = Joined::iri(id, &scratch);
        assert_eq!(serde_json::to_string(&joined).unwrap(), serde_json::to_string(&iri(id)).unwrap());
    }
    for (file, line) in [("notes/day1.md", 1), ("a \"b\"\\c.md", 0), ("", 4_294_967_295), ("é/x.md", 10)] {
        let at = crate::graph::At { file, line };
        let joined = Joined::place(at, &scratch);
        assert_eq!(serde_json::to_string(&joined).unwrap(), serde_json::to_string(&at.to_string()).unwrap());
    }
}

/// A line of a random note: headings, speakers, lexicon names, PEPs, versions, and
/// text that needs escaping.
fn note_line() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("CPython".to_string()),
        Just("NumPy".to_string()),
        Just("asyncio".to_string()),
        Just("PEP 659".to_string()),
        Just("Python 3.12".to_string()),
        Just("Mark Shannon".to_string()),
        Just("</script>".to_string()),
        Just("\"\\".to_string()),
        "[a-zA-Zé ]{1,6}",
        // A NUL makes the file "not text": it would be skipped whole.
        any::<char>().prop_map(|c| if c == '\0' { '\u{1}' } else { c }.to_string()),
    ];
    let text = prop::collection::vec(piece, 1..6).prop_map(|ps| ps.join(" "));
    prop_oneof![
        text.clone().prop_map(|t| format!("## Talk: {t}")),
        Just("## 16.05.2024".to_string()),
        Just("Ann Lee".to_string()),
        text,
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn random_notes_stream_the_same_bytes(lines in prop::collection::vec(note_line(), 1..24)) {
        let text = format!("# PyCon Test 2024\n\n{}\n", lines.join("\n\n"));
        for (view, g) in with_views(graph_of_note(&text)) {
            let (streamed, whole) = written_and_reference(&g);
            prop_assert!(streamed == whole, "{}: differs for {:?}", view, text);
        }
    }
}

#[test]
fn context_is_inline_with_vocab_base_and_prefix() {
    let d = doc();
    assert_eq!(d["@context"]["@vocab"], "https://schema.org/");
    assert_eq!(d["@context"]["@base"], BASE);
    assert_eq!(d["@context"]["tg"], VOCAB);
    assert_eq!(d["@graph"].as_array().unwrap().len(), sample_graph().node_count());
}

#[test]
fn ids_are_relative_iris() {
    let cases = [
        ("technology:cpython", "technology/cpython"),
        ("pep:659", "pep/659"),
        ("talk:day#3", "talk/day#3"),
        ("person:łukasz-langa", "person/łukasz-langa"),
    ];
    for (id, want) in cases {
        assert_eq!(iri(id), want);
        assert!(!iri(id).contains(':'), "{id} must not look like scheme:path");
    }
    let d = doc();
    for n in d["@graph"].as_array().unwrap() {
        assert!(!n["@id"].as_str().unwrap().contains(':'), "{n}");
    }
}

#[test]
fn talk_has_schema_org_shape_and_reified_mentions() {
    let d = doc();
    let t = node(&d, "talk/day#3");
    assert_eq!(t["@type"], "EducationEvent");
    assert_eq!(t["name"], "Faster CPython");
    assert_eq!(t["superEvent"], json!({"@id": "event/pycon-test"}));
    assert_eq!(t["performer"], json!({"@id": "person/mark-shannon"}));
    assert_eq!(t["startDate"], "2024-05-15");
    assert_eq!(t["tg:evidence"], "notes/day.md:3");
    assert_eq!(t["about"], json!([{"@id": "technology/cpython"}, {"@id": "pep/659"}]));
    let m = t["tg:mention"].as_array().unwrap();
    assert_eq!(
        m[0],
        json!({"@type": "tg:Mention", "tg:target": {"@id": "technology/cpython"}, "tg:weight": 2,
               "tg:confidence": "exact", "tg:evidence": ["notes/day.md:5", "notes/day.md:6"]})
    );
}

#[test]
fn technologies_peps_and_people() {
    let d = doc();
    let c = node(&d, "technology/cpython");
    assert_eq!(c["@type"], "SoftwareApplication");
    assert_eq!(c["alternateName"], "cpython3");
    assert_eq!(c["applicationCategory"], "implementation");
    assert_eq!(
        c["sameAs"],
        json!([{"@id": "https://github.com/python/cpython"}, {"@id": "https://www.wikidata.org/wiki/Q28865"}])
    );
    assert_eq!(c["creator"], json!({"@id": "organization/python-software-foundation"}));
    let numpy = node(&d, "technology/numpy");
    assert_eq!(numpy["sameAs"], json!([{"@id": "https://numpy.org"}, {"@id": "https://pypi.org/project/numpy/"}]));
    let pep = node(&d, "pep/659");
    assert_eq!(pep["@type"], "TechArticle");
    assert_eq!(pep["identifier"], "PEP 659");
    assert_eq!(pep["name"], "Specializing Adaptive Interpreter");
    assert_eq!(pep["url"], json!({"@id": "https://peps.python.org/pep-0659/"}));
    assert_eq!(pep["creativeWorkStatus"], "Final");
    assert_eq!(pep["author"], json!({"@id": "person/mark-shannon"}));
    let ana = d["@graph"].as_array().unwrap().iter().find(|n| n["name"] == "=Ana \"Ló\" 🐍").expect("hostile name");
    assert_eq!(ana["@type"], "Person");
}

#[test]
fn co_mentions_are_reified_on_the_smaller_id() {
    let d = doc();
    let pep = node(&d, "pep/659");
    let co = &pep["tg:coMention"];
    let all = if co.is_array() { co.as_array().unwrap().clone() } else { vec![co.clone()] };
    assert!(
        all.iter().any(|c| c["@type"] == "tg:CoMention"
            && c["tg:target"] == json!({"@id": "technology/cpython"})
            && c["tg:weight"] == 2),
        "{co}"
    );
}

#[test]
fn our_terms_are_lower_camel_case() {
    assert_eq!(rdf_term(EdgeKind::VersionOf), "tg:versionOf");
    assert_eq!(rdf_term(EdgeKind::CoMentioned), "tg:coMentioned");
    assert_eq!(rdf_term(EdgeKind::PartOf), "tg:partOf");
}

#[test]
fn only_web_iris_become_same_as() {
    for (s, ok) in [
        ("https://numpy.org", true),
        ("http://x.org/a?b=c", true),
        ("numpy.org", false),
        ("https://", false),
        ("https://a b", false),
        ("https://a\"b", false),
        ("javascript:alert(1)", false),
    ] {
        assert_eq!(is_web_iri(s), ok, "{s}");
    }
}
