#!/usr/bin/env python3
"""Adversarial input shapes at 1, 2, 4 and 8 MB: time must grow linearly with size.

    python3 bench/shapes.py [--bin target/release/talkgraph ...] [--mb 1 2 4 8]
                            [--runs 3] [--timeout 120] [--shapes word,line,...]

Each shape is written once to /tmp/talkgraph-shapes/<shape>-<mb>mb.md (deterministic),
then every binary given with --bin (default: target/release/talkgraph) reads it with
`--format none -q -j 1`, RUNS times; the median wall time is reported, with seconds per
MB so that a flat column means linear cost. A run past --timeout is killed and shown as
`>T`. Prints a Markdown table (the one in BENCHMARKS.md).

The shapes (issue 19): one huge word; one huge line of prose; one huge line dense with
names; one huge heading; one huge list item; one huge table row; thousands of headings;
deep nesting (bullets and quotes); one name a million times.
Standard library only.
"""
import argparse
import os
import statistics
import subprocess
import sys
import time

DIR = "/tmp/talkgraph-shapes"
HEAD = "# PyCon Test 2024\n\n## Talk 1: Shapes\n\nAda Lovelace\n\n"


def fill(unit, size):
    """`unit` repeated to `size` bytes (cut at a unit boundary)."""
    return unit * max(1, size // len(unit))


def shape_text(name, size):
    if name == "word":
        return HEAD + fill("abcdefghij", size) + "\n"
    if name == "line":
        return HEAD + fill("black coffee. ", size) + "\n"
    if name == "dense-line":
        return HEAD + fill("Django and Flask with psutil, Pydanitc; PEP 659 in Python 3.11, ", size) + "\n"
    if name == "heading":
        return "# PyCon Test 2024\n\n## " + fill("Faster CPython ", size) + "\n\nAda Lovelace\n"
    if name == "list-item":
        return HEAD + "- " + fill("numpy and pandas then ", size) + "\n"
    if name == "table-row":
        return HEAD + "| time | title | speaker |\n|---|---|---|\n| 10:00 | " + fill("Rust and Go | ", size) + "\n"
    if name == "headings":
        return "# PyCon Test 2024\n\n" + "".join(
            f"## Talk {i}: Title {i}\n\nSpeaker Person{i % 97}\n\nWe used Django {i}.\n\n" for i in range(size // 60)
        )
    if name == "nesting":
        # Bullets 250 deep and quotes 250 deep (about 100 KB), repeated to the size.
        depth = 250
        block = "".join("  " * d + "- numpy\n" for d in range(depth)) + "".join(
            ">" * d + " quoted Flask\n" for d in range(1, depth + 1)
        )
        return HEAD + fill(block + "\n", size)
    if name == "one-name":
        return HEAD + fill("Django\n", size)
    raise SystemExit(f"unknown shape {name}")


SHAPES = ["word", "line", "dense-line", "heading", "list-item", "table-row", "headings", "nesting", "one-name"]


def ensure(name, mb):
    os.makedirs(DIR, exist_ok=True)
    path = os.path.join(DIR, f"{name}-{mb}mb.md")
    if not os.path.exists(path):
        with open(path + ".tmp", "w", encoding="utf-8") as f:
            f.write(shape_text(name, mb * 1_000_000))
        os.replace(path + ".tmp", path)
    return path


def run(binary, path, runs, timeout):
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        try:
            subprocess.run(
                [binary, path, "--format", "none", "-q", "-j", "1"],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                timeout=timeout,
                check=False,
            )
        except subprocess.TimeoutExpired:
            return None
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", action="append", help="talkgraph binary (repeat to compare)")
    ap.add_argument("--mb", type=int, nargs="+", default=[1, 2, 4, 8])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--timeout", type=float, default=120)
    ap.add_argument("--shapes", default=",".join(SHAPES))
    a = ap.parse_args()
    bins = a.bin or ["target/release/talkgraph"]
    shapes = a.shapes.split(",")
    cols = " | ".join(f"{mb} MB" for mb in a.mb)
    print(f"| binary | shape | {cols} | s/MB at {a.mb[0]} MB -> {a.mb[-1]} MB |")
    print("|---|---|" + "---|" * len(a.mb) + "---|")
    for b in bins:
        for s in shapes:
            row = []
            per = []
            for mb in a.mb:
                t = run(b, ensure(s, mb), a.runs, a.timeout)
                row.append(f">{a.timeout:.0f} s" if t is None else f"{t:.2f} s")
                per.append(None if t is None else t / mb)
            first, last = per[0], per[-1]
            ratio = "n/a" if first is None or last is None else f"{first:.3f} -> {last:.3f}"
            print(f"| `{b}` | {s} | "
                  + " | ".join(row) + f" | {ratio} |")
            sys.stdout.flush()


if __name__ == "__main__":
    main()
