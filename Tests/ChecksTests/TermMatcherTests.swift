import Diagnostics
import GuideModel
import JSON
import XCTest

/// Term matching: whole words, case- and accent-insensitive, the longest
/// term first, multi-word terms across one line end, prose only.
final class TermMatcherTests: XCTestCase {
    static func termbase(_ terms: [String: [(String, Termbase.Kind)]]) -> Termbase {
        var concepts: [JSONValue] = []
        for (id, list) in terms.sorted(by: { $0.key < $1.key }) {
            var language = JSONObject()
            let preferred = list.first { $0.1 == .preferred }?.0 ?? list[0].0
            language["preferred"] = .string(preferred)
            language["variants"] = .array(list.filter { $0.1 == .variant }.map { .string($0.0) })
            language["forbidden"] = .array(
                list.filter { $0.1 == .forbidden }.map {
                    .object(JSONObject([("term", .string($0.0)), ("reason", .string("because"))]))
                })
            concepts.append(
                .object(
                    JSONObject([
                        ("id", .string(id)),
                        ("terms", .object(JSONObject([("es", .object(language))]))),
                    ])))
        }
        let value = JSONObject([("concepts", .array(concepts))])
        return Termbase(
            document: YAMLDocument(
                path: "termbase.yml", value: value,
                positions: FieldPositions(document: SourceRange(line: 1, column: 1, length: 1))))
    }

    let termbase = TermMatcherTests.termbase([
        "trafficking": [
            ("trata de personas", .preferred), ("trata", .variant),
            ("tráfico de personas", .forbidden), ("trafico", .forbidden),
        ],
        "smuggling": [("tráfico ilícito de migrantes", .preferred), ("trafico ilicito", .variant)],
        "non-punishment": [("no punición", .preferred), ("no-sanción", .variant)],
    ])

    func found(_ text: String, markdown: Bool = true, excluded: Set<Int> = []) -> [String] {
        let matcher = termbase.matchers["es"]!
        let words = WordScanner.words(in: text, line: 1, column: 1, markdown: markdown, excludedLines: excluded)
        return matcher.occurrences(in: words).map { "\($0.term.text)@\($0.range.start)-\($0.range.end)" }
    }

    func testCaseAndAccentsAreIgnored() {
        XCTAssertEqual(
            found("El TRÁFICO DE PERSONAS y el trafico de personas."),
            ["tráfico de personas@1:4-1:23", "tráfico de personas@1:29-1:48"])
        XCTAssertEqual(found("Tráfico ilícito de migrantes"), ["tráfico ilícito de migrantes@1:1-1:29"])
    }

    func testWholeWordsOnly() {
        XCTAssertEqual(found("tratamiento, contratado, traficantes"), [])
        XCTAssertEqual(found("(trata)"), ["trata@1:2-1:7"])
    }

    func testTheLongestTermWinsAndMatchesDoNotOverlap() {
        XCTAssertEqual(
            found("el trafico ilicito y el trafico"),
            ["trafico ilicito@1:4-1:19", "trafico@1:25-1:32"])
        XCTAssertEqual(found("trata de personas"), ["trata de personas@1:1-1:18"])
    }

    func testMultiWordTermsCrossOneLineEndButNotPunctuationOrParagraphs() {
        XCTAssertEqual(found("la trata de\npersonas"), ["trata de personas@1:4-2:9"])
        XCTAssertEqual(found("> la trata de\n> personas"), ["trata de personas@1:6-2:11"])
        XCTAssertEqual(found("la trata de\n\npersonas"), ["trata@1:4-1:9"])
        XCTAssertEqual(found("la trata, de personas"), ["trata@1:4-1:9"])
        XCTAssertEqual(found("la trata *de* personas"), ["trata@1:4-1:9"])
    }

    func testHyphenatedTermsMatchWithAHyphenOrASpace() {
        XCTAssertEqual(found("no-punición y no sanción"), ["no punición@1:1-1:12", "no-sanción@1:15-1:25"])
    }

    func testColumnsCountCharactersNotBytes() {
        XCTAssertEqual(found("ñññ ü trata"), ["trata@1:7-1:12"])
    }

    func testOnlyProseIsRead() {
        XCTAssertEqual(found("[la trata](concepts/trafico \"trafico\") y `trafico` {#trafico}"), ["trata@1:5-1:10"])
        XCTAssertEqual(found("<https://trafico.example.org/trata> https://www.example.org/trafico www.trafico.org"), [])
        XCTAssertEqual(found("``uno ` trafico``"), [])
        XCTAssertEqual(found("`uno\n\ntrafico`"), ["trafico@3:1-3:8"])
        XCTAssertEqual(found("trata\ntrafico\ntrata", excluded: [2]), ["trata@1:1-1:6", "trata@3:1-3:6"])
        XCTAssertEqual(found("https://example.org/trafico", markdown: false), [])
    }

    /// Every skip moves forward: pathological markup ends, and every word is seen once.
    func testPathologicalMarkupIsScannedOnce() {
        let text = String(repeating: "<<<``](((trata ", count: 2_000)
        XCTAssertEqual(found(text).count, 0) // all inside a destination or code span, or not
        let prose = String(repeating: "la trata de personas ", count: 20_000)
        XCTAssertEqual(found(prose).count, 20_000)
    }
}
