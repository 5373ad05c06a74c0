import Foundation
import XCTest

/// docs/bundle.md is the partner's only guide: every Python example it marks
/// `<!-- example: runs in CI (BundleDocsExampleTests) -->` runs here, as
/// written, against a bundle of the sample guide in `Output/bundle/`.
final class BundleDocsExampleTests: XCTestCase {
    static let marker = "<!-- example: runs in CI (BundleDocsExampleTests) -->"

    /// The code of each marked block, in document order.
    static func examples() throws -> [String] {
        let text = try String(
            contentsOf: TestGuide.repository.appendingPathComponent("docs/bundle.md"), encoding: .utf8)
        var examples: [String] = []
        var lines = text.components(separatedBy: "\n")[...]
        while let index = lines.firstIndex(of: marker) {
            lines = lines[(index + 1)...]
            guard lines.first == "```python", let end = lines.dropFirst().firstIndex(of: "```") else { break }
            examples.append(lines[(lines.startIndex + 1)..<end].joined(separator: "\n") + "\n")
            lines = lines[(end + 1)...]
        }
        return examples
    }

    func testEveryMarkedExampleRunsAgainstABuiltBundle() throws {
        let examples = try Self.examples()
        XCTAssertEqual(examples.count, 3, "checking a download, hashes, the worked example")
        let guide = try TestGuide()
        defer { guide.remove() }
        let bundle = try guide.build()
        let work = guide.root.appendingPathComponent("consumer")
        try FileManager.default.createDirectory(
            at: work.appendingPathComponent("Output"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            at: work.appendingPathComponent("Output/bundle"), withDestinationURL: bundle.folder)
        let python = try XCTUnwrap(Processes.which("python3"), "python3 with jsonschema is needed (scripts/setup.sh)")
        var outputs: [String] = []
        for (number, code) in examples.enumerated() {
            let script = work.appendingPathComponent("example\(number).py")
            try Data(code.utf8).write(to: script)
            let result = try XCTUnwrap(Processes.run(python, [script.path], in: work))
            XCTAssertEqual(
                result.status, 0, "example \(number + 1) of docs/bundle.md failed:\n\(result.stdout)\(result.stderr)")
            outputs.append(result.stdout)
        }
        XCTAssertEqual(outputs.first, "bundle complete and valid: 1.0.0\n")
        XCTAssertEqual(outputs.dropFirst().first, "every hash checks out\n")
        let screen = outputs.last ?? ""
        XCTAssertTrue(screen.hasPrefix("Indicadores — Check-in\n- "), screen)
        XCTAssertTrue(
            screen.contains("[traducción sin revisar]"), "the sample's Spanish texts are in review: \(screen)")
        XCTAssertTrue(screen.contains("tel:+18092007393  ⚠ verificado el 2016-09-05"), screen)
    }
}
