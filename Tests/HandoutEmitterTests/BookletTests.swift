import XCTest

@testable import HandoutEmitter

final class BookletTests: XCTestCase {
    /// Enough entries to run over several pages, so pagination, contents and headers are exercised.
    private func longSections(_ language: Fixtures.Language) -> [HandoutSection] {
        var sections = Fixtures.sections(language)
        let more = (5...14).map { number in
            HandoutItem.indicator(
                IndicatorItem(
                    anchor: "indicators/more-\(number)", source: "Content/indicators/more-\(number).\(language.tag).md",
                    title: "Indicador \(number)", summary: "Resumen del indicador \(number).",
                    whatToDo: "Observe y avise.", strength: "Indicador contextual",
                    body: [
                        .paragraph([
                            Run(
                                String(
                                    repeating: "Texto de ejemplo con \(language.words.joined(separator: " ")). ",
                                    count: 6))
                        ])
                    ]))
        }
        sections[1].items += more
        return sections
    }

    func testBookletInEveryLanguage() throws {
        for language in Fixtures.languages {
            let content = Fixtures.content(language, layout: .booklet, paper: .a4, sections: longSections(language))
            let rendered = try HandoutChecks.render(
                content, name: "booklet-\(language.tag)",
                expect: .init(
                    pages: try pageCount(content), width: 595.28, height: 841.89,
                    texts: [
                        language.title, language.strings.contents, "Indicador 14", "+1 868 555 0199",
                        "\(language.strings.page) 3",
                    ] + language.words,
                    qrPayloads: [Fixtures.qrPayload]))
            let raw = String(decoding: rendered.pdf, as: UTF8.self)
            XCTAssertTrue(raw.contains("/Outlines"), "booklet has bookmarks")
            XCTAssertTrue(raw.contains("/Dest"), "contents and references link inside the document")
            XCTAssertTrue(raw.contains("/URI (tel:+18685550100)"), "phone numbers are tel: links")
        }
    }

    /// Contents page numbers match where pdftotext finds each entry.
    func testContentsPageNumbersPointAtEntries() throws {
        let content = Fixtures.content(
            Fixtures.spanish, layout: .booklet, paper: .letter,
            sections: longSections(Fixtures.spanish))
        let rendered = try HandoutRenderer.render(content, style: try Fixtures.style, sourceDateEpoch: nil)
        XCTAssertEqual(rendered.problems, [])
        let url = try PDFTools.write(rendered.pdf, name: "booklet-letter")
        PDFTools.assertPageSize(try PDFTools.info(url), width: 612, height: 792)
        let contents = try PDFTools.run("pdftotext", ["-f", "2", "-l", "2", "-layout", url.path, "-"])
        let row = try XCTUnwrap(contents.split(separator: "\n").first { $0.contains("Indicador 14") })
        let page = try XCTUnwrap(row.split(separator: " ").last.flatMap { Int($0) })
        let pageText = try PDFTools.run("pdftotext", ["-f", String(page), "-l", String(page), url.path, "-"])
        XCTAssertTrue(pageText.contains("Indicador 14"), "contents says page \(page)")
        let destinations = try PDFTools.run("pdfinfo", ["-dests", url.path])
        XCTAssertTrue(destinations.contains("\"protocols/refer\""), "entries are named destinations")
    }

    private func pageCount(_ content: HandoutContent) throws -> Int {
        let rendered = try HandoutRenderer.render(content, style: try Fixtures.style, sourceDateEpoch: nil)
        let url = try PDFTools.write(rendered.pdf, name: "booklet-count")
        let pages = try XCTUnwrap(Int(try PDFTools.info(url)["Pages"] ?? ""))
        XCTAssertGreaterThanOrEqual(pages, 5)
        return pages
    }
}
