//! The one table of what the formats write about nodes and relations: the node
//! attributes and their types, and per node kind and per relation the names each
//! format gives them. A new kind, attribute or relation is added here, and every
//! format picks it up (the compiler points at each `match` to extend).
//!
//! | kind | JSON-LD `@type` | JSON-LD attributes | DOT `shape` | Mermaid shape | Neo4j properties |
//! |---|---|---|---|---|---|
//! | Event | `Event` | `startDate` | `tab` | `{{…}}` hexagon | `date` |
//! | Talk | `EducationEvent` | `tg:talkKind`, `startDate` | `box` (rounded) | `[…]` rectangle | `talk_kind`, `date`, `file`, `line:int` |
//! | Person | `Person` | | `ellipse` | `([…])` stadium | |
//! | Technology | `SoftwareApplication` | `applicationCategory` | `component` | `(…)` rounded | `category`, `homepage`, `pypi`, `wikidata` |
//! | Topic | `DefinedTerm` | `tg:category` | `parallelogram` | `[\…\]` lean left | as Technology |
//! | Organization | `Organization` | `tg:category` | `house` | `[[…]]` subroutine | as Technology |
//! | PEP | `TechArticle` | `creativeWorkStatus`, `tg:pepType`, `tg:pythonVersion` | `note` | `[/…/]` parallelogram | `identifier`, `title`, `status`, `type`, `python_version`, `url` |
//! | Version | `SoftwareApplication`, `tg:Version` | | `cds` | `((…))` circle | |
//!
//! Relations are named by [`EdgeKind::name`] (`part_of`, `mentions`, ...) in CSV,
//! GraphML, GEXF, Mermaid and DOT; Neo4j and Cypher write [`rel_type`] (`MENTIONS`).
//! Per relation ([`rel_row`], [`jsonld_props`]):
//!
//! | relation | JSON-LD property of the holder | DOT line | Mermaid link |
//! |---|---|---|---|
//! | `part_of` | `superEvent` | plain | `-->` |
//! | `presented_by` | `performer` | plain | `-->` |
//! | `moderated_by` | `contributor` | dashed | `-.->` dotted |
//! | `mentions` | `about`, and `tg:mention` (a `tg:Mention`) | plain | `-->` |
//! | `authored` | `author`, held by the PEP | plain | `-->` |
//! | `developed_by` | `creator`; `parentOrganization` from an organisation | plain | `-->` |
//! | `version_of` | `tg:versionOf` ([`rdf_term`]) | plain | `-->` |
//! | `co_mentioned` | `tg:coMention` (a `tg:CoMention`) | dashed, no arrow | `---` |
//! | `spoke_about` | `tg:spokeAbout` ([`rdf_term`]) | plain | `-->` |
//!
//! Undirected relations ([`EdgeKind::is_undirected`], `co_mentioned`) are the only
//! ones written without a direction. An `inferred` link is dotted in DOT whatever its
//! relation.

use crate::graph::{Attr, EdgeKind, KnowledgeGraph, NodeKind};

/// Node attributes written as columns (CSV) or keys (GraphML, GEXF), in order.
pub const NODE_ATTRS: [Attr; 14] = [
    Attr::Category,
    Attr::Date,
    Attr::Url,
    Attr::Homepage,
    Attr::Pypi,
    Attr::Npm,
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
    /// JSON-LD: the attributes written as properties of their own, with their names,
    /// in order (a PEP's `identifier` and `url` and a version's `softwareVersion` are
    /// made from more than one attribute, by the JSON-LD writer).
    pub jsonld_attrs: &'static [(&'static str, Attr)],
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
    const TOPIC: &[Attr] = &[Attr::Category, Attr::Homepage, Attr::Pypi, Attr::Npm, Attr::Wikidata];
    type Row = (&'static [&'static str], &'static [(&'static str, Attr)], &'static str, (&'static str, &'static str));
    let ((rdf_types, jsonld_attrs, dot_shape, mermaid), neo4j): (Row, &[Attr]) = match kind {
        NodeKind::Event => ((&["Event"], &[("startDate", Attr::Date)], "tab", ("{{", "}}")), &[Attr::Date]),
        NodeKind::Talk => (
            (&["EducationEvent"], &[("tg:talkKind", Attr::TalkKind), ("startDate", Attr::Date)], "box", ("[", "]")),
            &[Attr::TalkKind, Attr::Date, Attr::File, Attr::Line],
        ),
        NodeKind::Person => ((&["Person"], &[], "ellipse", ("([", "])")), &[]),
        NodeKind::Technology => {
            ((&["SoftwareApplication"], &[("applicationCategory", Attr::Category)], "component", ("(", ")")), TOPIC)
        }
        NodeKind::Topic => {
            ((&["DefinedTerm"], &[("tg:category", Attr::Category)], "parallelogram", ("[\\", "\\]")), TOPIC)
        }
        NodeKind::Organization => {
            ((&["Organization"], &[("tg:category", Attr::Category)], "house", ("[[", "]]")), TOPIC)
        }
        NodeKind::Pep => (
            (
                &["TechArticle"],
                &[
                    ("creativeWorkStatus", Attr::Status),
                    ("tg:pepType", Attr::Type),
                    ("tg:pythonVersion", Attr::PythonVersion),
                ],
                "note",
                ("[/", "/]"),
            ),
            &[Attr::Identifier, Attr::Title, Attr::Status, Attr::Type, Attr::PythonVersion, Attr::Url],
        ),
        NodeKind::Version => ((&["SoftwareApplication", "tg:Version"], &[], "cds", ("((", "))")), &[]),
    };
    KindRow { rdf_types, jsonld_attrs, dot_shape, mermaid, neo4j }
}

/// A property a relation gives, in JSON-LD, the node that holds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LdProp {
    /// Its name (`performer`, `tg:mention`, ...).
    pub name: &'static str,
    /// Its value.
    pub value: LdValue,
}

/// The value of an [`LdProp`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LdValue {
    /// A link (`{"@id": ...}`) to the edge's other end.
    Link,
    /// A blank node of this type (`tg:Mention`) reifying the edge: its target,
    /// weight, confidence and evidence.
    Reified(&'static str),
}

/// The JSON-LD properties an edge of `kind` from a node of kind `source` gives its
/// holder ([`RelRow::held_by_target`]), in order: one, or two for a mention (the plain
/// schema.org `about` and our reified `tg:mention`).
pub fn jsonld_props(kind: EdgeKind, source: NodeKind) -> &'static [LdProp] {
    const fn link(name: &'static str) -> LdProp {
        LdProp { name, value: LdValue::Link }
    }
    const fn reified(name: &'static str, ty: &'static str) -> LdProp {
        LdProp { name, value: LdValue::Reified(ty) }
    }
    const PART_OF: &[LdProp] = &[link("superEvent")];
    const PRESENTED_BY: &[LdProp] = &[link("performer")];
    const MODERATED_BY: &[LdProp] = &[link("contributor")];
    const MENTIONS: &[LdProp] = &[link("about"), reified("tg:mention", "tg:Mention")];
    const AUTHORED: &[LdProp] = &[link("author")];
    const PARENT: &[LdProp] = &[link("parentOrganization")];
    const CREATOR: &[LdProp] = &[link("creator")];
    const VERSION_OF: &[LdProp] = &[link("tg:versionOf")];
    const CO_MENTIONED: &[LdProp] = &[reified("tg:coMention", "tg:CoMention")];
    const SPOKE_ABOUT: &[LdProp] = &[link("tg:spokeAbout")];
    match kind {
        EdgeKind::PartOf => PART_OF,
        EdgeKind::PresentedBy => PRESENTED_BY,
        EdgeKind::ModeratedBy => MODERATED_BY,
        EdgeKind::Mentions => MENTIONS,
        EdgeKind::Authored => AUTHORED,
        EdgeKind::DevelopedBy if source == NodeKind::Organization => PARENT,
        EdgeKind::DevelopedBy => CREATOR,
        EdgeKind::VersionOf => VERSION_OF,
        EdgeKind::CoMentioned => CO_MENTIONED,
        EdgeKind::SpokeAbout => SPOKE_ABOUT,
    }
}

/// How the formats draw and hold one relation (the second table of the module doc).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RelRow {
    /// JSON-LD: whether the edge's target holds its properties (`authored`: a PEP
    /// names its author), else its source.
    pub held_by_target: bool,
    /// Graphviz: the line's `style`, when not a plain line.
    pub dot_style: Option<&'static str>,
    /// Mermaid: the link between the two ends.
    pub mermaid_link: &'static str,
}

/// The row of a relation.
pub fn rel_row(kind: EdgeKind) -> RelRow {
    let (dot_style, mermaid_link) = match kind {
        EdgeKind::ModeratedBy => (Some("dashed"), "-.->"),
        EdgeKind::CoMentioned => (Some("dashed"), "---"),
        _ => (None, "-->"),
    };
    RelRow { held_by_target: kind == EdgeKind::Authored, dot_style, mermaid_link }
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
    fn our_terms_are_the_relation_names_in_camel_case() {
        for kind in EdgeKind::ALL {
            for source in NodeKind::ALL {
                for p in jsonld_props(kind, source).iter().filter(|p| p.value == LdValue::Link) {
                    assert!(!p.name.starts_with("tg:") || p.name == rdf_term(kind), "{kind}: {}", p.name);
                }
            }
        }
    }

    #[test]
    fn relations_are_drawn_apart_from_their_neighbours() {
        // A moderator is not drawn as a speaker: their line differs in DOT and Mermaid.
        let (presents, moderates) = (rel_row(EdgeKind::PresentedBy), rel_row(EdgeKind::ModeratedBy));
        assert_ne!(presents.dot_style, moderates.dot_style);
        assert_ne!(presents.mermaid_link, moderates.mermaid_link);
        // Only undirected relations are drawn without an arrow head.
        for kind in EdgeKind::ALL {
            assert_eq!(rel_row(kind).mermaid_link == "---", kind.is_undirected(), "{kind}");
        }
    }

    #[test]
    fn relation_names() {
        assert_eq!(rel_type(EdgeKind::CoMentioned), "CO_MENTIONED");
        assert_eq!(rdf_term(EdgeKind::SpokeAbout), "tg:spokeAbout");
        assert_eq!(AttrType::of(Attr::Line).xml(), "int");
        assert_eq!(AttrType::of(Attr::Date).xml(), "string");
    }
}
