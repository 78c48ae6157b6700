"""JSON-LD processors read our graph.jsonld as we mean it.

- pyld expands it and turns it into RDF; rdflib parses it: both give exactly the number
  of triples that this script computes on its own from nodes.csv and edges.csv, using
  the mapping documented in src/export/jsonld.rs (one triple per type, name, alias,
  known attribute and plain link; five plus one per evidence line for a reified
  mention, four plus one per line for a co-mention);
- every node is the IRI <@base + id with its first ':' turned into '/'>, with its type
  and name (the name exactly as in the CSV, hostile characters included);
- pyld's compaction of the expanded document with our own @context gives back our
  node objects exactly (so the document is compact JSON-LD, not just valid JSON-LD);
- SPARQL over rdflib's graph answers "which talks mention PEP 659?" with exactly the
  talks that edges.csv says mention pep:659 (and, with --expected, the titles the test
  put PEP 659 into).

usage: check_jsonld.py OUT_DIR [--expected expected.json] [--require-pep659]
"""

import argparse
import json
from pathlib import Path

import rdflib
from pyld import jsonld

from _common import check, main, read_expected, read_gephi

BASE = "https://talkgraph.example/id/"
SCHEMA = "https://schema.org/"
TYPES = {
    "Event": ["Event"],
    "Talk": ["EducationEvent"],
    "Person": ["Person"],
    "Technology": ["SoftwareApplication"],
    "Topic": ["DefinedTerm"],
    "Organization": ["Organization"],
    "PEP": ["TechArticle"],
    "Version": ["SoftwareApplication", "tg:Version"],
}
UNSAFE = set('<>"{}|\\^`')


def web_iri(s):
    return (
        (s.startswith("https://") or s.startswith("http://"))
        and len(s) > len("https://")
        and not any(c.isspace() or ord(c) < 32 or c in UNSAFE for c in s)
    )


def same_as(n):
    pages = set()
    for key in ("homepage", "url"):
        if n.get(key) and web_iri(n[key]):
            pages.add(n[key])
    p = n.get("pypi", "")
    if p and all(c.isascii() and (c.isalnum() or c in "._-") for c in p):
        pages.add(f"https://pypi.org/project/{p}/")
    q = n.get("wikidata", "")
    if q and web_iri(q):
        pages.add(q)
    elif len(q) > 1 and q[0] == "Q" and q[1:].isdigit():
        pages.add(f"https://www.wikidata.org/wiki/{q}")
    return pages


def expected_triples(nodes, edges):
    kind_of = {n["Id"]: n["kind"] for n in nodes}
    count = 0
    for n in nodes:
        k = n["kind"]
        count += len(TYPES[k]) + 1  # types, name
        count += len({a for a in n["aliases"].split(";") if a})
        has = lambda key: bool(n.get(key))  # noqa: E731
        if k == "Event":
            count += has("date")
        elif k == "Talk":
            count += has("date") + has("talk_kind") + (has("file") and has("line"))
        elif k == "Technology":
            count += has("category")
        elif k in ("Organization", "Topic"):
            count += has("category")
        elif k == "PEP":
            count += 1 + (has("url") and web_iri(n["url"])) + has("status") + has("type") + has("python_version")
        elif k == "Version":
            count += 1
        if k in ("Technology", "Topic", "Organization", "PEP"):
            count += len(same_as(n))
        # The measures (issue 16), one tg: triple each when the graph carries them.
        count += sum(has(m) for m in ("degree", "weighted_degree", "pagerank", "betweenness", "community", "community_label"))
    for e in edges:
        lines = len({x for x in e["evidence"].split(";") if x})
        # A reified mention or co-mention: its link, blank node type, target, weight and
        # confidence (issue 15), and one triple per place.
        if e["Label"] == "mentions":
            count += 6 + lines
        elif e["Label"] == "co_mentioned":
            count += 5 + lines
        else:
            # part_of, presented_by, authored, developed_by, version_of, and any
            # relation a view derives: one plain link each.
            check(e["Source"] in kind_of and e["Target"] in kind_of, f"dangling edge {e}")
            count += 1
    return count


def iri(node_id):
    return BASE + node_id.replace(":", "/", 1)


def run(argv):
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--expected")
    ap.add_argument("--require-pep659", action="store_true")
    a = ap.parse_args(argv)
    out = Path(a.out)
    nodes, edges = read_gephi(out)
    expected = read_expected(a.expected)
    text = (out / "graph.jsonld").read_text(encoding="utf-8")
    doc = json.loads(text)
    want = expected_triples(nodes, edges)

    expanded = jsonld.expand(doc)
    check(len(expanded) == len(nodes), f"pyld expanded {len(expanded)} top-level nodes, CSV has {len(nodes)}")
    nquads = jsonld.to_rdf(doc, {"format": "application/n-quads"})
    pyld_triples = {line for line in nquads.splitlines() if line.strip()}
    check(len(pyld_triples) == want, f"pyld: {len(pyld_triples)} triples, expected {want}")

    # Compact as JSON-LD means it: pyld's compaction with our own context gives back
    # exactly our node objects.
    compacted = jsonld.compact(expanded, doc["@context"])
    canon = lambda nodes: sorted(json.dumps(n, sort_keys=True, ensure_ascii=False) for n in nodes)  # noqa: E731
    check(canon(compacted.get("@graph", [])) == canon(doc["@graph"]), "pyld compacts our document into another shape")

    g = rdflib.Graph()
    g.parse(data=text, format="json-ld")
    check(len(g) == want, f"rdflib: {len(g)} triples, expected {want}")

    s = rdflib.Namespace(SCHEMA)
    for n in nodes:
        subject = rdflib.URIRef(iri(n["Id"]))
        types = {str(t) for t in g.objects(subject, rdflib.RDF.type)}
        first = TYPES[n["kind"]][0]
        check(SCHEMA + first in types, f"{n['Id']} has types {types}")
        names = {str(x) for x in g.objects(subject, s.name)}
        if n["kind"] != "PEP" or not n.get("title"):
            check(names == {n["Label"]}, f"{n['Id']}: name {names!r}, CSV label {n['Label']!r}")
    if expected:
        for n in expected["nodes"]:
            if n["kind"] != "PEP":
                got = {str(x) for x in g.objects(rdflib.URIRef(iri(n["id"])), s.name)}
                check(got == {n["label"]}, f"{n['id']}: name {got!r}, graph label {n['label']!r}")

    q = """
        PREFIX schema: <https://schema.org/>
        SELECT ?talk ?title WHERE {
            ?talk a schema:EducationEvent ; schema:about ?pep ; schema:name ?title .
            ?pep a schema:TechArticle ; schema:identifier "PEP 659" .
        }"""
    answer = {(str(r.talk), str(r.title)) for r in g.query(q)}
    label = {n["Id"]: n["Label"] for n in nodes}
    truth = {
        (iri(e["Source"]), label[e["Source"]])
        for e in edges
        if e["Label"] == "mentions" and e["Target"] == "pep:659"
    }
    check(answer == truth, f"SPARQL says {answer}, edges.csv says {truth}")
    if a.require_pep659:
        check(truth, "no talk mentions PEP 659")
    if expected:
        titles = {t for _, t in answer}
        check(titles == set(expected["pep659_talks"]), f"SPARQL titles {titles}, expected {expected['pep659_talks']}")
    return f"{want} triples (pyld and rdflib), SPARQL: {len(answer)} talk(s) mention PEP 659"


if __name__ == "__main__":
    main(run)
