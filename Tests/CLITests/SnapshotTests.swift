import Foundation
import XCTest

/// What readers and partners get from the sample guide, kept as snapshots
/// so a change to any output shows up as a diff to review: a page of every
/// kind (English, and Spanish where the text differs in kind), the bundle's
/// schema and manifest, and one entry of each type from the English bundle.
///
/// Re-record with `GUIDE_RECORD=1 swift test --filter SnapshotTests` after a
/// deliberate change (a content edit changes them too), and read the diff.
final class SnapshotTests: XCTestCase {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    static let pages = [
        "site/en/index.html", "site/en/indicators/index.html", "site/en/indicators/holds-no-documents/index.html",
        "site/en/protocols/alert-at-gate/index.html", "site/en/helplines/do-anti-trafficking-line/index.html",
        "site/en/concepts/trafficking-in-persons/index.html", "site/en/touchpoints/gate/index.html",
        "site/en/search/index.html", "site/en/safety/index.html", "site/en/handouts/index.html", "site/en/404.html",
        "site/en/glossary/index.html", "site/index.html", "site/es/index.html",
        "site/pap/protocols/alert-at-gate/index.html",
        "bundle/guide.schema.json", "bundle/datapackage.json",
    ]

    /// Entries from `guide.en.json`, one per type.
    static let entries = [
        "concepts/trafficking-in-persons", "indicators/holds-no-documents", "protocols/alert-at-gate",
        "helplines/do-anti-trafficking-line",
    ]

    func testSampleOutputsMatchTheirSnapshots() throws {
        let copy = try SampleCopy()
        let result = try copy.guide(
            ["build", "--today", "2026-12-06"], environment: ["SOURCE_DATE_EPOCH": "1764460800"])
        XCTAssertEqual(result.status, 0, result.stderr)
        var snapshots: [(name: String, data: Data)] = []
        for page in Self.pages {
            snapshots.append(
                (page.replacingOccurrences(of: "/", with: "__"), try Data(contentsOf: copy.url("Output/\(page)"))))
        }
        let bundle =
            try JSONSerialization.jsonObject(with: Data(contentsOf: copy.url("Output/bundle/guide.en.json")))
            as? [String: Any]
        let all = try XCTUnwrap(bundle?["entries"] as? [[String: Any]])
        for reference in Self.entries {
            let entry = try XCTUnwrap(all.first { $0["ref"] as? String == reference }, reference)
            let data = try JSONSerialization.data(
                withJSONObject: entry, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
            snapshots.append(
                (
                    "bundle__guide.en.json__" + reference.replacingOccurrences(of: "/", with: "__") + ".json",
                    data + Data("\n".utf8)
                ))
        }
        let recording = ProcessInfo.processInfo.environment["GUIDE_RECORD"] != nil
        for (name, data) in snapshots {
            let url = Self.folder.appendingPathComponent(name)
            if recording {
                try data.write(to: url)
                continue
            }
            guard let expected = FileManager.default.contents(atPath: url.path) else {
                XCTFail("no snapshot \(name): record with GUIDE_RECORD=1")
                continue
            }
            if expected != data {
                let actual = FileManager.default.temporaryDirectory.appendingPathComponent("snapshot-" + name)
                try data.write(to: actual)
                XCTFail(
                    "\(name) differs from its snapshot: diff \(url.path) \(actual.path), or re-record with GUIDE_RECORD=1"
                )
            }
        }
        if !recording {
            let kept = Set(try FileManager.default.contentsOfDirectory(atPath: Self.folder.path))
            XCTAssertEqual(kept, Set(snapshots.map(\.name)), "snapshots without a test (remove them) or missing")
        }
    }
}
