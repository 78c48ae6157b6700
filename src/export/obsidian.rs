//! `--format obsidian`: the graph as an Obsidian vault, the folder `obsidian/` in the
//! output folder.
//!
//! # Contract
//!
//! - One Markdown note per node, named after its label, made safe for every file
//!   system (no `\ / : * ? " < > | # ^ [ ]` or control characters, no trailing dot or
//!   space, no reserved Windows name such as `CON`, at most 120 bytes) and unique
//!   ignoring case (a clash gets the kind, then the id, in parentheses).
//! - Each note opens with YAML front matter: `id`, `kind`, `aliases` (a list, as
//!   Obsidian reads it), the node's attributes (`category`, `homepage`, `title`,
//!   `status`, ...), and its measures `degree` and `weighted_degree`. Every string is
//!   a double-quoted scalar (JSON escaping, which YAML reads the same).
//! - Then `# Label`, a `## Links` list: one line per edge, `relation [[Other note]]
//!   (×weight)`, strongest first; every wikilink names a note of the vault.
//! - Then `## Evidence`: every `file:line` behind its edges, with the relation and the
//!   other end.
//!
//! - `topics.canvas`: the topic map as a [JSON Canvas 1.0](https://jsoncanvas.org/spec/1.0/)
//!   file, the format of Obsidian's canvases: one text node per topic (its
//!   `[[wikilink]]`, so a click opens its note) at the force layout's position, filled
//!   with its community's colour, and one edge per co-mention. Sorted by id; integer
//!   coordinates, so the same notes give the same bytes.
//!
//! The vault is written with the other outputs of the run and switched in with them
//! ([`super::publish`]); a vault already there is replaced whole.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use super::{palette, ExportError};
use crate::graph::{EdgeKind, KnowledgeGraph, NodeId, NodeKind};

/// The vault's folder name in the output folder.
pub const FOLDER: &str = "obsidian";

/// The topic map's canvas, in the vault.
pub const CANVAS: &str = "topics.canvas";

/// Names reserved by Windows, whatever the extension.
const RESERVED: &[&str] = &[
    "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1", "LPT2",
    "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
];

/// A label made into a file name (without `.md`) that every OS accepts and that a
/// wikilink can name (see the module docs).
///
/// ```
/// use talkgraph::export::obsidian::file_name;
/// assert_eq!(file_name("Spy: static python"), "Spy - static python");
/// assert_eq!(file_name("a/b|c#d"), "a-b-c-d");
/// assert_eq!(file_name("con"), "con_");
/// assert_eq!(file_name("..."), "_");
/// ```
pub fn file_name(label: &str) -> String {
    let mut s = String::with_capacity(label.len());
    for c in label.chars() {
        match c {
            ':' => s.push_str(" -"),
            '\\' | '/' | '*' | '?' | '"' | '<' | '>' | '|' | '#' | '^' | '[' | ']' => s.push('-'),
            c if c.is_control() => s.push(' '),
            c => s.push(c),
        }
    }
    let mut s: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    // At most 120 bytes, cut on a character boundary.
    if s.len() > 120 {
        let mut end = 120;
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        s.truncate(end);
    }
    let trimmed = s.trim_end_matches(['.', ' ']).trim_start_matches(['.', ' ']).to_string();
    if trimmed.is_empty() {
        return "_".into();
    }
    let stem = trimmed.split('.').next().unwrap_or("");
    if RESERVED.iter().any(|r| r.eq_ignore_ascii_case(stem)) {
        return format!("{trimmed}_");
    }
    trimmed
}

/// Every node's note name, unique ignoring case: the label's [`file_name`], then with
/// the kind, then with the id, in parentheses.
pub fn note_names(graph: &KnowledgeGraph) -> Vec<String> {
    let mut count: BTreeMap<String, usize> = BTreeMap::new();
    for (_, n) in graph.nodes() {
        *count.entry(file_name(&n.label).to_lowercase()).or_default() += 1;
    }
    let mut taken: BTreeMap<String, ()> = BTreeMap::new();
    let mut names = Vec::with_capacity(graph.node_count());
    for (_, n) in graph.nodes() {
        let base = file_name(&n.label);
        let mut candidates = vec![];
        if count[&base.to_lowercase()] == 1 {
            candidates.push(base.clone());
        }
        candidates.push(file_name(&format!("{base} ({})", n.kind)));
        candidates.push(file_name(&format!("{base} ({})", n.id.replace(':', " "))));
        let mut name = candidates.into_iter().find(|c| !taken.contains_key(&c.to_lowercase()));
        let mut i = 2;
        while name.is_none() {
            let c = file_name(&format!("{base} {i}"));
            if !taken.contains_key(&c.to_lowercase()) {
                name = Some(c);
            }
            i += 1;
        }
        let name = name.expect("found above");
        taken.insert(name.to_lowercase(), ());
        names.push(name);
    }
    names
}

/// A YAML double-quoted scalar (JSON's string escaping, which YAML reads the same).
fn yaml(s: &str) -> String {
    serde_json::to_string(s).expect("a string always serialises")
}

/// Writes every note of the vault into `dir` (an empty folder).
pub fn write_notes(graph: &KnowledgeGraph, dir: &Path) -> Result<(), ExportError> {
    let names = note_names(graph);
    let io = |p: &Path| {
        let p = p.to_path_buf();
        move |e| ExportError::Io(p, e)
    };
    for (i, n) in graph.nodes() {
        let path = dir.join(format!("{}.md", names[i.index()]));
        let mut text = String::new();
        text.push_str("---\n");
        text.push_str(&format!("id: {}\nkind: {}\n", yaml(&n.id), yaml(n.kind.name())));
        if n.aliases.is_empty() {
            text.push_str("aliases: []\n");
        } else {
            text.push_str("aliases:\n");
            for a in &n.aliases {
                text.push_str(&format!("  - {}\n", yaml(a)));
            }
        }
        for (k, v) in n.attrs.iter() {
            text.push_str(&format!("{k}: {}\n", yaml(&v.to_text())));
        }
        let links = links(graph, i);
        let degree = links.len();
        let weighted: u64 = links.iter().map(|l| u64::from(l.1)).sum();
        text.push_str(&format!("degree: {degree}\nweighted_degree: {weighted}\n"));
        // The measures, when computed (every CLI run): PageRank, betweenness and the
        // community of the topic map, as every format writes them.
        if let Some(m) = graph.measures() {
            let [_, _, pagerank, betweenness, community, label] = m.values(i.index());
            text.push_str(&format!("pagerank: {pagerank}\nbetweenness: {betweenness}\n"));
            if !community.is_empty() {
                text.push_str(&format!("community: {community}\ncommunity_label: {}\n", yaml(&label)));
            }
        }
        text.push_str("---\n\n");
        text.push_str(&format!("# {}\n", n.label.replace('\n', " ")));
        if !links.is_empty() {
            text.push_str("\n## Links\n\n");
            let mut by_weight = links.clone();
            by_weight.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            for (other, weight, rel, _) in &by_weight {
                text.push_str(&format!("- {rel} [[{}]] (×{weight})\n", names[other.index()]));
            }
        }
        let mut evidence: Vec<String> = Vec::new();
        for (other, _, rel, places) in &links {
            let name = &names[other.index()];
            evidence.extend(places.iter().map(|p| format!("- {p}: {rel} [[{name}]]\n")));
        }
        if !evidence.is_empty() {
            text.push_str("\n## Evidence\n\n");
            for e in evidence {
                text.push_str(&e);
            }
        }
        let mut f = std::fs::File::create(&path).map_err(io(&path))?;
        f.write_all(text.as_bytes()).map_err(io(&path))?;
    }
    let path = dir.join(CANVAS);
    let mut text = serde_json::to_string_pretty(&canvas(graph, &names)).expect("JSON always serialises");
    text.push('\n');
    std::fs::write(&path, text).map_err(io(&path))?;
    Ok(())
}

/// A canvas cell: a box is one or more cells wide, one high, less a gap of 20 px.
const CELL_W: i64 = 110;
const CELL_H: i64 = 80;

/// The cells of the canvas taken so far.
#[derive(Default)]
struct Grid {
    taken: std::collections::HashSet<(i64, i64)>,
}

impl Grid {
    /// The free run of `cells` cells nearest `want` (rings of growing radius around
    /// it, each walked in a fixed order), now taken.
    fn place(&mut self, want: (i64, i64), cells: i64) -> (i64, i64) {
        let free = |g: &Grid, (x, y): (i64, i64)| (0..cells).all(|d| !g.taken.contains(&(x + d, y)));
        let mut r = 0i64;
        loop {
            let ring = (-r..=r)
                .flat_map(|dy| (-r..=r).map(move |dx| (dx, dy)))
                .filter(|&(dx, dy)| dx.abs().max(dy.abs()) == r);
            if let Some((dx, dy)) = ring.into_iter().find(|&(dx, dy)| free(self, (want.0 + dx, want.1 + dy))) {
                let at = (want.0 + dx, want.1 + dy);
                self.taken.extend((0..cells).map(|d| (at.0 + d, at.1)));
                return at;
            }
            r += 1;
        }
    }
}

/// Whether a node of this kind is in the topic map.
fn is_topic(kind: NodeKind) -> bool {
    matches!(kind, NodeKind::Technology | NodeKind::Topic | NodeKind::Organization | NodeKind::Pep)
}

/// The topic map as a JSON Canvas document (see the module docs): the topics that
/// share a co-mention, placed by the layout when the graph has positions (else on a
/// grid), spread so that a node's box is about a fifth of the distance between
/// neighbours.
pub fn canvas(graph: &KnowledgeGraph, names: &[String]) -> serde_json::Value {
    use serde_json::json;
    let mut edges: Vec<(NodeId, NodeId, u32)> = graph
        .edge_indices()
        .filter(|(s, t, e)| {
            e.kind == EdgeKind::CoMentioned && is_topic(graph.node(*s).kind) && is_topic(graph.node(*t).kind)
        })
        .map(|(s, t, e)| (s, t, e.weight))
        .collect();
    let mut nodes: Vec<NodeId> = edges.iter().flat_map(|&(s, t, _)| [s, t]).collect();
    nodes.sort_by(|a, b| graph.node(*a).id.cmp(&graph.node(*b).id));
    nodes.dedup();
    edges.sort_by(|a, b| (&graph.node(a.0).id, &graph.node(a.1).id).cmp(&(&graph.node(b.0).id, &graph.node(b.1).id)));
    let measures = graph.measures();
    let positions = measures.map(|m| m.positions.as_slice()).filter(|p| !p.is_empty());
    let side = (nodes.len() as f64).sqrt().ceil().max(1.0);
    let place = |i: usize, n: NodeId| -> [f64; 2] {
        match positions {
            Some(p) => p[n.index()],
            None => [(i as f64 % side) * 100.0, (i as f64 / side).floor() * 100.0],
        }
    };
    let raw: Vec<[f64; 2]> = nodes.iter().enumerate().map(|(i, &n)| place(i, n)).collect();
    // The layout's units are its own: scale so that the map is about 300 px per node
    // on a side of the square it would fill, then snap each box onto a grid of free
    // cells, the strongest topics first, so that no two boxes overlap.
    let (lo, hi) = raw.iter().fold(([f64::MAX; 2], [f64::MIN; 2]), |(lo, hi), p| {
        ([lo[0].min(p[0]), lo[1].min(p[1])], [hi[0].max(p[0]), hi[1].max(p[1])])
    });
    let extent = (hi[0] - lo[0]).max(hi[1] - lo[1]).max(f64::EPSILON);
    let scale = side * 300.0 / extent;
    let strength = |n: NodeId| measures.and_then(|m| m.weighted_degree.get(n.index()).copied()).unwrap_or(0);
    let mut order: Vec<usize> = (0..nodes.len()).collect();
    order.sort_by(|&a, &b| strength(nodes[b]).cmp(&strength(nodes[a])).then_with(|| a.cmp(&b)));
    let mut grid = Grid::default();
    let mut boxes = vec![(0i64, 0i64, 0i64); nodes.len()];
    for i in order {
        let label = names[nodes[i].index()].chars().count().min(40) as i64;
        let cells = (40 + 10 * label + CELL_W - 1) / CELL_W;
        let want = (
            (((raw[i][0] - lo[0]) * scale) / CELL_W as f64).round() as i64,
            (((raw[i][1] - lo[1]) * scale) / CELL_H as f64).round() as i64,
        );
        let (cx, cy) = grid.place(want, cells);
        boxes[i] = (cx * CELL_W, cy * CELL_H, cells * CELL_W - 20);
    }
    let canvas_nodes: Vec<serde_json::Value> = nodes
        .iter()
        .zip(&boxes)
        .map(|(&n, &(x, y, width))| {
            let node = graph.node(n);
            let name = &names[n.index()];
            let mut v = json!({
                "id": node.id,
                "type": "text",
                "text": format!("[[{name}]]"),
                "x": x,
                "y": y,
                "width": width,
                "height": CELL_H - 20,
            });
            if let Some(c) = measures.and_then(|m| m.community.get(n.index()).copied().flatten()) {
                v["color"] = json!(palette::community_hex(c));
            }
            v
        })
        .collect();
    let canvas_edges: Vec<serde_json::Value> = edges
        .iter()
        .map(|&(s, t, w)| {
            let (a, b) = (&graph.node(s).id, &graph.node(t).id);
            let mut v = json!({ "id": format!("{a}--{b}"), "fromNode": a, "toNode": b, "toEnd": "none" });
            if w > 1 {
                v["label"] = json!(format!("×{w}"));
            }
            v
        })
        .collect();
    json!({ "nodes": canvas_nodes, "edges": canvas_edges })
}

/// A node's edges: (other end, weight, relation read from the node, places), in graph
/// order.
fn links(graph: &KnowledgeGraph, n: NodeId) -> Vec<(NodeId, u32, String, Vec<String>)> {
    graph
        .incident(n)
        .into_iter()
        .map(|(o, e, out)| {
            (o, e.weight, e.kind.reading(out).to_string(), graph.evidence(e).map(|a| a.to_string()).collect())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    // Issue 17: the front matter carries the measures and the community.
    #[test]
    fn front_matter_has_measures_and_community() {
        let g = crate::export::fixtures::sample_graph().with_measures(None, false);
        let dir = tempfile::tempdir().unwrap();
        write_notes(&g, dir.path()).unwrap();
        let m = g.measures().unwrap();
        let names = note_names(&g);
        let mut with_community = 0;
        for (i, _) in g.nodes() {
            let text = std::fs::read_to_string(dir.path().join(format!("{}.md", names[i.index()]))).unwrap();
            let front = text.split("---\n").nth(1).unwrap();
            let v = m.values(i.index());
            assert!(front.contains(&format!("pagerank: {}\n", v[2])), "{front}");
            assert!(front.contains(&format!("betweenness: {}\n", v[3])), "{front}");
            if let Some(c) = m.community_of(i.index()) {
                with_community += 1;
                assert!(
                    front.contains(&format!("community: {}\ncommunity_label: {}\n", c.id, yaml(&c.label))),
                    "{front}"
                );
            } else {
                assert!(!front.contains("community:"), "{front}");
            }
        }
        assert!(with_community > 0);
    }

    #[test]
    fn file_names_are_safe_everywhere() {
        for (label, want) in [
            ("CPython", "CPython"),
            ("Rust & <Python>, \"fast\"\\", "Rust & -Python-, -fast--"),
            ("=Ana \"Ló\" 🐍", "=Ana -Ló- 🐍"),
            ("a\nb\tc", "a b c"),
            ("  . hidden .", "hidden"),
            ("LPT1.txt", "LPT1.txt_"),
            ("[[x]]", "--x--"),
        ] {
            assert_eq!(file_name(label), want, "{label:?}");
        }
        let long = "é".repeat(100);
        assert!(file_name(&long).len() <= 120);
    }

    #[test]
    fn names_are_unique_ignoring_case() {
        let g = crate::export::fixtures::sample_graph();
        let names = note_names(&g);
        let mut lower: Vec<String> = names.iter().map(|n| n.to_lowercase()).collect();
        lower.sort();
        lower.dedup();
        assert_eq!(lower.len(), names.len(), "{names:?}");
    }
}
