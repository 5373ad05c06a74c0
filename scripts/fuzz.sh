#!/usr/bin/env bash
# Runs the fuzz target (Sources/GuideFuzz) under libFuzzer and AddressSanitizer.
#
#   scripts/fuzz.sh [SECONDS] [extra libFuzzer options]     fuzz (default 600 s), growing .build-fuzz/corpus
#   scripts/fuzz.sh --replay                                replay Fuzz/corpus and Fuzz/crashers once (CI)
#
# New interesting inputs go to .build-fuzz/corpus (not committed: merge the
# useful ones into Fuzz/corpus with -merge=1); a crash writes its input to
# Fuzz/crashers/, which is committed with the fix and replayed by CI.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--replay" ]; then
  # Address sanitizer only: our own main replays every file once.
  swift build --scratch-path .build-asan -Xswiftc -sanitize=address --product GuideFuzz >/dev/null
  ASAN_OPTIONS=detect_leaks=0 .build-asan/debug/GuideFuzz Fuzz/corpus Fuzz/crashers
  exit 0
fi
seconds="${1:-600}"; shift || true
# Optimised (about 1.5x the inputs per second of a debug build); the sanitizer still checks every access.
swift build -c release --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING --product GuideFuzz >/dev/null
mkdir -p .build-fuzz/corpus Fuzz/crashers
ASAN_OPTIONS=detect_leaks=0 .build-fuzz/release/GuideFuzz .build-fuzz/corpus Fuzz/corpus \
  -max_total_time="$seconds" -max_len=65536 -timeout=20 -rss_limit_mb=4096 \
  -artifact_prefix=Fuzz/crashers/ -print_final_stats=1 "$@"
