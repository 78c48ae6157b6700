//! `talkgraph report [PATH...] [-o FILE]`: the notes told in Markdown, readable on
//! GitHub and in Obsidian.
//!
//! Sections, in order: the events and their days with their talks; the technologies,
//! organisations and PEPs the most talks mention; the communities of the topic map,
//! the bridges between them and their strongest links (when the graph's measures
//! give communities); the isolated topics; each speaker with their talks and topics;
//! the PEPs discussed with title, status, authors and who spoke of them; the topic
//! map as a picture when Graphviz is installed.
//!
//! Every claim links to its evidence: `[file:line](path#Lline)`, the path relative
//! to the folder the report is written to (GitHub opens the line; Obsidian the
//! file). Tables are sorted by count (most first), then name, then id: the same notes
//! give the same bytes.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::ask::Input;
use crate::diff::{md_escape, md_place};
use crate::graph::{Attr, EdgeKind, KnowledgeGraph, NodeId, NodeKind, View, ViewOptions};
use crate::{Error, Warning};

/// How many entries the "most mentioned" tables list per kind.
pub const TOP: usize = 15;

/// Where the report goes.
#[derive(Debug, Clone)]
pub struct ReportOptions {
    /// The notes.
    pub input: Input,
    /// The Markdown file to write (`None`: standard output).
    pub out: Option<PathBuf>,
    /// Draw the topic map with Graphviz when it is installed.
    pub map: bool,
}

/// A talk as the report links it.
struct TalkRef {
    title: String,
    place: String,
}

fn talk_ref(graph: &KnowledgeGraph, t: NodeId) -> TalkRef {
    let n = graph.node(t);
    TalkRef {
        title: n.label.clone(),
        place: n.attrs.talk.as_ref().map_or_else(|| "?:?".into(), |t| format!("{}:{}", t.file, t.line)),
    }
}

/// Edges into `n` of `kind`: (source, places).
fn incoming(graph: &KnowledgeGraph, n: NodeId, kind: EdgeKind) -> Vec<(NodeId, Vec<String>)> {
    graph
        .incident(n)
        .into_iter()
        .filter(|(_, e, out)| !out && e.kind == kind)
        .map(|(o, e, _)| (o, graph.evidence(e).map(|a| a.to_string()).collect()))
        .collect()
}

/// The talks a person presents or moderates.
fn on_stage(graph: &KnowledgeGraph, person: NodeId) -> Vec<NodeId> {
    graph.incident(person).into_iter().filter(|(_, e, out)| !out && e.kind.is_on_stage()).map(|(t, _, _)| t).collect()
}

/// Edges out of `n` of `kind`: (target, weight).
fn outgoing(graph: &KnowledgeGraph, n: NodeId, kind: EdgeKind) -> Vec<(NodeId, u32)> {
    graph.incident(n).into_iter().filter(|(_, e, out)| *out && e.kind == kind).map(|(o, e, _)| (o, e.weight)).collect()
}

/// A talk's place for sorting: its file, then its line as a number.
fn talk_key(graph: &KnowledgeGraph, t: NodeId) -> (String, u32) {
    let n = graph.node(t);
    n.attrs.talk.as_ref().map_or((String::new(), 0), |t| (t.file.to_string(), t.line))
}

fn by_name(graph: &KnowledgeGraph, a: NodeId, b: NodeId) -> std::cmp::Ordering {
    let (x, y) = (graph.node(a), graph.node(b));
    x.label.to_lowercase().cmp(&y.label.to_lowercase()).then_with(|| x.id.cmp(&y.id))
}

/// Writes the report of `graph` as Markdown; links are relative to `base`, the
/// folder the report is read from; `map` is the topic map's file name when one was
/// drawn.
pub fn write_markdown(graph: &KnowledgeGraph, base: &Path, map: Option<&str>, mut w: impl Write) -> io::Result<()> {
    let source = |f: &str| graph.source_named(f).to_path_buf();
    let link = |p: &str| md_place(p, base, &source);
    let links = |ps: &[String], max: usize| {
        let mut v: Vec<String> = ps.iter().take(max).map(|p| link(p)).collect();
        if ps.len() > max {
            v.push(format!("… {} more", ps.len() - max));
        }
        v.join(", ")
    };
    let talk_link = |t: &TalkRef| format!("*{}* ({})", md_escape(&t.title), link(&t.place));
    let events: Vec<NodeId> = graph
        .nodes()
        .filter(|(i, n)| n.kind == NodeKind::Event && outgoing(graph, *i, EdgeKind::PartOf).is_empty())
        .map(|(i, _)| i)
        .collect();
    let names: Vec<&str> = events.iter().map(|&e| graph.node(e).label.as_str()).collect();
    let talks = graph.count(NodeKind::Talk);
    let title = if names.is_empty() { "the notes".to_string() } else { names.join(", ") };
    writeln!(w, "# Report: {}\n", md_escape(&title))?;
    let speakers: Vec<NodeId> = graph
        .nodes()
        .filter(|(i, n)| n.kind == NodeKind::Person && !on_stage(graph, *i).is_empty())
        .map(|(i, _)| i)
        .collect();
    writeln!(
        w,
        "{talks} talks by {} speakers; {} technologies, {} topics, {} organisations, {} PEPs mentioned.\n",
        speakers.len(),
        mentioned(graph, NodeKind::Technology).len(),
        mentioned(graph, NodeKind::Topic).len(),
        mentioned(graph, NodeKind::Organization).len(),
        mentioned(graph, NodeKind::Pep).len(),
    )?;
    writeln!(
        w,
        "Contents: [Events](#events) · [Most mentioned](#most-mentioned) · [Communities](#communities) · [Bridges](#bridges) · [Links between communities](#links-between-communities) · [Isolated topics](#isolated-topics) · [Speakers](#speakers) · [PEPs](#peps) · [Topic map](#topic-map)\n"
    )?;

    // Events and their days.
    writeln!(w, "## Events\n")?;
    if events.is_empty() {
        writeln!(w, "No conference or day was named in the notes.")?;
    } else {
        writeln!(w, "| event | date | talks | where |\n|---|---|---:|---|")?;
    }
    for &e in &events {
        let days: Vec<(NodeId, Vec<String>)> = incoming(graph, e, EdgeKind::PartOf)
            .into_iter()
            .filter(|(d, _)| graph.node(*d).kind == NodeKind::Event)
            .collect();
        let direct = talks_part_of(graph, e);
        let mut all = direct.clone();
        for (d, _) in &days {
            all.extend(talks_part_of(graph, *d));
        }
        let first: Vec<String> = days.iter().flat_map(|(_, p)| p.clone()).collect();
        let first =
            if first.is_empty() { all.iter().take(1).map(|&t| talk_ref(graph, t).place).collect() } else { first };
        let n = graph.node(e);
        writeln!(
            w,
            "| **{}** | {} | {} | {} |",
            md_escape(&n.label),
            n.text(Attr::Date).unwrap_or(""),
            all.len(),
            links(&first, 3)
        )?;
        for (d, places) in &days {
            let dn = graph.node(*d);
            let count = talks_part_of(graph, *d).len();
            writeln!(
                w,
                "| {} | {} | {count} | {} |",
                md_escape(&dn.label),
                dn.text(Attr::Date).unwrap_or(""),
                links(places, 1)
            )?;
        }
    }

    // Most mentioned.
    writeln!(w, "\n## Most mentioned\n")?;
    for (kind, title) in [
        (NodeKind::Technology, "Technologies"),
        (NodeKind::Topic, "Topics"),
        (NodeKind::Organization, "Organisations"),
        (NodeKind::Pep, "PEPs"),
    ] {
        let list = mentioned(graph, kind);
        writeln!(w, "### {title} ({})\n", list.len())?;
        if list.is_empty() {
            writeln!(w, "None.\n")?;
            continue;
        }
        writeln!(w, "| {} | talks | mentions | where |\n|---|---:|---:|---|", kind.name().to_lowercase())?;
        for m in list.iter().take(TOP) {
            writeln!(
                w,
                "| {} | {} | {} | {} |",
                md_escape(&graph.node(m.node).label),
                m.talks,
                m.mentions,
                links(&m.places, 3)
            )?;
        }
        if list.len() > TOP {
            writeln!(w, "\n… and {} more.", list.len() - TOP)?;
        }
        writeln!(w)?;
    }

    topic_map(graph, &links, &talk_link, &mut w)?;

    // Isolated topics: mentioned, but never with another topic.
    let isolated: Vec<Mentioned> = [NodeKind::Technology, NodeKind::Topic, NodeKind::Organization, NodeKind::Pep]
        .into_iter()
        .flat_map(|k| mentioned(graph, k))
        .filter(|m| !graph.incident(m.node).iter().any(|(_, e, _)| e.kind == EdgeKind::CoMentioned))
        .collect();
    writeln!(w, "## Isolated topics\n")?;
    writeln!(w, "Topics no talk mentions together with another topic ({}).\n", isolated.len())?;
    for m in &isolated {
        let n = graph.node(m.node);
        writeln!(w, "- {} ({}): {}", md_escape(&n.label), n.kind, links(&m.places, 2))?;
    }

    // Speakers.
    let mut speakers = speakers;
    speakers.sort_by(|a, b| by_name(graph, *a, *b));
    writeln!(w, "\n## Speakers\n")?;
    for &p in &speakers {
        let mut talks: Vec<NodeId> = on_stage(graph, p);
        talks.sort_by_key(|&t| talk_key(graph, t));
        talks.dedup();
        let mut topics: BTreeMap<NodeId, u32> = BTreeMap::new();
        for &t in &talks {
            for (topic, _) in outgoing(graph, t, EdgeKind::Mentions) {
                if matches!(
                    graph.node(topic).kind,
                    NodeKind::Technology | NodeKind::Topic | NodeKind::Organization | NodeKind::Pep
                ) {
                    *topics.entry(topic).or_default() += 1;
                }
            }
        }
        let mut topics: Vec<(NodeId, u32)> = topics.into_iter().collect();
        topics.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| by_name(graph, a.0, b.0)));
        let moderates = |t: NodeId| outgoing(graph, t, EdgeKind::ModeratedBy).iter().any(|(q, _)| *q == p);
        let refs: Vec<String> = talks
            .iter()
            .map(|&t| {
                let r = talk_link(&talk_ref(graph, t));
                if moderates(t) {
                    format!("{r} (moderator)")
                } else {
                    r
                }
            })
            .collect();
        writeln!(w, "- **{}**: {}", md_escape(&graph.node(p).label), refs.join("; "))?;
        if !topics.is_empty() {
            let shown: Vec<String> = topics.iter().take(10).map(|(t, _)| md_escape(&graph.node(*t).label)).collect();
            let more = if topics.len() > 10 { format!(" … and {} more", topics.len() - 10) } else { String::new() };
            writeln!(w, "  - topics: {}{more}", shown.join(", "))?;
        }
    }
    if speakers.is_empty() {
        writeln!(w, "No speaker was named.")?;
    }

    // PEPs.
    writeln!(w, "\n## PEPs\n")?;
    let peps = mentioned(graph, NodeKind::Pep);
    if peps.is_empty() {
        writeln!(w, "No PEP was discussed.")?;
    }
    for m in &peps {
        let n = graph.node(m.node);
        let mut authors: Vec<NodeId> =
            incoming(graph, m.node, EdgeKind::Authored).into_iter().map(|(a, _)| a).collect();
        authors.sort_by(|a, b| by_name(graph, *a, *b));
        let authors: Vec<String> = authors.iter().map(|&a| md_escape(&graph.node(a).label)).collect();
        let url = n.text(Attr::Url).unwrap_or("");
        writeln!(
            w,
            "- **[{}]({url})**{}{}{}",
            md_escape(&n.label),
            n.text(Attr::Title).map(|t| format!(": {}", md_escape(t))).unwrap_or_default(),
            n.text(Attr::Status).map(|s| format!(" ({s})")).unwrap_or_default(),
            if authors.is_empty() { String::new() } else { format!(", by {}", authors.join(", ")) }
        )?;
        let mut talks: Vec<(NodeId, Vec<String>)> = incoming(graph, m.node, EdgeKind::Mentions);
        talks.sort_by_key(|(t, _)| talk_key(graph, *t));
        for (t, places) in talks {
            let mut by: Vec<NodeId> = outgoing(graph, t, EdgeKind::PresentedBy).into_iter().map(|(p, _)| p).collect();
            by.sort_by(|a, b| by_name(graph, *a, *b));
            let by: Vec<String> = by.iter().map(|&p| md_escape(&graph.node(p).label)).collect();
            let mut who = if by.is_empty() { String::new() } else { format!(" by {}", by.join(", ")) };
            let mut chair: Vec<NodeId> =
                outgoing(graph, t, EdgeKind::ModeratedBy).into_iter().map(|(p, _)| p).collect();
            chair.sort_by(|a, b| by_name(graph, *a, *b));
            if !chair.is_empty() {
                let chair: Vec<String> = chair.iter().map(|&p| md_escape(&graph.node(p).label)).collect();
                who.push_str(&format!("{}moderated by {}", if by.is_empty() { " " } else { ", " }, chair.join(", ")));
            }
            writeln!(w, "  - in *{}*{who}: {}", md_escape(&graph.node(t).label), links(&places, 3))?;
        }
    }

    // The topic map.
    writeln!(w, "\n## Topic map\n")?;
    match map {
        Some(file) => writeln!(w, "![The topic map: topics linked when a talk mentions both]({file})")?,
        None => writeln!(
            w,
            "Install Graphviz (`apt-get install graphviz`, `brew install graphviz`, or <https://graphviz.org/download/>) and run `talkgraph report` again with `-o FILE` to draw the topic map beside the report."
        )?,
    }
    Ok(())
}

/// How many members and talks a community lists; bridges and links the report names.
pub const LIST: usize = 10;

/// The topic map's communities (label, members, talks), its bridges (highest
/// betweenness in the map) and the strongest links between communities, each with the
/// talks' lines as evidence. Nothing but a line saying so when no topic is mentioned
/// with another.
fn topic_map(
    graph: &KnowledgeGraph,
    links: &dyn Fn(&[String], usize) -> String,
    talk_link: &dyn Fn(&TalkRef) -> String,
    w: &mut dyn Write,
) -> io::Result<()> {
    let map = match graph.view(&ViewOptions { view: View::Topics, ..Default::default() }) {
        Ok(map) => map.with_measures(Some(graph), false),
        Err(_) => KnowledgeGraph::default(),
    };
    let m = map.measures().cloned().unwrap_or_default();
    writeln!(
        w,
        "## Communities
"
    )?;
    if m.communities.is_empty() {
        writeln!(w, "No topic is mentioned together with another: no community.\n")?;
    } else {
        writeln!(
            w,
            "Groups of topics talks mention together (Louvain on the co-mentions, modularity {:.2}), largest first.\n",
            m.modularity
        )?;
    }
    let community_of = |i: usize| m.community_of(i);
    for c in &m.communities {
        let mut members: Vec<NodeId> =
            map.nodes().filter(|(i, _)| community_of(i.index()).map(|k| k.id) == Some(c.id)).map(|(i, _)| i).collect();
        members.sort_by(|a, b| {
            m.weighted_degree[b.index()].cmp(&m.weighted_degree[a.index()]).then_with(|| by_name(&map, *a, *b))
        });
        // The talks that mention a member, most members first, then in the notes' order.
        let mut talks: BTreeMap<NodeId, usize> = BTreeMap::new();
        for &t in &members {
            let Some(i) = graph.find(&map.node(t).id) else { continue };
            for (talk, _) in incoming(graph, i, EdgeKind::Mentions) {
                *talks.entry(talk).or_default() += 1;
            }
        }
        let mut talks: Vec<(NodeId, usize)> = talks.into_iter().collect();
        talks.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| talk_key(graph, a.0).cmp(&talk_key(graph, b.0))));
        let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        writeln!(
            w,
            "### {}. {} ({}, {})\n",
            c.id + 1,
            md_escape(&c.label),
            plural(members.len(), "topic", "topics"),
            plural(talks.len(), "talk", "talks")
        )?;
        let mut names: Vec<String> = members.iter().take(LIST).map(|&t| md_escape(&map.node(t).label)).collect();
        if members.len() > LIST {
            names.push(format!("… {} more", members.len() - LIST));
        }
        writeln!(w, "- Topics: {}", names.join(", "))?;
        let mut refs: Vec<String> =
            talks.iter().take(LIST).map(|&(t, n)| format!("{} ({n})", talk_link(&talk_ref(graph, t)))).collect();
        if talks.len() > LIST {
            refs.push(format!("… {} more", talks.len() - LIST));
        }
        writeln!(w, "- Talks (how many of its topics each mentions): {}\n", refs.join("; "))?;
    }

    // Bridges: the topics on most shortest paths of the map.
    let mut bridges: Vec<NodeId> =
        map.nodes().filter(|(i, _)| m.betweenness[i.index()] > 0.0).map(|(i, _)| i).collect();
    bridges.sort_by(|a, b| {
        m.betweenness[b.index()].total_cmp(&m.betweenness[a.index()]).then_with(|| by_name(&map, *a, *b))
    });
    writeln!(w, "## Bridges\n")?;
    writeln!(w, "Topics on the most shortest paths between others in the topic map (betweenness, 0 to 1): remove one and parts of the map drift apart.\n")?;
    if bridges.is_empty() {
        writeln!(w, "None.\n")?;
    } else {
        writeln!(w, "| topic | betweenness | communities it links | where |\n|---|---:|---|---|")?;
        for &b in bridges.iter().take(LIST) {
            let mut reached: Vec<u32> =
                map.incident(b).into_iter().filter_map(|(o, _, _)| community_of(o.index()).map(|c| c.id)).collect();
            reached.extend(community_of(b.index()).map(|c| c.id));
            reached.sort_unstable();
            reached.dedup();
            let names: Vec<String> = reached.iter().map(|c| format!("{}", c + 1)).collect();
            let places = graph
                .find(&map.node(b).id)
                .map(|i| {
                    let mut p: Vec<String> = incoming(graph, i, EdgeKind::Mentions)
                        .into_iter()
                        .filter_map(|(_, ps)| ps.into_iter().next())
                        .collect();
                    p.sort_by(|a, b| crate::diff::place_order(a, b));
                    p
                })
                .unwrap_or_default();
            writeln!(
                w,
                "| {} | {:.3} | {} | {} |",
                md_escape(&map.node(b).label),
                m.betweenness[b.index()],
                names.join(", "),
                links(&places, 2)
            )?;
        }
        writeln!(w)?;
    }

    // The strongest links between two communities: their co-mentions summed, the
    // strongest pairs of topics named, the headings of the talks mentioning both as
    // evidence.
    let places_of = |a: NodeId, b: NodeId| -> Vec<String> {
        let (Some(i), Some(j)) = (graph.find(&map.node(a).id), graph.find(&map.node(b).id)) else { return vec![] };
        let with_j: Vec<NodeId> = incoming(graph, j, EdgeKind::Mentions).into_iter().map(|(t, _)| t).collect();
        incoming(graph, i, EdgeKind::Mentions)
            .into_iter()
            .filter(|(t, _)| with_j.contains(t))
            .map(|(t, _)| talk_ref(graph, t).place)
            .collect()
    };
    type Across = (u32, Vec<(u32, NodeId, NodeId)>, Vec<String>);
    let mut across: BTreeMap<(u32, u32), Across> = BTreeMap::new();
    for (s, t, e) in map.edge_indices() {
        let (Some(a), Some(b)) = (community_of(s.index()), community_of(t.index())) else { continue };
        if e.kind != EdgeKind::CoMentioned || a.id == b.id {
            continue;
        }
        let (s, t) = if a.id < b.id { (s, t) } else { (t, s) };
        let entry = across.entry((a.id.min(b.id), a.id.max(b.id))).or_default();
        entry.0 += e.weight;
        entry.1.push((e.weight, s, t));
        entry.2.extend(places_of(s, t));
    }
    let mut across: Vec<((u32, u32), Across)> = across.into_iter().collect();
    across.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(&b.0)));
    writeln!(w, "## Links between communities\n")?;
    writeln!(
        w,
        "The pairs of communities talks mention together most: the co-mentions between their topics, summed.\n"
    )?;
    if across.is_empty() {
        writeln!(w, "None.\n")?;
    } else {
        writeln!(w, "| communities | co-mentions | strongest pairs | where |\n|---|---:|---|---|")?;
        for ((a, b), (weight, mut pairs, mut places)) in across.into_iter().take(LIST) {
            pairs.sort_by(|x, y| {
                y.0.cmp(&x.0).then_with(|| by_name(&map, x.1, y.1)).then_with(|| by_name(&map, x.2, y.2))
            });
            let named: Vec<String> = pairs
                .iter()
                .take(3)
                .map(|&(_, s, t)| format!("{} — {}", md_escape(&map.node(s).label), md_escape(&map.node(t).label)))
                .collect();
            places.sort_by(|x, y| crate::diff::place_order(x, y));
            places.dedup();
            writeln!(w, "| {} — {} | {weight} | {} | {} |", a + 1, b + 1, named.join(", "), links(&places, 2))?;
        }
        writeln!(w)?;
    }
    Ok(())
}

/// The talks part of event `e` directly.
fn talks_part_of(graph: &KnowledgeGraph, e: NodeId) -> Vec<NodeId> {
    incoming(graph, e, EdgeKind::PartOf)
        .into_iter()
        .filter(|(t, _)| graph.node(*t).kind == NodeKind::Talk)
        .map(|(t, _)| t)
        .collect()
}

/// A topic with the talks that mention it.
struct Mentioned {
    node: NodeId,
    talks: usize,
    mentions: u32,
    /// The first place in each talk, in the order of the notes.
    places: Vec<String>,
}

/// The nodes of `kind` some talk mentions, most talks first, then most mentions, then
/// name.
fn mentioned(graph: &KnowledgeGraph, kind: NodeKind) -> Vec<Mentioned> {
    let mut list: Vec<Mentioned> = graph
        .nodes()
        .filter(|(_, n)| n.kind == kind)
        .filter_map(|(i, _)| {
            let edges: Vec<_> =
                graph.incident(i).into_iter().filter(|(_, e, out)| !out && e.kind == EdgeKind::Mentions).collect();
            if edges.is_empty() {
                return None;
            }
            let mut places: Vec<String> =
                edges.iter().filter_map(|(_, e, _)| graph.evidence(e).next().map(|a| a.to_string())).collect();
            places.sort_by(|a, b| crate::diff::place_order(a, b));
            Some(Mentioned {
                node: i,
                talks: edges.len(),
                mentions: edges.iter().map(|(_, e, _)| e.weight).sum(),
                places,
            })
        })
        .collect();
    list.sort_by(|a, b| {
        b.talks.cmp(&a.talks).then(b.mentions.cmp(&a.mentions)).then_with(|| by_name(graph, a.node, b.node))
    });
    list
}

/// The topic map drawn by Graphviz (the topics view's engine, neato or sfdp) as `report-topics.svg` in `dir`; `None`
/// when Graphviz is not installed or fails.
fn draw_map(graph: &KnowledgeGraph, dir: &Path) -> Option<&'static str> {
    const FILE: &str = "report-topics.svg";
    let topics = graph.view(&ViewOptions { view: View::Topics, ..Default::default() }).ok()?;
    let tmp = tempfile::tempdir_in(dir).ok()?;
    let dot = tmp.path().join("report-topics.dot");
    let opts = crate::ExportOptions { layout: crate::export::Layout::Auto, ..Default::default() };
    let mut f = io::BufWriter::new(std::fs::File::create(&dot).ok()?);
    crate::export::dot::write(&topics, &opts, &mut f).ok()?;
    f.flush().ok()?;
    drop(f);
    let svg = crate::export::render(&dot, &[crate::export::RenderFormat::Svg], opts.layout).ok()?;
    std::fs::rename(svg.first()?, dir.join(FILE)).ok()?;
    Some(FILE)
}

/// Reads the notes and writes the report (to `opts.out`, atomically, or to `w`).
/// Returns the files written and the warnings about the input.
pub fn run(opts: &ReportOptions, w: &mut dyn Write) -> Result<(Vec<PathBuf>, Vec<Warning>), Error> {
    let (built, _) = crate::ask::load(&opts.input)?;
    let graph = &built.graph;
    let Some(out) = &opts.out else {
        write_markdown(graph, Path::new("."), None, w).map_err(|e| Error::Read("-".into(), e))?;
        return Ok((vec![], built.warnings));
    };
    let dir = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let folder = |e| crate::export::ExportError::Folder(dir.clone(), e);
    std::fs::create_dir_all(&dir).map_err(folder)?;
    let map = if opts.map { draw_map(graph, &dir) } else { None };
    let io_err = |e| crate::export::ExportError::Io(out.clone(), e);
    let tmp = tempfile::Builder::new().prefix(".report.").suffix(".tmp").tempfile_in(&dir).map_err(folder)?;
    let mut bw = io::BufWriter::new(tmp);
    write_markdown(graph, &dir, map, &mut bw).map_err(io_err)?;
    let tmp = bw.into_inner().map_err(|e| io_err(e.into_error()))?;
    crate::export::publish(tmp, out)?;
    let mut written = vec![out.clone()];
    written.extend(map.map(|m| dir.join(m)));
    Ok((written, built.warnings))
}
