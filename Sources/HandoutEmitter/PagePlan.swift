/// Items with their final positions on one page, decided before anything is drawn so a layout
/// can be retried at smaller sizes.
struct PagePlan {
    private(set) var placements: [(item: any FlowItem, x: Double, y: Double)] = []

    mutating func place(_ item: any FlowItem, x: Double, y: Double) {
        placements.append((item, x, y))
    }

    /// Moves the last placed item down to `y` (never up), e.g. to sit at the foot of the page.
    mutating func moveLast(to y: Double) {
        guard let last = placements.popLast() else { return }
        placements.append((last.item, last.x, max(last.y, y)))
    }

    func draw(_ canvas: PDFCanvas) {
        for placement in placements { placement.item.draw(canvas, x: placement.x, y: placement.y) }
    }
}

/// Stacks items in a column from `top` down to `bottom`; what does not fit is reported with
/// the content item it belongs to and how far it would reach past the bottom.
struct ColumnStacker {
    let x: Double
    let bottom: Double
    let gap: Double
    private(set) var y: Double
    private var started = false

    init(x: Double, top: Double, bottom: Double, gap: Double) {
        self.x = x
        self.y = top
        self.bottom = bottom
        self.gap = gap
    }

    /// Whether the item fits below what is already in the column.
    func fits(_ item: any FlowItem) -> Bool { overflow(of: item) <= 0.01 }

    /// How far the item would reach past the bottom.
    func overflow(of item: any FlowItem) -> Double { y + (started ? gap : 0) + item.height - bottom }

    mutating func place(_ item: any FlowItem, in plan: inout PagePlan) {
        if started { y += gap }
        plan.place(item, x: x, y: y)
        y += item.height
        started = true
    }

    /// Advances past an item that is left off, so later items report cumulative overflow.
    mutating func skip(_ item: any FlowItem) {
        if started { y += gap }
        y += item.height
        started = true
    }
}
