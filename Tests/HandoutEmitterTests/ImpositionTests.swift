import Foundation
import XCTest

@testable import HandoutEmitter

/// Issue 14, "office printing": cards several-up on A4 and Letter at actual size, cut marks,
/// backs placed for duplex printing.
final class ImpositionTests: XCTestCase {
    func testGridsAtActualSize() {
        XCTAssertEqual(Imposition.grid(card: .a6, sheet: .a4).count, 2, "two A6 cards on A4 (landscape)")
        XCTAssertGreaterThan(
            Imposition.grid(card: .a6, sheet: .a4).width, Imposition.grid(card: .a6, sheet: .a4).height)
        XCTAssertEqual(Imposition.grid(card: .cr80, sheet: .a4).count, 9)
        XCTAssertEqual(Imposition.grid(card: .cr80, sheet: .letter).count, 8)
    }

    /// The sample card on A4 and Letter: two pages of the sheet's size, every card's QR code on the
    /// backs decodes, and the backs mirror the fronts (first column's back in the last column).
    func testSampleCardOnOfficePaper() throws {
        let build = try SampleBuild.shared()
        let card = try XCTUnwrap(
            build.report.written.first { $0.definition.id == "checkin-gate-card" && $0.content.language == "es" })
        XCTAssertEqual(
            card.imposed.map(\.lastPathComponent), ["checkin-gate-card.es.a4.pdf", "checkin-gate-card.es.letter.pdf"])
        for (url, size) in zip(card.imposed, [(841.89, 595.28), (792.0, 612.0)]) {
            let info = try PDFTools.info(url)
            XCTAssertEqual(info["Pages"], "2")
            PDFTools.assertPageSize(info, width: size.0, height: size.1)
            let backs = try PDFTools.png(url, name: "imposed-\(url.lastPathComponent)", first: 2, last: 2)
            let decoded = try backs.flatMap(PDFTools.qrPayloads)
            XCTAssertEqual(decoded, ["https://wa.me/2975975223", "https://wa.me/2975975223"], url.lastPathComponent)
            let text = try PDFTools.text(url)
            XCTAssertTrue(text.contains("Imprima a doble cara"), "how to print, in the card's language")
            XCTAssertEqual(
                text.components(separatedBy: "+297 597 5223").count - 1, 2 * 2, "two cards, number and QR caption")
        }
    }
}
