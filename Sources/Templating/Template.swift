/// One Mustache template, parsed (see `TemplateParser` for the rules it
/// follows: the official Mustache spec, with parents and blocks).
public struct Template: Sendable {
    let body: Body
    /// Its `{{> name}}` and `{{< name}}` tags, in order: names to check.
    public let partialTags: [PartialTag]

    /// Parses `text`; throws `TemplateSyntaxError` at the first mistake.
    public init(parsing text: String) throws {
        var parser = TemplateParser(text)
        let parsed = try parser.parse()
        body = parsed.body
        partialTags = parsed.partialTags
    }
}

/// A `{{> name}}` or `{{< name}}` tag where it stands in its template.
public struct PartialTag: Sendable, Equatable {
    public let name: String
    /// 1-based, at the tag's opening delimiter; the column counts Unicode scalars.
    public let line: Int
    public let column: Int
    /// The whole tag's length in Unicode scalars, delimiters included.
    public let length: Int
}

/// A template that cannot be parsed: where (1-based line and column, the
/// column in Unicode scalars) and what, in plain words.
public struct TemplateSyntaxError: Error, Equatable, CustomStringConvertible {
    public let line: Int
    public let column: Int
    public let message: String

    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    /// The error at byte `offset` of `bytes`.
    init(at offset: Int, in bytes: [UInt8], _ message: String) {
        let position = TextPosition(offset, in: bytes)
        self.init(line: position.line, column: position.column, message: message)
    }

    public var description: String { "\(line):\(column): \(message)" }
}

/// A byte offset's 1-based line and column (Unicode scalars).
struct TextPosition {
    let line: Int
    let column: Int

    init(_ offset: Int, in bytes: [UInt8]) {
        var line = 1
        var lineStart = 0
        let end = min(offset, bytes.count)
        for index in 0..<end where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        self.line = line
        column = 1 + TextPosition.scalars(bytes[lineStart..<end])
    }

    /// Unicode scalars in well-formed UTF-8 bytes: those that are not continuation bytes.
    static func scalars(_ bytes: ArraySlice<UInt8>) -> Int {
        bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }
}

/// What a template, a section or a block holds.
final class Body: Sendable {
    let nodes: [Node]
    init(_ nodes: [Node]) { self.nodes = nodes }
}

/// A piece of a parsed template.
indirect enum Node: Sendable {
    /// Bytes as written; under an indentation, every line end followed by
    /// more bytes gets the indentation after it.
    case text([UInt8])
    /// A template line starts here: the indentation of a standalone partial
    /// or block is written (nothing otherwise).
    case lineStart
    /// `{{name}}` (escaped) or `{{{name}}}`, `{{& name}}`: a dotted name, or `["."]`.
    case variable([String], escaped: Bool)
    case section([String], Body, inverted: Bool)
    /// `{{$name}}default{{/name}}` where it is expanded; `indentation` (a
    /// standalone block's) goes before each line of what it shows.
    case block(String, Body, indentation: String?)
    /// `{{> name}}`, or `{{< name}}` with the blocks it overrides;
    /// `indentation` (a standalone tag's) goes before each line.
    case partial(String, indentation: String?, blocks: [String: Body]?)
}
