import Foundation
import JSON
import XCTest

@testable import Schema

/// Runs the official JSON-Schema-Test-Suite (draft 2020-12) against our validator.
final class TestSuiteTests: XCTestCase {
    /// Files whose every case must pass.
    static let requiredFiles: Set<String> = [
        "type", "enum", "const", "properties", "required", "additionalProperties", "patternProperties",
        "propertyNames", "items", "prefixItems", "contains", "minItems", "maxItems", "uniqueItems",
        "minLength", "maxLength", "pattern", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
        "multipleOf", "minProperties", "maxProperties", "allOf", "anyOf", "oneOf", "not", "if-then-else",
        "dependentRequired", "dependentSchemas", "defs", "ref", "boolean_schema", "default",
        "unevaluatedProperties", "unevaluatedItems",
    ]

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

    static var suiteURL: URL { testData.appendingPathComponent("json-schema-test-suite") }

    /// Skips (with what is missing and where to get it) when the suite is not there.
    func requireSuite() throws {
        let folder = Self.suiteURL.appendingPathComponent("tests/draft2020-12")
        guard FileManager.default.fileExists(atPath: folder.path) else {
            throw XCTSkip(
                """
                the JSON-Schema-Test-Suite is not at \(Self.suiteURL.path): get it from \
                https://github.com/json-schema-org/JSON-Schema-Test-Suite and set GUIDE_TESTDATA to the folder \
                holding json-schema-test-suite/
                """)
        }
    }

    /// `http://localhost:1234/draft2020-12/…` documents from `remotes/`.
    static func remotes() throws -> [SchemaDocument] {
        let folder = suiteURL.appendingPathComponent("remotes/draft2020-12")
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)!
        var documents: [SchemaDocument] = []
        for case let url as URL in files where url.pathExtension == "json" {
            let relative = url.path.dropFirst(folder.path.count + 1)
            let schema = try JSONParser.parse(String(contentsOf: url, encoding: .utf8))
            documents.append(SchemaDocument(name: "http://localhost:1234/draft2020-12/\(relative)", schema: schema))
        }
        return documents
    }

    func testDraft202012() throws {
        try requireSuite()
        let folder = Self.suiteURL.appendingPathComponent("tests/draft2020-12")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }
            .sorted()
        XCTAssertFalse(files.isEmpty, "test suite not found at \(folder.path)")
        let shared = try Self.remotes() + SchemaRegistry.draft202012MetaSchemas
        var total = 0
        var passed = 0
        var requiredTotal = 0
        var requiredPassed = 0
        var failures: [String] = []
        for file in files {
            let name = String(file.dropLast(5))
            let groups = try JSONParser.parse(String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8))
            for group in groups.arrayValue! {
                let description = group["description"]!.stringValue!
                let registry: SchemaRegistry?
                var compileError = ""
                do {
                    registry = try SchemaRegistry(
                        documents: shared + [SchemaDocument(name: "file:///suite/\(file)", schema: group["schema"]!)])
                } catch {
                    registry = nil
                    compileError = " (schema error: \(error))"
                }
                for test in group["tests"]!.arrayValue! {
                    let expected = test["valid"]!.boolValue!
                    let errors = registry?.validate(test["data"]!, against: "file:///suite/\(file)")
                    let ok = errors.map { $0.isEmpty == expected } ?? false
                    total += 1
                    if ok { passed += 1 }
                    if Self.requiredFiles.contains(name) {
                        requiredTotal += 1
                        if ok { requiredPassed += 1 }
                    }
                    if !ok {
                        failures.append(
                            "\(file) | \(description) | \(test["description"]!.stringValue!)\(compileError)")
                    }
                }
            }
        }
        print(
            "JSON-Schema-Test-Suite draft2020-12: \(passed)/\(total) passed; required files \(requiredPassed)/\(requiredTotal)"
        )
        for failure in failures { print("  FAIL \(failure)") }
        XCTAssertEqual(requiredPassed, requiredTotal, "cases failing in required files")
        XCTAssertGreaterThanOrEqual(Double(passed), 0.95 * Double(total), "overall pass rate below 95%")
    }

    /// `format: date` as an assertion (as `guide` validates content): every
    /// case of the suite's optional `date` format tests.
    func testDateFormatAssertion() throws {
        try requireSuite()
        let file = Self.suiteURL.appendingPathComponent("tests/draft2020-12/optional/format/date.json")
        let groups = try JSONParser.parse(String(contentsOf: file, encoding: .utf8))
        var cases = 0
        for group in groups.arrayValue! {
            let registry = try SchemaRegistry(
                documents: [SchemaDocument(name: "date.json", schema: group["schema"]!)],
                assertingFormats: ["date"])
            for test in group["tests"]!.arrayValue! {
                let errors = registry.validate(test["data"]!, against: "date.json")
                XCTAssertEqual(errors.isEmpty, test["valid"]!.boolValue!, test["description"]!.stringValue!)
                cases += 1
            }
        }
        XCTAssertGreaterThan(cases, 30)
    }
}
