import Foundation
import XCTest

/// Import on Markdown the sample guide does not use, on translations laid out
/// differently from their source, and on files it must not write.
final class TranslateMarkdownTests: XCTestCase {
    static let source = """
        ---
        title: "Tricky: *not* emphasis"
        summary: A summary with "quotes" & ampersands.
        status: published
        aliases: [one, "two, three"]
        ---

        Intro with _underscore emphasis_, **strong**, ~~struck~~, `code | pipe`, an
        autolink <https://example.org/a>, a bare www.example.org link, an entity &amp; and an
        escaped \\* star, a hard break\\
        and [a link](concepts/consent "Title here") with ![an image](media/act-means-purpose.svg).

        > A quoted paragraph with *emphasis*
        > over two lines.

        1. First step with a nested list:
           - nested *item*
           - another item
        2. Second step  
           with a two-space hard break.

        | Head | Other \\| pipe |
        | --- | --- |
        | cell *one* |  |

        ## A heading with `code` {#tricky-heading}

        Setext heading
        --------------

        Text with inline <span>html</span> and <div> there.

        """

    static let translation = """
        ---
        title: 'Difícil: *no* énfasis'
        summary: >-
          Un resumen con "comillas"
          y ampersands.
        status: review
        aliases:
          - uno
          - dos
        ---

        Intro con _énfasis_, **fuerte**, ~~tachado~~, `code | pipe`, un
          autolink <https://example.org/a>, un www.example.org suelto, una entidad &amp; y una
        estrella \\* escapada, un salto\\
        y [un enlace](concepts/consent "Title here") con ![una imagen](media/act-means-purpose.svg).

        > Un párrafo citado con *énfasis*
        > en dos líneas.

        1. Primer paso con una lista:
           - elemento *anidado*
           - otro elemento
        2. Segundo paso  
           con un salto de dos espacios.

        | Cabeza | Otra \\| barra |
        |:--|--:|
        | celda *uno* | |

        ## Un título con `code` {#tricky-heading}

        Título subrayado
        ----------------

        Texto con <span>html</span> en línea y <div> ahí.

        """

    func copyWithTrickyEntry() throws -> SampleCopy {
        let copy = try SampleCopy(templates: false)
        try copy.write("Content/concepts/tricky.en.md", Self.source)
        try copy.write("Content/concepts/tricky.pap.md", Self.translation)
        return copy
    }

    /// The export's target line holding `text`, and its index.
    func targetLine(_ lines: [String], containing text: String, file: StaticString = #filePath, line: UInt = #line)
        throws -> Int
    {
        try XCTUnwrap(
            lines.firstIndex { $0.contains("<target") && $0.contains(text) }, "no target with \(text)", file: file,
            line: line)
    }

    func testUnusualMarkdownSurvivesTheRoundTripAndAChangedUnitIsEscaped() throws {
        let copy = try copyWithTrickyEntry()
        let before = try TranslateCommandTests.snapshot(copy)
        for format in ["xliff", "po"] {
            let file = "pap.\(format == "po" ? "po" : "xlf")"
            XCTAssertEqual(
                try copy.guide(["translate", "export", "--language", "pap", "--format", format, "--file", file]).status,
                0)
            let imported = try copy.guide(["translate", "import", file])
            XCTAssertEqual(imported.stdout, "nothing to change\n", imported.stderr)
            XCTAssertEqual(try TranslateCommandTests.snapshot(copy), before)
        }
        var lines = try copy.read("pap.xlf").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let cell = try targetLine(lines, containing: "celda ")
        lines[cell] = lines[cell].replacingOccurrences(of: "celda ", with: "celda | [nueva] ")
        let summary = try targetLine(lines, containing: "Un resumen con")
        lines[summary] = lines[summary].replacingOccurrences(of: "Un resumen", with: "Otro resumen: nuevo")
        let alias = try targetLine(lines, containing: ">dos<")
        lines[alias] = lines[alias].replacingOccurrences(of: ">dos<", with: ">dos, tres<")
        try copy.write("changed.xlf", lines.joined(separator: "\n"))
        let imported = try copy.guide(["translate", "import", "changed.xlf"])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        let text = try copy.read("Content/concepts/tricky.pap.md")
        XCTAssertTrue(text.contains("| celda \\| \\[nueva\\] *uno* | |"), text)
        XCTAssertTrue(text.contains("summary: \"Otro resumen: nuevo con \\\"comillas\\\" y ampersands.\""), text)
        XCTAssertTrue(text.contains("aliases:\n  [uno, \"dos, tres\"]"), text)
        // Everything else is as it was.
        XCTAssertTrue(text.contains("  autolink <https://example.org/a>, un www.example.org suelto"), text)
        XCTAssertTrue(text.contains("|:--|--:|\n"), text)
        let checked = try copy.guide(["check", "--today", "2026-06-01"])
        XCTAssertFalse(checked.stderr.contains("tricky.pap.md") && checked.stderr.contains(": error:"), checked.stderr)
    }

    func testAnInlineCodeMovedToWhereItStartsABlockIsRefused() throws {
        let copy = try copyWithTrickyEntry()
        XCTAssertEqual(try copy.guide(["translate", "export", "--language", "pap", "--file", "pap.xlf"]).status, 0)
        var lines = try copy.read("pap.xlf").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let index = try targetLine(lines, containing: "Texto con")
        let div = "<ph id=\"3\" ctype=\"x-html\">&lt;div&gt;</ph>"
        XCTAssertTrue(lines[index].contains(div), lines[index])
        lines[index] = lines[index].replacingOccurrences(of: div, with: "").replacingOccurrences(
            of: "Texto con", with: div + "Texto con")
        try copy.write("moved.xlf", lines.joined(separator: "\n"))
        let before = try TranslateCommandTests.snapshot(copy)
        let result = try copy.guide(["translate", "import", "moved.xlf", "--format", "json"])
        XCTAssertEqual(result.status, 1, result.stderr)
        let diagnostics = try XCTUnwrap(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        let code = diagnostics.first?["code"] as? String
        XCTAssertEqual(code, "translate.markdown")
        XCTAssertEqual(diagnostics.first?["line"] as? Int, index + 1)
        XCTAssertEqual(try TranslateCommandTests.snapshot(copy), before)
    }

    func testABodyLaidOutDifferentlyIsNotPatchedUnitByUnit() throws {
        let copy = try copyWithTrickyEntry()
        try copy.edit(
            "Content/concepts/tricky.pap.md", replacing: "> Un párrafo citado con *énfasis*\n> en dos líneas.\n\n",
            with: "")
        XCTAssertEqual(try copy.guide(["translate", "export", "--language", "pap", "--file", "pap.xlf"]).status, 0)
        let xliff = try copy.read("pap.xlf")
        XCTAssertFalse(xliff.contains("Primer paso"), "an unaligned body must not be offered as targets")
        var lines = xliff.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let source = try XCTUnwrap(lines.firstIndex { $0.contains("<source>First step with a nested list:</source>") })
        lines.insert("        <target state=\"translated\">Primer paso.</target>", at: source + 1)
        try copy.write("partial.xlf", lines.joined(separator: "\n"))
        let before = try TranslateCommandTests.snapshot(copy)
        let result = try copy.guide(["translate", "import", "partial.xlf", "--format", "json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let diagnostics = try XCTUnwrap(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        let code = diagnostics.first?["code"] as? String
        XCTAssertEqual(code, "translate.structure")
        XCTAssertEqual(try TranslateCommandTests.snapshot(copy), before)
    }

    func testAnImportNeverWritesThroughASymbolicLink() throws {
        let copy = try SampleCopy(templates: false)
        let moved = copy.url("elsewhere.md")
        try FileManager.default.moveItem(at: copy.url("Content/concepts/consent.es.md"), to: moved)
        try FileManager.default.createSymbolicLink(
            atPath: copy.url("Content/concepts/consent.es.md").path,
            withDestinationPath: moved.path)
        let original = try Data(contentsOf: moved)
        XCTAssertEqual(try copy.guide(["translate", "export", "--language", "es", "--file", "es.xlf"]).status, 0)
        var xliff = try copy.read("es.xlf")
        // The link leaves Content/, so the loader does not read it: the import would create the translation.
        let start = try XCTUnwrap(xliff.range(of: "<file original=\"concepts/consent.en.md\""))
        let end = try XCTUnwrap(xliff.range(of: "</file>", range: start.upperBound..<xliff.endIndex))
        var entry = String(xliff[start.lowerBound..<end.upperBound])
        entry = entry.replacingOccurrences(
            of: #"<source>([^\n]*)</source>"#, with: "<source>$1</source><target state=\"translated\">$1</target>",
            options: .regularExpression)
        xliff.replaceSubrange(start.lowerBound..<end.upperBound, with: entry)
        try copy.write("es.xlf", xliff)
        let result = try copy.guide(["translate", "import", "es.xlf", "--format", "json"])
        XCTAssertEqual(result.status, 1, result.stderr)
        let diagnostics = try XCTUnwrap(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        let codes = diagnostics.compactMap { $0["code"] as? String }
        XCTAssertTrue(codes.contains { code in code == "translate.write" }, result.stdout)
        XCTAssertEqual(try Data(contentsOf: moved), original)
        XCTAssertEqual(
            try FileManager.default.destinationOfSymbolicLink(atPath: copy.url("Content/concepts/consent.es.md").path),
            moved.path)
    }
}
