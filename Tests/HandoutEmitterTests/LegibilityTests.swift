import Foundation
import XCTest

@testable import HandoutEmitter

/// Issue 14, "legible by measure": font sizes read from the sample PDFs' content streams by
/// pdfminer.six, and fonts listed by pdffonts.
final class LegibilityTests: XCTestCase {
    /// On every card at actual size: every line at least 7 pt, indicator titles at least 8 pt,
    /// helpline numbers at least 11 pt.
    func testCardsAreLegibleAtActualSize() throws {
        let build = try SampleBuild.shared()
        let cards = build.handouts.filter { $0.layout == "pocket-card" }
        XCTAssertEqual(cards.count, 6)
        for card in cards {
            let probe = try XCTUnwrap(build.probes[card.name], card.name)
            XCTAssertEqual(probe.pages.count, 2, card.name)
            for line in probe.lines { XCTAssertGreaterThanOrEqual(line.size, 7, "\(card.name): \"\(line.text)\"") }
            let titles = card.written.content.allItems.compactMap { item -> String? in
                if case .indicator(let indicator) = item { indicator.title } else { nil }
            }
            // As many as the card selects, up to its limit.
            let definition = card.written.definition
            let limit = try XCTUnwrap(definition.value["limit"]?["indicators"]?.numberValue?.integerValue, card.name)
            let selected = build.guide.entries(of: definition).filter { $0.type == .indicators }.count
            XCTAssertGreaterThan(selected, limit, "the sample card selects more indicators than it holds")
            XCTAssertEqual(titles.count, limit, "the card's limit")
            for title in titles {
                // pdfminer reads ligatures as one character ("ﬁ"): compared in compatibility form.
                let line = probe.lines.first { title.hasPrefix($0.text.precomposedStringWithCompatibilityMapping) }
                XCTAssertGreaterThanOrEqual(try XCTUnwrap(line, "\(card.name) lacks \(title)").size, 8, title)
            }
            let numbers = card.written.content.whoToCall.flatMap(\.helplines).flatMap(\.channels).filter(\.isNumber)
                .map(\.value)
            XCTAssertFalse(numbers.isEmpty, card.name)
            for number in numbers {
                let sizes = probe.lines.filter { $0.text == number }.map(\.size)
                XCTAssertGreaterThanOrEqual(sizes.max() ?? 0, 11, "\(card.name): \(number) at \(sizes)")
            }
        }
    }

    /// Sheets keep their steps at 9.5 pt or more, whatever shrinking a full page needed.
    func testSheetsKeepBodyTextAtNineAndAHalfPoints() throws {
        let build = try SampleBuild.shared()
        for sheet in build.handouts where sheet.layout == "sheet" {
            let probe = try XCTUnwrap(build.probes[sheet.name])
            let steps = probe.lines.filter { $0.text.first?.isNumber == true && $0.text.contains(". ") }
            XCTAssertGreaterThanOrEqual(steps.count, 5, sheet.name)
            for line in steps { XCTAssertGreaterThanOrEqual(line.size, 9.5, "\(sheet.name): \"\(line.text)\"") }
        }
    }

    /// An A3 poster reads at 2 m: body text at 20 pt or more (capitals 5 mm tall), nothing but
    /// the small print under 17 pt, and a helpline number is the largest text on the sheet.
    func testPostersReadFromTwoMetres() throws {
        let build = try SampleBuild.shared()
        for poster in build.handouts where poster.layout == "poster" {
            let probe = try XCTUnwrap(build.probes[poster.name])
            let content = poster.written.content
            let smallPrint = [content.footerText, content.reviewNotice].compactMap { $0 }
            for line in probe.lines
            where !smallPrint.contains(where: {
                $0.hasPrefix(line.text.precomposedStringWithCompatibilityMapping)
            }) {
                XCTAssertGreaterThanOrEqual(line.size, 17, "\(poster.name): \"\(line.text)\"")
            }
            let signs = content.allItems.compactMap { item -> String? in
                if case .indicator(let i) = item { i.title } else { nil }
            }
            XCTAssertEqual(signs.count, 3, "the three strongest signs")
            for sign in signs {
                let line = probe.lines.first { $0.text.contains(sign.prefix(20)) }
                XCTAssertGreaterThanOrEqual(try XCTUnwrap(line, "\(poster.name) lacks \(sign)").size, 20, sign)
            }
            let largest = try XCTUnwrap(probe.lines.max { $0.size < $1.size })
            let numbers = content.whoToCall.flatMap(\.helplines).flatMap(\.channels).map(\.value)
            XCTAssertTrue(numbers.contains(largest.text), "\(poster.name): the largest text is \"\(largest.text)\"")
        }
    }

    /// Every font is embedded and is one the style names: no glyph falls back to another font.
    func testEveryGlyphComesFromAFontTheStyleNames() throws {
        let build = try SampleBuild.shared()
        XCTAssertFalse(build.report.diagnostics.contains { $0.code == "handout.glyph" }, "\(build.report.diagnostics)")
        let named = ["NotoSans-", "NotoSerif-", "NotoSansMono-"]
        for handout in build.handouts {
            let url = build.folder.appendingPathComponent(handout.name)
            XCTAssertTrue(try PDFTools.fontsEmbedded(url).allSatisfy { $0 }, handout.name)
            let lines = try PDFTools.run("pdffonts", [url.path]).split(separator: "\n").dropFirst(2)
            for line in lines {
                let font =
                    String(line.split(separator: " ").first ?? "").split(separator: "+").last.map(String.init) ?? ""
                XCTAssertTrue(named.contains { font.hasPrefix($0) }, "\(handout.name) uses \(font)")
            }
        }
    }

    /// In a build, a character the fonts lack is a warning at the handout, naming the character.
    func testBuildReportsCharactersOutsideTheStyleFonts() throws {
        let copy = try SampleGuide.copyOfContent()
        defer { try? FileManager.default.removeItem(at: copy) }
        try SampleGuide.edit(copy.appendingPathComponent("indicators/asks-for-help-or-says-not-free.en.md")) {
            $0.replacingOccurrences(of: "Reassure the person quietly", with: "☎ Reassure the person quietly")
        }
        let (report, _) = try SampleGuide.emit(SampleGuide.load(copy))
        let glyphs = report.diagnostics.filter { $0.code == "handout.glyph" }
        XCTAssertFalse(glyphs.isEmpty, "\(report.diagnostics)")
        XCTAssertTrue(glyphs.allSatisfy { $0.severity == .warning && $0.message.contains("U+260E") }, "\(glyphs)")
    }

    /// A character the style's fonts lack is reported with the font pango used instead.
    func testSubstitutedGlyphIsReported() throws {
        var sections = Fixtures.cardSections(Fixtures.spanish, indicators: 1, helplines: [Fixtures.police])
        guard case .indicator(var indicator) = sections[0].items[0] else { return XCTFail("fixture changed") }
        indicator.whatToDo = "→ Observe ☎"
        sections[0].items[0] = .indicator(indicator)
        let content = Fixtures.content(Fixtures.spanish, layout: .pocketCard, paper: .a6, sections: sections)
        let rendered = try HandoutRenderer.render(content, style: try Fixtures.style)
        XCTAssertNotNil(rendered.substitutedGlyphs["☎"], "\(rendered.substitutedGlyphs)")
        XCTAssertNil(rendered.substitutedGlyphs["O"])
    }
}
