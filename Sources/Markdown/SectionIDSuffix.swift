/// A trailing `{#id}` on a heading's text (`## Qué hacer {#steps}`).
///
/// Anything ending the heading that starts with `{`, optional spaces and `#`
/// and ends with `}` counts as an attempt; it is an id only if the text
/// between `{#` and `}` matches `[a-z0-9]+(-[a-z0-9]+)*`.
struct SectionIDSuffix {
    /// The suffix as written, e.g. `{#steps}`.
    let written: String
    /// The id, or nil when the suffix is malformed.
    let id: String?
    /// The heading's inlines without the suffix and the spaces before it.
    let remainingInlines: [Inline]

    init?(_ inlines: [Inline]) {
        guard case .text(let text)? = inlines.last,
            // Most headings have no suffix: their last byte that is not a blank is not `}`.
            text.utf8.last(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }) == UInt8(ascii: "}")
        else { return nil }
        let trimmed = text.trimmingTrailingWhitespace
        guard trimmed.hasSuffix("}"), let brace = trimmed.lastIndex(of: "{") else { return nil }
        let afterBrace = trimmed[trimmed.index(after: brace)...]
        guard afterBrace.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("#") else { return nil }
        written = String(trimmed[brace...])
        let candidate = afterBrace.dropFirst().dropLast()
        id = afterBrace.hasPrefix("#") && Self.isValid(candidate) ? String(candidate) : nil
        let before = String(trimmed[..<brace]).trimmingTrailingWhitespace
        var remaining = Array(inlines.dropLast())
        if !before.isEmpty { remaining.append(.text(before)) }
        remainingInlines = remaining
    }

    static func isValid<S: StringProtocol>(_ id: S) -> Bool { IdentifierSyntax.isValid(id) }

    /// A valid id close to a malformed suffix (`{# Next Steps}` → `next-steps`).
    static func suggestion(for written: String) -> String? {
        var result = ""
        for scalar in written.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                result.unicodeScalars.append(scalar)
            } else if !result.isEmpty, !result.hasSuffix("-") {
                result += "-"
            }
        }
        while result.hasSuffix("-") { result.removeLast() }
        return result.isEmpty ? nil : result
    }
}

extension String {
    var trimmingTrailingWhitespace: String {
        var result = self
        while let last = result.last, last == " " || last == "\t" { result.removeLast() }
        return result
    }
}

/// The one rule for ids (entry ids in file names, section ids, references).
public enum IdentifierSyntax {
    /// Whether `id` matches `[a-z0-9]+(-[a-z0-9]+)*`, read byte by byte.
    public static func isValid<S: StringProtocol>(_ id: S) -> Bool {
        var previousWasHyphen = true
        for byte in id.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                previousWasHyphen = false
            case UInt8(ascii: "-") where !previousWasHyphen:
                previousWasHyphen = true
            default:
                return false
            }
        }
        return !previousWasHyphen
    }
}
