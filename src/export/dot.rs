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
//! | kind | `shape` | `fillcolor` |
//! |---|---|---|
//! | Event | `tab` | `#fde68a` (amber) |
//! | Talk | `box` (rounded) | `#bfdbfe` (blue) |
//! | Person | `ellipse` | `#fecdd3` (rose) |
//! | Technology | `component` | `#bbf7d0` (green) |
//! | Organization | `house` | `#ddd6fe` (violet) |
//! | PEP | `note` | `#fef9c3` (yellow) |
//! | Version | `cds` | `#e5e7eb` (grey) |
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
//! decimals), `color` per relation, and `tooltip` = relation, weight and every
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

use std::io::Write;
use std::path::{Path, PathBuf};

use graphviz_rust::cmd::{CommandArg, Format as GvFormat, Layout as GvLayout};
use graphviz_rust::dot_structures::{
    Attribute, Edge as DotEdge, EdgeTy, Graph, GraphAttributes, Id, Node as DotNode, NodeId, Stmt, Subgraph, Vertex,
};

use super::{ExportError, ExportOptions, Layout};
use crate::graph::{measures, EdgeKind, KnowledgeGraph, NodeId as GraphNode, NodeKind};

/// How nodes of one kind are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    /// Graphviz `shape`.
    pub shape: &'static str,
    /// Graphviz `fillcolor`.
    pub fill: &'static str,
}

/// The shape and fill colour of a kind (the table in the module doc).
pub fn style(kind: NodeKind) -> Style {
    let (shape, fill) = match kind {
        NodeKind::Event => ("tab", "#fde68a"),
        NodeKind::Talk => ("box", "#bfdbfe"),
        NodeKind::Person => ("ellipse", "#fecdd3"),
        NodeKind::Technology => ("component", "#bbf7d0"),
        NodeKind::Organization => ("house", "#ddd6fe"),
        NodeKind::Pep => ("note", "#fef9c3"),
        NodeKind::Version => ("cds", "#e5e7eb"),
    };
    Style { shape, fill }
}

fn edge_color(kind: EdgeKind) -> &'static str {
    match kind {
        EdgeKind::PartOf => "#92400e",
        EdgeKind::PresentedBy => "#be123c",
        EdgeKind::Mentions => "#1d4ed8",
        EdgeKind::Authored => "#a16207",
        EdgeKind::DevelopedBy => "#6d28d9",
        EdgeKind::CoMentioned => "#15803d",
        // version_of, and any relation added later.
        _ => "#4b5563",
    }
}

/// Quotes `s` for DOT (rules in the module doc); the result includes the quotes.
///
/// ```
/// assert_eq!(talkgraph::export::dot::escape("say \"hi\"\\"), r#""say \"hi\"\\""#);
/// ```
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '&' => out.push_str("&amp;"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push_str("\\n");
                }
            }
            c if c.is_control() && c != '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The longest quoted string Graphviz reads, in bytes, quotes included: its scanner
/// refuses a longer one, and `dot` then rejects the whole file.
const GRAPHVIZ_LONGEST: usize = 16_384;

/// `s`, cut (at a character, ending with `…`) so that escaped and quoted it stays under
/// Graphviz's limit; most texts are far shorter and are kept as they are.
fn fit(s: &str) -> std::borrow::Cow<'_, str> {
    // Escaping makes at most five bytes of one (`&` -> `&amp;`).
    const ROOM: usize = GRAPHVIZ_LONGEST - 16;
    let cost = |c: char| match c {
        '&' => 5,
        '\\' | '"' | '\n' | '\r' => 2,
        c => c.len_utf8(),
    };
    if s.len() * 5 <= ROOM || s.chars().map(cost).sum::<usize>() <= ROOM {
        return std::borrow::Cow::Borrowed(s);
    }
    let (mut used, mut end) = (cost('…'), 0);
    for (i, c) in s.char_indices() {
        used += cost(c);
        if used > ROOM {
            break;
        }
        end = i + c.len_utf8();
    }
    std::borrow::Cow::Owned(format!("{}…", &s[..end]))
}

/// Whether `escape` would change `s` beyond adding the quotes: a backslash, quote,
/// `&`, line break or other control character (C1 controls start with the byte 0xC2).
/// Every byte is tested, with no branch, which the compiler turns into vector compares
/// (labels and tooltips are most of a DOT file's bytes).
fn needs_escape(s: &str) -> bool {
    let special =
        |b: u8| (b == b'\\') | (b == b'"') | (b == b'&') | (b == 0xC2) | (b == 0x7f) | ((b < 0x20) & (b != b'\t'));
    s.bytes().fold(0u8, |found, b| found | u8::from(special(b))) != 0
}

fn penwidth(weight: u32) -> String {
    format!("{:.2}", f64::from(weight).sqrt().min(8.0))
}

/// An attribute value: written as it is (`LR`, `1.00`) or quoted by [`escape`].
#[derive(Debug, Clone, Copy)]
enum Val<'a> {
    Plain(&'a str),
    Text(&'a str),
}

impl Val<'_> {
    fn id(self) -> Id {
        match self {
            Val::Plain(s) => Id::Plain(s.to_string()),
            Val::Text(s) => Id::Escaped(escape(s)),
        }
    }
}

type Attrs<'a> = [(&'static str, Val<'a>)];

/// Where the statements go: a syntax tree ([`Tree`], for [`to_dot`]) or text
/// ([`Text`], for [`write`]). Both receive the same calls from [`statements`], and a
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

fn attributes(attrs: &Attrs<'_>) -> Vec<Attribute> {
    attrs.iter().map(|(k, v)| Attribute(Id::Plain((*k).to_string()), v.id())).collect()
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
        self.push(Stmt::Attribute(Attribute(Id::Plain(key.to_string()), value.id())));
        Ok(())
    }

    fn node(&mut self, id: &str, attrs: &Attrs<'_>) -> std::io::Result<()> {
        self.push(Stmt::Node(DotNode { id: NodeId(Val::Text(id).id(), None), attributes: attributes(attrs) }));
        Ok(())
    }

    fn edge(&mut self, from: &str, to: &str, attrs: &Attrs<'_>) -> std::io::Result<()> {
        let end = |s: &str| Vertex::N(NodeId(Val::Text(s).id(), None));
        self.push(Stmt::Edge(DotEdge { ty: EdgeTy::Pair(end(from), end(to)), attributes: attributes(attrs) }));
        Ok(())
    }

    fn open(&mut self, id: Val<'_>) -> std::io::Result<()> {
        self.0.push((Some(id.id()), Vec::new()));
        Ok(())
    }

    fn close(&mut self) -> std::io::Result<()> {
        if let Some((Some(id), stmts)) = self.0.pop() {
            self.push(Stmt::Subgraph(Subgraph { id, stmts }));
        }
        Ok(())
    }
}

/// Writes the statements as graphviz-rust's printer lays them out (default context):
/// each statement on its own line, indented two spaces per level, attributes in
/// brackets separated by spaces, `[` right after a node id and after a space for an edge.
struct Text<'w> {
    w: super::Chunks<'w>,
    depth: usize,
    /// Whether the subgraph just opened has no statement yet.
    fresh: bool,
}

impl Text<'_> {
    fn start(&mut self) -> std::io::Result<()> {
        self.fresh = false;
        self.w.write_all(b"\n")?;
        for _ in 0..self.depth {
            self.w.write_all(b"  ")?;
        }
        Ok(())
    }

    fn quoted(&mut self, s: &str) -> std::io::Result<()> {
        if needs_escape(s) {
            self.w.write_all(escape(s).as_bytes())
        } else {
            self.w.write_all(b"\"")?;
            self.w.write_all(s.as_bytes())?;
            self.w.write_all(b"\"")
        }
    }

    fn value(&mut self, v: Val<'_>) -> std::io::Result<()> {
        match v {
            Val::Plain(s) => self.w.write_all(s.as_bytes()),
            Val::Text(s) => self.quoted(s),
        }
    }

    fn list(&mut self, attrs: &Attrs<'_>) -> std::io::Result<()> {
        if attrs.is_empty() {
            return Ok(());
        }
        self.w.write_all(b"[")?;
        for (i, (k, v)) in attrs.iter().enumerate() {
            if i > 0 {
                self.w.write_all(b" ")?;
            }
            self.w.write_all(k.as_bytes())?;
            self.w.write_all(b"=")?;
            self.value(*v)?;
        }
        self.w.write_all(b"]")
    }
}

impl Sink for Text<'_> {
    fn defaults(&mut self, which: &'static str, attrs: &Attrs<'_>) -> std::io::Result<()> {
        self.start()?;
        self.w.write_all(which.as_bytes())?;
        self.list(attrs)
    }

    fn attr(&mut self, key: &'static str, value: Val<'_>) -> std::io::Result<()> {
        self.start()?;
        self.w.write_all(key.as_bytes())?;
        self.w.write_all(b"=")?;
        self.value(value)
    }

    fn node(&mut self, id: &str, attrs: &Attrs<'_>) -> std::io::Result<()> {
        self.start()?;
        self.quoted(id)?;
        self.list(attrs)
    }

    fn edge(&mut self, from: &str, to: &str, attrs: &Attrs<'_>) -> std::io::Result<()> {
        self.start()?;
        self.quoted(from)?;
        self.w.write_all(b" -> ")?;
        self.quoted(to)?;
        if !attrs.is_empty() {
            self.w.write_all(b" ")?;
        }
        self.list(attrs)
    }

    fn open(&mut self, id: Val<'_>) -> std::io::Result<()> {
        self.start()?;
        self.w.write_all(b"subgraph ")?;
        self.value(id)?;
        self.w.write_all(b" {")?;
        self.depth += 1;
        self.fresh = true;
        Ok(())
    }

    fn close(&mut self) -> std::io::Result<()> {
        // The printer joins the statements with line breaks and adds one before the
        // brace: an empty subgraph has an empty line.
        if self.fresh {
            self.w.write_all(b"\n")?;
        }
        self.depth -= 1;
        self.fresh = false;
        self.w.write_all(b"\n")?;
        for _ in 0..self.depth {
            self.w.write_all(b"  ")?;
        }
        self.w.write_all(b"}")
    }
}

/// Builds the DOT syntax tree of `graph`; [`write()`] writes the same text directly.
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
/// assert!(dot.contains(r##""pep:659"[label="PEP 659" shape=note fillcolor="#fef9c3""##));
/// assert!(dot.contains(r#""talk:day1#1" -> "pep:659""#));
/// ```
pub fn to_dot(graph: &KnowledgeGraph, opts: &ExportOptions) -> Graph {
    let mut tree = Tree(vec![(None, Vec::new())]);
    statements(graph, opts, &mut tree).expect("building a tree does not fail");
    let stmts = tree.0.pop().map(|(_, s)| s).unwrap_or_default();
    Graph::DiGraph { id: Id::Plain("talkgraph".into()), strict: false, stmts }
}

/// The shape, fill colour and (talks) style of a kind, as attributes.
fn kind_attrs(kind: NodeKind) -> [(&'static str, Val<'static>); 3] {
    let st = style(kind);
    let style = if kind == NodeKind::Talk { Val::Text("rounded,filled") } else { Val::Plain("") };
    [("shape", Val::Plain(st.shape)), ("fillcolor", Val::Text(st.fill)), ("style", style)]
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
            ("color", Val::Text(edge_color(e.kind))),
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
    let url = [n.attr("homepage"), n.attr("url")].into_iter().flatten().find(|u| super::jsonld::is_web_iri(u));
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
    out.attr("color", Val::Text(edge_color(EdgeKind::PartOf)))?;
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

/// Writes `graph` as DOT: the bytes graphviz-rust prints for [`to_dot`], written
/// statement by statement straight from the graph, with no syntax tree and no
/// string per statement.
pub fn write(graph: &KnowledgeGraph, opts: &ExportOptions, w: &mut dyn Write) -> Result<(), ExportError> {
    let mut text = Text { w: super::Chunks::new(w), depth: 1, fresh: false };
    text.w.write_all(b"digraph talkgraph {")?;
    statements(graph, opts, &mut text)?;
    text.w.write_all(b"\n}\n")?;
    text.w.finish()?;
    Ok(())
}

/// A picture Graphviz renders from a DOT file (`--render svg,png,pdf`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RenderFormat {
    /// Scalable vector graphics (with links and tooltips).
    Svg,
    /// A bitmap.
    Png,
    /// A printable page.
    Pdf,
}

impl RenderFormat {
    /// Every picture format.
    pub const ALL: [RenderFormat; 3] = [RenderFormat::Svg, RenderFormat::Png, RenderFormat::Pdf];

    /// The name on the command line, also the file extension (`svg`, `png`, `pdf`).
    pub fn name(self) -> &'static str {
        match self {
            RenderFormat::Svg => "svg",
            RenderFormat::Png => "png",
            RenderFormat::Pdf => "pdf",
        }
    }

    /// Parses `svg`, `png` or `pdf`, case-insensitively.
    ///
    /// ```
    /// use talkgraph::export::RenderFormat;
    /// assert_eq!(RenderFormat::from_name("SVG"), Some(RenderFormat::Svg));
    /// assert_eq!(RenderFormat::from_name("gif"), None);
    /// ```
    pub fn from_name(s: &str) -> Option<RenderFormat> {
        RenderFormat::ALL.into_iter().find(|f| f.name().eq_ignore_ascii_case(s.trim()))
    }

    fn graphviz(self) -> GvFormat {
        match self {
            RenderFormat::Svg => GvFormat::Svg,
            RenderFormat::Png => GvFormat::Png,
            RenderFormat::Pdf => GvFormat::Pdf,
        }
    }
}

impl std::fmt::Display for RenderFormat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

fn graphviz_layout(layout: Layout) -> GvLayout {
    match layout {
        Layout::Dot => GvLayout::Dot,
        Layout::Sfdp => GvLayout::Sfdp,
        Layout::Neato => GvLayout::Neato,
    }
}

/// Renders the DOT file at `dot_path` with Graphviz (through graphviz-rust) into one
/// picture per format, beside it with the format's extension (`graph.dot` →
/// `graph.svg`), using the `layout` engine. Each picture is rendered into a temporary
/// file in the same folder, then renamed into place. Returns the paths written.
///
/// # Errors
///
/// [`ExportError::GraphvizMissing`] when `dot` is not on `PATH` (the message says how
/// to install it); [`ExportError::Render`] when Graphviz fails on the file.
pub fn render(dot_path: &Path, formats: &[RenderFormat], layout: Layout) -> Result<Vec<PathBuf>, ExportError> {
    let source = std::fs::read_to_string(dot_path).map_err(|e| ExportError::Io(dot_path.to_path_buf(), e))?;
    let dir = match dot_path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut written = Vec::with_capacity(formats.len());
    for &format in formats {
        let out = dot_path.with_extension(format.name());
        let tmp = tempfile::Builder::new()
            .prefix(&format!(".graph.{}.", format.name()))
            .suffix(".tmp")
            .tempfile_in(&dir)
            .map_err(|e| ExportError::Folder(dir.clone(), e))?;
        let args = vec![
            CommandArg::Format(format.graphviz()),
            CommandArg::Layout(graphviz_layout(layout)),
            CommandArg::Output(tmp.path().to_string_lossy().into_owned()),
        ];
        match graphviz_rust::exec_dot(source.clone(), args) {
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(ExportError::GraphvizMissing(e)),
            Err(e) => return Err(ExportError::Render(out, e)),
        }
        super::publish(tmp, &out)?;
        written.push(out);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use graphviz_rust::printer::{DotPrinter, PrinterContext};

    use super::*;
    use crate::export::fixtures::sample_graph;

    #[test]
    fn streamed_bytes_are_the_printed_ast() {
        use crate::graph::{View, ViewOptions};
        let sample = sample_graph();
        let speakers = sample.view(&ViewOptions { view: View::Speakers, ..Default::default() }).unwrap();
        let topics = sample.view(&ViewOptions { view: View::Topics, ..Default::default() }).unwrap();
        let hostile = crate::export::graphml::fixtures::hostile();
        let tiny = crate::export::graphml::fixtures::tiny();
        let empty = crate::graph::GraphBuilder::new(&crate::extract::Knowledge::builtin()).finish();
        for (name, g) in [
            ("sample", &sample),
            ("speakers", &speakers),
            ("topics", &topics),
            ("hostile", &hostile),
            ("tiny", &tiny),
            ("empty", &empty),
        ] {
            for layout in [Layout::Dot, Layout::Sfdp] {
                let opts = ExportOptions { layout, ..Default::default() };
                let mut streamed = Vec::new();
                write(g, &opts, &mut streamed).unwrap();
                let whole = to_dot(g, &opts).print(&mut PrinterContext::default()) + "\n";
                assert_eq!(String::from_utf8(streamed).unwrap(), whole, "{name} graph, {layout:?}");
            }
        }
        // The hostile names are escaped in the text, not written through.
        let mut out = Vec::new();
        write(&hostile, &ExportOptions::default(), &mut out).unwrap();
        assert!(String::from_utf8(out).unwrap().contains("\\\""));
    }

    #[test]
    fn the_fast_path_escapes_exactly_what_escape_changes() {
        for s in [
            "plain", "a\"b", "a\\b", "a&b", "l\nm", "c\r", "\u{7}", "\u{85}", "\u{9f}x", "tab\t", "Ł 🐍", "\u{7f}", "é",
        ] {
            let quoted = format!("\"{s}\"");
            assert_eq!(needs_escape(s), escape(s) != quoted, "{s:?}");
        }
        // Long strings are tested in vector blocks and a remainder: a special character
        // anywhere in either is found.
        for special in ["\"", "\\", "&", "\n", "\r", "\u{7}", "\u{85}", "\u{7f}"] {
            for at in 0..=70 {
                let s = format!("{}{special}{}", "x".repeat(at), "é".repeat(35 - at / 2));
                assert!(needs_escape(&s), "{s:?}");
                assert!(!needs_escape(&s.replace(special, "y")), "{s:?}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        // The fast path may send a string to `escape` that needs nothing (`®` starts
        // with 0xC2 too), never the other way.
        fn the_fast_path_never_skips_what_escape_changes(s in "(\\PC|[\"\\\\&\r\n\t\u{85}\u{7f}]){0,100}") {
            let quoted = format!("\"{s}\"");
            proptest::prop_assert!(needs_escape(&s) || escape(&s) == quoted);
        }
    }

    // Issue 19: Graphviz rejects a file holding a quoted string over 16,384 bytes.
    #[test]
    fn long_texts_fit_graphviz() {
        let short = "a & b";
        assert!(matches!(fit(short), std::borrow::Cow::Borrowed(_)));
        for long in ["x".repeat(40_000), "&".repeat(5_000), "é\"".repeat(9_000)] {
            let cut = fit(&long);
            assert!(cut.ends_with('…'), "{}", &cut[cut.len() - 10..]);
            let quoted = escape(&cut);
            assert!(quoted.len() <= GRAPHVIZ_LONGEST, "{}", quoted.len());
            assert!(quoted.len() > GRAPHVIZ_LONGEST - 40, "cut no more than needed: {}", quoted.len());
            assert!(long.starts_with(cut.trim_end_matches('…')));
        }
        let g = crate::export::graphml::fixtures::talk_graph(&"T".repeat(30_000), "Ann Lee", &[]);
        let mut out = Vec::new();
        write(&g, &ExportOptions::default(), &mut out).expect("written");
        let text = String::from_utf8(out).expect("UTF-8");
        let longest = text.split('"').map(str::len).max().unwrap_or(0);
        assert!(longest < GRAPHVIZ_LONGEST, "{longest}");
        assert!(text.contains("TTT…\""));
    }

    #[test]
    fn escape_table() {
        let cases = [
            ("plain", r#""plain""#),
            ("say \"hi\"", r#""say \"hi\"""#),
            ("ends in \\", r#""ends in \\""#),
            ("a\\nb", r#""a\\nb""#),
            ("two\nlines", r#""two\nlines""#),
            ("crlf\r\nline", r#""crlf\nline""#),
            ("cr\ronly", r#""cr\nonly""#),
            ("<b> & </b>", r#""<b> &amp; </b>""#),
            ("&lt;", r#""&amp;lt;""#),
            ("tab\there", "\"tab\there\""),
            ("bell\u{7}", r#""bell ""#),
            ("Łukasz 🐍", r#""Łukasz 🐍""#),
            ("technology:cpython", r#""technology:cpython""#),
            ("", r#""""#),
        ];
        for (input, want) in cases {
            assert_eq!(escape(input), want, "escaping {input:?}");
        }
    }

    #[test]
    fn penwidth_grows_with_weight_and_is_capped() {
        assert_eq!(penwidth(1), "1.00");
        assert_eq!(penwidth(4), "2.00");
        assert_eq!(penwidth(1000), "8.00");
    }

    #[test]
    fn output_parses_back_with_every_node_and_edge() {
        let g = sample_graph();
        let mut buf = Vec::new();
        write(&g, &ExportOptions::default(), &mut buf).unwrap();
        let text = String::from_utf8(buf).unwrap();
        let parsed = graphviz_rust::parse(&text).expect("graphviz-rust parses what we print");
        let Graph::DiGraph { stmts, .. } = parsed else { panic!("not a digraph") };
        let mut nodes = Vec::new();
        let mut edges = 0;
        fn walk(stmts: &[Stmt], nodes: &mut Vec<String>, edges: &mut usize) {
            for s in stmts {
                match s {
                    Stmt::Node(n) => {
                        if let Id::Escaped(id) = &n.id.0 {
                            nodes.push(id.clone());
                        }
                    }
                    Stmt::Subgraph(sg) => walk(&sg.stmts, nodes, edges),
                    Stmt::Edge(_) => *edges += 1,
                    _ => {}
                }
            }
        }
        walk(&stmts, &mut nodes, &mut edges);
        for (_, n) in g.nodes() {
            assert!(nodes.contains(&escape(&n.id)), "node {} missing", n.id);
        }
        let legend = nodes.iter().filter(|n| n.starts_with("\"legend:")).count();
        assert_eq!(nodes.len(), g.node_count() + legend);
        assert_eq!(edges, g.edge_count());
    }

    #[test]
    fn talks_cluster_under_their_event_and_legend_lists_kinds_present() {
        let g = sample_graph();
        let mut buf = Vec::new();
        write(&g, &ExportOptions::default(), &mut buf).unwrap();
        let text = String::from_utf8(buf).unwrap();
        assert!(text.contains(r#"subgraph "cluster_event:pycon-test" {"#), "{text}");
        assert!(text.contains("subgraph cluster_legend {"), "{text}");
        assert!(text.contains(r#""legend:Talk"[label="Talk""#), "{text}");
        assert!(!text.contains("legend:Version"), "no Version node, so no Version legend: {text}");
        assert!(text.contains("layout=dot"));
        assert!(text.contains("dir=none"), "co_mentioned is undirected: {text}");
        assert!(text.contains("constraint=false"), "talks keep their ranks: {text}");
        // The cluster holds the talk node itself.
        let cluster = &text[text.find("cluster_event:pycon-test").unwrap()..];
        let end = cluster.find("\n  }").unwrap();
        assert!(cluster[..end].contains(r#""talk:day#3"["#), "{cluster}");
    }

    #[test]
    fn only_web_addresses_become_links() {
        let g = sample_graph();
        let mut buf = Vec::new();
        write(&g, &ExportOptions::default(), &mut buf).unwrap();
        let text = String::from_utf8(buf).unwrap();
        assert!(text.contains(r#"URL="https://github.com/python/cpython""#), "{text}");
        assert!(text.contains(r#"URL="https://peps.python.org/pep-0659/""#), "{text}");
        assert_eq!(text.matches("URL=").count(), 4, "CPython, NumPy, the PSF and PEP 659: {text}");
    }

    #[test]
    fn layout_is_written() {
        let g = sample_graph();
        let mut buf = Vec::new();
        write(&g, &ExportOptions { layout: Layout::Sfdp, ..Default::default() }, &mut buf).unwrap();
        assert!(String::from_utf8(buf).unwrap().contains("layout=sfdp"));
    }
}
