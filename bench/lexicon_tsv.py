#!/usr/bin/env python3
"""Writes talkgraph's lexicon (data/lexicon/*.toml) in the format of
../shared/bench/lexicon.tsv -- `canonical<TAB>alias1|alias2...` -- so that
../shared/bench/limit.sh makes ripgrep look for the same names talkgraph looks for:
every canonical name and every alias.

    python3 bench/lexicon_tsv.py > /tmp/talkgraph-lexicon.tsv
"""
import pathlib
import sys
import tomllib

root = pathlib.Path(__file__).resolve().parent.parent
entries = [
    e
    for f in sorted((root / "data" / "lexicon").glob("*.toml"))
    for e in tomllib.loads(f.read_text(encoding="utf-8")).get("entry", [])
]
out = sys.stdout
out.write("# talkgraph's built-in lexicon: canonical<TAB>aliases, written by bench/lexicon_tsv.py\n")
for e in entries:
    names = [n.replace("\t", " ").replace("|", " ") for n in e.get("aliases", [])]
    out.write(f"{e['name']}\t{'|'.join(names)}\n")
