/// Checks a target's inline codes against the ones the translator was given
/// (the source's, and the existing translation's), and fills in the Markdown
/// of codes a tool wrote without it (`<g>`, `<x/>`). Anything else is a
/// broken code: an unknown id, a changed link target, an unpaired or
/// crossed pair. A link, image, code span or autolink of the source that the
/// target leaves out is a warning, not an error.
struct CodeVerifier {
    struct Problem {
        var message: String
        var isError: Bool
    }

    /// Codes by id, the source's first.
    private var known: [Int: (code: InlineCode, paired: Bool)] = [:]
    private let sourceIDs: [Int: InlineCode]

    init(source: [Piece], translation: [Piece]?) {
        var sourceIDs: [Int: InlineCode] = [:]
        for pieces in [source, translation ?? []] {
            for piece in pieces {
                switch piece {
                case .open(let c), .placeholder(let c):
                    if known[c.id] == nil { known[c.id] = (c, piece.isOpen) }
                case .close(let c):
                    if known[-c.id] == nil { known[-c.id] = (c, true) }
                case .text: break
                }
            }
        }
        for piece in source {
            if case .open(let c) = piece {
                sourceIDs[c.id] = c
            } else if case .placeholder(let c) = piece {
                sourceIDs[c.id] = c
            }
        }
        self.sourceIDs = sourceIDs
    }

    /// The target with every code's Markdown filled in, or the problems found.
    func verify(_ target: [Piece]) -> (pieces: [Piece], problems: [Problem]) {
        var problems: [Problem] = []
        var out: [Piece] = []
        var open: [InlineCode] = []
        var seen: Set<Int> = []
        for piece in target {
            switch piece {
            case .text:
                out.append(piece)
            case .open(let c), .placeholder(let c):
                guard let expected = known[c.id], expected.paired == piece.isOpen else {
                    problems.append(
                        Problem(
                            message: "inline code \(c.id) (\(describe(c))) is not one of the source's", isError: true))
                    continue
                }
                guard seen.insert(c.id).inserted else {
                    problems.append(Problem(message: "inline code \(c.id) is used twice", isError: true))
                    continue
                }
                guard let filled = fill(c, expected.code) else {
                    problems.append(
                        Problem(
                            message: "inline code \(c.id) was changed from \(expected.code.native) to \(c.native)",
                            isError: true))
                    continue
                }
                if piece.isOpen {
                    open.append(filled)
                    out.append(.open(filled))
                } else {
                    out.append(.placeholder(filled))
                }
            case .close(let c):
                guard let last = open.last, last.id == c.id else {
                    problems.append(
                        Problem(
                            message: open.last.map { "inline code \(c.id) closes while \($0.id) is still open" }
                                ?? "inline code \(c.id) closes but was not opened", isError: true))
                    continue
                }
                open.removeLast()
                let expected = known[-c.id]?.code ?? InlineCode(id: c.id, kind: last.kind, native: "")
                guard var filled = fill(c, expected) else {
                    problems.append(
                        Problem(
                            message: "inline code \(c.id) was changed from \(expected.native) to \(c.native)",
                            isError: true))
                    continue
                }
                filled.kind = last.kind
                out.append(.close(filled))
            }
        }
        for c in open {
            problems.append(
                Problem(message: "inline code \(c.id) (\(describe(c))) is opened but never closed", isError: true))
        }
        // Images the target shows (their closing code holds the destination).
        let shownImages = seen.compactMap { id in known[id]?.code.kind == .image ? known[-id]?.code.native : nil }
        for (id, code) in sourceIDs.sorted(by: { $0.key < $1.key }) where !seen.contains(id) {
            switch code.kind {
            case .link, .image, .code, .autolink:
                let target = known[-id]?.code.native ?? code.native
                // A translation may show its language's version of an image (`media/x.es.svg` for `media/x.svg`).
                if code.kind == .image, shownImages.contains(where: { Self.isLocalizedVariant($0, of: target) }) {
                    continue
                }
                problems.append(
                    Problem(
                        message: "the source's \(code.kind.rawValue) \(target) is missing from the translation",
                        isError: false))
            default: break
            }
        }
        return (out, problems)
    }

    /// Whether `variant` (`](media/x.es.svg)`) is a language's version of the
    /// image `original` (`](media/x.svg)`): the same path with one more
    /// dot-separated part before the extension.
    static func isLocalizedVariant(_ variant: String, of original: String) -> Bool {
        guard let dot = original.lastIndex(of: "."), let variantDot = variant.lastIndex(of: ".") else { return false }
        let stem = original[..<dot]
        let ext = original[dot...]
        let variantStem = variant[..<variantDot]
        guard variant[variantDot...] == ext, variantStem.hasPrefix(stem + "."),
            let language = variantStem.split(separator: ".").last
        else { return false }
        return variantStem == stem + "." + language && !language.contains("/")
    }

    /// The code as written in the target, checked against what it should be:
    /// the same Markdown, or none (filled in), or for emphasis any delimiter of its kind.
    private func fill(_ code: InlineCode, _ expected: InlineCode) -> InlineCode? {
        if code.native.isEmpty || code.native == expected.native { return expected }
        let delimiters: [CodeKind: Set<String>] = [
            .emphasis: ["*", "_"], .strong: ["**", "__"], .strikethrough: ["~", "~~"],
        ]
        if let allowed = delimiters[expected.kind], allowed.contains(code.native) {
            return InlineCode(id: expected.id, kind: expected.kind, native: code.native)
        }
        return nil
    }

    private func describe(_ code: InlineCode) -> String {
        code.native.isEmpty ? code.kind.rawValue : code.native
    }
}

extension Piece {
    var isOpen: Bool { if case .open = self { return true } else { return false } }
}
