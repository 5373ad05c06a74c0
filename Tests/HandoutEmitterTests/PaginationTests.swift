import XCTest

@testable import HandoutEmitter

/// Print typography: headings stay with what follows, call-outs stay whole unless longer than
/// a page.
final class PaginationTests: XCTestCase {
    private struct Box: FlowItem {
        let height: Double
        var keepWithNext = false
        func draw(_ canvas: PDFCanvas, x: Double, y: Double) {}
    }

    func testHeadingMovesWithAWholeCallout() {
        let paginator = Paginator(pageHeight: 100)
        let callout = GroupItem(items: [Box(height: 20), Box(height: 20)])
        let pages = paginator.paginate([Box(height: 70), Box(height: 10, keepWithNext: true), callout]).pages
        XCTAssertEqual(pages.count, 2)
        XCTAssertEqual(pages[0].count, 1, "the heading is not stranded at the foot of the page")
        XCTAssertEqual(pages[1].map(\.item.height), [10, 40])
    }

    func testCalloutLongerThanAPageIsSplit() {
        let paginator = Paginator(pageHeight: 100)
        let callout = GroupItem(items: (0..<6).map { _ in Box(height: 30) })
        let result = paginator.paginate([Box(height: 20), callout])
        XCTAssertTrue(result.overflows.isEmpty)
        XCTAssertEqual(result.pages.count, 3)
        XCTAssertEqual(result.pages.flatMap { $0 }.reduce(0) { $0 + $1.item.height }, 200)
    }
}
