#!/usr/bin/env bash
# Side-by-side benchmark: talkgraph, the Python pipeline (../shared/bench/baseline.py)
# and ripgrep scanning for talkgraph's lexicon, on generated corpora of 10 MB, 100 MB
# and 1 GB, then the start-up on the sample notes. Prints what BENCHMARKS.md tabulates.
#
#   bash bench/compare.sh [SIZES_MB...]        default: 10 100 1000
#
# Environment: RUNS (default 3) runs per measurement, median reported; BASELINE_MAX_MB
# (default 100): the Python pipeline is run on corpora up to this size only (on 1 GB
# it needs about 23 GiB and 20 minutes); BASELINE_RUNS (default RUNS).
# Corpora go to /tmp/notes-<N>mb and are generated once with gen_corpus.py.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared/bench
if [ $# -gt 0 ]; then sizes=("$@"); else sizes=(10 100 1000); fi
runs=${RUNS:-3}
base_max=${BASELINE_MAX_MB:-100}
base_runs=${BASELINE_RUNS:-$runs}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet
tg=$PWD/target/release/talkgraph
python3 bench/lexicon_tsv.py > "$work/lexicon.tsv"
python3 -c 'import spacy, networkx, rdflib' 2>/dev/null || pip install -q -r "$shared/requirements.txt"

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo), $(lscpu | sed -n 's/^Model name: *//p')"
echo "versions: $(rustc --version), $(python3 --version), $(rg --version | head -1)"
for mb in "${sizes[@]}"; do
  dir=/tmp/notes-${mb}mb
  [ -d "$dir" ] || python3 "$shared/gen_corpus.py" --out "$dir" --mb "$mb" > /dev/null
  r=$runs; [ "$mb" -ge 1000 ] && r=${RUNS_1GB:-1}
  echo
  echo "=== $mb MB"
  echo "--- talkgraph, end to end (DOT + JSON-LD + CSV), all cores"
  bash "$shared/measure.sh" "$dir" "$r" -- "$tg" "$dir" -o "$work/out-rs" -q --stats | grep -E "median|^(read|segment|recognise|graph|write|total)"
  echo "--- talkgraph, end to end, one thread"
  bash "$shared/measure.sh" "$dir" "$r" -- "$tg" "$dir" -o "$work/out-rs1" -q -j 1 | grep median
  echo "--- talkgraph, extraction alone (read, segment, recognise, graph; --format none), all cores"
  bash "$shared/measure.sh" "$dir" "$r" -- "$tg" "$dir" -f none -q | grep median
  echo "--- talkgraph, extraction alone, one thread"
  bash "$shared/measure.sh" "$dir" "$r" -- "$tg" "$dir" -f none -q -j 1 | grep median
  echo "--- ripgrep for talkgraph's lexicon (every name and alias)"
  bash "$shared/limit.sh" "$dir" "$work/lexicon.tsv" "$r" | grep -E "MB/s|corpus|rg:"
  if [ "$mb" -le "$base_max" ]; then
    echo "--- baseline.py, all cores"
    bash "$shared/measure.sh" "$dir" "$base_runs" -- python3 "$shared/baseline.py" "$dir" --out "$work/out-py" | grep median
    echo "--- baseline.py --jobs 1"
    bash "$shared/measure.sh" "$dir" "$base_runs" -- python3 "$shared/baseline.py" "$dir" --out "$work/out-py1" --jobs 1 | grep median
  fi
done

# Start-up: the sample notes end to end (lexicon, PEP catalogue, regexes, four
# outputs), too short for measure.sh's 10 ms resolution: 3 rounds of 21 runs.
echo
echo "=== start-up (notes/, end to end)"
python3 - "$tg" "$work/out-sample" <<'PY'
import statistics, subprocess, sys, time
tg, out = sys.argv[1], sys.argv[2]
for r in range(3):
    ts = []
    for _ in range(21):
        t = time.perf_counter()
        subprocess.run([tg, "notes", "-o", out, "-q"], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        ts.append(time.perf_counter() - t)
    print(f"round {r + 1}: median {statistics.median(ts) * 1000:.1f} ms, min {min(ts) * 1000:.1f} ms")
PY
