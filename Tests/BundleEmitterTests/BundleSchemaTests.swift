import BundleEmitter
import Foundation
import JSON
import XCTest

/// End to end: `guide build --only bundle`, then every file checked with an
/// independent validator (Python's jsonschema, Draft 2020-12), and the schema
/// itself checked against the 2020-12 metaschema.
final class BundleSchemaTests: XCTestCase {
    /// Validates every bundle file in argv[1] against its guide.schema.json,
    /// as written and with every object closed (so an undocumented member fails).
    static let validator = #"""
import copy, glob, json, os, sys
try:
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import best_match
except ImportError:
    print("Python's jsonschema is not installed: run `python3 -m pip install jsonschema` (scripts/setup.sh does)")
    sys.exit(3)
folder = sys.argv[1]
schema = json.load(open(os.path.join(folder, "guide.schema.json"), encoding="utf-8"))
Draft202012Validator.check_schema(schema)
def close(node):
    if isinstance(node, dict):
        if node.get("type") == "object" and "properties" in node and "additionalProperties" not in node:
            node["additionalProperties"] = False
        for value in node.values(): close(value)
    elif isinstance(node, list):
        for value in node: close(value)
closed = copy.deepcopy(schema)
close(closed)
checked, failures = 0, 0
for path in sorted(glob.glob(os.path.join(folder, "guide*.json"))):
    if path.endswith("guide.schema.json"): continue
    document = json.load(open(path, encoding="utf-8"))
    for name, s in (("schema", schema), ("closed schema", closed)):
        validator = Draft202012Validator(s, format_checker=Draft202012Validator.FORMAT_CHECKER)
        errors = list(validator.iter_errors(document))
        if errors:
            failures += len(errors)
            error = best_match(errors)
            print(f"{os.path.basename(path)} ({name}): {'/'.join(map(str, error.absolute_path))}: {error.message[:300]}")
    checked += 1
print(f"checked {checked} files, {failures} errors")
sys.exit(1 if failures or checked == 0 else 0)
"""#

    func testEveryBundleFileValidatesAgainstTheSchemaWithAnIndependentValidator() throws {
        let guide = try TestGuide()
        defer { guide.remove() }
        // Every translation state and shape: current, outdated, missing with
        // fallback, and nothing to show (a type that forbids fallback).
        try guide.stamp("indicators/holds-no-documents.es.md")
        try guide.delete("indicators/holds-no-documents.pap.md")
        try guide.replace("protocols: true", with: "protocols: false", in: "guide.yml")
        try guide.delete("protocols/alert-at-gate.es.md")

        let output = guide.root.appendingPathComponent("Output")
        let built = try XCTUnwrap(Processes.run(
            try Processes.guideExecutable(),
            ["build", "--only", "bundle", "--content", guide.content.path, "--output", output.path],
            environment: ProcessInfo.processInfo.environment.merging(["SOURCE_DATE_EPOCH": "1700000000"]) { $1 }))
        XCTAssertEqual(built.status, 0, built.stderr.split(separator: "\n").filter { $0.contains("error") }.joined(separator: "\n"))
        let bundle = output.appendingPathComponent("bundle")

        let full = try JSONParser.parse([UInt8](Data(contentsOf: bundle.appendingPathComponent("guide.json"))))
        XCTAssertEqual(full.entry("protocols/alert-at-gate", in: "es"), object(["status": .string("missing")]),
                       "the shapes under test are really there")
        XCTAssertEqual(full.entry("protocols/alert-at-gate", in: "pt"), object(["status": .string("missing")]))
        XCTAssertEqual(full.entry("indicators/holds-no-documents", in: "es")?["status"]?.stringValue, "current")
        XCTAssertEqual(full.entry("indicators/holds-no-documents", in: "pap")?["fallback_language"]?.stringValue, "nl")
        XCTAssertEqual(full["generated_at"]?.stringValue, "2023-11-14T22:13:20Z")
        let es = try JSONParser.parse([UInt8](Data(contentsOf: bundle.appendingPathComponent("guide.es.json"))))
        XCTAssertNil(es.entry("protocols/alert-at-gate"), "nothing to show: left out of the language file")

        guard let python = Processes.which("python3") else {
            return XCTFail("python3 is not installed: install Python 3 and `python3 -m pip install jsonschema` (scripts/setup.sh does)")
        }
        let result = try XCTUnwrap(Processes.run(python, ["-c", Self.validator, bundle.path]))
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("checked 7 files, 0 errors"), result.stdout + result.stderr)
    }

    func testSchemaMatchesTheDocumentedFormatVersion() throws {
        let schema = BundleSchema.document
        XCTAssertEqual(schema["$schema"]?.stringValue, "https://json-schema.org/draft/2020-12/schema")
        let pattern = try XCTUnwrap(schema["$defs"]?["formatVersion"]?["pattern"]?.stringValue)
        XCTAssertTrue(pattern.hasPrefix("^\(BundleFormat.major)\\."), pattern)
        XCTAssertTrue(BundleFormat.version.hasPrefix("\(BundleFormat.major)."))
        for name in ["guideBundle", "languageBundle", "guideEntry", "languageEntry", "localized", "entryCore"] {
            XCTAssertNotNil(schema["$defs"]?[name], name)
        }
        let languageEntry = try XCTUnwrap(schema["$defs"]?["languageEntry"]?["properties"]?.objectValue)
        XCTAssertNotNil(languageEntry["data"])
        XCTAssertNotNil(languageEntry["body_html"], "the language entry is the core and the localized members")
    }
}
