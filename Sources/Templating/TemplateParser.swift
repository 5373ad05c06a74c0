/// Parses a Mustache template by the official spec (interpolation,
/// sections, inverted sections, comments, set delimiters, partials, and the
/// optional `~inheritance`: parents and blocks) into the tree `Renderer`
/// walks. Names are `.` or dotted (`s.title`); lambdas, dynamic names,
/// transforms and pragmas are not supported and are syntax errors, as are
/// sections left open or closed by another name, and tags other than blocks
/// inside a parent (text there is allowed and ignored, as the spec says).
struct TemplateParser {
    private let bytes: [UInt8]
    private var tokens: [TemplateToken] = []
    private var partner: [Int] = []
    private var partialTags: [PartialTag] = []

    init(_ text: String) { bytes = Array(text.utf8) }

    mutating func parse() throws -> (body: Body, partialTags: [PartialTag]) {
        var scanner = TemplateScanner(bytes)
        tokens = try scanner.scan()
        try match()
        let lines = StandaloneLines(tokens: tokens, bytes: bytes, partner: partner)
        tokens = lines.tokens
        let body = build(0..<tokens.count, atLineStart: true, closedBy: nil, lines)
        return (body, partialTags)
    }

    /// Pairs each section, parent and block with its closing tag.
    private mutating func match() throws {
        partner = Array(repeating: -1, count: tokens.count)
        var open: [Int] = []
        for (index, token) in tokens.enumerated() {
            if let top = open.last, tokens[top].kind == .parent {
                switch token.kind {
                case .text, .comment, .delimiters, .block, .close: break
                default:
                    throw error(
                        at: index,
                        "only blocks ({{$name}}…{{/name}}) and text may appear inside \(tag(top)), not \(tag(index))")
                }
            }
            switch token.kind {
            case .section, .inverted, .parent, .block:
                open.append(index)
            case .close:
                guard let top = open.popLast() else { throw error(at: index, "\(tag(index)) closes no open section") }
                guard tokens[top].name == token.name else {
                    let line = TextPosition(tokens[top].start, in: bytes).line
                    throw error(
                        at: index,
                        "the closing tag does not match the open section: \(tag(index)) where \(tag(top)) (line \(line)) ends"
                    )
                }
                partner[top] = index
                partner[index] = top
            default:
                break
            }
        }
        if let top = open.last {
            throw error(at: top, "\(tag(top)) is never closed: end it with {{/\(tokens[top].name)}}")
        }
    }

    /// The nodes of `range` (a whole template, or what a tag encloses).
    private mutating func build(
        _ range: Range<Int>, atLineStart startsLine: Bool, closedBy close: Int?, _ lines: StandaloneLines
    ) -> Body {
        var nodes: [Node] = []
        var text: [UInt8] = []
        var atLineStart = startsLine
        func flush() {
            guard !text.isEmpty else { return }
            nodes.append(.text(text))
            text = []
        }
        /// Before a node that starts a line.
        func lineStart() {
            guard atLineStart else { return }
            flush()
            nodes.append(.lineStart)
            atLineStart = false
        }
        var index = range.lowerBound
        while index < range.upperBound {
            let token = tokens[index]
            var next = index + 1
            switch token.kind {
            case .text:
                guard !lines.removed[index], token.start < token.end else { break }
                // Text after text needs no marker: the renderer indents after its line ends.
                if text.isEmpty { lineStart() }
                text += bytes[token.start..<token.end]
                atLineStart = bytes[token.end - 1] == 0x0A
            case .variable, .unescaped:
                lineStart()
                flush()
                nodes.append(.variable(Self.path(token.name), escaped: token.kind == .variable))
            case .comment, .delimiters:
                if lines.removesLine[index] { atLineStart = true }
            case .section, .inverted:
                if !lines.standalone[index] { lineStart() }
                flush()
                let end = partner[index]
                let body = build(index + 1..<end, atLineStart: lines.removesLine[index], closedBy: end, lines)
                nodes.append(.section(Self.path(token.name), body, inverted: token.kind == .inverted))
                atLineStart = lines.removesLine[end]
                next = end + 1
            case .block:
                if !lines.standalone[index] { lineStart() }
                flush()
                let end = partner[index]
                let body = build(index + 1..<end, atLineStart: lines.removesLine[index], closedBy: end, lines)
                let own = lines.intrinsic[index].isEmpty ? lines.indentation[index] : lines.intrinsic[index]
                nodes.append(.block(token.name, body, indentation: lines.standalone[index] ? own : nil))
                atLineStart = lines.removesLine[end]
                next = end + 1
            case .partial, .parent:
                if !lines.standalone[index] { lineStart() }
                flush()
                record(index)
                var blocks: [String: Body]?
                if token.kind == .parent {
                    let end = partner[index]
                    blocks = overrides(index + 1..<end, lines)
                    next = end + 1
                }
                nodes.append(
                    .partial(
                        token.name, indentation: lines.standalone[index] ? lines.indentation[index] : nil,
                        blocks: blocks))
                atLineStart = lines.removesLine[next - 1]
            case .close:
                break
            }
            index = next
        }
        if let close, !lines.removesLine[close] { lineStart() }
        flush()
        return Body(nodes)
    }

    /// The blocks inside a parent tag, by name (a later one of the same name wins).
    private mutating func overrides(_ range: Range<Int>, _ lines: StandaloneLines) -> [String: Body] {
        var blocks: [String: Body] = [:]
        var index = range.lowerBound
        while index < range.upperBound {
            guard tokens[index].kind == .block else {
                index += 1
                continue
            }
            let end = partner[index]
            blocks[tokens[index].name] = build(
                index + 1..<end, atLineStart: lines.removesLine[index], closedBy: end, lines)
            index = end + 1
        }
        return blocks
    }

    private mutating func record(_ index: Int) {
        let token = tokens[index]
        let position = TextPosition(token.start, in: bytes)
        partialTags.append(
            PartialTag(
                name: token.name, line: position.line, column: position.column,
                length: TextPosition.scalars(bytes[token.start..<token.end])))
    }

    /// `["."]`, or the dotted name's parts.
    static func path(_ name: String) -> [String] {
        name == "." ? ["."] : name.split(separator: ".").map(String.init)
    }

    /// A tag as messages show it.
    private func tag(_ index: Int) -> String {
        let token = tokens[index]
        let sigil: String
        switch token.kind {
        case .section: sigil = "#"
        case .inverted: sigil = "^"
        case .close: sigil = "/"
        case .partial: sigil = "> "
        case .parent: sigil = "< "
        case .block: sigil = "$"
        case .unescaped: sigil = "& "
        default: sigil = ""
        }
        return "{{\(sigil)\(token.name)}}"
    }

    private func error(at index: Int, _ message: String) -> TemplateSyntaxError {
        TemplateSyntaxError(at: tokens[index].start, in: bytes, message)
    }
}
