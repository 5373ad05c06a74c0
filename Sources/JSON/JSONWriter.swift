/// Serialises `JSONValue` deterministically: sorted keys by default, no
/// trailing spaces, `\n` line ends, so the same value always gives the same bytes.
public struct JSONWriter: Sendable {
    public var sortedKeys: Bool
    public var pretty: Bool

    public init(sortedKeys: Bool = true, pretty: Bool = true) {
        self.sortedKeys = sortedKeys
        self.pretty = pretty
    }

    public func string(_ value: JSONValue) -> String {
        var out = ""
        out.reserveCapacity(1024)
        write(value, into: &out, indent: 0)
        if pretty { out.append("\n") }
        return out
    }

    private func write(_ value: JSONValue, into out: inout String, indent: Int) {
        switch value {
        case .null: out.append("null")
        case .bool(let b): out.append(b ? "true" : "false")
        case .number(let n): out.append(n.description)
        case .string(let s): JSONWriter.appendQuoted(s, to: &out)
        case .array(let items):
            if items.isEmpty { out.append("[]"); return }
            out.append("[")
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(",") }
                newline(&out, indent + 1)
                write(item, into: &out, indent: indent + 1)
            }
            newline(&out, indent)
            out.append("]")
        case .object(let object):
            if object.isEmpty { out.append("{}"); return }
            out.append("{")
            let keys = sortedKeys ? object.keys.sorted() : object.keys
            for (i, key) in keys.enumerated() {
                if i > 0 { out.append(",") }
                newline(&out, indent + 1)
                JSONWriter.appendQuoted(key, to: &out)
                out.append(pretty ? ": " : ":")
                write(object[key]!, into: &out, indent: indent + 1)
            }
            newline(&out, indent)
            out.append("}")
        }
    }

    private func newline(_ out: inout String, _ indent: Int) {
        guard pretty else { return }
        out.append("\n")
        out.append(String(repeating: "  ", count: indent))
    }

    /// Appends `s` as a JSON string literal (quotes, escapes, control characters).
    /// Runs of characters that need no escape are copied whole, which keeps
    /// writing multi-megabyte bundles fast.
    public static func appendQuoted(_ s: String, to out: inout String) {
        out.append("\"")
        let utf8 = s.utf8
        var runStart = utf8.startIndex
        var i = utf8.startIndex
        while i < utf8.endIndex {
            let byte = utf8[i]
            var escape: String?
            var width = 1
            switch byte {
            case UInt8(ascii: "\""): escape = "\\\""
            case UInt8(ascii: "\\"): escape = "\\\\"
            case UInt8(ascii: "\n"): escape = "\\n"
            case UInt8(ascii: "\r"): escape = "\\r"
            case UInt8(ascii: "\t"): escape = "\\t"
            case 0..<0x20:
                let hex = String(byte, radix: 16)
                escape = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            case 0xE2:
                // U+2028 and U+2029 (E2 80 A8 / E2 80 A9) are escaped for JavaScript consumers.
                let next = utf8.index(after: i)
                if next < utf8.endIndex, utf8[next] == 0x80 {
                    let third = utf8.index(after: next)
                    if third < utf8.endIndex, utf8[third] == 0xA8 || utf8[third] == 0xA9 {
                        escape = utf8[third] == 0xA8 ? "\\u2028" : "\\u2029"
                        width = 3
                    }
                }
            default: break
            }
            if let escape {
                out.append(contentsOf: s[runStart..<i])
                out.append(escape)
                i = utf8.index(i, offsetBy: width)
                runStart = i
            } else {
                i = utf8.index(after: i)
            }
        }
        out.append(contentsOf: s[runStart..<utf8.endIndex])
        out.append("\"")
    }
}
