/// A parsed XML element with where it starts, for reading XLIFF.
struct XElement: Sendable {
    /// The name without its namespace prefix (`trans-unit`, also for `x:trans-unit`).
    var name: String
    var attributes: [(name: String, value: String)]
    var children: [XContent]
    var line: Int
    var column: Int

    func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name || $0.name.hasSuffix(":" + name) && !$0.name.hasPrefix("xmlns") }?.value
    }

    var elements: [XElement] {
        children.compactMap { if case .element(let e) = $0 { return e } else { return nil } }
    }

    func elements(_ name: String) -> [XElement] { elements.filter { $0.name == name } }
    func element(_ name: String) -> XElement? { elements.first { $0.name == name } }

    /// All text inside, elements' text included.
    var text: String {
        var out = ""
        for child in children {
            switch child {
            case .text(let s): out += s
            case .element(let e): out += e.text
            }
        }
        return out
    }
}

enum XContent: Sendable {
    case element(XElement)
    case text(String)
}

/// A well-formedness error, at its line and column.
struct XMLError: Error, Sendable {
    var message: String
    var line: Int
    var column: Int
}

/// A strict, small XML 1.0 reader: elements, attributes, text, CDATA,
/// comments and processing instructions; the five predefined entities and
/// character references. A DOCTYPE is refused (no entity expansion, no
/// external files), as is anything not well formed, each at its line.
/// Nesting is limited, so no input can exhaust the stack.
enum XMLReader {
    static let maximumDepth = 200

    static func parse(_ text: String) throws -> XElement {
        var scanner = Scanner(Array(text.unicodeScalars))
        return try scanner.document()
    }

    private struct Scanner {
        let s: [Unicode.Scalar]
        var i = 0, line = 1, column = 1

        init(_ s: [Unicode.Scalar]) { self.s = s }

        func error(_ message: String) -> XMLError { XMLError(message: message, line: line, column: column) }

        var atEnd: Bool { i >= s.count }

        func starts(with text: String) -> Bool {
            var k = i
            for c in text.unicodeScalars {
                guard k < s.count, s[k] == c else { return false }
                k += 1
            }
            return true
        }

        mutating func advance(_ n: Int = 1) {
            for _ in 0..<n where i < s.count {
                if s[i] == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
                i += 1
            }
        }

        mutating func skipSpace() {
            while !atEnd, s[i] == " " || s[i] == "\t" || s[i] == "\n" || s[i] == "\r" { advance() }
        }

        /// Skips to just after `end`, or fails with `message`.
        mutating func skip(past end: String, _ message: String) throws {
            while !atEnd, !starts(with: end) { advance() }
            guard !atEnd else { throw error(message) }
            advance(end.unicodeScalars.count)
        }

        mutating func document() throws -> XElement {
            if starts(with: "\u{FEFF}") { advance() }
            var root: XElement?
            while true {
                skipSpace()
                if atEnd { break }
                if starts(with: "<?") {
                    try skip(past: "?>", "processing instruction is not closed")
                } else if starts(with: "<!--") {
                    try skip(past: "-->", "comment is not closed")
                } else if starts(with: "<!DOCTYPE") || starts(with: "<!doctype") {
                    throw error("a DOCTYPE is not allowed in a translation file")
                } else if starts(with: "<") {
                    guard root == nil else { throw error("text after the root element") }
                    root = try element(depth: 0)
                } else {
                    throw error("text outside the root element")
                }
            }
            guard let root else { throw error("no root element: the file is empty or is not XML") }
            return root
        }

        mutating func name() throws -> String {
            let start = i
            while !atEnd, !" \t\n\r/>=<\"'".unicodeScalars.contains(s[i]) { advance() }
            guard i > start else { throw error("expected a name") }
            return String(String.UnicodeScalarView(s[start..<i]))
        }

        mutating func element(depth: Int) throws -> XElement {
            guard depth < XMLReader.maximumDepth else {
                throw error("elements nested more than \(XMLReader.maximumDepth) deep")
            }
            let (startLine, startColumn) = (line, column)
            advance() // <
            let qualified = try name()
            var element = XElement(
                name: Self.localName(qualified), attributes: [], children: [], line: startLine, column: startColumn)
            while true {
                skipSpace()
                guard !atEnd else { throw error("element <\(qualified)> is not closed") }
                if starts(with: "/>") {
                    advance(2)
                    return element
                }
                if s[i] == ">" {
                    advance()
                    break
                }
                let attribute = try name()
                skipSpace()
                guard !atEnd, s[i] == "=" else { throw error("expected = after attribute \(attribute)") }
                advance()
                skipSpace()
                guard !atEnd, s[i] == "\"" || s[i] == "'" else { throw error("attribute value must be quoted") }
                let quote = s[i]
                advance()
                var value = ""
                while !atEnd, s[i] != quote {
                    if s[i] == "<" { throw error("< in an attribute value") }
                    if s[i] == "&" {
                        value += try reference()
                    } else {
                        value.unicodeScalars.append(s[i] == "\t" || s[i] == "\n" ? " " : s[i])
                        advance()
                    }
                }
                guard !atEnd else { throw error("attribute value is not closed") }
                advance()
                if element.attributes.contains(where: { $0.name == attribute }) {
                    throw error("attribute \(attribute) is repeated")
                }
                element.attributes.append((attribute, value))
            }
            var text = ""
            func flush() {
                if !text.isEmpty {
                    element.children.append(.text(text))
                    text = ""
                }
            }
            while true {
                guard !atEnd else {
                    throw XMLError(
                        message: "element <\(qualified)> is not closed", line: startLine, column: startColumn)
                }
                if starts(with: "</") {
                    advance(2)
                    let closing = try name()
                    guard closing == qualified else {
                        throw error("</\(closing)> closes <\(qualified)> (line \(startLine))")
                    }
                    skipSpace()
                    guard !atEnd, s[i] == ">" else { throw error("expected > after </\(closing)") }
                    advance()
                    flush()
                    return element
                }
                if starts(with: "<!--") {
                    try skip(past: "-->", "comment is not closed")
                    continue
                }
                if starts(with: "<![CDATA[") {
                    advance(9)
                    while !atEnd, !starts(with: "]]>") {
                        text.unicodeScalars.append(s[i])
                        advance()
                    }
                    guard !atEnd else { throw error("CDATA section is not closed") }
                    advance(3)
                    continue
                }
                if starts(with: "<?") {
                    try skip(past: "?>", "processing instruction is not closed")
                    continue
                }
                if starts(with: "<!") { throw error("a declaration is not allowed here") }
                if s[i] == "<" {
                    flush()
                    element.children.append(.element(try self.element(depth: depth + 1)))
                    continue
                }
                if s[i] == "&" {
                    text += try reference()
                    continue
                }
                if s[i] == "\r" { // XML end-of-line handling: CR LF and CR are LF
                    advance()
                    if !atEnd, s[i] == "\n" { advance() }
                    text += "\n"
                    continue
                }
                text.unicodeScalars.append(s[i])
                advance()
            }
        }

        /// `&name;` or `&#…;` at `i`.
        mutating func reference() throws -> String {
            let start = (line, column)
            advance()
            var body = ""
            while !atEnd, s[i] != ";", body.unicodeScalars.count < 12 {
                body.unicodeScalars.append(s[i])
                advance()
            }
            guard !atEnd, s[i] == ";" else {
                throw XMLError(message: "& must start an entity such as &amp;", line: start.0, column: start.1)
            }
            advance()
            switch body {
            case "amp": return "&"
            case "lt": return "<"
            case "gt": return ">"
            case "quot": return "\""
            case "apos": return "'"
            default:
                let digits = body.dropFirst()
                let value =
                    body.hasPrefix("#x")
                    ? UInt32(digits.dropFirst(), radix: 16) : body.hasPrefix("#") ? UInt32(digits) : nil
                guard let value, let scalar = Unicode.Scalar(value), value != 0 else {
                    throw XMLError(message: "unknown entity &\(body);", line: start.0, column: start.1)
                }
                return String(scalar)
            }
        }

        static func localName(_ qualified: String) -> String {
            qualified.split(separator: ":").last.map(String.init) ?? qualified
        }
    }
}

/// Escapes text for XML content (`attribute`: also quotes). Characters XML
/// 1.0 does not allow are replaced with U+FFFD.
func xmlEscaped(_ text: String, attribute: Bool = false) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for c in text.unicodeScalars {
        switch c {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"" where attribute: out += "&quot;"
        case "\n" where attribute: out += "&#10;"
        case "\t", "\n": out.unicodeScalars.append(c)
        case "\r": out += "&#13;"
        default:
            if c.value < 0x20 || c.value == 0xFFFE || c.value == 0xFFFF {
                out += "\u{FFFD}"
            } else {
                out.unicodeScalars.append(c)
            }
        }
    }
    return out
}
