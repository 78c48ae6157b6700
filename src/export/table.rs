//! The one table of what the formats write about nodes and relations: the node
//! attributes and their types, and per node kind and per relation the names each
//! format gives them. A new kind, attribute or relation is added here, and every
//! format picks it up (the compiler points at each `match` to extend).
//!
//! | kind | JSON-LD `@type` | DOT `shape` | Mermaid shape | Neo4j properties |
//! |---|---|---|---|---|
//! | Event | `Event` | `tab` | `{{…}}` hexagon | `date` |
//! | Talk | `EducationEvent` | `box` (rounded) | `[…]` rectangle | `talk_kind`, `date`, `file`, `line:int` |
//! | Person | `Person` | `ellipse` | `([…])` stadium | |
//! | Technology | `SoftwareApplication` | `component` | `(…)` rounded | `category`, `homepage`, `pypi`, `wikidata` |
//! | Topic | `DefinedTerm` | `parallelogram` | `[\…\]` lean left | as Technology |
//! | Organization | `Organization` | `house` | `[[…]]` subroutine | as Technology |
//! | PEP | `TechArticle` | `note` | `[/…/]` parallelogram | `identifier`, `title`, `status`, `type`, `python_version`, `url` |
//! | Version | `SoftwareApplication`, `tg:Version` | `cds` | `((…))` circle | |
//!
//! Relations are named by [`EdgeKind::name`] (`part_of`, `mentions`, ...) in CSV,
//! GraphML, GEXF, Mermaid and DOT; Neo4j and Cypher write [`rel_type`] (`MENTIONS`),
//! JSON-LD the schema.org property of its own table or [`rdf_term`] (`tg:versionOf`).
//! Undirected relations ([`EdgeKind::is_undirected`], `co_mentioned`) are the only
//! ones written without a direction.

use crate::graph::{Attr, EdgeKind, KnowledgeGraph, NodeKind};

/// Node attributes written as columns (CSV) or keys (GraphML, GEXF), in order.
pub const NODE_ATTRS: [Attr; 13] = [
    Attr::Category,
    Attr::Date,
    Attr::Url,
    Attr::Homepage,
    Attr::Pypi,
    Attr::Wikidata,
    Attr::Title,
    Attr::Status,
    Attr::Type,
    Attr::PythonVersion,
    Attr::TalkKind,
    Attr::File,
    Attr::Line,
];

/// The type of a node attribute's values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttrType {
    /// Text.
    Str,
    /// A whole number (`line`).
    Int,
}

impl AttrType {
    /// The type of attribute `a`: `line` is a number, everything else text.
    pub fn of(a: Attr) -> AttrType {
        if a.is_number() {
            AttrType::Int
        } else {
            AttrType::Str
        }
    }

    /// The XML Schema name (GraphML's `attr.type`): `string` or `int`.
    pub fn xml(self) -> &'static str {
        match self {
            AttrType::Str => "string",
            AttrType::Int => "int",
        }
    }
}

/// The node attributes a GraphML or GEXF file declares: [`NODE_ATTRS`] in order, then
/// any other the graph's nodes hold (a PEP's `identifier`), in name order, so every
/// attribute written has a declaration.
pub fn node_attrs(graph: &KnowledgeGraph) -> Vec<Attr> {
    let mut held = [false; Attr::ALL.len()];
    for (_, n) in graph.nodes() {
        for (a, _) in n.attrs.iter() {
            held[a as usize] = true;
        }
    }
    let extra = Attr::ALL.into_iter().filter(|a| held[*a as usize] && !NODE_ATTRS.contains(a));
    NODE_ATTRS.into_iter().chain(extra).collect()
}

/// Whether the graph has edges and all of them are undirected (`co_mentioned`): the
/// topics view, written as an undirected graph.
pub fn all_undirected(graph: &KnowledgeGraph) -> bool {
    graph.edge_count() > 0 && graph.edges().all(|(_, _, e)| e.kind.is_undirected())
}

/// How the formats name and draw one node kind (the table in the module doc).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KindRow {
    /// JSON-LD `@type`: schema.org types, then ours (`tg:`).
    pub rdf_types: &'static [&'static str],
    /// Graphviz `shape`.
    pub dot_shape: &'static str,
    /// Mermaid's opening and closing brackets.
    pub mermaid: (&'static str, &'static str),
    /// The properties of a Neo4j nodes file (and a Cypher node), in column order
    /// (their import types from [`AttrType::of`]).
    pub neo4j: &'static [Attr],
}

/// The row of a kind.
pub fn kind_row(kind: NodeKind) -> KindRow {
    const TOPIC: &[Attr] = &[Attr::Category, Attr::Homepage, Attr::Pypi, Attr::Wikidata];
    let (rdf_types, dot_shape, mermaid, neo4j): (&[&str], _, _, &[Attr]) = match kind {
        NodeKind::Event => (&["Event"], "tab", ("{{", "}}"), &[Attr::Date]),
        NodeKind::Talk => {
            (&["EducationEvent"], "box", ("[", "]"), &[Attr::TalkKind, Attr::Date, Attr::File, Attr::Line])
        }
        NodeKind::Person => (&["Person"], "ellipse", ("([", "])"), &[]),
        NodeKind::Technology => (&["SoftwareApplication"], "component", ("(", ")"), TOPIC),
        NodeKind::Topic => (&["DefinedTerm"], "parallelogram", ("[\\", "\\]"), TOPIC),
        NodeKind::Organization => (&["Organization"], "house", ("[[", "]]"), TOPIC),
        NodeKind::Pep => (
            &["TechArticle"],
            "note",
            ("[/", "/]"),
            &[Attr::Identifier, Attr::Title, Attr::Status, Attr::Type, Attr::PythonVersion, Attr::Url],
        ),
        NodeKind::Version => (&["SoftwareApplication", "tg:Version"], "cds", ("((", "))"), &[]),
    };
    KindRow { rdf_types, dot_shape, mermaid, neo4j }
}

/// The Neo4j relationship type of a relation: its name in upper case (`MENTIONS`).
pub fn rel_type(kind: EdgeKind) -> String {
    kind.name().to_ascii_uppercase()
}

/// Our RDF term for a relation schema.org has no property for: `tg:` and its name in
/// lower camel case (`version_of` → `tg:versionOf`).
///
/// ```
/// use talkgraph::{export::table::rdf_term, graph::EdgeKind};
/// assert_eq!(rdf_term(EdgeKind::VersionOf), "tg:versionOf");
/// ```
pub fn rdf_term(kind: EdgeKind) -> String {
    let mut out = String::from("tg:");
    let mut upper = false;
    for c in kind.name().chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_drawn_apart() {
        let mut shapes: Vec<_> = NodeKind::ALL.iter().map(|k| kind_row(*k).dot_shape).collect();
        let mut mermaid: Vec<_> = NodeKind::ALL.iter().map(|k| kind_row(*k).mermaid).collect();
        shapes.sort_unstable();
        shapes.dedup();
        mermaid.sort_unstable();
        mermaid.dedup();
        assert_eq!(shapes.len(), NodeKind::ALL.len());
        assert_eq!(mermaid.len(), NodeKind::ALL.len());
    }

    #[test]
    fn neo4j_properties_are_columns_of_nodes_csv() {
        for kind in NodeKind::ALL {
            for p in kind_row(kind).neo4j {
                assert!(NODE_ATTRS.contains(p) || *p == Attr::Identifier, "{p} of {kind:?}");
            }
        }
    }

    #[test]
    fn declared_attributes_are_the_columns_then_those_held() {
        let g = crate::export::fixtures::sample_graph();
        let names: Vec<&str> = node_attrs(&g).iter().map(|a| a.name()).collect();
        assert_eq!(names[..NODE_ATTRS.len()], NODE_ATTRS.map(Attr::name));
        assert_eq!(names[NODE_ATTRS.len()..], ["identifier"]);
    }

    #[test]
    fn relation_names() {
        assert_eq!(rel_type(EdgeKind::CoMentioned), "CO_MENTIONED");
        assert_eq!(rdf_term(EdgeKind::SpokeAbout), "tg:spokeAbout");
        assert_eq!(AttrType::of(Attr::Line).xml(), "int");
        assert_eq!(AttrType::of(Attr::Date).xml(), "string");
    }
}
