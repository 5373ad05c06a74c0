/// Pocket card, CR80 or A6, two sides. The front carries the title and the indicators (title and
/// what to do), which continue at the top of the back when the front is full; the back ends with
/// who to call (each number large and linked, with what its source states and its verification
/// date), the QR code and the footer. Both sides are filled at the style's sizes before any text
/// shrinks; what does not fit at the smallest sizes is reported, never clipped.
struct PocketCardLayout {
    let content: HandoutContent
    let typesetter: Typesetter
    let page: PageGeometry

    private var style: HandoutStyle { typesetter.style }
    private var entries: EntryFormatter { EntryFormatter(typesetter: typesetter, strings: content.strings) }
    private var furniture: PageFurniture { PageFurniture(typesetter: typesetter, page: page, content: content) }

    /// The two sides, laid out at the sizes that fit (checks its input first).
    func plans() throws -> (sides: [PagePlan], problems: [FitProblem]) {
        let items = content.allItems.filter { if case .helpline = $0 { false } else { true } }
        guard !items.isEmpty else { throw HandoutError.nothingToShow(layout: .pocketCard, needs: "indicators") }
        return typesetter.fit { layOut(items) }
    }

    func render() throws -> [FitProblem] {
        let (sides, problems) = try plans()
        for side in sides {
            side.draw(typesetter.canvas)
            typesetter.canvas.endPage()
        }
        return problems
    }

    private func layOut(_ items: [HandoutItem]) -> ([PagePlan], [FitProblem]) {
        var front = PagePlan()
        var back = PagePlan()
        var problems: [FitProblem] = []
        let width = page.contentWidth
        let gap = typesetter.size(.body) * 0.55

        let titleStyle = typesetter.textStyle(.title, color: style.accent)
        let title = TextItem(
            typesetter.frame(content.title, titleStyle, width: width), color: titleStyle.color, tag: "H1")
        front.place(title, x: page.left, y: page.top)
        let ruleY = page.top + title.height + typesetter.size(.body) * 0.3
        front.place(rule(width), x: page.left, y: ruleY)
        var frontBottom = page.bottom
        if let notice = content.reviewNotice {
            let textStyle = typesetter.textStyle(.footer, bold: true, italic: true)
            let line = TextItem(typesetter.frame(notice, textStyle, width: width), color: textStyle.color)
            front.place(line, x: page.left, y: page.bottom - line.height)
            frontBottom -= line.height + gap
        }

        // The back's foot: who to call beside the QR code, then the footer.
        let (callBlock, callProblems) = whoToCall(width: width)
        problems += callProblems
        let footerTop = page.bottom - furniture.footerHeight
        let callTop = footerTop - callBlock.height
        let backTop = page.top
        if callTop < page.top - 0.01 {
            problems.append(
                FitProblem(
                    source: content.whoToCall.first?.helplines.first?.source ?? "", anchor: "who-to-call",
                    title: content.strings.whoToCall, place: "back",
                    overflow: page.top - callTop))
        } else {
            back.place(callBlock, x: page.left, y: callTop)
        }
        back.place(DrawnItem(height: 0) { _, _, _ in furniture.drawFooter(pageLabel: nil) }, x: 0, y: 0)

        var columns = [
            ColumnStacker(x: page.left, top: ruleY + typesetter.size(.body) * 0.5, bottom: frontBottom, gap: gap),
            ColumnStacker(x: page.left, top: backTop, bottom: max(backTop, callTop - gap * 2), gap: gap),
        ]
        var side = 0
        var placed = 0
        for item in items {
            let block = cardEntry(item, width: width)
            if problems.isEmpty, side == 0, !columns[0].fits(block) { side = 1 }
            if problems.isEmpty && columns[side].fits(block) {
                if side == 0 { columns[0].place(block, in: &front) } else { columns[1].place(block, in: &back) }
                placed += 1
            } else {
                var problem = FitProblem(
                    source: item.source, anchor: item.anchor, title: item.title,
                    place: side == 0 ? "front" : "back", overflow: max(columns[side].overflow(of: block), 0))
                problem.fitted = placed
                problems.append(problem)
                columns[side].skip(block)
            }
        }
        return ([front, back], problems)
    }

    /// An entry as two short parts: its title in bold, then what to do.
    private func cardEntry(_ item: HandoutItem, width: Double) -> GroupItem {
        let titleStyle = typesetter.textStyle(.heading)
        let line: String
        switch item {
        case .indicator(let indicator): line = indicator.whatToDo
        case .protocol(let item): line = item.trigger
        case .concept(let concept): line = concept.body.first.map(Self.plainText) ?? ""
        case .helpline(let helpline): line = helpline.channels.map(\.value).joined(separator: " · ")
        }
        let lineStyle = typesetter.textStyle(.body)
        return GroupItem(items: [
            TextItem(typesetter.frame(item.title, titleStyle, width: width), color: titleStyle.color, tag: "H2"),
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

    /// "Who to call" with the QR code at the right: per country, each helpline's name, its
    /// numbers large, what the source states and when it was verified.
    private func whoToCall(width: Double) -> (GroupItem, [FitProblem]) {
        var qrWidth = 0.0
        var columns: [(x: Double, item: StackItem)] = []
        if let payload = content.qrPayload, let code = QRCode(payload) {
            let qr = QRBlock(
                code: code, edge: typesetter.metrics.qrSize, caption: content.qrCaption,
                alt: QRCode.alt(content.strings.qrAlt, payload: payload), typesetter: typesetter)
            qrWidth = qr.width + typesetter.size(.body)
            columns.append((width - qr.width, StackItem(items: [qr])))
        }
        let textWidth = width - qrWidth
        let headingStyle = typesetter.textStyle(.heading, color: style.accent)
        var text: [any FlowItem] = [
            TextItem(
                typesetter.frame(content.strings.whoToCall, headingStyle, width: textWidth),
                color: headingStyle.color, tag: "H2")
        ]
        for group in content.whoToCall {
            if content.whoToCall.count > 1, !group.title.isEmpty {
                text.append(entries.subheading(group.title, width: textWidth))
            }
            if let missing = group.noEmergencyNumber { text.append(entries.small(missing, width: textWidth)) }
            for helpline in group.helplines {
                text += [SpaceItem(height: typesetter.size(.body) * 0.4), cardHelpline(helpline, width: textWidth)]
            }
        }
        columns.insert((0, StackItem(items: text)), at: 0)
        return (GroupItem(items: [ColumnsItem(columns: columns)]), [])
    }

    /// Name, then each number large and linked with its channel, then facts and verification.
    private func cardHelpline(_ helpline: HelplineItem, width: Double) -> GroupItem {
        let nameStyle = typesetter.textStyle(.heading)
        let country = content.whoToCall.first { $0.helplines.contains(helpline) }?.title
        let name = EntryFormatter.name(helpline, under: country)
        var items: [any FlowItem] = [
            TextItem(typesetter.frame(name, nameStyle, width: width), color: nameStyle.color, tag: "H3")
        ]
        if let notice = helpline.notice { items.append(entries.small(notice, width: width, italic: true)) }
        let numberStyle = typesetter.textStyle(.number, color: style.accent)
        for channel in helpline.channels {
            // Numbers at the number size; a handle (Messenger) or address in bold body text.
            let valueStyle =
                channel.isNumber ? numberStyle : typesetter.textStyle(.body, bold: true, color: style.accent)
            let value = Run(channel.value, link: channel.url.map(LinkTarget.url))
            items.append(entries.small(channel.typeLabel, width: width))
            items.append(TextItem(typesetter.frame([value], valueStyle, width: width), color: valueStyle.color))
        }
        items += entries.freshness(helpline, width: width, facts: helpline.facts)
        return GroupItem(items: items)
    }

    private func rule(_ width: Double) -> DrawnItem {
        let color = style.rule
        return DrawnItem(height: 0) { canvas, x, y in canvas.line(fromX: x, toX: x + width, y: y, width: 0.5, color) }
    }
}
