#!/usr/bin/env bash
# swift-format (bundled with the Swift toolchain) over every Swift file, with
# the project's .swift-format, and every target's imports against Package.swift;
# any finding fails. `scripts/lint.sh --fix` formats the files in place first.
set -euo pipefail
cd "$(dirname "$0")/.."
paths=(Package.swift Sources Tests)
if [[ "${1:-}" == "--fix" ]]; then
    swift format format --configuration .swift-format --in-place --recursive --parallel "${paths[@]}"
fi
swift format lint --strict --configuration .swift-format --recursive --parallel "${paths[@]}"
echo "swift-format: no findings"
scripts/check-imports.py
