/// Protocol sheets, A4 or Letter: one page per protocol with title, trigger, numbered steps,
/// do and don't side by side, who to call next to the QR code, and the footer. Items that are
/// neither protocols nor helplines share one further page. Every page must fit on its own.
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

        let furniture = PageFurniture(typesetter: typesetter, page: page, footerText: content.footerText)
        var problems: [FitProblem] = []
        for (index, sheet) in sheets.enumerated() {
            typesetter.scale(by: 1)
            let multiPage = sheets.count > 1
            let (plan, pageProblems) = typesetter.fit { layOut(sheet, page: index + 1, multiPage: multiPage) }
            if multiPage { furniture.drawHeader(left: content.title, right: content.guideTitle) }
            plan.draw(typesetter.canvas)
            furniture.drawFooter(pageLabel: multiPage ? "\(content.strings.page) \(index + 1)" : nil)
            typesetter.canvas.endPage()
            problems += pageProblems
        }
        return problems
    }

    private func layOut(_ sheet: Sheet, page number: Int, multiPage: Bool) -> (PagePlan, [FitProblem]) {
        let furniture = PageFurniture(typesetter: typesetter, page: page, footerText: content.footerText)
        let top = page.top + (multiPage ? furniture.headerHeight : 0)
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
                items = [TextItem(typesetter.frame(content.title, kickerStyle, width: width), color: kickerStyle.color),
                         SpaceItem(height: typesetter.size(.body) * 0.4)]
            }
            items += [title(item.title), SpaceItem(height: typesetter.size(.body))]
            items += entries.protocolBody(item, width: width, whoToCall: false, intro: false)
            foot = whoToCall(item.helplines + directHelplines, width: width)
        case .entries(let list):
            owner = list[0]
            items = [title(content.title)]
            for item in list {
                items += [SpaceItem(height: typesetter.size(.body) * 1.5)] + entries.entry(item, width: width, mark: nil)
            }
        }
        var plan = PagePlan()
        var stack = ColumnStacker(x: page.left, top: top, bottom: page.bottom - furniture.footerHeight, gap: 0)
        var overflow: Double?
        let footBlock = foot.map { StackItem(items: [SpaceItem(height: typesetter.size(.body) * 1.5), $0]) }
        for item in items + [footBlock].compactMap({ $0 }) {
            if overflow == nil && stack.fits(item) {
                stack.place(item, in: &plan)
            } else {
                stack.skip(item)
                overflow = stack.y - stack.bottom
            }
        }
        if overflow == nil, let footBlock { plan.moveLast(to: stack.bottom - footBlock.height) }
        guard let overflow else { return (plan, []) }
        return (plan, [FitProblem(source: owner.source, anchor: owner.anchor, title: owner.title,
                                  place: "page \(number)", overflow: overflow)])
    }

    /// Helplines the handout includes itself, shown on every protocol page after the protocol's own.
    private var directHelplines: [HelplineItem] {
        content.allItems.compactMap { if case .helpline(let helpline) = $0 { helpline } else { nil } }
    }

    private func title(_ text: String) -> TextItem {
        let titleStyle = typesetter.textStyle(.title, color: style.accent)
        return TextItem(typesetter.frame(text, titleStyle, width: page.contentWidth), color: titleStyle.color)
    }

    /// "Who to call" with the helplines at the left and the handout's QR code at the right.
    private func whoToCall(_ helplines: [HelplineItem], width: Double) -> (any FlowItem)? {
        var seen: Set<String> = []
        let unique = helplines.filter { seen.insert($0.anchor).inserted }
        let qr = content.qrPayload.flatMap(QRCode.init).map {
            QRBlock(code: $0, edge: typesetter.metrics.qrSize, caption: content.qrCaption, typesetter: typesetter)
        }
        guard !unique.isEmpty || qr != nil else { return nil }
        let gap = typesetter.size(.body) * 1.5
        let textWidth = width - (qr.map { $0.width + gap } ?? 0)
        var left: [any FlowItem] = []
        if !unique.isEmpty {
            left.append(entries.subheading(content.strings.whoToCall, width: textWidth))
            for helpline in unique {
                left += [SpaceItem(height: typesetter.size(.body) * 0.5)]
                    + entries.helplineLines(helpline, width: textWidth, showName: true)
            }
        }
        var columns: [(x: Double, item: StackItem)] = [(0, StackItem(items: left))]
        if let qr { columns.append((width - qr.width, StackItem(items: [qr]))) }
        return ColumnsItem(columns: columns)
    }
}
