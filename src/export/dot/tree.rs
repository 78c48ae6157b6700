//! The test oracle of the DOT writer: the same statements built as graphviz-rust's
//! syntax tree and printed by its printer. The tests check that the writer gives
//! exactly these bytes; only the tests build it.

use graphviz_rust::dot_structures::{
    Attribute, Edge as DotEdge, EdgeTy, Graph, GraphAttributes, Id, Node as DotNode, NodeId, Stmt, Subgraph, Vertex,
};

use super::{statements, Attrs, Drawing, Sink, Val};
use crate::export::ExportOptions;
use crate::graph::KnowledgeGraph;

fn id(v: Val<'_>) -> Id {
    match v {
        Val::Plain(s) => Id::Plain(s.to_string()),
        Val::Text(s) => Id::Escaped(super::escape(s)),
        Val::Html(s) => Id::Html(s.to_string()),
    }
}

fn attributes(attrs: &Attrs<'_>) -> Vec<Attribute> {
    attrs.iter().map(|(k, v)| Attribute(Id::Plain((*k).to_string()), id(*v))).collect()
}

/// Builds the syntax tree: a stack of open subgraphs, the graph's statements at the bottom.
struct Tree(Vec<(Option<Id>, Vec<Stmt>)>);

impl Tree {
    fn push(&mut self, st: Stmt) {
        if let Some((_, stmts)) = self.0.last_mut() {
            stmts.push(st);
        }
    }
}

impl Sink for Tree {
    fn defaults(&mut self, which: &'static str, attrs: &Attrs<'_>) -> std::io::Result<()> {
        let a = attributes(attrs);
        self.push(Stmt::GAttribute(match which {
            "graph" => GraphAttributes::Graph(a),
            "node" => GraphAttributes::Node(a),
            _ => GraphAttributes::Edge(a),
        }));
        Ok(())
    }

    fn attr(&mut self, key: &'static str, value: Val<'_>) -> std::io::Result<()> {
        self.push(Stmt::Attribute(Attribute(Id::Plain(key.to_string()), id(value))));
        Ok(())
    }

    fn node(&mut self, node: &str, attrs: &Attrs<'_>) -> std::io::Result<()> {
        self.push(Stmt::Node(DotNode { id: NodeId(id(Val::Text(node)), None), attributes: attributes(attrs) }));
        Ok(())
    }

    fn edge(&mut self, from: &str, to: &str, attrs: &Attrs<'_>) -> std::io::Result<()> {
        let end = |s: &str| Vertex::N(NodeId(id(Val::Text(s)), None));
        self.push(Stmt::Edge(DotEdge { ty: EdgeTy::Pair(end(from), end(to)), attributes: attributes(attrs) }));
        Ok(())
    }

    fn open(&mut self, sub: Val<'_>) -> std::io::Result<()> {
        self.0.push((Some(id(sub)), Vec::new()));
        Ok(())
    }

    fn close(&mut self) -> std::io::Result<()> {
        if let Some((Some(id), stmts)) = self.0.pop() {
            self.push(Stmt::Subgraph(Subgraph { id, stmts }));
        }
        Ok(())
    }
}

/// The DOT syntax tree of `graph`, built from the statements [`super::write()`] writes.
pub(super) fn to_dot(graph: &KnowledgeGraph, opts: &ExportOptions) -> Graph {
    let mut tree = Tree(vec![(None, Vec::new())]);
    statements(graph, opts, &mut tree).expect("building a tree does not fail");
    let stmts = tree.0.pop().map(|(_, s)| s).unwrap_or_default();
    let id = Id::Plain("talkgraph".into());
    if Drawing::of(graph).is_directed() {
        Graph::DiGraph { id, strict: false, stmts }
    } else {
        Graph::Graph { id, strict: false, stmts }
    }
}
