import Foundation
import XCTest

/// `guide build` publishes the handout PDFs with the site: every link on a
/// language's handouts page leads to a PDF inside `site/` (the same file as
/// in `handouts/`), with its real size and page count beside it.
final class PublishedHandoutsTests: XCTestCase {
    func testTheSiteOffersEveryHandoutItLists() throws {
        let copy = try SampleCopy()
        let result = try copy.guide(
            ["build", "--today", "2026-11-30"], environment: ["SOURCE_DATE_EPOCH": "1764460800"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let site = copy.url("Output/site")
        let link = try NSRegularExpression(
            pattern:
                #"href="([^"]+\.pdf)" type="application/pdf">[^<]*</a>\s*<p class="card-summary">[^<]*PDF, ([0-9]+) KB, [^0-9]*([0-9]+)"#
        )
        var checked = 0
        for language in ["en", "es", "nl", "pap", "ht", "pt"] {
            let page = try copy.read("Output/site/\(language)/handouts/index.html")
            let ns = page as NSString
            for match in link.matches(in: page, range: NSRange(location: 0, length: ns.length)) {
                let href = ns.substring(with: match.range(at: 1))
                let file = site.appendingPathComponent(language).appendingPathComponent("handouts")
                    .appendingPathComponent(href).standardizedFileURL
                XCTAssertTrue(
                    file.path.hasPrefix(site.path + "/handouts/"), "\(language): \(href) leads outside site/handouts/")
                let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
                let original = copy.url("Output/handouts").appendingPathComponent(file.lastPathComponent)
                let originalAttributes = try FileManager.default.attributesOfItem(atPath: original.path)
                XCTAssertEqual(
                    attributes[.systemFileNumber] as? Int, originalAttributes[.systemFileNumber] as? Int,
                    "\(href) is the file in handouts/")
                let size = try XCTUnwrap(attributes[.size] as? Int)
                XCTAssertEqual(
                    Int(ns.substring(with: match.range(at: 2))), (size + 999) / 1000,
                    "\(href): size in kilobytes (1000 bytes), rounded up")
                let info = try SampleCopy.run(URL(fileURLWithPath: "/usr/bin/pdfinfo"), [file.path], in: copy.root)
                    .stdout
                let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }?.split(separator: " ").last
                    .map(String.init)
                XCTAssertEqual(pages, ns.substring(with: match.range(at: 3)), "\(href): page count")
                checked += 1
            }
        }
        XCTAssertGreaterThanOrEqual(checked, 15, "every handout in every language it is made in")
    }
}
