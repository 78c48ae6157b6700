//! An interactive viewer in one self-contained file (`graph.html`): it opens from
//! disk with no network, in any recent browser.
//!
//! The page is [`viewer/template.html`](viewer) with its style, its script, the
//! graphology and sigma.js builds (pinned, MIT; see `src/export/viewer/vendor/README.md`)
//! and the data inlined. Sigma draws with WebGL, so graphs of tens of thousands of nodes
//! stay interactive.
//!
//! # The data
//!
//! Two JSON objects, each in a `<script type="application/json">`, every `<` written
//! `\u003c` (so no text can close the script), nodes sorted by id and edges by their
//! ends, so the same graph gives the same bytes. Arrays rather than objects, so that
//! the page parses them fast: a node is a place in the columns of `nodes`, an edge four
//! numbers of `edges`.
//!
//! ```text
//! data:     {"kinds": [kind names], "kind_colors": ["#rrggbb" of each kind], "grey": "#rrggbb",
//!            "relations": [relation names],
//!            "communities": [[label, "#rrggbb", size]], "modularity": 0.41,
//!            "nodes": {"id": [..], "label": [..], "kind": [..], "x": [..], "y": [..],
//!                      "degree": [..], "weighted_degree": [..], "pagerank": [..],
//!                      "betweenness": [..], "community": [.. or -1]},
//!            "edges": [source, target, relation, weight, source, target, ...]}
//! details:  {"attrs": [[node, {attribute: value}] for nodes with attributes],
//!            "files": [file names], "lines": [[file, line, "text of that line"]],
//!            "places": [[places in all, line, ...] for each edge, in the order of `edges`]}
//! ```
//!
//! `details` holds what only the details panel shows. It comes after the viewer's
//! script, and the page parses it when a node's details first need it: the first
//! frame of a large graph waits for neither its bytes nor its parsing.
//!
//! Positions come from the [layout](crate::graph::layout), measures from
//! [`Measures`]. An edge keeps its first [`MAX_PLACES`] places of evidence with the
//! text of each line (read from the note files when the page is written, one file at
//! a time, only the lines that are evidence, each cut at [`MAX_LINE`] characters);
//! `places` says how many it has in all. A note that cannot be read any more gives its
//! places without text.
//!
//! # Views
//!
//! The page holds the exported graph and derives the `topics` and `speakers` views
//! from it in the browser, as [`View`](crate::graph::View) does in Rust (technologies,
//! organisations and PEPs a talk mentions with their co-mentions; people presenting a
//! talk, the topics of their talks and `spoke_about` weighted by talks), keeping the
//! same positions, so switching views does not move a node.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, BufRead, Write};

use serde_json::{json, Value};

use super::{palette, ExportError, ExportOptions};
use crate::graph::{layout, EdgeKind, KnowledgeGraph, Measures, NodeKind};

/// Places of evidence kept per edge, with their text.
pub const MAX_PLACES: usize = 5;
/// Characters of a line of evidence kept.
pub const MAX_LINE: usize = 240;

const TEMPLATE: &str = include_str!("viewer/template.html");
const STYLE: &str = include_str!("viewer/viewer.css");
const SCRIPT: &str = include_str!("viewer/viewer.js");
const GRAPHOLOGY: &str = include_str!("viewer/vendor/graphology.umd.min.js");
const SIGMA: &str = include_str!("viewer/vendor/sigma.min.js");

/// Writes `graph` as a self-contained HTML viewer. Uses the graph's measures and
/// positions when computed, else computes them.
pub fn write(graph: &KnowledgeGraph, _opts: &ExportOptions, w: &mut dyn Write) -> Result<(), ExportError> {
    let computed;
    let m = match graph.measures() {
        Some(m) if m.positions.len() == graph.node_count() => m,
        _ => {
            let mut m = Measures::compute(graph, graph);
            m.positions = layout::layout(graph);
            computed = m;
            &computed
        }
    };
    let (data, details) = data(graph, m);
    let mut rest = TEMPLATE;
    while let Some(at) = rest.find("{{") {
        w.write_all(&rest.as_bytes()[..at])?;
        let end = rest[at..].find("}}").map_or(rest.len(), |e| at + e + 2);
        match &rest[at..end] {
            "{{STYLE}}" => w.write_all(STYLE.as_bytes())?,
            "{{GRAPHOLOGY}}" => w.write_all(GRAPHOLOGY.as_bytes())?,
            "{{SIGMA}}" => w.write_all(SIGMA.as_bytes())?,
            "{{VIEWER}}" => w.write_all(SCRIPT.as_bytes())?,
            "{{DATA}}" => w.write_all(data.as_bytes())?,
            "{{DETAILS}}" => w.write_all(details.as_bytes())?,
            other => w.write_all(other.as_bytes())?,
        }
        rest = &rest[end..];
    }
    w.write_all(rest.as_bytes())?;
    Ok(())
}

/// The data object and the details object (see the module docs), as JSON safe inside
/// a `<script>`.
fn data(graph: &KnowledgeGraph, m: &Measures) -> (String, String) {
    let n = graph.node_count();
    // Nodes sorted by id; `new[i]` is node i's place.
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| graph.node(idx(a)).id.cmp(&graph.node(idx(b)).id));
    let mut new = vec![0usize; n];
    for (k, &i) in order.iter().enumerate() {
        new[i] = k;
    }
    let kind_no = |k: NodeKind| NodeKind::ALL.iter().position(|&x| x == k).unwrap_or(0);
    let rel_no = |k: EdgeKind| EdgeKind::ALL.iter().position(|&x| x == k).unwrap_or(0);

    // The places kept, and the lines to read.
    let mut edges: Vec<PageEdge> = graph
        .edge_indices()
        .map(|(s, t, e)| {
            let places: Vec<(u32, u32)> = e.evidence.iter().take(MAX_PLACES).map(|p| (p.file, p.line)).collect();
            (new[s.index()], new[t.index()], rel_no(e.kind), e.weight, e.evidence.len(), places)
        })
        .collect();
    edges.sort_by_key(|e| (e.0, e.1, e.2));
    let mut wanted: BTreeMap<u32, BTreeSet<u32>> = BTreeMap::new();
    for e in &edges {
        for &(f, l) in &e.5 {
            wanted.entry(f).or_default().insert(l);
        }
    }
    let mut files: Vec<&str> = Vec::new();
    let mut lines: Vec<Value> = Vec::new();
    let mut line_no: BTreeMap<(u32, u32), usize> = BTreeMap::new();
    for (&f, want) in &wanted {
        let texts = read_lines(graph.source(f), want);
        for &l in want {
            line_no.insert((f, l), lines.len());
            lines.push(json!([files.len(), l, texts.get(&l).map_or("", String::as_str)]));
        }
        files.push(graph.file(f));
    }

    let num = |s: &str| s.parse::<f64>().map_or(Value::Null, Value::from);
    let column = |f: &dyn Fn(usize) -> Value| -> Value { order.iter().map(|&i| f(i)).collect() };
    let nodes = json!({
        "id": column(&|i| graph.node(idx(i)).id.as_str().into()),
        "label": column(&|i| graph.node(idx(i)).label.as_str().into()),
        "kind": column(&|i| kind_no(graph.node(idx(i)).kind).into()),
        "x": column(&|i| m.positions.get(i).map_or(0.0, |p| p[0]).into()),
        "y": column(&|i| m.positions.get(i).map_or(0.0, |p| p[1]).into()),
        "degree": column(&|i| m.degree[i].into()),
        "weighted_degree": column(&|i| m.weighted_degree[i].into()),
        "pagerank": column(&|i| num(&m.values(i)[2])),
        "betweenness": column(&|i| num(&m.values(i)[3])),
        "community": column(&|i| m.community[i].map_or(-1, i64::from).into()),
    });
    let attrs: Vec<Value> = order
        .iter()
        .enumerate()
        .filter(|(_, &i)| !graph.node(idx(i)).attrs.is_empty())
        .map(|(k, &i)| {
            // Every value as text, the line too, as the viewer shows them.
            let attrs = graph.node(idx(i)).attrs.iter();
            let attrs: serde_json::Map<String, Value> =
                attrs.map(|(a, v)| (a.name().to_string(), v.to_text().into_owned().into())).collect();
            json!([k, attrs])
        })
        .collect();
    let mut flat: Vec<u64> = Vec::with_capacity(edges.len() * 4);
    let mut places: Vec<Value> = Vec::with_capacity(edges.len());
    for (s, t, r, w, count, kept) in &edges {
        flat.extend([*s as u64, *t as u64, *r as u64, u64::from(*w)]);
        let mut row = vec![*count];
        row.extend(kept.iter().map(|p| line_no[p]));
        places.push(json!(row));
    }
    let communities: Vec<Value> =
        m.communities.iter().map(|c| json!([c.label, palette::community_hex(c.id), c.size])).collect();
    let modularity: f64 = format!("{:.4}", m.modularity).parse().unwrap_or(0.0);
    let doc = json!({
        "kinds": NodeKind::ALL.iter().map(|k| k.name()).collect::<Vec<_>>(),
        "kind_colors": NodeKind::ALL.iter().map(|k| palette::kind_hex(*k)).collect::<Vec<_>>(),
        "grey": palette::hex(palette::GREY),
        "relations": EdgeKind::ALL.iter().map(|k| k.name()).collect::<Vec<_>>(),
        "communities": communities,
        "modularity": modularity,
        "nodes": nodes,
        "edges": flat,
    });
    let details = json!({ "attrs": attrs, "files": files, "lines": lines, "places": places });
    (script_safe(&doc), script_safe(&details))
}

/// `v` as JSON with every `<` written `\u003c`, so no text can close the script.
fn script_safe(v: &Value) -> String {
    serde_json::to_string(v).unwrap_or_default().replace('<', "\\u003c")
}

/// An edge of the page: source, target, relation (all numbers), weight, how many
/// places in all, the places kept as (file, line).
type PageEdge = (usize, usize, usize, u32, usize, Vec<(u32, u32)>);

fn idx(i: usize) -> petgraph::graph::NodeIndex {
    petgraph::graph::NodeIndex::new(i)
}

/// The text of lines `want` (1-based) of file `name`, each cut at [`MAX_LINE`]
/// characters; none when the file cannot be read.
fn read_lines(name: &std::path::Path, want: &BTreeSet<u32>) -> BTreeMap<u32, String> {
    let mut out = BTreeMap::new();
    let Ok(f) = std::fs::File::open(name) else { return out };
    let Some(&last) = want.last() else { return out };
    let mut r = io::BufReader::new(f);
    let mut buf = Vec::new();
    let mut line = 0u32;
    while line < last {
        buf.clear();
        match r.read_until(b'\n', &mut buf) {
            Ok(0) | Err(_) => break,
            Ok(_) => {}
        }
        line += 1;
        if want.contains(&line) {
            let text = String::from_utf8_lossy(&buf);
            let text = text.trim_end_matches(['\n', '\r']).trim();
            out.insert(line, text.chars().take(MAX_LINE).collect());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::sample_graph;
    use super::*;

    fn render(g: &KnowledgeGraph) -> String {
        let mut out = Vec::new();
        write(g, &ExportOptions::default(), &mut out).expect("writes");
        String::from_utf8(out).expect("UTF-8")
    }

    fn script_of(html: &str, id: &str) -> Value {
        let open = format!(r#"<script type="application/json" id="{id}">"#);
        let start = html.find(&open).expect("data script") + open.len();
        let end = start + html[start..].find("</script>").expect("closed");
        assert!(!html[start..end].contains('<'), "a `<` in the {id} script");
        serde_json::from_str(&html[start..end]).expect("the data is JSON")
    }

    #[test]
    fn the_page_inlines_everything_and_fetches_nothing() {
        let html = render(&sample_graph());
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert!(!html.contains("{{"), "a placeholder is left");
        for fetch in ["src=\"http", "href=\"http", "<link ", "src=\"//"] {
            assert!(!html.contains(fetch), "{fetch}");
        }
        assert!(html.contains("graphology") && html.contains("Sigma"));
    }

    #[test]
    fn the_data_has_every_node_sorted_by_id_with_measures_and_no_script_end() {
        let g = sample_graph();
        let html = render(&g);
        let d = script_of(&html, "data");
        let nodes = &d["nodes"];
        let ids: Vec<&str> = nodes["id"].as_array().unwrap().iter().map(|n| n.as_str().unwrap()).collect();
        assert_eq!(ids.len(), g.node_count());
        for column in ["label", "kind", "x", "y", "degree", "weighted_degree", "pagerank", "betweenness", "community"] {
            assert_eq!(nodes[column].as_array().unwrap().len(), ids.len(), "{column}");
        }
        let edges = d["edges"].as_array().unwrap();
        assert_eq!(edges.len(), 4 * g.edge_count());
        // Every edge's ends are nodes, and edges are sorted by their ends.
        let ends: Vec<(u64, u64)> = edges.chunks(4).map(|e| (e[0].as_u64().unwrap(), e[1].as_u64().unwrap())).collect();
        assert!(ends.iter().all(|&(s, t)| (s as usize) < ids.len() && (t as usize) < ids.len()));
        assert!(ends.windows(2).all(|w| w[0] <= w[1]));
        let mut sorted = ids.clone();
        sorted.sort();
        assert_eq!(ids, sorted);
        // The hostile title `Rust & <Python>` is in the data, its `<` escaped.
        assert!(nodes["label"].as_array().unwrap().iter().any(|n| n.as_str().unwrap().contains("<Python>")));
        // PageRank sums to 1.
        let pr: f64 = nodes["pagerank"].as_array().unwrap().iter().map(|n| n.as_f64().unwrap()).sum();
        assert!((pr - 1.0).abs() < 1e-5, "{pr}");
        // Only nodes with attributes list them, each once, in order, in the details.
        let attrs = script_of(&html, "details-data")["attrs"].as_array().unwrap().clone();
        assert!(!attrs.is_empty());
        assert!(attrs.windows(2).all(|w| w[0][0].as_u64() < w[1][0].as_u64()));
        assert!(attrs.iter().all(|a| !a[1].as_object().unwrap().is_empty()));
    }

    #[test]
    fn the_details_come_after_the_script_one_row_of_places_per_edge() {
        let g = sample_graph();
        let html = render(&g);
        assert!(html.find("id=\"details-data\"").unwrap() > html.find("talkgraph's viewer").unwrap());
        let ev = script_of(&html, "details-data");
        let places = ev["places"].as_array().unwrap();
        assert_eq!(places.len(), g.edge_count());
        let lines = ev["lines"].as_array().unwrap();
        let files = ev["files"].as_array().unwrap();
        for p in places {
            let p = p.as_array().unwrap();
            let kept = &p[1..];
            assert!(kept.len() <= MAX_PLACES && p[0].as_u64().unwrap() as usize >= kept.len());
            for l in kept {
                let line = &lines[l.as_u64().unwrap() as usize];
                assert!((line[0].as_u64().unwrap() as usize) < files.len());
            }
        }
        assert!(places.iter().any(|p| p.as_array().unwrap().len() > 1), "no edge keeps a place");
    }

    #[test]
    fn evidence_lines_carry_their_text() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("day.md");
        std::fs::write(&file, "# PyCon\n\n## Faster CPython\nMark Shannon\nWe saw CPython 3.11 here\n").unwrap();
        let mut want = BTreeSet::new();
        want.extend([3, 5, 99]);
        let got = read_lines(&file, &want);
        assert_eq!(got.get(&3).map(String::as_str), Some("## Faster CPython"));
        assert_eq!(got.get(&5).map(String::as_str), Some("We saw CPython 3.11 here"));
        assert_eq!(got.get(&99), None);
        assert!(read_lines(std::path::Path::new("no/such/file.md"), &want).is_empty());
    }

    #[test]
    fn the_same_graph_gives_the_same_page() {
        let g = sample_graph();
        assert_eq!(render(&g), render(&g));
    }
}
