//! Cypher: a script that loads the graph into Neo4j (5.x) or Memgraph, and can be run
//! again without changing anything.
//!
//! # The contract
//!
//! `graph.cypher` is a list of statements, each ending with `;` at the end of a line.
//! Neo4j runs it as it is: `cypher-shell -f graph.cypher`. Memgraph has its own
//! constraint syntax, given in a comment above each Neo4j one; swap them as you load:
//! `sed -E '/^CREATE CONSTRAINT talkgraph_/d; s#^// Memgraph: ##' graph.cypher | mgconsole`.
//!
//! 1. one uniqueness constraint per label present, Neo4j 5 syntax:
//!    `CREATE CONSTRAINT talkgraph_Talk_id IF NOT EXISTS FOR (n:Talk) REQUIRE n.id IS UNIQUE;`
//!    (each preceded by Memgraph's form as a `//` comment:
//!    `CREATE CONSTRAINT ON (n:Talk) ASSERT n.id IS UNIQUE;`);
//! 2. nodes, per label, in batches of at most [`BATCH`] rows:
//!    `UNWIND [{id: 'talk:day1#22', props: {name: '…', line: 22}}, …] AS row
//!    MERGE (n:Talk {id: row.id}) SET n += row.props;`
//! 3. relationships, per type and pair of end labels (so that `MATCH` uses the
//!    constraint's index; two `MATCH` clauses rather than one with a comma, which Neo4j
//!    flags as a possible cartesian product), in batches:
//!    `UNWIND [{from: '…', to: '…', props: {weight: 2, confidence: 'exact', lines: ['notes/a.md:5']}}, …] AS row
//!    MATCH (a:Talk {id: row.from}) MATCH (b:Technology {id: row.to})
//!    MERGE (a)-[r:MENTIONS]->(b) SET r += row.props;`
//!
//! Labels, properties and relationship types are the Neo4j CSV layout's (see
//! [`super::csv`]): the same graph whichever way it is loaded. `MERGE` on the id and on
//! the relationship, then `SET +=`, makes a second run a no-op. Unknown properties and
//! empty lists are left out.
//!
//! # Literals
//!
//! Strings are single-quoted by [`string`], the one place that escapes for Cypher:
//! `\` → `\\`, `'` → `\'`, line feed → `\n`, carriage return → `\r`, tab → `\t`, any
//! other control character → `\uXXXX`. Everything else, `"` and emoji included, is
//! written as it is (the script is UTF-8). Numbers are written as integers.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Write;

use super::table::{kind_row, rel_type};
use super::{ExportError, ExportOptions};
use crate::graph::{AttrValue, KnowledgeGraph, NodeKind};

/// Rows per `UNWIND` statement.
pub const BATCH: usize = 1000;

/// Quotes `s` as a Cypher string literal (rules in the module doc).
///
/// ```
/// assert_eq!(talkgraph::export::cypher::string("it's \\ \"fine\""), r#"'it\'s \\ "fine"'"#);
/// ```
pub fn string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('\'');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

/// A property value.
enum Val<'a> {
    Str(&'a str),
    Int(i64),
    List(Vec<String>),
}

fn map(entries: &[(&str, Val<'_>)]) -> String {
    let mut out = String::from("{");
    for (i, (k, v)) in entries.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(k);
        out.push_str(": ");
        match v {
            Val::Str(s) => out.push_str(&string(s)),
            Val::Int(n) => {
                let _ = write!(out, "{n}");
            }
            Val::List(items) => {
                out.push('[');
                out.push_str(&items.iter().map(|s| string(s)).collect::<Vec<_>>().join(", "));
                out.push(']');
            }
        }
    }
    out.push('}');
    out
}

fn unwind(w: &mut dyn Write, rows: &[String], tail: &str) -> std::io::Result<()> {
    for chunk in rows.chunks(BATCH) {
        writeln!(w, "UNWIND [")?;
        for (i, row) in chunk.iter().enumerate() {
            let comma = if i + 1 < chunk.len() { "," } else { "" };
            writeln!(w, "  {row}{comma}")?;
        }
        writeln!(w, "] AS row")?;
        writeln!(w, "{tail};")?;
    }
    Ok(())
}

/// Writes the Cypher script of `graph`.
///
/// ```
/// use talkgraph::{build_graph, extract::Knowledge};
///
/// let dir = tempfile::tempdir().unwrap();
/// std::fs::write(dir.path().join("day1.md"), "## Talk 1: Faster CPython\n\nMark Shannon\n\nPEP 659 in 3.11\n").unwrap();
/// let built = build_graph(&[dir.path().to_path_buf()], &Knowledge::builtin(), None).unwrap();
/// let mut out = Vec::new();
/// talkgraph::export::cypher::write(&built.graph, &Default::default(), &mut out).unwrap();
/// let script = String::from_utf8(out).unwrap();
/// assert!(script.contains("CREATE CONSTRAINT talkgraph_PEP_id IF NOT EXISTS FOR (n:PEP) REQUIRE n.id IS UNIQUE;"));
/// assert!(script.contains("{id: 'pep:659', props: {name: 'PEP 659', identifier: 'PEP 659'"));
/// assert!(script.contains("MERGE (a)-[r:MENTIONS]->(b) SET r += row.props;"));
/// ```
pub fn write(graph: &KnowledgeGraph, _opts: &ExportOptions, w: &mut dyn Write) -> Result<(), ExportError> {
    writeln!(w, "// talkgraph: {} nodes, {} relationships.", graph.node_count(), graph.edge_count())?;
    writeln!(w, "// Neo4j: cypher-shell -f graph.cypher")?;
    writeln!(
        w,
        "// For Memgraph: sed -E '/^CREATE CONSTRAINT talkgraph_/d; s#^// Memgraph: ##' graph.cypher | mgconsole"
    )?;
    writeln!(w, "// Safe to run again: MERGE on ids, then SET.")?;
    let kinds: Vec<NodeKind> = NodeKind::ALL.into_iter().filter(|k| graph.count(*k) > 0).collect();
    for kind in &kinds {
        let label = kind.name();
        writeln!(w, "// Memgraph: CREATE CONSTRAINT ON (n:{label}) ASSERT n.id IS UNIQUE;")?;
        writeln!(w, "CREATE CONSTRAINT talkgraph_{label}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE;")?;
    }
    for kind in &kinds {
        let props = kind_row(*kind).neo4j;
        let rows: Vec<String> = graph
            .nodes()
            .filter(|(_, n)| n.kind == *kind)
            .map(|(_, n)| {
                let mut p = vec![("name", Val::Str(&n.label))];
                for a in props {
                    match n.attr(*a) {
                        Some(AttrValue::Text(v)) => p.push((a.name(), Val::Str(v))),
                        Some(AttrValue::Number(i)) => p.push((a.name(), Val::Int(i64::from(i)))),
                        None => {}
                    }
                }
                if !n.aliases.is_empty() {
                    p.push(("aliases", Val::List(n.aliases.iter().cloned().collect())));
                }
                format!("{{id: {}, props: {}}}", string(&n.id), map(&p))
            })
            .collect();
        unwind(w, &rows, &format!("MERGE (n:{} {{id: row.id}}) SET n += row.props", kind.name()))?;
    }
    let mut groups: BTreeMap<(crate::graph::EdgeKind, NodeKind, NodeKind), Vec<String>> = BTreeMap::new();
    for (s, t, e) in graph.edges() {
        let confidence = e.confidence.to_string();
        let mut p = vec![("weight", Val::Int(i64::from(e.weight))), ("confidence", Val::Str(&confidence))];
        if !e.evidence.is_empty() {
            p.push(("lines", Val::List(graph.evidence(e).map(|a| a.to_string()).collect())));
        }
        let row = format!("{{from: {}, to: {}, props: {}}}", string(&s.id), string(&t.id), map(&p));
        groups.entry((e.kind, s.kind, t.kind)).or_default().push(row);
    }
    for ((kind, from, to), rows) in groups {
        let tail = format!(
            "MATCH (a:{} {{id: row.from}})\nMATCH (b:{} {{id: row.to}})\nMERGE (a)-[r:{}]->(b) SET r += row.props",
            from.name(),
            to.name(),
            rel_type(kind)
        );
        unwind(w, &rows, &tail)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::fixtures::sample_graph;

    #[test]
    fn string_escaping_table() {
        let cases = [
            ("plain", "'plain'"),
            ("it's", r"'it\'s'"),
            (r"back\slash", r"'back\\slash'"),
            ("ends in \\", r"'ends in \\'"),
            ("two\nlines", r"'two\nlines'"),
            ("cr\rtab\t", r"'cr\rtab\t'"),
            ("bell\u{7}nul\u{0}", r"'bell\u0007nul\u0000'"),
            ("\"double\"", "'\"double\"'"),
            ("<a> & b, =c", "'<a> & b, =c'"),
            ("Łukasz 🐍", "'Łukasz 🐍'"),
            ("", "''"),
        ];
        for (input, want) in cases {
            assert_eq!(string(input), want, "{input:?}");
        }
    }

    fn script() -> String {
        let mut buf = Vec::new();
        write(&sample_graph(), &ExportOptions::default(), &mut buf).unwrap();
        String::from_utf8(buf).unwrap()
    }

    #[test]
    fn constraints_then_nodes_then_relationships() {
        let s = script();
        let constraint =
            s.find("CREATE CONSTRAINT talkgraph_Talk_id IF NOT EXISTS FOR (n:Talk) REQUIRE n.id IS UNIQUE;");
        let nodes = s.find("MERGE (n:Talk {id: row.id}) SET n += row.props;");
        let rels = s.find("MERGE (a)-[r:MENTIONS]->(b) SET r += row.props;");
        assert!(constraint.is_some() && nodes.is_some() && rels.is_some(), "{s}");
        assert!(constraint < nodes && nodes < rels);
        assert!(!s.contains("(n:Version)"), "no constraint for a label with no nodes");
        assert!(s.contains("MATCH (a:Talk {id: row.from})\nMATCH (b:Technology {id: row.to})\n"), "{s}");
    }

    #[test]
    fn rows_carry_typed_properties() {
        let s = script();
        assert!(
            s.contains("{id: 'talk:day#3', props: {name: 'Faster CPython', talk_kind: 'talk', date: '2024-05-15', file: 'notes/day.md', line: 3}}"),
            "{s}"
        );
        assert!(
            s.contains("{from: 'talk:day#3', to: 'technology:cpython', props: {weight: 2, confidence: 'exact', lines: ['notes/day.md:5', 'notes/day.md:6']}}"),
            "{s}"
        );
        assert!(s.contains(r#"name: 'Rust & <Python>, "fast"\\'"#), "hostile title escaped: {s}");
    }

    #[test]
    fn every_node_and_edge_is_written_once() {
        let s = script();
        let g = sample_graph();
        assert_eq!(s.matches("{id: '").count(), g.node_count());
        assert_eq!(s.matches("{from: '").count(), g.edge_count());
        let statements = s.lines().filter(|l| !l.starts_with("//")).collect::<Vec<_>>().join("\n");
        assert_eq!(statements.matches(";\n").count() + usize::from(statements.ends_with(';')), {
            let kinds = NodeKind::ALL.iter().filter(|k| g.count(**k) > 0).count();
            let groups: std::collections::BTreeSet<_> = g.edges().map(|(a, b, e)| (e.kind, a.kind, b.kind)).collect();
            2 * kinds + groups.len()
        });
    }
}
