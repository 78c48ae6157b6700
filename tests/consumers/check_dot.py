"""Graphviz reads our DOT: `dot -Tsvg` accepts every graph.dot given, and the SVG it
draws has one node per node we wrote, one edge per edge, and (with --expected) every
label exactly as in the graph, line breaks included.

usage: check_dot.py GRAPH.dot [GRAPH.dot ...] [--expected expected.json]
"""

import argparse
import subprocess
import xml.etree.ElementTree as ET

from _common import check, main, read_expected

SVG = "{http://www.w3.org/2000/svg}"


def svg_of(path):
    r = subprocess.run(["dot", "-Tsvg", str(path)], capture_output=True)
    check(r.returncode == 0, f"dot -Tsvg {path} exited {r.returncode}: {r.stderr.decode(errors='replace')}")
    check(b"Warning" not in r.stderr and b"Error" not in r.stderr, f"dot complained on {path}: {r.stderr!r}")
    return ET.fromstring(r.stdout)


def drawn(root, cls):
    """{title: [text lines]} of the SVG groups of class `cls` (node or edge)."""
    out = {}
    for g in root.iter(f"{SVG}g"):
        if g.get("class") != cls:
            continue
        title = g.find(f"{SVG}title")
        # Graphviz writes runs of spaces as no-break spaces to keep them in SVG.
        texts = [(t.text or "").replace("\u00a0", " ") for t in g.iter(f"{SVG}text")]
        out.setdefault(title.text if title is not None else "", []).append(texts)
    return out


def run(argv):
    ap = argparse.ArgumentParser()
    ap.add_argument("dots", nargs="+")
    ap.add_argument("--expected")
    a = ap.parse_args(argv)
    expected = read_expected(a.expected)
    total = 0
    for path in a.dots:
        root = svg_of(path)
        nodes = drawn(root, "node")
        edges = sum(len(v) for v in drawn(root, "edge").values())
        total += 1
        if expected is None:
            continue
        legend = {k for k in nodes if k.startswith("legend:")}
        check(len(nodes) - len(legend) == len(expected["nodes"]), f"{path}: {len(nodes)} nodes drawn")
        check(edges == expected["edges"], f"{path}: {edges} edges drawn, expected {expected['edges']}")
        for n in expected["nodes"]:
            check(n["id"] in nodes, f"{path}: node {n['id']!r} not drawn")
            lines = nodes[n["id"]][0]
            want = n["label"].replace("\r\n", "\n").replace("\r", "\n").split("\n")
            check(lines == want, f"{path}: node {n['id']!r} drawn as {lines!r}, label is {want!r}")
    return f"{total} DOT file(s) rendered by Graphviz" + (" with every label exact" if expected else "")


if __name__ == "__main__":
    main(run)
