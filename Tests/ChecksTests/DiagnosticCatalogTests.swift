import Foundation
import XCTest

/// docs/diagnostics.md documents every diagnostic code the sources can
/// produce, and every documented code is proven by a broken fixture or a
/// byte-level test that produces it.
final class DiagnosticCatalogTests: XCTestCase {
    static let catalog = FixtureGuide.repository.appendingPathComponent("docs/diagnostics.md")

    /// Codes used in Sources/: the first argument of `.error(`, `.warning(` or
    /// `Diagnostic(`, and any other string literal of the same families (codes
    /// chosen in a ternary, such as "section.duplicate" : "section.id").
    /// File names such as "guide.yml" are not of a code family.
    static func codesInSources() throws -> [String: String] {
        let sources = FixtureGuide.repository.appendingPathComponent("Sources")
        let call = try NSRegularExpression(
            pattern: #"(?:\.error|\.warning|Diagnostic)\(\s*"([a-z]+)\.[a-z]+(?:-[a-z]+)*""#)
        let literal = try NSRegularExpression(pattern: #""([a-z]+)\.([a-z]+(?:-[a-z]+)*)""#)
        let files =
            FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
        XCTAssertFalse(files.isEmpty)
        let texts = try files.map { ($0, try String(contentsOf: $0, encoding: .utf8)) }
        var families: Set<String> = []
        for (_, text) in texts {
            let ns = text as NSString
            for match in call.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
                families.insert(ns.substring(with: match.range(at: 1)))
            }
        }
        var found: [String: String] = [:]
        for (file, text) in texts {
            let ns = text as NSString
            for match in literal.matches(in: text, range: NSRange(location: 0, length: ns.length))
            where families.contains(ns.substring(with: match.range(at: 1))) {
                let code = ns.substring(with: match.range(at: 1)) + "." + ns.substring(with: match.range(at: 2))
                found[code] = String(file.path.dropFirst(FixtureGuide.repository.path.count + 1))
            }
        }
        return found
    }

    /// Codes with a `### \`code\`` heading in docs/diagnostics.md.
    static func documentedCodes() throws -> Set<String> {
        let text = try String(contentsOf: catalog, encoding: .utf8)
        return Set(
            text.split(separator: "\n").compactMap { line -> String? in
                guard line.hasPrefix("### `"), line.hasSuffix("`") else { return nil }
                return String(line.dropFirst(5).dropLast())
            })
    }

    /// Codes some broken fixture's expected.txt holds.
    static func codesInFixtures() throws -> Set<String> {
        let broken = BrokenFixtureTests.broken
        var codes: Set<String> = []
        for name in try FileManager.default.contentsOfDirectory(atPath: broken.path) {
            let url = broken.appendingPathComponent(name).appendingPathComponent("expected.txt")
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            for line in text.split(separator: "\n") {
                if let open = line.lastIndex(of: "["), line.hasSuffix("]") {
                    codes.insert(String(line[line.index(after: open)..<line.index(before: line.endIndex)]))
                }
            }
        }
        return codes
    }

    func testEveryCodeInTheSourcesIsDocumented() throws {
        let used = try Self.codesInSources()
        let documented = try Self.documentedCodes()
        XCTAssertGreaterThan(used.count, 40)
        for (code, file) in used.sorted(by: { $0.key < $1.key }) where !documented.contains(code) {
            XCTFail("\(code) (used in \(file)) has no `### \\`\(code)\\`` section in docs/diagnostics.md")
        }
    }

    /// Codes that other test targets assert an output produces (build-time
    /// diagnostics such as `handout.overflow`): a line comparing a diagnostic's
    /// `code` with the code's literal.
    static func codesAssertedByOtherTests() throws -> Set<String> {
        let tests = FixtureGuide.repository.appendingPathComponent("Tests")
        var codes: Set<String> = []
        let files =
            FileManager.default.enumerator(at: tests, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" && !$0.path.contains("/ChecksTests/") }
            ?? []
        let pattern = try NSRegularExpression(pattern: #"code(, | == )"([a-z]+\.[a-z-]+)""#)
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8) as NSString
            for match in pattern.matches(in: text as String, range: NSRange(location: 0, length: text.length)) {
                codes.insert(text.substring(with: match.range(at: 2)))
            }
        }
        return codes
    }

    func testEveryDocumentedCodeIsProducedByATest() throws {
        let documented = try Self.documentedCodes()
        let proven = try Self.codesInFixtures().union(ByteLevelFixtureTests.codes).union(
            Self.codesAssertedByOtherTests())
        XCTAssertFalse(documented.isEmpty)
        for code in documented.sorted() where !proven.contains(code) {
            XCTFail("\(code) is documented but no broken fixture, byte-level test or output test produces it")
        }
    }

    func testEveryDocumentedCodeIsStillUsed() throws {
        let used = Set(try Self.codesInSources().keys)
        for code in try Self.documentedCodes().sorted() where !used.contains(code) {
            XCTFail("\(code) is documented but no longer used in Sources/")
        }
    }
}
