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

/// Running header and footer: the footer carries the short title, version and content date on
/// every page (and the page number on multi-page layouts), with the review notice above it when
/// the handout's text is still in review.
struct PageFurniture {
    let typesetter: Typesetter
    let page: PageGeometry
    let content: HandoutContent

    private var style: HandoutStyle { typesetter.style }

    /// Height the footer takes at the bottom of the text area, including its gap.
    var footerHeight: Double {
        footer(label: nil).height + (notice.map { $0.height + typesetter.size(.footer) * 0.3 } ?? 0)
            + typesetter.size(.body) * 1.2
    }

    /// Height the running header takes above the text area, including its rule and gap.
    var headerHeight: Double { header("X", width: page.contentWidth).height + typesetter.size(.body) * 1.5 }

    private func footer(label: String?) -> TextItem {
        let width = page.contentWidth - (label == nil ? 0 : typesetter.size(.footer) * 9)
        let textStyle = typesetter.textStyle(.footer, color: style.muted)
        return TextItem(typesetter.frame(content.footerText, textStyle, width: width), color: textStyle.color)
    }

    /// "This translation has not yet been checked by a native speaker."
    private var notice: TextItem? {
        guard let text = content.reviewNotice else { return nil }
        let textStyle = typesetter.textStyle(.footer, bold: true, italic: true, color: style.text)
        return TextItem(typesetter.frame(text, textStyle, width: page.contentWidth), color: textStyle.color)
    }

    /// One line of the running header, cut with an ellipsis where it is wider than `width`.
    private func header(_ text: String, width: Double, alignment: TextStyle.Alignment = .left) -> TextItem {
        var textStyle = typesetter.textStyle(.footer, color: style.muted, alignment: alignment)
        textStyle.oneLine = true
        return TextItem(typesetter.frame(text, textStyle, width: width), color: textStyle.color)
    }

    /// Draws the footer; `pageLabel` ("Página 3") goes at the right.
    func drawFooter(pageLabel: String?) {
        let item = footer(label: pageLabel)
        let y = page.bottom - item.height
        if let notice {
            notice.draw(typesetter.canvas, x: page.left, y: y - typesetter.size(.footer) * 0.3 - notice.height)
        }
        item.draw(typesetter.canvas, x: page.left, y: y)
        if let pageLabel {
            let textStyle = typesetter.textStyle(.footer, color: style.muted, alignment: .right)
            let label = typesetter.frame(pageLabel, textStyle, width: typesetter.size(.footer) * 9)
            TextItem(label, color: textStyle.color).draw(
                typesetter.canvas, x: page.left + page.contentWidth - label.width, y: y)
        }
    }

    /// Draws a running header over a thin rule: the short title at the left (at most 60 % of the
    /// width) and the section in the rest at the right, each on one line, so neither wraps under
    /// the rule; a section title too long for its room ends in an ellipsis.
    func drawHeader(right: String?) {
        let leftItem = header(content.runningTitle, width: page.contentWidth * 0.6)
        leftItem.draw(typesetter.canvas, x: page.left, y: page.top)
        if let right {
            let gap = typesetter.size(.footer) * 2
            let width = page.contentWidth - leftItem.frame.textWidth - gap
            header(right, width: width, alignment: .right)
                .draw(typesetter.canvas, x: page.left + page.contentWidth - width, y: page.top)
        }
        let ruleY = page.top + leftItem.height + typesetter.size(.footer) * 0.4
        typesetter.canvas.line(fromX: page.left, toX: page.left + page.contentWidth, y: ruleY, width: 0.4, style.rule)
    }
}

/// The marking of a proof page: a red band along the top edge, in the page margin, saying in the
/// handout's language that QR codes and links lead to a placeholder host.
enum ProofMark {
    static let color = RGB(red: 0.69, green: 0.0, blue: 0.13)

    static func draw(_ text: String, typesetter: Typesetter, page: PageGeometry) {
        let canvas = typesetter.canvas
        var textStyle = typesetter.textStyle(
            .footer, bold: true, color: RGB(red: 1, green: 1, blue: 1), alignment: .center)
        textStyle.hyphenate = false
        let inset = page.margin * 0.15
        var frame = typesetter.frame(text, textStyle, width: page.width - 2 * inset)
        // The band stays in the margin: smaller type where the margin is narrow.
        while frame.height > page.margin * 0.8, textStyle.size > 4 {
            textStyle.size *= 0.9
            frame = typesetter.frame(text, textStyle, width: page.width - 2 * inset)
        }
        let band = Rect(x: 0, y: 0, width: page.width, height: max(frame.height + inset, page.margin * 0.85))
        canvas.fill(band, color)
        TextItem(frame, color: textStyle.color, tag: "P").draw(canvas, x: inset, y: (band.height - frame.height) / 2)
    }
}
