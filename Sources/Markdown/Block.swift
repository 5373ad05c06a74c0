import Diagnostics

/// A block-level element of a Markdown body, with the source range it covers
/// (file positions: the parser's `lineOffset` is already applied).
public struct Block: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case paragraph([Inline])
        case heading(Heading)
        case list(List)
        case blockQuote([Block])
        /// A fenced or indented code block; `info` is the fence's info string
        /// (empty for indented blocks), `code` ends with a newline as written.
        case codeBlock(info: String, code: String)
        case table(Table)
        case thematicBreak
        /// Raw HTML, kept so the caller can warn about it; renderers drop it.
        case html(String)
    }

    public let kind: Kind
    public let range: SourceRange

    public init(_ kind: Kind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}

/// An ATX or setext heading. A trailing `{#id}` becomes `id` and is removed
/// from `inlines`; `idRange` points at the `{#…}` text.
public struct Heading: Hashable, Sendable {
    public let level: Int
    public let inlines: [Inline]
    public let id: String?
    public let idRange: SourceRange?

    public init(level: Int, inlines: [Inline], id: String? = nil, idRange: SourceRange? = nil) {
        self.level = level
        self.inlines = inlines
        self.id = id
        self.idRange = idRange
    }
}

/// A bullet or ordered list.
public struct List: Hashable, Sendable {
    public let ordered: Bool
    /// The first number of an ordered list (1 for bullet lists).
    public let start: Int
    /// A tight list renders its items' paragraphs without `<p>`.
    public let tight: Bool
    public let items: [ListItem]

    public init(ordered: Bool, start: Int, tight: Bool, items: [ListItem]) {
        self.ordered = ordered
        self.start = start
        self.tight = tight
        self.items = items
    }
}

/// One list item; `checked` is non-nil for GitHub task list items (`- [x]`).
public struct ListItem: Hashable, Sendable {
    public let blocks: [Block]
    public let checked: Bool?
    public let range: SourceRange

    public init(blocks: [Block], checked: Bool?, range: SourceRange) {
        self.blocks = blocks
        self.checked = checked
        self.range = range
    }
}

/// A GitHub table: one header row, then body rows. Every row has as many
/// cells as `alignments` has columns.
public struct Table: Hashable, Sendable {
    public enum Alignment: String, Hashable, Sendable {
        case none, left, center, right
    }

    public let alignments: [Alignment]
    public let header: TableRow
    public let rows: [TableRow]

    public init(alignments: [Alignment], header: TableRow, rows: [TableRow]) {
        self.alignments = alignments
        self.header = header
        self.rows = rows
    }
}

/// A table row: each cell is a run of inlines.
public struct TableRow: Hashable, Sendable {
    public let cells: [[Inline]]
    public let range: SourceRange

    public init(cells: [[Inline]], range: SourceRange) {
        self.cells = cells
        self.range = range
    }
}
