/// Escaping and URL checks for `HTMLRenderer`.
public enum HTMLEscaping {
    /// Text content and attribute values, in HTML or XML: `&`, `<`, `>` and `"` escaped, and `'`
    /// with `apostrophe`.
    public static func escape(_ text: String, apostrophe: Bool = false) -> String {
        guard
            text.utf8.contains(where: {
                $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || (apostrophe && $0 == 0x27)
            })
        else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        escape(text, into: &out, apostrophe: apostrophe)
        return String(decoding: out, as: UTF8.self)
    }

    /// `escape` appending UTF-8 to `out`: runs that need no escape are copied
    /// whole. `apostrophe` also escapes `'` (as `&#39;`, for templates whose
    /// attributes may be single-quoted).
    public static func escape(_ text: String, into out: inout [UInt8], apostrophe: Bool = false) {
        var text = text
        text.withUTF8 { bytes in
            var run = 0
            for index in 0..<bytes.count {
                let entity: StaticString
                switch bytes[index] {
                case 0x26: entity = "&amp;"
                case 0x3C: entity = "&lt;"
                case 0x3E: entity = "&gt;"
                case 0x22: entity = "&quot;"
                case 0x27 where apostrophe: entity = "&#39;"
                default: continue
                }
                if run < index { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index])) }
                out.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
                run = index + 1
            }
            if run < bytes.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<bytes.count])) }
        }
    }

    /// A URL for an `href` or `src` attribute: characters outside the URL-safe
    /// ASCII set percent-encoded (as UTF-8), `&` and `'` as entities, as
    /// cmark's own HTML renderer does.
    static func escapeURL(_ url: String) -> String {
        var out: [UInt8] = []
        escapeURL(url, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `escapeURL` appending UTF-8 to `out`.
    static func escapeURL(_ url: String, into out: inout [UInt8]) {
        out.reserveCapacity(out.count + url.utf8.count)
        for byte in url.utf8 {
            switch byte {
            case UInt8(ascii: "&"): out += "&amp;".utf8
            case UInt8(ascii: "'"): out += "&#x27;".utf8
            case _ where urlSafe[Int(byte)]: out.append(byte)
            default:
                out.append(UInt8(ascii: "%"))
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0xF)])
            }
        }
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// Per byte: ASCII letters, digits and `-_.+!*(),%#@?=;:/$~`.
    private static let urlSafe: [Bool] = (0..<256).map { isURLSafe(UInt8($0)) }

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
    /// Read on the UTF-8 bytes: the allowed schemes are ASCII, so a scheme
    /// with any other character (none lower-cases to one of their letters) is not allowed.
    public static func isAllowedURL(_ url: String) -> Bool {
        var scheme: [UInt8] = []
        var asciiScheme = true
        var leading = true
        for byte in url.utf8 {
            if byte == 0x09 || byte == 0x0A || byte == 0x0D { continue }
            if leading, byte <= 0x20 { continue }
            leading = false
            switch byte {
            case UInt8(ascii: ":"):
                let lowered = String(decoding: scheme.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
                return asciiScheme && allowedSchemes.contains(lowered)
            case UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "#"): return true
            case 0x80...: asciiScheme = false
            default: scheme.append(byte)
            }
        }
        return true
    }
}
