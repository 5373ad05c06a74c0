/// An item moved right, with an optional marker in the gutter (list bullets and numbers) and
/// an optional tinted background or bar (call-outs). Splitting keeps the marker on the first part
/// and the decoration on both, so a call-out reads as one box across a page break.
struct IndentedItem: FlowItem {
    struct Decoration {
        var width: Double
        var background: RGB?
        var bar: RGB?
        static let barWidth = 2.0
    }

    let indent: Double
    let child: any FlowItem
    var marker: TextItem?
    var decoration: Decoration?

    var height: Double { child.height }
    var minimumStart: Double { child.minimumStart }
    var keepWithNext: Bool { child.keepWithNext }
    var keepWhole: Bool { child.keepWhole }
    var isSpace: Bool { child.isSpace && decoration == nil }
    var anchors: [String] { child.anchors }

    func split(fitting available: Double) -> (head: any FlowItem, tail: any FlowItem)? {
        guard let (head, tail) = child.split(fitting: available) else { return nil }
        return (
            IndentedItem(indent: indent, child: head, marker: marker, decoration: decoration),
            IndentedItem(indent: indent, child: tail, marker: nil, decoration: decoration)
        )
    }

    func draw(_ canvas: PDFCanvas, x: Double, y: Double) {
        if let decoration {
            if let background = decoration.background {
                canvas.fill(Rect(x: x, y: y, width: decoration.width, height: height), background)
            }
            if let bar = decoration.bar {
                canvas.fill(Rect(x: x, y: y, width: Decoration.barWidth, height: height), bar)
            }
        }
        // A list entry: its number or bullet as the label, the rest as the body.
        if let marker {
            canvas.beginTag("LI")
            marker.draw(canvas, x: x, y: y)
            canvas.beginTag("LBody")
            child.draw(canvas, x: x + indent, y: y)
            canvas.endTag("LBody")
            canvas.endTag("LI")
        } else {
            child.draw(canvas, x: x + indent, y: y)
        }
    }
}

/// A place other things link to: a named destination, optionally also a bookmark in the outline.
struct Mark {
    var destination: String
    var outline: (title: String, level: Int)?
}

/// Attaches destinations and bookmarks to the top of an item, so they travel with it when a
/// heading moves to the next page.
struct MarkedItem: FlowItem {
    let child: any FlowItem
    let marks: [Mark]

    var height: Double { child.height }
    var minimumStart: Double { child.minimumStart }
    var keepWithNext: Bool { child.keepWithNext }
    var keepWhole: Bool { child.keepWhole }
    var anchors: [String] { marks.map(\.destination) + child.anchors }

    func split(fitting available: Double) -> (head: any FlowItem, tail: any FlowItem)? {
        guard let (head, tail) = child.split(fitting: available) else { return nil }
        return (MarkedItem(child: head, marks: marks), tail)
    }

    func draw(_ canvas: PDFCanvas, x: Double, y: Double) {
        for mark in marks {
            canvas.destination(mark.destination, y: y)
            if let outline = mark.outline {
                canvas.outline(outline.title, level: outline.level, destination: mark.destination)
            }
        }
        child.draw(canvas, x: x, y: y)
    }
}
