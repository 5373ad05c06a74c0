import BundleEmitter
import Foundation
import JSON
import XCTest

/// End to end: `guide build --only bundle`, then every file checked with an
/// independent validator (Python's jsonschema, Draft 2020-12), and the schema
/// itself checked against the 2020-12 metaschema.
final class BundleSchemaTests: XCTestCase {
    /// Validates every bundle file in argv[1] against its guide.schema.json, and
    /// checks that the schema closes every object it describes (so an undocumented
    /// member fails): all but the dispatchers, which only pick the definition by `kind` or `type`.
    static let validator = #"""
        import glob, json, os, sys
        try:
            from jsonschema import Draft202012Validator
            from jsonschema.exceptions import best_match
        except ImportError:
            print("Python's jsonschema is not installed: run `python3 -m pip install jsonschema` (scripts/setup.sh does)")
            sys.exit(3)
        folder = sys.argv[1]
        schema = json.load(open(os.path.join(folder, "guide.schema.json"), encoding="utf-8"))
        Draft202012Validator.check_schema(schema)
        dispatchers = {"", "/$defs/guideEntry", "/$defs/languageEntry"}
        open_objects = []
        def walk(node, path):
            if isinstance(node, dict):
                if node.get("type") == "object" and "properties" in node and node.get("additionalProperties") is not False \
                        and path not in dispatchers:
                    open_objects.append(path)
                for key, value in node.items(): walk(value, f"{path}/{key}")
            elif isinstance(node, list):
                for index, value in enumerate(node): walk(value, f"{path}/{index}")
        walk(schema, "")
        for path in open_objects:
            print(f"open object in the schema: {path}")
        validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
        checked, failures = 0, len(open_objects)
        for path in sorted(glob.glob(os.path.join(folder, "guide*.json"))):
            if path.endswith("guide.schema.json"): continue
            document = json.load(open(path, encoding="utf-8"))
            errors = list(validator.iter_errors(document))
            if errors:
                failures += len(errors)
                error = best_match(errors)
                print(f"{os.path.basename(path)}: {'/'.join(map(str, error.absolute_path))}: {error.message[:300]}")
            checked += 1
        print(f"checked {checked} files, {failures} errors")
        sys.exit(1 if failures or checked == 0 else 0)
        """#

    func testEveryBundleFileValidatesAgainstTheSchemaWithAnIndependentValidator() throws {
        let guide = try TestGuide()
        defer { guide.remove() }
        // Every translation state and shape: current, outdated, missing with
        // fallback, and nothing to show (a type that forbids fallback: alert-at-gate
        // without its Spanish and Portuguese translations).
        try guide.stamp("indicators/holds-no-documents.es.md")
        try guide.delete("indicators/holds-no-documents.pap.md")
        try guide.replace("protocols: true", with: "protocols: false", in: "guide.yml")
        try guide.delete("protocols/alert-at-gate.es.md")
        try guide.delete("protocols/alert-at-gate.pt.md")

        let output = guide.root.appendingPathComponent("Output")
        let built = try XCTUnwrap(
            Processes.run(
                try Processes.guideExecutable(),
                ["build", "--only", "bundle", "--content", guide.content.path, "--output", output.path],
                environment: ProcessInfo.processInfo.environment.merging(["SOURCE_DATE_EPOCH": "1700000000"]) { $1 }))
        XCTAssertEqual(
            built.status, 0, built.stderr.split(separator: "\n").filter { $0.contains("error") }.joined(separator: "\n")
        )
        let bundle = output.appendingPathComponent("bundle")

        let full = try JSONParser.parse([UInt8](Data(contentsOf: bundle.appendingPathComponent("guide.json"))))
        XCTAssertEqual(
            full.entry("protocols/alert-at-gate", in: "es"), object(["status": .string("missing")]),
            "the shapes under test are really there")
        XCTAssertEqual(full.entry("protocols/alert-at-gate", in: "pt"), object(["status": .string("missing")]))
        XCTAssertEqual(full.entry("indicators/holds-no-documents", in: "es")?["status"]?.stringValue, "current")
        XCTAssertEqual(full.entry("indicators/holds-no-documents", in: "pap")?["fallback_language"]?.stringValue, "nl")
        XCTAssertEqual(full["generated_at"]?.stringValue, "2023-11-14T22:13:20Z")
        let es = try JSONParser.parse([UInt8](Data(contentsOf: bundle.appendingPathComponent("guide.es.json"))))
        XCTAssertNil(es.entry("protocols/alert-at-gate"), "nothing to show: left out of the language file")

        guard let python = Processes.which("python3") else {
            return XCTFail(
                "python3 is not installed: install Python 3 and `python3 -m pip install jsonschema` (scripts/setup.sh does)"
            )
        }
        let result = try XCTUnwrap(Processes.run(python, ["-c", Self.validator, bundle.path]))
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("checked 7 files, 0 errors"), result.stdout + result.stderr)
    }

    func testSchemaMatchesTheDocumentedFormatVersion() throws {
        let guide = try TestGuide()
        defer { guide.remove() }
        let schema = BundleSchema.document(for: guide.load())
        XCTAssertEqual(schema["$schema"]?.stringValue, "https://json-schema.org/draft/2020-12/schema")
        XCTAssertEqual(schema["$id"]?.stringValue, "https://guide.example.org/bundle/guide.schema.json")
        let pattern = try XCTUnwrap(schema["$defs"]?["formatVersion"]?["pattern"]?.stringValue)
        XCTAssertTrue(pattern.hasPrefix("^\(BundleFormat.major)\\."), pattern)
        XCTAssertTrue(BundleFormat.version.hasPrefix("\(BundleFormat.major)."))
        for name in [
            "guideBundle", "languageBundle", "guideEntry", "languageEntry", "localized.indicators",
            "data.helplines", "guideEntry.protocols", "languageEntry.concepts", "derivedChannel",
        ] {
            XCTAssertNotNil(schema["$defs"]?[name], name)
        }
        for name in ["entryCommon", "helplineCommon", "localizedCommon", "channelLinkMembers"] {
            XCTAssertNil(schema["$defs"]?[name], "\(name) is a building block, not published")
        }
        let languageEntry = try XCTUnwrap(schema["$defs"]?["languageEntry.indicators"]?["properties"]?.objectValue)
        XCTAssertNotNil(languageEntry["data"])
        XCTAssertNotNil(languageEntry["body_html"], "the language entry is the core and the localized members")
        XCTAssertNotNil(languageEntry["strength_note"], "with the type's translatable fields")
        XCTAssertNil(languageEntry["trigger"], "and only those")
    }

    /// The closed lists come from guide.yml and the content schemas, so the schema changes with them.
    func testClosedListsFollowTheGuide() throws {
        let guide = try TestGuide()
        defer { guide.remove() }
        try guide.replace(
            "  - code: AW\n",
            with:
                "  - code: JM\n    name: {en: Jamaica, es: Jamaica, nl: Jamaica, pap: Jamaica, ht: Jamayik, pt: Jamaica}\n    languages: [en]\n  - code: AW\n",
            in: "guide.yml")
        try guide.replace("\"Threats\", ", with: "\"Threats\", \"Isolation\", ", in: "schema/common.schema.json")
        let defs = try XCTUnwrap(BundleSchema.document(for: guide.load())["$defs"])
        XCTAssertEqual(defs["countryCode"]?["enum"], .array(["DO", "TT", "JM", "AW"].map(JSONValue.string)))
        XCTAssertEqual(
            defs["languageCode"]?["enum"], .array(["en", "es", "nl", "pap", "ht", "pt"].map(JSONValue.string)))
        let methods = try XCTUnwrap(defs["common.controlMethod"]?["enum"]?.arrayValue)
        XCTAssertTrue(methods.contains(.string("Isolation")))
        XCTAssertEqual(defs["common.title"]?["maxLength"], .number(.integer(120)), "length limits as in the content")
    }
}
