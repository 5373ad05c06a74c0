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

    /// Appends `value` as it is written `depth` levels deep inside a document (an array item
    /// or member value at that depth: the same bytes as in the whole document), with no
    /// newline after it. For writing a large document piece by piece.
    public func append(_ value: JSONValue, to out: inout [UInt8], depth: Int) {
        write(value, into: &out, indent: depth)
    }

    /// Appends `key` as a quoted member name followed by the colon (and space, when `pretty`).
    public func appendKey(_ key: String, to out: inout [UInt8]) {
        JSONWriter.appendQuoted(key, to: &out)
        if pretty {
            out.append(UInt8(ascii: ":"))
            out.append(0x20)
        } else {
            out.append(UInt8(ascii: ":"))
        }
    }

    /// Appends the line break and indentation that precede an item `depth` levels deep
    /// (nothing when not `pretty`).
    public func appendNewline(to out: inout [UInt8], depth: Int) {
        newline(&out, depth)
    }

    private func write(_ value: JSONValue, into out: inout [UInt8], indent: Int) {
        switch value {
        case .null: out += "null".utf8
        case .bool(let b): out += (b ? "true" : "false").utf8
        case .number(let n): out += n.description.utf8
        case .string(let s): JSONWriter.appendQuoted(s, to: &out)
        case .array(let items):
            if items.isEmpty {
                out += "[]".utf8
                return
            }
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(&out, indent + 1)
                write(item, into: &out, indent: indent + 1)
            }
            newline(&out, indent)
            out.append(UInt8(ascii: "]"))
        case .object(let object):
            if object.isEmpty {
                out += "{}".utf8
                return
            }
            out.append(UInt8(ascii: "{"))
            var first = true
            func member(_ key: String, _ value: JSONValue) {
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                newline(&out, indent + 1)
                appendKey(key, to: &out)
                write(value, into: &out, indent: indent + 1)
            }
            if sortedKeys {
                for key in object.keys.sorted() { member(key, object[key]!) }
            } else {
                for (key, value) in object { member(key, value) }
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
    public static func appendQuoted(_ s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { appendQuoted(utf8: $0, to: &out) }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    private static func appendQuoted(utf8 bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var runStart = 0
        var i = 0
        let count = bytes.count
        while i < count {
            let byte = bytes[i]
            // Fast path: bytes that never need an escape.
            if byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") && byte != 0xE2 {
                i += 1
                continue
            }
            var width = 1
            var short: UInt8 = 0
            var isLineSeparator = false
            switch byte {
            case UInt8(ascii: "\""): short = UInt8(ascii: "\"")
            case UInt8(ascii: "\\"): short = UInt8(ascii: "\\")
            case UInt8(ascii: "\n"): short = UInt8(ascii: "n")
            case UInt8(ascii: "\r"): short = UInt8(ascii: "r")
            case UInt8(ascii: "\t"): short = UInt8(ascii: "t")
            case 0..<0x20: break
            case 0xE2 where i + 2 < count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                isLineSeparator = true
                width = 3
            default:
                i += 1
                continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
            out.append(UInt8(ascii: "\\"))
            if short != 0 {
                out.append(short)
            } else if isLineSeparator {
                out.append(contentsOf: [
                    UInt8(ascii: "u"), UInt8(ascii: "2"), UInt8(ascii: "0"), UInt8(ascii: "2"),
                    bytes[i + 2] == 0xA8 ? UInt8(ascii: "8") : UInt8(ascii: "9"),
                ])
            } else {
                out.append(contentsOf: [
                    UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                    hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)],
                ])
            }
            i += width
            runStart = i
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<count]))
        out.append(UInt8(ascii: "\""))
    }
}
