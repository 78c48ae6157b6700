//! CSV node and edge tables, in two layouts (`--csv gephi|neo4j`).
//!
//! # Gephi (default)
//!
//! Exactly what Gephi's *File → Import spreadsheet…* takes as it is: `nodes.csv`, then
//! `edges.csv`.
//!
//! `nodes.csv` columns:
//!
//! | column | content |
//! |---|---|
//! | `Id` | stable id (`technology:cpython`) |
//! | `Label` | display name |
//! | `kind` | `Event`, `Talk`, `Person`, `Technology`, `Organization`, `PEP`, `Version` |
//! | `category`, `date`, `url`, `homepage`, `pypi`, `wikidata`, `title`, `status`, `type`, `python_version`, `talk_kind`, `file`, `line` | attributes, empty when unknown |
//! | `aliases` | other spellings seen, `;`-separated |
//!
//! `edges.csv` columns: `Source`, `Target` (node ids), `Type` (`Directed`, or
//! `Undirected` for `co_mentioned`), `Label` (the relation: `part_of`, `presented_by`,
//! `mentions`, `authored`, `developed_by`, `version_of`, `co_mentioned`), `Weight`
//! (how many mentions, or talks for `co_mentioned`), `evidence` (every `file:line`,
//! `;`-separated; empty for `co_mentioned`, whose places are its talks' `mentions`
//! edges, and for `authored`, which comes from the PEP catalogue), `confidence` (how
//! sure the link is: `exact`, `alias`, `case-folded`, `typo:N`, `context`, `inferred`
//! or `user`; see [`crate::extract::Confidence`]).
//!
//! # Neo4j (`--csv neo4j`)
//!
//! Files that `neo4j-admin database import full` takes as they are: one nodes file per
//! label, `nodes_<Label>.csv` (`nodes_Event.csv`, `nodes_Talk.csv`, `nodes_Person.csv`,
//! `nodes_Technology.csv`, `nodes_Organization.csv`, `nodes_PEP.csv`,
//! `nodes_Version.csv`), and one relationships file per type, `rels_<TYPE>.csv`
//! (`rels_PART_OF.csv`, `rels_PRESENTED_BY.csv`, `rels_MENTIONS.csv`,
//! `rels_AUTHORED.csv`, `rels_DEVELOPED_BY.csv`, `rels_VERSION_OF.csv`,
//! `rels_CO_MENTIONED.csv`, and one for any relation a view adds). Every file is
//! written, with its header only when the graph has no such nodes or relationships,
//! so the file list never depends on the data.
//!
//! All nodes share one id space, `Node`: our ids are unique across kinds (they start
//! with the kind). A nodes file's header is `id:ID(Node)`, `:LABEL`, `name`, then the
//! properties of its label, then `aliases:string[]`:
//!
//! | label | properties |
//! |---|---|
//! | `Event` | `date` |
//! | `Talk` | `talk_kind`, `date`, `file`, `line:int` |
//! | `Person` | — |
//! | `Technology`, `Organization` | `category`, `homepage`, `pypi`, `wikidata` |
//! | `PEP` | `identifier`, `title`, `status`, `type`, `python_version`, `url` |
//! | `Version` | — |
//!
//! Because the id column has a name, Neo4j also stores the id as the property `id`
//! (as the Cypher export does). A relationships file's header is `:START_ID(Node)`,
//! `:END_ID(Node)`, `:TYPE`, `weight:int`, `lines:string[]` (every `file:line`),
//! `confidence` (as in `edges.csv`). An
//! unknown property is an empty field, which the importer skips. Arrays use `;`, the
//! importer's default delimiter; titles may hold line breaks, hence
//! `--multiline-fields=true`. The import command (Neo4j 5.x and later), run from the
//! output folder into a new or stopped database, one `--nodes` per nodes file and one
//! `--relationships` per relationships file:
//!
//! ```text
//! neo4j-admin database import full neo4j --overwrite-destination --multiline-fields=true \
//!   --array-delimiter=';' \
//!   $(for f in nodes_*.csv; do printf -- '--nodes=%s ' "$f"; done) \
//!   $(for f in rels_*.csv; do printf -- '--relationships=%s ' "$f"; done)
//! ```
//!
//! that is, today: `--nodes=nodes_Event.csv --nodes=nodes_Talk.csv
//! --nodes=nodes_Person.csv --nodes=nodes_Technology.csv --nodes=nodes_Organization.csv
//! --nodes=nodes_PEP.csv --nodes=nodes_Version.csv --relationships=rels_PART_OF.csv
//! --relationships=rels_PRESENTED_BY.csv --relationships=rels_MENTIONS.csv
//! --relationships=rels_AUTHORED.csv --relationships=rels_DEVELOPED_BY.csv
//! --relationships=rels_VERSION_OF.csv --relationships=rels_CO_MENTIONED.csv`. (A
//! single `--nodes='nodes_.*'` would not do: files matched together are read as one,
//! under the first file's header.)
//!
//! # Quoting
//!
//! Quoting is the csv crate's (RFC 4180: a field with `,`, `"` or a line break is
//! quoted, `"` doubled), which both Gephi and neo4j-admin read. With `--csv-safe`, a
//! cell that starts with `=`, `+`, `-`, `@`, tab or carriage return gets a leading `'`
//! so that spreadsheet programs show it as text instead of running it as a formula
//! (in both layouts: the `'` is then part of the value).

use std::borrow::Cow;
use std::io::Write;

use super::table::{kind_row, rel_type, AttrType, NODE_ATTRS};
use super::{CsvFlavor, ExportError, ExportOptions};
use crate::graph::{measures, AttrValue, EdgeKind, KnowledgeGraph, Node, NodeKind};

/// The Neo4j files: `nodes_<Label>.csv` for each [`NodeKind`], then
/// `rels_<TYPE>.csv` for each [`EdgeKind`], in their `ALL` orders.
pub fn neo4j_files() -> Vec<&'static str> {
    let nodes = NodeKind::ALL.into_iter().map(neo4j_nodes_file);
    nodes.chain(EdgeKind::ALL.into_iter().map(neo4j_rels_file)).collect()
}

/// `nodes_<Label>.csv`: written out, so that [`neo4j_files`] can lend the names
/// without a table built at run time (a unit test checks each against the label).
fn neo4j_nodes_file(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Event => "nodes_Event.csv",
        NodeKind::Talk => "nodes_Talk.csv",
        NodeKind::Person => "nodes_Person.csv",
        NodeKind::Technology => "nodes_Technology.csv",
        NodeKind::Topic => "nodes_Topic.csv",
        NodeKind::Organization => "nodes_Organization.csv",
        NodeKind::Pep => "nodes_PEP.csv",
        NodeKind::Version => "nodes_Version.csv",
    }
}

/// `rels_<TYPE>.csv`, written out as [`neo4j_nodes_file`] is (checked against
/// [`rel_type`] by a unit test).
fn neo4j_rels_file(kind: EdgeKind) -> &'static str {
    match kind {
        EdgeKind::PartOf => "rels_PART_OF.csv",
        EdgeKind::PresentedBy => "rels_PRESENTED_BY.csv",
        EdgeKind::ModeratedBy => "rels_MODERATED_BY.csv",
        EdgeKind::Mentions => "rels_MENTIONS.csv",
        EdgeKind::Authored => "rels_AUTHORED.csv",
        EdgeKind::DevelopedBy => "rels_DEVELOPED_BY.csv",
        EdgeKind::VersionOf => "rels_VERSION_OF.csv",
        EdgeKind::CoMentioned => "rels_CO_MENTIONED.csv",
        EdgeKind::SpokeAbout => "rels_SPOKE_ABOUT.csv",
    }
}

/// Writes the file `file` of the CSV layout `opts` asks for (one of
/// [`Format::files`](super::Format::files) for [`Format::Csv`](super::Format::Csv)).
pub fn write_file(
    file: &str,
    graph: &KnowledgeGraph,
    opts: &ExportOptions,
    w: &mut dyn Write,
) -> Result<(), ExportError> {
    match (opts.csv_flavor, file) {
        (CsvFlavor::Gephi, "nodes.csv") => write_nodes(graph, opts, w),
        (CsvFlavor::Gephi, "edges.csv") => write_edges(graph, opts, w),
        (CsvFlavor::Neo4j, f) => {
            if let Some(kind) = NodeKind::ALL.into_iter().find(|k| f == neo4j_nodes_file(*k)) {
                write_neo4j_nodes(graph, kind, opts, w)
            } else if let Some(kind) = EdgeKind::ALL.into_iter().find(|k| f == neo4j_rels_file(*k)) {
                write_neo4j_rels(graph, kind, opts, w)
            } else {
                Err(not_ours(f))
            }
        }
        (_, f) => Err(not_ours(f)),
    }
}

fn not_ours(file: &str) -> ExportError {
    ExportError::Io(file.into(), std::io::Error::other("not a CSV file of the layout asked for"))
}

fn cell<'a>(s: &'a str, opts: &ExportOptions) -> Cow<'a, str> {
    if opts.csv_safe && s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

/// The cell of attribute `a` of `n`: empty when `n` has none; a number as is.
fn attr_cell<'a>(n: &'a Node, a: crate::graph::Attr, opts: &ExportOptions) -> Cow<'a, str> {
    match n.attr(a) {
        None => Cow::Borrowed(""),
        Some(AttrValue::Text(s)) => cell(s, opts),
        Some(number) => number.to_text(),
    }
}

/// Writes `nodes.csv`.
pub fn write_nodes(graph: &KnowledgeGraph, opts: &ExportOptions, w: &mut dyn Write) -> Result<(), ExportError> {
    let mut out = ::csv::Writer::from_writer(w);
    let mut header = vec!["Id", "Label", "kind"];
    header.extend(NODE_ATTRS.map(|a| a.name()));
    header.push("aliases");
    let measures = graph.measures();
    if measures.is_some() {
        header.extend(measures::ATTRS.iter().map(|a| a.0));
    }
    out.write_record(&header)?;
    let mut row: Vec<Cow<'_, str>> = Vec::with_capacity(header.len());
    for (i, n) in graph.nodes() {
        row.clear();
        row.push(cell(&n.id, opts));
        row.push(cell(&n.label, opts));
        row.push(Cow::Borrowed(n.kind.name()));
        row.extend(NODE_ATTRS.map(|a| attr_cell(n, a, opts)));
        let aliases = n.aliases.iter().map(String::as_str).collect::<Vec<_>>().join(";");
        row.push(Cow::Owned(cell(&aliases, opts).into_owned()));
        if let Some(m) = measures {
            row.extend(m.values(i.index()).map(|v| Cow::Owned(cell(&v, opts).into_owned())));
        }
        out.write_record(row.iter().map(|c| c.as_bytes()))?;
    }
    out.flush()?;
    Ok(())
}

/// Writes `edges.csv`.
pub fn write_edges(graph: &KnowledgeGraph, opts: &ExportOptions, w: &mut dyn Write) -> Result<(), ExportError> {
    let mut out = ::csv::Writer::from_writer(w);
    out.write_record(["Source", "Target", "Type", "Label", "Weight", "evidence", "confidence"])?;
    // One buffer for the evidence and one for the weight, reused row after row.
    let (mut evidence, mut weight) = (String::new(), String::new());
    for (s, t, e) in graph.edges() {
        evidence.clear();
        for (k, at) in graph.evidence(e).enumerate() {
            if k > 0 {
                evidence.push(';');
            }
            at.push_to(&mut evidence);
        }
        weight.clear();
        crate::graph::push_number(&mut weight, e.weight);
        out.write_record([
            cell(&s.id, opts).as_ref(),
            cell(&t.id, opts).as_ref(),
            if e.kind.is_undirected() { "Undirected" } else { "Directed" },
            e.kind.name(),
            &weight,
            cell(&evidence, opts).as_ref(),
            &e.confidence.to_string(),
        ])?;
    }
    out.flush()?;
    Ok(())
}

/// Writes the Neo4j nodes file of one label.
pub fn write_neo4j_nodes(
    graph: &KnowledgeGraph,
    kind: NodeKind,
    opts: &ExportOptions,
    w: &mut dyn Write,
) -> Result<(), ExportError> {
    let mut out = ::csv::Writer::from_writer(w);
    let props = kind_row(kind).neo4j;
    let mut header = vec!["id:ID(Node)".to_string(), ":LABEL".into(), "name".into()];
    header.extend(props.iter().map(|p| match AttrType::of(*p) {
        AttrType::Str => p.name().to_string(),
        AttrType::Int => format!("{p}:int"),
    }));
    header.push("aliases:string[]".into());
    let measures = graph.measures();
    if measures.is_some() {
        header.extend(
            measures::ATTRS.iter().map(|(a, t)| if *t == "string" { a.to_string() } else { format!("{a}:{t}") }),
        );
    }
    out.write_record(&header)?;
    for (i, n) in graph.nodes().filter(|(_, n)| n.kind == kind) {
        let mut row: Vec<Cow<'_, str>> = vec![cell(&n.id, opts), Cow::Borrowed(kind.name()), cell(&n.label, opts)];
        row.extend(props.iter().map(|p| attr_cell(n, *p, opts)));
        let aliases = n.aliases.iter().map(String::as_str).collect::<Vec<_>>().join(";");
        row.push(Cow::Owned(cell(&aliases, opts).into_owned()));
        if let Some(m) = measures {
            row.extend(m.values(i.index()).map(|v| Cow::Owned(cell(&v, opts).into_owned())));
        }
        out.write_record(row.iter().map(|c| c.as_bytes()))?;
    }
    out.flush()?;
    Ok(())
}

/// Writes the Neo4j relationships file of one type.
pub fn write_neo4j_rels(
    graph: &KnowledgeGraph,
    kind: EdgeKind,
    opts: &ExportOptions,
    w: &mut dyn Write,
) -> Result<(), ExportError> {
    let mut out = ::csv::Writer::from_writer(w);
    out.write_record([":START_ID(Node)", ":END_ID(Node)", ":TYPE", "weight:int", "lines:string[]", "confidence"])?;
    let ty = rel_type(kind);
    for (s, t, e) in graph.edges().filter(|(_, _, e)| e.kind == kind) {
        let lines = graph.evidence(e).map(|a| a.to_string()).collect::<Vec<_>>().join(";");
        out.write_record([
            cell(&s.id, opts).as_ref(),
            cell(&t.id, opts).as_ref(),
            &ty,
            &e.weight.to_string(),
            cell(&lines, opts).as_ref(),
            &e.confidence.to_string(),
        ])?;
    }
    out.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::fixtures::sample_graph;
    use std::collections::BTreeSet;

    fn render(f: impl Fn(&mut Vec<u8>) -> Result<(), ExportError>) -> String {
        let mut buf = Vec::new();
        f(&mut buf).unwrap();
        String::from_utf8(buf).unwrap()
    }

    fn records(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
        let mut r = ::csv::Reader::from_reader(text.as_bytes());
        let header = r.headers().unwrap().iter().map(String::from).collect();
        let rows = r.records().map(|r| r.unwrap().iter().map(String::from).collect()).collect();
        (header, rows)
    }

    #[test]
    fn csv_safe_prefixes_formula_starts_only() {
        let safe = ExportOptions { csv_safe: true, ..Default::default() };
        let cases = [
            ("=SUM(A1)", "'=SUM(A1)"),
            ("+1", "'+1"),
            ("-x", "'-x"),
            ("@cmd", "'@cmd"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("a=b", "a=b"),
            ("CPython", "CPython"),
            ("", ""),
            (" =x", " =x"),
        ];
        for (input, want) in cases {
            assert_eq!(cell(input, &safe), want, "{input:?}");
            assert_eq!(cell(input, &ExportOptions::default()), input, "{input:?} untouched without --csv-safe");
        }
    }

    #[test]
    fn every_edge_endpoint_is_a_node_and_counts_match() {
        let g = sample_graph();
        let opts = ExportOptions::default();
        let (nh, nodes) = records(&render(|w| write_nodes(&g, &opts, w)));
        let (eh, edges) = records(&render(|w| write_edges(&g, &opts, w)));
        assert_eq!(&nh[..3], ["Id", "Label", "kind"]);
        assert_eq!(eh, ["Source", "Target", "Type", "Label", "Weight", "evidence", "confidence"]);
        assert_eq!(nodes.len(), g.node_count());
        assert_eq!(edges.len(), g.edge_count());
        let ids: BTreeSet<&str> = nodes.iter().map(|r| r[0].as_str()).collect();
        for e in &edges {
            assert!(ids.contains(e[0].as_str()) && ids.contains(e[1].as_str()), "{e:?}");
            assert!(e[4].parse::<u32>().is_ok(), "weight is an integer: {e:?}");
        }
    }

    #[test]
    fn hostile_names_round_trip_through_the_csv_reader() {
        let g = sample_graph();
        let (_, nodes) = records(&render(|w| write_nodes(&g, &ExportOptions::default(), w)));
        let labels: BTreeSet<&str> = nodes.iter().map(|r| r[1].as_str()).collect();
        for name in ["Rust & <Python>, \"fast\"\\", "=Ana \"Ló\" 🐍", "=cmd|' /C calc'!A0"] {
            assert!(labels.contains(name), "{name:?} not in {labels:?}");
        }
    }

    #[test]
    fn neo4j_files_one_per_label_and_type() {
        let files = neo4j_files();
        assert_eq!(files.len(), NodeKind::ALL.len() + EdgeKind::ALL.len());
        for kind in NodeKind::ALL {
            assert_eq!(neo4j_nodes_file(kind), format!("nodes_{}.csv", kind.name()));
        }
        for kind in EdgeKind::ALL {
            assert_eq!(neo4j_rels_file(kind), format!("rels_{}.csv", rel_type(kind)));
        }
        for f in ["nodes_Event.csv", "nodes_PEP.csv", "nodes_Version.csv", "rels_MENTIONS.csv", "rels_CO_MENTIONED.csv"]
        {
            assert!(files.contains(&f), "{f} in {files:?}");
        }
        let g = sample_graph();
        let opts = ExportOptions { csv_flavor: CsvFlavor::Neo4j, ..Default::default() };
        for f in files {
            assert!(write_file(f, &g, &opts, &mut Vec::new()).is_ok(), "{f} is writable");
        }
    }

    #[test]
    fn neo4j_headers_and_rows() {
        let g = sample_graph();
        let opts = ExportOptions { csv_flavor: CsvFlavor::Neo4j, ..Default::default() };
        let talks = render(|w| write_file("nodes_Talk.csv", &g, &opts, w));
        assert_eq!(
            talks.lines().next().unwrap(),
            "id:ID(Node),:LABEL,name,talk_kind,date,file,line:int,aliases:string[]"
        );
        let (_, rows) = records(&talks);
        assert_eq!(rows.len(), g.count(NodeKind::Talk));
        assert!(rows.iter().all(|r| r[1] == "Talk" && r[6].parse::<u32>().is_ok()), "{rows:?}");
        let mentions = render(|w| write_file("rels_MENTIONS.csv", &g, &opts, w));
        assert_eq!(
            mentions.lines().next().unwrap(),
            ":START_ID(Node),:END_ID(Node),:TYPE,weight:int,lines:string[],confidence"
        );
        let (_, rows) = records(&mentions);
        let cpython = rows.iter().find(|r| r[0] == "talk:day#3" && r[1] == "technology:cpython").expect("edge");
        assert_eq!(cpython[2..], ["MENTIONS", "2", "notes/day.md:5;notes/day.md:6", "exact"]);
        // A label with no nodes still gets its header, so the file list is fixed.
        let versions = render(|w| write_file("nodes_Version.csv", &g, &opts, w));
        assert_eq!(versions, "id:ID(Node),:LABEL,name,aliases:string[]\n");
    }

    #[test]
    fn a_file_of_the_other_layout_is_an_error() {
        let g = sample_graph();
        let neo4j = ExportOptions { csv_flavor: CsvFlavor::Neo4j, ..Default::default() };
        assert!(write_file("nodes.csv", &g, &neo4j, &mut Vec::new()).is_err());
        assert!(write_file("rels_MENTIONS.csv", &g, &ExportOptions::default(), &mut Vec::new()).is_err());
    }
}
