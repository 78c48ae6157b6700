//! The command line: clap derive types only, and one function per command turning
//! them into library options. Nothing else in the library sees clap.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::export::{CsvFlavor, ExportOptions, Format, Layout, RenderFormat};
use crate::graph::{NodeKind, View, ViewOptions};
use crate::{Options, Output};

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
  talkgraph notes --view topics --min-weight 2   the topic map, weak links dropped
  talkgraph notes --focus cpython --depth 2      what surrounds one entity
  talkgraph entities notes --kind technology --explain   what was found, and why

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
    /// Print the structure found: events, days, talks with their lines and speakers.
    #[command(after_help = OUTLINE_EXAMPLES)]
    Outline(OutlineArgs),
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
    /// Note files, or folders searched recursively for .md, .markdown and .txt.
    #[arg(value_name = "PATH", default_value = "notes", value_hint = clap::ValueHint::AnyPath)]
    pub paths: Vec<PathBuf>,
    /// Only entities of this kind (person, technology, organization, pep, version).
    #[arg(long, value_name = "KIND", value_parser = parse_kind)]
    pub kind: Option<NodeKind>,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
    /// Add every surface form merged into each entity with the rule that merged it,
    /// and the near misses that were not merged.
    #[arg(long)]
    pub explain: bool,
    /// A lexicon file (TOML) adding to and overriding the built-in one.
    #[arg(long, value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    pub lexicon: Option<PathBuf>,
    /// Worker threads (default: all cores).
    #[arg(short = 'j', long, value_name = "N")]
    pub threads: Option<usize>,
    /// Print no warnings.
    #[arg(short = 'q', long)]
    pub quiet: bool,
    /// Exit with status 1 when there was any warning.
    #[arg(long)]
    pub strict: bool,
}

/// Arguments of `build`.
#[derive(Debug, Clone, Args)]
pub struct BuildArgs {
    /// Note files, or folders searched recursively for .md, .markdown and .txt.
    #[arg(value_name = "PATH", default_value = "notes", value_hint = clap::ValueHint::AnyPath)]
    pub paths: Vec<PathBuf>,
    /// Output folder, or `-` for standard output (one format only).
    #[arg(short = 'o', long = "out", value_name = "DIR", default_value = "out", value_hint = clap::ValueHint::DirPath)]
    pub out: PathBuf,
    /// Formats to write, comma-separated: dot, jsonld, csv, graphml, gexf, mermaid,
    /// cypher, or all; none builds the graph and writes nothing (with --stats, to time
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
    /// Drop edges whose weight is below N.
    #[arg(long, value_name = "N")]
    pub min_weight: Option<u32>,
    /// Keep only nodes of these kinds (event, talk, person, technology, organization, pep, version).
    #[arg(long, value_name = "LIST", value_delimiter = ',', value_parser = parse_kind)]
    pub kinds: Option<Vec<NodeKind>>,
    /// A lexicon file (TOML) adding to and overriding the built-in one.
    #[arg(long, value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    pub lexicon: Option<PathBuf>,
    /// Prefix CSV cells starting with = + - @ with ' so spreadsheets do not run them.
    #[arg(long)]
    pub csv_safe: bool,
    /// CSV layout: gephi (nodes.csv + edges.csv, for Gephi's Import spreadsheet) or
    /// neo4j (a file per label and relationship type, for neo4j-admin import).
    #[arg(long = "csv", value_name = "LAYOUT", default_value = "gephi", value_parser = parse_csv_flavor)]
    pub csv_flavor: CsvFlavor,
    /// Graphviz layout engine named in graph.dot and used by --render: dot, sfdp
    /// (large graphs) or neato.
    #[arg(long, value_name = "ENGINE", default_value = "dot", value_parser = parse_layout)]
    pub layout: Layout,
    /// After writing graph.dot, render it with Graphviz to these formats,
    /// comma-separated: svg, png, pdf (needs Graphviz's `dot` on PATH).
    #[arg(long, value_name = "LIST", value_delimiter = ',', value_parser = parse_render)]
    pub render: Vec<RenderFormat>,
    /// Worker threads (default: all cores).
    #[arg(short = 'j', long, value_name = "N")]
    pub threads: Option<usize>,
    /// Print no warnings.
    #[arg(short = 'q', long)]
    pub quiet: bool,
    /// Exit with status 1 when there was any warning (outputs are still written).
    #[arg(long)]
    pub strict: bool,
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
    Layout::from_name(s).ok_or_else(|| format!("unknown layout '{s}' (expected dot, sfdp or neato)"))
}

fn parse_render(s: &str) -> Result<RenderFormat, String> {
    RenderFormat::from_name(s).ok_or_else(|| format!("unknown picture format '{s}' (expected svg, png or pdf)"))
}

fn parse_view(s: &str) -> Result<View, String> {
    View::from_name(s).ok_or_else(|| format!("unknown view '{s}' (expected full, topics or speakers)"))
}

fn parse_kind(s: &str) -> Result<NodeKind, String> {
    NodeKind::from_name(s).ok_or_else(|| {
        format!("unknown kind '{s}' (expected event, talk, person, technology, organization, pep or version)")
    })
}

impl BuildArgs {
    /// The library options these arguments ask for.
    pub fn to_options(&self) -> Options {
        let mut formats: Vec<Format> = self.format.iter().flatten().copied().collect();
        let mut seen = std::collections::HashSet::new();
        formats.retain(|f| seen.insert(*f));
        Options {
            inputs: self.paths.clone(),
            output: if self.out.as_os_str() == "-" { Output::Stdout } else { Output::Dir(self.out.clone()) },
            formats,
            export: ExportOptions {
                csv_safe: self.csv_safe,
                csv_flavor: self.csv_flavor,
                layout: self.layout,
                render: {
                    let mut r = self.render.clone();
                    r.sort();
                    r.dedup();
                    r
                },
            },
            view: ViewOptions {
                view: self.view,
                focus: self.focus.clone(),
                depth: self.depth,
                min_weight: self.min_weight,
                kinds: self.kinds.clone(),
            },
            lexicon: self.lexicon.clone(),
            threads: self.threads,
            progress: !self.quiet,
        }
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
        let o = cli.build_args().to_options();
        assert_eq!(o.inputs, [PathBuf::from("notes")]);
        assert_eq!(o.output, Output::Dir("out".into()));
        assert_eq!(o.formats, [Format::Dot, Format::JsonLd, Format::Csv]);
    }

    #[test]
    fn build_subcommand_is_the_same() {
        let cli = Cli::try_parse_from(["talkgraph", "build", "a.md", "-o", "-", "--format", "dot"]).expect("valid");
        let o = cli.build_args().to_options();
        assert_eq!(o.inputs, [PathBuf::from("a.md")]);
        assert_eq!(o.output, Output::Stdout);
        assert_eq!(o.formats, [Format::Dot]);
    }

    #[test]
    fn format_all_and_duplicates() {
        let cli = Cli::try_parse_from(["talkgraph", "--format", "csv,all"]).expect("valid");
        assert_eq!(
            cli.build_args().to_options().formats,
            [Format::Csv, Format::Dot, Format::JsonLd, Format::GraphMl, Format::Gexf, Format::Mermaid, Format::Cypher]
        );
    }

    #[test]
    fn every_format_name_parses() {
        for f in Format::ALL {
            let cli = Cli::try_parse_from(["talkgraph", "--format", f.name()]).expect("valid");
            assert_eq!(cli.build_args().to_options().formats, [f]);
        }
        let cli = Cli::try_parse_from(["talkgraph", "-f", "JSON-LD,mmd,cql"]).expect("aliases");
        assert_eq!(cli.build_args().to_options().formats, [Format::JsonLd, Format::Mermaid, Format::Cypher]);
    }

    #[test]
    fn export_defaults() {
        let o = Cli::try_parse_from(["talkgraph"]).expect("valid").build_args().to_options();
        assert_eq!(o.export, ExportOptions::default());
        assert_eq!(o.export.csv_flavor, CsvFlavor::Gephi);
        assert_eq!(o.export.layout, Layout::Dot);
        assert!(o.export.render.is_empty());
    }

    #[test]
    fn csv_layout_flag() {
        let o = Cli::try_parse_from(["talkgraph", "--csv", "neo4j"]).expect("valid").build_args().to_options();
        assert_eq!(o.export.csv_flavor, CsvFlavor::Neo4j);
        let o = Cli::try_parse_from(["talkgraph", "--csv", "Gephi"]).expect("valid").build_args().to_options();
        assert_eq!(o.export.csv_flavor, CsvFlavor::Gephi);
        let err = Cli::try_parse_from(["talkgraph", "--csv", "excel"]).unwrap_err();
        assert!(err.to_string().contains("unknown CSV layout 'excel'"), "{err}");
        assert_eq!(err.exit_code(), 2);
    }

    #[test]
    fn layout_flag() {
        for (name, want) in [("dot", Layout::Dot), ("sfdp", Layout::Sfdp), ("NEATO", Layout::Neato)] {
            let o = Cli::try_parse_from(["talkgraph", "--layout", name]).expect("valid").build_args().to_options();
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
            .to_options();
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
        assert!(e.explain && e.json && !e.strict);
        let err = Cli::try_parse_from(["talkgraph", "entities", "--kind", "planet"]).unwrap_err();
        assert_eq!(err.exit_code(), 2);
    }

    #[test]
    fn strict_flag() {
        assert!(Cli::try_parse_from(["talkgraph", "--strict"]).expect("valid").build_args().strict);
        assert!(!Cli::try_parse_from(["talkgraph"]).expect("valid").build_args().strict);
    }

    #[test]
    fn format_none_writes_nothing() {
        let o = Cli::try_parse_from(["talkgraph", "--format", "none"]).expect("valid").build_args().to_options();
        assert!(o.formats.is_empty());
    }

    #[test]
    fn unknown_format_is_a_usage_error() {
        let err = Cli::try_parse_from(["talkgraph", "--format", "dot,png"]).unwrap_err();
        assert!(err.to_string().contains("unknown format 'png'"), "{err}");
        assert!(err.to_string().contains("cypher, all"), "lists the names: {err}");
        assert_eq!(err.exit_code(), 2);
    }
}
