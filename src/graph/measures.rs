//! What matters in a graph, computed once per run on the graph that is exported:
//! degree, weighted degree, PageRank, betweenness, and communities of the topic map.
//!
//! Every measure is deterministic: the same graph gives the same bits on every run and
//! at any `-j`. No hash map order reaches a result, every floating-point sum is made in
//! the graph's stable node and edge order, and the only parallel part (betweenness)
//! sums its per-source contributions in fixed chunks, in source order, whatever the
//! number of threads.
//!
//! | measure | on | how |
//! |---|---|---|
//! | `degree` | every node | edges touching it, either direction |
//! | `weighted_degree` | every node | sum of those edges' weights |
//! | `pagerank` | every node | weighted PageRank, damping 0.85, edges followed in their direction and `co_mentioned` both ways; power iteration over a sparse edge list until the L1 change is below 1e-9 or 100 iterations; a node with no out-edge gives its rank to all; sums to 1 |
//! | `betweenness` | every node | Brandes, edges as undirected and unweighted, normalised to 0..1 by `(n-1)(n-2)/2`; exact up to [`EXACT_BETWEENNESS_MAX`] nodes, above it estimated from `BETWEENNESS_WORK / (n + 2m)` source nodes (16 to 256, a function of the graph's size only) chosen by a fixed-seed generator, scaled by `n / sources` |
//! | `community` | topics with a `co_mentioned` edge | Louvain on the weighted `co_mentioned` graph among technologies, organisations and PEPs; nodes visited in the graph's stable order, ties to the lowest community; numbered from 0 by size (largest first, then by first member) |
//! | `community_label` | same | the community's three members of highest weighted degree in the topic map, joined by ` · ` |

use super::{EdgeKind, KnowledgeGraph, NodeKind};

/// Up to this many nodes betweenness is exact; above it, it is estimated.
pub const EXACT_BETWEENNESS_MAX: usize = 4_000;
/// Above [`EXACT_BETWEENNESS_MAX`] nodes, betweenness is estimated from as many source
/// nodes as this many steps of breadth-first search allow (each source costs
/// `n + 2m` steps), between [`MIN_PIVOTS`] and [`MAX_PIVOTS`].
pub const BETWEENNESS_WORK: usize = 40_000_000;
/// The fewest sources of an estimate.
pub const MIN_PIVOTS: usize = 16;
/// The most sources of an estimate.
pub const MAX_PIVOTS: usize = 256;
/// PageRank's damping factor.
pub const DAMPING: f64 = 0.85;
/// PageRank stops when the L1 norm of a step's change is below this...
pub const PAGERANK_TOLERANCE: f64 = 1e-9;
/// ...or after this many iterations.
pub const PAGERANK_MAX_ITERATIONS: usize = 100;
/// The seed of the generator choosing betweenness's source nodes.
const SEED: u64 = 0x7a1c_9a7f_5eed_0001;

/// A community of the topic map.
#[derive(Debug, Clone, PartialEq)]
pub struct Community {
    /// Its number: 0 is the largest.
    pub id: u32,
    /// Its top members' labels joined by ` · `.
    pub label: String,
    /// How many nodes it has in the topic map.
    pub size: usize,
}

/// The measures of a graph's nodes, indexed like its nodes.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Measures {
    /// Edges touching each node.
    pub degree: Vec<u32>,
    /// Sum of the weights of those edges.
    pub weighted_degree: Vec<u64>,
    /// PageRank (sums to 1).
    pub pagerank: Vec<f64>,
    /// Normalised betweenness centrality (0..1).
    pub betweenness: Vec<f64>,
    /// Whether betweenness was estimated from a sample of sources (a large graph).
    pub betweenness_sampled: bool,
    /// Each node's community (an index into `communities`), if it is in the topic map.
    pub community: Vec<Option<u32>>,
    /// The communities, by number.
    pub communities: Vec<Community>,
    /// The modularity of the communities on the topic map (0 when it has no edge).
    pub modularity: f64,
    /// Node positions from the force layout, when asked for (see
    /// [`layout`](super::layout)), else empty.
    pub positions: Vec<[f64; 2]>,
}

impl Measures {
    /// The measures of `graph`. Communities are found on the topic map of `whole` (the
    /// graph before any view or filter) and given to `graph`'s nodes by id, so a topic
    /// has the same community, label and colour in every view.
    pub fn compute(graph: &KnowledgeGraph, whole: &KnowledgeGraph) -> Measures {
        let n = graph.node_count();
        let mut degree = vec![0u32; n];
        let mut weighted_degree = vec![0u64; n];
        let mut edges = Vec::with_capacity(graph.edge_count());
        for (s, t, e) in graph.edge_indices() {
            let (s, t) = (s.index(), t.index());
            for v in [s, t] {
                degree[v] += 1;
                weighted_degree[v] += u64::from(e.weight);
            }
            edges.push(Arc2 { s: s as u32, t: t as u32, w: f64::from(e.weight), both: e.kind.is_undirected() });
        }
        let pagerank = pagerank(n, &edges);
        let pairs: Vec<(u32, u32)> = edges.iter().map(|e| (e.s, e.t)).collect();
        let (betweenness, betweenness_sampled) = betweenness(n, &pairs);

        let topics = TopicMap::of(whole);
        let mut community = vec![None; n];
        for (i, node) in graph.nodes() {
            if let Some(w) = whole.find(&node.id) {
                community[i.index()] = topics.community[w.index()];
            }
        }
        Measures {
            degree,
            weighted_degree,
            pagerank,
            betweenness,
            betweenness_sampled,
            community,
            communities: topics.communities,
            modularity: topics.modularity,
            positions: Vec::new(),
        }
    }

    /// The community of node `i`, if any.
    pub fn community_of(&self, i: usize) -> Option<&Community> {
        self.community.get(i).copied().flatten().map(|c| &self.communities[c as usize])
    }

    /// The measure attributes of node `i`, in the order of [`ATTRS`], formatted as every
    /// exporter writes them: integers in decimal, PageRank with 8 decimals,
    /// betweenness with 6; the community's two are empty when the node has none.
    pub fn values(&self, i: usize) -> [String; 6] {
        let c = self.community_of(i);
        [
            self.degree[i].to_string(),
            self.weighted_degree[i].to_string(),
            format!("{:.8}", self.pagerank[i]),
            format!("{:.6}", self.betweenness[i]),
            c.map_or(String::new(), |c| c.id.to_string()),
            c.map_or(String::new(), |c| c.label.clone()),
        ]
    }

    /// A display size for node `i`, growing with the square root of its weighted
    /// degree: `4 + 2 * sqrt(weighted_degree)`, rounded to 2 decimals.
    pub fn size(&self, i: usize) -> f64 {
        ((4.0 + 2.0 * (self.weighted_degree[i] as f64).sqrt()) * 100.0).round() / 100.0
    }
}

/// The measure attributes every format writes, with their type (`int`, `double`,
/// `string`), in output order.
pub const ATTRS: [(&str, &str); 6] = [
    ("degree", "int"),
    ("weighted_degree", "int"),
    ("pagerank", "double"),
    ("betweenness", "double"),
    ("community", "int"),
    ("community_label", "string"),
];

/// An edge as the measures see it.
struct Arc2 {
    s: u32,
    t: u32,
    w: f64,
    /// Followed both ways by PageRank (`co_mentioned`).
    both: bool,
}

/// Weighted PageRank by power iteration over in-edge lists (see the module docs).
fn pagerank(n: usize, edges: &[Arc2]) -> Vec<f64> {
    if n == 0 {
        return Vec::new();
    }
    // (from, to, weight) followed, grouped by target in a CSR, in edge order.
    let mut out_w = vec![0.0f64; n];
    let mut arcs: Vec<(u32, u32, f64)> = Vec::with_capacity(edges.len() * 2);
    for e in edges {
        arcs.push((e.s, e.t, e.w));
        if e.both {
            arcs.push((e.t, e.s, e.w));
        }
    }
    for &(s, _, w) in &arcs {
        out_w[s as usize] += w;
    }
    let mut start = vec![0usize; n + 1];
    for &(_, t, _) in &arcs {
        start[t as usize + 1] += 1;
    }
    for i in 0..n {
        start[i + 1] += start[i];
    }
    let mut fill = start.clone();
    let mut from = vec![(0u32, 0.0f64); arcs.len()];
    for &(s, t, w) in &arcs {
        from[fill[t as usize]] = (s, w / out_w[s as usize]);
        fill[t as usize] += 1;
    }
    let nf = n as f64;
    let mut rank = vec![1.0 / nf; n];
    let mut next = vec![0.0f64; n];
    for _ in 0..PAGERANK_MAX_ITERATIONS {
        let dangling: f64 = (0..n).filter(|&i| out_w[i] == 0.0).map(|i| rank[i]).sum();
        let base = (1.0 - DAMPING) / nf + DAMPING * dangling / nf;
        // Each node's sum is made by one thread, in edge order: the same bits at any -j.
        use rayon::prelude::*;
        next.par_iter_mut().with_min_len(4096).enumerate().for_each(|(v, out)| {
            let mut sum = 0.0;
            for &(u, share) in &from[start[v]..start[v + 1]] {
                sum += rank[u as usize] * share;
            }
            *out = base + DAMPING * sum;
        });
        let change: f64 = next.iter().zip(&rank).map(|(a, b)| (a - b).abs()).sum();
        std::mem::swap(&mut rank, &mut next);
        if change < PAGERANK_TOLERANCE {
            break;
        }
    }
    rank
}

/// SplitMix64: a tiny, fixed generator for reproducible sampling.
fn splitmix(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Normalised betweenness of an undirected, unweighted graph (Brandes), exact or
/// estimated (see the module docs); `true` when estimated.
fn betweenness(n: usize, edges: &[(u32, u32)]) -> (Vec<f64>, bool) {
    if n < 3 {
        return (vec![0.0; n], false);
    }
    let adj = Csr::undirected(n, edges);
    let sampled = n > EXACT_BETWEENNESS_MAX;
    let sources: Vec<u32> = if sampled {
        // A partial Fisher-Yates shuffle with a fixed seed, then in node order.
        let mut all: Vec<u32> = (0..n as u32).collect();
        let mut state = SEED;
        let pivots = (BETWEENNESS_WORK / (n + 2 * edges.len())).clamp(MIN_PIVOTS, MAX_PIVOTS).min(n);
        for i in 0..pivots {
            let j = i + (splitmix(&mut state) % (n - i) as u64) as usize;
            all.swap(i, j);
        }
        all.truncate(pivots);
        all.sort_unstable();
        all
    } else {
        (0..n as u32).collect()
    };
    // Fixed chunks of sources, each summed in order, then the chunks summed in order:
    // the same bits whatever the number of threads.
    use rayon::prelude::*;
    let partial: Vec<Vec<f64>> = sources
        .par_chunks(32)
        .map(|chunk| {
            let mut acc = vec![0.0f64; n];
            let mut st = Brandes::new(n);
            for &s in chunk {
                st.accumulate(&adj, s as usize, &mut acc);
            }
            acc
        })
        .collect();
    let mut bc = vec![0.0f64; n];
    for p in &partial {
        for (b, x) in bc.iter_mut().zip(p) {
            *b += x;
        }
    }
    let scale = n as f64 / sources.len() as f64;
    // Each pair is counted from both ends: divide by 2, then by the (n-1)(n-2)/2 pairs.
    let norm = ((n - 1) * (n - 2)) as f64;
    for b in &mut bc {
        *b = *b * scale / norm;
    }
    (bc, sampled)
}

/// Adjacency lists in one array.
struct Csr {
    start: Vec<usize>,
    to: Vec<u32>,
}

impl Csr {
    /// Each edge both ways; self-loops dropped.
    fn undirected(n: usize, edges: &[(u32, u32)]) -> Csr {
        let mut start = vec![0usize; n + 1];
        for &(s, t) in edges.iter().filter(|(s, t)| s != t) {
            start[s as usize + 1] += 1;
            start[t as usize + 1] += 1;
        }
        for i in 0..n {
            start[i + 1] += start[i];
        }
        let mut fill = start.clone();
        let mut to = vec![0u32; start[n]];
        for &(s, t) in edges.iter().filter(|(s, t)| s != t) {
            to[fill[s as usize]] = t;
            fill[s as usize] += 1;
            to[fill[t as usize]] = s;
            fill[t as usize] += 1;
        }
        Csr { start, to }
    }

    fn of(&self, v: usize) -> &[u32] {
        &self.to[self.start[v]..self.start[v + 1]]
    }
}

/// The working arrays of one Brandes pass, reused between sources.
struct Brandes {
    dist: Vec<i64>,
    sigma: Vec<f64>,
    delta: Vec<f64>,
    order: Vec<u32>,
}

impl Brandes {
    fn new(n: usize) -> Self {
        Brandes { dist: vec![-1; n], sigma: vec![0.0; n], delta: vec![0.0; n], order: Vec::with_capacity(n) }
    }

    /// Adds the dependencies of every node on source `s` to `acc`.
    fn accumulate(&mut self, adj: &Csr, s: usize, acc: &mut [f64]) {
        self.order.clear();
        self.dist[s] = 0;
        self.sigma[s] = 1.0;
        self.order.push(s as u32);
        let mut head = 0;
        while head < self.order.len() {
            let v = self.order[head] as usize;
            head += 1;
            for &w in adj.of(v) {
                let w = w as usize;
                if self.dist[w] < 0 {
                    self.dist[w] = self.dist[v] + 1;
                    self.order.push(w as u32);
                }
                if self.dist[w] == self.dist[v] + 1 {
                    self.sigma[w] += self.sigma[v];
                }
            }
        }
        for &w in self.order.iter().rev() {
            let w = w as usize;
            for &v in adj.of(w) {
                let v = v as usize;
                if self.dist[v] == self.dist[w] - 1 {
                    self.delta[v] += self.sigma[v] / self.sigma[w] * (1.0 + self.delta[w]);
                }
            }
            if w != s {
                acc[w] += self.delta[w];
            }
        }
        for &w in &self.order {
            let w = w as usize;
            self.dist[w] = -1;
            self.sigma[w] = 0.0;
            self.delta[w] = 0.0;
        }
    }
}

/// The communities of a graph's topic map.
struct TopicMap {
    community: Vec<Option<u32>>,
    communities: Vec<Community>,
    modularity: f64,
}

impl TopicMap {
    fn of(g: &KnowledgeGraph) -> TopicMap {
        let n = g.node_count();
        let is_topic =
            |k: NodeKind| matches!(k, NodeKind::Technology | NodeKind::Topic | NodeKind::Organization | NodeKind::Pep);
        // Topic map nodes, in the graph's order.
        let mut local = vec![u32::MAX; n];
        let mut nodes = Vec::new();
        let mut edges = Vec::new();
        for (s, t, e) in g.edge_indices() {
            if e.kind == EdgeKind::CoMentioned && is_topic(g.node(s).kind) && is_topic(g.node(t).kind) {
                edges.push((s.index(), t.index(), f64::from(e.weight)));
            }
        }
        for &(s, t, _) in &edges {
            local[s] = 0;
            local[t] = 0;
        }
        for (i, l) in local.iter_mut().enumerate() {
            if *l == 0 {
                *l = nodes.len() as u32;
                nodes.push(i);
            }
        }
        let local_edges: Vec<(u32, u32, f64)> = edges.iter().map(|&(s, t, w)| (local[s], local[t], w)).collect();
        let part = louvain(nodes.len(), &local_edges);
        let modularity = modularity(nodes.len(), &local_edges, &part);
        // Weighted degree in the topic map, for the labels.
        let mut strength = vec![0.0f64; nodes.len()];
        for &(s, t, w) in &local_edges {
            strength[s as usize] += w;
            strength[t as usize] += w;
        }
        let groups = part.iter().copied().max().map_or(0, |m| m as usize + 1);
        let mut members: Vec<Vec<usize>> = vec![Vec::new(); groups];
        for (i, &c) in part.iter().enumerate() {
            members[c as usize].push(i);
        }
        // Numbered by size, largest first, then by first member.
        members.sort_by(|a, b| b.len().cmp(&a.len()).then(a[0].cmp(&b[0])));
        let mut community = vec![None; n];
        let mut communities = Vec::with_capacity(members.len());
        for (id, m) in members.iter().enumerate() {
            for &i in m {
                community[nodes[i]] = Some(id as u32);
            }
            let mut top = m.clone();
            top.sort_by(|&a, &b| {
                strength[b]
                    .total_cmp(&strength[a])
                    .then_with(|| g.node(idx(nodes[a])).label.cmp(&g.node(idx(nodes[b])).label))
            });
            let label =
                top.iter().take(3).map(|&i| g.node(idx(nodes[i])).label.as_str()).collect::<Vec<_>>().join(" · ");
            communities.push(Community { id: id as u32, label, size: m.len() });
        }
        TopicMap { community, communities, modularity }
    }
}

fn idx(i: usize) -> petgraph::graph::NodeIndex {
    petgraph::graph::NodeIndex::new(i)
}

/// Modularity of a partition of a weighted undirected graph.
pub(crate) fn modularity(n: usize, edges: &[(u32, u32, f64)], part: &[u32]) -> f64 {
    let m2: f64 = edges.iter().map(|e| 2.0 * e.2).sum();
    if m2 == 0.0 {
        return 0.0;
    }
    let groups = part.iter().copied().max().map_or(0, |m| m as usize + 1);
    let mut inside = vec![0.0f64; groups];
    let mut total = vec![0.0f64; groups];
    let mut strength = vec![0.0f64; n];
    for &(s, t, w) in edges {
        strength[s as usize] += w;
        strength[t as usize] += w;
        if part[s as usize] == part[t as usize] {
            inside[part[s as usize] as usize] += 2.0 * w;
        }
    }
    for (i, &c) in part.iter().enumerate() {
        total[c as usize] += strength[i];
    }
    (0..groups).map(|c| inside[c] / m2 - (total[c] / m2) * (total[c] / m2)).sum()
}

/// Louvain on a weighted undirected graph: each node's community (numbered from 0 in
/// order of first node). Nodes are visited in index order and a node moves only for a
/// strictly positive gain, to the best community, ties going to the lowest number; so
/// the result is a function of the graph and its node order alone.
pub(crate) fn louvain(n: usize, edges: &[(u32, u32, f64)]) -> Vec<u32> {
    // The current level's graph: adjacency with weights, self-loop weights.
    let mut part: Vec<u32> = (0..n as u32).collect();
    let mut level_n = n;
    let mut level_edges: Vec<(u32, u32, f64)> = edges.to_vec();
    loop {
        let (moved, local) = one_level(level_n, &level_edges);
        if !moved {
            break;
        }
        // Renumber communities in order of first node, then fold the graph.
        let mut renum = vec![u32::MAX; level_n];
        let mut next = 0u32;
        for &c in &local {
            if renum[c as usize] == u32::MAX {
                renum[c as usize] = next;
                next += 1;
            }
        }
        for p in &mut part {
            *p = renum[local[*p as usize] as usize];
        }
        let mut folded: std::collections::BTreeMap<(u32, u32), f64> = std::collections::BTreeMap::new();
        for &(s, t, w) in &level_edges {
            let (a, b) = (renum[local[s as usize] as usize], renum[local[t as usize] as usize]);
            *folded.entry((a.min(b), a.max(b))).or_insert(0.0) += w;
        }
        level_n = next as usize;
        level_edges = folded.into_iter().map(|((a, b), w)| (a, b, w)).collect();
    }
    // Renumber the final partition in order of first node.
    let mut renum = vec![u32::MAX; n];
    let mut next = 0u32;
    for p in &mut part {
        if renum[*p as usize] == u32::MAX {
            renum[*p as usize] = next;
            next += 1;
        }
        *p = renum[*p as usize];
    }
    part
}

/// One level of local moves: whether any node moved, and each node's community.
fn one_level(n: usize, edges: &[(u32, u32, f64)]) -> (bool, Vec<u32>) {
    let mut adj: Vec<Vec<(u32, f64)>> = vec![Vec::new(); n];
    let mut strength = vec![0.0f64; n];
    let mut m2 = 0.0;
    for &(s, t, w) in edges {
        strength[s as usize] += w;
        strength[t as usize] += w;
        m2 += 2.0 * w;
        if s != t {
            adj[s as usize].push((t, w));
            adj[t as usize].push((s, w));
        }
    }
    let mut comm: Vec<u32> = (0..n as u32).collect();
    if m2 == 0.0 {
        return (false, comm);
    }
    let mut total = strength.clone();
    let mut link = vec![0.0f64; n];
    let mut touched: Vec<u32> = Vec::new();
    let mut moved_any = false;
    loop {
        let mut moved = false;
        for v in 0..n {
            let own = comm[v];
            for &c in &touched {
                link[c as usize] = 0.0;
            }
            touched.clear();
            for &(u, w) in &adj[v] {
                let c = comm[u as usize];
                if link[c as usize] == 0.0 {
                    touched.push(c);
                }
                link[c as usize] += w;
            }
            total[own as usize] -= strength[v];
            let k = strength[v];
            let gain = |c: u32, link: &[f64], total: &[f64]| link[c as usize] - total[c as usize] * k / m2;
            let mut best = own;
            let mut best_gain = gain(own, &link, &total);
            touched.sort_unstable();
            for &c in &touched {
                let g = gain(c, &link, &total);
                if g > best_gain + 1e-12
                    || (g >= best_gain - 1e-12 && g <= best_gain + 1e-12 && c < best && best != own)
                {
                    best = c;
                    best_gain = g;
                }
            }
            total[best as usize] += strength[v];
            if best != own {
                comm[v] = best;
                moved = true;
                moved_any = true;
            }
        }
        if !moved {
            break;
        }
    }
    (moved_any, comm)
}

#[cfg(test)]
mod tests;
