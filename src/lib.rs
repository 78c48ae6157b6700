//! # talkgraph
//!
//! Turns messy conference notes into a knowledge graph of talks, speakers,
//! technologies, organisations and PEPs, and exports it for graph tools.
//!
//! The pipeline is four plain stages, one module each:
//!
//! 1. [`notes`]: find note files, read them, split each into events and talks;
//! 2. [`extract`]: recognise speakers, technologies (lexicon), PEPs and versions;
//! 3. [`graph`]: merge everything into a [`KnowledgeGraph`] with provenance;
//! 4. [`export`]: write DOT, JSON-LD, CSV and the other [`Format`]s.
//!
//! ```
//! use talkgraph::{build_graph, extract::Knowledge};
//!
//! let dir = tempfile::tempdir().unwrap();
//! std::fs::write(dir.path().join("day1.md"), "## Talk 1: Faster CPython\n\nMark Shannon\n\nPEP 659 in 3.11\n").unwrap();
//! let knowledge = Knowledge::builtin();
//! let built = build_graph(&[dir.path().to_path_buf()], &knowledge, None).unwrap();
//! assert!(built.graph.find("pep:659").is_some());
//! assert!(built.graph.find("talk:day1#1").is_some());
//! ```

pub mod cli;
pub mod entities;
pub mod error;
pub mod export;
pub mod extract;
pub mod graph;
pub mod notes;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use rayon::prelude::*;

pub use error::Error;
pub use export::{ExportOptions, Format};
pub use extract::{Extractor, Knowledge, NoteFacts};
pub use graph::{GraphBuilder, KnowledgeGraph, NodeKind, ViewOptions};
pub use notes::Warning;

/// Where the outputs go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Output {
    /// Into this folder, one file per output.
    Dir(PathBuf),
    /// To standard output (one format with one file only).
    Stdout,
}

/// Everything a `build` run needs, independent of how it was asked for.
#[derive(Debug, Clone)]
pub struct Options {
    /// Note files or folders.
    pub inputs: Vec<PathBuf>,
    /// Where to write.
    pub output: Output,
    /// What to write.
    pub formats: Vec<Format>,
    /// Exporter options.
    pub export: ExportOptions,
    /// View and filters.
    pub view: ViewOptions,
    /// A user lexicon to add to the built-in one.
    pub lexicon: Option<PathBuf>,
    /// Worker threads (default: all cores).
    pub threads: Option<usize>,
}

/// What a run did, for the one-line summary.
#[derive(Debug, Clone)]
pub struct Summary {
    /// Note files read.
    pub files: usize,
    /// Talk nodes.
    pub talks: usize,
    /// Person nodes that present a talk.
    pub speakers: usize,
    /// Technology nodes.
    pub technologies: usize,
    /// Organisation nodes.
    pub organizations: usize,
    /// PEP nodes.
    pub peps: usize,
    /// Edges.
    pub edges: usize,
    /// Wall time.
    pub elapsed: Duration,
    /// Files written.
    pub written: Vec<PathBuf>,
    /// Warnings about the input.
    pub warnings: Vec<Warning>,
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} file{} read: {} talks, {} speakers, {} technologies, {} organisations, {} PEPs, {} edges in {:.1} ms",
            self.files,
            if self.files == 1 { "" } else { "s" },
            self.talks,
            self.speakers,
            self.technologies,
            self.organizations,
            self.peps,
            self.edges,
            self.elapsed.as_secs_f64() * 1e3
        )
    }
}

/// A graph with what it took to build it.
#[derive(Debug)]
pub struct Built {
    /// The graph.
    pub graph: KnowledgeGraph,
    /// The facts of every note, in file order.
    pub facts: Vec<NoteFacts>,
    /// Warnings about the input, in file order.
    pub warnings: Vec<Warning>,
}

/// Loads the knowledge a run uses: the built-in lexicon and PEP catalogue, plus
/// `talkgraph.toml` from each input folder, plus the user lexicon given.
pub fn load_knowledge(inputs: &[PathBuf], user_lexicon: Option<&std::path::Path>) -> Result<Knowledge, Error> {
    let mut knowledge = Knowledge::builtin();
    let mut files: Vec<PathBuf> =
        inputs.iter().filter(|p| p.is_dir()).map(|p| p.join("talkgraph.toml")).filter(|p| p.is_file()).collect();
    files.extend(user_lexicon.map(std::path::Path::to_path_buf));
    for f in files {
        let text = std::fs::read_to_string(&f).map_err(|e| Error::Read(f.display().to_string(), e))?;
        let user = extract::Lexicon::from_toml(&text, &f.display().to_string())?;
        knowledge.lexicon.extend(user)?;
    }
    Ok(knowledge)
}

/// Reads, segments and recognises every note under `inputs` (in parallel on `threads`
/// threads, default all cores) and builds the graph. The result does not depend on the
/// thread count or on the order the files are found in.
pub fn build_graph(inputs: &[PathBuf], knowledge: &Knowledge, threads: Option<usize>) -> Result<Built, Error> {
    let mut warnings = Vec::new();
    let files = notes::find_notes(inputs, &mut warnings)?;
    if files.is_empty() {
        let names = inputs.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ");
        return Err(Error::NoNotes(names));
    }
    let extractor = Extractor::new(knowledge);
    // A file that cannot be read or is not text is skipped with a warning.
    let work = || -> Vec<(Option<NoteFacts>, Vec<Warning>)> {
        files
            .par_iter()
            .map(|f| {
                let mut w = Vec::new();
                let Some(note) = notes::read_note(f, &mut w) else { return (None, w) };
                let doc = notes::segment(&note);
                (Some(extractor.extract(&doc)), w)
            })
            .collect()
    };
    let results = match threads {
        Some(n) => rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build()
            .map_err(|e| Error::Usage(format!("cannot start {n} threads: {e}")))?
            .install(work),
        None => work(),
    };
    let mut builder = GraphBuilder::new(knowledge);
    let mut all = Vec::with_capacity(results.len());
    for (facts, w) in results {
        warnings.extend(w);
        let Some(facts) = facts else { continue };
        warnings.extend(facts.warnings.iter().cloned());
        builder.add(&facts);
        all.push(facts);
    }
    if all.is_empty() {
        let names = inputs.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ");
        return Err(Error::NothingReadable { names, skipped: files.len(), warnings });
    }
    Ok(Built { graph: builder.finish(), facts: all, warnings })
}

/// Runs `build`: reads the notes, builds the graph, applies the view, writes every
/// output. Returns the summary; nothing is printed.
pub fn run(opts: &Options) -> Result<Summary, Error> {
    let start = Instant::now();
    if !opts.export.render.is_empty() && (opts.output == Output::Stdout || !opts.formats.contains(&Format::Dot)) {
        return Err(Error::Usage(
            "--render needs the dot format written to an output folder (--format dot -o DIR)".into(),
        ));
    }
    let knowledge = load_knowledge(&opts.inputs, opts.lexicon.as_deref())?;
    let built = build_graph(&opts.inputs, &knowledge, opts.threads)?;
    let graph = built.graph.view(&opts.view).map_err(Error::Usage)?;
    let written = match &opts.output {
        Output::Dir(dir) => {
            let mut written = export::write_to_dir(&graph, &opts.formats, &opts.export, dir)?;
            if !opts.export.render.is_empty() {
                let dot = dir.join(Format::Dot.files(&opts.export)[0]);
                written.extend(export::render(&dot, &opts.export.render, opts.export.layout)?);
            }
            written
        }
        Output::Stdout => {
            let [format] = opts.formats.as_slice() else {
                return Err(Error::Usage(
                    "-o - writes one format to standard output; give exactly one with --format".into(),
                ));
            };
            export::write_to_stdout(&graph, *format, &opts.export)?;
            vec![]
        }
    };
    let speakers = graph
        .nodes()
        .filter(|(i, n)| {
            n.kind == NodeKind::Person
                && graph
                    .as_petgraph()
                    .edges_directed(*i, petgraph::Direction::Incoming)
                    .any(|e| e.weight().kind == graph::EdgeKind::PresentedBy)
        })
        .count();
    Ok(Summary {
        files: built.facts.len(),
        talks: graph.count(NodeKind::Talk),
        speakers,
        technologies: graph.count(NodeKind::Technology),
        organizations: graph.count(NodeKind::Organization),
        peps: graph.count(NodeKind::Pep),
        edges: graph.edge_count(),
        elapsed: start.elapsed(),
        written,
        warnings: built.warnings,
    })
}
