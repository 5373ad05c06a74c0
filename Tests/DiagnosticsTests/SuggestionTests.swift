import XCTest

@testable import Diagnostics

/// The bounded edit distance behind "did you mean" gives what the plain
/// full-table algorithm gives, and suggestions stay the same.
final class SuggestionTests: XCTestCase {
    /// Optimal string alignment distance, the whole table: the reference.
    func reference(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in stride(from: 1, through: a.count, by: 1) {
            for j in stride(from: 1, through: b.count, by: 1) {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }

    func testBoundedDistanceAgreesWithTheFullTable() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("abcé-".unicodeScalars)
        for _ in 0..<3000 {
            let a = (0..<Int.random(in: 0...9, using: &generator)).map { _ in alphabet.randomElement(using: &generator)!
            }
            let b = (0..<Int.random(in: 0...9, using: &generator)).map { _ in alphabet.randomElement(using: &generator)!
            }
            let exact = reference(a, b)
            XCTAssertEqual(
                Suggestion.distance(String(String.UnicodeScalarView(a)), String(String.UnicodeScalarView(b))), exact)
            for limit in 0...4 {
                XCTAssertEqual(
                    Suggestion.distance(a, b, atMost: limit), exact <= limit ? exact : nil, "\(a) \(b) \(limit)")
            }
        }
    }

    func testSuggestions() {
        let entries = [
            "indicators/holds-no-documents", "indicators/companion-answers-for-traveller", "protocols/alert-at-gate",
        ]
        XCTAssertEqual(
            Suggestion.closest(to: "indicators/hold-no-documents", among: entries), "indicators/holds-no-documents")
        XCTAssertEqual(Suggestion.closest(to: "protocols/alert-at-gaet", among: entries), "protocols/alert-at-gate")
        XCTAssertNil(Suggestion.closest(to: "concepts/consent", among: entries))
        XCTAssertEqual(Suggestion.closest(to: "strnog", among: ["contextual", "moderate", "strong"]), "strong")
        XCTAssertEqual(Suggestion.closest(to: "STRONG", among: ["strong"]), "strong", "case does not count")
    }
}
