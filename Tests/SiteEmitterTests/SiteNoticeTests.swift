import Diagnostics
import Foundation
import GuideModel
import Loader
import XCTest

/// Fallback and outdated notices appear exactly where the translation is
/// missing or outdated, on a copy of the sample guide with one translation
/// made current, one made outdated and one removed, and groups of
/// translations removed so that every kind of page falls back somewhere.
final class SiteNoticeTests: XCTestCase {
    func testNoticesMatchTranslationStates() throws {
        let build = try SiteBuild(name: "notices")
        // Spanish concepts and protocols as if never stamped (outdated), then one of each state.
        for folder in ["concepts", "protocols"] {
            for name in try FileManager.default.contentsOfDirectory(
                atPath: build.content.appendingPathComponent(folder).path)
            where name.hasSuffix(".es.md") {
                try stamp(build, "Content/\(folder)/\(name)", nil)
            }
        }
        let loaded = ContentLoader(root: build.content, displayRoot: build.content.path).load()
        let consent = try XCTUnwrap(loaded.guide.entry(Reference(type: .concepts, id: "consent")))
        let source = try XCTUnwrap(loaded.guide.sourceFile(of: consent))
        let hash = SourceHash.of(source, translatable: loaded.guide.fieldRules[.concepts]?.translatable ?? [])
        try stamp(build, "Content/concepts/consent.es.md", hash)
        try stamp(build, "Content/concepts/exploitation.es.md", "0000000000000000")
        try build.remove("Content/concepts/debt-bondage.es.md")
        // The sample translates everything: remove translations so that pages fall back.
        // A Papiamento protocol without a Dutch one either (pap → nl → es):
        try build.remove("Content/protocols/alert-at-check-in.nl.md")
        // Every Papiamento protocol, Haitian Creole helpline and Portuguese concept:
        for (folder, language) in [("protocols", "pap"), ("helplines", "ht"), ("concepts", "pt")] {
            for name in try FileManager.default.contentsOfDirectory(
                atPath: build.content.appendingPathComponent(folder).path)
            where name.hasSuffix(".\(language).md") {
                try build.remove("Content/\(folder)/\(name)")
            }
        }
        try build.build()
        XCTAssertEqual(build.diagnostics.filter { $0.severity == .error }, [])
        let guide = build.guide

        // The three changed pages, as a Spanish reader sees them.
        let current = try XCTUnwrap(build.page("es/concepts/consent/index.html"))
        XCTAssertFalse(
            current.contains("notice-missing") || current.contains("notice-outdated"),
            "a current translation has no notice")
        let outdated = try XCTUnwrap(build.page("es/concepts/exploitation/index.html"))
        XCTAssertTrue(outdated.contains("class=\"notice notice-outdated\""))
        XCTAssertTrue(outdated.contains("<a href=\"../../../en/concepts/exploitation/index.html\" hreflang=\"en\">"))
        let missing = try XCTUnwrap(build.page("es/concepts/debt-bondage/index.html"))
        XCTAssertTrue(missing.contains("class=\"notice notice-missing\""))
        XCTAssertTrue(missing.contains("Esta página aún no está traducida. Se muestra en English."))
        XCTAssertTrue(missing.contains("<div class=\"body\" lang=\"en\" dir=\"ltr\">"), "fallback block carries lang")
        XCTAssertTrue(missing.contains("<h1 lang=\"en\" dir=\"ltr\">"))
        XCTAssertTrue(missing.contains("<html lang=\"es\" dir=\"ltr\">"))

        // A protocol missing in Papiamento falls back along pap → nl → es, with the strong notice.
        let checkIn = try XCTUnwrap(guide.entry(Reference(type: .protocols, id: "alert-at-check-in")))
        XCTAssertEqual(guide.localized(checkIn, in: "pap", drafts: false)?.file.language, "es")
        let fallbackProtocol = try XCTUnwrap(build.page("pap/protocols/alert-at-check-in/index.html"))
        XCTAssertTrue(fallbackProtocol.contains("class=\"notice notice-missing notice-strong\""))
        XCTAssertTrue(fallbackProtocol.contains("<div class=\"body\" lang=\"es\" dir=\"ltr\">"))

        // Every entry page in every language: notice exactly when the state says so.
        var counts: [String: Int] = [:]
        for language in guide.config.languageCodes {
            for entry in guide.publishedEntries(drafts: false) {
                guard let shown = guide.localized(entry, in: language, drafts: false) else { continue }
                let path = "\(language)/\(entry.type.rawValue)/\(entry.id)/index.html"
                let html = try XCTUnwrap(build.page(path), path)
                let hasMissing = html.contains("notice notice-missing")
                let hasOutdated = html.contains("notice notice-outdated")
                let strong = html.contains("notice-strong")
                switch shown.state {
                case .missing:
                    XCTAssertTrue(hasMissing && !hasOutdated, path)
                    XCTAssertTrue(html.contains("<div class=\"body\" lang=\"\(shown.file.language)\""), path)
                case .outdated:
                    XCTAssertTrue(hasOutdated && !hasMissing, path)
                case .current, .source:
                    XCTAssertFalse(hasMissing || hasOutdated, path)
                }
                if hasMissing || hasOutdated {
                    XCTAssertEqual(strong, entry.type == .helplines || entry.type == .protocols, path)
                }
                counts[shown.state.name, default: 0] += 1
            }
        }
        XCTAssertGreaterThan(counts["missing"] ?? 0, 10)
        XCTAssertGreaterThanOrEqual(counts["outdated"] ?? 0, 1)
        XCTAssertGreaterThan(counts["current"] ?? 0, 10)
    }

    /// Sets a translation's `source_hash` (nil removes it: never stamped).
    private func stamp(_ build: SiteBuild, _ path: String, _ hash: String?) throws {
        let text = try build.read(path)
        XCTAssertTrue(text.hasPrefix("---\n"))
        let lines = text.dropFirst(4).components(separatedBy: "\n").filter { !$0.hasPrefix("source_hash:") }
        try build.write(path, "---\n" + (hash.map { "source_hash: \"\($0)\"\n" } ?? "") + lines.joined(separator: "\n"))
    }
}
