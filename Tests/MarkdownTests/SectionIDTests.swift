import Diagnostics
import XCTest

@testable import Markdown

final class SectionIDTests: XCTestCase {
    private func heading(_ document: MarkdownDocument, _ index: Int = 0) -> Heading? {
        guard case .heading(let heading) = document.blocks[index].kind else { return nil }
        return heading
    }

    func testTrailingIDBecomesSectionID() {
        let document = MarkdownParser.parse("## Qué hacer {#steps}\n", lineOffset: 3)
        let heading = heading(document)
        XCTAssertEqual(heading?.id, "steps")
        XCTAssertEqual(heading?.inlines, [.text("Qué hacer")])
        XCTAssertEqual(heading?.idRange?.description, "4:14-4:22")
        XCTAssertEqual(document.problems, [])
    }

    func testIDAfterMarkupAndClosingHashes() {
        let document = MarkdownParser.parse("# *Über* uns {#about-us-2} ##\n\n# `x` {#code}\n")
        XCTAssertEqual(heading(document)?.inlines, [.emphasis([.text("Über")]), .text(" uns")])
        XCTAssertEqual(heading(document)?.id, "about-us-2")
        XCTAssertEqual(heading(document)?.idRange?.description, "1:14-1:27")
        XCTAssertEqual(heading(document, 1)?.inlines, [.code("x")])
        XCTAssertEqual(heading(document, 1)?.id, "code")
    }

    func testSetextHeadingID() {
        let document = MarkdownParser.parse("Setext é\nline {#s2}\n===\n")
        XCTAssertEqual(heading(document)?.id, "s2")
        XCTAssertEqual(heading(document)?.idRange?.description, "2:6-2:11")
        XCTAssertEqual(heading(document)?.inlines, [.text("Setext é"), .softBreak, .text("line")])
    }

    func testMalformedIDsAreReportedAndKeptAsText() {
        let text = "## Steps {#Steps}\n\n## Next {# next steps}\n\n## Bad {#a--b}\n\n## Fine {not an id}\n"
        let document = MarkdownParser.parse(text)
        XCTAssertEqual(document.headings.map(\.heading.id), [nil, nil, nil, nil])
        XCTAssertEqual(heading(document)?.inlines, [.text("Steps {#Steps}")])
        XCTAssertEqual(document.problems.map(\.kind), [.malformedSectionID, .malformedSectionID, .malformedSectionID])
        XCTAssertEqual(document.problems.map(\.range.description), ["1:10-1:18", "3:9-3:23", "5:8-5:15"])
        XCTAssertTrue(document.problems[0].message.contains("{#steps}"), document.problems[0].message)
        XCTAssertTrue(document.problems[1].message.contains("{#next-steps}"), document.problems[1].message)
    }

    func testDuplicateIDsAreReported() {
        let document = MarkdownParser.parse("# A {#x}\n\n## B {#x}\n")
        XCTAssertEqual(document.problems.map(\.kind), [.duplicateSectionID])
        XCTAssertEqual(document.problems.first?.range.description, "3:6-3:10")
    }

    func testIDValidation() {
        for valid in ["a", "steps", "step-2", "a1-b2-c3"] { XCTAssertTrue(SectionIDSuffix.isValid(valid), valid) }
        for invalid in ["", "-a", "a-", "a--b", "A", "a_b", "é", "a b"] {
            XCTAssertFalse(SectionIDSuffix.isValid(invalid), invalid)
        }
    }

    func testSectionsRunUntilTheNextHeadingOfTheSameOrHigherLevel() {
        let text = """
            # Guide {#guide}

            Intro.

            ## Steps {#steps}

            One.

            ### Detail {#detail}

            Two.

            ## Other

            Three.

            > ## Quoted {#quoted}
            > Four.
            """
        let document = MarkdownParser.parse(text)
        XCTAssertEqual(document.sections.map(\.id), ["guide", "steps", "detail", "quoted"])
        XCTAssertEqual(document.section(id: "guide")?.blocks.count, 8)
        XCTAssertEqual(document.section(id: "steps")?.blocks.map(\.range.start.line), [7, 9, 11])
        XCTAssertEqual(document.section(id: "detail")?.blocks.map(\.range.start.line), [11])
        XCTAssertEqual(document.section(id: "quoted")?.blocks.map(\.range.start.line), [18])
        XCTAssertEqual(document.section(id: "steps")?.headingRange.description, "5:1-5:18")
        XCTAssertNil(document.section(id: "missing"))
        XCTAssertEqual(document.headings.map(\.heading.level), [1, 2, 3, 2, 2])
    }
}
