//! A deterministic force layout: ForceAtlas2 (Jacomy et al. 2014) with Barnes-Hut
//! repulsion, for the HTML viewer, GEXF's `viz:position` and GraphML's `x`/`y`.
//!
//! The same graph gives the same positions, bit for bit, on every run and at any `-j`:
//! the start positions come from a fixed-seed generator, the number of iterations is
//! fixed by the graph's size, the quadtree is built sequentially, and each node's forces
//! are summed by one thread in the tree's fixed order (nodes are spread over threads,
//! never one node's sum). Positions are rounded to 2 decimals for output.
//!
//! Settings: repulsion `kr = 10`, gravity `kg = 1` (towards the centre, by mass), mass
//! = degree + 1, attraction along each edge proportional to the distance times the
//! square root of the edge's weight, Barnes-Hut `theta = 1.2`, FA2's adaptive speed
//! (swinging and traction). Iterations: 300 up to 1,000 nodes, 150 up to 10,000, 80
//! above.

use std::ops::Range;

use super::KnowledgeGraph;

const REPULSION: f64 = 10.0;
const GRAVITY: f64 = 1.0;
const THETA: f64 = 1.2;
const SEED: u64 = 0x1a40_7a11_0f00_d5ee;

/// The number of iterations for a graph of `n` nodes.
pub fn iterations(n: usize) -> usize {
    match n {
        0..=1_000 => 300,
        1_001..=10_000 => 150,
        _ => 80,
    }
}

/// The positions of `graph`'s nodes, indexed like them, rounded to 2 decimals.
pub fn layout(graph: &KnowledgeGraph) -> Vec<[f64; 2]> {
    let edges: Vec<(u32, u32, f64)> = graph
        .edge_indices()
        .filter(|(s, t, _)| s != t)
        .map(|(s, t, e)| (s.index() as u32, t.index() as u32, f64::from(e.weight).sqrt()))
        .collect();
    force_atlas2(graph.node_count(), &edges, iterations(graph.node_count()))
}

/// ForceAtlas2 on `n` nodes and weighted edges, `iters` iterations.
pub fn force_atlas2(n: usize, edges: &[(u32, u32, f64)], iters: usize) -> Vec<[f64; 2]> {
    if n == 0 {
        return Vec::new();
    }
    let mut mass = vec![1.0f64; n];
    for &(s, t, _) in edges {
        mass[s as usize] += 1.0;
        mass[t as usize] += 1.0;
    }
    // Start: uniformly in a square whose area grows with n.
    let side = (n as f64).sqrt() * 10.0;
    let mut state = SEED;
    let mut pos: Vec<[f64; 2]> = (0..n)
        .map(|_| {
            let x = unit(&mut state) * side - side / 2.0;
            let y = unit(&mut state) * side - side / 2.0;
            [x, y]
        })
        .collect();
    let mut old = vec![[0.0f64; 2]; n];
    let mut speed = 1.0f64;
    let mut speed_efficiency = 1.0f64;
    use rayon::prelude::*;
    for _ in 0..iters {
        let tree = Tree::build(&pos, &mass);
        // Repulsion and gravity: each node's own sum, on any thread.
        let mut force: Vec<[f64; 2]> = (0..n)
            .into_par_iter()
            .with_min_len(256)
            .map(|i| {
                let mut f = tree.repulsion(i, &pos, &mass);
                let [x, y] = pos[i];
                let d = (x * x + y * y).sqrt();
                if d > 0.0 {
                    f[0] -= GRAVITY * mass[i] * x / d;
                    f[1] -= GRAVITY * mass[i] * y / d;
                }
                f
            })
            .collect();
        for &(s, t, w) in edges {
            let (s, t) = (s as usize, t as usize);
            let dx = pos[s][0] - pos[t][0];
            let dy = pos[s][1] - pos[t][1];
            force[s][0] -= w * dx;
            force[s][1] -= w * dy;
            force[t][0] += w * dx;
            force[t][1] += w * dy;
        }
        // Adaptive speed (FA2's swinging and traction).
        let (mut swing, mut traction) = (0.0, 0.0);
        for i in 0..n {
            let sx = force[i][0] - old[i][0];
            let sy = force[i][1] - old[i][1];
            swing += mass[i] * (sx * sx + sy * sy).sqrt();
            let tx = force[i][0] + old[i][0];
            let ty = force[i][1] + old[i][1];
            traction += mass[i] * 0.5 * (tx * tx + ty * ty).sqrt();
        }
        // Gephi's adaptive speed, as published.
        let estimated = 0.05 * (n as f64).sqrt();
        let mut jitter = estimated.sqrt().max(10.0f64.min(estimated * traction / (n as f64 * n as f64)));
        if traction > 0.0 && swing / traction > 2.0 {
            if speed_efficiency > 0.05 {
                speed_efficiency *= 0.5;
            }
            jitter = jitter.max(1.0);
        }
        let target = if swing > 0.0 { jitter * speed_efficiency * traction / swing } else { speed };
        if swing > jitter * traction {
            if speed_efficiency > 0.05 {
                speed_efficiency *= 0.7;
            }
        } else if speed < 1000.0 {
            speed_efficiency *= 1.3;
        }
        speed += (target - speed).min(0.5 * speed);
        for i in 0..n {
            let sx = force[i][0] - old[i][0];
            let sy = force[i][1] - old[i][1];
            let swinging = mass[i] * (sx * sx + sy * sy).sqrt();
            let f = (force[i][0] * force[i][0] + force[i][1] * force[i][1]).sqrt();
            let mut factor = speed / (1.0 + (speed * swinging).sqrt());
            if f > 0.0 {
                factor = factor.min(10.0 / f);
            }
            pos[i][0] += force[i][0] * factor;
            pos[i][1] += force[i][1] * factor;
        }
        old = force;
    }
    pos.iter().map(|p| [round2(p[0]), round2(p[1])]).collect()
}

/// `x` rounded to 2 decimals (and never `-0`).
fn round2(x: f64) -> f64 {
    let r = (x * 100.0).round() / 100.0;
    if r == 0.0 {
        0.0
    } else {
        r
    }
}

/// A number in [0, 1) from SplitMix64.
fn unit(state: &mut u64) -> f64 {
    *state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    ((z ^ (z >> 31)) >> 11) as f64 / (1u64 << 53) as f64
}

/// A Barnes-Hut quadtree over the nodes.
struct Tree {
    cells: Vec<Cell>,
    /// Node numbers, grouped so each leaf's are a range.
    order: Vec<u32>,
}

struct Cell {
    /// Width of the cell's square.
    size: f64,
    mass: f64,
    cx: f64,
    cy: f64,
    /// Children cells (a range of `cells`), empty for a leaf.
    children: Range<u32>,
    /// The leaf's nodes (a range of `order`).
    nodes: Range<u32>,
}

impl Tree {
    fn build(pos: &[[f64; 2]], mass: &[f64]) -> Tree {
        let mut order: Vec<u32> = (0..pos.len() as u32).collect();
        let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for p in pos {
            x0 = x0.min(p[0]);
            y0 = y0.min(p[1]);
            x1 = x1.max(p[0]);
            y1 = y1.max(p[1]);
        }
        let size = (x1 - x0).max(y1 - y0).max(1e-9);
        let mut tree = Tree { cells: Vec::with_capacity(pos.len() * 2), order: Vec::new() };
        tree.cells.push(Cell { size, mass: 0.0, cx: 0.0, cy: 0.0, children: 0..0, nodes: 0..0 });
        let n = order.len();
        tree.fill(0, &mut order, 0, n, [x0, y0], size, pos, mass, 0);
        tree.order = order;
        tree
    }

    #[allow(clippy::too_many_arguments)]
    fn fill(
        &mut self,
        cell: usize,
        order: &mut [u32],
        from: usize,
        to: usize,
        corner: [f64; 2],
        size: f64,
        pos: &[[f64; 2]],
        mass: &[f64],
        depth: u32,
    ) {
        let (mut m, mut sx, mut sy) = (0.0, 0.0, 0.0);
        for &i in &order[from..to] {
            let i = i as usize;
            m += mass[i];
            sx += mass[i] * pos[i][0];
            sy += mass[i] * pos[i][1];
        }
        self.cells[cell].mass = m;
        self.cells[cell].cx = sx / m;
        self.cells[cell].cy = sy / m;
        if to - from <= 1 || depth >= 40 {
            self.cells[cell].nodes = from as u32..to as u32;
            return;
        }
        let half = size / 2.0;
        let (mx, my) = (corner[0] + half, corner[1] + half);
        let quadrant = |i: u32| {
            let p = pos[i as usize];
            usize::from(p[0] >= mx) + 2 * usize::from(p[1] >= my)
        };
        // Stable partition into the four quadrants.
        order[from..to].sort_by_key(|&i| quadrant(i));
        let mut bounds = [from; 5];
        for q in 0..4 {
            bounds[q + 1] = bounds[q] + order[from..to].iter().filter(|&&i| quadrant(i) == q).count();
        }
        let first = self.cells.len();
        let kids: Vec<usize> = (0..4).filter(|&q| bounds[q + 1] > bounds[q]).collect();
        for _ in &kids {
            self.cells.push(Cell { size: half, mass: 0.0, cx: 0.0, cy: 0.0, children: 0..0, nodes: 0..0 });
        }
        self.cells[cell].children = first as u32..(first + kids.len()) as u32;
        for (k, &q) in kids.iter().enumerate() {
            let c = [corner[0] + half * (q % 2) as f64, corner[1] + half * (q / 2) as f64];
            self.fill(first + k, order, bounds[q], bounds[q + 1], c, half, pos, mass, depth + 1);
        }
    }

    /// The repulsion on node `i`.
    fn repulsion(&self, i: usize, pos: &[[f64; 2]], mass: &[f64]) -> [f64; 2] {
        let [x, y] = pos[i];
        let mut f = [0.0f64; 2];
        let mut push = |dx: f64, dy: f64, m: f64| {
            let d2 = dx * dx + dy * dy;
            if d2 > 0.0 {
                let k = REPULSION * mass[i] * m / d2;
                f[0] += dx * k;
                f[1] += dy * k;
            }
        };
        let mut stack = vec![0u32];
        while let Some(c) = stack.pop() {
            let cell = &self.cells[c as usize];
            if cell.children.is_empty() {
                for &j in &self.order[cell.nodes.start as usize..cell.nodes.end as usize] {
                    let j = j as usize;
                    if j != i {
                        push(x - pos[j][0], y - pos[j][1], mass[j]);
                    }
                }
                continue;
            }
            let (dx, dy) = (x - cell.cx, y - cell.cy);
            let d = (dx * dx + dy * dy).sqrt();
            if d > 0.0 && cell.size / d < THETA {
                push(dx, dy, cell.mass);
            } else {
                stack.extend(cell.children.clone().rev());
            }
        }
        f
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dist(p: &[[f64; 2]], a: usize, b: usize) -> f64 {
        ((p[a][0] - p[b][0]).powi(2) + (p[a][1] - p[b][1]).powi(2)).sqrt()
    }

    #[test]
    fn two_cliques_are_laid_out_apart() {
        let mut edges = Vec::new();
        for base in [0u32, 6] {
            for a in base..base + 6 {
                for b in a + 1..base + 6 {
                    edges.push((a, b, 1.0));
                }
            }
        }
        edges.push((5, 6, 1.0));
        let p = force_atlas2(12, &edges, 300);
        let within = (dist(&p, 0, 1) + dist(&p, 7, 8)) / 2.0;
        let across = (dist(&p, 0, 8) + dist(&p, 1, 7)) / 2.0;
        assert!(across > 1.5 * within, "within {within}, across {across}");
        assert!(p.iter().all(|q| q[0].is_finite() && q[1].is_finite()));
    }

    #[test]
    fn the_same_graph_gives_the_same_positions() {
        let edges: Vec<(u32, u32, f64)> = (0..300u32).map(|i| (i, (i * 7 + 3) % 300, 1.0)).collect();
        let a = force_atlas2(300, &edges, 50);
        let b = force_atlas2(300, &edges, 50);
        assert_eq!(a, b);
        let pool = rayon::ThreadPoolBuilder::new().num_threads(1).build().unwrap();
        assert_eq!(pool.install(|| force_atlas2(300, &edges, 50)), a);
    }

    #[test]
    fn coincident_and_isolated_nodes_stay_finite() {
        let p = force_atlas2(4, &[(0, 1, 1.0)], 20);
        assert!(p.iter().all(|q| q[0].is_finite() && q[1].is_finite()));
        assert_eq!(force_atlas2(1, &[], 10).len(), 1);
    }
}
