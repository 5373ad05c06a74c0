import JSON
import XCTest

/// The bundle is written with `JSONWriter`; its string escaping copies runs
/// of plain text whole, so check every escape and that text round-trips.
final class JSONWriterEscapingTests: XCTestCase {
    func testEscapesAndRoundTrip() throws {
        let text = "a\"b\\c\nd\re\tf\u{01}g\u{1F}h\u{2028}i\u{2029}j é ñ ò Kreyòl ayisyen 🛫 \u{E2}"
        let written = JSONWriter(pretty: false).string(.string(text))
        XCTAssertEqual(
            written, "\"a\\\"b\\\\c\\nd\\re\\tf\\u0001g\\u001fh\\u2028i\\u2029j é ñ ò Kreyòl ayisyen 🛫 \u{E2}\"")
        XCTAssertEqual(try JSONParser.parse(written), .string(text))
        XCTAssertEqual(JSONWriter(pretty: false).string(.string("")), "\"\"")
        XCTAssertEqual(JSONWriter(pretty: false).string(.string("plain")), "\"plain\"")
        XCTAssertEqual(JSONWriter(pretty: false).string(.string("\u{2027}\u{202A}")), "\"\u{2027}\u{202A}\"")
    }
}
