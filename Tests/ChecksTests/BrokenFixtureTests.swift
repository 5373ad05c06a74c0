import Diagnostics
import Foundation
import XCTest

/// Each folder in Fixtures/broken is the base guide with one mistake, and
/// `expected.txt` the diagnostics it must give (file, line, column, code).
/// Re-record with GUIDE_RECORD=1 after a deliberate change, and review the diff.
final class BrokenFixtureTests: XCTestCase {
    static let broken = FixtureGuide.fixtures.appendingPathComponent("broken")

    func testBaseGuideIsClean() throws {
        let guide = try FixtureGuide()
        defer { guide.remove() }
        XCTAssertEqual(FixtureGuide.golden(guide.check()), "")
    }

    func testEveryBrokenFixtureGivesItsGoldenDiagnostics() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.broken.path).sorted()
        XCTAssertFalse(names.isEmpty)
        for name in names {
            let folder = Self.broken.appendingPathComponent(name)
            let guide = try FixtureGuide(overlay: folder)
            defer { guide.remove() }
            let actual = FixtureGuide.golden(guide.check())
            let expectedURL = folder.appendingPathComponent("expected.txt")
            if ProcessInfo.processInfo.environment["GUIDE_RECORD"] != nil {
                try Data(actual.utf8).write(to: expectedURL)
                continue
            }
            let expected = (try? String(contentsOf: expectedURL, encoding: .utf8)) ?? "(no expected.txt)"
            XCTAssertEqual(actual, expected, "fixture \(name)")
            XCTAssertFalse(actual.isEmpty, "fixture \(name) must trigger a diagnostic")
        }
    }
}
