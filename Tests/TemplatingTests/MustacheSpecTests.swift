import Foundation
import JSON
import Templating
import XCTest

/// The official Mustache spec (https://github.com/mustache/spec, its JSON
/// files): every test of the required modules and of `~inheritance` passes.
/// The optional `~lambdas` (code in the data) and `~dynamic-names`
/// (`{{>*name}}`) are left out: the renderer supports neither, on purpose.
final class MustacheSpecTests: XCTestCase {
    static let files = ["interpolation", "sections", "inverted", "comments", "delimiters", "partials", "~inheritance"]

    /// Third-party test data: `GUIDE_TESTDATA`, else `../shared/testdata`
    /// beside the repository (see README, "Tests").
    static var testData: URL {
        if let path = ProcessInfo.processInfo.environment["GUIDE_TESTDATA"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/testdata")
    }

    static var specs: URL { testData.appendingPathComponent("mustache-spec/specs") }

    /// Skips (with what is missing and where to get it) when the spec is not there.
    func requireSpec() throws {
        let missing = Self.files.filter {
            !FileManager.default.fileExists(atPath: Self.specs.appendingPathComponent("\($0).json").path)
        }
        guard missing.isEmpty else {
            throw XCTSkip(
                """
                the Mustache spec is not at \(Self.specs.path) (missing \(missing.map { "\($0).json" }.joined(separator: ", "))): \
                get it from https://github.com/mustache/spec and set GUIDE_TESTDATA to the folder holding \
                mustache-spec/specs/
                """)
        }
    }

    func testOfficialSpec() throws {
        try requireSpec()
        var total = 0
        var failures: [String] = []
        for file in Self.files {
            let spec = try JSONParser.parse(
                String(contentsOf: Self.specs.appendingPathComponent("\(file).json"), encoding: .utf8))
            var passed = 0
            let tests = try XCTUnwrap(spec["tests"]?.arrayValue, "\(file).json has no tests")
            for test in tests {
                let name = test["name"]?.stringValue ?? "?"
                total += 1
                do {
                    let rendered = try Self.render(test)
                    let expected = test["expected"]?.stringValue ?? ""
                    if rendered == expected {
                        passed += 1
                    } else {
                        failures.append(
                            "\(file) | \(name)\n    template: \(Self.quoted(test["template"]?.stringValue))"
                                + "\n    expected: \(Self.quoted(expected))\n    rendered: \(Self.quoted(rendered))")
                    }
                } catch {
                    failures.append("\(file) | \(name): \(error)")
                }
            }
            print("Mustache spec \(file).json: \(passed)/\(tests.count) passed")
        }
        print(
            "Mustache spec: \(total - failures.count)/\(total) passed (~lambdas and ~dynamic-names not run: not supported)"
        )
        for failure in failures { print("  FAIL \(failure)") }
        XCTAssertEqual(failures, [], "every spec test passes")
        XCTAssertGreaterThan(total, 150)
    }

    /// A spec test's template rendered with its data and partials.
    static func render(_ test: JSONValue) throws -> String {
        var templates: [String: Template] = ["": try Template(parsing: test["template"]?.stringValue ?? "")]
        if case .object(let partials)? = test["partials"] {
            for (name, text) in partials { templates[name] = try Template(parsing: text.stringValue ?? "") }
        }
        let data = test["data"].flatMap(value) ?? .object([:])
        return TemplateLibrary(templates).render("", data)
    }

    /// The spec's JSON data as template values: `null` is absent; numbers
    /// are integers or decimals as written.
    static func value(_ json: JSONValue) -> TemplateValue? {
        switch json {
        case .null: return nil
        case .bool(let flag): return .bool(flag)
        case .number(.integer(let number)): return .int(number)
        case .number(.double(let number)): return .decimal(number)
        case .string(let text): return .string(text)
        case .array(let items): return .list(items.compactMap(value))
        case .object(let object):
            var values: [String: TemplateValue] = [:]
            for (key, member) in object { values[key] = value(member) }
            return .object(values)
        }
    }

    static func quoted(_ text: String?) -> String {
        guard let text else { return "nil" }
        return "\"" + text.replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\r")
            + "\""
    }
}
