#!/usr/bin/env bash
# The whole test suite: unit, golden-diagnostic and end-to-end tests.
# Installs what the tests need first (a no-op when it is already there).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/lint.sh
swift build
swift test 2>&1 | grep -vE "^Test Case .* (started|passed)|^\[[0-9]+/[0-9]+\] "
# The fuzz corpus and every input that once crashed, replayed under AddressSanitizer.
scripts/fuzz.sh --replay
