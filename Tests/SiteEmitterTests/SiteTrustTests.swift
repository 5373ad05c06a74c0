import Foundation
import GuideModel
import Schema
import XCTest

@testable import SiteEmitter

/// What readers must always be able to trust, on the site: stale numbers
/// marked wherever they appear, text in review saying so in its language
/// (or replaced or left out, as guide.yml decides), emergency numbers first.
final class SiteTrustTests: XCTestCase {

    /// The sample guide built on 2026-12-06 (every sample helpline is past its 180 days then).
    func sampleSite() throws -> SiteBuild {
        try Self.shared.get()
    }

    private static let shared = Result { () throws -> SiteBuild in
        let build = try SiteBuild(name: "trust")
        try build.build(today: FullDate("2026-12-06"))
        return build
    }

    func testStaleNumbersAreMarkedOnEveryPageThatShowsThem() throws {
        let build = try sampleSite()
        for language in build.guide.config.languageCodes {
            let strings =
                try JSONSerialization.jsonObject(with: Data(build.read("Templates/strings/\(language).json").utf8))
                as? [String: String] ?? [:]
            let label = try XCTUnwrap(strings["stale_label"])
            for page in [
                "\(language)/helplines/do-anti-trafficking-line/index.html", "\(language)/helplines/index.html",
                "\(language)/countries/DO/index.html", "\(language)/index.html",
                "\(language)/protocols/alert-at-gate/index.html",
            ] {
                let html = try XCTUnwrap(build.page(page), page)
                XCTAssertTrue(
                    html.contains(
                        "<p class=\"stale\" role=\"note\"><strong class=\"stale-label\">\(HTML.escape(label)).</strong>"
                    ), page)
            }
            let line = try XCTUnwrap(build.page("\(language)/helplines/do-anti-trafficking-line/index.html"))
            XCTAssertTrue(line.contains("2016-09-05"), "the date it was last checked is shown")
        }
        // A day within the window: no warning anywhere.
        let fresh = try SiteBuild(name: "fresh")
        try fresh.build(today: FullDate("2016-10-01"))
        let line = try XCTUnwrap(fresh.page("en/helplines/do-anti-trafficking-line/index.html"))
        XCTAssertFalse(line.contains("class=\"stale\""))
    }

    func testTextInReviewSaysSoInItsLanguage() throws {
        let build = try sampleSite()
        let spanish = try XCTUnwrap(build.page("es/indicators/holds-no-documents/index.html"))
        XCTAssertTrue(
            spanish.contains(
                "<div class=\"notice notice-review\" role=\"note\">\n<p>Esta traducción aún no ha sido revisada por un hablante nativo.</p>"
            ))
        let english = try XCTUnwrap(build.page("en/indicators/holds-no-documents/index.html"))
        XCTAssertFalse(english.contains("notice-review"), "the source language is never in review")
        // Papiamento falls back to Dutch or Spanish text in review: the notice is in that text's language, marked.
        let fallback = try SiteBuild(name: "review-in-fallback")
        try fallback.remove("Content/protocols/alert-at-gate.pap.md")
        try fallback.build(today: FullDate("2026-12-06"))
        let gate = try XCTUnwrap(fallback.guide.entry(Reference(type: .protocols, id: "alert-at-gate")))
        let shown = try XCTUnwrap(fallback.guide.localized(gate, in: "pap", drafts: false))
        XCTAssertNotEqual(shown.file.language, "pap")
        XCTAssertTrue(shown.isUnderReview, "the sample's fallback text is in review")
        let dir = fallback.guide.config.language(shown.file.language)?.rightToLeft == true ? "rtl" : "ltr"
        let papiamento = try XCTUnwrap(fallback.page("pap/protocols/alert-at-gate/index.html"))
        XCTAssertTrue(
            papiamento.contains(
                "<div class=\"notice notice-review\" role=\"note\" lang=\"\(shown.file.language)\" dir=\"\(dir)\">"),
            papiamento)
        for language in ["es", "nl", "pap", "ht", "pt"] {
            let text =
                try JSONSerialization.jsonObject(with: Data(build.read("Templates/strings/\(language).json").utf8))
                as? [String: String]
            XCTAssertNotEqual(text?["notice_review"], nil)
            XCTAssertNotEqual(
                text?["notice_review"], "This translation has not yet been checked by a native speaker.", language)
        }
    }

    func testReviewTextFallbackAndOmitFollowGuideYml() throws {
        let build = try SiteBuild(name: "review-fallback")
        try build.write("Content/guide.yml", try build.read("Content/guide.yml") + "review_text: fallback\n")
        try build.build(today: FullDate("2026-12-06"))
        let page = try XCTUnwrap(build.page("es/indicators/holds-no-documents/index.html"))
        XCTAssertFalse(page.contains("notice-review"))
        XCTAssertTrue(page.contains("notice notice-missing"), "shown from the fallback, with its notice")
        XCTAssertTrue(page.contains("<div class=\"body\" lang=\"en\" dir=\"ltr\">"))

        let omitted = try SiteBuild(name: "review-omit")
        try omitted.write("Content/guide.yml", try omitted.read("Content/guide.yml") + "review_text: omit\n")
        try omitted.build(today: FullDate("2026-12-06"))
        XCTAssertNil(omitted.page("es/indicators/holds-no-documents/index.html"))
        XCTAssertNotNil(omitted.page("en/indicators/holds-no-documents/index.html"))
    }

    func testEveryHomePageListsEmergencyAndReportingNumbersAsTelLinks() throws {
        let build = try sampleSite()
        let guide = try XCTUnwrap(build.guide)
        for language in guide.config.languageCodes {
            let home = try XCTUnwrap(build.page("\(language)/index.html"))
            let emergency = try XCTUnwrap(home.range(of: "id=\"g-emergency\""))
            let touchpoints = try XCTUnwrap(home.range(of: "id=\"g-touchpoints\""))
            XCTAssertLessThan(emergency.lowerBound, touchpoints.lowerBound, "numbers come first")
            let strings = try interfaceStrings(build, language)
            for country in guide.config.countries {
                // Each country's block lists every emergency and reporting line the guide has for it, one tap each.
                let block = try XCTUnwrap(
                    countryBlock(
                        of: country, in: String(home[emergency.lowerBound..<touchpoints.lowerBound]), guide: guide,
                        language: language), "\(language): \(country.id)")
                let lines = numberLines(of: country.id, in: guide)
                XCTAssertFalse(lines.emergency.isEmpty, "the sample has an emergency number for \(country.id)")
                XCTAssertFalse(lines.report.isEmpty, "the sample has a reporting line for \(country.id)")
                for href in lines.emergency + lines.report {
                    XCTAssertTrue(block.contains("href=\"\(HTML.escape(href))\""), "\(language) \(country.id): \(href)")
                }
                let name = guide.name(of: country, in: language)
                let sentence = try XCTUnwrap(strings["no_emergency_number"]).replacingOccurrences(
                    of: "{country}", with: name)
                XCTAssertFalse(block.contains(HTML.escape(sentence)), "\(language) \(country.id): it has a number")
            }
        }
        // Lines without a phone number are listed by the channel they have (Aruba's CMMA: WhatsApp).
        XCTAssertTrue(
            guide.config.countries.flatMap { numberLines(of: $0.id, in: guide).report }.contains {
                !$0.hasPrefix("tel:")
            },
            "the sample has a reporting line without a phone number")
    }

    func testACountryWithoutAnEmergencyNumberSaysSo() throws {
        // Aruba without its emergency number: no public source the guide cites would give one.
        let build = try SiteBuild(name: "no-emergency")
        for name in try FileManager.default.contentsOfDirectory(
            atPath: build.content.appendingPathComponent("helplines").path)
        where name.hasPrefix("aw-emergency.") {
            try build.remove("Content/helplines/\(name)")
        }
        try build.build(today: FullDate("2026-12-06"))
        XCTAssertEqual(build.diagnostics.filter { $0.severity == .error }, [])
        let guide = try XCTUnwrap(build.guide)
        XCTAssertEqual(numberLines(of: "AW", in: guide).emergency, [])
        let aruba = try XCTUnwrap(guide.config.countries.first { $0.id == "AW" })
        for language in guide.config.languageCodes {
            let strings = try interfaceStrings(build, language)
            let sentence = try XCTUnwrap(strings["no_emergency_number"]).replacingOccurrences(
                of: "{country}", with: guide.name(of: aruba, in: language))
            let home = try XCTUnwrap(build.page("\(language)/index.html"))
            let block = try XCTUnwrap(countryBlock(of: aruba, in: home, guide: guide, language: language), language)
            XCTAssertTrue(block.contains(HTML.escape(sentence)), language)
            XCTAssertTrue(
                try XCTUnwrap(build.page("\(language)/countries/AW/index.html")).contains(HTML.escape(sentence)),
                language)
            // Its reporting lines are still there.
            for href in numberLines(of: "AW", in: guide).report {
                XCTAssertTrue(block.contains("href=\"\(HTML.escape(href))\""), "\(language): \(href)")
            }
        }
    }

    /// The links the numbers block should have for a country's helplines, by
    /// purpose: `tel:` for the first phone or toll-free number, else the
    /// first channel's own link (WhatsApp, email, web).
    private func numberLines(of country: String, in guide: Guide) -> (emergency: [String], report: [String]) {
        var emergency: [String] = []
        var report: [String] = []
        for entry in guide.helplines(of: country, drafts: false) {
            guard let object = guide.sourceFile(of: entry)?.frontMatter else { continue }
            let channels = object["channels"]?.arrayValue ?? []
            let voice = channels.first { ["phone", "toll-free"].contains($0["type"]?.stringValue ?? "") }
            guard let channel = voice ?? channels.first, let value = channel["value"]?.stringValue else { continue }
            let digits = value.filter { $0.isNumber || $0 == "+" }
            let href: String
            switch channel["type"]?.stringValue {
            case "phone", "toll-free": href = "tel:" + digits
            case "whatsapp": href = "https://wa.me/" + digits.filter(\.isNumber)
            case "sms": href = "sms:" + digits
            case "email": href = "mailto:" + value
            default: href = value
            }
            switch object["purpose"]?.stringValue {
            case "emergency": emergency.append(href)
            case "report": report.append(href)
            default: break
            }
        }
        return (emergency, report)
    }

    /// A country's part of a page's numbers section: from its heading to its "all numbers" link.
    private func countryBlock(of country: GuideConfig.Term, in html: String, guide: Guide, language: String) -> String?
    {
        let blocks = html.components(separatedBy: "<div class=\"country-numbers\">").dropFirst()
        let name = HTML.escape(guide.name(of: country, in: language))
        let block = blocks.first { block in
            guard let heading = block.range(of: "</h3>") else { return false }
            return block[..<heading.lowerBound].hasSuffix(">\(name)")
        }
        return block.map { $0.components(separatedBy: "<p class=\"all-numbers\">")[0] }
    }

    private func interfaceStrings(_ build: SiteBuild, _ language: String) throws -> [String: String] {
        try JSONSerialization.jsonObject(with: Data(build.read("Templates/strings/\(language).json").utf8))
            as? [String: String] ?? [:]
    }
}
