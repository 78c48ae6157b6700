//! Views and filters over a finished graph: `--view full|topics|speakers`,
//! `--kinds K,...`, `--min-weight N`, `--focus NAME --depth N`. Each returns a new
//! [`KnowledgeGraph`], and every exporter takes that graph, so views apply to every
//! format alike.
//!
//! # The views
//!
//! - `full`: every node and edge.
//! - `topics`: the topic map. Technologies, organisations and PEPs that at least one
//!   talk mentions, with the `co_mentioned` edges between them only. A topic mentioned
//!   alone (no other topic in any of its talks) is **kept**, isolated: it was still
//!   talked about, and dropping it would make the map lie about coverage. Use
//!   `--min-weight 1` to drop isolated nodes. Organisations only reached through
//!   `developed_by` (never mentioned) are not topics and are left out.
//! - `speakers`: people who present at least one talk, the topics (technologies,
//!   organisations, PEPs, Python versions) their talks mention, and derived
//!   [`EdgeKind::SpokeAbout`] edges person → topic. The weight of `spoke_about` is the
//!   number of that person's talks that mention the topic (as `co_mentioned` counts
//!   talks); its evidence is every `file:line` of those mentions. Talks, events,
//!   `authored` and every other edge are left out.
//!
//! # The filters, in this order
//!
//! 1. the view;
//! 2. `--kinds`: keep nodes of the listed kinds, and the edges between them;
//! 3. `--min-weight N`: drop edges of weight below N, then drop every node left with
//!    no edge (nodes isolated before count too: the filter asks for the strongly
//!    linked part), except the `--focus` node;
//! 4. `--focus NAME --depth N` (depth 1 unless given): the nodes within N steps of the
//!    entity, following the remaining edges in either direction, and every remaining
//!    edge between them.
//!
//! `NAME` is matched case-insensitively, first as a whole id (`technology:cpython`),
//! then as a label (`PEP 659`, `Mark Shannon`), then as an id without its kind prefix
//! (`mark-shannon`, `cpython`, also after slugging: `mark shannon`), then as an alias;
//! the first of these that matches decides. It is looked up in the whole graph, so a
//! name that exists but was filtered out says so, and an unknown name gets the closest
//! names suggested.
//!
//! The result keeps the graph's stable order: nodes in the order they had, edges
//! ordered by their ends and kind as [`GraphBuilder::finish`](super::GraphBuilder::finish)
//! orders them.

use std::collections::{HashMap, VecDeque};

use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;

use super::{Confidence, Edge, EdgeKind, Evidence, FastMap, KnowledgeGraph, NodeKind};
use crate::ids::slug;

/// Which part of the graph to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    /// Everything.
    #[default]
    Full,
    /// Technologies, organisations and PEPs with co-mention edges only.
    Topics,
    /// People and what they spoke about.
    Speakers,
}

impl View {
    /// Parses `full`, `topics` or `speakers`.
    pub fn from_name(s: &str) -> Option<View> {
        match s.trim().to_ascii_lowercase().as_str() {
            "full" => Some(View::Full),
            "topics" => Some(View::Topics),
            "speakers" => Some(View::Speakers),
            _ => None,
        }
    }

    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            View::Full => "full",
            View::Topics => "topics",
            View::Speakers => "speakers",
        }
    }
}

/// A view plus filters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ViewOptions {
    /// The view.
    pub view: View,
    /// Keep only the neighbourhood of the entity with this name, alias or id.
    pub focus: Option<String>,
    /// Depth of the neighbourhood (default 1).
    pub depth: Option<u32>,
    /// Drop edges lighter than this.
    pub min_weight: Option<u32>,
    /// Keep only nodes of these kinds.
    pub kinds: Option<Vec<NodeKind>>,
}

/// Edges being filtered: ends as indices of the source graph.
type Edges = Vec<(NodeIndex, NodeIndex, Edge)>;

/// Why a view cannot be made. The messages name the entity asked for, not a flag: a
/// caller says how it was asked for (the CLI prefixes `--focus`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ViewError {
    /// The focus name is empty.
    #[error("needs a name, an alias or an id (e.g. technology:cpython)")]
    NoName,
    /// The focus name names several nodes equally well.
    #[error("{name:?} names {} nodes: {}; give the id of one", .nodes.len(), .nodes.join(", "))]
    Ambiguous {
        /// The name asked for.
        name: String,
        /// The nodes it names, as `label (id)`.
        nodes: Vec<String>,
    },
    /// No node has this id, name or alias.
    #[error("{name:?}: no node has this id, name or alias{}", did_you_mean(.close))]
    Unknown {
        /// The name asked for.
        name: String,
        /// The closest nodes, as `label (id)`, best first (at most 3).
        close: Vec<String>,
    },
    /// The focus node is not in the view and filters given.
    #[error("{name:?} is {node}, which the view and filters given leave out")]
    LeftOut {
        /// The name asked for.
        name: String,
        /// The node, as `label (id)`.
        node: String,
    },
}

fn did_you_mean(close: &[String]) -> String {
    if close.is_empty() {
        " (try an id such as technology:cpython)".into()
    } else {
        format!("; did you mean {}?", close.join(", or "))
    }
}

impl KnowledgeGraph {
    /// The part of the graph that `opts` selects (see the module docs of `graph::view` for the
    /// views and the order filters apply in). Errors, as a message for the user, when
    /// the `--focus` name is unknown (with the closest names) or filtered out.
    ///
    /// ```
    /// use talkgraph::graph::{View, ViewOptions};
    /// use talkgraph::{build_graph, Knowledge};
    ///
    /// let dir = tempfile::tempdir().unwrap();
    /// let note = "## Faster CPython\n\nMark Shannon\n\nPEP 659 and PEP 523\n";
    /// std::fs::write(dir.path().join("day1.md"), note).unwrap();
    /// let g = build_graph(&[dir.path().to_path_buf()], &Knowledge::builtin(), None).unwrap().graph;
    ///
    /// let topics = g.view(&ViewOptions { view: View::Topics, ..Default::default() }).unwrap();
    /// assert!(topics.find("pep:659").is_some() && topics.find("talk:day1#1").is_none());
    ///
    /// let err = g.view(&ViewOptions { focus: Some("Mark Shanon".into()), ..Default::default() }).unwrap_err();
    /// assert!(err.to_string().ends_with("did you mean Mark Shannon (person:mark-shannon)?"), "{err}");
    /// ```
    pub fn view(&self, opts: &ViewOptions) -> Result<KnowledgeGraph, ViewError> {
        // Resolve first, against the whole graph: a typo is reported whatever the filters.
        let focus = opts.focus.as_deref().map(|name| self.resolve(name)).transpose()?;
        let (mut keep, mut edges) = self.base(opts.view);
        if let Some(kinds) = &opts.kinds {
            for (i, n) in self.nodes() {
                keep[i.index()] &= kinds.contains(&n.kind);
            }
        }
        edges.retain(|(s, t, _)| keep[s.index()] && keep[t.index()]);
        if let Some(min) = opts.min_weight {
            edges.retain(|(_, _, e)| e.weight >= min);
            let mut linked = vec![false; keep.len()];
            for (s, t, _) in &edges {
                linked[s.index()] = true;
                linked[t.index()] = true;
            }
            for (i, k) in keep.iter_mut().enumerate() {
                *k &= linked[i] || focus.is_some_and(|f| f.index() == i);
            }
        }
        if let Some(f) = focus {
            if !keep[f.index()] {
                let n = self.node(f);
                return Err(ViewError::LeftOut {
                    name: opts.focus.clone().unwrap_or_default(),
                    node: format!("{} ({})", n.label, n.id),
                });
            }
            keep = neighbourhood(keep.len(), &edges, f, opts.depth.unwrap_or(1));
            edges.retain(|(s, t, _)| keep[s.index()] && keep[t.index()]);
        }
        Ok(self.rebuild(&keep, edges))
    }

    /// The nodes and edges of a view, before filters.
    fn base(&self, view: View) -> (Vec<bool>, Edges) {
        let g = &self.graph;
        let all = || g.edge_references().map(|e| (e.source(), e.target(), e.weight().clone()));
        match view {
            View::Full => (vec![true; g.node_count()], all().collect()),
            View::Topics => {
                let mut keep = vec![false; g.node_count()];
                for e in g.edge_references() {
                    let t = e.target();
                    if e.weight().kind == EdgeKind::Mentions
                        && matches!(
                            g[t].kind,
                            NodeKind::Technology | NodeKind::Topic | NodeKind::Organization | NodeKind::Pep
                        )
                    {
                        keep[t.index()] = true;
                    }
                }
                (keep, all().filter(|(_, _, e)| e.kind == EdgeKind::CoMentioned).collect())
            }
            View::Speakers => self.speakers(),
        }
    }

    /// People who present a talk, the topics their talks mention, and `spoke_about`.
    fn speakers(&self) -> (Vec<bool>, Edges) {
        let g = &self.graph;
        let mut keep = vec![false; g.node_count()];
        // (person, topic) -> the derived edge, in first-seen order of talks.
        let mut derived: HashMap<(NodeIndex, NodeIndex), Edge> = HashMap::new();
        for talk in g.node_indices().filter(|&i| g[i].kind == NodeKind::Talk) {
            let out: Vec<_> = g.edges(talk).collect();
            let people = out.iter().filter(|e| e.weight().kind.is_on_stage()).map(|e| e.target());
            for p in people {
                keep[p.index()] = true;
                let mentions =
                    out.iter().filter(|e| e.weight().kind == EdgeKind::Mentions && g[e.target()].kind.is_topic());
                for m in mentions {
                    keep[m.target().index()] = true;
                    let d = derived.entry((p, m.target())).or_insert_with(|| Edge {
                        kind: EdgeKind::SpokeAbout,
                        weight: 0,
                        evidence: Evidence::new(),
                        confidence: Confidence::Inferred,
                    });
                    d.weight += 1;
                    d.confidence = d.confidence.max(m.weight().confidence);
                    for at in m.weight().evidence.iter() {
                        if !d.evidence.contains(at) {
                            d.evidence.push(at);
                        }
                    }
                }
            }
        }
        (keep, derived.into_iter().map(|((p, t), e)| (p, t, e)).collect())
    }

    /// A new graph of the kept nodes, in their order, and `edges`, sorted as the
    /// builder sorts them; the id index rebuilt.
    fn rebuild(&self, keep: &[bool], edges: Edges) -> KnowledgeGraph {
        let kept = keep.iter().filter(|k| **k).count();
        let mut graph = DiGraph::with_capacity(kept, edges.len());
        let mut index = FastMap::with_capacity_and_hasher(kept, Default::default());
        let mut new_of = vec![None; keep.len()];
        for i in self.graph.node_indices().filter(|i| keep[i.index()]) {
            let n = graph.add_node(self.graph[i].clone());
            index.insert(self.graph[i].id.clone(), n.index() as u32);
            new_of[i.index()] = Some(n);
        }
        let mut edges: Vec<_> =
            edges.into_iter().filter_map(|(s, t, e)| Some((new_of[s.index()]?, new_of[t.index()]?, e))).collect();
        edges.sort_by(|a, b| a.0.cmp(&b.0).then(a.2.kind.cmp(&b.2.kind)).then(a.1.cmp(&b.1)));
        for (s, t, e) in edges {
            graph.add_edge(s, t, e);
        }
        KnowledgeGraph { graph, index, files: self.files.clone(), sources: self.sources.clone(), measures: None }
    }

    /// The node that `name` names (see the module docs for the matching rules); the
    /// error suggests the closest names.
    pub fn resolve(&self, name: &str) -> Result<NodeIndex, ViewError> {
        let q = name.trim().to_lowercase();
        if q.is_empty() {
            return Err(ViewError::NoName);
        }
        let q_slug = slug(&q);
        let tiers: [&dyn Fn(&super::Node) -> bool; 4] = [
            &|n| n.id.to_lowercase() == q,
            &|n| n.label.to_lowercase() == q,
            &|n| {
                let k = key_of(&n.id);
                k == q || k == q_slug
            },
            &|n| n.aliases.iter().any(|a| a.to_lowercase() == q),
        ];
        for tier in tiers {
            let found: Vec<NodeIndex> = self.nodes().filter(|(_, n)| tier(n)).map(|(i, _)| i).collect();
            match found.as_slice() {
                [] => continue,
                [one] => return Ok(*one),
                many => {
                    let names: Vec<String> =
                        many.iter().map(|&i| format!("{} ({})", self.node(i).label, self.node(i).id)).collect();
                    return Err(ViewError::Ambiguous { name: name.to_string(), nodes: names });
                }
            }
        }
        Err(self.unknown(name, &q))
    }

    /// The error for an unknown `--focus` name, with the closest names (Jaro-Winkler
    /// similarity of at least 0.8 to an id, label or alias, lower-cased; best 3).
    fn unknown(&self, name: &str, q: &str) -> ViewError {
        let mut scored: Vec<(f64, NodeIndex)> = self
            .nodes()
            .map(|(i, n)| {
                let names = [n.id.to_lowercase(), key_of(&n.id), n.label.to_lowercase()]
                    .into_iter()
                    .chain(n.aliases.iter().map(|a| a.to_lowercase()));
                (names.map(|c| strsim::jaro_winkler(q, &c)).fold(0.0, f64::max), i)
            })
            .filter(|(s, _)| *s >= 0.8)
            .collect();
        // Best first; ties in graph order (stable sort), so the message is deterministic.
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        let close: Vec<String> =
            scored.iter().take(3).map(|(_, i)| format!("{} ({})", self.node(*i).label, self.node(*i).id)).collect();
        ViewError::Unknown { name: name.to_string(), close }
    }
}

/// An id without its kind prefix, lower-cased.
fn key_of(id: &str) -> String {
    id.split_once(':').map_or(String::new(), |(_, k)| k.to_lowercase())
}

/// The nodes within `depth` undirected steps of `from` over `edges`.
fn neighbourhood(n: usize, edges: &Edges, from: NodeIndex, depth: u32) -> Vec<bool> {
    let mut adj: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (s, t, _) in edges {
        adj[s.index()].push(t.index());
        adj[t.index()].push(s.index());
    }
    let mut seen = vec![false; n];
    seen[from.index()] = true;
    let mut queue = VecDeque::from([(from.index(), 0u32)]);
    while let Some((i, d)) = queue.pop_front() {
        if d == depth {
            continue;
        }
        for &j in &adj[i] {
            if !seen[j] {
                seen[j] = true;
                queue.push_back((j, d + 1));
            }
        }
    }
    seen
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::extract::{Knowledge, Mention, NoteFacts, Rule, TalkFacts, Target};
    use crate::graph::GraphBuilder;
    use crate::notes::{EventInfo, Named, SectionKind};

    fn talk(line: u32, speaker: &str, mentions: &[(Target, &str)]) -> TalkFacts {
        TalkFacts {
            kind: SectionKind::Talk,
            title: format!("Talk at {line}"),
            line,
            event: Some(0),
            speakers: vec![Named { name: speaker.into(), line: line + 1 }],
            moderators: Vec::new(),
            affiliations: Vec::new(),
            mentions: mentions
                .iter()
                .enumerate()
                .map(|(i, (target, surface))| Mention {
                    target: target.clone(),
                    surface: surface.to_string(),
                    line: line + 2 + i as u32,
                    rule: Rule::Pattern,
                })
                .collect(),
            near_misses: vec![],
        }
    }

    fn tech(name: &str) -> (Target, &'static str) {
        (Target::Unlisted(name.into()), "")
    }

    /// Three talks: Mark Shannon twice (CPython ×2 + PEP 659 + asyncio; CPython +
    /// asyncio), Ann Lee once (asyncio + Pyodide); Trio mentioned alone by a third.
    fn sample() -> KnowledgeGraph {
        let k = Knowledge::builtin();
        let mut b = GraphBuilder::new(&k);
        b.add(&NoteFacts {
            file: Arc::from("day1.md"),
            key: Arc::from("day1"),
            events: vec![EventInfo { name: "EuroPython 2023".into(), day: Some(1), date: None, line: 1 }],
            tags: vec![],
            talks: vec![
                talk(
                    10,
                    "Mark Shannon",
                    &[
                        tech("CPython"),
                        (Target::Unlisted("CPython".into()), "cpy"),
                        (Target::Pep(659), ""),
                        tech("asyncio"),
                    ],
                ),
                talk(30, "Mark Shannon", &[tech("CPython"), tech("asyncio")]),
                talk(50, "Ann Lee", &[tech("asyncio"), tech("Pyodide")]),
                talk(70, "Bo Chen", &[tech("Trio")]),
            ],
            warnings: vec![],
        });
        b.finish()
    }

    fn ids(g: &KnowledgeGraph) -> Vec<&str> {
        g.nodes().map(|(_, n)| n.id.as_str()).collect()
    }

    fn edges(g: &KnowledgeGraph) -> Vec<(String, &'static str, String, u32)> {
        g.edges().map(|(s, t, e)| (s.id.clone(), e.kind.name(), t.id.clone(), e.weight)).collect()
    }

    fn view(g: &KnowledgeGraph, opts: ViewOptions) -> KnowledgeGraph {
        g.view(&opts).expect("view applies")
    }

    #[test]
    fn full_view_is_the_graph() {
        let g = sample();
        let v = view(&g, ViewOptions::default());
        assert_eq!(ids(&v), ids(&g));
        assert_eq!(edges(&v), edges(&g));
        assert_eq!(v.find("technology:cpython"), g.find("technology:cpython"));
    }

    #[test]
    fn topics_view_keeps_mentioned_topics_and_co_mentions_only() {
        let g = sample();
        let v = view(&g, ViewOptions { view: View::Topics, ..Default::default() });
        assert_eq!(
            ids(&v),
            ["technology:asyncio", "technology:cpython", "technology:pyodide", "technology:trio", "pep:659"]
        );
        assert!(v.edges().all(|(_, _, e)| e.kind == EdgeKind::CoMentioned));
        assert!(edges(&v).contains(&("technology:asyncio".into(), "co_mentioned", "technology:cpython".into(), 2)));
        // Trio, mentioned alone, is kept, isolated.
        let trio = v.find("technology:trio").expect("isolated topic kept");
        assert_eq!(v.neighbors(trio).count(), 0);
        // The id index points into the new graph.
        for (i, n) in v.nodes() {
            assert_eq!(v.find(&n.id), Some(i));
        }
    }

    #[test]
    fn speakers_view_derives_spoke_about_weighted_by_talks() {
        let g = sample();
        let v = view(&g, ViewOptions { view: View::Speakers, ..Default::default() });
        assert!(v.nodes().all(|(_, n)| n.kind == NodeKind::Person || n.kind.is_topic()));
        assert!(v.find("talk:day1#10").is_none());
        let es = edges(&v);
        assert!(es.iter().all(|e| e.1 == "spoke_about"));
        // Two talks by Mark Shannon mention CPython (three mentions): weight 2.
        assert!(es.contains(&("person:mark-shannon".into(), "spoke_about", "technology:cpython".into(), 2)));
        assert!(es.contains(&("person:ann-lee".into(), "spoke_about", "technology:asyncio".into(), 1)));
        // Authored (Mark Shannon wrote PEP 659) is not carried over; spoke_about is.
        assert!(es.contains(&("person:mark-shannon".into(), "spoke_about", "pep:659".into(), 1)));
        assert_eq!(es.iter().filter(|e| e.2 == "pep:659").count(), 1);
        let (_, _, e) = v
            .edges()
            .find(|(s, t, _)| s.id == "person:mark-shannon" && t.id == "technology:cpython")
            .expect("derived edge");
        let ev: Vec<String> = v.evidence(e).map(|a| a.to_string()).collect();
        assert_eq!(ev, ["day1.md:12", "day1.md:13", "day1.md:32"]);
        // Sorted like the builder sorts: by source index, kind, target index.
        let order: Vec<_> = v.edge_indices().map(|(s, t, e)| (s, e.kind, t)).collect();
        let mut sorted = order.clone();
        sorted.sort();
        assert_eq!(order, sorted);
    }

    #[test]
    fn kinds_keep_listed_kinds_and_edges_between_them() {
        let g = sample();
        let v = view(&g, ViewOptions { kinds: Some(vec![NodeKind::Talk, NodeKind::Pep]), ..Default::default() });
        assert_eq!(ids(&v), ["talk:day1#10", "talk:day1#30", "talk:day1#50", "talk:day1#70", "pep:659"]);
        assert_eq!(edges(&v), [("talk:day1#10".into(), "mentions", "pep:659".into(), 1)]);
    }

    #[test]
    fn min_weight_drops_light_edges_and_nodes_left_alone() {
        let g = sample();
        let v = view(&g, ViewOptions { view: View::Topics, min_weight: Some(2), ..Default::default() });
        assert_eq!(ids(&v), ["technology:asyncio", "technology:cpython"]);
        assert_eq!(edges(&v), [("technology:asyncio".into(), "co_mentioned", "technology:cpython".into(), 2)]);
        // Weight 1 keeps every edge but drops the isolated topic.
        let v = view(&g, ViewOptions { view: View::Topics, min_weight: Some(1), ..Default::default() });
        assert!(v.find("technology:trio").is_none());
        assert!(v.find("technology:pyodide").is_some());
    }

    #[test]
    fn focus_finds_by_id_label_key_and_alias_case_insensitively() {
        let g = sample();
        for (name, id) in [
            ("technology:CPython", "technology:cpython"),
            ("cpython", "technology:cpython"),
            ("CPY", "technology:cpython"),
            ("PEP 659", "pep:659"),
            ("pep 659", "pep:659"),
            ("mark-shannon", "person:mark-shannon"),
            ("Mark Shannon", "person:mark-shannon"),
            ("  mark shannon ", "person:mark-shannon"),
        ] {
            let i = g.resolve(name).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(g.node(i).id, id, "{name}");
        }
        // Not matched: a prefix, or a substring.
        assert!(g.resolve("mark").is_err());
        assert!(g.resolve("python").is_err());
    }

    #[test]
    fn focus_keeps_the_neighbourhood_to_the_depth_given() {
        let g = sample();
        let opts = |depth| ViewOptions { focus: Some("Pyodide".into()), depth, ..Default::default() };
        let v = view(&g, opts(None));
        assert_eq!(ids(&v), ["talk:day1#50", "technology:asyncio", "technology:pyodide"]);
        // Every edge between kept nodes, the one between two neighbours too.
        assert_eq!(
            edges(&v),
            [
                ("talk:day1#50".into(), "mentions", "technology:asyncio".into(), 1),
                ("talk:day1#50".into(), "mentions", "technology:pyodide".into(), 1),
                ("technology:asyncio".into(), "co_mentioned", "technology:pyodide".into(), 1),
            ]
        );
        let v = view(&g, opts(Some(0)));
        assert_eq!(ids(&v), ["technology:pyodide"]);
        assert_eq!(v.edge_count(), 0);
        let trio = |depth| ViewOptions { focus: Some("Trio".into()), depth: Some(depth), ..Default::default() };
        assert_eq!(ids(&view(&g, trio(1))), ["talk:day1#70", "technology:trio"]);
        assert_eq!(
            ids(&view(&g, trio(2))),
            ["event:europython-2023-day-1", "talk:day1#70", "person:bo-chen", "technology:trio"]
        );
        // Focus applies after the view: in topics, Pyodide's neighbour is asyncio only.
        let v = view(&g, ViewOptions { view: View::Topics, ..opts(None) });
        assert_eq!(ids(&v), ["technology:asyncio", "technology:pyodide"]);
    }

    #[test]
    fn focus_node_survives_min_weight() {
        let g = sample();
        let v = view(
            &g,
            ViewOptions { view: View::Topics, min_weight: Some(2), focus: Some("trio".into()), ..Default::default() },
        );
        assert_eq!(ids(&v), ["technology:trio"]);
    }

    #[test]
    fn unknown_focus_suggests_the_closest_names() {
        let g = sample();
        let err = g.view(&ViewOptions { focus: Some("cpyton".into()), ..Default::default() }).unwrap_err();
        assert_eq!(
            err.to_string(),
            "\"cpyton\": no node has this id, name or alias; did you mean CPython (technology:cpython)?"
        );
        assert_eq!(
            err,
            ViewError::Unknown { name: "cpyton".into(), close: vec!["CPython (technology:cpython)".into()] }
        );
        let err =
            g.view(&ViewOptions { focus: Some("Mark Shanon".into()), ..Default::default() }).unwrap_err().to_string();
        assert!(err.contains("did you mean Mark Shannon (person:mark-shannon)"), "{err}");
        let err = g.view(&ViewOptions { focus: Some("zzzzqqq".into()), ..Default::default() }).unwrap_err().to_string();
        assert!(err.contains("no node has this id, name or alias (try an id"), "{err}");
        assert!(!err.contains("did you mean"), "{err}");
        let empty = g.view(&ViewOptions { focus: Some("  ".into()), ..Default::default() });
        assert_eq!(empty.unwrap_err(), ViewError::NoName);
    }

    #[test]
    fn focus_on_a_shared_name_asks_for_an_id() {
        let k = Knowledge::builtin();
        let mut b = GraphBuilder::new(&k);
        b.add(&NoteFacts {
            file: Arc::from("x.md"),
            key: Arc::from("x"),
            events: vec![],
            tags: vec![],
            talks: vec![talk(1, "Trio", &[tech("Trio")])],
            warnings: vec![],
        });
        let g = b.finish();
        let err = g.view(&ViewOptions { focus: Some("trio".into()), ..Default::default() }).unwrap_err();
        assert_eq!(
            err.to_string(),
            "\"trio\" names 2 nodes: Trio (person:trio), Trio (technology:trio); give the id of one"
        );
        let v = view(&g, ViewOptions { focus: Some("Person:Trio".into()), depth: Some(0), ..Default::default() });
        assert_eq!(ids(&v), ["person:trio"]);
    }

    #[test]
    fn empty_graph_views_are_empty_and_focus_fails_cleanly() {
        let g = KnowledgeGraph::default();
        for view in [View::Full, View::Topics, View::Speakers] {
            let v = g.view(&ViewOptions { view, min_weight: Some(3), ..Default::default() }).expect("view");
            assert_eq!((v.node_count(), v.edge_count()), (0, 0));
        }
        let err = g.view(&ViewOptions { focus: Some("x".into()), ..Default::default() }).unwrap_err().to_string();
        assert!(err.contains("no node has this id, name or alias"), "{err}");
    }

    #[test]
    fn focus_filtered_out_says_so() {
        let g = sample();
        let err = g
            .view(&ViewOptions { view: View::Topics, focus: Some("Mark Shannon".into()), ..Default::default() })
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "\"Mark Shannon\" is Mark Shannon (person:mark-shannon), which the view and filters given leave out"
        );
        // No flag name in the graph's messages: the command line adds `--focus`.
        assert!(!err.to_string().contains("--"));
    }

    #[test]
    fn filters_apply_in_order_view_kinds_min_weight_focus() {
        let g = sample();
        let v = view(
            &g,
            ViewOptions {
                view: View::Speakers,
                kinds: Some(vec![NodeKind::Person, NodeKind::Technology]),
                min_weight: Some(2),
                focus: Some("cpython".into()),
                depth: Some(3),
            },
        );
        assert_eq!(ids(&v), ["person:mark-shannon", "technology:asyncio", "technology:cpython"]);
        assert_eq!(edges(&v).len(), 2);
    }

    #[test]
    fn view_names_round_trip() {
        for v in [View::Full, View::Topics, View::Speakers] {
            assert_eq!(View::from_name(v.name()), Some(v));
        }
        assert_eq!(View::from_name(" Topics "), Some(View::Topics));
        assert_eq!(View::from_name("topic"), None);
    }
}
