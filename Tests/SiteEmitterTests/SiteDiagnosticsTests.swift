import Diagnostics
import Foundation
import XCTest

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
        XCTAssertTrue(page.contains(">Quick exit</a>"), "falls back to the source language's strings")
    }

    func testMissingKeyWarnsAtTheStringsFile() throws {
        let build = try SiteBuild(name: "keys")
        let text = try build.read("Templates/strings/pt.json")
        try build.write("Templates/strings/pt.json", text.replacingOccurrences(of: "  \"quick_exit\": \"Saída rápida\",\n", with: ""))
        try build.build()
        let problem = try XCTUnwrap(build.diagnostics.first { $0.code == "site.strings-missing" })
        XCTAssertEqual(problem.severity, .warning)
        XCTAssertTrue(problem.file.hasSuffix("Templates/strings/pt.json"), problem.file)
        XCTAssertTrue(problem.message.contains("quick_exit"))
        XCTAssertTrue(try XCTUnwrap(build.page("pt/index.html")).contains(">Quick exit</a>"))
    }

    func testTemplateSyntaxErrorPointsAtItsLine() throws {
        let build = try SiteBuild(name: "template")
        try build.write("Templates/site/partials/notice.mustache", "<div>\n<p>{{#text}}unclosed</p>\n</div>\n")
        try build.build()
        let problem = try XCTUnwrap(build.diagnostics.first { $0.code == "site.template" })
        XCTAssertEqual(problem.severity, .error)
        XCTAssertTrue(problem.file.hasSuffix("Templates/site/partials/notice.mustache"), problem.file)
        XCTAssertNotNil(problem.range)
        XCTAssertNil(build.page("index.html"), "nothing is written when templates are broken")
    }

    func testUnknownPartialIsAnError() throws {
        let build = try SiteBuild(name: "partial")
        let layout = try build.read("Templates/site/layout.mustache")
        try build.write("Templates/site/layout.mustache", layout.replacingOccurrences(of: "{{> partials/quick-exit}}", with: "{{> partials/quick-exitt}}"))
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
        XCTAssertEqual(problem.range?.start.line, 2)
    }
}
