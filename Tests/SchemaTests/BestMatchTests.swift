import JSON
import XCTest

@testable import Schema

final class BestMatchTests: XCTestCase {
    private func errors(_ instance: String, _ schema: String) throws -> [ValidationError] {
        let registry = try SchemaRegistry(documents: [
            SchemaDocument(name: "s.json", schema: try JSONParser.parse(schema))
        ])
        return registry.validate(try JSONParser.parse(instance), against: "s.json")
    }

    /// A reference is either a string or a selection map: for a map, the map
    /// branch explains the problem, not "expected a string".
    private let include = #"""
        {"items": {"anyOf": [
          {"type": "string", "pattern": "^[a-z]+/[a-z-]+$"},
          {"type": "object", "required": ["type"], "additionalProperties": false,
           "properties": {"type": {"enum": ["indicators", "helplines"]}, "touchpoints": {"type": "array"}}}
        ]}}
        """#

    func testPrefersTheBranchWhoseTypeMatches() throws {
        let result = try errors(#"[{"type": "indicators", "touchpoint": ["gate"]}]"#, include)
        XCTAssertEqual(result.count, 1)
        XCTAssertEqual(result[0].keyword, "additionalProperties")
        XCTAssertEqual(result[0].instancePath.description, "/0/touchpoint")
        XCTAssertEqual(result[0].knownProperties, ["type", "touchpoints"])
    }

    func testPrefersTheDeepestError() throws {
        let result = try errors(#"[{"type": "indicatrs"}]"#, include)
        XCTAssertEqual(result.map(\.keyword), ["enum"])
        XCTAssertEqual(result[0].instancePath.description, "/0/type")
    }

    func testStringBranchForStrings() throws {
        let result = try errors(#"["Indicators/x"]"#, include)
        XCTAssertEqual(result.map(\.keyword), ["pattern"])
    }

    func testAllTypeMismatchesMergeIntoOneTypeError() throws {
        let result = try errors("[5]", include)
        XCTAssertEqual(result.count, 1)
        XCTAssertEqual(result[0].keyword, "type")
        XCTAssertEqual(result[0].message, "expected a string or an object, found a number")
        XCTAssertEqual(result[0].expectedTypes, ["string", "object"])
    }

    func testOneOfEnumsMergeIntoOneEnumError() throws {
        let schema = #"{"oneOf": [{"enum": ["a4", "letter"]}, {"const": "cr80"}]}"#
        let result = try errors(#""a5""#, schema)
        XCTAssertEqual(result.count, 1)
        XCTAssertEqual(result[0].keyword, "enum")
        XCTAssertEqual(result[0].allowedValues, [.string("a4"), .string("letter"), .string("cr80")])
        XCTAssertEqual(result[0].message, #""a5" is not one of a4, letter, cr80"#)
    }

    func testOneOfMatchingTwiceIsOneError() throws {
        let result = try errors("3", #"{"oneOf": [{"type": "integer"}, {"minimum": 1}]}"#)
        XCTAssertEqual(result.map(\.keyword), ["oneOf"])
    }
}
