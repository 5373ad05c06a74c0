import Dispatch
import XCTest
@testable import Markdown

final class ConcurrencyTests: XCTestCase {
    /// A body of a few hundred words using every extension, varied by `n`.
    static func sampleBody(_ n: Int) -> String {
        var lines = ["## Sección \(n) {#section-\(n)}", ""]
        for paragraph in 0..<6 {
            lines.append("Párrafo \(paragraph) con **énfasis**, ~~tachado~~, `código` y un [enlace](protocols/p-\(n)#steps).")
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
        final class Results: @unchecked Sendable {
            var documents: [MarkdownDocument?]
            let lock = NSLock()
            init(count: Int) { documents = Array(repeating: nil, count: count) }
        }
        let results = Results(count: bodies.count)
        DispatchQueue.concurrentPerform(iterations: bodies.count) { index in
            let document = MarkdownParser.parse(bodies[index], lineOffset: 5)
            results.lock.lock()
            results.documents[index] = document
            results.lock.unlock()
        }
        XCTAssertEqual(results.documents, expected)
        // Every extension was active in every parse.
        for document in expected {
            XCTAssertEqual(document.links.count, 6 * 3 + 1)
            XCTAssertTrue(HTMLRenderer().render(document).contains("<del>tachado</del>"))
            XCTAssertTrue(HTMLRenderer().render(document).contains("<table>"))
        }
    }

    func testSixThousandDocumentsParseQuickly() {
        let bodies = (0..<6000).map(Self.sampleBody)
        let start = DispatchTime.now()
        let cpuStart = clock()
        DispatchQueue.concurrentPerform(iterations: 2) { half in
            for index in stride(from: half, to: bodies.count, by: 2) {
                _ = MarkdownParser.parse(bodies[index])
            }
        }
        let cpuSeconds = Double(clock() - cpuStart) / Double(CLOCKS_PER_SEC)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        print("parsed \(bodies.count) documents in \(seconds) s (\(cpuSeconds) s of CPU)")
        // Measured in CPU time, so a busy shared machine does not make it flaky;
        // a smoke check against pathological slowdowns (release: about 0.6 s).
        #if DEBUG
        XCTAssertLessThan(cpuSeconds, 30)
        #else
        XCTAssertLessThan(cpuSeconds, 2)
        #endif
    }
}
