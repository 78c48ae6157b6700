//! The `talkgraph` binary: parse flags, call the library, print the summary, the
//! warnings and the error chain in one style (`warning: file:line: …`, `error: …`),
//! and choose the exit code: 0 success, 1 failure (or warnings under `--strict`),
//! 2 usage.

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use talkgraph::cli::{Cli, Command, EntitiesArgs, OutlineArgs};
use talkgraph::entities::EntitiesOptions;
use talkgraph::{Error, Output, Warning};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match &cli.command {
        Some(Command::Entities(args)) => entities(args),
        Some(Command::Outline(args)) => outline(args),
        _ => build(&cli),
    }
}

fn build(cli: &Cli) -> ExitCode {
    let args = cli.build_args();
    let opts = args.to_options();
    match talkgraph::run(&opts) {
        Ok(summary) => {
            warn(&summary.warnings, args.quiet);
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
            strict_status(args.strict, &summary.warnings)
        }
        Err(err) => fail(err, args.quiet),
    }
}

fn entities(args: &EntitiesArgs) -> ExitCode {
    let result = (|| -> Result<_, Error> {
        let knowledge = talkgraph::load_knowledge(&args.paths, args.lexicon.as_deref())?;
        let built = talkgraph::build_graph(&args.paths, &knowledge, args.threads)?;
        let opts = EntitiesOptions { kind: args.kind, explain: args.explain };
        Ok((talkgraph::entities::entities(&built.facts, &knowledge, &opts), built.warnings))
    })();
    match result {
        Ok((report, warnings)) => {
            warn(&warnings, args.quiet);
            let stdout = std::io::stdout();
            let mut w = std::io::BufWriter::new(stdout.lock());
            let written = if args.json {
                talkgraph::entities::write_json(&report, &mut w)
            } else {
                talkgraph::entities::write_text(&report, &mut w)
            };
            match written.and_then(|()| w.flush()) {
                Ok(()) => strict_status(args.strict, &warnings),
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
    if let Error::Export(talkgraph::export::ExportError::Io(_, e)) = &err {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            return ExitCode::SUCCESS;
        }
    }
    if let Error::NothingReadable { warnings, .. } = &err {
        warn(warnings, quiet);
    }
    let mut msg = format!("error: {err}");
    let mut source = std::error::Error::source(&err);
    while let Some(s) = source {
        msg.push_str(&format!(": {s}"));
        source = s.source();
    }
    eprintln!("{msg}");
    ExitCode::from(if matches!(err, Error::Usage(_)) { 2 } else { 1 })
}
