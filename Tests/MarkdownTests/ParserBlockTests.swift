import Diagnostics
import XCTest
@testable import Markdown

final class ParserBlockTests: XCTestCase {
    func testParagraphRange() {
        let document = MarkdownParser.parse("Hello\nworld\n")
        XCTAssertEqual(document.blocks.first?.range.description, "1:1-2:6")
    }
}
