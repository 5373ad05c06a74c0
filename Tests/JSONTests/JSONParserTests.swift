import XCTest

@testable import JSON

final class JSONParserTests: XCTestCase {
    func testParsesAllValueKinds() throws {
        let value = try JSONParser.parse(#"{"a": [1, -2.5, 1e2, true, false, null, "x\n\u00e9\ud83d\ude00"], "b": {}}"#)
        XCTAssertEqual(
            value["a"],
            .array([
                .number(.integer(1)), .number(.double(-2.5)), .number(.double(100)),
                .bool(true), .bool(false), .null, .string("x\né😀"),
            ]))
        XCTAssertEqual(value.objectValue?.keys, ["a", "b"])
    }

    func testIntegersThatOverflowBecomeDoubles() throws {
        XCTAssertEqual(try JSONParser.parse("9223372036854775807"), .number(.integer(Int.max)))
        XCTAssertEqual(try JSONParser.parse("-9223372036854775808"), .number(.integer(Int.min)))
        guard case .number(.double(let d)) = try JSONParser.parse("9223372036854775808") else {
            return XCTFail("expected a double")
        }
        XCTAssertEqual(d, 9223372036854775808.0)
    }

    func testErrorsCarryLineAndColumn() {
        assertError("{\n  \"a\": tru\n}", line: 2, column: 8)
        assertError("[1, 2,]", line: 1, column: 7, contains: "expected a value")
        assertError("{\"a\": 1,}", line: 1, column: 9, contains: "member name")
        assertError("\"unterminated", line: 1, column: 1, contains: "unterminated")
        assertError("01", line: 1, column: 1, contains: "leading zero")
        assertError("[1] x", line: 1, column: 5, contains: "after the JSON value")
        assertError("{\"a\": 1, \"a\": 2}", line: 1, column: 10, contains: "duplicate")
        assertError("\"\\ud800\"", line: 1, column: 2, contains: "surrogate")
        assertError("\"tab\there\"", line: 1, column: 5, contains: "control character")
    }

    /// An error about a token on an earlier line than the parser has reached
    /// (a key whose value is missing at the end of the file), found by the
    /// fuzzer: it once trapped instead of being reported.
    func testErrorsAboutAnEarlierLine() {
        for text in ["{\"\":\n", "{\"é\":\n\n  ", "{\"a\": 1, \"b\":\n"] {
            XCTAssertThrowsError(try JSONParser.parseWithPositions(text), text)
            XCTAssertThrowsError(try JSONParser.parse(text), text)
        }
        assertError("{\"\":\n", line: 2, column: 1, contains: "expected a value")
    }

    func testColumnsCountUnicodeScalars() {
        assertError("[\"é😀\", x]", line: 1, column: 8)
    }

    func testRejectsInvalidUTF8() {
        XCTAssertThrowsError(try JSONParser.parse([0x22, 0x61, 0xFF, 0x22])) { error in
            XCTAssertEqual((error as? JSONParseError)?.column, 3)
        }
    }

    func testPositionsMapValuesAndKeys() throws {
        let text = "{\n  \"title\": \"x\",\n  \"tags\": [\n    1,\n    {\"a/b\": 2}\n  ]\n}"
        let (_, positions) = try JSONParser.parseWithPositions(text)
        XCTAssertEqual(positions[.root]?.line, 1)
        XCTAssertEqual(positions[JSONPointer("/title")!]?.line, 2)
        XCTAssertEqual(positions[JSONPointer("/title")!]?.column, 3)
        XCTAssertEqual(positions[JSONPointer("/tags/0")!]?.line, 4)
        XCTAssertEqual(positions[JSONPointer("/tags/1/a~1b")!]?.line, 5)
        XCTAssertEqual(positions[JSONPointer("/tags/1/a~1b")!]?.column, 6)
    }

    func testDeepNestingIsAnErrorNotACrash() {
        let text = String(repeating: "[", count: 10_000)
        XCTAssertThrowsError(try JSONParser.parse(text))
    }

    private func assertError(
        _ text: String, line: Int, column: Int, contains fragment: String? = nil,
        file: StaticString = #filePath, lineNumber: UInt = #line
    ) {
        XCTAssertThrowsError(try JSONParser.parse(text), file: file, line: lineNumber) { error in
            guard let error = error as? JSONParseError else {
                return XCTFail("wrong error type", file: file, line: lineNumber)
            }
            XCTAssertEqual(error.line, line, "\(error)", file: file, line: lineNumber)
            XCTAssertEqual(error.column, column, "\(error)", file: file, line: lineNumber)
            if let fragment {
                XCTAssertTrue(error.message.contains(fragment), "\(error)", file: file, line: lineNumber)
            }
        }
    }
}
