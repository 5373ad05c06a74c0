/// Something stacked vertically in a column of a page: a paragraph, a list item, a table,
/// a QR code. Items know their height before they are drawn, which is what lets layouts
/// check fit and paginate before committing anything to the PDF.
protocol FlowItem {
    var height: Double { get }
    /// The least free height needed to start this item on a page (e.g. a paragraph's first lines).
    var minimumStart: Double { get }
    /// Headings keep with what follows rather than ending a page.
    var keepWithNext: Bool { get }
    /// Pure vertical space, dropped at the top of a page.
    var isSpace: Bool { get }
    /// Destinations this item defines, so contents pages can learn their page numbers.
    var anchors: [String] { get }
    /// Splits the item so the head fits `available`; `nil` when it cannot be split there.
    func split(fitting available: Double) -> (head: any FlowItem, tail: any FlowItem)?
    func draw(_ canvas: PDFCanvas, x: Double, y: Double)
}

extension FlowItem {
    var minimumStart: Double { height }
    var keepWithNext: Bool { false }
    var isSpace: Bool { false }
    var anchors: [String] { [] }
    func split(fitting available: Double) -> (head: any FlowItem, tail: any FlowItem)? { nil }
}

/// A paragraph, or the lines of one that fall on this page.
struct TextItem: FlowItem {
    let frame: TextFrame
    let lines: Range<Int>
    let color: RGB
    var keepWithNext = false

    init(_ frame: TextFrame, color: RGB, keepWithNext: Bool = false) {
        self.frame = frame
        self.lines = 0..<frame.lines.count
        self.color = color
        self.keepWithNext = keepWithNext
    }

    private init(_ frame: TextFrame, lines: Range<Int>, color: RGB) {
        self.frame = frame
        self.lines = lines
        self.color = color
    }

    var height: Double { frame.height(of: lines) }

    /// At least two lines stay together at each end of a split (no widows or orphans).
    static let minimumLines = 2

    var minimumStart: Double {
        lines.count >= 2 * Self.minimumLines ? frame.height(of: lines.lowerBound..<lines.lowerBound + Self.minimumLines) : height
    }

    func split(fitting available: Double) -> (head: any FlowItem, tail: any FlowItem)? {
        guard !keepWithNext, lines.count >= 2 * Self.minimumLines else { return nil }
        var end = lines.upperBound - Self.minimumLines
        while end - lines.lowerBound >= Self.minimumLines {
            if frame.height(of: lines.lowerBound..<end) <= available {
                return (TextItem(frame, lines: lines.lowerBound..<end, color: color),
                        TextItem(frame, lines: end..<lines.upperBound, color: color))
            }
            end -= 1
        }
        return nil
    }

    func draw(_ canvas: PDFCanvas, x: Double, y: Double) {
        frame.draw(canvas, x: x, y: y, lines: lines, color: color)
    }
}

/// Vertical space between blocks.
struct SpaceItem: FlowItem {
    let height: Double
    var isSpace: Bool { true }
    func draw(_ canvas: PDFCanvas, x: Double, y: Double) {}
}

/// Anything drawn by a closure in a box of known height: rules, QR codes, fixed art.
struct DrawnItem: FlowItem {
    let height: Double
    let paint: (PDFCanvas, Double, Double) -> Void
    func draw(_ canvas: PDFCanvas, x: Double, y: Double) { paint(canvas, x, y) }
}

/// Items that must stay together, drawn one under the other.
struct StackItem: FlowItem {
    let items: [any FlowItem]

    var height: Double { items.reduce(0) { $0 + $1.height } }
    var anchors: [String] { items.flatMap(\.anchors) }

    func draw(_ canvas: PDFCanvas, x: Double, y: Double) {
        var top = y
        for item in items {
            item.draw(canvas, x: x, y: top)
            top += item.height
        }
    }
}

/// Side-by-side columns (table rows, do / don't), each a stack, kept together.
struct ColumnsItem: FlowItem {
    let columns: [(x: Double, item: StackItem)]
    var height: Double { columns.map(\.item.height).max() ?? 0 }
    var anchors: [String] { columns.flatMap(\.item.anchors) }

    func draw(_ canvas: PDFCanvas, x: Double, y: Double) {
        for column in columns { column.item.draw(canvas, x: x + column.x, y: y) }
    }
}
