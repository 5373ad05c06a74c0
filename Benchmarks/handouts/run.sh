#!/usr/bin/env bash
# Booklet benchmark: the sample guide's booklet (en + es, A4) rendered natively by
# `guide build --only handouts` (pango + cairo) and, from the same Markdown, as HTML + print CSS
# by WeasyPrint, in the same run. Reports wall-clock seconds per page for both.
#
#   Benchmarks/handouts/run.sh            # uses .build/release/guide (swift build -c release)
#   GUIDE=.build/debug/guide RUNS=3 Benchmarks/handouts/run.sh
#
# Needs hyperfine, pdfinfo, and `pip install weasyprint markdown pyyaml`.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
guide=$(cd "$root" && realpath "${GUIDE:-.build/release/guide}")
runs=${RUNS:-5}
work=$root/Benchmarks/.work/handouts
rm -rf "$work" && mkdir -p "$work"

# The same content for both: a copy of Content/ whose only handout is the booklet.
cp -r "$root/Content" "$work/content"
find "$work/content/handouts" -name '*.yml' ! -name full-guide-booklet.yml -delete
export SOURCE_DATE_EPOCH=1735689600
python3 "$here/booklet_html.py" --content "$work/content" --templates "$root/Templates" --out "$work/html" --date 2025-01-01
languages=$(ls "$work/html" | sed -n 's/^booklet\.\(.*\)\.html$/\1/p' | tr '\n' ' ')
weasy="cd $work/html && for l in $languages; do weasyprint booklet.\$l.html booklet.\$l.pdf; done"
native="cd $work && $guide build --only handouts --content content --templates $root/Templates --output out 2>/dev/null"

hyperfine --warmup 1 --runs "$runs" --export-json "$work/times.json" \
  --command-name "guide build --only handouts" "$native" \
  --command-name "weasyprint (HTML + print CSS)" "$weasy"

pages() { local n=0; for f in "$@"; do n=$((n + $(pdfinfo "$f" | awk '/^Pages:/ {print $2}'))); done; echo $n; }
native_pages=$(pages "$work"/out/handouts/full-guide-booklet.*.pdf)
weasy_pages=$(pages "$work"/html/booklet.*.pdf)
python3 - "$work/times.json" "$native_pages" "$weasy_pages" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
pages = [int(sys.argv[2]), int(sys.argv[3])]
print(f"\n{'renderer':32} {'pages':>5} {'mean s':>8} {'± s':>6} {'s/page':>8}")
for result, n in zip(results, pages):
    print(f"{result['command']:32} {n:5d} {result['mean']:8.3f} {result['stddev'] or 0:6.3f} {result['mean'] / n:8.4f}")
print(f"\nnative is {results[1]['mean'] / pages[1] / (results[0]['mean'] / pages[0]):.1f}x faster per page")
PY
