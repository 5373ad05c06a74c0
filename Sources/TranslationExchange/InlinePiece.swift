/// Inline Markdown that a translator moves but must not change: formatting,
/// links and images (their text is translated, their target is not), code,
/// autolinks, hard line breaks and raw HTML.
public enum CodeKind: String, Sendable, Hashable, CaseIterable {
    case emphasis, strong, strikethrough, link, image, code, autolink
    case lineBreak = "line-break"
    case html
}

/// One inline code: the Markdown it stands for (`native`: `[` and
/// `](concepts/consent)` for a link's two ends, `` `x` `` for code).
public struct InlineCode: Sendable, Hashable {
    public var id: Int
    public var kind: CodeKind
    public var native: String

    public init(id: Int, kind: CodeKind, native: String) {
        self.id = id
        self.kind = kind
        self.native = native
    }
}

/// A unit's text as translation tools see it: literal text (what readers
/// read, Markdown escapes resolved) between inline codes.
public enum Piece: Sendable, Hashable {
    case text(String)
    /// The start of a paired code (emphasis, a link's text …).
    case open(InlineCode)
    case close(InlineCode)
    /// A code that stands alone (code span, autolink, line break, HTML).
    case placeholder(InlineCode)

    public var code: InlineCode? {
        switch self {
        case .text: return nil
        case .open(let c), .close(let c), .placeholder(let c): return c
        }
    }
}

extension Array where Element == Piece {
    /// The literal text with codes left out.
    public var plainText: String {
        var out = ""
        for piece in self { if case .text(let s) = piece { out += s } }
        return out
    }

    /// Adjacent text pieces merged and empty ones dropped, so two ways of
    /// writing the same text compare equal.
    public var merged: [Piece] {
        var out: [Piece] = []
        for piece in self {
            if case .text(let s) = piece {
                if s.isEmpty { continue }
                if case .text(let previous)? = out.last {
                    out[out.count - 1] = .text(previous + s)
                    continue
                }
            }
            out.append(piece)
        }
        return out
    }

    /// The same pieces with codes numbered: in order 1, 2, … (a close takes
    /// its open's id), or, given `reference`, each code taking the id of the
    /// first unused code of `reference` it is the same as (same kind, and for
    /// links, images, code, autolinks and HTML the same Markdown), and new ids
    /// after those for the rest. A translation's codes are numbered like its
    /// source's, so translation tools can match them.
    public func numbered(like reference: [Piece]? = nil) -> [Piece] {
        var available: [(key: String, id: Int)] = []
        var next = 1
        if let reference {
            let keys = reference.identities
            for (index, piece) in reference.enumerated() {
                if let key = keys[index], let id = piece.code?.id { available.append((key, id)) }
                if let id = piece.code?.id { next = Swift.max(next, id + 1) }
            }
        }
        let keys = identities
        var stack: [Int] = []
        var out: [Piece] = []
        for (index, piece) in enumerated() {
            switch piece {
            case .text:
                out.append(piece)
            case .open(var c), .placeholder(var c):
                let key = keys[index] ?? c.kind.rawValue
                if let i = available.firstIndex(where: { $0.key == key }) {
                    c.id = available.remove(at: i).id
                } else {
                    c.id = next
                    next += 1
                }
                if case .open = piece {
                    stack.append(c.id)
                    out.append(.open(c))
                } else {
                    out.append(.placeholder(c))
                }
            case .close(var c):
                c.id = stack.popLast() ?? 0
                out.append(.close(c))
            }
        }
        return out
    }

    /// What makes two codes the same, by the index of each open and
    /// placeholder: the kind, and for a link or image its destination (the
    /// Markdown of its closing end), for code, autolinks and HTML their Markdown.
    var identities: [Int: String] {
        var keys: [Int: String] = [:]
        var stack: [Int] = []
        for (index, piece) in enumerated() {
            switch piece {
            case .text: break
            case .placeholder(let c):
                keys[index] = c.kind == .lineBreak ? c.kind.rawValue : c.kind.rawValue + "\u{0}" + c.native
            case .open(let c):
                stack.append(index)
                keys[index] = c.kind.rawValue
            case .close(let c):
                guard let open = stack.popLast() else { break }
                if c.kind == .link || c.kind == .image { keys[open] = c.kind.rawValue + "\u{0}" + c.native }
            }
        }
        return keys
    }
}
