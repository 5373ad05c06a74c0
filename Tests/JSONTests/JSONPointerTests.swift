import XCTest

@testable import JSON

final class JSONPointerTests: XCTestCase {
    func testEscapingRoundTrips() {
        let pointer = JSONPointer(tokens: ["a/b", "m~n", "0", ""])
        XCTAssertEqual(pointer.description, "/a~1b/m~0n/0/")
        XCTAssertEqual(JSONPointer(pointer.description), pointer)
        XCTAssertEqual(JSONPointer("/~01")?.tokens, ["~1"])
    }

    func testRejectsMalformedText() {
        XCTAssertNil(JSONPointer("a"))
        XCTAssertNil(JSONPointer("/a~2"))
        XCTAssertNil(JSONPointer("/a~"))
        XCTAssertEqual(JSONPointer(""), .root)
    }

    func testResolvesAgainstValues() throws {
        let doc = try JSONParser.parse(#"{"a": [{"b/c": 1}], "": 2}"#)
        XCTAssertEqual(JSONPointer("/a/0/b~1c")?.resolve(in: doc), .number(.integer(1)))
        XCTAssertEqual(JSONPointer("/")?.resolve(in: doc), .number(.integer(2)))
        XCTAssertNil(JSONPointer("/a/01")?.resolve(in: doc))
        XCTAssertNil(JSONPointer("/a/1")?.resolve(in: doc))
        XCTAssertEqual(JSONPointer.root.appending("a").appending(0).description, "/a/0")
    }
}
