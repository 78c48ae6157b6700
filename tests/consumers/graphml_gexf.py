#!/usr/bin/env python3
"""Consumer check: NetworkX reads talkgraph's GraphML and GEXF as we meant them.

Usage: python3 tests/consumers/graphml_gexf.py DIR

Reads DIR/graph.graphml and DIR/graph.gexf with networkx and compares them with
DIR/nodes.csv and DIR/edges.csv (Gephi CSV, written without --csv-safe): the same
node ids, the same number of edges, and for every node and edge the same attribute
values (kind, label, every non-empty attribute column, aliases; relation, weight,
evidence), directedness included. Prints what differs and exits 1 on any mismatch,
0 when everything matches. Needs `pip install -r tests/consumers/requirements.txt`.

Every view is read with networkx's own readers, `read_graphml` and `read_gexf`: a
`co_mentioned` edge in a directed GEXF graph is `type="mutual"` (both ways), which
networkx reads as two edges, one each way, where `type="undirected"` would be refused.
"""

import csv
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import networkx as nx

NODE_FIXED = ("Id", "Label", "kind")


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def expected_nodes(rows):
    """Node id -> {attribute: value} as both XML formats should carry them."""
    out = {}
    for r in rows:
        attrs = {"kind": r["kind"], "label": r["Label"]}
        for k, v in r.items():
            if k not in NODE_FIXED and v != "":
                attrs[k] = v
        out[r["Id"]] = {k: v for k, v in attrs.items() if v != ""}
    return out


def edge_key(source, target, relation, weight, evidence, undirected, confidence):
    if undirected:
        source, target = sorted((source, target))
    return (source, target, relation, str(weight), evidence, confidence)


def expected_edges(rows, undirected_graph):
    return Counter(
        edge_key(
            r["Source"],
            r["Target"],
            r["Label"],
            int(r["Weight"]),
            r["evidence"],
            undirected_graph or r["Type"] == "Undirected",
            r["confidence"],
        )
        for r in rows
    )


def as_text(v):
    """An attribute value as CSV text (ints stay ints, floats that are whole too; other
    floats, the measures, with 8 decimals as nodes.csv writes PageRank; see norm)."""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


MEASURES = {"degree": int, "weighted_degree": int, "pagerank": float, "betweenness": float, "community": int}


def norm(attrs):
    """Measures compared as numbers (GraphML and GEXF read `0.00005000` as 5e-05)."""
    return {k: (round(float(v), 10) if k in MEASURES else v) for k, v in attrs.items()}


def check_drawing(fmt, G, nodes, problems):
    """With measures written (a degree column in nodes.csv), every node has its
    measures typed, a position and a colour, as networkx reads them."""
    if not nodes or "degree" not in nodes[0]:
        return
    for n, a in G.nodes(data=True):
        for k, ty in MEASURES.items():
            if k in a and not isinstance(a[k], ty):
                problems.append(f"{fmt}: {k} of {n!r} read as {type(a[k]).__name__}, not {ty.__name__}")
        if "pagerank" not in a:
            problems.append(f"{fmt}: node {n!r} has no pagerank")
        if fmt == "graphml":
            pos, color = (a.get("x"), a.get("y")), a.get("color", "")
            ok_color = isinstance(color, str) and len(color) == 7 and color.startswith("#")
        else:
            viz = a.get("viz", {})
            pos, c = (viz.get("position", {}).get("x"), viz.get("position", {}).get("y")), viz.get("color", {})
            ok_color = all(isinstance(c.get(k), int) for k in "rgb") and "size" in viz
        if not all(isinstance(p, float) for p in pos) or not ok_color:
            problems.append(f"{fmt}: node {n!r} has no position or colour: {pos}, {a.get('color', a.get('viz'))}")
            break


def compare_nodes(fmt, G, want, columns, problems, notes):
    """Compares node attributes that nodes.csv has a column for; the others (the XML
    formats carry every attribute the graph holds) are listed in `notes`."""
    if set(G.nodes) != set(want):
        missing = sorted(set(want) - set(G.nodes))[:5]
        extra = sorted(set(G.nodes) - set(want))[:5]
        problems.append(f"{fmt}: node ids differ (missing {missing}, extra {extra})")
        return
    for n, data in G.nodes(data=True):
        got = {k: as_text(v) for k, v in data.items() if k in columns}
        notes.update(f"{fmt}: {k}" for k in data if k not in columns and k != "viz")
        got, expected = norm(got), norm(want[n])
        if got != expected:
            diff = {
                k: (got.get(k), expected.get(k))
                for k in set(got) | set(expected)
                if got.get(k) != expected.get(k)
            }
            problems.append(f"{fmt}: node {n!r}: (read, written) differ: {diff}")


def node_columns(rows):
    """Attribute names nodes.csv can hold: its columns, `Label` read as `label`."""
    header = rows[0].keys() if rows else NODE_FIXED
    return {"label"} | {k for k in header if k not in ("Id", "Label")}


def check_graphml(d, nodes, edges, undirected_graph, problems, notes):
    G = nx.read_graphml(d / "graph.graphml")
    if G.is_directed() == undirected_graph:
        problems.append(f"graphml: directed={G.is_directed()} but the CSV edge types say otherwise")
    compare_nodes("graphml", G, expected_nodes(nodes), node_columns(nodes), problems, notes)
    if G.number_of_edges() != len(edges):
        problems.append(f"graphml: {G.number_of_edges()} edges, edges.csv has {len(edges)}")
    got = Counter(
        edge_key(
            u,
            v,
            a.get("relation"),
            a.get("weight"),
            a.get("evidence", ""),
            not G.is_directed() or a.get("relation") == "co_mentioned",
            a.get("confidence"),
        )
        for u, v, a in G.edges(data=True)
    )
    want = expected_edges(edges, undirected_graph)
    if got != want:
        problems.append(f"graphml: edges differ: read-only {list((got - want).items())[:3]}, "
                        f"written-only {list((want - got).items())[:3]}")
    for u, v, a in G.edges(data=True):
        if not isinstance(a.get("weight"), int):
            problems.append(f"graphml: weight of {u}->{v} read as {type(a.get('weight')).__name__}, not int")
            break
    for n, a in G.nodes(data=True):
        if "line" in a and not isinstance(a["line"], int):
            problems.append(f"graphml: line of {n} read as {type(a['line']).__name__}, not int")
            break
    return G


def check_gexf(d, nodes, edges, undirected_graph, problems, notes):
    path = d / "graph.gexf"
    reader = "read_gexf"
    G = nx.read_gexf(path)
    # networkx keeps no edge type, and reads a `type="mutual"` edge as two, one each
    # way: the ids of those edges and their written ends, from the XML.
    mutual = {e.get("id"): (e.get("source"), e.get("target")) for e in ET.parse(path).iter()
              if e.tag.endswith("}edge") and e.get("type") == "mutual"}
    if G.is_directed() == undirected_graph:
        problems.append(f"gexf: directed={G.is_directed()} but the CSV edge types say otherwise")
    compare_nodes("gexf", G, expected_nodes(nodes), node_columns(nodes), problems, notes)
    for n, a in G.nodes(data=True):
        c = a.get("viz", {}).get("color", {})
        if not all(k in c for k in "rgb"):
            problems.append(f"gexf: node {n!r} has no viz:color")
            break
    if G.number_of_edges() - len(mutual) != len(edges):
        problems.append(f"gexf: {G.number_of_edges()} edges ({len(mutual)} mutual), edges.csv has {len(edges)}")
    got = Counter()
    for u, v, a in G.edges(data=True):
        ends = mutual.get(a.get("id"))
        if ends is not None and ends != (u, v):
            if not G.has_edge(*ends):
                problems.append(f"gexf: mutual edge {a.get('id')} read one way only")
            continue
        undirected = not G.is_directed() or ends is not None
        if undirected and G.is_directed() and a.get("label") != "co_mentioned":
            problems.append(f"gexf: {u}->{v} ({a.get('label')}) is undirected")
        got[edge_key(u, v, a.get("label"), as_text(a.get("weight")), a.get("evidence", ""), undirected, a.get("confidence"))] += 1
    want = expected_edges(edges, undirected_graph)
    if got != want:
        problems.append(f"gexf: edges differ: read-only {list((got - want).items())[:3]}, "
                        f"written-only {list((want - got).items())[:3]}")
    return G, reader


def main(argv):
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    d = Path(argv[1])
    nodes = read_csv(d / "nodes.csv")
    edges = read_csv(d / "edges.csv")
    undirected_graph = bool(edges) and all(r["Type"] == "Undirected" for r in edges)
    problems, notes = [], set()
    g1 = check_graphml(d, nodes, edges, undirected_graph, problems, notes)
    g2, reader = check_gexf(d, nodes, edges, undirected_graph, problems, notes)
    check_drawing("graphml", g1, nodes, problems)
    check_drawing("gexf", g2, nodes, problems)
    if notes:
        print(f"note: node attributes without a nodes.csv column, not compared: {', '.join(sorted(notes))}")
    for p in problems[:30]:
        print(p, file=sys.stderr)
    if problems:
        print(f"{len(problems)} mismatch(es) in {d}", file=sys.stderr)
        return 1
    print(f"ok {d}: networkx {nx.__version__} read {g1.number_of_nodes()} nodes, {g1.number_of_edges()} edges "
          f"from GraphML and {g2.number_of_nodes()} nodes, {g2.number_of_edges()} edges from GEXF ({reader}), "
          f"as in the CSVs")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
