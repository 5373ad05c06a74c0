import XCTest

@testable import HandoutEmitter

final class StyleTests: XCTestCase {
    func testShippedStyleLoads() throws {
        let style = try Fixtures.style
        XCTAssertEqual(style.bodyFont, FontFamily(family: "Noto Serif", package: "fonts-noto-core"))
        let card = try style.metrics(.pocketCard)
        XCTAssertGreaterThanOrEqual(card.qrSize, 15 * 72 / 25.4)
        XCTAssertTrue(card.sizes.allSatisfy { $0.value >= card.minimum($0.key) })
        // What a card read at actual size promises (issue 14): body 7 pt, headings 8 pt, numbers 11 pt.
        XCTAssertEqual(card.minimum(.body), 7)
        XCTAssertEqual(card.minimum(.heading), 8)
        XCTAssertEqual(card.minimum(.number), 11)
        XCTAssertGreaterThanOrEqual(try style.metrics(.sheet).minimum(.body), 9.5)
        XCTAssertEqual(try style.margin(.cr80), 3.5 * 72 / 25.4, accuracy: 0.001)
    }

    private func shipped() throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return try String(contentsOf: root.appendingPathComponent("Templates/handouts/style.yml"), encoding: .utf8)
    }

    private func assertError(
        _ yaml: String, contains expected: String, line: Int? = nil,
        file: StaticString = #filePath, sourceLine: UInt = #line
    ) {
        XCTAssertThrowsError(try HandoutStyle.parse(yaml: yaml, file: "style.yml"), file: file, line: sourceLine) {
            error in
            let styleError = error as? HandoutStyleError
            XCTAssertTrue("\(error)".contains(expected), "\(error)", file: file, line: sourceLine)
            if let line { XCTAssertEqual(styleError?.line, line, file: file, line: sourceLine) }
        }
    }

    func testUnknownKeyIsReportedWithItsPosition() throws {
        let yaml = try shipped().replacingOccurrences(of: "line_spacing:", with: "line_spaceing:")
        let line = yaml.components(separatedBy: "\n").firstIndex { $0.hasPrefix("line_spaceing") }.map { $0 + 1 }
        assertError(yaml, contains: "unknown key \"line_spaceing\"", line: line)
    }

    func testSizeBelowMinimumIsAnError() throws {
        let yaml = try shipped().replacingOccurrences(
            of: "small: 7, footer: 7, number: 12", with: "small: 7, footer: 4, number: 12")
        assertError(yaml, contains: "layouts.pocket-card.sizes.footer is 4.0 pt, below its minimum_sizes value 7.0 pt")
    }

    func testBadColourAndTinyQRAreErrors() throws {
        assertError(try shipped().replacingOccurrences(of: "\"#0b4f8a\"", with: "blue"), contains: "#rrggbb")
        assertError(
            try shipped().replacingOccurrences(of: "qr_size: 20", with: "qr_size: 8"),
            contains: "layouts.pocket-card.qr_size is 8.0")
    }

    func testMissingKeyAndBadYAML() throws {
        assertError(
            try shipped().replacingOccurrences(of: "  a3: 22\n", with: ""), contains: "margins is missing \"a3\"")
        assertError("fonts: [", contains: "not valid YAML")
        assertError("", contains: "empty")
    }
}
