//! Questions asked of a built graph, each answered with its evidence: `explain NAME`
//! (what an entity is and where it was seen), `path A B` (how two entities are
//! linked) and `neighbors NAME` (what surrounds one). Every place an answer rests on
//! is given as `file:line` with the text of that line, read back from the note file.
//!
//! The three commands share what is here: building the graph with the facts kept
//! ([`load`]), finding an entity by name with the closest names suggested when none
//! matches ([`resolve`], the rules of `--focus`), and quoting lines ([`Lines`]).

pub mod explain;
pub mod neighbors;
pub mod path;

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::Serialize;

use crate::graph::{Edge, EdgeKind, KnowledgeGraph, NodeId, NodeKind, Place};
use crate::{Built, Error, Knowledge};

/// The notes a question is asked of.
#[derive(Debug, Clone, Default)]
pub struct Input {
    /// Note files or folders.
    pub paths: Vec<PathBuf>,
    /// A user lexicon to add to the built-in one.
    pub lexicon: Option<PathBuf>,
    /// Worker threads (default: all cores).
    pub threads: Option<usize>,
}

/// Reads the notes of `input` and builds their graph, keeping every note's facts (the
/// surface forms and rules `explain` shows).
pub fn load(input: &Input) -> Result<(Built, Knowledge), Error> {
    let knowledge = crate::load_knowledge(&input.paths, input.lexicon.as_deref())?;
    let built = crate::build_graph(&input.paths, &knowledge, input.threads)?;
    Ok((built, knowledge))
}

/// The node `name` names: an id, a label, an id without its kind prefix or an alias,
/// case-insensitively (the rules of `--focus`). An unknown name is a usage error that
/// suggests the closest names; `command` starts the message (`explain "cpyton": no
/// node has this id, name or alias; did you mean CPython (technology:cpython)?`).
pub fn resolve(graph: &KnowledgeGraph, name: &str, command: &str) -> Result<NodeId, Error> {
    graph.resolve(name).map_err(|e| Error::Usage(format!("{command} {e}")))
}

/// One line of a note: where it is and what it says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Quote {
    /// The note file, as the graph names it.
    pub file: String,
    /// 1-based line.
    pub line: u32,
    /// The line's text, trimmed (empty when the file can no longer be read).
    pub text: String,
}

impl Quote {
    /// `file:line`.
    pub fn place(&self) -> String {
        format!("{}:{}", self.file, self.line)
    }
}

/// The lines of the note files, read when first needed, decoded as the notes were.
#[derive(Debug, Default)]
pub struct Lines {
    files: BTreeMap<String, Vec<String>>,
}

impl Lines {
    /// The text of line `line` of `file`, trimmed; empty when the file cannot be read
    /// or is shorter.
    pub fn text(&mut self, file: &std::path::Path, line: u32) -> String {
        let lines = self.files.entry(file.display().to_string()).or_insert_with(|| {
            let Ok(bytes) = std::fs::read(file) else { return Vec::new() };
            let name: std::sync::Arc<str> = file.display().to_string().into();
            let text = crate::notes::decode(&bytes, &name, &mut Vec::new()).unwrap_or_default();
            text.lines().map(|l| l.trim().to_string()).collect()
        });
        let i = (line as usize).wrapping_sub(1);
        lines.get(i).cloned().unwrap_or_default()
    }

    /// A place of `graph` with its line's text.
    pub fn quote(&mut self, graph: &KnowledgeGraph, at: Place) -> Quote {
        let file = graph.file(at.file).to_string();
        let text = self.text(graph.source(at.file), at.line);
        Quote { file, line: at.line, text }
    }

    /// Every place of `e`, quoted, at most `max`.
    pub fn quotes(&mut self, graph: &KnowledgeGraph, e: &Edge, max: usize) -> Vec<Quote> {
        e.evidence.iter().take(max).map(|p| self.quote(graph, p)).collect()
    }
}

/// The talks that mention both `a` and `b` (the talks behind a `co_mentioned` edge),
/// in graph order, each with the places of both mentions.
pub fn shared_talks(graph: &KnowledgeGraph, a: NodeId, b: NodeId) -> Vec<(NodeId, Vec<Place>)> {
    let g = graph.as_petgraph();
    let mentioned = |topic: NodeId| -> BTreeMap<NodeId, Vec<Place>> {
        g.edges_directed(topic, petgraph::Direction::Incoming)
            .filter(|e| e.weight().kind == EdgeKind::Mentions)
            .map(|e| (petgraph::visit::EdgeRef::source(&e), e.weight().evidence.iter().collect()))
            .collect()
    };
    let (of_a, of_b) = (mentioned(a), mentioned(b));
    of_a.into_iter()
        .filter_map(|(talk, mut places)| {
            let more = of_b.get(&talk)?;
            places.extend(more.iter().copied());
            places.sort();
            places.dedup();
            Some((talk, places))
        })
        .collect()
}

/// A node as answers name it: `Label (id)`.
pub fn named(graph: &KnowledgeGraph, n: NodeId) -> String {
    let node = graph.node(n);
    format!("{} ({})", node.label, node.id)
}

/// A line's text cut to `max` characters for text output, with `…` when cut.
pub fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut s: String = text.chars().take(max.saturating_sub(1)).collect();
    s.push('…');
    s
}

/// Serialises a kind by its output name (`Technology`, `PEP`).
pub(crate) fn kind_name<S: serde::Serializer>(k: &NodeKind, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(k.name())
}

/// Writes `value` as pretty JSON and a line break.
pub fn write_json<T: Serialize>(value: &T, mut w: impl std::io::Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut w, value)?;
    writeln!(w)
}
