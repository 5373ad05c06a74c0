import XCTest

@testable import Diagnostics

final class TextDiagnosticPrinterTests: XCTestCase {
    func testPrintsLocationSnippetCaretAndHelp() {
        let d = Diagnostic.error(
            "schema.enum", file: "Content/indicators/x.en.md",
            at: SourceRange(line: 5, column: 11, length: 6),
            "\"strnog\" is not one of contextual, moderate, strong", help: "did you mean \"strong\"?")
        let printer = TextDiagnosticPrinter { _, line in line == 5 ? "strength: strnog" : nil }
        XCTAssertEqual(
            printer.render(d),
            """
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
        for key in [
            "\"file\": \"f.md\"", "\"line\": 2", "\"column\": 3", "\"end_line\": 2", "\"end_column\": 7",
            "\"severity\": \"warning\"", "\"code\": \"a.b\"", "\"message\": \"m\"", "\"help\": null",
        ] {
            XCTAssertTrue(json.contains(key), key)
        }
    }

    /// A diagnostic on a very long line shows a window of it around the
    /// range, with the caret under the range: thousands of diagnostics on
    /// one 500 KB line print a line's worth each, not the whole line.
    func testLongLinesAreCutAroundTheRange() {
        let line = String(repeating: "a", count: 5000) + "TARGET" + String(repeating: "b", count: 5000)
        let d = Diagnostic.error("x.y", file: "f", at: SourceRange(line: 1, column: 5001, length: 6), "m")
        let out = TextDiagnosticPrinter { _, _ in line }.render(d)
        let lines = out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertLessThan(lines[1].count, TextDiagnosticPrinter.maximumWidth + 20, out)
        XCTAssertTrue(lines[1].contains("…aaa"), out)
        XCTAssertTrue(lines[1].contains("bbb…"), out)
        let caret = lines[2]
        let target = lines[1].range(of: "TARGET")!
        XCTAssertEqual(
            caret.distance(from: caret.startIndex, to: caret.firstIndex(of: "^")!),
            lines[1].distance(from: lines[1].startIndex, to: target.lowerBound))
        XCTAssertTrue(caret.hasSuffix("^~~~~~"), out)
    }

    /// Control characters from the content (a file name, a value, the line
    /// itself) never reach the terminal raw.
    func testControlCharactersAreEscaped() {
        let d = Diagnostic.error(
            "x.y", file: "Content/evil\u{1B}[31m\nname.md", at: SourceRange(line: 1, column: 1, length: 3),
            "value \"\u{07}\u{202E}x\"", help: "fix \u{1B}]0;title\u{07}")
        let out = TextDiagnosticPrinter { _, _ in "a\u{1B}[2Jb" }.render(d)
        XCTAssertFalse(out.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, out)
        XCTAssertFalse(out.unicodeScalars.contains { $0.value == 0x202E }, out)
        XCTAssertTrue(
            out.hasPrefix("Content/evil\\u{1B}[31m\\u{A}name.md:1:1: error: value \"\\u{7}\\u{202E}x\" [x.y]\n"), out)
        XCTAssertTrue(out.contains("  1 | a?[2Jb\n"), out)
        XCTAssertTrue(out.contains("help: fix \\u{1B}]0;title\\u{7}"), out)
    }
}
