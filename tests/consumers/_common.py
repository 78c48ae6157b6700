"""Helpers shared by the consumer checks in tests/consumers/.

Each check_*.py script hands one of talkgraph's outputs to the tool that consumes it
(Graphviz, pyld, rdflib, duckdb, ...) and compares what the tool read with what
talkgraph meant to write. "What it meant" comes from two places that do not go through
the format under test: the Gephi CSVs (read with Python's csv module) and, for the
hostile-names graph, an expected.json written by the Rust test from the graph itself.
"""

import csv
import json
import sys
from pathlib import Path


class Failed(Exception):
    """A check did not hold."""


def check(cond, msg):
    if not cond:
        raise Failed(msg)


def read_gephi(out_dir):
    """nodes.csv and edges.csv as lists of dicts (Python's csv module, RFC 4180)."""
    out_dir = Path(out_dir)
    with open(out_dir / "nodes.csv", newline="", encoding="utf-8") as f:
        nodes = list(csv.DictReader(f))
    with open(out_dir / "edges.csv", newline="", encoding="utf-8") as f:
        edges = list(csv.DictReader(f))
    return nodes, edges


def read_expected(path):
    """expected.json: {"nodes": [{"id", "kind", "label", "aliases"}], "edges": N,
    "pep659_talks": [titles]}, written by tests/integration/consumers.rs."""
    if path is None:
        return None
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def main(run):
    """Runs `run(argv)`, prints one line, exits 0 if it held and 1 if not."""
    name = Path(sys.argv[0]).name
    try:
        summary = run(sys.argv[1:])
    except Failed as e:
        print(f"{name}: FAILED: {e}", file=sys.stderr)
        sys.exit(1)
    print(f"{name}: ok: {summary}")
