#!/usr/bin/env bash
# The whole test suite: unit, golden-diagnostic and end-to-end tests.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build
swift test 2>&1 | grep -vE "^Test Case .* (started|passed)|^\[[0-9]+/[0-9]+\] "
