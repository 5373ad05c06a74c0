import CCmarkGFM
import Diagnostics

/// Converts cmark's C tree into the Swift tree: the one place that reads
/// cmark nodes. Block positions come straight from cmark; inline positions
/// are corrected (see `CmarkConverter+Inlines.swift`).
final class CmarkConverter {
    let source: SourceMap
    let extensions: CmarkExtensions
    private(set) var problems: [MarkdownProblem] = []
    private var sectionIDs: Set<String> = []
    /// The byte offset just after the last inline located in the current leaf
    /// block, so autolinks are looked for after it (see `link(_:isImage:leaf:)`).
    var cursor = 0

    init(source: SourceMap, extensions: CmarkExtensions) {
        self.source = source
        self.extensions = extensions
    }

    func document(_ root: OpaquePointer) -> MarkdownDocument {
        let blocks = blocks(childrenOf: root, quoteDepth: 0)
        return MarkdownDocument(blocks: blocks, problems: problems)
    }

    // MARK: Blocks

    private func blocks(childrenOf node: OpaquePointer, quoteDepth: Int) -> [Block] {
        var result: [Block] = []
        forEachChild(of: node) { child in
            if let block = block(child, quoteDepth: quoteDepth) { result.append(block) }
        }
        return result
    }

    private func block(_ node: OpaquePointer, quoteDepth: Int) -> Block? {
        let range = self.range(of: node)
        switch cmark_node_get_type(node) {
        case CMARK_NODE_PARAGRAPH:
            return Block(.paragraph(inlines(of: node, quoteDepth: quoteDepth)), range: range)
        case CMARK_NODE_HEADING:
            return Block(.heading(heading(node, quoteDepth: quoteDepth)), range: range)
        case CMARK_NODE_LIST:
            return Block(.list(list(node, quoteDepth: quoteDepth)), range: range)
        case CMARK_NODE_BLOCK_QUOTE:
            return Block(.blockQuote(blocks(childrenOf: node, quoteDepth: quoteDepth + 1)), range: range)
        case CMARK_NODE_CODE_BLOCK:
            let info = string(cmark_node_get_fence_info(node))
            return Block(.codeBlock(info: info, code: string(cmark_node_get_literal(node))), range: range)
        case CMARK_NODE_HTML_BLOCK:
            return Block(.html(string(cmark_node_get_literal(node))), range: range)
        case CMARK_NODE_THEMATIC_BREAK:
            return Block(.thematicBreak, range: range)
        default:
            guard let table = extensions.table, cmark_node_get_syntax_extension(node) == table else { return nil }
            return Block(.table(self.table(node, quoteDepth: quoteDepth)), range: range)
        }
    }

    private func heading(_ node: OpaquePointer, quoteDepth: Int) -> Heading {
        let level = Int(cmark_node_get_heading_level(node))
        let inlines = inlines(of: node, quoteDepth: quoteDepth)
        guard let suffix = SectionIDSuffix(inlines) else { return Heading(level: level, inlines: inlines) }
        let (start, end) = byteBounds(of: node)
        let idRange: SourceRange
        if let at = source.lastOffset(of: Array(suffix.written.utf8), from: start, to: end) {
            let line = source.line(containing: at)
            idRange = source.range(line: line, offset: at, endLine: line, endOffset: at + suffix.written.utf8.count)
        } else {
            idRange = range(of: node)
        }
        guard let id = suffix.id else {
            var message = "malformed section id '\(suffix.written)': use lowercase letters, digits and single hyphens"
            if let suggestion = SectionIDSuffix.suggestion(for: suffix.written) {
                message += ", like {#\(suggestion)}"
            }
            problems.append(MarkdownProblem(kind: .malformedSectionID, range: idRange, message: message))
            return Heading(level: level, inlines: inlines)
        }
        if !sectionIDs.insert(id).inserted {
            problems.append(
                MarkdownProblem(
                    kind: .duplicateSectionID, range: idRange,
                    message: "section id '\(id)' is used by an earlier heading"))
        }
        return Heading(level: level, inlines: suffix.remainingInlines, id: id, idRange: idRange)
    }

    private func list(_ node: OpaquePointer, quoteDepth: Int) -> List {
        let ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
        var items: [ListItem] = []
        forEachChild(of: node) { item in
            var checked: Bool?
            if let tasklist = extensions.tasklist, cmark_node_get_syntax_extension(item) == tasklist {
                checked = cmark_gfm_extensions_get_tasklist_item_checked(item)
            }
            items.append(
                ListItem(
                    blocks: blocks(childrenOf: item, quoteDepth: quoteDepth),
                    checked: checked, range: range(of: item)))
        }
        return List(
            ordered: ordered, start: ordered ? Int(cmark_node_get_list_start(node)) : 1,
            tight: cmark_node_get_list_tight(node) != 0, items: items)
    }

    private func table(_ node: OpaquePointer, quoteDepth: Int) -> Table {
        let columns = Int(cmark_gfm_extensions_get_table_columns(node))
        var alignments: [Table.Alignment] = []
        if let raw = cmark_gfm_extensions_get_table_alignments(node) {
            for column in 0..<columns {
                switch raw[column] {
                case UInt8(ascii: "l"): alignments.append(.left)
                case UInt8(ascii: "c"): alignments.append(.center)
                case UInt8(ascii: "r"): alignments.append(.right)
                default: alignments.append(.none)
                }
            }
        }
        var rows: [TableRow] = []
        forEachChild(of: node) { row in
            var cells: [[Inline]] = []
            forEachChild(of: row) { cell in cells.append(inlines(of: cell, quoteDepth: quoteDepth)) }
            rows.append(TableRow(cells: cells, range: range(of: row)))
        }
        let header = rows.first ?? TableRow(cells: [], range: range(of: node))
        return Table(alignments: alignments, header: header, rows: Array(rows.dropFirst()))
    }

    // MARK: Helpers

    func forEachChild(of node: OpaquePointer, _ body: (OpaquePointer) -> Void) {
        var child = cmark_node_first_child(node)
        while let current = child {
            body(current)
            child = cmark_node_next(current)
        }
    }

    func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    /// A block's range, straight from cmark's source positions.
    func range(of node: OpaquePointer) -> SourceRange {
        source.range(
            startLine: Int(cmark_node_get_start_line(node)),
            startColumn: Int(cmark_node_get_start_column(node)),
            endLine: Int(cmark_node_get_end_line(node)),
            endColumn: Int(cmark_node_get_end_column(node)))
    }

    /// A block's byte offsets: first byte, and just after the last.
    func byteBounds(of node: OpaquePointer) -> (Int, Int) {
        let startLine = Int(cmark_node_get_start_line(node))
        let endLine = Int(cmark_node_get_end_line(node))
        let start = source.offset(line: startLine, byteColumn: Int(cmark_node_get_start_column(node)))
        let endColumn = Int(cmark_node_get_end_column(node))
        if endColumn <= 0 && endLine > startLine { return (start, source.lineEnd(endLine - 1)) }
        return (start, source.offset(line: endLine, byteColumn: endColumn) + 1)
    }
}
