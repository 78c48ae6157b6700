use proptest::prelude::*;

use super::*;

fn arcs(edges: &[(u32, u32)], both: bool) -> Vec<Arc2> {
    edges.iter().map(|&(s, t)| Arc2 { s, t, w: 1.0, both }).collect()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn pagerank_of_a_cycle_is_uniform() {
    let pr = pagerank(5, &arcs(&[(0, 1), (1, 2), (2, 3), (3, 4), (4, 0)], false));
    assert!(pr.iter().all(|&p| close(p, 0.2)), "{pr:?}");
}

#[test]
fn pagerank_of_a_star_matches_its_closed_form() {
    // Four leaves pointing at a centre that points nowhere (dangling, so its rank is
    // spread over all five). Centre c, leaf l: l = 0.15/5 + 0.85 c/5; c = 0.15/5 + 0.85 (4l + c/5)... solved:
    let pr = pagerank(5, &arcs(&[(1, 0), (2, 0), (3, 0), (4, 0)], false));
    let n = 5.0;
    let d = DAMPING;
    // l = (1-d)/n + d c/n ; c = (1-d)/n + d c/n + 4 d l  =>  c = l + 4 d l
    let l = 1.0 / (n + 4.0 * d);
    assert!(close(pr[1], l) && close(pr[0], l * (1.0 + 4.0 * d)), "{pr:?}");
    assert!(close(pr.iter().sum::<f64>(), 1.0));
}

#[test]
fn undirected_edges_are_followed_both_ways() {
    let pr = pagerank(3, &arcs(&[(0, 1), (1, 2)], true));
    assert!(close(pr[0], pr[2]) && pr[1] > pr[0], "{pr:?}");
}

#[test]
fn betweenness_of_a_path() {
    // 0-1-2-3-4: node 1 lies on the paths 0-2, 0-3, 0-4 (3 of 6 pairs), node 2 on 0-3,
    // 0-4, 1-3, 1-4 (4 of 6), normalised by (n-1)(n-2)/2 = 6.
    let (b, sampled) = betweenness(5, &[(0, 1), (1, 2), (2, 3), (3, 4)]);
    assert!(!sampled);
    let want = [0.0, 0.5, 4.0 / 6.0, 0.5, 0.0];
    assert!(b.iter().zip(want).all(|(a, w)| close(*a, w)), "{b:?}");
}

#[test]
fn betweenness_of_a_star_centre_is_one() {
    let (b, _) = betweenness(5, &[(0, 1), (0, 2), (0, 3), (0, 4)]);
    assert!(close(b[0], 1.0) && b[1..].iter().all(|&x| x == 0.0), "{b:?}");
}

#[test]
fn betweenness_is_sampled_above_the_limit_and_stays_close_on_a_path() {
    let n = EXACT_BETWEENNESS_MAX + 1;
    let edges: Vec<(u32, u32)> = (0..n as u32 - 1).map(|i| (i, i + 1)).collect();
    let (b, sampled) = betweenness(n, &edges);
    assert!(sampled);
    // The middle of a path is on about half of all paths.
    let mid = b[n / 2];
    assert!((0.4..0.6).contains(&mid), "{mid}");
    assert_eq!(betweenness(n, &edges).0, b, "the sample is the same every run");
}

fn clique(nodes: std::ops::Range<u32>) -> Vec<(u32, u32, f64)> {
    let mut e = Vec::new();
    for a in nodes.clone() {
        for b in a + 1..nodes.end {
            e.push((a, b, 1.0));
        }
    }
    e
}

#[test]
fn two_cliques_joined_by_an_edge_are_two_communities() {
    let mut edges = clique(0..5);
    edges.extend(clique(5..10));
    edges.push((4, 5, 1.0));
    let part = louvain(10, &edges);
    assert_eq!(part, [0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
    assert!(modularity(10, &edges, &part) > 0.4);
}

const KARATE: [(u32, u32); 78] = [
    (0, 1),
    (0, 2),
    (0, 3),
    (0, 4),
    (0, 5),
    (0, 6),
    (0, 7),
    (0, 8),
    (0, 10),
    (0, 11),
    (0, 12),
    (0, 13),
    (0, 17),
    (0, 19),
    (0, 21),
    (0, 31),
    (1, 2),
    (1, 3),
    (1, 7),
    (1, 13),
    (1, 17),
    (1, 19),
    (1, 21),
    (1, 30),
    (2, 3),
    (2, 7),
    (2, 8),
    (2, 9),
    (2, 13),
    (2, 27),
    (2, 28),
    (2, 32),
    (3, 7),
    (3, 12),
    (3, 13),
    (4, 6),
    (4, 10),
    (5, 6),
    (5, 10),
    (5, 16),
    (6, 16),
    (8, 30),
    (8, 32),
    (8, 33),
    (9, 33),
    (13, 33),
    (14, 32),
    (14, 33),
    (15, 32),
    (15, 33),
    (18, 32),
    (18, 33),
    (19, 33),
    (20, 32),
    (20, 33),
    (22, 32),
    (22, 33),
    (23, 25),
    (23, 27),
    (23, 29),
    (23, 32),
    (23, 33),
    (24, 25),
    (24, 27),
    (24, 31),
    (25, 31),
    (26, 29),
    (26, 33),
    (27, 33),
    (28, 31),
    (28, 33),
    (29, 32),
    (29, 33),
    (30, 32),
    (30, 33),
    (31, 32),
    (31, 33),
    (32, 33),
];

#[test]
fn karate_club_modularity_is_what_louvain_finds_elsewhere() {
    let edges: Vec<(u32, u32, f64)> = KARATE.iter().map(|&(a, b)| (a, b, 1.0)).collect();
    let part = louvain(34, &edges);
    let q = modularity(34, &edges, &part);
    // networkx's and igraph's Louvain find 0.41-0.42; the best known partition is 0.4198.
    assert!((0.40..=0.4198 + 1e-9).contains(&q), "{q}");
    let groups = part.iter().max().unwrap() + 1;
    assert!((3..=5).contains(&groups), "{groups}");
    // The two leaders end up apart.
    assert_ne!(part[0], part[33]);
}

#[test]
fn modularity_of_one_community_is_zero() {
    let edges = clique(0..4);
    assert!(close(modularity(4, &edges, &[0, 0, 0, 0]), 0.0));
}

proptest! {
    /// Relabelling the nodes and shuffling the edges moves the values with the nodes
    /// and changes nothing else.
    #[test]
    fn pagerank_and_betweenness_do_not_depend_on_order(
        edges in prop::collection::vec((0u32..12, 0u32..12), 1..40),
        perm in Just((0u32..12).collect::<Vec<u32>>()).prop_shuffle(),
        rotate in 0usize..40,
    ) {
        let n = 12;
        let mut moved: Vec<(u32, u32)> = edges.iter().map(|&(a, b)| (perm[a as usize], perm[b as usize])).collect();
        let r = rotate % moved.len();
        moved.rotate_left(r);
        let (pa, pb) = (pagerank(n, &arcs(&edges, false)), pagerank(n, &arcs(&moved, false)));
        let (ba, bb) = (betweenness(n, &edges).0, betweenness(n, &moved).0);
        for v in 0..n {
            let w = perm[v] as usize;
            prop_assert!(close(pa[v], pb[w]), "pagerank {v}: {} vs {}", pa[v], pb[w]);
            prop_assert!(close(ba[v], bb[w]), "betweenness {v}: {} vs {}", ba[v], bb[w]);
        }
    }
}
