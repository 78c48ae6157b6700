//! JSON-LD: the graph as linked data, in schema.org terms, in serde_json's pretty layout.
//!
//! # The contract
//!
//! One compact JSON-LD document: an inline `@context` (nothing is fetched when it is
//! read) and an `@graph` with one node object per node, in the graph's stable order.
//! A property with one value holds it bare, with several an array (as JSON-LD
//! compaction writes them).
//!
//! ```json
//! "@context": {
//!   "@vocab": "https://schema.org/",
//!   "@base": "https://talkgraph.example/id/",
//!   "tg": "https://talkgraph.example/vocab#"
//! }
//! ```
//!
//! **Ids.** `@id` is our stable id with its first `:` turned into `/`
//! (`technology:cpython` → `technology/cpython`, `talk:europython-2023-day1#22` →
//! `talk/europython-2023-day1#22`): a relative IRI, resolved against `@base` to
//! `https://talkgraph.example/id/technology/cpython`. Written as is, `technology:cpython`
//! would be read as an absolute IRI of a made-up scheme `technology:`; with the slash it
//! cannot be. A talk's line becomes the IRI's fragment, which is what it is: a place in
//! a note. `talkgraph.example` is a reserved domain that never resolves; replace
//! `@base` to mint ids under your own.
//!
//! **Types and properties** (schema.org unless `tg:`):
//!
//! | kind | `@type` | properties |
//! |---|---|---|
//! | Event | `Event` | `name`, `startDate`, `superEvent` (a day → its conference) |
//! | Talk | `EducationEvent` | `name`, `tg:talkKind` (`talk`, `keynote`, `lightning`), `startDate`, `superEvent`, `performer`, `contributor` (a panel's moderator), `about`, `tg:mention`, `tg:evidence` (`file:line` of its heading) |
//! | Person | `Person` | `name`, `alternateName` |
//! | Technology | `SoftwareApplication` | `name`, `alternateName` (spellings seen), `applicationCategory`, `sameAs`, `creator` (developed by) |
//! | Organization | `Organization` | `name`, `alternateName`, `tg:category`, `sameAs`, `parentOrganization` |
//! | PEP | `TechArticle` | `identifier` (`PEP 659`), `name` (its title, else `PEP 659`), `url`, `sameAs` (the same page), `creativeWorkStatus`, `tg:pepType`, `tg:pythonVersion`, `author` |
//! | Version | `SoftwareApplication` + `tg:Version` | `name`, `softwareVersion` (`3.11`), `tg:versionOf` |
//!
//! `sameAs` holds the canonical pages the lexicon knows: the home page,
//! `https://pypi.org/project/<name>/`, `https://www.npmjs.com/package/<name>` and
//! `https://www.wikidata.org/wiki/<Q-id>`; a
//! value that is not an `http(s)` IRI is left out. Links to other nodes are
//! `{"@id": ...}` objects.
//!
//! **Weights and evidence.** A talk's `about` lists what it mentions, for plain
//! schema.org readers; each mention is also reified as a blank node in `tg:mention`:
//! `{"@type": "tg:Mention", "tg:target": {"@id": ...}, "tg:weight": 3, "tg:confidence":
//! "exact", "tg:evidence": ["notes/day1.md:40", ...]}` (`tg:confidence`: how sure the
//! link is, see [`crate::extract::Confidence`]). Co-mentions are reified the same way on the topic with
//! the smaller id: `tg:coMention` → `{"@type": "tg:CoMention", "tg:target", "tg:weight"
//! (talks mentioning both), "tg:evidence" (their heading lines)}`. Weights are JSON
//! numbers (`xsd:integer` in RDF). A relation with no row above (a view's derived
//! edges) is a plain link `tg:<relation in lowerCamelCase>` on its source. The evidence of `part_of` and `presented_by` edges
//! is in the CSV only.

mod nodes;
#[cfg(test)]
mod oracle;
mod pretty;
#[cfg(test)]
mod tests;

use std::collections::BTreeSet;
use std::io::Write;

use petgraph::graph::NodeIndex;
use serde::Serialize;
use serde_json::Value;

use super::iri::is_web_iri;
pub use super::iri::{BASE, VOCAB};
use super::{Chunks, ExportError, ExportOptions};
use crate::graph::{measures, Attr, Edge, KnowledgeGraph, Node, NodeKind};

/// The file and line of a talk's heading, if known. The one way this module reads them.
fn talk_place(n: &Node) -> Option<(&str, u32)> {
    match (n.kind, &n.attrs.talk) {
        (NodeKind::Talk, Some(t)) => Some((&t.file, t.line)),
        _ => None,
    }
}

/// The node an edge `s → t` gives a property to: `authored` is said of the PEP (its
/// target), everything else of the edge's source ([`RelRow::held_by_target`]).
///
/// [`RelRow::held_by_target`]: super::table::RelRow::held_by_target
fn holder(s: NodeIndex, t: NodeIndex, e: &Edge) -> NodeIndex {
    if super::table::rel_row(e.kind).held_by_target {
        t
    } else {
        s
    }
}

/// The canonical pages of a technology, organisation or PEP, without repeats.
fn same_as(n: &Node) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for key in [Attr::Homepage, Attr::Url] {
        if let Some(h) = n.text(key).filter(|h| is_web_iri(h)) {
            out.insert(h.to_string());
        }
    }
    if let Some(p) = n.text(Attr::Pypi) {
        let page = format!("https://pypi.org/project/{p}/");
        if !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric() || "._-".contains(c)) {
            out.insert(page);
        }
    }
    if let Some(p) = n.text(Attr::Npm) {
        // `@scope/name` or `name`: npm's own rules for a package name's characters.
        if !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric() || "._-@/".contains(c)) {
            out.insert(format!("https://www.npmjs.com/package/{p}"));
        }
    }
    if let Some(q) = n.text(Attr::Wikidata) {
        if is_web_iri(q) {
            out.insert(q.to_string());
        } else if q.len() > 1 && q.starts_with('Q') && q[1..].chars().all(|c| c.is_ascii_digit()) {
            out.insert(format!("https://www.wikidata.org/wiki/{q}"));
        }
    }
    out
}

/// The [measures](crate::graph::measures) of node `i`, when computed, as `tg:` terms:
/// `tg:degree`, `tg:weightedDegree`, `tg:pagerank`, `tg:betweenness` (JSON numbers, the
/// floats rounded as every format writes them), `tg:community`, `tg:communityLabel`
/// (for nodes of the topic map).
fn measure_entries(graph: &KnowledgeGraph, i: usize) -> Vec<(&'static str, Value)> {
    let Some(m) = graph.measures() else { return Vec::new() };
    let keys = ["tg:degree", "tg:weightedDegree", "tg:pagerank", "tg:betweenness", "tg:community", "tg:communityLabel"];
    let types = measures::ATTRS.iter().map(|a| a.1);
    let mut out = Vec::with_capacity(keys.len());
    for ((key, ty), v) in keys.into_iter().zip(types).zip(m.values(i)) {
        let value = match ty {
            _ if v.is_empty() => continue,
            "int" => v.parse::<u64>().map(Value::from).unwrap_or(Value::Null),
            "double" => v.parse::<f64>().map(Value::from).unwrap_or(Value::Null),
            _ => Value::String(v),
        };
        out.push((key, value));
    }
    out
}

/// The inline `@context` (see the module doc).
#[derive(Serialize)]
struct Context {
    #[serde(rename = "@vocab")]
    vocab: &'static str,
    #[serde(rename = "@base")]
    base: &'static str,
    tg: &'static str,
}

const CONTEXT: Context = Context { vocab: "https://schema.org/", base: BASE, tg: VOCAB };

/// Writes `graph` as JSON-LD (pretty-printed, ending with a newline), as it is produced.
///
/// On a corpus of 1.5 million edges, building a `Value` per node (string keys, maps, a
/// `String` per evidence line) and pretty-printing it was most of the export's time.
/// Instead, the document is a tree of borrowed `Serialize` views of the graph
/// (`nodes.rs`) fed to serde_json's serializer with its pretty-printer (`pretty.rs`):
/// serde_json still writes and escapes every byte, with no `Value` and no string per
/// evidence line in between. The tests keep the plain way as their reference
/// (`oracle.rs`: a `serde_json::Value` per node, pretty-printed by serde_json) and
/// check that both give the same bytes.
///
/// ```
/// use talkgraph::{build_graph, extract::Knowledge};
///
/// let dir = tempfile::tempdir().unwrap();
/// std::fs::write(dir.path().join("day1.md"), "## Talk 1: Faster CPython\n\nMark Shannon\n\nPEP 659 in 3.11\n").unwrap();
/// let built = build_graph(&[dir.path().to_path_buf()], &Knowledge::builtin(), None).unwrap();
/// let mut out = Vec::new();
/// talkgraph::export::jsonld::write(&built.graph, &Default::default(), &mut out).unwrap();
/// let doc: serde_json::Value = serde_json::from_slice(&out).unwrap();
/// assert_eq!(doc["@context"]["@vocab"], "https://schema.org/");
/// let pep = doc["@graph"].as_array().unwrap().iter().find(|n| n["@id"] == "pep/659").unwrap();
/// assert_eq!(pep["@type"], "TechArticle");
/// assert_eq!(pep["identifier"], "PEP 659");
/// assert_eq!(pep["url"]["@id"], "https://peps.python.org/pep-0659/");
/// ```
pub fn write(graph: &KnowledgeGraph, _opts: &ExportOptions, w: &mut dyn Write) -> Result<(), ExportError> {
    let doc = nodes::Document::new(graph);
    let mut out = Chunks::new(w);
    let mut ser = serde_json::Serializer::with_formatter(&mut out, pretty::Pretty::default());
    doc.serialize(&mut ser).map_err(std::io::Error::from)?;
    out.write_all(b"\n")?;
    out.finish()?;
    Ok(())
}
