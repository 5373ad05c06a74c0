import Foundation
import GuideModel
import Schema
import XCTest

@testable import SiteEmitter

/// Site basics a host and a reader expect: sitemap and robots, 404 and
/// offline pages per language, browsing safely, printable handouts,
/// descriptions and previews, language marking, wayfinding facts.
final class SiteBasicsTests: XCTestCase {
    func sampleSite() throws -> SiteBuild {
        try Self.shared.get()
    }

    private static let shared = Result { () throws -> SiteBuild in
        let build = try SiteBuild(name: "basics")
        try build.build(
            today: FullDate("2026-12-06"),
            handouts: [
                PublishedHandout(
                    id: "checkin-gate-card", language: "es", fileName: "checkin-gate-card.es.pdf", bytes: 142_300,
                    pages: 2)
            ])
        return build
    }

    func testSitemapAndRobotsGiveAbsoluteAddressesWithAlternates() throws {
        let build = try sampleSite()
        let sitemap = try XCTUnwrap(build.page("sitemap.xml"))
        XCTAssertTrue(sitemap.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"))
        XCTAssertTrue(sitemap.contains("<url><loc>https://guide.example.org/es/concepts/consent/</loc>"))
        XCTAssertTrue(
            sitemap.contains(
                "<xhtml:link rel=\"alternate\" hreflang=\"pap\" href=\"https://guide.example.org/pap/concepts/consent/\"/>"
            ))
        XCTAssertTrue(
            sitemap.contains(
                "<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"https://guide.example.org/en/concepts/consent/\"/>"
            ))
        XCTAssertFalse(sitemap.contains("404.html") || sitemap.contains("offline.html"))
        let robots = try XCTUnwrap(build.page("robots.txt"))
        XCTAssertEqual(robots, "User-agent: *\nAllow: /\nSitemap: https://guide.example.org/sitemap.xml\n")
    }

    func testNotFoundAndOfflinePagesInEveryLanguageKeepTheQuickExit() throws {
        let build = try sampleSite()
        let root = try XCTUnwrap(build.page("404.html"))
        XCTAssertTrue(root.contains("data-quick-exit"))
        XCTAssertTrue(
            root.contains("<link rel=\"stylesheet\" href=\"/assets/site.css\">"), "links from the host's root")
        XCTAssertTrue(root.contains("<meta name=\"robots\" content=\"noindex\">"))
        for language in build.guide.config.languageCodes {
            let page = try XCTUnwrap(build.page("\(language)/404.html"), language)
            XCTAssertTrue(page.contains("<html lang=\"\(language)\""))
            XCTAssertTrue(page.contains("data-quick-exit"))
            XCTAssertTrue(page.contains("href=\"/\(language)/index.html\""))
            XCTAssertTrue(
                root.contains("href=\"/\(language)/index.html\" hreflang=\"\(language)\" lang=\"\(language)\""),
                "the root 404 offers every language")
            let offline = try XCTUnwrap(build.page("\(language)/offline.html"))
            XCTAssertTrue(offline.contains("data-quick-exit"))
            let list = try XCTUnwrap(build.page("\(language)/offline.json"))
            XCTAssertTrue(list.contains("\"\(language)/offline.html\""), "stored for offline use")
            XCTAssertFalse(list.contains("sitemap.xml"))
        }
        let worker = try XCTUnwrap(build.page("sw.js"))
        XCTAssertTrue(
            worker.contains("path + \"index.html\""), "folder addresses are served from the stored index.html")
    }

    func testBrowsingSafelyAndHandoutsPages() throws {
        let build = try sampleSite()
        for language in build.guide.config.languageCodes {
            let safety = try XCTUnwrap(build.page("\(language)/safety/index.html"))
            XCTAssertTrue(safety.contains("<h2>"), language)
            let home = try XCTUnwrap(build.page("\(language)/index.html"))
            XCTAssertTrue(home.contains("<a class=\"safety-link\" href=\"../\(language)/safety/index.html\">"))
            XCTAssertNotNil(build.page("\(language)/handouts/index.html"))
        }
        let handouts = try XCTUnwrap(build.page("es/handouts/index.html"))
        XCTAssertTrue(
            handouts.contains(
                "<a class=\"card-title\" href=\"../../handouts/checkin-gate-card.es.pdf\" type=\"application/pdf\">"))
        XCTAssertTrue(handouts.contains("Tarjeta de bolsillo · A6 · PDF, 143 KB, páginas: 2"), handouts)
        XCTAssertTrue(
            handouts.contains("Cartel") || handouts.contains("Afiche"),
            "handouts without a published file are still listed")
        XCTAssertTrue(handouts.contains("class=\"notice\""), "and the page says their files are not published here")
    }

    func testDescriptionsPreviewsAndTrustFacts() throws {
        let build = try sampleSite()
        let page = try XCTUnwrap(build.page("es/indicators/holds-no-documents/index.html"))
        let summary = try XCTUnwrap(
            build.guide.entry(Reference(type: .indicators, id: "holds-no-documents"))?.files["es"]?.string("summary"))
        XCTAssertTrue(page.contains("<meta name=\"description\" content=\"\(summary)\">"))
        XCTAssertTrue(page.contains("<meta property=\"og:description\" content=\"\(summary)\">"))
        XCTAssertTrue(
            page.contains("<meta property=\"og:title\" content=\"Otra persona tiene los documentos del viajero\">"))
        XCTAssertTrue(
            page.contains(
                "<meta property=\"og:url\" content=\"https://guide.example.org/es/indicators/holds-no-documents/\">"))
        XCTAssertTrue(page.contains("Edición 1.0.0"), "the edition")
        XCTAssertTrue(
            page.contains(
                "<p class=\"print-only\">Dirección de esta página: https://guide.example.org/es/indicators/holds-no-documents/"
            ))
        XCTAssertTrue(page.contains("<a class=\"jump-link\" href=\"#what-to-do\">"), "What to do, one tap from the top")
        let helpline = try XCTUnwrap(build.page("es/helplines/do-anti-trafficking-line/index.html"))
        XCTAssertTrue(
            helpline.contains("Última revisión de la página: <time datetime=\"2016-09-05\">"),
            "a page's last review comes from the content")
    }

    func testIndicatorCardsShowStrengthAndCarryFilterFacts() throws {
        let build = try sampleSite()
        let list = try XCTUnwrap(build.page("es/indicators/index.html"))
        XCTAssertTrue(list.contains("<span class=\"tag tag-strong\">Señal fuerte</span>"))
        XCTAssertTrue(list.contains("data-touchpoints=\""))
        XCTAssertTrue(list.contains("<select id=\"g-filter-touchpoints\" data-filter=\"touchpoints\">"))
        XCTAssertTrue(list.contains("<script src=\"../../assets/filter.js\" defer></script>"))
        let concept = try XCTUnwrap(build.page("es/concepts/index.html"))
        XCTAssertFalse(concept.contains("filter.js"), "the filter script loads on the indicator list only")
    }

    func testFragmentsInAnotherLanguageCarryLangAndDir() throws {
        let build = try SiteBuild(name: "marks")
        // A touchpoint without a Papiamento name: Papiamento pages show its Dutch name (pap → nl), marked.
        let config = try build.read("Content/guide.yml")
        try build.write(
            "Content/guide.yml", config.replacingOccurrences(of: "nl: Gate, pap: Gate, ht:", with: "nl: Gate, ht:"))
        // A protocol missing in Papiamento: its card and page show a fallback language's text.
        try build.remove("Content/protocols/alert-at-gate.pap.md")
        try build.build(today: FullDate("2026-12-06"))
        let home = try XCTUnwrap(build.page("pap/index.html"))
        XCTAssertTrue(
            home.contains("<a href=\"../pap/touchpoints/gate/index.html\" lang=\"nl\" dir=\"ltr\">Gate</a>"),
            "term names")
        let term = try XCTUnwrap(build.page("pap/touchpoints/gate/index.html"))
        XCTAssertTrue(term.contains("<h1 lang=\"nl\" dir=\"ltr\">Gate</h1>"))
        // Cards and bodies from the fallback are marked with its language.
        let gateProtocol = try XCTUnwrap(build.guide.entry(Reference(type: .protocols, id: "alert-at-gate")))
        let fallback = try XCTUnwrap(build.guide.localized(gateProtocol, in: "pap", drafts: false)).file.language
        XCTAssertNotEqual(fallback, "pap")
        let marks =
            "lang=\"\(fallback)\" dir=\"\(build.guide.config.language(fallback)?.rightToLeft == true ? "rtl" : "ltr")\""
        XCTAssertTrue(
            term.contains("<a class=\"card-title\" href=\"../../../pap/protocols/alert-at-gate/index.html\" \(marks)>"),
            term)
        let protocolPage = try XCTUnwrap(build.page("pap/protocols/alert-at-gate/index.html"))
        XCTAssertTrue(protocolPage.contains("<h1 \(marks)>"))
        XCTAssertTrue(protocolPage.contains("<p class=\"summary\" \(marks)>"))
    }

    func testWithoutBaseURLThereIsNoSitemapAndAddressesStayRelative() throws {
        let build = try SiteBuild(name: "no-base")
        try build.write(
            "Content/guide.yml",
            try build.read("Content/guide.yml").replacingOccurrences(
                of: "base_url: https://guide.example.org/\n", with: ""))
        try build.build(today: FullDate("2026-12-06"))
        XCTAssertNil(build.page("sitemap.xml"))
        XCTAssertEqual(build.page("robots.txt"), "User-agent: *\nAllow: /\n")
        let page = try XCTUnwrap(build.page("es/concepts/consent/index.html"))
        XCTAssertFalse(page.contains("rel=\"canonical\""))
        XCTAssertTrue(
            page.contains("<link rel=\"alternate\" hreflang=\"en\" href=\"../../../en/concepts/consent/index.html\">"))
        XCTAssertTrue(try XCTUnwrap(build.page("404.html")).contains("href=\"/es/index.html\""))
    }

    func testNotFoundPagesStartAtTheBaseURLsPath() throws {
        let build = try SiteBuild(name: "sub-path")
        try build.write(
            "Content/guide.yml",
            try build.read("Content/guide.yml").replacingOccurrences(
                of: "base_url: https://guide.example.org/\n", with: "base_url: https://example.org/guide\n"))
        try build.build(today: FullDate("2026-12-06"))
        let page = try XCTUnwrap(build.page("es/404.html"))
        XCTAssertTrue(page.contains("<link rel=\"stylesheet\" href=\"/guide/assets/site.css\">"), page)
        XCTAssertTrue(try XCTUnwrap(build.page("sitemap.xml")).contains("<loc>https://example.org/guide/es/</loc>"))
    }
}
