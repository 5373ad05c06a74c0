/// Pocket card, CR80 or A6: the front lists indicators (title and what to do) in two columns;
/// the back gives the helplines with large numbers, the QR code and the footer. Exactly two
/// pages. Text shrinks towards the minimum size to fit; what still does not fit is reported.
struct PocketCardLayout {
    let content: HandoutContent
    let typesetter: Typesetter
    let page: PageGeometry

    private var style: HandoutStyle { typesetter.style }
    private var entries: EntryFormatter { EntryFormatter(typesetter: typesetter, strings: content.strings) }

    func render() throws -> [FitProblem] {
        let items = content.allItems.filter { if case .helpline = $0 { false } else { true } }
        guard !items.isEmpty else { throw HandoutError.nothingToShow(layout: .pocketCard, needs: "indicators") }
        let helplines = HelplineCollector.helplines(in: content)
        let (sides, problems) = typesetter.fit { () -> ([PagePlan], [FitProblem]) in
            let front = self.front(items)
            let back = self.back(helplines)
            return ([front.plan, back.plan], front.problems + back.problems)
        }
        for side in sides {
            side.draw(typesetter.canvas)
            typesetter.canvas.endPage()
        }
        return problems
    }

    private func front(_ items: [HandoutItem]) -> (plan: PagePlan, problems: [FitProblem]) {
        var plan = PagePlan()
        let titleStyle = typesetter.textStyle(.title, color: style.accent)
        let title = TextItem(typesetter.frame(content.title, titleStyle, width: page.contentWidth), color: titleStyle.color)
        plan.place(title, x: page.left, y: page.top)
        let ruleY = page.top + title.height + typesetter.size(.body) * 0.3
        plan.place(rule(page.contentWidth), x: page.left, y: ruleY)

        let columnGap = typesetter.size(.body) * 1.2
        let columnWidth = (page.contentWidth - columnGap) / 2
        let top = ruleY + typesetter.size(.body) * 0.5
        let gap = typesetter.size(.body) * 0.45
        var columns = [0, 1].map {
            ColumnStacker(x: page.left + Double($0) * (columnWidth + columnGap), top: top, bottom: page.bottom, gap: gap)
        }
        // Balanced columns: an entry goes right once the left holds about half of everything.
        let blocks = items.map { ($0, cardEntry($0, width: columnWidth)) }
        let half = blocks.reduce(0) { $0 + $1.1.height + gap } / 2
        var column = 0
        var problems: [FitProblem] = []
        for (item, block) in blocks {
            let leftHeight = columns[0].y - top
            if column == 0 && (!columns[0].fits(block) || leftHeight > 0 && leftHeight + block.height / 2 > half) {
                column = 1
            }
            if problems.isEmpty && columns[column].fits(block) {
                columns[column].place(block, in: &plan)
            } else {
                problems.append(problem(item, place: "front", overflow: columns[column].overflow(of: block)))
                columns[column].skip(block)
            }
        }
        return (plan, problems)
    }

    /// An entry as two short lines: its title in bold, then what to do.
    private func cardEntry(_ item: HandoutItem, width: Double) -> StackItem {
        let titleStyle = typesetter.textStyle(.heading)
        let line: String
        switch item {
        case .indicator(let indicator): line = "→ " + indicator.whatToDo
        case .protocol(let item): line = item.trigger
        case .concept(let concept): line = concept.body.first.map(Self.plainText) ?? ""
        case .helpline(let helpline): line = helpline.channels.map(\.value).joined(separator: " · ")
        }
        let lineStyle = typesetter.textStyle(.body)
        return StackItem(items: [
            TextItem(typesetter.frame(item.title, titleStyle, width: width), color: titleStyle.color),
            TextItem(typesetter.frame(line, lineStyle, width: width), color: lineStyle.color),
        ])
    }

    private static func plainText(_ block: RichBlock) -> String {
        switch block {
        case .heading(_, let runs), .paragraph(let runs): runs.plainText
        case .list(_, let items): items.compactMap(\.first).map(plainText).joined(separator: " ")
        case .table(let header, _): header.map(\.plainText).joined(separator: " ")
        case .callout(let blocks): blocks.map(plainText).joined(separator: " ")
        }
    }

    private func back(_ helplines: [HelplineItem]) -> (plan: PagePlan, problems: [FitProblem]) {
        var plan = PagePlan()
        let furniture = PageFurniture(typesetter: typesetter, page: page, footerText: content.footerText)
        let bottom = page.bottom - furniture.footerHeight

        var textWidth = page.contentWidth
        if let payload = content.qrPayload, let code = QRCode(payload) {
            let qr = QRBlock(code: code, edge: typesetter.metrics.qrSize, caption: content.qrCaption, typesetter: typesetter)
            textWidth -= qr.width + typesetter.size(.body)
            plan.place(qr, x: page.left + page.contentWidth - qr.width, y: max(page.top, bottom - qr.height))
        }
        let headingStyle = typesetter.textStyle(.heading, color: style.accent)
        let heading = TextItem(typesetter.frame(content.strings.whoToCall, headingStyle, width: textWidth),
                               color: headingStyle.color)
        var stack = ColumnStacker(x: page.left, top: page.top, bottom: bottom, gap: typesetter.size(.body) * 0.6)
        stack.place(heading, in: &plan)
        var problems: [FitProblem] = []
        for helpline in helplines {
            let block = cardHelpline(helpline, width: textWidth)
            if problems.isEmpty && stack.fits(block) {
                stack.place(block, in: &plan)
            } else {
                problems.append(problem(.helpline(helpline), place: "back", overflow: stack.overflow(of: block)))
                stack.skip(block)
            }
        }
        plan.place(DrawnItem(height: 0) { _, _, _ in furniture.drawFooter(pageLabel: nil) }, x: 0, y: 0)
        return (plan, problems)
    }

    /// Name, then each number large and linked, with its channel and hours in small print.
    private func cardHelpline(_ helpline: HelplineItem, width: Double) -> StackItem {
        let nameStyle = typesetter.textStyle(.heading)
        var items: [any FlowItem] = [TextItem(typesetter.frame(helpline.name, nameStyle, width: width), color: nameStyle.color)]
        if let notice = helpline.notice { items.append(entries.small(notice, width: width, italic: true)) }
        let numberStyle = typesetter.textStyle(.number, color: style.accent)
        for channel in helpline.channels {
            let number = Run(channel.value, link: channel.url.map(LinkTarget.url))
            items.append(TextItem(typesetter.frame([number], numberStyle, width: width), color: numberStyle.color))
            let hours = "\(content.strings.hours): \(channel.hours ?? content.strings.notStated)"
            items.append(entries.small("\(channel.typeLabel) · \(hours)", width: width))
        }
        return StackItem(items: items)
    }

    private func rule(_ width: Double) -> DrawnItem {
        let color = style.rule
        return DrawnItem(height: 0) { canvas, x, y in canvas.line(fromX: x, toX: x + width, y: y, width: 0.5, color) }
    }

    private func problem(_ item: HandoutItem, place: String, overflow: Double) -> FitProblem {
        FitProblem(source: item.source, anchor: item.anchor, title: item.title, place: place, overflow: max(overflow, 0))
    }
}
