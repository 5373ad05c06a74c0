import Foundation
import GuideModel
import JSON
import Loader
import Markdown
import XCTest

@testable import SiteEmitter

/// The search index's words and its process-wide memo of folded files.
final class SearchIndexTests: XCTestCase {
    private func file(_ text: String, id: String = "sample", language: String = "en") throws -> EntryFile {
        try EntryFileLoader.parse(
            text, type: .concepts, id: id, language: language, path: "Content/concepts/\(id).\(language).md"
        ).get()
    }

    /// The words taken from the tree directly are the words of the plain text.
    func testWordsAreThoseOfThePlainText() throws {
        let body = """
            # Título *énfasis*dentro {#intro}

            Un**believ**able `code`span, [a link](concepts/consent) and ![alt TEXT](media/x.svg).
            Line two\\
            after a break, Ｆｕｌｌ width and Straße, İstanbul, ça va.

            10. tenth item
            11. eleventh
                - nested *item*
                - [x] done task
                - [ ] open task

            > quoted **text**
            > > deeper quote

            | Left | Right |
            | :--- | ----: |
            | a1 | b2 |

            ```swift
            let x = 1
            ```

            ---

            <div>raw html</div> end العربية ελληνικά 中文
            """
        let parsed = MarkdownParser.parse(body)
        var text: [UInt8] = []
        SearchIndex.appendSearchText(parsed.blocks, to: &text)
        let expected = SearchIndex.words(PlainTextRenderer().render(parsed))
        XCTAssertEqual(String(decoding: SearchIndex.words(bytes: text), as: UTF8.self), expected)
        XCTAssertTrue(expected.hasPrefix("titulo enfasisdentro unbelievable codespan"), expected)
        XCTAssertTrue(expected.contains(" 10 tenth "), expected)

        // Every file of the sample guide.
        let content = SiteBuild.repository.appendingPathComponent("Content")
        let loaded = ContentLoader(root: content, displayRoot: "Content").load()
        var checked = 0
        for entry in loaded.guide.allEntries {
            for file in entry.files.values {
                var bytes: [UInt8] = []
                SearchIndex.appendSearchText(file.body.blocks, to: &bytes)
                XCTAssertEqual(
                    String(decoding: SearchIndex.words(bytes: bytes), as: UTF8.self),
                    SearchIndex.words(PlainTextRenderer().render(file.body)), file.path)
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 50)
    }

    func testRepeatedWordsAppearOnce() {
        let many = (0..<3000).map { "w\($0 % 1500)" }.joined(separator: " ")
        let words = SearchIndex.words(many + " Ünïcode ünicode UNICODE")
        XCTAssertEqual(words.split(separator: " ").count, 1501)
        XCTAssertTrue(words.hasPrefix("w0 w1 w2 "))
        XCTAssertTrue(words.hasSuffix(" w1499 unicode"))
    }

    /// The same text, id and aliases give the stored bytes; a changed text is folded again.
    func testStoreIsKeyedByTheFilesTextAndIsBounded() throws {
        let store = SearchIndex.FoldedStore(limit: 4)
        let first = try file("---\ntitle: Débt bondage\nsummary: Owing money\n---\nWork to repay a debt.\n")
        XCTAssertFalse(first.contentHash.isEmpty)
        let folded = store.members(first, aliases: ["Peonage"])
        XCTAssertEqual(folded, SearchIndex.members(first, aliases: ["Peonage"]))
        let text = String(decoding: folded, as: UTF8.self)
        XCTAssertTrue(text.contains(#""nt":"debt bondage""#), text)
        XCTAssertTrue(text.contains(#""na":"peonage""#), text)
        XCTAssertTrue(text.contains(#""nb":"work to repay debt""#), text)
        XCTAssertEqual(store.members(first, aliases: ["Peonage"]), folded)
        XCTAssertNotEqual(store.members(first, aliases: []), folded, "aliases from the source file are part of the key")

        let edited = try file("---\ntitle: Débt bondage\nsummary: Owing money\n---\nWork to repay a loan.\n")
        XCTAssertTrue(
            String(decoding: store.members(edited, aliases: ["Peonage"]), as: UTF8.self).contains("repay loan"))

        for index in 0..<10 {
            _ = store.members(try file("---\ntitle: T\(index)\n---\nBody \(index).\n", id: "t\(index)"), aliases: [])
        }
        XCTAssertLessThanOrEqual(store.count, 4)
    }

    /// A second build in the same process after one edit shows the edit.
    func testRebuildAfterAnEditUpdatesTheIndex() throws {
        let build = try SiteBuild(name: "search-rebuild")
        try build.build()
        let before = build.page("en/search/index.js")!
        let path = "Content/concepts/consent.en.md"
        let text = try build.read(path)
        try build.write(path, text + "\nZanzibarquux appears here.\n")
        try build.build()
        let after = build.page("en/search/index.js")!
        XCTAssertFalse(before.contains("zanzibarquux"))
        XCTAssertTrue(after.contains("zanzibarquux"))
        try build.write(path, text)
        try build.build()
        XCTAssertEqual(build.page("en/search/index.js")!, before)
    }
}
