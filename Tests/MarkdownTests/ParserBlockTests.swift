import Diagnostics
import XCTest

@testable import Markdown

final class ParserBlockTests: XCTestCase {
    func testParagraphAndHeadingRanges() {
        let document = MarkdownParser.parse("# Title\n\nHello\nworld\n")
        XCTAssertEqual(document.blocks.map(\.range.description), ["1:1-1:8", "3:1-4:6"])
        guard case .heading(let heading) = document.blocks[0].kind else { return XCTFail("not a heading") }
        XCTAssertEqual(heading.level, 1)
        XCTAssertEqual(heading.inlines, [.text("Title")])
        XCTAssertNil(heading.id)
        XCTAssertEqual(document.blocks[1].kind, .paragraph([.text("Hello"), .softBreak, .text("world")]))
    }

    func testLineOffsetMovesEveryPosition() {
        let document = MarkdownParser.parse("Text [a](b)\n", lineOffset: 4)
        XCTAssertEqual(document.blocks[0].range.description, "5:1-5:12")
        XCTAssertEqual(document.links[0].link.range.description, "5:6-5:12")
    }

    func testMultiByteColumnsCountScalars() {
        let document = MarkdownParser.parse("- über\n- é\n")
        guard case .list(let list) = document.blocks[0].kind else { return XCTFail("not a list") }
        XCTAssertEqual(list.items.map(\.range.description), ["1:1-1:7", "2:1-2:4"])
    }

    func testCRLFLineEndings() {
        let document = MarkdownParser.parse("## Über\r\n\r\nPára\r\ngraph\r\n")
        XCTAssertEqual(document.blocks.map(\.range.description), ["1:1-1:8", "3:1-4:6"])
    }

    func testListsAndTaskItems() {
        let document = MarkdownParser.parse("3. three\n4. four\n\n- [x] done\n- [ ] open\n- plain\n")
        guard case .list(let ordered) = document.blocks[0].kind,
            case .list(let tasks) = document.blocks[1].kind
        else { return XCTFail("not lists") }
        XCTAssertTrue(ordered.ordered)
        XCTAssertEqual(ordered.start, 3)
        XCTAssertTrue(ordered.tight)
        XCTAssertFalse(tasks.ordered)
        XCTAssertEqual(tasks.items.map(\.checked), [true, false, nil])
        XCTAssertEqual(tasks.items[0].blocks.first?.kind, .paragraph([.text("done")]))
        XCTAssertEqual(tasks.items.map(\.range.description), ["4:1-4:11", "5:1-5:11", "6:1-6:8"])
    }

    func testTable() {
        let document = MarkdownParser.parse("| a | b | c |\n|:--|:-:|--:|\n| 1 | *2* | 3 |\n")
        guard case .table(let table) = document.blocks[0].kind else { return XCTFail("not a table") }
        XCTAssertEqual(table.alignments, [.left, .center, .right])
        XCTAssertEqual(table.header.cells, [[.text("a")], [.text("b")], [.text("c")]])
        XCTAssertEqual(table.rows.count, 1)
        XCTAssertEqual(table.rows[0].cells[1], [.emphasis([.text("2")])])
        XCTAssertEqual(table.rows[0].range.description, "3:1-3:16")
        XCTAssertEqual(document.blocks[0].range.description, "1:1-3:16")
    }

    func testStrikethroughAutolinkAndCode() {
        let document = MarkdownParser.parse("~~old~~ `x` see www.example.org\n")
        guard case .paragraph(let inlines) = document.blocks[0].kind else { return XCTFail("not a paragraph") }
        XCTAssertEqual(inlines[0], .strikethrough([.text("old")]))
        XCTAssertEqual(inlines[2], .code("x"))
        guard case .link(let link) = inlines[4] else { return XCTFail("no autolink") }
        XCTAssertEqual(link.destination, "http://www.example.org")
        XCTAssertEqual(link.range.description, "1:17-1:32")
    }

    func testCodeBlockQuoteAndBreak() {
        let document = MarkdownParser.parse("```sh\necho hi\n```\n\n> quoted\n\n---\n")
        XCTAssertEqual(document.blocks[0].kind, .codeBlock(info: "sh", code: "echo hi\n"))
        XCTAssertEqual(document.blocks[0].range.description, "1:1-3:4")
        XCTAssertEqual(
            document.blocks[1].kind,
            .blockQuote([
                Block(
                    .paragraph([.text("quoted")]),
                    range: SourceRange(line: 5, column: 3, length: 6))
            ]))
        XCTAssertEqual(document.blocks[2].kind, .thematicBreak)
    }

    func testRawHTMLIsKeptAsNodes() {
        let document = MarkdownParser.parse("<div>\nhi\n</div>\n\nA <b>bold</b> é <i>x</i>\n")
        XCTAssertEqual(document.blocks[0].kind, .html("<div>\nhi\n</div>\n"))
        XCTAssertEqual(document.rawHTML.map(\.html), ["<div>\nhi\n</div>\n", "<b>", "</b>", "<i>", "</i>"])
        XCTAssertEqual(
            document.rawHTML.map(\.range.description),
            ["1:1-3:7", "5:3-5:6", "5:10-5:14", "5:17-5:20", "5:21-5:25"])
    }

    func testEmptyAndWhitespaceInput() {
        XCTAssertEqual(MarkdownParser.parse("").blocks, [])
        XCTAssertEqual(MarkdownParser.parse("\n\n  \n").blocks, [])
    }

    func testPlainTextOfInlines() {
        let document = MarkdownParser.parse("A *b* [c `d`](e) ![f](g)\nh<br>i\n")
        guard case .paragraph(let inlines) = document.blocks[0].kind else { return XCTFail("not a paragraph") }
        XCTAssertEqual(inlines.plainText, "A b c d f hi")
    }
}
