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
use crate::graph::{EdgeKind, KnowledgeGraph, NodeId, NodeKind, View, ViewOptions};
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
        place: format!("{}:{}", n.attr("file").unwrap_or("?"), n.attr("line").unwrap_or("?")),
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

/// Edges out of `n` of `kind`: (target, weight).
fn outgoing(graph: &KnowledgeGraph, n: NodeId, kind: EdgeKind) -> Vec<(NodeId, u32)> {
    graph.incident(n).into_iter().filter(|(_, e, out)| *out && e.kind == kind).map(|(o, e, _)| (o, e.weight)).collect()
}

/// A talk's place for sorting: its file, then its line as a number.
fn talk_key(graph: &KnowledgeGraph, t: NodeId) -> (String, u32) {
    let n = graph.node(t);
    (n.attr("file").unwrap_or("").to_string(), n.attr("line").and_then(|l| l.parse().ok()).unwrap_or(0))
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
        .filter(|(i, n)| n.kind == NodeKind::Person && !incoming(graph, *i, EdgeKind::PresentedBy).is_empty())
        .map(|(i, _)| i)
        .collect();
    writeln!(
        w,
        "{talks} talks by {} speakers; {} technologies, {} organisations, {} PEPs mentioned.\n",
        speakers.len(),
        mentioned(graph, NodeKind::Technology).len(),
        mentioned(graph, NodeKind::Organization).len(),
        mentioned(graph, NodeKind::Pep).len(),
    )?;
    writeln!(
        w,
        "Contents: [Events](#events) · [Most mentioned](#most-mentioned) · [Isolated topics](#isolated-topics) · [Speakers](#speakers) · [PEPs](#peps) · [Topic map](#topic-map)\n"
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
            n.attr("date").unwrap_or(""),
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
                dn.attr("date").unwrap_or(""),
                links(places, 1)
            )?;
        }
    }

    // Most mentioned.
    writeln!(w, "\n## Most mentioned\n")?;
    for (kind, title) in
        [(NodeKind::Technology, "Technologies"), (NodeKind::Organization, "Organisations"), (NodeKind::Pep, "PEPs")]
    {
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

    // Isolated topics: mentioned, but never with another topic.
    let isolated: Vec<Mentioned> = [NodeKind::Technology, NodeKind::Organization, NodeKind::Pep]
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
        let mut talks: Vec<NodeId> = incoming(graph, p, EdgeKind::PresentedBy).into_iter().map(|(t, _)| t).collect();
        talks.sort_by_key(|&t| talk_key(graph, t));
        let mut topics: BTreeMap<NodeId, u32> = BTreeMap::new();
        for &t in &talks {
            for (topic, _) in outgoing(graph, t, EdgeKind::Mentions) {
                if matches!(graph.node(topic).kind, NodeKind::Technology | NodeKind::Organization | NodeKind::Pep) {
                    *topics.entry(topic).or_default() += 1;
                }
            }
        }
        let mut topics: Vec<(NodeId, u32)> = topics.into_iter().collect();
        topics.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| by_name(graph, a.0, b.0)));
        let refs: Vec<String> = talks.iter().map(|&t| talk_link(&talk_ref(graph, t))).collect();
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
        let url = n.attr("url").unwrap_or("");
        writeln!(
            w,
            "- **[{}]({url})**{}{}{}",
            md_escape(&n.label),
            n.attr("title").map(|t| format!(": {}", md_escape(t))).unwrap_or_default(),
            n.attr("status").map(|s| format!(" ({s})")).unwrap_or_default(),
            if authors.is_empty() { String::new() } else { format!(", by {}", authors.join(", ")) }
        )?;
        let mut talks: Vec<(NodeId, Vec<String>)> = incoming(graph, m.node, EdgeKind::Mentions);
        talks.sort_by_key(|(t, _)| talk_key(graph, *t));
        for (t, places) in talks {
            let mut by: Vec<NodeId> = outgoing(graph, t, EdgeKind::PresentedBy).into_iter().map(|(p, _)| p).collect();
            by.sort_by(|a, b| by_name(graph, *a, *b));
            let by: Vec<String> = by.iter().map(|&p| md_escape(&graph.node(p).label)).collect();
            let who = if by.is_empty() { String::new() } else { format!(" by {}", by.join(", ")) };
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
