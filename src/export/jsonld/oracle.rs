//! The tests' reference for the JSON-LD writer: the document built the plain way, a
//! `serde_json::Value` per node, to be pretty-printed by serde_json. Only the tests
//! build it; [`write`](super::write()) streams the same bytes.

use std::collections::{BTreeMap, BTreeSet};

use petgraph::graph::NodeIndex;
use serde_json::{json, Map, Value};

use super::{holder, measure_entries, same_as, talk_place, CONTEXT};
use crate::export::iri::{iri, is_web_iri};
use crate::export::table::{jsonld_props, kind_row, rel_row, LdValue};
use crate::graph::{Attr, Edge, KnowledgeGraph, Node, NodeKind};

fn reference(id: &str) -> Value {
    json!({ "@id": iri(id) })
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
    obj.insert("tg:confidence".into(), json!(e.confidence.to_string()));
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

/// The JSON-LD document of `graph`, built as a `serde_json::Value`.
pub(super) fn to_json(graph: &KnowledgeGraph) -> Value {
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
/// reified `tg:mention`), as [the table](crate::export::table) says.
fn edge_props(graph: &KnowledgeGraph, s: NodeIndex, t: NodeIndex, e: &Edge) -> Vec<Prop> {
    let pg = graph.as_petgraph();
    let (src, dst) = (&pg[s], &pg[t]);
    let other = if rel_row(e.kind).held_by_target { src } else { dst };
    let props = jsonld_props(e.kind, src.kind).iter();
    props
        .map(|p| {
            let value = match p.value {
                LdValue::Link => reference(&other.id),
                LdValue::Reified(ty) => reified(graph, ty, dst, e),
            };
            (p.name.to_string(), value)
        })
        .collect()
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
    let types = kind_row(n.kind).rdf_types;
    let ty = if types.len() == 1 { json!(types[0]) } else { json!(types) };
    obj.insert("@type".into(), ty);
    let name = match n.kind {
        NodeKind::Pep => n.text(Attr::Title).unwrap_or(&n.label),
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
    if n.kind == NodeKind::Pep {
        obj.insert("identifier".into(), json!(n.text(Attr::Identifier).unwrap_or(&n.label)));
        if let Some(url) = n.text(Attr::Url).filter(|u| is_web_iri(u)) {
            obj.insert("url".into(), json!({ "@id": url }));
        }
    }
    for (key, attr) in kind_row(n.kind).jsonld_attrs {
        if let Some(v) = n.text(*attr) {
            obj.insert(key.to_string(), json!(v));
        }
    }
    if n.kind == NodeKind::Version {
        let number = n.label.rsplit(' ').next().unwrap_or(&n.label);
        obj.insert("softwareVersion".into(), json!(number));
    }
    if matches!(n.kind, NodeKind::Technology | NodeKind::Topic | NodeKind::Organization | NodeKind::Pep) {
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
