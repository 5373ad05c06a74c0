/// The printable area of a page and the small print around it.
struct PageGeometry {
    let width: Double
    let height: Double
    let margin: Double

    var contentWidth: Double { width - 2 * margin }
    var left: Double { margin }
    var top: Double { margin }
    var bottom: Double { height - margin }
}

/// Running header and footer: the footer carries guide title, version and content date on
/// every page, plus the page number on multi-page layouts.
struct PageFurniture {
    let typesetter: Typesetter
    let page: PageGeometry
    let footerText: String

    private var style: HandoutStyle { typesetter.style }

    /// Height the footer takes at the bottom of the text area, including its gap.
    var footerHeight: Double { footer(label: nil).height + typesetter.size(.body) * 1.5 }

    /// Height the running header takes above the text area, including its rule and gap.
    var headerHeight: Double { header("X").height + typesetter.size(.body) * 1.5 }

    private func footer(label: String?) -> TextItem {
        let width = page.contentWidth - (label == nil ? 0 : typesetter.size(.footer) * 9)
        let textStyle = typesetter.textStyle(.footer, color: style.muted)
        return TextItem(typesetter.frame(footerText, textStyle, width: width), color: textStyle.color)
    }

    private func header(_ text: String) -> TextItem {
        let textStyle = typesetter.textStyle(.footer, color: style.muted)
        return TextItem(typesetter.frame(text, textStyle, width: page.contentWidth / 2), color: textStyle.color)
    }

    /// Draws the footer; `pageLabel` ("Página 3") goes at the right.
    func drawFooter(pageLabel: String?) {
        let item = footer(label: pageLabel)
        let y = page.bottom - item.height
        item.draw(typesetter.canvas, x: page.left, y: y)
        if let pageLabel {
            let textStyle = typesetter.textStyle(.footer, color: style.muted, alignment: .right)
            let label = typesetter.frame(pageLabel, textStyle, width: typesetter.size(.footer) * 9)
            TextItem(label, color: textStyle.color).draw(typesetter.canvas, x: page.left + page.contentWidth - label.width, y: y)
        }
    }

    /// Draws a running header: `left` (guide title) and `right` (section) over a thin rule.
    func drawHeader(left: String, right: String?) {
        let leftItem = header(left)
        leftItem.draw(typesetter.canvas, x: page.left, y: page.top)
        if let right {
            let textStyle = typesetter.textStyle(.footer, color: style.muted, alignment: .right)
            let half = page.contentWidth / 2
            TextItem(typesetter.frame(right, textStyle, width: half), color: textStyle.color)
                .draw(typesetter.canvas, x: page.left + half, y: page.top)
        }
        let ruleY = page.top + leftItem.height + typesetter.size(.footer) * 0.4
        typesetter.canvas.line(fromX: page.left, toX: page.left + page.contentWidth, y: ruleY, width: 0.4, style.rule)
    }
}
