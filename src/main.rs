//! The `talkgraph` binary: parse flags, call the library, print the summary, the
//! warnings and the error chain in one style (`warning: file:line: …`, `error: …`),
//! and choose the exit code: 0 success, 1 failure (or warnings under `--strict`),
//! 2 usage.

use std::io::Write;
use std::process::ExitCode;

use clap::{CommandFactory, Parser};
use talkgraph::ask;
use talkgraph::cli::{BuildArgs, Cli, Command, EntitiesArgs, NotesArgs, OutlineArgs, ReportArgs};
use talkgraph::{Error, Output, Warning};

/// The allocator of the binary (the library leaves it to whoever links it): the
/// pipeline allocates many small strings and vectors per talk, which mimalloc serves
/// faster than the system's allocator, from a heap per thread (BENCHMARKS.md,
/// eleventh stop).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match &cli.command {
        Some(Command::Entities(args)) => entities(args),
        Some(Command::Completions(args)) => {
            // Into memory first: clap_complete panics on a write error (a closed pipe).
            let mut script = Vec::new();
            clap_complete::generate(args.shell, &mut Cli::command(), "talkgraph", &mut script);
            print(&script)
        }
        Some(Command::Man) => {
            let mut page = Vec::new();
            match clap_mangen::Man::new(Cli::command()).render(&mut page) {
                Ok(()) => print(&page),
                Err(e) => {
                    eprintln!("error: writing the manual page: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        Some(Command::Report(a)) => report(a),
        Some(Command::Explain(a)) => {
            answer(&a.notes, a.json, |i| ask::explain::run(i, &a.name), |x, w| ask::explain::write_text(x, w))
        }
        Some(Command::Path(a)) => {
            answer(&a.notes, a.json, |i| ask::path::run(i, &a.from, &a.to), |x, w| ask::path::write_text(x, w))
        }
        Some(Command::Neighbors(a)) => answer(
            &a.notes,
            a.json,
            |i| ask::neighbors::run(i, &a.name, a.depth, a.kinds.as_deref()),
            |x, w| ask::neighbors::write_text(x, w),
        ),
        Some(Command::Diff(a)) => answer(
            &a.notes,
            a.json,
            |_| talkgraph::diff::run(&a.to_options()),
            |d, w| talkgraph::diff::write_markdown(d, std::path::Path::new("."), w),
        ),
        Some(Command::Outline(args)) => outline(args),
        _ => build(cli.build_args()),
    }
}

/// Writes `bytes` to standard output; a closed pipe is not a failure.
fn print(bytes: &[u8]) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: writing to standard output: {e}");
            ExitCode::FAILURE
        }
    }
}

fn build(args: &BuildArgs) -> ExitCode {
    let quiet = args.common.quiet;
    let opts = match args.to_options() {
        Ok(opts) => opts,
        Err(err) => return fail(err, quiet),
    };
    match talkgraph::run(&opts) {
        Ok((summary, _graph)) => {
            warn(&summary.warnings, quiet);
            let line = summary.to_string();
            // The summary goes to stderr when stdout carries the output. A closed pipe
            // is not a failure.
            let _ = match opts.output {
                Output::Stdout => writeln!(std::io::stderr(), "{line}"),
                Output::Dir(_) => writeln!(std::io::stdout(), "{line}"),
            };
            if args.stats {
                let mb = summary.stats.bytes as f64 / 1e6;
                let secs = summary.elapsed.as_secs_f64();
                eprint!("{}", summary.stats);
                eprintln!("total          {:>9.1} ms  wall ({mb:.1} MB, {:.1} MB/s)", secs * 1e3, mb / secs.max(1e-9));
            }
            let failed = strict_status(args.common.strict, &summary.warnings) != ExitCode::SUCCESS;
            // Freeing a large graph takes time (about 1.5 s for the 12.8 M edges of
            // 1 GB of notes) and the system reclaims it at exit anyway: exit with the
            // graph still held.
            let _ = std::io::stdout().flush();
            std::process::exit(i32::from(failed))
        }
        Err(err) => fail(err, quiet),
    }
}

fn entities(args: &EntitiesArgs) -> ExitCode {
    let quiet = args.common.quiet;
    let result = args.to_options().and_then(|opts| {
        talkgraph::entities::run(&args.paths, args.common.lexicon.as_deref(), args.common.threads, &opts)
    });
    match result {
        Ok((report, warnings)) => {
            warn(&warnings, quiet);
            let stdout = std::io::stdout();
            let mut w = std::io::BufWriter::new(stdout.lock());
            let written = if args.json {
                talkgraph::entities::write_json(&report, &mut w)
            } else {
                talkgraph::entities::write_text(&report, &mut w)
            };
            match written.and_then(|()| w.flush()) {
                Ok(()) => strict_status(args.common.strict, &warnings),
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("error: writing to standard output: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        Err(err) => fail(err, quiet),
    }
}

/// Runs a question (`explain`, `path`, `neighbors`, ...) and prints its answer, as JSON
/// with `--json`, else as `text` writes it.
fn answer<T: serde::Serialize>(
    notes: &NotesArgs,
    json: bool,
    run: impl FnOnce(&ask::Input) -> Result<(T, Vec<Warning>), Error>,
    text: impl FnOnce(&T, &mut dyn Write) -> std::io::Result<()>,
) -> ExitCode {
    match run(&notes.input()) {
        Ok((x, warnings)) => {
            warn(&warnings, notes.common.quiet);
            let stdout = std::io::stdout();
            let mut w = std::io::BufWriter::new(stdout.lock());
            let written = if json { ask::write_json(&x, &mut w) } else { text(&x, &mut w) };
            match written.and_then(|()| w.flush()) {
                Ok(()) => strict_status(notes.common.strict, &warnings),
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("error: writing to standard output: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        Err(err) => fail(err, notes.common.quiet),
    }
}

/// Runs `report`: to standard output, or to the file given (with the topic map).
fn report(args: &ReportArgs) -> ExitCode {
    let stdout = std::io::stdout();
    let mut w = std::io::BufWriter::new(stdout.lock());
    match talkgraph::report::run(&args.to_options(), &mut w).and_then(|r| {
        w.flush().map_err(|e| Error::Read("-".into(), e))?;
        Ok(r)
    }) {
        Ok((written, warnings)) => {
            warn(&warnings, args.notes.common.quiet);
            for p in written {
                eprintln!("wrote {}", p.display());
            }
            strict_status(args.notes.common.strict, &warnings)
        }
        Err(err) => fail(err, args.notes.common.quiet),
    }
}

fn outline(args: &OutlineArgs) -> ExitCode {
    match talkgraph::outline::outline(&args.paths, args.explain) {
        Ok((files, warnings)) => {
            warn(&warnings, args.quiet);
            let stdout = std::io::stdout();
            let mut w = std::io::BufWriter::new(stdout.lock());
            let written = if args.json {
                serde_json::to_writer_pretty(&mut w, &files).map_err(std::io::Error::from).and_then(|()| writeln!(w))
            } else {
                talkgraph::outline::write_text(&files, &mut w)
            };
            match written.and_then(|()| w.flush()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("error: writing to standard output: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        Err(err) => fail(err, args.quiet),
    }
}

fn warn(warnings: &[Warning], quiet: bool) {
    if quiet {
        return;
    }
    let stderr = std::io::stderr();
    let mut e = stderr.lock();
    for w in warnings {
        let _ = writeln!(e, "warning: {w}");
    }
}

fn strict_status(strict: bool, warnings: &[Warning]) -> ExitCode {
    if strict && !warnings.is_empty() {
        let n = warnings.len();
        eprintln!("error: {n} warning{} and --strict was given", if n == 1 { "" } else { "s" });
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn fail(err: Error, quiet: bool) -> ExitCode {
    use talkgraph::export::ExportError;
    if let Error::Export(ExportError::Io(_, e) | ExportError::Stdout(e) | ExportError::Write(e)) = &err {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            return ExitCode::SUCCESS;
        }
    }
    if let Error::NothingReadable { warnings, .. } = &err {
        warn(warnings, quiet);
    }
    let mut msg = match &err {
        // The library says "focus ..."; the command line calls it --focus.
        Error::View(e) => format!("error: --focus {e}"),
        _ => format!("error: {err}"),
    };
    let mut source = std::error::Error::source(&err);
    while let Some(s) = source {
        msg.push_str(&format!(": {s}"));
        source = s.source();
    }
    eprintln!("{msg}");
    ExitCode::from(if matches!(err, Error::Usage(_) | Error::View(_)) { 2 } else { 1 })
}
