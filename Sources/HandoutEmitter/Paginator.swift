/// An item and where it goes on its page, relative to the top of the page's text area.
struct Placement {
    let item: any FlowItem
    let y: Double
}

/// Breaks a flow of items into pages of a fixed text-area height: splits paragraphs between
/// lines, drops space at page tops, keeps headings with what follows. An item taller than a
/// whole page and unsplittable is still placed, and reported, never silently cut.
struct Paginator {
    let pageHeight: Double

    struct Result {
        var pages: [[Placement]]
        /// Items taller than a page, by their index in the input, with how far they overflow it.
        var overflows: [(index: Int, amount: Double)]

        /// The 1-based page (counted from the first paginated page) each anchor lands on.
        var anchorPages: [String: Int] {
            var result: [String: Int] = [:]
            for (index, page) in pages.enumerated() {
                for placement in page {
                    for anchor in placement.item.anchors where result[anchor] == nil { result[anchor] = index + 1 }
                }
            }
            return result
        }
    }

    /// Rounding slack, so an item that fits exactly is not pushed over by float error.
    private let epsilon = 0.01

    func paginate(_ items: [any FlowItem]) -> Result {
        var result = Result(pages: [], overflows: [])
        var page: [Placement] = []
        var y = 0.0
        var queue = Array(items.enumerated())[...]
        func newPage() {
            result.pages.append(page)
            page = []
            y = 0
        }
        while let (index, item) = queue.first {
            if item.isSpace && page.isEmpty {
                queue.removeFirst()
                continue
            }
            let remaining = pageHeight - y
            if item.height <= remaining + epsilon
                && !(item.keepWithNext && mustMoveWithNext(item, after: queue.dropFirst(), remaining: remaining))
            {
                page.append(Placement(item: item, y: y))
                y += item.height
                queue.removeFirst()
            } else if item.keepWhole, !page.isEmpty, item.height <= pageHeight + epsilon {
                newPage()
            } else if item.minimumStart <= remaining + epsilon || (item.keepWhole && item.height > pageHeight),
                let (head, tail) = item.split(fitting: remaining + epsilon)
            {
                page.append(Placement(item: head, y: y))
                queue[queue.startIndex] = (index, tail)
                newPage()
            } else if !page.isEmpty {
                newPage()
            } else {
                page.append(Placement(item: item, y: y))
                result.overflows.append((index, item.height - pageHeight))
                queue.removeFirst()
                newPage()
            }
        }
        if !page.isEmpty || result.pages.isEmpty { result.pages.append(page) }
        return result
    }

    /// A heading that fits but whose following content cannot start on this page moves with it.
    private func mustMoveWithNext(
        _ item: any FlowItem, after rest: ArraySlice<(offset: Int, element: any FlowItem)>,
        remaining: Double
    ) -> Bool {
        guard item.keepWithNext else { return false }
        var needed = item.height
        for (_, next) in rest {
            if next.isMarker { continue }
            if next.isSpace || next.keepWithNext {
                needed += next.height
                continue
            }
            needed += next.minimumStart
            break
        }
        // On an empty page moving would not help.
        return needed > remaining + epsilon && remaining < pageHeight - epsilon
    }
}
