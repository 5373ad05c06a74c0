/// Helpline poster, A4 or A3, one page: the title, then each helpline of the country in large
/// type beside its own QR code (its `tel:` or WhatsApp link), then the footer.
struct PosterLayout {
    let content: HandoutContent
    let typesetter: Typesetter
    let page: PageGeometry

    private var style: HandoutStyle { typesetter.style }
    private var entries: EntryFormatter { EntryFormatter(typesetter: typesetter, strings: content.strings) }

    func render() throws -> [FitProblem] {
        let helplines = HelplineCollector.helplines(in: content)
        guard !helplines.isEmpty else { throw HandoutError.nothingToShow(layout: .poster, needs: "helplines") }
        let furniture = PageFurniture(typesetter: typesetter, page: page, footerText: content.footerText)
        var (plan, problems) = typesetter.fit { layOut(helplines, bottom: page.bottom - furniture.footerHeight) }
        if problems.isEmpty && typesetter.size(.body) >= typesetter.metrics.sizes[.body] ?? 0 {
            plan = grown(plan, helplines, furniture: furniture)
        }
        plan.draw(typesetter.canvas)
        furniture.drawFooter(pageLabel: nil)
        typesetter.canvas.endPage()
        return problems
    }

    /// A poster with few helplines would leave most of the sheet empty: text grows in 10 % steps
    /// (up to twice the style's sizes) while everything still fits with a quarter of the page to
    /// spare, so numbers read from further away. The footer keeps its size.
    private func grown(_ plan: PagePlan, _ helplines: [HelplineItem], furniture: PageFurniture) -> PagePlan {
        let bottom = page.bottom - furniture.footerHeight
        var best = plan
        for step in 1...10 {
            typesetter.scale(by: 1 + Double(step) / 10)
            var stretched = bottom
            let (attempt, problems) = layOut(helplines, bottom: bottom, used: &stretched)
            guard problems.isEmpty, stretched <= page.top + (bottom - page.top) * 0.75 else { break }
            best = attempt
        }
        typesetter.scale(by: 1)
        return best
    }

    private func layOut(_ helplines: [HelplineItem], bottom: Double) -> (PagePlan, [FitProblem]) {
        var used = 0.0
        return layOut(helplines, bottom: bottom, used: &used)
    }

    /// Lays the poster out; `used` receives the bottom of the last row placed.
    private func layOut(_ helplines: [HelplineItem], bottom: Double, used: inout Double) -> (PagePlan, [FitProblem]) {
        var plan = PagePlan()
        let gap = typesetter.size(.body) * 1.2
        let titleStyle = typesetter.textStyle(.title, color: style.accent)
        // The handout's own QR code, if any, sits at the right of the title.
        let qr = content.qrPayload.flatMap(QRCode.init).map {
            QRBlock(code: $0, edge: typesetter.metrics.qrSize, caption: content.qrCaption, typesetter: typesetter)
        }
        let titleWidth = page.contentWidth - (qr.map { $0.width + gap } ?? 0)
        let title = TextItem(typesetter.frame(content.title, titleStyle, width: titleWidth), color: titleStyle.color)
        plan.place(title, x: page.left, y: page.top)
        if let qr { plan.place(qr, x: page.left + page.contentWidth - qr.width, y: page.top) }
        let headerBottom = page.top + max(title.height, qr?.height ?? 0) + gap

        var stack = ColumnStacker(x: page.left, top: headerBottom, bottom: bottom, gap: gap)
        var problems: [FitProblem] = []
        for (index, helpline) in helplines.enumerated() {
            let row = self.row(helpline, ruleAbove: index > 0)
            if problems.isEmpty && stack.fits(row) {
                stack.place(row, in: &plan)
            } else {
                problems.append(FitProblem(source: helpline.source, anchor: helpline.anchor, title: helpline.name,
                                           place: "poster", overflow: max(0, stack.overflow(of: row))))
                stack.skip(row)
            }
        }
        used = stack.y
        return (plan, problems)
    }

    /// QR code at the left; name, organisation, large numbers with hours, and languages at the right.
    private func row(_ helpline: HelplineItem, ruleAbove: Bool) -> StackItem {
        let edge = typesetter.metrics.qrSize
        let gap = typesetter.size(.body) * 1.2
        let width = page.contentWidth - edge - gap
        let strings = content.strings
        var text: [any FlowItem] = []
        let nameStyle = typesetter.textStyle(.heading)
        text.append(TextItem(typesetter.frame(helpline.name, nameStyle, width: width), color: nameStyle.color))
        if let organisation = helpline.organisation, organisation != helpline.name {
            text.append(entries.small(organisation, width: width))
        }
        if let notice = helpline.notice { text.append(entries.small(notice, width: width, italic: true)) }
        let labelStyle = typesetter.textStyle(.body, color: style.muted)
        let numberStyle = typesetter.textStyle(.number, color: style.accent)
        for channel in helpline.channels {
            text.append(SpaceItem(height: typesetter.size(.body) * 0.4))
            let hours = "\(strings.hours): \(channel.hours ?? strings.notStated)"
            text.append(TextItem(typesetter.frame("\(channel.typeLabel) · \(hours)", labelStyle, width: width),
                                 color: labelStyle.color))
            let number = Run(channel.value, link: channel.url.map(LinkTarget.url))
            text.append(TextItem(typesetter.frame([number], numberStyle, width: width), color: numberStyle.color))
        }
        let languages = helpline.languages.isEmpty ? strings.notStated : helpline.languages.joined(separator: ", ")
        text.append(SpaceItem(height: typesetter.size(.body) * 0.4))
        text.append(entries.small("\(strings.languages): \(languages)", width: width))

        var columns: [(x: Double, item: StackItem)] = [(edge + gap, StackItem(items: text))]
        if let url = helpline.primaryURL, let code = QRCode(url) {
            let color = style.text
            columns.append((0, StackItem(items: [DrawnItem(height: edge) { canvas, x, y in
                code.draw(canvas, x: x, y: y, edge: edge, color: color)
            }])))
        }
        var items: [any FlowItem] = []
        if ruleAbove {
            let ruleColor = style.rule, ruleWidth = page.contentWidth
            items.append(DrawnItem(height: gap) { canvas, x, y in
                canvas.line(fromX: x, toX: x + ruleWidth, y: y + gap / 2, width: 0.6, ruleColor)
            })
        }
        items.append(ColumnsItem(columns: columns))
        return StackItem(items: items)
    }
}
