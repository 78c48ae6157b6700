#!/usr/bin/env python3
"""Transcribe a curated "awesome" list (Markdown) into a TSV of names, Go module
paths and sections: `python3 data/tools/awesome_list_tsv.py README.md > data/sources/awesome-go.tsv`.

It reads the list items `- [Name](url) - description` under the `##`, `###` and
`####` headings and writes `name<TAB>module<TAB>section`, the section as the path of
headings (`Command Line/Standard CLI`). Only software is kept: the top-level
`# Resources` part (benchmarks, conferences, e-books, gophers, meetups, style guides,
social media, websites, tutorials) and the sections of templates and reading lists
(SKIP) are left out, and so are the descriptions and the URLs themselves.

The module is the Go module path the list's link gives: `github.com/owner/repo` of a
repository on GitHub, GitLab, Codeberg, Bitbucket or Gitea, `golang.org/x/...`, the
path of a pkg.go.dev link; none for a project's own site. A link written without a
host (`owner/repo`) is a GitHub repository.
"""

from __future__ import annotations

import re
import sys

SKIP = {"Resources", "Project Layout", "Benchmarks", "Conferences", "E-Books", "Gophers", "Meetups",
        "Style Guides", "Social Media", "Websites", "Tutorials", "Guided Learning", "Contribution", "License",
        "Contents"}
FORGES = ("github.com", "gitlab.com", "codeberg.org", "bitbucket.org", "gitea.com")
ITEM = re.compile(r"^\s*[-*] \[([^\]]+)\]\(([^)\s]+)\)")


def module_of(url: str) -> str:
    """The Go module path a list's link names, or "" when it names none."""
    u = re.sub(r"^https?://", "", url).rstrip("/")
    u = re.sub(r"^www\.", "", u)
    parts = u.split("/")
    if "." not in parts[0]:  # `owner/repo`: a GitHub repository
        parts = ["github.com", *parts]
    host = parts[0]
    if host in FORGES and len(parts) >= 3:
        return "/".join(parts[:3])
    if host == "golang.org" and len(parts) >= 3 and parts[1] == "x":
        return "/".join(parts[:3])
    if host == "pkg.go.dev" and len(parts) >= 2:
        return "/".join(parts[1:])
    return ""


def transcribe(lines):
    heads: list[str] = []
    skipping = False
    for line in lines:
        m = re.match(r"^(#{1,4}) (.+?)\s*$", line)
        if m:
            level, title = len(m.group(1)), m.group(2)
            if level == 1:
                skipping = title in SKIP
                heads = []
                continue
            heads = heads[: level - 2] + [title]
            continue
        m = ITEM.match(line)
        if not m or skipping or not heads or any(h in SKIP for h in heads):
            continue
        name = " ".join(m.group(1).split())
        yield name, module_of(m.group(2)), "/".join(heads)


def main(argv=None) -> int:
    argv = argv if argv is not None else sys.argv[1:]
    with open(argv[0], encoding="utf-8") as f:
        rows = list(transcribe(f))
    print("name\tmodule\tsection")
    for row in rows:
        print("\t".join(row))
    return 0


if __name__ == "__main__":
    sys.exit(main())
