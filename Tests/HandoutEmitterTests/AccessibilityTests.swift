import Foundation
import XCTest

@testable import HandoutEmitter

/// Issue 14, "accessible, valid PDFs": the structure tree, /Lang, DisplayDocTitle, XMP and the
/// outline read with pikepdf; every file checked by qpdf.
final class AccessibilityTests: XCTestCase {
    func testEveryHandoutIsTaggedWithLanguageTitleAndAltText() throws {
        let build = try SampleBuild.shared()
        XCTAssertEqual(build.handouts.count, 15)
        for handout in build.handouts {
            let probe = try XCTUnwrap(build.probes[handout.name])
            let title = handout.written.content.title
            XCTAssertEqual(probe.lang, handout.language, handout.name)
            XCTAssertTrue(probe.marked, "\(handout.name): /MarkInfo /Marked true")
            XCTAssertTrue(probe.displayDocTitle, "\(handout.name): DisplayDocTitle")
            XCTAssertEqual(probe.xmpTitle, title, handout.name)
            XCTAssertEqual(probe.xmpLanguage, [handout.language], handout.name)
            for tag in ["Document", "H1", "P", "Figure", "Link"] {
                XCTAssertGreaterThan(probe.structure[tag] ?? 0, 0, "\(handout.name) has no \(tag): \(probe.structure)")
            }
            XCTAssertFalse(probe.figures.isEmpty, handout.name)
            for alt in probe.figures {
                let text = try XCTUnwrap(alt, "\(handout.name): a QR code without alternative text")
                XCTAssertFalse(text.isEmpty, handout.name)
            }
            if handout.layout == "sheet" || handout.layout == "booklet" || handout.layout == "poster" {
                XCTAssertGreaterThan(probe.structure["LI"] ?? 0, 0, "\(handout.name): lists are tagged")
                XCTAssertEqual(probe.structure["LI"], probe.structure["Lbl"], handout.name)
            }
        }
    }

    func testBookletOutlineFollowsTheDeclaredOrder() throws {
        let build = try SampleBuild.shared()
        let probe = try XCTUnwrap(build.probes["full-guide-booklet.en.pdf"])
        let top = probe.outline.filter { $0.level == 1 }.map(\.title)
        XCTAssertEqual(top, ["Concepts", "Indicators", "Protocols", "Who to call"])
        let concepts = probe.outline.filter { $0.level == 2 }.map(\.title)
        XCTAssertEqual(concepts.first, "Trafficking in persons", "the declared order, not file ids")
        // The running header is the short title on one line.
        XCTAssertTrue(
            probe.pages[3].contains {
                $0.text.precomposedStringWithCompatibilityMapping == "Human trafficking: reference guide"
            },
            "\(probe.pages[3].prefix(3))")
    }

    func testQpdfFindsNoDamage() throws {
        let build = try SampleBuild.shared()
        let files = build.report.written.flatMap { [$0.file].compactMap { $0 } + $0.imposed }
        XCTAssertEqual(files.count, 27)
        for file in files {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/qpdf")
            process.arguments = ["--check", file.path]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = output
            try process.run()
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 0, "\(file.lastPathComponent): \(text)")
            XCTAssertTrue(
                text.contains("No syntax or stream encoding errors found"), "\(file.lastPathComponent): \(text)")
            XCTAssertFalse(text.lowercased().contains("warning"), "\(file.lastPathComponent): \(text)")
        }
    }
}
