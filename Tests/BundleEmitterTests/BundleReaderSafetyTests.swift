import BundleEmitter
import Foundation
import GuideModel
import JSON
import Schema
import XCTest

/// What readers must be able to trust, as the bundle carries it: helpline
/// freshness on the build day, texts still in review, every fallback marked
/// with its language, tombstones, and the Organization behind each helpline.
final class BundleReaderSafetyTests: XCTestCase {
    var guide: TestGuide!

    override func setUpWithError() throws { guide = try TestGuide() }
    override func tearDown() { guide.remove() }

    func testHelplineFreshnessOnTheBuildDay() throws {
        // The window from the content: verified_on plus helpline_max_age_days is the last fresh day.
        let ref = "helplines/tt-emergency"
        let window = try guide.freshnessWindow(of: ref)
        let lastFreshDay = FullDate(daysSinceEpoch: window.staleFrom.daysSinceEpoch - 1)
        func freshness(on day: FullDate) throws -> JSONValue? {
            try guide.build(today: day).full.entry(ref)?["freshness"]
        }
        let expected = { (stale: Bool) in
            object([
                "verified_on": .string(window.verifiedOn.description),
                "max_age_days": .number(.integer(window.maxAgeDays)),
                "stale_from": .string(window.staleFrom.description), "stale": .bool(stale),
            ])
        }
        XCTAssertEqual(try freshness(on: lastFreshDay), expected(false), "the last day inside the window")
        XCTAssertEqual(try freshness(on: window.staleFrom), expected(true))
        let stale = try guide.build(today: window.staleFrom)
        let full = try stale.full
        XCTAssertEqual(full["build_day"]?.stringValue, window.staleFrom.description)
        XCTAssertEqual(full["helpline_max_age_days"], .number(.integer(window.maxAgeDays)))
        XCTAssertEqual(try stale.language("pap").entry(ref)?["freshness"]?["stale"], .bool(true), "in every file")
        XCTAssertEqual(
            try guide.build(today: lastFreshDay).language("pap").entry(ref)?["freshness"]?["stale"], .bool(false))
    }

    func testTextsInReviewAreMarked() throws {
        let full = try guide.build().full
        let ref = "indicators/holds-no-documents"
        XCTAssertEqual(full.entry(ref, in: "en")?["under_review"], .bool(false), "the source is never under review")
        XCTAssertEqual(full.entry(ref, in: "es")?["under_review"], .bool(true))
        XCTAssertEqual(full.entry(ref, in: "es")?["editorial_status"]?.stringValue, "review")

        try guide.replace("status: review", with: "status: published", in: "indicators/holds-no-documents.es.md")
        XCTAssertEqual(try guide.build().language("es").entry(ref)?["under_review"], .bool(false))

        // review_text: fallback shows the fallback's text instead, which is not in review.
        try guide.replace("status: published", with: "status: review", in: "indicators/holds-no-documents.es.md")
        try guide.replace(
            "source_language: en\n", with: "source_language: en\nreview_text: fallback\n", in: "guide.yml")
        let fallback = try guide.build()
        let es = try XCTUnwrap(fallback.language("es").entry(ref))
        XCTAssertEqual(es["status"]?.stringValue, "missing")
        XCTAssertEqual(es["text_language"]?.stringValue, "en")
        XCTAssertEqual(es["under_review"], .bool(false))
        XCTAssertEqual(try fallback.full["review_text"]?.stringValue, "fallback")
    }

    func testEveryFallbackNameIsMarkedWithItsLanguage() throws {
        try guide.replace(" pap: Empleado di aerolinea,", with: "", in: "guide.yml")
        let bundle = try guide.build()
        let pap = try XCTUnwrap(bundle.language("pap")["roles"]?.arrayValue?.first)
        XCTAssertEqual(
            pap,
            object([
                "id": .string("airline-agent"), "name": .string("Medewerker luchtvaartmaatschappij"),
                "name_language": .string("nl"),
            ]), "pap falls back to nl, and says so")
        let all = try XCTUnwrap(bundle.full["roles"]?.arrayValue?.first)
        XCTAssertEqual(all["names"]?["pap"]?.stringValue, "Medewerker luchtvaartmaatschappij")
        XCTAssertEqual(all["name_languages"]?["pap"]?.stringValue, "nl")
        XCTAssertEqual(all["name_languages"]?["es"]?.stringValue, "es")
        XCTAssertEqual(try bundle.language("pap")["title_language"]?.stringValue, "pap")
        XCTAssertEqual(try bundle.full["title_languages"]?["ht"]?.stringValue, "ht")
    }

    func testTombstonesAreCarriedInEveryFile() throws {
        try guide.write(
            "tombstones.yml",
            """
            tombstones:
              - ref: protocols/respond-at-screening
                removed_on: "2026-03-01"
                replaced_by: [protocols/alert-at-gate, protocols/alert-at-check-in]
                reason: {en: Split by touchpoint., es: Dividido por punto de contacto.}
              - ref: concepts/old-term
                removed_on: "2026-02-01"
                reason: The term is no longer used.
            """)
        let bundle = try guide.build()
        let expected = object([
            "ref": .string("protocols/respond-at-screening"), "type": .string("protocols"),
            "id": .string("respond-at-screening"),
            "removed_on": .string("2026-03-01"),
            "replaced_by": .array([.string("protocols/alert-at-gate"), .string("protocols/alert-at-check-in")]),
            "reason": .string("Dividido por punto de contacto."), "reason_language": .string("es"),
        ])
        let pt = try XCTUnwrap(bundle.language("pt")["tombstones"]?.arrayValue)
        XCTAssertEqual(
            pt.map { $0["ref"]?.stringValue }, ["concepts/old-term", "protocols/respond-at-screening"], "by ref")
        XCTAssertEqual(pt.last, expected, "pt falls back to es")
        XCTAssertEqual(pt.first?["replaced_by"], .array([]))
        XCTAssertEqual(
            pt.first?["reason_language"]?.stringValue, "en", "one text for every language: the source language's")
        let all = try XCTUnwrap(bundle.full["tombstones"]?.arrayValue?.last)
        XCTAssertEqual(all["reason"]?["nl"]?.stringValue, "Split by touchpoint.")
        XCTAssertEqual(all["reason_languages"]?["nl"]?.stringValue, "en")
    }

    func testContactPointSitsUnderItsOrganization() throws {
        try guide.replace(
            "organisation: Sistema Nacional de Atención a Emergencias y Seguridad 9-1-1\n",
            with:
                "organisation: Sistema Nacional de Atención a Emergencias y Seguridad 9-1-1\norganisation_url: https://911.gob.do/\n",
            in: "helplines/do-emergency.en.md")
        let full = try guide.build().full
        let emergency = try XCTUnwrap(full.entry("helplines/do-emergency"))
        var point = try XCTUnwrap(emergency["contact_point"]?.objectValue)
        point["@context"] = nil
        XCTAssertEqual(
            emergency["organization"],
            object([
                "@context": .string("https://schema.org"), "@type": .string("Organization"),
                "name": .string("Sistema Nacional de Atención a Emergencias y Seguridad 9-1-1"),
                "url": .string("https://911.gob.do/"),
                "contactPoint": .object(point),
            ]))
        let unnamed = try XCTUnwrap(full.entry("helplines/do-anti-trafficking-line")?["organization"])
        XCTAssertNil(unnamed["name"], "the source does not name who runs the line: no name is made up")
        XCTAssertEqual(unnamed["contactPoint"]?["telephone"]?.stringValue, "+18092007393")
    }
}
