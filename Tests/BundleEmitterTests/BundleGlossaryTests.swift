import BundleEmitter
import Foundation
import JSON
import XCTest

/// The bundle's glossary (format 1.1), from the termbase.
final class BundleGlossaryTests: XCTestCase {
    func testTheGlossaryHoldsEveryConceptWithItsTermsPerLanguage() throws {
        let guide = try TestGuide()
        defer { guide.remove() }
        let bundle = try guide.build()
        let full = try bundle.full
        let glossary = try XCTUnwrap(full["glossary"]?.arrayValue)
        XCTAssertEqual(glossary.count, 12)
        let trafficking = try XCTUnwrap(glossary.first { $0["id"]?.stringValue == "trafficking-in-persons" })
        XCTAssertEqual(trafficking["entry"]?.stringValue, "concepts/trafficking-in-persons")
        XCTAssertEqual(trafficking["terms"]?["es"]?["preferred"]?.stringValue, "trata de personas")
        XCTAssertEqual(
            trafficking["terms"]?["es"]?["forbidden"]?.arrayValue?.first?["term"]?.stringValue, "tráfico de personas")
        XCTAssertEqual(trafficking["terms"]?.objectValue?.keys.sorted(), ["en", "es", "ht", "nl", "pap", "pt"])

        let pap = try XCTUnwrap(try bundle.language("pap")["glossary"]?.arrayValue)
        let smuggling = try XCTUnwrap(pap.first { $0["id"]?.stringValue == "migrant-smuggling" })
        XCTAssertEqual(smuggling["preferred"]?.stringValue, "contrabanda di hende")
        XCTAssertEqual(smuggling["source_term"]?.stringValue, "migrant smuggling")
        XCTAssertNotNil(smuggling["note"]?.stringValue)
    }

    func testAnEditToTheTermbaseAloneRewritesTheBundle() throws {
        let guide = try TestGuide()
        defer { guide.remove() }
        XCTAssertNotNil(try guide.build().full["glossary"])
        try guide.replace("preferred: trata de personas", with: "preferred: trata de seres humanos", in: "termbase.yml")
        try guide.replace("variants: [trata, trata de seres humanos]", with: "variants: [trata]", in: "termbase.yml")
        let glossary = try guide.build().full["glossary"]?.arrayValue
        XCTAssertEqual(glossary?.first?["terms"]?["es"]?["preferred"]?.stringValue, "trata de seres humanos")

        try guide.delete("termbase.yml")
        XCTAssertNil(try guide.build().full["glossary"], "no termbase, no glossary")
    }
}
