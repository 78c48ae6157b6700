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
//! One JSON object in a `<script type="application/json">`, every `<` written `\u003c`
//! (so no text can close the script), nodes sorted by id and edges by their ends, so
//! the same graph gives the same bytes:
//!
//! ```text
//! {"kinds": [kind names], "kind_colors": ["#rrggbb" of each kind], "grey": "#rrggbb",
//!  "relations": [relation names],
//!  "communities": [[label, "#rrggbb", size]], "modularity": 0.41,
//!  "files": [file names], "lines": [[file, line, "text of that line"]],
//!  "nodes": [[id, label, kind, x, y, degree, weighted_degree, pagerank, betweenness,
//!             community or -1, {attribute: value}]],
//!  "edges": [[source, target, relation, weight, places, [line, ...]]]}
//! ```
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
    let data = data(graph, m);
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
            other => w.write_all(other.as_bytes())?,
        }
        rest = &rest[end..];
    }
    w.write_all(rest.as_bytes())?;
    Ok(())
}

/// The data object (see the module docs), as JSON safe inside a `<script>`.
fn data(graph: &KnowledgeGraph, m: &Measures) -> String {
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
    let mut file_no: BTreeMap<u32, usize> = BTreeMap::new();
    let mut lines: Vec<Value> = Vec::new();
    let mut line_no: BTreeMap<(u32, u32), usize> = BTreeMap::new();
    for (&f, want) in &wanted {
        let name = graph.file(f);
        file_no.insert(f, files.len());
        let texts = read_lines(graph.source(f), want);
        for &l in want {
            line_no.insert((f, l), lines.len());
            lines.push(json!([files.len(), l, texts.get(&l).map_or("", String::as_str)]));
        }
        files.push(name);
    }
    let nodes: Vec<Value> = order
        .iter()
        .map(|&i| {
            let node = graph.node(idx(i));
            let p = m.positions.get(i).copied().unwrap_or([0.0, 0.0]);
            let v = m.values(i);
            let num = |s: &str| s.parse::<f64>().map_or(Value::Null, Value::from);
            json!([
                node.id,
                node.label,
                kind_no(node.kind),
                p[0],
                p[1],
                m.degree[i],
                m.weighted_degree[i],
                num(&v[2]),
                num(&v[3]),
                m.community[i].map_or(-1, i64::from),
                node.attrs,
            ])
        })
        .collect();
    let edges: Vec<Value> = edges
        .into_iter()
        .map(|(s, t, r, w, count, places)| {
            let refs: Vec<usize> = places.iter().map(|p| line_no[p]).collect();
            json!([s, t, r, w, count, refs])
        })
        .collect();
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
        "files": files,
        "lines": lines,
        "nodes": nodes,
        "edges": edges,
    });
    serde_json::to_string(&doc).unwrap_or_default().replace('<', "\\u003c")
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

    fn data_of(html: &str) -> Value {
        let open = r#"<script type="application/json" id="data">"#;
        let start = html.find(open).expect("data script") + open.len();
        let end = start + html[start..].find("</script>").expect("closed");
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
        let d = data_of(&html);
        let nodes = d["nodes"].as_array().unwrap();
        assert_eq!(nodes.len(), g.node_count());
        assert_eq!(d["edges"].as_array().unwrap().len(), g.edge_count());
        let ids: Vec<&str> = nodes.iter().map(|n| n[0].as_str().unwrap()).collect();
        let mut sorted = ids.clone();
        sorted.sort();
        assert_eq!(ids, sorted);
        // The hostile title `Rust & <Python>` is in the data, its `<` escaped.
        assert!(nodes.iter().any(|n| n[1].as_str().unwrap().contains("<Python>")));
        let json_part = &html[html.find("id=\"data\">").unwrap()..];
        assert!(!json_part[..json_part.find("</script>").unwrap()].contains('<'));
        // PageRank sums to 1.
        let pr: f64 = nodes.iter().map(|n| n[7].as_f64().unwrap()).sum();
        assert!((pr - 1.0).abs() < 1e-5, "{pr}");
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
