import XCTest

@testable import HandoutEmitter

final class PocketCardTests: XCTestCase {
    func testCardInEveryLanguage() throws {
        for language in Fixtures.languages {
            // A CR80 card at legible sizes holds two short indicators and one helpline.
            let content = Fixtures.content(
                language, layout: .pocketCard, paper: .cr80,
                sections: Fixtures.cardSections(language, indicators: 2, helplines: [Fixtures.police]))
            try HandoutChecks.render(
                content, name: "card-\(language.tag)",
                expect: .init(
                    pages: 2, width: 242.65, height: 153.07,
                    texts: [language.title, "+1 868 555 0199", "1.2.0"] + language.words,
                    qrPayloads: [Fixtures.qrPayload], qrPage: 2))
        }
    }

    func testA6Card() throws {
        let content = Fixtures.content(
            Fixtures.spanish, layout: .pocketCard, paper: .a6,
            sections: Fixtures.cardSections(Fixtures.spanish))
        try HandoutChecks.render(
            content, name: "card-a6",
            expect: .init(
                pages: 2, width: 297.64, height: 419.53, texts: ["+1 868 555 0199"],
                qrPayloads: [Fixtures.qrPayload], qrPage: 2))
    }

    func testOverlongIndicatorIsReportedNotClipped() throws {
        var sections = Fixtures.cardSections(Fixtures.spanish, indicators: 2, helplines: [Fixtures.police])
        let long = String(repeating: "El viajero no sabe a dónde va ni quién lo espera. ", count: 30)
        sections[0].items.append(
            .indicator(
                IndicatorItem(
                    anchor: "indicators/overlong", source: "Content/indicators/overlong.es.md",
                    title: "Demasiado largo",
                    summary: "", whatToDo: long, strength: "")))
        let content = Fixtures.content(Fixtures.spanish, layout: .pocketCard, paper: .cr80, sections: sections)
        let rendered = try HandoutRenderer.render(content, style: try Fixtures.style, sourceDateEpoch: nil)
        let problem = try XCTUnwrap(rendered.problems.first)
        XCTAssertEqual(problem.anchor, "indicators/overlong")
        XCTAssertEqual(problem.source, "Content/indicators/overlong.es.md")
        XCTAssertEqual(problem.place, "back", "an entry too long for the front is tried on the back")
        XCTAssertGreaterThan(problem.overflow, 0)
        XCTAssertTrue(problem.description.contains("does not fit"))
        let url = try PDFTools.write(rendered.pdf, name: "card-overlong")
        XCTAssertEqual(try PDFTools.info(url)["Pages"], "2")
        XCTAssertFalse(try PDFTools.text(url).contains("quién lo espera"), "the overflowing text is left off whole")
    }

    /// Content slightly too long at the style's sizes is set smaller, down to the minimum, rather
    /// than reported; the same content is reported when the style allows no shrinking.
    func testShrinksTowardsMinimumBeforeReporting() throws {
        var rigid = try Fixtures.style
        let fixed = 7.0
        rigid.layouts[.pocketCard]?.sizes = Dictionary(uniqueKeysWithValues: TextRole.allCases.map { ($0, fixed) })
        rigid.layouts[.pocketCard]?.minimumSizes = Dictionary(
            uniqueKeysWithValues: TextRole.allCases.map { ($0, fixed) })
        var flexible = rigid
        flexible.layouts[.pocketCard]?.minimumSizes = Dictionary(
            uniqueKeysWithValues: TextRole.allCases.map { ($0, 5.5) })
        // Add indicators until the card no longer fits at 7 pt; at that point it fits at 5.5 pt.
        var sections = Fixtures.cardSections(Fixtures.spanish, indicators: 2, helplines: [Fixtures.police])
        for number in 5...40 {
            sections[0].items.append(
                .indicator(
                    IndicatorItem(
                        anchor: "indicators/extra-\(number)", source: "extra-\(number)",
                        title: "Indicador adicional \(number)",
                        summary: "", whatToDo: "Observe con cuidado y avise al supervisor de turno.", strength: "")))
            let content = Fixtures.content(Fixtures.spanish, layout: .pocketCard, paper: .a6, sections: sections)
            guard !(try HandoutRenderer.render(content, style: rigid).problems.isEmpty) else { continue }
            let shrunk = try HandoutRenderer.render(content, style: flexible)
            XCTAssertEqual(shrunk.problems, [], "\(sections[0].items.count) indicators fit at the smaller minimum")
            return
        }
        XCTFail("the card never overflowed")
    }
}
