/// Where a unit's Markdown is written, which decides what must be escaped.
enum MarkdownContext {
    /// A paragraph (also in a list item or block quote).
    case block
    case heading
    case tableCell
}

extension Array where Element == Piece {
    /// The pieces as Markdown on one line (a hard line break continues on the
    /// next, after `continuation`): codes as their Markdown, text escaped so
    /// that nothing a translator writes becomes markup. Emphasis is written
    /// with `*`, `**` and `~~` whatever the original used.
    func markdown(in context: MarkdownContext, continuation: String = "") -> String {
        var out = ""
        var atLineStart = true
        for (index, piece) in enumerated() {
            switch piece {
            case .text(let raw):
                var text = String(
                    raw.map { (c: Character) -> Character in c == "\n" || c == "\r" || c == "\r\n" ? " " : c })
                if atLineStart { text = String(text.drop(while: { $0 == " " || $0 == "\t" })) }
                if index == count - 1 { while text.last == " " || text.last == "\t" { text.removeLast() } }
                let next = index + 1 < count ? self[index + 1] : nil
                out += Self.escape(
                    text, in: context, atLineStart: atLineStart, beforeLink: next.map(Self.opensLink) ?? false)
                if !text.isEmpty { atLineStart = false }
            case .open(let code):
                out += Self.written(code, closing: false)
                atLineStart = false
            case .close(let code):
                out += Self.written(code, closing: true)
            case .placeholder(let code):
                out += code.native
                if code.kind == .lineBreak {
                    out += "\n" + continuation
                    atLineStart = true
                }
            }
        }
        return out
    }

    private static func opensLink(_ piece: Piece) -> Bool {
        if case .open(let c) = piece { return c.native.hasPrefix("[") }
        return false
    }

    private static func written(_ code: InlineCode, closing: Bool) -> String {
        switch code.kind {
        case .emphasis: return "*"
        case .strong: return "**"
        case .strikethrough: return "~~"
        default: return code.native
        }
    }

    /// Backslash-escapes what Markdown would read as markup: inline
    /// punctuation anywhere, and what starts a block at the start of a line.
    static func escape(_ text: String, in context: MarkdownContext, atLineStart: Bool, beforeLink: Bool) -> String {
        let scalars = [Unicode.Scalar](text.unicodeScalars)
        var out = ""
        var lineStart = atLineStart
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            let next: Unicode.Scalar? = i + 1 < scalars.count ? scalars[i + 1] : nil
            if lineStart, c != " ", c != "\t" {
                lineStart = false
                if "#>-+=".unicodeScalars.contains(c) {
                    out.unicodeScalars.append("\\")
                    out.unicodeScalars.append(c)
                    i += 1
                    continue
                }
                if c.properties.numericType != nil, c.isASCII {
                    var j = i
                    while j < scalars.count, scalars[j].isASCII, scalars[j].properties.numericType != nil { j += 1 }
                    if j < scalars.count, scalars[j] == "." || scalars[j] == ")" {
                        out.unicodeScalars.append(contentsOf: scalars[i..<j])
                        out.unicodeScalars.append("\\")
                        out.unicodeScalars.append(scalars[j])
                        i = j + 1
                        continue
                    }
                }
            }
            switch c {
            case "\\", "`", "*", "_", "[", "]", "<", "~":
                out.unicodeScalars.append("\\")
            case "&" where isEntity(scalars, at: i):
                out.unicodeScalars.append("\\")
            case "{" where next == "#":
                out.unicodeScalars.append("\\")
            case "|" where context == .tableCell:
                out.unicodeScalars.append("\\")
            case "#" where context == .heading:
                out.unicodeScalars.append("\\")
            case "!" where beforeLink && i == scalars.count - 1:
                out.unicodeScalars.append("\\")
            default:
                break
            }
            out.unicodeScalars.append(c)
            i += 1
        }
        return out
    }

    /// Whether `&…;` at `i` would be read as an entity reference.
    private static func isEntity(_ s: [Unicode.Scalar], at i: Int) -> Bool {
        var j = i + 1
        while j < s.count, j - i <= 32, s[j].isASCII,
            s[j].properties.isAlphabetic || s[j].properties.numericType != nil || s[j] == "#"
        {
            j += 1
        }
        return j > i + 1 && j < s.count && s[j] == ";"
    }
}
