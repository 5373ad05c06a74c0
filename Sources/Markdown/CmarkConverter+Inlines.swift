import CCmarkGFM
import Diagnostics

/// Inline conversion and inline positions.
///
/// cmark-gfm 0.29 reports an inline's column as its offset in the paragraph's
/// text plus the paragraph's first column. That is right on a paragraph's
/// first line but not on continuation lines, whose indentation and `>`
/// markers were stripped differently (tabs, lazy lines, list indentation),
/// and autolinks carry unrelated positions. So columns on continuation lines
/// are re-based on where that line's text starts, links and images are
/// checked against the `[` / `![` they must start with, and autolinks are
/// found by their text.
extension CmarkConverter {
    /// Where the leaf block holding some inlines starts (paragraph, heading
    /// or table cell), and how many block quotes surround it.
    struct Leaf {
        let line: Int
        let column: Int
        let quoteDepth: Int
    }

    func inlines(of node: OpaquePointer, quoteDepth: Int) -> [Inline] {
        let leaf = Leaf(line: Int(cmark_node_get_start_line(node)),
                        column: Int(cmark_node_get_start_column(node)), quoteDepth: quoteDepth)
        return inlines(childrenOf: node, leaf: leaf)
    }

    private func inlines(childrenOf node: OpaquePointer, leaf: Leaf) -> [Inline] {
        var result: [Inline] = []
        forEachChild(of: node) { child in
            guard let inline = inline(child, leaf: leaf) else { return }
            // cmark splits text at characters that might start markup; merge it back.
            if case .text(let text) = inline, case .text(let previous)? = result.last {
                result[result.count - 1] = .text(previous + text)
            } else {
                result.append(inline)
            }
        }
        return result
    }

    private func inline(_ node: OpaquePointer, leaf: Leaf) -> Inline? {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT: return .text(string(cmark_node_get_literal(node)))
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code(string(cmark_node_get_literal(node)))
        case CMARK_NODE_EMPH: return .emphasis(inlines(childrenOf: node, leaf: leaf))
        case CMARK_NODE_STRONG: return .strong(inlines(childrenOf: node, leaf: leaf))
        case CMARK_NODE_HTML_INLINE:
            let html = string(cmark_node_get_literal(node))
            let (line, start) = startOffset(of: node, leaf: leaf)
            let end = min(start + html.utf8.count, source.lineEnd(line))
            lineCursor[line] = end
            return .html(html, source.range(line: line, offset: start, endLine: line, endOffset: end))
        case CMARK_NODE_LINK:
            return .link(link(node, isImage: false, leaf: leaf))
        case CMARK_NODE_IMAGE:
            return .image(link(node, isImage: true, leaf: leaf))
        default:
            guard let type = cmark_node_get_type_string(node), String(cString: type) == "strikethrough" else {
                return nil
            }
            return .strikethrough(inlines(childrenOf: node, leaf: leaf))
        }
    }

    private func link(_ node: OpaquePointer, isImage: Bool, leaf: Leaf) -> Link {
        let destination = string(cmark_node_get_url(node))
        let title = string(cmark_node_get_title(node))
        let children = inlines(childrenOf: node, leaf: leaf)
        let (line, start) = startOffset(of: node, leaf: leaf)
        let opener: [UInt8] = isImage ? Array("![".utf8) : Array("[".utf8)
        if source.matches(opener, at: start) {
            let (endLine, last) = offset(line: Int(cmark_node_get_end_line(node)),
                                         column: Int(cmark_node_get_end_column(node)), leaf: leaf)
            let end = min(last + 1, source.lineEnd(endLine))
            lineCursor[endLine] = end
            return Link(destination: destination, title: title, children: children,
                        range: source.range(line: line, offset: start, endLine: endLine, endOffset: end),
                        destinationRange: destinationRange(Array(destination.utf8), from: start, to: end))
        }
        let text = Array(children.plainText.utf8)
        let from = lineCursor[line] ?? source.lineStart(line)
        let lineEnd = source.lineEnd(line)
        if let at = source.firstOffset(of: [UInt8(ascii: "<")] + text + [UInt8(ascii: ">")], from: from, to: lineEnd) {
            lineCursor[line] = at + text.count + 2
            return Link(destination: destination, title: title, children: children,
                        range: source.range(line: line, offset: at, endLine: line, endOffset: at + text.count + 2),
                        destinationRange: source.range(line: line, offset: at + 1, endLine: line,
                                                       endOffset: at + 1 + text.count))
        }
        if let at = source.firstOffset(of: text, from: from, to: lineEnd) {
            lineCursor[line] = at + text.count
            let range = source.range(line: line, offset: at, endLine: line, endOffset: at + text.count)
            return Link(destination: destination, title: title, children: children, range: range,
                        destinationRange: range)
        }
        let end = min(start + text.count, lineEnd)
        return Link(destination: destination, title: title, children: children,
                    range: source.range(line: line, offset: start, endLine: line, endOffset: end),
                    destinationRange: nil)
    }

    /// Where the destination of an inline link `[text](dest)` is written:
    /// after the last `](` that is followed by the destination verbatim.
    private func destinationRange(_ destination: [UInt8], from start: Int, to end: Int) -> SourceRange? {
        guard !destination.isEmpty else { return nil }
        let bytes = source.bytes
        var limit = end
        while let at = source.lastOffset(of: Array("](".utf8), from: start, to: limit) {
            var i = at + 2
            while i < end, [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r")]
                .contains(bytes[i]) { i += 1 }
            if i < end, bytes[i] == UInt8(ascii: "<") { i += 1 }
            if source.matches(destination, at: i), i + destination.count <= end {
                let line = source.line(containing: i)
                return source.range(line: line, offset: i, endLine: line, endOffset: i + destination.count)
            }
            limit = at + 1
        }
        return nil
    }

    private func startOffset(of node: OpaquePointer, leaf: Leaf) -> (line: Int, offset: Int) {
        offset(line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node)), leaf: leaf)
    }

    /// The byte offset of cmark's inline position, re-based on continuation lines.
    private func offset(line: Int, column: Int, leaf: Leaf) -> (line: Int, offset: Int) {
        let line = line > 0 ? line : leaf.line
        guard line != leaf.line else { return (line, source.offset(line: line, byteColumn: column)) }
        let start = source.contentStart(line: line, quoteDepth: leaf.quoteDepth)
        return (line, min(max(start + column - leaf.column, source.lineStart(line)), source.lineEnd(line)))
    }
}
