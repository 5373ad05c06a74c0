/// Pocket cards for an office printer: the card at actual size, several-up on A4 or Letter (the
/// orientation that holds most), with cut marks outside the grid. Page 1 holds the fronts, page
/// 2 the backs, each back mirrored across the sheet so that it lands behind its front when the
/// sheet is printed double-sided and flipped about its vertical axis (long edge for a portrait
/// sheet, short edge for a landscape one), as the note in the margin says.
struct Imposition {
    let card: PocketCardLayout
    let sheet: Paper
    let style: HandoutStyle

    /// Space kept free at the sheet's edges (office printers cannot print to the edge), in points.
    static let sheetMargin = mm(10)
    /// Space between cards, where cut marks would otherwise collide.
    static let gutter = mm(5)

    struct Grid: Equatable {
        var width: Double
        var height: Double
        var columns: Int
        var rows: Int
        var count: Int { columns * rows }
    }

    /// The orientation of `sheet` holding most cards of `cardPaper` (portrait when equal).
    static func grid(card cardPaper: Paper, sheet: Paper) -> Grid {
        func fit(_ width: Double, _ height: Double) -> Grid {
            let columns = Int((width - 2 * sheetMargin + gutter) / (cardPaper.width + gutter))
            let rows = Int((height - 2 * sheetMargin + gutter) / (cardPaper.height + gutter))
            return Grid(width: width, height: height, columns: max(0, columns), rows: max(0, rows))
        }
        let portrait = fit(min(sheet.width, sheet.height), max(sheet.width, sheet.height))
        let landscape = fit(max(sheet.width, sheet.height), min(sheet.width, sheet.height))
        return landscape.count > portrait.count ? landscape : portrait
    }

    func render() throws -> [FitProblem] {
        let (sides, problems) = try card.plans()
        let canvas = card.typesetter.canvas
        let grid = Self.grid(card: card.content.paper, sheet: sheet)
        guard grid.count > 0 else { throw HandoutError.unsupportedPaper(layout: .pocketCard, paper: sheet) }
        let cardWidth = card.content.paper.width
        let cardHeight = card.content.paper.height
        let gridWidth = Double(grid.columns) * (cardWidth + Self.gutter) - Self.gutter
        let gridHeight = Double(grid.rows) * (cardHeight + Self.gutter) - Self.gutter
        let left = (grid.width - gridWidth) / 2
        let top = (grid.height - gridHeight) / 2
        for (index, side) in sides.enumerated() {
            for row in 0..<grid.rows {
                for column in 0..<grid.columns {
                    // Backs mirrored across the sheet's vertical axis.
                    let slot = index == 0 ? column : grid.columns - 1 - column
                    let x = left + Double(slot) * (cardWidth + Self.gutter)
                    let y = top + Double(row) * (cardHeight + Self.gutter)
                    canvas.translated(x: x, y: y) { side.draw(canvas) }
                }
            }
            cutMarks(canvas, grid: grid, left: left, top: top, cardWidth: cardWidth, cardHeight: cardHeight)
            note(grid: grid, top: top)
            canvas.endPage()
        }
        return problems
    }

    /// Short lines outside the grid, in line with every card edge.
    private func cutMarks(
        _ canvas: PDFCanvas, grid: Grid, left: Double, top: Double, cardWidth: Double, cardHeight: Double
    ) {
        let length = mm(4)
        let offset = mm(1.5)
        let color = RGB(red: 0, green: 0, blue: 0)
        let bottom = top + Double(grid.rows) * (cardHeight + Self.gutter) - Self.gutter
        let right = left + Double(grid.columns) * (cardWidth + Self.gutter) - Self.gutter
        for column in 0..<grid.columns {
            for x in [
                left + Double(column) * (cardWidth + Self.gutter),
                left + Double(column) * (cardWidth + Self.gutter) + cardWidth,
            ] {
                canvas.segment(x, top - offset - length, x, top - offset, width: 0.25, color)
                canvas.segment(x, bottom + offset, x, bottom + offset + length, width: 0.25, color)
            }
        }
        for row in 0..<grid.rows {
            for y in [
                top + Double(row) * (cardHeight + Self.gutter),
                top + Double(row) * (cardHeight + Self.gutter) + cardHeight,
            ] {
                canvas.segment(left - offset - length, y, left - offset, y, width: 0.25, color)
                canvas.segment(right + offset, y, right + offset + length, y, width: 0.25, color)
            }
        }
    }

    /// How to print the sheet, in the handout's language, in the top margin.
    private func note(grid: Grid, top: Double) {
        let typesetter = card.typesetter
        let key = grid.width > grid.height ? card.content.strings.duplexShortEdge : card.content.strings.duplexLongEdge
        guard !key.isEmpty else { return }
        let textStyle = typesetter.textStyle(.footer, color: style.muted, alignment: .center)
        let frame = typesetter.frame(key, textStyle, width: grid.width - 2 * Self.sheetMargin)
        TextItem(frame, color: textStyle.color).draw(
            typesetter.canvas, x: Self.sheetMargin,
            y: max(mm(3), top - mm(7) - frame.height))
    }
}
