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
pub mod outline;

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
    /// Show a progress bar on a terminal for large inputs.
    pub progress: bool,
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
    /// Time spent in each stage.
    pub stats: Stats,
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
    /// The facts of every note, in file order (empty unless [`BuildOptions::keep_facts`]).
    pub facts: Vec<NoteFacts>,
    /// How many note files were read (the others were skipped with a warning).
    pub files_read: usize,
    /// Warnings about the input, in file order.
    pub warnings: Vec<Warning>,
    /// Time spent in each stage.
    pub stats: Stats,
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

/// How [`build_graph_with`] runs.
#[derive(Debug, Clone, Copy, Default)]
pub struct BuildOptions {
    /// Worker threads (default: all cores).
    pub threads: Option<usize>,
    /// Show a progress bar on standard error when it is a terminal and the input is
    /// large (over 20 MB).
    pub progress: bool,
    /// Keep every note's facts in [`Built::facts`] (the `entities` report needs them;
    /// a build does not, and its memory then follows the graph only).
    pub keep_facts: bool,
}

/// Time spent in each stage. Reading, segmenting and recognising run in parallel per
/// file: their figures are CPU time summed over threads; the others are wall time.
#[derive(Debug, Clone, Default)]
pub struct Stats {
    /// Bytes of notes read.
    pub bytes: u64,
    /// (stage, time, wall or cpu), in pipeline order.
    pub stages: Vec<(String, Duration, &'static str)>,
}

impl std::fmt::Display for Stats {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "stage            time     clock")?;
        for (name, d, clock) in &self.stages {
            writeln!(f, "{name:<14} {:>9.1} ms  {clock}", d.as_secs_f64() * 1e3)?;
        }
        Ok(())
    }
}

/// Reads, segments and recognises every note under `inputs` (in parallel on `threads`
/// threads, default all cores) and builds the graph. The result does not depend on the
/// thread count or on the order the files are found in.
pub fn build_graph(inputs: &[PathBuf], knowledge: &Knowledge, threads: Option<usize>) -> Result<Built, Error> {
    build_graph_with(inputs, knowledge, &BuildOptions { threads, progress: false, keep_facts: true })
}

/// [`build_graph`] with a progress bar and per-stage times ([`Built::stats`]).
pub fn build_graph_with(inputs: &[PathBuf], knowledge: &Knowledge, opts: &BuildOptions) -> Result<Built, Error> {
    let mut warnings = Vec::new();
    let t_find = Instant::now();
    let files = notes::find_notes(inputs, &mut warnings)?;
    let find_time = t_find.elapsed();
    if files.is_empty() {
        let names = inputs.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ");
        return Err(Error::NoNotes(names));
    }
    let t_build = Instant::now();
    let extractor = Extractor::new(knowledge);
    let detector = notes::Detector::new();
    let matcher_time = t_build.elapsed();
    let total: u64 = files.iter().filter_map(|f| std::fs::metadata(&f.path).ok()).map(|m| m.len()).sum();
    let bar = progress_bar(opts.progress && total > 20_000_000, total, files.len());
    // Files are processed in chunks: each chunk in parallel, then its facts are added
    // to the graph in file order and dropped, so memory follows the graph, not the
    // text, and the graph does not depend on the thread count.
    let mut builder = GraphBuilder::new(knowledge);
    let mut all = Vec::new();
    let mut files_read = 0;
    let mut cpu = [Duration::ZERO; 3];
    let mut bytes = 0;
    let mut graph_time = Duration::ZERO;
    let pool = thread_pool(opts.threads)?;
    let extract = |chunk: &[notes::NoteFile]| -> Vec<FileResult> {
        let work = || chunk.par_iter().map(|f| process(f, &detector, &extractor, bar.as_ref())).collect();
        match &pool {
            Some(p) => p.install(work),
            None => work(),
        }
    };
    let mut add = |results: Vec<FileResult>| {
        let t_graph = Instant::now();
        for (facts, w, times, len) in results {
            warnings.extend(w);
            for (c, t) in cpu.iter_mut().zip(times) {
                *c += t;
            }
            bytes += len;
            let Some(facts) = facts else { continue };
            files_read += 1;
            warnings.extend(facts.warnings.iter().cloned());
            builder.add(&facts);
            if opts.keep_facts {
                all.push(facts);
            }
        }
        graph_time += t_graph.elapsed();
    };
    let threads = opts.threads.unwrap_or_else(rayon::current_num_threads);
    if threads <= 1 || files.len() <= CHUNK_FILES {
        // One thread: extract a chunk, add it, and so on.
        for chunk in files.chunks(CHUNK_FILES) {
            add(extract(chunk));
        }
    } else {
        // Several: the graph grows on this thread while the pool extracts the next
        // chunks (at most two chunks ahead, so memory stays bounded); chunks arrive
        // in file order, so the graph is the same whatever the timing.
        std::thread::scope(|scope| {
            let (send, receive) = std::sync::mpsc::sync_channel(2);
            let files = &files;
            let extract = &extract;
            scope.spawn(move || {
                for chunk in files.chunks(CHUNK_FILES) {
                    if send.send(extract(chunk)).is_err() {
                        break;
                    }
                }
            });
            for results in receive {
                add(results);
            }
        });
    }
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    let t_graph = Instant::now();
    if files_read == 0 {
        let names = inputs.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ");
        return Err(Error::NothingReadable { names, skipped: files.len(), warnings });
    }
    let graph = builder.finish();
    let stats = Stats {
        bytes,
        stages: vec![
            ("find files".into(), find_time, "wall"),
            ("build matcher".into(), matcher_time, "wall"),
            ("read".into(), cpu[0], "cpu"),
            ("segment".into(), cpu[1], "cpu"),
            ("recognise".into(), cpu[2], "cpu"),
            ("graph".into(), graph_time + t_graph.elapsed(), "wall"),
        ],
    };
    Ok(Built { graph, facts: all, files_read, warnings, stats })
}

/// A pool of `threads` threads for `-j N`; none (rayon's global pool, all cores) when
/// not given.
fn thread_pool(threads: Option<usize>) -> Result<Option<rayon::ThreadPool>, Error> {
    let Some(n) = threads else { return Ok(None) };
    let pool = rayon::ThreadPoolBuilder::new().num_threads(n.max(1)).build();
    pool.map(Some).map_err(|e| Error::Usage(format!("cannot start {n} threads: {e}")))
}

/// Files processed together before their facts are added to the graph and dropped.
const CHUNK_FILES: usize = 64;

/// Reads, segments and recognises one file.
fn process(
    f: &notes::NoteFile,
    detector: &notes::Detector,
    extractor: &Extractor<'_>,
    bar: Option<&indicatif::ProgressBar>,
) -> FileResult {
    let mut w = Vec::new();
    let t0 = Instant::now();
    let note = notes::read_note(f, &mut w);
    let t1 = Instant::now();
    let Some(note) = note else { return (None, w, [t1 - t0, Duration::ZERO, Duration::ZERO], 0) };
    let doc = notes::analyse(&note, detector);
    let t2 = Instant::now();
    let facts = extractor.extract(&doc);
    let t3 = Instant::now();
    let len = note.text.len() as u64;
    if let Some(b) = bar {
        b.inc(len);
    }
    (Some(facts), w, [t1 - t0, t2 - t1, t3 - t2], len)
}

/// What one file gave: its facts (none if skipped), warnings, the time read, segment
/// and recognise took, and its size in bytes.
type FileResult = (Option<NoteFacts>, Vec<Warning>, [Duration; 3], u64);

/// A progress bar on standard error (drawn only when it is a terminal): bytes done,
/// MB/s, ETA and files.
fn progress_bar(show: bool, bytes: u64, files: usize) -> Option<indicatif::ProgressBar> {
    if !show {
        return None;
    }
    let bar = indicatif::ProgressBar::with_draw_target(Some(bytes), indicatif::ProgressDrawTarget::stderr());
    let style = indicatif::ProgressStyle::with_template(
        "{spinner} [{elapsed_precise}] {wide_bar} {bytes}/{total_bytes} {binary_bytes_per_sec} ETA {eta} ({msg})",
    )
    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
    bar.set_style(style);
    bar.set_message(format!("{files} files"));
    Some(bar)
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
    // The regexes compile on another thread while the lexicon is read (not with -j 1).
    if opts.threads != Some(1) {
        std::thread::spawn(extract::warm_up);
    }
    let t_lexicon = Instant::now();
    let knowledge = load_knowledge(&opts.inputs, opts.lexicon.as_deref())?;
    let lexicon_time = t_lexicon.elapsed();
    let built = build_graph_with(
        &opts.inputs,
        &knowledge,
        &BuildOptions { threads: opts.threads, progress: opts.progress, keep_facts: false },
    )?;
    let mut stats = built.stats;
    stats.stages.insert(0, ("load lexicon".into(), lexicon_time, "wall"));
    let t_view = Instant::now();
    // The full view with no filter is the graph itself: no copy.
    let graph = if opts.view == ViewOptions::default() {
        built.graph
    } else {
        built.graph.view(&opts.view).map_err(Error::Usage)?
    };
    stats.stages.push(("view".into(), t_view.elapsed(), "wall"));
    // Mermaid refuses large graphs: among other formats, it is skipped with a warning;
    // alone, it is an error.
    let mut warnings = built.warnings;
    let mut formats = opts.formats.clone();
    if formats.len() > 1 && formats.contains(&Format::Mermaid) {
        if let Some(why) = export::mermaid::refusal(&graph) {
            formats.retain(|f| *f != Format::Mermaid);
            warnings.push(Warning { file: "graph.mmd".into(), line: None, message: format!("not written: {why}") });
        }
    }
    let written = match &opts.output {
        _ if formats.is_empty() => vec![],
        Output::Dir(dir) => {
            // The files are written in parallel, on as many threads as -j allows.
            let t_export = Instant::now();
            let write = || export::write_to_dir_timed(&graph, &formats, &opts.export, dir);
            let (mut written, times) = match thread_pool(opts.threads)? {
                Some(pool) => pool.install(write)?,
                None => write()?,
            };
            stats.stages.extend(times.into_iter().map(|(f, d)| (format!("write {f}"), d, "own")));
            stats.stages.push(("write (all)".into(), t_export.elapsed(), "wall"));
            if !opts.export.render.is_empty() {
                let t_render = Instant::now();
                let dot = dir.join(Format::Dot.files(&opts.export)[0]);
                written.extend(export::render(&dot, &opts.export.render, opts.export.layout)?);
                stats.stages.push(("render".into(), t_render.elapsed(), "wall"));
            }
            written
        }
        Output::Stdout => {
            let [format] = formats.as_slice() else {
                return Err(Error::Usage(
                    "-o - writes one format to standard output; give exactly one with --format".into(),
                ));
            };
            let files = format.files(&opts.export);
            if files.len() != 1 {
                return Err(Error::Usage(format!(
                    "{format} writes {} files ({}); give an output folder with -o DIR",
                    files.len(),
                    files.join(", ")
                )));
            }
            let t_write = Instant::now();
            export::write_to_stdout(&graph, *format, &opts.export)?;
            stats.stages.push((format!("write {format}"), t_write.elapsed(), "wall"));
            vec![]
        }
    };
    let speakers = graph
        .nodes()
        .filter(|(i, n)| {
            n.kind == NodeKind::Person
                && (graph
                    .as_petgraph()
                    .edges_directed(*i, petgraph::Direction::Incoming)
                    .any(|e| e.weight().kind == graph::EdgeKind::PresentedBy)
                    || graph
                        .as_petgraph()
                        .edges_directed(*i, petgraph::Direction::Outgoing)
                        .any(|e| e.weight().kind == graph::EdgeKind::SpokeAbout))
        })
        .count();
    let summary = Summary {
        files: built.files_read,
        talks: graph.count(NodeKind::Talk),
        speakers,
        technologies: graph.count(NodeKind::Technology),
        organizations: graph.count(NodeKind::Organization),
        peps: graph.count(NodeKind::Pep),
        edges: graph.edge_count(),
        elapsed: start.elapsed(),
        written,
        warnings,
        stats,
    };
    // Freeing a large graph takes time (about 1.5 s for the 12.8 M edges of 1 GB of
    // notes): it is done on a thread of its own, which an exiting binary does not wait
    // for. Should no thread start, the graph is dropped here, with the closure.
    let _ = std::thread::Builder::new().name("drop".into()).spawn(move || drop((graph, knowledge)));
    Ok(summary)
}
