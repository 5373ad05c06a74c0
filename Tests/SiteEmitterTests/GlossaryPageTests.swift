import Foundation
import XCTest

/// The glossary page each language gets from the termbase.
final class GlossaryPageTests: XCTestCase {
    func testEveryLanguageHasAGlossaryLinkedFromHomeAndToTheConcepts() throws {
        let build = try SiteBuild(name: "glossary")
        try build.build()
        for language in ["en", "es", "nl", "pap", "ht", "pt"] {
            let page = try build.read("site/\(language)/glossary/index.html")
            XCTAssertTrue(page.contains("<dl class=\"glossary\">"), language)
            XCTAssertTrue(page.contains("id=\"term-trafficking-in-persons\""), language)
            XCTAssertTrue(page.contains("href=\"../../\(language)/concepts/consent/index.html\""), language)
            XCTAssertTrue(try build.read("site/\(language)/index.html").contains("href=\"../\(language)/glossary/index.html\""), language)
        }
        let pap = try build.read("site/pap/glossary/index.html")
        XCTAssertTrue(pap.contains("<dt id=\"term-trafficking-in-persons\">traficacion di hende</dt>"), pap)
        XCTAssertTrue(pap.contains("<li><s>trafico humano</s>: <span lang=\"en\">"), pap)
        XCTAssertTrue(pap.contains("<span lang=\"en\">trafficking in persons</span>"), pap)
        // pap has no concept pages of its own: the link names the fallback's title, in its language.
        XCTAssertTrue(pap.contains("<span lang=\"es\">Trata de personas</span>"), pap)
    }

    func testWithoutATermbaseOrItsTemplateThereIsNoGlossary() throws {
        let build = try SiteBuild(name: "no-glossary")
        try build.remove("Content/termbase.yml")
        try build.build()
        XCTAssertFalse(build.files().contains { $0.contains("/glossary/") })
        XCTAssertFalse(try build.read("site/en/index.html").contains("glossary"))

        let noTemplate = try SiteBuild(name: "no-glossary-template")
        try noTemplate.remove("Templates/site/pages/glossary.mustache")
        try noTemplate.build()
        XCTAssertEqual(noTemplate.diagnostics.filter { $0.severity == .error }, [])
        XCTAssertFalse(noTemplate.files().contains { $0.contains("/glossary/") })
    }
}
