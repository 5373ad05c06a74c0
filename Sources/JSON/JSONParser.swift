/// A strict RFC 8259 JSON parser.
///
/// Works on UTF-8 bytes in one pass without intermediate tokens, so bundles of
/// several megabytes parse quickly. Integers that fit `Int` become
/// `JSONNumber.integer`, all other numbers `.double`. Beyond RFC 8259, duplicate
/// member names are rejected (they are always a mistake in hand-written files)
/// and a leading byte order mark is skipped.
public enum JSONParser {
    /// Where a value starts, 1-based; columns count Unicode scalars.
    public typealias Position = (line: Int, column: Int)

    /// Deepest nesting accepted, so hostile input cannot exhaust the stack.
    public static let maximumDepth = 512

    public static func parse(_ text: String) throws -> JSONValue {
        var text = text
        return try text.withUTF8 { bytes in
            var parser = ByteParser(bytes: bytes, recordPositions: false)
            return try parser.parseDocument()
        }
    }

    /// Parses UTF-8 bytes, rejecting invalid UTF-8 with its position.
    public static func parse(_ bytes: [UInt8]) throws -> JSONValue {
        try parse(validatedText(bytes))
    }

    /// Parses and also returns where each value starts, keyed by its pointer.
    /// For object members the position is that of the member's key, which is
    /// where a diagnostic about the member reads best.
    public static func parseWithPositions(_ text: String) throws -> (JSONValue, [JSONPointer: Position]) {
        var text = text
        return try text.withUTF8 { bytes in
            var parser = ByteParser(bytes: bytes, recordPositions: true)
            let value = try parser.parseDocument()
            return (value, parser.positions)
        }
    }

    private static func validatedText(_ bytes: [UInt8]) throws -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        var offset = 0
        for (a, b) in zip(text.utf8, bytes) {
            if a != b { break }
            offset += 1
        }
        if offset == bytes.count && text.utf8.count == bytes.count { return text }
        let (line, column) = bytes.withUnsafeBufferPointer { ByteParser.lineAndColumn(of: offset, in: $0) }
        throw JSONParseError(message: "invalid UTF-8", line: line, column: column)
    }
}
