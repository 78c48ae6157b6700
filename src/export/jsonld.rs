//! JSON-LD: the graph as linked data, in schema.org terms, in serde_json's pretty layout.
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
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use serde_json::{json, Map, Value};

use super::{Chunks, ExportError, ExportOptions};
use crate::graph::{measures, Edge, EdgeKind, KnowledgeGraph, Node, NodeKind};

/// The `@base` every `@id` is relative to.
pub const BASE: &str = "https://talkgraph.example/id/";
/// The namespace of our own terms (prefix `tg:`).
pub const VOCAB: &str = "https://talkgraph.example/vocab#";

/// The file and line of a talk's heading, if known. The one way this module reads them.
fn talk_place(n: &Node) -> Option<(&str, &str)> {
    match n.kind {
        NodeKind::Talk => n.attr("file").zip(n.attr("line")),
        _ => None,
    }
}

/// The node an edge `s → t` gives a property to: `authored` is said of the PEP (its
/// target), everything else of the edge's source.
fn holder(s: NodeIndex, t: NodeIndex, e: &Edge) -> NodeIndex {
    if e.kind == EdgeKind::Authored {
        t
    } else {
        s
    }
}

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
    let evidence: Vec<Value> = graph
        .evidence(e)
        .map(|place| place.to_string())
        .filter(|s| seen.insert(s.clone()))
        .map(Value::String)
        .collect();
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
    let nodes: Vec<Value> =
        graph.nodes().map(|(i, n)| node_object((graph, n, i.index()), &by_holder[i.index()])).collect();
    json!({
        "@context": context(),
        "@graph": nodes,
    })
}

fn context() -> Value {
    serde_json::to_value(CONTEXT).expect("three strings make a JSON object")
}

/// An edge as the property it gives one node: (property, value).
type Prop = (String, Value);

/// For each node (by index), the edges that give it a property, in edge order.
fn edges_by_holder(graph: &KnowledgeGraph) -> Vec<Vec<(NodeIndex, NodeIndex, &Edge)>> {
    let mut by_holder: Vec<Vec<(NodeIndex, NodeIndex, &Edge)>> = vec![Vec::new(); graph.node_count()];
    for (s, t, e) in graph.edge_indices() {
        by_holder[holder(s, t, e).index()].push((s, t, e));
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
fn node_object(graph_node: (&KnowledgeGraph, &Node, usize), edges: &[(NodeIndex, NodeIndex, &Edge)]) -> Value {
    let (graph, n, i) = graph_node;
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
    if let Some((f, l)) = talk_place(n) {
        obj.insert("tg:evidence".into(), json!(format!("{f}:{l}")));
    }
    for (k, v) in measure_entries(graph, i) {
        obj.insert(k.into(), v);
    }
    Value::Object(obj)
}

/// The [measures](crate::graph::measures) of node `i`, when computed, as `tg:` terms:
/// `tg:degree`, `tg:weightedDegree`, `tg:pagerank`, `tg:betweenness` (JSON numbers, the
/// floats rounded as every format writes them), `tg:community`, `tg:communityLabel`
/// (for nodes of the topic map).
fn measure_entries(graph: &KnowledgeGraph, i: usize) -> Vec<(&'static str, Value)> {
    let Some(m) = graph.measures() else { return Vec::new() };
    let keys = ["tg:degree", "tg:weightedDegree", "tg:pagerank", "tg:betweenness", "tg:community", "tg:communityLabel"];
    let types = measures::ATTRS.iter().map(|a| a.1);
    let mut out = Vec::with_capacity(keys.len());
    for ((key, ty), v) in keys.into_iter().zip(types).zip(m.values(i)) {
        let value = match ty {
            _ if v.is_empty() => continue,
            "int" => v.parse::<u64>().map(Value::from).unwrap_or(Value::Null),
            "double" => v.parse::<f64>().map(Value::from).unwrap_or(Value::Null),
            _ => Value::String(v),
        };
        out.push((key, value));
    }
    out
}

/// Writes `graph` as JSON-LD (pretty-printed, ending with a newline): the bytes of
/// `to_json` pretty-printed by serde_json, written as they are produced.
///
/// On a corpus of 1.5 million edges, building a `Value` per node (string keys, maps, a
/// `String` per evidence line) and pretty-printing it was most of the export's time.
/// Instead, the document is a tree of borrowed `Serialize` views of the graph
/// (`Document`, `NodeObject`, ...) fed to serde_json's serializer with its
/// pretty-printer ([`Pretty`]): serde_json still writes and escapes every byte, with no
/// `Value` and no string per evidence line in between. `to_json` pretty-printed by
/// serde_json stays the reference: the tests check that both give the same bytes.
pub fn write(graph: &KnowledgeGraph, _opts: &ExportOptions, w: &mut dyn Write) -> Result<(), ExportError> {
    let doc = Document { graph, holders: Holders::new(graph) };
    let mut out = Chunks::new(w);
    let mut ser = serde_json::Serializer::with_formatter(&mut out, Pretty::default());
    doc.serialize(&mut ser).map_err(std::io::Error::from)?;
    out.write_all(b"\n")?;
    out.finish()?;
    Ok(())
}

/// serde_json's `PrettyFormatter` with a two-space indent, byte for byte, except that a
/// line break and its indentation are one write, not one per level: there are two per
/// key, and that loop was a sixth of the export's instructions (callgrind).
#[derive(Debug, Default)]
struct Pretty {
    level: usize,
    has_value: bool,
}

impl Pretty {
    /// `,` if `comma`, a line break, and the indentation of `level`.
    fn line<W: ?Sized + Write>(w: &mut W, comma: bool, level: usize) -> std::io::Result<()> {
        const LINE: [u8; 130] = {
            let mut line = [b' '; 130];
            (line[0], line[1]) = (b',', b'\n');
            line
        };
        let (start, end) = (usize::from(!comma), 2 + 2 * level);
        w.write_all(&LINE[start..end.min(LINE.len())])?;
        for _ in LINE.len()..end {
            w.write_all(b" ")?;
        }
        Ok(())
    }

    /// `[` or `{`: one level deeper, nothing in it yet.
    fn open<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> std::io::Result<()> {
        self.level += 1;
        self.has_value = false;
        w.write_all(bracket)
    }

    /// `]` or `}`, on a line of its own unless the array or object is empty.
    fn close<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> std::io::Result<()> {
        self.level -= 1;
        if self.has_value {
            Self::line(w, false, self.level)?;
        }
        w.write_all(bracket)
    }
}

impl serde_json::ser::Formatter for Pretty {
    #[inline]
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.open(w, b"[")
    }

    #[inline]
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.close(w, b"]")
    }

    #[inline]
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> std::io::Result<()> {
        Self::line(w, !first, self.level)
    }

    #[inline]
    fn end_array_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    #[inline]
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.open(w, b"{")
    }

    #[inline]
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.close(w, b"}")
    }

    #[inline]
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> std::io::Result<()> {
        Self::line(w, !first, self.level)
    }

    #[inline]
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        w.write_all(b": ")
    }

    #[inline]
    fn end_object_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// The inline `@context` (see the module doc).
#[derive(Serialize)]
struct Context {
    #[serde(rename = "@vocab")]
    vocab: &'static str,
    #[serde(rename = "@base")]
    base: &'static str,
    tg: &'static str,
}

const CONTEXT: Context = Context { vocab: "https://schema.org/", base: BASE, tg: VOCAB };

/// The whole document, serialised node by node straight from the graph: serde_json
/// writes and escapes everything, as for [`to_json`], with no `Value` in between.
struct Document<'g> {
    graph: &'g KnowledgeGraph,
    holders: Holders,
}

impl Serialize for Document<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut doc = s.serialize_map(Some(2))?;
        doc.serialize_entry("@context", &CONTEXT)?;
        doc.serialize_entry("@graph", &Nodes(self))?;
        doc.end()
    }
}

struct Nodes<'d, 'g>(&'d Document<'g>);

impl Serialize for Nodes<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let doc = self.0;
        s.collect_seq(doc.graph.nodes().map(|(i, n)| NodeObject {
            graph: doc.graph,
            n,
            i: i.index(),
            edges: doc.holders.of(i),
        }))
    }
}

/// The edges each node holds (see [`holder`]), in edge order, as one flat list of
/// edge indices with an offset per node: two allocations however many nodes.
struct Holders {
    start: Vec<u32>,
    edges: Vec<u32>,
}

impl Holders {
    fn new(graph: &KnowledgeGraph) -> Holders {
        let mut start = vec![0u32; graph.node_count() + 1];
        for (s, t, e) in graph.edge_indices() {
            start[holder(s, t, e).index() + 1] += 1;
        }
        for i in 1..start.len() {
            start[i] += start[i - 1];
        }
        let mut next = start.clone();
        let mut edges = vec![0u32; graph.edge_count()];
        // `edge_indices` yields the edges in index order, so `k` is the edge's index.
        for (k, (s, t, e)) in graph.edge_indices().enumerate() {
            let slot = &mut next[holder(s, t, e).index()];
            edges[*slot as usize] = k as u32;
            *slot += 1;
        }
        Holders { start, edges }
    }

    fn of(&self, node: NodeIndex) -> &[u32] {
        &self.edges[self.start[node.index()] as usize..self.start[node.index() + 1] as usize]
    }
}

/// A property an edge gives its holder (the keys of [`edge_props`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Key {
    SuperEvent,
    Performer,
    About,
    Mention,
    Author,
    ParentOrganization,
    Creator,
    CoMention,
    /// `tg:` + the relation's name ([`term`]).
    Term(EdgeKind),
}

impl Key {
    fn name(self) -> std::borrow::Cow<'static, str> {
        std::borrow::Cow::Borrowed(match self {
            Key::SuperEvent => "superEvent",
            Key::Performer => "performer",
            Key::About => "about",
            Key::Mention => "tg:mention",
            Key::Author => "author",
            Key::ParentOrganization => "parentOrganization",
            Key::Creator => "creator",
            Key::CoMention => "tg:coMention",
            Key::Term(kind) => return std::borrow::Cow::Owned(term(kind)),
        })
    }
}

/// The properties one edge from `s` gives its holder: [`edge_props`]'s keys.
fn edge_keys(graph: &KnowledgeGraph, s: NodeIndex, e: &Edge) -> [Option<Key>; 2] {
    let one = match e.kind {
        EdgeKind::PartOf => Key::SuperEvent,
        EdgeKind::PresentedBy => Key::Performer,
        EdgeKind::Mentions => return [Some(Key::About), Some(Key::Mention)],
        EdgeKind::Authored => Key::Author,
        EdgeKind::DevelopedBy if graph.node(s).kind == NodeKind::Organization => Key::ParentOrganization,
        EdgeKind::DevelopedBy => Key::Creator,
        EdgeKind::CoMentioned => Key::CoMention,
        other => Key::Term(other),
    };
    [Some(one), None]
}

/// One value bare, several as an array (as [`Props`] and JSON-LD compaction write
/// them): `len` values, made by `items`.
struct OneOrMany<F> {
    len: usize,
    items: F,
}

impl<F: Fn() -> I, I: Iterator<Item = T>, T: Serialize> OneOrMany<F> {
    fn new(len: usize, items: F) -> Self {
        OneOrMany { len, items }
    }
}

impl<F: Fn() -> I, I: Iterator<Item = T>, T: Serialize> Serialize for OneOrMany<F> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut items = (self.items)();
        match (self.len, items.next()) {
            (1, Some(one)) => one.serialize(s),
            (_, first) => s.collect_seq(first.into_iter().chain(items)),
        }
    }
}

/// A string in pieces, serialised as one: a node's `@id` (its id with the first `:`
/// turned into `/`, as [`iri`] makes it) or a place (`file:line`). The pieces go into a
/// reused buffer that serde_json escapes in one pass; through `Display` and
/// `collect_str`, `fmt` ran and each piece was escaped on its own (a tenth of the
/// export's instructions, callgrind).
struct Joined<'a> {
    parts: [&'a str; 3],
    line: Option<u32>,
}

impl<'a> Joined<'a> {
    fn iri(id: &'a str) -> Self {
        let parts = match id.split_once(':') {
            Some((kind, rest)) => [kind, "/", rest],
            None => [id, "", ""],
        };
        Joined { parts, line: None }
    }

    fn place(at: crate::graph::At<'a>) -> Self {
        Joined { parts: [at.file, ":", ""], line: Some(at.line) }
    }
}

impl Serialize for Joined<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        thread_local! {
            static BUF: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
        }
        BUF.with_borrow_mut(|buf| {
            buf.clear();
            self.parts.iter().for_each(|p| buf.push_str(p));
            if let Some(n) = self.line {
                crate::graph::push_number(buf, n);
            }
            s.serialize_str(buf)
        })
    }
}

/// `{"@id": ...}`: a link to a node (by our id) or to a page (an absolute IRI).
enum Link<'a> {
    Node(&'a str),
    Page(&'a str),
}

impl Serialize for Link<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(1))?;
        match self {
            Link::Node(id) => m.serialize_entry("@id", &Joined::iri(id))?,
            Link::Page(url) => m.serialize_entry("@id", url)?,
        }
        m.end()
    }
}

/// One node of `@graph`: [`node_object`]'s members, in its order.
struct NodeObject<'g> {
    graph: &'g KnowledgeGraph,
    n: &'g Node,
    /// The node's index, for its measures.
    i: usize,
    edges: &'g [u32],
}

impl Serialize for NodeObject<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let n = self.n;
        let mut obj = s.serialize_map(None)?;
        obj.serialize_entry("@id", &Joined::iri(&n.id))?;
        match n.kind {
            NodeKind::Event => obj.serialize_entry("@type", "Event")?,
            NodeKind::Talk => obj.serialize_entry("@type", "EducationEvent")?,
            NodeKind::Person => obj.serialize_entry("@type", "Person")?,
            NodeKind::Technology => obj.serialize_entry("@type", "SoftwareApplication")?,
            NodeKind::Organization => obj.serialize_entry("@type", "Organization")?,
            NodeKind::Pep => obj.serialize_entry("@type", "TechArticle")?,
            NodeKind::Version => obj.serialize_entry("@type", &["SoftwareApplication", "tg:Version"])?,
        }
        let name = if n.kind == NodeKind::Pep { n.attr("title").unwrap_or(&n.label) } else { &n.label };
        obj.serialize_entry("name", name)?;
        if !n.aliases.is_empty() {
            obj.serialize_entry("alternateName", &OneOrMany::new(n.aliases.len(), || n.aliases.iter()))?;
        }
        let attrs: &[(&str, &str)] = match n.kind {
            NodeKind::Event => &[("startDate", "date")],
            NodeKind::Talk => &[("tg:talkKind", "talk_kind"), ("startDate", "date")],
            NodeKind::Technology => &[("applicationCategory", "category")],
            NodeKind::Organization => &[("tg:category", "category")],
            _ => &[],
        };
        for (key, attr) in attrs {
            if let Some(v) = n.attr(attr) {
                obj.serialize_entry(key, v)?;
            }
        }
        match n.kind {
            NodeKind::Pep => {
                obj.serialize_entry("identifier", n.attr("identifier").unwrap_or(&n.label))?;
                if let Some(url) = n.attr("url").filter(|u| is_web_iri(u)) {
                    obj.serialize_entry("url", &Link::Page(url))?;
                }
                for (key, attr) in
                    [("creativeWorkStatus", "status"), ("tg:pepType", "type"), ("tg:pythonVersion", "python_version")]
                {
                    if let Some(v) = n.attr(attr) {
                        obj.serialize_entry(key, v)?;
                    }
                }
            }
            NodeKind::Version => {
                obj.serialize_entry("softwareVersion", n.label.rsplit(' ').next().unwrap_or(&n.label))?
            }
            _ => {}
        }
        if matches!(n.kind, NodeKind::Technology | NodeKind::Organization | NodeKind::Pep) {
            let pages = same_as(n);
            if !pages.is_empty() {
                obj.serialize_entry("sameAs", &OneOrMany::new(pages.len(), || pages.iter().map(|p| Link::Page(p))))?;
            }
        }
        // The properties the held edges give, by first appearance, each with its values
        // in edge order (as [`Props`] collects them).
        let graph = self.graph;
        let raw = graph.as_petgraph().raw_edges();
        let mut props: Vec<(Key, usize)> = Vec::new();
        for &k in self.edges {
            let e = &raw[k as usize];
            for p in edge_keys(graph, e.source(), &e.weight).into_iter().flatten() {
                match props.iter_mut().find(|(q, _)| *q == p) {
                    Some((_, count)) => *count += 1,
                    None => props.push((p, 1)),
                }
            }
        }
        for (key, count) in props {
            let values = || {
                let held = self.edges.iter().map(|&k| &raw[k as usize]);
                let with_key = held.filter(move |e| edge_keys(graph, e.source(), &e.weight).contains(&Some(key)));
                with_key.map(move |e| PropValue { graph, key, s: e.source(), t: e.target(), e: &e.weight })
            };
            obj.serialize_entry(&key.name(), &OneOrMany::new(count, values))?;
        }
        if let Some((file, line)) = talk_place(n) {
            obj.serialize_entry("tg:evidence", &Joined { parts: [file, ":", line], line: None })?;
        }
        for (k, v) in measure_entries(graph, self.i) {
            obj.serialize_entry(k, &v)?;
        }
        obj.end()
    }
}

/// The value property `key` takes from edge `s → t`: [`edge_props`]'s values.
struct PropValue<'g> {
    graph: &'g KnowledgeGraph,
    key: Key,
    s: NodeIndex,
    t: NodeIndex,
    e: &'g Edge,
}

impl Serialize for PropValue<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (graph, e) = (self.graph, self.e);
        let ty = match self.key {
            Key::Author => return Link::Node(&graph.node(self.s).id).serialize(s),
            Key::Mention => "tg:Mention",
            Key::CoMention => "tg:CoMention",
            _ => return Link::Node(&graph.node(self.t).id).serialize(s),
        };
        // [`reified`]: a blank node for the edge, its places once each (a place is
        // one text: the file table has no name twice).
        let mut obj = s.serialize_map(None)?;
        obj.serialize_entry("@type", ty)?;
        obj.serialize_entry("tg:target", &Link::Node(&graph.node(self.t).id))?;
        obj.serialize_entry("tg:weight", &e.weight)?;
        match e.evidence.len() {
            0 => {}
            1 => obj.serialize_entry("tg:evidence", &Joined::place(graph.evidence(e).next().expect("one place")))?,
            _ => {
                let mut places: Vec<crate::graph::Place> = Vec::with_capacity(e.evidence.len());
                if e.evidence.len() <= 32 {
                    for p in e.evidence.iter() {
                        if !places.contains(&p) {
                            places.push(p);
                        }
                    }
                } else {
                    let mut seen = std::collections::HashSet::with_capacity(e.evidence.len());
                    places.extend(e.evidence.iter().filter(|p| seen.insert(*p)));
                }
                let texts = || places.iter().map(|&p| Joined::place(graph.at(p)));
                obj.serialize_entry("tg:evidence", &OneOrMany::new(places.len(), texts))?;
            }
        }
        obj.end()
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::build_graph;
    use crate::export::fixtures::sample_graph;
    use crate::extract::Knowledge;
    use crate::graph::{GraphBuilder, View, ViewOptions};

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
        for (name, base) in [("fixture", sample_graph()), ("notes/", sample), ("hostile", graph_of_note(HOSTILE_NOTE))]
        {
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
        crate::export::graphml::fixtures::talk_graph(title, speaker, &at)
    }

    /// A mention seen at lines 5, 6, 5 has evidence 5, 6; past 32 places the repeats
    /// are found by a hash set instead, with the same result.
    #[test]
    fn repeated_evidence_is_written_once() {
        let thing =
            |lines: &[u32]| facts_graph("T", "Ann Lee", &lines.iter().map(|&l| ("Thing", l)).collect::<Vec<_>>());
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
        for id in ["technology:cpython", "talk:2024/a:b#3", "no-colon", ":x", "a\"b:c\\d", ""] {
            assert_eq!(serde_json::to_string(&Joined::iri(id)).unwrap(), serde_json::to_string(&iri(id)).unwrap());
        }
        for (file, line) in [("notes/day1.md", 1), ("a \"b\"\\c.md", 0), ("", 4_294_967_295), ("é/x.md", 10)] {
            let at = crate::graph::At { file, line };
            assert_eq!(
                serde_json::to_string(&Joined::place(at)).unwrap(),
                serde_json::to_string(&at.to_string()).unwrap()
            );
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
