//! CSV node and edge tables, in the layout Gephi's *Import spreadsheet* takes as it is.
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
//! `;`-separated).
//!
//! Quoting is the csv crate's (RFC 4180). With `--csv-safe`, a cell that starts with
//! `=`, `+`, `-`, `@`, tab or carriage return gets a leading `'` so that spreadsheet
//! programs show it as text instead of running it as a formula.

use std::borrow::Cow;
use std::io::Write;

use super::{ExportError, ExportOptions};
use crate::graph::KnowledgeGraph;

/// Node attributes written as columns, in order.
pub const NODE_ATTRS: [&str; 13] = [
    "category",
    "date",
    "url",
    "homepage",
    "pypi",
    "wikidata",
    "title",
    "status",
    "type",
    "python_version",
    "talk_kind",
    "file",
    "line",
];

fn cell<'a>(s: &'a str, opts: &ExportOptions) -> Cow<'a, str> {
    if opts.csv_safe && s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

/// Writes `nodes.csv`.
pub fn write_nodes(graph: &KnowledgeGraph, opts: &ExportOptions, w: &mut dyn Write) -> Result<(), ExportError> {
    let mut out = ::csv::Writer::from_writer(w);
    let mut header = vec!["Id", "Label", "kind"];
    header.extend(NODE_ATTRS);
    header.push("aliases");
    out.write_record(&header)?;
    let mut row: Vec<Cow<'_, str>> = Vec::with_capacity(header.len());
    for (_, n) in graph.nodes() {
        row.clear();
        row.push(cell(&n.id, opts));
        row.push(cell(&n.label, opts));
        row.push(Cow::Borrowed(n.kind.name()));
        for a in NODE_ATTRS {
            row.push(cell(n.attr(a).unwrap_or(""), opts));
        }
        let aliases = n.aliases.iter().map(String::as_str).collect::<Vec<_>>().join(";");
        row.push(Cow::Owned(cell(&aliases, opts).into_owned()));
        out.write_record(row.iter().map(|c| c.as_bytes()))?;
    }
    out.flush()?;
    Ok(())
}

/// Writes `edges.csv`.
pub fn write_edges(graph: &KnowledgeGraph, opts: &ExportOptions, w: &mut dyn Write) -> Result<(), ExportError> {
    let mut out = ::csv::Writer::from_writer(w);
    out.write_record(["Source", "Target", "Type", "Label", "Weight", "evidence"])?;
    for (s, t, e) in graph.edges() {
        let evidence = e.evidence.iter().map(ToString::to_string).collect::<Vec<_>>().join(";");
        let weight = e.weight.to_string();
        out.write_record([
            cell(&s.id, opts).as_ref(),
            cell(&t.id, opts).as_ref(),
            if e.kind.is_undirected() { "Undirected" } else { "Directed" },
            e.kind.name(),
            &weight,
            cell(&evidence, opts).as_ref(),
        ])?;
    }
    out.flush()?;
    Ok(())
}
