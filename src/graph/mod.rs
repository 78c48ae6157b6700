//! Stage 3 of the pipeline: the knowledge graph. Typed nodes (events, talks, people,
//! technologies, organisations, PEPs, Python versions) and typed, weighted edges, each
//! keeping the file and line of every mention behind it.
//!
//! Ids are derived from the kind and the normalised name (`technology:cpython`,
//! `pep:659`, `person:mark-shannon`, `talk:europython-2023-day1#22`), so they are the
//! same on every run. [`GraphBuilder::finish`] orders nodes by kind and id and edges by
//! their ends, so the graph — and every output — is identical whatever order the files
//! were read in.

mod evidence;
pub mod layout;
pub mod measures;
mod view;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;

pub use crate::extract::Confidence;
use crate::extract::{Knowledge, NoteFacts, Target};
pub use evidence::{push_number, At, Evidence, Files, Place};
pub use measures::Measures;
pub use view::{View, ViewError, ViewOptions};

pub use crate::ids::NodeKind;
use crate::ids::{node_id, talk_id};

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

/// A node: an entity with a stable id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    /// Stable id: `kind:slug`.
    pub id: String,
    /// Its kind.
    pub kind: NodeKind,
    /// Display name.
    pub label: String,
    /// Further facts by name, every value a string: `category`, `homepage`, `pypi`,
    /// `wikidata`, `url`, `date`, `title`, `status`, `type`, `python_version`,
    /// `talk_kind`, `file`, `line`. Only what is known is present.
    pub attrs: BTreeMap<&'static str, String>,
    /// Every other spelling seen for it (surface forms merged into it).
    pub aliases: BTreeSet<String>,
}

impl Node {
    /// The value of an attribute, if present.
    pub fn attr(&self, key: &str) -> Option<&str> {
        self.attrs.get(key).map(String::as_str)
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

/// Builds a [`KnowledgeGraph`] from the facts of each note.
///
/// Node ids are interned: each node is stored once, in insertion order. A talk's edges
/// (to its event, speakers and topics) can only come from the note it is in, so they
/// are merged per talk and appended to one list, with no global lookup; the few other
/// edges (a day to its conference, PEP authors, developers, versions) go through a
/// map keyed by the two nodes' numbers. [`finish`](Self::finish) sorts everything, so
/// the graph does not depend on the order notes are added in.
#[derive(Debug)]
pub struct GraphBuilder<'k> {
    knowledge: &'k Knowledge,
    nodes: Vec<Node>,
    ids: FastMap<String, u32>,
    /// Edges out of talks, each talk's merged: (from, to, edge), talk after talk.
    talk_edges: Vec<(u32, u32, Edge)>,
    /// Where each talk's edges start in `talk_edges`: (talk, start).
    talk_groups: Vec<(u32, u32)>,
    /// Every other edge.
    edges: FastMap<(u32, EdgeKind, u32), Edge>,
    /// The file table places refer to, and each name's number.
    files: Vec<Arc<str>>,
    file_numbers: FastMap<Arc<str>, u32>,
    /// person node -> display names seen, with counts, to pick the best-written one.
    person_names: BTreeMap<u32, BTreeMap<String, u32>>,
    /// Lexicon entry -> its node, once made.
    entry_nodes: FastMap<crate::extract::EntryId, u32>,
    /// PEP number -> its node, once made.
    pep_nodes: FastMap<u32, u32>,
    /// Python version (`3.11`) -> its node, once made.
    version_nodes: FastMap<Box<str>, u32>,
    /// Scratch: the edges of the talk being added, and where each is in `talk_edges`.
    local: FastMap<(EdgeKind, u32), usize>,
}

impl<'k> GraphBuilder<'k> {
    /// An empty builder resolving lexicon entries and PEPs through `knowledge`.
    pub fn new(knowledge: &'k Knowledge) -> Self {
        GraphBuilder {
            knowledge,
            nodes: Vec::new(),
            ids: FastMap::default(),
            talk_edges: Vec::new(),
            talk_groups: Vec::new(),
            edges: FastMap::default(),
            files: Vec::new(),
            file_numbers: FastMap::default(),
            person_names: BTreeMap::new(),
            entry_nodes: FastMap::default(),
            pep_nodes: FastMap::default(),
            version_nodes: FastMap::default(),
            local: FastMap::default(),
        }
    }

    /// The node with this id, made with `label` if new; and whether it is new.
    fn node_by_id(&mut self, kind: NodeKind, id: String, label: &str) -> (u32, bool) {
        if let Some(&n) = self.ids.get(&id) {
            return (n, false);
        }
        let n = self.nodes.len() as u32;
        self.nodes.push(Node {
            id: id.clone(),
            kind,
            label: label.to_string(),
            attrs: BTreeMap::new(),
            aliases: BTreeSet::new(),
        });
        self.ids.insert(id, n);
        (n, true)
    }

    /// The node of `kind` named `name` (its id from [`node_id`]), made with `label` if new.
    fn node(&mut self, kind: NodeKind, name: &str, label: &str) -> u32 {
        self.node_by_id(kind, node_id(kind, name), label).0
    }

    fn edge(&mut self, from: u32, kind: EdgeKind, to: u32, at: Option<Place>) {
        self.edge_sure(from, kind, to, at, Confidence::Exact);
    }

    fn edge_sure(&mut self, from: u32, kind: EdgeKind, to: u32, at: Option<Place>, confidence: Confidence) {
        let e = self.edges.entry((from, kind, to)).or_insert_with(|| Edge {
            kind,
            weight: 0,
            evidence: Evidence::new(),
            confidence,
        });
        e.confidence = e.confidence.max(confidence);
        e.weight += 1;
        if let Some(at) = at {
            if e.evidence.last() != Some(at) {
                e.evidence.push(at);
            }
        }
    }

    /// An edge out of the talk being added: merged in the talk's own scratch map when
    /// the talk is new (`local`), else in the global map (the same talk id from a second
    /// file, e.g. `day1.md` and `day1.txt`).
    fn talk_edge(&mut self, local: bool, from: u32, kind: EdgeKind, to: u32, at: Place, sure: Confidence) {
        if !local {
            return self.edge_sure(from, kind, to, Some(at), sure);
        }
        let i = *self.local.entry((kind, to)).or_insert_with(|| {
            self.talk_edges.push((from, to, Edge { kind, weight: 0, evidence: Evidence::new(), confidence: sure }));
            self.talk_edges.len() - 1
        });
        let e = &mut self.talk_edges[i].2;
        e.confidence = e.confidence.max(sure);
        e.weight += 1;
        if e.evidence.last() != Some(at) {
            e.evidence.push(at);
        }
    }

    fn person(&mut self, name: &str) -> u32 {
        let n = self.node(NodeKind::Person, name, name);
        let names = self.person_names.entry(n).or_default();
        match names.get_mut(name) {
            Some(c) => *c += 1,
            None => {
                names.insert(name.to_string(), 1);
            }
        }
        n
    }

    fn pep(&mut self, number: u32) -> u32 {
        if let Some(&n) = self.pep_nodes.get(&number) {
            return n;
        }
        let id = self.node(NodeKind::Pep, &number.to_string(), &format!("PEP {number}"));
        self.pep_nodes.insert(number, id);
        let knowledge = self.knowledge;
        let node = &mut self.nodes[id as usize];
        node.attrs.insert("identifier", format!("PEP {number}"));
        node.attrs.insert("url", crate::extract::pep::pep_url(number));
        if let Some(info) = knowledge.peps.get(number) {
            node.attrs.insert("title", info.title.clone());
            node.attrs.insert("status", info.status.clone());
            node.attrs.insert("type", info.pep_type.clone());
            if !info.python_version.is_empty() {
                node.attrs.insert("python_version", info.python_version.clone());
            }
            for a in &info.authors {
                let p = self.person(a);
                self.edge(p, EdgeKind::Authored, id, None);
            }
        }
        id
    }

    fn version(&mut self, v: &str, python: Option<crate::extract::EntryId>) -> u32 {
        if let Some(&n) = self.version_nodes.get(v) {
            return n;
        }
        let vid = self.node(NodeKind::Version, v, &format!("Python {v}"));
        self.version_nodes.insert(v.into(), vid);
        if let Some(py) = python {
            let py = self.entry(py);
            if !self.edges.contains_key(&(vid, EdgeKind::VersionOf, py)) {
                self.edge(vid, EdgeKind::VersionOf, py, None);
            }
        }
        vid
    }

    fn entry(&mut self, id: crate::extract::EntryId) -> u32 {
        if let Some(&n) = self.entry_nodes.get(&id) {
            return n;
        }
        let knowledge = self.knowledge;
        let e = knowledge.lexicon.entry(id);
        let nid = self.node(e.kind.into(), &e.name, &e.name);
        self.entry_nodes.insert(id, nid);
        let node = &mut self.nodes[nid as usize];
        if node.attrs.is_empty() {
            node.attrs.insert("category", e.category.clone());
            if let Some(h) = &e.homepage {
                node.attrs.insert("homepage", h.clone());
            }
            if let Some(p) = &e.pypi {
                node.attrs.insert("pypi", p.clone());
            }
            if let Some(w) = &e.wikidata {
                node.attrs.insert("wikidata", w.clone());
            }
            if let Some(org) = e.org.clone() {
                let org_id = match knowledge.lexicon.find(&org) {
                    Some(oid) if oid != id => self.entry(oid),
                    _ => self.node(NodeKind::Organization, &org, &org),
                };
                self.edge(nid, EdgeKind::DevelopedBy, org_id, None);
            }
        }
        nid
    }

    /// The number of a file in the file table.
    fn file_number(&mut self, file: &Arc<str>) -> u32 {
        if let Some(&n) = self.file_numbers.get(file) {
            return n;
        }
        let n = self.files.len() as u32;
        self.files.push(file.clone());
        self.file_numbers.insert(file.clone(), n);
        n
    }

    /// Adds the facts of one note. Call in any order: [`finish`](Self::finish) sorts.
    pub fn add(&mut self, facts: &NoteFacts) {
        let file = self.file_number(&facts.file);
        let span = |line: u32| Place { file, line };
        // Events: a conference node per name; a day node per (name, day), part of it.
        let mut event_ids = Vec::with_capacity(facts.events.len());
        for ev in &facts.events {
            let conf = self.node(NodeKind::Event, &ev.name, &ev.name);
            let id = match ev.day {
                Some(day) => {
                    let label = format!("{} day {day}", ev.name);
                    let day_id = self.node(NodeKind::Event, &label, &label);
                    self.edge(day_id, EdgeKind::PartOf, conf, Some(span(ev.line)));
                    day_id
                }
                None => conf,
            };
            if let Some(date) = &ev.date {
                for n in [id, conf] {
                    let d = self.nodes[n as usize].attrs.entry("date").or_insert_with(|| date.clone());
                    if date < d {
                        *d = date.clone();
                    }
                }
            }
            event_ids.push(id);
        }
        let python = self.knowledge.lexicon.find("Python");
        let file_name = facts.file.to_string();
        for t in &facts.talks {
            let (tid, local) = self.node_by_id(NodeKind::Talk, talk_id(&facts.key, t.line), &t.title);
            self.local.clear();
            if local {
                self.talk_groups.push((tid, self.talk_edges.len() as u32));
            }
            let node = &mut self.nodes[tid as usize];
            node.label.clone_from(&t.title);
            node.attrs = BTreeMap::from([
                ("talk_kind", t.kind.name().to_string()),
                ("file", file_name.clone()),
                ("line", t.line.to_string()),
            ]);
            if let Some(ev) = t.event.and_then(|i| event_ids.get(i)).copied() {
                if let Some(date) = self.nodes[ev as usize].attrs.get("date").cloned() {
                    self.nodes[tid as usize].attrs.insert("date", date);
                }
                self.talk_edge(local, tid, EdgeKind::PartOf, ev, span(t.line), Confidence::Exact);
            }
            for s in &t.speakers {
                let p = self.person(&s.name);
                self.talk_edge(local, tid, EdgeKind::PresentedBy, p, span(s.line), Confidence::Exact);
            }
            for s in &t.moderators {
                let p = self.person(&s.name);
                self.talk_edge(local, tid, EdgeKind::ModeratedBy, p, span(s.line), Confidence::Exact);
            }
            for m in &t.mentions {
                let target = match &m.target {
                    Target::Entry(id) => self.entry(*id),
                    Target::Pep(n) => self.pep(*n),
                    Target::PythonVersion(v) => self.version(v, python),
                    Target::Unlisted(name) => {
                        let id = self.node(NodeKind::Technology, name, name);
                        self.nodes[id as usize].attrs.entry("category").or_insert_with(|| "unlisted".into());
                        id
                    }
                };
                let node = &mut self.nodes[target as usize];
                if m.surface != node.label && !m.surface.is_empty() && !node.aliases.contains(&m.surface) {
                    node.aliases.insert(m.surface.clone());
                }
                let sure = self.knowledge.confidence(m);
                self.talk_edge(local, tid, EdgeKind::Mentions, target, span(m.line), sure);
            }
        }
    }

    /// The edges of each talk, in the order the talks were added.
    fn groups(&self) -> impl Iterator<Item = &[(u32, u32, Edge)]> + '_ {
        self.group_ranges().map(|(_, r)| &self.talk_edges[r])
    }

    /// Each talk and where its edges are in `talk_edges`, in the order added.
    fn group_ranges(&self) -> impl Iterator<Item = (u32, std::ops::Range<usize>)> + '_ {
        let ends = self.talk_groups.iter().skip(1).map(|g| g.1 as usize).chain([self.talk_edges.len()]);
        self.talk_groups.iter().zip(ends).map(|(&(talk, start), end)| (talk, start as usize..end))
    }

    /// Adds `co_mentioned` edges between every two topics mentioned by the same talk,
    /// weighted by the number of such talks; each pair is ordered by id. A co-mention
    /// carries no evidence of its own: its places are those of the two `mentions` edges
    /// of each talk, and copying them would grow with the square of the topics per talk.
    fn add_co_mentions(&mut self, by_id: &[u32]) {
        let is_topic = |n: &Node| {
            matches!(n.kind, NodeKind::Technology | NodeKind::Topic | NodeKind::Organization | NodeKind::Pep)
        };
        // Topics get dense numbers in id order, so a pair is ordered by comparing them.
        let mut dense = vec![u32::MAX; self.nodes.len()];
        let mut topics = Vec::new();
        for &n in by_id {
            if is_topic(&self.nodes[n as usize]) {
                dense[n as usize] = topics.len() as u32;
                topics.push(n);
            }
        }
        // (talk, topic), talk by talk, each talk's topics in order. A talk's edges are
        // one group of `talk_edges`, unless a second file shares its id: then some are
        // in the map too, and everything is sorted together.
        let mentioned = |&(from, kind, to): &(u32, EdgeKind, u32)| {
            (kind == EdgeKind::Mentions && dense[to as usize] != u32::MAX).then(|| (from, dense[to as usize]))
        };
        let mut mentions: Vec<(u32, u32)> = Vec::new();
        for (g, run) in self.groups().enumerate() {
            let start = mentions.len();
            let talk = run.iter().filter_map(|(from, to, e)| mentioned(&(*from, e.kind, *to)));
            mentions.extend(talk.map(|(_, topic)| (g as u32, topic)));
            mentions[start..].sort_unstable();
        }
        let shared: Vec<(u32, u32)> = self.edges.keys().filter_map(mentioned).collect();
        if !shared.is_empty() {
            mentions.clear();
            let all = self.talk_edges.iter().map(|(from, to, e)| (*from, e.kind, *to));
            mentions.extend(all.filter_map(|k| mentioned(&k)));
            mentions.extend(shared);
            mentions.sort_unstable();
            mentions.dedup();
        }
        let pairs = count_pairs(&mentions, topics.len(), topics.len() * topics.len() <= 1 << 22);
        // Each topic's surest mention: a co-mention is as sure as the less sure of its two.
        let mut surest = vec![Confidence::Inferred; self.nodes.len()];
        let all = self.talk_edges.iter().map(|(_, to, e)| (*to, e)).chain(self.edges.iter().map(|(k, e)| (k.2, e)));
        for (to, e) in all.filter(|(_, e)| e.kind == EdgeKind::Mentions) {
            surest[to as usize] = surest[to as usize].max(e.confidence);
        }
        for ((a, b), w) in pairs {
            let (a, b) = (topics[a as usize], topics[b as usize]);
            let confidence = surest[a as usize].min(surest[b as usize]);
            self.edges.insert(
                (a, EdgeKind::CoMentioned, b),
                Edge { kind: EdgeKind::CoMentioned, weight: w, evidence: Evidence::new(), confidence },
            );
        }
    }

    /// Orders everything and returns the graph.
    pub fn finish(mut self) -> KnowledgeGraph {
        for (&n, names) in &self.person_names {
            // The most frequent spelling wins; ties go to the one with more non-ASCII
            // letters (diacritics written out), then the smallest.
            let best = names
                .iter()
                .max_by(|a, b| {
                    a.1.cmp(b.1)
                        .then_with(|| {
                            a.0.chars()
                                .filter(|c| !c.is_ascii())
                                .count()
                                .cmp(&b.0.chars().filter(|c| !c.is_ascii()).count())
                        })
                        .then_with(|| b.0.cmp(a.0))
                })
                .map(|(n, _)| n.clone());
            if let Some(best) = best {
                let node = &mut self.nodes[n as usize];
                for name in names.keys() {
                    if *name != best {
                        node.aliases.insert(name.clone());
                    }
                }
                node.label = best;
            }
        }
        let mut by_id: Vec<u32> = (0..self.nodes.len() as u32).collect();
        by_id.sort_unstable_by(|&a, &b| self.nodes[a as usize].id.cmp(&self.nodes[b as usize].id));
        self.add_co_mentions(&by_id);
        // Ids are unique, so sorting by kind and then id is a stable reordering of by_id.
        let mut order = by_id;
        order.sort_by_key(|&n| self.nodes[n as usize].kind);
        // Position of each node in the sorted order: the petgraph index it gets.
        let mut pos = vec![0u32; self.nodes.len()];
        for (p, &n) in order.iter().enumerate() {
            pos[n as usize] = p as u32;
        }
        // Edges in order of (source, kind, target) positions. The talks' edges come as
        // groups, one per talk: the groups are ordered by talk, each group by kind and
        // target. The other edges are sorted by key. The two sorted lists are merged;
        // a talk whose id a second file also has (`day1.md` and `day1.txt`) has edges in
        // both, merged into one, the first file's first.
        let key = |from: u32, kind: EdgeKind, to: u32| {
            (u128::from(pos[from as usize]) << 64) | ((kind as u128) << 32) | u128::from(pos[to as usize])
        };
        let mut groups: Vec<(u32, u32, u32)> =
            self.group_ranges().map(|(talk, r)| (pos[talk as usize], r.start as u32, r.end as u32)).collect();
        groups.sort_unstable();
        let mut talk_edges = std::mem::take(&mut self.talk_edges);
        // Within a group every edge leaves the same talk, so its first field is free to
        // hold the target's position: the sort key is then read, not looked up.
        for &(_, start, end) in &groups {
            let group = &mut talk_edges[start as usize..end as usize];
            for el in group.iter_mut() {
                el.0 = pos[el.1 as usize];
            }
            group.sort_unstable_by_key(|(to, _, e)| (e.kind, *to));
        }
        let mut others: Vec<(u128, Edge)> =
            self.edges.drain().map(|((from, kind, to), e)| (key(from, kind, to), e)).collect();
        drop(self.edges);
        others.sort_unstable_by_key(|(k, _)| *k);
        let mut graph: DiGraph<Node, Edge> = DiGraph::with_capacity(order.len(), talk_edges.len() + others.len());
        // The builder's id map becomes the graph's index: each node's number is
        // replaced by its position, and no id is copied.
        let mut index = std::mem::take(&mut self.ids);
        for n in index.values_mut() {
            *n = pos[*n as usize];
        }
        let mut nodes: Vec<Option<Node>> = self.nodes.into_iter().map(Some).collect();
        for &n in &order {
            graph.add_node(nodes[n as usize].take().expect("each node once"));
        }
        let placeholder =
            || Edge { kind: EdgeKind::PartOf, weight: 0, evidence: Evidence::new(), confidence: Confidence::Exact };
        let mut from_talks =
            groups.iter().flat_map(|&(talk, start, end)| (start..end).map(move |i| (talk, i))).peekable();
        let mut others = others.into_iter().peekable();
        let mut last: Option<u128> = None;
        loop {
            let talk_key = from_talks.peek().map(|&(talk, i)| {
                let (to, _, e) = &talk_edges[i as usize];
                (u128::from(talk) << 64) | ((e.kind as u128) << 32) | u128::from(*to)
            });
            let take_talk = match (talk_key, others.peek()) {
                (None, None) => break,
                (Some(t), Some((o, _))) => t <= *o,
                (t, _) => t.is_some(),
            };
            let (k, e) = if take_talk {
                let i = from_talks.next().expect("peeked").1 as usize;
                (talk_key.expect("peeked"), std::mem::replace(&mut talk_edges[i].2, placeholder()))
            } else {
                others.next().expect("peeked")
            };
            if last == Some(k) {
                let prev = graph.edge_count() - 1;
                if let Some(prev) = graph.edge_weight_mut(petgraph::graph::EdgeIndex::new(prev)) {
                    prev.weight += e.weight;
                    prev.confidence = prev.confidence.max(e.confidence);
                    for at in e.evidence.iter() {
                        if prev.evidence.last() != Some(at) {
                            prev.evidence.push(at);
                        }
                    }
                }
                continue;
            }
            last = Some(k);
            let (from, to) = ((k >> 64) as usize, (k as u32) as usize);
            graph.add_edge(NodeIndex::new(from), NodeIndex::new(to), e);
        }
        KnowledgeGraph { graph, index, files: Arc::new(self.files), sources: Arc::default(), measures: None }
    }
}

/// The number of talks behind each pair of topics `(a, b)`, `a < b`, in order, from
/// sorted `(talk, topic)` pairs without repeats; `t` is the number of topics. Counted in
/// a `t × t` table when `square` (the usual lexicon has about a thousand topics: 4 MB),
/// else in a map.
fn count_pairs(mentions: &[(u32, u32)], t: usize, square: bool) -> Vec<((u32, u32), u32)> {
    let runs = mentions.chunk_by(|a, b| a.0 == b.0);
    if square {
        let mut table = vec![0u32; t * t];
        for run in runs {
            for (i, &(_, a)) in run.iter().enumerate() {
                for &(_, b) in &run[i + 1..] {
                    table[a as usize * t + b as usize] += 1;
                }
            }
        }
        let cells = table.iter().enumerate().filter(|(_, w)| **w > 0);
        cells.map(|(i, &w)| (((i / t) as u32, (i % t) as u32), w)).collect()
    } else {
        let mut map: FastMap<(u32, u32), u32> = FastMap::default();
        for run in runs {
            for (i, &(_, a)) in run.iter().enumerate() {
                for &(_, b) in &run[i + 1..] {
                    *map.entry((a, b)).or_default() += 1;
                }
            }
        }
        let mut pairs: Vec<_> = map.into_iter().collect();
        pairs.sort_unstable();
        pairs
    }
}

#[cfg(test)]
mod tests;
