/// Escaping and URL checks for `HTMLRenderer`.
public enum HTMLEscaping {
    /// Text content and attribute values: `&`, `<`, `>` and `"` escaped.
    public static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for character in text.unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    /// A URL for an `href` or `src` attribute: characters outside the URL-safe
    /// ASCII set percent-encoded (as UTF-8), `&` and `'` as entities, as
    /// cmark's own HTML renderer does.
    static func escapeURL(_ url: String) -> String {
        var out = ""
        out.reserveCapacity(url.utf8.count)
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in url.utf8 {
            switch byte {
            case UInt8(ascii: "&"): out += "&amp;"
            case UInt8(ascii: "'"): out += "&#x27;"
            case _ where isURLSafe(byte): out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%"
                out.unicodeScalars.append(Unicode.Scalar(hex[Int(byte >> 4)]))
                out.unicodeScalars.append(Unicode.Scalar(hex[Int(byte & 0xF)]))
            }
        }
        return out
    }

    private static func isURLSafe(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return Array("-_.+!*(),%#@?=;:/$~".utf8).contains(byte)
        }
    }

    private static let allowedSchemes: Set<String> = ["http", "https", "mailto", "tel"]

    /// Whether a link or image target is safe to emit: a relative URL, or an
    /// absolute one with an allowed scheme. Browsers ignore tabs and newlines
    /// inside URLs and leading spaces and controls, so those are removed
    /// before looking for a scheme (`java\tscript:` is still `javascript:`).
    static func isAllowedURL(_ url: String) -> Bool {
        let cleaned = url.unicodeScalars
            .filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }
            .drop { $0.value <= 0x20 }
        var scheme = ""
        for scalar in cleaned {
            switch scalar {
            case ":": return allowedSchemes.contains(scheme.lowercased())
            case "/", "?", "#": return true
            default: scheme.unicodeScalars.append(scalar)
            }
        }
        return true
    }
}
