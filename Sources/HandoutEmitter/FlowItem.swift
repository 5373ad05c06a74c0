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
    /// Draws nothing and takes no room (a structure tag's start or end): pagination looks past it.
    var isMarker: Bool { get }
    /// Moves to the next page whole rather than split, unless taller than a page (call-outs).
    var keepWhole: Bool { get }
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
    var isMarker: Bool { false }
    var keepWhole: Bool { false }
    var anchors: [String] { [] }
    func split(fitting available: Double) -> (head: any FlowItem, tail: any FlowItem)? { nil }
}

/// A paragraph, or the lines of one that fall on this page.
struct TextItem: FlowItem {
    let frame: TextFrame
    let lines: Range<Int>
    let color: RGB
    var keepWithNext = false
    /// The structure element the text is tagged as (`P`, `H1`, `Lbl`, `Caption`), or nil for
    /// text inside an element drawn around it.
    var tag: String?

    init(_ frame: TextFrame, color: RGB, keepWithNext: Bool = false, tag: String? = "P") {
        self.frame = frame
        self.lines = 0..<frame.lines.count
        self.color = color
        self.keepWithNext = keepWithNext
        self.tag = tag
    }

    private init(_ frame: TextFrame, lines: Range<Int>, color: RGB, tag: String?) {
        self.frame = frame
        self.lines = lines
        self.color = color
        self.tag = tag
    }

    var height: Double { frame.height(of: lines) }

    /// At least two lines stay together at each end of a split (no widows or orphans).
    static let minimumLines = 2

    var minimumStart: Double {
        lines.count >= 2 * Self.minimumLines
            ? frame.height(of: lines.lowerBound..<lines.lowerBound + Self.minimumLines) : height
    }

    func split(fitting available: Double) -> (head: any FlowItem, tail: any FlowItem)? {
        guard !keepWithNext, lines.count >= 2 * Self.minimumLines else { return nil }
        var end = lines.upperBound - Self.minimumLines
        while end - lines.lowerBound >= Self.minimumLines {
            if frame.height(of: lines.lowerBound..<end) <= available {
                return (
                    TextItem(frame, lines: lines.lowerBound..<end, color: color, tag: tag),
                    TextItem(frame, lines: end..<lines.upperBound, color: color, tag: tag)
                )
            }
            end -= 1
        }
        return nil
    }

    func draw(_ canvas: PDFCanvas, x: Double, y: Double) {
        if let tag { canvas.beginTag(tag) }
        frame.draw(canvas, x: x, y: y, lines: lines, color: color)
        if let tag { canvas.endTag(tag) }
    }
}

/// The start or end of a structure element around the items between them (a list's `L`).
struct TagItem: FlowItem {
    let name: String
    let begins: Bool
    var height: Double { 0 }
    var isMarker: Bool { true }
    func draw(_ canvas: PDFCanvas, x: Double, y: Double) {
        if begins { canvas.beginTag(name) } else { canvas.endTag(name) }
    }
}

/// Items kept on one page when they fit on one (a call-out, a helpline), split between them
/// only when the group is taller than a page.
struct GroupItem: FlowItem {
    let items: [any FlowItem]

    var height: Double { items.reduce(0) { $0 + $1.height } }
    var minimumStart: Double { height }
    var keepWhole: Bool { true }
    var anchors: [String] { items.flatMap(\.anchors) }

    func split(fitting available: Double) -> (head: any FlowItem, tail: any FlowItem)? {
        var used = 0.0
        for (index, item) in items.enumerated() {
            if used + item.height <= available {
                used += item.height
                continue
            }
            if item.minimumStart <= available - used, let (head, tail) = item.split(fitting: available - used) {
                return (
                    GroupItem(items: Array(items[..<index]) + [head]),
                    GroupItem(items: [tail] + Array(items[(index + 1)...]))
                )
            }
            guard index > 0 else { return nil }
            return (GroupItem(items: Array(items[..<index])), GroupItem(items: Array(items[index...])))
        }
        return nil
    }

    func draw(_ canvas: PDFCanvas, x: Double, y: Double) {
        var top = y
        for item in items {
            item.draw(canvas, x: x, y: top)
            top += item.height
        }
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
