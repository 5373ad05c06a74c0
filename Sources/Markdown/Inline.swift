import Diagnostics

/// An inline element. Only links, images and raw HTML carry source ranges:
/// those are what diagnostics point at.
public enum Inline: Hashable, Sendable {
    case text(String)
    case emphasis([Inline])
    case strong([Inline])
    case strikethrough([Inline])
    case code(String)
    case link(Link)
    /// An image; `Link.children` is its alt text.
    case image(Link)
    case softBreak
    case lineBreak
    /// Raw inline HTML, kept so the caller can warn about it; renderers drop it.
    case html(String, SourceRange)
}

/// The target and content of a link or an image.
public struct Link: Hashable, Sendable {
    /// The destination as parsed (escapes and entities resolved). For a
    /// GitHub autolink (`www.example.com`) cmark adds the scheme.
    public let destination: String
    public let title: String
    /// Link text, or an image's alt text.
    public let children: [Inline]
    /// The whole link as written, e.g. `[text](dest "title")`.
    public let range: SourceRange
    /// The destination as written inside the source, when it can be found
    /// verbatim (not for reference-style links or escaped destinations).
    public let destinationRange: SourceRange?

    public init(
        destination: String, title: String, children: [Inline],
        range: SourceRange, destinationRange: SourceRange?
    ) {
        self.destination = destination
        self.title = title
        self.children = children
        self.range = range
        self.destinationRange = destinationRange
    }
}

extension Array where Element == Inline {
    /// The readable text of these inlines: markup removed, code spans and
    /// image alt text kept, soft breaks as spaces, raw HTML dropped.
    public var plainText: String {
        var out = ""
        appendPlainText(to: &out)
        return out
    }

    func appendPlainText(to out: inout String) {
        for inline in self {
            switch inline {
            case .text(let s), .code(let s): out += s
            case .emphasis(let c), .strong(let c), .strikethrough(let c): c.appendPlainText(to: &out)
            case .link(let l), .image(let l): l.children.appendPlainText(to: &out)
            case .softBreak: out += " "
            case .lineBreak: out += "\n"
            case .html: break
            }
        }
    }
}
