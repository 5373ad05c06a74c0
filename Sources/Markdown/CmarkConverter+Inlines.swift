import CCmarkGFM
import Diagnostics
import Foundation

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
    private enum Bytes {
        static let linkOpener = Array("[".utf8)
        static let imageOpener = Array("![".utf8)
        static let destinationOpener = Array("](".utf8)
        static let lessThan = Array("<".utf8)
        static let greaterThan = Array(">".utf8)
    }

    /// Where the leaf block holding some inlines starts (paragraph, heading
    /// or table cell), and how many block quotes surround it.
    struct Leaf {
        let line: Int
        let column: Int
        let quoteDepth: Int
        /// The byte offset just after the leaf block's last character.
        let end: Int
    }

    func inlines(of node: OpaquePointer, quoteDepth: Int) -> [Inline] {
        let (start, end) = byteBounds(of: node)
        let leaf = Leaf(
            line: Int(cmark_node_get_start_line(node)),
            column: Int(cmark_node_get_start_column(node)), quoteDepth: quoteDepth, end: end)
        cursor = start
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
        case CMARK_NODE_CODE:
            if cmark_node_get_end_line(node) > 0 {
                let (_, last) = offset(
                    line: Int(cmark_node_get_end_line(node)),
                    column: Int(cmark_node_get_end_column(node)), leaf: leaf)
                cursor = max(cursor, last + 1)
            }
            return .code(string(cmark_node_get_literal(node)))
        case CMARK_NODE_EMPH: return .emphasis(inlines(childrenOf: node, leaf: leaf))
        case CMARK_NODE_STRONG: return .strong(inlines(childrenOf: node, leaf: leaf))
        case CMARK_NODE_HTML_INLINE:
            let html = string(cmark_node_get_literal(node))
            let (line, start) = startOffset(of: node, leaf: leaf)
            let end = min(start + html.utf8.count, source.lineEnd(line))
            cursor = max(cursor, end)
            return .html(html, source.range(line: line, offset: start, endLine: line, endOffset: end))
        case CMARK_NODE_LINK:
            return .link(link(node, isImage: false, leaf: leaf))
        case CMARK_NODE_IMAGE:
            return .image(link(node, isImage: true, leaf: leaf))
        default:
            guard let type = cmark_node_get_type_string(node), strcmp(type, "strikethrough") == 0 else {
                return nil
            }
            return .strikethrough(inlines(childrenOf: node, leaf: leaf))
        }
    }

    private func link(_ node: OpaquePointer, isImage: Bool, leaf: Leaf) -> Link {
        let destination = string(cmark_node_get_url(node))
        let title = string(cmark_node_get_title(node))
        let children = inlines(childrenOf: node, leaf: leaf)
        let opener = isImage ? Bytes.imageOpener : Bytes.linkOpener
        // cmark puts a link whose text spans lines on its last line; its
        // first child then still knows where the text starts.
        var starts = [startOffset(of: node, leaf: leaf)]
        if let child = cmark_node_first_child(node), cmark_node_get_start_line(child) > 0 {
            let (line, offset) = startOffset(of: child, leaf: leaf)
            starts.append((line, offset - opener.count))
        }
        if let (line, start) = starts.first(where: { source.matches(opener, at: $0.offset) }) {
            let (endLine, last) = offset(
                line: Int(cmark_node_get_end_line(node)),
                column: Int(cmark_node_get_end_column(node)), leaf: leaf)
            let end = min(last + 1, source.lineEnd(endLine))
            cursor = max(cursor, end)
            return Link(
                destination: destination, title: title, children: children,
                range: source.range(line: line, offset: start, endLine: endLine, endOffset: end),
                destinationRange: destinationRange(Array(destination.utf8), from: start, to: end))
        }
        // An autolink, `<https://…>` or bare: found by its text after the
        // previous inline, since cmark's positions for it are unusable.
        let text = Array(children.plainText.utf8)
        guard let at = source.firstOffset(of: text, from: cursor, to: leaf.end) else {
            let (line, start) = starts[0]
            let range = source.range(line: line, offset: start, endLine: line, endOffset: start)
            return Link(destination: destination, title: title, children: children, range: range, destinationRange: nil)
        }
        let line = source.line(containing: at)
        let textRange = source.range(line: line, offset: at, endLine: line, endOffset: at + text.count)
        let bracketed =
            source.matches(Bytes.lessThan, at: at - 1) && source.matches(Bytes.greaterThan, at: at + text.count)
        cursor = at + text.count + (bracketed ? 1 : 0)
        let range = bracketed ? source.range(line: line, offset: at - 1, endLine: line, endOffset: cursor) : textRange
        return Link(
            destination: destination, title: title, children: children, range: range, destinationRange: textRange)
    }

    /// Where the destination of an inline link `[text](dest "title")` is
    /// written: after the first `](` that is followed by the destination
    /// verbatim (a title may repeat it; link text cannot hold a link).
    private func destinationRange(_ destination: [UInt8], from start: Int, to end: Int) -> SourceRange? {
        guard !destination.isEmpty else { return nil }
        let bytes = source.bytes
        var from = start
        while let at = source.firstOffset(of: Bytes.destinationOpener, from: from, to: end) {
            var i = at + 2
            while i < end, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
            if i < end, bytes[i] == UInt8(ascii: "<") { i += 1 }
            if i + destination.count <= end, source.matches(destination, at: i) {
                let line = source.line(containing: i)
                return source.range(line: line, offset: i, endLine: line, endOffset: i + destination.count)
            }
            from = at + 1
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
