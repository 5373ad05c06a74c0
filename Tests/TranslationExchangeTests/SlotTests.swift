import Foundation
import GuideModel
import Markdown
import XCTest

@testable import TranslationExchange

/// Every text of the sample guide becomes slots whose pieces, written back
/// as Markdown, read as the same pieces.
final class SlotTests: XCTestCase {
    func testEverySampleBlockIsReadIntoPiecesAndWrittenBackTheSame() throws {
        let guide = SampleContent.loaded.guide
        var count = 0
        for entry in guide.allEntries {
            for file in entry.files.values {
                let text = try String(contentsOfFile: SampleContent.repository.path + "/" + file.path, encoding: .utf8)
                let slots = SlotExtractor(file: file, text: text).bodySlots()
                for slot in slots {
                    let pieces = try XCTUnwrap(slot.pieces, "\(file.path):\(slot.line) \(slot.shape) not read")
                    count += 1
                    let markdown = pieces.markdown(in: slot.context, continuation: slot.continuation)
                    let written = String(decoding: Array(text.utf8)[slot.span], as: UTF8.self)
                    let reread = Self.pieces(of: markdown, context: slot.context)
                    XCTAssertEqual(
                        reread?.map(Self.describe), pieces.map(Self.describe),
                        "\(file.path):\(slot.line): \(written) → \(markdown)")
                }
            }
        }
        XCTAssertGreaterThan(count, 1000)
    }

    /// Pieces of one block's Markdown, parsed alone.
    static func pieces(of markdown: String, context: MarkdownContext) -> [Piece]? {
        let text: String
        switch context {
        case .heading: text = "## " + markdown + "\n"
        case .tableCell: text = "| " + markdown + " |\n| --- |\n"
        case .block: text = markdown + "\n"
        }
        let document = MarkdownParser.parse(text)
        guard let block = document.blocks.first else { return [] }
        let inlines: [Inline]
        switch block.kind {
        case .paragraph(let i): inlines = i
        case .heading(let h): inlines = h.inlines
        case .table(let t): inlines = t.header.cells.first ?? []
        default: return nil
        }
        let bytes = Array(text.utf8)
        let start = context == .heading ? 3 : context == .tableCell ? 2 : 0
        let end = start + markdown.utf8.count
        return InlineAligner.pieces(inlines, bytes: bytes, span: start..<end)
    }

    static func describe(_ piece: Piece) -> String {
        switch piece {
        case .text(let s): return "text(\(s))"
        case .open(let c): return "open(\(c.id),\(c.kind))"
        case .close(let c): return "close(\(c.id),\(c.kind),\(c.kind == .link || c.kind == .image ? c.native : ""))"
        case .placeholder(let c): return "ph(\(c.id),\(c.kind),\(c.native))"
        }
    }
}
