import BundleEmitter
import Foundation
import GuideModel
import JSON
import XCTest

/// The bundle built from the sample guide: completeness, references,
/// translation states, helplines, determinism.
final class BundleContentTests: XCTestCase {
    var guide: TestGuide!

    override func setUpWithError() throws { guide = try TestGuide() }
    override func tearDown() { guide.remove() }

    /// The bundle of the unchanged sample guide, built once for the tests that only read it.
    static let sample: Result<(JSONValue, TestGuide), Error> = Result {
        let guide = try TestGuide()
        return (try guide.build().full, guide)
    }

    override class func tearDown() { (try? sample.get())?.1.remove() }

    func testEveryPublishedEntryAndEveryLanguageIsPresent() throws {
        let model = guide.load()
        let bundle = try guide.build()
        let codes = model.config.languageCodes
        XCTAssertEqual(
            bundle.fileNames,
            (["datapackage.json", "guide.json", "guide.schema.json"] + codes.map { "guide.\($0).json" }).sorted())

        let full = try bundle.full
        let expected = model.publishedEntries(drafts: false).map(\.reference.description)
        XCTAssertFalse(expected.isEmpty)
        XCTAssertEqual(full.refs, expected, "entries by type then id")
        XCTAssertEqual(full["kind"]?.stringValue, "guide")
        XCTAssertEqual(full["format_version"]?.stringValue, BundleFormat.version)
        XCTAssertEqual(full["version"]?.stringValue, model.config.version)
        XCTAssertEqual(full["source_language"]?.stringValue, "en")
        XCTAssertEqual(full["languages"]?.arrayValue?.compactMap { $0["code"]?.stringValue }, codes)
        XCTAssertNil(full["generated_at"], "no time without SOURCE_DATE_EPOCH")
        for entry in full["entries"]?.arrayValue ?? [] {
            let ref = entry["ref"]?.stringValue ?? "?"
            XCTAssertEqual(entry["languages"]?.objectValue?.keys.sorted(), codes.sorted(), ref)
            XCTAssertEqual(
                entry["type"]?.stringValue.map { $0 + "/" }.map { $0 + (entry["id"]?.stringValue ?? "") }, ref)
        }
        for code in codes {
            let document = try bundle.language(code)
            XCTAssertEqual(document["kind"]?.stringValue, "language")
            XCTAssertEqual(document["language"]?.stringValue, code)
            XCTAssertEqual(document.refs, expected, "guide.\(code).json has every entry (fallbacks resolved)")
            XCTAssertEqual(document["content_hash"], full["content_hash"], "all files of one build share content_hash")
        }
        XCTAssertEqual(full.entry("roles/x"), nil)
        let roles = try XCTUnwrap(try bundle.language("es")["roles"]?.arrayValue)
        XCTAssertEqual(
            roles.first { $0["id"]?.stringValue == "cabin-crew" }?["name"]?.stringValue, "Tripulación de cabina")
        XCTAssertEqual(full["touchpoints"]?.arrayValue?.first?["names"]?["pap"]?.stringValue, "Reservacion")
    }

    func testNonTranslatableFieldsAreTypedDataAndTranslatableOnesPerLanguage() throws {
        let full = try Self.sample.get().0
        let indicator = try XCTUnwrap(full.entry("indicators/holds-no-documents"))
        XCTAssertEqual(indicator["data"]?["control_methods"], .array([.string("WithholdsDocuments")]))
        XCTAssertEqual(indicator["data"]?["strength"]?.stringValue, "moderate")
        XCTAssertEqual(indicator["data"]?["touchpoints"]?.arrayValue?.first?.stringValue, "check-in")
        XCTAssertNil(indicator["data"]?["title"], "translatable fields are not data")
        XCTAssertNil(indicator["data"]?["strength_note"])
        XCTAssertNil(indicator["data"]?["status"], "status is per language")
        let pap = try XCTUnwrap(full.entry("indicators/holds-no-documents", in: "pap"))
        XCTAssertTrue(pap["strength_note"]?.stringValue?.hasPrefix("Kita documento") ?? false)
        XCTAssertEqual(pap["editorial_status"]?.stringValue, "review")
        let helpline = try XCTUnwrap(full.entry("helplines/do-anti-trafficking-line"))
        XCTAssertEqual(helpline["data"]?["anonymous"], .bool(true), "booleans stay booleans")
        let concept = try XCTUnwrap(full.entry("concepts/trafficking-in-persons", in: "es"))
        XCTAssertNotNil(concept["aliases"]?.arrayValue, "aliases are per language")
        let protocolES = try XCTUnwrap(full.entry("protocols/alert-at-gate", in: "es"))
        XCTAssertTrue(protocolES["trigger"]?.stringValue?.hasPrefix("Úselo") ?? false)
    }

    func testBodySectionsAndProtocolSteps() throws {
        let full = try Self.sample.get().0
        let en = try XCTUnwrap(full.entry("protocols/alert-at-gate", in: "en"))
        let steps = try XCTUnwrap(en["steps"]?.arrayValue)
        XCTAssertEqual(steps.count, 8)
        XCTAssertEqual(
            steps[0]["text"]?.stringValue,
            "Continue boarding as normal. Do not delay the traveller or let anyone see that you have concerns.")
        XCTAssertEqual(en["sections"]?.arrayValue?.compactMap { $0["id"]?.stringValue }, ["steps", "do", "dont"])
        XCTAssertEqual(en["sections"]?.arrayValue?.first?["title"]?.stringValue, "Steps")
        XCTAssertEqual(try XCTUnwrap(full.entry("protocols/alert-at-gate", in: "es"))["steps"]?.arrayValue?.count, 8)
        XCTAssertTrue(
            steps[1]["html"]?.stringValue?.contains(
                "<a href=\"https://guide.example.org/en/concepts/weighing-indicators/\" data-ref=\"concepts/weighing-indicators\">"
            )
                ?? false, steps[1]["html"]?.stringValue ?? "")

        let indicator = try XCTUnwrap(full.entry("indicators/holds-no-documents", in: "es"))
        let html = try XCTUnwrap(indicator["body_html"]?.stringValue)
        XCTAssertTrue(
            html.contains(
                "href=\"https://guide.example.org/es/concepts/document-retention/\" data-ref=\"concepts/document-retention\""
            ), html)
        XCTAssertFalse(indicator["body_text"]?.stringValue?.contains("](") ?? true, "plain text has no Markdown")
        XCTAssertEqual(indicator["sections"]?.arrayValue?.first?["id"]?.stringValue, "what-to-do")

        let image = try XCTUnwrap(full.entry("concepts/trafficking-in-persons", in: "en")?["body_html"]?.stringValue)
        XCTAssertTrue(
            image.contains("src=\"https://guide.example.org/media/act-means-purpose.svg\""), "media as absolute URLs")
    }

    func testBodyHTMLIsSanitised() throws {
        try guide.replace(
            "Notice when a companion",
            with: "<script>alert(1)</script> [x](javascript:alert(1)) Notice when a companion",
            in: "indicators/holds-no-documents.en.md")
        let en = try XCTUnwrap(try guide.build().full.entry("indicators/holds-no-documents", in: "en"))
        let html = try XCTUnwrap(en["body_html"]?.stringValue)
        XCTAssertFalse(html.contains("<script"), html)
        XCTAssertFalse(html.contains("javascript:"), html)
    }

    func testReferencesResolveToTitlesInTheirLanguage() throws {
        let model = guide.load()
        let full = try Self.sample.get().0
        var checked = 0
        for entry in full["entries"]?.arrayValue ?? [] {
            for (code, localized) in entry["languages"]?.objectValue ?? JSONObject() {
                for reference in localized["references"]?.arrayValue ?? [] {
                    let ref = try XCTUnwrap(reference["ref"]?.stringValue.flatMap(Reference.init(parsing:)))
                    let target = try XCTUnwrap(
                        model.entry(ref.entry).flatMap { model.localized($0, in: code, drafts: false) })
                    XCTAssertEqual(reference["title"]?.stringValue, target.file.string("title"), "\(ref) in \(code)")
                    XCTAssertEqual(reference["language"]?.stringValue, target.file.language)
                    XCTAssertEqual(
                        reference["url"]?.stringValue,
                        "https://guide.example.org/\(target.file.language)/\(ref.type.rawValue)/\(ref.id)/"
                            + (ref.section.map { "#" + $0 } ?? ""))
                    checked += 1
                }
            }
        }
        XCTAssertGreaterThan(checked, 100)

        let es = try XCTUnwrap(full.entry("indicators/holds-no-documents", in: "es")?["references"]?.arrayValue)
        let check = try XCTUnwrap(es.first { $0["ref"]?.stringValue == "protocols/alert-at-check-in" })
        XCTAssertEqual(check["title"]?.stringValue, "Alerta en la reserva y el check-in")
        XCTAssertEqual(check["found_in"], .array([.string("protocols")]))

        // A reference to an entry shown in a fallback language: without its Papiamento and Dutch
        // translations, concepts/referral-mechanism is shown in pap in Spanish.
        try guide.delete("concepts/referral-mechanism.pap.md")
        try guide.delete("concepts/referral-mechanism.nl.md")
        let fallback = try guide.build().full
        let pap = try XCTUnwrap(
            fallback.entry("helplines/do-anti-trafficking-line", in: "pap")?["references"]?.arrayValue)
        let concept = try XCTUnwrap(pap.first { $0["ref"]?.stringValue == "concepts/referral-mechanism" })
        XCTAssertEqual(concept["language"]?.stringValue, "es", "pap falls back to nl, then es")
        XCTAssertEqual(concept["url"]?.stringValue, "https://guide.example.org/es/concepts/referral-mechanism/")
        let spanish = try XCTUnwrap(model.entry(Reference(type: .concepts, id: "referral-mechanism"))?.files["es"])
        XCTAssertEqual(concept["title"]?.stringValue, spanish.string("title"), "the Spanish title")
    }

    func testReferenceToASectionCarriesTheSectionTitle() throws {
        try guide.replace(
            "[document retention](concepts/document-retention)",
            with: "[document retention](concepts/document-retention) and [the steps](protocols/alert-at-gate#steps)",
            in: "indicators/holds-no-documents.en.md")
        let en = try XCTUnwrap(try guide.build().full.entry("indicators/holds-no-documents", in: "en"))
        let reference = try XCTUnwrap(
            en["references"]?.arrayValue?.first { $0["ref"]?.stringValue == "protocols/alert-at-gate#steps" })
        XCTAssertEqual(reference["section"]?.stringValue, "steps")
        XCTAssertEqual(reference["section_title"]?.stringValue, "Steps")
        XCTAssertEqual(reference["title"]?.stringValue, "Alert at the boarding gate")
        XCTAssertEqual(reference["url"]?.stringValue, "https://guide.example.org/en/protocols/alert-at-gate/#steps")
        XCTAssertTrue(
            en["body_html"]?.stringValue?.contains(
                "<a href=\"https://guide.example.org/en/protocols/alert-at-gate/#steps\" data-ref=\"protocols/alert-at-gate\">"
            ) ?? false)
    }

    func testStatesSourceCurrentOutdatedAndMissingWithFallback() throws {
        try guide.unstamp("indicators/carries-others-documents.es.md")
        try guide.stamp("indicators/holds-no-documents.es.md")
        try guide.stamp("indicators/holds-no-documents.nl.md")
        try guide.delete("indicators/holds-no-documents.pap.md")
        try guide.delete("indicators/holds-no-documents.ht.md")
        var full = try guide.build().full
        func state(_ code: String) -> (String?, String?, String?) {
            let o = full.entry("indicators/holds-no-documents", in: code)
            return (o?["status"]?.stringValue, o?["fallback_language"]?.stringValue, o?["text_language"]?.stringValue)
        }
        XCTAssertTrue(state("en") == ("source", nil, "en"))
        XCTAssertTrue(state("es") == ("current", nil, "es"))
        XCTAssertTrue(state("nl") == ("current", nil, "nl"))
        XCTAssertTrue(state("pap") == ("missing", "nl", "nl"), "\(state("pap"))")
        XCTAssertTrue(state("ht") == ("missing", "en", "en"))
        let nlTitle = full.entry("indicators/holds-no-documents", in: "nl")?["title"]
        XCTAssertEqual(
            full.entry("indicators/holds-no-documents", in: "pap")?["title"], nlTitle, "shows the fallback's text")
        XCTAssertEqual(
            full.entry("indicators/holds-no-documents", in: "pap")?["url"]?.stringValue,
            "https://guide.example.org/nl/indicators/holds-no-documents/")
        let papFile = try guide.build().language("pap")
        XCTAssertEqual(papFile.entry("indicators/holds-no-documents")?["fallback_language"]?.stringValue, "nl")

        try guide.replace(
            "Notice when a companion", with: "Watch for a companion who",
            in: "indicators/holds-no-documents.en.md")
        full = try guide.build().full
        XCTAssertTrue(state("es") == ("outdated", nil, "es"), "a source edit outdates the translation")
        XCTAssertTrue(state("nl") == ("outdated", nil, "nl"))
        XCTAssertTrue(state("en") == ("source", nil, "en"))
        XCTAssertEqual(full.entry("indicators/other-one", in: "es"), nil)
        let unstamped = full.entry("indicators/carries-others-documents", in: "es")
        XCTAssertEqual(unstamped?["status"]?.stringValue, "outdated", "a translation never stamped counts as outdated")
    }

    func testDraftsAreLeftOutUnlessAskedFor() throws {
        // A published text may not link to a draft (reference.unpublished): the links go first.
        try guide.unlink("indicators/little-or-no-luggage")
        try guide.replace("status: published", with: "status: draft", in: "indicators/little-or-no-luggage.en.md")
        try guide.replace("status: review", with: "status: draft", in: "indicators/holds-no-documents.es.md")
        let without = try guide.build().full
        XCTAssertNil(without.entry("indicators/little-or-no-luggage"))
        XCTAssertEqual(
            without.entry("indicators/holds-no-documents", in: "es")?["status"]?.stringValue, "missing",
            "a draft translation counts as missing")
        let with = try guide.build(drafts: true).full
        XCTAssertEqual(
            with.entry("indicators/little-or-no-luggage", in: "en")?["editorial_status"]?.stringValue, "draft")
        XCTAssertEqual(with.entry("indicators/holds-no-documents", in: "es")?["editorial_status"]?.stringValue, "draft")
    }

    func testHelplineChannelsAndContactPoint() throws {
        let full = try guide.build().full
        let line = try XCTUnwrap(full.entry("helplines/do-anti-trafficking-line"))
        XCTAssertEqual(
            line["channels"]?.arrayValue?.first,
            object([
                "type": .string("phone"), "value": .string("+18092007393"), "e164": .bool(true),
                "uri": .string("tel:+18092007393"),
            ]))
        let point = try XCTUnwrap(line["contact_point"])
        XCTAssertEqual(point["@type"]?.stringValue, "ContactPoint")
        XCTAssertEqual(point["telephone"]?.stringValue, "+18092007393")
        XCTAssertEqual(point["contactType"]?.stringValue, "report")
        XCTAssertEqual(point["areaServed"]?.stringValue, "DO")
        XCTAssertNil(point["availableLanguage"], "languages not stated by the source are left out")
        XCTAssertNil(point["hoursAvailable"], "hours not stated by the source are left out")

        let emergency = try XCTUnwrap(full.entry("helplines/tt-emergency")?["channels"]?.arrayValue?.first)
        XCTAssertEqual(emergency["e164"], .bool(false), "999 is a short code")
        XCTAssertEqual(emergency["uri"]?.stringValue, "tel:999")
        let cmma = try XCTUnwrap(full.entry("helplines/aw-cmma"))
        XCTAssertNil(cmma["contact_point"]?["telephone"], "a WhatsApp number is not offered for calls")
        XCTAssertEqual(cmma["channels"]?.arrayValue?.first?["uri"]?.stringValue, "https://wa.me/2975975223")
        XCTAssertNil(cmma["channels"]?.arrayValue?.last?["uri"], "no guessed link for a messenger account")

        try guide.replace(
            "  value: '+18092007393'", with: "  value: '+18092007393'\n  hours: 24/7",
            in: "helplines/do-anti-trafficking-line.en.md")
        try guide.replace(
            "anonymous: true", with: "anonymous: true\nlanguages: [es]", in: "helplines/do-anti-trafficking-line.en.md")
        let stated = try XCTUnwrap(try guide.build().full.entry("helplines/do-anti-trafficking-line")?["contact_point"])
        XCTAssertEqual(
            stated["hoursAvailable"],
            object(["@type": .string("OpeningHoursSpecification"), "description": .string("24/7")]))
        XCTAssertEqual(stated["availableLanguage"], .array([.string("es")]))
    }

    func testTwoBuildsAreByteIdentical() throws {
        let a = try guide.build(into: "a")
        let b = try guide.build(into: "b")
        XCTAssertEqual(a.fileNames, b.fileNames)
        for name in a.fileNames {
            XCTAssertEqual(try Data(contentsOf: a.url(name)), try Data(contentsOf: b.url(name)), name)
        }
        let text = try String(contentsOf: a.url("guide.json"), encoding: .utf8)
        XCTAssertTrue(
            text.hasPrefix(
                "{\n  \"$schema\": \"https://guide.example.org/bundle/guide.schema.json\",\n  \"base_url\": "),
            "keys sorted")
    }

    func testGeneratedAtComesOnlyFromSourceDateEpoch() throws {
        let bundle = try guide.build(sourceDate: Date(timeIntervalSince1970: 1_700_000_000))
        XCTAssertEqual(try bundle.full["generated_at"]?.stringValue, "2023-11-14T22:13:20Z")
        XCTAssertEqual(try bundle.language("es")["generated_at"]?.stringValue, "2023-11-14T22:13:20Z")
        XCTAssertEqual(
            try bundle.full["content_hash"], try guide.build().full["content_hash"],
            "the content hash does not depend on the build time")
    }

    func testContentHashesFollowWhatIsShown() throws {
        try guide.unstamp("indicators/holds-no-documents.es.md")
        let before = try guide.build().full
        try guide.replace(
            "Notice when a companion", with: "Watch for a companion who", in: "indicators/holds-no-documents.en.md")
        let after = try guide.build().full
        XCTAssertNotEqual(before["content_hash"], after["content_hash"])
        let ref = "indicators/holds-no-documents"
        XCTAssertNotEqual(before.entry(ref, in: "en")?["content_hash"], after.entry(ref, in: "en")?["content_hash"])
        XCTAssertNotEqual(
            before.entry(ref, in: "ht")?["content_hash"], after.entry(ref, in: "ht")?["content_hash"],
            "ht shows the English text")
        XCTAssertEqual(
            before.entry(ref, in: "es")?["content_hash"], after.entry(ref, in: "es")?["content_hash"],
            "the Spanish text did not change (its status did not either: it was never stamped)")
        XCTAssertEqual(
            before.entry("concepts/consent", in: "en")?["content_hash"],
            after.entry("concepts/consent", in: "en")?["content_hash"])
    }
}
