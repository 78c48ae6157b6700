//! Graphviz DOT, in graphviz-rust's syntax and layout, and rendered to SVG, PNG or PDF
//! by Graphviz itself ([`render`]).
//!
//! One function, `statements`, says what the file holds. It feeds either graphviz-rust's
//! syntax tree ([`to_dot`], printed by graphviz-rust's printer) or a writer that puts
//! the same statements straight into the output ([`write()`], what the CLI uses). The
//! second exists for speed: on a graph of 1.5 million edges, building and printing the
//! tree (a dozen strings per edge) took 2.9 s, writing directly 0.6 s. A test checks,
//! on six graphs and two layouts, that [`write()`] gives exactly the bytes of the
//! printed tree; every id and label still goes through [`escape`].
//!
//! # The contract
//!
//! One `digraph talkgraph` with these graph attributes: `rankdir=LR`, `layout` (the
//! engine asked for with `--layout`: `dot`, `sfdp` or `neato`), `overlap=false` (used
//! by sfdp and neato, ignored by dot), `newrank=true` (so clusters do not break ranks),
//! `charset="UTF-8"`, `fontname="Helvetica"`. Every node is `style="filled"`.
//!
//! Nodes are quoted strings equal to our stable ids (`"technology:cpython"`), with
//! `label` (the display name), `tooltip` (kind and id), `URL` (home page or PEP page,
//! when known and an `http(s)` address; SVG viewers make it a link) and a shape and fill colour per kind:
//!
//! Talks are `style="rounded,filled"`. Shapes come from the [table](super::table)
//! (`tab` for events, `box` for talks, `ellipse` for people, `component` for
//! technologies, `house` for organisations, `note` for PEPs, `cds` for versions),
//! fill colours from the [palette](super::palette), the one of every format.
//!
//! With the [measures](crate::graph::measures) computed (every CLI run), each node also
//! carries them as attributes of their own (`degree`, `weighted_degree`, `pagerank`,
//! `betweenness`, `community`, `community_label`; Graphviz keeps attributes it does
//! not draw), and its tooltip says them.
//!
//! Talks sit in a `subgraph "cluster_<event id>"` per event they are part of, labelled
//! with the event's name and date when known; a day's cluster sits inside its
//! conference's. `subgraph cluster_legend` holds one node per kind present (ids
//! `legend:<Kind>`), drawn like the nodes of that kind.
//!
//! Edges keep their direction and carry `penwidth` = √weight (capped at 8, two
//! decimals), `color` the palette's ink, and `tooltip` = relation, weight and every
//! `file:line` of evidence. `co_mentioned` edges are `dir=none` and dashed, and
//! `constraint=false` when the graph has other edges too, so the topic map does not
//! pull talks out of their ranks (in the topics view they are all there is, and rank).
//!
//! # Escaping
//!
//! Every id and label goes through [`escape`], the one place that quotes text for DOT:
//! `\` becomes `\\` (so a title ending in a backslash cannot swallow the closing
//! quote), `"` becomes `\"`, a line break (`\n`, `\r\n` or `\r`) becomes the escString
//! `\n`, `&` becomes `&amp;` (Graphviz decodes entities in labels, so `&lt;` written by
//! a user stays `&lt;`), any other control character becomes a space. `<`, `>` and all
//! other Unicode pass through as they are: inside quotes they are plain text, and
//! Graphviz reads UTF-8. Our ids are slugs and never contain a character that changes.

mod text;
#[cfg(test)]
mod tree;

use std::io::Write;

pub use text::escape;
use text::{fit, Text};

use super::{palette, table, ExportError, ExportOptions};
use crate::graph::{measures, EdgeKind, KnowledgeGraph, NodeId as GraphNode, NodeKind};

fn penwidth(weight: u32) -> String {
    format!("{:.2}", f64::from(weight).sqrt().min(8.0))
}

/// An attribute value: written as it is (`LR`, `1.00`) or quoted by [`escape`].
#[derive(Debug, Clone, Copy)]
enum Val<'a> {
    Plain(&'a str),
    Text(&'a str),
}

type Attrs<'a> = [(&'static str, Val<'a>)];

/// Where the statements go: text ([`Text`], for [`write()`]) or, in the tests, a
/// syntax tree printed by graphviz-rust (`tree.rs`). Both receive the same calls from [`statements`], and a
/// test checks that the text is the tree as graphviz-rust prints it.
trait Sink {
    /// `graph[...]`, `node[...]` or `edge[...]`.
    fn defaults(&mut self, which: &'static str, attrs: &Attrs<'_>) -> std::io::Result<()>;
    /// An attribute of the subgraph being written (`label="..."`).
    fn attr(&mut self, key: &'static str, value: Val<'_>) -> std::io::Result<()>;
    fn node(&mut self, id: &str, attrs: &Attrs<'_>) -> std::io::Result<()>;
    fn edge(&mut self, from: &str, to: &str, attrs: &Attrs<'_>) -> std::io::Result<()>;
    fn open(&mut self, id: Val<'_>) -> std::io::Result<()>;
    fn close(&mut self) -> std::io::Result<()>;
}

/// The shape, fill colour and (talks) style of a kind, as attributes.
fn kind_attrs(kind: NodeKind) -> [(&'static str, Val<'static>); 3] {
    let style = if kind == NodeKind::Talk { Val::Text("rounded,filled") } else { Val::Plain("") };
    [
        ("shape", Val::Plain(table::kind_row(kind).dot_shape)),
        ("fillcolor", Val::Text(palette::kind_hex(kind))),
        ("style", style),
    ]
}

/// How many of [`kind_attrs`] a kind has: talks have a style of their own.
fn kind_attr_count(kind: NodeKind) -> usize {
    if kind == NodeKind::Talk {
        3
    } else {
        2
    }
}

/// The statements of the graph, in order, handed to `out`.
fn statements(graph: &KnowledgeGraph, opts: &ExportOptions, out: &mut dyn Sink) -> std::io::Result<()> {
    out.defaults(
        "graph",
        &[
            ("rankdir", Val::Plain("LR")),
            ("layout", Val::Plain(opts.layout.name())),
            ("overlap", Val::Plain("false")),
            ("newrank", Val::Plain("true")),
            ("charset", Val::Text("UTF-8")),
            ("fontname", Val::Text("Helvetica")),
        ],
    )?;
    out.defaults("node", &[("style", Val::Text("filled")), ("fontname", Val::Text("Helvetica"))])?;
    out.defaults("edge", &[("fontname", Val::Text("Helvetica"))])?;
    legend(graph, out)?;

    // Which events hold which talks and which days, to nest the clusters.
    let pg = graph.as_petgraph();
    let mut parent: std::collections::BTreeMap<GraphNode, GraphNode> = Default::default();
    for (s, t, e) in graph.edge_indices() {
        let (sk, tk) = (pg[s].kind, pg[t].kind);
        if e.kind == EdgeKind::PartOf && tk == NodeKind::Event && matches!(sk, NodeKind::Talk | NodeKind::Event) {
            parent.entry(s).or_insert(t);
        }
    }
    let mut children: std::collections::BTreeMap<GraphNode, Vec<GraphNode>> = Default::default();
    for (&child, &p) in &parent {
        children.entry(p).or_default().push(child);
    }
    let mut placed = vec![false; graph.node_count()];
    for (i, n) in graph.nodes() {
        if n.kind == NodeKind::Event && !parent.contains_key(&i) && children.contains_key(&i) {
            cluster(graph, i, &children, &mut placed, out)?;
        }
    }
    for (i, _) in graph.nodes() {
        if !placed[i.index()] {
            node(graph, i, out)?;
        }
    }
    // Co-mentions must not pull talks out of their ranks; but in a graph of topics only
    // (the topics view) they are the whole structure, and dot needs them to rank at all.
    let has_directed = graph.edges().any(|(_, _, e)| !e.kind.is_undirected());
    // Pen widths of the usual weights, formatted once.
    let widths: Vec<String> = (0..256).map(penwidth).collect();
    let mut tooltip = String::new();
    let mut wide;
    for (s, t, e) in graph.edges() {
        tooltip.clear();
        tooltip.push_str(e.kind.name());
        tooltip.push_str(" ×");
        crate::graph::push_number(&mut tooltip, e.weight);
        for (k, at) in graph.evidence(e).enumerate() {
            tooltip.push_str(if k == 0 { ": " } else { ", " });
            at.push_to(&mut tooltip);
        }
        let width = match widths.get(e.weight as usize) {
            Some(w) => w.as_str(),
            None => {
                wide = penwidth(e.weight);
                wide.as_str()
            }
        };
        let tooltip = fit(&tooltip);
        let attrs = [
            ("color", Val::Text(palette::INK)),
            ("penwidth", Val::Plain(width)),
            ("tooltip", Val::Text(&tooltip)),
            ("dir", Val::Plain("none")),
            ("style", Val::Plain("dashed")),
            ("constraint", Val::Plain("false")),
        ];
        let n = match (e.kind.is_undirected(), has_directed) {
            (false, _) => 3,
            (true, false) => 5,
            (true, true) => 6,
        };
        out.edge(&s.id, &t.id, &attrs[..n])?;
    }
    Ok(())
}

fn node(graph: &KnowledgeGraph, i: GraphNode, out: &mut dyn Sink) -> std::io::Result<()> {
    let n = graph.node(i);
    let mut tooltip = format!("{} {}", n.kind.name(), n.id);
    let values = graph.measures().map(|m| m.values(i.index()));
    if let Some(v) = &values {
        // The tooltip says what matters: `PageRank 0.01234567, community 2 (CPython · PEP 659)`.
        tooltip.push_str(&format!("\nweighted degree {}, PageRank {}, betweenness {}", v[1], v[2], v[3]));
        if !v[4].is_empty() {
            tooltip.push_str(&format!("\ncommunity {} ({})", v[4], v[5]));
        }
    }
    let (tooltip, label) = (fit(&tooltip), fit(&n.label));
    let [shape, fill, style] = kind_attrs(n.kind);
    let url = [n.attr("homepage"), n.attr("url")].into_iter().flatten().find(|u| super::iri::is_web_iri(u));
    // label, shape, fillcolor, [style,] tooltip, [URL]: the tooltip takes the style's
    // place for kinds without one, and the URL comes last when known.
    let mut attrs =
        [("label", Val::Text(&label)), shape, fill, style, ("tooltip", Val::Text(&tooltip)), ("URL", Val::Plain(""))];
    let mut len = 1 + kind_attr_count(n.kind);
    attrs[len] = ("tooltip", Val::Text(&tooltip));
    len += 1;
    if let Some(url) = url {
        attrs[len] = ("URL", Val::Text(url));
        len += 1;
    }
    let Some(values) = &values else { return out.node(&n.id, &attrs[..len]) };
    // The measures as attributes of their own (Graphviz keeps attributes it does not
    // know), numbers plain, the community label quoted.
    let mut all = attrs[..len].to_vec();
    for ((name, ty), v) in measures::ATTRS.iter().zip(values).filter(|(_, v)| !v.is_empty()) {
        all.push((name, if *ty == "string" { Val::Text(v) } else { Val::Plain(v) }));
    }
    out.node(&n.id, &all)
}

fn cluster(
    graph: &KnowledgeGraph,
    event: GraphNode,
    children: &std::collections::BTreeMap<GraphNode, Vec<GraphNode>>,
    placed: &mut [bool],
    out: &mut dyn Sink,
) -> std::io::Result<()> {
    let ev = graph.node(event);
    let label = match ev.attr("date") {
        Some(date) => format!("{}\n{date}", ev.label),
        None => ev.label.clone(),
    };
    out.open(Val::Text(&format!("cluster_{}", ev.id)))?;
    out.attr("label", Val::Text(&fit(&label)))?;
    out.attr("style", Val::Text("rounded"))?;
    out.attr("color", Val::Text(palette::INK))?;
    placed[event.index()] = true;
    node(graph, event, out)?;
    for &c in children.get(&event).into_iter().flatten() {
        if placed[c.index()] {
            continue;
        }
        if graph.node(c).kind == NodeKind::Event && children.contains_key(&c) {
            cluster(graph, c, children, placed, out)?;
        } else {
            placed[c.index()] = true;
            node(graph, c, out)?;
        }
    }
    out.close()
}

fn legend(graph: &KnowledgeGraph, out: &mut dyn Sink) -> std::io::Result<()> {
    out.open(Val::Plain("cluster_legend"))?;
    out.attr("label", Val::Text("Legend"))?;
    out.attr("style", Val::Text("dashed"))?;
    let mut present = [false; NodeKind::ALL.len()];
    for (_, n) in graph.nodes() {
        present[n.kind as usize] = true;
    }
    for kind in NodeKind::ALL {
        if present[kind as usize] {
            let [shape, fill, style] = kind_attrs(kind);
            let attrs = [("label", Val::Text(kind.name())), shape, fill, style];
            out.node(&format!("legend:{}", kind.name()), &attrs[..1 + kind_attr_count(kind)])?;
        }
    }
    out.close()
}

/// Writes `graph` as DOT, statement by statement straight from the graph, with no
/// syntax tree and no string per statement: the bytes graphviz-rust's printer gives
/// for the same statements (a test builds its tree and compares).
///
/// ```
/// use talkgraph::{build_graph, extract::Knowledge};
///
/// let dir = tempfile::tempdir().unwrap();
/// std::fs::write(dir.path().join("day1.md"), "## Talk 1: Faster CPython\n\nMark Shannon\n\nPEP 659 in 3.11\n").unwrap();
/// let built = build_graph(&[dir.path().to_path_buf()], &Knowledge::builtin(), None).unwrap();
/// let mut out = Vec::new();
/// talkgraph::export::dot::write(&built.graph, &Default::default(), &mut out).unwrap();
/// let dot = String::from_utf8(out).unwrap();
/// assert!(dot.starts_with("digraph talkgraph {\n  graph[rankdir=LR layout=dot overlap=false"));
/// assert!(dot.contains(r##""pep:659"[label="PEP 659" shape=note fillcolor="#bbcc33""##));
/// assert!(dot.contains(r#""talk:day1#1" -> "pep:659""#));
/// ```
pub fn write(graph: &KnowledgeGraph, opts: &ExportOptions, w: &mut dyn Write) -> Result<(), ExportError> {
    let mut text = Text { w: super::Chunks::new(w), depth: 1, fresh: false };
    text.w.write_all(b"digraph talkgraph {")?;
    statements(graph, opts, &mut text)?;
    text.w.write_all(b"\n}\n")?;
    text.w.finish()?;
    Ok(())
}

#[cfg(test)]
mod tests;
