import XCTest

@testable import HandoutEmitter

final class PosterTests: XCTestCase {
    private func helplinesOnly(_ language: Fixtures.Language) -> [HandoutSection] {
        [Fixtures.sections(language)[3]]
    }

    func testPosterInEveryLanguage() throws {
        for language in Fixtures.languages {
            var content = Fixtures.content(language, layout: .poster, paper: .a4, sections: helplinesOnly(language))
            content.title = "\(language.title): \(language.words.joined(separator: " "))"
            try HandoutChecks.render(
                content, name: "poster-\(language.tag)",
                expect: .init(
                    pages: 1, width: 595.28, height: 841.89,
                    texts: ["+1 868 555 0100", "+1 868 555 0101", "+1 868 555 0199"] + language.words,
                    qrPayloads: [Fixtures.qrPayload]))
            let text = try PDFTools.text(PDFTools.artifacts.appendingPathComponent("poster-\(language.tag).pdf"))
            XCTAssertFalse(text.contains(language.strings.notStated), "\"not stated\" is never printed on a poster")
        }
    }

    func testA3Poster() throws {
        let content = Fixtures.content(
            Fixtures.haitian, layout: .poster, paper: .a3, sections: helplinesOnly(Fixtures.haitian))
        try HandoutChecks.render(
            content, name: "poster-a3",
            expect: .init(
                pages: 1, width: 841.89, height: 1190.55, texts: ["+1 868 555 0199"], qrPayloads: [Fixtures.qrPayload]))
    }

    func testPosterWithoutHelplinesIsAnError() throws {
        let content = Fixtures.content(
            Fixtures.spanish, layout: .poster, paper: .a4,
            sections: [Fixtures.sections(Fixtures.spanish)[0]])
        XCTAssertThrowsError(try HandoutRenderer.render(content, style: try Fixtures.style)) { error in
            XCTAssertEqual(error as? HandoutError, .nothingToShow(layout: .poster, needs: "helplines"))
        }
    }
}
