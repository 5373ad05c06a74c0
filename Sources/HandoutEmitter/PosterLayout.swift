/// Awareness poster, A3 or A4, one page, built like campaign posters: one message, a few signs,
/// one number, large. A headline band (the handout's title); the few strongest signs (the
/// indicators it includes, strongest first, as `order` and `limit` rank them); what to do (the
/// do and don't lists of the protocol it includes, else each sign's own advice); who to call,
/// emergency first, each number the largest text on the sheet with what its source states and
/// when it was verified; the QR code; the footer. Text grows until the sheet is filled and the
/// space left is shared between the blocks, so every language fills the sheet by design.
struct PosterLayout {
    let content: HandoutContent
    let typesetter: Typesetter
    let page: PageGeometry

    private var style: HandoutStyle { typesetter.style }
    private var entries: EntryFormatter { EntryFormatter(typesetter: typesetter, strings: content.strings) }
    /// How far text may grow past the style's sizes to fill the sheet.
    static let largestScale = 1.6
    /// The first items of the protocol's do and don't lists a poster shows (the content puts
    /// the most important first: never confront, report discreetly).
    static let adviceItems = 2

    func render() throws -> [FitProblem] {
        let helplines = HelplineCollector.helplines(in: content)
        guard !helplines.isEmpty else { throw HandoutError.nothingToShow(layout: .poster, needs: "helplines") }
        let furniture = PageFurniture(typesetter: typesetter, page: page, content: content)
        // Largest scale at which everything fits, found by halving.
        var (low, high) = (0.0, Self.largestScale)
        typesetter.scale(by: 0)
        var best = layOut(furniture)
        if best.problems.isEmpty {
            while high - low > 0.01 {
                let middle = (low + high) / 2
                typesetter.scale(by: middle)
                let attempt = layOut(furniture)
                if attempt.problems.isEmpty { (low, best) = (middle, attempt) } else { high = middle }
            }
        }
        best.plan.draw(typesetter.canvas)
        furniture.drawFooter(pageLabel: nil)
        typesetter.canvas.endPage()
        typesetter.scale(by: 1)
        return best.problems
    }

    /// The poster at the current sizes: the blocks spread over the sheet, or what does not fit.
    private func layOut(_ furniture: PageFurniture) -> (plan: PagePlan, problems: [FitProblem]) {
        var plan = PagePlan()
        let width = page.contentWidth
        let gap = typesetter.size(.body) * 0.9
        let band = headline(width: width)
        plan.place(band.item, x: 0, y: 0)
        let top = band.height + gap * 1.5
        let bottom = page.bottom - furniture.footerHeight
        let blocks = [signs(width: width), whatToDo(width: width), whoToCall(width: width)].compactMap { $0 }
        let used = blocks.reduce(0) { $0 + $1.item.height } + gap * Double(max(0, blocks.count - 1))
        if used > bottom - top + 0.01 {
            let owner = blocks.first { $0.owner != nil }?.owner
            return (
                plan,
                [
                    FitProblem(
                        source: owner?.source ?? "", anchor: owner?.anchor ?? "poster",
                        title: owner?.title ?? content.title,
                        place: "poster", overflow: used - (bottom - top))
                ]
            )
        }
        // The space left is shared between the blocks, so the sheet is filled by design.
        let spare = (bottom - top - used) / Double(blocks.count)
        var y = top + spare / 2
        for block in blocks {
            plan.place(block.item, x: page.left, y: y)
            y += block.item.height + gap + spare
        }
        return (plan, [])
    }

    /// The title in white on an accent band across the top of the sheet.
    private func headline(width: Double) -> (item: any FlowItem, height: Double) {
        let titleStyle = typesetter.textStyle(.title, color: RGB(red: 1, green: 1, blue: 1))
        let title = TextItem(
            typesetter.frame(content.title, titleStyle, width: width), color: titleStyle.color, tag: "H1")
        let height = page.top + title.height + page.margin * 0.6
        let accent = style.accent
        let pageWidth = page.width
        let left = page.left
        let margin = page.top
        return (
            DrawnItem(height: height) { canvas, _, _ in
                canvas.fill(Rect(x: 0, y: 0, width: pageWidth, height: height), accent)
                title.draw(canvas, x: left, y: margin)
            }, height
        )
    }

    private struct Block {
        var item: any FlowItem
        var owner: HandoutItem?
    }

    /// The strongest signs, numbered, each title in bold.
    private func signs(width: Double) -> Block? {
        let indicators = content.allItems.filter { if case .indicator = $0 { true } else { false } }
        guard !indicators.isEmpty else { return nil }
        let body = BlockFormatter(typesetter: typesetter)
        let list = indicators.map { [RichBlock.paragraph([Run($0.title, bold: true)])] }
        let items: [any FlowItem] =
            [entries.heading(content.strings.signs, width: width)]
            + body.list(ordered: true, entries: list, width: width)
        return Block(item: GroupItem(items: items), owner: indicators.first)
    }

    /// What to do: the protocol's don't and do lists side by side, else each sign's advice.
    private func whatToDo(width: Double) -> Block? {
        let body = BlockFormatter(typesetter: typesetter)
        for case .protocol(let item) in content.allItems where !item.dos.isEmpty || !item.donts.isEmpty {
            // The columns' own headings ("Don't", "Do") say what they are; text in another language
            // than the poster's says so first.
            var items: [any FlowItem] = item.notice.map { [entries.small($0, width: width, italic: true)] } ?? []
            let lists = [(content.strings.dontList, item.donts), (content.strings.doList, item.dos)].filter {
                !$0.1.isEmpty
            }
            let columnGap = typesetter.size(.body)
            let columnWidth = (width - columnGap * Double(lists.count - 1)) / Double(lists.count)
            items.append(
                ColumnsItem(
                    columns: lists.enumerated().map { index, list in
                        let column =
                            [entries.heading(list.0, width: columnWidth)]
                            + body.list(
                                ordered: false,
                                entries: list.1.prefix(Self.adviceItems).map { [RichBlock.paragraph($0)] },
                                width: columnWidth)
                        return (Double(index) * (columnWidth + columnGap), StackItem(items: column))
                    }))
            return Block(item: GroupItem(items: items), owner: .protocol(item))
        }
        var items: [any FlowItem] = [entries.heading(content.strings.whatToDo, width: width)]
        var seen: Set<String> = []
        let advice = content.allItems.compactMap { item -> String? in
            guard case .indicator(let indicator) = item, !indicator.whatToDo.isEmpty else { return nil }
            return seen.insert(indicator.whatToDo).inserted ? indicator.whatToDo : nil
        }
        guard !advice.isEmpty else { return nil }
        items += body.list(ordered: false, entries: advice.map { [RichBlock.paragraph([Run($0)])] }, width: width)
        return Block(item: GroupItem(items: items), owner: content.allItems.first)
    }

    /// Who to call on a tinted panel: each helpline's purpose, its numbers as the largest text,
    /// name, facts and verification; the QR code at the right.
    private func whoToCall(width: Double) -> Block? {
        let padding = typesetter.size(.body) * 0.8
        let inner = width - 2 * padding
        let qr = content.qrPayload.flatMap { payload in
            QRCode(payload).map {
                QRBlock(
                    code: $0, edge: typesetter.metrics.qrSize, caption: content.qrCaption,
                    alt: QRCode.alt(content.strings.qrAlt, payload: payload), typesetter: typesetter)
            }
        }
        let sideWidth = inner - (qr.map { $0.width + padding } ?? 0)
        var rows: [any FlowItem] = [entries.heading(content.strings.whoToCall, width: inner)]
        for group in content.whoToCall {
            if content.whoToCall.count > 1, !group.title.isEmpty {
                rows.append(entries.subheading(group.title, width: inner))
            }
            if let missing = group.noEmergencyNumber {
                let textStyle = typesetter.textStyle(.body, bold: true)
                rows.append(TextItem(typesetter.frame(missing, textStyle, width: inner), color: textStyle.color))
            }
            for helpline in group.helplines {
                rows.append(SpaceItem(height: padding * 0.6))
                rows.append(
                    helplineRow(
                        helpline, width: helpline.primaryURL == content.qrPayload ? sideWidth : inner, qr: qr,
                        fullWidth: inner))
            }
        }
        // A QR code that dials none of the helplines shown sits at the panel's foot.
        if let qr, !content.whoToCall.flatMap(\.helplines).contains(where: { $0.primaryURL == content.qrPayload }) {
            rows += [
                SpaceItem(height: padding * 0.6), ColumnsItem(columns: [(inner - qr.width, StackItem(items: [qr]))]),
            ]
        }
        let stack = StackItem(items: rows)
        let panelHeight = stack.height + 2 * padding
        let background = style.calloutBackground
        let accent = style.accent
        let panel = DrawnItem(height: panelHeight) { canvas, x, y in
            canvas.fill(Rect(x: x, y: y, width: width, height: panelHeight), background)
            canvas.fill(Rect(x: x, y: y, width: IndentedItem.Decoration.barWidth * 2, height: panelHeight), accent)
            stack.draw(canvas, x: x + padding, y: y + padding)
        }
        return Block(item: panel, owner: content.whoToCall.first?.helplines.first.map(HandoutItem.helpline))
    }

    /// One helpline: its purpose, the numbers (one line each, never broken) as the largest text,
    /// then name and channel, what the source states and the verification date in small type;
    /// the helpline the QR code dials has the code at its right.
    private func helplineRow(_ helpline: HelplineItem, width: Double, qr: QRBlock?, fullWidth: Double) -> any FlowItem {
        var text: [any FlowItem] = []
        let labelStyle = typesetter.textStyle(.heading, color: style.text)
        text.append(
            TextItem(
                typesetter.frame(helpline.purposeLabel ?? helpline.name, labelStyle, width: width),
                color: labelStyle.color, tag: "H3"))
        if let notice = helpline.notice { text.append(entries.small(notice, width: width, italic: true)) }
        for channel in helpline.channels {
            var valueStyle = typesetter.textStyle(channel.isNumber ? .number : .heading, color: style.accent)
            valueStyle.hyphenate = false
            let value = Run(channel.value, link: channel.url.map(LinkTarget.url))
            var frame = typesetter.frame([value], valueStyle, width: width)
            // A number is never broken: set it smaller until it takes one line.
            while frame.lines.count > 1, valueStyle.size > typesetter.size(.heading) {
                valueStyle.size *= 0.95
                frame = typesetter.frame([value], valueStyle, width: width)
            }
            text.append(TextItem(frame, color: valueStyle.color))
        }
        let channels = helpline.channels.map(\.typeLabel).joined(separator: ", ")
        let about = [helpline.purposeLabel == nil ? nil : helpline.name, channels].compactMap { $0 } + helpline.facts
        text += entries.freshness(helpline, width: width, facts: about)
        guard let qr, helpline.primaryURL == content.qrPayload else { return GroupItem(items: text) }
        return ColumnsItem(columns: [(0, StackItem(items: text)), (fullWidth - qr.width, StackItem(items: [qr]))])
    }
}
