"""A database loads our Gephi-layout CSVs as they are: duckdb reads nodes.csv and
edges.csv with the RFC 4180 dialect Gephi uses, with the right row counts (Python's
csv module counts them independently), `Weight` (and `line`) typed as integers,
every edge end a node, and (with --expected) every label back exactly as in the graph.

usage: check_csv.py OUT_DIR [--expected expected.json]
"""

import argparse
from pathlib import Path

import duckdb

from _common import check, main, read_expected, read_gephi

INTEGER = {"TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT"}


def load(con, name, path):
    con.execute(
        f"CREATE TABLE {name} AS SELECT * FROM read_csv(?, header = true, delim = ',', quote = '\"', "
        "escape = '\"', new_line = '\\n', strict_mode = true)",
        [str(path)],
    )
    return {row[0]: row[1] for row in con.execute(f"DESCRIBE {name}").fetchall()}


def run(argv):
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--expected")
    a = ap.parse_args(argv)
    out = Path(a.out)
    nodes, edges = read_gephi(out)
    expected = read_expected(a.expected)
    con = duckdb.connect()
    ntypes = load(con, "nodes", out / "nodes.csv")
    etypes = load(con, "edges", out / "edges.csv")
    check(list(ntypes)[:3] == ["Id", "Label", "kind"], f"nodes.csv columns {list(ntypes)}")
    check(
        list(etypes) == ["Source", "Target", "Type", "Label", "Weight", "evidence", "confidence"],
        f"edges.csv columns {list(etypes)}",
    )
    levels = {r[0] for r in con.execute("SELECT DISTINCT confidence FROM edges").fetchall()}
    known = {"inferred", "context", "case-folded", "alias", "exact", "user"}
    check(all(v in known or (v or "").startswith("typo:") for v in levels), f"confidence values {levels}")
    n = con.execute("SELECT count(*) FROM nodes").fetchone()[0]
    e = con.execute("SELECT count(*) FROM edges").fetchone()[0]
    check(n == len(nodes), f"duckdb read {n} nodes, csv module {len(nodes)}")
    check(e == len(edges), f"duckdb read {e} edges, csv module {len(edges)}")
    if edges:
        check(etypes["Weight"] in INTEGER, f"Weight read as {etypes['Weight']}")
    if any(r["line"] for r in nodes):
        check(ntypes["line"] in INTEGER, f"line read as {ntypes['line']}")
    dangling = con.execute(
        "SELECT count(*) FROM edges WHERE Source NOT IN (SELECT Id FROM nodes) OR Target NOT IN (SELECT Id FROM nodes)"
    ).fetchone()[0]
    check(dangling == 0, f"{dangling} edges with an end missing from nodes.csv")
    dup = con.execute("SELECT count(*) - count(DISTINCT Id) FROM nodes").fetchone()[0]
    check(dup == 0, f"{dup} repeated node ids")
    types = {r[0] for r in con.execute("SELECT DISTINCT Type FROM edges").fetchall()}
    check(types <= {"Directed", "Undirected"}, f"edge Type values {types}")
    if expected:
        got = dict(con.execute("SELECT Id, Label FROM nodes").fetchall())
        for node in expected["nodes"]:
            check(got.get(node["id"]) == node["label"], f"{node['id']}: duckdb read {got.get(node['id'])!r}, label is {node['label']!r}")
        check(e == expected["edges"], f"{e} edges, graph has {expected['edges']}")
    return f"duckdb loaded {n} nodes and {e} edges, Weight {etypes.get('Weight')}"


if __name__ == "__main__":
    main(run)
