#!/usr/bin/env bash
# Throughput of the release binary over a generated tree of documents,
# timed side by side with ripgrep searching the same tree.
#
#   bench/throughput.sh [SIZE_MB] [FILE_KB]
#
# The documents are the shared corpus (../shared/corpus/docs beside the
# repository) when present, else the bundled examples, repeated into files
# of FILE_KB each until SIZE_MB are written to a temporary folder.
# Needs hyperfine and ripgrep (Debian: apt-get install hyperfine ripgrep).
set -euo pipefail
cd "$(dirname "$0")/.."

size_mb=${1:-200}
file_kb=${2:-64}

for tool in hyperfine rg; do
  command -v "$tool" >/dev/null || { echo "needs $tool (apt-get install hyperfine ripgrep)" >&2; exit 2; }
done

cargo build --release --quiet -p redline-cli
redline=$PWD/target/release/redline

sources=(../shared/corpus/docs/*.txt)
if [ ! -e "${sources[0]}" ]; then
  echo "notice: ../shared/corpus is absent; using examples/ as the seed documents" >&2
  sources=(examples/*.txt)
fi

tree=$(mktemp -d)
trap 'rm -rf "$tree"' EXIT
python3 - "$tree" "$size_mb" "$file_kb" "${sources[@]}" <<'PY'
import os, sys
tree, size_mb, file_kb, *sources = sys.argv[1:]
seed = "\n".join(open(s, encoding="utf-8").read() for s in sources).encode()
target, per_file = int(size_mb) << 20, int(file_kb) << 10
written = index = 0
while written < target:
    folder = os.path.join(tree, f"d{index // 100:03d}")
    os.makedirs(folder, exist_ok=True)
    # Start each file at a line start, so that it is valid UTF-8.
    start = seed.find(b"\n", (index * 7919) % len(seed)) + 1
    chunk = (seed[start:] + seed)[:per_file]
    # Cut at a line end so that no file ends inside a UTF-8 sequence.
    chunk = chunk[: chunk.rfind(b"\n") + 1]
    with open(os.path.join(folder, f"doc{index:05d}.txt"), "wb") as f:
        f.write(chunk)
    written += len(chunk)
    index += 1
print(f"{index} files, {written / (1 << 20):.1f} MiB in {tree}", file=sys.stderr)
PY

bytes=$(du -sb "$tree" | cut -f1)
json=$(mktemp)
hyperfine --warmup 1 --runs 5 --export-json "$json" --ignore-failure \
  -n redline "$redline check --quiet --no-cache --format json $tree" \
  -n ripgrep "rg -c --no-messages -e '20[xX×*_]{2}' -e 'XX' -e '某某' -e '_{3,}' $tree" >&2

python3 - "$json" "$bytes" <<'PY'
import json, sys
runs = {r["command"]: r["mean"] for r in json.load(open(sys.argv[1]))["results"]}
mib = int(sys.argv[2]) / (1 << 20)
for name, mean in runs.items():
    print(f"{name:8s} {mean * 1000:8.1f} ms  {mib / mean:8.1f} MiB/s")
print(f"redline takes {runs['redline'] / runs['ripgrep']:.1f}x the time of ripgrep on the same tree")
PY

# The result cache: a cold run (empty cache, filling it) against a warm one
# (every file unchanged), from a scratch working directory.
scratch=$(mktemp -d)
trap 'rm -rf "$tree" "$scratch"' EXIT
(cd "$scratch" && hyperfine --runs 5 --export-json "$json" --ignore-failure \
  -n cold --prepare "rm -rf $scratch/.redline_cache" "$redline check --quiet --format json $tree" \
  -n warm --prepare "true" "$redline check --quiet --format json $tree" >&2)
python3 - "$json" <<'PY'
import json, sys
runs = {r["command"]: r["mean"] for r in json.load(open(sys.argv[1]))["results"]}
print(f"cache: cold {runs['cold'] * 1000:.1f} ms, warm {runs['warm'] * 1000:.1f} ms, warm/cold {runs['warm'] / runs['cold']:.2f}")
PY
rm -f "$json"
