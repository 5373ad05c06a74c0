import BundleEmitter
import Foundation
import JSON
import Schema
import XCTest

/// `guide diff` reports every member it does not know as a change, names the
/// language of each title, tells what replaced a removed entry, refuses a
/// format_version that is not semver, and ignores when a bundle was built.
final class BundleDiffReportTests: XCTestCase {
    static let sample: Result<(JSONValue, TestGuide), Error> = Result {
        let guide = try TestGuide()
        return (try guide.build().full, guide)
    }

    override class func tearDown() { (try? sample.get())?.1.remove() }

    func testUnknownMembersAreChanges() throws {
        let old = try Self.sample.get().0
        var new = old
        let entry: [JSONStep] = [.key("entries"), .ref("concepts/consent")]
        new.set([.key("x_top")], .bool(true))
        new.set(entry + [.key("x_entry")], .bool(true))
        new.set(entry + [.key("data"), .key("x_data")], .bool(true))
        new.set(entry + [.key("languages"), .key("es"), .key("x_text")], .bool(true))
        let diff = try BundleDiff(old: old, new: new)
        XCTAssertEqual(diff.guideFields, ["x_top"])
        let change = try XCTUnwrap(diff.changed.first)
        XCTAssertEqual(change.ref, "concepts/consent")
        XCTAssertEqual(change.fields, ["data.x_data", "x_entry"])
        XCTAssertEqual(change.languages.map(\.code), ["es"])
        XCTAssertEqual(change.languages.first?.fields, ["x_text"])
        XCTAssertFalse(diff.text.contains("differ only"), diff.text)
    }

    func testEntryOrderAloneIsSaidSo() throws {
        let old = try Self.sample.get().0
        var new = old
        new.edit([.key("entries")]) { $0 = .array(($0?.arrayValue ?? []).reversed()) }
        let diff = try BundleDiff(old: old, new: new)
        XCTAssertFalse(diff.isIdentical)
        XCTAssertTrue(diff.text.hasSuffix("The files differ only in the order of their entries.\n"), diff.text)
    }

    func testBuildTimeAloneIsNoChange() throws {
        let old = try Self.sample.get().0
        var new = old
        new.set([.key("build_day")], .string("2030-01-01"))
        new.set([.key("generated_at")], .string("2030-01-01T00:00:00Z"))
        XCTAssertTrue(try BundleDiff(old: old, new: new).isIdentical)
    }

    func testFormatVersionMustBeSemver() throws {
        let old = try Self.sample.get().0
        for version in ["1.0", "1", "1.0.0.0", "01.0.0", "1.0.0-beta", "v1.0.0"] {
            var new = old
            new.set([.key("format_version")], .string(version))
            XCTAssertThrowsError(try BundleDiff(old: old, new: new), version) { error in
                XCTAssertEqual(
                    error as? BundleDiffError,
                    .invalid("new bundle: format_version \"\(version)\" is not a semantic version (MAJOR.MINOR.PATCH)"))
            }
        }
        let guide = try Self.sample.get().1
        let file = guide.root.appendingPathComponent("one-point-oh.json")
        var new = old
        new.set([.key("format_version")], .string("1.0"))
        try Data(JSONWriter().bytes(new)).write(to: file)
        let oldFile = guide.root.appendingPathComponent("old.json")
        try Data(JSONWriter().bytes(old)).write(to: oldFile)
        let result = try XCTUnwrap(Processes.run(try Processes.guideExecutable(), ["diff", oldFile.path, file.path]))
        XCTAssertEqual(result.status, 2, result.stdout)
        XCTAssertTrue(result.stderr.contains("is not a semantic version"), result.stderr)
    }

    func testRemovedEntriesSayWhatReplacedThem() throws {
        let guide = try TestGuide()
        defer { guide.remove() }
        let old = try guide.build(into: "old")
        // Drafts leave the bundle as removed entries do. A published text may not link to a draft
        // (reference.unpublished), so the links to them go first, as an editor would remove them.
        for id in ["little-or-no-luggage", "holds-no-documents"] {
            try guide.unlink("indicators/\(id)")
            try guide.replace("status: published", with: "status: draft", in: "indicators/\(id).en.md")
        }
        try guide.write(
            "tombstones.yml",
            """
            tombstones:
              - ref: indicators/little-or-no-luggage
                removed_on: "2026-05-01"
                replaced_by: [indicators/carries-others-documents]
                reason: {en: Merged., nl: Samengevoegd.}
            """)
        let new = try guide.build(into: "new")
        let diff = try BundleDiff.files(old: old.url("guide.json"), new: new.url("guide.json"))
        XCTAssertEqual(diff.removed.map(\.ref), ["indicators/holds-no-documents", "indicators/little-or-no-luggage"])
        XCTAssertEqual(diff.removed.map(\.titleLanguage), ["en", "en"])
        XCTAssertNil(diff.removed.first?.tombstone)
        XCTAssertEqual(
            diff.removed.last?.tombstone?["replaced_by"], .array([.string("indicators/carries-others-documents")]))
        XCTAssertTrue(diff.text.contains("no tombstone: the new bundle does not say what replaced it"), diff.text)
        XCTAssertTrue(diff.text.contains("replaced by indicators/carries-others-documents; reason: Merged."), diff.text)

        let pap = try BundleDiff.files(old: old.url("guide.pap.json"), new: new.url("guide.pap.json"))
        let removed = try XCTUnwrap(pap.removed.last)
        XCTAssertEqual(
            removed.titleLanguage,
            try old.language("pap").entry("indicators/little-or-no-luggage")?["text_language"]?.stringValue)
        XCTAssertTrue(pap.text.contains("reason: Samengevoegd."), "pap reads the nl reason: \(pap.text)")
    }
}
