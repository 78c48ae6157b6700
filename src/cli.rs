//! The command line: clap derive types only, and one function per command turning
//! them into library options. Nothing else in the library sees clap.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::entities::EntitiesOptions;
use crate::error::Error;
use crate::export::{CsvFlavor, ExportOptions, Format, Layout, Output, RenderFormat};
use crate::graph::{NodeKind, View, ViewOptions};
use crate::Options;

const EXAMPLES: &str = "\
Examples:
  talkgraph                                  read notes/, write out/ (DOT, JSON-LD, CSV)
  talkgraph ~/notes/europython -o graph      a folder of notes, outputs in graph/
  talkgraph day1.md --format dot -o - | dot -Tsvg > day1.svg
  talkgraph notes --format all               every format
  talkgraph notes --format csv,jsonld --lexicon my-terms.toml
  talkgraph notes --format dot --render svg,png  also run Graphviz on out/graph.dot
  talkgraph notes --format csv --csv neo4j       files for neo4j-admin database import full
  talkgraph notes --format cypher -o db          db/graph.cypher for Neo4j or Memgraph
  talkgraph notes --format html                  out/graph.html, an interactive viewer (offline)
  talkgraph notes --view topics --min-weight 2   the topic map, weak links dropped
  talkgraph notes --focus cpython --depth 2      what surrounds one entity
  talkgraph entities notes --kind technology --explain   what was found, and why
  talkgraph completions bash > ~/.local/share/bash-completion/completions/talkgraph
  talkgraph man > talkgraph.1                the manual page

Exit status: 0 success; 1 failure (input, output, or warnings under --strict);
2 usage (bad flags, unknown format).
";

const ENTITIES_EXAMPLES: &str = "\
Examples:
  talkgraph entities                          everything found in notes/, with file:line
  talkgraph entities notes --kind pep         only PEPs
  talkgraph entities day1.md --explain        surface forms, the rule that merged each, near misses
  talkgraph entities notes --json | jq .      the same as JSON

Exit status: 0 success; 1 failure (input, or warnings under --strict); 2 usage.
";

/// Turns conference notes into a knowledge graph of talks, speakers, technologies,
/// organisations and PEPs, and writes it as DOT, JSON-LD, CSV, GraphML, GEXF, Mermaid
/// or Cypher.
#[derive(Debug, Parser)]
#[command(name = "talkgraph", version, after_help = EXAMPLES, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// The command (default: build).
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Arguments of `build`, the default command.
    #[command(flatten)]
    pub build: BuildArgs,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read notes and write the graph (the default command).
    #[command(after_help = EXAMPLES)]
    Build(BuildArgs),
    /// List the entities found, with counts and file:line evidence.
    #[command(after_help = ENTITIES_EXAMPLES)]
    Entities(EntitiesArgs),
    /// Print a completion script for a shell (bash, zsh, fish, powershell, elvish).
    Completions(CompletionsArgs),
    /// Print the manual page (roff), e.g. `talkgraph man > talkgraph.1`.
    Man,
    /// What one entity is: kind, attributes, the spellings merged into it and why, the
    /// talks that mention it (file:line and the line's text), its strongest neighbours.
    #[command(after_help = ASK_EXAMPLES)]
    Explain(ExplainArgs),
    /// The shortest paths between two entities, each step with its evidence.
    #[command(after_help = ASK_EXAMPLES)]
    Path(PathArgs),
    /// What lies within N steps of an entity.
    #[command(after_help = ASK_EXAMPLES)]
    Neighbors(NeighborsArgs),
    /// A Markdown report of the notes: events, most mentioned topics, isolated topics,
    /// speakers, PEPs, and the topic map when Graphviz is installed.
    #[command(after_help = REPORT_EXAMPLES)]
    Report(ReportArgs),
    /// What changed between two events: topics that appear, vanish, rise or fall,
    /// speakers who return and what they moved to, new and gone links (Markdown).
    #[command(after_help = DIFF_EXAMPLES)]
    Diff(DiffArgs),
    /// Print the structure found: events, days, talks with their lines and speakers.
    #[command(after_help = OUTLINE_EXAMPLES)]
    Outline(OutlineArgs),
}

/// Arguments of `completions`.
#[derive(Debug, Clone, Args)]
pub struct CompletionsArgs {
    /// The shell: bash, zsh, fish, powershell or elvish.
    #[arg(value_name = "SHELL")]
    pub shell: clap_complete::Shell,
}

/// The flags every command that reads notes takes.
#[derive(Debug, Clone, Args)]
pub struct CommonArgs {
    /// A lexicon file (TOML) adding to and overriding the built-in one.
    #[arg(long, value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    pub lexicon: Option<PathBuf>,
    /// Worker threads; 0 or none: all cores. More than one per file, or than two per
    /// core, do not help and are not started (with a warning for the cores).
    #[arg(short = 'j', long, value_name = "N")]
    pub threads: Option<usize>,
    /// Print no warnings.
    #[arg(short = 'q', long)]
    pub quiet: bool,
    /// Exit with status 1 when there was any warning (outputs are still written).
    #[arg(long)]
    pub strict: bool,
}

const DIFF_EXAMPLES: &str = "\
Examples:
  talkgraph diff notes/2023 notes/2024            two sets of notes (files or folders)
  talkgraph diff \"EuroPython 2023\" \"EuroPython 2024\" notes   two events within one set of notes
  talkgraph diff old.md new.md --json | jq .rise

OLD and NEW are read as notes when both exist as paths; otherwise as events (by id,
name or alias) of the notes at PATH (default notes).
Exit status: 0 success; 1 failure (input, or warnings under --strict); 2 usage or unknown event.
";

const REPORT_EXAMPLES: &str = "\\
Examples:
  talkgraph report                           the report of notes/ on standard output
  talkgraph report notes -o out/report.md    written to a file, with out/report-topics.svg beside it

Links to the notes are relative to the report's folder (#L<line> opens the line on GitHub).
Exit status: 0 success; 1 failure (input, output, or warnings under --strict); 2 usage.
";

/// Arguments of `report`.
#[derive(Debug, Clone, Args)]
pub struct ReportArgs {
    /// The notes.
    #[command(flatten)]
    pub notes: NotesArgs,
    /// The Markdown file to write (default: standard output); the topic map is drawn
    /// beside it when Graphviz is installed.
    #[arg(short = 'o', long = "out", value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    pub out: Option<PathBuf>,
}

impl ReportArgs {
    /// The library's options.
    pub fn to_options(&self) -> crate::report::ReportOptions {
        let out = self.out.clone().filter(|o| o.as_os_str() != "-");
        crate::report::ReportOptions { input: self.notes.input(), out, map: true }
    }
}

/// Arguments of `diff`.
#[derive(Debug, Clone, Args)]
pub struct DiffArgs {
    /// The old side: a notes file or folder, or an event's name.
    #[arg(value_name = "OLD")]
    pub old: String,
    /// The new side.
    #[arg(value_name = "NEW")]
    pub new: String,
    /// The notes holding both events (when OLD and NEW are events).
    #[command(flatten)]
    pub notes: NotesArgs,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

impl DiffArgs {
    /// The library's options.
    pub fn to_options(&self) -> crate::diff::DiffOptions {
        crate::diff::DiffOptions {
            old: self.old.clone(),
            new: self.new.clone(),
            paths: self.notes.paths.clone(),
            lexicon: self.notes.common.lexicon.clone(),
            threads: self.notes.common.threads,
        }
    }
}

const ASK_EXAMPLES: &str = "\
Examples:
  talkgraph explain cpython                    what CPython is, where it was seen, what it goes with
  talkgraph explain \"Mark Shannon\" notes --json
  talkgraph path \"Mark Shannon\" \"PEP 659\"      how two entities are linked, with the lines
  talkgraph neighbors cpython --depth 2 --kinds person   people two steps from CPython

A NAME is an id (technology:cpython), a name, an id without its kind (cpython) or an
alias, in any case; an unknown name is an error suggesting the closest ones.
Exit status: 0 success; 1 failure (input, or warnings under --strict); 2 usage or unknown name.
";

/// The notes a question is asked of, and how to read them.
#[derive(Debug, Clone, Args)]
pub struct NotesArgs {
    /// Note files, or folders searched recursively for notes.
    #[arg(value_name = "PATH", default_value = "notes", value_hint = clap::ValueHint::AnyPath)]
    pub paths: Vec<PathBuf>,
    /// The flags every command that reads notes takes.
    #[command(flatten)]
    pub common: CommonArgs,
}

impl NotesArgs {
    /// The library's input.
    pub fn input(&self) -> crate::ask::Input {
        crate::ask::Input {
            paths: self.paths.clone(),
            lexicon: self.common.lexicon.clone(),
            threads: self.common.threads,
        }
    }
}

/// Arguments of `explain`.
#[derive(Debug, Clone, Args)]
pub struct ExplainArgs {
    /// The entity: an id, a name, an id without its kind, or an alias.
    #[arg(value_name = "NAME")]
    pub name: String,
    /// The notes.
    #[command(flatten)]
    pub notes: NotesArgs,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

/// Arguments of `path`.
#[derive(Debug, Clone, Args)]
pub struct PathArgs {
    /// Where the paths start (an id, a name or an alias).
    #[arg(value_name = "A")]
    pub from: String,
    /// Where they end.
    #[arg(value_name = "B")]
    pub to: String,
    /// The notes.
    #[command(flatten)]
    pub notes: NotesArgs,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

/// Arguments of `neighbors`.
#[derive(Debug, Clone, Args)]
pub struct NeighborsArgs {
    /// The entity (an id, a name or an alias).
    #[arg(value_name = "NAME")]
    pub name: String,
    /// Steps to follow.
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub depth: u32,
    /// List only nodes of these kinds (the way there goes through any kind).
    #[arg(long, value_name = "LIST", value_delimiter = ',', value_parser = parse_kind)]
    pub kinds: Option<Vec<NodeKind>>,
    /// The notes.
    #[command(flatten)]
    pub notes: NotesArgs,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

const OUTLINE_EXAMPLES: &str = "Examples:
  talkgraph outline                   events, days and talks (file:start-end) of notes/
  talkgraph outline day1.md --explain every candidate with its evidence and score
  talkgraph outline notes --json      the same as JSON, for tools";

/// Arguments of `outline`.
#[derive(Debug, Clone, Args)]
pub struct OutlineArgs {
    /// Note files, or folders searched recursively.
    #[arg(value_name = "PATH", default_value = "notes", value_hint = clap::ValueHint::AnyPath)]
    pub paths: Vec<PathBuf>,
    /// Add every candidate with its evidence, its score and whether it became a talk.
    #[arg(long)]
    pub explain: bool,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
    /// Print no warnings.
    #[arg(short = 'q', long)]
    pub quiet: bool,
}

/// Arguments of `entities`.
#[derive(Debug, Clone, Args)]
pub struct EntitiesArgs {
    /// Note files, or folders searched recursively for notes (as `build` reads them).
    #[arg(value_name = "PATH", default_value = "notes", value_hint = clap::ValueHint::AnyPath)]
    pub paths: Vec<PathBuf>,
    /// Only entities of this kind (person, technology, topic, organization, pep, version).
    #[arg(long, value_name = "KIND", value_parser = parse_entity_kind)]
    pub kind: Option<NodeKind>,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
    /// Add every surface form merged into each entity with the rule that merged it,
    /// and the near misses that were not merged.
    #[arg(long)]
    pub explain: bool,
    /// How names are recognised and how sure a link must be.
    #[command(flatten)]
    pub infer: InferArgs,
    /// Flags every command takes.
    #[command(flatten)]
    pub common: CommonArgs,
}

/// How names are recognised (`build` and `entities`).
#[derive(Debug, Clone, Args)]
pub struct InferArgs {
    /// Link only names of a lexicon: no technology inferred from its shape or its
    /// neighbours (CamelCase, `RP2040`, `sudo-rs`, `npm i X`, `X vs Django`).
    #[arg(long)]
    pub no_infer: bool,
    /// Drop links less sure than LEVEL: inferred, typo, context, case-folded, alias,
    /// exact or user (least sure first).
    #[arg(long, value_name = "LEVEL", value_parser = crate::extract::Confidence::parse)]
    pub min_confidence: Option<crate::extract::Confidence>,
}

impl InferArgs {
    /// The library's options.
    pub fn to_options(&self) -> crate::extract::ExtractOptions {
        crate::extract::ExtractOptions { infer: !self.no_infer, min_confidence: self.min_confidence }
    }
}

/// Arguments of `build`.
#[derive(Debug, Clone, Args)]
pub struct BuildArgs {
    /// Note files, or folders searched recursively for notes (.md, .markdown, .txt, .org,
    /// .rst, .adoc, .asciidoc, .ipynb, .textile, .tid, .ics, .bib, .tex, and .csv or .tsv
    /// schedules).
    #[arg(value_name = "PATH", default_value = "notes", value_hint = clap::ValueHint::AnyPath)]
    pub paths: Vec<PathBuf>,
    /// More extensions to read in folders, as plain text, comma-separated (`log,notes`).
    #[arg(long, value_name = "LIST", value_delimiter = ',')]
    pub ext: Vec<String>,
    /// How names are recognised and how sure a link must be.
    #[command(flatten)]
    pub infer: InferArgs,
    /// Output folder, or `-` for standard output (one format only).
    #[arg(short = 'o', long = "out", value_name = "DIR", default_value = "out", value_hint = clap::ValueHint::DirPath)]
    pub out: PathBuf,
    /// Formats to write, comma-separated: dot, jsonld, csv, graphml, gexf, mermaid,
    /// cypher, obsidian (a vault folder), or all (every format but obsidian); none builds the graph and writes nothing (with --stats, to time
    /// extraction alone).
    #[arg(short = 'f', long, value_name = "LIST", value_delimiter = ',', default_value = "dot,jsonld,csv", value_parser = parse_format_list)]
    pub format: Vec<Vec<Format>>,
    /// Which part of the graph to write: full, topics or speakers.
    #[arg(long, value_name = "VIEW", default_value = "full", value_parser = parse_view)]
    pub view: View,
    /// Keep only the neighbourhood of this entity (name, alias or id).
    #[arg(long, value_name = "NAME")]
    pub focus: Option<String>,
    /// Depth of the --focus neighbourhood.
    #[arg(long, value_name = "N", requires = "focus")]
    pub depth: Option<u32>,
    /// Drop edges whose weight is below N (a whole number, 1 or more).
    #[arg(long, value_name = "N", allow_hyphen_values = true, value_parser = parse_weight)]
    pub min_weight: Option<u32>,
    /// Keep only nodes of these kinds (event, talk, person, technology, topic, organization, pep, version).
    #[arg(long, value_name = "LIST", value_delimiter = ',', value_parser = parse_kind)]
    pub kinds: Option<Vec<NodeKind>>,
    /// Prefix CSV cells starting with = + - @ with ' so spreadsheets do not run them.
    #[arg(long)]
    pub csv_safe: bool,
    /// CSV layout: gephi (nodes.csv + edges.csv, for Gephi's Import spreadsheet) or
    /// neo4j (a file per label and relationship type, for neo4j-admin import).
    #[arg(long = "csv", value_name = "LAYOUT", default_value = "gephi", value_parser = parse_csv_flavor)]
    pub csv_flavor: CsvFlavor,
    /// Graphviz layout engine named in graph.dot and used by --render: auto (each view
    /// its own: dot for full, neato or sfdp for topics and speakers), dot, sfdp (large
    /// graphs) or neato.
    #[arg(long, value_name = "ENGINE", default_value = "auto", value_parser = parse_layout)]
    pub layout: Layout,
    /// After writing graph.dot, render it with Graphviz to these formats,
    /// comma-separated: svg, png, pdf (needs Graphviz's `dot` on PATH).
    #[arg(long, value_name = "LIST", value_delimiter = ',', value_parser = parse_render)]
    pub render: Vec<RenderFormat>,
    /// Flags every command takes.
    #[command(flatten)]
    pub common: CommonArgs,
    /// Print the time spent in each stage (read, segment, recognise, graph, each
    /// export) to standard error.
    #[arg(long)]
    pub stats: bool,
}

fn parse_format_list(s: &str) -> Result<Vec<Format>, String> {
    if s.trim().eq_ignore_ascii_case("all") {
        return Ok(Format::ALL.to_vec());
    }
    if s.trim().eq_ignore_ascii_case("none") {
        return Ok(Vec::new());
    }
    Format::from_name(s).map(|f| vec![f]).ok_or_else(|| {
        let names: Vec<_> = Format::ALL.iter().map(|f| f.name()).collect();
        format!("unknown format '{s}' (expected one of: {}, all, none)", names.join(", "))
    })
}

fn parse_csv_flavor(s: &str) -> Result<CsvFlavor, String> {
    CsvFlavor::from_name(s).ok_or_else(|| format!("unknown CSV layout '{s}' (expected gephi or neo4j)"))
}

fn parse_layout(s: &str) -> Result<Layout, String> {
    Layout::from_name(s).ok_or_else(|| format!("unknown layout '{s}' (expected auto, dot, sfdp or neato)"))
}

fn parse_render(s: &str) -> Result<RenderFormat, String> {
    RenderFormat::from_name(s).ok_or_else(|| format!("unknown picture format '{s}' (expected svg, png or pdf)"))
}

fn parse_view(s: &str) -> Result<View, String> {
    View::from_name(s).ok_or_else(|| format!("unknown view '{s}' (expected full, topics or speakers)"))
}

fn parse_weight(s: &str) -> Result<u32, String> {
    match s.trim().parse::<i64>() {
        Ok(n) if n >= 1 && n <= i64::from(u32::MAX) => Ok(n as u32),
        Ok(_) => Err(format!("weight {s} is out of range (edge weights count mentions: 1 or more)")),
        Err(_) => Err(format!("'{s}' is not a whole number (edge weights count mentions: 1 or more)")),
    }
}

/// The kinds `entities` reports: what the recognisers find (talks and events come
/// from the notes' structure and are in the graph's outputs).
fn parse_entity_kind(s: &str) -> Result<NodeKind, String> {
    match parse_kind(s)? {
        NodeKind::Talk | NodeKind::Event => Err(format!(
            "entities lists what was recognised: person, technology, topic, organization, pep or version, not '{s}' \
             (talks and events are in the graph: talkgraph --kinds {})",
            s.trim().to_ascii_lowercase()
        )),
        k => Ok(k),
    }
}

/// The subcommands, for a mistyped one.
const COMMANDS: [&str; 4] = ["build", "entities", "completions", "man"];

/// Paths must exist; a first path that does not and reads like a mistyped command is
/// a usage error naming the command (`talkgraph entites`).
fn check_paths(paths: &[PathBuf]) -> Result<(), Error> {
    let Some(first) = paths.first().filter(|p| !p.exists()) else { return Ok(()) };
    let Some(word) = first.to_str().filter(|w| w.chars().all(|c| c.is_ascii_alphabetic())) else { return Ok(()) };
    let close = COMMANDS.iter().find(|c| strsim::levenshtein(&word.to_ascii_lowercase(), c) <= 2);
    match close {
        Some(c) => Err(Error::Usage(format!("{word}: no such file, folder or command; did you mean `talkgraph {c}`?"))),
        None => Ok(()),
    }
}

fn parse_kind(s: &str) -> Result<NodeKind, String> {
    NodeKind::from_name(s).ok_or_else(|| {
        format!("unknown kind '{s}' (expected event, talk, person, technology, topic, organization, pep or version)")
    })
}

impl BuildArgs {
    /// The library options these arguments ask for, or a usage error when they do not
    /// fit together.
    pub fn to_options(&self) -> Result<Options, Error> {
        check_paths(&self.paths)?;
        let mut formats: Vec<Format> = self.format.iter().flatten().copied().collect();
        let mut seen = std::collections::HashSet::new();
        formats.retain(|f| seen.insert(*f));
        let output = if self.out.as_os_str() == "-" { Output::Stdout } else { Output::Dir(self.out.clone()) };
        if !self.render.is_empty() && (output == Output::Stdout || !formats.contains(&Format::Dot)) {
            return Err(Error::Usage(
                "--render needs the dot format written to an output folder (--format dot -o DIR)".into(),
            ));
        }
        let export = ExportOptions {
            csv_safe: self.csv_safe,
            csv_flavor: self.csv_flavor,
            layout: self.layout,
            render: {
                let mut r = self.render.clone();
                r.sort();
                r.dedup();
                r
            },
        };
        if output == Output::Stdout {
            let [format] = formats.as_slice() else {
                return Err(Error::Usage(
                    "-o - writes one format to standard output; give exactly one with --format".into(),
                ));
            };
            let files = format.files(&export);
            if files.len() != 1 {
                return Err(Error::Usage(format!(
                    "{format} writes {} files ({}); give an output folder with -o DIR",
                    files.len(),
                    files.join(", ")
                )));
            }
        }
        Ok(Options {
            inputs: self.paths.clone(),
            output,
            formats,
            export,
            view: ViewOptions {
                view: self.view,
                focus: self.focus.clone(),
                depth: self.depth,
                min_weight: self.min_weight,
                kinds: self.kinds.clone(),
            },
            lexicon: self.common.lexicon.clone(),
            extract: self.infer.to_options(),
            threads: self.common.threads,
            progress: !self.common.quiet,
            extensions: self
                .ext
                .iter()
                .map(|e| e.trim().trim_start_matches('.').to_string())
                .filter(|e| !e.is_empty())
                .collect(),
        })
    }
}

impl EntitiesArgs {
    /// The report options these arguments ask for.
    pub fn to_options(&self) -> Result<EntitiesOptions, Error> {
        check_paths(&self.paths)?;
        Ok(EntitiesOptions { kind: self.kind, explain: self.explain, extract: self.infer.to_options() })
    }
}

impl Cli {
    /// The `build` arguments, whether `build` was named or not (for `entities`, the
    /// defaults' flattened arguments, which are unused).
    pub fn build_args(&self) -> &BuildArgs {
        match &self.command {
            Some(Command::Build(b)) => b,
            _ => &self.build,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn clap_definition_is_valid() {
        Cli::command().debug_assert();
    }

    #[test]
    fn defaults_read_notes_write_out() {
        let cli = Cli::try_parse_from(["talkgraph"]).expect("no arguments is valid");
        let o = cli.build_args().to_options().expect("valid");
        assert_eq!(o.inputs, [PathBuf::from("notes")]);
        assert_eq!(o.output, Output::Dir("out".into()));
        assert_eq!(o.formats, [Format::Dot, Format::JsonLd, Format::Csv]);
    }

    #[test]
    fn build_subcommand_is_the_same() {
        let cli = Cli::try_parse_from(["talkgraph", "build", "a.md", "-o", "-", "--format", "dot"]).expect("valid");
        let o = cli.build_args().to_options().expect("valid");
        assert_eq!(o.inputs, [PathBuf::from("a.md")]);
        assert_eq!(o.output, Output::Stdout);
        assert_eq!(o.formats, [Format::Dot]);
    }

    #[test]
    fn format_all_and_duplicates() {
        let cli = Cli::try_parse_from(["talkgraph", "--format", "csv,all"]).expect("valid");
        assert_eq!(
            cli.build_args().to_options().expect("valid").formats,
            [
                Format::Csv,
                Format::Dot,
                Format::JsonLd,
                Format::GraphMl,
                Format::Gexf,
                Format::Mermaid,
                Format::Cypher,
                Format::Html
            ]
        );
    }

    #[test]
    fn every_format_name_parses() {
        for f in Format::ALL {
            let cli = Cli::try_parse_from(["talkgraph", "--format", f.name()]).expect("valid");
            assert_eq!(cli.build_args().to_options().expect("valid").formats, [f]);
        }
        let cli = Cli::try_parse_from(["talkgraph", "-f", "JSON-LD,mmd,cql"]).expect("aliases");
        assert_eq!(
            cli.build_args().to_options().expect("valid").formats,
            [Format::JsonLd, Format::Mermaid, Format::Cypher]
        );
    }

    #[test]
    fn export_defaults() {
        let o = Cli::try_parse_from(["talkgraph"]).expect("valid").build_args().to_options().expect("valid");
        assert_eq!(o.export, ExportOptions::default());
        assert_eq!(o.export.csv_flavor, CsvFlavor::Gephi);
        assert_eq!(o.export.layout, Layout::Auto);
        assert!(o.export.render.is_empty());
    }

    #[test]
    fn csv_layout_flag() {
        let o = Cli::try_parse_from(["talkgraph", "--csv", "neo4j"])
            .expect("valid")
            .build_args()
            .to_options()
            .expect("valid");
        assert_eq!(o.export.csv_flavor, CsvFlavor::Neo4j);
        let o = Cli::try_parse_from(["talkgraph", "--csv", "Gephi"])
            .expect("valid")
            .build_args()
            .to_options()
            .expect("valid");
        assert_eq!(o.export.csv_flavor, CsvFlavor::Gephi);
        let err = Cli::try_parse_from(["talkgraph", "--csv", "excel"]).unwrap_err();
        assert!(err.to_string().contains("unknown CSV layout 'excel'"), "{err}");
        assert_eq!(err.exit_code(), 2);
    }

    #[test]
    fn layout_flag() {
        for (name, want) in [("dot", Layout::Dot), ("sfdp", Layout::Sfdp), ("NEATO", Layout::Neato)] {
            let o = Cli::try_parse_from(["talkgraph", "--layout", name])
                .expect("valid")
                .build_args()
                .to_options()
                .expect("valid");
            assert_eq!(o.export.layout, want, "{name}");
        }
        let err = Cli::try_parse_from(["talkgraph", "--layout", "circo"]).unwrap_err();
        assert!(err.to_string().contains("unknown layout 'circo'"), "{err}");
        assert_eq!(err.exit_code(), 2);
    }

    #[test]
    fn render_flag_sorted_without_repeats() {
        let o = Cli::try_parse_from(["talkgraph", "--render", "pdf,svg,pdf", "--render", "png"])
            .expect("valid")
            .build_args()
            .to_options()
            .expect("valid");
        assert_eq!(o.export.render, [RenderFormat::Svg, RenderFormat::Png, RenderFormat::Pdf]);
        let err = Cli::try_parse_from(["talkgraph", "--render", "svg,gif"]).unwrap_err();
        assert!(err.to_string().contains("unknown picture format 'gif'"), "{err}");
        assert_eq!(err.exit_code(), 2);
    }

    #[test]
    fn entities_subcommand() {
        let cli = Cli::try_parse_from(["talkgraph", "entities", "a.md", "--kind", "pep", "--explain", "--json"])
            .expect("valid");
        let Some(Command::Entities(e)) = cli.command else { panic!("entities parsed as {:?}", cli.command) };
        assert_eq!(e.paths, [PathBuf::from("a.md")]);
        assert_eq!(e.kind, Some(NodeKind::Pep));
        assert!(e.explain && e.json && !e.common.strict);
        let err = Cli::try_parse_from(["talkgraph", "entities", "--kind", "planet"]).unwrap_err();
        assert_eq!(err.exit_code(), 2);
    }

    #[test]
    fn strict_flag() {
        assert!(Cli::try_parse_from(["talkgraph", "--strict"]).expect("valid").build_args().common.strict);
        assert!(!Cli::try_parse_from(["talkgraph"]).expect("valid").build_args().common.strict);
    }

    #[test]
    fn format_none_writes_nothing() {
        let o = Cli::try_parse_from(["talkgraph", "--format", "none"])
            .expect("valid")
            .build_args()
            .to_options()
            .expect("valid");
        assert!(o.formats.is_empty());
    }

    #[test]
    fn unknown_format_is_a_usage_error() {
        let err = Cli::try_parse_from(["talkgraph", "--format", "dot,png"]).unwrap_err();
        assert!(err.to_string().contains("unknown format 'png'"), "{err}");
        assert!(err.to_string().contains("html, all"), "lists the names: {err}");
        assert_eq!(err.exit_code(), 2);
    }

    // Issue 19: `entities --kind talk` was accepted and returned nothing.
    #[test]
    fn entities_kind_talk_is_refused() {
        let err = Cli::try_parse_from(["talkgraph", "entities", "--kind", "talk"]).unwrap_err();
        assert!(err.to_string().contains("not 'talk'"), "{err}");
        assert_eq!(err.exit_code(), 2);
    }

    // Issue 19: `--min-weight -1` gave clap's tip to write `-- -1`.
    #[test]
    fn negative_min_weight_says_what_a_weight_is() {
        let err = Cli::try_parse_from(["talkgraph", "--min-weight", "-1"]).unwrap_err();
        assert!(err.to_string().contains("1 or more"), "{err}");
        assert!(!err.to_string().contains("-- -1"), "{err}");
        assert_eq!(err.exit_code(), 2);
        let o = Cli::try_parse_from(["talkgraph", "--min-weight", "2"]).expect("valid").build_args().to_options();
        assert_eq!(o.expect("valid").view.min_weight, Some(2));
    }

    // Issue 19: a mistyped command was read as a missing path.
    #[test]
    fn mistyped_command_names_the_command() {
        let cli = Cli::try_parse_from(["talkgraph", "entites"]).expect("parses as a path");
        let err = cli.build_args().to_options().unwrap_err();
        assert!(matches!(err, Error::Usage(_)), "{err}");
        assert!(err.to_string().contains("`talkgraph entities`"), "{err}");
    }

    #[test]
    fn flag_combinations_are_checked_when_options_are_made() {
        let cli = Cli::try_parse_from(["talkgraph", "-o", "-"]).expect("parses");
        assert!(matches!(cli.build_args().to_options(), Err(Error::Usage(_))));
        let cli = Cli::try_parse_from(["talkgraph", "--format", "csv", "--render", "svg"]).expect("parses");
        assert!(matches!(cli.build_args().to_options(), Err(Error::Usage(_))));
        let cli = Cli::try_parse_from(["talkgraph", "--format", "csv", "-o", "-"]).expect("parses");
        assert!(matches!(cli.build_args().to_options(), Err(Error::Usage(_))));
    }

    #[test]
    fn common_flags_are_shared() {
        for args in [["talkgraph", "-j", "0"], ["talkgraph", "-q", "-j0"]] {
            assert_eq!(Cli::try_parse_from(args).expect("valid").build_args().common.threads, Some(0));
        }
        let cli = Cli::try_parse_from(["talkgraph", "entities", "-j", "3", "--lexicon", "x.toml"]).expect("valid");
        let Some(Command::Entities(e)) = cli.command else { panic!("entities") };
        assert_eq!((e.common.threads, e.common.lexicon), (Some(3), Some(PathBuf::from("x.toml"))));
    }

    #[test]
    fn completions_and_man_parse() {
        let cli = Cli::try_parse_from(["talkgraph", "completions", "zsh"]).expect("valid");
        assert!(matches!(
            cli.command,
            Some(Command::Completions(CompletionsArgs { shell: clap_complete::Shell::Zsh }))
        ));
        assert!(matches!(Cli::try_parse_from(["talkgraph", "man"]).expect("valid").command, Some(Command::Man)));
    }
}
