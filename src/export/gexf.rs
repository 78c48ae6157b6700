//! GEXF 1.3 for Gephi (`graph.gexf`).
//!
//! ```text
//! <gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">
//!   <meta><creator>talkgraph</creator><description>…</description></meta>
//!   <graph defaultedgetype="directed" mode="static">
//!     <attributes class="node" mode="static"> kind, every node attribute, aliases </attributes>
//!     <attributes class="edge" mode="static"> evidence, confidence </attributes>
//!     <nodes><node id="technology:cpython" label="CPython"> attvalues, viz:color </node></nodes>
//!     <edges><edge id="e0" source="…" target="…" label="mentions" weight="2"> attvalues </edge></edges>
//! ```
//!
//! - Node attributes (`<attribute id>` = `title`): `kind`, then each of
//!   [`table::NODE_ATTRS`](super::table::NODE_ATTRS) and any other attribute the graph
//!   holds, then `aliases` (`;`-separated). All `string`, except `line`, `integer`.
//!   The display name is the node's `label`.
//! - Edges: `label` is the relation (`mentions`, `co_mentioned`, ...), `weight` the
//!   number of mentions (talks for `co_mentioned`), the `evidence` attribute every
//!   `file:line`, `;`-separated, and `confidence` how sure the link is (`exact`,
//!   `alias`, `case-folded`, `typo:N`, `context`, `inferred`, `user`). Edge ids are
//!   `e0`, `e1`, ... in edge order.
//! - `defaultedgetype` is `directed`, and each `co_mentioned` edge says
//!   `type="mutual"`: GEXF's word for an edge that goes both ways, which Gephi draws
//!   with two arrow heads. (A `type="undirected"` edge in a directed graph is what
//!   Gephi's own exports hold, but `networkx.read_gexf` refuses it: "Undirected edge
//!   found in directed graph".) When every edge is `co_mentioned` (the `topics` view),
//!   `defaultedgetype` is `undirected` and no edge carries a type. NetworkX reads every
//!   view (a mutual edge as two, one each way; `tests/consumers/graphml_gexf.py`).
//! - No `lastmodifieddate`, so the output is the same byte for byte on every run.
//! - With the [measures](crate::graph::measures) computed (every run of the CLI): the
//!   attributes `degree`, `weighted_degree` (`integer`), `pagerank`, `betweenness`
//!   (`double`), `community` (`integer`), `community_label`; `viz:color` by community
//!   (from the [palette](super::palette)) for nodes
//!   of the topic map; `viz:position` from the [layout](crate::graph::layout);
//!   `viz:size` growing with the weighted degree.
//! - `viz:color` per kind otherwise. Both colours come from the one
//!   [palette](super::palette) of every format.
//!
//! Escaping is [`xml`](super::xml)'s: labels live in attributes,
//! so their tabs and newlines are written as character references and survive.

use std::io::{self, Write};

use super::table::{all_undirected, node_attrs, AttrType};
use super::xml::XmlWriter;
use super::{palette, ExportError, ExportOptions};
use crate::graph::{measures, KnowledgeGraph};

/// Writes `graph` as GEXF 1.3.
pub fn write(graph: &KnowledgeGraph, _opts: &ExportOptions, w: &mut dyn Write) -> Result<(), ExportError> {
    write_xml(graph, w)?;
    Ok(())
}

fn write_xml(graph: &KnowledgeGraph, w: &mut dyn Write) -> io::Result<()> {
    let mut x = XmlWriter::new(w)?;
    x.start(
        "gexf",
        &[
            ("xmlns", "http://gexf.net/1.3"),
            ("xmlns:viz", "http://gexf.net/1.3/viz"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            ("xsi:schemaLocation", "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd"),
            ("version", "1.3"),
        ],
    )?;
    x.start("meta", &[])?;
    x.text("creator", &[], "talkgraph")?;
    x.text("description", &[], "Talks, speakers, technologies, organisations and PEPs from conference notes")?;
    x.end("meta")?;

    let undirected = all_undirected(graph);
    x.start("graph", &[("defaultedgetype", if undirected { "undirected" } else { "directed" }), ("mode", "static")])?;
    let attrs = node_attrs(graph);
    x.start("attributes", &[("class", "node"), ("mode", "static")])?;
    declare(&mut x, "kind", "string")?;
    for a in &attrs {
        declare(&mut x, a.name(), if AttrType::of(*a) == AttrType::Int { "integer" } else { "string" })?;
    }
    declare(&mut x, "aliases", "string")?;
    let measures = graph.measures();
    if measures.is_some() {
        for (a, ty) in measures::ATTRS {
            declare(&mut x, a, if ty == "int" { "integer" } else { ty })?;
        }
    }
    x.end("attributes")?;
    x.start("attributes", &[("class", "edge"), ("mode", "static")])?;
    declare(&mut x, "evidence", "string")?;
    declare(&mut x, "confidence", "string")?;
    x.end("attributes")?;

    x.start("nodes", &[])?;
    for (i, n) in graph.nodes() {
        let i = i.index();
        x.start("node", &[("id", &n.id), ("label", &n.label)])?;
        let computed_values = measures.map(|m| m.values(i));
        let aliases = n.aliases.iter().map(String::as_str).collect::<Vec<_>>().join(";");
        let held: Vec<(&str, std::borrow::Cow<'_, str>)> =
            attrs.iter().filter_map(|a| Some((a.name(), n.attr(*a)?.to_text()))).collect();
        let values = [("kind", n.kind.name())]
            .into_iter()
            .chain(held.iter().map(|(a, v)| (*a, v.as_ref())))
            .chain([("aliases", aliases.as_str())]);
        let computed =
            computed_values.iter().flat_map(|v| measures::ATTRS.iter().map(|a| a.0).zip(v.iter().map(String::as_str)));
        attvalues(&mut x, values.chain(computed))?;
        let community = measures.and_then(|m| m.community_of(i));
        let [r, g, b] = community.map_or_else(|| palette::kind(n.kind), |c| palette::community(c.id));
        x.empty("viz:color", &[("r", &r.to_string()), ("g", &g.to_string()), ("b", &b.to_string())])?;
        if let Some(m) = measures {
            if let Some(p) = m.positions.get(i) {
                x.empty("viz:position", &[("x", &p[0].to_string()), ("y", &p[1].to_string()), ("z", "0")])?;
            }
            x.empty("viz:size", &[("value", &m.size(i).to_string())])?;
        }
        x.end("node")?;
    }
    x.end("nodes")?;

    x.start("edges", &[])?;
    for (i, (s, t, e)) in graph.edges().enumerate() {
        let id = format!("e{i}");
        let weight = e.weight.to_string();
        let mut attrs = vec![("id", id.as_str()), ("source", &s.id), ("target", &t.id)];
        if e.kind.is_undirected() && !undirected {
            attrs.push(("type", "mutual"));
        }
        attrs.extend([("label", e.kind.name()), ("weight", weight.as_str())]);
        x.start("edge", &attrs)?;
        let evidence = graph.evidence(e).map(|a| a.to_string()).collect::<Vec<_>>().join(";");
        let confidence = e.confidence.to_string();
        attvalues(&mut x, [("evidence", evidence.as_str()), ("confidence", confidence.as_str())])?;
        x.end("edge")?;
    }
    x.end("edges")?;
    x.end("graph")?;
    x.end("gexf")?;
    x.finish()
}

fn declare<W: Write>(x: &mut XmlWriter<W>, name: &str, ty: &str) -> io::Result<()> {
    x.empty("attribute", &[("id", name), ("title", name), ("type", ty)])
}

/// `<attvalues>` with one `<attvalue>` per non-empty value; nothing when all are empty.
fn attvalues<'v, W: Write>(
    x: &mut XmlWriter<W>,
    values: impl IntoIterator<Item = (&'v str, &'v str)>,
) -> io::Result<()> {
    let values: Vec<_> = values.into_iter().filter(|(_, v)| !v.is_empty()).collect();
    if values.is_empty() {
        return Ok(());
    }
    x.start("attvalues", &[])?;
    for (k, v) in values {
        x.empty("attvalue", &[("for", k), ("value", v)])?;
    }
    x.end("attvalues")
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use quick_xml::events::{BytesStart, Event};
    use quick_xml::Reader;

    use super::*;
    use crate::export::testgraphs::{hostile, tiny};

    fn render(g: &KnowledgeGraph) -> String {
        let mut out = Vec::new();
        write(g, &ExportOptions::default(), &mut out).expect("writes");
        String::from_utf8(out).expect("UTF-8")
    }

    #[test]
    fn tiny_graph_exact_output() {
        let expected = r#"<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">
  <meta>
    <creator>talkgraph</creator>
    <description>Talks, speakers, technologies, organisations and PEPs from conference notes</description>
  </meta>
  <graph defaultedgetype="directed" mode="static">
    <attributes class="node" mode="static">
      <attribute id="kind" title="kind" type="string"/>
      <attribute id="category" title="category" type="string"/>
      <attribute id="date" title="date" type="string"/>
      <attribute id="url" title="url" type="string"/>
      <attribute id="homepage" title="homepage" type="string"/>
      <attribute id="pypi" title="pypi" type="string"/>
      <attribute id="npm" title="npm" type="string"/>
      <attribute id="wikidata" title="wikidata" type="string"/>
      <attribute id="title" title="title" type="string"/>
      <attribute id="status" title="status" type="string"/>
      <attribute id="type" title="type" type="string"/>
      <attribute id="python_version" title="python_version" type="string"/>
      <attribute id="talk_kind" title="talk_kind" type="string"/>
      <attribute id="file" title="file" type="string"/>
      <attribute id="line" title="line" type="integer"/>
      <attribute id="aliases" title="aliases" type="string"/>
    </attributes>
    <attributes class="edge" mode="static">
      <attribute id="evidence" title="evidence" type="string"/>
      <attribute id="confidence" title="confidence" type="string"/>
    </attributes>
    <nodes>
      <node id="talk:t#1" label="Faster CPython">
        <attvalues>
          <attvalue for="kind" value="Talk"/>
          <attvalue for="talk_kind" value="talk"/>
          <attvalue for="file" value="t.md"/>
          <attvalue for="line" value="1"/>
        </attvalues>
        <viz:color r="119" g="170" b="221"/>
      </node>
      <node id="person:ann-lee" label="Ann Lee">
        <attvalues>
          <attvalue for="kind" value="Person"/>
        </attvalues>
        <viz:color r="255" g="170" b="187"/>
      </node>
      <node id="technology:cpython" label="CPython">
        <attvalues>
          <attvalue for="kind" value="Technology"/>
          <attvalue for="category" value="unlisted"/>
          <attvalue for="aliases" value="cpython"/>
        </attvalues>
        <viz:color r="68" g="187" b="153"/>
      </node>
      <node id="technology:pyodide" label="Pyodide">
        <attvalues>
          <attvalue for="kind" value="Technology"/>
          <attvalue for="category" value="unlisted"/>
        </attvalues>
        <viz:color r="68" g="187" b="153"/>
      </node>
    </nodes>
    <edges>
      <edge id="e0" source="talk:t#1" target="person:ann-lee" label="presented_by" weight="1">
        <attvalues>
          <attvalue for="evidence" value="t.md:2"/>
          <attvalue for="confidence" value="exact"/>
        </attvalues>
      </edge>
      <edge id="e1" source="talk:t#1" target="technology:cpython" label="mentions" weight="2">
        <attvalues>
          <attvalue for="evidence" value="t.md:3;t.md:4"/>
          <attvalue for="confidence" value="inferred"/>
        </attvalues>
      </edge>
      <edge id="e2" source="talk:t#1" target="technology:pyodide" label="mentions" weight="1">
        <attvalues>
          <attvalue for="evidence" value="t.md:5"/>
          <attvalue for="confidence" value="inferred"/>
        </attvalues>
      </edge>
      <edge id="e3" source="technology:cpython" target="technology:pyodide" type="mutual" label="co_mentioned" weight="1">
        <attvalues>
          <attvalue for="confidence" value="inferred"/>
        </attvalues>
      </edge>
    </edges>
  </graph>
</gexf>
"#;
        assert_eq!(render(&tiny()), expected);
    }

    #[test]
    fn topics_view_is_undirected_without_edge_types() {
        let topics = tiny()
            .view(&crate::graph::ViewOptions { view: crate::graph::View::Topics, ..Default::default() })
            .expect("topics view");
        let xml = render(&topics);
        assert!(xml.contains(r#"<graph defaultedgetype="undirected" mode="static">"#));
        assert!(!xml.contains(" type=\"undirected\""));
    }

    /// Reads our GEXF back with quick-xml: every `attvalue for` is declared, node ids,
    /// labels and attribute values come back exactly (newline and tab included).
    #[test]
    fn parse_back_declares_every_attribute_and_round_trips_values() {
        let g = hostile();
        let xml = render(&g);
        assert!(!xml.contains("lastmodifieddate"));
        let mut reader = Reader::from_str(&xml);
        let mut declared: BTreeMap<(String, String), String> = BTreeMap::new();
        let mut class = String::new();
        let mut owner = String::new();
        let mut values: BTreeMap<(String, String), String> = BTreeMap::new();
        let mut colors = 0;
        let get = |e: &BytesStart<'_>, k: &str| -> String {
            e.try_get_attribute(k).expect("attribute").expect(k).unescape_value().expect("value").into_owned()
        };
        loop {
            match reader.read_event().expect("well-formed XML") {
                Event::Start(e) if e.name().as_ref() == b"attributes" => class = get(&e, "class"),
                Event::Empty(e) if e.name().as_ref() == b"attribute" => {
                    declared.insert((class.clone(), get(&e, "id")), get(&e, "type"));
                }
                Event::Start(e) if e.name().as_ref() == b"node" => {
                    class = "node".into();
                    owner = get(&e, "id");
                    values.insert((owner.clone(), "label".into()), get(&e, "label"));
                }
                Event::Start(e) if e.name().as_ref() == b"edge" => {
                    class = "edge".into();
                    owner = format!("{}>{}", get(&e, "source"), get(&e, "target"));
                    values.insert((owner.clone(), "label".into()), get(&e, "label"));
                    values.insert((owner.clone(), "weight".into()), get(&e, "weight"));
                }
                Event::Empty(e) if e.name().as_ref() == b"attvalue" => {
                    let k = get(&e, "for");
                    assert!(declared.contains_key(&(class.clone(), k.clone())), "{class} attribute {k} not declared");
                    values.insert((owner.clone(), k), get(&e, "value"));
                }
                Event::Empty(e) if e.name().as_ref() == b"viz:color" => colors += 1,
                Event::Eof => break,
                _ => {}
            }
        }
        assert_eq!(declared[&("node".to_string(), "line".to_string())], "integer");
        assert_eq!(colors, g.node_count());
        let mut want = BTreeMap::new();
        for (_, n) in g.nodes() {
            let mut put = |k: &str, v: &str| {
                if !v.is_empty() {
                    want.insert((n.id.clone(), k.to_string()), v.to_string());
                }
            };
            put("label", &n.label);
            put("kind", n.kind.name());
            put("aliases", &n.aliases.iter().cloned().collect::<Vec<_>>().join(";"));
            for (k, v) in n.attrs.iter() {
                put(k.name(), &v.to_text());
            }
        }
        for (s, t, e) in g.edges() {
            let owner = format!("{}>{}", s.id, t.id);
            want.insert((owner.clone(), "label".into()), e.kind.name().into());
            want.insert((owner.clone(), "weight".into()), e.weight.to_string());
            want.insert((owner.clone(), "confidence".into()), e.confidence.to_string());
            let ev = g.evidence(e).map(|a| a.to_string()).collect::<Vec<_>>().join(";");
            if !ev.is_empty() {
                want.insert((owner, "evidence".into()), ev);
            }
        }
        assert_eq!(values, want);
        assert!(values.values().any(|v| v.contains('\n') && v.contains('\t')), "a newline and a tab were carried");
    }
}
