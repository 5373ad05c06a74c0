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

    func testRunningHeaderStaysOnOneLineAboveItsRule() throws {
        var content = Fixtures.content(
            Fixtures.spanish, layout: .sheet, paper: .letter,
            sections: Array(Fixtures.sections(Fixtures.spanish).prefix(3)))
        content.title =
            "Tripulación de cabina: cómo responder a una sospecha de trata de personas a bordo, "
            + "en tierra y en la puerta de embarque, según el procedimiento de la aerolínea"
        let rendered = try HandoutRenderer.render(content, style: try Fixtures.style, sourceDateEpoch: nil)
        let url = try PDFTools.write(rendered.pdf, name: "sheet-long-header")
        let header = try PDFTools.run("pdftotext", ["-f", "2", "-l", "2", "-layout", "-enc", "UTF-8", url.path, "-"])
            .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        // Short title at the left, the handout title at the right on the same line, where a wrapped
        // title would run under the rule into the text. The title is drawn cut with an ellipsis;
        // the PDF keeps the whole of it as the ellipsis's actual text, which pdftotext reads.
        XCTAssertTrue(header.first?.hasPrefix("Guía de referencia") == true, "\(header.prefix(2))")
        XCTAssertTrue(header.first?.hasSuffix(content.title) == true, "\(header.prefix(2))")
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
