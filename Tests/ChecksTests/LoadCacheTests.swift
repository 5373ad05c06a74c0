import Diagnostics
import Foundation
import GuideModel
import Loader
import XCTest

/// Loads that reuse a `LoadCache` (as `guide serve` does) read only the files
/// that changed, and give the same guide as a fresh load.
final class LoadCacheTests: XCTestCase {
    func testOnlyChangedFilesAreReadAgain() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("load-cache-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: FixtureGuide.repository.appendingPathComponent("Content"), to: root)
        defer { try? FileManager.default.removeItem(at: root) }
        let loader = ContentLoader(root: root, displayRoot: "Content")
        let cache = LoadCache()

        let first = loader.load(cache: cache)
        let fileCount = first.guide.allEntries.reduce(0) { $0 + $1.files.count }
        XCTAssertEqual(cache.filesReadLastTime, fileCount)
        _ = loader.load(cache: cache)
        XCTAssertEqual(cache.filesReadLastTime, 0, "nothing changed")

        let edited = root.appendingPathComponent("concepts/consent.en.md")
        let text = try String(contentsOf: edited, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "title: Consent\n", with: "title: Consent, edited\n").utf8).write(
            to: edited)
        try FileManager.default.removeItem(at: root.appendingPathComponent("indicators/fearful-of-authorities.pt.md"))
        let second = loader.load(cache: cache)
        XCTAssertEqual(cache.filesReadLastTime, 1, "only the edited file")

        let fresh = loader.load()
        XCTAssertEqual(fingerprints(second.guide), fingerprints(fresh.guide))
        XCTAssertEqual(
            second.guide.entry(Reference(type: .concepts, id: "consent"))?.files["en"]?.string("title"),
            "Consent, edited")
        XCTAssertNil(second.guide.entry(Reference(type: .indicators, id: "fearful-of-authorities"))?.files["pt"])
        XCTAssertEqual(second.diagnostics, fresh.diagnostics)

        // A schema edit is seen: the schemas are compiled again.
        let schema = root.appendingPathComponent("schema/concept.schema.json")
        try Data("{ not json".utf8).write(to: schema)
        let broken = loader.load(cache: cache)
        XCTAssertEqual(broken.diagnostics, loader.load().diagnostics)
        XCTAssertTrue(broken.diagnostics.contains { $0.code == "schema.syntax" })
    }

    /// With the paths a watcher reported, only those are looked at; files
    /// added or removed make the loader walk the folders again.
    func testReportedChangesAreTrusted() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("load-hint-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: FixtureGuide.repository.appendingPathComponent("Content"), to: root)
        defer { try? FileManager.default.removeItem(at: root) }
        let loader = ContentLoader(root: root, displayRoot: "Content")
        let cache = LoadCache()
        _ = loader.load(cache: cache)

        let edited = root.appendingPathComponent("concepts/consent.en.md")
        let text = try String(contentsOf: edited, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "title: Consent\n", with: "title: Consent, edited\n").utf8).write(
            to: edited)
        let vanished = root.appendingPathComponent("concepts/sedTmp01").path // an editor's temporary file, already gone
        let hinted = loader.load(
            cache: cache, changed: [edited.path, vanished, "/somewhere/else/Templates/site/layout.mustache"])
        XCTAssertEqual(cache.filesReadLastTime, 1)
        XCTAssertEqual(fingerprints(hinted.guide), fingerprints(loader.load().guide))

        let added = root.appendingPathComponent("concepts/consent.pt.md")
        try Data(try String(contentsOf: root.appendingPathComponent("concepts/consent.es.md"), encoding: .utf8).utf8)
            .write(to: added)
        let withAdded = loader.load(cache: cache, changed: [added.path])
        XCTAssertNotNil(
            withAdded.guide.entry(Reference(type: .concepts, id: "consent"))?.files["pt"], "a new file is found")
        XCTAssertEqual(fingerprints(withAdded.guide), fingerprints(loader.load().guide))

        try FileManager.default.removeItem(at: added)
        let withRemoved = loader.load(cache: cache, changed: [added.path])
        XCTAssertNil(
            withRemoved.guide.entry(Reference(type: .concepts, id: "consent"))?.files["pt"], "a removed file is gone")
        XCTAssertEqual(withRemoved.diagnostics, loader.load().diagnostics)
    }

    /// Edits to entry files only patch the last load (one file read); over
    /// a series of edits (a file broken and mended, a translation, an edit
    /// to guide.yml) every load equals a fresh one: entries, translation
    /// states, source texts and diagnostics.
    func testPatchedLoadsEqualFreshLoads() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("load-patch-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: FixtureGuide.repository.appendingPathComponent("Content"), to: root)
        defer { try? FileManager.default.removeItem(at: root) }
        let loader = ContentLoader(root: root, displayRoot: "Content")
        let cache = LoadCache()
        _ = loader.load(cache: cache)

        let source = root.appendingPathComponent("concepts/consent.en.md")
        let translation = root.appendingPathComponent("concepts/consent.es.md")
        let config = root.appendingPathComponent("guide.yml")
        let sourceText = try String(contentsOf: source, encoding: .utf8)
        let edits: [(URL, String, Int)] = [
            (source, sourceText.replacingOccurrences(of: "title: Consent\n", with: "title: Consent, edited\n"), 1),
            (source, sourceText.replacingOccurrences(of: "title: Consent\n", with: "title: [Consent\n"), 1),
            (source, sourceText, 1),
            (translation, try String(contentsOf: translation, encoding: .utf8) + "\nOne more sentence.\n", 1),
            (config, try String(contentsOf: config, encoding: .utf8) + "\n# a comment\n", 0),
        ]
        for (number, (file, text, reads)) in edits.enumerated() {
            try Data(text.utf8).write(to: file)
            let patched = loader.load(cache: cache, changed: [file.path])
            let fresh = loader.load()
            XCTAssertEqual(cache.filesReadLastTime, reads, "edit \(number)")
            XCTAssertEqual(fingerprints(patched.guide), fingerprints(fresh.guide), "edit \(number)")
            XCTAssertEqual(states(patched.guide), states(fresh.guide), "edit \(number)")
            XCTAssertEqual(patched.sources.mapValues(\.text), fresh.sources.mapValues(\.text), "edit \(number)")
            XCTAssertEqual(Set(patched.diagnostics), Set(fresh.diagnostics), "edit \(number)")
        }
    }

    /// Every file's translation state in every declared language.
    func states(_ guide: Guide) -> [String: String] {
        var states: [String: String] = [:]
        for entry in guide.allEntries {
            for language in guide.config.languageCodes {
                states["\(entry.reference)/\(language)"] = "\(guide.translationState(of: entry, in: language))"
            }
        }
        return states
    }

    func fingerprints(_ guide: Guide) -> [String: String] {
        Dictionary(uniqueKeysWithValues: guide.allEntries.map { ($0.reference.description, $0.fingerprint) })
    }
}
