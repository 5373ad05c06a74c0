import Diagnostics
import Foundation
import XCTest

@testable import SiteEmitter

/// Problems with templates, strings and settings are diagnostics at the
/// file and line to edit, never crashes.
final class SiteDiagnosticsTests: XCTestCase {
    func testLanguageWithoutStringsWarnsAtGuideYmlAndFallsBack() throws {
        let build = try SiteBuild(name: "strings")
        try build.remove("Templates/strings/ht.json")
        try build.build()
        let problems = build.diagnostics.filter { $0.code == "site.strings-missing" }
        XCTAssertEqual(problems.count, 1)
        let problem = try XCTUnwrap(problems.first)
        XCTAssertEqual(problem.severity, .warning)
        XCTAssertTrue(problem.file.hasSuffix("guide.yml"), problem.file)
        let guideYml = try build.read("Content/guide.yml").split(separator: "\n", omittingEmptySubsequences: false)
        let line = try XCTUnwrap(guideYml.firstIndex { $0.contains("{code: ht") }) + 1
        XCTAssertEqual(problem.range?.start.line, line)
        let page = try XCTUnwrap(build.page("ht/index.html"))
        XCTAssertTrue(page.contains(">Exit this page</a>"), "falls back to the source language's strings")
    }

    func testMissingKeyWarnsAtTheStringsFile() throws {
        let build = try SiteBuild(name: "keys")
        let text = try build.read("Templates/strings/pt.json")
        try build.write(
            "Templates/strings/pt.json",
            text.replacingOccurrences(of: "  \"quick_exit\": \"Sair desta página\",\n", with: ""))
        try build.build()
        let problem = try XCTUnwrap(build.diagnostics.first { $0.code == "site.strings-missing" })
        XCTAssertEqual(problem.severity, .warning)
        XCTAssertTrue(problem.file.hasSuffix("Templates/strings/pt.json"), problem.file)
        XCTAssertTrue(problem.message.contains("quick_exit"))
        XCTAssertTrue(try XCTUnwrap(build.page("pt/index.html")).contains(">Exit this page</a>"))
    }

    func testTemplateSyntaxErrorPointsAtItsLine() throws {
        let build = try SiteBuild(name: "template")
        try build.write("Templates/site/partials/notice.mustache", "<div>\n<p>{{#text}}unclosed</p>\n</div>\n")
        try build.build()
        let problem = try XCTUnwrap(build.diagnostics.first { $0.code == "site.template" })
        XCTAssertEqual(problem.code, "site.template")
        XCTAssertEqual(problem.severity, .error)
        XCTAssertTrue(problem.file.hasSuffix("Templates/site/partials/notice.mustache"), problem.file)
        XCTAssertEqual(problem.range?.start.line, 2, "at the section never closed")
        XCTAssertEqual(problem.range?.start.column, 4)
        XCTAssertEqual(problem.message, "template syntax: {{#text}} is never closed: end it with {{/text}}")
        XCTAssertNil(build.page("index.html"), "nothing is written when templates are broken")
    }

    func testUnknownPartialIsAnError() throws {
        let build = try SiteBuild(name: "partial")
        let layout = try build.read("Templates/site/layout.mustache")
        try build.write(
            "Templates/site/layout.mustache",
            layout.replacingOccurrences(of: "{{> partials/quick-exit}}", with: "{{> partials/quick-exitt}}"))
        try build.build()
        let problem = try XCTUnwrap(build.diagnostics.first { $0.code == "site.template" })
        XCTAssertTrue(problem.file.hasSuffix("Templates/site/layout.mustache"))
        XCTAssertTrue(problem.message.contains("partials/quick-exitt"))
        let lines = layout.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(problem.range?.start.line, (lines.firstIndex { $0.contains("partials/quick-exit") } ?? -2) + 1)
    }

    func testQuickExitURLIsConfigurable() throws {
        let build = try SiteBuild(name: "settings")
        try build.write("Templates/site/settings.json", "{\"quick_exit_url\": \"https://weather.example.org/\"}\n")
        try build.build()
        let page = try XCTUnwrap(build.page("es/index.html"))
        XCTAssertTrue(page.contains("href=\"https://weather.example.org/\" data-quick-exit"))
        try build.write("Templates/site/settings.json", "{\n  \"quick_exit_url\": \"javascript:alert(1)\"\n}\n")
        try build.build()
        let problem = try XCTUnwrap(build.diagnostics.first { $0.code == "site.settings" })
        XCTAssertEqual(problem.code, "site.settings")
        XCTAssertTrue(problem.file.hasSuffix("Templates/site/settings.json"), problem.file)
        XCTAssertEqual(problem.range?.start.line, 2)
        XCTAssertEqual(problem.range?.start.column, 3, "at the key")
    }

    func testTemplateMissingNamesTheFile() throws {
        let build = try SiteBuild(name: "template-missing")
        try build.remove("Templates/site/pages/search.mustache")
        try build.build()
        let problem = try XCTUnwrap(build.diagnostics.first { $0.code == "site.template-missing" })
        XCTAssertEqual(problem.severity, .error)
        XCTAssertTrue(problem.file.hasSuffix("Templates/site/pages/search.mustache"), problem.file)
        XCTAssertNil(problem.range, "the file does not exist: the whole file is meant")
        XCTAssertNil(build.page("index.html"), "nothing is written")
    }

    func testStringsThatAreNotJSONPointAtTheSyntaxError() throws {
        let build = try SiteBuild(name: "strings-invalid")
        try build.write("Templates/strings/es.json", "{\n  \"quick_exit\": \"Salida rápida\",\n  \"home\": Inicio\n}\n")
        try build.build()
        let diagnostic = try XCTUnwrap(build.diagnostics.first { $0.code == "site.strings-invalid" })
        XCTAssertEqual(diagnostic.code, "site.strings-invalid")
        XCTAssertEqual(diagnostic.severity, .error)
        XCTAssertTrue(diagnostic.file.hasSuffix("Templates/strings/es.json"), diagnostic.file)
        XCTAssertEqual(diagnostic.range?.start.line, 3)
        XCTAssertEqual(diagnostic.range?.start.column, 11)
        XCTAssertNil(build.page("index.html"), "nothing is written")

        try build.write("Templates/strings/es.json", "[\"Salida rápida\"]\n")
        try build.build()
        let notObject = try XCTUnwrap(build.diagnostics.first { $0.code == "site.strings-invalid" })
        XCTAssertEqual(notObject.range?.start.line, 1)
        XCTAssertEqual(notObject.range?.start.column, 1)
        XCTAssertTrue(notObject.message.contains("JSON object"))
    }

    func testUnreadableMediaFileIsAnError() throws {
        let build = try SiteBuild(name: "media")
        try build.build(beforeEmit: {
            // Read when the content was loaded, gone when the site copies it.
            try build.remove("Content/media/act-means-purpose.svg")
        })
        let diagnostic = try XCTUnwrap(build.diagnostics.first { $0.code == "site.media" })
        XCTAssertEqual(diagnostic.code, "site.media")
        XCTAssertEqual(diagnostic.severity, .error)
        XCTAssertTrue(diagnostic.file.hasSuffix("Content/media/act-means-purpose.svg"), diagnostic.file)
        XCTAssertNil(diagnostic.range)
    }

    func testUnwritableOutputFileIsAnError() throws {
        let build = try SiteBuild(name: "write")
        try build.build(beforeEmit: {
            // A folder where a page must go.
            try FileManager.default.createDirectory(
                at: build.site.appendingPathComponent("es/index.html"), withIntermediateDirectories: true)
        })
        let diagnostic = try XCTUnwrap(build.diagnostics.first { $0.code == "site.write" })
        XCTAssertEqual(diagnostic.code, "site.write")
        XCTAssertEqual(diagnostic.severity, .error)
        XCTAssertTrue(diagnostic.file.hasSuffix("site/es/index.html"), diagnostic.file)
        XCTAssertEqual(diagnostic.message, "cannot write: Is a directory")
        XCTAssertEqual(build.diagnostics.filter { $0.code == "site.write" }.count, 1, "the other pages are written")
        XCTAssertNotNil(build.page("pt/index.html"))
    }

    func testTemplatesParseAndTransformsAreSyntaxErrors() throws {
        let build = try SiteBuild(name: "parsed")
        let (templates, problems) = SiteTemplates.load(
            folder: build.templates.appendingPathComponent("site"), displayFolder: "Templates/site")
        XCTAssertEqual(problems, [])
        XCTAssertNotNil(templates)

        // A transform (swift-mustache has them; our renderer names values only): an error at its tag.
        let layout = try build.read("Templates/site/layout.mustache")
        try build.write(
            "Templates/site/layout.mustache",
            layout.replacingOccurrences(
                of: "<title>{{page_title}}</title>", with: "<title>{{uppercased(page_title)}}</title>"))
        try build.build()
        let problem = try XCTUnwrap(build.diagnostics.first { $0.code == "site.template" })
        XCTAssertTrue(problem.file.hasSuffix("Templates/site/layout.mustache"), problem.file)
        XCTAssertTrue(problem.message.contains("uppercased(page_title)"), problem.message)
        let lines = layout.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(problem.range?.start.line, (lines.firstIndex { $0.contains("<title>") } ?? -2) + 1)
        XCTAssertEqual(problem.range?.start.column, 8, "at the tag")
        XCTAssertNil(build.page("index.html"), "nothing is written")
    }
}
