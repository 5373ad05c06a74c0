import Diagnostics
import XCTest

@testable import Markdown

final class LinkPositionTests: XCTestCase {
    private func ranges(_ text: String, lineOffset: Int = 0) -> [String] {
        MarkdownParser.parse(text, lineOffset: lineOffset).links.map {
            "\($0.link.range) \($0.link.destinationRange.map(\.description) ?? "nil")"
        }
    }

    func testMultiByteCharactersBeforeALink() {
        // "Sé ü " is 5 scalars but 7 bytes.
        XCTAssertEqual(ranges("Sé ü [link](protocols/x#steps) end\n"), ["1:6-1:31 1:13-1:30"])
    }

    func testTabBeforeALink() {
        XCTAssertEqual(ranges("x\tü [a](b)\n"), ["1:5-1:11 1:9-1:10"])
        // A continuation line's leading tab is stripped before cmark counts columns.
        XCTAssertEqual(ranges("Para\n\tüé [two](b \"t\") x\n"), ["2:5-2:17 2:11-2:12"])
    }

    func testCRLFInput() {
        XCTAssertEqual(
            ranges("First [a](b)\r\nsecond é [c](dd)\r\n\r\n[e](f)\r\n"),
            ["1:7-1:13 1:11-1:12", "2:10-2:17 2:14-2:16", "4:1-4:7 4:5-4:6"])
    }

    func testContinuationLinesInListsAndQuotes() {
        let text = """
            - item
              continued [a](b)
            lazy [c](d)

            > quote [e](f)
            >more [g](h)
              > [i](j)

            1. x

               para
                 [k](l)
            """
        XCTAssertEqual(
            ranges(text),
            [
                "2:13-2:19 2:17-2:18", "3:6-3:12 3:10-3:11",
                "5:9-5:15 5:13-5:14", "6:7-6:13 6:11-6:12", "7:5-7:11 7:9-7:10",
                "12:6-12:12 12:10-12:11",
            ])
    }

    func testLinkSpanningLinesAndTitles() {
        XCTAssertEqual(ranges("See [two\nlines](a/b \"T ](a/b\") ok\n"), ["1:5-2:22 2:8-2:11"])
        XCTAssertEqual(ranges("[x](<with space>)\n"), ["1:1-1:18 1:6-1:16"])
    }

    func testImagesAndNestedImages() {
        let document = MarkdownParser.parse("é ![alt](media/a.png) [![b](c.png)](d)\n")
        XCTAssertEqual(document.links.map(\.isImage), [true, false, true])
        XCTAssertEqual(document.links.map(\.link.destination), ["media/a.png", "d", "c.png"])
        XCTAssertEqual(document.links.map(\.link.range.description), ["1:3-1:22", "1:23-1:39", "1:24-1:35"])
        XCTAssertEqual(
            document.links.map { $0.link.destinationRange?.description }, ["1:10-1:21", "1:37-1:38", "1:29-1:34"])
    }

    func testRepeatedBareAutolinksAndCodeSpans() {
        let text = "a https://x.example `https://y.example` https://y.example <https://y.example>\n"
        XCTAssertEqual(ranges(text), ["1:3-1:20 1:3-1:20", "1:41-1:58 1:41-1:58", "1:59-1:78 1:60-1:77"])
    }

    func testAutolinks() {
        let text = "é <https://a.example> and <me@x.org>\n\tthen www.b.example or https://a.example\n"
        let links = MarkdownParser.parse(text).links.map(\.link)
        XCTAssertEqual(
            links.map(\.destination),
            ["https://a.example", "mailto:me@x.org", "http://www.b.example", "https://a.example"])
        XCTAssertEqual(links.map(\.range.description), ["1:3-1:22", "1:27-1:37", "2:7-2:20", "2:24-2:41"])
        XCTAssertEqual(
            links.map { $0.destinationRange?.description },
            ["1:4-1:21", "1:28-1:36", "2:7-2:20", "2:24-2:41"])
    }

    func testLinksInTablesAndHeadings() {
        let text = "## Sé [h](x) {#s}\n\n| ü | b |\n|---|---|\n| é | [t](u) |\n"
        XCTAssertEqual(ranges(text), ["1:7-1:13 1:11-1:12", "5:7-5:13 5:11-5:12"])
    }

    func testReferenceLinksHaveNoDestinationRange() {
        XCTAssertEqual(
            ranges("A [ref] and [x][ref].\n\n[ref]: https://r.example\n"),
            ["1:3-1:8 nil", "1:13-1:21 nil"])
        XCTAssertEqual(
            MarkdownParser.parse("[ref]\n\n[ref]: https://r.example\n").links.first?.link.destination,
            "https://r.example")
    }

    func testLineOffsetAppliesToLinks() {
        XCTAssertEqual(ranges("x\ny [a](b)\n", lineOffset: 10), ["12:3-12:9 12:7-12:8"])
    }
}
