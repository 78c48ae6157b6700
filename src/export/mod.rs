//! Stage 4 of the pipeline: writing the graph in the formats graph tools read.
//!
//! [`Format`] is the closed set of formats; each has one module with one shape: a
//! function from `&KnowledgeGraph` and an `io::Write` to `Result<(), ExportError>`
//! (CSV has two, nodes and edges). This module decides file names and writes every
//! file atomically: rendered into a temporary file in the output folder, then renamed
//! into place, so a failed or killed run leaves the previous outputs whole.

pub mod csv;
pub mod dot;
pub mod gexf;
pub mod graphml;
pub mod jsonld;
pub mod mermaid;

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::graph::KnowledgeGraph;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Format {
    /// Graphviz DOT.
    Dot,
    /// JSON-LD with schema.org terms.
    JsonLd,
    /// CSV node and edge tables (Gephi's spreadsheet import, or Neo4j's admin import).
    Csv,
}

impl Format {
    /// Every format, in the order `all` writes them.
    pub const ALL: [Format; 3] = [Format::Dot, Format::JsonLd, Format::Csv];

    /// The name used on the command line.
    ///
    /// ```
    /// assert_eq!(talkgraph::export::Format::JsonLd.name(), "jsonld");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Format::Dot => "dot",
            Format::JsonLd => "jsonld",
            Format::Csv => "csv",
        }
    }

    /// Parses a format name, case-insensitively (`json-ld` is accepted for `jsonld`).
    ///
    /// ```
    /// use talkgraph::export::Format;
    /// assert_eq!(Format::from_name("JSON-LD"), Some(Format::JsonLd));
    /// ```
    pub fn from_name(s: &str) -> Option<Format> {
        match s.trim().to_ascii_lowercase().as_str() {
            "dot" | "gv" | "graphviz" => Some(Format::Dot),
            "jsonld" | "json-ld" => Some(Format::JsonLd),
            "csv" => Some(Format::Csv),
            _ => None,
        }
    }

    /// The files this format writes, with the options given.
    pub fn files(self, opts: &ExportOptions) -> Vec<&'static str> {
        let _ = opts;
        match self {
            Format::Dot => vec!["graph.dot"],
            Format::JsonLd => vec!["graph.jsonld"],
            Format::Csv => vec!["nodes.csv", "edges.csv"],
        }
    }

    /// Writes the file called `file` (one of [`files`](Self::files)) to `w`.
    pub fn write(
        self,
        file: &str,
        graph: &KnowledgeGraph,
        opts: &ExportOptions,
        w: &mut dyn Write,
    ) -> Result<(), ExportError> {
        match (self, file) {
            (Format::Dot, _) => dot::write(graph, opts, w),
            (Format::JsonLd, _) => jsonld::write(graph, opts, w),
            (Format::Csv, "nodes.csv") => csv::write_nodes(graph, opts, w),
            (Format::Csv, "edges.csv") => csv::write_edges(graph, opts, w),
            (Format::Csv, other) => Err(ExportError::Io(other.into(), io::Error::other("not a CSV file of ours"))),
        }
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Options that change what exporters write.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportOptions {
    /// Prefix CSV cells that start with `=`, `+`, `-` or `@` with `'`, so spreadsheet
    /// programs do not run them as formulas.
    pub csv_safe: bool,
}

/// Why an output could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// Writing failed; the path (or `-`) it was for.
    #[error("writing {0}")]
    Io(PathBuf, #[source] io::Error),
    /// The output folder could not be created or used.
    #[error("output folder {0}: cannot create or write it")]
    Folder(PathBuf, #[source] io::Error),
}

impl From<io::Error> for ExportError {
    fn from(e: io::Error) -> Self {
        ExportError::Io(PathBuf::from("-"), e)
    }
}

impl From<::csv::Error> for ExportError {
    fn from(e: ::csv::Error) -> Self {
        ExportError::Io(PathBuf::from("-"), io::Error::other(e))
    }
}

/// Writes every file of every format into `dir`, each atomically. Returns the paths
/// written. All files are rendered before any is moved into place, so a failure leaves
/// the previous outputs as they were.
pub fn write_to_dir(
    graph: &KnowledgeGraph,
    formats: &[Format],
    opts: &ExportOptions,
    dir: &Path,
) -> Result<Vec<PathBuf>, ExportError> {
    std::fs::create_dir_all(dir).map_err(|e| ExportError::Folder(dir.to_path_buf(), e))?;
    let mut staged = Vec::new();
    for &f in formats {
        for file in f.files(opts) {
            let path = dir.join(file);
            let tmp = tempfile::Builder::new()
                .prefix(&format!(".{file}."))
                .suffix(".tmp")
                .tempfile_in(dir)
                .map_err(|e| ExportError::Folder(dir.to_path_buf(), e))?;
            let mut w = io::BufWriter::with_capacity(1 << 16, tmp);
            f.write(file, graph, opts, &mut w).map_err(|e| with_path(e, &path))?;
            let tmp = w.into_inner().map_err(|e| ExportError::Io(path.clone(), e.into_error()))?;
            staged.push((tmp, path));
        }
    }
    let mut written = Vec::with_capacity(staged.len());
    for (tmp, path) in staged {
        tmp.persist(&path).map_err(|e| ExportError::Io(path.clone(), e.error))?;
        written.push(path);
    }
    Ok(written)
}

/// Writes the single file of `format` to standard output.
pub fn write_to_stdout(graph: &KnowledgeGraph, format: Format, opts: &ExportOptions) -> Result<(), ExportError> {
    let files = format.files(opts);
    let [file] = files.as_slice() else {
        return Err(ExportError::Io(
            PathBuf::from("-"),
            io::Error::other(format!(
                "{format} writes {} files ({}); give an output folder with -o DIR",
                files.len(),
                files.join(", ")
            )),
        ));
    };
    let stdout = io::stdout();
    let mut w = io::BufWriter::new(stdout.lock());
    format.write(file, graph, opts, &mut w)?;
    w.flush()?;
    Ok(())
}

fn with_path(e: ExportError, path: &Path) -> ExportError {
    match e {
        ExportError::Io(p, err) if p.as_os_str() == "-" => ExportError::Io(path.to_path_buf(), err),
        other => other,
    }
}
