import Diagnostics
import Foundation
import GuideModel
import XCTest

@testable import SiteEmitter

/// The sample guide's site: every page there, every link resolving, safety
/// features on every page, nothing loaded from another host.
final class SitePagesTests: XCTestCase {

    /// One build of the unchanged sample guide, shared by these tests.
    func sampleSite() throws -> SiteBuild {
        try Self.shared.get()
    }

    private static let shared = Result { () throws -> SiteBuild in
        let build = try SiteBuild(name: "sample")
        try build.build()
        return build
    }

    func testNoErrorsForTheSampleGuide() throws {
        let build = try sampleSite()
        XCTAssertEqual(build.diagnostics.filter { $0.severity == .error }, [])
        XCTAssertEqual(
            build.diagnostics.filter { $0.code == "site.strings-missing" }, [], "every language has interface strings")
    }

    func testEveryPublishedEntryHasAPageInEveryLanguage() throws {
        let build = try sampleSite()
        let guide = build.guide
        let entries = guide.publishedEntries(drafts: false)
        XCTAssertGreaterThan(entries.count, 40)
        for language in guide.config.languageCodes {
            XCTAssertNotNil(build.page("\(language)/index.html"), language)
            XCTAssertNotNil(build.page("\(language)/search/index.html"), language)
            XCTAssertNotNil(build.page("\(language)/search/index.js"), language)
            for type in EntryType.allCases { XCTAssertNotNil(build.page("\(language)/\(type.rawValue)/index.html")) }
            for entry in entries {
                let path = "\(language)/\(entry.type.rawValue)/\(entry.id)/index.html"
                XCTAssertNotNil(build.page(path), "missing \(path)")
            }
            for touchpoint in guide.config.touchpoints {
                XCTAssertNotNil(build.page("\(language)/touchpoints/\(touchpoint.id)/index.html"))
            }
            for role in guide.config.roles { XCTAssertNotNil(build.page("\(language)/roles/\(role.id)/index.html")) }
            for country in guide.config.countries {
                XCTAssertNotNil(build.page("\(language)/countries/\(country.id)/index.html"))
            }
        }
        XCTAssertNotNil(build.page("index.html"))
        XCTAssertNotNil(build.page("sw.js"))
        XCTAssertNotNil(build.page("media/act-means-purpose.svg"))
    }

    func testEveryInternalLinkAndAnchorResolves() throws {
        let build = try sampleSite()
        let pages = build.files().filter { $0.hasSuffix(".html") }
        var ids: [String: Set<String>] = [:]
        for page in pages { ids[page] = Set(HTML.attributes("id", in: build.page(page)!)) }
        var checked = 0
        for page in pages {
            let html = build.page(page)!
            // A 404 page is served at whatever address was wrong: its links start at the host's root.
            let servedAnywhere = page.hasSuffix("404.html")
            let base = URL(fileURLWithPath: servedAnywhere ? "/site/index.html" : "/site/" + page)
            for raw in HTML.attributes("href", in: html) + HTML.attributes("src", in: html) {
                let given = HTML.unescape(raw)
                if given.hasPrefix("https://") || given.hasPrefix("http://") || given.hasPrefix("tel:")
                    || given.hasPrefix("mailto:") || given.hasPrefix("sms:")
                {
                    continue
                }
                XCTAssertEqual(given.hasPrefix("/"), servedAnywhere && !given.hasPrefix("#"), "\(page): \(given)")
                XCTAssertFalse(given.contains("://"), "\(page): \(given)")
                let link = servedAnywhere && given.hasPrefix("/") ? String(given.dropFirst()) : given
                let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                let pathPart = parts[0].split(separator: "?").first.map(String.init) ?? ""
                let target: String
                if pathPart.isEmpty {
                    target = page
                } else {
                    let resolved = URL(fileURLWithPath: pathPart, relativeTo: base.deletingLastPathComponent())
                        .standardizedFileURL.path
                    XCTAssertTrue(resolved.hasPrefix("/site/"), "\(page): \(link) leaves the site")
                    target = String(resolved.dropFirst("/site/".count))
                }
                XCTAssertTrue(
                    FileManager.default.fileExists(atPath: build.site.appendingPathComponent(target).path),
                    "\(page): \(link) → \(target) does not exist")
                XCTAssertFalse(target.hasSuffix("/"), "\(page): \(link) names a folder (fails from file://)")
                if parts.count == 2, !parts[1].isEmpty {
                    XCTAssertTrue(
                        ids[target]?.contains(parts[1]) == true, "\(page): anchor #\(parts[1]) missing in \(target)")
                }
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 10_000)
    }

    func testQuickExitAndPolicyOnEveryPage() throws {
        let build = try sampleSite()
        for page in build.files().filter({ $0.hasSuffix(".html") }) {
            let html = build.page(page)!
            XCTAssertTrue(
                html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self';"), page)
            XCTAssertTrue(html.contains("script-src 'self'"), page)
            // The quick exit is the first focusable element after <body>.
            let body = html.components(separatedBy: "<body>")[1]
            let firstLink = body.range(of: "<a ").map { body[$0.lowerBound...].prefix(200) } ?? ""
            XCTAssertTrue(body.contains("<a class=\"safety-link\" href=\""), "\(page): no link to browsing safely")
            XCTAssertTrue(firstLink.contains("data-quick-exit"), "\(page): quick exit is not first")
            XCTAssertFalse(html.contains("<script>"), "\(page): inline script")
            XCTAssertFalse(html.contains(" style=\""), "\(page): inline style")
            XCTAssertFalse(
                html.contains(" on") && html.range(of: " on[a-z]+=\"", options: .regularExpression) != nil,
                "\(page): event handler attribute")
            let lang = html.range(of: "<html lang=\"[^\"]+\" dir=\"(ltr|rtl)\">", options: .regularExpression)
            XCTAssertNotNil(lang, "\(page): lang and dir on <html>")
            XCTAssertTrue(html.contains("<a class=\"skip-link\" href=\"#g-main\">"), page)
            XCTAssertTrue(html.contains("<meta name=\"description\" content=\""), page)
            XCTAssertTrue(html.contains("<link rel=\"icon\" href=\""), page)
            XCTAssertTrue(html.contains("<main id=\"g-main\""), page)
        }
    }

    func testNothingLoadsFromAnotherHost() throws {
        let build = try sampleSite()
        for file in build.files() where file.hasSuffix(".html") || file.hasSuffix(".css") || file.hasSuffix(".js") {
            let text = build.page(file) ?? ""
            if file.hasSuffix(".html") {
                for reference in HTML.assetReferences(in: text) {
                    XCTAssertFalse(reference.contains("://") || reference.hasPrefix("//"), "\(file) loads \(reference)")
                }
            } else if file.hasSuffix(".css") {
                XCTAssertNil(text.range(of: "url\\(\\s*['\"]?(https?:)?//", options: .regularExpression), file)
                XCTAssertFalse(text.contains("@import"), file)
            }
        }
        let scripts = try String(contentsOf: build.site.appendingPathComponent("assets/site.js"), encoding: .utf8)
        XCTAssertFalse(scripts.contains("document.cookie"))
        XCTAssertFalse(scripts.contains("localStorage"))
    }

    func testHelplinesAreTelLinksWithContactPointMicrodata() throws {
        let build = try sampleSite()
        for language in build.guide.config.languageCodes {
            let html = build.page("\(language)/helplines/do-anti-trafficking-line/index.html")!
            XCTAssertTrue(html.contains("itemscope itemtype=\"https://schema.org/ContactPoint\""), language)
            XCTAssertTrue(
                html.contains(
                    "<a class=\"channel-link\" href=\"tel:+18092007393\"><span itemprop=\"telephone\">+1 809 200 7393</span></a>"
                ), language)
            let country = build.page("\(language)/countries/DO/index.html")!
            XCTAssertTrue(country.contains("href=\"tel:911\""), language)
            XCTAssertTrue(country.contains("href=\"tel:+18092007393\""), language)
        }
    }

    func testLanguageSwitcherAndAlternates() throws {
        let build = try sampleSite()
        let html = build.page("ht/concepts/consent/index.html")!
        for language in build.guide.config.languageCodes {
            XCTAssertTrue(
                html.contains(
                    "<link rel=\"alternate\" hreflang=\"\(language)\" href=\"https://guide.example.org/\(language)/concepts/consent/\">"
                ))
            XCTAssertTrue(
                html.contains("<a href=\"../../../\(language)/concepts/consent/index.html\" hreflang=\"\(language)\""),
                language)
        }
        XCTAssertTrue(
            html.contains(
                "<link rel=\"alternate\" hreflang=\"x-default\" href=\"https://guide.example.org/en/concepts/consent/\">"
            ))
        XCTAssertTrue(html.contains("<link rel=\"canonical\" href=\"https://guide.example.org/ht/concepts/consent/\">"))
        XCTAssertTrue(html.contains("hreflang=\"ht\" lang=\"ht\" dir=\"ltr\" aria-current=\"true\""))
    }

    func testReferencesAndSectionsBecomeLinksInTheSameLanguage() throws {
        let build = try sampleSite()
        let html = build.page("es/protocols/alert-at-check-in/index.html")!
        XCTAssertTrue(html.contains("href=\"../../../es/concepts/weighing-indicators/index.html\""))
        XCTAssertTrue(html.contains("<h2 id=\"steps\">"))
        let image = build.page("en/concepts/trafficking-in-persons/index.html")!
        XCTAssertTrue(image.contains("<img src=\"../../../media/act-means-purpose.svg\""))
    }

    func testSearchIndexFoldsAccentsAndKeepsAliases() throws {
        XCTAssertEqual(SearchIndex.fold("Pasaporte RETENIDO en migración"), "pasaporte retenido en migracion")
        XCTAssertEqual(SearchIndex.fold("Paspò yo kenbe"), "paspo yo kenbe")
        let build = try sampleSite()
        let index = build.page("en/search/index.js")!
        XCTAssertTrue(index.hasPrefix("window.GUIDE_SEARCH = ["))
        XCTAssertTrue(index.contains("consent of the victim"), "aliases are indexed")
    }

    func testSameInputGivesSameBytes() throws {
        let build = try sampleSite()
        let second = build.root.appendingPathComponent("site-again")
        try build.build(into: second)
        let first = build.files()
        XCTAssertEqual(first, build.files(in: second))
        for file in first {
            let a = try Data(contentsOf: build.site.appendingPathComponent(file))
            let b = try Data(contentsOf: second.appendingPathComponent(file))
            XCTAssertEqual(a, b, file)
        }
    }
}
