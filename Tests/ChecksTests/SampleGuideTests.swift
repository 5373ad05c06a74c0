import Checks
import Diagnostics
import Foundation
import Loader
import XCTest

/// The sample guide shipped in the repository checks without errors.
final class SampleGuideTests: XCTestCase {
    func testSampleGuideHasNoErrors() throws {
        let content = FixtureGuide.repository.appendingPathComponent("Content")
        let loaded = ContentLoader(root: content, displayRoot: "Content").load()
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd"
        let diagnostics = GuideChecker.run(
            guide: loaded.guide, schemas: loaded.schemas,
            loadDiagnostics: loaded.diagnostics, today: f.date(from: "2026-11-29")!)
        let errors = diagnostics.filter { $0.severity == .error }
        XCTAssertEqual(FixtureGuide.golden(errors), "", "the sample guide must check without errors")
        // Warnings are allowed: helplines verified long before that day are stale.
        XCTAssertFalse(loaded.guide.allEntries.isEmpty)
    }

    /// Content/SOURCES.md lists every source an entry cites, and cites nothing no entry uses
    /// (the termbase's sources, named in its notes rather than by address, have their own section).
    func testSourcesListMatchesTheSourcesEntriesCite() throws {
        let content = FixtureGuide.repository.appendingPathComponent("Content")
        let urlLine = try NSRegularExpression(
            pattern: #"^\s*(?:-\s*)?url:\s*['"]?([^'"\s]+)"#, options: .anchorsMatchLines)
        var cited: [String: String] = [:]
        let files = FileManager.default.enumerator(at: content, includingPropertiesForKeys: nil)!
        for case let file as URL in files where file.pathExtension == "md" && file.lastPathComponent != "SOURCES.md" {
            let text = try String(contentsOf: file, encoding: .utf8)
            let frontMatter = text.components(separatedBy: "\n---\n").first ?? ""
            for match in urlLine.matches(in: frontMatter, range: NSRange(frontMatter.startIndex..., in: frontMatter)) {
                cited[String(frontMatter[Range(match.range(at: 1), in: frontMatter)!])] = file.lastPathComponent
            }
        }
        XCTAssertGreaterThan(cited.count, 40)
        let sources = try String(contentsOf: content.appendingPathComponent("SOURCES.md"), encoding: .utf8)
        let sections = sources.components(separatedBy: "\n## ")
        let addressInAngles = try NSRegularExpression(pattern: #"<(https?://[^>]+)>"#)
        func addresses(_ text: String) -> Set<String> {
            Set(
                addressInAngles.matches(in: text, range: NSRange(text.startIndex..., in: text)).map {
                    String(text[Range($0.range(at: 1), in: text)!])
                })
        }
        let listed = addresses(sections.filter { !$0.hasPrefix("Termbase") }.joined())
        for (url, file) in cited.sorted(by: { $0.key < $1.key }) where !listed.contains(url) {
            XCTFail("\(file) cites \(url), which SOURCES.md does not list")
        }
        for url in listed.subtracting(cited.keys).sorted() {
            XCTFail("SOURCES.md lists \(url), which no entry cites")
        }
    }
}
