import XCTest

@testable import HandoutEmitter

/// Reproducibility and the environment: byte-identical output, dates, fonts.
final class EnvironmentTests: XCTestCase {
    func testSameInputGivesIdenticalBytes() throws {
        for layout in HandoutLayout.allCases {
            let content = Fixtures.content(Fixtures.papiamento, layout: layout, paper: layout.supportedPapers[0])
            let first = try HandoutRenderer.render(content, style: try Fixtures.style, sourceDateEpoch: nil)
            let second = try HandoutRenderer.render(content, style: try Fixtures.style, sourceDateEpoch: nil)
            XCTAssertEqual(first.pdf, second.pdf, "\(layout.rawValue) differs between two renders")
        }
    }

    func testDatesComeFromSourceDateEpoch() throws {
        let content = Fixtures.content(Fixtures.spanish, layout: .poster, paper: .a4)
        let rendered = try HandoutRenderer.render(content, style: try Fixtures.style, sourceDateEpoch: "1700000000")
        let url = try PDFTools.write(rendered.pdf, name: "epoch")
        let info = try PDFTools.info(url)
        XCTAssertEqual(info["CreationDate"], "Tue Nov 14 22:13:20 2023 UTC")
        XCTAssertEqual(info["ModDate"], info["CreationDate"])
    }

    func testMalformedDatesAreErrors() throws {
        let content = Fixtures.content(Fixtures.spanish, layout: .poster, paper: .a4)
        XCTAssertThrowsError(try HandoutRenderer.render(content, style: try Fixtures.style, sourceDateEpoch: "soon"))
        var undated = content
        undated.contentDate = "14/03/2025"
        XCTAssertThrowsError(try HandoutRenderer.render(undated, style: try Fixtures.style, sourceDateEpoch: nil)) {
            XCTAssertTrue("\($0)".contains("YYYY-MM-DD"))
        }
    }

    func testMissingFontNamesThePackage() throws {
        var style = try Fixtures.style
        style.bodyFont = FontFamily(family: "Noto Serif Nonexistent", package: "fonts-noto-core")
        let content = Fixtures.content(Fixtures.haitian, layout: .pocketCard, paper: .cr80)
        XCTAssertThrowsError(try HandoutRenderer.render(content, style: style)) { error in
            guard case .missingFont(let family, let package, _)? = error as? HandoutError else {
                return XCTFail("unexpected \(error)")
            }
            XCTAssertEqual(family, "Noto Serif Nonexistent")
            XCTAssertEqual(package, "fonts-noto-core")
            XCTAssertTrue("\(error)".contains("apt-get install fonts-noto-core"))
        }
    }

    func testUnencodableQRPayloadIsAnError() throws {
        var content = Fixtures.content(Fixtures.spanish, layout: .sheet, paper: .a4)
        content.qrPayload = "https://guide.example.org/" + String(repeating: "x", count: 3000)
        XCTAssertThrowsError(try HandoutRenderer.render(content, style: try Fixtures.style)) { error in
            XCTAssertEqual(error as? HandoutError, .unencodableQR(content.qrPayload ?? ""))
        }
    }

    /// PNGs of one card (both sides), one sheet, one poster and one booklet spread, to look at.
    func testWritesArtifactsToLookAt() throws {
        let style = try Fixtures.style
        let samples: [(String, HandoutContent, ClosedRange<Int>)] = [
            (
                "look-card",
                Fixtures.content(
                    Fixtures.papiamento, layout: .pocketCard, paper: .cr80,
                    sections: Fixtures.cardSections(Fixtures.papiamento)), 1...2
            ),
            (
                "look-sheet",
                Fixtures.content(
                    Fixtures.haitian, layout: .sheet, paper: .a4,
                    sections: [Fixtures.sections(Fixtures.haitian)[2]]), 1...1
            ),
            (
                "look-poster",
                Fixtures.content(
                    Fixtures.spanish, layout: .poster, paper: .a4,
                    sections: [Fixtures.sections(Fixtures.spanish)[3]]), 1...1
            ),
            ("look-booklet", Fixtures.content(Fixtures.spanish, layout: .booklet, paper: .a4), 2...3),
        ]
        for (name, content, pages) in samples {
            let url = try PDFTools.write(try HandoutRenderer.render(content, style: style).pdf, name: name)
            try PDFTools.run(
                "pdftoppm",
                [
                    "-r", "100", "-png", "-f", String(pages.lowerBound), "-l",
                    String(pages.upperBound), url.path, PDFTools.artifacts.appendingPathComponent(name).path,
                ])
        }
    }
}
