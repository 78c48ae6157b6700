//! # talkgraph
//!
//! Turns messy conference notes into a knowledge graph of talks, speakers,
//! technologies, organisations and PEPs, and exports it for graph tools.
//!
//! The pipeline is four plain stages, one module each, over one leaf of naming rules
//! ([`ids`]); imports only point down this list:
//!
//! 1. [`notes`]: find note files, read them, split each into events and talks;
//! 2. [`extract`]: recognise speakers, technologies (lexicon), PEPs and versions;
//! 3. [`graph`]: merge everything into a [`KnowledgeGraph`] with provenance;
//! 4. [`export`]: write DOT, JSON-LD, CSV and the other [`Format`]s.
//!
//! [`pipeline`] runs stages 1-3 over many files in parallel; [`run`] is the whole
//! `build` command.
//!
//! ```
//! use talkgraph::{build_graph, Knowledge};
//!
//! let dir = tempfile::tempdir().unwrap();
//! std::fs::write(dir.path().join("day1.md"), "## Talk 1: Faster CPython\n\nMark Shannon\n\nPEP 659 in 3.11\n").unwrap();
//! let built = build_graph(&[dir.path().to_path_buf()], &Knowledge::builtin(), None).unwrap();
//! assert!(built.graph.find("pep:659").is_some());
//! assert!(built.graph.find("talk:day1#1").is_some());
//! assert_eq!(built.graph.speaker_count(), 1);
//! ```

pub mod ask;
pub mod cli;
pub mod diff;
pub mod entities;
pub mod error;
pub mod export;
pub mod extract;
pub mod graph;
pub mod ids;
pub mod notes;
pub mod outline;
pub mod pipeline;
pub mod progress;
pub mod report;
mod summary;

use std::path::PathBuf;
use std::time::Instant;

pub use error::Error;
pub use export::{ExportOptions, Format, Output};
pub use extract::{Extractor, Knowledge, NoteFacts};
pub use graph::{GraphBuilder, KnowledgeGraph, NodeKind, ViewOptions};
pub use notes::Warning;
pub use pipeline::{build_graph, build_graph_with, load_knowledge, BuildOptions, Built, Stats};
pub use summary::{Counts, Summary};

/// Everything a `build` run needs, independent of how it was asked for. Made by
/// [`cli::BuildArgs::to_options`], which checks that the options fit together.
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
    /// Whether names are inferred, and how sure a link must be (`--no-infer`,
    /// `--min-confidence`).
    pub extract: extract::ExtractOptions,
    /// Worker threads (none or 0: all cores).
    pub threads: Option<usize>,
    /// Show a progress bar on a terminal for large inputs.
    pub progress: bool,
    /// Extensions (without the dot) read as plain text besides the usual ones (`--ext`).
    pub extensions: Vec<String>,
}

/// Runs `build`: reads the notes, builds the graph, applies the view, writes every
/// output. Returns the summary and the graph written; nothing is printed. (A binary
/// about to exit may skip freeing the graph: for 1 GB of notes that takes a second.)
pub fn run(opts: &Options) -> Result<(Summary, KnowledgeGraph), Error> {
    let start = Instant::now();
    let t_lexicon = Instant::now();
    let knowledge = load_knowledge(&opts.inputs, opts.lexicon.as_deref())?.with_options(opts.extract);
    let lexicon_time = t_lexicon.elapsed();
    let build = BuildOptions {
        threads: opts.threads,
        progress: opts.progress,
        keep_facts: false,
        extensions: opts.extensions.clone(),
    };
    let built = build_graph_with(&opts.inputs, &knowledge, &build)?;
    let mut stats = built.stats;
    stats.stages.insert(0, ("load lexicon".into(), lexicon_time, "wall"));
    let found = Counts::of(&built.graph);
    let t_view = Instant::now();
    // The full view with no filter is the graph itself: no copy.
    let (graph, whole) = if opts.view == ViewOptions::default() {
        (built.graph, None)
    } else {
        (built.graph.view(&opts.view)?, Some(built.graph))
    };
    stats.stages.push(("view".into(), t_view.elapsed(), "wall"));
    // The measures are for the outputs: `--format none` writes nothing, so none are computed.
    let graph = if opts.formats.is_empty() {
        graph
    } else {
        let t_measures = Instant::now();
        let positions = opts.formats.iter().any(|f| f.wants_positions());
        let (threads, _) = pipeline::useful_threads(opts.threads, usize::MAX);
        let graph = pipeline::thread_pool(threads)?.install(|| graph.with_measures(whole.as_ref(), positions));
        stats.stages.push(("measures".into(), t_measures.elapsed(), "wall"));
        graph
    };
    drop(whole);
    let mut warnings = built.warnings;
    let written = pipeline::write(&graph, opts, &mut warnings, &mut stats)?;
    let kept = (opts.view != ViewOptions::default()).then(|| (graph.node_count(), graph.edge_count()));
    let summary = Summary { files: built.files_read, found, kept, elapsed: start.elapsed(), written, warnings, stats };
    Ok((summary, graph))
}
