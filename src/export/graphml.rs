//! GraphML, as yEd, Cytoscape and NetworkX read it (`graph.graphml`).
//!
//! The document declares a `<key>` for every attribute it may use, with its type, then
//! one `<graph>` holding the nodes and edges:
//!
//! | key id | for | `attr.name` | `attr.type` | content |
//! |---|---|---|---|---|
//! | `n_kind` | node | `kind` | `string` | `Event`, `Talk`, `Person`, `Technology`, `Organization`, `PEP`, `Version` |
//! | `n_label` | node | `label` | `string` | display name |
//! | `n_<attr>` | node | each of [`table::NODE_ATTRS`](super::table::NODE_ATTRS), then any other attribute the graph holds | `string`, but `int` for `line` | as in `nodes.csv` |
//! | `n_aliases` | node | `aliases` | `string` | other spellings, `;`-separated |
//! | `n_degree`, `n_weighted_degree`, `n_pagerank`, `n_betweenness`, `n_community`, `n_community_label` | node | the [measures](crate::graph::measures), when computed | `int`, `int`, `double`, `double`, `int`, `string` | as in `nodes.csv` |
//! | `n_x`, `n_y`, `n_size`, `n_color` | node | the drawing: layout position, size by weighted degree, `#rrggbb` by community (else by kind), from the [palette](super::palette), when measures are computed | `double`, `double`, `double`, `string` | as GEXF's `viz:` |
//! | `e_relation` | edge | `relation` | `string` | `part_of`, `presented_by`, `mentions`, `co_mentioned`, ... |
//! | `e_weight` | edge | `weight` | `int` | mentions, or talks for `co_mentioned` |
//! | `e_evidence` | edge | `evidence` | `string` | every `file:line`, `;`-separated |
//! | `e_confidence` | edge | `confidence` | `string` | how sure the link is: `exact`, `alias`, `case-folded`, `typo:N`, `context`, `inferred`, `user` |
//!
//! Node ids are our stable ids (`technology:cpython`); edge ids are `e0`, `e1`, ... in
//! edge order. A node or edge has one `<data>` per attribute it has (empty values are
//! left out), so the values read back are exactly those of `nodes.csv`/`edges.csv`.
//!
//! `edgedefault` is `directed`, except when every edge is `co_mentioned` (the `topics`
//! view), where it is `undirected`. A `co_mentioned` edge in a directed graph carries
//! no `directed="false"`: NetworkX refuses such mixed graphs, and yEd and Cytoscape
//! ignore the attribute; its `relation` says what it is.
//!
//! Escaping is [`xml`](super::xml)'s: tabs and newlines in attribute values are written
//! as character references and survive. yEd shows no labels until *Edit → Properties Mapper*
//! maps `label` to the node label: its own `y:` extension is not written.

use std::io::{self, Write};

use super::table::{all_undirected, node_attrs, AttrType};
use super::xml::XmlWriter;
use super::{palette, ExportError, ExportOptions};
use crate::graph::{measures, KnowledgeGraph};

const NS: &str = "http://graphml.graphdrawing.org/xmlns";
const SCHEMA: &str = "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd";

/// Writes `graph` as GraphML.
pub fn write(graph: &KnowledgeGraph, _opts: &ExportOptions, w: &mut dyn Write) -> Result<(), ExportError> {
    write_xml(graph, w)?;
    Ok(())
}

fn write_xml(graph: &KnowledgeGraph, w: &mut dyn Write) -> io::Result<()> {
    let mut x = XmlWriter::new(w)?;
    x.start(
        "graphml",
        &[("xmlns", NS), ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"), ("xsi:schemaLocation", SCHEMA)],
    )?;
    let attrs = node_attrs(graph);
    let mut key = |id: &str, on: &str, name: &str, ty: &str| {
        x.empty("key", &[("id", id), ("for", on), ("attr.name", name), ("attr.type", ty)])
    };
    key("n_kind", "node", "kind", "string")?;
    key("n_label", "node", "label", "string")?;
    for a in &attrs {
        key(&format!("n_{a}"), "node", a.name(), AttrType::of(*a).xml())?;
    }
    key("n_aliases", "node", "aliases", "string")?;
    let measures = graph.measures();
    if measures.is_some() {
        for (a, ty) in measures::ATTRS.iter().chain(&VIZ_KEYS) {
            key(&format!("n_{a}"), "node", a, ty)?;
        }
    }
    key("e_relation", "edge", "relation", "string")?;
    key("e_weight", "edge", "weight", "int")?;
    key("e_evidence", "edge", "evidence", "string")?;
    key("e_confidence", "edge", "confidence", "string")?;

    let edgedefault = if all_undirected(graph) { "undirected" } else { "directed" };
    x.start("graph", &[("id", "talkgraph"), ("edgedefault", edgedefault)])?;
    for (i, n) in graph.nodes() {
        x.start("node", &[("id", &n.id)])?;
        data(&mut x, "n_kind", n.kind.name())?;
        data(&mut x, "n_label", &n.label)?;
        for a in &attrs {
            if let Some(v) = n.attr(*a) {
                data(&mut x, &format!("n_{a}"), &v.to_text())?;
            }
        }
        data(&mut x, "n_aliases", &n.aliases.iter().map(String::as_str).collect::<Vec<_>>().join(";"))?;
        if let Some(m) = measures {
            let i = i.index();
            for ((a, _), v) in measures::ATTRS.iter().zip(m.values(i)) {
                data(&mut x, &format!("n_{a}"), &v)?;
            }
            if let Some(p) = m.positions.get(i) {
                data(&mut x, "n_x", &p[0].to_string())?;
                data(&mut x, "n_y", &p[1].to_string())?;
            }
            data(&mut x, "n_size", &m.size(i).to_string())?;
            let color = m.community_of(i).map_or_else(|| palette::kind_hex(n.kind), |c| palette::community_hex(c.id));
            data(&mut x, "n_color", color)?;
        }
        x.end("node")?;
    }
    for (i, (s, t, e)) in graph.edges().enumerate() {
        x.start("edge", &[("id", &format!("e{i}")), ("source", &s.id), ("target", &t.id)])?;
        data(&mut x, "e_relation", e.kind.name())?;
        data(&mut x, "e_weight", &e.weight.to_string())?;
        data(&mut x, "e_evidence", &graph.evidence(e).map(|a| a.to_string()).collect::<Vec<_>>().join(";"))?;
        data(&mut x, "e_confidence", &e.confidence.to_string())?;
        x.end("edge")?;
    }
    x.end("graph")?;
    x.end("graphml")?;
    x.finish()
}

/// The drawing keys written with the measures: position from the layout, size by
/// weighted degree, colour by community (by kind for nodes outside the topic map), the
/// values GEXF writes as `viz:` elements.
const VIZ_KEYS: [(&str, &str); 4] = [("x", "double"), ("y", "double"), ("size", "double"), ("color", "string")];

/// One `<data key="...">value</data>`, left out when the value is empty.
fn data<W: Write>(x: &mut XmlWriter<W>, key: &str, value: &str) -> io::Result<()> {
    if value.is_empty() {
        return Ok(());
    }
    x.text("data", &[("key", key)], value)
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
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
  <key id="n_kind" for="node" attr.name="kind" attr.type="string"/>
  <key id="n_label" for="node" attr.name="label" attr.type="string"/>
  <key id="n_category" for="node" attr.name="category" attr.type="string"/>
  <key id="n_date" for="node" attr.name="date" attr.type="string"/>
  <key id="n_url" for="node" attr.name="url" attr.type="string"/>
  <key id="n_homepage" for="node" attr.name="homepage" attr.type="string"/>
  <key id="n_pypi" for="node" attr.name="pypi" attr.type="string"/>
  <key id="n_npm" for="node" attr.name="npm" attr.type="string"/>
  <key id="n_wikidata" for="node" attr.name="wikidata" attr.type="string"/>
  <key id="n_title" for="node" attr.name="title" attr.type="string"/>
  <key id="n_status" for="node" attr.name="status" attr.type="string"/>
  <key id="n_type" for="node" attr.name="type" attr.type="string"/>
  <key id="n_python_version" for="node" attr.name="python_version" attr.type="string"/>
  <key id="n_talk_kind" for="node" attr.name="talk_kind" attr.type="string"/>
  <key id="n_file" for="node" attr.name="file" attr.type="string"/>
  <key id="n_line" for="node" attr.name="line" attr.type="int"/>
  <key id="n_aliases" for="node" attr.name="aliases" attr.type="string"/>
  <key id="e_relation" for="edge" attr.name="relation" attr.type="string"/>
  <key id="e_weight" for="edge" attr.name="weight" attr.type="int"/>
  <key id="e_evidence" for="edge" attr.name="evidence" attr.type="string"/>
  <key id="e_confidence" for="edge" attr.name="confidence" attr.type="string"/>
  <graph id="talkgraph" edgedefault="directed">
    <node id="talk:t#1">
      <data key="n_kind">Talk</data>
      <data key="n_label">Faster CPython</data>
      <data key="n_talk_kind">talk</data>
      <data key="n_file">t.md</data>
      <data key="n_line">1</data>
    </node>
    <node id="person:ann-lee">
      <data key="n_kind">Person</data>
      <data key="n_label">Ann Lee</data>
    </node>
    <node id="technology:cpython">
      <data key="n_kind">Technology</data>
      <data key="n_label">CPython</data>
      <data key="n_category">unlisted</data>
      <data key="n_aliases">cpython</data>
    </node>
    <node id="technology:pyodide">
      <data key="n_kind">Technology</data>
      <data key="n_label">Pyodide</data>
      <data key="n_category">unlisted</data>
    </node>
    <edge id="e0" source="talk:t#1" target="person:ann-lee">
      <data key="e_relation">presented_by</data>
      <data key="e_weight">1</data>
      <data key="e_evidence">t.md:2</data>
      <data key="e_confidence">exact</data>
    </edge>
    <edge id="e1" source="talk:t#1" target="technology:cpython">
      <data key="e_relation">mentions</data>
      <data key="e_weight">2</data>
      <data key="e_evidence">t.md:3;t.md:4</data>
      <data key="e_confidence">inferred</data>
    </edge>
    <edge id="e2" source="talk:t#1" target="technology:pyodide">
      <data key="e_relation">mentions</data>
      <data key="e_weight">1</data>
      <data key="e_evidence">t.md:5</data>
      <data key="e_confidence">inferred</data>
    </edge>
    <edge id="e3" source="technology:cpython" target="technology:pyodide">
      <data key="e_relation">co_mentioned</data>
      <data key="e_weight">1</data>
      <data key="e_confidence">inferred</data>
    </edge>
  </graph>
</graphml>
"#;
        assert_eq!(render(&tiny()), expected);
    }

    #[test]
    fn only_co_mentions_make_an_undirected_graph() {
        let g = tiny();
        let topics = g
            .view(&crate::graph::ViewOptions { view: crate::graph::View::Topics, ..Default::default() })
            .expect("topics view");
        assert!(render(&topics).contains(r#"<graph id="talkgraph" edgedefault="undirected">"#));
        assert!(render(&KnowledgeGraph::default()).contains(r#"edgedefault="directed""#));
    }

    /// Reads our GraphML back with quick-xml: every `<data key>` is declared, and every
    /// value comes back, unescaped, exactly as in the graph.
    #[test]
    fn parse_back_declares_every_key_and_round_trips_values() {
        let g = hostile();
        let xml = render(&g);
        let mut reader = Reader::from_str(&xml);
        let mut declared: BTreeMap<String, (String, String)> = BTreeMap::new();
        // (node id or edge index, attr.name) -> value.
        let mut values: BTreeMap<(String, String), String> = BTreeMap::new();
        let (mut owner, mut key, mut raw) = (String::new(), None::<String>, String::new());
        let (mut nodes, mut edges) = (0, 0);
        let get = |e: &BytesStart<'_>, k: &str| -> String {
            e.try_get_attribute(k).expect("attribute").expect(k).unescape_value().expect("value").into_owned()
        };
        loop {
            match reader.read_event().expect("well-formed XML") {
                Event::Empty(e) if e.name().as_ref() == b"key" => {
                    declared.insert(get(&e, "id"), (get(&e, "attr.name"), get(&e, "attr.type")));
                }
                Event::Start(e) if e.name().as_ref() == b"node" => {
                    owner = get(&e, "id");
                    nodes += 1;
                }
                Event::Start(e) if e.name().as_ref() == b"edge" => {
                    owner = format!("{}>{}", get(&e, "source"), get(&e, "target"));
                    edges += 1;
                }
                Event::Start(e) if e.name().as_ref() == b"data" => {
                    let k = get(&e, "key");
                    assert!(declared.contains_key(&k), "data key {k} has no <key> declaration");
                    key = Some(k);
                    raw.clear();
                }
                Event::Text(t) => raw.push_str(&t.decode().expect("UTF-8")),
                Event::GeneralRef(r) => raw.push_str(&format!("&{};", r.decode().expect("UTF-8"))),
                Event::End(e) if e.name().as_ref() == b"data" => {
                    let name = declared[&key.take().expect("inside data")].0.clone();
                    let value = quick_xml::escape::unescape(&raw).expect("known entities").into_owned();
                    values.insert((owner.clone(), name), value);
                }
                Event::Eof => break,
                _ => {}
            }
        }
        assert_eq!(declared["n_line"], ("line".to_string(), "int".to_string()));
        assert_eq!(declared["e_weight"], ("weight".to_string(), "int".to_string()));
        assert_eq!((nodes, edges), (g.node_count(), g.edge_count()));
        let mut want = BTreeMap::new();
        for (_, n) in g.nodes() {
            let mut put = |k: &str, v: &str| {
                if !v.is_empty() {
                    want.insert((n.id.clone(), k.to_string()), v.to_string());
                }
            };
            put("kind", n.kind.name());
            put("label", &n.label);
            put("aliases", &n.aliases.iter().cloned().collect::<Vec<_>>().join(";"));
            for (k, v) in n.attrs.iter() {
                put(k.name(), &v.to_text());
            }
        }
        for (s, t, e) in g.edges() {
            let owner = format!("{}>{}", s.id, t.id);
            let ev = g.evidence(e).map(|a| a.to_string()).collect::<Vec<_>>().join(";");
            want.insert((owner.clone(), "relation".into()), e.kind.name().into());
            want.insert((owner.clone(), "weight".into()), e.weight.to_string());
            want.insert((owner.clone(), "confidence".into()), e.confidence.to_string());
            if !ev.is_empty() {
                want.insert((owner, "evidence".into()), ev);
            }
        }
        assert_eq!(values, want);
        assert!(values.values().any(|v| v.contains('\n')), "the fixture has a newline to carry");
    }
}
