//! Graphviz DOT, in graphviz-rust's syntax and layout (`graph.dot`); Graphviz renders
//! it ([`graphviz`](super::graphviz), `--render`).
//!
//! One function, `statements`, says what the file holds, and [`write()`] writes it
//! straight into the output (`text.rs`). The tests also feed the statements to
//! graphviz-rust's syntax tree (`tree.rs`, test-only) and check, on six graphs and three
//! layouts, that [`write()`] gives exactly the bytes graphviz-rust prints for it:
//! building and printing the tree (a dozen strings per edge) took 2.9 s on a graph of
//! 1.5 million edges, writing directly 0.6 s. Every id and label goes through
//! [`escape`].
//!
//! # The contract
//!
//! Each view has its own drawing ([`Drawing`], told by what the graph holds): the topics
//! view (only `co_mentioned` edges) is an undirected `graph talkgraph` with `--` edges,
//! every other graph a `digraph talkgraph`. Graph attributes: `layout` (the engine:
//! with `--layout auto`, the default, `neato` up to [`NEATO_MAX`] nodes and `sfdp`
//! above, [`Drawing::engine`]); with `dot`, `rankdir=LR newrank=true`, otherwise
//! `overlap=false sep="+6" outputorder=edgesfirst pack=true` (no overlapping labels,
//! edges under nodes); `charset="UTF-8"`, `fontname="Helvetica"`; and the legend as the
//! graph's `label`, an HTML-like table under the drawing (`labelloc=b`), which every
//! engine draws. Every node is `style="filled"`; edges default to the palette's ink
//! (half transparent in the topics and speakers views).
//!
//! Nodes are quoted strings equal to our stable ids (`"technology:cpython"`), with
//! `label` (the display name), `tooltip` (kind and id), `URL` (home page or PEP page,
//! when known and an `http(s)` address; SVG viewers make it a link), a shape per kind
//! from the [table](super::table) (`tab` for events, `box` for talks, `ellipse` for
//! people, `component` for technologies, `parallelogram` for topics, `house` for organisations, `note` for PEPs,
//! `cds` for versions; talks `style="rounded,filled"`) and a fill from the one
//! [palette](super::palette): by kind in the full view; by community in the topics and
//! speakers views (grey for a topic of none, white for a person), where `fontsize`
//! also grows with the weighted degree (10 to 30 points).
//!
//! With the [measures](crate::graph::measures) computed (every CLI run), each node also
//! carries them as attributes of their own (`degree`, `weighted_degree`, `pagerank`,
//! `betweenness`, `community`, `community_label`; Graphviz keeps attributes it does
//! not draw), and its tooltip says them.
//!
//! With `--layout dot`, talks sit in a `subgraph "cluster_<event id>"` per event they
//! are part of, labelled with the event's name and date when known; a day's cluster
//! sits inside its conference's. Other engines get no cluster: they would frame
//! whatever lands inside.
//!
//! Edges keep their direction and carry `penwidth` = √weight (capped at 8, two
//! decimals), `tooltip` = relation, weight, every `file:line` of evidence and how sure
//! the link is when less than `exact` (`confidence alias`), and `confidence`; an
//! `inferred` link is dotted. In a
//! `digraph`, `co_mentioned` edges are `dir=none`, dashed, lighter, and
//! `constraint=false`, so the topic map does not pull talks out of their ranks.
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

use super::{palette, table, ExportError, ExportOptions, Layout};
use crate::graph::{measures, Attr, EdgeKind, KnowledgeGraph, NodeId as GraphNode, NodeKind};

fn penwidth(weight: u32) -> String {
    format!("{:.2}", f64::from(weight).sqrt().min(8.0))
}

/// An attribute value: written as it is (`LR`, `1.00`) or quoted by [`escape`].
#[derive(Debug, Clone, Copy)]
enum Val<'a> {
    Plain(&'a str),
    Text(&'a str),
    /// An HTML-like label, written as it is, `<` and `>` included.
    Html(&'a str),
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

/// What a graph is drawn as, told by what it holds: each view has its own defaults.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Drawing {
    /// Only co-mentions (the topics view): an undirected map of the topics, laid out
    /// by force, sized by weighted degree, filled by community.
    TopicMap,
    /// People and what they spoke about, without talks (the speakers view): laid out
    /// by force, sized by weighted degree.
    People,
    /// Talks with their events, speakers and topics (the full view): filled by kind;
    /// with `--layout dot`, in layers left to right, talks framed by their event.
    Full,
}

/// Up to this many nodes, a map is laid out by `neato`, above it by `sfdp`.
pub const NEATO_MAX: usize = 300;

impl Drawing {
    /// The drawing of `graph`.
    pub fn of(graph: &KnowledgeGraph) -> Drawing {
        if table::all_undirected(graph) {
            Drawing::TopicMap
        } else if graph.count(NodeKind::Talk) == 0 && graph.edges().any(|(_, _, e)| e.kind == EdgeKind::SpokeAbout) {
            Drawing::People
        } else {
            Drawing::Full
        }
    }

    /// Whether it is written as a `digraph` (else a `graph`).
    pub fn is_directed(self) -> bool {
        self != Drawing::TopicMap
    }

    /// The engine a graph of `nodes` nodes is laid out with when `--layout` asks for
    /// none (`auto`): `neato` up to [`NEATO_MAX`] nodes, `sfdp` above. Even the full
    /// view: `dot` puts every topic in one rank, a strip (126 nodes in one column on
    /// the sample, 3,300 x 14,500 px), where a force layout gives a map.
    pub fn engine(self, nodes: usize) -> Layout {
        if nodes <= NEATO_MAX {
            Layout::Neato
        } else {
            Layout::Sfdp
        }
    }
}

/// A topic: what talks mention and people speak about.
fn is_topic(kind: NodeKind) -> bool {
    matches!(kind, NodeKind::Technology | NodeKind::Topic | NodeKind::Organization | NodeKind::Pep | NodeKind::Version)
}

/// The statements of the graph, in order, handed to `out`.
fn statements(graph: &KnowledgeGraph, opts: &ExportOptions, out: &mut dyn Sink) -> std::io::Result<()> {
    let drawing = Drawing::of(graph);
    let layout = match opts.layout {
        Layout::Auto => drawing.engine(graph.node_count()),
        chosen => chosen,
    };
    let legend = legend(graph, drawing);
    let layered = layout == Layout::Dot;
    let mut attrs = vec![("layout", Val::Plain(layout.name()))];
    if layered {
        attrs.extend([("rankdir", Val::Plain("LR")), ("newrank", Val::Plain("true"))]);
    } else {
        // Force layouts: nodes (their labels inside) pushed apart, 6 points between,
        // edges under the nodes, the pieces of a graph in several parts packed.
        attrs.extend([
            ("overlap", Val::Plain("false")),
            ("sep", Val::Text("+6")),
            ("outputorder", Val::Plain("edgesfirst")),
            ("pack", Val::Plain("true")),
        ]);
    }
    attrs.extend([("charset", Val::Text("UTF-8")), ("fontname", Val::Text("Helvetica"))]);
    if !legend.is_empty() {
        attrs.extend([("label", Val::Html(&legend)), ("labelloc", Val::Plain("b")), ("labeljust", Val::Plain("l"))]);
    }
    out.defaults("graph", &attrs)?;
    out.defaults("node", &[("style", Val::Text("filled")), ("fontname", Val::Text("Helvetica"))])?;
    let edge_color = if drawing == Drawing::Full { palette::INK } else { palette::INK_LIGHT };
    out.defaults("edge", &[("fontname", Val::Text("Helvetica")), ("color", Val::Text(edge_color))])?;

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
    // Clusters only hold together in layers; other engines would frame whatever
    // lands inside.
    let mut placed = vec![false; graph.node_count()];
    for (i, n) in graph.nodes() {
        if layered && n.kind == NodeKind::Event && !parent.contains_key(&i) && children.contains_key(&i) {
            cluster(graph, i, &children, &mut placed, out)?;
        }
    }
    for (i, _) in graph.nodes() {
        if !placed[i.index()] {
            node(graph, i, drawing, out)?;
        }
    }
    // Co-mentions must not pull talks out of their ranks; but in a graph of topics only
    // (the topics view) they are the whole structure.
    let has_directed = drawing.is_directed();
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
        let confidence = e.confidence.to_string();
        if e.confidence != crate::extract::Confidence::Exact {
            tooltip.push_str("; confidence ");
            tooltip.push_str(&confidence);
        }
        let width = match widths.get(e.weight as usize) {
            Some(w) => w.as_str(),
            None => {
                wide = penwidth(e.weight);
                wide.as_str()
            }
        };
        let tooltip = fit(&tooltip);
        let mut attrs: Vec<(&'static str, Val<'_>)> = Vec::with_capacity(6);
        attrs.extend([
            ("penwidth", Val::Plain(width)),
            ("tooltip", Val::Text(&tooltip)),
            ("confidence", Val::Text(&confidence)),
        ]);
        let style = table::rel_row(e.kind).dot_style;
        if e.kind.is_undirected() {
            if has_directed {
                attrs.extend([
                    ("color", Val::Text(palette::INK_LIGHT)),
                    ("dir", Val::Plain("none")),
                    ("style", Val::Plain(style.unwrap_or("solid"))),
                    ("constraint", Val::Plain("false")),
                ]);
            }
        } else if e.confidence == crate::extract::Confidence::Inferred {
            attrs.push(("style", Val::Plain("dotted")));
        } else if let Some(style) = style {
            attrs.push(("style", Val::Plain(style)));
        }
        out.edge(&s.id, &t.id, &attrs)?;
    }
    Ok(())
}

/// The font size of a node drawn by its weight: 10 points, growing with the square
/// root of the weighted degree, at most 30.
fn font_size(weighted_degree: u64) -> String {
    format!("{:.1}", (10.0 + 2.5 * (weighted_degree as f64).sqrt()).min(30.0))
}

/// The fill of a node: in the full view its kind's colour; in a map its community's,
/// else grey for a topic and white for a person.
fn fill(drawing: Drawing, kind: NodeKind, community: Option<u32>) -> &'static str {
    match (drawing, community) {
        (Drawing::Full, _) => palette::kind_hex(kind),
        (_, Some(c)) => palette::community_hex(c),
        _ if is_topic(kind) => palette::GREY_HEX,
        _ => "#ffffff",
    }
}

/// One node: label, shape, fill ([`fill`]), [style,] [font size by weighted degree in
/// a map,] tooltip, [URL,] measures.
fn node(graph: &KnowledgeGraph, i: GraphNode, drawing: Drawing, out: &mut dyn Sink) -> std::io::Result<()> {
    let n = graph.node(i);
    let mut tooltip = format!("{} {}", n.kind.name(), n.id);
    let measures = graph.measures();
    let values = measures.map(|m| m.values(i.index()));
    if let Some(v) = &values {
        // The tooltip says what matters: `PageRank 0.01234567, community 2 (CPython · PEP 659)`.
        tooltip.push_str(&format!("\nweighted degree {}, PageRank {}, betweenness {}", v[1], v[2], v[3]));
        if !v[4].is_empty() {
            tooltip.push_str(&format!("\ncommunity {} ({})", v[4], v[5]));
        }
    }
    let (tooltip, label) = (fit(&tooltip), fit(&n.label));
    let [shape, _, style] = kind_attrs(n.kind);
    let community = measures.and_then(|m| m.community_of(i.index())).map(|c| c.id);
    let fill = ("fillcolor", Val::Text(fill(drawing, n.kind, community)));
    let url = [n.text(Attr::Homepage), n.text(Attr::Url)].into_iter().flatten().find(|u| super::iri::is_web_iri(u));
    let mut attrs = vec![("label", Val::Text(&label)), shape, fill];
    if kind_attr_count(n.kind) == 3 {
        attrs.push(style);
    }
    let size = match measures {
        Some(m) if drawing != Drawing::Full => font_size(m.weighted_degree[i.index()]),
        _ => String::new(),
    };
    if !size.is_empty() {
        attrs.push(("fontsize", Val::Plain(&size)));
    }
    attrs.push(("tooltip", Val::Text(&tooltip)));
    if let Some(url) = url {
        attrs.push(("URL", Val::Text(url)));
    }
    // The measures as attributes of their own (Graphviz keeps attributes it does not
    // know), numbers plain, the community label quoted.
    for ((name, ty), v) in measures::ATTRS.iter().zip(values.iter().flatten()).filter(|(_, v)| !v.is_empty()) {
        attrs.push((name, if *ty == "string" { Val::Text(v) } else { Val::Plain(v) }));
    }
    out.node(&n.id, &attrs)
}

fn cluster(
    graph: &KnowledgeGraph,
    event: GraphNode,
    children: &std::collections::BTreeMap<GraphNode, Vec<GraphNode>>,
    placed: &mut [bool],
    out: &mut dyn Sink,
) -> std::io::Result<()> {
    let ev = graph.node(event);
    let label = match ev.text(Attr::Date) {
        Some(date) => format!("{}\n{date}", ev.label),
        None => ev.label.clone(),
    };
    out.open(Val::Text(&format!("cluster_{}", ev.id)))?;
    out.attr("label", Val::Text(&fit(&label)))?;
    out.attr("style", Val::Text("rounded"))?;
    out.attr("color", Val::Text(palette::INK))?;
    placed[event.index()] = true;
    node(graph, event, Drawing::Full, out)?;
    for &c in children.get(&event).into_iter().flatten() {
        if placed[c.index()] {
            continue;
        }
        if graph.node(c).kind == NodeKind::Event && children.contains_key(&c) {
            cluster(graph, c, children, placed, out)?;
        } else {
            placed[c.index()] = true;
            node(graph, c, Drawing::Full, out)?;
        }
    }
    out.close()
}

/// Escapes text for an HTML-like label: `&`, `<`, `>`, `"`; line breaks and other
/// control characters become spaces.
fn html_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The legend, as the graph's label (an HTML-like table): every engine draws a graph
/// label under the drawing, where a cluster of legend nodes falls apart outside
/// `dot`. One swatch per fill the drawing uses ([`fill`]) with what it means and how
/// many nodes have it: the kinds in the full view; in a map the communities (their
/// top members), then the topics of no community or of a small one (grey) and the
/// people (white). Four to a row; empty for an empty graph.
fn legend(graph: &KnowledgeGraph, drawing: Drawing) -> String {
    let measures = graph.measures();
    // (order, colour) -> (text, nodes)
    let mut swatches: std::collections::BTreeMap<(u64, &str), (String, usize)> = Default::default();
    for (i, n) in graph.nodes() {
        let community = measures.and_then(|m| m.community_of(i.index()));
        let color = fill(drawing, n.kind, community.map(|c| c.id));
        let (order, text) = match (drawing, community) {
            (Drawing::Full, _) => (n.kind as u64, n.kind.name().to_string()),
            (_, Some(c)) if color != palette::GREY_HEX => (u64::from(c.id), c.label.clone()),
            _ if color == palette::GREY_HEX => (1 << 40, "other topics".to_string()),
            _ => ((1 << 41) + n.kind as u64, n.kind.name().to_string()),
        };
        swatches.entry((order, color)).or_insert((text, 0)).1 += 1;
    }
    let entries: Vec<(&str, String)> =
        swatches.into_iter().map(|((_, color), (text, count))| (color, format!("{text} ({count})"))).collect();
    if entries.is_empty() {
        return String::new();
    }
    let mut html = String::from("<<table border=\"0\" cellspacing=\"4\" cellpadding=\"2\">");
    for row in entries.chunks(4) {
        html.push_str("<tr>");
        for (color, text) in row {
            html.push_str(&format!(
                "<td bgcolor=\"{color}\" width=\"14\" height=\"14\" fixedsize=\"true\"></td><td align=\"left\">{}</td>",
                html_text(text)
            ));
        }
        html.push_str("</tr>");
    }
    html.push_str("</table>>");
    html
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
/// assert!(dot.starts_with("digraph talkgraph {\n  graph[layout=neato overlap=false"));
/// assert!(dot.contains(r##""pep:659"[label="PEP 659" shape=note fillcolor="#bbcc33""##));
/// assert!(dot.contains(r#""talk:day1#1" -> "pep:659""#));
/// ```
pub fn write(graph: &KnowledgeGraph, opts: &ExportOptions, w: &mut dyn Write) -> Result<(), ExportError> {
    let directed = Drawing::of(graph).is_directed();
    let mut text = Text { w: super::Chunks::new(w), depth: 1, fresh: false, directed };
    text.w.write_all(if directed { b"digraph talkgraph {" } else { b"graph talkgraph {" })?;
    statements(graph, opts, &mut text)?;
    text.w.write_all(b"\n}\n")?;
    text.w.finish()?;
    Ok(())
}

#[cfg(test)]
mod tests;
