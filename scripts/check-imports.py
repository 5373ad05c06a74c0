#!/usr/bin/env python3
"""Every module a target's Swift files import is a dependency it declares in
Package.swift, and every dependency it declares is imported (a layering rule of
docs/architecture.md). Reads the package through `swift package dump-package`."""
import json
import os
import re
import subprocess
import sys

# Modules of the toolchain and the system, not targets of this package.
PLATFORM = {"Foundation", "FoundationNetworking", "FoundationEssentials", "Dispatch", "Glibc", "Synchronization",
            "XCTest", "PackageDescription"}
# Only imports at the start of a line: the formatter puts every import there, and
# code in string literals (Python run by tests) is indented.
IMPORT = re.compile(r"^(?:@testable )?import (?:(?:struct|class|enum|func) )?([A-Za-z_][A-Za-z0-9_]*)", re.M)

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
package = json.loads(subprocess.check_output(["swift", "package", "dump-package"], cwd=root,
                                             stderr=subprocess.DEVNULL))
problems = []
for target in package["targets"]:
    if target["type"] == "system":
        continue
    declared = set()
    for dependency in target.get("dependencies", []):
        for kind in ("byName", "target", "product"):
            if kind in dependency:
                declared.add(dependency[kind][0])
    folder = os.path.join(root, "Tests" if target["type"] == "test" else "Sources", target["name"])
    imported = set()
    for directory, _, files in os.walk(folder):
        for name in files:
            if name.endswith(".swift"):
                with open(os.path.join(directory, name), encoding="utf-8") as source:
                    imported |= set(IMPORT.findall(source.read()))
    imported -= PLATFORM
    # An executable target's tests run the executable, they do not import it.
    declared_modules = {d for d in declared if not (target["type"] == "test" and d == "guide")}
    for module in sorted(imported - declared_modules):
        problems.append(f"{target['name']} imports {module} without declaring it in Package.swift")
    for module in sorted(declared_modules - imported):
        problems.append(f"{target['name']} declares {module} in Package.swift but never imports it")

for problem in problems:
    print(problem, file=sys.stderr)
if problems:
    sys.exit(1)
print("imports: every target imports exactly what it declares")
