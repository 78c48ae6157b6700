#!/usr/bin/env bash
# The viewer's first frame on the 20,000-node graph of tests/integration/viewer.rs
# (20,000 nodes, 109,038 edges), in Debian's headless Chromium: the speed goal of
# issue 16 (a first frame under 3 s on this two-core machine), kept out of the tests.
#
#   bash bench/viewer.sh                 build the page from this tree, open it RUNS times
#   bash bench/viewer.sh A.html B.html   open pages already written, side by side
#
# The page is the one the ignored test `a_20000_node_graph_opens_in_chromium` writes
# (its generator, not a copy of it): the test saves it where TALKGRAPH_VIEWER_HTML says.
# Each page is opened RUNS times (default 7) by tests/consumers/viewer_check.mjs, the
# pages taking turns, so a change of load hits them alike. Prints, per page, the median
# and the range (min-max) of the first frame and of each phase, in ms from navigation
# start:
#   html    the page read and parsed up to the viewer's script (scripts included)
#   parse   JSON.parse of the embedded data
#   graph   the nodes and edges indexed, the graphology graph built
#   sigma   sigma's constructor (its first indexation)
#   frame   to the first animation frame after it
# Needs node, `npm ci --prefix tests/consumers` and /usr/bin/chromium (or CHROMIUM).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-7}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ $# -eq 0 ]; then
  TALKGRAPH_VIEWER_HTML=$work/graph.html cargo test --quiet --test integration \
    a_20000_node_graph_opens_in_chromium -- --include-ignored > "$work/build.log" 2>&1 ||
    { cat "$work/build.log" >&2; exit 1; }
  set -- "$work/graph.html"
fi
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; $(chromium --version 2>/dev/null || true)"
for ((r = 0; r < runs; r++)); do
  for page in "$@"; do
    line=$(node tests/consumers/viewer_check.mjs "$page" | tail -1)
    echo "$page $line" >> "$work/figures"
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$work/figures" "$@" <<'PY'
import json, statistics, sys
rows = {}
for line in open(sys.argv[1]):
    page, figures = line.split(" ", 1)
    rows.setdefault(page, []).append(json.loads(figures))
def fmt(xs):
    return f"{statistics.median(xs):7.0f} ({min(xs):.0f}-{max(xs):.0f})"
cols = ["first frame", "html", "parse", "graph", "sigma", "frame"]
print(f"{'page':32} {'bytes':>9}  " + "  ".join(f"{c:>20}" for c in cols))
for page in sys.argv[2:]:
    fs = rows[page]
    t = [f["timings"] for f in fs]
    series = [
        [f["firstFrameMs"] for f in fs],
        [x["start"] for x in t],
        [x["parsed"] - x["start"] for x in t],
        [x["loaded"] - x["parsed"] for x in t],
        [x["sigma"] - x["loaded"] for x in t],
        [f["firstFrameMs"] - x["sigma"] for f, x in zip(fs, t)],
    ]
    name = page if len(page) <= 32 else "..." + page[-29:]
    print(f"{name:32} {fs[0]['bytes']:>9}  " + "  ".join(f"{fmt(s):>20}" for s in series))
print(f"median (min-max) of {len(fs)} loads each, ms")
PY
