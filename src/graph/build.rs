//! Stage 3's builder: the facts of each note in, a [`KnowledgeGraph`] out, the same
//! whatever order the notes come in.

use std::collections::BTreeSet;
use std::sync::Arc;

use petgraph::graph::{DiGraph, NodeIndex};

use super::{
    push_number, Attr, Attrs, Confidence, Edge, EdgeKind, Evidence, FastMap, KnowledgeGraph, Node, NodeKind, Place,
    TalkAt,
};
use crate::extract::{Knowledge, Mention, NoteFacts, Rule, Target};
use crate::ids::node_id;

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
    /// Edges out of talks, each talk's merged: (to, edge), talk after talk.
    talk_edges: Vec<(u32, Edge)>,
    /// Per (node, edge kind): the last talk (its number in `talk_groups`, from 1) with
    /// an edge of that kind to the node, and where that edge is in `talk_edges`.
    slots: Vec<(u32, u32)>,
    /// Where each talk's edges start in `talk_edges`: (talk, start).
    talk_groups: Vec<(u32, u32)>,
    /// Every other edge.
    edges: FastMap<(u32, EdgeKind, u32), Edge>,
    /// The file table places refer to, and each name's number.
    files: Vec<Arc<str>>,
    file_numbers: FastMap<Arc<str>, u32>,
    /// Each spelling of a person's name seen -> (its node, how often), to pick the
    /// best-written one.
    person_names: FastMap<Box<str>, (u32, u32)>,
    /// Lexicon entry -> its node, once made (`u32::MAX`: not yet).
    entry_nodes: Vec<u32>,
    /// PEP number -> its node, once made.
    pep_nodes: FastMap<u32, u32>,
    /// Python version (`3.11`) -> its node, once made.
    version_nodes: FastMap<Box<str>, u32>,
    /// How sure each (rule, spelling) of a lexicon entry's mentions was, once decided.
    /// By lexicon entry (a list, not a map: entries are numbered densely).
    sureness: Vec<Vec<(Rule, Box<str>, Confidence)>>,
}

impl<'k> GraphBuilder<'k> {
    /// An empty builder resolving lexicon entries and PEPs through `knowledge`.
    pub fn new(knowledge: &'k Knowledge) -> Self {
        GraphBuilder {
            knowledge,
            nodes: Vec::new(),
            ids: FastMap::default(),
            talk_edges: Vec::new(),
            slots: Vec::new(),
            talk_groups: Vec::new(),
            edges: FastMap::default(),
            files: Vec::new(),
            file_numbers: FastMap::default(),
            person_names: FastMap::default(),
            entry_nodes: Vec::new(),
            pep_nodes: FastMap::default(),
            version_nodes: FastMap::default(),
            sureness: Vec::new(),
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
            attrs: Attrs::default(),
            aliases: BTreeSet::new(),
        });
        self.ids.insert(id, n);
        self.slots.extend([(0, 0); EdgeKind::ALL.len()]);
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

    /// An edge out of the talk being added: merged in the talk's own list when the talk
    /// is new (`local`), found through its (target, kind) slot, else in the global map
    /// (the same talk id from a second file, e.g. `day1.md` and `day1.txt`).
    ///
    /// Merging each talk's edges in a hash map cost 212 instructions an edge
    /// (callgrind, 10 MB corpus: 35 M of the graph stage); appending them and merging
    /// after a stable sort in `finish`, 150; a slot per (node, kind), a few dozen.
    fn talk_edge(&mut self, local: bool, from: u32, kind: EdgeKind, to: u32, at: Place, sure: Confidence) {
        if !local {
            return self.edge_sure(from, kind, to, Some(at), sure);
        }
        let talk = self.talk_groups.len() as u32;
        let slot = to as usize * EdgeKind::ALL.len() + kind as usize;
        let (last, i) = self.slots[slot];
        if last == talk {
            let e = &mut self.talk_edges[i as usize].1;
            e.confidence = e.confidence.max(sure);
            e.weight += 1;
            if e.evidence.last() != Some(at) {
                e.evidence.push(at);
            }
        } else {
            self.slots[slot] = (talk, self.talk_edges.len() as u32);
            let mut evidence = Evidence::new();
            evidence.push(at);
            self.talk_edges.push((to, Edge { kind, weight: 1, evidence, confidence: sure }));
        }
    }

    fn person(&mut self, name: &str) -> u32 {
        if let Some((n, count)) = self.person_names.get_mut(name) {
            *count += 1;
            return *n;
        }
        let n = self.node(NodeKind::Person, name, name);
        self.person_names.insert(name.into(), (n, 1));
        n
    }

    fn pep(&mut self, number: u32) -> u32 {
        if let Some(&n) = self.pep_nodes.get(&number) {
            return n;
        }
        let id = self.node(NodeKind::Pep, &number.to_string(), &format!("PEP {number}"));
        self.pep_nodes.insert(number, id);
        let knowledge = self.knowledge;
        let attrs = &mut self.nodes[id as usize].attrs;
        attrs.set(Attr::Identifier, format!("PEP {number}"));
        attrs.set(Attr::Url, crate::extract::pep::pep_url(number));
        if let Some(info) = knowledge.peps.get(number) {
            attrs.set(Attr::Title, info.title.as_str());
            attrs.set(Attr::Status, info.status.as_str());
            attrs.set(Attr::Type, info.pep_type.as_str());
            if !info.python_version.is_empty() {
                attrs.set(Attr::PythonVersion, info.python_version.as_str());
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
        match self.entry_nodes.get(id as usize) {
            Some(&n) if n != u32::MAX => return n,
            Some(_) => {}
            None => self.entry_nodes.resize(id as usize + 1, u32::MAX),
        }
        let knowledge = self.knowledge;
        let e = knowledge.lexicon.entry(id);
        let nid = self.node(e.kind.into(), &e.name, &e.name);
        self.entry_nodes[id as usize] = nid;
        let attrs = &mut self.nodes[nid as usize].attrs;
        if attrs.is_empty() {
            attrs.set(Attr::Category, e.category.as_str());
            let links = [
                (Attr::Homepage, &e.homepage),
                (Attr::Pypi, &e.pypi),
                (Attr::Npm, &e.npm),
                (Attr::Wikidata, &e.wikidata),
            ];
            for (a, v) in links {
                if let Some(v) = v {
                    attrs.set(a, v.as_str());
                }
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

    /// How sure mention `m` is ([`Knowledge::confidence`]), remembered per lexicon
    /// entry, rule and spelling (a mention's line does not change it): the same few
    /// spellings come back thousands of times, and deciding costs a name key and a
    /// common-word lookup. On the 10 MB corpus (callgrind) that was 174 M of the
    /// graph stage's 608 M instructions, 1,100 a mention; remembered, a few dozen.
    ///
    /// Also says whether this (entry, rule, spelling) is new: a spelling seen before
    /// has had its alias recorded already.
    fn confidence(&mut self, m: &Mention) -> (Confidence, bool) {
        /// Past this many spellings of one entry, deciding again is as cheap as looking.
        const MOST: usize = 32;
        let knowledge = self.knowledge;
        let Target::Entry(id) = m.target else { return (knowledge.confidence(m), true) };
        if self.sureness.len() <= id as usize {
            self.sureness.resize_with(id as usize + 1, Vec::new);
        }
        let seen = &mut self.sureness[id as usize];
        if let Some(&(_, _, sure)) = seen.iter().find(|(rule, surface, _)| *rule == m.rule && **surface == *m.surface) {
            return (sure, false);
        }
        let sure = knowledge.confidence(m);
        if seen.len() < MOST {
            seen.push((m.rule, m.surface.as_str().into(), sure));
        }
        (sure, true)
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
                let date: Arc<str> = Arc::from(date.as_str());
                for n in [id, conf] {
                    let d = &mut self.nodes[n as usize].attrs.date;
                    if d.as_ref().is_none_or(|d| date < *d) {
                        *d = Some(date.clone());
                    }
                }
            }
            event_ids.push(id);
        }
        let python = self.knowledge.lexicon.find("Python");
        // Every talk of the note shares its id's prefix (`talk:<slugs>`): slugged once.
        let prefix = node_id(NodeKind::Talk, &facts.key);
        // Talks that share a line (two tracks of a grid's row) after the first: `#6.2`.
        // (A part of a talk written again, its line and title the talk's, is that talk.)
        let mut same_line = (0, 0);
        let mut last: Option<&str> = None;
        for t in &facts.talks {
            // As `ids::talk_id` writes it.
            let mut id = String::with_capacity(prefix.len() + 11);
            id.push_str(&prefix);
            id.push('#');
            push_number(&mut id, t.line);
            let again = same_line.0 == t.line && last == Some(t.title.as_str());
            last = Some(t.title.as_str());
            same_line = match (same_line.0 == t.line, again) {
                (true, true) => same_line,
                (true, false) => (t.line, same_line.1 + 1),
                (false, _) => (t.line, 1),
            };
            if same_line.1 > 1 {
                id.push('.');
                push_number(&mut id, same_line.1);
            }
            let (tid, local) = self.node_by_id(NodeKind::Talk, id, &t.title);
            if local {
                self.talk_groups.push((tid, self.talk_edges.len() as u32));
            }
            let node = &mut self.nodes[tid as usize];
            node.label.clone_from(&t.title);
            node.attrs = Attrs::of_talk(TalkAt { kind: t.kind, file: facts.file.clone(), line: t.line });
            if let Some(ev) = t.event.and_then(|i| event_ids.get(i)).copied() {
                let date = self.nodes[ev as usize].attrs.date.clone();
                self.nodes[tid as usize].attrs.date = date;
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
                    // Most mentions are of an entry with a node already: looked up here,
                    // without a call (calling `entry` for each of the 128,000 mentions of
                    // the 10 MB corpus was 6.5 M instructions, callgrind; this, 0.8 M).
                    Target::Entry(id) => match self.entry_nodes.get(*id as usize) {
                        Some(&n) if n != u32::MAX => n,
                        _ => self.entry(*id),
                    },
                    Target::Pep(n) => self.pep(*n),
                    Target::PythonVersion(v) => self.version(v, python),
                    Target::Unlisted(name) => {
                        let id = self.node(NodeKind::Technology, name, name);
                        self.nodes[id as usize].attrs.set_default(Attr::Category, || "unlisted".into());
                        id
                    }
                    Target::Organization(name) => {
                        let id = self.node(NodeKind::Organization, name, name);
                        self.nodes[id as usize].attrs.set_default(Attr::Category, || "unlisted".into());
                        id
                    }
                };
                let (sure, new) = self.confidence(m);
                let node = &mut self.nodes[target as usize];
                if new && m.surface != node.label && !m.surface.is_empty() && !node.aliases.contains(&m.surface) {
                    node.aliases.insert(m.surface.clone());
                }
                self.talk_edge(local, tid, EdgeKind::Mentions, target, span(m.line), sure);
            }
        }
    }

    /// Each talk and where its edges are in `talk_edges`, in the order added.
    fn group_ranges(&self) -> impl Iterator<Item = (u32, std::ops::Range<usize>)> + '_ {
        let ends = self.talk_groups.iter().skip(1).map(|g| g.1 as usize).chain([self.talk_edges.len()]);
        self.talk_groups.iter().zip(ends).map(|(&(talk, start), end)| (talk, start as usize..end))
    }

    /// Orders everything and returns the graph.
    ///
    /// Nodes go by kind, then id. Edges go by (source, kind, target) positions, and
    /// are added to the graph in that order, in one pass, with no list of them in
    /// between ([`Edges`]): first each talk's (talks come before the other kinds but
    /// events), then the co-mentions between topics (counted from the talks' mentions
    /// on the way), with the few other edges (a day to its conference, authors,
    /// developers, versions) slipped in at their places.
    pub fn finish(self) -> KnowledgeGraph {
        self.finish_on(1)
    }

    /// [`finish`](Self::finish) on up to `threads` threads: with two, each orders
    /// the edges of half the talks ([`talk_order`]), then one counts the co-mentions
    /// while the other adds the talks' edges to the graph. The graph is the same for
    /// any number.
    ///
    /// On the 100 MB corpus (callgrind, one thread) `finish` was 554 M instructions,
    /// of which sorting each talk's edges 197 M and adding edges to the graph 214 M
    /// (petgraph's `add_edge` 102 M).
    pub fn finish_on(mut self, threads: usize) -> KnowledgeGraph {
        // The most frequent spelling of a person's name wins; ties go to the one with
        // more non-ASCII letters (diacritics written out), then the smallest. The
        // others are aliases.
        let mut spellings: Vec<(u32, &str, u32)> =
            self.person_names.iter().map(|(name, &(n, count))| (n, &**name, count)).collect();
        spellings.sort_unstable();
        let non_ascii = |s: &str| s.chars().filter(|c| !c.is_ascii()).count();
        for names in spellings.chunk_by(|a, b| a.0 == b.0) {
            let best = names.iter().max_by(|a, b| {
                a.2.cmp(&b.2).then_with(|| non_ascii(a.1).cmp(&non_ascii(b.1))).then_with(|| b.1.cmp(a.1))
            });
            let Some(&(n, best, _)) = best else { continue };
            let node = &mut self.nodes[n as usize];
            for &(_, name, _) in names {
                if name != best {
                    node.aliases.insert(name.to_string());
                }
            }
            node.label = best.to_string();
        }
        let mut by_id: Vec<u32> = (0..self.nodes.len() as u32).collect();
        by_id.sort_unstable_by(|&a, &b| self.nodes[a as usize].id.cmp(&self.nodes[b as usize].id));
        let mut rank = vec![0u32; self.nodes.len()];
        for (r, &n) in by_id.iter().enumerate() {
            rank[n as usize] = r as u32;
        }
        // Ids are unique, so sorting by kind and then id is a stable reordering of by_id.
        let mut order = by_id;
        order.sort_by_key(|&n| self.nodes[n as usize].kind);
        // Position of each node in the sorted order: the petgraph index it gets.
        let mut pos = vec![0u32; self.nodes.len()];
        for (p, &n) in order.iter().enumerate() {
            pos[n as usize] = p as u32;
        }
        // Topics get dense numbers in graph order: pairs counted by dense numbers come
        // out in the order of the graph's edges, with no sort.
        let is_topic = |n: &Node| {
            matches!(n.kind, NodeKind::Technology | NodeKind::Topic | NodeKind::Organization | NodeKind::Pep)
        };
        let mut dense = vec![u32::MAX; order.len()];
        let mut topics = Vec::new();
        for (p, &n) in order.iter().enumerate() {
            if is_topic(&self.nodes[n as usize]) {
                dense[p] = topics.len() as u32;
                topics.push(p as u32);
            }
        }
        let topic_rank: Vec<u32> = topics.iter().map(|&p| rank[order[p as usize] as usize]).collect();
        let mut others: Vec<(u128, Edge)> = self
            .edges
            .drain()
            .map(|((from, kind, to), e)| (key(pos[from as usize], kind, pos[to as usize]), e))
            .collect();
        others.sort_unstable_by_key(|(k, _)| *k);
        let mut graph: DiGraph<Node, Edge> = DiGraph::with_capacity(order.len(), self.talk_edges.len() + others.len());
        // The builder's id map becomes the graph's index: each node's number is
        // replaced by its position, and no id is copied.
        let mut index = std::mem::take(&mut self.ids);
        for n in index.values_mut() {
            *n = pos[*n as usize];
        }
        let ranges: Vec<std::ops::Range<usize>> = self.group_ranges().map(|(_, r)| r).collect();
        let mut groups: Vec<(u32, std::ops::Range<usize>)> =
            self.group_ranges().map(|(talk, r)| (pos[talk as usize], r)).collect();
        groups.sort_unstable_by_key(|g| g.0);
        let mut nodes: Vec<Option<Node>> = std::mem::take(&mut self.nodes).into_iter().map(Some).collect();
        for &n in &order {
            graph.add_node(nodes[n as usize].take().expect("each node once"));
        }
        drop(nodes);
        // (talk, topic) of every mention, talk by talk; and each topic's surest
        // mention: a co-mention is as sure as the less sure of its two.
        let mut mentions: Vec<(u32, u32)> = Vec::new();
        let mut surest = vec![Confidence::Inferred; topics.len()];
        for (talk, r) in &groups {
            for (to, e) in &self.talk_edges[r.clone()] {
                let d = dense[pos[*to as usize] as usize];
                if e.kind == EdgeKind::Mentions && d != u32::MAX {
                    surest[d as usize] = surest[d as usize].max(e.confidence);
                    mentions.push((*talk, d));
                }
            }
        }
        // A talk whose id a second file also has (`day1.md` and `day1.txt`) has some
        // edges among the others: its mentions there count too, and then everything
        // is sorted together.
        let mut shared = Vec::new();
        for (k, e) in others.iter().filter(|(_, e)| e.kind == EdgeKind::Mentions) {
            let (from, to) = ((k >> 64) as u32, *k as u32);
            let d = dense[to as usize];
            if d != u32::MAX {
                surest[d as usize] = surest[d as usize].max(e.confidence);
                shared.push((from, d));
            }
        }
        if !shared.is_empty() {
            mentions.extend(shared);
            mentions.sort_unstable();
            mentions.dedup();
        }
        // The co-mentions are counted on a second thread, when there is one, while
        // this one adds the talks' edges.
        let t = topics.len();
        let count = move || count_pairs(&mentions, &topic_rank, t * t <= 1 << 22);
        // Each talk's edges, sorted by kind and target position ([`talk_order`]).
        let mut seen = std::mem::take(&mut self.talk_edges);
        let talks_edges = |mut out: Edges, seen: &mut [(u32, Edge)], order: &[u32]| {
            for (talk, r) in &groups {
                for &i in &order[r.clone()] {
                    let (to, e) = &mut seen[i as usize];
                    let e = Edge { evidence: std::mem::take(&mut e.evidence), ..*e };
                    out.push(key(*talk, e.kind, pos[*to as usize]), e);
                }
            }
            out
        };
        let out = Edges::new(graph, others);
        // On two threads, each orders the talks of half the list; then one counts the
        // co-mentions while the other adds the talks' edges to the graph.
        let (mut out, pairs) = if threads > 1 {
            let k = ranges.partition_point(|r| r.start < seen.len() / 2);
            let split = ranges.get(k).map_or(seen.len(), |r| r.start);
            let high_ranges: Vec<_> = ranges[k..].iter().map(|r| r.start - split..r.end - split).collect();
            let (low, high) = seen.split_at(split);
            let order = std::thread::scope(|scope| {
                let ordering = scope.spawn(|| talk_order(high, &high_ranges, &pos));
                let mut order = talk_order(low, &ranges[..k], &pos);
                let high = ordering.join().unwrap_or_else(|e| std::panic::resume_unwind(e));
                order.extend(high.into_iter().map(|i| i + split as u32));
                order
            });
            std::thread::scope(|scope| {
                let counting = scope.spawn(count);
                let out = talks_edges(out, &mut seen, &order);
                (out, counting.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            })
        } else {
            let order = talk_order(&seen, &ranges, &pos);
            (talks_edges(out, &mut seen, &order), count())
        };
        drop(seen);
        for ((a, b), w) in pairs {
            let confidence = surest[a as usize].min(surest[b as usize]);
            let e = Edge { kind: EdgeKind::CoMentioned, weight: w, evidence: Evidence::new(), confidence };
            out.push(key(topics[a as usize], EdgeKind::CoMentioned, topics[b as usize]), e);
        }
        let graph = out.finish();
        KnowledgeGraph { graph, index, files: Arc::new(self.files), sources: Arc::default(), measures: None }
    }
}

/// The order of the talks' edges (`edges`, talk after talk, each talk's edges in
/// one of `ranges`): for each range, the indices of its edges by kind, then target
/// position (`pos`), in the same range of the list returned.
///
/// Two counting passes over every edge at once, linear in edges and nodes: first by
/// (kind, target), then, keeping that order, by talk. Sorting each talk's edges on
/// its own was 175 M instructions of `finish` on the 100 MB corpus (callgrind).
pub(super) fn talk_order(edges: &[(u32, Edge)], ranges: &[std::ops::Range<usize>], pos: &[u32]) -> Vec<u32> {
    let n = pos.len();
    let bucket = |(to, e): &(u32, Edge)| e.kind as usize * n + pos[*to as usize] as usize;
    // Where each (kind, target) starts in `by_key`.
    let mut start = vec![0u32; EdgeKind::ALL.len() * n + 1];
    for x in edges {
        start[bucket(x) + 1] += 1;
    }
    for i in 1..start.len() {
        start[i] += start[i - 1];
    }
    let mut by_key = vec![0u32; edges.len()];
    for (i, x) in edges.iter().enumerate() {
        let b = bucket(x);
        by_key[start[b] as usize] = i as u32;
        start[b] += 1;
    }
    drop(start);
    // Each edge's talk, and where the talk's next edge goes.
    let mut talk_of = vec![0u32; edges.len()];
    let mut next: Vec<u32> = Vec::with_capacity(ranges.len());
    for (g, r) in ranges.iter().enumerate() {
        talk_of[r.clone()].fill(g as u32);
        next.push(r.start as u32);
    }
    let mut order = vec![0u32; edges.len()];
    for &i in &by_key {
        let g = talk_of[i as usize] as usize;
        order[next[g] as usize] = i;
        next[g] += 1;
    }
    order
}

/// The sort key of edge `from → to` of `kind`, from the two ends' positions: edges
/// are ordered by source, then kind, then target.
fn key(from: u32, kind: EdgeKind, to: u32) -> u128 {
    (u128::from(from) << 64) | ((kind as u128) << 32) | u128::from(to)
}

/// The number of talks behind each pair of topics, from `(talk, topic)` pairs (each
/// talk's together, without repeats): `((a, b), talks)`, `a` the one of the two with the smaller
/// `rank` (its id comes first), in the order of `(a, b)`. Topics are numbered
/// `0..rank.len()`. Counted in a `t × t` table when `square` (the usual lexicon has
/// about a thousand topics: 4 MB, read once in order), else in a map.
pub(super) fn count_pairs(mentions: &[(u32, u32)], rank: &[u32], square: bool) -> Vec<((u32, u32), u32)> {
    // Topics renumbered by rank (`by_rank[r]` is the topic of rank `r`, `local[d]` the
    // rank of topic `d`): each talk's topics, ranked and sorted, give every pair in
    // its orientation, with no comparison per pair (that comparison was 17 M of the
    // graph stage on the 10 MB corpus, callgrind; the pairs are 1.5 million).
    let t = rank.len();
    let mut by_rank: Vec<u32> = (0..t as u32).collect();
    by_rank.sort_unstable_by_key(|&d| rank[d as usize]);
    let mut local = vec![0u32; t];
    for (r, &d) in by_rank.iter().enumerate() {
        local[d as usize] = r as u32;
    }
    if square {
        let mut table = vec![0u32; t * t];
        ranked_runs(mentions, &local, |run| {
            for (i, &a) in run.iter().enumerate() {
                let row = &mut table[a * t..(a + 1) * t];
                for &b in &run[i + 1..] {
                    row[b] += 1;
                }
            }
        });
        // Read in the topics' own order, so the pairs come out sorted.
        let mut pairs = Vec::new();
        for a in 0..t {
            let row = &table[local[a] as usize * t..(local[a] as usize + 1) * t];
            for (b, &r) in local.iter().enumerate() {
                let w = row[r as usize];
                if w > 0 {
                    pairs.push(((a as u32, b as u32), w));
                }
            }
        }
        pairs
    } else {
        // Each topic's row counted apart, in one row of `t` counts reused (only the
        // places it touched are read and cleared), from the talks that mention it. (A
        // map of every pair missed the cache once the pairs were millions: 427 ms of
        // the 100 MB corpus's last step, against 13 ms on 10 MB; BENCHMARKS.md,
        // eleventh stop.) The talks' ranked topics one after the other, where each
        // talk's ends, and where each rank stands in them.
        let mut flat: Vec<u32> = Vec::with_capacity(mentions.len());
        let mut run_end: Vec<u32> = Vec::with_capacity(mentions.len());
        ranked_runs(mentions, &local, |run| {
            flat.extend(run.iter().map(|&r| r as u32));
            let end = flat.len() as u32;
            run_end.resize(flat.len(), end);
        });
        let mut start = vec![0usize; t + 1];
        for &r in &flat {
            start[r as usize + 1] += 1;
        }
        for r in 0..t {
            start[r + 1] += start[r];
        }
        let mut next = start.clone();
        let mut places = vec![0u32; flat.len()];
        for (p, &r) in flat.iter().enumerate() {
            places[next[r as usize]] = p as u32;
            next[r as usize] += 1;
        }
        let mut row = vec![0u32; t];
        let mut touched: Vec<u32> = Vec::new();
        let mut found: Vec<(u32, u32)> = Vec::new();
        let mut pairs = Vec::new();
        for (a, &ra) in local.iter().enumerate() {
            let ra = ra as usize;
            for &p in &places[start[ra]..start[ra + 1]] {
                for &rb in &flat[p as usize + 1..run_end[p as usize] as usize] {
                    if row[rb as usize] == 0 {
                        touched.push(rb);
                    }
                    row[rb as usize] += 1;
                }
            }
            found.clear();
            found.extend(touched.drain(..).map(|rb| (by_rank[rb as usize], std::mem::take(&mut row[rb as usize]))));
            found.sort_unstable();
            pairs.extend(found.iter().map(|&(b, w)| ((a as u32, b), w)));
        }
        pairs
    }
}

/// Calls `f` with each talk's topics of `mentions` (`(talk, topic)` pairs, each talk's together),
/// as ranks (`local`), sorted.
fn ranked_runs(mentions: &[(u32, u32)], local: &[u32], mut f: impl FnMut(&[usize])) {
    let mut ranked = Vec::new();
    for run in mentions.chunk_by(|x, y| x.0 == y.0) {
        ranked.clear();
        ranked.extend(run.iter().map(|&(_, d)| local[d as usize] as usize));
        ranked.sort_unstable();
        f(&ranked);
    }
}

/// The graph's edges being added in key order ([`key`]), with the few edges not out
/// of talks (`others`, sorted) slipped in at their places; an edge with the key of the
/// one before is merged into it.
struct Edges {
    graph: DiGraph<Node, Edge>,
    /// The key of the last edge added (`u128::MAX` before the first: no key is).
    last: u128,
    /// The others not added yet, last first, and the key of the next (`u128::MAX`
    /// when none is left): one comparison an edge, where a `Peekable` cost 29
    /// instructions (callgrind).
    others: Vec<(u128, Edge)>,
    next: u128,
}

impl Edges {
    fn new(graph: DiGraph<Node, Edge>, mut others: Vec<(u128, Edge)>) -> Self {
        others.reverse();
        let next = others.last().map_or(u128::MAX, |o| o.0);
        Edges { graph, last: u128::MAX, others, next }
    }

    /// Adds the edge of key `k` (no smaller than the last's), after the others before
    /// it (an other of the same key comes after it).
    #[inline]
    fn push(&mut self, k: u128, e: Edge) {
        while self.next < k {
            self.add_other();
        }
        self.add(k, e);
    }

    /// Adds the next of the others.
    #[cold]
    fn add_other(&mut self) {
        if let Some((o, e)) = self.others.pop() {
            self.next = self.others.last().map_or(u128::MAX, |o| o.0);
            self.add(o, e);
        }
    }

    #[inline]
    fn add(&mut self, k: u128, e: Edge) {
        debug_assert!(self.last == u128::MAX || self.last <= k, "edges in key order");
        if self.last == k {
            return self.merge(e);
        }
        self.last = k;
        let (from, to) = ((k >> 64) as usize, (k as u32) as usize);
        self.graph.add_edge(NodeIndex::new(from), NodeIndex::new(to), e);
    }

    /// Merges `e` into the last edge added, of the same key (only a talk that two
    /// files share has some: they are rare).
    #[cold]
    fn merge(&mut self, e: Edge) {
        let prev = self.graph.edge_count() - 1;
        if let Some(prev) = self.graph.edge_weight_mut(petgraph::graph::EdgeIndex::new(prev)) {
            prev.weight += e.weight;
            prev.confidence = prev.confidence.max(e.confidence);
            for at in e.evidence.iter() {
                if prev.evidence.last() != Some(at) {
                    prev.evidence.push(at);
                }
            }
        }
    }

    /// The graph, once the last others are in.
    fn finish(mut self) -> DiGraph<Node, Edge> {
        while !self.others.is_empty() {
            self.add_other();
        }
        self.graph
    }
}
