/// The parsing state over one contiguous UTF-8 buffer.
struct ByteParser {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    var line = 1
    var lineStart = 0
    var depth = 0
    let recordPositions: Bool
    var positions: [JSONPointer: JSONParser.Position] = [:]
    var path: [String] = []

    init(bytes: UnsafeBufferPointer<UInt8>, recordPositions: Bool) {
        self.bytes = bytes
        self.recordPositions = recordPositions
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            index = 3
            lineStart = 3
        }
    }

    mutating func parseDocument() throws -> JSONValue {
        skipWhitespace()
        let value = try parseValue(record: true)
        skipWhitespace()
        if index < bytes.count { throw error("unexpected \(describeCurrent()) after the JSON value") }
        return value
    }

    private mutating func parseValue(record: Bool) throws -> JSONValue {
        guard index < bytes.count else { throw error("unexpected end of input, expected a value") }
        if record && recordPositions { positions[JSONPointer(tokens: path)] = position(of: index) }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default: throw error("unexpected \(describeCurrent()), expected a value")
        }
    }

    private mutating func enterContainer() throws {
        depth += 1
        if depth > JSONParser.maximumDepth { throw error("nesting deeper than \(JSONParser.maximumDepth) levels") }
        index += 1
        skipWhitespace()
    }

    private mutating func parseObject() throws -> JSONValue {
        try enterContainer()
        var object = JSONObject()
        if peek(is: "}") {
            index += 1
            depth -= 1
            return .object(object)
        }
        while true {
            guard peek(is: "\"") else { throw error("expected a quoted member name, found \(describeCurrent())") }
            let keyStart = index
            let key = try parseString()
            if object[key] != nil { throw error("duplicate member name \"\(key)\"", at: keyStart) }
            skipWhitespace()
            guard peek(is: ":") else { throw error("expected ':' after member name, found \(describeCurrent())") }
            index += 1
            skipWhitespace()
            if recordPositions {
                path.append(key)
                positions[JSONPointer(tokens: path)] = position(of: keyStart)
            }
            object[key] = try parseValue(record: false)
            if recordPositions { path.removeLast() }
            skipWhitespace()
            if peek(is: ",") {
                index += 1
                skipWhitespace()
                continue
            }
            if peek(is: "}") {
                index += 1
                depth -= 1
                return .object(object)
            }
            throw error("expected ',' or '}' in object, found \(describeCurrent())")
        }
    }

    private mutating func parseArray() throws -> JSONValue {
        try enterContainer()
        var items: [JSONValue] = []
        if peek(is: "]") {
            index += 1
            depth -= 1
            return .array(items)
        }
        while true {
            if recordPositions { path.append(String(items.count)) }
            items.append(try parseValue(record: true))
            if recordPositions { path.removeLast() }
            skipWhitespace()
            if peek(is: ",") {
                index += 1
                skipWhitespace()
                continue
            }
            if peek(is: "]") {
                index += 1
                depth -= 1
                return .array(items)
            }
            throw error("expected ',' or ']' in array, found \(describeCurrent())")
        }
    }

    private mutating func parseString() throws -> String {
        let start = index
        index += 1
        let contentStart = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[contentStart..<index]), as: UTF8.self)
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw error("unescaped control character in string") }
            index += 1
        }
        var buffer = Array(bytes[contentStart..<index])
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return String(decoding: buffer, as: UTF8.self)
            }
            if byte < 0x20 { throw error("unescaped control character in string") }
            if byte != UInt8(ascii: "\\") {
                buffer.append(byte)
                index += 1
                continue
            }
            index += 1
            guard index < bytes.count else { break }
            switch bytes[index] {
            case UInt8(ascii: "\""): buffer.append(UInt8(ascii: "\""))
            case UInt8(ascii: "\\"): buffer.append(UInt8(ascii: "\\"))
            case UInt8(ascii: "/"): buffer.append(UInt8(ascii: "/"))
            case UInt8(ascii: "b"): buffer.append(0x08)
            case UInt8(ascii: "f"): buffer.append(0x0C)
            case UInt8(ascii: "n"): buffer.append(0x0A)
            case UInt8(ascii: "r"): buffer.append(0x0D)
            case UInt8(ascii: "t"): buffer.append(0x09)
            case UInt8(ascii: "u"):
                let scalar = try parseUnicodeEscape()
                buffer.append(contentsOf: Array(String(Character(scalar)).utf8))
                continue
            default:
                throw error("invalid escape sequence \\\(describeCurrent())")
            }
            index += 1
        }
        throw error("unterminated string", at: start)
    }

    /// Parses `uXXXX` (index on the `u`), joining a surrogate pair.
    private mutating func parseUnicodeEscape() throws -> Unicode.Scalar {
        let escapeStart = index - 1
        let high = try parseHex4()
        if (0xDC00...0xDFFF).contains(high) { throw error("unpaired surrogate in \\u escape", at: escapeStart) }
        if (0xD800...0xDBFF).contains(high) {
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
            else {
                throw error("unpaired surrogate in \\u escape", at: escapeStart)
            }
            index += 1
            let low = try parseHex4()
            guard (0xDC00...0xDFFF).contains(low) else {
                throw error("unpaired surrogate in \\u escape", at: escapeStart)
            }
            return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))!
        }
        return Unicode.Scalar(high)!
    }

    /// Reads `u` and four hex digits, leaving the index after them.
    private mutating func parseHex4() throws -> UInt32 {
        index += 1
        guard index + 4 <= bytes.count else { throw error("incomplete \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw error("invalid hex digit in \\u escape")
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    private mutating func parseNumber() throws -> JSONNumber {
        let start = index
        let negative = peek(is: "-")
        if negative { index += 1 }
        guard index < bytes.count, isDigit(bytes[index]) else { throw error("invalid number: expected a digit") }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count, isDigit(bytes[index]) { throw error("invalid number: leading zero", at: start) }
        } else {
            skipDigits()
        }
        var isInteger = true
        if peek(is: ".") {
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else {
                throw error("invalid number: expected a digit after '.'")
            }
            skipDigits()
            isInteger = false
        }
        if peek(is: "e") || peek(is: "E") {
            index += 1
            if peek(is: "+") || peek(is: "-") { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else {
                throw error("invalid number: expected an exponent")
            }
            skipDigits()
            isInteger = false
        }
        if isInteger, let value = exactInteger(bytes[(negative ? start + 1 : start)..<index], negative: negative) {
            return .integer(value)
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else { throw error("number out of range", at: start) }
        return .double(value)
    }

    /// The integer value of a digit run, or `nil` if it overflows `Int`.
    private func exactInteger(_ digits: Slice<UnsafeBufferPointer<UInt8>>, negative: Bool) -> Int? {
        var value = 0 // accumulated as a negative number so Int.min fits
        for byte in digits {
            let (shifted, o1) = value.multipliedReportingOverflow(by: 10)
            let (next, o2) = shifted.subtractingReportingOverflow(Int(byte - UInt8(ascii: "0")))
            if o1 || o2 { return nil }
            value = next
        }
        if negative { return value }
        return value == Int.min ? nil : -value
    }

    private mutating func expectLiteral(_ literal: StaticString) throws {
        let start = index
        let count = literal.utf8CodeUnitCount
        guard index + count <= bytes.count else {
            throw error("unexpected \(describeCurrent()), expected a value", at: start)
        }
        let expected = UnsafeBufferPointer(start: literal.utf8Start, count: count)
        for offset in 0..<count where bytes[index + offset] != expected[offset] {
            throw error("unexpected \(describeCurrent()), expected a value", at: start)
        }
        index += count
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): index += 1
            case UInt8(ascii: "\n"):
                index += 1
                line += 1
                lineStart = index
            default: return
            }
        }
    }

    private mutating func skipDigits() {
        while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private func peek(is ascii: Unicode.Scalar) -> Bool {
        index < bytes.count && bytes[index] == UInt8(ascii: ascii)
    }

    /// The character at the index, quoted, for messages.
    private func describeCurrent() -> String {
        guard index < bytes.count else { return "end of input" }
        let end = min(index + 4, bytes.count)
        let scalar = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self).unicodeScalars
            .first!
        if scalar.value < 0x20 { return "control character U+\(String(scalar.value, radix: 16, uppercase: true))" }
        return "'\(scalar)'"
    }

    /// Position of an offset: on the current line counted from its start; an
    /// offset on an earlier line (a member's key, when the value after it is
    /// missing on a later line) found by counting from the start.
    private func position(of offset: Int) -> JSONParser.Position {
        guard offset >= lineStart else { return ByteParser.lineAndColumn(of: offset, in: bytes) }
        return (line, 1 + ByteParser.scalarCount(bytes, from: lineStart, to: offset))
    }

    private func error(_ message: String, at offset: Int? = nil) -> JSONParseError {
        let (line, column) = position(of: offset ?? index)
        return JSONParseError(message: message, line: line, column: column)
    }

    static func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        var count = 0
        let end = min(end, bytes.count)
        guard start < end else { return 0 }
        for i in start..<end where bytes[i] & 0xC0 != 0x80 { count += 1 }
        return count
    }

    static func lineAndColumn(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int) {
        var line = 1
        var lineStart = 0
        for i in 0..<min(offset, bytes.count) where bytes[i] == UInt8(ascii: "\n") {
            line += 1
            lineStart = i + 1
        }
        return (line, 1 + scalarCount(bytes, from: lineStart, to: offset))
    }
}
