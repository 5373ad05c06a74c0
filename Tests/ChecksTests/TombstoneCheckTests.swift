import Diagnostics
import Foundation
import XCTest

/// `tombstones.yml` and the comparison with the last published bundle, beyond
/// the one-mistake fixtures in Fixtures/broken (tombstone-*, published-*).
final class TombstoneCheckTests: XCTestCase {
    var guide: FixtureGuide!

    override func setUpWithError() throws { guide = try FixtureGuide() }
    override func tearDown() { guide.remove() }

    /// The base fixture's published entries.
    static let current = [
        "concepts/consent", "helplines/do-line", "indicators/holds-no-documents", "protocols/alert-at-check-in",
    ]

    /// Writes a published bundle beside `Content/` and names it in guide.yml.
    private func publish(
        version: String = "1.0.0", refs: [String], tombstones: [String] = [],
        countries: [String] = ["DO", "TT"], guideVersion: String = "1.0.0"
    ) throws {
        let entries = refs.map { ref -> [String: Any] in
            let parts = ref.split(separator: "/").map(String.init)
            return [
                "ref": ref, "type": parts[0], "id": parts[1], "data": [:] as [String: Any],
                "languages": ["en": ["title": parts[1]]],
            ]
        }
        let document: [String: Any] = [
            "format_version": "1.1.0", "kind": "guide", "version": version, "source_language": "en",
            "languages": [["code": "en"], ["code": "es"]], "countries": countries.map { ["code": $0] },
            "roles": [["id": "airline-agent"]], "touchpoints": [["id": "check-in"]], "categories": [["id": "general"]],
            "tombstones": tombstones.map { ["ref": $0] }, "entries": entries,
        ]
        let folder = guide.root.appendingPathComponent("published")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys]).write(
            to: folder.appendingPathComponent("guide.json"))
        var config = try String(
            contentsOf: FixtureGuide.fixtures.appendingPathComponent("base/guide.yml"), encoding: .utf8)
        config = config.replacingOccurrences(of: "version: 1.0.0", with: "version: \(guideVersion)")
        try guide.write("guide.yml", config + "published_bundle: ../published/guide.json\n")
    }

    private func codes(_ diagnostics: [Diagnostic]) -> [String] { diagnostics.map(\.code) }

    func testSilentWithoutAPublishedBundleOrTombstones() {
        XCTAssertEqual(guide.check(), [])
    }

    func testARecordedRemovalAndARaisedVersionAreClean() throws {
        try publish(refs: Self.current + ["protocols/respond-at-check-in"], guideVersion: "1.1.0")
        try guide.write(
            "tombstones.yml",
            """
            tombstones:
              - ref: protocols/respond-at-check-in
                removed_on: "2026-03-01"
                replaced_by: [protocols/alert-at-check-in]
                reason: {en: Renamed., es: Cambió de nombre.}
            """)
        XCTAssertEqual(FixtureGuide.golden(guide.check()), "")
    }

    func testTombstonesOfThePublishedBundleMustBeKept() throws {
        try publish(refs: Self.current, tombstones: ["indicators/old-indicator"])
        let found = guide.check()
        XCTAssertEqual(codes(found), ["tombstone.missing"])
        XCTAssertTrue(
            found.first?.message.hasPrefix("indicators/old-indicator was in the published bundle") ?? false,
            found.first?.message ?? "")
    }

    func testAnEntryTurnedDraftLeavesTheBundle() throws {
        try publish(refs: Self.current, guideVersion: "1.1.0")
        let path = "concepts/consent.en.md"
        let text = try String(contentsOf: guide.content.appendingPathComponent(path), encoding: .utf8)
        try guide.write(path, text.replacingOccurrences(of: "status: published", with: "status: draft"))
        let found = guide.check().filter { $0.code == "tombstone.missing" }
        XCTAssertEqual(found.count, 1)
        XCTAssertTrue(found.first?.message.contains("is now a draft") ?? false, found.first?.message ?? "")
        XCTAssertEqual(found.first?.file, "Content/guide.yml", "no tombstones.yml yet: at published_bundle")
    }

    func testAMissingRecordIsReportedAtTheTombstonesListWhenTheFileExists() throws {
        try publish(refs: Self.current + ["protocols/a", "protocols/b"], guideVersion: "1.1.0")
        try guide.write(
            "tombstones.yml", "tombstones:\n  - {ref: protocols/a, removed_on: \"2026-03-01\", reason: Gone.}\n")
        let found = guide.check()
        XCTAssertEqual(FixtureGuide.golden(found), "Content/tombstones.yml:1:1: error [tombstone.missing]\n")
        XCTAssertTrue(found.first?.message.hasPrefix("protocols/b ") ?? false)
    }

    func testVersionRules() throws {
        try publish(version: "1.2.0", refs: Self.current, guideVersion: "1.1.9")
        XCTAssertEqual(guide.check().map(\.message), ["version 1.1.9 is lower than the published bundle's 1.2.0"])

        // A country removed needs a new MAJOR version.
        try publish(refs: Self.current, countries: ["DO", "TT", "JM"], guideVersion: "1.1.0")
        let found = guide.check()
        XCTAssertEqual(codes(found), ["published.version"])
        XCTAssertEqual(
            found.first?.message,
            "1.1.0 raises only the MINOR version, but since then countries removed: JM: that needs a new MAJOR version")
        XCTAssertEqual(found.first?.help, "set version: 2.0.0 (docs/bundle.md, Versioning)")

        try publish(refs: Self.current, countries: ["DO", "TT", "JM"], guideVersion: "2.0.0")
        XCTAssertEqual(guide.check(), [])
        try publish(refs: Self.current)
        XCTAssertEqual(guide.check(), [], "nothing the rules look at changed: any version")
    }

    func testABrokenTombstonesFileIsOneSchemaDiagnostic() throws {
        try publish(refs: Self.current + ["protocols/a"], guideVersion: "1.1.0")
        try guide.write(
            "tombstones.yml", "tombstones:\n  - {ref: protocols/a, replaced_by: [protocols/alert-at-check-in]}\n")
        XCTAssertEqual(codes(guide.check()), ["field.missing"], "the comparison waits until the file is well formed")
    }
}
