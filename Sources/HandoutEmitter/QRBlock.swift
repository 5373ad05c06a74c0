/// A QR code with its caption centred underneath.
struct QRBlock: FlowItem {
    let code: QRCode
    let edge: Double
    let caption: TextItem
    let color: RGB

    /// Alternative text: what the code opens, in the handout's language.
    let alt: String

    init(code: QRCode, edge: Double, caption: String, alt: String, typesetter: Typesetter) {
        self.code = code
        self.edge = edge
        self.alt = alt
        color = typesetter.style.text
        var captionStyle = typesetter.textStyle(.small, color: typesetter.style.muted, alignment: .center)
        captionStyle.hyphenate = false
        // A caption line without ordinary spaces (a number joined by no-break spaces) must stay
        // whole: set the caption smaller, down to the layout's minimum, until each such line fits.
        let units = caption.split(separator: "\n").map(String.init).filter { !$0.contains(" ") }
        while captionStyle.size > typesetter.metrics.minimum(.small),
            units.contains(where: { typesetter.frame($0, captionStyle, width: edge).lines.count > 1 })
        {
            captionStyle.size = max(typesetter.metrics.minimum(.small), captionStyle.size * 0.92)
        }
        self.caption = TextItem(
            typesetter.frame(caption, captionStyle, width: edge), color: captionStyle.color, tag: "Caption")
    }

    var width: Double { edge }
    var height: Double { edge + caption.height }

    func draw(_ canvas: PDFCanvas, x: Double, y: Double) {
        code.draw(canvas, x: x, y: y, edge: edge, color: color, alt: alt)
        caption.draw(canvas, x: x, y: y + edge)
    }
}
