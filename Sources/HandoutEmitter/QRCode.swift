import CQRencode

/// A QR code's module grid from libqrencode, drawn as filled rectangles so it stays sharp at
/// any print resolution.
struct QRCode {
    /// Modules per side, without the quiet zone.
    let size: Int
    /// Row-major; true is a dark module.
    let modules: [Bool]
    let payload: String

    /// Light modules the standard requires around the code.
    static let quietZone = 4

    /// Encodes in byte mode with error correction M, which survives creases and smudges on
    /// printed cards while keeping modules large.
    init?(_ payload: String) {
        guard let code = QRcode_encodeString(payload, 0, QR_ECLEVEL_M, QR_MODE_8, 1) else { return nil }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        size = width
        modules = (0..<width * width).map { code.pointee.data[$0] & 1 == 1 }
        self.payload = payload
    }

    /// Draws the code and its quiet zone into a square of `edge` points as a figure with
    /// alternative text; clicking it opens the payload.
    func draw(_ canvas: PDFCanvas, x: Double, y: Double, edge: Double, color: RGB, alt: String) {
        canvas.figure(alt: alt) { drawModules(canvas, x: x, y: y, edge: edge, color: color) }
        canvas.link(.url(payload), rects: [Rect(x: x, y: y, width: edge, height: edge)])
    }

    private func drawModules(_ canvas: PDFCanvas, x: Double, y: Double, edge: Double, color: RGB) {
        let total = size + 2 * Self.quietZone
        let module = edge / Double(total)
        canvas.fill(Rect(x: x, y: y, width: edge, height: edge), RGB(red: 1, green: 1, blue: 1))
        canvas.setColor(color)
        for row in 0..<size {
            var column = 0
            while column < size {
                guard modules[row * size + column] else {
                    column += 1
                    continue
                }
                let start = column
                while column < size, modules[row * size + column] { column += 1 }
                // Rectangles per horizontal run keep the PDF small.
                canvas.addRectangle(
                    Rect(
                        x: x + Double(start + Self.quietZone) * module,
                        y: y + Double(row + Self.quietZone) * module,
                        width: Double(column - start) * module, height: module))
            }
        }
        canvas.fillPath()
    }

    /// The alternative text of a code that opens `payload`, from the strings' template.
    static func alt(_ template: String, payload: String) -> String {
        let target = payload.hasPrefix("tel:") ? PhoneNumber.display(String(payload.dropFirst(4))) : payload
        return template.replacingOccurrences(of: "{target}", with: target)
    }
}
