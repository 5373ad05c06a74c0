/// The spec's whitespace rules, applied to a template's tokens before its
/// tree is built.
///
/// A line holding only whitespace and one tag other than an interpolation
/// is standalone: the line disappears from the output, and before a partial,
/// a parent or a block its whitespace becomes the indentation of every line
/// the tag brings in. Parents and blocks also stand alone in pairs on one
/// line (the `~inheritance` spec): `{{<p}}{{/p}}`, `{{<p}}{{$b}}`,
/// `{{/b}}{{/p}}` disappear like one tag, and `{{$b}}{{/b}}` takes its
/// whitespace as indentation but keeps the line end. The content of a block
/// whose opening tag stands alone loses the indentation its lines share
/// (where it is written) and gets the indentation of the block it fills
/// (where it is shown): its own default content's, else the tag's.
struct StandaloneLines {
    /// The tokens, text shortened by dedentation and the line end a block pair keeps.
    private(set) var tokens: [TemplateToken]
    /// Per token: text of a standalone line, left out.
    private(set) var removed: [Bool]
    /// Per token: a tag that stands alone (alone or in a pair).
    private(set) var standalone: [Bool]
    /// Per token: the tag's line disappears whole (it stood alone, line end included).
    private(set) var removesLine: [Bool]
    /// Per standalone tag: the whitespace before it on its line.
    private(set) var indentation: [String]
    /// Per standalone block opening tag: the indentation its content shared.
    private(set) var intrinsic: [String]

    private let bytes: [UInt8]
    private let partner: [Int]
    /// Token indices per line (a line ends with a text token ending in a line end).
    private var lines: [[Int]] = []
    private var lineOf: [Int]

    private enum Shape {
        case single(Int)
        /// `{{$b}}{{/b}}`: whitespace is indentation; the line end stays.
        case blockPair(Int)
        /// `{{<p}}{{/p}}`, `{{<p}}{{$b}}`, `{{/b}}{{/p}}`.
        case pair(Int, Int)
    }

    init(tokens scanned: [TemplateToken], bytes: [UInt8], partner: [Int]) {
        tokens = scanned
        self.bytes = bytes
        self.partner = partner
        removed = Array(repeating: false, count: tokens.count)
        standalone = removed
        removesLine = removed
        indentation = Array(repeating: "", count: tokens.count)
        intrinsic = indentation
        lineOf = Array(repeating: 0, count: tokens.count)
        var line: [Int] = []
        for index in tokens.indices {
            line.append(index)
            lineOf[index] = lines.count
            if tokens[index].kind == .text, bytes[tokens[index].end - 1] == 0x0A {
                lines.append(line)
                line = []
            }
        }
        if !line.isEmpty { lines.append(line) }
        let shapes = lines.map(shape)
        for shape in shapes {
            switch shape {
            case .single(let tag)?: mark(tag, removesLine: true)
            case .blockPair(let tag)?: mark(tag, removesLine: false)
            case .pair(let first, let second)?:
                mark(first, removesLine: true)
                mark(second, removesLine: true)
            case nil: continue
            }
        }
        for index in tokens.indices where tokens[index].kind == .block && standalone[index] { dedent(block: index) }
        for (line, shape) in zip(lines, shapes) {
            guard let shape else { continue }
            let leading = tokens[line[0]].kind == .text ? text(line[0]) : ""
            for index in line where tokens[index].kind == .text { removed[index] = true }
            switch shape {
            case .single(let tag): indentation[tag] = leading
            case .pair(let first, _): indentation[first] = leading
            case .blockPair(let tag):
                indentation[tag] = leading
                // The line end stays, as text after the block.
                if let last = line.last, tokens[last].kind == .text, let end = lineEnd(of: last) {
                    tokens[last].start = end
                    removed[last] = false
                }
            }
        }
    }

    private mutating func mark(_ tag: Int, removesLine: Bool) {
        standalone[tag] = true
        self.removesLine[tag] = removesLine
    }

    /// How the line stands alone, if it does.
    private func shape(_ line: [Int]) -> Shape? {
        let tags = line.filter { tokens[$0].kind != .text }
        guard !tags.isEmpty, line.allSatisfy({ tokens[$0].kind != .text || isBlank($0) }) else { return nil }
        if tags.count == 1 { return tokens[tags[0]].kind.canStandAlone ? .single(tags[0]) : nil }
        guard tags.count == 2, tags[1] == tags[0] + 1 else { return nil }
        let (first, second) = (tags[0], tags[1])
        switch (tokens[first].kind, tokens[second].kind) {
        case (.block, .close) where partner[first] == second: return .blockPair(first)
        case (.parent, .close) where partner[first] == second: return .pair(first, second)
        case (.parent, .block): return .pair(first, second)
        case (.close, .close) where tokens[partner[first]].kind == .block && tokens[partner[second]].kind == .parent:
            return .pair(first, second)
        default: return nil
        }
    }

    /// Removes from the lines of a standalone block's content the
    /// whitespace all its non-blank lines start with.
    private mutating func dedent(block: Int) {
        let close = partner[block]
        let closeLine = lineOf[close]
        var content: [[Int]] = []
        var line = lineOf[block] + 1
        while line < lines.count, line < closeLine || (line == closeLine && !removesLine[close]) {
            let indices = lines[line].filter { $0 > block && $0 < close }
            if !indices.isEmpty { content.append(indices) }
            line += 1
        }
        var shared: [UInt8]?
        for indices in content where !indices.allSatisfy({ tokens[$0].kind == .text && isBlank($0) }) {
            let leading = leadingWhitespace(indices[0])
            shared = shared.map { Array(zip($0, leading).prefix { $0 == $1 }.map(\.0)) } ?? leading
        }
        guard let shared, !shared.isEmpty else { return }
        if let first = content.first, lineOf[first[0]] == lineOf[block] + 1,
            !first.allSatisfy({ tokens[$0].kind == .text && isBlank($0) })
        {
            intrinsic[block] = String(decoding: shared, as: UTF8.self)
        }
        for indices in content where tokens[indices[0]].kind == .text {
            let token = tokens[indices[0]]
            var cut = 0
            while cut < shared.count, token.start + cut < token.end, bytes[token.start + cut] == shared[cut] {
                cut += 1
            }
            tokens[indices[0]].start += cut
        }
    }

    /// The spaces and tabs a text token starts with (none for a tag).
    private func leadingWhitespace(_ index: Int) -> [UInt8] {
        let token = tokens[index]
        guard token.kind == .text else { return [] }
        var end = token.start
        while end < token.end, bytes[end] == 0x20 || bytes[end] == 0x09 { end += 1 }
        return Array(bytes[token.start..<end])
    }

    /// Text of spaces and tabs only, with a line end (`\n`, `\r\n`) or not.
    private func isBlank(_ index: Int) -> Bool {
        let token = tokens[index]
        var end = token.end
        if end > token.start, bytes[end - 1] == 0x0A {
            end -= 1
            if end > token.start, bytes[end - 1] == 0x0D { end -= 1 }
        }
        return bytes[token.start..<end].allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    /// Where a blank text token's line end starts.
    private func lineEnd(of index: Int) -> Int? {
        let token = tokens[index]
        return (token.start..<token.end).first { bytes[$0] == 0x0D || bytes[$0] == 0x0A }
    }

    private func text(_ index: Int) -> String {
        String(decoding: bytes[tokens[index].start..<tokens[index].end], as: UTF8.self)
    }
}
