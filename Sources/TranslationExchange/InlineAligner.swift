import Markdown

/// Turns a block's inline Markdown into pieces by walking cmark's inline tree
/// (which knows what is emphasis, a link or code) along the block's text as
/// written (which has the exact Markdown of each code): text is taken with
/// its escapes and entities resolved, codes with their Markdown verbatim.
///
/// Soft line breaks, with the next line's indentation or `>` markers, become
/// one space, so a paragraph's pieces do not depend on where it was wrapped.
struct InlineAligner {
    private let bytes: [UInt8]
    private var p: Int
    private let end: Int
    private var pieces: [Piece] = []

    private struct Mismatch: Error {}

    /// The pieces of `inlines`, written in `bytes[span]`; nil when the text
    /// does not follow the tree (then the caller keeps the block as it is).
    static func pieces(_ inlines: [Inline], bytes: [UInt8], span: Range<Int>) -> [Piece]? {
        var aligner = InlineAligner(bytes: bytes, p: span.lowerBound, end: min(span.upperBound, bytes.count))
        do {
            try aligner.align(inlines)
            while aligner.p < aligner.end, Self.isBlank(bytes[aligner.p]) || bytes[aligner.p] == 0x0A { aligner.p += 1 }
            guard aligner.p == aligner.end else { return nil }
        } catch {
            return nil
        }
        return aligner.pieces.merged.numbered()
    }

    private init(bytes: [UInt8], p: Int, end: Int) {
        self.bytes = bytes
        self.p = p
        self.end = end
    }

    private static func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }

    private func at(_ offset: Int = 0) -> UInt8? { p + offset < end ? bytes[p + offset] : nil }

    private mutating func align(_ inlines: [Inline]) throws {
        for inline in inlines {
            switch inline {
            case .text(let s): try text(s)
            case .softBreak:
                try lineEnd()
                pieces.append(.text(" "))
            case .lineBreak:
                let start = p
                while let b = at(), b != 0x0A { p += 1 }
                pieces.append(.placeholder(InlineCode(id: 0, kind: .lineBreak, native: string(start..<p))))
                try lineEnd()
            case .code: try codeSpan()
            case .emphasis(let children): try paired(.emphasis, children, delimiter: 1)
            case .strong(let children): try paired(.strong, children, delimiter: 2)
            case .strikethrough(let children):
                var n = 0
                while at(n) == UInt8(ascii: "~") { n += 1 }
                try paired(.strikethrough, children, delimiter: max(n, 1))
            case .link(let link): try linkOrImage(link, kind: .link)
            case .image(let link): try linkOrImage(link, kind: .image)
            case .html(let s, _):
                let written = Array(s.utf8)
                guard p + written.count <= end, Array(bytes[p..<(p + written.count)]) == written else {
                    throw Mismatch()
                }
                pieces.append(.placeholder(InlineCode(id: 0, kind: .html, native: s)))
                p += written.count
            }
        }
    }

    /// Literal text: each character as written, backslash-escaped, or as an entity.
    private mutating func text(_ s: String) throws {
        let expected = Array(s.utf8)
        var i = 0
        while i < expected.count {
            guard let b = at() else {
                // Trailing blanks cmark keeps in a text node but the span leaves out.
                if expected[i...].allSatisfy(Self.isBlank) { break }
                throw Mismatch()
            }
            // An escape or an entity is tried before the character itself: `\\` and `&amp;` stand for one character.
            if b == UInt8(ascii: "\\"), let escaped = at(1), escaped == expected[i], Self.isPunctuation(escaped) {
                p += 2
                i += 1
            } else if b == UInt8(ascii: "&"), let (length, decoded) = entity(),
                case let decodedBytes = decoded.map({ Array($0.utf8) }) ?? Self.firstCharacter(of: expected[i...]),
                !decodedBytes.isEmpty, expected[i...].starts(with: decodedBytes)
            {
                p += length
                i += decodedBytes.count
            } else if b == expected[i] {
                p += 1
                i += 1
            } else {
                throw Mismatch()
            }
        }
        pieces.append(.text(s))
    }

    /// A line end inside the block and the next line's indentation and quote markers.
    private mutating func lineEnd() throws {
        while let b = at(), Self.isBlank(b) { p += 1 }
        guard at() == 0x0A else { throw Mismatch() }
        p += 1
        while let b = at(), Self.isBlank(b) || b == UInt8(ascii: ">") { p += 1 }
    }

    private mutating func codeSpan() throws {
        let start = p
        var n = 0
        while at(n) == UInt8(ascii: "`") { n += 1 }
        guard n > 0 else { throw Mismatch() }
        var j = p + n
        while j < end {
            if bytes[j] == UInt8(ascii: "`") {
                var run = 0
                while j + run < end, bytes[j + run] == UInt8(ascii: "`") { run += 1 }
                if run == n {
                    p = j + run
                    break
                }
                j += run
            } else {
                j += 1
            }
        }
        guard p > start else { throw Mismatch() }
        pieces.append(.placeholder(InlineCode(id: 0, kind: .code, native: string(start..<p))))
    }

    private mutating func paired(_ kind: CodeKind, _ children: [Inline], delimiter: Int) throws {
        guard let first = at(), first == UInt8(ascii: "*") || first == UInt8(ascii: "_") || first == UInt8(ascii: "~"),
            p + delimiter <= end, bytes[p..<(p + delimiter)].allSatisfy({ $0 == first })
        else { throw Mismatch() }
        let native = string(p..<(p + delimiter))
        p += delimiter
        pieces.append(.open(InlineCode(id: 0, kind: kind, native: native)))
        try align(children)
        guard p + delimiter <= end, bytes[p..<(p + delimiter)].allSatisfy({ $0 == first }) else { throw Mismatch() }
        p += delimiter
        pieces.append(.close(InlineCode(id: 0, kind: kind, native: native)))
    }

    private mutating func linkOrImage(_ link: Link, kind: CodeKind) throws {
        let opening = kind == .image ? "![" : "["
        if string(p..<min(p + opening.utf8.count, end)) == opening {
            p += opening.utf8.count
            pieces.append(.open(InlineCode(id: 0, kind: kind, native: opening)))
            try align(link.children)
            let start = p
            guard at() == UInt8(ascii: "]") else { throw Mismatch() }
            p = try tailEnd(from: p + 1)
            pieces.append(.close(InlineCode(id: 0, kind: kind, native: string(start..<p))))
        } else if kind == .link, at() == UInt8(ascii: "<") {
            let start = p
            while let b = at(), b != UInt8(ascii: ">"), b != 0x0A { p += 1 }
            guard at() == UInt8(ascii: ">") else { throw Mismatch() }
            p += 1
            pieces.append(.placeholder(InlineCode(id: 0, kind: .autolink, native: string(start..<p))))
        } else if kind == .link {
            // A GitHub autolink (www.…, https://…, an address): written as its text.
            let written = Array(link.children.plainText.utf8)
            guard !written.isEmpty, p + written.count <= end, Array(bytes[p..<(p + written.count)]) == written else {
                throw Mismatch()
            }
            pieces.append(.placeholder(InlineCode(id: 0, kind: .autolink, native: string(p..<(p + written.count)))))
            p += written.count
        } else {
            throw Mismatch()
        }
    }

    /// The end of what follows a link's `]`: `(destination "title")`, `[label]`, or nothing.
    private func tailEnd(from start: Int) throws -> Int {
        var j = start
        func skipBlanks() { while j < end, Self.isBlank(bytes[j]) || bytes[j] == 0x0A { j += 1 } }
        func skipQuoted(_ close: UInt8) throws {
            j += 1
            while j < end, bytes[j] != close { j += bytes[j] == UInt8(ascii: "\\") ? 2 : 1 }
            guard j < end else { throw Mismatch() }
            j += 1
        }
        guard j < end else { return j }
        if bytes[j] == UInt8(ascii: "[") {
            try skipQuoted(UInt8(ascii: "]"))
            return j
        }
        guard bytes[j] == UInt8(ascii: "(") else { return j }
        j += 1
        skipBlanks()
        if j < end, bytes[j] == UInt8(ascii: "<") {
            try skipQuoted(UInt8(ascii: ">"))
        } else {
            var depth = 0
            while j < end, !Self.isBlank(bytes[j]), bytes[j] != 0x0A {
                if bytes[j] == UInt8(ascii: "\\") {
                    j += 2
                    continue
                }
                if bytes[j] == UInt8(ascii: "(") { depth += 1 }
                if bytes[j] == UInt8(ascii: ")") {
                    if depth == 0 { break }
                    depth -= 1
                }
                j += 1
            }
        }
        skipBlanks()
        if j < end, bytes[j] == UInt8(ascii: "\"") || bytes[j] == UInt8(ascii: "'") {
            try skipQuoted(bytes[j])
        } else if j < end, bytes[j] == UInt8(ascii: "(") {
            try skipQuoted(UInt8(ascii: ")"))
        }
        skipBlanks()
        guard j < end, bytes[j] == UInt8(ascii: ")") else { throw Mismatch() }
        return j + 1
    }

    /// An entity reference at `p`: its length, and what it decodes to when known
    /// (an unknown named entity is taken as one character of the text).
    private func entity() -> (Int, String?)? {
        var j = p + 1
        while j < end, j - p <= 32, bytes[j] != UInt8(ascii: ";"), !Self.isBlank(bytes[j]) { j += 1 }
        guard j < end, bytes[j] == UInt8(ascii: ";"), j > p + 1 else { return nil }
        let name = string((p + 1)..<j)
        let length = j + 1 - p
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value =
                digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            guard let value else { return nil }
            return (length, String(Unicode.Scalar(value).map(Character.init) ?? "\u{FFFD}"))
        }
        let named: [String: String] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}"]
        return (length, named[name])
    }

    private static func firstCharacter(of bytes: ArraySlice<UInt8>) -> [UInt8] {
        String(decoding: bytes, as: UTF8.self).first.map { Array(String($0).utf8) } ?? []
    }

    private static func isPunctuation(_ b: UInt8) -> Bool {
        (b >= 0x21 && b <= 0x2F) || (b >= 0x3A && b <= 0x40) || (b >= 0x5B && b <= 0x60) || (b >= 0x7B && b <= 0x7E)
    }

    private func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
}
