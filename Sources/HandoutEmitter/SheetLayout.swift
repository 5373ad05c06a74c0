/// Protocol sheets, A4 or Letter: one page per protocol with title, trigger, numbered steps,
/// do and don't side by side, who to call next to the QR code, and the footer. Items that are
/// neither protocols nor helplines share one further page. Text shrinks (never below the style's
/// minimum) to keep a protocol on one side; a protocol that still does not fit continues on the
/// back at the style's sizes (print double-sided), who to call at the foot of its last side.
struct SheetLayout {
    let content: HandoutContent
    let typesetter: Typesetter
    let page: PageGeometry

    private var style: HandoutStyle { typesetter.style }
    private var entries: EntryFormatter { EntryFormatter(typesetter: typesetter, strings: content.strings) }

    /// What one page shows: a protocol, or the other entries together.
    private enum Sheet {
        case protocolPage(ProtocolItem)
        case entries([HandoutItem])
    }

    func render() throws -> [FitProblem] {
        var sheets: [Sheet] = []
        var others: [HandoutItem] = []
        for item in content.allItems {
            switch item {
            case .protocol(let protocolItem): sheets.append(.protocolPage(protocolItem))
            case .helpline: continue
            case .indicator, .concept: others.append(item)
            }
        }
        if !others.isEmpty { sheets.append(.entries(others)) }
        guard !sheets.isEmpty else { throw HandoutError.nothingToShow(layout: .sheet, needs: "protocols") }

        let furniture = PageFurniture(typesetter: typesetter, page: page, content: content)
        var problems: [FitProblem] = []
        for (index, sheet) in sheets.enumerated() {
            let multiPage = sheets.count > 1
            let (plan, pageProblems) = typesetter.fit { layOut(sheet, page: index + 1, multiPage: multiPage) }
            if !pageProblems.isEmpty {
                problems += continued(sheet, furniture: furniture)
                continue
            }
            if multiPage { furniture.drawHeader(right: content.title) }
            plan.draw(typesetter.canvas)
            furniture.drawFooter(pageLabel: multiPage ? "\(content.strings.page) \(typesetter.canvas.pageNumber)" : nil)
            typesetter.canvas.endPage()
            problems += pageProblems
        }
        return problems
    }

    /// A protocol (or the other entries) too long for one side at the smallest sizes, at the
    /// style's sizes over as many sides as it needs, each with the running header and its page
    /// number.
    private func continued(_ sheet: Sheet, furniture: PageFurniture) -> [FitProblem] {
        typesetter.scale(by: 1)
        let (items, foot, owner) = flow(sheet)
        let top = page.top + furniture.headerHeight
        let paginator = Paginator(pageHeight: page.bottom - furniture.footerHeight - top)
        let result = paginator.paginate(items + [foot].compactMap { $0 })
        for placements in result.pages {
            furniture.drawHeader(right: content.title)
            for placement in placements { placement.item.draw(typesetter.canvas, x: page.left, y: top + placement.y) }
            furniture.drawFooter(pageLabel: "\(content.strings.page) \(typesetter.canvas.pageNumber)")
            typesetter.canvas.endPage()
        }
        return result.overflows.map { overflow in
            FitProblem(
                source: owner.source, anchor: owner.anchor, title: owner.title, place: "sheet",
                overflow: overflow.amount)
        }
    }

    private func layOut(_ sheet: Sheet, page number: Int, multiPage: Bool) -> (PagePlan, [FitProblem]) {
        let furniture = PageFurniture(typesetter: typesetter, page: page, content: content)
        let top = page.top + (multiPage ? furniture.headerHeight : 0)
        let (items, foot, owner) = flow(sheet)
        var plan = PagePlan()
        var stack = ColumnStacker(x: page.left, top: top, bottom: page.bottom - furniture.footerHeight, gap: 0)
        var overflow: Double?
        for item in items + [foot].compactMap({ $0 }) {
            if overflow == nil && stack.fits(item) {
                stack.place(item, in: &plan)
            } else {
                stack.skip(item)
                overflow = stack.y - stack.bottom
            }
        }
        if overflow == nil, let foot { plan.moveLast(to: stack.bottom - foot.height) }
        guard let overflow else { return (plan, []) }
        return (
            plan,
            [
                FitProblem(
                    source: owner.source, anchor: owner.anchor, title: owner.title,
                    place: "page \(number)", overflow: overflow)
            ]
        )
    }

    /// A sheet's items, its foot (who to call, kept at the bottom) and the entry it belongs to.
    private func flow(_ sheet: Sheet) -> ([any FlowItem], (any FlowItem)?, HandoutItem) {
        let width = page.contentWidth
        var items: [any FlowItem] = []
        /// Who to call sits at the foot of the page, where it is found first on a notice board.
        var foot: (any FlowItem)?
        let owner: HandoutItem
        switch sheet {
        case .protocolPage(let item):
            owner = .protocol(item)
            // The handout's own title above the protocol's, as a kicker: what the sheet is for.
            if content.title != item.title {
                let kickerStyle = typesetter.textStyle(.heading, color: style.muted)
                items = [
                    TextItem(
                        typesetter.frame(content.title, kickerStyle, width: width), color: kickerStyle.color, tag: "P"),
                    SpaceItem(height: typesetter.size(.body) * 0.4),
                ]
            }
            items += [title(item.title), SpaceItem(height: typesetter.size(.body))]
            items += entries.protocolBody(item, width: width, intro: false)
            let shown = Set((item.helplines + directHelplines).map(\.anchor))
            foot = whoToCall(
                content.whoToCall.compactMap { group in
                    var kept = group
                    kept.helplines = group.helplines.filter { shown.contains($0.anchor) }
                    return kept.helplines.isEmpty && group.noEmergencyNumber == nil ? nil : kept
                }, width: width)
        case .entries(let list):
            owner = list[0]
            items = [title(content.title)]
            for item in list {
                items +=
                    [SpaceItem(height: typesetter.size(.body) * 1.5)] + entries.entry(item, width: width, mark: nil)
            }
        }
        let footBlock = foot.map { GroupItem(items: [SpaceItem(height: typesetter.size(.body) * 1.5), $0]) }
        return (items, footBlock, owner)
    }

    /// Helplines the handout includes itself, shown on every protocol page after the protocol's own.
    private var directHelplines: [HelplineItem] {
        content.allItems.compactMap { if case .helpline(let helpline) = $0 { helpline } else { nil } }
    }

    private func title(_ text: String) -> TextItem {
        let titleStyle = typesetter.textStyle(.title, color: style.accent)
        return TextItem(
            typesetter.frame(text, titleStyle, width: page.contentWidth), color: titleStyle.color, tag: "H1")
    }

    /// "Who to call" at the foot: a column per country (emergency numbers first) and the
    /// handout's QR code at the right. Each number once.
    private func whoToCall(_ groups: [HelplineGroup], width: Double) -> (any FlowItem)? {
        let qr = content.qrPayload.flatMap { payload in
            QRCode(payload).map {
                QRBlock(
                    code: $0, edge: typesetter.metrics.qrSize, caption: content.qrCaption,
                    alt: QRCode.alt(content.strings.qrAlt, payload: payload), typesetter: typesetter)
            }
        }
        guard !groups.isEmpty || qr != nil else { return nil }
        let gap = typesetter.size(.body) * 1.2
        let textWidth = width - (qr.map { $0.width + gap } ?? 0)
        let count = max(1, min(groups.count, 3))
        let columnWidth = (textWidth - gap * Double(count - 1)) / Double(count)
        var columns: [(x: Double, item: StackItem)] = []
        for (index, group) in groups.enumerated() {
            let column = index % count
            let items = entries.whoToCall([group], width: columnWidth)
            if column < columns.count {
                columns[column] = (
                    columns[column].x, StackItem(items: columns[column].item.items + [SpaceItem(height: gap)] + items)
                )
            } else {
                columns.append((Double(column) * (columnWidth + gap), StackItem(items: items)))
            }
        }
        if let qr { columns.append((width - qr.width, StackItem(items: [qr]))) }
        var result: [any FlowItem] = []
        if !groups.isEmpty {
            result += [
                entries.subheading(content.strings.whoToCall, width: width, tag: "H2"), SpaceItem(height: gap * 0.4),
            ]
        }
        result.append(ColumnsItem(columns: columns))
        return GroupItem(items: result)
    }
}
