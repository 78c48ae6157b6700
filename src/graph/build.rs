//! Stage 3's builder: the facts of each note in, a [`KnowledgeGraph`] out, the same
//! whatever order the notes come in.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use petgraph::graph::{DiGraph, NodeIndex};

use super::{
    Attr, Attrs, Confidence, Edge, EdgeKind, Evidence, FastMap, KnowledgeGraph, Node, NodeKind, Place, TalkAt,
};
use crate::extract::{Knowledge, Mention, NoteFacts, Rule, Target};
use crate::ids::{node_id, talk_id};

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
    /// How sure each (rule, spelling) of a lexicon entry's mentions was, once decided.
    sureness: FastMap<crate::extract::EntryId, Vec<(Rule, Box<str>, Confidence)>>,
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
            sureness: FastMap::default(),
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
        if let Some(&n) = self.entry_nodes.get(&id) {
            return n;
        }
        let knowledge = self.knowledge;
        let e = knowledge.lexicon.entry(id);
        let nid = self.node(e.kind.into(), &e.name, &e.name);
        self.entry_nodes.insert(id, nid);
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
    fn confidence(&mut self, m: &Mention) -> Confidence {
        /// Past this many spellings of one entry, deciding again is as cheap as looking.
        const MOST: usize = 32;
        let knowledge = self.knowledge;
        let Target::Entry(id) = m.target else { return knowledge.confidence(m) };
        let seen = self.sureness.entry(id).or_default();
        if let Some(&(_, _, sure)) = seen.iter().find(|(rule, surface, _)| *rule == m.rule && **surface == *m.surface) {
            return sure;
        }
        let sure = knowledge.confidence(m);
        if seen.len() < MOST {
            seen.push((m.rule, m.surface.as_str().into(), sure));
        }
        sure
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
        for t in &facts.talks {
            let (tid, local) = self.node_by_id(NodeKind::Talk, talk_id(&facts.key, t.line), &t.title);
            self.local.clear();
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
                    Target::Entry(id) => self.entry(*id),
                    Target::Pep(n) => self.pep(*n),
                    Target::PythonVersion(v) => self.version(v, python),
                    Target::Unlisted(name) => {
                        let id = self.node(NodeKind::Technology, name, name);
                        self.nodes[id as usize].attrs.set_default(Attr::Category, || "unlisted".into());
                        id
                    }
                };
                let node = &mut self.nodes[target as usize];
                if m.surface != node.label && !m.surface.is_empty() && !node.aliases.contains(&m.surface) {
                    node.aliases.insert(m.surface.clone());
                }
                let sure = self.confidence(m);
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

    /// The `co_mentioned` edges between every two topics mentioned by the same talk,
    /// weighted by the number of such talks, each from the smaller id to the larger,
    /// keyed as [`finish`](Self::finish) orders edges and in that order. A co-mention
    /// carries no evidence of its own: its places are those of the two `mentions`
    /// edges of each talk, and copying them would grow with the square of the topics
    /// per talk.
    ///
    /// `order` is every node in graph order (by kind, then id), `pos` each node's
    /// place in it, `rank` its place in id order.
    fn co_mentions(&self, order: &[u32], pos: &[u32], rank: &[u32]) -> Vec<(u128, Edge)> {
        let is_topic = |n: &Node| {
            matches!(n.kind, NodeKind::Technology | NodeKind::Topic | NodeKind::Organization | NodeKind::Pep)
        };
        // Topics get dense numbers in graph order: pairs counted by dense numbers come
        // out in the order of the graph's edges, with no sort.
        let mut dense = vec![u32::MAX; self.nodes.len()];
        let mut topics = Vec::new();
        for &n in order {
            if is_topic(&self.nodes[n as usize]) {
                dense[n as usize] = topics.len() as u32;
                topics.push(n);
            }
        }
        let topic_rank: Vec<u32> = topics.iter().map(|&n| rank[n as usize]).collect();
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
        let t = topics.len();
        let pairs = count_pairs(&mentions, &topic_rank, t * t <= 1 << 22);
        // Each topic's surest mention: a co-mention is as sure as the less sure of its two.
        let mut surest = vec![Confidence::Inferred; self.nodes.len()];
        let all = self.talk_edges.iter().map(|(_, to, e)| (*to, e)).chain(self.edges.iter().map(|(k, e)| (k.2, e)));
        for (to, e) in all.filter(|(_, e)| e.kind == EdgeKind::Mentions) {
            surest[to as usize] = surest[to as usize].max(e.confidence);
        }
        let kind = (EdgeKind::CoMentioned as u128) << 32;
        let edges = pairs.into_iter().map(|((a, b), w)| {
            let (a, b) = (topics[a as usize], topics[b as usize]);
            let confidence = surest[a as usize].min(surest[b as usize]);
            let key = (u128::from(pos[a as usize]) << 64) | kind | u128::from(pos[b as usize]);
            (key, Edge { kind: EdgeKind::CoMentioned, weight: w, evidence: Evidence::new(), confidence })
        });
        edges.collect()
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
        let co_mentions = self.co_mentions(&order, &pos, &rank);
        // Edges in order of (source, kind, target) positions. The talks' edges come as
        // groups, one per talk: the groups are ordered by talk, each group by kind and
        // target. The co-mentions come in order; the few other edges are sorted by key
        // and merged with them (no key is in both: co-mentions are of their own kind).
        // That list and the talks' are merged; a talk whose id a second file also has
        // (`day1.md` and `day1.txt`) has edges in both, merged into one, the first
        // file's first.
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
        let others = merge_sorted(others, co_mentions);
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

/// The number of talks behind each pair of topics, from sorted `(talk, topic)` pairs
/// without repeats: `((a, b), talks)`, `a` the one of the two with the smaller
/// `rank` (its id comes first), in the order of `(a, b)`. Topics are numbered
/// `0..rank.len()`. Counted in a `t × t` table when `square` (the usual lexicon has
/// about a thousand topics: 4 MB, read once in order), else in a map.
pub(super) fn count_pairs(mentions: &[(u32, u32)], rank: &[u32], square: bool) -> Vec<((u32, u32), u32)> {
    let runs = mentions.chunk_by(|x, y| x.0 == y.0);
    let t = rank.len();
    let oriented = |a: u32, b: u32| if rank[a as usize] < rank[b as usize] { (a, b) } else { (b, a) };
    if square {
        let mut table = vec![0u32; t * t];
        for run in runs {
            for (i, &(_, a)) in run.iter().enumerate() {
                for &(_, b) in &run[i + 1..] {
                    let (a, b) = oriented(a, b);
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
                    *map.entry(oriented(a, b)).or_default() += 1;
                }
            }
        }
        let mut pairs: Vec<_> = map.into_iter().collect();
        pairs.sort_unstable();
        pairs
    }
}

/// Two lists sorted by key, merged into one sorted list (a key in both keeps both,
/// `a`'s first).
fn merge_sorted(a: Vec<(u128, Edge)>, b: Vec<(u128, Edge)>) -> Vec<(u128, Edge)> {
    if a.is_empty() {
        return b;
    }
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut a, mut b) = (a.into_iter().peekable(), b.into_iter().peekable());
    loop {
        let next = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) if x.0 <= y.0 => a.next(),
            (_, Some(_)) => b.next(),
            (Some(_), None) => a.next(),
            (None, None) => break,
        };
        out.extend(next);
    }
    out
}
