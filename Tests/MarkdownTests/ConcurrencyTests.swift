import Dispatch
import Synchronization
import XCTest

@testable import Markdown

final class ConcurrencyTests: XCTestCase {
    /// A body of a few hundred words using every extension, varied by `n`.
    static func sampleBody(_ n: Int) -> String {
        var lines = ["## Sección \(n) {#section-\(n)}", ""]
        for paragraph in 0..<6 {
            lines.append(
                "Párrafo \(paragraph) con **énfasis**, ~~tachado~~, `código` y un [enlace](protocols/p-\(n)#steps).")
            lines.append("Más texto über www.example-\(n).org y <https://a.example/\(paragraph)> para leer con calma,")
            lines.append("porque cada línea cuenta palabras suficientes para parecer una guía real de referencia.")
            lines.append("")
        }
        lines += ["- [x] hecho \(n)", "- [ ] pendiente", "", "| a | b |", "|:--|--:|", "| \(n) | ~~x~~ |", ""]
        lines.append("Texto final con <span>html</span> y ![imagen](media/i-\(n).png).")
        return lines.joined(separator: "\n")
    }

    func testParallelParsingGivesTheSameResults() {
        let bodies = (0..<400).map(Self.sampleBody)
        let expected = bodies.map { MarkdownParser.parse($0, lineOffset: 5) }
        let results = Mutex([MarkdownDocument?](repeating: nil, count: bodies.count))
        DispatchQueue.concurrentPerform(iterations: bodies.count) { index in
            let document = MarkdownParser.parse(bodies[index], lineOffset: 5)
            results.withLock { $0[index] = document }
        }
        XCTAssertEqual(results.withLock { $0 }, expected)
        // Every extension was active in every parse.
        for document in expected {
            XCTAssertEqual(document.links.count, 6 * 3 + 1)
            XCTAssertTrue(HTMLRenderer().render(document).contains("<del>tachado</del>"))
            XCTAssertTrue(HTMLRenderer().render(document).contains("<table>"))
        }
    }
}
