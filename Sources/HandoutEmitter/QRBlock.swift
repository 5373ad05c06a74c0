/// A QR code with its caption centred underneath.
struct QRBlock: FlowItem {
    let code: QRCode
    let edge: Double
    let caption: TextItem
    let color: RGB

    init(code: QRCode, edge: Double, caption: String, typesetter: Typesetter) {
        self.code = code
        self.edge = edge
        color = typesetter.style.text
        var captionStyle = typesetter.textStyle(.small, color: typesetter.style.muted, alignment: .center)
        captionStyle.hyphenate = false
        self.caption = TextItem(typesetter.frame(caption, captionStyle, width: edge), color: captionStyle.color)
    }

    var width: Double { edge }
    var height: Double { edge + caption.height }

    func draw(_ canvas: PDFCanvas, x: Double, y: Double) {
        code.draw(canvas, x: x, y: y, edge: edge, color: color)
        caption.draw(canvas, x: x, y: y + edge)
    }
}
