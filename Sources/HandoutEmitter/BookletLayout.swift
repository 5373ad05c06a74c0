/// The full guide as a booklet, A4 or Letter: cover, contents with page numbers, then one
/// section per content type, each entry under its heading, and "Who to call" last: every
/// helpline once, by country, emergency numbers first, which protocols refer to. Running header
/// (short title and section), page numbers, a bookmark outline and links between entries.
///
/// Contents page numbers need the pages of what follows, so layout runs in two passes:
/// sections are paginated first; the contents rows do not depend on the numbers they show,
/// so the contents' own page count is known before the numbers are filled in.
struct BookletLayout {
    let content: HandoutContent
    let typesetter: Typesetter
    let page: PageGeometry

    private var style: HandoutStyle { typesetter.style }
    private var canvas: PDFCanvas { typesetter.canvas }
    private var furniture: PageFurniture { PageFurniture(typesetter: typesetter, page: page, content: content) }
    private var bodyTop: Double { page.top + furniture.headerHeight }
    private var paginator: Paginator { Paginator(pageHeight: page.bottom - furniture.footerHeight - bodyTop) }

    func render() throws -> [FitProblem] {
        // Helplines are printed once, in "Who to call" at the end, grouped by country.
        var sections = content.sections.filter { section in
            !section.items.isEmpty && !section.items.allSatisfy { if case .helpline = $0 { true } else { false } }
        }
        let calls = content.whoToCall.flatMap(\.helplines).map(HandoutItem.helpline)
        if !calls.isEmpty { sections.append(HandoutSection(title: content.strings.whoToCall, items: calls)) }
        guard !sections.isEmpty else { throw HandoutError.nothingToShow(layout: .booklet, needs: "entries") }
        canvas.knownAnchors = Set(sections.flatMap(\.items).map(\.anchor) + content.whoToCall.map(\.anchor))

        var problems: [FitProblem] = []
        var laidOut: [Paginator.Result] = []
        for (index, section) in sections.enumerated() {
            let (items, owners) = sectionFlow(section, index: index)
            let result = paginator.paginate(items)
            laidOut.append(result)
            problems += result.overflows.map { overflow in
                let owner = owners[overflow.index]
                return FitProblem(
                    source: owner.source, anchor: owner.anchor, title: owner.title,
                    place: "\(section.title) section", overflow: overflow.amount)
            }
        }
        let contentsPages = paginator.paginate(contentsFlow(sections, pages: [:])).pages.count
        var anchorPages: [String: Int] = [:]
        var firstPage = 2 + contentsPages
        for result in laidOut {
            for (anchor, offset) in result.anchorPages { anchorPages[anchor] = firstPage + offset - 1 }
            firstPage += result.pages.count
        }

        drawCover()
        draw(paginator.paginate(contentsFlow(sections, pages: anchorPages)).pages, section: content.strings.contents)
        for (section, result) in zip(sections, laidOut) { draw(result.pages, section: section.title) }
        return problems
    }

    private func sectionAnchor(_ index: Int) -> String { "section-\(index + 1)" }

    /// A section's flow, and for each flow item the entry it belongs to (for fit problems). In
    /// "Who to call", each country's name heads its helplines.
    private func sectionFlow(_ section: HandoutSection, index: Int) -> ([any FlowItem], [HandoutItem]) {
        var formatter = EntryFormatter(typesetter: typesetter, strings: content.strings)
        formatter.whoToCall = content.whoToCall
        let titleStyle = typesetter.textStyle(.title, color: style.accent)
        var sectionStyle = titleStyle
        sectionStyle.size = typesetter.size(.heading) * 1.6
        let heading = TextItem(
            typesetter.frame(section.title, sectionStyle, width: page.contentWidth),
            color: titleStyle.color, keepWithNext: true, tag: "H1")
        let mark = Mark(destination: sectionAnchor(index), outline: (section.title, 1))
        var items: [any FlowItem] = [MarkedItem(child: heading, marks: [mark])]
        var owners: [HandoutItem] = [section.items[0]]
        var country: String?
        for item in section.items {
            var entry: [any FlowItem] = [SpaceItem(height: typesetter.size(.body) * 2)]
            if case .helpline(let helpline) = item, helpline.country != country,
                let group = content.whoToCall.first(where: { $0.helplines.contains { $0.anchor == helpline.anchor } })
            {
                country = helpline.country
                entry +=
                    formatter.whoToCallHeading(group, width: page.contentWidth) + [
                        SpaceItem(height: typesetter.size(.body))
                    ]
            }
            entry += formatter.entry(
                item, width: page.contentWidth, mark: Mark(destination: item.anchor, outline: (item.title, 2)))
            items += entry
            owners += Array(repeating: item, count: entry.count)
        }
        return (items, owners)
    }

    /// Contents rows: each section, then its entries indented, with page numbers at the right.
    /// Rows have the same size whatever the numbers, which the two-pass layout relies on.
    private func contentsFlow(_ sections: [HandoutSection], pages: [String: Int]) -> [any FlowItem] {
        let titleStyle = typesetter.textStyle(.title, color: style.accent)
        let title = TextItem(
            typesetter.frame(content.strings.contents, titleStyle, width: page.contentWidth),
            color: titleStyle.color, tag: "H1")
        var items: [any FlowItem] = [title, SpaceItem(height: typesetter.size(.body))]
        for (index, section) in sections.enumerated() {
            items.append(SpaceItem(height: typesetter.size(.body) * 0.8))
            items.append(
                contentsRow(
                    section.title, anchor: sectionAnchor(index), page: pages[sectionAnchor(index)],
                    indent: 0, bold: true))
            for item in section.items {
                items.append(SpaceItem(height: typesetter.size(.body) * 0.25))
                items.append(
                    contentsRow(
                        item.title, anchor: item.anchor, page: pages[item.anchor],
                        indent: typesetter.size(.body) * 1.5, bold: false))
            }
        }
        return items
    }

    private func contentsRow(_ text: String, anchor: String, page number: Int?, indent: Double, bold: Bool)
        -> any FlowItem
    {
        let numberWidth = typesetter.size(.body) * 3
        let textStyle = typesetter.textStyle(.body, bold: bold)
        let label = TextItem(
            typesetter.frame(text, textStyle, width: page.contentWidth - indent - numberWidth),
            color: textStyle.color)
        let numberStyle = typesetter.textStyle(.body, bold: bold, alignment: .right)
        let numberItem = TextItem(
            typesetter.frame(number.map(String.init) ?? "", numberStyle, width: numberWidth),
            color: numberStyle.color)
        let width = page.contentWidth
        let row = ColumnsItem(columns: [
            (indent, StackItem(items: [label])),
            (width - numberWidth, StackItem(items: [numberItem])),
        ])
        return DrawnItem(height: row.height) { canvas, x, y in
            row.draw(canvas, x: x, y: y)
            canvas.link(.anchor(anchor), rects: [Rect(x: x, y: y, width: width, height: row.height)])
        }
    }

    private func draw(_ pages: [[Placement]], section: String) {
        for placements in pages {
            furniture.drawHeader(right: section)
            for placement in placements { placement.item.draw(canvas, x: page.left, y: bodyTop + placement.y) }
            furniture.drawFooter(pageLabel: "\(content.strings.page) \(canvas.pageNumber)")
            canvas.endPage()
        }
    }

    /// Guide title, handout title, version and date, and the QR code; no running header.
    private func drawCover() {
        let width = page.contentWidth
        let guideStyle = typesetter.textStyle(.heading, color: style.muted)
        TextItem(typesetter.frame(content.guideTitle, guideStyle, width: width), color: guideStyle.color)
            .draw(canvas, x: page.left, y: page.top)
        let titleStyle = typesetter.textStyle(.title, color: style.accent)
        let title = TextItem(
            typesetter.frame(content.title, titleStyle, width: width), color: titleStyle.color, tag: "H1")
        let titleTop = page.top + (page.bottom - page.top) * 0.28
        title.draw(canvas, x: page.left, y: titleTop)
        let meta = EntryFormatter(typesetter: typesetter, strings: content.strings)
            .small("\(content.version) · \(content.contentDate)", width: width)
        meta.draw(canvas, x: page.left, y: titleTop + title.height + typesetter.size(.body))
        if let notice = content.reviewNotice {
            let textStyle = typesetter.textStyle(.body, bold: true, italic: true)
            TextItem(typesetter.frame(notice, textStyle, width: width), color: textStyle.color)
                .draw(canvas, x: page.left, y: titleTop + title.height + typesetter.size(.body) * 2 + meta.height)
        }
        if let payload = content.qrPayload, let code = QRCode(payload) {
            let qr = QRBlock(
                code: code, edge: typesetter.metrics.qrSize, caption: content.qrCaption,
                alt: QRCode.alt(content.strings.qrAlt, payload: payload), typesetter: typesetter)
            qr.draw(canvas, x: page.left, y: page.bottom - furniture.footerHeight - qr.height)
        }
        furniture.drawFooter(pageLabel: nil)
        canvas.endPage()
    }
}
