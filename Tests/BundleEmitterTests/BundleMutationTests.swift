import BundleEmitter
import Foundation
import JSON
import XCTest

/// The published schema is strict: a real bundle of the sample guide, corrupted
/// in each of the ways below (the 21 of issue 17 and more), is rejected by an
/// independent validator (Python's jsonschema, Draft 2020-12, formats checked),
/// while the bundle as built passes.
final class BundleMutationTests: XCTestCase {
    struct Corruption: Sendable {
        let name: String
        /// Applied to `guide.es.json` instead of `guide.json`.
        let languageFile: Bool
        let apply: @Sendable (inout JSONValue) -> Bool
    }

    private static func corrupt(
        _ name: String, inLanguageFile: Bool = false,
        _ apply: @escaping @Sendable (inout JSONValue) -> Bool
    ) -> Corruption {
        Corruption(name: name, languageFile: inLanguageFile, apply: apply)
    }

    static let indicator: [JSONStep] = [.key("entries"), .ref("indicators/holds-no-documents")]
    static let helpline: [JSONStep] = [.key("entries"), .ref("helplines/do-anti-trafficking-line")]
    static let emergency: [JSONStep] = [.key("entries"), .ref("helplines/do-emergency")]
    static let protocolEntry: [JSONStep] = [.key("entries"), .ref("protocols/alert-at-gate")]
    static func text(_ entry: [JSONStep], _ language: String) -> [JSONStep] {
        entry + [.key("languages"), .key(language)]
    }

    static let corruptions: [Corruption] = [
        corrupt("strength misspelt") { $0.set(indicator + [.key("data"), .key("strength")], .string("strnog")) },
        corrupt("purpose misspelt") { $0.set(helpline + [.key("data"), .key("purpose")], .string("reprot")) },
        corrupt("channel type misspelt in data") {
            $0.set(helpline + [.key("data"), .key("channels"), .index(0), .key("type")], .string("fone"))
        },
        corrupt("channel type misspelt in channels") {
            $0.set(helpline + [.key("channels"), .index(0), .key("type")], .string("fone"))
        },
        corrupt("control method misspelt") {
            $0.set(indicator + [.key("data"), .key("control_methods")], .array([.string("WithholdDocuments")]))
        },
        corrupt("e164 true on 911") { $0.set(emergency + [.key("channels"), .index(0), .key("e164")], .bool(true)) },
        corrupt("e164 false on an E.164 number") {
            $0.set(helpline + [.key("channels"), .index(0), .key("e164")], .bool(false))
        },
        corrupt("channel value \"call us\"") {
            $0.set(helpline + [.key("data"), .key("channels"), .index(0), .key("value")], .string("call us"))
        },
        corrupt("country XX") { $0.set(helpline + [.key("data"), .key("country")], .string("XX")) },
        corrupt("areaServed XX") { $0.set(helpline + [.key("contact_point"), .key("areaServed")], .string("XX")) },
        corrupt("jurisdiction XX") {
            $0.set(
                [.key("entries"), .ref("concepts/consent"), .key("data"), .key("jurisdictions")],
                .array([.string("XX")]))
        },
        corrupt("unknown category") { $0.set(indicator + [.key("data"), .key("category")], .string("smuggling")) },
        corrupt("unknown touchpoint") {
            $0.set(indicator + [.key("data"), .key("touchpoints")], .array([.string("lounge")]))
        },
        corrupt("unknown observer role") {
            $0.set(indicator + [.key("data"), .key("observers")], .array([.string("pilot")]))
        },
        corrupt("ref of another type") { $0.set(indicator + [.key("ref")], .string("protocols/holds-no-documents")) },
        corrupt("400-character summary") {
            $0.set(text(indicator, "es") + [.key("summary")], .string(String(repeating: "x", count: 400)))
        },
        corrupt("200-character title") {
            $0.set(text(indicator, "en") + [.key("title")], .string(String(repeating: "x", count: 200)))
        },
        corrupt("duplicate entry") {
            $0.edit([.key("entries")]) { $0 = .array(($0?.arrayValue ?? []) + ($0?.arrayValue?.prefix(1) ?? [])) }
        },
        corrupt("a declared language missing") { $0.set(indicator + [.key("languages"), .key("pap")], nil) },
        corrupt("an undeclared language") {
            $0.set(indicator + [.key("languages"), .key("fr")], .object(JSONObject([("status", .string("source"))])))
        },
        corrupt("translation status unknown") { $0.set(text(indicator, "es") + [.key("status")], .string("complete")) },
        corrupt("fallback_language on a current text") {
            $0.set(text(indicator, "en") + [.key("fallback_language")], .string("es"))
        },
        corrupt("under_review on the source text") {
            $0.set(text(indicator, "en") + [.key("under_review")], .bool(true))
        },
        corrupt("entry hash not sha256") { $0.set(text(indicator, "en") + [.key("content_hash")], .string("md5:0f")) },
        corrupt("format_version 1.0") { $0.set([.key("format_version")], .string("1.0")) },
        corrupt("version not semver") { $0.set([.key("version")], .string("1.0")) },
        corrupt("licence on http") {
            $0.set([.key("licence"), .key("url")], .string("http://creativecommons.org/licenses/by/4.0/"))
        },
        corrupt("verified_on not a day") {
            $0.set(helpline + [.key("data"), .key("verified_on")], .string("2016-02-30"))
        },
        corrupt("stale not a boolean") { $0.set(helpline + [.key("freshness"), .key("stale")], .string("yes")) },
        corrupt("helpline without freshness") { $0.set(helpline + [.key("freshness")], nil) },
        corrupt("freshness window not the guide's") {
            $0.set(helpline + [.key("freshness"), .key("max_age_days")], .number(.integer(3650)))
        },
        corrupt("misspelt entry member") { $0.set(indicator + [.key("sumary")], .string("x")) },
        corrupt("misspelt data field") { $0.set(indicator + [.key("data"), .key("strenght")], .string("strong")) },
        corrupt("reference url off the site") {
            $0.set(
                text(indicator, "en") + [.key("references"), .index(0), .key("url")], .string("https://evil.example/"))
        },
        corrupt("javascript: channel link") {
            $0.set(helpline + [.key("channels"), .index(0), .key("uri")], .string("javascript:alert(1)"))
        },
        corrupt("protocol step without text") {
            $0.set(text(protocolEntry, "en") + [.key("steps"), .index(0), .key("text")], nil)
        },
        corrupt("Organization typed Person") {
            $0.set(helpline + [.key("organization"), .key("@type")], .string("Person"))
        },
        corrupt("$schema elsewhere") { $0.set([.key("$schema")], .string("https://evil.example/guide.schema.json")) },
        corrupt("tombstone ref of another type") {
            $0.set(
                [.key("tombstones")],
                .array([
                    .object(
                        JSONObject([
                            ("ref", .string("protocols/old")), ("type", .string("indicators")), ("id", .string("old")),
                            ("removed_on", .string("2026-01-01")), ("replaced_by", .array([])),
                        ]))
                ]))
        },
        corrupt("trigger on an indicator") { $0.set(text(indicator, "en") + [.key("trigger")], .string("When …")) },
        corrupt("language file: strength misspelt", inLanguageFile: true) {
            $0.set(indicator + [.key("data"), .key("strength")], .string("strnog"))
        },
        corrupt("language file: no text_language", inLanguageFile: true) {
            $0.set(indicator + [.key("text_language")], nil)
        },
        corrupt("language file: undeclared language", inLanguageFile: true) {
            $0.set([.key("language")], .string("fr"))
        },
        corrupt("language file: name_language unknown", inLanguageFile: true) {
            $0.set([.key("roles"), .index(0), .key("name_language")], .string("xx"))
        },
        corrupt("language file: country XX", inLanguageFile: true) {
            $0.set([.key("countries"), .index(0), .key("code")], .string("XX"))
        },
    ]

    static let script = #"""
        import glob, json, os, sys
        from jsonschema import Draft202012Validator
        folder = sys.argv[1]
        schema = json.load(open(os.path.join(folder, "guide.schema.json"), encoding="utf-8"))
        Draft202012Validator.check_schema(schema)
        validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
        for name in ("guide.json", "guide.es.json"):
            for error in list(validator.iter_errors(json.load(open(os.path.join(folder, name), encoding="utf-8"))))[:3]:
                print(f"INVALID ORIGINAL {name}: {list(error.absolute_path)}: {error.message[:200]}")
        for path in sorted(glob.glob(os.path.join(folder, "mutants", "*.json"))):
            if validator.is_valid(json.load(open(path, encoding="utf-8"))):
                print("ACCEPTED " + os.path.basename(path))
        print("done")
        """#

    func testEveryCorruptionIsRejectedByAnIndependentValidator() throws {
        XCTAssertGreaterThanOrEqual(Self.corruptions.count, 30)
        let guide = try TestGuide()
        defer { guide.remove() }
        let bundle = try guide.build()
        let originals = ["guide.json": try bundle.full, "guide.es.json": try bundle.language("es")]
        let mutants = bundle.folder.appendingPathComponent("mutants")
        try FileManager.default.createDirectory(at: mutants, withIntermediateDirectories: true)
        for (number, corruption) in Self.corruptions.enumerated() {
            var document = try XCTUnwrap(originals[corruption.languageFile ? "guide.es.json" : "guide.json"])
            let before = document
            XCTAssertTrue(corruption.apply(&document), "\(corruption.name): the edit found nothing to change")
            XCTAssertNotEqual(document, before, "\(corruption.name): the edit changed nothing")
            try Data(JSONWriter().bytes(document)).write(
                to: mutants.appendingPathComponent(String(format: "%02d.json", number)))
        }
        let python = try XCTUnwrap(Processes.which("python3"), "python3 with jsonschema is needed (scripts/setup.sh)")
        let result = try XCTUnwrap(Processes.run(python, ["-c", Self.script, bundle.folder.path]))
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasSuffix("done\n"), result.stdout + result.stderr)
        XCTAssertFalse(result.stdout.contains("INVALID ORIGINAL"), result.stdout)
        for line in result.stdout.split(separator: "\n") where line.hasPrefix("ACCEPTED ") {
            let number = Int(line.dropFirst("ACCEPTED ".count).prefix(2)) ?? -1
            XCTFail(
                "the schema accepts a bundle with \(Self.corruptions.indices.contains(number) ? Self.corruptions[number].name : String(line))"
            )
        }
    }
}
