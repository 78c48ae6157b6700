"""Our `--csv neo4j` files follow the header rules of `neo4j-admin database import full`
(Neo4j operations manual, "CSV header format"), and hold the same graph as the Gephi
CSVs.

Header rules checked, per file:
- a nodes file has exactly one ID field, `[name]:ID[(space)]`, at most one `:LABEL`;
- a relationships file has exactly one `:START_ID[(space)]`, one `:END_ID[(space)]`,
  at most one `:TYPE`, and the ID spaces it names are declared by some nodes file;
- every other field is `name` or `name:type`, type one of the importer's (int, long,
  float, double, boolean, byte, short, char, string, point, date, localtime, time,
  localdatetime, datetime, duration, each optionally `[]`), names not repeated;
- ids are unique within their space across all nodes files; `int` fields parse as
  64-bit integers; `:LABEL` and `:TYPE` match the file name.
Then duckdb loads every file (row counts as the csv module's, `weight:int` and
`line:int` read as integers), and with --gephi DIR the nodes and relationships are the
Gephi CSVs' exactly; with --expected the names are the graph's labels.

usage: check_neo4j_csv.py OUT_DIR [--gephi DIR] [--expected expected.json]
"""

import argparse
import csv
import re
from pathlib import Path

import duckdb

from _common import check, main, read_expected, read_gephi

TYPES = {
    "int", "long", "float", "double", "boolean", "byte", "short", "char", "string", "point",
    "date", "localtime", "time", "localdatetime", "datetime", "duration",
}
FIELD = re.compile(r"^(?P<name>[^:]*)(?::(?P<type>[A-Za-z_]+(?:\[\])?)(?:\((?P<space>[^)]*)\))?)?$")
INTEGER = {"TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT"}


def parse_header(path, header):
    fields = []
    names = set()
    for h in header:
        m = FIELD.match(h)
        check(m is not None, f"{path.name}: header field {h!r} is not name[:type[(space)]]")
        name, ty, space = m["name"], m["type"], m["space"]
        if ty is None:
            check(name, f"{path.name}: empty header field")
        elif ty in ("ID", "START_ID", "END_ID", "LABEL", "TYPE", "IGNORE"):
            check(space is None or ty in ("ID", "START_ID", "END_ID"), f"{path.name}: {h!r} cannot name an ID space")
        else:
            base = ty[:-2] if ty.endswith("[]") else ty
            check(base.lower() in TYPES, f"{path.name}: {h!r} has unknown type {ty!r}")
            check(space is None, f"{path.name}: {h!r}: only ID fields take an ID space")
        if name:
            check(name not in names, f"{path.name}: property {name!r} repeated")
            names.add(name)
        fields.append((name, ty, space))
    return fields


def rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        r = csv.reader(f)
        header = next(r)
        return header, list(r)


def run(argv):
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--gephi")
    ap.add_argument("--expected")
    a = ap.parse_args(argv)
    out = Path(a.out)
    expected = read_expected(a.expected)
    node_files = sorted(out.glob("nodes_*.csv"))
    rel_files = sorted(out.glob("rels_*.csv"))
    check(node_files and rel_files, f"no nodes_*.csv / rels_*.csv in {out}")
    con = duckdb.connect()
    ids = {}  # space -> {id: label}
    names = {}
    for path in node_files:
        header, body = rows(path)
        fields = parse_header(path, header)
        id_fields = [i for i, (_, t, _) in enumerate(fields) if t == "ID"]
        check(len(id_fields) == 1, f"{path.name}: {len(id_fields)} ID fields")
        check(sum(t == "LABEL" for _, t, _ in fields) <= 1, f"{path.name}: several :LABEL fields")
        label_col = next(i for i, (_, t, _) in enumerate(fields) if t == "LABEL")
        space = fields[id_fields[0]][2] or ""
        name_col = header.index("name")
        want_label = path.stem[len("nodes_"):]
        for row in body:
            check(len(row) == len(header), f"{path.name}: row of {len(row)} fields: {row}")
            nid = row[id_fields[0]]
            check(nid not in ids.setdefault(space, {}), f"{path.name}: id {nid!r} repeated in space {space!r}")
            ids[space][nid] = row[label_col]
            names[nid] = row[name_col]
            check(row[label_col].split(";") == [want_label], f"{path.name}: label {row[label_col]!r}")
            for (fname, t, _), v in zip(fields, row):
                if t == "int" and v:
                    check(-(2**63) <= int(v) < 2**63, f"{path.name}: {fname}={v!r}")
        con.execute(f"CREATE TABLE t AS SELECT * FROM read_csv(?, header=true, quote='\"', escape='\"', strict_mode=true)", [str(path)])
        n = con.execute("SELECT count(*) FROM t").fetchone()[0]
        check(n == len(body), f"{path.name}: duckdb read {n} rows, csv module {len(body)}")
        types = dict(con.execute("SELECT column_name, column_type FROM (DESCRIBE t)").fetchall())
        if "line:int" in types and body:
            check(types["line:int"] in INTEGER, f"{path.name}: line:int read as {types['line:int']}")
        con.execute("DROP TABLE t")
    rels = set()
    for path in rel_files:
        header, body = rows(path)
        fields = parse_header(path, header)
        for t in ("START_ID", "END_ID"):
            found = [s for _, ty, s in fields if ty == t]
            check(len(found) == 1, f"{path.name}: {len(found)} :{t} fields")
            check((found[0] or "") in ids, f"{path.name}: ID space {found[0]!r} declared by no nodes file")
        check(sum(t == "TYPE" for _, t, _ in fields) <= 1, f"{path.name}: several :TYPE fields")
        col = {t: i for i, (_, t, _) in enumerate(fields) if t in ("START_ID", "END_ID", "TYPE")}
        space = {t: s or "" for _, t, s in fields if t in ("START_ID", "END_ID")}
        want_type = path.stem[len("rels_"):]
        for row in body:
            check(len(row) == len(header), f"{path.name}: row of {len(row)} fields")
            s, e = row[col["START_ID"]], row[col["END_ID"]]
            check(s in ids[space["START_ID"]] and e in ids[space["END_ID"]], f"{path.name}: dangling {s!r} -> {e!r}")
            check(row[col["TYPE"]] == want_type, f"{path.name}: type {row[col['TYPE']]!r}")
            for (fname, t, _), v in zip(fields, row):
                if t == "int":
                    check(v != "" and -(2**63) <= int(v) < 2**63, f"{path.name}: {fname}={v!r}")
            rels.add((s, e, row[col["TYPE"]]))
        con.execute(f"CREATE TABLE t AS SELECT * FROM read_csv(?, header=true, quote='\"', escape='\"', strict_mode=true)", [str(path)])
        n = con.execute("SELECT count(*) FROM t").fetchone()[0]
        check(n == len(body), f"{path.name}: duckdb read {n} rows, csv module {len(body)}")
        if body:
            ty = dict(con.execute("SELECT column_name, column_type FROM (DESCRIBE t)").fetchall())["weight:int"]
            check(ty in INTEGER, f"{path.name}: weight:int read as {ty}")
        con.execute("DROP TABLE t")
    node_count = sum(len(v) for v in ids.values())
    if a.gephi:
        gnodes, gedges = read_gephi(a.gephi)
        check({n["Id"] for n in gnodes} == set(names), "node ids differ from the Gephi CSV's")
        check({n["Id"]: n["Label"] for n in gnodes} == names, "names differ from the Gephi labels")
        check({(e["Source"], e["Target"], e["Label"].upper()) for e in gedges} == rels, "relationships differ from edges.csv")
    if expected:
        for n in expected["nodes"]:
            check(names.get(n["id"]) == n["label"], f"{n['id']}: {names.get(n['id'])!r} != {n['label']!r}")
        check(len(rels) == expected["edges"], f"{len(rels)} relationships, graph has {expected['edges']}")
    return f"{len(node_files)} nodes files ({node_count} nodes), {len(rel_files)} relationships files ({len(rels)} relationships)"


if __name__ == "__main__":
    main(run)
