import JSON
import XCTest

@testable import Schema

final class ValidationMessageTests: XCTestCase {
    private let indicator = #"""
        {
          "$id": "indicator.schema.json",
          "type": "object",
          "required": ["title", "strength"],
          "additionalProperties": false,
          "properties": {
            "title": {"type": "string", "maxLength": 30},
            "strength": {"enum": ["contextual", "moderate", "strong"]},
            "count": {"type": "integer", "minimum": 1},
            "tags": {"type": "array", "items": {"type": "string", "pattern": "^[a-z-]+$"}}
          }
        }
        """#

    private func errors(_ instance: String, _ schema: String? = nil) throws -> [ValidationError] {
        let registry = try SchemaRegistry(documents: [
            SchemaDocument(name: "indicator.schema.json", schema: try JSONParser.parse(schema ?? indicator))
        ])
        return registry.validate(try JSONParser.parse(instance), against: "indicator.schema.json")
    }

    func testValidInstanceHasNoErrors() throws {
        XCTAssertEqual(try errors(#"{"title": "Holds no documents", "strength": "strong", "tags": ["a-b"]}"#), [])
    }

    func testEnumListsAllowedValues() throws {
        let result = try errors(#"{"title": "x", "strength": "strnog"}"#)
        XCTAssertEqual(result.count, 1)
        XCTAssertEqual(result[0].keyword, "enum")
        XCTAssertEqual(result[0].message, #""strnog" is not one of contextual, moderate, strong"#)
        XCTAssertEqual(result[0].instancePath.description, "/strength")
        XCTAssertEqual(result[0].allowedValues, [.string("contextual"), .string("moderate"), .string("strong")])
        XCTAssertEqual(result[0].schemaPath, "file:///schema/indicator.schema.json#/properties/strength/enum")
    }

    func testOneErrorPerMissingRequiredProperty() throws {
        let result = try errors("{}")
        XCTAssertEqual(result.map(\.keyword), ["required", "required"])
        XCTAssertEqual(result.map(\.property), ["title", "strength"])
        XCTAssertEqual(result[0].message, #"missing required field "title""#)
        XCTAssertTrue(result.allSatisfy { $0.instancePath.isRoot })
    }

    func testUnknownFieldIsReportedAtItsKeyWithKnownNames() throws {
        let result = try errors(#"{"titel": "x", "title": "x", "strength": "strong"}"#)
        XCTAssertEqual(result.count, 1)
        XCTAssertEqual(result[0].keyword, "additionalProperties")
        XCTAssertEqual(result[0].message, #"unknown field "titel""#)
        XCTAssertEqual(result[0].instancePath.description, "/titel")
        XCTAssertEqual(result[0].property, "titel")
        XCTAssertEqual(result[0].knownProperties, ["title", "strength", "count", "tags"])
    }

    func testTypeLengthPatternAndRangeMessages() throws {
        let long = String(repeating: "é", count: 31)
        let result = try errors(#"{"title": "\#(long)", "strength": "strong", "count": 0, "tags": [3, "A"]}"#)
        XCTAssertEqual(result.map(\.keyword), ["maxLength", "minimum", "type", "pattern"])
        XCTAssertEqual(result[0].message, "\"\(long)\" is longer than 30 characters")
        XCTAssertEqual(result[1].message, "0 is less than the minimum of 1")
        XCTAssertEqual(result[2].message, "expected a string, found a number")
        XCTAssertEqual(result[2].instancePath.description, "/tags/0")
        XCTAssertEqual(result[2].expectedTypes, ["string"])
        XCTAssertEqual(result[3].message, #""A" does not match the pattern ^[a-z-]+$"#)
    }

    func testLengthCountsCodePoints() throws {
        // Thirty scalars, some outside the BMP: fits maxLength 30.
        let title = String(repeating: "😀", count: 30)
        XCTAssertEqual(try errors(#"{"title": "\#(title)", "strength": "strong"}"#), [])
    }

    func testTypeErrorSuppressesSiblingComplaints() throws {
        let schema = #"""
            {"$defs": {"word": {"type": "string"}},
             "properties": {"level": {"$ref": "#/$defs/word", "enum": ["a", "b"]}}}
            """#
        let result = try errors(#"{"level": 5}"#, schema)
        XCTAssertEqual(result.map(\.keyword), ["type"])
    }

    func testDuplicateRequirementsThroughAllOfAreReportedOnce() throws {
        let schema = #"{"allOf": [{"required": ["title"]}, {"required": ["title"]}]}"#
        XCTAssertEqual(try errors("{}", schema).count, 1)
    }

    func testUnevaluatedPropertiesReportsKnownNamesFromSubschemas() throws {
        let schema = #"""
            {"allOf": [{"properties": {"title": true}}], "properties": {"body": true}, "unevaluatedProperties": false}
            """#
        let result = try errors(#"{"title": 1, "bdy": 2}"#, schema)
        XCTAssertEqual(result.count, 1)
        XCTAssertEqual(result[0].keyword, "unevaluatedProperties")
        XCTAssertEqual(result[0].instancePath.description, "/bdy")
        XCTAssertEqual(result[0].knownProperties, ["body", "title"])
    }

    func testFormatIsNotAsserted() throws {
        XCTAssertEqual(try errors(#""not a date""#, #"{"format": "date"}"#), [])
    }
}
