import XCTest
@testable import HandoutEmitter

final class PocketCardTests: XCTestCase {
    func testCardInEveryLanguage() throws {
        for language in Fixtures.languages {
            let content = Fixtures.content(language, layout: .pocketCard, paper: .cr80,
                                           sections: Fixtures.cardSections(language))
            try HandoutChecks.render(content, name: "card-\(language.tag)", expect: .init(
                pages: 2, width: 242.65, height: 153.07,
                texts: [language.title, "+1 868 555 0100", "1.2.0"] + language.words,
                qrPayloads: [Fixtures.qrPayload], qrPage: 2))
        }
    }

    func testA6Card() throws {
        let content = Fixtures.content(Fixtures.spanish, layout: .pocketCard, paper: .a6,
                                       sections: Fixtures.cardSections(Fixtures.spanish))
        try HandoutChecks.render(content, name: "card-a6", expect: .init(
            pages: 2, width: 297.64, height: 419.53, texts: ["+1 868 555 0199"],
            qrPayloads: [Fixtures.qrPayload], qrPage: 2))
    }

    func testOverlongIndicatorIsReportedNotClipped() throws {
        var sections = Fixtures.cardSections(Fixtures.spanish)
        let long = String(repeating: "El viajero no sabe a dónde va ni quién lo espera. ", count: 30)
        sections[0].items.append(.indicator(IndicatorItem(
            anchor: "indicators/overlong", source: "Content/indicators/overlong.es.md", title: "Demasiado largo",
            summary: "", whatToDo: long, strength: "")))
        let content = Fixtures.content(Fixtures.spanish, layout: .pocketCard, paper: .cr80, sections: sections)
        let rendered = try HandoutRenderer.render(content, style: try Fixtures.style, sourceDateEpoch: nil)
        let problem = try XCTUnwrap(rendered.problems.first)
        XCTAssertEqual(problem.anchor, "indicators/overlong")
        XCTAssertEqual(problem.source, "Content/indicators/overlong.es.md")
        XCTAssertEqual(problem.place, "front")
        XCTAssertGreaterThan(problem.overflow, 0)
        XCTAssertTrue(problem.description.contains("does not fit"))
        let url = try PDFTools.write(rendered.pdf, name: "card-overlong")
        XCTAssertEqual(try PDFTools.info(url)["Pages"], "2")
        XCTAssertFalse(try PDFTools.text(url).contains("quién lo espera"), "the overflowing text is left off whole")
    }
}
