//! `talkgraph neighbors NAME [PATH...] [--depth N] [--kinds LIST] [--json]`: what lies
//! within N steps of an entity.
//!
//! Edges are followed in either direction, through nodes of every kind; `--kinds`
//! chooses which of the nodes reached are listed (`neighbors cpython --depth 2 --kinds
//! person` lists the people two steps away, through their talks). Each node reached is
//! listed with its distance and the link that reached it: the strongest edge from a
//! node one step closer (ties to the smaller id), with its places. Nodes are ordered by
//! distance, then kind, then weight (strongest first), then id.
//!
//! # Text
//!
//! ```text
//! 3 nodes within 1 step of PEP 659 (pep:659)
//! STEP  KIND    WEIGHT  RELATION      NAME (ID)                          VIA           WHERE
//! 1     Talk         1  mentioned by  Speed (talk:day#3)                 pep:659       day.md:7
//! ```
//!
//! # JSON
//!
//! `id`, `name`, `kind`, `depth`, and `nodes`: each `step`, `id`, `name`, `kind`,
//! `via` (the id one step closer), `relation` (read from `via`), `weight`, `places`.

use std::io;

use serde::Serialize;

use super::{kind_name, Input};
use crate::graph::{KnowledgeGraph, NodeKind};
use crate::Error;

/// How many places of a link are listed.
const PLACES: usize = 3;

/// The neighbourhood of one entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Neighbourhood {
    /// The entity's id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its kind.
    #[serde(serialize_with = "kind_name")]
    pub kind: NodeKind,
    /// How many steps were followed.
    pub depth: u32,
    /// The nodes reached (of the kinds asked for).
    pub nodes: Vec<Near>,
}

/// A node reached.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Near {
    /// Steps from the entity.
    pub step: u32,
    /// Graph id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Kind.
    #[serde(serialize_with = "kind_name")]
    pub kind: NodeKind,
    /// The node one step closer it was reached from.
    pub via: String,
    /// The relation from `via` to it.
    pub relation: String,
    /// That edge's weight.
    pub weight: u32,
    /// Where that edge was seen (`file:line`, at most three).
    pub places: Vec<String>,
}

/// The nodes within `depth` steps of the one `name` names, of the `kinds` given (all
/// when `None`).
pub fn neighbors(
    graph: &KnowledgeGraph,
    name: &str,
    depth: u32,
    kinds: Option<&[NodeKind]>,
) -> Result<Neighbourhood, Error> {
    let start = super::resolve(graph, name, "neighbors")?;
    let mut step = vec![u32::MAX; graph.node_count()];
    step[start.index()] = 0;
    let mut layer = vec![start];
    let mut found: Vec<Near> = Vec::new();
    for d in 1..=depth {
        // The best link into each node of the next layer: (weight, via id) ordered so
        // the strongest, then the smallest id, wins.
        let mut best: std::collections::BTreeMap<usize, Near> = std::collections::BTreeMap::new();
        for &u in &layer {
            for (v, e, out) in graph.incident(u) {
                if step[v.index()] < d {
                    continue;
                }
                let via = &graph.node(u).id;
                let better =
                    best.get(&v.index()).is_none_or(|b| e.weight > b.weight || (e.weight == b.weight && *via < b.via));
                if better {
                    let n = graph.node(v);
                    best.insert(
                        v.index(),
                        Near {
                            step: d,
                            id: n.id.clone(),
                            name: n.label.clone(),
                            kind: n.kind,
                            via: via.clone(),
                            relation: e.kind.reading(out).to_string(),
                            weight: e.weight,
                            places: graph.evidence(e).take(PLACES).map(|a| a.to_string()).collect(),
                        },
                    );
                }
            }
        }
        layer = best.keys().map(|&i| crate::graph::NodeId::new(i)).collect();
        for &v in &layer {
            step[v.index()] = d;
        }
        found.extend(best.into_values());
        if layer.is_empty() {
            break;
        }
    }
    found.retain(|n| kinds.is_none_or(|k| k.contains(&n.kind)));
    found.sort_by(|a, b| {
        a.step.cmp(&b.step).then(a.kind.cmp(&b.kind)).then(b.weight.cmp(&a.weight)).then_with(|| a.id.cmp(&b.id))
    });
    let node = graph.node(start);
    Ok(Neighbourhood { id: node.id.clone(), name: node.label.clone(), kind: node.kind, depth, nodes: found })
}

/// Reads the notes of `input` and answers `neighbors`, with the warnings about the input.
pub fn run(
    input: &Input,
    name: &str,
    depth: u32,
    kinds: Option<&[NodeKind]>,
) -> Result<(Neighbourhood, Vec<crate::Warning>), Error> {
    let (built, _) = super::load(input)?;
    Ok((neighbors(&built.graph, name, depth, kinds)?, built.warnings))
}

/// Writes the neighbourhood as an aligned table (see the module docs).
pub fn write_text(n: &Neighbourhood, mut w: impl io::Write) -> io::Result<()> {
    let s = |k: usize, one: &str| format!("{k} {one}{}", if k == 1 { "" } else { "s" });
    writeln!(w, "{} within {} of {} ({})", s(n.nodes.len(), "node"), s(n.depth as usize, "step"), n.name, n.id)?;
    if n.nodes.is_empty() {
        return Ok(());
    }
    let rows: Vec<[String; 7]> = n
        .nodes
        .iter()
        .map(|x| {
            [
                x.step.to_string(),
                x.kind.name().to_string(),
                x.weight.to_string(),
                x.relation.clone(),
                format!("{} ({})", super::clip(&x.name, 60), x.id),
                x.via.clone(),
                x.places.join(", "),
            ]
        })
        .collect();
    let head = ["STEP", "KIND", "WEIGHT", "RELATION", "NAME (ID)", "VIA", "WHERE"].map(String::from);
    let mut width = [0usize; 6];
    for r in std::iter::once(&head).chain(&rows) {
        for (wd, c) in width.iter_mut().zip(r.iter()) {
            *wd = (*wd).max(c.chars().count());
        }
    }
    for r in std::iter::once(&head).chain(&rows) {
        let mut line = String::new();
        for (i, c) in r.iter().enumerate() {
            if i == 6 {
                line.push_str(c);
            } else if i == 2 {
                line.push_str(&format!("{c:>w$}  ", w = width[i]));
            } else {
                line.push_str(&format!("{c:<w$}  ", w = width[i]));
            }
        }
        writeln!(w, "{}", line.trim_end())?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Knowledge;

    fn graph() -> (tempfile::TempDir, KnowledgeGraph) {
        let dir = tempfile::tempdir().expect("temp dir");
        let note = "# PyCon Test 2024\n\n## Talk 1: Speed\n\nMark Shannon\n\nCPython and PEP 659.\n\n## Talk 2: Arrays\n\nAnn Lee\n\nNumPy and CPython.\n";
        std::fs::write(dir.path().join("day.md"), note).expect("write");
        let built = crate::build_graph(&[dir.path().join("day.md")], &Knowledge::builtin(), Some(1)).expect("builds");
        (dir, built.graph)
    }

    #[test]
    fn depth_one_lists_direct_links_strongest_first() {
        let (_dir, g) = graph();
        let n = neighbors(&g, "cpython", 1, None).expect("known");
        let got: Vec<(u32, &str, &str)> =
            n.nodes.iter().map(|x| (x.step, x.id.as_str(), x.relation.as_str())).collect();
        assert!(got.contains(&(1, "talk:day#3", "mentioned by")), "{got:?}");
        assert!(got.contains(&(1, "technology:numpy", "co_mentioned")), "{got:?}");
        assert!(got.iter().all(|x| x.0 == 1));
        let talk = n.nodes.iter().find(|x| x.id == "talk:day#9").expect("reached");
        assert_eq!(talk.places.len(), 1);
        assert!(talk.places[0].ends_with("/day.md:13"), "{:?}", talk.places);
    }

    #[test]
    fn kinds_filter_what_is_listed_not_the_way_there() {
        let (_dir, g) = graph();
        let n = neighbors(&g, "cpython", 2, Some(&[NodeKind::Person])).expect("known");
        let ids: Vec<&str> = n.nodes.iter().map(|x| x.id.as_str()).collect();
        // Both speakers, through their talks; Mark Shannon also as PEP 659's author.
        assert!(ids.contains(&"person:ann-lee") && ids.contains(&"person:mark-shannon"), "{ids:?}");
        assert!(n.nodes.iter().all(|x| x.kind == NodeKind::Person && x.step == 2));
        let mut out = Vec::new();
        write_text(&n, &mut out).expect("to memory");
        let text = String::from_utf8(out).expect("utf-8");
        assert!(text.starts_with("2 nodes within 2 steps of CPython (technology:cpython)\nSTEP"), "{text}");
    }
}
