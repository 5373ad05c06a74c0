import Foundation
import JSON
import Synchronization
import XCTest

@testable import Schema

final class SchemaRegistryTests: XCTestCase {
    private let common = #"""
        {"$id": "common.schema.json",
         "$defs": {
           "reference": {"type": "string", "pattern": "^[a-z]+/[a-z0-9-]+$"},
           "text": {"type": "string", "minLength": 1, "x-translatable": true}
         }}
        """#
    private let indicator = #"""
        {"$id": "indicator.schema.json",
         "x-sections": ["signs", "what-to-do"],
         "allOf": [{"$ref": "#/$defs/base"}],
         "properties": {
           "title": {"$ref": "common.schema.json#/$defs/text"},
           "related": {"type": "array", "items": {"$ref": "common.schema.json#/$defs/reference"}},
           "phone": {"type": "string", "x-per-language": false}
         },
         "$defs": {"base": {"properties": {"summary": {"$ref": "common.schema.json#/$defs/text", "maxLength": 200}}}}}
        """#

    private func registry() throws -> SchemaRegistry {
        try SchemaRegistry(documents: [
            SchemaDocument(name: "indicator.schema.json", schema: try JSONParser.parse(indicator)),
            SchemaDocument(name: "common.schema.json", schema: try JSONParser.parse(common)),
        ])
    }

    func testCrossDocumentReferencesWithRelativeIDs() throws {
        let registry = try registry()
        XCTAssertTrue(registry.contains("file:///schema/common.schema.json#/$defs/reference"))
        XCTAssertEqual(
            registry.validate(
                try JSONParser.parse(#"{"related": ["indicators/x"]}"#), against: "indicator.schema.json"), [])
        let result = registry.validate(
            try JSONParser.parse(#"{"related": ["x"], "title": ""}"#), against: "indicator.schema.json")
        XCTAssertEqual(result.map(\.keyword), ["pattern", "minLength"]) // in instance member order
        XCTAssertEqual(result[0].schemaPath, "file:///schema/common.schema.json#/$defs/reference/pattern")
        XCTAssertEqual(result[0].instancePath.description, "/related/0")
    }

    func testPropertyAnnotationsFollowReferences() throws {
        let annotations = try registry().propertyAnnotations(of: "indicator.schema.json")
        XCTAssertEqual(Set(annotations.keys), ["title", "related", "phone", "summary"])
        XCTAssertEqual(annotations["title"]?["x-translatable"], .bool(true))
        XCTAssertEqual(annotations["summary"]?["x-translatable"], .bool(true))
        XCTAssertEqual(annotations["summary"]?["maxLength"], .number(.integer(200)))
        XCTAssertEqual(annotations["phone"]?["x-per-language"], .bool(false))
        XCTAssertNil(annotations["related"]?["x-translatable"])
    }

    func testRootKeyword() throws {
        let registry = try registry()
        XCTAssertEqual(
            registry.rootKeyword("x-sections", of: "indicator.schema.json"),
            .array([.string("signs"), .string("what-to-do")]))
        XCTAssertNil(registry.rootKeyword("x-sections", of: "common.schema.json"))
    }

    func testMalformedSchemaNamesDocumentAndPointer() throws {
        let bad = try JSONParser.parse(#"{"properties": {"level": {"type": "strnig"}}}"#)
        XCTAssertThrowsError(try SchemaRegistry(documents: [SchemaDocument(name: "bad.schema.json", schema: bad)])) {
            error in
            let error = error as! SchemaError
            XCTAssertEqual(error.document, "bad.schema.json")
            XCTAssertEqual(error.pointer.description, "/properties/level/type")
            XCTAssertTrue(error.message.contains("strnig"))
        }
    }

    func testUnresolvableReferenceIsASchemaError() throws {
        let bad = try JSONParser.parse(#"{"items": {"$ref": "commn.schema.json#/$defs/x"}}"#)
        XCTAssertThrowsError(try SchemaRegistry(documents: [SchemaDocument(name: "bad.schema.json", schema: bad)])) {
            error in
            let error = error as! SchemaError
            XCTAssertEqual(error.pointer.description, "/items/$ref")
            XCTAssertTrue(error.message.contains("file:///schema/commn.schema.json#/$defs/x"), error.message)
        }
    }

    func testUnknownSchemaURIIsAnError() throws {
        let result = try registry().validate(.null, against: "nope.schema.json")
        XCTAssertEqual(result.first?.keyword, "$ref")
    }

    func testSchemasValidateAgainstTheMetaSchema() throws {
        let registry = try SchemaRegistry(documents: SchemaRegistry.draft202012MetaSchemas)
        let metaschema = "https://json-schema.org/draft/2020-12/schema"
        XCTAssertEqual(registry.validate(try JSONParser.parse(indicator), against: metaschema), [])
        let result = registry.validate(
            try JSONParser.parse(#"{"properties": {"a": {"minLength": -1}}}"#), against: metaschema)
        XCTAssertEqual(result.first?.instancePath.description, "/properties/a/minLength")
    }

    func testConcurrentValidationGivesTheSameResults() throws {
        let registry = try registry()
        let instance = try JSONParser.parse(#"{"related": ["x", "a/b"], "title": ""}"#)
        let expected = registry.validate(instance, against: "indicator.schema.json")
        let mismatches = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for _ in 0..<200 where registry.validate(instance, against: "indicator.schema.json") != expected {
                mismatches.withLock { $0 += 1 }
            }
        }
        XCTAssertEqual(mismatches.withLock { $0 }, 0)
    }
}
