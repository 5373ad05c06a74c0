import Diagnostics
import Foundation
import GuideModel
import XCTest

@testable import HandoutEmitter

/// Every handout of the sample guide in every language, built by the emitter and checked with
/// poppler and zbar: page size and count, embedded fonts, searchable text with each language's
/// letters, helpline numbers, and QR codes that decode to the right link.
final class SampleGuideTests: XCTestCase {
    func testEveryHandoutInEveryLanguage() throws {
        let guide = SampleGuide.load()
        let (report, _) = try SampleGuide.emit(guide)
        XCTAssertEqual(report.diagnostics.filter { $0.code != "handout.proof" }, [], "every sample handout fits")
        let expectedCount = guide.handouts.reduce(0) { $0 + $1.languages.count }
        XCTAssertEqual(report.written.count, expectedCount)
        XCTAssertEqual(expectedCount, 15, "the sample guide's handouts × languages")

        for written in report.written {
            let definition = written.definition
            let language = written.content.language
            let name = "\(definition.id).\(language)"
            let url = try XCTUnwrap(written.file, name)
            XCTAssertEqual(url.lastPathComponent, "\(name).pdf")
            XCTAssertEqual(written.problems, [], name)

            // Page size and count.
            let info = try PDFTools.info(url)
            let size = try XCTUnwrap(SampleGuide.pageSizes[definition.paper], name)
            PDFTools.assertPageSize(info, width: size.0, height: size.1)
            let pages = Int(info["Pages"] ?? "") ?? 0
            switch definition.layout {
            case "pocket-card": XCTAssertEqual(pages, 2, name)
            case "poster": XCTAssertEqual(pages, 1, name)
            case "sheet":
                // A protocol too long for one side continues on the back.
                let protocols = guide.entries(of: definition).filter { $0.type == .protocols }.count
                XCTAssertTrue((protocols...2 * protocols).contains(pages), "\(name): \(pages) pages")
            default: XCTAssertGreaterThan(pages, 20, name)
            }
            XCTAssertEqual(info["Title"], definition.title[language], name)
            XCTAssertEqual(info["CreationDate"], "Wed Jan  1 00:00:00 2025 UTC", name)

            // Fonts.
            let fonts = try PDFTools.fontsEmbedded(url)
            XCTAssertFalse(fonts.isEmpty, name)
            XCTAssertTrue(fonts.allSatisfy { $0 }, "\(name): every font embedded")

            // Text: title, footer, helpline numbers, and every entry shown in the handout's language.
            let text = SampleGuide.squeezed(try PDFTools.text(url))
            let title = try XCTUnwrap(definition.title[language])
            XCTAssertTrue(text.contains(SampleGuide.squeezed(title)), "\(name) lacks its title")
            XCTAssertTrue(text.contains("1.0.0"), "\(name) lacks the version")
            XCTAssertTrue(text.contains(SampleGuide.squeezed("2025-01-01")), "\(name) lacks the content date")
            let helplines = SampleGuide.helplines(of: definition, guide: guide)
            XCTAssertFalse(helplines.isEmpty, name)
            for helpline in helplines {
                let channels = guide.sourceFile(of: helpline)?.frontMatter["channels"]?.arrayValue ?? []
                for channel in channels
                where ["phone", "toll-free", "whatsapp"].contains(channel["type"]?.stringValue ?? "") {
                    let number = try XCTUnwrap(channel["value"]?.stringValue)
                    XCTAssertTrue(text.contains(number), "\(name) lacks \(helpline.id)'s number \(number)")
                }
            }
            // Every entry the handout shows (as `order` and `limit` keep them), in its language.
            let shownAnchors = Set(written.content.allItems.map(\.anchor))
            var accented = SampleGuide.accentedWords(title)
            // A poster prints a protocol's do and don't, not its title.
            let shownEntries = guide.entries(of: definition).filter {
                shownAnchors.contains($0.reference.description)
                    && !(definition.layout == "poster" && $0.type == .protocols)
            }
            let lowered = text.lowercased()
            for entry in shownEntries + helplines {
                let shown = try XCTUnwrap(guide.localized(entry, in: language, drafts: false), entry.id)
                var entryTitle = try XCTUnwrap(shown.file.string("title"))
                // Under its country's heading a helpline's name drops the country ("Aruba: CMMA, …").
                if entry.type == .helplines, !lowered.contains(SampleGuide.squeezed(entryTitle).lowercased()),
                    let colon = entryTitle.firstIndex(of: ":")
                {
                    entryTitle = entryTitle[entryTitle.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                }
                XCTAssertTrue(
                    lowered.contains(SampleGuide.squeezed(entryTitle).lowercased()), "\(name) lacks \"\(entryTitle)\"")
                if shown.file.language == language { accented += SampleGuide.accentedWords(entryTitle) }
            }
            if ["pap", "ht", "es", "pt"].contains(language) {
                XCTAssertFalse(accented.isEmpty, "\(name): no accented word to check")
                // Compared in lower case: a helpline's name under its country's heading starts with a capital.
                for word in accented { XCTAssertTrue(lowered.contains(word.lowercased()), "\(name) lacks \"\(word)\"") }
            }

            // The QR code decodes to what the definition's qr names.
            // On a card the back; on a sheet whose protocol continues on the back, its last side.
            let qrPage = definition.layout == "pocket-card" || definition.layout == "sheet" ? pages : 1
            let png = try PDFTools.png(url, name: "sample-\(name)-qr", first: qrPage, last: qrPage)
            let decoded = try png.flatMap(PDFTools.qrPayloads)
            let expected = [SampleGuide.expectedQR(definition, language: language, guide: guide)].compactMap { $0 }
            XCTAssertFalse(expected.isEmpty, name)
            for payload in expected {
                XCTAssertTrue(decoded.contains(payload), "\(name): QR \(payload) not in \(decoded)")
            }
        }
    }

    /// Spot checks of what a reader sees, language by language.
    func testLanguageSpecificText() throws {
        let guide = SampleGuide.load()
        let (report, folder) = try SampleGuide.emit(guide)
        _ = report
        func text(_ name: String) throws -> String {
            SampleGuide.squeezed(try PDFTools.text(folder.appendingPathComponent(name)))
        }
        // Papiamento and Haitian Creole letters, from translations and interface strings.
        XCTAssertTrue(try text("checkin-gate-card.pap.pdf").contains("señalnan"))
        XCTAssertTrue(try text("checkin-gate-card.pap.pdf").contains("Kenpayama"))
        XCTAssertTrue(try text("checkin-gate-card.ht.pdf").contains("pòtay"))
        XCTAssertTrue(try text("do-helpline-poster.ht.pdf").contains("RepiblikDominikèn"))
        XCTAssertFalse(
            try text("do-helpline-poster.ht.pdf").contains("paendike"), "\"not stated\" is never printed large")
        XCTAssertTrue(
            try text("full-guide-booklet.en.pdf").contains("Hours:notstated"), "the booklet says what is unknown")
        // Numbers grouped for reading, with their digits unchanged.
        XCTAssertTrue(try text("do-helpline-poster.es.pdf").contains("+18092007393"))
        XCTAssertTrue(
            try PDFTools.text(folder.appendingPathComponent("do-helpline-poster.es.pdf")).contains("809 200 7393"))
        // Protocol steps, do and don't from their sections; the booklet carries concepts' tables.
        let sheet = try text("cabin-crew-sheet.es.pdf")
        for expected in ["Pasos", "Quéhacer", "Quénohacer", "Nointenteunrescate"] {
            XCTAssertTrue(sheet.contains(expected), "sheet lacks \(expected)")
        }
        let booklet = try text("full-guide-booklet.en.pdf")
        for expected in ["Contents", "Concepts", "Indicators", "Protocols", "Whotocall", "Whatitcovers", "Page3"] {
            XCTAssertTrue(booklet.contains(expected), "booklet lacks \(expected)")
        }
    }

    func testSameContentGivesIdenticalBytes() throws {
        let guide = SampleGuide.load()
        let first = try SampleGuide.emit(guide)
        let second = try SampleGuide.emit(guide)
        let names = try FileManager.default.contentsOfDirectory(atPath: first.folder.path).sorted()
        XCTAssertEqual(names.count, 15 + 12, "15 handouts and the card's 6 languages on A4 and Letter")
        XCTAssertEqual(names, try FileManager.default.contentsOfDirectory(atPath: second.folder.path).sorted())
        for name in names {
            let a = try Data(contentsOf: first.folder.appendingPathComponent(name))
            let b = try Data(contentsOf: second.folder.appendingPathComponent(name))
            XCTAssertEqual(a, b, "\(name) differs between two builds")
        }
    }

    /// Without SOURCE_DATE_EPOCH the date comes from the content (its latest verified_on or
    /// accessed date), never from the clock.
    func testDateWithoutSourceDateEpochComesFromTheContent() throws {
        let guide = SampleGuide.load()
        let day = ContentDate.day(sourceDate: nil, guide: guide)
        XCTAssertEqual(day.count, 10)
        // The latest date the content records, found here independently.
        var latest = ""
        for entry in guide.allEntries {
            for file in entry.files.values {
                var dates = [file.string("verified_on"), file.frontMatter["source"]?["accessed"]?.stringValue]
                dates += (file.frontMatter["sources"]?.arrayValue ?? []).map { $0["accessed"]?.stringValue }
                for case let date? in dates where date > latest { latest = date }
            }
        }
        XCTAssertEqual(day, latest)
        let (report, _) = try SampleGuide.emit(guide, sourceDate: nil)
        let url = try XCTUnwrap(report.written.first { $0.definition.layout == "poster" }?.file)
        XCTAssertTrue(try PDFTools.text(url).contains(day), day)
    }

    /// The sample card fits; an indicator made far too long
    /// gives one diagnostic, at the include item that selected it, and is left off whole.
    /// (guide check refuses such a text first, section.too-long: the emitter is given it anyway.)
    func testOverlongIndicatorIsReportedAtTheIncludeItem() throws {
        let copy = try SampleGuide.copyOfContent()
        defer { try? FileManager.default.removeItem(at: copy) }
        let card = copy.appendingPathComponent("handouts/checkin-gate-card.yml")
        let fitting = try SampleGuide.emit(SampleGuide.load(copy))
        XCTAssertEqual(fitting.report.diagnostics.filter { $0.code != "handout.proof" }, [], "the sample card fits")

        let marker = "Escort the traveller nowhere"
        let indicator = copy.appendingPathComponent("indicators/asks-for-help-or-says-not-free.en.md")
        try SampleGuide.edit(indicator) { text in
            guard let range = text.range(of: "{#what-to-do}\n\n") else { return text }
            let long = String(
                repeating: "\(marker); note the time, the flight and what was said, and tell your supervisor. ",
                count: 40)
            return text.replacingCharacters(in: range, with: "{#what-to-do}\n\n" + long)
        }
        let overlong = SampleGuide.load(copy, expectingErrors: ["section.too-long"])
        XCTAssertEqual(overlong.errors.map(\.file), ["Content/indicators/asks-for-help-or-says-not-free.en.md"])
        let (report, _) = try SampleGuide.emit(overlong.guide)
        let problems = report.diagnostics.filter { $0.code != "handout.proof" }
        XCTAssertEqual(problems.count, 1, "\(report.diagnostics)")
        let diagnostic = try XCTUnwrap(problems.first)
        XCTAssertEqual(diagnostic.code, "handout.overflow")
        XCTAssertEqual(diagnostic.severity, .error)
        XCTAssertEqual(diagnostic.file, "Content/handouts/checkin-gate-card.yml")
        let lines = try String(contentsOf: card, encoding: .utf8).components(separatedBy: "\n")
        let includeLine = try XCTUnwrap(lines.firstIndex(of: "  - type: indicators")) + 1
        XCTAssertEqual(diagnostic.range?.start, SourcePosition(line: includeLine, column: 5))
        XCTAssertTrue(diagnostic.message.contains("indicators/asks-for-help-or-says-not-free"), diagnostic.message)
        XCTAssertTrue(diagnostic.message.contains("in en:"), diagnostic.message)
        XCTAssertTrue(diagnostic.message.contains(" mm too long"), diagnostic.message)
        XCTAssertTrue(diagnostic.help?.contains("shorten the entry") == true, diagnostic.help ?? "")

        let written = try XCTUnwrap(
            report.written.first { $0.definition.id == "checkin-gate-card" && $0.content.language == "en" })
        let text = try PDFTools.text(try XCTUnwrap(written.file))
        XCTAssertFalse(text.contains(marker), "the overflowing entry is left off whole, not clipped")
        XCTAssertEqual(try PDFTools.info(try XCTUnwrap(written.file))["Pages"], "2")
    }

    /// More indicators than a card holds legibly: the error names the limit that would fit.
    func testCardTooFullNamesTheLimitThatFits() throws {
        let copy = try SampleGuide.copyOfContent()
        defer { try? FileManager.default.removeItem(at: copy) }
        // The card's limit is raised to every indicator it selects.
        let guide = SampleGuide.load(copy)
        let definition = try XCTUnwrap(guide.handouts.first { $0.id == "checkin-gate-card" })
        let limit = try XCTUnwrap(definition.value["limit"]?["indicators"]?.numberValue?.integerValue)
        let selected = guide.entries(of: definition).filter { $0.type == .indicators }.count
        XCTAssertGreaterThan(selected, limit, "the card selects more indicators than its limit")
        try SampleGuide.edit(copy.appendingPathComponent("handouts/checkin-gate-card.yml")) {
            $0.replacingOccurrences(of: "limit: {indicators: \(limit)}", with: "limit: {indicators: \(selected)}")
        }
        let (report, _) = try SampleGuide.emit(SampleGuide.load(copy))
        let overflow = report.diagnostics.filter { $0.code == "handout.overflow" }
        XCTAssertFalse(overflow.isEmpty, "\(selected) indicators do not fit an A6 card at 7 pt")
        for diagnostic in overflow {
            XCTAssertTrue(diagnostic.message.contains("back of the card"), diagnostic.message)
            // The limit that fits: at least the sample's (which fits), fewer than were asked for.
            let help = diagnostic.help ?? ""
            let fitted = help.range(of: "limit: {indicators: ").flatMap {
                Int(help[$0.upperBound...].prefix { $0.isNumber })
            }
            XCTAssertTrue(fitted.map { (limit..<selected).contains($0) } ?? false, help)
        }
    }

    /// A card whose selection holds only helplines has nothing for its front: one error for all
    /// its languages at the layout, and no file (rather than a blank card).
    func testHandoutWithNothingToShowIsOneDiagnostic() throws {
        let copy = try SampleGuide.copyOfContent()
        defer { try? FileManager.default.removeItem(at: copy) }
        let card = copy.appendingPathComponent("handouts/checkin-gate-card.yml")
        try SampleGuide.edit(card) {
            $0.replacingOccurrences(of: "  - type: indicators\n    touchpoints: [check-in, gate]\n", with: "")
        }
        let (report, folder) = try SampleGuide.emit(SampleGuide.load(copy))
        let unrenderable = report.diagnostics.filter { $0.code == "handout.unrenderable" }
        XCTAssertEqual(unrenderable.count, 1, "\(report.diagnostics)")
        let diagnostic = try XCTUnwrap(unrenderable.first)
        XCTAssertEqual(diagnostic.file, "Content/handouts/checkin-gate-card.yml")
        XCTAssertTrue(diagnostic.message.contains("en, es, nl, pap, ht, pt"), diagnostic.message)
        let lines = try String(contentsOf: card, encoding: .utf8).components(separatedBy: "\n")
        let layoutLine = try XCTUnwrap(lines.firstIndex(of: "layout: pocket-card")) + 1
        XCTAssertEqual(diagnostic.range?.start, SourcePosition(line: layoutLine, column: 9))
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        XCTAssertFalse(files.contains { $0.hasPrefix("checkin-gate-card.") }, "\(files)")
        XCTAssertEqual(files.count, 9, "the other handouts are still written")
    }

    func testMissingFontIsAnEnvironmentErrorNamingThePackage() throws {
        let templates = FileManager.default.temporaryDirectory.appendingPathComponent("templates-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: SampleGuide.templates, to: templates)
        defer { try? FileManager.default.removeItem(at: templates) }
        try SampleGuide.edit(templates.appendingPathComponent("handouts/style.yml")) {
            $0.replacingOccurrences(
                of: "body:    { family: Noto Serif,", with: "body:    { family: Noto Serif Nonexistent,")
        }
        XCTAssertThrowsError(try SampleGuide.emit(SampleGuide.load(), templates: templates)) { error in
            XCTAssertTrue("\(error)".contains("Noto Serif Nonexistent"), "\(error)")
            XCTAssertTrue("\(error)".contains("apt-get install fonts-noto-core"), "\(error)")
        }
    }

}
