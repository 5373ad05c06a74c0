import Foundation
import XCTest

/// The same input gives byte-identical output (SPEC "Promises"): two builds
/// of the sample guide into two folders, with the same `SOURCE_DATE_EPOCH`,
/// hold the same files with the same bytes.
final class ReproducibleBuildTests: XCTestCase {
    func files(_ folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = try XCTUnwrap(FileManager.default.enumerator(atPath: folder.path))
        for case let relative as String in enumerator {
            var isFolder: ObjCBool = false
            let exists = FileManager.default.fileExists(
                atPath: folder.appendingPathComponent(relative).path,
                isDirectory: &isFolder)
            if exists, !isFolder.boolValue {
                result[relative] = try Data(contentsOf: folder.appendingPathComponent(relative))
            }
        }
        return result
    }

    func testTwoBuildsAreByteIdentical() throws {
        let copy = try SampleCopy()
        let environment = ["SOURCE_DATE_EPOCH": "1764460800"]
        for output in ["First", "Second"] {
            let result = try copy.guide(
                ["build", "--today", "2026-11-30", "--output", output], environment: environment)
            XCTAssertEqual(result.status, 0, result.stderr)
        }
        let first = try files(copy.url("First"))
        let second = try files(copy.url("Second"))
        XCTAssertGreaterThan(first.count, 100)
        XCTAssertEqual(first.keys.sorted(), second.keys.sorted())
        XCTAssertEqual(first.keys.filter { first[$0] != second[$0] }.sorted(), [], "files with different bytes")
    }
}
