//! The `talkgraph` binary: parse flags, call the library, print the summary or the
//! error chain, choose the exit code (0 success, 1 failure, 2 usage).

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use talkgraph::cli::Cli;
use talkgraph::{Error, Output};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let args = cli.build_args();
    let opts = args.to_options();
    match talkgraph::run(&opts) {
        Ok(summary) => {
            if !args.quiet {
                for w in &summary.warnings {
                    eprintln!("warning: {w}");
                }
            }
            let line = summary.to_string();
            let ok = match opts.output {
                Output::Stdout => writeln!(std::io::stderr(), "{line}"),
                Output::Dir(_) => writeln!(std::io::stdout(), "{line}"),
            };
            // A closed pipe is not a failure.
            let _ = ok;
            ExitCode::SUCCESS
        }
        Err(err) => {
            if let Error::Export(talkgraph::export::ExportError::Io(_, e)) = &err {
                if e.kind() == std::io::ErrorKind::BrokenPipe {
                    return ExitCode::SUCCESS;
                }
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
    }
}
