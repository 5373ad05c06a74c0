import XCTest

@testable import HandoutEmitter

final class SheetTests: XCTestCase {
    private func protocolOnly(_ language: Fixtures.Language) -> [HandoutSection] {
        [Fixtures.sections(language)[2]]
    }

    func testProtocolSheetInEveryLanguage() throws {
        for language in Fixtures.languages {
            let content = Fixtures.content(language, layout: .sheet, paper: .a4, sections: protocolOnly(language))
            try HandoutChecks.render(
                content, name: "sheet-\(language.tag)",
                expect: .init(
                    pages: 1, width: 595.28, height: 841.89,
                    texts: [
                        "Referir en el mostrador", "+1 868 555 0100", language.strings.steps,
                        language.strings.whoToCall, "No intente un rescate",
                    ] + language.words,
                    qrPayloads: [Fixtures.qrPayload]))
        }
    }

    func testLetterSheetWithOtherEntriesOnAFurtherPage() throws {
        let content = Fixtures.content(
            Fixtures.spanish, layout: .sheet, paper: .letter,
            sections: Array(Fixtures.sections(Fixtures.spanish).prefix(3)))
        try HandoutChecks.render(
            content, name: "sheet-letter",
            expect: .init(
                pages: 3, width: 612, height: 792, texts: ["Página 2", "Página 3", "Trata de personas", "Qué hacer"],
                qrPayloads: [Fixtures.qrPayload]))
    }

    func testOverlongProtocolContinuesOnTheBack() throws {
        var sections = protocolOnly(Fixtures.spanish)
        guard case .protocol(var item) = sections[0].items[0] else { return XCTFail("fixture changed") }
        item.steps = Array(repeating: [.paragraph([Run(String(repeating: "Paso muy largo. ", count: 40))])], count: 12)
        sections[0].items = [.protocol(item)]
        let content = Fixtures.content(Fixtures.spanish, layout: .sheet, paper: .a4, sections: sections)
        let rendered = try HandoutRenderer.render(content, style: try Fixtures.style, sourceDateEpoch: nil)
        // Too long for one side even at 9.5 pt: it continues on the back at the style's sizes.
        XCTAssertEqual(rendered.problems, [])
        let url = try PDFTools.write(rendered.pdf, name: "sheet-continued")
        XCTAssertGreaterThan(Int(try PDFTools.info(url)["Pages"] ?? "") ?? 0, 1)
        let text = try PDFTools.text(url)
        XCTAssertTrue(text.contains("Página 2"))
        XCTAssertEqual(
            SampleGuide.squeezed(text).components(separatedBy: "Pasomuylargo.").count - 1, 12 * 40,
            "every step, none cut")
    }

    func testPaperMustSuitLayout() throws {
        let content = Fixtures.content(Fixtures.spanish, layout: .sheet, paper: .cr80)
        XCTAssertThrowsError(try HandoutRenderer.render(content, style: try Fixtures.style)) { error in
            XCTAssertEqual(error as? HandoutError, .unsupportedPaper(layout: .sheet, paper: .cr80))
        }
    }
}
