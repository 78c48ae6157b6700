//! The one-line summary of a `build` run: what was found in the notes (counted before
//! the view is applied) and, when a view or filter was applied, what was written.

use std::path::PathBuf;
use std::time::Duration;

use crate::graph::KnowledgeGraph;
use crate::ids::NodeKind;
use crate::notes::Warning;
use crate::pipeline::Stats;

/// How many of each thing a graph holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Talk nodes.
    pub talks: usize,
    /// Person nodes that present a talk.
    pub speakers: usize,
    /// Technology nodes.
    pub technologies: usize,
    /// Topic nodes (concepts).
    pub topics: usize,
    /// Organisation nodes.
    pub organizations: usize,
    /// PEP nodes.
    pub peps: usize,
    /// Edges.
    pub edges: usize,
}

impl Counts {
    /// The counts of `graph`.
    pub fn of(graph: &KnowledgeGraph) -> Counts {
        Counts {
            talks: graph.count(NodeKind::Talk),
            speakers: graph.speaker_count(),
            technologies: graph.count(NodeKind::Technology),
            topics: graph.count(NodeKind::Topic),
            organizations: graph.count(NodeKind::Organization),
            peps: graph.count(NodeKind::Pep),
            edges: graph.edge_count(),
        }
    }
}

/// What a run did, for the one-line summary.
#[derive(Debug, Clone)]
pub struct Summary {
    /// Note files read.
    pub files: usize,
    /// What the notes gave, before the view.
    pub found: Counts,
    /// Nodes and edges written, when a view or filter kept part of the graph.
    pub kept: Option<(usize, usize)>,
    /// Wall time.
    pub elapsed: Duration,
    /// Files written.
    pub written: Vec<PathBuf>,
    /// Warnings about the input.
    pub warnings: Vec<Warning>,
    /// Time spent in each stage.
    pub stats: Stats,
}

/// `n` and the noun, singular for one: `1 speaker`, `2 speakers`.
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let c = &self.found;
        write!(
            f,
            "{} read: {}, {}, {}, {}, {}, {}, {}",
            count(self.files, "file", "files"),
            count(c.talks, "talk", "talks"),
            count(c.speakers, "speaker", "speakers"),
            count(c.technologies, "technology", "technologies"),
            count(c.topics, "topic", "topics"),
            count(c.organizations, "organisation", "organisations"),
            count(c.peps, "PEP", "PEPs"),
            count(c.edges, "edge", "edges"),
        )?;
        if let Some((nodes, edges)) = self.kept {
            write!(
                f,
                "; {} and {} written after the view",
                count(nodes, "node", "nodes"),
                count(edges, "edge", "edges")
            )?;
        }
        write!(f, " in {:.1} ms", self.elapsed.as_secs_f64() * 1e3)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(found: Counts, kept: Option<(usize, usize)>) -> String {
        let s = Summary {
            files: 1,
            found,
            kept,
            elapsed: Duration::from_millis(2),
            written: vec![],
            warnings: vec![],
            stats: Stats::default(),
        };
        s.to_string()
    }

    // Issue 19: "1 speakers" is not English.
    #[test]
    fn one_is_singular() {
        let one = Counts { talks: 1, speakers: 1, technologies: 1, topics: 1, organizations: 1, peps: 1, edges: 1 };
        assert_eq!(
            summary(one, None),
            "1 file read: 1 talk, 1 speaker, 1 technology, 1 topic, 1 organisation, 1 PEP, 1 edge in 2.0 ms"
        );
    }

    // Issue 19: after a view the line said "0 talks"; it counts what was found and says
    // what was written.
    #[test]
    fn a_view_says_what_was_written() {
        let found = Counts { talks: 3, speakers: 2, technologies: 5, topics: 3, organizations: 0, peps: 2, edges: 20 };
        assert_eq!(
            summary(found, Some((7, 1))),
            "1 file read: 3 talks, 2 speakers, 5 technologies, 3 topics, 0 organisations, 2 PEPs, 20 edges; \
             7 nodes and 1 edge written after the view in 2.0 ms"
        );
    }
}
