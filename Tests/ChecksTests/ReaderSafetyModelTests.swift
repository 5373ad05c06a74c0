import Foundation
import GuideModel
import Loader
import Schema
import XCTest

/// What the model tells every output about reader safety: which helplines
/// are stale, which text is still in review (and how `review_text` shows
/// it), the order of "who to call", and whether `base_url` is a placeholder.
final class ReaderSafetyModelTests: XCTestCase {
    func load(_ guide: FixtureGuide) -> Guide {
        ContentLoader(root: guide.content, displayRoot: "Content").load().guide
    }

    func testFreshnessIsMeasuredInCalendarDays() throws {
        let fixture = try FixtureGuide()
        defer { fixture.remove() }
        let guide = load(fixture)
        let line = try XCTUnwrap(guide.entry(Reference(type: .helplines, id: "do-line")))
        // verified_on 2026-05-01, helpline_max_age_days 180.
        let fresh = try XCTUnwrap(guide.freshness(of: line, today: FullDate("2026-10-28")!))
        XCTAssertEqual(fresh.ageDays, 180)
        XCTAssertFalse(fresh.isStale, "exactly the window is not past it")
        let stale = try XCTUnwrap(guide.freshness(of: line, today: FullDate("2026-10-29")!))
        XCTAssertEqual(stale.ageDays, 181)
        XCTAssertTrue(stale.isStale)
        XCTAssertEqual(stale.verifiedOn.description, "2026-05-01")
        XCTAssertEqual(stale.maxAgeDays, 180)
        XCTAssertNil(
            guide.freshness(
                of: try XCTUnwrap(guide.entry(Reference(type: .concepts, id: "consent"))),
                today: FullDate("2026-10-29")!))
    }

    func testReviewTextPolicies() throws {
        let fixture = try FixtureGuide()
        defer { fixture.remove() }
        var guide = load(fixture)
        let consent = try XCTUnwrap(guide.entry(Reference(type: .concepts, id: "consent")))
        XCTAssertEqual(consent.files["es"]?.status, "review")

        let shown = try XCTUnwrap(guide.localized(consent, in: "es", drafts: false))
        XCTAssertEqual(shown.file.language, "es")
        XCTAssertTrue(shown.isUnderReview, "the default, notice, shows review text marked as such")
        XCTAssertFalse(
            try XCTUnwrap(guide.localized(consent, in: "en", drafts: false)).isUnderReview,
            "the source language is never in review")

        guide.config.reviewText = .fallback
        let fallback = try XCTUnwrap(guide.localized(consent, in: "es", drafts: false))
        XCTAssertEqual(fallback.file.language, "en", "replaced by the fallback")
        XCTAssertTrue(fallback.isFallback)
        XCTAssertFalse(fallback.isUnderReview)

        guide.config.reviewText = .omit
        XCTAssertNil(guide.localized(consent, in: "es", drafts: false), "left out")
        XCTAssertNotNil(guide.localized(consent, in: "en", drafts: false))
    }

    func testWhoToCallPutsEmergencyFirst() throws {
        let fixture = try FixtureGuide()
        defer { fixture.remove() }
        try fixture.write(
            "helplines/do-emergency.en.md",
            """
            ---
            title: Emergency
            summary: The emergency number.
            status: published
            country: DO
            organisation: Emergency service
            purpose: emergency
            channels:
              - {type: phone, value: "911"}
            verified_on: '2026-05-01'
            source: {title: Test source, url: "https://example.org/source"}
            ---
            Call 911.
            """)
        let guide = load(fixture)
        XCTAssertEqual(guide.helplines(of: "DO", drafts: false).map(\.id), ["do-emergency", "do-line"])
        XCTAssertTrue(guide.hasEmergencyNumber("DO", drafts: false))
        XCTAssertFalse(guide.hasEmergencyNumber("TT", drafts: false))
        XCTAssertEqual(guide.helplines(of: "TT", drafts: false).map(\.id), [])
    }

    func testPlaceholderHosts() {
        func host(_ url: String) -> String? { GuideConfig(baseURL: url).placeholderHost }
        for url in [
            "https://guide.example.org/", "https://example.com/", "http://www.example.net/x/", "https://guide.test/",
            "https://a.b.example/", "https://x.invalid/", "http://localhost:8080/", "https://app.localhost/",
            "https://user@EXAMPLE.ORG:443/", "https://guide.example.org./",
        ] {
            XCTAssertNotNil(host(url), url)
        }
        for url in [
            "https://guide.unodc.org/", "https://example.organisation.org/", "https://notexample.com/",
            "https://testing.org/", "https://invalid.org/", "",
        ] {
            XCTAssertNil(host(url), url)
        }
        XCTAssertEqual(host("https://Guide.Example.Org/path"), "guide.example.org")
    }
}
