//! The driver that runs the stages over many files: the notes are read, segmented and
//! recognised in parallel, chunk by chunk, and each chunk's facts are added to the
//! graph in file order on the calling thread, so the graph never depends on the thread
//! count or on timing. Also the loading of the knowledge a run uses, the per-stage
//! times of `--stats` and the thread count `-j` asks for.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::error::Error;
use crate::export::{self, Format, Output};
use crate::extract::{Extractor, Knowledge, Lexicon, NoteFacts};
use crate::graph::GraphBuilder;
use crate::notes::{self, Warning};
use crate::progress;
use crate::KnowledgeGraph;

/// Loads the knowledge a run uses: the built-in lexicon and PEP catalogue, plus
/// `talkgraph.toml` from each input folder, plus the user lexicon given.
pub fn load_knowledge(inputs: &[PathBuf], user_lexicon: Option<&Path>) -> Result<Knowledge, Error> {
    let mut knowledge = Knowledge::builtin();
    let mut files: Vec<PathBuf> =
        inputs.iter().filter(|p| p.is_dir()).map(|p| p.join("talkgraph.toml")).filter(|p| p.is_file()).collect();
    files.extend(user_lexicon.map(Path::to_path_buf));
    for f in files {
        let text = std::fs::read_to_string(&f).map_err(|e| Error::Read(f.clone(), e))?;
        let user = Lexicon::from_toml(&text, &f.display().to_string())?;
        knowledge.lexicon_mut().extend(user)?;
        knowledge.merges.extend(crate::extract::merges::Merges::from_toml(&text, &f.display().to_string())?);
    }
    Ok(knowledge)
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

/// How [`build_graph_with`] runs.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// Worker threads (none or 0: all cores; more than help are not started).
    pub threads: Option<usize>,
    /// Show a progress bar on standard error when it is a terminal and the input is
    /// large (over 20 MB).
    pub progress: bool,
    /// Keep every note's facts in [`Built::facts`] (the `entities` report needs them;
    /// a build does not, and its memory then follows the graph only).
    pub keep_facts: bool,
    /// Extensions (without the dot) read as plain text besides the usual ones (`--ext`).
    pub extensions: Vec<String>,
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
    build_graph_with(
        inputs,
        knowledge,
        &BuildOptions { threads, progress: false, keep_facts: true, extensions: Vec::new() },
    )
}

/// Threads more than this many per core do not help (the work is CPU-bound).
const THREADS_PER_CORE: usize = 2;

/// The threads worth starting for `asked` (`-j N`; none or 0: all cores) over `work`
/// items: at most one per item and [`THREADS_PER_CORE`] per core. The warning says
/// when a number asked for was lowered past what the cores can use.
pub fn useful_threads(asked: Option<usize>, work: usize) -> (usize, Option<Warning>) {
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let asked = asked.filter(|&n| n > 0).unwrap_or(cores);
    let cap = cores * THREADS_PER_CORE;
    let warning = (asked > cap).then(|| Warning {
        file: "-j".into(),
        line: None,
        message: format!("{asked} threads lowered to {cap} ({THREADS_PER_CORE} per core; more do not help)"),
    });
    (asked.min(cap).min(work.max(1)), warning)
}

/// [`build_graph`] with a progress bar and per-stage times ([`Built::stats`]).
pub fn build_graph_with(inputs: &[PathBuf], knowledge: &Knowledge, opts: &BuildOptions) -> Result<Built, Error> {
    let mut warnings = Vec::new();
    let t_find = Instant::now();
    let files = notes::find_notes_with(inputs, &opts.extensions, &mut warnings)?;
    let find_time = t_find.elapsed();
    if files.is_empty() {
        return Err(Error::NoNotes(names(inputs)));
    }
    let (threads, lowered) = useful_threads(opts.threads, files.len());
    warnings.extend(lowered);
    let t_build = Instant::now();
    let extractor = Extractor::new(knowledge);
    let detector = notes::Detector::new();
    let matcher_time = t_build.elapsed();
    let total: u64 = files.iter().filter_map(|f| std::fs::metadata(&f.path).ok()).map(|m| m.len()).sum();
    let bar = progress::bar(opts.progress && total > 20_000_000, total, files.len());
    // Files are processed in chunks: each chunk in parallel, then its facts are added
    // to the graph in file order and dropped, so memory follows the graph, not the
    // text, and the graph does not depend on the thread count.
    let mut builder = GraphBuilder::new(knowledge);
    let mut all = Vec::new();
    let mut files_read = 0;
    let mut cpu = [Duration::ZERO; 3];
    let mut bytes = 0;
    let mut graph_time = Duration::ZERO;
    let pool = thread_pool(threads)?;
    let extract = |chunk: &[notes::NoteFile]| -> Vec<FileResult> {
        pool.install(|| chunk.par_iter().map(|f| process(f, &detector, &extractor, bar.as_ref())).collect())
    };
    let mut add = |results: Vec<FileResult>| {
        let t_graph = Instant::now();
        for (facts, w, times, len) in results {
            warnings.extend(w);
            for (c, t) in cpu.iter_mut().zip(times) {
                *c += t;
            }
            bytes += len;
            let Some(mut facts) = facts else { continue };
            files_read += 1;
            builder.add(&facts);
            if opts.keep_facts {
                warnings.extend(facts.warnings.iter().cloned());
                all.push(facts);
            } else {
                warnings.append(&mut facts.warnings);
            }
        }
        graph_time += t_graph.elapsed();
    };
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
        return Err(Error::NothingReadable { names: names(inputs), skipped: files.len(), warnings });
    }
    let graph = builder.finish().with_sources(files.iter().map(|f| (f.display.clone(), f.path.clone())));
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

/// The input paths, for a message.
fn names(inputs: &[PathBuf]) -> String {
    inputs.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
}

/// A pool of `threads` threads (from [`useful_threads`]).
pub fn thread_pool(threads: usize) -> Result<rayon::ThreadPool, Error> {
    let pool = rayon::ThreadPoolBuilder::new().num_threads(threads.max(1)).build();
    pool.map_err(|e| Error::Usage(format!("cannot start {threads} threads: {e}")))
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

/// Writes `graph` as `opts` asks (stage 4 and the Graphviz pictures), on as many
/// threads as `-j` allows, and returns the files written. Mermaid refuses large
/// graphs: among other formats it is skipped with a warning; alone, it is an error.
pub fn write(
    graph: &KnowledgeGraph,
    opts: &crate::Options,
    warnings: &mut Vec<Warning>,
    stats: &mut Stats,
) -> Result<Vec<PathBuf>, Error> {
    let mut formats = opts.formats.clone();
    if formats.len() > 1 && formats.contains(&Format::Mermaid) {
        if let Some(why) = export::mermaid::refusal(graph) {
            formats.retain(|f| *f != Format::Mermaid);
            warnings.push(Warning { file: "graph.mmd".into(), line: None, message: format!("not written: {why}") });
        }
    }
    if formats.is_empty() {
        return Ok(vec![]);
    }
    match &opts.output {
        Output::Dir(dir) => {
            let t_export = Instant::now();
            let (threads, _) = useful_threads(opts.threads, formats.len());
            let pool = thread_pool(threads)?;
            let published = pool.install(|| export::write_to_dir_timed(graph, &formats, &opts.export, dir))?;
            stats.stages.extend(published.times.into_iter().map(|(f, d)| (format!("write {f}"), d, "own")));
            stats.stages.push(("write (all)".into(), t_export.elapsed(), "wall"));
            if let Some(took) = published.render {
                stats.stages.push(("render".into(), took, "wall"));
            }
            let written = published.files;
            Ok(written)
        }
        Output::Stdout => {
            let t_write = Instant::now();
            for format in &formats {
                export::write_to_stdout(graph, *format, &opts.export)?;
                stats.stages.push((format!("write {format}"), t_write.elapsed(), "wall"));
            }
            Ok(vec![])
        }
    }
}
