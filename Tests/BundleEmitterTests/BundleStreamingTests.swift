import Foundation
import GuideModel
import JSON
import XCTest

@testable import BundleEmitter

/// The emitter streams the files (`BundleWriter`, `EntryBytes`); they must be exactly what
/// `JSONWriter` makes of the documents built in memory (`BundleDocuments`).
final class BundleStreamingTests: XCTestCase {
    private func emit(_ guide: Guide, into folder: URL, drafts: Bool = false, sourceDate: Date? = nil) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let context = EmitContext(
            guide: guide, folder: folder, templates: folder, drafts: drafts, sourceDate: sourceDate,
            today: TestGuide.buildDay)
        XCTAssertEqual(try BundleEmitter().emit(context), [])
    }

    /// The compact form the hashes are computed from, made from the pretty bytes, is what
    /// `JSONWriter` writes compact, escapes and white space inside strings included.
    func testCompactFromPrettyBytes() throws {
        let tricky: JSONValue = .object(
            JSONObject([
                ("text", .string("a \"quoted\": value,\n\tthen \\ and \u{01} and \u{2028} end \\")),
                ("empty", .array([])), ("none", .object(JSONObject())),
                ("list", .array([.string(" "), .number(.integer(-3)), .bool(true), .null, .string("\\\"")])),
                ("nested", .object(JSONObject([("key with spaces", .string("{ \"x\": [1, 2] }"))]))),
            ]))
        for depth in [0, 2, 5] {
            var pretty: [UInt8] = []
            JSONWriter().append(tricky, to: &pretty, depth: depth)
            XCTAssertEqual(
                String(decoding: BundleWriter.compact(pretty), as: UTF8.self),
                JSONWriter(pretty: false).string(tricky), "depth \(depth)")
        }
    }

    func testStreamedFilesAreTheDocumentsAsJSONWriterWritesThem() throws {
        let guide = try TestGuide()
        defer { guide.remove() }
        try assertStreamedEqualsDocuments(guide.load(), in: guide.root, drafts: false, sourceDate: nil)
        try assertStreamedEqualsDocuments(
            guide.load(), in: guide.root, drafts: true,
            sourceDate: Date(timeIntervalSince1970: 1_735_689_600))
        // Protocols without fallback: entries left out of language files, `{"status": "missing"}` in guide.json.
        try guide.replace("protocols: true", with: "protocols: false", in: "guide.yml")
        try assertStreamedEqualsDocuments(guide.load(), in: guide.root, drafts: false, sourceDate: nil)
    }

    private func assertStreamedEqualsDocuments(
        _ guide: Guide, in root: URL, drafts: Bool, sourceDate: Date?,
        file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let folder = root.appendingPathComponent("stream-\(UUID().uuidString)")
        try emit(guide, into: folder, drafts: drafts, sourceDate: sourceDate)
        let documents = BundleDocuments(guide: guide, drafts: drafts, sourceDate: sourceDate, today: TestGuide.buildDay)
        var expected = [("guide.json", documents.full), ("guide.schema.json", BundleSchema.document(for: guide))]
        expected += documents.languages.map { ("guide.\($0.code).json", $0.document) }
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(),
            (expected.map(\.0) + ["datapackage.json"]).sorted(), file: file, line: line)
        for (name, document) in expected {
            let written = try Data(contentsOf: folder.appendingPathComponent(name))
            XCTAssert(
                written == Data(JSONWriter().bytes(document)), "\(name), drafts: \(drafts)", file: file, line: line)
        }
    }

    /// A guide without entries: `"entries": []`, as `JSONWriter` writes an empty array.
    func testGuideWithoutEntries() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("bundle-empty-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let config = GuideConfig(
            title: ["en": "Empty"], sourceLanguage: "en", baseURL: "https://example.org/",
            version: "0.1.0", languages: [.init(code: "en", name: "English")])
        let guide = Guide(config: config)
        try emit(guide, into: root)
        let documents = BundleDocuments(guide: guide, drafts: false, sourceDate: nil, today: TestGuide.buildDay)
        XCTAssert(
            try Data(contentsOf: root.appendingPathComponent("guide.json")) == Data(JSONWriter().bytes(documents.full)))
        XCTAssert(
            try Data(contentsOf: root.appendingPathComponent("guide.en.json"))
                == Data(JSONWriter().bytes(documents.languages[0].document)))
        XCTAssertTrue(
            try String(contentsOf: root.appendingPathComponent("guide.json"), encoding: .utf8).contains(
                "\"entries\": []"))
    }
}
