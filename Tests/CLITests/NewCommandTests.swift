import Foundation
import XCTest

/// `guide new`: scaffolds pass `guide check` once their placeholders are filled in.
final class NewCommandTests: XCTestCase {
    /// Today (UTC): the sample content's dates are never in the future.
    static let today: String = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }()

    /// Fills each `key: ""` or `key: []` placeholder the way an editor would, reading
    /// the allowed values from the comment the scaffold wrote after it.
    static func fill(_ text: String) -> String {
        var filledType = ""
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { raw -> String in
            let line = String(raw)
            guard !line.trimmingCharacters(in: .whitespaces).hasPrefix("#"),
                let colon = line.range(of: ": \"\""), !line.contains(": \"\":") || true
            else {
                return fillList(line)
            }
            let key = line[..<colon.lowerBound].trimmingCharacters(in: .whitespaces).replacingOccurrences(
                of: "- ", with: "")
            let comment = line.range(of: "  # ").map { String(line[$0.upperBound...]) } ?? ""
            var value: String
            if let choices = choices(comment) {
                value = choices[0]
                if key == "purpose" { value = "report" }
                if key == "type" { filledType = value }
            } else if comment.hasPrefix("a date") {
                value = Self.today
            } else if key == "url" {
                value = "https://example.org/source"
            } else if key == "value" {
                value = filledType == "phone" ? "+18092007393" : "someone@example.org"
            } else {
                value = "Filled in by the test"
            }
            return line.replacingCharacters(in: colon, with: ": \"\(value)\"")
        }.joined(separator: "\n")
    }

    static func fillList(_ line: String) -> String {
        guard !line.hasPrefix("#"), let empty = line.range(of: ": []"),
            let comment = line.range(of: "  # ").map({ String(line[$0.upperBound...]) }),
            let first = choices(comment)?.first
        else { return line }
        return line.replacingCharacters(in: empty, with: ": [\(first)]")
    }

    /// The values after the last ": " in `one of: a, b` / `one or more of: a, b`.
    static func choices(_ comment: String) -> [String]? {
        guard comment.contains("of"), let range = comment.range(of: ": ", options: .backwards) else { return nil }
        let values = comment[range.upperBound...].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        return values.isEmpty ? nil : values
    }

    func testEveryTypeScaffoldsAnEntryThatPassesCheckOnceFilled() throws {
        for (type, folder) in [
            ("concept", "concepts"), ("indicator", "indicators"), ("protocol", "protocols"), ("helpline", "helplines"),
        ] {
            let copy = try SampleCopy(templates: false)
            let result = try copy.guide(["new", type, "new-\(type)-entry"])
            XCTAssertEqual(result.status, 0, result.stderr)
            let path = "Content/\(folder)/new-\(type)-entry.en.md"
            XCTAssertTrue(result.stdout.contains("created \(path)"), result.stdout)
            let text = try copy.read(path)
            XCTAssertTrue(text.contains("status: draft  # one of: draft, review, published"))
            XCTAssertTrue(text.contains("title: \"\""))
            XCTAssertFalse(text.contains("source_hash"))

            // Unfilled, every placeholder is an error at its own line.
            let unfilled = try copy.guide(["check", "--format", "json", "--today", Self.today])
            XCTAssertEqual(unfilled.status, 1, "\(type): placeholders are errors until filled in")
            let problems = try XCTUnwrap(
                try JSONSerialization.jsonObject(with: Data(unfilled.stdout.utf8)) as? [[String: Any]])
            XCTAssertTrue(
                problems.filter { $0["severity"] as? String == "error" }.allSatisfy { $0["file"] as? String == path },
                "\(type): only the new file has errors")

            let filled = Self.fill(text)
            try copy.write(path, filled)
            let check = try copy.guide(["check", "--today", Self.today])
            XCTAssertEqual(check.status, 0, "\(type):\n\(filled)\n\(check.stderr)")
            XCTAssertFalse(check.stderr.contains(path), "\(type): no diagnostics for the filled file:\n\(check.stderr)")
        }
    }

    func testScaffoldListsSchemaValuesAndSections() throws {
        let copy = try SampleCopy(templates: false)
        XCTAssertEqual(try copy.guide(["new", "indicators", "new-indicator"]).status, 0, "the folder name works too")
        let indicator = try copy.read("Content/indicators/new-indicator.en.md")
        XCTAssertTrue(indicator.contains("strength: \"\"  # one of: contextual, moderate, strong"))
        XCTAssertTrue(indicator.contains("touchpoints: []  # one or more of: booking, check-in,"))
        XCTAssertTrue(indicator.contains("# Where in the journey staff can observe this (at least one)."))
        XCTAssertTrue(indicator.contains("## What to do {#what-to-do}"))
        XCTAssertTrue(indicator.contains("# strength_note: \"\""), "optional fields are listed as comments")

        XCTAssertEqual(try copy.guide(["new", "protocol", "new-protocol"]).status, 0)
        let protocolText = try copy.read("Content/protocols/new-protocol.en.md")
        XCTAssertTrue(protocolText.contains("## Steps {#steps}\n\n1. "))

        XCTAssertEqual(try copy.guide(["new", "helpline", "new-helpline"]).status, 0)
        let helpline = try copy.read("Content/helplines/new-helpline.en.md")
        XCTAssertTrue(helpline.contains("country: \"\"  # one of the countries in guide.yml: DO, TT, AW"))
        XCTAssertTrue(helpline.contains("  - type: \"\"  # one of: phone, toll-free,"))
        XCTAssertTrue(helpline.contains("source:\n  title: \"\""))
    }

    func testRefusals() throws {
        let copy = try SampleCopy(templates: false)
        let existing = "Content/concepts/consent.en.md"
        let before = try copy.read(existing)
        let overwrite = try copy.guide(["new", "concept", "consent"])
        XCTAssertEqual(overwrite.status, 2)
        XCTAssertTrue(overwrite.stderr.contains("already exists"), overwrite.stderr)
        XCTAssertEqual(try copy.read(existing), before)

        let badID = try copy.guide(["new", "concept", "Bad_Id"])
        XCTAssertEqual(badID.status, 2)
        XCTAssertTrue(badID.stderr.contains("such as bad-id"), badID.stderr)
        let badType = try copy.guide(["new", "protocl", "x"])
        XCTAssertEqual(badType.status, 2)
        XCTAssertTrue(badType.stderr.contains("did you mean \"protocol\""), badType.stderr)
        XCTAssertEqual(try copy.guide(["new", "concept", "consent", "--language", "en"]).status, 2)
        XCTAssertEqual(try copy.guide(["new", "concept", "consent", "--language", "xx"]).status, 2)
        XCTAssertEqual(try copy.guide(["new", "concept", "no-such-entry", "--language", "es"]).status, 2)
        XCTAssertEqual(try copy.guide(["new", "concept", "consent", "--language", "es"]).status, 2, "es exists")
    }

    func testTranslationStub() throws {
        let copy = try SampleCopy(templates: false)
        let path = "Content/protocols/alert-at-gate.es.md"
        try FileManager.default.removeItem(at: copy.url(path))
        let result = try copy.guide(["new", "protocol", "alert-at-gate", "--language", "es"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("unstamped"), result.stdout)
        XCTAssertTrue(result.stdout.contains("guide stamp \(path)"), result.stdout)

        let stub = try copy.read(path)
        let source = try copy.read("Content/protocols/alert-at-gate.en.md")
        XCTAssertTrue(stub.contains("\ntitle: \"Alert at the boarding gate\"\n"))
        XCTAssertTrue(stub.contains("\ntrigger: "), "translatable fields are copied")
        XCTAssertTrue(stub.contains("\nstatus: review\n"))
        XCTAssertFalse(stub.contains("source_hash"))
        for field in ["roles:", "helplines:", "sources:", "touchpoints:"] {
            XCTAssertFalse(stub.contains("\n" + field), "\(field) is not translatable")
        }
        // Headings of the body (after the front matter's closing ---).
        let headings = { (text: String) in
            text.components(separatedBy: "\n---\n").dropFirst().joined().split(separator: "\n").filter {
                $0.hasPrefix("#")
            }
        }
        XCTAssertEqual(headings(stub), headings(source), "the source's headings with the same ids")
        let steps = source.components(separatedBy: "## Steps {#steps}")[1].components(separatedBy: "\n## ")[0]
            .split(separator: "\n").filter { $0.first?.isNumber == true }.count
        XCTAssertEqual(
            stub.components(separatedBy: "## Steps {#steps}")[1].components(separatedBy: "\n## ")[0]
                .split(separator: "\n").filter { $0.first?.isNumber == true }.count, steps,
            "as many steps as the source")

        let check = try copy.guide(["check", "--today", NewCommandTests.today])
        XCTAssertEqual(check.status, 0, check.stderr)
        XCTAssertTrue(check.stderr.contains("\(path):1:1: warning: translation has no source_hash"), check.stderr)
        let status = try copy.guide(["status", "--language", "es"])
        XCTAssertTrue(
            status.stdout.split(separator: "\n").contains {
                $0.hasPrefix("protocols/alert-at-gate ") && $0.hasSuffix("unstamped")
            },
            status.stdout)
    }
}
