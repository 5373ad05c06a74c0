import Diagnostics
import Foundation
import GuideModel
import Markdown

/// The things a translation must carry over unchanged from its source body:
/// phone numbers, e-mail addresses, URLs and references, with where each is.
struct BodyTokens {
    private(set) var items: [(kind: String, value: String, range: SourceRange)] = []
    private var keys: Set<String> = []

    private static let phone = try! NSRegularExpression(pattern: #"\+?\d[\d ().-]{5,}\d"#)
    private static let email = try! NSRegularExpression(pattern: #"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"#)

    init(_ file: EntryFile) {
        for occurrence in file.body.links where !occurrence.isImage {
            let dest = occurrence.link.destination
            let range = occurrence.link.destinationRange ?? occurrence.link.range
            if Reference.looksLikeReference(dest) {
                add("reference", dest, range)
            } else if dest.hasPrefix("mailto:") {
                add("e-mail address", String(dest.dropFirst(7)), range)
            } else if dest.hasPrefix("tel:") {
                add("phone number", Self.digits(String(dest.dropFirst(4))), range)
            } else if dest.contains("://") {
                add("URL", dest, range)
            }
        }
        scanText(file)
    }

    func contains(_ kind: String, _ value: String) -> Bool { keys.contains(kind + "\u{0}" + value) }

    private mutating func add(_ kind: String, _ value: String, _ range: SourceRange) {
        guard keys.insert(kind + "\u{0}" + value).inserted else { return }
        items.append((kind, value, range))
    }

    /// Phone numbers and e-mail addresses written as plain text, line by line.
    private mutating func scanText(_ file: EntryFile) {
        for (index, line) in file.bodyText.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let text = String(line)
            let ns = text as NSString
            let whole = NSRange(location: 0, length: ns.length)
            for match in Self.email.matches(in: text, range: whole) {
                add("e-mail address", ns.substring(with: match.range), range(match.range, in: text, line: file.bodyLine + index))
            }
            for match in Self.phone.matches(in: text, range: whole) {
                let written = ns.substring(with: match.range)
                let digits = Self.digits(written)
                guard digits.count >= 7, written.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) == nil
                else { continue }
                add("phone number", digits, range(match.range, in: text, line: file.bodyLine + index))
            }
        }
    }

    private func range(_ r: NSRange, in text: String, line: Int) -> SourceRange {
        let utf16 = text.utf16
        let start = utf16.index(utf16.startIndex, offsetBy: r.location)
        let end = utf16.index(start, offsetBy: r.length)
        let column = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: start) + 1
        let length = text.unicodeScalars.distance(from: start, to: end)
        return SourceRange(line: line, column: column, length: length)
    }

    /// A phone number reduced to `+` and digits, so `809-200-7393` and `809 200 7393` compare equal.
    static func digits(_ s: String) -> String {
        String(s.filter { $0.isASCII && ($0.isNumber || $0 == "+") })
    }
}
