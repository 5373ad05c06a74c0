import Foundation
import XCTest

/// `guide build` reuses what an edit does not touch, and the result is
/// byte-identical to a clean build.
final class IncrementalBuildTests: XCTestCase {
    static let environment = ["SOURCE_DATE_EPOCH": "1764460800"]

    func build(_ copy: SampleCopy, output: String = "Output", clean: Bool = false, file: StaticString = #filePath,
               line: UInt = #line) throws {
        let result = try copy.guide(["build", "--today", "2026-11-30", "--output", output] + (clean ? ["--clean"] : []),
                                    environment: Self.environment)
        XCTAssertEqual(result.status, 0, result.stderr, file: file, line: line)
    }

    /// Every file under `folder` (but the build's cache) with its bytes.
    func files(_ folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = try XCTUnwrap(FileManager.default.enumerator(atPath: folder.path))
        for case let relative as String in enumerator where !relative.hasPrefix(".cache") {
            var isFolder: ObjCBool = false
            FileManager.default.fileExists(atPath: folder.appendingPathComponent(relative).path, isDirectory: &isFolder)
            if !isFolder.boolValue { result[relative] = try Data(contentsOf: folder.appendingPathComponent(relative)) }
        }
        return result
    }

    /// The inode of every file under `folder`: a reused file keeps its inode.
    func inodes(_ folder: URL) throws -> [String: UInt64] {
        var result: [String: UInt64] = [:]
        let enumerator = try XCTUnwrap(FileManager.default.enumerator(atPath: folder.path))
        for case let relative as String in enumerator {
            let attributes = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(relative).path)
            if attributes[.type] as? FileAttributeType == .typeRegular {
                result[relative] = (attributes[.systemFileNumber] as? NSNumber)?.uint64Value
            }
        }
        return result
    }

    func assertSameAsClean(_ copy: SampleCopy, after edit: String, file: StaticString = #filePath, line: UInt = #line) throws {
        try build(copy, file: file, line: line)
        try build(copy, output: "Clean", clean: true, file: file, line: line)
        let incremental = try files(copy.url("Output")), clean = try files(copy.url("Clean"))
        XCTAssertEqual(incremental.keys.sorted(), clean.keys.sorted(), "after \(edit): different files", file: file, line: line)
        let different = clean.keys.filter { incremental[$0] != clean[$0] }.sorted()
        XCTAssertEqual(different, [], "after \(edit): different bytes", file: file, line: line)
        try FileManager.default.removeItem(at: copy.url("Clean"))
    }

    func testIncrementalBuildsEqualCleanBuilds() throws {
        let copy = try SampleCopy()
        try build(copy)

        try copy.edit("Content/indicators/holds-no-documents.en.md", replacing: "title: ",
                      with: "title: Does not hold their own travel documents – ")
        try copy.guide(["stamp", "--source", "Content/indicators/holds-no-documents.en.md"])
        try assertSameAsClean(copy, after: "a changed title")

        let spanish = try copy.read("Content/protocols/alert-at-gate.es.md")
        try copy.write("Content/protocols/alert-at-gate.pt.md",
                       spanish.replacingOccurrences(of: "title: Alerta en la puerta de embarque", with: "title: Alerta no portão de embarque"))
        try assertSameAsClean(copy, after: "an added translation")

        for language in ["en", "es", "nl", "pap", "ht", "pt"] {
            try FileManager.default.removeItem(at: copy.url("Content/indicators/fearful-of-authorities.\(language).md"))
        }
        try assertSameAsClean(copy, after: "a deleted entry")

        try copy.edit("Templates/site/layout.mustache", replacing: "<footer class=\"site-footer\">",
                      with: "<footer class=\"site-footer\" data-edited=\"yes\">")
        try assertSameAsClean(copy, after: "a changed template")

        try copy.edit("Content/guide.yml", replacing: "guia di referencia", with: "guia di referensia")
        try assertSameAsClean(copy, after: "a changed guide.yml")
    }

    func testAnEditRewritesOnlyWhatDependsOnIt() throws {
        let copy = try SampleCopy()
        try build(copy)
        let before = try inodes(copy.url("Output"))
        try copy.edit("Content/concepts/debt-bondage.en.md", replacing: "\n---\n", with: "\n---\n\nOne more sentence.\n")
        try build(copy)
        let after = try inodes(copy.url("Output"))
        let rewritten = Set(after.keys.filter { before[$0] != after[$0] })

        XCTAssertTrue(rewritten.contains("site/en/concepts/debt-bondage/index.html"))
        XCTAssertTrue(rewritten.contains("site/en/concepts/index.html"), "the listing of concepts")
        XCTAssertTrue(rewritten.contains("bundle/guide.json"))
        XCTAssertFalse(rewritten.contains("site/en/concepts/consent/index.html"), "a concept that does not name it")
        XCTAssertFalse(rewritten.contains("site/en/helplines/index.html"), "the helplines listing")
        XCTAssertFalse(rewritten.contains("site/es/touchpoints/index.html"), "the list of touchpoints")
        XCTAssertLessThan(rewritten.filter { $0.hasPrefix("site/") && $0.hasSuffix(".html") }.count,
                          after.keys.filter { $0.hasPrefix("site/") && $0.hasSuffix(".html") }.count / 4)
    }

    func testCleanRendersEverythingAgain() throws {
        let copy = try SampleCopy()
        try build(copy)
        let before = try inodes(copy.url("Output"))
        try build(copy, clean: true)
        let after = try inodes(copy.url("Output"))
        XCTAssertEqual(Set(before.keys), Set(after.keys))
        XCTAssertTrue(after.allSatisfy { before[$0.key] != $0.value }, "every file written anew")
    }
}
