import XCTest

@testable import Templating

/// Syntax errors: 1-based line and column (in Unicode scalars) at the tag
/// to fix, with a plain message; and what the parser gives the site.
final class TemplateSyntaxTests: XCTestCase {
    private func error(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> TemplateSyntaxError? {
        do {
            _ = try Template(parsing: text)
            XCTFail("parsed: \(text)", file: file, line: line)
            return nil
        } catch let error as TemplateSyntaxError {
            return error
        } catch {
            XCTFail("\(error)", file: file, line: line)
            return nil
        }
    }

    private func assertError(
        _ text: String, _ line: Int, _ column: Int, _ message: String,
        file: StaticString = #filePath, line testLine: UInt = #line
    ) {
        guard let error = error(text, file: file, line: testLine) else { return }
        XCTAssertEqual(error.line, line, "line of \(error)", file: file, line: testLine)
        XCTAssertEqual(error.column, column, "column of \(error)", file: file, line: testLine)
        XCTAssertTrue(error.message.contains(message), error.message, file: file, line: testLine)
    }

    func testSectionsMustBeClosedByTheirName() {
        assertError("<div>\n<p>{{#text}}unclosed</p>\n</div>\n", 2, 4, "{{#text}} is never closed")
        assertError(
            "{{#a}}\n  {{^b}}x{{/a}}", 2, 10,
            "the closing tag does not match the open section: {{/a}} where {{^b}} (line 2) ends")
        assertError("x\n{{/a}}", 2, 1, "{{/a}} closes no open section")
        assertError("{{<layout}}{{$main}}x{{/layout}}", 1, 22, "the closing tag does not match the open section")
    }

    func testTagsMustBeFinished() {
        assertError("a {{name", 1, 3, "unfinished tag")
        assertError("a {{name\n<p>{{b}}</p>", 1, 3, "unfinished tag: no }} before the next {{")
        assertError("{{{name}}", 1, 1, "unfinished tag")
        assertError("{{! never ends", 1, 1, "unfinished comment")
        assertError("{{}}", 1, 1, "a tag without a name")
        assertError("{{a b}}", 1, 1, "\"a b\" is not a name")
        assertError("{{a..b}}", 1, 1, "\"a..b\" is not a name")
        assertError("{{.a}}", 1, 1, "\".a\" is not a name")
    }

    func testUnsupportedFeaturesAreErrors() {
        assertError(
            "<title>{{uppercased(title)}}</title>", 1, 8, "transforms such as \"uppercased(title)\" are not supported")
        assertError("{{>*name}}", 1, 1, "dynamic names")
        assertError("{{% CONTENT_TYPE: TEXT}}", 1, 1, "pragmas")
        assertError("{{=<% %>=}}<%a b c=%>", 1, 12, "\"a b c=\" is not a name")
        assertError("{{=<%=}}", 1, 1, "bad set-delimiter tag")
    }

    func testOnlyBlocksInsideParents() {
        assertError(
            "{{<layout}}\n{{title}}\n{{/layout}}", 2, 1,
            "only blocks ({{$name}}…{{/name}}) and text may appear inside {{< layout}}")
        XCTAssertNoThrow(try Template(parsing: "{{<layout}}\ntext {{! note }}{{=| |=}}|$main|x|/main||/layout|"))
    }

    func testColumnsCountUnicodeScalars() {
        assertError("Añadir «{{#x}}»", 1, 9, "{{#x}} is never closed")
    }

    func testPartialTagsAreListedWhereTheyStand() throws {
        let template = try Template(
            parsing: "{{! {{>not-a-tag}} }}\n  {{> partials/a }}\n{{<layout}}{{$b}}{{>partials/c}}{{/b}}{{/layout}}")
        XCTAssertEqual(
            template.partialTags,
            [
                PartialTag(name: "partials/a", line: 2, column: 3, length: 17),
                PartialTag(name: "layout", line: 3, column: 1, length: 11),
                PartialTag(name: "partials/c", line: 3, column: 18, length: 15),
            ])
    }

    func testATemplateThatIncludesItselfStops() throws {
        let library = TemplateLibrary(["self": try Template(parsing: "x{{>self}}")])
        XCTAssertEqual(library.render("self", .object([:])), String(repeating: "x", count: 101))
    }

    func testValuesRenderAsTheSpecPrintsThem() throws {
        let library = TemplateLibrary([
            "t": try Template(parsing: "{{a}} {{b}} {{c}} {{d}} {{e}}|{{#has_e}}e{{/has_e}}{{^has_f}}no f{{/has_f}}")
        ])
        let context: TemplateValue = ["a": 85, "b": .decimal(1.21), "c": true, "d": "<'&\">", "e": ["x"], "f": []]
        XCTAssertEqual(library.render("t", context), "85 1.21 true &lt;&#39;&amp;&quot;&gt; |eno f")
    }
}
