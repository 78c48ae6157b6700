//! Graphviz DOT, built as graphviz-rust's syntax tree and printed by its printer, and
//! rendered to SVG, PNG or PDF by Graphviz itself ([`render`]).
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
use graphviz_rust::printer::{DotPrinter, PrinterContext};

use super::{ExportError, ExportOptions, Layout};
use crate::graph::{EdgeKind, KnowledgeGraph, NodeId as GraphNode, NodeKind};

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

fn text(s: &str) -> Id {
    Id::Escaped(escape(s))
}

fn plain(s: &str) -> Id {
    Id::Plain(s.to_string())
}

fn attr(key: &str, value: Id) -> Attribute {
    Attribute(plain(key), value)
}

fn node_stmt(id: &str, attrs: Vec<Attribute>) -> Stmt {
    Stmt::Node(DotNode { id: NodeId(text(id), None), attributes: attrs })
}

fn kind_attrs(kind: NodeKind) -> Vec<Attribute> {
    let st = style(kind);
    let mut attrs = vec![attr("shape", plain(st.shape)), attr("fillcolor", text(st.fill))];
    if kind == NodeKind::Talk {
        attrs.push(attr("style", text("rounded,filled")));
    }
    attrs
}

fn penwidth(weight: u32) -> String {
    format!("{:.2}", f64::from(weight).sqrt().min(8.0))
}

/// Builds the DOT syntax tree of `graph`; [`write`] prints it.
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
    let mut stmts = Vec::new();
    statements(graph, opts, &mut |s| {
        stmts.push(s);
        Ok(())
    })
    .expect("collecting statements does not fail");
    Graph::DiGraph { id: plain("talkgraph"), strict: false, stmts }
}

/// The statements of the graph, in order, handed to `emit` one at a time.
fn statements(
    graph: &KnowledgeGraph,
    opts: &ExportOptions,
    emit: &mut dyn FnMut(Stmt) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let head = vec![
        Stmt::GAttribute(GraphAttributes::Graph(vec![
            attr("rankdir", plain("LR")),
            attr("layout", plain(opts.layout.name())),
            attr("overlap", plain("false")),
            attr("newrank", plain("true")),
            attr("charset", text("UTF-8")),
            attr("fontname", text("Helvetica")),
        ])),
        Stmt::GAttribute(GraphAttributes::Node(vec![
            attr("style", text("filled")),
            attr("fontname", text("Helvetica")),
        ])),
        Stmt::GAttribute(GraphAttributes::Edge(vec![attr("fontname", text("Helvetica"))])),
    ];
    for st in head {
        emit(st)?;
    }
    emit(legend(graph))?;

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
    let mut placed = std::collections::BTreeSet::new();
    for (i, n) in graph.nodes() {
        if n.kind == NodeKind::Event && !parent.contains_key(&i) && children.contains_key(&i) {
            emit(cluster(graph, i, &children, &mut placed))?;
        }
    }
    for (i, _) in graph.nodes() {
        if !placed.contains(&i) {
            emit(node(graph, i))?;
        }
    }
    // Co-mentions must not pull talks out of their ranks; but in a graph of topics only
    // (the topics view) they are the whole structure, and dot needs them to rank at all.
    let has_directed = graph.edges().any(|(_, _, e)| !e.kind.is_undirected());
    for (s, t, e) in graph.edges() {
        let evidence = e.evidence.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ");
        let mut tooltip = format!("{} ×{}", e.kind.name(), e.weight);
        if !evidence.is_empty() {
            tooltip.push_str(": ");
            tooltip.push_str(&evidence);
        }
        let mut attrs = vec![
            attr("color", text(edge_color(e.kind))),
            attr("penwidth", plain(&penwidth(e.weight))),
            attr("tooltip", text(&tooltip)),
        ];
        if e.kind.is_undirected() {
            attrs.push(attr("dir", plain("none")));
            attrs.push(attr("style", plain("dashed")));
            if has_directed {
                attrs.push(attr("constraint", plain("false")));
            }
        }
        emit(Stmt::Edge(DotEdge {
            ty: EdgeTy::Pair(Vertex::N(NodeId(text(&s.id), None)), Vertex::N(NodeId(text(&t.id), None))),
            attributes: attrs,
        }))?;
    }
    Ok(())
}

fn node(graph: &KnowledgeGraph, i: GraphNode) -> Stmt {
    let n = graph.node(i);
    let mut attrs = vec![attr("label", text(&n.label))];
    attrs.extend(kind_attrs(n.kind));
    attrs.push(attr("tooltip", text(&format!("{} {}", n.kind.name(), n.id))));
    if let Some(url) = [n.attr("homepage"), n.attr("url")].into_iter().flatten().find(|u| super::jsonld::is_web_iri(u))
    {
        attrs.push(attr("URL", text(url)));
    }
    node_stmt(&n.id, attrs)
}

fn cluster(
    graph: &KnowledgeGraph,
    event: GraphNode,
    children: &std::collections::BTreeMap<GraphNode, Vec<GraphNode>>,
    placed: &mut std::collections::BTreeSet<GraphNode>,
) -> Stmt {
    let ev = graph.node(event);
    let label = match ev.attr("date") {
        Some(date) => format!("{}\n{date}", ev.label),
        None => ev.label.clone(),
    };
    let mut stmts = vec![
        Stmt::Attribute(attr("label", text(&label))),
        Stmt::Attribute(attr("style", text("rounded"))),
        Stmt::Attribute(attr("color", text(edge_color(EdgeKind::PartOf)))),
    ];
    placed.insert(event);
    stmts.push(node(graph, event));
    for &c in children.get(&event).into_iter().flatten() {
        if placed.contains(&c) {
            continue;
        }
        if graph.node(c).kind == NodeKind::Event && children.contains_key(&c) {
            stmts.push(cluster(graph, c, children, placed));
        } else {
            placed.insert(c);
            stmts.push(node(graph, c));
        }
    }
    Stmt::Subgraph(Subgraph { id: text(&format!("cluster_{}", ev.id)), stmts })
}

fn legend(graph: &KnowledgeGraph) -> Stmt {
    let mut stmts =
        vec![Stmt::Attribute(attr("label", text("Legend"))), Stmt::Attribute(attr("style", text("dashed")))];
    for kind in NodeKind::ALL {
        if graph.count(kind) > 0 {
            let mut attrs = vec![attr("label", text(kind.name()))];
            attrs.extend(kind_attrs(kind));
            stmts.push(node_stmt(&format!("legend:{}", kind.name()), attrs));
        }
    }
    Stmt::Subgraph(Subgraph { id: plain("cluster_legend"), stmts })
}

/// Writes `graph` as DOT.
///
/// Statements are built and printed one at a time, so the whole text is never in
/// memory; the bytes are those of [`to_dot`] printed by graphviz-rust.
pub fn write(graph: &KnowledgeGraph, opts: &ExportOptions, w: &mut dyn Write) -> Result<(), ExportError> {
    let mut ctx = PrinterContext::default();
    // Printing the graph's frame leaves the context as it is inside the braces (one
    // indent step in, `->` for edges); each statement is then printed in it.
    let frame = Graph::DiGraph { id: plain("talkgraph"), strict: false, stmts: vec![] }.print(&mut ctx);
    let open = frame.find('{').map_or(frame.len(), |i| i + 1);
    w.write_all(&frame.as_bytes()[..open])?;
    statements(graph, opts, &mut |st| {
        w.write_all(b"\n")?;
        w.write_all(st.print(&mut ctx).as_bytes())
    })?;
    w.write_all(b"\n}\n")?;
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
    use super::*;
    use crate::export::fixtures::sample_graph;

    #[test]
    fn streamed_bytes_are_the_printed_ast() {
        let g = crate::export::fixtures::sample_graph();
        let mut streamed = Vec::new();
        write(&g, &ExportOptions::default(), &mut streamed).unwrap();
        let whole = to_dot(&g, &ExportOptions::default()).print(&mut PrinterContext::default()) + "\n";
        assert_eq!(String::from_utf8(streamed).unwrap(), whole);
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
