import Foundation

/// Folds letters for term matching: lower case, accents removed (`Víctima`,
/// `victima` and `VICTIMA` are one word), so a term matches however a writer
/// capitalised or accented it.
public enum TermFolding {
    /// Latin letters with diacritics (U+00C0–U+024F), folded once: they are
    /// nearly every non-ASCII letter in the guide's languages.
    private static let latin: [String] = (0xC0...0x24F).map { code in
        Unicode.Scalar(UInt32(code)).map { fold(slow: $0) } ?? ""
    }

    /// Appends the folded form of `scalar` (one or more scalars, or none for a combining mark).
    public static func append(_ scalar: Unicode.Scalar, to out: inout String) {
        let value = scalar.value
        if value < 0x80 {
            out.unicodeScalars.append(value >= 0x41 && value <= 0x5A ? Unicode.Scalar(UInt8(value + 0x20)) : scalar)
        } else if value >= 0xC0 && value <= 0x24F {
            out += latin[Int(value) - 0xC0]
        } else {
            out += fold(slow: scalar)
        }
    }

    /// The folded form of a whole text.
    public static func fold(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars { append(scalar, to: &out) }
        return out
    }

    private static func fold(slow scalar: Unicode.Scalar) -> String {
        if isMark(scalar) { return "" }
        var out = ""
        for part in String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars where !isMark(part) {
            out += part.properties.lowercaseMapping
        }
        return out
    }

    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// Whether a scalar is part of a word: a letter, digit or combining mark.
    public static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (value >= 0x30 && value <= 0x39) || (value | 0x20 >= 0x61 && value | 0x20 <= 0x7A)
        }
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil || isMark(scalar)
    }
}
