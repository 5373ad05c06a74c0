import Diagnostics
import GuideModel
import Markdown

/// Finds an entry file's text slots: its translatable fields (in `fields`
/// order) and its body's headings, paragraphs and table cells, each with the
/// exact bytes it covers in the file's text.
struct SlotExtractor {
    let file: EntryFile
    let index: LineIndex

    /// `text` is the file's text as the loader read it (no byte-order mark, LF line ends).
    init(file: EntryFile, text: String) {
        self.file = file
        self.index = LineIndex(text)
    }

    func fieldSlots(_ fields: [String]) -> [TextSlot] {
        var slots: [TextSlot] = []
        for key in fields {
            switch file.frontMatter[key] {
            case .string(let value)?:
                if let slot = fieldSlot(.field(key), key: key, path: [key], value: value) { slots.append(slot) }
            case .array(let items)?:
                for (i, item) in items.enumerated() {
                    guard let value = item.stringValue,
                        let slot = fieldSlot(
                            .listItem(field: key, index: i), key: "\(key).\(i)", path: [key, String(i)], value: value)
                    else { continue }
                    slots.append(slot)
                }
            default:
                continue
            }
        }
        return slots
    }

    private func fieldSlot(_ kind: TextSlot.Kind, key: String, path: [String], value: String) -> TextSlot? {
        guard let range = file.positions.place(path)?.value else { return nil }
        // A block scalar (`>-`, `|`) ends where the next key starts: its line ends are not part of it.
        let span = trimmed(index.offset(range.start)..<index.offset(range.end))
        return TextSlot(
            key: key, kind: kind, shape: "field", section: nil, pieces: [.text(value)],
            span: span, continuation: "", line: range.start.line)
    }

    /// The body's slots in reading order, keyed `body.1`, `body.2` … (empty table cells included).
    func bodySlots() -> [TextSlot] {
        var slots: [TextSlot] = []
        var section: String?
        visit(file.body.blocks, path: "", section: &section, into: &slots)
        for i in slots.indices { slots[i].key = "body.\(i + 1)" }
        return slots
    }

    private func visit(_ blocks: [Block], path: String, section: inout String?, into slots: inout [TextSlot]) {
        for block in blocks {
            switch block.kind {
            case .paragraph(let inlines):
                let span = trimmed(index.offset(block.range.start)..<index.offset(block.range.end))
                slots.append(slot(.paragraph, shape: path + "p", section: section, inlines: inlines, span: span))
            case .heading(let heading):
                if let id = heading.id { section = id }
                let span = headingSpan(block, heading)
                slots.append(
                    slot(
                        .heading(level: heading.level), shape: path + "h\(heading.level)#\(heading.id ?? "")",
                        section: section, inlines: heading.inlines, span: span))
            case .list(let list):
                let container = path + (list.ordered ? "ol/li/" : "ul/li/")
                for item in list.items {
                    visit(item.blocks, path: container, section: &section, into: &slots)
                }
            case .blockQuote(let inner):
                visit(inner, path: path + "bq/", section: &section, into: &slots)
            case .table(let table):
                for (rowIndex, row) in ([table.header] + table.rows).enumerated() {
                    let cells = cellSpans(row.range.start.line, count: row.cells.count)
                    for (cellIndex, inlines) in row.cells.enumerated() {
                        let span =
                            cellIndex < cells.count
                            ? cells[cellIndex]
                            : index.lineEnd(row.range.start.line)..<index.lineEnd(row.range.start.line)
                        let kind: TextSlot.Kind = rowIndex == 0 ? .tableHeaderCell : .tableCell
                        slots.append(
                            slot(
                                kind, shape: path + (rowIndex == 0 ? "table/th" : "table/td"), section: section,
                                inlines: inlines, span: span))
                    }
                }
            case .codeBlock, .thematicBreak, .html:
                continue
            }
        }
    }

    private func slot(_ kind: TextSlot.Kind, shape: String, section: String?, inlines: [Inline], span: Range<Int>)
        -> TextSlot
    {
        let lineStart = index.lineStart(index.position(span.lowerBound).line)
        let prefix = index.bytes[lineStart..<max(lineStart, span.lowerBound)].map { b -> UInt8 in
            b == UInt8(ascii: ">") || b == 0x09 ? b : 0x20
        }
        return TextSlot(
            key: "", kind: kind, shape: shape, section: section,
            pieces: inlines.isEmpty ? [] : InlineAligner.pieces(inlines, bytes: index.bytes, span: span),
            span: span, continuation: String(decoding: prefix, as: UTF8.self),
            line: index.position(span.lowerBound).line)
    }

    /// A heading's text: after the `#` marks, before `{#id}` and closing `#`s;
    /// for an underlined heading, its lines before the underline.
    private func headingSpan(_ block: Block, _ heading: Heading) -> Range<Int> {
        let bytes = index.bytes
        var start = index.offset(block.range.start)
        let firstLineEnd = index.lineEnd(block.range.start.line)
        var probe = start
        while probe < firstLineEnd, bytes[probe] == 0x20 { probe += 1 }
        var end: Int
        if probe < firstLineEnd, bytes[probe] == UInt8(ascii: "#") {
            while probe < firstLineEnd, bytes[probe] == UInt8(ascii: "#") { probe += 1 }
            while probe < firstLineEnd, bytes[probe] == 0x20 || bytes[probe] == 0x09 { probe += 1 }
            start = probe
            end = firstLineEnd
            if let id = heading.idRange, id.start.line == block.range.start.line { end = index.offset(id.start) }
            var trimmedEnd = trimmed(start..<end).upperBound
            // A closing sequence: blanks, then #s, at the end.
            var hashes = trimmedEnd
            while hashes > start, bytes[hashes - 1] == UInt8(ascii: "#") { hashes -= 1 }
            if hashes < trimmedEnd, hashes == start || bytes[hashes - 1] == 0x20 || bytes[hashes - 1] == 0x09 {
                trimmedEnd = trimmed(start..<hashes).upperBound
            }
            end = trimmedEnd
        } else {
            end = index.lineEnd(max(block.range.end.line - 1, block.range.start.line))
            if let id = heading.idRange { end = min(end, index.offset(id.start)) }
            end = trimmed(start..<end).upperBound
        }
        return start..<max(start, end)
    }

    /// The byte ranges of a table row's cells (trimmed), split at unescaped pipes.
    private func cellSpans(_ line: Int, count: Int) -> [Range<Int>] {
        let bytes = index.bytes
        var i = index.lineStart(line)
        let end = index.lineEnd(line)
        while i < end, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == UInt8(ascii: ">") { i += 1 }
        if i < end, bytes[i] == UInt8(ascii: "|") { i += 1 }
        var cells: [Range<Int>] = []
        var cellStart = i
        while i < end {
            if bytes[i] == UInt8(ascii: "\\") {
                i += 2
                continue
            }
            if bytes[i] == UInt8(ascii: "|") {
                cells.append(trimmed(cellStart..<i))
                cellStart = i + 1
            }
            i += 1
        }
        let last = trimmed(cellStart..<min(i, end))
        if !last.isEmpty || cells.count < count { cells.append(last) }
        return cells
    }

    /// The range without blanks at either end.
    private func trimmed(_ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = min(range.upperBound, index.bytes.count)
        while lower < upper, [0x20, 0x09, 0x0A].contains(index.bytes[lower]) { lower += 1 }
        while upper > lower, [0x20, 0x09, 0x0A].contains(index.bytes[upper - 1]) { upper -= 1 }
        return lower..<upper
    }
}
