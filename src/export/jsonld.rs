//! JSON-LD: the graph as linked data, in schema.org terms, built with serde_json.
//!
//! # The contract
//!
//! One compact JSON-LD document: an inline `@context` (nothing is fetched when it is
//! read) and an `@graph` with one node object per node, in the graph's stable order.
//! A property with one value holds it bare, with several an array (as JSON-LD
//! compaction writes them).
//!
//! ```json
//! "@context": {
//!   "@vocab": "https://schema.org/",
//!   "@base": "https://talkgraph.example/id/",
//!   "tg": "https://talkgraph.example/vocab#"
//! }
//! ```
//!
//! **Ids.** `@id` is our stable id with its first `:` turned into `/`
//! (`technology:cpython` → `technology/cpython`, `talk:europython-2023-day1#22` →
//! `talk/europython-2023-day1#22`): a relative IRI, resolved against `@base` to
//! `https://talkgraph.example/id/technology/cpython`. Written as is, `technology:cpython`
//! would be read as an absolute IRI of a made-up scheme `technology:`; with the slash it
//! cannot be. A talk's line becomes the IRI's fragment, which is what it is: a place in
//! a note. `talkgraph.example` is a reserved domain that never resolves; replace
//! `@base` to mint ids under your own.
//!
//! **Types and properties** (schema.org unless `tg:`):
//!
//! | kind | `@type` | properties |
//! |---|---|---|
//! | Event | `Event` | `name`, `startDate`, `superEvent` (a day → its conference) |
//! | Talk | `EducationEvent` | `name`, `tg:talkKind` (`talk`, `keynote`, `lightning`), `startDate`, `superEvent`, `performer`, `about`, `tg:mention`, `tg:evidence` (`file:line` of its heading) |
//! | Person | `Person` | `name`, `alternateName` |
//! | Technology | `SoftwareApplication` | `name`, `alternateName` (spellings seen), `applicationCategory`, `sameAs`, `creator` (developed by) |
//! | Organization | `Organization` | `name`, `alternateName`, `tg:category`, `sameAs`, `parentOrganization` |
//! | PEP | `TechArticle` | `identifier` (`PEP 659`), `name` (its title, else `PEP 659`), `url`, `sameAs` (the same page), `creativeWorkStatus`, `tg:pepType`, `tg:pythonVersion`, `author` |
//! | Version | `SoftwareApplication` + `tg:Version` | `name`, `softwareVersion` (`3.11`), `tg:versionOf` |
//!
//! `sameAs` holds the canonical pages the lexicon knows: the home page,
//! `https://pypi.org/project/<name>/` and `https://www.wikidata.org/wiki/<Q-id>`; a
//! value that is not an `http(s)` IRI is left out. Links to other nodes are
//! `{"@id": ...}` objects.
//!
//! **Weights and evidence.** A talk's `about` lists what it mentions, for plain
//! schema.org readers; each mention is also reified as a blank node in `tg:mention`:
//! `{"@type": "tg:Mention", "tg:target": {"@id": ...}, "tg:weight": 3, "tg:evidence":
//! ["notes/day1.md:40", ...]}`. Co-mentions are reified the same way on the topic with
//! the smaller id: `tg:coMention` → `{"@type": "tg:CoMention", "tg:target", "tg:weight"
//! (talks mentioning both), "tg:evidence" (their heading lines)}`. Weights are JSON
//! numbers (`xsd:integer` in RDF). A relation with no row above (a view's derived
//! edges) is a plain link `tg:<relation in lowerCamelCase>` on its source. The evidence of `part_of` and `presented_by` edges
//! is in the CSV only.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;

use petgraph::graph::NodeIndex;
use serde_json::{json, Map, Value};

use super::{ExportError, ExportOptions};
use crate::graph::{Edge, EdgeKind, KnowledgeGraph, Node, NodeKind};

/// The `@base` every `@id` is relative to.
pub const BASE: &str = "https://talkgraph.example/id/";
/// The namespace of our own terms (prefix `tg:`).
pub const VOCAB: &str = "https://talkgraph.example/vocab#";

/// The `@id` of a node id: the first `:` becomes `/` (see the module doc).
///
/// ```
/// use talkgraph::export::jsonld::iri;
/// assert_eq!(iri("technology:cpython"), "technology/cpython");
/// assert_eq!(iri("talk:2024/pycon-us#3"), "talk/2024/pycon-us#3");
/// ```
pub fn iri(id: &str) -> String {
    id.replacen(':', "/", 1)
}

fn reference(id: &str) -> Value {
    json!({ "@id": iri(id) })
}

/// Whether `s` can go out as an absolute `http(s)` IRI as it is (also used for DOT's
/// `URL`, so that a lexicon cannot plant a `javascript:` link in an SVG).
pub(crate) fn is_web_iri(s: &str) -> bool {
    (s.starts_with("https://") || s.starts_with("http://"))
        && s.len() > "https://".len()
        && !s.chars().any(|c| c.is_whitespace() || c.is_control() || "<>\"{}|\\^`".contains(c))
}

/// The canonical pages of a technology, organisation or PEP, without repeats.
fn same_as(n: &Node) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for key in ["homepage", "url"] {
        if let Some(h) = n.attr(key).filter(|h| is_web_iri(h)) {
            out.insert(h.to_string());
        }
    }
    if let Some(p) = n.attr("pypi") {
        let page = format!("https://pypi.org/project/{p}/");
        if !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric() || "._-".contains(c)) {
            out.insert(page);
        }
    }
    if let Some(q) = n.attr("wikidata") {
        if is_web_iri(q) {
            out.insert(q.to_string());
        } else if q.len() > 1 && q.starts_with('Q') && q[1..].chars().all(|c| c.is_ascii_digit()) {
            out.insert(format!("https://www.wikidata.org/wiki/{q}"));
        }
    }
    out
}

/// Collects the values of one property; [`finish`](Props::finish) writes one value
/// bare and several as an array.
#[derive(Default)]
struct Props(BTreeMap<String, Vec<Value>>, Vec<String>);

impl Props {
    fn add(&mut self, key: &str, v: Value) {
        if !self.0.contains_key(key) {
            self.1.push(key.to_string());
        }
        self.0.entry(key.to_string()).or_default().push(v);
    }

    fn finish(mut self, obj: &mut Map<String, Value>) {
        for key in self.1 {
            let mut vs = self.0.remove(&key).unwrap_or_default();
            let v = if vs.len() == 1 { vs.pop().unwrap_or(Value::Null) } else { Value::Array(vs) };
            obj.insert(key, v);
        }
    }
}

/// Our term for a relation schema.org has no property for: `tg:` and its name in
/// lower camel case (`version_of` → `tg:versionOf`).
fn term(kind: EdgeKind) -> String {
    let mut out = String::from("tg:");
    let mut upper = false;
    for c in kind.name().chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

fn reified(graph: &KnowledgeGraph, ty: &str, target: &Node, e: &Edge) -> Value {
    let mut seen = BTreeSet::new();
    let evidence: Vec<Value> =
        graph.evidence(e).map(|a| a.to_string()).filter(|s| seen.insert(s.clone())).map(Value::String).collect();
    let mut obj = Map::new();
    obj.insert("@type".into(), json!(ty));
    obj.insert("tg:target".into(), reference(&target.id));
    obj.insert("tg:weight".into(), json!(e.weight));
    match evidence.len() {
        0 => {}
        1 => {
            obj.insert("tg:evidence".into(), evidence.into_iter().next().unwrap_or(Value::Null));
        }
        _ => {
            obj.insert("tg:evidence".into(), Value::Array(evidence));
        }
    }
    Value::Object(obj)
}

/// Builds the JSON-LD document of `graph`.
///
/// ```
/// use talkgraph::{build_graph, extract::Knowledge};
///
/// let dir = tempfile::tempdir().unwrap();
/// std::fs::write(dir.path().join("day1.md"), "## Talk 1: Faster CPython\n\nMark Shannon\n\nPEP 659 in 3.11\n").unwrap();
/// let built = build_graph(&[dir.path().to_path_buf()], &Knowledge::builtin(), None).unwrap();
/// let doc = talkgraph::export::jsonld::to_json(&built.graph);
/// assert_eq!(doc["@context"]["@vocab"], "https://schema.org/");
/// let pep = doc["@graph"].as_array().unwrap().iter().find(|n| n["@id"] == "pep/659").unwrap();
/// assert_eq!(pep["@type"], "TechArticle");
/// assert_eq!(pep["identifier"], "PEP 659");
/// assert_eq!(pep["url"]["@id"], "https://peps.python.org/pep-0659/");
/// ```
pub fn to_json(graph: &KnowledgeGraph) -> Value {
    let by_holder = edges_by_holder(graph);
    let nodes: Vec<Value> = graph.nodes().map(|(i, n)| node_object((graph, n), &by_holder[i.index()])).collect();
    json!({
        "@context": context(),
        "@graph": nodes,
    })
}

fn context() -> Value {
    json!({
        "@vocab": "https://schema.org/",
        "@base": BASE,
        "tg": VOCAB,
    })
}

/// An edge as the property it gives one node: (property, value).
type Prop = (String, Value);

/// For each node (by index), the edges that give it a property, in edge order.
fn edges_by_holder(graph: &KnowledgeGraph) -> Vec<Vec<(NodeIndex, NodeIndex, &Edge)>> {
    let mut by_holder: Vec<Vec<(NodeIndex, NodeIndex, &Edge)>> = vec![Vec::new(); graph.node_count()];
    for (s, t, e) in graph.edge_indices() {
        // `authored` is said of the PEP; everything else of the edge's source.
        let holder = if e.kind == EdgeKind::Authored { t } else { s };
        by_holder[holder.index()].push((s, t, e));
    }
    by_holder
}

/// The properties one edge gives its holder (a mention gives two: `about` and the
/// reified `tg:mention`).
fn edge_props(graph: &KnowledgeGraph, s: NodeIndex, t: NodeIndex, e: &Edge) -> Vec<Prop> {
    let pg = graph.as_petgraph();
    let (src, dst) = (&pg[s], &pg[t]);
    match e.kind {
        EdgeKind::PartOf => vec![("superEvent".into(), reference(&dst.id))],
        EdgeKind::PresentedBy => vec![("performer".into(), reference(&dst.id))],
        EdgeKind::Mentions => {
            vec![("about".into(), reference(&dst.id)), ("tg:mention".into(), reified(graph, "tg:Mention", dst, e))]
        }
        EdgeKind::Authored => vec![("author".into(), reference(&src.id))],
        EdgeKind::DevelopedBy if src.kind == NodeKind::Organization => {
            vec![("parentOrganization".into(), reference(&dst.id))]
        }
        EdgeKind::DevelopedBy => vec![("creator".into(), reference(&dst.id))],
        EdgeKind::CoMentioned => vec![("tg:coMention".into(), reified(graph, "tg:CoMention", dst, e))],
        // version_of → tg:versionOf, and any relation added later the same way.
        other => vec![(term(other), reference(&dst.id))],
    }
}

/// One node of `@graph`, with the properties its edges give it.
fn node_object(graph_node: (&KnowledgeGraph, &Node), edges: &[(NodeIndex, NodeIndex, &Edge)]) -> Value {
    let (graph, n) = graph_node;
    let mut props = Props::default();
    for &(s, t, e) in edges {
        for (k, v) in edge_props(graph, s, t, e) {
            props.add(&k, v);
        }
    }
    let props = Some(props);
    let mut obj = Map::new();
    obj.insert("@id".into(), json!(iri(&n.id)));
    let ty = match n.kind {
        NodeKind::Event => json!("Event"),
        NodeKind::Talk => json!("EducationEvent"),
        NodeKind::Person => json!("Person"),
        NodeKind::Technology => json!("SoftwareApplication"),
        NodeKind::Organization => json!("Organization"),
        NodeKind::Pep => json!("TechArticle"),
        NodeKind::Version => json!(["SoftwareApplication", "tg:Version"]),
    };
    obj.insert("@type".into(), ty);
    let name = match n.kind {
        NodeKind::Pep => n.attr("title").unwrap_or(&n.label),
        _ => &n.label,
    };
    obj.insert("name".into(), json!(name));
    match n.aliases.len() {
        0 => {}
        1 => {
            obj.insert("alternateName".into(), json!(n.aliases.first()));
        }
        _ => {
            obj.insert("alternateName".into(), json!(n.aliases));
        }
    }
    let put = |obj: &mut Map<String, Value>, key: &str, attr: &str| {
        if let Some(v) = n.attr(attr) {
            obj.insert(key.into(), json!(v));
        }
    };
    match n.kind {
        NodeKind::Event => put(&mut obj, "startDate", "date"),
        NodeKind::Talk => {
            put(&mut obj, "tg:talkKind", "talk_kind");
            put(&mut obj, "startDate", "date");
        }
        NodeKind::Technology => put(&mut obj, "applicationCategory", "category"),
        NodeKind::Organization => put(&mut obj, "tg:category", "category"),
        NodeKind::Pep => {
            obj.insert("identifier".into(), json!(n.attr("identifier").unwrap_or(&n.label)));
            if let Some(url) = n.attr("url").filter(|u| is_web_iri(u)) {
                obj.insert("url".into(), json!({ "@id": url }));
            }
            put(&mut obj, "creativeWorkStatus", "status");
            put(&mut obj, "tg:pepType", "type");
            put(&mut obj, "tg:pythonVersion", "python_version");
        }
        NodeKind::Version => {
            let number = n.label.rsplit(' ').next().unwrap_or(&n.label);
            obj.insert("softwareVersion".into(), json!(number));
        }
        NodeKind::Person => {}
    }
    if matches!(n.kind, NodeKind::Technology | NodeKind::Organization | NodeKind::Pep) {
        let pages: Vec<Value> = same_as(n).into_iter().map(|u| json!({ "@id": u })).collect();
        match pages.len() {
            0 => {}
            1 => {
                obj.insert("sameAs".into(), pages.into_iter().next().unwrap_or(Value::Null));
            }
            _ => {
                obj.insert("sameAs".into(), Value::Array(pages));
            }
        }
    }
    if let Some(p) = props {
        p.finish(&mut obj);
    }
    if n.kind == NodeKind::Talk {
        if let (Some(f), Some(l)) = (n.attr("file"), n.attr("line")) {
            obj.insert("tg:evidence".into(), json!(format!("{f}:{l}")));
        }
    }
    Value::Object(obj)
}

/// Writes `graph` as JSON-LD (pretty-printed, ending with a newline), one node at a
/// time: the bytes are those of `to_json` pretty-printed, without the whole document
/// in memory.
pub fn write(graph: &KnowledgeGraph, _opts: &ExportOptions, w: &mut dyn Write) -> Result<(), ExportError> {
    let by_holder = edges_by_holder(graph);
    let context = serde_json::to_string_pretty(&context()).map_err(std::io::Error::from)?;
    write!(w, "{{\n  \"@context\": {}", context.replace('\n', "\n  "))?;
    if graph.node_count() == 0 {
        w.write_all(b",\n  \"@graph\": []\n}\n")?;
        return Ok(());
    }
    w.write_all(b",\n  \"@graph\": [\n")?;
    let mut buf = Vec::new();
    for (k, (i, n)) in graph.nodes().enumerate() {
        if k > 0 {
            w.write_all(b",\n")?;
        }
        buf.clear();
        serde_json::to_writer_pretty(&mut buf, &node_object((graph, n), &by_holder[i.index()]))
            .map_err(std::io::Error::from)?;
        w.write_all(b"    ")?;
        for (j, line) in buf.split(|&b| b == b'\n').enumerate() {
            if j > 0 {
                w.write_all(b"\n    ")?;
            }
            w.write_all(line)?;
        }
    }
    w.write_all(b"\n  ]\n}\n")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::fixtures::sample_graph;

    fn doc() -> Value {
        let mut buf = Vec::new();
        write(&sample_graph(), &ExportOptions::default(), &mut buf).unwrap();
        serde_json::from_slice(&buf).expect("valid JSON")
    }

    fn node<'a>(doc: &'a Value, id: &str) -> &'a Value {
        doc["@graph"].as_array().unwrap().iter().find(|n| n["@id"] == id).unwrap_or_else(|| panic!("no {id}"))
    }

    #[test]
    fn streamed_bytes_are_the_whole_documents() {
        let empty = crate::graph::GraphBuilder::new(&crate::extract::Knowledge::builtin()).finish();
        for g in [sample_graph(), empty] {
            let mut streamed = Vec::new();
            write(&g, &ExportOptions::default(), &mut streamed).unwrap();
            let mut whole = serde_json::to_vec_pretty(&to_json(&g)).unwrap();
            whole.push(b'\n');
            assert_eq!(String::from_utf8(streamed).unwrap(), String::from_utf8(whole).unwrap());
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
                   "tg:evidence": ["notes/day.md:5", "notes/day.md:6"]})
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
        assert_eq!(term(EdgeKind::VersionOf), "tg:versionOf");
        assert_eq!(term(EdgeKind::CoMentioned), "tg:coMentioned");
        assert_eq!(term(EdgeKind::PartOf), "tg:partOf");
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
}
