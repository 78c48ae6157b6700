//! Tests of the DOT writer.

use graphviz_rust::printer::{DotPrinter, PrinterContext};

use super::text::{needs_escape, GRAPHVIZ_LONGEST};
use super::tree::to_dot;
use super::*;
use crate::export::fixtures::sample_graph;
use crate::export::Layout;
use graphviz_rust::dot_structures::{Graph, Id, Stmt};

#[test]
fn streamed_bytes_are_the_printed_ast() {
    use crate::graph::{View, ViewOptions};
    let sample = sample_graph();
    let speakers = sample.view(&ViewOptions { view: View::Speakers, ..Default::default() }).unwrap();
    let topics = sample.view(&ViewOptions { view: View::Topics, ..Default::default() }).unwrap();
    let hostile = crate::export::testgraphs::hostile();
    let tiny = crate::export::testgraphs::tiny();
    let empty = crate::graph::GraphBuilder::new(&crate::extract::Knowledge::builtin()).finish();
    for (name, g) in [
        ("sample", &sample),
        ("speakers", &speakers),
        ("topics", &topics),
        ("hostile", &hostile),
        ("tiny", &tiny),
        ("empty", &empty),
    ] {
        for layout in [Layout::Auto, Layout::Dot, Layout::Sfdp] {
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
    for s in
        ["plain", "a\"b", "a\\b", "a&b", "l\nm", "c\r", "\u{7}", "\u{85}", "\u{9f}x", "tab\t", "Ł 🐍", "\u{7f}", "é"]
    {
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
    let g = crate::export::testgraphs::talk_graph(&"T".repeat(30_000), "Ann Lee", &[]);
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
    for layout in [Layout::Auto, Layout::Dot] {
        let mut buf = Vec::new();
        write(&g, &ExportOptions { layout, ..Default::default() }, &mut buf).unwrap();
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
        assert_eq!(nodes.len(), g.node_count(), "{layout:?}");
        assert_eq!(edges, g.edge_count(), "{layout:?}");
    }
}

// Issue 16: each view its own drawing. The full view laid out by dot keeps talks in
// their event's cluster; by default it is a force layout, with no cluster.
#[test]
fn talks_cluster_under_their_event_in_layers_only() {
    let g = sample_graph();
    let dot = |layout| {
        let mut buf = Vec::new();
        write(&g, &ExportOptions { layout, ..Default::default() }, &mut buf).unwrap();
        String::from_utf8(buf).unwrap()
    };
    let text = dot(Layout::Dot);
    assert!(text.contains(r#"subgraph "cluster_event:pycon-test" {"#), "{text}");
    assert!(text.contains("layout=dot rankdir=LR newrank=true"), "{text}");
    assert!(text.contains("dir=none"), "co_mentioned is undirected: {text}");
    assert!(text.contains("constraint=false"), "talks keep their ranks: {text}");
    // The cluster holds the talk node itself.
    let cluster = &text[text.find("cluster_event:pycon-test").unwrap()..];
    let end = cluster.find("\n  }").unwrap();
    assert!(cluster[..end].contains(r#""talk:day#3"["#), "{cluster}");
    let auto = dot(Layout::Auto);
    assert!(auto.contains("layout=neato overlap=false"), "{auto}");
    assert!(!auto.contains("subgraph"), "{auto}");
    assert!(!auto.contains("rankdir"), "{auto}");
}

// The legend is the graph's label, which every engine draws: one swatch per kind in
// the full view, with its count, kinds absent left out.
#[test]
fn the_legend_is_a_label_naming_the_kinds_present() {
    let g = sample_graph();
    let mut buf = Vec::new();
    write(&g, &ExportOptions::default(), &mut buf).unwrap();
    let text = String::from_utf8(buf).unwrap();
    let label = text.split(" label=<<table").nth(1).expect("an HTML-like label").split("</table>>").next().unwrap();
    let talks = g.count(crate::graph::NodeKind::Talk);
    assert!(label.contains(r##"<td bgcolor="#77aadd""##), "{label}");
    assert!(label.contains(&format!("Talk ({talks})")), "{label}");
    assert!(!label.contains("Version"), "no Version node, so no Version swatch: {label}");
    assert!(text.contains("labelloc=b"), "{text}");
}

// The topics view is an undirected map: `graph`, `--`, sized by weighted degree,
// filled by community, the legend naming the communities.
#[test]
fn the_topic_map_is_undirected_sized_and_coloured_by_community() {
    use crate::graph::{View, ViewOptions};
    let sample = sample_graph();
    let topics = sample.view(&ViewOptions { view: View::Topics, ..Default::default() }).unwrap();
    let topics = topics.with_measures(Some(&sample), false);
    let mut buf = Vec::new();
    write(&topics, &ExportOptions::default(), &mut buf).unwrap();
    let text = String::from_utf8(buf).unwrap();
    assert!(text.starts_with("graph talkgraph {\n  graph[layout=neato"), "{text}");
    assert!(text.contains(" -- ") && !text.contains(" -> "), "{text}");
    assert!(!text.contains("dir=none"), "{text}");
    let m = topics.measures().expect("measures");
    for (i, n) in topics.nodes() {
        let line = text.lines().find(|l| l.trim_start().starts_with(&format!("{}[", escape(&n.id)))).unwrap();
        assert!(line.contains(&format!("fontsize={}", font_size(m.weighted_degree[i.index()]))), "{line}");
        if let Some(c) = m.community_of(i.index()) {
            assert!(line.contains(&format!("fillcolor=\"{}\"", palette::community_hex(c.id))), "{line}");
            assert!(text.contains(&html_text(&c.label)), "the legend names {}", c.label);
        }
    }
    assert!(font_size(1) < font_size(16) && font_size(10_000) == "30.0");
    let parsed = graphviz_rust::parse(&text).expect("graphviz-rust parses the map");
    assert!(matches!(parsed, Graph::Graph { .. }));
}

#[test]
fn html_labels_escape_markup() {
    assert_eq!(html_text("C++ & <b>\"x\"</b>\n"), "C++ &amp; &lt;b&gt;&quot;x&quot;&lt;/b&gt; ");
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
