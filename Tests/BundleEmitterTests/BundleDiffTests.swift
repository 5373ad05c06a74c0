import BundleEmitter
import Foundation
import JSON
import XCTest

/// `guide diff` between a bundle and one built after a helpline number
/// changed, an indicator was added and a source edit outdated a translation.
final class BundleDiffTests: XCTestCase {
    var guide: TestGuide!
    var old: URL!
    var new: URL!

    override func setUpWithError() throws {
        guide = try TestGuide()
        try guide.stamp("indicators/holds-no-documents.es.md")
        for language in ["nl", "pap", "ht", "pt"] { try guide.unstamp("indicators/holds-no-documents.\(language).md") }
        old = try guide.build(into: "old").url("guide.json")

        try guide.replace(
            "value: '+18092007393'", with: "value: '+18092007000'", in: "helplines/do-anti-trafficking-line.en.md")
        var lines = try guide.read("indicators/little-or-no-luggage.en.md").components(separatedBy: "\n")
        let title = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("title:") })
        lines[title] = "title: Pays in cash for others' tickets"
        try guide.write("indicators/pays-in-cash-for-others.en.md", lines.joined(separator: "\n"))
        try guide.replace(
            "Notice when a companion", with: "Watch for a companion who", in: "indicators/holds-no-documents.en.md")
        new = try guide.build(into: "new").url("guide.json")
    }

    override func tearDown() { guide.remove() }

    func testReportsChangedNumberAddedIndicatorAndOutdatedTranslation() throws {
        let diff = try BundleDiff.files(old: old, new: new)
        XCTAssertFalse(diff.isIdentical)
        XCTAssertEqual(
            diff.helplines,
            [
                BundleDiff.HelplineChange(
                    ref: "helplines/do-anti-trafficking-line", title: "Dominican Republic: anti-trafficking line",
                    titleLanguage: "en",
                    channels: [BundleDiff.ChannelChange(type: "phone", old: "+18092007393", new: "+18092007000")])
            ])
        XCTAssertEqual(
            diff.added,
            [
                BundleDiff.EntryInfo(
                    ref: "indicators/pays-in-cash-for-others",
                    title: "Pays in cash for others' tickets", titleLanguage: "en")
            ])
        XCTAssertEqual(diff.versionRequirement?.bump, .minor, "an entry was added but version stayed 1.0.0")
        XCTAssertEqual(diff.removed, [])
        XCTAssertEqual(
            diff.translations,
            [
                BundleDiff.StatusChange(
                    ref: "indicators/holds-no-documents", language: "es", old: "current", new: "outdated",
                    fallbackLanguage: nil)
            ])
        let changedRefs = diff.changed.map(\.ref)
        XCTAssertTrue(changedRefs.contains("indicators/holds-no-documents"))
        let helpline = try XCTUnwrap(diff.changed.first { $0.ref == "helplines/do-anti-trafficking-line" })
        XCTAssertEqual(helpline.fields, ["channels", "contact_point", "data.channels", "organization"])
        let indicator = try XCTUnwrap(diff.changed.first { $0.ref == "indicators/holds-no-documents" })
        XCTAssertEqual(indicator.languages.first { $0.code == "en" }?.fields, ["body_html", "body_text"])
        XCTAssertEqual(
            indicator.languages.first { $0.code == "es" }?.fields, ["status"], "the Spanish text itself is unchanged")
        XCTAssertNil(indicator.languages.first { $0.code == "nl" }, "nl was never stamped: outdated before and after")
    }

    func testCommandTextReportAndExitCode() throws {
        let guideCLI = try Processes.guideExecutable()
        let result = try XCTUnwrap(Processes.run(guideCLI, ["diff", old.path, new.path]))
        XCTAssertEqual(result.status, 1, result.stderr)
        let text = result.stdout
        XCTAssertTrue(
            text.contains(
                "Helpline numbers changed (1):\n  helplines/do-anti-trafficking-line  \"Dominican Republic: anti-trafficking line\" [en]\n    phone: +18092007393 → +18092007000\n"
            ), text)
        XCTAssertTrue(
            text.contains(
                "Entries added (1):\n  + indicators/pays-in-cash-for-others  \"Pays in cash for others' tickets\" [en]\n"
            ), text)
        XCTAssertTrue(
            text.contains(
                "\nVersion: entries added: indicators/pays-in-cash-for-others: that needs a new MINOR version, but it went from 1.0.0 to 1.0.0"
            ), text)
        XCTAssertTrue(
            text.contains("Translations now outdated (1):\n  indicators/holds-no-documents [es] was current\n"), text)
        XCTAssertTrue(
            text.contains("  ~ indicators/holds-no-documents\n      en: body_html, body_text\n      es: status\n"), text
        )
        XCTAssertFalse(text.contains("Entries removed"), "empty sections are left out")
    }

    func testCommandJSONReport() throws {
        let guideCLI = try Processes.guideExecutable()
        let result = try XCTUnwrap(Processes.run(guideCLI, ["diff", "--format", "json", old.path, new.path]))
        XCTAssertEqual(result.status, 1, result.stderr)
        let report = try JSONParser.parse(result.stdout)
        XCTAssertEqual(report["identical"], .bool(false))
        XCTAssertEqual(
            report["added"],
            .array([
                object([
                    "ref": .string("indicators/pays-in-cash-for-others"),
                    "title": .string("Pays in cash for others' tickets"),
                    "title_language": .string("en"),
                ])
            ]))
        XCTAssertEqual(
            report["version_requirement"],
            object([
                "bump": .string("minor"),
                "reasons": .array([.string("entries added: indicators/pays-in-cash-for-others")]),
            ]))
        XCTAssertEqual(report["removed"], .array([]))
        XCTAssertEqual(
            report["helplines"],
            .array([
                object([
                    "ref": .string("helplines/do-anti-trafficking-line"),
                    "title": .string("Dominican Republic: anti-trafficking line"), "title_language": .string("en"),
                    "channels": .array([
                        object([
                            "type": .string("phone"), "old": .string("+18092007393"), "new": .string("+18092007000"),
                        ])
                    ]),
                ])
            ]))
        XCTAssertEqual(
            report["translations"],
            .array([
                object([
                    "ref": .string("indicators/holds-no-documents"), "language": .string("es"),
                    "old": .string("current"), "new": .string("outdated"),
                ])
            ]))
        let changed = try XCTUnwrap(
            report["changed"]?.arrayValue?.first { $0["ref"]?.stringValue == "helplines/do-anti-trafficking-line" })
        XCTAssertEqual(
            changed["fields"],
            .array([
                .string("channels"), .string("contact_point"), .string("data.channels"),
                .string("organization"),
            ]))
        let oldBundle = try JSONParser.parse([UInt8](Data(contentsOf: old)))
        XCTAssertEqual(report["old"]?["content_hash"], oldBundle["content_hash"])
        XCTAssertEqual(report["new"]?["format_version"]?.stringValue, BundleFormat.version)
    }

    func testIdenticalBundlesExitZeroAndLanguageFilesCompare() throws {
        let guideCLI = try Processes.guideExecutable()
        let same = try XCTUnwrap(Processes.run(guideCLI, ["diff", old.path, old.path]))
        XCTAssertEqual(same.status, 0)
        XCTAssertEqual(same.stdout, "The bundles are identical.\n")
        let json = try XCTUnwrap(Processes.run(guideCLI, ["diff", "--format", "json", old.path, old.path]))
        XCTAssertEqual(json.status, 0)
        XCTAssertEqual(try JSONParser.parse(json.stdout)["identical"], .bool(true))

        // A rebuild at another time is the same content.
        let stamped = try guide.build(sourceDate: Date(timeIntervalSince1970: 1_700_000_000), into: "dated").url(
            "guide.json")
        XCTAssertEqual(try XCTUnwrap(Processes.run(guideCLI, ["diff", new.path, stamped.path])).status, 0)

        let oldES = old.deletingLastPathComponent().appendingPathComponent("guide.es.json")
        let newES = new.deletingLastPathComponent().appendingPathComponent("guide.es.json")
        let es = try XCTUnwrap(Processes.run(guideCLI, ["diff", oldES.path, newES.path]))
        XCTAssertEqual(es.status, 1)
        XCTAssertTrue(es.stdout.contains("indicators/holds-no-documents [es] was current"), es.stdout)
        XCTAssertTrue(es.stdout.contains("phone: +18092007393 → +18092007000"), es.stdout)
    }

    func testUnreadableOrInvalidInputExitsTwo() throws {
        let guideCLI = try Processes.guideExecutable()
        let missing = try XCTUnwrap(
            Processes.run(guideCLI, ["diff", old.path, guide.root.appendingPathComponent("nope.json").path]))
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("cannot read"), missing.stderr)

        let broken = guide.root.appendingPathComponent("broken.json")
        try Data("{\"format_version\": ".utf8).write(to: broken)
        let invalid = try XCTUnwrap(Processes.run(guideCLI, ["diff", old.path, broken.path]))
        XCTAssertEqual(invalid.status, 2)
        XCTAssertTrue(invalid.stderr.contains("not valid JSON"), invalid.stderr)

        let future = guide.root.appendingPathComponent("future.json")
        try Data("{\"format_version\": \"2.0.0\", \"kind\": \"guide\", \"entries\": []}".utf8).write(to: future)
        let unsupported = try XCTUnwrap(Processes.run(guideCLI, ["diff", old.path, future.path]))
        XCTAssertEqual(unsupported.status, 2)
        XCTAssertTrue(unsupported.stderr.contains("format_version 2.0.0 is not supported"), unsupported.stderr)

        let es = old.deletingLastPathComponent().appendingPathComponent("guide.es.json")
        let mixed = try XCTUnwrap(Processes.run(guideCLI, ["diff", old.path, es.path]))
        XCTAssertEqual(mixed.status, 2)
        XCTAssertTrue(mixed.stderr.contains("different kinds"), mixed.stderr)

        XCTAssertThrowsError(try BundleDiff(old: .array([]), new: .array([]))) { error in
            XCTAssertEqual(error as? BundleDiffError, .invalid("old bundle: not a JSON object"))
        }
    }
}
