/// Where a piece of linked text points.
public enum LinkTarget: Sendable, Hashable, Encodable {
    /// An external address: `https://…`, `tel:…`, `mailto:…`.
    case url(String)
    /// Another item of the same handout, by its anchor id (`indicators/holds-no-documents`).
    /// When the handout does not contain that anchor the text is printed without a link.
    case anchor(String)
}

/// A stretch of inline text with one set of formatting.
public struct Run: Sendable, Hashable, Encodable {
    public var text: String
    public var bold: Bool
    public var italic: Bool
    public var code: Bool
    /// Struck-through text (GitHub `~~…~~`), kept so a correction reads as one in print.
    public var strike: Bool
    public var link: LinkTarget?

    public init(
        _ text: String, bold: Bool = false, italic: Bool = false, code: Bool = false, strike: Bool = false,
        link: LinkTarget? = nil
    ) {
        self.text = text
        self.bold = bold
        self.italic = italic
        self.code = code
        self.strike = strike
        self.link = link
    }
}

/// Block-level rich text, already resolved from Markdown by the content model.
public indirect enum RichBlock: Sendable, Hashable, Encodable {
    case heading(level: Int, runs: [Run])
    case paragraph([Run])
    /// Each item is itself a list of blocks, so lists nest.
    case list(ordered: Bool, items: [[RichBlock]])
    case table(header: [[Run]], rows: [[[Run]]])
    /// A highlighted box, e.g. a fallback-language notice or a warning.
    case callout([RichBlock])
}

extension Array where Element == Run {
    /// The runs' text without formatting, for measuring and messages.
    var plainText: String { map(\.text).joined() }
}
