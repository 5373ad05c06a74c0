import Synchronization
import XCTest

@testable import Markdown

/// Nesting deeper than the parser keeps is cut and reported, never walked:
/// 100,000 nested lists on one line (200 KB) once overflowed the stack of a
/// worker thread. Run on a worker thread with its small stack, as loads are.
final class NestingDepthTests: XCTestCase {
    func depth(_ blocks: [Block]) -> Int {
        blocks.map { block -> Int in
            switch block.kind {
            case .list(let list): return 1 + (list.items.map { 1 + depth($0.blocks) }.max() ?? 0)
            case .blockQuote(let inner): return 1 + depth(inner)
            default: return 0
            }
        }.max() ?? 0
    }

    func testDeepNestingIsCutAndReported() {
        let cases = [
            "- " + String(repeating: "- ", count: 100_000) + "deep",
            String(repeating: ">", count: 300_000) + " deep",
            String(repeating: "*a ", count: 100_000) + String(repeating: "a*", count: 100_000),
        ]
        for text in cases {
            let parsed = Parsed()
            let done = DispatchSemaphore(value: 0)
            DispatchQueue.global().async {
                let document = MarkdownParser.parse("First.\n\n" + text + "\n")
                parsed.document.withLock { $0 = document }
                done.signal()
            }
            done.wait()
            let document = parsed.document.withLock { $0! }
            XCTAssertLessThanOrEqual(depth(document.blocks), MarkdownParser.maximumDepth + 1)
            XCTAssertEqual(document.blocks.first.map { PlainTextRenderer().render([$0]) }, "First.")
            _ = HTMLRenderer().render(document)
            _ = PlainTextRenderer().render(document)
            if text.hasPrefix("-") || text.hasPrefix(">") {
                let problem = document.problems.first { $0.kind == .tooDeep }
                XCTAssertEqual(problem?.range.start.line, 3, String(text.prefix(10)))
            }
        }
    }

    func testOrdinaryNestingIsKept() {
        let document = MarkdownParser.parse("- a\n  - b\n    - c\n\n> quote\n> > inner\n")
        XCTAssertTrue(document.problems.isEmpty)
        XCTAssertEqual(depth(document.blocks), 6)
    }
}

private final class Parsed: Sendable {
    let document = Mutex<MarkdownDocument?>(nil)
}
