import Foundation
import XCTest

/// `guide stamp` as `guide status` sees it.
final class StampCommandTests: XCTestCase {
    func state(_ copy: SampleCopy, _ reference: String, _ language: String) throws -> String? {
        let result = try copy.guide(["status", "--format", "json"])
        let report = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let entries = try XCTUnwrap(report["entries"] as? [[String: Any]])
        let entry = entries.first { $0["reference"] as? String == reference }
        return ((entry?["languages"] as? [String: Any])?[language] as? [String: Any])?["state"] as? String
    }

    func testStampMakesAnOutdatedTranslationCurrent() throws {
        let copy = try SampleCopy()
        try copy.edit(
            StatusCommandTests.consentSource, replacing: StatusCommandTests.oldSentence,
            with: StatusCommandTests.newSentence)
        XCTAssertEqual(try state(copy, "concepts/consent", "es"), "outdated")
        let stamped = try copy.guide(["stamp", "Content/concepts/consent.es.md"])
        XCTAssertEqual(stamped.status, 0, stamped.stderr)
        XCTAssertEqual(try state(copy, "concepts/consent", "es"), "current")
    }

    func testStampSourceRestampsEveryTranslation() throws {
        let copy = try SampleCopy()
        let source = "Content/indicators/holds-no-documents.en.md"
        let text = try copy.read(source)
        let body = try XCTUnwrap(text.range(of: "\n---\n", range: text.index(after: text.startIndex)..<text.endIndex))
        try copy.write(source, text.replacingCharacters(in: body, with: "\n---\n\nA typo fixed.\n"))
        for language in ["es", "nl", "pap", "ht", "pt"] {
            XCTAssertEqual(try state(copy, "indicators/holds-no-documents", language), "outdated", language)
        }
        let stamped = try copy.guide(["stamp", "--source", source])
        XCTAssertEqual(stamped.status, 0, stamped.stderr)
        XCTAssertEqual(stamped.stdout.split(separator: "\n").count, 5)
        for language in ["es", "nl", "pap", "ht", "pt"] {
            XCTAssertEqual(try state(copy, "indicators/holds-no-documents", language), "current", language)
        }
    }
}
