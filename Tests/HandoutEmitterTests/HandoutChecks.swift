import Foundation
import XCTest

@testable import HandoutEmitter

/// The checks every layout must pass, whatever its design: page size and count, every font
/// embedded, searchable text with the language's letters, a decodable QR code, metadata.
enum HandoutChecks {
    struct Expectation {
        var pages: Int
        var width: Double
        var height: Double
        var texts: [String]
        var qrPayloads: [String]
        /// Which page to rasterise for the QR check.
        var qrPage = 1
    }

    @discardableResult
    static func render(
        _ content: HandoutContent, name: String, expect: Expectation,
        file: StaticString = #filePath, line: UInt = #line
    ) throws -> RenderedHandout {
        let rendered = try HandoutRenderer.render(content, style: try Fixtures.style, sourceDateEpoch: nil)
        XCTAssertEqual(rendered.problems, [], file: file, line: line)
        let url = try PDFTools.write(rendered.pdf, name: name)

        let info = try PDFTools.info(url)
        XCTAssertEqual(info["Pages"], String(expect.pages), file: file, line: line)
        PDFTools.assertPageSize(info, width: expect.width, height: expect.height, file: file, line: line)
        XCTAssertEqual(info["Title"], content.title, file: file, line: line)
        XCTAssertEqual(info["Keywords"]?.contains("lang=\(content.language)"), true, file: file, line: line)
        XCTAssertEqual(
            info["CreationDate"]?.contains("2025"), true, "date from content: \(info)", file: file, line: line)

        let fonts = try PDFTools.fontsEmbedded(url)
        XCTAssertFalse(fonts.isEmpty, file: file, line: line)
        XCTAssertTrue(fonts.allSatisfy { $0 }, "every font embedded", file: file, line: line)

        let text = try PDFTools.text(url)
        for expected in expect.texts {
            XCTAssertTrue(text.contains(expected), "pdftotext lacks \"\(expected)\"", file: file, line: line)
        }

        let pngs = try PDFTools.png(url, name: name, first: expect.qrPage, last: expect.qrPage)
        let decoded = try pngs.flatMap(PDFTools.qrPayloads)
        for payload in expect.qrPayloads {
            XCTAssertTrue(decoded.contains(payload), "QR \(payload) not in \(decoded)", file: file, line: line)
        }
        return rendered
    }
}
