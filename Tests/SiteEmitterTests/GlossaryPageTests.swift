import Foundation
import GuideModel
import XCTest

/// The glossary page each language gets from the termbase.
final class GlossaryPageTests: XCTestCase {
    func testEveryLanguageHasAGlossaryLinkedFromHomeAndToTheConcepts() throws {
        let build = try SiteBuild(name: "glossary")
        // A concept without a Papiamento page of its own: its glossary link names the fallback's title.
        try build.remove("Content/concepts/trafficking-in-persons.pap.md")
        try build.build()
        for language in ["en", "es", "nl", "pap", "ht", "pt"] {
            let page = try build.read("site/\(language)/glossary/index.html")
            XCTAssertTrue(page.contains("<dl class=\"glossary\">"), language)
            XCTAssertTrue(page.contains("id=\"term-trafficking-in-persons\""), language)
            XCTAssertTrue(page.contains("href=\"../../\(language)/concepts/consent/index.html\""), language)
            // The home page's browse list links the glossary and the handouts (home.mustache got both in a merge).
            let home = try build.read("site/\(language)/index.html")
            let browse = try XCTUnwrap(home.range(of: "id=\"g-browse\""), language)
            let list = String(home[browse.upperBound...]).components(separatedBy: "</ul>")[0]
            XCTAssertTrue(list.contains("<a href=\"../\(language)/glossary/index.html\">"), language)
            XCTAssertTrue(list.contains("<a href=\"../\(language)/handouts/index.html\">"), language)
        }
        let guide = try XCTUnwrap(build.guide)
        let concept = try XCTUnwrap(guide.termbase?.concepts.first { $0.id == "trafficking-in-persons" })
        let terms = try XCTUnwrap(concept.terms["pap"])
        let preferred = try XCTUnwrap(terms.preferred?.text)
        let avoided = try XCTUnwrap(
            terms.forbidden.first { $0.reason != nil }?.text, "the sample forbids a Papiamento term for it, saying why")
        let source = guide.config.sourceLanguage
        let sourceTerm = try XCTUnwrap(concept.terms[source]?.preferred?.text)
        let pap = try build.read("site/pap/glossary/index.html")
        XCTAssertTrue(pap.contains("<dt id=\"term-trafficking-in-persons\">\(HTML.escape(preferred))</dt>"), pap)
        XCTAssertTrue(pap.contains("<li><s>\(HTML.escape(avoided))</s>: <span lang=\"\(source)\">"), pap)
        XCTAssertTrue(pap.contains("<span lang=\"\(source)\">\(HTML.escape(sourceTerm))</span>"), pap)
        // The link names the fallback's title, in its language.
        let entry = try XCTUnwrap(concept.entry.flatMap { guide.entry($0) })
        let shown = try XCTUnwrap(guide.localized(entry, in: "pap", drafts: false))
        XCTAssertNotEqual(shown.file.language, "pap", "the concept's page falls back")
        let title = try XCTUnwrap(shown.file.string("title"))
        XCTAssertTrue(pap.contains("<span lang=\"\(shown.file.language)\">\(HTML.escape(title))</span></a>"), pap)
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
