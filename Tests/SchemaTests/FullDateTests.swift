import XCTest

@testable import Schema

/// Calendar dates: only real days parse, and day arithmetic is exact.
final class FullDateTests: XCTestCase {
    func testOnlyRealDaysParse() {
        for text in ["2024-02-29", "2000-02-29", "1970-01-01", "0001-01-01", "9999-12-31", "2016-09-05"] {
            XCTAssertNotNil(FullDate(text), text)
            XCTAssertEqual(FullDate(text)?.description, text)
        }
        for text in [
            "2024-13-45", "2024-02-30", "2023-02-29", "1900-02-29", "0000-00-00", "2024-00-10", "2024-04-31",
            "2024-1-01", "24-01-01", "2024/01/01", "2024-01-01T00:00:00Z", " 2024-01-01", "２０２４-01-01", "",
        ] {
            XCTAssertNil(FullDate(text), text)
        }
    }

    func testDaysSinceEpochRoundTrips() {
        XCTAssertEqual(FullDate("1970-01-01")!.daysSinceEpoch, 0)
        XCTAssertEqual(FullDate("2000-03-01")!.daysSinceEpoch, 11_017)
        XCTAssertEqual(FullDate("1969-12-31")!.daysSinceEpoch, -1)
        for days in stride(from: -800_000, through: 3_000_000, by: 997) {
            XCTAssertEqual(FullDate(daysSinceEpoch: days).daysSinceEpoch, days)
        }
        XCTAssertEqual(FullDate("2016-09-05")!.days(until: FullDate("2026-12-06")!), 3744)
    }
}
