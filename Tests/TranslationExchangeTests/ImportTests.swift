import Diagnostics
import GuideModel
import Loader
import XCTest

@testable import TranslationExchange

/// What an import makes of units a translator changed, well or badly: the
/// diagnostics (code and exchange-file line) and the text it would write.
final class ImportTests: XCTestCase {
    static func text(_ file: EntryFile) -> String? {
        TranslationFiles.text(at: SampleContent.repository.path + "/" + file.path)
    }

    func export(_ language: String, guide: Guide = SampleContent.loaded.guide) -> ExchangeDocument {
        ExportBuilder(guide: guide, schemas: SampleContent.loaded.schemas, language: language, text: Self.text)
            .document(outdatedOnly: false)
    }

    func plan(_ document: ExchangeDocument, guide: Guide = SampleContent.loaded.guide) -> (
        changes: [FileChange], diagnostics: [Diagnostic]
    ) {
        ImportPlanner(guide: guide, schemas: SampleContent.loaded.schemas, path: "x.xlf", text: Self.text).plan(
            document)
    }

    /// The sample guide without an entry's translation into `language`.
    func guide(without language: String, of type: EntryType, _ id: String) -> Guide {
        var guide = SampleContent.loaded.guide
        guide.setFile(nil, type: type, id: id, language: language)
        return guide
    }

    /// The export with one unit changed, its unit given line 42 in the exchange file.
    func changing(
        _ reference: String, _ key: String, in language: String = "es",
        _ change: (inout ExchangeUnit) -> Void
    ) throws -> ExchangeDocument {
        var document = export(language)
        let e = try XCTUnwrap(document.entries.firstIndex { $0.reference.description == reference })
        let u = try XCTUnwrap(document.entries[e].units.firstIndex { $0.key == key })
        document.entries[e].units[u].line = 42
        document.entries[e].units[u].sourceElementLine = 42
        document.entries[e].units[u].targetLine = 43
        change(&document.entries[e].units[u])
        return document
    }

    func testAnUnchangedExportChangesNothing() {
        for language in ["es", "nl", "pap", "ht", "pt"] {
            let (changes, diagnostics) = plan(export(language))
            XCTAssertEqual(changes.map(\.relativePath), [], language)
            XCTAssertEqual(diagnostics, [], language)
        }
    }

    func testAChangedTargetIsWrittenInPlaceAndStamped() throws {
        let document = try changing("concepts/consent", "body.3") { unit in
            unit.target = [
                .text("Según la "), .open(InlineCode(id: 1, kind: .link, native: "[")), .text("definición *de* trata"),
                .close(InlineCode(id: 1, kind: .link, native: "](concepts/trafficking-in-persons)")),
                .text(", 1. <b>ya</b>."),
            ]
        }
        let (changes, diagnostics) = plan(document)
        XCTAssertEqual(diagnostics, [])
        let change = try XCTUnwrap(changes.first)
        XCTAssertEqual(changes.count, 1)
        XCTAssertEqual(change.relativePath, "concepts/consent.es.md")
        XCTAssertTrue(
            change.text.contains(
                "Según la [definición \\*de\\* trata](concepts/trafficking-in-persons), 1. \\<b>ya\\</b>."), change.text
        )
        let old = try XCTUnwrap(
            Self.text(
                try XCTUnwrap(SampleContent.loaded.guide.entry(Reference(parsing: "concepts/consent")!)?.files["es"])))
        let hash = try XCTUnwrap(
            document.entries.first { $0.reference.description == "concepts/consent" }?.version?.sourceHash)
        XCTAssertTrue(change.text.contains("source_hash: \"\(hash)\""))
        // Everything but the unit and the stamp is as it was.
        XCTAssertEqual(change.text.split(separator: "\n").count, old.split(separator: "\n").count)
    }

    func testUnknownUnitsAreWarnedAboutAndIgnored() throws {
        let document = try changing("concepts/consent", "body.3") { $0.key = "body.999" }
        let (changes, diagnostics) = plan(document)
        XCTAssertEqual(changes.count, 0)
        XCTAssertEqual(diagnostics.map { "\($0.code)@\($0.position.line)" }, ["translate.unknown-unit@42"])
        XCTAssertEqual(diagnostics.first?.code, "translate.unknown-unit")
    }

    func testBrokenInlineCodesAreErrorsAndNothingIsWritten() throws {
        let link = InlineCode(id: 1, kind: .link, native: "[")
        let cases: [([Piece], String)] = [
            (
                [.open(link), .text("x"), .close(InlineCode(id: 1, kind: .link, native: "](concepts/exploitation)"))],
                "was changed"
            ),
            ([.open(link), .text("x")], "never closed"),
            ([.text("x"), .placeholder(InlineCode(id: 9, kind: .code, native: "`x`"))], "not one of the source's"),
            (
                [
                    .text("x"), .close(InlineCode(id: 1, kind: .link, native: "](concepts/trafficking-in-persons)")),
                    .open(link),
                ], "closes but was not opened"
            ),
        ]
        for (target, message) in cases {
            let (changes, diagnostics) = plan(try changing("concepts/consent", "body.3") { $0.target = target })
            XCTAssertEqual(changes.count, 0, message)
            let found = diagnostics.filter { (d: Diagnostic) -> Bool in
                d.code == "translate.inline-code" && d.severity == .error && d.position.line == 43
            }
            XCTAssertTrue(found.contains { $0.message.contains(message) }, "\(message): \(diagnostics)")
        }
        let (changes, diagnostics) = plan(
            try changing("concepts/consent", "body.3") { $0.target = [.text("Sin enlace.")] })
        XCTAssertEqual(changes.count, 1)
        XCTAssertEqual(
            diagnostics.map { "\($0.code) \($0.severity)@\($0.position.line)" }, ["translate.inline-code warning@43"])
    }

    func testASourceChangedSinceExportIsAWarningAndTheExportedVersionIsStamped() throws {
        var stamp = ""
        var document = try changing("concepts/consent", "body.3") { unit in
            unit.source = [.text("An older text.")]
            unit.target = [.text("Un texto más antiguo.")]
        }
        if let e = document.entries.firstIndex(where: { $0.reference.description == "concepts/consent" }) {
            document.entries[e].version?.sourceHash = "00000000000000ff"
            stamp = "00000000000000ff"
        }
        let (changes, diagnostics) = plan(document)
        XCTAssertEqual(diagnostics.map { "\($0.code)@\($0.position.line)" }, ["translate.source-changed@42"])
        XCTAssertEqual(diagnostics.first?.code, "translate.source-changed")
        XCTAssertTrue(changes.first?.text.contains("source_hash: \"\(stamp)\"") == true)
    }

    func testATargetLongerThanItsLimitIsAnError() throws {
        let (changes, diagnostics) = plan(
            try changing("concepts/consent", "summary") { $0.target = [.text(String(repeating: "á", count: 301))] })
        XCTAssertEqual(changes.count, 0)
        XCTAssertEqual(diagnostics.map { "\($0.code)@\($0.position.line)" }, ["translate.too-long@43"])
        XCTAssertEqual(diagnostics.first?.code, "translate.too-long")
        XCTAssertTrue(diagnostics[0].message.contains("301 characters; at most 300"))
    }

    func testALanguageTheGuideDoesNotTranslateIsRefused() {
        var document = export("es")
        document.targetLanguage = "fr"
        XCTAssertEqual(plan(document).diagnostics.first?.code, "translate.language")
        document.targetLanguage = "en"
        XCTAssertEqual(plan(document).diagnostics.first?.code, "translate.language")
    }

    func testAForbiddenTermKeepsASignedOffTranslationInReview() throws {
        var document = try changing("indicators/job-offer-too-good-to-be-true", "summary", in: "pap") { unit in
            unit.target = [.text("Un oferta cu ta un trampa di trafico humano.")]
        }
        for e in document.entries.indices
        where document.entries[e].reference.description == "indicators/job-offer-too-good-to-be-true" {
            for u in document.entries[e].units.indices { document.entries[e].units[u].status = .published }
        }
        let (changes, diagnostics) = plan(document)
        XCTAssertEqual(diagnostics.map { "\($0.code)@\($0.position.line)" }, ["term.forbidden@43"])
        XCTAssertEqual(changes.first?.status, .review)
    }

    func testPOApprovesOnlyUnchangedText() throws {
        var document = export("pap")
        document.format = .po
        for e in document.entries.indices
        where document.entries[e].reference.description == "indicators/asks-for-help-or-says-not-free" {
            for u in document.entries[e].units.indices { document.entries[e].units[u].status = .published }
        }
        XCTAssertEqual(plan(document).changes.map(\.status), [.published])
        let e = try XCTUnwrap(
            document.entries.firstIndex { $0.reference.description == "indicators/asks-for-help-or-says-not-free" })
        document.entries[e].units[0].target = [.text("Otro título")]
        XCTAssertEqual(plan(document).changes.map(\.status), [.review])
    }

    func testANewTranslationIsBuiltOnTheSourceWhenEveryTextIsTranslated() throws {
        let guide = guide(without: "pap", of: .concepts, "consent")
        var document = export("pap", guide: guide)
        let e = try XCTUnwrap(document.entries.firstIndex { $0.reference.description == "concepts/consent" })
        XCTAssertTrue(document.entries[e].units.allSatisfy { $0.target == nil })
        for u in document.entries[e].units.indices {
            document.entries[e].units[u].target = document.entries[e].units[u].source.map { piece in
                if case .text(let s) = piece { return .text("PAP " + s) }
                return piece
            }
            document.entries[e].units[u].status = .review
        }
        var partial = document
        partial.entries[e].units.removeLast()
        let (none, warnings) = plan(partial, guide: guide)
        XCTAssertEqual(none.count, 0)
        XCTAssertEqual(warnings.count, 1)
        XCTAssertEqual(warnings.first?.code, "translate.incomplete")

        let (changes, diagnostics) = plan(document, guide: guide)
        XCTAssertEqual(diagnostics, [])
        let change = try XCTUnwrap(changes.first)
        XCTAssertTrue(change.isNew)
        XCTAssertEqual(change.relativePath, "concepts/consent.pap.md")
        guard
            case .success(let file) = EntryFileLoader.parse(
                change.text, type: .concepts, id: "consent", language: "pap", path: "x")
        else {
            return XCTFail("the new file does not parse:\n\(change.text)")
        }
        XCTAssertEqual(file.status, "review")
        XCTAssertEqual(file.string("title"), "PAP Consent")
        XCTAssertEqual(
            file.body.sections.map(\.id),
            SampleContent.loaded.guide.entry(Reference(type: .concepts, id: "consent"))?.files["en"]?.body.sections.map(
                \.id))
        XCTAssertEqual(file.string("source_hash"), document.entries[e].version?.sourceHash)
    }

    func testYAMLScalarsWrittenByAnImportReadBackTheSame() {
        for value in [
            "Título", "a: b", "#1", "- x", "yes", "'quoted'", "\"double\"", "[x]", "x # y", "tab\there", "ñ",
            "  padded  ", "%x", "@x", "line\nbreak",
        ] {
            let text =
                "---\ntitle: \(YAMLScalar.render(value))\naliases: \(YAMLScalar.flowSequence([value, "b"]))\n---\n"
            guard
                case .success(let file) = EntryFileLoader.parse(
                    text, type: .concepts, id: "x", language: "es", path: "x")
            else {
                XCTFail("\(value): \(text)")
                continue
            }
            XCTAssertEqual(file.string("title"), value)
            XCTAssertEqual(file.strings("aliases"), [value, "b"])
        }
    }
}

/// A translation may show its language's version of an image.
final class LocalizedImageTests: XCTestCase {
    func testALanguagesVersionOfAnImageIsTheSameImage() {
        XCTAssertTrue(
            CodeVerifier.isLocalizedVariant("](media/act-means-purpose.es.svg)", of: "](media/act-means-purpose.svg)"))
        XCTAssertTrue(CodeVerifier.isLocalizedVariant("](media/x.pap.png)", of: "](media/x.png)"))
        XCTAssertFalse(CodeVerifier.isLocalizedVariant("](media/other.es.svg)", of: "](media/act-means-purpose.svg)"))
        XCTAssertFalse(
            CodeVerifier.isLocalizedVariant("](media/act-means-purpose.es.png)", of: "](media/act-means-purpose.svg)"))
        XCTAssertFalse(
            CodeVerifier.isLocalizedVariant("](media/act-means-purpose.a.b.svg)", of: "](media/act-means-purpose.svg)"))
        XCTAssertFalse(
            CodeVerifier.isLocalizedVariant("](media/act-means-purpose.svg)", of: "](media/act-means-purpose.svg)"))
    }
}
