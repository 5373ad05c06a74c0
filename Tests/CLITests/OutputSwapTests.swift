import Foundation
import XCTest

/// `guide build` writes into a staging folder and swaps it in: a failed
/// build leaves the previous `Output/` whole, a finished one leaves nothing
/// beside it, and what an interrupted build left is removed by the next.
final class OutputSwapTests: XCTestCase {
    let environment = ["SOURCE_DATE_EPOCH": "1764460800"]

    func build(_ copy: SampleCopy) throws -> SampleCopy.Result {
        try copy.guide(["build", "--today", "2026-11-30"], environment: environment)
    }

    /// Names beside `Output/` that a build makes (staging and old folders).
    func leftovers(_ copy: SampleCopy) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: copy.root.path).filter { $0.hasPrefix(".Output") }.sorted()
    }

    func listing(_ folder: URL) throws -> [String: Date] {
        var result: [String: Date] = [:]
        let enumerator = try XCTUnwrap(FileManager.default.enumerator(atPath: folder.path))
        for case let relative as String in enumerator {
            let attributes = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(relative).path)
            result[relative] = attributes[.modificationDate] as? Date
        }
        return result
    }

    func testAFailedBuildLeavesThePreviousOutputWhole() throws {
        let copy = try SampleCopy()
        let first = try build(copy)
        XCTAssertEqual(first.status, 0, first.stderr)
        let before = try listing(copy.url("Output"))
        XCTAssertGreaterThan(before.count, 100)

        try copy.edit("Content/concepts/consent.en.md", replacing: "title: ", with: "title: [")
        let failed = try build(copy)
        XCTAssertEqual(failed.status, 1)
        XCTAssertTrue(failed.stderr.contains("Content/concepts/consent.en.md:"), failed.stderr)
        XCTAssertEqual(try listing(copy.url("Output")), before, "the failed build changed Output/")
        XCTAssertEqual(try leftovers(copy), [])

        // Content that checks, but a broken site template: the build stops
        // in the staging folder, and still nothing changes.
        try copy.edit("Content/concepts/consent.en.md", replacing: "title: [", with: "title: ")
        try copy.write("Templates/site/pages/entry.mustache", "{{#unclosed}}")
        let broken = try build(copy)
        XCTAssertEqual(broken.status, 1)
        XCTAssertTrue(broken.stderr.contains("site.template"), broken.stderr)
        XCTAssertEqual(try listing(copy.url("Output")), before, "the failed build changed Output/")
        XCTAssertEqual(try leftovers(copy), [])
    }

    func testAFinishedBuildRemovesTheOldOutputAndLeftovers() throws {
        let copy = try SampleCopy()
        XCTAssertEqual(try build(copy).status, 0)
        // What an interrupted build leaves: a staging folder with nested
        // folders, files and a link to a folder outside, which must survive.
        let outside = copy.url("Outside")
        try copy.write("Outside/keep.txt", "kept")
        let partial = ".Output.partial-99999"
        try copy.write("\(partial)/site/en/concepts/consent/index.html", "<p>half</p>")
        try copy.write("\(partial)/site/es/index.html", "<p>half</p>")
        try FileManager.default.createSymbolicLink(at: copy.url("\(partial)/site/link"), withDestinationURL: outside)
        try copy.write(".Output.old-99999/bundle/guide.json", "{}")

        try copy.edit("Content/concepts/consent.en.md", replacing: "title: ", with: "title: Edited – ")
        let second = try build(copy)
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertEqual(try leftovers(copy), [], "staging, old and interrupted folders are all gone")
        XCTAssertEqual(try copy.read("Outside/keep.txt"), "kept", "a link is removed, not followed")
        XCTAssertTrue(try copy.read("Output/site/en/concepts/consent/index.html").contains("Edited – "))
    }

    /// `--only site` carries the other outputs over (the same files, linked) with their records.
    func testOnlyCarriesTheOtherOutputsOver() throws {
        let copy = try SampleCopy()
        XCTAssertEqual(try build(copy).status, 0)
        func inode(_ relative: String) throws -> UInt64? {
            (try FileManager.default.attributesOfItem(atPath: copy.url(relative).path)[.systemFileNumber] as? NSNumber)?.uint64Value
        }
        let bundle = try inode("Output/bundle/guide.json"), record = try copy.read("Output/.cache/bundle.record")
        let handouts = try FileManager.default.contentsOfDirectory(atPath: copy.url("Output/handouts").path).sorted()
        let only = try copy.guide(["build", "--only", "site", "--today", "2026-11-30"], environment: environment)
        XCTAssertEqual(only.status, 0, only.stderr)
        XCTAssertEqual(try inode("Output/bundle/guide.json"), bundle)
        XCTAssertEqual(try copy.read("Output/.cache/bundle.record"), record)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: copy.url("Output/handouts").path).sorted(), handouts)
        XCTAssertEqual(try leftovers(copy), [])
    }
}
