/// Serialises `JSONValue` deterministically: sorted keys by default, no
/// trailing spaces, `\n` line ends, so the same value always gives the same bytes.
///
/// Writes UTF-8 bytes directly (bundles run to tens of megabytes): runs of
/// characters that need no escape are copied whole.
public struct JSONWriter: Sendable {
    public var sortedKeys: Bool
    public var pretty: Bool

    public init(sortedKeys: Bool = true, pretty: Bool = true) {
        self.sortedKeys = sortedKeys
        self.pretty = pretty
    }

    public func string(_ value: JSONValue) -> String {
        String(decoding: bytes(value), as: UTF8.self)
    }

    /// The serialised value as UTF-8, ending in a newline when `pretty`.
    public func bytes(_ value: JSONValue) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        write(value, into: &out, indent: 0)
        if pretty { out.append(0x0A) }
        return out
    }

    private func write(_ value: JSONValue, into out: inout [UInt8], indent: Int) {
        switch value {
        case .null: out += "null".utf8
        case .bool(let b): out += (b ? "true" : "false").utf8
        case .number(let n): out += n.description.utf8
        case .string(let s): JSONWriter.appendQuoted(s, to: &out)
        case .array(let items):
            if items.isEmpty { out += "[]".utf8; return }
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(&out, indent + 1)
                write(item, into: &out, indent: indent + 1)
            }
            newline(&out, indent)
            out.append(UInt8(ascii: "]"))
        case .object(let object):
            if object.isEmpty { out += "{}".utf8; return }
            out.append(UInt8(ascii: "{"))
            let keys = sortedKeys ? object.keys.sorted() : object.keys
            for (i, key) in keys.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(&out, indent + 1)
                JSONWriter.appendQuoted(key, to: &out)
                out += (pretty ? ": " : ":").utf8
                write(object[key]!, into: &out, indent: indent + 1)
            }
            newline(&out, indent)
            out.append(UInt8(ascii: "}"))
        }
    }

    private func newline(_ out: inout [UInt8], _ indent: Int) {
        guard pretty else { return }
        out.append(0x0A)
        out.append(contentsOf: repeatElement(0x20, count: 2 * indent))
    }

    /// Appends `s` as a JSON string literal: quotes, backslashes and control
    /// characters escaped, and U+2028/U+2029 too, for JavaScript consumers.
    static func appendQuoted(_ s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { appendQuoted(utf8: $0, to: &out) }
    }

    private static func appendQuoted(utf8 bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var runStart = 0
        var i = 0
        let hex = Array("0123456789abcdef".utf8)
        while i < bytes.count {
            let byte = bytes[i]
            var escape: [UInt8]?
            var width = 1
            switch byte {
            case UInt8(ascii: "\""): escape = Array("\\\"".utf8)
            case UInt8(ascii: "\\"): escape = Array("\\\\".utf8)
            case UInt8(ascii: "\n"): escape = Array("\\n".utf8)
            case UInt8(ascii: "\r"): escape = Array("\\r".utf8)
            case UInt8(ascii: "\t"): escape = Array("\\t".utf8)
            case 0..<0x20: escape = Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                escape = Array((bytes[i + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                width = 3
            default: break
            }
            if let escape {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
                out += escape
                i += width
                runStart = i
            } else {
                i += 1
            }
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        out.append(UInt8(ascii: "\""))
    }
}
