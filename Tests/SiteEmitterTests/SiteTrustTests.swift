import Foundation
import GuideModel
import Schema
@testable import SiteEmitter
import XCTest

/// What readers must always be able to trust, on the site: stale numbers
/// marked wherever they appear, text in review saying so in its language
/// (or replaced or left out, as guide.yml decides), emergency numbers first.
final class SiteTrustTests: XCTestCase {
    static var shared: SiteBuild?

    /// The sample guide built on 2026-12-06 (every sample helpline is past its 180 days then).
    func sampleSite() throws -> SiteBuild {
        if let built = Self.shared { return built }
        let build = try SiteBuild(name: "trust")
        try build.build(today: FullDate("2026-12-06"))
        Self.shared = build
        return build
    }

    func testStaleNumbersAreMarkedOnEveryPageThatShowsThem() throws {
        let build = try sampleSite()
        for language in build.guide.config.languageCodes {
            let strings = try JSONSerialization.jsonObject(with: Data(build.read("Templates/strings/\(language).json").utf8)) as? [String: String] ?? [:]
            let label = try XCTUnwrap(strings["stale_label"])
            for page in ["\(language)/helplines/do-anti-trafficking-line/index.html", "\(language)/helplines/index.html",
                         "\(language)/countries/DO/index.html", "\(language)/index.html", "\(language)/protocols/alert-at-gate/index.html"] {
                let html = try XCTUnwrap(build.page(page), page)
                XCTAssertTrue(html.contains("<p class=\"stale\" role=\"note\"><strong class=\"stale-label\">\(escaped(label)).</strong>"), page)
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
        XCTAssertTrue(spanish.contains("<div class=\"notice notice-review\" role=\"note\">\n<p>Esta traducción aún no ha sido revisada por un hablante nativo.</p>"))
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
        XCTAssertTrue(papiamento.contains("<div class=\"notice notice-review\" role=\"note\" lang=\"\(shown.file.language)\" dir=\"\(dir)\">"), papiamento)
        for language in ["es", "nl", "pap", "ht", "pt"] {
            let text = try JSONSerialization.jsonObject(with: Data(build.read("Templates/strings/\(language).json").utf8)) as? [String: String]
            XCTAssertNotEqual(text?["notice_review"], nil)
            XCTAssertNotEqual(text?["notice_review"], "This translation has not yet been checked by a native speaker.", language)
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
        for language in build.guide.config.languageCodes {
            let home = try XCTUnwrap(build.page("\(language)/index.html"))
            for number in ["tel:911", "tel:+18092007393", "tel:999", "tel:+18688004288"] {
                XCTAssertTrue(home.contains("href=\"\(number)\""), "\(language): \(number)")
            }
            let emergency = try XCTUnwrap(home.range(of: "id=\"g-emergency\""))
            let touchpoints = try XCTUnwrap(home.range(of: "id=\"g-touchpoints\""))
            XCTAssertLessThan(emergency.lowerBound, touchpoints.lowerBound, "numbers come first")
            // Aruba: no emergency number in any public source the guide cites, said plainly.
            let strings = try JSONSerialization.jsonObject(with: Data(build.read("Templates/strings/\(language).json").utf8)) as? [String: String] ?? [:]
            let aruba = build.guide.config.countries.first { $0.id == "AW" }.map { build.guide.name(of: $0, in: language) } ?? ""
            let sentence = try XCTUnwrap(strings["no_emergency_number"]).replacingOccurrences(of: "{country}", with: aruba)
            XCTAssertTrue(home.contains(escaped(sentence)), language)
            XCTAssertTrue(try XCTUnwrap(build.page("\(language)/countries/AW/index.html")).contains(escaped(sentence)), language)
            XCTAssertTrue(home.contains("href=\"https://wa.me/2975975223\""), "Aruba's line, by the channel it has")
        }
    }

    private func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#x27;").replacingOccurrences(of: "<", with: "&lt;")
    }
}
