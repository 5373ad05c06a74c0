/// Turns rich-text blocks into flow items of a given width: paragraphs, headings, nested
/// lists with numbers or bullets, tables as rows of columns, call-outs as tinted boxes.
struct BlockFormatter {
    let typesetter: Typesetter
    var role: TextRole = .body

    private var size: Double { typesetter.size(role) }
    private var style: HandoutStyle { typesetter.style }
    /// Space between blocks, relative to the text size.
    var blockGap: Double { size * 0.55 }

    func items(_ blocks: [RichBlock], width: Double) -> [any FlowItem] {
        var result: [any FlowItem] = []
        for (index, block) in blocks.enumerated() {
            if index > 0 { result.append(SpaceItem(height: isHeading(block) ? blockGap * 1.6 : blockGap)) }
            result += items(block, width: width)
        }
        return result
    }

    func paragraph(
        _ runs: [Run], width: Double, bold: Bool = false, italic: Bool = false,
        color: RGB? = nil
    ) -> TextItem {
        let textStyle = typesetter.textStyle(role, bold: bold, italic: italic, color: color)
        return TextItem(typesetter.frame(runs, textStyle, width: width), color: textStyle.color)
    }

    private func isHeading(_ block: RichBlock) -> Bool {
        if case .heading = block { return true }
        return false
    }

    private func items(_ block: RichBlock, width: Double) -> [any FlowItem] {
        switch block {
        case .heading(let level, let runs):
            // Headings inside an entry sit below the entry's own title: bold, a little larger.
            var textStyle = typesetter.textStyle(role, bold: true, color: style.accent)
            textStyle.font = style.headingFont
            textStyle.size = size * (level <= 2 ? 1.2 : 1.08)
            // Below the entry's own title (H2 in a booklet): Markdown's level 2 is H3.
            return [
                TextItem(
                    typesetter.frame(runs, textStyle, width: width), color: textStyle.color, keepWithNext: true,
                    tag: "H\(min(6, level + 1))")
            ]
        case .paragraph(let runs):
            return [paragraph(runs, width: width)]
        case .list(let ordered, let entries):
            return list(ordered: ordered, entries: entries, width: width)
        case .table(let header, let rows):
            return table(header: header, rows: rows, width: width)
        case .callout(let blocks):
            return callout(blocks, width: width)
        }
    }

    /// Numbered or bulleted entries, each entry's blocks indented behind its marker.
    func list(ordered: Bool, entries: [[RichBlock]], width: Double) -> [any FlowItem] {
        let indent = size * (ordered ? 1.9 : 1.3)
        var result: [any FlowItem] = []
        for (index, entry) in entries.enumerated() {
            if index > 0 { result.append(SpaceItem(height: blockGap * 0.5)) }
            let marker = ordered ? "\(index + 1)." : "•"
            let markerStyle = typesetter.textStyle(role, bold: ordered, color: style.accent, alignment: .right)
            let markerItem = TextItem(
                typesetter.frame(marker, markerStyle, width: indent - size * 0.45),
                color: markerStyle.color, tag: "Lbl")
            for (position, child) in items(entry, width: width - indent).enumerated() {
                result.append(IndentedItem(indent: indent, child: child, marker: position == 0 ? markerItem : nil))
            }
        }
        return [TagItem(name: "L", begins: true)] + result + [TagItem(name: "L", begins: false)]
    }

    private func table(header: [[Run]], rows: [[[Run]]], width: Double) -> [any FlowItem] {
        let count = max(header.count, rows.map(\.count).max() ?? 0)
        guard count > 0 else { return [] }
        let gap = size * 0.8
        let columnWidth = (width - gap * Double(count - 1)) / Double(count)
        func row(_ cells: [[Run]], bold: Bool) -> ColumnsItem {
            ColumnsItem(
                columns: (0..<count).map { column in
                    let runs = column < cells.count ? cells[column] : []
                    return (
                        Double(column) * (columnWidth + gap),
                        StackItem(items: [paragraph(runs, width: columnWidth, bold: bold)])
                    )
                })
        }
        let rule = style.rule
        let ruleItem = DrawnItem(height: size * 0.5) { canvas, x, y in
            canvas.line(fromX: x, toX: x + width, y: y + size * 0.25, width: 0.5, rule)
        }
        var result: [any FlowItem] = []
        if !header.isEmpty { result += [row(header, bold: true), ruleItem] }
        for (index, cells) in rows.enumerated() {
            if index > 0 { result.append(SpaceItem(height: size * 0.3)) }
            result.append(row(cells, bold: false))
        }
        return result
    }

    /// A tinted box with an accent bar, kept on one page unless it is longer than a page.
    func callout(_ blocks: [RichBlock], width: Double) -> [any FlowItem] {
        let padding = size * 0.6
        let inset = IndentedItem.Decoration.barWidth + padding
        let decoration = IndentedItem.Decoration(width: width, background: style.calloutBackground, bar: style.accent)
        let pad = IndentedItem(indent: inset, child: SpaceItem(height: padding), decoration: decoration)
        let inner = items(blocks, width: width - inset - padding)
        return [
            GroupItem(
                items: [pad] + inner.map { IndentedItem(indent: inset, child: $0, decoration: decoration) } + [pad])
        ]
    }
}
