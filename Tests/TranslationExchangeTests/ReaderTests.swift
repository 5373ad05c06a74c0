import Diagnostics
import XCTest

@testable import TranslationExchange

/// Malformed XLIFF and PO files are diagnostics at their line, never a crash.
final class ReaderTests: XCTestCase {
    func xliff(_ body: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
          <file original="concepts/consent.en.md" source-language="en" target-language="es" datatype="x-markdown">
            <header><note from="guide">source_hash=0123456789abcdef structure=00000000000000aa</note></header>
            <body>
        \(body)
            </body>
          </file>
        </xliff>
        """
    }

    func testAWellFormedFileIsReadWithItsUnitsAndCodes() throws {
        let text = xliff(
            """
                  <group id="g">
                  <trans-unit id="body.1"><source>See <bpt id="1" ctype="link">[</bpt>this<ept id="1">](concepts/consent)</ept> &amp; <ph id="2" ctype="x-code">`x`</ph>.</source>
                    <target state="final"><mrk mtype="seg">Vea <g id="1">esto</g> &amp; <x id="2"/>.</mrk></target></trans-unit>
                  </group>
            """)
        let (document, diagnostics) = XLIFFReader.read(text, path: "es.xlf")
        XCTAssertEqual(diagnostics, [])
        let entry = try XCTUnwrap(document?.entries.first)
        XCTAssertEqual(entry.reference.description, "concepts/consent")
        XCTAssertEqual(entry.version, ExportVersion(sourceHash: "0123456789abcdef", structure: "00000000000000aa"))
        let unit = try XCTUnwrap(entry.units.first)
        XCTAssertEqual(unit.key, "body.1")
        XCTAssertEqual(unit.line, 7)
        XCTAssertEqual(unit.status, .published)
        XCTAssertEqual(
            unit.source,
            [
                .text("See "), .open(InlineCode(id: 1, kind: .link, native: "[")), .text("this"),
                .close(InlineCode(id: 1, kind: .link, native: "](concepts/consent)")), .text(" & "),
                .placeholder(InlineCode(id: 2, kind: .code, native: "`x`")), .text("."),
            ])
        XCTAssertEqual(unit.target?.plainText, "Vea esto & .")
        XCTAssertEqual(unit.target?.compactMap(\.code).map(\.id), [1, 1, 2])
    }

    func testMalformedXMLIsReportedAtItsLine() {
        let cases: [(String, Int, String)] = [
            (xliff("<trans-unit id=\"title\"><source>a</target></trans-unit>"), 6, "</target> closes <source>"),
            (xliff("<trans-unit id=\"title\"><source>a &nbsp; b</source></trans-unit>"), 6, "unknown entity"),
            ("<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY a \"b\">]>\n<xliff/>", 2, "DOCTYPE"),
            ("<xliff version=\"1.2\">\n<file", 2, "not closed"),
            ("", 1, "no root element"),
            (String(repeating: "<a>", count: 500), 1, "nested"),
        ]
        for (text, line, message) in cases {
            let (document, diagnostics) = XLIFFReader.read(text, path: "es.xlf")
            XCTAssertNil(document)
            XCTAssertEqual(diagnostics.count, 1, message)
            XCTAssertEqual(diagnostics.first?.code, "translate.syntax", message)
            XCTAssertEqual(diagnostics.first?.position.line, line, message)
            XCTAssertTrue(
                diagnostics.first?.message.contains(message) == true,
                "\(diagnostics.first?.message ?? "") lacks \(message)")
        }
    }

    func testAFileThatIsNotXLIFF12IsRefused() {
        let (document, diagnostics) = XLIFFReader.read("<xliff version=\"2.0\"></xliff>", path: "es.xlf")
        XCTAssertNil(document)
        XCTAssertEqual(diagnostics.count, 1)
        XCTAssertEqual(diagnostics.first?.code, "translate.format")
    }

    func testPOIsReadAndItsErrorsAreAtTheirLine() throws {
        let po = """
            msgid ""
            msgstr ""
            "Language: pap\\n"

            #. concepts/consent source_hash=0123456789abcdef structure=00000000000000aa
            #, fuzzy
            msgctxt "concepts/consent#body.2"
            msgid "See [this](concepts/consent) \\"now\\""
            msgstr ""
            "Mira [esaki](concepts/consent) "
            "\\"awor\\""
            """
        let (document, diagnostics) = POReader.read(po, path: "pap.po")
        XCTAssertEqual(diagnostics, [])
        let unit = try XCTUnwrap(document?.entries.first?.units.first)
        XCTAssertEqual(unit.key, "body.2")
        XCTAssertEqual(unit.status, .review)
        XCTAssertEqual(unit.target?.plainText, "Mira esaki \"awor\"")
        XCTAssertEqual(unit.targetLine, 9)
        XCTAssertEqual(document?.entries.first?.version?.sourceHash, "0123456789abcdef")

        for (text, line) in [
            ("msgid \"a\nmsgstr \"b\"", 1), ("msgid \"a\"\nmsgstr \"b\\q\"", 2),
            ("msgid \"\"\nmsgstr \"\"\nfoo \"x\"", 3),
        ] {
            let (document, diagnostics) = POReader.read(text, path: "pap.po")
            XCTAssertNil(document)
            XCTAssertEqual(diagnostics.count, 1)
            XCTAssertEqual(diagnostics.first?.code, "translate.syntax")
            XCTAssertEqual(diagnostics.first?.position.line, line)
        }
        let (none, noLanguage) = POReader.read("msgid \"\"\nmsgstr \"\"\n", path: "pap.po")
        XCTAssertNil(none)
        XCTAssertEqual(noLanguage.first?.code, "translate.format")
    }

    func testYAMLScalarsReadBackAsWritten() {
        XCTAssertEqual(YAMLScalar.render("Consentimiento"), "Consentimiento")
        XCTAssertEqual(YAMLScalar.render("Trinidad y Tobago: línea"), "\"Trinidad y Tobago: línea\"")
        XCTAssertEqual(YAMLScalar.render("no"), "\"no\"")
        XCTAssertEqual(YAMLScalar.render("¿Qué?"), "\"¿Qué?\"")
        XCTAssertEqual(YAMLScalar.render("a \"b\" \\ c\n"), "\"a \\\"b\\\" \\\\ c\\n\"")
        XCTAssertEqual(YAMLScalar.flowSequence(["uno", "dos, tres", "[x]"]), "[uno, \"dos, tres\", \"[x]\"]")
    }
}
