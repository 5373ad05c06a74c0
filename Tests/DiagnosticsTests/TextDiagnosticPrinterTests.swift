import XCTest
@testable import Diagnostics

final class TextDiagnosticPrinterTests: XCTestCase {
    func testPrintsLocationSnippetCaretAndHelp() {
        let d = Diagnostic.error(
            "schema.enum", file: "Content/indicators/x.en.md",
            at: SourceRange(line: 5, column: 11, length: 6),
            "\"strnog\" is not one of contextual, moderate, strong", help: "did you mean \"strong\"?")
        let printer = TextDiagnosticPrinter { _, line in line == 5 ? "strength: strnog" : nil }
        XCTAssertEqual(printer.render(d), """
            Content/indicators/x.en.md:5:11: error: "strnog" is not one of contextual, moderate, strong [schema.enum]
              5 | strength: strnog
                |           ^~~~~~
              help: did you mean "strong"?

            """)
    }

    func testTabsPrintAsOneColumnSoTheCaretLinesUp() {
        let d = Diagnostic.warning("x.y", file: "f", at: SourceRange(line: 1, column: 3, length: 2), "m")
        let out = TextDiagnosticPrinter { _, _ in "\t\tab" }.render(d)
        XCTAssertTrue(out.contains("  1 |   ab\n    |   ^~\n"), out)
    }

    func testJSONHasTheFieldsSpecNames() {
        let d = Diagnostic.warning("a.b", file: "f.md", at: SourceRange(line: 2, column: 3, length: 4), "m")
        let json = JSONDiagnosticPrinter.render([d])
        for key in ["\"file\": \"f.md\"", "\"line\": 2", "\"column\": 3", "\"end_line\": 2", "\"end_column\": 7",
                    "\"severity\": \"warning\"", "\"code\": \"a.b\"", "\"message\": \"m\"", "\"help\": null"] {
            XCTAssertTrue(json.contains(key), key)
        }
    }
}
