//! The driver that runs the stages over many files: worker threads take the files one
//! by one and read, segment and recognise each; each file's facts are added to the
//! graph in file order, by whichever worker hands in the next file in order, while later
//! files are still being recognised, and are then freed on the worker that made them. So
//! the graph never depends on the thread count or on timing. Also the loading of the knowledge a run uses, the per-stage
//! times of `--stats` and the thread count `-j` asks for.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard, OnceLock, PoisonError};
use std::time::{Duration, Instant};

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
///
/// Each worker takes the next file, reads, segments and recognises it, and hands its
/// facts in; whoever hands in the next file in file order adds it to the graph, and
/// any after it that are already in, while the others go on with later files. So the
/// graph grows during extraction, in file order (the same for any thread count), and
/// when the last file is recognised, only its facts and [`GraphBuilder::finish`] are
/// left. The extractor (its regexes and automata) is built while the workers read and
/// segment the first files.
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
    let bar = if opts.progress {
        let total: u64 = files.iter().filter_map(|f| std::fs::metadata(&f.path).ok()).map(|m| m.len()).sum();
        progress::bar(total > 20_000_000, total, files.len())
    } else {
        None
    };
    let detector = notes::Detector::new().with_notes(files.iter().map(|f| &*f.display));
    let run = Run {
        files: &files,
        detector: &detector,
        bar: bar.as_ref(),
        extractor: OnceLock::new(),
        taken: AtomicUsize::new(0),
        state: Mutex::new(State {
            ready: false,
            failed: false,
            next: 0,
            folding: false,
            done: (0..WINDOW).map(|_| None).collect(),
            last_done: None,
        }),
        changed: Condvar::new(),
        spent: (0..threads).map(|_| Mutex::default()).collect(),
        sink: Mutex::new(Sink {
            builder: GraphBuilder::new(knowledge),
            keep_facts: opts.keep_facts,
            all: Vec::new(),
            warnings,
            files_read: 0,
            cpu: [Duration::ZERO; 3],
            bytes: 0,
            fold_time: Duration::ZERO,
        }),
    };
    let mut matcher_time = Duration::ZERO;
    std::thread::scope(|scope| {
        for me in 1..threads {
            let run = &run;
            scope.spawn(move || run.work(me));
        }
        let _stop = Stop(&run);
        let t_build = Instant::now();
        let _ = run.extractor.set(Extractor::new(knowledge));
        matcher_time = t_build.elapsed();
        run.lock().ready = true;
        run.changed.notify_all();
        run.work(0);
    });
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    let last_done = run.lock().last_done;
    let Run { sink, spent, .. } = run;
    drop(spent);
    let Sink { builder, all, warnings, files_read, cpu, bytes, fold_time, .. } =
        sink.into_inner().unwrap_or_else(PoisonError::into_inner);
    let t_finish = Instant::now();
    if files_read == 0 {
        return Err(Error::NothingReadable { names: names(inputs), skipped: files.len(), warnings });
    }
    let graph = builder.finish_on(threads).with_sources(files.iter().map(|f| (f.display.clone(), f.path.clone())));
    let tail = last_done.map_or(Duration::ZERO, |t| t.elapsed());
    let stats = Stats {
        bytes,
        stages: vec![
            ("find files".into(), find_time, "wall"),
            ("build matcher".into(), matcher_time, "wall"),
            ("read".into(), cpu[0], "cpu"),
            ("segment".into(), cpu[1], "cpu"),
            ("recognise".into(), cpu[2], "cpu"),
            ("graph".into(), fold_time + t_finish.elapsed(), "wall"),
            ("graph tail".into(), tail, "wall"),
        ],
    };
    Ok(Built { graph, facts: all, files_read, warnings, stats })
}

/// Files recognised but not yet added to the graph, at most: a worker that would get
/// further ahead of the graph than this waits, so memory follows the graph and a few
/// notes' facts, not the input.
const WINDOW: usize = 128;

/// One build's shared state: the files, the workers' tools, and the graph growing.
struct Run<'a, 'k> {
    files: &'a [notes::NoteFile],
    detector: &'a notes::Detector,
    bar: Option<&'a indicatif::ProgressBar>,
    /// Set once built (see [`State::ready`]).
    extractor: OnceLock<Extractor<'k>>,
    /// The number of files taken by a worker so far (the next one to take).
    taken: AtomicUsize,
    state: Mutex<State>,
    /// Signalled when the extractor is ready, the graph has moved on, or a worker failed.
    changed: Condvar,
    /// Only the worker folding (see [`State::folding`]) locks it.
    sink: Mutex<Sink<'k>>,
    /// Per worker, the facts of its files added to the graph, for it to free: a thread
    /// frees what it allocated, off the path of the folding.
    spent: Vec<Mutex<Vec<NoteFacts>>>,
}

/// Where the files are.
struct State {
    /// The extractor is built: until then, workers read and segment, then wait.
    ready: bool,
    /// A thread panicked: the others stop taking files.
    failed: bool,
    /// The next file to add to the graph, in file order.
    next: usize,
    /// Whether a worker is adding files to the graph (one at a time does).
    folding: bool,
    /// Files recognised and not added yet, file `i` at `i % WINDOW`, with the worker
    /// that recognised it.
    done: Vec<Option<(usize, FileResult)>>,
    /// When the last file recognised was handed in.
    last_done: Option<Instant>,
}

/// The graph growing, and what else a build gathers in file order.
struct Sink<'k> {
    builder: GraphBuilder<'k>,
    keep_facts: bool,
    all: Vec<NoteFacts>,
    warnings: Vec<Warning>,
    files_read: usize,
    cpu: [Duration; 3],
    bytes: u64,
    /// Time spent adding files to the graph.
    fold_time: Duration,
}

impl Run<'_, '_> {
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Worker `me`: takes files until none is left.
    fn work(&self, me: usize) {
        let _stop = Stop(self);
        loop {
            drop(std::mem::take(&mut *self.spent[me].lock().unwrap_or_else(PoisonError::into_inner)));
            let i = self.taken.fetch_add(1, Ordering::Relaxed);
            if i >= self.files.len() {
                return;
            }
            let mut state = self.lock();
            while i >= state.next + WINDOW && !state.failed {
                state = self.changed.wait(state).unwrap_or_else(PoisonError::into_inner);
            }
            if state.failed {
                return;
            }
            drop(state);
            let Some(result) = self.process(&self.files[i]) else { return };
            self.hand_in(i, me, result);
        }
    }

    /// The extractor, once built (none if the thread building it failed).
    fn extractor(&self) -> Option<&Extractor<'_>> {
        let mut state = self.lock();
        while !state.ready && !state.failed {
            state = self.changed.wait(state).unwrap_or_else(PoisonError::into_inner);
        }
        self.extractor.get()
    }

    /// Reads, segments and recognises one file (none: the build failed meanwhile).
    fn process(&self, f: &notes::NoteFile) -> Option<FileResult> {
        let mut w = Vec::new();
        let t0 = Instant::now();
        let note = notes::read_note(f, &mut w);
        let t1 = Instant::now();
        let Some(note) = note else { return Some((None, w, [t1 - t0, Duration::ZERO, Duration::ZERO], 0)) };
        let doc = notes::analyse(&note, self.detector);
        let t2 = Instant::now();
        let facts = self.extractor()?.extract(&doc);
        let t3 = Instant::now();
        let len = note.text.len() as u64;
        if let Some(b) = self.bar {
            b.inc(len);
        }
        Some((Some(facts), w, [t1 - t0, t2 - t1, t3 - t2], len))
    }

    /// Hands in file `i`'s result, recognised by worker `me`. If it is the next in
    /// file order and no worker is adding files to the graph, adds it, then every file
    /// after it already in.
    fn hand_in(&self, i: usize, me: usize, result: FileResult) {
        let mut state = self.lock();
        state.done[i % WINDOW] = Some((me, result));
        state.last_done = Some(Instant::now());
        // Whoever folds looks again before it stops, so a file handed in meanwhile is
        // not left behind.
        if state.folding || i != state.next {
            return;
        }
        state.folding = true;
        let (mut ready, mut spent) = (Vec::new(), Vec::new());
        loop {
            let s = &mut *state;
            let next = s.next;
            while let Some(r) = s.done[s.next % WINDOW].take() {
                ready.push(r);
                s.next += 1;
            }
            if s.next == next {
                state.folding = false;
                return;
            }
            self.changed.notify_all();
            drop(state);
            self.sink.lock().unwrap_or_else(PoisonError::into_inner).fold(ready.drain(..), &mut spent);
            for (w, facts) in spent.drain(..) {
                self.spent[w].lock().unwrap_or_else(PoisonError::into_inner).push(facts);
            }
            state = self.lock();
        }
    }
}

impl Sink<'_> {
    /// Adds files' results (with the worker that recognised each) to the graph, in the
    /// order given; their facts go to `spent` unless kept, for that worker to free.
    ///
    /// Freeing them here was 35 M of the graph stage's 245 M instructions on the 10 MB
    /// corpus (callgrind, `-j 1`), on the thread folding, and with two threads half
    /// of it freed memory of the other thread's allocator arena.
    fn fold(&mut self, results: impl Iterator<Item = (usize, FileResult)>, spent: &mut Vec<(usize, NoteFacts)>) {
        let t_graph = Instant::now();
        for (worker, (facts, w, times, len)) in results {
            self.warnings.extend(w);
            for (c, t) in self.cpu.iter_mut().zip(times) {
                *c += t;
            }
            self.bytes += len;
            let Some(mut facts) = facts else { continue };
            self.files_read += 1;
            self.builder.add(&facts);
            if self.keep_facts {
                self.warnings.extend(facts.warnings.iter().cloned());
                self.all.push(facts);
            } else {
                self.warnings.append(&mut facts.warnings);
                spent.push((worker, facts));
            }
        }
        self.fold_time += t_graph.elapsed();
    }
}

/// Held by each thread of a build: if the thread panics, the others stop waiting for
/// it (the panic is raised again when the threads are joined).
struct Stop<'r, 'a, 'k>(&'r Run<'a, 'k>);

impl Drop for Stop<'_, '_, '_> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.0.lock().failed = true;
            self.0.changed.notify_all();
        }
    }
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
