//! Unit tests of the graph model.

use std::sync::Arc;

use proptest::strategy::Strategy;

use super::build::{count_pairs, talk_order};
use super::*;
use crate::extract::{Knowledge, Mention, NoteFacts, Rule, TalkFacts, Target};
use crate::notes::{EventInfo, Named, SectionKind};

fn facts(file: &str, talks: Vec<TalkFacts>) -> NoteFacts {
    NoteFacts {
        file: Arc::from(format!("{file}.md")),
        key: Arc::from(file),
        events: vec![EventInfo {
            name: "EuroPython 2023".into(),
            day: Some(1),
            date: Some("2023-07-19".into()),
            line: 3,
        }],
        tags: vec![],
        talks,
        warnings: vec![],
    }
}

fn talk(line: u32, speaker: &str, mentions: Vec<Target>) -> TalkFacts {
    TalkFacts {
        kind: SectionKind::Talk,
        title: format!("Talk at {line}"),
        line,
        event: Some(0),
        speakers: vec![Named { name: speaker.into(), line: line + 1 }],
        moderators: Vec::new(),
        affiliations: Vec::new(),
        mentions: mentions
            .into_iter()
            .enumerate()
            .map(|(i, target)| Mention {
                target,
                surface: String::new(),
                line: line + 2 + i as u32,
                rule: Rule::Pattern,
            })
            .collect(),
        near_misses: vec![],
    }
}

#[test]
fn one_node_per_entity_with_weighted_edges() {
    let k = Knowledge::builtin();
    let mut b = GraphBuilder::new(&k);
    b.add(&facts(
        "day1",
        vec![
            talk(10, "Mark Shannon", vec![Target::Pep(659), Target::Pep(659)]),
            talk(30, "Mark Shannon", vec![Target::Pep(659)]),
        ],
    ));
    let g = b.finish();
    let pep = g.find("pep:659").expect("PEP node");
    assert_eq!(g.node(pep).text(Attr::Url), Some("https://peps.python.org/pep-0659/"));
    let mentions: Vec<_> = g.edges().filter(|(_, t, e)| t.id == "pep:659" && e.kind == EdgeKind::Mentions).collect();
    assert_eq!(mentions.len(), 2);
    let first = mentions.iter().find(|(s, _, _)| s.id == "talk:day1#10").expect("edge from talk 10");
    assert_eq!(first.2.weight, 2);
    assert_eq!(g.evidence(first.2).map(|s| s.to_string()).collect::<Vec<_>>(), ["day1.md:12", "day1.md:13"]);
    // Mark Shannon, speaker and author of PEP 659, is one node linked both ways.
    let people: Vec<_> = g.nodes().filter(|(_, n)| n.kind == NodeKind::Person).collect();
    assert_eq!(people.len(), 1);
    assert!(g
        .edges()
        .any(|(s, t, e)| s.id == "person:mark-shannon" && t.id == "pep:659" && e.kind == EdgeKind::Authored));
}

#[test]
fn order_does_not_depend_on_input_order() {
    let k = Knowledge::builtin();
    let a = facts("a", vec![talk(1, "Ann Lee", vec![Target::Pep(8)])]);
    let b = facts("b", vec![talk(5, "Bob Ray", vec![Target::Pep(20), Target::Pep(8)])]);
    let mut g1 = GraphBuilder::new(&k);
    g1.add(&a);
    g1.add(&b);
    let mut g2 = GraphBuilder::new(&k);
    g2.add(&b);
    g2.add(&a);
    let (g1, g2) = (g1.finish(), g2.finish());
    let ids = |g: &KnowledgeGraph| g.nodes().map(|(_, n)| n.id.clone()).collect::<Vec<_>>();
    let es = |g: &KnowledgeGraph| g.edges().map(|(s, t, e)| (s.id.clone(), t.id.clone(), e.weight)).collect::<Vec<_>>();
    assert_eq!(ids(&g1), ids(&g2));
    assert_eq!(es(&g1), es(&g2));
    // PEP 8 and PEP 20 share a talk: one co-mention edge of weight 1.
    assert!(g1
        .edges()
        .any(|(s, t, e)| s.id == "pep:20" && t.id == "pep:8" && e.kind == EdgeKind::CoMentioned && e.weight == 1));
}

// Two threads (the talks' edges ordered in two halves, co-mentions counted beside)
// build the graph one thread builds, to the last place of evidence.
#[test]
fn two_threads_finish_the_same_graph() {
    let k = Knowledge::builtin();
    let cpython = Target::Entry(k.lexicon.find("CPython").expect("in the built-in lexicon"));
    let mut notes = Vec::new();
    for (i, name) in ["a", "b", "c", "d", "a"].iter().enumerate() {
        let talks = (0..6u32)
            .map(|t| {
                let peps = [8, 20, 659, 8 + t].map(Target::Pep);
                let mut mentions: Vec<_> = peps.into_iter().skip(t as usize % 3).collect();
                mentions.push(cpython.clone());
                talk(10 * t + 1, ["Ann Lee", "Bob Ray"][t as usize % 2], mentions)
            })
            .collect();
        let mut f = facts(name, talks);
        // The second `a` is another file with the same talks (`a.md` and `a.txt`).
        f.file = Arc::from(format!("{name}{i}.md"));
        notes.push(f);
    }
    let build = |threads| {
        let mut b = GraphBuilder::new(&k);
        for f in &notes {
            b.add(f);
        }
        b.finish_on(threads)
    };
    let (one, two) = (build(1), build(2));
    let ids = |g: &KnowledgeGraph| g.nodes().map(|(_, n)| n.id.clone()).collect::<Vec<_>>();
    let es =
        |g: &KnowledgeGraph| g.edges().map(|(s, t, e)| (s.id.clone(), t.id.clone(), e.clone())).collect::<Vec<_>>();
    assert_eq!(ids(&one), ids(&two));
    assert_eq!(es(&one), es(&two));
    assert!(es(&one).iter().any(|(s, _, e)| s == "talk:a#1" && e.evidence.len() > 1), "a shared talk's merged edges");
    assert!(one.edge_count() > 50);
}

#[test]
fn people_merge_across_diacritics() {
    let k = Knowledge::builtin();
    let mut b = GraphBuilder::new(&k);
    b.add(&facts("a", vec![talk(1, "Sebastian Buczyński", vec![]), talk(9, "Sebastian Buczynski", vec![])]));
    let g = b.finish();
    assert_eq!(g.count(NodeKind::Person), 1);
    let (_, p) = g.nodes().find(|(_, n)| n.kind == NodeKind::Person).expect("one person");
    assert_eq!(p.label, "Sebastian Buczyński");
}

#[test]
fn a_talk_id_two_files_share_is_one_talk_with_merged_edges() {
    // `day1.md` and `day1.txt` have the same key, so their talks at line 10 are one node.
    let k = Knowledge::builtin();
    let mut b = GraphBuilder::new(&k);
    b.add(&facts("day1", vec![talk(10, "Ann Lee", vec![Target::Pep(8), Target::Pep(20)])]));
    let mut second = facts("day1", vec![talk(10, "Ann Lee", vec![Target::Pep(8)])]);
    second.file = Arc::from("day1.txt");
    b.add(&second);
    let g = b.finish();
    assert_eq!(g.count(NodeKind::Talk), 1);
    let out: Vec<_> = g.edges().filter(|(s, _, _)| s.id == "talk:day1#10").collect();
    let keys: Vec<_> = out.iter().map(|(_, t, e)| (e.kind, t.id.as_str())).collect();
    let mut unique = keys.clone();
    unique.dedup();
    assert_eq!(keys, unique, "one edge per relation and target");
    let (_, _, pep8) = out.iter().find(|(_, t, _)| t.id == "pep:8").expect("mentions PEP 8");
    assert_eq!(pep8.weight, 2);
    assert_eq!(g.evidence(pep8).map(|a| a.to_string()).collect::<Vec<_>>(), ["day1.md:12", "day1.txt:12"]);
    let (_, _, by) = out.iter().find(|(_, t, _)| t.id == "person:ann-lee").expect("presented by Ann Lee");
    assert_eq!((by.kind, by.weight), (EdgeKind::PresentedBy, 2));
    // The second file sees PEP 8 alone: the pair is co-mentioned by one talk.
    let co = g.edges().find(|(_, _, e)| e.kind == EdgeKind::CoMentioned).expect("co-mention");
    assert_eq!((co.0.id.as_str(), co.1.id.as_str(), co.2.weight), ("pep:20", "pep:8", 1));
}

#[test]
fn co_mentions_weigh_the_talks_sharing_a_pair() {
    // Talk i (1..=5) mentions PEPs 8..8+i: each pair's weight is the number of talks.
    let k = Knowledge::builtin();
    let mut b = GraphBuilder::new(&k);
    let talks = (0..5).map(|i| talk(10 * (i + 1), "Ann Lee", (0..=i).map(|p| Target::Pep(8 + p)).collect())).collect();
    b.add(&facts("day1", talks));
    let g = b.finish();
    let weight = |a: &str, c: &str| {
        g.edges().find(|(s, t, e)| s.id == a && t.id == c && e.kind == EdgeKind::CoMentioned).map(|e| e.2.weight)
    };
    assert_eq!(weight("pep:8", "pep:9"), Some(4));
    assert_eq!(weight("pep:12", "pep:8"), Some(1));
    // Each pair is stored once, from the smaller id: "pep:10" < "pep:9".
    assert_eq!(weight("pep:10", "pep:9"), Some(3));
    assert_eq!(weight("pep:9", "pep:10"), None);
}

// Topics of different kinds: a pair goes from the smaller id (`organization:` before
// `technology:`), though technologies come first in the graph, and the graph's edges
// stay in (source, kind, target) order.
#[test]
fn co_mentions_across_kinds_go_from_the_smaller_id() {
    let k = Knowledge::builtin();
    let [cpython, psf, numpy] = ["CPython", "Python Software Foundation", "NumPy"].map(|n| k.lexicon.find(n).expect(n));
    let mut b = GraphBuilder::new(&k);
    let targets = || vec![Target::Entry(cpython), Target::Entry(numpy), Target::Entry(psf), Target::Pep(8)];
    b.add(&facts("day1", vec![talk(10, "Ann Lee", targets()), talk(30, "Bob Ray", targets())]));
    let g = b.finish();
    let co: Vec<(&str, &str, u32)> = g
        .edges()
        .filter(|(_, _, e)| e.kind == EdgeKind::CoMentioned)
        .map(|(s, t, e)| (s.id.as_str(), t.id.as_str(), e.weight))
        .collect();
    for (s, t, w) in &co {
        assert!(s < t && *w == 2, "{s} -> {t} ({w})");
    }
    assert!(co.iter().any(|(s, t, _)| *s == "organization:python-software-foundation" && t.starts_with("technology:")));
    assert_eq!(co.len(), 6);
    let keys: Vec<_> = g.edge_indices().map(|(s, t, e)| (s, e.kind, t)).collect();
    assert!(keys.windows(2).all(|w| w[0] < w[1]), "edges in order");
}

proptest::proptest! {
    #[test]
    fn pairs_counted_in_a_map_are_those_of_the_square_table(
        raw in proptest::collection::vec((0u32..40, 0u32..12), 0..200),
        rank in proptest::strategy::Just((0u32..12).collect::<Vec<_>>()).prop_shuffle(),
    ) {
        let mut mentions = raw;
        mentions.sort_unstable();
        mentions.dedup();
        let square = count_pairs(&mentions, &rank, true);
        proptest::prop_assert_eq!(&square, &count_pairs(&mentions, &rank, false));
        proptest::prop_assert!(square.windows(2).all(|w| w[0].0 < w[1].0), "in order");
        proptest::prop_assert!(square.iter().all(|((a, b), _)| rank[*a as usize] < rank[*b as usize]), "oriented");
        let total: u32 = square.iter().map(|p| p.1).sum();
        let by_talk = mentions.chunk_by(|a, b| a.0 == b.0).map(|r| (r.len() * r.len().saturating_sub(1) / 2) as u32);
        proptest::prop_assert_eq!(total, by_talk.sum::<u32>());
    }

    // The two counting passes order each talk's edges as sorting them one talk at a
    // time by kind, then target position, would.
    #[test]
    fn talk_order_sorts_each_talk_by_kind_then_target(
        talks in proptest::collection::vec(proptest::collection::btree_set((0usize..4, 0u32..30), 0..12), 0..20),
        pos in proptest::strategy::Just((0u32..30).collect::<Vec<_>>()).prop_shuffle(),
    ) {
        let (mut edges, mut ranges) = (Vec::new(), Vec::new());
        for t in &talks {
            let start = edges.len();
            // In an order of their own, not the one wanted.
            for &(kind, to) in t.iter().rev() {
                let e = Edge { kind: EdgeKind::ALL[kind], weight: 1, evidence: Evidence::new(), confidence: Confidence::Exact };
                edges.push((to, e));
            }
            ranges.push(start..edges.len());
        }
        let order = talk_order(&edges, &ranges, &pos);
        for r in &ranges {
            let got: Vec<_> = order[r.clone()].iter().map(|&i| (edges[i as usize].1.kind, pos[edges[i as usize].0 as usize])).collect();
            let mut want: Vec<_> = edges[r.clone()].iter().map(|(to, e)| (e.kind, pos[*to as usize])).collect();
            want.sort_unstable();
            proptest::prop_assert_eq!(got, want);
            proptest::prop_assert!(order[r.clone()].iter().all(|&i| r.contains(&(i as usize))), "within its talk");
        }
    }
}

// Confidences are remembered per entry, rule and spelling: each talk's link is still
// as sure as its own mention says, whatever spellings came before.
#[test]
fn remembered_confidence_is_each_mentions_own() {
    let k = Knowledge::builtin();
    let cpython = k.lexicon.find("CPython").expect("in the built-in lexicon");
    // The same spelling under two rules can differ too (`CPy`: alias if listed as
    // written, else case-folded).
    let spellings =
        [("CPython", Rule::Exact), ("cpython", Rule::CaseFolded), ("CPy", Rule::Exact), ("CPy", Rule::CodeSpan)];
    let mut talks = Vec::new();
    for (round, (surface, rule)) in spellings.iter().cycle().take(8).enumerate() {
        let mut t = talk(10 * (round as u32 + 1), "Ann Lee", vec![]);
        t.mentions.push(Mention {
            target: Target::Entry(cpython),
            surface: surface.to_string(),
            line: t.line + 2,
            rule: *rule,
        });
        talks.push(t);
    }
    let mut b = GraphBuilder::new(&k);
    b.add(&facts("day1", talks.clone()));
    let g = b.finish();
    for t in &talks {
        let want = k.confidence(&t.mentions[0]);
        let from = format!("talk:day1#{}", t.line);
        let (_, _, e) = g.edges().find(|(s, _, e)| s.id == from && e.kind == EdgeKind::Mentions).expect("its mention");
        assert_eq!(e.confidence, want, "{from}: {:?}", t.mentions[0]);
    }
    let sure: Vec<_> = talks.iter().take(4).map(|t| k.confidence(&t.mentions[0])).collect();
    assert!(sure[0] != sure[1] && sure[2] != sure[3], "spellings and rules differ in confidence: {sure:?}");
}
