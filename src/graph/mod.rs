//! Stage 3 of the pipeline: the knowledge graph. Typed nodes (events, talks, people,
//! technologies, organisations, PEPs, Python versions) and typed, weighted edges, each
//! keeping the file and line of every mention behind it.
//!
//! Ids are derived from the kind and the normalised name (`technology:cpython`,
//! `pep:659`, `person:mark-shannon`, `talk:europython-2023-day1#22`), so they are the
//! same on every run. [`GraphBuilder::finish`] orders nodes by kind and id and edges by
//! their ends, so the graph — and every output — is identical whatever order the files
//! were read in.

mod build;
mod evidence;
pub mod layout;
pub mod measures;
mod node;
mod view;

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;

pub use crate::extract::Confidence;
pub use build::GraphBuilder;
pub use evidence::{push_number, At, Evidence, Files, Place};
pub use measures::Measures;
pub use node::{Attr, AttrValue, Attrs, Node, TalkAt};
pub use view::{View, ViewError, ViewOptions};

pub use crate::ids::NodeKind;

/// The hash maps of the builder and the graph's id index: keys are small integers and
/// ids made by us, so a fast non-cryptographic hash does (seeded per process, so no
/// input can choose them to collide on purpose cheaply enough to matter).
pub(crate) type FastMap<K, V> = HashMap<K, V, foldhash::fast::RandomState>;

/// The kind of an edge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EdgeKind {
    /// Talk → event, or day → conference.
    PartOf,
    /// Talk → person.
    PresentedBy,
    /// Talk (a panel) → the person who moderates it.
    ModeratedBy,
    /// Talk → technology, organisation, PEP or version.
    Mentions,
    /// Person → PEP.
    Authored,
    /// Technology → organisation behind it.
    DevelopedBy,
    /// Version → the language it is a version of.
    VersionOf,
    /// Topic ↔ topic, weighted by the number of talks that mention both (stored once,
    /// from the smaller id to the larger).
    CoMentioned,
    /// Person → topic they spoke about: derived by the `speakers` view from
    /// `presented_by` + `mentions`, weighted by the number of their talks that mention it.
    /// Never built by [`GraphBuilder`].
    SpokeAbout,
}

impl EdgeKind {
    /// Every kind.
    pub const ALL: [EdgeKind; 9] = [
        EdgeKind::PartOf,
        EdgeKind::PresentedBy,
        EdgeKind::ModeratedBy,
        EdgeKind::Mentions,
        EdgeKind::Authored,
        EdgeKind::DevelopedBy,
        EdgeKind::VersionOf,
        EdgeKind::CoMentioned,
        EdgeKind::SpokeAbout,
    ];

    /// The relation's name in outputs (`part_of`, `presented_by`, `mentions`, ...).
    pub fn name(self) -> &'static str {
        match self {
            EdgeKind::PartOf => "part_of",
            EdgeKind::PresentedBy => "presented_by",
            EdgeKind::ModeratedBy => "moderated_by",
            EdgeKind::Mentions => "mentions",
            EdgeKind::Authored => "authored",
            EdgeKind::DevelopedBy => "developed_by",
            EdgeKind::VersionOf => "version_of",
            EdgeKind::CoMentioned => "co_mentioned",
            EdgeKind::SpokeAbout => "spoke_about",
        }
    }

    /// How an edge of this kind reads from one of its ends: `mentions` from where it
    /// leaves, `mentioned by` from where it arrives (`co_mentioned` reads the same both
    /// ways).
    pub fn reading(self, outgoing: bool) -> &'static str {
        if outgoing || self.is_undirected() {
            return self.name();
        }
        match self {
            EdgeKind::PartOf => "has part",
            EdgeKind::PresentedBy => "presented",
            EdgeKind::ModeratedBy => "moderated",
            EdgeKind::Mentions => "mentioned by",
            EdgeKind::Authored => "authored by",
            EdgeKind::DevelopedBy => "develops",
            EdgeKind::VersionOf => "has version",
            EdgeKind::SpokeAbout => "spoken about by",
            EdgeKind::CoMentioned => self.name(),
        }
    }

    /// Whether the relation links a talk to a person on its stage: `presented_by` or
    /// `moderated_by`.
    pub fn is_on_stage(self) -> bool {
        matches!(self, EdgeKind::PresentedBy | EdgeKind::ModeratedBy)
    }

    /// Whether the relation has no direction (only `co_mentioned`).
    pub fn is_undirected(self) -> bool {
        matches!(self, EdgeKind::CoMentioned)
    }
}

impl std::fmt::Display for EdgeKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// An edge: a relation, how often it was seen and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edge {
    /// Its kind.
    pub kind: EdgeKind,
    /// How many times it was seen (mentions), or how many talks share it (co-mentions).
    pub weight: u32,
    /// Every place it was seen, in order, without repeats; [`KnowledgeGraph::evidence`]
    /// gives them with their file names.
    pub evidence: Evidence,
    /// How sure the link is: for `mentions`, the surest of its mentions; for
    /// `spoke_about`, the surest of the mentions behind it; for `co_mentioned`, the
    /// less sure of its two topics' surest mentions;
    /// `exact` for what the notes' structure says (talks, speakers, events) and what
    /// the lexicon and the PEP catalogue say (developers, authors, versions).
    pub confidence: Confidence,
}

/// The knowledge graph: a petgraph `DiGraph` behind our own methods, with an id index.
#[derive(Debug, Clone, Default)]
pub struct KnowledgeGraph {
    graph: DiGraph<Node, Edge>,
    /// Node id -> its index in `graph`.
    index: FastMap<String, u32>,
    files: Files,
    /// Where each file of the file table was read from, by its display name (a display
    /// name, such as `notes/day1.md`, need not be a path one can open from here).
    sources: Arc<BTreeMap<Arc<str>, std::path::PathBuf>>,
    /// The measures of this graph, once [`with_measures`](Self::with_measures) computed them.
    measures: Option<Arc<Measures>>,
}

/// A node reference that stays valid for the graph it came from.
pub type NodeId = NodeIndex;

impl KnowledgeGraph {
    /// Every edge touching `n`, as (the other end, the edge, whether it leaves `n`),
    /// ordered by the other end, then kind and direction.
    pub fn incident(&self, n: NodeId) -> Vec<(NodeId, &Edge, bool)> {
        use petgraph::visit::EdgeRef;
        let g = self.as_petgraph();
        let out = g.edges_directed(n, petgraph::Direction::Outgoing).map(|e| (e.target(), e.weight(), true));
        let inc = g.edges_directed(n, petgraph::Direction::Incoming).map(|e| (e.source(), e.weight(), false));
        let mut all: Vec<_> = out.chain(inc).collect();
        all.sort_by_key(|(o, e, out)| (*o, e.kind, *out));
        all
    }

    /// Number of nodes.
    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    /// Number of edges.
    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// Nodes in their stable order (by kind, then id).
    pub fn nodes(&self) -> impl Iterator<Item = (NodeId, &Node)> + '_ {
        self.graph.node_indices().map(move |i| (i, &self.graph[i]))
    }

    /// Edges in their stable order: `(source, target, edge)`.
    pub fn edges(&self) -> impl Iterator<Item = (&Node, &Node, &Edge)> + '_ {
        self.graph.edge_references().map(move |e| (&self.graph[e.source()], &self.graph[e.target()], e.weight()))
    }

    /// Edges with the indices of their ends.
    pub fn edge_indices(&self) -> impl Iterator<Item = (NodeId, NodeId, &Edge)> + '_ {
        self.graph.edge_references().map(|e| (e.source(), e.target(), e.weight()))
    }

    /// The node at `id`.
    pub fn node(&self, id: NodeId) -> &Node {
        &self.graph[id]
    }

    /// The node with this string id.
    pub fn find(&self, id: &str) -> Option<NodeId> {
        self.index.get(id).map(|&i| NodeIndex::new(i as usize))
    }

    /// Neighbours of a node, both directions.
    pub fn neighbors(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        self.graph.neighbors_undirected(id)
    }

    /// How many nodes of each kind.
    pub fn count(&self, kind: NodeKind) -> usize {
        self.graph.node_weights().filter(|n| n.kind == kind).count()
    }

    /// People who present or moderate a talk (or speak about a topic): the speakers of
    /// the summary.
    pub fn speaker_count(&self) -> usize {
        let presents = |i: NodeId| {
            let g = &self.graph;
            g.edges_directed(i, petgraph::Direction::Incoming).any(|e| e.weight().kind.is_on_stage())
                || g.edges_directed(i, petgraph::Direction::Outgoing).any(|e| e.weight().kind == EdgeKind::SpokeAbout)
        };
        self.nodes().filter(|(i, n)| n.kind == NodeKind::Person && presents(*i)).count()
    }

    /// The petgraph graph, read-only, for algorithms.
    pub fn as_petgraph(&self) -> &DiGraph<Node, Edge> {
        &self.graph
    }

    /// The name of file number `file` of the places of this graph's edges.
    pub fn file(&self, file: u32) -> &str {
        self.files.get(file as usize).map_or("?", |f| f)
    }

    /// The path to open to read file `file` of the file table again (to quote a line of
    /// evidence): where it was read from, or its display name when that is not known.
    pub fn source(&self, file: u32) -> &std::path::Path {
        self.source_named(self.file(file))
    }

    /// Where the file shown as `name` was read from (`name` itself when unknown).
    pub fn source_named<'a>(&'a self, name: &'a str) -> &'a std::path::Path {
        self.sources.get(name).map_or_else(|| std::path::Path::new(name), |p| p.as_path())
    }

    /// Every file's display name with where it was read from.
    pub fn sources(&self) -> impl Iterator<Item = (&str, &std::path::Path)> {
        self.sources.iter().map(|(k, v)| (&**k, v.as_path()))
    }

    /// This graph, knowing where its files were read from (display name -> path).
    pub fn with_sources(mut self, sources: impl IntoIterator<Item = (Arc<str>, std::path::PathBuf)>) -> Self {
        self.sources = Arc::new(sources.into_iter().collect());
        self
    }

    /// A place with its file name.
    pub fn at(&self, p: Place) -> At<'_> {
        At { file: self.file(p.file), line: p.line }
    }

    /// This graph with its [`Measures`] computed (communities from the topic map of
    /// `whole`, the graph before views and filters, or of this graph itself when
    /// `None`), and node positions from the [`layout`] when `positions` is set.
    /// Exporters write the measures of a graph that has them, and nothing more when it
    /// has none.
    pub fn with_measures(mut self, whole: Option<&KnowledgeGraph>, positions: bool) -> KnowledgeGraph {
        let mut m = Measures::compute(&self, whole.unwrap_or(&self));
        if positions {
            m.positions = layout::layout(&self);
        }
        self.measures = Some(Arc::new(m));
        self
    }

    /// The measures, if computed ([`with_measures`](Self::with_measures)).
    pub fn measures(&self) -> Option<&Measures> {
        self.measures.as_deref()
    }

    /// Every place `e` was seen, with file names, in order (`notes/day1.md:40`).
    pub fn evidence<'g>(&'g self, e: &'g Edge) -> impl Iterator<Item = At<'g>> + 'g {
        e.evidence.iter().map(|p| self.at(p))
    }
}

#[cfg(test)]
mod tests;
