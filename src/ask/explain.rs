//! `talkgraph explain NAME [PATH...] [--json]`: what one entity is, and why the graph
//! says so.
//!
//! An [`Explanation`] holds the entity's kind and attributes; every surface form
//! merged into it with the rule that merged it (from [`crate::entities`], the data of
//! `entities --explain`); the talks linked to it (that mention it, that a person
//! presented, ...) each with the `file:line` and text of every line behind the link;
//! and its neighbours, strongest link first. A person's neighbours include the topics
//! of their talks (`spoke_about`, weighted by talks), as `--view speakers` derives them.
//!
//! # Text
//!
//! ```text
//! CPython (technology:cpython)
//! kind: Technology
//! category: implementation
//! merged: "Cpython" case-folded ×2 notes/day1.md:22, notes/day1.md:40
//! talks (2):
//!   How are we making Cpython faster (talk:day1#22), mentions ×3
//!     notes/day1.md:22  ## Talk 1: How are we making Cpython faster
//! strongest neighbours:
//!   3  co_mentioned  PEP 659 (pep:659)
//! ```
//!
//! # JSON
//!
//! The [`Explanation`] as it is: `id`, `name`, `kind`, `attributes`, `aliases`,
//! `merged` (`surface`, `rule`, `count`, `places`), `talks` (`id`, `title`,
//! `relation`, `weight`, `evidence`: `file`, `line`, `text`) and `neighbours` (`id`,
//! `name`, `kind`, `relation`, `weight`, `evidence`).

use std::collections::BTreeMap;
use std::io;

use serde::Serialize;

use super::{clip, kind_name, Input, Lines, Quote};
use crate::entities::{EntitiesOptions, Form};
use crate::graph::{EdgeKind, KnowledgeGraph, NodeId, NodeKind};
use crate::{Built, Error, Knowledge};

/// How many places of one link are quoted.
pub const MAX_QUOTES: usize = 5;

/// What `explain` says about one entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Explanation {
    /// Graph id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Kind.
    #[serde(serialize_with = "kind_name")]
    pub kind: NodeKind,
    /// Attributes (category, homepage, title, status, ...).
    pub attributes: BTreeMap<String, String>,
    /// Other spellings seen.
    pub aliases: Vec<String>,
    /// Each surface form merged into it, with the rule that merged it.
    pub merged: Vec<Form>,
    /// The talks linked to it, in the order of the notes.
    pub talks: Vec<Link>,
    /// Its other neighbours, strongest first.
    pub neighbours: Vec<Link>,
}

/// A link from the entity explained to another node.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Link {
    /// The other node's id.
    pub id: String,
    /// Its name (a talk's title).
    pub name: String,
    /// Its kind.
    #[serde(serialize_with = "kind_name")]
    pub kind: NodeKind,
    /// The relation, read from the entity explained (`mentioned by`, `co_mentioned`).
    pub relation: String,
    /// The link's weight (mentions, or talks in common).
    pub weight: u32,
    /// The lines behind it (at most [`MAX_QUOTES`]).
    pub evidence: Vec<Quote>,
}

/// Explains the entity `name` names in `built`'s graph.
pub fn explain(built: &Built, knowledge: &Knowledge, name: &str) -> Result<Explanation, Error> {
    let graph = &built.graph;
    let n = super::resolve(graph, name, "explain")?;
    let node = graph.node(n);
    let mut lines = Lines::default();
    let merged = if matches!(node.kind, NodeKind::Event | NodeKind::Talk) {
        Vec::new()
    } else {
        let opts = EntitiesOptions { kind: Some(node.kind), explain: true, extract: Default::default() };
        let report = crate::entities::entities(&built.facts, knowledge, &opts);
        report.entities.into_iter().find(|e| e.id == node.id).map(|e| e.forms).unwrap_or_default()
    };
    let mut talks = Vec::new();
    let mut neighbours = Vec::new();
    for (other, e, outgoing) in graph.incident(n) {
        let o = graph.node(other);
        let link = Link {
            id: o.id.clone(),
            name: o.label.clone(),
            kind: o.kind,
            relation: e.kind.reading(outgoing).to_string(),
            weight: e.weight,
            evidence: if e.kind == EdgeKind::CoMentioned {
                co_mention_quotes(graph, &mut lines, n, other)
            } else {
                lines.quotes(graph, e, MAX_QUOTES)
            },
        };
        if o.kind == NodeKind::Talk && node.kind != NodeKind::Talk {
            let place = o.attrs.talk.as_ref().map_or((String::new(), 0), |t| (t.file.to_string(), t.line));
            talks.push((place, link));
        } else {
            neighbours.push(link);
        }
    }
    if node.kind == NodeKind::Person {
        neighbours.extend(spoke_about(graph, &mut lines, n));
    }
    // Talks in the order of the notes: by file, then line.
    talks.sort_by(|a, b| a.0.cmp(&b.0));
    let talks = talks.into_iter().map(|(_, l)| l).collect();
    neighbours.sort_by(|a, b| b.weight.cmp(&a.weight).then(a.kind.cmp(&b.kind)).then_with(|| a.id.cmp(&b.id)));
    Ok(Explanation {
        id: node.id.clone(),
        name: node.label.clone(),
        kind: node.kind,
        attributes: node.attrs.iter().map(|(k, v)| (k.name().to_string(), v.to_string())).collect(),
        aliases: node.aliases.iter().cloned().collect(),
        merged,
        talks,
        neighbours,
    })
}

/// The places of the two mentions in each talk behind a co-mention, quoted.
fn co_mention_quotes(graph: &KnowledgeGraph, lines: &mut Lines, a: NodeId, b: NodeId) -> Vec<Quote> {
    let places = super::shared_talks(graph, a, b).into_iter().flat_map(|(_, p)| p);
    places.take(MAX_QUOTES).map(|p| lines.quote(graph, p)).collect()
}

/// The topics of a person's talks, each weighted by the number of their talks that
/// mention it, with the places of those mentions.
fn spoke_about(graph: &KnowledgeGraph, lines: &mut Lines, person: NodeId) -> Vec<Link> {
    let mut topics: BTreeMap<NodeId, (u32, Vec<crate::graph::Place>)> = BTreeMap::new();
    for (talk, e, outgoing) in graph.incident(person) {
        if outgoing || !e.kind.is_on_stage() {
            continue;
        }
        for (topic, m, out) in graph.incident(talk) {
            if out && m.kind == EdgeKind::Mentions && graph.node(topic).kind.is_topic() {
                let t = topics.entry(topic).or_default();
                t.0 += 1;
                t.1.extend(m.evidence.iter());
            }
        }
    }
    topics
        .into_iter()
        .map(|(topic, (weight, places))| {
            let o = graph.node(topic);
            Link {
                id: o.id.clone(),
                name: o.label.clone(),
                kind: o.kind,
                relation: EdgeKind::SpokeAbout.name().into(),
                weight,
                evidence: places.into_iter().take(MAX_QUOTES).map(|p| lines.quote(graph, p)).collect(),
            }
        })
        .collect()
}

/// Reads the notes of `input` and explains `name`; returns the explanation and the
/// warnings about the input.
pub fn run(input: &Input, name: &str) -> Result<(Explanation, Vec<crate::Warning>), Error> {
    let (built, knowledge) = super::load(input)?;
    let x = explain(&built, &knowledge, name)?;
    Ok((x, built.warnings))
}

/// How many neighbours the text lists.
const TEXT_NEIGHBOURS: usize = 10;

/// Writes the explanation as text (see the module docs).
pub fn write_text(x: &Explanation, mut w: impl io::Write) -> io::Result<()> {
    writeln!(w, "{} ({})", x.name, x.id)?;
    writeln!(w, "kind: {}", x.kind)?;
    for (k, v) in &x.attributes {
        writeln!(w, "{k}: {v}")?;
    }
    if !x.aliases.is_empty() {
        writeln!(w, "aliases: {}", x.aliases.join(", "))?;
    }
    for f in &x.merged {
        writeln!(w, "merged: {:?} {} ×{} {}", f.surface, f.rule, f.count, f.places.join(", "))?;
    }
    if !x.talks.is_empty() {
        writeln!(w, "talks ({}):", x.talks.len())?;
        for t in &x.talks {
            writeln!(w, "  {} ({}), {} ×{}", t.name, t.id, t.relation, t.weight)?;
            write_quotes(&mut w, &t.evidence)?;
        }
    }
    if !x.neighbours.is_empty() {
        writeln!(w, "strongest neighbours ({}):", x.neighbours.len())?;
        for l in x.neighbours.iter().take(TEXT_NEIGHBOURS) {
            writeln!(w, "  {:>3}  {}  {} ({})", l.weight, l.relation, l.name, l.id)?;
            write_quotes(&mut w, &l.evidence[..l.evidence.len().min(2)])?;
        }
        if x.neighbours.len() > TEXT_NEIGHBOURS {
            writeln!(w, "  … {} more (--json lists them all)", x.neighbours.len() - TEXT_NEIGHBOURS)?;
        }
    }
    Ok(())
}

/// `    file:line  text` for each quote.
pub(crate) fn write_quotes(w: &mut impl io::Write, quotes: &[Quote]) -> io::Result<()> {
    for q in quotes {
        writeln!(w, "    {}  {}", q.place(), clip(&q.text, 100))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> (tempfile::TempDir, Built, Knowledge) {
        let dir = tempfile::tempdir().expect("temp dir");
        let note = "# PyCon Test 2024\n\n## Talk 1: Speed\n\nMark Shannon\n\nCpython and PEP 659.\nNumPy too.\n\n## Talk 2: Arrays\n\nAnn Lee\n\nNumPy and CPython.\n";
        std::fs::write(dir.path().join("day.md"), note).expect("write");
        let k = Knowledge::builtin();
        let input = vec![dir.path().join("day.md")];
        let built = crate::build_graph(&input, &k, Some(1)).expect("builds");
        (dir, built, k)
    }

    #[test]
    fn explains_a_technology_with_forms_talks_lines_and_neighbours() {
        let (_dir, built, k) = sample();
        let x = explain(&built, &k, "cpython").expect("known");
        assert_eq!((x.id.as_str(), x.kind), ("technology:cpython", NodeKind::Technology));
        assert!(x.merged.iter().any(|f| f.surface == "Cpython" && f.rule == "case-folded"), "{:?}", x.merged);
        assert_eq!(x.talks.len(), 2);
        assert_eq!(x.talks[0].relation, "mentioned by");
        let quoted: Vec<(u32, &str)> = x.talks[0].evidence.iter().map(|q| (q.line, q.text.as_str())).collect();
        assert_eq!(quoted, [(7, "Cpython and PEP 659.")]);
        let numpy = x.neighbours.iter().find(|l| l.id == "technology:numpy").expect("co-mentioned");
        assert_eq!((numpy.relation.as_str(), numpy.weight), ("co_mentioned", 2));
        assert!(numpy.evidence.iter().any(|q| q.text == "NumPy and CPython."), "{:?}", numpy.evidence);
        assert_eq!(x.neighbours[0].id, "technology:numpy", "the strongest first");
    }

    #[test]
    fn a_person_lists_talks_presented_and_topics_spoken_about() {
        let (_dir, built, k) = sample();
        let x = explain(&built, &k, "Mark Shannon").expect("known");
        assert_eq!(x.talks.len(), 1);
        assert_eq!((x.talks[0].relation.as_str(), x.talks[0].evidence[0].text.as_str()), ("presented", "Mark Shannon"));
        assert!(x.neighbours.iter().any(|l| l.id == "pep:659" && l.relation == "authored"));
        assert!(x.neighbours.iter().any(|l| l.id == "technology:numpy" && l.relation == "spoke_about"));
    }

    #[test]
    fn an_unknown_name_suggests_the_closest() {
        let (_dir, built, k) = sample();
        let err = explain(&built, &k, "cpyton").unwrap_err().to_string();
        assert_eq!(
            err,
            "explain \"cpyton\": no node has this id, name or alias; did you mean CPython (technology:cpython)?"
        );
    }

    #[test]
    fn text_shows_places_and_line_text() {
        let (_dir, built, k) = sample();
        let x = explain(&built, &k, "PEP 659").expect("known");
        let mut out = Vec::new();
        write_text(&x, &mut out).expect("to memory");
        let text = String::from_utf8(out).expect("utf-8");
        assert!(text.starts_with("PEP 659 (pep:659)\nkind: PEP\n"), "{text}");
        assert!(text.contains("day.md:7  Cpython and PEP 659."), "{text}");
    }
}
