//! Stage 4 of the pipeline: writing the graph in the formats graph tools read.
//!
//! [`Format`] is the closed set of formats; each has one module with one shape: a
//! function from `&KnowledgeGraph`, the [`ExportOptions`] and an `io::Write` to
//! `Result<(), ExportError>` (CSV writes several files, so it takes the file's name
//! too). This module decides file names ([`Format::files`], which depend on the
//! options); [`publish`] writes one run's files as one set, switched into the output
//! folder in one step, so a failed or killed run leaves the previous set whole.
//!
//! Each module's doc is the contract of its format:
//!
//! | format | file(s) | module | opened by |
//! |---|---|---|---|
//! | `dot` | `graph.dot` (+ `graph.svg`/`.png`/`.pdf` with `--render`) | [`dot`] | Graphviz |
//! | `jsonld` | `graph.jsonld` | [`jsonld`] | pyld, rdflib, any RDF store |
//! | `csv` | `nodes.csv`, `edges.csv`; with `--csv neo4j` `nodes_<Label>.csv`, `rels_<TYPE>.csv` | [`csv`] | Gephi; `neo4j-admin database import full` |
//! | `graphml` | `graph.graphml` | [`graphml`] | yEd, Cytoscape, NetworkX |
//! | `gexf` | `graph.gexf` | [`gexf`] | Gephi |
//! | `mermaid` | `graph.mmd` | [`mermaid`] | GitHub, Mermaid |
//! | `cypher` | `graph.cypher` | [`cypher`] | Neo4j (`cypher-shell -f`), Memgraph |
//! | `html` | `graph.html` | [`html`] | any browser, offline |
//! | `obsidian` | the folder `obsidian/` (a vault) | [`obsidian`] | Obsidian |
//!
//! [`render`] ([`graphviz`]) runs Graphviz on a written `graph.dot` (`--render
//! svg,png,pdf`). No format module imports another: what they share has modules of
//! its own, [`table`] (node attributes, kinds and relations as each format names
//! them), [`palette`] (the colours), [`iri`] (ids as IRIs, which links may go out)
//! and [`xml`] (escaping and writing XML).

pub mod csv;
pub mod cypher;
pub mod dot;
pub mod gexf;
pub mod graphml;
pub mod graphviz;
pub mod html;
pub mod iri;
pub mod jsonld;
pub mod mermaid;
pub mod obsidian;
pub mod palette;
pub mod publish;
pub mod table;
#[cfg(test)]
mod testgraphs;
pub mod xml;

use std::io::{self, Write};
use std::path::PathBuf;

use crate::graph::KnowledgeGraph;

/// Where the outputs go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Output {
    /// Into this folder, one file per output.
    Dir(PathBuf),
    /// To standard output (one format with one file only).
    Stdout,
}

/// A writer for exporters that make many small writes (serde_json, the DOT writer): a
/// buffer of its own, so each write is an inlined append and not a call through
/// `dyn Write`, handed on to the output each time it holds 64 KiB. [`finish`]
/// (Self::finish) hands on the rest.
pub(crate) struct Chunks<'w> {
    buf: Vec<u8>,
    w: &'w mut dyn Write,
}

impl<'w> Chunks<'w> {
    const SIZE: usize = 1 << 16;

    pub(crate) fn new(w: &'w mut dyn Write) -> Self {
        Chunks { buf: Vec::with_capacity(Self::SIZE + 4096), w }
    }

    /// Writes what is left in the buffer to the output (which is not flushed).
    pub(crate) fn finish(mut self) -> io::Result<()> {
        self.w.write_all(&self.buf)?;
        self.buf.clear();
        Ok(())
    }
}

impl Write for Chunks<'_> {
    #[inline]
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        self.write_all(data)?;
        Ok(data.len())
    }

    #[inline]
    fn write_all(&mut self, data: &[u8]) -> io::Result<()> {
        self.buf.extend_from_slice(data);
        if self.buf.len() >= Self::SIZE {
            self.w.write_all(&self.buf)?;
            self.buf.clear();
        }
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.w.write_all(&self.buf)?;
        self.buf.clear();
        self.w.flush()
    }
}

pub use graphviz::{render, RenderFormat};
pub(crate) use publish::publish;
pub use publish::{write_to_dir, write_to_dir_timed, FormatTimes, Published};

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Format {
    /// Graphviz DOT.
    Dot,
    /// JSON-LD with schema.org terms.
    JsonLd,
    /// CSV node and edge tables (Gephi's spreadsheet import, or Neo4j's admin import).
    Csv,
    /// GraphML, for yEd, Cytoscape and NetworkX.
    GraphMl,
    /// GEXF 1.3, for Gephi.
    Gexf,
    /// A Mermaid flowchart, for GitHub pages.
    Mermaid,
    /// A Cypher script loading the graph into Neo4j or Memgraph.
    Cypher,
    /// A self-contained interactive viewer (sigma.js), for any browser, offline.
    Html,
    /// An Obsidian vault: a folder of notes, one per node (not part of `all`).
    Obsidian,
}

impl Format {
    /// Every format, in the order `all` writes them.
    pub const ALL: [Format; 8] = [
        Format::Dot,
        Format::JsonLd,
        Format::Csv,
        Format::GraphMl,
        Format::Gexf,
        Format::Mermaid,
        Format::Cypher,
        Format::Html,
    ];

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
            Format::GraphMl => "graphml",
            Format::Gexf => "gexf",
            Format::Mermaid => "mermaid",
            Format::Cypher => "cypher",
            Format::Html => "html",
            Format::Obsidian => "obsidian",
        }
    }

    /// Parses a format name, case-insensitively, with the usual aliases (`json-ld`,
    /// `gv`, `mmd`, `cql`).
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
            "graphml" => Some(Format::GraphMl),
            "gexf" => Some(Format::Gexf),
            "mermaid" | "mmd" => Some(Format::Mermaid),
            "cypher" | "cql" => Some(Format::Cypher),
            "html" | "viewer" => Some(Format::Html),
            "obsidian" | "vault" => Some(Format::Obsidian),
            _ => None,
        }
    }

    /// Whether this format writes node positions (from [`crate::graph::layout`]).
    pub fn wants_positions(self) -> bool {
        matches!(self, Format::GraphMl | Format::Gexf | Format::Html | Format::Obsidian)
    }

    /// The files this format writes, with the options given: CSV writes two files in
    /// Gephi's layout and one per node label and relationship type in Neo4j's.
    ///
    /// ```
    /// use talkgraph::export::{CsvFlavor, ExportOptions, Format};
    /// assert_eq!(Format::Csv.files(&ExportOptions::default()), ["nodes.csv", "edges.csv"]);
    /// let neo4j = ExportOptions { csv_flavor: CsvFlavor::Neo4j, ..ExportOptions::default() };
    /// assert!(Format::Csv.files(&neo4j).contains(&"rels_MENTIONS.csv"));
    /// ```
    pub fn files(self, opts: &ExportOptions) -> Vec<&'static str> {
        match self {
            Format::Dot => vec!["graph.dot"],
            Format::JsonLd => vec!["graph.jsonld"],
            Format::Csv => match opts.csv_flavor {
                CsvFlavor::Gephi => vec!["nodes.csv", "edges.csv"],
                CsvFlavor::Neo4j => csv::neo4j_files(),
            },
            Format::GraphMl => vec!["graph.graphml"],
            Format::Gexf => vec!["graph.gexf"],
            Format::Mermaid => vec!["graph.mmd"],
            Format::Cypher => vec!["graph.cypher"],
            Format::Html => vec!["graph.html"],
            // A folder, written by `write_to_dir` on its own.
            Format::Obsidian => vec![],
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
        match self {
            Format::Dot => dot::write(graph, opts, w),
            Format::JsonLd => jsonld::write(graph, opts, w),
            Format::Csv => csv::write_file(file, graph, opts, w),
            Format::GraphMl => graphml::write(graph, opts, w),
            Format::Gexf => gexf::write(graph, opts, w),
            Format::Mermaid => mermaid::write(graph, opts, w),
            Format::Cypher => cypher::write(graph, opts, w),
            Format::Html => html::write(graph, opts, w),
            Format::Obsidian => Err(ExportError::NeedsFolder { format: self, files: Vec::new() }),
        }
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Which CSV layout `--csv` asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CsvFlavor {
    /// `nodes.csv` + `edges.csv`, as Gephi's *Import spreadsheet* takes them.
    #[default]
    Gephi,
    /// One file per node label and per relationship type, as
    /// `neo4j-admin database import full` takes them.
    Neo4j,
}

impl CsvFlavor {
    /// Parses `gephi` or `neo4j`.
    ///
    /// ```
    /// assert_eq!(talkgraph::export::CsvFlavor::from_name("Neo4j"), Some(talkgraph::export::CsvFlavor::Neo4j));
    /// ```
    pub fn from_name(s: &str) -> Option<CsvFlavor> {
        match s.trim().to_ascii_lowercase().as_str() {
            "gephi" => Some(CsvFlavor::Gephi),
            "neo4j" => Some(CsvFlavor::Neo4j),
            _ => None,
        }
    }
}

/// The Graphviz layout engine a DOT file asks for (graph attribute `layout`), and the
/// one `--render` runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Layout {
    /// Each view its engine: `dot` for the full view, `neato` for the topics and
    /// speakers views, `sfdp` when those are large ([`dot::Drawing::engine`]).
    #[default]
    Auto,
    /// Layered, left to right: best for talks under their events.
    Dot,
    /// Scalable force-directed: for large graphs.
    Sfdp,
    /// Spring model: for mid-sized topic maps.
    Neato,
}

impl Layout {
    /// The engine's name (`dot`, `sfdp`, `neato`), or `auto`.
    pub fn name(self) -> &'static str {
        match self {
            Layout::Auto => "auto",
            Layout::Dot => "dot",
            Layout::Sfdp => "sfdp",
            Layout::Neato => "neato",
        }
    }

    /// Parses `auto`, `dot`, `sfdp` or `neato`.
    ///
    /// ```
    /// assert_eq!(talkgraph::export::Layout::from_name("SFDP"), Some(talkgraph::export::Layout::Sfdp));
    /// ```
    pub fn from_name(s: &str) -> Option<Layout> {
        match s.trim().to_ascii_lowercase().as_str() {
            "auto" => Some(Layout::Auto),
            "dot" => Some(Layout::Dot),
            "sfdp" => Some(Layout::Sfdp),
            "neato" => Some(Layout::Neato),
            _ => None,
        }
    }
}

/// Options that change what exporters write.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportOptions {
    /// Prefix CSV cells that start with `=`, `+`, `-` or `@` with `'`, so spreadsheet
    /// programs do not run them as formulas.
    pub csv_safe: bool,
    /// The CSV layout: Gephi's (default) or Neo4j's admin import.
    pub csv_flavor: CsvFlavor,
    /// The Graphviz layout engine named in the DOT file and used by [`render`].
    pub layout: Layout,
    /// Pictures to render from `graph.dot` after writing it (needs Graphviz).
    pub render: Vec<RenderFormat>,
}

/// Why an output could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// Writing this file failed.
    #[error("writing {0}")]
    Io(PathBuf, #[source] io::Error),
    /// A format's writer failed, before the caller knew which file it was writing
    /// ([`write_to_dir`] turns it into [`Io`](Self::Io) with the path).
    #[error("writing")]
    Write(#[source] io::Error),
    /// Writing to standard output failed.
    #[error("writing to standard output")]
    Stdout(#[source] io::Error),
    /// The output folder could not be created or used.
    #[error("output folder {0}: cannot create or write it")]
    Folder(PathBuf, #[source] io::Error),
    /// Graphviz's `dot` program is not installed.
    #[error(
        "Graphviz's `dot` was not found on PATH; install it: apt-get install graphviz / brew install graphviz / https://graphviz.org/download/"
    )]
    GraphvizMissing(#[source] io::Error),
    /// Graphviz ran but failed to render this file.
    #[error("rendering {0} with Graphviz")]
    Render(PathBuf, #[source] io::Error),
    /// Mermaid would not draw the graph: `graph.mmd` is not written.
    #[error("writing graph.mmd")]
    Mermaid(#[source] mermaid::TooBig),
    /// A format that writes several files, or a folder (`files` empty), was asked to
    /// write where only one file goes (standard output).
    #[error("{format} writes {}; give an output folder with -o DIR", several(.files))]
    NeedsFolder {
        /// The format.
        format: Format,
        /// The files it writes.
        files: Vec<String>,
    },
    /// The output folder holds a folder a previous run did not write, which replacing
    /// the set of outputs would drop.
    #[error("output folder {}: cannot create or write it: it holds a folder talkgraph did not write ({name}), which replacing the set would drop; give an output folder of its own", .folder.display())]
    ForeignFolder {
        /// The output folder, as the user named it.
        folder: PathBuf,
        /// The folder in it.
        name: String,
    },
    /// An output's place is taken by the other kind of entry (a file where a folder
    /// goes, or a folder where a file goes).
    #[error("writing {}: is a {} where talkgraph writes a {}; move it away", .path.display(), if *.folder_wanted { "file" } else { "folder" }, if *.folder_wanted { "folder" } else { "file" })]
    Occupied {
        /// The entry in the way.
        path: PathBuf,
        /// Whether talkgraph writes a folder there.
        folder_wanted: bool,
    },
}

/// `3 files (a, b, c)`, or `a folder` for none.
fn several(files: &[String]) -> String {
    if files.is_empty() {
        "a folder".to_string()
    } else {
        format!("{} files ({})", files.len(), files.join(", "))
    }
}

impl From<io::Error> for ExportError {
    fn from(e: io::Error) -> Self {
        ExportError::Write(e)
    }
}

impl From<::csv::Error> for ExportError {
    fn from(e: ::csv::Error) -> Self {
        ExportError::Write(io::Error::other(e))
    }
}

/// Writes the single file of `format` to standard output.
pub fn write_to_stdout(graph: &KnowledgeGraph, format: Format, opts: &ExportOptions) -> Result<(), ExportError> {
    let files = format.files(opts);
    let [file] = files.as_slice() else {
        return Err(ExportError::NeedsFolder { format, files: files.iter().map(|f| f.to_string()).collect() });
    };
    let stdout = io::stdout();
    let mut w = io::BufWriter::new(stdout.lock());
    let on_stdout = |e: ExportError| match e {
        ExportError::Write(e) => ExportError::Stdout(e),
        other => other,
    };
    format.write(file, graph, opts, &mut w).map_err(on_stdout)?;
    w.flush().map_err(ExportError::Stdout)
}

/// Small graphs the exporters' unit tests share.
#[cfg(test)]
pub(crate) mod fixtures {
    use std::sync::Arc;

    use crate::extract::{Knowledge, Lexicon, Mention, NoteFacts, PepCatalog, Rule, TalkFacts, Target};
    use crate::graph::{GraphBuilder, KnowledgeGraph};
    use crate::notes::{EventInfo, Named, SectionKind};

    const LEXICON: &str = r#"
[[entry]]
name = "CPython"
kind = "technology"
category = "implementation"
aliases = ["cpython3"]
org = "Python Software Foundation"
homepage = "https://github.com/python/cpython"
wikidata = "Q28865"

[[entry]]
name = "NumPy"
kind = "technology"
category = "library"
pypi = "numpy"
homepage = "https://numpy.org"

[[entry]]
name = "Python Software Foundation"
kind = "organization"
category = "foundation"
homepage = "https://www.python.org/psf/"
"#;

    fn mention(target: Target, surface: &str, line: u32) -> Mention {
        Mention { target, surface: surface.into(), line, rule: Rule::Pattern }
    }

    fn talk(line: u32, title: &str, speaker: &str, mentions: Vec<Mention>) -> TalkFacts {
        TalkFacts {
            kind: SectionKind::Talk,
            title: title.into(),
            line,
            event: Some(0),
            speakers: vec![Named { name: speaker.into(), line: line + 1 }],
            moderators: Vec::new(),
            affiliations: Vec::new(),
            mentions,
            near_misses: vec![],
        }
    }

    /// One event with a date, two talks (the second with hostile characters in its
    /// title and speaker), CPython (with an organisation), NumPy, PEP 659 (with its
    /// author from the catalogue) and an unlisted technology named like a formula.
    pub(crate) fn sample_graph() -> KnowledgeGraph {
        let lexicon = Lexicon::from_toml(LEXICON, "fixture").expect("fixture lexicon is valid");
        let cpython = lexicon.find("CPython").expect("in the fixture");
        let numpy = lexicon.find("NumPy").expect("in the fixture");
        let knowledge = Knowledge::new(lexicon, PepCatalog::builtin().clone());
        let facts = NoteFacts {
            file: Arc::from("notes/day.md"),
            key: Arc::from("day"),
            events: vec![EventInfo { name: "PyCon Test".into(), day: None, date: Some("2024-05-15".into()), line: 1 }],
            tags: vec![],
            talks: vec![
                talk(
                    3,
                    "Faster CPython",
                    "Mark Shannon",
                    vec![
                        mention(Target::Entry(cpython), "CPython", 5),
                        mention(Target::Entry(cpython), "cpython3", 6),
                        mention(Target::Pep(659), "PEP 659", 7),
                    ],
                ),
                talk(
                    20,
                    "Rust & <Python>, \"fast\"\\",
                    "=Ana \"Ló\" 🐍",
                    vec![
                        mention(Target::Entry(cpython), "CPython", 22),
                        mention(Target::Entry(numpy), "NumPy", 23),
                        mention(Target::Pep(659), "PEP 659", 24),
                        mention(Target::Unlisted("=cmd|' /C calc'!A0".into()), "=cmd|' /C calc'!A0", 25),
                    ],
                ),
            ],
            warnings: vec![],
        };
        let mut b = GraphBuilder::new(&knowledge);
        b.add(&facts);
        b.finish()
    }
}
