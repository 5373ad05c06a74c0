import Foundation

/// A compiled `pattern` / `patternProperties` regular expression.
///
/// JSON Schema uses the ECMA-262 dialect; NSRegularExpression (ICU) is close.
/// The differences that matter in practice are translated: `\d` and `\w` are
/// ASCII-only in ECMA-262 but Unicode-aware in ICU. Patterns are not anchored.
/// NSRegularExpression is immutable and documented thread-safe for matching.
final class ECMARegex: Sendable {
    let source: String
    private let regex: NSRegularExpression

    init(_ source: String) throws {
        self.source = source
        self.regex = try NSRegularExpression(pattern: ECMARegex.translate(source), options: [])
    }

    func matches(_ text: String) -> Bool {
        regex.firstMatch(in: text, options: [], range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// Rewrites ECMA-262 escapes whose meaning differs in ICU.
    static func translate(_ pattern: String) -> String {
        var out = ""
        var inClass = false
        var iterator = pattern.makeIterator()
        while let c = iterator.next() {
            if c == "\\", let next = iterator.next() {
                switch (next, inClass) {
                case ("d", false): out += "[0-9]"
                case ("d", true): out += "0-9"
                case ("D", false): out += "[^0-9]"
                case ("w", false): out += "[a-zA-Z0-9_]"
                case ("w", true): out += "a-zA-Z0-9_"
                case ("W", false): out += "[^a-zA-Z0-9_]"
                default:
                    out.append(c)
                    out.append(next)
                }
                continue
            }
            if c == "[" { inClass = true } else if c == "]" { inClass = false }
            out.append(c)
        }
        return out
    }
}
