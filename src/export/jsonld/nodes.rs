//! The document as borrowed `Serialize` views of the graph, fed straight to serde_json
//! by [`write`](super::write()): no `serde_json::Value` in between.

use std::cell::RefCell;

use petgraph::graph::NodeIndex;
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

use super::{holder, measure_entries, same_as, talk_place, CONTEXT};
use crate::export::iri::{iri_parts, is_web_iri};
use crate::export::table::{jsonld_props, kind_row, rel_row, LdProp, LdValue};
use crate::graph::{Attr, Edge, KnowledgeGraph, Node, NodeKind};

/// The whole document, serialised node by node straight from the graph: serde_json
/// writes and escapes everything, with no `Value` in between.
pub(super) struct Document<'g> {
    graph: &'g KnowledgeGraph,
    holders: Holders,
    /// Where [`Joined`] strings are put together, reused from one to the next.
    scratch: Scratch,
}

impl<'g> Document<'g> {
    pub(super) fn new(graph: &'g KnowledgeGraph) -> Self {
        Document { graph, holders: Holders::new(graph), scratch: Scratch::default() }
    }
}

/// A string buffer the document's parts share while it is written (serialising is
/// through `&self`, hence the cell; nothing else holds it meanwhile).
#[derive(Default)]
pub(super) struct Scratch(RefCell<String>);

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
            scratch: &doc.scratch,
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

/// The properties one edge from `s` gives its holder ([the table](crate::export::table)).
fn edge_props(graph: &KnowledgeGraph, s: NodeIndex, e: &Edge) -> &'static [LdProp] {
    jsonld_props(e.kind, graph.node(s).kind)
}

/// One value bare, several as an array (as JSON-LD compaction writes
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
/// turned into `/`, as [`iri`](crate::export::iri::iri) makes it) or a place (`file:line`). The pieces go into the
/// document's [`Scratch`] buffer, which serde_json escapes in one pass; through
/// `Display` and `collect_str`, `fmt` ran and each piece was escaped on its own (a
/// tenth of the export's instructions, callgrind).
pub(super) struct Joined<'a> {
    parts: [&'a str; 3],
    line: Option<u32>,
    scratch: &'a Scratch,
}

impl<'a> Joined<'a> {
    pub(super) fn iri(id: &'a str, scratch: &'a Scratch) -> Self {
        Joined { parts: iri_parts(id), line: None, scratch }
    }

    pub(super) fn place(at: crate::graph::At<'a>, scratch: &'a Scratch) -> Self {
        Joined { parts: [at.file, ":", ""], line: Some(at.line), scratch }
    }
}

impl Serialize for Joined<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut buf = self.scratch.0.borrow_mut();
        buf.clear();
        self.parts.iter().for_each(|p| buf.push_str(p));
        if let Some(n) = self.line {
            crate::graph::push_number(&mut buf, n);
        }
        s.serialize_str(&buf)
    }
}

/// `{"@id": ...}`: a link to a node (by our id, its IRI put together in the
/// scratch buffer) or to a page (an absolute IRI).
enum Link<'a> {
    Node(&'a str, &'a Scratch),
    Page(&'a str),
}

impl Serialize for Link<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(1))?;
        match self {
            Link::Node(id, scratch) => m.serialize_entry("@id", &Joined::iri(id, scratch))?,
            Link::Page(url) => m.serialize_entry("@id", url)?,
        }
        m.end()
    }
}

/// One node of `@graph`.
struct NodeObject<'g> {
    graph: &'g KnowledgeGraph,
    scratch: &'g Scratch,
    n: &'g Node,
    /// The node's index, for its measures.
    i: usize,
    edges: &'g [u32],
}

impl Serialize for NodeObject<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let n = self.n;
        let mut obj = s.serialize_map(None)?;
        obj.serialize_entry("@id", &Joined::iri(&n.id, self.scratch))?;
        let types = kind_row(n.kind).rdf_types;
        obj.serialize_entry("@type", &OneOrMany::new(types.len(), || types.iter()))?;
        let name = if n.kind == NodeKind::Pep { n.text(Attr::Title).unwrap_or(&n.label) } else { &n.label };
        obj.serialize_entry("name", name)?;
        if !n.aliases.is_empty() {
            obj.serialize_entry("alternateName", &OneOrMany::new(n.aliases.len(), || n.aliases.iter()))?;
        }
        if n.kind == NodeKind::Pep {
            obj.serialize_entry("identifier", n.text(Attr::Identifier).unwrap_or(&n.label))?;
            if let Some(url) = n.text(Attr::Url).filter(|u| is_web_iri(u)) {
                obj.serialize_entry("url", &Link::Page(url))?;
            }
        }
        for (key, attr) in kind_row(n.kind).jsonld_attrs {
            if let Some(v) = n.text(*attr) {
                obj.serialize_entry(key, v)?;
            }
        }
        if n.kind == NodeKind::Version {
            obj.serialize_entry("softwareVersion", n.label.rsplit(' ').next().unwrap_or(&n.label))?
        }
        if matches!(n.kind, NodeKind::Technology | NodeKind::Topic | NodeKind::Organization | NodeKind::Pep) {
            let pages = same_as(n);
            if !pages.is_empty() {
                obj.serialize_entry("sameAs", &OneOrMany::new(pages.len(), || pages.iter().map(|p| Link::Page(p))))?;
            }
        }
        // The properties the held edges give, by first appearance, each with its values
        // in edge order (as [`Props`] collects them).
        let (graph, scratch) = (self.graph, self.scratch);
        let raw = graph.as_petgraph().raw_edges();
        let mut props: Vec<(LdProp, usize)> = Vec::new();
        for &k in self.edges {
            let e = &raw[k as usize];
            for &p in edge_props(graph, e.source(), &e.weight) {
                match props.iter_mut().find(|(q, _)| *q == p) {
                    Some((_, count)) => *count += 1,
                    None => props.push((p, 1)),
                }
            }
        }
        for (key, count) in props {
            let values = || {
                let held = self.edges.iter().map(|&k| &raw[k as usize]);
                let with_key = held.filter(move |e| edge_props(graph, e.source(), &e.weight).contains(&key));
                with_key.map(move |e| PropValue { graph, scratch, key, s: e.source(), t: e.target(), e: &e.weight })
            };
            obj.serialize_entry(key.name, &OneOrMany::new(count, values))?;
        }
        if let Some((file, line)) = talk_place(n) {
            obj.serialize_entry("tg:evidence", &Joined { parts: [file, ":", ""], line: Some(line), scratch })?;
        }
        for (k, v) in measure_entries(graph, self.i) {
            obj.serialize_entry(k, &v)?;
        }
        obj.end()
    }
}

/// The value property `key` takes from edge `s → t`.
struct PropValue<'g> {
    graph: &'g KnowledgeGraph,
    scratch: &'g Scratch,
    key: LdProp,
    s: NodeIndex,
    t: NodeIndex,
    e: &'g Edge,
}

impl Serialize for PropValue<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (graph, e, scratch) = (self.graph, self.e, self.scratch);
        let ty = match self.key.value {
            LdValue::Reified(ty) => ty,
            // A link to the other end: the source when the target holds the property.
            LdValue::Link if rel_row(e.kind).held_by_target => {
                return Link::Node(&graph.node(self.s).id, scratch).serialize(s)
            }
            LdValue::Link => return Link::Node(&graph.node(self.t).id, scratch).serialize(s),
        };
        // Reified: a blank node for the edge, its places once each (a place is
        // one text: the file table has no name twice).
        let mut obj = s.serialize_map(None)?;
        obj.serialize_entry("@type", ty)?;
        obj.serialize_entry("tg:target", &Link::Node(&graph.node(self.t).id, scratch))?;
        obj.serialize_entry("tg:weight", &e.weight)?;
        obj.serialize_entry("tg:confidence", &e.confidence.to_string())?;
        match e.evidence.len() {
            0 => {}
            1 => {
                let at = graph.evidence(e).next().expect("one place");
                obj.serialize_entry("tg:evidence", &Joined::place(at, scratch))?
            }
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
                let texts = || places.iter().map(|&p| Joined::place(graph.at(p), scratch));
                obj.serialize_entry("tg:evidence", &OneOrMany::new(places.len(), texts))?;
            }
        }
        obj.end()
    }
}
