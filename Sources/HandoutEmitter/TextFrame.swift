import CPangoCairo

/// One laid-out line of a text frame, in points relative to the frame's top left.
struct LineBox {
    var top: Double
    var bottom: Double
    var baseline: Double
    var x: Double
}

/// A paragraph shaped and wrapped by pango to a fixed width. It can draw any run of its
/// lines, which lets a long paragraph continue on the next page without duplicating text.
final class TextFrame {
    let width: Double
    let lines: [LineBox]
    private let layout: OpaquePointer
    private let links: [(target: LinkTarget, bytes: Range<Int32>)]

    init(layout: OpaquePointer, width: Double, links: [(target: LinkTarget, bytes: Range<Int32>)]) {
        self.layout = layout
        self.width = width
        self.links = links
        var lines: [LineBox] = []
        let iter = pango_layout_get_iter(layout)
        repeat {
            var y0: Int32 = 0
            var y1: Int32 = 0
            var logical = PangoRectangle()
            pango_layout_iter_get_line_yrange(iter, &y0, &y1)
            pango_layout_iter_get_line_extents(iter, nil, &logical)
            lines.append(
                LineBox(
                    top: points(y0), bottom: points(y1),
                    baseline: points(pango_layout_iter_get_baseline(iter)), x: points(logical.x)))
        } while pango_layout_iter_next_line(iter) != 0
        pango_layout_iter_free(iter)
        self.lines = lines
    }

    deinit { g_object_unref(UnsafeMutableRawPointer(layout)) }

    var height: Double { height(of: 0..<lines.count) }

    /// The width the text itself takes, at most the frame's width.
    var textWidth: Double {
        var logical = PangoRectangle()
        pango_layout_get_extents(layout, nil, &logical)
        return min(points(logical.width), width)
    }

    func height(of range: Range<Int>) -> Double {
        guard let first = range.first, let last = range.last else { return 0 }
        return lines[last].bottom - lines[first].top
    }

    /// Draws the given lines with their top at `y`, and makes their linked stretches clickable.
    func draw(_ canvas: PDFCanvas, x: Double, y: Double, lines range: Range<Int>, color: RGB) {
        guard let first = range.first else { return }
        let shift = y - lines[first].top
        canvas.setColor(color)
        for index in range {
            let line = pango_layout_get_line_readonly(layout, Int32(index))
            cairo_move_to(canvas.cr, x + lines[index].x, shift + lines[index].baseline)
            pango_cairo_show_layout_line(canvas.cr, line)
        }
        for link in links {
            canvas.link(link.target, rects: rects(of: link.bytes, lines: range, x: x, shift: shift))
        }
    }

    /// The boxes covering a byte range on the given lines, one per visual stretch.
    private func rects(of bytes: Range<Int32>, lines range: Range<Int>, x: Double, shift: Double) -> [Rect] {
        var rects: [Rect] = []
        for index in range {
            guard let line = pango_layout_get_line_readonly(layout, Int32(index)) else { continue }
            let start = max(bytes.lowerBound, line.pointee.start_index)
            let end = min(bytes.upperBound, line.pointee.start_index + line.pointee.length)
            guard start < end else { continue }
            var ranges: UnsafeMutablePointer<Int32>?
            var count: Int32 = 0
            pango_layout_line_get_x_ranges(line, start, end, &ranges, &count)
            for pair in 0..<Int(count) {
                let left = points(ranges![2 * pair])
                let right = points(ranges![2 * pair + 1])
                rects.append(
                    Rect(
                        x: x + left, y: shift + lines[index].top,
                        width: right - left, height: lines[index].bottom - lines[index].top))
            }
            g_free(ranges)
        }
        return rects
    }
}

/// Pango units to points.
func points(_ units: Int32) -> Double { Double(units) / Double(PANGO_SCALE) }
