import Foundation
import Markdown
import XCTest

@testable import HandoutEmitter

/// The pieces between the guide model and the renderer: Markdown to rich text, phone numbers,
/// interface strings with fallback.
final class ModelMappingTests: XCTestCase {
    func testMarkdownBecomesRichTextFaithfully() {
        let markdown = """
            Some *emphasis*, **strong**, ~~struck~~, `code` and [a reference](concepts/consent) \
            and [a site](https://example.org).

            ## Heading {#part}

            - one
              1. nested
            - [x] done

            | A | B |
            | --- | --- |
            | *x* | y |

            > quoted

            <b>raw</b>
            """
        let converter = RichTextConverter { destination in
            destination.hasPrefix("concepts/") ? .anchor(destination) : .url(destination)
        }
        let blocks = converter.blocks(MarkdownParser.parse(markdown).blocks)
        XCTAssertEqual(blocks.count, 6, "\(blocks)")
        guard case .paragraph(let runs) = blocks[0] else { return XCTFail("\(blocks[0])") }
        XCTAssertTrue(runs.contains(Run("emphasis", italic: true)))
        XCTAssertTrue(runs.contains(Run("strong", bold: true)))
        XCTAssertTrue(runs.contains(Run("struck", strike: true)))
        XCTAssertTrue(runs.contains(Run("code", code: true)))
        XCTAssertTrue(runs.contains(Run("a reference", link: .anchor("concepts/consent"))))
        XCTAssertTrue(runs.contains(Run("a site", link: .url("https://example.org"))))
        XCTAssertEqual(blocks[1], .heading(level: 2, runs: [Run("Heading")]))
        XCTAssertEqual(
            blocks[2],
            .list(
                ordered: false,
                items: [
                    [.paragraph([Run("one")]), .list(ordered: true, items: [[.paragraph([Run("nested")])]])],
                    [.paragraph([Run("[x] ", code: true), Run("done")])],
                ]))
        XCTAssertEqual(
            blocks[3], .table(header: [[Run("A")], [Run("B")]], rows: [[[Run("x", italic: true)], [Run("y")]]]))
        XCTAssertEqual(blocks[4], .callout([.paragraph([Run("quoted")])]))
        XCTAssertEqual(blocks[5], .paragraph([Run("raw")]), "raw HTML tags are dropped, their text kept")
    }

    func testPhoneNumbersAreGroupedWithoutChangingDigits() {
        XCTAssertEqual(PhoneNumber.display("+18688004288"), "+1 868 800 4288")
        XCTAssertEqual(PhoneNumber.display("+2975975223"), "+297 597 5223")
        XCTAssertEqual(PhoneNumber.display("+50922223333"), "+509 22 22 3333")
        XCTAssertEqual(PhoneNumber.display("911"), "911")
        XCTAssertEqual(PhoneNumber.display("+44123"), "+44123", "unknown shapes print as stored")
        XCTAssertEqual(PhoneNumber.link(type: "toll-free", value: "+18688004288"), "tel:+18688004288")
        XCTAssertEqual(PhoneNumber.link(type: "whatsapp", value: "+2975975223"), "https://wa.me/2975975223")
        XCTAssertNil(PhoneNumber.link(type: "fax", value: "+1"))
    }

    func testStringsFallBackToTheSourceLanguage() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("strings-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let english = SampleGuide.templates.appendingPathComponent("handouts/strings/en.yml")
        try FileManager.default.copyItem(at: english, to: folder.appendingPathComponent("en.yml"))
        try Data("what_to_do: Kico pa haci\nsections:\n  helplines: Lineanan di yudansa\n".utf8)
            .write(to: folder.appendingPathComponent("pap.yml"))
        let strings = try HandoutStrings.load(folder: folder, languages: ["pap", "xx"], sourceLanguage: "en")
        XCTAssertEqual(strings["pap"]?["what_to_do"], "Kico pa haci")
        XCTAssertEqual(strings["pap"]?["sections.helplines"], "Lineanan di yudansa")
        XCTAssertEqual(strings["pap"]?["steps"], "Steps", "a missing key falls back")
        XCTAssertEqual(strings["xx"]?["who_to_call"], "Who to call", "a missing file falls back")
        XCTAssertEqual(strings["en"]?.fallbackNotice(languageName: "English"), "Not yet translated: shown in English.")
    }

    /// Every language's strings file has every key the source language has.
    func testShippedStringsAreComplete() throws {
        let folder = SampleGuide.templates.appendingPathComponent("handouts/strings")
        let languages = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".yml") }.map { String($0.dropLast(4)) }
        XCTAssertEqual(Set(languages), ["en", "es", "nl", "pap", "ht", "pt"])
        for language in languages where language != "en" {
            let text = try String(contentsOf: folder.appendingPathComponent("\(language).yml"), encoding: .utf8)
            for key in HandoutStrings.requiredKeys {
                let leaf = key.split(separator: ".").last.map(String.init) ?? key
                XCTAssertTrue(text.contains("\(leaf):"), "\(language).yml lacks \(key)")
            }
        }
    }
}
