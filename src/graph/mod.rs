//! Stage 3 of the pipeline: the knowledge graph. Typed nodes (events, talks, people,
//! technologies, organisations, PEPs, Python versions) and typed, weighted edges, each
//! keeping the file and line of every mention behind it.
//!
//! Ids are derived from the kind and the normalised name (`technology:cpython`,
//! `pep:659`, `person:mark-shannon`, `talk:europython-2023-day1#22`), so they are the
//! same on every run. [`GraphBuilder::finish`] orders nodes by kind and id and edges by
//! their ends, so the graph — and every output — is identical whatever order the files
//! were read in.

mod view;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;

use crate::extract::{EntryKind, Knowledge, NoteFacts, Target};
use crate::notes::Span;

pub use view::{View, ViewOptions};

/// The kind of a node.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NodeKind {
    /// A conference, or one day of it.
    Event,
    /// A talk, keynote or lightning talk.
    Talk,
    /// A speaker or PEP author.
    Person,
    /// Software, language, format, concept.
    Technology,
    /// Company, foundation, community, conference organiser.
    Organization,
    /// A Python Enhancement Proposal.
    Pep,
    /// A Python version (`Python 3.11`).
    Version,
}

impl NodeKind {
    /// Every kind, in output order.
    pub const ALL: [NodeKind; 7] = [
        NodeKind::Event,
        NodeKind::Talk,
        NodeKind::Person,
        NodeKind::Technology,
        NodeKind::Organization,
        NodeKind::Pep,
        NodeKind::Version,
    ];

    /// The name used in outputs: `Event`, `Talk`, `Person`, `Technology`,
    /// `Organization`, `PEP`, `Version`.
    pub fn name(self) -> &'static str {
        match self {
            NodeKind::Event => "Event",
            NodeKind::Talk => "Talk",
            NodeKind::Person => "Person",
            NodeKind::Technology => "Technology",
            NodeKind::Organization => "Organization",
            NodeKind::Pep => "PEP",
            NodeKind::Version => "Version",
        }
    }

    /// The prefix of its ids (`technology`, `pep`, ...).
    pub fn id_prefix(self) -> &'static str {
        match self {
            NodeKind::Event => "event",
            NodeKind::Talk => "talk",
            NodeKind::Person => "person",
            NodeKind::Technology => "technology",
            NodeKind::Organization => "organization",
            NodeKind::Pep => "pep",
            NodeKind::Version => "version",
        }
    }

    /// Parses a kind name, case-insensitively (`pep`, `PEP`, `organisation` too).
    pub fn from_name(s: &str) -> Option<NodeKind> {
        let s = s.trim().to_ascii_lowercase();
        Some(match s.as_str() {
            "event" | "events" => NodeKind::Event,
            "talk" | "talks" => NodeKind::Talk,
            "person" | "people" | "speaker" | "speakers" => NodeKind::Person,
            "technology" | "technologies" | "tech" => NodeKind::Technology,
            "organization" | "organisation" | "organizations" | "organisations" | "org" => NodeKind::Organization,
            "pep" | "peps" => NodeKind::Pep,
            "version" | "versions" => NodeKind::Version,
            _ => return None,
        })
    }

    /// Whether a talk can mention a node of this kind.
    pub fn is_topic(self) -> bool {
        matches!(self, NodeKind::Technology | NodeKind::Organization | NodeKind::Pep | NodeKind::Version)
    }
}

impl std::fmt::Display for NodeKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// The kind of an edge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EdgeKind {
    /// Talk → event, or day → conference.
    PartOf,
    /// Talk → person.
    PresentedBy,
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
    pub const ALL: [EdgeKind; 8] = [
        EdgeKind::PartOf,
        EdgeKind::PresentedBy,
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
            EdgeKind::Mentions => "mentions",
            EdgeKind::Authored => "authored",
            EdgeKind::DevelopedBy => "developed_by",
            EdgeKind::VersionOf => "version_of",
            EdgeKind::CoMentioned => "co_mentioned",
            EdgeKind::SpokeAbout => "spoke_about",
        }
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
    /// Every place it was seen, in order, without repeats.
    pub evidence: Vec<Span>,
}

/// The knowledge graph: a petgraph `DiGraph` behind our own methods, with an id index.
#[derive(Debug, Clone, Default)]
pub struct KnowledgeGraph {
    graph: DiGraph<Node, Edge>,
    index: HashMap<String, NodeIndex>,
}

/// A node reference that stays valid for the graph it came from.
pub type NodeId = NodeIndex;

impl KnowledgeGraph {
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
        self.index.get(id).copied()
    }

    /// Neighbours of a node, both directions.
    pub fn neighbors(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        self.graph.neighbors_undirected(id)
    }

    /// How many nodes of each kind.
    pub fn count(&self, kind: NodeKind) -> usize {
        self.graph.node_weights().filter(|n| n.kind == kind).count()
    }

    /// The petgraph graph, read-only, for algorithms.
    pub fn as_petgraph(&self) -> &DiGraph<Node, Edge> {
        &self.graph
    }
}

/// Normalises a name into an id slug: lower case, letters and digits kept (any
/// script), `+` → `plus`, `#` → `sharp`, every other run of characters → one `-`.
///
/// ```
/// assert_eq!(talkgraph::graph::slug("Mark Shannon"), "mark-shannon");
/// assert_eq!(talkgraph::graph::slug("C++"), "cplusplus");
/// assert_eq!(talkgraph::graph::slug("  f-strings!"), "f-strings");
/// ```
pub fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut dash = false;
    for c in name.chars() {
        if c.is_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.extend(c.to_lowercase());
        } else if c == '+' {
            out.push_str("plus");
            dash = false;
        } else if c == '#' {
            out.push_str("sharp");
            dash = false;
        } else {
            dash = true;
        }
    }
    if out.is_empty() {
        out.push('_');
    }
    out
}

/// The id of the talk that starts at `line` of the note with key `key` (its path
/// relative to the folder given, without extension): `talk:<slugs>#<line>`, e.g.
/// `talk:europython-2023-day1#22`, `talk:2024/pycon-us-day2#10`.
///
/// ```
/// assert_eq!(talkgraph::graph::talk_id("europython-2023-day1", 22), "talk:europython-2023-day1#22");
/// assert_eq!(talkgraph::graph::talk_id("2024/PyCon US", 3), "talk:2024/pycon-us#3");
/// ```
pub fn talk_id(key: &str, line: u32) -> String {
    let parts: Vec<String> = key.split('/').filter(|p| !p.is_empty()).map(slug).collect();
    format!("talk:{}#{line}", parts.join("/"))
}

/// Builds a [`KnowledgeGraph`] from the facts of each note.
///
/// Node ids are interned: each node is stored once, in insertion order, and edges are
/// keyed by the two nodes' numbers, so adding a mention costs a hash probe, not a
/// string copy. [`finish`](Self::finish) sorts everything, so the graph does not
/// depend on the order notes are added in.
#[derive(Debug)]
pub struct GraphBuilder<'k> {
    knowledge: &'k Knowledge,
    nodes: Vec<Node>,
    ids: HashMap<String, u32>,
    edges: HashMap<(u32, EdgeKind, u32), Edge>,
    /// person node -> display names seen, with counts, to pick the best-written one.
    person_names: BTreeMap<u32, BTreeMap<String, u32>>,
    /// Lexicon entry -> its node, once made.
    entry_nodes: HashMap<crate::extract::EntryId, u32>,
    /// PEP number -> its node, once made.
    pep_nodes: HashMap<u32, u32>,
}

impl<'k> GraphBuilder<'k> {
    /// An empty builder resolving lexicon entries and PEPs through `knowledge`.
    pub fn new(knowledge: &'k Knowledge) -> Self {
        GraphBuilder {
            knowledge,
            nodes: Vec::new(),
            ids: HashMap::new(),
            edges: HashMap::new(),
            person_names: BTreeMap::new(),
            entry_nodes: HashMap::new(),
            pep_nodes: HashMap::new(),
        }
    }

    /// The node with this id, made with `label` if new.
    fn node_by_id(&mut self, kind: NodeKind, id: String, label: &str) -> u32 {
        if let Some(&n) = self.ids.get(&id) {
            return n;
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
        n
    }

    fn node(&mut self, kind: NodeKind, key: &str, label: &str) -> u32 {
        self.node_by_id(kind, format!("{}:{}", kind.id_prefix(), key), label)
    }

    fn edge(&mut self, from: u32, kind: EdgeKind, to: u32, at: Option<Span>) {
        let e = self.edges.entry((from, kind, to)).or_insert_with(|| Edge { kind, weight: 0, evidence: Vec::new() });
        e.weight += 1;
        if let Some(at) = at {
            if e.evidence.last() != Some(&at) {
                e.evidence.push(at);
            }
        }
    }

    fn person(&mut self, name: &str) -> u32 {
        let key = slug(&fold_diacritics(name));
        let n = self.node(NodeKind::Person, &key, name);
        *self.person_names.entry(n).or_default().entry(name.to_string()).or_default() += 1;
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

    fn entry(&mut self, id: crate::extract::EntryId) -> u32 {
        if let Some(&n) = self.entry_nodes.get(&id) {
            return n;
        }
        let knowledge = self.knowledge;
        let e = knowledge.lexicon.entry(id);
        let kind = match e.kind {
            EntryKind::Technology => NodeKind::Technology,
            EntryKind::Organization => NodeKind::Organization,
        };
        let nid = self.node(kind, &slug(&e.name), &e.name);
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
                    _ => self.node(NodeKind::Organization, &slug(&org), &org),
                };
                self.edge(nid, EdgeKind::DevelopedBy, org_id, None);
            }
        }
        nid
    }

    /// Adds the facts of one note. Call in any order: [`finish`](Self::finish) sorts.
    pub fn add(&mut self, facts: &NoteFacts) {
        let file = facts.file.clone();
        let span = |line: u32| Span { file: file.clone(), line };
        // Events: a conference node per name; a day node per (name, day), part of it.
        let mut event_ids = Vec::with_capacity(facts.events.len());
        for ev in &facts.events {
            let conf = self.node(NodeKind::Event, &slug(&ev.name), &ev.name);
            let id = match ev.day {
                Some(day) => {
                    let label = format!("{} day {day}", ev.name);
                    let day_id = self.node(NodeKind::Event, &slug(&label), &label);
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
        for t in &facts.talks {
            let tid = self.node_by_id(NodeKind::Talk, talk_id(&facts.key, t.line), &t.title);
            let node = &mut self.nodes[tid as usize];
            node.label = t.title.clone();
            node.attrs = BTreeMap::from([
                ("talk_kind", t.kind.name().to_string()),
                ("file", facts.file.to_string()),
                ("line", t.line.to_string()),
            ]);
            if let Some(ev) = t.event.and_then(|i| event_ids.get(i)).copied() {
                if let Some(date) = self.nodes[ev as usize].attrs.get("date").cloned() {
                    self.nodes[tid as usize].attrs.insert("date", date);
                }
                self.edge(tid, EdgeKind::PartOf, ev, Some(span(t.line)));
            }
            for s in &t.speakers {
                let p = self.person(&s.name);
                self.edge(tid, EdgeKind::PresentedBy, p, Some(span(s.line)));
            }
            for m in &t.mentions {
                let target = match &m.target {
                    Target::Entry(id) => self.entry(*id),
                    Target::Pep(n) => self.pep(*n),
                    Target::PythonVersion(v) => {
                        let vid = self.node(NodeKind::Version, &format!("python-{v}"), &format!("Python {v}"));
                        if let Some(py) = python {
                            let py = self.entry(py);
                            if !self.edges.contains_key(&(vid, EdgeKind::VersionOf, py)) {
                                self.edge(vid, EdgeKind::VersionOf, py, None);
                            }
                        }
                        vid
                    }
                    Target::Unlisted(name) => {
                        let id = self.node(NodeKind::Technology, &slug(name), name);
                        self.nodes[id as usize].attrs.entry("category").or_insert_with(|| "unlisted".into());
                        id
                    }
                };
                let node = &mut self.nodes[target as usize];
                if m.surface != node.label && !m.surface.is_empty() && !node.aliases.contains(&m.surface) {
                    node.aliases.insert(m.surface.clone());
                }
                self.edge(tid, EdgeKind::Mentions, target, Some(span(m.line)));
            }
        }
    }

    /// Adds `co_mentioned` edges between every two topics mentioned by the same talk,
    /// weighted by the number of such talks; each pair is ordered by id. A co-mention
    /// carries no evidence of its own: its places are those of the two `mentions` edges
    /// of each talk, and copying them would grow with the square of the topics per talk.
    fn add_co_mentions(&mut self) {
        let mut by_talk: HashMap<u32, Vec<u32>> = HashMap::new();
        for &(from, kind, to) in self.edges.keys() {
            if kind == EdgeKind::Mentions
                && matches!(self.nodes[to as usize].kind, NodeKind::Technology | NodeKind::Organization | NodeKind::Pep)
            {
                by_talk.entry(from).or_default().push(to);
            }
        }
        let mut pairs: HashMap<(u32, u32), u32> = HashMap::new();
        for topics in by_talk.values_mut() {
            topics.sort_unstable_by(|a, b| self.nodes[*a as usize].id.cmp(&self.nodes[*b as usize].id));
            topics.dedup();
            for (i, &a) in topics.iter().enumerate() {
                for &b in &topics[i + 1..] {
                    *pairs.entry((a, b)).or_default() += 1;
                }
            }
        }
        for ((a, b), w) in pairs {
            self.edges.insert(
                (a, EdgeKind::CoMentioned, b),
                Edge { kind: EdgeKind::CoMentioned, weight: w, evidence: Vec::new() },
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
        self.add_co_mentions();
        let mut order: Vec<u32> = (0..self.nodes.len() as u32).collect();
        order.sort_by(|&a, &b| {
            let (a, b) = (&self.nodes[a as usize], &self.nodes[b as usize]);
            a.kind.cmp(&b.kind).then_with(|| a.id.cmp(&b.id))
        });
        // Position of each node in the sorted order: the petgraph index it gets.
        let mut pos = vec![0u32; self.nodes.len()];
        for (p, &n) in order.iter().enumerate() {
            pos[n as usize] = p as u32;
        }
        let mut graph = DiGraph::with_capacity(order.len(), self.edges.len());
        let mut index = HashMap::with_capacity(order.len());
        let mut nodes: Vec<Option<Node>> = self.nodes.into_iter().map(Some).collect();
        for &n in &order {
            let node = nodes[n as usize].take().expect("each node once");
            let id = node.id.clone();
            index.insert(id, graph.add_node(node));
        }
        let mut edges: Vec<_> = self.edges.into_iter().collect();
        edges.sort_unstable_by_key(|((from, kind, to), _)| (pos[*from as usize], *kind, pos[*to as usize]));
        for ((from, _, to), e) in edges {
            graph.add_edge(NodeIndex::new(pos[from as usize] as usize), NodeIndex::new(pos[to as usize] as usize), e);
        }
        KnowledgeGraph { graph, index }
    }
}

/// Folds Latin diacritics to ASCII for matching person names (`Buczyński` = `Buczynski`).
pub fn fold_diacritics(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ą' | 'ā' => 'a',
            'Á' | 'À' | 'Â' | 'Ä' | 'Ã' | 'Å' | 'Ą' | 'Ā' => 'A',
            'ç' | 'ć' | 'č' => 'c',
            'Ç' | 'Ć' | 'Č' => 'C',
            'é' | 'è' | 'ê' | 'ë' | 'ę' | 'ě' | 'ē' => 'e',
            'É' | 'È' | 'Ê' | 'Ë' | 'Ę' | 'Ě' | 'Ē' => 'E',
            'í' | 'ì' | 'î' | 'ï' | 'ī' => 'i',
            'Í' | 'Ì' | 'Î' | 'Ï' | 'Ī' => 'I',
            'ł' => 'l',
            'Ł' => 'L',
            'ñ' | 'ń' | 'ň' => 'n',
            'Ñ' | 'Ń' | 'Ň' => 'N',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' | 'ō' | 'ő' => 'o',
            'Ó' | 'Ò' | 'Ô' | 'Ö' | 'Õ' | 'Ø' | 'Ō' | 'Ő' => 'O',
            'ř' => 'r',
            'Ř' => 'R',
            'ś' | 'š' | 'ş' => 's',
            'Ś' | 'Š' | 'Ş' => 'S',
            'ť' | 'ţ' => 't',
            'Ť' | 'Ţ' => 'T',
            'ú' | 'ù' | 'û' | 'ü' | 'ů' | 'ū' | 'ű' => 'u',
            'Ú' | 'Ù' | 'Û' | 'Ü' | 'Ů' | 'Ū' | 'Ű' => 'U',
            'ý' | 'ÿ' => 'y',
            'Ý' => 'Y',
            'ź' | 'ż' | 'ž' => 'z',
            'Ź' | 'Ż' | 'Ž' => 'Z',
            other => other,
        })
        .collect()
}

#[cfg(test)]
mod tests;
