//! `talkgraph path A B [PATH...] [--json]`: the shortest paths between two entities,
//! each step with the lines behind it.
//!
//! Edges are followed in either direction, every kind alike (a step is one edge,
//! whatever its weight). Every shortest path is counted; the first [`MAX_PATHS`] are
//! given, in a fixed order: from `A`, each step takes the strongest link first, then the
//! smaller id. A step lists every edge between its two ends with its evidence; a
//! `co_mentioned` step's evidence is the two mentions in each talk that names both.
//!
//! # Text
//!
//! ```text
//! 2 shortest paths of 2 steps from Mark Shannon (person:mark-shannon) to PEP 659 (pep:659)
//!
//! path 1:
//!   Mark Shannon (person:mark-shannon)
//!   -- presented -> Faster CPython (talk:day#3)
//!     day.md:5  Mark Shannon
//!   ...
//! ```
//!
//! # JSON
//!
//! `from`, `to` (`id`, `name`, `kind`), `length` (steps; absent when no path),
//! `total` (shortest paths, all counted), `paths`: each a list of `steps` (`from`,
//! `to`: ids; `name`, `kind` of `to`; `links`: `relation`, `weight`, `evidence`).

use std::collections::VecDeque;
use std::io;

use serde::Serialize;

use super::{kind_name, Input, Lines, Quote};
use crate::graph::{EdgeKind, KnowledgeGraph, NodeId, NodeKind};
use crate::Error;

/// At most this many paths are listed (all are counted).
pub const MAX_PATHS: usize = 10;
/// At most this many places are quoted per link.
const QUOTES: usize = 3;

/// The answer of `path`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PathAnswer {
    /// Where the paths start.
    pub from: End,
    /// Where they end.
    pub to: End,
    /// Steps in a shortest path; none when the two are not connected.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub length: Option<usize>,
    /// How many shortest paths there are (at most [`MAX_PATHS`] are listed).
    pub total: u64,
    /// The paths listed.
    pub paths: Vec<Vec<Step>>,
}

/// One end of the question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct End {
    /// Graph id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Kind.
    #[serde(serialize_with = "kind_name")]
    pub kind: NodeKind,
}

/// One step of a path.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Step {
    /// The id it leaves.
    pub from: String,
    /// The id it reaches.
    pub to: String,
    /// The name of the node reached.
    pub name: String,
    /// Its kind.
    #[serde(serialize_with = "kind_name")]
    pub kind: NodeKind,
    /// Every edge between the two, read from `from`.
    pub links: Vec<StepLink>,
}

/// One edge of a step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StepLink {
    /// The relation read from the step's start (`mentions`, `mentioned by`).
    pub relation: String,
    /// Its weight.
    pub weight: u32,
    /// The lines behind it.
    pub evidence: Vec<Quote>,
}

fn end(graph: &KnowledgeGraph, n: NodeId) -> End {
    let node = graph.node(n);
    End { id: node.id.clone(), name: node.label.clone(), kind: node.kind }
}

/// Each node's neighbours (either direction, without repeats) with the weight of the
/// strongest edge to it, strongest first, then by id.
fn adjacency(graph: &KnowledgeGraph) -> Vec<Vec<(usize, u32)>> {
    let mut adj: Vec<Vec<(usize, u32)>> = vec![Vec::new(); graph.node_count()];
    for (s, t, e) in graph.edge_indices() {
        for (a, b) in [(s.index(), t.index()), (t.index(), s.index())] {
            match adj[a].iter_mut().find(|(o, _)| *o == b) {
                Some(x) => x.1 = x.1.max(e.weight),
                None => adj[a].push((b, e.weight)),
            }
        }
    }
    let ids: Vec<&str> = graph.nodes().map(|(_, n)| n.id.as_str()).collect();
    for list in &mut adj {
        list.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| ids[a.0].cmp(ids[b.0])));
    }
    adj
}

/// Steps from `from` to every node (`usize::MAX` when unreachable).
fn distances(adj: &[Vec<(usize, u32)>], from: usize) -> Vec<usize> {
    let mut dist = vec![usize::MAX; adj.len()];
    dist[from] = 0;
    let mut queue = VecDeque::from([from]);
    while let Some(u) = queue.pop_front() {
        for &(v, _) in &adj[u] {
            if dist[v] == usize::MAX {
                dist[v] = dist[u] + 1;
                queue.push_back(v);
            }
        }
    }
    dist
}

/// The shortest paths between the nodes named `a` and `b` in `graph`.
pub fn path(graph: &KnowledgeGraph, a: &str, b: &str) -> Result<PathAnswer, Error> {
    let from = super::resolve(graph, a, "path")?;
    let to = super::resolve(graph, b, "path")?;
    let adj = adjacency(graph);
    let (da, db) = (distances(&adj, from.index()), distances(&adj, to.index()));
    let d = da[to.index()];
    let mut answer = PathAnswer { from: end(graph, from), to: end(graph, to), length: None, total: 0, paths: vec![] };
    if d == usize::MAX {
        return Ok(answer);
    }
    let on_path = |v: usize| da[v] != usize::MAX && db[v] != usize::MAX && da[v] + db[v] == d;
    // Shortest paths from `from` to each node on one, counted layer by layer.
    let mut order: Vec<usize> = (0..adj.len()).filter(|&v| on_path(v)).collect();
    order.sort_by_key(|&v| da[v]);
    let mut count = vec![0u64; adj.len()];
    count[from.index()] = 1;
    for &u in &order {
        for &(v, _) in &adj[u] {
            if on_path(v) && da[v] == da[u] + 1 {
                count[v] = count[v].saturating_add(count[u]);
            }
        }
    }
    answer.length = Some(d);
    answer.total = count[to.index()];
    // The first MAX_PATHS in order, depth first.
    let mut found: Vec<Vec<usize>> = Vec::new();
    let mut stack = vec![from.index()];
    walk(&adj, &da, &on_path, to.index(), &mut stack, &mut found);
    let mut lines = Lines::default();
    answer.paths = found
        .into_iter()
        .map(|nodes| nodes.windows(2).map(|w| step(graph, &mut lines, w[0], w[1])).collect())
        .collect();
    Ok(answer)
}

fn walk(
    adj: &[Vec<(usize, u32)>],
    da: &[usize],
    on_path: &dyn Fn(usize) -> bool,
    to: usize,
    stack: &mut Vec<usize>,
    found: &mut Vec<Vec<usize>>,
) {
    let u = *stack.last().expect("the walk starts with one node");
    if u == to {
        found.push(stack.clone());
        return;
    }
    for &(v, _) in &adj[u] {
        if found.len() >= MAX_PATHS {
            return;
        }
        if on_path(v) && da[v] == da[u] + 1 {
            stack.push(v);
            walk(adj, da, on_path, to, stack, found);
            stack.pop();
        }
    }
}

/// The step from `u` to `v`: every edge between them, with evidence.
fn step(graph: &KnowledgeGraph, lines: &mut Lines, u: usize, v: usize) -> Step {
    let (u, v) = (NodeId::new(u), NodeId::new(v));
    let links = graph
        .incident(u)
        .into_iter()
        .filter(|(o, _, _)| *o == v)
        .map(|(_, e, out)| StepLink {
            relation: e.kind.reading(out).to_string(),
            weight: e.weight,
            evidence: if e.kind == EdgeKind::CoMentioned {
                let places = super::shared_talks(graph, u, v).into_iter().flat_map(|(_, p)| p);
                places.take(QUOTES).map(|p| lines.quote(graph, p)).collect()
            } else {
                lines.quotes(graph, e, QUOTES)
            },
        })
        .collect();
    let node = graph.node(v);
    Step { from: graph.node(u).id.clone(), to: node.id.clone(), name: node.label.clone(), kind: node.kind, links }
}

/// Reads the notes of `input` and answers `path a b`, with the warnings about the input.
pub fn run(input: &Input, a: &str, b: &str) -> Result<(PathAnswer, Vec<crate::Warning>), Error> {
    let (built, _) = super::load(input)?;
    Ok((path(&built.graph, a, b)?, built.warnings))
}

/// Writes the answer as text (see the module docs).
pub fn write_text(p: &PathAnswer, mut w: impl io::Write) -> io::Result<()> {
    let (from, to) = (format!("{} ({})", p.from.name, p.from.id), format!("{} ({})", p.to.name, p.to.id));
    let Some(len) = p.length else {
        return writeln!(w, "no path from {from} to {to}: they are not connected");
    };
    let plural = |n: u64, s: &str| format!("{n} {s}{}", if n == 1 { "" } else { "s" });
    writeln!(w, "{} of {} from {from} to {to}", plural(p.total, "shortest path"), plural(len as u64, "step"))?;
    if p.total > p.paths.len() as u64 {
        writeln!(w, "(the first {} listed)", p.paths.len())?;
    }
    for (i, steps) in p.paths.iter().enumerate() {
        writeln!(w, "\npath {}:", i + 1)?;
        writeln!(w, "  {from}")?;
        for s in steps {
            let rel: Vec<String> = s.links.iter().map(|l| format!("{} ×{}", l.relation, l.weight)).collect();
            writeln!(w, "  -- {} -> {} ({})", rel.join(", "), s.name, s.to)?;
            for l in &s.links {
                super::explain::write_quotes(&mut w, &l.evidence)?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Knowledge;

    fn graph() -> (tempfile::TempDir, KnowledgeGraph) {
        let dir = tempfile::tempdir().expect("temp dir");
        let note = "# PyCon Test 2024\n\n## Talk 1: Faster CPython\n\nMark Shannon\n\nCPython and PEP 659.\n\n## Talk 2: Arrays\n\nAnn Lee\n\nNumPy and CPython.\n\n## Talk 3: Alone\n\nBo Chen\n\nNothing named here.\n";
        std::fs::write(dir.path().join("day.md"), note).expect("write");
        let built = crate::build_graph(&[dir.path().join("day.md")], &Knowledge::builtin(), Some(1)).expect("builds");
        (dir, built.graph)
    }

    #[test]
    fn finds_every_shortest_path_with_evidence() {
        let (_dir, g) = graph();
        let p = path(&g, "Ann Lee", "PEP 659").expect("known names");
        assert_eq!(p.length, Some(3));
        let ids: Vec<Vec<&str>> = p.paths.iter().map(|s| s.iter().map(|s| s.to.as_str()).collect()).collect();
        assert!(ids.contains(&vec!["talk:day#9", "technology:cpython", "pep:659"]), "{ids:?}");
        assert_eq!(p.total as usize, p.paths.len());
        let first = &p.paths[0][0];
        assert_eq!(first.links[0].relation, "presented");
        assert_eq!(first.links[0].evidence[0].text, "Ann Lee");
        // Text lists the lines.
        let mut out = Vec::new();
        write_text(&p, &mut out).expect("to memory");
        let text = String::from_utf8(out).expect("utf-8");
        assert!(text.contains("of 3 steps from Ann Lee (person:ann-lee) to PEP 659 (pep:659)"), "{text}");
        assert!(text.contains("day.md:11  Ann Lee"), "{text}");
    }

    #[test]
    fn co_mention_steps_quote_both_mentions() {
        let (_dir, g) = graph();
        let p = path(&g, "numpy", "cpython").expect("known");
        assert_eq!(p.length, Some(1));
        let link = &p.paths[0][0].links[0];
        assert_eq!(link.relation, "co_mentioned");
        assert_eq!(link.evidence.iter().map(|q| q.line).collect::<Vec<_>>(), [13]);
    }

    #[test]
    fn same_order_every_time_and_unknown_names_fail() {
        let (_dir, g) = graph();
        assert_eq!(path(&g, "Bo Chen", "NumPy").expect("a"), path(&g, "Bo Chen", "NumPy").expect("b"));
        let err = path(&g, "Bo Chen", "nmupy").unwrap_err().to_string();
        assert!(err.starts_with("path \"nmupy\": no node"), "{err}");
    }
}
