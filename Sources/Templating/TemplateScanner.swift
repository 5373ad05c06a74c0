/// A piece of template text: text (never past a line end, which it
/// includes) or one tag, as a byte range of the template.
struct TemplateToken {
    enum Kind: Equatable {
        case text
        case variable, unescaped
        case section, inverted, close
        case comment, delimiters
        case partial, parent, block

        /// Tags that may stand alone on a line (all but interpolations).
        var canStandAlone: Bool { self != .text && self != .variable && self != .unescaped }
    }

    let kind: Kind
    /// The tag's name as written (trimmed); empty for text, comments and delimiters.
    let name: String
    /// For text, the bytes shown (a standalone line or dedentation moves these);
    /// for tags, the whole tag from its opening delimiter to its closing one.
    var start: Int
    var end: Int
}

/// Splits a template into tokens, following set-delimiter tags as it meets
/// them. Checks each tag's form; structure (sections closed, parents) is
/// `TemplateParser`'s.
struct TemplateScanner {
    let bytes: [UInt8]
    private var open: [UInt8] = Array("{{".utf8)
    private var close: [UInt8] = Array("}}".utf8)
    private(set) var tokens: [TemplateToken] = []

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func scan() throws -> [TemplateToken] {
        var index = 0
        var textStart = 0
        while index < bytes.count {
            if bytes[index] == 0x0A {
                tokens.append(TemplateToken(kind: .text, name: "", start: textStart, end: index + 1))
                index += 1
                textStart = index
            } else if starts(with: open, at: index) {
                if textStart < index {
                    tokens.append(TemplateToken(kind: .text, name: "", start: textStart, end: index))
                }
                index = try tag(at: index)
                textStart = index
            } else {
                index += 1
            }
        }
        if textStart < bytes.count {
            tokens.append(TemplateToken(kind: .text, name: "", start: textStart, end: bytes.count))
        }
        return tokens
    }

    /// Reads the tag at `start` (its opening delimiter); returns the offset after it.
    private mutating func tag(at start: Int) throws -> Int {
        let inner = start + open.count
        guard inner < bytes.count else { throw error(at: start, "unfinished tag: nothing follows \(text(open))") }
        let sigil = bytes[inner]
        let kind: TemplateToken.Kind
        switch sigil {
        case UInt8(ascii: "!"):
            guard let end = find(close, from: inner + 1) else {
                throw error(at: start, "unfinished comment: no \(text(close)) ends it")
            }
            tokens.append(TemplateToken(kind: .comment, name: "", start: start, end: end + close.count))
            return end + close.count
        case UInt8(ascii: "="):
            return try delimiters(at: start, inner: inner + 1)
        case UInt8(ascii: "{"):
            guard let end = find([UInt8(ascii: "}")] + close, from: inner + 1) else {
                throw error(at: start, "unfinished tag: no }\(text(close)) closes this \(text(open)){")
            }
            let name = try self.name(from: inner + 1, to: end, tagAt: start, kind: .unescaped)
            tokens.append(TemplateToken(kind: .unescaped, name: name, start: start, end: end + 1 + close.count))
            return end + 1 + close.count
        case UInt8(ascii: "&"): kind = .unescaped
        case UInt8(ascii: "#"): kind = .section
        case UInt8(ascii: "^"): kind = .inverted
        case UInt8(ascii: "/"): kind = .close
        case UInt8(ascii: ">"): kind = .partial
        case UInt8(ascii: "<"): kind = .parent
        case UInt8(ascii: "$"): kind = .block
        case UInt8(ascii: "%"):
            throw error(at: start, "pragmas such as \(text(open))%…\(text(close)) are not supported")
        default: kind = .variable
        }
        let nameStart = kind == .variable ? inner : inner + 1
        guard let end = find(close, from: nameStart) else {
            throw error(at: start, "unfinished tag: no \(text(close)) closes it")
        }
        let name = try self.name(from: nameStart, to: end, tagAt: start, kind: kind)
        tokens.append(TemplateToken(kind: kind, name: name, start: start, end: end + close.count))
        return end + close.count
    }

    /// `{{=<% %>=}}`: two delimiters, apart, ended by `=` and the closing delimiter.
    private mutating func delimiters(at start: Int, inner: Int) throws -> Int {
        let usage = "give two new delimiters apart, as in \(text(open))=<% %>=\(text(close))"
        guard let end = find([UInt8(ascii: "=")] + close, from: inner) else {
            throw error(at: start, "unfinished set-delimiter tag: \(usage)")
        }
        let parts = bytes[inner..<end].split(whereSeparator: Self.isSpace)
        guard parts.count == 2 else { throw error(at: start, "bad set-delimiter tag: \(usage)") }
        let after = end + 1 + close.count
        open = Array(parts[0])
        close = Array(parts[1])
        tokens.append(TemplateToken(kind: .delimiters, name: "", start: start, end: after))
        return after
    }

    /// The name between `from` and `to`, without the spaces around it.
    private func name(from: Int, to: Int, tagAt start: Int, kind: TemplateToken.Kind) throws -> String {
        var first = from
        var last = to
        while first < last, Self.isSpace(bytes[first]) { first += 1 }
        while last > first, Self.isSpace(bytes[last - 1]) { last -= 1 }
        let raw = bytes[first..<last]
        guard !raw.isEmpty else { throw error(at: start, "a tag without a name") }
        let name = String(decoding: raw, as: UTF8.self)
        if find(open, from: first, before: last) != nil {
            throw error(at: start, "unfinished tag: no \(text(close)) before the next \(text(open))")
        }
        if raw.contains(where: Self.isSpace) {
            throw error(at: start, "\"\(name)\" is not a name: a name has no spaces")
        }
        switch kind {
        case .partial, .parent:
            if raw.first == UInt8(ascii: "*") {
                throw error(
                    at: start,
                    "dynamic names such as \(text(open))>*\(name.dropFirst())\(text(close)) are not supported")
            }
        default:
            if raw.contains(UInt8(ascii: "(")) || raw.contains(UInt8(ascii: ")")) {
                throw error(at: start, "transforms such as \"\(name)\" are not supported: a tag names a value")
            }
            if name != ".", name.split(separator: ".", omittingEmptySubsequences: false).contains(where: \.isEmpty) {
                throw error(
                    at: start, "\"\(name)\" is not a name: a dot stands alone ({{.}}) or between names (s.title)")
            }
        }
        return name
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private func starts(with pattern: [UInt8], at index: Int) -> Bool {
        guard index + pattern.count <= bytes.count else { return false }
        for offset in 0..<pattern.count where bytes[index + offset] != pattern[offset] { return false }
        return true
    }

    /// The first offset at or after `from` (and before `limit`) where `pattern` starts.
    private func find(_ pattern: [UInt8], from: Int, before limit: Int? = nil) -> Int? {
        let last = (limit ?? bytes.count) - pattern.count
        guard from <= last else { return nil }
        for index in from...last where starts(with: pattern, at: index) { return index }
        return nil
    }

    private func text(_ delimiter: [UInt8]) -> String { String(decoding: delimiter, as: UTF8.self) }

    private func error(at offset: Int, _ message: String) -> TemplateSyntaxError {
        TemplateSyntaxError(at: offset, in: bytes, message)
    }
}
