import Foundation
import XCTest

/// `guide status` on a copy of the sample guide where concepts/consent's
/// Spanish translation is outdated (its source was edited), concepts/consent
/// has no Dutch, Papiamento, Haitian Creole or Portuguese translation (Dutch
/// and Haitian Creole fall back to English, Papiamento and Portuguese to
/// Spanish), and concepts/debt-bondage's Spanish translation is current.
final class StatusCommandTests: XCTestCase {
    static let consentSource = "Content/concepts/consent.en.md"
    static let oldSentence = "Many trafficked people agree to something at the start"
    static let newSentence = "Many trafficked people first agree to something at the start"

    func makeCopy() throws -> SampleCopy {
        let copy = try SampleCopy()
        try copy.edit(Self.consentSource, replacing: Self.oldSentence, with: Self.newSentence)
        try removeTranslations(of: "concepts/consent", in: ["nl", "pap", "ht", "pt"], from: copy)
        return copy
    }

    func removeTranslations(of entry: String, in languages: [String], from copy: SampleCopy) throws {
        for language in languages {
            try FileManager.default.removeItem(at: copy.url("Content/\(entry).\(language).md"))
        }
    }

    func json(_ result: SampleCopy.Result) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        return try XCTUnwrap(object as? [String: Any], result.stderr)
    }

    func testTextShowsEveryState() throws {
        let copy = try makeCopy()
        let result = try copy.guide(["status", "--today", "2020-02-01"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let header = try XCTUnwrap(lines.first { $0.hasPrefix("entry") })
        XCTAssertEqual(header.split(separator: " "), ["entry", "es", "nl", "pap", "ht", "pt"])
        let consent = try XCTUnwrap(lines.first { $0.hasPrefix("concepts/consent ") })
        XCTAssertEqual(
            consent.split(separator: " "),
            ["concepts/consent", "outdated", "missing→en", "missing→es", "missing→en", "missing→es"])
        let debt = try XCTUnwrap(lines.first { $0.hasPrefix("concepts/debt-bondage ") })
        XCTAssertEqual(debt.split(separator: " ").dropFirst().first, "current")
        XCTAssertTrue(result.stdout.contains("Per language"))
        XCTAssertTrue(result.stdout.contains("es Español"))
        XCTAssertTrue(result.stdout.contains("Per type"))
        XCTAssertTrue(result.stdout.contains("guide status --diff"))
        XCTAssertFalse(result.stdout.contains("\u{1B}["), "no colour when piped")
    }

    func testUnstampedTranslationCountsAsOutdated() throws {
        let copy = try SampleCopy()
        let path = "Content/concepts/debt-bondage.es.md"
        let text = try copy.read(path)
        try copy.write(
            path,
            text.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.hasPrefix("source_hash:") }.joined(separator: "\n"))
        let result = try copy.guide(["status", "--format", "json", "--language", "es"])
        let entries = try XCTUnwrap(try json(result)["entries"] as? [[String: Any]])
        let debt = try XCTUnwrap(entries.first { $0["reference"] as? String == "concepts/debt-bondage" })
        let es = try XCTUnwrap((debt["languages"] as? [String: Any])?["es"] as? [String: Any])
        XCTAssertEqual(es["state"] as? String, "unstamped")
        let totals = try XCTUnwrap((try json(result)["totals"] as? [String: Any])?["languages"] as? [String: Any])
        let esTotals = try XCTUnwrap(totals["es"] as? [String: Int])
        XCTAssertEqual(esTotals["outdated"], 1)
        XCTAssertEqual(esTotals["unstamped"], 1)
    }

    func testJSONShape() throws {
        let copy = try makeCopy()
        let result = try copy.guide(["status", "--format", "json", "--today", "2030-01-01"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let report = try json(result)
        XCTAssertEqual(
            Set(report.keys), ["source_language", "languages", "today", "entries", "totals", "helplines_due"])
        XCTAssertEqual(report["source_language"] as? String, "en")
        XCTAssertEqual(report["languages"] as? [String], ["es", "nl", "pap", "ht", "pt"])
        XCTAssertEqual(report["today"] as? String, "2030-01-01")

        let entries = try XCTUnwrap(report["entries"] as? [[String: Any]])
        let consent = try XCTUnwrap(entries.first { $0["reference"] as? String == "concepts/consent" })
        XCTAssertEqual(consent["type"] as? String, "concepts")
        XCTAssertEqual(consent["id"] as? String, "consent")
        XCTAssertEqual((consent["source"] as? [String: Any])?["file"] as? String, Self.consentSource)
        let languages = try XCTUnwrap(consent["languages"] as? [String: [String: Any]])
        XCTAssertEqual(languages["es"]?["state"] as? String, "outdated")
        XCTAssertEqual(languages["es"]?["file"] as? String, "Content/concepts/consent.es.md")
        XCTAssertEqual((languages["es"]?["recorded_hash"] as? String)?.count, 16)
        XCTAssertEqual(languages["nl"]?["state"] as? String, "missing")
        XCTAssertEqual(languages["nl"]?["fallback"] as? String, "en")
        XCTAssertEqual(languages["pap"]?["fallback"] as? String, "es")
        let debt = try XCTUnwrap(entries.first { $0["reference"] as? String == "concepts/debt-bondage" })
        XCTAssertEqual(((debt["languages"] as? [String: Any])?["es"] as? [String: Any])?["state"] as? String, "current")

        let totals = try XCTUnwrap(report["totals"] as? [String: Any])
        XCTAssertEqual(Set(totals.keys), ["languages", "types", "all"])
        let es = try XCTUnwrap((totals["languages"] as? [String: Any])?["es"] as? [String: Int])
        XCTAssertEqual(
            Set(es.keys), ["current", "outdated", "unstamped", "missing", "fallback", "total", "percent_current"])
        XCTAssertEqual(es["outdated"], 1)
        XCTAssertEqual(es["current"], entries.count - 1)
        let nl = try XCTUnwrap((totals["languages"] as? [String: Any])?["nl"] as? [String: Int])
        XCTAssertEqual(nl["missing"], nl["fallback"])
        XCTAssertGreaterThan(nl["missing"] ?? 0, 0)
        let concepts = try XCTUnwrap((totals["types"] as? [String: Any])?["concepts"] as? [String: Int])
        XCTAssertEqual(concepts["outdated"], 1)

        let due = try XCTUnwrap(report["helplines_due"] as? [[String: Any]])
        XCTAssertFalse(due.isEmpty, "in 2030 every sample helpline is due")
        XCTAssertEqual(
            Set(due[0].keys), ["reference", "file", "line", "country", "verified_on", "age_days", "max_age_days"])
        XCTAssertEqual(due[0]["max_age_days"] as? Int, 180)
        let fresh = try json(try copy.guide(["status", "--format", "json", "--today", "2000-01-01"]))
        XCTAssertEqual((fresh["helplines_due"] as? [Any])?.count, 0)
    }

    func testHelplinesDueInText() throws {
        let copy = try SampleCopy()
        let due = try copy.guide(["status", "--today", "2030-01-01"]).stdout
        XCTAssertTrue(due.contains("Helplines due for re-verification"))
        XCTAssertTrue(due.contains("helplines/do-emergency (DO): verified"))
        let none = try copy.guide(["status", "--today", "2000-01-01"]).stdout
        XCTAssertTrue(none.contains("none due for re-verification"))
    }

    func testFailOnExitCodes() throws {
        let copy = try SampleCopy()
        // The stamped sample, with one Dutch translation missing: nothing outdated.
        try removeTranslations(of: "concepts/consent", in: ["nl"], from: copy)
        XCTAssertEqual(try copy.guide(["status", "--fail-on", "outdated"]).status, 0)
        let missing = try copy.guide(["status", "--fail-on", "outdated,missing"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("1 missing translation"), missing.stderr)
        // Spanish is complete.
        XCTAssertEqual(try copy.guide(["status", "--language", "es", "--fail-on", "missing,outdated"]).status, 0)
        XCTAssertEqual(try copy.guide(["status", "--fail-on", "helplines", "--today", "2030-01-01"]).status, 1)
        XCTAssertEqual(try copy.guide(["status", "--fail-on", "helplines", "--today", "2000-01-01"]).status, 0)

        try copy.edit(Self.consentSource, replacing: Self.oldSentence, with: Self.newSentence)
        let outdated = try copy.guide(["status", "--language", "es", "--fail-on", "outdated", "--format", "json"])
        XCTAssertEqual(outdated.status, 1)
        XCTAssertTrue(outdated.stderr.contains("1 outdated translation"), outdated.stderr)
        XCTAssertNoThrow(try json(outdated), "the report is still printed")

        XCTAssertEqual(try copy.guide(["status", "--fail-on", "stale"]).status, 2)
    }

    func testLanguageShowsOneColumn() throws {
        let copy = try makeCopy()
        let result = try copy.guide(["status", "--language", "nl"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first { $0.hasPrefix("entry") }?.split(separator: " "), ["entry", "nl"])
        XCTAssertEqual(
            lines.first { $0.hasPrefix("concepts/consent ") }?.split(separator: " "),
            ["concepts/consent", "missing→en"])
        XCTAssertFalse(result.stdout.contains("es Español"))
        let report = try json(try copy.guide(["status", "--language", "nl", "--format", "json"]))
        XCTAssertEqual(report["languages"] as? [String], ["nl"])

        let unknown = try copy.guide(["status", "--language", "nld"])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("did you mean \"nl\""), unknown.stderr)
        XCTAssertEqual(try copy.guide(["status", "--language", "en"]).status, 2)
    }

    func testColourOnlyWhenAsked() throws {
        // Piped output is plain even without NO_COLOR (stdout is not a terminal).
        let copy = try SampleCopy()
        let result = try SampleCopy.run(SampleCopy.binary, ["status"], in: copy.root, environment: [:])
        XCTAssertFalse(result.stdout.contains("\u{1B}["))
    }

    func testHTMLPage() throws {
        let copy = try makeCopy()
        let result = try copy.guide(["status", "--html", "status.html", "--today", "2030-01-01"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let page = try copy.read("status.html")
        XCTAssertTrue(page.hasPrefix("<!DOCTYPE html>"))
        XCTAssertTrue(page.contains("<html lang=\"en\">"))
        XCTAssertTrue(page.contains("<table>"))
        XCTAssertTrue(
            page.contains(
                "<th scope=\"row\">concepts/consent</th><td class=\"s-outdated\">! outdated</td>"
                    + "<td class=\"s-fallback\">→ missing<span class=\"note\">shown in English</span></td>"),
            "the grid row")
        XCTAssertTrue(page.contains("<td class=\"s-current\">✓ current</td>"))
        XCTAssertTrue(page.contains("Progress per language"))
        XCTAssertTrue(page.contains("class=\"bar\""))
        XCTAssertTrue(page.contains("Helplines due for re-verification"))
        XCTAssertTrue(page.contains("helplines/do-emergency"))
        for forbidden in ["<script", "<link", "src=", "http://", "https://", "@import", "url("] {
            XCTAssertFalse(page.contains(forbidden), "self-contained: no \(forbidden)")
        }
    }

    func testDiffShowsTheChangedLine() throws {
        let copy = try SampleCopy()
        try copy.git(["init", "-q"])
        try copy.git(["add", "-A"])
        try copy.git(["commit", "-qm", "Sample guide"])
        try copy.edit(Self.consentSource, replacing: Self.oldSentence, with: Self.newSentence)
        try copy.git(["commit", "-qam", "Consent: say when people agree"])
        let result = try copy.guide(["status", "--diff", "Content/concepts/consent.es.md"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("--- Content/concepts/consent.en.md (as translated"), result.stdout)
        XCTAssertTrue(result.stdout.contains("\n-" + Self.oldSentence), result.stdout)
        XCTAssertTrue(result.stdout.contains("\n+" + Self.newSentence), result.stdout)
        XCTAssertTrue(result.stdout.contains("Sample guide"), "names the commit it was translated from")
        XCTAssertTrue(result.stdout.contains("guide stamp Content/concepts/consent.es.md"))

        let current = try copy.guide(["status", "--diff", "Content/concepts/debt-bondage.es.md"])
        XCTAssertEqual(current.status, 0)
        XCTAssertTrue(current.stdout.contains("is current"))
        XCTAssertEqual(try copy.guide(["status", "--diff", Self.consentSource]).status, 2, "a source file is refused")
    }

    func testDiffWithoutGitSaysSo() throws {
        let copy = try makeCopy()
        let result = try copy.guide(["status", "--diff", "Content/concepts/consent.es.md"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("not in a git repository"), result.stderr)
    }

    func testDiffOfAnUncommittedVersionSaysSo() throws {
        let copy = try makeCopy()
        try copy.git(["init", "-q"])
        try copy.git(["add", "-A"])
        try copy.git(["commit", "-qm", "Edited before the first commit"])
        let result = try copy.guide(["status", "--diff", "Content/concepts/consent.es.md"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("none of the 1 committed version"), result.stderr)
    }
}
